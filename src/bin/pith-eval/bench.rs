//! Where the pages come from: the benchmark directory, read once into memory.
//!
//! Layout: `html/<id>.html.gz` (gzip) and `ground-truth.json`, a map from id to
//! `{"articleBody": ..., "url": ...}`. Every id of the ground truth must have its
//! page; pages without ground truth are not scored.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// One benchmark page: its id, its URL, the raw HTML bytes and the true body.
pub struct Page {
    pub id: String,
    pub url: String,
    pub html: Vec<u8>,
    pub truth: String,
}

#[derive(serde::Deserialize)]
struct Truth {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// Reads every page of the benchmark at `dir`, sorted by id.
pub fn load(dir: &Path) -> Result<Vec<Page>, String> {
    let truth_path = dir.join("ground-truth.json");
    let truth_json = std::fs::read(&truth_path).map_err(|e| {
        format!(
            "cannot read {}: {e} (is the benchmark at {}? pass --bench DIR)",
            truth_path.display(),
            dir.display()
        )
    })?;
    let truths: BTreeMap<String, Truth> = serde_json::from_slice(&truth_json)
        .map_err(|e| format!("{} is not the expected JSON: {e}", truth_path.display()))?;
    truths
        .into_par_iter()
        .map(|(id, truth)| {
            let html = read_gzip(&page_path(dir, &id))?;
            Ok(Page {
                id,
                url: truth.url,
                html,
                truth: truth.article_body,
            })
        })
        .collect()
}

fn page_path(dir: &Path, id: &str) -> PathBuf {
    dir.join("html").join(format!("{id}.html.gz"))
}

fn read_gzip(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut html)
        .map_err(|e| format!("{}: not gzip: {e}", path.display()))?;
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_gzip(path: &Path, bytes: &[u8]) {
        let file = std::fs::File::create(path).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap();
    }

    #[test]
    fn loads_pages_sorted_by_id() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("html")).unwrap();
        std::fs::write(
            dir.path().join("ground-truth.json"),
            r#"{"b": {"articleBody": "Two", "url": "https://b.example/"},
                "a": {"articleBody": "One", "url": "https://a.example/"}}"#,
        )
        .unwrap();
        write_gzip(&page_path(dir.path(), "a"), b"<p>One</p>");
        write_gzip(&page_path(dir.path(), "b"), b"<p>Two</p>");
        let pages = load(dir.path()).unwrap();
        let ids: Vec<_> = pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(pages[0].html, b"<p>One</p>");
        assert_eq!(pages[1].url, "https://b.example/");
        assert_eq!(pages[1].truth, "Two");
    }

    #[test]
    fn a_missing_page_or_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            load(dir.path())
                .err()
                .expect("an error")
                .contains("--bench")
        );
        std::fs::write(
            dir.path().join("ground-truth.json"),
            r#"{"a": {"articleBody": "One", "url": "u"}}"#,
        )
        .unwrap();
        assert!(
            load(dir.path())
                .err()
                .expect("an error")
                .contains("a.html.gz")
        );
    }
}
