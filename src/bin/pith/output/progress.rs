//! The progress bar (pages, pages/s, ETA) and the summary line, both on stderr.
//!
//! The bar is drawn only when stderr is a terminal and `--quiet` is not given:
//! a log file or CI output gets no control characters. Its length is the number
//! of inputs when every argument is a page file, or the bytes of the container
//! files (WARC, JSONL) when every argument is one, so the ETA is real; else it
//! is a spinner with counts.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What the bar measures the batch against.
pub(crate) enum Total {
    /// This many inputs.
    Pages(u64),
    /// This many bytes of container files, read so far per the counter.
    Bytes(u64, Arc<AtomicU64>),
    /// Not known up front (directories, globs, lists, stdin).
    Unknown,
}

/// How often the bar is redrawn at most.
const REFRESH_PER_SECOND: u8 = 4;

pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    bytes: Option<Arc<AtomicU64>>,
    started: Instant,
    pages: u64,
    documents: u64,
    errors: BTreeMap<&'static str, u64>,
}

impl Progress {
    /// A bar on stderr if `draw`, else nothing drawn (counts are still kept).
    pub(crate) fn new(draw: bool, total: Total) -> Self {
        let (length, bytes) = match total {
            Total::Pages(n) => (Some(n), None),
            Total::Bytes(n, counter) => (Some(n), Some(counter)),
            Total::Unknown => (None, None),
        };
        let bar = draw.then(|| {
            let target = ProgressDrawTarget::stderr_with_hz(REFRESH_PER_SECOND);
            let (bar, template) = match length {
                Some(n) => (
                    ProgressBar::with_draw_target(Some(n), target),
                    "{spinner} {elapsed_precise} [{wide_bar}] {percent}% {msg} ETA {eta}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, target),
                    "{spinner} {elapsed_precise} {msg}",
                ),
            };
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress {
            bar,
            bytes,
            started: Instant::now(),
            pages: 0,
            documents: 0,
            errors: BTreeMap::new(),
        }
    }

    /// No bar: for tests and `--quiet`.
    #[cfg(test)]
    pub(crate) fn hidden() -> Self {
        Progress::new(false, Total::Unknown)
    }

    /// One record written: a document, or an error of this kind.
    pub(crate) fn record(&mut self, error: Option<&'static str>) {
        self.pages += 1;
        match error {
            None => self.documents += 1,
            Some(kind) => *self.errors.entry(kind).or_default() += 1,
        }
        let Some(bar) = &self.bar else { return };
        match &self.bytes {
            Some(counter) => bar.set_position(counter.load(Ordering::Relaxed)),
            None => bar.set_position(self.pages),
        }
        let errors = self.pages - self.documents;
        bar.set_message(format!(
            "{} pages, {errors} errors, {:.1} pages/s",
            self.pages,
            self.rate()
        ));
    }

    pub(crate) fn errors(&self) -> u64 {
        self.pages - self.documents
    }

    fn rate(&self) -> f64 {
        self.pages as f64 / self.started.elapsed().as_secs_f64().max(1e-3)
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// The summary line: `pith: 1200 documents, 3 errors (io: 2, timeout: 1)
    /// in 34.1 s, 35.2 pages/s`.
    pub(crate) fn summary(&self) -> String {
        let mut line = format!(
            "pith: {} documents, {} errors",
            self.documents,
            self.errors()
        );
        if !self.errors.is_empty() {
            let kinds: Vec<String> = self
                .errors
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            line.push_str(&format!(" ({})", kinds.join(", ")));
        }
        line.push_str(&format!(
            " in {:.1} s, {:.1} pages/s",
            self.started.elapsed().as_secs_f64(),
            self.rate()
        ));
        line
    }
}
