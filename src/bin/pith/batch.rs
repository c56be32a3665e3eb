//! The batch: a stream of inputs in, one JSON line per input out, in input order,
//! while pages are read and extracted in parallel on a pool of worker threads.
//!
//! Ordering with flat memory: every input gets a sequence number and is queued for
//! the workers at once, but never more than [`WINDOW_PER_THREAD`] × threads inputs
//! are between "queued" and "written". Finished lines that overtook an earlier,
//! slower page wait in a small map until it is done; when the window is full the
//! writer waits for results before it takes the next input. So memory holds at most
//! one window of pages and records, however many inputs there are, and the output
//! bytes do not depend on the number of threads.
//!
//! Every input's outcome becomes a line: a document, or an error record, including
//! for a panic inside the extractor, which is caught and reported as `internal`.
//!
//! A page that overruns its time budget normally stops itself: the extractor
//! checks the clock as it goes ([`Options::timeout`]). The watchdog here is the
//! backstop for anything that does not: while the writer waits for the next line
//! in order, it looks at how long that page has been extracting (the clock starts
//! after the page is read), and past the budget plus [`WATCHDOG_GRACE`] it writes
//! the page's `timeout` record itself, starts a fresh worker in place of the
//! stuck one, and goes on. A thread cannot be killed, so the stuck worker runs on
//! until it finishes (its late line is discarded, and it then exits) or the
//! process ends; the output never waits for it.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, Once, PoisonError, mpsc};
use std::time::{Duration, Instant};

use pagepith::{Document, Error, Options};

use crate::failure::Failure;
use serde_json::{Map, Value};

use crate::input::{self, Input, RecordMeta};
use crate::output::{Format, Made, Progress, Render, Rendered, Sink};

/// How many inputs each thread may have in flight (being extracted, or finished and
/// waiting for an earlier one). Enough that one slow page rarely stalls the others;
/// small enough that memory stays a few pages per thread.
const WINDOW_PER_THREAD: usize = 4;

/// How long past its time budget a page may run before the watchdog gives up on
/// it. The extractor's own checks normally stop it well within this.
pub(crate) const WATCHDOG_GRACE: Duration = Duration::from_secs(2);

/// How often the writer looks at the clock while it waits for a line.
const WATCHDOG_TICK: Duration = Duration::from_millis(50);

/// Stack size of a worker thread. The extractor does not recurse; this is room
/// for the parser's own frames, with margin.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// How the batch runs, from the command line.
pub(crate) struct Settings {
    /// Worker threads.
    pub(crate) jobs: usize,
    /// How each record is rendered.
    pub(crate) render: Render,
}

/// One input's rendered record.
struct Line {
    source: String,
    /// The input's `--out-dir` name.
    name: PathBuf,
    bytes: Vec<u8>,
    /// The error kind, for an error record.
    error: Option<&'static str>,
}

/// Runs the batch, handing one record per input to `sink` in input order and
/// counting them in `progress`, then finishes the sink. Returns an error only
/// when the output cannot be written.
pub(crate) fn run(
    inputs: impl Iterator<Item = Input>,
    options: &Options,
    settings: &Settings,
    sink: &mut dyn Sink,
    progress: &mut Progress,
) -> io::Result<()> {
    let extract = Arc::new(pagepith::extract);
    run_with(inputs, options, settings, sink, progress, extract)
}

/// The extractor's signature; a parameter so tests can slow it down or make it panic.
type Extract = dyn Fn(&[u8], &Options) -> Result<Document, Error> + Send + Sync;

/// One page for a worker.
struct Job {
    seq: u64,
    input: Input,
}

/// What the workers share with the writer.
struct Shared {
    queue: Mutex<mpsc::Receiver<Job>>,
    results: Mutex<mpsc::Sender<(u64, Line)>>,
    options: Options,
    render: Render,
    extract: Arc<Extract>,
    /// The pages being extracted (after they were read).
    running: Mutex<HashMap<u64, Running>>,
    /// Pages the watchdog gave up on; their workers exit when they finish.
    abandoned: Mutex<HashSet<u64>>,
}

/// A page being extracted, for the watchdog's record.
struct Running {
    started: Instant,
    source: String,
    name: PathBuf,
    passthrough: Option<Map<String, Value>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic is caught per page, so a poisoned lock only means a panic while
    // holding it in code that cannot leave the data inconsistent.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn run_with(
    inputs: impl Iterator<Item = Input>,
    options: &Options,
    settings: &Settings,
    sink: &mut dyn Sink,
    progress: &mut Progress,
    extract: Arc<Extract>,
) -> io::Result<()> {
    install_quiet_panic_hook();
    let (job_sender, job_receiver) = mpsc::channel::<Job>();
    let (sender, receiver) = mpsc::channel::<(u64, Line)>();
    let shared = Arc::new(Shared {
        queue: Mutex::new(job_receiver),
        results: Mutex::new(sender),
        options: options.clone(),
        render: settings.render.clone(),
        extract,
        running: Mutex::new(HashMap::new()),
        abandoned: Mutex::new(HashSet::new()),
    });
    let mut workers = 0;
    for _ in 0..settings.jobs.max(1) {
        spawn_worker(&shared, &mut workers)?;
    }
    let window = settings.jobs.max(1) * WINDOW_PER_THREAD;
    let watchdog = options.timeout.map(|budget| budget + WATCHDOG_GRACE);

    let mut writer = Ordered::new(sink, progress);
    let mut handed_out: u64 = 0;
    let mut wait = |writer: &mut Ordered| -> io::Result<()> {
        let next = writer.next;
        let result = loop {
            match receiver.recv_timeout(WATCHDOG_TICK) {
                Ok(result) => break result,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(line) = watch(&shared, next, watchdog) {
                        spawn_worker(&shared, &mut workers)?;
                        break (next, line);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    unreachable!("the shared state keeps a sender alive")
                }
            }
        };
        writer.accept(result)
    };
    for input in inputs {
        while handed_out - writer.next >= window as u64 {
            wait(&mut writer)?;
        }
        let job = Job {
            seq: handed_out,
            input,
        };
        job_sender
            .send(job)
            .map_err(|_| io::Error::other("the workers are gone"))?;
        handed_out += 1;
        // Write what is ready now rather than only when the window fills, so
        // output flows while a slow producer (a `find` pipe) lists inputs.
        while let Ok(result) = receiver.try_recv() {
            writer.accept(result)?;
        }
    }
    while writer.next < handed_out {
        wait(&mut writer)?;
    }
    // Idle workers see the queue close and exit; a stuck one is not waited for.
    drop(job_sender);
    writer.out.finish()
}

/// The watchdog: the `timeout` record for page `seq` if it has been extracting
/// for longer than `limit`, after marking it abandoned.
fn watch(shared: &Shared, seq: u64, limit: Option<Duration>) -> Option<Line> {
    let limit = limit?;
    let page = {
        let mut running = lock(&shared.running);
        if running.get(&seq)?.started.elapsed() < limit {
            return None;
        }
        running.remove(&seq)?
    };
    lock(&shared.abandoned).insert(seq);
    let budget = shared.options.timeout.unwrap_or(limit);
    let message = format!(
        "{}; the page was abandoned after {limit:?}",
        Error::Timeout { limit: budget }
    );
    let bytes = shared
        .render
        .error(&page.source, page.passthrough.as_ref(), "timeout", &message);
    Some(Line {
        source: page.source,
        name: page.name,
        bytes,
        error: Some("timeout"),
    })
}

/// Starts one worker thread.
fn spawn_worker(shared: &Arc<Shared>, count: &mut usize) -> io::Result<()> {
    let shared = Arc::clone(shared);
    std::thread::Builder::new()
        .name(format!("pith-worker-{count}"))
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || work(&shared))?;
    *count += 1;
    Ok(())
}

/// A worker: takes pages off the queue until it closes, or until the page it
/// just finished was abandoned by the watchdog (a replacement has its place).
fn work(shared: &Shared) {
    let results = lock(&shared.results).clone();
    loop {
        let job = lock(&shared.queue).recv();
        let Ok(Job { seq, input }) = job else { return };
        let line = process(input, shared, seq);
        lock(&shared.running).remove(&seq);
        // The writer is gone only when output failed; nothing to tell then.
        let _ = results.send((seq, line));
        if lock(&shared.abandoned).remove(&seq) {
            return;
        }
    }
}

/// Writes lines in sequence order, holding those that arrive early.
struct Ordered<'w> {
    out: &'w mut dyn Sink,
    progress: &'w mut Progress,
    /// The sequence number of the next line to write.
    next: u64,
    early: BTreeMap<u64, Line>,
}

impl<'w> Ordered<'w> {
    fn new(out: &'w mut dyn Sink, progress: &'w mut Progress) -> Self {
        Ordered {
            out,
            progress,
            next: 0,
            early: BTreeMap::new(),
        }
    }

    fn accept(&mut self, (seq, line): (u64, Line)) -> io::Result<()> {
        if seq < self.next {
            // The late line of a page the watchdog already wrote off.
            return Ok(());
        }
        self.early.insert(seq, line);
        while let Some(line) = self.early.remove(&self.next) {
            self.out.write(&Rendered {
                source: &line.source,
                name: &line.name,
                bytes: &line.bytes,
                ok: line.error.is_none(),
            })?;
            self.progress.record(line.error);
            self.next += 1;
        }
        Ok(())
    }
}

/// Reads, extracts and serializes one input. Never panics: a panic anywhere in
/// here (in practice, inside the extractor) becomes an `internal` error record.
/// The page's clock starts once it is read: the watchdog times extraction only.
fn process(input: Input, shared: &Shared, seq: u64) -> Line {
    let Input {
        source,
        name,
        kind,
        meta,
    } = input;
    let RecordMeta {
        url,
        charset,
        passthrough,
    } = meta;
    // A record container's URL and charset are this page's own.
    let page_options = shared.options.for_page(url, charset);
    let options = page_options.as_ref().unwrap_or(&shared.options);
    let render = &shared.render;
    let passthrough = passthrough.as_ref();
    let work = AssertUnwindSafe(|| {
        let result = input::read(kind, options.max_bytes).and_then(|bytes| {
            let running = Running {
                started: Instant::now(),
                source: source.clone(),
                name: name.clone(),
                passthrough: passthrough.cloned(),
            };
            lock(&shared.running).insert(seq, running);
            if render.format == Format::Explain {
                pagepith::explain(&bytes, options)
                    .map(Made::Explained)
                    .map_err(Failure::from)
            } else {
                (shared.extract)(&bytes, options)
                    .map(Made::Document)
                    .map_err(Failure::from)
            }
        });
        encode(render, &source, passthrough, result)
    });
    QUIET_PANIC.set(true);
    let outcome = panic::catch_unwind(work);
    QUIET_PANIC.set(false);
    outcome
        .unwrap_or_else(|payload| {
            let what = panic_message(payload.as_ref());
            let place = LAST_PANIC_PLACE.take().unwrap_or_default();
            let message = format!("pith panicked on this page (a bug in pith): {what}{place}");
            encode(
                render,
                &source,
                passthrough,
                Err(Failure::Internal(message)),
            )
        })
        .into_line(source, name)
}

/// A record's bytes and error kind, before it knows its source and name.
struct Encoded(Vec<u8>, Option<&'static str>);

impl Encoded {
    fn into_line(self, source: String, name: PathBuf) -> Line {
        Line {
            source,
            name,
            bytes: self.0,
            error: self.1,
        }
    }
}

fn encode(
    render: &Render,
    source: &str,
    passthrough: Option<&Map<String, Value>>,
    result: Result<Made, Failure>,
) -> Encoded {
    let error = match result {
        Ok(made) => match render.made(source, passthrough, &made) {
            Ok(bytes) => return Encoded(bytes, None),
            Err(err) => Failure::Internal(format!("cannot serialize the record: {err}")),
        },
        Err(error) => error,
    };
    let kind = error.kind();
    let bytes = render.error(source, passthrough, kind, &error.to_string());
    Encoded(bytes, Some(kind))
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
    use crate::output::{Format, Stream};
    use std::time::Duration;

    /// One temp file per input, holding its number, so the extractor knows which it has.
    fn numbered_inputs(dir: &std::path::Path, count: usize) -> Vec<Input> {
        (0..count)
            .map(|i| {
                let path = dir.join(format!("{i}.html"));
                std::fs::write(&path, i.to_string()).expect("write input");
                Input {
                    source: format!("{i}.html"),
                    name: PathBuf::from(i.to_string()),
                    kind: InputKind::File(path),
                    meta: RecordMeta::default(),
                }
            })
            .collect()
    }

    fn settings(jobs: usize) -> Settings {
        Settings {
            jobs,
            render: Render {
                format: Format::Jsonl,
                pretty: false,
                fields: None,
                one_per_file: false,
                passthrough: false,
            },
        }
    }

    /// Runs a batch into a JSON Lines buffer; the output and the error count.
    fn batch(
        inputs: Vec<Input>,
        options: &Options,
        settings: &Settings,
        extract: Arc<Extract>,
    ) -> (Vec<u8>, u64) {
        let mut sink = Stream::new(Vec::new(), Format::Jsonl);
        let mut progress = Progress::hidden();
        run_with(
            inputs.into_iter(),
            options,
            settings,
            &mut sink,
            &mut progress,
            extract,
        )
        .expect("batch runs");
        (sink.into_inner(), progress.errors())
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
        let settings = settings(4);
        let (out, errors) = batch(inputs, &Options::default(), &settings, Arc::new(slow_first));
        let expected: Vec<String> = (0..60).map(|i| format!("{i}.html")).collect();
        assert_eq!(sources(&out), expected);
        assert_eq!(errors, 0);
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
        let settings = settings(2);
        let (out, errors) = batch(
            inputs,
            &Options::default(),
            &settings,
            Arc::new(panics_on_one),
        );
        let text = String::from_utf8(out).expect("UTF-8");
        let records: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1]["error"]["kind"], "internal");
        let message = records[1]["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("boom on page one"), "{message}");
        assert!(records[0]["error"].is_null());
        assert!(records[2]["error"].is_null());
        assert_eq!(errors, 1);
    }

    #[test]
    fn a_page_that_never_finishes_gets_a_timeout_record_and_the_batch_goes_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let inputs = numbered_inputs(dir.path(), 6);
        // Pages 1 and 3 ignore every budget; with two workers both get stuck.
        let hangs = |bytes: &[u8], _: &Options| {
            if matches!(number(bytes), 1 | 3) {
                loop {
                    std::thread::sleep(Duration::from_secs(3600));
                }
            }
            Ok(Document::default())
        };
        let options = Options {
            timeout: Some(Duration::from_millis(100)),
            ..Options::default()
        };
        let settings = settings(2);
        let started = std::time::Instant::now();
        let (out, errors) = batch(inputs, &options, &settings, Arc::new(hangs));
        assert!(started.elapsed() < Duration::from_secs(20));
        let text = String::from_utf8(out).expect("UTF-8");
        let records: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect();
        let kinds: Vec<&str> = records
            .iter()
            .map(|r| r["error"]["kind"].as_str().unwrap_or("ok"))
            .collect();
        assert_eq!(kinds, ["ok", "timeout", "ok", "timeout", "ok", "ok"]);
        assert_eq!(records[1]["source"], "1.html");
        assert_eq!(errors, 2);
    }
}
