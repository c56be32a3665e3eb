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
    DETAIL_HEADING_MAX_CHARS, DETAIL_ROOT_MAX_BLOCK_WORDS, DETAIL_SCOPE_MAX_DEPTH,
};
use scraper::Html;

/// The article's parts, with the product's detail sections near the root:
/// within the root's ancestor [`DETAIL_SCOPE_MAX_DEPTH`] levels up (below
/// `body`), outside boilerplate and the parts.
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
    if scope == root || parts.contains(&body) || holds_paragraph(facts, root) {
        return parts;
    }
    let mut joined = Vec::new();
    let end = facts.nodes[scope as usize].end;
    let mut i = scope + 1;
    while i < end {
        if marks.get(i).is_some() || parts.contains(&i) {
            i = facts.nodes[i as usize].end;
            continue;
        }
        if is_detail_heading(html, facts, i)
            && let Some(block) = detail_block(html, facts, marks, scope, &parts, i)
        {
            joined.push(block);
            i = facts.nodes[block as usize].end;
            continue;
        }
        i += 1;
    }
    if joined.is_empty() {
        return parts;
    }
    parts.extend(joined);
    parts.sort_unstable();
    parts
}

/// Whether `i` holds a paragraph of prose ([`DETAIL_ROOT_MAX_BLOCK_WORDS`]):
/// a root that does is the product's description, and the sections beside
/// it are the shop's specifications and terms, not what the page is read
/// for; a root without one is the buy box (price, condition, shipping).
fn holds_paragraph(facts: &Facts, i: Ix) -> bool {
    (i..facts.nodes[i as usize].end)
        .any(|d| facts.nodes[d as usize].own_words() > DETAIL_ROOT_MAX_BLOCK_WORDS)
}

/// The largest block around the detail heading `h` inside `scope` that
/// holds no part and no heading but detail headings. `None` where that is
/// the heading alone.
fn detail_block(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    scope: Ix,
    parts: &[Ix],
    h: Ix,
) -> Option<Ix> {
    let mut block = h;
    loop {
        let p = facts.nodes[block as usize].parent;
        if p == scope
            || p == block
            || parts.iter().any(|&part| facts.contains(p, part))
            || !only_detail_headings(html, facts, marks, p)
        {
            break;
        }
        block = p;
    }
    (block != h).then_some(block)
}

/// Whether every heading in `i`, boilerplate left out, is a detail heading.
fn only_detail_headings(html: &Html, facts: &Facts, marks: &Marks, i: Ix) -> bool {
    let end = facts.nodes[i as usize].end;
    let mut d = i;
    while d < end {
        if d != i && marks.get(d).is_some() {
            d = facts.nodes[d as usize].end;
            continue;
        }
        if matches!(facts.nodes[d as usize].tag, Tag::Heading(_))
            && facts.nodes[d as usize].text_len > 0
            && !is_detail_heading(html, facts, d)
        {
            return false;
        }
        d += 1;
    }
    true
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
        let html = Html::parse_document(page);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let root = facts.by_id(&html, root).unwrap();
        with_detail_sections(&html, &facts, &marks, vec![root])
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

    #[test]
    fn a_detail_section_beside_the_buy_box_joins_it() {
        assert_eq!(joined(LISTING, "buy"), ["buy", "about"]);
    }

    #[test]
    fn sections_with_other_headings_stay_out() {
        let page = LISTING.replace("Item specifics", "Shipping and payments");
        assert_eq!(joined(&page, "buy"), ["buy"]);
    }

    #[test]
    fn a_root_with_a_paragraph_is_the_description_and_stays_alone() {
        let prose = "<p>This brochure shows the parcel delivery trucks of the year in eight \
            pages of photographs and drawings, with the dealer's notes on each model, the \
            engines offered and the bodies built for them by the factory's partners. All \
            pages are complete and clean, with light wear on the cover only.</p>";
        let page = LISTING.replace("<p>Returns:", &format!("{prose}<p>Returns:"));
        assert_eq!(joined(&page, "buy"), ["buy"]);
    }
}
