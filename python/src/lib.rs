//! `pagepith._native`: the Python package's native part. It hands Python the
//! very JSON the `pith` program writes, built by the same library calls
//! (`pagepith::extract`, `record::Record`, the `crawl` readers, `render`), so a
//! record is equal whichever front end made it. The typed, documented API is
//! the Python module `pagepith` around it.
//!
//! Every extraction runs with the interpreter released (`Python::detach`), so
//! other Python threads go on meanwhile. Parallelism is a scoped pool of plain
//! threads per call, joined before the call returns: nothing outlives a call,
//! so a process that has extracted can fork and its child extracts too (a
//! process-wide pool that has run leaves a forked child with threads that do
//! not exist).
//!
//! The time budget is the library's ([`Options::timeout`]), checked between
//! stages and inside the parse. The `pith` program adds a watchdog thread on
//! top, for a page that would run past every check; a Python call has none.

use std::fs::File;
use std::io::BufRead;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use pagepith::crawl::{self, Entry, JsonlReader, WarcReader};
use pagepith::record::{Input, Record};
use pagepith::{Document, Options, render};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde_json::{Map, Value};

/// Stack size of a worker thread: room for the parser's own frames, as the
/// `pith` program gives its workers.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// One record as JSON, and its error (kind, message) when it is an error record.
type Line = (String, Option<(String, String)>);

/// How to extract, from the Python call's keywords.
#[pyclass(frozen, module = "pagepith._native", name = "Options")]
struct PyOptions(Options);

#[pymethods]
impl PyOptions {
    #[new]
    #[pyo3(signature = (*, url=None, charset=None, timeout=None, max_bytes=None, max_depth=None, max_nodes=None))]
    fn new(
        url: Option<String>,
        charset: Option<String>,
        timeout: Option<f64>,
        max_bytes: Option<u64>,
        max_depth: Option<usize>,
        max_nodes: Option<u64>,
    ) -> PyResult<Self> {
        let defaults = Options::default();
        let timeout = match timeout {
            None => None,
            Some(seconds) if seconds.is_finite() && seconds > 0.0 => {
                Some(Duration::from_secs_f64(seconds))
            }
            Some(0.0) => None,
            Some(seconds) => {
                return Err(PyValueError::new_err(format!(
                    "timeout must be a positive number of seconds, or None: {seconds}"
                )));
            }
        };
        Ok(PyOptions(Options {
            url,
            charset,
            timeout,
            max_bytes: max_bytes.unwrap_or(defaults.max_bytes),
            max_depth: max_depth.unwrap_or(defaults.max_depth),
            max_nodes: max_nodes.unwrap_or(defaults.max_nodes),
        }))
    }
}

/// Extracts one page; its record's JSON and error.
#[pyfunction]
fn extract(py: Python<'_>, html: &Bound<'_, PyBytes>, source: &str, options: &PyOptions) -> Line {
    let bytes = html.as_bytes();
    let options = &options.0;
    py.detach(|| page_line(source, Input::Dropped, Ok(bytes), options))
}

/// Extracts many pages on `threads` scoped threads; their records' JSON, in
/// input order. Each page has its source, URL and charset.
#[pyfunction]
#[pyo3(signature = (pages, sources, urls, charsets, threads, options))]
fn extract_many(
    py: Python<'_>,
    pages: Vec<Bound<'_, PyBytes>>,
    sources: Vec<String>,
    urls: Vec<Option<String>>,
    charsets: Vec<Option<String>>,
    threads: usize,
    options: &PyOptions,
) -> PyResult<Vec<Line>> {
    let n = pages.len();
    if sources.len() != n || urls.len() != n || charsets.len() != n {
        return Err(PyValueError::new_err(
            "sources, urls and charsets must have one entry per page",
        ));
    }
    let pages: Vec<&[u8]> = pages.iter().map(|p| p.as_bytes()).collect();
    let page = PageMeta {
        sources: &sources,
        urls: &urls,
        charsets: &charsets,
    };
    let options = &options.0;
    py.detach(|| many(&pages, &page, threads, options))
        .map_err(|err| PyRuntimeError::new_err(format!("cannot start a worker thread: {err}")))
}

/// What names each page of an `extract_many` call, by index.
struct PageMeta<'a> {
    sources: &'a [String],
    urls: &'a [Option<String>],
    charsets: &'a [Option<String>],
}

fn many(
    pages: &[&[u8]],
    meta: &PageMeta<'_>,
    threads: usize,
    options: &Options,
) -> std::io::Result<Vec<Line>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(page) = pages.get(i) else { break };
            let page_options = options.for_page(meta.urls[i].clone(), meta.charsets[i].clone());
            let options = page_options.as_ref().unwrap_or(options);
            let line = page_line(&meta.sources[i], Input::Dropped, Ok(page), options);
            done.push((i, line));
        }
        done
    };
    let threads = threads.clamp(1, pages.len().max(1));
    let mut lines: Vec<Option<Line>> = vec![None; pages.len()];
    if threads == 1 {
        for (i, line) in work() {
            lines[i] = Some(line);
        }
    } else {
        std::thread::scope(|scope| -> std::io::Result<()> {
            let mut workers = Vec::new();
            for n in 0..threads {
                let worker = std::thread::Builder::new()
                    .name(format!("pagepith-{n}"))
                    .stack_size(WORKER_STACK_BYTES)
                    .spawn_scoped(scope, work)?;
                workers.push(worker);
            }
            for worker in workers {
                // A page's panic is caught inside `page_line`; a worker
                // cannot panic otherwise.
                let done = worker.join().unwrap_or_default();
                for (i, line) in done {
                    lines[i] = Some(line);
                }
            }
            Ok(())
        })?;
    }
    Ok(lines
        .into_iter()
        .map(|line| line.unwrap_or_else(|| internal_line("a worker lost this page")))
        .collect())
}

/// The record of one page: its bytes (or why none were read) extracted, a
/// panic inside the extractor turned into an `internal` error record.
fn page_line(
    source: &str,
    input: Input<'_>,
    bytes: Result<&[u8], (&'static str, String)>,
    options: &Options,
) -> Line {
    let outcome = bytes.and_then(|bytes| {
        panic::catch_unwind(AssertUnwindSafe(|| pagepith::extract(bytes, options)))
            .map_err(|payload| ("internal", panic_message(payload.as_ref())))?
            .map_err(|err| (err.kind(), err.to_string()))
    });
    let json = match &outcome {
        Ok(document) => serde_json::to_string(&Record::document(source, input, document)),
        Err((kind, message)) => serde_json::to_string(&Record::error(source, input, kind, message)),
    };
    match (json, outcome) {
        (Ok(json), Ok(_)) => (json, None),
        (Ok(json), Err((kind, message))) => (json, Some((kind.to_owned(), message))),
        (Err(err), _) => {
            let message = format!("cannot serialize the record: {err}");
            let record = Record::error(source, input, "internal", &message);
            let json = serde_json::to_string(&record).unwrap_or_default();
            (json, Some(("internal".to_owned(), message)))
        }
    }
}

fn internal_line(message: &str) -> Line {
    let record = Record::error("-", Input::Dropped, "internal", message);
    let json = serde_json::to_string(&record).unwrap_or_default();
    (json, Some(("internal".to_owned(), message.to_owned())))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.as_str()
    } else {
        "unknown panic payload"
    };
    format!("pagepith panicked on this page (a bug in pagepith): {what}")
}

type CrawlFile = Box<dyn BufRead + Send>;

/// A crawl file being read.
enum Reader {
    Warc(WarcReader<CrawlFile>),
    Jsonl(JsonlReader<CrawlFile>),
    /// The file could not be opened: one `io` record, then the end.
    Failed(Option<String>),
}

struct Crawl {
    reader: Reader,
    path: String,
    passthrough: bool,
    options: Options,
}

/// The records of one WARC or JSON Lines file, as the `pith` program gives
/// them for `--input-format warc|jsonl`: read and extracted one at a time,
/// with the interpreter released.
#[pyclass(frozen, module = "pagepith._native")]
struct Records(Mutex<Crawl>);

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> Option<Line> {
        py.detach(|| {
            let mut crawl = self.0.lock().unwrap_or_else(|e| e.into_inner());
            crawl.next_line()
        })
    }
}

impl Crawl {
    fn next_line(&mut self) -> Option<Line> {
        let entry = match &mut self.reader {
            Reader::Warc(records) => records.next()?,
            Reader::Jsonl(rows) => rows.next()?,
            Reader::Failed(message) => {
                let message = message.take()?;
                let input = self.input(None);
                return Some(page_line(
                    &self.path,
                    input,
                    Err(("io", message)),
                    &self.options,
                ));
            }
        };
        let Entry {
            source,
            url,
            charset,
            fields,
            html,
            ..
        } = entry;
        let page_options = self.options.for_page(url, charset);
        let options = page_options.as_ref().unwrap_or(&self.options);
        let bytes = match &html {
            Ok(bytes) => Ok(bytes.as_slice()),
            Err(err) => Err((err.kind(), err.to_string())),
        };
        Some(page_line(
            &source,
            self.input(fields.as_ref()),
            bytes,
            options,
        ))
    }

    fn input<'a>(&self, row: Option<&'a Map<String, Value>>) -> Input<'a> {
        if self.passthrough {
            Input::Kept(row)
        } else {
            Input::Dropped
        }
    }
}

/// Opens a WARC (`format="warc"`) or JSON Lines file, gzip or not.
#[pyfunction]
#[pyo3(signature = (path, format, options, html_field="html", passthrough=false))]
fn read(
    path: String,
    format: &str,
    options: &PyOptions,
    html_field: &str,
    passthrough: bool,
) -> PyResult<Records> {
    let opened = File::open(&path).and_then(crawl::open::<File>);
    let max_bytes = options.0.max_bytes;
    let reader = match (opened, format) {
        (Err(err), "warc" | "jsonl") => Reader::Failed(Some(err.to_string())),
        (Ok(file), "warc") => Reader::Warc(WarcReader::new(file, &path, max_bytes)),
        (Ok(file), "jsonl") => Reader::Jsonl(JsonlReader::new(
            file,
            &path,
            max_bytes,
            html_field,
            passthrough,
        )),
        (_, other) => {
            return Err(PyValueError::new_err(format!(
                "format must be \"warc\" or \"jsonl\", not {other:?}"
            )));
        }
    };
    Ok(Records(Mutex::new(Crawl {
        reader,
        path,
        passthrough,
        options: options.0.clone(),
    })))
}

/// A record's JSON as Markdown, as `pith --format markdown` writes it (an
/// error record as its one error line).
#[pyfunction]
fn to_markdown(record: &str) -> PyResult<String> {
    render_record(record, render::markdown, |kind, message| {
        format!("**Error ({kind}):** {message}\n")
    })
}

/// A record's JSON as plain text, as `pith --format text` writes it.
#[pyfunction]
fn to_text(record: &str) -> PyResult<String> {
    render_record(record, render::text, |kind, message| {
        format!("Error ({kind}): {message}\n")
    })
}

fn render_record(
    record: &str,
    document: fn(&Document) -> String,
    error: fn(&str, &str) -> String,
) -> PyResult<String> {
    let value: Value = serde_json::from_str(record)
        .map_err(|err| PyValueError::new_err(format!("not a record: {err}")))?;
    if let Some(failure) = value.get("error").filter(|e| !e.is_null()) {
        let text = |key| failure.get(key).and_then(Value::as_str).unwrap_or_default();
        return Ok(error(text("kind"), text("message")));
    }
    let parsed: Document = serde_json::from_value(value)
        .map_err(|err| PyValueError::new_err(format!("not a record: {err}")))?;
    Ok(document(&parsed))
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyOptions>()?;
    module.add_class::<Records>()?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(extract_many, module)?)?;
    module.add_function(wrap_pyfunction!(read, module)?)?;
    module.add_function(wrap_pyfunction!(to_markdown, module)?)?;
    module.add_function(wrap_pyfunction!(to_text, module)?)?;
    Ok(())
}
