//! What the scan leaves out because nothing after the parse reads it:
//! comments, the bodies of styles and of scripts that are code, `data-*` and
//! event-handler attributes, the bodies of SVG images; and where such a cut is
//! safe (only where the model knows what the tokenizer reads as text and what
//! as markup). The cuts by the limits use the same output editing.

use memchr::memchr;

use super::Scanner;
use super::tags::{RAW_TEXT, is};
use super::tokenizer::Tag;
use crate::heuristics::IMAGE_SOURCE_ATTRIBUTES;
use crate::lex::is_end_tag_named;

/// An open `<svg>` image in HTML. Nothing after the parse reads inside one
/// (`dom` skips the element, metadata reads no SVG elements), and an icon's
/// paths, groups and symbols are many nodes; so when the image ends with its
/// own end tag and held only SVG elements (no HTML through `foreignObject`,
/// nothing the model is unsure of), its body is cut.
#[derive(Debug)]
pub(super) struct SvgBody {
    /// Its index on the stack.
    pub(super) depth: usize,
    /// Where its body starts in the output.
    pub(super) out: usize,
    /// Every start tag inside it so far was an SVG element.
    pub(super) foreign_only: bool,
}

/// Raw text elements whose text nothing after the parse reads: `dom` skips
/// them, metadata reads only `title` and JSON scripts. Their bodies are cut
/// before the parse (they are half the bytes of a typical news page), the
/// elements themselves stay.
pub(super) const UNREAD_RAW_TEXT: &[&[u8]] = &[b"style", b"noscript"];

/// Attributes nothing after the parse reads, and a tenth of the markup of a
/// typical news page: `data-` attributes other than the image sources that
/// `structure` reads, and event handlers (`onclick`, …). They are cut from
/// kept start tags outside foreign content; the tag and its other attributes
/// stay as they were.
pub(super) fn is_unread_attribute(name: &[u8]) -> bool {
    match name.first().map(u8::to_ascii_lowercase) {
        Some(b'd') => {
            name.len() > 5
                && name[..5].eq_ignore_ascii_case(b"data-")
                && !IMAGE_SOURCE_ATTRIBUTES
                    .iter()
                    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
        }
        Some(b'o') => name.len() > 2 && name[1].eq_ignore_ascii_case(&b'n'),
        _ => false,
    }
}

/// Whether a script's attributes mention JSON (`type="application/ld+json"`,
/// `application/json`): such a script is data that metadata reads, every other
/// script is code, and its body is cut like a style's.
pub(super) fn mentions_json(attrs: &[u8]) -> bool {
    attrs.windows(4).any(|w| w.eq_ignore_ascii_case(b"json"))
}

impl<'a> Scanner<'a> {
    /// Whether what is read now may be cut for being unread. Not inside
    /// foreign content, and never again once the model may have lost track.
    pub(super) fn may_cut(&self) -> bool {
        self.unmodelled == 0 && !self.lost
    }

    /// An end tag inside foreign content goes to the HTML rules, which the
    /// model follows there only roughly (which formatting and foreign elements
    /// it really closes): the model may be lost from here on.
    pub(super) fn html_rules_in_foreign_content(&mut self) {
        self.lost = true;
        if let Some(svg) = &mut self.svg {
            svg.foreign_only = false;
        }
    }

    /// A tag named like a raw-text element where the model cannot be sure
    /// whether the tree builder inserts it as one (in foreign content, in an
    /// [`UNMODELLED`](super::tags::UNMODELLED) element): the tokenizer reads its content as text or
    /// as markup. The two readings agree when the content has no tag before
    /// the element's own end tag; otherwise the model may be lost.
    pub(super) fn check_raw_text_reading(&mut self, tag: &Tag) {
        let name = &*tag.name;
        if !(is(name, RAW_TEXT) || name == b"script" || name == b"plaintext") {
            return;
        }
        let next = memchr(b'<', &self.src[tag.stop..]).map(|p| tag.stop + p);
        if next.is_none_or(|at| !is_end_tag_named(self.src, at, name)) {
            self.lost = true;
        }
    }

    /// Removes an SVG image's body, from after its start tag to `to` (the start
    /// of its end tag), after the fact: parts of it may have been copied.
    pub(super) fn cut_svg_body(&mut self, svg: &SvgBody, to: usize) {
        let out = self
            .out
            .get_or_insert_with(|| Vec::with_capacity(self.src.len()));
        out.extend_from_slice(&self.src[self.copied..to]);
        out.truncate(svg.out);
        self.copied = to;
        self.cut_any_unread = true;
    }

    /// Removes `from..to`, which nothing reads, from the output.
    pub(super) fn cut_unread(&mut self, from: usize, to: usize) {
        self.cut(from, to);
        self.cut_any_unread = true;
    }

    /// Removes `from..to` from the output.
    pub(super) fn cut(&mut self, from: usize, to: usize) {
        let out = self
            .out
            .get_or_insert_with(|| Vec::with_capacity(self.src.len()));
        out.extend_from_slice(&self.src[self.copied..from]);
        self.copied = to;
    }

    /// Cuts the tag's unread attributes and those past the limit. Called for
    /// every start tag that is kept.
    pub(super) fn trim_attributes(&mut self, tag: &Tag) {
        if self.may_cut() {
            for k in 0..self.unread_attributes.len() {
                let (from, to) = self.unread_attributes[k];
                self.cut_unread(from, to);
            }
        }
        if let Some(from) = tag.excess_attributes {
            // Keep the tag's end (`>`), drop everything from the first excess
            // attribute to it.
            self.cut(from, tag.stop - 1);
            self.changes.tags_trimmed += 1;
        }
    }
}
