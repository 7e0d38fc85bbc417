//! One view of a catalogue entry of any provider, for printing as text or JSON.

use cloud_errcodes::{Lang, LeanCloudError, OpenListError, Provider, ProviderError, QingStorError, UpyunError};
use serde_json::{Value, json};

/// Everything the CLI shows about one entry.
#[derive(Clone, Debug)]
pub struct Info {
    pub provider: Provider,
    pub code: &'static str,
    pub message: Option<&'static str>,
    pub summary: &'static str,
    pub status: http::StatusCode,
    pub kind: cloud_errcodes::ErrorKind,
    pub retry: cloud_errcodes::Retry,
    pub surface: &'static str,
    pub provenance: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub remedy: Option<(&'static str, &'static str)>,
}

impl Info {
    pub fn of<E: ProviderError>(err: E) -> Self {
        let remedy = match E::PROVIDER {
            Provider::OpenList => {
                OpenListError::from_code(err.code_str()).map(|e| (e.solution(Lang::En), e.solution(Lang::ZhCn)))
            }
            _ => None,
        };
        Info {
            provider: E::PROVIDER,
            code: err.code_str(),
            message: err.wire_message(),
            summary: err.summary(),
            status: err.http_status(),
            kind: err.kind(),
            retry: err.retry(),
            surface: err.surface(),
            provenance: err.provenance(),
            en: err.description(Lang::En),
            zh: err.description(Lang::ZhCn),
            remedy,
        }
    }

    /// Every entry of one provider, in catalogue order.
    pub fn all(provider: Provider) -> Vec<Info> {
        match provider {
            Provider::Upyun => UpyunError::all().map(Info::of).collect(),
            Provider::QingStor => QingStorError::all().map(Info::of).collect(),
            Provider::LeanCloud => LeanCloudError::all().map(Info::of).collect(),
            _ => OpenListError::all().map(Info::of).collect(),
        }
    }

    /// The API surfaces of one provider.
    pub fn surfaces(provider: Provider) -> &'static [&'static str] {
        match provider {
            Provider::Upyun => UpyunError::SURFACES,
            Provider::QingStor => QingStorError::SURFACES,
            Provider::LeanCloud => LeanCloudError::SURFACES,
            _ => OpenListError::SURFACES,
        }
    }

    /// Every entry a code names for one provider: several for LeanCloud's shared codes.
    pub fn by_code(provider: Provider, code: &str) -> Vec<Info> {
        match provider {
            Provider::Upyun => code.parse::<UpyunError>().ok().map(Info::of).into_iter().collect(),
            Provider::QingStor => code.parse::<QingStorError>().ok().map(Info::of).into_iter().collect(),
            Provider::LeanCloud => match code.trim().parse::<i32>() {
                Ok(number) => LeanCloudError::variants_of(number).iter().copied().map(Info::of).collect(),
                Err(_) => Vec::new(),
            },
            _ => code.parse::<OpenListError>().ok().map(Info::of).into_iter().collect(),
        }
    }

    /// The text `search` looks in: code, message, summary, both descriptions and remedies.
    pub fn haystack(&self) -> String {
        let remedy = self.remedy.map(|(en, zh)| format!("{en}\n{zh}")).unwrap_or_default();
        format!("{}\n{}\n{}\n{}\n{}\n{remedy}", self.code, self.message.unwrap_or(""), self.summary, self.en, self.zh)
            .to_lowercase()
    }

    /// The stable JSON form (see `cloud-errcodes --help`).
    pub fn to_json(&self, lang: Option<Lang>) -> Value {
        let pick = |en: &str, zh: &str| match lang {
            Some(Lang::En) => json!({ "en": en }),
            Some(Lang::ZhCn) => json!({ "zh-CN": zh }),
            _ => json!({ "en": en, "zh-CN": zh }),
        };
        json!({
            "provider": self.provider.as_str(),
            "code": self.code,
            "message": self.message,
            "summary": self.summary,
            "http_status": self.status.as_u16(),
            "kind": self.kind.as_str(),
            "retry": self.retry.as_str(),
            "surface": self.surface,
            "provenance": self.provenance,
            "description": pick(self.en, self.zh),
            "remedy": self.remedy.map(|(en, zh)| pick(en, zh)),
        })
    }

    /// The human form: a headline, then one fact per line.
    pub fn print(&self, lang: Option<Lang>) {
        out!("{} {}: {}", self.provider, self.code, self.summary);
        out!("  code:     {}", self.code);
        if let Some(message) = self.message {
            out!("  message:  {message}");
        }
        let reason = self.status.canonical_reason().unwrap_or("");
        out!("  status:   {} {reason}", self.status.as_u16());
        out!("  kind:     {}", self.kind.as_str());
        out!("  retry:    {}", self.retry);
        out!("  surface:  {}", self.surface);
        out!("  source:   {}", self.provenance);
        if lang != Some(Lang::ZhCn) {
            out!("  en:       {}", self.en);
        }
        if lang != Some(Lang::En) {
            out!("  zh-CN:    {}", self.zh);
        }
        if let Some((en, zh)) = self.remedy {
            if lang != Some(Lang::ZhCn) {
                out!("  remedy:   {en}");
            }
            if lang != Some(Lang::En) {
                out!("  处理:     {zh}");
            }
        }
    }
}
