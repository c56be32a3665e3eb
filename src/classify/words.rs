//! Class and id words: what the listed words of one `class` or `id`
//! attribute say about an element (which boilerplate kind, how sure, or that
//! it is content), looked up in one hashed index of [`CLASS_WORDS`] and
//! [`CONTENT_WORDS`] built once, and cached per distinct class list.

use super::*;

/// The listed words of one class or id attribute: the first strong and the
/// first weak kind of boilerplate named (with the listed word that named it),
/// and whether a content word is there.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct NameWords {
    pub(super) strong: Option<(Boilerplate, &'static str)>,
    /// The first weak kind, and the listed word that gave it.
    pub(super) weak: Option<(Boilerplate, &'static str)>,
    pub(super) content: bool,
    pub(super) embed: bool,
    /// The first kind named by a word of [`PRODUCT_CLASS_WORDS`].
    pub(super) product: Option<Boilerplate>,
    /// The first kind named by a word of [`ITEMS_CLASS_WORDS`].
    pub(super) items: Option<Boilerplate>,
    /// The first kind named by a word of [`ARTICLE_CLASS_WORDS`], and the word.
    pub(super) article: Option<(Boilerplate, &'static str)>,
}

impl NameWords {
    pub(super) fn of(name: Option<&str>) -> NameWords {
        let mut words = NameWords::default();
        let name = name.unwrap_or("");
        for token in name.split_ascii_whitespace() {
            if token.contains(CLASS_VARIANT_MARKS) {
                continue;
            }
            // Most tokens are no BEM name: their words go straight in.
            if !token
                .as_bytes()
                .windows(2)
                .any(|w| w == BEM_ELEMENT_MARK.as_bytes())
            {
                words.token(token);
                continue;
            }
            let mut own = NameWords::default();
            own.token(token);
            // A BEM name (`block__element`): the element names the thing,
            // the block only the component it belongs to, so a content word
            // of the block (`ipsEntry__author-column`) does not overrule the
            // element's word for a part about the post (its author, its meta
            // line). A page region's word (`article__footer`) is left to the
            // content word: such a block's footer is often the text's end.
            if own.content
                && let Some((_, element)) = token.rsplit_once(BEM_ELEMENT_MARK)
            {
                let mut part = NameWords::default();
                part.token(element);
                let about_post = |slot: Option<(Boilerplate, &str)>| {
                    slot.is_some_and(|(kind, _)| BEM_ELEMENT_KINDS.contains(&kind))
                };
                if !part.content && (about_post(part.strong) || about_post(part.weak)) {
                    own.content = false;
                }
            }
            words.merge(own);
        }
        words
    }

    /// Adds the words of another token: the first kind of each slot stays.
    fn merge(&mut self, other: NameWords) {
        if let Some((kind, listed)) = other.strong {
            self.strong.get_or_insert((kind, listed));
        }
        if let Some((kind, listed)) = other.weak {
            self.weak.get_or_insert((kind, listed));
        }
        self.content |= other.content;
        self.embed |= other.embed;
        if self.product.is_none() {
            self.product = other.product;
        }
        if self.items.is_none() {
            self.items = other.items;
        }
        if self.article.is_none() {
            self.article = other.article;
        }
    }

    /// Notes the listed words of one class or id token.
    fn token(&mut self, token: &str) {
        let words = self;
        {
            // Only asked when a state word is named (rarely): it splits the
            // token again.
            let mut own_state = None;
            // The previous word says the element has or lacks what the next
            // names (`has-sidebar`, `content-with-sidebar`, `no-comments`).
            let mut after_having = false;
            // The previous word is a size utility's axis (`max-w-screen-xl`).
            let mut after_axis = false;
            // A page region's word waiting for the next: a layout word after
            // it names the layout that holds the region (`sidebar-grid`).
            let mut held: Option<(Boilerplate, Strength, &'static str)> = None;
            class_words(token, |w| {
                if let Some((kind, strength, listed)) = held.take()
                    && !LAYOUT_WORDS.contains(&w)
                {
                    words.boilerplate(kind, strength, listed);
                }
                let had = std::mem::replace(&mut after_having, HAVING_WORDS.contains(&w));
                let sized = std::mem::replace(&mut after_axis, SIZE_AXIS_WORDS.contains(&w));
                match class_word_index().get(w) {
                    Some((_, Word::Content)) => words.content = true,
                    Some((_, Word::Embed)) => words.embed = true,
                    Some((_, Word::Product(kind))) if words.product.is_none() => {
                        words.product = Some(kind)
                    }
                    Some((_, Word::Items(kind))) if words.items.is_none() => {
                        words.items = Some(kind)
                    }
                    Some((listed, Word::Article(kind))) if words.article.is_none() => {
                        words.article = Some((kind, listed))
                    }
                    Some((_, Word::Boilerplate(..)))
                        if STATE_WORDS.contains(&w)
                            && !*own_state.get_or_insert_with(|| state_is_own(token)) => {}
                    Some((_, Word::Boilerplate(..))) if had => {}
                    Some((_, Word::Boilerplate(..))) if sized && SIZE_VALUE_WORDS.contains(&w) => {}
                    Some((_, Word::Boilerplate(kind, strength, listed)))
                        if REGION_WORDS.contains(&listed) =>
                    {
                        held = Some((kind, strength, listed))
                    }
                    Some((_, Word::Boilerplate(kind, strength, listed))) => {
                        words.boilerplate(kind, strength, listed)
                    }
                    _ => {}
                }
            });
            if let Some((kind, strength, listed)) = held {
                words.boilerplate(kind, strength, listed);
            }
        }
    }

    /// Notes a boilerplate word unless one of its strength came first.
    fn boilerplate(&mut self, kind: Boilerplate, strength: Strength, listed: &'static str) {
        let slot = match strength {
            Strength::Strong => &mut self.strong,
            Strength::Weak => &mut self.weak,
        };
        slot.get_or_insert((kind, listed));
    }
}

/// Whether a state word in the class name `token` (`hidden`) is the
/// element's own state: the name is the word alone, or the word after
/// prefixes that name the element itself (`is-hidden`), not a modifier of
/// something else (`overflow-hidden`, `hidden-xs`), nor glued to a
/// generated name (`hidden-12t0irv`, one breakpoint's copy of a section).
pub(super) fn state_is_own(token: &str) -> bool {
    let generated = token
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_alphabetic());
    let mut others = generated;
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
pub(super) struct ClassCache<'a>(HashMap<&'a str, NameWords, BuildHasherDefault<Fnv>>);

impl<'a> ClassCache<'a> {
    pub(super) fn words(&mut self, class: Option<&'a str>) -> NameWords {
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
pub(super) enum Word {
    /// The kind, how sure the word is, and the word as listed.
    Boilerplate(Boilerplate, Strength, &'static str),
    Content,
    /// An embedded post (`social-media-embed`): quoted content, though
    /// its wrapper is named like the share bar.
    Embed,
    /// Boilerplate of this kind on a product page only.
    Product(Boilerplate),
    /// Boilerplate of this kind on a listing or collection page only.
    Items(Boilerplate),
    /// Boilerplate of this kind on an article page only.
    Article(Boilerplate),
}

/// [`CLASS_WORDS`] and [`CONTENT_WORDS`] as one map, built once: every class
/// word of every element is looked up, so it hashes with [`Fnv`], which is
/// several times cheaper than the default hasher on words this short, and
/// most words (`col`, `wrapper`, `md`) are turned away before hashing by a
/// bit set of the (length, first letter, last letter) of the listed words.
pub(super) struct ClassWordIndex {
    words: HashMap<&'static str, Word, BuildHasherDefault<Fnv>>,
    shapes: [u64; SHAPE_BITS / 64],
}

/// Bits in [`ClassWordIndex::shapes`]: 5 bits each of length, first and last byte.
pub(super) const SHAPE_BITS: usize = 1 << 15;

impl ClassWordIndex {
    pub(super) fn shape(word: &[u8]) -> usize {
        match (word.first(), word.last()) {
            (Some(&first), Some(&last)) => {
                (word.len() & 31) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
            }
            _ => 0,
        }
    }

    /// The listed word equal to `word`, and what it says.
    pub(super) fn get(&self, word: &str) -> Option<(&'static str, Word)> {
        let shape = Self::shape(word.as_bytes());
        if self.shapes[shape / 64] & (1 << (shape % 64)) == 0 {
            return None;
        }
        self.words.get_key_value(word).map(|(&w, &k)| (w, k))
    }
}

/// Whether the class word `w` names an ad outright (`ad`, `sponsored`): a
/// strong [`Boilerplate::Ads`] word of [`CLASS_WORDS`].
pub(crate) fn is_strong_ad_word(w: &str) -> bool {
    matches!(
        class_word_index().get(w),
        Some((_, Word::Boilerplate(Boilerplate::Ads, Strength::Strong, _)))
    )
}

pub(super) fn class_word_index() -> &'static ClassWordIndex {
    static INDEX: LazyLock<ClassWordIndex> = LazyLock::new(|| {
        let mut words: HashMap<_, _, BuildHasherDefault<Fnv>> = CLASS_WORDS
            .iter()
            .map(|&(word, kind, strength)| (word, Word::Boilerplate(kind, strength, word)))
            .collect();
        words.extend(CONTENT_WORDS.iter().map(|&w| (w, Word::Content)));
        words.extend(EMBED_WORDS.iter().map(|&w| (w, Word::Embed)));
        words.extend(
            PRODUCT_CLASS_WORDS
                .iter()
                .map(|&(w, kind)| (w, Word::Product(kind))),
        );
        words.extend(
            ITEMS_CLASS_WORDS
                .iter()
                .map(|&(w, kind)| (w, Word::Items(kind))),
        );
        words.extend(
            ARTICLE_CLASS_WORDS
                .iter()
                .map(|&(w, kind)| (w, Word::Article(kind))),
        );
        let mut shapes = [0; SHAPE_BITS / 64];
        for word in words.keys() {
            let shape = ClassWordIndex::shape(word.as_bytes());
            shapes[shape / 64] |= 1 << (shape % 64);
        }
        ClassWordIndex { words, shapes }
    });
    &INDEX
}

/// The words of `text` (runs of letters and digits), each as a hash of its
/// lowercase letters: texts are compared word by word, case aside, without
/// building a string.
pub(crate) fn word_keys(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = Fnv::default();
            for c in w.chars().flat_map(char::to_lowercase) {
                h.write_u32(c as u32);
            }
            h.finish()
        })
}

/// A tiny, fast hash for short keys, eight bytes a step (multiply and rotate,
/// as FxHash does; not DoS-resistant: the keys are our own word list and the
/// page's class lists).
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a step: whole class lists are hashed too, and they run
        // to dozens of bytes.
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0; 8];
            w.copy_from_slice(word);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(w));
        }
    }

    fn finish(&self) -> u64 {
        // The multiply mixes upwards: bring the high bits down to the
        // bucket index.
        self.0 ^ self.0 >> 32
    }
}

impl Fnv {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x517c_c1b7_2722_0a95)
            .rotate_left(23);
    }
}

/// Which screens a responsive utility class shows an element on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Screen {
    Small,
    Large,
    /// Hidden at the breakpoints that a site builder's generated names
    /// list (`hidden-sz3upx hidden-sxxatw`), by a hash of that set: the
    /// sections of one page with other sets and the same other names are
    /// its other screens' variants. The second hash is of the other names.
    Variant(u64, u64),
    /// Hidden on every screen by a state class (`hide`, `hidden`): beside a
    /// shown section with the same text, the copy a script swaps in.
    Hidden,
}

/// What the responsive classes of one class attribute say: shown on small
/// screens only (`d-md-none`, `lg:hidden`, `mobile-only`), on large screens
/// only (`d-none d-md-block`, `max-md:hidden`, `hidden-xs`), or either.
pub(super) fn screen_only(class: &str) -> Option<Screen> {
    let (mut none, mut shown_from) = (false, false);
    for token in class.split_ascii_whitespace() {
        if SMALL_SCREEN_ONLY_CLASSES.contains(&token) {
            return Some(Screen::Small);
        }
        if LARGE_SCREEN_ONLY_CLASSES.contains(&token) {
            return Some(Screen::Large);
        }
        if token == "d-none" {
            none = true;
        } else if let Some((breakpoint, display)) = token
            .strip_prefix("d-")
            .and_then(|rest| rest.split_once('-'))
            && SCREEN_BREAKPOINTS.contains(&breakpoint)
        {
            if display == "none" {
                return Some(Screen::Small);
            }
            shown_from = true;
        } else if let Some((variant, "hidden")) = token.split_once(':') {
            if SCREEN_BREAKPOINTS.contains(&variant) {
                return Some(Screen::Small);
            }
            if variant
                .strip_prefix("max-")
                .is_some_and(|b| SCREEN_BREAKPOINTS.contains(&b))
            {
                return Some(Screen::Large);
            }
        }
    }
    if none && shown_from {
        return Some(Screen::Large);
    }
    // The set of generated `hidden-` names, in whatever order.
    let (mut variant, mut others) = (0u64, 0u64);
    for token in class.split_ascii_whitespace() {
        let mut h = Fnv::default();
        h.write(token.as_bytes());
        match token.strip_prefix(SCREEN_VARIANT_PREFIX) {
            Some(name) if !name.is_empty() => variant ^= h.finish() | 1,
            _ => others ^= h.finish(),
        }
    }
    if variant != 0 {
        return Some(Screen::Variant(variant, others));
    }
    class
        .split_ascii_whitespace()
        .any(|token| STATE_WORDS.contains(&token))
        .then_some(Screen::Hidden)
}
