// The cross-provider kinds and the retry advice, one row each: the variant's doc, then
// `Variant = "snake_case id", "lowercase phrase";`. `src/kind.rs` turns each table into its enum
// with every impl (`ALL`, `as_str`, `phrase`, `FromStr`, `Display`, serde), and the build
// script reads the same file to know which ids a catalogue may use, so adding a kind is one row
// here.

error_kinds! {
    /// The file, object, bucket, user or record the request names does not exist.
    NotFound = "not_found", "not found";
    /// Something the request would create exists already.
    AlreadyExists = "already_exists", "already exists";
    /// The target's current state forbids the operation (not empty, changed meanwhile, in progress).
    Conflict = "conflict", "conflict";
    /// The caller is known but not allowed to do this, or the account or bucket is blocked.
    PermissionDenied = "permission_denied", "permission denied";
    /// The caller could not be identified: missing, wrong or expired credentials or signature.
    Unauthenticated = "unauthenticated", "unauthenticated";
    /// The request itself is malformed: a bad argument, header, name or body.
    InvalidInput = "invalid_input", "invalid input";
    /// A conditional request's precondition was not met.
    PreconditionFailed = "precondition_failed", "precondition failed";
    /// The requested byte range cannot be served.
    RangeNotSatisfiable = "range_not_satisfiable", "range not satisfiable";
    /// The body, file or part is larger than allowed.
    PayloadTooLarge = "payload_too_large", "payload too large";
    /// The caller sends too many requests; slow down.
    RateLimited = "rate_limited", "rate limited";
    /// A storage, count or usage quota is used up.
    QuotaExceeded = "quota_exceeded", "quota exceeded";
    /// The account is in arrears or lacks balance.
    Billing = "billing", "billing";
    /// The server or something behind it did not answer in time.
    Timeout = "timeout", "timeout";
    /// The service is down, in maintenance, or temporarily refusing work.
    Unavailable = "unavailable", "unavailable";
    /// The server failed internally.
    Internal = "internal", "internal";
    /// The connection failed: DNS, TCP, TLS, or a reset or closed connection.
    Network = "network", "network";
    /// The operation, method or option is not supported.
    Unsupported = "unsupported", "unsupported";
    /// The service, driver, bucket or client is set up wrongly and needs a settings change.
    Configuration = "configuration", "configuration";
    /// None of the above fits, or nothing is known about the failure.
    Other = "other", "other";
}

retry_advice! {
    /// The same request cannot succeed: callers MUST NOT retry it unchanged.
    Never = "never", "never";
    /// The failure may pass: callers MAY retry, with exponential backoff and a cap on attempts.
    /// A retried request must be safe to repeat (idempotent, or known not to have taken effect).
    Backoff = "backoff", "backoff";
}
