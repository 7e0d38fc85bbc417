//! OpenList symptom recognition: ours (one Aho-Corasick DFA over every pattern) against a loop
//! of ASCII-case-insensitive `contains` and a `regex::RegexSet`, in the same run; plus the
//! cost of building the automaton, measured apart from searching.

use std::{hint::black_box, time::Duration};

use cloud_errcodes::{OpenListError, ProviderError};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use regex::RegexSetBuilder;

/// Real messages, 60 to 300 bytes: what servers and logs carry.
const HITS: &[&str] = &[
    "failed get objs: failed to list objs: query fail [61008]",
    "2025/08/12 02:48:46 [E] failed get objs: failed to list objs: TooManyRequests:Too Many Requests",
    "ERRO[0003] failed to start: listen tcp 0.0.0.0:5244: bind: address already in use",
    "failed get objs: failed to list objs: NotFound.FileId:The resource file_id cannot be found. file_id:634e704cefa78f92fefd4c779f7422d820082d041",
    r#"Failed init storage but storage is already created: failed init storage: failed to refresh token: Post "https://auth.example.com/v2/account/token": net/http: TLS handshake timeout"#,
    "\x1b[31mERRO\x1b[0m[2025-08-12 02:48:46] failed get objs: failed to list objs: failed to get file list: Get \"https://api.example.com/2.0/xpan/file?method=list&dir=%2F&order=name\": dial tcp: lookup api.example.com on 127.0.0.11:53: no such host",
];

const MISSES: &[&str] = &[
    "INFO[0000] start HTTP server @ 0.0.0.0:5244",
    "2025/08/12 02:48:46 [I] storage /aliyun loaded successfully, 1532 objects cached in 2.1s",
    "failed get objs: failed to list objs: the remote folder was renamed by its owner while listing",
    r#"[GIN] 2025/08/12 - 02:48:46 | 200 |    1.234567ms |    192.168.1.10 | POST     "/api/fs/list" with a long user agent string appended"#,
];

struct Contains {
    lowered: Vec<(String, OpenListError)>,
}

impl Contains {
    /// What a user writes without this crate: lowercase the text, try every pattern.
    fn find(&self, text: &str) -> Option<OpenListError> {
        let text = text.to_ascii_lowercase();
        self.lowered.iter().find(|(pattern, _)| text.contains(pattern.as_str())).map(|(_, e)| *e)
    }
}

fn patterns() -> Vec<(&'static str, OpenListError)> {
    OpenListError::all().flat_map(|e| e.patterns().iter().map(move |p| (*p, e))).collect()
}

fn symptom(c: &mut Criterion) {
    let patterns = patterns();
    let contains = Contains { lowered: patterns.iter().map(|(p, e)| (p.to_ascii_lowercase(), *e)).collect() };
    let set =
        RegexSetBuilder::new(patterns.iter().map(|(p, _)| regex::escape(p))).case_insensitive(true).build().unwrap();
    let regex_find = |text: &str| set.matches(text).iter().next().map(|i| patterns[i].1);
    // Build the lazily built automaton before measuring searches.
    assert_eq!(OpenListError::from_message(HITS[0]), Some(OpenListError::QueryFail61008));
    for (i, hit) in HITS.iter().enumerate() {
        assert!(
            OpenListError::from_message(hit).is_some() && contains.find(hit).is_some() && regex_find(hit).is_some(),
            "hit {i}"
        );
    }
    for miss in MISSES {
        assert!(
            OpenListError::from_message(miss).is_none() && contains.find(miss).is_none() && regex_find(miss).is_none()
        );
    }

    for (case, texts) in [("hit", HITS), ("miss", MISSES)] {
        let mut group = c.benchmark_group(format!("symptom/{case}"));
        group.throughput(Throughput::Elements(texts.len() as u64));
        group.bench_function("ours", |b| {
            b.iter(|| texts.iter().filter(|t| OpenListError::from_message(black_box(t)).is_some()).count())
        });
        group.bench_function("contains_loop", |b| {
            b.iter(|| texts.iter().filter(|t| contains.find(black_box(t)).is_some()).count())
        });
        group.bench_function("regex_set", |b| {
            b.iter(|| texts.iter().filter(|t| regex_find(black_box(t)).is_some()).count())
        });
        group.finish();
    }

    // Linear in length: one 1 MiB line against sixteen 64 KiB lines, the symptom at the end.
    let line = |len: usize| {
        let mut text = "x".repeat(len - 40);
        text.push_str(" query fail [61008] trailing words");
        text
    };
    let one = line(1 << 20);
    let sixteen: Vec<String> = (0..16).map(|_| line(64 << 10)).collect();
    let mut group = c.benchmark_group("symptom/long");
    group.throughput(Throughput::Bytes(1 << 20));
    group.bench_with_input(BenchmarkId::new("ours", "1MiB"), &one, |b, t| {
        b.iter(|| OpenListError::from_message(black_box(t)))
    });
    group.bench_with_input(BenchmarkId::new("ours", "16x64KiB"), &sixteen, |b, ts| {
        b.iter(|| ts.iter().filter(|t| OpenListError::from_message(black_box(t)).is_some()).count())
    });
    group.bench_with_input(BenchmarkId::new("contains_loop", "1MiB"), &one, |b, t| {
        b.iter(|| contains.find(black_box(t)))
    });
    group.bench_with_input(BenchmarkId::new("regex_set", "1MiB"), &one, |b, t| b.iter(|| regex_find(black_box(t))));
    group.finish();

    let mut group = c.benchmark_group("symptom/build");
    group.bench_function("automaton", |b| b.iter(cloud_errcodes::openlist::build_automaton));
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(30)
}

criterion_group! { name = benches; config = config(); targets = symptom }
criterion_main!(benches);
