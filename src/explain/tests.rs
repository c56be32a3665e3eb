use super::*;
use crate::Options;

fn explained(src: &str) -> Explanation {
    let options = Options {
        url: Some("https://example.org/news/ferry".into()),
        ..Options::default()
    };
    crate::explain(src.as_bytes(), &options).unwrap()
}

/// The stripped decisions as (element, kind, evidence shown to people).
fn stripped(e: &Explanation) -> Vec<(&str, Boilerplate, String)> {
    e.decisions
        .iter()
        .filter_map(|d| match &d.what {
            What::Stripped { kind, evidence, .. } => {
                Some((d.element.as_str(), *kind, evidence.to_string()))
            }
            _ => None,
        })
        .collect()
}

fn kind_of(e: &Explanation, element: &str) -> Option<Boilerplate> {
    stripped(e)
        .into_iter()
        .find(|(el, _, _)| el.starts_with(element))
        .map(|(_, kind, _)| kind)
}

const PROSE: &str = "The council met on Tuesday evening to discuss the new harbour \
    plan, which would move the ferry terminal two miles east and open the old quay \
    to houses, shops and a small park. Residents spoke for three hours, most of them \
    against the move, citing traffic, noise and the cost to the town's budget.";

#[test]
fn the_seed_articles_chrome_each_has_its_kind() {
    let page = include_str!("../../samples/all-of-us-are-dead-season-2.html");
    let e = explained(page);
    use Boilerplate::*;
    // The search box inside the header, the social share bar, the comment
    // form, the "You May Also Like" block.
    assert_eq!(
        kind_of(&e, "div.jeg_nav_item.jeg_nav_search"),
        Some(Navigation)
    );
    assert_eq!(kind_of(&e, "div.jeg_share_top_container"), Some(Share));
    assert_eq!(kind_of(&e, "form#commentform"), Some(Comments));
    let related = e
        .decisions
        .iter()
        .find(|d| d.element == "div.jnews_related_post_container");
    assert!(
        related.is_some_and(|d| d.text.starts_with("You May Also Like")
            && matches!(d.what, What::Stripped { kind: Related, .. })),
        "{related:?}"
    );
}

#[test]
fn outermost_regions_match_the_stripped_counts() {
    let page = include_str!("../../samples/all-of-us-are-dead-season-2.html");
    let e = explained(page);
    let mut counted = crate::document::Stripped::default();
    for d in &e.decisions {
        if let What::Stripped {
            kind, within: None, ..
        } = d.what
        {
            counted.add(kind);
        }
    }
    assert_eq!(counted, e.document.stripped);
}

#[test]
fn the_document_is_the_one_extract_gives() {
    for page in [
        include_str!("../../samples/all-of-us-are-dead-season-2.html"),
        include_str!("../../samples/all-of-us-are-dead-div-soup.html"),
        include_str!("../../samples/german-localized-related.html"),
    ] {
        let doc = crate::extract(page.as_bytes(), &Options::default()).unwrap();
        let explanation = crate::explain(page.as_bytes(), &Options::default()).unwrap();
        assert_eq!(explanation.document, doc);
    }
}

#[test]
fn evidence_names_the_role_the_word_and_the_phrase() {
    let e = explained(&format!(
        "<body><div id=s role=search>Search</div><div class='c1'><p>{PROSE}</p><p>{PROSE}</p>\
         <div id=rel><div>You may also like</div><a href=/a>The ferry timetable changes \
         again</a> <a href=/b>Harbour master retires after forty years</a></div></div>\
         <div id=c class=comments-area>Nice post</div></body>"
    ));
    let got = stripped(&e);
    assert!(
        got.contains(&("div#s", Boilerplate::Navigation, "role=search".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "div#c.comments-area",
            Boilerplate::Comments,
            "class “comments”".into()
        )),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(_, k, ev)| *k == Boilerplate::Related && ev == "label “you may also like”"),
        "{got:?}"
    );
}

#[test]
fn root_headline_headings_captions_and_links_point_at_their_elements() {
    let e = explained(&format!(
        "<html><head><title>Ferry returns</title></head><body><main id=m>\
         <h1 id=h>Ferry returns</h1><p>{PROSE}</p><figure><img src=/a.jpg>\
         <figcaption id=cap>The quay at dawn.</figcaption></figure><h2 id=t>Timetable</h2>\
         <p>{PROSE}</p><p id=cta>Click to comment</p></main>\
         <div class=related><h3>Related</h3><a id=l href=/other>The harbour plan meets \
         its critics again</a> <a href=/x>Second story about the quay</a></div></body></html>"
    ));
    let of = |pick: fn(&What) -> bool| -> Vec<&str> {
        e.decisions
            .iter()
            .filter(|d| pick(&d.what))
            .map(|d| d.element.as_str())
            .collect()
    };
    assert_eq!(of(|w| *w == What::ArticleRoot), ["main#m"]);
    assert_eq!(of(|w| *w == What::Headline), ["h1#h"]);
    assert_eq!(of(|w| matches!(w, What::Heading { level: 2 })), ["h2#t"]);
    assert_eq!(of(|w| *w == What::Caption), ["figcaption#cap"]);
    assert!(
        of(|w| matches!(w, What::RelatedLink { url } if url.ends_with("/other"))).contains(&"a#l")
    );
    // A call to action dropped by the walk inside the article.
    assert!(
        stripped(&e).contains(&(
            "p#cta",
            Boilerplate::Comments,
            "label “click to comment”".into()
        )),
        "{:?}",
        stripped(&e)
    );
}

#[test]
fn the_page_copy_runs_and_loads_nothing() {
    let e = explained(&format!(
        "<html><head><link rel=stylesheet href=https://cdn.example/a.css>\
         <style>@import 'x.css'; body {{ background: URL(https://t.example/bg.png) }}</style>\
         <meta http-equiv=refresh content='0;url=https://x.example/'><base href=https://b.example/>\
         <script>alert(1)</script></head><body onload=go()><nav>Home</nav>\
         <article><p style=\"background-image:url('https://t.example/p.gif')\">{PROSE}</p>\
         <img src=https://i.example/a.jpg srcset='https://i.example/b.jpg 2x' alt=Quay>\
         <iframe src=https://v.example/></iframe><svg><image href=https://i.example/c.svg /></svg>\
         <a href=/next onclick=steal()>Next</a> <a href='javascript:alert(1)'>x</a></article>\
         <plaintext></body></html>"
    ));
    let page = format!("{}{}", e.page.head, e.page.body);
    let lower = page.to_ascii_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<link",
        "<meta",
        "<base",
        "src=",
        "srcset",
        "url(",
        "@import",
        "onload",
        "onclick",
        "javascript:",
        "<plaintext",
    ] {
        assert!(!lower.contains(bad), "{bad} in {page}");
    }
    // Links keep their target (the viewer stops clicks); styles stay.
    assert!(page.contains("href=\"/next\""), "{page}");
    assert!(e.page.head.starts_with("<style>"), "{}", e.page.head);
    // The decided elements are numbered for the viewer.
    assert!(page.contains("<nav data-pith-node="), "{page}");
}

#[test]
fn errors_are_extractions_errors() {
    let options = Options {
        max_bytes: 10,
        ..Options::default()
    };
    assert_eq!(
        crate::explain(b"<p>far too long a page</p>", &options).unwrap_err(),
        crate::extract(b"<p>far too long a page</p>", &options).unwrap_err()
    );
    assert_eq!(
        crate::explain(b"   ", &Options::default()).unwrap_err(),
        crate::Error::Empty
    );
}

#[test]
fn deep_pages_explain_without_recursion() {
    let src = "<div class=nav>".repeat(20_000) + "deep";
    let e = crate::explain(src.as_bytes(), &Options::default()).unwrap();
    assert!(e.page.body.len() < src.len() * 4);
}
