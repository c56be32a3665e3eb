//! Facts about the page from its head, Open Graph, JSON-LD and byline markup.


#[allow(dead_code)]
mod authors;
#[allow(dead_code)]
mod dates;
#[allow(dead_code)]
mod jsonld;
#[allow(dead_code)]
mod language;
#[allow(dead_code)]
mod page;
#[allow(dead_code)]
mod title;
use scraper::Html;
use url::Url;

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
    pub language: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
    /// The URL relative links resolve against: `<base href>`, else canonical, else the caller's.
    pub base: Option<Url>,
}

pub(crate) fn extract(html: &Html, page_url: Option<&Url>) -> Metadata {
    let _ = html;
    Metadata {
        base: page_url.cloned(),
        url: page_url.map(|u| u.to_string()),
        ..Metadata::default()
    }
}
