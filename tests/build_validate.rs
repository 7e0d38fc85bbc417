//! The build's catalogue validation, run on the real catalogues and on broken ones.
//!
//! `build/catalog.rs`, `build/validate.rs` and `build/providers.rs` are compiled into this test
//! as they are compiled into the build script.

#[path = "../build/catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "../build/providers.rs"]
mod providers;
#[path = "../build/validate.rs"]
mod validate;

use catalog::Spec;

fn spec(slug: &str) -> &'static Spec {
    &providers::PROVIDERS.iter().find(|(spec, _)| spec.slug == slug).expect("a provider").0
}

/// The problems `validate` reports for `codes` in the `slug` catalogue.
fn problems(slug: &str, codes: &str) -> Vec<String> {
    let spec = spec(slug);
    let text = format!(
        "provider = {slug:?}\ntype = {:?}\nsurfaces = [{{ id = \"storage\", about = \"s\" }}, {{ id = \"faq\", about = \"f\" }}]\ncodes = [\n{codes}\n]\n",
        spec.type_name
    );
    let catalog = catalog::parse("test.toml", &text).unwrap_or_else(|err| panic!("{err}"));
    validate::validate(spec, &catalog).err().unwrap_or_default()
}

const FULL: &str = r#"{ code = 40300004, name = "BucketFull", status = 403, kind = "quota_exceeded", retry = "never", surface = "storage", provenance = "test", message = "bucket is full", en = "Full.", zh = "已满。" },"#;

fn upyun_line(replace: &str, with: &str) -> String {
    assert!(FULL.contains(replace), "{replace}");
    FULL.replace(replace, with)
}

#[test]
fn a_good_entry_has_no_problems() {
    assert_eq!(problems("upyun", FULL), Vec::<String>::new());
}

#[test]
fn each_broken_field_is_named_with_file_and_code() {
    let cases: &[(String, &str)] = &[
        (
            upyun_line("status = 403", "status = 404"),
            "HTTP status 404 disagrees with the code's first three digits (403); add status_exception if deliberate",
        ),
        (
            upyun_line("status = 403", "status = 700, status_exception = \"test\""),
            "HTTP status 700 is out of range (100..=599)",
        ),
        (
            upyun_line("status = 403", "status = 99, status_exception = \"test\""),
            "HTTP status 99 is out of range (100..=599)",
        ),
        (upyun_line("quota_exceeded", "full"), "unknown kind `full`"),
        (upyun_line("\"never\"", "\"sometimes\""), "unknown retry advice `sometimes` (expected never or backoff)"),
        (upyun_line("en = \"Full.\"", "en = \"  \""), "empty en description"),
        (upyun_line("zh = \"已满。\"", "zh = \"\""), "empty zh description"),
        (
            upyun_line("\"BucketFull\"", "\"BucketFULL\""),
            "variant name `BucketFULL` has an acronym run (write `Md5`, not `MD5`)",
        ),
        (upyun_line("\"BucketFull\"", "\"bucket_full\""), "variant name `bucket_full` is not UpperCamelCase"),
        (upyun_line("name = \"BucketFull\", ", ""), "missing variant name"),
        (upyun_line("message = \"bucket is full\"", "message = \"\""), "missing or empty message"),
        (upyun_line("40300004", "\"40300004\""), "code must be a number or a template of 8 digits and `x`"),
        (upyun_line("40300004", "-1"), "code -1 is out of range of u32"),
        (upyun_line("en = \"Full.\"", "en = \"two\\nlines\""), "en must be a single line"),
        (
            upyun_line("status = 403", "status = 403, status_exception = \"because\""),
            "status_exception given, but the status follows the code",
        ),
        (upyun_line("message", "summary = \"x\", message"), "summary is not used by this provider"),
    ];
    for (line, expected) in cases {
        let found = problems("upyun", line);
        let code = if line.contains("code = -1") { "-1" } else { "40300004" };
        assert_eq!(found, vec![format!("catalog/upyun.toml: {code}: {expected}")], "{line}");
    }
}

#[test]
fn a_deliberate_status_exception_is_accepted() {
    let line = upyun_line("status = 403", "status = 404, status_exception = \"sent as 404 by the CDN\"");
    assert_eq!(problems("upyun", &line), Vec::<String>::new());
}

#[test]
fn duplicates_are_reported_and_every_problem_is_collected() {
    let other = FULL.replace("40300004", "40300005");
    let found = problems("upyun", &format!("{FULL}\n{FULL}\n{other}\n{}", upyun_line("quota_exceeded", "nope")));
    assert!(
        found.contains(&"catalog/upyun.toml: 40300004: shared by 3 entries, 0 marked primary (expected 1)".to_owned()),
        "{found:#?}"
    );
    assert!(
        found.contains(&"catalog/upyun.toml: 40300004: duplicate variant name `BucketFull`".to_owned()),
        "{found:#?}"
    );
    assert!(
        found.contains(&"catalog/upyun.toml: 40300005: duplicate variant name `BucketFull`".to_owned()),
        "{found:#?}"
    );
    assert!(found.contains(&"catalog/upyun.toml: 40300004: unknown kind `nope`".to_owned()), "{found:#?}");
}

#[test]
fn qingstor_rules() {
    let good = r#"{ code = "bucket_not_empty", status = 409, kind = "conflict", retry = "never", surface = "storage", provenance = "test", summary = "the bucket is not empty", en = "Not empty.", zh = "非空。" },"#;
    assert_eq!(problems("qingstor", good), Vec::<String>::new());
    let cases = [
        (
            good.replace("\"bucket_not_empty\"", "\"Bucket-Not-Empty\""),
            "Bucket-Not-Empty",
            "code `Bucket-Not-Empty` is not snake_case ([a-z0-9_], starting with a letter)",
        ),
        (
            good.replace("summary = \"the bucket is not empty\"", "summary = \"The bucket is not empty.\""),
            "bucket_not_empty",
            "summary `The bucket is not empty.` must be lowercase with no trailing period",
        ),
        (
            good.replace("status = 409", "status = 409, name = \"Gone\""),
            "bucket_not_empty",
            "name `Gone` given, but names derive from the code",
        ),
    ];
    for (line, code, expected) in cases {
        assert_eq!(problems("qingstor", &line), vec![format!("catalog/qingstor.toml: {code}: {expected}")], "{line}");
    }
    // A message seen on the wire may be recorded; the code still identifies the error.
    let with_message = good.replace("status = 409", "status = 409, message = \"Bucket is not empty\"");
    assert_eq!(problems("qingstor", &with_message), Vec::<String>::new());
}

#[test]
fn alternate_codes_name_no_other_error() {
    let entry = |code: &str, alternates: &str| {
        format!(
            r#"{{ code = "{code}", alternate_codes = [{alternates}], status = 416, kind = "range_not_satisfiable", retry = "never", surface = "storage", provenance = "test", summary = "bad range", en = "Bad.", zh = "坏。" }},"#
        )
    };
    assert_eq!(problems("qingstor", &entry("invalid_range", r#""invalid_range_heander""#)), Vec::<String>::new());
    let cases = [
        (
            entry("invalid_range", r#""invalid_range""#),
            "invalid_range",
            "alternate code `invalid_range` is the code itself",
        ),
        (
            entry("invalid_range", r#""Invalid-Range""#),
            "invalid_range",
            "alternate code `Invalid-Range` is not snake_case ([a-z0-9_], starting with a letter)",
        ),
        (
            format!("{}\n{}", entry("invalid_range", r#""bad_range""#), entry("bad_range", "")),
            "invalid_range",
            "alternate code `bad_range` is the code of another entry",
        ),
        (
            format!("{}\n{}", entry("invalid_range", r#""bad_range""#), entry("range_error", r#""bad_range""#)),
            "range_error",
            "alternate code `bad_range` is also an alternate code of `invalid_range`",
        ),
    ];
    for (lines, code, expected) in cases {
        assert_eq!(problems("qingstor", &lines), vec![format!("catalog/qingstor.toml: {code}: {expected}")], "{lines}");
    }
    // Numeric codes have none.
    assert_eq!(
        problems("upyun", &upyun_line("code = 40300004,", "code = 40300004, alternate_codes = [\"full\"],")),
        ["catalog/upyun.toml: 40300004: alternate codes are only for providers with text codes"]
    );
}

#[test]
fn messages_carry_no_stray_spaces() {
    // A document's markup can put a space in front of a message (LeanCloud's 2018 page has
    // `` ` Username is missing or empty` ``); a server sends none.
    for message in [" bucket is full", "bucket is full ", "bucket is full\t"] {
        let line = upyun_line("message = \"bucket is full\"", &format!("message = {message:?}"));
        assert_eq!(
            problems("upyun", &line),
            [format!("catalog/upyun.toml: 40300004: message `{message}` has leading or trailing whitespace")]
        );
    }
    let line = upyun_line("message = \"bucket is full\"", "message = \"bucket is full\", alternates = [\" full\"]");
    assert_eq!(
        problems("upyun", &line),
        ["catalog/upyun.toml: 40300004: message ` full` has leading or trailing whitespace"]
    );
}

#[test]
fn unknown_fields_and_bad_toml_fail_to_parse() {
    let text = "provider = \"upyun\"\ntype = \"UpyunError\"\nsurfaces = [{ id = \"storage\", about = \"s\" }]\ncodes = [{ code = 1, colour = \"red\" }]";
    let err = catalog::parse("catalog/upyun.toml", text).unwrap_err();
    assert!(err.starts_with("catalog/upyun.toml: cannot parse catalogue:"), "{err}");
    let coloured = FULL.replace("zh = ", "colour = \"red\", zh = ");
    let text = format!(
        "provider = \"upyun\"\ntype = \"UpyunError\"\nsurfaces = [{{ id = \"storage\", about = \"s\" }}]\ncodes = [\n{coloured}\n]"
    );
    let err = catalog::parse("catalog/upyun.toml", &text).unwrap_err();
    assert!(err.ends_with("entry 1 (code 40300004): unknown field `colour`"), "{err}");
    assert!(catalog::parse("catalog/upyun.toml", "codes = [").is_err());
    let wrong_type = FULL.replace("status = 403", "status = \"403\"");
    let text = format!(
        "provider = \"upyun\"\ntype = \"UpyunError\"\nsurfaces = [{{ id = \"storage\", about = \"s\" }}]\ncodes = [\n{wrong_type}\n]"
    );
    let err = catalog::parse("catalog/upyun.toml", &text).unwrap_err();
    assert!(err.ends_with("entry 1 (code 40300004): `status` must be an integer"), "{err}");
    let err = catalog::parse("catalog/upyun.toml", "provider = \"upyun\"\ncodes = []").unwrap_err();
    assert!(err.ends_with("the header: missing field `type`"), "{err}");
}

#[test]
fn header_mismatch_is_reported() {
    let catalog = catalog::parse("t", "provider = \"qingstor\"\ntype = \"Nope\"\nsurfaces = []\ncodes = []").unwrap();
    let found = validate::validate(spec("upyun"), &catalog).unwrap_err();
    assert_eq!(
        found,
        [
            "catalog/upyun.toml: header: provider is `qingstor`, expected `upyun`",
            "catalog/upyun.toml: header: type is `Nope`, expected `UpyunError`",
            "catalog/upyun.toml: header: the catalogue has no entries",
            "catalog/upyun.toml: header: `surfaces` lists no surface",
        ]
    );
}

#[test]
fn shared_codes_need_exactly_one_primary() {
    let line = |name: &str, primary: &str, message: &str| {
        format!(
            r#"{{ code = 251, name = "{name}", status = 400, kind = "unauthenticated", retry = "never", surface = "storage", provenance = "test"{primary}, message = "{message}", summary = "invalid session", en = "Invalid.", zh = "无效。" }},"#
        )
    };
    let good = format!("{}\n{}", line("A", ", primary = true", "a"), line("B", "", "b"));
    assert_eq!(problems("leancloud", &good), Vec::<String>::new());
    let none = format!("{}\n{}", line("A", "", "a"), line("B", "", "b"));
    assert_eq!(
        problems("leancloud", &none),
        ["catalog/leancloud.toml: 251: shared by 2 entries, 0 marked primary (expected 1)"]
    );
    let both = format!("{}\n{}", line("A", ", primary = true", "a"), line("B", ", primary = true", "b"));
    assert_eq!(
        problems("leancloud", &both),
        ["catalog/leancloud.toml: 251: shared by 2 entries, 2 marked primary (expected 1)"]
    );
    assert_eq!(
        problems("leancloud", &line("A", ", primary = true", "a")),
        ["catalog/leancloud.toml: 251: `primary` marks a code that is not shared"]
    );
    assert_eq!(
        problems("upyun", &upyun_line("status = 403", "status = 403, primary = true")),
        ["catalog/upyun.toml: 40300004: `primary` marks a code that is not shared"]
    );
    // Every provider may share a code, as long as the messages tell the meanings apart.
    let same = format!("{}\n{}", line("A", ", primary = true", "a"), line("B", "", "a"));
    assert_eq!(
        problems("leancloud", &same),
        ["catalog/leancloud.toml: 251: entries sharing a code need distinct messages to be told apart"]
    );
    let upyun_pair =
        format!("{FULL}\n{}", FULL.replace("BucketFull", "BucketFullOld").replace("bucket is full", "bucket full"));
    let upyun_pair = upyun_pair.replacen("status = 403,", "status = 403, primary = true,", 1);
    assert_eq!(problems("upyun", &upyun_pair), Vec::<String>::new());
}

#[test]
fn symptom_rules() {
    let good = r#"{ code = "port_in_use", status = 500, kind = "configuration", retry = "never", surface = "storage", provenance = "test", value = "port", message = "bind: address already in use", summary = "port in use", patterns = ["bind: address already in use"], en = "In use.", zh = "占用。", solution_en = "Free it.", solution_zh = "释放。" },"#;
    assert_eq!(problems("openlist", good), Vec::<String>::new());
    let cases = [
        (
            good.replace(r#"value = "port""#, r#"value = "colour""#),
            "unknown value `colour` (expected one of port, file_id, status, number)",
        ),
        (
            good.replace(r#"patterns = ["bind: address already in use"]"#, "patterns = []"),
            "a symptom needs at least one pattern",
        ),
        (
            good.replace(r#"["bind: address already in use"]"#, r#"["bind"]"#),
            "pattern `bind` is too short to be specific",
        ),
        (good.replace(r#", solution_zh = "释放。""#, ""), "missing or empty solution_zh"),
        (good.replace(r#"value = "port""#, "specificity = 101"), "specificity 101 is out of range (0..=100)"),
    ];
    for (line, expected) in cases {
        assert_eq!(problems("openlist", &line), [format!("catalog/openlist.toml: port_in_use: {expected}")], "{line}");
    }
    let twice = format!("{good}\n{}", good.replace(r#""port_in_use""#, r#""port_taken""#));
    assert_eq!(
        problems("openlist", &twice),
        [
            "catalog/openlist.toml: port_taken: pattern `bind: address already in use` is also a pattern of `port_in_use`"
        ]
    );
    assert_eq!(
        problems("upyun", &upyun_line("status = 403", r#"status = 403, patterns = ["x"]"#)),
        ["catalog/upyun.toml: 40300004: patterns is only for symptom catalogues"]
    );
    // `whole` is a symptom's flag, and a boolean.
    assert_eq!(problems("openlist", &good.replace(r#"value = "port""#, "whole = true")), Vec::<String>::new());
    assert_eq!(
        problems("upyun", &upyun_line("status = 403", "status = 403, whole = true")),
        ["catalog/upyun.toml: 40300004: whole is only for symptom catalogues"]
    );
    let text = format!(
        "provider = \"openlist\"\ntype = \"OpenListError\"\nsurfaces = []\ncodes = [\n{}\n]\n",
        good.replace(r#"value = "port""#, r#"whole = "yes""#)
    );
    let err = catalog::parse("catalog/openlist.toml", &text).unwrap_err();
    assert!(err.contains("`whole` must be true or false"), "{err}");
}

#[test]
fn every_entry_names_its_surface_and_source() {
    let text = |entry: &str| {
        format!(
            "provider = \"upyun\"\ntype = \"UpyunError\"\nsurfaces = [{{ id = \"storage\", about = \"s\" }}]\ncodes = [\n{entry}\n]"
        )
    };
    let err = catalog::parse("catalog/upyun.toml", &text(&FULL.replace("provenance = \"test\", ", ""))).unwrap_err();
    assert!(err.ends_with("entry 1 (code 40300004): missing field `provenance`"), "{err}");
    let err = catalog::parse("catalog/upyun.toml", &text(&FULL.replace("surface = \"storage\", ", ""))).unwrap_err();
    assert!(err.ends_with("entry 1 (code 40300004): missing field `surface`"), "{err}");
    assert_eq!(
        problems("upyun", &FULL.replace("surface = \"storage\"", "surface = \"cdn\"")),
        ["catalog/upyun.toml: 40300004: surface `cdn` is not one of the catalogue's surfaces (storage, faq)"]
    );
    assert_eq!(
        problems("upyun", &FULL.replace("provenance = \"test\"", "provenance = \" \"")),
        ["catalog/upyun.toml: 40300004: empty provenance"]
    );
    let catalog = catalog::parse(
        "t",
        "provider = \"upyun\"\ntype = \"UpyunError\"\nsurfaces = [{ id = \"Storage\", about = \"s\" }, { id = \"cdn\", about = \"c\" }, { id = \"cdn\", about = \"c\" }]\ncodes = []",
    )
    .unwrap();
    let found = validate::validate(spec("upyun"), &catalog).unwrap_err();
    assert!(found.contains(&"catalog/upyun.toml: header: surface `Storage` is not snake_case".to_owned()), "{found:?}");
    assert!(found.contains(&"catalog/upyun.toml: header: surface `cdn` is listed twice".to_owned()), "{found:?}");
}

/// The generated tables give back every text and fact of the catalogues: the build script
/// packs each provider's texts into one string read through 16-bit offsets (`src/entry.rs`;
/// OpenList's texts run past 64 KiB, so its later entries are read across a carry), and
/// each numeric code is read back from its text.
#[cfg(all(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist"))]
#[test]
fn the_tables_give_back_the_catalogues() {
    use cloud_errcodes::{Lang, LeanCloudError, OpenListError, ProviderError, QingStorError, UpyunError};

    fn check<E: ProviderError + std::fmt::Debug>(slug: &str) {
        let spec = spec(slug);
        let file = format!("catalog/{slug}.toml");
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&file)).unwrap();
        let catalog = catalog::parse(&file, &text).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(catalog.codes.len(), E::ALL.len(), "{slug}: one variant per entry");
        for entry in &catalog.codes {
            let name = entry.variant(spec);
            let err = *E::ALL.iter().find(|v| format!("{v:?}") == name).unwrap_or_else(|| panic!("{slug}: no {name}"));
            let code = entry.code.to_string();
            assert_eq!(err.code_str(), code, "{name}");
            let number = code.parse::<i64>().ok();
            assert_eq!(err.numeric_code(), number, "{name}");
            assert_eq!(err.is_template(), entry.template().is_some(), "{name}");
            assert_eq!(err.wire_message(), entry.message(), "{name}");
            let alternates: Vec<&str> = entry.alternates.iter().flatten().map(String::as_str).collect();
            assert_eq!(err.alternate_messages(), alternates, "{name}");
            assert_eq!(err.summary(), entry.summary.as_deref().or(entry.message()).unwrap_or(""), "{name}");
            assert_eq!(err.description(Lang::En), entry.en, "{name}");
            assert_eq!(err.description(Lang::ZhCn), entry.zh, "{name}");
            assert_eq!(err.remedy(Lang::En), entry.solution_en.as_deref(), "{name}");
            assert_eq!(err.remedy(Lang::ZhCn), entry.solution_zh.as_deref(), "{name}");
            assert_eq!(err.provenance(), entry.provenance, "{name}");
            assert_eq!(err.surface(), entry.surface, "{name}");
            assert_eq!(i64::from(err.http_status().as_u16()), entry.status, "{name}");
            assert_eq!(err.kind().as_str(), entry.kind, "{name}");
            assert_eq!(err.retry().as_str(), entry.retry, "{name}");
        }
    }
    check::<UpyunError>("upyun");
    check::<QingStorError>("qingstor");
    check::<LeanCloudError>("leancloud");
    check::<OpenListError>("openlist");
    // A template's number reads every `x` as `0`.
    assert_eq!(UpyunError::CdnEdgeRuleTriggered.code(), 10999);
    assert_eq!(LeanCloudError::OtherCause.code(), -1);
}

/// The catalogues' TOML reader decodes what they use and refuses the rest of TOML rather than
/// misreading it.
#[test]
fn the_toml_subset_reads_the_catalogue_forms_and_refuses_the_rest() {
    use catalog::toml_subset::{Value, parse};

    let text = "# comment\na = \"x \\\"q\\\" \\\\ \\u00e9 \\U0001F600 \\t\" # after\nb = [\n  { c = -12, d = true },\n  { c = 1_000, d = false }, # trailing comma\n]\n\"quoted key\" = []\n";
    let table = parse(text).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(table["a"], Value::String("x \"q\" \\ é 😀 \t".to_owned()));
    let Value::Array(items) = &table["b"] else { panic!("{:?}", table["b"]) };
    assert_eq!(items.len(), 2);
    let Value::Table(first) = &items[0] else { panic!("{:?}", items[0]) };
    assert_eq!((first["c"].as_integer(), first["d"].as_bool()), (Some(-12), Some(true)));
    assert_eq!(
        items[1].clone(),
        Value::Table([("c".to_owned(), Value::Integer(1000)), ("d".to_owned(), Value::Boolean(false))].into())
    );
    assert_eq!(table["quoted key"], Value::Array(Vec::new()));

    for (bad, why) in [
        ("[table]\na = 1", "line 1"),
        ("a = 1.5", "decimal integer"),
        ("a = 012", "decimal integer"),
        ("a = 1__0", "decimal integer"),
        ("a = 'literal'", "a string, integer"),
        ("a = \"\"\"multi\"\"\"", "one-line string"),
        ("a.b = 1", "`=` after the key"),
        ("a = 1\na = 2", "`a` only once"),
        ("a = { b = 1, b = 2 }", "`b` only once"),
        ("a = 1 b = 2", "a new line"),
        ("a = \"\\q\"", "a TOML escape"),
        ("a = \"\\ud800\"", "Unicode scalar value"),
        ("a = \"tab\u{7}\"", "no control character"),
        ("a = \"open", "closing the string"),
        ("a = [1, 2", "`,` or `]`"),
        ("a = 1979-05-27", "decimal integer"),
    ] {
        let err = parse(bad).expect_err(bad);
        assert!(err.contains(why), "{bad:?}: {err}");
    }
    assert!(parse("a = 1\n\nb = [\n1,\nx]").unwrap_err().starts_with("line 5:"));
}
