//! Record containers: files that hold many pages (WARC, JSON Lines). Each file
//! from the command line is opened and read as a stream, one record at a time,
//! on the batch's producer side; each record becomes an [`Input`] holding its
//! bytes (at most `--max-bytes`), so memory stays one batch window of records
//! however large the file.
//!
//! gzip is recognised by its magic bytes, not the name, and read with a
//! multi-member decoder, so whole-file gzip and gzip per record (as Common
//! Crawl writes WARC) both stream.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;

use super::{Input, InputFormat, InputKind, jsonl, warc};

/// Read buffer for container files: large enough for few system calls.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// The first bytes of every gzip member.
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];

/// How record containers are read.
pub(crate) struct Containers {
    pub(crate) format: InputFormat,
    /// The limit per record (a WARC record's HTTP body, a JSONL line).
    pub(crate) max_bytes: u64,
    /// The JSONL field that holds the page.
    pub(crate) html_field: String,
    /// Keep a JSONL row's other fields for the output record.
    pub(crate) passthrough: bool,
    /// Raw (compressed) bytes read from container files so far, for progress.
    pub(crate) bytes_read: Arc<AtomicU64>,
    /// Records that were not pages, by reason, for the note on stderr.
    pub(crate) skipped: Rc<RefCell<Skipped>>,
}

/// Records skipped because they hold no HTML page, counted by reason
/// (`request`, `metadata`, `response (image/jpeg)`, …).
#[derive(Debug, Default)]
pub(crate) struct Skipped(pub(crate) BTreeMap<String, u64>);

impl Skipped {
    pub(super) fn add(&mut self, reason: String) {
        *self.0.entry(reason).or_default() += 1;
    }

    pub(crate) fn total(&self) -> u64 {
        self.0.values().sum()
    }
}

/// The pages inside the files `files` names: for the HTML format the files
/// themselves, for WARC and JSONL their records, in file order then record order.
/// A file that cannot be opened gives one error input.
pub(crate) fn expand(
    files: impl Iterator<Item = Input> + 'static,
    containers: Containers,
) -> Box<dyn Iterator<Item = Input>> {
    if containers.format == InputFormat::Html {
        return Box::new(files);
    }
    let containers = Rc::new(containers);
    Box::new(files.flat_map(move |file| records(file, &containers)))
}

fn records(file: Input, containers: &Rc<Containers>) -> Box<dyn Iterator<Item = Input>> {
    let opened = match &file.kind {
        InputKind::File(path) => File::open(path).map(|f| Box::new(f) as Box<dyn Read>),
        InputKind::Stdin => Ok(Box::new(io::stdin().lock()) as Box<dyn Read>),
        InputKind::Bytes(_) | InputKind::Failed(_) => return Box::new(std::iter::once(file)),
    };
    let reader = match opened.and_then(|raw| open(raw, Arc::clone(&containers.bytes_read))) {
        Ok(reader) => reader,
        Err(err) => {
            return Box::new(std::iter::once(Input::failed(
                file.source,
                pagepith::Error::from(err),
            )));
        }
    };
    let file = Container {
        source: file.source,
        name: file.name,
    };
    match containers.format {
        InputFormat::Warc => Box::new(warc::Records::new(reader, file, Rc::clone(containers))),
        InputFormat::Jsonl => Box::new(jsonl::Rows::new(reader, file, Rc::clone(containers))),
        InputFormat::Html => unreachable!("HTML files are not expanded"),
    }
}

/// The file a record came from.
pub(super) struct Container {
    /// The file as given, the start of each record's source.
    pub(super) source: String,
    /// Its `--out-dir` name; records go in a directory of that name.
    pub(super) name: std::path::PathBuf,
}

/// A buffered reader over `raw`, decompressing it if it starts as gzip.
fn open(raw: Box<dyn Read>, counter: Arc<AtomicU64>) -> io::Result<Box<dyn BufRead>> {
    let mut buffered = BufReader::with_capacity(READ_BUFFER_BYTES, Counting { raw, counter });
    if buffered.fill_buf()?.starts_with(GZIP_MAGIC) {
        let decoder = MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(
            READ_BUFFER_BYTES,
            decoder,
        )))
    } else {
        Ok(Box::new(buffered))
    }
}

/// Counts the bytes read through it, for the progress bar's ETA.
struct Counting {
    raw: Box<dyn Read>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.raw.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads one line (up to and including `\n`) into `line`, but never more than
/// `limit` bytes. Returns the bytes read; 0 at the end of the input.
pub(super) fn read_line_bounded(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: u64,
) -> io::Result<usize> {
    line.clear();
    reader.take(limit).read_until(b'\n', line)
}
