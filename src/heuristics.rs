//! The words, class/id patterns, weights and thresholds pith decides with.
//!
//! Everything a rule of thumb depends on lives here, named and explained, so a
//! change of mind is a change of data. Phrases are matched against text that has
//! been lowercased and had its whitespace collapsed; class and id names are split
//! into words at `-`, `_`, digits and camelCase humps before they are looked up.

use crate::document::Boilerplate;

/// How sure a class/id word is about what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Decides on its own (`comments`, `related`, `share`).
    Strong,
    /// A hint that a content word in the same name (`content`, `article`, …)
    /// or a large share of the page's text overrules (`widget`, `header`).
    Weak,
}

/// Class/id words that name boilerplate. A name is split into words first, so
/// `post-comments` and `commentList` both yield `comment(s)`; whole names that
/// run words together (`relatedposts`) are listed as they appear.
pub(crate) const CLASS_WORDS: &[(&str, Boilerplate, Strength)] = {
    use Boilerplate::*;
    use Strength::*;
    &[
        // Navigation: menus, headers and footers of the site, sidebars, search.
        ("nav", Navigation, Strong),
        ("navbar", Navigation, Strong),
        ("navigation", Navigation, Strong),
        ("menu", Navigation, Strong),
        ("breadcrumb", Navigation, Strong),
        ("breadcrumbs", Navigation, Strong),
        ("sidebar", Navigation, Strong),
        ("masthead", Navigation, Strong),
        ("pagination", Navigation, Strong),
        ("pager", Navigation, Strong),
        ("skip", Navigation, Weak),
        ("search", Navigation, Weak),
        ("footer", Navigation, Weak),
        ("header", Navigation, Weak),
        ("widget", Navigation, Weak),
        ("trending", Navigation, Strong),
        ("popular", Navigation, Weak),
        ("topbar", Navigation, Strong),
        ("toolbar", Navigation, Weak),
        // Comments: lists, forms, counts.
        ("comment", Comments, Strong),
        ("comments", Comments, Strong),
        ("commentlist", Comments, Strong),
        ("respond", Comments, Strong),
        ("disqus", Comments, Strong),
        ("discussion", Comments, Weak),
        ("replies", Comments, Strong),
        // Related teasers tied to the article.
        ("related", Related, Strong),
        ("relatedposts", Related, Strong),
        ("yarpp", Related, Strong),
        ("recommended", Related, Strong),
        ("recommendations", Related, Strong),
        ("readmore", Related, Weak),
        ("more", Related, Weak),
        ("outbrain", Ads, Strong),
        ("taboola", Ads, Strong),
        // Share buttons.
        ("share", Share, Strong),
        ("sharing", Share, Strong),
        ("sharedaddy", Share, Strong),
        ("social", Share, Strong),
        ("sociallinks", Share, Strong),
        ("addthis", Share, Strong),
        // Ads, sponsors, sign-ups, banners over the page.
        ("ad", Ads, Strong),
        ("ads", Ads, Strong),
        ("adsense", Ads, Strong),
        ("advert", Ads, Strong),
        ("advertisement", Ads, Strong),
        ("sponsor", Ads, Strong),
        ("sponsored", Ads, Strong),
        ("publicidad", Ads, Strong),
        ("publicite", Ads, Strong),
        ("werbung", Ads, Strong),
        ("anzeige", Ads, Strong),
        ("promo", Ads, Weak),
        ("newsletter", Ads, Strong),
        ("subscribe", Ads, Weak),
        ("subscription", Ads, Weak),
        ("cookie", Ads, Strong),
        ("cookies", Ads, Strong),
        ("consent", Ads, Strong),
        ("gdpr", Ads, Strong),
        ("paywall", Ads, Strong),
        ("popup", Ads, Weak),
        ("modal", Ads, Weak),
        // Other: author boxes, meta lines, tag lists, hidden helpers.
        ("byline", Other, Strong),
        ("author", Other, Weak),
        ("bio", Other, Weak),
        ("meta", Other, Weak),
        ("tags", Other, Strong),
        ("tag", Other, Weak),
        ("categories", Other, Weak),
        ("copyright", Other, Strong),
        ("hidden", Other, Strong),
        ("hide", Other, Weak),
        ("print", Other, Weak),
        ("screen", Other, Weak),
        ("sr", Other, Weak),
        ("login", Other, Weak),
    ]
};

/// Class/id words of a wrapper around an embedded post (a tweet, an
/// Instagram post): what it quotes is part of the story, so share-bar words
/// in the same name (`social-media-embed`) do not make it boilerplate.
pub(crate) const EMBED_WORDS: &[&str] = &["embed", "embedded"];

/// Class/id words that say "this is the article". They overrule weak
/// boilerplate words in the same name (`elementor-widget-theme-post-content`).
pub(crate) const CONTENT_WORDS: &[&str] = &[
    "article", "content", "entry", "post", "story", "body", "main", "text", "blog",
    // Code blocks' wrappers: `code-toolbar` is the block, not a toolbar.
    "code",
];

/// Headings that open a related-content block, per language. Matched as the
/// whole heading or its start, so "You may also like these" matches too.
pub(crate) const RELATED_HEADINGS: &[&str] = &[
    // English
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "related posts",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related reading",
    "related",
    "read more",
    "read next",
    "read also",
    "also read",
    // "More from …", "More Washington Examiner", "More in Politics": a short
    // heading that starts with "more" (a related block must also be mostly links).
    "more",
    "more stories",
    "more on this",
    "more like this",
    "recommended",
    "up next",
    "further reading",
    "see also",
    "don't miss",
    "don’t miss",
    // German
    "lesen sie auch",
    "lesen sie mehr",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "mehr zum thema",
    "weitere artikel",
    "ähnliche artikel",
    "empfohlene artikel",
    "auch interessant",
    // French
    "vous aimerez aussi",
    "vous aimerez aussi :",
    "vous pourriez aussi aimer",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "à découvrir aussi",
    // Spanish
    "también te puede interesar",
    "te puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "lee también",
    "leer más",
    "más noticias",
    // Italian
    "potrebbe interessarti",
    "ti potrebbe interessare",
    "articoli correlati",
    "leggi anche",
    "potrebbe piacerti anche",
    // Portuguese
    "você também pode gostar",
    "você pode gostar",
    "voce pode gostar",
    "talvez você goste",
    "voce tambem pode gostar",
    "leia também",
    "leia mais",
    "notícias relacionadas",
    "artigos relacionados",
    "veja também",
    // German, more
    "weitere beiträge",
    "weitere beiträge zum thema",
    "verwandte artikel",
    "passend zum thema",
    // English, more
    "next article",
    "next story",
    "related coverage",
    "you might be interested in",
    "recommended for you",
    "recommended reading",
    // Russian
    "читайте также",
    "похожие статьи",
    "похожие записи",
    "рекомендуем",
    // Polish
    "czytaj także",
    "czytaj też",
    "zobacz także",
    "zobacz też",
    // Turkish
    "ilgili haberler",
    "bunlar da ilginizi çekebilir",
    // Indonesian
    "baca juga",
    "artikel terkait",
    "berita terkait",
    // Japanese, Chinese, Korean
    "関連記事",
    "おすすめ記事",
    "相关文章",
    "相關文章",
    "相关阅读",
    "推荐阅读",
    "관련기사",
    "관련 기사",
    // Dutch
    "lees ook",
    "lees meer",
    "gerelateerde artikelen",
    "gerelateerd",
    "dit vind je misschien ook leuk",
    "meer nieuws",
];

/// Prefixes of an inline "Related: <a>…</a>" line inside the body.
pub(crate) const RELATED_INLINE_PREFIXES: &[&str] = &[
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
    "see also:",
    "more:",
    "lesen sie auch:",
    "mehr zum thema:",
    "à lire aussi :",
    "à lire aussi:",
    "lire aussi :",
    "lire aussi:",
    "lee también:",
    "leer más:",
    "leggi anche:",
    "leia também:",
    "leia mais:",
    "veja também:",
    "lees ook:",
    "читайте также:",
    "czytaj także:",
    "baca juga:",
];

/// An inline "Related:" line is a line, not a paragraph that happens to
/// start with the word: longer text (in bytes) is prose.
pub(crate) const INLINE_RELATED_MAX_BYTES: usize = 300;

/// Headings of site-wide "most read" widgets: navigation, whatever article
/// they sit beside. Matched like comment headings (the whole heading, counts
/// and trailing punctuation removed).
pub(crate) const POPULAR_HEADINGS: &[&str] = &[
    "most popular",
    "most read",
    "most viewed",
    "popular posts",
    "popular articles",
    "popular stories",
    "trending now",
    "meistgelesen",
    "meistgelesene artikel",
    "les plus lus",
    "articles populaires",
    "lo más leído",
    "lo más visto",
    "più letti",
    "articoli popolari",
    "mais lidas",
    "mais lidos",
    "самые популярные",
    "популярное",
    "популярные статьи",
    "najpopularniejsze",
    "en çok okunanlar",
    "terpopuler",
    "人気記事",
    "热门文章",
];

/// Headings that open a comment section or form.
pub(crate) const COMMENT_HEADINGS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "write a comment",
    "comments",
    "comment",
    "join the discussion",
    "join the conversation",
    "responses",
    "kommentare",
    "kommentar schreiben",
    "schreibe einen kommentar",
    "commentaires",
    "laisser un commentaire",
    "ajouter un commentaire",
    "comentarios",
    "deja un comentario",
    "deja una respuesta",
    "commenti",
    "lascia un commento",
    "comentários",
    "deixe um comentário",
    "reacties",
    "laat een reactie achter",
    // Russian: "reviews" is what readers' comments are called on many sites.
    "комментарии",
    "отзывы",
    "оставить комментарий",
    "добавить комментарий",
    "оставьте комментарий",
    // Polish
    "komentarze",
    "dodaj komentarz",
    "zostaw komentarz",
    // Turkish
    "yorumlar",
    "yorum yap",
    // Indonesian
    "komentar",
    "tinggalkan komentar",
    "tinggalkan balasan",
    // Japanese, Chinese, Korean
    "コメント",
    "コメントを残す",
    "评论",
    "發表評論",
    "发表评论",
    "留言",
    "댓글",
];

/// Whole short blocks that are calls to action or chrome, by kind. Matched
/// against a block's entire text (or its start, for the longer sentences).
pub(crate) const BOILERPLATE_LINES: &[(&str, Boilerplate)] = {
    use Boilerplate::*;
    &[
        ("click to comment", Comments),
        ("leave a reply", Comments),
        ("leave a comment", Comments),
        ("your email address will not be published", Comments),
        ("required fields are marked", Comments),
        ("you must be logged in to post a comment", Comments),
        ("log in to comment", Comments),
        ("ihre e-mail-adresse wird nicht veröffentlicht", Comments),
        ("votre adresse e-mail ne sera pas publiée", Comments),
        (
            "tu dirección de correo electrónico no será publicada",
            Comments,
        ),
        ("hi, what are you looking for?", Navigation),
        ("connect with us", Navigation),
        ("follow us", Navigation),
        ("skip to content", Navigation),
        ("skip to main content", Navigation),
        ("share this:", Share),
        ("share this article", Share),
        ("share this story", Share),
        ("share on facebook", Share),
        ("share on twitter", Share),
        ("advertisement", Ads),
        ("anzeige", Ads),
        ("publicité", Ads),
        ("publicidad", Ads),
        ("sign up for our newsletter", Ads),
        ("subscribe to our newsletter", Ads),
        ("click here to subscribe", Ads),
        ("if you enjoyed this article", Ads),
        ("all rights reserved", Other),
    ]
};

/// Labels of page controls and widgets that are chrome when they stand alone
/// as a block, matched against the whole block only ("Close" starts plenty of
/// sentences).
pub(crate) const UI_LABELS: &[(&str, Boilerplate)] = {
    use Boilerplate::*;
    &[
        ("close", Other),
        ("caption", Other),
        ("enlarge", Other),
        ("expand", Other),
        ("print", Other),
        ("photo", Other),
        ("video", Other),
        ("loading...", Other),
        ("this slideshow requires javascript.", Other),
        ("advert", Ads),
        ("sponsored", Ads),
        ("share", Share),
        ("tweet", Share),
        ("email", Share),
        ("comments", Comments),
        ("explore further", Related),
    ]
};

/// Longest block (in characters) that a `BOILERPLATE_LINES` phrase may
/// condemn: a long paragraph that merely mentions "follow us" is content.
pub(crate) const BOILERPLATE_LINE_MAX_CHARS: usize = 160;

/// Longest text (in characters) that can be a heading naming a block.
pub(crate) const HEADING_MAX_CHARS: usize = 80;

/// Weights and thresholds for finding and filtering the article.
pub(crate) struct Weights {
    /// A text block shorter than this (in non-space characters) counts only
    /// `SHORT_BLOCK_FACTOR` of its length when scoring where the article is:
    /// menus and labels are short, sentences are long.
    pub min_block_chars: u32,
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
    /// least this share of the root's score and little link text.
    pub sibling_min_share: f32,
    pub sibling_max_link_density: f32,
    /// A paragraph whose share of link text is above this is a link list, not prose.
    pub max_paragraph_link_density: f32,
    /// A list whose share of link text is above this is navigation.
    pub max_list_link_density: f32,
    /// A class/id match that is only weak is ignored when the element holds
    /// more than this share of the page's content score: it must be the article.
    pub weak_mark_max_share: f32,
    /// Any class/id match is ignored when the element holds more than this share.
    pub mark_max_share: f32,
    /// A related link's text needs at least this many words (headlines, not labels).
    pub related_link_min_words: usize,
    /// A heading-introduced block is treated as a whole element only if the
    /// element's own prose (long, link-poor paragraphs) stays below this many chars.
    pub region_max_prose_chars: u32,
    /// A text block needs this many characters to count as prose when judging
    /// whether a container holds the article or only teasers and labels.
    pub prose_min_block_chars: u32,
    /// A link-free block of at least this many characters is a sentence of
    /// the article: a related block opened by a heading ends before it.
    pub sentence_min_chars: u32,
    /// A block opened by a label never grows past this share of the page's text.
    pub region_max_share: f32,
    /// A block opened by a related-content heading holds at least this many links.
    pub related_min_links: u32,
    /// A related block with more links than this is a site-wide link farm;
    /// its links are not the article's related links.
    pub related_max_links: u32,
}

pub(crate) const WEIGHTS: Weights = Weights {
    min_block_chars: 25,
    short_block_factor: 0.2,
    full_block_chars: 250,
    descend_share: 0.65,
    headline_descend_share: 0.25,
    sibling_min_share: 0.1,
    sibling_max_link_density: 0.25,
    max_paragraph_link_density: 0.5,
    max_list_link_density: 0.6,
    weak_mark_max_share: 0.4,
    mark_max_share: 0.6,
    related_link_min_words: 3,
    region_max_prose_chars: 400,
    prose_min_block_chars: 200,
    sentence_min_chars: 60,
    region_max_share: 0.35,
    related_min_links: 2,
    related_max_links: 40,
};

/// URL path segments of archive pages, never a related article.
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

/// How a caption that is only a photo credit starts ("Image: Agency").
pub(crate) const CREDIT_PREFIXES: &[&str] = &[
    "image:",
    "image credit",
    "photo:",
    "photo credit",
    "photograph:",
    "picture:",
    "credit:",
    "source:",
    "foto:",
    "bild:",
    "©",
    "(c)",
    "getty images",
];

/// A credit is short; a longer caption that starts with "Photo:" describes.
pub(crate) const CREDIT_MAX_CHARS: usize = 60;

/// "Jason Doe/Agency": a name and an outlet joined by a slash, no sentence,
/// at most this many words, is a credit.
pub(crate) const CREDIT_SLASH_MAX_WORDS: usize = 5;

/// Chinese and Japanese run words together: this many characters count as
/// one word when judging whether a link text is a headline.
pub(crate) const CJK_CHARS_PER_WORD: usize = 3;

/// How many elements of a form are looked at to tell a search box from a
/// comment form or a sign-up (the telling input comes early).
pub(crate) const FORM_MAX_ELEMENTS: usize = 200;

/// Words that introduce a byline rather than belong to it, lowercase, longest
/// first (English, German, French, Spanish/Portuguese, Italian, Dutch,
/// Scandinavian). Metadata strips them from author names; the body drops a
/// short line made of one of them and a capitalised name.
pub(crate) const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "words by",
    "text by",
    "authors",
    "author",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
];

/// A byline is a short line; a longer one starting with "By" is a sentence.
pub(crate) const BYLINE_MAX_CHARS: usize = 80;

/// Kicker, category and date lines above a headline set as a plain block are
/// at most this long.
pub(crate) const KICKER_MAX_CHARS: usize = 60;

/// Class words of a caption element (`p.wp-caption-text`, `.caption`).
pub(crate) const CAPTION_CLASS_WORDS: &[&str] = &["caption", "figcaption"];

/// Class words of a box holding an image and its caption.
pub(crate) const FIGURE_CLASS_WORDS: &[&str] = &["wp-caption", "figure", "caption"];

/// Classes that mark byline markup (metadata's author search).
pub(crate) const BYLINE_CLASSES: &[&str] = &["byline", "author", "author-name", "by-author"];

/// Class/id fragments of containers whose bylines are not the article's:
/// commenters and the authors of teasers for other articles.
pub(crate) const FOREIGN_BYLINE_CONTAINERS: &[&str] =
    &["comment", "related", "recommend", "teaser"];

/// A box of one image and one short text block is a figure and the text its
/// caption when the text is at most this long (and a caption element that
/// wraps blocks of text is a caption up to this length) …
pub(crate) const IMPLICIT_CAPTION_MAX_CHARS: usize = 300;

/// … and the image is not an icon or avatar (narrower than this, by its
/// `width` attribute).
pub(crate) const IMPLICIT_FIGURE_MIN_WIDTH: u32 = 150;
