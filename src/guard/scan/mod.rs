//! The pre-parse scan: a byte-level tokenizer with a small model of the HTML
//! tree builder's stack of open elements, run before html5ever sees the page.
//!
//! html5ever's tree builder searches its stack of open elements for almost every
//! tag, so a page nested N deep costs O(N²): 100,000 nested `<div>`s take
//! minutes. The scan keeps the stack the parser will build shallow by removing
//! the start tags (and their end tags) that would open an element past
//! [`Limits::max_depth`], and the formatting start tags past
//! [`Limits::max_formatting`] (the tree builder re-opens those after every
//! block, which is the other quadratic path). Text is never touched: the words
//! of a page nested 100,000 deep are all kept, only its structure is flattened
//! past the limit. Attributes past [`Limits::max_attributes`] on one tag are
//! removed too (the tokenizer's duplicate check is quadratic in them).
//!
//! The model only has to be *conservative*: wherever it is unsure what the tree
//! builder does, it assumes the deeper stack (it pushes rather than pops, treats
//! end tags as ignored, keeps inactive formatting elements counted). So the real
//! stack is never much deeper than the model's, while ordinary pages (unclosed
//! `<p>`, `<li>`, `<td>`, inline SVG) are modelled closely enough never to be
//! touched. The parse that follows still counts nodes and watches the clock, so
//! a page that fools the model costs time, not correctness (see `super::sink`).
//!
//! Since the scan finds where every comment, script and style ends anyway, it
//! also cuts what no later stage reads: comments, the bodies of `style`,
//! `noscript` and non-JSON `script` elements (see [`cuts::UNREAD_RAW_TEXT`]),
//! `data-*` and event-handler attributes ([`cuts::is_unread_attribute`]) and the
//! bodies of SVG images ([`cuts::SvgBody`]). On news pages that is two thirds of
//! the bytes, which the parser then never tokenizes. A cut is only safe where
//! the model knows what the tokenizer reads as text and what as markup, so
//! nothing is cut inside foreign content, `select` or `template`, nor after
//! the model may have lost track ([`Scanner::may_cut`]); a `<frameset>` page
//! is scanned again without cuts. `cuts_never_change_the_tree_the_extractor_reads`
//! holds the parsed tree the extractor reads equal with and without them.
//!
//! The scan is split the way its decisions are: [`tokenizer`] finds where
//! each tag, comment and raw text ends; [`tags`] holds the HTML standard's tag
//! categories; [`stack`] models the stack of open elements and the list of
//! active formatting elements; [`rules`] applies the tree builder's rules for
//! each start and end tag to that model and removes the tags past the limits;
//! [`cuts`] decides what unread content may be left out. This module drives
//! them over the page.

mod cuts;
mod rules;
mod stack;
mod tags;
#[cfg(test)]
mod tests;
mod tokenizer;

use std::borrow::Cow;

use memchr::memchr;

use crate::lex::{bogus_comment_end, comment_end, is_space};
use cuts::SvgBody;
use stack::{Active, Open};
use tokenizer::{RawKind, skip_raw_text};

/// The bounds the scan enforces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Deepest stack of open elements the parser may build.
    pub(crate) max_depth: usize,
    /// Most formatting elements (`b`, `i`, `a`, `font`, …) the parser may keep
    /// active (open, or to be reopened after the next block) at once.
    pub(crate) max_formatting: usize,
    /// Most attributes kept on one tag.
    pub(crate) max_attributes: usize,
}

/// What the scan changed, for tests and for the record's honesty.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Changes {
    /// Start and end tags removed because they were past a nesting limit.
    pub(crate) tags_removed: u64,
    /// Tags that lost attributes past the attribute limit.
    pub(crate) tags_trimmed: u64,
}

/// Runs the scan. Borrows the page when nothing needed changing (the usual case).
pub(crate) fn scan<'a>(html: &'a str, limits: &Limits) -> (Cow<'a, str>, Changes) {
    let (text, changes, frameset) = scan_with(html, limits, true);
    if frameset {
        // A `<frameset>` replaces the body unless text came before it; text
        // inside a cut SVG body counts, so such a page is scanned again
        // without cutting anything unread.
        let (text, changes, _) = scan_with(html, limits, false);
        return (text, changes);
    }
    (text, changes)
}

/// The scan, with or without cuts of unread content; the flag says a
/// `<frameset>` start tag came on a page where something unread was cut.
fn scan_with<'a>(
    html: &'a str,
    limits: &Limits,
    allow_unread_cuts: bool,
) -> (Cow<'a, str>, Changes, bool) {
    let mut scanner = Scanner {
        src: html.as_bytes(),
        limits: *limits,
        stack: Vec::new(),
        active: Vec::new(),
        next_id: 0,
        dropped: Vec::new(),
        out: None,
        copied: 0,
        unread_attributes: Vec::new(),
        svg: None,
        unmodelled: 0,
        lost: !allow_unread_cuts,
        cut_any_unread: false,
        frameset: false,
        changes: Changes::default(),
    };
    scanner.run();
    let frameset = scanner.frameset && scanner.cut_any_unread;
    let changes = scanner.changes;
    let text = match scanner.out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.extend_from_slice(&scanner.src[scanner.copied..]);
            // Only whole tags or attributes (ASCII-delimited) were cut out.
            let out = String::from_utf8(out)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            Cow::Owned(out)
        }
    };
    (text, changes, frameset)
}

/// A tag name, lowercased: borrowed from the page unless it had capitals.
type Name<'a> = Cow<'a, [u8]>;

/// The scan of one page: the model of the tree builder's state, and the
/// output so far (`None` while nothing was changed).
struct Scanner<'a> {
    src: &'a [u8],
    limits: Limits,
    stack: Vec<Open<'a>>,
    active: Vec<Active<'a>>,
    /// The id of the next active formatting entry.
    next_id: u64,
    /// Names of removed start tags whose end tags are still to be removed.
    dropped: Vec<(Name<'a>, u32)>,
    out: Option<Vec<u8>>,
    /// How much of `src` has been copied to `out` (or is borrowed unchanged).
    copied: usize,
    /// Where the unread attributes of the last tag read start and end.
    unread_attributes: Vec<(usize, usize)>,
    /// The outermost open `<svg>` element, while it is open.
    svg: Option<SvgBody>,
    /// How many elements on the stack are SVG, MathML, unknown, or
    /// [`UNMODELLED`](tags::UNMODELLED). Whether the tokenizer reads `<title>` or `<style>` as
    /// text depends on whether the tree builder inserts it (not inside
    /// `select`, nor everywhere inside `template`) and on whether the current
    /// element is foreign (where the model does not follow every end tag
    /// exactly). While any is open, nothing is cut but what the limits require
    /// (and whole SVG bodies, see [`cuts::SvgBody`]).
    unmodelled: usize,
    /// The model may be wrong about what the tokenizer reads as text from
    /// here on (see [`Scanner::may_cut`]): nothing more is cut but what the
    /// limits require.
    lost: bool,
    /// Something unread was cut.
    cut_any_unread: bool,
    /// A `<frameset>` start tag was read.
    frameset: bool,
    changes: Changes,
}

/// The result of handling a start tag.
enum Next<'a> {
    /// Go on tokenizing markup after the tag.
    Markup,
    /// The tag switched the tokenizer to text until its end tag (named here).
    RawText {
        kind: RawKind,
        name: Name<'a>,
        /// Nothing after the parse reads this text: leave it out.
        unread: bool,
    },
    /// `<plaintext>`: the rest of the page is text.
    Plaintext,
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let src = self.src;
        let mut i = 0;
        while let Some(offset) = memchr(b'<', &src[i..]) {
            let at = i + offset;
            if self.has_closed_formatting() && src[i..at].iter().any(|&c| !is_space(c)) {
                self.reconstruct();
            }
            i = match src.get(at + 1) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some(tag) = self.read_tag(at, false) else {
                        return;
                    };
                    let stop = tag.stop;
                    match self.start_tag(tag) {
                        Next::Markup => stop,
                        Next::RawText { kind, name, unread } => {
                            let end = skip_raw_text(src, stop, &name, kind);
                            if unread && end > stop && self.may_cut() {
                                self.cut_unread(stop, end);
                            }
                            end
                        }
                        Next::Plaintext => return,
                    }
                }
                Some(b'/') => match src.get(at + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let Some(tag) = self.read_tag(at, true) else {
                            return;
                        };
                        let stop = tag.stop;
                        self.end_tag(tag);
                        stop
                    }
                    Some(b'>') => at + 3,
                    None => return,
                    Some(_) => bogus_comment_end(src, at + 2),
                },
                Some(b'!') if src[at..].starts_with(b"<!--") => {
                    // Comments are never read either, but for the few that
                    // mark where a streamed segment goes (see `super::streamed`).
                    let end = comment_end(src, at + 4);
                    let marks_a_segment = src[at..end]
                        .strip_suffix(b"-->")
                        .and_then(|c| c.get(4..))
                        .is_some_and(super::streamed::is_boundary_comment);
                    // Not straight inside a table, where a comment ends the run
                    // of text before it (whose spaces stay in the table, while
                    // other text moves out before it).
                    let in_table = self
                        .stack
                        .last()
                        .is_some_and(|t| t.html(&[b"table", b"tbody", b"thead", b"tfoot", b"tr"]));
                    if self.may_cut() && !in_table && !marks_a_segment {
                        self.cut_unread(at, end);
                    }
                    end
                }
                Some(b'!' | b'?') => bogus_comment_end(src, at + 2),
                _ => at + 1,
            };
        }
    }
}
