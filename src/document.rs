//! The output record, exactly the contract's fields. Serialization is derived:
//! field order here is the order users see in every JSON line. A record reads
//! back into a [`Document`] (its other keys ignored), so front ends can render
//! a record they were handed.

use serde::{Deserialize, Serialize};

use crate::page_type::PageType;

/// One extracted page. Absent facts are `None` or empty, never omitted.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Document {
    /// Canonical URL (`<link rel=canonical>`, `og:url`), else the URL the caller gave.
    pub url: Option<String>,
    /// The headline as a reader sees it, without the ` | Site Name` tail.
    pub title: Option<String>,
    /// The page's own summary (`<meta name=description>`, `og:description`, JSON-LD).
    pub description: Option<String>,
    /// The people credited, in page order, without "By" and duplicates.
    pub authors: Vec<String>,
    /// ISO 8601 date or date-time of first publication.
    pub published: Option<String>,
    /// ISO 8601 date or date-time of the last modification, if stated.
    pub modified: Option<String>,
    /// The publication's name (`og:site_name`, JSON-LD publisher, the title's tail).
    pub site_name: Option<String>,
    /// Primary language tag, e.g. `en` or `de`.
    pub language: Option<String>,
    /// Lead image, absolute URL.
    pub image: Option<String>,
    /// Keywords and topics the page declares (`article:tag`, `keywords`, JSON-LD).
    pub tags: Vec<String>,
    /// What kind of page this is (`article`, `forum`, `product`, …), from its
    /// markup, URL and structure. Always set on a document; `None` (`null`)
    /// only on the empty document an error record carries.
    pub page_type: Option<PageType>,
    /// The article body in reading order, split at its headings.
    pub sections: Vec<Section>,
    /// Every figure/image caption inside the article body, in order.
    pub captions: Vec<Caption>,
    /// Links from related-content blocks tied to the article.
    pub related_links: Vec<Link>,
    /// The body as plain text: headings and blocks in order, separated by a blank line.
    pub text: String,
    /// Words in `text`.
    pub word_count: usize,
    /// How many blocks of each boilerplate kind were removed.
    pub stripped: Stripped,
}

impl Document {
    /// The document with nothing in it: `None`, empty lists, empty text, zero
    /// counts. A failed page's record carries these fields.
    pub const EMPTY: Document = Document {
        url: None,
        title: None,
        description: None,
        authors: Vec::new(),
        published: None,
        modified: None,
        site_name: None,
        language: None,
        image: None,
        tags: Vec::new(),
        page_type: None,
        sections: Vec::new(),
        captions: Vec::new(),
        related_links: Vec::new(),
        text: String::new(),
        word_count: 0,
        stripped: Stripped::NONE,
    };
}

/// A run of blocks under one heading. The first section holds what comes
/// before the first sub-heading and has no heading.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Section {
    /// The heading's text; `None` for the leading section.
    pub heading: Option<String>,
    /// 1..=6, or `None` for the leading section.
    pub level: Option<u8>,
    /// The blocks under the heading, in reading order.
    pub blocks: Vec<Block>,
}

/// One block of the article body.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of prose.
    Paragraph {
        /// Its text, whitespace collapsed.
        text: String,
    },
    /// A bulleted or numbered list.
    List {
        /// Numbered (`<ol>`) rather than bulleted.
        ordered: bool,
        /// Each item's text.
        items: Vec<String>,
    },
    /// A block quotation.
    Quote {
        /// Its text.
        text: String,
    },
    /// Preformatted code, whitespace kept.
    Code {
        /// The code as written.
        text: String,
        /// The language its markup names (`language-rust`, …), if any.
        language: Option<String>,
    },
    /// A data table.
    Table {
        /// Rows of cell texts, the header row first when there is one.
        rows: Vec<Vec<String>>,
    },
    /// An image or figure in the body.
    Figure {
        /// Its visible caption, if any.
        caption: Option<String>,
        /// The image's absolute URL, if any.
        image: Option<String>,
    },
}

/// A visible caption of a figure or image.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Caption {
    /// The caption's description, without its credit; the credit itself
    /// when the caption is nothing else ("Getty Images").
    pub text: String,
    /// Who the image is credited to ("Photo: Agency", a photographer's
    /// name), when the caption says; `null` otherwise.
    pub credit: Option<String>,
    /// The captioned image's absolute URL, if any.
    pub image: Option<String>,
    /// The image's alt text, if any.
    pub alt: Option<String>,
}

/// A link with its visible text and absolute URL.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Link {
    /// The text a reader sees (or the image's title or alt for an image link).
    pub text: String,
    /// The absolute URL.
    pub url: String,
}

/// The kinds of boilerplate pith recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// Menus, breadcrumbs, headers, footers, sidebars, pagination.
    Navigation,
    /// Comment threads and comment forms.
    Comments,
    /// "You may also like"-style blocks of links to other articles.
    Related,
    /// Share bars and social buttons.
    Share,
    /// Advertising slots.
    Ads,
    /// Other page furniture: author boxes, meta lines, tag lists, hidden helpers.
    Other,
}

impl Boilerplate {
    /// The kind's name, as in the record's `stripped` counts.
    pub fn name(self) -> &'static str {
        match self {
            Boilerplate::Navigation => "navigation",
            Boilerplate::Comments => "comments",
            Boilerplate::Related => "related",
            Boilerplate::Share => "share",
            Boilerplate::Ads => "ads",
            Boilerplate::Other => "other",
        }
    }
}

/// Counts of removed boilerplate blocks, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Stripped {
    /// Navigation blocks removed.
    pub navigation: usize,
    /// Comment blocks removed.
    pub comments: usize,
    /// Related-content blocks removed.
    pub related: usize,
    /// Share bars removed.
    pub share: usize,
    /// Ad slots removed.
    pub ads: usize,
    /// Other boilerplate blocks removed.
    pub other: usize,
}

impl Stripped {
    /// Nothing removed.
    pub const NONE: Stripped = Stripped {
        navigation: 0,
        comments: 0,
        related: 0,
        share: 0,
        ads: 0,
        other: 0,
    };

    pub(crate) fn add(&mut self, kind: Boilerplate) {
        let slot = match kind {
            Boilerplate::Navigation => &mut self.navigation,
            Boilerplate::Comments => &mut self.comments,
            Boilerplate::Related => &mut self.related,
            Boilerplate::Share => &mut self.share,
            Boilerplate::Ads => &mut self.ads,
            Boilerplate::Other => &mut self.other,
        };
        *slot += 1;
    }
}
