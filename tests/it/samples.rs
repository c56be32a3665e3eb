//! Golden tests: `pith` over every page in `samples/` must give the JSON stored
//! beside it (`samples/<name>.json`). After a deliberate change in extraction,
//! regenerate them with `PITH_BLESS=1 cargo test --test it samples` and review the
//! diff like any other change.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::pith;

/// Every page in `samples/`, in name order (the order pith's records come in).
fn sample_pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("samples/ exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

/// Runs pith on `pages`, from the crate root so each `source` is `samples/<name>`.
fn extract(pages: &[&Path]) -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = pith(root)
        .args(pages.iter().map(|p| p.strip_prefix(root).unwrap_or(p)))
        .output()
        .expect("run pith");
    assert!(out.status.success(), "pith failed: {:?}", out);
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn every_sample_gives_its_golden_json() {
    let pages = sample_pages();
    assert!(pages.len() >= 10, "samples/ holds at least ten pages");
    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let records = extract(&refs);
    assert_eq!(records.len(), pages.len());
    let bless = std::env::var_os("PITH_BLESS").is_some();
    let mut failures = Vec::new();
    for (page, record) in pages.iter().zip(&records) {
        let golden = page.with_extension("json");
        let got = serde_json::to_string_pretty(record).expect("serialize") + "\n";
        if bless {
            fs::write(&golden, &got).expect("write golden");
            continue;
        }
        let want = fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{} is missing: run with PITH_BLESS=1", golden.display()));
        if want != got {
            failures.push(golden.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "output differs from the golden files (PITH_BLESS=1 regenerates them): {failures:?}"
    );
}

fn seed_record() -> Value {
    let page =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/all-of-us-are-dead-season-2.html");
    extract(&[&page]).remove(0)
}

/// The section headings of a record, no-break spaces read as spaces.
fn headings(doc: &Value) -> Vec<String> {
    doc["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["heading"].as_str())
        .map(|h| h.replace('\u{a0}', " "))
        .collect()
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x[key].as_str().expect("string").replace('\u{a0}', " "))
        .collect()
}

/// The acceptance check on the seed article, stated directly so a
/// wrongly blessed golden file cannot hide a regression.
#[test]
fn seed_article_gives_title_headings_captions_and_related_links() {
    let doc = seed_record();
    assert_eq!(
        doc["title"],
        "All of Us Are Dead Season 2: All the Details We Know So Far!"
    );
    assert_eq!(
        headings(&doc),
        [
            "All of Us Are Dead Ending Explained",
            "Will All of Us Are Dead Have a Season 2?",
            "Where All of Us Are Dead Filmed?"
        ]
    );
    assert_eq!(
        strings(&doc["captions"], "text"),
        [
            "All of Us Are Dead zombies",
            "All of Us Are Dead",
            "Ha-ri and her friends",
            "A scene from All of Us Are Dead"
        ]
    );
    let related = strings(&doc["related_links"], "url");
    assert_eq!(related.len(), 4, "{related:?}");
    assert!(
        related
            .iter()
            .all(|u| u.starts_with("https://www.bingebeacon.com/"))
    );
}

#[test]
fn seed_article_leaves_the_boilerplate_out() {
    let doc = seed_record();
    let text = doc["text"].as_str().expect("text");
    let sections = doc["sections"].to_string();
    for junk in [
        "Hi, what are you looking for?",
        "Connect with us",
        "Click to comment",
        "Leave a Reply",
        "Your email address will not be published",
        "You May Also Like",
        "Netflix Geeked Week",
    ] {
        assert!(!text.contains(junk), "text contains {junk:?}");
        assert!(!sections.contains(junk), "sections contain {junk:?}");
    }
    assert!(text.starts_with("Although zombie movies"));
    assert!(text.ends_with("the shooting resumed again."));
    let stripped = &doc["stripped"];
    for kind in ["navigation", "comments", "related", "share"] {
        assert!(
            stripped[kind].as_u64() > Some(0),
            "nothing stripped as {kind}"
        );
    }
}

/// The seed article in two more markups of its own (semantic HTML5, and
/// div-only with generated class names and no caption or heading tags) must
/// give the same title, sub-headings, captions and related-link texts.
#[test]
fn seed_article_renditions_give_the_same_fields() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let names = [
        "all-of-us-are-dead-season-2.html",
        "all-of-us-are-dead-semantic.html",
        "all-of-us-are-dead-div-soup.html",
    ];
    let pages: Vec<PathBuf> = names.iter().map(|n| root.join(n)).collect();
    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let fields = |doc: &Value| {
        (
            doc["title"].clone(),
            headings(doc),
            strings(&doc["captions"], "text"),
            strings(&doc["related_links"], "text"),
        )
    };
    let records = extract(&refs);
    let first = fields(&records[0]);
    for (name, doc) in names.iter().zip(&records).skip(1) {
        assert_eq!(fields(doc), first, "{name}");
        let text = doc["text"].as_str().expect("text");
        assert!(
            text.starts_with("Although zombie movies"),
            "{name}: {text:.80}"
        );
        for junk in [
            "Hi, what are you looking for?",
            "Connect with us",
            "Leave a Reply",
            "Release Date",
        ] {
            assert!(!text.contains(junk), "{name}: text contains {junk:?}");
        }
    }
}
