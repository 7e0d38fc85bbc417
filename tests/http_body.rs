//! `parse_body` and `check_body` against a real HTTP server on 127.0.0.1 that answers like each
//! provider, read by three clients through `http-body`: hyper 1, reqwest 0.13 and reqwest 0.12.
//! Every test runs once per client. No network beyond loopback.

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::{Router, body::Body, http::StatusCode, routing::get};
use cloud_errcodes::{BodyFormat, ErrorKind, OpenListError, ParseBody, QingStorError, UpyunError};
use http_body_util::BodyExt as _;

const BIG: usize = 32 << 20;

/// Starts the fake provider on an ephemeral port; returns its address and a counter of the
/// bytes the large-body route has handed to the connection.
async fn serve() -> (SocketAddr, Arc<AtomicUsize>) {
    let served = Arc::new(AtomicUsize::new(0));
    let counter = served.clone();
    let app = Router::new()
        .route(
            "/upyun/full",
            get(|| async {
                let body = r#"{"msg": "bucket is full", "code": 40300004, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
                (StatusCode::FORBIDDEN, [("content-type", "application/json"), ("x-request-id", "11e4a729d24943409933a5e8314cd32e")], body)
            }),
        )
        .route(
            "/upyun/missing",
            get(|| async { (StatusCode::NOT_FOUND, [("x-error-code", "40400001"), ("x-request-id", "head-1")], "") })
                .head(|| async { (StatusCode::NOT_FOUND, [("x-error-code", "40400001"), ("x-request-id", "head-1")]) }),
        )
        .route(
            "/nginx/413",
            get(|| async {
                let page = "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
                (StatusCode::PAYLOAD_TOO_LARGE, [("content-type", "text/html")], page)
            }),
        )
        .route(
            "/qingstor/slow",
            get(|| async {
                let parts = [r#"{"code": "fetch_"#, r#"throttled", "message": "#, r#""slow down", "request_id": "r-slow"}"#];
                let stream = futures_util::stream::iter(parts).then(|part| async move {
                    tokio::time::sleep(Duration::from_millis(60)).await;
                    Ok::<_, std::convert::Infallible>(part)
                });
                (StatusCode::TOO_MANY_REQUESTS, Body::from_stream(stream))
            }),
        )
        .route(
            "/qingstor/ok",
            get(|| async { (StatusCode::OK, [("x-qs-request-id", "ok-1")], "hello world") }),
        )
        .route(
            "/upyun/huge",
            get(move || {
                let counter = counter.clone();
                async move {
                    let head = r#"{"msg": "bucket is full", "code": 40300004, "data": ""#;
                    let chunks = std::iter::once(head.as_bytes().to_vec()).chain((0..BIG / 65536).map(|_| vec![b'a'; 65536]));
                    let stream = futures_util::stream::iter(chunks).map(move |chunk| {
                        counter.fetch_add(chunk.len(), Ordering::Relaxed);
                        Ok::<_, std::convert::Infallible>(chunk)
                    });
                    (StatusCode::FORBIDDEN, Body::from_stream(stream))
                }
            }),
        )
        .route(
            "/openlist/error",
            get(|| async {
                let body = r#"{"code":500,"message":"failed get objs: failed to list objs: query fail [61008]","data":null}"#;
                (StatusCode::OK, [("content-type", "application/json; charset=utf-8")], body)
            }),
        )
        .route(
            "/openlist/ok",
            get(|| async { (StatusCode::OK, [("x-custom", "kept")], r#"{"code":200,"message":"success","data":{"content":[]}}"#) }),
        )
        .route(
            "/openlist/download",
            get(|| async {
                let body: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
                (StatusCode::OK, body)
            }),
        )
        .route(
            "/openlist/page",
            get(|| async { (StatusCode::NOT_FOUND, "<!doctype html><html><head><title>404 Not Found</title></head></html>") }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (addr, served)
}

use futures_util::StreamExt as _;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// An HTTP client, as the tests use it: one request, the response as an `http::Response`.
trait Fetch {
    type Body: http_body::Body<Data: Send, Error: Into<BoxError> + Send + std::fmt::Debug> + Unpin + Send;

    async fn fetch(method: http::Method, url: String) -> http::Response<Self::Body>;

    async fn get(url: String) -> http::Response<Self::Body> {
        Self::fetch(http::Method::GET, url).await
    }
}

/// hyper's own client, one HTTP/1.1 connection per request.
struct Hyper;

impl Fetch for Hyper {
    type Body = hyper::body::Incoming;

    async fn fetch(method: http::Method, url: String) -> http::Response<Self::Body> {
        let uri: http::Uri = url.parse().unwrap();
        let authority = uri.authority().unwrap().clone();
        let stream = tokio::net::TcpStream::connect(authority.as_str()).await.unwrap();
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await.unwrap();
        tokio::spawn(connection);
        let request = http::Request::builder()
            .method(method)
            .uri(uri.path())
            .header("host", authority.as_str())
            .body(http_body_util::Empty::<bytes::Bytes>::new())
            .unwrap();
        sender.send_request(request).await.unwrap()
    }
}

/// reqwest 0.13, through `http::Response::from`.
struct Reqwest13;

impl Fetch for Reqwest13 {
    type Body = reqwest::Body;

    async fn fetch(method: http::Method, url: String) -> http::Response<Self::Body> {
        let client = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(20)).build().unwrap();
        http::Response::from(client.request(method, url).send().await.unwrap())
    }
}

/// reqwest 0.12 (the dev-dependency `reqwest012`), the same way.
struct Reqwest12;

impl Fetch for Reqwest12 {
    type Body = reqwest012::Body;

    async fn fetch(method: http::Method, url: String) -> http::Response<Self::Body> {
        let client = reqwest012::Client::builder().no_proxy().timeout(Duration::from_secs(20)).build().unwrap();
        http::Response::from(client.request(method, url).send().await.unwrap())
    }
}

/// Every byte of a body, or its error.
async fn collect<B: http_body::Body<Error: Into<BoxError>>>(body: B) -> Result<bytes::Bytes, BoxError> {
    Ok(body.collect().await.map_err(Into::into)?.to_bytes())
}

/// A checked body crosses threads like the body it wraps.
const _: () = {
    const fn thread_safe<T: Send + Sync + Unpin + 'static>() {}
    thread_safe::<cloud_errcodes::CheckedBody<hyper::body::Incoming>>();
    thread_safe::<cloud_errcodes::CheckedBody<reqwest::Body>>();
    thread_safe::<cloud_errcodes::CheckedBody<reqwest012::Body>>();
};

/// Runs each generic test once per client.
macro_rules! per_client {
    ($($test:ident),* $(,)?) => {
        mod hyper_client {
            $(#[tokio::test] async fn $test() { super::$test::<super::Hyper>().await })*
        }
        mod reqwest_0_13 {
            $(#[tokio::test] async fn $test() { super::$test::<super::Reqwest13>().await })*
        }
        mod reqwest_0_12 {
            $(#[tokio::test] async fn $test() { super::$test::<super::Reqwest12>().await })*
        }
    };
}

per_client!(
    upyun_json_error_and_empty_head_404,
    nginx_html_page,
    slow_body_is_read_to_its_end,
    successful_responses_pass_untouched,
    a_body_larger_than_the_cap_is_not_downloaded,
    openlist_judges_success_from_the_body,
    a_cut_download_is_never_handed_back_as_complete,
    an_error_body_cut_by_the_connection_says_so,
    a_slow_download_is_judged_from_its_first_bytes,
    a_code_split_across_chunks_is_judged_whole,
);

async fn upyun_json_error_and_empty_head_404<C: Fetch>() {
    let (addr, _) = serve().await;
    let response = C::get(format!("http://{addr}/upyun/full")).await;
    let err = UpyunError::parse_body(response).await;
    assert_eq!(err.code(), Some(UpyunError::BucketFull));
    assert_eq!(err.request_id(), Some("11e4a729d24943409933a5e8314cd32e"));
    assert_eq!(err.to_string(), "upyun 40300004: bucket is full (HTTP 403, request 11e4a729d24943409933a5e8314cd32e)");

    let response = C::fetch(http::Method::HEAD, format!("http://{addr}/upyun/missing")).await;
    let err = UpyunError::check_body(response).await.unwrap_err();
    assert_eq!(err.code(), Some(UpyunError::FileNotFound));
    assert_eq!(err.body_format(), BodyFormat::Empty);
    assert_eq!(err.request_id(), Some("head-1"));
}

async fn nginx_html_page<C: Fetch>() {
    let (addr, _) = serve().await;
    let response = C::get(format!("http://{addr}/nginx/413")).await;
    let err = QingStorError::check_body(response).await.unwrap_err();
    assert_eq!(err.body_format(), BodyFormat::Html);
    assert_eq!(err.message(), Some("413 Request Entity Too Large"));
    assert_eq!(err.kind(), ErrorKind::PayloadTooLarge);
}

async fn slow_body_is_read_to_its_end<C: Fetch>() {
    let (addr, _) = serve().await;
    let response = C::get(format!("http://{addr}/qingstor/slow")).await;
    let err = QingStorError::parse_body(response).await;
    assert_eq!(err.code(), Some(QingStorError::FetchThrottled));
    assert_eq!(err.message(), Some("slow down"));
    assert_eq!(err.request_id(), Some("r-slow"));
    assert!(err.is_retryable());
}

async fn successful_responses_pass_untouched<C: Fetch>() {
    let (addr, _) = serve().await;
    let response = C::get(format!("http://{addr}/qingstor/ok")).await;
    let response = QingStorError::check_body(response).await.unwrap();
    assert_eq!(response.headers()["x-qs-request-id"], "ok-1");
    assert_eq!(collect(response.into_body()).await.unwrap(), "hello world");
}

async fn a_body_larger_than_the_cap_is_not_downloaded<C: Fetch>() {
    let (addr, served) = serve().await;
    let response = C::get(format!("http://{addr}/upyun/huge")).await;
    let err = UpyunError::parse_body(response).await;
    assert!(err.is_truncated());
    assert_eq!(err.code(), Some(UpyunError::BucketFull));
    assert_eq!(err.body_format(), BodyFormat::PartialJson);
    // The server could push what the socket buffers hold, but nowhere near the whole body.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let sent = served.load(Ordering::Relaxed);
    assert!(sent < BIG / 2, "the client stopped reading: {sent} of {BIG} bytes were produced");
}

async fn openlist_judges_success_from_the_body<C: Fetch>() {
    let (addr, _) = serve().await;
    let response = C::get(format!("http://{addr}/openlist/error")).await;
    let err = OpenListError::check_body(response).await.unwrap_err();
    assert_eq!(err.code(), Some(OpenListError::QueryFail61008));
    assert_eq!((err.http_status(), err.wire_status()), (StatusCode::INTERNAL_SERVER_ERROR, StatusCode::OK));

    let response = C::get(format!("http://{addr}/openlist/ok")).await;
    let response = OpenListError::check_body(response).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-custom"], "kept");
    assert_eq!(
        collect(response.into_body()).await.unwrap(),
        r#"{"code":200,"message":"success","data":{"content":[]}}"#
    );

    // A download larger than what is read to judge comes back whole and in order.
    let response = C::get(format!("http://{addr}/openlist/download")).await;
    let body = collect(OpenListError::check_body(response).await.unwrap().into_body()).await.unwrap();
    let expected: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    assert_eq!(body.len(), expected.len());
    assert!(body == expected);

    let response = C::get(format!("http://{addr}/openlist/page")).await;
    let err = OpenListError::check_body(response).await.unwrap_err();
    assert_eq!((err.http_status(), err.message()), (StatusCode::NOT_FOUND, Some("404 Not Found")));
}

/// A raw HTTP/1.1 server on 127.0.0.1 that sends `head`, then `body` in `pieces` with `pause`
/// between them, then closes the connection (whatever `Content-Length` promised). One
/// connection, then it stops.
async fn raw_server(head: String, body: Vec<u8>, pieces: usize, pause: Duration) -> SocketAddr {
    let size = body.len().div_ceil(pieces.max(1)).max(1);
    raw_server_pieces(head, body.chunks(size).map(<[u8]>::to_vec).collect(), pause).await
}

/// [`raw_server`] sending the body in the given pieces.
async fn raw_server_pieces(head: String, pieces: Vec<Vec<u8>>, pause: Duration) -> SocketAddr {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        socket.write_all(head.as_bytes()).await.unwrap();
        for piece in pieces {
            if socket.write_all(&piece).await.is_err() {
                return;
            }
            let _ = socket.flush().await;
            tokio::time::sleep(pause).await;
        }
        // Dropping the socket closes the connection, short or not.
    });
    addr
}

async fn a_cut_download_is_never_handed_back_as_complete<C: Fetch>() {
    // Regression: the server promises 100,000 bytes, sends 1,000 and closes. The client alone
    // fails on reading the body; after `check_reqwest` it returned Ok with 1,000 bytes.
    let head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: application/octet-stream\r\n\r\n";
    let addr = raw_server(head.to_owned(), vec![b'x'; 1000], 1, Duration::ZERO).await;
    let plain = collect(C::get(format!("http://{addr}/")).await.into_body()).await;
    assert!(plain.is_err(), "the client alone sees the cut");

    let addr = raw_server(head.to_owned(), vec![b'x'; 1000], 1, Duration::ZERO).await;
    let response = C::get(format!("http://{addr}/")).await;
    let checked = OpenListError::check_body(response).await.expect("a download is a success");
    let body = collect(checked.into_body()).await;
    assert!(body.is_err(), "the cut must reach the caller, got {:?} bytes", body.map(|b| b.len()));

    // The same with a JSON envelope cut before it could be judged.
    let head = "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n";
    let addr = raw_server(head.to_owned(), br#"{"code":200,"mess"#.to_vec(), 1, Duration::ZERO).await;
    let response = C::get(format!("http://{addr}/")).await;
    match OpenListError::check_body(response).await {
        Ok(response) => assert!(collect(response.into_body()).await.is_err()),
        Err(err) => assert!(err.is_truncated(), "{err:?}"),
    }
}

async fn an_error_body_cut_by_the_connection_says_so<C: Fetch>() {
    let head = "HTTP/1.1 403 Forbidden\r\nContent-Length: 5000\r\n\r\n";
    let addr =
        raw_server(head.to_owned(), br#"{"code": 40300004, "msg": "bucket is"#.to_vec(), 1, Duration::ZERO).await;
    let response = C::get(format!("http://{addr}/")).await;
    let err = UpyunError::parse_body(response).await;
    assert_eq!(err.code(), Some(UpyunError::BucketFull));
    assert!(err.is_truncated());
}

async fn a_slow_download_is_judged_from_its_first_bytes<C: Fetch>() {
    // Regression: OpenList's check read up to 64 KiB or the end of every success, so a body
    // trickling in never returned. The server sends the first KiB and holds the rest back until
    // the check has returned: a check that waited for more would never return.
    let body: Vec<u8> = (0..6400u32).map(|i| (i % 251) as u8).collect();
    let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", body.len());
    let (first, rest) = body.split_at(1024);
    let (addr, release) = gated_server(head, first.to_vec(), rest.to_vec()).await;
    let response = C::get(format!("http://{addr}/")).await;
    let checked = judged_before_the_rest(OpenListError::check_body(response)).await.unwrap();
    release.send(()).unwrap();
    assert_eq!(collect(checked.into_body()).await.unwrap().as_ref(), body.as_slice(), "and the body is whole");

    // An envelope is decided as soon as its code says 200.
    let json = br#"{"code":200,"message":"success","data":{"content":[]}}"#.to_vec();
    let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", json.len());
    let (first, rest) = json.split_at(br#"{"code":200,"#.len());
    let (addr, release) = gated_server(head, first.to_vec(), rest.to_vec()).await;
    let response = C::get(format!("http://{addr}/")).await;
    let checked = judged_before_the_rest(OpenListError::check_body(response)).await.unwrap();
    release.send(()).unwrap();
    assert_eq!(collect(checked.into_body()).await.unwrap().as_ref(), json.as_slice());
}

/// A raw HTTP/1.1 server that sends `head` and `first`, then `rest` only once the returned
/// sender fires. One connection, then it stops.
async fn gated_server(head: String, first: Vec<u8>, rest: Vec<u8>) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (release, released) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        socket.write_all(head.as_bytes()).await.unwrap();
        socket.write_all(&first).await.unwrap();
        let _ = socket.flush().await;
        if released.await.is_ok() {
            let _ = socket.write_all(&rest).await;
        }
    });
    (addr, release)
}

/// The check's verdict, which must come while the server still holds the rest of the body
/// back. Waiting for the rest would never end; the limit only turns that hang into a failure.
async fn judged_before_the_rest<T>(check: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), check)
        .await
        .expect("the check waited for bytes the server holds back until it has returned")
}

async fn a_code_split_across_chunks_is_judged_whole<C: Fetch>() {
    // R4 on a real connection: the first piece ends inside the code, 200 then 1 (2001); it was
    // judged a success on the first piece.
    let pieces = [br#"{"message":"x","code":200"#.to_vec(), br#"1,"data":null}"#.to_vec()];
    let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", pieces.concat().len());
    let addr = raw_server_pieces(head, pieces.to_vec(), Duration::from_millis(100)).await;
    let err = OpenListError::check_body(C::get(format!("http://{addr}/")).await).await.unwrap_err();
    assert_eq!(err.to_string(), "openlist 2001: x (HTTP 200)");
    assert_eq!(err.body_format(), BodyFormat::Json, "the failure's body is read to its end");
}

/// A checked response goes back into a `reqwest::Response`, of either version, with its body.
#[tokio::test]
async fn checked_responses_go_back_to_reqwest() {
    let (addr, _) = serve().await;
    let checked = OpenListError::check_body(Reqwest13::get(format!("http://{addr}/openlist/ok")).await).await.unwrap();
    let response = reqwest::Response::from(checked.map(reqwest::Body::wrap));
    assert_eq!(response.headers()["x-custom"], "kept");
    assert_eq!(response.text().await.unwrap(), r#"{"code":200,"message":"success","data":{"content":[]}}"#);

    let checked = OpenListError::check_body(Reqwest12::get(format!("http://{addr}/openlist/ok")).await).await.unwrap();
    let response = reqwest012::Response::from(checked.map(reqwest012::Body::wrap));
    assert_eq!(response.text().await.unwrap(), r#"{"code":200,"message":"success","data":{"content":[]}}"#);
}
