//! What a person reads, per set: the comparison table (extractor rows, both
//! metrics), WCXB's snippet rates, the per-page-type and per-language tables,
//! and the worst pages ([`worst`](mod@worst)); the structured fields of the dev set
//! ([`fields`]); and what a script reads: per-page scores as JSON ([`json`](mod@json)).
//!
//! pith's page type against `meta.json`'s, as an accuracy and a confusion
//! matrix ([`page_types`]), sits beside [`breakdown`]: it reads the same labels.

mod breakdown;
mod fields;
mod json;
mod page_types;
mod worst;

use std::fmt::Write;

pub use breakdown::breakdowns;
pub use fields::{field_groups, field_table, worst_fields};
pub use json::json;
pub use page_types::page_type_table;
pub use worst::worst;

use crate::bench::Set;
use crate::run::Run;

/// The line above a set's table: what was scored, and how the `±` is made.
pub fn set_header(set: &Set, bootstrap: usize) -> String {
    format!(
        "{}: {} pages of {}{}\n",
        set.name,
        set.pages.len(),
        set.dir.display(),
        if bootstrap >= 2 {
            format!("; F1 ± bootstrap std over {bootstrap} resamples")
        } else {
            String::new()
        }
    )
}

/// One row per extractor: the ScrapingHub metric's four numbers, WCXB's
/// three, failures and speed.
pub fn table(runs: &[Run]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<14} {:<42}  WCXB metric (bag of words)",
        "", "ScrapingHub metric (4-token shingles)"
    );
    let _ = writeln!(
        out,
        "{:<14} {:>9} {:>7} {:>15} {:>8}  {:>9} {:>7} {:>6} {:>6} {:>8} {:>9}",
        "extractor",
        "precision",
        "recall",
        "F1",
        "accuracy",
        "precision",
        "recall",
        "F1",
        "errors",
        "time",
        "per page"
    );
    for run in runs {
        let s = &run.summary;
        let f1 = match &run.std {
            Some(std) => format!("{:.3} ± {:.3}", s.f1, std.f1),
            None => format!("{:.3}", s.f1),
        };
        let w = &run.words;
        let _ = writeln!(
            out,
            "{:<14} {:>9.3} {:>7.3} {:>15} {:>8.3}  {:>9.3} {:>7.3} {:>6.3} {:>6} {:>6.2} s {:>6.1} ms",
            run.name,
            s.precision,
            s.recall,
            f1,
            s.accuracy,
            w.precision,
            w.recall,
            w.f1,
            run.errors(),
            run.wall.as_secs_f64(),
            run.mean_page_time().as_secs_f64() * 1000.0,
        );
    }
    out
}

/// WCXB's snippet rates per extractor, or nothing when the set has no snippets.
pub fn snippet_table(runs: &[Run]) -> String {
    let Some(first) = runs.first() else {
        return String::new();
    };
    let totals = first.snippets;
    if totals.with + totals.without == 0 {
        return String::new();
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<14} {:>11} {:>16}   (snippets: {} with, {} without)",
        "snippets", "with found", "without kept out", totals.with, totals.without
    );
    let rate = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.3}"));
    for run in runs {
        let _ = writeln!(
            out,
            "{:<14} {:>11} {:>16}",
            run.name,
            rate(run.snippets.with_rate()),
            rate(run.snippets.without_rate())
        );
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bench::{Meta, Page};
    use crate::run::{score, summarize};
    use std::time::Duration;

    /// Three pages of two types and two languages, one failed.
    pub(crate) fn fixture() -> (Vec<Page>, Run) {
        let cases = [
            (
                "good",
                "article",
                Some("en"),
                "a b c d e f",
                "a b c d e f",
                None,
            ),
            (
                "bad",
                "article",
                Some("en"),
                "a b c d e f",
                "Home News a b c d e f",
                None,
            ),
            (
                "failed",
                "forum",
                None,
                "a b c d e f",
                "",
                Some("empty: input is empty"),
            ),
        ];
        let pages: Vec<Page> = cases
            .iter()
            .map(|(id, kind, lang, truth, _, _)| Page {
                id: id.to_string(),
                url: format!("https://example.com/{id}"),
                html: Vec::new(),
                truth: truth.to_string(),
                meta: Meta {
                    page_type: Some(kind.to_string()),
                    lang: lang.map(str::to_string),
                    with: vec!["A B C".into()],
                    without: vec!["home news".into()],
                },
            })
            .collect();
        let runs = pages
            .iter()
            .zip(&cases)
            .map(|(page, (_, _, _, _, pred, error))| {
                let error = error.map(str::to_string);
                score(page, pred.to_string(), error, Duration::from_millis(2))
            })
            .collect();
        let run = summarize("pith", runs, Duration::from_millis(5), 0);
        (pages, run)
    }

    #[test]
    fn table_has_a_row_per_run_with_both_metrics() {
        let (_, run) = fixture();
        let t = table(&[run]);
        assert!(t.lines().nth(1).unwrap().starts_with("extractor"), "{t}");
        let row = t.lines().nth(2).unwrap();
        assert!(row.starts_with("pith"), "{row}");
        // WCXB: F1 of 1, 6/8 vs 1 (12/14), and 0: mean 0.619.
        assert!(row.contains(" 0.619      1 "), "one error: {row}");
    }

    #[test]
    fn snippet_rates_are_shares_of_all_snippets() {
        let (_, run) = fixture();
        let t = snippet_table(&[run]);
        let row = t.lines().nth(1).unwrap();
        // with: found on good and bad, not failed; without: leaked on bad.
        assert_eq!(
            row,
            format!("{:<14} {:>11} {:>16}", "pith", "0.667", "0.667")
        );
        let (_, mut run) = fixture();
        run.snippets = Default::default();
        assert_eq!(snippet_table(&[run]), "");
    }
}
