//! The record: one JSON object per input, as every front end writes it, and
//! every record has the same keys, so a reader that infers a table from the
//! first lines (DuckDB, polars, pyarrow, Spark) types every column right
//! whatever comes later.
//!
//! The keys, in order: `source` (where the page came from), `input` (the
//! fields of the crawl row it came in, only when the caller keeps them, and
//! then on every record of the run), `error` (`null`, or the contract's `kind`
//! and a message), then the document's fields. A page that gave no document
//! has the empty document's fields: `null` for facts, `[]` for lists, `""`
//! and `0` for the text and its word count, zero `stripped` counts. Its
//! `error` says it failed; test that, not the text. [`crate::schema`]
//! describes the shape.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::document::Document;

/// One output record, ready to serialize with `serde_json`.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// Where the page came from: a path, `-`, `<file>#<record id>`, …
    pub source: &'a str,
    /// The crawl row's other fields, when the caller keeps them.
    #[serde(skip_serializing_if = "Input::is_dropped")]
    pub input: Input<'a>,
    /// Why there is no document; `null` when there is one.
    pub error: Option<Failure<'a>>,
    /// The page's document, or the empty document for a failed page.
    #[serde(flatten)]
    pub document: &'a Document,
}

/// The `input` key: the fields of the crawl row a page came in, kept to join
/// results back. Either no record of a run has the key or every one does.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum Input<'a> {
    /// Rows are not kept: the record has no `input` key.
    Dropped,
    /// Rows are kept: the row's fields, or `null` when the input was not a
    /// row (a line that is not a JSON object, a file that failed whole).
    Kept(Option<&'a Map<String, Value>>),
}

impl Input<'_> {
    fn is_dropped(&self) -> bool {
        matches!(self, Input::Dropped)
    }
}

/// A record's `error` object.
#[derive(Debug, Serialize)]
pub struct Failure<'a> {
    /// The contract's error kind: `io`, `too_large`, `empty`, `not_html`,
    /// `timeout`, `internal`.
    pub kind: &'a str,
    /// What went wrong, for people.
    pub message: &'a str,
}

/// The document of a failed page's record: no facts, no text.
static EMPTY: Document = Document::EMPTY;

impl<'a> Record<'a> {
    /// A page's record with its document.
    pub fn document(source: &'a str, input: Input<'a>, document: &'a Document) -> Self {
        Record {
            source,
            input,
            error: None,
            document,
        }
    }

    /// A failed page's record: its error and the empty document's fields.
    pub fn error(source: &'a str, input: Input<'a>, kind: &'a str, message: &'a str) -> Self {
        Record {
            source,
            input,
            error: Some(Failure { kind, message }),
            document: &EMPTY,
        }
    }

    /// The record as one line of JSON Lines, newline included.
    pub fn to_json_line(&self) -> serde_json::Result<Vec<u8>> {
        let mut bytes = serde_json::to_vec(self)?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(record: &Record<'_>) -> Vec<String> {
        let value = serde_json::to_value(record).unwrap();
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    }

    #[test]
    fn a_document_record_starts_with_its_source_and_a_null_error() {
        let document = Document {
            title: Some("Tide tables".into()),
            ..Document::default()
        };
        let line = Record::document("a.html", Input::Dropped, &document)
            .to_json_line()
            .unwrap();
        let text = String::from_utf8(line).unwrap();
        assert!(
            text.starts_with(r#"{"source":"a.html","error":null,"url":null,"title":"Tide tables""#),
            "{text}"
        );
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn an_error_record_has_every_key_a_document_record_has() {
        let document = Document::default();
        let ok = Record::document("a.html", Input::Dropped, &document);
        let failed = Record::error("b.html", Input::Dropped, "empty", "input is empty");
        assert_eq!(keys(&ok), keys(&failed));
        let value = serde_json::to_value(&failed).unwrap();
        assert_eq!(value["error"]["kind"], "empty");
        assert_eq!(value["title"], Value::Null);
        assert_eq!(value["sections"], serde_json::json!([]));
        assert_eq!(value["word_count"], 0);
    }

    #[test]
    fn a_kept_row_is_on_every_record_null_where_there_was_none() {
        let mut row = Map::new();
        row.insert("id".into(), Value::from(7));
        let record = Record::error("rows.jsonl:3", Input::Kept(Some(&row)), "empty", "empty");
        let text = serde_json::to_string(&record).unwrap();
        assert!(
            text.starts_with(r#"{"source":"rows.jsonl:3","input":{"id":7},"error":{"kind""#),
            "{text}"
        );
        let unread = Record::error("rows.jsonl:4", Input::Kept(None), "io", "not JSON");
        let value = serde_json::to_value(&unread).unwrap();
        assert_eq!(value.get("input"), Some(&Value::Null));
    }
}
