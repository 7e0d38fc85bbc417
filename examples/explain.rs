//! Explains one error code: message, HTTP status, kind, retry advice, both descriptions.
//!
//! ```text
//! cargo run --example explain -- upyun 40300004
//! cargo run --example explain -- qingstor bucket_not_empty
//! cargo run --example explain -- leancloud 137
//! cargo run --example explain -- openlist "failed get objs: failed to list objs: query fail [61008]"
//! ```

use std::process::ExitCode;

use cloud_errcodes::{Lang, LeanCloudError, OpenListError, Provider, ProviderError, QingStorError, UpyunError};

fn explain<E: ProviderError>(err: Option<E>, input: &str) -> ExitCode {
    let Some(err) = err else {
        eprintln!("unknown {} error code `{input}`", E::PROVIDER);
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
    if E::PROVIDER == Provider::OpenList {
        let symptom = OpenListError::from_code_str(err.code_str());
        if let Some(symptom) = symptom {
            println!("  remedy:   {}", symptom.solution(Lang::En));
            println!("  处理:     {}", symptom.solution(Lang::ZhCn));
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [provider, code] = args.as_slice() else {
        eprintln!("usage: cargo run --example explain -- <upyun|qingstor|leancloud|openlist> <code-or-message>");
        return ExitCode::from(2);
    };
    match provider.parse::<Provider>() {
        Ok(Provider::Upyun) => explain(code.parse::<UpyunError>().ok(), code),
        Ok(Provider::QingStor) => explain(code.parse::<QingStorError>().ok(), code),
        Ok(Provider::LeanCloud) => explain(code.parse::<LeanCloudError>().ok(), code),
        // OpenList has no codes: take a symptom id, or recognise any text (a pasted log line).
        Ok(Provider::OpenList) => {
            explain(code.parse::<OpenListError>().ok().or_else(|| OpenListError::from_message(code)), code)
        }
        Ok(other) => {
            eprintln!("no catalogue for {other}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(2)
        }
    }
}
