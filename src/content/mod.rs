//! Where the article is: scoring candidates, choosing the root.

use crate::classify::Marks;
use crate::dom::Facts;
use ego_tree::NodeId;
use scraper::Html;

pub(crate) fn find_root(html: &Html, facts: &Facts, marks: &Marks) -> NodeId {
    let _ = (facts, marks);
    html.root_element().id()
}
