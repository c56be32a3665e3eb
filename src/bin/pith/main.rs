//! `pith`: the command line. Parses flags, builds [`pagepith::Options`], runs the
//! [batch] over the [inputs](input), and turns the outcome into the exit status.

mod batch;
mod failure;
mod input;
mod output;

use std::cell::RefCell;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

use clap::Parser;

use input::{ArgKind, Containers, Delimiter, InputFormat, Inputs};
use output::{Format, OutDir, Progress, Render, Sink, Stream, Total};
use pagepith::crawl::Skipped;

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
    curl -s https://example.com/ | pith - --url https://example.com/\n  \
    pith --input-format warc crawl/*.warc.gz -o pages.jsonl\n  \
    pith --input-format jsonl rows.jsonl --passthrough --fields title,text\n  \
    pith --format markdown --out-dir articles/ crawl/\n  \
    pith --format explain page.html -o page.explain.html\n  \
    pith --format explain --out-dir explained/ crawl/")]
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

    /// The URL the page was fetched from: relative links resolve against it unless
    /// the page has a `<base href>`, and it is the record's `url` when the page
    /// names no canonical URL. Only with a single file or `-`.
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

    /// What the inputs hold: `html` pages, `warc` files (one record per HTML
    /// response; gzip per record, whole-file or none) or `jsonl` rows (HTML in a
    /// field; plain or gzip).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Html)]
    input_format: InputFormat,

    /// With --input-format jsonl: the field that holds the page's HTML.
    #[arg(long, value_name = "NAME", default_value = "html")]
    html_field: String,

    /// With --input-format jsonl: keep each row's fields other than the HTML
    /// under `input` in its record, to join results back.
    #[arg(long)]
    passthrough: bool,

    /// Output format: `jsonl` (one record per line), `json` (one array),
    /// `markdown` or `text` (the articles, one after another with a separator),
    /// `explain` (an HTML page showing what pith stripped, kept and why; for a
    /// single page, or with --out-dir one file per page; see docs/explain.md).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Jsonl)]
    format: Format,

    /// Write one file per input into DIR, named after the input (`a/b.html` →
    /// `DIR/a/b.md`; a WARC record → `DIR/<file>/<record id>.md`); a failed
    /// input gets `<name>.error.json`.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    out_dir: Option<PathBuf>,

    /// Keep only these record fields (comma-separated), besides `source`,
    /// `error` and (with --passthrough) `input`. JSON formats only.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    fields: Option<Vec<String>>,

    /// Print nothing on stderr: no progress bar, no summary, no notes.
    #[arg(short, long, conflicts_with = "summary")]
    quiet: bool,

    /// Print the summary line (documents, errors by kind, pages/s) on stderr
    /// even when it is not a terminal. On a terminal it is always printed.
    #[arg(long)]
    summary: bool,
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
        render: Render {
            format: cli.format,
            pretty: cli.pretty,
            fields: cli.fields.clone(),
            one_per_file: cli.out_dir.is_some(),
            passthrough: cli.passthrough,
        },
    };
    let terminal = io::stderr().is_terminal();
    let bytes_read = Arc::new(AtomicU64::new(0));
    let total = progress_total(&cli, &bytes_read);
    let mut progress = Progress::new(terminal && !cli.quiet, total);

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
    let skipped = Rc::new(RefCell::new(Skipped::default()));
    let containers = Containers {
        format: cli.input_format,
        max_bytes: cli.max_bytes,
        html_field: cli.html_field,
        passthrough: cli.passthrough,
        bytes_read,
        skipped: Rc::clone(&skipped),
    };
    let inputs = input::expand(Inputs::new(cli.input_format, args, files_from), containers);

    let mut stream: Option<Stream<BufWriter<Box<dyn Write>>>> = None;
    let mut out_dir;
    let sink: &mut dyn Sink = match (&cli.out_dir, &cli.output) {
        (Some(dir), _) => {
            out_dir = OutDir::new(dir.clone(), cli.format);
            &mut out_dir
        }
        (None, None) => {
            let out: Box<dyn Write> = Box::new(io::stdout().lock());
            stream.insert(Stream::new(BufWriter::new(out), cli.format))
        }
        (None, Some(path)) => match File::create(path) {
            Ok(file) => {
                let out: Box<dyn Write> = Box::new(file);
                stream.insert(Stream::new(BufWriter::new(out), cli.format))
            }
            Err(err) => {
                eprintln!("pith: cannot create {}: {err}", path.display());
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };

    let outcome = batch::run(inputs, &options, &settings, sink, &mut progress);
    progress.finish();
    if !cli.quiet {
        let skipped = skipped.borrow();
        if skipped.total() > 0 {
            let reasons: Vec<String> = skipped.iter().map(|(r, n)| format!("{n} {r}")).collect();
            eprintln!(
                "pith: skipped {} WARC records that hold no HTML page: {}",
                skipped.total(),
                reasons.join(", ")
            );
        }
        if terminal || cli.summary {
            eprintln!("{}", progress.summary());
        }
    }
    match outcome {
        Ok(()) if progress.errors() == 0 => ExitCode::from(EXIT_OK),
        Ok(()) => ExitCode::from(EXIT_SOME_FAILED),
        // The reader went away (`pith … | head -1`): it has what it wanted.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {
            // Drop the buffered rest without trying to write it again.
            if let Some(stream) = stream {
                drop(stream.into_inner().into_parts());
            }
            ExitCode::from(EXIT_OK)
        }
        Err(err) => {
            eprintln!("pith: cannot write the output: {err}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// What the progress bar counts towards, when it can be known up front: the
/// inputs, when every argument is a page file; the bytes, when every argument
/// is a container file.
fn progress_total(cli: &Cli, bytes_read: &Arc<AtomicU64>) -> Total {
    let all_files = cli.files_from.is_none()
        && cli
            .inputs
            .iter()
            .all(|p| matches!(input::classify(p), ArgKind::File));
    if !all_files {
        return Total::Unknown;
    }
    match cli.input_format {
        InputFormat::Html => Total::Pages(cli.inputs.len() as u64),
        InputFormat::Warc | InputFormat::Jsonl => {
            let bytes = cli
                .inputs
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            Total::Bytes(bytes, Arc::clone(bytes_read))
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
    let single_page = cli.input_format == InputFormat::Html
        && cli.files_from.is_none()
        && cli.inputs.len() == 1
        && matches!(
            input::classify(&cli.inputs[0]),
            ArgKind::File | ArgKind::Stdin
        );
    if cli.url.is_some() && !single_page {
        return Err("--url applies to a single page: give exactly one file or `-`".to_owned());
    }
    if cli.format == Format::Explain && cli.out_dir.is_none() && !single_page {
        return Err(
            "--format explain writes one HTML page: give exactly one file or `-`, \
                    or use --out-dir for one file per page"
                .to_owned(),
        );
    }
    if cli.input_format != InputFormat::Jsonl {
        if cli.passthrough {
            return Err("--passthrough applies to --input-format jsonl".to_owned());
        }
        if cli.html_field != "html" {
            return Err("--html-field applies to --input-format jsonl".to_owned());
        }
    }
    if let Some(fields) = &cli.fields {
        if !cli.format.is_json() {
            return Err("--fields applies to the JSON formats (--format jsonl or json)".to_owned());
        }
        let known = output::document_fields();
        if let Some(unknown) = fields
            .iter()
            .find(|f| !known.contains(f) && f.as_str() != "source")
        {
            return Err(format!(
                "unknown field {unknown:?} in --fields; the fields are: {}",
                known.join(", ")
            ));
        }
    }
    Ok(())
}
