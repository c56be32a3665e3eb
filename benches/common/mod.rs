//! The benchmark pages, read once into memory, for every bench in `benches/`.
//!
//! The pages are the scrapinghub article-extraction benchmark that sits beside the
//! checkout (`../shared/bench/scrapinghub`: `html/<id>.html.gz` and
//! `ground-truth.json`); `PITH_BENCH_DIR` points elsewhere. They are never copied
//! into the repository. Decompression happens here, before anything is timed.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One page: the URL it was fetched from, and its raw bytes.
pub struct Page {
    pub url: String,
    pub html: Vec<u8>,
}

/// Where the benchmark is: `PITH_BENCH_DIR`, else beside the checkout.
pub fn bench_dir() -> PathBuf {
    std::env::var_os("PITH_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/scrapinghub")
        })
}

/// Every `html/*.html.gz` page of the benchmark, sorted by name, or a message
/// saying why there are none (the caller prints it and skips).
pub fn load() -> Result<Vec<Page>, String> {
    let dir = bench_dir();
    let html_dir = dir.join("html");
    let entries = std::fs::read_dir(&html_dir).map_err(|e| {
        format!(
            "benchmark pages not found at {} ({e}); set PITH_BENCH_DIR to run this bench",
            html_dir.display()
        )
    })?;
    let urls = urls(&dir);
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("no *.html.gz pages in {}", html_dir.display()));
    }
    paths
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let id = name.trim_end_matches(".html.gz").to_string();
            let url = urls
                .as_ref()
                .and_then(|u| u.get(&id))
                .and_then(|t| t.get("url"))
                .and_then(|u| u.as_str())
                .unwrap_or("https://example.com/article")
                .to_string();
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(
                std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
            )
            .read_to_end(&mut html)
            .map_err(|e| format!("{}: not gzip: {e}", path.display()))?;
            Ok(Page { url, html })
        })
        .collect()
}

/// The page URLs from `ground-truth.json`, when it is there: pith resolves links
/// against them and the `readability` crate requires one.
fn urls(dir: &Path) -> Option<serde_json::Map<String, serde_json::Value>> {
    let json = std::fs::read(dir.join("ground-truth.json")).ok()?;
    match serde_json::from_slice(&json).ok()? {
        serde_json::Value::Object(map) => Some(map),
        _ => None,
    }
}

/// Total bytes of the pages, decompressed.
#[allow(dead_code)] // each bench binary compiles this module and uses part of it
pub fn total_bytes(pages: &[Page]) -> usize {
    pages.iter().map(|p| p.html.len()).sum()
}
