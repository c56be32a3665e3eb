//! `pith`: the command line. Parses flags, builds [`pagepith::Options`], runs the
//! [batch] over the [inputs](input), and turns the outcome into the exit status.

mod batch;
mod input;

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use input::{ArgKind, Delimiter, Inputs};

/// Exit status when every input gave a document.
const EXIT_OK: u8 = 0;
/// Exit status when at least one input gave an error record.
const EXIT_SOME_FAILED: u8 = 1;
/// Exit status for a usage error, or when the output cannot be written at all.
const EXIT_USAGE: u8 = 2;

/// Turns scraped HTML pages into the article itself: one JSON record per page.
///
/// Writes JSON Lines: one object per input, in input order, whatever the number of
/// threads. An input that cannot be extracted gets a record too, {"source": …,
/// "error": {"kind": …, "message": …}}, and the batch goes on.
///
/// Exit status: 0 when every input gave a document, 1 when any input gave an error
/// record, 2 for a usage error (or when the output cannot be written).
#[derive(Parser, Debug)]
#[command(name = "pith", version, about, long_about)]
#[command(after_help = "Examples:\n  \
    pith page.html\n  \
    pith crawl/ -o pages.jsonl\n  \
    pith 'crawl/**/*.html.gz' -j 8\n  \
    find crawl -name '*.html' -print0 | pith --files-from - -0\n  \
    curl -s https://example.com/ | pith - --url https://example.com/")]
struct Cli {
    /// Pages to read: files; directories (searched recursively for .html, .htm,
    /// .xhtml and the same with .gz); glob patterns such as 'crawl/**/*.html',
    /// expanded by pith when quoted; or `-` for one page on standard input.
    /// Files ending in .gz are decompressed. Use `--` before names that start
    /// with a dash.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Also read input paths from FILE, one per line (`-` reads them from standard
    /// input). Each is taken as a file path: no globs, no directory walk. Paths are
    /// read as the batch goes, so a long list starts at once.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,

    /// With --files-from: paths are separated by NUL bytes, not newlines, as
    /// `find -print0` writes them.
    #[arg(short = '0', long = "null", requires = "files_from")]
    null: bool,

    /// The URL the page was fetched from, used to resolve relative links when the
    /// page names no canonical URL. Only with a single file or `-`.
    #[arg(long, value_name = "URL")]
    url: Option<String>,

    /// Refuse pages larger than this many bytes (counted after decompression),
    /// with a `too_large` error record; they are never read whole.
    #[arg(long, value_name = "BYTES", default_value_t = pagepith::DEFAULT_MAX_BYTES)]
    max_bytes: u64,

    /// Flatten structure nested deeper than this many elements: start tags past
    /// it are removed before parsing, their text is kept (browsers stop at 512).
    #[arg(long, value_name = "N", default_value_t = pagepith::DEFAULT_MAX_DEPTH as u32,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_depth: u32,

    /// Refuse pages that parse into more than this many nodes (elements, text
    /// runs, comments), with a `too_large` error record.
    #[arg(long, value_name = "N", default_value_t = pagepith::DEFAULT_MAX_NODES)]
    max_nodes: u64,

    /// Time budget per page, in seconds (fractions allowed; 0: none). A page
    /// over it gets a `timeout` error record and the batch goes on.
    #[arg(long, value_name = "SECONDS", default_value_t = pagepith::DEFAULT_TIMEOUT.as_secs_f64(),
          value_parser = parse_seconds)]
    timeout: f64,

    /// Number of pages to extract in parallel [default: number of CPU cores].
    /// The output is the same whatever the number.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,

    /// Write the records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Pretty-print each record over several lines, for reading by eye. The
    /// output is then no longer JSON Lines.
    #[arg(long)]
    pretty: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(message) = check_usage(&cli) {
        eprintln!("pith: {message}");
        return ExitCode::from(EXIT_USAGE);
    }

    let options = pagepith::Options {
        url: cli.url.clone(),
        max_bytes: cli.max_bytes,
        max_depth: cli.max_depth as usize,
        max_nodes: cli.max_nodes,
        timeout: (cli.timeout > 0.0).then(|| Duration::from_secs_f64(cli.timeout)),
        ..pagepith::Options::default()
    };
    let settings = batch::Settings {
        jobs: match cli.jobs {
            Some(n) => n as usize,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        },
        pretty: cli.pretty,
    };
    let delimiter = if cli.null {
        Delimiter::Nul
    } else {
        Delimiter::Newline
    };
    let args: Vec<OsString> = cli
        .inputs
        .into_iter()
        .map(PathBuf::into_os_string)
        .collect();
    let files_from = cli
        .files_from
        .map(|list| (list.into_os_string(), delimiter));
    let inputs = Inputs::new(args, files_from);

    let mut out: BufWriter<Box<dyn Write>> = match &cli.output {
        None => BufWriter::new(Box::new(io::stdout().lock())),
        Some(path) => match File::create(path) {
            Ok(file) => BufWriter::new(Box::new(file)),
            Err(err) => {
                eprintln!("pith: cannot create {}: {err}", path.display());
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };

    match batch::run(inputs, &options, &settings, &mut out) {
        Ok(summary) if summary.errors == 0 => ExitCode::from(EXIT_OK),
        Ok(_) => ExitCode::from(EXIT_SOME_FAILED),
        // The reader went away (`pith … | head -1`): it has what it wanted.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {
            // Drop the buffered rest without trying to write it again.
            let (_, _) = out.into_parts();
            ExitCode::from(EXIT_OK)
        }
        Err(err) => {
            eprintln!("pith: cannot write the output: {err}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// A non-negative, finite number of seconds.
fn parse_seconds(arg: &str) -> Result<f64, String> {
    match arg.parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..1e9).contains(&s) => Ok(s),
        _ => Err("expected a number of seconds, such as 30 or 0.5".to_owned()),
    }
}

/// The usage errors clap cannot see, as one line for stderr.
fn check_usage(cli: &Cli) -> Result<(), String> {
    if cli.inputs.is_empty() && cli.files_from.is_none() {
        return Err("no inputs given: name files, directories, globs or `-`, \
                    or use --files-from (see pith --help)"
            .to_owned());
    }
    let stdin = Path::new(input::STDIN);
    let stdin_args = cli.inputs.iter().filter(|p| p.as_path() == stdin).count();
    let list_on_stdin = cli.files_from.as_deref() == Some(stdin);
    if stdin_args + usize::from(list_on_stdin) > 1 {
        return Err("standard input (`-`) can be read only once".to_owned());
    }
    if cli.url.is_some() {
        let single_page = cli.files_from.is_none()
            && cli.inputs.len() == 1
            && matches!(
                input::classify(&cli.inputs[0]),
                ArgKind::File | ArgKind::Stdin
            );
        if !single_page {
            return Err("--url applies to a single page: give exactly one file or `-`".to_owned());
        }
    }
    Ok(())
}
