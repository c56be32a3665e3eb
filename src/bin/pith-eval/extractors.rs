//! The extractors under comparison, behind one signature: page in, body text out.
//!
//! Each gets the raw bytes and the page URL, as a crawler would. A failure (an
//! error or a panic) is a value: the page then scores as an empty prediction,
//! exactly as a missing `articleBody` does in the benchmark.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::bench::Page;

/// One extractor: a name for the table and the function that runs it.
#[derive(Clone, Copy)]
pub struct Extractor {
    pub name: &'static str,
    run: fn(&Page) -> Result<Output, String>,
}

/// What an extractor gives for one page.
#[derive(Debug, PartialEq)]
pub struct Output {
    pub text: String,
    /// The page type it names (`article`, `forum`, …), if it names one.
    pub page_type: Option<String>,
}

impl Output {
    fn text(text: String) -> Output {
        Output {
            text,
            page_type: None,
        }
    }
}

/// Ours first: the floor and `--worst` are about it.
pub const PITH: Extractor = Extractor {
    name: "pith",
    run: pith,
};

/// Baselines, in the order the table shows them.
pub const BASELINES: [Extractor; 2] = [
    Extractor {
        name: "readability",
        run: readability,
    },
    Extractor {
        name: "dom_smoothie",
        run: dom_smoothie,
    },
];

impl Extractor {
    /// Runs on one page; a panic inside the extractor becomes an error.
    pub fn extract(&self, page: &Page) -> Result<Output, String> {
        caught(|| (self.run)(page))
    }
}

/// `f`'s result, or its panic as an error.
fn caught<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(format!("panicked: {message}"))
    })
}

fn pith(page: &Page) -> Result<Output, String> {
    pith_document(page).map(|doc| Output {
        page_type: serde_json::to_value(doc.page_type)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned)),
        text: doc.text,
    })
}

/// pith's whole document, for the structured-field scores; a panic becomes
/// an error, as in [`Extractor::extract`].
pub fn pith_document(page: &Page) -> Result<pagepith::Document, String> {
    caught(|| {
        let options = pagepith::Options {
            url: Some(page.url.clone()),
            ..Default::default()
        };
        pagepith::extract(&page.html, &options).map_err(|e| format!("{}: {e}", e.kind()))
    })
}

/// The `readability` crate (a port of arc90's readability); it parses the bytes
/// as UTF-8, as the benchmark's own scripts read every page.
fn readability(page: &Page) -> Result<Output, String> {
    let url = url::Url::parse(&page.url).map_err(|e| format!("bad url: {e}"))?;
    readability::extractor::extract(&mut page.html.as_slice(), &url)
        .map(|product| Output::text(product.text))
        .map_err(|e| e.to_string())
}

/// `dom_smoothie`, a port of Mozilla's Readability.js; the article's `text_content`.
fn dom_smoothie(page: &Page) -> Result<Output, String> {
    let html = String::from_utf8_lossy(&page.html);
    let mut reader = dom_smoothie::Readability::new(html.as_ref(), Some(&page.url), None)
        .map_err(|e| e.to_string())?;
    reader
        .parse()
        .map(|article| Output::text(article.text_content.to_string()))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        Page {
            id: "t".into(),
            url: "https://example.com/news/tides".into(),
            html: html.as_bytes().to_vec(),
            truth: String::new(),
            meta: Default::default(),
        }
    }

    #[test]
    fn a_panic_is_an_error_value() {
        let boom = Extractor {
            name: "boom",
            run: |_| panic!("no"),
        };
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let result = boom.extract(&page("<p>x</p>"));
        std::panic::set_hook(hook);
        assert_eq!(result, Err("panicked: no".to_string()));
    }

    #[test]
    fn every_extractor_finds_the_body_of_a_plain_article() {
        let sentence = "The harbour master published the spring tide tables on Monday, \
                        with the highest water expected in the second week of April. ";
        let html = format!(
            "<html><head><title>Tides</title></head><body><article><h1>Tides</h1>\
             <p>{0}{0}</p><p>{0}{0}</p><p>{0}{0}</p></article></body></html>",
            sentence
        );
        for extractor in std::iter::once(PITH).chain(BASELINES) {
            let text = extractor.extract(&page(&html)).unwrap().text;
            assert!(text.contains("spring tide tables"), "{}", extractor.name);
        }
    }
}
