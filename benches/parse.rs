//! Parsing typical error bodies: ours (into the owned `ApiError`, typed code included) against
//! `serde_json::from_slice` into an owned struct (what SDKs do today, without even a typed
//! lookup) and into `serde_json::Value`, measured in the same run.

use std::{hint::black_box, time::Duration};

use cloud_errcodes::{LeanCloudError, OpenListError, ParseResponse, QingStorError, UpyunError};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use http::{HeaderMap, StatusCode};
use serde::Deserialize;

#[path = "bodies.rs"]
mod bodies;

use bodies::{
    LEANCLOUD, LeanCloudBody, OPENLIST, OpenListBody, QINGSTOR, QingStorBody, UPYUN, UPYUN_ESCAPED, UpyunBody,
};

fn group<E: ParseResponse, S: for<'de> Deserialize<'de>>(
    c: &mut Criterion,
    name: &str,
    status: StatusCode,
    body: &'static [u8],
) {
    let headers = HeaderMap::new();
    let mut group = c.benchmark_group(format!("parse/{name}"));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("ours", |b| b.iter(|| E::parse_parts(status, &headers, black_box(body))));
    group.bench_function("serde_json_struct", |b| b.iter(|| serde_json::from_slice::<S>(black_box(body)).ok()));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body)).ok())
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    group::<UpyunError, UpyunBody>(c, "upyun", StatusCode::NOT_FOUND, UPYUN);
    group::<UpyunError, UpyunBody>(c, "upyun_escaped", StatusCode::NOT_FOUND, UPYUN_ESCAPED);
    group::<QingStorError, QingStorBody>(c, "qingstor", StatusCode::CONFLICT, QINGSTOR);
    group::<LeanCloudError, LeanCloudBody>(c, "leancloud", StatusCode::BAD_REQUEST, LEANCLOUD);
    group::<OpenListError, OpenListBody>(c, "openlist", StatusCode::OK, OPENLIST);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(50)
}

criterion_group! { name = benches; config = config(); targets = parse }
criterion_main!(benches);
