//! Why an input gave no document, as the program sees it: the library's
//! extraction errors, a crawl record that could not be read, and the failures
//! only a program has (a file it could not open, a bug caught on a worker).
//! Each is one `error.kind` of the record.

use std::fmt;

/// One input's failure; its [`kind`](Failure::kind) is the record's `error.kind`.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The page was read but extraction refused it.
    Extract(pagepith::Error),
    /// A crawl file's record gave no page.
    Read(pagepith::crawl::ReadError),
    /// The input could not be read (missing file, permission, FIFO, directory, …).
    Io(String),
    /// The input is larger than `--max-bytes` before it was read whole.
    TooLarge { limit: u64 },
    /// Extraction failed unexpectedly (a bug in pith); the batch goes on.
    Internal(String),
}

impl Failure {
    /// The contract's `error.kind`: `io`, `too_large`, `empty`, `not_html`,
    /// `internal`, `timeout`.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Failure::Extract(err) => err.kind(),
            Failure::Read(err) => err.kind(),
            Failure::Io(_) => "io",
            Failure::TooLarge { .. } => "too_large",
            Failure::Internal(_) => "internal",
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Extract(err) => err.fmt(f),
            Failure::Read(err) => err.fmt(f),
            Failure::Io(message) | Failure::Internal(message) => f.write_str(message),
            // Worded as the library words its own limit, so the record reads
            // the same whichever refused the page.
            Failure::TooLarge { limit } => pagepith::Error::TooLarge { limit: *limit }.fmt(f),
        }
    }
}

impl From<pagepith::Error> for Failure {
    fn from(err: pagepith::Error) -> Self {
        Failure::Extract(err)
    }
}

impl From<pagepith::crawl::ReadError> for Failure {
    fn from(err: pagepith::crawl::ReadError) -> Self {
        Failure::Read(err)
    }
}

impl From<std::io::Error> for Failure {
    fn from(err: std::io::Error) -> Self {
        Failure::Io(err.to_string())
    }
}
