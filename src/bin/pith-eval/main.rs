//! `pith-eval`: pith's accuracy on every benchmark set beside the checkout,
//! beside two Rust Readability ports, by the ScrapingHub metric and WCXB's.
//!
//! Each set is read once ([`bench`](mod@bench)), every extractor runs over it in parallel
//! ([`run`], [`extractors`]), each page is scored by both metrics ([`metric`],
//! [`wcxb`]) and the comparison printed per set, by page type and language
//! ([`report`]). On the pages of the hand-labelled dev sets, pith's title,
//! sub-headings, captions and related links are scored too ([`fields`]). The exit code guards pith's F1 per set and metric against the
//! floors in `.ci/accuracy-floors` ([`floor`]). Method and definitions:
//! `docs/accuracy.md`.

mod bench;
mod extractors;
mod fields;
mod floor;
mod metric;
mod report;
mod run;
mod wcxb;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use crate::bench::Set;
use crate::run::{Metric, Run};

/// Where the floors live when `--floor` is not given, relative to the checkout.
const DEFAULT_FLOOR: &str = ".ci/accuracy-floors";
/// Where the dev sets live when `--devset` is not given, relative to the
/// checkout: the first (ScrapingHub articles) and the structure dev set (all
/// three sets, by page type).
const DEFAULT_DEVSETS: &[&str] = &["tests/devset.json", "tests/structure-devset.json"];
/// Where the sets live when `--bench` is not given: the checkout's sibling.
const DEFAULT_BENCH: &str = "../shared/bench";

/// Scores pith, and the `readability` and `dom_smoothie` crates, on every
/// benchmark set, by the ScrapingHub metric and WCXB's.
///
/// Exit code: 0 when pith's F1 is at or above every floor, 1 when below one,
/// 2 when a set, the floors or the dev set cannot be read, or a set changed
/// under its floor (or went missing).
#[derive(Parser)]
#[command(version)]
struct Args {
    /// A set (a directory with ground-truth.json and `html/<id>.html.gz`) or a
    /// directory of sets; repeatable. [default: ../shared/bench]
    #[arg(long, value_name = "DIR")]
    bench: Vec<PathBuf>,
    /// Score only the set of this name (its directory's name); repeatable.
    #[arg(long, value_name = "NAME")]
    set: Vec<String>,
    /// Per set, list the N pages where pith's F1 (by the set's primary metric)
    /// is lowest, with what it missed and leaked.
    #[arg(long, value_name = "N")]
    worst: Option<usize>,
    /// The floors: lines `set metric floor pages hash` (`#` comments).
    /// [default: .ci/accuracy-floors, skipped if absent]
    #[arg(long, value_name = "FILE")]
    floor: Option<PathBuf>,
    /// Run only this extractor (skips the baselines).
    #[arg(long, value_name = "EXTRACTOR")]
    only: Option<Only>,
    /// Write every page's scores, per set and extractor, to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Bootstrap resamples for the `±` of the ScrapingHub F1 (0 turns it off).
    #[arg(long, value_name = "N", default_value_t = run::BOOTSTRAP_ROUNDS)]
    bootstrap: usize,
    /// Hand labels (title, sub-headings, captions, related URLs) of benchmark
    /// pages, to score pith's structured fields on; repeatable.
    /// [default: tests/devset.json and tests/structure-devset.json, each
    /// skipped if absent]
    #[arg(long, value_name = "FILE")]
    devset: Vec<PathBuf>,
    /// List the N labelled pages (of all dev sets) where pith's fields are
    /// worst, expected vs got.
    #[arg(long, value_name = "N")]
    worst_fields: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Only {
    Pith,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match evaluate(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("pith-eval: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs the evaluation and prints it; `Ok(false)` when pith is below a floor.
fn evaluate(args: &Args) -> Result<bool, String> {
    // Read the floors, the labels and the sets first, and check the floors
    // still apply: a broken file or a moved benchmark should not cost a full run.
    let floors = floor::read(args.floor.as_deref(), Path::new(DEFAULT_FLOOR))?;
    let devsets = read_devsets(&args.devset)?;
    let (dirs, complete) = select_sets(&args.bench, &args.set)?;
    let sets: Vec<Set> = dirs
        .iter()
        .map(|dir| bench::load(dir))
        .collect::<Result<_, _>>()?;
    if let Some(floors) = &floors {
        let loaded = sets
            .iter()
            .map(|s| (s.name.as_str(), s.fingerprint))
            .collect();
        floor::check_sets(floors, &loaded, complete)?;
    }

    let mut extractors = vec![extractors::PITH];
    if args.only.is_none() {
        extractors.extend(extractors::BASELINES);
    }
    // Extractor panics are caught and scored as failures; the default hook
    // would still print each one over the table.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut scored: Vec<(Set, Vec<Run>)> = Vec::new();
    for set in sets {
        let runs: Vec<Run> = extractors
            .iter()
            .map(|e| run::run(*e, &set.name, &set.pages, args.bootstrap))
            .collect();
        print_set(&set, &runs, args);
        scored.push((set, runs));
    }
    let selected = scored
        .iter()
        .map(|(set, _)| (set.name.as_str(), set.pages.as_slice()))
        .collect();
    let field_run = (!devsets.is_empty()).then(|| fields::run(&selected, &devsets));
    std::panic::set_hook(hook);
    let field_run = field_run.transpose()?;
    print_fields(field_run.as_ref(), args);

    if let Some(path) = &args.json {
        std::fs::write(path, report::json(&scored, field_run.as_ref()))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }

    println!();
    let Some(floors) = floors else {
        println!("floor: none ({DEFAULT_FLOOR} not found)");
        return Ok(true);
    };
    let pith: BTreeMap<&str, &Run> = scored
        .iter()
        .map(|(set, runs)| (set.name.as_str(), &runs[0]))
        .collect();
    let (lines, pass) = floor::gate(&floors, &pith);
    print!("{lines}");
    Ok(pass)
}

/// The set directories to score, by name, and whether they are all the sets
/// there are (no `--set`, no set picked out by its own directory): only then
/// is a floor's set missing from them an error.
fn select_sets(bench: &[PathBuf], names: &[String]) -> Result<(Vec<PathBuf>, bool), String> {
    let default = [PathBuf::from(DEFAULT_BENCH)];
    let given = if bench.is_empty() {
        &default[..]
    } else {
        bench
    };
    let mut dirs = Vec::new();
    let mut complete = names.is_empty();
    for dir in given {
        if dir.join("ground-truth.json").is_file() {
            dirs.push(dir.clone());
            complete = false;
        } else {
            dirs.extend(bench::discover(dir)?);
        }
    }
    if !names.is_empty() {
        for name in names {
            if !dirs.iter().any(|d| bench::set_name(d) == *name) {
                return Err(format!("no set named {name} in the benchmarks"));
            }
        }
        dirs.retain(|d| names.contains(&bench::set_name(d)));
    }
    let mut seen = std::collections::BTreeSet::new();
    if let Some(twice) = dirs.iter().find(|d| !seen.insert(bench::set_name(d))) {
        return Err(format!(
            "two sets named {}: set names must differ",
            bench::set_name(twice)
        ));
    }
    Ok((dirs, complete))
}

/// One set's tables: extractors by both metrics, snippets, the groups of
/// `meta.json`, and the worst pages.
fn print_set(set: &Set, runs: &[Run], args: &Args) {
    println!();
    print!("{}", report::set_header(set, args.bootstrap));
    print!("{}", report::table(runs));
    let snippets = report::snippet_table(runs);
    if !snippets.is_empty() {
        println!();
        print!("{snippets}");
    }
    if set.has_meta {
        print!("{}", report::breakdowns(&set.name, &set.pages, runs));
        print!(
            "{}",
            report::page_type_table(&set.name, &set.pages, &runs[0])
        );
    }
    if let Some(n) = args.worst {
        println!();
        let by = Metric::primary_for(&set.name);
        print!("{}", report::worst(&runs[0], &set.pages, n, by));
    }
}

/// pith's structured fields on the dev sets, or a line saying why there are none.
fn print_fields(field_run: Option<&fields::FieldRun>, args: &Args) {
    println!();
    let Some(field_run) = field_run else {
        println!(
            "fields: no dev set ({} not found)",
            DEFAULT_DEVSETS.join(", ")
        );
        return;
    };
    if field_run.pages.is_empty() {
        println!("fields: not scored (no labelled page is in a selected set)");
        return;
    }
    let devsets: Vec<&str> = field_run
        .groups_by(fields::GroupBy::Devset)
        .map(|g| g.name.as_str())
        .collect();
    println!(
        "pith's structured fields on {} hand-labelled pages of {}; \
         per-page precision and recall averaged as the ScrapingHub metric",
        field_run.pages.len(),
        devsets.join(", ")
    );
    if field_run.skipped > 0 {
        println!(
            "({} labelled pages of sets not selected left out)",
            field_run.skipped
        );
    }
    print!("{}", report::field_table(field_run));
    println!();
    print!("{}", report::field_groups(field_run));
    if let Some(n) = args.worst_fields {
        println!();
        print!("{}", report::worst_fields(field_run, n));
    }
}

/// The dev sets: the files given, each of which must exist, or the default
/// files that exist.
fn read_devsets(given: &[PathBuf]) -> Result<Vec<fields::DevSet>, String> {
    if !given.is_empty() {
        return given.iter().map(|path| fields::load(path)).collect();
    }
    DEFAULT_DEVSETS
        .iter()
        .map(Path::new)
        .filter(|path| path.exists())
        .map(fields::load)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_dev_set_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("devset.json");
        assert!(read_devsets(std::slice::from_ref(&missing)).is_err());
        std::fs::write(
            &missing,
            r#"{"_about": "t", "p": {"title": "T", "headings": [], "captions": [], "related_urls": []}}"#,
        )
        .unwrap();
        let devsets = read_devsets(&[missing.clone(), missing]).unwrap();
        assert_eq!(devsets.len(), 2);
        assert_eq!(devsets[0].name, "devset.json");
        assert_eq!(devsets[0].labels.len(), 1);
    }

    #[test]
    fn sets_are_found_under_a_root_or_named_directly() {
        let root = tempfile::tempdir().unwrap();
        for name in ["alpha", "beta"] {
            let dir = root.path().join(name);
            std::fs::create_dir(&dir).unwrap();
            std::fs::write(dir.join("ground-truth.json"), "{}").unwrap();
        }
        let names = |(dirs, complete): (Vec<PathBuf>, bool)| {
            let names: Vec<String> = dirs.iter().map(|d| bench::set_name(d)).collect();
            (names, complete)
        };
        let all = select_sets(&[root.path().to_path_buf()], &[]).unwrap();
        assert_eq!(names(all), (vec!["alpha".into(), "beta".into()], true));
        let one = select_sets(&[root.path().to_path_buf()], &["beta".into()]).unwrap();
        assert_eq!(names(one), (vec!["beta".into()], false));
        let direct = select_sets(&[root.path().join("alpha")], &[]).unwrap();
        assert_eq!(names(direct), (vec!["alpha".into()], false));
        assert!(select_sets(&[root.path().to_path_buf()], &["gamma".into()]).is_err());
        let twice = [root.path().to_path_buf(), root.path().join("alpha")];
        assert!(select_sets(&twice, &[]).unwrap_err().contains("two sets"));
    }

    #[test]
    fn the_cli_parses() {
        use clap::CommandFactory;
        Args::command().debug_assert();
        let args = Args::try_parse_from(["pith-eval", "--only", "pith", "--worst", "3"]).unwrap();
        assert!(args.only.is_some());
        assert!(args.devset.is_empty() && args.worst_fields.is_none());
        assert!(args.bench.is_empty() && args.set.is_empty());
        let args = Args::try_parse_from([
            "pith-eval",
            "--bench",
            "a",
            "--bench",
            "b",
            "--set",
            "fundus",
            "--devset",
            "labels.json",
            "--devset",
            "more.json",
            "--worst-fields",
            "4",
        ])
        .unwrap();
        assert_eq!(args.bench, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(args.set, ["fundus"]);
        assert_eq!(
            args.devset,
            [PathBuf::from("labels.json"), PathBuf::from("more.json")]
        );
        assert_eq!(args.worst_fields, Some(4));
        assert!(Args::try_parse_from(["pith-eval", "--only", "tika"]).is_err());
    }
}
