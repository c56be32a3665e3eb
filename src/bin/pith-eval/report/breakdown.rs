//! The set cut by what `meta.json` says of each page (its page type, its
//! language): the F1 of every extractor by both metrics on each group, so
//! that a gain on articles paid for on forums shows.
//!
//! Groups are recomputed from the per-page scores, with each metric's own
//! averaging (the ScrapingHub metric's F1 of the group's means; WCXB's mean of
//! per-page F1), so a group's row reads like the set's table.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::bench::{Meta, Page};
use crate::metric::Summary;
use crate::run::Run;
use crate::wcxb::WordSummary;

/// The label of pages `meta.json` gives no value for.
const NO_VALUE: &str = "none";

/// How to read a page's group from its meta.
type GroupOf = fn(&Meta) -> Option<&str>;

/// The cuts, each a name and how to read the group of a page.
const CUTS: [(&str, GroupOf); 2] = [
    ("page type", |m| m.page_type.as_deref()),
    ("language", |m| m.lang.as_deref()),
];

/// Every cut's table for the set, or a line when the cut has one group.
pub fn breakdowns(set: &str, pages: &[Page], runs: &[Run]) -> String {
    let mut out = String::new();
    for (cut, key) in CUTS {
        let groups = groups(pages, key);
        match groups.as_slice() {
            [] => {}
            [(only, members)] => {
                let _ = writeln!(
                    out,
                    "\n{set} by {cut}: all {} pages are {only}",
                    members.len()
                );
            }
            _ => {
                out.push('\n');
                out += &table(set, cut, &groups, runs);
            }
        }
    }
    out
}

/// Page indices by group, the largest group first, ties by name.
fn groups(pages: &[Page], key: GroupOf) -> Vec<(&str, Vec<usize>)> {
    let mut by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        by.entry(key(&page.meta).unwrap_or(NO_VALUE))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<_> = by.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    groups
}

/// Rows per group; for each metric a column per extractor.
fn table(set: &str, cut: &str, groups: &[(&str, Vec<usize>)], runs: &[Run]) -> String {
    let widths: Vec<usize> = runs.iter().map(|r| r.name.len().max(5)).collect();
    let block: usize = widths.iter().map(|w| w + 1).sum();
    let mut out = String::new();
    let _ = writeln!(out, "{set} by {cut}");
    let _ = writeln!(out, "{:<22} {:<block$}  WCXB F1", "", "ScrapingHub F1");
    let names: String = runs
        .iter()
        .zip(&widths)
        .map(|(r, w)| format!(" {:>w$}", r.name))
        .collect();
    let _ = writeln!(out, "{:<16} {:>5}{names}  {names}", cut, "pages");
    for (group, members) in groups {
        let mut row = format!("{:<16} {:>5}", group, members.len());
        let shingles: Vec<f64> = runs
            .iter()
            .map(|run| Summary::of(members.iter().map(|&i| &run.pages[i].score)).f1)
            .collect();
        let words: Vec<f64> = runs
            .iter()
            .map(|run| WordSummary::of(members.iter().map(|&i| &run.pages[i].words)).f1)
            .collect();
        for (column, values) in [shingles, words].iter().enumerate() {
            if column == 1 {
                row.push_str("  ");
            }
            for (value, w) in values.iter().zip(&widths) {
                let _ = write!(row, " {value:>w$.3}");
            }
        }
        let _ = writeln!(out, "{row}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::fixture;

    #[test]
    fn groups_are_largest_first_and_none_is_named() {
        let (pages, _) = fixture();
        let g = groups(&pages, CUTS[1].1);
        assert_eq!(g, vec![("en", vec![0, 1]), ("none", vec![2])]);
    }

    #[test]
    fn a_table_per_cut_with_every_extractor() {
        let (pages, run) = fixture();
        let b = breakdowns("demo", &pages, &[run]);
        assert!(b.contains("demo by page type"), "{b}");
        assert!(b.contains("demo by language"), "{b}");
        // Articles: WCXB F1 (1 + 12/14) / 2 = 0.929; forum: 0.
        let article = b.lines().find(|l| l.starts_with("article")).unwrap();
        assert!(article.ends_with("0.929"), "{b}");
        let forum = b.lines().find(|l| l.starts_with("forum")).unwrap();
        assert!(forum.ends_with("0.000"), "{b}");
    }

    #[test]
    fn one_group_is_one_line() {
        let (mut pages, run) = fixture();
        for page in &mut pages {
            page.meta.page_type = Some("news".into());
        }
        let b = breakdowns("demo", &pages, &[run]);
        assert!(b.contains("demo by page type: all 3 pages are news"), "{b}");
    }
}
