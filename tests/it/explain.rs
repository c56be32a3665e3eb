//! `pith --format explain`: one self-contained HTML page per input, errors as
//! extraction gives them. What the view shows is judged in a browser by
//! `tests/browser/explain.py`; here, what can be read from the file.

use crate::common::{pith, run_within};
use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

const LIMIT: Duration = Duration::from_secs(60);

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

#[test]
fn one_page_to_a_file_loads_nothing_and_lists_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.html");
    let output = run_within(
        pith(dir.path())
            .args(["--format", "explain", "-o"])
            .arg(&out)
            .arg(sample("all-of-us-are-dead-season-2.html")),
        LIMIT,
    );
    assert!(output.status.success(), "{output:?}");
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    // The page's own scripts, stylesheets and images load nothing.
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script src",
        "<link",
        "<iframe",
        " src=",
        "srcset=",
        "url(",
    ] {
        assert!(!lower.contains(bad), "{bad}");
    }
    // The viewer's one script, by its nonce.
    assert_eq!(lower.matches("<script").count(), 1);
    for kind in ["navigation", "comments", "related", "share", "ads", "other"] {
        assert!(
            html.contains(&format!("<tr data-kind=\"{kind}\">")),
            "{kind}"
        );
        assert!(html.contains(&format!("data-pith=\"{kind}")), "{kind}");
    }
    assert!(html.contains("label “") || html.contains("class “"));
}

#[test]
fn many_pages_go_one_file_each_and_a_failure_gets_its_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    fs::create_dir(&pages).unwrap();
    fs::copy(sample("minimal.html"), pages.join("minimal.html")).unwrap();
    fs::copy(sample("rich-blocks.html"), pages.join("rich-blocks.html")).unwrap();
    fs::write(pages.join("empty.html"), "  \n").unwrap();
    let output = run_within(
        pith(dir.path()).args(["--format", "explain", "--out-dir", "out", "pages"]),
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = dir.path().join("out/pages");
    assert!(out.join("minimal.html").is_file());
    assert!(out.join("rich-blocks.html").is_file());
    let error: Value =
        serde_json::from_slice(&fs::read(out.join("empty.error.json")).unwrap()).unwrap();
    assert_eq!(error["error"]["kind"], "empty");
}

#[test]
fn explain_to_a_stream_takes_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_within(
        pith(dir.path())
            .args(["--format", "explain"])
            .arg(sample("minimal.html"))
            .arg(sample("rich-blocks.html")),
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--out-dir"));
}

#[test]
fn a_page_over_the_limits_fails_as_extraction_does() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_within(
        pith(dir.path())
            .args(["--format", "explain", "--max-bytes", "100"])
            .arg(sample("minimal.html")),
        LIMIT,
    );
    assert_eq!(output.status.code(), Some(1));
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["error"]["kind"], "too_large");
}
