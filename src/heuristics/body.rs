//! What the article's own parts look like: captions and figures, photo
//! credits, kicker lines, inline "Related:" lines and the links that are
//! (or are not) related articles.
//!
//! `structure` reads these while it turns the article's subtree into
//! sections, blocks, captions and related links.

/// Headings of a documentation page's closing section that points the reader
/// on ("What's next", "Next steps"): the links of a list under one are
/// related pages, and the list stays in the text. Whole headings, normalized.
pub(crate) const NEXT_STEPS_HEADINGS: &[&str] = &[
    // English
    "what's next",
    "what’s next",
    "next steps",
    // German
    "nächste schritte",
    "wie geht es weiter",
    // French
    "étapes suivantes",
    "prochaines étapes",
    // Spanish
    "próximos pasos",
    "siguientes pasos",
    // Portuguese
    "próximas etapas",
    "próximos passos",
    // Italian
    "passaggi successivi",
    "prossimi passi",
    // Japanese, Chinese, Korean
    "次のステップ",
    "后续步骤",
    "下一步",
    "다음 단계",
];

/// Headings of a product's own detail sections ("Description", "Item
/// specifics", "About this item"; a marketplace's "Item description from
/// the seller"): on a product page such a section beside
/// the buy box the root chose, outside it, is the product's too. Matched
/// against the start of the normalized heading, up to a word's end ("Item
/// description from the seller", "Details & care").
pub(crate) const PRODUCT_DETAIL_HEADINGS: &[&str] = &[
    // English
    "description",
    "item description",
    "product description",
    "about this item",
    "about this product",
    "about the product",
    "item specifics",
    "specifications",
    "product specifications",
    "technical specifications",
    "tech specs",
    "technical details",
    "details",
    "product details",
    "product information",
    "product info",
    // WooCommerce's default tab of a product's attributes (size, colour,
    // material).
    "additional information",
    "at a glance",
    "key features",
    // German
    "beschreibung",
    "artikelbeschreibung",
    "produktbeschreibung",
    "artikelmerkmale",
    "produktdetails",
    "produktinformationen",
    "technische daten",
    // French
    "caractéristiques",
    "fiche technique",
    "détails",
    // Spanish
    "descripción",
    "características",
    "especificaciones",
    "detalles",
    "ficha técnica",
    // Italian
    "descrizione",
    "caratteristiche",
    "specifiche",
    "dettagli",
    "scheda tecnica",
    // Dutch
    "beschrijving",
    "specificaties",
    "kenmerken",
    "productinformatie",
    "omschrijving",
    // Portuguese
    "descrição",
    "especificações",
    "detalhes",
];

/// Prefixes of an inline "Related: <a>…</a>" line inside the body, matched
/// against the start of the line's normalized text.
pub(crate) const RELATED_INLINE_PREFIXES: &[&str] = &[
    // English
    "related:",
    "related post:",
    "related posts:",
    "related article:",
    "related story:",
    "related roundup:",
    "you may also like:",
    "recommended:",
    "read more:",
    "read also:",
    "also read:",
    "read next:",
    // A pointer to the next article of a series or a blog ("Up Next: <a>…</a>").
    "up next:",
    "next up:",
    "next article:",
    "next story:",
    "see also:",
    "more:",
    // German
    "lesen sie auch:",
    "mehr zum thema:",
    // French: typeset with and without the space before the colon.
    "à lire aussi :",
    "à lire aussi:",
    "lire aussi :",
    "lire aussi:",
    // Spanish
    "lee también:",
    "leer más:",
    // Italian
    "leggi anche:",
    // Portuguese
    "leia também:",
    "leia mais:",
    "veja também:",
    // Dutch
    "lees ook:",
    // Russian
    "читайте также:",
    // Polish
    "czytaj także:",
    // Indonesian
    "baca juga:",
];

/// Opening lines of a box of topic, tag, category or search links that
/// calls itself related ("Related Topics", "Related searches"): its links
/// name subjects of the site, not related pages. Matched on a related
/// box's normalized first line, whole or as its start.
pub(crate) const RELATED_TERM_HEADINGS: &[&str] = &[
    // English
    "related topics",
    "related tags",
    "related categories",
    "related searches",
    "related subjects",
    "related keywords",
    // German
    "verwandte themen",
    "verwandte suchanfragen",
    "ähnliche suchanfragen",
    "verwandte schlagwörter",
    "verwandte kategorien",
    "verwandte stichwörter",
    // French
    "sujets connexes",
    "sujets associés",
    "recherches associées",
    "tags associés",
    "catégories associées",
    "mots-clés associés",
    // Spanish
    "temas relacionados",
    "búsquedas relacionadas",
    "etiquetas relacionadas",
    "categorías relacionadas",
    "palabras clave relacionadas",
    // Italian
    "argomenti correlati",
    "ricerche correlate",
    "tag correlati",
    "categorie correlate",
    "parole chiave correlate",
    // Portuguese
    "tópicos relacionados",
    "pesquisas relacionadas",
    "tags relacionadas",
    "categorias relacionadas",
    "palavras-chave relacionadas",
    // Dutch
    "gerelateerde onderwerpen",
    "gerelateerde zoekopdrachten",
    "gerelateerde tags",
    "gerelateerde categorieën",
    "gerelateerde trefwoorden",
];

/// An inline "Related:" line is a line, not a paragraph that happens to
/// start with the word: longer text (in bytes) is prose.
pub(crate) const INLINE_RELATED_MAX_BYTES: usize = 300;

/// Query parameters that only tell the site where a click came from
/// (`?utm_source=…&utm_medium=related`), compared by prefix with each
/// parameter's name, lowercased: a link that differs from the page's own
/// address in these alone (and in its fragment) is a link to this page.
pub(crate) const TRACKING_QUERY_PREFIXES: &[&str] = &["utm_"];

/// Query parameters that hold a search's words (`/?s=kayak`,
/// `/search?q=…`), names compared whole, lowercased: a link with one runs a
/// search; its results are no related page. (A shop's own search keys are
/// left to the box's heading: "Related searches", [`RELATED_TERM_HEADINGS`].)
pub(crate) const SEARCH_QUERY_KEYS: &[&str] = &["q", "s", "query", "search", "keyword", "keywords"];

/// The most words (parts between hyphens) of a section page's address on
/// the site itself, one path segment of letters only (`/sci-tech`,
/// `/charts/`): an article's slug names its story in more words, or with
/// digits or a file extension.
pub(crate) const SECTION_SLUG_MAX_WORDS: usize = 2;

/// Class words of a link drawn as a button: with at most
/// [`BUTTON_MAX_WORDS`] words, a call to action, not a related headline.
pub(crate) const BUTTON_CLASS_WORDS: &[&str] = &["button", "btn"];

/// The most words of a call to action drawn as a button ("I'm Looking For
/// A Job"); a longer text on a button is a headline (a teaser's link styled
/// as one).
pub(crate) const BUTTON_MAX_WORDS: usize = 6;

/// URL path segments of archive pages, never a related article. Compared
/// with a link's first path segment, lowercased.
pub(crate) const ARCHIVE_PATH_SEGMENTS: &[&str] = &[
    "category",
    "categories",
    "tag",
    "tags",
    "author",
    "authors",
    "topic",
    "topics",
    "section",
    "page",
];

/// Attributes an image's address is read from, best first: lazy loaders keep
/// the real address in a `data-` attribute and a placeholder in `src`. (The
/// pre-parse scan drops other `data-` attributes, which nothing reads.)
pub(crate) const IMAGE_SOURCE_ATTRIBUTES: &[&str] =
    &["data-src", "data-lazy-src", "data-original", "src"];

/// How many ancestors up a caption outside `figure` looks for its image: a
/// `td.caption` sits in the row after the row holding the image.
pub(crate) const CAPTION_IMAGE_ANCESTORS: usize = 3;

/// On a page without an `article` element, how many ancestors up from the
/// body the lead image's caption is looked for: up to the box that holds
/// the headline too (`div.story > h1, div.image, div > div.body`).
pub(crate) const LEAD_CAPTION_ANCESTORS: usize = 3;

/// How many nodes back a short line of text looks for the image whose alt
/// text it repeats (`<div><img alt="The pier"></div><div>The pier</div>`):
/// the image's wrappers close in between, nothing more.
pub(crate) const ALT_CAPTION_LOOKBACK: u32 = 16;

/// … and that line has at least this many words: a one-word line under an
/// icon is the name of a feature, not a caption.
pub(crate) const ALT_CAPTION_MIN_WORDS: usize = 2;

/// Elements that embed a player (a video, a map, a post from elsewhere):
/// they are left out of the node table, so a line under one is found by
/// looking at the elements of the empty box it leaves.
pub(crate) const PLAYER_ELEMENTS: &[&str] = &["iframe", "video", "embed", "object"];

/// A heading level is the page's style for captions under players when
/// every heading of that level in the body sits right under a player, and
/// at least this many do: one heading after a video may just open the next
/// section.
pub(crate) const PLAYER_CAPTION_MIN_HEADINGS: usize = 2;

/// How many nodes back a heading looks for the player it sits under: the
/// player's boxes close and the heading's wrapper opens in between.
pub(crate) const PLAYER_CAPTION_LOOKBACK: u32 = 16;

/// Marks that set a credit off after the words of the alt text, in a line
/// under an image that repeats its alt ("A cross on a hill / Ann Smith /
/// Agency", "The pier (Photo: Agency)", "The pier | Agency").
pub(crate) const ALT_CAPTION_CREDIT_MARKS: &[char] = &['/', '|', '(', '[', '©', '-', '–', '—'];

/// How a caption that is only a photo credit starts ("Image: Agency"),
/// matched against its normalized text after any opening bracket.
pub(crate) const CREDIT_PREFIXES: &[&str] = &[
    // English
    "image:",
    "image credit",
    "photo:",
    "photo credit",
    "photograph:",
    "picture:",
    "credit:",
    "source:",
    // German, Dutch, Spanish, Italian, Portuguese, Polish
    "foto:",
    // German
    "bild:",
    // Any language
    "©",
    // Never matches: a line's opening brackets are dropped before the
    // comparison, so "(c) Agency" is compared as "c) agency". Kept to record
    // the intent; matching it would drop captions and lines kept today.
    "(c)",
    "getty images",
    // The "Credit...Photographer/Outlet" line some US papers set under images.
    "credit...",
];

/// Class words of the part of a caption that credits the image
/// (`span.credit`, `.image-copyright`, `.photographer`): it goes to the
/// caption's `credit`, apart from its `text`.
pub(crate) const CREDIT_CLASS_WORDS: &[&str] = &["credit", "credits", "copyright", "photographer"];

/// What video players and promo slots print where a caption would be: no
/// caption, matched against the whole normalized caption.
pub(crate) const CAPTION_PLACEHOLDERS: &[&str] = &[
    "media playback is unsupported on your device",
    "watch now",
    "play video",
    "watch video",
    "advertisement",
    "anzeige",
];

/// A credit is short; a longer caption that starts with "Photo:" describes.
pub(crate) const CREDIT_MAX_CHARS: usize = 60;

/// "Jason Doe/Agency": a name and an outlet joined by a slash, no sentence,
/// at most this many words, is a credit.
pub(crate) const CREDIT_SLASH_MAX_WORDS: usize = 5;

/// The most text a listing's card may show before its title heading and
/// still be titled by it: a badge over the title ("Sales end soon", "Just
/// added", "Almost full"), not a line of the card's own.
pub(crate) const ITEM_BADGE_MAX_CHARS: u32 = 24;

/// Marks that end a question (Latin, Greek, Arabic, full-width): a list
/// item headed by a question and holding its answer is a section of a list
/// of questions.
pub(crate) const QUESTION_MARKS: &[char] = &['?', ';', '\u{61f}', '\u{ff1f}'];

/// Kicker, category and date lines above a headline set as a plain block are
/// at most this long.
pub(crate) const KICKER_MAX_CHARS: usize = 60;

/// Nodes looked at inside a `<button>` for a `<figure>` or a heading: a
/// gallery opener wraps the article's image and its caption in a button, an
/// accordion's toggle its question, which are then read as part of the page
/// rather than dropped with the other controls.
pub(crate) const BUTTON_FIGURE_SCAN_NODES: usize = 64;

/// Nodes looked at inside the element before a hidden box for the
/// disclosure's toggle (an element with `aria-expanded` or
/// `aria-controls`): a heading or a box holding an accordion item's
/// toggle, whose hidden answer follows it and is shown as content.
pub(crate) const TOGGLE_SCAN_NODES: usize = 8;

/// How many nodes into a hidden tab's panel its opening heading is looked
/// for (a wrapper or two, then the heading and its text): a panel that
/// opens with a product detail's heading is the product's own tab.
pub(crate) const DETAIL_TAB_SCAN_NODES: usize = 8;

/// Tags that open a dropdown menu: a hidden box that starts with one,
/// after a toggle set in a box (not a heading), is the menu the toggle
/// drops, not an accordion's answer.
pub(crate) const DROPDOWN_MENU_TAGS: &[&str] = &["ul", "ol", "nav", "a"];

/// Levels looked down for a menu's tag: the box itself and its first
/// element, that element's first, and so on (`<div><div><ul>`).
pub(crate) const MENU_SCAN_DEPTH: usize = 4;

/// Prefixes of class names that say how text looks, not what it is: the
/// block editor's `has-caption-font-size` sets a small type size on any
/// paragraph (a price line, a card's blurb), not a caption.
pub(crate) const STYLE_CLASS_PREFIXES: &[&str] = &["has-"];

/// Class words of a caption element (`p.wp-caption-text`, `.caption`).
pub(crate) const CAPTION_CLASS_WORDS: &[&str] = &["caption", "figcaption"];

/// Class words of text set for screen readers only (`sr-only`,
/// `visually-hidden`, `screen-reader-text`, `rating__caption-sr`): inside a
/// caption it is a label ("Image:") read before the caption, not part of it;
/// an element so named is no caption (a product tile's spoken rating, "4
/// reviews with an average rating of 4.8"). Whole class names are looked up
/// too, so the hyphenated names match as written.
pub(crate) const SCREEN_READER_CLASS_WORDS: &[&str] = &[
    "sr",
    "sronly",
    "visually",
    "visuallyhidden",
    "screenreader",
    "screen-reader-text",
    "screen-reader-only",
];

/// Class words of a box holding an image and its caption. `wp-caption`
/// matches the whole class name (words are also looked up whole).
pub(crate) const FIGURE_CLASS_WORDS: &[&str] = &["wp-caption", "figure", "caption"];

/// A box of one image and one short text block is a figure and the text its
/// caption when the text is at most this long (and a caption element that
/// wraps blocks of text is a caption up to this length) …
pub(crate) const IMPLICIT_CAPTION_MAX_CHARS: usize = 300;

/// … and the image is not an icon or avatar (narrower than this, by its
/// `width` attribute).
pub(crate) const IMPLICIT_FIGURE_MIN_WIDTH: u32 = 150;

/// A list item with an image is a gallery's figure when its caption holds at
/// least this share of the item's text: a card whose caption is a line of it
/// (a product tile's screen-reader rating, "4 reviews") is an item whose
/// title, price and blurb are the content.
pub(crate) const GALLERY_CAPTION_MIN_SHARE: f32 = 0.5;

/// Labels that open a line of publication dates ("Stand: 28.04.2023 17:23
/// Uhr", "Published Jun 05, 2026"), matched against the start of a short
/// line that also holds a date or a time. English unless marked.
pub(crate) const DATE_LINE_LABELS: &[&str] = &[
    "published",
    "first published",
    "updated",
    "last updated",
    "posted on",
    // German
    "stand",
    "erstellt",
    "aktualisiert",
    "zuletzt aktualisiert",
    "veröffentlicht",
    "publiziert",
    // French
    "publié",
    "mis à jour",
    "modifié le",
    // Spanish, Portuguese
    "publicado",
    "actualizado",
    "atualizado",
    // Italian
    "pubblicato",
    "aggiornato",
    // Dutch
    "gepubliceerd",
    "bijgewerkt",
    // Swedish
    "publicerad",
    "uppdaterad",
    // Norwegian
    "publisert",
    "oppdatert",
    // Danish
    "udgivet",
    "opdateret",
    // Polish
    "opublikowano",
    "zaktualizowano",
    // Czech
    "publikováno",
    "aktualizováno",
    // Turkish
    "yayınlanma",
    "güncelleme",
    // Russian
    "опубликовано",
    "обновлено",
];

/// Words of a reading-time line ("6 minute read", "3 Min Lesezeit"), found
/// anywhere in a short line that holds a number. English unless marked.
pub(crate) const READING_TIME_PHRASES: &[&str] = &[
    "minute read",
    "minutes read",
    "min read",
    "mins read",
    "min. read",
    // German
    "lesezeit",
    "lesedauer",
    // French
    "temps de lecture",
    // Spanish
    "tiempo de lectura",
    // Italian
    "tempo di lettura",
    // Portuguese
    "tempo de leitura",
    // Dutch
    "leestijd",
    // Swedish
    "lästid",
    // Norwegian
    "lesetid",
    // Danish
    "læsetid",
    // Polish
    "czas czytania",
    // Turkish
    "okuma süresi",
    // Russian
    "время чтения",
];

/// A date line is short: longer text that holds a date is a sentence.
pub(crate) const DATE_LINE_MAX_CHARS: usize = 60;

/// A short line with a date or a time and no label is a date line when at
/// least this share of its visible characters are digits ("28.04.2023,
/// 19:25", "2024.03.17 08:00"); a sentence that names a year has far fewer.
pub(crate) const DATE_LINE_MIN_DIGIT_SHARE: f32 = 0.4;

/// An article has a date line or two (published, updated, reading time);
/// more are the dates of the posts or cards the page is made of, and stay.
pub(crate) const DATE_LINES_MAX: usize = 2;

/// A pseudo-heading, a paragraph that is nothing but one bold line
/// (`<p><strong>Why it matters</strong></p>`), is at most this long: longer
/// bold paragraphs are emphasis, not headings.
pub(crate) const PSEUDO_HEADING_MAX_CHARS: usize = 80;

/// A bold line whose label before a colon has at most this many words, and
/// more text after it ("Origin: Bulgaria"), is a field and its value, not a
/// heading.
pub(crate) const LABELLED_VALUE_MAX_LABEL_WORDS: usize = 3;

/// Elements that set a pseudo-heading's text bold.
pub(crate) const BOLD_TAGS: &[&str] = &["b", "strong"];

/// Class words of an inline element that stands for `strong`
/// (`<span class=strong>`), read for a bold line in running text. Not
/// `bold`: the utility classes (`font-bold`, `text--BOLD`) set the labels of
/// shop and page widgets bold too.
pub(crate) const BOLD_CLASS_WORDS: &[&str] = &["strong"];

/// Class words of an empty inline element that breaks the line the way
/// `br` does (`<span class="br"></span>`, drawn by the page's style sheet).
pub(crate) const LINE_BREAK_CLASS_WORDS: &[&str] = &["br"];

/// How a bold line ends when it is no heading: a sentence set bold for
/// emphasis, or a lead-in to the list under it ("How it works:").
pub(crate) const PSEUDO_HEADING_BAD_ENDINGS: &[char] = &['.', ':', ',', ';'];

/// How a line that trails off into the text under it ends when typed as
/// three dots (the ellipsis character is no [`PSEUDO_HEADING_BAD_ENDINGS`]
/// already). Not a sentence's end.
pub(crate) const ELLIPSIS: &str = "...";

/// The longest numbered tip (`<ul><li><strong>3. Read it aloud.</strong></li></ul>`)
/// read as a heading, in characters: a tip may be a whole sentence, longer
/// than a bold line, but not a paragraph.
pub(crate) const NUMBERED_TIP_MAX_CHARS: usize = 160;

/// The stops a numbered tip may end with outside its bold
/// (`<strong>5. Be specific</strong>.`).
pub(crate) const NUMBERED_TIP_STOPS: &[char] = &['.', '!', '?'];

/// The most digits of a tip's number ("12. Be specific").
pub(crate) const NUMBERED_TIP_MAX_DIGITS: usize = 2;

// --- Section headings as a reader sees them (structured fields) ---

/// The fewest words of a heading that repeats the page's meta description
/// and so is its standfirst set large (`<h2 class=lead-text>`), not a
/// section's title: a short heading may match a short description by chance.
pub(crate) const STANDFIRST_HEADING_MIN_WORDS: usize = 6;

/// The fewest lines (set apart by `<br>`) of the heading that opens an
/// article's body and sums the story up point by point
/// (`<h2>Rain-soaked rally<br>"The era of division ends"<br>…</h2>`): a
/// summary deck, not a section's title. A section's title is one line.
pub(crate) const SUMMARY_DECK_MIN_LINES: usize = 3;

/// How a heading ends when a sponsor paid for the block it heads
/// (`<h2>Acme: open-source tracing (Sponsored)</h2>`, a newsletter's
/// sponsor slot): a line of the text, not a section of the article.
pub(crate) const SPONSORED_HEADING_MARKS: &[&str] = &[
    "(sponsored)",     // English
    "(sponsor)",       // English
    "(advertisement)", // English
    "(anzeige)",       // German
    "(werbung)",       // German
    "(gesponsert)",    // German
    "(sponsorisé)",    // French
    "(publicité)",     // French
    "(patrocinado)",   // Spanish, Portuguese
    "(sponsorizzato)", // Italian
    "(gesponsord)",    // Dutch
    "(advertentie)",   // Dutch
    "(publicidad)",    // Spanish
    "(pubblicità)",    // Italian
    "(publicidade)",   // Portuguese
];

/// Headings of a table of contents: its list of links to the page's own
/// sections is the page's navigation, and so is its heading. Matched
/// against the whole heading, or its start when the list sits inside the
/// heading (`<h3><b>Table of contents</b><ul>…</ul></h3>`).
pub(crate) const TABLE_OF_CONTENTS_HEADINGS: &[&str] = &[
    // English
    "contents",
    "table of contents",
    "in this article",
    // German
    "inhalt",
    "inhaltsverzeichnis",
    // French
    "sommaire",
    "table des matières",
    // Spanish
    "contenido",
    "tabla de contenidos",
    "índice",
    // Italian
    "indice",
    "sommario",
    // Dutch
    "inhoud",
    "inhoudsopgave",
    // Portuguese
    "conteúdo",
];

/// Class words of a heading that names a post's author or their rank, not a
/// section: forum software sets each post's user name (`h4.message-name`,
/// `h3.ipsEntry__username`) and member title (`h5.userTitle`) as headings.
/// Matched on the heading and on the classes of the elements inside it.
pub(crate) const POSTER_HEADING_CLASS_WORDS: &[&str] = &[
    "username",
    "usertitle",
    "message-name",
    "postusername",
    "membername",
    "poster",
    "postauthor",
];

/// Class words of a box of one short line that a page styles as a section's
/// heading instead of using `h2`-`h6` (`div.pdp-title`,
/// `section.course_outline-title`, `span.section-heading`).
pub(crate) const HEADING_CLASS_WORDS: &[&str] = &["title", "heading", "headline", "subheading"];

/// Class words that style a box as a heading of a level (the CSS
/// frameworks' `.h2`, `.h3`: `<div class="hero-title h2"><p>Marine Star</p></div>`):
/// the page says the line looks like a heading, on a page of items too.
/// Not `h5`/`h6`, which style the small meta lines (dates, roles, credits).
pub(crate) const HEADING_LEVEL_CLASS_WORDS: &[&str] = &["h2", "h3", "h4"];

/// Whole class names of a hero banner's or a promo band's title line
/// (`<div class=hero-title><p>Marine Star</p></div>`): the big line a
/// landing or brand page heads each band with, styled as a heading like
/// [`HEADING_LEVEL_CLASS_WORDS`], on a page of items too (an item card's
/// name is not set in a hero).
pub(crate) const HERO_TITLE_CLASS_NAMES: &[&str] = &["hero-title", "banner-title", "hero-heading"];

/// Quotation marks that open a pull quote set as a heading, and those that
/// close its quoted words (straight, curly, low, guillemets).
pub(crate) const PULL_QUOTE_OPENERS: &[char] = &['"', '\u{201c}', '\u{201e}', '\u{ab}', '\u{bb}'];
pub(crate) const PULL_QUOTE_CLOSERS: &[char] = &['"', '\u{201d}', '\u{201c}', '\u{bb}', '\u{ab}'];

/// The closing marks that end a pull quote whose opening mark the page set
/// apart: typographic ones only, for a straight `"` also ends a size
/// (`65" Smart TV`, `Neo QLED 4K TV 65"`).
pub(crate) const PULL_QUOTE_TYPOGRAPHIC_CLOSERS: &[char] =
    &['\u{201d}', '\u{201c}', '\u{bb}', '\u{ab}'];

/// How a quote picked up mid-sentence opens: an ellipsis.
pub(crate) const PULL_QUOTE_EXCERPT_OPENERS: &[&str] = &["\u{2026}", "..."];

/// A heading that opens with a quotation mark is a pull quote (a line of
/// the story set large) when its quoted words run to at least this many:
/// a quoted title (`"Dune" review: …`) is a word or two.
pub(crate) const PULL_QUOTE_MIN_WORDS: usize = 6;

/// Elements whose text a reader does not see inside a heading set as a
/// toggle (`<h3><button><svg><title>Expand</title></svg>Pricing</button></h3>`):
/// an icon's title, scripts and styles.
pub(crate) const TOGGLE_TEXT_HIDDEN_TAGS: &[&str] =
    &["svg", "script", "style", "noscript", "template", "title"];

/// A heading inside a link to another page is a teaser card's headline
/// when the link is at most this many ancestors up (card markup nests the
/// headline a few boxes deep in the link; a link further up wraps a layout).
pub(crate) const TEASER_LINK_MAX_ANCESTORS: usize = 6;

/// Lists of links in an article's body give related links when they hold at
/// most this many in all: a few pointers to further reading, not an index
/// or a table of contents.
pub(crate) const RELATED_IN_BODY_MAX_LINKS: u32 = 8;

/// Page types made of cards: there a box of one image and one short line
/// is a card (a plan, a product, a listed item), not a figure and its
/// caption.
pub(crate) const CARD_PAGE_TYPES: &[crate::page_type::PageType] = &[
    crate::page_type::PageType::Product,
    crate::page_type::PageType::Collection,
    crate::page_type::PageType::Listing,
    crate::page_type::PageType::Service,
];

/// A run of printable ASCII longer than this, with no whitespace in it, is a
/// code rather than a word: an item or tracking ID strung to the next, a URL
/// or a file path spelled out on the page. Such runs are text a reader skips,
/// so they count for nothing as prose when the content root is chosen. Only
/// ASCII runs: Chinese, Japanese or Thai sentences have no spaces either.
pub(crate) const CODE_RUN_MIN_BYTES: usize = 60;

/// A paragraph whose text is at least this share UUIDs (bytes, spaces
/// included) is dropped: a label spelled out a letter at a time between
/// hidden UUIDs (a shop's "Sponsored", kept from filters so), which shows
/// the reader one word and the text a line of hex.
pub(crate) const UUID_LINE_MIN_SHARE: f32 = 0.9;

/// Labels of a forum post's meta lines that carry a value: the member card
/// beside a post ("Posts: 1,204", "Registered: 2016-07-02", "Joined: Mar
/// 2019") and the edit note under it ("Last edited: Jul 25, 2024"). Matched
/// against the start of a short line of a forum page that also holds a
/// digit, followed by a space or punctuation. English unless marked.
pub(crate) const FORUM_META_LABELS: &[&str] = &[
    "posts",
    "registered",
    "joined",
    "join date",
    "member since",
    "last edited",
    // German
    "beiträge",
    "registriert",
    "registriert seit",
    "mitglied seit",
    "dabei seit",
    "zuletzt bearbeitet",
    // French
    "inscrit",
    "inscrit le",
    "inscription",
    "membre depuis",
    "dernière modification",
    "dernière édition",
    // Spanish, Portuguese
    "registrado",
    "mensajes",
    "miembro desde",
    "última edición",
    "membro desde",
    "última edição",
    // Italian
    "iscritto",
    "iscritto il",
    "messaggi",
    "ultima modifica",
    // Dutch
    "lid sinds",
    "laatst bewerkt",
];

/// Whole short lines of a forum page that are a post's chrome: the
/// poster's presence, the thread starter's badge and the fold of a long
/// quote. Matched against the whole line. English unless marked.
pub(crate) const FORUM_META_LINES: &[&str] = &[
    "online",
    "offline",
    "logged",
    "thread starter",
    "original poster",
    // The badge on the thread starter's later posts.
    "author",
    "autor",        // German, Spanish, Portuguese
    "auteur",       // French
    "autore",       // Italian
    "topicstarter", // Dutch
    "op",
    // A link up to the post a reply quotes.
    "original post",
    "click to expand...",
    "click to expand…",
    // German
    "themenstarter",
    "klicken zum erweitern...",
    // French
    "auteur de la discussion",
    "cliquez pour agrandir...",
    // Spanish
    "autor del tema",
    "haz clic para expandir...",
];

/// Longest line (in characters) read as a forum post's meta line: a label
/// and its value ("Registered: 2016-07-02"), not a sentence that starts
/// with one.
pub(crate) const FORUM_META_LINE_MAX_CHARS: usize = 48;

/// A forum post's number line ("#12") has at most this many digits: a
/// thread of a million posts is numbered no further.
pub(crate) const POST_NUMBER_MAX_DIGITS: usize = 6;

/// A post's votes or replies counted on a line of their own ("67",
/// "1,046", "12.345") run to at most this many characters: a longer run of
/// digits and points is a date ("30.12.2023") or a version, not a count.
pub(crate) const POST_COUNT_MAX_CHARS: usize = 9;

/// On a page made of sections that point on (a service page, a
/// reference), a paragraph linked whole is a card's sentence, and content,
/// from this many characters (spaces not counted) on ("Automate your
/// workflows with rules that run on every update"); shorter, it is a button
/// ("Learn more", "Book a demo").
pub(crate) const LINKED_CARD_MIN_CHARS: u32 = 60;

/// Most words in the value of a forum meta line ("Jul 25, 2024 at 10:05"):
/// "Posts: 3 of them say the same" is a sentence.
pub(crate) const FORUM_META_VALUE_MAX_WORDS: usize = 5;

/// A quote on a forum page is read by its runs of this many words in a row:
/// long enough that two posts share one only when one quotes the other.
pub(crate) const QUOTE_SHINGLE_WORDS: usize = 8;

/// A quote on a forum page at least this share of whose runs of words the
/// text above already holds repeats a post shown above, and is dropped:
/// most of it, the quoted poster's name and the fold around it aside.
pub(crate) const QUOTE_MIN_SEEN_SHARE: f32 = 0.5;

/// On a collection page, a paragraph of at least this many bytes that the
/// text above already holds is a card's blurb printed again for another
/// layout and is dropped; a shorter line (a size, a colour) may stand twice.
pub(crate) const SHOP_REPEAT_MIN_CHARS: usize = 80;

/// The share of such a paragraph's runs of words (read as
/// [`QUOTE_SHINGLE_WORDS`] in a row) the text above must hold: nearly all,
/// as a copy holds them; a paragraph that only opens like another stays, and
/// so does the name of a second item that differs from the first by a word
/// ("… Projector", "… Projector - Open Box").
pub(crate) const SHOP_REPEAT_MIN_SEEN_SHARE: f32 = 0.9;

/// On a product page, a paragraph of at least this many bytes that the text
/// above mostly holds is the product's own copy printed again: a shop prints
/// its description, its feature bullets and its fit note once per layout or
/// tab (the summary, the full description, the brand's panel), often
/// reworded a little or cut short. Shorter than a sales line ("Holds 1-12
/// cards while remaining slim") a line may stand twice (a size, "In stock").
pub(crate) const PRODUCT_REPEAT_MIN_CHARS: usize = 50;

/// The share of such a paragraph's runs of words the text above must hold:
/// most of them, as on a forum ([`QUOTE_MIN_SEEN_SHARE`]); a page about one
/// product has no second item whose name or blurb could differ by a word.
pub(crate) const PRODUCT_REPEAT_MIN_SEEN_SHARE: f32 = 0.5;

/// A block beside the article's root with at least this many headings, all
/// but [`TEASER_MAX_UNLINKED_HEADINGS`] of them linked whole, is a run of
/// teasers (the blog's latest posts, "read this next" with their excerpts
/// and dates): its unlinked excerpts make it look like prose, but each
/// heading points to another page. Two linked headings may be a story's
/// own (a buying guide's picks).
pub(crate) const TEASER_MIN_HEADINGS: u32 = 3;

/// Headings of such a run that may stand unlinked: the run's own title
/// ("From the blog", "Read this next").
pub(crate) const TEASER_MAX_UNLINKED_HEADINGS: u32 = 1;

/// Headings of a call to action near the end of a page: a band that asks
/// the reader to get in touch, sign on or give ("Need guidance?", "How can
/// we help", "Are you ready?!"). Its text may be the page's, but it heads
/// no section of it; matched anywhere in the heading of one of the last
/// [`CALL_TO_ACTION_LAST_SECTIONS`] sections. Never a bare "questions":
/// an FAQ's own heading is a heading.
pub(crate) const CALL_TO_ACTION_HEADINGS: &[&str] = &[
    // English
    "need guidance",
    "need help",
    "need advice",
    "how can i help",
    "how can we help",
    "are you ready",
    "donate today",
    "donate now",
    "let us handle",
    "get in touch",
    // French
    "des questions sur",
    "vous avez des questions",
    "besoin d'aide",
    "besoin d'un conseil",
    // German
    "haben sie fragen",
    "noch fragen",
    "brauchen sie hilfe",
    // Spanish
    "necesitas ayuda",
    "tienes preguntas",
];

/// How many sections at the end of a page a call to action's heading may
/// open (the band, then at most a references or image-credits section).
pub(crate) const CALL_TO_ACTION_LAST_SECTIONS: usize = 3;
