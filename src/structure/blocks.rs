//! Lists, code and data tables as typed blocks.
//!
//! A list mostly of links is navigation and is dropped; a gallery list (items
//! of an image and a caption element that is most of their text) gives
//! figures, not items; an item's `figcaption` is its image's caption and the
//! item stays. Code keeps its line breaks and names its language from the
//! `language-*` class highlighters use. A table is data only when its cells hold text: one whose cells hold
//! paragraphs, images or other tables lays out the page and is walked as a
//! container.

use super::Walk;
use super::paragraphs::is_date_line;
use super::paragraphs::is_post_meta_line;
use crate::document::{Block, Boilerplate};
use crate::dom::{Ix, Tag, attr};
use crate::explain::Evidence;
use crate::heuristics::{DATE_LINE_MAX_CHARS, ITEM_BADGE_MAX_CHARS, QUESTION_MARKS, WEIGHTS};
use crate::page_type::PageType;

impl Walk<'_> {
    pub(super) fn list(&mut self, i: Ix, ordered: bool) {
        let f = self.node(i);
        if !(self.links_are_content || self.linked_blocks_are_content)
            && f.text_len > 0
            && f.link_len as f32 / f.text_len as f32 > WEIGHTS.max_list_link_density
        {
            // A post's date set as a one-line list of links (its permalink).
            // Only a line short enough to be a date is flattened to look.
            if self.page_type == PageType::Forum && f.text_len as usize <= DATE_LINE_MAX_CHARS {
                let (text_len, link_len) = (f.text_len, f.link_len);
                let text = self.flat(i);
                if is_date_line(&text) {
                    self.paragraph(i, text, text_len, link_len);
                    return;
                }
            }
            if self.is_link_list_in_body(i) {
                let start = self.related_links.len();
                self.collect_links(i, None);
                let range = start..self.related_links.len();
                self.body_list_links.push(range);
            }
            self.strip(Some(i), Boilerplate::Navigation, || {
                Evidence::Rule("a list mostly of links".into())
            });
            return;
        }
        let end = f.end;
        if self.under_next_steps() {
            self.collect_links(i, Some(1));
        }
        let mut items = Vec::new();
        // The titles of the listing's items set as headings so far: an item
        // shown twice (once per screen size) heads one section.
        let mut titles: Vec<String> = Vec::new();
        let mut c = i + 1;
        while c < end {
            if self.marks.get(c).is_some() {
                c = self.end(c);
                continue;
            }
            match self.node(c).tag {
                // A listing's item card titled by a heading
                // (`<li><h3>Tech Writing</h3><p>Wed, Apr 1</p></li>`): the
                // heading heads the item, the rest of the card under it.
                Tag::Li if let Some((h, level)) = self.item_heading(c) => {
                    let item_end = self.end(c);
                    let title = self.heading_text(h);
                    if title.is_empty() || titles.contains(&title) {
                        let text = self.flat(c);
                        if !text.is_empty() {
                            items.push(text);
                        }
                        c = item_end;
                        continue;
                    }
                    if !items.is_empty() {
                        let items = std::mem::take(&mut items);
                        self.push(Block::List { ordered, items });
                    }
                    let h_end = self.end(h);
                    // A badge over the title stays where it is, before it.
                    let badge = self
                        .facts
                        .flat_text(self.html, c, &|d| self.marks.get(d).is_some() || d >= h);
                    let rest = self.facts.flat_text(self.html, c, &|d| {
                        self.marks.get(d).is_some()
                            || (h..h_end).contains(&d)
                            || (d < h && self.node(d).tag == Tag::Text)
                    });
                    if !badge.is_empty() {
                        self.push(Block::Paragraph { text: badge });
                    }
                    self.heading(h, level);
                    if !rest.is_empty() {
                        self.push(Block::Paragraph { text: rest });
                    }
                    titles.push(title);
                    c = item_end;
                }
                // A gallery: an item of an image and its caption is a figure.
                // A `figcaption` in an item is its image's caption, and the
                // item stays in the list (its text is what the item says).
                Tag::Li if self.node(c).imgs > 0 => {
                    let end = self.end(c);
                    match self.gallery_caption(c) {
                        Some(caption) => self.caption(caption),
                        None => {
                            if let Some(f) =
                                (c + 1..end).find(|&d| self.node(d).tag == Tag::Figcaption)
                            {
                                self.collect_caption(f);
                            }
                            let text = self.flat(c);
                            if !text.is_empty() {
                                items.push(text);
                            }
                        }
                    }
                    c = end;
                }
                Tag::Li => {
                    let text = self.flat(c);
                    if self.page_type == PageType::Forum && is_post_meta_line(&text) {
                        // A member card laid out as a list: "Posts: 710".
                        self.strip(Some(c), Boilerplate::Other, || {
                            Evidence::Rule("a forum post's meta line".into())
                        });
                    } else if !text.is_empty() {
                        items.push(text);
                    }
                    c = self.end(c);
                }
                _ => c += 1,
            }
        }
        if items.is_empty() {
            return;
        }
        if self.repeats_items_above(&items) {
            self.strip(Some(i), Boilerplate::Other, || {
                Evidence::Rule("a list shown above".into())
            });
            return;
        }
        self.push(Block::List { ordered, items });
    }

    /// The heading that titles the list item at `c` (its first heading left
    /// in, with no text before it), with its level; none for a gallery's
    /// figure. On a listing, the item's card; on other pages, a question
    /// that its item answers under it (a list of questions, each `li`
    /// an `h3` and its answer).
    fn item_heading(&self, c: Ix) -> Option<(Ix, u8)> {
        let listing = self.page_type == PageType::Listing;
        let (h, level) = (c + 1..self.end(c)).find_map(|d| match self.node(d).tag {
            Tag::Heading(level) if self.marks.get(d).is_none() => Some((d, level)),
            _ => None,
        })?;
        // The title opens the card, or only a badge over it ("Sales end
        // soon") comes first; a longer text before it is the card's own
        // first line.
        let before: u32 = (c + 1..h)
            .filter(|&d| self.node(d).tag == Tag::Text && self.marks.get(d).is_none())
            .map(|d| self.node(d).text_len)
            .sum();
        let opens = if listing {
            before <= ITEM_BADGE_MAX_CHARS
        } else {
            before == 0
                && self.node(c).text_len > self.node(h).text_len
                && self.heading_text(h).ends_with(QUESTION_MARKS)
        };
        // A gallery's figure stays a figure.
        let figure = || self.node(c).imgs > 0 && self.gallery_caption(c).is_some();
        (opens && !figure()).then_some((h, level))
    }

    pub(super) fn code(&mut self, i: Ix) {
        let mut text = String::new();
        for t in i..self.end(i) {
            if self.node(t).tag == Tag::Text {
                text.push_str(self.facts.text(self.html, t));
            } else if self.node(t).tag == Tag::Br {
                text.push('\n');
            }
        }
        let text = text.trim_matches('\n').trim_end().to_string();
        if text.is_empty() {
            return;
        }
        let language = (i..self.end(i))
            .filter_map(|e| self.facts.element(self.html, e))
            .find_map(|e| code_language(attr(e.value(), "class")?));
        self.push(Block::Code { text, language });
    }

    /// On a forum page, whether the list (or list item) at `i` holds posts:
    /// paragraphs, quotes or code inside its items, which a list of links
    /// or short lines never does.
    pub(super) fn holds_posts(&self, i: Ix) -> bool {
        self.page_type == PageType::Forum
            && (i + 1..self.end(i)).any(|d| {
                matches!(
                    self.node(d).tag,
                    Tag::P | Tag::Blockquote | Tag::Pre | Tag::Heading(_)
                ) && self.marks.get(d).is_none()
            })
    }

    /// A table that lays out the page (cells holding paragraphs, images or
    /// other tables) is a container, not data.
    pub(super) fn is_layout_table(&self, i: Ix) -> bool {
        (i + 1..self.end(i)).any(|d| {
            matches!(
                self.node(d).tag,
                Tag::Table
                    | Tag::P
                    | Tag::Heading(_)
                    | Tag::Ul
                    | Tag::Ol
                    | Tag::Block
                    | Tag::Img
                    | Tag::Figure
            )
        })
    }

    pub(super) fn table(&mut self, i: Ix) {
        let mut rows = Vec::new();
        let end = self.end(i);
        let mut r = i + 1;
        while r < end {
            if self.node(r).tag != Tag::Tr {
                r += 1;
                continue;
            }
            let mut cells = Vec::new();
            let mut c = r + 1;
            while c < self.end(r) {
                if self.node(c).tag == Tag::Cell {
                    cells.push(self.flat(c));
                    c = self.end(c);
                } else {
                    c += 1;
                }
            }
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(cells);
            }
            r = self.end(r);
        }
        if !rows.is_empty() {
            self.push(Block::Table { rows });
        }
    }
}

/// `language-rust`, `lang-py`, `highlight-source-js` → the language name.
fn code_language(class: &str) -> Option<String> {
    class.split_whitespace().find_map(|c| {
        let lower = c.to_ascii_lowercase();
        ["language-", "lang-", "highlight-source-"]
            .iter()
            .find_map(|p| lower.strip_prefix(p).map(str::to_string))
            .filter(|l| !l.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::tests::{P, body};

    #[test]
    fn a_list_of_questions_with_their_answers_is_sections() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>Questions</h2><ul class=faq>\
             <li><h3><button aria-expanded=false>Can I take my bike?</button></h3>\
             <div><p>Yes, on every crossing, free of charge.</p></div></li>\
             <li><h3>Where do I park?</h3><p>At the quay, for a day rate.</p></li></ul>\
             <ul><li><h3>Day returns</h3><p>Back the same evening.</p></li>\
             <li><h3>Season tickets</h3><p>For a year of crossings.</p></li></ul></article></body>"
        ));
        let heads: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(
            heads,
            ["Questions", "Can I take my bike?", "Where do I park?"]
        );
        assert!(
            b.text.contains("Where do I park?\n\nAt the quay"),
            "{}",
            b.text
        );
        // Items headed by names, not questions, stay a list.
        assert!(
            b.text
                .contains("Day returns Back the same evening.\nSeason"),
            "{}",
            b.text
        );
    }

    #[test]
    fn typed_blocks() {
        let b = body(&format!(
            "<body><article><p>{P}</p><ol><li>one</li><li>two</li></ol>\
             <blockquote><p>Said so.</p></blockquote>\
             <pre><code class=\"language-rust\">fn main() {{\n    go();\n}}</code></pre>\
             <table><tr><th>Day</th><th>Time</th></tr><tr><td>Mon</td><td>7:00</td></tr></table>\
             <p>{P}</p></article></body>"
        ));
        let blocks = &b.sections[0].blocks;
        assert!(blocks.contains(&Block::List {
            ordered: true,
            items: vec!["one".into(), "two".into()]
        }));
        assert!(blocks.contains(&Block::Quote {
            text: "Said so.".into()
        }));
        assert!(blocks.contains(&Block::Code {
            text: "fn main() {\n    go();\n}".into(),
            language: Some("rust".into())
        }));
        assert!(blocks.contains(&Block::Table {
            rows: vec![
                vec!["Day".into(), "Time".into()],
                vec!["Mon".into(), "7:00".into()]
            ]
        }));
    }

    #[test]
    fn gallery_items_are_figures_not_list_items() {
        let b = body(&format!(
            "<body><article><ul class=\"gallery\"><li><div><img src=\"/a.jpg\" alt=\"A\"></div>\
             <div class=\"caption\"><div class=\"caption-full\">Ministers shake hands in Hanoi.</div>\
             <span class=\"credit\">Photo: AP</span></div></li></ul><p>{P}</p>\
             <ul><li>one</li><li>two</li></ul></article></body>"
        ));
        assert_eq!(b.captions.len(), 1);
        assert_eq!(b.captions[0].text, "Ministers shake hands in Hanoi.");
        assert_eq!(
            b.captions[0].image.as_deref(),
            Some("https://example.org/a.jpg")
        );
        assert!(!b.text.contains("Ministers"), "{}", b.text);
        assert!(b.sections[0].blocks.contains(&Block::List {
            ordered: false,
            items: vec!["one".into(), "two".into()],
        }));
    }

    #[test]
    fn a_product_tile_with_a_rating_caption_is_an_item_not_a_figure() {
        let tile = |name: &str| {
            format!(
                "<li class=tile><a href=/p/{name}><img src=/{name}.jpg alt=''></a>\
                 <a href=/p/{name}><span>Harbour {name} Pack</span></a><span>$158.73</span>\
                 <span class=rating__caption-sr>4 reviews</span>\
                 <div>Gear capacity: 68 liters</div><div>Weight: 3.6 lbs</div></li>"
            )
        };
        let b = body(&format!(
            "<body><article><p>{P}</p><ul class=grid>{}{}</ul></article></body>",
            tile("trail"),
            tile("summit")
        ));
        assert!(b.text.contains("Harbour trail Pack"), "{}", b.text);
        assert!(b.text.contains("Gear capacity: 68 liters"), "{}", b.text);
    }
}
