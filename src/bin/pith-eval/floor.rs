//! The accuracy gate: the lowest F1 pith may score, per set and metric, read
//! from one file, each floor tied to the truth it was measured on.
//!
//! A line is `set metric floor pages hash`: the set's directory name, the
//! metric (`scrapinghub` or `wcxb`), the floor in 0..=1, and the set's
//! fingerprint when the floor was set (its page count and the FNV-1a 64 of its
//! `ground-truth.json`, 16 hex digits). A floor below which pith falls fails the
//! run (exit 1). A floor whose set changed (another fingerprint) or vanished
//! means nothing any more, and is an error of its own (exit 2): the benchmark
//! moved under the floor, and someone must re-measure and say so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::bench::Fingerprint;
use crate::run::{Metric, Run};

/// One line of the floors file.
#[derive(Debug, Clone, PartialEq)]
pub struct Floor {
    pub set: String,
    pub metric: Metric,
    pub value: f64,
    pub fingerprint: Fingerprint,
}

/// The floors and the file they came from.
pub struct Floors {
    pub floors: Vec<Floor>,
    pub path: PathBuf,
}

/// Reads the floors. The default file may be absent (no gate); a file named
/// with `--floor` must exist.
pub fn read(given: Option<&Path>, default: &Path) -> Result<Option<Floors>, String> {
    let path = given.unwrap_or(default);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if given.is_none() && e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the floors {}: {e}", path.display())),
    };
    let floors = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(Floors {
        floors,
        path: path.to_path_buf(),
    }))
}

/// The floors of `text`; blank lines and `#` lines are comments. A set and
/// metric named twice is an error: which one would hold?
pub fn parse(text: &str) -> Result<Vec<Floor>, String> {
    let mut floors: Vec<Floor> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let floor = parse_line(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        if floors
            .iter()
            .any(|f| f.set == floor.set && f.metric == floor.metric)
        {
            return Err(format!(
                "line {}: a second floor for {} by {}",
                i + 1,
                floor.set,
                floor.metric.key()
            ));
        }
        floors.push(floor);
    }
    if floors.is_empty() {
        return Err("no floor (lines like `scrapinghub scrapinghub 0.982 181 <hash>`)".into());
    }
    Ok(floors)
}

fn parse_line(line: &str) -> Result<Floor, String> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    let [set, metric, value, pages, hash] = fields[..] else {
        return Err(format!(
            "expected `set metric floor pages hash`, not {line:?}"
        ));
    };
    let metric = Metric::from_key(metric)
        .ok_or_else(|| format!("unknown metric {metric:?} (scrapinghub or wcxb)"))?;
    let value = match value.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => v,
        _ => {
            return Err(format!(
                "the floor must be a number from 0 to 1, not {value:?}"
            ));
        }
    };
    let pages = pages
        .parse::<usize>()
        .map_err(|_| format!("the page count must be a whole number, not {pages:?}"))?;
    let hash = match u64::from_str_radix(hash, 16) {
        Ok(h) if hash.len() == 16 => h,
        _ => return Err(format!("the hash must be 16 hex digits, not {hash:?}")),
    };
    Ok(Floor {
        set: set.to_string(),
        metric,
        value,
        fingerprint: Fingerprint { pages, hash },
    })
}

/// The fingerprint as the file writes it: `pages hash`.
pub fn show(fingerprint: Fingerprint) -> String {
    format!("{} {:016x}", fingerprint.pages, fingerprint.hash)
}

/// Whether the floors still apply to the sets at hand: every floor's set
/// loaded must have the fingerprint the floor was measured on, and, when
/// `complete` (every set was looked for, none picked out), every floor's set
/// must be there. The error says which and what to do.
pub fn check_sets(
    floors: &Floors,
    loaded: &BTreeMap<&str, Fingerprint>,
    complete: bool,
) -> Result<(), String> {
    let mut problems = Vec::new();
    for floor in &floors.floors {
        match loaded.get(floor.set.as_str()) {
            Some(&now) if now != floor.fingerprint => problems.push(format!(
                "the set {} changed under its floors: they were measured on {}, \
                 the set is now {} (pages, FNV-1a 64 of ground-truth.json); \
                 re-measure and update its lines",
                floor.set,
                show(floor.fingerprint),
                show(now)
            )),
            None if complete => problems.push(format!(
                "the set {} has floors but is missing from the benchmarks",
                floor.set
            )),
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        // One line per set, not per metric.
        let mut seen = std::collections::BTreeSet::new();
        problems.retain(|p| seen.insert(p.clone()));
        Err(format!(
            "{}:\n  {}",
            floors.path.display(),
            problems.join("\n  ")
        ))
    }
}

/// The gate's lines, one per floor and per set without one, and whether pith
/// is at or above every floor of the sets it ran on. `pith` maps a set's name
/// to pith's run on it.
pub fn gate(floors: &Floors, pith: &BTreeMap<&str, &Run>) -> (String, bool) {
    let mut out = String::new();
    let mut pass = true;
    for floor in &floors.floors {
        let key = format!("{} by {}", floor.set, floor.metric.key());
        let Some(run) = pith.get(floor.set.as_str()) else {
            out += &format!(
                "floor {key}: {:.3} not checked (set not selected)\n",
                floor.value
            );
            continue;
        };
        let f1 = floor.metric.f1(run);
        if f1 < floor.value {
            pass = false;
            out += &format!(
                "FAIL: floor {key}: pith's F1 {f1:.4} is below the floor {:.3}\n",
                floor.value
            );
        } else {
            out += &format!(
                "floor {key}: {:.3}; pith's F1 {f1:.4} is at or above it\n",
                floor.value
            );
        }
    }
    for set in pith.keys() {
        if !floors.floors.iter().any(|f| f.set == *set) {
            out += &format!("floor {set}: none in {}\n", floors.path.display());
        }
    }
    (out, pass)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::summarize;
    use std::time::Duration;

    const FILE: &str = "# set metric floor pages hash\n\n\
        alpha scrapinghub 0.900 3 00000000000000ff\n\
        alpha wcxb        0.800 3 00000000000000ff\n\
        beta  wcxb        0.500 2 0123456789abcdef\n";

    fn floors() -> Floors {
        Floors {
            floors: parse(FILE).unwrap(),
            path: PathBuf::from("floors"),
        }
    }

    fn fp(pages: usize, hash: u64) -> Fingerprint {
        Fingerprint { pages, hash }
    }

    #[test]
    fn lines_are_set_metric_floor_and_fingerprint() {
        let f = parse(FILE).unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!(
            f[2],
            Floor {
                set: "beta".into(),
                metric: Metric::Wcxb,
                value: 0.5,
                fingerprint: fp(2, 0x0123_4567_89ab_cdef),
            }
        );
        assert_eq!(show(f[2].fingerprint), "2 0123456789abcdef");
    }

    #[test]
    fn bad_lines_are_refused() {
        assert!(parse("# only a comment\n").is_err());
        assert!(parse("0.982\n").is_err());
        assert!(parse("a bleu 0.9 1 00000000000000ff\n").is_err());
        assert!(parse("a wcxb 1.5 1 00000000000000ff\n").is_err());
        assert!(parse("a wcxb 0.9 x 00000000000000ff\n").is_err());
        assert!(parse("a wcxb 0.9 1 ff\n").is_err());
        let twice = "a wcxb 0.9 1 00000000000000ff\na wcxb 0.8 1 00000000000000ff\n";
        assert!(parse(twice).unwrap_err().contains("second floor"));
    }

    #[test]
    fn the_default_file_may_be_absent_but_a_given_one_may_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("floors");
        assert!(read(None, &missing).unwrap().is_none());
        assert!(read(Some(&missing), &missing).is_err());
        std::fs::write(&missing, FILE).unwrap();
        assert_eq!(
            read(Some(&missing), &missing)
                .unwrap()
                .unwrap()
                .floors
                .len(),
            3
        );
    }

    #[test]
    fn a_changed_or_missing_set_is_refused() {
        let f = floors();
        let both = BTreeMap::from([
            ("alpha", fp(3, 0xff)),
            ("beta", fp(2, 0x0123_4567_89ab_cdef)),
        ]);
        assert!(check_sets(&f, &both, true).is_ok());
        let changed = BTreeMap::from([
            ("alpha", fp(3, 0xfe)),
            ("beta", fp(2, 0x0123_4567_89ab_cdef)),
        ]);
        let e = check_sets(&f, &changed, true).unwrap_err();
        assert!(
            e.contains("alpha changed") && e.contains("3 00000000000000fe"),
            "{e}"
        );
        let only_alpha = BTreeMap::from([("alpha", fp(3, 0xff))]);
        assert!(
            check_sets(&f, &only_alpha, true)
                .unwrap_err()
                .contains("beta")
        );
        // Picked out by the user: beta is simply not checked.
        assert!(check_sets(&f, &only_alpha, false).is_ok());
    }

    fn run_scoring(truth_and_output: &[(&str, &str)]) -> Run {
        let pages = truth_and_output
            .iter()
            .map(|(truth, output)| {
                let page = crate::bench::Page {
                    id: "p".into(),
                    url: String::new(),
                    html: Vec::new(),
                    truth: truth.to_string(),
                    meta: Default::default(),
                };
                crate::run::score(&page, output.to_string(), None, Duration::ZERO)
            })
            .collect();
        summarize("pith", pages, Duration::ZERO, 0)
    }

    #[test]
    fn the_gate_fails_below_any_floor() {
        let f = floors();
        let perfect = run_scoring(&[("a b c d e", "a b c d e")]);
        let half = run_scoring(&[("a b c d e", "a b c d e"), ("a b c d e", "")]);
        let (out, pass) = gate(&f, &BTreeMap::from([("alpha", &perfect)]));
        assert!(pass, "{out}");
        assert!(out.contains("beta by wcxb: 0.500 not checked"), "{out}");
        let (out, pass) = gate(&f, &BTreeMap::from([("alpha", &perfect), ("beta", &half)]));
        assert!(pass, "wcxb F1 0.5 is at the floor: {out}");
        let (out, pass) = gate(&f, &BTreeMap::from([("alpha", &half), ("gamma", &half)]));
        assert!(!pass);
        assert!(
            out.contains("FAIL: floor alpha by wcxb: pith's F1 0.5000"),
            "{out}"
        );
        assert!(out.contains("floor gamma: none"), "{out}");
    }
}
