//! The typical error bodies the parse benchmarks use, and the owned structs SDKs deserialize
//! them into today (OpenDAL's `UpyunError` shape and friends).
#![allow(dead_code)]

use serde::Deserialize;

pub const UPYUN: &[u8] =
    br#"{"msg": "file or directory not found", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
pub const UPYUN_ESCAPED: &[u8] = br#"{"msg": "\u6587\u4ef6\u4e0d\u5b58\u5728: \"a\/b.txt\"", "code": 40400001, "id": "11e4a729d24943409933a5e8314cd32e"}"#;
pub const QINGSTOR: &[u8] = br#"{"code": "bucket_not_empty", "message": "Bucket is not empty", "request_id": "aa08cf7a43f611e5", "url": "https://docs.qingcloud.com/qingstor/api/common/error_code.html"}"#;
pub const LEANCLOUD: &[u8] = br#"{"code":137,"error":"A unique field was given a value that is already taken."}"#;
pub const OPENLIST: &[u8] =
    br#"{"code":500,"message":"failed get objs: failed to list objs: query fail [61008]","data":null}"#;

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct UpyunBody {
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub msg: String,
    #[serde(default)]
    pub id: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct QingStorBody {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub request_id: String,
    #[serde(default)]
    pub url: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct LeanCloudBody {
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub error: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct OpenListBody {
    #[serde(default)]
    pub code: i64,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub data: serde::de::IgnoredAny,
}

pub fn by_name(provider: &str) -> &'static [u8] {
    match provider {
        "qingstor" => QINGSTOR,
        "leancloud" => LEANCLOUD,
        "openlist" => OPENLIST,
        "upyun_escaped" => UPYUN_ESCAPED,
        _ => UPYUN,
    }
}
