//! Serde support shared by every provider enum: a variant is its wire code.

use std::{fmt, marker::PhantomData};

use serde::{Deserializer, Serializer, de};

use crate::ProviderError;

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

/// Deserializes one of a fixed set of names (`as_str` of every value in `all`); anything else
/// is an error listing what is accepted.
pub(crate) fn deserialize_name<'de, T: Copy + 'static, D: Deserializer<'de>>(
    deserializer: D,
    all: &'static [T],
    name: fn(T) -> &'static str,
    what: &'static str,
) -> Result<T, D::Error> {
    deserializer.deserialize_str(NameVisitor { all, name, what })
}

struct NameVisitor<T: 'static> {
    all: &'static [T],
    name: fn(T) -> &'static str,
    what: &'static str,
}

impl<T: Copy> de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} name", self.what)
    }

    fn visit_str<Err: de::Error>(self, value: &str) -> Result<T, Err> {
        self.all.iter().copied().find(|v| (self.name)(*v) == value).ok_or_else(|| {
            let names: Vec<&str> = self.all.iter().map(|v| (self.name)(*v)).collect();
            Err::custom(format_args!("unknown {} `{value}` (expected one of {})", self.what, names.join(", ")))
        })
    }
}

/// `Serialize` as `as_str()` and `Deserialize` from exactly those names (every value of `ALL`),
/// for the crate's small named enums.
macro_rules! serde_by_name {
    ($ty:ty, $what:literal) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::serde_code::deserialize_name(deserializer, Self::ALL, Self::as_str, $what)
            }
        }
    };
}

pub(crate) use serde_by_name;
