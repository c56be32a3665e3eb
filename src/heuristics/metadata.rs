//! What the facts about the article look like where pages write them
//! loosely: bylines and the words around names.
//!
//! `metadata` reads these to find and clean authors; `structure` reads the
//! byline rules to drop a byline line from the body.

/// Words that introduce a byline rather than belong to it, lowercase. Where
/// one is the start of another, the longer comes first: the first that
/// matches is the one stripped. Metadata strips them from author names; the
/// body drops a short line made of one of them and a capitalised name.
pub(crate) const BYLINE_PREFIXES: &[&str] = &[
    // English
    "written by",
    "posted by",
    "words by",
    "text by",
    "authors",
    "author",
    "by",
    // German
    "von",
    // French
    "par",
    // Spanish, Portuguese
    "por",
    // Italian
    "di",
    // Dutch
    "door",
    // Swedish, Norwegian
    "av",
    // Danish
    "af",
];

/// A byline is a short line; a longer one starting with "By" is a sentence.
pub(crate) const BYLINE_MAX_CHARS: usize = 80;

/// Classes that mark byline markup (metadata's author search), compared
/// with each class name whole, ignoring ASCII case.
pub(crate) const BYLINE_CLASSES: &[&str] = &["byline", "author", "author-name", "by-author"];

/// Class/id fragments of containers whose bylines are not the article's:
/// commenters and the authors of teasers for other articles. Found anywhere
/// in the lowercased class or id (`recommend` in `recommendations`).
pub(crate) const FOREIGN_BYLINE_CONTAINERS: &[&str] =
    &["comment", "related", "recommend", "teaser"];

/// Characters that break a byline into pieces: they never sit inside one
/// name ("Ann Lee | 3 Feb 2022", "Ann Lee / Agency").
pub(crate) const BYLINE_PIECE_SEPARATORS: &[char] = &['\n', '|', '•', '·', ';', '/'];

/// Words joining several names in one byline, compared with each word of
/// the byline ignoring ASCII case.
pub(crate) const NAME_JOINERS: &[&str] = &[
    "and", // English
    "&",   // any language
    "und", // German
    "et",  // French
];

/// Job titles that follow names after a comma ("Ann Lee, Staff Writer"):
/// a piece that is one of these, whole and lowercased, is not a name.
/// English unless marked.
pub(crate) const AUTHOR_ROLES: &[&str] = &[
    "staff",
    "staff writer",
    "senior writer",
    "writer",
    "reporter",
    "staff reporter",
    "editor",
    "contributor",
    "contributing writer",
    "correspondent",
    "columnist",
    "guest author",
    "admin",
    "korrespondent",  // German
    "redakteur",      // German
    "correspondant",  // French
    "rédacteur",      // French
    "corresponsal",   // Spanish
    "corrispondente", // Italian
];

/// Words that mark a byline piece as a date, a count or a button, not a
/// name, compared with each of its lowercased words. English.
pub(crate) const NOT_NAME_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "read",
    "share",
    "follow",
    "comments",
    "comment",
    "ago",
    "min",
];

/// Longest name we believe, in characters: longer is a sentence.
pub(crate) const AUTHOR_NAME_MAX_CHARS: usize = 80;
/// Longest name we believe, in words.
pub(crate) const AUTHOR_NAME_MAX_WORDS: usize = 7;

/// Meta keys naming the author, after JSON-LD. `article:author` is often a
/// profile URL; the author rules drop those. Keys are lowercase, as the page
/// scan lowercases them.
pub(crate) const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
];

/// Meta keys for the publication date, after JSON-LD, in order of trust.
pub(crate) const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// Meta keys for the last modification, after JSON-LD, in order of trust.
pub(crate) const MODIFIED_METAS: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "http-equiv:last-modified",
    "dc.date.modified",
    "dcterms.modified",
];

/// Meta keys for the lead image, after `og:*` and before JSON-LD.
pub(crate) const IMAGE_METAS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];

/// Meta keys for the description, in order of trust, before JSON-LD.
pub(crate) const DESCRIPTION_METAS: &[&str] =
    &["description", "og:description", "twitter:description"];

/// Class fragments of a `<time>` (or microdata date) that say it is the
/// modification date (`post-updated`, `date-modified`), found anywhere in
/// the lowercased class attribute.
pub(crate) const MODIFIED_DATE_CLASSES: &[&str] = &["updated", "modified"];

/// Class fragments of a `<time>` that say it is the publication date.
pub(crate) const PUBLISHED_DATE_CLASSES: &[&str] = &["published"];

/// Tags longer than this (in characters) are sentences, not tags.
pub(crate) const TAG_MAX_CHARS: usize = 100;
/// Tags kept per page; keyword-stuffed heads list hundreds.
pub(crate) const MAX_TAGS: usize = 100;

/// Years outside this range are CMS placeholders (`0001-01-01`) or typos, not dates.
pub(crate) const DATE_YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;

/// Month names and their common abbreviations, with the month number,
/// compared with a date's lowercased words (a trailing `.` removed). English.
pub(crate) const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Time zone names that are unambiguous enough to read as an offset (in
/// minutes), compared with the lowercased zone. `EST` or `IST` name several
/// zones, so they are not listed.
pub(crate) const ZONE_NAMES: &[(&str, i32)] = &[("z", 0), ("utc", 0), ("gmt", 0), ("ut", 0)];

/// JSON-LD `@type`s that are the article itself, after any
/// `http://schema.org/` prefix is removed. Types ending in `Article`
/// (NewsArticle, ReportageNewsArticle, TechArticle, …) count too, so none is
/// listed. Compared case-sensitively, as schema.org spells them.
pub(crate) const JSONLD_ARTICLE_TYPES: &[&str] = &[
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Report",
    "Review",
    "Recipe",
];

/// Separators between a headline and the site name in a title, longest
/// first where one contains another. They carry their spaces: a hyphen
/// inside a word (`e-mail`) separates nothing.
pub(crate) const TITLE_SEPARATORS: &[&str] = &[" | ", " :: ", " - ", " — ", " – ", " · ", " • "];

/// Separators used for site names and almost never inside a headline: a
/// trailing segment after them may be dropped from `og:title` even when we
/// cannot tell it is the site. Each is one of [`TITLE_SEPARATORS`].
pub(crate) const TITLE_SITE_SEPARATORS: &[&str] = &[" | ", " :: ", " · ", " • "];

/// A trailing title segment longer than this many words is part of the
/// headline, not a site name.
pub(crate) const SITE_NAME_MAX_WORDS: usize = 6;

/// Host labels that say nothing about which site it is, so they are not
/// looked for in a title's tail.
pub(crate) const GENERIC_HOST_LABELS: &[&str] = &[
    "www", "com", "net", "org", "co", "news", "blog", "blogs", "amp", "mobile",
];

/// Class words of a part of an `h1` that is not the headline itself: the
/// kicker or topline above it, the subtitle or tagline after it ("Tuition and
/// Fees" + "Consistent rates for a decade"). Their text stays out of the title.
pub(crate) const HEADLINE_ASIDE_CLASS_WORDS: &[&str] = &[
    "subtitle",
    "subheadline",
    "subhead",
    "kicker",
    "eyebrow",
    "overline",
    "topline",
    "dachzeile",
    "tagline",
    "strapline",
];

/// Title candidates longer than this (in bytes) are not headlines.
pub(crate) const TITLE_MAX_BYTES: usize = 1000;

/// How much visible text (in bytes) to hand the language detector; more
/// adds time, not accuracy.
pub(crate) const LANGUAGE_DETECT_TEXT_BYTES: usize = 1024;
/// Less visible text than this (in letters) is too little to tell a language by.
pub(crate) const LANGUAGE_DETECT_MIN_CHARS: usize = 40;

/// Microdata `itemprop`s that state a price: price markup of a product or
/// offer. Compared case-insensitively, schema.org's spelling kept.
pub(crate) const PRICE_ITEMPROPS: &[&str] = &["price", "lowPrice", "highPrice", "priceCurrency"];
