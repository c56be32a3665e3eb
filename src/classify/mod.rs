//! Which parts of the page are boilerplate, and of what kind.
//!
//! Three kinds of evidence, cheapest first: the element's tag and ARIA role
//! (`nav`, `role=search`), the words of its class and id (`post-comments`,
//! `jp-relatedposts`), and the words of a short heading or label that opens a
//! block ("You May Also Like", "Leave a Reply", "Lesen Sie auch"). The last is
//! what catches markup with generated class names. Every decision is checked
//! against the share of the page's prose the element holds: a wrapper around
//! most of the text is the article, whatever its name says; and a comment
//! thread that is the whole page (a forum thread) is its content
//! ([`threads`]).
//!
//! Hands on [`Marks`]: per node, whether it starts or continues a boilerplate
//! region and of which kind. A few regions are boilerplate on one page type
//! only (a product page's customer reviews); they are held until the page
//! type is known ([`Marks::follow_page_type`]). When asked to explain ([`classify_explained`]),
//! it also notes for each region the evidence that decided it.

mod labels;
mod threads;
mod words;

use labels::*;
pub(crate) use labels::{
    boilerplate_line, is_or_starts_phrase, is_related_label, label, names_product_detail,
    starts_phrase,
};
pub(crate) use words::is_strong_ad_word;
use words::*;
pub(crate) use words::{Fnv, word_keys};

use crate::document::{Boilerplate, Stripped};
use crate::dom::{Facts, Ix, Tag, attr, class_words, is_heading, names_word, normalize_flat};
use crate::explain::Evidence;
use crate::heuristics::{
    ANCHOR_FUNCTION_WORDS, ANCHOR_MIN_WORDS, ARTICLE_CLASS_WORDS, ARTICLE_HEAD_MIN_PROSE_CHARS,
    ARTICLE_INTRO_MIN_PROSE_CHARS, BEM_ELEMENT_KINDS, BEM_ELEMENT_MARK, BOILERPLATE_LINE_MAX_CHARS,
    BOILERPLATE_LINES, BOLD_TAGS, CLASS_VARIANT_MARKS, CLASS_WORDS, CLOAK_ATTRIBUTES,
    COMMENT_HEADINGS, CONTENT_WORDS, COPY_LOOKBACK, COPY_MIN_CHARS, COUNTER_ITEMPROPS,
    DATA_TABLE_MIN_ROWS, DETAIL_TAB_SCAN_NODES, DROPDOWN_MENU_TAGS, EMBED_WORDS, FINE_PRINT_WORDS,
    FORM_MAX_ELEMENTS, GRID_CARD_MARK_MIN_SHARE, GRID_CONTROL_WORDS, HAVING_WORDS,
    HEADING_MAX_CHARS, ITEM_GRID_MIN_SHARE, ITEMS_CLASS_WORDS, LANDING_CARD_MIN_DESCRIPTION_CHARS,
    LANDING_CARDS_MIN, LANDING_SECTION_MIN_PROSE_CHARS, LARGE_SCREEN_ONLY_CLASSES, LAYOUT_WORDS,
    MENU_SCAN_DEPTH, PAGE_FOOTER_ROLE, PANEL_CLASS_WORDS, PANEL_ROLES, POPULAR_HEADINGS,
    POPUP_WORDS, PRODUCT_CLASS_WORDS, PROSELESS_KINDS, REGION_WORDS, RELATED_HEADINGS,
    RUNNING_TEXT_MIN_CHARS, SCREEN_BREAKPOINTS, SCREEN_CLASS_MAX_DEPTH, SCREEN_COPY_MIN_RATIO,
    SCREEN_COPY_MIN_SHARED, SCREEN_VARIANT_PREFIX, SECTION_HEADER_WORDS, SIZE_AXIS_WORDS,
    SIZE_VALUE_WORDS, SMALL_SCREEN_ONLY_CLASSES, STATE_SELF_PREFIXES, STATE_WORDS, Strength,
    TAB_PANEL_CLASS_WORDS, TEASER_MAX_PROSE_CHARS, TEASER_TITLE_MIN_CHARS, TOGGLE_SCAN_NODES,
    TOOLTIP_WORDS, UI_LABELS, WEAK_RELATED_HEADINGS, WEIGHTS,
};
use crate::page_type::PageType;
use scraper::{ElementRef, Html};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The boilerplate regions of a page.
#[derive(Default)]
pub(crate) struct Marks {
    /// The kind of the region a node heads, if it heads one.
    kind: Vec<Option<Boilerplate>>,
    /// Whether the node starts a region (counted once) rather than continuing
    /// the previous sibling's (a heading followed by its list).
    starts: Vec<bool>,
    /// Regions that are boilerplate only if the page is a product page
    /// ([`PRODUCT_CLASS_WORDS`]), marked by [`Marks::follow_page_type`].
    product_only: Vec<(Ix, Boilerplate)>,
    /// Regions that are boilerplate only if the page is a listing or a
    /// collection ([`ITEMS_CLASS_WORDS`]: its filters and facets), marked
    /// by [`Marks::follow_page_type`].
    items_only: Vec<(Ix, Boilerplate)>,
    /// Regions that are boilerplate only if the page is an article
    /// ([`ARTICLE_CLASS_WORDS`]: a call to action, a promo banner), marked
    /// by [`Marks::follow_page_type`].
    article_only: Vec<(Ix, Boilerplate)>,
    /// A thread held back from lifting because what lies beside it scores
    /// too much for any page; lifted once the page is known to be a forum
    /// ([`Marks::lift_forum_thread`]).
    thread: Option<threads::HeldThread>,
    /// The comment regions were lifted as the page's content: the page is
    /// a discussion, whatever else it declares ([`threads`]).
    thread_lifted: bool,
    /// The regions marked as copies of a section before them, in order.
    copies: Vec<Ix>,
    /// Weakly marked headers that head a section of the text (a landing
    /// page's "How it works" over its steps): unmarked by
    /// [`Marks::follow_page_type`] on the page types made of such sections.
    section_headers: Vec<Ix>,
    /// Weakly marked headers that hold the page's `h1` and a line or two
    /// (a category's name and intro, `category-header`): on a listing or
    /// a collection the heading and intro of its items, unmarked by
    /// [`Marks::follow_page_type`].
    items_headers: Vec<Ix>,
    /// Regions marked related by a label ("See also", "Related topics"):
    /// on a documentation page the pages it points the reader to are part
    /// of the text, on a listing the block labelled "More" or "Latest" is
    /// more of its items; unmarked by [`Marks::follow_page_type`]. Not on a
    /// collection: a shop's "Related searches" and "Recently viewed" are
    /// not its products.
    labelled_related: Vec<Ix>,
    /// Of those, the boxes whose first words are the related heading that
    /// marked them, nested in wrappers (`<div class=box><div class=items>
    /// <h3>Related</h3>`): opened by it, wherever they sit.
    headed_related: Vec<Ix>,
    /// Hidden regions that a page shows when the reader opens them (a tab,
    /// an accordion panel): a product's description and specifications, a
    /// landing page's answers. Marked hidden; unmarked by
    /// [`Marks::follow_page_type`]: folded panels on every page, tabs on
    /// the page types that show them.
    panels: Vec<(Ix, Panel)>,
    /// Regions marked navigation by a class or id word (`menu`, `nav`), or
    /// hidden by a class word, that hold sentences of prose all the same: a
    /// landing page names its sections after the menu of tabs that picks
    /// them (`lm_navSource`, `locations-menu-detail`) and folds its answers
    /// away with a utility class (`hidden`). Unmarked by [`Marks::follow_page_type`]
    /// on service pages, where every section is the content.
    landing_prose: Vec<Ix>,
    /// Of those, the regions hidden by a state word (`hidden`) after a
    /// sibling that shows their first lines ([`excerpts_unfolded`]), each with
    /// such a sibling: the whole of a text that a "Read more" unfolds (a
    /// shop's guide under its grid). On listings and collections, where
    /// that text is the page's intro, [`Marks::follow_page_type`] shows the
    /// whole and marks the excerpt a copy of it.
    folded_prose: Vec<(Ix, Ix)>,
    /// Regions marked by a class or id word (a menu, a promotion) that hold
    /// a grid of linked cards ([`holds_link_cards`]), as index ranges: on
    /// service pages the cards are a section of the page, and so are the
    /// regions marked inside them (each card named a promotion too).
    landing_cards: Vec<(Ix, Ix)>,
    /// Lines named by a weak word that were left unmarked because that
    /// word's elements hold too much of the page together: on a forum page
    /// a line under every post (its meta, `crawler-post-meta`) adds up so
    /// on a thread of short posts. Marked by [`Marks::follow_page_type`] on
    /// forum pages.
    forum_lines: Vec<(Ix, Boilerplate)>,
}

impl Marks {
    /// The kind of boilerplate region `ix` heads, if any (its subtree is inside it).
    pub(crate) fn get(&self, ix: Ix) -> Option<Boilerplate> {
        self.kind[ix as usize]
    }

    /// Clears the mark on `ix`: it heads no region, nor continues one.
    fn unmark(&mut self, ix: Ix) {
        self.kind[ix as usize] = None;
        self.starts[ix as usize] = false;
    }

    /// Settles what waited for the page type: shows the hidden panels a
    /// reader of the page opens in place ([`Panel::opens_on`]: on every page
    /// an accordion's answers, a story's fact box; on service and
    /// documentation pages their tabs too); on product pages, marks the regions
    /// that are boilerplate there only (reviews); on forum pages, lifts the
    /// thread held back and marks the meta lines under its posts.
    pub(crate) fn follow_page_type(&mut self, page_type: PageType) {
        for (i, panel) in std::mem::take(&mut self.panels) {
            if panel.opens_on(page_type) {
                self.unmark(i);
            }
        }
        match page_type {
            PageType::Article => {
                for (i, kind) in std::mem::take(&mut self.article_only) {
                    mark(self, i, kind);
                }
            }
            PageType::Product => {
                for (i, kind) in std::mem::take(&mut self.product_only) {
                    mark(self, i, kind);
                }
            }
            PageType::Service | PageType::Documentation => {
                if page_type == PageType::Documentation {
                    for i in std::mem::take(&mut self.labelled_related) {
                        self.unmark(i);
                    }
                }
                let prose = if page_type == PageType::Service {
                    std::mem::take(&mut self.landing_prose)
                } else {
                    Vec::new()
                };
                let cards = if page_type == PageType::Service {
                    std::mem::take(&mut self.landing_cards)
                } else {
                    Vec::new()
                };
                for i in cards.into_iter().flat_map(|(start, end)| start..end) {
                    self.unmark(i);
                }
                for i in std::mem::take(&mut self.section_headers)
                    .into_iter()
                    .chain(prose)
                {
                    if self.starts[i as usize] {
                        self.unmark(i);
                    }
                }
            }
            PageType::Forum => {
                self.lift_forum_thread();
                for (i, kind) in std::mem::take(&mut self.forum_lines) {
                    mark(self, i, kind);
                }
            }
            PageType::Listing | PageType::Collection => {
                // A listing is blocks of items under labels of their own.
                if page_type == PageType::Listing {
                    for i in std::mem::take(&mut self.labelled_related) {
                        self.unmark(i);
                    }
                }
                for (i, kind) in std::mem::take(&mut self.items_only) {
                    mark(self, i, kind);
                }
                for (i, excerpt) in std::mem::take(&mut self.folded_prose) {
                    if self.starts[i as usize] {
                        self.unmark(i);
                    }
                    // The excerpt gives way only to a whole now shown.
                    if self.kind[i as usize].is_none() && self.kind[excerpt as usize].is_none() {
                        mark(self, excerpt, Boilerplate::Other);
                        self.copies.push(excerpt);
                    }
                }
                for i in std::mem::take(&mut self.items_headers) {
                    if self.starts[i as usize]
                        && self.kind[i as usize] == Some(Boilerplate::Navigation)
                    {
                        self.unmark(i);
                    }
                }
            }
            _ => {}
        }
    }

    /// On a page of items, frees the page's largest run of cards (`grid`,
    /// the run's parent and the cards' text, from `page_type`) from the
    /// navigation and related regions around it: a shop names its product
    /// grid `related-product`, a recipe site's card list sits in a `more`
    /// block. Only where the cards hold as much text as the page shows
    /// several times over ([`ITEM_GRID_MIN_SHARE`]): then the regions around
    /// them held the page's items, and the rest is its chrome; or where every
    /// region around them is named for their pager ([`GRID_CONTROL_WORDS`]).
    /// Marks inside the cards, and regions beside the run, stay.
    pub(crate) fn keep_item_grid(&mut self, html: &Html, facts: &Facts, grid: Option<(Ix, u32)>) {
        let (Some((grid, card_text)), Some(body)) = (grid, facts.body()) else {
            return;
        };
        let freed = |kind: Option<Boilerplate>| {
            matches!(kind, Some(Boilerplate::Navigation | Boilerplate::Related))
        };
        // A box named for the pager of the items that holds the grid is the
        // grid's own wrapper ([`GRID_CONTROL_WORDS`]): whatever text lies
        // beside the items, the mark was the word's, not the box's.
        let names_controls = |i: Ix| {
            facts.element(html, i).is_some_and(|e| {
                names_word(e.value().attr("class"), e.value().id(), GRID_CONTROL_WORDS)
            })
        };
        let mut at = grid;
        let mut held = false;
        let mut controls_only = true;
        while at != body {
            match self.kind[at as usize] {
                k if freed(k) => {
                    held = true;
                    controls_only = controls_only && names_controls(at);
                }
                // Inside a region of another kind (a footer's ads, a modal):
                // the run is not the page's.
                Some(_) => return,
                None => {}
            }
            at = facts.nodes[at as usize].parent;
        }
        if !held
            || !controls_only
                && (card_text as f32)
                    < ITEM_GRID_MIN_SHARE * crate::content::shown_text(facts, self, body)
        {
            return;
        }
        let mut at = grid;
        while at != body {
            if freed(self.kind[at as usize]) {
                self.unmark(at);
            }
            at = facts.nodes[at as usize].parent;
        }
    }

    /// On a page of items, frees the cards of its largest run (`grid`, from
    /// `page_type`) that a class word marked whole: a shop tags its product
    /// cards `subscription-eligible` or `promo-card`, and those cards are
    /// its items like the rest. So does a card's blurb set in a second
    /// link that `aria-hidden` keeps from screen readers (they hear the
    /// title's link once), though every reader sees it. Only a mark that
    /// holds most of its card's text ([`GRID_CARD_MARK_MIN_SHARE`]) and names
    /// navigation, related links, ads, sharing or a hidden block; a part of a
    /// card (its share button, its hidden label) stays, and so does a grid
    /// inside a region.
    pub(crate) fn keep_grid_cards(&mut self, facts: &Facts, grid: Option<(Ix, u32)>) {
        let Some((grid, _)) = grid else {
            return;
        };
        if self.inside_a_region(facts, grid) {
            return;
        }
        let end = facts.nodes[grid as usize].end;
        let (mut i, mut card) = (grid + 1, grid);
        while i < end {
            let f = &facts.nodes[i as usize];
            if f.parent == grid {
                card = i;
            }
            let Some(kind) = self.kind[i as usize] else {
                i += 1;
                continue;
            };
            let whole = f.text_len as f32
                >= GRID_CARD_MARK_MIN_SHARE * facts.nodes[card as usize].text_len as f32;
            let named = matches!(
                kind,
                Boilerplate::Navigation
                    | Boilerplate::Related
                    | Boilerplate::Ads
                    | Boilerplate::Share
                    | Boilerplate::Other
            );
            if whole && named && f.text_len > 0 {
                self.unmark(i);
                i += 1;
            } else {
                i = f.end;
            }
        }
    }

    /// On a page of items, marks the repeats inside each card of its largest
    /// run (`grid`): a card that sets its title over the image and again
    /// under it, its price as the regular and the sale price at once (a
    /// style sheet shows one), or its whole text twice for two screen sizes.
    /// A reader sees each once. The element that holds nothing but a text
    /// the card has shown already is marked; the first stays.
    pub(crate) fn mark_card_copies(&mut self, html: &Html, facts: &Facts, grid: Option<(Ix, u32)>) {
        let Some((grid, _)) = grid else {
            return;
        };
        if self.inside_a_region(facts, grid) {
            return;
        }
        let mut seen: Vec<&str> = Vec::new();
        let end = facts.nodes[grid as usize].end;
        let mut i = grid + 1;
        while i < end {
            let f = &facts.nodes[i as usize];
            if f.parent == grid {
                seen.clear();
            }
            if self.kind[i as usize].is_some() {
                i = f.end;
                continue;
            }
            if f.tag == Tag::Text && f.text_len > 0 {
                let text = facts.text(html, i);
                let same = |t: &&str| t.split_whitespace().eq(text.split_whitespace());
                if seen.iter().any(same) {
                    // The outermost element below the card that holds only this text.
                    let mut at = f.parent;
                    while facts.nodes[at as usize].parent != grid
                        && facts.nodes[facts.nodes[at as usize].parent as usize].text_len
                            == f.text_len
                    {
                        at = facts.nodes[at as usize].parent;
                    }
                    if facts.nodes[at as usize].parent != grid
                        && facts.nodes[at as usize].text_len == f.text_len
                    {
                        mark(self, at, Boilerplate::Other);
                        i = facts.nodes[at as usize].end;
                        continue;
                    }
                } else {
                    seen.push(text);
                }
            }
            i += 1;
        }
    }

    /// On a product page, marks related the runs of cards (`runs`, their
    /// parents, from `page_type`) that lie beside the block holding the
    /// product's name (`headline`): a shop's "Similar items", "Customers
    /// also viewed" and sponsored carousels, whose cards outweigh a short
    /// product and would draw the root away from it. Runs that hold the
    /// headline, and runs inside boilerplate, stay as they are.
    pub(crate) fn mark_card_runs_beside(
        &mut self,
        facts: &Facts,
        runs: &[Ix],
        headline: Option<Ix>,
    ) {
        let Some(headline) = headline else {
            return;
        };
        for &run in runs {
            if !facts.contains(run, headline) && !self.inside_a_region(facts, run) {
                mark(self, run, Boilerplate::Related);
            }
        }
    }

    /// Whether `i` or one of its ancestors heads a region.
    fn inside_a_region(&self, facts: &Facts, mut i: Ix) -> bool {
        let Some(body) = facts.body() else {
            return false;
        };
        while i != body {
            if self.kind[i as usize].is_some() {
                return true;
            }
            let parent = facts.nodes[i as usize].parent;
            if parent == i {
                return false;
            }
            i = parent;
        }
        false
    }

    /// Whether `ix` heads a copy of a section before it ([`mark_copies`]):
    /// left out of the text, but weighed where the content is like the
    /// section it repeats, so that where the article is does not turn on
    /// which copies a page builder sent.
    pub(crate) fn is_copy(&self, ix: Ix) -> bool {
        self.copies.binary_search(&ix).is_ok()
    }

    /// Counts each outermost region inside `within` once, by kind.
    pub(crate) fn count(&self, facts: &Facts, within: Ix) -> Stripped {
        let mut stripped = Stripped::default();
        let end = facts.nodes[within as usize].end;
        let mut i = within + 1;
        while i < end {
            match self.kind[i as usize] {
                Some(kind) => {
                    if self.starts[i as usize] {
                        stripped.add(kind);
                    }
                    i = facts.nodes[i as usize].end;
                }
                None => i += 1,
            }
        }
        stripped
    }

    /// Outermost related regions, including those nested inside other
    /// boilerplate (a "Related posts" block inside the comment area's
    /// wrapper). Inside navigation (a sidebar, a rail) only a block that a
    /// related heading opens counts: a box that starts with the heading, or
    /// the heading and the related marks among the siblings after it
    /// ("Related" over a list of questions); other related marks there are
    /// site-wide widgets and menus, whatever they are called.
    pub(crate) fn related(&self, facts: &Facts) -> Vec<Ix> {
        let mut out = Vec::new();
        let mut i: Ix = 0;
        // Inside navigation until this node; the parent of the last related
        // heading read there, whose later children are its block.
        let (mut nav_end, mut heading_parent) = (0, None);
        while (i as usize) < self.kind.len() {
            let f = &facts.nodes[i as usize];
            match self.kind[i as usize] {
                Some(Boilerplate::Related) => {
                    if matches!(f.tag, Tag::Heading(_)) {
                        heading_parent = Some(f.parent);
                    }
                    // A box whose first element is a heading was opened by
                    // it; so was a box whose first words are the related
                    // heading that marked it, however deep the heading sits
                    // in the box's wrappers (`<div class=items><h3>`).
                    let headed = (i + 1..f.end)
                        .find(|&d| facts.nodes[d as usize].tag != Tag::Text)
                        .is_some_and(|d| matches!(facts.nodes[d as usize].tag, Tag::Heading(_)))
                        || self.headed_related.contains(&i);
                    // A "related" block with links by the dozen is a site-wide
                    // link farm (a footer, a guide rail), not teasers for this article.
                    if (i >= nav_end || headed || heading_parent == Some(f.parent))
                        && f.links <= WEIGHTS.related_max_links
                    {
                        out.push(i);
                    }
                    i = f.end;
                }
                Some(Boilerplate::Navigation) => {
                    nav_end = nav_end.max(f.end);
                    i += 1;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// Per node, summed over the subtree: characters of text flowing directly in
/// long, link-poor blocks (prose); the number of blocks that read as a
/// sentence (link-poor, at least [`Weights::sentence_min_chars`] long), and
/// their characters. Teasers, menus and labels have little of any; articles
/// have a lot.
///
/// [`Weights::sentence_min_chars`]: crate::heuristics::Weights::sentence_min_chars
struct Prose {
    chars: Vec<u32>,
    sentences: Vec<u32>,
    sentence_chars: Vec<u32>,
    /// Per node, the `h1`s in its subtree: a page's title heads its content,
    /// so a block that holds one is not a related block or a widget.
    h1s: Vec<u32>,
}

fn prose(facts: &Facts) -> Prose {
    let mut chars = vec![0u32; facts.nodes.len()];
    let mut sentences = vec![0u32; facts.nodes.len()];
    let mut sentence_chars = vec![0u32; facts.nodes.len()];
    let mut h1s = vec![0u32; facts.nodes.len()];
    for (i, n) in facts.nodes.iter().enumerate().rev() {
        if n.tag == Tag::Heading(1) {
            h1s[i] += 1;
        }
        // Code runs (IDs, URLs) are not words: a block of them is no prose.
        let text = n.own_text.saturating_sub(n.own_code);
        let link_poor = (n.own_link as f32) < WEIGHTS.max_paragraph_link_density * text as f32;
        if link_poor && text >= WEIGHTS.prose_min_block_chars {
            chars[i] += n.own_words();
        }
        if link_poor && text >= WEIGHTS.sentence_min_chars {
            sentences[i] += 1;
            sentence_chars[i] += n.own_words();
        }
        if i > 0 {
            chars[n.parent as usize] += chars[i];
            sentences[n.parent as usize] += sentences[i];
            sentence_chars[n.parent as usize] += sentence_chars[i];
            h1s[n.parent as usize] += h1s[i];
        }
    }
    Prose {
        chars,
        sentences,
        sentence_chars,
        h1s,
    }
}

/// One region's decision, as [`classify_explained`] notes it.
pub(crate) struct Note {
    /// The node that heads the region.
    pub at: Ix,
    pub kind: Boilerplate,
    pub evidence: Evidence,
    /// The outermost region around this one, if it is inside one.
    pub within: Option<Ix>,
}

pub(crate) fn classify(html: &Html, facts: &Facts) -> Marks {
    run(html, facts, None)
}

/// [`classify`], noting the evidence for every region it marks, in document
/// order, each with the outermost region around it, if any: the record
/// counts only the outermost (a search box inside a marked header is the
/// header's).
pub(crate) fn classify_explained(html: &Html, facts: &Facts) -> (Marks, Vec<Note>) {
    let mut notes = Vec::new();
    let marks = run(html, facts, Some(&mut notes));
    let mut outermost = Vec::new();
    if let Some(body) = facts.body() {
        let end = facts.nodes[body as usize].end;
        let mut i = body + 1;
        while i < end {
            if marks.get(i).is_some() {
                outermost.push(i);
                i = facts.nodes[i as usize].end;
            } else {
                i += 1;
            }
        }
    }
    notes.sort_by_key(|n| n.at);
    for note in &mut notes {
        // The last outermost region that starts at or before the note.
        let k = outermost.partition_point(|&o| o <= note.at);
        note.within = k
            .checked_sub(1)
            .map(|k| outermost[k])
            .filter(|&o| o != note.at && facts.contains(o, note.at));
    }
    (marks, notes)
}

fn run(html: &Html, facts: &Facts, mut notes: Option<&mut Vec<Note>>) -> Marks {
    let n = facts.nodes.len();
    let mut marks = Marks {
        kind: vec![None; n],
        starts: vec![false; n],
        ..Marks::default()
    };
    let Some(body) = facts.body() else {
        return marks;
    };
    let prose = prose(facts);
    let page_text =
        (facts.nodes[body as usize].text_len - facts.nodes[body as usize].link_len).max(1) as f32;
    let share = |i: Ix| {
        let f = &facts.nodes[i as usize];
        (f.text_len - f.link_len) as f32 / page_text
    };

    let end = facts.nodes[body as usize].end;
    let mut context = Context::default();
    let mut weak = WeakMarks::default();
    // Regions named by a word of [`ARTICLE_CLASS_WORDS`], and the word.
    let mut article_only: Vec<(Ix, Boilerplate, &'static str)> = Vec::new();
    // The outermost comment region marked so far.
    let mut thread: Option<Ix> = None;
    // Whether the page's `h1` came before the node at hand.
    let mut past_h1 = false;
    for i in body + 1..end {
        let fact = &facts.nodes[i as usize];
        if fact.tag == Tag::Text {
            continue;
        }
        let after_h1 = past_h1;
        past_h1 |= fact.tag == Tag::Heading(1);
        context.leave_until(facts, i);
        let Some(el) = facts.element(html, i) else {
            continue;
        };
        let mut by_type = ByPageType::Same;
        let markup = by_markup(el, fact.tag, &mut context, &mut by_type);
        // A heading drawn as a picture of its words ("Related") says more
        // than a weak word on its class (`class="section-header"`).
        let words = match markup {
            None => by_words(html, facts, i),
            Some((_, Strength::Weak, _))
                if matches!(fact.tag, Tag::Heading(_)) && fact.text_len == 0 =>
            {
                by_words(html, facts, i)
            }
            // So does a related block's heading whose class names only the
            // page's part it sits in ("Read more stories" in
            // `div.footer-recirc__header`): the words say what follows.
            Some((Boilerplate::Navigation, Strength::Weak, _))
                if !fact.has_block && fact.text_len > 0 =>
            {
                by_words(html, facts, i).filter(|&(kind, phrase)| {
                    kind == Boilerplate::Related && !WEAK_RELATED_HEADINGS.contains(&phrase)
                })
            }
            Some(_) => None,
        };
        // The page's only `h1` names no widget: "Latest News" over an
        // archive of the latest news is the page.
        let words = words.filter(|&(_, phrase)| {
            !(fact.tag == Tag::Heading(1)
                && prose.h1s[0] == 1
                && POPULAR_HEADINGS.contains(&phrase))
        });
        if words.is_none()
            && let Some((kind, strength, why)) = markup
        {
            // The share of the page's text the region may hold and still be
            // marked; `None` where it is never marked.
            let limit = match (kind, strength) {
                (Boilerplate::Comments, Strength::Strong) => Some(f32::INFINITY),
                _ if matches!(why, Why::Hidden(Concealed::Modal | Concealed::Popover)) => {
                    Some(f32::INFINITY)
                }
                // The landmark the page declares its footer: its fine print
                // is not the page, however much of the text it holds.
                _ if matches!(why, Why::Role(r) if r.trim().eq_ignore_ascii_case(PAGE_FOOTER_ROLE)) => {
                    Some(f32::INFINITY)
                }
                // A region word (`sidebar`) also names a layout's columns
                // (`sidebar-content`, the story beside the widgets): held to
                // a weak word's share.
                // One that holds the page's `<main>` names the layout around
                // it (`content-sidebar-wrap`): a sidebar sits beside the
                // main landmark, never around it, so that one is never marked.
                (_, Strength::Strong) if matches!(why, Why::Class(w) | Why::Id(w) if REGION_WORDS.contains(&w)) =>
                {
                    let around_main = facts.main().is_some_and(|m| m != i && facts.contains(i, m));
                    (!around_main).then_some(WEIGHTS.weak_mark_max_share)
                }
                // Fine print marks as a box of notes, never as a lone line.
                _ if matches!(why, Why::Class(w) | Why::Id(w) if FINE_PRINT_WORDS.contains(&w))
                    && !fact.has_block =>
                {
                    None
                }
                // A weak word on a table of data names the table's own
                // header or footer row, not the page's.
                (_, Strength::Weak)
                    if fact.tag == Tag::Table
                        && matches!(why, Why::Class(_) | Why::Id(_))
                        && holds_rows(facts, i, DATA_TABLE_MIN_ROWS) =>
                {
                    None
                }
                (_, Strength::Strong) => Some(WEIGHTS.mark_max_share),
                (_, Strength::Weak) => Some(WEIGHTS.weak_mark_max_share),
            };
            // Ads and share bars hold no sentences of text to speak of; a
            // `paywall` wrapper around the rest of the story does, however
            // short its paragraphs, and so does a post named after its tags
            // (`tag-social-media`). A weak word (`modal`, `popup`) is marked
            // whatever it holds: a consent pop-up is all sentences.
            // A form that asks for nothing telling (no text box, search or
            // e-mail field) around sentences in a comment thread is the
            // posts wrapped for moderation, not a form of the chrome.
            // A menu holds no paragraphs: a block named for one (a page's
            // sections classed after the in-page menu that leads to them,
            // `content-nav-section`) that holds paragraphs of prose is the
            // page's. Not a layout region's word (`sidebar`): a sidebar's
            // teasers and author box are paragraphs too.
            let prose_kind = (PROSELESS_KINDS.contains(&kind) && strength == Strength::Strong)
                || (kind == Boilerplate::Navigation
                    && strength == Strength::Strong
                    && matches!(why, Why::Class(w) | Why::Id(w) if !REGION_WORDS.contains(&w))
                    && prose.chars[i as usize] > WEIGHTS.region_max_prose_chars)
                || (matches!(why, Why::Tag("form"))
                    && thread.is_some_and(|t| facts.contains(t, i)));
            if limit.is_some_and(|limit| share(i) <= limit)
                && !(prose_kind
                    && prose.sentence_chars[i as usize] > WEIGHTS.region_max_prose_chars)
            {
                let evidence = notes.is_some().then(|| why.evidence());
                match strength {
                    Strength::Strong => {
                        let marked = mark(&mut marks, i, kind);
                        if marked
                            && (prose.sentence_chars[i as usize] > LANDING_SECTION_MIN_PROSE_CHARS
                                && names_a_landing_section(kind, why, el))
                        {
                            marks.landing_prose.push(i);
                            if matches!(why, Why::Class(w) | Why::Id(w) if STATE_WORDS.contains(&w))
                            {
                                let excerpts = excerpts_unfolded(html, facts, i);
                                marks.folded_prose.extend(excerpts.map(|c| (i, c)));
                            }
                        }
                        if marked
                            && matches!(why, Why::Class(_) | Why::Id(_))
                            && holds_link_cards(facts, i)
                        {
                            marks.landing_cards.push((i, fact.end));
                        }
                        if kind == Boilerplate::Comments
                            && !thread.is_some_and(|t| facts.contains(t, i))
                        {
                            thread = Some(i);
                        }
                        note(&mut notes, marked, || Note {
                            at: i,
                            kind,
                            evidence: evidence.expect("noted only when explaining"),
                            within: None,
                        });
                    }
                    // A weak word on a heading's own link or span
                    // (`<h3><a class="header" href="#…">`) names the
                    // heading's part, not a region of the page.
                    Strength::Weak
                        if matches!(facts.nodes[fact.parent as usize].tag, Tag::Heading(_)) => {}
                    // Nor does one on a link in a sentence: the text runs
                    // on around it.
                    Strength::Weak if fact.tag == Tag::A && runs_in_text(facts, i) => {}
                    // An inline box named a tooltip is the term the tip
                    // explains, set in its sentence, its bubble inside it.
                    Strength::Weak
                        if fact.tag.is_inline()
                            && TOOLTIP_WORDS.contains(&weak_word(el, fact.tag, &mut context)) => {}
                    Strength::Weak => {
                        let word = weak_word(el, fact.tag, &mut context);
                        let header = SECTION_HEADER_WORDS.contains(&word);
                        // A heading classed a header (`h3.card-header`,
                        // `h2.section-header`), or a header box that holds
                        // nothing but a section's heading (an accordion item's
                        // `div.card-header`), names its heading: it heads a
                        // part of the text, it holds no page chrome.
                        let names_its_heading = header
                            && (matches!(fact.tag, Tag::Heading(_)) || wraps_a_heading(facts, i));
                        // A header box that holds the page's title and the
                        // paragraphs that open the text under it (a reference
                        // page's `layout__header`, a category's intro) is the
                        // article's head: a site's header holds no sentences.
                        let heads_the_article = header
                            && prose.h1s[i as usize] > 0
                            && prose.sentence_chars[i as usize] > ARTICLE_HEAD_MIN_PROSE_CHARS;
                        // One after the page's title that holds paragraphs
                        // (a list article's `listicle-header`) is the text's
                        // intro: the site's header sits above the title.
                        let opens_the_text = header
                            && after_h1
                            && prose.sentence_chars[i as usize] > ARTICLE_INTRO_MIN_PROSE_CHARS;
                        if opens_the_text {
                            // Unmarked, the intro still counts toward its
                            // word's total: whether the word is the page's
                            // layout does not hang on it.
                            weak.count(facts, i, word);
                        } else if !names_its_heading && !heads_the_article {
                            if header && heads_a_section(facts, i) {
                                marks.section_headers.push(i);
                            }
                            if header && heads_the_items(facts, i) {
                                marks.items_headers.push(i);
                            }
                            weak.add(facts, i, kind, word, evidence);
                        }
                    }
                }
            } else if strength == Strength::Weak && limit.is_none_or(|limit| share(i) > limit) {
                // Too large to be marked, the element still counts toward
                // its word's total: a word on a block that holds much of the
                // page (a page builder's `elementor-widget-container` around
                // the body) is the layout around the smaller ones too.
                let word = weak_word(el, fact.tag, &mut context);
                weak.count(facts, i, word);
            } else if strength == Strength::Strong
                && matches!(why, Why::Class(w) if STATE_WORDS.contains(&w))
                && by_type == ByPageType::Same
            {
                // Classed hidden, yet holding most of the page: on most
                // pages the article a script reveals; on a product page the
                // shop's hidden data (variants, price tiers, image lists)
                // beside the product shown. Not a block hidden by its style
                // or attribute: a shop defers its product's own blocks so.
                by_type = ByPageType::ProductBoilerplate(kind);
            }
        } else if let Some((kind, phrase)) = words {
            // A label that is nothing but a related-block heading ("Lesen Sie
            // auch"), set as a plain block, may name a single teaser; a real
            // heading may open a section of the text that holds a link.
            let lone_label = kind == Boilerplate::Related
                && phrase_is_whole_label(html, facts, i)
                && !matches!(fact.tag, Tag::Heading(_));
            let region = mark_region(
                &mut marks,
                facts,
                &prose,
                &share,
                (i, kind, phrase),
                lone_label,
            );
            if kind == Boilerplate::Related {
                if let Some(&top) = region.first()
                    && matches!(fact.tag, Tag::Heading(_))
                    && first_words(facts, top) == Some(i)
                {
                    marks.headed_related.push(top);
                }
                marks.labelled_related.extend_from_slice(&region);
            }
            if let Some(notes) = notes.as_deref_mut() {
                notes.extend(region.into_iter().map(|at| Note {
                    at,
                    kind,
                    evidence: Evidence::Label(phrase.into()),
                    within: None,
                }));
            }
        }
        match by_type {
            ByPageType::Same => {}
            ByPageType::ProductBoilerplate(kind) => marks.product_only.push((i, kind)),
            // Filters are a few lines beside the items, never most of the page.
            ByPageType::ItemsBoilerplate(kind) if share(i) <= WEIGHTS.weak_mark_max_share => {
                marks.items_only.push((i, kind))
            }
            ByPageType::ItemsBoilerplate(_) => {}
            // A promotion in a story is a small box beside its paragraphs:
            // not the hero that holds the `h1`, not more than a box's text,
            // and held to a weak word's shares, each box and all the word's
            // boxes together (a landing page's run of call-to-action cards).
            ByPageType::ArticleBoilerplate(kind, word) => {
                if share(i) <= WEIGHTS.weak_mark_max_share
                    && fact.text_len - fact.link_len <= WEIGHTS.region_max_prose_chars
                    && prose.h1s[i as usize] == 0
                {
                    article_only.push((i, kind, word));
                }
                weak.count(facts, i, word);
            }
            ByPageType::Content(panel) if marks.get(i).is_some() => marks.panels.push((i, panel)),
            ByPageType::Content(_) => {}
        }
        if matches!(fact.tag, Tag::Article | Tag::Main) {
            context.enter(facts, i);
        }
    }
    marks.article_only = article_only
        .into_iter()
        .filter(|&(_, _, word)| weak.within_share(word, page_text))
        .map(|(i, kind, _)| (i, kind))
        .collect();
    weak.apply(&mut marks, facts, page_text, &mut notes);
    threads::lift_thread_marks(&mut marks, html, facts, body);
    mark_copies(&mut marks, html, facts, body, &mut notes);
    marks
}

/// The first heading or run of visible text inside `i`: what a reader
/// reads first in the box.
fn first_words(facts: &Facts, i: Ix) -> Option<Ix> {
    (i + 1..facts.nodes[i as usize].end).find(|&d| {
        let n = &facts.nodes[d as usize];
        matches!(n.tag, Tag::Heading(_)) || (n.tag == Tag::Text && n.text_len > 0)
    })
}

/// Marks the sections (`div`, `section`, `main`, `article`) that repeat a
/// sibling before them word for word: the same section laid out again for
/// another screen size, of which a reader sees one. The first copy stays,
/// unless a state class hides it and not the other (a template's hidden
/// copy of the post beside the one shown).
fn mark_copies(
    marks: &mut Marks,
    html: &Html,
    facts: &Facts,
    body: Ix,
    notes: &mut Option<&mut Vec<Note>>,
) {
    let end = facts.nodes[body as usize].end;
    let mut parent = body;
    while parent < end {
        let p = &facts.nodes[parent as usize];
        if parent != body && marks.get(parent).is_some() {
            parent = p.end;
            continue;
        }
        if p.has_block && p.text_len >= 2 * COPY_MIN_CHARS {
            // The last siblings with text enough, newest first.
            let mut recent = [None::<Ix>; COPY_LOOKBACK];
            let mut c = parent + 1;
            while c < p.end {
                let f = &facts.nodes[c as usize];
                // Sections are laid out in plain containers; a repeated
                // paragraph or list item is the text's own (a plan's days).
                if matches!(f.tag, Tag::Block | Tag::Main | Tag::Article)
                    && f.text_len >= COPY_MIN_CHARS
                    && marks.get(c).is_none()
                {
                    let copied = recent.iter().position(|r| {
                        r.is_some_and(|r| {
                            same_text(html, facts, r, c) || screen_copy(html, facts, r, c)
                        })
                    });
                    if let Some(slot) = copied {
                        // The copy a class hides goes, whichever comes first.
                        let mut copy = c;
                        if let Some(r) = recent[slot]
                            && screen_of(html, facts, r) == Some(Screen::Hidden)
                        {
                            (copy, recent[slot]) = (r, Some(c));
                        }
                        mark(marks, copy, Boilerplate::Other);
                        marks.copies.push(copy);
                        note(notes, true, || Note {
                            at: copy,
                            kind: Boilerplate::Other,
                            evidence: Evidence::Rule("a copy of a section before it".into()),
                            within: None,
                        });
                    } else {
                        recent.rotate_right(1);
                        recent[0] = Some(c);
                    }
                }
                c = f.end;
            }
        }
        parent += 1;
    }
    marks.copies.sort_unstable();
}

/// Whether section `b` is section `a` laid out for the other screen size:
/// one is shown on small screens only and the other on large screens only,
/// and their texts are near the same length (a phone's accordion of the
/// desktop's headed sections). A section hidden by a state class is a
/// copy of one shown, as if shown on no screen.
fn screen_copy(html: &Html, facts: &Facts, a: Ix, b: Ix) -> bool {
    let (la, lb) = (
        facts.nodes[a as usize].text_len,
        facts.nodes[b as usize].text_len,
    );
    if (la.min(lb) as f32) < SCREEN_COPY_MIN_RATIO * la.max(lb) as f32 {
        return false;
    }
    let other_screen = match (screen_of(html, facts, a), screen_of(html, facts, b)) {
        // A builder's variant answers to another variant only: a
        // framework's breakpoint classes say nothing of its sets.
        (Some(Screen::Variant(x, names)), Some(Screen::Variant(y, other_names))) => {
            x != y && names == other_names
        }
        (Some(Screen::Variant(..)), _) | (_, Some(Screen::Variant(..))) => false,
        // A copy hidden by its state class answers to a section shown.
        (Some(Screen::Hidden), Some(Screen::Hidden)) => false,
        (Some(Screen::Hidden), _) | (_, Some(Screen::Hidden)) => true,
        (Some(x), Some(y)) => x != y,
        _ => false,
    };
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    other_screen && shows_within(html, facts, short, long)
}

/// Whether the words of `short` are the words of `long`, nearly all of
/// them ([`SCREEN_COPY_MIN_SHARED`]), case aside and in whatever order: the
/// other layout moves a line or sets a heading as a button.
fn shows_within(html: &Html, facts: &Facts, short: Ix, long: Ix) -> bool {
    let words = |i: Ix| {
        (i..facts.nodes[i as usize].end)
            .filter(|&t| facts.nodes[t as usize].tag == Tag::Text)
            .flat_map(|t| word_keys(facts.text(html, t)))
    };
    let known: std::collections::HashSet<u64, BuildHasherDefault<Fnv>> = words(long).collect();
    let (mut shared, mut all) = (0usize, 0usize);
    for w in words(short) {
        all += 1;
        shared += usize::from(known.contains(&w));
    }
    all > 0 && shared as f32 >= SCREEN_COPY_MIN_SHARED * all as f32
}

/// Whether `i` sits in an element shown on small screens only (phones): a
/// phone-only box repeats a block the page shows elsewhere for larger
/// screens, or is a widget of the phone layout.
pub(crate) fn on_small_screens_only(html: &Html, facts: &Facts, i: Ix) -> bool {
    let mut e = i;
    loop {
        let class = facts
            .element(html, e)
            .and_then(|el| el.value().attr("class"));
        if class.and_then(screen_only) == Some(Screen::Small) {
            return true;
        }
        let parent = facts.nodes[e as usize].parent;
        if parent == e {
            return false;
        }
        e = parent;
    }
}

/// The screens a section is shown on, by its own classes or those of the
/// element it wraps alone (the child that holds all of its text).
fn screen_of(html: &Html, facts: &Facts, i: Ix) -> Option<Screen> {
    let len = facts.nodes[i as usize].text_len;
    let mut e = i;
    for _ in 0..SCREEN_CLASS_MAX_DEPTH {
        let class = facts
            .element(html, e)
            .and_then(|el| el.value().attr("class"));
        if let Some(screen) = class.and_then(screen_only) {
            return Some(screen);
        }
        // The first child element, past blank text, if it holds all the text.
        let mut c = e + 1;
        while c < facts.nodes[e as usize].end && facts.nodes[c as usize].tag == Tag::Text {
            if facts.nodes[c as usize].text_len > 0 {
                return None;
            }
            c += 1;
        }
        if c >= facts.nodes[e as usize].end || facts.nodes[c as usize].text_len != len {
            return None;
        }
        e = c;
    }
    None
}

/// Whether two subtrees show the same text, whitespace aside.
fn same_text(html: &Html, facts: &Facts, a: Ix, b: Ix) -> bool {
    let (fa, fb) = (&facts.nodes[a as usize], &facts.nodes[b as usize]);
    if fa.text_len != fb.text_len || fa.link_len != fb.link_len {
        return false;
    }
    let chars = |i: Ix| {
        (i..facts.nodes[i as usize].end)
            .filter(|&t| facts.nodes[t as usize].tag == Tag::Text)
            .flat_map(|t| facts.text(html, t).chars())
            .filter(|ch| !ch.is_whitespace())
    };
    chars(a).eq(chars(b))
}

/// Weak marks wait for the whole page: when the elements weakly marked by
/// one word hold most of the page's text together, the word that marks them
/// is the page's layout (a page builder's `elementor-widget` or
/// `widget-span` around every section), not the role of a few blocks.
#[derive(Default)]
struct WeakMarks {
    /// The elements, their kind, the word, and the evidence when explaining.
    pending: Vec<(Ix, Boilerplate, &'static str, Option<Evidence>)>,
    /// Per word, the non-link text of the outermost elements it names (those
    /// too large to mark too), and
    /// where the last of them ends (a nested one is not counted twice).
    totals: HashMap<&'static str, (u32, Ix)>,
}

impl WeakMarks {
    fn add(
        &mut self,
        facts: &Facts,
        i: Ix,
        kind: Boilerplate,
        word: &'static str,
        evidence: Option<Evidence>,
    ) {
        self.pending.push((i, kind, word, evidence));
        self.count(facts, i, word);
    }

    /// Adds `i`'s text to its word's total, unless it lies in an element
    /// counted already.
    fn count(&mut self, facts: &Facts, i: Ix, word: &'static str) {
        let f = &facts.nodes[i as usize];
        let (total, end) = self.totals.entry(word).or_default();
        if i >= *end {
            *total += f.text_len - f.link_len;
            *end = f.end;
        }
    }

    /// Whether the elements `word` names hold little enough of the page
    /// together to be marked.
    fn within_share(&self, word: &str, page_text: f32) -> bool {
        let total = self.totals.get(word).map_or(0, |t| t.0);
        total as f32 <= WEIGHTS.weak_kind_max_share * page_text
    }

    fn apply(
        mut self,
        marks: &mut Marks,
        facts: &Facts,
        page_text: f32,
        notes: &mut Option<&mut Vec<Note>>,
    ) {
        for (i, kind, word, evidence) in std::mem::take(&mut self.pending) {
            if self.within_share(word, page_text) || POPUP_WORDS.contains(&word) {
                let marked = mark(marks, i, kind);
                if marked && holds_link_cards(facts, i) {
                    marks.landing_cards.push((i, facts.nodes[i as usize].end));
                }
                if let (Some(evidence), true) = (evidence, marked) {
                    note(notes, true, || Note {
                        at: i,
                        kind,
                        evidence,
                        within: None,
                    });
                }
            } else if !facts.nodes[i as usize].has_block {
                // Too much text together for chrome: yet a line under every
                // post of a thread (`crawler-post-meta`) sums to much of a
                // page of short posts and is no layout around them.
                marks.forum_lines.push((i, kind));
            }
        }
    }
}

/// Whether the inline element `i` (a link) runs in a sentence: the block
/// it flows in holds [`RUNNING_TEXT_MIN_CHARS`] of unlinked text of its own.
fn runs_in_text(facts: &Facts, i: Ix) -> bool {
    let mut b = i;
    while facts.nodes[b as usize].tag.is_inline() {
        let parent = facts.nodes[b as usize].parent;
        if parent == b {
            return false;
        }
        b = parent;
    }
    facts.nodes[b as usize].own_words() >= RUNNING_TEXT_MIN_CHARS
}

/// Marks `i` as heading a region of `kind`, unless it is in one already;
/// whether it was marked.
fn mark(marks: &mut Marks, i: Ix, kind: Boilerplate) -> bool {
    let fresh = marks.kind[i as usize].is_none();
    if fresh {
        marks.kind[i as usize] = Some(kind);
        marks.starts[i as usize] = true;
    }
    fresh
}

/// Records a note when explaining; the note is built only then.
fn note(notes: &mut Option<&mut Vec<Note>>, marked: bool, make: impl FnOnce() -> Note) {
    if let Some(notes) = notes.as_deref_mut()
        && marked
    {
        notes.push(make());
    }
}

/// Why [`by_markup`] named a kind: borrowed from the page or the word lists,
/// so deciding costs nothing; turned into an [`Evidence`] only when explaining.
#[derive(Clone, Copy)]
enum Why<'a> {
    Hidden(Concealed),
    Role(&'a str),
    Itemprop,
    Tag(&'static str),
    Form(&'static str),
    Class(&'static str),
    Id(&'static str),
}

impl Why<'_> {
    fn evidence(self) -> Evidence {
        match self {
            Why::Hidden(how) => Evidence::Hidden(how.attribute().into()),
            Why::Role(role) => Evidence::Role(role.trim().to_ascii_lowercase().into()),
            Why::Itemprop => Evidence::Rule("a counter its itemprop declares".into()),
            Why::Tag(tag) => Evidence::Tag(tag.into()),
            Why::Form(field) => Evidence::Form(field.into()),
            Why::Class(word) => Evidence::Class(word.into()),
            Why::Id(word) => Evidence::Id(word.into()),
        }
    }
}

/// How the markup hides an element from readers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Concealed {
    Hidden,
    AriaHidden,
    /// A modal dialog: closed until the reader opens it.
    Modal,
    /// A popover (`<div popover>`): the browser shows it only once a
    /// button or script opens it (an app's install steps, a menu).
    Popover,
    Style,
    /// A script framework's cloak (`ng-cloak`, `x-cloak`): hidden
    /// by the framework's style until its script has run and filled in
    /// the element's template (`{{ errors[3].message }}`), and then shown
    /// only where the script says so.
    Cloak,
}

impl Concealed {
    /// The attribute that says so, as the explain view names it.
    fn attribute(self) -> &'static str {
        match self {
            Concealed::Hidden => "hidden",
            Concealed::AriaHidden => "aria-hidden",
            Concealed::Modal => "aria-modal",
            Concealed::Popover => "popover",
            Concealed::Style => "style",
            Concealed::Cloak => "cloak",
        }
    }
}

/// Which `article`/`main` elements enclose the current node: site chrome
/// tags (`header`, `footer`, `aside`) mean something else inside them.
#[derive(Default)]
struct Context<'a> {
    open: Vec<Ix>,
    classes: ClassCache<'a>,
}

impl Context<'_> {
    fn enter(&mut self, _facts: &Facts, i: Ix) {
        self.open.push(i);
    }

    fn leave_until(&mut self, facts: &Facts, i: Ix) {
        while let Some(&top) = self.open.last() {
            if facts.contains(top, i) {
                break;
            }
            self.open.pop();
        }
    }

    fn in_article(&self) -> bool {
        !self.open.is_empty()
    }
}

/// The attributes classification reads, gathered in one pass over the
/// element's attributes (looking each up by name costs a hash per call).
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    style: Option<&'a str>,
    itemprop: Option<&'a str>,
    hidden: bool,
    popover: bool,
    aria_hidden: bool,
    /// `aria-modal`: `Some(true)` for a modal dialog, `Some(false)` for a
    /// panel that says it is not one.
    aria_modal: Option<bool>,
    /// A script framework's cloak attribute ([`CLOAK_ATTRIBUTES`]).
    cloak: bool,
}

impl<'a> Attrs<'a> {
    fn of(el: ElementRef<'a>) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in el.value().attrs() {
            match name {
                "class" => a.class = Some(value),
                "id" => a.id = Some(value),
                "role" => a.role = Some(value),
                "style" => a.style = Some(value),
                "itemprop" => a.itemprop = Some(value),
                "hidden" => a.hidden = true,
                "popover" => a.popover = true,
                "aria-hidden" => a.aria_hidden = value == "true",
                "aria-modal" => a.aria_modal = Some(value == "true"),
                _ if CLOAK_ATTRIBUTES.contains(&name) => a.cloak = true,
                _ => {}
            }
        }
        a
    }
}

/// What an element's markup says once the page type is known, beyond what
/// it says on any page.
#[derive(Clone, Copy, PartialEq)]
enum ByPageType {
    Same,
    /// Boilerplate of this kind on a product page only
    /// ([`PRODUCT_CLASS_WORDS`]).
    ProductBoilerplate(Boilerplate),
    /// Boilerplate of this kind on a listing or collection page only
    /// ([`ITEMS_CLASS_WORDS`]).
    ItemsBoilerplate(Boilerplate),
    /// Boilerplate of this kind on an article page only
    /// ([`ARTICLE_CLASS_WORDS`]).
    ArticleBoilerplate(Boilerplate, &'static str),
    /// Content, though hidden: a closed tab or accordion panel.
    Content(Panel),
}

/// Evidence from the element's own markup: tag, role, hidden-ness, class and
/// id. What it says on some page types only is left in `by_type`.
fn by_markup<'a>(
    el: ElementRef<'a>,
    tag: Tag,
    context: &mut Context<'a>,
    by_type: &mut ByPageType,
) -> Option<(Boilerplate, Strength, Why<'a>)> {
    use Boilerplate::*;
    use Strength::*;
    let attrs = Attrs::of(el);
    // A modal dialog (a policy, a sign-up, a quick view) or a popover
    // stays closed until the reader opens it, whatever it holds.
    // A streamed segment is hidden only until the page's script moves it
    // into the place its placeholder holds: it is the page.
    let hidden = if attrs.hidden && attrs.id.is_some_and(is_streamed_segment) {
        None
    } else if attrs.hidden {
        Some(Concealed::Hidden)
    } else if attrs.aria_hidden {
        Some(Concealed::AriaHidden)
    } else if attrs.aria_modal == Some(true) {
        Some(Concealed::Modal)
    } else if attrs.popover {
        Some(Concealed::Popover)
    } else if attrs.style.is_some_and(is_hidden_style) {
        Some(Concealed::Style)
    } else if attrs.cloak {
        Some(Concealed::Cloak)
    } else {
        None
    };
    if let Some(how) = hidden {
        let in_place = !matches!(how, Concealed::Modal | Concealed::Popover);
        // A figure kept from screen readers is a picture drawn in markup (a
        // form or an app shown as the section's illustration), whatever
        // widget its class names: no reader opens it.
        let picture = tag == Tag::Figure && how == Concealed::AriaHidden;
        if !picture
            && let Some(panel) = panel(&attrs)
                .map(|p| match p {
                    Panel::Tab if opens_with_detail_heading(el) => Panel::DetailTab,
                    p => p,
                })
                .or_else(|| (in_place && follows_its_toggle(el)).then_some(Panel::Folded))
                .or_else(|| {
                    (in_place && tag == Tag::Block && follows_a_heading(el))
                        .then_some(Panel::Answer)
                })
        {
            *by_type = ByPageType::Content(panel);
        }
        return Some((Other, Strong, Why::Hidden(how)));
    }
    // A counter the markup declares (a post's likes, a story's shares): a
    // tally of the readers, not the text.
    if attrs
        .itemprop
        .is_some_and(|prop| COUNTER_ITEMPROPS.contains(&prop))
    {
        return Some((Other, Strong, Why::Itemprop));
    }
    if let Some(role) = attrs.role {
        let why = Why::Role(role);
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "banner" | "search" | PAGE_FOOTER_ROLE => {
                return Some((Navigation, Strong, why));
            }
            "complementary" if !context.in_article() => return Some((Navigation, Strong, why)),
            // A sheet or panel that says it is not modal (`aria-modal=false`)
            // opens in place: a product's description, a tab.
            "alertdialog" | "dialog" if attrs.aria_modal != Some(false) => {
                return Some((Ads, Weak, why));
            }
            _ => {}
        }
    }
    // A heading's anchor (`id="more-about-the-settings"`) names the
    // heading's words, not the element's role.
    let id = attrs.id.filter(|id| !is_heading_anchor(id));
    let (class, id) = (context.classes.words(attrs.class), NameWords::of(id));
    if let Some(kind) = class.product.or(id.product)
        && !matches!(tag, Tag::Body | Tag::Main)
    {
        *by_type = ByPageType::ProductBoilerplate(kind);
    } else if let Some(kind) = class.items.or(id.items)
        && !(class.content || id.content)
        && !matches!(tag, Tag::Body | Tag::Main)
    {
        *by_type = ByPageType::ItemsBoilerplate(kind);
    } else if let Some((kind, word)) = class.article.or(id.article)
        && !(class.content || id.content)
        && !matches!(tag, Tag::Body | Tag::Main)
    {
        *by_type = ByPageType::ArticleBoilerplate(kind, word);
    }
    let by_class = class_and_id(class, id);
    let by_tag = match tag {
        Tag::Nav => Some((Navigation, Strong, Why::Tag("nav"))),
        Tag::Header if !context.in_article() => Some((Navigation, Weak, Why::Tag("header"))),
        Tag::Footer if context.in_article() => Some((Other, Strong, Why::Tag("footer"))),
        Tag::Footer => Some((Navigation, Strong, Why::Tag("footer"))),
        Tag::Aside if !context.in_article() => Some((Navigation, Strong, Why::Tag("aside"))),
        Tag::Form => form_kind(el, by_class),
        _ => None,
    };
    match (by_tag, by_class) {
        // The page's main wrappers are never boilerplate because of a class
        // name (`<body class="has-sidebar">`, `<main class="site-main">`).
        (_, _) if matches!(tag, Tag::Body | Tag::Main) => None,
        (Some(t), Some(c)) if c.1 == Strong => {
            Some(if t.1 == Strong && t.0 != c.0 { t } else { c })
        }
        (Some(t), _) => Some(t),
        (None, Some(c)) if tag == Tag::Article && c.1 == Weak => None,
        (None, c) => c,
    }
}

/// Whether `table` holds at least `min` rows; reads no further than that.
fn holds_rows(facts: &Facts, table: Ix, min: u32) -> bool {
    let end = facts.nodes[table as usize].end;
    (table + 1..end)
        .filter(|&d| facts.nodes[d as usize].tag == Tag::Tr)
        .take(min as usize)
        .count()
        >= min as usize
}

/// Whether a region marked `kind` by `why`, found to hold sentences of
/// prose ([`LANDING_SECTION_MIN_PROSE_CHARS`]), may be a section of a landing page ([`Marks::landing_prose`]):
/// named navigation by a class or id word (`lm_navSource`), or hidden by a
/// state word (`hidden`, a utility class a script removes when the reader
/// opens the answer). Not a region hidden by its style or the `hidden`
/// attribute: those hold the page's templates as often (a card's
/// placeholder text). Nor a region whose class also names an ad, a promotion
/// or a pop-up (`promo-bar hide`, a shipping offer's bar a script shows):
/// its name says it is chrome, whatever hides it.
fn names_a_landing_section(kind: Boilerplate, why: Why<'_>, el: ElementRef<'_>) -> bool {
    let named_ads = || {
        let words = words::NameWords::of(el.value().attr("class"));
        [words.strong, words.weak]
            .into_iter()
            .flatten()
            .any(|(kind, _)| kind == Boilerplate::Ads)
    };
    match why {
        Why::Class(word) | Why::Id(word) => {
            (kind == Boilerplate::Navigation || STATE_WORDS.contains(&word)) && !named_ads()
        }
        _ => false,
    }
}

/// The siblings before the hidden region `i` that show the first lines of
/// its text (a "Read more" excerpt, one for each screen size): each holds a
/// sentence or more, and its words are the region's.
fn excerpts_unfolded<'a>(html: &'a Html, facts: &'a Facts, i: Ix) -> impl Iterator<Item = Ix> + 'a {
    let parent = facts.nodes[i as usize].parent;
    let next = move |c: &Ix| Some(facts.nodes[*c as usize].end.max(c + 1)).filter(|&n| n < i);
    std::iter::successors(Some(parent + 1).filter(|&c| c < i), next).filter(move |&c| {
        let f = &facts.nodes[c as usize];
        f.parent == parent
            && f.text_len - f.link_len > LANDING_SECTION_MIN_PROSE_CHARS
            && shows_within(html, facts, c, i)
    })
}

/// Whether a region holds a grid of linked cards, each a link around a
/// heading and a line that describes it (a landing page's services, each
/// card opening its page): at least [`LANDING_CARDS_MIN`] such links. A
/// menu's links are names, not headings with a description, and a mega
/// menu's cards sit in the page's header, nav or footer; a promotion bar is
/// one offer. Named a menu or a promotion all the same, the cards are
/// a section of a landing page ([`Marks::landing_prose`]).
fn holds_link_cards(facts: &Facts, region: Ix) -> bool {
    let f = &facts.nodes[region as usize];
    if f.links < LANDING_CARDS_MIN {
        return false;
    }
    // A mega menu's cards (a product's name and what it does) sit in the
    // page's header, its nav or its footer: those are the site's.
    let mut at = region;
    loop {
        let n = &facts.nodes[at as usize];
        if matches!(n.tag, Tag::Header | Tag::Nav | Tag::Footer | Tag::Aside) {
            return false;
        }
        if n.tag == Tag::Body || n.parent == at {
            break;
        }
        at = n.parent;
    }
    let mut cards = 0;
    let mut i = region + 1;
    while i < f.end {
        let n = &facts.nodes[i as usize];
        if n.tag != Tag::A || !n.has_block {
            i += 1;
            continue;
        }
        let heading = (i + 1..n.end)
            .find(|&d| matches!(facts.nodes[d as usize].tag, Tag::Heading(_)))
            .map_or(0, |h| facts.nodes[h as usize].text_len);
        if heading > 0 && n.text_len >= heading + LANDING_CARD_MIN_DESCRIPTION_CHARS {
            cards += 1;
            if cards >= LANDING_CARDS_MIN {
                return true;
            }
        }
        i = n.end;
    }
    false
}

/// A hidden panel the reader opens in place.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Panel {
    /// Folded away: an accordion's or a collapsible's body.
    Folded,
    /// A tab's panel that opens with a product detail's heading ("Additional
    /// information", "Specifications"): the product's own tab, shown on
    /// product pages too.
    DetailTab,
    /// One of a set of tabs: on a product page the seller's or the shop's
    /// tabs as often as the product's, so shown on service and
    /// documentation pages only.
    Tab,
    /// A box right after a heading, with no toggle the markup declares: a
    /// shop's answer under its question, its details under their title,
    /// opened by a script on the heading. Shown on product pages only
    /// (elsewhere such a box is as often a widget's empty state).
    Answer,
}

impl Panel {
    /// Whether a reader of a page of `page_type` opens the panel, so that
    /// its text is the page's.
    fn opens_on(self, page_type: PageType) -> bool {
        let tabs = matches!(page_type, PageType::Service | PageType::Documentation);
        match self {
            Panel::Folded => true,
            Panel::Tab => tabs,
            Panel::DetailTab => tabs || page_type == PageType::Product,
            Panel::Answer => page_type == PageType::Product,
        }
    }
}

/// Whether an id reads as a phrase, the slug of a heading it anchors: at
/// least [`ANCHOR_MIN_WORDS`] words, one of them a function word
/// ([`ANCHOR_FUNCTION_WORDS`]).
fn is_heading_anchor(id: &str) -> bool {
    let mut words = 0;
    let mut function = false;
    for w in id.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !w.is_empty() {
            words += 1;
            function |= ANCHOR_FUNCTION_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w));
        }
    }
    function && words >= ANCHOR_MIN_WORDS
}

/// Whether `i`, named a header, heads a section of the text rather than the
/// page: it is a heading of a section (level 2 and below), or holds one,
/// and its text is not mostly links.
fn heads_a_section(facts: &Facts, i: Ix) -> bool {
    let f = &facts.nodes[i as usize];
    let section_heading = |t: Tag| matches!(t, Tag::Heading(level) if level >= 2);
    f.text_len > 0
        && (f.link_len as f32) < WEIGHTS.max_paragraph_link_density * f.text_len as f32
        && (section_heading(f.tag)
            || (i + 1..f.end).any(|d| section_heading(facts.nodes[d as usize].tag)))
}

/// Whether the box `i` holds a section's heading (`h2`-`h6`) and no text
/// besides the heading's: a card's or an accordion item's header.
fn wraps_a_heading(facts: &Facts, i: Ix) -> bool {
    let f = &facts.nodes[i as usize];
    f.text_len as usize <= BOILERPLATE_LINE_MAX_CHARS
        && (i + 1..f.end).any(|d| {
            let n = &facts.nodes[d as usize];
            matches!(n.tag, Tag::Heading(level) if level >= 2) && n.text_len == f.text_len
        })
}

/// Whether `i`, named a header, heads a page of items: it holds the page's
/// `h1` and its text is not mostly links (a category's name and intro,
/// not the site's bar of menus).
fn heads_the_items(facts: &Facts, i: Ix) -> bool {
    let f = &facts.nodes[i as usize];
    f.text_len > 0
        && (f.link_len as f32) < WEIGHTS.max_paragraph_link_density * f.text_len as f32
        && (i..f.end).any(|d| facts.nodes[d as usize].tag == Tag::Heading(1))
}

/// Whether a hidden element is a panel the reader opens in place, and
/// which: a tab's panel by its role or class words, an accordion's by its
/// class and id words.
fn panel(attrs: &Attrs<'_>) -> Option<Panel> {
    if attrs
        .role
        .is_some_and(|r| PANEL_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return Some(Panel::Tab);
    }
    // An accordion word wins over a tab word on the same element.
    if names_word(attrs.class, attrs.id, PANEL_CLASS_WORDS) {
        Some(Panel::Folded)
    } else if names_word(attrs.class, attrs.id, TAB_PANEL_CLASS_WORDS) {
        Some(Panel::Tab)
    } else {
        None
    }
}

/// Whether the hidden box `el` comes right after its disclosure's toggle
/// (an element with `aria-expanded` or `aria-controls`), set in a heading
/// (`<h3><button aria-expanded=false>…</button></h3>`) or in a box of its
/// own: an accordion, whose answer the reader opens in place under its
/// question, whatever the box's class calls it. A toggle that names the
/// box it controls must name this one; one that names none must be the
/// sibling, or fill a heading or a box of its own (not a header's menu
/// button beside its menu). A dropdown menu opens under its toggle too: a
/// box that is or starts with a list or a link ([`DROPDOWN_MENU_TAGS`]) is
/// one.
fn follows_its_toggle(el: ElementRef<'_>) -> bool {
    let Some(toggle) = el.prev_siblings().find_map(ElementRef::wrap) else {
        return false;
    };
    let Some(control) = toggle
        .descendants()
        .take(TOGGLE_SCAN_NODES)
        .filter_map(ElementRef::wrap)
        .find(|e| {
            attr(e.value(), "aria-expanded").is_some() || attr(e.value(), "aria-controls").is_some()
        })
    else {
        return false;
    };
    let in_heading = is_heading(toggle.value());
    let its_toggle = match (attr(control.value(), "aria-controls"), el.value().id()) {
        (Some(controls), Some(id)) => controls.split_ascii_whitespace().any(|c| c == id),
        // The toggle itself, in a heading, or alone in a box of its own
        // (the box says nothing but the toggle's words).
        _ => control == toggle || in_heading || shown_chars(toggle) == shown_chars(control),
    };
    // The box itself or what starts it, a few levels in (not a link in
    // the answer's first sentence).
    fn first_element(e: ElementRef<'_>) -> Option<ElementRef<'_>> {
        e.children()
            .find(|c| c.value().as_text().is_none_or(|t| !t.trim().is_empty()))
            .and_then(ElementRef::wrap)
    }
    let a_menu = || {
        std::iter::successors(Some(el), |&e| first_element(e))
            .take(MENU_SCAN_DEPTH)
            .any(|e| DROPDOWN_MENU_TAGS.contains(&e.value().name()))
    };
    its_toggle && (in_heading || !a_menu())
}

/// Whether the hidden box `el` comes right after a section's heading
/// (`h2`-`h6`) with text, its sibling: the heading's body, folded away
/// until the reader clicks the heading.
fn follows_a_heading(el: ElementRef<'_>) -> bool {
    el.prev_siblings()
        .find_map(ElementRef::wrap)
        .is_some_and(|h| {
            matches!(h.value().name(), "h2" | "h3" | "h4" | "h5" | "h6")
                && h.text().any(|t| !t.trim().is_empty())
        })
}

/// Whether the hidden box `el` opens with a heading, a few nodes in, that
/// names one of a product's detail sections ([`names_product_detail`]):
/// the panel of a shop's "Additional information" or "Specifications" tab.
fn opens_with_detail_heading(el: ElementRef<'_>) -> bool {
    el.descendants()
        .take(DETAIL_TAB_SCAN_NODES)
        .find_map(|n| {
            if n.value().as_text().is_some_and(|t| !t.trim().is_empty()) {
                return Some(None);
            }
            ElementRef::wrap(n)
                .filter(|e| is_heading(e.value()))
                .map(Some)
        })
        .flatten()
        .is_some_and(|h| names_product_detail(&normalize_flat(h.text().collect())))
}

/// The characters of `el`'s text, whitespace left out.
fn shown_chars(el: ElementRef<'_>) -> usize {
    el.text()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// The class or id word behind a weak mark (the class's first), else the
/// element's tag or role: what [`WeakMarks`] sums the marked text by.
fn weak_word<'a>(el: ElementRef<'a>, tag: Tag, context: &mut Context<'a>) -> &'static str {
    let class = context.classes.words(attr(el.value(), "class"));
    class
        .weak
        .or(NameWords::of(attr(el.value(), "id")).weak)
        .map(|(_, word)| word)
        .unwrap_or(match tag {
            Tag::Header => "<header>",
            _ => "<role>",
        })
}

/// Whether an id names a segment that a server streamed after the page's
/// shell, hidden until a script swaps it in ([`STREAMED_SEGMENT_ID_PREFIX`]
/// and a number).
fn is_streamed_segment(id: &str) -> bool {
    crate::guard::streamed::segment_number(id).is_some()
}

fn is_hidden_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Forms are search boxes, comment forms, newsletter sign-ups or logins.
/// A form with nothing to fill in or press (hidden inputs only) is not one
/// a reader uses: it wraps what the page shows (a thread's comment, kept in
/// a form for its author to edit): the tag says nothing (`None`), and only
/// its class and id words (`by_words`, [`class_and_id`]) may mark it.
fn form_kind<'a>(
    el: ElementRef<'a>,
    by_words: Option<(Boilerplate, Strength, Why<'a>)>,
) -> Option<(Boilerplate, Strength, Why<'a>)> {
    let (mut kind, mut why) = (Boilerplate::Other, Why::Tag("form"));
    let mut controls = false;
    let mut seen = 0;
    for d in el
        .descendants()
        .filter_map(ElementRef::wrap)
        .take(FORM_MAX_ELEMENTS)
    {
        seen += 1;
        match (d.value().name(), attr(d.value(), "type").unwrap_or("")) {
            ("textarea", _) => {
                return Some((
                    Boilerplate::Comments,
                    Strength::Strong,
                    Why::Form("textarea"),
                ));
            }
            ("input", "search") => (kind, why) = (Boilerplate::Navigation, Why::Form("search")),
            ("input", "email") if kind == Boilerplate::Other => {
                (kind, why) = (Boilerplate::Ads, Why::Form("email"))
            }
            ("input", t) if !t.eq_ignore_ascii_case("hidden") => controls = true,
            ("select" | "button", _) => controls = true,
            _ => {}
        }
    }
    // Seen whole (the form itself is among the elements counted).
    if !controls && kind == Boilerplate::Other && seen < FORM_MAX_ELEMENTS {
        return None;
    }
    if kind == Boilerplate::Other
        && let Some((k, _, w)) = by_words
    {
        (kind, why) = (k, w);
    }
    Some((kind, Strength::Strong, why))
}

/// What the class and id say, by [`CLASS_WORDS`]. A strong word wins; a weak
/// one counts only when no content word (`content`, `article`) is present.
fn class_and_id(class: NameWords, id: NameWords) -> Option<(Boilerplate, Strength, Why<'static>)> {
    // The class's words come first, as if the two were one list.
    let from_class = |(k, w)| (k, Why::Class(w));
    let from_id = |(k, w)| (k, Why::Id(w));
    let strong = class.strong.map(from_class).or(id.strong.map(from_id));
    let weak = class.weak.map(from_class).or(id.weak.map(from_id));
    let embed = class.embed || id.embed;
    // An embedded post is content, not the share bar its name suggests.
    let strong = strong.filter(|&(k, _)| !(embed && k == Boilerplate::Share));
    let weak = weak.filter(|&(k, _)| !(embed && k == Boilerplate::Share));
    match (strong, weak) {
        (Some((k, why)), _) => Some((k, Strength::Strong, why)),
        // A pop-up word names the box itself, whatever part of the page
        // the name also gives (`article-action__scrap-popup`): hidden until
        // called, a pop-up is never the article.
        (None, Some((k, why)))
            if !(class.content || id.content)
                || matches!(why, Why::Class(w) | Why::Id(w) if POPUP_WORDS.contains(&w)) =>
        {
            Some((k, Strength::Weak, why))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
