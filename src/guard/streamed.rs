//! Streamed segments put back where the reader sees them.
//!
//! A server that streams its rendering (React's Suspense) sends the page's
//! shell first, with a `<template id="B:0">` (or `P:0`) where a part is not
//! ready yet, often before a "Loading…" fallback; the part follows after
//! the footer as `<div hidden id="S:0">`, and a script moves it in. Read in
//! place, the article's paragraphs come after the footer, hidden, and the
//! fallback stands where they belong.
//!
//! The parser's sink notes these elements (and React's boundary comments)
//! as it creates them, so pages without them cost nothing more; once the
//! tree is built, [`Streamed::splice`] does what the script does: each
//! segment's children move to the template of the same number, replacing
//! the boundary's fallback, and the emptied segment, the template and the
//! comments leave the tree.

use ego_tree::NodeId;
use html5ever::{Attribute, QualName, local_name};
use scraper::{Html, Node};

use crate::heuristics::{
    STREAMED_BOUNDARY_CLOSE, STREAMED_BOUNDARY_ID_PREFIX, STREAMED_BOUNDARY_OPENS,
    STREAMED_PLACEHOLDER_ID_PREFIX, STREAMED_SEGMENT_ID_PREFIX,
};

/// What an element is to the streaming protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// `<div hidden id="S:n">`: the streamed part.
    Segment(u64),
    /// `<template id="B:n">`: a boundary whose fallback the part replaces.
    Boundary(u64),
    /// `<template id="P:n">`: a spot the part fills.
    Placeholder(u64),
}

impl Role {
    /// The element's role, read from its name and attributes at creation.
    pub(crate) fn of(name: &QualName, attrs: &[Attribute]) -> Option<Role> {
        let id = attrs.iter().find(|a| a.name.local == local_name!("id"))?;
        let id: &str = &id.value;
        if name.local == local_name!("template") {
            if let Some(n) = number(id, STREAMED_BOUNDARY_ID_PREFIX) {
                return Some(Role::Boundary(n));
            }
            return number(id, STREAMED_PLACEHOLDER_ID_PREFIX).map(Role::Placeholder);
        }
        let hidden = attrs.iter().any(|a| a.name.local == local_name!("hidden"));
        if hidden {
            return segment_number(id).map(Role::Segment);
        }
        None
    }
}

/// The number after `prefix`, in hex as React writes it (`None` past a
/// `u64`).
fn number(id: &str, prefix: &str) -> Option<u64> {
    let digits = id.strip_prefix(prefix)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(digits, 16).ok()
}

/// The number of a streamed segment's id (`S:1f`), if it is one.
pub(crate) fn segment_number(id: &str) -> Option<u64> {
    number(id, STREAMED_SEGMENT_ID_PREFIX)
}

/// Whether a comment's body is one of React's boundary comments.
pub(crate) fn is_boundary_comment(body: &[u8]) -> bool {
    body == STREAMED_BOUNDARY_CLOSE.as_bytes()
        || STREAMED_BOUNDARY_OPENS
            .iter()
            .any(|open| body == open.as_bytes())
}

/// The protocol's elements and comments, as the parser created them.
#[derive(Debug, Default)]
pub(crate) struct Streamed {
    segments: Vec<(u64, NodeId)>,
    /// Templates: (number, is a boundary, node).
    places: Vec<(u64, bool, NodeId)>,
    comments: Vec<NodeId>,
}

impl Streamed {
    pub(crate) fn element(&mut self, role: Role, node: NodeId) {
        match role {
            Role::Segment(n) => self.segments.push((n, node)),
            Role::Boundary(n) => self.places.push((n, true, node)),
            Role::Placeholder(n) => self.places.push((n, false, node)),
        }
    }

    pub(crate) fn comment(&mut self, node: NodeId) {
        self.comments.push(node);
    }

    /// Moves each segment into its place, in the order they were streamed,
    /// then takes the boundary comments out of the tree.
    pub(crate) fn splice(mut self, html: &mut Html) {
        if !self.segments.is_empty() {
            // The first template of each number counts, as `getElementById`'s.
            self.places.sort_by_key(|&(n, _, _)| n);
            self.places.dedup_by_key(|&mut (n, _, _)| n);
            for &(n, segment) in &self.segments {
                let Ok(at) = self.places.binary_search_by_key(&n, |&(n, _, _)| n) else {
                    continue;
                };
                let (_, boundary, place) = self.places[at];
                fill(html, segment, place, boundary);
            }
        }
        for &comment in &self.comments {
            detach(html, comment);
        }
    }
}

/// Moves the segment's children to where its template stands, and drops the
/// template, the emptied segment and, for a boundary, the fallback between
/// the template and the boundary's closing comment.
fn fill(html: &mut Html, segment: NodeId, place: NodeId, boundary: bool) {
    // A template inside its own segment (or out of the tree) has no place
    // the segment could move to.
    if !in_tree_outside(html, place, segment) {
        return;
    }
    let mut anchor = place;
    if let Some(close) = boundary.then(|| boundary_close(html, place)).flatten() {
        while let Some(next) = next_sibling(html, place).filter(|&n| n != close) {
            detach(html, next);
        }
        anchor = close;
    }
    while let Some(child) = html.tree.get(segment).and_then(|s| s.first_child()) {
        let child = child.id();
        let Some(mut at) = html.tree.get_mut(anchor) else {
            break;
        };
        at.insert_id_before(child);
    }
    detach(html, place);
    detach(html, segment);
}

/// Whether `node` hangs from the document's root, not below `outside`.
fn in_tree_outside(html: &Html, node: NodeId, outside: NodeId) -> bool {
    let root = html.tree.root().id();
    let Some(node) = html.tree.get(node) else {
        return false;
    };
    let mut reached_root = false;
    for ancestor in node.ancestors() {
        if ancestor.id() == outside {
            return false;
        }
        reached_root = ancestor.id() == root;
    }
    reached_root
}

/// The comment that closes the boundary whose template is `place`: the
/// first `<!--/$-->` among its next siblings not closing a boundary nested
/// in the fallback.
fn boundary_close(html: &Html, place: NodeId) -> Option<NodeId> {
    let mut depth = 0usize;
    for node in html.tree.get(place)?.next_siblings() {
        let Node::Comment(comment) = node.value() else {
            continue;
        };
        let body: &str = comment;
        if body == STREAMED_BOUNDARY_CLOSE {
            if depth == 0 {
                return Some(node.id());
            }
            depth -= 1;
        } else if STREAMED_BOUNDARY_OPENS.contains(&body) {
            depth += 1;
        }
    }
    None
}

fn next_sibling(html: &Html, node: NodeId) -> Option<NodeId> {
    html.tree.get(node)?.next_sibling().map(|n| n.id())
}

fn detach(html: &mut Html, node: NodeId) {
    if let Some(mut node) = html.tree.get_mut(node) {
        node.detach();
    }
}

#[cfg(test)]
mod tests {
    use crate::Options;
    use crate::guard::{Budget, parse};

    /// The body's markup after the parse, as a reader's browser would hold it.
    fn body(page: &str) -> String {
        let options = Options::default();
        let html = parse(page, &options, &Budget::start(&options)).unwrap();
        let body = scraper::Selector::parse("body").unwrap();
        html.select(&body).next().unwrap().inner_html()
    }

    #[test]
    fn a_segment_replaces_its_boundary_fallback() {
        let page = "<body><main><p>Intro</p><!--$?--><template id=\"B:0\"></template>\
            <p>Loading…</p><!--$--><p>nested</p><!--/$--><!--/$--><p>Outro</p></main>\
            <footer>Footer</footer><div hidden id=\"S:0\"><p>The story.</p>\
            <template id=\"P:1\"></template></div><div hidden id=\"S:1\"><p>Its end.</p></div>\
            <script>$RC(\"B:0\",\"S:0\")</script>";
        assert_eq!(
            body(page),
            "<main><p>Intro</p><p>The story.</p><p>Its end.</p><p>Outro</p></main>\
             <footer>Footer</footer><script></script>"
        );
    }

    #[test]
    fn without_its_comments_a_boundary_keeps_its_fallback() {
        let page = "<body><main><template id=\"B:0\"></template><p>Loading…</p></main>\
            <div hidden id=\"S:0\"><p>The story.</p></div>";
        assert_eq!(body(page), "<main><p>The story.</p><p>Loading…</p></main>");
    }

    #[test]
    fn a_segment_holding_its_own_template_stays_where_it_is() {
        let page = "<body><main>Shell</main><div hidden id=\"S:0\"><p>Part</p>\
            <template id=\"B:0\"></template></div><div hidden id=\"S:7\"><p>orphan</p></div>";
        assert_eq!(
            body(page),
            "<main>Shell</main><div hidden=\"\" id=\"S:0\"><p>Part</p>\
             <template id=\"B:0\"></template></div><div hidden=\"\" id=\"S:7\"><p>orphan</p></div>"
        );
    }
}
