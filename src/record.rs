//! The record: one JSON object per input, as every front end writes it. A
//! page that gave a [`Document`] has the document's fields; one that did not
//! has an `error` object with the contract's `kind` and a message, in the
//! place the document would have had. `source` (where the page came from)
//! comes first, then `input` (the fields of the crawl row it came in, when the
//! caller keeps them), then the rest.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::document::Document;

/// One output record, ready to serialize with `serde_json`.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// Where the page came from: a path, `-`, `<file>#<record id>`, …
    pub source: &'a str,
    /// The other fields of the crawl row the page came in, kept to join
    /// results back; omitted when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<&'a Map<String, Value>>,
    /// The document, or why there is none.
    #[serde(flatten)]
    pub outcome: Outcome<'a>,
}

/// What became of a page: its document's fields, or an `error` object.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Outcome<'a> {
    /// The page's document; its fields follow `source` and `input`.
    Document(&'a Document),
    /// No document: the record's `error` object.
    Failed {
        /// The error, as the record's `error` field.
        error: Failure<'a>,
    },
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

impl<'a> Record<'a> {
    /// A page's record with its document.
    pub fn document(
        source: &'a str,
        input: Option<&'a Map<String, Value>>,
        document: &'a Document,
    ) -> Self {
        Record {
            source,
            input,
            outcome: Outcome::Document(document),
        }
    }

    /// A failed page's record.
    pub fn error(
        source: &'a str,
        input: Option<&'a Map<String, Value>>,
        kind: &'a str,
        message: &'a str,
    ) -> Self {
        Record {
            source,
            input,
            outcome: Outcome::Failed {
                error: Failure { kind, message },
            },
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

    #[test]
    fn a_document_record_starts_with_its_source_then_the_document() {
        let document = Document {
            title: Some("Tide tables".into()),
            ..Document::default()
        };
        let line = Record::document("a.html", None, &document)
            .to_json_line()
            .unwrap();
        let text = String::from_utf8(line).unwrap();
        assert!(text.starts_with(r#"{"source":"a.html","url":null,"title":"Tide tables""#));
        assert!(text.ends_with("}\n") && !text.contains("\"error\""));
    }

    #[test]
    fn an_error_record_has_the_error_where_the_document_would_be() {
        let mut row = Map::new();
        row.insert("id".into(), Value::from(7));
        let record = Record::error("rows.jsonl:3", Some(&row), "empty", "input is empty");
        assert_eq!(
            serde_json::to_string(&record).unwrap(),
            r#"{"source":"rows.jsonl:3","input":{"id":7},"error":{"kind":"empty","message":"input is empty"}}"#
        );
    }
}
