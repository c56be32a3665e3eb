//! Label evidence: a short heading or line that names the block it opens
//! ("You May Also Like", "Leave a Reply", "Lesen Sie auch"), and the region
//! such a label marks (the label, the list or teaser after it, up to the
//! limits of [`WEIGHTS`]).

use super::*;
use crate::dom::normalize;
use crate::heuristics::PRODUCT_DETAIL_HEADINGS;
use std::borrow::Cow;

/// Evidence from words: a short, link-free label or heading that names a
/// block ("You May Also Like", "Leave a Reply", "Connect with us"); the kind
/// and the listed phrase that matched.
pub(super) fn by_words(html: &Html, facts: &Facts, i: Ix) -> Option<(Boilerplate, &'static str)> {
    let f = &facts.nodes[i as usize];
    let heading = matches!(f.tag, Tag::Heading(_));
    let leaf = !f.tag.is_inline() && !f.has_block;
    // A heading may link its words ("Related coverage from <a>Money</a>");
    // another short block must not be a link itself.
    // A heading drawn as a picture of its words reads as the picture's alt text.
    if heading && f.text_len == 0 {
        return image_heading_label(html, facts, i);
    }
    if f.tag == Tag::Inline && f.link_len == 0 && is_bold_line(html, facts, i) {
        return bold_related_label(html, facts, i);
    }
    if !(heading || leaf) || f.text_len == 0 || (!heading && f.link_len * 2 > f.text_len) {
        return None;
    }
    if f.text_len as usize > BOILERPLATE_LINE_MAX_CHARS {
        return None;
    }
    label(&normalize_flat(facts.flat_text(html, i, &|_| false)))
}

/// Whether the inline element `i` is a bold line that heads the blocks
/// after it (`<div><b>Related links:</b><div><a>…</a></div>…</div>`): a
/// `b` or `strong` that opens a layout box and is followed by a block, not
/// by more of a sentence.
fn is_bold_line(html: &Html, facts: &Facts, i: Ix) -> bool {
    let f = &facts.nodes[i as usize];
    let parent = f.parent;
    let p = &facts.nodes[parent as usize];
    if p.tag != Tag::Block || (parent + 1..i).any(|d| facts.nodes[d as usize].text_len > 0) {
        return false;
    }
    let next = (f.end..p.end).find(|&d| {
        let n = &facts.nodes[d as usize];
        n.tag != Tag::Text || n.text_len > 0
    });
    next.is_some_and(|d| {
        let n = &facts.nodes[d as usize];
        n.parent == parent && !n.tag.is_inline()
    }) && facts
        .element(html, i)
        .is_some_and(|el| BOLD_TAGS.contains(&el.value().name()))
}

/// A bold line's label, when it is a related-block heading: the only kind
/// a bold line is read as (a bold "Share" or "Comments" line is left to the
/// markup around it).
fn bold_related_label(html: &Html, facts: &Facts, i: Ix) -> Option<(Boilerplate, &'static str)> {
    if facts.nodes[i as usize].text_len as usize > BOILERPLATE_LINE_MAX_CHARS {
        return None;
    }
    label(&normalize_flat(facts.flat_text(html, i, &|_| false)))
        .filter(|&(kind, _)| kind == Boilerplate::Related)
}

/// The label of a heading without text whose only picture is its words
/// (`<h2><img alt="Related"></h2>`): the picture's alt text, read as a line.
fn image_heading_label(html: &Html, facts: &Facts, i: Ix) -> Option<(Boilerplate, &'static str)> {
    let f = &facts.nodes[i as usize];
    if f.imgs != 1 || f.links > 0 {
        return None;
    }
    let img = (i + 1..f.end).find(|&d| facts.nodes[d as usize].tag == Tag::Img)?;
    let alt = facts.element(html, img)?.value().attr("alt")?;
    if alt.len() > BOILERPLATE_LINE_MAX_CHARS {
        return None;
    }
    label(&normalize(alt))
}

/// What a short line of (normalized) text says it is, if it is a label (a
/// UI label or call to action, a related-block heading ("You may also
/// like"), a comment-section heading ("Leave a reply", "Отзывы"), a site
/// widget's heading ("Most popular")), with the listed phrase that matched.
pub(crate) fn label(text: &str) -> Option<(Boilerplate, &'static str)> {
    if let Some(found) = boilerplate_line(text) {
        return Some(found);
    }
    let bare = bare_heading(text)?;
    let bare: &str = &bare;
    static RELATED: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(RELATED_HEADINGS.iter().copied()));
    static COMMENT: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(COMMENT_HEADINGS.iter().copied()));
    static POPULAR: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(POPULAR_HEADINGS.iter().copied()));
    if let Some(p) = RELATED
        .find(RELATED_HEADINGS, bare)
        .find(|p| bare == **p || starts_phrase(bare, p))
    {
        return Some((Boilerplate::Related, p));
    }
    if let Some(p) = COMMENT.find(COMMENT_HEADINGS, bare).find(|p| bare == **p) {
        return Some((Boilerplate::Comments, p));
    }
    if let Some(p) = POPULAR
        .find(POPULAR_HEADINGS, bare)
        .find(|p| bare == **p || starts_phrase(bare, p))
    {
        return Some((Boilerplate::Navigation, p));
    }
    None
}

/// The entries of a phrase list grouped by the first byte of their phrase,
/// in list order within each group: a text can equal or start with only the
/// phrases that open with its own first byte, so a lookup walks those few
/// instead of the whole list (the lists run to hundreds of phrases, and every
/// short block of the page is looked up). An empty phrase is in every group.
struct ByFirstByte {
    /// Entry indices for texts opening with each byte; the last for the
    /// empty text.
    groups: Vec<Vec<u16>>,
}

impl ByFirstByte {
    fn new<'p>(phrases: impl Iterator<Item = &'p str>) -> ByFirstByte {
        let mut groups = vec![Vec::new(); 257];
        for (k, phrase) in phrases.enumerate() {
            let k = u16::try_from(k).expect("a phrase list of fewer than 65,536 entries");
            match phrase.as_bytes().first() {
                Some(&b) => groups[usize::from(b)].push(k),
                None => groups.iter_mut().for_each(|g| g.push(k)),
            }
        }
        ByFirstByte { groups }
    }

    /// The entries of `list` (the list the index was built from) that
    /// `text` may equal or start with, in list order.
    fn find<'l, T>(&'l self, list: &'l [T], text: &str) -> impl Iterator<Item = &'l T> + 'l {
        let group = text.as_bytes().first().map_or(256, |&b| usize::from(b));
        self.groups[group]
            .iter()
            .filter_map(|&k| list.get(usize::from(k)))
    }
}

/// Whether the label at `i` is exactly a related-block heading (see
/// [`is_related_label`]), asked only of labels already read as related.
pub(super) fn phrase_is_whole_label(html: &Html, facts: &Facts, i: Ix) -> bool {
    is_related_label(&normalize_flat(facts.flat_text(html, i, &|_| false)))
}

/// A heading's (normalized) text as the heading lists are written: no counts
/// ("12 Comments", "Comments (3)"), brackets or trailing punctuation; `None`
/// when it is too long to be a heading.
pub(super) fn bare_heading(text: &str) -> Option<Cow<'_, str>> {
    // No more characters than bytes: most texts are short enough by bytes.
    if text.len() > HEADING_MAX_CHARS && text.chars().count() > HEADING_MAX_CHARS {
        return None;
    }
    let dropped = |c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | '[' | ']' | '【' | '】');
    fn ends(s: &str) -> &str {
        s.trim()
            .trim_end_matches([':', '.', '!', '»', '›', '…'])
            .trim()
    }
    // Most headings have no count or bracket to drop: their ends are trimmed
    // in place.
    if !text.contains(dropped) {
        return Some(Cow::Borrowed(ends(text)));
    }
    let bare: String = text.chars().filter(|&c| !dropped(c)).collect();
    Some(Cow::Owned(ends(&bare).to_string()))
}

/// Whether a line of (normalized) text is exactly a related-block heading,
/// not one that merely starts with the phrase: a label standing for the
/// teasers after it.
pub(crate) fn is_related_label(text: &str) -> bool {
    bare_heading(text).is_some_and(|bare| RELATED_HEADINGS.contains(&&*bare))
}

/// A short block of chrome by its (normalized) words: a UI label standing
/// alone, or a call to action ("Click to comment", "Share this:"); the kind
/// and the listed phrase that matched. A UI label may end in a colon.
pub(crate) fn boilerplate_line(lower: &str) -> Option<(Boilerplate, &'static str)> {
    static LABELS: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(UI_LABELS.iter().map(|&(label, _)| label)));
    static LINES: LazyLock<ByFirstByte> =
        LazyLock::new(|| ByFirstByte::new(BOILERPLATE_LINES.iter().map(|&(phrase, _)| phrase)));
    let bare = lower.strip_suffix(':').unwrap_or(lower).trim_end();
    LABELS
        .find(UI_LABELS, bare)
        .find(|(label, _)| bare == *label)
        .or_else(|| {
            LINES
                .find(BOILERPLATE_LINES, lower)
                .find(|(phrase, _)| lower == *phrase || starts_phrase(lower, phrase))
        })
        .map(|&(phrase, kind)| (kind, phrase))
}

/// Whether a normalized heading is or opens with a product-detail
/// heading's words ([`PRODUCT_DETAIL_HEADINGS`]), up to a word's end.
pub(crate) fn names_product_detail(heading: &str) -> bool {
    PRODUCT_DETAIL_HEADINGS
        .iter()
        .any(|p| is_or_starts_phrase(heading, p))
}

/// Whether `text` is `phrase`, or starts with it (see [`starts_phrase`]).
pub(crate) fn is_or_starts_phrase(text: &str, phrase: &str) -> bool {
    text == phrase || starts_phrase(text, phrase)
}

/// Whether `text` starts with `phrase` followed by a word boundary.
pub(crate) fn starts_phrase(text: &str, phrase: &str) -> bool {
    // Most phrases of a list differ from the text in the first byte: turn
    // those away before comparing the rest.
    phrase
        .as_bytes()
        .first()
        .is_none_or(|b| text.as_bytes().first() == Some(b))
        && text
            .strip_prefix(phrase)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !c.is_alphanumeric())
}

/// Marks the block a label opens. From the label, climb while the parent adds
/// no prose and stays a small part of the page: the largest such ancestor is
/// the block. If the label sits directly among prose (an "Related" heading in
/// the article body), the block is the label and the siblings after it, up to
/// the next heading. Returns the nodes it marked, the block's head first.
pub(super) fn mark_region(
    marks: &mut Marks,
    facts: &Facts,
    prose: &Prose,
    share: &dyn Fn(Ix) -> f32,
    (label, kind, phrase): (Ix, Boilerplate, &str),
    lone_label: bool,
) -> Vec<Ix> {
    // A related block, or a site's widget of its popular or newest posts:
    // a list of teasers under its heading, taken as a related block is.
    let teasers = kind == Boilerplate::Related || POPULAR_HEADINGS.contains(&phrase);
    // An ad label or a widget's chrome names a box of its own: the box ends
    // before the sentences around it, however short they are (one-sentence
    // paragraphs hold little prose by length). Comment areas and related
    // blocks are made of sentences and teasers, and climb by prose alone;
    // their label heads them, so their block takes no parent with text
    // before the label's part (a box's label may close it: "Jetzt abonnieren"
    // under a newsletter's pitch).
    let box_only = matches!(kind, Boilerplate::Ads | Boilerplate::Other);
    let mut top = label;
    loop {
        let p = facts.nodes[top as usize].parent;
        if p == top
            || matches!(
                facts.nodes[p as usize].tag,
                Tag::Body | Tag::Main | Tag::Article
            )
            || prose.chars[p as usize]
                > prose.chars[label as usize] + WEIGHTS.region_max_prose_chars
            || (box_only
                && prose.sentences[p as usize]
                    > prose.sentences[label as usize] + WEIGHTS.label_box_max_sentences)
            || share(p) > WEIGHTS.region_max_share
            || prose.h1s[p as usize] > prose.h1s[label as usize]
            || (!box_only && text_before(facts, p, top) > WEIGHTS.label_max_text_before)
            // A related heading's box ends with its list: once it holds the
            // block's links, a parent that goes on with text of its own and
            // fewer links than teasers take after it (an item's summary
            // after "People who viewed this item also viewed") holds more
            // than the block.
            || (teasers
                && facts.nodes[top as usize].links >= WEIGHTS.related_min_links
                && matches!(text_after(facts, p, top),
                    (text, links) if text > WEIGHTS.label_max_text_before
                        && links < WEIGHTS.related_min_links))
            // An ad's label opens its box: a paragraph of plain text after
            // the box is the post or story it stands in (a forum's ad slot
            // above a short first post), however few its sentences.
            || (kind == Boilerplate::Ads && paragraph_after(facts, p, top))
        {
            break;
        }
        top = p;
    }
    // A heading among prose: its block runs to the next heading of the same
    // or a higher rank, or to the next paragraph of plain prose.
    let mut last = top;
    let heading = matches!(facts.nodes[label as usize].tag, Tag::Heading(_));
    // A page builder sets each heading in boxes of its own (a heading
    // widget): a box holding a related heading and nothing else stands for
    // it. (The box of another label, "Loading…", is a box of chrome.)
    let alone = top == label
        || (teasers
            && heading
            && facts.nodes[top as usize].text_len == facts.nodes[label as usize].text_len
            && facts.nodes[top as usize].links == 0);
    if alone && (heading || teasers) {
        // A related label that is not a heading ("関連記事" in a div) ends at
        // any heading.
        let level = match facts.nodes[label as usize].tag {
            Tag::Heading(l) => l,
            _ => 6,
        };
        let parent_end = facts.nodes[facts.nodes[top as usize].parent as usize].end;
        let mut s = facts.nodes[top as usize].end;
        while s < parent_end {
            // The article goes on: the next heading (or, for a label in a
            // box, the next heading's box or a box of prose: a forum's posts
            // after "Recommended Posts", a story's paragraphs after a video
            // player's "Up Next"), or prose without links (a teaser's
            // excerpt comes with its headline link). Under a heading, a box
            // of teasers whose titles are headings of the heading's rank
            // starts with a heading, the first teaser's: it goes on with the
            // block (a label that is no heading still ends at any heading).
            let teasers_box = || is_run_of_teasers(facts, prose, s);
            let opens_with_heading = || {
                first_words(facts, s).is_some_and(
                    |d| matches!(facts.nodes[d as usize].tag, Tag::Heading(l) if l <= level),
                )
            };
            if matches!(facts.nodes[s as usize].tag, Tag::Heading(l) if l <= level)
                || (top != label
                    && (prose.chars[s as usize] > WEIGHTS.region_max_prose_chars
                        || is_paragraph_of_text(&facts.nodes[s as usize]))
                    && !teasers_box())
                || (top != label && opens_with_heading() && !(heading && teasers_box()))
                || (facts.nodes[s as usize].links == 0
                    && facts.nodes[s as usize].text_len >= WEIGHTS.sentence_min_chars)
            {
                break;
            }
            if facts.nodes[s as usize].tag != Tag::Text {
                last = s;
            }
            s = facts.nodes[s as usize].end;
        }
    }
    // Related blocks are made of links; a heading that merely starts with
    // "More" over prose is a section of the article.
    let (mut links, mut text, mut link_text) = (0, 0, 0);
    for s in siblings(facts, top, last) {
        let f = &facts.nodes[s as usize];
        (links, text, link_text) = (links + f.links, text + f.text_len, link_text + f.link_len);
    }
    // A label alone before one teaser: the teaser is its link, not a
    // sentence that cites one ("See also: for the full list, see <a>…</a>").
    let one_teaser = lone_label
        && links > 0
        && link_text as f32 >= WEIGHTS.teaser_min_link_density * text as f32;
    if teasers && links < WEIGHTS.related_min_links && !one_teaser {
        return Vec::new();
    }
    let mut marked = Vec::new();
    if mark(marks, top, kind) {
        marked.push(top);
    }
    for s in siblings(facts, top, last).skip(1) {
        if marks.kind[s as usize].is_none() {
            marks.kind[s as usize] = Some(kind);
            marked.push(s);
        }
    }
    marked
}

/// A box of teasers, not of prose, however long their excerpts: it holds
/// at least [`Weights::related_min_links`] headings that are links and
/// nothing else, each long enough to be a post's title (a forum post's
/// heading is its poster's name), with no more than an excerpt's prose
/// each. Read only for the box after a related heading's own box.
fn is_run_of_teasers(facts: &Facts, prose: &Prose, s: Ix) -> bool {
    let titles = (s + 1..facts.nodes[s as usize].end)
        .filter(|&d| {
            let f = &facts.nodes[d as usize];
            matches!(f.tag, Tag::Heading(_))
                && f.text_len >= TEASER_TITLE_MIN_CHARS
                && f.link_len == f.text_len
        })
        .count() as u32;
    titles >= WEIGHTS.related_min_links
        && prose.chars[s as usize] <= titles * TEASER_MAX_PROSE_CHARS
}

/// A block that reads as a sentence of text with a link or two in it, not
/// as teasers: a sentence's length of text outside links, more than the
/// link text.
fn is_paragraph_of_text(f: &crate::dom::NodeFact) -> bool {
    f.text_len - f.link_len >= WEIGHTS.sentence_min_chars
        && (f.link_len as f32) < WEIGHTS.max_paragraph_link_density * f.text_len as f32
}

/// The text (links aside) that `parent` holds before its child `child`: a
/// few siblings' counts, read only when a label climbs.
fn text_before(facts: &Facts, parent: Ix, child: Ix) -> u32 {
    let mut text = 0;
    let mut s = parent + 1;
    while s < child {
        let f = &facts.nodes[s as usize];
        text += f.text_len - f.link_len;
        s = f.end;
    }
    text
}

/// The text (links aside) and the links that `parent` holds after its
/// child `child`: a few siblings' counts, read only when a related label
/// climbs.
fn text_after(facts: &Facts, parent: Ix, child: Ix) -> (u32, u32) {
    let (mut text, mut links) = (0, 0);
    let mut s = facts.nodes[child as usize].end;
    while s < facts.nodes[parent as usize].end {
        let f = &facts.nodes[s as usize];
        (text, links) = (text + f.text_len - f.link_len, links + f.links);
        s = f.end;
    }
    (text, links)
}

/// Whether `parent` holds a paragraph of text (see [`is_paragraph_of_text`])
/// after its child `child`: a few siblings, read only when an ad label climbs.
fn paragraph_after(facts: &Facts, parent: Ix, child: Ix) -> bool {
    let mut s = facts.nodes[child as usize].end;
    while s < facts.nodes[parent as usize].end {
        let f = &facts.nodes[s as usize];
        if is_paragraph_of_text(f) {
            return true;
        }
        s = f.end;
    }
    false
}

/// The element siblings from `first` to `last`, both included.
pub(super) fn siblings(facts: &Facts, first: Ix, last: Ix) -> impl Iterator<Item = Ix> + '_ {
    let mut s = first;
    std::iter::from_fn(move || {
        while s <= last {
            let cur = s;
            s = facts.nodes[s as usize].end;
            if facts.nodes[cur as usize].tag != Tag::Text {
                return Some(cur);
            }
        }
        None
    })
}
