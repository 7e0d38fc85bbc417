//! Code lookups: ours (a `phf` probe) against what a user would otherwise write, measured in
//! the same run. See benches/README.md for the figures.

/// The alternatives, written from the catalogues (`tests/bench_baselines.rs` keeps them in step).
#[allow(dead_code, reason = "every bench binary includes all baselines")]
#[rustfmt::skip]
mod baselines;

use std::{collections::HashMap, hint::black_box, str::FromStr, time::Duration};

use cloud_errcodes::{LeanCloudError, ProviderError, QingStorError, UpyunError};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rustc_hash::FxHashMap;

/// A bare perfect-hash probe from code to index, built with the same generator our tables use.
fn bare_phf(codes: &[u32]) -> phf::Map<u32, u32> {
    let state = phf_generator::generate_hash(codes);
    let entries: Vec<(u32, u32)> = state.map.iter().map(|&i| (codes[i], i as u32)).collect();
    phf::Map {
        key: state.key,
        disps: Box::leak(state.disps.into_boxed_slice()),
        entries: Box::leak(entries.into_boxed_slice()),
    }
}

/// Codes that are not in the catalogue, close to ones that are.
fn misses(codes: &[u32]) -> Vec<u32> {
    let known: std::collections::HashSet<u32> = codes.iter().copied().collect();
    codes.iter().map(|c| c + 1).filter(|c| !known.contains(c)).take(codes.len()).collect()
}

fn numeric<E: ProviderError>(
    c: &mut Criterion,
    name: &str,
    from_code: fn(u32) -> Option<E>,
    matcher: fn(u32) -> Option<E>,
) {
    // The benchmark keys are u32: LeanCloud's few negative (SDK-side) codes are left out.
    let mut codes: Vec<u32> = E::all().filter_map(|e| u32::try_from(e.numeric_code()?).ok()).collect();
    codes.dedup();
    let misses = misses(&codes);
    let std_map: HashMap<u32, E> = codes.iter().map(|&c| (c, from_code(c).unwrap())).collect();
    let fx_map: FxHashMap<u32, E> = codes.iter().map(|&c| (c, from_code(c).unwrap())).collect();
    let mut sorted: Vec<(u32, E)> = codes.iter().map(|&c| (c, from_code(c).unwrap())).collect();
    sorted.sort_by_key(|(c, _)| *c);
    let probe = bare_phf(&codes);

    for (case, inputs) in [("hit", &codes), ("miss", &misses)] {
        let mut group = c.benchmark_group(format!("lookup/{name}/{case}"));
        // One lookup at a time: the same code each iteration.
        let one = inputs[inputs.len() / 2];
        group.bench_function("ours_phf", |b| b.iter(|| from_code(black_box(one))));
        group.bench_function("phf_probe_only", |b| b.iter(|| probe.get(black_box(&one)).copied()));
        group.bench_function("match", |b| b.iter(|| matcher(black_box(one))));
        group.bench_function("std_hashmap", |b| b.iter(|| std_map.get(black_box(&one)).copied()));
        group.bench_function("fx_hashmap", |b| b.iter(|| fx_map.get(black_box(&one)).copied()));
        group.bench_function("binary_search", |b| {
            b.iter(|| sorted.binary_search_by_key(black_box(&one), |(c, _)| *c).ok().map(|i| sorted[i].1))
        });
        group.finish();

        // Throughput: every code once per iteration.
        let mut group = c.benchmark_group(format!("lookup/{name}/{case}_all"));
        group.throughput(Throughput::Elements(inputs.len() as u64));
        let all = black_box(inputs.as_slice());
        group.bench_function("ours_phf", |b| b.iter(|| all.iter().filter(|&&c| from_code(c).is_some()).count()));
        group.bench_function("phf_probe_only", |b| b.iter(|| all.iter().filter(|c| probe.get(c).is_some()).count()));
        group.bench_function("match", |b| b.iter(|| all.iter().filter(|&&c| matcher(c).is_some()).count()));
        group.bench_function("std_hashmap", |b| b.iter(|| all.iter().filter(|c| std_map.contains_key(c)).count()));
        group.bench_function("fx_hashmap", |b| b.iter(|| all.iter().filter(|c| fx_map.contains_key(c)).count()));
        group.bench_function("binary_search", |b| {
            b.iter(|| all.iter().filter(|&&c| sorted.binary_search_by_key(&c, |(k, _)| *k).is_ok()).count())
        });
        group.finish();
    }
}

fn lookup_upyun(c: &mut Criterion) {
    numeric(c, "upyun", UpyunError::from_code, baselines::upyun_match);
}

fn lookup_leancloud(c: &mut Criterion) {
    // LeanCloud codes are i32; every benchmarked code is non-negative, so the casts are exact.
    let from_code: fn(u32) -> Option<LeanCloudError> = |code| LeanCloudError::from_code(code as i32);
    let matcher: fn(u32) -> Option<LeanCloudError> = |code| baselines::leancloud_match(code as i32);
    numeric(c, "leancloud", from_code, matcher);
}

fn lookup_qingstor(c: &mut Criterion) {
    let std_map: HashMap<&str, QingStorError> = QingStorError::all().map(|e| (e.code(), e)).collect();
    for (case, input) in [("hit", "bucket_not_empty"), ("miss", "bucket_is_gone"), ("near_miss", "Bucket_Not_Empty")] {
        let mut group = c.benchmark_group(format!("lookup/qingstor/{case}"));
        group.bench_function("ours_phf", |b| b.iter(|| QingStorError::from_code(black_box(input))));
        group.bench_function("ours_from_str", |b| b.iter(|| QingStorError::from_str(black_box(input)).ok()));
        group.bench_function("match", |b| b.iter(|| baselines::qingstor_match(black_box(input))));
        group.bench_function("strum_enum_string", |b| {
            b.iter(|| baselines::QingStorStrum::from_str(black_box(input)).ok())
        });
        group.bench_function("std_hashmap", |b| b.iter(|| std_map.get(black_box(input)).copied()));
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(50)
}

criterion_group! { name = benches; config = config(); targets = lookup_upyun, lookup_leancloud, lookup_qingstor }
criterion_main!(benches);
