//! The batch: a stream of inputs in, one JSON line per input out, in input order,
//! while pages are read and extracted in parallel on a local rayon pool.
//!
//! Ordering with flat memory: every input gets a sequence number and is handed to
//! the pool at once, but never more than [`WINDOW_PER_THREAD`] × threads inputs are
//! between "handed out" and "written". Finished lines that overtook an earlier,
//! slower page wait in a small map until it is done; when the window is full the
//! writer waits for results before it takes the next input. So memory holds at most
//! one window of pages and records, however many inputs there are, and the output
//! bytes do not depend on the number of threads.
//!
//! Every input's outcome becomes a line: a document, or an error record, including
//! for a panic inside the extractor, which is caught and reported as `internal`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Once, mpsc};

use pagepith::{Document, Error, Options};
use serde::Serialize;

use crate::input::{self, Input};

/// How many inputs each thread may have in flight (being extracted, or finished and
/// waiting for an earlier one). Enough that one slow page rarely stalls the others;
/// small enough that memory stays a few pages per thread.
const WINDOW_PER_THREAD: usize = 4;

/// How the batch runs, from the command line.
pub(crate) struct Settings {
    /// Worker threads.
    pub(crate) jobs: usize,
    /// Pretty-print each record over several lines, for humans.
    pub(crate) pretty: bool,
}

/// What the batch produced.
pub(crate) struct Summary {
    /// Inputs that gave an error record instead of a document.
    pub(crate) errors: u64,
}

/// A successful record: `source` first, then the document's fields.
#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    #[serde(flatten)]
    document: &'a Document,
}

/// A failed input's record, in the place its document would have had.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: String,
}

/// One input's serialized record, newline included.
struct Line {
    bytes: Vec<u8>,
    ok: bool,
}

/// Runs the batch, writing one record per input to `out`, and flushes it.
/// Returns an error only when the output cannot be written (or the pool not built).
pub(crate) fn run(
    inputs: impl Iterator<Item = Input>,
    options: &Options,
    settings: &Settings,
    out: &mut impl Write,
) -> io::Result<Summary> {
    run_with(inputs, options, settings, out, &pagepith::extract)
}

/// The extractor's signature; a parameter so tests can slow it down or make it panic.
type Extract = dyn Fn(&[u8], &Options) -> Result<Document, Error> + Sync;

fn run_with(
    inputs: impl Iterator<Item = Input>,
    options: &Options,
    settings: &Settings,
    out: &mut impl Write,
    extract: &Extract,
) -> io::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs)
        .thread_name(|i| format!("pith-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    install_quiet_panic_hook();
    let window = settings.jobs.max(1) * WINDOW_PER_THREAD;
    let pretty = settings.pretty;

    let summary = pool.in_place_scope_fifo(|scope| {
        let (sender, receiver) = mpsc::channel::<(u64, Line)>();
        let mut writer = Ordered::new(out);
        let mut handed_out: u64 = 0;
        for input in inputs {
            while handed_out - writer.next >= window as u64 {
                writer.accept(wait(&receiver))?;
            }
            let sender = sender.clone();
            let seq = handed_out;
            scope.spawn_fifo(move |_| {
                let line = process(input, options, pretty, extract);
                // The writer is gone only when output failed; nothing to tell then.
                let _ = sender.send((seq, line));
            });
            handed_out += 1;
            // Write what is ready now rather than only when the window fills, so
            // output flows while a slow producer (a `find` pipe) lists inputs.
            while let Ok(result) = receiver.try_recv() {
                writer.accept(result)?;
            }
        }
        while writer.next < handed_out {
            writer.accept(wait(&receiver))?;
        }
        Ok::<_, io::Error>(Summary {
            errors: writer.errors,
        })
    })?;
    out.flush()?;
    Ok(summary)
}

/// Waits for the next finished line. The batch holds a sender itself, and every
/// job sends exactly once, so a wait for an outstanding job always ends.
fn wait(receiver: &mpsc::Receiver<(u64, Line)>) -> (u64, Line) {
    receiver
        .recv()
        .expect("the batch keeps a sender alive while it waits")
}

/// Writes lines in sequence order, holding those that arrive early.
struct Ordered<'w, W: Write> {
    out: &'w mut W,
    /// The sequence number of the next line to write.
    next: u64,
    early: BTreeMap<u64, Line>,
    errors: u64,
}

impl<'w, W: Write> Ordered<'w, W> {
    fn new(out: &'w mut W) -> Self {
        Ordered {
            out,
            next: 0,
            early: BTreeMap::new(),
            errors: 0,
        }
    }

    fn accept(&mut self, (seq, line): (u64, Line)) -> io::Result<()> {
        self.early.insert(seq, line);
        while let Some(line) = self.early.remove(&self.next) {
            self.out.write_all(&line.bytes)?;
            self.errors += u64::from(!line.ok);
            self.next += 1;
        }
        Ok(())
    }
}

/// Reads, extracts and serializes one input. Never panics: a panic anywhere in
/// here (in practice, inside the extractor) becomes an `internal` error record.
fn process(input: Input, options: &Options, pretty: bool, extract: &Extract) -> Line {
    let Input { source, kind } = input;
    let work = AssertUnwindSafe(|| {
        let result =
            input::read(kind, options.max_bytes).and_then(|bytes| extract(&bytes, options));
        encode(&source, result, pretty)
    });
    QUIET_PANIC.set(true);
    let outcome = panic::catch_unwind(work);
    QUIET_PANIC.set(false);
    outcome.unwrap_or_else(|payload| {
        let what = panic_message(payload.as_ref());
        let place = LAST_PANIC_PLACE.take().unwrap_or_default();
        let message = format!("pith panicked on this page (a bug in pith): {what}{place}");
        encode(&source, Err(Error::Internal(message)), pretty)
    })
}

fn encode(source: &str, result: Result<Document, Error>, pretty: bool) -> Line {
    let document = match result {
        Ok(document) => document,
        Err(error) => return encode_error(source, &error, pretty),
    };
    let record = Record {
        source,
        document: &document,
    };
    match to_line(&record, pretty) {
        Ok(bytes) => Line { bytes, ok: true },
        Err(err) => {
            let error = Error::Internal(format!("cannot serialize the record: {err}"));
            encode_error(source, &error, pretty)
        }
    }
}

fn encode_error(source: &str, error: &Error, pretty: bool) -> Line {
    let record = ErrorRecord {
        source,
        error: ErrorBody {
            kind: error.kind(),
            message: error.to_string(),
        },
    };
    let bytes = to_line(&record, pretty).expect("a record of plain strings always serializes");
    Line { bytes, ok: false }
}

fn to_line(record: &impl Serialize, pretty: bool) -> serde_json::Result<Vec<u8>> {
    let mut bytes = if pretty {
        serde_json::to_vec_pretty(record)?
    } else {
        serde_json::to_vec(record)?
    };
    bytes.push(b'\n');
    Ok(bytes)
}

thread_local! {
    /// Set while a worker processes a page: its panics are reported in the page's
    /// record, not on stderr.
    static QUIET_PANIC: Cell<bool> = const { Cell::new(false) };
    /// Where the last quiet panic happened, for the record's message.
    static LAST_PANIC_PLACE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps panics inside page processing off stderr (they become records), and
/// leaves every other panic to the default hook.
fn install_quiet_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET_PANIC.get() {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()));
                LAST_PANIC_PLACE.set(place);
            } else {
                default(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "unknown panic payload"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputKind;
    use std::time::Duration;

    /// One temp file per input, holding its number, so the extractor knows which it has.
    fn numbered_inputs(dir: &std::path::Path, count: usize) -> Vec<Input> {
        (0..count)
            .map(|i| {
                let path = dir.join(format!("{i}.html"));
                std::fs::write(&path, i.to_string()).expect("write input");
                Input {
                    source: format!("{i}.html"),
                    kind: InputKind::File(path),
                }
            })
            .collect()
    }

    fn number(bytes: &[u8]) -> u64 {
        String::from_utf8_lossy(bytes).parse().unwrap_or(0)
    }

    fn sources(output: &[u8]) -> Vec<String> {
        String::from_utf8_lossy(output)
            .lines()
            .map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).expect("JSON line");
                record["source"].as_str().unwrap_or_default().to_owned()
            })
            .collect()
    }

    #[test]
    fn pages_finishing_out_of_order_are_written_in_input_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let inputs = numbered_inputs(dir.path(), 60);
        // Early pages are the slowest, so later ones overtake them in every window.
        let slow_first = |bytes: &[u8], _: &Options| {
            let n = number(bytes);
            std::thread::sleep(Duration::from_millis((60 - n) % 7));
            Ok(Document {
                text: n.to_string(),
                ..Document::default()
            })
        };
        let settings = Settings {
            jobs: 4,
            pretty: false,
        };
        let mut out = Vec::new();
        let summary = run_with(
            inputs.into_iter(),
            &Options::default(),
            &settings,
            &mut out,
            &slow_first,
        )
        .expect("batch runs");
        let expected: Vec<String> = (0..60).map(|i| format!("{i}.html")).collect();
        assert_eq!(sources(&out), expected);
        assert_eq!(summary.errors, 0);
    }

    #[test]
    fn a_panic_in_the_extractor_becomes_an_internal_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let inputs = numbered_inputs(dir.path(), 3);
        let panics_on_one = |bytes: &[u8], _: &Options| {
            if number(bytes) == 1 {
                panic!("boom on page one");
            }
            Ok(Document::default())
        };
        let settings = Settings {
            jobs: 2,
            pretty: false,
        };
        let mut out = Vec::new();
        let summary = run_with(
            inputs.into_iter(),
            &Options::default(),
            &settings,
            &mut out,
            &panics_on_one,
        )
        .expect("batch runs");
        let text = String::from_utf8(out).expect("UTF-8");
        let records: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1]["error"]["kind"], "internal");
        let message = records[1]["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("boom on page one"), "{message}");
        assert!(records[0].get("error").is_none());
        assert!(records[2].get("error").is_none());
        assert_eq!(summary.errors, 1);
    }
}
