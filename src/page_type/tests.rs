//! Tiny pages of each kind, and the type they get.

use super::*;
use crate::classify::classify;
use crate::metadata;

fn type_of(src: &str, url: &str) -> PageType {
    let html = Html::parse_document(src);
    let url = Url::parse(url).ok();
    let meta = metadata::extract(&html, url.as_ref());
    let facts = Facts::compute(&html);
    let marks = classify(&html, &facts);
    decide(&html, &facts, &marks, &meta, url.as_ref())
}

const P: &str = "<p>The ferry service will resume on Monday after three weeks of repairs to \
    the landing stage, the operator said, with the first crossing at seven in the morning and \
    the last at ten at night, and extra sailings at weekends through the summer months.</p>";

#[test]
fn a_dated_story_of_prose_is_an_article() {
    let src = format!(
        "<html><head><meta property='article:published_time' content='2024-05-02'>\
         <meta name=author content='Ann Lee'></head><body><article><h1>Ferry returns</h1>\
         {P}{P}{P}{P}{P}</article></body></html>"
    );
    assert_eq!(
        type_of(
            &src,
            "https://news.example/2024/05/ferry-service-returns-after-repairs"
        ),
        PageType::Article
    );
}

#[test]
fn a_thread_of_posts_is_a_forum() {
    let post = |who: &str| {
        format!(
            "<div class='message'><div class='author'>{who}</div><div class='message-body'>\
             I had the same trouble with the pump after the winter; replacing the seal and \
             bleeding the line fixed it for me.</div></div>"
        )
    };
    let src = format!(
        "<body><h1>Pump loses pressure</h1><div class=thread>{}{}{}{}</div></body>",
        post("ann"),
        post("bo"),
        post("cy"),
        post("di")
    );
    assert_eq!(
        type_of(
            &src,
            "https://boards.example/threads/pump-loses-pressure.1234/"
        ),
        PageType::Forum
    );
}

#[test]
fn a_product_with_an_offer_is_a_product() {
    let src = r#"<html><head><meta property="og:type" content="product">
        <script type="application/ld+json">{"@type":"Product","name":"Trail Pack 25",
        "offers":{"@type":"Offer","price":"89.00","priceCurrency":"EUR"}}</script></head>
        <body><h1>Trail Pack 25</h1><span>€89.00</span><p>A light daypack.</p>
        <a href="/cart">Add to cart</a></body></html>"#;
    assert_eq!(
        type_of(src, "https://shop.example/products/trail-pack-25"),
        PageType::Product
    );
}

#[test]
fn many_priced_cards_are_a_collection_and_unpriced_ones_a_listing() {
    let card = |k: usize, price: bool| {
        format!(
            "<li class='tile'><a href='/x/{k}'><img src='/i/{k}.jpg'><h3>Item number {k}</h3></a>{}</li>",
            if price {
                format!("<span>${k}.99</span>")
            } else {
                String::new()
            }
        )
    };
    let page = |price: bool| {
        let cards: String = (1..=12).map(|k| card(k, price)).collect();
        format!("<body><h1>Everything</h1><ul class=grid>{cards}</ul></body>")
    };
    assert_eq!(
        type_of(&page(true), "https://shop.example/collections/packs"),
        PageType::Collection
    );
    assert_eq!(
        type_of(&page(false), "https://news.example/category/science/"),
        PageType::Listing
    );
}

#[test]
fn code_under_a_docs_path_is_documentation() {
    let src = format!(
        "<body><nav><a href=/docs/a>Install</a> <a href=/docs/b>Usage</a></nav><main>\
         <h1>Usage</h1>{P}<p>Call <code>open</code> with a <code>path</code>, then \
         <code>read</code> and <code>close</code>; <code>flush</code> is optional.</p>\
         <pre>let f = open(path)?;</pre><pre>f.close();</pre></main></body>"
    );
    assert_eq!(
        type_of(&src, "https://lib.example/docs/usage"),
        PageType::Documentation
    );
}

#[test]
fn a_business_home_page_of_short_sections_is_a_service() {
    let section = |h: &str| {
        format!("<section><h2>{h}</h2><p>We plan, build and look after it for you.</p></section>")
    };
    let src = format!(
        "<html><head><script type='application/ld+json'>{{\"@type\":\"LocalBusiness\",\
         \"name\":\"Quay Builders\"}}</script></head><body><h1>Quay Builders</h1>{}{}{}{}\
         <form><label>Email</label></form></body></html>",
        section("Extensions"),
        section("Roofing"),
        section("Kitchens"),
        section("Contact us")
    );
    assert_eq!(type_of(&src, "https://quay.example/"), PageType::Service);
}

#[test]
fn an_empty_page_is_other() {
    assert_eq!(
        type_of("<body></body>", "https://x.example/a"),
        PageType::Other
    );
}

#[test]
fn page_types_serialize_in_snake_case() {
    let json = serde_json::to_string(&[PageType::Article, PageType::Documentation]).unwrap();
    assert_eq!(json, r#"["article","documentation"]"#);
}

/// A page of two long paragraphs under a plain URL, and `extra` markup.
fn plain_page(extra: &str) -> String {
    format!("<body><main><h1>Garden rooms</h1>{P}{P}{extra}</main></body>")
}

#[test]
fn a_call_to_action_testimonials_and_pricing_make_a_service() {
    let url = "https://quay.example/garden-rooms";
    assert_eq!(type_of(&plain_page(""), url), PageType::Article);
    let parts = [
        "<div class='testimonials'><p>They were on time and tidy.</p></div>",
        "<div class='pricing-table'><h3>Small</h3><p>From 9,000</p></div>",
        "<a class=btn href=/quote>Get a free quote</a>",
    ];
    let service = 6;
    let plain = scores_of(&plain_page(""), url)[service];
    for part in parts {
        assert!(scores_of(&plain_page(part), url)[service] > plain, "{part}");
    }
    assert_eq!(
        type_of(&plain_page(&parts.concat()), url),
        PageType::Service
    );
}

#[test]
fn posts_with_times_and_avatars_are_a_forum() {
    let post = |who: &str| {
        format!(
            "<div class=entry><img class=avatar src=/u/{who}.png><b>{who}</b>\
             <time datetime='2024-03-02'>2 March</time><p>Same here: a new seal and bleeding \
             the line fixed the pressure for me, it has held for a month now.</p></div>"
        )
    };
    let src = format!(
        "<body><h1>Pump loses pressure</h1>{}{}{}</body>",
        post("ann"),
        post("bo"),
        post("cy")
    );
    assert_eq!(
        type_of(&src, "https://pumps.example/pump-loses-pressure"),
        PageType::Forum
    );
}

#[test]
fn a_table_of_contents_beside_code_is_documentation() {
    let url = "https://lib.example/guide/reading-files";
    let code = "<pre>let f = open(path)?;</pre>";
    assert_eq!(type_of(&plain_page(code), url), PageType::Article);
    let toc = format!(
        "<nav class=toc><p>On this page</p><a href=#open>Open</a> <a href=#close>Close</a></nav>{code}"
    );
    assert_eq!(type_of(&plain_page(&toc), url), PageType::Documentation);
}

/// Each type's score, in [`ORDER`].
fn scores_of(src: &str, url: &str) -> [f32; 7] {
    let html = Html::parse_document(src);
    let url = Url::parse(url).ok();
    let meta = metadata::extract(&html, url.as_ref());
    let facts = Facts::compute(&html);
    let marks = classify(&html, &facts);
    let signs = Signs {
        meta: &meta,
        ev: evidence::gather(&html, &facts, &marks),
        url: url.map(|u| PathWords::of(u.path())).unwrap_or_default(),
        thread_lifted: marks.thread_lifted(),
        thread_held: marks.thread_held(),
    };
    ORDER.map(|t| signs.score(t))
}

#[test]
fn pagination_and_filters_mark_a_page_of_items() {
    let card = |k: usize| {
        format!("<li class=tile><a href='/x/{k}'><img src='/i/{k}.jpg'><h3>Item {k}</h3></a></li>")
    };
    let page = |extra: &str| {
        let cards: String = (1..=10).map(card).collect();
        format!("<body><h1>Everything</h1><ul class=grid>{cards}</ul>{extra}</body>")
    };
    let url = "https://shop.example/everything";
    let numbers: String = (1..=5)
        .map(|n| format!("<a href='?p={n}'>{n}</a> "))
        .collect();
    let plain = scores_of(&page(""), url);
    let (listing, collection) = (4, 3);
    // Page-number links, or a pagination bar: one page of several.
    for bar in [
        numbers,
        "<div class=pagination><a href='?p=2'>Next</a></div>".into(),
    ] {
        let paged = scores_of(&page(&bar), url);
        assert!(paged[listing] > plain[listing] && paged[collection] > plain[collection]);
    }
    let filtered = scores_of(
        &page("<div class=facets><a href='?c=red'>Red</a></div>"),
        url,
    );
    assert!(filtered[collection] > plain[collection]);
    assert_eq!(filtered[listing], plain[listing]);
}

#[test]
fn sections_headed_by_links_are_teasers_not_a_service() {
    let page = |linked: bool| {
        let teaser = |i: u32| {
            let title = format!("Launch notes {i}: what shipped this week");
            let head = if linked {
                format!("<a href='/posts/launch-notes-{i}'>{title}</a>")
            } else {
                title
            };
            format!("<div class=teaser><h3>{head}</h3><p>A short summary of it.</p></div>")
        };
        let teasers: String = (1..=6).map(teaser).collect();
        format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"Organization\",\
             \"name\":\"Quay\"}}</script></head><body><h1>Quay</h1><main>{teasers}</main>\
             </body></html>"
        )
    };
    let url = "https://quay.example/";
    // Plain headings over short paragraphs: a business's blurbs.
    assert_eq!(type_of(&page(false), url), PageType::Service);
    // The same headings as links: headlines of other pages, a listing.
    let service = 6;
    assert!(scores_of(&page(true), url)[service] < scores_of(&page(false), url)[service]);
    assert_eq!(type_of(&page(true), url), PageType::Listing);
}

#[test]
fn a_declared_thread_is_a_forum_though_its_first_post_reads_like_an_article() {
    // A dated, credited first post of long paragraphs under a slug URL, and
    // the markup says it is a forum topic.
    let page = |ld_type: &str| {
        format!(
            "<html><head><meta property='article:published_time' content='2024-05-02'>\
             <meta name=author content='Ann Lee'>\
             <script type='application/ld+json'>{{\"@context\":\"https://schema.org\",\
             \"@type\":\"{ld_type}\",\"headline\":\"Ferry returns\",\
             \"author\":{{\"@type\":\"Person\",\"name\":\"Ann Lee\"}}}}</script>\
             </head><body><h1>Ferry returns</h1>{P}{P}{P}{P}{P}</body></html>"
        )
    };
    let url = "https://talk.example/ferry-service-returns-after-the-repairs";
    assert_eq!(
        type_of(&page("DiscussionForumPosting"), url),
        PageType::Forum
    );
    // Comments marked up under a story do not make it a thread.
    assert_eq!(type_of(&page("Comment"), url), PageType::Article);
}

#[test]
fn a_blogs_archive_of_posts_classed_each_its_own_way_is_a_run_of_cards() {
    // Each post's classes carry its id and categories.
    let post = |k: usize| {
        format!(
            "<article class='post-{k} post category-dinner category-c{k} entry'>\
             <a href='/recipe-{k}/'><img src='/i/{k}.jpg'></a>\
             <h2 class=entry-title><a href='/recipe-{k}/'>Air fryer recipe number {k}</a></h2>\
             </article>"
        )
    };
    let posts: String = (1..=12).map(post).collect();
    let src = format!("<body><h1>Air fryer recipes</h1><main>{posts}</main></body>");
    let html = Html::parse_document(&src);
    let facts = Facts::compute(&html);
    let marks = classify(&html, &facts);
    let meta = metadata::extract(&html, None);
    let decision = decide_with_grid(&html, &facts, &marks, &meta, None);
    let main = (0..facts.nodes.len() as Ix)
        .find(|&i| facts.nodes[i as usize].tag == crate::dom::Tag::Main);
    assert_eq!(decision.grid.map(|(parent, _)| parent), main);
}

#[test]
fn a_threads_slug_is_no_headline() {
    // A credited short post under a forum URL that ends in its title.
    let src = format!(
        "<html><head><meta name=author content='ann'></head><body><h1>Enamelled pan and metal \
         tools</h1>{P}</body></html>"
    );
    let url = "https://talk.example/r/cooking/comments/1rl0nt4/enamelled_pan_and_metal_tools/";
    assert_eq!(type_of(&src, url), PageType::Forum);
    // The same slug under a section of articles is a headline.
    let url = "https://news.example/stories/1rl0nt4/enamelled_pan_and_metal_tools/";
    assert_eq!(type_of(&src, url), PageType::Article);
}

/// A reply of a thread: a poster, with an avatar and a time if `rich`,
/// and a paragraph.
fn reply(k: usize, rich: bool) -> String {
    let by = if rich {
        "<img class=avatar src=/u/1.png><time datetime='2024-03-02'>2 March</time>"
    } else {
        ""
    };
    format!(
        "<li class=comment id=c{k}>{by}<b>poster{k}</b><p>Same here: a new seal and bleeding the \
         line fixed the pressure for me, it has held for a month now with no drop at all, \
         through the cold nights and the long runs of the irrigation in the evenings.</p></li>"
    )
}

#[test]
fn a_thread_that_is_the_whole_page_is_a_forum_though_its_post_is_dated() {
    // The post and its replies all sit in the comments wrapper; the page
    // reads as an article by its metadata and URL.
    let head = "<head><meta property=og:type content=article>\
        <meta property='article:published_time' content='2024-05-02'>\
        <meta name=author content='Ann Lee'></head>";
    let replies: String = (1..=6).map(|k| reply(k, true)).collect();
    let src = format!(
        "<html>{head}<body><nav><a href=/>Home</a></nav><div id=comments class=comments>\
         <div class='comment op'><h1>Pump loses pressure</h1>{P}{P}{P}{P}</div>\
         <ol class=comment-list>{replies}</ol></div></body></html>"
    );
    let url = "https://pumps.example/s/x1y2z3/pump-loses-pressure-after-winter";
    assert_eq!(type_of(&src, url), PageType::Forum);
}

#[test]
fn a_thread_under_a_short_post_is_a_forum_unless_the_page_is_an_article() {
    let page = |og: &str| {
        let replies: String = (1..=6).map(|k| reply(k, false)).collect();
        format!(
            "<html><head><meta property=og:type content={og}></head><body>\
             <nav><a href=/>Home</a></nav><div class=post><h1>Pump loses pressure</h1>{P}</div>\
             <ul class=comments>{replies}</ul></body></html>"
        )
    };
    let url = "https://pumps.example/post/21018364";
    assert_eq!(type_of(&page("website"), url), PageType::Forum);
    // Under a declared article, the same thread is its comments.
    assert_eq!(type_of(&page("article"), url), PageType::Article);
}
