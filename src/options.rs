//! How to extract: the [`Options`] a caller builds once and passes to every
//! [`extract`](crate::extract) call, and their defaults. The limits here are the
//! library's only configuration; nothing is read from the environment.

/// How to extract. Build it once and pass it by reference to every call.
#[derive(Debug, Clone)]
pub struct Options {
    /// The URL the page was fetched from, used to resolve relative links when the
    /// page states no `<base href>` (as a browser does), and as the page's URL
    /// when it states no canonical one.
    pub url: Option<String>,
    /// The charset from outside the page (an HTTP `Content-Type` header), which
    /// wins over the page's own declaration.
    pub charset: Option<String>,
    /// Pages larger than this many bytes are refused with [`Error::TooLarge`](crate::Error::TooLarge).
    pub max_bytes: u64,
    /// Deepest nesting of elements kept; start tags past it are removed before
    /// parsing (their text is kept), so the tree stays shallow.
    pub max_depth: usize,
    /// Pages that would parse into more nodes than this are refused with
    /// [`Error::TooManyNodes`](crate::Error::TooManyNodes).
    pub max_nodes: u64,
    /// Time budget for one page; past it, extraction stops with
    /// [`Error::Timeout`](crate::Error::Timeout). `None`: no budget.
    pub timeout: Option<std::time::Duration>,
}

/// Default for [`Options::max_bytes`]: 64 MiB, far above any real article page.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Default for [`Options::max_depth`]: 512, where browsers stop nesting too.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Default for [`Options::max_nodes`]: 4 million, about four times the nodes of
/// a 50 MB page of prose (a few hundred MB of memory for the DOM).
pub const DEFAULT_MAX_NODES: u64 = 4_000_000;

/// Default for [`Options::timeout`]: 30 seconds; the largest pages allowed
/// take a few seconds.
pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

impl Options {
    /// The options for one page of a crawl file, when the file says where the
    /// page came from: its URL (else the caller's) and its HTTP charset (which
    /// replaces the caller's). `None` when the file says neither, so the
    /// caller's options stand as they are. Every front end reading
    /// [`crawl`](crate::crawl) entries uses this, so a page decodes and
    /// resolves the same whichever reads it.
    pub fn for_page(&self, url: Option<String>, charset: Option<String>) -> Option<Options> {
        if url.is_none() && charset.is_none() {
            return None;
        }
        Some(Options {
            url: url.or_else(|| self.url.clone()),
            charset,
            ..self.clone()
        })
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            charset: None,
            max_bytes: DEFAULT_MAX_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
            timeout: Some(DEFAULT_TIMEOUT),
        }
    }
}
