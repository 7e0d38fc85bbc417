//! An SDK call site: delete a file from an UpYun bucket and turn a failure into a typed error.
//! reqwest (0.12 or 0.13, with no feature of its own) hands its response over as an
//! `http::Response`, whose body `ParseBody` reads.
//!
//! ```text
//! cargo run --example reqwest_upyun --features http-body
//! ```
//!
//! So that it runs anywhere, the example answers its own request with a local server that
//! replies like UpYun does; point `UPYUN_ENDPOINT` at the real API to call it instead.

use std::time::Duration;

use cloud_errcodes::{ApiError, ErrorKind, ParseBody, UpyunError};

/// What an SDK method returns: success, or UpYun's error with everything the server said.
async fn delete_file(client: &reqwest::Client, endpoint: &str, path: &str) -> Result<(), SdkError> {
    let response = client.delete(format!("{endpoint}{path}")).send().await?;
    UpyunError::check_body(http::Response::from(response)).await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
enum SdkError {
    #[error("upyun request failed")]
    Transport(#[from] reqwest::Error),
    #[error(transparent)]
    Api(#[from] ApiError<UpyunError>),
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let endpoint = match std::env::var("UPYUN_ENDPOINT") {
        Ok(endpoint) => endpoint,
        Err(_) => local_upyun().await,
    };
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("a client");
    match delete_file(&client, &endpoint, "/bucket/report.pdf").await {
        Ok(()) => println!("deleted"),
        Err(SdkError::Api(err)) => {
            println!("{err}");
            match (err.code(), err.kind()) {
                (Some(UpyunError::FileNotFound), _) => println!("already gone: nothing to do"),
                (_, ErrorKind::RateLimited) => println!("slow down and retry later"),
                (_, kind) => println!("kind {kind}, retryable: {}", err.is_retryable()),
            }
        }
        Err(err) => println!("{err}"),
    }
}

/// A server on 127.0.0.1 that answers every request like UpYun answers a missing file.
async fn local_upyun() -> String {
    use axum::{Router, http::StatusCode};
    let app = Router::new().fallback(|| async {
        let body =
            r#"{"msg": "file or directory not found", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
        (StatusCode::NOT_FOUND, [("x-request-id", "11e4a729d24943409933a5e8314cd32e")], body)
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}
