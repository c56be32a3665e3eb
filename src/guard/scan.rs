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
//! `noscript` and non-JSON `script` elements (see [`UNREAD_RAW_TEXT`]),
//! `data-*` and event-handler attributes ([`is_unread_attribute`]) and the
//! bodies of SVG images ([`SvgBody`]). On news pages that is two thirds of
//! the bytes, which the parser then never tokenizes. A cut is only safe where
//! the model knows what the tokenizer reads as text and what as markup, so
//! nothing is cut inside foreign content, `select` or `template`, nor after
//! the model may have lost track ([`Scanner::may_cut`]); a `<frameset>` page
//! is scanned again without cuts. `cuts_never_change_the_tree_the_extractor_reads`
//! holds the parsed tree the extractor reads equal with and without them.

use std::borrow::Cow;

use crate::heuristics::IMAGE_SOURCE_ATTRIBUTES;
use crate::lex::{
    bogus_comment_end, comment_end, find, is_end_tag_named, is_space, is_start_tag_named,
    lowercase, read_attribute, skip_to_attribute, tag_name_end,
};

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

/// The namespace the tree builder will give an element, as far as the model knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    Math,
    /// Inside a MathML `annotation-xml`, whose content is HTML or MathML
    /// depending on an attribute: every decision there is the conservative one.
    Unknown,
}

/// How the tree builder will process the next start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Html,
    Foreign,
    Unknown,
}

/// A tag name, lowercased: borrowed from the page unless it had capitals.
type Name<'a> = Cow<'a, [u8]>;

#[derive(Debug)]
struct Open<'a> {
    name: Name<'a>,
    ns: Ns,
    /// Opening it put a marker on the list of active formatting elements.
    marker: bool,
    /// The entry of the active formatting list this element stands for.
    active: Option<u64>,
}

#[derive(Debug)]
enum Active<'a> {
    Marker,
    /// A formatting element: its name and its attribute bytes, for the
    /// "Noah's Ark" rule (at most three identical entries).
    Element {
        name: Name<'a>,
        attrs: (usize, usize),
        id: u64,
        /// Whether its element is on the stack; if not, the tree builder
        /// reopens it before the next text or start tag.
        open: bool,
    },
}

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
    /// [`UNMODELLED`]. Whether the tokenizer reads `<title>` or `<style>` as
    /// text depends on whether the tree builder inserts it (not inside
    /// `select`, nor everywhere inside `template`) and on whether the current
    /// element is foreign (where the model does not follow every end tag
    /// exactly). While any is open, nothing is cut but what the limits require
    /// (and whole SVG bodies, see [`SvgBody`]).
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

/// An open `<svg>` image in HTML. Nothing after the parse reads inside one
/// (`dom` skips the element, metadata reads no SVG elements), and an icon's
/// paths, groups and symbols are many nodes; so when the image ends with its
/// own end tag and held only SVG elements (no HTML through `foreignObject`,
/// nothing the model is unsure of), its body is cut.
#[derive(Debug)]
struct SvgBody {
    /// Its index on the stack.
    depth: usize,
    /// Where its body starts in the output.
    out: usize,
    /// Every start tag inside it so far was an SVG element.
    foreign_only: bool,
}

/// One tag as the tokenizer reads it.
struct Tag<'a> {
    name: Name<'a>,
    self_closing: bool,
    /// Where the tag starts (`<`) and ends (after `>`).
    start: usize,
    stop: usize,
    /// The bytes between the name and the `>`.
    attrs: (usize, usize),
    /// Where the first attribute past [`Limits::max_attributes`] starts.
    excess_attributes: Option<usize>,
    /// Whether it has a `color`, `face` or `size` attribute (which make a
    /// `<font>` break out of SVG and MathML).
    font_attributes: bool,
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

#[derive(Clone, Copy)]
enum RawKind {
    /// RCDATA and RAWTEXT: up to the first `</name` followed by a delimiter.
    Plain,
    /// Script data, with its escaped and double-escaped states.
    Script,
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
                    // Comments are never read either.
                    let end = comment_end(src, at + 4);
                    // Not straight inside a table, where a comment ends the run
                    // of text before it (whose spaces stay in the table, while
                    // other text moves out before it).
                    let in_table = self
                        .stack
                        .last()
                        .is_some_and(|t| t.html(&[b"table", b"tbody", b"thead", b"tfoot", b"tr"]));
                    if self.may_cut() && !in_table {
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

// ---------------------------------------------------------------------------
// Tokenizing: tags, comments, raw text, exactly where html5ever's tokenizer
// puts their ends (a scan that ended a comment or a script later than the
// tokenizer would miss tags the parser sees).
// ---------------------------------------------------------------------------

impl<'a> Scanner<'a> {
    /// Reads the tag starting at `at` (`<x` or `</x`), by the tokenizer's tag,
    /// attribute name and value states. `None` when the page ends inside it (the
    /// tokenizer then drops the tag, and nothing follows).
    fn read_tag(&mut self, at: usize, end: bool) -> Option<Tag<'a>> {
        self.unread_attributes.clear();
        let b: &'a [u8] = self.src;
        // `end` only moves the name's start past the `/`.
        let name_start = at + if end { 2 } else { 1 };
        let name_end = tag_name_end(b, name_start);
        let name = lowercase(&b[name_start..name_end]);
        let mut attributes = 0;
        let mut excess_attributes = None;
        let mut font_attributes = false;
        let mut i = name_end;
        let self_closing = loop {
            let (next, after_slash) = skip_to_attribute(b, i);
            i = next;
            if *b.get(i)? == b'>' {
                break after_slash;
            }
            let attribute = read_attribute(b, i);
            let attr_name = &b[attribute.name.clone()];
            if attributes == self.limits.max_attributes {
                excess_attributes = Some(i);
            }
            attributes += 1;
            font_attributes |= *name == *b"font"
                && [&b"color"[..], b"face", b"size"]
                    .iter()
                    .any(|n| attr_name.eq_ignore_ascii_case(n));
            // Only the ones before any excess: cuts go in page order. An `=`
            // with no value before the `>` leaves the attribute where it is.
            if excess_attributes.is_none()
                && !attribute.dangling_equals
                && is_unread_attribute(attr_name)
            {
                self.unread_attributes.push((i, attribute.end));
            }
            i = attribute.end;
        };
        Some(Tag {
            name,
            self_closing,
            start: at,
            stop: i + 1,
            attrs: (name_end, i),
            excess_attributes,
            font_attributes,
        })
    }

    /// Whether what is read now may be cut for being unread. Not inside
    /// foreign content, and never again once the model may have lost track.
    fn may_cut(&self) -> bool {
        self.unmodelled == 0 && !self.lost
    }

    /// An end tag inside foreign content goes to the HTML rules, which the
    /// model follows there only roughly (which formatting and foreign elements
    /// it really closes): the model may be lost from here on.
    fn html_rules_in_foreign_content(&mut self) {
        self.lost = true;
        if let Some(svg) = &mut self.svg {
            svg.foreign_only = false;
        }
    }

    /// A tag named like a raw-text element where the model cannot be sure
    /// whether the tree builder inserts it as one (in foreign content, in an
    /// [`UNMODELLED`] element): the tokenizer reads its content as text or
    /// as markup. The two readings agree when the content has no tag before
    /// the element's own end tag; otherwise the model may be lost.
    fn check_raw_text_reading(&mut self, tag: &Tag) {
        let name = &*tag.name;
        if !(is(name, RAW_TEXT) || name == b"script" || name == b"plaintext") {
            return;
        }
        let next = memchr(b'<', &self.src[tag.stop..]).map(|p| tag.stop + p);
        if next.is_none_or(|at| !is_end_tag_named(self.src, at, name)) {
            self.lost = true;
        }
    }

    /// Removes an SVG image's body, from after its start tag to `to` (the start
    /// of its end tag), after the fact: parts of it may have been copied.
    fn cut_svg_body(&mut self, svg: &SvgBody, to: usize) {
        let out = self
            .out
            .get_or_insert_with(|| Vec::with_capacity(self.src.len()));
        out.extend_from_slice(&self.src[self.copied..to]);
        out.truncate(svg.out);
        self.copied = to;
        self.cut_any_unread = true;
    }

    /// Removes `from..to`, which nothing reads, from the output.
    fn cut_unread(&mut self, from: usize, to: usize) {
        self.cut(from, to);
        self.cut_any_unread = true;
    }

    /// Removes `from..to` from the output.
    fn cut(&mut self, from: usize, to: usize) {
        let out = self
            .out
            .get_or_insert_with(|| Vec::with_capacity(self.src.len()));
        out.extend_from_slice(&self.src[self.copied..from]);
        self.copied = to;
    }
}

/// Where raw text opened by `<name>` (content starting at `from`) ends: at the
/// start of its end tag, which the main loop then reads as a tag.
fn skip_raw_text(b: &[u8], from: usize, name: &[u8], kind: RawKind) -> usize {
    match kind {
        RawKind::Plain => {
            let mut i = from;
            while let Some(at) = find(b, i, b"</") {
                if is_end_tag_named(b, at, name) {
                    return at;
                }
                i = at + 2;
            }
            b.len()
        }
        RawKind::Script => skip_script(b, from),
    }
}

/// Script data: `<!--` enters the escaped state, where `<script` enters the
/// double-escaped state, in which `</script>` does not end the script.
fn skip_script(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    // Only `<` and `-` can change the state: jump between them.
    while let Some(next) = memchr::memchr2(b'<', b'-', &b[i.min(b.len())..]) {
        i += next;
        match b[i] {
            b'<' if b[i + 1..].starts_with(b"!--") && state == State::Data => {
                state = State::Escaped;
                // `<!--` then `-` `-` `>` may end the escape at once (`<!-->`).
                i += 4;
                if b[i..].starts_with(b">") || b[i..].starts_with(b"->") {
                    // The dashes of `<!--` count towards `-->`.
                    state = State::Data;
                    i += if b[i] == b'>' { 1 } else { 2 };
                }
                continue;
            }
            b'<' if is_end_tag_named(b, i, b"script") => match state {
                State::DoubleEscaped => {
                    state = State::Escaped;
                    i += 8;
                    continue;
                }
                _ => return i,
            },
            b'<' if state == State::Escaped && is_start_tag_named(b, i, b"script") => {
                state = State::DoubleEscaped;
                i += 7;
                continue;
            }
            b'-' if state != State::Data && b[i..].starts_with(b"-->") => {
                state = State::Data;
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

use memchr::memchr;

// ---------------------------------------------------------------------------
// The model of the tree builder's stack.
// ---------------------------------------------------------------------------

/// A set of tag names, as a function that `match`es them: the compiler turns
/// that into a switch on length and a few compares, where a list would be
/// searched one name at a time (the scan asks for every tag and stack entry).
macro_rules! tag_set {
    ($(#[$doc:meta])* $is:ident = [$($name:literal),* $(,)?]) => {
        $(#[$doc])*
        fn $is(name: &[u8]) -> bool {
            matches!(name, $($name)|*)
        }
    };
}

tag_set! {
    /// Elements that never take children.
    is_void = [
        b"area",
        b"base",
        b"basefont",
        b"bgsound",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"image",
        b"input",
        b"keygen",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
    ]
}

/// Start tags that the tree builder merges into an existing element or ignores.
const NOT_PUSHED: &[&[u8]] = &[b"html", b"head", b"body"];

tag_set! {
    /// Formatting elements: kept on the list of active formatting elements and
    /// reopened after blocks that closed them.
    is_formatting = [
        b"a",
        b"b",
        b"big",
        b"code",
        b"em",
        b"font",
        b"i",
        b"nobr",
        b"s",
        b"small",
        b"strike",
        b"strong",
        b"tt",
        b"u",
    ]
}

tag_set! {
    /// Start tags that close an open `<p>` (in button scope) first.
    closes_p = [
        b"address",
        b"article",
        b"aside",
        b"blockquote",
        b"center",
        b"details",
        b"dialog",
        b"dir",
        b"div",
        b"dl",
        b"fieldset",
        b"figcaption",
        b"figure",
        b"footer",
        b"header",
        b"hgroup",
        b"main",
        b"menu",
        b"nav",
        b"ol",
        b"p",
        b"search",
        b"section",
        b"summary",
        b"ul",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"pre",
        b"listing",
        b"form",
        b"xmp",
        b"hr",
        b"li",
        b"dd",
        b"dt",
        b"plaintext",
    ]
}

const HEADINGS: &[&[u8]] = &[b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"];

/// Elements whose start tag puts a marker on the active formatting list.
const MARKERS: &[&[u8]] = &[
    b"applet",
    b"marquee",
    b"object",
    b"td",
    b"th",
    b"caption",
    b"template",
];

/// The HTML elements that bound "has an element in scope".
const SCOPE_BOUNDARIES: &[&[u8]] = &[
    b"applet",
    b"caption",
    b"html",
    b"table",
    b"td",
    b"th",
    b"marquee",
    b"object",
    b"template",
];

tag_set! {
    /// The "special" category: "any other end tag" stops at these.
    is_special = [
        b"address",
        b"applet",
        b"area",
        b"article",
        b"aside",
        b"base",
        b"basefont",
        b"bgsound",
        b"blockquote",
        b"body",
        b"br",
        b"button",
        b"caption",
        b"center",
        b"col",
        b"colgroup",
        b"dd",
        b"details",
        b"dir",
        b"div",
        b"dl",
        b"dt",
        b"embed",
        b"fieldset",
        b"figcaption",
        b"figure",
        b"footer",
        b"form",
        b"frame",
        b"frameset",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"header",
        b"hgroup",
        b"hr",
        b"html",
        b"iframe",
        b"img",
        b"input",
        b"keygen",
        b"li",
        b"link",
        b"listing",
        b"main",
        b"marquee",
        b"menu",
        b"meta",
        b"nav",
        b"noembed",
        b"noframes",
        b"noscript",
        b"object",
        b"ol",
        b"p",
        b"param",
        b"plaintext",
        b"pre",
        b"script",
        b"search",
        b"section",
        b"select",
        b"source",
        b"style",
        b"summary",
        b"table",
        b"tbody",
        b"td",
        b"template",
        b"textarea",
        b"tfoot",
        b"th",
        b"thead",
        b"title",
        b"tr",
        b"track",
        b"ul",
        b"wbr",
        b"xmp",
    ]
}

tag_set! {
    /// HTML start tags that end foreign (SVG, MathML) content.
    breaks_out_of_foreign = [
        b"b",
        b"big",
        b"blockquote",
        b"body",
        b"br",
        b"center",
        b"code",
        b"dd",
        b"div",
        b"dl",
        b"dt",
        b"em",
        b"embed",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"hr",
        b"i",
        b"img",
        b"li",
        b"listing",
        b"menu",
        b"meta",
        b"nobr",
        b"ol",
        b"p",
        b"pre",
        b"ruby",
        b"s",
        b"small",
        b"span",
        b"strong",
        b"strike",
        b"sub",
        b"sup",
        b"table",
        b"tt",
        b"u",
        b"ul",
        b"var",
    ]
}

/// Start tags whose content the tokenizer reads as text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"title",
    b"textarea",
    b"style",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Raw text elements whose text nothing after the parse reads: `dom` skips
/// them, metadata reads only `title` and JSON scripts. Their bodies are cut
/// before the parse (they are half the bytes of a typical news page), the
/// elements themselves stay.
const UNREAD_RAW_TEXT: &[&[u8]] = &[b"style", b"noscript"];

/// Attributes nothing after the parse reads, and a tenth of the markup of a
/// typical news page: `data-` attributes other than the image sources that
/// `structure` reads, and event handlers (`onclick`, …). They are cut from
/// kept start tags outside foreign content; the tag and its other attributes
/// stay as they were.
fn is_unread_attribute(name: &[u8]) -> bool {
    match name.first().map(u8::to_ascii_lowercase) {
        Some(b'd') => {
            name.len() > 5
                && name[..5].eq_ignore_ascii_case(b"data-")
                && !IMAGE_SOURCE_ATTRIBUTES
                    .iter()
                    .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
        }
        Some(b'o') => name.len() > 2 && name[1].eq_ignore_ascii_case(&b'n'),
        _ => false,
    }
}

/// Whether a script's attributes mention JSON (`type="application/ld+json"`,
/// `application/json`): such a script is data that metadata reads, every other
/// script is code, and its body is cut like a style's.
fn mentions_json(attrs: &[u8]) -> bool {
    attrs.windows(4).any(|w| w.eq_ignore_ascii_case(b"json"))
}

/// Start tags the tree builder ignores unless a table (or template) is open.
const TABLE_ONLY: &[&[u8]] = &[
    b"caption",
    b"colgroup",
    b"tbody",
    b"thead",
    b"tfoot",
    b"tr",
    b"td",
    b"th",
];

/// Table structure elements, for the table rules.
const TABLE_PARTS: &[&[u8]] = &[b"tbody", b"thead", b"tfoot"];

fn is(name: &[u8], set: &[&[u8]]) -> bool {
    set.contains(&name)
}

/// HTML elements inside which the tree builder ignores some start tags
/// (`<style>` in a `select`, `<script>` after a `<col>` in a `template`), so
/// that the tokenizer reads their content as markup where the model would
/// read it as text.
const UNMODELLED: &[&[u8]] = &[b"select", b"template"];

impl Open<'_> {
    fn unmodelled(&self) -> bool {
        self.ns != Ns::Html || is(&self.name, UNMODELLED)
    }

    fn html(&self, set: &[&[u8]]) -> bool {
        self.ns == Ns::Html && is(&self.name, set)
    }

    /// Where foreign content lets HTML in: SVG's `foreignObject`, `desc`,
    /// `title`, MathML's text elements and `annotation-xml`.
    fn integration_point(&self) -> bool {
        match self.ns {
            Ns::Svg => is(&self.name, &[b"foreignobject", b"desc", b"title"]),
            Ns::Math => is(
                &self.name,
                &[b"mi", b"mo", b"mn", b"ms", b"mtext", b"annotation-xml"],
            ),
            Ns::Html | Ns::Unknown => false,
        }
    }
}

impl<'a> Scanner<'a> {
    /// How the tree builder processes a start tag named `name` now.
    fn mode(&self, name: &[u8]) -> Mode {
        let Some(top) = self.stack.last() else {
            return Mode::Html;
        };
        match top.ns {
            Ns::Html => Mode::Html,
            Ns::Unknown => Mode::Unknown,
            Ns::Svg if top.integration_point() => Mode::Html,
            Ns::Math if *top.name == *b"annotation-xml" => Mode::Unknown,
            Ns::Math if top.integration_point() && !is(name, &[b"mglyph", b"malignmark"]) => {
                Mode::Html
            }
            Ns::Svg | Ns::Math => Mode::Foreign,
        }
    }

    /// The index of the nearest open HTML element named in `targets`, unless an
    /// element that bounds the scope comes first: as in the standard, SVG and
    /// MathML integration points bound it and other foreign elements do not
    /// (a stale foreign element kept open would let a later tag close the
    /// wrong element). Unknown elements bound every scope: the safe side.
    /// So does an open `select`: html5ever's body rules close nothing outside
    /// it from inside it (`<object><select></object>` leaves both open); the
    /// table rules do (`</table>` closes an open `select` in the table).
    fn in_scope(&self, targets: &[&[u8]], extra_boundaries: &[&[u8]]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if is(&open.name, targets) => return Some(at),
                Ns::Html
                    if is(&open.name, SCOPE_BOUNDARIES)
                        || is(&open.name, extra_boundaries)
                        || *open.name == *b"select" =>
                {
                    return None;
                }
                Ns::Html => {}
                Ns::Unknown => return None,
                Ns::Svg | Ns::Math if open.integration_point() => return None,
                Ns::Svg | Ns::Math => {}
            }
        }
        None
    }

    fn in_table_scope(&self, targets: &[&[u8]]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if is(&open.name, targets) => return Some(at),
                Ns::Html if is(&open.name, &[b"html", b"table", b"template"]) => {
                    return None;
                }
                Ns::Unknown => return None,
                Ns::Html | Ns::Svg | Ns::Math => {}
            }
        }
        None
    }

    /// Pops the stack down to (and without) index `at`, clearing the active
    /// formatting list to the last marker for each marker element popped.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            self.pop();
        }
    }

    /// Pops the current element, noting that its formatting entry (if any)
    /// is no longer open.
    fn pop(&mut self) {
        if self
            .svg
            .as_ref()
            .is_some_and(|svg| svg.depth + 1 == self.stack.len())
        {
            // Closed other than by its own end tag: its body stays.
            self.svg = None;
        }
        if let Some(open) = self.stack.pop() {
            self.unmodelled -= usize::from(open.unmodelled());
            self.unlink(&open);
            // Every way of closing a cell, caption or template clears the
            // list to its marker; `applet`, `marquee` and `object` clear it
            // only by their own end tag (`</table>` popping an `object` leaves
            // its marker, hiding the formatting elements before it).
            if open.marker && is(&open.name, &[b"td", b"th", b"caption", b"template"]) {
                self.clear_to_marker();
            }
        }
    }

    fn clear_to_marker(&mut self) {
        while let Some(entry) = self.active.pop() {
            if matches!(entry, Active::Marker) {
                break;
            }
        }
    }

    fn unlink(&mut self, open: &Open) {
        let Some(id) = open.active else { return };
        for entry in self.active.iter_mut().rev() {
            if let Active::Element { id: e, open, .. } = entry
                && *e == id
            {
                *open = false;
                return;
            }
        }
    }

    /// "Reconstruct the active formatting elements": every entry after the
    /// last marker whose element is not open is opened again, in order. The
    /// tree builder does this before text and most start tags; the model does
    /// it before every start tag and text run (more often is the safe side).
    fn reconstruct(&mut self) {
        if !self.has_closed_formatting() {
            return;
        }
        if self.stack.last().is_some_and(|t| t.ns != Ns::Html) {
            return;
        }
        let first = self
            .active
            .iter()
            .rposition(|e| matches!(e, Active::Marker))
            .map_or(0, |m| m + 1);
        let mut reopened = Vec::new();
        for entry in &mut self.active[first..] {
            if let Active::Element { name, id, open, .. } = entry
                && !*open
            {
                *open = true;
                reopened.push((name.clone(), *id));
            }
        }
        for (name, id) in reopened {
            self.stack.push(Open {
                name,
                ns: Ns::Html,
                marker: false,
                active: Some(id),
            });
        }
    }

    /// Whether an active formatting entry after the last marker is closed:
    /// whether [`Self::reconstruct`] has anything to do.
    fn has_closed_formatting(&self) -> bool {
        for entry in self.active.iter().rev() {
            match entry {
                Active::Marker => return false,
                Active::Element { open: false, .. } => return true,
                Active::Element { .. } => {}
            }
        }
        false
    }

    fn close_p(&mut self) {
        if let Some(at) = self.in_scope(&[b"p"], &[b"button", b"ol", b"ul"]) {
            self.pop_to(at);
        }
    }

    /// Active formatting elements after the last marker, counted.
    fn active_count(&self) -> usize {
        self.active
            .iter()
            .filter(|e| matches!(e, Active::Element { .. }))
            .count()
    }

    fn drop_tag(&mut self, tag: &Tag<'a>) {
        self.cut(tag.start, tag.stop);
        self.changes.tags_removed += 1;
        match self.dropped.iter_mut().find(|(n, _)| *n == tag.name) {
            Some((_, count)) => *count += 1,
            None => self.dropped.push((tag.name.clone(), 1)),
        }
    }

    /// Whether this end tag belongs to a removed start tag (and removes it if so).
    fn drop_end_tag(&mut self, tag: &Tag) -> bool {
        let Some(at) = self.dropped.iter().position(|(n, _)| *n == tag.name) else {
            return false;
        };
        self.cut(tag.start, tag.stop);
        self.changes.tags_removed += 1;
        self.dropped[at].1 -= 1;
        if self.dropped[at].1 == 0 {
            self.dropped.swap_remove(at);
        }
        true
    }

    /// Cuts the tag's unread attributes and those past the limit. Called for
    /// every start tag that is kept.
    fn trim_attributes(&mut self, tag: &Tag) {
        if self.may_cut() {
            for k in 0..self.unread_attributes.len() {
                let (from, to) = self.unread_attributes[k];
                self.cut_unread(from, to);
            }
        }
        if let Some(from) = tag.excess_attributes {
            // Keep the tag's end (`>`), drop everything from the first excess
            // attribute to it.
            self.cut(from, tag.stop - 1);
            self.changes.tags_trimmed += 1;
        }
    }

    fn push(&mut self, name: Name<'a>, ns: Ns) {
        self.unmodelled += usize::from(ns != Ns::Html || is(&name, UNMODELLED));
        let marker = ns == Ns::Html && is(&name, MARKERS);
        if marker {
            self.active.push(Active::Marker);
        }
        let active = (ns == Ns::Html && is_formatting(&name)).then(|| {
            let id = self.next_id;
            self.next_id += 1;
            self.active.push(Active::Element {
                name: name.clone(),
                attrs: (0, 0),
                id,
                open: true,
            });
            id
        });
        self.stack.push(Open {
            name,
            ns,
            marker,
            active,
        });
    }

    fn start_tag(&mut self, tag: Tag<'a>) -> Next<'a> {
        self.frameset |= *tag.name == *b"frameset";
        let mut mode = self.mode(&tag.name);
        if mode == Mode::Foreign && self.breaks_out(&tag) {
            // The tag pops foreign elements up to HTML or an integration
            // point, but only if it is kept: a removed tag pops nothing.
            let kept = self
                .stack
                .iter()
                .rposition(|o| !matches!(o.ns, Ns::Svg | Ns::Math) || o.integration_point())
                .map_or(0, |at| at + 1);
            if self.drops(&tag.name, kept) {
                self.drop_tag(&tag);
                return Next::Markup;
            }
            self.pop_to(kept);
            mode = self.mode(&tag.name);
        }
        if mode != Mode::Foreign
            && let Some(svg) = &mut self.svg
        {
            svg.foreign_only = false;
        }
        if mode != Mode::Html || self.unmodelled > 0 {
            self.check_raw_text_reading(&tag);
        }
        match mode {
            Mode::Html => self.html_start_tag(tag),
            Mode::Foreign => {
                let ns = self.stack.last().map_or(Ns::Html, |top| top.ns);
                if !tag.self_closing {
                    if self.stack.len() >= self.limits.max_depth {
                        self.drop_tag(&tag);
                        return Next::Markup;
                    }
                    self.push(tag.name.clone(), ns);
                }
                self.trim_attributes(&tag);
                Next::Markup
            }
            Mode::Unknown => {
                // Void or not, self-closing or not: assume it stays open.
                if self.stack.len() >= self.limits.max_depth {
                    self.drop_tag(&tag);
                    return Next::Markup;
                }
                self.push(tag.name.clone(), Ns::Unknown);
                self.trim_attributes(&tag);
                Next::Markup
            }
        }
    }

    /// Whether an HTML start tag opening an element on a stack `depth` deep
    /// is removed: past the depth limit, or a formatting element past the
    /// formatting limit.
    fn drops(&self, name: &[u8], depth: usize) -> bool {
        let opens = !is_void(name)
            && !is(name, NOT_PUSHED)
            && !is(name, RAW_TEXT)
            && name != b"script"
            && name != b"plaintext";
        opens
            && (depth + 1 + self.implied_parents(name).len() > self.limits.max_depth
                || (is_formatting(name) && self.active_count() >= self.limits.max_formatting))
    }

    fn breaks_out(&self, tag: &Tag) -> bool {
        breaks_out_of_foreign(&tag.name) || (*tag.name == *b"font" && tag.font_attributes)
    }

    fn html_start_tag(&mut self, tag: Tag<'a>) -> Next<'a> {
        let name = &*tag.name;
        // Elements that never stay open, and raw text, which holds no tags:
        // neither deepens the stack for long, so neither is ever removed.
        if is_void(name) || is(name, NOT_PUSHED) {
            if name == b"hr" {
                self.close_p();
            }
            self.trim_attributes(&tag);
            return Next::Markup;
        }
        if name == b"script" {
            self.trim_attributes(&tag);
            let unread = !mentions_json(&self.src[tag.attrs.0..tag.attrs.1]);
            return Next::RawText {
                kind: RawKind::Script,
                unread,
                name: tag.name,
            };
        }
        if is(name, RAW_TEXT) {
            if name == b"xmp" {
                self.close_p();
            }
            self.trim_attributes(&tag);
            return Next::RawText {
                kind: RawKind::Plain,
                unread: is(name, UNREAD_RAW_TEXT),
                name: tag.name,
            };
        }
        if name == b"plaintext" {
            return Next::Plaintext;
        }
        if name == b"svg" || name == b"math" {
            if tag.self_closing {
                self.trim_attributes(&tag);
                return Next::Markup;
            }
            if self.stack.len() >= self.limits.max_depth {
                self.drop_tag(&tag);
                return Next::Markup;
            }
            let ns = if name == b"svg" { Ns::Svg } else { Ns::Math };
            self.push(tag.name.clone(), ns);
            self.trim_attributes(&tag);
            if ns == Ns::Svg && self.svg.is_none() {
                // Where the body starts in the output.
                let out = match &self.out {
                    None => tag.stop,
                    Some(out) => out.len() + (tag.stop - self.copied),
                };
                self.svg = Some(SvgBody {
                    depth: self.stack.len() - 1,
                    out,
                    foreign_only: true,
                });
            }
            return Next::Markup;
        }

        // Table parts outside any table are ignored by the tree builder ("in
        // body"): they neither open nor close anything. (Straight inside a
        // `template` it does open them; ignoring them there undercounts by at
        // most one level per template, which the limit on templates bounds.)
        if is(name, TABLE_ONLY) && !self.stack.iter().any(|o| o.html(&[b"table"])) {
            self.trim_attributes(&tag);
            return Next::Markup;
        }

        // Everything else opens an element, and sometimes an implied one.
        if self.drops(name, self.stack.len()) {
            self.drop_tag(&tag);
            return Next::Markup;
        }
        self.implied_closes(&tag);
        // After the closes, as the tree builder does for `<a>` (for other
        // tags it makes no difference, or errs on the deep side).
        self.reconstruct();
        // Closing may have changed what is implied (a closed row no longer
        // holds the new cell), so ask again.
        for parent in self.implied_parents(name) {
            self.push(Cow::Borrowed(parent), Ns::Html);
        }
        if is_formatting(name) {
            self.noahs_ark(&tag);
        }
        self.push(tag.name.clone(), Ns::Html);
        if let Some(Active::Element { attrs, .. }) = self.active.last_mut()
            && is_formatting(name)
        {
            *attrs = tag.attrs;
        }
        self.trim_attributes(&tag);
        Next::Markup
    }

    /// The elements the tree builder inserts before this one: a row for a cell
    /// straight in a table section, a section for a row straight in a table.
    fn implied_parents(&self, name: &[u8]) -> Vec<&'static [u8]> {
        let top = self.stack.last().filter(|t| t.ns == Ns::Html);
        let top = top.map(|t| &*t.name);
        match name {
            b"td" | b"th" => match top {
                Some(b"table") => vec![b"tbody", b"tr"],
                Some(b"tbody" | b"thead" | b"tfoot") => vec![b"tr"],
                _ => Vec::new(),
            },
            b"tr" => match top {
                Some(b"table") => vec![b"tbody"],
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// The elements the tree builder closes before opening this one, where it
    /// surely does.
    fn implied_closes(&mut self, tag: &Tag) {
        let name = &*tag.name;
        if closes_p(name) {
            self.close_p();
        }
        match name {
            n if is(n, HEADINGS) && self.stack.last().is_some_and(|t| t.html(HEADINGS)) => {
                self.pop();
            }
            b"li" => self.close_list_item(&[b"li"]),
            b"dd" | b"dt" => self.close_list_item(&[b"dd", b"dt"]),
            b"button" => {
                if let Some(at) = self.in_scope(&[b"button"], &[]) {
                    self.pop_to(at);
                }
            }
            b"option" if self.stack.last().is_some_and(|t| t.html(&[b"option"])) => {
                self.pop();
            }
            b"optgroup" => {
                for closes in [&b"option"[..], b"optgroup"] {
                    if self.stack.last().is_some_and(|t| t.html(&[closes])) {
                        self.pop();
                    }
                }
            }
            b"a" => {
                let open_a = self.active.iter().rev().find_map(|e| match e {
                    Active::Marker => Some(false),
                    Active::Element { name, .. } => (**name == *b"a").then_some(true),
                });
                if open_a == Some(true) {
                    self.formatting_end(b"a");
                }
            }
            b"nobr"
                // A `nobr` in scope is closed first, as `<a>` closes an `a`.
                if self.in_scope(&[b"nobr"], &[]).is_some() => {
                    self.formatting_end(b"nobr");
                }
            b"td" | b"th" => {
                if let Some(at) = self.in_table_scope(&[b"td", b"th"]) {
                    self.pop_to(at);
                }
            }
            b"tr" => {
                if let Some(at) = self.in_table_scope(&[b"tr"]) {
                    self.pop_to(at);
                } else if let Some(at) = self.in_table_scope(&[b"td", b"th"]) {
                    self.pop_to(at);
                }
            }
            b"tbody" | b"thead" | b"tfoot" => {
                // Close the outermost open part of the current table.
                let table = self
                    .stack
                    .iter()
                    .rposition(|o| o.html(&[b"table"]) || o.ns != Ns::Html);
                if let Some(table) = table.filter(|&t| self.stack[t].ns == Ns::Html) {
                    let parts = [TABLE_PARTS, &[b"tr", b"td", b"th"]].concat();
                    if let Some(first) =
                        (table + 1..self.stack.len()).find(|&i| self.stack[i].html(&parts))
                        && self.stack[first..].iter().all(|o| o.ns == Ns::Html)
                    {
                        self.pop_to(first);
                    }
                }
            }
            b"table" => {
                // A table straight inside a table, section or row closes it.
                if self
                    .stack
                    .last()
                    .is_some_and(|t| t.html(&[b"table", b"tbody", b"thead", b"tfoot", b"tr"]))
                    && let Some(at) = self.in_table_scope(&[b"table"])
                {
                    self.pop_to(at);
                }
            }
            _ => {}
        }
    }

    /// `<li>` closes an open `li` unless a special element other than
    /// `address`, `div` or `p` is in between (likewise `dd`/`dt`).
    fn close_list_item(&mut self, items: &[&[u8]]) {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if is(&open.name, items) => {
                    self.pop_to(at);
                    return;
                }
                Ns::Html
                    if is_special(&open.name) && !is(&open.name, &[b"address", b"div", b"p"]) =>
                {
                    return;
                }
                Ns::Unknown => return,
                Ns::Svg | Ns::Math if open.integration_point() => return,
                Ns::Html | Ns::Svg | Ns::Math => {}
            }
        }
    }

    /// The "Noah's Ark" clause: a fourth identical formatting element (same
    /// name, same attribute bytes) pushes the earliest of the three off the list.
    fn noahs_ark(&mut self, tag: &Tag) {
        let attrs = &self.src[tag.attrs.0..tag.attrs.1];
        let mut same = Vec::new();
        for (at, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Active::Marker => break,
                Active::Element { name, attrs: a, .. } => {
                    if *name == tag.name && self.src[a.0..a.1] == *attrs {
                        same.push(at);
                    }
                }
            }
        }
        if same.len() >= 3
            && let Some(&earliest) = same.last()
        {
            self.active.remove(earliest);
        }
    }

    fn end_tag(&mut self, tag: Tag) {
        if self.drop_end_tag(&tag) {
            return;
        }
        let name = &*tag.name;
        match self.stack.last().map(|t| t.ns) {
            None | Some(Ns::Html) => self.html_end_tag(name),
            Some(Ns::Unknown) => {
                if self.stack.last().is_some_and(|t| t.name == name) {
                    self.pop();
                }
            }
            Some(Ns::Svg | Ns::Math) => {
                if name == b"p" || name == b"br" {
                    while let Some(top) = self.stack.last() {
                        if !matches!(top.ns, Ns::Svg | Ns::Math) || top.integration_point() {
                            break;
                        }
                        self.pop();
                    }
                    if self.stack.last().is_none_or(|t| t.ns == Ns::Html) {
                        self.html_end_tag(name);
                    }
                    self.html_rules_in_foreign_content();
                    return;
                }
                // Walk down to the element of that name; reaching HTML hands
                // the tag to the HTML rules. (The model's stack has no `html`
                // and `body` entries, so its bottom is a real element.)
                let mut first = true;
                for at in (0..self.stack.len()).rev() {
                    let open = &self.stack[at];
                    if !first && open.ns != Ns::Svg && open.ns != Ns::Math {
                        if open.ns == Ns::Html {
                            // What the HTML rules close across foreign
                            // content, the model follows only roughly.
                            self.html_rules_in_foreign_content();
                            self.html_end_tag(name);
                        }
                        return;
                    }
                    if open.name == name {
                        let svg = self.svg.take_if(|svg| svg.depth == at);
                        self.pop_to(at);
                        if let Some(svg) = svg.filter(|svg| svg.foreign_only && !self.lost) {
                            self.cut_svg_body(&svg, tag.start);
                        }
                        return;
                    }
                    first = false;
                }
            }
        }
    }

    fn html_end_tag(&mut self, name: &[u8]) {
        let found = match name {
            b"body" | b"html" | b"br" => None,
            b"p" => self.in_scope(&[b"p"], &[b"button", b"ol", b"ul"]),
            b"li" => self.in_scope(&[b"li"], &[b"ol", b"ul"]),
            b"table" | b"tbody" | b"thead" | b"tfoot" | b"tr" | b"td" | b"th" => {
                self.in_table_scope(&[name])
            }
            n if is(n, HEADINGS) => self.in_scope(HEADINGS, &[]),
            b"form" => {
                // Only the form leaves the stack, not what is open inside it.
                if let Some(at) = self.in_scope(&[b"form"], &[]) {
                    if at + 1 == self.stack.len() {
                        self.pop();
                    } else {
                        self.stack.remove(at);
                    }
                }
                return;
            }
            n if is_formatting(n) => {
                self.formatting_end(name);
                return;
            }
            b"applet" | b"marquee" | b"object" => {
                if let Some(at) = self.in_scope(&[name], &[]) {
                    self.pop_to(at);
                    self.clear_to_marker();
                }
                return;
            }
            n if is_special(n) => self.in_scope(&[n], &[]),
            _ => self.any_other_end(name),
        };
        if let Some(at) = found {
            self.pop_to(at);
        }
    }

    /// "Any other end tag": the nearest open element of that name, unless a
    /// special element comes first.
    fn any_other_end(&self, name: &[u8]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if open.name == name => return Some(at),
                Ns::Html if is_special(&open.name) => return None,
                Ns::Unknown => return None,
                Ns::Svg | Ns::Math if open.integration_point() => return None,
                Ns::Html | Ns::Svg | Ns::Math => {}
            }
        }
        None
    }

    /// A formatting element's end tag (the adoption agency algorithm, as far
    /// as the stack's depth goes): it leaves the active list unless a scope
    /// boundary hides it, and the stack when nothing special is open inside it.
    fn formatting_end(&mut self, name: &[u8]) {
        let listed = self.active.iter().rposition(|e| match e {
            Active::Marker => true,
            Active::Element { name: n, .. } => **n == *name,
        });
        let listed = listed.filter(|&at| !matches!(self.active[at], Active::Marker));
        let Some(listed) = listed else {
            if let Some(at) = self.any_other_end(name) {
                self.pop_to(at);
            }
            return;
        };
        let on_stack = self.stack.iter().rposition(|o| o.html(&[name]));
        match on_stack {
            None => {
                self.active.remove(listed);
            }
            Some(_) => {
                let Some(at) = self.in_scope(&[name], &[]) else {
                    // Open but out of scope: the tree builder ignores the tag.
                    return;
                };
                self.active.remove(listed);
                if !self.stack[at + 1..]
                    .iter()
                    .any(|o| o.ns == Ns::Html && is_special(&o.name))
                {
                    self.pop_to(at);
                } else {
                    // The element is re-created inside the block and the stack
                    // keeps its depth: the model keeps its entry. But SVG or
                    // MathML above it may have been moved and closed (then a
                    // `<title>` that follows is HTML): the model loses track.
                    for open in &mut self.stack[at + 1..] {
                        if matches!(open.ns, Ns::Svg | Ns::Math) {
                            open.ns = Ns::Unknown;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_depth: 32,
        max_formatting: 8,
        max_attributes: 4,
    };

    fn scanned(html: &str) -> (String, Changes) {
        let (out, changes) = scan(html, &LIMITS);
        (out.into_owned(), changes)
    }

    /// The deepest element nesting html5ever builds for `html`, by an
    /// iterative walk.
    fn parsed_depth(html: &str) -> usize {
        let doc = scraper::Html::parse_document(html);
        let mut deepest = 0;
        let mut todo = vec![(doc.tree.root(), 0)];
        while let Some((node, depth)) = todo.pop() {
            deepest = deepest.max(depth);
            todo.extend(node.children().map(|c| (c, depth + 1)));
        }
        deepest
    }

    fn text_of(html: &str) -> String {
        let doc = scraper::Html::parse_document(html);
        doc.root_element().text().collect()
    }

    #[test]
    fn ordinary_markup_is_borrowed_unchanged() {
        let page = concat!(
            "<!DOCTYPE html><html><head><title>a < b</title><script type=application/ld+json>",
            "{\"a\": \"</div>\"}</script><script src=x.js></script><style></style></head>",
            "<body><p>one<p>two<ul><li>a<li>b</ul><textarea><div></textarea>",
            "<table><tr><td>1<td>2<tr><td>3</table><svg><foreignObject><p>t</p></foreignObject></svg>",
            "<p><b>bold<i>both</b>italic</i></p><a href=x>l</a></body></html>"
        );
        let repeated = page.repeat(50);
        let (out, changes) = scan(&repeated, &LIMITS);
        assert!(matches!(out, Cow::Borrowed(_)), "{changes:?}");
    }

    #[test]
    fn comments_and_code_are_cut_and_data_kept() {
        let page = concat!(
            "<html><head><title>T</title><style>p>a{color:red}</style>",
            "<script>if (a<b) x('<p>not text</p>')</script>",
            "<script type=\"Application/LD+JSON\">{\"headline\": \"H\"}</script></head>",
            "<body><p>one<!-- <div><div> -->two</p><noscript><img src=x></noscript>",
            "<script><!--<script>x</script>still script--></script><p>three</p>"
        );
        let (out, _) = scanned(page);
        assert_eq!(
            out,
            concat!(
                "<html><head><title>T</title><style></style><script></script>",
                "<script type=\"Application/LD+JSON\">{\"headline\": \"H\"}</script></head>",
                "<body><p>onetwo</p><noscript></noscript>",
                "<script></script><p>three</p>"
            )
        );
    }

    #[test]
    fn svg_bodies_are_cut_only_when_they_hold_svg_alone() {
        for (page, expected) in [
            (
                "<p>a<svg viewBox='0 0 9 9'><g><path fill=r/></g><title>Icon</title></svg>b",
                "<p>a<svg viewBox='0 0 9 9'></svg>b",
            ),
            (
                "<svg><svg><circle/></svg><!-- c --><rect/></svg><svg></svg>",
                "<svg></svg><svg></svg>",
            ),
            // HTML inside, or the image ended by an HTML tag: kept.
            (
                "<svg><foreignObject><div>x</div></foreignObject></svg>",
                "<svg><foreignObject><div>x</div></foreignObject></svg>",
            ),
            ("<svg><g><p>x</svg>", "<svg><g><p>x</svg>"),
            // MathML is left alone.
            ("<math><mi>x</mi></math>", "<math><mi>x</mi></math>"),
        ] {
            assert_eq!(scanned(page).0, expected, "{page}");
        }
    }

    #[test]
    fn nothing_is_cut_where_the_model_may_misread_text_as_markup() {
        for page in [
            // The tree builder ignores `<style>` in a `select`: its content is markup.
            "<select><style>a<p onclick=f()>b</style></select>",
            // `</b>` closes the `math` (HTML rules), so `<title>` is HTML: text.
            "<b><select><select><math></b><title><p onclick=f()><div data-x=1>",
            // Text in the SVG title keeps the `<frameset>` from replacing the body.
            "<p>a<svg><title>i</title></svg><!-- c --><frameset>",
        ] {
            assert_eq!(scanned(page).0, page);
        }
    }

    #[test]
    fn unread_attributes_are_cut_and_the_rest_kept() {
        let page = concat!(
            "<div data-track='{\"a\": 1}' class=x onclick=\"go()\"id=y data-flag>",
            "<img data-src=real.jpg data-srcset='a 1x' ONLOAD=f() alt=A/>",
            "<svg><path d='M0 0L10 10' fill=red /><foreignObject><b>x</b></foreignObject></svg>",
            "<p title=on on>t</p></div>"
        );
        let (out, _) = scanned(page);
        assert_eq!(
            out,
            concat!(
                "<div  class=x id=y >",
                "<img data-src=real.jpg   alt=A/>",
                "<svg><path d='M0 0L10 10' fill=red /><foreignObject><b>x</b></foreignObject></svg>",
                "<p title=on on>t</p></div>"
            )
        );
    }

    /// The element tree of `html` as lines: each element with its depth and
    /// the attributes the extractor may read (nothing inside SVG images), and
    /// the text under each element
    /// (adjacent runs joined, so a removed comment between two runs does not
    /// count), leaving out the text of the elements whose bodies are cut.
    fn tree_outline(html: &str) -> Vec<String> {
        let doc = scraper::Html::parse_document(html);
        let mut lines = Vec::new();
        let mut todo = vec![(doc.tree.root(), 0usize, false)];
        while let Some((node, depth, unread)) = todo.pop() {
            match node.value() {
                scraper::Node::Element(el) => {
                    let mut attrs: Vec<String> = el
                        .attrs()
                        .filter(|(name, _)| !is_unread_attribute(name.as_bytes()))
                        .map(|(name, value)| format!("{name}={value}"))
                        .collect();
                    attrs.sort();
                    lines.push(format!("{depth} <{}> {}", el.name(), attrs.join(" ")));
                    let name = el.name().as_bytes();
                    if name == b"svg" {
                        // Nothing inside an SVG image is read.
                        continue;
                    }
                    let unread = is(name, UNREAD_RAW_TEXT)
                        || (name == b"script"
                            && el.attr("type").is_none_or(|t| !t.contains("json")));
                    todo.extend(node.children().rev().map(|c| (c, depth + 1, unread)));
                }
                scraper::Node::Text(text) if !unread => match lines.last_mut() {
                    Some(last) if last.starts_with("text ") => last.push_str(text),
                    _ => lines.push(format!("text {}", &**text)),
                },
                _ => todo.extend(node.children().rev().map(|c| (c, depth + 1, unread))),
            }
        }
        lines
    }

    #[test]
    fn cuts_leave_the_tree_the_extractor_reads_as_it_was() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut pages = vec![(
            "hand-made".to_string(),
            concat!(
                "<!DOCTYPE html><html><head><script>var a = '<p>';</script>",
                "<script type=application/ld+json>{\"headline\": \"H\"}</script>",
                "<style>.a > .b { color: red }</style></head><body data-page=1 onload=init()>",
                "<p>one<!-- a comment -->two<b data-x=1>bold<i onclick=f()>both</b>it</i>",
                "<table data-t><tr><td data-c=1>cell<!-- x --><td>cell</table>",
                "<svg viewBox='0 0 9 9'><path d='M0 0'/><title>icon</title></svg>",
                "<noscript><img src=pixel.gif></noscript><img data-src=a.jpg data-lazy=1>",
                "<ul><li data-i=1>a<li>b<!--c--></ul><script><!--<script>x</script>--></script>",
                "<p>end</body></html>"
            )
            .to_string(),
        )];
        for entry in std::fs::read_dir(dir).expect("samples folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "html") {
                let bytes = std::fs::read(&path).expect("sample");
                let page = String::from_utf8_lossy(&bytes).into_owned();
                pages.push((path.display().to_string(), page));
            }
        }
        assert!(pages.len() > 10, "only {} pages", pages.len());
        let limits = Limits {
            max_depth: 512,
            max_formatting: 64,
            max_attributes: 256,
        };
        for (name, page) in &pages {
            let (out, _) = scan(page, &limits);
            assert_eq!(tree_outline(&out), tree_outline(page), "{name}");
        }
        let (out, _) = scan(&pages[0].1, &limits);
        assert!(out.len() * 3 < pages[0].1.len() * 2, "{out}");
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_and_text_kept() {
        let page = format!("{}deep{}", "<div>x".repeat(1000), "</div>".repeat(1000));
        let (out, changes) = scanned(&page);
        assert!(changes.tags_removed > 1000, "{changes:?}");
        assert!(parsed_depth(&out) <= LIMITS.max_depth + 4);
        assert_eq!(text_of(&out), text_of(&page));
    }

    #[test]
    fn nested_lists_and_tables_are_bounded() {
        let lists = format!("{}item{}", "<ul><li>".repeat(500), "</li></ul>".repeat(500));
        let tables = format!(
            "{}cell{}",
            "<table><tr><td>".repeat(300),
            "</td></tr></table>".repeat(300)
        );
        for page in [lists, tables] {
            let (out, _) = scanned(&page);
            assert!(
                parsed_depth(&out) <= LIMITS.max_depth + 4,
                "{}",
                &page[..40]
            );
            assert_eq!(text_of(&out), text_of(&page));
        }
    }

    #[test]
    fn formatting_elements_are_capped() {
        let page = format!(
            "{}<p>a</p><p>b</p>",
            ["<b class=1>", "<i class=2>", "<u class=3>", "<em class=4>"]
                .iter()
                .enumerate()
                .map(|(i, t)| t.replace('>', &format!(" id={i}>")))
                .collect::<String>()
                .repeat(100)
        );
        let (out, _) = scanned(&page);
        assert!(parsed_depth(&out) <= LIMITS.max_depth + LIMITS.max_formatting + 4);
    }

    #[test]
    fn the_tree_builder_cannot_hide_depth_from_the_model() {
        // Each pattern misnests so that the end tags it ends with are ignored
        // by the parser; the model must not count them as closing.
        for unit in [
            "<b><table></b></table>",
            "<div><svg><title><div></svg>",
            "<td><svg><td>",
            "<math><annotation-xml><div></math>",
            "<form><div></form>",
            "<a><div></a>",
            "<script><!--<script></script></div>",
            "<select><div></select>",
            "<p><button></p>",
            "<b><i><u><s><em><strong><font><a><code><small>",
            "<b><i>x</b></i>",
        ] {
            let page = unit.repeat(2000);
            let (out, _) = scanned(&page);
            let depth = parsed_depth(&out);
            assert!(depth <= 4 * LIMITS.max_depth, "{unit}: depth {depth}");
        }
    }

    #[test]
    fn attributes_past_the_limit_are_removed() {
        let attrs: String = (0..10).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
        let page = format!("<div{attrs}>text</div>");
        let (out, changes) = scanned(&page);
        assert_eq!(changes.tags_trimmed, 1);
        assert!(out.contains("a3=\"v>3\" >text</div>"), "{out}");
        assert!(!out.contains("a4"));
    }

    #[test]
    fn every_truncation_scans() {
        let page = "<div a='x>y' b=c/><svg><p/><![CDATA[<div>]]></svg><script><!--<script>--></script>\
            <textarea></textarea ><plaintext><div>";
        for cut in 0..=page.len() {
            if page.is_char_boundary(cut) {
                let _ = scan(&page[..cut], &LIMITS);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 64,
            // Shrunk failures are kept with the other tests, not in a new
            // top-level folder.
            failure_persistence: Some(Box::new(
                proptest::test_runner::FileFailurePersistence::Direct(
                    "tests/proptest-regressions/guard-scan.txt",
                ),
            )),
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// The model's promise: repeat any short tag soup a thousand times and
        /// the tree html5ever builds from the scanned page stays within a small
        /// margin of the limits. A soup that escapes is a gap in the model.
        ///
        /// An audit, not a gate: with thousands of cases it still finds rare
        /// gaps where tables, foster parenting and SVG/MathML meet
        /// (`<td></tr><i></table><svg><table><ul>` repeated nests one level per
        /// repetition). Such a page costs parse time, which the time budget
        /// bounds, not correctness. Run it with
        /// `PROPTEST_CASES=4000 cargo test --release --lib -- --ignored no_repeated_soup`.
        #[test]
        #[ignore = "audit of the model; known gaps listed above"]
        fn no_repeated_soup_escapes_the_depth_limit(
            unit in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a>",
                    "</a>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<ul>",
                    "<li>", "</ul>", "<svg>", "</svg>", "<math>", "<mi>", "<title>",
                    "</title>", "<select>", "<option>", "<template>", "</template>",
                    "<font color=r>", "<br/>", "<h2>", "</h2>", "<form>", "</form>", "<span>",
                    "</span>", "<button>", "<foreignObject>", "<desc>", "<annotation-xml>",
                    "<nobr>", "<object>", "</object>", "<caption>", "<dd>", "<dt>", "x",
                ]),
                1..12,
            )
        ) {
            let page = unit.concat().repeat(1000);
            let (out, _) = scan(&page, &LIMITS);
            let depth = parsed_depth(&out);
            proptest::prop_assert!(
                depth <= 4 * LIMITS.max_depth + LIMITS.max_formatting,
                "{} nests {depth} deep", unit.concat()
            );
        }

        /// The cuts never change what the extractor reads: any tag soup of
        /// the kinds the scan cuts (comments, scripts, styles, SVG, data and
        /// event attributes) mixed with misnested HTML parses to the same
        /// outline with and without them.
        #[test]
        fn cuts_never_change_the_tree_the_extractor_reads(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<div data-x=1>", "</div>", "<p onclick=f()>", "</p>", "<b>", "</b>",
                    "<i>", "</i>", "<a href=x data-track>", "</a>", "<table>", "<tr>", "<td>",
                    "</td>", "</table>", "<ul>", "<li>", "</ul>", "<svg>", "</svg>",
                    "<path d='M0 0'/>", "<g>", "</g>", "<title>", "</title>",
                    "<foreignObject>", "</foreignObject>", "<desc>", "<math>", "<mi>",
                    "</math>", "<!-- c -->", "<!--", "-->", "<script>x<y</script>",
                    "<script type=application/ld+json>{}</script>", "<style>a>b{}</style>",
                    "<noscript><img src=x></noscript>", "<img data-src=a.jpg data-w=1>",
                    "<select>", "<option>", "<template>", "</template>", "<h2>", "</h2>",
                    "<br/>", "text", " ", "<textarea>", "</textarea>", "<![CDATA[x<y]]>",
                    "<font color=r>", "</br>", "</p>", "</body>", "<head>", "<caption>",
                    "<button>", "<form>", "</form>", "<annotation-xml encoding='text/html'>",
                    "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<object>", "</object>",
                    "<dd>", "<nobr>", "</select>", "<style>", "</style>", "<title>t</title>",
                    "<script>", "</script>", "<svg><title>i</title><path/></svg>", "<tr>",
                    "</tr>", "<th>", "<colgroup>", "<col>", "<frameset>", "<plaintext>",
                ]),
                1..80,
            )
        ) {
            let page = parts.concat();
            let (out, _) = scan(&page, &Limits { max_depth: 512, max_formatting: 64, max_attributes: 256 });
            proptest::prop_assert_eq!(tree_outline(&out), tree_outline(&page), "{}", page);
        }
    }
}
