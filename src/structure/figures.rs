//! Figures and captions, and the images they name.
//!
//! A figure is `figure`, the markup themes use instead (`div.wp-caption`), a
//! paragraph that only wraps an image and its caption, or (on div-only pages)
//! a box of one image and one short line under it. A caption outside a
//! figure (`.caption`, `.image-caption`) belongs to the nearest image before
//! it. Captions become figure blocks and are collected apart, so they stay
//! out of the plain text. A caption's credit ("Photo: Agency", a
//! `span.credit`) is kept apart from its description; a caption that is only
//! a credit is still the image's caption, with the credit as its text. What
//! players and promo slots print in a caption's place ("Play video") is none.
//! The lead image's captions, set above the body, go first.

use super::Walk;
use crate::document::{Block, Boilerplate, Caption, Section};
use crate::dom::{
    Ix, Tag, attr, class_words, collapse_whitespace, normalize, url::resolve, word_count,
};
use crate::heuristics::{
    ALT_CAPTION_CREDIT_MARKS, ALT_CAPTION_LOOKBACK, ALT_CAPTION_MIN_WORDS, CAPTION_CLASS_WORDS,
    CAPTION_IMAGE_ANCESTORS, CAPTION_PLACEHOLDERS, CARD_PAGE_TYPES, CREDIT_CLASS_WORDS,
    CREDIT_MAX_CHARS, CREDIT_PREFIXES, CREDIT_SLASH_MAX_WORDS, FIGURE_CLASS_WORDS,
    GALLERY_CAPTION_MIN_SHARE, IMAGE_SOURCE_ATTRIBUTES, IMPLICIT_CAPTION_MAX_CHARS,
    IMPLICIT_FIGURE_MIN_WIDTH, LEAD_CAPTION_ANCESTORS, PLAYER_CAPTION_LOOKBACK,
    PLAYER_CAPTION_MIN_HEADINGS, PLAYER_ELEMENTS, SCREEN_READER_CLASS_WORDS, STYLE_CLASS_PREFIXES,
};

impl Walk<'_> {
    /// `figure`, or the markup themes use instead (`div.wp-caption`), or a
    /// box holding nothing but one image and one short line under it.
    pub(super) fn is_figure(&self, i: Ix, tag: Tag) -> bool {
        let has_img = self.node(i).imgs > 0;
        if tag == Tag::Figure {
            return (has_img && !self.is_card_figure(i)) || !self.node(i).has_block;
        }
        has_img
            && (self.class_has(i, |w| FIGURE_CLASS_WORDS.contains(&w))
                || self.implicit_caption(i).is_some())
    }

    /// On a page of cards, a `figure` that is a card: blocks of text beside
    /// its image (a product's name, line and price) and no `figcaption`.
    /// Its text is the item's, walked like any container's, not a caption.
    fn is_card_figure(&self, i: Ix) -> bool {
        let f = self.node(i);
        CARD_PAGE_TYPES.contains(&self.page_type)
            && f.has_block
            && f.text_len > f.link_len
            && !(i + 1..f.end).any(|d| self.node(d).tag == Tag::Figcaption)
    }

    /// A paragraph that only wraps an image and its caption (`<p><img><span
    /// class=caption>…</span></p>`): the caption is most of its text.
    pub(super) fn holds_captioned_image(&self, i: Ix) -> bool {
        let end = self.end(i);
        if self.node(i).imgs == 0 {
            return false;
        }
        (i + 1..end)
            .find(|&d| self.node(d).tag == Tag::Inline && self.is_caption(d))
            .is_some_and(|c| 2 * self.node(c).text_len >= self.node(i).text_len)
    }

    /// In a box of one image and one short, link-free block of text (div-only
    /// pages), that block: the image's caption.
    /// Not on shop, service and listing pages, whose boxes of an image and
    /// a line are cards (a plan's name, a product's blurb).
    fn implicit_caption(&self, i: Ix) -> Option<Ix> {
        let f = self.node(i);
        if CARD_PAGE_TYPES.contains(&self.page_type)
            || f.tag != Tag::Block
            || f.imgs != 1
            || f.link_len > 0
            || f.text_len == 0
            || f.text_len as usize > IMPLICIT_CAPTION_MAX_CHARS
        {
            return None;
        }
        let (mut blocks, mut caption) = (0, None);
        for d in i + 1..f.end {
            match self.node(d).tag {
                Tag::Img => {
                    let small = self
                        .facts
                        .element(self.html, d)
                        .and_then(|e| attr(e.value(), "width")?.trim().parse::<u32>().ok())
                        .is_some_and(|w| w < IMPLICIT_FIGURE_MIN_WIDTH);
                    if small {
                        return None;
                    }
                }
                t if !t.is_inline() => {
                    blocks += 1;
                    caption = Some(d);
                }
                _ => {}
            }
        }
        let caption = caption?;
        // The caption's text is all the box's text, and comes after the image.
        (blocks == 1
            && self.node(caption).text_len == f.text_len
            && (i..caption).any(|d| self.node(d).tag == Tag::Img))
        .then_some(caption)
    }

    /// A caption outside `figure`: `p.wp-caption-text`, `.caption`, `.image-caption`.
    pub(super) fn is_caption(&self, i: Ix) -> bool {
        let f = self.node(i);
        let named = |d: Ix| self.names_caption(d);
        if f.text_len == 0 || self.screen_reader_only(i) {
            return false;
        }
        if !f.has_block {
            return named(i);
        }
        // `<div class=caption><p>…</p></div>` after an image: a short wrapper
        // of text blocks is the caption too, unless it holds an image, a
        // heading (a video's title and description) or an inner caption
        // (which is then the caption).
        f.imgs == 0
            && f.text_len as usize <= IMPLICIT_CAPTION_MAX_CHARS
            && named(i)
            && !(i + 1..f.end).any(|d| {
                matches!(self.node(d).tag, Tag::Heading(_))
                    || (self.node(d).tag != Tag::Text && named(d))
            })
            && self.image_before(i).is_some()
    }

    /// A caption box holding a heading that links elsewhere: a teaser card's
    /// title ("Ten trails for spring · 5 min read") under its picture, not
    /// what the picture shows.
    fn titles_a_teaser(&self, c: Ix) -> bool {
        let end = self.end(c);
        self.node(c).link_len > 0
            && (c + 1..end)
                .any(|d| matches!(self.node(d).tag, Tag::Heading(_)) && self.node(d).link_len > 0)
    }

    /// A caption box at `c` holding a link to where the figure's image
    /// links: a promotion (a partner's logo and "This story also appeared
    /// in <a>…</a>", a magazine's cover and "Subscribe to <a>…</a>"), not
    /// what a picture shows.
    fn links_with_its_image(&self, fig: Ix, c: Ix) -> bool {
        let href = |a: Ix| {
            self.facts
                .element(self.html, a)
                .and_then(|e| attr(e.value(), "href"))
                .map(str::trim)
                .filter(|h| !h.is_empty())
        };
        if self.node(c).link_len == 0 {
            return false;
        }
        let Some(img) = (fig..c).find(|&d| self.node(d).tag == Tag::Img) else {
            return false;
        };
        let mut up = self.node(img).parent;
        while up > fig && self.node(up).tag != Tag::A {
            up = self.node(up).parent;
        }
        let Some(image_href) = (up > fig).then(|| href(up)).flatten() else {
            return false;
        };
        (c + 1..self.end(c)).any(|d| self.node(d).tag == Tag::A && href(d) == Some(image_href))
    }

    /// A short line of text right after an image, saying what the image's
    /// alt text says (`<div><img alt="The pier"></div><div>The pier</div>`):
    /// the image's caption, in markup that does not name it one. The alt may
    /// go on with a tail ("The pier - Harbour News"), or the line with a
    /// credit ("The pier / Ann Smith"). Not on pages of cards,
    /// where an icon's alt repeats the feature's name under it.
    pub(super) fn echoes_alt(&self, i: Ix) -> bool {
        let f = self.node(i);
        if CARD_PAGE_TYPES.contains(&self.page_type)
            || !matches!(f.tag, Tag::Block | Tag::P)
            || f.has_block
            || f.imgs > 0
            || f.link_len > 0
            || f.text_len == 0
            || f.text_len as usize > IMPLICIT_CAPTION_MAX_CHARS
        {
            return false;
        }
        // The image, with nothing but its wrappers between it and the line.
        let Some(img) = (i.saturating_sub(ALT_CAPTION_LOOKBACK)..i)
            .rev()
            .take_while(|&d| self.node(d).text_len == 0)
            .find(|&d| self.node(d).tag == Tag::Img)
        else {
            return false;
        };
        let Some(alt) = self
            .facts
            .element(self.html, img)
            .and_then(|e| attr(e.value(), "alt"))
        else {
            return false;
        };
        let (alt, text) = (normalize(alt), normalize(&self.flat(i)));
        if word_count(&alt) < ALT_CAPTION_MIN_WORDS || word_count(&text) < ALT_CAPTION_MIN_WORDS {
            return false;
        }
        // The line is the alt, or its start; or the alt and then a credit
        // set off by a mark ("The pier / Ann Smith / Agency"), short as
        // credits are: not a paragraph that opens with the alt's words
        // ("Neural Network Libraries (NNL) is a framework that …").
        alt.strip_prefix(text.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            || text.strip_prefix(alt.as_str()).is_some_and(|rest| {
                let tail = rest.trim_start();
                rest.starts_with(' ')
                    && tail.starts_with(|c| ALT_CAPTION_CREDIT_MARKS.contains(&c))
                    && tail.chars().count() <= CREDIT_MAX_CHARS
            })
    }

    /// The heading levels the body uses only for the lines under its
    /// players, one bit per level: a video's title set as an `h4` under
    /// each embed, while `h3`s head the sections. Every heading of the level
    /// sits right under a player, and at least
    /// [`PLAYER_CAPTION_MIN_HEADINGS`] do.
    pub(super) fn levels_under_players(&self, parts: &[Ix]) -> u8 {
        let (mut all, mut under) = ([0usize; 7], [0usize; 7]);
        for &part in parts {
            let end = self.end(part);
            let mut i = part;
            while i < end {
                let f = self.node(i);
                if self.marks.get(i).is_some() {
                    i = f.end;
                    continue;
                }
                if let Tag::Heading(level) = f.tag
                    && f.text_len > 0
                {
                    let level = usize::from(level.min(6));
                    all[level] += 1;
                    under[level] += usize::from(
                        f.text_len as usize <= IMPLICIT_CAPTION_MAX_CHARS && self.follows_player(i),
                    );
                    i = f.end;
                    continue;
                }
                i += 1;
            }
        }
        (1..=6)
            .filter(|&l| all[l] >= PLAYER_CAPTION_MIN_HEADINGS && under[l] == all[l])
            .fold(0, |bits, l| bits | 1 << l)
    }

    /// Whether the element at `h` comes right after a player (`iframe`,
    /// `video`): nothing but the player's empty boxes closing and `h`'s
    /// wrappers opening in between.
    fn follows_player(&self, h: Ix) -> bool {
        let h_end = self.end(h);
        for d in (h.saturating_sub(PLAYER_CAPTION_LOOKBACK)..h).rev() {
            let f = self.node(d);
            if f.end >= h_end {
                // A wrapper of the heading.
                continue;
            }
            if f.text_len > 0 || f.imgs > 0 {
                return false;
            }
            let holds_player = f.tag != Tag::Text
                && self.facts.element(self.html, d).is_some_and(|e| {
                    e.children().any(|c| {
                        c.value()
                            .as_element()
                            .is_some_and(|c| PLAYER_ELEMENTS.contains(&c.name()))
                    })
                });
            if holds_player {
                return true;
            }
        }
        false
    }

    /// A line under a player, set as a heading ([`Self::levels_under_players`]):
    /// a caption with no image, out of the text and the sections.
    pub(super) fn player_caption(&mut self, i: Ix) {
        let Some((text, credit)) = self.caption_parts(i, false) else {
            return;
        };
        self.add_caption(
            i,
            Caption {
                text: text.clone(),
                credit,
                image: None,
                alt: None,
            },
        );
        self.push(Block::Figure {
            caption: Some(text),
            image: None,
        });
    }

    /// In a list item with an image, the caption that makes it a gallery's
    /// figure: the first caption element, when the caption box around it
    /// (the outermost element named a caption, credit included) holds most
    /// of the item's text. A card whose caption is a line of it (a product
    /// tile's screen-reader rating) is an item, not a figure.
    pub(super) fn gallery_caption(&self, item: Ix) -> Option<Ix> {
        let end = self.end(item);
        let caption = (item + 1..end).find(|&d| self.is_caption(d))?;
        let mut caption_box = caption;
        let mut up = self.node(caption).parent;
        while up != item && self.class_has(up, |w| CAPTION_CLASS_WORDS.contains(&w)) {
            caption_box = up;
            up = self.node(up).parent;
        }
        let share = self.node(caption_box).text_len as f32 / self.node(item).text_len as f32;
        (share >= GALLERY_CAPTION_MIN_SHARE).then_some(caption)
    }

    /// The image a caption at `i` belongs to: the nearest before it within its
    /// parent, or within up to [`CAPTION_IMAGE_ANCESTORS`] ancestors (a
    /// caption in the table row after its image's row).
    fn image_before(&self, i: Ix) -> Option<Ix> {
        let mut scope = i;
        for _ in 0..CAPTION_IMAGE_ANCESTORS {
            scope = self.node(scope).parent;
            let img = (scope..i).rev().find(|&d| self.node(d).tag == Tag::Img);
            if img.is_some() {
                return img;
            }
        }
        None
    }

    /// Text set for screen readers only (`span.visually-hidden`).
    fn screen_reader_only(&self, i: Ix) -> bool {
        self.node(i).tag != Tag::Text
            && self.class_has(i, |w| SCREEN_READER_CLASS_WORDS.contains(&w))
    }

    /// Whether a word of the class attribute of the element at `i` passes `pred`.
    /// Whether a class name of the element says caption, leaving out the
    /// style classes that only say how text looks (`has-caption-font-size`).
    fn names_caption(&self, i: Ix) -> bool {
        let Some(class) = self
            .facts
            .element(self.html, i)
            .and_then(|e| attr(e.value(), "class"))
        else {
            return false;
        };
        class
            .split_ascii_whitespace()
            .filter(|name| !STYLE_CLASS_PREFIXES.iter().any(|p| name.starts_with(p)))
            .any(|name| {
                let mut found = false;
                class_words(name, |w| found |= CAPTION_CLASS_WORDS.contains(&w));
                found && !type_scale_step(name)
            })
    }

    pub(super) fn class_has(&self, i: Ix, pred: impl Fn(&str) -> bool) -> bool {
        let Some(el) = self.facts.element(self.html, i) else {
            return false;
        };
        crate::dom::any_class_word(attr(el.value(), "class"), pred)
    }

    /// A figure: its image and caption, or, for a `figure` that holds
    /// figures (a gallery of two pictures side by side), each inner
    /// figure's, and then the gallery's own `figcaption`.
    pub(super) fn figure(&mut self, i: Ix) {
        let end = self.end(i);
        if self.node(i).tag == Tag::Figure
            && (i + 1..end).any(|d| self.node(d).tag == Tag::Figure && self.node(d).imgs > 0)
        {
            let mut d = i + 1;
            while d < end {
                match self.node(d).tag {
                    Tag::Figure if self.node(d).imgs > 0 => self.one_figure(d),
                    Tag::Figcaption => self.caption(d),
                    _ => {
                        d += 1;
                        continue;
                    }
                }
                d = self.end(d);
            }
            return;
        }
        self.one_figure(i);
    }

    /// One figure's image and its first caption.
    fn one_figure(&mut self, i: Ix) {
        let end = self.end(i);
        let img = (i..end).find(|&d| self.node(d).tag == Tag::Img);
        let caption_at = (i + 1..end)
            .find(|&d| self.node(d).tag == Tag::Figcaption || (d != i && self.is_caption(d)))
            .or_else(|| self.implicit_caption(i))
            // A heading under an image titles a banner or a card: the box is
            // still a figure, with no caption.
            .filter(|&c| {
                !matches!(self.node(c).tag, Tag::Heading(_))
                    && !self.titles_a_teaser(c)
                    && !self.links_with_its_image(i, c)
            });
        let parts = caption_at.and_then(|c| self.caption_parts(c, false));
        let (image, alt) = img.map(|m| self.image(m)).unwrap_or_default();
        let caption = parts.as_ref().map(|(text, _)| text.clone());
        if let (Some((text, credit)), Some(at)) = (parts, caption_at) {
            self.add_caption(
                at,
                Caption {
                    text,
                    credit,
                    image: image.clone(),
                    alt,
                },
            );
        }
        if caption.is_some() || image.is_some() {
            self.push(Block::Figure { caption, image });
        }
    }

    /// A caption on its own: its image is the last one before it in its parent.
    pub(super) fn caption(&mut self, i: Ix) {
        if let Some((text, image)) = self.collect_caption(i) {
            self.push(Block::Figure {
                caption: Some(text),
                image,
            });
        }
    }

    /// Adds the caption at `i` to `captions`, with the last image before it,
    /// and gives its text and image; no block. A caption that repeats the
    /// one just before it for the same image (a theme printing the lead
    /// image's caption again for another layout) is not added twice.
    pub(super) fn collect_caption(&mut self, i: Ix) -> Option<(String, Option<String>)> {
        let (text, credit) = self.caption_parts(i, false)?;
        let img = self.image_before(i);
        let (image, alt) = img.map(|m| self.image(m)).unwrap_or_default();
        let repeats = self
            .captions
            .last()
            .is_some_and(|last| last.text == text && (image.is_none() || last.image == image));
        if repeats {
            return Some((text, image));
        }
        self.add_caption(
            i,
            Caption {
                text: text.clone(),
                credit,
                image: image.clone(),
                alt,
            },
        );
        Some((text, image))
    }

    /// Adds a caption read from the node at `at`, and traces it there.
    fn add_caption(&mut self, at: Ix, caption: Caption) {
        self.traced(|t| t.captions.push(at));
        self.captions.push(caption);
    }

    /// A caption's description and its credit: the credit is the caption's
    /// parts in a credit class (`span.credit`), or else a credit line ending
    /// it ("… (Photo: Agency)"), or else the whole caption when it is only a
    /// credit; the description is then the credit too. `None` for an empty
    /// caption or a player's placeholder.
    /// With `in_mark`, the caption sits in a marked region and the marks
    /// inside it are read through.
    fn caption_parts(&self, c: Ix, in_mark: bool) -> Option<(String, Option<String>)> {
        let end = self.end(c);
        let marked = |d: Ix| !in_mark && self.marks.get(d).is_some();
        let credited = |d: Ix| {
            self.node(d).tag != Tag::Text && self.class_has(d, |w| CREDIT_CLASS_WORDS.contains(&w))
        };
        let mut credits = Vec::new();
        let mut d = c + 1;
        while d < end {
            // A credit named `copyright` is marked as page furniture; in a
            // caption it is the picture's credit all the same.
            let furniture = self.marks.get(d) == Some(Boilerplate::Other);
            if (!marked(d) || furniture) && credited(d) {
                credits.push(self.flat(d));
                d = self.end(d);
            } else {
                d += 1;
            }
        }
        // A caption's text set `aria-hidden` (read to screen readers from
        // the image's alt instead) is still what the page shows.
        let hidden_from_readers = |d: Ix| {
            d != c
                && self
                    .facts
                    .element(self.html, d)
                    .and_then(|e| attr(e.value(), "aria-hidden"))
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        };
        let skip = |d: Ix| {
            (marked(d) && !hidden_from_readers(d))
                || (d != c && (credited(d) || self.screen_reader_only(d)))
        };
        let whole = self.facts.flat_text(self.html, c, &skip);
        let credit = credits.join(" ");
        let (text, credit) = match credit.trim() {
            "" => split_credit(&whole),
            credit => (whole, Some(credit.to_string())),
        };
        let text = text.trim().to_string();
        if CAPTION_PLACEHOLDERS.contains(&normalize(&text).as_str()) {
            return None;
        }
        match (text.is_empty(), credit) {
            (true, None) => None,
            // The caption's own slot for a description is there and empty
            // (`<span class=caption><p></p></span><span class=credit>…`):
            // the image has no caption, only a credit.
            (true, Some(_)) if self.empty_description_slot(c) => None,
            (true, Some(credit)) => Some((credit.clone(), Some(credit))),
            (false, credit) => Some((text, credit)),
        }
    }

    /// The captions of the figures in a region marked as page furniture
    /// (a lightbox wrapper named `modal`, a figure named `print`, a
    /// slideshow's `screen`): a `figure` of an image and a link-free
    /// `figcaption` says what the picture shows wherever it sits. Not in
    /// regions of other articles, comments or share bars, whose figures
    /// are teasers and avatars. Captions only; the region stays out of the text.
    pub(super) fn marked_figure_captions(&mut self, region: Ix) {
        if self.node(region).imgs == 0
            || !matches!(
                self.marks.get(region),
                Some(Boilerplate::Navigation | Boilerplate::Ads | Boilerplate::Other)
            )
        {
            return;
        }
        let end = self.end(region);
        let mut i = region;
        while i < end {
            let (tag, imgs, fig_end) = (self.node(i).tag, self.node(i).imgs, self.end(i));
            if tag != Tag::Figure || imgs == 0 {
                i += 1;
                continue;
            }
            let caption = (i + 1..fig_end).find(|&d| self.node(d).tag == Tag::Figcaption);
            if let Some(c) = caption.filter(|&c| self.node(c).link_len == 0)
                && let Some((text, credit)) = self.caption_parts(c, true)
            {
                let img = (i..c).find(|&d| self.node(d).tag == Tag::Img);
                let (image, alt) = img.map(|m| self.image(m)).unwrap_or_default();
                self.add_caption(
                    c,
                    Caption {
                        text,
                        credit,
                        image,
                        alt,
                    },
                );
            }
            i = fig_end;
        }
    }

    /// Inside the caption at `c`, an element named a caption (not a credit)
    /// with no text, beside an element named a credit: the slot the
    /// description would fill. (An empty icon named after the caption,
    /// away from the credit, is no such slot.)
    fn empty_description_slot(&self, c: Ix) -> bool {
        let end = self.end(c);
        let credit = |d: Ix| {
            self.node(d).tag != Tag::Text && self.class_has(d, |w| CREDIT_CLASS_WORDS.contains(&w))
        };
        (c + 1..end).any(|d| {
            self.node(d).tag != Tag::Text
                && self.node(d).text_len == 0
                && self.names_caption(d)
                && !credit(d)
                && (c + 1..end).any(|e| self.node(e).parent == self.node(d).parent && credit(e))
        })
    }

    /// Captions of the lead image, which themes put above the body: in the
    /// enclosing `article`/`main` (or the body's parent) before the body.
    /// They go first in `captions`; the body's blocks are not touched.
    pub(super) fn lead_captions(&mut self, first: Ix) {
        let mut scope = self.node(first).parent;
        let mut up = scope;
        let mut found = false;
        while up != self.node(up).parent {
            if matches!(self.node(up).tag, Tag::Article | Tag::Main) {
                (scope, found) = (up, true);
                break;
            }
            up = self.node(up).parent;
        }
        // An article element with no image above the body: the lead image
        // sits outside it, in the box around it that holds the headline
        // too, or in the `main` around it (a featured image set behind the
        // headline, its caption after it).
        if found && !(scope + 1..first).any(|d| self.node(d).tag == Tag::Img) {
            let mut up = self.node(scope).parent;
            for _ in 0..LEAD_CAPTION_ANCESTORS {
                if up == self.node(up).parent {
                    break;
                }
                let holds_headline = self.headline.is_some_and(|h| self.facts.contains(up, h));
                if holds_headline || matches!(self.node(up).tag, Tag::Article | Tag::Main) {
                    scope = up;
                    break;
                }
                up = self.node(up).parent;
            }
        }
        // No article element: the box that holds the headline and the body,
        // when it is a near ancestor (a lead image between the two).
        if let Some(h) = self.headline.filter(|&h| !found && h < first) {
            let mut up = scope;
            for _ in 1..LEAD_CAPTION_ANCESTORS {
                if self.facts.contains(up, h) || up == self.node(up).parent {
                    break;
                }
                up = self.node(up).parent;
            }
            if self.facts.contains(up, h) {
                scope = up;
            }
        }
        let (body_captions, body_sections) = (
            std::mem::take(&mut self.captions),
            std::mem::replace(&mut self.sections, vec![Section::default()]),
        );
        let mut i = scope + 1;
        while i < first {
            if self.marks.get(i).is_some() || self.facts.contains(i, first) {
                i = if self.facts.contains(i, first) {
                    i + 1
                } else {
                    self.marked_figure_captions(i);
                    self.end(i)
                };
                continue;
            }
            let tag = self.node(i).tag;
            let caption = tag == Tag::Figcaption
                || (tag != Tag::Figure && (self.is_caption(i) || self.echoes_alt(i)));
            i = if caption {
                self.caption(i);
                self.end(i)
            } else if self.is_figure(i, tag) {
                self.figure(i);
                self.end(i)
            } else {
                i + 1
            };
        }
        self.sections = body_sections;
        self.captions.extend(body_captions);
    }

    /// An image's absolute URL (lazy-loading attributes first) and alt text.
    fn image(&self, img: Ix) -> (Option<String>, Option<String>) {
        let Some(el) = self.facts.element(self.html, img) else {
            return (None, None);
        };
        let value = |n: &str| attr(el.value(), n).filter(|v| !v.trim().is_empty());
        let src = IMAGE_SOURCE_ATTRIBUTES
            .iter()
            .filter_map(|n| value(n))
            .find_map(|v| resolve(self.meta.base.as_ref(), v));
        let alt = value("alt").map(collapse_whitespace);
        (src, alt)
    }
}

/// A class name with a caption word and a step number glued on
/// (`caption2`, `x_caption1`): a step of a design system's type scale
/// (beside `body2`, `heading3`), the small size any line takes (a source
/// line, a date), not a caption.
fn type_scale_step(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    CAPTION_CLASS_WORDS.iter().any(|w| {
        lower
            .match_indices(w)
            .any(|(k, _)| lower[k + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// A line that says it is a credit: "Image: Agency", "(© Photographer)".
pub(super) fn credit_line(text: &str) -> bool {
    text.chars().count() <= CREDIT_MAX_CHARS && {
        let lower = normalize(text);
        let bare = lower.trim_start_matches(['(', '[']);
        CREDIT_PREFIXES.iter().any(|p| bare.starts_with(p))
    }
}

/// A caption's description and the credit line that ends it: "A ferry.
/// (Photo: Agency)" gives "A ferry." and "Photo: Agency"; a caption that is
/// only a credit gives no description. The credit starts at a word boundary
/// (or straight after a sentence's end: "…it.Credit...Agency") with one of
/// [`CREDIT_PREFIXES`] and is at most [`CREDIT_MAX_CHARS`] long.
fn split_credit(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    if is_credit(text) {
        return (String::new(), Some(text.to_string()));
    }
    let starts = text
        .char_indices()
        .filter(|&(k, _)| {
            text[..k].chars().next_back().is_some_and(|p| {
                p.is_whitespace() || matches!(p, '(' | '[' | '|' | '.' | '!' | '?')
            })
        })
        .map(|(k, _)| k);
    for k in starts {
        let tail = &text[k..];
        if tail.chars().count() > CREDIT_MAX_CHARS {
            continue;
        }
        let lower: String = tail.chars().flat_map(char::to_lowercase).collect();
        if CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            let head = text[..k].trim_end_matches(|c: char| c.is_whitespace() || "([|".contains(c));
            let credit = tail.trim_end_matches([')', ']']).trim();
            return (head.to_string(), Some(credit.to_string()));
        }
    }
    (text.to_string(), None)
}

/// A caption that is only a credit: a credit line, "Jason Doe/Agency", or a
/// bare source name ("Nintendo"). In the text flow a one-word paragraph is
/// just short; under an image it names the picture's source.
fn is_credit(text: &str) -> bool {
    if text.chars().count() > CREDIT_MAX_CHARS {
        return false;
    }
    let lower = normalize(text);
    let bare = lower
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    let words = bare.split_whitespace().count();
    let sentence = bare.contains(['.', ',', ':', ';', '!', '?']);
    credit_line(text)
        || words == 1
        || (bare.contains('/') && !sentence && words <= CREDIT_SLASH_MAX_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_type::PageType;
    use crate::structure::tests::{P, body, body_as};

    /// The text of each caption the body collected, in order.
    fn caption_texts(b: &crate::structure::Body) -> Vec<&str> {
        b.captions.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn a_heading_level_set_only_under_players_is_their_captions() {
        let video = |id: &str| {
            format!(
                "<div class=video><div class=ratio><div><iframe \
                 src=\"https://www.youtube.com/embed/{id}\"></iframe></div></div></div>"
            )
        };
        let b = body(&format!(
            "<body><article><p>{P}</p><h3>1. Compact cameras</h3>{}\
             <div class=text><h4>Best compact cameras for video</h4></div><p>{P}</p>\
             <h3>2. DSLR cameras</h3>{}<div class=text><h4>What to consider before buying \
             a DSLR</h4></div><p>{P}</p></article></body>",
            video("a1"),
            video("b2")
        ));
        let texts = caption_texts(&b);
        assert_eq!(
            texts,
            [
                "Best compact cameras for video",
                "What to consider before buying a DSLR"
            ]
        );
        let heads: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(heads, ["1. Compact cameras", "2. DSLR cameras"]);
        // A section heading that happens to follow a player is still one,
        // when the level heads sections elsewhere too.
        let b = body(&format!(
            "<body><article><p>{P}</p>{}<h2>The verdict</h2><p>{P}</p><h2>Prices</h2>\
             <p>{P}</p>{}<h2>Where to buy</h2><p>{P}</p></article></body>",
            video("c3"),
            video("d4")
        ));
        assert!(b.captions.is_empty(), "{:?}", b.captions);
        assert_eq!(b.sections.iter().filter(|s| s.heading.is_some()).count(), 3);
    }

    #[test]
    fn a_figure_inside_a_gallery_button_keeps_its_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><button class=\"slide-viewer\" aria-haspopup=\"dialog\">\
             <div><figure><img src=\"/lead.jpg\" alt=\"Suspect\"><figcaption>\
             <span>The suspect is led into court</span></figcaption></figure></div></button>\
             <p>{P}</p><button>Share</button></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["The suspect is led into court"]);
        assert!(!b.text.contains("Share"), "{}", b.text);
    }

    #[test]
    fn a_credit_beside_an_empty_caption_slot_is_no_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=\"/a.jpg\"><figcaption>\
             <span class=\"caption\"><p></p></span><span class=\"credit\">Sonos</span>\
             </figcaption></figure><p>{P}</p><figure><img src=\"/b.jpg\"><figcaption>\
             <span class=\"caption\"><p>The speaker on a shelf.</p></span>\
             <span class=\"credit\">Sonos</span></figcaption></figure><p>{P}</p>\
             <figure><img src=\"/c.jpg\"><figcaption><span class=\"credit\">Agency</span>\
             </figcaption></figure><p>{P}</p><figure><img src=\"/d.jpg\"><div class=\"caption\">\
             <span class=\"caption-icon\"><svg></svg></span><span><span class=\"credit\">\
             Newsroom</span></span></div></figure></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["The speaker on a shelf.", "Agency", "Newsroom"]);
    }

    #[test]
    fn a_figure_in_a_marked_wrapper_keeps_its_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=\"ui-modal\"><button>Full screen</button>\
             <figure><img src=\"/a.jpg\"><figcaption><p>Delegates wait for the talks to \
             begin</p></figcaption></figure></div><p>{P}</p><div class=\"related\"><figure>\
             <img src=\"/b.jpg\"><figcaption>Another story</figcaption></figure></div>\
             <p>{P}</p></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["Delegates wait for the talks to begin"]);
        assert!(!b.text.contains("Full screen"), "{}", b.text);
    }

    #[test]
    fn a_caption_printed_twice_for_one_image_is_one_caption() {
        let b = body(&format!(
            "<body><article><header><h1>Spaceports</h1><figure><img src=\"/lead.jpg\">\
             <figcaption><span class=\"credit\">Etlaq</span></figcaption></figure>\
             <div class=\"image-credit\"><figcaption><span class=\"credit\">Etlaq</span>\
             </figcaption></div></header><div class=\"body\"><p>{P}</p><figure>\
             <img src=\"/a.jpg\"><figcaption>AP</figcaption></figure><figure>\
             <img src=\"/b.jpg\"><figcaption>AP</figcaption></figure><p>{P}</p></div>\
             </article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["Etlaq", "AP", "AP"]);
    }

    #[test]
    fn a_copyright_line_in_a_caption_is_its_credit() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=\"/a.jpg\"><figcaption>\
             <span class=\"caption__copyright\">All rights reserved </span>\
             <span class=\"caption__credit\">Newsroom</span></figcaption></figure>\
             <p>{P}</p></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["All rights reserved Newsroom"]);
    }

    #[test]
    fn a_type_scale_caption_class_is_no_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=\"/a.jpg\"><figcaption>\
             <p class=\"t_caption2\">The minister in 2020.</p></figcaption></figure>\
             <p>{P}</p><div><small class=\"t_caption2\">Source: Agency</small></div>\
             </article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["The minister in 2020."]);
    }

    #[test]
    fn a_caption_font_size_is_no_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=\"row\"><p class=\"has-caption-font-size\">\
             K-12 Online Academy</p><p class=\"has-caption-font-size\">$549 per course</p></div>\
             <figure><img src=\"/a.jpg\"><p class=\"wp-caption-text\">The campus at dawn</p>\
             </figure><p>{P}</p></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["The campus at dawn"]);
        assert!(b.text.contains("$549 per course"), "{}", b.text);
    }

    #[test]
    fn a_caption_wrapper_of_text_blocks_is_a_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div><div><picture><img src=\"/t.jpg\"></picture></div>\
             <div class=\"caption\"><p><span>A worker loads trims into a truck.</span>\
             <span> (AP Photo)</span></p></div></div><p>{P}</p>\
             <div class=\"video\"><img src=\"/v.jpg\"><div class=\"caption\"><h4>Headlines</h4>\
             <p>The day's top stories.</p></div></div></article></body>"
        ));
        assert_eq!(b.captions.len(), 1, "{:?}", b.captions);
        assert_eq!(
            b.captions[0].text,
            "A worker loads trims into a truck. (AP Photo)"
        );
        assert!(!b.text.contains("trims"), "{}", b.text);
        // A wrapper with a heading in it is a video's title and description.
        assert!(b.text.contains("top stories"), "{}", b.text);
    }

    #[test]
    fn a_card_in_a_figure_is_its_item_on_a_page_of_cards() {
        let card = |n: u32| {
            format!(
                "<div class=card><figure><a href=/p/{n}>Harbour shoe {n}</a>\
                 <a href=/p/{n}><div><img src=/i/{n}.jpg alt=Shoe></div></a>\
                 <div class=info><div class=title>Harbour shoe model {n}</div>\
                 <div class=subtitle>Waterproof deck shoes for men</div></div>\
                 <div class=price>$120</div></figure></div>"
            )
        };
        let cards: String = (1..=4).map(card).collect();
        let src = format!("<body><div id=grid>{cards}</div></body>");
        let b = body_as(&src, PageType::Collection);
        assert_eq!(
            b.text.matches("Waterproof deck shoes").count(),
            4,
            "{}",
            b.text
        );
        // A figure with its caption stays a figure.
        let src = format!(
            "<body><div id=grid>{cards}<figure><img src=/a.jpg><div><p>Boats</p></div>\
             <figcaption>The quay at dawn.</figcaption></figure></div></body>"
        );
        let b = body_as(&src, PageType::Collection);
        assert!(!b.text.contains("quay at dawn"), "{}", b.text);
        // On an article, a figure is its image and caption.
        let b = body_as(&src, PageType::Article);
        assert!(!b.text.contains("Waterproof deck shoes"), "{}", b.text);
    }

    #[test]
    fn captions_are_collected_but_not_in_text() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=/img/a.jpg alt=Quay>\
             <figcaption>The quay at dawn.</figcaption></figure>\
             <div class=wp-caption><img src=b.jpg><p class=wp-caption-text>Boats waiting.</p></div>\
             <p>{P}</p></article></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["The quay at dawn.", "Boats waiting."]);
        assert_eq!(
            b.captions[0].image.as_deref(),
            Some("https://example.org/img/a.jpg")
        );
        assert_eq!(b.captions[0].alt.as_deref(), Some("Quay"));
        assert_eq!(
            b.captions[1].image.as_deref(),
            Some("https://example.org/news/b.jpg")
        );
        assert!(!b.text.contains("quay at dawn"));
    }

    #[test]
    fn a_credit_is_kept_apart_and_a_credit_alone_is_the_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p>\
             <figure><img src=/a.jpg><figcaption>Getty Images</figcaption></figure>\
             <figure><img src=/b.jpg><figcaption>The quay at dawn. \
             <span class=image-credit>Ann Smith</span></figcaption></figure>\
             <figure><img src=/c.jpg><figcaption>Boats waiting. (Photo: Harbour Agency)\
             </figcaption></figure>\
             <figure><img src=/d.jpg><figcaption>Before/after: the quay today.</figcaption></figure>\
             <p>{P}</p></article></body>"
        ));
        let caps: Vec<_> = b
            .captions
            .iter()
            .map(|c| (c.text.as_str(), c.credit.as_deref()))
            .collect();
        assert_eq!(
            caps,
            [
                ("Getty Images", Some("Getty Images")),
                ("The quay at dawn.", Some("Ann Smith")),
                ("Boats waiting.", Some("Photo: Harbour Agency")),
                ("Before/after: the quay today.", None),
            ]
        );
    }

    #[test]
    fn a_figure_of_figures_gives_each_its_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure class=\"gallery gallery--double\"><div>\
             <ul class=gallery__images><li><figure class=image><div><img src=/a.jpg></div>\
             <figcaption>Mission control, still under construction.</figcaption></figure></li>\
             <li><figure class=image><div><img src=/b.jpg></div><figcaption>The offices \
             in the city.</figcaption></figure></li></ul></div><figcaption>Two days at the \
             launch site.</figcaption></figure><p>{P}</p></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(
            texts,
            [
                "Mission control, still under construction.",
                "The offices in the city.",
                "Two days at the launch site."
            ]
        );
        assert!(!b.text.contains("offices"), "{}", b.text);
    }

    #[test]
    fn a_figcaption_in_a_gallery_item_is_a_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><ul><li><img src=/1.jpg>\
             <figcaption>The old pier in 1910.</figcaption></li>\
             <li><img src=/2.jpg><figcaption>The new pier.</figcaption></li></ul>\
             <p>{P}</p></article></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["The old pier in 1910.", "The new pier."]);
        assert_eq!(
            b.captions[1].image.as_deref(),
            Some("https://example.org/2.jpg")
        );
    }

    #[test]
    fn screen_reader_text_is_no_part_of_a_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=/q.jpg>\
             <figcaption class=pic__caption><span class=pic__visually-hidden>Image:</span>\
             <span class=pic__caption-text>The quay at dawn.</span></figcaption></figure>\
             <p>{P}</p><ul><li><img src=/r.jpg><h3>Rain jacket</h3>\
             <span class=rating__caption-sr>4 reviews with an average rating of 4.8</span>\
             </li></ul><p>{P}</p></article></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["The quay at dawn."]);
    }

    #[test]
    fn a_players_placeholder_is_no_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=/v.jpg>\
             <figcaption>Media playback is unsupported on your device</figcaption></figure>\
             <figure><img src=/p.jpg><figcaption>Play video</figcaption></figure>\
             <p>{P}</p></article></body>"
        ));
        assert!(b.captions.is_empty(), "{:?}", b.captions);
    }

    #[test]
    fn a_line_repeating_the_alt_then_a_credit_or_a_paragraph_of_it_is_a_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=media><div class=media__box><div>\
             <img src=/c.jpg alt=\"A cross on a hill, illustrative photo.\"></div></div>\
             <div class=media__description>A cross on a hill, illustrative photo. / Ann \
             Smith / Agency</div></div><p>{P}</p><div class=lead><picture><img src=/m.jpg \
             alt=\"Friedrich Merz\"></picture><p class=media-lead>Friedrich Merz</p>\
             <p class=author>Foto: Agency</p></div><p>{P}</p><div><img src=/t.jpg \
             alt=\"The old tower\"></div><div>The old tower is the most visited place \
             in the town.</div><p>{P}</p><div><img src=/n.jpg alt=\"Network Libraries\">\
             </div><p>Network Libraries (NNL) is an open-source framework that lets you \
             build distributed deep learning applications quickly.</p></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(
            texts,
            [
                "A cross on a hill, illustrative photo. / Ann Smith / Agency",
                "Friedrich Merz"
            ]
        );
        assert!(b.text.contains("most visited place"), "{}", b.text);
        assert!(b.text.contains("(NNL) is an open-source"), "{}", b.text);
    }

    #[test]
    fn a_figure_whose_caption_links_where_its_image_does_is_a_promo() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><a href=\"https://partner.example/mind\">\
             <img src=/logo.png width=200 alt=\"Website for Mind\"></a><figcaption>This \
             story also appeared in <a href=\"https://partner.example/mind\">Mind</a>\
             </figcaption></figure><p>{P}</p><figure><a href=/big/q.jpg><img src=/q.jpg></a>\
             <figcaption>The quay at dawn, seen from the <a href=/pier>old pier</a>.\
             </figcaption></figure><p>{P}</p></article></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["The quay at dawn, seen from the old pier."]);
    }

    #[test]
    fn the_lead_images_caption_outside_the_article_element_is_found() {
        let b = body(&format!(
            "<body><main><div class=featured><figure class=thumb><img src=/lead.jpg \
             width=1200></figure><div><header><h1>Tutoring results</h1></header></div></div>\
             <figcaption><span class=image-credit>Credit: Ann Smith/Agency</span></figcaption>\
             <div class=content><article><div class=entry><p>{P}</p><p>{P}</p></div>\
             </article></div></main></body>"
        ));
        let texts = caption_texts(&b);
        assert_eq!(texts, ["Credit: Ann Smith/Agency"]);
    }

    #[test]
    fn a_line_repeating_the_images_alt_is_its_caption() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=f3><picture><img src=/j.jpg \
             alt=\"Recovered jewellery - Harbour News\"></picture></div>\
             <div class=f4><span>Recovered jewellery</span></div><p>{P}</p>\
             <div><img src=/k.jpg alt=\"A quay\"></div><div>Boats at dawn</div>\
             <p>{P}</p></article></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["Recovered jewellery"]);
        assert!(!b.text.contains("Recovered jewellery"), "{}", b.text);
        assert!(b.text.contains("Boats at dawn"), "{}", b.text);
        // A feature's icon and its one-word name, or any such box on a page of cards.
        let src = format!(
            "<body><main><p>{P}</p><div><img src=/i.svg alt=Reliable></div><div>Reliable</div>\
             <div><img src=/j.png alt=\"Always on time\"></div><div>Always on time</div>\
             <p>{P}</p></main></body>"
        );
        assert_eq!(body_as(&src, PageType::Other).captions.len(), 1);
        assert!(body_as(&src, PageType::Service).captions.is_empty());
    }

    #[test]
    fn a_line_repeating_the_alt_in_a_script_without_spaces_is_its_caption() {
        // Japanese sets no spaces between words: the alt and the line are
        // words enough by their characters.
        let cap = "移送のため警視庁を出る容疑者＝13日（撮影）";
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=block><div class=wrap><div class=image>\
             <a href=/photo/1><img src=/p.jpg alt=\"{cap}\"></a></div>\
             <p class=caption>{cap}</p></div></div><p>{P}</p></article></body>"
        ));
        assert_eq!(caption_texts(&b), [cap]);
        assert!(!b.text.contains(cap), "{}", b.text);
    }

    #[test]
    fn a_teaser_cards_title_or_a_banners_heading_is_no_caption() {
        let card = |n: u32| {
            format!(
                "<figure><a href=/story/{n}><img src=/s/{n}.jpg></a><figcaption>\
                 <a href=/story/{n}><h3>Ten trails for spring {n}</h3></a><em>5 min read</em>\
                 </figcaption></figure>"
            )
        };
        let cards: String = (1..=3).map(card).collect();
        let b = body(&format!(
            "<body><article><div class=hero><img src=/h.jpg width=800><h1>Harbour days</h1>\
             </div><p>{P}</p>{cards}<figure><img src=/q.jpg><figcaption>The quay \
             (<a href=/ann>Ann Smith</a>)</figcaption></figure><p>{P}</p></article></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["The quay (Ann Smith)"]);
    }

    #[test]
    fn the_lead_images_caption_between_headline_and_body_is_found() {
        // No article element: the headline, the lead image and the body's
        // wrapper share one box.
        let src = format!(
            "<body><div class=story><h1>Snooze cruise</h1><div class=lead>\
             <img src=/s.jpg width=620><p>Astronauts on a space walk in 2006.</p></div>\
             <div class=tools>Print</div><div class=wrap><div class=text><p>{P}</p><p>{P}</p>\
             </div></div></div></body>"
        );
        let html = scraper::Html::parse_document(&src);
        let facts = crate::dom::Facts::compute(&html);
        let marks = crate::classify::classify(&html, &facts);
        let headline = crate::content::headline(&html, &facts, &marks, Some("Snooze cruise"));
        assert!(headline.is_some());
        let parts = crate::content::find_parts(&html, &facts, &marks, headline);
        let meta = crate::metadata::Metadata::default();
        let caps = |headline| {
            let b = crate::structure::build(
                &html,
                &facts,
                &marks,
                &parts,
                0,
                headline,
                &meta,
                PageType::Article,
            );
            b.captions.into_iter().map(|c| c.text).collect::<Vec<_>>()
        };
        assert_eq!(caps(headline), ["Astronauts on a space walk in 2006."]);
        assert!(caps(None).is_empty());
    }

    #[test]
    fn the_lead_figure_between_the_headline_and_a_deeper_article_is_found() {
        let src = format!(
            "<body><main><section class=content><div class=head><h1>Villa for sale</h1></div>\
             <div class=media><div><figure><div><img src=/v.jpg width=1920></div>\
             <figcaption><p><span>The businessman, led by police to court.</span></p>\
             </figcaption></figure></div></div><div class=date>5:00</div>\
             <div class=wrap><div class=inner><article><div class=rich><p>{P}</p><p>{P}</p>\
             </div></article></div></div></section></main></body>"
        );
        let html = scraper::Html::parse_document(&src);
        let facts = crate::dom::Facts::compute(&html);
        let marks = crate::classify::classify(&html, &facts);
        let headline = crate::content::headline(&html, &facts, &marks, Some("Villa for sale"));
        assert!(headline.is_some());
        let parts = crate::content::find_parts(&html, &facts, &marks, headline);
        let meta = crate::metadata::Metadata::default();
        let b = crate::structure::build(
            &html,
            &facts,
            &marks,
            &parts,
            0,
            headline,
            &meta,
            PageType::Article,
        );
        let texts = caption_texts(&b);
        assert_eq!(texts, ["The businessman, led by police to court."]);
    }

    #[test]
    fn credits_under_images_are_told_apart() {
        for credit in [
            "Nintendo",
            "(Image: Ann Smith / Agency)",
            "Jason Doe/Daily News",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
        for caption in [
            "All of Us Are Dead",
            "Before/after: the quay in 1990 and today.",
        ] {
            assert!(!is_credit(caption), "{caption}");
        }
        assert!(
            !credit_line("Nintendo"),
            "a one-word paragraph stays in the text"
        );
    }

    #[test]
    fn a_paragraph_wrapping_an_image_and_its_caption_is_a_figure() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><span><img src=/q.jpg><span class=caption>The quay at dawn.</span>\
             <span class=source>Agency</span></span></p><p>{P}</p></article></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["The quay at dawn."]);
        assert!(!b.text.contains("quay at dawn"));
    }

    #[test]
    fn a_box_of_one_image_and_one_line_is_a_figure() {
        let b = body(&format!(
            "<body><div><div>{P}</div><div class=c1><img src=/q.jpg><div class=c2>The quay.</div></div>\
             <div class=c3><img src=/me.jpg width=48><div>Ann Smith</div></div><div>{P}</div></div></body>"
        ));
        let caps = caption_texts(&b);
        assert_eq!(caps, ["The quay."], "an avatar with a name is no figure");
        assert!(!b.text.contains("The quay."));
    }

    #[test]
    fn a_card_of_an_image_and_a_line_on_a_service_page_is_no_figure() {
        let page = format!(
            "<body><main><p>{P}</p><div class=plans><div><img src=/free.png width=300>\
             <div>Free</div></div><div><img src=/pro.png width=300><div>Professional</div>\
             </div></div><p>{P}</p></main></body>"
        );
        assert!(body_as(&page, PageType::Service).captions.is_empty());
        assert_eq!(body_as(&page, PageType::Other).captions.len(), 2);
    }

    #[test]
    fn a_caption_hidden_from_screen_readers_is_still_shown_and_its_credit_split() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=/f.jpg alt=\"The ferry at the quay.\">\
             <figcaption><span aria-hidden=true>The ferry at the quay.</span><span>\
             <span>Credit...</span><span>Ann Smith/Agency</span></span></figcaption></figure>\
             <p>{P}</p></article></body>"
        ));
        let got: Vec<_> = b
            .captions
            .iter()
            .map(|c| (c.text.as_str(), c.credit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [("The ferry at the quay.", Some("Credit...Ann Smith/Agency"))]
        );
    }
}
