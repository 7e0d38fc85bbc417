//! The `truncation` property (reliability report 2026-11-26), for the fuzz target and the replay
//! test: "a JSON body cut by the limit keeps the fields that were complete before the cut"
//! (`src/response/mod.rs`). A *prefix* of a JSON object may lose fields, but every field it
//! does yield is the one the whole object carries: never a different code, message or request
//! id, and never a shorter number.
//!
//! An input is `[provider: 1][status: 2][cuts: 8 x 2 bytes][body]`. The body must be a JSON
//! object that serde_json accepts, with no duplicated key the profile reads (with duplicates, a
//! prefix rightly shows an earlier value). Every cut of bodies up to 512 bytes is tried, else
//! the eight chosen cuts, plus the whole body (which the parser itself cuts at `MAX_BODY`).

use std::fmt;

use cloud_errcodes::{LeanCloudError, OpenListError, ParseResponse, QingStorError, UpyunError};
use http::{HeaderMap, StatusCode};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

/// A top-level object as its members, duplicates kept, in order.
struct Pairs(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    out.push((k, v));
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The body keys of a provider's message and request id, as its profile reads them.
struct Keys {
    message: &'static [&'static str],
    request_id: &'static [&'static str],
}

const KEYS: [Keys; 4] = [
    Keys { message: &["msg", "message"], request_id: &["id"] },
    Keys { message: &["message"], request_id: &["request_id"] },
    Keys { message: &["error", "message", "reason"], request_id: &[] },
    Keys { message: &["message", "msg"], request_id: &[] },
];

/// Checks every cut of one input (see the module docs); inputs that are not such are skipped.
pub fn check_cuts(data: &[u8]) {
    let Some((&[provider, s0, s1], rest)) = data.split_first_chunk::<3>() else { return };
    let Some((cut_bytes, body)) = rest.split_first_chunk::<16>() else { return };
    let Ok(Pairs(pairs)) = serde_json::from_slice::<Pairs>(body) else { return };
    let Ok(status) = StatusCode::from_u16(100 + u16::from_le_bytes([s0, s1]) % 900) else { return };
    // Cuts past `MAX_BODY` are the whole body's (the parser reads no further), so 16 bits
    // reach every cut that matters.
    let mut cuts: Vec<usize> = match body.len() <= 512 {
        true => (0..=body.len()).collect(),
        false => {
            cut_bytes.chunks(2).map(|c| usize::from(u16::from_le_bytes([c[0], c[1]])) % (body.len() + 1)).collect()
        }
    };
    cuts.push(body.len());
    let keys = &KEYS[usize::from(provider % 4)];
    match provider % 4 {
        0 => check::<UpyunError>(status, keys, &pairs, body, &cuts),
        1 => check::<QingStorError>(status, keys, &pairs, body, &cuts),
        2 => check::<LeanCloudError>(status, keys, &pairs, body, &cuts),
        _ => check::<OpenListError>(status, keys, &pairs, body, &cuts),
    }
}

fn check<E: ParseResponse>(status: StatusCode, keys: &Keys, pairs: &[(String, Value)], body: &[u8], cuts: &[usize]) {
    let count = |name: &str| pairs.iter().filter(|(k, _)| k == name).count();
    if count("code") > 1 || keys.message.iter().chain(keys.request_id).any(|k| count(k) > 1) {
        return;
    }
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let code = get("code");
    // The message field only when exactly one of its keys is present (ranks aside).
    let message_keys: Vec<&Value> = keys.message.iter().filter_map(|k| get(k)).collect();
    let message = (message_keys.len() == 1).then(|| message_keys[0]);
    let request_id = keys.request_id.iter().find_map(|k| get(k));
    let headers = HeaderMap::new();

    for &cut in cuts {
        let prefix = &body[..cut.min(body.len())];
        let err = E::parse_parts(status, &headers, prefix);
        let shown = || String::from_utf8_lossy(&prefix[prefix.len().saturating_sub(80)..]).into_owned();
        if let Some(raw) = err.raw_code() {
            match code {
                Some(Value::String(s)) => {
                    assert!(!raw.is_number() && raw.as_str() == s, "cut {cut}: code {raw:?}, the body has {s:?}")
                }
                Some(Value::Number(n)) => {
                    // serde_json (without `float_roundtrip`) may round long literals one ULP
                    // away from `str::parse`: compare with a relative tolerance.
                    let ours = raw.as_str().parse::<f64>().ok();
                    let close = match (ours, n.as_f64()) {
                        (Some(a), Some(b)) => a == b || (a - b).abs() <= b.abs() * 1e-12,
                        _ => false,
                    };
                    assert!(
                        raw.is_number() && close,
                        "cut {cut}: code {raw:?}, the body has {n}; prefix ends {:?}",
                        shown()
                    );
                }
                other => panic!("cut {cut}: code {raw:?} from a body whose code is {other:?}"),
            }
        }
        if let (Some(ours), Some(Value::String(theirs))) = (err.message(), message) {
            assert_eq!(ours, theirs, "cut {cut}: message");
        }
        if let Some(ours) = err.request_id() {
            match request_id {
                Some(Value::String(theirs)) => assert_eq!(ours, theirs, "cut {cut}: request id"),
                other => panic!("cut {cut}: request id {ours:?} from a body whose id is {other:?}"),
            }
        }
    }
}
