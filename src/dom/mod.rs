//! Parsing helpers and per-node facts every stage shares.

pub(crate) mod url;

use scraper::Html;

/// Per-node facts computed once, indexed by node id.
pub(crate) struct Facts {}

impl Facts {
    pub(crate) fn compute(html: &Html) -> Facts {
        let _ = html;
        Facts {}
    }
}
