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
