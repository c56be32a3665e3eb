//! Where pages come from: the command line's arguments and `--files-from` lists,
//! turned into a stream of [`Input`]s, one per page, in a deterministic order.
//!
//! Enumeration is lazy: directories and globs are walked as the batch asks for the
//! next input, and `--files-from` lists are read line by line, so a million-path
//! job starts on its first page at once. An argument that yields no page (a glob or
//! directory that matches nothing) yields an error input for itself instead, so
//! every argument leaves a trace in the output.
//!
//! [`read()`] then fetches one input's bytes, bounded by the size limit.

mod container;
mod list;
mod read;
mod walk;

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::failure::Failure;

pub(crate) use container::{Containers, expand};
pub(crate) use list::Delimiter;
pub(crate) use read::read;

/// What the inputs hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum InputFormat {
    /// One HTML page per file (plain or .gz).
    Html,
    /// WARC files (plain, gzip per record or whole-file gzip): one page per
    /// HTML `response` record.
    Warc,
    /// JSON Lines (plain or gzip): one page per object, HTML in a field.
    Jsonl,
}

impl InputFormat {
    /// Whether the directory walk picks this file for this format.
    fn wants(self, path: &Path) -> bool {
        match self {
            InputFormat::Html => is_page(path),
            InputFormat::Warc => has_extension(path, &["warc", "arc"]),
            InputFormat::Jsonl => has_extension(path, &["jsonl", "ndjson"]),
        }
    }

    /// What the directory walk looks for, for the message when it finds none.
    fn wanted_files(self) -> &'static str {
        match self {
            InputFormat::Html => "directory holds no .html, .htm, .xhtml or .gz pages",
            InputFormat::Warc => "directory holds no .warc or .warc.gz files",
            InputFormat::Jsonl => "directory holds no .jsonl or .ndjson files (plain or .gz)",
        }
    }
}
/// One page to extract, or the reason an argument gave none.
#[derive(Debug)]
pub(crate) struct Input {
    /// The input as given: the path as typed or as the walk produced it, `-` for stdin.
    pub(crate) source: String,
    /// Where `--out-dir` puts this input's result: a relative path without
    /// extension, mirroring the input's name.
    pub(crate) name: PathBuf,
    pub(crate) kind: InputKind,
    /// What a record container (WARC, JSONL) said about this page.
    pub(crate) meta: RecordMeta,
}

/// Facts a record container gives about its page, beside the bytes.
#[derive(Debug, Default)]
pub(crate) struct RecordMeta {
    /// The URL the page was fetched from (WARC-Target-URI, a JSONL `url`).
    pub(crate) url: Option<String>,
    /// The charset of the HTTP `Content-Type` header.
    pub(crate) charset: Option<String>,
    /// The JSONL row's other fields, for `--passthrough`.
    pub(crate) passthrough: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Debug)]
pub(crate) enum InputKind {
    /// A file path; whether it is readable is found out when it is read.
    File(PathBuf),
    /// The page on standard input.
    Stdin,
    /// A page a container reader has already read (at most `--max-bytes`).
    Bytes(Vec<u8>),
    /// Enumeration failed for this source (a glob or directory matched nothing, a
    /// walk could not enter a directory); it becomes an error record as is.
    Failed(Failure),
}

impl Input {
    fn file(path: PathBuf) -> Self {
        Input {
            source: path.to_string_lossy().into_owned(),
            name: output_name(&path),
            kind: InputKind::File(path),
            meta: RecordMeta::default(),
        }
    }

    fn failed(source: String, error: Failure) -> Self {
        Input {
            name: output_name(Path::new(&source)),
            source,
            kind: InputKind::Failed(error),
            meta: RecordMeta::default(),
        }
    }

    fn stdin() -> Self {
        Input {
            source: STDIN.to_owned(),
            name: PathBuf::from("stdin"),
            kind: InputKind::Stdin,
            meta: RecordMeta::default(),
        }
    }
}

/// The `--out-dir` name of an input path: the path made relative and kept
/// inside the directory (`..` becomes `_`), without `.gz` and the page extension.
fn output_name(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut name = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => name.push(part),
            Component::ParentDir => name.push("_"),
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
        }
    }
    if is_gzip(&name) {
        name.set_extension("");
    }
    if name
        .extension()
        .is_some_and(|ext| PAGE_EXTENSIONS.iter().any(|p| ext.eq_ignore_ascii_case(p)))
    {
        name.set_extension("");
    }
    if name.as_os_str().is_empty() {
        name.push("_");
    }
    name
}

/// A record id or key made safe as one file name: anything but letters,
/// digits, `.`, `-` and `_` becomes `_`, and it is cut at 200 bytes.
fn file_name_part(id: &str) -> String {
    let mut part: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    part.truncate(200);
    if part.is_empty() || part.chars().all(|c| c == '.') {
        part.insert(0, '_');
    }
    part
}

/// The argument that means "standard input".
pub(crate) const STDIN: &str = "-";

/// How one command-line argument is read.
pub(crate) enum ArgKind {
    Stdin,
    /// An existing directory: walked for page files.
    Directory,
    /// Not an existing path but containing glob metacharacters: expanded by us,
    /// for job runners that pass patterns quoted.
    Glob,
    /// Anything else is taken as a file path (a missing one gives an `io` record).
    File,
}

/// Decides how an argument is read. Existing paths win over glob syntax, so a file
/// literally named `page[1].html` is read as that file.
pub(crate) fn classify(arg: &Path) -> ArgKind {
    if arg.as_os_str() == STDIN {
        return ArgKind::Stdin;
    }
    match std::fs::metadata(arg) {
        Ok(meta) if meta.is_dir() => ArgKind::Directory,
        Ok(_) => ArgKind::File,
        // A dangling symlink is still an existing path: read it as a file and
        // let the read report why it fails.
        Err(_) if arg.symlink_metadata().is_ok() => ArgKind::File,
        Err(_) if walk::is_glob(arg) => ArgKind::Glob,
        Err(_) => ArgKind::File,
    }
}

/// The stream of inputs: positional arguments first, in the order given, then the
/// `--files-from` list, if any.
pub(crate) struct Inputs {
    format: InputFormat,
    args: VecDeque<OsString>,
    files_from: Option<(OsString, Delimiter)>,
    /// The argument being expanded right now.
    current: Option<Box<dyn Iterator<Item = Input>>>,
}

impl Inputs {
    pub(crate) fn new(
        format: InputFormat,
        args: Vec<OsString>,
        files_from: Option<(OsString, Delimiter)>,
    ) -> Self {
        Inputs {
            format,
            args: args.into(),
            files_from,
            current: None,
        }
    }

    /// Starts expanding the next argument. `None` when all are done.
    fn next_source(&mut self) -> Option<Box<dyn Iterator<Item = Input>>> {
        if let Some(arg) = self.args.pop_front() {
            let path = PathBuf::from(arg);
            let expansion: Box<dyn Iterator<Item = Input>> = match classify(&path) {
                ArgKind::Stdin => Box::new(std::iter::once(Input::stdin())),
                ArgKind::File => Box::new(std::iter::once(Input::file(path))),
                ArgKind::Directory => {
                    let format = self.format;
                    Box::new(walk::directory(
                        path,
                        move |p| format.wants(p),
                        format.wanted_files(),
                    ))
                }
                ArgKind::Glob => walk::glob(path),
            };
            return Some(expansion);
        }
        let (list, delimiter) = self.files_from.take()?;
        Some(Box::new(list::Lines::open(list, delimiter)))
    }
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(input) = self.current.as_mut().and_then(Iterator::next) {
                return Some(input);
            }
            self.current = Some(self.next_source()?);
        }
    }
}

/// File names the directory walk picks up: HTML pages, plain or gzip-compressed.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// Whether a file is gzip-compressed, by its name (`.gz`, any case).
fn is_gzip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"))
}

/// Whether a file is named `*.EXT` or `*.EXT.gz` for one of `extensions`, any case.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    let inner = if is_gzip(path) {
        match path.file_stem() {
            Some(stem) => Path::new(stem),
            None => return false,
        }
    } else {
        path
    };
    inner
        .extension()
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// Whether the directory walk should pick this file: `.html`, `.htm`, `.xhtml`,
/// or one of those followed by `.gz`, in any case.
fn is_page(path: &Path) -> bool {
    has_extension(path, PAGE_EXTENSIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_extensions_with_and_without_gzip() {
        for name in ["a.html", "a.HTM", "dir/a.xhtml", "a.html.gz", "a.htm.GZ"] {
            assert!(is_page(Path::new(name)), "{name}");
        }
        for name in ["a.txt", "a.gz", "a.txt.gz", "html", "a.html.bak", ".gz"] {
            assert!(!is_page(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn output_names_stay_inside_the_directory() {
        let name = |p: &str| output_name(Path::new(p));
        assert_eq!(name("crawl/a.html.gz"), Path::new("crawl/a"));
        assert_eq!(name("/abs/b.htm"), Path::new("abs/b"));
        assert_eq!(name("../up/c.xhtml"), Path::new("_/up/c"));
        assert_eq!(name("rows.jsonl"), Path::new("rows.jsonl"));
        assert_eq!(file_name_part("<urn:uuid:1/2>"), "_urn_uuid_1_2_");
        assert_eq!(file_name_part(".."), "_..");
    }
}
