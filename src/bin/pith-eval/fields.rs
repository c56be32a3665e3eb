//! The structured fields on the hand-labelled dev sets (`tests/devset.json`,
//! `tests/structure-devset.json`): title, sub-headings, captions and
//! related-link URLs, pith's against a reader's.
//!
//! Each labelled page names the benchmark set it belongs to (`set`, default
//! `scrapinghub`) and its page type (`page_type`), so the scores are given for
//! all pages, per dev set, per benchmark set and per page type.
//!
//! Strings are compared after [`normalize`] (whitespace, invisible characters,
//! case); URLs after [`normalize_url`]. A list field of one page gives TP/FP/FN
//! by one-to-one matching, and pages are averaged exactly as the text metric
//! averages them ([`Summary::of`]): precision over the pages where pith
//! predicted something, recall over the pages with labels, F1 of the two means.
//! So every page weighs the same, whether it has one sub-heading or twenty.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use crate::bench::Page;
use crate::extractors;
use crate::metric::{Matching, PageScore, Summary};

/// One page's fields: the labels, or what pith gave.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    pub title: Option<String>,
    pub headings: Vec<String>,
    pub captions: Vec<String>,
    pub related_urls: Vec<String>,
}

impl Fields {
    /// The fields of a pith document, in the labels' shape.
    pub fn of(doc: &pagepith::Document) -> Fields {
        Fields {
            title: doc.title.clone(),
            headings: doc
                .sections
                .iter()
                .filter_map(|s| s.heading.clone())
                .collect(),
            captions: doc.captions.iter().map(|c| c.text.clone()).collect(),
            related_urls: doc.related_links.iter().map(|l| l.url.clone()).collect(),
        }
    }
}

/// The benchmark set a label belongs to when it does not say: the first dev
/// set labelled only ScrapingHub pages.
pub const DEFAULT_SET: &str = "scrapinghub";

/// The page type of a page whose label does not say and whose set has no
/// `meta.json` type: ScrapingHub's benchmark is of news articles.
const DEFAULT_PAGE_TYPE: &str = "article";

/// One labelled page: where it is, and the fields a reader sees on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Label {
    /// The benchmark set the page id belongs to.
    pub set: String,
    /// The page type the label gives, if any.
    pub page_type: Option<String>,
    pub fields: Fields,
}

/// One dev set file: its name (the file name, for the tables) and its labels
/// by page id.
#[derive(Debug, Clone)]
pub struct DevSet {
    pub name: String,
    pub labels: BTreeMap<String, Label>,
}

/// Reads a dev set: a JSON object from page id to [`Label`]; keys starting
/// with `_` (such as `_about`, `_notes`) are comments.
pub fn load(path: &std::path::Path) -> Result<DevSet, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the dev set {}: {e}", path.display()))?;
    let labels = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(DevSet { name, labels })
}

fn parse(text: &str) -> Result<BTreeMap<String, Label>, String> {
    let entries: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| format!("not a JSON object of pages: {e}"))?;
    entries
        .into_iter()
        .filter(|(id, _)| !id.starts_with('_'))
        .map(|(id, value)| {
            let label = parse_label(value).map_err(|e| format!("page {id}: {e}"))?;
            Ok((id, label))
        })
        .collect()
}

/// A page's entry: `set` and `page_type` (optional strings) beside the
/// [`Fields`], whose unknown keys are still refused (a typo'd field name).
fn parse_label(value: serde_json::Value) -> Result<Label, String> {
    let serde_json::Value::Object(mut map) = value else {
        return Err("not a JSON object".to_string());
    };
    let mut text = |key: &str| match map.remove(key) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("{key} is not a string: {other}")),
    };
    let set = text("set")?.unwrap_or_else(|| DEFAULT_SET.to_string());
    let page_type = text("page_type")?;
    let fields =
        serde_json::from_value(serde_json::Value::Object(map)).map_err(|e| e.to_string())?;
    Ok(Label {
        set,
        page_type,
        fields,
    })
}

/// Characters a reader cannot see, dropped before comparing: zero-width space,
/// zero-width joiners, soft hyphen, byte-order mark.
const INVISIBLE: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{00AD}', '\u{FEFF}'];

/// Typographic variants a reader does not tell apart, and the plain form they
/// compare as: a page's `h1` says "Ama…" where its `og:title` says "Ama...",
/// or ’ where the other says '.
const TYPOGRAPHIC: &[(char, &str)] = &[
    ('\u{2026}', "..."),
    ('\u{2018}', "'"),
    ('\u{2019}', "'"),
    ('\u{201C}', "\""),
    ('\u{201D}', "\""),
];

/// Whitespace runs (NBSP included: Rust's `White_Space` has it) become one
/// space, the ends are trimmed, the text composed to NFC, invisible
/// characters dropped, typographic
/// ellipsis and curly quotes made plain, and case folded with `to_lowercase`:
/// "Fazit" and "FAZIT" are the same heading to a reader.
pub fn normalize(s: &str) -> String {
    let mut plain = String::with_capacity(s.len());
    for c in crate::metric::comparable(s)
        .chars()
        .filter(|c| !INVISIBLE.contains(c))
    {
        match TYPOGRAPHIC.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => plain.push_str(to),
            None => plain.push(c),
        }
    }
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A URL as compared: no fragment, `http` and `https` alike (the scheme is
/// dropped), no trailing slash on the path; host case folded by the parser.
/// The query is kept: it may name a different page. Unparsable input is
/// compared as trimmed text.
pub fn normalize_url(s: &str) -> String {
    let Ok(url) = url::Url::parse(s.trim()) else {
        return s.trim().to_string();
    };
    if !matches!(url.scheme(), "http" | "https") {
        let mut url = url;
        url.set_fragment(None);
        return url.to_string();
    }
    let host = url.host_str().unwrap_or_default();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = url.path().trim_end_matches('/');
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    format!("//{host}{port}{path}{query}")
}

/// Whether a predicted caption `got` shows the labelled caption `label`: equal,
/// or `label` followed by more after a word boundary. Labels leave photo
/// credits out; a caption that ends with its credit ("… (Image: Getty)") is
/// still the right caption.
fn caption_shows(label: &str, got: &str) -> bool {
    match got.strip_prefix(label) {
        Some("") => true,
        Some(rest) => {
            // Not the middle of a word: "a cat" does not show as "a catapult".
            let mid_word =
                label.ends_with(char::is_alphanumeric) && rest.starts_with(char::is_alphanumeric);
            !label.is_empty() && !mid_word
        }
        None => false,
    }
}

/// One list field of one page: which labels pith found, which it missed, and
/// which of its items no label accounts for (indices into the two lists).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pairing {
    pub matched: usize,
    pub missed: Vec<usize>,
    pub extra: Vec<usize>,
}

impl Pairing {
    /// One-to-one: each label pairs with the first unpaired item equal to it,
    /// then leftover labels with the first unpaired item `close` to it.
    /// Both lists are already normalised.
    fn of(expected: &[String], got: &[String], close: fn(&str, &str) -> bool) -> Pairing {
        let mut taken = vec![false; got.len()];
        let mut pair = |label: &str, accept: &dyn Fn(&str, &str) -> bool| {
            let found = (0..got.len()).find(|&j| !taken[j] && accept(label, &got[j]));
            if let Some(j) = found {
                taken[j] = true;
            }
            found.is_some()
        };
        let mut unpaired: Vec<usize> = (0..expected.len())
            .filter(|&i| !pair(&expected[i], &|a, b| a == b))
            .collect();
        unpaired.retain(|&i| !pair(&expected[i], &close));
        let extra: Vec<usize> = (0..got.len()).filter(|&j| !taken[j]).collect();
        Pairing {
            matched: expected.len() - unpaired.len(),
            missed: unpaired,
            extra,
        }
    }

    pub fn tp(&self) -> usize {
        self.matched
    }

    pub fn fp(&self) -> usize {
        self.extra.len()
    }

    pub fn fn_(&self) -> usize {
        self.missed.len()
    }

    /// In the text metric's terms, so that pages average the same way: both
    /// lists empty is right and enters neither mean.
    pub fn matching(&self) -> Matching {
        Matching::normalised(self.tp() as f64, self.fp() as f64, self.fn_() as f64)
    }

    /// Every label found and nothing else predicted.
    pub fn exact(&self) -> bool {
        self.missed.is_empty() && self.extra.is_empty()
    }

    fn score(&self) -> PageScore {
        PageScore {
            matching: self.matching(),
            exact: self.exact(),
        }
    }
}

/// One labelled page, scored.
pub struct PageFields {
    pub id: String,
    pub url: String,
    /// The dev set's name, the benchmark set and the page type: the groups
    /// the page is counted in.
    pub devset: String,
    pub set: String,
    pub page_type: String,
    pub expected: Fields,
    pub got: Fields,
    pub error: Option<String>,
    pub title: bool,
    pub headings: Pairing,
    pub captions: Pairing,
    /// Over the URLs as sets: [`Fields::related_urls`] of either side with
    /// duplicates (a teaser's image and headline link) removed.
    pub related: Pairing,
    /// The related URLs of each side as `related` indexes them: deduplicated.
    pub expected_urls: Vec<String>,
    pub got_urls: Vec<String>,
}

impl PageFields {
    pub fn score(id: &str, url: &str, expected: Fields, got: Fields) -> PageFields {
        let norm = |list: &[String]| list.iter().map(|s| normalize(s)).collect::<Vec<_>>();
        let title = expected.title.as_deref().map(normalize) == got.title.as_deref().map(normalize);
        let headings = Pairing::of(&norm(&expected.headings), &norm(&got.headings), |_, _| {
            false
        });
        let captions = Pairing::of(
            &norm(&expected.captions),
            &norm(&got.captions),
            caption_shows,
        );
        let expected_urls = unique(&expected.related_urls);
        let got_urls = unique(&got.related_urls);
        let related = Pairing::of(
            &expected_urls
                .iter()
                .map(|u| normalize_url(u))
                .collect::<Vec<_>>(),
            &got_urls
                .iter()
                .map(|u| normalize_url(u))
                .collect::<Vec<_>>(),
            |_, _| false,
        );
        PageFields {
            id: id.to_string(),
            url: url.to_string(),
            devset: String::new(),
            set: DEFAULT_SET.to_string(),
            page_type: DEFAULT_PAGE_TYPE.to_string(),
            expected,
            got,
            error: None,
            title,
            headings,
            captions,
            related,
            expected_urls,
            got_urls,
        }
    }

    /// One number to rank pages by: the mean of the title (0 or 1) and the
    /// per-page F1 of the three lists (1 when both sides are empty).
    pub fn overall(&self) -> f64 {
        let title = if self.title { 1.0 } else { 0.0 };
        (title
            + self.headings.matching().f1()
            + self.captions.matching().f1()
            + self.related.matching().f1())
            / 4.0
    }
}

/// The first spelling of each URL, in order, once per normalised form.
fn unique(urls: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    urls.iter()
        .filter(|u| seen.insert(normalize_url(u)))
        .cloned()
        .collect()
}

/// The dev set's summary: the title's exact-match rate, and for each list the
/// text metric's precision, recall, F1 and share of pages entirely right.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct FieldSummary {
    pub pages: usize,
    pub title: f64,
    pub headings: Summary,
    pub captions: Summary,
    pub related_urls: Summary,
    /// Pages with a label or a prediction, per list (headings, captions,
    /// related URLs). Where none has either, the list's figures are not
    /// defined: the table prints `-`, not a score.
    pub scored_pages: [usize; 3],
}

impl FieldSummary {
    pub fn of(pages: &[PageFields]) -> FieldSummary {
        FieldSummary::of_refs(&pages.iter().collect::<Vec<_>>())
    }

    fn of_refs(pages: &[&PageFields]) -> FieldSummary {
        let list = |field: fn(&PageFields) -> &Pairing| {
            let scores: Vec<PageScore> = pages.iter().map(|p| field(p).score()).collect();
            Summary::of(&scores)
        };
        let titles = pages.iter().filter(|p| p.title).count();
        FieldSummary {
            pages: pages.len(),
            title: if pages.is_empty() {
                0.0
            } else {
                titles as f64 / pages.len() as f64
            },
            headings: list(|p| &p.headings),
            captions: list(|p| &p.captions),
            related_urls: list(|p| &p.related),
            scored_pages: [
                (|p| &p.headings) as fn(&PageFields) -> &Pairing,
                |p| &p.captions,
                |p| &p.related,
            ]
            .map(|field| {
                pages
                    .iter()
                    .filter(|p| {
                        let f = field(p);
                        f.matched + f.missed.len() + f.extra.len() > 0
                    })
                    .count()
            }),
        }
    }
}

/// What a group of pages is grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupBy {
    Devset,
    Set,
    PageType,
}

impl GroupBy {
    pub const ALL: [GroupBy; 3] = [GroupBy::Devset, GroupBy::Set, GroupBy::PageType];

    /// The word for it in tables and JSON keys.
    pub fn key(self) -> &'static str {
        match self {
            GroupBy::Devset => "devset",
            GroupBy::Set => "set",
            GroupBy::PageType => "page_type",
        }
    }

    fn of(self, page: &PageFields) -> &str {
        match self {
            GroupBy::Devset => &page.devset,
            GroupBy::Set => &page.set,
            GroupBy::PageType => &page.page_type,
        }
    }
}

/// The summary of the pages of one dev set, benchmark set or page type.
#[derive(Debug, Clone)]
pub struct Group {
    pub by: GroupBy,
    pub name: String,
    pub summary: FieldSummary,
}

/// pith over the labelled pages.
pub struct FieldRun {
    /// Dev set by dev set, each in its order (by id).
    pub pages: Vec<PageFields>,
    /// Over all pages.
    pub summary: FieldSummary,
    /// Per dev set (in the order given), per benchmark set, per page type
    /// (each by name).
    pub groups: Vec<Group>,
    /// Labelled pages of sets that were not selected, left out.
    pub skipped: usize,
}

impl FieldRun {
    pub fn of(pages: Vec<PageFields>, skipped: usize) -> FieldRun {
        let mut groups = Vec::new();
        for by in GroupBy::ALL {
            let mut names: Vec<&str> = Vec::new();
            for page in &pages {
                if !names.contains(&by.of(page)) {
                    names.push(by.of(page));
                }
            }
            if by != GroupBy::Devset {
                names.sort_unstable();
            }
            for name in names {
                let members: Vec<&PageFields> = pages.iter().filter(|p| by.of(p) == name).collect();
                groups.push(Group {
                    by,
                    name: name.to_string(),
                    summary: FieldSummary::of_refs(&members),
                });
            }
        }
        FieldRun {
            summary: FieldSummary::of(&pages),
            groups,
            pages,
            skipped,
        }
    }

    /// The groups of one kind.
    pub fn groups_by(&self, by: GroupBy) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(move |g| g.by == by)
    }
}

/// Runs pith on every labelled page of every dev set and scores its fields.
/// `sets` are the selected benchmark sets by name; a label of a set not
/// selected is skipped, a label of a page its set lacks is an error (a typo
/// in the dev set), and so is a page labelled in two dev sets.
pub fn run(sets: &BTreeMap<&str, &[Page]>, devsets: &[DevSet]) -> Result<FieldRun, String> {
    let by_id: BTreeMap<(&str, &str), &Page> = sets
        .iter()
        .flat_map(|(set, pages)| pages.iter().map(move |p| ((*set, p.id.as_str()), p)))
        .collect();
    let mut seen: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    let mut labelled: Vec<(&DevSet, &str, &Page, &Label)> = Vec::new();
    let mut skipped = 0;
    for devset in devsets {
        for (id, label) in &devset.labels {
            let key = (label.set.as_str(), id.as_str());
            if let Some(first) = seen.insert(key, &devset.name) {
                return Err(format!(
                    "page {id} of {} is labelled in both {first} and {}",
                    label.set, devset.name
                ));
            }
            if !sets.contains_key(label.set.as_str()) {
                skipped += 1;
                continue;
            }
            let page = by_id.get(&key).ok_or_else(|| {
                format!(
                    "{} labels page {id} of {}, which the benchmark lacks",
                    devset.name, label.set
                )
            })?;
            labelled.push((devset, label.set.as_str(), page, label));
        }
    }
    let scored: Vec<PageFields> = labelled
        .par_iter()
        .map(|(devset, set, page, label)| {
            let (got, error) = match extractors::pith_document(page) {
                Ok(doc) => (Fields::of(&doc), None),
                Err(e) => (Fields::default(), Some(e)),
            };
            let mut scored = PageFields::score(&page.id, &page.url, label.fields.clone(), got);
            scored.error = error;
            scored.devset = devset.name.clone();
            scored.set = set.to_string();
            scored.page_type = label
                .page_type
                .clone()
                .or_else(|| page.meta.page_type.clone())
                .unwrap_or_else(|| DEFAULT_PAGE_TYPE.to_string());
            scored
        })
        .collect();
    Ok(FieldRun::of(scored, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn fields(title: &str, headings: &[&str], captions: &[&str], urls: &[&str]) -> Fields {
        Fields {
            title: Some(title.to_string()),
            headings: strings(headings),
            captions: strings(captions),
            related_urls: strings(urls),
        }
    }

    #[test]
    fn normalize_folds_space_invisibles_and_case() {
        assert_eq!(
            normalize("  The\u{a0}Bottom \n line\u{200B} "),
            "the bottom line"
        );
        assert_eq!(normalize("FAZIT"), normalize("Fazit"));
        assert_eq!(normalize("soft\u{ad}ware"), "software");
        assert_eq!(normalize(" \u{a0} "), "");
        assert_eq!(normalize("Só quem se Ama…"), normalize("Só quem se Ama..."));
        assert_eq!(normalize("“You’re”"), "\"you're\"");
        // Punctuation is kept: "Claim" and "Claim:" differ.
        assert_ne!(normalize("Claim"), normalize("Claim:"));
    }

    #[test]
    fn urls_ignore_scheme_trailing_slash_and_fragment() {
        let a = normalize_url("https://Example.com/news/a/#comments");
        assert_eq!(a, "//example.com/news/a");
        assert_eq!(a, normalize_url("http://example.com/news/a"));
        assert_eq!(normalize_url("https://example.com/"), "//example.com");
        // The query can name another page, so it stays.
        assert_ne!(
            normalize_url("https://example.com/view?id=1"),
            normalize_url("https://example.com/view?id=2")
        );
        assert_eq!(
            normalize_url("https://example.com/a/?x=1#top"),
            "//example.com/a?x=1"
        );
        assert_eq!(normalize_url(" not a url "), "not a url");
    }

    #[test]
    fn captions_may_carry_a_trailing_credit() {
        assert!(caption_shows("a cat.", "a cat."));
        assert!(caption_shows("a cat.", "a cat. (image: getty)"));
        assert!(caption_shows("a cat", "a cat (image: getty)"));
        // Not a longer word, not a different caption.
        assert!(!caption_shows("a cat", "a catapult"));
        assert!(!caption_shows("a cat", "the cat"));
    }

    #[test]
    fn pairing_is_one_to_one_multiset_matching() {
        let p = Pairing::of(
            &strings(&["a", "b", "b", "c"]),
            &strings(&["b", "a", "x", "b", "b"]),
            |_, _| false,
        );
        assert_eq!(p.matched, 3);
        assert_eq!(p.missed, vec![3]);
        assert_eq!(p.extra, vec![2, 4]);
        assert_eq!((p.tp(), p.fp(), p.fn_()), (3, 2, 1));
        let m = p.matching();
        assert!((m.precision() - 0.6).abs() < 1e-12);
        assert!((m.recall() - 0.75).abs() < 1e-12);
    }

    #[test]
    fn exact_pairs_go_first_so_a_close_match_does_not_steal_them() {
        let p = Pairing::of(
            &strings(&["a cat", "a cat. (image: x)"]),
            &strings(&["a cat. (image: x)", "a cat"]),
            caption_shows,
        );
        assert!(p.exact(), "{p:?}");
    }

    #[test]
    fn empty_lists_are_right_and_in_neither_average() {
        let p = Pairing::of(&[], &[], |_, _| false);
        assert!(p.exact());
        let m = p.matching();
        assert_eq!((m.precision(), m.recall()), (1.0, 1.0));
        assert!(!m.counts_for_precision() && !m.counts_for_recall());
        // Something predicted where nothing is labelled: a precision miss only.
        let m = Pairing::of(&[], &strings(&["x"]), |_, _| false).matching();
        assert!(m.counts_for_precision() && !m.counts_for_recall());
        assert_eq!(m.precision(), 0.0);
    }

    #[test]
    fn a_page_is_scored_field_by_field() {
        let expected = fields(
            "Cats at Sea",
            &["Why", "How"],
            &["A cat on deck."],
            &["https://example.com/a/", "https://example.com/b"],
        );
        let got = fields(
            "cats  at\u{a0}sea",
            &["Why", "Share this"],
            &["A cat on deck. Photo: Getty"],
            &[
                "http://example.com/a",
                "http://example.com/a#x",
                "https://example.com/c",
            ],
        );
        let p = PageFields::score("p", "https://example.com/", expected, got);
        assert!(p.title);
        assert_eq!(
            (p.headings.tp(), p.headings.fp(), p.headings.fn_()),
            (1, 1, 1)
        );
        assert!(p.captions.exact());
        // The duplicate link counts once; b is missed, c is extra.
        assert_eq!(p.got_urls.len(), 2);
        assert_eq!((p.related.tp(), p.related.fp(), p.related.fn_()), (1, 1, 1));
        assert!((p.overall() - (1.0 + 0.5 + 1.0 + 0.5) / 4.0).abs() < 1e-12);
    }

    #[test]
    fn a_missing_title_only_matches_a_missing_label() {
        let mut expected = fields("T", &[], &[], &[]);
        let mut got = Fields::default();
        assert!(!PageFields::score("p", "u", expected.clone(), got.clone()).title);
        expected.title = None;
        assert!(PageFields::score("p", "u", expected.clone(), got.clone()).title);
        got.title = Some("T".into());
        assert!(!PageFields::score("p", "u", expected, got).title);
    }

    #[test]
    fn summary_averages_pages_like_the_text_metric() {
        let pages = [
            PageFields::score(
                "a",
                "u",
                fields("T", &["x", "y"], &[], &[]),
                fields("T", &["x", "y"], &[], &[]),
            ),
            PageFields::score(
                "b",
                "u",
                fields("T", &["x", "y"], &[], &[]),
                fields("Other", &["x", "z"], &[], &[]),
            ),
            PageFields::score(
                "c",
                "u",
                fields("T", &[], &[], &[]),
                fields("T", &[], &[], &[]),
            ),
        ];
        let s = FieldSummary::of(&pages);
        assert_eq!(s.pages, 3);
        assert!((s.title - 2.0 / 3.0).abs() < 1e-12);
        // Page c has no headings on either side: it is in neither mean.
        assert_eq!(s.headings.precision, 0.75);
        assert_eq!(s.headings.recall, 0.75);
        assert!((s.headings.accuracy - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.captions.f1, 0.0);
        assert_eq!(s.captions.accuracy, 1.0);
    }

    #[test]
    fn the_dev_set_parses_with_comments_and_refuses_unknown_fields() {
        let labels = parse(
            r#"{"_about": "labels", "p1": {"title": "T", "headings": ["H"],
                "captions": [], "related_urls": ["https://example.com/"]},
                "p2": {"set": "wcxb-dev", "page_type": "forum", "title": null,
                "headings": [], "captions": [], "related_urls": []}}"#,
        )
        .unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels["p1"].fields.headings, ["H"]);
        assert_eq!(labels["p1"].set, DEFAULT_SET);
        assert_eq!(labels["p1"].page_type, None);
        assert_eq!(labels["p2"].set, "wcxb-dev");
        assert_eq!(labels["p2"].page_type.as_deref(), Some("forum"));
        assert!(parse(r#"{"p1": {"title": "T", "heading": []}}"#).is_err());
        assert!(parse(r#"{"p1": {"set": 3, "title": "T"}}"#).is_err());
        assert!(parse(r#"{"p1": []}"#).is_err());
        assert!(parse("[]").is_err());
    }

    fn page(id: &str) -> Page {
        Page {
            id: id.to_string(),
            url: format!("https://example.com/{id}"),
            html: b"<html><head><title>T</title></head><body><h1>T</h1><p>x</p></body></html>"
                .to_vec(),
            truth: String::new(),
            meta: Default::default(),
        }
    }

    fn devset(name: &str, labels: &[(&str, &str, Option<&str>)]) -> DevSet {
        DevSet {
            name: name.to_string(),
            labels: labels
                .iter()
                .map(|(id, set, page_type)| {
                    let label = Label {
                        set: set.to_string(),
                        page_type: page_type.map(str::to_string),
                        fields: fields("T", &[], &[], &[]),
                    };
                    (id.to_string(), label)
                })
                .collect(),
        }
    }

    #[test]
    fn each_page_is_found_in_its_set_and_grouped() {
        let a = [page("1"), page("2")];
        let b = [page("1"), page("9")];
        let sets: BTreeMap<&str, &[Page]> = [("a", &a[..]), ("b", &b[..])].into();
        let one = devset("one.json", &[("1", "a", None), ("2", "a", None)]);
        let two = devset(
            "two.json",
            &[("1", "b", Some("forum")), ("7", "c", Some("forum"))],
        );
        let run = run(&sets, &[one.clone(), two.clone()]).unwrap();
        assert_eq!(run.pages.len(), 3);
        assert_eq!(run.skipped, 1, "set c is not selected");
        assert_eq!(run.summary.pages, 3);
        let names = |by| {
            run.groups_by(by)
                .map(|g| (g.name.as_str(), g.summary.pages))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(GroupBy::Devset), [("one.json", 2), ("two.json", 1)]);
        assert_eq!(names(GroupBy::Set), [("a", 2), ("b", 1)]);
        assert_eq!(names(GroupBy::PageType), [("article", 2), ("forum", 1)]);
        // A page its set lacks is a typo; one page in two dev sets is too.
        let typo = devset("t.json", &[("9", "a", None)]);
        assert!(
            super::run(&sets, &[typo])
                .map(|_| ())
                .unwrap_err()
                .contains("lacks")
        );
        let twice = devset("t.json", &[("2", "a", None)]);
        let err = super::run(&sets, &[one, twice]).map(|_| ()).unwrap_err();
        assert!(err.contains("both one.json and t.json"), "{err}");
    }

    #[test]
    fn the_committed_dev_sets_are_valid() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (file, min) in [
            ("tests/devset.json", 30),
            ("tests/structure-devset.json", 120),
        ] {
            let devset = load(&root.join(file)).unwrap();
            assert!(
                devset.labels.len() >= min,
                "{file}: {} pages",
                devset.labels.len()
            );
            for (id, label) in &devset.labels {
                assert!(!id.is_empty() && !label.set.is_empty(), "{file}: {id}");
                for url in &label.fields.related_urls {
                    assert!(
                        url::Url::parse(url).is_ok(),
                        "{file} {id}: {url} is not absolute"
                    );
                }
            }
        }
    }
}
