//! What an SDK does with the crate: looks a code up and shows it. Every feature set uses
//! `http` the same way, so the binary of the set with no provider is the baseline.

use std::env;

use http::StatusCode;

fn main() {
    let arg = env::args().nth(1).unwrap_or_default();
    let status = StatusCode::from_bytes(arg.as_bytes()).unwrap_or(StatusCode::OK);
    println!("{status}");
    providers(&arg);
}

#[cfg(not(any(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist")))]
fn providers(_: &str) {}

#[cfg(any(feature = "upyun", feature = "qingstor", feature = "leancloud", feature = "openlist"))]
fn providers(arg: &str) {
    use cloud_errcodes::Lang;

    let lang = if env::var_os("ZH").is_some() { Lang::ZhCn } else { Lang::En };
    #[cfg(feature = "upyun")]
    if let Some(error) = arg.parse().ok().and_then(cloud_errcodes::UpyunError::from_code) {
        println!("{error}: {}", error.description(lang));
    }
    #[cfg(feature = "qingstor")]
    if let Some(error) = cloud_errcodes::QingStorError::from_code(arg) {
        println!("{error}: {}", error.description(lang));
    }
    #[cfg(feature = "leancloud")]
    if let Some(error) = arg.parse().ok().and_then(cloud_errcodes::LeanCloudError::from_code) {
        println!("{error}: {}", error.description(lang));
    }
    #[cfg(feature = "openlist")]
    if let Some(error) = cloud_errcodes::OpenListError::from_message(arg) {
        println!("{error}: {}", error.description(lang));
    }
}
