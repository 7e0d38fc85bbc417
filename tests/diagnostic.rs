//! `miette::Diagnostic` for parsed errors (feature `miette`).

use cloud_errcodes::{
    AnyApiError, UpyunError,
    http::{HeaderMap, StatusCode},
};
use miette::Diagnostic;

fn shown(text: Option<Box<dyn std::fmt::Display + '_>>) -> Option<String> {
    text.map(|t| t.to_string())
}

#[test]
fn a_known_code_gives_its_code_help_and_source() {
    let body = br#"{"msg": "bucket is full", "code": 40300004}"#;
    let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), body);
    assert_eq!(shown(Diagnostic::code(&err)).as_deref(), Some("upyun::40300004"));
    let help = shown(err.help()).unwrap();
    assert!(help.contains("quota"), "{help}");
    assert_eq!(shown(Diagnostic::url(&err)).as_deref(), Some("https://help.upyun.com/knowledge-base/errno/"));
    let any = AnyApiError::from(err);
    assert_eq!(shown(Diagnostic::code(&any)).as_deref(), Some("upyun::40300004"));
    assert_eq!(shown(Diagnostic::url(&any)).as_deref(), Some("https://help.upyun.com/knowledge-base/errno/"));
}

#[test]
fn an_unknown_code_gives_only_its_raw_code() {
    let err = UpyunError::parse_parts(StatusCode::FORBIDDEN, &HeaderMap::new(), br#"{"code": 40399999}"#);
    assert_eq!(shown(Diagnostic::code(&err)).as_deref(), Some("upyun::40399999"));
    assert!(err.help().is_none() && Diagnostic::url(&err).is_none());
}
