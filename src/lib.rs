//! pagepith turns a scraped web page into the article itself, as structured data.
//!
//! A page flows one way: bytes are [decoded](decode) to text, parsed into a DOM,
//! its [boilerplate classified](classify), the [article root found](content), the
//! article [structured](structure) into sections, captions and related links, and the
//! [metadata] read from the head. [`extract`] runs all of it for one page.
//!
//! ```
//! let html = br#"<html lang="en"><head><title>Tide tables | Harbour News</title></head>
//! <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
//! <article><h1>Tide tables</h1>
//! <p>The harbour master published the spring tide tables on Monday, with the
//! highest water expected in the second week of April.</p>
//! <h2>What changes</h2>
//! <p>Moorings on the north quay will be closed for two days while the
//! pontoons are raised, and boats will be moved to the outer basin.</p></article>
//! </body></html>"#;
//! let doc = pagepith::extract(html, &pagepith::Options::default()).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Tide tables"));
//! assert_eq!(doc.sections[1].heading.as_deref(), Some("What changes"));
//! assert!(!doc.text.contains("Home"));
//! ```

mod bytes;
mod classify;
mod content;
mod decode;
mod document;
mod dom;
mod error;
mod guard;
mod heuristics;
mod metadata;
mod structure;

pub use document::{Block, Boilerplate, Caption, Document, Link, Section, Stripped};
pub use error::Error;
pub use guard::{MAX_ATTRIBUTES, MAX_FORMATTING};

/// How to extract. Build it once and pass it by reference to every call.
#[derive(Debug, Clone)]
pub struct Options {
    /// The URL the page was fetched from, used to resolve relative links when the
    /// page states no canonical URL or `<base href>`.
    pub url: Option<String>,
    /// The charset from outside the page (an HTTP `Content-Type` header), which
    /// wins over the page's own declaration.
    pub charset: Option<String>,
    /// Pages larger than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: u64,
    /// Deepest nesting of elements kept; start tags past it are removed before
    /// parsing (their text is kept), so the tree stays shallow.
    pub max_depth: usize,
    /// Pages that would parse into more nodes than this are refused with
    /// [`Error::TooManyNodes`].
    pub max_nodes: u64,
    /// Time budget for one page; past it, extraction stops with
    /// [`Error::Timeout`]. `None`: no budget.
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

/// Extracts the article from one page's raw bytes.
///
/// The bytes may be in any charset; see the [module docs](crate) for the stages.
/// Errors are the contract's error kinds: empty, binary or oversized input, a
/// page over the node limit or the time budget.
pub fn extract(bytes: &[u8], options: &Options) -> Result<Document, Error> {
    let budget = guard::Budget::start(options);
    if bytes.len() as u64 > options.max_bytes {
        return Err(Error::TooLarge {
            limit: options.max_bytes,
        });
    }
    let text = decode::decode(bytes, options.charset.as_deref())?;
    let html = guard::parse(&text, options, &budget)?;
    drop(text);
    let page_url = options.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let meta = metadata::extract(&html, page_url.as_ref());
    let facts = dom::Facts::compute(&html);
    budget.check()?;
    let marks = classify::classify(&html, &facts);
    let headline = structure::headline(&html, &facts, &marks, meta.title.as_deref());
    let parts = content::find_parts(&facts, &marks, headline);
    let body = structure::build(&html, &facts, &marks, &parts, &meta);
    budget.check()?;
    Ok(assemble(meta, body))
}

fn assemble(meta: metadata::Metadata, body: structure::Body) -> Document {
    let word_count = body.text.split_whitespace().count();
    Document {
        url: meta.url,
        title: meta.title,
        description: meta.description,
        authors: meta.authors,
        published: meta.published,
        modified: meta.modified,
        site_name: meta.site_name,
        language: meta.language,
        image: meta.image,
        tags: meta.tags,
        sections: body.sections,
        captions: body.captions,
        related_links: body.related_links,
        text: body.text,
        word_count,
        stripped: body.stripped,
    }
}
