//! Facts about the page from its head, Open Graph, JSON-LD and byline markup.
//!
//! One walk over the document ([`page`]) gathers the raw facts; the JSON-LD scripts are
//! read once ([`jsonld`]); then each field takes the first usable candidate from its
//! sources in a fixed order of trust, normalised (dates to ISO 8601, URLs absolute,
//! names split and deduped). The stage hands on [`Metadata`], including `base`, the URL
//! later stages resolve relative links against.

mod authors;
mod dates;
mod jsonld;
mod language;
mod page;
mod title;

use std::collections::HashSet;

use scraper::Html;
use url::Url;

use crate::dom::url::resolve;
use crate::heuristics::{
    AUTHOR_METAS, DESCRIPTION_METAS, IMAGE_METAS, MAX_TAGS, MODIFIED_METAS, PUBLISHED_METAS,
    TAG_MAX_CHARS,
};
use page::Page;

/// Everything the metadata stage hands on. `base` resolves relative links.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub url: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    /// The declared language; the record's is detected from the content
    /// when this is `None` ([`detect_language`]).
    pub language: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
    /// The URL relative links resolve against: `<base href>`, else the caller's, else canonical.
    pub base: Option<Url>,
    /// What the markup says the page is, for `page_type`.
    pub markup: Markup,
}

/// The markup that declares what kind of page this is: schema.org types and
/// Open Graph's `og:type`. Read by `page_type`, not part of the record.
#[derive(Debug, Clone, Default)]
pub(crate) struct Markup {
    /// JSON-LD `@type`s, bare (`Product`), with how many objects name each.
    pub ld_types: Vec<(String, u32)>,
    /// Microdata `itemtype`s, bare, with how many elements name each.
    pub item_types: Vec<(String, u32)>,
    /// `og:type`, lowercased (`article`, `product`, `website`).
    pub og_type: Option<String>,
    /// Elements whose `itemprop` states a price.
    pub price_props: u32,
    /// The JSON-LD `Product`'s `description`, read by `structure` on a
    /// product page whose visible text lacks it.
    pub product_description: Option<String>,
}

pub(crate) fn extract(html: &Html, page_url: Option<&Url>) -> Metadata {
    let page = Page::scan(html);
    let mut ld = jsonld::read(&page.jsonld);

    let (url, base) = locate(&page, page_url);
    let site_name = first_text(
        [
            page.meta("og:site_name").map(str::to_owned),
            ld.publisher.clone(),
            ld.website_name.clone(),
            page.meta("application-name").map(str::to_owned),
        ]
        .into_iter()
        .flatten(),
    );
    let host = url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_owned));
    let title = title::choose(
        &title::Candidates {
            metas: [
                page.meta("og:title"),
                page.meta("twitter:title"),
                ld.headline.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter_map(clean)
            .collect(),
            h1s: &page.h1s,
            h2s: &page.h2s,
            title_tag: page.title.as_deref().and_then(clean),
        },
        &title::Site {
            name: site_name.as_deref(),
            host: host.as_deref(),
        },
    );
    let description = first_text(
        DESCRIPTION_METAS
            .iter()
            .filter_map(|k| page.meta(k).map(str::to_owned))
            .chain(ld.description.clone()),
    );

    let og_type = page.meta("og:type").map(|t| t.trim().to_ascii_lowercase());
    Metadata {
        title,
        description,
        authors: find_authors(&page, &ld),
        published: find_date(&page, ld.published.as_deref(), PUBLISHED_METAS, false),
        modified: find_date(&page, ld.modified.as_deref(), MODIFIED_METAS, true),
        language: declared_language(&page),
        image: find_image(&page, &ld, base.as_ref()),
        tags: find_tags(&page, &ld),
        site_name,
        url,
        base,
        markup: Markup {
            ld_types: std::mem::take(&mut ld.types),
            item_types: page.item_types,
            og_type,
            price_props: page.price_props,
            product_description: ld.product_description.take(),
        },
    }
}

/// Whitespace collapsed, trimmed; empty is `None`.
fn clean(s: &str) -> Option<String> {
    let s = crate::dom::collapse_whitespace(s);
    (!s.is_empty()).then_some(s)
}

fn first_text(candidates: impl IntoIterator<Item = String>) -> Option<String> {
    candidates.into_iter().find_map(|c| clean(&c))
}

/// The page's URL (canonical, `og:url`, the caller's) and the base for relative links
/// (`<base href>`, the caller's, canonical: a browser resolves links against the
/// address it fetched, and a syndicated copy's canonical names its sister site).
/// A relative `<base href>` or canonical resolves against the caller's URL, as a
/// browser would.
fn locate(page: &Page, page_url: Option<&Url>) -> (Option<String>, Option<Url>) {
    let base_tag = |against: Option<&Url>| {
        let href = page.base_href.as_deref()?;
        resolve(against, href).and_then(|u| Url::parse(&u).ok())
    };
    let mut base_href = base_tag(page_url);
    let doc_base = base_href.as_ref().or(page_url);
    let canonical = page
        .canonical
        .as_deref()
        .and_then(|c| resolve(doc_base, c))
        .or_else(|| page.meta("og:url").and_then(|u| resolve(doc_base, u)));
    let canonical_url = canonical.as_deref().and_then(|c| Url::parse(c).ok());
    if base_href.is_none() {
        // A relative `<base href>` on a page we got without a URL: the canonical anchors it.
        base_href = base_tag(canonical_url.as_ref());
    }
    let url = canonical.or_else(|| page_url.map(|u| u.to_string()));
    let base = base_href.or_else(|| page_url.cloned()).or(canonical_url);
    (url, base)
}

/// The first source that names anyone: JSON-LD, author metas, `rel=author` links, byline
/// markup. Sources are not merged: they restate one byline with different spellings.
fn find_authors(page: &Page, ld: &jsonld::LdFacts) -> Vec<String> {
    let sources: [&dyn Fn() -> Vec<String>; 4] = [
        &|| authors::names(ld.authors.iter().map(String::as_str)),
        &|| authors::names(AUTHOR_METAS.iter().flat_map(|k| page.metas_of(k))),
        &|| authors::names(page.author_links.iter().map(String::as_str)),
        &|| authors::from_bylines(&page.bylines),
    ];
    sources
        .iter()
        .map(|source| source())
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// The first readable date: JSON-LD, metas in order, then `<time>` elements (marked
/// ones first, then unmarked ones inside the article or byline).
fn find_date(page: &Page, ld: Option<&str>, metas: &[&str], modified: bool) -> Option<String> {
    let marked = page
        .times
        .iter()
        .filter(|t| if modified { t.modified } else { t.published });
    let unmarked = page
        .times
        .iter()
        .filter(|t| !modified && !t.modified && !t.published && t.in_context);
    ld.into_iter()
        .chain(metas.iter().flat_map(|k| page.metas_of(k)))
        .chain(marked.chain(unmarked).map(|t| t.value.as_str()))
        .find_map(dates::normalize)
}

/// Declared language: `<html lang>`, content-language, `og:locale`.
fn declared_language(page: &Page) -> Option<String> {
    page.html_lang
        .as_deref()
        .into_iter()
        .chain(page.meta("http-equiv:content-language"))
        .chain(page.meta("content-language"))
        .chain(page.meta("language"))
        .chain(page.meta("dc.language"))
        .chain(page.meta("og:locale"))
        .find_map(language::primary_subtag)
}

/// The page's language when none is declared: detected from `text`, the
/// extracted content (the reader's words, without the menus of the site
/// around them), or from all the visible text when the content is too short
/// to tell.
pub(crate) fn detect_language(text: &str, html: &Html) -> Option<String> {
    language::detect(text, html)
}

/// Open Graph and Twitter images, JSON-LD, `link rel=image_src`; absolute and vetted.
fn find_image(page: &Page, ld: &jsonld::LdFacts, base: Option<&Url>) -> Option<String> {
    IMAGE_METAS
        .iter()
        .flat_map(|k| page.metas_of(k))
        .chain(ld.image.as_deref())
        .chain(page.image_src.as_deref())
        .find_map(|href| resolve(base, href))
}

/// `article:tag`, JSON-LD keywords and section, meta keywords, `rel=tag` link text; in
/// that order, trimmed, deduped case-insensitively.
fn find_tags(page: &Page, ld: &jsonld::LdFacts) -> Vec<String> {
    let article_tags = page.metas_of("article:tag").map(str::to_owned);
    let keywords = page
        .metas_of("keywords")
        .chain(page.metas_of("news_keywords"))
        .flat_map(|k| k.split([',', ';']))
        .map(str::to_owned);
    let candidates = article_tags
        .chain(ld.keywords.iter().cloned())
        .chain(ld.sections.iter().cloned())
        .chain(keywords)
        .chain(page.tag_links.iter().cloned());
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for tag in candidates {
        let Some(tag) = clean(&tag) else { continue };
        if tag.chars().count() > TAG_MAX_CHARS || !seen.insert(tag.to_lowercase()) {
            continue;
        }
        out.push(tag);
        if out.len() >= MAX_TAGS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests;
