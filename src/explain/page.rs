//! The page as pith parsed it, made inert so it can be opened offline.
//!
//! A viewer of pith's decisions must show the page, but opening a scraped
//! page runs its scripts and fetches its resources: trackers, fonts, images,
//! frames. The copy here keeps the parsed tree (after the guard, so the
//! numbers in [`Decision::node`](super::Decision::node) match) with its inline
//! styles, and drops everything that runs or fetches: scripts, frames,
//! objects, `base`, `meta` (refresh) and `link` elements, event handler
//! attributes, every attribute that names a resource to load (`src`,
//! `srcset`, `poster`, `href` outside links, …), and `url()`, `image-set()`
//! and `@import` in styles. A viewer should still forbid loads with a
//! Content-Security-Policy, as [`render::explain_html`] does: CSS escapes can
//! spell `url` in ways a plain search does not see.
//!
//! The walk is a loop over the tree's open and close edges: no recursion.
//!
//! [`render::explain_html`]: crate::render::explain_html

use std::collections::HashMap;
use std::fmt::Write;

use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde::Serialize;

use super::{Decision, What};
use crate::dom::Facts;

/// The page's inert copy, in two parts a viewer puts in its own document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Page {
    /// The page's `<style>` elements from its head.
    pub head: String,
    /// The page's `<body>` element, attributes and all; each decided element
    /// carries `data-pith-node` (its [`Decision::node`](super::Decision::node))
    /// and `data-pith` (space-separated: the stripped kind, and `nested`
    /// inside another stripped region; `root`, `headline`, `heading`,
    /// `caption`, `link`).
    pub body: String,
}

/// Elements dropped with everything inside them: they run, fetch, redirect
/// or hold markup meant for no reader.
const DROPPED: &[&str] = &[
    "script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
    "meta", "link", "template", "portal", "title", "noembed", "noframes", "param",
];

/// Attributes that make the browser load something (or run something, with
/// the `on*` handlers), dropped wherever they are. `href` is kept on links
/// (it loads only on a click, which the viewer stops) and as a `#fragment`.
const LOADING_ATTRIBUTES: &[&str] = &[
    "src",
    "srcset",
    "imagesrcset",
    "href",
    "poster",
    "background",
    "data",
    "action",
    "formaction",
    "ping",
    "manifest",
    "codebase",
    "archive",
    "lowsrc",
    "dynsrc",
    "srcdoc",
    "autofocus",
    "nonce",
    "integrity",
];

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// The tokens `data-pith` gets for a decision.
fn tokens(what: &What) -> impl Iterator<Item = &'static str> {
    let (main, nested) = match what {
        What::Stripped { kind, within, .. } => (kind.name(), within.map(|_| "nested")),
        What::ArticleRoot => ("root", None),
        What::Headline => ("headline", None),
        What::Heading { .. } => ("heading", None),
        What::Caption => ("caption", None),
        What::RelatedLink { .. } => ("link", None),
    };
    std::iter::once(main).chain(nested)
}

/// The inert copy of the page, its decided elements numbered.
pub(super) fn inert(html: &Html, facts: &Facts, decisions: &[Decision]) -> Page {
    let mut marked: HashMap<ego_tree::NodeId, (u32, Vec<&'static str>)> = HashMap::new();
    for d in decisions {
        if let Some(at) = d.node {
            let entry = marked
                .entry(facts.nodes[at as usize].node)
                .or_insert((at, Vec::new()));
            for t in tokens(&d.what) {
                if !entry.1.contains(&t) {
                    entry.1.push(t);
                }
            }
        }
    }
    let mut page = Page::default();
    let mut out = &mut page.body;
    // Where the walk is: inside the head, inside a dropped subtree (until
    // its close edge), and the element whose text is raw (style).
    let mut in_head = false;
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut raw_text = false;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if name == "head" {
                            in_head = true;
                            out = &mut page.head;
                            continue;
                        }
                        if name == "html" || (in_head && name != "style") {
                            if in_head {
                                skip = Some(node.id());
                            }
                            continue;
                        }
                        if DROPPED.contains(&name) {
                            skip = Some(node.id());
                            continue;
                        }
                        raw_text = name == "style";
                        open_tag(out, el, marked.get(&node.id()));
                    }
                    Node::Text(text) if raw_text => out.push_str(&inert_css(text)),
                    Node::Text(text) => escape(out, text, false),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    match el.name() {
                        "head" => {
                            in_head = false;
                            out = &mut page.body;
                        }
                        "html" => {}
                        name if VOID.contains(&name) => {}
                        _ => {
                            raw_text = false;
                            let _ = write!(out, "</{}>", tag_name(el.name()));
                        }
                    }
                }
            }
        }
    }
    page
}

/// The name to write for an element: `plaintext` and `xmp` would swallow
/// the viewer's own markup as text, so they become `pre`; a name with
/// characters a tag name should not have becomes `span`.
fn tag_name(name: &str) -> &str {
    match name {
        "plaintext" | "xmp" | "listing" => "pre",
        _ if is_plain_name(name) => name,
        _ => "span",
    }
}

fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
}

fn open_tag(out: &mut String, el: &scraper::node::Element, mark: Option<&(u32, Vec<&str>)>) {
    let name = el.name();
    out.push('<');
    out.push_str(tag_name(name));
    let link = matches!(name, "a" | "area");
    for (attr, value) in el.attrs() {
        let lower = attr.to_ascii_lowercase();
        let kept = is_plain_name(attr)
            && !lower.starts_with("on")
            && !lower.starts_with("data-pith")
            && (!LOADING_ATTRIBUTES.contains(&lower.as_str())
                || (lower == "href"
                    && (value.starts_with('#') || (link && !is_script_url(value)))));
        if !kept {
            continue;
        }
        out.push(' ');
        out.push_str(attr);
        out.push_str("=\"");
        if lower == "style" {
            escape(out, &inert_css(value), true);
        } else {
            escape(out, value, true);
        }
        out.push('"');
    }
    if let Some((node, tokens)) = mark {
        let _ = write!(
            out,
            " data-pith-node=\"{node}\" data-pith=\"{}\"",
            tokens.join(" ")
        );
    }
    out.push('>');
}

fn is_script_url(url: &str) -> bool {
    let url: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(11)
        .collect();
    url.to_ascii_lowercase().starts_with("javascript:")
}

/// CSS with its loads disabled: `url(`, `image-set(` and `@import` are
/// renamed, which makes the declaration or rule invalid, so it is ignored.
fn inert_css(css: &str) -> String {
    const LOADS: &[(&str, &str)] = &[
        ("url(", "pith-blocked("),
        ("image-set(", "pith-blocked("),
        ("@import", "@pith-blocked"),
    ];
    let lower = css.to_ascii_lowercase();
    let mut out = String::with_capacity(css.len());
    let mut i = 0;
    'scan: while i < css.len() {
        for (from, to) in LOADS {
            if lower[i..].starts_with(from) {
                out.push_str(to);
                i += from.len();
                continue 'scan;
            }
        }
        let c = css[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Text or an attribute value, escaped.
fn escape(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}
