//! pith's `page_type` against the type `meta.json` gives each page: the
//! accuracy and the confusion matrix, for sets whose pages are labelled.
//! A news set's `news` is an article.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::bench::Page;
use crate::run::Run;

/// Label names that mean one of pith's types.
const SAME_AS: &[(&str, &str)] = &[("news", "article")];

/// The column of a page pith gave no type (an error record).
const NONE: &str = "none";

/// The confusion of one run's page types with the labels.
#[derive(Debug, Default, PartialEq, serde::Serialize)]
pub struct Confusion {
    /// Labelled pages, and those whose type matched.
    pub pages: usize,
    pub correct: usize,
    pub accuracy: f64,
    /// Label → pith's type → pages.
    pub matrix: BTreeMap<String, BTreeMap<String, usize>>,
}

/// The confusion of `run` on the labelled pages, if any page is labelled and
/// the run names page types.
pub fn confusion(pages: &[Page], run: &Run) -> Option<Confusion> {
    if run
        .pages
        .iter()
        .all(|p| p.page_type.is_none() && p.error.is_none())
    {
        return None;
    }
    let mut c = Confusion::default();
    for (page, got) in pages.iter().zip(&run.pages) {
        let Some(label) = page.meta.page_type.as_deref() else {
            continue;
        };
        let label = SAME_AS
            .iter()
            .find(|(from, _)| *from == label)
            .map_or(label, |(_, to)| to);
        let got = got.page_type.as_deref().unwrap_or(NONE);
        c.pages += 1;
        c.correct += usize::from(got == label);
        *c.matrix
            .entry(label.to_owned())
            .or_default()
            .entry(got.to_owned())
            .or_default() += 1;
    }
    c.accuracy = c.correct as f64 / c.pages.max(1) as f64;
    (c.pages > 0).then_some(c)
}

/// The accuracy line and the matrix, labels as rows, pith's types as columns.
pub fn page_type_table(set: &str, pages: &[Page], run: &Run) -> String {
    let Some(c) = confusion(pages, run) else {
        return String::new();
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{set} page type ({}): accuracy {:.3} ({} of {})",
        run.name, c.accuracy, c.correct, c.pages
    );
    let mut columns: Vec<&str> = c
        .matrix
        .values()
        .flat_map(|row| row.keys().map(String::as_str))
        .collect();
    columns.sort_unstable();
    columns.dedup();
    let width = |s: &str| s.len().clamp(5, 13);
    let mut header = format!("{:<14}", "label \\ pith");
    for col in &columns {
        let _ = write!(header, " {:>w$}", col, w = width(col));
    }
    let _ = writeln!(out, "{header}  share right");
    for (label, row) in &c.matrix {
        let mut line = format!("{label:<14}");
        for col in &columns {
            let n = row.get(*col).copied().unwrap_or(0);
            let _ = write!(line, " {:>w$}", n, w = width(col));
        }
        let total: usize = row.values().sum();
        let right = row.get(label).copied().unwrap_or(0);
        let _ = writeln!(line, "  {:>11.2}", right as f64 / total.max(1) as f64);
        out += &line;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::fixture;

    #[test]
    fn counts_matches_and_reads_news_as_article() {
        let (mut pages, mut run) = fixture();
        pages[1].meta.page_type = Some("news".into());
        run.pages[0].page_type = Some("article".into());
        run.pages[1].page_type = Some("article".into());
        // The third page failed: no type, labelled forum.
        let c = confusion(&pages, &run).unwrap();
        assert_eq!((c.pages, c.correct), (3, 2));
        assert_eq!(c.matrix["article"]["article"], 2);
        assert_eq!(c.matrix["forum"]["none"], 1);
        let table = page_type_table("demo", &pages, &run);
        assert!(table.contains("accuracy 0.667 (2 of 3)"), "{table}");
    }

    #[test]
    fn a_run_without_types_has_no_table() {
        let (pages, mut run) = fixture();
        run.pages.retain(|p| p.error.is_none());
        assert_eq!(page_type_table("demo", &pages, &run), "");
    }
}
