//! The structured fields of pith on the dev sets, for a person: the table of
//! the four fields, the same per dev set, benchmark set and page type, and the
//! labelled pages where they are worst.

use std::fmt::Write;

use crate::fields::{FieldRun, FieldSummary, GroupBy, PageFields, Pairing};
use crate::metric::Summary;

/// How many missed or extra items of a list field `--worst-fields` shows.
const FIELD_ITEMS: usize = 5;
/// How many characters of one item it shows.
const ITEM_CHARS: usize = 90;

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

/// One row per dev set, benchmark set and page type (and one for all pages):
/// the pages, the title's exact-match rate and each list field's precision,
/// recall and F1.
pub fn field_groups(run: &FieldRun) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<36} {:>5} {:>5}   {:<17}   {:<17}   {:<17}",
        "group", "pages", "title", "headings P R F1", "captions P R F1", "related P R F1"
    );
    let mut row = |name: &str, s: &FieldSummary| {
        // A list no page of the group has, labelled or predicted, has no score.
        let prf = |m: crate::metric::Summary, scored: usize| {
            if scored == 0 {
                format!("{:^5} {:^5} {:^5}", "-", "-", "-")
            } else {
                format!("{:.3} {:.3} {:.3}", m.precision, m.recall, m.f1)
            }
        };
        let _ = writeln!(
            out,
            "{:<36} {:>5} {:>5.3}   {}   {}   {}",
            name,
            s.pages,
            s.title,
            prf(s.headings, s.scored_pages[0]),
            prf(s.captions, s.scored_pages[1]),
            prf(s.related_urls, s.scored_pages[2])
        );
    };
    row("all", &run.summary);
    for by in GroupBy::ALL {
        for group in run.groups_by(by) {
            row(&format!("{} {}", by.key(), group.name), &group.summary);
        }
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
            "\n{} ({}, {}, {})  fields {:.3}  title {}  headings {:.2}  captions {:.2}  related {:.2}  {}",
            page.id,
            page.set,
            page.page_type,
            page.devset,
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn field_fixture() -> FieldRun {
        use crate::fields::Fields;
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
        FieldRun::of(pages, 0)
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
    fn field_groups_has_a_row_per_group() {
        let t = field_groups(&field_fixture());
        let rows: Vec<&str> = t.lines().collect();
        // Header, all, one dev set (unnamed), one set, one page type.
        assert_eq!(rows.len(), 5, "{t}");
        assert!(
            rows[1].starts_with("all") && rows[1].contains(" 2 0.500"),
            "{t}"
        );
        assert!(rows[3].starts_with("set scrapinghub"), "{t}");
        assert!(rows[4].starts_with("page_type article"), "{t}");
    }

    #[test]
    fn worst_fields_shows_expected_and_got() {
        let w = worst_fields(&field_fixture(), 1);
        assert!(
            w.contains("\nbad (scrapinghub, article, )  fields 0.375"),
            "{w}"
        );
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
