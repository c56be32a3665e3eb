//! Where records go and in what form: JSON Lines (the contract), one JSON array,
//! Markdown or plain text, or the explain view (an HTML page of pith's
//! decisions), to one stream or one file per input (`--out-dir`),
//! with `--fields` choosing the JSON fields. Also the progress bar and summary.
//!
//! Rendering happens on the worker threads ([`Render`]); the batch then hands the
//! rendered records, in input order, to a [`Sink`], which frames them (array
//! brackets, separators) or writes them to their own files.

mod progress;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use pagepith::record::{Input, Record};
use pagepith::render;
use pagepith::{Document, Explanation};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub(crate) use progress::{Progress, Total};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One JSON object per input, one per line (the default).
    Jsonl,
    /// One JSON array of all records.
    Json,
    /// Each article as Markdown: title, headings, lists, quotes, code, tables, figures.
    Markdown,
    /// Each article as plain text: the title, then the text.
    Text,
    /// Each page as a self-contained HTML file with pith's decisions drawn
    /// on it (a single page, or one file each with --out-dir).
    Explain,
}

/// What a worker made of a page: its document, or with `--format explain`
/// the document with the decisions behind it.
pub(crate) enum Made {
    Document(Document),
    Explained(Explanation),
}

impl Format {
    /// The extension of `--out-dir` files.
    fn extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Json => "json",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Explain => "html",
        }
    }

    /// Whether records are JSON objects (so `--fields` and `--passthrough` apply).
    pub(crate) fn is_json(self) -> bool {
        matches!(self, Format::Jsonl | Format::Json)
    }
}

/// How a record is rendered; shared by the workers.
#[derive(Debug, Clone)]
pub(crate) struct Render {
    pub(crate) format: Format,
    /// Pretty-print JSON records.
    pub(crate) pretty: bool,
    /// Keep only these document fields (and `source`, `input`, `error`).
    pub(crate) fields: Option<Vec<String>>,
    /// One file per record: each is a whole JSON document, never a line.
    pub(crate) one_per_file: bool,
    /// Every record has an `input` key (`--passthrough`).
    pub(crate) passthrough: bool,
}

impl Render {
    /// A page's record, or its explain view. Fails only if serialization
    /// does (then the caller writes an `internal` error record instead).
    pub(crate) fn made(
        &self,
        source: &str,
        input: Option<&Map<String, Value>>,
        made: &Made,
    ) -> serde_json::Result<Vec<u8>> {
        match made {
            Made::Document(document) => self.document(source, input, document),
            Made::Explained(explanation) => {
                Ok(render::explain_html(explanation, source).into_bytes())
            }
        }
    }

    fn document(
        &self,
        source: &str,
        input: Option<&Map<String, Value>>,
        document: &Document,
    ) -> serde_json::Result<Vec<u8>> {
        match self.format {
            // Without its explanation (a caller's mistake), a page is its record.
            Format::Explain => self.json(&Record::document(source, self.input(input), document)),
            Format::Markdown => Ok(render::markdown(document).into_bytes()),
            Format::Text => Ok(render::text(document).into_bytes()),
            Format::Jsonl | Format::Json => {
                self.record(&Record::document(source, self.input(input), document))
            }
        }
    }

    /// A failed input's record.
    pub(crate) fn error(
        &self,
        source: &str,
        input: Option<&Map<String, Value>>,
        kind: &str,
        message: &str,
    ) -> Vec<u8> {
        match self.format {
            // In its own file, or in place of an explain page, an error is
            // always the JSON error record.
            _ if self.one_per_file || self.format.is_json() || self.format == Format::Explain => {
                self.record(&Record::error(source, self.input(input), kind, message))
                    .expect("a record of strings and JSON values always serializes")
            }
            Format::Markdown => format!("**Error ({kind}):** {message}\n").into_bytes(),
            _ => format!("Error ({kind}): {message}\n").into_bytes(),
        }
    }

    /// A record as JSON, with only the `--fields` chosen (every record has
    /// the same keys, whether a document or an error).
    fn record(&self, record: &Record<'_>) -> serde_json::Result<Vec<u8>> {
        match &self.fields {
            None => self.json(record),
            Some(fields) => self.json(&Selected::of(record, fields)?),
        }
    }

    /// The record's `input`: on every record with `--passthrough`, on none without.
    fn input<'a>(&self, row: Option<&'a Map<String, Value>>) -> Input<'a> {
        if self.passthrough {
            Input::Kept(row)
        } else {
            Input::Dropped
        }
    }

    fn json(&self, record: &impl Serialize) -> serde_json::Result<Vec<u8>> {
        let mut bytes = if self.pretty {
            serde_json::to_vec_pretty(record)?
        } else {
            serde_json::to_vec(record)?
        };
        // A JSON array's elements are framed by the sink; lines and files end here.
        if matches!(self.format, Format::Jsonl | Format::Explain) || self.one_per_file {
            bytes.push(b'\n');
        }
        Ok(bytes)
    }
}

/// The names `--fields` accepts: the document's fields, in record order.
pub(crate) fn document_fields() -> Vec<String> {
    let bytes = serde_json::to_vec(&Document::default()).expect("the default document serializes");
    let fields: Ordered = serde_json::from_slice(&bytes).expect("it reads back");
    fields.0.into_iter().map(|(name, _)| name).collect()
}

/// Record fields kept whatever `--fields` says.
const ALWAYS_KEPT: &[&str] = &["source", "input", "error"];

/// A record with only some fields, in the record's own order.
struct Selected(Vec<(String, Value)>);

impl Selected {
    fn of(record: &Record<'_>, fields: &[String]) -> serde_json::Result<Self> {
        let all: Ordered = serde_json::from_slice(&serde_json::to_vec(record)?)?;
        let kept = all
            .0
            .into_iter()
            .filter(|(name, _)| {
                ALWAYS_KEPT.contains(&name.as_str()) || fields.iter().any(|f| f == name)
            })
            .collect();
        Ok(Selected(kept))
    }
}

impl Serialize for Selected {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A JSON object's entries in the order they were written (serde_json's own
/// map sorts its keys).
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// One rendered record, in input order.
pub(crate) struct Rendered<'a> {
    pub(crate) source: &'a str,
    /// The `--out-dir` name, without extension.
    pub(crate) name: &'a Path,
    pub(crate) bytes: &'a [u8],
    pub(crate) ok: bool,
}

/// Where rendered records go.
pub(crate) trait Sink {
    fn write(&mut self, record: &Rendered<'_>) -> io::Result<()>;
    /// Closes the output (the array's `]`) and flushes it.
    fn finish(&mut self) -> io::Result<()>;
}

/// All records on one stream, framed by the format.
pub(crate) struct Stream<W: Write> {
    out: W,
    format: Format,
    written: u64,
}

impl<W: Write> Stream<W> {
    pub(crate) fn new(out: W, format: Format) -> Self {
        Stream {
            out,
            format,
            written: 0,
        }
    }

    pub(crate) fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for Stream<W> {
    fn write(&mut self, record: &Rendered<'_>) -> io::Result<()> {
        let first = self.written == 0;
        match self.format {
            Format::Jsonl | Format::Explain => {}
            Format::Json => self.out.write_all(if first { b"[\n" } else { b",\n" })?,
            Format::Markdown => {
                if !first {
                    self.out.write_all(b"\n---\n\n")?;
                }
                // A comment a Markdown reader does not show, for tools that split.
                let source = record.source.replace("--", "-\u{200b}-");
                writeln!(self.out, "<!-- source: {source} -->\n")?;
            }
            Format::Text => {
                if !first {
                    self.out.write_all(b"\n")?;
                }
                // The separator `head` and `tail` print between files.
                writeln!(self.out, "==> {} <==\n", record.source)?;
            }
        }
        self.out.write_all(record.bytes)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(end)?;
        }
        self.out.flush()
    }
}

/// One file per record under a directory, named after the input; a failed
/// input's error record goes to `<name>.error.json` instead.
pub(crate) struct OutDir {
    dir: PathBuf,
    extension: &'static str,
}

impl OutDir {
    pub(crate) fn new(dir: PathBuf, format: Format) -> Self {
        OutDir {
            dir,
            extension: format.extension(),
        }
    }
}

impl Sink for OutDir {
    fn write(&mut self, record: &Rendered<'_>) -> io::Result<()> {
        let mut path = self.dir.join(record.name);
        let extension = if record.ok {
            self.extension
        } else {
            "error.json"
        };
        let mut file_name = path.file_name().unwrap_or_default().to_os_string();
        file_name.push(".");
        file_name.push(extension);
        path.set_file_name(file_name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, record.bytes)
            .map_err(|err| io::Error::new(err.kind(), format!("{}: {err}", path.display())))
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}
