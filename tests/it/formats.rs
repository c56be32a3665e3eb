//! Input and output formats end to end, through the real binary: WARC and JSONL
//! inputs, JSON/Markdown/text outputs, `--out-dir`, `--fields`, `--quiet`.
//! Every WARC and JSONL file here is built by the test.

use crate::common::{self, gzip};
use std::fs;
use std::path::Path;
use std::process::{Output, Stdio};

use serde_json::Value;

/// An article with every block kind the Markdown output must keep.
const ARTICLE: &str = r#"<html lang="en"><head><title>Tide tables | Harbour News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tide tables</h1>
<p>The harbour master published the spring tide tables on Monday, with the highest water expected in the second week of April.</p>
<h2>What changes</h2>
<p>Moorings on the north quay will be closed for two days while the pontoons are raised, and boats will be moved to the outer basin.</p>
<ul><li>North quay closed</li><li>Outer basin open</li></ul>
<blockquote><p>We expect the highest tide in twenty years, said the harbour master.</p></blockquote>
<pre><code class="language-python">print("high water")</code></pre>
<figure><img src="/quay.jpg" alt="quay"><figcaption>The north quay at low water.</figcaption></figure>
<table><tr><th>Day</th><th>High water</th></tr><tr><td>Monday</td><td>06:12</td></tr></table>
<p>Boat owners should contact the harbour office before the end of March to arrange a berth.</p>
</article></body></html>"#;

/// A second, different page.
fn page(words: &str) -> String {
    format!(
        "<html><head><title>{words}</title></head><body><article><h1>{words}</h1>\
         <p>{words} is the subject of this rather long paragraph, which goes on for a while \
         so that the extractor takes it for the article body.</p></article></body></html>"
    )
}

fn pith(dir: &Path, args: &[&str]) -> Output {
    common::pith(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run pith")
}

fn records(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// One WARC record.
fn warc_record(kind: &str, id: &str, target: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: {target}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// A `response` record: an HTTP response with this content type and body.
fn response(id: &str, target: &str, http_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {http_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    warc_record(
        "response",
        id,
        target,
        "application/http; msgtype=response",
        &http,
    )
}

/// The records of a small crawl: warcinfo, a request, two HTML responses
/// (one in windows-1252, declared only by HTTP), an image and metadata.
fn crawl_records() -> Vec<Vec<u8>> {
    let mut latin = page("Caf\u{e9} society").into_bytes();
    // The same page in windows-1252: é is one byte, 0xE9.
    latin = String::from_utf8(latin)
        .expect("UTF-8")
        .chars()
        .map(|c| if c == '\u{e9}' { 0xE9 } else { c as u8 })
        .collect();
    vec![
        warc_record(
            "warcinfo",
            "info",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "req-1",
            "https://example.org/tides",
            "application/http; msgtype=request",
            b"GET /tides HTTP/1.1\r\nHost: example.org\r\n\r\n",
        ),
        response(
            "page-1",
            "https://example.org/tides",
            "text/html; charset=utf-8",
            ARTICLE.as_bytes(),
        ),
        response(
            "image-1",
            "https://example.org/quay.jpg",
            "image/jpeg",
            b"\xff\xd8\xff\xe0 not really a jpeg",
        ),
        response(
            "page-2",
            "https://example.org/cafe",
            "text/html; charset=windows-1252",
            &latin,
        ),
        warc_record(
            "metadata",
            "meta-1",
            "https://example.org/tides",
            "application/warc-fields",
            b"via: test\r\n",
        ),
    ]
}

fn check_crawl(output: &Output, file: &str) {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    let records = records(output);
    assert_eq!(records.len(), 2, "only the HTML responses are pages");
    assert_eq!(records[0]["source"], format!("{file}#urn:uuid:page-1"));
    assert_eq!(records[0]["url"], "https://example.org/tides");
    assert_eq!(records[0]["title"], "Tide tables");
    assert_eq!(records[1]["source"], format!("{file}#urn:uuid:page-2"));
    // The charset came from the HTTP header only.
    assert_eq!(records[1]["title"], "Caf\u{e9} society");
    let text = records[1]["text"].as_str().unwrap_or_default();
    assert!(text.contains("Caf\u{e9} society is the subject"), "{text}");
    let note = stderr(output);
    assert!(note.contains("skipped 4 WARC records"), "{note}");
    assert!(note.contains("response (image/jpeg)"), "{note}");
}

#[test]
fn warc_plain_gives_one_record_per_html_response() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("crawl.warc"), crawl_records().concat()).expect("write");
    let output = pith(dir.path(), &["--input-format", "warc", "crawl.warc"]);
    check_crawl(&output, "crawl.warc");
}

#[test]
fn warc_gzip_per_record_and_whole_file_read_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let per_record: Vec<u8> = crawl_records().iter().flat_map(|r| gzip(r)).collect();
    fs::write(dir.path().join("members.warc.gz"), per_record).expect("write");
    fs::write(
        dir.path().join("whole.warc.gz"),
        gzip(&crawl_records().concat()),
    )
    .expect("write");
    for file in ["members.warc.gz", "whole.warc.gz"] {
        let output = pith(dir.path(), &["--input-format", "warc", file]);
        check_crawl(&output, file);
    }
}

#[test]
fn warc_record_over_the_size_limit_gets_its_record_and_the_file_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = page(&"word ".repeat(2000));
    let warc = [
        response(
            "big",
            "https://example.org/big",
            "text/html",
            big.as_bytes(),
        ),
        response(
            "small",
            "https://example.org/s",
            "text/html",
            page("Small").as_bytes(),
        ),
    ]
    .concat();
    fs::write(dir.path().join("c.warc"), warc).expect("write");
    let output = pith(
        dir.path(),
        &["--input-format", "warc", "--max-bytes", "5000", "c.warc"],
    );
    assert_eq!(output.status.code(), Some(1));
    let records = records(&output);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], "c.warc#urn:uuid:big");
    assert_eq!(records[0]["error"]["kind"], "too_large");
    assert_eq!(records[1]["title"], "Small");
}

#[test]
fn a_file_that_is_not_warc_gives_an_error_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.warc"), crawl_records().concat()).expect("write");
    fs::write(dir.path().join("b.warc"), "<html>not a warc</html>").expect("write");
    let output = pith(dir.path(), &["--input-format", "warc", "b.warc", "a.warc"]);
    assert_eq!(output.status.code(), Some(1));
    let records = records(&output);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["source"], "b.warc");
    assert_eq!(records[0]["error"]["kind"], "io");
    assert_eq!(records[1]["source"], "a.warc#urn:uuid:page-1");
}

fn jsonl_rows() -> String {
    let rows = [
        serde_json::json!({"id": "row-a", "url": "https://example.org/a", "html": page("Alpha"), "lang": "en", "batch": 7}),
        serde_json::json!({"html": page("Beta"), "crawl": "2024-05"}),
    ];
    let mut text = String::new();
    for row in &rows[..1] {
        text.push_str(&row.to_string());
        text.push('\n');
    }
    text.push_str("{\"html\": \"<p>cut off\n");
    text.push('\n');
    text.push_str(&rows[1].to_string());
    text.push('\n');
    text
}

#[test]
fn jsonl_rows_with_id_url_and_a_malformed_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("rows.jsonl"), jsonl_rows()).expect("write");
    let output = pith(dir.path(), &["--input-format", "jsonl", "rows.jsonl"]);
    assert_eq!(output.status.code(), Some(1));
    let records = records(&output);
    assert_eq!(records.len(), 3, "the blank line is not a record");
    assert_eq!(records[0]["source"], "row-a");
    assert_eq!(records[0]["title"], "Alpha");
    assert_eq!(records[0]["url"], "https://example.org/a");
    assert!(
        records[0].get("input").is_none(),
        "no passthrough unless asked"
    );
    assert_eq!(records[1]["source"], "rows.jsonl:2");
    assert_eq!(records[1]["error"]["kind"], "io");
    assert_eq!(records[2]["source"], "rows.jsonl:4");
    assert_eq!(records[2]["title"], "Beta");
}

#[test]
fn jsonl_passthrough_and_custom_html_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = [
        serde_json::json!({"id": 17, "body": page("Gamma"), "lang": "en"}),
        serde_json::json!({"id": 18, "html": page("Delta")}),
    ];
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    fs::write(dir.path().join("rows.jsonl.gz"), gzip(text.as_bytes())).expect("write");
    let args = [
        "--input-format",
        "jsonl",
        "--html-field",
        "body",
        "--passthrough",
        "rows.jsonl.gz",
    ];
    let output = pith(dir.path(), &args);
    let records = records(&output);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], "17");
    assert_eq!(records[0]["title"], "Gamma");
    assert_eq!(
        records[0]["input"],
        serde_json::json!({"id": 17, "lang": "en"})
    );
    assert_eq!(records[1]["error"]["kind"], "io");
    let message = records[1]["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("\"body\""), "{message}");
    assert_eq!(
        records[1]["input"]["html"],
        page("Delta"),
        "other fields pass through"
    );
}

#[test]
fn json_format_is_one_array() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.html"), ARTICLE).expect("write");
    let output = pith(dir.path(), &["--format", "json", "a.html", "missing.html"]);
    let array: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    let items = array.as_array().expect("an array");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["title"], "Tide tables");
    assert_eq!(items[1]["error"]["kind"], "io");
    let empty = pith(
        dir.path(),
        &["--format", "json", "--files-from", "/dev/null"],
    );
    assert_eq!(String::from_utf8_lossy(&empty.stdout), "[]\n");
}

#[test]
fn markdown_keeps_the_structure() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.html"), ARTICLE).expect("write");
    fs::write(dir.path().join("b.html"), page("Second")).expect("write");
    let output = pith(dir.path(), &["--format", "markdown", "a.html", "b.html"]);
    let md = String::from_utf8_lossy(&output.stdout);
    for part in [
        "<!-- source: a.html -->\n\n# Tide tables\n",
        "\n## What changes\n",
        "\n- North quay closed\n- Outer basin open\n",
        "\n> We expect the highest tide",
        "\n```python\nprint(\"high water\")\n```\n",
        "*The north quay at low water.*",
        "| Day | High water |",
        "| Monday | 06:12 |",
        "\n---\n\n<!-- source: b.html -->\n\n# Second\n",
    ] {
        assert!(md.contains(part), "{part:?} missing from:\n{md}");
    }
}

#[test]
fn text_format_separates_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.html"), page("First")).expect("write");
    fs::write(dir.path().join("b.html"), page("Second")).expect("write");
    let output = pith(dir.path(), &["--format", "text", "a.html", "b.html"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("==> a.html <==\n\nFirst\n\nFirst is the subject"),
        "{text}"
    );
    assert!(text.contains("\n\n==> b.html <==\n\nSecond\n"), "{text}");
}

#[test]
fn out_dir_writes_one_file_per_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("site")).expect("mkdir");
    fs::write(dir.path().join("site/a.html"), ARTICLE).expect("write");
    fs::write(
        dir.path().join("site/b.html.gz"),
        gzip(page("Bee").as_bytes()),
    )
    .expect("write");
    fs::write(dir.path().join("crawl.warc"), crawl_records().concat()).expect("write");
    let output = pith(
        dir.path(),
        &[
            "--format",
            "markdown",
            "--out-dir",
            "out",
            "site",
            "missing.html",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let a = fs::read_to_string(dir.path().join("out/site/a.md")).expect("a.md");
    assert!(a.starts_with("# Tide tables\n"), "{a}");
    let b = fs::read_to_string(dir.path().join("out/site/b.md")).expect("b.md");
    assert!(b.starts_with("# Bee\n"), "{b}");
    let error = fs::read_to_string(dir.path().join("out/missing.error.json")).expect("error file");
    assert!(error.contains("\"kind\":\"io\""), "{error}");

    let args = [
        "--input-format",
        "warc",
        "--format",
        "text",
        "--out-dir",
        "out",
        "crawl.warc",
    ];
    let output = pith(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = fs::read_to_string(dir.path().join("out/crawl.warc/urn_uuid_page-1.txt"))
        .expect("one file per record");
    assert!(page.starts_with("Tide tables\n\n"), "{page}");
}

#[test]
fn fields_keeps_only_those_source_and_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.html"), ARTICLE).expect("write");
    let output = pith(
        dir.path(),
        &[
            "--fields",
            "title,text,related_links",
            "a.html",
            "nope.html",
        ],
    );
    let records = records(&output);
    let keys: Vec<&str> = records[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["source", "error", "title", "related_links", "text"];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
    // The record keeps the contract's order.
    let line = String::from_utf8_lossy(&output.stdout);
    let first = line.lines().next().unwrap_or_default();
    assert!(
        first.find("\"title\"") < first.find("\"related_links\""),
        "{first}"
    );
    assert!(
        first.find("\"related_links\"") < first.find("\"text\""),
        "{first}"
    );
    assert!(
        records[1]["error"].is_object(),
        "error records keep their error"
    );
    let error_keys: Vec<&str> = records[1]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(error_keys, keys, "one shape with --fields too");

    let unknown = pith(dir.path(), &["--fields", "title,body", "a.html"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("\"body\""));
}

#[test]
fn quiet_prints_nothing_on_stderr_and_summary_prints_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("crawl.warc"), crawl_records().concat()).expect("write");
    let args = ["--input-format", "warc", "crawl.warc", "missing.warc"];
    let quiet = pith(dir.path(), &[&args[..], &["--quiet"]].concat());
    assert_eq!(quiet.status.code(), Some(1));
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
    assert_eq!(records(&quiet).len(), 3);

    let summary = pith(dir.path(), &[&args[..], &["--summary"]].concat());
    let note = stderr(&summary);
    let last = note.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("pith: 2 documents, 1 errors (io: 1) in "),
        "{note}"
    );
    assert!(last.ends_with(" pages/s"), "{note}");

    // Not a terminal and no --summary: only the note about skipped records.
    let plain = pith(dir.path(), &args);
    assert!(!stderr(&plain).contains("documents"), "{}", stderr(&plain));
}
