//! `pith-eval`: pith's accuracy on the scrapinghub article-extraction benchmark,
//! beside two Rust Readability ports, with the benchmark's own metric.
//!
//! The benchmark's pages are read once ([`bench`]), every extractor runs over them
//! in parallel ([`run`], [`extractors`]), each page is scored ([`metric`]) and the
//! comparison printed ([`report`]). On the pages of the hand-labelled dev set,
//! pith's title, sub-headings, captions and related links are scored too
//! ([`fields`]). The exit code guards pith's text F1 against the floor in
//! `.ci/accuracy-floor`. Method and definitions: `docs/accuracy.md`.

mod bench;
mod extractors;
mod fields;
mod metric;
mod report;
mod run;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

/// Where the floor lives when `--floor` is not given, relative to the checkout.
const DEFAULT_FLOOR: &str = ".ci/accuracy-floor";
/// Where the dev set lives when `--devset` is not given, relative to the checkout.
const DEFAULT_DEVSET: &str = "tests/devset.json";

/// Scores pith, and the `readability` and `dom_smoothie` crates, on the
/// scrapinghub article-extraction benchmark.
///
/// Exit code: 0 when pith's F1 is at or above the floor, 1 when below it,
/// 2 when the benchmark or the floor file cannot be read.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The benchmark: DIR/ground-truth.json and DIR/html/<id>.html.gz.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/bench/scrapinghub"
    )]
    bench: PathBuf,
    /// List the N pages where pith's F1 is lowest, with what it missed and leaked.
    #[arg(long, value_name = "N")]
    worst: Option<usize>,
    /// A file holding the lowest F1 pith may score (one number; `#` comments).
    /// [default: .ci/accuracy-floor, skipped if absent]
    #[arg(long, value_name = "FILE")]
    floor: Option<PathBuf>,
    /// Run only this extractor (skips the baselines).
    #[arg(long, value_name = "EXTRACTOR")]
    only: Option<Only>,
    /// Write every page's scores, per extractor, to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Bootstrap resamples for the `±` of F1 (0 turns it off).
    #[arg(long, value_name = "N", default_value_t = run::BOOTSTRAP_ROUNDS)]
    bootstrap: usize,
    /// Hand labels (title, sub-headings, captions, related URLs) of some pages,
    /// to score pith's structured fields on.
    /// [default: tests/devset.json, skipped if absent]
    #[arg(long, value_name = "FILE")]
    devset: Option<PathBuf>,
    /// List the N labelled pages where pith's fields are worst, expected vs got.
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

/// Runs the evaluation and prints it; `Ok(false)` when pith is below the floor.
fn evaluate(args: &Args) -> Result<bool, String> {
    // Read the floor and the labels first: a broken file should not cost a full run.
    let floor = read_floor(args.floor.as_deref())?;
    let labels = read_devset(args.devset.as_deref())?;
    let pages = bench::load(&args.bench)?;

    let mut extractors = vec![extractors::PITH];
    if args.only.is_none() {
        extractors.extend(extractors::BASELINES);
    }
    // Extractor panics are caught and scored as failures; the default hook
    // would still print each one over the table.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let runs: Vec<run::Run> = extractors
        .into_iter()
        .map(|e| run::run(e, &pages, args.bootstrap))
        .collect();
    let field_run = labels
        .as_ref()
        .map(|(labels, _)| fields::run(&pages, labels))
        .transpose();
    std::panic::set_hook(hook);
    let field_run = field_run?;

    println!(
        "{} pages of {}; scrapinghub article-extraction-benchmark metric{}",
        pages.len(),
        args.bench.display(),
        if args.bootstrap >= 2 {
            format!("; F1 ± bootstrap std over {} resamples", args.bootstrap)
        } else {
            String::new()
        }
    );
    print!("{}", report::table(&runs));
    let pith = &runs[0];
    if let Some(n) = args.worst {
        println!();
        print!("{}", report::worst(pith, &pages, n));
    }
    match (&field_run, &labels) {
        (Some(field_run), Some((_, path))) => {
            println!();
            println!(
                "pith's structured fields on {} hand-labelled pages of {}; \
                 per-page precision and recall averaged as above",
                field_run.pages.len(),
                path.display()
            );
            print!("{}", report::field_table(field_run));
            if let Some(n) = args.worst_fields {
                println!();
                print!("{}", report::worst_fields(field_run, n));
            }
        }
        _ => {
            println!();
            println!("fields: no dev set ({DEFAULT_DEVSET} not found)");
        }
    }
    if let Some(path) = &args.json {
        std::fs::write(path, report::json(&runs, &pages, field_run.as_ref()))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }

    println!();
    match floor {
        None => {
            println!("floor: none ({DEFAULT_FLOOR} not found)");
            Ok(true)
        }
        Some((value, path)) if pith.summary.f1 < value => {
            println!(
                "FAIL: pith's F1 {:.4} is below the floor {value:.3} set in {}",
                pith.summary.f1,
                path.display()
            );
            Ok(false)
        }
        Some((value, path)) => {
            println!(
                "floor: {value:.3} ({}); pith's F1 {:.4} is at or above it",
                path.display(),
                pith.summary.f1
            );
            Ok(true)
        }
    }
}

/// The floor and the file it came from. The default file may be absent (no
/// floor); a file named with `--floor` must exist.
fn read_floor(given: Option<&Path>) -> Result<Option<(f64, PathBuf)>, String> {
    let path = given.unwrap_or(Path::new(DEFAULT_FLOOR));
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if given.is_none() && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the floor {}: {e}", path.display())),
    };
    let value = parse_floor(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some((value, path.to_path_buf())))
}

/// The dev set and the file it came from. The default file may be absent (no
/// field scores); a file named with `--devset` must exist.
type Labels = (std::collections::BTreeMap<String, fields::Fields>, PathBuf);

fn read_devset(given: Option<&Path>) -> Result<Option<Labels>, String> {
    let path = given.unwrap_or(Path::new(DEFAULT_DEVSET));
    if given.is_none() && !path.exists() {
        return Ok(None);
    }
    Ok(Some((fields::load(path)?, path.to_path_buf())))
}

/// One number in 0..=1 on its own line; blank lines and `#` lines are comments.
fn parse_floor(text: &str) -> Result<f64, String> {
    let mut values = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'));
    let line = values
        .next()
        .ok_or("no floor value (one number like 0.900)")?;
    if values.next().is_some() {
        return Err("more than one floor value".to_string());
    }
    match line.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "the floor must be a number from 0 to 1, not {line:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_is_the_one_uncommented_number() {
        assert_eq!(parse_floor("# why\n\n0.900\n# pinned by\n"), Ok(0.9));
        assert_eq!(parse_floor("  0.0  "), Ok(0.0));
    }

    #[test]
    fn bad_floors_are_refused() {
        assert!(parse_floor("# only a comment\n").is_err());
        assert!(parse_floor("0.9\n0.8\n").is_err());
        assert!(parse_floor("90%\n").is_err());
        assert!(parse_floor("1.5\n").is_err());
    }

    #[test]
    fn the_default_floor_may_be_absent_but_a_given_one_may_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("floor");
        assert!(read_floor(Some(&missing)).is_err());
        std::fs::write(&missing, "# test\n0.5\n").unwrap();
        assert_eq!(read_floor(Some(&missing)), Ok(Some((0.5, missing.clone()))));
    }

    #[test]
    fn the_default_dev_set_may_be_absent_but_a_given_one_may_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("devset.json");
        assert!(read_devset(Some(&missing)).is_err());
        std::fs::write(
            &missing,
            r#"{"_about": "t", "p": {"title": "T", "headings": [], "captions": [], "related_urls": []}}"#,
        )
        .unwrap();
        let (labels, path) = read_devset(Some(&missing)).unwrap().unwrap();
        assert_eq!(labels.len(), 1);
        assert_eq!(path, missing);
    }

    #[test]
    fn the_cli_parses() {
        use clap::CommandFactory;
        Args::command().debug_assert();
        let args = Args::try_parse_from(["pith-eval", "--only", "pith", "--worst", "3"]).unwrap();
        assert!(args.only.is_some());
        assert!(args.devset.is_none() && args.worst_fields.is_none());
        let args = Args::try_parse_from([
            "pith-eval",
            "--devset",
            "labels.json",
            "--worst-fields",
            "4",
        ])
        .unwrap();
        assert_eq!(args.devset.as_deref(), Some(Path::new("labels.json")));
        assert_eq!(args.worst_fields, Some(4));
        assert_eq!(args.bench, Path::new("../shared/bench/scrapinghub"));
        assert!(Args::try_parse_from(["pith-eval", "--only", "tika"]).is_err());
    }
}
