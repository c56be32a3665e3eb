//! The `pith` binary end to end: inputs, ordering, error records, exit codes.
//!
//! The extractor is still being filled in, so these tests assert on what the CLI
//! owns (sources, error kinds, line counts and order, exit status), not on the
//! extracted content.

use crate::common::{gzip, pith, run_within};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

/// A page with some text, so the stub extractor gives a document.
const PAGE: &str = "<html><body><p>The harbour master published the tide tables.</p></body></html>";

/// Runs `cmd` with `stdin` as its standard input.
fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pith");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // pith may exit before reading it all (a usage error); that is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for pith");
    writer.join().expect("stdin writer");
    output
}

fn records(output: &Output) -> Vec<Value> {
    let text = std::str::from_utf8(&output.stdout).expect("output is UTF-8");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect()
}

fn sources(records: &[Value]) -> Vec<&str> {
    records
        .iter()
        .map(|r| r["source"].as_str().expect("source is a string"))
        .collect()
}

/// The error kind of a record, or `None` for a document.
fn error_kind(record: &Value) -> Option<&str> {
    let error = record.get("error").expect("every record has an error key");
    (!error.is_null()).then(|| error["kind"].as_str().expect("kind"))
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn write(dir: &Path, name: &str, content: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create dirs");
    }
    fs::write(path, content).expect("write file");
}

#[test]
fn thousand_inputs_keep_their_order_whatever_the_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut args = Vec::new();
    for i in 0..1000 {
        let name = format!("p{i:04}.html");
        // Every 7th input is missing and every 11th empty: errors keep their place too.
        if i % 7 != 0 {
            let content = if i % 11 == 0 { "" } else { PAGE };
            write(dir.path(), &name, content.as_bytes());
        }
        args.push(name);
    }
    let one = run(pith(dir.path()).args(&args).args(["-j", "1"]), b"");
    let two = run(pith(dir.path()).args(&args).args(["-j", "2"]), b"");
    let four = run(pith(dir.path()).args(&args).args(["-j", "4"]), b"");

    let got = records(&two);
    assert_eq!(got.len(), 1000);
    assert_eq!(sources(&got), args);
    assert_eq!(error_kind(&got[7]), Some("io"));
    assert_eq!(error_kind(&got[11]), Some("empty"));
    assert_eq!(error_kind(&got[1]), None);
    assert_eq!(code(&two), Some(1));
    assert_eq!(one.stdout, two.stdout, "-j 1 and -j 2 differ");
    assert_eq!(one.stdout, four.stdout, "-j 1 and -j 4 differ");
}

#[test]
fn failed_inputs_get_records_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.html", PAGE.as_bytes());
    write(dir.path(), "empty.html", b"");
    write(dir.path(), "later.html", PAGE.as_bytes());
    fs::create_dir(dir.path().join("a-directory")).expect("mkdir");
    write(
        dir.path(),
        "list.txt",
        b"good.html\nmissing.html\na-directory\nempty.html\nlater.html\n",
    );

    let output = run(pith(dir.path()).args(["--files-from", "list.txt"]), b"");
    let got = records(&output);
    assert_eq!(
        sources(&got),
        [
            "good.html",
            "missing.html",
            "a-directory",
            "empty.html",
            "later.html"
        ]
    );
    let kinds: Vec<_> = got.iter().map(error_kind).collect();
    assert_eq!(kinds, [None, Some("io"), Some("io"), Some("empty"), None]);
    assert!(got[1]["error"]["message"].is_string());
    assert_eq!(code(&output), Some(1));
}

#[test]
fn all_documents_exit_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.html", PAGE.as_bytes());
    write(dir.path(), "b.html", PAGE.as_bytes());
    let output = run(pith(dir.path()).args(["a.html", "b.html"]), b"");
    let got = records(&output);
    assert_eq!(sources(&got), ["a.html", "b.html"]);
    assert!(got.iter().all(|r| error_kind(r).is_none()));
    assert_eq!(code(&output), Some(0));
    assert!(output.stderr.is_empty());
}

#[test]
fn usage_errors_exit_two_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.html", PAGE.as_bytes());
    write(dir.path(), "b.html", PAGE.as_bytes());
    for args in [
        &[][..],
        &["a.html", "b.html", "--url", "https://example.com/"][..],
        &[".", "--url", "https://example.com/"][..],
        &["-", "--files-from", "-"][..],
    ] {
        let output = run(pith(dir.path()).args(args), b"");
        assert_eq!(code(&output), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
    let output = run(pith(dir.path()).args(["--no-such-flag", "a.html"]), b"");
    assert_eq!(code(&output), Some(2));
}

#[test]
fn url_applies_to_a_single_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.html", PAGE.as_bytes());
    let output = run(
        pith(dir.path()).args(["a.html", "--url", "https://example.com/a"]),
        b"",
    );
    assert_eq!(code(&output), Some(0));
    assert_eq!(sources(&records(&output)), ["a.html"]);
}

#[test]
fn directories_are_walked_for_pages_in_sorted_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "crawl/b.htm", PAGE.as_bytes());
    write(root, "crawl/a.html", PAGE.as_bytes());
    write(root, "crawl/c.xhtml", PAGE.as_bytes());
    write(root, "crawl/d.html.gz", &gzip(PAGE.as_bytes()));
    write(root, "crawl/sub/e.HTML", PAGE.as_bytes());
    write(root, "crawl/notes.txt", PAGE.as_bytes());
    write(root, "crawl/archive.gz", &gzip(PAGE.as_bytes()));
    write(root, "crawl/data.json.gz", &gzip(b"{}"));
    write(root, "crawl/a.html.bak", PAGE.as_bytes());

    let output = run(pith(root).arg("crawl"), b"");
    let got = records(&output);
    assert_eq!(
        sources(&got),
        [
            "crawl/a.html",
            "crawl/b.htm",
            "crawl/c.xhtml",
            "crawl/d.html.gz",
            "crawl/sub/e.HTML"
        ]
    );
    assert!(got.iter().all(|r| error_kind(r).is_none()), "{got:?}");
    assert_eq!(code(&output), Some(0));
}

#[test]
fn a_directory_or_glob_matching_nothing_gets_an_error_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "textonly/notes.txt", b"notes");
    write(dir.path(), "a.html", PAGE.as_bytes());
    let output = run(
        pith(dir.path()).args(["textonly", "nothing/*.html", "a.html"]),
        b"",
    );
    let got = records(&output);
    assert_eq!(sources(&got), ["textonly", "nothing/*.html", "a.html"]);
    let kinds: Vec<_> = got.iter().map(error_kind).collect();
    assert_eq!(kinds, [Some("io"), Some("io"), None]);
    assert_eq!(code(&output), Some(1));
}

#[test]
fn gzip_pages_are_decompressed_and_bad_gzip_is_an_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "page.html.gz", &gzip(PAGE.as_bytes()));
    // Valid header, then garbage: the stream breaks while reading.
    let mut broken = gzip(PAGE.as_bytes());
    broken.truncate(20);
    broken.extend_from_slice(&[0xff; 16]);
    write(dir.path(), "broken.html.gz", &broken);
    write(dir.path(), "plain-text.html.gz", PAGE.as_bytes());

    let output = run(
        pith(dir.path()).args(["page.html.gz", "broken.html.gz", "plain-text.html.gz"]),
        b"",
    );
    let got = records(&output);
    let kinds: Vec<_> = got.iter().map(error_kind).collect();
    assert_eq!(kinds, [None, Some("io"), Some("io")]);
}

#[test]
fn globs_are_expanded_by_pith() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "crawl/2024/one.html", PAGE.as_bytes());
    write(root, "crawl/2024/deep/two.html", PAGE.as_bytes());
    write(root, "crawl/top.html", PAGE.as_bytes());
    write(root, "crawl/2024/skip.htm", PAGE.as_bytes());
    write(root, "here.html", PAGE.as_bytes());

    let output = run(pith(root).arg("crawl/**/*.html"), b"");
    assert_eq!(
        sources(&records(&output)),
        [
            "crawl/2024/deep/two.html",
            "crawl/2024/one.html",
            "crawl/top.html"
        ]
    );
    assert_eq!(code(&output), Some(0));

    // One level only without `**`; a pattern without a directory part reads as typed.
    let output = run(pith(root).args(["crawl/*/*.htm*", "*.html"]), b"");
    assert_eq!(
        sources(&records(&output)),
        ["crawl/2024/one.html", "crawl/2024/skip.htm", "here.html"]
    );
}

#[test]
fn an_existing_path_wins_over_glob_syntax() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "page[1].html", PAGE.as_bytes());
    write(dir.path(), "page1.html", PAGE.as_bytes());
    let output = run(pith(dir.path()).arg("page[1].html"), b"");
    assert_eq!(sources(&records(&output)), ["page[1].html"]);
}

#[test]
fn files_from_stdin_nul_separated_keeps_odd_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let names = [
        "plain.html",
        "with space.html",
        "new\nline.html",
        "ünïcødé.html",
    ];
    for name in names {
        write(dir.path(), name, PAGE.as_bytes());
    }
    let list = names.join("\0") + "\0";
    let output = run(
        pith(dir.path()).args(["--files-from", "-", "-0"]),
        list.as_bytes(),
    );
    let got = records(&output);
    assert_eq!(sources(&got), names);
    assert!(got.iter().all(|r| error_kind(r).is_none()), "{got:?}");
    assert_eq!(code(&output), Some(0));
}

#[test]
fn stdin_dash_is_one_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run(
        pith(dir.path()).args(["-", "--url", "https://example.com/x"]),
        PAGE.as_bytes(),
    );
    let got = records(&output);
    assert_eq!(sources(&got), ["-"]);
    assert_eq!(error_kind(&got[0]), None);
    assert_eq!(code(&output), Some(0));
}

#[test]
fn a_leading_dash_name_after_double_dash_is_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "-x.html", PAGE.as_bytes());
    let output = run(pith(dir.path()).args(["--", "-x.html"]), b"");
    let got = records(&output);
    assert_eq!(sources(&got), ["-x.html"]);
    assert_eq!(error_kind(&got[0]), None);
}

#[test]
fn max_bytes_refuses_large_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "big.html", PAGE.as_bytes());
    write(dir.path(), "small.html", b"<p>hi</p>");
    let output = run(
        pith(dir.path()).args(["--max-bytes", "20", "big.html", "small.html"]),
        b"",
    );
    let got = records(&output);
    let kinds: Vec<_> = got.iter().map(error_kind).collect();
    assert_eq!(kinds, [Some("too_large"), None]);
    assert_eq!(code(&output), Some(1));
}

#[test]
fn a_gzip_bomb_is_too_large() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bomb = gzip(&vec![0u8; 10 * 1024 * 1024]);
    assert!(bomb.len() < 1_000_000);
    write(dir.path(), "bomb.html.gz", &bomb);
    let output = run(
        pith(dir.path()).args(["--max-bytes", "1000000", "bomb.html.gz"]),
        b"",
    );
    let got = records(&output);
    assert_eq!(error_kind(&got[0]), Some("too_large"));
}

#[test]
fn pretty_output_holds_the_same_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.html", PAGE.as_bytes());
    let plain = run(pith(dir.path()).args(["a.html", "missing.html"]), b"");
    let pretty = run(
        pith(dir.path()).args(["--pretty", "a.html", "missing.html"]),
        b"",
    );
    let parsed: Vec<Value> = serde_json::Deserializer::from_slice(&pretty.stdout)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("pretty output is a stream of JSON values");
    assert_eq!(parsed, records(&plain));
    assert!(pretty.stdout.iter().filter(|&&b| b == b'\n').count() > 2);
}

#[test]
fn output_file_gets_the_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.html", PAGE.as_bytes());
    let output = run(pith(dir.path()).args(["a.html", "-o", "out.jsonl"]), b"");
    assert_eq!(code(&output), Some(0));
    assert!(output.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("out.jsonl")).expect("output file");
    assert_eq!(written.lines().count(), 1);
    assert!(written.starts_with(r#"{"source":"a.html","#));
}

#[test]
fn early_close_of_stdout_exits_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Far more output than a pipe buffers, so pith is still writing when we close.
    for i in 0..3000 {
        write(dir.path(), &format!("p{i:04}.html"), PAGE.as_bytes());
    }
    let mut child = pith(dir.path())
        .arg(".")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pith");
    let stdout = child.stdout.take().expect("stdout pipe");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read one line");
    // The reader is dropped here: pith's next write meets a closed pipe.
    assert!(first.starts_with(r#"{"source":"./p0000.html""#), "{first}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr pipe")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait for pith");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(status.success(), "{status:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_an_io_error_not_a_hang() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.html"))
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    write(dir.path(), "a.html", PAGE.as_bytes());
    let output = run_within(
        pith(dir.path()).args(["pipe.html", "a.html", "/dev/zero"]),
        Duration::from_secs(20),
    );
    let got = records(&output);
    let kinds: Vec<_> = got.iter().map(error_kind).collect();
    assert_eq!(kinds, [Some("io"), None, Some("io")]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_a_walk_terminate() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "crawl/sub/a.html", PAGE.as_bytes());
    std::os::unix::fs::symlink("..", dir.path().join("crawl/sub/up")).expect("symlink");
    std::os::unix::fs::symlink(".", dir.path().join("crawl/self")).expect("symlink");
    let output = run_within(pith(dir.path()).arg("crawl"), Duration::from_secs(20));
    assert_eq!(sources(&records(&output)), ["crawl/sub/a.html"]);
    let output = run_within(
        pith(dir.path()).arg("crawl/**/*.html"),
        Duration::from_secs(20),
    );
    assert_eq!(sources(&records(&output)), ["crawl/sub/a.html"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_non_utf8_file_name_still_gets_a_record() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().expect("temp dir");
    let name = OsStr::from_bytes(b"caf\xe9.html");
    fs::write(dir.path().join(name), PAGE).expect("write");
    let output = run(pith(dir.path()).arg("."), b"");
    let got = records(&output);
    assert_eq!(sources(&got), ["./caf\u{fffd}.html"]);
    assert_eq!(error_kind(&got[0]), None);
}
