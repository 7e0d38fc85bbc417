//! How the CLI shows one catalogue entry of any provider, as text or JSON.

use cloud_errcodes::{AnyCode, Lang};
use serde_json::{Value, json};

/// The text `search` looks in: code, message, summary, both descriptions and remedies.
pub fn haystack(code: AnyCode) -> String {
    let remedies = Lang::ALL.iter().filter_map(|&lang| code.remedy(lang)).collect::<Vec<_>>().join("\n");
    format!(
        "{}\n{}\n{}\n{}\n{}\n{remedies}",
        code.code_str(),
        code.wire_message().unwrap_or(""),
        code.summary(),
        code.description(Lang::En),
        code.description(Lang::ZhCn),
    )
    .to_lowercase()
}

/// `{"en": ..., "zh-CN": ...}`, or one language.
fn in_languages(lang: Option<Lang>, text: impl Fn(Lang) -> Option<&'static str>) -> Value {
    let mut texts = serde_json::Map::new();
    for &each in Lang::ALL.iter().filter(|&&each| lang.is_none_or(|lang| lang == each)) {
        texts.insert(each.as_str().to_owned(), text(each).into());
    }
    Value::Object(texts)
}

/// The stable JSON form (see `cloud-errcodes --help`).
pub fn to_json(code: AnyCode, lang: Option<Lang>) -> Value {
    json!({
        "provider": code.provider().as_str(),
        "code": code.code_str(),
        "message": code.wire_message(),
        "summary": code.summary(),
        "http_status": code.http_status().as_u16(),
        "kind": code.kind().as_str(),
        "retry": code.retry().as_str(),
        "surface": code.surface(),
        "provenance": code.provenance(),
        "description": in_languages(lang, |l| Some(code.description(l))),
        "remedy": code.remedy(Lang::En).map(|_| in_languages(lang, |l| code.remedy(l))),
    })
}

/// The human form: a headline, then one fact per line.
pub fn print(code: AnyCode, lang: Option<Lang>) {
    out!("{code}");
    out!("  code:     {}", code.code_str());
    if let Some(message) = code.wire_message() {
        out!("  message:  {message}");
    }
    let status = code.http_status();
    out!("  status:   {} {}", status.as_u16(), status.canonical_reason().unwrap_or(""));
    out!("  kind:     {}", code.kind().as_str());
    out!("  retry:    {}", code.retry());
    out!("  surface:  {}", code.surface());
    out!("  source:   {}", code.provenance());
    let shown = |each: Lang| lang.is_none_or(|lang| lang == each);
    if shown(Lang::En) {
        out!("  en:       {}", code.description(Lang::En));
    }
    if shown(Lang::ZhCn) {
        out!("  zh-CN:    {}", code.description(Lang::ZhCn));
    }
    if let (true, Some(remedy)) = (shown(Lang::En), code.remedy(Lang::En)) {
        out!("  remedy:   {remedy}");
    }
    if let (true, Some(remedy)) = (shown(Lang::ZhCn), code.remedy(Lang::ZhCn)) {
        out!("  处理:     {remedy}");
    }
}
