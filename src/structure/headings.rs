//! Where sections start, and the headline that starts none.
//!
//! A heading opens a new section, unless it is the page's headline repeated
//! in the body (the document's title already says it), a label the
//! classifier left in ("Related Articles"), or an inline "Related:" line set
//! as a heading. A paragraph that is nothing but one short bold line (a
//! pseudo-heading, `<p><strong>Why it matters</strong></p>`) opens a
//! section too, one level below the heading before it; a bold lead-in inside
//! a paragraph does not. Pages without an `h1` set the headline as a plain block:
//! that block is the title too, and the short kicker and date lines above it
//! go with it.

use super::Walk;
use crate::classify::label;
use crate::document::{Block, Boilerplate, Section};
use crate::dom::attr;
use crate::dom::url::resolve;
use crate::dom::{Ix, Tag, collapse_whitespace, normalize};
use crate::explain::Evidence;
use crate::heuristics::{
    AUTHOR_NAME_MAX_WORDS, AUTHOR_ROLES, BOLD_CLASS_WORDS, BOLD_TAGS, CALL_TO_ACTION_HEADINGS,
    CALL_TO_ACTION_LAST_SECTIONS, CARD_CONTROL_LABELS, ELLIPSIS, HEADING_CLASS_WORDS,
    HEADING_LEVEL_CLASS_WORDS, HERO_TITLE_CLASS_NAMES, KICKER_MAX_CHARS,
    LABELLED_VALUE_MAX_LABEL_WORDS, LINE_BREAK_CLASS_WORDS, NUMBERED_TIP_MAX_CHARS,
    NUMBERED_TIP_MAX_DIGITS, NUMBERED_TIP_STOPS, POSTER_HEADING_CLASS_WORDS,
    PSEUDO_HEADING_BAD_ENDINGS, PSEUDO_HEADING_MAX_CHARS, PULL_QUOTE_CLOSERS,
    PULL_QUOTE_EXCERPT_OPENERS, PULL_QUOTE_MIN_WORDS, PULL_QUOTE_OPENERS,
    PULL_QUOTE_TYPOGRAPHIC_CLOSERS, SHOP_POLICY_HEADINGS, SPONSORED_HEADING_MARKS,
    STANDFIRST_HEADING_MIN_WORDS, SUMMARY_DECK_MIN_LINES, TABLE_OF_CONTENTS_HEADINGS,
    TEASER_LINK_MAX_ANCESTORS, TOGGLE_TEXT_HIDDEN_TAGS,
};
use crate::page_type::PageType;

impl Walk<'_> {
    pub(super) fn heading(&mut self, i: Ix, level: u8) {
        let text = self.heading_text(i);
        if text.is_empty() {
            return;
        }
        // A post's user name or member title set as a heading is a line of
        // the post, not a section of the page.
        if self.names_a_poster(i) {
            self.push(Block::Paragraph { text });
            return;
        }
        // "Related post: <a>…</a>" set as a heading is an inline related line.
        let links: Vec<Ix> = (i..self.end(i))
            .filter(|&a| self.node(a).tag == Tag::A)
            .collect();
        if self.inline_related(Some(i), &text, &links) {
            return;
        }
        if self.is_title(&text, level) {
            self.headline_at = Some((i, level));
            return;
        }
        if self.is_standfirst(&text) || self.is_deck(i, level) || self.is_summary_deck(&text) {
            self.push(Block::Paragraph { text });
            return;
        }
        // A label whose block classify left in (too much text to be sure it
        // is chrome) still heads nothing of the article.
        let lower = normalize(&text);
        if let Some((kind, phrase)) = label(&lower) {
            self.strip(Some(i), kind, || Evidence::Label(phrase.into()));
            self.label_at = Some((i, level));
            return;
        }
        // The title of the one story a widget's label heads, set a rank
        // below it with nothing between (`<h2>Up next</h2><h3>Best
        // cameras</h3>`), and a sponsor's block ("Acme: the platform
        // (Sponsored)") head no section of the article: lines of the text.
        let under_label = self
            .label_at
            .is_some_and(|(l, lv)| lv < level && self.nothing_between(l, i));
        if under_label || is_sponsored(&lower) {
            self.push(Block::Paragraph { text });
            return;
        }
        // Not on documentation, where a chapter's contents are its text, nor
        // on a product's page, where "Contents" is what the box holds.
        if !matches!(self.page_type, PageType::Documentation | PageType::Product)
            && is_table_of_contents(&lower, !links.is_empty())
        {
            self.strip(Some(i), Boilerplate::Navigation, || {
                Evidence::Rule("a table of contents' heading".into())
            });
            return;
        }
        // A product card's button set as a heading ("View Details").
        if let Some(&control) = CARD_CONTROL_LABELS.iter().find(|&&c| lower == c) {
            self.strip(Some(i), Boilerplate::Other, || {
                Evidence::Label(control.into())
            });
            return;
        }
        // A shop's policy box, on a shop's page (an item's page may read
        // as its collection's).
        if matches!(
            self.page_type,
            PageType::Product | PageType::Collection | PageType::Listing
        ) && SHOP_POLICY_HEADINGS.contains(&lower.as_str())
        {
            self.strip(Some(i), Boilerplate::Other, || {
                Evidence::Rule("a shop's policy box".into())
            });
            return;
        }
        // A teaser card's headline (a heading inside a link to another
        // page), or a forum post's link preview, heads no section of the
        // page; an article's teaser cards are related links, not its text.
        if let Some(card) = self.teaser_link(i) {
            if self.page_type == PageType::Article {
                self.teaser(card, &text);
                self.strip(Some(i), Boilerplate::Related, || {
                    Evidence::Rule("a teaser card's headline".into())
                });
            } else {
                self.push(Block::Paragraph { text });
            }
            return;
        }
        if self.page_type == PageType::Forum && self.node(i).link_len == self.node(i).text_len {
            self.push(Block::Paragraph { text });
            return;
        }
        if is_pull_quote(&text) {
            self.push(Block::Quote { text });
            return;
        }
        // A figure set as a heading (a phone number, a price, a rule of
        // dashes) names no section: a line of the text.
        if !text.chars().any(char::is_alphabetic) {
            self.push(Block::Paragraph { text });
            return;
        }
        if matches!(self.node(i).tag, Tag::Heading(_)) {
            self.unhead_kicker(i, level);
        }
        self.traced(|t| t.headings.push((i, text.clone())));
        self.heading_at = Some((self.sections.len(), i));
        self.sections.push(Section {
            heading: Some(text),
            level: Some(level),
            blocks: Vec::new(),
        });
    }

    /// A short heading (or bold line) with nothing under it, set at a
    /// lower rank than the
    /// heading `i` right after it in the same box
    /// (`<h5>Acme</h5><h3>Senior engineer</h3>`, no text or image between),
    /// is that heading's kicker (a card's
    /// company, a story's section): a line of the text, not a section.
    /// Called before `i` opens its section at `level`.
    fn unhead_kicker(&mut self, i: Ix, level: u8) {
        let at = self.sections.len() - 1;
        let Some((_, kicker)) = self.heading_at.filter(|&(s, _)| s == at && at > 0) else {
            return;
        };
        let last = &self.sections[at];
        let lower = last.blocks.is_empty()
            && last.level.is_some_and(|l| l > level)
            && last
                .heading
                .as_deref()
                .is_some_and(|h| h.chars().count() <= KICKER_MAX_CHARS);
        // In one box with it (a card's header), not the last line of one
        // band of the page over the next band's title.
        let grandparent = self.node(self.node(kicker).parent).parent;
        if !lower || !self.facts.contains(grandparent, i) || !self.nothing_between(kicker, i) {
            return;
        }
        if self.pseudo_section == Some(at) {
            self.pseudo_section = None;
        }
        if let Some(text) = self.sections.pop().and_then(|s| s.heading) {
            self.push(Block::Paragraph { text });
        }
    }

    /// Whether no text or image stands between the end of `a` and `b`,
    /// which comes after it.
    fn nothing_between(&self, a: Ix, b: Ix) -> bool {
        let mut j = self.end(a);
        while j < b {
            let f = self.node(j);
            if f.end <= b {
                if f.text_len > 0 || f.imgs > 0 {
                    return false;
                }
                j = f.end;
            } else {
                // An ancestor of `b`: what it holds before `b` is looked at.
                j += 1;
            }
        }
        true
    }

    /// A heading that repeats the page's meta description word for word is
    /// the standfirst set as a heading (`<h2 class=lead-text>` under the
    /// headline): a line of the text, not a section's title.
    fn is_standfirst(&self, text: &str) -> bool {
        text.split_whitespace()
            .nth(STANDFIRST_HEADING_MIN_WORDS - 1)
            .is_some()
            && self
                .meta
                .description
                .as_deref()
                .is_some_and(|d| normalize(d) == normalize(text))
    }

    /// A heading of a lower rank set right under the headline, nothing
    /// between them (`<h1>Monitor mounts</h1><h2>Up your productivity
    /// with …</h2>`), is the deck that sums the page up: a line of the
    /// text, not a section's title. Not under a headline of one word: a
    /// landing page's name set over its hero (`<h1>Cybersecurity</h1>
    /// <h2>No gaps. No guesswork.</h2>`) is a label, the line under it the
    /// hero's title.
    fn is_deck(&self, i: Ix, level: u8) -> bool {
        matches!(self.node(i).tag, Tag::Heading(_))
            && self.headline_at.is_some_and(|(h, l)| {
                l < level
                    && h < i
                    && self.nothing_between(h, i)
                    && self.flat(h).split_whitespace().nth(1).is_some()
            })
    }

    /// A heading of several lines that opens an article's body, before any
    /// of its text (`<h2>Rain-soaked rally<br>"Division ends"<br>…</h2>`
    /// under the headline), sums the story up: a deck, not a section's
    /// title. Not on other pages, whose hero sets its slogan over lines
    /// (`<h2>No gaps.<br>No guesswork.<br>…</h2>`).
    fn is_summary_deck(&self, text: &str) -> bool {
        self.page_type == PageType::Article
            && matches!(self.sections.as_slice(), [only] if only.heading.is_none() && only.blocks.is_empty())
            && text.lines().nth(SUMMARY_DECK_MIN_LINES - 1).is_some()
    }

    /// A heading's text without its permalink: the `¶` or `#` link to the
    /// heading itself that documentation generators append or prepend.
    pub(super) fn heading_text(&self, i: Ix) -> String {
        let skip = |d: Ix| self.marks.get(d).is_some() || self.is_permalink(d);
        let text = self.facts.flat_text(self.html, i, &skip);
        if text.is_empty() {
            return self.toggle_text(i);
        }
        text
    }

    /// The text of a heading set as an accordion's or a tab's toggle
    /// (`<h3><button>Pricing</button></h3>`): controls hold no text of the
    /// page, so the heading's words are read from its markup, icons aside.
    fn toggle_text(&self, i: Ix) -> String {
        let Some(el) = self.facts.element(self.html, i) else {
            return String::new();
        };
        let mut text = String::new();
        for d in el.descendants() {
            let Some(t) = d.value().as_text() else {
                continue;
            };
            let shown = d.ancestors().take_while(|a| a.id() != el.id()).all(|a| {
                a.value()
                    .as_element()
                    .is_none_or(|e| !TOGGLE_TEXT_HIDDEN_TAGS.contains(&e.name()))
            });
            if shown {
                text.push_str(t);
                text.push(' ');
            }
        }
        collapse_whitespace(&text)
    }

    /// A link to a fragment of this page whose text is only a symbol.
    fn is_permalink(&self, a: Ix) -> bool {
        let f = self.node(a);
        if f.tag != Tag::A || f.text_len == 0 || f.has_block {
            return false;
        }
        let to_fragment = self
            .facts
            .element(self.html, a)
            .and_then(|e| attr(e.value(), "href"))
            .is_some_and(|h| h.trim_start().starts_with('#'));
        let none = |_| false;
        to_fragment
            && !self
                .facts
                .flat_text(self.html, a, &none)
                .chars()
                .any(char::is_alphanumeric)
    }

    /// The link around the heading at `i`, when it points to another page:
    /// the heading is a teaser card's headline. Not on pages made of links
    /// (a listing's item names are its headings).
    fn teaser_link(&self, i: Ix) -> Option<Ix> {
        if self.links_are_content
            || matches!(self.page_type, PageType::Listing | PageType::Collection)
        {
            return None;
        }
        let mut up = i;
        for _ in 0..TEASER_LINK_MAX_ANCESTORS {
            let p = self.node(up).parent;
            if p == up || matches!(self.node(p).tag, Tag::Body | Tag::Article | Tag::Main) {
                return None;
            }
            if self.node(p).tag == Tag::A {
                let href = self
                    .facts
                    .element(self.html, p)
                    .and_then(|e| attr(e.value(), "href"))?;
                let elsewhere = !href.trim_start().starts_with('#')
                    && resolve(self.meta.base.as_ref(), href)
                        .is_some_and(|u| self.meta.url.as_deref() != Some(u.as_str()));
                return elsewhere.then_some(p);
            }
            up = p;
        }
        None
    }

    /// Whether the heading at `i`, or an element in it, is classed as a
    /// post's user name or member title.
    fn names_a_poster(&self, i: Ix) -> bool {
        (i..self.end(i)).any(|d| self.class_has(d, |w| POSTER_HEADING_CLASS_WORDS.contains(&w)))
    }

    /// A box of one short line set apart as a heading: a leaf `div` or
    /// `section` (no blocks inside) whose text is all bold
    /// (`<div><b>Storage</b></div>`), or that is classed as a title
    /// (`div.pdp-title`, `section.outline-title`), without links or images
    /// and not ending like a sentence. Not on forums, whose styled lines are
    /// posts' meta lines; classed boxes not on pages of items.
    pub(super) fn is_styled_heading(&self, i: Ix) -> bool {
        if self.page_type == PageType::Forum
            || self.node(i).text_len as usize > PSEUDO_HEADING_MAX_CHARS
        {
            return false;
        }
        if self.is_pseudo_heading(i) || self.is_heading_styled_line(i) {
            return true;
        }
        // A page of items names its items in title boxes; they are its
        // headings only when set as headings.
        !matches!(self.page_type, PageType::Listing | PageType::Collection)
            && self.class_has(i, |w| HEADING_CLASS_WORDS.contains(&w))
            && self.is_heading_line(i)
    }

    /// A leaf line classed to look like a heading of a level
    /// (`<div class="hero-title h2">`), or a paragraph that is all of the
    /// text of such a box (`<div class=h2><p>Marine Star</p></div>`).
    /// Not on forums.
    pub(super) fn is_heading_styled_line(&self, i: Ix) -> bool {
        let f = self.node(i);
        if self.page_type == PageType::Forum
            || f.text_len == 0
            || f.text_len as usize > PSEUDO_HEADING_MAX_CHARS
        {
            return false;
        }
        // The classes first: they read no text.
        let styled = |b: Ix| {
            self.class_has(b, |w| {
                HEADING_LEVEL_CLASS_WORDS.contains(&w) || HERO_TITLE_CLASS_NAMES.contains(&w)
            })
        };
        let parent = f.parent;
        let boxed = f.tag == Tag::P
            && parent != i
            && self.node(parent).text_len == f.text_len
            && styled(parent);
        (boxed || styled(i)) && self.is_heading_line(i)
    }

    /// A paragraph whose text is all in `b`/`strong`, short, without links
    /// or images, and not ending like a sentence or a list's lead-in.
    pub(super) fn is_pseudo_heading(&self, i: Ix) -> bool {
        // The bold count first: it reads no text.
        let f = self.node(i);
        f.text_len > 0 && !f.has_block && self.bold_len(i) == f.text_len && self.is_heading_line(i)
    }

    /// A leaf block of text that reads as a heading: short, without links
    /// or images, not ending like a sentence or a list's lead-in.
    fn is_heading_line(&self, i: Ix) -> bool {
        let f = self.node(i);
        if f.text_len == 0 || f.link_len > 0 || f.imgs > 0 || f.has_block {
            return false;
        }
        let text = self.flat(i);
        text.chars().count() <= PSEUDO_HEADING_MAX_CHARS
            && !ends_like_a_sentence(&text)
            && !is_labelled_value(&text)
    }

    /// How much of the text under `i` is in `b`/`strong`.
    fn bold_len(&self, i: Ix) -> u32 {
        let f = self.node(i);
        let (mut bold, mut d) = (0, i + 1);
        while d < f.end {
            let is_bold = self.node(d).tag == Tag::Inline
                && self
                    .facts
                    .element(self.html, d)
                    .is_some_and(|e| BOLD_TAGS.contains(&e.value().name()));
            if is_bold {
                bold += self.node(d).text_len;
                d = self.end(d);
            } else {
                d += 1;
            }
        }
        bold
    }

    /// A list of one item that is a numbered tip set bold
    /// (`<ul><li><p><strong>3. Read it aloud.</strong></p></li></ul>`), the
    /// text under it explaining the tip: the item heads that text. Its
    /// number, not its shape, marks it a label, so it may end like a
    /// sentence and run longer than a bold line. Not on forums.
    pub(super) fn is_numbered_tip(&self, list: Ix) -> bool {
        let f = self.node(list);
        if self.page_type == PageType::Forum
            || f.text_len == 0
            || f.link_len > 0
            || f.imgs > 0
            || f.text_len as usize > NUMBERED_TIP_MAX_CHARS
        {
            return false;
        }
        let (mut items, mut c) = (0, list + 1);
        while c < f.end {
            let n = self.node(c);
            if n.tag == Tag::Li {
                items += 1;
            } else if n.text_len > 0 {
                return false;
            }
            c = n.end;
        }
        // All bold, or all but the stop set after the bold
        // (`<strong>5. Be specific</strong>.`).
        let plain = f.text_len - self.bold_len(list);
        if items != 1 || plain > 1 {
            return false;
        }
        let text = self.flat(list);
        (plain == 0 || text.ends_with(NUMBERED_TIP_STOPS))
            && text.chars().count() <= NUMBERED_TIP_MAX_CHARS
            && is_numbered_label(&text)
    }

    /// A pseudo-heading opens a section at [`Walk::pseudo_level`].
    pub(super) fn pseudo_heading(&mut self, i: Ix) {
        // A bold line that names a writer and their role ("Jane Doe, BBC
        // diplomatic correspondent") is a byline set over their part of
        // the story, not a section's title.
        if self.node(i).tag == Tag::P {
            let text = self.flat(i);
            if is_name_and_role(&text) {
                self.push(Block::Paragraph { text });
                return;
            }
        }
        let level = self.pseudo_level();
        let before = self.sections.len();
        self.heading(i, level);
        if self.sections.len() > before {
            self.pseudo_section = Some(before);
        }
    }

    /// The level a pseudo-heading opens a section at: one below the last
    /// heading (an `h3` under an `h2`), or 2.
    fn pseudo_level(&self) -> u8 {
        self.sections
            .iter()
            .rev()
            .find_map(|s| s.level)
            .map_or(2, |l| (l + 1).min(6))
    }

    /// A bold line that ends the article with nothing under it (the
    /// author's name signed bold under the last paragraph) heads nothing:
    /// it is the last line of the section before it.
    pub(super) fn unhead_trailing_pseudo_heading(&mut self) {
        let Some(at) = self.pseudo_section else {
            return;
        };
        if at == 0 || at + 1 != self.sections.len() || !self.sections[at].blocks.is_empty() {
            return;
        }
        if let Some(text) = self.sections.pop().and_then(|s| s.heading) {
            self.push(Block::Paragraph { text });
        }
    }

    /// Headings that end the page with nothing under them (a sign-up
    /// band's "Partner with us", a call to chat whose button the classifier
    /// took) head nothing: they are the last lines of the section before.
    /// Not when that section is empty too (a page whose kept text is
    /// headings only, a list of names set as headings), nor from a
    /// product's detail heading on ("Item description": a frame or a
    /// script fills the section it heads).
    pub(super) fn unhead_trailing_headings(&mut self) {
        let product = self.page_type == PageType::Product;
        let n = self
            .sections
            .iter()
            .rev()
            .take_while(|s| {
                s.blocks.is_empty()
                    && s.heading.as_deref().is_some_and(|h| {
                        !(product && crate::classify::names_product_detail(&normalize(h)))
                    })
            })
            .count();
        let keep = self.sections.len() - n;
        // A product's detail section counts as holding its framed text.
        let holds_text = |s: &Section| {
            !s.blocks.is_empty()
                || (product
                    && s.heading
                        .as_deref()
                        .is_some_and(|h| crate::classify::names_product_detail(&normalize(h))))
        };
        if n == 0 || keep < 2 || !holds_text(&self.sections[keep - 1]) {
            return;
        }
        let gone: Vec<Section> = self.sections.drain(keep..).collect();
        self.pseudo_section = None;
        for text in gone.into_iter().filter_map(|s| s.heading) {
            self.push(Block::Paragraph { text });
        }
    }

    /// A call to action's heading near the end of the page ("Need
    /// guidance?") heads no section: it and what it says join the section
    /// before it, its text kept as a line of that section.
    pub(super) fn unhead_calls_to_action(&mut self) {
        let first = self
            .sections
            .len()
            .saturating_sub(CALL_TO_ACTION_LAST_SECTIONS)
            .max(1);
        for at in (first..self.sections.len()).rev() {
            let Some(heading) = &self.sections[at].heading else {
                continue;
            };
            let lower = normalize(heading);
            if !CALL_TO_ACTION_HEADINGS.iter().any(|p| lower.contains(p)) {
                continue;
            }
            let gone = self.sections.remove(at);
            let before = &mut self.sections[at - 1].blocks;
            before.extend(gone.heading.map(|text| Block::Paragraph { text }));
            before.extend(gone.blocks);
        }
        self.pseudo_section = None;
    }

    /// A bold line of running text between line breaks opens a section as
    /// a pseudo-heading does; not a label (the block it is in is chrome's).
    /// Whether the line was taken.
    pub(super) fn pseudo_heading_line(&mut self, text: String) -> bool {
        if label(&normalize(&text)).is_some() {
            return false;
        }
        let level = self.pseudo_level();
        if self.is_title(&text, level) {
            return true;
        }
        self.pseudo_section = Some(self.sections.len());
        self.sections.push(Section {
            heading: Some(text),
            level: Some(level),
            blocks: Vec::new(),
        });
        true
    }

    /// An inline element with text that sets it bold: `b`, `strong`, or a
    /// span classed so (`span.strong`).
    pub(super) fn is_bold_inline(&self, i: Ix) -> bool {
        self.node(i).text_len > 0
            && (self
                .facts
                .element(self.html, i)
                .is_some_and(|e| BOLD_TAGS.contains(&e.value().name()))
                || self.class_has(i, |w| BOLD_CLASS_WORDS.contains(&w)))
    }

    /// An empty inline element classed as a line break (`span.br`).
    pub(super) fn is_line_break_span(&self, i: Ix) -> bool {
        self.node(i).text_len == 0 && self.class_has(i, |w| LINE_BREAK_CLASS_WORDS.contains(&w))
    }

    /// The headline set as a plain block (pages without an `h1`) is the
    /// title: it leaves the text, and so do the short kicker and date lines
    /// above it, which only head the article.
    pub(super) fn is_headline_block(&mut self, text: &str) -> bool {
        let Some(title) = self.title.as_deref() else {
            return false;
        };
        // Most blocks differ from the title in their first word: no need to
        // normalize the whole block to see that.
        let first_words_differ = match (title.split(' ').next(), text.split_whitespace().next()) {
            (Some(t), Some(w)) => normalize(w) != t,
            _ => true,
        };
        if self.title_seen || first_words_differ || *title != normalize(text) {
            return false;
        }
        self.title_seen = true;
        if let [only] = self.sections.as_mut_slice() {
            let before = only.blocks.len();
            only.blocks.retain(|b| {
                !matches!(b, Block::Paragraph { text } if text.chars().count() <= KICKER_MAX_CHARS)
            });
            for _ in only.blocks.len()..before {
                self.strip(None, Boilerplate::Other, || {
                    Evidence::Rule("a short line above the headline".into())
                });
            }
        }
        true
    }

    /// The headline repeated in the body is the title, not a section.
    fn is_title(&mut self, text: &str, level: u8) -> bool {
        let same = self
            .meta
            .title
            .as_deref()
            .is_some_and(|t| normalize(t) == normalize(text));
        let first_h1 = level == 1 && !self.title_seen;
        if same || first_h1 {
            if std::mem::replace(&mut self.title_seen, true) {
                // The headline again (a sticky bar's, a comparison's): the
                // kickers above the first are gone already.
                return true;
            }
            // A kicker set as a heading above the headline ("Immunology")
            // heads nothing: its section goes if nothing is in it.
            self.sections.retain(|s| {
                s.heading.is_none()
                    || !s.blocks.is_empty()
                    || s.heading
                        .as_deref()
                        .is_some_and(|h| h.chars().count() > KICKER_MAX_CHARS)
            });
            return true;
        }
        false
    }
}

/// A line of text that reads as a heading: one short line of words (not a
/// rank or a count, "#1"), not ending like a sentence or a list's lead-in.
pub(super) fn is_pseudo_heading_text(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
        && !text.contains('\n')
        && text.chars().count() <= PSEUDO_HEADING_MAX_CHARS
        && !ends_like_a_sentence(text)
}

/// Whether a heading (lowercased) names a table of contents: the whole
/// heading, or its start when the heading holds links (the contents' list
/// set inside it).
fn is_table_of_contents(lower: &str, has_links: bool) -> bool {
    TABLE_OF_CONTENTS_HEADINGS.iter().any(|&p| {
        lower == p
            || (has_links
                && lower
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with(' ')))
    })
}

/// A heading of a sentence's worth of words that ends with a closing
/// quotation mark and holds no other: a pull quote whose opening mark the
/// page draws apart (an icon, or a line of its own: `<p>“</p><h3>… before
/// it becomes a problem.”</h3>`).
fn is_quote_without_opener(text: &str) -> bool {
    text.strip_suffix(PULL_QUOTE_TYPOGRAPHIC_CLOSERS)
        .is_some_and(|quoted| {
            !quoted.contains(PULL_QUOTE_OPENERS)
                && !quoted.contains(PULL_QUOTE_CLOSERS)
                && quoted
                    .split_whitespace()
                    .nth(PULL_QUOTE_MIN_WORDS - 1)
                    .is_some()
        })
}

/// Whether a heading (lowercased) is marked as a sponsor's
/// ("… (sponsored)").
fn is_sponsored(lower: &str) -> bool {
    SPONSORED_HEADING_MARKS.iter().any(|m| lower.ends_with(m))
}

/// Whether a line is a byline with a role: a name, a comma, and a role
/// that ends in a writer's job title ("Jane Doe, BBC diplomatic
/// correspondent"). Not a sentence that ends in a role: the name runs
/// to a few words.
fn is_name_and_role(text: &str) -> bool {
    let Some((name, role)) = text.rsplit_once(',') else {
        return false;
    };
    let role = normalize(role);
    !name.trim().is_empty()
        && name.split_whitespace().count() <= AUTHOR_NAME_MAX_WORDS
        && AUTHOR_ROLES.iter().any(|r| {
            role.strip_suffix(r)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
}

/// Whether a line ends like a sentence or a list's lead-in. An ellipsis
/// does not: the line trails into the section under it ("The bottom
/// line ...").
fn ends_like_a_sentence(text: &str) -> bool {
    text.ends_with(PSEUDO_HEADING_BAD_ENDINGS) && !text.ends_with(ELLIPSIS)
}

/// Whether a line is a field and its value ("Origin: Bulgaria"): a label
/// of a few words without a number (not "Step 2: Knead"), a colon, more
/// words after it. A product's facts set bold, not a section's heading.
fn is_labelled_value(text: &str) -> bool {
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    !value.trim().is_empty()
        && !label.is_empty()
        && label.split_whitespace().count() <= LABELLED_VALUE_MAX_LABEL_WORDS
        && !label.chars().any(|c| c.is_ascii_digit())
}

/// Whether `text` opens with a tip's number: "3. ", "3) " or "#3 ".
fn is_numbered_label(text: &str) -> bool {
    let hash = text.strip_prefix('#');
    let rest = hash.unwrap_or(text);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > NUMBERED_TIP_MAX_DIGITS {
        return false;
    }
    let rest = &rest[digits..];
    let rest = match hash {
        Some(_) => rest,
        None => match rest.strip_prefix(['.', ')']) {
            Some(r) => r,
            None => return false,
        },
    };
    rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(char::is_alphabetic)
}

/// A heading that opens with a quotation mark, quotes a sentence's worth of
/// words ([`PULL_QUOTE_MIN_WORDS`]) and either names who said them after
/// the quote (`"…," says the director.`) or picks them up mid-sentence
/// (`“… prevent the evacuation”`): a line of the story set large, not the
/// title of a section. A heading that is a whole quote and nothing more is
/// a news story's subheading. So is one without its opening mark
/// ([`is_quote_without_opener`]).
fn is_pull_quote(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(PULL_QUOTE_OPENERS) else {
        return is_quote_without_opener(text);
    };
    let (quoted, after) = rest.split_once(PULL_QUOTE_CLOSERS).unwrap_or((rest, ""));
    let opening = quoted.trim_start();
    let excerpt = PULL_QUOTE_EXCERPT_OPENERS
        .iter()
        .any(|e| opening.starts_with(e));
    let attributed = after.chars().any(char::is_alphabetic);
    (excerpt || attributed)
        && quoted
            .split_whitespace()
            .nth(PULL_QUOTE_MIN_WORDS - 1)
            .is_some()
}

#[cfg(test)]
mod tests {
    use crate::document::Block;
    use crate::metadata::Metadata;
    use crate::page_type::PageType;
    use crate::structure::tests::{P, body, body_as, body_with};

    #[test]
    fn a_lone_bold_line_is_a_heading_but_a_bold_lead_in_is_not() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><strong>Why it matters</strong></p><p>{P}</p>\
             <p><b>Bottom line:</b> the ferry runs again.</p>\
             <p><strong>The service was missed by everyone in town.</strong></p>\
             <p><b>How to book:</b></p><ul><li>Online</li><li>At the quay</li></ul>\
             <p>{P}</p></article></body>"
        ));
        let heads: Vec<_> = b
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.level))
            .collect();
        assert_eq!(heads, [(None, None), (Some("Why it matters"), Some(2))]);
        assert!(b.text.contains("Bottom line: the ferry"), "{}", b.text);
    }

    /// The section headings of `b`, in order.
    fn heads(b: &crate::structure::Body) -> Vec<&str> {
        b.sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect()
    }

    #[test]
    fn a_donation_appeal_under_the_story_heads_no_section() {
        let b = body(&format!(
            "<body><article><h2>The findings</h2><p>{P}</p><p>{P}</p>\
             <div><h4><strong>Since you made it to the bottom of this article, we have a \
             small favor to ask.</strong></h4><p>{P}</p></div></article></body>"
        ));
        assert_eq!(heads(&b), ["The findings"]);
    }

    #[test]
    fn a_bold_line_trailing_off_in_an_ellipsis_is_a_heading() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><strong>The bottom line ...</strong></p><p>{P}</p>\
             <p><strong>That was all.</strong></p><p>{P}</p></article></body>"
        ));
        assert_eq!(heads(&b), ["The bottom line ..."]);
    }

    #[test]
    fn a_shops_policy_box_heads_no_section_of_the_product() {
        let b = body_as(
            &format!(
                "<body><main><h1>Rain jacket</h1><p>{P}</p><div class=accordion>\
                 <h3>Features</h3><ul><li>Fully seam sealed</li><li>Adjustable hood</li></ul>\
                 <h3>Shipping and Returns</h3><div style=height:0></div></div><p>{P}</p></main></body>"
            ),
            PageType::Product,
        );
        assert_eq!(heads(&b), ["Features"]);
    }

    #[test]
    fn a_kicker_heading_over_a_cards_title_is_a_line_of_the_card() {
        let card = |company: &str, title: &str| {
            format!(
                "<div class=tile><div class=company><h5><a href=/c>{company}</a></h5></div>\
                 <div class=title><h3><a href=/j>{title}</a></h3></div><p>{P}</p></div>"
            )
        };
        let b = body_as(
            &format!(
                "<body><main><h1>Remote jobs</h1>{}{}<section><div><h6>Compact cards</h6></div>\
                 </section><section><div><h5>Small and fast</h5><p>{P}</p></div></section>\
                 <div class=list-title><p><strong>Cheap fares</strong></p><h3>2. Day returns</h3>\
                 </div><p>{P}</p></main></body>",
                card("Acme", "Backend Engineer"),
                card("Globex", "Data Analyst")
            ),
            PageType::Listing,
        );
        // The band's title over the next band is a heading of its own.
        assert_eq!(
            heads(&b),
            [
                "Backend Engineer",
                "Data Analyst",
                "Compact cards",
                "Small and fast",
                "2. Day returns"
            ]
        );
        assert!(b.text.contains("Acme\n\nBackend Engineer"), "{}", b.text);
        assert!(
            b.text.contains("Cheap fares\n\n2. Day returns"),
            "{}",
            b.text
        );
    }

    #[test]
    fn a_heading_right_under_the_headline_is_its_deck() {
        let b = body(&format!(
            "<body><article><h1>Ferry returns</h1><h2>The island has its boat back after three \
             weeks</h2><p>{P}</p><h2>Timetable</h2><p>{P}</p></article></body>"
        ));
        assert_eq!(heads(&b), ["Timetable"]);
        assert!(
            b.text.starts_with("The island has its boat back"),
            "{}",
            b.text
        );
        // With a line between them, the heading opens a section.
        let b = body(&format!(
            "<body><article><h1>Ferry returns</h1><p>{P}</p><h2>Timetable</h2><p>{P}</p>\
             </article></body>"
        ));
        assert_eq!(heads(&b), ["Timetable"]);
        // Under a one-word headline, a label, the line is the hero's title.
        let b = body(&format!(
            "<body><article><h1>Ferries</h1><h2>No queues. No waiting.</h2><p>{P}</p>\
             </article></body>"
        ));
        assert_eq!(heads(&b), ["No queues. No waiting."]);
    }

    #[test]
    fn a_heading_of_several_lines_opening_a_story_is_its_deck() {
        let src = format!(
            "<body><article><h2>Rally in the rain<br>\"The era of division ends\"<br>A \
             government of the people</h2><p>{P}</p><h2>Timetable</h2><p>{P}</p>\
             </article></body>"
        );
        let b = body_as(&src, PageType::Article);
        assert_eq!(heads(&b), ["Timetable"]);
        assert!(b.text.starts_with("Rally in the rain"), "{}", b.text);
        // A landing page's slogan set over lines is its hero's title.
        let b = body_as(&src, PageType::Service);
        assert_eq!(heads(&b).len(), 2, "{:?}", heads(&b));
        // Two lines are a title broken for its width.
        let b = body_as(
            &format!("<body><article><h2>Rally in<br>the rain</h2><p>{P}</p></article></body>"),
            PageType::Article,
        );
        assert_eq!(heads(&b), ["Rally in\nthe rain"]);
    }

    #[test]
    fn a_table_of_contents_heading_heads_no_section() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>Contents</h2><ul><li><a href=#f>Fares</a></li>\
             <li><a href=#t>Times</a></li></ul><h2 id=f>Fares</h2><p>{P}</p>\
             <h3><b>Table of contents</b><ul><li><a href=#f>Fares</a></li>\
             <li><a href=#t>Times</a></li></ul></h3><h2 id=t>Times</h2><p>{P}</p>\
             </article></body>"
        ));
        assert_eq!(heads(&b), ["Fares", "Times"]);
        assert!(!b.text.contains("ontents"), "{}", b.text);
        // On a product's page, "Contents" heads what the box holds.
        let b = body_as(
            &format!(
                "<body><main><h2>Overview</h2><p>{P}</p><h2>Contents</h2>\
                 <ul><li>One kettle with its lid</li><li>A base with a cord</li></ul>\
                 <h2>Materials and finish</h2><p>{P}</p></main></body>"
            ),
            PageType::Product,
        );
        assert!(heads(&b).contains(&"Contents"), "{:?}", heads(&b));
    }

    #[test]
    fn a_bold_writers_name_and_role_is_a_byline_not_a_heading() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>One chapter over</h2>\
             <p><strong>Jane Doe, BBC diplomatic correspondent</strong></p><p>{P}</p>\
             <p><strong>Zone 1, the corn belt</strong></p><p>{P}</p></article></body>"
        ));
        assert_eq!(heads(&b), ["One chapter over", "Zone 1, the corn belt"]);
        // A clause before the comma is no name.
        assert!(super::is_name_and_role(
            "Jane Doe, BBC diplomatic correspondent"
        ));
        assert!(super::is_name_and_role("Marc Dupont, correspondant"));
        assert!(super::is_sponsored("acme: la plataforma (publicidad)"));
        assert!(!super::is_name_and_role(
            "After twelve long years on the night desk, the reporter"
        ));
        assert!(
            b.text
                .contains("One chapter over\n\nJane Doe, BBC diplomatic correspondent\n\n"),
            "{}",
            b.text
        );
    }

    #[test]
    fn a_sponsors_heading_and_a_widgets_story_title_head_no_section() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>Acme: open-source tracing (Sponsored)</h2>\
             <p>{P} Sponsor.</p><h2>Timetable</h2><p>{P}</p><h2>Up next</h2>\
             <h3>The best ferries of the year</h3><p>{P} Next.</p></article></body>"
        ));
        assert_eq!(heads(&b), ["Timetable"]);
        assert!(b.text.contains("(Sponsored)\n\n"), "{}", b.text);
        assert!(
            b.text.contains("The best ferries of the year"),
            "{}",
            b.text
        );
    }

    #[test]
    fn a_quote_whose_opening_mark_is_set_apart_is_a_quote() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>Results</h2><p>\u{201c}</p><h3>The review showed \
             us where the risks were before they became a problem.\u{201d}</h3>\
             <p>Jane Doe, engineer</p><h3>Fares \u{201c}for all\u{201d}</h3><p>{P}</p>\
             <h3>Samsung Neo QLED 4K Smart TV 65\"</h3><p>{P}</p></article></body>"
        ));
        assert_eq!(
            heads(&b),
            [
                "Results",
                "Fares \u{201c}for all\u{201d}",
                "Samsung Neo QLED 4K Smart TV 65\""
            ]
        );
        assert!(
            b.sections
                .iter()
                .flat_map(|s| &s.blocks)
                .any(|q| matches!(q, Block::Quote { text } if text.starts_with("The review"))),
            "{:?}",
            b.sections
        );
    }

    #[test]
    fn a_players_more_videos_heading_heads_no_section() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=player><h2>Weitere Videos</h2></div>\
             <p>{P} Again.</p></article></body>"
        ));
        assert!(heads(&b).is_empty(), "{:?}", heads(&b));
        assert!(b.text.contains("Again."), "{}", b.text);
    }

    #[test]
    fn a_figure_set_as_a_heading_is_a_line_of_the_text() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h3>Call us</h3><h3>1.800.950.3475</h3>\
             <h2>\u{2013} \u{2013} \u{2013}</h2><p>{P} Again.</p><h2>2. Fares</h2><p>{P}</p>\
             </article></body>"
        ));
        assert_eq!(heads(&b), ["Call us", "2. Fares"]);
        assert!(b.text.contains("Call us\n\n1.800.950.3475"), "{}", b.text);
    }

    #[test]
    fn a_standfirst_set_as_a_heading_is_a_paragraph() {
        let meta = Metadata {
            description: Some("The ferry returns after three weeks of repairs to the quay".into()),
            ..Metadata::default()
        };
        let b = body_with(
            &format!(
                "<body><article><h1>Ferry returns</h1><h2 class=lead-text>The ferry returns \
                 after three weeks of repairs to the quay</h2><p>{P}</p><h2>Timetable</h2>\
                 <p>{P}</p></article></body>"
            ),
            &meta,
            PageType::Article,
        );
        assert_eq!(heads(&b), ["Timetable"]);
        assert!(
            b.text.contains("three weeks of repairs to the quay"),
            "{}",
            b.text
        );
    }

    #[test]
    fn a_bold_field_and_its_value_is_no_heading() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><strong>Origin: Bulgaria / Hungary</strong></p>\
             <p><strong>Step 2: Knead the dough</strong></p><p>{P}</p>\
             <p><strong>Storage</strong></p><p>{P}</p></article></body>"
        ));
        assert_eq!(heads(&b), ["Step 2: Knead the dough", "Storage"]);
        assert!(b.text.contains("Origin: Bulgaria"), "{}", b.text);
    }

    #[test]
    fn headings_ending_the_page_with_nothing_under_them_head_nothing() {
        let b = body(&format!(
            "<body><article><h2>Our process</h2><p>{P}</p><h2>Our fees</h2><p>{P}</p>\
             <h2>Want to learn more?</h2><h3>Partner with us today</h3></article></body>"
        ));
        assert_eq!(heads(&b), ["Our process", "Our fees"]);
        assert!(b.text.ends_with("Partner with us today"), "{}", b.text);
        let names = body("<body><article><h2>Ann Smith</h2><h2>Bo Lee</h2></article></body>");
        assert_eq!(heads(&names), ["Ann Smith", "Bo Lee"]);
    }

    #[test]
    fn a_products_detail_heading_ending_the_page_heads_its_framed_description() {
        let src = format!(
            "<body><main><h2>Item specifics</h2><p>{P}</p>\
             <h2>Item description from the seller</h2><iframe src=desc.html></iframe>\
             </main></body>"
        );
        let b = body_as(&src, PageType::Product);
        assert_eq!(
            heads(&b),
            ["Item specifics", "Item description from the seller"]
        );
        let b = body_as(&src, PageType::Article);
        assert_eq!(heads(&b), ["Item specifics"]);
        // A share button's heading after it heads nothing.
        let src = src.replace("</main>", "<h3>Share</h3></main>");
        let b = body_as(&src, PageType::Product);
        assert_eq!(
            heads(&b),
            ["Item specifics", "Item description from the seller"]
        );
    }

    #[test]
    fn a_call_to_action_near_the_end_heads_nothing_but_keeps_its_text() {
        let b = body(&format!(
            "<body><article><h2>Our process</h2><p>{P}</p><h2>Our fees</h2><p>{P}</p>\
             <h2>Need guidance?</h2><p>Call our advisers any weekday.</p>\
             <h2>References</h2><p>{P}</p></article></body>"
        ));
        assert_eq!(heads(&b), ["Our process", "Our fees", "References"]);
        assert!(b.text.contains("Need guidance?"), "{}", b.text);
        assert!(b.text.contains("Call our advisers"), "{}", b.text);
        // An FAQ's own heading at the end stays.
        let faq = body(&format!(
            "<body><article><h2>Our process</h2><p>{P}</p>\
             <h2>Frequently asked questions</h2><p>{P}</p></article></body>"
        ));
        assert_eq!(heads(&faq), ["Our process", "Frequently asked questions"]);
    }

    #[test]
    fn a_bold_line_ending_the_article_heads_nothing() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p><strong>Timetable</strong></p><p>{P}</p>\
             <p style=\"text-align:right\"><strong>Ann Smith</strong></p></article></body>"
        ));
        assert_eq!(heads(&b), ["Timetable"]);
        assert!(b.text.ends_with("Ann Smith"), "{}", b.text);
    }

    #[test]
    fn a_heading_classed_as_a_header_is_a_heading_not_the_sites_header() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=card><h3 class=card-header>Claim</h3>\
             <div><p>{P}</p></div></div><div class=card><h3 class=card-header>Origin</h3>\
             <div><p>{P}</p><p>{P}</p></div></div></article></body>"
        ));
        assert_eq!(heads(&b), ["Claim", "Origin"]);
        assert!(b.text.contains("Origin"), "{}", b.text);
    }

    #[test]
    fn an_accordions_button_in_a_heading_is_the_headings_text() {
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=card><h3><button aria-expanded=false \
             aria-controls=c1>Engaged Recruiting</button></h3><div id=c1><p>{P}</p></div></div>\
             <div class=card><h3><button aria-expanded=false aria-controls=c2>\
             Contingent Recruiting</button></h3><div id=c2><p>No fee unless we hire.</p></div></div>\
             </article></body>"
        ));
        assert_eq!(heads(&b), ["Engaged Recruiting", "Contingent Recruiting"]);
        // The same with each heading in an item's header box.
        let b = body(&format!(
            "<body><article><p>{P}</p><div class=card><div class=card-header><h3><button \
             aria-expanded=false>Retained Search</button></h3></div><div><p>{P}</p></div></div>\
             <div class=card><div class=card-header><h3>Engaged Recruiting</h3></div>\
             <div><p>No fee unless we hire.</p></div></div></article></body>"
        ));
        assert_eq!(heads(&b), ["Retained Search", "Engaged Recruiting"]);
    }

    #[test]
    fn a_short_line_in_a_heading_class_or_all_bold_opens_a_section() {
        let b = body(&format!(
            "<body><article><p>{P}</p><section><div class=pdp-title>Who Is It For</div>\
             <div class=pdp-content><p>{P}</p></div></section>\
             <section class=outline-title><span>Course Outline</span></section><p>{P}</p>\
             <div><b>Nutritional Information</b></div><p>{P}</p>\
             <div class=item-title>A sentence set in the title class ends with a stop.</div>\
             <div><b>Note:</b> the ferry runs again.</div><p>{P}</p></article></body>"
        ));
        assert_eq!(
            heads(&b),
            ["Who Is It For", "Course Outline", "Nutritional Information"]
        );
        assert!(b.text.contains("Who Is It For"), "{}", b.text);
        assert!(b.text.contains("Note: the ferry"), "{}", b.text);
    }

    #[test]
    fn a_line_classed_as_a_heading_level_opens_a_section_on_a_page_of_items() {
        let b = body_as(
            &format!(
                "<body><main><div class=hero><div class=\"hero-title h2\"><p>Marine Star</p></div>\
                 <p>{P}</p></div><div class=hero><div class=\"feature-name h3\">Vintage Appeal</div>\
                 <p>{P}</p></div><div class=\"item-title\"><p>Archive Series</p></div>\
                 <p class=h6>November 15, 2019</p><p>{P}</p><div class=hero>\
                 <div class=hero-title><p>Bulova Museum</p></div><p>Open daily from ten, with a tour \
                 of the watchmakers' bench every hour.</p></div></main></body>"
            ),
            PageType::Collection,
        );
        assert_eq!(
            heads(&b),
            ["Marine Star", "Vintage Appeal", "Bulova Museum"],
            "{}",
            b.text
        );
        assert!(b.text.contains("Archive Series"), "{}", b.text);
    }

    #[test]
    fn a_bold_line_between_line_breaks_opens_a_section() {
        let b = body(&format!(
            "<body><article><div>{P}<br><br><b>Timetable</b><br><br>{P}\
             <span class=br></span><span class=br></span><span class=strong>Fares</span>\
             <span class=br></span><span class=br></span>{P}<br><br><b>#1</b><br><br>{P}\
             <br><br><span class=font-bold>Import fees</span><br><br>{P}<br><b>Sailings</b>\
             <br><br>{P}<br><b>Note:</b> the ferry runs again.<br><br>{P}</div></article></body>"
        ));
        assert_eq!(heads(&b), ["Timetable", "Fares", "Sailings"]);
        assert!(b.text.contains("Note: the ferry runs again."), "{}", b.text);
        assert!(b.text.contains("Fares\n\nThe ferry"), "{}", b.text);
        assert!(b.text.contains("#1"), "{}", b.text);
    }

    #[test]
    fn a_numbered_bold_tip_in_a_one_item_list_opens_a_section() {
        let b = body(&format!(
            "<body><article><p>{P}</p><ul><li><p><strong>3. Read it aloud.</strong></p></li></ul>\
             <p>{P}</p><ul><li><p><strong>4. Do not feel you need a happy ending, a neat moral \
             or a solution to every problem you write about.</strong></p></li></ul><p>{P}</p>\
             <ul><li><strong>#5 Be specific</strong></li></ul><p>{P}</p>\
             <ul><li><p><strong>6. Tell a story</strong>.</p></li></ul><p>{P}</p>\
             <ul><li><b>Ferries run hourly.</b></li></ul><p>{P}</p>\
             <ul><li><b>1. Online</b></li><li><b>2. At the quay</b></li></ul><p>{P}</p>\
             </article></body>"
        ));
        assert_eq!(
            heads(&b),
            [
                "3. Read it aloud.",
                "4. Do not feel you need a happy ending, a neat moral or a solution to every \
                 problem you write about.",
                "#5 Be specific",
                "6. Tell a story."
            ]
        );
        assert!(b.text.contains("Ferries run hourly."), "{}", b.text);
        assert!(b.text.contains("2. At the quay"), "{}", b.text);
    }

    #[test]
    fn a_listings_item_titles_set_as_headings_head_the_items() {
        let src = "<body><main><h1>Tech events</h1><ul>\
            <li><div class=card><a href=/e/1><img src=a.jpg alt=''></a><h3>Tech Writing</h3>\
            <p>Wed, Apr 1, 10:00 AM</p><p>Free</p></div></li>\
            <li><div class=card><a href=/e/2><img src=b.jpg alt=''></a><h3>Women in Sales</h3>\
            <p>Tomorrow at 9:30 AM</p><p>Free</p></div></li>\
            <li><div class=card><a href=/e/3><img src=c.jpg alt=''></a><aside><p>Sales end soon</p>\
            </aside><h3>Tech Clinic</h3><p>Wed, Mar 25, 2:00 PM</p><p>$10</p></div></li>\
            <li><div class=card><p>Online event, hosted by the Tech Writers Guild</p>\
            <h3>Tech Lunch</h3><p>Free</p></div></li></ul></main></body>";
        let b = body_as(src, PageType::Listing);
        assert_eq!(heads(&b), ["Tech Writing", "Women in Sales", "Tech Clinic"]);
        assert!(
            b.text
                .contains("Sales end soon\n\nTech Clinic\n\nWed, Mar 25"),
            "{}",
            b.text
        );
    }

    #[test]
    fn the_headline_repeated_lower_down_keeps_the_sections_above_it() {
        let meta = Metadata {
            title: Some("Ferry returns".into()),
            ..Metadata::default()
        };
        let b = body_with(
            &format!(
                "<body><article><h1>Ferry returns</h1><p>{P}</p><h2>Compare size</h2>\
                 <h3>Fares</h3><p>{P}</p><h1>Ferry returns</h1><p>{P}</p></article></body>"
            ),
            &meta,
            PageType::Product,
        );
        assert_eq!(heads(&b), ["Compare size", "Fares"]);
    }

    #[test]
    fn a_pull_quote_set_as_a_heading_is_a_quote() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2>\"You\u{2019}re going to see a number of things that \
             the service can do,\" says the director.</h2><p>{P}</p><h3>\u{201c}\u{2026} prevent \
             the evacuation of the civilians from the camp\u{201d}</h3><p>{P}</p>\
             <h2>\u{201c}Dune\u{201d} review: a desert epic</h2><p>{P}</p>\
             <h2>\u{201e}We are here to show our solidarity with them\u{201c}</h2><p>{P}</p>\
             </article></body>"
        ));
        assert_eq!(
            heads(&b),
            [
                "\u{201c}Dune\u{201d} review: a desert epic",
                "\u{201e}We are here to show our solidarity with them\u{201c}"
            ]
        );
        assert!(b.text.contains("prevent the evacuation"), "{}", b.text);
        assert!(
            b.sections[0].blocks.iter().any(
                |bl| matches!(bl, Block::Quote { text } if text.contains("says the director"))
            )
        );
    }

    #[test]
    fn a_forums_top_posters_box_heads_no_section() {
        let b = body_as(
            &format!(
                "<body><article><div class=post><p>{P}</p></div><div class=post><p>{P} Yes.</p></div>\
                 <div class=box><h3>Top Posters In This Topic</h3><ul><li>ann_s 12 posts</li>\
                 <li>bob 9 posts</li></ul></div></article></body>"
            ),
            PageType::Forum,
        );
        assert!(heads(&b).is_empty(), "{:?}", heads(&b));
    }

    #[test]
    fn a_kicker_heading_above_the_headline_is_no_section() {
        let b = body(&format!(
            "<body><article><h4>Immunology</h4><h1>Ferry returns</h1><p>{P}</p>\
             <h2>Timetable</h2><p>{P}</p></article></body>"
        ));
        let heads: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(heads, ["Timetable"]);
    }

    #[test]
    fn a_label_heading_opens_no_section() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p><h2>Related Articles</h2>\
             <p>{P}</p></article></body>"
        ));
        assert!(
            b.sections.iter().all(|s| s.heading.is_none()),
            "{:?}",
            b.sections
        );
    }

    #[test]
    fn bylines_and_a_plain_headline_with_its_kicker_leave_the_text() {
        let meta = Metadata {
            title: Some("Ferry returns".into()),
            ..Metadata::default()
        };
        let b = body_with(
            &format!(
                "<body><div><div>News</div><div>Ferry returns</div><div>By Ann Smith</div>\
                 <div>{P}</div><div>By then the quay was full.</div><div>Again: {P}</div></div></body>"
            ),
            &meta,
            PageType::Other,
        );
        assert!(b.text.starts_with("The ferry service"), "{}", b.text);
        assert!(b.text.contains("By then the quay was full."));
        assert_eq!(b.stripped.other, 2);
    }

    #[test]
    fn a_headings_permalink_is_not_its_text() {
        let b = body(&format!(
            "<body><article><p>{P}</p><h2 id=t>Timetable<a class=headerlink href=#t>\u{b6}</a></h2>\
             <p>{P}</p><h2 id=f><a href=#f>#</a> Fares</h2><p>{P}</p>\
             <h2><a href=#c>C#</a></h2><p>{P}</p></article></body>"
        ));
        let heads: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(heads, ["Timetable", "Fares", "C#"]);
    }

    #[test]
    fn a_posts_user_name_set_as_a_heading_opens_no_section() {
        let b = body(&format!(
            "<body><article><div class=post><h4 class=message-name><a class=username \
             href=/members/ann.1/>ann_s</a></h4><h5 class=userTitle>Member</h5><p>{P}</p></div>\
             <div class=post><h3 class=ipsEntry__username>bob</h3><p>{P}</p></div>\
             <h2>Summary</h2><p>{P}</p></article></body>"
        ));
        let heads: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(heads, ["Summary"]);
        assert!(b.text.contains("ann_s"), "{}", b.text);
    }

    #[test]
    fn a_teaser_cards_headline_is_a_related_link_not_a_section() {
        let b = body_as(
            &format!(
                "<body><article><p>{P}</p><div class=card><a href=/news/quay><img src=/q.jpg>\
                 <h5>News</h5><h4>The quay gets a new crane</h4></a></div><p>{P}</p>\
                 <h2>Timetable</h2><p>{P}</p></article></body>"
            ),
            PageType::Article,
        );
        let heads: Vec<_> = b
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(heads, ["Timetable"]);
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://example.org/news/quay"]);
    }

    #[test]
    fn a_forum_posts_link_preview_heads_no_section() {
        let b = body_as(
            &format!(
                "<body><article><div class=post><p>{P}</p><div class=unfurl><h3>\
                 <a href=https://help.example.com/a>Set up sync on all your devices</a></h3>\
                 <div>How to set up sync.</div></div></div><div class=post><p>{P}</p></div>\
                 </article></body>"
            ),
            PageType::Forum,
        );
        assert!(
            b.sections.iter().all(|s| s.heading.is_none()),
            "{:?}",
            b.sections
        );
        assert!(b.text.contains("Set up sync"), "{}", b.text);
    }
}
