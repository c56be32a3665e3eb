//! The pages where pith does worst on a set, by the set's primary metric, each
//! with a few runs of what it missed and what it leaked: the quickest way from
//! a number to the rule that costs it.

use std::fmt::Write;
use std::ops::Range;

use crate::bench::Page;
use crate::metric;
use crate::run::{Metric, Run};
use crate::wcxb;

/// How many runs of missed or leaked tokens `--worst` shows per page.
const EXCERPT_RUNS: usize = 3;
/// How many tokens of each run it shows.
const EXCERPT_TOKENS: usize = 12;

/// The `n` pages where `run` has the lowest per-page F1 by `by`, lowest first,
/// ties by id, with what it missed and leaked: shingle runs for the
/// ScrapingHub metric, word runs (lower-cased) for WCXB's.
pub fn worst(run: &Run, pages: &[Page], n: usize, by: Metric) -> String {
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| {
        by.page_f1(&run.pages[a])
            .total_cmp(&by.page_f1(&run.pages[b]))
            .then_with(|| pages[a].id.cmp(&pages[b].id))
    });
    let mut out = String::new();
    let _ = writeln!(
        out,
        "worst {} pages for {} by {} F1:",
        n.min(pages.len()),
        run.name,
        by.key()
    );
    for &i in order.iter().take(n) {
        let (page, result) = (&pages[i], &run.pages[i]);
        let (p, r) = match by {
            Metric::ScrapingHub => (
                result.score.matching.precision(),
                result.score.matching.recall(),
            ),
            Metric::Wcxb => (result.words.precision, result.words.recall),
        };
        let kind = page
            .meta
            .page_type
            .as_deref()
            .map(|t| format!("{t}  "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{}  {kind}P {p:.3}  R {r:.3}  F1 {:.3}  {}",
            page.id,
            by.page_f1(result),
            page.url
        );
        if let Some(error) = &result.error {
            let _ = writeln!(out, "  error:  {error}");
        }
        let (missed, leaked) = match by {
            Metric::ScrapingHub => {
                let truth = metric::tokenize(&page.truth);
                let pred = metric::tokenize(&result.text);
                (
                    excerpt(&truth, &metric::unmatched_runs(&truth, &pred)),
                    excerpt(&pred, &metric::unmatched_runs(&pred, &truth)),
                )
            }
            Metric::Wcxb => {
                let truth = wcxb::lower_tokens(&page.truth);
                let pred = wcxb::lower_tokens(&result.text);
                let (t, p): (Vec<&str>, Vec<&str>) = (
                    truth.iter().map(String::as_str).collect(),
                    pred.iter().map(String::as_str).collect(),
                );
                (
                    excerpt(&t, &wcxb::unmatched_words(&truth, &pred)),
                    excerpt(&p, &wcxb::unmatched_words(&pred, &truth)),
                )
            }
        };
        let _ = writeln!(out, "  missed: {missed}");
        let _ = writeln!(out, "  leaked: {leaked}");
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::fixture;

    #[test]
    fn worst_lists_lowest_f1_first_with_excerpts() {
        let (pages, run) = fixture();
        let w = worst(&run, &pages, 2, Metric::ScrapingHub);
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
    fn worst_by_words_shows_the_words() {
        let (pages, run) = fixture();
        let w = worst(&run, &pages, 2, Metric::Wcxb);
        assert!(w.starts_with("worst 2 pages for pith by wcxb F1:"), "{w}");
        assert!(w.contains("\nfailed  forum  P 0.000"), "{w}");
        assert!(w.contains("leaked: 2 tokens in 1 run: “home news”"), "{w}");
        assert!(
            w.contains("missed: 6 tokens in 1 run: “a b c d e f”"),
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
}
