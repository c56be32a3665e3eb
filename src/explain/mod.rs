//! What pith decided on a page, and why: the data behind `pith explain`.
//!
//! [`explain`](crate::explain()) runs the same stages as
//! [`extract`](crate::extract) and keeps what they decided along the way:
//! every region classify stripped with its kind and the evidence (the tag or
//! role, the class or id word, the label phrase), the blocks the structure
//! walk dropped inside the article, the article's root(s), the headline, and
//! the nodes that gave each section heading, caption and related link. The
//! document is the very one `extract` gives; extraction itself keeps none of
//! this, so it pays nothing for it.
//!
//! Each decision names its element by a number that the page's inert copy
//! ([`Page`], built in `page.rs`) carries as `data-pith-node`, so a viewer can
//! draw the decisions on the page itself; [`render::explain_html`] does.
//!
//! [`render::explain_html`]: crate::render::explain_html

mod page;

use std::borrow::Cow;
use std::fmt;

use scraper::Html;
use serde::Serialize;

use crate::classify::Note;
use crate::document::{Boilerplate, Document};
use crate::dom::{Facts, Ix, Tag};
use crate::structure::Trace;

pub use page::Page;

/// A page's document with the decisions behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The document, exactly as [`extract`](crate::extract) gives it.
    pub document: Document,
    /// The decisions, in document order of their elements.
    pub decisions: Vec<Decision>,
    /// The page as parsed, made inert, its decided elements numbered.
    pub page: Page,
}

/// One decision about one element of the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// The element, as its `data-pith-node` attribute in [`Page`]; `None`
    /// when no one element holds what was decided (a line of text in a
    /// larger block).
    pub node: Option<u32>,
    /// The element's tag with its id and first classes: `div#comments.comments-area`.
    pub element: String,
    /// The start of its text.
    pub text: String,
    /// What pith decided.
    #[serde(flatten)]
    pub what: What,
}

/// What pith decided about an element.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
#[non_exhaustive]
pub enum What {
    /// Boilerplate: left out of the document and counted in `stripped`.
    Stripped {
        /// Which kind of boilerplate.
        kind: Boilerplate,
        /// What in the markup or the words said so.
        evidence: Evidence,
        /// The stripped region this one lies inside, if any: only the
        /// outermost regions are counted in `stripped`.
        within: Option<u32>,
    },
    /// A root of the article: the document's body is read from here.
    ArticleRoot,
    /// The headline, which guided the choice of the root.
    Headline,
    /// A section heading of the document.
    Heading {
        /// 1..=6.
        level: u8,
    },
    /// A caption of the document's `captions`.
    Caption,
    /// A link of the document's `related_links`.
    RelatedLink {
        /// Its absolute URL, as in the document.
        url: String,
    },
}

/// What told pith a region is boilerplate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// Hidden from readers: `hidden`, `aria-hidden` or an inline `style`.
    Hidden(Cow<'static, str>),
    /// The ARIA role (`search`, `navigation`, …).
    Role(Cow<'static, str>),
    /// The tag (`nav`, `aside`, `footer`, …), where it stands.
    Tag(Cow<'static, str>),
    /// A form, by the field that tells its purpose (`textarea`, `search`, `email`).
    Form(Cow<'static, str>),
    /// A listed word in the class attribute.
    Class(Cow<'static, str>),
    /// A listed word in the id attribute.
    Id(Cow<'static, str>),
    /// A listed phrase of a label, heading or line ("you may also like").
    Label(Cow<'static, str>),
    /// A rule of the structure walk ("a list mostly of links").
    Rule(Cow<'static, str>),
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Hidden(how) if how == "style" => f.write_str("hidden by its style"),
            Evidence::Hidden(how) => write!(f, "hidden ({how})"),
            Evidence::Role(role) => write!(f, "role={role}"),
            Evidence::Tag(tag) => write!(f, "<{tag}>"),
            Evidence::Form(field) => write!(f, "form with a {field} field"),
            Evidence::Class(word) => write!(f, "class “{word}”"),
            Evidence::Id(word) => write!(f, "id “{word}”"),
            Evidence::Label(phrase) => write!(f, "label “{phrase}”"),
            Evidence::Rule(rule) => f.write_str(rule),
        }
    }
}

/// Characters of an element's text kept in [`Decision::text`].
const SNIPPET_CHARS: usize = 80;

/// Nodes walked to find an element's first words: a deep wrapper whose text
/// lies further down gets no snippet, and no page costs more than this per
/// decision.
const SNIPPET_MAX_NODES: usize = 64;

/// Longest id or class name kept in [`Decision::element`].
const NAME_MAX_CHARS: usize = 40;

/// What the stages decided, as the explain entry point hands it over.
pub(crate) struct Stages<'a> {
    pub notes: Vec<Note>,
    pub headline: Option<Ix>,
    pub parts: &'a [Ix],
    pub trace: Trace,
}

/// Puts the stages' decisions in document order, each with its element and
/// the start of its text, and makes the page's inert copy.
pub(crate) fn explanation(
    html: &Html,
    facts: &Facts,
    stages: Stages<'_>,
    document: Document,
) -> Explanation {
    let Stages {
        notes,
        headline,
        parts,
        trace,
    } = stages;
    let mut found: Vec<(Option<Ix>, What)> = Vec::new();
    for note in notes {
        let what = What::Stripped {
            kind: note.kind,
            evidence: note.evidence,
            within: note.within,
        };
        found.push((Some(note.at), what));
    }
    for (at, kind, evidence) in trace.dropped {
        let within = None;
        found.push((
            at,
            What::Stripped {
                kind,
                evidence,
                within,
            },
        ));
    }
    found.extend(parts.iter().map(|&p| (Some(p), What::ArticleRoot)));
    found.extend(headline.map(|h| (Some(h), What::Headline)));
    // Headings the walk later dropped (a kicker above the headline) are not
    // the record's.
    let kept = |text: &str| {
        document
            .sections
            .iter()
            .any(|s| s.heading.as_deref() == Some(text))
    };
    for (at, _) in trace.headings.iter().filter(|(_, t)| kept(t)) {
        if let Tag::Heading(level) = facts.nodes[*at as usize].tag {
            found.push((Some(*at), What::Heading { level }));
        }
    }
    found.extend(trace.captions.iter().map(|&c| (Some(c), What::Caption)));
    for (&a, link) in trace.links.iter().zip(&document.related_links) {
        let url = link.url.clone();
        found.push((Some(a), What::RelatedLink { url }));
    }
    // Document order; decisions without an element last.
    found.sort_by_key(|(at, _)| at.unwrap_or(Ix::MAX));
    let decisions: Vec<Decision> = found
        .into_iter()
        .map(|(at, what)| Decision {
            node: at,
            element: at.map(|i| element_name(html, facts, i)).unwrap_or_default(),
            text: at.map(|i| snippet(html, facts, i)).unwrap_or_default(),
            what,
        })
        .collect();
    let page = page::inert(html, facts, &decisions);
    Explanation {
        document,
        decisions,
        page,
    }
}

/// `tag#id.class1.class2`, each name cut short.
fn element_name(html: &Html, facts: &Facts, i: Ix) -> String {
    let Some(el) = facts.element(html, i) else {
        return String::new();
    };
    let short = |s: &str| s.chars().take(NAME_MAX_CHARS).collect::<String>();
    let mut name = el.value().name().to_owned();
    if let Some(id) = el.value().id() {
        name.push('#');
        name.push_str(&short(id));
    }
    for class in el.value().classes().take(2) {
        name.push('.');
        name.push_str(&short(class));
    }
    name
}

/// The first words of the element's text, found within a bounded walk.
fn snippet(html: &Html, facts: &Facts, i: Ix) -> String {
    let end = facts.nodes[i as usize].end;
    let mut text = String::new();
    for t in (i..end).take(SNIPPET_MAX_NODES) {
        if facts.nodes[t as usize].tag == Tag::Text {
            text.push_str(facts.text(html, t));
            text.push(' ');
            if text.len() > SNIPPET_CHARS * 4 {
                break;
            }
        }
    }
    let words = crate::dom::collapse_whitespace(&text);
    match words.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &words[..cut]),
        None => words,
    }
}

#[cfg(test)]
mod tests;
