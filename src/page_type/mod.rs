//! What kind of page this is: an article, a forum thread, a product, a
//! collection of products, a listing, documentation, a service page, or other.
//!
//! A small scoring model over evidence pith already has: the schema.org types
//! and `og:type` that `metadata` read, the words of the URL's path, and what
//! the facts table shows (prose, code, cards, posts, prices; [`evidence`]).
//! Each rule adds its weight (`heuristics::PAGE_TYPE`) to one type's score,
//! the highest score wins, and `other` stands when no type scores enough. A
//! dated, credited page of long prose is an article, which is what most pages
//! without other evidence turn out to be.
//!
//! Decided after `classify` and before `content`, so later stages can follow it.

mod evidence;
mod url_words;

use scraper::Html;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::classify::Marks;
use crate::dom::{Facts, Ix};
use crate::heuristics::{
    ARTICLE_TYPES, ClassSign, DOCS_TYPES, FORUM_TYPES, ITEM_GRID_MIN_CARDS, LIST_TYPES,
    OFFER_TYPES, OG_ARTICLE, OG_PRODUCT, OG_PRODUCT_GROUP, OG_PRODUCT_SUFFIXES, PAGE_TYPE as W,
    POST_CLASS_PARTS, PRODUCT_CLASS_PART, PRODUCT_TYPES, SERVICE_TYPES, THREAD_TYPES, URL_ARTICLE,
    URL_COLLECTION, URL_DOCS, URL_FORUM, URL_LISTING, URL_PRODUCT, URL_SERVICE,
};
use crate::metadata::Metadata;
use evidence::Evidence;
use url_words::PathWords;

/// The kind of page, as a reader would name it.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageType {
    /// One piece of prose: a news story, blog post, essay, guide, recipe.
    Article,
    /// A discussion: a forum thread, a question and its answers.
    Forum,
    /// One product for sale.
    Product,
    /// Many products: a shop's category or search page.
    Collection,
    /// Many items that are not products: an index of articles, search
    /// results, a directory, a list of jobs or courses.
    Listing,
    /// Technical documentation: a reference, manual or tutorial page.
    Documentation,
    /// A business's own page: a landing, service, pricing or about page.
    Service,
    /// None of these, or nothing to tell.
    #[default]
    Other,
}

/// The types in the order they win a tie.
const ORDER: [PageType; 7] = [
    PageType::Article,
    PageType::Forum,
    PageType::Product,
    PageType::Collection,
    PageType::Listing,
    PageType::Documentation,
    PageType::Service,
];

/// The page's type, from its markup, its URL (the caller's, else the
/// canonical) and its structure.
#[cfg(test)]
pub(crate) fn decide(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    meta: &Metadata,
    page_url: Option<&Url>,
) -> PageType {
    decide_with_grid(html, facts, marks, meta, page_url).page_type
}

/// The page's type, with the runs of cards the later stages follow it by.
pub(crate) struct Decision {
    pub page_type: PageType,
    /// The parent of the page's largest run of cards (a link and a heading
    /// or image each, at least [`ITEM_GRID_MIN_CARDS`] of them), boilerplate
    /// or not, with the text of its cards: where a page of items keeps its
    /// items ([`Marks::keep_item_grid`]).
    pub grid: Option<(Ix, u32)>,
    /// The parents of the runs of cards with prices, in document order: on a
    /// product page, the shop's other products ([`Marks::mark_card_runs_beside`]).
    pub card_runs: Vec<Ix>,
}

/// [`decide`], with the page's runs of cards ([`Decision`]).
pub(crate) fn decide_with_grid(
    html: &Html,
    facts: &Facts,
    marks: &Marks,
    meta: &Metadata,
    page_url: Option<&Url>,
) -> Decision {
    let canonical = match page_url {
        Some(_) => None,
        None => meta.url.as_deref().and_then(|u| Url::parse(u).ok()),
    };
    // Without a URL there is no path to read (and no home page).
    let url = page_url
        .or(canonical.as_ref())
        .map(|u| PathWords::of(u.path()))
        .unwrap_or_default();
    let signs = Signs {
        meta,
        ev: evidence::gather(html, facts, marks),
        url,
        thread_lifted: marks.thread_lifted(),
        thread_held: marks.thread_held(),
    };
    let scores = ORDER.map(|t| signs.score(t));
    let mut best = (PageType::Other, W.min_score);
    for (t, s) in ORDER.into_iter().zip(scores) {
        if s > best.1 || (s == best.1 && best.0 == PageType::Other) {
            best = (t, s);
        }
    }
    let cards = &signs.ev.cards;
    let grid = (cards.cards >= ITEM_GRID_MIN_CARDS).then_some((cards.parent, cards.card_text));
    Decision {
        page_type: best.0,
        grid,
        card_runs: signs.ev.card_runs,
    }
}

/// Everything the rules read.
struct Signs<'a> {
    meta: &'a Metadata,
    ev: Evidence,
    url: PathWords,
    /// Comment regions were lifted as the page's content, or are held
    /// beside what they outscore ([`Marks::thread_lifted`], [`Marks::thread_held`]).
    thread_lifted: bool,
    thread_held: bool,
}

/// `weight` if `cond`, else nothing.
fn when(cond: bool, weight: f32) -> f32 {
    if cond { weight } else { 0.0 }
}

impl Signs<'_> {
    fn score(&self, t: PageType) -> f32 {
        match t {
            PageType::Article => self.article(),
            PageType::Forum => self.forum(),
            PageType::Product => self.product(),
            PageType::Collection => self.collection(),
            PageType::Listing => self.listing(),
            PageType::Documentation => self.documentation(),
            PageType::Service => self.service(),
            PageType::Other => 0.0,
        }
    }

    fn article(&self) -> f32 {
        let m = self.meta;
        when(self.is_article(), W.article_schema)
            + when(self.og_article(), W.article_og)
            + when(m.published.is_some(), W.article_published)
            + when(!m.authors.is_empty(), W.article_author)
            + when(self.prose_share() >= W.prose_share, W.article_prose)
            + when(
                self.ev.paragraphs >= W.article_min_paragraphs,
                W.article_paragraphs,
            )
            // A forum thread's URL ends in its title's slug too.
            + when(
                self.url.slug_words >= W.slug_min_words && !self.url.thread_slug(URL_FORUM),
                W.article_slug,
            )
            + when(self.url.has(URL_ARTICLE), W.article_url)
    }

    fn forum(&self) -> f32 {
        let posts = [&self.ev.cards, &self.ev.posts].into_iter().any(|run| {
            run.count >= W.posts_min && POST_CLASS_PARTS.iter().any(|p| run.class.contains(p))
        });
        let ev = &self.ev;
        when(self.any_type(FORUM_TYPES), W.forum_schema)
            + when(self.any_type(THREAD_TYPES), W.forum_thread_schema)
            + when(self.thread_lifted, W.forum_thread_lifted)
            + when(
                self.thread_held && !self.is_article() && !self.og_article(),
                W.forum_thread_held,
            )
            + when(self.url.has_thread(URL_FORUM), W.forum_url)
            + when(posts, W.forum_posts)
            + when(ev.times >= W.forum_min_times, W.forum_times)
            + when(
                ev.signs.get(ClassSign::Avatar) >= W.forum_min_avatars,
                W.forum_avatars,
            )
            + when(
                ev.signs.get(ClassSign::Signature) >= W.forum_min_signatures,
                W.forum_signatures,
            )
    }

    fn product(&self) -> f32 {
        let mk = &self.meta.markup;
        let ld_products = count(&mk.ld_types, PRODUCT_TYPES);
        let offer = self.any_type(OFFER_TYPES);
        let og = mk.og_type.as_deref().is_some_and(|og| {
            OG_PRODUCT.contains(&og) || OG_PRODUCT_SUFFIXES.iter().any(|s| og.ends_with(s))
        });
        let few = |n: u32, max: u32| (1..=max).contains(&n);
        when(
            few(ld_products, W.product_max_items) && offer,
            W.product_schema,
        ) + when(og, W.product_og)
            + when(
                few(count(&mk.item_types, PRODUCT_TYPES), W.product_max_items),
                W.product_microdata,
            )
            + when(
                few(mk.price_props, W.product_max_price_props),
                W.product_price_props,
            )
            + when(self.ev.cart > 0, W.product_cart)
            + when(self.url.has(URL_PRODUCT), W.product_url)
            + when(few(self.ev.prices, W.product_max_prices), W.product_prices)
    }

    fn collection(&self) -> f32 {
        let mk = &self.meta.markup;
        let products = count(&mk.ld_types, PRODUCT_TYPES) + count(&mk.item_types, PRODUCT_TYPES);
        let cards = &self.ev.cards;
        let many_cards = cards.cards >= W.cards_min;
        let og = mk
            .og_type
            .as_deref()
            .is_some_and(|og| OG_PRODUCT_GROUP.contains(&og));
        let prices = self.ev.prices >= W.collection_min_prices
            && self.ev.prices * W.cards_per_price >= cards.cards;
        when(
            self.any_type(LIST_TYPES) && products >= W.collection_min_products,
            W.collection_schema,
        ) + when(og, W.collection_og)
            + when(many_cards, W.collection_cards)
            + when(prices, W.collection_prices)
            + when(
                many_cards && cards.class.contains(PRODUCT_CLASS_PART),
                W.collection_product_cards,
            )
            + when(self.url.has(URL_COLLECTION), W.collection_url)
            + when(
                mk.price_props > W.product_max_price_props,
                W.collection_price_props,
            )
            + when(self.paged(), W.collection_paged)
            + when(
                self.ev.signs.get(ClassSign::Filter) > 0,
                W.collection_filters,
            )
    }

    fn listing(&self) -> f32 {
        let ev = &self.ev;
        let links = ev.link_text as f32 / (ev.text + ev.link_text).max(1) as f32;
        when(self.any_type(LIST_TYPES), W.listing_schema)
            + when(ev.cards.cards >= W.cards_min, W.listing_cards)
            + when(ev.cards.cards >= W.many_cards, W.listing_many_cards)
            + when(links >= W.listing_link_share, W.listing_links)
            + when(
                ev.text > 0 && self.prose_share() < W.listing_prose_share,
                W.listing_little_prose,
            )
            + when(self.url.has(URL_LISTING), W.listing_url)
            + when(ev.articles >= W.listing_min_articles, W.listing_articles)
            + when(
                ev.link_headings >= W.listing_min_link_headings,
                W.listing_link_headings,
            )
            + when(self.paged(), W.listing_paged)
    }

    fn documentation(&self) -> f32 {
        let ev = &self.ev;
        when(self.any_type(DOCS_TYPES), W.docs_schema)
            + when(self.url.has(URL_DOCS), W.docs_url)
            + when(ev.code_blocks >= W.docs_min_code_blocks, W.docs_code_blocks)
            + when(ev.inline_code >= W.docs_min_inline_code, W.docs_inline_code)
            + when(
                ev.inline_code >= W.docs_many_inline_code,
                W.docs_many_inline_code_weight,
            )
            + when(
                ev.signs.get(ClassSign::Toc) > 0 || ev.docs_phrases > 0,
                W.docs_toc,
            )
    }

    fn service(&self) -> f32 {
        let (m, ev) = (self.meta, &self.ev);
        // Headings that are mostly links head teasers of other pages: a listing.
        let headlines = ev.link_headings >= W.listing_min_link_headings
            && ev.link_headings as f32 >= W.service_link_heading_share * ev.headings as f32;
        let blurbs = ev.headings >= W.service_min_headings
            && !headlines
            && (ev.paragraphs as f32)
                < W.service_paragraphs_per_heading * ev.headings.max(1) as f32;
        // Of a page with text: an empty page is nothing yet.
        let undated =
            ev.text > 0 && m.published.is_none() && m.authors.is_empty() && !self.is_article();
        let typed = !(m.markup.ld_types.is_empty() && m.markup.item_types.is_empty());
        when(self.any_type(SERVICE_TYPES), W.service_schema)
            + when(self.url.has(URL_SERVICE), W.service_url)
            + when(self.url.is_home, W.service_home)
            + when(blurbs, W.service_sections)
            + when(undated, W.service_undated)
            + when(
                typed && !self.is_article() && !self.any_type(FORUM_TYPES),
                W.service_other_schema,
            )
            + when(ev.cta > 0, W.service_cta)
            + when(
                ev.signs.get(ClassSign::Testimonial) > 0,
                W.service_testimonials,
            )
            + when(ev.signs.get(ClassSign::Pricing) > 0, W.service_pricing)
    }

    /// The page is one of several: page-number links, or a pagination bar.
    fn paged(&self) -> bool {
        self.ev.page_links() >= W.paged_min_numbers || self.ev.signs.get(ClassSign::Pagination) > 0
    }

    /// The share of the page's text in paragraphs of prose.
    fn prose_share(&self) -> f32 {
        self.ev.prose as f32 / self.ev.text.max(1) as f32
    }

    /// `og:type` is `article`.
    fn og_article(&self) -> bool {
        self.meta.markup.og_type.as_deref() == Some(OG_ARTICLE)
    }

    /// The markup names an article type.
    fn is_article(&self) -> bool {
        self.types().any(|t| {
            (t.ends_with("Article") && !DOCS_TYPES.contains(&t)) || ARTICLE_TYPES.contains(&t)
        })
    }

    /// The markup names one of `list`.
    fn any_type(&self, list: &[&str]) -> bool {
        self.types().any(|t| list.contains(&t))
    }

    /// Every type JSON-LD or microdata names.
    fn types(&self) -> impl Iterator<Item = &str> {
        let mk = &self.meta.markup;
        mk.ld_types
            .iter()
            .chain(&mk.item_types)
            .map(|(t, _)| t.as_str())
    }
}

/// Mentions of the types of `list` in `types`.
fn count(types: &[(String, u32)], list: &[&str]) -> u32 {
    types
        .iter()
        .filter(|(t, _)| list.contains(&t.as_str()))
        .map(|(_, n)| n)
        .sum()
}

#[cfg(test)]
mod tests;
