//! A [`Document`] as text for people and for the tools that read prose: Markdown
//! (CommonMark with GitHub tables) and plain text; and an
//! [`Explanation`](crate::Explanation) as a page to look at ([`explain_html`]). Every front end (the `pith`
//! program, a Python job) renders through here, so a page reads the same
//! whichever one made it.

mod explain;
mod markdown;

use crate::document::Document;

pub use explain::explain_html;

/// The document as Markdown: `# title`, section headings at their level,
/// paragraphs, lists, quotes, fenced code, pipe tables and figures with their
/// captions. Ends in one newline.
pub fn markdown(document: &Document) -> String {
    markdown::document(document)
}

/// The document as plain text: the title, a blank line, then the body text.
/// Ends in one newline.
pub fn text(document: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &document.title {
        out.push_str(title);
        out.push_str("\n\n");
    }
    out.push_str(document.text.trim_end());
    out.push('\n');
    out
}
