//! What `explain` costs over plain extraction, measured in the same run on
//! the benchmark pages (`benches/common`): each pass times `extract` over all
//! pages, then `explain` plus rendering the view, alternating so both see the
//! same machine; prints the median pass of each and their ratio. A numeric
//! argument sets the passes (default 5). No harness:
//!
//! ```sh
//! cargo bench --bench explain -- 7
//! ```

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let pages = match common::load() {
        Ok(pages) => pages,
        Err(message) => {
            eprintln!("explain bench skipped: {message}");
            return;
        }
    };
    let passes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5);
    let options: Vec<pagepith::Options> = pages
        .iter()
        .map(|p| pagepith::Options {
            url: Some(p.url.clone()),
            ..pagepith::Options::default()
        })
        .collect();
    let (mut extract, mut explain) = (Vec::new(), Vec::new());
    for _ in 0..passes {
        let start = Instant::now();
        for (page, options) in pages.iter().zip(&options) {
            let _ = black_box(pagepith::extract(&page.html, options));
        }
        extract.push(start.elapsed());
        let start = Instant::now();
        for (page, options) in pages.iter().zip(&options) {
            if let Ok(e) = pagepith::explain(&page.html, options) {
                black_box(pagepith::render::explain_html(&e, &page.url));
            }
        }
        explain.push(start.elapsed());
    }
    let (a, b) = (median(&mut extract), median(&mut explain));
    let per_page = |d: Duration| d.as_secs_f64() * 1e3 / pages.len() as f64;
    println!(
        "{} pages, median of {passes} passes: extract {:.2} ms/page, explain + view {:.2} ms/page, \
         ratio {:.2}x",
        pages.len(),
        per_page(a),
        per_page(b),
        b.as_secs_f64() / a.as_secs_f64()
    );
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}
