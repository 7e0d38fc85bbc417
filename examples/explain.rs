//! Explains one error code: message, HTTP status, kind, retry advice, both descriptions.
//!
//! ```text
//! cargo run --example explain -- upyun 40300004
//! cargo run --example explain -- qingstor bucket_not_empty
//! ```

use std::process::ExitCode;

use cloud_errcodes::{Lang, Provider, ProviderError, QingStorError, UpyunError};

fn explain<E: ProviderError>(code: &str) -> ExitCode {
    let Ok(err) = code.parse::<E>() else {
        eprintln!("unknown {} error code `{code}`", E::PROVIDER);
        return ExitCode::FAILURE;
    };
    println!("{err}");
    println!("  code:     {}", err.code_str());
    if let Some(message) = err.wire_message() {
        println!("  message:  {message}");
    }
    println!("  status:   {}", err.http_status());
    println!("  kind:     {}", err.kind().as_str());
    println!("  retry:    {}", err.retry());
    println!("  en:       {}", err.description(Lang::En));
    println!("  zh-CN:    {}", err.description(Lang::ZhCn));
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [provider, code] = args.as_slice() else {
        eprintln!("usage: cargo run --example explain -- <upyun|qingstor> <code>");
        return ExitCode::from(2);
    };
    match provider.parse::<Provider>() {
        Ok(Provider::Upyun) => explain::<UpyunError>(code),
        Ok(Provider::QingStor) => explain::<QingStorError>(code),
        Ok(other) => {
            eprintln!("the {other} catalogue is not in this example yet");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(2)
        }
    }
}
