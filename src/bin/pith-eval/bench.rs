//! Where the pages come from: the benchmark sets, each read once into memory.
//!
//! A set is a directory holding `ground-truth.json`, a map from id to
//! `{"articleBody": ..., "url": ...}`, the pages as `html/<id>.html.gz` (gzip),
//! and optionally `meta.json`, a map from id to per-page facts (`page_type`,
//! `lang`, WCXB's `with`/`without` snippets). Every id of the ground truth must
//! have its page; pages without ground truth are not scored. The set's
//! fingerprint (page count, hash of the truth's bytes) lets a floor notice that
//! the benchmark changed under it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// The file that makes a directory a set.
const TRUTH_FILE: &str = "ground-truth.json";

/// One benchmark page: its id, its URL, the raw HTML bytes, the true body and
/// what `meta.json` says of it.
pub struct Page {
    pub id: String,
    pub url: String,
    pub html: Vec<u8>,
    pub truth: String,
    pub meta: Meta,
}

/// A page's entry in `meta.json`; all empty for a set without one.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Meta {
    #[serde(default)]
    pub page_type: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    /// Snippets a right extraction contains.
    #[serde(default)]
    pub with: Vec<String>,
    /// Snippets a right extraction leaves out.
    #[serde(default)]
    pub without: Vec<String>,
}

/// What identifies a set's truth: a floor holds only for the truth it was
/// measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub pages: usize,
    /// FNV-1a 64 of `ground-truth.json`'s bytes.
    pub hash: u64,
}

/// One set: its name (the directory's), where it is, its pages sorted by id.
pub struct Set {
    pub name: String,
    pub dir: PathBuf,
    pub pages: Vec<Page>,
    pub fingerprint: Fingerprint,
    /// Whether `meta.json` was there (so the per-type tables have data).
    pub has_meta: bool,
}

#[derive(serde::Deserialize)]
struct Truth {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// FNV-1a, 64 bits: stable across builds and platforms (unlike `std`'s
/// hasher), short, and enough to tell one truth file from another.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The sets under `root`: each subdirectory with a `ground-truth.json`, by name.
pub fn discover(root: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(root).map_err(|e| {
        format!(
            "cannot read the benchmarks at {}: {e} (pass --bench DIR)",
            root.display()
        )
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join(TRUTH_FILE).is_file())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(format!(
            "no benchmark set (a directory with {TRUTH_FILE}) in {}",
            root.display()
        ));
    }
    Ok(dirs)
}

/// The set's name: its directory's last component.
pub fn set_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}

/// Reads every page of the set at `dir`, sorted by id.
pub fn load(dir: &Path) -> Result<Set, String> {
    let truth_path = dir.join(TRUTH_FILE);
    let truth_json = std::fs::read(&truth_path).map_err(|e| {
        format!(
            "cannot read {}: {e} (is the benchmark at {}? pass --bench DIR)",
            truth_path.display(),
            dir.display()
        )
    })?;
    let truths: BTreeMap<String, Truth> = serde_json::from_slice(&truth_json)
        .map_err(|e| format!("{} is not the expected JSON: {e}", truth_path.display()))?;
    let mut metas = read_meta(dir)?;
    let has_meta = metas.is_some();
    let fingerprint = Fingerprint {
        pages: truths.len(),
        hash: fnv1a64(&truth_json),
    };
    let pages = truths
        .into_iter()
        .map(|(id, truth)| {
            let meta = metas
                .as_mut()
                .and_then(|m| m.remove(&id))
                .unwrap_or_default();
            (id, truth, meta)
        })
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(id, truth, meta)| {
            let html = read_gzip(&page_path(dir, &id))?;
            Ok(Page {
                id,
                url: truth.url,
                html,
                truth: truth.article_body,
                meta,
            })
        })
        .collect::<Result<Vec<Page>, String>>()?;
    Ok(Set {
        name: set_name(dir),
        dir: dir.to_path_buf(),
        pages,
        fingerprint,
        has_meta,
    })
}

/// `meta.json`, when the set has one.
fn read_meta(dir: &Path) -> Result<Option<BTreeMap<String, Meta>>, String> {
    let path = dir.join("meta.json");
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| format!("{} is not the expected JSON: {e}", path.display()))
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
        let set = load(dir.path()).unwrap();
        assert!(!set.has_meta);
        assert_eq!(set.fingerprint.pages, 2);
        let pages = set.pages;
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
                .map(|_| ())
                .expect_err("an error")
                .contains("--bench")
        );
        std::fs::write(
            dir.path().join("ground-truth.json"),
            r#"{"a": {"articleBody": "One", "url": "u"}}"#,
        )
        .unwrap();
        assert!(
            load(dir.path())
                .map(|_| ())
                .expect_err("an error")
                .contains("a.html.gz")
        );
    }

    #[test]
    fn meta_and_fingerprint_are_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("html")).unwrap();
        let truth = r#"{"a": {"articleBody": "One", "url": "u"}}"#;
        std::fs::write(dir.path().join("ground-truth.json"), truth).unwrap();
        std::fs::write(
            dir.path().join("meta.json"),
            r#"{"a": {"page_type": "forum", "lang": null, "with": ["One"], "domain": "x"}}"#,
        )
        .unwrap();
        write_gzip(&page_path(dir.path(), "a"), b"<p>One</p>");
        let set = load(dir.path()).unwrap();
        assert!(set.has_meta);
        assert_eq!(set.pages[0].meta.page_type.as_deref(), Some("forum"));
        assert_eq!(set.pages[0].meta.lang, None);
        assert_eq!(set.pages[0].meta.with, ["One"]);
        assert_eq!(set.fingerprint.hash, fnv1a64(truth.as_bytes()));
        assert_eq!(set.name, set_name(dir.path()));
    }

    #[test]
    fn fnv1a64_matches_the_published_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn sets_are_the_directories_with_a_truth() {
        let root = tempfile::tempdir().unwrap();
        for name in ["b", "a", "not-a-set"] {
            std::fs::create_dir(root.path().join(name)).unwrap();
        }
        for name in ["a", "b"] {
            std::fs::write(root.path().join(name).join("ground-truth.json"), "{}").unwrap();
        }
        let names: Vec<_> = discover(root.path())
            .unwrap()
            .iter()
            .map(|d| set_name(d))
            .collect();
        assert_eq!(names, ["a", "b"]);
        assert!(discover(&root.path().join("a")).is_err());
    }
}
