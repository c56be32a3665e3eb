//! What a person reads: the comparison table and the worst pages, for the text
//! and for the structured fields of the dev set; and what a script reads:
//! per-page scores as JSON.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use crate::bench::Page;
use crate::fields::{FieldRun, FieldSummary, PageFields, Pairing};
use crate::metric::{self, Matching, Summary};
use crate::run::Run;

/// How many runs of missed or leaked tokens `--worst` shows per page.
const EXCERPT_RUNS: usize = 3;
/// How many tokens of each run it shows.
const EXCERPT_TOKENS: usize = 12;
/// How many missed or extra items of a list field `--worst-fields` shows.
const FIELD_ITEMS: usize = 5;
/// How many characters of one item it shows.
const ITEM_CHARS: usize = 90;

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

/// The structured fields of pith on the dev set: the title's exact-match
/// rate, then the text metric's numbers for each list field, with the share
/// of pages where the field is entirely right and the item counts.
pub fn field_table(run: &FieldRun) -> String {
    let s = &run.summary;
    let count = |field: fn(&PageFields) -> (usize, usize)| {
        run.pages
            .iter()
            .map(field)
            .fold((0, 0), |(a, b), (x, y)| (a + x, b + y))
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<13} {:>9} {:>7} {:>6} {:>11} {:>8} {:>9}",
        "field", "precision", "recall", "F1", "pages right", "labelled", "predicted"
    );
    let _ = writeln!(
        out,
        "{:<13} {:>9} {:>7} {:>6} {:>11.3} {:>8} {:>9}",
        "title",
        "",
        "",
        "",
        s.title,
        run.pages
            .iter()
            .filter(|p| p.expected.title.is_some())
            .count(),
        run.pages.iter().filter(|p| p.got.title.is_some()).count(),
    );
    let rows: [(&str, Summary, (usize, usize)); 3] = [
        (
            "headings",
            s.headings,
            count(|p| (p.expected.headings.len(), p.got.headings.len())),
        ),
        (
            "captions",
            s.captions,
            count(|p| (p.expected.captions.len(), p.got.captions.len())),
        ),
        (
            "related_urls",
            s.related_urls,
            count(|p| (p.expected_urls.len(), p.got_urls.len())),
        ),
    ];
    for (name, summary, (labelled, predicted)) in rows {
        let _ = writeln!(
            out,
            "{:<13} {:>9.3} {:>7.3} {:>6.3} {:>11.3} {:>8} {:>9}",
            name,
            summary.precision,
            summary.recall,
            summary.f1,
            summary.accuracy,
            labelled,
            predicted
        );
    }
    out
}

/// The `n` labelled pages where pith's fields are worst (the mean of the title
/// and the three per-page F1s), with what was expected and what came out.
pub fn worst_fields(run: &FieldRun, n: usize) -> String {
    let mut order: Vec<&PageFields> = run.pages.iter().collect();
    order.sort_by(|a, b| {
        a.overall()
            .total_cmp(&b.overall())
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut out = String::new();
    let _ = writeln!(
        out,
        "worst {} labelled pages by fields (mean of title and the F1 of headings, captions, related URLs):",
        n.min(order.len())
    );
    for page in order.into_iter().take(n) {
        let _ = writeln!(
            out,
            "\n{}  fields {:.3}  title {}  headings {:.2}  captions {:.2}  related {:.2}  {}",
            page.id,
            page.overall(),
            if page.title { "ok" } else { "wrong" },
            page.headings.matching().f1(),
            page.captions.matching().f1(),
            page.related.matching().f1(),
            page.url
        );
        if let Some(error) = &page.error {
            let _ = writeln!(out, "  error:     {error}");
        }
        if !page.title {
            let show = |t: &Option<String>| match t {
                Some(t) => format!("“{}”", shorten(t)),
                None => "none".to_string(),
            };
            let _ = writeln!(
                out,
                "  title:     expected {}  got {}",
                show(&page.expected.title),
                show(&page.got.title)
            );
        }
        let lists: [(&str, &Pairing, &[String], &[String]); 3] = [
            (
                "headings",
                &page.headings,
                &page.expected.headings,
                &page.got.headings,
            ),
            (
                "captions",
                &page.captions,
                &page.expected.captions,
                &page.got.captions,
            ),
            (
                "related",
                &page.related,
                &page.expected_urls,
                &page.got_urls,
            ),
        ];
        for (name, pairing, expected, got) in lists {
            if pairing.exact() {
                continue;
            }
            let _ = writeln!(
                out,
                "  {:<10} {} of {} found; missed {}; extra {}",
                format!("{name}:"),
                pairing.matched,
                expected.len(),
                items(expected, &pairing.missed),
                items(got, &pairing.extra)
            );
        }
    }
    out
}

/// `2: “a” · “b”`, at most [`FIELD_ITEMS`] of them, each shortened.
fn items(list: &[String], picked: &[usize]) -> String {
    if picked.is_empty() {
        return "none".to_string();
    }
    let shown: Vec<String> = picked
        .iter()
        .take(FIELD_ITEMS)
        .map(|&i| format!("“{}”", shorten(&list[i])))
        .collect();
    let more = if picked.len() > FIELD_ITEMS {
        " · …"
    } else {
        ""
    };
    format!("{}: {}{more}", picked.len(), shown.join(" · "))
}

fn shorten(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(ITEM_CHARS) {
        Some((cut, _)) => format!("{} …", &s[..cut]),
        None => s,
    }
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    pages: usize,
    extractors: BTreeMap<&'a str, JsonRun<'a>>,
    /// pith's structured fields on the dev set, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<JsonFields<'a>>,
}

#[derive(serde::Serialize)]
struct JsonFields<'a> {
    summary: FieldSummary,
    pages: BTreeMap<&'a str, JsonPageFields<'a>>,
}

#[derive(serde::Serialize)]
struct JsonPageFields<'a> {
    overall: f64,
    error: Option<&'a str>,
    title: JsonTitle<'a>,
    headings: JsonList<'a>,
    captions: JsonList<'a>,
    related_urls: JsonList<'a>,
}

#[derive(serde::Serialize)]
struct JsonTitle<'a> {
    correct: bool,
    expected: Option<&'a str>,
    got: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonList<'a> {
    precision: f64,
    recall: f64,
    f1: f64,
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    missed: Vec<&'a str>,
    extra: Vec<&'a str>,
}

impl<'a> JsonList<'a> {
    fn of(pairing: &Pairing, expected: &'a [String], got: &'a [String]) -> JsonList<'a> {
        let m = pairing.matching();
        JsonList {
            precision: m.precision(),
            recall: m.recall(),
            f1: m.f1(),
            tp: pairing.tp(),
            fp: pairing.fp(),
            fn_: pairing.fn_(),
            missed: pairing
                .missed
                .iter()
                .map(|&i| expected[i].as_str())
                .collect(),
            extra: pairing.extra.iter().map(|&i| got[i].as_str()).collect(),
        }
    }
}

impl<'a> JsonFields<'a> {
    fn of(run: &'a FieldRun) -> JsonFields<'a> {
        let pages = run
            .pages
            .iter()
            .map(|p| {
                let page = JsonPageFields {
                    overall: p.overall(),
                    error: p.error.as_deref(),
                    title: JsonTitle {
                        correct: p.title,
                        expected: p.expected.title.as_deref(),
                        got: p.got.title.as_deref(),
                    },
                    headings: JsonList::of(&p.headings, &p.expected.headings, &p.got.headings),
                    captions: JsonList::of(&p.captions, &p.expected.captions, &p.got.captions),
                    related_urls: JsonList::of(&p.related, &p.expected_urls, &p.got_urls),
                };
                (p.id.as_str(), page)
            })
            .collect();
        JsonFields {
            summary: run.summary,
            pages,
        }
    }
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

/// Per-page scores of every run, keyed by extractor then page id; and pith's
/// structured fields per labelled page, when there is a dev set.
pub fn json(runs: &[Run], pages: &[Page], fields: Option<&FieldRun>) -> String {
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
        fields: fields.map(JsonFields::of),
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
        let v: serde_json::Value = serde_json::from_str(&json(&[run], &pages, None)).unwrap();
        assert_eq!(v["pages"], 3);
        assert_eq!(v["extractors"]["pith"]["pages"]["good"]["exact"], true);
        assert_eq!(v["extractors"]["pith"]["pages"]["failed"]["fn"], 1.0);
        assert!(v["extractors"]["pith"]["pages"]["good"]["error"].is_null());
    }

    fn field_fixture() -> FieldRun {
        use crate::fields::{FieldSummary, Fields};
        let labels = |title: &str, headings: &[&str], urls: &[&str]| Fields {
            title: Some(title.to_string()),
            headings: headings.iter().map(|s| s.to_string()).collect(),
            captions: Vec::new(),
            related_urls: urls.iter().map(|s| s.to_string()).collect(),
        };
        let pages = vec![
            PageFields::score(
                "good",
                "https://example.com/good",
                labels("Tides", &["Why"], &["https://example.com/a"]),
                labels("Tides", &["Why"], &["http://example.com/a/"]),
            ),
            PageFields::score(
                "bad",
                "https://example.com/bad",
                labels("Tides", &["Why", "How"], &["https://example.com/a"]),
                labels(
                    "Tides | Example News",
                    &["Why", "Share this"],
                    &["https://example.com/trending"],
                ),
            ),
        ];
        FieldRun {
            summary: FieldSummary::of(&pages),
            pages,
        }
    }

    #[test]
    fn field_table_has_a_row_per_field() {
        let t = field_table(&field_fixture());
        let rows: Vec<&str> = t.lines().collect();
        assert_eq!(rows.len(), 5, "{t}");
        assert!(
            rows[1].starts_with("title") && rows[1].contains("0.500"),
            "{t}"
        );
        assert!(rows[2].starts_with("headings"), "{t}");
        // related: one page right of two; two URLs labelled, two predicted.
        assert!(rows[4].starts_with("related_urls"), "{t}");
        assert!(rows[4].ends_with("0.500        2         2"), "{t}");
    }

    #[test]
    fn worst_fields_shows_expected_and_got() {
        let w = worst_fields(&field_fixture(), 1);
        assert!(w.contains("\nbad  fields 0.375"), "{w}");
        assert!(!w.contains("\ngood"), "{w}");
        assert!(
            w.contains("title:     expected “Tides”  got “Tides | Example News”"),
            "{w}"
        );
        assert!(
            w.contains("headings:  1 of 2 found; missed 1: “How”; extra 1: “Share this”"),
            "{w}"
        );
        assert!(w.contains("extra 1: “https://example.com/trending”"), "{w}");
        assert!(!w.contains("captions:"), "right fields are not listed: {w}");
    }

    #[test]
    fn json_has_the_fields_of_every_labelled_page() {
        let (pages, run) = fixture();
        let fields = field_fixture();
        let v: serde_json::Value =
            serde_json::from_str(&json(&[run], &pages, Some(&fields))).unwrap();
        let bad = &v["fields"]["pages"]["bad"];
        assert_eq!(bad["title"]["correct"], false);
        assert_eq!(bad["title"]["got"], "Tides | Example News");
        assert_eq!(bad["headings"]["tp"], 1);
        assert_eq!(bad["headings"]["missed"][0], "How");
        assert_eq!(v["fields"]["summary"]["title"], 0.5);
        assert_eq!(v["fields"]["pages"]["good"]["related_urls"]["f1"], 1.0);
    }

    #[test]
    fn items_are_shortened() {
        let long = "word ".repeat(40);
        let list = vec![long; 7];
        let s = items(&list, &[0, 1, 2, 3, 4, 5, 6]);
        assert!(s.starts_with("7: “word word"), "{s}");
        assert!(s.contains(" …”"), "{s}");
        assert!(s.ends_with(" · …"), "{s}");
        assert_eq!(items(&list, &[]), "none");
    }
}
