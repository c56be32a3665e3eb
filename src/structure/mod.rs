//! The article as data: sections split at headings, typed blocks, captions
//! and related links.
//!
//! One walk over the root's subtree in document order. Boilerplate regions
//! are skipped whole. Block elements (`p`, lists, quotes, `pre`, tables,
//! figures) become blocks; text that flows directly in a container (the
//! `<div>text<br>more</div>` of div-only pages) becomes paragraphs, split at
//! block boundaries and double line breaks. Blocks that are mostly links, and
//! short calls to action ("Click to comment"), are dropped and counted.

use crate::classify::{self, Marks, label_kind};
use crate::document::{Block, Boilerplate, Caption, Link, Section, Stripped};
use crate::dom::{
    Facts, Ix, Tag, TextBuf, attr, class_words, collapse_whitespace, normalize, url::resolve,
};
use crate::heuristics::{
    ARCHIVE_PATH_SEGMENTS, BOILERPLATE_LINE_MAX_CHARS, BYLINE_MAX_CHARS, BYLINE_PREFIXES,
    CAPTION_CLASS_WORDS, CAPTION_IMAGE_ANCESTORS, CJK_CHARS_PER_WORD, CREDIT_MAX_CHARS,
    CREDIT_PREFIXES, CREDIT_SLASH_MAX_WORDS, FIGURE_CLASS_WORDS, IMAGE_SOURCE_ATTRIBUTES,
    IMPLICIT_CAPTION_MAX_CHARS, IMPLICIT_FIGURE_MIN_WIDTH, INLINE_RELATED_MAX_BYTES,
    KICKER_MAX_CHARS, RELATED_INLINE_PREFIXES, WEIGHTS,
};
use crate::metadata::Metadata;
use scraper::Html;

/// What this stage hands on to the document.
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
    parts: &[Ix],
    meta: &Metadata,
) -> Body {
    let mut walk = Walk {
        html,
        facts,
        marks,
        meta,
        sections: vec![Section::default()],
        captions: Vec::new(),
        related_links: Vec::new(),
        stripped: facts
            .body()
            .map(|b| marks.count(facts, b))
            .unwrap_or_default(),
        run: Run::default(),
        title_seen: false,
        title: meta.title.as_deref().map(normalize),
    };
    for &part in parts {
        walk.article(part);
    }
    if let Some(&first) = parts.first() {
        walk.lead_captions(first);
    }
    for region in marks.related(facts) {
        walk.collect_links(region, None);
    }
    let mut sections = walk.sections;
    if sections.len() > 1 && sections[0].blocks.is_empty() {
        sections.remove(0);
    }
    if sections.len() == 1 && sections[0].blocks.is_empty() && sections[0].heading.is_none() {
        sections.clear();
    }
    let text = plain_text(&sections);
    Body {
        sections,
        captions: walk.captions,
        related_links: walk.related_links,
        text,
        stripped: walk.stripped,
    }
}

/// The body as plain text: headings and blocks in order, a blank line between
/// them; figures (captions) are left out.
fn plain_text(sections: &[Section]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for section in sections {
        if let Some(h) = &section.heading {
            parts.push(h.clone());
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph { text } | Block::Quote { text } | Block::Code { text, .. } => {
                    parts.push(text.clone())
                }
                Block::List { items, .. } => parts.push(items.join("\n")),
                Block::Table { rows } => parts.push(
                    rows.iter()
                        .map(|r| r.join("\t"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                Block::Figure { .. } => {}
            }
        }
    }
    parts.join("\n\n")
}

/// Inline content gathered for the paragraph being built.
#[derive(Default)]
struct Run {
    /// The block element the text flows in.
    block: Option<Ix>,
    buf: TextBuf,
    text_len: u32,
    link_len: u32,
    links: Vec<Ix>,
    after_br: bool,
}

struct Walk<'a> {
    html: &'a Html,
    facts: &'a Facts,
    marks: &'a Marks,
    meta: &'a Metadata,
    sections: Vec<Section>,
    captions: Vec<Caption>,
    related_links: Vec<Link>,
    stripped: Stripped,
    run: Run,
    title_seen: bool,
    /// The page's title, normalized once.
    title: Option<String>,
}

impl Walk<'_> {
    fn node(&self, i: Ix) -> &crate::dom::NodeFact {
        &self.facts.nodes[i as usize]
    }

    fn end(&self, i: Ix) -> Ix {
        self.node(i).end
    }

    fn skip(&self) -> impl Fn(Ix) -> bool + '_ {
        |i| self.marks.get(i).is_some()
    }

    fn flat(&self, i: Ix) -> String {
        self.facts.flat_text(self.html, i, &self.skip())
    }

    fn push(&mut self, block: Block) {
        if let Some(section) = self.sections.last_mut() {
            section.blocks.push(block);
        }
    }

    fn article(&mut self, root: Ix) {
        let end = self.end(root);
        let mut i = root + 1;
        while i < end {
            if self.marks.get(i).is_some() {
                self.flush();
                i = self.end(i);
                continue;
            }
            let f = self.node(i).clone();
            if f.tag == Tag::Inline && self.is_caption(i) {
                // `<span class="newsCaption">` under an image, inside the text flow.
                self.flush();
                self.caption(i);
                i = f.end;
                continue;
            }
            if f.tag.is_inline() && !f.has_block {
                self.inline(i, f.tag, f.block);
                i += 1;
                continue;
            }
            i = match f.tag {
                Tag::Heading(level) => {
                    self.flush();
                    self.heading(i, level);
                    f.end
                }
                Tag::P if self.holds_captioned_image(i) => {
                    self.flush();
                    self.figure(i);
                    f.end
                }
                Tag::P | Tag::Li => {
                    self.flush();
                    let text = self.flat(i);
                    self.paragraph(i, text, f.text_len, f.link_len);
                    f.end
                }
                Tag::Ul | Tag::Ol | Tag::Dl => {
                    self.flush();
                    self.list(i, f.tag == Tag::Ol);
                    f.end
                }
                Tag::Blockquote => {
                    self.flush();
                    let text = self.flat(i);
                    if !text.is_empty() {
                        self.push(Block::Quote { text });
                    }
                    f.end
                }
                Tag::Pre => {
                    self.flush();
                    self.code(i);
                    f.end
                }
                Tag::Table if !self.is_layout_table(i) => {
                    self.flush();
                    self.table(i);
                    f.end
                }
                Tag::Figcaption => {
                    self.flush();
                    self.caption(i);
                    f.end
                }
                _ if self.is_figure(i, f.tag) => {
                    self.flush();
                    self.figure(i);
                    f.end
                }
                _ if self.is_caption(i) => {
                    self.flush();
                    self.caption(i);
                    f.end
                }
                Tag::Hr => {
                    self.flush();
                    i + 1
                }
                // Containers: their text is picked up as the walk goes in.
                _ => i + 1,
            };
        }
        self.flush();
    }

    fn inline(&mut self, i: Ix, tag: Tag, block: Ix) {
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
    fn flush(&mut self) {
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

    fn paragraph(&mut self, i: Ix, text: String, text_len: u32, link_len: u32) {
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
        if text_len > 0 && link_len as f32 / text_len as f32 > WEIGHTS.max_paragraph_link_density {
            self.stripped.add(Boilerplate::Navigation);
            return;
        }
        self.push(Block::Paragraph { text });
    }

    /// An inline "Related: <a>…</a>" line: its links are related links.
    fn inline_related(&mut self, text: &str, links: &[Ix]) -> bool {
        if links.is_empty() || text.len() > INLINE_RELATED_MAX_BYTES {
            return false;
        }
        let lower = normalize(text);
        if !RELATED_INLINE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            return false;
        }
        for &a in links {
            self.collect_links(a, Some(1));
        }
        self.stripped.add(Boilerplate::Related);
        true
    }

    fn heading(&mut self, i: Ix, level: u8) {
        let text = self.flat(i);
        if text.is_empty() {
            return;
        }
        // "Related post: <a>…</a>" set as a heading is an inline related line.
        let links: Vec<Ix> = (i..self.end(i))
            .filter(|&a| self.node(a).tag == Tag::A)
            .collect();
        if self.inline_related(&text, &links) {
            return;
        }
        if self.is_title(&text, level) {
            return;
        }
        // A label whose block classify left in (too much text to be sure it
        // is chrome) still heads nothing of the article.
        if let Some(kind) = label_kind(&normalize(&text)) {
            self.stripped.add(kind);
            return;
        }
        self.sections.push(Section {
            heading: Some(text),
            level: Some(level),
            blocks: Vec::new(),
        });
    }

    /// The headline set as a plain block (pages without an `h1`) is the
    /// title: it leaves the text, and so do the short kicker and date lines
    /// above it, which only head the article.
    fn is_headline_block(&mut self, text: &str) -> bool {
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
                self.stripped.add(Boilerplate::Other);
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
            self.title_seen = true;
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

    fn list(&mut self, i: Ix, ordered: bool) {
        let f = self.node(i);
        if f.text_len > 0 && f.link_len as f32 / f.text_len as f32 > WEIGHTS.max_list_link_density {
            self.stripped.add(Boilerplate::Navigation);
            return;
        }
        let mut items = Vec::new();
        let end = f.end;
        let mut c = i + 1;
        while c < end {
            if self.marks.get(c).is_some() {
                c = self.end(c);
                continue;
            }
            match self.node(c).tag {
                // A gallery: an item of an image and its caption is a figure.
                Tag::Li if self.node(c).imgs > 0 => {
                    let end = self.end(c);
                    match (c + 1..end).find(|&d| self.is_caption(d)) {
                        Some(caption) => self.caption(caption),
                        None => {
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
                    if !text.is_empty() {
                        items.push(text);
                    }
                    c = self.end(c);
                }
                _ => c += 1,
            }
        }
        if !items.is_empty() {
            self.push(Block::List { ordered, items });
        }
    }

    fn code(&mut self, i: Ix) {
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

    /// A table that lays out the page (cells holding paragraphs, images or
    /// other tables) is a container, not data.
    fn is_layout_table(&self, i: Ix) -> bool {
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

    fn table(&mut self, i: Ix) {
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

    /// `figure`, or the markup themes use instead (`div.wp-caption`), or a
    /// box holding nothing but one image and one short line under it.
    fn is_figure(&self, i: Ix, tag: Tag) -> bool {
        let has_img = self.node(i).imgs > 0;
        if tag == Tag::Figure {
            return has_img || !self.node(i).has_block;
        }
        has_img
            && (self.class_has(i, |w| FIGURE_CLASS_WORDS.contains(&w))
                || self.implicit_caption(i).is_some())
    }

    /// A paragraph that only wraps an image and its caption (`<p><img><span
    /// class=caption>…</span></p>`): the caption is most of its text.
    fn holds_captioned_image(&self, i: Ix) -> bool {
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
    fn implicit_caption(&self, i: Ix) -> Option<Ix> {
        let f = self.node(i);
        if f.tag != Tag::Block
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
    fn is_caption(&self, i: Ix) -> bool {
        let f = self.node(i);
        let named = |d: Ix| self.class_has(d, |w| CAPTION_CLASS_WORDS.contains(&w));
        if f.text_len == 0 {
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

    fn class_has(&self, i: Ix, pred: impl Fn(&str) -> bool) -> bool {
        let Some(el) = self.facts.element(self.html, i) else {
            return false;
        };
        let mut found = false;
        if let Some(class) = attr(el.value(), "class") {
            class_words(class, |w| found |= pred(w));
        }
        found
    }

    fn figure(&mut self, i: Ix) {
        let end = self.end(i);
        let img = (i..end).find(|&d| self.node(d).tag == Tag::Img);
        let caption_at = (i + 1..end)
            .find(|&d| self.node(d).tag == Tag::Figcaption || (d != i && self.is_caption(d)))
            .or_else(|| self.implicit_caption(i));
        let caption = caption_at
            .map(|c| self.flat(c))
            .filter(|t| !t.is_empty() && !is_credit(t));
        let (image, alt) = img.map(|m| self.image(m)).unwrap_or_default();
        if let Some(text) = &caption {
            self.captions.push(Caption {
                text: text.clone(),
                image: image.clone(),
                alt,
            });
        }
        if caption.is_some() || image.is_some() {
            self.push(Block::Figure { caption, image });
        }
    }

    /// A caption on its own: its image is the last one before it in its parent.
    fn caption(&mut self, i: Ix) {
        let text = self.flat(i);
        if text.is_empty() || is_credit(&text) {
            return;
        }
        let img = self.image_before(i);
        let (image, alt) = img.map(|m| self.image(m)).unwrap_or_default();
        self.captions.push(Caption {
            text: text.clone(),
            image: image.clone(),
            alt,
        });
        self.push(Block::Figure {
            caption: Some(text),
            image,
        });
    }

    /// Captions of the lead image, which themes put above the body: in the
    /// enclosing `article`/`main` (or the body's parent) before the body.
    /// They go first in `captions`; the body's blocks are not touched.
    fn lead_captions(&mut self, first: Ix) {
        let mut scope = self.node(first).parent;
        let mut up = scope;
        while up != self.node(up).parent {
            if matches!(self.node(up).tag, Tag::Article | Tag::Main) {
                scope = up;
                break;
            }
            up = self.node(up).parent;
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
                    self.end(i)
                };
                continue;
            }
            let tag = self.node(i).tag;
            i = if tag == Tag::Figcaption || (tag != Tag::Figure && self.is_caption(i)) {
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

    /// Adds the links in `i`'s subtree to `related_links`: headline links to
    /// other pages, not labels, archive pages or this page.
    fn collect_links(&mut self, i: Ix, min_words: Option<usize>) {
        // Links with text first; then image links, named by their title or
        // alt text, for the pages they alone point to (a teaser's headline
        // link names the page better than its picture's alt text).
        self.collect_links_named(i, min_words, false);
        self.collect_links_named(i, min_words, true);
    }

    fn collect_links_named(&mut self, i: Ix, min_words: Option<usize>, images: bool) {
        let min_words = min_words.unwrap_or(WEIGHTS.related_link_min_words);
        let end = self.end(i);
        let mut a = i;
        while a < end {
            // An ad inside a related block (a sponsored teaser) is no related link.
            if a != i && self.marks.get(a) == Some(Boilerplate::Ads) {
                a = self.end(a);
                continue;
            }
            a += 1;
            let a = a - 1;
            if self.node(a).tag != Tag::A {
                continue;
            }
            let Some(el) = self.facts.element(self.html, a) else {
                continue;
            };
            if attr(el.value(), "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("sponsored"))
            }) {
                continue;
            }
            let Some(url) =
                attr(el.value(), "href").and_then(|h| resolve(self.meta.base.as_ref(), h))
            else {
                continue;
            };
            if self.meta.url.as_deref() == Some(url.as_str()) || is_archive(&url) {
                continue;
            }
            // A link without visible text is an image link (second pass).
            let text = match (self.node(a).text_len == 0, images) {
                (false, false) => self.link_text(a),
                (true, true) => self.image_link_name(a),
                _ => continue,
            };
            if word_count(&text) < min_words {
                continue;
            }
            if self.related_links.iter().any(|l| l.url == url) {
                continue;
            }
            self.related_links.push(Link { text, url });
        }
    }
}

impl Walk<'_> {
    /// A teaser link often wraps headline, excerpt and date in blocks of
    /// their own: its text is the first block that has any (the headline).
    fn link_text(&self, a: Ix) -> String {
        let none = |_| false;
        if self.node(a).has_block
            && let Some(first) = (a + 1..self.end(a)).find(|&d| {
                let f = self.node(d);
                !f.tag.is_inline() && !f.has_block && f.text_len > 0
            })
        {
            return self.facts.flat_text(self.html, first, &none);
        }
        self.facts.flat_text(self.html, a, &none)
    }

    /// An image link's name: its title, or the image's alt text.
    fn image_link_name(&self, a: Ix) -> String {
        let el = self.facts.element(self.html, a);
        el.and_then(|e| attr(e.value(), "title"))
            .or_else(|| {
                (a + 1..self.end(a))
                    .find(|&d| self.node(d).tag == Tag::Img)
                    .and_then(|img| self.facts.element(self.html, img))
                    .and_then(|img| attr(img.value(), "alt"))
            })
            .map(collapse_whitespace)
            .unwrap_or_default()
    }
}

/// Words in a link text; scripts written without spaces (Chinese, Japanese)
/// count one word per `CJK_CHARS_PER_WORD` characters.
fn word_count(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    text.split_whitespace().count() + cjk / CJK_CHARS_PER_WORD
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
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

/// A line that says it is a credit: "Image: Agency", "(© Photographer)".
fn credit_line(text: &str) -> bool {
    text.chars().count() <= CREDIT_MAX_CHARS && {
        let lower = normalize(text);
        let bare = lower.trim_start_matches(['(', '[']);
        CREDIT_PREFIXES.iter().any(|p| bare.starts_with(p))
    }
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

/// Category, tag and author pages are not related articles.
fn is_archive(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else {
        return true;
    };
    if u.path() == "/" || u.path().is_empty() {
        return true;
    }
    u.path_segments()
        .and_then(|mut s| s.next())
        .is_some_and(|first| ARCHIVE_PATH_SEGMENTS.contains(&first.to_ascii_lowercase().as_str()))
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
    use crate::classify::classify;
    use crate::content::find_parts;

    fn body(src: &str) -> Body {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let parts = find_parts(&facts, &marks, None);
        let meta = Metadata {
            base: url::Url::parse("https://example.org/news/story").ok(),
            ..Metadata::default()
        };
        build(&html, &facts, &marks, &parts, &meta)
    }

    const P: &str = "The ferry service will resume on Monday after three weeks of repairs to \
        the landing stage, the operator said, with the first crossing at seven.";

    #[test]
    fn sections_split_at_headings_and_the_headline_is_not_one() {
        let b = body(&format!(
            "<body><article><h1>Ferry returns</h1><p>{P}</p><h2>Timetable</h2><p>{P}</p>\
             <h3>Fares</h3><p>{P}</p></article></body>"
        ));
        let heads: Vec<_> = b
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.level))
            .collect();
        assert_eq!(
            heads,
            [
                (None, None),
                (Some("Timetable"), Some(2)),
                (Some("Fares"), Some(3))
            ]
        );
        assert!(b.text.starts_with("The ferry service"));
        assert!(b.text.contains("\n\nTimetable\n\n"));
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
    fn captions_are_collected_but_not_in_text() {
        let b = body(&format!(
            "<body><article><p>{P}</p><figure><img src=/img/a.jpg alt=Quay>\
             <figcaption>The quay at dawn.</figcaption></figure>\
             <div class=wp-caption><img src=b.jpg><p class=wp-caption-text>Boats waiting.</p></div>\
             <p>{P}</p></article></body>"
        ));
        let caps: Vec<_> = b.captions.iter().map(|c| c.text.as_str()).collect();
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

    #[test]
    fn credits_under_images_are_not_captions() {
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
        let caps: Vec<_> = b.captions.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(caps, ["The quay at dawn."]);
        assert!(!b.text.contains("quay at dawn"));
    }

    #[test]
    fn a_box_of_one_image_and_one_line_is_a_figure() {
        let b = body(&format!(
            "<body><div><div>{P}</div><div class=c1><img src=/q.jpg><div class=c2>The quay.</div></div>\
             <div class=c3><img src=/me.jpg width=48><div>Ann Smith</div></div><div>{P}</div></div></body>"
        ));
        let caps: Vec<_> = b.captions.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(caps, ["The quay."], "an avatar with a name is no figure");
        assert!(!b.text.contains("The quay."));
    }

    #[test]
    fn bylines_and_a_plain_headline_with_its_kicker_leave_the_text() {
        let html = Html::parse_document(&format!(
            "<body><div><div>News</div><div>Ferry returns</div><div>By Ann Smith</div>\
             <div>{P}</div><div>By then the quay was full.</div><div>{P}</div></div></body>"
        ));
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let parts = find_parts(&facts, &marks, None);
        let meta = Metadata {
            title: Some("Ferry returns".into()),
            ..Metadata::default()
        };
        let b = build(&html, &facts, &marks, &parts, &meta);
        assert!(b.text.starts_with("The ferry service"), "{}", b.text);
        assert!(b.text.contains("By then the quay was full."));
        assert_eq!(b.stripped.other, 2);
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
            ]
        );
    }

    #[test]
    fn related_links_skip_labels_and_archive_pages() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>{P}</p></article>\
             <div class=related-posts><h3>Related</h3>\
             <a href=/category/news>News</a>\
             <a href=/news/a>Harbour master retires after forty years</a>\
             <a href=/news/b>New pontoons arrive by barge</a></div></body>"
        ));
        let urls: Vec<_> = b.related_links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://example.org/news/a", "https://example.org/news/b"]
        );
    }
}
