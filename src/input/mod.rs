//! Where pages come from: the command line's arguments and `--files-from` lists,
//! turned into a stream of [`Input`]s, one per page, in a deterministic order.
//!
//! Enumeration is lazy: directories and globs are walked as the batch asks for the
//! next input, and `--files-from` lists are read line by line, so a million-path
//! job starts on its first page at once. An argument that yields no page (a glob or
//! directory that matches nothing) yields an error input for itself instead, so
//! every argument leaves a trace in the output.
//!
//! [`read`] then fetches one input's bytes, bounded by the size limit.

mod list;
mod read;
mod walk;

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub(crate) use list::Delimiter;
pub(crate) use read::read;

/// One page to extract, or the reason an argument gave none.
#[derive(Debug)]
pub(crate) struct Input {
    /// The input as given: the path as typed or as the walk produced it, `-` for stdin.
    pub(crate) source: String,
    pub(crate) kind: InputKind,
}

#[derive(Debug)]
pub(crate) enum InputKind {
    /// A file path; whether it is readable is found out when it is read.
    File(PathBuf),
    /// The page on standard input.
    Stdin,
    /// Enumeration failed for this source (a glob or directory matched nothing, a
    /// walk could not enter a directory); it becomes an error record as is.
    Failed(pagepith::Error),
}

impl Input {
    fn file(path: PathBuf) -> Self {
        Input {
            source: path.to_string_lossy().into_owned(),
            kind: InputKind::File(path),
        }
    }

    fn failed(source: String, error: pagepith::Error) -> Self {
        Input {
            source,
            kind: InputKind::Failed(error),
        }
    }
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
    args: VecDeque<OsString>,
    files_from: Option<(OsString, Delimiter)>,
    /// The argument being expanded right now.
    current: Option<Box<dyn Iterator<Item = Input>>>,
}

impl Inputs {
    pub(crate) fn new(args: Vec<OsString>, files_from: Option<(OsString, Delimiter)>) -> Self {
        Inputs {
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
                ArgKind::Stdin => Box::new(std::iter::once(Input {
                    source: STDIN.to_owned(),
                    kind: InputKind::Stdin,
                })),
                ArgKind::File => Box::new(std::iter::once(Input::file(path))),
                ArgKind::Directory => Box::new(walk::directory(path)),
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

/// Whether the directory walk should pick this file: `.html`, `.htm`, `.xhtml`,
/// or one of those followed by `.gz`, in any case.
fn is_page(path: &Path) -> bool {
    let inner = if is_gzip(path) {
        match path.file_stem() {
            Some(stem) => Path::new(stem),
            None => return false,
        }
    } else {
        path
    };
    inner.extension().is_some_and(|ext| {
        PAGE_EXTENSIONS
            .iter()
            .any(|page| ext.eq_ignore_ascii_case(page))
    })
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
}
