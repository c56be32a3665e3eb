//! A product's detail sections beside its buy box.
//!
//! A shop sets the product's name, price and terms in a buy box at the top
//! and its description and specifications in sections further down, often
//! in another column or row of the layout ("About this item", "Item
//! specifics"). The buy box alone can hold most of the score (a listing
//! with a short description, or one whose description a script fills), and
//! the root stays in it. The sections near the root that are opened by a
//! product-detail heading ([`PRODUCT_DETAIL_HEADINGS`]) join it: each as
//! the largest block around its heading that holds no other heading (the
//! seller's box, the reviews and the shop's other products have headings of
//! their own and stay out).

use crate::classify::{Marks, names_product_detail};
use crate::dom::{Facts, Ix, Tag, normalize_flat};
use crate::heuristics::{
    DETAIL_HEADING_MAX_CHARS, DETAIL_ROOT_MAX_BLOCK_CHARS, DETAIL_SCOPE_MAX_DEPTH,
};
use scraper::Html;

/// The article's parts, with the product's detail sections near the root:
/// within the root's ancestor [`DETAIL_SCOPE_MAX_DEPTH`] levels up, or the
/// last one below `body` and below any marked ancestor (the climb stops
/// there), outside boilerplate and the parts.
pub(super) fn with_detail_sections(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    mut parts: Vec<Ix>,
) -> Vec<Ix> {
    let (Some(&root), Some(body)) = (parts.first(), facts.body()) else {
        return parts;
    };
    let parent_of = |i: Ix| facts.nodes[i as usize].parent;
    let mut scope = root;
    for _ in 0..DETAIL_SCOPE_MAX_DEPTH {
        let p = parent_of(scope);
        if p == body || p == scope || marks.get(p).is_some() {
            break;
        }
        scope = p;
    }
    if scope == root || parts.contains(&body) || parts.iter().any(|&p| holds_paragraph(facts, p)) {
        return parts;
    }
    let headings = Headings::in_scope(html, facts, marks, scope, &parts);
    let mut joined = Vec::new();
    let mut after = scope;
    for &(h, detail) in &headings.list {
        if h < after || !detail {
            continue;
        }
        if let Some(block) = detail_block(facts, &headings, scope, &parts, h) {
            joined.push(block);
            after = facts.nodes[block as usize].end;
        }
    }
    if joined.is_empty() {
        return parts;
    }
    parts.extend(joined);
    parts.sort_unstable();
    parts
}

/// Whether `i` holds a paragraph of prose ([`DETAIL_ROOT_MAX_BLOCK_CHARS`]).
/// When any part does, that part is the product's description, and the
/// sections beside it are the shop's specifications and terms, not what
/// the page is read for; parts without one are the buy box (price,
/// condition, shipping).
fn holds_paragraph(facts: &Facts, i: Ix) -> bool {
    (i..facts.nodes[i as usize].end)
        .any(|d| facts.nodes[d as usize].own_words() > DETAIL_ROOT_MAX_BLOCK_CHARS)
}

/// The headings of a scope, outside boilerplate and the parts, in
/// document order, each read once: whether it is a detail heading.
struct Headings {
    list: Vec<(Ix, bool)>,
    /// How many of the headings before each are not detail headings, and
    /// of all of them last: the count in a range of headings is a
    /// difference.
    others_before: Vec<u32>,
}

impl Headings {
    fn in_scope(html: &Html, facts: &Facts, marks: &Marks, scope: Ix, parts: &[Ix]) -> Headings {
        let (mut list, mut others_before) = (Vec::new(), vec![0]);
        let end = facts.nodes[scope as usize].end;
        let mut i = scope + 1;
        while i < end {
            if marks.get(i).is_some() || parts.contains(&i) {
                i = facts.nodes[i as usize].end;
                continue;
            }
            let n = &facts.nodes[i as usize];
            if matches!(n.tag, Tag::Heading(_)) && n.text_len > 0 {
                let detail = is_detail_heading(html, facts, i);
                list.push((i, detail));
                others_before.push(others_before[others_before.len() - 1] + u32::from(!detail));
            }
            i += 1;
        }
        Headings {
            list,
            others_before,
        }
    }

    /// Whether every heading in `i` is a detail heading.
    fn only_details_in(&self, facts: &Facts, i: Ix) -> bool {
        let end = facts.nodes[i as usize].end;
        let from = self.list.partition_point(|&(h, _)| h < i);
        let to = self.list.partition_point(|&(h, _)| h < end);
        self.others_before[to] == self.others_before[from]
    }
}

/// The largest block around the detail heading `h` inside `scope` that
/// holds no part and no heading but detail headings. `None` where that is
/// the heading alone.
fn detail_block(facts: &Facts, headings: &Headings, scope: Ix, parts: &[Ix], h: Ix) -> Option<Ix> {
    let mut block = h;
    loop {
        let p = facts.nodes[block as usize].parent;
        if p == scope
            || p == block
            || parts.iter().any(|&part| facts.contains(p, part))
            || !headings.only_details_in(facts, p)
        {
            break;
        }
        block = p;
    }
    (block != h).then_some(block)
}

/// Whether `i` is a heading whose text opens with a detail heading's words.
fn is_detail_heading(html: &Html, facts: &Facts, i: Ix) -> bool {
    let n = &facts.nodes[i as usize];
    if !matches!(n.tag, Tag::Heading(_)) || n.text_len == 0 || n.text_len > DETAIL_HEADING_MAX_CHARS
    {
        return false;
    }
    names_product_detail(&normalize_flat(facts.flat_text(html, i, &|_| false)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;

    /// The parts `with_detail_sections` gives for `page` whose root is the
    /// element of id `root`, as ids.
    fn joined(page: &str, root: &str) -> Vec<String> {
        joined_to(page, &[root])
    }

    /// The same for the parts of ids `parts`, the root first.
    fn joined_to(page: &str, parts: &[&str]) -> Vec<String> {
        let html = Html::parse_document(page);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let parts = parts
            .iter()
            .map(|p| facts.by_id(&html, p).unwrap())
            .collect();
        with_detail_sections(&html, &facts, &marks, parts)
            .into_iter()
            .map(|i| {
                let e = facts.element(&html, i).unwrap();
                e.value().id().unwrap_or(e.value().name()).to_string()
            })
            .collect()
    }

    const LISTING: &str = r#"<html><body><div id=page><div id=top>
        <div id=pictures><img src=a.jpg alt=""></div>
        <div id=buy><h1>Vintage truck brochure, 8 pages</h1>
          <p>Condition: Used. Price: US $18.00. Shipping: US $15.47, international shipping.</p>
          <p>Returns: 30 days returns. Buyer pays for return shipping.</p></div></div>
        <div id=bottom>
          <div id=about><div class=tabs><span>About this item</span></div>
            <div class=panel><p>Seller assumes all responsibility for this listing.</p>
            <div class=specifics><h2>Item specifics</h2><dl><dt>Year</dt><dd>1958</dd>
              <dt>Make</dt><dd>Ford</dd></dl></div></div></div>
          <div id=seller><h2>About this seller</h2><p>Welcome to my store, a regular guy.</p>
            <h3>Detailed seller ratings</h3><p>Accurate description 4.9</p></div>
        </div></div></body></html>"#;

    /// A paragraph of the item's own description, longer than a buy box's lines.
    const DESCRIPTION: &str = "<p>This brochure shows the parcel delivery trucks of the year \
        in eight pages of photographs and drawings, with the dealer's notes on each model, the \
        engines offered and the bodies built for them by the factory's partners. All pages are \
        complete and clean, with light wear on the cover only.</p>";

    #[test]
    fn a_detail_section_beside_the_buy_box_joins_it() {
        assert_eq!(joined(LISTING, "buy"), ["buy", "about"]);
    }

    #[test]
    fn sections_with_other_headings_stay_out() {
        // The seller's box holds a detail heading beside its own: the box
        // is the seller's, and the heading alone is no section.
        let page = LISTING.replace("Detailed seller ratings", "Product details");
        assert_eq!(joined(&page, "buy"), ["buy", "about"]);
    }

    #[test]
    fn a_detail_section_stops_short_of_another_part() {
        let page = LISTING.replace(
            "<div id=seller>",
            "<div id=note><p>Ships from Ohio within two days.</p></div><div id=seller>",
        );
        assert_eq!(joined_to(&page, &["buy", "note"]), ["buy", "about", "note"]);
    }

    #[test]
    fn a_root_with_a_paragraph_is_the_description_and_stays_alone() {
        let page = LISTING.replace("<p>Returns:", &format!("{DESCRIPTION}<p>Returns:"));
        assert_eq!(joined(&page, "buy"), ["buy"]);
    }

    #[test]
    fn a_description_in_a_later_part_keeps_the_details_out_too() {
        // The headline's box comes first among the parts; the description
        // beside it is the root the score chose.
        let page = LISTING.replace(
            "</div></div>\n        <div id=bottom>",
            &format!("</div><div id=desc>{DESCRIPTION}</div></div>\n        <div id=bottom>"),
        );
        assert_eq!(joined_to(&page, &["buy", "desc"]), ["buy", "desc"]);
    }
}
