//! Errors are values: each variant is one `error.kind` of the contract.

/// Why a page gave no document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read (missing file, permission, FIFO, directory, …).
    #[error("{0}")]
    Io(String),
    /// The input is larger than the configured limit, before or after decompression.
    #[error("input exceeds the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    /// The page would parse into more nodes (elements, text runs, comments)
    /// than the configured limit.
    #[error("page has more than {limit} nodes (elements, text runs, comments)")]
    TooManyNodes { limit: u64 },
    /// Nothing but whitespace (or a byte-order mark).
    #[error("input is empty")]
    Empty,
    /// The bytes are not an HTML document (binary data, an image, …).
    #[error("{0}")]
    NotHtml(String),
    /// Extraction failed unexpectedly (a bug in pith); the batch goes on.
    #[error("{0}")]
    Internal(String),
    /// The page took longer than the per-page time budget.
    #[error("extraction took longer than the time budget of {limit:?}")]
    Timeout { limit: std::time::Duration },
}

impl Error {
    /// The contract's `error.kind`: `io`, `too_large`, `empty`, `not_html`, `internal`, `timeout`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io(_) => "io",
            Error::TooLarge { .. } | Error::TooManyNodes { .. } => "too_large",
            Error::Empty => "empty",
            Error::NotHtml(_) => "not_html",
            Error::Internal(_) => "internal",
            Error::Timeout { .. } => "timeout",
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}
