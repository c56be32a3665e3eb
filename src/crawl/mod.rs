//! Crawl files: WARC and JSON Lines, read as a stream of [`Entry`]s, one per
//! page, each with its bytes (at most the size limit) and what the file says
//! about it (URL, HTTP charset, the row's other fields). Every front end reads
//! crawls through here, so a record's `source`, URL and charset are the same
//! whichever program made it.
//!
//! [`open`] recognises gzip by its magic bytes, not the name, and reads it with
//! a multi-member decoder, so whole-file gzip and gzip per record (as Common
//! Crawl writes WARC) both stream; memory stays one record however large the
//! file.

mod jsonl;
mod read;
mod warc;

use std::collections::BTreeMap;

pub use jsonl::JsonlReader;
pub use read::{open, read_limited};
pub use warc::WarcReader;

/// One page of a crawl file, or the reason a part of the file gave none.
#[derive(Debug)]
pub struct Entry {
    /// The record's source: `<file>#<WARC-Record-ID>` for WARC; for JSONL the
    /// row's `id`, else `<file>:<line>`. For a failure of the file itself
    /// (WARC framing lost), the file.
    pub source: String,
    /// The record's own name inside its file (the WARC record id, else
    /// `record-N`; the JSONL `id`, else the line number), for naming one output
    /// file per record. `None` when the entry stands for the whole file.
    pub key: Option<String>,
    /// The URL the page was fetched from (`WARC-Target-URI`, a JSONL `url`).
    pub url: Option<String>,
    /// The charset of the HTTP `Content-Type` header.
    pub charset: Option<String>,
    /// The JSONL row's other fields, when the reader keeps them.
    pub fields: Option<serde_json::Map<String, serde_json::Value>>,
    /// The page's bytes, or why this record gave none.
    pub html: Result<Vec<u8>, ReadError>,
}

/// Why a record of a crawl file gave no page.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be read, or is not the format here (a malformed
    /// WARC record, a JSONL line that is not an object with the HTML field).
    #[error("{0}")]
    Io(String),
    /// The record is larger than the limit, before or after decompression.
    #[error("input exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
}

impl ReadError {
    /// The contract's `error.kind`: `io` or `too_large`.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Io(_) => "io",
            ReadError::TooLarge { .. } => "too_large",
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(err: std::io::Error) -> Self {
        ReadError::Io(err.to_string())
    }
}

/// Records that were not pages, counted by reason (`request`, `metadata`,
/// `response (image/jpeg)`, …).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Skipped(BTreeMap<String, u64>);

impl Skipped {
    pub(crate) fn add(&mut self, reason: String) {
        *self.0.entry(reason).or_default() += 1;
    }

    /// Adds another count to this one.
    pub fn merge(&mut self, other: &Skipped) {
        for (reason, n) in &other.0 {
            *self.0.entry(reason.clone()).or_default() += n;
        }
    }

    /// How many records were skipped in all.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// The reasons and their counts, by reason.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.0.iter().map(|(reason, n)| (reason.as_str(), *n))
    }
}
