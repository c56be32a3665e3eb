//! Whole-stage tests: a tiny page in, one field out, for each source and each rule.

use super::*;

fn meta_of(html: &str) -> Metadata {
    extract(&Html::parse_document(html), None)
}

fn meta_at(html: &str, url: &str) -> Metadata {
    extract(&Html::parse_document(html), Some(&Url::parse(url).unwrap()))
}

// --- url and base ---

#[test]
fn url_prefers_canonical_then_og_url_then_callers() {
    let page = "https://e.com/news/a?utm=x";
    let m = meta_at(
        r#"<link rel="canonical" href="/news/a"><meta property="og:url" content="https://e.com/og">"#,
        page,
    );
    assert_eq!(m.url.as_deref(), Some("https://e.com/news/a"));
    let m = meta_at(
        r#"<meta property="og:url" content="https://e.com/og">"#,
        page,
    );
    assert_eq!(m.url.as_deref(), Some("https://e.com/og"));
    let m = meta_at("<title>x</title>", page);
    assert_eq!(m.url.as_deref(), Some(page));
    assert_eq!(meta_of("<title>x</title>").url, None);
}

#[test]
fn unsafe_or_unresolvable_canonical_is_skipped() {
    let m = meta_of(r#"<link rel="canonical" href="javascript:alert(1)">"#);
    assert_eq!(m.url, None);
    // Relative canonical without any URL to resolve it against: not a URL we can state.
    let m = meta_of(
        r#"<link rel="canonical" href="/a"><meta property="og:url" content="https://e.com/a">"#,
    );
    assert_eq!(m.url.as_deref(), Some("https://e.com/a"));
}

#[test]
fn base_is_base_href_then_callers_then_canonical() {
    let page = "https://e.com/news/a";
    let m = meta_at(
        r#"<base href="/static/"><link rel="canonical" href="https://c.com/a">"#,
        page,
    );
    assert_eq!(m.base.unwrap().as_str(), "https://e.com/static/");
    // A browser resolves relative links against the address it fetched,
    // not the canonical one (a syndicated copy names its sister site's page).
    let m = meta_at(r#"<link rel="canonical" href="https://c.com/a">"#, page);
    assert_eq!(m.base.unwrap().as_str(), page);
    assert_eq!(m.url.as_deref(), Some("https://c.com/a"));
    let m = meta_at("<p>x</p>", page);
    assert_eq!(m.base.unwrap().as_str(), page);
    // Without the caller's URL the canonical one stands in.
    let m = meta_of(r#"<link rel="canonical" href="https://c.com/a">"#);
    assert_eq!(m.base.unwrap().as_str(), "https://c.com/a");
    // A relative base on a page without a caller URL hangs off the canonical one.
    let m = meta_of(r#"<base href="/s/"><link rel="canonical" href="https://c.com/a/b">"#);
    assert_eq!(m.base.unwrap().as_str(), "https://c.com/s/");
    assert!(meta_of("<p>x</p>").base.is_none());
}

// --- title ---

#[test]
fn title_from_og_title_with_its_site_tail_stripped() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="Harbour News">
        <meta property="og:title" content="Tide tables | Harbour News">"#,
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables"));
}

#[test]
fn title_from_twitter_and_json_ld() {
    let m = meta_of(r#"<meta name="twitter:title" content="Tweeted head">"#);
    assert_eq!(m.title.as_deref(), Some("Tweeted head"));
    let m = meta_of(
        r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD head"}]}</script>"#,
    );
    assert_eq!(m.title.as_deref(), Some("LD head"));
}

#[test]
fn title_from_article_h1_then_title_tag_without_tail() {
    let m = meta_of(
        r#"<title>Tide tables | Harbour News</title><header><h1>Harbour News</h1></header>
        <article><h1>Tide tables</h1></article>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables"));
    let m = meta_of("<title>Spring tide tables - Harbour News</title><p>x</p>");
    assert_eq!(m.title.as_deref(), Some("Spring tide tables"));
    let m = meta_of(
        "<title>Harbour News :: Tide tables</title><meta property=og:site_name content='Harbour News'>",
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables"));
}

#[test]
fn title_prefers_the_candidate_agreeing_with_the_h1() {
    let m = meta_of(
        r#"<meta property="og:title" content="Tide tables – Harbour"><title>Tide tables – Harbour</title>
        <main><h1>Tide tables</h1></main>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables"));
}

#[test]
fn title_recognises_the_site_by_the_canonical_host() {
    let m = meta_of(
        r#"<link rel="canonical" href="https://www.harbournews.com/a">
        <title>Tide tables - Spring edition - HarbourNews</title>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables - Spring edition"));
}

#[test]
fn the_crate_doc_example_title() {
    let m = meta_of(
        r#"<html lang="en"><head><title>Tide tables | Harbour News</title></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Tide tables</h1><p>x</p></article>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables"));
}

// --- description ---

#[test]
fn description_sources_in_order() {
    let all = r#"<meta name="description" content=" Plain  one "><meta property="og:description" content="OG">
        <meta name="twitter:description" content="TW">"#;
    assert_eq!(meta_of(all).description.as_deref(), Some("Plain one"));
    let m = meta_of(
        r#"<meta name="description" content="  "><meta property="og:description" content="OG">"#,
    );
    assert_eq!(m.description.as_deref(), Some("OG"));
    let m = meta_of(r#"<meta name="twitter:description" content="TW">"#);
    assert_eq!(m.description.as_deref(), Some("TW"));
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"Article","description":"LD"}</script>"#,
    );
    assert_eq!(m.description.as_deref(), Some("LD"));
    assert_eq!(meta_of("<p>x</p>").description, None);
}

// --- authors ---

#[test]
fn authors_from_json_ld_graph_person_reference() {
    let m = meta_of(
        r##"<meta name="author" content="Someone Else">
        <script type="application/ld+json">{"@graph":[
          {"@type":"BlogPosting","headline":"H","author":{"@id":"#p1"}},
          {"@type":"Person","@id":"#p1","name":"Ann Lee"}]}</script>"##,
    );
    assert_eq!(m.authors, vec!["Ann Lee"]);
}

#[test]
fn authors_from_meta_skipping_profile_urls() {
    let m = meta_of(
        r#"<meta property="article:author" content="https://www.facebook.com/annlee">
        <meta name="author" content="By Ann Lee and Bo Ek">"#,
    );
    assert_eq!(m.authors, vec!["Ann Lee", "Bo Ek"]);
    let m = meta_of(r#"<meta property="article:author" content="Ann Lee">"#);
    assert_eq!(m.authors, vec!["Ann Lee"]);
}

#[test]
fn authors_from_rel_author_links_and_byline_markup() {
    let m = meta_of(r#"<article><p>By <a rel="author" href="/ann">Ann Lee</a></p></article>"#);
    assert_eq!(m.authors, vec!["Ann Lee"]);
    let m = meta_of(r#"<article><div class="by-author">By Ann Lee, Bo Ek</div></article>"#);
    assert_eq!(m.authors, vec!["Ann Lee", "Bo Ek"]);
    let m = meta_of(r#"<article><span class="author-name">ann@example.com</span></article>"#);
    assert!(m.authors.is_empty());
}

// --- dates ---

#[test]
fn published_and_modified_from_json_ld() {
    let m = meta_of(
        r#"<meta property="article:published_time" content="2020-01-01">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-02-03T10:00:00Z",
        "dateModified":"2022-02-04T08:30:00+01:00"}</script>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2022-02-03T10:00:00+00:00"));
    assert_eq!(m.modified.as_deref(), Some("2022-02-04T08:30:00+01:00"));
}

#[test]
fn dates_from_open_graph_and_named_metas() {
    let m = meta_of(
        r#"<meta property="article:published_time" content="2022-02-03T10:00:00+00:00">
        <meta property="article:modified_time" content="2022-02-05">"#,
    );
    assert_eq!(m.published.as_deref(), Some("2022-02-03T10:00:00+00:00"));
    assert_eq!(m.modified.as_deref(), Some("2022-02-05"));
    let m = meta_of(r#"<meta name="DC.date.issued" content="2021/07/09">"#);
    assert_eq!(m.published.as_deref(), Some("2021-07-09"));
    let m = meta_of(
        r#"<meta name="pubdate" content="not a date"><meta name="date" content="March 4, 2021">"#,
    );
    assert_eq!(m.published.as_deref(), Some("2021-03-04"));
    let m = meta_of(r#"<meta itemprop="datePublished" content="2019-05-06">"#);
    assert_eq!(m.published.as_deref(), Some("2019-05-06"));
}

#[test]
fn dates_from_time_elements_in_the_article_or_byline() {
    let m = meta_of(
        r#"<aside><time datetime="2001-01-01">old</time></aside>
        <article><div class="byline">By Ann <time datetime="2022-02-03">3 Feb</time></div>
        <time class="updated" datetime="2022-03-01T09:00:00Z">1 Mar</time></article>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2022-02-03"));
    assert_eq!(m.modified.as_deref(), Some("2022-03-01T09:00:00+00:00"));
    let m = meta_of(r#"<span itemprop="datePublished">May 5, 2020</span>"#);
    assert_eq!(m.published.as_deref(), Some("2020-05-05"));
    // A stray `<time>` outside the article says nothing about the article.
    let m = meta_of(r#"<aside><time datetime="2001-01-01">old</time></aside>"#);
    assert_eq!(m.published, None);
}

// --- site name ---

#[test]
fn site_name_sources_in_order() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="OG Site"><meta name="application-name" content="App">"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("OG Site"));
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"Article","publisher":{"@type":"Organization","name":"Pub"}}</script>"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("Pub"));
    let m =
        meta_of(r#"<script type="application/ld+json">{"@type":"WebSite","name":"Web"}</script>"#);
    assert_eq!(m.site_name.as_deref(), Some("Web"));
    let m = meta_of(r#"<meta name="application-name" content="App">"#);
    assert_eq!(m.site_name.as_deref(), Some("App"));
    assert_eq!(meta_of("<p>x</p>").site_name, None);
}

// --- language ---

#[test]
fn language_declared() {
    assert_eq!(
        meta_of(r#"<html lang="en-US"><p>x</p>"#)
            .language
            .as_deref(),
        Some("en")
    );
    let m = meta_of(r#"<meta http-equiv="content-language" content="de-AT">"#);
    assert_eq!(m.language.as_deref(), Some("de"));
    let m = meta_of(r#"<meta property="og:locale" content="de_DE">"#);
    assert_eq!(m.language.as_deref(), Some("de"));
}

#[test]
fn language_undeclared_is_left_to_detection() {
    let m = meta_of(
        "<p>Le conseil municipal a adopté mardi soir le nouveau plan de circulation, \
         qui prévoit la fermeture du centre-ville aux voitures le week-end.</p>",
    );
    assert_eq!(m.language, None);
}

// --- image ---

#[test]
fn image_sources_made_absolute() {
    let page = "https://e.com/news/a";
    let m = meta_at(
        r#"<meta property="og:image" content="/i/og.jpg"><meta name="twitter:image" content="/tw.jpg">"#,
        page,
    );
    assert_eq!(m.image.as_deref(), Some("https://e.com/i/og.jpg"));
    let m = meta_at(r#"<meta name="twitter:image" content="tw.jpg">"#, page);
    assert_eq!(m.image.as_deref(), Some("https://e.com/news/tw.jpg"));
    let m = meta_at(
        r#"<base href="https://cdn.e.com/"><script type="application/ld+json">
        {"@type":"Article","image":{"@type":"ImageObject","url":"ld.jpg"}}</script>"#,
        page,
    );
    assert_eq!(m.image.as_deref(), Some("https://cdn.e.com/ld.jpg"));
    let m = meta_at(
        r#"<meta property="og:image" content="data:image/png;base64,AAAA">"#,
        page,
    );
    assert_eq!(m.image, None);
}

// --- tags ---

#[test]
fn tags_from_every_source_deduped_in_order() {
    let m = meta_of(
        r#"<meta property="article:tag" content="Tides"><meta property="article:tag" content=" Harbour ">
        <meta name="keywords" content="tides, boats,, ">
        <script type="application/ld+json">{"@type":"NewsArticle","keywords":["Moorings"],"articleSection":"Local"}</script>
        <article><a rel="tag" href="/t/weather">Weather</a><a rel="tag" href="/t/h">harbour</a></article>"#,
    );
    assert_eq!(
        m.tags,
        vec!["Tides", "Harbour", "Moorings", "Local", "boats", "Weather"]
    );
    assert!(meta_of("<p>x</p>").tags.is_empty());
}

// --- robustness ---

#[test]
fn empty_and_hostile_pages_give_empty_metadata() {
    let m = meta_of("");
    assert_eq!(m.title, None);
    assert!(m.authors.is_empty());
    // Deep enough to pass every cap; deeper only slows the parser, not this stage.
    let deep = "<div class=author>".repeat(3_000);
    let m = meta_of(&deep);
    assert!(m.authors.is_empty());
}
