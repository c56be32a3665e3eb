//! JSON Lines: one JSON object per line, the page's HTML in a string field
//! (`html` unless the caller names another), optionally `url` (the page URL) and `id`
//! (the record's source; else `<file>:<line>`). The row's other fields can be
//! kept for the output record, to join results back.
//!
//! A line is one record and the size limit applies to it: a line longer than
//! the size limit is read past, never held, and gives a `too_large` record. A
//! line that is not a JSON object, or lacks the field, gives an error record;
//! the file goes on. Blank lines are not records (but are counted as lines).

use std::io::BufRead;

use serde_json::Value;

use super::read::read_line_bounded;
use super::{Entry, ReadError};

/// The rows of one JSONL file, in file order: an entry per non-blank line.
pub struct JsonlReader<R> {
    reader: Option<R>,
    /// The file as the caller names it, for `<file>:<line>` sources.
    source: String,
    max_bytes: u64,
    html_field: String,
    keep_fields: bool,
    /// The number of the line read last, from 1.
    line_number: u64,
    line: Vec<u8>,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads the rows of `reader` (already decompressed: see
    /// [`open`](super::open)), the HTML in `html_field`; a line over
    /// `max_bytes` gives a `too_large` entry and is never held. With
    /// `keep_fields`, each entry keeps the row's other fields.
    pub fn new(
        reader: R,
        source: impl Into<String>,
        max_bytes: u64,
        html_field: impl Into<String>,
        keep_fields: bool,
    ) -> Self {
        JsonlReader {
            reader: Some(reader),
            source: source.into(),
            max_bytes,
            html_field: html_field.into(),
            keep_fields,
            line_number: 0,
            line: Vec::new(),
        }
    }

    fn failed(&self, error: ReadError) -> Entry {
        self.entry(None, Err(error))
    }

    /// An entry for the current line; `id` overrides `<file>:<line>` as its source.
    fn entry(&self, id: Option<String>, html: Result<Vec<u8>, ReadError>) -> Entry {
        let (source, key) = match id {
            Some(id) => (id.clone(), id),
            None => (
                format!("{}:{}", self.source, self.line_number),
                self.line_number.to_string(),
            ),
        };
        Entry {
            source,
            key: Some(key),
            url: None,
            charset: None,
            fields: None,
            html,
        }
    }

    fn row(&self, line: &[u8]) -> Entry {
        let mut row = match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(row)) => row,
            Ok(other) => {
                let what = json_type(&other);
                let message = format!("line {} is {what}, not a JSON object", self.line_number);
                return self.failed(ReadError::Io(message));
            }
            Err(err) => {
                let message = format!("line {} is not valid JSON: {err}", self.line_number);
                return self.failed(ReadError::Io(message));
            }
        };
        let field = &self.html_field;
        let html = row.remove(field);
        let id = match row.get("id") {
            Some(Value::String(id)) => Some(id.clone()),
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        };
        let url = row.get("url").and_then(Value::as_str).map(str::to_owned);
        let html = match html {
            Some(Value::String(html)) => Ok(html.into_bytes()),
            Some(other) => Err(ReadError::Io(format!(
                "field {field:?} is {}, not a string",
                json_type(&other)
            ))),
            None => Err(ReadError::Io(format!("no field {field:?} in the row"))),
        };
        let mut entry = self.entry(id, html);
        entry.url = url;
        entry.fields = self.keep_fields.then_some(row);
        entry
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let max_bytes = self.max_bytes;
        let mut line = std::mem::take(&mut self.line);
        let entry = loop {
            let reader = self.reader.as_mut()?;
            self.line_number += 1;
            // The limit plus the newline, plus one to tell "over" from "at".
            let read = read_line_bounded(reader, &mut line, max_bytes.saturating_add(2));
            match read {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => {}
                Err(err) => {
                    self.reader = None;
                    break self.failed(ReadError::from(err));
                }
            }
            if line.last() == Some(&b'\n') {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            } else if line.len() as u64 > max_bytes {
                // Read past the rest of the line without holding it.
                if let Err(err) = reader.skip_until(b'\n') {
                    self.reader = None;
                    break self.failed(ReadError::from(err));
                }
                break self.failed(ReadError::TooLarge { limit: max_bytes });
            }
            if line.len() as u64 > max_bytes {
                break self.failed(ReadError::TooLarge { limit: max_bytes });
            }
            if !line.trim_ascii().is_empty() {
                break self.row(&line);
            }
        };
        line.clear();
        self.line = line;
        Some(entry)
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
