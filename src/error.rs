//! Errors are values: each variant is one `error.kind` of the contract that
//! [`extract`](crate::extract) can give. Reading input (files, crawls) fails in
//! other ways; those belong to whoever reads ([`crawl::ReadError`](crate::crawl::ReadError),
//! the `pith` program's own failures).

/// Why a page gave no document.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the configured limit.
    #[error("input exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes ([`Options::max_bytes`](crate::Options::max_bytes)).
        limit: u64,
    },
    /// The page would parse into more nodes (elements, text runs, comments)
    /// than the configured limit.
    #[error("page has more than {limit} nodes (elements, text runs, comments)")]
    TooManyNodes {
        /// The limit ([`Options::max_nodes`](crate::Options::max_nodes)).
        limit: u64,
    },
    /// Nothing but whitespace (or a byte-order mark).
    #[error("input is empty")]
    Empty,
    /// The bytes are not an HTML document (binary data, an image, …).
    #[error("{0}")]
    NotHtml(String),
    /// The page took longer than the per-page time budget.
    #[error("extraction took longer than the time budget of {limit:?}")]
    Timeout {
        /// The budget ([`Options::timeout`](crate::Options::timeout)).
        limit: std::time::Duration,
    },
}

impl Error {
    /// The contract's `error.kind`: `too_large`, `empty`, `not_html`, `timeout`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } | Error::TooManyNodes { .. } => "too_large",
            Error::Empty => "empty",
            Error::NotHtml(_) => "not_html",
            Error::Timeout { .. } => "timeout",
        }
    }
}
