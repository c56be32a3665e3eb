//! The classifier's decisions on tiny pages: one test per rule.

use super::*;

/// The marked elements with their kinds, each named by its id, else its tag.
/// Shared with the classifier's other test modules.
pub(super) fn marked(src: &str) -> Vec<(String, Boilerplate)> {
    marked_as(src, false)
}

/// [`marked`], on a page the page-type stage has found to be a forum when
/// `forum`.
pub(super) fn marked_as(src: &str, forum: bool) -> Vec<(String, Boilerplate)> {
    let html = Html::parse_document(src);
    let facts = Facts::compute(&html);
    let mut marks = classify(&html, &facts);
    if forum {
        marks.lift_forum_thread();
    }
    (0..facts.nodes.len() as Ix)
        .filter_map(|i| {
            let kind = marks.get(i)?;
            let el = facts.element(&html, i)?;
            let label = el
                .value()
                .attr("id")
                .map(str::to_string)
                .unwrap_or_else(|| el.value().name().to_string());
            Some((label, kind))
        })
        .collect()
}

/// The marks of the elements named by `ids` once the page-type stage has
/// typed the page `page_type`.
fn kinds_on<const N: usize>(
    src: &str,
    page_type: PageType,
    ids: [&str; N],
) -> [Option<Boilerplate>; N] {
    let html = Html::parse_document(src);
    let facts = Facts::compute(&html);
    let mut marks = classify(&html, &facts);
    marks.follow_page_type(page_type);
    ids.map(|id| marks.get(facts.by_id(&html, id).unwrap()))
}

/// The page parsed and classified, with the page-type decision that finds
/// its runs of cards.
fn classified_with_cards(src: &str) -> (Html, Facts, Marks, crate::page_type::Decision) {
    let html = Html::parse_document(src);
    let facts = Facts::compute(&html);
    let marks = classify(&html, &facts);
    let meta = crate::metadata::extract(&html, None);
    let decision = crate::page_type::decide_with_grid(&html, &facts, &marks, &meta, None);
    (html, facts, marks, decision)
}

/// The mark left on `#grid-box` around the item grid `#grid` once
/// [`Marks::keep_item_grid`] has run, the box marked `kind` before it.
fn grid_box_kept(src: &str, kind: Boilerplate) -> Option<Boilerplate> {
    let (html, facts, mut marks, decision) = classified_with_cards(src);
    let grid = decision.grid;
    let box_ = facts.by_id(&html, "grid-box").unwrap();
    assert_eq!(grid.map(|g| g.0), facts.by_id(&html, "grid"));
    assert_eq!(marks.get(box_), Some(kind));
    marks.keep_item_grid(&html, &facts, grid);
    marks.get(box_)
}

const PROSE: &str = "The council met on Tuesday evening to discuss the new harbour \
    plan, which would move the ferry terminal two miles east and open the old quay \
    to houses, shops and a small park. Residents spoke for three hours, most of them \
    against the move, citing traffic, noise and the cost to the town's budget.";

#[test]
fn tags_and_roles_mark_navigation() {
    let src = format!(
        "<body><nav id=n><a href=/>Home</a></nav><div id=s role=search>Search</div>\
         <main><p>{PROSE}</p></main></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("n".into(), Boilerplate::Navigation)));
    assert!(got.contains(&("s".into(), Boilerplate::Navigation)));
}

#[test]
fn class_words_give_the_kind() {
    let src = format!(
        "<body><div id=a class=entry-content><p>{PROSE}</p>\
         <div id=sh class=sharedaddy>Share</div></div>\
         <div id=c class=comments-area>Nice post</div>\
         <div id=r class=jp-relatedposts><a href=/x>Another story here</a></div></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("sh".into(), Boilerplate::Share)));
    assert!(got.contains(&("c".into(), Boilerplate::Comments)));
    assert!(got.contains(&("r".into(), Boilerplate::Related)));
    assert!(!got.iter().any(|(id, _)| id == "a"));
}

#[test]
fn reviews_are_boilerplate_on_product_pages_only() {
    let review = "Bought this for my daughter's room and it has held up well for two \
        years; the shelves are sturdy and the finish has not chipped.";
    let src = format!(
        "<body><div id=d class=product-details><h1>Oak shelf</h1><p>{PROSE}</p></div>\
         <div id=r class=product-reviews><p>{review}</p><p>{review}</p><p>{review}</p></div></body>"
    );
    let marked_as = |page_type| kinds_on(&src, page_type, ["r"])[0];
    assert_eq!(marked_as(PageType::Article), None);
    assert_eq!(marked_as(PageType::Product), Some(Boilerplate::Comments));
}

#[test]
fn a_block_classed_hidden_around_most_of_a_product_page_is_its_data() {
    // A shop's hidden copy of its data (price tiers, image addresses)
    // outweighs the short description shown: hidden on a product page,
    // while elsewhere a hidden block that large is the text a script reveals.
    let data: String = (1..=12)
        .map(|n| format!("<dt>cat_thumb_{n}:</dt><dd>https://cdn.example.com/s-8f3a/images/stencil/160x160/uploaded_images/5001/WEB_THUMBNAILS/5001_TEE_{n}_THUMB.jpg</dd>"))
        .collect();
    let src = format!(
        "<body><div id=d class=product-details><h1>Staple Tee</h1>\
         <p>A regular fit tee in combed cotton, with neck ribbing and side seams.</p>\
         <dl id=h class='product-info hide'>{data}</dl></div></body>"
    );
    let marked_as = |page_type| kinds_on(&src, page_type, ["h"])[0];
    assert_eq!(marked_as(PageType::Article), None);
    assert_eq!(marked_as(PageType::Product), Some(Boilerplate::Other));
}

#[test]
fn a_lifted_thread_keeps_what_waits_for_the_page_type() {
    // The page is its discussion (lifted), and its reviews box still waits
    // for the page type.
    let src = format!(
        "<body><div id=c class=comments><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=r class=product-reviews><p>Sturdy.</p></div></body>"
    );
    let html = Html::parse_document(&src);
    let facts = Facts::compute(&html);
    let mut marks = classify(&html, &facts);
    assert_eq!(marks.get(facts.by_id(&html, "c").unwrap()), None);
    marks.follow_page_type(PageType::Product);
    assert_eq!(
        marks.get(facts.by_id(&html, "r").unwrap()),
        Some(Boilerplate::Comments)
    );
}

#[test]
fn a_closed_accordion_panel_is_content_on_every_page() {
    let src = format!(
        "<body><div class=product><h1>Oak shelf</h1><button>Description</button>\
         <div id=p class='accordion-panel' style='display:none'><p>{PROSE}</p></div>\
         <div id=m class=menu-drawer style='display:none'><a href=/>Home</a></div>\
         <div class=story><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div></body>"
    );
    let marked_as = |page_type, id| kinds_on(&src, page_type, [id])[0];
    assert_eq!(marked_as(PageType::Article, "p"), None);
    assert_eq!(marked_as(PageType::Collection, "p"), None);
    assert_eq!(marked_as(PageType::Product, "p"), None);
    assert_eq!(marked_as(PageType::Product, "m"), Some(Boilerplate::Other));
    assert_eq!(marked_as(PageType::Article, "m"), Some(Boilerplate::Other));
}

#[test]
fn a_folded_answer_named_so_is_content_on_every_page() {
    // No toggle the markup ties to it: its name says it opens under its
    // question.
    let src = format!(
        "<body><h1>Free courses</h1><p>{PROSE}</p><div class=faq>\
         <div class=faq__question>What is an online certificate?</div>\
         <div id=a class=faq__answer style='display:none'><p>{PROSE}</p></div></div>\
         <div id=m class=menu-drawer style='display:none'><a href=/>Home</a></div></body>"
    );
    let marked_as = |page_type, id| kinds_on(&src, page_type, [id])[0];
    assert_eq!(marked_as(PageType::Article, "a"), None);
    assert_eq!(marked_as(PageType::Service, "a"), None);
    assert_eq!(marked_as(PageType::Listing, "a"), None);
    assert_eq!(marked_as(PageType::Service, "m"), Some(Boilerplate::Other));
}

#[test]
fn a_hidden_figure_named_after_an_accordion_is_a_picture_not_a_panel() {
    // A payment form drawn in markup as the section's picture, hidden from
    // screen readers and named after the accordion it shows; beside it a
    // real accordion's closed panel.
    let src = format!(
        "<body><main><h1>Payments</h1><p>{PROSE}</p>\
         <figure id=g class='PaymentElementAccordionGraphic' aria-hidden=true>\
         <div><span>Card number</span><span>Expiry date</span><button>Pay $168.00</button></div>\
         </figure><button>Fees</button>\
         <div id=p class='accordion-panel' aria-hidden=true><p>{PROSE}</p></div></main></body>"
    );
    for page_type in [PageType::Article, PageType::Service] {
        let kinds = kinds_on(&src, page_type, ["g", "p"]);
        assert_eq!(kinds, [Some(Boilerplate::Other), None]);
    }
}

#[test]
fn an_answer_its_toggle_opens_in_place_is_content_on_every_page() {
    // The ARIA accordion: a heading, or a box of its own, holds the toggle;
    // the hidden box after it is the answer, whatever its class says. A
    // hidden box after a plain heading, a dropdown of links under its
    // toggle, and a dialog a link opens stay out.
    let src = format!(
        "<body><main><h1>Retirement calculator</h1><p>{PROSE}</p>\
         <h3><a href='javascript:void(0)' aria-expanded=false aria-controls=a1>How much do I need?</a></h3>\
         <div id=a1 class=acd-content aria-hidden=true><p>{PROSE}</p></div>\
         <div><a href='javascript:void(0)' aria-expanded=false>How the calculator works</a></div>\
         <div id=a2 class=hide aria-hidden=true><h4>Method</h4><p>{PROSE}</p></div>\
         <h3>Sign up</h3><div id=s1 aria-hidden=true><p>{PROSE}</p></div>\
         <button aria-expanded=false aria-controls=m1>Menu</button>\
         <div id=m1 hidden><a href=/>Home</a></div>\
         <a role=button aria-controls=d1>Refund policy</a>\
         <div id=d1 role=dialog aria-modal=true><p>{PROSE}</p></div></main></body>"
    );
    let hidden =
        |page_type| kinds_on(&src, page_type, ["a1", "a2", "s1", "m1", "d1"]).map(|k| k.is_some());
    assert_eq!(hidden(PageType::Article), [false, false, true, true, true]);
    assert_eq!(hidden(PageType::Service), [false, false, true, true, true]);
}

#[test]
fn a_box_under_its_heading_is_content_on_a_product_page() {
    // A shop's questions, each answer folded under its heading and opened
    // by a script on the heading, with no toggle in the markup. Elsewhere
    // such a box stays hidden; so does a hidden box after a paragraph.
    let src = format!(
        "<body><div class=product><h1>Flame diffuser</h1><p>{PROSE}</p>\
         <h3><span class=toggler>Can it scent a large room?</span></h3>\
         <div id=a class=content style='display:none'><p>{PROSE}</p></div>\
         <p>Delivered in two days.</p>\
         <div id=n class=notice style='display:none'><p>{PROSE}</p></div></div></body>"
    );
    let hidden = |page_type| kinds_on(&src, page_type, ["a", "n"]).map(|k| k.is_some());
    assert_eq!(hidden(PageType::Product), [false, true]);
    assert_eq!(hidden(PageType::Article), [true, true]);
}

#[test]
fn weak_words_yield_to_content_words() {
    let src = format!(
        "<body><div id=w class='elementor-widget-theme-post-content'><p>{PROSE}</p></div></body>"
    );
    assert!(marked(&src).is_empty());
}

#[test]
fn a_search_pages_results_are_content_but_its_search_box_is_not() {
    let card = |n: u32| {
        format!(
            "<li class=card><a href=/w/{n}><h2>Hand-stitched leather wallet no. {n}</h2></a>\
             <span>$45.00</span></li>"
        )
    };
    let cards: String = (1..=6).map(card).collect();
    let src = format!(
        "<body><div id=s class=site-search><input name=q></div><p>{PROSE}</p>\
         <ul id=search-results class=grid>{cards}</ul></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("s".into(), Boilerplate::Navigation)),
        "{got:?}"
    );
    assert!(!got.iter().any(|(id, _)| id == "search-results"), "{got:?}");
}

#[test]
fn a_paywall_wrapper_around_prose_is_content_but_a_banner_is_an_ad() {
    let src = format!(
        "<body><div><p>{PROSE}</p><div id=w class=paywall><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=b class=paywall>Subscribe to keep reading</div></div></body>"
    );
    assert_eq!(marked(&src), [("b".to_string(), Boilerplate::Ads)]);
}

#[test]
fn links_to_the_previous_and_next_story_are_navigation() {
    let src = format!(
        "<body><article><p>{PROSE}</p><p>{PROSE}</p><div id=pn class=next-prev>\
         <a href=/a>Previous: The ferry timetable changes again</a>\
         <p>The timetable moves the first crossing to half past six.</p></div></article></body>"
    );
    assert_eq!(marked(&src), [("pn".to_string(), Boilerplate::Navigation)]);
}

#[test]
fn a_word_on_the_block_that_holds_most_of_the_page_is_the_layout_too() {
    // A page builder's intro box beside its body box: the body box holds
    // too much of the page to be marked, and says the word is the layout.
    let src = format!(
        "<body><div id=intro class=builder-widget-container><p>Intro: {PROSE}</p></div>\
         <div id=rest class=builder-widget-container><p>1: {PROSE}</p><p>2: {PROSE}</p>\
         <p>3: {PROSE}</p><p>4: {PROSE}</p></div></body>"
    );
    assert_eq!(marked(&src), []);
}

#[test]
fn a_word_around_most_of_the_page_is_its_layout_not_a_role() {
    // Each widget its own text: the same text again would be a copy.
    let w = |id: &str| {
        format!("<div id={id} class=builder-widget-container><p>{id}: {PROSE}</p></div>")
    };
    let src = format!(
        "<body><div class=page>{}{}{}</div><div id=foot class=site-footer>\
         <a href=/a>About us</a> <a href=/b>Contact</a> Harbour Press Ltd</div></body>",
        w("w1"),
        w("w2"),
        w("w3")
    );
    // Another word still marks what it names.
    assert_eq!(
        marked(&src),
        [("foot".to_string(), Boilerplate::Navigation)]
    );
    // Around a small part of the page, the same word marks the block.
    let src = format!(
        "<body><div class=page><p>{PROSE}</p><p>{PROSE}</p></div>{}</body>",
        w("w1")
    );
    assert_eq!(marked(&src), [("w1".to_string(), Boilerplate::Navigation)]);
}

#[test]
fn a_table_of_data_named_for_its_header_row_is_content() {
    let row = "<tr><td>1921</td><td><a href=/e>Albert Einstein</a></td></tr>";
    let src = format!(
        "<body><table id=top class=header><tr><td><a href=/>Home</a></td></tr></table>\
         <p>{PROSE}</p><p>{PROSE}</p><table id=data class=\"wikitable sticky-header\">\
         <tr><th>Year</th><th>Physics</th></tr>{}</table></body>",
        row.repeat(12)
    );
    assert_eq!(marked(&src), [("top".to_string(), Boilerplate::Navigation)]);
}

#[test]
fn a_paywall_wrapper_of_short_paragraphs_is_content() {
    let short = "<p>The airline said the engine was hit by a bird on take-off and \
        the crew returned to the airport.</p>";
    let src = format!(
        "<body><div><p>{PROSE}</p><p>{PROSE}</p><div id=w class=paywall-article>\
         {short}{short}{short}{short}{short}{short}</div></div></body>"
    );
    assert!(marked(&src).is_empty());
}

#[test]
fn a_modal_dialog_is_closed_whatever_it_holds() {
    let src = format!(
        "<body><article><p>{PROSE}</p><p>{PROSE}</p></article>\
         <div id=m role=dialog aria-modal=true><h2>Privacy policy</h2><p>{PROSE}</p></div></body>"
    );
    assert_eq!(marked(&src), [("m".to_string(), Boilerplate::Other)]);
}

#[test]
fn a_popover_is_closed_whatever_it_holds() {
    let src = format!(
        "<body><i-card popover id=p><div><p>A full-screen app on your home screen.</p>\
         <ol><li>Tap the Share icon</li><li>Tap Add to Home Screen.</li></ol></div></i-card>\
         <article><p>{PROSE}</p><p>{PROSE}</p></article></body>"
    );
    assert_eq!(marked(&src), [("p".to_string(), Boilerplate::Other)]);
}

#[test]
fn a_consent_popup_is_an_ad_whatever_it_says_but_an_open_sheet_is_not() {
    let src = format!(
        "<body><article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>\
         <div id=m class='modal fade'><p>{PROSE}</p></div>\
         <div id=d role=dialog aria-modal=false><p>{PROSE}</p></div></body>"
    );
    assert_eq!(marked(&src), [("m".to_string(), Boilerplate::Ads)]);
}

#[test]
fn many_popups_holding_most_of_the_text_are_still_popups() {
    // A page builder's pop-up templates after the page, one per add-on:
    // together more text than the page itself.
    let popup = |n: u32| {
        format!("<div id=p{n} class='elementor elementor-location-popup'><p>{PROSE}</p></div>")
    };
    let popups: String = (1..=3).map(popup).collect();
    let src = format!("<body><main><h1>Plans</h1><p>{PROSE}</p></main>{popups}</body>");
    let want: Vec<_> = (1..=3)
        .map(|n| (format!("p{n}"), Boilerplate::Ads))
        .collect();
    assert_eq!(marked(&src), want);
}

#[test]
fn a_popup_named_after_the_article_is_still_a_popup() {
    // The members-only notice under a bookmark button: the name gives
    // the part of the page (`article-action`) and then the pop-up.
    let src = format!(
        "<body><article><h1>Martial law</h1><div class=article-action__scrap>\
         <button>Scrap</button><div id=p class='article-action__scrap-popup'>\
         <div>Scrapping is for members only</div><a href=/join>Sign up</a></div></div>\
         <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></body>"
    );
    assert_eq!(marked(&src), [("p".to_string(), Boilerplate::Ads)]);
}

#[test]
fn a_tooltip_box_is_a_popup_but_a_term_with_its_tip_is_not() {
    // Reaction buttons, each with a tip asking to sign up; a term in a
    // sentence classed a tooltip, its definition in a bubble inside it.
    let src = format!(
        "<body><article><p>{PROSE}</p><p>{PROSE} The <span id=t class='term-tooltip'>\
         keyword<span>What users type into a search engine.</span></span> matters.</p>\
         <div id=r class='reaction js-tooltip'><button>Insightful</button>\
         <div><p>Reactions are for registered members: sign up to react.</p></div></div>\
         </article></body>"
    );
    assert_eq!(marked(&src), [("r".to_string(), Boilerplate::Ads)]);
}

#[test]
fn a_builders_messages_for_a_sent_form_are_boilerplate() {
    // A plan's billing switch set in a builder's form: no field to fill,
    // and the messages it shows once sent, hidden until then.
    let src = format!(
        "<body><main><h1>Pricing</h1><p>{PROSE}</p><div class='pricing_form w-form'>\
         <form><label>Monthly</label><label>Yearly</label></form>\
         <div id=d class=w-form-done><div>Thank you! Your submission has been received!</div></div>\
         <div id=f class=w-form-fail><div>Oops! Something went wrong.</div></div></div>\
         <p>{PROSE}</p></main></body>"
    );
    assert_eq!(
        marked(&src),
        [
            ("d".to_string(), Boilerplate::Other),
            ("f".to_string(), Boilerplate::Other)
        ]
    );
}

#[test]
fn a_builders_copy_hidden_by_a_condition_is_boilerplate_but_an_unready_slider_is_not() {
    // The article again in a members' layout this visitor is not shown;
    // testimonials in a slider hidden until its script runs.
    let src = format!(
        "<body><div class=main><div class=layout__normal><h1>Pricing</h1><p>{PROSE}</p>\
         <p>{PROSE}</p></div><div id=g class='layout__gated w-condition-invisible'>\
         <p>{PROSE}</p><p>{PROSE}</p></div><div class='invisible slider'>\
         <p>The pillow is excellent, I take it on every trip.</p></div></div></body>"
    );
    assert_eq!(marked(&src), [("g".to_string(), Boilerplate::Other)]);
}

#[test]
fn a_signup_box_in_the_text_is_an_ad_but_a_signup_pages_form_is_not() {
    let src = format!(
        "<body><article><p>{PROSE}</p><div id=replay-signup><h3>Sign up for The Replay</h3>\
         <p>A weekly letter for engineering leaders.</p></div><p>{PROSE}</p></article></body>"
    );
    assert_eq!(
        marked(&src),
        [("replay-signup".to_string(), Boilerplate::Ads)]
    );
    // Named after the content too (`signup-content`): the page is the sign-up.
    let src = format!("<body><div class=signup-content><h1>Join</h1><p>{PROSE}</p></div></body>");
    assert!(marked(&src).is_empty());
}

#[test]
fn a_box_of_fine_print_is_boilerplate_but_a_lone_note_is_not() {
    let src = format!(
        "<body><article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>\
         <p id=note class=b-disclaimer>The author owns shares of the fund.</p></article>\
         <div id=box class=disclaimers><p>Past performance is no guarantee of future results.</p>\
         <p>All investing is subject to risk, including the possible loss of money.</p></div></body>"
    );
    assert_eq!(marked(&src), [("box".to_string(), Boilerplate::Other)]);
}

#[test]
fn the_declared_page_footer_is_navigation_whatever_it_holds() {
    // A store's lineup: its cards are links, its footer's fine print is
    // most of the text that is not.
    let card = |n: u32| format!("<a href=/w/{n}><h3>Watch series {n}</h3>From $399</a>");
    let cards: String = (1..=4).map(card).collect();
    let page = |role: &str| {
        format!(
            "<body><main><h1>Watch</h1>{cards}</main>\
             <footer id=f {role}><div><p>* {PROSE}</p><p>** {PROSE}</p></div></footer></body>"
        )
    };
    assert_eq!(
        marked(&page("role=contentinfo")),
        [("f".to_string(), Boilerplate::Navigation)]
    );
    // Without the landmark, a footer that holds most of the text may be
    // the article's own end.
    assert!(marked(&page("")).is_empty());
}

#[test]
fn a_code_blocks_toolbar_wrapper_is_content() {
    let src = format!(
        "<body><div><p>{PROSE}</p><div id=t class=code-toolbar><pre>let x = 1;</pre></div></div></body>"
    );
    assert!(marked(&src).is_empty());
}

#[test]
fn the_wrapper_of_most_text_is_not_boilerplate() {
    let src = format!("<body><div id=w class='sidebar-layout'><p>{PROSE}</p></div></body>");
    assert!(marked(&src).is_empty());
}

#[test]
fn a_post_named_after_its_tags_is_not_a_share_bar() {
    let p = format!("<p>{PROSE}</p>");
    let src = format!(
        "<body><div>{p}{p}{p}{p}{p}\
         <article id=a class='post type-post tag-social-media'>{p}{p}{p}\
         <div id=s class=social-links><a href=/x>Facebook</a> <a href=/y>X</a></div></article>\
         </div></body>"
    );
    assert_eq!(marked(&src), [("s".to_string(), Boilerplate::Share)]);
}

#[test]
fn a_fact_box_beside_the_story_is_boilerplate() {
    let p = format!("<p>{PROSE}</p>");
    let src = format!(
        "<body><article>{p}{p}{p}\
         <div id=f class='fact-box border-black'><h3>Fakta om fødselsdepresjon</h3>{p}</div>\
         <div id=g class='flexmodule--factbox'><h3>Die Zahlen</h3><p>Rund 89.500 Menschen</p></div>\
         {p}</article></body>"
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["f", "g"]);
}

#[test]
fn a_word_glued_to_a_digit_in_a_generated_name_is_no_word() {
    // A site builder's hashed class names: `jXK9ad` is not an ad.
    let src = format!(
        "<body><div id=s class='yaqOZd'><div id=g class='hJDwNd jXK9ad'><h2>Our tools</h2>\
         <p>{PROSE}</p></div></div><div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=b class='ad-banner'>Advertisement</div></body>"
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["b"]);
}

#[test]
fn a_layout_that_has_a_sidebar_is_not_the_sidebar() {
    // Numbered, so that no block is a copy of another.
    let p = |n: u32| format!("<p>{n}. {PROSE}</p>");
    let src = format!(
        "<body><div class=page>{}{}{}{}{}\
         <div id=g class=sidebar-grid__container>{}</div>\
         <div id=w class='content-with-sidebar'>{}</div>\
         <div id=h class=has-sidebar>{}</div>\
         <aside id=s class=sidebar-grid__sidebar>Most read</aside>\
         <div id=b class=sidebar-box>Most read</div></div></body>",
        p(1),
        p(2),
        p(3),
        p(4),
        p(5),
        p(6),
        p(7),
        p(8)
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["s", "b"]);
}

#[test]
fn a_sidebar_named_wrapper_around_the_pages_main_is_the_layout() {
    // A theme's `content-sidebar-wrap` holds `main` (a category's cards,
    // little prose) and the sidebar beside it; the intro sits above.
    let card = |n: u32| format!("<article><h2><a href=/r/{n}>Recipe number {n}</a></h2></article>");
    let cards: String = (1..=12).map(card).collect();
    let src = format!(
        "<body><div class=intro><h1>Recipes</h1><p>{PROSE}</p><p>1. {PROSE}</p></div>\
         <div id=w class=content-sidebar-wrap><main>{cards}</main>\
         <aside id=s class=sidebar><a href=/about>About me</a></aside></div></body>"
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert!(!ids.contains(&"w".to_string()), "{ids:?}");
    assert!(ids.contains(&"s".to_string()), "{ids:?}");
}

#[test]
fn a_sidebar_named_block_holding_most_of_the_page_is_the_layouts_main_column() {
    // A theme's `sidebar-layout` names its columns `sidebar-content` (the
    // story) and `sidebar` (the widgets): a column with half the page's
    // text is no sidebar.
    let p = |n: u32| format!("<p>{n}. {PROSE}</p>");
    let src = format!(
        "<body><div class=hero><p class=title>Six shows to watch</p><p>{}</p></div>\
         <div class=sidebar-layout><div id=c class=sidebar-content>{}{}{}</div>\
         <div id=s class=sidebar><p>Follow us on Facebook and Instagram</p></div></div>\
         <div class=comments-list>{}{}</div></body>",
        p(1),
        p(2),
        p(3),
        p(4),
        p(5),
        p(6)
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert!(!ids.contains(&"c".to_string()), "{ids:?}");
    assert!(ids.contains(&"s".to_string()), "{ids:?}");
}

#[test]
fn a_section_as_wide_as_the_screen_is_not_screen_reader_text() {
    // `screen` after a size utility's axis is a size (as wide or tall as
    // the screen), not screen-reader text; other words after `h-` still
    // count (a heading's anchor).
    let p = |n: u32| format!("<p>{n}. {PROSE}</p>");
    let src = format!(
        "<body><main>{}{}{}{}{}\
         <section id=w class='mx-auto max-w-screen-xl px-4'>{}</section>\
         <div id=h class='flex min-h-screen flex-col'><p>Call us today.</p></div>\
         <div id=x class=h-related-posts><a href=/r>Another recipe here</a></div></main></body>",
        p(1),
        p(2),
        p(3),
        p(4),
        p(5),
        p(6)
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["x"]);
}

#[test]
fn a_section_laid_out_again_for_another_screen_is_a_copy() {
    // The desktop and the phone layout of one section, side by side; the
    // text's own repeated paragraph stays.
    let src = format!(
        "<body><main><div id=d class=variant><h2>How it works</h2><div><p>{PROSE}</p></div></div>\
         <div id=m class=variant><h2>How it works</h2><p>{PROSE}</p></div>\
         <p id=p1>{PROSE}</p><p id=p2>{PROSE}</p></main></body>"
    );
    let html = Html::parse_document(&src);
    let facts = Facts::compute(&html);
    let marks = classify(&html, &facts);
    let copies: Vec<_> = (0..facts.nodes.len() as Ix)
        .filter(|&i| marks.is_copy(i))
        .filter_map(|i| facts.element(&html, i)?.value().attr("id"))
        .collect();
    assert_eq!(copies, ["m"]);
    assert_eq!(marked(&src), [("m".to_string(), Boilerplate::Other)]);
}

#[test]
fn a_phone_layout_of_a_section_shown_on_large_screens_is_a_copy() {
    // The desktop's headed section and the phone's accordion of it (its
    // headings turned into buttons), each in a builder's wrapper; two
    // sections of near the same length not tied to a screen both stay.
    let src = format!(
        "<body><main><div id=w1 class=component><div class=\"d-none d-md-block\">\
         <h3>What it is</h3><p>{PROSE}</p><h3>Why it helps</h3><p>{PROSE} Again.</p></div></div>\
         <div id=w2 class=component><div class=\"accordion d-md-none\">\
         <div><button>What it is</button><p>{PROSE}</p></div>\
         <div><button>Why it helps</button><p>{PROSE} Again.</p></div></div></div>\
         <div id=s1><p>{PROSE} One.</p></div><div id=s2><p>{PROSE} Two.</p></div></main></body>"
    );
    assert_eq!(marked(&src), [("w2".to_string(), Boilerplate::Other)]);
    assert_eq!(screen_only("accordion d-md-none"), Some(Screen::Small));
    assert_eq!(screen_only("lg:hidden card"), Some(Screen::Small));
    assert_eq!(screen_only("d-none d-lg-flex"), Some(Screen::Large));
    assert_eq!(screen_only("max-md:hidden"), Some(Screen::Large));
    assert_eq!(screen_only("d-none d-print-block"), None);
}

#[test]
fn a_copy_of_the_article_hidden_by_its_class_is_a_copy_wherever_it_stands() {
    // A page builder sends the post twice: the template shown, and a
    // `main` hidden by a state class holding the same text, a line short.
    // Alone, a hidden block that large is the article a script reveals;
    // beside its shown copy it is the copy, before it or after.
    let post = format!(
        "<h1>Harbour plan</h1><p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p>"
    );
    let after = format!(
        "<body><div id=shown class=section><div class=wrap>{post}<p>Filed in Town.</p></div></div>\
         <div id=aside><p>{PROSE} Later.</p></div>\
         <main id=copy class=\"post-main hide\"><article>{post}</article></main></body>"
    );
    assert_eq!(marked(&after), [("copy".to_string(), Boilerplate::Other)]);
    let before = format!(
        "<body><main id=copy class=\"post-main hide\"><article>{post}</article></main>\
         <div id=shown class=section><div class=wrap>{post}<p>Filed in Town.</p></div></div></body>"
    );
    assert_eq!(marked(&before), [("copy".to_string(), Boilerplate::Other)]);
    assert_eq!(screen_only("post-main hide"), Some(Screen::Hidden));
    assert_eq!(screen_only("overflow-hidden"), None);
}

#[test]
fn a_section_hidden_at_other_breakpoints_by_generated_classes_is_a_copy() {
    // A site builder's variants of one section, each hidden at the
    // breakpoints of the others by generated names (`hidden-sz3upx`); the
    // tablet's lacks a line of the desktop's. The first stays.
    let src = format!(
        "<body><main><div id=a class=\"ssr-variant hidden-sz3upx hidden-sxxatw\"><section>\
         <h2>Move the needle</h2><p>{PROSE}</p><p>Andrey</p></section></div>\
         <div id=b class=\"ssr-variant hidden-c64fhs hidden-sxxatw\"><section>\
         <h2>Move the needle</h2><p>{PROSE}</p></section></div>\
         <div id=s1 class=\"hidden-q7wz\"><p>{PROSE} One.</p></div>\
         <div id=s2 class=\"hidden-q7wz\"><p>{PROSE} One more.</p></div></main></body>"
    );
    assert_eq!(marked(&src), [("b".to_string(), Boilerplate::Other)]);
    assert_eq!(
        screen_only("hidden-sz3upx ssr-variant hidden-sxxatw"),
        screen_only("ssr-variant hidden-sxxatw hidden-sz3upx")
    );
    assert_ne!(screen_only("hidden-sz3upx"), screen_only("hidden-c64fhs"));
}

#[test]
fn a_state_word_inside_a_longer_class_name_is_a_modifier() {
    // Numbered, so that no block is a copy of another; the block for small
    // screens beside the one for large screens says something else (the
    // same text twice would be one section laid out for each).
    let p = |n: u32| format!("<p>{n}. {PROSE}</p>");
    const OTHER: &str = "The ferry to the island runs twice a day in winter, and the \
        timetable posted at the harbour office lists the later crossing as weather permitting.";
    let src = format!(
        "<body><div class=field--name-body><div id=f class='field field--label-hidden'>{}</div>\
         <div id=o class='relative overflow-hidden'>{}</div>\
         <div id=x class='hidden-xs'>{}</div><div id=t class='block xl:hidden'><p>{OTHER}</p></div>\
         <div id=a class='accordion__panel--hidden'>{}</div>\
         <div id=g class='variant hidden-12t0irv'>{}</div>\
         {}{}{}\
         <div id=h class=hidden>{}</div><div id=i class='panel is-hidden'>Close</div>\
         <span id=v class=visually-hidden>Opens in a new window</span></div></body>",
        p(1),
        p(2),
        p(3),
        p(5),
        p(6),
        p(7),
        p(8),
        p(9),
        p(10)
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["h", "i", "v"]);
}

#[test]
fn a_block_classed_hide_is_hidden_however_much_the_hidden_blocks_hold() {
    // `hide` alone is a state (display: none) as much as `hidden`: the
    // hidden copies of a product's details and a search drop-down are not
    // shown, even when together they hold much of the page's text. Inside a
    // longer name (`hide-mobile`) it is still a modifier.
    let p = |n: u32| format!("<p>{n}. {PROSE}</p>");
    let src = format!(
        "<body><div class=content>{}{}</div>\
         <dl id=d class='product-info hide'>{}{}</dl>\
         <div id=s class=hide>{}</div><div id=m class='details-box hide-mobile'>{}</div></body>",
        p(1),
        p(2),
        p(3),
        p(4),
        p(5),
        p(6)
    );
    let ids: Vec<_> = marked(&src).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["d", "s"]);
}

#[test]
fn related_block_found_by_heading_words_alone() {
    let src = format!(
        "<body><div class=c1><div class=c2><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=rel class=c3><div class=c4>Read next</div>\
         <div class=c5><a href=/a>The ferry timetable changes again</a></div>\
         <div class=c5><a href=/b>Harbour master retires after forty years</a></div></div>\
         </div></body>"
    );
    assert!(marked(&src).contains(&("rel".into(), Boilerplate::Related)));
}

#[test]
fn a_forums_similar_threads_block_is_related() {
    // Below a thread, the forum lists other threads under "Similar threads":
    // each a linked title, its starter and dates.
    let src = format!(
        "<body><div class=c1><div class=c2><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=sim class=block><div class=block-container><h2 class=block-header>Similar threads</h2>\
         <div class=block-body><div class=item><a href=/t/1>Which tablet for office work?</a>\
         <span>russ</span> <time>Aug 1, 2013</time></div>\
         <div class=item><a href=/t/2>Office licence keys for a tenth of the price</a>\
         <span>jim</span> <time>Dec 26, 2022</time></div></div></div></div>\
         </div></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("sim".into(), Boilerplate::Related)),
        "{got:?}"
    );
}

#[test]
fn a_heading_drawn_as_an_image_is_read_by_its_alt_text() {
    // The block's heading is a picture of the word; a reader sees "Related".
    let src = format!(
        "<body><div class=c1><div class=c2><p>{PROSE}</p><p>{PROSE}</p></div></div>\
         <section id=hub><div class=section-header><h1 id=h class=header-image role=heading aria-level=2>\
         <img src=/art/related.svg alt=Related></h1></div>\
         <div class=cards><div class=card><a href=/a title=\"The ferry timetable changes\"><img src=/a.jpg></a>\
         <a href=/a>The ferry timetable changes again</a></div>\
         <div class=card><a href=/b>Harbour master retires after forty years</a></div></div>\
         </section></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("hub".into(), Boilerplate::Related)),
        "{got:?}"
    );
    // A picture without words names nothing.
    let src = src.replace(" alt=Related", "");
    assert!(!marked(&src).iter().any(|(id, _)| id == "hub"));
}

#[test]
fn related_heading_inside_the_body_takes_its_list() {
    let src = format!(
        "<body><div id=body><p>{PROSE}</p><p>{PROSE}</p><h3 id=h>Lesen Sie auch</h3>\
         <ul id=l><li><a href=/a>Die Fähre fährt wieder</a></li>\
         <li><a href=/b>Der Hafen wird größer</a></li></ul></div></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("h".into(), Boilerplate::Related)));
    assert!(got.contains(&("l".into(), Boilerplate::Related)));
    assert!(!got.iter().any(|(id, _)| id == "body"));
}

#[test]
fn a_bold_related_line_over_link_boxes_opens_a_related_block() {
    let src = format!(
        "<body><div id=body><p>{PROSE}</p><p>{PROSE}</p></div><div id=box><b>Related links:</b>\
         <div><a href=https://other.example/a>Protests spread to the capital</a></div>\
         <div><a href=https://other.example/b>Fuel prices rise again</a></div></div>\
         <div id=p><p>A paragraph that opens with <b>Related</b> and goes on as a sentence.</p></div></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("box".into(), Boilerplate::Related)),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(id, _)| id == "body" || id == "p"),
        "{got:?}"
    );
}

#[test]
fn a_related_heading_box_ends_before_the_item_summary_after_it() {
    // The carousel's box holds the heading and its links; the box around
    // it goes on with the item's own summary, which is no part of it.
    let src = format!(
        "<body><div class=main><div id=top class=region><div id=slot class=slot>\
         <section id=rel><h2>People who viewed this item also viewed</h2>\
         <ul><li><a href=/a>Oak garden bench, two seats</a></li>\
         <li><a href=/b>Teak garden table, folding</a></li></ul></section></div>\
         <div id=card class=card><span>Ended</span>\
         <div>Cast iron garden bench with oak slats, seats two, collection only</div>\
         <div>GBP 40.00</div><div>Sat, Nov 02, 04:33 AM</div>\
         <a href=/s>Seller's other items</a></div></div>\
         <div class=desc><p>{PROSE}</p><p>{PROSE}</p></div></div></body>"
    );
    let got = marked(&src);
    assert!(
        got.iter()
            .any(|(id, k)| (id == "rel" || id == "slot") && *k == Boilerplate::Related),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(id, _)| id == "top" || id == "card"),
        "{got:?}"
    );
}

#[test]
fn a_related_heading_in_a_widget_box_takes_the_box_after_it() {
    // A page builder's column: every heading and list sits in widget boxes
    // of its own; the heading's box opens the posts box after it, not the
    // next heading's box.
    let src = format!(
        "<body><div id=body><p>{PROSE}</p><p>{PROSE}</p></div><div class=col>\
         <div class=w><div class=c><h4>Menu previews</h4></div></div>\
         <div class=w><div class=c><p>Chef-crafted, balanced and aligned with the latest nutrition science, \
         delivered fresh for the week ahead.</p></div></div>\
         <div id=hw class=w><div class=c><h4>More to explore</h4></div></div>\
         <div id=posts class=w><div class=c><a href=/a>Menu drops for December</a>\
         <a href=/b>Christmas menu drops</a></div></div>\
         <div id=next class=w><div class=c><h4>Our kitchen</h4></div></div>\
         <div class=w><div class=c><a href=/k>Kitchen tour</a> <a href=/j>Jobs</a></div></div>\
         </div></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("hw".into(), Boilerplate::Related)),
        "{got:?}"
    );
    assert!(
        got.contains(&("posts".into(), Boilerplate::Related)),
        "{got:?}"
    );
    assert!(!got.iter().any(|(id, _)| id == "next"), "{got:?}");
}

#[test]
fn a_related_heading_in_a_widget_box_takes_the_teasers_headed_like_it() {
    // The posts box after the heading's box holds teasers whose titles are
    // headings of the label's own rank, each with a date and an excerpt:
    // the first title is a teaser's, not the next section's heading.
    let src = format!(
        "<body><div id=body><p>{PROSE}</p><p>{PROSE}</p></div><div class=col>\
         <div id=hw class=widget><div class=c><h4>More to explore</h4></div></div>\
         <div id=posts class=widget><div class=c>\
         <article><a href=/a><img src=a.jpg alt=\"\"></a><h4><a href=/a>Christmas menu drops \
         for December 22nd and 24th</a></h4><span>December 16, 2025</span><p>In case you missed \
         our email, we wanted to make sure you were aware of the change to your delivery</p>\
         </article><article><a href=/b><img src=b.jpg alt=\"\"></a><h4><a href=/b>Menu drops \
         for December 16th and 18th</a></h4><span>December 9, 2025</span><p>For the week of \
         the fourteenth, your new menu options will be citrus soy beef with fried rice</p>\
         </article></div></div><div class=widget><h4>Our kitchen</h4><p>{PROSE}</p></div>\
         </div></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("posts".into(), Boilerplate::Related)),
        "{got:?}"
    );
}

#[test]
fn a_shops_similar_items_heading_takes_its_cards() {
    let src = format!(
        "<body><div id=body><h1>Oak shelf</h1><p>{PROSE}</p><h2 id=h>Similar items</h2>\
         <ul id=l><li><a href=/a>Pine shelf, white</a> $40</li>\
         <li><a href=/b>Birch shelf, natural</a> $55</li></ul></div></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("h".into(), Boilerplate::Related)));
    assert!(got.contains(&("l".into(), Boilerplate::Related)));
}

#[test]
fn an_archive_pages_only_h1_naming_the_latest_posts_is_no_widget() {
    let src = format!(
        "<body><div class=c1><p>{PROSE}</p></div><div id=list class=c2><h1 id=t>Latest News</h1>\
         <div class=c3><a href=/a>Can you sue the agency for your benefits?</a></div>\
         <div class=c3><a href=/b>Why choose a specialist lawyer</a></div></div></body>"
    );
    let got = marked(&src);
    assert!(
        !got.iter().any(|(id, _)| id == "t" || id == "list"),
        "{got:?}"
    );
    // Beside a story's own h1, the same h1 heads a widget.
    let beside = src.replacen("<p>", "<h1>Ferry fares rise</h1><p>", 1);
    assert!(
        marked(&beside).contains(&("list".into(), Boilerplate::Navigation)),
        "{beside}"
    );
}

#[test]
fn an_embedded_post_is_not_the_share_bar() {
    let src = format!(
        "<body><article><p>{PROSE}</p><div id=bar class=social-share><a href=/s>Share</a></div>\
         <div id=post class=social-media-embed><blockquote class=twitter-tweet><p>Yes, this \
         is real.</p></blockquote></div><p>{PROSE}</p></article></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("bar".into(), Boilerplate::Share)), "{got:?}");
    assert!(!got.iter().any(|(id, _)| id == "post"), "{got:?}");
}

#[test]
fn a_latest_posts_widget_beside_the_story_is_chrome_in_any_language() {
    // A blog's column of its newest posts, each a linked title, a date and
    // an excerpt, under "Latest News" (or "Entradas recientes"), set in
    // widget boxes of a page builder: the excerpts are no story going on,
    // and the posts are the site's newest, not related to this one.
    for heading in [
        "Latest News",
        "Recent Posts:",
        "Entradas recientes",
        "Neueste Beiträge",
    ] {
        let src = format!(
            "<body><div class=c1><div class=c2><h1>Hurt at the gym</h1><p>{PROSE}</p>\
             <p>{PROSE}</p></div><div class=c3><div class=w><h3>Contact us</h3><p>Let us help! \
             Call us at our office or fill out this quick form and we will contact you within \
             one working day.</p></div>\
             <div class=w><h2>{heading}</h2></div><div id=posts class=w><article><h3><a href=/a>Can you sue the agency for your benefits?</a></h3>\
             <p>March 29, 2025</p><p>When the agency denies a claim, many people wonder \
             whether they can take it to court.</p><a href=/a>Read More</a></article>\
             <article><h3><a href=/b>Why choose a specialist lawyer</a></h3><p>March 27, 2025</p>\
             <p>Navigating the benefits process can be hard when you are already ill.</p>\
             <a href=/b>Read More</a></article></div></div></div></body>"
        );
        let got = marked(&src);
        assert!(
            got.contains(&("posts".into(), Boilerplate::Navigation)),
            "{heading}: {got:?}"
        );
    }
}

#[test]
fn a_landing_pages_band_of_its_newest_posts_is_navigation() {
    // After a service page's sections, a band of the firm's latest posts
    // under "From our blog" or "Featured insights": the site's newest, not
    // the service.
    for heading in ["From our blog", "Featured insights", "Latest insights"] {
        let src = format!(
            "<body><div class=c1><section class=s><h2>How it works</h2><p>{PROSE}</p></section>\
             <section class=s><h2>Questions</h2><p>{PROSE}</p></section>\
             <section id=blog class=s><h2>{heading}</h2><div class=g>\
             <div class=card><a href=/a>How to run a meeting by video</a><p>Five habits of \
             teams that meet less and decide more.</p></div>\
             <div class=card><a href=/b>When to write instead of call</a><p>A guide to the \
             messages that can wait and those that cannot.</p></div></div></section>\
             </div></body>"
        );
        assert!(
            marked(&src).contains(&("blog".into(), Boilerplate::Navigation)),
            "{heading}: {:?}",
            marked(&src)
        );
    }
}

#[test]
fn most_read_widgets_are_navigation_in_any_language() {
    for heading in ["Most popular", "Самые популярные диеты", "Meistgelesen:"] {
        let src = format!(
            "<body><div class=c1><div class=c2><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div id=pop class=c3><h3>{heading}</h3>\
             <div class=c5><a href=/a>The ferry timetable changes again</a></div>\
             <div class=c5><a href=/b>Harbour master retires after forty years</a></div></div>\
             </div></body>"
        );
        assert!(
            marked(&src).contains(&("pop".into(), Boilerplate::Navigation)),
            "{heading}"
        );
    }
}

#[test]
fn comment_form_and_calls_to_action() {
    let src = format!(
        "<body><article><p>{PROSE}</p></article><div id=cta>Click to comment</div>\
         <form id=f><textarea></textarea></form></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("f".into(), Boilerplate::Comments)));
    assert!(got.contains(&("cta".into(), Boilerplate::Comments)));
    let src = format!(
        "<body><article><p>{PROSE}</p><p id=sub>Click here to subscribe to The Harbour \
         Newsletter</p><p id=tip>If you enjoyed this article, consider a gift.</p>\
         <p>{PROSE}</p></article></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("sub".into(), Boilerplate::Ads)), "{got:?}");
    assert!(got.contains(&("tip".into(), Boilerplate::Ads)), "{got:?}");
}

#[test]
fn calls_to_action_and_consent_placeholders_in_other_languages() {
    let src = format!(
        "<body><article><p>{PROSE}</p><div id=sub>Jetzt abonnieren und von der \
         Vorlesefunktion profitieren.</div><div id=embed class=c1><div>Empfohlener \
         redaktioneller Inhalt</div><div>An dieser Stelle findest du einen externen Inhalt \
         von YouTube.</div></div><p id=nl>Mit meiner Anmeldung zum Newsletter stimme ich der \
         Werbevereinbarung zu.</p><p>{PROSE}</p></article></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("sub".into(), Boilerplate::Ads)), "{got:?}");
    assert!(got.contains(&("embed".into(), Boilerplate::Ads)), "{got:?}");
    assert!(got.contains(&("nl".into(), Boilerplate::Ads)), "{got:?}");
}

#[test]
fn an_ad_label_among_short_paragraphs_marks_itself_not_the_story() {
    // One-sentence paragraphs hold no prose by length; the label's box
    // still ends before them.
    let p = "Yangın, ekiplerin yaklaşık yarım saatlik çalışmasıyla söndürüldü ve yol açıldı.";
    let src = format!(
        "<body><div id=story><p>{p}</p><p>{p}</p><div id=ad><div>REKLAM</div></div>\
         <p>{p}</p><p>{p}</p></div><div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body>"
    );
    assert_eq!(marked(&src), [("ad".to_string(), Boilerplate::Ads)]);
}

#[test]
fn an_ad_slot_above_a_short_post_marks_the_slot_not_the_post() {
    // A forum's ad slot inside the post, before the post's two sentences.
    let src = format!(
        "<body><div id=post><div id=slot><div><span>Advertisement</span></div></div>\
         <div id=text>I heard the first interview invitations went out today, so I figured \
         we should get this thread started. Best of luck to you all!</div></div>\
         <div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("slot".into(), Boilerplate::Ads)), "{got:?}");
    assert!(
        !got.iter().any(|(id, _)| id == "post" || id == "text"),
        "{got:?}"
    );
}

#[test]
fn a_lone_related_label_takes_its_single_teaser_but_not_a_sentence() {
    let src = format!(
        "<body><div class=c1><p>{PROSE}</p><div id=t class=c2><div>Lesen Sie auch</div>\
         <div><span>Hafen</span> <a href=/a>Die Fähre fährt wieder</a></div></div>\
         <div id=see class=c3><p>See also</p><p>For the full timetable of every crossing \
         this summer, see <a href=/t>Timetable</a>.</p></div><p>{PROSE}</p></div></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("t".into(), Boilerplate::Related)), "{got:?}");
    assert!(
        !got.iter().any(|(id, _)| id == "see" || id == "p"),
        "{got:?}"
    );
}

#[test]
fn counts_regions_once() {
    let src = format!(
        "<body><div><p>{PROSE}</p><p>{PROSE}</p><h3>Related</h3><ul><li><a href=/a>A b c</a></li><li><a href=/b>D e f</a></li></ul>\
         </div><nav><ul><li><a href=/>Home</a></li></ul></nav></body>"
    );
    let html = Html::parse_document(&src);
    let facts = Facts::compute(&html);
    let marks = classify(&html, &facts);
    let s = marks.count(&facts, facts.body().unwrap());
    assert_eq!((s.related, s.navigation), (1, 1));
}

#[test]
fn poster_profile_and_signature_are_boilerplate() {
    let post = |n: u32| {
        format!(
            "<div class=\"post bg{n}\"><div class=postbody><p class=author>by \
             member{n} on Tue Aug 27, 2019</p><div class=content>{PROSE}</div>\
             <div id=sig{n} class=signature>Proud owner of a 1972 Beetle.</div></div>\
             <dl id=prof{n} class=postprofile><dt>member{n}</dt><dd>Posts: 4032</dd>\
             <dd>Joined: Dec 11, 2021</dd></dl></div>"
        )
    };
    let src = format!("<body><div id=topic>{}{}</div></body>", post(1), post(2));
    let got = marked(&src);
    for id in ["sig1", "sig2", "prof1", "prof2"] {
        assert!(
            got.contains(&(id.into(), Boilerplate::Other)),
            "{id}: {got:?}"
        );
    }
    // The same word inside an answer's footer (`post-signature`) marks too.
    let src = format!(
        "<body><div class=answer><div class=s-prose><p>{PROSE}</p></div>\
         <div id=ps class=\"post-signature\">answered Jan 22, 2013 by someone</div>\
         </div></body>"
    );
    assert!(marked(&src).contains(&("ps".into(), Boilerplate::Other)));
}

#[test]
fn a_posts_author_line_is_metadata_on_a_forum_page_too() {
    let post = |n: u32| {
        format!(
            "<div class=post><div class=postbody><p id=by{n} class=author>by \
             <a href=/u/{n}>member{n}</a> » Tue Aug 27, 2019</p><div class=content>{PROSE}</div>\
             <div id=st{n} class=author_statistics>Posts: 116 Joined: Feb 2019</div>\
             </div></div>"
        )
    };
    let src = format!("<body><div id=topic>{}{}</div></body>", post(1), post(2));
    let ids = ["by1", "by2", "st1"];
    let other = Some(Boilerplate::Other);
    // Who wrote a post and when is the post's metadata, not its body: a
    // byline beside an article, and the same line over each post of a
    // thread, once the thread is lifted.
    assert_eq!(kinds_on(&src, PageType::Article, ids), [other; 3]);
    assert_eq!(kinds_on(&src, PageType::Forum, ids), [other; 3]);
}

#[test]
fn a_meta_line_under_every_short_post_is_boilerplate_on_a_forum_page() {
    // Short replies: the meta lines together hold more of the page than a
    // weak word may mark on any page.
    let post = |n: u32| {
        format!(
            "<div class=topic-post><div id=m{n} class=meta>member{n} \
             September 26, 2025, 1:38pm #{n}</div><div class=cooked>Thanks, that worked.</div></div>"
        )
    };
    let posts: String = (1..=6).map(post).collect();
    let src = format!("<body><div id=topic>{posts}</div></body>");
    assert_eq!(kinds_on(&src, PageType::Article, ["m1", "m6"]), [None; 2]);
    assert_eq!(
        kinds_on(&src, PageType::Forum, ["m1", "m6"]),
        [Some(Boilerplate::Other); 2]
    );
}

#[test]
fn a_cloaked_template_is_hidden() {
    let src = format!(
        "<body><main><h1>Ferry thread</h1><p>{PROSE}</p>\
         <div id=err ng-cloak><strong>{{{{ board.errors[3].message }}}}</strong></div>\
         <div id=menu x-cloak><a href=/a>Account</a></div></main></body>"
    );
    let got = marked(&src);
    for id in ["err", "menu"] {
        assert!(
            got.contains(&(id.into(), Boilerplate::Other)),
            "{id}: {got:?}"
        );
    }
}

#[test]
fn forum_member_stats_are_boilerplate_under_their_engines_names() {
    let post = |n: u32| {
        format!(
            "<div class=message><div class=messageUserInfo><h3>member{n}</h3>\
             <div id=x{n} class=extraUserInfo><dl><dt>Messages:</dt><dd>3</dd></dl></div>\
             <div id=v{n} class=userinfo_extra><dl id=s{n} class=userstats><dt>Join Date</dt>\
             <dd>Nov 2024</dd></dl></div></div><blockquote>{PROSE}</blockquote></div>"
        )
    };
    let src = format!("<body><div id=topic>{}{}</div></body>", post(1), post(2));
    let got = marked_as(&src, true);
    for id in ["x1", "x2", "v1", "v2"] {
        assert!(
            got.contains(&(id.into(), Boilerplate::Other)),
            "{id}: {got:?}"
        );
    }
}

#[test]
fn a_weak_word_on_a_headings_own_link_marks_nothing() {
    let src = format!(
        "<body><main><h2><a id=h class=header href=#quay>The quay</a></h2><p>{PROSE}</p>\
         <div id=d class=header><a href=/>Home</a></div></main></body>"
    );
    let got = marked(&src);
    assert!(!got.iter().any(|(id, _)| id == "h"), "{got:?}");
}

#[test]
fn a_modal_dialog_is_marked_however_much_text_it_holds() {
    let policy = PROSE.repeat(6);
    let src = format!(
        "<body><h1>Ferry thread</h1><p>{PROSE}</p>\
         <div id=privacy role=dialog aria-modal=true><p>{policy}</p></div></body>"
    );
    assert!(marked(&src).contains(&("privacy".into(), Boilerplate::Other)));
}

#[test]
fn a_label_does_not_climb_past_the_page_title() {
    let policy = PROSE.repeat(8);
    let src = format!(
        "<body><div id=page><div class=top><span>More</span>\
         <a href=/a>Boards</a> <a href=/b>News</a> <a href=/c>Games</a> <a href=/d>Help</a></div>\
         <h1>Ferry thread</h1><p>The ferry is late.</p></div>\
         <div class=policy-box><p>{policy}</p></div></body>"
    );
    let got = marked(&src);
    assert!(!got.iter().any(|(id, _)| id == "page"), "{got:?}");
}

#[test]
fn a_page_of_items_keeps_its_card_grid_inside_a_related_region() {
    // A shop that names its product grid `related-product`; with a buying
    // guide beside the grid, the guide is the page and the grid stays cut.
    let card = |n: u32| {
        format!(
            "<div class=item><a href=/p/{n}><img src=/i/{n}.jpg><h4>Mower KR{n}</h4>\
             <p>Robotic lawn mower for a quarter acre, quiet and autonomous.</p></a></div>"
        )
    };
    let cards: String = (1..=8).map(card).collect();
    let page = |beside: &str| {
        format!(
            "<body><nav id=menu><a href=/>Home</a> <a href=/m>Mowers</a></nav>\
             <h1>Robotic lawn mowers</h1>\
             <section id=grid-box class=related-product><div id=grid>{cards}</div></section>\
             {beside}</body>"
        )
    };
    let grid_marked = |src: &str| grid_box_kept(src, Boilerplate::Related);
    assert_eq!(grid_marked(&page("")), None);
    let guide = format!("<div id=guide><h2>Buying guide</h2><p>{PROSE}</p><p>{PROSE}</p></div>");
    assert_eq!(
        grid_marked(&page(&guide.repeat(3))),
        Some(Boilerplate::Related)
    );
}

#[test]
fn a_page_of_items_keeps_its_card_grid_inside_its_pager() {
    // A shop wraps its grid in the box of its pager and filters
    // (`filtering-and-pagination`): even beside a long buying guide, that
    // box holds the items, not navigation. A menu box holding it does not.
    let card = |n: u32| {
        format!(
            "<article class=product-card><a href=/p/{n}><img src=/i/{n}.jpg>\
             <h3>Training tee {n}</h3></a><p>slim fit</p><p>$36</p></article>"
        )
    };
    let cards: String = (1..=12).map(card).collect();
    let guide =
        format!("<div id=guide><h2>Which shirt is best?</h2><p>{PROSE}</p><p>{PROSE}</p></div>");
    let grid_marked = |class: &str| {
        let src = format!(
            "<body><nav id=menu><a href=/>Home</a> <a href=/m>Men</a></nav>\
             <h1>T-shirts and tops</h1><div id=grid-box class={class}>\
             <div class=product-grid id=grid>{cards}</div></div>{}</body>",
            guide.repeat(3)
        );
        grid_box_kept(&src, Boilerplate::Navigation)
    };
    assert_eq!(grid_marked("filtering-and-pagination_column"), None);
    assert_eq!(
        grid_marked("mega-menu_column"),
        Some(Boilerplate::Navigation)
    );
}

#[test]
fn a_page_of_items_unfolds_the_text_its_excerpt_opens() {
    // A shop's guide under its grid, shown as its first lines, the whole
    // of it in a copy a "Read more" unhides: on a collection the reader
    // reads the whole once; elsewhere the folded copy stays hidden.
    let more = "Residents who spoke later asked the council to publish the \
        survey of the quay walls before any vote, and to hold a second meeting.";
    let lead = format!("{PROSE} The vote is due in the spring.");
    let src = format!(
        "<body><h1>Harbour plans</h1><h4>About the plan</h4><div class=guide>\
         <span id=excerpt class=excerpt>{lead}</span>\
         <span id=full class='copy hidden'><p>{lead}</p><p>{more}</p></span>\
         <button>Read more</button></div><div id=news><p>{PROSE}</p><p>{PROSE}</p>\
         <p>{PROSE}</p><p>{PROSE}</p></div></body>"
    );
    let ids = ["excerpt", "full"];
    assert_eq!(
        kinds_on(&src, PageType::Collection, ids),
        [Some(Boilerplate::Other), None]
    );
    assert_eq!(
        kinds_on(&src, PageType::Article, ids),
        [None, Some(Boilerplate::Other)]
    );
    // A hidden block that does not go on from the text before it (a
    // template, another answer) stays hidden on a collection too.
    let other = src.replace(
        &format!("<p>{lead}</p><p>{more}"),
        &format!("<p>{more} {more}"),
    );
    assert_eq!(
        kinds_on(&other, PageType::Collection, ids),
        [None, Some(Boilerplate::Other)]
    );
}

#[test]
fn a_page_of_items_keeps_the_cards_a_class_word_marked_whole() {
    // A shop tags most of its product cards `subscription-eligible`; the
    // cards are its items all the same. A share button inside a card stays.
    let card = |n: u32| {
        format!(
            "<li class=grid-item><div id=c{n} class='card-wrapper subscription-eligible'>\
             <a href=/p/{n}><img src=/i/{n}.jpg><h3>Dark roast coffee number {n}</h3></a>\
             <span>$19.99</span><div id=s{n} class=share><a href=/s/{n}>Share</a></div></div></li>"
        )
    };
    let cards: String = (1..=8).map(card).collect();
    let src = format!(
        "<body><nav><a href=/>Home</a> <a href=/c>Coffee</a></nav><h1>Coffee</h1>\
         <p>{PROSE}</p><ul id=grid>{cards}</ul><p>{PROSE}</p></body>"
    );
    let (html, facts, mut marks, decision) = classified_with_cards(&src);
    let grid = decision.grid;
    assert_eq!(grid.map(|g| g.0), facts.by_id(&html, "grid"));
    let (card, share) = (
        facts.by_id(&html, "c2").unwrap(),
        facts.by_id(&html, "s2").unwrap(),
    );
    assert_eq!(marks.get(card), Some(Boilerplate::Ads));
    marks.keep_grid_cards(&facts, grid);
    assert_eq!(marks.get(card), None);
    assert_eq!(marks.get(share), Some(Boilerplate::Share));
}

#[test]
fn a_page_of_items_keeps_the_blurb_its_cards_hide_from_screen_readers() {
    // Each card links its blurb a second time, hidden from screen readers;
    // sighted readers see it. A hidden icon's label stays hidden.
    let card = |n: u32| {
        format!(
            "<article class=river><h2><a href=/a/{n}>Story number {n} of the week</a></h2>\
             <p><a id=b{n} href=/a/{n} aria-hidden=true>The shop now sells the headphones in \
             new colours that were not offered before, number {n}.</a></p>\
             <span id=i{n} aria-hidden=true>*</span><time>1 day ago</time></article>"
        )
    };
    let cards: String = (1..=8).map(card).collect();
    let src = format!(
        "<body><nav><a href=/>Home</a> <a href=/t>Topics</a></nav><h1>Headphones</h1>\
         <section id=grid>{cards}</section></body>"
    );
    let (html, facts, mut marks, decision) = classified_with_cards(&src);
    let grid = decision.grid;
    assert_eq!(grid.map(|g| g.0), facts.by_id(&html, "grid"));
    let (blurb, icon) = (
        facts.by_id(&html, "b2").unwrap(),
        facts.by_id(&html, "i2").unwrap(),
    );
    assert_eq!(marks.get(blurb), Some(Boilerplate::Other));
    marks.keep_grid_cards(&facts, grid);
    assert_eq!(marks.get(blurb), None);
    assert_eq!(marks.get(icon), Some(Boilerplate::Other));
}

#[test]
fn a_page_of_items_shows_each_cards_text_once() {
    // Each card sets its title over the image and under it, and its price
    // twice (regular and sale, one shown by the style sheet); the first of
    // each stays, and text the card shows once stays.
    let card = |n: u32| {
        format!(
            "<li class=grid-item><div class=media><a id=m{n} href=/p/{n}>Dark roast number {n}</a>\
             <img src=/i/{n}.jpg></div><div class=info><h3 id=t{n}><a href=/p/{n}>Dark roast number {n}</a></h3>\
             <div class=price><span id=p{n}>$19.99</span><span id=s{n}> $19.99 </span></div>\
             <p id=d{n}>Whole bean, 14 oz</p></div></li>"
        )
    };
    let cards: String = (1..=8).map(card).collect();
    let src = format!(
        "<body><nav><a href=/>Home</a> <a href=/c>Coffee</a></nav><h1>Coffee</h1>\
         <ul id=grid>{cards}</ul></body>"
    );
    let (html, facts, mut marks, decision) = classified_with_cards(&src);
    let grid = decision.grid;
    assert_eq!(grid.map(|g| g.0), facts.by_id(&html, "grid"));
    marks.mark_card_copies(&html, &facts, grid);
    let kind = |id: &str| marks.get(facts.by_id(&html, id).unwrap());
    assert_eq!(kind("m3"), None);
    assert_eq!(kind("p3"), None);
    assert_eq!(kind("d3"), None);
    assert_eq!(kind("t3"), Some(Boilerplate::Other));
    assert_eq!(kind("s3"), Some(Boilerplate::Other));
}

#[test]
fn a_product_pages_other_products_beside_it_are_related() {
    // A short buy box; a carousel of other products for sale, longer than
    // the product, under a heading the label lists miss; reviews and a
    // comparison table, whose cards carry no price or sit among cells of
    // specifications, stay.
    let card = |n: u32| {
        format!(
            "<li class=tile><a href=/p/{n}><img src=/i/{n}.jpg><h3>Canvas tote number {n}</h3></a>\
             <span>$4{n}.00</span><span>Free delivery, seller 99% positive, 20 sold</span></li>"
        )
    };
    let cards: String = (1..=8).map(card).collect();
    let review = |n: u32| {
        format!(
            "<div class=review><a href=/u/{n}><img src=/a/{n}.jpg></a><h4>Buyer {n}</h4>\
             <p>Roomy and sturdy, carries my laptop every day.</p></div>"
        )
    };
    let reviews: String = (1..=4).map(review).collect();
    let head =
        |n: u32| format!("<div class=col><a href=/p/{n}><img src=/i/{n}.jpg>Tote {n}</a></div>");
    let cell = "<div class=cell>Waxed cotton canvas, leather handles, inner zip pocket</div>";
    let table: String = (1..=4).map(head).collect::<String>() + &cell.repeat(12);
    let src = format!(
        "<body><div id=top><a href=/>Shop</a> <a href=/bags>Bags</a></div>\
         <div id=buy><h1>Canvas Tote</h1><p>$49.00</p><p>{PROSE}</p></div>\
         <div id=others><h2>Explore more</h2><ul id=carousel>{cards}</ul></div>\
         <div id=reviews>{reviews}</div><div id=compare>{table}</div></body>"
    );
    let (html, facts, mut marks, decision) = classified_with_cards(&src);
    let runs = decision.card_runs;
    let headline = crate::content::headline(&html, &facts, &marks, None);
    marks.mark_card_runs_beside(&facts, &runs, headline);
    let kind = |id: &str| marks.get(facts.by_id(&html, id).unwrap());
    assert_eq!(kind("carousel"), Some(Boilerplate::Related));
    assert_eq!(kind("buy"), None);
    assert_eq!(kind("reviews"), None);
    assert_eq!(kind("compare"), None);
}

#[test]
fn a_streamed_segment_is_not_hidden() {
    // The shell keeps a placeholder; the server streams the sections after
    // it, hidden until a script swaps them in. A hidden `S` panel of
    // another kind stays hidden.
    let src = format!(
        "<body><main><template id=B:0></template></main>\
         <div hidden id=S:0><h2>How it works</h2><p>{PROSE}</p></div>\
         <div hidden id=S:menu><p>{PROSE}</p></div>\
         <script>$RC(\"B:0\",\"S:0\")</script></body>"
    );
    let got = marked(&src);
    assert!(!got.iter().any(|(id, _)| id == "S:0"), "{got:?}");
    assert!(got.contains(&("S:menu".into(), Boilerplate::Other)));
}

#[test]
fn service_and_documentation_pages_show_their_closed_tabs() {
    // A tab for each platform, the later ones hidden until chosen; an
    // answer folded under its question. A hidden sign-up box stays out.
    let src = format!(
        "<body><main><div role=tablist><button>Linux</button><button>macOS</button></div>\
         <section id=linux role=tabpanel><p>{PROSE}</p></section>\
         <section id=macos role=tabpanel hidden><p>{PROSE}</p></section>\
         <div id=answer class=accordion-body aria-hidden=true><p>{PROSE}</p></div>\
         <div id=signup hidden><p>{PROSE}</p></div></main></body>"
    );
    let hidden =
        |page_type| kinds_on(&src, page_type, ["macos", "answer", "signup"]).map(|k| k.is_some());
    assert_eq!(hidden(PageType::Article), [true, false, true]);
    // A product page's tabs are the shop's as often as the product's.
    assert_eq!(hidden(PageType::Product), [true, false, true]);
    assert_eq!(hidden(PageType::Service), [false, false, true]);
    assert_eq!(hidden(PageType::Documentation), [false, false, true]);
}

#[test]
fn a_product_page_shows_a_closed_tab_that_opens_with_a_detail_heading() {
    // A shop's tabs: the description shown, its attributes and its reviews
    // hidden until chosen. The attributes' tab, opened by a detail heading
    // in its wrapper, is the product's; the reviews stay out.
    let src = format!(
        "<body><main><h1>Hemp dress</h1><ul role=tablist><li>Description</li>\
         <li>Additional information</li><li>Reviews (0)</li></ul>\
         <div id=desc role=tabpanel><h2>Description</h2><p>{PROSE}</p></div>\
         <div id=attrs role=tabpanel hidden><div class=wrap>\
         <h2>Additional information</h2><table><tr><th>Size</th><td>XS, S, M</td></tr>\
         <tr><th>Color</th><td>Orange, Red</td></tr></table></div></div>\
         <div id=revs role=tabpanel hidden><h2>Reviews</h2><p>{PROSE}</p></div>\
         </main></body>"
    );
    let hidden = |page_type| kinds_on(&src, page_type, ["attrs", "revs"]).map(|k| k.is_some());
    assert_eq!(hidden(PageType::Product), [false, true]);
    assert_eq!(hidden(PageType::Article), [true, true]);
    assert_eq!(hidden(PageType::Service), [false, false]);
}

#[test]
fn a_section_header_stays_on_service_and_documentation_pages() {
    // "How it works" over its steps, set in a `section-header`; the page's
    // own header, all links, stays boilerplate.
    let src = format!(
        "<body><div id=top class=site-header><a href=/>Home</a> <a href=/p>Pricing</a></div>\
         <main><h1>Ferry tickets</h1><p>{PROSE}</p>\
         <div id=how class=section-header><h2>How it works</h2>\
         <p>Book online, show the code at the gate.</p></div><p>{PROSE}</p></main></body>"
    );
    let marked = |page_type| kinds_on(&src, page_type, ["top", "how"]).map(|k| k.is_some());
    assert_eq!(marked(PageType::Article), [true, true]);
    assert_eq!(marked(PageType::Service), [true, false]);
    assert_eq!(marked(PageType::Documentation), [true, false]);
}

#[test]
fn a_headings_anchor_names_no_role() {
    // The id is the slug of the section's heading: "more" and "respond"
    // in it are the heading's words. A short id still names the role.
    let src = format!(
        "<body><main><section id=s-more-about-the-settings><h2>More about the settings</h2>\
         <p>{PROSE}</p></section>\
         <section id=respond-to-review-comments><h2>Respond to review comments</h2>\
         <p>{PROSE}</p></section><div id=comments><p>Nice post</p></div></main></body>"
    );
    let got = marked(&src);
    assert!(
        !got.iter()
            .any(|(id, _)| id.starts_with("s-more") || id.starts_with("respond"))
    );
    assert!(got.contains(&("comments".into(), Boilerplate::Comments)));
}

#[test]
fn a_documentation_page_keeps_its_see_also() {
    let src = format!(
        "<body><main><h1>Client</h1><p>{PROSE}</p>\
         <h2 id=see>See also</h2><ul id=list><li><a href=/a>Connecting to a server</a></li>\
         <li><a href=/b>Sessions and pools</a></li><li><a href=/c>Timeouts</a></li></ul>\
         </main></body>"
    );
    let marked = |page_type| kinds_on(&src, page_type, ["see", "list"]).map(|k| k.is_some());
    assert_eq!(marked(PageType::Article), [true, true]);
    assert_eq!(marked(PageType::Documentation), [false, false]);
}

#[test]
fn a_listings_more_block_is_more_of_its_items() {
    // A news front: the block headed "More" holds more stories like the
    // ones above it.
    let story = |n: u32| {
        format!(
            "<div class=card><a href=/s/{n}><h3>Harbour story number {n}</h3>\
             <p>The ferry returns on Monday after three weeks of repairs.</p></a></div>"
        )
    };
    let top: String = (1..=6).map(story).collect();
    let more: String = (7..=12).map(story).collect();
    let src = format!(
        "<body><main><h1>Technology</h1><section>{top}</section>\
         <section id=more><h2>More</h2>{more}</section></main></body>"
    );
    let marked = |page_type| kinds_on(&src, page_type, ["more"])[0].is_some();
    assert!(marked(PageType::Article));
    assert!(marked(PageType::Collection));
    assert!(!marked(PageType::Listing));
}

#[test]
fn a_comments_label_under_a_short_answer_does_not_take_the_answer() {
    // A Q&A answer of a few short lines and a code block holds little prose
    // by length; its own comments, headed "Comments", follow it inside the
    // same wrapper. The label heads the comments, not the answer above it.
    let src = format!(
        "<body><div id=question><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=answer><div id=cell><p>Await the task instead:</p>\
         <pre><code>task = asyncio.create_task(work())\nawait task</code></pre>\
         <p>That gives the loop back its turn.</p></div>\
         <div id=followups><div><h2>Comments</h2></div><ul><li>Thanks, that works.</li></ul>\
         </div></div><div><p>{PROSE}</p></div></body>"
    );
    let got = marked(&src);
    assert!(
        got.contains(&("followups".into(), Boilerplate::Comments)),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(id, _)| id == "answer" || id == "cell"),
        "{got:?}"
    );
}

#[test]
fn a_locked_threads_status_notice_is_boilerplate() {
    // The forum's status box over the posts of a locked thread.
    let src = format!(
        "<body><div class=block><div id=outer class=block-outer><dl id=status><dt>Status</dt>\
         <dd id=notice>Not open for further replies.</dd></dl></div>\
         <article id=post><p>{PROSE}</p></article></div></body>"
    );
    let got = marked_as(&src, true);
    assert!(
        got.iter().any(
            |(id, k)| ["outer", "status", "notice"].contains(&id.as_str())
                && *k == Boilerplate::Comments
        ),
        "{got:?}"
    );
    assert!(!got.iter().any(|(id, _)| id == "post"), "{got:?}");
}

#[test]
fn a_closed_reply_box_and_the_ask_prompts_under_a_question_are_boilerplate() {
    let src = format!(
        "<body><div id=mainbar><div id=q1><p>{PROSE}</p></div>\
         <div id=a1><p>Ask at the harbour office: the new timetable is \
         posted there every Monday, with the winter crossings.</p></div>\
         <h2 id=closed>You must <a href=/login>log in</a> to answer this question.</h2>\
         <div id=ask><p>Start asking to get answers</p><p>Find the answer to your question \
         by asking.</p><a href=/ask>Ask question</a></div>\
         <div id=browse><p>Explore related questions</p><ul><li><a href=/t/a>backup</a></li>\
         <li><a href=/t/b>linux</a></li></ul><p>See similar questions with these tags.</p>\
         </div></div><div id=reply><p>You must log in or register to reply here.</p></div></body>"
    );
    let got = marked(&src);
    // The closed reply box's heading takes the prompts after it.
    for id in ["closed", "ask", "browse"] {
        assert!(
            got.contains(&(id.into(), Boilerplate::Comments)),
            "{id}: {got:?}"
        );
    }
    assert!(
        got.contains(&("reply".into(), Boilerplate::Comments)),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(id, _)| id == "a1" || id == "q1"),
        "{got:?}"
    );
    // Without it, each prompt names its own box.
    let open = src.replace(
        "<h2 id=closed>You must <a href=/login>log in</a> to answer this question.</h2>",
        "",
    );
    let got = marked(&open);
    assert!(
        got.contains(&("ask".into(), Boilerplate::Navigation)),
        "{got:?}"
    );
    assert!(
        got.contains(&("browse".into(), Boilerplate::Navigation)),
        "{got:?}"
    );
}

#[test]
fn filters_are_navigation_on_pages_of_items_only() {
    let card = |n: u32| {
        format!(
            "<div class=card><a href=/p/{n}>Oak shelf number {n}</a><p>Solid oak, oiled by hand, \
             ninety centimetres wide.</p></div>"
        )
    };
    let cards: String = (1..=6).map(card).collect();
    let src = format!(
        "<body><div id=f class=collection-filters><h3>Colour</h3><label>Oak</label>\
         <label>Walnut</label><h3>Width</h3><label>60 cm</label><label>90 cm</label></div>\
         <div id=r class=filter-results>{cards}</div></body>"
    );
    let marked_as = |page_type, id| kinds_on(&src, page_type, [id])[0];
    assert_eq!(marked_as(PageType::Article, "f"), None);
    assert_eq!(
        marked_as(PageType::Collection, "f"),
        Some(Boilerplate::Navigation)
    );
    assert_eq!(
        marked_as(PageType::Listing, "f"),
        Some(Boilerplate::Navigation)
    );
    // The items a filter narrows, named for it with a content word, stay.
    assert_eq!(marked_as(PageType::Collection, "r"), None);
}

#[test]
fn a_category_header_is_content_on_pages_of_items_only() {
    let src = format!(
        "<body><div id=h class=category-header><h1>Oak shelves</h1><p>Solid oak shelves, \
         oiled by hand in our workshop.</p></div><div class=grid><p>{PROSE}</p></div></body>"
    );
    let marked_as = |page_type| kinds_on(&src, page_type, ["h"])[0];
    assert_eq!(marked_as(PageType::Article), Some(Boilerplate::Navigation));
    assert_eq!(marked_as(PageType::Collection), None);
    assert_eq!(marked_as(PageType::Listing), None);
}

#[test]
fn a_header_holding_the_title_and_its_opening_paragraphs_is_the_article() {
    // A reference page's head box (`layout__header`) holds the `h1` and the
    // opening paragraphs under it; the site's header beside it holds the
    // logo and menu. Only the site's header is chrome.
    let src = format!(
        "<body><div id=site class=site-header><a href=/>Docs</a> <a href=/api>API</a></div>\
         <main><div id=head class=layout__header><h1>Promise</h1>\
         <section class=content-section><p>{PROSE}</p><p>{PROSE}</p></section></div>\
         <div class=layout__body><h2>Description</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>\
         <p>{PROSE}</p></div></main></body>"
    );
    assert_eq!(
        kinds_on(&src, PageType::Article, ["site", "head"]),
        [Some(Boilerplate::Navigation), None]
    );
}

#[test]
fn a_header_after_the_title_holding_paragraphs_is_the_intro() {
    // A list article's intro set in a `listicle-header` below its `h1`;
    // the site's header above the title, however wordy its banner, and a
    // one-line header box after it stay chrome.
    let src = format!(
        "<body><div id=site class=site-header><a href=/>Home</a><p>{PROSE}</p></div>\
         <main><h1>The best ferries</h1>\
         <section id=intro class=listicle-header><p>{PROSE}</p><p>{PROSE}</p></section>\
         <div id=line class=slide-header><p>Updated in May.</p></div>\
         <section><h2>The night ferry</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>\
         <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></section></main></body>"
    );
    assert_eq!(
        kinds_on(&src, PageType::Article, ["site", "intro", "line"]),
        [
            Some(Boilerplate::Navigation),
            None,
            Some(Boilerplate::Navigation)
        ]
    );
}

#[test]
fn a_service_pages_sections_named_like_menus_or_folded_stay() {
    // A feature section named after the tab menu that picks it, and an
    // answer folded away by a utility class, each holding sentences; the
    // site's menu of links, and a sign-up box hidden by its attribute,
    // stay boilerplate.
    let src = format!(
        "<body><div id=menu class=main-menu><a href=/>Home</a> <a href=/p>Pricing</a></div>\
         <main><h1>Ferry tickets</h1><p>{PROSE}</p>\
         <div id=feature class=lm_navSource><h2>Book in a minute</h2><p>{PROSE}</p>\
         <p>{PROSE}</p></div>\
         <div id=answer class=\"faq-answer hidden\"><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=short class=\"faq-answer hidden\"><p>{PROSE} Tickets go on sale in May.</p></div>\
         <div id=signup hidden><p>{PROSE}</p><p>{PROSE}</p></div></main></body>"
    );
    let marked = |page_type| {
        kinds_on(
            &src,
            page_type,
            ["menu", "feature", "answer", "short", "signup"],
        )
        .map(|k| k.is_some())
    };
    // The feature section's paragraphs are the page's on any page: a menu
    // holds none.
    assert_eq!(marked(PageType::Article), [true, false, true, true, true]);
    assert_eq!(
        marked(PageType::Documentation),
        [true, false, true, true, true]
    );
    // On a service page the folded answers open, one of one paragraph
    // (under `region_max_prose_chars`) too.
    assert_eq!(marked(PageType::Service), [true, false, false, false, true]);
}

#[test]
fn a_hidden_promo_bar_stays_chrome_on_a_service_page() {
    // A promotion bar at the top of the body, hidden by a state word until
    // its script runs, its slides holding sentences (shipping offers): its
    // name says what it is, so it is no folded section of the landing page.
    // The folded answer beside it still opens.
    let src = format!(
        "<body><div id=promo class=\"promo-bar hide text-left\"><div class=promo-bar__slide>\
         <p>{PROSE}</p></div><div class=promo-bar__slide><p>{PROSE}</p></div></div>\
         <main><h1>Ferry tickets</h1><p>{PROSE}</p>\
         <div id=answer class=\"faq-answer hidden\"><p>{PROSE}</p><p>{PROSE}</p></div>\
         </main></body>"
    );
    let marked = |page_type| kinds_on(&src, page_type, ["promo", "answer"]).map(|k| k.is_some());
    assert_eq!(marked(PageType::Article), [true, true]);
    assert_eq!(marked(PageType::Service), [true, false]);
}

#[test]
fn a_menu_named_in_one_run_together_word_is_navigation() {
    // A site's off-canvas menu (its pages, its social links, the copyright
    // line) in a box named `menuwrap`, ahead of the text.
    let src = format!(
        "<body><div id=m class=\"menuwrap inactive\"><div class=menurow>\
         <div class=menuitem><a href=/>Home</a></div><div class=menuitem><a href=/w>Work</a>\
         </div></div><p>Get in touch</p><p>All rights reserved</p></div>\
         <main><h1>Packaging design</h1><p>{PROSE}</p></main></body>"
    );
    assert!(marked(&src).contains(&("m".into(), Boilerplate::Navigation)));
}

#[test]
fn bem_block_content_word_does_not_overrule_element_word() {
    // The block names the component (`ipsEntry`), the element the thing
    // (`author-column`): the author column is not content.
    let column = words::NameWords::of(Some("ipsEntry__author-column"));
    assert!(!column.content);
    assert!(column.weak.is_some() || column.strong.is_some());
    // A content word of the element still counts, and so does a plain name.
    assert!(words::NameWords::of(Some("sidebar__content")).content);
    assert!(words::NameWords::of(Some("entry-author")).content);
    // A page region's word in the element is left to the block's content
    // word: an article's own footer is often the end of its text.
    assert!(words::NameWords::of(Some("article__footer")).content);
}

#[test]
fn a_declared_counter_under_a_post_is_boilerplate() {
    // A forum's post with its likes declared as an interaction counter.
    let src = format!(
        "<body><main><div class='post' itemprop='comment'><p id=p>{PROSE}</p>\
         <div id=c itemprop='interactionStatistic' itemscope \
         itemtype='http://schema.org/InteractionCounter'>\
         <meta itemprop='userInteractionCount' content='7'>\
         <span class='post-likes'>7 Likes</span></div></div></main></body>"
    );
    let got = marked(&src);
    assert!(got.contains(&("c".into(), Boilerplate::Other)));
    assert!(!got.iter().any(|(id, _)| id == "p"));
}

#[test]
fn a_promotions_grid_of_service_cards_is_a_section_of_a_service_page() {
    // Each card a link around its heading and a line about it; a menu of
    // names beside them stays a menu.
    let card = |n: u32, name: &str| {
        format!(
            "<div class=promo-card><a href=/s/{n}><h3>{name}</h3><div>Crossings to the \
             islands every hour, with room for cars, bikes and dogs.</div></a></div>"
        )
    };
    let src = format!(
        "<body><div id=menu class=main-menu><a href=/>Home</a> <a href=/p>Pricing</a> \
         <a href=/c>Contact</a></div><main><h1>Our services</h1><p>{PROSE}</p>\
         <div id=grid class=promo-container>{}{}{}</div></main></body>",
        card(1, "Ferries"),
        card(2, "Freight"),
        card(3, "Charters")
    );
    let marked = |page_type| kinds_on(&src, page_type, ["menu", "grid"]).map(|k| k.is_some());
    assert_eq!(marked(PageType::Article), [true, true]);
    assert_eq!(marked(PageType::Service), [true, false]);
}

#[test]
fn a_tag_link_in_a_sentence_stays_a_line_of_tags_does_not() {
    // The site links the names in its sentences to its tag pages; the
    // same class on a line of tags below the story marks that line.
    let src = format!(
        "<body><article><p>The former host <a id=inline class=tag-link href=/tags/1>Tanaka</a> \
         has stepped down after the broadcaster's sponsors withdrew their \
         adverts, the station said on Friday evening.</p><p>{PROSE}</p>\
         <p>Tags: <a id=listed class=tag-link href=/tags/2>Football</a>, \
         <a id=listed2 class=tag-link href=/tags/3>Golf</a></p></article></body>"
    );
    let marked = marked(&src);
    assert!(!marked.iter().any(|(id, _)| id == "inline"), "{marked:?}");
    assert!(marked.iter().any(|(id, _)| id == "listed"), "{marked:?}");
}

#[test]
fn a_form_with_nothing_to_fill_in_wraps_content_but_forms_with_fields_are_chrome() {
    // A comment kept in a form for its author to edit: a hidden input and
    // the comment's text, nothing a reader fills in or presses.
    let src = format!(
        "<body><div class=entry><form id=body1 action=#><input type=hidden name=thing value=t1>\
         <div class=md><p>{PROSE}</p></div></form></div>\
         <form id=search><input type=search name=q></form>\
         <form id=login><input name=user><input type=password name=pw></form>\
         <form id=subscribe><input type=hidden name=list value=3><button>Subscribe</button></form></body>"
    );
    let got = marked(&src);
    assert!(!got.iter().any(|(id, _)| id == "body1"), "{got:?}");
    for id in ["search", "login", "subscribe"] {
        assert!(got.iter().any(|(i, _)| i == id), "{id}: {got:?}");
    }
}

#[test]
fn a_hidden_box_after_a_header_with_a_menu_button_is_not_its_answer() {
    // The header's hamburger button names its own menu; the sign-up box
    // after the header is hidden by its own script. A dropdown whose links
    // sit a wrapper deep is a menu all the same.
    let src = format!(
        "<body><main><h1>Retirement calculator</h1><p>{PROSE}</p>\
         <div class=header><button aria-expanded=false aria-controls=nav1>Menu</button>\
         <nav id=nav1><a href=/>Home</a> <a href=/plans>Plans</a></nav></div>\
         <div id=c1 class=hide aria-hidden=true><p>{PROSE}</p></div>\
         <button aria-expanded=false>Shop</button>\
         <div id=m2 hidden><div class=inner><ul><li><a href=/a>Funds</a></li></ul></div></div>\
         <button aria-expanded=false aria-controls=a3>How much do I need?</button>\
         <div id=a3 hidden><p>Enough for <a href=/guide>the guide</a>'s sums. {PROSE}</p></div>\
         </main></body>"
    );
    let hidden = kinds_on(&src, PageType::Article, ["c1", "m2", "a3"]).map(|k| k.is_some());
    assert_eq!(hidden, [true, true, false]);
}

#[test]
fn a_call_to_action_is_boilerplate_on_articles_only() {
    // A story's newsletter box between its paragraphs is a promotion; the
    // same name on a landing page's hero (it holds the page's `h1`), a
    // promotion set around most of the page, or a word that only contains
    // it (`contact`) is not.
    let src = format!(
        "<body><div class=story><section id=hero class=page-banner><h1>Harbour plan</h1>\
         <p>The council met.</p></section><p>{PROSE}</p>\
         <div id=c class='cta-box'><h3>Get the morning briefing</h3>\
         <a href=/signup>Sign up</a></div><p>{PROSE}</p><p>{PROSE}</p>\
         <div id=k class=contact-box><p>Call the desk.</p></div>\
         <div id=w class=banner-area><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>\
         <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div></body>"
    );
    let marked_as = |page_type| kinds_on(&src, page_type, ["c", "hero", "k", "w"]);
    assert_eq!(
        marked_as(PageType::Article),
        [Some(Boilerplate::Other), None, None, None]
    );
    assert_eq!(marked_as(PageType::Service), [None; 4]);
}
