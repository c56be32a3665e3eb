//! Inline text into paragraphs, and which paragraphs are page chrome.
//!
//! Text that flows directly in a container (`<div>text<br>more</div>`) is
//! gathered into a run and ends as a paragraph at a block boundary or a
//! double line break. Every paragraph, gathered or `<p>`, then passes the
//! same checks: the headline set as a plain block, a byline, a short
//! boilerplate line (a call to action, a lone UI label, a photo credit) or a
//! block mostly of links is dropped and counted in `stripped`, not kept.

use super::Walk;
use super::figures::credit_line;
use crate::classify;
use crate::document::{Block, Boilerplate};
use crate::dom::{Ix, Tag, TextBuf, normalize};
use crate::heuristics::{BOILERPLATE_LINE_MAX_CHARS, BYLINE_MAX_CHARS, BYLINE_PREFIXES, WEIGHTS};

/// Inline content gathered for the paragraph being built.
#[derive(Default)]
pub(super) struct Run {
    /// The block element the text flows in.
    block: Option<Ix>,
    buf: TextBuf,
    text_len: u32,
    link_len: u32,
    links: Vec<Ix>,
    after_br: bool,
}

impl Walk<'_> {
    pub(super) fn inline(&mut self, i: Ix, tag: Tag, block: Ix) {
        if self.run.block != Some(block) {
            self.flush();
            self.run.block = Some(block);
        }
        match tag {
            Tag::Text => {
                let f = self.node(i);
                let (len, link) = (f.text_len, f.link_len);
                self.run.buf.push(self.facts.text(self.html, i));
                self.run.text_len += len;
                self.run.link_len += link;
                if len > 0 {
                    self.run.after_br = false;
                }
            }
            Tag::Br if self.run.after_br => self.flush(),
            Tag::Br => {
                self.run.buf.newline();
                self.run.after_br = true;
            }
            Tag::A => self.run.links.push(i),
            _ => {}
        }
    }

    /// Ends the paragraph being built from inline content.
    pub(super) fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        if run.buf.is_empty() {
            return;
        }
        let text = run.buf.finish();
        if self.inline_related(&text, &run.links) {
            return;
        }
        self.paragraph_checked(text, run.text_len, run.link_len);
    }

    pub(super) fn paragraph(&mut self, i: Ix, text: String, text_len: u32, link_len: u32) {
        let links: Vec<Ix> = (i..self.end(i))
            .filter(|&a| self.node(a).tag == Tag::A)
            .collect();
        if self.inline_related(&text, &links) {
            return;
        }
        self.paragraph_checked(text, text_len, link_len);
    }

    fn paragraph_checked(&mut self, text: String, text_len: u32, link_len: u32) {
        if text.is_empty() {
            return;
        }
        if self.is_headline_block(&text) {
            return;
        }
        if is_byline(&text) {
            self.stripped.add(Boilerplate::Other);
            return;
        }
        if let Some(kind) = boilerplate_line(&text) {
            self.stripped.add(kind);
            return;
        }
        if !self.links_are_content
            && text_len > 0
            && link_len as f32 / text_len as f32 > WEIGHTS.max_paragraph_link_density
        {
            self.stripped.add(Boilerplate::Navigation);
            return;
        }
        self.push(Block::Paragraph { text });
    }
}

/// A byline on its own line: "By Jane Doe", "Von Katrin Albers".
fn is_byline(text: &str) -> bool {
    if text.chars().count() > BYLINE_MAX_CHARS {
        return false;
    }
    BYLINE_PREFIXES.iter().any(|p| {
        text.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
            && text[p.len()..].starts_with([' ', ':'])
            && text[p.len()..]
                .trim_start_matches([' ', ':'])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

fn boilerplate_line(text: &str) -> Option<Boilerplate> {
    if text.chars().count() > BOILERPLATE_LINE_MAX_CHARS {
        return None;
    }
    if credit_line(text) {
        // A photo credit left in the text flow ("Photo: Agency").
        return Some(Boilerplate::Other);
    }
    classify::boilerplate_line(&normalize(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::tests::{P, body};

    #[test]
    fn text_in_divs_splits_at_double_breaks() {
        let b = body(&format!(
            "<body><div>{P}<br><br>{P}<br>A last line here.</div></body>"
        ));
        let blocks = &b.sections[0].blocks;
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            blocks[1],
            Block::Paragraph {
                text: format!("{P}\nA last line here.")
            }
        );
    }

    #[test]
    fn calls_to_action_and_link_lists_are_dropped_and_counted() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Click to comment</p>\
             <ul><li><a href=/a>Home</a></li><li><a href=/b>Sport</a></li></ul><p>{P}</p>\
             </article></body>"
        ));
        assert!(!b.text.contains("Click to comment"));
        assert!(!b.text.contains("Sport"));
        assert_eq!((b.stripped.comments, b.stripped.navigation), (1, 1));
    }

    #[test]
    fn lone_ui_labels_and_credits_are_chrome_but_sentences_are_not() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Close</p><p>Photo: Harbour Agency</p>\
             <p>Close to two hundred boats were moved.</p><p>{P}</p></article></body>"
        ));
        assert!(!b.text.contains("\n\nClose\n\n"));
        assert!(!b.text.contains("Harbour Agency"));
        assert!(b.text.contains("Close to two hundred boats were moved."));
        assert_eq!(b.stripped.other, 2);
    }
}
