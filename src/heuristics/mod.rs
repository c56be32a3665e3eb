//! The words, class/id patterns, weights and thresholds pith decides with.
//!
//! Everything a rule of thumb depends on lives here, named and explained, so a
//! change of mind is a change of data. One file per concern:
//!
//! - [`boilerplate`]: class/id words and label phrases that name navigation,
//!   comments, related teasers, share bars and ads (read by `classify`);
//! - [`body`]: what the article's own parts look like: captions, figures,
//!   credits, inline "Related:" lines, related links (read by `structure`);
//! - [`metadata`]: bylines and author names, dates, titles, the meta keys
//!   and JSON-LD types trusted for each field, and the bounds on names, tags
//!   and language detection (read by `metadata`, and by `structure` to drop
//!   a byline line);
//! - [`page_type`]: the schema.org types, URL words, class words, phrases
//!   and weights that tell one kind of page from another (read by `page_type`);
//! - [`weights`]: the scores and shares that find the article (read by
//!   `content`, `classify` and `structure`).
//!
//! A threshold that bounds one list's matches (how long a label may be) sits
//! beside that list; numbers that steer scoring sit in [`weights`].
//!
//! The lists obey a few rules, which `tests.rs` beside this file enforces:
//!
//! - Phrases are matched against text that has been lowercased and had its
//!   whitespace collapsed, so they are written lowercase, with single spaces
//!   and none at either end.
//! - Class and id names are split into words at `-`, `_`, digits and
//!   camelCase humps, lowercased, before they are looked up (the whole name is
//!   looked up too); names that are not ASCII are never looked up. So class
//!   words are lowercase ASCII without spaces.
//! - Single-word lists (month names, meta keys, path segments) hold no space.
//! - No list names an entry twice, and no phrase is listed under two kinds
//!   of boilerplate; read by the label rules, each phrase names its own kind
//!   (no earlier entry of another kind swallows it).
//! - A phrase holds nothing its matcher strips first (digits and trailing
//!   punctuation of headings, opening brackets of credits), or it never
//!   matches.
//! - Multilingual lists say which language each group of entries is in.
//!
//! Exempt, and said so where they are listed: by design, title separators
//! carry their spaces and JSON-LD types keep schema.org's capitals; the `(c)`
//! credit prefix never matches (its matcher drops the bracket first) and
//! stays as it is, since making it match would change what pith keeps.
//!
//! Everything is re-exported here, so users write `crate::heuristics::NAME`
//! whichever file the name lives in.

mod body;
mod boilerplate;
mod metadata;
mod page_type;
mod weights;

pub(crate) use body::*;
pub(crate) use boilerplate::*;
pub(crate) use metadata::*;
pub(crate) use page_type::*;
pub(crate) use weights::*;

#[cfg(test)]
mod tests;
