//! What the page shows of its kind, gathered in one pass over the facts table
//! (the markup was read by `metadata`): prose, code, headings, prices,
//! and the largest runs of repeated siblings, as cards or as posts; and the
//! conventions of each kind of page: calls to action, `<time>`s,
//! page-number links, and the class words of [`PAGE_CLASS_WORDS`].

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use scraper::Html;

use crate::classify::{Fnv, Marks};
use crate::document::Boilerplate;
use crate::dom::{Facts, Ix, Tag, attr, class_words, normalize};
use crate::heuristics::{
    CART_PHRASES, CTA_PHRASES, CURRENCY_CODES, CURRENCY_SIGNS, ClassSign, DOCS_PHRASES,
    MAX_PAGE_NUMBER, PAGE_CLASS_WORDS, PRICE_MAX_CHARS, PRODUCT_ASIDE_MIN_CARD_SHARE,
    PRODUCT_ASIDE_MIN_CARDS, SIBLINGS, WEIGHTS,
};

/// A kind of repeated sibling: one tag and class under one parent.
#[derive(Debug, Default, Clone)]
pub(super) struct Run {
    /// Siblings of this kind.
    pub count: u32,
    /// Of those, cards: a link, and a heading or an image, in little text.
    pub cards: u32,
    /// Of the cards, those with a price: products for sale.
    pub priced: u32,
    /// Of those, posts: a good length of text that is not links.
    pub posts: u32,
    /// Their class attribute, lowercased.
    pub class: String,
    /// The element they are children of.
    pub parent: Ix,
    /// The text of the cards among them.
    pub card_text: u32,
}

/// The page's structure, counted outside boilerplate unless said.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    /// Text of the body that is not link text, and link text.
    pub text: u32,
    pub link_text: u32,
    /// Text of long, link-poor blocks (paragraphs of prose), and their number.
    pub prose: u32,
    pub paragraphs: u32,
    /// `pre` blocks.
    pub code_blocks: u32,
    /// `code`, `kbd` and `samp` spans.
    pub inline_code: u32,
    /// `h2` and `h3`.
    pub headings: u32,
    /// Headings that are (mostly) a link.
    pub link_headings: u32,
    /// `article` elements, boilerplate or not.
    pub articles: u32,
    /// Short texts that are a price, or a cart button or stock line.
    pub prices: u32,
    pub cart: u32,
    /// Calls to action ([`CTA_PHRASES`]) outside boilerplate.
    pub cta: u32,
    /// `<time>` elements, boilerplate or not: one per post of a thread.
    pub times: u32,
    /// Documentation's tables of contents and edit links ([`DOCS_PHRASES`]).
    pub docs_phrases: u32,
    /// Numbers 1 to [`MAX_PAGE_NUMBER`] that are a link's whole text, as bits.
    pub page_numbers: u32,
    /// Elements with a class or id word of each [`ClassSign`].
    pub signs: Signs,
    /// The run with the most cards, and the run with the most posts.
    pub cards: Run,
    pub posts: Run,
    /// The parent of every run of [`PRODUCT_ASIDE_MIN_CARDS`] cards or more
    /// with a price, whose cards hold most of its text
    /// ([`PRODUCT_ASIDE_MIN_CARD_SHARE`]), boilerplate or not, in document
    /// order: on a product page, the shop's other products beside the one
    /// shown.
    pub card_runs: Vec<Ix>,
}

/// Elements counted by what their class or id words mark.
#[derive(Debug, Default)]
pub(super) struct Signs([u32; 7]);

impl Signs {
    pub fn get(&self, sign: ClassSign) -> u32 {
        self.0[sign as usize]
    }
}

impl Evidence {
    /// Distinct page numbers among the links.
    pub fn page_links(&self) -> u32 {
        self.page_numbers.count_ones()
    }
}

pub(super) fn gather(html: &Html, facts: &Facts, marks: &Marks) -> Evidence {
    let mut ev = Evidence::default();
    let Some(body) = facts.body() else {
        return ev;
    };
    let b = &facts.nodes[body as usize];
    ev.text = b.text_len - b.link_len;
    ev.link_text = b.link_len;
    let (start, end) = (body as usize, b.end as usize);
    // Per node: headings and prices in its subtree, for telling cards and
    // the products among them.
    let mut heads = vec![0u16; end];
    let mut prices = vec![0u16; end];
    for i in (start..end).rev() {
        let f = &facts.nodes[i];
        match f.tag {
            Tag::Heading(_) => heads[i] = heads[i].saturating_add(1),
            Tag::Text if f.text_len > 0 && f.text_len <= PRICE_MAX_CHARS => {
                prices[i] += u16::from(is_price(facts.text(html, i as Ix)));
            }
            _ => {}
        }
        if i > start {
            let p = f.parent as usize;
            heads[p] = heads[p].saturating_add(heads[i]);
            prices[p] = prices[p].saturating_add(prices[i]);
        }
    }
    // Prices are counted wherever they are, boilerplate or not.
    ev.prices = u32::from(prices[start]);
    // Per node: the kind of boilerplate region it lies in.
    let mut region: Vec<Option<Boilerplate>> = vec![None; end];
    let mut class_signs = SignCache::default();
    for i in start + 1..end {
        let f = &facts.nodes[i];
        let outer = region[f.parent as usize];
        region[i] = marks.get(i as Ix).or(outer);
        let free = region[i].is_none();
        if f.tag == Tag::Text {
            if f.text_len > 0 && f.text_len <= PRICE_MAX_CHARS {
                let link = f.link_len > 0;
                read_short_text(facts.text(html, i as Ix), link, free, &mut ev);
            }
            continue;
        }
        let el = facts.element(html, i as Ix);
        if let Some(e) = el {
            read_class(e.value(), &mut class_signs, &mut ev);
        }
        match f.tag {
            Tag::Inline => match el.map(|e| e.value().name()) {
                Some("code" | "kbd" | "samp") if free => ev.inline_code += 1,
                Some("time") => ev.times += 1,
                _ => {}
            },
            Tag::Pre if free => ev.code_blocks += 1,
            Tag::Heading(level) if free => {
                ev.headings += u32::from(matches!(level, 2 | 3));
                // Four fifths of the heading's text is a link's.
                if level > 1 && f.text_len > 0 && f.link_len * 5 >= f.text_len * 4 {
                    ev.link_headings += 1;
                }
            }
            Tag::Article => ev.articles += 1,
            _ => {}
        }
        if free
            && !f.tag.is_inline()
            && f.own_text >= WEIGHTS.prose_min_block_chars
            && (f.own_link as f32) < WEIGHTS.max_paragraph_link_density * f.own_text as f32
        {
            ev.prose += f.own_text - f.own_link;
            ev.paragraphs += 1;
        }
        if f.has_block {
            runs(html, facts, (&heads, &prices), i as Ix, &mut ev);
        }
    }
    ev
}

/// Whether a short text is a price: a currency beside a digit.
fn is_price(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && (text.contains(CURRENCY_SIGNS) || CURRENCY_CODES.iter().any(|c| text.contains(c)))
}

/// A cart button's words, a call to action (outside boilerplate), a docs
/// phrase, or a link's page number.
fn read_short_text(text: &str, link: bool, free: bool, ev: &mut Evidence) {
    let digit = text.bytes().any(|b| b.is_ascii_digit());
    if digit {
        if let Ok(n) = text.trim().parse::<u32>()
            && link
            && (1..=MAX_PAGE_NUMBER).contains(&n)
        {
            ev.page_numbers |= 1 << n;
        }
        return;
    }
    // Most short texts are ASCII: lowercased and collapsed into a buffer on
    // the stack, allocating nothing, and passed over when longer than any
    // phrase; other text takes the whole path.
    let mut buf = [0u8; PHRASE_MAX_BYTES];
    let owned;
    let text = if text.is_ascii() {
        match ascii_phrase(text, &mut buf) {
            Some(text) => text,
            None => return,
        }
    } else {
        owned = normalize(text);
        owned.as_str()
    };
    ev.cart += u32::from(CART_PHRASES.contains(&text));
    ev.cta += u32::from(free && CTA_PHRASES.contains(&text));
    ev.docs_phrases += u32::from(DOCS_PHRASES.contains(&text));
}

/// The longest phrase of [`CART_PHRASES`], [`CTA_PHRASES`] and
/// [`DOCS_PHRASES`], in bytes.
const PHRASE_MAX_BYTES: usize = {
    let lists = [CART_PHRASES, CTA_PHRASES, DOCS_PHRASES];
    let mut max = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut p = 0;
        while p < lists[l].len() {
            if lists[l][p].len() > max {
                max = lists[l][p].len();
            }
            p += 1;
        }
        l += 1;
    }
    max
};

/// [`normalize`] of ASCII `text`, written into `buf`: its words lowercased
/// and joined by one space. `None` when it is longer than `buf`, so no
/// phrase of that length.
fn ascii_phrase<'b>(text: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let mut len = 0;
    let mut space = false;
    for &b in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` takes.
        if matches!(b, b'\t'..=b'\r' | b' ') {
            space = len > 0;
            continue;
        }
        if space {
            *buf.get_mut(len)? = b' ';
            len += 1;
            space = false;
        }
        *buf.get_mut(len)? = b.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// The [`ClassSign`]s of each distinct class attribute of the page, as bits,
/// worked out once: pages repeat their class lists on every card and menu
/// entry. Ids are unique and are not kept.
type SignCache<'a> = HashMap<&'a str, u8, BuildHasherDefault<Fnv>>;

/// Counts the element once for each [`ClassSign`] its class and id words mark.
fn read_class<'a>(e: &'a scraper::node::Element, cache: &mut SignCache<'a>, ev: &mut Evidence) {
    let mut seen = attr(e, "class").map_or(0, |class| {
        *cache.entry(class).or_insert_with(|| name_signs(class))
    });
    if let Some(id) = attr(e, "id") {
        seen |= name_signs(id);
    }
    if seen == 0 {
        return;
    }
    for (k, n) in ev.signs.0.iter_mut().enumerate() {
        *n += u32::from(seen >> k & 1);
    }
}

/// The [`ClassSign`]s marked by the words of one class or id attribute, as bits.
fn name_signs(value: &str) -> u8 {
    let mut seen = 0u8;
    class_words(value, |w| {
        if let Some((_, sign)) = PAGE_CLASS_WORDS.iter().find(|(word, _)| *word == w) {
            seen |= 1 << *sign as u8;
        }
    });
    seen
}

/// The runs of repeated siblings under `parent`, kept in `ev` if they beat its best.
fn runs(
    html: &Html,
    facts: &Facts,
    (heads, prices): (&[u16], &[u16]),
    parent: Ix,
    ev: &mut Evidence,
) {
    let mut kinds: Vec<(Tag, &str, Run)> = Vec::new();
    let end = facts.nodes[parent as usize].end;
    let mut c = parent + 1;
    while c < end {
        let f = &facts.nodes[c as usize];
        let next = f.end;
        // Cards and posts are containers (or links wrapping one).
        if !matches!(
            f.tag,
            Tag::Text | Tag::Br | Tag::Inline | Tag::Heading(_) | Tag::P
        ) {
            // An `article` is one item whatever its classes: a blog's
            // archive classes each post by its own id and categories
            // (`post-30149 category-dinner`).
            let class = if f.tag == Tag::Article {
                ""
            } else {
                facts
                    .element(html, c)
                    .and_then(|e| attr(e.value(), "class"))
                    .unwrap_or("")
            };
            let k = match kinds
                .iter()
                .position(|(t, cl, _)| *t == f.tag && *cl == class)
            {
                Some(k) => Some(k),
                None if kinds.len() < SIBLINGS.max_kinds => {
                    kinds.push((f.tag, class, Run::default()));
                    Some(kinds.len() - 1)
                }
                None => None,
            };
            if let Some(k) = k {
                let run = &mut kinds[k].2;
                run.count += 1;
                if f.links > 0
                    && (heads[c as usize] > 0 || f.imgs > 0)
                    && f.text_len < SIBLINGS.card_max_chars
                {
                    run.cards += 1;
                    run.card_text += f.text_len;
                    run.priced += u32::from(prices[c as usize] > 0);
                }
                if f.text_len >= SIBLINGS.post_min_chars
                    && (f.link_len as f32) < SIBLINGS.post_max_link_density * f.text_len as f32
                {
                    run.posts += 1;
                }
            }
        }
        c = next;
    }
    // Cards of products for sale, holding most of the parent's text: a row
    // of cards holds little else; a comparison table's product heads sit
    // among its cells of specifications.
    let card_text: u32 = kinds.iter().map(|(_, _, run)| run.card_text).sum();
    if kinds
        .iter()
        .any(|(_, _, run)| run.priced >= PRODUCT_ASIDE_MIN_CARDS)
        && card_text as f32
            >= PRODUCT_ASIDE_MIN_CARD_SHARE * facts.nodes[parent as usize].text_len as f32
    {
        ev.card_runs.push(parent);
    }
    for (_, class, run) in kinds {
        let better_cards = run.cards > ev.cards.cards;
        let better_posts = run.posts > ev.posts.posts;
        if better_cards || better_posts {
            let run = Run {
                class: class.to_ascii_lowercase(),
                parent,
                ..run
            };
            if better_cards {
                ev.cards = run.clone();
            }
            if better_posts {
                ev.posts = run;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_phrases_are_normalized_text() {
        let mut buf = [0u8; PHRASE_MAX_BYTES];
        for text in [
            "Add to Cart",
            "  Contact\n\t Us ",
            "\u{b}Edit this page on GitHub\r",
            "",
            "   ",
        ] {
            assert_eq!(ascii_phrase(text, &mut buf), Some(normalize(text).as_str()));
        }
        // Longer than every phrase: no phrase.
        assert_eq!(
            ascii_phrase("Read the whole story of the city here", &mut buf),
            None
        );
    }
}
