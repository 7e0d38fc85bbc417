//! Invariants over every variant of every provider: a new catalogue entry is tested here
//! without new test code.

use cloud_errcodes::{
    AnyCode, ApiError, Lang, LeanCloudError, OpenListError, ParseResponse, Provider, ProviderError, QingStorError,
    UpyunError,
};

/// Checks every variant of `E` and returns how many there are.
fn check_every_variant<E: ParseResponse>() -> usize {
    let slug = E::PROVIDER.as_str();
    let mut count = 0;
    for err in E::all() {
        count += 1;
        let code = err.code_str();
        // A code shared by several variants (LeanCloud) looks up its primary variant.
        let found = E::from_code_str(code).unwrap_or_else(|| panic!("{slug} {code}: lookup"));
        assert_eq!(found.code_str(), code, "{slug} {code}: lookup round trip");
        if found != err {
            // A code with several meanings: this one is told apart by its message.
            let message = err.wire_message().unwrap_or_else(|| panic!("{slug} {code}: a shared code needs messages"));
            assert_eq!(E::from_code_str(code), Some(found), "{slug} {code}: the primary first");
            assert_eq!(
                E::parse_parts(
                    err.http_status(),
                    &Default::default(),
                    format!(
                        r#"{{"code": {code:?}, "msg": {message:?}, "error": {message:?}, "message": {message:?}}}"#
                    )
                    .as_bytes()
                )
                .code()
                .map(|c| c.code_str()),
                Some(code)
            );
        }
        assert_eq!(code.parse::<E>(), Ok(found), "{slug} {code}: FromStr agrees with lookup");

        let display = err.to_string();
        let prefix = format!("{slug} {code}: ");
        assert!(display.starts_with(&prefix), "{display:?} starts with {prefix:?}");
        assert!(display.len() > prefix.len(), "{display:?} has text after the code");
        assert!(!display.ends_with('.'), "{display:?} has no trailing period");
        assert!(!display.contains('\n'), "{display:?} is one line");
        assert_eq!(&display[prefix.len()..], err.summary());

        let en = err.description(Lang::En);
        let zh = err.description(Lang::ZhCn);
        assert!(!en.trim().is_empty(), "{slug} {code}: English description");
        assert!(!zh.trim().is_empty(), "{slug} {code}: Chinese description");
        assert!(en.is_ascii(), "{slug} {code}: English description is English: {en:?}");
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{slug} {code}: {zh:?} is Chinese");
        assert_ne!(en, zh);

        assert!(E::SURFACES.contains(&err.surface()), "{slug} {code}: surface {}", err.surface());
        assert!(!err.provenance().trim().is_empty() && !err.provenance().contains('\n'), "{slug} {code}: provenance");

        let status = err.http_status().as_u16();
        // OpenList answers a wrong archive password with body code 202, a 2xx that is an error.
        let documented_2xx = (E::PROVIDER, code) == (Provider::OpenList, "wrong_archive_password");
        assert!((400..=599).contains(&status) || documented_2xx, "{slug} {code}: error status {status}");

        // The parsed error shows the id a user matches on: the code itself, or for a templated
        // code the digits the response had (R6: never the raw code of a known id with an `x`).
        let parsed = ApiError::from(err);
        let shown = parsed.to_string();
        assert!(shown.starts_with(&prefix), "{shown:?} starts with {prefix:?}");
        assert_eq!(parsed.code_str(), Some(code), "{slug} {code}: the parsed error's code");
        // ... also when the body spelled the code otherwise (OpenList: the status; others: the
        // code with whitespace around it), for every known id that is not a template.
        let body = match E::PROVIDER {
            Provider::OpenList => format!(r#"{{"code": {status}, "message": {:?}}}"#, err.wire_message().unwrap_or("")),
            _ => format!(
                r#"{{"code": " {code}\t", "msg": {0:?}, "error": {0:?}, "message": {0:?}}}"#,
                err.wire_message().unwrap_or("")
            ),
        };
        let parsed = E::parse_parts(err.http_status(), &Default::default(), body.as_bytes());
        if parsed.code() == Some(err) && !err.is_template() {
            assert!(parsed.to_string().starts_with(&prefix), "{slug} {code}: {parsed}");
            assert_eq!(parsed.code_str(), Some(code), "{slug} {code}: the parsed error's code");
        }

        // The erased view is the same entry, and gives the typed variant back.
        let any = AnyCode::from(err);
        assert_eq!(any.downcast::<E>(), Some(err), "{slug} {code}: downcast");
        assert_eq!((any.code_str(), any.kind(), any.to_string()), (code, err.kind(), display.clone()));
        assert_eq!(E::PROVIDER.from_code(code), Some(AnyCode::from(found)), "{slug} {code}: Provider::from_code");
    }
    let distinct: std::collections::HashSet<E> = E::all().collect();
    assert_eq!(distinct.len(), count, "{slug}: every variant once");
    let erased: Vec<AnyCode> = E::PROVIDER.entries().collect();
    let typed: Vec<AnyCode> = E::all().map(AnyCode::from).collect();
    assert_eq!(erased, typed, "{slug}: Provider::entries lists every variant in order");
    assert!(count > 0, "{slug}: the catalogue is not empty");
    count
}

#[test]
fn upyun_every_variant() {
    check_every_variant::<UpyunError>();
    for err in UpyunError::all() {
        let code = err.code();
        if err.code_str().contains('x') {
            // A templated CDN code: found by its template, and by every 8-digit code it matches.
            assert_eq!(err.code_str().parse::<UpyunError>(), Ok(err));
            let example: u32 = err.code_str().replace('x', "4").parse().unwrap();
            assert!(UpyunError::variants_of(example).contains(&err), "{err:?}: {example}");
            continue;
        }
        assert!(UpyunError::variants_of(code).contains(&err));
        assert_eq!(
            UpyunError::from_code_and_message(code, err.message()),
            Some(err),
            "{err:?}: told apart by its message"
        );
        for alternate in err.alternate_messages() {
            assert_eq!(UpyunError::from_code_and_message(code, alternate), Some(err), "{err:?}: {alternate}");
        }
        assert_eq!(code.to_string(), err.code_str());
        assert_eq!(Some(err.message()), err.wire_message(), "{err:?}: every UpYun code has a message");
        assert_eq!(err.summary(), err.message(), "{err:?}: Display shows the wire message");
    }
}

#[test]
fn qingstor_every_variant() {
    check_every_variant::<QingStorError>();
    for err in QingStorError::all() {
        assert_eq!(QingStorError::from_code(err.code()), Some(err));
        // Messages are recorded only where seen on the wire (tests/wire.rs lists them); the
        // summary never copies one.
        assert_ne!(err.wire_message(), Some(err.summary()), "{err:?}");
        assert_eq!(err.numeric_code(), None);
        // The variant name is the code in UpperCamelCase.
        let camel: String = err.code().split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
        assert_eq!(format!("{err:?}"), camel);
        assert!(!err.summary().starts_with(|c: char| c.is_uppercase()), "{err:?}: lowercase summary");
    }
}

#[test]
fn leancloud_every_variant() {
    check_every_variant::<LeanCloudError>();
    for err in LeanCloudError::all() {
        let siblings = LeanCloudError::variants_of(err.code());
        assert!(siblings.contains(&err), "{err:?} is among the variants of its code");
        assert_eq!(LeanCloudError::from_code(err.code()), Some(siblings[0]), "{err:?}: primary first");
        if !err.message().is_empty() {
            assert_eq!(LeanCloudError::from_code_and_message(err.code(), err.message()), Some(err));
        }
        assert!(!err.summary().starts_with(|c: char| c.is_uppercase()), "{err:?}: lowercase summary");
    }
}

#[test]
fn openlist_every_variant() {
    check_every_variant::<OpenListError>();
    for err in OpenListError::all() {
        assert_eq!(OpenListError::from_code(err.code()), Some(err));
        assert!(!err.solution(Lang::En).trim().is_empty(), "{err:?}: English remedy");
        assert!(
            err.solution(Lang::ZhCn).chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{err:?}: Chinese remedy"
        );
        assert!(!err.patterns().is_empty());
        // Every pattern, alone, is recognised as its own symptom; so is the documented message.
        for pattern in err.patterns() {
            assert_eq!(OpenListError::from_message(pattern), Some(err), "{err:?}: pattern {pattern:?}");
        }
        assert_eq!(OpenListError::from_message(err.message()), Some(err), "{err:?}: its own message");
    }
}

#[test]
fn unknown_upyun_codes_are_none() {
    for code in [0, 1, 403, 40300000, 40300099, 40400000, 49999999, 99999999, u32::MAX] {
        assert_eq!(UpyunError::from_code(code), None, "{code}");
    }
    for text in [
        "",
        " ",
        "-40300004",
        "+40300004",
        "40300004x",
        "4030000４",
        "0x266d1c4",
        "403000040",
        "040300004",
        "0503xx004",
    ] {
        let err = text.parse::<UpyunError>().unwrap_err();
        assert_eq!(err.code(), text);
        assert_eq!(err.to_string(), format!("unknown upyun error code `{text}`"));
    }
    assert_eq!(" 40300004 ".parse::<UpyunError>(), Ok(UpyunError::BucketFull), "surrounding whitespace is allowed");
}

#[test]
fn unknown_qingstor_codes_are_typed_errors() {
    for text in
        ["", "no_such_code", "Bucket_Not_Empty", "BUCKET_NOT_EMPTY", "bucket-not-empty", "bucket_not_empty_", "桶"]
    {
        assert_eq!(QingStorError::from_code(text), None, "{text:?}");
        let err = text.parse::<QingStorError>().unwrap_err();
        assert_eq!(err.provider(), Provider::QingStor);
        assert_eq!(err.code(), text);
    }
}

#[test]
fn every_provider_ignores_surrounding_whitespace_in_from_str() {
    assert_eq!(" bucket_not_empty\n".parse::<QingStorError>(), Ok(QingStorError::BucketNotEmpty));
    assert_eq!("\t40300004 ".parse::<UpyunError>(), Ok(UpyunError::BucketFull));
    assert_eq!(" 137 ".parse::<LeanCloudError>(), Ok(LeanCloudError::DuplicateValue));
    assert_eq!(" query_fail_61008 ".parse::<OpenListError>(), Ok(OpenListError::QueryFail61008));
}

#[test]
fn parse_code_error_caps_what_it_keeps() {
    let long = "x".repeat(10_000);
    let err = long.parse::<QingStorError>().unwrap_err();
    assert_eq!(err.code(), format!("{}…", "x".repeat(64)));
    // A cut never splits a character.
    let wide = "桶".repeat(100);
    let err = wide.parse::<QingStorError>().unwrap_err();
    assert_eq!(err.code(), format!("{}…", "桶".repeat(21)));
}

#[test]
fn provider_error_is_object_safe_enough_for_boxing() {
    let errors: Vec<Box<dyn std::error::Error + Send + Sync>> =
        vec![Box::new(UpyunError::BucketFull), Box::new(QingStorError::BucketNotEmpty)];
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown, ["upyun 40300004: bucket is full", "qingstor bucket_not_empty: the bucket is not empty"]);
}

#[cfg(feature = "serde")]
mod serde_codes {
    use super::*;

    fn round_trip<E: ProviderError + serde::Serialize + serde::de::DeserializeOwned>() {
        for err in E::all() {
            let json = serde_json::to_string(&err).unwrap();
            let expected = match err.numeric_code() {
                Some(number) => number.to_string(),
                None => format!("{:?}", err.code_str()),
            };
            assert_eq!(json, expected);
            let back = serde_json::from_str::<E>(&json).unwrap();
            // A shared code (LeanCloud) comes back as its primary variant.
            assert_eq!(back.code_str(), err.code_str());
            assert_eq!(back, E::from_code_str(err.code_str()).unwrap());
        }
    }

    #[test]
    fn every_variant_serializes_as_its_code() {
        round_trip::<UpyunError>();
        round_trip::<QingStorError>();
        round_trip::<LeanCloudError>();
        round_trip::<OpenListError>();
        assert_eq!(serde_json::to_string(&LeanCloudError::DuplicateValue).unwrap(), "137");
        assert_eq!(serde_json::to_string(&OpenListError::QueryFail61008).unwrap(), "\"query_fail_61008\"");
        assert_eq!(serde_json::from_str::<LeanCloudError>("605").unwrap(), LeanCloudError::SmsTemplateNotVerified);
    }

    #[test]
    fn the_small_enums_round_trip_through_serde() {
        use cloud_errcodes::{BodyFormat, ErrorKind, Retry};
        fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + Copy>(
            all: &[T],
            name: fn(T) -> &'static str,
        ) {
            for &value in all {
                let json = serde_json::to_string(&value).unwrap();
                assert_eq!(json, format!("{:?}", name(value)));
                assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
            }
            let err = serde_json::from_str::<T>("\"no such name\"").unwrap_err().to_string();
            assert!(err.contains("unknown") && err.contains(name(all[0])), "{err}");
        }
        round_trip(ErrorKind::ALL, ErrorKind::as_str);
        round_trip(Retry::ALL, Retry::as_str);
        round_trip(BodyFormat::ALL, BodyFormat::as_str);
        round_trip(Provider::ALL, Provider::as_str);
        round_trip(Lang::ALL, Lang::as_str);
    }

    #[test]
    fn upyun_deserializes_from_a_string_code() {
        assert_eq!(serde_json::from_str::<UpyunError>("\"40399999\"").ok(), None);
        assert_eq!(serde_json::from_str::<UpyunError>("\"40310002\"").unwrap(), UpyunError::CdnRegionForbidden);
        assert_eq!(serde_json::from_str::<UpyunError>("\"40300004\"").unwrap(), UpyunError::BucketFull);
    }

    #[test]
    fn unknown_codes_are_errors_naming_them() {
        let err = serde_json::from_str::<UpyunError>("12345").unwrap_err();
        assert!(err.to_string().contains("unknown upyun error code `12345`"), "{err}");
        let err = serde_json::from_str::<UpyunError>("-1").unwrap_err();
        assert!(err.to_string().contains("unknown upyun error code `-1`"), "{err}");
        let err = serde_json::from_str::<QingStorError>("\"bucket_gone\"").unwrap_err();
        assert!(err.to_string().contains("unknown qingstor error code `bucket_gone`"), "{err}");
        assert!(serde_json::from_str::<QingStorError>("null").is_err());
        assert!(serde_json::from_str::<QingStorError>("1.5").is_err());
    }
}

#[test]
fn every_provider_resolves_a_code_with_its_message() {
    // Unshared codes ignore the message; unknown codes are none; the same rule everywhere.
    assert_eq!(UpyunError::from_code_and_message(40300004, "anything"), Some(UpyunError::BucketFull));
    assert_eq!(UpyunError::from_code_and_message(40399999, "bucket is full"), None);
    assert_eq!(QingStorError::from_code_and_message(" bucket_not_empty ", ""), Some(QingStorError::BucketNotEmpty));
    assert_eq!(QingStorError::from_code_and_message("no_such_code", ""), None);
    assert_eq!(
        LeanCloudError::from_code_and_message(605, "sms sign not verified."),
        Some(LeanCloudError::SmsSignNotVerified)
    );
    for err in UpyunError::all() {
        assert_eq!(UpyunError::variants_of(err.code()).first(), UpyunError::from_code(err.code()).as_ref());
    }
}

/// Whether `provenance` names a source a reader can open: a URL, a repository file at a commit
/// (`owner/repo@commit`), or a registry package (`npm <package> <version>`, `PyPI <package>
/// <version>`).
fn names_a_public_source(provenance: &str) -> bool {
    let words: Vec<&str> = provenance.split_whitespace().map(|w| w.trim_matches(|c| "(),;".contains(c))).collect();
    words.iter().enumerate().any(|(i, word)| {
        let at_commit = word.split_once('@').is_some_and(|(repo, rev)| {
            repo.matches('/').count() == 1 && rev.len() >= 7 && rev.bytes().take(7).all(|b| b.is_ascii_hexdigit())
        });
        let package = matches!(*word, "npm" | "PyPI")
            && words.get(i + 2).is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()));
        word.starts_with("https://") || at_commit || package
    })
}

fn every_source_is_public<E: ProviderError>() {
    for err in E::all() {
        let provenance = err.provenance();
        assert!(names_a_public_source(provenance), "{err:?}: {provenance}");
        assert!(!provenance.contains("seed"), "{err:?}: {provenance}");
        let url = err.source_url().unwrap_or_else(|| panic!("{err:?}: no address to open in {provenance}"));
        assert!(url.starts_with("https://") && !url.contains(' '), "{err:?}: {url}");
    }
}

/// Every source is one a user can open: the documentation pages by URL or by their file in a
/// public repository at a commit, never by this project's name for its working copies.
#[test]
fn every_source_names_a_public_location() {
    every_source_is_public::<UpyunError>();
    every_source_is_public::<QingStorError>();
    every_source_is_public::<LeanCloudError>();
    every_source_is_public::<OpenListError>();
    for text in
        ["docs: UpYun API 错误码表", "UpYun API 错误码表 (page 4)", "upyun/docs sources/api/errno.md", "npm leanengine"]
    {
        assert!(!names_a_public_source(text), "{text}");
    }
}

/// A provenance that counts drivers ("in 12 drivers") goes stale with the next driver added
/// or removed (two were off by one): sources name the files, or say "other drivers".
#[test]
fn no_provenance_counts_drivers() {
    let counts = |provenance: &str| {
        let words: Vec<&str> = provenance.split_whitespace().collect();
        words.windows(2).any(|pair| {
            let next = pair[1].trim_end_matches([',', ';', ')']);
            let count = pair[0].trim_start_matches('(');
            !count.is_empty()
                && count.bytes().all(|b| b.is_ascii_digit())
                && matches!(next, "drivers" | "other" | "storages")
        })
    };
    for err in OpenListError::all() {
        assert!(!counts(err.provenance()), "{err:?}: {}", err.provenance());
    }
    assert!(counts("OpenListTeam/OpenList@0b1e9d09 internal/op (12 drivers)"));
    assert!(!counts("OpenListTeam/OpenList@0b1e9d09 drivers/189pc/utils.go and other drivers"));
}
