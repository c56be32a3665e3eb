//! Record containers: files that hold many pages (WARC, JSON Lines). Each file
//! from the command line is opened and read as a stream by the library's
//! readers ([`pagepith::crawl`]), one record at a time, on the batch's producer
//! side; each record becomes an [`Input`] holding its bytes (at most
//! `--max-bytes`), so memory stays one batch window of records however large
//! the file.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use pagepith::crawl::{self, Entry, JsonlReader, Skipped, WarcReader};

use super::{Input, InputFormat, InputKind, RecordMeta, file_name_part, output_name};

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
        InputKind::File(path) => File::open(path).map(|f| Box::new(f) as Box<dyn Read + Send>),
        InputKind::Stdin => Ok(Box::new(io::stdin()) as Box<dyn Read + Send>),
        InputKind::Bytes(_) | InputKind::Failed(_) => return Box::new(std::iter::once(file)),
    };
    let counter = Arc::clone(&containers.bytes_read);
    let reader = match opened.and_then(|raw| crawl::open(Counting { raw, counter })) {
        Ok(reader) => reader,
        Err(err) => return Box::new(std::iter::once(Input::failed(file.source, err.into()))),
    };
    let max_bytes = containers.max_bytes;
    let reader = match containers.format {
        InputFormat::Warc => Reader::Warc(WarcReader::new(reader, &file.source, max_bytes)),
        InputFormat::Jsonl => Reader::Jsonl(JsonlReader::new(
            reader,
            &file.source,
            max_bytes,
            &containers.html_field,
            containers.passthrough,
        )),
        InputFormat::Html => unreachable!("HTML files are not expanded"),
    };
    Box::new(Records {
        reader: Some(reader),
        name: file.name,
        containers: Rc::clone(containers),
    })
}

type CrawlFile = Box<dyn BufRead + Send>;

/// The library's reader for one container file.
enum Reader {
    Warc(WarcReader<CrawlFile>),
    Jsonl(JsonlReader<CrawlFile>),
}

/// The records of one container file, as inputs.
struct Records {
    /// `None` once the file is done.
    reader: Option<Reader>,
    /// The file's `--out-dir` name; its records go in a directory of that name.
    name: std::path::PathBuf,
    containers: Rc<Containers>,
}

impl Iterator for Records {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        let entry = match self.reader.as_mut()? {
            Reader::Warc(records) => records.next(),
            Reader::Jsonl(rows) => rows.next(),
        };
        match entry {
            Some(entry) => Some(self.input(entry)),
            None => {
                if let Some(Reader::Warc(records)) = self.reader.take() {
                    self.containers
                        .skipped
                        .borrow_mut()
                        .merge(records.skipped());
                }
                None
            }
        }
    }
}

impl Records {
    fn input(&self, entry: Entry) -> Input {
        let name = match &entry.key {
            Some(key) => self.name.join(file_name_part(key)),
            // The entry stands for the file itself.
            None => output_name(Path::new(&entry.source)),
        };
        Input {
            source: entry.source,
            name,
            kind: match entry.html {
                Ok(bytes) => InputKind::Bytes(bytes),
                Err(err) => InputKind::Failed(err.into()),
            },
            meta: RecordMeta {
                url: entry.url,
                charset: entry.charset,
                passthrough: entry.fields,
            },
        }
    }
}

/// Counts the bytes read through it, for the progress bar's ETA.
struct Counting {
    raw: Box<dyn Read + Send>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.raw.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
