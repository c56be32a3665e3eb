//! What a person reads: the comparison table and the worst pages; and what a
//! script reads: per-page scores as JSON.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use crate::bench::Page;
use crate::metric::{self, Matching, Summary};
use crate::run::Run;

/// How many runs of missed or leaked tokens `--worst` shows per page.
const EXCERPT_RUNS: usize = 3;
/// How many tokens of each run it shows.
const EXCERPT_TOKENS: usize = 12;

/// One row per extractor: the benchmark's four numbers, failures and speed.
pub fn table(runs: &[Run]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<14} {:>9} {:>7} {:>15} {:>8} {:>6} {:>8} {:>9}",
        "extractor", "precision", "recall", "F1", "accuracy", "errors", "time", "per page"
    );
    for run in runs {
        let s = &run.summary;
        let f1 = match &run.std {
            Some(std) => format!("{:.3} ± {:.3}", s.f1, std.f1),
            None => format!("{:.3}", s.f1),
        };
        let _ = writeln!(
            out,
            "{:<14} {:>9.3} {:>7.3} {:>15} {:>8.3} {:>6} {:>6.2} s {:>6.1} ms",
            run.name,
            s.precision,
            s.recall,
            f1,
            s.accuracy,
            run.errors(),
            run.wall.as_secs_f64(),
            run.mean_page_time().as_secs_f64() * 1000.0,
        );
    }
    out
}

/// The `n` pages where `run` has the lowest F1, with what it missed and leaked.
pub fn worst(run: &Run, pages: &[Page], n: usize) -> String {
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (
            run.pages[a].score.matching.f1(),
            run.pages[b].score.matching.f1(),
        );
        fa.total_cmp(&fb)
            .then_with(|| pages[a].id.cmp(&pages[b].id))
    });
    let mut out = String::new();
    let _ = writeln!(
        out,
        "worst {} pages for {} by F1:",
        n.min(pages.len()),
        run.name
    );
    for &i in order.iter().take(n) {
        let (page, result) = (&pages[i], &run.pages[i]);
        let m = result.score.matching;
        let _ = writeln!(
            out,
            "\n{}  P {:.3}  R {:.3}  F1 {:.3}  {}",
            page.id,
            m.precision(),
            m.recall(),
            m.f1(),
            page.url
        );
        if let Some(error) = &result.error {
            let _ = writeln!(out, "  error:  {error}");
        }
        let truth = metric::tokenize(&page.truth);
        let pred = metric::tokenize(&result.text);
        let missed = metric::unmatched_runs(&truth, &pred);
        let leaked = metric::unmatched_runs(&pred, &truth);
        let _ = writeln!(out, "  missed: {}", excerpt(&truth, &missed));
        let _ = writeln!(out, "  leaked: {}", excerpt(&pred, &leaked));
    }
    out
}

/// A few runs, shortened, with the totals: `12 tokens in 2 runs: “…” · “…”`.
fn excerpt(tokens: &[&str], runs: &[Range<usize>]) -> String {
    if runs.is_empty() {
        return "nothing".to_string();
    }
    let total: usize = runs.iter().map(|r| r.len()).sum();
    let shown: Vec<String> = runs
        .iter()
        .take(EXCERPT_RUNS)
        .map(|r| {
            let words = &tokens[r.start..r.end.min(r.start + EXCERPT_TOKENS)];
            let more = if r.len() > EXCERPT_TOKENS { " …" } else { "" };
            format!("“{}{more}”", words.join(" "))
        })
        .collect();
    let more = if runs.len() > EXCERPT_RUNS {
        " · …"
    } else {
        ""
    };
    format!(
        "{total} tokens in {} run{}: {}{more}",
        runs.len(),
        if runs.len() == 1 { "" } else { "s" },
        shown.join(" · ")
    )
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    pages: usize,
    extractors: BTreeMap<&'a str, JsonRun<'a>>,
}

#[derive(serde::Serialize)]
struct JsonRun<'a> {
    summary: Summary,
    std: Option<Summary>,
    errors: usize,
    seconds: f64,
    pages: BTreeMap<&'a str, JsonPage<'a>>,
}

#[derive(serde::Serialize)]
struct JsonPage<'a> {
    precision: f64,
    recall: f64,
    f1: f64,
    exact: bool,
    #[serde(flatten)]
    matching: Matching,
    error: Option<&'a str>,
    millis: f64,
}

/// Per-page scores of every run, keyed by extractor then page id.
pub fn json(runs: &[Run], pages: &[Page]) -> String {
    let extractors = runs
        .iter()
        .map(|run| {
            let per_page = pages
                .iter()
                .zip(&run.pages)
                .map(|(page, r)| {
                    let m = r.score.matching;
                    let scores = JsonPage {
                        precision: m.precision(),
                        recall: m.recall(),
                        f1: m.f1(),
                        exact: r.score.exact,
                        matching: m,
                        error: r.error.as_deref(),
                        millis: r.elapsed.as_secs_f64() * 1000.0,
                    };
                    (page.id.as_str(), scores)
                })
                .collect();
            let json_run = JsonRun {
                summary: run.summary,
                std: run.std,
                errors: run.errors(),
                seconds: run.wall.as_secs_f64(),
                pages: per_page,
            };
            (run.name, json_run)
        })
        .collect();
    let report = JsonReport {
        pages: pages.len(),
        extractors,
    };
    // Plain data of floats, strings and maps with string keys: cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metric::PageScore;
    use crate::run::PageRun;
    use std::time::Duration;

    fn fixture() -> (Vec<Page>, Run) {
        let cases = [
            ("good", "a b c d e f", "a b c d e f", None),
            ("bad", "a b c d e f", "Home News a b c d e f", None),
            ("failed", "a b c d e f", "", Some("empty: input is empty")),
        ];
        let pages = cases
            .iter()
            .map(|(id, truth, _, _)| Page {
                id: id.to_string(),
                url: format!("https://example.com/{id}"),
                html: Vec::new(),
                truth: truth.to_string(),
            })
            .collect();
        let runs: Vec<PageRun> = cases
            .iter()
            .map(|(_, truth, pred, error)| PageRun {
                text: pred.to_string(),
                error: error.map(str::to_string),
                score: PageScore::of(truth, pred),
                elapsed: Duration::from_millis(2),
            })
            .collect();
        let scores: Vec<_> = runs.iter().map(|r| r.score).collect();
        let run = Run {
            name: "pith",
            summary: Summary::of(&scores),
            std: None,
            pages: runs,
            wall: Duration::from_millis(5),
        };
        (pages, run)
    }

    #[test]
    fn table_has_a_row_per_run() {
        let (_, run) = fixture();
        let t = table(&[run]);
        assert!(t.starts_with("extractor"));
        let row = t.lines().nth(1).unwrap();
        assert!(row.starts_with("pith"), "{row}");
        assert!(row.contains(" 1 "), "one error: {row}");
    }

    #[test]
    fn worst_lists_lowest_f1_first_with_excerpts() {
        let (pages, run) = fixture();
        let w = worst(&run, &pages, 2);
        let failed = w.find("failed").unwrap();
        let bad = w.find("\nbad").unwrap();
        assert!(failed < bad, "{w}");
        assert!(!w.contains("\ngood"), "{w}");
        assert!(w.contains("error:  empty"), "{w}");
        assert!(
            w.contains("leaked: 5 tokens in 1 run: “Home News a b c”"),
            "{w}"
        );
    }

    #[test]
    fn excerpts_are_shortened() {
        let tokens: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let e = excerpt(&tokens, &[0..20, 21..22, 23..24, 25..26]);
        assert!(e.starts_with("23 tokens in 4 runs: “w0 w1"), "{e}");
        assert!(e.contains("w11 …”"), "{e}");
        assert!(e.ends_with(" · …"), "{e}");
        assert_eq!(excerpt(&tokens, &[]), "nothing");
    }

    #[test]
    fn json_has_every_page() {
        let (pages, run) = fixture();
        let v: serde_json::Value = serde_json::from_str(&json(&[run], &pages)).unwrap();
        assert_eq!(v["pages"], 3);
        assert_eq!(v["extractors"]["pith"]["pages"]["good"]["exact"], true);
        assert_eq!(v["extractors"]["pith"]["pages"]["failed"]["fn"], 1.0);
        assert!(v["extractors"]["pith"]["pages"]["good"]["error"].is_null());
    }
}
