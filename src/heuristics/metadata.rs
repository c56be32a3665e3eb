//! What the facts about the article look like where pages write them
//! loosely: bylines and the words around names.
//!
//! `metadata` reads these to find and clean authors; `structure` reads the
//! byline rules to drop a byline line from the body.

/// Words that introduce a byline rather than belong to it, lowercase. Where
/// one is the start of another, the longer comes first: the first that
/// matches is the one stripped. Metadata strips them from author names; the
/// body drops a short line made of one of them and a capitalised name.
pub(crate) const BYLINE_PREFIXES: &[&str] = &[
    // English
    "written by",
    "posted by",
    "words by",
    "text by",
    "authors",
    "author",
    "by",
    // German
    "von",
    // French
    "par",
    // Spanish, Portuguese
    "por",
    // Italian
    "di",
    // Dutch
    "door",
    // Swedish, Norwegian
    "av",
    // Danish
    "af",
];

/// A byline is a short line; a longer one starting with "By" is a sentence.
pub(crate) const BYLINE_MAX_CHARS: usize = 80;

/// Classes that mark byline markup (metadata's author search), compared
/// with each class name whole, ignoring ASCII case.
pub(crate) const BYLINE_CLASSES: &[&str] = &["byline", "author", "author-name", "by-author"];

/// Class/id fragments of containers whose bylines are not the article's:
/// commenters and the authors of teasers for other articles. Found anywhere
/// in the lowercased class or id (`recommend` in `recommendations`).
pub(crate) const FOREIGN_BYLINE_CONTAINERS: &[&str] =
    &["comment", "related", "recommend", "teaser"];
