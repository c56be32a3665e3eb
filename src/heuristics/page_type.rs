//! What tells one kind of page from another: the schema.org types, Open Graph
//! types, URL path words, class words and phrases that are evidence for a page
//! type, and the weight of each rule (read by `page_type`).
//!
//! Every rule adds its weight to one type's score; the highest score wins.
//! The rules are general web conventions (no site's own names); their weights
//! were set against the labelled pages of every type in WCXB's dev split,
//! with the news sets held as articles, in steps of a half.

/// JSON-LD and microdata types that declare one piece of prose, besides the
/// types ending in `Article` (TechArticle excepted: see [`DOCS_TYPES`]).
/// schema.org's spelling, compared case-sensitively.
pub(crate) const ARTICLE_TYPES: &[&str] = &[
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "Recipe",
    "Review",
];

/// Types that declare a discussion: a forum thread, a Q&A page, its comments.
pub(crate) const FORUM_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "Comment"];

/// Of [`FORUM_TYPES`], those that declare the page itself a thread (a
/// forum's topic, a question and its answers), not comments under
/// something else: an article with marked-up comments names `Comment` only.
pub(crate) const THREAD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];

/// Types that declare one product; with an offer, the page sells it.
pub(crate) const PRODUCT_TYPES: &[&str] = &["Product", "ProductGroup"];

/// Types of an offer or price: a product page states one.
pub(crate) const OFFER_TYPES: &[&str] = &["Offer", "AggregateOffer"];

/// Types that declare a page of many items.
pub(crate) const LIST_TYPES: &[&str] = &[
    "ItemList",
    "CollectionPage",
    "SearchResultsPage",
    "OfferCatalog",
];

/// Types that declare technical documentation.
pub(crate) const DOCS_TYPES: &[&str] = &["TechArticle", "APIReference", "SoftwareSourceCode"];

/// Types that declare a business, its services or its offer of courses and
/// software: what a service or landing page describes.
pub(crate) const SERVICE_TYPES: &[&str] = &[
    "Service",
    "LocalBusiness",
    "ProfessionalService",
    "FAQPage",
    "HomeAndConstructionBusiness",
    "FinancialService",
    "LegalService",
    "MedicalBusiness",
    "Dentist",
    "Physician",
    "InsuranceAgency",
    "EducationalOrganization",
    "CollegeOrUniversity",
    "Course",
    "SoftwareApplication",
    "WebApplication",
    "Plumber",
    "Electrician",
    "HVACBusiness",
    "GeneralContractor",
    "RoofingContractor",
    "AutomotiveBusiness",
    "HealthAndBeautyBusiness",
    "EmploymentAgency",
    "TravelAgency",
    "AccountingService",
    "RealEstateAgent",
];

/// `og:type` values of one product. Types in a namespace ending in
/// [`OG_PRODUCT_SUFFIXES`] count too.
pub(crate) const OG_PRODUCT: &[&str] = &["product", "product.item"];

/// Namespaced `og:type` endings that mean one product (`shop:item`).
pub(crate) const OG_PRODUCT_SUFFIXES: &[&str] = &[":item", ":product"];

/// `og:type` values of a group of products.
pub(crate) const OG_PRODUCT_GROUP: &[&str] = &["product.group", "product:group"];

/// `og:type` of an article.
pub(crate) const OG_ARTICLE: &str = "article";

/// Words of a URL's path that name a section for one kind of page. A path is
/// split into segments at `/` and each segment into words at anything not a
/// letter or digit, lowercased; a whole segment is looked up too. The last
/// segment's words count only when it is short (`viewtopic.php`): a long
/// last segment is a slug of the page's own title.
pub(crate) const URL_ARTICLE: &[&str] = &[
    "blog", "blogs", "article", "articles", "news", "story", "stories", "post", "posts",
];
/// Forum sections; these count only when the path goes on to name one
/// thread (a segment with a number or a slug), or end the path (`showthread.php`).
pub(crate) const URL_FORUM: &[&str] = &[
    "forum",
    "forums",
    "thread",
    "threads",
    "topic",
    "viewtopic",
    "showthread",
    "showtopic",
    "questions",
    "question",
    "discussion",
    "discussions",
    "community",
    "t",
    "comments",
    "board",
    "boards",
];
pub(crate) const URL_PRODUCT: &[&str] = &[
    "product", "products", "p", "item", "itm", "ip", "dp", "listing", "app",
];
pub(crate) const URL_COLLECTION: &[&str] = &[
    "collections",
    "collection",
    "c",
    "shop",
    "browse",
    "cat",
    "catalog",
    "department",
    "l",
    "b",
    "cp",
    "product-category",
];
pub(crate) const URL_LISTING: &[&str] = &[
    "tag",
    "tags",
    "category",
    "categories",
    "archive",
    "archives",
    "search",
    "list",
    "lists",
    "section",
    "sections",
    "jobs",
    "directory",
    "author",
    "topics",
    "rankings",
    "trending",
    "news",
    "page",
    "results",
];
pub(crate) const URL_DOCS: &[&str] = &[
    "docs",
    "doc",
    "documentation",
    "reference",
    "api",
    "manual",
    "man",
    "wiki",
    "userguide",
    "howto",
    "latest",
    "stable",
    "tutorial",
    "handbook",
    "sdk",
    "developer",
    "developers",
    "guides",
];
pub(crate) const URL_SERVICE: &[&str] = &[
    "services",
    "service",
    "solutions",
    "pricing",
    "features",
    "about",
    "contact",
    "consulting",
    "programs",
    "enterprise",
    "platform",
    "offers",
    "free",
];

/// Class name parts of repeated siblings that are posts of a discussion
/// (`message`, `post-body`, `reply`), matched inside the class attribute.
pub(crate) const POST_CLASS_PARTS: &[&str] = &["post", "reply", "comment", "message", "answer"];

/// Class name part of repeated siblings that are product tiles.
pub(crate) const PRODUCT_CLASS_PART: &str = "product";

/// A short text that is a shop's button or stock line, after lowercasing and
/// collapsing whitespace: the page sells something.
pub(crate) const CART_PHRASES: &[&str] = &[
    // English
    "add to cart",
    "add to bag",
    "add to basket",
    "buy now",
    "add to wishlist",
    "in stock",
    "out of stock",
    // German
    "in den warenkorb",
    "jetzt kaufen",
    "auf lager",
    // French
    "ajouter au panier",
    "acheter maintenant",
    "en stock",
    // Spanish
    "añadir al carrito",
    "comprar ahora",
    // Italian
    "aggiungi al carrello",
    // Dutch
    "in winkelwagen",
    // Portuguese
    "adicionar ao carrinho",
];

/// What a class or id word marks on a page, as evidence of its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassSign {
    /// Customers' quotes: a business selling a service.
    Testimonial,
    /// Plans and prices side by side: a business selling a service.
    Pricing,
    /// Pictures of the people posting: one per post of a thread.
    Avatar,
    /// A poster's signature under each post of a thread.
    Signature,
    /// A table of contents: documentation (and some long guides).
    Toc,
    /// Links to the other pages of a list.
    Pagination,
    /// Filters and facets that narrow a shop's or a directory's items.
    Filter,
}

/// Class and id words that mark a [`ClassSign`], matched against each word
/// of an element's class and id (and the whole names).
pub(crate) const PAGE_CLASS_WORDS: &[(&str, ClassSign)] = &[
    ("testimonial", ClassSign::Testimonial),
    ("testimonials", ClassSign::Testimonial),
    ("pricing", ClassSign::Pricing),
    ("avatar", ClassSign::Avatar),
    ("signature", ClassSign::Signature),
    ("toc", ClassSign::Toc),
    ("tableofcontents", ClassSign::Toc),
    ("table-of-contents", ClassSign::Toc),
    ("pagination", ClassSign::Pagination),
    ("pager", ClassSign::Pagination),
    ("page-numbers", ClassSign::Pagination),
    ("filter", ClassSign::Filter),
    ("filters", ClassSign::Filter),
    ("facet", ClassSign::Filter),
    ("facets", ClassSign::Filter),
];

/// A short text that is a business's call to action (a button or link),
/// after lowercasing and collapsing whitespace.
pub(crate) const CTA_PHRASES: &[&str] = &[
    // English
    "contact us",
    "get in touch",
    "get a quote",
    "get a free quote",
    "request a quote",
    "free quote",
    "book now",
    "book a call",
    "book a demo",
    "request a demo",
    "get a demo",
    "schedule a demo",
    "get started",
    "start free trial",
    "free trial",
    "try for free",
    "try it free",
    "talk to sales",
    "contact sales",
    "call now",
    "call us",
    "request a consultation",
    "free consultation",
    "schedule a consultation",
    "apply now",
    "enroll now",
    // German
    "kontakt aufnehmen",
    "angebot anfordern",
    "jetzt anfragen",
    "termin vereinbaren",
    "jetzt buchen",
    "kostenlos testen",
    // French
    "contactez-nous",
    "demander un devis",
    "prendre rendez-vous",
    "réserver",
    "essai gratuit",
    // Spanish
    "contáctanos",
    "contáctenos",
    "solicitar presupuesto",
    "pedir cita",
    "reservar ahora",
    "prueba gratis",
    // Italian
    "contattaci",
    "richiedi un preventivo",
    "prenota ora",
    // Dutch
    "neem contact op",
    "offerte aanvragen",
    // Portuguese
    "fale conosco",
    "solicitar orçamento",
];

/// A short text that marks documentation: its table of contents or the
/// link to edit the page's source.
pub(crate) const DOCS_PHRASES: &[&str] = &[
    // English
    "on this page",
    "table of contents",
    "edit this page",
    "edit on github",
    "edit on gitlab",
    "edit this page on github",
    "improve this page",
    "suggest an edit",
    // German
    "auf dieser seite",
    "inhaltsverzeichnis",
    "diese seite bearbeiten",
    // French
    "sur cette page",
    "table des matières",
    "modifier cette page",
    // Spanish
    "en esta página",
    "tabla de contenidos",
    "editar esta página",
    // Italian
    "in questa pagina",
    "modifica questa pagina",
    // Portuguese
    "nesta página",
    "editar esta página no github",
    // Japanese
    "このページの内容",
    "目次",
];

/// Link texts read as page numbers: 1 to this.
pub(crate) const MAX_PAGE_NUMBER: u32 = 20;

/// Currency signs that, beside a digit in a short text, make it a price.
pub(crate) const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹'];

/// Currency codes that, beside a digit in a short text, make it a price.
pub(crate) const CURRENCY_CODES: &[&str] = &["USD", "EUR"];

/// A text node longer than this (in non-space characters) is not a price or
/// a button label.
pub(crate) const PRICE_MAX_CHARS: u32 = 24;

/// The weights of the page-type rules, and the thresholds they test.
pub(crate) struct PageTypeWeights {
    // Article: declared, dated, credited, and prose.
    /// The markup names an article type (schema.org `*Article`, `BlogPosting`, …).
    pub article_schema: f32,
    /// `og:type` is `article` (weak: some CMSes say it of every page).
    pub article_og: f32,
    /// The page states a publication date.
    pub article_published: f32,
    /// The page credits an author.
    pub article_author: f32,
    /// Long paragraphs hold at least [`Self::prose_share`] of the page's text.
    pub article_prose: f32,
    pub prose_share: f32,
    /// At least [`Self::article_min_paragraphs`] long paragraphs.
    pub article_paragraphs: f32,
    pub article_min_paragraphs: u32,
    /// The URL ends in a slug of at least [`Self::slug_min_words`] words: a
    /// headline (not a thread's title after a [`URL_FORUM`] section or the
    /// thread's id).
    pub article_slug: f32,
    pub slug_min_words: usize,
    /// A URL word of [`URL_ARTICLE`].
    pub article_url: f32,

    // Forum.
    /// The markup names a discussion type ([`FORUM_TYPES`]).
    pub forum_schema: f32,
    /// The markup names the page a thread ([`THREAD_TYPES`]), on top of
    /// [`Self::forum_schema`]: a thread's first post reads like an article
    /// (a date, an author, long paragraphs), the declaration outweighs that.
    pub forum_thread_schema: f32,
    /// Comment regions named by their class words were lifted as the
    /// page's content (they hold most of its text, and what lies beside
    /// them scores next to nothing): the page is a thread.
    pub forum_thread_lifted: f32,
    /// Such regions hold much of the page and outscore what lies beside it,
    /// on a page that does not declare itself an article (by schema.org
    /// type or `og:type`): a thread under its first post. Under a declared
    /// article they are its comments, however many.
    pub forum_thread_held: f32,
    /// A URL word of [`URL_FORUM`] followed by a thread.
    pub forum_url: f32,
    /// At least [`Self::posts_min`] siblings with a post class ([`POST_CLASS_PARTS`]).
    pub forum_posts: f32,
    pub posts_min: u32,
    /// At least [`Self::forum_min_times`] `<time>` elements: one per post.
    pub forum_times: f32,
    pub forum_min_times: u32,
    /// At least [`Self::forum_min_avatars`] avatars ([`ClassSign::Avatar`]): one per poster.
    pub forum_avatars: f32,
    pub forum_min_avatars: u32,
    /// At least [`Self::forum_min_signatures`] signatures
    /// ([`ClassSign::Signature`]) under posts.
    pub forum_signatures: f32,
    pub forum_min_signatures: u32,

    // Product.
    /// One or two product objects with an offer in JSON-LD.
    pub product_schema: f32,
    /// `og:type` is a product.
    pub product_og: f32,
    /// One or two microdata products.
    pub product_microdata: f32,
    /// One to [`Self::product_max_price_props`] price itemprops.
    pub product_price_props: f32,
    pub product_max_price_props: u32,
    /// A cart button or stock line ([`CART_PHRASES`]).
    pub product_cart: f32,
    /// A URL word of [`URL_PRODUCT`].
    pub product_url: f32,
    /// One to [`Self::product_max_prices`] prices in the text.
    pub product_prices: f32,
    pub product_max_prices: u32,
    /// Most products a product page declares; more are a collection.
    pub product_max_items: u32,

    // Collection: many products.
    /// A list type with at least [`Self::collection_min_products`] products.
    pub collection_schema: f32,
    pub collection_min_products: u32,
    /// `og:type` is a product group.
    pub collection_og: f32,
    /// At least [`Self::cards_min`] repeated cards (a link and a heading or image each).
    pub collection_cards: f32,
    pub cards_min: u32,
    /// At least [`Self::collection_min_prices`] prices, and one per
    /// [`Self::cards_per_price`] cards.
    pub collection_prices: f32,
    pub collection_min_prices: u32,
    pub cards_per_price: u32,
    /// The cards' class names a product ([`PRODUCT_CLASS_PART`]).
    pub collection_product_cards: f32,
    /// A URL word of [`URL_COLLECTION`].
    pub collection_url: f32,
    /// The page is one of several ([`Self::paged_min_numbers`] page-number
    /// links, or a pagination class).
    pub collection_paged: f32,
    /// Filters or facets ([`ClassSign::Filter`]).
    pub collection_filters: f32,
    /// More than [`Self::product_max_price_props`] price itemprops.
    pub collection_price_props: f32,

    // Listing: many items that are not products.
    /// A list type ([`LIST_TYPES`]).
    pub listing_schema: f32,
    /// At least [`Self::cards_min`] cards, and more again at [`Self::many_cards`].
    pub listing_cards: f32,
    pub listing_many_cards: f32,
    pub many_cards: u32,
    /// At least [`Self::listing_link_share`] of the text is link text.
    pub listing_links: f32,
    pub listing_link_share: f32,
    /// Long paragraphs hold under [`Self::listing_prose_share`] of the text.
    pub listing_little_prose: f32,
    pub listing_prose_share: f32,
    /// A URL word of [`URL_LISTING`].
    pub listing_url: f32,
    /// At least [`Self::listing_min_articles`] `article` elements: teasers.
    pub listing_articles: f32,
    pub listing_min_articles: u32,
    /// At least [`Self::listing_min_link_headings`] headings that are links: headlines of teasers.
    pub listing_link_headings: f32,
    pub listing_min_link_headings: u32,
    /// The page is one of several, as for [`Self::collection_paged`].
    pub listing_paged: f32,
    /// Distinct page numbers (1 to [`MAX_PAGE_NUMBER`]) that are links' whole text.
    pub paged_min_numbers: u32,

    // Documentation.
    /// A documentation type ([`DOCS_TYPES`]).
    pub docs_schema: f32,
    /// A URL word of [`URL_DOCS`].
    pub docs_url: f32,
    /// At least [`Self::docs_min_code_blocks`] code blocks.
    pub docs_code_blocks: f32,
    pub docs_min_code_blocks: u32,
    /// At least [`Self::docs_min_inline_code`] `code`/`kbd` spans in prose, more at [`Self::docs_many_inline_code`].
    pub docs_inline_code: f32,
    pub docs_min_inline_code: u32,
    pub docs_many_inline_code_weight: f32,
    pub docs_many_inline_code: u32,
    /// A table of contents ([`ClassSign::Toc`]) or a docs phrase
    /// ([`DOCS_PHRASES`]: "on this page", "edit this page").
    pub docs_toc: f32,

    // Service: a business's page.
    /// A business or service type ([`SERVICE_TYPES`]).
    pub service_schema: f32,
    /// A URL word of [`URL_SERVICE`].
    pub service_url: f32,
    /// The site's home page (an empty path).
    pub service_home: f32,
    /// At least [`Self::service_min_headings`] sections, with fewer than
    /// [`Self::service_paragraphs_per_heading`] long paragraphs each: blurbs.
    pub service_sections: f32,
    pub service_min_headings: u32,
    pub service_paragraphs_per_heading: f32,
    /// Sections whose headings are at least this share links (and at least
    /// [`Self::listing_min_link_headings`] of them) are the headlines of
    /// teasers, a listing's, not a business's blurbs.
    pub service_link_heading_share: f32,
    /// A page with text that is neither dated, nor credited, nor declared an article.
    pub service_undated: f32,
    /// Typed markup that declares neither an article nor a discussion.
    pub service_other_schema: f32,
    /// A call to action ([`CTA_PHRASES`]) outside boilerplate.
    pub service_cta: f32,
    /// Testimonials ([`ClassSign::Testimonial`]).
    pub service_testimonials: f32,
    /// A pricing table ([`ClassSign::Pricing`]).
    pub service_pricing: f32,

    /// The least score a type needs; below it the page is `other`.
    pub min_score: f32,
}

/// The page-type weights pith runs with (see each field of [`PageTypeWeights`]).
pub(crate) const PAGE_TYPE: PageTypeWeights = PageTypeWeights {
    article_schema: 1.5,
    article_og: 2.5,
    article_published: 1.5,
    article_author: 1.0,
    article_prose: 1.5,
    prose_share: 0.4,
    article_paragraphs: 2.0,
    article_min_paragraphs: 4,
    article_slug: 2.0,
    slug_min_words: 4,
    article_url: 3.5,

    forum_schema: 6.0,
    forum_thread_schema: 3.0,
    forum_thread_lifted: 3.5,
    forum_thread_held: 2.0,
    forum_url: 4.0,
    forum_posts: 3.0,
    posts_min: 3,
    forum_times: 3.0,
    forum_min_times: 3,
    forum_avatars: 2.5,
    forum_min_avatars: 3,
    forum_signatures: 1.0,
    forum_min_signatures: 2,

    product_schema: 4.0,
    product_og: 4.0,
    product_microdata: 3.0,
    product_price_props: 1.0,
    product_max_price_props: 4,
    product_cart: 3.5,
    product_url: 4.0,
    product_prices: 1.0,
    product_max_prices: 10,
    product_max_items: 7,

    collection_schema: 4.0,
    collection_min_products: 3,
    collection_og: 3.0,
    collection_cards: 2.0,
    cards_min: 10,
    collection_prices: 3.0,
    collection_min_prices: 2,
    cards_per_price: 2,
    collection_product_cards: 2.5,
    collection_url: 3.5,
    collection_price_props: 2.0,
    collection_paged: 1.0,
    collection_filters: 1.0,

    listing_schema: 2.0,
    listing_cards: 2.0,
    listing_many_cards: 1.0,
    many_cards: 15,
    listing_links: 1.0,
    listing_link_share: 0.5,
    listing_little_prose: 1.0,
    listing_prose_share: 0.15,
    listing_url: 2.0,
    listing_articles: 0.5,
    listing_min_articles: 5,
    listing_link_headings: 2.0,
    listing_min_link_headings: 5,
    listing_paged: 1.0,
    paged_min_numbers: 4,

    docs_schema: 3.0,
    docs_url: 4.0,
    docs_code_blocks: 2.0,
    docs_min_code_blocks: 2,
    docs_inline_code: 3.0,
    docs_min_inline_code: 5,
    docs_many_inline_code_weight: 2.5,
    docs_many_inline_code: 20,
    docs_toc: 2.5,

    service_schema: 1.5,
    service_url: 3.0,
    service_home: 1.0,
    service_sections: 2.0,
    service_min_headings: 3,
    service_paragraphs_per_heading: 0.6,
    service_link_heading_share: 0.5,
    service_undated: 1.5,
    service_other_schema: 1.0,
    service_cta: 2.0,
    service_testimonials: 2.0,
    service_pricing: 2.5,

    min_score: 1.0,
};

/// How repeated siblings are read: cards of a listing, posts of a thread.
pub(crate) struct SiblingLimits {
    /// A card holds less text than this; more is a section of prose.
    pub card_max_chars: u32,
    /// A post holds at least this much text …
    pub post_min_chars: u32,
    /// … of which less than this share is link text.
    pub post_max_link_density: f32,
    /// Kinds of siblings (tag and class) told apart under one parent; the
    /// rest are not counted, so a parent of thousands stays cheap.
    pub max_kinds: usize,
}

/// The sibling limits pith runs with.
pub(crate) const SIBLINGS: SiblingLimits = SiblingLimits {
    card_max_chars: 1500,
    post_min_chars: 100,
    post_max_link_density: 0.3,
    max_kinds: 16,
};
