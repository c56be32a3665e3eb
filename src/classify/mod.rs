//! Which parts of the page are boilerplate, and of what kind.
//!
//! Three kinds of evidence, cheapest first: the element's tag and ARIA role
//! (`nav`, `role=search`), the words of its class and id (`post-comments`,
//! `jp-relatedposts`), and the words of a short heading or label that opens a
//! block ("You May Also Like", "Leave a Reply", "Lesen Sie auch"). The last is
//! what catches markup with generated class names. Every decision is checked
//! against the share of the page's prose the element holds: a wrapper around
//! most of the text is the article, whatever its name says; and a comment
//! thread that is the whole page (a forum thread) is its content
//! ([`threads`]).
//!
//! Hands on [`Marks`]: per node, whether it starts or continues a boilerplate
//! region and of which kind. When asked to explain ([`classify_explained`]),
//! it also notes for each region the evidence that decided it.

mod threads;

use crate::document::{Boilerplate, Stripped};
use crate::dom::{Facts, Ix, Tag, attr, class_words, normalize};
use crate::explain::Evidence;
use crate::heuristics::{
    BOILERPLATE_LINE_MAX_CHARS, BOILERPLATE_LINES, CLASS_VARIANT_MARKS, CLASS_WORDS,
    COMMENT_HEADINGS, CONTENT_WORDS, EMBED_WORDS, FORM_MAX_ELEMENTS, HEADING_MAX_CHARS,
    POPULAR_HEADINGS, RELATED_HEADINGS, STATE_SELF_PREFIXES, STATE_WORDS, Strength, UI_LABELS,
    WEIGHTS,
};
use scraper::{ElementRef, Html};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The boilerplate regions of a page.
pub(crate) struct Marks {
    /// The kind of the region a node heads, if it heads one.
    kind: Vec<Option<Boilerplate>>,
    /// Whether the node starts a region (counted once) rather than continuing
    /// the previous sibling's (a heading followed by its list).
    starts: Vec<bool>,
}

impl Marks {
    /// The kind of boilerplate region `ix` heads, if any (its subtree is inside it).
    pub(crate) fn get(&self, ix: Ix) -> Option<Boilerplate> {
        self.kind[ix as usize]
    }

    /// Counts each outermost region inside `within` once, by kind.
    pub(crate) fn count(&self, facts: &Facts, within: Ix) -> Stripped {
        let mut stripped = Stripped::default();
        let end = facts.nodes[within as usize].end;
        let mut i = within + 1;
        while i < end {
            match self.kind[i as usize] {
                Some(kind) => {
                    if self.starts[i as usize] {
                        stripped.add(kind);
                    }
                    i = facts.nodes[i as usize].end;
                }
                None => i += 1,
            }
        }
        stripped
    }

    /// Outermost related regions, including those nested inside other
    /// boilerplate (a "Related posts" block inside the comment area's wrapper)
    /// but not inside navigation.
    pub(crate) fn related(&self, facts: &Facts) -> Vec<Ix> {
        let mut out = Vec::new();
        let mut i: Ix = 0;
        while (i as usize) < self.kind.len() {
            match self.kind[i as usize] {
                // A "related" block with links by the dozen is a site-wide
                // link farm (a footer, a guide rail), not teasers for this article.
                Some(Boilerplate::Related) => {
                    if facts.nodes[i as usize].links <= WEIGHTS.related_max_links {
                        out.push(i);
                    }
                    i = facts.nodes[i as usize].end;
                }
                // Site-wide widgets ("Trending" in the sidebar) are not tied
                // to the article, whatever they are called.
                Some(Boilerplate::Navigation) => i = facts.nodes[i as usize].end,
                _ => i += 1,
            }
        }
        out
    }
}

/// Per node, summed over the subtree: characters of text flowing directly in
/// long, link-poor blocks (prose); the number of blocks that read as a
/// sentence (link-poor, at least [`Weights::sentence_min_chars`] long), and
/// their characters. Teasers, menus and labels have little of any; articles
/// have a lot.
///
/// [`Weights::sentence_min_chars`]: crate::heuristics::Weights::sentence_min_chars
struct Prose {
    chars: Vec<u32>,
    sentences: Vec<u32>,
    sentence_chars: Vec<u32>,
}

fn prose(facts: &Facts) -> Prose {
    let mut chars = vec![0u32; facts.nodes.len()];
    let mut sentences = vec![0u32; facts.nodes.len()];
    let mut sentence_chars = vec![0u32; facts.nodes.len()];
    for (i, n) in facts.nodes.iter().enumerate().rev() {
        let link_poor =
            (n.own_link as f32) < WEIGHTS.max_paragraph_link_density * n.own_text as f32;
        if link_poor && n.own_text >= WEIGHTS.prose_min_block_chars {
            chars[i] += n.own_text - n.own_link;
        }
        if link_poor && n.own_text >= WEIGHTS.sentence_min_chars {
            sentences[i] += 1;
            sentence_chars[i] += n.own_text - n.own_link;
        }
        if i > 0 {
            chars[n.parent as usize] += chars[i];
            sentences[n.parent as usize] += sentences[i];
            sentence_chars[n.parent as usize] += sentence_chars[i];
        }
    }
    Prose {
        chars,
        sentences,
        sentence_chars,
    }
}

/// One region's decision, as [`classify_explained`] notes it.
pub(crate) struct Note {
    /// The node that heads the region.
    pub at: Ix,
    pub kind: Boilerplate,
    pub evidence: Evidence,
    /// The outermost region around this one, if it is inside one.
    pub within: Option<Ix>,
}

pub(crate) fn classify(html: &Html, facts: &Facts) -> Marks {
    run(html, facts, None)
}

/// [`classify`], noting the evidence for every region it marks, in document
/// order, each with the outermost region around it, if any: the record
/// counts only the outermost (a search box inside a marked header is the
/// header's).
pub(crate) fn classify_explained(html: &Html, facts: &Facts) -> (Marks, Vec<Note>) {
    let mut notes = Vec::new();
    let marks = run(html, facts, Some(&mut notes));
    let mut outermost = Vec::new();
    if let Some(body) = facts.body() {
        let end = facts.nodes[body as usize].end;
        let mut i = body + 1;
        while i < end {
            if marks.get(i).is_some() {
                outermost.push(i);
                i = facts.nodes[i as usize].end;
            } else {
                i += 1;
            }
        }
    }
    notes.sort_by_key(|n| n.at);
    for note in &mut notes {
        // The last outermost region that starts at or before the note.
        let k = outermost.partition_point(|&o| o <= note.at);
        note.within = k
            .checked_sub(1)
            .map(|k| outermost[k])
            .filter(|&o| o != note.at && facts.contains(o, note.at));
    }
    (marks, notes)
}

fn run(html: &Html, facts: &Facts, mut notes: Option<&mut Vec<Note>>) -> Marks {
    let n = facts.nodes.len();
    let mut marks = Marks {
        kind: vec![None; n],
        starts: vec![false; n],
    };
    let Some(body) = facts.body() else {
        return marks;
    };
    let prose = prose(facts);
    let page_text =
        (facts.nodes[body as usize].text_len - facts.nodes[body as usize].link_len).max(1) as f32;
    let share = |i: Ix| {
        let f = &facts.nodes[i as usize];
        (f.text_len - f.link_len) as f32 / page_text
    };

    let end = facts.nodes[body as usize].end;
    let mut context = Context::default();
    let mut weak = WeakMarks::default();
    for i in body + 1..end {
        let fact = &facts.nodes[i as usize];
        if fact.tag == Tag::Text {
            continue;
        }
        context.leave_until(facts, i);
        let Some(el) = facts.element(html, i) else {
            continue;
        };
        if let Some((kind, strength, why)) = by_markup(el, fact.tag, &mut context) {
            let limit = match (kind, strength) {
                (Boilerplate::Comments, Strength::Strong) => f32::INFINITY,
                (_, Strength::Strong) => WEIGHTS.mark_max_share,
                (_, Strength::Weak) => WEIGHTS.weak_mark_max_share,
            };
            // Ads hold no sentences of text to speak of; a `paywall`
            // wrapper around the rest of the story does, however short its
            // paragraphs. A weak word (`modal`, `popup`) is marked whatever
            // it holds: a consent pop-up is all sentences.
            let prose_kind = kind == Boilerplate::Ads && strength == Strength::Strong;
            if share(i) <= limit
                && !(prose_kind
                    && prose.sentence_chars[i as usize] > WEIGHTS.region_max_prose_chars)
            {
                let evidence = notes.is_some().then(|| why.evidence());
                match strength {
                    Strength::Strong => {
                        let marked = mark(&mut marks, i, kind);
                        note(&mut notes, marked, || Note {
                            at: i,
                            kind,
                            evidence: evidence.expect("noted only when explaining"),
                            within: None,
                        });
                    }
                    Strength::Weak => {
                        let word = weak_word(el, fact.tag, &mut context);
                        weak.add(facts, i, kind, word, evidence);
                    }
                }
            }
        } else if let Some((kind, phrase)) = by_words(html, facts, i) {
            // A label that is nothing but a related-block heading ("Lesen Sie
            // auch"), set as a plain block, may name a single teaser; a real
            // heading may open a section of the text that holds a link.
            let lone_label = kind == Boilerplate::Related
                && phrase_is_whole_label(html, facts, i)
                && !matches!(fact.tag, Tag::Heading(_));
            let region = mark_region(&mut marks, facts, &prose, &share, (i, kind), lone_label);
            if let Some(notes) = notes.as_deref_mut() {
                notes.extend(region.into_iter().map(|at| Note {
                    at,
                    kind,
                    evidence: Evidence::Label(phrase.into()),
                    within: None,
                }));
            }
        }
        if matches!(fact.tag, Tag::Article | Tag::Main) {
            context.enter(facts, i);
        }
    }
    weak.apply(&mut marks, page_text, &mut notes);
    threads::lift_thread_marks(&mut marks, html, facts, body);
    marks
}

/// Weak marks wait for the whole page: when the elements weakly marked by
/// one word hold most of the page's text together, the word that marks them
/// is the page's layout (a page builder's `elementor-widget` or
/// `widget-span` around every section), not the role of a few blocks.
#[derive(Default)]
struct WeakMarks {
    /// The elements, their kind, the word, and the evidence when explaining.
    pending: Vec<(Ix, Boilerplate, &'static str, Option<Evidence>)>,
    /// Per word, the non-link text of the outermost pending elements, and
    /// where the last of them ends (a nested one is not counted twice).
    totals: HashMap<&'static str, (u32, Ix)>,
}

impl WeakMarks {
    fn add(
        &mut self,
        facts: &Facts,
        i: Ix,
        kind: Boilerplate,
        word: &'static str,
        evidence: Option<Evidence>,
    ) {
        self.pending.push((i, kind, word, evidence));
        let f = &facts.nodes[i as usize];
        let (total, end) = self.totals.entry(word).or_default();
        if i >= *end {
            *total += f.text_len - f.link_len;
            *end = f.end;
        }
    }

    fn apply(self, marks: &mut Marks, page_text: f32, notes: &mut Option<&mut Vec<Note>>) {
        for (i, kind, word, evidence) in self.pending {
            let total = self.totals.get(word).map_or(0, |t| t.0);
            if total as f32 <= WEIGHTS.weak_kind_max_share * page_text {
                let marked = mark(marks, i, kind);
                if let (Some(evidence), true) = (evidence, marked) {
                    note(notes, true, || Note {
                        at: i,
                        kind,
                        evidence,
                        within: None,
                    });
                }
            }
        }
    }
}

/// Marks `i` as heading a region of `kind`, unless it is in one already;
/// whether it was marked.
fn mark(marks: &mut Marks, i: Ix, kind: Boilerplate) -> bool {
    let fresh = marks.kind[i as usize].is_none();
    if fresh {
        marks.kind[i as usize] = Some(kind);
        marks.starts[i as usize] = true;
    }
    fresh
}

/// Records a note when explaining; the note is built only then.
fn note(notes: &mut Option<&mut Vec<Note>>, marked: bool, make: impl FnOnce() -> Note) {
    if let Some(notes) = notes.as_deref_mut()
        && marked
    {
        notes.push(make());
    }
}

/// Why [`by_markup`] named a kind: borrowed from the page or the word lists,
/// so deciding costs nothing; turned into an [`Evidence`] only when explaining.
#[derive(Clone, Copy)]
enum Why<'a> {
    Hidden(&'static str),
    Role(&'a str),
    Tag(&'static str),
    Form(&'static str),
    Class(&'static str),
    Id(&'static str),
}

impl Why<'_> {
    fn evidence(self) -> Evidence {
        match self {
            Why::Hidden(how) => Evidence::Hidden(how.into()),
            Why::Role(role) => Evidence::Role(role.trim().to_ascii_lowercase().into()),
            Why::Tag(tag) => Evidence::Tag(tag.into()),
            Why::Form(field) => Evidence::Form(field.into()),
            Why::Class(word) => Evidence::Class(word.into()),
            Why::Id(word) => Evidence::Id(word.into()),
        }
    }
}

/// Which `article`/`main` elements enclose the current node: site chrome
/// tags (`header`, `footer`, `aside`) mean something else inside them.
#[derive(Default)]
struct Context<'a> {
    open: Vec<Ix>,
    classes: ClassCache<'a>,
}

impl Context<'_> {
    fn enter(&mut self, _facts: &Facts, i: Ix) {
        self.open.push(i);
    }

    fn leave_until(&mut self, facts: &Facts, i: Ix) {
        while let Some(&top) = self.open.last() {
            if facts.contains(top, i) {
                break;
            }
            self.open.pop();
        }
    }

    fn in_article(&self) -> bool {
        !self.open.is_empty()
    }
}

/// The attributes classification reads, gathered in one pass over the
/// element's attributes (looking each up by name costs a hash per call).
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: bool,
    /// `aria-modal`: `Some(true)` for a modal dialog, `Some(false)` for a
    /// panel that says it is not one.
    aria_modal: Option<bool>,
}

impl<'a> Attrs<'a> {
    fn of(el: ElementRef<'a>) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in el.value().attrs() {
            match name {
                "class" => a.class = Some(value),
                "id" => a.id = Some(value),
                "role" => a.role = Some(value),
                "style" => a.style = Some(value),
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = value == "true",
                "aria-modal" => a.aria_modal = Some(value == "true"),
                _ => {}
            }
        }
        a
    }
}

/// Evidence from the element's own markup: tag, role, hidden-ness, class and id.
fn by_markup<'a>(
    el: ElementRef<'a>,
    tag: Tag,
    context: &mut Context<'a>,
) -> Option<(Boilerplate, Strength, Why<'a>)> {
    use Boilerplate::*;
    use Strength::*;
    let attrs = Attrs::of(el);
    // A modal dialog (a policy, a sign-up, a quick view) stays closed
    // until the reader opens it, whatever it holds.
    let hidden = if attrs.hidden {
        Some("hidden")
    } else if attrs.aria_hidden {
        Some("aria-hidden")
    } else if attrs.aria_modal == Some(true) {
        Some("aria-modal")
    } else if attrs.style.is_some_and(is_hidden_style) {
        Some("style")
    } else {
        None
    };
    if let Some(how) = hidden {
        return Some((Other, Strong, Why::Hidden(how)));
    }
    if let Some(role) = attrs.role {
        let why = Why::Role(role);
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "banner" | "search" | "contentinfo" => {
                return Some((Navigation, Strong, why));
            }
            "complementary" if !context.in_article() => return Some((Navigation, Strong, why)),
            // A sheet or panel that says it is not modal (`aria-modal=false`)
            // opens in place: a product's description, a tab.
            "alertdialog" | "dialog" if attrs.aria_modal != Some(false) => {
                return Some((Ads, Weak, why));
            }
            _ => {}
        }
    }
    let by_class = class_and_id(context.classes.words(attrs.class), NameWords::of(attrs.id));
    let by_tag = match tag {
        Tag::Nav => Some((Navigation, Strong, Why::Tag("nav"))),
        Tag::Header if !context.in_article() => Some((Navigation, Weak, Why::Tag("header"))),
        Tag::Footer if context.in_article() => Some((Other, Strong, Why::Tag("footer"))),
        Tag::Footer => Some((Navigation, Strong, Why::Tag("footer"))),
        Tag::Aside if !context.in_article() => Some((Navigation, Strong, Why::Tag("aside"))),
        Tag::Form => Some(form_kind(el)),
        _ => None,
    };
    match (by_tag, by_class) {
        // The page's main wrappers are never boilerplate because of a class
        // name (`<body class="has-sidebar">`, `<main class="site-main">`).
        (_, _) if matches!(tag, Tag::Body | Tag::Main) => None,
        (Some(t), Some(c)) if c.1 == Strong => {
            Some(if t.1 == Strong && t.0 != c.0 { t } else { c })
        }
        (Some(t), _) => Some(t),
        (None, Some(c)) if tag == Tag::Article && c.1 == Weak => None,
        (None, c) => c,
    }
}

/// The class or id word behind a weak mark (the class's first), else the
/// element's tag or role: what [`WeakMarks`] sums the marked text by.
fn weak_word<'a>(el: ElementRef<'a>, tag: Tag, context: &mut Context<'a>) -> &'static str {
    let class = context.classes.words(attr(el.value(), "class"));
    class
        .weak
        .or(NameWords::of(attr(el.value(), "id")).weak)
        .map(|(_, word)| word)
        .unwrap_or(match tag {
            Tag::Header => "<header>",
            _ => "<role>",
        })
}

fn is_hidden_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Forms are search boxes, comment forms, newsletter sign-ups or logins.
fn form_kind(el: ElementRef<'_>) -> (Boilerplate, Strength, Why<'_>) {
    let (mut kind, mut why) = (Boilerplate::Other, Why::Tag("form"));
    for d in el
        .descendants()
        .filter_map(ElementRef::wrap)
        .take(FORM_MAX_ELEMENTS)
    {
        match (d.value().name(), attr(d.value(), "type").unwrap_or("")) {
            ("textarea", _) => {
                return (
                    Boilerplate::Comments,
                    Strength::Strong,
                    Why::Form("textarea"),
                );
            }
            ("input", "search") => (kind, why) = (Boilerplate::Navigation, Why::Form("search")),
            ("input", "email") if kind == Boilerplate::Other => {
                (kind, why) = (Boilerplate::Ads, Why::Form("email"))
            }
            _ => {}
        }
    }
    if kind == Boilerplate::Other
        && let Some((k, _, w)) = class_and_id(
            NameWords::of(attr(el.value(), "class")),
            NameWords::of(attr(el.value(), "id")),
        )
    {
        (kind, why) = (k, w);
    }
    (kind, Strength::Strong, why)
}

/// What the class and id say, by [`CLASS_WORDS`]. A strong word wins; a weak
/// one counts only when no content word (`content`, `article`) is present.
fn class_and_id(class: NameWords, id: NameWords) -> Option<(Boilerplate, Strength, Why<'static>)> {
    // The class's words come first, as if the two were one list.
    let from_class = |(k, w)| (k, Why::Class(w));
    let from_id = |(k, w)| (k, Why::Id(w));
    let strong = class.strong.map(from_class).or(id.strong.map(from_id));
    let weak = class.weak.map(from_class).or(id.weak.map(from_id));
    let embed = class.embed || id.embed;
    // An embedded post is content, not the share bar its name suggests.
    let strong = strong.filter(|&(k, _)| !(embed && k == Boilerplate::Share));
    let weak = weak.filter(|&(k, _)| !(embed && k == Boilerplate::Share));
    match (strong, weak) {
        (Some((k, why)), _) => Some((k, Strength::Strong, why)),
        (None, Some((k, why))) if !(class.content || id.content) => Some((k, Strength::Weak, why)),
        _ => None,
    }
}

/// The listed words of one class or id attribute: the first strong and the
/// first weak kind of boilerplate named (with the listed word that named it),
/// and whether a content word is there.
#[derive(Debug, Clone, Copy, Default)]
struct NameWords {
    strong: Option<(Boilerplate, &'static str)>,
    /// The first weak kind, and the listed word that gave it.
    weak: Option<(Boilerplate, &'static str)>,
    content: bool,
    embed: bool,
}

impl NameWords {
    fn of(name: Option<&str>) -> NameWords {
        let mut words = NameWords::default();
        let name = name.unwrap_or("");
        for token in name.split_ascii_whitespace() {
            if token.contains(CLASS_VARIANT_MARKS) {
                continue;
            }
            let own_state = state_is_own(token);
            class_words(token, |w| match class_word_index().get(w) {
                Some((_, Word::Content)) => words.content = true,
                Some((_, Word::Embed)) => words.embed = true,
                Some((_, Word::Boilerplate(..))) if !own_state && STATE_WORDS.contains(&w) => {}
                Some((_, Word::Boilerplate(kind, Strength::Strong, listed)))
                    if words.strong.is_none() =>
                {
                    words.strong = Some((kind, listed))
                }
                Some((_, Word::Boilerplate(kind, Strength::Weak, listed)))
                    if words.weak.is_none() =>
                {
                    words.weak = Some((kind, listed))
                }
                _ => {}
            });
        }
        words
    }
}

/// Whether a state word in the class name `token` (`hidden`) is the
/// element's own state: the name is the word alone, or the word after
/// prefixes that name the element itself (`is-hidden`), not a modifier of
/// something else (`overflow-hidden`, `hidden-xs`).
fn state_is_own(token: &str) -> bool {
    let mut others = false;
    class_words(token, |w| {
        if w.len() != token.len() && !STATE_WORDS.contains(&w) && !STATE_SELF_PREFIXES.contains(&w)
        {
            others = true;
        }
    });
    !others
}

/// [`NameWords`] of each distinct class attribute of the page, worked out
/// once: a page repeats its class lists (`menu-item menu-item-type-custom`
/// on every menu entry), so more than half of the lookups are repeats. Ids
/// are unique and are not kept.
#[derive(Default)]
struct ClassCache<'a>(HashMap<&'a str, NameWords, BuildHasherDefault<Fnv>>);

impl<'a> ClassCache<'a> {
    fn words(&mut self, class: Option<&'a str>) -> NameWords {
        match class {
            Some(class) => *self
                .0
                .entry(class)
                .or_insert_with(|| NameWords::of(Some(class))),
            None => NameWords::default(),
        }
    }
}

/// What a class word says: a kind of boilerplate, or that it names content.
#[derive(Clone, Copy)]
enum Word {
    /// The kind, how sure the word is, and the word as listed.
    Boilerplate(Boilerplate, Strength, &'static str),
    Content,
    /// An embedded post (`social-media-embed`): quoted content, though
    /// its wrapper is named like the share bar.
    Embed,
}

/// [`CLASS_WORDS`] and [`CONTENT_WORDS`] as one map, built once: every class
/// word of every element is looked up, so it hashes with FNV-1a, which is
/// several times cheaper than the default hasher on words this short, and
/// most words (`col`, `wrapper`, `md`) are turned away before hashing by a
/// bit set of the (length, first letter, last letter) of the listed words.
struct ClassWordIndex {
    words: HashMap<&'static str, Word, BuildHasherDefault<Fnv>>,
    shapes: [u64; SHAPE_BITS / 64],
}

/// Bits in [`ClassWordIndex::shapes`]: 5 bits each of length, first and last byte.
const SHAPE_BITS: usize = 1 << 15;

impl ClassWordIndex {
    fn shape(word: &[u8]) -> usize {
        match (word.first(), word.last()) {
            (Some(&first), Some(&last)) => {
                (word.len() & 31) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
            }
            _ => 0,
        }
    }

    /// The listed word equal to `word`, and what it says.
    fn get(&self, word: &str) -> Option<(&'static str, Word)> {
        let shape = Self::shape(word.as_bytes());
        if self.shapes[shape / 64] & (1 << (shape % 64)) == 0 {
            return None;
        }
        self.words.get_key_value(word).map(|(&w, &k)| (w, k))
    }
}

fn class_word_index() -> &'static ClassWordIndex {
    static INDEX: LazyLock<ClassWordIndex> = LazyLock::new(|| {
        let mut words: HashMap<_, _, BuildHasherDefault<Fnv>> = CLASS_WORDS
            .iter()
            .map(|&(word, kind, strength)| (word, Word::Boilerplate(kind, strength, word)))
            .collect();
        words.extend(CONTENT_WORDS.iter().map(|&w| (w, Word::Content)));
        words.extend(EMBED_WORDS.iter().map(|&w| (w, Word::Embed)));
        let mut shapes = [0; SHAPE_BITS / 64];
        for word in words.keys() {
            let shape = ClassWordIndex::shape(word.as_bytes());
            shapes[shape / 64] |= 1 << (shape % 64);
        }
        ClassWordIndex { words, shapes }
    });
    &INDEX
}

/// FNV-1a: a tiny, fast hash for short keys (not DoS-resistant; the keys are
/// our own word list, page words only look it up).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Evidence from words: a short, link-free label or heading that names a
/// block ("You May Also Like", "Leave a Reply", "Connect with us"); the kind
/// and the listed phrase that matched.
fn by_words(html: &Html, facts: &Facts, i: Ix) -> Option<(Boilerplate, &'static str)> {
    let f = &facts.nodes[i as usize];
    let heading = matches!(f.tag, Tag::Heading(_));
    let leaf = !f.tag.is_inline() && !f.has_block;
    // A heading may link its words ("Related coverage from <a>Money</a>");
    // another short block must not be a link itself.
    if !(heading || leaf) || f.text_len == 0 || (!heading && f.link_len * 2 > f.text_len) {
        return None;
    }
    if f.text_len as usize > BOILERPLATE_LINE_MAX_CHARS {
        return None;
    }
    label(&normalize(&facts.flat_text(html, i, &|_| false)))
}

/// What a short line of (normalized) text says it is, if it is a label:
/// a UI label or call to action, a related-block heading ("You may also
/// like"), or a comment-section heading ("Leave a reply", "Отзывы").
pub(crate) fn label_kind(text: &str) -> Option<Boilerplate> {
    label(text).map(|(kind, _)| kind)
}

/// [`label_kind`], with the listed phrase that matched.
pub(crate) fn label(text: &str) -> Option<(Boilerplate, &'static str)> {
    if let Some(found) = boilerplate_line(text) {
        return Some(found);
    }
    let bare = bare_heading(text)?;
    let bare = bare.as_str();
    if let Some(p) = RELATED_HEADINGS
        .iter()
        .find(|p| bare == **p || starts_phrase(bare, p))
    {
        return Some((Boilerplate::Related, p));
    }
    if let Some(p) = COMMENT_HEADINGS.iter().find(|p| bare == **p) {
        return Some((Boilerplate::Comments, p));
    }
    if let Some(p) = POPULAR_HEADINGS
        .iter()
        .find(|p| bare == **p || starts_phrase(bare, p))
    {
        return Some((Boilerplate::Navigation, p));
    }
    None
}

/// Whether the label at `i` is exactly a related-block heading (see
/// [`is_related_label`]), asked only of labels already read as related.
fn phrase_is_whole_label(html: &Html, facts: &Facts, i: Ix) -> bool {
    is_related_label(&normalize(&facts.flat_text(html, i, &|_| false)))
}

/// A heading's (normalized) text as the heading lists are written: no counts
/// ("12 Comments", "Comments (3)"), brackets or trailing punctuation; `None`
/// when it is too long to be a heading.
fn bare_heading(text: &str) -> Option<String> {
    if text.chars().count() > HEADING_MAX_CHARS {
        return None;
    }
    let bare: String = text
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '(' | ')' | '[' | ']' | '【' | '】'))
        .collect();
    Some(
        bare.trim()
            .trim_end_matches([':', '.', '!', '»', '›', '…'])
            .trim()
            .to_string(),
    )
}

/// Whether a line of (normalized) text is exactly a related-block heading,
/// not one that merely starts with the phrase: a label standing for the
/// teasers after it.
pub(crate) fn is_related_label(text: &str) -> bool {
    bare_heading(text).is_some_and(|bare| RELATED_HEADINGS.contains(&bare.as_str()))
}

/// A short block of chrome by its (normalized) words: a UI label standing
/// alone, or a call to action ("Click to comment", "Share this:"); the kind
/// and the listed phrase that matched. A UI label may end in a colon.
pub(crate) fn boilerplate_line(lower: &str) -> Option<(Boilerplate, &'static str)> {
    let bare = lower.strip_suffix(':').unwrap_or(lower).trim_end();
    UI_LABELS
        .iter()
        .find(|(label, _)| bare == *label)
        .or_else(|| {
            BOILERPLATE_LINES
                .iter()
                .find(|(phrase, _)| lower == *phrase || starts_phrase(lower, phrase))
        })
        .map(|&(phrase, kind)| (kind, phrase))
}

/// Whether `text` starts with `phrase` followed by a word boundary.
fn starts_phrase(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !c.is_alphanumeric())
}

/// Marks the block a label opens. From the label, climb while the parent adds
/// no prose and stays a small part of the page: the largest such ancestor is
/// the block. If the label sits directly among prose (an "Related" heading in
/// the article body), the block is the label and the siblings after it, up to
/// the next heading. Returns the nodes it marked, the block's head first.
fn mark_region(
    marks: &mut Marks,
    facts: &Facts,
    prose: &Prose,
    share: &dyn Fn(Ix) -> f32,
    (label, kind): (Ix, Boilerplate),
    lone_label: bool,
) -> Vec<Ix> {
    // An ad label or a widget's chrome names a box of its own: the box ends
    // before the sentences around it, however short they are (one-sentence
    // paragraphs hold little prose by length). Comment areas and related
    // blocks are made of sentences and teasers, and climb by prose alone.
    let box_only = matches!(kind, Boilerplate::Ads | Boilerplate::Other);
    let mut top = label;
    loop {
        let p = facts.nodes[top as usize].parent;
        if p == top
            || matches!(
                facts.nodes[p as usize].tag,
                Tag::Body | Tag::Main | Tag::Article
            )
            || prose.chars[p as usize]
                > prose.chars[label as usize] + WEIGHTS.region_max_prose_chars
            || (box_only
                && prose.sentences[p as usize]
                    > prose.sentences[label as usize] + WEIGHTS.label_box_max_sentences)
            || share(p) > WEIGHTS.region_max_share
        {
            break;
        }
        top = p;
    }
    // A heading among prose: its block runs to the next heading of the same
    // or a higher rank, or to the next paragraph of plain prose.
    let mut last = top;
    let heading = matches!(facts.nodes[label as usize].tag, Tag::Heading(_));
    if top == label && (heading || kind == Boilerplate::Related) {
        // A related label that is not a heading ("関連記事" in a div) ends at
        // any heading.
        let level = match facts.nodes[label as usize].tag {
            Tag::Heading(l) => l,
            _ => 6,
        };
        let parent_end = facts.nodes[facts.nodes[label as usize].parent as usize].end;
        let mut s = facts.nodes[label as usize].end;
        while s < parent_end {
            // The article goes on: the next heading, or prose without links
            // (a teaser's excerpt comes with its headline link).
            if matches!(facts.nodes[s as usize].tag, Tag::Heading(l) if l <= level)
                || (facts.nodes[s as usize].links == 0
                    && facts.nodes[s as usize].text_len >= WEIGHTS.sentence_min_chars)
            {
                break;
            }
            if facts.nodes[s as usize].tag != Tag::Text {
                last = s;
            }
            s = facts.nodes[s as usize].end;
        }
    }
    // Related blocks are made of links; a heading that merely starts with
    // "More" over prose is a section of the article.
    let (mut links, mut text, mut link_text) = (0, 0, 0);
    for s in siblings(facts, top, last) {
        let f = &facts.nodes[s as usize];
        (links, text, link_text) = (links + f.links, text + f.text_len, link_text + f.link_len);
    }
    // A label alone before one teaser: the teaser is its link, not a
    // sentence that cites one ("See also: for the full list, see <a>…</a>").
    let one_teaser = lone_label
        && links > 0
        && link_text as f32 >= WEIGHTS.teaser_min_link_density * text as f32;
    if kind == Boilerplate::Related && links < WEIGHTS.related_min_links && !one_teaser {
        return Vec::new();
    }
    let mut marked = Vec::new();
    if mark(marks, top, kind) {
        marked.push(top);
    }
    for s in siblings(facts, top, last).skip(1) {
        if marks.kind[s as usize].is_none() {
            marks.kind[s as usize] = Some(kind);
            marked.push(s);
        }
    }
    marked
}

/// The element siblings from `first` to `last`, both included.
fn siblings(facts: &Facts, first: Ix, last: Ix) -> impl Iterator<Item = Ix> + '_ {
    let mut s = first;
    std::iter::from_fn(move || {
        while s <= last {
            let cur = s;
            s = facts.nodes[s as usize].end;
            if facts.nodes[cur as usize].tag != Tag::Text {
                return Some(cur);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(src: &str) -> Vec<(String, Boilerplate)> {
        let html = Html::parse_document(src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        (0..facts.nodes.len() as Ix)
            .filter_map(|i| {
                let kind = marks.get(i)?;
                let el = facts.element(&html, i)?;
                let label = el
                    .value()
                    .attr("id")
                    .map(str::to_string)
                    .unwrap_or_else(|| el.value().name().to_string());
                Some((label, kind))
            })
            .collect()
    }

    const PROSE: &str = "The council met on Tuesday evening to discuss the new harbour \
        plan, which would move the ferry terminal two miles east and open the old quay \
        to houses, shops and a small park. Residents spoke for three hours, most of them \
        against the move, citing traffic, noise and the cost to the town's budget.";

    #[test]
    fn tags_and_roles_mark_navigation() {
        let src = format!(
            "<body><nav id=n><a href=/>Home</a></nav><div id=s role=search>Search</div>\
             <main><p>{PROSE}</p></main></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("n".into(), Boilerplate::Navigation)));
        assert!(got.contains(&("s".into(), Boilerplate::Navigation)));
    }

    #[test]
    fn class_words_give_the_kind() {
        let src = format!(
            "<body><div id=a class=entry-content><p>{PROSE}</p>\
             <div id=sh class=sharedaddy>Share</div></div>\
             <div id=c class=comments-area>Nice post</div>\
             <div id=r class=jp-relatedposts><a href=/x>Another story here</a></div></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("sh".into(), Boilerplate::Share)));
        assert!(got.contains(&("c".into(), Boilerplate::Comments)));
        assert!(got.contains(&("r".into(), Boilerplate::Related)));
        assert!(!got.iter().any(|(id, _)| id == "a"));
    }

    #[test]
    fn weak_words_yield_to_content_words() {
        let src = format!(
            "<body><div id=w class='elementor-widget-theme-post-content'><p>{PROSE}</p></div></body>"
        );
        assert!(marked(&src).is_empty());
    }

    #[test]
    fn a_paywall_wrapper_around_prose_is_content_but_a_banner_is_an_ad() {
        let src = format!(
            "<body><div><p>{PROSE}</p><div id=w class=paywall><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div id=b class=paywall>Subscribe to keep reading</div></div></body>"
        );
        assert_eq!(marked(&src), [("b".to_string(), Boilerplate::Ads)]);
    }

    #[test]
    fn links_to_the_previous_and_next_story_are_navigation() {
        let src = format!(
            "<body><article><p>{PROSE}</p><p>{PROSE}</p><div id=pn class=next-prev>\
             <a href=/a>Previous: The ferry timetable changes again</a>\
             <p>The timetable moves the first crossing to half past six.</p></div></article></body>"
        );
        assert_eq!(marked(&src), [("pn".to_string(), Boilerplate::Navigation)]);
    }

    #[test]
    fn a_word_around_most_of_the_page_is_its_layout_not_a_role() {
        let w =
            |id: &str| format!("<div id={id} class=builder-widget-container><p>{PROSE}</p></div>");
        let src = format!(
            "<body><div class=page>{}{}{}</div><div id=foot class=site-footer>\
             <a href=/a>About us</a> <a href=/b>Contact</a> Harbour Press Ltd</div></body>",
            w("w1"),
            w("w2"),
            w("w3")
        );
        // Another word still marks what it names.
        assert_eq!(
            marked(&src),
            [("foot".to_string(), Boilerplate::Navigation)]
        );
        // Around a small part of the page, the same word marks the block.
        let src = format!(
            "<body><div class=page><p>{PROSE}</p><p>{PROSE}</p></div>{}</body>",
            w("w1")
        );
        assert_eq!(marked(&src), [("w1".to_string(), Boilerplate::Navigation)]);
    }

    #[test]
    fn a_paywall_wrapper_of_short_paragraphs_is_content() {
        let short = "<p>The airline said the engine was hit by a bird on take-off and \
            the crew returned to the airport.</p>";
        let src = format!(
            "<body><div><p>{PROSE}</p><p>{PROSE}</p><div id=w class=paywall-article>\
             {short}{short}{short}{short}{short}{short}</div></div></body>"
        );
        assert!(marked(&src).is_empty());
    }

    #[test]
    fn a_modal_dialog_is_closed_whatever_it_holds() {
        let src = format!(
            "<body><article><p>{PROSE}</p><p>{PROSE}</p></article>\
             <div id=m role=dialog aria-modal=true><h2>Privacy policy</h2><p>{PROSE}</p></div></body>"
        );
        assert_eq!(marked(&src), [("m".to_string(), Boilerplate::Other)]);
    }

    #[test]
    fn a_consent_popup_is_an_ad_whatever_it_says_but_an_open_sheet_is_not() {
        let src = format!(
            "<body><article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>\
             <div id=m class='modal fade'><p>{PROSE}</p></div>\
             <div id=d role=dialog aria-modal=false><p>{PROSE}</p></div></body>"
        );
        assert_eq!(marked(&src), [("m".to_string(), Boilerplate::Ads)]);
    }

    #[test]
    fn a_code_blocks_toolbar_wrapper_is_content() {
        let src = format!(
            "<body><div><p>{PROSE}</p><div id=t class=code-toolbar><pre>let x = 1;</pre></div></div></body>"
        );
        assert!(marked(&src).is_empty());
    }

    #[test]
    fn the_wrapper_of_most_text_is_not_boilerplate() {
        let src = format!("<body><div id=w class='sidebar-layout'><p>{PROSE}</p></div></body>");
        assert!(marked(&src).is_empty());
    }

    #[test]
    fn a_state_word_inside_a_longer_class_name_is_a_modifier() {
        let p = format!("<p>{PROSE}</p>");
        let src = format!(
            "<body><div class=field--name-body><div id=f class='field field--label-hidden'>{p}</div>\
             <div id=o class='relative overflow-hidden'>{p}</div>\
             <div id=x class='hidden-xs'>{p}</div><div id=t class='block xl:hidden'>{p}</div>\
             <div id=a class='accordion__panel--hidden'>{p}</div>\
             {p}{p}\
             <div id=h class=hidden>{p}</div><div id=i class='panel is-hidden'>Close</div>\
             <span id=v class=visually-hidden>Opens in a new window</span></div></body>"
        );
        let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["h", "i", "v"]);
    }

    #[test]
    fn related_block_found_by_heading_words_alone() {
        let src = format!(
            "<body><div class=c1><div class=c2><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div id=rel class=c3><div class=c4>Read next</div>\
             <div class=c5><a href=/a>The ferry timetable changes again</a></div>\
             <div class=c5><a href=/b>Harbour master retires after forty years</a></div></div>\
             </div></body>"
        );
        assert!(marked(&src).contains(&("rel".into(), Boilerplate::Related)));
    }

    #[test]
    fn related_heading_inside_the_body_takes_its_list() {
        let src = format!(
            "<body><div id=body><p>{PROSE}</p><p>{PROSE}</p><h3 id=h>Lesen Sie auch</h3>\
             <ul id=l><li><a href=/a>Die Fähre fährt wieder</a></li>\
             <li><a href=/b>Der Hafen wird größer</a></li></ul></div></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("h".into(), Boilerplate::Related)));
        assert!(got.contains(&("l".into(), Boilerplate::Related)));
        assert!(!got.iter().any(|(id, _)| id == "body"));
    }

    #[test]
    fn an_embedded_post_is_not_the_share_bar() {
        let src = format!(
            "<body><article><p>{PROSE}</p><div id=bar class=social-share><a href=/s>Share</a></div>\
             <div id=post class=social-media-embed><blockquote class=twitter-tweet><p>Yes, this \
             is real.</p></blockquote></div><p>{PROSE}</p></article></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("bar".into(), Boilerplate::Share)), "{got:?}");
        assert!(!got.iter().any(|(id, _)| id == "post"), "{got:?}");
    }

    #[test]
    fn most_read_widgets_are_navigation_in_any_language() {
        for heading in ["Most popular", "Самые популярные диеты", "Meistgelesen:"]
        {
            let src = format!(
                "<body><div class=c1><div class=c2><p>{PROSE}</p><p>{PROSE}</p></div>\
                 <div id=pop class=c3><h3>{heading}</h3>\
                 <div class=c5><a href=/a>The ferry timetable changes again</a></div>\
                 <div class=c5><a href=/b>Harbour master retires after forty years</a></div></div>\
                 </div></body>"
            );
            assert!(
                marked(&src).contains(&("pop".into(), Boilerplate::Navigation)),
                "{heading}"
            );
        }
    }

    #[test]
    fn comment_form_and_calls_to_action() {
        let src = format!(
            "<body><article><p>{PROSE}</p></article><div id=cta>Click to comment</div>\
             <form id=f><textarea></textarea></form></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("f".into(), Boilerplate::Comments)));
        assert!(got.contains(&("cta".into(), Boilerplate::Comments)));
        let src = format!(
            "<body><article><p>{PROSE}</p><p id=sub>Click here to subscribe to The Harbour \
             Newsletter</p><p id=tip>If you enjoyed this article, consider a gift.</p>\
             <p>{PROSE}</p></article></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("sub".into(), Boilerplate::Ads)), "{got:?}");
        assert!(got.contains(&("tip".into(), Boilerplate::Ads)), "{got:?}");
    }

    #[test]
    fn calls_to_action_and_consent_placeholders_in_other_languages() {
        let src = format!(
            "<body><article><p>{PROSE}</p><div id=sub>Jetzt abonnieren und von der \
             Vorlesefunktion profitieren.</div><div id=embed class=c1><div>Empfohlener \
             redaktioneller Inhalt</div><div>An dieser Stelle findest du einen externen Inhalt \
             von YouTube.</div></div><p id=nl>Mit meiner Anmeldung zum Newsletter stimme ich der \
             Werbevereinbarung zu.</p><p>{PROSE}</p></article></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("sub".into(), Boilerplate::Ads)), "{got:?}");
        assert!(got.contains(&("embed".into(), Boilerplate::Ads)), "{got:?}");
        assert!(got.contains(&("nl".into(), Boilerplate::Ads)), "{got:?}");
    }

    #[test]
    fn an_ad_label_among_short_paragraphs_marks_itself_not_the_story() {
        // One-sentence paragraphs hold no prose by length; the label's box
        // still ends before them.
        let p = "Yangın, ekiplerin yaklaşık yarım saatlik çalışmasıyla söndürüldü ve yol açıldı.";
        let src = format!(
            "<body><div id=story><p>{p}</p><p>{p}</p><div id=ad><div>REKLAM</div></div>\
             <p>{p}</p><p>{p}</p></div><div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body>"
        );
        assert_eq!(marked(&src), [("ad".to_string(), Boilerplate::Ads)]);
    }

    #[test]
    fn a_lone_related_label_takes_its_single_teaser_but_not_a_sentence() {
        let src = format!(
            "<body><div class=c1><p>{PROSE}</p><div id=t class=c2><div>Lesen Sie auch</div>\
             <div><span>Hafen</span> <a href=/a>Die Fähre fährt wieder</a></div></div>\
             <div id=see class=c3><p>See also</p><p>For the full timetable of every crossing \
             this summer, see <a href=/t>Timetable</a>.</p></div><p>{PROSE}</p></div></body>"
        );
        let got = marked(&src);
        assert!(got.contains(&("t".into(), Boilerplate::Related)), "{got:?}");
        assert!(
            !got.iter().any(|(id, _)| id == "see" || id == "p"),
            "{got:?}"
        );
    }

    #[test]
    fn counts_regions_once() {
        let src = format!(
            "<body><div><p>{PROSE}</p><p>{PROSE}</p><h3>Related</h3><ul><li><a href=/a>A b c</a></li><li><a href=/b>D e f</a></li></ul>\
             </div><nav><ul><li><a href=/>Home</a></li></ul></nav></body>"
        );
        let html = Html::parse_document(&src);
        let facts = Facts::compute(&html);
        let marks = classify(&html, &facts);
        let s = marks.count(&facts, facts.body().unwrap());
        assert_eq!((s.related, s.navigation), (1, 1));
    }

    #[test]
    fn poster_profile_and_signature_are_boilerplate() {
        let post = |n: u32| {
            format!(
                "<div class=\"post bg{n}\"><div class=postbody><p class=author>by \
                 member{n} on Tue Aug 27, 2019</p><div class=content>{PROSE}</div>\
                 <div id=sig{n} class=signature>Proud owner of a 1972 Beetle.</div></div>\
                 <dl id=prof{n} class=postprofile><dt>member{n}</dt><dd>Posts: 4032</dd>\
                 <dd>Joined: Dec 11, 2021</dd></dl></div>"
            )
        };
        let src = format!("<body><div id=topic>{}{}</div></body>", post(1), post(2));
        let got = marked(&src);
        for id in ["sig1", "sig2", "prof1", "prof2"] {
            assert!(
                got.contains(&(id.into(), Boilerplate::Other)),
                "{id}: {got:?}"
            );
        }
        // The same word inside an answer's footer (`post-signature`) marks too.
        let src = format!(
            "<body><div class=answer><div class=s-prose><p>{PROSE}</p></div>\
             <div id=ps class=\"post-signature\">answered Jan 22, 2013 by someone</div>\
             </div></body>"
        );
        assert!(marked(&src).contains(&("ps".into(), Boilerplate::Other)));
    }
}
