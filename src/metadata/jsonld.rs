//! Facts from `<script type="application/ld+json">`: the article-like object's headline,
//! authors, dates, image, keywords and section, and the publisher or web site's name.
//!
//! Every script is parsed on its own (invalid ones are skipped); objects are found by an
//! iterative walk through `@graph`, arrays and nested values, and `{"@id": …}` references
//! are looked up among the objects that define that id.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::heuristics::JSONLD_ARTICLE_TYPES;

/// Objects visited over all scripts; enough for any real page, bounded for hostile ones.
const MAX_VISITED: usize = 20_000;

/// Distinct `@type`s kept; pages name a handful.
const MAX_TYPES: usize = 64;

/// The raw strings found; normalising (dates, URLs, splitting names) is the caller's.
#[derive(Debug, Default, PartialEq)]
pub(super) struct LdFacts {
    pub headline: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub website_name: Option<String>,
    pub image: Option<String>,
    pub keywords: Vec<String>,
    pub sections: Vec<String>,
    /// Every schema.org type the scripts name, bare (`Product`, not
    /// `http://schema.org/Product`), in order of first mention, with how many
    /// objects name it: what kind of page this is (read by `page_type`).
    pub types: Vec<(String, u32)>,
    /// The first `Product`'s `description`: a product page's text, which
    /// the page may show only in a tab its scripts open.
    pub product_description: Option<String>,
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Kind {
    Article,
    Page,
    WebSite,
    Other,
}

/// All typed objects of the page's JSON-LD and the ids they define.
struct Graph<'v> {
    /// Article-like objects first, then web pages, each in document order.
    main: Vec<&'v Map<String, Value>>,
    websites: Vec<&'v Map<String, Value>>,
    /// `Product` objects, in document order.
    products: Vec<&'v Map<String, Value>>,
    ids: HashMap<&'v str, &'v Map<String, Value>>,
    types: Vec<(String, u32)>,
}

pub(super) fn read(scripts: &[String]) -> LdFacts {
    let values: Vec<Value> = scripts
        .iter()
        .filter_map(|s| serde_json::from_str(s.trim().trim_end_matches(';')).ok())
        .collect();
    let graph = Graph::build(&values);
    graph.facts()
}

impl<'v> Graph<'v> {
    fn build(values: &'v [Value]) -> Graph<'v> {
        let mut articles = Vec::new();
        let mut pages = Vec::new();
        let mut websites = Vec::new();
        let mut products = Vec::new();
        let mut ids = HashMap::new();
        let mut types = Vec::new();
        let mut stack: Vec<&Value> = values.iter().rev().collect();
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > MAX_VISITED {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(obj) => {
                    // A bare `{"@id": …}` is a reference, not a definition.
                    if let Some(id) = obj.get("@id").and_then(Value::as_str)
                        && obj.len() > 1
                    {
                        ids.entry(id).or_insert(obj);
                    }
                    for t in type_names(obj) {
                        count_type(&mut types, t);
                    }
                    if type_names(obj).any(|t| t == "Product" || t == "ProductGroup") {
                        products.push(obj);
                    }
                    match kind(obj) {
                        Kind::Article => articles.push(obj),
                        Kind::Page => pages.push(obj),
                        Kind::WebSite => websites.push(obj),
                        Kind::Other => {}
                    }
                    let children = obj.values().filter(|c| c.is_object() || c.is_array());
                    let children: Vec<&Value> = children.collect();
                    stack.extend(children.into_iter().rev());
                }
                _ => {}
            }
        }
        // Prefer an article that states its headline: pages list teasers as articles too.
        articles.sort_by_key(|o| !o.contains_key("headline"));
        articles.extend(pages);
        Graph {
            main: articles,
            websites,
            products,
            ids,
            types,
        }
    }

    fn facts(&self) -> LdFacts {
        let article = self.main.first().filter(|o| kind(o) == Kind::Article);
        LdFacts {
            headline: article
                .and_then(|o| string(o.get("headline")).or_else(|| string(o.get("name"))))
                .or_else(|| self.first(|o| string(o.get("headline")))),
            description: self.first(|o| string(o.get("description"))),
            authors: self
                .main
                .iter()
                .map(|o| self.names(o.get("author")))
                .find(|names| !names.is_empty())
                .unwrap_or_default(),
            published: self.first(|o| string(o.get("datePublished"))),
            modified: self.first(|o| string(o.get("dateModified"))),
            publisher: self.first(|o| self.names(o.get("publisher")).into_iter().next()),
            website_name: self.websites.iter().find_map(|o| string(o.get("name"))),
            image: self.first(|o| {
                ["image", "primaryImageOfPage", "thumbnailUrl"]
                    .iter()
                    .find_map(|k| self.image(o.get(*k)))
            }),
            keywords: self
                .main
                .iter()
                .map(|o| strings(o.get("keywords"), true))
                .find(|k| !k.is_empty())
                .unwrap_or_default(),
            sections: self
                .main
                .iter()
                .map(|o| strings(o.get("articleSection"), false))
                .find(|k| !k.is_empty())
                .unwrap_or_default(),
            types: self.types.clone(),
            product_description: self
                .products
                .iter()
                .find_map(|o| string(o.get("description"))),
        }
    }

    /// The first value `get` finds over the main objects, article before page.
    fn first(&self, get: impl Fn(&'v Map<String, Value>) -> Option<String>) -> Option<String> {
        self.main.iter().find_map(|o| get(o))
    }

    /// Follows a `{"@id": …}` reference to the object that defines it.
    fn deref(&self, obj: &'v Map<String, Value>) -> &'v Map<String, Value> {
        match obj.get("@id").and_then(Value::as_str) {
            Some(id) if obj.len() == 1 || !obj.contains_key("name") => {
                self.ids.get(id).copied().unwrap_or(obj)
            }
            _ => obj,
        }
    }

    /// Names of people or organisations: a string, an object with `name` (or given and
    /// family names), a reference to one, or an array of these.
    fn names(&self, v: Option<&'v Value>) -> Vec<String> {
        let one = |v: &'v Value| -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => {
                    let o = self.deref(o);
                    string(o.get("name")).or_else(|| {
                        let given = string(o.get("givenName"))?;
                        Some(match string(o.get("familyName")) {
                            Some(family) => format!("{given} {family}"),
                            None => given,
                        })
                    })
                }
                _ => None,
            }
        };
        match v {
            Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
            Some(v) => one(v).into_iter().collect(),
            None => Vec::new(),
        }
    }

    /// An image URL: a string, an ImageObject (`url`/`contentUrl`), a reference, or the
    /// first usable item of an array.
    fn image(&self, v: Option<&'v Value>) -> Option<String> {
        let one = |v: &'v Value| -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => {
                    let o = self.deref(o);
                    string(o.get("url")).or_else(|| string(o.get("contentUrl")))
                }
                _ => None,
            }
        };
        match v? {
            Value::Array(items) => items.iter().find_map(one),
            v => one(v),
        }
    }
}

fn kind(obj: &Map<String, Value>) -> Kind {
    let types: Vec<&str> = type_names(obj).collect();
    if types
        .iter()
        .any(|t| t.ends_with("Article") || JSONLD_ARTICLE_TYPES.contains(t))
    {
        Kind::Article
    } else if types.iter().any(|t| t.ends_with("Page")) {
        Kind::Page
    } else if types.contains(&"WebSite") {
        Kind::WebSite
    } else {
        Kind::Other
    }
}

/// The object's `@type`s, bare: `http://schema.org/NewsArticle` and
/// `schema:NewsArticle` name the same type.
fn type_names(obj: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let types: Vec<&str> = match obj.get("@type") {
        Some(Value::String(t)) => vec![t],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    types
        .into_iter()
        .map(|t| t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim())
        .filter(|t| !t.is_empty())
}

/// Counts one more mention of type `t`; past [`MAX_TYPES`] distinct types,
/// new ones are not kept.
pub(super) fn count_type(types: &mut Vec<(String, u32)>, t: &str) {
    if let Some((_, n)) = types.iter_mut().find(|(name, _)| name == t) {
        *n = n.saturating_add(1);
    } else if types.len() < MAX_TYPES {
        types.push((t.to_owned(), 1));
    }
}

/// A non-empty string value (numbers too: some CMSes write headlines as numbers).
fn string(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => return items.iter().find_map(|i| string(Some(i))),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A list of strings from a string or an array; `split` splits on commas as
/// `keywords: "a, b"` means two keywords.
fn strings(v: Option<&Value>, split: bool) -> Vec<String> {
    let items: Vec<&str> = match v {
        Some(Value::String(s)) => vec![s],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return Vec::new(),
    };
    items
        .into_iter()
        .flat_map(|s| {
            if split {
                s.split(',').collect::<Vec<_>>()
            } else {
                vec![s]
            }
        })
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(scripts: &[&str]) -> LdFacts {
        read(&scripts.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_products_description_is_kept_apart() {
        let f = facts(&[r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","description":"Shop for mugs"},
            {"@type":"Product","name":"Mug","description":"A wheel thrown mug."}]}"#]);
        assert_eq!(f.description.as_deref(), Some("Shop for mugs"));
        assert_eq!(
            f.product_description.as_deref(),
            Some("A wheel thrown mug.")
        );
        assert_eq!(facts(&[r#"{"@type":"WebPage"}"#]).product_description, None);
    }

    #[test]
    fn plain_news_article() {
        let f = facts(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Tide tables","description":"Spring tides",
            "author":{"@type":"Person","name":"Ann Lee"},
            "datePublished":"2022-02-03T10:00:00Z","dateModified":"2022-02-04",
            "image":["https://e.com/a.jpg","https://e.com/b.jpg"],
            "keywords":"tides, harbour","articleSection":"Local",
            "publisher":{"@type":"Organization","name":"Harbour News"}}"#]);
        assert_eq!(f.headline.as_deref(), Some("Tide tables"));
        assert_eq!(f.description.as_deref(), Some("Spring tides"));
        assert_eq!(f.authors, vec!["Ann Lee"]);
        assert_eq!(f.published.as_deref(), Some("2022-02-03T10:00:00Z"));
        assert_eq!(f.modified.as_deref(), Some("2022-02-04"));
        assert_eq!(f.image.as_deref(), Some("https://e.com/a.jpg"));
        assert_eq!(f.keywords, vec!["tides", "harbour"]);
        assert_eq!(f.sections, vec!["Local"]);
        assert_eq!(f.publisher.as_deref(), Some("Harbour News"));
    }

    #[test]
    fn graph_with_references() {
        // The shape SEO plugins emit: everything in @graph, linked by @id.
        let f = facts(&[r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://e.com/#website","name":"Example Site"},
            {"@type":"ImageObject","@id":"https://e.com/#img","url":"https://e.com/i.png"},
            {"@type":"WebPage","@id":"https://e.com/p","name":"Story | Example Site",
             "primaryImageOfPage":{"@id":"https://e.com/#img"}},
            {"@type":["Article","BlogPosting"],"headline":"Story",
             "author":[{"@id":"https://e.com/#/person/1"},{"@id":"https://e.com/#/person/2"}],
             "publisher":{"@id":"https://e.com/#org"},
             "keywords":["one","two"],"articleSection":["News","World"]},
            {"@type":"Person","@id":"https://e.com/#/person/1","name":"Ann Lee"},
            {"@type":"Person","@id":"https://e.com/#/person/2","givenName":"Bo","familyName":"Ek"},
            {"@type":"Organization","@id":"https://e.com/#org","name":"Example Org"}]}"##]);
        assert_eq!(f.headline.as_deref(), Some("Story"));
        assert_eq!(f.authors, vec!["Ann Lee", "Bo Ek"]);
        assert_eq!(f.publisher.as_deref(), Some("Example Org"));
        assert_eq!(f.website_name.as_deref(), Some("Example Site"));
        assert_eq!(f.image.as_deref(), Some("https://e.com/i.png"));
        assert_eq!(f.keywords, vec!["one", "two"]);
        assert_eq!(f.sections, vec!["News", "World"]);
    }

    #[test]
    fn top_level_arrays_typed_urls_and_invalid_scripts() {
        let f = facts(&[
            "{not json",
            r#"[{"@type":"BreadcrumbList"},
               {"@type":"http://schema.org/ReportageNewsArticle","headline":"Deep",
                "author":"Ann Lee","image":{"@type":"ImageObject","url":"/i.jpg"}}]"#,
        ]);
        assert_eq!(f.headline.as_deref(), Some("Deep"));
        assert_eq!(f.authors, vec!["Ann Lee"]);
        assert_eq!(f.image.as_deref(), Some("/i.jpg"));
    }

    #[test]
    fn web_page_is_the_last_resort() {
        let f = facts(&[r#"{"@type":"WebPage","headline":"Only page",
            "datePublished":"2020-01-01","description":"About"}"#]);
        assert_eq!(f.headline.as_deref(), Some("Only page"));
        assert_eq!(f.published.as_deref(), Some("2020-01-01"));
        assert_eq!(f.description.as_deref(), Some("About"));
    }

    #[test]
    fn article_nested_in_main_entity() {
        let f = facts(&[r#"{"@type":"WebPage","name":"Page",
            "mainEntity":{"@type":"BlogPosting","headline":"Post","datePublished":"2021-05-06"}}"#]);
        assert_eq!(f.headline.as_deref(), Some("Post"));
        assert_eq!(f.published.as_deref(), Some("2021-05-06"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let f = facts(&[&deep]);
        assert_eq!(f, LdFacts::default());
    }
}
