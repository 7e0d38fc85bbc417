//! The Markdown the build script writes into the variant docs and the reference pages: the
//! links it makes of provenances (`build/provenance.rs`), on every form the catalogues use, and
//! the escaping of wire text (`build/markdown.rs`). Both files are compiled into this test as
//! they are into the build script.

#[path = "../build/markdown.rs"]
mod escape;
#[path = "../build/provenance.rs"]
mod provenance;

use escape::{code_span, escape_text, table_cell};
use provenance::{first_url, markdown};

#[test]
fn wire_text_is_literal_in_a_code_span() {
    assert_eq!(code_span("query fail [61008]"), "`query fail [61008]`");
    assert_eq!(code_span("No such cloud function '<name>'"), "`No such cloud function '<name>'`");
    // Backticks inside: a longer fence, and spaces where a backtick would touch it.
    assert_eq!(code_span("a `b` c"), "`` a `b` c ``");
    assert_eq!(code_span("`x`"), "`` `x` ``");
    assert_eq!(code_span("a``b"), "``` a``b ```");
}

#[test]
fn our_words_and_table_cells_are_escaped() {
    assert_eq!(escape_text("the *only* [x] <y> a_b `c` \\"), "the \\*only\\* \\[x\\] \\<y\\> a\\_b \\`c\\` \\\\");
    assert_eq!(escape_text("bucket is full"), "bucket is full");
    // In a table a pipe ends the cell, even inside a code span, unless escaped.
    assert_eq!(table_cell(&code_span("a|b")), "`a\\|b`");
    assert_eq!(table_cell("plain"), "plain");
}

#[test]
fn a_page_title_and_its_url() {
    assert_eq!(
        markdown("UpYun API 错误码表 https://help.upyun.com/knowledge-base/errno/"),
        "UpYun API 错误码表 <https://help.upyun.com/knowledge-base/errno/>"
    );
    // Punctuation after a URL stays outside it.
    assert_eq!(
        markdown("(listed until the 2019-03 revision; not on https://help.upyun.com/knowledge-base/errno/)"),
        "(listed until the 2019-03 revision; not on <https://help.upyun.com/knowledge-base/errno/>)"
    );
    assert_eq!(markdown("see https://a.example/x, then"), "see <https://a.example/x>, then");
}

#[test]
fn a_file_at_a_commit_is_a_permalink() {
    assert_eq!(
        markdown("LeanCloud 错误码详解 leancloud/avoscloud-doc@82f8d1aa views/error_code.md"),
        "LeanCloud 错误码详解 [leancloud/avoscloud-doc@82f8d1aa views/error_code.md](https://github.com/leancloud/avoscloud-doc/blob/82f8d1aa/views/error_code.md)"
    );
    // A range links its last revision; several files each get their link.
    assert_eq!(
        markdown("upyun/docs@253d85e..8d194b0 sources/api/errno.md (listed until 2019-03)"),
        "[upyun/docs@253d85e..8d194b0 sources/api/errno.md](https://github.com/upyun/docs/blob/8d194b0/sources/api/errno.md) (listed until 2019-03)"
    );
    assert_eq!(
        markdown("OpenListTeam/OpenList@0b1e9d09 internal/errs/errors.go, server/handles/sharing.go and 2 others"),
        "[OpenListTeam/OpenList@0b1e9d09 internal/errs/errors.go](https://github.com/OpenListTeam/OpenList/blob/0b1e9d09/internal/errs/errors.go), \
         [server/handles/sharing.go](https://github.com/OpenListTeam/OpenList/blob/0b1e9d09/server/handles/sharing.go) and 2 others"
    );
    // Inside parentheses.
    assert_eq!(
        markdown("the meaning since 2017-08 (upyun/docs@a28f7ce sources/api/errno.md renumbered the code)"),
        "the meaning since 2017-08 ([upyun/docs@a28f7ce sources/api/errno.md](https://github.com/upyun/docs/blob/a28f7ce/sources/api/errno.md) renumbered the code)"
    );
}

#[test]
fn the_revision_before_a_commit_links_that_commit() {
    // GitHub has no URL for `X^`; the commit's page shows the change, old text included.
    assert_eq!(
        markdown("AlistGo/alist@ee77c3b1^ internal/op/path.go (up to v3.11)"),
        "[AlistGo/alist@ee77c3b1^ internal/op/path.go](https://github.com/AlistGo/alist/commit/ee77c3b1) (up to v3.11)"
    );
}

#[test]
fn a_commit_without_a_file_links_the_commit() {
    assert_eq!(
        markdown("OpenListTeam/OpenList@0b1e9d09 server/handles/*.go (gin binding)"),
        "[OpenListTeam/OpenList@0b1e9d09](https://github.com/OpenListTeam/OpenList/commit/0b1e9d09) server/handles/*.go (gin binding)"
    );
}

#[test]
fn issues_and_packages() {
    assert_eq!(
        markdown("message as qingstor/qsctl#243 reports it"),
        "message as [qingstor/qsctl#243](https://github.com/qingstor/qsctl/issues/243) reports it"
    );
    assert_eq!(
        markdown("npm leanengine 3.8.0 lib/leanengine.js (checkHookKey)"),
        "[npm leanengine 3.8.0](https://www.npmjs.com/package/leanengine/v/3.8.0) lib/leanengine.js (checkHookKey)"
    );
    assert_eq!(
        markdown("PyPI leancloud 3.0.2 leancloud/engine/leanengine.py"),
        "[PyPI leancloud 3.0.2](https://pypi.org/project/leancloud/3.0.2/) leancloud/engine/leanengine.py"
    );
}

#[test]
fn quoted_wire_text_and_plain_words_are_kept() {
    let text = "(HTTP 400, message `see https://x.example/ a/b@1234567 c.go`); the rest";
    assert_eq!(markdown(text), text);
    for text in ["docs: a page (copy 4)", "upyun/docs sources/api/errno.md", "a@b", "x/y@notahash z.md", "npm", ""] {
        assert_eq!(markdown(text), text);
    }
}

#[test]
fn the_first_source_is_the_address_to_open() {
    let url = |text: &str| first_url(text);
    assert_eq!(
        url("UpYun API 错误码表 https://help.upyun.com/knowledge-base/errno/").as_deref(),
        Some("https://help.upyun.com/knowledge-base/errno/")
    );
    assert_eq!(
        url("upyun/docs@a28f7ce sources/api/errno.md (the meaning since 2017-08)").as_deref(),
        Some("https://github.com/upyun/docs/blob/a28f7ce/sources/api/errno.md")
    );
    assert_eq!(
        url("npm leanengine 3.8.0 lib/leanengine.js").as_deref(),
        Some("https://www.npmjs.com/package/leanengine/v/3.8.0")
    );
    assert_eq!(url("docs: a page of this project"), None);
}
