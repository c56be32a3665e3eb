//! The output record, exactly the contract's fields. Serialization is derived:
//! field order here is the order users see in every JSON line.

use serde::Serialize;

/// One extracted page. Absent facts are `None` or empty, never omitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// Canonical URL (`<link rel=canonical>`, `og:url`), else the URL the caller gave.
    pub url: Option<String>,
    /// The headline as a reader sees it, without the ` | Site Name` tail.
    pub title: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601 date or date-time of first publication.
    pub published: Option<String>,
    /// ISO 8601 date or date-time of the last modification, if stated.
    pub modified: Option<String>,
    pub site_name: Option<String>,
    /// Primary language tag, e.g. `en` or `de`.
    pub language: Option<String>,
    /// Lead image, absolute URL.
    pub image: Option<String>,
    pub tags: Vec<String>,
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

/// A run of blocks under one heading. The first section holds what comes
/// before the first sub-heading and has no heading.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Section {
    pub heading: Option<String>,
    /// 1..=6, or `None` for the leading section.
    pub level: Option<u8>,
    pub blocks: Vec<Block>,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Quote {
        text: String,
    },
    Code {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<String>,
    },
    Table {
        rows: Vec<Vec<String>>,
    },
    Figure {
        caption: Option<String>,
        image: Option<String>,
    },
}

/// A visible caption of a figure or image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caption {
    pub text: String,
    pub image: Option<String>,
    pub alt: Option<String>,
}

/// A link with its visible text and absolute URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// The kinds of boilerplate pith recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Boilerplate {
    Navigation,
    Comments,
    Related,
    Share,
    Ads,
    Other,
}

/// Counts of removed boilerplate blocks, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stripped {
    pub navigation: usize,
    pub comments: usize,
    pub related: usize,
    pub share: usize,
    pub ads: usize,
    pub other: usize,
}

impl Stripped {
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
