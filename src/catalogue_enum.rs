//! [`catalogue_enum!`]: the impls every generated provider enum shares.
//!
//! The build script emits data for each provider (the enum, `ALL`, the `TABLE` of facts,
//! `SURFACES` and the `CODES` lookup table); this macro turns that data into the shared impls, and each provider
//! module adds what is its own (its `PROFILE` and `Wire` impl, `message`, ...). It sits above
//! both the catalogue traits and the parser it implements and calls.

/// The impls every provider enum shares, from the generated `ALL`, `TABLE`, `ROWS`, `CODES` and
/// `BY_CODE`: the
/// sealed and public catalogue traits, the inherent accessors and parsers (so callers need not
/// import a trait; the trait methods call these), `Display`, `Error`, strum's `IntoEnumIterator`
/// and `EnumCount`, `FromStr` and serde.
///
/// `codes = number(<integer type>)` or `codes = text` gives `from_code`, `variants_of` and
/// `code` the provider's code type.
macro_rules! catalogue_enum {
    (@codes $ty:ident, number($int:ty)) => {
        impl $ty {
            /// Looks up a wire code with one perfect-hash probe; `None` if the catalogue does not
            /// list it. A code documented with several meanings gives its primary one.
            pub fn from_code(code: $int) -> Option<Self> {
                Self::variants_of(code).first().copied()
            }

            /// Every variant documented under `code`, the primary one first; empty if unknown.
            /// A code no fixed entry lists may still match a templated one (UpYun's CDN
            /// `503xx001`, where `x` is any digit).
            pub fn variants_of(code: $int) -> &'static [Self] {
                match CODES.get(&code) {
                    Some(&(start, end)) => BY_CODE.get(usize::from(start)..usize::from(end)).unwrap_or(&[]),
                    None => crate::entry::template_variants(TEMPLATES, i64::from(code)),
                }
            }

            /// The code the server sends for this error. For a templated code (`503xx001`),
            /// the number with every `x` read as `0`, which need not be a code itself (`xxx10999`
            /// gives 10999): the response's raw code says which digits it had.
            pub const fn code(self) -> $int {
                // The build script checks every code fits the type.
                self.entry().number() as $int
            }

            /// Looks up a code together with the message the server sent, for codes documented
            /// with several meanings: the variant whose documented message equals `message`
            /// (exactly, then ignoring ASCII case, surrounding whitespace and a trailing period,
            /// then reading a documented `<name>` part as any text),
            /// else the primary one; `None` for an unknown code.
            pub fn from_code_and_message(code: $int, message: &str) -> Option<Self> {
                crate::provider_error::resolve_by_message(Self::variants_of(code), message)
            }

            fn variants_of_text(code: &str) -> &'static [Self] {
                match crate::entry::parse_numeric_code(code) {
                    Some(number) => Self::variants_of_number(number),
                    // The template itself, as `code_str()` gives it.
                    None => TEMPLATES.iter().find(|template| template.0 == crate::entry::trim_code(code)).map_or(&[], |t| t.3),
                }
            }

            fn variants_of_number(code: i64) -> &'static [Self] {
                <$int>::try_from(code).map_or(&[], Self::variants_of)
            }
        }
    };
    (@codes $ty:ident, text) => {
        impl $ty {
            /// Looks up a code with one perfect-hash probe, ignoring surrounding whitespace;
            /// `None` if the catalogue does not list it.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::variants_of(code).first().copied()
            }

            /// Every variant documented under `code`, the primary one first; empty if unknown.
            pub fn variants_of(code: &str) -> &'static [Self] {
                match CODES.get(crate::entry::trim_code(code)) {
                    Some(&(start, end)) => BY_CODE.get(usize::from(start)..usize::from(end)).unwrap_or(&[]),
                    None => &[],
                }
            }

            /// The code as it stands in the catalogue (and, for providers that send codes, on
            /// the wire).
            pub fn code(self) -> &'static str {
                self.entry().code()
            }

            /// Looks up a code together with the message the server sent, for codes documented
            /// with several meanings: the variant whose documented message equals `message`
            /// (exactly, then ignoring ASCII case, surrounding whitespace and a trailing period,
            /// then reading a documented `<name>` part as any text),
            /// else the primary one; `None` for an unknown code.
            pub fn from_code_and_message(code: &str, message: &str) -> Option<Self> {
                crate::provider_error::resolve_by_message(Self::variants_of(code), message)
            }

            fn variants_of_text(code: &str) -> &'static [Self] {
                Self::variants_of(code)
            }

            fn variants_of_number(_: i64) -> &'static [Self] {
                &[]
            }
        }
    };
    ($ty:ident, $provider:ident, codes = $codes:ident $(($int:ty))?) => {
        crate::catalogue_enum::catalogue_enum!(@codes $ty, $codes $(($int))?);

        impl crate::provider_error::sealed::Sealed for $ty {
            fn entry(self, _: crate::provider_error::Internal) -> crate::entry::Entry {
                self.entry()
            }

            fn index(self, _: crate::provider_error::Internal) -> u16 {
                self as u16
            }

            fn table(_: crate::provider_error::Internal) -> &'static crate::entry::Table {
                &TABLE
            }

            fn variants_of_text(code: &str, _: crate::provider_error::Internal) -> &'static [Self] {
                $ty::variants_of_text(code)
            }

            fn variants_of_number(code: i64, _: crate::provider_error::Internal) -> &'static [Self] {
                $ty::variants_of_number(code)
            }
        }

        impl crate::provider_error::ProviderError for $ty {
            const PROVIDER: crate::provider::Provider = crate::provider::Provider::$provider;
            const ALL: &'static [Self] = ALL;
            const SURFACES: &'static [&'static str] = SURFACES;

            fn code_str(self) -> &'static str {
                $ty::code_str(self)
            }

            fn numeric_code(self) -> Option<i64> {
                $ty::numeric_code(self)
            }

            fn is_template(self) -> bool {
                $ty::is_template(self)
            }

            fn wire_message(self) -> Option<&'static str> {
                $ty::wire_message(self)
            }

            fn alternate_messages(self) -> &'static [&'static str] {
                $ty::alternate_messages(self)
            }

            fn summary(self) -> &'static str {
                $ty::summary(self)
            }

            fn http_status(self) -> ::http::StatusCode {
                $ty::http_status(self)
            }

            fn kind(self) -> crate::kind::ErrorKind {
                $ty::kind(self)
            }

            fn retry(self) -> crate::kind::Retry {
                $ty::retry(self)
            }

            fn is_retryable(self) -> bool {
                $ty::is_retryable(self)
            }

            fn surface(self) -> &'static str {
                $ty::surface(self)
            }

            fn provenance(self) -> &'static str {
                $ty::provenance(self)
            }

            fn source_url(self) -> Option<&'static str> {
                $ty::source_url(self)
            }

            fn description(self, lang: crate::lang::Lang) -> &'static str {
                $ty::description(self, lang)
            }

            fn remedy(self, lang: crate::lang::Lang) -> Option<&'static str> {
                $ty::remedy(self, lang)
            }
        }

        /// The catalogue's facts (see [`ProviderError`](crate::ProviderError) for each).
        impl $ty {
            /// The catalogue entry behind this variant.
            const fn entry(self) -> crate::entry::Entry {
                TABLE.entry(self as u16)
            }

            /// The code as text (see [`ProviderError::code_str`](crate::ProviderError::code_str)).
            pub fn code_str(self) -> &'static str {
                self.entry().code()
            }

            /// The code as a number (see [`ProviderError::numeric_code`](crate::ProviderError::numeric_code)).
            pub fn numeric_code(self) -> Option<i64> {
                self.entry().numeric_code()
            }

            /// `true` for a templated code (see [`ProviderError::is_template`](crate::ProviderError::is_template)).
            pub const fn is_template(self) -> bool {
                ROWS[self as usize].template
            }

            /// The documented wire message (see [`ProviderError::wire_message`](crate::ProviderError::wire_message)).
            pub fn wire_message(self) -> Option<&'static str> {
                self.entry().wire_message()
            }

            /// Other wordings (see [`ProviderError::alternate_messages`](crate::ProviderError::alternate_messages)).
            pub fn alternate_messages(self) -> &'static [&'static str] {
                self.entry().alternates()
            }

            /// A short lowercase English phrase for this error, as `Display` shows it.
            pub fn summary(self) -> &'static str {
                self.entry().summary()
            }

            /// The HTTP status the provider answers with for this error.
            pub fn http_status(self) -> ::http::StatusCode {
                self.entry().status_code()
            }

            /// The cross-provider kind of this error.
            pub const fn kind(self) -> crate::kind::ErrorKind {
                ROWS[self as usize].kind
            }

            /// Whether and how the same request may be retried.
            pub const fn retry(self) -> crate::kind::Retry {
                ROWS[self as usize].retry
            }

            /// `true` when retrying with backoff may succeed.
            pub const fn is_retryable(self) -> bool {
                ROWS[self as usize].retry.is_retryable()
            }

            /// Which API surface sends this error (one of [`SURFACES`](crate::ProviderError::SURFACES)).
            pub fn surface(self) -> &'static str {
                self.entry().surface()
            }

            /// Where the catalogue's wire facts for this error come from.
            pub fn provenance(self) -> &'static str {
                self.entry().provenance()
            }

            /// Where to check the catalogue's facts (see
            /// [`ProviderError::source_url`](crate::ProviderError::source_url)).
            pub fn source_url(self) -> Option<&'static str> {
                self.entry().source_url()
            }

            /// What this error means, in the given language.
            pub fn description(self, lang: crate::lang::Lang) -> &'static str {
                self.entry().description(lang)
            }

            /// What to do about this error, where the catalogue says (see
            /// [`ProviderError::remedy`](crate::ProviderError::remedy)).
            pub fn remedy(self, lang: crate::lang::Lang) -> Option<&'static str> {
                self.entry().remedy(lang)
            }
        }

        /// Parsing responses (see [`ParseResponse`](crate::ParseResponse) for each).
        impl $ty {
            /// Parses a raw error response (see [`ParseResponse::parse_parts`](crate::ParseResponse::parse_parts)).
            pub fn parse_parts(
                status: ::http::StatusCode,
                headers: &::http::HeaderMap,
                body: &[u8],
            ) -> crate::response::ApiError<Self> {
                <Self as crate::response::ParseResponse>::parse_parts(status, headers, body)
            }

            /// Finds this provider's error in any text (see
            /// [`ParseResponse::parse_text`](crate::ParseResponse::parse_text)).
            pub fn parse_text(text: &str) -> Option<crate::response::ApiError<Self>> {
                <Self as crate::response::ParseResponse>::parse_text(text)
            }

            /// Parses an [`http::Response`] (see [`ParseResponse::parse_response`](crate::ParseResponse::parse_response)).
            pub fn parse_response<B: AsRef<[u8]>>(response: &::http::Response<B>) -> crate::response::ApiError<Self> {
                <Self as crate::response::ParseResponse>::parse_response(response)
            }

            /// `Ok` for a success the way the provider means it, else the parsed error (see
            /// [`ParseResponse::check_parts`](crate::ParseResponse::check_parts)).
            ///
            /// # Errors
            ///
            /// The parsed error when the response is a failure.
            pub fn check_parts(
                status: ::http::StatusCode,
                headers: &::http::HeaderMap,
                body: &[u8],
            ) -> Result<(), crate::response::ApiError<Self>> {
                <Self as crate::response::ParseResponse>::check_parts(status, headers, body)
            }

            /// [`check_parts`](Self::check_parts) on an [`http::Response`].
            ///
            /// # Errors
            ///
            /// The parsed error when the response is a failure.
            pub fn check_response<B: AsRef<[u8]>>(response: &::http::Response<B>) -> Result<(), crate::response::ApiError<Self>> {
                <Self as crate::response::ParseResponse>::check_response(response)
            }
        }

        impl ::core::fmt::Display for $ty {
            /// `<provider> <code>: <summary>`, such as `upyun 40300004: bucket is full`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let entry = self.entry();
                write!(f, "{} {}: {}", crate::provider::Provider::$provider.as_str(), entry.code(), entry.summary())
            }
        }

        impl ::std::error::Error for $ty {}

        // strum's traits, written here rather than derived, so that no build of the crate
        // compiles `strum_macros` and its `syn`.
        impl ::strum::IntoEnumIterator for $ty {
            type Iterator = ::core::iter::Copied<::core::slice::Iter<'static, Self>>;

            /// Every variant, in declaration order (the order of
            /// [`ProviderError::ALL`](crate::ProviderError::ALL)).
            fn iter() -> Self::Iterator {
                ALL.iter().copied()
            }
        }

        impl ::strum::EnumCount for $ty {
            const COUNT: usize = ALL.len();
        }

        impl ::core::str::FromStr for $ty {
            type Err = crate::provider_error::ParseCodeError;

            /// Looks up a code given as text; surrounding whitespace is ignored.
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                <Self as crate::provider_error::ProviderError>::from_code_str(code)
                    .ok_or_else(|| crate::provider_error::ParseCodeError::new(crate::provider::Provider::$provider, code))
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                crate::serde_code::serialize(*self, serializer)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::serde_code::deserialize(deserializer)
            }
        }
    };
}

pub(crate) use catalogue_enum;
