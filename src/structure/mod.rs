//! The article as data: sections, blocks, captions, related links.

use crate::classify::Marks;
use crate::document::{Caption, Link, Section, Stripped};
use crate::dom::Facts;
use crate::metadata::Metadata;
use ego_tree::NodeId;
use scraper::Html;

pub(crate) struct Body {
    pub sections: Vec<Section>,
    pub captions: Vec<Caption>,
    pub related_links: Vec<Link>,
    pub text: String,
    pub stripped: Stripped,
}

pub(crate) fn build(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    root: NodeId,
    meta: &Metadata,
) -> Body {
    let _ = (facts, marks, meta);
    let text: String = html
        .tree
        .get(root)
        .and_then(scraper::ElementRef::wrap)
        .map(|e| e.text().collect())
        .unwrap_or_default();
    Body {
        sections: vec![],
        captions: vec![],
        related_links: vec![],
        text,
        stripped: Stripped::default(),
    }
}
