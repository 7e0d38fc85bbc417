//! [`Provider`]: the cloud services whose error codes this crate knows.

use std::{fmt, str::FromStr};

use crate::error::ParseNameError;

/// A cloud service whose error codes this crate knows.
///
/// # Examples
///
/// ```
/// use cloud_errcodes::Provider;
///
/// assert_eq!("qingstor".parse::<Provider>().unwrap(), Provider::QingStor);
/// assert_eq!("AList".parse::<Provider>().unwrap(), Provider::OpenList);
/// assert_eq!(Provider::Upyun.to_string(), "upyun");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Provider {
    /// UpYun (又拍云): 8-digit numeric codes of the storage REST API and its CDN edge.
    Upyun,
    /// QingStor object storage: snake_case string codes.
    QingStor,
    /// LeanCloud: numeric codes of its REST API, realtime service, SDKs and LeanEngine.
    LeanCloud,
    /// OpenList and AList: no codes, recognised by the text of their messages.
    OpenList,
}

impl Provider {
    /// Every provider, whether or not its feature is enabled.
    pub const ALL: &'static [Provider] = &[Self::Upyun, Self::QingStor, Self::LeanCloud, Self::OpenList];

    /// The slug used in `Display` output, module and catalogue names: `upyun`, `qingstor`,
    /// `leancloud` or `openlist`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Upyun => "upyun",
            Self::QingStor => "qingstor",
            Self::LeanCloud => "leancloud",
            Self::OpenList => "openlist",
        }
    }

    /// The provider's name as its owners write it.
    pub const fn brand(self) -> &'static str {
        match self {
            Self::Upyun => "UpYun",
            Self::QingStor => "QingStor",
            Self::LeanCloud => "LeanCloud",
            Self::OpenList => "OpenList",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Provider {
    type Err = ParseNameError;

    /// Accepts each slug in any case, and `alist` for OpenList (its upstream, same messages).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
            .or_else(|| name.eq_ignore_ascii_case("alist").then_some(Self::OpenList))
            .ok_or_else(|| ParseNameError::new("provider", s))
    }
}

#[cfg(feature = "serde")]
crate::serde_names::serde_by_name!(Provider, "provider");
