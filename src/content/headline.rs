//! Which `h1` is the article's headline.
//!
//! The headline tells `find_parts` where the article sits when no container
//! holds most of the page's text: the root follows it down. It is the first
//! `h1` outside boilerplate whose text is the page's title, else the first
//! such `h1` (a page whose title carries the site name).

use crate::classify::Marks;
use crate::dom::{Facts, Ix, Tag, normalize, normalize_flat};
use scraper::Html;

/// The headline in the body: the first `h1` outside boilerplate whose text
/// is the title, else the first such `h1`.
pub(crate) fn headline(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    title: Option<&str>,
) -> Option<Ix> {
    let body = facts.body()?;
    let title = title.map(normalize);
    let end = facts.nodes[body as usize].end;
    let mut first = None;
    let mut i = body + 1;
    while i < end {
        if marks.get(i).is_some() {
            i = facts.nodes[i as usize].end;
            continue;
        }
        if facts.nodes[i as usize].tag == Tag::Heading(1) {
            let text = normalize_flat(facts.flat_text(html, i, &|_| false));
            if title.as_deref() == Some(text.as_str()) {
                return Some(i);
            }
            first = first.or(Some(i));
        }
        i += 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;

    fn headline_text(src: &str, title: Option<&str>) -> Option<String> {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h = headline(&html, &facts, &marks, title)?;
        Some(facts.flat_text(&html, h, &|_| false))
    }

    #[test]
    fn the_h1_that_repeats_the_title_else_the_first() {
        let src = "<body><div><h1>Harbour News</h1></div>\
                   <article><h1>Ferry returns</h1><p>The ferry is back.</p></article></body>";
        let title = Some("Ferry returns");
        assert_eq!(headline_text(src, title).as_deref(), Some("Ferry returns"));
        assert_eq!(headline_text(src, None).as_deref(), Some("Harbour News"));
    }
}
