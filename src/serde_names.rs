//! Serde for the crate's small named enums (`ErrorKind`, `Retry`, `Lang`, `Provider`,
//! `BodyFormat`): each value is its `as_str()` name.

use std::fmt;

use serde::{Deserializer, de};

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
                crate::serde_names::deserialize_name(deserializer, Self::ALL, Self::as_str, $what)
            }
        }
    };
}

pub(crate) use serde_by_name;
