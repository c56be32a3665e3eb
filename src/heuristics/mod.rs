//! The words, class/id patterns, weights and thresholds pith decides with.
//!
//! Everything a rule of thumb depends on lives here, named and explained, so a
//! change of mind is a change of data. One file per concern:
//!
//! - [`boilerplate`]: class/id words and label phrases that name navigation,
//!   comments, related teasers, share bars and ads (read by `classify`);
//! - [`body`]: what the article's own parts look like: captions, figures,
//!   credits, inline "Related:" lines, related links (read by `structure`);
//! - [`metadata`]: bylines and the words around author names (read by
//!   `metadata`, and by `structure` to drop a byline line);
//! - [`weights`]: the scores and shares that find the article (read by
//!   `content`, `classify` and `structure`).
//!
//! A threshold that bounds one list's matches (how long a label may be) sits
//! beside that list; numbers that steer scoring sit in [`weights`].
//!
//! The lists obey a few rules, which the tests below enforce:
//!
//! - Phrases are matched against text that has been lowercased and had its
//!   whitespace collapsed, so they are written lowercase, with single spaces
//!   and none at either end.
//! - Class and id names are split into words at `-`, `_`, digits and
//!   camelCase humps, lowercased, before they are looked up (the whole name is
//!   looked up too); names that are not ASCII are never looked up. So class
//!   words are lowercase ASCII without spaces.
//! - No list names an entry twice, and no phrase is listed under two kinds
//!   of boilerplate.
//! - Multilingual lists say which language each group of entries is in.
//!
//! Everything is re-exported here, so users write `crate::heuristics::NAME`
//! whichever file the name lives in.

mod body;
mod boilerplate;
mod metadata;
mod weights;

pub(crate) use body::*;
pub(crate) use boilerplate::*;
pub(crate) use metadata::*;
pub(crate) use weights::*;
