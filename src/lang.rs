//! [`Lang`], the languages descriptions are written in.

use std::{fmt, str::FromStr};

use crate::error::ParseNameError;

/// A language the catalogue's descriptions are written in.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Lang;
///
/// assert_eq!("zh-Hans".parse::<Lang>().unwrap(), Lang::ZhCn);
/// assert_eq!("EN-us".parse::<Lang>().unwrap(), Lang::En);
/// assert_eq!(Lang::ZhCn.to_string(), "zh-CN");
/// assert!("fr".parse::<Lang>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (简体中文).
    ZhCn,
}

impl Lang {
    /// Every language.
    pub const ALL: &'static [Lang] = &[Self::En, Self::ZhCn];

    /// The language tag: `en` or `zh-CN`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = ParseNameError;

    /// Accepts `en`, `en-US`, `zh`, `zh-CN` and `zh-Hans` in any case (`_` may stand for `-`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const TAGS: &[(&str, Lang)] = &[
            ("en", Lang::En),
            ("en-us", Lang::En),
            ("zh", Lang::ZhCn),
            ("zh-cn", Lang::ZhCn),
            ("zh-hans", Lang::ZhCn),
        ];
        let tag = s.trim();
        TAGS.iter()
            .find(|(name, _)| {
                name.len() == tag.len()
                    && name
                        .bytes()
                        .zip(tag.bytes())
                        .all(|(a, b)| a == b.to_ascii_lowercase() || (a == b'-' && b == b'_'))
            })
            .map(|(_, lang)| *lang)
            .ok_or_else(|| ParseNameError::new("language", s))
    }
}

#[cfg(feature = "serde")]
crate::serde_names::serde_by_name!(Lang, "language");
