//! Runs one extractor over every page of a set in parallel and scores each
//! page by both metrics, and by WCXB's snippets where the set has them.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::bench::Page;
use crate::extractors::Extractor;
use crate::metric::{self, PageScore, Summary};
use crate::wcxb::{Snippets, WordScore, WordSummary};

/// Rounds of the bootstrap, as the benchmark's `--n-bootstrap` default.
pub const BOOTSTRAP_ROUNDS: usize = 1000;

/// Fixed so that two runs on the same output print the same `±`.
const BOOTSTRAP_SEED: u64 = 0x5EED;

/// One page's outcome for one extractor.
pub struct PageRun {
    /// The predicted text; empty when the extractor failed.
    pub text: String,
    pub error: Option<String>,
    /// By the ScrapingHub metric.
    pub score: PageScore,
    /// By WCXB's metric.
    pub words: WordScore,
    pub snippets: Snippets,
    /// Time of this page's extraction alone, on one thread.
    pub elapsed: Duration,
    /// The page type the extractor named, if it names one (pith does).
    pub page_type: Option<String>,
}

/// One extractor's outcome over the benchmark.
pub struct Run {
    pub name: &'static str,
    /// In the order of the benchmark's pages.
    pub pages: Vec<PageRun>,
    /// By the ScrapingHub metric.
    pub summary: Summary,
    /// Bootstrap standard deviations; `None` when the bootstrap is off.
    pub std: Option<Summary>,
    /// By WCXB's metric.
    pub words: WordSummary,
    /// Summed over the pages.
    pub snippets: Snippets,
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

/// The two metrics, by the names the floors file and `--worst` use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Metric {
    ScrapingHub,
    Wcxb,
}

impl Metric {
    pub const ALL: [Metric; 2] = [Metric::ScrapingHub, Metric::Wcxb];

    pub fn key(self) -> &'static str {
        match self {
            Metric::ScrapingHub => "scrapinghub",
            Metric::Wcxb => "wcxb",
        }
    }

    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The metric a set's own publishers rank by: WCXB's for WCXB's sets, the
    /// ScrapingHub metric for the rest (their truth is an article body).
    pub fn primary_for(set: &str) -> Metric {
        if set.starts_with("wcxb") {
            Metric::Wcxb
        } else {
            Metric::ScrapingHub
        }
    }

    /// The run's F1 by this metric.
    pub fn f1(self, run: &Run) -> f64 {
        match self {
            Metric::ScrapingHub => run.summary.f1,
            Metric::Wcxb => run.words.f1,
        }
    }

    /// One page's F1 by this metric (for the ScrapingHub metric, the per-page
    /// harmonic mean, which only ranks pages).
    pub fn page_f1(self, page: &PageRun) -> f64 {
        match self {
            Metric::ScrapingHub => page.score.matching.f1(),
            Metric::Wcxb => page.words.f1,
        }
    }
}

/// Scores one page's output against its truth, by everything the set allows.
pub fn score(page: &Page, text: String, error: Option<String>, elapsed: Duration) -> PageRun {
    let (truth, seen) = (metric::comparable(&page.truth), metric::comparable(&text));
    PageRun {
        score: PageScore::of(&truth, &seen),
        words: WordScore::of(&truth, &seen),
        snippets: Snippets::of(&page.meta, &seen),
        text,
        error,
        elapsed,
        page_type: None,
    }
}

/// The run's summaries from its scored pages.
pub fn summarize(
    name: &'static str,
    pages: Vec<PageRun>,
    wall: Duration,
    bootstrap_rounds: usize,
) -> Run {
    let scores: Vec<PageScore> = pages.iter().map(|p| p.score).collect();
    Run {
        name,
        summary: Summary::of(&scores),
        std: metric::bootstrap_std(&scores, bootstrap_rounds, BOOTSTRAP_SEED),
        words: WordSummary::of(pages.iter().map(|p| &p.words)),
        snippets: pages
            .iter()
            .fold(Snippets::default(), |sum, p| sum.add(p.snippets)),
        pages,
        wall,
    }
}

pub fn run(extractor: Extractor, set: &str, pages: &[Page], bootstrap_rounds: usize) -> Run {
    let progress = Progress::new(set, extractor.name, pages.len());
    let start = Instant::now();
    let results: Vec<PageRun> = pages
        .par_iter()
        .map(|page| {
            let began = Instant::now();
            let outcome = extractor.extract(page);
            let elapsed = began.elapsed();
            let (text, page_type, error) = match outcome {
                Ok(out) => (out.text, out.page_type, None),
                Err(e) => (String::new(), None, Some(e)),
            };
            progress.tick();
            PageRun {
                page_type,
                ..score(page, text, error, elapsed)
            }
        })
        .collect();
    let wall = start.elapsed();
    progress.finish();
    summarize(extractor.name, results, wall, bootstrap_rounds)
}

/// `set: name: done/total` on one line of stderr, only when a person is watching.
struct Progress {
    label: String,
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(set: &str, name: &str, total: usize) -> Progress {
        Progress {
            label: format!("{set}: {name}"),
            total,
            done: AtomicUsize::new(0),
            shown: std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}: {done}/{}", self.label, self.total);
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
