//! Bylines to a list of names: "By Ann Lee and Bo Ek | 3 Feb 2022" → ["Ann Lee", "Bo Ek"].

use std::collections::HashSet;

use super::page::{Byline, limits, raw_text};
use crate::dom::collapse_whitespace;
use crate::heuristics::{
    AUTHOR_NAME_MAX_CHARS, AUTHOR_NAME_MAX_WORDS, AUTHOR_ROLES, BYLINE_PIECE_SEPARATORS,
    BYLINE_PREFIXES, NAME_JOINERS, NOT_NAME_WORDS,
};

/// Splits, cleans and dedupes names from raw byline strings, keeping the first spelling.
pub(super) fn names<'s>(raw: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in raw {
        // A profile URL as the whole value ("article:author"), not a name to split at '/'.
        let t = s.trim().to_lowercase();
        if t.contains("://") || t.starts_with("www.") {
            continue;
        }
        for piece in s.split(BYLINE_PIECE_SEPARATORS) {
            let piece = strip_prefix(&collapse_whitespace(piece));
            for name in split_names(&piece) {
                if let Some(name) = accept(&name)
                    && seen.insert(name.to_lowercase())
                {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// Names from byline markup. Microdata (`itemprop=author`) is explicit, so every such
/// element counts; class-based markup also marks teasers and author boxes, so only the
/// first element that yields a name counts, with its siblings ("<span class=author>A
/// </span>, <span class=author>B</span>"). Markup inside the article wins over the rest,
/// and an element that contains another byline element leaves the naming to it.
pub(super) fn from_bylines(bylines: &[Byline]) -> Vec<String> {
    let ids: HashSet<_> = bylines.iter().map(|b| b.element.id()).collect();
    let innermost = |b: &&Byline| {
        !b.element
            .descendants()
            .skip(1)
            .take(limits::BYLINE_DESCENDANTS)
            .any(|d| ids.contains(&d.id()))
    };
    let any_in_content = bylines.iter().any(|b| b.in_content);
    let usable: Vec<&Byline> = bylines
        .iter()
        .filter(|b| b.in_content || !any_in_content)
        .filter(innermost)
        .collect();

    let microdata: Vec<String> = usable
        .iter()
        .filter(|b| b.itemprop)
        .map(|b| byline_text(b))
        .collect();
    let found = names(microdata.iter().map(String::as_str));
    if !found.is_empty() {
        return found;
    }

    let classed: Vec<&&Byline> = usable.iter().filter(|b| !b.itemprop).collect();
    let Some((first, first_names)) = classed.iter().find_map(|b| {
        let n = names([byline_text(b).as_str()]);
        (!n.is_empty()).then_some((b, n))
    }) else {
        return Vec::new();
    };
    let parent = first.element.parent().map(|p| p.id());
    let siblings: Vec<String> = classed
        .iter()
        .filter(|b| {
            b.element.id() != first.element.id() && b.element.parent().map(|p| p.id()) == parent
        })
        .map(|b| byline_text(b))
        .collect();
    let mut all = first_names;
    all.extend(names(siblings.iter().map(String::as_str)));
    names(all.iter().map(String::as_str))
}

/// A byline element's text with block boundaries as line breaks; for microdata, the
/// nested `itemprop=name` when there is one.
fn byline_text(b: &Byline) -> String {
    if b.itemprop {
        let name = b
            .element
            .descendants()
            .skip(1)
            .take(limits::BYLINE_DESCENDANTS)
            .find_map(|d| {
                let el = scraper::ElementRef::wrap(d)?;
                let prop = el.value().attr("itemprop")?;
                prop.split_whitespace()
                    .any(|p| p.eq_ignore_ascii_case("name"))
                    .then_some(el)
            });
        if let Some(el) = name {
            return el
                .value()
                .attr("content")
                .map(str::to_owned)
                .unwrap_or_else(|| raw_text(el, block_break));
        }
        if let Some(content) = b.element.value().attr("content") {
            return content.to_owned();
        }
    }
    raw_text(b.element, block_break)
}

fn block_break(name: &str) -> &'static str {
    match name {
        "div" | "p" | "li" | "ul" | "ol" | "time" | "section" | "header" | "footer" | "dd"
        | "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "button" => "\n",
        _ => "",
    }
}

/// Drops a leading "By", "Written by", "Author:" and the like.
fn strip_prefix(s: &str) -> String {
    let lower = s.to_lowercase();
    for p in BYLINE_PREFIXES {
        if let Some(rest) = lower.strip_prefix(p)
            && rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
        {
            let cut = s.len() - rest.len();
            // `to_lowercase` can change byte lengths; only cut on a matching boundary.
            if s.is_char_boundary(cut) && s[..cut].eq_ignore_ascii_case(p) {
                return s[cut..]
                    .trim_start_matches(|c: char| c == ':' || c == '-' || c.is_whitespace())
                    .to_owned();
            }
        }
    }
    s.to_owned()
}

/// "A, B and C" → ["A", "B", "C"].
fn split_names(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split(',') {
        let mut current: Vec<&str> = Vec::new();
        for word in part.split_whitespace() {
            if NAME_JOINERS.iter().any(|j| word.eq_ignore_ascii_case(j)) {
                out.push(current.join(" "));
                current.clear();
            } else {
                current.push(word);
            }
        }
        out.push(current.join(" "));
    }
    out.into_iter().map(|n| strip_prefix(&n)).collect()
}

/// A cleaned name, or `None` when this is not a person's or an organisation's name.
fn accept(name: &str) -> Option<String> {
    let name = name
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–' | '—' | '('))
        .trim_end_matches(')');
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let reject = name.is_empty()
        || !name.chars().any(char::is_alphabetic)
        || name.chars().any(|c| c.is_ascii_digit())
        || name.contains('@')
        || lower.contains("://")
        || lower.starts_with("www.")
        || name.chars().count() > AUTHOR_NAME_MAX_CHARS
        || words.len() > AUTHOR_NAME_MAX_WORDS
        || AUTHOR_ROLES.contains(&lower.as_str())
        || words.iter().any(|w| NOT_NAME_WORDS.contains(w));
    (!reject).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::page::Page;
    use scraper::Html;

    #[test]
    fn strips_by_and_splits() {
        assert_eq!(names(["By Ann Lee and Bo Ek"]), vec!["Ann Lee", "Bo Ek"]);
        assert_eq!(
            names(["by: Ann Lee, Bo Ek & Cy Ray"]),
            vec!["Ann Lee", "Bo Ek", "Cy Ray"]
        );
        assert_eq!(names(["Written by Ann Lee"]), vec!["Ann Lee"]);
        // "By" only as a word of its own.
        assert_eq!(names(["Byron Lee"]), vec!["Byron Lee"]);
    }

    #[test]
    fn drops_dates_roles_urls_emails_and_long_strings() {
        assert_eq!(
            names(["By Ann Lee, Staff Writer | Feb 3, 2022"]),
            vec!["Ann Lee"]
        );
        assert_eq!(names(["https://facebook.com/annlee"]), Vec::<String>::new());
        assert_eq!(names(["ann@example.com"]), Vec::<String>::new());
        assert_eq!(
            names(["Ann Lee is a reporter who has covered the harbour for twenty years"]),
            Vec::<String>::new()
        );
        assert_eq!(names(["Updated 3 hours ago"]), Vec::<String>::new());
    }

    #[test]
    fn dedupes_case_insensitively_keeping_the_first() {
        assert_eq!(
            names(["Ann Lee", "ANN LEE", "Bo Ek"]),
            vec!["Ann Lee", "Bo Ek"]
        );
    }

    fn from_html(html: &str) -> Vec<String> {
        let html = Html::parse_document(html);
        let page = Page::scan(&html);
        from_bylines(&page.bylines)
    }

    #[test]
    fn byline_markup() {
        assert_eq!(
            from_html(
                r#"<article><div class="byline"><span>By <a href="/a">Ann Lee</a></span>
                <time>3 Feb 2022</time></div></article>"#
            ),
            vec!["Ann Lee"]
        );
        assert_eq!(
            from_html(
                r#"<article><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span>
                <span itemprop="jobTitle">Reporter</span></span></article>"#
            ),
            vec!["Ann Lee"]
        );
    }

    #[test]
    fn sibling_author_spans_count_teasers_do_not() {
        assert_eq!(
            from_html(
                r#"<article><p><span class="author">Ann Lee</span>,
                <span class="author">Bo Ek</span></p></article>
                <aside><div><span class="author">Teaser Writer</span></div></aside>"#
            ),
            vec!["Ann Lee", "Bo Ek"]
        );
    }

    #[test]
    fn outer_author_box_defers_to_inner_name() {
        assert_eq!(
            from_html(
                r#"<div class="author"><img src="a.jpg"><span class="author-name">Ann Lee</span>
                <p>Ann has covered the harbour for twenty years and 3 ports.</p></div>"#
            ),
            vec!["Ann Lee"]
        );
    }
}
