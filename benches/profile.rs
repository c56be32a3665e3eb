//! A plain loop over the benchmark pages for profilers: extract each page and
//! serialize its record, `PASSES` times (a numeric argument, default 1), then
//! print the time per page. With the argument `parse`, the loop only parses each
//! page (`scraper::Html::parse_document` on the page as text), the baseline of
//! `benches/extract.rs`; with `dom_smoothie` or `readability` (built with
//! `--features eval`), the loop runs that peer instead. No harness, no statistics: run it under
//! `valgrind --tool=callgrind` or `perf record` and read the costs by stage
//! (`docs/performance.md` says how).

mod common;

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let pages = match common::load() {
        Ok(pages) => pages,
        Err(message) => {
            eprintln!("profile bench skipped: {message}");
            return;
        }
    };
    // `cargo bench` passes `--bench`; a bare number is the pass count.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let passes: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    if args.iter().any(|a| a == "parse") {
        parse_only(&pages, passes);
        return;
    }
    #[cfg(feature = "eval")]
    if let Some(peer) = args
        .iter()
        .find(|a| *a == "dom_smoothie" || *a == "readability")
    {
        peers::run(peer, &pages, passes);
        return;
    }
    let options: Vec<pagepith::Options> = pages
        .iter()
        .map(|p| pagepith::Options {
            url: Some(p.url.clone()),
            ..Default::default()
        })
        .collect();
    let start = Instant::now();
    let mut out = Vec::with_capacity(1 << 20);
    for _ in 0..passes {
        for (page, options) in pages.iter().zip(&options) {
            out.clear();
            if let Ok(doc) = pagepith::extract(black_box(&page.html), options) {
                serde_json::to_writer(&mut out, &doc).expect("serializes to memory");
            }
            black_box(&out);
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let n = (pages.len() * passes) as f64;
    println!(
        "profile: {} pages × {passes} passes, {:.2} ms/page (extract + serialize)",
        pages.len(),
        elapsed / n * 1e3
    );
}

/// The parse-only baseline, decoding done before the clock starts.
fn parse_only(pages: &[common::Page], passes: usize) {
    let texts: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.html).into_owned())
        .collect();
    let start = Instant::now();
    for _ in 0..passes {
        for text in &texts {
            let html = scraper::Html::parse_document(black_box(text));
            black_box(&html);
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let n = (pages.len() * passes) as f64;
    println!(
        "profile: {} pages × {passes} passes, {:.2} ms/page (parse only)",
        pages.len(),
        elapsed / n * 1e3
    );
}

/// The Rust peers, called as `benches/extract.rs` calls them.
#[cfg(feature = "eval")]
mod peers {
    use super::*;

    pub fn run(peer: &str, pages: &[common::Page], passes: usize) {
        let urls: Vec<url::Url> = pages
            .iter()
            .map(|p| {
                url::Url::parse(&p.url)
                    .unwrap_or_else(|_| url::Url::parse("https://example.com/").expect("valid"))
            })
            .collect();
        let start = Instant::now();
        for _ in 0..passes {
            for (page, url) in pages.iter().zip(&urls) {
                let len = if peer == "readability" {
                    readability::extractor::extract(&mut page.html.as_slice(), url)
                        .map(|p| p.text.len())
                        .unwrap_or(0)
                } else {
                    let html = String::from_utf8_lossy(&page.html);
                    dom_smoothie::Readability::new(html.as_ref(), Some(url.as_str()), None)
                        .ok()
                        .and_then(|mut r| r.parse().ok())
                        .map(|a| a.text_content.len())
                        .unwrap_or(0)
                };
                black_box(len);
            }
        }
        let n = (pages.len() * passes) as f64;
        println!(
            "profile: {} pages × {passes} passes, {:.2} ms/page ({peer})",
            pages.len(),
            start.elapsed().as_secs_f64() / n * 1e3
        );
    }
}
