//! The article as data: sections split at headings, typed blocks, captions
//! and related links.
//!
//! One walk over the root's subtree in document order. Boilerplate regions
//! are skipped whole. Block elements (`p`, lists, quotes, `pre`, tables,
//! figures) become blocks; text that flows directly in a container (the
//! `<div>text<br>more</div>` of div-only pages) becomes paragraphs, split at
//! block boundaries and double line breaks. Blocks that are mostly links, and
//! short calls to action ("Click to comment"), are dropped and counted;
//! unless the article itself is mostly links (a listing, whose cards are
//! links), when link-dense blocks are its content.
//!
//! This file holds the walk's state and its driver, which decides what each
//! node starts; the kinds are read in [`paragraphs`] (inline text, and which
//! paragraphs are chrome), [`headings`] (sections and the headline),
//! [`blocks`] (lists, code, tables), [`figures`] (figures and captions),
//! [`links`] (related links) and [`quotes`] (a forum reply's quote of a post
//! shown above). The plain text is assembled here at the end.
//!
//! When explaining ([`build_traced`]), the walk also keeps a [`Trace`]: which
//! node gave each section heading, caption and related link, and which blocks
//! it dropped and why. Extraction keeps none.

mod blocks;
mod figures;
mod headings;
mod links;
mod paragraphs;
mod quotes;

use crate::classify::Marks;
use crate::document::{Block, Boilerplate, Caption, Link, Section, Stripped};
use crate::dom::{Facts, Ix, Tag, collapse_whitespace, normalize};
use crate::explain::Evidence;
use crate::heuristics::{
    EMPTY_BODY_MAX_CHARS, LISTING_LINKS_MIN_SHARE, PRODUCT_DESCRIPTION_MIN_CHARS,
    PRODUCT_DESCRIPTION_SHOWN_SHARE, WEIGHTS,
};
use crate::metadata::Metadata;
use crate::page_type::PageType;
use paragraphs::Run;
use scraper::Html;
use std::collections::HashSet;

/// What this stage hands on to the document.
pub(crate) struct Body {
    pub sections: Vec<Section>,
    pub captions: Vec<Caption>,
    pub related_links: Vec<Link>,
    pub text: String,
    pub stripped: Stripped,
}

/// Which nodes the walk read as what, kept only when explaining.
#[derive(Default)]
pub(crate) struct Trace {
    /// Each section heading's node and text, before the walk drops the
    /// empty ones (a kicker above the headline).
    pub headings: Vec<(Ix, String)>,
    /// The node of each caption, in the order of `captions`.
    pub captions: Vec<Ix>,
    /// The `a` of each related link, in the order of `related_links`.
    pub links: Vec<Ix>,
    /// Blocks of the article dropped as chrome: the node, when one element
    /// holds the block, its kind and why.
    pub dropped: Vec<(Option<Ix>, Boilerplate, Evidence)>,
}

/// Reads the article's parts, in document order, into sections of blocks,
/// captions, related links (from the parts and the page's related regions)
/// and plain text; what it drops is counted in `stripped`. The first
/// `standfirst` parts are the standfirst before the article's root
/// (`content::with_standfirst`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    parts: &[Ix],
    standfirst: usize,
    headline: Option<Ix>,
    meta: &Metadata,
    page_type: PageType,
) -> Body {
    run(
        html, facts, marks, parts, standfirst, headline, meta, page_type, None,
    )
    .0
}

/// [`build`], keeping the [`Trace`] of what came from where.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build_traced(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    parts: &[Ix],
    standfirst: usize,
    headline: Option<Ix>,
    meta: &Metadata,
    page_type: PageType,
) -> (Body, Trace) {
    let (body, trace) = run(
        html,
        facts,
        marks,
        parts,
        standfirst,
        headline,
        meta,
        page_type,
        Some(Trace::default()),
    );
    (body, trace.unwrap_or_default())
}

#[allow(clippy::too_many_arguments)]
fn run(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    parts: &[Ix],
    standfirst: usize,
    headline: Option<Ix>,
    meta: &Metadata,
    page_type: PageType,
    trace: Option<Trace>,
) -> (Body, Option<Trace>) {
    let mut walk = Walk {
        html,
        facts,
        marks,
        headline,
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
        trace,
        date_lines: Vec::new(),
        body_list_links: Vec::new(),
        links_are_content: links_are_content(facts, marks, parts, page_type),
        linked_blocks_are_content: matches!(page_type, PageType::Service | PageType::Documentation),
        page_type,
        player_caption_levels: 0,
        seen: quotes::SeenText::default(),
        pseudo_section: None,
        heading_at: None,
        headline_at: None,
        label_at: None,
    };
    walk.player_caption_levels = walk.levels_under_players(parts);
    // The standfirst before the root opens the article; the heading over
    // the root and the lead image's caption are found from the root.
    let root = parts.get(standfirst).or(parts.first()).copied();
    if let Some(first) = root
        && let Some((h, level)) = walk.heading_before(first)
    {
        walk.heading(h, level);
    }
    for &part in parts {
        walk.article(part);
    }
    walk.unhead_trailing_pseudo_heading();
    walk.unhead_trailing_headings();
    walk.unhead_calls_to_action();
    walk.drop_date_lines();
    walk.drop_index_links();
    if let Some(first) = root {
        walk.lead_captions(first);
    }
    // A listing is itself a list of links to other pages: a box of further
    // links beside it is more of the listing, not pages related to a story.
    if page_type != PageType::Listing {
        walk.collect_related_regions();
    }
    // A page that keeps nothing but its headline (a link post, whose title
    // is all it says) gives the headline as its text, when no description
    // says more below.
    let headline_text = headline
        .filter(|_| {
            walk.sections
                .iter()
                .all(|s| s.heading.is_none() && s.blocks.is_empty())
        })
        .map(|h| walk.flat(h));
    let mut sections = walk.sections;
    if page_type == PageType::Product
        && let Some(paragraphs) = unshown_product_description(meta, &sections)
    {
        let blocks = paragraphs.into_iter().map(|text| Block::Paragraph { text });
        sections[0].blocks.extend(blocks);
    }
    if let Some(text) = description_for_empty_body(meta, &sections) {
        sections[0].blocks.insert(0, Block::Paragraph { text });
    }
    if let Some(text) = headline_text.filter(|t| !t.is_empty())
        && sections.iter().all(|s| s.blocks.is_empty())
        && let Some(first) = sections.first_mut()
    {
        first.blocks.push(Block::Paragraph { text });
    }
    if sections.len() > 1 && sections[0].blocks.is_empty() {
        sections.remove(0);
    }
    if sections.len() == 1 && sections[0].blocks.is_empty() && sections[0].heading.is_none() {
        sections.clear();
    }
    let text = plain_text(&sections);
    let body = Body {
        sections,
        captions: walk.captions,
        related_links: walk.related_links,
        text,
        stripped: walk.stripped,
    };
    (body, walk.trace)
}

/// Whether the article's parts, boilerplate left out, are mostly link text:
/// a listing or an index, whose titles and blurbs are its links. On a page
/// known to be a listing or a collection, a smaller share of links will do
/// (cards whose titles are links and whose blurbs are not).
fn links_are_content(facts: &Facts, marks: &Marks, parts: &[Ix], page_type: PageType) -> bool {
    let (mut text, mut link) = (0u64, 0u64);
    for &part in parts {
        let end = facts.nodes[part as usize].end;
        let mut i = part;
        while i < end {
            if marks.get(i).is_some() {
                i = facts.nodes[i as usize].end;
                continue;
            }
            let f = &facts.nodes[i as usize];
            text += u64::from(f.own_text);
            link += u64::from(f.own_link);
            i += 1;
        }
    }
    let min_share = if matches!(page_type, PageType::Listing | PageType::Collection) {
        LISTING_LINKS_MIN_SHARE
    } else {
        WEIGHTS.listing_min_link_share
    };
    text > 0 && link as f32 >= min_share * text as f32
}

/// The page's meta description when the body kept is next to empty
/// ([`EMPTY_BODY_MAX_CHARS`]): a page its scripts fill leaves a few menu
/// words in its markup, and the description says what it holds.
fn description_for_empty_body(meta: &Metadata, sections: &[Section]) -> Option<String> {
    let description = collapse_whitespace(meta.description.as_deref()?);
    if description.chars().count() < PRODUCT_DESCRIPTION_MIN_CHARS || sections.is_empty() {
        return None;
    }
    let mut chars = 0;
    for section in sections {
        chars += section.heading.as_deref().map_or(0, str::len);
        for block in &section.blocks {
            chars += match block {
                Block::Paragraph { text } | Block::Quote { text } | Block::Code { text, .. } => {
                    text.len()
                }
                Block::List { items, .. } => items.iter().map(String::len).sum(),
                Block::Table { rows } => rows.iter().flatten().map(String::len).sum(),
                Block::Figure { .. } => 0,
            };
            if chars >= EMPTY_BODY_MAX_CHARS {
                return None;
            }
        }
    }
    Some(description)
}

/// The paragraphs of the JSON-LD `Product.description` when the text kept
/// lacks most of its words: a product page that shows its description only
/// in a tab its scripts open, or outside the part the root found. A
/// description that is a line, or still URL-encoded, is left out.
fn unshown_product_description(meta: &Metadata, sections: &[Section]) -> Option<Vec<String>> {
    let raw = meta.markup.product_description.as_deref()?;
    if raw.contains("%20") {
        return None;
    }
    // Some shops put markup (and its entities) in the description.
    let text = if raw.contains(['<', '&']) {
        let fragment = Html::parse_fragment(raw);
        fragment
            .root_element()
            .text()
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        raw.to_owned()
    };
    let paragraphs: Vec<String> = text
        .lines()
        .map(collapse_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if chars < PRODUCT_DESCRIPTION_MIN_CHARS {
        return None;
    }
    let shown: HashSet<String> = words(&plain_text(sections)).collect();
    let (mut found, mut total) = (0usize, 0usize);
    for w in paragraphs.iter().flat_map(|p| words(p)) {
        total += 1;
        found += usize::from(shown.contains(&w));
    }
    let unshown = (found as f32) < PRODUCT_DESCRIPTION_SHOWN_SHARE * total as f32;
    unshown.then_some(paragraphs)
}

/// The words of `text`, lowercased.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
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

struct Walk<'a> {
    html: &'a Html,
    facts: &'a Facts,
    marks: &'a Marks,
    /// The headline the parts were chosen by, when one was found.
    headline: Option<Ix>,
    meta: &'a Metadata,
    sections: Vec<Section>,
    captions: Vec<Caption>,
    related_links: Vec<Link>,
    stripped: Stripped,
    run: Run,
    title_seen: bool,
    /// The page's title, normalized once.
    title: Option<String>,
    /// What came from where, when explaining.
    trace: Option<Trace>,
    /// Where the paragraphs that read as date or reading-time lines are kept,
    /// as (section, block, element) in order, until the walk knows how many
    /// there are.
    date_lines: Vec<(usize, usize, Option<Ix>)>,
    /// Where the related links taken from link lists in the body are, as
    /// ranges of `related_links`, until the walk knows how many there are.
    body_list_links: Vec<std::ops::Range<usize>>,
    /// The article is made of links (a listing's cards, an index of
    /// posts): blocks of link text are its content, not link lists.
    links_are_content: bool,
    /// The page is made of sections that point on (a service page's
    /// features with their links, a reference's lists of its pages): a list
    /// of links, a paragraph that says more than its links, and a card's
    /// sentence linked whole, are content; a button's few words are not.
    linked_blocks_are_content: bool,
    /// What the page is: teaser cards are related links on an article.
    page_type: PageType,
    /// The heading levels the body sets only under its players, one bit per
    /// level: those headings are the players' captions.
    player_caption_levels: u8,
    /// The text pushed so far, as runs of words, read when a quote needs it.
    seen: quotes::SeenText,
    /// The section the last pseudo-heading opened.
    pseudo_section: Option<usize>,
    /// The section the last heading opened, and the heading's node.
    heading_at: Option<(usize, Ix)>,
    /// The heading read as the headline, and its level.
    headline_at: Option<(Ix, u8)>,
    /// The last heading taken out as a widget's label ("Up next"), and
    /// its level.
    label_at: Option<(Ix, u8)>,
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

    /// Counts a dropped block of chrome; when explaining, notes where and why.
    fn strip(&mut self, at: Option<Ix>, kind: Boilerplate, why: impl FnOnce() -> Evidence) {
        self.stripped.add(kind);
        if let Some(trace) = &mut self.trace {
            trace.dropped.push((at, kind, why()));
        }
    }

    /// When explaining, notes a node the record read as something.
    fn traced(&mut self, note: impl FnOnce(&mut Trace)) {
        if let Some(trace) = &mut self.trace {
            note(trace);
        }
    }

    fn push(&mut self, block: Block) {
        if let Some(section) = self.sections.last_mut() {
            section.blocks.push(block);
        }
    }

    /// The sub-heading set just before the article's first part, outside
    /// it, in a box that holds nothing else with text: a card's header over
    /// the card's body (`<h3 class=card-header>Origin</h3><div
    /// class=content>`), where the root found the body alone. Not the
    /// headline, nor a heading marked or inside a mark, nor a line beside
    /// more of the box (a dateline over the story, its share bar after).
    fn heading_before(&self, first: Ix) -> Option<(Ix, u8)> {
        let parent = self.node(first).parent;
        let mut q = first;
        // The previous sibling, past blank text: climb from the node just
        // before it.
        loop {
            if q <= parent + 1 {
                return None;
            }
            q -= 1;
            while self.node(q).parent != parent {
                q = self.node(q).parent;
            }
            if !(self.node(q).tag == Tag::Text && self.node(q).text_len == 0) {
                break;
            }
        }
        let Tag::Heading(level) = self.node(q).tag else {
            return None;
        };
        let marked = (q..self.end(q)).any(|d| self.marks.get(d).is_some());
        let mut alone = true;
        let mut c = parent + 1;
        while alone && c < self.end(parent) {
            alone =
                c == q || c == first || self.node(c).text_len == 0 || self.marks.get(c).is_some();
            c = self.end(c);
        }
        (level >= 2 && alone && Some(q) != self.headline && !marked && self.node(q).text_len > 0)
            .then_some((q, level))
    }

    fn article(&mut self, root: Ix) {
        let end = self.end(root);
        let mut i = root + 1;
        while i < end {
            if self.marks.get(i).is_some() {
                self.flush();
                self.marked_figure_captions(i);
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
                Tag::Heading(level) if self.player_caption_levels & (1 << level) != 0 => {
                    self.flush();
                    self.player_caption(i);
                    f.end
                }
                Tag::Heading(level) => {
                    self.flush();
                    self.heading(i, level);
                    f.end
                }
                Tag::P if self.is_pseudo_heading(i) || self.is_heading_styled_line(i) => {
                    self.flush();
                    self.pseudo_heading(i);
                    f.end
                }
                Tag::P if self.holds_captioned_image(i) => {
                    self.flush();
                    self.figure(i);
                    f.end
                }
                // `<picture><img alt="The pier"></picture><p>The pier</p>`.
                Tag::P if self.echoes_alt(i) => {
                    self.flush();
                    self.caption(i);
                    f.end
                }
                // A forum's posts laid out as list items: each is walked as
                // the post it is, not read as one item of a list.
                Tag::Ul | Tag::Ol | Tag::Li if self.holds_posts(i) => {
                    self.flush();
                    i + 1
                }
                Tag::P | Tag::Li => {
                    self.flush();
                    let text = self.flat(i);
                    self.paragraph(i, text, f.text_len, f.link_len);
                    f.end
                }
                Tag::Ul | Tag::Ol if self.is_numbered_tip(i) => {
                    self.flush();
                    self.pseudo_heading(i);
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
                    if self.repeats_text_above(&text) {
                        self.strip(Some(i), Boilerplate::Other, || {
                            Evidence::Rule("a quote of text shown above".into())
                        });
                    } else if !text.is_empty() {
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
                _ if self.is_caption(i) || self.echoes_alt(i) => {
                    self.flush();
                    self.caption(i);
                    f.end
                }
                Tag::Block if self.is_styled_heading(i) => {
                    self.flush();
                    self.pseudo_heading(i);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::content::find_parts;

    pub(super) fn body(src: &str) -> Body {
        body_as(src, PageType::Other)
    }

    /// [`body`] on a page already known to be of `page_type`.
    pub(super) fn body_as(src: &str, page_type: PageType) -> Body {
        let meta = Metadata {
            base: url::Url::parse("https://example.org/news/story").ok(),
            ..Metadata::default()
        };
        body_with(src, &meta, page_type)
    }

    /// The body of `src` built with `meta` as a page of `page_type`: the
    /// stages from the DOM to the blocks, the headline left to metadata.
    pub(super) fn body_with(src: &str, meta: &Metadata, page_type: PageType) -> Body {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let parts = find_parts(&html, &facts, &marks, None);
        build(&html, &facts, &marks, &parts, 0, None, meta, page_type)
    }

    pub(super) const P: &str = "The ferry service will resume on Monday after three weeks of repairs to \
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
    fn a_cards_header_over_the_body_found_heads_it() {
        // The root finds the card's body; its heading sits beside it. A
        // dateline over the story, beside more of the box, is no heading.
        let src = |head: &str, after: &str| {
            format!(
                "<body><div class=claim><h3>Claim</h3><p>Ferries run.</p></div>                 <div class=card>{head}<div class=content><p>{P}</p><p>{P}</p><p>{P}</p></div>                 {after}</div></body>"
            )
        };
        let heads = |b: Body| -> Vec<Option<String>> {
            b.sections.into_iter().map(|s| s.heading).collect()
        };
        let card = body(&src("<h3 class=card-header>Origin</h3>", ""));
        assert_eq!(heads(card), [Some("Origin".to_string())]);
        let dated = body(&src("<h6>Ankara</h6>", "<p>Reporting by Ann Smith</p>"));
        assert_eq!(heads(dated), [None]);
    }

    #[test]
    fn a_product_page_gets_the_description_its_tab_hides() {
        let src = "<body><div id=product><h1>White speckle mug</h1><p class=price>$60.00</p>\
            <button>Add to cart</button></div></body>";
        let mut meta = Metadata::default();
        meta.markup.product_description = Some(
            "<p>A wheel thrown, matte textured mug in a white speckle finish &amp; a clear \
             glazed interior.</p><p>Handmade stoneware.</p>"
                .into(),
        );
        let text = |src: &str, page_type| body_with(src, &meta, page_type).text;
        assert!(!text(src, PageType::Article).contains("wheel thrown"));
        let product = text(src, PageType::Product);
        assert!(product.contains("finish & a clear glazed interior.\n\nHandmade stoneware."));
        // Once shown, it is not added twice.
        let shown = src.replace(
            "</div></body>",
            "<p>A wheel thrown, matte textured mug in a white speckle finish and a clear \
             glazed interior. Handmade stoneware.</p></div></body>",
        );
        let text = text(&shown, PageType::Product);
        assert_eq!(text.matches("wheel thrown").count(), 1);
    }

    #[test]
    fn a_next_to_empty_body_gets_the_meta_description() {
        let src = "<body><div id=app><p>Menu</p><p>Desks</p><p>Chairs</p></div></body>";
        let meta = Metadata {
            description: Some(
                "Mesh office chairs built for the ways you live and work, with a lifetime \
                 guarantee."
                    .into(),
            ),
            ..Metadata::default()
        };
        let text = body_with(src, &meta, PageType::Collection).text;
        assert!(text.starts_with("Mesh office chairs built"), "{text}");
        // A body with text of its own keeps to it.
        let src = format!("<body><div id=app><p>{P}</p></div></body>");
        let text = body_with(&src, &meta, PageType::Collection).text;
        assert!(!text.contains("Mesh office"), "{text}");
    }

    #[test]
    fn a_post_that_is_all_headline_gives_its_headline_as_text() {
        // A link post: its title is all it says; the link and the poster
        // are chrome.
        let headline = "Regulator to shipping lines: ferries that skip the island \
            will lose their licence, the minister says";
        let post = format!(
            "<body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
             <div class=post><div class=credit><a href=/r/ships>r/ships</a></div>\
             <h1>{headline}</h1><a href=https://example.com/story>example.com</a></div></body>"
        );
        let text = |src: &str, with_headline: bool| {
            let html = Html::parse_document(src);
            let facts = Facts::compute(&html);
            let marks = classify(&html, &facts);
            let h = crate::content::headline(&html, &facts, &marks, Some(headline));
            assert!(h.is_some());
            let parts = find_parts(&html, &facts, &marks, h);
            let meta = Metadata::default();
            let h = h.filter(|_| with_headline);
            build(&html, &facts, &marks, &parts, 0, h, &meta, PageType::Forum).text
        };
        assert_eq!(text(&post, true), headline);
        assert_eq!(text(&post, false), "");
        // A post with a body of its own keeps to it.
        let post = post.replace("</h1>", &format!("</h1><p>{P}</p>"));
        assert_eq!(text(&post, true), P);
    }

    #[test]
    fn a_listing_page_keeps_its_lists_of_linked_titles() {
        let item = |n: u32| {
            format!(
                "<li><a href=/c/{n}>Evening course in boat building, part {n}</a> from May</li>"
            )
        };
        let items: String = (1..=5).map(item).collect();
        let src = format!(
            "<body><div id=main><p>{P}</p><p>{P}</p><p>{P}</p><ul>{items}</ul></div></body>"
        );
        let kept = |page_type| {
            body_with(&src, &Metadata::default(), page_type)
                .text
                .contains("boat building, part 3")
        };
        assert!(!kept(PageType::Article));
        assert!(kept(PageType::Listing));
    }

    #[test]
    fn a_listing_keeps_its_link_cards() {
        let card = |n: u32| {
            format!(
                "<div class=card><a href=/e/{n}><h3>Harbour open day number {n}</h3>\
                 <p>Tours of the pilot boats and the lifeboat station, with talks every hour.</p></a></div>"
            )
        };
        let b = body(&format!(
            "<body><div id=list>{}{}{}{}</div></body>",
            card(1),
            card(2),
            card(3),
            card(4)
        ));
        assert_eq!(
            b.text.matches("Tours of the pilot boats").count(),
            4,
            "{}",
            b.text
        );
    }
}
