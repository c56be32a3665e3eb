//! Runs one extractor over every page in parallel and scores each page.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::bench::Page;
use crate::extractors::Extractor;
use crate::metric::{self, PageScore, Summary};

/// Rounds of the bootstrap, as the benchmark's `--n-bootstrap` default.
pub const BOOTSTRAP_ROUNDS: usize = 1000;

/// Fixed so that two runs on the same output print the same `±`.
const BOOTSTRAP_SEED: u64 = 0x5EED;

/// One page's outcome for one extractor.
pub struct PageRun {
    /// The predicted text; empty when the extractor failed.
    pub text: String,
    pub error: Option<String>,
    pub score: PageScore,
    /// Time of this page's extraction alone, on one thread.
    pub elapsed: Duration,
}

/// One extractor's outcome over the benchmark.
pub struct Run {
    pub name: &'static str,
    /// In the order of the benchmark's pages.
    pub pages: Vec<PageRun>,
    pub summary: Summary,
    /// Bootstrap standard deviations; `None` when the bootstrap is off.
    pub std: Option<Summary>,
    /// Wall time of the whole parallel pass.
    pub wall: Duration,
}

impl Run {
    pub fn errors(&self) -> usize {
        self.pages.iter().filter(|p| p.error.is_some()).count()
    }

    /// Mean single-thread time per page.
    pub fn mean_page_time(&self) -> Duration {
        let total: Duration = self.pages.iter().map(|p| p.elapsed).sum();
        total / self.pages.len().max(1) as u32
    }
}

pub fn run(extractor: Extractor, pages: &[Page], bootstrap_rounds: usize) -> Run {
    let progress = Progress::new(extractor.name, pages.len());
    let start = Instant::now();
    let results: Vec<PageRun> = pages
        .par_iter()
        .map(|page| {
            let began = Instant::now();
            let outcome = extractor.extract(page);
            let elapsed = began.elapsed();
            let (text, error) = match outcome {
                Ok(text) => (text, None),
                Err(e) => (String::new(), Some(e)),
            };
            let score = PageScore::of(&page.truth, &text);
            progress.tick();
            PageRun {
                text,
                error,
                score,
                elapsed,
            }
        })
        .collect();
    let wall = start.elapsed();
    progress.finish();
    let scores: Vec<PageScore> = results.iter().map(|p| p.score).collect();
    Run {
        name: extractor.name,
        summary: Summary::of(&scores),
        std: metric::bootstrap_std(&scores, bootstrap_rounds, BOOTSTRAP_SEED),
        pages: results,
        wall,
    }
}

/// `name: done/total` on one line of stderr, only when a person is watching.
struct Progress {
    name: &'static str,
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(name: &'static str, total: usize) -> Progress {
        Progress {
            name,
            total,
            done: AtomicUsize::new(0),
            shown: std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}: {done}/{}", self.name, self.total);
            let _ = err.flush();
        }
    }

    fn finish(&self) {
        if self.shown {
            // Clear the line so the table starts clean.
            eprint!("\r\x1b[2K");
        }
    }
}
