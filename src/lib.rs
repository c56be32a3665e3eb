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
pub mod explain;
mod guard;
mod heuristics;
mod lex;
mod metadata;
mod options;
mod page_type;
pub mod record;
pub mod render;
pub mod schema;
mod structure;

pub use document::{Block, Boilerplate, Caption, Document, Link, Section, Stripped};
pub use error::Error;
pub use explain::Explanation;
pub use guard::{MAX_ATTRIBUTES, MAX_FORMATTING};
pub use options::{
    DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_TIMEOUT, Options,
};
pub use page_type::PageType;

/// Extracts the article from one page's raw bytes.
///
/// The bytes may be in any charset; see the [module docs](crate) for the stages.
/// Errors are the contract's error kinds: empty, binary or oversized input, a
/// page over the node limit or the time budget.
pub fn extract(bytes: &[u8], options: &Options) -> Result<Document, Error> {
    let budget = guard::Budget::start(options);
    let Prepared {
        html,
        meta,
        facts,
        page_url,
    } = prepare(bytes, options, &budget)?;
    let mut marks = classify::classify(&html, &facts);
    let Selection {
        page_type,
        headline,
        parts,
        standfirst,
    } = select(&html, &facts, &mut marks, &meta, page_url.as_ref());
    let body = structure::build(
        &html, &facts, &marks, &parts, standfirst, headline, &meta, page_type,
    );
    budget.check()?;
    Ok(assemble(&html, meta, page_type, body))
}

/// Extracts the article like [`extract`], and says what was decided on the
/// page and why: the regions stripped as boilerplate with their evidence, the
/// article's root and headline, the elements that gave the headings,
/// captions and related links (see [`Explanation`]).
///
/// Same limits and errors as [`extract`]; slower, as it keeps what
/// extraction throws away and copies the page.
pub fn explain(bytes: &[u8], options: &Options) -> Result<Explanation, Error> {
    let budget = guard::Budget::start(options);
    let Prepared {
        html,
        meta,
        facts,
        page_url,
    } = prepare(bytes, options, &budget)?;
    let (mut marks, notes) = classify::classify_explained(&html, &facts);
    let Selection {
        page_type,
        headline,
        parts,
        standfirst,
    } = select(&html, &facts, &mut marks, &meta, page_url.as_ref());
    let (body, trace) = structure::build_traced(
        &html, &facts, &marks, &parts, standfirst, headline, &meta, page_type,
    );
    budget.check()?;
    let stages = explain::Stages {
        notes,
        headline,
        parts: &parts,
        trace,
    };
    let document = assemble(&html, meta, page_type, body);
    let explanation = explain::explanation(&html, &facts, stages, document);
    budget.check()?;
    Ok(explanation)
}

/// What the page is and where its content lies.
struct Selection {
    page_type: PageType,
    /// The headline, which guided the choice of the parts.
    headline: Option<dom::Ix>,
    /// The roots of the content, in document order.
    parts: Vec<dom::Ix>,
    /// How many of the first `parts` are the article's standfirst, before
    /// its root ([`content::with_standfirst`]).
    standfirst: usize,
}

/// The stages between classification and structure, the same for every entry
/// point: the page type, the marks it lifts or keeps, the headline, the
/// content's roots (with the item grid on listings and collections).
fn select(
    html: &scraper::Html,
    facts: &dom::Facts,
    marks: &mut classify::Marks,
    meta: &metadata::Metadata,
    page_url: Option<&url::Url>,
) -> Selection {
    let page_type::Decision {
        page_type,
        grid,
        card_runs,
    } = page_type::decide_with_grid(html, facts, marks, meta, page_url);
    marks.follow_page_type(page_type);
    let items = matches!(page_type, PageType::Listing | PageType::Collection);
    if items {
        marks.keep_item_grid(html, facts, grid);
        marks.keep_grid_cards(facts, grid);
        marks.mark_card_copies(html, facts, grid);
    }
    let headline = content::headline(html, facts, marks, meta.title.as_deref());
    if page_type == PageType::Product {
        marks.mark_card_runs_beside(facts, &card_runs, headline);
    }
    let mut parts = content::select(html, facts, marks, headline, page_type);
    if items {
        parts = content::with_item_grid(facts, marks, parts, grid);
        parts = content::with_items_heading(facts, marks, parts, headline);
        parts = content::with_card_sections(facts, marks, parts);
    }
    let (parts, standfirst) = if heuristics::STANDFIRST_PAGE_TYPES.contains(&page_type) {
        let (parts, standfirst) = content::with_standfirst(facts, marks, headline, parts);
        // The intro's paragraphs before the root open the article like its
        // standfirst: the heading over the root and its lead image's caption
        // are found from the root, the first part that is not a paragraph.
        let lead = parts
            .iter()
            .take_while(|&&p| facts.nodes[p as usize].tag == dom::Tag::P)
            .count();
        let standfirst = standfirst.max(lead.min(parts.len().saturating_sub(1)));
        (parts, standfirst)
    } else {
        (parts, 0)
    };
    Selection {
        page_type,
        headline,
        parts,
        standfirst,
    }
}

/// What every entry point computes first: the parsed page, its metadata, its
/// node facts, and the URL it was fetched from.
struct Prepared {
    html: scraper::Html,
    meta: metadata::Metadata,
    facts: dom::Facts,
    page_url: Option<url::Url>,
}

/// The stages every entry point shares: decode, parse behind the guard,
/// read the metadata, compute the node facts.
fn prepare(bytes: &[u8], options: &Options, budget: &guard::Budget) -> Result<Prepared, Error> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(Error::TooLarge {
            limit: options.max_bytes,
        });
    }
    let text = decode::decode(bytes, options.charset.as_deref())?;
    let html = guard::parse(&text, options, budget)?;
    let page_url = options.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let meta = metadata::extract(&html, page_url.as_ref());
    let facts = dom::Facts::compute(&html);
    budget.check()?;
    let fallback = noscript_fallback(&text, &facts, options, budget)?;
    drop(text);
    let (html, facts) = fallback.unwrap_or((html, facts));
    Ok(Prepared {
        html,
        meta,
        facts,
        page_url,
    })
}

/// The page read from its `<noscript>` contents ([`guard::noscript_page`]),
/// when its own body shows almost no text without scripts and they show more.
/// The metadata still comes from the page itself.
fn noscript_fallback(
    text: &str,
    facts: &dom::Facts,
    options: &Options,
    budget: &guard::Budget,
) -> Result<Option<(scraper::Html, dom::Facts)>, Error> {
    let shown = facts.shown_chars();
    if shown >= heuristics::NOSCRIPT_PAGE_MAX_CHARS {
        return Ok(None);
    }
    let Some(page) = guard::noscript_page(text) else {
        return Ok(None);
    };
    let html = guard::parse(&page, options, budget)?;
    let noscript = dom::Facts::compute(&html);
    budget.check()?;
    Ok((noscript.shown_chars() > shown).then_some((html, noscript)))
}

fn assemble(
    html: &scraper::Html,
    meta: metadata::Metadata,
    page_type: PageType,
    body: structure::Body,
) -> Document {
    let word_count = body.text.split_whitespace().count();
    let language = meta
        .language
        .or_else(|| metadata::detect_language(&body.text, html));
    Document {
        url: meta.url,
        title: meta.title,
        description: meta.description,
        authors: meta.authors,
        published: meta.published,
        modified: meta.modified,
        site_name: meta.site_name,
        language,
        image: meta.image,
        tags: meta.tags,
        page_type: Some(page_type),
        sections: body.sections,
        captions: body.captions,
        related_links: body.related_links,
        text: body.text,
        word_count,
        stripped: body.stripped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "<div class=post><p>The harbour ferry has been cancelled three days \
        in a row now; does anyone know whether the repairs to the landing stage are done?</p></div>";

    #[test]
    fn an_empty_shell_is_read_from_its_noscript_contents() {
        let page = format!(
            "<html><head><title>Ferry cancelled again</title></head><body><div id=splash>\
             Loading…</div><noscript data-path=/t/ferry><h1>Ferry cancelled again</h1>\
             {POST}{POST}</noscript></body></html>"
        );
        let doc = extract(page.as_bytes(), &Options::default()).unwrap();
        assert!(doc.text.starts_with("The harbour ferry"), "{}", doc.text);
        assert!(!doc.text.contains("Loading"));
    }

    #[test]
    fn a_page_with_text_ignores_its_noscript_contents() {
        let page = format!(
            "<html><body><article>{POST}{POST}</article>\
             <noscript><p>Please enable JavaScript to see the comments.</p></noscript></body></html>"
        );
        let doc = extract(page.as_bytes(), &Options::default()).unwrap();
        assert!(!doc.text.contains("JavaScript"), "{}", doc.text);
    }

    #[test]
    fn a_reference_page_opens_with_the_intro_beside_its_title() {
        // A reference page: the title, the previous/next buttons and the
        // intro in a header box; the long body in a sibling box after it.
        let body = "<p>Each item of the container grows to fill the space along the main \
            axis, in the order the markup lists them, unless an order is set on it.</p>"
            .repeat(30);
        let page = format!(
            "<html><head><title>Flexbox</title></head><body><main><div class=top><h1>Flexbox</h1>\
             <section><ul class=prev-next><li><a href=/prev>Previous</a></li>\
             <li><a href=/next>Next</a></li></ul><p>Flexbox is a one-dimensional layout \
             method for arranging items in rows or columns; this guide explains the basics.</p>\
             </section></div><div class=main-body><h2>On this page</h2>{body}</div></main></body></html>"
        );
        let options = Options {
            url: Some("https://docs.example.com/docs/css/flexbox".into()),
            ..Options::default()
        };
        let doc = extract(page.as_bytes(), &options).unwrap();
        assert_eq!(doc.page_type, Some(PageType::Documentation));
        assert!(
            doc.text.starts_with("Flexbox is a one-dimensional"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn an_undeclared_language_is_read_from_the_content() {
        let page = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a> \
            <a href=/sport>Sport</a> <a href=/weather>Weather</a> <a href=/about>About us</a> \
            <a href=/contact>Contact us</a> <a href=/careers>Careers</a></nav><article><p>Le \
            conseil municipal a adopté mardi soir le nouveau plan de circulation, qui prévoit \
            la fermeture du centre-ville aux voitures le week-end.</p><p>Les commerçants \
            craignent une baisse de leur chiffre d'affaires pendant les travaux.</p></article>\
            </body></html>";
        let doc = extract(page.as_bytes(), &Options::default()).unwrap();
        assert_eq!(doc.language.as_deref(), Some("fr"));
        // A declared language is taken as it stands.
        let declared = page.replace("<html>", "<html lang=en-CA>");
        let doc = extract(declared.as_bytes(), &Options::default()).unwrap();
        assert_eq!(doc.language.as_deref(), Some("en"));
    }
}
