//! pagepith turns a scraped web page into the article itself, as structured data.
//!
//! A page flows one way: bytes are decoded to text, parsed into a DOM (behind a
//! guard that bounds its size and depth), its boilerplate classified, the
//! article root found, the article structured into sections, captions and
//! related links, and the metadata read from the head. [`extract`] runs all of
//! it for one page; `ARCHITECTURE.md` maps the stages to their modules.
//!
//! Around it, what every front end (the `pith` program, a Python job) needs to
//! give the same records: [`crawl`] reads pages out of WARC and JSON Lines
//! files, [`record`] is the JSON object written for each page (its document or
//! its error, every record with the same keys), [`schema`] describes that
//! object for the engines that read it, and [`render`] turns a document into
//! Markdown or plain text.
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

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod classify;
mod content;
pub mod crawl;
mod decode;
mod document;
mod dom;
mod error;
mod guard;
mod heuristics;
mod lex;
mod metadata;
mod options;
pub mod record;
pub mod render;
pub mod schema;
mod structure;

pub use document::{Block, Boilerplate, Caption, Document, Link, Section, Stripped};
pub use error::Error;
pub use guard::{MAX_ATTRIBUTES, MAX_FORMATTING};
pub use options::{
    DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, Options,
};

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
    let parts = content::select(&html, &facts, &marks, meta.title.as_deref());
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
