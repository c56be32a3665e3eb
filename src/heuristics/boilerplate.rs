//! What names boilerplate: class/id words and the phrases of labels,
//! headings and calls to action that tell navigation, comments, related
//! teasers, share bars and ads from the article.
//!
//! `classify` reads these to mark blocks; `structure` asks the same label
//! rules again for blocks it meets inside the article.

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
/// run words together (`relatedposts`) are listed as they appear. Mostly
/// English, as markup is; the few words of other languages say which.
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
        // Menus named in one run-together word, which is not split: the
        // menu's place or kind before it (`megamenu`, `offcanvasmenu`,
        // `mobmenu`), its parts after it (`menuwrap`, `menuitem`).
        ("megamenu", Navigation, Strong),
        ("submenu", Navigation, Strong),
        ("sidemenu", Navigation, Strong),
        ("topmenu", Navigation, Strong),
        ("mainmenu", Navigation, Strong),
        ("navmenu", Navigation, Strong),
        ("mobilemenu", Navigation, Strong),
        ("mobmenu", Navigation, Strong),
        ("offcanvasmenu", Navigation, Strong),
        ("menuwrap", Navigation, Strong),
        ("menuwrapper", Navigation, Strong),
        ("menuitem", Navigation, Strong),
        ("toolbar", Navigation, Weak),
        // Links to the previous and next story or page (`next-prev`,
        // `pager-prev`); `next` alone names too much else (`__next`, a
        // framework's root) to be listed.
        ("prev", Navigation, Weak),
        ("previous", Navigation, Weak),
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
        // Recommendation networks: their "related" boxes are paid placements.
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
        // Spanish
        ("publicidad", Ads, Strong),
        // French ("publicité" without its accent, as class names are ASCII)
        ("publicite", Ads, Strong),
        // German
        ("werbung", Ads, Strong),
        ("anzeige", Ads, Strong),
        ("promo", Ads, Weak),
        ("newsletter", Ads, Strong),
        // A sign-up box in the text (`newsletter-signup`, `replay-signup`);
        // weak, as a sign-up page's own form is its content.
        ("signup", Ads, Weak),
        ("subscribe", Ads, Weak),
        ("subscription", Ads, Weak),
        ("cookie", Ads, Strong),
        ("cookies", Ads, Strong),
        ("consent", Ads, Strong),
        ("gdpr", Ads, Strong),
        ("paywall", Ads, Strong),
        ("popup", Ads, Weak),
        ("modal", Ads, Weak),
        ("tooltip", Ads, Weak),
        // Other: author boxes, meta lines, tag lists, hidden helpers.
        ("byline", Other, Strong),
        ("author", Other, Weak),
        ("bio", Other, Weak),
        ("meta", Other, Weak),
        ("tags", Other, Strong),
        ("tag", Other, Weak),
        ("categories", Other, Weak),
        ("copyright", Other, Strong),
        // Fine print set apart from the text (investment and medical
        // notices, offer terms); see FINE_PRINT_WORDS for when it marks.
        ("disclaimer", Other, Strong),
        ("disclaimers", Other, Strong),
        ("hidden", Other, Strong),
        // `hide` alone is the same state (display: none in the common CSS
        // frameworks); inside a longer name (`hide-mobile`) it is a
        // modifier, see STATE_WORDS.
        ("hide", Other, Strong),
        // A site builder's element hidden by a condition on its data (a
        // copy of the text for members, shown to them only), matched as
        // the whole class name: `invisible` alone is a slider's state
        // until its script runs.
        ("w-condition-invisible", Other, Strong),
        // The same builder's messages after a form is sent ("Thank you! Your
        // submission has been received!", "Oops! Something went wrong"),
        // hidden until then; whole class names too.
        ("w-form-done", Other, Strong),
        ("w-form-fail", Other, Strong),
        ("print", Other, Weak),
        ("screen", Other, Weak),
        ("sr", Other, Weak),
        ("login", Other, Weak),
        // The poster's card beside a forum post (rank, post count, join date,
        // location) and the signature under it: about the member, not the
        // thread. `post-signature` must still mark, hence strong words. French
        // news sites name their byline `signature`: boilerplate of the same kind.
        ("postprofile", Other, Strong),
        ("signature", Other, Strong),
        // The same card's parts where a forum names them one by one: the
        // member's rank (`userTitle`), a banner ("Original poster", "Staff"),
        // the stats under the name (`message-userExtras`: joined, messages,
        // reaction score) and the row of badges ("Science Advisor"); not
        // `badge` alone, which also styles a product's or a card's title. The
        // poster's name beside them stays.
        ("usertitle", Other, Strong),
        ("userbanner", Other, Strong),
        ("message-userextras", Other, Strong),
        // The same stats as other forum engines name them: `extraUserInfo`
        // (its pairs "Messages:", "Likes Received:", "Trophy Points:"),
        // `userinfo_extra` around a `userstats` list ("Join Date", "Posts").
        ("extrauserinfo", Other, Strong),
        ("userinfo_extra", Other, Strong),
        ("userstats", Other, Strong),
        ("threadstarter", Other, Strong),
        ("badges", Other, Strong),
        // A news story's fact box: background set beside the text (key
        // figures, "Fakta om ..."), not the story; Norwegian and Danish
        // `faktaboks`, German `faktenbox`. (An `infobox` is not listed: on
        // other pages it is the content, a product's or a service's.)
        ("factbox", Other, Strong),
        ("fact-box", Other, Strong),
        ("faktaboks", Other, Strong),
        ("faktenbox", Other, Strong),
    ]
};

/// Class/id words that name boilerplate on a product page only: its
/// customers' reviews (the product's text is the shop's description and
/// specifications, not what buyers wrote about it). On other pages a
/// `review` is the content (a critic's review), so these wait for the page
/// type. Strong: a review list may hold more text than the description.
pub(crate) const PRODUCT_CLASS_WORDS: &[(&str, Boilerplate)] = &[
    ("review", Boilerplate::Comments),
    ("reviews", Boilerplate::Comments),
];

/// Class/id words that name navigation on a page of items (a listing, a
/// collection) only: the filters and facets that narrow its items, which
/// are chrome there beside the items they narrow. On other pages the words
/// name too much else (a photo filter, a search page's own form) to be
/// listed. A name with a content word (`filter-results`) is the items.
pub(crate) const ITEMS_CLASS_WORDS: &[(&str, Boilerplate)] = &[
    ("filter", Boilerplate::Navigation),
    ("filters", Boilerplate::Navigation),
    ("facet", Boilerplate::Navigation),
    ("facets", Boilerplate::Navigation),
    ("refinement", Boilerplate::Navigation),
    ("refinements", Boilerplate::Navigation),
];

/// Class/id words of the pager over a page's items. A shop wraps its grid
/// in the box that turns its pages (`filtering-and-pagination`,
/// `pagination-container`); that box, holding the grid, is the items' and
/// not navigation, whatever text lies beside it. Filter words are not
/// listed: a facet box that holds the grid is as often beside a text that
/// is the page's content.
pub(crate) const GRID_CONTROL_WORDS: &[&str] = &["pagination", "pager"];

/// Class/id words that name a promotion set into a story on an article page
/// only: a call to action (`cta`: sign up, try the product) or a promo
/// banner between its paragraphs. On a service or landing page the hero
/// banner and the call-to-action sections are the page's own content (its
/// offer and how to take it), so these wait for the page type. Even on an
/// article, a box that holds the page's `h1` (a hero), more than a box's
/// text (`region_max_prose_chars`), or, with the word's other boxes, a weak
/// word's share of the page, is not one.
pub(crate) const ARTICLE_CLASS_WORDS: &[(&str, Boilerplate)] =
    &[("cta", Boilerplate::Other), ("banner", Boilerplate::Ads)];

/// Class/id words of a panel the reader unfolds in place (an accordion):
/// hidden until then, but on a product page it holds the description and
/// specifications, on a service page the answers to its questions.
pub(crate) const PANEL_CLASS_WORDS: &[&str] = &[
    "accordion",
    "collapse",
    "collapsible",
    // The answer of a question folded under it (`faq__answer`).
    "answer",
];

/// Class or id words of a block of questions and answers (`faq-list`,
/// `accordion-items-container`; an accordion is a [`PANEL_CLASS_WORDS`]
/// word too). Where the root on a page of prose lands in one below the
/// headline, the page is a landing page whose questions outweigh its hero
/// and features: those are its content too, and the root is chosen again
/// as on a service page ([`SERVICE_DESCEND_SHARE`]).
///
/// [`SERVICE_DESCEND_SHARE`]: super::SERVICE_DESCEND_SHARE
pub(crate) const QUESTIONS_CLASS_WORDS: &[&str] = &["faq", "faqs", "accordion"];

/// Class/id words of a tab's panel, hidden until the reader picks its tab:
/// on a service page a feature's details, on a documentation page the steps
/// for each platform or language (a product page's tabs are as often the
/// seller's or the shop's, and stay hidden there).
pub(crate) const TAB_PANEL_CLASS_WORDS: &[&str] = &["tabpanel"];

/// ARIA roles of a tab's panel (see [`TAB_PANEL_CLASS_WORDS`]).
pub(crate) const PANEL_ROLES: &[&str] = &["tabpanel"];

/// The weak words (a class or id word, or `<header>` for the tag) of a
/// header that may head a section of the text rather than the page: a
/// service or documentation page's "How it works" or "Parameters" set in a
/// `section-header` over its part. Kept there when it is, or holds, a
/// section's heading and is not mostly links.
/// Words of a product or service page's panel heading that name the shop's
/// terms, not the product ("Delivery & Returns", "Shipping"): such a panel
/// stays out when the description's panels are joined. English, German, French,
/// Spanish.
pub(crate) const SHOP_TERMS_HEADING_WORDS: &[&str] = &[
    "delivery",
    "shipping",
    "returns",
    "versand",
    "lieferung",
    "livraison",
    "envío",
    "envio",
    "devoluciones",
];

pub(crate) const SECTION_HEADER_WORDS: &[&str] = &["header", "<header>"];

/// Function words that, in an id of [`ANCHOR_MIN_WORDS`] words or more,
/// make it the slug of a heading it anchors (`s-more-about-form-classes`,
/// `respond-to-review-comments`): its words are the heading's, not names of
/// the element's role. English, German, French, Spanish.
pub(crate) const ANCHOR_FUNCTION_WORDS: &[&str] = &[
    // English
    "a", "about", "an", "and", "for", "from", "how", "in", "into", "is", "of", "on", "the", "to",
    "what", "when", "why", "with", "your", // German
    "der", "die", "das", "und", "mit", "zum", "zur", "wie", // French
    "le", "la", "les", "des", "du", "et", "pour", "avec", // Spanish
    "el", "los", "las", "del", "y", "para", "con", "como",
];

/// The fewest words of an id read as a heading's slug (see
/// [`ANCHOR_FUNCTION_WORDS`]); shorter ids (`back-to-top`) are names.
pub(crate) const ANCHOR_MIN_WORDS: usize = 4;

/// The id prefix (then a number) of a segment a server streams after the
/// page's shell, `hidden` until the page's script moves it into the place
/// its placeholder keeps (React's streamed rendering: `<div hidden
/// id="S:0">`). It holds the page's sections, not a closed panel.
pub(crate) const STREAMED_SEGMENT_ID_PREFIX: &str = "S:";

/// The id prefixes (then the segment's number) of the places a streamed
/// segment fills: a `<template id="B:0">` opens a suspended boundary, whose
/// fallback ("Loading…") the segment replaces; a `<template id="P:0">`
/// marks a spot inside an already streamed segment.
pub(crate) const STREAMED_BOUNDARY_ID_PREFIX: &str = "B:";
pub(crate) const STREAMED_PLACEHOLDER_ID_PREFIX: &str = "P:";

/// The comments around a boundary in React's streamed HTML: it opens with
/// `<!--$-->` (shown), `<!--$?-->` (waiting for its segment) or `<!--$!-->`
/// (left to the browser) and closes with `<!--/$-->`. Between the template
/// of a waiting boundary and its close stands the fallback.
/// These are the comments' bodies.
pub(crate) const STREAMED_BOUNDARY_OPENS: &[&str] = &["$", "$?", "$!"];
pub(crate) const STREAMED_BOUNDARY_CLOSE: &str = "/$";

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
    // A search page's results (`search-results`, `searchResults`) are its
    // content, the cards a reader came for, not the site's search box.
    "results",
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
    "related insights",
    "related coverage",
    "related",
    "read more",
    "read next",
    "read also",
    "also read",
    // "More from …", "More Example Times", "More in Politics": a short
    // heading that starts with "more" (a related block must also be mostly links).
    "more",
    "more stories",
    "more on this",
    "more like this",
    "recommended",
    "recommended for you",
    "recommended reading",
    "up next",
    "next article",
    "next story",
    "further reading",
    "see also",
    "also see",
    "siehe auch",  // German
    "voir aussi",  // French
    "ver también", // Spanish
    "vedi anche",  // Italian
    "zie ook",     // Dutch
    "you might be interested in",
    "don't miss",
    "don’t miss",
    // Forums: other threads listed below the one on the page.
    "similar threads",
    "similar topics",
    "similar discussions",
    // Shops: other products beside the one on the page.
    "similar items",
    "similar products",
    "customers also bought",
    "customers also viewed",
    "customers who bought this item also bought",
    "frequently bought together",
    "recently viewed",
    "complete the look",
    "people who viewed this item also viewed",
    "similar sponsored items",
    "products related to this item",
    // A marketplace's wording, beside a sold-out item and under any item.
    "customers who viewed this item also viewed",
    "consider these available items",
    "consider a similar item",
    "explore related items",
    // … German
    "ähnliche produkte",
    "ähnliche artikel entdecken",
    "kunden kauften auch",
    "zuletzt angesehen",
    // … French
    "produits similaires",
    "les clients ont aussi acheté",
    "vus récemment",
    // … Spanish
    "productos similares",
    "los clientes también compraron",
    "vistos recientemente",
    // … Italian
    "prodotti simili",
    "visti di recente",
    // … Dutch
    "vergelijkbare producten",
    "klanten kochten ook",
    "recent bekeken",
    // … Portuguese
    "produtos semelhantes",
    "quem comprou também comprou",
    // German
    "lesen sie auch",
    "lesen sie mehr",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "mehr zum thema",
    "weitere artikel",
    "weitere beiträge",
    "weitere beiträge zum thema",
    // A video player's playlist of the site's other clips.
    "weitere videos",
    "mehr videos",
    "plus de vidéos", // French
    "más vídeos",     // Spanish
    "altri video",    // Italian
    "meer video's",   // Dutch
    "mais vídeos",    // Portuguese
    "ähnliche artikel",
    "verwandte artikel",
    "empfohlene artikel",
    "auch interessant",
    "passend zum thema",
    "mehr zu",
    "weitere informationen",
    // French
    "vous aimerez aussi",
    "vous pourriez aussi aimer",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "à découvrir aussi",
    "à découvrir",
    // Spanish
    "también te puede interesar",
    "te puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "lee también",
    "leer más",
    "más noticias",
    "noticia relacionada",
    "para saber más",
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
    // Dutch
    "lees ook",
    "lees meer",
    "gerelateerde artikelen",
    "gerelateerd",
    "dit vind je misschien ook leuk",
    "meer nieuws",
    // Russian
    "читайте также",
    "похожие статьи",
    "похожие записи",
    "рекомендуем",
    // Polish
    "czytaj także",
    "czytaj też",
    "czytaj więcej",
    "zobacz także",
    "zobacz też",
    // Swedish
    "läs också",
    "läs även",
    "läs mer",
    // Danish
    "læs også",
    "læs mere",
    // Norwegian
    "les også",
    "les mer",
    // Czech
    "čtěte také",
    "související články",
    // Lithuanian
    "taip pat skaitykite",
    // Turkish
    "ilgili haberler",
    "bunlar da ilginizi çekebilir",
    "benzer haberler",
    // Indonesian
    "baca juga",
    "artikel terkait",
    "berita terkait",
    // Japanese
    "関連記事",
    "おすすめ記事",
    "おすすめ情報",
    "関連ニュース",
    // Chinese (simplified, then traditional)
    "相关文章",
    "相關文章",
    "相关阅读",
    "推荐阅读",
    // Korean
    "관련기사",
    "관련 기사",
    "이 기사와 관련된 기사",
    // Arabic
    "مقالات ذات صلة",
    "اقرأ أيضا",
];

/// Entries of [`RELATED_HEADINGS`] that say too little to overrule a class
/// word: any heading that starts with "more" ("More from the footer")
/// matches the first.
pub(crate) const WEAK_RELATED_HEADINGS: &[&str] = &["more"];

/// The shortest linked heading read as a post's title in a box of teasers
/// after a related or widget heading ("Latest News"): a title runs to a few words,
/// while a forum post's heading is often its poster's name alone.
pub(crate) const TEASER_TITLE_MIN_CHARS: u32 = 20;

/// The most prose per title a box of teasers holds: an excerpt or two of a
/// post, not the post (a forum's posts after "Recommended Posts" run
/// longer).
pub(crate) const TEASER_MAX_PROSE_CHARS: u32 = 400;

/// First words of a box's heading that make a box classed related a
/// widget of what is popular on the site ("Popular Courses and
/// Certifications", "Trending Now") or of what its editors promote
/// ("Featured Video" in a box classed `related-video`): read only on
/// related blocks, where the box's links would otherwise count as related
/// pages.
pub(crate) const POPULAR_BOX_HEADING_PREFIXES: &[&str] = &["popular", "trending", "featured"];

/// First words of a related box's heading that, with the site's name
/// after them ("More Great Example Stories", "More from Example News"), make
/// the box the site's widget of its other pages.
pub(crate) const SITE_WIDE_HEADING_PREFIXES: &[&str] = &["more"];

/// The shortest site name looked for in a heading: shorter names ("BR",
/// "9") are found inside other words.
pub(crate) const SITE_NAME_MIN_CHARS: usize = 3;

/// Headings of site-wide "most read" and "latest posts" widgets: navigation,
/// whatever article they sit beside (they point at what is popular or new on
/// the site, not at what is related to the page). Matched like related
/// headings (the whole heading or its start, counts and trailing punctuation
/// removed); never the page's own `h1` (a listing of the latest news).
pub(crate) const POPULAR_HEADINGS: &[&str] = &[
    // English
    "most popular",
    "most read",
    "most viewed",
    "popular posts",
    "popular articles",
    "popular stories",
    "trending now",
    // A blog's or a news site's widget of its newest posts.
    "latest news",
    "latest posts",
    "latest articles",
    "latest stories",
    "latest blog posts",
    "recent posts",
    "recent articles",
    "recent news",
    "recent stories",
    "recent blog posts",
    // A business's box of its newest or chosen posts, set after a landing
    // page's sections ("From our blog", "Featured insights").
    "from our blog",
    "from the blog",
    "latest from our blog",
    "latest from the blog",
    "latest insights",
    "featured insights",
    "aus unserem blog",
    "neu im blog",
    "de notre blog",
    "derniers articles du blog",
    "de nuestro blog",
    "lo último del blog",
    "dal nostro blog",
    "ultimi articoli dal blog",
    "uit onze blog",
    "laatste blogberichten",
    "do nosso blog",
    "últimas do blog",
    // A forum's box of the thread's most active members.
    "top posters",
    "top contributors",
    // German
    "meistgelesen",
    "meistgelesene artikel",
    "neueste beiträge",
    "neueste artikel",
    "aktuelle beiträge",
    "neueste nachrichten",
    // French
    "les plus lus",
    "articles populaires",
    "articles récents",
    "derniers articles",
    "dernières actualités",
    // Spanish
    "lo más leído",
    "lo más visto",
    "entradas recientes",
    "artículos recientes",
    "últimas noticias",
    "últimas entradas",
    // Italian
    "più letti",
    "articoli popolari",
    "articoli recenti",
    "ultimi articoli",
    "ultime notizie",
    // Portuguese
    "mais lidas",
    "mais lidos",
    "posts recentes",
    "artigos recentes",
    "últimas notícias",
    // Dutch
    "recente berichten",
    "laatste nieuws",
    // Russian
    "самые популярные",
    "популярное",
    "популярные статьи",
    // Polish
    "najpopularniejsze",
    // Turkish
    "en çok okunanlar",
    // Indonesian
    "terpopuler",
    // Japanese
    "人気記事",
    // Chinese
    "热门文章",
];

/// Headings that open a comment section or form. Matched as the whole
/// heading only (counts and trailing punctuation removed): "Comments on the
/// budget" may well be the article's own subheading.
pub(crate) const COMMENT_HEADINGS: &[&str] = &[
    // English
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
    // German
    "kommentare",
    "kommentar schreiben",
    "schreibe einen kommentar",
    // French
    "commentaires",
    "laisser un commentaire",
    "ajouter un commentaire",
    // Spanish
    "comentarios",
    "deja un comentario",
    "deja una respuesta",
    // Italian
    "commenti",
    "lascia un commento",
    // Portuguese
    "comentários",
    "deixe um comentário",
    // Dutch
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
    // Japanese
    "コメント",
    "コメントを残す",
    // Chinese (simplified and traditional)
    "评论",
    "發表評論",
    "发表评论",
    "留言",
    // Korean
    "댓글",
];

/// Whole short blocks that are calls to action or chrome, by kind. Matched
/// against a block's entire text or its start (up to
/// [`BOILERPLATE_LINE_MAX_CHARS`]), first match wins. English unless marked.
pub(crate) const BOILERPLATE_LINES: &[(&str, Boilerplate)] = {
    use Boilerplate::*;
    &[
        // Comment forms and their small print.
        ("click to comment", Comments),
        ("leave a reply", Comments),
        ("leave a comment", Comments),
        ("your email address will not be published", Comments),
        ("required fields are marked", Comments),
        ("you must be logged in to post a comment", Comments),
        ("log in to comment", Comments),
        // A link on to the comments, among teasers or under the story.
        ("read all comments", Comments),
        ("view all comments", Comments),
        ("see all comments", Comments),
        // A forum's or Q&A site's closed reply box, and the prompts under a
        // question to ask one of one's own or browse its tags (site chrome,
        // not a box of its own: they sit among short answers): the English
        // wording of the common forum and Q&A engines.
        ("you must log in to answer this question", Comments),
        ("you must log in or register to reply here", Comments),
        ("start asking to get answers", Navigation),
        ("find the answer to your question by asking", Navigation),
        ("explore related questions", Navigation),
        ("see similar questions with these tags", Navigation),
        // A forum's notice over a locked thread (XenForo's wording).
        ("not open for further replies", Comments),
        // German, French, Spanish: the comment form's e-mail notice.
        ("ihre e-mail-adresse wird nicht veröffentlicht", Comments),
        ("votre adresse e-mail ne sera pas publiée", Comments),
        (
            "tu dirección de correo electrónico no será publicada",
            Comments,
        ),
        // Site chrome: search prompts, social links, skip links.
        ("hi, what are you looking for?", Navigation),
        ("connect with us", Navigation),
        ("follow us", Navigation),
        ("skip to content", Navigation),
        ("skip to main content", Navigation),
        // Share bars.
        ("share this:", Share),
        ("share this article", Share),
        ("share this story", Share),
        ("share on facebook", Share),
        ("share on twitter", Share),
        // Ad labels: English, German, French, Spanish.
        ("advertisement", Ads),
        ("anzeige", Ads),
        ("publicité", Ads),
        ("publicidad", Ads),
        // Sign-up prompts.
        ("sign up for our newsletter", Ads),
        ("subscribe to our newsletter", Ads),
        ("click here to subscribe", Ads),
        ("if you enjoyed this article", Ads),
        ("article continues below", Ads),
        ("join our mailing list", Ads),
        ("this site is protected by recaptcha", Ads),
        // Donation appeals under the story (the reader-funded newsrooms'
        // wording).
        ("since you made it to the bottom of this article", Ads),
        ("we have a small favor to ask", Ads),
        ("we have a small favour to ask", Ads),
        ("support independent journalism", Ads),
        ("support our journalism", Ads),
        ("support our independent journalism", Ads),
        ("unterstützen sie unabhängigen journalismus", Ads),
        ("unabhängigen journalismus unterstützen", Ads),
        ("soutenez le journalisme indépendant", Ads),
        ("soutenez notre journalisme", Ads),
        ("apoya el periodismo independiente", Ads),
        ("apoya nuestro periodismo", Ads),
        ("sostieni il giornalismo indipendente", Ads),
        ("sostieni il nostro giornalismo", Ads),
        ("steun onafhankelijke journalistiek", Ads),
        ("steun onze journalistiek", Ads),
        ("apoie o jornalismo independente", Ads),
        ("apoie o nosso jornalismo", Ads),
        // Sign-up prompts and paywall notices, by language.
        // German
        ("jetzt abonnieren", Ads),
        ("jetzt newsletter abonnieren", Ads),
        ("mit meiner anmeldung zum newsletter", Ads),
        ("hat ihnen dieser artikel gefallen?", Ads),
        // French
        ("abonnez-vous", Ads),
        ("inscrivez-vous à notre newsletter", Ads),
        ("la suite est réservée aux abonnés", Ads),
        // Spanish
        ("suscríbete", Ads),
        ("suscríbete a nuestra newsletter", Ads),
        ("este contenido es exclusivo para suscriptores", Ads),
        // Italian
        ("iscriviti alla newsletter", Ads),
        // Portuguese
        ("assine a nossa newsletter", Ads),
        ("assine nossa newsletter", Ads),
        ("inscreva-se na nossa newsletter", Ads),
        // Dutch
        ("schrijf je in voor onze nieuwsbrief", Ads),
        ("abonneer je", Ads),
        // Polish
        ("zapisz się do newslettera", Ads),
        // Japanese: "this article is for members only".
        ("この記事は会員限定です", Ads),
        // Placeholders of embeds held back until the reader consents to a
        // third party ("show external content"). German, then English.
        ("empfohlener redaktioneller inhalt", Ads),
        ("externen inhalt anzeigen", Ads),
        ("externe inhalte anzeigen", Ads),
        ("ein klick für den datenschutz", Ads),
        ("an dieser stelle findest du einen externen inhalt", Ads),
        ("an dieser stelle finden sie einen externen inhalt", Ads),
        ("ich bin damit einverstanden, dass mir externe inhalte", Ads),
        ("personenbezogene daten können an drittplattformen", Ads),
        ("we apologize, but this video has failed to load", Ads),
        // Broadcasters' notes on the programme that aired the story, and
        // the heading of the tag list (German).
        ("dieses thema im programm", Other),
        ("schlagwörter zu diesem artikel", Other),
        ("player wird geladen", Other),
        // Japanese: "related keywords" over the tag list.
        ("関連キーワード", Other),
        // A page's feedback widget: its question, and the thanks shown in its
        // place once the reader has answered ("Did you find this surprising?"
        // may open a paragraph, so only the widget's own wordings).
        ("did you find what you were looking for", Other),
        ("did you find this helpful", Other),
        ("did you find this useful", Other),
        ("did you find this page", Other),
        ("did you find this article", Other),
        ("thank you for your feedback", Other),
        // A documentation page's foot: when the page was last changed, and
        // the links to its source and issue tracker. A footer line, never
        // the opening of a sentence of the text.
        ("last modified", Other),
        ("this page was last modified on", Other),
        ("this page was last edited on", Other),
        ("edit this page", Other),
        ("edit on github", Other),
        ("view this page on github", Other),
        // Footers.
        ("all rights reserved", Other),
    ]
};

/// Labels of page controls and widgets that are chrome when they stand alone
/// as a block, matched against the whole block only ("Close" starts plenty of
/// sentences), a trailing colon aside. English (the labels of widget
/// libraries) unless marked.
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
        ("subscribe", Ads),
        ("subscribe now", Ads),
        ("sign up", Ads),
        ("log in", Other),
        ("sign in", Other),
        ("loading", Other),
        // The ad slot's label in other languages, alone (the same words
        // start sentences, so never as the start of a line). German
        ("werbung", Ads),
        // Turkish
        ("reklam", Ads),
        // Polish, Czech
        ("reklama", Ads),
        // Russian, Ukrainian
        ("реклама", Ads),
        // Italian
        ("pubblicità", Ads),
        // Portuguese
        ("publicidade", Ads),
        // Dutch
        ("advertentie", Ads),
        // Swedish
        ("annons", Ads),
        // Norwegian
        ("annonse", Ads),
    ]
};

/// The controls on a shop's product card, alone as a block: the card's name
/// and price are the item, its buttons are not. Matched against the whole
/// block, and only when the text is laid out (never as a label that marks
/// a region: the grid after a card's "Quick view" is the page). Beside the
/// buttons, the card's stock and novelty badges ("In stock", "New") and
/// its compare box, shipping calculator and rating control: the state of
/// the shop, not the item. English, then German, French, Spanish.
pub(crate) const CARD_CONTROL_LABELS: &[&str] = &[
    "view details",
    "quick view",
    "quick shop",
    "add to cart",
    "add to bag",
    "add to basket",
    "add to wishlist",
    "add to compare",
    "compare",
    "in stock",
    "out of stock",
    "new",
    "new arrival",
    "pre-order now",
    "pre order now",
    "calculate shipping",
    "clear rating",
    // The prompt over the same control where the reader votes on the item.
    "rate this",
    "rate this book",
    "rate this product",
    "rate this article",
    "rate this post",
    "rate this recipe",
    "in den warenkorb",
    "schnellansicht",
    "vergleichen",
    "auf lager",
    "ajouter au panier",
    "aperçu rapide",
    "comparer",
    "en stock",
    "añadir al carrito",
    "vista rápida",
    "comparar",
];

/// The words of a star-rating control spelled out star by star ("1 of 5
/// stars2 of 5 stars…", each star a button's label): the reader's own vote,
/// not the item's rating. The control reads as runs of "N of M" each closed
/// by the star word; it takes [`RATING_CONTROL_MIN_STARS`] of them, as one
/// "4.5 of 5 stars" is the item's rating, which stays.
pub(crate) const RATING_STAR_WORD: &str = "star";
pub(crate) const RATING_OF_WORD: &str = "of";
pub(crate) const RATING_CONTROL_MIN_STARS: usize = 3;

/// Headings of a shop's policy box on a product page, matched against the
/// whole heading: the same box on every item of the shop (folded in an
/// accordion or a tab), not a section of the item. Only the heading is
/// dropped, never as a label that marks a region: the tab bar that lists it
/// lists the item's specification too.
pub(crate) const SHOP_POLICY_HEADINGS: &[&str] = &[
    // English
    "shipping and returns",
    "shipping & returns",
    "delivery and returns",
    "delivery & returns",
    // German
    "versand und rückgabe",
    "versand & rückgabe",
    "lieferung und rückgabe",
    // French
    "livraison et retours",
    "livraison & retours",
    // Spanish
    "envío y devoluciones",
    "envíos y devoluciones",
    // Italian
    "spedizione e resi",
    "spedizioni e resi",
    // Dutch
    "verzending en retourneren",
    "verzenden en retourneren",
    "levering en retour",
    // Portuguese
    "envio e devoluções",
    "entrega e devoluções",
];

/// Class names that show an element on small screens only (phones): the
/// CSS frameworks' responsive utilities and the usual hand-made names.
/// Beside them, `d-md-none` (hidden from a breakpoint up) and `lg:hidden`
/// are read as patterns over [`SCREEN_BREAKPOINTS`].
pub(crate) const SMALL_SCREEN_ONLY_CLASSES: &[&str] = &[
    "visible-xs",
    "visible-xs-block",
    "visible-xs-inline",
    "visible-xs-inline-block",
    "show-for-small-only",
    "hide-for-medium",
    "hide-for-large",
    "mobile-only",
    "only-mobile",
    "visible-mobile",
    "show-mobile",
    "hidden-desktop",
    "hide-desktop",
    "desktop-hidden",
    "hide-on-desktop",
];

/// Class names that show an element on large screens only. Beside them,
/// `d-none` with `d-md-block` (hidden, then shown from a breakpoint up),
/// `hidden` with `md:block`, and `max-md:hidden` are read as patterns.
pub(crate) const LARGE_SCREEN_ONLY_CLASSES: &[&str] = &[
    "hidden-xs",
    "hide-for-small-only",
    "show-for-medium",
    "show-for-large",
    "desktop-only",
    "only-desktop",
    "visible-desktop",
    "show-desktop",
    "hidden-mobile",
    "hide-mobile",
    "mobile-hidden",
    "hide-on-mobile",
];

/// The breakpoint names of responsive utility classes (`d-md-none`,
/// `lg:hidden`, `d-xl-block`).
pub(crate) const SCREEN_BREAKPOINTS: &[&str] = &["sm", "md", "lg", "xl", "xxl", "2xl"];

/// A short block that asks the reader to sign up (any of these verbs) for a
/// newsletter or the inbox ([`NEWSLETTER_WORDS`]) is a call to action, however
/// the site words the rest ("Sign up for The Replay newsletter", "Was this
/// forwarded to you? Sign up to get it in your inbox"). Both must be there:
/// "sign up" alone starts instructions, "newsletter" alone a story about one.
/// English, then German, French, Spanish, Italian, Dutch.
pub(crate) const SIGN_UP_VERBS: &[&str] = &[
    "sign up",
    "signing up",
    "subscribe to",
    "subscribing to",
    "abonnieren",
    "abonnez-vous",
    "inscrivez-vous",
    "suscríbete",
    "iscriviti",
    "schrijf je in",
];

/// Longest block (in characters) that a [`SIGN_UP_VERBS`] call may be: the
/// call often says what the newsletter brings, past a label's length.
pub(crate) const SIGN_UP_MAX_CHARS: usize = 250;

/// What a [`SIGN_UP_VERBS`] call asks the reader to sign up for.
pub(crate) const NEWSLETTER_WORDS: &[&str] = &["newsletter", "inbox", "nieuwsbrief"];

/// Longest block (in characters) that a [`BOILERPLATE_LINES`] phrase may
/// condemn: a long paragraph that merely mentions "follow us" is content.
pub(crate) const BOILERPLATE_LINE_MAX_CHARS: usize = 160;

/// Longest text (in characters) that can be a heading naming a block.
pub(crate) const HEADING_MAX_CHARS: usize = 80;

/// How many elements of a form are looked at to tell a search box from a
/// comment form or a sign-up (the telling input comes early).
pub(crate) const FORM_MAX_ELEMENTS: usize = 200;

/// Class words that name a state rather than a role. Inside a longer class
/// name they are a modifier of something else (`overflow-hidden`: the
/// overflow is hidden; `field--label-hidden`: the label is; `hidden-xs`:
/// only on small screens; `accordion__panel--hidden`: a collapsed panel of
/// the page's text), so they mark the element only when they stand alone or
/// after one of [`STATE_SELF_PREFIXES`].
pub(crate) const STATE_WORDS: &[&str] = &["hidden", "hide"];

/// Words that, before a state word in one class name, say the state is the
/// element's own: `is-hidden`, `js-hide`, `u-hidden` (utility classes),
/// `visually-hidden` (text for screen readers only).
pub(crate) const STATE_SELF_PREFIXES: &[&str] = &["is", "js", "u", "visually", "display"];

/// Characters that put a utility class under a screen-size, print or
/// interaction variant (`md:hidden`, `print:hidden`, `hidden@print`): such
/// a name says how the element looks in one case, not what it is, so its
/// words are not looked up.
pub(crate) const CLASS_VARIANT_MARKS: &[char] = &[':', '@'];

/// `itemprop` values of a counter the page declares (schema.org's
/// `InteractionCounter`: a post's "7 Likes", a story's share count): a tally
/// of what readers did, not the text.
pub(crate) const COUNTER_ITEMPROPS: &[&str] = &["interactionStatistic"];

/// What parts a BEM class name (`block__element`): the words after it name
/// the element itself, the words before only the component it is part of.
pub(crate) const BEM_ELEMENT_MARK: &str = "__";

/// The kinds of boilerplate an element's word in a BEM name keeps against a
/// content word of its block: the parts about the post (its author, meta
/// line, tags, signature). Region words (`article__footer`, `post__header`)
/// are not: inside a content block they often hold the text's own end.
pub(crate) const BEM_ELEMENT_KINDS: &[Boilerplate] = &[Boilerplate::Other];

/// Words that, before a boilerplate word in one class name, say the element
/// has or lacks that part rather than being it: `has-sidebar`,
/// `content-with-sidebar`, `no-comments`, `without-ads` (layout switches on
/// the page's or the article's wrapper).
pub(crate) const HAVING_WORDS: &[&str] = &["has", "with", "no", "without"];

/// Axis words of size utilities (`w-`, `h-`): before one of
/// [`SIZE_VALUE_WORDS`] in one class name they make it a size, not a role.
pub(crate) const SIZE_AXIS_WORDS: &[&str] = &["w", "h"];

/// Boilerplate words that are also size values of utility classes: after one
/// of [`SIZE_AXIS_WORDS`] (`w-screen`, `min-h-screen`, `max-w-screen-xl`: as
/// wide or tall as the screen, on section wrappers of utility-class pages)
/// they are not looked up. Other words after an axis word still count: a
/// heading's anchor `h-more-recipes` names what the heading names.
pub(crate) const SIZE_VALUE_WORDS: &[&str] = &["screen"];

/// Boilerplate words naming a region of the page's layout: followed by one
/// of [`LAYOUT_WORDS`] in the same class name they name the layout that sets
/// the region beside the article (`sidebar-grid`, `sidebar-layout`), so the
/// wrapper around the article, not the region itself.
pub(crate) const REGION_WORDS: &[&str] = &["sidebar"];

/// Class/id words of fine print (`disclaimer`): they mark a box that holds
/// blocks (several notes, a list of terms), never a lone paragraph or line,
/// which an article sets so for its own note ("The author owns shares").
pub(crate) const FINE_PRINT_WORDS: &[&str] = &["disclaimer", "disclaimers"];

/// Rows from which a table is a table of data, not a page's layout: such a
/// table names its own parts with a weak region word (`sticky-header`, its
/// header row kept in view), while a layout table classed `header` is a
/// row or two of logo and links.
pub(crate) const DATA_TABLE_MIN_ROWS: u32 = 8;

/// Weak class/id words of a pop-up (`elementor-location-popup`, `modal`):
/// "tooltip" is here and in [`TOOLTIP_WORDS`] both, each list for its own
/// decision (a pop-up's share of the page; a tip's block or inline term).
/// each box is a pop-up of its own, hidden until called, so many of them
/// holding much of the page's text together are still pop-ups, not the
/// page's layout (as a page builder's `widget` around every section is).
pub(crate) const POPUP_WORDS: &[&str] = &["popup", "modal", "tooltip"];

/// Pop-up words of a tip shown on hover (`js-tooltip`): a block so named is
/// the tip (a reactions bar's "sign up to react"), an inline one the term
/// in a sentence that the tip explains, which stays.
pub(crate) const TOOLTIP_WORDS: &[&str] = &["tooltip"];

/// Words naming an arrangement of blocks, after one of [`REGION_WORDS`].
pub(crate) const LAYOUT_WORDS: &[&str] = &["grid", "layout", "columns", "cols"];

/// Kinds of boilerplate that hold no sentences: an element a strong class
/// word names so but holding more than `region_max_prose_chars` of sentence
/// text is something else named after its parts (a `paywall` wrapper around
/// the rest of the story, a post classed `tag-social-media` after its tags).
pub(crate) const PROSELESS_KINDS: &[Boilerplate] = &[Boilerplate::Ads, Boilerplate::Share];

/// The prefix of a site builder's generated class that hides an element at
/// some breakpoints (`hidden-sz3upx`): sibling sections with other sets of
/// such names are one section's layouts for other screens.
pub(crate) const SCREEN_VARIANT_PREFIX: &str = "hidden-";

/// Attributes by which a script framework hides an element until its script
/// has run (AngularJS `ng-cloak`, Alpine `x-cloak`): a page saved with them
/// still set holds the raw template there (`{{ board.errors[3].message }}`),
/// and a reader sees it only once the script shows it, if ever (an error
/// message, a menu). Not Vue's `v-cloak`: a shop renders its product cards
/// on the server and leaves the attribute on them.
pub(crate) const CLOAK_ATTRIBUTES: &[&str] = &["ng-cloak", "x-cloak"];
