//! The numbers that steer scoring: how much a block of text weighs, how much
//! of a container's score a child needs to become the article's root, and
//! the link densities past which prose becomes a link list.
//!
//! `content` scores with these; `classify` and `structure` read the shares
//! and densities that keep a boilerplate mark off the article itself.

use crate::page_type::PageType;

/// Weights and thresholds for finding and filtering the article.
pub(crate) struct Weights {
    /// A text block shorter than this (in non-space characters) counts only
    /// `short_block_factor` of its length when scoring where the article is:
    /// menus and labels are short, sentences are long.
    pub min_block_chars: u32,
    /// The share of its length a block shorter than `min_block_chars` counts for.
    pub short_block_factor: f32,
    /// Above `min_block_chars`, a block's characters weigh in proportion to
    /// its length up to this many: a paragraph of prose counts fully, a
    /// teaser's one-line excerpt only partly.
    pub full_block_chars: u32,
    /// Descend from a container into its child while the child holds at least
    /// this share of the container's content score.
    pub descend_share: f32,
    /// Failing that, descend into the child holding the headline while it
    /// holds at least this share.
    pub headline_descend_share: f32,
    /// A sibling of the article's root joins the article when it holds at
    /// least this share of the root's score …
    pub sibling_min_share: f32,
    /// … and no more than this share of its text is link text.
    pub sibling_max_link_density: f32,
    /// A sibling before the root (the standfirst, the intro a page builder
    /// set in a box of its own) joins at this smaller share: it is short
    /// beside the body, where what sits after the body is more often notes,
    /// credits and author boxes than the article.
    pub lead_sibling_min_share: f32,
    /// A paragraph whose share of link text is above this is a link list, not prose.
    pub max_paragraph_link_density: f32,
    /// A list whose share of link text is above this is navigation.
    pub max_list_link_density: f32,
    /// An article whose text (boilerplate left out) is at least this share
    /// link text is a listing: its link-dense blocks are kept, not dropped
    /// as link lists.
    pub listing_min_link_share: f32,
    /// A page whose content score is below this share of its text
    /// (boilerplate left out) is made of links: where its content is, is
    /// scored again with link text counted.
    pub listing_max_score_share: f32,
    /// A class/id match that is only weak is ignored when the element holds
    /// more than this share of the page's content score: it must be the article.
    pub weak_mark_max_share: f32,
    /// Any class/id match is ignored when the element holds more than this share.
    pub mark_max_share: f32,
    /// Weak matches of one kind are all ignored when the elements they mark
    /// hold more than this share of the page's text together: the word is
    /// the page's layout, repeated around every section, not a role.
    pub weak_kind_max_share: f32,
    /// A related link's text needs at least this many words (headlines, not labels).
    pub related_link_min_words: usize,
    /// A heading-introduced block is treated as a whole element only if the
    /// element's own prose (long, link-poor paragraphs) stays below this many chars.
    pub region_max_prose_chars: u32,
    /// A text block needs this many characters to count as prose when judging
    /// whether a container holds the article or only teasers and labels.
    pub prose_min_block_chars: u32,
    /// A link-free block of at least this many characters is a sentence of
    /// the article: a related block opened by a heading ends before it, and
    /// an element holding more than `region_max_prose_chars` of such
    /// sentences is not an ad, whatever its class says (`paywall-article`).
    pub sentence_min_chars: u32,
    /// A block opened by a label never grows past this share of the page's text.
    pub region_max_share: f32,
    /// A comment or related label heads the block after it: its block never takes a parent
    /// holding more than this many characters of text (links aside) before
    /// the label's part (a short Q&A answer above its "Comments").
    pub label_max_text_before: u32,
    /// A box named by an ad label or a widget's chrome ("Anzeige", "Jetzt
    /// abonnieren") holds at most this many sentences beside the label's own
    /// (a newsletter box's pitch): a container with more is the story around it.
    pub label_box_max_sentences: u32,
    /// A block opened by a related-content heading holds at least this many links …
    pub related_min_links: u32,
    /// … unless a label that is only the heading's words ("Lesen Sie auch")
    /// opens a single teaser: a block at least this share of whose text is
    /// link text (its headline), where a sentence citing a link has far less.
    pub teaser_min_link_density: f32,
    /// A related block with more links than this is a site-wide link farm;
    /// its links are not the article's related links.
    pub related_max_links: u32,
}

/// The weights pith runs with (see each field of [`Weights`] for why).
pub(crate) const WEIGHTS: Weights = Weights {
    min_block_chars: 25,
    short_block_factor: 0.2,
    full_block_chars: 250,
    descend_share: 0.65,
    headline_descend_share: 0.25,
    sibling_min_share: 0.1,
    sibling_max_link_density: 0.25,
    lead_sibling_min_share: 0.05,
    max_paragraph_link_density: 0.5,
    max_list_link_density: 0.6,
    listing_min_link_share: 0.5,
    listing_max_score_share: 0.2,
    weak_mark_max_share: 0.4,
    mark_max_share: 0.6,
    weak_kind_max_share: 0.4,
    related_link_min_words: 3,
    region_max_prose_chars: 400,
    prose_min_block_chars: 200,
    sentence_min_chars: 60,
    region_max_share: 0.35,
    label_max_text_before: 80,
    label_box_max_sentences: 2,
    related_min_links: 2,
    teaser_min_link_density: 0.3,
    related_max_links: 40,
};

/// Chinese and Japanese run words together: this many characters count as
/// one word when counting a link text's words against
/// [`Weights::related_link_min_words`].
pub(crate) const CJK_CHARS_PER_WORD: usize = 3;

/// A page whose body shows fewer characters of text than this without
/// scripts is read from its `<noscript>` contents when they show more: a
/// forum thread or an app's server-rendered view for crawlers, behind an
/// empty shell or a "Loading…" splash.
pub(crate) const NOSCRIPT_PAGE_MAX_CHARS: u32 = 200;

/// The headline's box before the article's root joins it whatever the
/// root's share when its content score is at least this: a summary of a
/// few full sentences under the title (a 250-character paragraph scores
/// 250, a 100-character line 40), not a title over a date line or a
/// one-line standfirst.
pub(crate) const HEADLINE_LEAD_MIN_SCORE: f32 = 250.0;

/// A standfirst (dek, intro) between the headline and the article's root,
/// when the headline's box does not join whole: up to this many short prose
/// blocks right after the headline join the article (an intro set apart
/// runs to several short paragraphs; the node budget below bounds the look).
pub(crate) const STANDFIRST_MAX_BLOCKS: usize = 8;

/// Pages whose text opens with the intro after the headline: a story's
/// standfirst, a reference page's or a service's summary set in the
/// title's box beside its buttons. A page of items opens with its items.
pub(crate) const STANDFIRST_PAGE_TYPES: &[PageType] = &[
    PageType::Article,
    PageType::Documentation,
    PageType::Service,
];

/// A standfirst sits in the headline's ancestor this many levels up (its
/// box, or the box around that): further off, a block is an author's box
/// or a summary panel beside the article.
pub(crate) const STANDFIRST_HEADLINE_LEVELS: usize = 2;

/// Nodes read after the headline while looking for its standfirst: the
/// look stays on the few blocks between the headline and the root.
pub(crate) const STANDFIRST_MAX_NODES: u32 = 48;

/// A standfirst block holds at least this many characters of text (a
/// sentence, not a byline or a date line) and at most the larger count
/// (an opening paragraph or two, not a block of the body set apart).
pub(crate) const STANDFIRST_MIN_CHARS: u32 = 40;
pub(crate) const STANDFIRST_MAX_CHARS: u32 = 600;

/// A standfirst block's link text is at most this share of its text (a
/// summary may link a name, a teaser is its link).
pub(crate) const STANDFIRST_MAX_LINK_SHARE: f32 = 0.2;

/// An article's `<p>`s set straight in the boxes above its root join it
/// from this many levels up at most (the root's parent, its grandparent,
/// …): the article's own box and the few around it, not the page's.
pub(crate) const PARAGRAPHS_ABOVE_MAX_LEVELS: usize = 6;

/// Such a `<p>` holds at least this many characters (a sentence, not a
/// date line or a "subscribers only" label).
pub(crate) const PARAGRAPHS_ABOVE_MIN_CHARS: u32 = 40;

/// After the root, a level's `<p>`s join only when at least this many are
/// there: the text going on past a block, not one closing line (a
/// disclosure, an update note).
pub(crate) const PARAGRAPHS_ABOVE_MIN_AFTER: usize = 2;

/// An intro set in a box of its own before the article's root, below the
/// headline's box, holds at most this many characters: an opening, not a
/// part of the page beside the article.
pub(crate) const INTRO_BOX_MAX_CHARS: u32 = 1500;

/// Such a box holds this many paragraphs at least, each of
/// [`INTRO_PARAGRAPH_MIN_CHARS`] or more, or a heading and one paragraph
/// (a section of its own): one paragraph alone is a standfirst, a quote
/// or a note, which readers count apart from the text.
pub(crate) const INTRO_BOX_MIN_PARAGRAPHS: usize = 2;
pub(crate) const INTRO_PARAGRAPH_MIN_CHARS: u32 = 100;

/// Such a box's content score is at least this share of its characters:
/// its text is mostly in paragraphs, not in labels, prices or short lines.
pub(crate) const INTRO_BOX_MIN_PROSE_SHARE: f32 = 0.45;

/// A sibling of the article's root of the root's own kind (tag and class
/// list) before it, under the headline, joins with this much of its text
/// link text at most: the body's first box, where a table of linked names
/// may hold more links than a sibling otherwise may.
pub(crate) const ALIKE_SIBLING_MAX_LINK_DENSITY: f32 = 0.5;

/// Siblings of one kind (tag and class list) that hold text are repeated
/// items (posts of a thread, cards of a listing) from this many on: the
/// article is all of them, not the longest.
pub(crate) const MIN_REPEATED_ITEMS: usize = 3;

/// A repeated item counts when its content score is at least this (a
/// 40-character line scores about 6, a 70-character sentence 20): a post or
/// a card's blurb, not a row of icons or a layout row holding a share bar.
pub(crate) const REPEATED_ITEM_MIN_SCORE: f32 = 8.0;

/// On a product or service page, how many levels above the root an
/// accordion's item (or a tab) is looked for: the panel's body wraps the
/// description in a few layers (region, padding, prose).
pub(crate) const PANEL_MAX_DEPTH: usize = 6;

/// On a product page, how many levels above the root its detail sections
/// ("Item specifics", "Description") are looked for: a shop's layout sets
/// them in another row or column than the buy box, a few wrappers up.
pub(crate) const DETAIL_SCOPE_MAX_DEPTH: usize = 12;

/// … when the root holds no block of more than this many characters of
/// words (link text and codes left out): a root with a paragraph of prose
/// is the product's description, one without is its buy box (price,
/// condition, shipping lines), and the description is elsewhere.
pub(crate) const DETAIL_ROOT_MAX_BLOCK_CHARS: u32 = 200;

/// A heading longer than this (non-space characters) is a sentence, not a
/// product's detail heading ("Product details").
pub(crate) const DETAIL_HEADING_MAX_CHARS: u32 = 48;

/// Regions marked as comments by their class words are weighed as a forum
/// thread only when they hold at least this share of the page's text.
pub(crate) const THREAD_MIN_TEXT_SHARE: f32 = 0.3;

/// … and they are the page's content (a thread, not comments under an
/// article) when what lies outside them scores at most this share of what
/// lies inside.
pub(crate) const THREAD_MAX_OUTSIDE_SHARE: f32 = 0.05;

/// … and on a page known to be a forum, when what lies outside them scores
/// at most this share of what lies inside: the question posted above the
/// replies' wrapper is outside, and a long question over a few short
/// replies may outweigh half of them. Where it outweighs all the replies,
/// the regions are more likely comments under each post (a Q&A page's) than
/// the replies themselves.
pub(crate) const FORUM_THREAD_MAX_OUTSIDE_SHARE: f32 = 1.0;

/// On a forum page, the root does not follow the headline into the question
/// when a child beside it (the replies' wrapper) holds at least this share
/// of the score: the thread is the question and its replies together.
pub(crate) const FORUM_REPLIES_HOLD_SHARE: f32 = 0.3;

/// On a page made of items (a forum thread, a listing, a collection), the
/// root descends into a child only while the child holds at least this share
/// of the score: the items are the content together, and the question
/// before the replies, or the heading and intro before the cards, hold a
/// part of it that an article's chrome would not.
pub(crate) const ITEMS_DESCEND_SHARE: f32 = 0.95;

/// On a service page (a landing page of features, steps and questions), the
/// root descends into a child only while the child holds at least this
/// share of the score: its sections are the content together, and one long
/// section (the questions, a slider) must not take the root from the rest.
pub(crate) const SERVICE_DESCEND_SHARE: f32 = 0.9;

/// A box around the article's root whose score is at most this multiple of
/// the root's adds next to nothing to it (a page builder's module box around
/// the body): the sections beside the box join the root as its own
/// siblings would.
pub(crate) const WRAPPER_MAX_SCORE_GAIN: f32 = 1.05;

/// A section after the wrappers around the article's root joins it with at
/// least this many blocks that read as a sentence: the article's questions
/// or its methodology run on for paragraphs, where a promotion or a contact
/// box after the body ("Work with us", "Become a partner") says its piece
/// in a line or two (measured on wcxb-dev: the sections gained held 3 to 19
/// sentences, the boxes lost 1 or 2).
pub(crate) const SECTION_MIN_SENTENCES: u32 = 3;

/// How many children of the root are read for [`QUESTIONS_CLASS_WORDS`]
/// (a block of questions names its items, `li.accordion-item`, as often as
/// itself): enough for a few items, few enough to cost nothing.
pub(crate) const QUESTIONS_CHILDREN_READ: usize = 4;

/// A region marked navigation by a class or id word, or hidden by a class
/// word, that holds more than this many characters of sentences is held as
/// a section of a landing page, kept if the page is a service page (a
/// feature section named after its tab menu, a folded answer). Lower than
/// `Weights::region_max_prose_chars`: a folded answer runs to a paragraph
/// or two (measured on wcxb-dev: 400 kept 7 pages' sections, 250 three
/// more, 150 began to show a page's hidden templates).
pub(crate) const LANDING_SECTION_MIN_PROSE_CHARS: u32 = 250;

/// Sentence text a box named a header (`layout__header`) must hold, with
/// the page's `h1`, to be the article's own head (the title and the
/// paragraphs that open the text) rather than the site's header, which
/// holds no sentences. More than a one-line intro (measured on wcxb-dev:
/// 400 kept 4 pages' openings, 250 two more, 150 began to keep promo
/// headers).
pub(crate) const ARTICLE_HEAD_MIN_PROSE_CHARS: u32 = 250;

/// Sentence text a box named a header must hold, after the page's `h1`, to
/// be the text's intro (a list article's `listicle-header`) rather than a
/// header of the page: more than a section's one-line lead.
pub(crate) const ARTICLE_INTRO_MIN_PROSE_CHARS: u32 = 250;

/// A weakly classed link (`a.tag-link` around a name in a sentence) in a
/// block with at least this many characters of its own unlinked text runs
/// in a sentence: the word names the link's look or target (the site's tag
/// page), and dropping it would cut words out of the sentence. A line of tags ("Tags: a, b, c") holds next to no
/// text of its own.
pub(crate) const RUNNING_TEXT_MIN_CHARS: u32 = 80;

/// The ARIA landmark a page declares its footer with: chrome however much
/// of the text it holds.
pub(crate) const PAGE_FOOTER_ROLE: &str = "contentinfo";

/// A region marked by a class or id word (a menu, a promotion) that holds
/// at least this many linked cards, each a link around a heading and at
/// least [`LANDING_CARD_MIN_DESCRIPTION_CHARS`] characters describing it,
/// is a landing page's grid of services, kept if the page is a service
/// page. A menu's links are names; a promotion bar is one offer.
pub(crate) const LANDING_CARDS_MIN: u32 = 3;

/// See [`LANDING_CARDS_MIN`]: the description beside a card's heading, a
/// line or two, not a "Learn more".
pub(crate) const LANDING_CARD_MIN_DESCRIPTION_CHARS: u32 = 40;

/// On a documentation page, the root descends into a child only while the
/// child holds at least this share of the score: a reference page's
/// sections (the intro, each class or option) are its content together, and
/// the longest of them must not take the root from the others.
pub(crate) const DOCUMENTATION_DESCEND_SHARE: f32 = 0.9;

/// On a product page, the root descends into a child only while the child
/// holds at least this share of the score: the buy box (name, price,
/// options, the short blurb) and the description and specifications below
/// it are the product together, and the longest of them (the description)
/// must not take the root from the rest.
pub(crate) const PRODUCT_DESCEND_SHARE: f32 = 0.8;

/// On a product page, a run of this many cards or more with a price (a
/// link, a heading or an image, and a price each) outside the block that
/// holds the product's name is the shop's other products ("Similar items",
/// "Customers also viewed", a sponsored carousel), not the product: it is
/// marked related, whatever its heading says. Cards without a price are the
/// product's own (its reviews, its gallery) …
pub(crate) const PRODUCT_ASIDE_MIN_CARDS: u32 = 3;

/// … when the cards hold at least this share of their parent's text: a
/// comparison table ("Which mat meets your needs?") sets the products it
/// compares as cards among many more cells of specifications, and is the
/// product's own.
pub(crate) const PRODUCT_ASIDE_MIN_CARD_SHARE: f32 = 0.5;

/// On a page of the listing or collection type, the article's links are
/// its content (link-dense lists and paragraphs kept) when they make at
/// least this share of its text; on other pages it takes
/// `listing_min_link_share`.
pub(crate) const LISTING_LINKS_MIN_SHARE: f32 = 0.2;

/// On a product page, the JSON-LD `Product.description` is added to the
/// body when it has at least this many characters …
pub(crate) const PRODUCT_DESCRIPTION_MIN_CHARS: usize = 60;

/// A body of fewer characters than this is next to empty (a page its
/// scripts fill, whose markup holds a few menu words): the page's meta
/// description, when it has [`PRODUCT_DESCRIPTION_MIN_CHARS`] or more, says
/// what the page holds better than nothing.
pub(crate) const EMPTY_BODY_MAX_CHARS: usize = 80;

/// … and fewer than this share of its words are in the text kept.
pub(crate) const PRODUCT_DESCRIPTION_SHOWN_SHARE: f32 = 0.6;

/// A section at least this long (non-space characters) that repeats, word
/// for word, a sibling before it is a copy laid out for another screen size
/// (a site builder's desktop, tablet and phone variants side by side, only
/// one shown at a time): the copy is left out. Shorter repeats (a button's
/// label, a marquee's word) are left to the other rules.
pub(crate) const COPY_MIN_CHARS: u32 = 100;

/// How many of the siblings before a section, of those that hold text,
/// are compared with it to find the section it copies.
pub(crate) const COPY_LOOKBACK: usize = 3;

/// A section shown on small screens only and one shown on large screens
/// only (see [`crate::heuristics::SMALL_SCREEN_ONLY_CLASSES`]) are the same
/// text laid out twice when the shorter holds at least this share of the
/// longer's characters: the phone's accordion drops the desktop's headings
/// into buttons, so the two are near copies, not word for word.
pub(crate) const SCREEN_COPY_MIN_RATIO: f32 = 0.85;

/// Of the words of the shorter of two such sections, at least this share
/// is found among the longer's words when the two are one text laid out
/// twice (each layout has a word or two of its own: a heading, a link).
pub(crate) const SCREEN_COPY_MIN_SHARED: f32 = 0.9;

/// How many wrappers deep (each holding all of the section's text) a
/// section's screen-size class is looked for: a site builder's component
/// wraps the block that carries it.
pub(crate) const SCREEN_CLASS_MAX_DEPTH: usize = 3;

/// A page of items (a listing, a collection) keeps its items where they
/// are: the page's largest run of cards, from this many cards on, is its
/// content even inside a region whose class or id words name navigation or
/// related links (`related-product`, `more-items`, `card-list`) …
pub(crate) const ITEM_GRID_MIN_CARDS: u32 = 3;

/// … when the cards' text is at least this many times the text the page
/// shows outside boilerplate: beside a body of text of its own (a shop's
/// buying guide under its grid), the page's content is that text, and the
/// marked run is its menu or its teasers after all.
pub(crate) const ITEM_GRID_MIN_SHARE: f32 = 3.0;

/// On a page of items, a boilerplate mark inside a card of its largest run
/// that holds at least this share of the card's text is the card's body,
/// named by a stray class word, and is lifted: the card is an item. A part
/// of a card (a share button, a badge) holds far less.
pub(crate) const GRID_CARD_MARK_MIN_SHARE: f32 = 0.5;

/// A page of items joins its largest run of cards to the article when the
/// root went elsewhere and the cards hold at least this much text: a grid
/// of a few bare thumbnails is a gallery, not the page's items.
pub(crate) const ITEM_GRID_JOIN_MIN_CHARS: u32 = 300;

/// … and at least this many times the non-link text of the parts the root
/// found: beside a story or a buying guide as long as the cards, the cards
/// are its teasers.
pub(crate) const ITEM_GRID_JOIN_MIN_SHARE: f32 = 1.5;

/// On a page of items, a section of the page's `<main>` that lies among the
/// article's parts (between a category's intro and its grid), or anywhere
/// beside a lone part (the carousels above a buying guide), and holds at
/// least this many links and images is a band of cards of its own (a "Top
/// rated" carousel, a sub-category's picks) and joins the parts …
pub(crate) const ITEM_SECTION_MIN_CARDS: u32 = 3;

/// … when at least this share of its text is link text: cards are links,
/// a band of prose with a few pictures is not.
pub(crate) const ITEM_SECTION_MIN_LINK_SHARE: f32 = 0.3;
