//! JSON Lines: one JSON object per line, the page's HTML in a string field
//! (`html`, or `--html-field NAME`), optionally `url` (the page URL) and `id`
//! (the record's source; else `<file>:<line>`). With `--passthrough` the row's
//! other fields are kept for the output record, to join results back.
//!
//! A line is one record and the size limit applies to it: a line longer than
//! `--max-bytes` is read past, never held, and gives a `too_large` record. A
//! line that is not a JSON object, or lacks the field, gives an error record;
//! the file goes on. Blank lines are not records (but are counted as lines).

use std::io::BufRead;
use std::rc::Rc;

use pagepith::Error;
use serde_json::{Map, Value};

use super::container::{Container, Containers, read_line_bounded};
use super::{Input, InputKind, RecordMeta, file_name_part};

/// The rows of one JSONL file, as inputs.
pub(super) struct Rows {
    reader: Option<Box<dyn BufRead>>,
    file: Container,
    containers: Rc<Containers>,
    /// The number of the line read last, from 1.
    line_number: u64,
    line: Vec<u8>,
}

impl Rows {
    pub(super) fn new(
        reader: Box<dyn BufRead>,
        file: Container,
        containers: Rc<Containers>,
    ) -> Self {
        Rows {
            reader: Some(reader),
            file,
            containers,
            line_number: 0,
            line: Vec::new(),
        }
    }

    fn failed(&self, error: Error, passthrough: Option<Map<String, Value>>) -> Input {
        let mut input = self.input(None, InputKind::Failed(error));
        input.meta.passthrough = passthrough;
        input
    }

    /// An input for the current line; `id` overrides `<file>:<line>` as its source.
    fn input(&self, id: Option<String>, kind: InputKind) -> Input {
        let mut name = self.file.name.clone();
        let source = match id {
            Some(id) => {
                name.push(file_name_part(&id));
                id
            }
            None => {
                name.push(self.line_number.to_string());
                format!("{}:{}", self.file.source, self.line_number)
            }
        };
        Input {
            source,
            name,
            kind,
            meta: RecordMeta::default(),
        }
    }

    fn row(&self, line: &[u8]) -> Input {
        let mut row = match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(row)) => row,
            Ok(other) => {
                let what = json_type(&other);
                let message = format!("line {} is {what}, not a JSON object", self.line_number);
                return self.failed(Error::Io(message), None);
            }
            Err(err) => {
                let message = format!("line {} is not valid JSON: {err}", self.line_number);
                return self.failed(Error::Io(message), None);
            }
        };
        let field = &self.containers.html_field;
        let html = row.remove(field);
        let id = match row.get("id") {
            Some(Value::String(id)) => Some(id.clone()),
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        };
        let url = row.get("url").and_then(Value::as_str).map(str::to_owned);
        let passthrough = self.containers.passthrough.then_some(row);
        let kind = match html {
            Some(Value::String(html)) => InputKind::Bytes(html.into_bytes()),
            Some(other) => InputKind::Failed(Error::Io(format!(
                "field {field:?} is {}, not a string",
                json_type(&other)
            ))),
            None => InputKind::Failed(Error::Io(format!("no field {field:?} in the row"))),
        };
        let mut input = self.input(id, kind);
        input.meta = RecordMeta {
            url,
            charset: None,
            passthrough,
        };
        input
    }
}

impl Iterator for Rows {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        let max_bytes = self.containers.max_bytes;
        let mut line = std::mem::take(&mut self.line);
        let input = loop {
            let reader = self.reader.as_mut()?;
            self.line_number += 1;
            // The limit plus the newline, plus one to tell "over" from "at".
            let read = read_line_bounded(reader.as_mut(), &mut line, max_bytes.saturating_add(2));
            match read {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => {}
                Err(err) => {
                    self.reader = None;
                    break self.failed(Error::from(err), None);
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
                    break self.failed(Error::from(err), None);
                }
                break self.failed(Error::TooLarge { limit: max_bytes }, None);
            }
            if line.len() as u64 > max_bytes {
                break self.failed(Error::TooLarge { limit: max_bytes }, None);
            }
            if !line.trim_ascii().is_empty() {
                break self.row(&line);
            }
        };
        line.clear();
        self.line = line;
        Some(input)
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
