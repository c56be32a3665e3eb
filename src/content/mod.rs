//! Where the article is.
//!
//! Every text block that is not boilerplate scores its length, discounted by
//! its share of link text; short blocks (labels, menu items) count only a
//! little. A container's score is the sum over its subtree. Starting at
//! `body`, the root descends into the child that holds most of the score for
//! as long as that child keeps nearly all of it: the result is the smallest
//! container that still holds the article, wherever the page put it and
//! whatever it called it. Where no child holds most of the score, the root
//! follows the [headline] down, keeping the sections with headings of their
//! own that it leaves beside it (a landing page's hero leads its sections).
//! A page made of links (a listing, whose cards are links) has next to no
//! score this way; it is scored again with its link text counted. Where the
//! root lands in one of several alike items (a post of a thread), it widens
//! to all of them ([`repeats`]).
//!
//! Hands on the article's parts (the root and the siblings that hold prose
//! beside it); `structure` reads the article from there.

mod details;
mod headline;
mod repeats;

pub(crate) use headline::headline;

use crate::classify::Marks;
use crate::dom::{Facts, Ix, Tag};
use crate::heuristics::{
    DOCUMENTATION_DESCEND_SHARE, FORUM_REPLIES_HOLD_SHARE, HEADLINE_LEAD_MIN_SCORE,
    INTRO_BOX_MAX_CHARS, INTRO_BOX_MIN_PARAGRAPHS, INTRO_BOX_MIN_PROSE_SHARE,
    INTRO_PARAGRAPH_MIN_CHARS, ITEM_GRID_JOIN_MIN_CHARS, ITEM_GRID_JOIN_MIN_SHARE,
    ITEM_SECTION_MIN_CARDS, ITEM_SECTION_MIN_LINK_SHARE, ITEMS_DESCEND_SHARE,
    PARAGRAPHS_ABOVE_MAX_LEVELS, PARAGRAPHS_ABOVE_MIN_AFTER, PARAGRAPHS_ABOVE_MIN_CHARS,
    PRODUCT_DESCEND_SHARE, QUESTIONS_CHILDREN_READ, QUESTIONS_CLASS_WORDS, SECTION_MIN_SENTENCES,
    SERVICE_DESCEND_SHARE, STANDFIRST_HEADLINE_LEVELS, STANDFIRST_MAX_BLOCKS, STANDFIRST_MAX_CHARS,
    STANDFIRST_MAX_LINK_SHARE, STANDFIRST_MAX_NODES, STANDFIRST_MIN_CHARS,
    TEASER_MAX_UNLINKED_HEADINGS, TEASER_MIN_HEADINGS, WEIGHTS, WRAPPER_MAX_SCORE_GAIN,
};
use crate::page_type::PageType;
use scraper::Html;

/// The article's parts, in document order, found with the page's headline
/// ([`headline`]: the `h1` that repeats the title, else the first `h1`) as a
/// guide.
pub(crate) fn select(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    headline: Option<Ix>,
    page_type: PageType,
) -> Vec<Ix> {
    let Some(body) = facts.body() else {
        return Vec::new();
    };
    let mut score = scores(facts, marks, body);
    // A page of links (a listing, a category page): its cards are the
    // content, so find where they are with their link text counted.
    if score[body as usize] < WEIGHTS.listing_max_score_share * shown_text(facts, marks, body) {
        score = scores_by(facts, marks, body, true);
    }
    let descent = Descent {
        share: match page_type {
            _ if is_made_of_items(page_type) => ITEMS_DESCEND_SHARE,
            PageType::Service => SERVICE_DESCEND_SHARE,
            PageType::Documentation => DOCUMENTATION_DESCEND_SHARE,
            PageType::Product => PRODUCT_DESCEND_SHARE,
            _ => WEIGHTS.descend_share,
        },
        // A service or product page's cards (its plans, its options) may
        // each link their heading on; after a story, such cards are teasers.
        teasers_stay_out: (!matches!(page_type, PageType::Service | PageType::Product))
            .then_some(html),
        // A thread's replies beside its question keep the root above both.
        replies_hold: (page_type == PageType::Forum).then_some(FORUM_REPLIES_HOLD_SHARE),
    };
    let mut parts = parts_by_score(facts, marks, headline, &score, &descent);
    // A landing page's questions, below its headline, outweigh its hero
    // and features: read the page as a landing page, cards and all. (Not a
    // shop's: its questions are about the product, below the product's own
    // parts.)
    if matches!(page_type, PageType::Article | PageType::Other)
        && lands_in_questions(html, facts, headline, &parts)
    {
        let as_landing = Descent {
            share: SERVICE_DESCEND_SHARE,
            teasers_stay_out: None,
            replies_hold: None,
        };
        parts = parts_by_score(facts, marks, headline, &score, &as_landing);
    }
    let parts = repeats::join_alike(html, facts, marks, &score, headline, parts);
    // A service page's text is its sections, not bare paragraphs between
    // them: only an intro in a box of its own joins there.
    let parts = if matches!(page_type, PageType::Article | PageType::Service) {
        let bare = page_type == PageType::Article;
        with_paragraphs_above(facts, marks, &score, headline, parts, bare)
    } else {
        parts
    };
    let parts = if matches!(page_type, PageType::Product | PageType::Service) {
        repeats::widen_to_panels(html, facts, marks, parts)
    } else {
        parts
    };
    let parts = repeats::widen(html, facts, marks, &score, parts);
    if page_type == PageType::Product {
        details::with_detail_sections(html, facts, marks, parts)
    } else {
        parts
    }
}

/// The article's `parts` with the paragraphs set straight in the boxes
/// above its root: the root went down into the largest block of the body
/// (a product table, a group box, the run after an embed), leaving the
/// story's own `<p>`s beside the blocks on the way, each too short a share
/// to join as a sibling. A `<p>` right in an ancestor of the root is the
/// article's text, not a box of the page. Those before the root join (the
/// intro); after it, a level's paragraphs join only as a run of
/// [`PARAGRAPHS_ABOVE_MIN_AFTER`] or more, as one line there is more often
/// a disclosure, an update note or a comment form's notice. With `bare`
/// false, only the intro boxes ([`is_intro_box`]) join: before the root's
/// branch, at the levels below the headline's box. Reads only the children
/// of the root's few nearest ancestors.
fn with_paragraphs_above(
    facts: &Facts,
    marks: &Marks,
    score: &[f32],
    headline: Option<Ix>,
    mut parts: Vec<Ix>,
    bare: bool,
) -> Vec<Ix> {
    let (Some(body), Some(&root)) = (
        facts.body(),
        parts
            .iter()
            .max_by(|&&a, &&b| score[a as usize].total_cmp(&score[b as usize])),
    ) else {
        return parts;
    };
    let mut found: Vec<Ix> = Vec::new();
    let mut level: Vec<Ix> = Vec::new();
    let mut above = facts.nodes[root as usize].parent;
    for _ in 0..PARAGRAPHS_ABOVE_MAX_LEVELS {
        if above == body || above == 0 {
            break;
        }
        level.clear();
        level.extend(children(facts, above).filter(|&c| {
            let f = &facts.nodes[c as usize];
            bare && f.tag == Tag::P
                && f.text_len >= PARAGRAPHS_ABOVE_MIN_CHARS
                && score[c as usize] > 0.0
                && marks.get(c).is_none()
                && (f.link_len as f32) < WEIGHTS.sibling_max_link_density * f.text_len as f32
                && headline.is_none_or(|h| c > h)
                && !parts.iter().any(|&p| facts.contains(p, c))
        }));
        let after = level.iter().filter(|&&c| c > root).count();
        if after < PARAGRAPHS_ABOVE_MIN_AFTER {
            level.retain(|&c| c < root);
        }
        found.extend_from_slice(&level);
        // Below the headline's box, the intro a page builder set in a box
        // of its own before the root's branch.
        if let Some(h) = headline.filter(|&h| !facts.contains(above, h)) {
            found.extend(children(facts, above).filter(|&c| {
                c > h
                    && c < root
                    && !facts.contains(c, root)
                    && !parts
                        .iter()
                        .any(|&p| facts.contains(p, c) || facts.contains(c, p))
                    && is_intro_box(facts, marks, score, c)
            }));
        }
        above = facts.nodes[above as usize].parent;
    }
    if !found.is_empty() {
        parts.extend(found);
        parts.sort_unstable();
    }
    parts
}

/// Whether `c` is a short box of prose: the size of an intro (at most
/// [`INTRO_BOX_MAX_CHARS`]), few links, its text mostly in paragraphs (its
/// score at least [`INTRO_BOX_MIN_PROSE_SHARE`] of its characters), and
/// [`INTRO_BOX_MIN_PARAGRAPHS`] of them or more, a heading counting as
/// one beside a paragraph: an opening or a section of its own, where one
/// paragraph alone is a standfirst that readers of the page count apart
/// from its text, or a quote or a note in a box. Walks `c` only once the
/// cheaper facts hold.
fn is_intro_box(facts: &Facts, marks: &Marks, score: &[f32], c: Ix) -> bool {
    let f = &facts.nodes[c as usize];
    let blocks = || {
        let (mut n, mut headed) = (0, false);
        for d in c + 1..f.end {
            let g = &facts.nodes[d as usize];
            headed |= matches!(g.tag, Tag::Heading(_)) && marks.get(d).is_none();
            if !g.has_block
                && !g.tag.is_inline()
                && g.tag != Tag::Text
                && !matches!(g.tag, Tag::Heading(_))
                && g.text_len >= INTRO_PARAGRAPH_MIN_CHARS
            {
                n += 1;
            }
        }
        n + usize::from(headed && n > 0)
    };
    f.tag == Tag::Block
        && marks.get(c).is_none()
        && f.text_len <= INTRO_BOX_MAX_CHARS
        && (f.link_len as f32) < WEIGHTS.sibling_max_link_density * f.text_len as f32
        && score[c as usize] >= INTRO_BOX_MIN_PROSE_SHARE * f.text_len as f32
        && blocks() >= INTRO_BOX_MIN_PARAGRAPHS
}

/// The article's `parts` with its standfirst (dek, intro): when the
/// headline's box did not join the root whole ([`holds_headline_lead`]:
/// its summary is one short line, or the box holds no more than the
/// title), the short prose blocks right after the headline and before the
/// first part, up to [`STANDFIRST_MAX_BLOCKS`] of them. Bylines, date
/// lines, captions and teasers are not prose: too short, in a figure, a
/// heading or a list, or mostly links. Reads only the few nodes between
/// the headline and the first part.
pub(crate) fn with_standfirst(
    facts: &Facts,
    marks: &Marks,
    headline: Option<Ix>,
    parts: Vec<Ix>,
) -> (Vec<Ix>, usize) {
    let (Some(h), Some(&first)) = (headline, parts.first()) else {
        return (parts, 0);
    };
    let mut d = facts.nodes[h as usize].end;
    if d > first || parts.iter().any(|&p| facts.contains(p, h)) {
        return (parts, 0);
    }
    // Right after the headline: in the box that holds it or the one
    // around that, not further off (an author's box, a summary panel).
    let near = (0..STANDFIRST_HEADLINE_LEVELS).fold(h, |a, _| facts.nodes[a as usize].parent);
    let end = first.min(facts.nodes[near as usize].end);
    let mut lead: Vec<Ix> = Vec::new();
    let mut read = 0;
    while d < end && read < STANDFIRST_MAX_NODES && lead.len() < STANDFIRST_MAX_BLOCKS {
        read += 1;
        let f = &facts.nodes[d as usize];
        // An ancestor of the first part: read on into it.
        if f.end > first {
            d += 1;
            continue;
        }
        if marks.get(d).is_some() {
            d = f.end;
            continue;
        }
        // The standfirst comes before the lead image: past an image, the
        // text is its caption, or an author's box beside a portrait.
        if matches!(f.tag, Tag::Img | Tag::Figure) {
            break;
        }
        // Beside an image in its box, a block is the image's caption.
        if is_standfirst_block(facts, d) && facts.nodes[f.parent as usize].imgs == 0 {
            lead.push(d);
        }
        // A leaf, or a block that is not prose (a figure and its caption,
        // a heading, a list, a table, a nav): nothing inside it is.
        d = if f.has_block && matches!(f.tag, Tag::Block | Tag::Header | Tag::Inline) {
            d + 1
        } else {
            f.end
        };
    }
    let n = lead.len();
    lead.extend(parts);
    (lead, n)
}

/// Whether `d` is a block of prose text alone, the size of a standfirst.
fn is_standfirst_block(facts: &Facts, d: Ix) -> bool {
    let f = &facts.nodes[d as usize];
    matches!(f.tag, Tag::P | Tag::Block | Tag::Inline)
        && !f.has_block
        && (STANDFIRST_MIN_CHARS..=STANDFIRST_MAX_CHARS).contains(&f.text_len)
        && (f.link_len as f32) <= STANDFIRST_MAX_LINK_SHARE * f.text_len as f32
}

/// Whether the root (the only part) is a block of questions and answers
/// below the headline, outside it: its class or id, or those of its first
/// children, name one ([`QUESTIONS_CLASS_WORDS`]).
fn lands_in_questions(html: &Html, facts: &Facts, headline: Option<Ix>, parts: &[Ix]) -> bool {
    let (Some(h), &[root]) = (headline, parts) else {
        return false;
    };
    // The headline before the root and outside it (the root's subtree
    // follows the root).
    if h >= root {
        return false;
    }
    let names_questions = |i: Ix| {
        facts.element(html, i).is_some_and(|e| {
            crate::dom::names_word(
                e.value().attr("class"),
                e.value().id(),
                QUESTIONS_CLASS_WORDS,
            )
        })
    };
    names_questions(root)
        || children(facts, root)
            .take(QUESTIONS_CHILDREN_READ)
            .any(names_questions)
}

/// On a page of items, the article's parts with the page's largest run of
/// cards (`grid`: the run's parent and its cards' text, from `page_type`)
/// among them: the items are the content even where a text beside them (a
/// shop's intro, a block of links) drew the root away. Not a run inside
/// boilerplate, nor one that holds a part or lies in one already, nor one
/// beside a text of its own length ([`ITEM_GRID_JOIN_MIN_SHARE`]).
pub(crate) fn with_item_grid(
    facts: &Facts,
    marks: &Marks,
    mut parts: Vec<Ix>,
    grid: Option<(Ix, u32)>,
) -> Vec<Ix> {
    let (Some((grid, card_text)), Some(body)) = (grid, facts.body()) else {
        return parts;
    };
    if card_text < ITEM_GRID_JOIN_MIN_CHARS
        || parts
            .iter()
            .any(|&p| p == body || facts.contains(p, grid) || facts.contains(grid, p))
    {
        return parts;
    }
    let mut at = grid;
    while at != body {
        if marks.get(at).is_some() {
            return parts;
        }
        at = facts.nodes[at as usize].parent;
    }
    // Cards in the page's `<main>` and parts outside it (a category's
    // intro set above the layout that holds the grid and its sidebar): the
    // page says the cards are its content, whatever the intro's length.
    if facts.main().is_some_and(|m| {
        facts.contains(m, grid)
            && !parts
                .iter()
                .any(|&p| facts.contains(m, p) || facts.contains(p, m))
    }) {
        parts.push(grid);
        parts.sort_unstable();
        return parts;
    }
    // Beside a body of text as long as the cards (a story with its
    // teasers, a buying guide), the text is the page.
    let text: u32 = parts
        .iter()
        .map(|&p| facts.nodes[p as usize].text_len - facts.nodes[p as usize].link_len)
        .sum();
    if (card_text as f32) < ITEM_GRID_JOIN_MIN_SHARE * text as f32 {
        return parts;
    }
    parts.push(grid);
    parts.sort_unstable();
    parts
}

/// On a page of items, the article's parts with the block that holds the
/// page's headline before them (a category's name and its intro, set in a
/// header above the grid the root found): the items' heading and intro are
/// the content with them. The block is the headline's outermost ancestor
/// beside the parts, with no boilerplate on the way, and holds less text
/// than the parts (an intro, not a page of its own).
pub(crate) fn with_items_heading(
    facts: &Facts,
    marks: &Marks,
    mut parts: Vec<Ix>,
    headline: Option<Ix>,
) -> Vec<Ix> {
    let (Some(h), Some(&first), Some(body)) = (headline, parts.first(), facts.body()) else {
        return parts;
    };
    if h > first || parts.iter().any(|&p| facts.contains(p, h)) {
        return parts;
    }
    let parent_of = |i: Ix| facts.nodes[i as usize].parent;
    let mut top = h;
    loop {
        if marks.get(top).is_some() {
            return parts;
        }
        let parent = parent_of(top);
        if parent == body || parent == top || facts.contains(parent, first) {
            break;
        }
        top = parent;
    }
    let shown = |i: Ix| facts.nodes[i as usize].text_len - facts.nodes[i as usize].link_len;
    let text: u32 = parts.iter().map(|&p| shown(p)).sum();
    if shown(top) >= text {
        return parts;
    }
    parts.push(top);
    parts.sort_unstable();
    parts
}

/// On a page of items, the article's parts with the sections of the page's
/// `<main>` after the first part that hold cards under a heading of their
/// own (a recipe site's "Top rated" and "Chicken recipes" carousels between
/// the category's intro and its grid, a shop's "Essentials" after it):
/// every band of cards is the page's items. Not a band marked boilerplate
/// (one labelled "Also see" is related links), nor one before the parts
/// (the site's own promotions above the category's intro), nor a section
/// without cards ([`ITEM_SECTION_MIN_CARDS`] links and images,
/// [`ITEM_SECTION_MIN_LINK_SHARE`] of its text linked). Where the parts are
/// one block (a category's buying guide below its carousels, no intro
/// above them), the bands before it join too: nothing there starts the
/// category but them.
pub(crate) fn with_card_sections(facts: &Facts, marks: &Marks, mut parts: Vec<Ix>) -> Vec<Ix> {
    let (Some(main), Some(&first)) = (facts.main(), parts.first()) else {
        return parts;
    };
    let from = if parts.len() == 1 { main } else { first };
    if marks.get(main).is_some() || parts.iter().any(|&p| p == main || !facts.contains(main, p)) {
        return parts;
    }
    let bands: Vec<Ix> = children(facts, main)
        .filter(|&c| {
            let f = &facts.nodes[c as usize];
            c > from
                && marks.get(c).is_none()
                && !parts.iter().any(|&p| facts.contains(c, p))
                && f.links >= ITEM_SECTION_MIN_CARDS
                && f.imgs >= ITEM_SECTION_MIN_CARDS
                && f.link_len as f32 >= ITEM_SECTION_MIN_LINK_SHARE * f.text_len as f32
                && has_heading(facts, marks, c)
        })
        .collect();
    parts.extend(bands);
    parts.sort_unstable();
    parts
}

/// Whether pages of this type hold their content as a run of items (posts,
/// cards) rather than one piece of prose.
pub(crate) fn is_made_of_items(page_type: PageType) -> bool {
    matches!(
        page_type,
        PageType::Forum | PageType::Listing | PageType::Collection
    )
}

/// Per node, the content score of its subtree.
pub(crate) fn scores(facts: &Facts, marks: &Marks, within: Ix) -> Vec<f32> {
    scores_by(facts, marks, within, false)
}

/// [`scores`], with link text counted like other text when `links_count`
/// (a listing, whose cards are links).
fn scores_by(facts: &Facts, marks: &Marks, within: Ix, links_count: bool) -> Vec<f32> {
    let n = facts.nodes.len();
    let end = facts.nodes[within as usize].end;
    // Blocks inside boilerplate do not count; a copy of a section counts
    // like the section it repeats.
    let mut counted = vec![false; n];
    let mut i = within;
    while i < end {
        if marks.get(i).is_some() && !marks.is_copy(i) {
            i = facts.nodes[i as usize].end;
        } else {
            counted[i as usize] = true;
            i += 1;
        }
    }
    let mut score = vec![0f32; n];
    for i in (within as usize..end as usize).rev() {
        // Code runs (IDs, URLs) weigh nothing: they are not what a page is read for.
        let fact = &facts.nodes[i];
        let (text, link) = (fact.own_text.saturating_sub(fact.own_code), fact.own_link);
        if counted[i] && text > 0 {
            let density = if links_count {
                0.0
            } else {
                link as f32 / text as f32
            };
            // Longer blocks weigh more per character, up to a full paragraph.
            let factor = if text >= WEIGHTS.min_block_chars {
                (text as f32 / WEIGHTS.full_block_chars as f32).min(1.0)
            } else {
                WEIGHTS.short_block_factor
            };
            score[i] += text as f32 * (1.0 - density) * factor;
        }
        if i > within as usize {
            let p = facts.nodes[i].parent as usize;
            score[p] += score[i];
        }
    }
    score
}

/// Characters of text in `within`, boilerplate left out.
pub(crate) fn shown_text(facts: &Facts, marks: &Marks, within: Ix) -> f32 {
    let end = facts.nodes[within as usize].end;
    let (mut text, mut i) = (0u64, within);
    while i < end {
        if marks.get(i).is_some() {
            i = facts.nodes[i as usize].end;
        } else {
            text += u64::from(facts.nodes[i as usize].own_text);
            i += 1;
        }
    }
    text as f32
}

/// The article's parts, in document order: the smallest container holding
/// most of the page's content score, and those of its siblings that hold
/// prose too (a lead paragraph or a second body container beside it).
#[cfg(test)]
pub(crate) fn find_parts(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    headline: Option<Ix>,
) -> Vec<Ix> {
    let Some(body) = facts.body() else {
        return Vec::new();
    };
    let score = scores(facts, marks, body);
    let descent = Descent {
        share: WEIGHTS.descend_share,
        teasers_stay_out: Some(html),
        replies_hold: None,
    };
    parts_by_score(facts, marks, headline, &score, &descent)
}

/// How the root goes down on a page of one type ([`parts_by_score`]).
struct Descent<'h> {
    /// Into a child holding this share of its container's score.
    share: f32,
    /// With the page, to read links by: a run of teasers after the root
    /// ([`is_teaser_run`]) does not join it however much excerpt it holds.
    teasers_stay_out: Option<&'h Html>,
    /// A child beside the headline's that holds this share of the score
    /// keeps the root from following the headline (a thread's replies,
    /// beside the question under its headline).
    replies_hold: Option<f32>,
}

impl Descent<'_> {
    /// Whether `c` is a run of teasers that stays out of the article.
    fn keeps_out(&self, facts: &Facts, marks: &Marks, c: Ix) -> bool {
        self.teasers_stay_out
            .is_some_and(|html| is_teaser_run(html, facts, marks, c))
    }
}

/// [`find_parts`] with the page's content scores at hand, going down as
/// `descent` says.
fn parts_by_score(
    facts: &Facts,
    marks: &Marks,
    headline: Option<Ix>,
    score: &[f32],
    descent: &Descent<'_>,
) -> Vec<Ix> {
    let Some(body) = facts.body() else {
        return Vec::new();
    };
    let mut root = body;
    // Sections left beside the headline's branch on the way down.
    let mut beside: Vec<Ix> = Vec::new();
    loop {
        let mut best: Option<Ix> = None;
        let mut with_headline: Option<Ix> = None;
        // The best child that does not hold the headline.
        let mut off_headline: Option<Ix> = None;
        for c in children(facts, root) {
            if marks.get(c).is_some() {
                continue;
            }
            if best.is_none_or(|b| score[c as usize] > score[b as usize]) {
                best = Some(c);
            }
            if headline.is_some_and(|h| facts.contains(c, h)) {
                with_headline = Some(c);
            } else if off_headline.is_none_or(|b| score[c as usize] > score[b as usize]) {
                off_headline = Some(c);
            }
        }
        let share = |c: Ix| score[c as usize] / score[root as usize].max(f32::MIN_POSITIVE);
        let next = match (best, with_headline) {
            (Some(b), _) if share(b) >= descent.share => Some(b),
            // Where the page's parts are its content together (a service
            // page, a page of items), a section that holds most of the score
            // but not enough, nor the headline (the questions of a landing
            // page, its features beside them), does not lead the root aside.
            (Some(b), h) if h != Some(b) && share(b) >= WEIGHTS.descend_share => None,
            (_, Some(_))
                if off_headline
                    .zip(descent.replies_hold)
                    .is_some_and(|(c, hold)| share(c) >= hold) =>
            {
                None
            }
            // The article sits under its headline: with no child holding
            // most of the score, follow the headline while its side holds
            // a fair part of it.
            (_, Some(h)) if share(h) >= WEIGHTS.headline_descend_share => Some(h),
            _ => None,
        };
        match next {
            Some(n) if is_container(facts.nodes[n as usize].tag) && score[n as usize] > 0.0 => {
                let by_headline = best.is_none_or(|b| share(b) < WEIGHTS.descend_share);
                // Leaving the page's declared article for its largest
                // part, the sections before that part, under the headline,
                // are the article's too: its earlier sections, alike to the
                // part and with headings of their own.
                if facts.nodes[root as usize].tag == Tag::Article {
                    beside.extend(earlier_sections(facts, marks, score, root, n, headline));
                }
                if by_headline {
                    beside.extend(
                        sections_beside(facts, marks, score, root, n)
                            .filter(|&c| !(c > n && descent.keeps_out(facts, marks, c))),
                    );
                }
                root = n
            }
            _ => break,
        }
    }
    if root == body {
        return vec![root];
    }
    let parent = facts.nodes[root as usize].parent;
    let mut parts: Vec<Ix> = children(facts, parent)
        .filter(|&c| {
            // The headline's own box before the body, holding a summary
            // of a few sentences (a reference page's title and opening
            // paragraphs, set apart from its long body), opens the
            // article however long the body is.
            let min_share = if c < root && holds_headline_lead(facts, score, c, headline) {
                0.0
            } else if c < root {
                WEIGHTS.lead_sibling_min_share
            } else {
                WEIGHTS.sibling_min_share
            };
            c == root
                || (holds_prose_beside(facts, marks, score, c, root, min_share)
                    && !(c > root && descent.keeps_out(facts, marks, c)))
        })
        .collect();
    parts.extend(sections_after_wrappers(facts, marks, score, root, descent));
    parts.extend(beside);
    parts.sort_unstable();
    // A section beside the root may be found twice (as an earlier section
    // of the article and beside the headline's branch): it is one part.
    parts.dedup();
    parts
}

/// When the root follows the headline into `branch` (a landing page's hero,
/// with its features, steps and questions in the sections after it), the
/// children of `parent` beside it that are sections of the page too: they
/// hold prose by [`joins`] and a heading of their own. Not beside an
/// `article` or `main`, which the page says holds all of its content.
fn sections_beside<'f>(
    facts: &'f Facts,
    marks: &'f Marks,
    score: &'f [f32],
    parent: Ix,
    branch: Ix,
) -> impl Iterator<Item = Ix> + 'f {
    let whole = matches!(facts.nodes[branch as usize].tag, Tag::Article | Tag::Main);
    children(facts, parent).filter(move |&c| {
        !whole
            && c != branch
            && joins(facts, marks, score, c, branch)
            && has_heading(facts, marks, c)
    })
}

/// The sections after the boxes around `root` that add next to nothing to
/// its score ([`WRAPPER_MAX_SCORE_GAIN`]: a page builder's module box
/// around the body, whose next module holds the page's questions): the
/// root went down through such a box as one step, so the sections beside
/// it are the article's too when they go on the article's outline
/// ([`goes_on`]) in prose ([`is_prose`]) with few links ([`joins`]). A promotion or a contact box
/// after the body is headed too, but says its piece in a line or two.
/// Not beside an `article` or `main`, which the page says holds all of its
/// content. Reads only the children of the root's few wrappers.
fn sections_after_wrappers(
    facts: &Facts,
    marks: &Marks,
    score: &[f32],
    root: Ix,
    descent: &Descent<'_>,
) -> Vec<Ix> {
    let mut out = Vec::new();
    let declared = |n: Ix| matches!(facts.nodes[n as usize].tag, Tag::Article | Tag::Main);
    // Read only once the root is found in a wrapper (most roots are not).
    let mut level = None;
    let mut branch = root;
    loop {
        let wrapper = facts.nodes[branch as usize].parent;
        if declared(branch)
            || declared(wrapper)
            || facts.nodes[wrapper as usize].tag == Tag::Body
            || score[wrapper as usize] > WRAPPER_MAX_SCORE_GAIN * score[root as usize]
        {
            return out;
        }
        let Some(level) = *level.get_or_insert_with(|| first_heading_level(facts, marks, root))
        else {
            return out;
        };
        let parent = facts.nodes[wrapper as usize].parent;
        out.extend(children(facts, parent).filter(|&c| {
            c > wrapper
                && joins(facts, marks, score, c, root)
                && first_heading_level(facts, marks, c).is_some_and(|l| goes_on(level, l))
                && is_prose(facts, marks, c)
                && !descent.keeps_out(facts, marks, c)
        }));
        branch = wrapper;
    }
}

/// Whether a section headed at `level` goes on the outline of an article
/// whose first heading is at `root_level`: at the same level, or one below
/// the article's own headline.
fn goes_on(root_level: u8, level: u8) -> bool {
    level == root_level || (root_level == 1 && level == 2)
}

/// The level of the first heading in `c` outside boilerplate.
fn first_heading_level(facts: &Facts, marks: &Marks, c: Ix) -> Option<u8> {
    (c + 1..facts.nodes[c as usize].end).find_map(|d| match facts.nodes[d as usize].tag {
        Tag::Heading(level) if marks.get(d).is_none() => Some(level),
        _ => None,
    })
}

/// Whether `c` is a section of prose: [`SECTION_MIN_SENTENCES`] blocks or
/// more that read as a sentence (at least [`Weights::sentence_min_chars`]
/// of their own unlinked words), holding at least half of its text.
///
/// [`Weights::sentence_min_chars`]: crate::heuristics::Weights::sentence_min_chars
fn is_prose(facts: &Facts, marks: &Marks, c: Ix) -> bool {
    let f = &facts.nodes[c as usize];
    let (mut sentences, mut chars) = (0u32, 0u32);
    let mut d = c + 1;
    while d < f.end {
        let n = &facts.nodes[d as usize];
        if marks.get(d).is_some() {
            d = n.end;
            continue;
        }
        if n.own_words() >= WEIGHTS.sentence_min_chars {
            sentences += 1;
            chars += n.own_text;
        }
        d += 1;
    }
    sentences >= SECTION_MIN_SENTENCES && 2 * chars >= f.text_len
}

/// When the root leaves `article` for its largest part `part`, the
/// children of the article before that part and after the `headline` that
/// are of the part's tag, hold prose by [`joins`] and a heading of their
/// own: an article set as a run of sections, whose last one holds most of
/// the text (a guide's long list of picks after its opening sections).
fn earlier_sections<'f>(
    facts: &'f Facts,
    marks: &'f Marks,
    score: &'f [f32],
    article: Ix,
    part: Ix,
    headline: Option<Ix>,
) -> impl Iterator<Item = Ix> + 'f {
    let tag = facts.nodes[part as usize].tag;
    children(facts, article).filter(move |&c| {
        c < part
            && facts.nodes[c as usize].tag == tag
            && headline.is_none_or(|h| h < c)
            && joins(facts, marks, score, c, part)
            && has_heading(facts, marks, c)
    })
}

/// Whether `c` holds the `headline` and a summary of its own: a content
/// score of at least [`HEADLINE_LEAD_MIN_SCORE`].
fn holds_headline_lead(facts: &Facts, score: &[f32], c: Ix, headline: Option<Ix>) -> bool {
    headline.is_some_and(|h| facts.contains(c, h)) && score[c as usize] >= HEADLINE_LEAD_MIN_SCORE
}

/// Whether `c` holds a heading outside boilerplate.
fn has_heading(facts: &Facts, marks: &Marks, c: Ix) -> bool {
    (c + 1..facts.nodes[c as usize].end)
        .any(|d| matches!(facts.nodes[d as usize].tag, Tag::Heading(_)) && marks.get(d).is_none())
}

/// Whether `c`, beside the article's part `part`, holds prose too: not
/// boilerplate, a fair share of the part's score, and few links.
pub(super) fn joins(facts: &Facts, marks: &Marks, score: &[f32], c: Ix, part: Ix) -> bool {
    holds_prose_beside(facts, marks, score, c, part, WEIGHTS.sibling_min_share)
}

/// [`joins`], with `c` held to `min_share` of the part's score.
fn holds_prose_beside(
    facts: &Facts,
    marks: &Marks,
    score: &[f32],
    c: Ix,
    part: Ix,
    min_share: f32,
) -> bool {
    let f = &facts.nodes[c as usize];
    let max_density = WEIGHTS.sibling_max_link_density;
    marks.get(c).is_none()
        && score[c as usize] > 0.0
        && score[c as usize] >= min_share * score[part as usize]
        && ((f.link_len as f32) < max_density * f.text_len as f32
            || (unheaded_link_len(facts, c) as f32) < max_density * f.text_len as f32)
}

/// Characters of link text in `c` outside its headings: a section's
/// heading that links (to itself, to the section's own page) names the
/// section, it does not make the section a menu. Walks `c` only when its
/// links, headings' and all, are too many (a rare candidate).
fn unheaded_link_len(facts: &Facts, c: Ix) -> u64 {
    let end = facts.nodes[c as usize].end;
    let (mut link, mut i) = (0u64, c + 1);
    while i < end {
        let f = &facts.nodes[i as usize];
        if matches!(f.tag, Tag::Heading(_)) {
            i = f.end;
        } else {
            link += u64::from(f.own_link);
            i += 1;
        }
    }
    link
}

/// Whether `c` is a run of teasers: [`TEASER_MIN_HEADINGS`] headings or
/// more, each (but the run's own title) a link to another page, their
/// excerpts unlinked beside them.
fn is_teaser_run(html: &Html, facts: &Facts, marks: &Marks, c: Ix) -> bool {
    let (mut linked, mut unlinked) = (0u32, 0u32);
    let end = facts.nodes[c as usize].end;
    let mut d = c + 1;
    while d < end {
        let f = &facts.nodes[d as usize];
        if marks.get(d).is_some() {
            d = f.end;
            continue;
        }
        if matches!(f.tag, Tag::Heading(_)) && f.text_len > 0 {
            // A heading linked to its own anchor (`#usage`) names its
            // section; a teaser's heading leads to another page.
            if f.link_len == f.text_len && !links_in_page(html, facts, d) {
                linked += 1;
            } else {
                unlinked += 1;
                if unlinked > TEASER_MAX_UNLINKED_HEADINGS {
                    return false;
                }
            }
            d = f.end;
            continue;
        }
        d += 1;
    }
    linked >= TEASER_MIN_HEADINGS
}

/// Whether heading `h`'s first link points into the page itself (`#…`).
fn links_in_page(html: &Html, facts: &Facts, h: Ix) -> bool {
    (h + 1..facts.nodes[h as usize].end)
        .find(|&d| facts.nodes[d as usize].tag == Tag::A)
        .and_then(|a| facts.element(html, a))
        .and_then(|a| a.value().attr("href"))
        .is_some_and(|href| href.starts_with('#'))
}

/// The children of `i` that are elements or text, in order.
fn children(facts: &Facts, i: Ix) -> impl Iterator<Item = Ix> + '_ {
    let end = facts.nodes[i as usize].end;
    let mut c = i + 1;
    std::iter::from_fn(move || {
        (c < end).then(|| {
            let cur = c;
            c = facts.nodes[c as usize].end;
            cur
        })
    })
}

/// Elements the root may descend into: those that hold blocks, not a block itself.
fn is_container(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Block
            | Tag::Article
            | Tag::Main
            | Tag::Cell
            | Tag::Tr
            | Tag::TableSection
            | Tag::Table
            | Tag::Inline
            | Tag::Header
            | Tag::Footer
            | Tag::Aside
            | Tag::Form
            | Tag::Nav
            | Tag::Body
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use scraper::Html;

    /// The ids of the parts `find_parts` picks on `src`, from its `h1` when
    /// `from_headline`, else from the body's scores alone.
    /// The page's first `h1`, the headline the tests hand the stages.
    fn first_h1(facts: &Facts) -> Option<Ix> {
        (0..facts.nodes.len() as Ix).find(|&i| facts.nodes[i as usize].tag == Tag::Heading(1))
    }

    /// The id attribute of node `i`, if it is an element with one.
    fn id_of(html: &Html, facts: &Facts, i: Ix) -> Option<String> {
        facts
            .element(html, i)?
            .value()
            .attr("id")
            .map(str::to_string)
    }

    /// The ids of [`with_card_sections`]' parts, from the parts named `found`.
    fn card_section_ids(src: &str, found: &[&str]) -> Vec<String> {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let found = found.iter().map(|name| facts.by_id(&html, name).unwrap());
        with_card_sections(&facts, &marks, found.collect())
            .into_iter()
            .filter_map(|p| id_of(&html, &facts, p))
            .collect()
    }

    fn part_ids(src: &str, from_headline: bool) -> Vec<String> {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h1 = from_headline.then(|| first_h1(&facts)).flatten();
        find_parts(&html, &facts, &marks, h1)
            .into_iter()
            .filter_map(|p| id_of(&html, &facts, p))
            .collect()
    }

    fn root_id(src: &str) -> Option<String> {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let root = *find_parts(&html, &facts, &marks, None).first()?;
        id_of(&html, &facts, root)
    }

    const P: &str = "<p>The ferry service will resume on Monday after three weeks of \
        repairs to the landing stage, the operator said, with the first crossing at seven.</p>";

    #[test]
    fn finds_the_text_container_without_semantic_markup() {
        let src = format!(
            "<body id=b><div id=page><div id=menu><a href=/>Home</a> <a href=/n>News</a> \
             <a href=/s>Sport</a></div><div id=x1>{P}{P}{P}{P}</div>\
             <div id=x2><a href=/a>Other story one</a><a href=/b>Other story two</a></div>\
             </div></body>"
        );
        assert_eq!(root_id(&src).as_deref(), Some("x1"));
    }

    #[test]
    fn follows_the_headline_when_no_child_dominates() {
        // Two service notes that outweigh the short story on their own.
        let long = "<p>The service desk answers questions about deliveries and the \
            e-paper on weekdays from eight to six.</p>";
        let src = format!(
            "<body id=b><div id=main><h1>Ferry returns</h1><div id=story>{P}</div></div>\
             <div id=foot>{long}{long}</div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h1 = first_h1(&facts);
        let id = |parts: Vec<Ix>| id_of(&html, &facts, parts[0]);
        assert_eq!(
            id(find_parts(&html, &facts, &marks, None)).as_deref(),
            Some("b")
        );
        assert_eq!(
            id(find_parts(&html, &facts, &marks, h1)).as_deref(),
            Some("story")
        );
    }

    #[test]
    fn a_landing_pages_sections_join_the_hero_it_follows() {
        // The hero holds the headline; no section holds most of the text;
        // the footer's notes, without a heading, stay out.
        let src = format!(
            "<body id=b><div id=page><div><div id=hero><h1>Ferry tickets</h1>{P}{P}</div></div>\
             <div id=how><h2>How it works</h2>{P}</div><div id=faq><h2>Questions</h2>{P}</div>\
             <div id=notes>{P}{P}</div></div></body>"
        );
        let ids = part_ids(&src, true);
        assert_eq!(ids, ["hero", "how", "faq"]);
    }

    #[test]
    fn a_run_of_teasers_after_the_story_does_not_join_it() {
        // The story under its headline, then the blog's latest posts: each
        // a linked heading over an unlinked excerpt, which alone would pass
        // for a section of prose.
        let teaser = |n: u32| {
            format!(
                "<div class=item><h3><a href=/blog/{n}>How to stand at your desk, part {n}</a></h3>\
                 <p>Is standing at a desk some kind of complicated philosophy? At first \
                 glance it seems simple: raise the desktop and get on your feet.</p></div>"
            )
        };
        let teasers: String = (1..=4).map(teaser).collect();
        let src = format!(
            "<body><div id=page><div><div id=story><h1>Desk set-up</h1>{P}{P}{P}</div></div>\
             <div id=how><h2>How it works</h2>{P}</div>\
             <div id=blog><h2>Blog</h2>{teasers}</div></div></body>"
        );
        let ids = part_ids(&src, true);
        assert_eq!(ids, ["story", "how"]);
    }

    #[test]
    fn an_articles_earlier_sections_join_the_long_one_the_root_descends_into() {
        // A guide set as sections, the last one (its picks) holding most
        // of the text in a wrapper of its own; the byline before the
        // sections holds no heading and stays out.
        let picks = P.repeat(12);
        let src = format!(
            "<body><div id=page><article><h1>Podcast gear</h1><div id=byline>{P}</div>\
             <div id=what><h2>What to look for</h2>{P}{P}</div>\
             <div id=start><h2>The setup for beginners</h2>{P}{P}</div>\
             <div><h2>My setup</h2><div id=picks>{picks}</div></div></article></div></body>"
        );
        let ids = part_ids(&src, true);
        assert_eq!(ids, ["what", "start", "picks"]);
    }

    #[test]
    fn a_short_lead_before_the_body_joins_it_a_note_after_it_does_not() {
        let body = P.repeat(13);
        let src = format!(
            "<body><div id=page><div id=lead>{P}</div><div id=art>{body}</div>\
             <div id=note>{P}</div></div></body>"
        );
        let ids = part_ids(&src, false);
        assert_eq!(ids, ["lead", "art"]);
    }

    #[test]
    fn a_section_whose_heading_is_an_anchor_link_joins_the_hero_beside_it() {
        // A landing page: the hero under the headline, then sections whose
        // headings link to themselves: an anchor names its section, it is
        // not a menu's link.
        let p = "<p>Plan your lessons with the curriculum map, its slides and the \
            worksheets that go with them.</p>";
        let src = format!(
            "<body><div id=page><div id=hero><h1>Data science</h1>{P}{P}</div>\
             <div id=students><h2><a href=#students>Free resources for students and \
             parents</a></h2>{p}</div>\
             <div id=educators><h2><a href=#educators>Lesson plans and slides for \
             educators</a></h2>{p}</div></div></body>"
        );
        let ids = part_ids(&src, true);
        assert_eq!(ids, ["hero", "students", "educators"]);
    }

    #[test]
    fn sections_under_anchor_headings_are_no_teasers_and_join_the_root() {
        // A reference page: the headline's box, then the body's sections,
        // each heading a link to its own anchor; a run of teasers would
        // link its headings to other pages.
        let sections: String = ["constructor", "properties", "methods"]
            .iter()
            .map(|a| format!("<section><h2 id={a}><a href=#{a}>{a}</a></h2>{P}</section>"))
            .collect();
        let src = format!(
            "<body><div id=page><main><div id=head><h1>WebSocket</h1>{P}{P}{P}</div>\
             <div id=body>{sections}</div></main></div></body>"
        );
        let ids = part_ids(&src, true);
        assert_eq!(ids, ["head", "body"]);
    }

    #[test]
    fn the_headlines_box_with_a_summary_joins_a_long_body_after_it() {
        // A reference page: the title and two opening paragraphs in a
        // header box, the long body (far more than twenty times the
        // summary) in a sibling after it; a table of contents between.
        let summary = "<p>Functions are one of the fundamental building blocks of the \
            language. A function is similar to a procedure, a set of statements that performs \
            a task or calculates a value, taking some input and returning an output that \
            relates to it in an obvious way.</p><p>To use a function, you must define it \
            somewhere in the scope from which you wish to call it; the chapters below show \
            how to declare one, how to call it and how it sees the names around it.</p>";
        let body = format!("<h2>Defining functions</h2>{}", P.repeat(160));
        let src = format!(
            "<body><div id=page><main><div id=head><h1>Functions</h1>{summary}</div>\
             <nav id=toc><a href=#a>Defining functions</a> <a href=#b>Calling functions</a></nav>\
             <div id=body>{body}</div></main></div></body>"
        );
        let ids = part_ids(&src, true);
        assert_eq!(ids, ["head", "body"]);
    }

    #[test]
    fn the_standfirst_after_the_headline_opens_the_article_a_caption_does_not() {
        // The headline's box: the title, a one-line standfirst, a byline and
        // a date; the lead image with its caption; then the body.
        let body = P.repeat(12);
        let src = format!(
            "<body><div id=page><div class=head><h1>Oman wants to help</h1>\
             <p id=dek>Can a small country build a space industry from scratch?</p>\
             <p>By Ana Ruiz</p><p>21 May 2025</p></div>\
             <div class=lead><img src=/a.jpg><p id=cap>The desert site where the spaceport \
             will be built, south of the capital.</p></div>\
             <div id=body>{body}</div></div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h1 = first_h1(&facts);
        let parts = find_parts(&html, &facts, &marks, h1);
        let (parts, standfirst) = with_standfirst(&facts, &marks, h1, parts);
        let id = |p: Ix| id_of(&html, &facts, p);
        let ids: Vec<_> = parts.into_iter().filter_map(id).collect();
        assert_eq!(
            (ids, standfirst),
            (vec!["dek".to_string(), "body".to_string()], 1)
        );
    }

    #[test]
    fn an_intro_of_several_short_paragraphs_after_the_headline_joins_whole() {
        // The headline's box: the title, an intro of four short paragraphs,
        // a byline and a date; the lead image; then the body.
        let body = P.repeat(12);
        let src = format!(
            "<body><div id=page><div class=head><h1>The town that gave up cars</h1>\
             <p id=a>Ten years ago the council closed the old centre to traffic for good.</p>\
             <p id=b>Shopkeepers feared the worst; most of them now say trade has grown.</p>\
             <p id=c>Other towns in the region have sent planners to see how it was done.</p>\
             <p id=d>We spent a week there to find out what changed and what did not.</p>\
             <p>By Ana Ruiz</p><p>21 May 2025</p></div>\
             <div class=lead><img src=/a.jpg><p>The old market square, closed to cars \
             since the spring of 2015.</p></div>\
             <div id=body>{body}</div></div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h1 = first_h1(&facts);
        // The root alone, as when the headline's box is not joined whole.
        let root = (0..facts.nodes.len() as Ix)
            .find(|&i| id_of(&html, &facts, i).as_deref() == Some("body"));
        let parts: Vec<Ix> = root.into_iter().collect();
        let (parts, standfirst) = with_standfirst(&facts, &marks, h1, parts);
        let id = |p: Ix| id_of(&html, &facts, p);
        let ids: Vec<_> = parts.into_iter().filter_map(id).collect();
        let want = ["a", "b", "c", "d", "body"].map(String::from).to_vec();
        assert_eq!((ids, standfirst), (want, 4));
    }

    #[test]
    fn paragraphs_set_above_a_boxed_body_join_it_a_closing_note_does_not() {
        // The story's intro set straight in its box, the long body in a
        // group box inside it, then one closing line (a disclosure), or
        // the text going on after the box.
        let page = |tail: &str| {
            let body = P.repeat(20);
            format!(
                "<body><article><h1>How I refinished an old dresser</h1>\
                 <div class=entry-content><p id=intro>Do you have an old piece of furniture \
                 in need of some care? Refinishing it is easier than it looks.</p>\
                 <div class=group><div id=box>{body}</div></div>{tail}</div></article></body>"
            )
        };
        let ids = |src: &str| {
            let html = Html::parse_document(src);
            let facts = Facts::compute(&html);
            let marks = classify(&html, &facts);
            let parts = select(&html, &facts, &marks, first_h1(&facts), PageType::Article);
            let id = |p: Ix| id_of(&html, &facts, p);
            parts.into_iter().filter_map(id).collect::<Vec<_>>()
        };
        let note = "<p id=note>Some of my posts contain affiliate links; buying through \
                    them supports this blog at no cost to you.</p>";
        assert_eq!(ids(&page(note)), ["intro", "box"]);
        let more = "<p id=coat>Once the stain had dried overnight I gave the top three \
                    thin coats of wipe-on polyurethane.</p><p id=pulls>The drawers got new \
                    brass pulls, and the dresser went back into the bedroom.</p>";
        assert_eq!(ids(&page(more)), ["intro", "box", "coat", "pulls"]);
    }

    #[test]
    fn an_intro_boxed_beside_the_bodys_branch_joins_it_a_lone_standfirst_does_not() {
        // A guide's opening paragraphs in a section of their own, before the
        // long section of picks the root goes down into; one paragraph
        // alone in such a box is a standfirst, left out.
        let page = |intro: &str| {
            let picks = P.repeat(40);
            format!(
                "<body><main><div class=hero><h1>The best ferries of the year</h1></div>\
                 <div class=columns><div class=column><section id=intro><div>{intro}</div>\
                 </section><section id=picks><h2>Our picks</h2>{picks}</section></div>\
                 </div></main></body>"
            )
        };
        let ids = |src: &str, page_type| {
            let html = Html::parse_document(src);
            let facts = Facts::compute(&html);
            let marks = classify(&html, &facts);
            let parts = select(&html, &facts, &marks, first_h1(&facts), page_type);
            let id = |p: Ix| id_of(&html, &facts, p);
            parts.into_iter().filter_map(id).collect::<Vec<_>>()
        };
        let first = "<p>Choosing a ferry for a summer crossing need not be hard, whether \
                     you travel on foot, by bike or with a car, and whatever the sea does on the \
                     day: most routes run all year, and the short ones sail every hour.</p>";
        let second = "<p>To help you choose, we sailed on twenty routes this spring and \
                      timed, tasted and slept our way across each of them, in calm weather and in \
                      storms, with children, dogs and bicycles along.</p>";
        let both = page(&format!("{first}{second}"));
        assert_eq!(ids(&both, PageType::Article), ["intro", "picks"]);
        assert_eq!(ids(&page(first), PageType::Article), ["picks"]);
        // Under a heading of its own, one paragraph is a section that
        // opens the text, on a service page too.
        let headed = page(&format!("<h2>How to choose</h2>{first}"));
        assert_eq!(ids(&headed, PageType::Service), ["intro", "picks"]);
    }

    #[test]
    fn questions_after_the_bodys_module_box_join_it_a_short_promotion_does_not() {
        // The root goes down through the body's module box, which holds
        // nothing else; the modules after it are the page's.
        let (eight, four) = (P.repeat(8), P.repeat(4));
        let qa = "<h3>When does the ferry run again?</h3>".to_owned() + P;
        let src = format!(
            "<body><div id=page><div id=module><div id=art><h2>The repairs</h2>{eight}\
             <h2>The timetable</h2>{four}</div></div>\
             <div id=promo><h2>Work with us</h2>{P}{P}</div>\
             <div id=faq><h2>Questions</h2>{qa}{qa}{qa}</div></div></body>"
        );
        assert_eq!(part_ids(&src, false), ["art", "faq"]);
        // A box headed below the article's outline is no section of it.
        let notes = src.replace("<h2>Questions</h2>", "<h5>Notes</h5>");
        assert_eq!(part_ids(&notes, false), ["art"]);
    }

    #[test]
    fn keeps_a_split_body_together() {
        let src = format!("<body id=b><div id=art><div>{P}{P}</div><div>{P}{P}</div></div></body>");
        assert_eq!(root_id(&src).as_deref(), Some("art"));
    }

    #[test]
    fn a_page_of_link_cards_is_found_by_its_link_text() {
        let card = |n: u32| {
            format!(
                "<div class=card><a href=/e/{n}><h3>Harbour open day number {n}</h3>\
                 <p>Tours of the pilot boats and the lifeboat station, with talks every hour.</p></a></div>"
            )
        };
        let src = format!(
            "<body><div id=top><a href=/>Home</a> <a href=/e>Events</a> <a href=/n>News</a></div>\
             <div id=main><h1>Events</h1><div id=cards>{}{}{}{}</div></div>\
             <div id=foot><p>Harbour Trust, Quay Street 4</p></div></body>",
            card(1),
            card(2),
            card(3),
            card(4)
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let root = select(
            &html,
            &facts,
            &marks,
            headline(&html, &facts, &marks, None),
            PageType::Other,
        )[0];
        assert_eq!(id_of(&html, &facts, root).as_deref(), Some("cards"));
    }

    #[test]
    fn a_page_of_items_keeps_its_heading_and_intro_beside_the_items() {
        let card = |n: u32| {
            format!(
                "<div class=card><a href=/e/{n}><h3>Harbour open day number {n}</h3>\
                 <p>Tours of the pilot boats and the lifeboat station, with talks every hour.</p></a></div>"
            )
        };
        let cards: String = (1..=8).map(card).collect();
        let src = format!(
            "<body><div id=top><a href=/>Home</a> <a href=/e>Events</a></div>\
             <div id=main><h1>Events</h1><p>What is on at the harbour this summer: open days, \
             boat tours and the lifeboat station's talks.</p>\
             <div id=cards>{cards}</div></div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h1 = first_h1(&facts).unwrap();
        let holds_heading = |page_type| {
            select(
                &html,
                &facts,
                &marks,
                headline(&html, &facts, &marks, None),
                page_type,
            )
            .iter()
            .any(|&p| facts.contains(p, h1))
        };
        assert!(!holds_heading(PageType::Article));
        assert!(holds_heading(PageType::Listing));
    }

    #[test]
    fn a_page_of_items_joins_its_card_grid_to_a_shorter_text() {
        let card = |n: u32| {
            format!(
                "<li class=tile><a href=/p/{n}><img src=/i/{n}.jpg><h3>Climbing rose number {n}</h3>\
                 <span>Repeat-flowering, scented, for a sunny wall or a fence.</span></a></li>"
            )
        };
        let cards: String = (1..=10).map(card).collect();
        let page = |intro: &str| {
            format!(
                "<body><div id=top><a href=/>Home</a> <a href=/r>Roses</a></div>\
                 <div id=intro><h1>Climbing roses</h1>{intro}</div>\
                 <div class=results><ul id=grid>{cards}</ul></div></body>"
            )
        };
        let parts_hold_grid = |src: &str| {
            let html = Html::parse_document(src);
            let facts = Facts::compute(&html);
            let marks = classify(&html, &facts);
            let grid = facts.by_id(&html, "grid").unwrap();
            let card_text = facts.nodes[grid as usize].text_len;
            let intro = facts.by_id(&html, "intro").unwrap();
            with_item_grid(&facts, &marks, vec![intro], Some((grid, card_text))).contains(&grid)
        };
        assert!(parts_hold_grid(&page(P)));
        // Beside a text as long as the cards, the cards are its teasers.
        assert!(!parts_hold_grid(&page(&P.repeat(12))));
    }

    #[test]
    fn cards_in_the_pages_main_join_an_intro_set_above_it() {
        let card = |n: u32| {
            format!(
                "<article class=entry><h2><a href=/r/{n}>Air fryer dish number {n}, crisp and done in twenty minutes</a></h2></article>"
            )
        };
        let cards: String = (1..=12).map(card).collect();
        let intro = P.repeat(5);
        let page = |main: &str| {
            format!(
                "<body><div id=top><a href=/>Home</a> <a href=/r>Recipes</a></div>\
                 <div id=intro><h1>Air fryer recipes</h1>{intro}</div>\
                 <div class=wrap><{main} id=grid>{cards}</{main}>\
                 <aside class=sidebar><a href=/about>About me</a></aside></div></body>"
            )
        };
        let parts_hold_grid = |src: &str| {
            let html = Html::parse_document(src);
            let facts = Facts::compute(&html);
            let marks = classify(&html, &facts);
            let grid = facts.by_id(&html, "grid").unwrap();
            let card_text = facts.nodes[grid as usize].text_len;
            let intro = facts.by_id(&html, "intro").unwrap();
            with_item_grid(&facts, &marks, vec![intro], Some((grid, card_text))).contains(&grid)
        };
        // The intro is longer than the cards: only the landmark says the
        // cards are the page's content.
        assert!(parts_hold_grid(&page("main")));
        assert!(!parts_hold_grid(&page("div")));
    }

    #[test]
    fn a_service_page_keeps_its_sections_beside_the_longest() {
        let qa = |n: u32| {
            format!(
                "<h3>Can I move my booking, question {n}?</h3><p>Yes: bookings can be moved \
                 up to two days before the crossing at no cost, online or at the ticket office.</p>"
            )
        };
        let questions: String = (1..=12).map(qa).collect();
        let feature = |n: u32| {
            format!(
                "<div id=f{n}><h2>Why us, part {n}</h2><p>Crossings hourly from seven, \
                 with room for cars and bikes.</p></div>"
            )
        };
        let features: String = (1..=5).map(feature).collect();
        let src = format!(
            "<body><div id=top><a href=/>Home</a> <a href=/t>Tickets</a></div>\
             <div id=page>{features}\
             <div id=faq><h2>Questions</h2>{questions}</div></div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let features = facts.by_id(&html, "f1").unwrap();
        let holds_features = |page_type| {
            select(&html, &facts, &marks, None, page_type)
                .iter()
                .any(|&p| facts.contains(p, features) || p == features)
        };
        assert!(!holds_features(PageType::Article));
        assert!(holds_features(PageType::Service));
    }

    #[test]
    fn questions_below_the_headline_do_not_take_the_root_from_the_hero() {
        let question = |n: u32| {
            format!(
                "<li class=accordion-item><h3>Question {n}: when does the course run?</h3>\
                 <p>Classes meet online every Thursday for fourteen weeks, with a workshop \
                 in the middle of the term and a final presentation to the cohort.</p></li>"
            )
        };
        let questions: String = (1..=7).map(question).collect();
        let src = format!(
            "<body><div id=top><a href=/>Home</a> <a href=/c>Courses</a></div>\
             <div id=page><section><div id=hero><h1>Product leadership course</h1>\
             <p id=pitch>A part-time programme for editors who lead products: fourteen \
             weeks of live sessions, coaching and a project of your own, with a certificate \
             at the end of it.</p></div></section>\
             <section><div class=block><ul class=accordion-items-container>{questions}</ul>\
             </div></section></div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let pitch = facts.by_id(&html, "pitch").unwrap();
        let h1 = first_h1(&facts);
        let holds_pitch = |headline| {
            select(&html, &facts, &marks, headline, PageType::Article)
                .iter()
                .any(|&p| facts.contains(p, pitch) || p == pitch)
        };
        // Without the headline there is nothing to say the questions are below it.
        assert!(!holds_pitch(None));
        assert!(holds_pitch(h1));
    }

    #[test]
    fn a_forum_threads_root_holds_the_question_and_the_replies_beside_it() {
        let reply = |n: u32| {
            format!(
                "<li class=item><span>rider{n}</span><p>The harbour office says the stage \
                 reopens on Monday, with the first crossing at seven, though they said the \
                 same last week and the week before, so I would plan on the road round the \
                 bay all the same.</p></li>"
            )
        };
        let replies: String = (1..=2).map(reply).collect();
        let src = format!(
            "<body><div id=nav><a href=/>Forums</a> <a href=/t>Travel</a></div>\
             <main id=thread><div id=question><h1>Ferry cancelled again</h1>\
             <div id=message>{P}{P}{P}</div></div>\
             <div id=later><ul>{replies}</ul></div></main></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let h1 = first_h1(&facts);
        let replies = facts.by_id(&html, "later").unwrap();
        let holds_replies = |page_type| {
            select(&html, &facts, &marks, h1, page_type)
                .iter()
                .any(|&p| facts.contains(p, replies) || p == replies)
        };
        assert!(holds_replies(PageType::Forum));
        // An article follows its headline into the story.
        assert!(!holds_replies(PageType::Article));
    }

    #[test]
    fn a_documentation_page_keeps_its_intro_beside_the_longest_section() {
        let option = |n: u32| {
            format!(
                "<dt>timeout_{n}</dt><dd><p>Seconds to wait for the server before the \
                 request fails; zero waits for ever, and the default is thirty.</p></dd>"
            )
        };
        let options: String = (1..=6).map(option).collect();
        let src = format!(
            "<body><div id=nav><a href=/>Docs</a> <a href=/api>API</a></div>\
             <article><section><h1>Client</h1>\
             <p id=intro>This document describes the client, how it connects to the server \
             and the settings it reads when it does, with an example for each.</p>\
             <section><h2>Reference</h2>\
             <section><h3>Connecting</h3><p>Call connect with the address of the server; \
             it returns a session that closes itself when it is dropped.</p>\
             <p>A session may be shared between threads: each request takes a connection \
             from the pool and puts it back.</p></section>\
             <section><h3>Settings</h3><dl>{options}</dl></section>\
             </section></section></article></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let intro = facts.by_id(&html, "intro").unwrap();
        let holds_intro = |page_type| {
            select(&html, &facts, &marks, None, page_type)
                .iter()
                .any(|&p| facts.contains(p, intro) || p == intro)
        };
        // Not by the scores alone: the root goes down into the reference.
        assert!(!holds_intro(PageType::Other));
        assert!(holds_intro(PageType::Documentation));
    }

    #[test]
    fn a_product_page_keeps_its_buy_box_beside_the_description() {
        let src = "<body><div id=top><a href=/>Shop</a> <a href=/bags>Bags</a></div>\
             <div id=product><div id=buy><h1>Canvas Tote</h1><p>$49.00</p>\
             <p id=blurb>A roomy tote in waxed canvas with leather handles, an inner zip pocket \
             for keys and a magnetic snap, made to carry a laptop, a lunch and a book all day \
             long.</p></div>\
             <div id=tabs><div id=details><h2>Description</h2><p>Cut from a heavy waxed cotton canvas that \
             shrugs off rain and softens with use, the tote is stitched with bonded thread and \
             reinforced with rivets at every stress point, so it keeps its shape for years.</p>\
             <p>The handles are full-grain leather, long enough to wear over a coat, and the base \
             is lined to stand on its own on the floor of a train or a cafe while you wait.</p>\
             </div></div></div></body>";
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let blurb = facts.by_id(&html, "blurb").unwrap();
        let holds_blurb = |page_type| {
            select(&html, &facts, &marks, None, page_type)
                .iter()
                .any(|&p| facts.contains(p, blurb) || p == blurb)
        };
        assert!(!holds_blurb(PageType::Article));
        assert!(holds_blurb(PageType::Product));
    }

    #[test]
    fn a_page_of_items_keeps_its_heading_and_intro_above_them() {
        let card = |n: u32| {
            format!(
                "<div class=card><a href=/p/{n}>Oak shelf number {n}</a><p>Solid oak, oiled \
                 by hand, ninety centimetres wide and made to order.</p></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let src = format!(
            "<body><div id=top><h1>Oak shelves</h1><p>Shelves for every room.</p></div>\
             <div id=grid>{cards}</div></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let headline = headline(&html, &facts, &marks, None);
        let id = |i: Ix| id_of(&html, &facts, i);
        let grid = facts.by_id(&html, "grid").unwrap();
        let parts = with_items_heading(&facts, &marks, vec![grid], headline);
        let ids: Vec<_> = parts.iter().filter_map(|&i| id(i)).collect();
        assert_eq!(ids, ["top", "grid"]);
        // A heading block longer than the items is a page of its own.
        let top = facts.by_id(&html, "top").unwrap();
        let first = facts.by_id(&html, "top").unwrap() + 1;
        assert_eq!(
            with_items_heading(&facts, &marks, vec![first], headline).len(),
            1
        );
        assert_eq!(
            with_items_heading(&facts, &marks, vec![top], headline),
            [top]
        );
    }

    #[test]
    fn a_page_of_items_keeps_its_bands_of_cards_not_its_related_links() {
        let card = |n: u32| {
            format!(
                "<div class=card><a href=/r/{n}><img src=/i/{n}.jpg alt=''>Crispy tofu \
                 number {n}</a><span>12 reviews</span></div>"
            )
        };
        let cards = |from: u32| -> String { (from..from + 4).map(card).collect() };
        let prose = "<p>Our kitchen tested every one of these in a small basket fryer, and \
                     we tell you how long each takes and what to serve beside it.</p>";
        let src = format!(
            "<body><main><section id=intro><h1>Air fryer recipes</h1>{prose}</section>\
             <section id=top><h2>Top rated</h2>{}</section>\
             <section id=story><h2>Our kitchen</h2><img src=/a.jpg><img src=/b.jpg>\
             <img src=/c.jpg>{prose}<a href=/x>x</a><a href=/y>y</a><a href=/z>z</a></section>\
             <section id=grid><h2>All recipes</h2>{}</section>\
             <section id=quick><h2>Quick dinners</h2>{}</section>\
             <section id=also><h2>Also see</h2>{}</section></main></body>",
            cards(1),
            cards(10),
            cards(20),
            cards(30)
        );
        let ids = card_section_ids(&src, &["intro", "grid"]);
        // The bands between and after the parts join; the prose with
        // pictures does not, nor the band labelled as related links.
        assert_eq!(ids, ["intro", "top", "grid", "quick"]);
    }

    #[test]
    fn a_lone_guide_below_bands_of_cards_keeps_the_bands_above_it() {
        let card = |n: u32| {
            format!(
                "<div class=card><a href=/g/{n}><img src=/i/{n}.jpg alt=''>Solid body \
                 guitar {n}</a><span>$199</span></div>"
            )
        };
        let cards = |from: u32| -> String { (from..from + 4).map(card).collect() };
        let prose = "<p>Before you buy your first electric guitar, think about the music \
                     you play, the neck you like and the pickups that give your sound.</p>";
        let src = format!(
            "<body><main><section id=top><h2>Top sellers</h2>{}</section>\
             <section id=new><h2>New arrivals</h2>{}</section>\
             <section id=guide><h2>A buyer's guide</h2>{prose}{prose}</section>\
             </main></body>",
            cards(1),
            cards(10)
        );
        assert_eq!(card_section_ids(&src, &["guide"]), ["top", "new", "guide"]);
    }
}
