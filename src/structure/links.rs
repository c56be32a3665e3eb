//! Related links: headline links to other articles.
//!
//! They come from the regions classify marked as related, and from inline
//! "Related: <a>…</a>" lines in the body, which leave the text. A link counts
//! when it names a page in enough words, is not sponsored, and points neither
//! to this page nor to an archive (category, tag or author pages). Image
//! links are named by their title or alt text, and only for pages no text
//! link points to.

use super::Walk;
use crate::classify::{
    boilerplate_line, is_or_starts_phrase, is_related_label, is_strong_ad_word, label,
    on_small_screens_only, starts_phrase,
};
use crate::document::{Boilerplate, Link};
use crate::dom::{Ix, Tag, attr, collapse_whitespace, normalize, url::resolve, word_count};
use crate::explain::Evidence;
use crate::heuristics::{
    ARCHIVE_PATH_SEGMENTS, BOILERPLATE_LINE_MAX_CHARS, BUTTON_CLASS_WORDS, BUTTON_MAX_WORDS,
    INLINE_RELATED_MAX_BYTES, NEXT_STEPS_HEADINGS, POPULAR_BOX_HEADING_PREFIXES, POPULAR_HEADINGS,
    RELATED_IN_BODY_MAX_LINKS, RELATED_INLINE_PREFIXES, RELATED_TERM_HEADINGS, SEARCH_QUERY_KEYS,
    SECTION_SLUG_MAX_WORDS, SITE_NAME_MIN_CHARS, SITE_WIDE_HEADING_PREFIXES,
    TRACKING_QUERY_PREFIXES, WEIGHTS,
};
use crate::page_type::PageType;
use std::borrow::Cow;

impl Walk<'_> {
    /// An inline "Related: <a>…</a>" line: its links are related links.
    pub(super) fn inline_related(&mut self, at: Option<Ix>, text: &str, links: &[Ix]) -> bool {
        if links.is_empty() || text.len() > INLINE_RELATED_MAX_BYTES {
            return false;
        }
        // "[Related: <a>…</a>]" sets the line in brackets.
        let lower = normalize(text);
        let bare = lower.trim_start_matches(['[', '(']).trim_start();
        let prefix: Cow<'static, str> = match related_inline_prefix(bare) {
            Some(p) => p.into(),
            None => match self.label_over_link_lines(text, links) {
                Some(label) => label.into(),
                None => return false,
            },
        };
        for &a in links {
            self.collect_links(a, Some(1));
        }
        self.strip(at, Boilerplate::Related, || Evidence::Label(prefix));
        true
    }

    /// A related heading on a line of its own over lines that are mostly
    /// links, all in one paragraph ("DON'T MISS<br><a>…</a><br><a>…</a>"):
    /// the heading, lowercased.
    fn label_over_link_lines(&self, text: &str, links: &[Ix]) -> Option<String> {
        let (first, rest) = text.split_once('\n')?;
        let first = normalize(first);
        if !is_related_label(&first) {
            return None;
        }
        let link_chars: u32 = links.iter().map(|&a| self.node(a).text_len).sum();
        let rest_chars = rest.chars().filter(|c| !c.is_whitespace()).count() as f32;
        (link_chars as f32 > rest_chars * WEIGHTS.max_paragraph_link_density).then_some(first)
    }

    /// Appends the related links of the page's related regions to
    /// `related_links`, in page order.
    pub(super) fn collect_related_regions(&mut self) {
        // A heading of the site's widget marks the boxes after it too:
        // they are skipped with it.
        let mut widget_parent = None;
        let body = self.facts.body();
        for region in self.marks.related(self.facts) {
            let parent = self.node(region).parent;
            let opening = self.opening_line(region);
            let words = opening.as_ref().map(|(_, w)| w.as_str());
            // A phone-only box repeats a block of the larger layout, or is a
            // widget of the phone layout: not a block of its own. A box
            // inside an ad is the promotion's, not the article's.
            if widget_parent == Some(parent)
                || words.is_some_and(Walk::is_popular_heading)
                || on_small_screens_only(self.html, self.facts, region)
                || body.is_some_and(|body| self.inside_promotion(body, region))
            {
                continue;
            }
            if words.is_some_and(|w| self.is_site_heading(w)) {
                widget_parent = Some(parent);
                continue;
            }
            // "Related Roundup: <a>MacBook Pro</a>" in a box of its own is an
            // inline related line: its link's few words name the page. A
            // "Read more:" line over a box of links is only its heading.
            let min_words = opening
                .as_ref()
                .is_some_and(|&(line, ref w)| {
                    related_inline_prefix(w).is_some()
                        && (line == region || self.node(line).links == self.node(region).links)
                })
                .then_some(1);
            // A box of topic links that opens the block ("Related Topics")
            // is left out, up to the block's child that holds it: a box of
            // related stories may follow it in the same block. A heading
            // set directly in the block heads all of it.
            let except = match opening {
                Some((line, w)) if is_term_heading(&w) => match self.child_holding(region, line) {
                    Some(child) if child != line => Some(child),
                    _ => continue,
                },
                Some((line, _)) => self.title_link_line(region, line),
                None => None,
            };
            self.collect_links_except(region, min_words, except);
        }
    }

    /// The child of `block` that holds `d`, when `d` is inside one.
    fn child_holding(&self, block: Ix, mut d: Ix) -> Option<Ix> {
        while d != block {
            let parent = self.node(d).parent;
            if parent == block {
                return Some(d);
            }
            if parent == d {
                return None;
            }
            d = parent;
        }
        None
    }

    /// Whether `region` sits inside an ad, or is a lone link inside a
    /// share bar (the tool's "Read more about sharing"); a box of related
    /// posts inside a blog's wrapper of sharing buttons is the post's.
    /// `body` is the page's body element, where the climb stops.
    fn inside_promotion(&self, body: Ix, region: Ix) -> bool {
        let lone_link = self.node(region).tag == Tag::A;
        let mut at = self.node(region).parent;
        while at != body && at != self.node(at).parent {
            match self.marks.get(at) {
                Some(Boilerplate::Ads) => return true,
                Some(Boilerplate::Share) if lone_link => return true,
                _ => {}
            }
            at = self.node(at).parent;
        }
        false
    }

    /// The block's title line `line` when it links the block's section or
    /// series page ("Next Up In <a>Science & Health</a>", a series' linked
    /// name over the list of its stories): a heading that says more than
    /// its link, or a line set over a list, with one link, in a block with
    /// more links after it. Its link names a section, not a related page.
    fn title_link_line(&self, region: Ix, line: Ix) -> Option<Ix> {
        let f = self.node(line);
        if line == region || f.links != 1 || self.node(region).links <= f.links {
            return None;
        }
        let over_a_list = || {
            let parent = self.node(f.parent);
            let mut next = f.end;
            while next < parent.end && self.node(next).tag == Tag::Text {
                next = self.end(next);
            }
            // The list holds most of the block's other links, not a teaser's
            // categories under its headline.
            next < parent.end
                && matches!(self.node(next).tag, Tag::Ul | Tag::Ol)
                && 2 * self.node(next).links >= self.node(region).links - f.links
        };
        // A heading that is all link is a teaser's headline, unless a list
        // of the block's links follows it. One whose words lead up to its
        // link ("Next Up In <a>Science</a>") names the block; one that goes
        // on after the link (a comment count) is still a teaser's.
        let labels_its_link =
            matches!(f.tag, Tag::Heading(_)) && f.link_len < f.text_len && self.link_ends(line);
        (labels_its_link || (f.tag != Tag::Li && over_a_list())).then_some(line)
    }

    /// Whether no text follows the last link inside `line`.
    fn link_ends(&self, line: Ix) -> bool {
        let end = self.node(line).end;
        let Some(last) = (line + 1..end).rev().find(|&i| self.node(i).tag == Tag::A) else {
            return false;
        };
        (self.node(last).end..end)
            .all(|i| self.node(i).tag != Tag::Text || self.node(i).text_len == 0)
    }

    /// Whether a related block's opening line (see [`Walk::opening_line`])
    /// is the heading of a site's widget of popular or newest pages
    /// ("Popular Courses and Certifications" in a box classed
    /// `related-courses`): its words say what its class does not.
    pub(super) fn is_popular_heading(words: &str) -> bool {
        POPULAR_BOX_HEADING_PREFIXES
            .iter()
            .any(|p| is_or_starts_phrase(words, p))
            || label(words).is_some_and(|(kind, phrase)| {
                kind == Boilerplate::Navigation && POPULAR_HEADINGS.contains(&phrase)
            })
    }

    /// Whether a related block's opening line offers more of the whole site
    /// ("More Great Example Stories", "More Example Times"): a "more"
    /// heading that names the site heads its widget of other pages, not
    /// pages related to this one ("More on this", "More from the author"
    /// name no site).
    pub(super) fn is_site_heading(&self, words: &str) -> bool {
        let Some(site) = self.meta.site_name.as_deref().map(normalize) else {
            return false;
        };
        site.chars().count() >= SITE_NAME_MIN_CHARS
            && SITE_WIDE_HEADING_PREFIXES
                .iter()
                .any(|p| starts_phrase(words, p))
            && words.contains(site.as_str())
    }

    /// The element of the first line of a block's text, and its text
    /// lowercased, when it is short enough to be a heading.
    fn opening_line(&self, region: Ix) -> Option<(Ix, String)> {
        let end = self.end(region);
        let text = (region + 1..end).find(|&d| {
            let n = self.node(d);
            n.tag == Tag::Text && n.text_len > 0
        })?;
        let mut line = self.node(text).parent;
        while line > region && self.node(line).tag.is_inline() {
            line = self.node(line).parent;
        }
        if self.node(line).text_len as usize > BOILERPLATE_LINE_MAX_CHARS {
            return None;
        }
        Some((
            line,
            normalize(&self.facts.flat_text(self.html, line, &|_| false)),
        ))
    }

    /// Adds the links in `i`'s subtree to `related_links`: headline links to
    /// other pages, not labels, archive pages or this page.
    pub(super) fn collect_links(&mut self, i: Ix, min_words: Option<usize>) {
        self.collect_links_except(i, min_words, None);
    }

    /// [`Walk::collect_links`], leaving out the links inside `except`.
    fn collect_links_except(&mut self, i: Ix, min_words: Option<usize>, except: Option<Ix>) {
        // Links with text first; then image links, named by their title or
        // alt text, for the pages they alone point to (a teaser's headline
        // link names the page better than its picture's alt text).
        self.collect_links_named(i, min_words, except, false);
        self.collect_links_named(i, min_words, except, true);
    }

    fn collect_links_named(
        &mut self,
        i: Ix,
        min_words: Option<usize>,
        except: Option<Ix>,
        images: bool,
    ) {
        let min_words = min_words.unwrap_or(WEIGHTS.related_link_min_words);
        let end = self.end(i);
        let mut a = i;
        while a < end {
            if a != i && (except == Some(a) || self.leaves_out(i, a)) {
                a = self.end(a);
                continue;
            }
            a += 1;
            let a = a - 1;
            if self.node(a).tag != Tag::A {
                continue;
            }
            let Some(url) = self.link_target(a) else {
                continue;
            };
            // A link without visible text is an image link (second pass).
            let text = match (self.node(a).text_len == 0, images) {
                (false, false) => self.link_text(a),
                (true, true) => self.image_link_name(a),
                _ => continue,
            };
            let words = word_count(&text);
            if words < min_words || (words <= BUTTON_MAX_WORDS && self.is_button(a)) {
                continue;
            }
            // A call to the comments ("Read all comments") names no page.
            if boilerplate_line(&normalize(&text))
                .is_some_and(|(kind, _)| kind == Boilerplate::Comments)
            {
                continue;
            }
            if self.related_links.iter().any(|l| l.url == url) || self.is_section_link(&url, &text)
            {
                continue;
            }
            self.traced(|t| t.links.push(a));
            self.related_links.push(Link { text, url });
        }
    }

    /// Whether the box `b` inside the related block `block` holds no
    /// related links: an ad (a sponsored teaser) unless it holds most of
    /// the block's links and is named so by a weak word only (a series'
    /// list classed `subscribe-list`; not a grid classed `read-more-ad`),
    /// a box of topic, tag or search links ("Related searches").
    fn leaves_out(&self, block: Ix, b: Ix) -> bool {
        match self.marks.get(b) {
            Some(Boilerplate::Ads) => {
                2 * self.node(b).links <= self.node(block).links || self.names_an_ad(b)
            }
            // A box without text has no heading to read.
            Some(Boilerplate::Related) => {
                self.node(b).text_len > 0
                    && self
                        .opening_line(b)
                        .is_some_and(|(_, words)| is_term_heading(&words))
            }
            _ => false,
        }
    }

    /// Whether a class word of `i` names an ad outright (`ad`, `sponsored`).
    fn names_an_ad(&self, i: Ix) -> bool {
        self.class_has(i, is_strong_ad_word)
    }

    /// Whether the link `a` is drawn as a button (`a.primary-button`,
    /// `a.btn`): with a few words, a call to action ("I'm Looking To
    /// Hire"), not a headline.
    fn is_button(&self, a: Ix) -> bool {
        self.class_has(a, |w| BUTTON_CLASS_WORDS.contains(&w))
    }

    /// A list of links inside an article's body, cut from the text as
    /// navigation: a series' other parts, an unheaded list of further
    /// reading. Not on pages made of links.
    pub(super) fn is_link_list_in_body(&self, i: Ix) -> bool {
        let f = self.node(i);
        matches!(f.tag, Tag::Ul | Tag::Ol)
            && self.page_type == PageType::Article
            && !self.links_are_content
            && f.links >= WEIGHTS.related_min_links
    }

    /// Whether the walk is in a documentation page's closing section that
    /// points the reader on ("What's next", "Next steps"): its list's links
    /// are related pages.
    pub(super) fn under_next_steps(&self) -> bool {
        self.page_type == PageType::Documentation
            && self
                .sections
                .last()
                .and_then(|s| s.heading.as_deref())
                .is_some_and(|h| {
                    let h = normalize(h);
                    NEXT_STEPS_HEADINGS.contains(&h.trim_end_matches([':', '.', '?', '!']))
                })
    }

    /// Link lists in the body that give more than
    /// [`RELATED_IN_BODY_MAX_LINKS`] links in all are an index of the site
    /// (a page the walk took for an article): none of their links are related.
    pub(super) fn drop_index_links(&mut self) {
        let total: usize = self.body_list_links.iter().map(|r| r.len()).sum();
        if total as u32 <= RELATED_IN_BODY_MAX_LINKS {
            return;
        }
        for range in std::mem::take(&mut self.body_list_links).into_iter().rev() {
            self.related_links.drain(range.clone());
            if let Some(trace) = &mut self.trace {
                trace.links.drain(range);
            }
        }
    }

    /// Where the link `a` points, when that can be a related page: not
    /// sponsored, not this page, not an archive.
    fn link_target(&self, a: Ix) -> Option<String> {
        let el = self.facts.element(self.html, a)?;
        if attr(el.value(), "rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("sponsored"))
        }) {
            return None;
        }

        let href = attr(el.value(), "href")?;
        // A fragment of this page (a table of contents) is no other page.
        if href.trim_start().starts_with('#') {
            return None;
        }
        let url = resolve(self.meta.base.as_ref(), href)?;
        let this_page = self
            .meta
            .url
            .as_deref()
            .is_some_and(|page| page == url || same_page(page, &url));
        (!this_page && !is_archive(&url)).then_some(url)
    }

    /// Whether `url`, named `text`, is a section page of this site: a
    /// path of one short segment of letters that the link's text names
    /// (`/sci-tech` "More News from Sci-Tech", `/charts/` "Explore
    /// charts"); a story's short slug (`/aouad-cast/`) its headline does not.
    fn is_section_link(&self, url: &str, text: &str) -> bool {
        // The site is the page's address, else the base links resolve against.
        let site = self
            .meta
            .url
            .as_deref()
            .or(self.meta.base.as_ref().map(url::Url::as_str));
        site.and_then(|page| section_slug(page, url))
            .is_some_and(|slug| {
                let letters: String = text
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                letters.contains(&slug)
            })
    }

    /// A teaser card `a` whose headline is `headline`: a related link
    /// named by its headline.
    pub(super) fn teaser(&mut self, a: Ix, headline: &str) {
        let Some(url) = self.link_target(a) else {
            return;
        };
        if word_count(headline) < WEIGHTS.related_link_min_words
            || self.related_links.iter().any(|l| l.url == url)
            || self.is_section_link(&url, headline)
        {
            return;
        }
        self.traced(|t| t.links.push(a));
        self.related_links.push(Link {
            text: headline.to_string(),
            url,
        });
    }

    /// A teaser link often wraps headline, excerpt and date in blocks of
    /// their own: its text is its heading, else the first block that has
    /// any (the headline; a kicker such as "HEALTH" may come before a
    /// heading).
    fn link_text(&self, a: Ix) -> String {
        let none = |_| false;
        if self.node(a).has_block {
            let end = self.end(a);
            let heading = (a + 1..end).find(|&d| {
                let f = self.node(d);
                matches!(f.tag, Tag::Heading(_)) && f.text_len > 0
            });
            let first = || {
                (a + 1..end).find(|&d| {
                    let f = self.node(d);
                    !f.tag.is_inline() && !f.has_block && f.text_len > 0
                })
            };
            if let Some(block) = heading.or_else(first) {
                return self.facts.flat_text(self.html, block, &none);
            }
        }
        self.facts.flat_text(self.html, a, &none)
    }

    /// An image link's name: its title, the image's alt text, or an alt
    /// text set on the link itself (`<a alt="…"><img alt=""></a>`).
    fn image_link_name(&self, a: Ix) -> String {
        let el = self.facts.element(self.html, a);
        named(el.and_then(|e| attr(e.value(), "title")))
            .or_else(|| {
                named(
                    (a + 1..self.end(a))
                        .find(|&d| self.node(d).tag == Tag::Img)
                        .and_then(|img| self.facts.element(self.html, img))
                        .and_then(|img| attr(img.value(), "alt")),
                )
            })
            // `alt` is no attribute of a link, but some sites name an image
            // link there and leave the image's own alt text empty.
            .or_else(|| named(el.and_then(|e| attr(e.value(), "alt"))))
            .map(collapse_whitespace)
            .unwrap_or_default()
    }
}

/// A name that says something: not missing, not blank (`alt=""`).
fn named(name: Option<&str>) -> Option<&str> {
    name.filter(|n| !n.trim().is_empty())
}

/// Whether a box's opening line heads topic, tag or search links
/// ("Related Topics", "Related searches"): pages about a subject, not
/// related pages.
fn is_term_heading(words: &str) -> bool {
    // A trailing ':' or '.' ("Related topics:") ends the phrase.
    RELATED_TERM_HEADINGS
        .iter()
        .any(|p| is_or_starts_phrase(words, p))
}

/// The [`RELATED_INLINE_PREFIXES`] entry that the normalized line `lower`
/// starts with.
fn related_inline_prefix(lower: &str) -> Option<&'static str> {
    RELATED_INLINE_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .copied()
}

/// Whether `link` is the page at `page` but for its fragment and its
/// tracking parameters ([`TRACKING_QUERY_PREFIXES`]); other query parameters
/// (`?id=2`) may name another page.
fn same_page(page: &str, link: &str) -> bool {
    // Most links name another path: compared as text before any parsing.
    let bare = |u: &str| u.split(['?', '#']).next().unwrap_or(u).len();
    let (p, l) = (bare(page), bare(link));
    if page[..p] != link[..l] {
        return false;
    }
    let (Ok(page), Ok(link)) = (url::Url::parse(page), url::Url::parse(link)) else {
        return false;
    };
    let kept = |u: &url::Url| -> Vec<(String, String)> {
        u.query_pairs()
            .filter(|(k, _)| {
                let k = k.to_ascii_lowercase();
                !TRACKING_QUERY_PREFIXES.iter().any(|p| k.starts_with(p))
            })
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    };
    page.host_str() == link.host_str() && page.path() == link.path() && kept(&page) == kept(&link)
}

/// When `link` on the site of `page` has a path of one short segment of
/// letters only (`/sci-tech`, `/charts/`), its letters, lowercased.
fn section_slug(page: &str, link: &str) -> Option<String> {
    let (Ok(page), Ok(link)) = (url::Url::parse(page), url::Url::parse(link)) else {
        return None;
    };
    let mut segments = link.path().split('/').filter(|s| !s.is_empty());
    let (Some(segment), None) = (segments.next(), segments.next()) else {
        return None;
    };
    (page.host_str() == link.host_str()
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-')
        && segment.split('-').filter(|w| !w.is_empty()).count() <= SECTION_SLUG_MAX_WORDS)
        .then(|| segment.replace('-', "").to_ascii_lowercase())
}

/// Category, tag and author pages, and search results, are not related
/// articles.
fn is_archive(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else {
        return true;
    };
    if u.path() == "/" || u.path().is_empty() {
        return true;
    }
    if u.query().is_some()
        && u.query_pairs()
            .any(|(k, _)| SEARCH_QUERY_KEYS.contains(&k.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    u.path_segments()
        .and_then(|mut s| s.next())
        .is_some_and(|first| ARCHIVE_PATH_SEGMENTS.contains(&first.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use crate::document::Link;
    use crate::structure::tests::{P, body};

    #[test]
    fn inline_related_line_gives_a_link_and_leaves_the_text() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Read more: <a href=/news/quay>The quay gets a new crane</a></p>\
             <p>{P}</p></article></body>"
        ));
        assert_eq!(
            b.related_links,
            [Link {
                text: "The quay gets a new crane".into(),
                url: "https://example.org/news/quay".into()
            }]
        );
        assert!(!b.text.contains("Read more"));
        assert_eq!(b.stripped.related, 1);
    }

    #[test]
    fn an_up_next_heading_that_links_its_words_gives_its_link() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>Up Next</h2><h3>Best video cameras</h3><p>{P}</p>\
             <h5><a href=/blog/best-cameras><strong>Up Next: Best video cameras →</strong></a></h5>\
             </article></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://example.org/blog/best-cameras"]);
    }

    #[test]
    fn a_related_heading_line_over_link_lines_gives_their_links() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><strong>DON'T MISS</strong><br>\
             <strong><a href=/news/plague>Plague warning names eight deadly diseases</a> [WARNING]</strong><br>\
             <strong><a href=/news/marmot>Holidaymakers fall ill after eating marmot</a> [INSIGHT]</strong></p>\
             <p>{P}</p><p>Don't miss <br>the harbour walk at dusk, when the <a href=/walk>lamps</a> come on \
             one by one along the quay.</p></article></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://example.org/news/plague",
                "https://example.org/news/marmot"
            ]
        );
        assert!(b.text.contains("harbour walk"), "{}", b.text);
    }

    #[test]
    fn a_related_box_headed_popular_gives_no_related_links() {
        let cards = "<a href=/course/admin>Certified System Administrator course</a>\
                     <a href=/course/kube>Certified Kubernetes Administrator course</a>";
        let popular = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-courses>\
             <div class=title>Popular Courses and Certifications</div>{cards}</div></body>"
        ));
        assert!(
            popular.related_links.is_empty(),
            "{:?}",
            popular.related_links
        );
        let related = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-courses>\
             <div class=title>Courses for system administrators</div>{cards}</div></body>"
        ));
        assert_eq!(
            related.related_links.len(),
            2,
            "{:?}",
            related.related_links
        );
    }

    #[test]
    fn a_related_box_shown_on_phones_only_gives_no_related_links() {
        let related = |class: &str| {
            body(&format!(
                "<body><article><p>{P}</p><p>{P}</p></article><aside><div class='{class}'>\
                 <div class=related-stories><h3>Related stories</h3><a href=/news/pool>Records fall at the state swim meet</a>\
                 <a href=/news/title>Valley West wins the swimming title</a></div></div></aside></body>"
            ))
            .related_links
        };
        let phone = related("visible-xs-block hidden-sm hidden-md hidden-lg");
        assert!(phone.is_empty(), "{phone:?}");
        assert_eq!(related("row").len(), 2);
    }

    #[test]
    fn a_link_that_runs_a_search_is_no_related_link() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-searches>\
             <h3>Related</h3><a href='/search?q=ford+panel+truck'>Ford panel truck for sale</a>\
             <a href='/?s=ford+truck+poster'>Ford truck poster prints</a>\
             <a href='/guides/ford-panel-truck?ref=related'>Restoring a Ford panel truck</a></div></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/guides/ford-panel-truck?ref=related"]
        );
    }

    #[test]
    fn a_section_page_of_the_site_is_no_related_link() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-stories>\
             <h3>Related stories</h3><a href=/sci-tech>More news from Sci-Tech</a>\
             <a href=/charts/>Explore charts of the week</a>\
             <a href=/rover-water>Rover finds water under the crater</a>\
             <a href=https://partner.example.com/ESA>The agency that flies the rover</a></div></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://example.org/rover-water",
                "https://partner.example.com/ESA"
            ]
        );
    }

    #[test]
    fn a_more_box_that_names_the_site_or_a_featured_box_gives_no_related_links() {
        let meta = crate::metadata::Metadata {
            base: url::Url::parse("https://example.org/news/story").ok(),
            site_name: Some("Harbour Times".into()),
            ..Default::default()
        };
        let page = |heading: &str| {
            let b = crate::structure::tests::body_with(
                &format!(
                    "<body><article><p>{P}</p><p>{P}</p><div class=box><div>{heading}</div><ul>\
                     <li><a href=/news/a>Harbour master retires after forty years</a></li>\
                     <li><a href=/news/b>New pontoons arrive by barge</a></li></ul></div>\
                     </article><div class=related-video><div>Featured Video</div>\
                     <a href=/video/c>The lighthouse keeper's last winter on the rock</a></div></body>"
                ),
                &meta,
                crate::page_type::PageType::Article,
            );
            b.related_links.len()
        };
        assert_eq!(page("More Great Harbour Times Stories"), 0);
        assert_eq!(page("More on the new pontoons"), 2);
    }

    #[test]
    fn a_related_heading_classed_as_the_footer_heads_its_stories() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><section class=footer-recirc>\
             <div class=footer-recirc__header>Read more stories</div>\
             <div class=footer-recirc__stories>\
             <article><a href=/news/a>Harbour master retires after forty years</a></article>\
             <article><a href=/news/b>New pontoons arrive by barge</a></article></div></section>\
             </body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }

    #[test]
    fn a_call_to_action_drawn_as_a_button_is_no_related_link() {
        use crate::page_type::PageType;
        use crate::structure::tests::body_as;
        let b = body_as(
            &format!(
                "<body><article><p>{P}</p><ul>\
                 <li><a class=primary-button href=/hire>I'm Looking To Hire</a></li>\
                 <li><a class=primary-button href=/jobs>I'm Looking For A Job</a></li></ul>\
                 <p>{P}</p><ul><li><a class=button href=/news/a>Harbour master retires after \
                 forty years at the quay</a></li>\
                 <li><a href=/news/b>New pontoons arrive by barge</a></li></ul></article></body>"
            ),
            PageType::Article,
        );
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }

    #[test]
    fn a_related_link_farm_gives_no_related_links() {
        let farm: String = (0..50)
            .map(|k| format!("<a href=/guide/{k}>Guide number {k} to everything</a> "))
            .collect();
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-guides>{farm}</div></body>"
        ));
        assert!(b.related_links.is_empty());
    }

    #[test]
    fn an_image_link_is_named_by_its_title_or_alt() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article>\
             <div class=related-posts><h3>You may also like</h3>\
             <a href=/news/d><img src=/d.jpg alt=\"A crane on the quay at dawn\"></a>\
             <a href=/news/d>The quay reopens to lorries</a>\
             <a href=/news/a title=\"Harbour master retires after forty years\"><img src=/a.jpg></a>\
             <a href=/news/b><img src=/b.jpg alt=\"New pontoons arrive by barge\"></a>\
             <a href=/news/e alt=\"Gulls return to the old pier\"><img src=/e.jpg alt=\"\"></a>\
             <a href=/news/c><img src=/c.jpg></a></div></body>"
        ));
        let links: Vec<_> = b
            .related_links
            .iter()
            .map(|l| (l.url.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                // The headline link names the page, not its picture.
                ("https://example.org/news/d", "The quay reopens to lorries"),
                (
                    "https://example.org/news/a",
                    "Harbour master retires after forty years"
                ),
                ("https://example.org/news/b", "New pontoons arrive by barge"),
                // A blank alt on the image leaves the link's own.
                ("https://example.org/news/e", "Gulls return to the old pier"),
            ]
        );
    }

    #[test]
    fn related_links_skip_labels_and_archive_pages() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article>\
             <div class=related-posts><h3>Related</h3>\
             <a href=/category/news>News</a>\
             <a href=\"/search?q=harbour+news\">Search all harbour news stories</a>\
             <a href=/news/a>Harbour master retires after forty years</a>\
             <a href=/news/b>New pontoons arrive by barge</a>\
             <a href=/threads/2211968>Read All Comments</a></div></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }

    #[test]
    fn a_link_to_this_page_with_tracking_parameters_is_no_related_link() {
        let meta = crate::metadata::Metadata {
            base: url::Url::parse("https://example.org/news/story").ok(),
            url: Some("https://example.org/news/story".into()),
            ..Default::default()
        };
        let b = crate::structure::tests::body_with(
            &format!(
                "<body><article><p>{P}</p><p>{P}</p></article>\
                 <div class=related-posts><h3>Related</h3>\
                 <a href=\"/news/story?utm_source=site&amp;utm_medium=related#top\">Harbour plan \
                 review: the verdict</a>\
                 <a href=\"/news/a?utm_source=site\">Harbour master retires after forty years</a>\
                 <a href=\"/news/story?id=2\">New pontoons arrive by barge</a></div></body>"
            ),
            &meta,
            crate::page_type::PageType::Article,
        );
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://example.org/news/a?utm_source=site",
                "https://example.org/news/story?id=2"
            ]
        );
    }

    #[test]
    fn a_related_heading_in_another_language_takes_the_list_after_it() {
        for heading in ["関連ニュース", "Benzer haberler", "مقالات ذات صلة"] {
            let b = body(&format!(
                "<body><article><p>{P}</p><p>{P}</p>\
                 <div class=box><div>{heading}</div><ul>\
                 <li><a href=/news/a>Harbour master retires after forty years</a></li>\
                 <li><a href=/news/b>New pontoons arrive by barge</a></li></ul></div>\
                 </article></body>"
            ));
            let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
            assert_eq!(
                urls,
                ["https://example.org/news/a", "https://example.org/news/b"],
                "{heading}"
            );
        }
    }

    #[test]
    fn a_related_line_in_brackets_gives_its_link() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><b>[Related: <a href=/news/quay>The quay gets a new \
             crane</a>]</b></p><p>{P}</p></article></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://example.org/news/quay"]);
        assert!(!b.text.contains("Related"), "{}", b.text);
    }

    #[test]
    fn a_headed_related_block_in_a_sidebar_gives_links_but_a_menu_does_not() {
        // A box headed "Related", and the heading set among the rail's
        // boxes with its list after it.
        for module in [
            "<div class=box><h4>Related</h4><div class=list>{LINKS}</div></div>",
            "<div class=box><h4>Related</h4><div class=list>{LINKS}</div>\
             <h4>Tags</h4><p>Food, Parties, Catering, Pasta</p></div>",
        ] {
            let links = "<a href=/q/1>How much food to make for a crowd</a>\
                <a href=/q/2>Cooking pasta for two hundred people</a>";
            let module = module.replace("{LINKS}", links);
            let b = body(&format!(
                "<body><article><p>{P}</p><p>{P}</p></article><aside><div class=about><p>{P}</p></div>{module}\
                 <div class=menu><div>Related products</div><ul><li><a href=/shop/a>Cast iron \
                 skillet ten inch pan</a></li></ul></div></aside></body>"
            ));
            let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
            assert_eq!(
                urls,
                ["https://example.org/q/1", "https://example.org/q/2"],
                "{module}"
            );
        }
    }

    #[test]
    fn a_sidebar_box_whose_first_words_are_a_related_heading_gives_its_links() {
        // The heading sits inside the box's inner wrapper, not as its first
        // element; the box beside it is an author's bio.
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=sidebar>\
             <div class=box><h3>About the author</h3><p>{P} {P}</p></div>\
             <div class=box><div class=items><h3>Weitere Beiträge zum Thema</h3>\
             <a href=/news/a>Harbour master retires after forty years</a>\
             <a href=/news/b>New pontoons arrive by barge</a></div></div></div></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }

    #[test]
    fn a_teaser_link_is_named_by_its_headline_not_its_kicker() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article>\
             <div class=related-posts><h3>You May Also Like</h3>\
             <a href=/news/a><div><img src=/a.jpg alt=\"\"></div><div><div>HEALTH</div>\
             <h2>A walk after eating changes how the body responds</h2></div></a>\
             <a href=/news/b><div><div>SCIENCE</div><h2>New pontoons arrive by barge</h2></div></a>\
             </div></body>"
        ));
        let links: Vec<_> = b.related_links.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            links,
            [
                "A walk after eating changes how the body responds",
                "New pontoons arrive by barge"
            ]
        );
    }

    #[test]
    fn a_docs_pages_next_steps_list_gives_related_links_and_stays() {
        use crate::page_type::PageType;
        use crate::structure::tests::body_as;
        let src = format!(
            "<body><article><h1>Introduction to the warehouse</h1><p>{P}</p><p>{P}</p>\
             <h2>What's next</h2><ul>\
             <li>For an overview of storage, see <a href=/docs/storage>Overview of storage</a>.</li>\
             <li>For an overview of queries, see <a href=/docs/queries>Overview of queries</a>.</li>\
             </ul></article></body>"
        );
        let b = body_as(&src, PageType::Documentation);
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://example.org/docs/storage",
                "https://example.org/docs/queries"
            ]
        );
        assert!(b.text.contains("For an overview of storage"), "{}", b.text);
        // The same list under another heading is the page's text alone.
        let b = body_as(
            &src.replace("What's next", "Limits"),
            PageType::Documentation,
        );
        assert!(b.related_links.is_empty());
    }

    #[test]
    fn a_listing_page_gives_no_related_links() {
        use crate::page_type::PageType;
        use crate::structure::tests::body_as;
        // The page is a list of links to other pages; a box of further
        // links beside it is more of the same, not pages related to one story.
        let cards: String = (0..6)
            .map(|k| {
                format!(
                    "<div class=card><h3><a href=/news/{k}>Story number {k} about the harbour</a></h3>\
                     <p>A short blurb.</p></div>"
                )
            })
            .collect();
        let src = format!(
            "<body><main>{cards}</main><div class=related-videos><h3>Related</h3>\
             <a href=/video/a>Harbour master retires after forty years</a>\
             <a href=/video/b>New pontoons arrive by barge</a></div></body>"
        );
        assert!(body_as(&src, PageType::Listing).related_links.is_empty());
        assert_eq!(body_as(&src, PageType::Article).related_links.len(), 2);
    }

    #[test]
    fn a_short_link_list_in_an_articles_body_gives_related_links_an_index_does_not() {
        use crate::page_type::PageType;
        use crate::structure::tests::body_as;
        let list = |from: usize, n: usize| -> String {
            (from..from + n)
                .map(|k| format!("<li><a href=/news/{k}>Part {k} of the harbour series</a></li>"))
                .collect()
        };
        let b = body_as(
            &format!(
                "<body><article><p>{P}</p><ul>{}</ul><p>{P}</p></article></body>",
                list(1, 3)
            ),
            PageType::Article,
        );
        assert_eq!(b.related_links.len(), 3, "{:?}", b.related_links);
        let b = body_as(
            &format!(
                "<body><article><p>{P}</p><ul>{}</ul><p>{P}</p><ul>{}</ul><ul>{}</ul>\
                 </article></body>",
                list(1, 4),
                list(5, 4),
                list(9, 4)
            ),
            PageType::Article,
        );
        assert!(b.related_links.is_empty(), "{:?}", b.related_links);
    }

    #[test]
    fn a_box_of_topic_or_search_links_gives_no_related_links() {
        let urls = |src: &str| -> Vec<String> {
            body(&format!(
                "<body><article><p>{P}</p><p>{P}</p></article>{src}</body>"
            ))
            .related_links
            .into_iter()
            .map(|l| l.url)
            .collect()
        };
        // The heading set directly in the box heads all of it.
        assert!(
            urls(
                "<div class=related-searches><h2>Related searches</h2><ul>\
                 <li><a href=/shop/old-town-kayaks>Old Town sit-on-top kayaks</a></li>\
                 <li><a href=/shop/pedal-kayaks>Pedal powered fishing kayaks</a></li></ul></div>"
            )
            .is_empty()
        );
        // A box of topics that opens the block leaves the stories after it.
        assert_eq!(
            urls(
                "<div class=article-end><div><aside><h2>Related Topics</h2><ul>\
                 <li><a href=/related/1/digestion-and-gut-health>Digestion and gut health</a></li>\
                 </ul></aside></div><div><aside><h2>You May Also Like</h2>\
                 <a href=/news/a>Harbour master retires after forty years</a>\
                 <a href=/news/b>New pontoons arrive by barge</a></aside></div></div>"
            ),
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }

    #[test]
    fn the_link_in_a_related_blocks_title_names_its_section_not_a_related_page() {
        for block in [
            "<h2>Next Up In <a href=/science-and-health>Science &amp; Health</a></h2><ul>{LIST}</ul>",
            "<div class=title><strong><a href=/collect/9692>The harbour election</a></strong></div>\
             <ul>{LIST}</ul>",
        ] {
            let list = "<li><a href=/news/a>Harbour master retires after forty years</a></li>\
                <li><a href=/news/b>New pontoons arrive by barge</a></li>";
            let b = body(&format!(
                "<body><article><p>{P}</p><p>{P}</p></article><div class=related-list>{}</div></body>",
                block.replace("{LIST}", list)
            ));
            let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
            assert_eq!(
                urls,
                ["https://example.org/news/a", "https://example.org/news/b"],
                "{block}"
            );
        }
        // A teaser's headline that is all link is a related page.
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-list>\
             <h4><a href=/news/c>The quay reopens to lorries after the storm</a></h4>\
             <h4><a href=/news/a>Harbour master retires after forty years</a></h4></div></body>"
        ));
        assert_eq!(b.related_links.len(), 2, "{:?}", b.related_links);
        // So is one over its own categories, or with a label after its link.
        for first in [
            "<h3><a href=/news/c>The quay reopens to lorries after the storm</a></h3>\
             <ul class=post-categories><li><a href=/topics/port>Port</a></li></ul>",
            "<h3><a href=/news/c>The quay reopens to lorries after the storm</a> \
             <span>12 comments</span></h3>",
        ] {
            let b = body(&format!(
                "<body><article><p>{P}</p><p>{P}</p></article><div class=related-list>{first}\
                 <h3><a href=/news/a>Harbour master retires after forty years</a></h3>\
                 <h3><a href=/news/b>New pontoons arrive by barge</a></h3>\
                 <h3><a href=/news/d>Ferry timetable changes for winter</a></h3></div></body>"
            ));
            let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
            assert!(
                urls.contains(&"https://example.org/news/c"),
                "{first}: {urls:?}"
            );
        }
    }

    #[test]
    fn a_related_box_inside_a_share_bar_or_an_ad_gives_no_related_links() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p><div class=share-tools>\
             <a href=/share/x>Share this story with X</a>\
             <a class=read-more href=/faqs/sharing>Read more about sharing.</a></div></article>\
             <div class=magazine-ad><a class=more href=/issue/november>\
             <img alt=\"The November magazine cover\"></a></div></body>"
        ));
        assert!(b.related_links.is_empty(), "{:?}", b.related_links);
        // A blog's related posts inside its wrapper of sharing buttons are the post's.
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p><div class=share-wrapper>\
             <a href=/share/x>Share this story with X</a><div class=related-posts>\
             <h3>Related Posts</h3><ul>\
             <li><a href=/news/a>Harbour master retires after forty years</a></li>\
             <li><a href=/news/b>New pontoons arrive by barge</a></li></ul></div></div>\
             </article></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }

    #[test]
    fn a_related_line_in_a_box_of_its_own_gives_its_short_link() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p><div class=linkback>Related Roundup: \
             <a href=/roundup/macbook-pro/>MacBook Pro</a></div></article></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://example.org/roundup/macbook-pro/"]);
        // A "Read more:" heading over a box of section links lends them nothing.
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article><div class=related-links>\
             <p>Read more:</p><ul><li><a href=/news/desk/politics>Politics</a></li>\
             <li><a href=/news/desk/home>Home</a></li><li><a href=/news/desk/sport>Sport</a></li>\
             </ul></div></body>"
        ));
        assert!(b.related_links.is_empty(), "{:?}", b.related_links);
    }

    #[test]
    fn a_related_blocks_list_named_by_a_weak_ad_word_gives_its_links() {
        let list = |class: &str| {
            format!(
                "<body><article><p>{P}</p><p>{P}</p></article><div class=related-series>\
                 <h3>More on the harbour election</h3><ul class={class}>\
                 <li><a href=/news/a>Harbour master retires after forty years</a></li>\
                 <li><a href=/news/b>New pontoons arrive by barge</a></li></ul></div></body>"
            )
        };
        assert_eq!(body(&list("series-subscribe-list")).related_links.len(), 2);
        // A list named an ad outright is one.
        assert!(body(&list("read-more-ad")).related_links.is_empty());
    }
}
