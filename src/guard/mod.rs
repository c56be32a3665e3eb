//! Hostile input, bounded: the page's text becomes a DOM within fixed limits of
//! nesting, node count and time, whatever the page does.
//!
//! Two layers, because html5ever's tree builder has no limits of its own:
//!
//! 1. [`scan`] removes, before parsing, the tags that would nest elements past
//!    [`Options::max_depth`](crate::Options::max_depth) or keep more than
//!    [`MAX_FORMATTING`] formatting elements active, and the attributes past
//!    [`MAX_ATTRIBUTES`] on one tag. Text is kept; structure past the limit is
//!    flattened. This is what keeps the parse linear. The same scan leaves
//!    out what no later stage reads (comments, script and style bodies,
//!    `data-*` attributes, SVG image bodies), so the parse has less to do.
//! 2. [`sink`] counts the nodes the parser creates and reads the clock while it
//!    runs, and stops the parse past
//!    [`Options::max_nodes`](crate::Options::max_nodes) ([`Error::TooManyNodes`])
//!    or past the page's deadline ([`Error::Timeout`]).
//!
//! [`Budget`] carries the deadline through the later stages, which check it
//! between steps.

mod scan;
mod sink;
pub(crate) mod streamed;

use std::time::{Duration, Instant};

use crate::Error;
use crate::options::Options;

/// Most formatting elements (`b`, `i`, `a`, `font`, `em`, …) kept active at
/// once. The tree builder reopens every active one after each block that
/// closed them, so 40,000 of them cost 40,000 new elements per paragraph.
/// Real pages have a handful; the HTML standard's "Noah's Ark" rule already
/// folds identical ones to three.
pub const MAX_FORMATTING: usize = 64;

/// Most attributes kept on one tag. html5ever checks each new attribute
/// against all earlier ones on the tag, so 50,000 attributes cost over a
/// billion comparisons; real tags have a few dozen at most.
pub const MAX_ATTRIBUTES: usize = 256;

/// The time budget of one page, from the start of [`crate::extract`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    deadline: Option<(Instant, Duration)>,
}

impl Budget {
    pub(crate) fn start(options: &Options) -> Self {
        Budget {
            deadline: options.timeout.map(|limit| (Instant::now() + limit, limit)),
        }
    }

    /// `Err(Timeout)` once the deadline has passed.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match self.deadline {
            Some((at, limit)) if Instant::now() >= at => Err(Error::Timeout { limit }),
            _ => Ok(()),
        }
    }
}

/// Parses the decoded page within the limits of `options` and the budget.
pub(crate) fn parse(
    text: &str,
    options: &Options,
    budget: &Budget,
) -> Result<scraper::Html, Error> {
    let limits = scan::Limits {
        max_depth: options.max_depth.max(1),
        max_formatting: MAX_FORMATTING,
        max_attributes: MAX_ATTRIBUTES,
    };
    let (text, _changes) = scan::scan(text, &limits);
    budget.check()?;
    let deadline = budget.deadline.map(|(at, _)| at);
    sink::parse(&text, options.max_nodes, deadline).map_err(|stop| match stop {
        sink::Stop::TooManyNodes => Error::TooManyNodes {
            limit: options.max_nodes,
        },
        sink::Stop::OutOfTime => Error::Timeout {
            limit: budget.deadline.map_or(Duration::ZERO, |(_, limit)| limit),
        },
    })
}

/// The page as a browser without scripts shows it: the contents of its
/// `<noscript>` elements, in order, as one page to parse; `None` if it has
/// none. Forum software and single-page apps put the whole server-rendered
/// thread for crawlers inside one, and show nothing else until scripts run;
/// on other pages these elements hold tracking pixels and "enable
/// JavaScript" notes, which is why the scan cuts their bodies from the
/// normal parse. Their contents are raw text to the tokenizer, so the first
/// `</noscript` ends each.
pub(crate) fn noscript_page(text: &str) -> Option<String> {
    use crate::lex::{find, find_ci, is_end_tag_named, is_start_tag_named};
    let b = text.as_bytes();
    let mut page = String::new();
    let mut at = 0;
    while let Some(start) = find_ci(&b[at..], b"<noscript").map(|i| at + i) {
        at = start + 1;
        if !is_start_tag_named(b, start, b"noscript") {
            continue;
        }
        let Some(open) = find(b, start, b">").map(|i| i + 1) else {
            break;
        };
        let mut from = open;
        let close = loop {
            match find_ci(&b[from..], b"</noscript").map(|i| from + i) {
                Some(c) if is_end_tag_named(b, c, b"noscript") => break c,
                Some(c) => from = c + 1,
                None => break b.len(),
            }
        };
        // Both ends sit on ASCII `<`/`>`, so they are character boundaries.
        page.push_str(&text[open..close]);
        page.push('\n');
        at = close;
    }
    (!page.trim().is_empty()).then_some(page)
}

#[cfg(test)]
mod tests {
    use super::noscript_page;

    #[test]
    fn noscript_page_joins_every_noscript_body_in_order() {
        let page = "<head><NOSCRIPT><style>p{}</style></NOSCRIPT></head><body>\
            <div id=app></div><noscript data-path=\"/t/1\"><div class=post><p>First \
            post</p></div></noscript><noscriptx>not one</noscriptx><p>shown</p>\
            <noscript><img src=pixel.gif>";
        assert_eq!(
            noscript_page(page).as_deref(),
            Some(
                "<style>p{}</style>\n<div class=post><p>First post</p></div>\n<img src=pixel.gif>\n"
            )
        );
        assert_eq!(
            noscript_page("<body><p>no fallback</p><noscript> </noscript>"),
            None
        );
    }
}
