//! What a script reads: every set's per-page scores, per extractor, by both
//! metrics (and WCXB's snippets where the set has them); and pith's structured
//! fields per labelled page, when there is a dev set.

use std::collections::BTreeMap;

use super::page_types::{Confusion, confusion};
use crate::bench::Set;
use crate::fields::{FieldRun, FieldSummary, GroupBy, Pairing};
use crate::metric::{Matching, Summary};
use crate::run::{Metric, Run};
use crate::wcxb::{Snippets, WordScore, WordSummary};

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    sets: BTreeMap<&'a str, JsonSet<'a>>,
    /// pith's structured fields on the dev set, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<JsonFields<'a>>,
}

#[derive(serde::Serialize)]
struct JsonSet<'a> {
    dir: String,
    pages: usize,
    /// The page count and FNV-1a 64 of `ground-truth.json`, as the floors hold it.
    fingerprint: String,
    /// The metric `--worst` ranks by on this set.
    primary_metric: &'static str,
    extractors: BTreeMap<&'a str, JsonRun<'a>>,
    /// pith's page type against the labels, when the set has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    page_type: Option<Confusion>,
}

#[derive(serde::Serialize)]
struct JsonFields<'a> {
    /// Over all labelled pages.
    summary: FieldSummary,
    /// Per `devset`, `set` and `page_type`, by name.
    groups: BTreeMap<&'static str, BTreeMap<&'a str, FieldSummary>>,
    /// By page id (`set/id` for an id labelled in two sets).
    pages: BTreeMap<String, JsonPageFields<'a>>,
}

#[derive(serde::Serialize)]
struct JsonPageFields<'a> {
    devset: &'a str,
    set: &'a str,
    page_type: &'a str,
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
        let mut sets_of_id: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &run.pages {
            *sets_of_id.entry(p.id.as_str()).or_default() += 1;
        }
        let pages = run
            .pages
            .iter()
            .map(|p| {
                let page = JsonPageFields {
                    devset: &p.devset,
                    set: &p.set,
                    page_type: &p.page_type,
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
                let key = match sets_of_id[p.id.as_str()] {
                    1 => p.id.clone(),
                    _ => format!("{}/{}", p.set, p.id),
                };
                (key, page)
            })
            .collect();
        let groups = GroupBy::ALL
            .iter()
            .map(|by| {
                let named = run
                    .groups_by(*by)
                    .map(|g| (g.name.as_str(), g.summary))
                    .collect();
                (by.key(), named)
            })
            .collect();
        JsonFields {
            summary: run.summary,
            groups,
            pages,
        }
    }
}

#[derive(serde::Serialize)]
struct JsonRun<'a> {
    /// By the ScrapingHub metric.
    summary: Summary,
    std: Option<Summary>,
    /// By WCXB's metric.
    wcxb: WordSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippets: Option<Snippets>,
    errors: usize,
    seconds: f64,
    pages: BTreeMap<&'a str, JsonPage<'a>>,
}

/// One page: the ScrapingHub metric's numbers at the top (as before WCXB's
/// metric came), WCXB's under `wcxb`.
#[derive(serde::Serialize)]
struct JsonPage<'a> {
    precision: f64,
    recall: f64,
    f1: f64,
    exact: bool,
    #[serde(flatten)]
    matching: Matching,
    wcxb: WordScore,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippets: Option<Snippets>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    error: Option<&'a str>,
    millis: f64,
}

fn json_run<'a>(set: &'a Set, run: &'a Run) -> JsonRun<'a> {
    let has_snippets = run.snippets.with + run.snippets.without > 0;
    let pages = set
        .pages
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
                wcxb: r.words,
                snippets: has_snippets.then_some(r.snippets),
                page_type: page.meta.page_type.as_deref(),
                lang: page.meta.lang.as_deref(),
                error: r.error.as_deref(),
                millis: r.elapsed.as_secs_f64() * 1000.0,
            };
            (page.id.as_str(), scores)
        })
        .collect();
    JsonRun {
        summary: run.summary,
        std: run.std,
        wcxb: run.words,
        snippets: has_snippets.then_some(run.snippets),
        errors: run.errors(),
        seconds: run.wall.as_secs_f64(),
        pages,
    }
}

/// Per-page scores of every run of every set, keyed by set, extractor, page
/// id; and pith's structured fields per labelled page, when there is a dev set.
pub fn json(sets: &[(Set, Vec<Run>)], fields: Option<&FieldRun>) -> String {
    let sets = sets
        .iter()
        .map(|(set, runs)| {
            let extractors = runs
                .iter()
                .map(|run| (run.name, json_run(set, run)))
                .collect();
            let json_set = JsonSet {
                dir: set.dir.display().to_string(),
                pages: set.pages.len(),
                fingerprint: crate::floor::show(set.fingerprint),
                primary_metric: Metric::primary_for(&set.name).key(),
                extractors,
                page_type: runs.first().and_then(|pith| confusion(&set.pages, pith)),
            };
            (set.name.as_str(), json_set)
        })
        .collect();
    let report = JsonReport {
        sets,
        fields: fields.map(JsonFields::of),
    };
    // Plain data of floats, strings and maps with string keys: cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::Fingerprint;
    use crate::report::fields::tests::field_fixture;
    use crate::report::tests::fixture;

    fn set() -> (Set, Vec<Run>) {
        let (pages, run) = fixture();
        let set = Set {
            name: "demo".into(),
            dir: "bench/demo".into(),
            pages,
            fingerprint: Fingerprint {
                pages: 3,
                hash: 0xabc,
            },
            has_meta: true,
        };
        (set, vec![run])
    }

    #[test]
    fn json_has_every_page_of_every_set() {
        let v: serde_json::Value = serde_json::from_str(&json(&[set()], None)).unwrap();
        let demo = &v["sets"]["demo"];
        assert_eq!(demo["pages"], 3);
        assert_eq!(demo["fingerprint"], "3 0000000000000abc");
        assert_eq!(demo["primary_metric"], "scrapinghub");
        let pith = &demo["extractors"]["pith"];
        assert_eq!(pith["pages"]["good"]["exact"], true);
        assert_eq!(pith["pages"]["failed"]["fn"], 1.0);
        assert_eq!(pith["pages"]["failed"]["wcxb"]["f1"], 0.0);
        assert_eq!(pith["pages"]["bad"]["wcxb"]["precision"], 0.75);
        assert_eq!(pith["pages"]["bad"]["snippets"]["without_leaked"], 1);
        assert_eq!(pith["pages"]["good"]["page_type"], "article");
        assert!(pith["pages"]["good"]["error"].is_null());
        assert_eq!(pith["snippets"]["with"], 3);
        assert!(v.get("fields").is_none());
    }

    #[test]
    fn json_has_the_fields_of_every_labelled_page() {
        let fields = field_fixture();
        let v: serde_json::Value = serde_json::from_str(&json(&[set()], Some(&fields))).unwrap();
        let bad = &v["fields"]["pages"]["bad"];
        assert_eq!(bad["title"]["correct"], false);
        assert_eq!(bad["title"]["got"], "Tides | Example News");
        assert_eq!(bad["headings"]["tp"], 1);
        assert_eq!(bad["headings"]["missed"][0], "How");
        assert_eq!(v["fields"]["summary"]["title"], 0.5);
        assert_eq!(v["fields"]["pages"]["good"]["related_urls"]["f1"], 1.0);
        assert_eq!(v["fields"]["pages"]["good"]["set"], "scrapinghub");
        assert_eq!(v["fields"]["groups"]["page_type"]["article"]["pages"], 2);
    }
}
