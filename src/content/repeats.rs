//! Repeated items: a thread of posts, a list of cards.
//!
//! Where the page's content is a run of sibling items made alike (each post
//! of a forum thread, each card of a listing), one long item can hold most
//! of the score on its own (a post that quotes a long log) and the root
//! would descend into it, leaving the others out. The items are the
//! content together: when the root, or one of its ancestors, is one of
//! several siblings of the same kind that hold text, the root widens to
//! their parent. A product or landing page's folded panels (description,
//! specifications, offers) are such items too, however short all but one.

use crate::classify::Marks;
use crate::dom::{Facts, Ix, Tag};
use crate::heuristics::{
    ALIKE_SIBLING_MAX_LINK_DENSITY, MIN_REPEATED_ITEMS, PANEL_MAX_DEPTH, REPEATED_ITEM_MIN_SCORE,
    SHOP_TERMS_HEADING_WORDS, WEIGHTS,
};
use scraper::Html;

/// The article's parts, widened to the parent of the repeated items the
/// root sits in, if it sits in any.
pub(super) fn widen(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    score: &[f32],
    parts: Vec<Ix>,
) -> Vec<Ix> {
    let (Some(&root), Some(body)) = (parts.first(), facts.body()) else {
        return parts;
    };
    let mut item = root;
    while item != body && facts.nodes[item as usize].parent != item {
        let parent = facts.nodes[item as usize].parent;
        if alike_siblings(html, facts, marks, score, item) + 1 >= MIN_REPEATED_ITEMS {
            return vec![parent];
        }
        item = parent;
    }
    parts
}

/// On a product or service page, the article's parts with the root widened
/// to the set of folded panels it sits in: a shop folds its description,
/// its specifications and its feature list into an accordion's items (or
/// tabs), each opened by its heading, and a landing page its offers and
/// answers; the longest alone holds most of the score. Where the root, or an ancestor up to [`PANEL_MAX_DEPTH`] levels
/// above it, is one of several siblings alike that each open with a
/// heading, those panels take the root's place (and that of the parts
/// their parent holds). Panels marked (the reviews) or naming the shop's
/// terms (delivery, returns) stay out.
pub(super) fn widen_to_panels(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    parts: Vec<Ix>,
) -> Vec<Ix> {
    let (Some(&root), Some(body)) = (parts.first(), facts.body()) else {
        return parts;
    };
    let mut item = root;
    for _ in 0..PANEL_MAX_DEPTH {
        let parent = facts.nodes[item as usize].parent;
        if item == body || parent == item || parent == body {
            break;
        }
        if opening_heading(facts, item).is_some() {
            let panels = alike_panels(html, facts, marks, item);
            if panels.len() > 1 {
                let mut widened: Vec<Ix> = parts
                    .into_iter()
                    .filter(|&p| !facts.contains(parent, p))
                    .chain(panels)
                    .collect();
                widened.sort_unstable();
                return widened;
            }
        }
        item = parent;
    }
    parts
}

/// The heading that opens `i`, if its first words are a heading's.
fn opening_heading(facts: &Facts, i: Ix) -> Option<Ix> {
    (i + 1..facts.nodes[i as usize].end)
        .find(|&d| {
            let n = &facts.nodes[d as usize];
            matches!(n.tag, Tag::Heading(_)) || (n.tag == Tag::Text && n.text_len > 0)
        })
        .filter(|&d| matches!(facts.nodes[d as usize].tag, Tag::Heading(_)))
}

/// The unmarked siblings of `item` (itself among them) of its kind that
/// open with a heading, but for the shop's own panels: those whose heading
/// names its delivery or returns terms ([`SHOP_TERMS_HEADING_WORDS`]).
fn alike_panels(html: &Html, facts: &Facts, marks: &Marks, item: Ix) -> Vec<Ix> {
    let Some(kind) = kind(html, facts, item) else {
        return Vec::new();
    };
    let parent = facts.nodes[item as usize].parent;
    let end = facts.nodes[parent as usize].end;
    let mut c = parent + 1;
    let mut panels = Vec::new();
    while c < end {
        if marks.get(c).is_none()
            && facts.nodes[c as usize].text_len > 0
            && kind_matches(html, facts, c, &kind)
            && let Some(h) = opening_heading(facts, c)
            && !names_shop_terms(&facts.flat_text(html, h, &|_| false))
        {
            panels.push(c);
        }
        c = facts.nodes[c as usize].end;
    }
    panels
}

/// Whether a panel's heading names the shop's terms ("Delivery & Returns").
fn names_shop_terms(heading: &str) -> bool {
    heading.split(|c: char| !c.is_alphanumeric()).any(|w| {
        SHOP_TERMS_HEADING_WORDS
            .iter()
            .any(|t| w.eq_ignore_ascii_case(t))
    })
}

/// The article's parts, with the blocks alike to the root's outermost
/// wrapper between the headline and it: a story split over sibling blocks
/// of one kind (text widgets between image and quote widgets) whose largest
/// block the root descended into, through wrappers that hold nothing else
/// (`widget > wrap > text`), where the siblings of the root itself are none;
/// or, with no wrapper, the root's own siblings of its kind, held to a
/// looser share of links ([`ALIKE_SIBLING_MAX_LINK_DENSITY`]) than other
/// siblings.
/// Only those before the root: the story starts under its headline, while
/// the blocks of the same kind after it are as often the publisher's (an
/// "about us" box, the day's deals).
pub(super) fn join_alike(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    score: &[f32],
    headline: Option<Ix>,
    mut parts: Vec<Ix>,
) -> Vec<Ix> {
    let (&[root], Some(body), Some(headline)) = (parts.as_slice(), facts.body(), headline) else {
        return parts;
    };
    let parent_of = |i: Ix| facts.nodes[i as usize].parent;
    let mut top = root;
    while top != body
        && parent_of(top) != body
        && score[parent_of(top) as usize] <= score[root as usize]
    {
        top = parent_of(top);
    }
    let Some(kind) = kind(html, facts, top) else {
        return parts;
    };
    // The root's own siblings of its kind: the body's first box, which a
    // table of linked names (a ranking's) may fill with links past the
    // share a sibling may hold.
    let joins = |c: Ix| {
        if top != root {
            return super::joins(facts, marks, score, c, root);
        }
        let f = &facts.nodes[c as usize];
        marks.get(c).is_none()
            && score[c as usize] > 0.0
            && score[c as usize] >= WEIGHTS.lead_sibling_min_share * score[root as usize]
            && (f.link_len as f32) < ALIKE_SIBLING_MAX_LINK_DENSITY * f.text_len as f32
    };
    let parent = parent_of(top);
    let mut c = parent + 1;
    while c < top {
        if c > headline && joins(c) && kind_matches(html, facts, c, &kind) {
            parts.push(c);
        }
        c = facts.nodes[c as usize].end;
    }
    parts.sort_unstable();
    parts
}

/// How many siblings of `item` are of its kind (same tag and class list)
/// and hold a sentence's worth of content score.
fn alike_siblings(html: &Html, facts: &Facts, marks: &Marks, score: &[f32], item: Ix) -> usize {
    let Some(kind) = kind(html, facts, item) else {
        return 0;
    };
    let parent = facts.nodes[item as usize].parent;
    let end = facts.nodes[parent as usize].end;
    let mut c = parent + 1;
    let mut alike = 0;
    while c < end {
        let f = &facts.nodes[c as usize];
        if c != item
            && marks.get(c).is_none()
            && score[c as usize] >= REPEATED_ITEM_MIN_SCORE
            && kind_matches(html, facts, c, &kind)
        {
            alike += 1;
        }
        c = f.end;
    }
    alike
}

/// What makes two items alike: their tag and their class list. Items without
/// a class are alike only as `article` elements.
fn kind(html: &Html, facts: &Facts, i: Ix) -> Option<(Tag, String)> {
    let tag = facts.nodes[i as usize].tag;
    if tag.is_inline() {
        return None;
    }
    let class = facts.element(html, i)?.value().attr("class").unwrap_or("");
    let class = class.split_whitespace().collect::<Vec<_>>().join(" ");
    (!class.is_empty() || tag == Tag::Article).then_some((tag, class))
}

fn kind_matches(html: &Html, facts: &Facts, i: Ix, kind: &(Tag, String)) -> bool {
    facts.nodes[i as usize].tag == kind.0
        && facts.element(html, i).is_some_and(|e| {
            let class = e.value().attr("class").unwrap_or("");
            class
                .split_whitespace()
                .eq(kind.1.split(' ').filter(|w| !w.is_empty()))
        })
}

#[cfg(test)]
mod tests {
    use crate::classify::classify;
    use crate::content::select;
    use crate::dom::Facts;
    use scraper::Html;

    fn root_id(src: &str) -> Option<String> {
        let root = selected_ids(src, true, crate::PageType::Other)
            .into_iter()
            .next()?;
        (!root.is_empty()).then_some(root)
    }

    /// The ids of the parts `select` takes from `src` as a page of
    /// `page_type` ("" for a part without one), its headline found first
    /// when `headline`.
    fn selected_ids(src: &str, headline: bool, page_type: crate::PageType) -> Vec<String> {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let headline = headline
            .then(|| crate::content::headline(&html, &facts, &marks, None))
            .flatten();
        select(&html, &facts, &marks, headline, page_type)
            .iter()
            .map(|&i| {
                let id = facts.element(&html, i).and_then(|e| e.value().attr("id"));
                id.unwrap_or_default().to_string()
            })
            .collect()
    }

    fn post(text: &str) -> String {
        format!(
            "<div class='topic-body crawler-post'><div class=post-info><span>ferryfan</span> \
             <time>May 3, 2024</time></div><div class=post><p>{text}</p></div></div>"
        )
    }

    const SHORT: &str = "Same here since Monday: the morning crossing was cancelled twice.";

    #[test]
    fn a_thread_is_all_its_posts_even_when_one_is_long() {
        let log = "Error: the landing stage sensor reported a fault at 06:12 and the \
            gangway stayed locked; restarting the controller did not help at all. "
            .repeat(12);
        let src = format!(
            "<body><div id=thread>{}{}{}{}</div></body>",
            post(SHORT),
            post(&log),
            post(SHORT),
            post(SHORT)
        );
        assert_eq!(root_id(&src).as_deref(), Some("thread"));
    }

    #[test]
    fn a_story_split_over_text_widgets_starts_under_its_headline() {
        let p = "<p>The ferry service will resume on Monday after three weeks of repairs \
            to the landing stage, the operator said, with the first crossing at seven.</p>";
        let widget = |id: &str, body: &str| {
            format!(
                "<div id={id} class='widget widget-text'><div class=wrap><div class=text>{body}</div></div></div>"
            )
        };
        let src = format!(
            "<body><div id=page><h1>Ferry service to resume</h1><div id=widgets>{}\
             <div class='widget widget-image'><img src=a.jpg><p>The landing stage.</p></div>{}</div>\
             <div class=aside><a href=/a>Other story</a></div></div></body>",
            widget("lead", &p.repeat(2)),
            widget("main", &p.repeat(10)),
        );
        // The lead widget, then the main one's text (an element without an id).
        assert_eq!(
            selected_ids(&src, true, crate::PageType::Other),
            ["lead", ""]
        );
    }

    #[test]
    fn the_bodys_first_box_joins_the_long_one_with_its_table_of_linked_names() {
        let p = "<p>The ferry service will resume on Monday after three weeks of repairs \
            to the landing stage, the operator said, with the first crossing at seven.</p>";
        let row = |n: u32| {
            format!(
                "<tr><td><a href=/op/{n}>Island Ferries Operator Number {n}</a></td>\
                 <td><a href=/fleet/{n}>Fleet of {n} vessels</a></td></tr>"
            )
        };
        let table: String = (1..=5).map(row).collect();
        let src = format!(
            "<body><div id=page><h1>The top ferry operators</h1><div id=post>\
             <div id=first class=rich-text>{p}{p}{p}<table>{table}</table></div>\
             <div id=second class=rich-text>{}</div></div>\
             <div class=aside><a href=/a>Other story</a></div></div></body>",
            p.repeat(16)
        );
        assert_eq!(
            selected_ids(&src, true, crate::PageType::Other),
            ["first", "second"]
        );
    }

    #[test]
    fn a_product_page_joins_the_panels_of_its_description() {
        let p = "<p>Cut from a heavy waxed cotton canvas that shrugs off rain and softens \
            with use, the tote is stitched with bonded thread and riveted at every stress point.</p>";
        let panel = |id: &str, heading: &str, body: &str| {
            format!(
                "<div id={id} class=acc-item><h3>{heading}</h3>\
                 <div class=acc-body><div class=pad><div class=prose>{body}</div></div></div></div>"
            )
        };
        let src = format!(
            "<body><div id=top><a href=/>Shop</a> <a href=/bags>Bags</a></div>\
             <div id=product><h1>Canvas Tote</h1><div id=acc>{}{}{}</div></div></body>",
            panel("desc", "Description", &p.repeat(4)),
            panel(
                "specs",
                "Specifications",
                "<table><tr><th>Canvas</th><td>18 oz</td></tr><tr><th>Handles</th><td>Leather</td></tr></table>"
            ),
            panel(
                "terms",
                "Delivery &amp; Returns",
                "<p>Free delivery over $50; returns within 30 days.</p>"
            ),
        );
        let ids = |page_type| selected_ids(&src, false, page_type);
        assert_eq!(ids(crate::PageType::Product), ["desc", "specs"]);
        assert_eq!(ids(crate::PageType::Service), ["desc", "specs"]);
        assert!(!ids(crate::PageType::Article).contains(&"specs".to_string()));
    }

    #[test]
    fn layout_rows_beside_the_article_are_not_items() {
        let p = "<p>The ferry service will resume on Monday after three weeks of repairs \
            to the landing stage, the operator said, with the first crossing at seven.</p>";
        let src = format!(
            "<body><div id=page><div class=row><a href=/>Harbour News</a></div>\
             <div class=row><div id=story>{p}{p}{p}{p}</div></div>\
             <div class=row><span>Share</span> <a href=/s>Facebook</a></div></div></body>"
        );
        assert_eq!(root_id(&src).as_deref(), Some("story"));
    }
}
