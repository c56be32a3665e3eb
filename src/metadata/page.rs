//! One walk over the document that gathers every raw fact the metadata rules read:
//! `<meta>` pairs, canonical/base links, `<title>`, JSON-LD scripts, `h1`s, `<time>`s,
//! microdata dates and byline markup. Later rules only look at this, never at the tree.

use super::jsonld::count_type;
use crate::dom::attr;
use crate::heuristics::{
    BYLINE_CLASSES, FOREIGN_BYLINE_CONTAINERS, HEADLINE_ASIDE_CLASS_WORDS, MODIFIED_DATE_CLASSES,
    PRICE_ITEMPROPS, PUBLISHED_DATE_CLASSES,
};
use scraper::{ElementRef, Html, Node};

/// Caps that keep one hostile page from making this pass slow or large.
pub(super) mod limits {
    /// `<meta>` pairs kept; real heads carry well under a hundred.
    pub const METAS: usize = 1024;
    /// JSON-LD scripts parsed, and the bytes of one script.
    pub const JSONLD_SCRIPTS: usize = 32;
    pub const JSONLD_BYTES: usize = 2 * 1024 * 1024;
    /// `h1`s, `<time>`s, microdata dates, `rel` links and byline elements kept.
    pub const H1S: usize = 16;
    pub const H2S: usize = 16;
    pub const TIMES: usize = 32;
    pub const ITEMPROP_DATES: usize = 16;
    pub const REL_LINKS: usize = 256;
    pub const BYLINES: usize = 64;
    /// Characters of text read from one element, and nodes visited to find them.
    pub const TEXT_CHARS: usize = 2000;
    pub const TEXT_NODES: usize = 5000;
    /// Ancestors looked at to place an element (in an article? in comments?).
    pub const ANCESTORS: usize = 256;
    /// Descendants of a byline element looked through (for a nested byline
    /// or a microdata name).
    pub const BYLINE_DESCENDANTS: usize = 1000;
}

/// A `<time>` element (or microdata date) and where it sits.
pub(super) struct TimeMark {
    pub value: String,
    /// Marked as the modification date (`itemprop=dateModified`, class `updated`/`modified`).
    pub modified: bool,
    /// Marked as the publication date (`itemprop=datePublished`, `pubdate`).
    pub published: bool,
    /// Inside the article, main content or a byline.
    pub in_context: bool,
}

/// An element of byline markup, kept for the author rules to read.
pub(super) struct Byline<'a> {
    pub element: ElementRef<'a>,
    /// Microdata (`itemprop=author`) rather than a class name.
    pub itemprop: bool,
    pub in_content: bool,
}

#[derive(Clone)]
pub(super) struct Heading {
    pub text: String,
    /// Inside `article`, `main` or `[role=main]`.
    pub in_content: bool,
    /// Inside, or wrapping, a link to the site's home page: a logo or site name.
    pub links_home: bool,
    /// Inside `nav` or `[role=navigation]`: a breadcrumb's last crumb.
    pub in_nav: bool,
    /// The host of the absolute link it holds, if any (a teaser's headline
    /// links to its story, perhaps on another site).
    pub link_host: Option<String>,
}

#[derive(Default)]
pub(super) struct Page<'a> {
    pub html_lang: Option<String>,
    pub title: Option<String>,
    pub base_href: Option<String>,
    pub canonical: Option<String>,
    pub image_src: Option<String>,
    /// `(key, content)` of every `<meta>`, key lowercased from `property`, `name` or
    /// `itemprop` (one pair each), `http-equiv` keys prefixed `http-equiv:`; in order.
    pub metas: Vec<(String, String)>,
    pub jsonld: Vec<String>,
    pub h1s: Vec<Heading>,
    /// `h2`s outside navigation, in order: where a page's `h1` is a breadcrumb
    /// crumb, the headline is often the first `h2` of the article.
    pub h2s: Vec<Heading>,
    pub times: Vec<TimeMark>,
    /// Text of `a[rel~=author]` links.
    pub author_links: Vec<String>,
    /// Text of `a[rel~=tag]` links.
    pub tag_links: Vec<String>,
    pub bylines: Vec<Byline<'a>>,
    /// Microdata `itemtype`s, bare (`Product`), with how many elements name each.
    pub item_types: Vec<(String, u32)>,
    /// Elements whose `itemprop` states a price (`price`, `lowPrice`, …).
    pub price_props: u32,
}

impl<'a> Page<'a> {
    /// The first non-empty content of a meta `key` (lowercase).
    pub fn meta<'s>(&'s self, key: &'s str) -> Option<&'s str> {
        self.metas_of(key).next()
    }

    /// Every non-empty content of a meta `key` (lowercase), in document order.
    pub fn metas_of<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.metas
            .iter()
            .filter(move |(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    pub fn scan(html: &'a Html) -> Page<'a> {
        let mut page = Page::default();
        // The document's own `<html>`: its `lang` is the page's declared language.
        let root = html.root_element();
        page.html_lang = attr(root.value(), "lang")
            .or_else(|| attr(root.value(), "xml:lang"))
            .map(str::to_owned);
        for node in root.descendants() {
            if let Some(el) = ElementRef::wrap(node) {
                page.visit(el);
            }
        }
        page
    }

    fn visit(&mut self, el: ElementRef<'a>) {
        let e = el.value();
        let asked = AskedAttrs::of(e);
        match e.name() {
            "meta" => self.visit_meta(el),
            "title" if self.title.is_none() && e.name.ns == html5ever::ns!(html) => {
                self.title = Some(text_of(el));
            }
            "base" if self.base_href.is_none() => {
                self.base_href = attr(e, "href").map(str::to_owned);
            }
            "link" => {
                let href = attr(e, "href");
                for rel in rel_tokens(el) {
                    if rel == "canonical" && self.canonical.is_none() {
                        self.canonical = href.map(str::to_owned);
                    } else if rel == "image_src" && self.image_src.is_none() {
                        self.image_src = href.map(str::to_owned);
                    }
                }
            }
            "script" => {
                let ld = attr(e, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if ld && self.jsonld.len() < limits::JSONLD_SCRIPTS {
                    let mut body = String::new();
                    for t in el.text() {
                        if body.len() + t.len() > limits::JSONLD_BYTES {
                            return;
                        }
                        body.push_str(t);
                    }
                    self.jsonld.push(body);
                }
            }
            "h1" if self.h1s.len() < limits::H1S => {
                self.h1s.push(Heading {
                    text: headline_text(el),
                    in_content: within(el, is_content),
                    links_home: links_home(el),
                    in_nav: within(el, is_nav),
                    link_host: link_host(el),
                });
            }
            // Only wanted once an `h1` sat in navigation: no cost on other pages.
            "h2" if self.h2s.len() < limits::H2S
                && self.h1s.iter().any(|h| h.in_nav)
                && !within(el, is_nav) =>
            {
                self.h2s.push(Heading {
                    text: headline_text(el),
                    in_content: within(el, is_content),
                    links_home: links_home(el),
                    in_nav: false,
                    link_host: None,
                });
            }
            "time" => {
                if let Some(dt) = attr(e, "datetime") {
                    self.push_time(el, dt);
                }
            }
            "a" => {
                for rel in rel_tokens(el) {
                    if rel == "author" && self.author_links.len() < limits::REL_LINKS {
                        self.author_links.push(text_of(el));
                    } else if rel == "tag" && self.tag_links.len() < limits::REL_LINKS {
                        self.tag_links.push(text_of(el));
                    }
                }
            }
            _ => {}
        }
        if let Some(types) = asked.itemtype {
            for t in types.split_ascii_whitespace() {
                let bare = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
                if !bare.is_empty() {
                    count_type(&mut self.item_types, bare);
                }
            }
        }
        if asked.itemprop.is_some_and(|p| {
            p.split_ascii_whitespace()
                .any(|p| PRICE_ITEMPROPS.iter().any(|w| p.eq_ignore_ascii_case(w)))
        }) {
            self.price_props = self.price_props.saturating_add(1);
        }
        if let Some(prop) = asked.itemprop.filter(|_| e.name() != "meta") {
            let prop = prop.trim();
            let is_date = prop.eq_ignore_ascii_case("datePublished")
                || prop.eq_ignore_ascii_case("dateModified");
            // `<time itemprop=… datetime=…>` was taken above.
            if is_date && (e.name() != "time" || attr(e, "datetime").is_none()) {
                let value = attr(e, "content")
                    .map(str::to_owned)
                    .unwrap_or_else(|| text_of(el));
                self.push_time(el, &value);
            }
        }
        self.visit_byline(el, &asked);
    }

    fn visit_meta(&mut self, el: ElementRef<'a>) {
        let e = el.value();
        let Some(content) = attr(e, "content") else {
            return;
        };
        for (name, prefix) in [
            ("property", ""),
            ("name", ""),
            ("itemprop", ""),
            ("http-equiv", "http-equiv:"),
        ] {
            if self.metas.len() >= limits::METAS {
                return;
            }
            if let Some(key) = attr(e, name) {
                let key = format!("{prefix}{}", key.trim().to_ascii_lowercase());
                self.metas.push((key, content.to_owned()));
            }
        }
    }

    fn push_time(&mut self, el: ElementRef<'a>, value: &str) {
        if self.times.len() >= limits::TIMES + limits::ITEMPROP_DATES {
            return;
        }
        let e = el.value();
        let itemprop = attr(e, "itemprop").unwrap_or("");
        let class = attr(e, "class").unwrap_or("").to_ascii_lowercase();
        let modified = itemprop.eq_ignore_ascii_case("dateModified")
            || MODIFIED_DATE_CLASSES.iter().any(|c| class.contains(c));
        let published = itemprop.eq_ignore_ascii_case("datePublished")
            || attr(e, "pubdate").is_some()
            || PUBLISHED_DATE_CLASSES.iter().any(|c| class.contains(c));
        let in_context = within(el, |a| is_content(a) || is_byline_class(a));
        self.times.push(TimeMark {
            value: value.to_owned(),
            modified,
            published,
            in_context,
        });
    }

    fn visit_byline(&mut self, el: ElementRef<'a>, asked: &AskedAttrs) {
        if self.bylines.len() >= limits::BYLINES {
            return;
        }
        let itemprop = asked.itemprop.is_some_and(|p| {
            p.split_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        });
        let rel_author = el.value().name() != "a"
            && asked.rel.is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("author"))
            });
        if !(itemprop || rel_author || asked.class.is_some_and(is_byline_class_value)) {
            return;
        }
        if within(el, is_foreign_container) {
            return;
        }
        self.bylines.push(Byline {
            element: el,
            itemprop,
            in_content: within(el, is_content),
        });
    }
}

fn rel_tokens<'e>(el: ElementRef<'e>) -> impl Iterator<Item = String> + 'e {
    attr(el.value(), "rel")
        .unwrap_or("")
        .split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
}

fn is_content(el: ElementRef) -> bool {
    matches!(el.value().name(), "article" | "main")
        || attr(el.value(), "role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
}

fn is_nav(el: ElementRef) -> bool {
    el.value().name() == "nav"
        || attr(el.value(), "role").is_some_and(|r| r.eq_ignore_ascii_case("navigation"))
}

fn is_byline_class(el: ElementRef) -> bool {
    attr(el.value(), "class").is_some_and(is_byline_class_value)
}

fn is_byline_class_value(class: &str) -> bool {
    // Not `Element::classes()`: that interns every class name of the element as
    // an atom on first use, and this runs on every element of the page.
    class
        .split_ascii_whitespace()
        .any(|c| BYLINE_CLASSES.iter().any(|b| c.eq_ignore_ascii_case(b)))
}

/// The attributes every element is asked for, read in one pass.
#[derive(Default)]
struct AskedAttrs<'e> {
    itemprop: Option<&'e str>,
    itemtype: Option<&'e str>,
    rel: Option<&'e str>,
    class: Option<&'e str>,
}

impl<'e> AskedAttrs<'e> {
    fn of(e: &'e scraper::node::Element) -> AskedAttrs<'e> {
        let mut asked = AskedAttrs::default();
        for (name, value) in e.attrs.iter() {
            if name.ns != html5ever::ns!() {
                continue;
            }
            match &*name.local {
                "itemprop" => asked.itemprop = asked.itemprop.or(Some(&**value)),
                "itemtype" => asked.itemtype = asked.itemtype.or(Some(&**value)),
                "rel" => asked.rel = asked.rel.or(Some(&**value)),
                "class" => asked.class = asked.class.or(Some(&**value)),
                _ => {}
            }
        }
        asked
    }
}

fn is_foreign_container(el: ElementRef) -> bool {
    let e = el.value();
    [attr(e, "class"), attr(e, "id")]
        .into_iter()
        .flatten()
        .any(|v| {
            let v = v.to_ascii_lowercase();
            FOREIGN_BYLINE_CONTAINERS.iter().any(|f| v.contains(f))
        })
}

/// Whether `el` or one of its nearer ancestors satisfies `pred`.
pub(super) fn within(el: ElementRef, pred: impl Fn(ElementRef) -> bool) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .take(limits::ANCESTORS)
        .filter_map(ElementRef::wrap)
        .any(pred)
}

/// An `h1`'s text without its kicker or subtitle parts
/// ([`HEADLINE_ASIDE_CLASS_WORDS`]), unless nothing else is left.
fn headline_text(el: ElementRef) -> String {
    let aside = |e: ElementRef| {
        let mut found = false;
        if let Some(class) = attr(e.value(), "class") {
            crate::dom::class_words(class, |w| {
                found |= HEADLINE_ASIDE_CLASS_WORDS.contains(&w);
            });
        }
        found
    };
    let has_aside = el
        .descendants()
        .skip(1)
        .take(limits::TEXT_NODES)
        .filter_map(ElementRef::wrap)
        .any(aside);
    if !has_aside {
        return text_of(el);
    }
    let mut out = String::new();
    for node in el.descendants().skip(1).take(limits::TEXT_NODES) {
        match node.value() {
            Node::Text(t) => {
                let set_apart = node
                    .ancestors()
                    .take_while(|a| a.id() != el.id())
                    .filter_map(ElementRef::wrap)
                    .any(|a| aside(a) || matches!(a.value().name(), "script" | "style"));
                if !set_apart {
                    out.push_str(t);
                }
            }
            Node::Element(_) => out.push(' '),
            _ => {}
        }
        if out.len() >= limits::TEXT_CHARS {
            break;
        }
    }
    let text = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() { text_of(el) } else { text }
}

/// Whether the element sits in, or holds, a link to the site's root ("/").
fn links_home(el: ElementRef) -> bool {
    let home = |e: ElementRef| {
        e.value().name() == "a" && attr(e.value(), "href").is_some_and(is_home_href)
    };
    within(el, home)
        || el
            .descendants()
            .take(limits::TEXT_NODES)
            .filter_map(ElementRef::wrap)
            .any(home)
}

/// The host of the first absolute `http(s)` link inside the element.
fn link_host(el: ElementRef) -> Option<String> {
    let href = el
        .descendants()
        .take(limits::TEXT_NODES)
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "a")
        .and_then(|a| attr(a.value(), "href"))?;
    let rest = href
        .trim()
        .strip_prefix("https://")
        .or_else(|| href.trim().strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `/`, `./`, or an absolute URL with no path: the home page.
fn is_home_href(href: &str) -> bool {
    let href = href.trim();
    if matches!(href, "/" | "./") {
        return true;
    }
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .or_else(|| href.strip_prefix("//"))
    else {
        return false;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    !rest.is_empty() && !rest.contains(['/', '?', '#'])
}

/// The element's text with whitespace collapsed, `<br>` read as a space; bounded.
pub(super) fn text_of(el: ElementRef) -> String {
    raw_text(el, |_| " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The element's text as it stands, with `sep(element)` written where a child element
/// begins (`<br>` always counts as a break); bounded in characters and nodes visited.
pub(super) fn raw_text(el: ElementRef, sep: impl Fn(&str) -> &'static str) -> String {
    let mut out = String::new();
    for node in el.descendants().skip(1).take(limits::TEXT_NODES) {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => match e.name() {
                "br" => out.push('\n'),
                "script" | "style" | "template" => {}
                name => out.push_str(sep(name)),
            },
            _ => {}
        }
        if out.len() >= limits::TEXT_CHARS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_metas_links_and_title_in_one_pass() {
        let html = Html::parse_document(
            r#"<html lang="en-GB"><head><title> A  title </title>
            <base href="/b/"><link rel="Canonical" href="https://e.com/c">
            <meta property="og:title" content="OG"><meta name="Description" content="D">
            <meta http-equiv="Content-Language" content="de">
            <script type="application/ld+json">{"a":1}</script></head>
            <body><svg><title>icon</title></svg><h1>Head</h1></body></html>"#,
        );
        let page = Page::scan(&html);
        assert_eq!(page.html_lang.as_deref(), Some("en-GB"));
        assert_eq!(page.title.as_deref(), Some("A title"));
        assert_eq!(page.base_href.as_deref(), Some("/b/"));
        assert_eq!(page.canonical.as_deref(), Some("https://e.com/c"));
        assert_eq!(page.meta("og:title"), Some("OG"));
        assert_eq!(page.meta("description"), Some("D"));
        assert_eq!(page.meta("http-equiv:content-language"), Some("de"));
        assert_eq!(page.jsonld, vec![r#"{"a":1}"#.to_owned()]);
        assert_eq!(page.h1s[0].text, "Head");
        assert!(!page.h1s[0].in_content);
    }

    #[test]
    fn bylines_in_comments_are_not_the_articles() {
        let html = Html::parse_document(
            r#"<article><p class="byline">By Ann</p></article>
            <div id="comments"><span class="author">Troll</span></div>"#,
        );
        let page = Page::scan(&html);
        assert_eq!(page.bylines.len(), 1);
        assert!(page.bylines[0].in_content);
    }

    #[test]
    fn the_h1s_kicker_and_subtitle_stay_out_of_its_text() {
        let html = Html::parse_document(
            r#"<h1 class="header__heading"><span class="header__title">Tuition and Fees</span>
            <span class="header__subtitle">Consistent rates for a decade</span></h1>
            <h1><span class="c-contentHeader__topline">Integration</span> Job plan helps</h1>
            <h1><span class="subtitle">Only a subtitle</span></h1>"#,
        );
        let page = Page::scan(&html);
        let texts: Vec<&str> = page.h1s.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Tuition and Fees", "Job plan helps", "Only a subtitle"]
        );
    }

    #[test]
    fn an_h1_in_or_around_a_home_link_is_marked() {
        let html = Html::parse_document(
            r#"<a href="/"><h1>Harbour</h1></a><h1><a href="https://harbour.example/">H</a></h1>
            <h1><a href="https://harbour.example/tide-tables">Tide tables</a></h1>"#,
        );
        let page = Page::scan(&html);
        let home: Vec<bool> = page.h1s.iter().map(|h| h.links_home).collect();
        assert_eq!(home, [true, true, false]);
        let hosts: Vec<Option<&str>> = page.h1s.iter().map(|h| h.link_host.as_deref()).collect();
        assert_eq!(
            hosts,
            [None, Some("harbour.example"), Some("harbour.example")]
        );
    }

    #[test]
    fn an_h1_in_a_breadcrumb_brings_the_h2s_after_it() {
        let html = Html::parse_document(
            r#"<h2>Before</h2><main><nav><ol><li><a href="/politics/">Politics</a></li>
            <li><h1>Vote: Ann and Bob argue</h1></li></ol></nav>
            <nav><h2>Menu</h2></nav><article><h2>Ann and Bob argue</h2></article></main>"#,
        );
        let page = Page::scan(&html);
        assert!(page.h1s[0].in_nav);
        let h2s: Vec<(&str, bool)> = page
            .h2s
            .iter()
            .map(|h| (h.text.as_str(), h.in_content))
            .collect();
        assert_eq!(h2s, [("Ann and Bob argue", true)]);
    }

    #[test]
    fn text_is_bounded_and_br_separates_words() {
        let html = Html::parse_document("<h1>a<br>b</h1>");
        let page = Page::scan(&html);
        assert_eq!(page.h1s[0].text, "a b");
    }
}
