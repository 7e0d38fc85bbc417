//! The methods of [`Provider`] that reach a provider's own catalogue and parser: the one place
//! that maps a [`Provider`] value to its enum, so that code knowing the provider only at run
//! time needs no `match` of its own.

use http::{HeaderMap, StatusCode};

use crate::{any_code::AnyCode, entry::Table, provider::Provider, response::AnyApiError};
#[allow(unused_imports, reason = "used by the providers compiled in")]
use crate::{
    provider_error::ProviderError,
    provider_error::{Internal, sealed::Sealed},
    response::ParseResponse,
    response::{self, Profile, Wire},
};

/// Runs `$body` with `$E` naming the enum of `$provider`, or `$off` when the provider's feature
/// is off. Every provider has its arm, so adding one without an arm does not compile.
macro_rules! with_enum {
    ($provider:expr, $E:ident => $body:expr, off => $off:expr) => {
        match $provider {
            Provider::Upyun => with_enum!(@arm "upyun", upyun::UpyunError, $E => $body, $off),
            Provider::QingStor => with_enum!(@arm "qingstor", qingstor::QingStorError, $E => $body, $off),
            Provider::LeanCloud => with_enum!(@arm "leancloud", leancloud::LeanCloudError, $E => $body, $off),
            Provider::OpenList => with_enum!(@arm "openlist", openlist::OpenListError, $E => $body, $off),
        }
    };
    (@arm $feature:literal, $module:ident::$ty:ident, $E:ident => $body:expr, $off:expr) => {{
        #[cfg(feature = $feature)]
        {
            type $E = crate::$module::$ty;
            $body
        }
        #[cfg(not(feature = $feature))]
        {
            $off
        }
    }};
}

#[cfg(not(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")))]
static UNCATALOGUED_ID_HEADERS: [http::HeaderName; 1] = [response::X_REQUEST_ID];

/// What a response of a provider whose feature is off is read with: the common keys, no
/// catalogue.
#[cfg(not(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")))]
static UNCATALOGUED: Profile = Profile {
    numeric_codes: false,
    body_keys: &[
        ("code", response::Field::Code),
        ("message", response::Field::Message),
        ("msg", response::Field::Message),
        ("error", response::Field::Message),
        ("request_id", response::Field::RequestId),
    ],
    request_id_headers: &UNCATALOGUED_ID_HEADERS,
    code_header: None,
    status_in_body: false,
    status_without_code: &[],
};

impl Provider {
    /// `true` when this provider's catalogue is compiled in (its cargo feature is on).
    pub const fn is_enabled(self) -> bool {
        with_enum!(self, E => { let _: Option<E> = None; true }, off => false)
    }

    /// `true` when the provider answers failures with HTTP 200 and the real status in the
    /// body's `code` (OpenList), so that a body alone says whether it is a failure.
    pub fn status_in_body(self) -> bool {
        with_enum!(self, E => E::profile(Internal(())).status_in_body, off => false)
    }

    /// Every entry of this provider's catalogue, in catalogue order; none when its feature is
    /// off.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "qingstor")] {
    /// use cloud_errcodes::Provider;
    ///
    /// let codes: Vec<_> = Provider::QingStor.entries().map(|code| code.code_str()).collect();
    /// assert!(codes.contains(&"bucket_not_empty"));
    /// # }
    /// ```
    pub fn entries(self) -> impl ExactSizeIterator<Item = AnyCode> + DoubleEndedIterator + Clone {
        let table: &'static Table = with_enum!(self, E => E::table(Internal(())), off => &Table::EMPTY);
        (0..table.len()).map(move |index| AnyCode::at(self, table, index))
    }

    /// The API surfaces this provider's codes come from (see [`ProviderError::SURFACES`]);
    /// none when its feature is off.
    pub fn surfaces(self) -> &'static [&'static str] {
        with_enum!(self, E => E::SURFACES, off => &[])
    }

    /// Looks up a code given as text, as the provider enum's `FromStr` does; `None` if the
    /// catalogue does not list it (or the provider's feature is off).
    pub fn from_code(self, code: &str) -> Option<AnyCode> {
        self.variants_of(code).first().copied()
    }

    /// Every entry documented under a code given as text, the primary one first (several for
    /// the codes LeanCloud documents with more than one meaning).
    pub fn variants_of(self, code: &str) -> Vec<AnyCode> {
        with_enum!(
            self,
            E => E::variants_of_text(code, Internal(())).iter().map(|&v| AnyCode::from(v)).collect(),
            off => Vec::new()
        )
    }

    /// Parses a raw error response of this provider (see
    /// [`ParseResponse::parse_parts`]), for a caller that knows the provider only at run time.
    /// A provider whose feature is off is read with the common keys, and no code is known.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "upyun")] {
    /// use cloud_errcodes::{ErrorKind, Provider};
    /// use cloud_errcodes::http::{HeaderMap, StatusCode};
    ///
    /// let provider: Provider = "upyun".parse().unwrap();
    /// let body = br#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729"}"#;
    /// let err = provider.parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
    /// assert_eq!(err.kind(), ErrorKind::QuotaExceeded);
    /// assert_eq!(err.to_string(), "upyun 40300004: bucket is full (HTTP 403, request 11e4a729)");
    /// # }
    /// ```
    pub fn parse_parts(self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> AnyApiError {
        with_enum!(
            self,
            E => E::parse_parts(status, headers, body).into(),
            off => AnyApiError::uncatalogued(self, response::parse_uncatalogued(&UNCATALOGUED, status, headers, body))
        )
    }

    /// Finds this provider's error in any text (see [`ParseResponse::parse_text`]), for a
    /// caller that knows the provider only at run time; `None` when the text holds none, or
    /// the provider's feature is off. [`AnyApiError::evidence`] says how strongly the text
    /// showed it, to rank the readings of one text by every provider.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(all(feature = "qingstor", feature = "upyun"))] {
    /// use cloud_errcodes::{Evidence, Provider};
    ///
    /// let text = r#"get object failed:{"code":"object_not_exists","message":"The object you are accessing does not exist.","request_id":"fc6b0c36"}"#;
    /// let err = Provider::QingStor.parse_text(text).unwrap();
    /// assert_eq!(err.code_str(), Some("object_not_exists"));
    /// assert_eq!(err.evidence(), Some(Evidence::Body));
    /// assert!(Provider::Upyun.parse_text(text).is_none());
    /// # }
    /// ```
    pub fn parse_text(self, text: &str) -> Option<AnyApiError> {
        with_enum!(self, E => E::parse_text(text).map(AnyApiError::from), off => { let _ = text; None })
    }

    /// `Ok` when the response is a success the way this provider means it, else the parsed
    /// error (see [`ParseResponse::check_parts`]).
    ///
    /// # Errors
    ///
    /// The parsed error when the response is a failure.
    pub fn check_parts(self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), AnyApiError> {
        with_enum!(
            self,
            E => E::check_parts(status, headers, body).map_err(AnyApiError::from),
            off => match status.is_client_error() || status.is_server_error() {
                true => Err(self.parse_parts(status, headers, body)),
                false => Ok(()),
            }
        )
    }
}
