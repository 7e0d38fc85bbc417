//! Serde support shared by every provider enum: a variant is its wire code.

use std::{fmt, marker::PhantomData};

use serde::{Deserializer, Serializer, de};

use crate::provider_error::ProviderError;

/// Numeric providers serialize as the number, text providers as the string.
pub(crate) fn serialize<E: ProviderError, S: Serializer>(code: E, serializer: S) -> Result<S::Ok, S::Error> {
    match code.numeric_code() {
        Some(number) => serializer.serialize_i64(number),
        None => serializer.serialize_str(code.code_str()),
    }
}

/// Accepts the code as a number or as a string (UpYun's CDN sends numbers as strings); an
/// unknown code is an error naming it.
pub(crate) fn deserialize<'de, E: ProviderError, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    deserializer.deserialize_any(CodeVisitor(PhantomData))
}

struct CodeVisitor<E>(PhantomData<E>);

impl<E: ProviderError> de::Visitor<'_> for CodeVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} error code", E::PROVIDER)
    }

    fn visit_u64<Err: de::Error>(self, value: u64) -> Result<E, Err> {
        E::from_code_str(&value.to_string())
            .ok_or_else(|| Err::custom(format_args!("unknown {} error code `{value}`", E::PROVIDER)))
    }

    fn visit_i64<Err: de::Error>(self, value: i64) -> Result<E, Err> {
        E::from_code_str(&value.to_string())
            .ok_or_else(|| Err::custom(format_args!("unknown {} error code `{value}`", E::PROVIDER)))
    }

    fn visit_str<Err: de::Error>(self, value: &str) -> Result<E, Err> {
        value.parse::<E>().map_err(Err::custom)
    }
}
