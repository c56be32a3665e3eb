//! Per-page extraction time on the benchmark pages, as a ratio to parsing alone.
//!
//! Four routines run over the same pages, preloaded and decompressed, in one run:
//!
//! - `parse`: `scraper::Html::parse_document` on the page already decoded to a
//!   `String` — html5ever building the tree and nothing else: the floor every
//!   extractor here stands on.
//! - `pith`: `pagepith::extract` from the raw bytes (decoding included).
//! - `dom_smoothie` and `readability`: the two Rust Readability ports that
//!   `pith-eval` scores, called as it calls them.
//!
//! One iteration is the whole corpus, so criterion's times are per corpus and
//! its throughput line is pages per second. Times are the benchmark thread's CPU
//! time, not wall time: on a shared, loaded machine the wall clock also counts
//! the slices other processes ran in. For the same reason the ratios at the end
//! come from interleaved rounds: each round runs every routine over the corpus
//! back to back, the ratio to `parse` is taken within the round, and the median
//! over rounds is reported.
//!
//! `cargo bench --features eval --bench extract` (about two minutes).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, SamplingMode, Throughput};

use common::Page;

/// One routine under comparison: one page in, something that depends on all of
/// its work out (so nothing is optimised away).
struct Routine {
    name: &'static str,
    run: fn(&Prepared) -> usize,
}

/// A page with what each routine takes as input, prepared before timing.
struct Prepared {
    page: Page,
    /// The page as text, for the parse-only floor (lossy UTF-8, as `pith-eval`
    /// hands pages to `dom_smoothie`).
    text: String,
    url: url::Url,
    options: pagepith::Options,
}

const ROUTINES: [Routine; 4] = [
    Routine {
        name: "parse",
        run: parse,
    },
    Routine {
        name: "pith",
        run: pith,
    },
    Routine {
        name: "dom_smoothie",
        run: dom_smoothie,
    },
    Routine {
        name: "readability",
        run: readability,
    },
];

fn parse(p: &Prepared) -> usize {
    let html = scraper::Html::parse_document(&p.text);
    html.tree.nodes().count()
}

fn pith(p: &Prepared) -> usize {
    match pagepith::extract(&p.page.html, &p.options) {
        Ok(doc) => doc.text.len(),
        Err(_) => 0,
    }
}

fn dom_smoothie(p: &Prepared) -> usize {
    let html = String::from_utf8_lossy(&p.page.html);
    let Ok(mut reader) = dom_smoothie::Readability::new(html.as_ref(), Some(p.url.as_str()), None)
    else {
        return 0;
    };
    reader.parse().map(|a| a.text_content.len()).unwrap_or(0)
}

fn readability(p: &Prepared) -> usize {
    readability::extractor::extract(&mut p.page.html.as_slice(), &p.url)
        .map(|product| product.text.len())
        .unwrap_or(0)
}

fn corpus(routine: &Routine, pages: &[Prepared]) -> usize {
    pages
        .iter()
        .map(|p| black_box((routine.run)(black_box(p))))
        .sum()
}

/// Rounds of the interleaved ratio measurement (each a few seconds).
const ROUNDS: usize = 7;

fn main() {
    let pages = match common::load() {
        Ok(pages) => pages,
        Err(message) => {
            eprintln!("extract bench skipped: {message}");
            return;
        }
    };
    let bytes = common::total_bytes(&pages);
    let pages: Vec<Prepared> = pages
        .into_iter()
        .map(|page| Prepared {
            text: String::from_utf8_lossy(&page.html).into_owned(),
            url: url::Url::parse(&page.url)
                .unwrap_or_else(|_| url::Url::parse("https://example.com/").expect("valid url")),
            options: pagepith::Options {
                url: Some(page.url.clone()),
                ..Default::default()
            },
            page,
        })
        .collect();
    let n = pages.len();
    eprintln!(
        "{n} pages, {:.1} MB decompressed, preloaded",
        bytes as f64 / 1e6
    );

    let mut criterion = Criterion::default()
        .with_measurement(ThreadCpu)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(12))
        .configure_from_args();
    {
        let mut group = criterion.benchmark_group("corpus");
        group.sampling_mode(SamplingMode::Flat);
        group.throughput(Throughput::Elements(n as u64));
        for routine in &ROUTINES {
            group.bench_function(routine.name, |b| b.iter(|| corpus(routine, &pages)));
        }
        group.finish();
    }
    criterion.final_summary();

    // `cargo test --benches` and `--list` run criterion in a mode that times
    // nothing; the ratio rounds are for real runs only.
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--test" || a == "--list") || !args.iter().any(|a| a == "--bench") {
        return;
    }
    ratios(&pages);
}

/// The interleaved rounds and the table: ms per page, and time ÷ parse time.
fn ratios(pages: &[Prepared]) {
    let n = pages.len() as f64;
    // secs[routine][round]
    let mut secs = vec![Vec::with_capacity(ROUNDS); ROUTINES.len()];
    for round in 0..ROUNDS {
        // Rotate the order so no routine always runs first (cold) or last.
        for k in 0..ROUTINES.len() {
            let r = (round + k) % ROUTINES.len();
            let start = thread_cpu();
            black_box(corpus(&ROUTINES[r], pages));
            secs[r].push((thread_cpu() - start).as_secs_f64());
        }
    }
    let parse = &secs[0];
    println!();
    println!(
        "Interleaved, {ROUNDS} rounds over {} pages, thread CPU time (medians):",
        pages.len()
    );
    println!();
    println!("| routine | ms/page | ÷ parse |");
    println!("|---|---|---|");
    for (routine, times) in ROUTINES.iter().zip(&secs) {
        let per_page = median(times.clone()) / n * 1e3;
        let ratio = median(times.iter().zip(parse).map(|(t, p)| t / p).collect());
        println!("| {} | {per_page:.2} | {ratio:.2}× |", routine.name);
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[mid]
    } else {
        (xs[mid - 1] + xs[mid]) / 2.0
    }
}

/// CPU time consumed so far by the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "CLOCK_THREAD_CPUTIME_ID is available on Linux");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Criterion measurement by the benchmark thread's CPU time (criterion runs
/// the routine on the thread that calls it), formatted like wall time.
struct ThreadCpu;

impl Measurement for ThreadCpu {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        thread_cpu()
    }
    fn end(&self, start: Duration) -> Duration {
        thread_cpu() - start
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WallTime.formatter()
    }
}
