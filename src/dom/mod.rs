//! The parsed page as a flat, pre-ordered table of the nodes a reader can see,
//! with the facts every later stage needs computed once.
//!
//! Node `i`'s subtree is exactly the index range `i + 1 .. end`, so walks are
//! loops over ranges (no recursion: pages can be 100,000 levels deep), and
//! bottom-up sums are one reverse loop, because a parent always precedes its
//! children. Scripts, styles, form controls and other invisible elements are
//! left out of the table altogether.

pub(crate) mod url;

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

/// Index of a node in [`Facts::nodes`].
pub(crate) type Ix = u32;

/// What a node is, as far as extraction cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Text,
    A,
    Br,
    Img,
    /// Other inline (phrasing) elements: `span`, `b`, `em`, `code`, …
    Inline,
    P,
    Heading(u8),
    Ul,
    Ol,
    Dl,
    Li,
    Blockquote,
    Pre,
    Table,
    /// `tbody`, `thead`, `tfoot`: the parser adds `tbody` to every table.
    TableSection,
    Tr,
    Cell,
    Figure,
    Figcaption,
    Hr,
    Nav,
    Header,
    Footer,
    Aside,
    Article,
    Main,
    Form,
    Body,
    /// Any other element that lays out blocks (`div`, `section`, …).
    Block,
}

impl Tag {
    fn of(name: &str) -> Option<Tag> {
        Some(match name {
            "a" => Tag::A,
            "br" => Tag::Br,
            "img" => Tag::Img,
            "p" => Tag::P,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "ul" | "menu" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "li" | "dt" | "dd" => Tag::Li,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" => Tag::Pre,
            "table" => Tag::Table,
            "tbody" | "thead" | "tfoot" => Tag::TableSection,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Cell,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "hr" => Tag::Hr,
            "nav" => Tag::Nav,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "form" => Tag::Form,
            "body" => Tag::Body,
            "abbr" | "b" | "bdi" | "bdo" | "big" | "cite" | "code" | "data" | "del" | "dfn"
            | "em" | "font" | "i" | "ins" | "kbd" | "label" | "mark" | "nobr" | "q" | "s"
            | "samp" | "small" | "span" | "strike" | "strong" | "sub" | "sup" | "time" | "tt"
            | "u" | "var" | "wbr" | "acronym" | "picture" | "ruby" | "rb" => Tag::Inline,
            // Invisible, interactive or embedded: never part of the article's text.
            "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link"
            | "iframe" | "object" | "embed" | "svg" | "math" | "canvas" | "video" | "audio"
            | "map" | "select" | "option" | "button" | "input" | "textarea" | "source"
            | "track" | "dialog" | "frameset" | "frame" | "param" => return None,
            // Ruby annotations (readings set above the base text): the base
            // text is the sentence, the reading would repeat it in another script.
            "rt" | "rp" => return None,
            _ => Tag::Block,
        })
    }

    /// Phrasing content: flows inside a paragraph rather than starting one.
    pub(crate) fn is_inline(self) -> bool {
        matches!(self, Tag::Text | Tag::A | Tag::Br | Tag::Img | Tag::Inline)
    }
}

/// Whether a `<button>` holds content rather than being a control: a
/// gallery's `<figure>` near its top, or an accordion's question, read as
/// the heading of the answer it opens. The question is a heading near the
/// button's top (`<button><h3>How much does it cost?</h3></button>`), or the
/// button is a disclosure's toggle set in a heading (`<p role=heading><button
/// aria-expanded=false>Who is it for?</button></p>`).
fn button_holds_content(e: &scraper::node::Element, node: NodeRef<'_, Node>) -> bool {
    let toggle_in_heading = attr(e, "aria-expanded").is_some()
        && node
            .parent()
            .and_then(|p| p.value().as_element().map(is_heading))
            .unwrap_or(false);
    toggle_in_heading
        || node
            .descendants()
            .skip(1)
            .take(crate::heuristics::BUTTON_FIGURE_SCAN_NODES)
            .any(|d| {
                d.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "figure" || is_heading(e))
            })
}

/// An `h1`–`h6`, or an element given the heading role.
pub(crate) fn is_heading(e: &scraper::node::Element) -> bool {
    matches!(Tag::of(e.name()), Some(Tag::Heading(_))) || attr(e, "role") == Some("heading")
}

/// Facts about one visible node.
#[derive(Debug, Clone)]
pub(crate) struct NodeFact {
    pub node: ego_tree::NodeId,
    pub tag: Tag,
    /// Parent's index; the table's first node is its own parent.
    pub parent: Ix,
    /// One past the last index of this node's subtree.
    pub end: Ix,
    /// For text nodes, the nearest ancestor that is not inline: the block the
    /// text flows in. For elements, the element itself.
    pub block: Ix,
    /// Non-whitespace characters of text in the subtree.
    pub text_len: u32,
    /// Of those, the characters inside links, but for those in a `code`
    /// inside a link: a linked name in code (`<a><code>send()</code></a>`,
    /// an API reference's term) is the text's subject, not a way out of it.
    pub link_len: u32,
    /// Links (`a` elements) in the subtree, itself included.
    pub links: u32,
    /// Images (`img` elements) in the subtree, itself included.
    pub imgs: u32,
    /// Whether any descendant is a non-inline element.
    pub has_block: bool,
    /// For elements that are not inline: the text (and link text) flowing
    /// directly in this block, i.e. of the text nodes whose `block` it is.
    pub own_text: u32,
    pub own_link: u32,
    /// For text nodes outside links, the characters of whitespace-free
    /// ASCII runs long enough to be codes (IDs, URLs), not words; for
    /// blocks, the same summed over the text flowing directly in them.
    /// See [`crate::heuristics::CODE_RUN_MIN_BYTES`].
    pub own_code: u32,
}

impl NodeFact {
    /// `own_text` without the link text and the code runs: what of the
    /// block's own text reads as words.
    pub(crate) fn own_words(&self) -> u32 {
        self.own_text.saturating_sub(self.own_link + self.own_code)
    }
}

/// The table of visible nodes, in document order.
pub(crate) struct Facts {
    pub nodes: Vec<NodeFact>,
    /// The page's first `<main>`, noted as the table is built.
    main: Option<Ix>,
}

impl Facts {
    /// One depth-first pass to build the table, one reverse pass to sum it up.
    pub(crate) fn compute(html: &Html) -> Facts {
        let mut nodes: Vec<NodeFact> = Vec::with_capacity(html.tree.values().len());
        // (node, parent index, enclosing block index, inside a link,
        // inside a `code` inside a link)
        let mut stack: Vec<(NodeRef<'_, Node>, Ix, Ix, bool, bool)> = Vec::new();
        let root = html.root_element();
        let mut main = None;
        stack.push((*root, 0, 0, false, false));
        while let Some((node, parent, block, in_link, in_code)) = stack.pop() {
            let ix = nodes.len() as Ix;
            let mut is_code = false;
            let (tag, (text_len, code_len)) = match node.value() {
                Node::Text(t) => (Tag::Text, count_visible(t)),
                Node::Element(e) => match Tag::of(e.name()) {
                    Some(Tag::Inline) if in_link && e.name() == "code" => {
                        is_code = true;
                        (Tag::Inline, (0, 0))
                    }
                    // `<div role="heading" aria-level="2">` is a heading to a reader,
                    // and so is a paragraph set as one (an accordion's question).
                    Some(Tag::Block | Tag::P) if attr(e, "role") == Some("heading") => {
                        let level = attr(e, "aria-level")
                            .and_then(|l| l.trim().parse::<u8>().ok())
                            .filter(|l| (1..=6).contains(l))
                            .unwrap_or(2);
                        (Tag::Heading(level), (0, 0))
                    }
                    Some(tag) => (tag, (0, 0)),
                    None if e.name() == "button" && button_holds_content(e, node) => {
                        (Tag::Block, (0, 0))
                    }
                    None => continue,
                },
                _ => continue,
            };
            if tag == Tag::Text && text_len == 0 && !has_space(&node) {
                continue;
            }
            if tag == Tag::Main && main.is_none() {
                main = Some(ix);
            }
            let link_len = if in_link && !in_code { text_len } else { 0 };
            let own_block = if tag.is_inline() { block } else { ix };
            nodes.push(NodeFact {
                node: node.id(),
                tag,
                parent,
                end: ix + 1,
                block: own_block,
                text_len,
                link_len,
                links: u32::from(tag == Tag::A),
                imgs: u32::from(tag == Tag::Img),
                has_block: false,
                own_text: 0,
                own_link: 0,
                own_code: if in_link { 0 } else { code_len },
            });
            if tag != Tag::Text {
                let in_link = in_link || tag == Tag::A;
                let in_code = in_code || is_code;
                // Push children last-first so they pop in document order.
                let mut child = node.last_child();
                while let Some(c) = child {
                    stack.push((c, ix, own_block, in_link, in_code));
                    child = c.prev_sibling();
                }
            }
        }
        // Children follow their parent, so a reverse loop sees every child
        // before its parent and can fold it in.
        for i in (1..nodes.len()).rev() {
            let child = nodes[i].clone();
            if child.tag == Tag::Text {
                let b = &mut nodes[child.block as usize];
                b.own_text += child.text_len;
                b.own_link += child.link_len;
                b.own_code += child.own_code;
            }
            let p = &mut nodes[child.parent as usize];
            p.end = p.end.max(child.end);
            p.text_len += child.text_len;
            p.link_len += child.link_len;
            p.links += child.links;
            p.imgs += child.imgs;
            p.has_block |= child.has_block || !child.tag.is_inline();
        }
        Facts { nodes, main }
    }

    /// The scraper element behind an index (`None` for text nodes).
    pub(crate) fn element<'a>(&self, html: &'a Html, ix: Ix) -> Option<ElementRef<'a>> {
        html.tree
            .get(self.nodes[ix as usize].node)
            .and_then(ElementRef::wrap)
    }

    /// The node of the element whose id is `id`: tests name the element a
    /// stage should decide on this way.
    #[cfg(test)]
    pub(crate) fn by_id(&self, html: &Html, id: &str) -> Option<Ix> {
        (0..self.nodes.len() as Ix)
            .find(|&i| self.element(html, i).and_then(|e| e.value().attr("id")) == Some(id))
    }

    /// The raw text of a text node (empty for elements).
    pub(crate) fn text<'a>(&self, html: &'a Html, ix: Ix) -> &'a str {
        match html
            .tree
            .get(self.nodes[ix as usize].node)
            .map(|n| n.value())
        {
            Some(Node::Text(t)) => t,
            _ => "",
        }
    }

    /// Index of the `body` element, if the page has one.
    pub(crate) fn body(&self) -> Option<Ix> {
        self.nodes
            .iter()
            .position(|n| n.tag == Tag::Body)
            .map(|i| i as Ix)
    }

    /// Index of the page's first `<main>`, the landmark it declares its
    /// content, if it has one.
    pub(crate) fn main(&self) -> Option<Ix> {
        self.main
    }

    /// Characters of text the page's body shows (0 without a body).
    pub(crate) fn shown_chars(&self) -> u32 {
        self.body().map_or(0, |b| self.nodes[b as usize].text_len)
    }

    /// Whether `ix` lies inside the subtree of `ancestor` (or is it).
    pub(crate) fn contains(&self, ancestor: Ix, ix: Ix) -> bool {
        ancestor <= ix && ix < self.nodes[ancestor as usize].end
    }

    /// The subtree's text, inline markup flattened with words kept apart:
    /// `<br>` becomes a line break, block boundaries become spaces, and runs of
    /// whitespace collapse to one space. `skip` prunes subtrees (boilerplate).
    pub(crate) fn flat_text(&self, html: &Html, ix: Ix, skip: &dyn Fn(Ix) -> bool) -> String {
        // Visible characters, so about the bytes of the text (not of skipped parts).
        let mut out = TextBuf::with_capacity(self.nodes[ix as usize].text_len as usize);
        let end = self.nodes[ix as usize].end;
        let mut i = ix + 1;
        if self.nodes[ix as usize].tag == Tag::Text {
            out.push(self.text(html, ix));
        }
        while i < end {
            if skip(i) {
                i = self.nodes[i as usize].end;
                continue;
            }
            match self.nodes[i as usize].tag {
                Tag::Br => out.newline(),
                t if !t.is_inline() => out.space(),
                t => {
                    if self.block_ends_before(ix, i) {
                        out.space();
                    }
                    if t == Tag::Text {
                        let text = self.text(html, i);
                        if out.would_glue(text) && self.opens_abutting_inline(ix, i) {
                            out.space();
                        }
                        out.push(text);
                    }
                }
            }
            i += 1;
        }
        out.finish()
    }

    /// Whether a block inside `within` ends just before node `i`: text after
    /// a block (`<div>Top rated</div><a>Merrell</a>`) is a word of its own,
    /// as a browser lays it out on a line of its own.
    fn block_ends_before(&self, within: Ix, i: Ix) -> bool {
        let mut p = i - 1;
        while p > within && self.nodes[p as usize].end == i {
            if !self.nodes[p as usize].tag.is_inline() {
                return true;
            }
            p = self.nodes[p as usize].parent;
        }
        false
    }

    /// Whether text node `i` opens an inline element that follows another
    /// inline element with nothing between them, inside `within`: the
    /// separate fields of a card (`<span>The North Face</span><span>Wawona
    /// 6 Tent</span>`, a brand and a title) that the page's style sets
    /// apart. Asked only where the words would glue across a change of case
    /// (see [`TextBuf::would_glue`]), so a word styled in pieces
    /// (`<b>W</b><span>ord</span>`) stays whole.
    pub(crate) fn opens_abutting_inline(&self, within: Ix, i: Ix) -> bool {
        let nodes = &self.nodes;
        // The outermost inline element that the text node starts.
        let mut e = i;
        loop {
            let p = nodes[e as usize].parent;
            if p <= within || p + 1 != e || !nodes[p as usize].tag.is_inline() {
                break;
            }
            e = p;
        }
        if e == i {
            return false;
        }
        // Its previous sibling: climb from the node just before it.
        let parent = nodes[e as usize].parent;
        let mut q = e - 1;
        while q > parent && nodes[q as usize].parent != parent {
            q = nodes[q as usize].parent;
        }
        q > parent
            && matches!(nodes[q as usize].tag, Tag::Inline | Tag::A)
            && nodes[q as usize].text_len > 0
    }
}

/// Builds whitespace-collapsed text: consecutive spaces become one, a line
/// break absorbs the spaces around it, and the ends are trimmed.
#[derive(Default)]
pub(crate) struct TextBuf {
    s: String,
    pending: Pending,
}

#[derive(Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    #[default]
    None,
    Space,
    Newline,
}

impl TextBuf {
    pub(crate) fn with_capacity(bytes: usize) -> TextBuf {
        TextBuf {
            s: String::with_capacity(bytes),
            pending: Pending::None,
        }
    }

    pub(crate) fn push(&mut self, text: &str) {
        if !text.is_ascii() {
            return self.push_unicode(text);
        }
        self.push_clean(text);
    }

    /// Text that may hold invisible format characters or decomposed
    /// letters: both are settled before the words are pushed.
    fn push_unicode(&mut self, text: &str) {
        let text = clean_unicode(text);
        self.push_clean(&text);
    }

    fn push_clean(&mut self, text: &str) {
        let mut first = true;
        split_spaces(text, |word| {
            if !std::mem::take(&mut first) {
                self.space();
            }
            if !word.is_empty() {
                self.word(word);
            }
        });
    }

    /// Appends a word, after the space or line break pending before it.
    fn word(&mut self, word: &str) {
        if !self.s.is_empty() {
            match self.pending {
                Pending::Space => self.s.push(' '),
                Pending::Newline => self.s.push('\n'),
                Pending::None => {}
            }
        }
        self.pending = Pending::None;
        self.s.push_str(word);
    }

    pub(crate) fn space(&mut self) {
        self.pending = self.pending.max(Pending::Space);
    }

    pub(crate) fn newline(&mut self) {
        self.pending = Pending::Newline;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.s.is_empty()
    }

    /// Whether pushing `text` now would join two words across a change to
    /// a capital (`FaceWawona`, `54mR`): the text so far ends in a small
    /// letter or a digit with no space pending, and `text` opens with a
    /// capital.
    pub(crate) fn would_glue(&self, text: &str) -> bool {
        self.pending == Pending::None
            && text.chars().next().is_some_and(char::is_uppercase)
            && self
                .s
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || c.is_numeric())
    }

    pub(crate) fn finish(self) -> String {
        self.s
    }
}

/// Visible characters of a text node, and of those the characters in code
/// runs (see [`crate::heuristics::CODE_RUN_MIN_BYTES`]).
fn count_visible(text: &str) -> (u32, u32) {
    // Each split is at one whitespace character, so the visible characters
    // are all of them but the splits: counted over the whole text at once
    // rather than word by word. Only a word long enough to be a code (or
    // exactly a UUID's length) has its own characters counted.
    let (mut splits, mut code) = (0usize, 0);
    split_spaces(text, |word| {
        splits += 1;
        if word.len() > crate::heuristics::CODE_RUN_MIN_BYTES || word.len() == UUID_LEN {
            let chars = word.chars().count();
            if (word.len() > crate::heuristics::CODE_RUN_MIN_BYTES && chars == word.len())
                || is_uuid(word)
            {
                code += chars;
            }
        }
    });
    // `split_spaces` gives one piece more than it splits.
    let n = text.chars().count() - (splits - 1);
    (n as u32, code as u32)
}

/// Whether `word` is a UUID (`19aea247-2e76-4905-9b83-15a5a5664cfa`): a code
/// shorter than [`crate::heuristics::CODE_RUN_MIN_BYTES`], yet never a word.
/// Shops spell a "Sponsored" label out of letters strung between hidden
/// UUIDs, one to a span, to keep it from being filtered.
fn is_uuid(word: &str) -> bool {
    is_uuid_bytes(word.as_bytes())
}

/// Whether UUIDs, wherever they start, make up at least `min_share` of
/// `text`'s bytes: a line of them strung together with a letter between each
/// (a "Sponsored" label spelled out between hidden UUIDs) is one run of
/// codes to a reader. Gives up at the first byte past the share left over,
/// so ordinary text turns away within its first few words.
pub(crate) fn mostly_uuids(text: &str, min_share: f32) -> bool {
    let b = text.as_bytes();
    let spare = (1.0 - min_share) * b.len() as f32;
    let (mut other, mut i) = (0usize, 0);
    while i < b.len() {
        // Most text turns away at the first dash's place.
        if i + UUID_LEN <= b.len() && b[i + 8] == b'-' && is_uuid_bytes(&b[i..i + UUID_LEN]) {
            i += UUID_LEN;
        } else {
            other += 1;
            if other as f32 > spare {
                return false;
            }
            i += 1;
        }
    }
    true
}

/// The length of a UUID, `8-4-4-4-12` hex digits.
const UUID_LEN: usize = 36;

fn is_uuid_bytes(b: &[u8]) -> bool {
    b.len() == UUID_LEN
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Calls `piece` with each piece of `text` between whitespace, exactly the
/// pieces of `text.split(char::is_whitespace)` (empty ones included), but a
/// byte at a time: only the lead bytes of the few non-ASCII whitespace
/// characters (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000) are decoded.
fn split_spaces<'t>(text: &'t str, mut piece: impl FnMut(&'t str)) {
    let b = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    // Runs on every text of the page: skip the bytes that cannot start
    // whitespace by one table lookup each.
    while let Some(offset) = b[i..].iter().position(|&c| MAY_START_SPACE[usize::from(c)]) {
        i += offset;
        let width = if b[i] < 0x80 {
            1
        } else {
            text.get(i..)
                .and_then(|rest| rest.chars().next())
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8)
        };
        if width == 0 {
            i += 1;
            continue;
        }
        piece(text.get(start..i).unwrap_or(""));
        i += width;
        start = i;
    }
    piece(text.get(start..).unwrap_or(""));
}

/// The bytes that may start a whitespace character: ASCII whitespace
/// (tab to carriage return, space), and the lead bytes of the non-ASCII
/// ones.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = matches!(c as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        c += 1;
    }
    table
};

fn has_space(node: &NodeRef<'_, Node>) -> bool {
    matches!(node.value(), Node::Text(t) if !t.is_empty())
}

/// Characters a browser draws as nothing: a soft hyphen (a break hint inside
/// a word), a zero-width space, a word joiner and a byte-order mark left in
/// the text. Kept, they split or glue words that a reader sees whole.
/// Zero-width joiners and non-joiners stay: they shape Persian, Indic
/// scripts and emoji.
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// Text without invisible format characters, composed to Unicode NFC, so
/// that `é` is one character however the page spelled it. Borrows when there
/// is nothing to do.
pub(crate) fn clean_unicode(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    const NFC: icu_normalizer::ComposingNormalizerBorrowed<'static> =
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    let visible = if text.contains(INVISIBLE) {
        Cow::Owned(text.replace(INVISIBLE, ""))
    } else {
        Cow::Borrowed(text)
    };
    match NFC.normalize(&visible) {
        Cow::Borrowed(_) => visible,
        Cow::Owned(composed) => Cow::Owned(composed),
    }
}

/// Runs of whitespace made one space, and none at either end; invisible
/// format characters dropped and the text composed to NFC.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let text = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        clean_unicode(text)
    };
    let mut out = String::with_capacity(text.len());
    split_spaces(&text, |word| {
        if word.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
    out
}

/// Words in a text; scripts written without spaces (Chinese, Japanese)
/// count one word per [`crate::heuristics::CJK_CHARS_PER_WORD`] characters.
pub(crate) fn word_count(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    text.split_whitespace().count() + cjk / crate::heuristics::CJK_CHARS_PER_WORD
}

/// Kana and Han: Korean's Hangul sets spaces between words, and counts
/// by them.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Lowercases and collapses whitespace, for matching phrases.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = collapse_whitespace(text);
    // Most text is ASCII: lowercase it in place, and take the full Unicode
    // path only when needed.
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

/// [`normalize`] of text that [`Facts::flat_text`] gave. Its whitespace is
/// collapsed already, a line break aside, so ASCII text (most of it) only
/// needs its line breaks made spaces and its letters lowercase, in place;
/// other text takes the whole path, which also composes across the joins of
/// its pieces.
pub(crate) fn normalize_flat(text: String) -> String {
    if !text.is_ascii() {
        return normalize(&text);
    }
    let mut bytes = text.into_bytes();
    for b in &mut bytes {
        *b = if *b == b'\n' {
            b' '
        } else {
            b.to_ascii_lowercase()
        };
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether one of the words of a class or id attribute ([`class_words`])
/// passes `pred`.
pub(crate) fn any_class_word(attr: Option<&str>, pred: impl Fn(&str) -> bool) -> bool {
    let mut found = false;
    if let Some(attr) = attr {
        class_words(attr, |w| found |= pred(w));
    }
    found
}

/// Whether an element's class or id names one of `words`.
pub(crate) fn names_word(class: Option<&str>, id: Option<&str>, words: &[&str]) -> bool {
    [class, id]
        .into_iter()
        .any(|name| any_class_word(name, |w| words.contains(&w)))
}

/// Splits a class or id attribute into lowercase words at spaces, `-`, `_`,
/// digits and camelCase humps: `postComments-2` gives `post`, `comments`.
/// A word glued to a digit before it is left out: `jXK9ad`, a site
/// builder's hashed name, gives `j` and `xk`, not `ad`.
/// Each whole class name is yielded too, lowercased, so run-together names
/// (`relatedposts`) can be matched as they stand.
pub(crate) fn class_words(attr: &str, mut f: impl FnMut(&str)) {
    // Runs on every class and id of the page: each byte is classed by one
    // table lookup, and names are lowercased into a buffer on the stack and
    // handed out as slices of it, allocating nothing.
    let mut buf = [0u8; MAX_CLASS_NAME];
    let all = attr.as_bytes();
    let mut i = 0;
    while i < all.len() {
        if NAME_BYTE[usize::from(all[i])] & SPACE != 0 {
            i += 1;
            continue;
        }
        let begin = i;
        let mut seen = 0;
        while let Some(&b) = all.get(i) {
            let class = NAME_BYTE[usize::from(b)];
            if class & SPACE != 0 {
                break;
            }
            seen |= class;
            i += 1;
        }
        // Generated or non-ASCII names carry no boilerplate words we know.
        let (Some(bytes), Some(name)) = (all.get(begin..i), attr.get(begin..i)) else {
            continue;
        };
        if bytes.len() > MAX_CLASS_NAME || seen & HIGH != 0 {
            continue;
        }
        // Most names are lowercase already and are sliced as they stand.
        let lower = if seen & UPPER != 0 {
            let lower = &mut buf[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            // ASCII, so validated once and sliced at any byte.
            let Ok(lower) = std::str::from_utf8(lower) else {
                continue;
            };
            lower
        } else {
            name
        };
        f(lower);
        name_words(bytes, |r| f(lower.get(r).unwrap_or("")));
    }
}

/// The ranges of the words of one ASCII class name, as [`class_words`]
/// gives them: runs of letters, cut at camelCase humps; a run glued to a
/// digit before it is left out, and so is a run that is the whole name.
fn name_words(bytes: &[u8], mut f: impl FnMut(std::ops::Range<usize>)) {
    let mut k = 0;
    // A word glued to a digit before it (`jXK9ad`) is a piece of a
    // generated name, not a word the author chose.
    let mut after_digit = false;
    while let Some(&b) = bytes.get(k) {
        let class = NAME_BYTE[usize::from(b)];
        k += 1;
        if class & LETTER == 0 {
            after_digit = class & DIGIT != 0;
            continue;
        }
        let start = k - 1;
        let mut prev_lower = class & LOWER != 0;
        while let Some(&b) = bytes.get(k) {
            let class = NAME_BYTE[usize::from(b)];
            if class & LETTER == 0 || (class & UPPER != 0 && prev_lower) {
                break;
            }
            prev_lower = class & LOWER != 0;
            k += 1;
        }
        if !after_digit && (start != 0 || k < bytes.len()) {
            f(start..k);
        }
    }
}

/// What [`class_words`] needs to know of a byte, as bits of [`NAME_BYTE`]:
/// ASCII whitespace (which `split_ascii_whitespace` splits at), a capital,
/// a small letter, a digit, or a byte of a non-ASCII character.
const SPACE: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const LETTER: u8 = UPPER | LOWER;
const DIGIT: u8 = 8;
const HIGH: u8 = 16;

const NAME_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if !b.is_ascii() {
            HIGH
        } else {
            0
        };
        c += 1;
    }
    table
};

/// The value of the element's attribute `name` (lowercase, no namespace), as
/// `Element::attr` gives it, but by comparing names in place: `Element::attr`
/// interns `name` as an atom on every call, which costs more than the whole
/// search when asked of every element of the page.
pub(crate) fn attr<'e>(e: &'e scraper::node::Element, name: &str) -> Option<&'e str> {
    e.attrs
        .iter()
        .find(|(q, _)| q.ns == html5ever::ns!() && &*q.local == name)
        .map(|(_, value)| &**value)
}

/// Longest class or id name that is split into words.
const MAX_CLASS_NAME: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(src: &str) -> (Html, Facts) {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        (html, facts)
    }

    #[test]
    fn subtree_ranges_and_sums() {
        let (html, f) = facts("<body><div><p>Hello <a href=x>world</a></p></div><p>abc</p></body>");
        let body = f.body().unwrap();
        let b = &f.nodes[body as usize];
        assert_eq!(b.text_len, 13);
        assert_eq!(b.link_len, 5);
        assert_eq!(b.links, 1);
        assert!(b.has_block);
        assert_eq!(b.end as usize, f.nodes.len());
        let texts: Vec<&str> = (0..f.nodes.len() as Ix)
            .filter(|&i| f.nodes[i as usize].tag == Tag::Text)
            .map(|i| f.text(&html, i))
            .collect();
        assert_eq!(texts, ["Hello ", "world", "abc"]);
    }

    #[test]
    fn linked_names_in_code_are_not_link_text() {
        // An API reference's term list: each term a linked name in code.
        // A link around plain words, or code around a link, stays a link.
        let (_, f) = facts(
            "<body><dl><dt><a href=/send><code>send()</code></a></dt>\
             <dd>Queues data.</dd></dl>\
             <p><a href=/more>More</a> <code><a href=/x>close()</a></code></p></body>",
        );
        let dl = f.nodes.iter().find(|n| n.tag == Tag::Dl).unwrap();
        assert_eq!((dl.text_len, dl.link_len), (17, 0));
        let p = f.nodes.iter().find(|n| n.tag == Tag::P).unwrap();
        assert_eq!((p.text_len, p.link_len), (11, 11));
    }

    #[test]
    fn long_runs_without_spaces_are_codes_not_words() {
        // A product card with a spelled-out image URL and a tracking ID, a
        // linked URL, and a Japanese sentence (no spaces, but words).
        let url = "https://img.example.com/images/g/ab12cd34ef56/s-l1600-product-photo.jpg";
        let id = "3f9a2c1e-8b7d-4e6f-a5c4-d3b2a1f0e9d8-7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a";
        let (_, f) = facts(&format!(
            "<body><div><p>Solid oak table, seats six. {url} {id}</p>\
             <p><a href=x>{url}</a></p>\
             <p>この木のテーブルは六人が座れる大きさで、毎日の食事にも来客にもちょうどよい作りになっています。</p></div></body>"
        ));
        let p = f.body().unwrap() + 2;
        let n = &f.nodes[p as usize];
        let codes = (url.len() + id.len()) as u32;
        assert_eq!(n.own_code, codes);
        assert_eq!(n.own_words(), n.own_text - codes);
        assert_eq!(n.own_words(), "Solidoaktable,seatssix.".len() as u32);
        // Link text is counted as links, not codes; the Japanese sentence is words.
        let paragraphs: Vec<&NodeFact> = f.nodes.iter().filter(|n| n.tag == Tag::P).collect();
        assert_eq!(paragraphs[1].own_code, 0);
        assert_eq!(paragraphs[2].own_code, 0);
        assert_eq!(paragraphs[2].own_words(), paragraphs[2].own_text);
    }

    #[test]
    fn uuids_are_codes_even_one_to_a_span() {
        // A "Sponsored" label spelled out of letters strung between UUIDs,
        // each in a span of its own; a hyphenated word of the same length
        // is words.
        let (_, f) = facts(
            "<body><div><span>S</span><span>19aea247-2e76-4905-9b83-15a5a5664cfa</span>\
             <span>p</span><span>661bd3c3-576f-4713-baee-9dc0dd7c3568</span></div>\
             <p>state-of-the-art-mother-in-law-suite</p></body>",
        );
        let div = f.body().unwrap() + 1;
        assert_eq!(f.nodes[div as usize].own_code, 72);
        assert_eq!(f.nodes[div as usize].own_words(), 2);
        let p = f.nodes.iter().find(|n| n.tag == Tag::P).unwrap();
        assert_eq!(p.own_code, 0);
    }

    #[test]
    fn ruby_keeps_its_base_text_not_its_reading() {
        let (html, f) =
            facts("<body><p>東京<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字</ruby>です</p></body>");
        let p = f.body().unwrap() + 1;
        assert_eq!(f.flat_text(&html, p, &|_| false), "東京漢字です");
    }

    #[test]
    fn invisible_characters_go_and_letters_compose() {
        // A soft hyphen and a zero-width space inside words, and an `e`
        // followed by a combining acute accent (NFD, as some CMSs store it).
        let (html, f) = facts(
            "<body><p>Donau\u{ad}dampf\u{ad}schiff caf\u{65}\u{301} long\u{200b}word</p></body>",
        );
        let p = f.body().unwrap() + 1;
        assert_eq!(
            f.flat_text(&html, p, &|_| false),
            "Donaudampfschiff caf\u{e9} longword"
        );
        assert_eq!(
            collapse_whitespace(" Re\u{301}sume\u{301}\u{feff} "),
            "R\u{e9}sum\u{e9}"
        );
        // Joiners shape scripts and emoji: they stay.
        assert_eq!(collapse_whitespace("می\u{200c}خواهم"), "می\u{200c}خواهم");
    }

    #[test]
    fn scripts_and_controls_are_left_out() {
        let (_, f) =
            facts("<body><script>var x = 1;</script><button>Share</button><p>ok</p></body>");
        let b = &f.nodes[f.body().unwrap() as usize];
        assert_eq!(b.text_len, 2);
    }

    #[test]
    fn an_accordions_question_is_read_its_menu_toggle_is_not() {
        // The question sits in the toggle, or the toggle in a paragraph
        // set as a heading; a toggle without a heading is a control.
        let (_, f) = facts(
            "<body><div><button><h3>Can I pay later?</h3></button>\
             <div hidden>Yes.</div></div>\
             <ul><li><p role=heading aria-level=3><button aria-expanded=false>Refunds?</button></p>\
             <div>No.</div></li></ul><button aria-expanded=false>Menu</button></body>",
        );
        let b = &f.nodes[f.body().unwrap() as usize];
        assert_eq!(b.text_len, "CanIpaylater?Yes.Refunds?No.".len() as u32);
        assert!(f.nodes.iter().any(|n| n.tag == Tag::Heading(3)));
        assert_eq!(
            f.nodes.iter().filter(|n| n.tag == Tag::Heading(3)).count(),
            2
        );
    }

    #[test]
    fn text_of_inline_flows_in_nearest_block() {
        let (_, f) = facts("<body><div><span><b>x</b></span></div></body>");
        let text = f.nodes.iter().position(|n| n.tag == Tag::Text).unwrap();
        let div = f.nodes[f.nodes[text].block as usize].tag;
        assert_eq!(div, Tag::Block);
    }

    #[test]
    fn flat_text_keeps_words_apart() {
        let (html, f) = facts(
            "<body><p>a<br>b <b>c</b>d</p><div>e</div><div>f</div><div>g</div><a>h</a></body>",
        );
        let body = f.body().unwrap();
        assert_eq!(f.flat_text(&html, body, &|_| false), "a\nb cd e f g h");
    }

    #[test]
    fn abutting_fields_of_a_card_are_words_apart_but_a_styled_word_is_whole() {
        let (html, f) = facts(
            "<body><h2><span class=brand>The North Face</span><span class=title>Wawona \
             Tent</span></h2><p>$585.00 <span>4.5</span><span>Reviews</span></p>\
             <p><b>W</b><span>ord</span> and <span>Mac</span>Book</p></body>",
        );
        let body = f.body().unwrap();
        assert_eq!(
            f.flat_text(&html, body, &|_| false),
            "The North Face Wawona Tent $585.00 4.5 Reviews Word and MacBook"
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let src = "<div>".repeat(5_000) + "deep";
        let (_, f) = facts(&src);
        assert_eq!(f.nodes[f.body().unwrap() as usize].text_len, 4);
    }

    #[test]
    fn text_is_split_byte_by_byte_as_by_chars() {
        // Split a byte at a time, text must give what char-wise splitting gives.
        for text in [
            "",
            " ",
            "  a  b ",
            "a\tb\n",
            "\x0Ba\x0Bb",
            "x\u{a0}y ",
            "\r\n z",
            "\u{3000}見出し\u{2009}— «é»\u{1680}",
            "a\u{85}b\u{205f}",
        ] {
            let mut buf = TextBuf::default();
            buf.push("<");
            buf.push(text);
            buf.push(">");
            let words: Vec<&str> = text.split_whitespace().collect();
            let mut expected = String::from("<");
            if text.starts_with(char::is_whitespace) {
                expected.push(' ');
            }
            expected.push_str(&words.join(" "));
            if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
                expected.push(' ');
            }
            expected.push('>');
            assert_eq!(buf.finish(), expected, "{text:?}");
            assert_eq!(collapse_whitespace(text), words.join(" "), "{text:?}");
            let visible = text.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(count_visible(text).0 as usize, visible, "{text:?}");
        }
    }

    #[test]
    fn code_runs_are_counted_whole_words_only() {
        let uuid = "19aea247-2e76-4905-9b83-15a5a5664cfa";
        assert_eq!(count_visible(&format!("a {uuid}\u{a0}b")), (38, 36));
        let long = "x".repeat(crate::heuristics::CODE_RUN_MIN_BYTES + 1);
        let n = long.len() as u32;
        assert_eq!(count_visible(&format!(" {long} ")), (n, n));
        // As long in bytes, but not ASCII: words, not a code.
        let accented = "é".repeat(crate::heuristics::CODE_RUN_MIN_BYTES);
        assert_eq!(count_visible(&accented).1, 0);
        assert_eq!(count_visible(&format!("{long}é")).1, 0);
    }

    #[test]
    fn class_words_split_names() {
        let mut got = Vec::new();
        class_words("postComments-2 jp-relatedposts", |w| {
            got.push(w.to_string())
        });
        assert_eq!(
            got,
            [
                "postcomments-2",
                "post",
                "comments",
                "jp-relatedposts",
                "jp",
                "relatedposts"
            ]
        );
    }

    #[test]
    fn word_count_reads_scripts_without_spaces_by_characters_and_korean_by_spaces() {
        assert_eq!(word_count("two words"), 2);
        // Kana and Han without a space: a word per three characters, the
        // run counted once besides.
        assert_eq!(word_count("東京都の天気"), 3);
        // Korean spaces its words: three words, whatever their length.
        assert_eq!(word_count("오늘 날씨가 좋습니다"), 3);
    }
}
