//! The integration tests, as one test program: each file beside this one is a
//! module, so cargo builds and links one binary instead of one per file.
//! `cargo test --test it samples` runs one module.
//!
//! - `cli`: the `pith` program end to end (inputs, order, error records, exit codes)
//! - `explain`: `--format explain`, the HTML view of pith's decisions
//! - `formats`: WARC and JSONL inputs, JSON/Markdown/text outputs, `--out-dir`, `--fields`
//! - `robustness`: hostile input, fuzz findings and property tests (never a panic,
//!   always one record)
//! - `samples`: the golden JSON beside each page in `samples/`
//! - `schema`: every record fits the published schema; its generated files are current
//!
//! Proptest keeps shrunk failures beside the source tree it finds: for these
//! modules that is `tests/proptest-regressions/<module>.txt` (its default
//! resolves from this directory, which holds a `main.rs`).

mod cli;
mod common;
mod explain;
mod formats;
mod robustness;
mod samples;
mod schema;
