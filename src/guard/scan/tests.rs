//! The scan's behaviour, page in, page out: what is kept borrowed, what is
//! cut, how nesting is bounded; and the property tests that the cuts never
//! change the tree the extractor reads.

use std::borrow::Cow;

use super::cuts::{UNREAD_RAW_TEXT, is_unread_attribute};
use super::tags::is;
use super::*;

const LIMITS: Limits = Limits {
    max_depth: 32,
    max_formatting: 8,
    max_attributes: 4,
};

fn scanned(html: &str) -> (String, Changes) {
    let (out, changes) = scan(html, &LIMITS);
    (out.into_owned(), changes)
}

/// The deepest element nesting html5ever builds for `html`, by an
/// iterative walk.
fn parsed_depth(html: &str) -> usize {
    let doc = scraper::Html::parse_document(html);
    let mut deepest = 0;
    let mut todo = vec![(doc.tree.root(), 0)];
    while let Some((node, depth)) = todo.pop() {
        deepest = deepest.max(depth);
        todo.extend(node.children().map(|c| (c, depth + 1)));
    }
    deepest
}

fn text_of(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    doc.root_element().text().collect()
}

#[test]
fn ordinary_markup_is_borrowed_unchanged() {
    let page = concat!(
        "<!DOCTYPE html><html><head><title>a < b</title><script type=application/ld+json>",
        "{\"a\": \"</div>\"}</script><script src=x.js></script><style></style></head>",
        "<body><p>one<p>two<ul><li>a<li>b</ul><textarea><div></textarea>",
        "<table><tr><td>1<td>2<tr><td>3</table><svg><foreignObject><p>t</p></foreignObject></svg>",
        "<p><b>bold<i>both</b>italic</i></p><a href=x>l</a></body></html>"
    );
    let repeated = page.repeat(50);
    let (out, changes) = scan(&repeated, &LIMITS);
    assert!(matches!(out, Cow::Borrowed(_)), "{changes:?}");
}

#[test]
fn comments_and_code_are_cut_and_data_kept() {
    let page = concat!(
        "<html><head><title>T</title><style>p>a{color:red}</style>",
        "<script>if (a<b) x('<p>not text</p>')</script>",
        "<script type=\"Application/LD+JSON\">{\"headline\": \"H\"}</script></head>",
        "<body><p>one<!-- <div><div> -->two</p><noscript><img src=x></noscript>",
        "<script><!--<script>x</script>still script--></script><p>three</p>"
    );
    let (out, _) = scanned(page);
    assert_eq!(
        out,
        concat!(
            "<html><head><title>T</title><style></style><script></script>",
            "<script type=\"Application/LD+JSON\">{\"headline\": \"H\"}</script></head>",
            "<body><p>onetwo</p><noscript></noscript>",
            "<script></script><p>three</p>"
        )
    );
}

#[test]
fn svg_bodies_are_cut_only_when_they_hold_svg_alone() {
    for (page, expected) in [
        (
            "<p>a<svg viewBox='0 0 9 9'><g><path fill=r/></g><title>Icon</title></svg>b",
            "<p>a<svg viewBox='0 0 9 9'></svg>b",
        ),
        (
            "<svg><svg><circle/></svg><!-- c --><rect/></svg><svg></svg>",
            "<svg></svg><svg></svg>",
        ),
        // HTML inside, or the image ended by an HTML tag: kept.
        (
            "<svg><foreignObject><div>x</div></foreignObject></svg>",
            "<svg><foreignObject><div>x</div></foreignObject></svg>",
        ),
        ("<svg><g><p>x</svg>", "<svg><g><p>x</svg>"),
        // MathML is left alone.
        ("<math><mi>x</mi></math>", "<math><mi>x</mi></math>"),
    ] {
        assert_eq!(scanned(page).0, expected, "{page}");
    }
}

#[test]
fn nothing_is_cut_where_the_model_may_misread_text_as_markup() {
    for page in [
        // The tree builder ignores `<style>` in a `select`: its content is markup.
        "<select><style>a<p onclick=f()>b</style></select>",
        // `</b>` closes the `math` (HTML rules), so `<title>` is HTML: text.
        "<b><select><select><math></b><title><p onclick=f()><div data-x=1>",
        // Text in the SVG title keeps the `<frameset>` from replacing the body.
        "<p>a<svg><title>i</title></svg><!-- c --><frameset>",
    ] {
        assert_eq!(scanned(page).0, page);
    }
}

#[test]
fn unread_attributes_are_cut_and_the_rest_kept() {
    let page = concat!(
        "<div data-track='{\"a\": 1}' class=x onclick=\"go()\"id=y data-flag>",
        "<img data-src=real.jpg data-srcset='a 1x' ONLOAD=f() alt=A/>",
        "<svg><path d='M0 0L10 10' fill=red /><foreignObject><b>x</b></foreignObject></svg>",
        "<p title=on on>t</p></div>"
    );
    let (out, _) = scanned(page);
    assert_eq!(
        out,
        concat!(
            "<div  class=x id=y >",
            "<img data-src=real.jpg   alt=A/>",
            "<svg><path d='M0 0L10 10' fill=red /><foreignObject><b>x</b></foreignObject></svg>",
            "<p title=on on>t</p></div>"
        )
    );
}

/// The element tree of `html` as lines: each element with its depth and
/// the attributes the extractor may read (nothing inside SVG images), and
/// the text under each element
/// (adjacent runs joined, so a removed comment between two runs does not
/// count), leaving out the text of the elements whose bodies are cut.
fn tree_outline(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut lines = Vec::new();
    let mut todo = vec![(doc.tree.root(), 0usize, false)];
    while let Some((node, depth, unread)) = todo.pop() {
        match node.value() {
            scraper::Node::Element(el) => {
                let mut attrs: Vec<String> = el
                    .attrs()
                    .filter(|(name, _)| !is_unread_attribute(name.as_bytes()))
                    .map(|(name, value)| format!("{name}={value}"))
                    .collect();
                attrs.sort();
                lines.push(format!("{depth} <{}> {}", el.name(), attrs.join(" ")));
                let name = el.name().as_bytes();
                if name == b"svg" {
                    // Nothing inside an SVG image is read.
                    continue;
                }
                let unread = is(name, UNREAD_RAW_TEXT)
                    || (name == b"script" && el.attr("type").is_none_or(|t| !t.contains("json")));
                todo.extend(node.children().rev().map(|c| (c, depth + 1, unread)));
            }
            scraper::Node::Text(text) if !unread => match lines.last_mut() {
                Some(last) if last.starts_with("text ") => last.push_str(text),
                _ => lines.push(format!("text {}", &**text)),
            },
            _ => todo.extend(node.children().rev().map(|c| (c, depth + 1, unread))),
        }
    }
    lines
}

#[test]
fn cuts_leave_the_tree_the_extractor_reads_as_it_was() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut pages = vec![(
        "hand-made".to_string(),
        concat!(
            "<!DOCTYPE html><html><head><script>var a = '<p>';</script>",
            "<script type=application/ld+json>{\"headline\": \"H\"}</script>",
            "<style>.a > .b { color: red }</style></head><body data-page=1 onload=init()>",
            "<p>one<!-- a comment -->two<b data-x=1>bold<i onclick=f()>both</b>it</i>",
            "<table data-t><tr><td data-c=1>cell<!-- x --><td>cell</table>",
            "<svg viewBox='0 0 9 9'><path d='M0 0'/><title>icon</title></svg>",
            "<noscript><img src=pixel.gif></noscript><img data-src=a.jpg data-lazy=1>",
            "<ul><li data-i=1>a<li>b<!--c--></ul><script><!--<script>x</script>--></script>",
            "<p>end</body></html>"
        )
        .to_string(),
    )];
    for entry in std::fs::read_dir(dir).expect("samples folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "html") {
            let bytes = std::fs::read(&path).expect("sample");
            let page = String::from_utf8_lossy(&bytes).into_owned();
            pages.push((path.display().to_string(), page));
        }
    }
    assert!(pages.len() > 10, "only {} pages", pages.len());
    let limits = Limits {
        max_depth: 512,
        max_formatting: 64,
        max_attributes: 256,
    };
    for (name, page) in &pages {
        let (out, _) = scan(page, &limits);
        assert_eq!(tree_outline(&out), tree_outline(page), "{name}");
    }
    let (out, _) = scan(&pages[0].1, &limits);
    assert!(out.len() * 3 < pages[0].1.len() * 2, "{out}");
}

#[test]
fn nesting_past_the_limit_is_flattened_and_text_kept() {
    let page = format!("{}deep{}", "<div>x".repeat(1000), "</div>".repeat(1000));
    let (out, changes) = scanned(&page);
    assert!(changes.tags_removed > 1000, "{changes:?}");
    assert!(parsed_depth(&out) <= LIMITS.max_depth + 4);
    assert_eq!(text_of(&out), text_of(&page));
}

#[test]
fn nested_lists_and_tables_are_bounded() {
    let lists = format!("{}item{}", "<ul><li>".repeat(500), "</li></ul>".repeat(500));
    let tables = format!(
        "{}cell{}",
        "<table><tr><td>".repeat(300),
        "</td></tr></table>".repeat(300)
    );
    for page in [lists, tables] {
        let (out, _) = scanned(&page);
        assert!(
            parsed_depth(&out) <= LIMITS.max_depth + 4,
            "{}",
            &page[..40]
        );
        assert_eq!(text_of(&out), text_of(&page));
    }
}

#[test]
fn formatting_elements_are_capped() {
    let page = format!(
        "{}<p>a</p><p>b</p>",
        ["<b class=1>", "<i class=2>", "<u class=3>", "<em class=4>"]
            .iter()
            .enumerate()
            .map(|(i, t)| t.replace('>', &format!(" id={i}>")))
            .collect::<String>()
            .repeat(100)
    );
    let (out, _) = scanned(&page);
    assert!(parsed_depth(&out) <= LIMITS.max_depth + LIMITS.max_formatting + 4);
}

#[test]
fn the_tree_builder_cannot_hide_depth_from_the_model() {
    // Each pattern misnests so that the end tags it ends with are ignored
    // by the parser; the model must not count them as closing.
    for unit in [
        "<b><table></b></table>",
        "<div><svg><title><div></svg>",
        "<td><svg><td>",
        "<math><annotation-xml><div></math>",
        "<form><div></form>",
        "<a><div></a>",
        "<script><!--<script></script></div>",
        "<select><div></select>",
        "<p><button></p>",
        "<b><i><u><s><em><strong><font><a><code><small>",
        "<b><i>x</b></i>",
    ] {
        let page = unit.repeat(2000);
        let (out, _) = scanned(&page);
        let depth = parsed_depth(&out);
        assert!(depth <= 4 * LIMITS.max_depth, "{unit}: depth {depth}");
    }
}

#[test]
fn attributes_past_the_limit_are_removed() {
    let attrs: String = (0..10).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
    let page = format!("<div{attrs}>text</div>");
    let (out, changes) = scanned(&page);
    assert_eq!(changes.tags_trimmed, 1);
    assert!(out.contains("a3=\"v>3\" >text</div>"), "{out}");
    assert!(!out.contains("a4"));
}

#[test]
fn every_truncation_scans() {
    let page = "<div a='x>y' b=c/><svg><p/><![CDATA[<div>]]></svg><script><!--<script>--></script>\
        <textarea></textarea ><plaintext><div>";
    for cut in 0..=page.len() {
        if page.is_char_boundary(cut) {
            let _ = scan(&page[..cut], &LIMITS);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 64,
        // Shrunk failures are kept with the other tests, not in a new
        // top-level folder.
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "tests/proptest-regressions/guard-scan.txt",
            ),
        )),
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// The model's promise: repeat any short tag soup a thousand times and
    /// the tree html5ever builds from the scanned page stays within a small
    /// margin of the limits. A soup that escapes is a gap in the model.
    ///
    /// An audit, not a gate: with thousands of cases it still finds rare
    /// gaps where tables, foster parenting and SVG/MathML meet
    /// (`<td></tr><i></table><svg><table><ul>` repeated nests one level per
    /// repetition). Such a page costs parse time, which the time budget
    /// bounds, not correctness. Run it with
    /// `PROPTEST_CASES=4000 cargo test --release --lib -- --ignored no_repeated_soup`.
    #[test]
    #[ignore = "audit of the model; known gaps listed above"]
    fn no_repeated_soup_escapes_the_depth_limit(
        unit in proptest::collection::vec(
            proptest::sample::select(vec![
                "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a>",
                "</a>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<ul>",
                "<li>", "</ul>", "<svg>", "</svg>", "<math>", "<mi>", "<title>",
                "</title>", "<select>", "<option>", "<template>", "</template>",
                "<font color=r>", "<br/>", "<h2>", "</h2>", "<form>", "</form>", "<span>",
                "</span>", "<button>", "<foreignObject>", "<desc>", "<annotation-xml>",
                "<nobr>", "<object>", "</object>", "<caption>", "<dd>", "<dt>", "x",
            ]),
            1..12,
        )
    ) {
        let page = unit.concat().repeat(1000);
        let (out, _) = scan(&page, &LIMITS);
        let depth = parsed_depth(&out);
        proptest::prop_assert!(
            depth <= 4 * LIMITS.max_depth + LIMITS.max_formatting,
            "{} nests {depth} deep", unit.concat()
        );
    }

    /// The cuts never change what the extractor reads: any tag soup of
    /// the kinds the scan cuts (comments, scripts, styles, SVG, data and
    /// event attributes) mixed with misnested HTML parses to the same
    /// outline with and without them.
    #[test]
    fn cuts_never_change_the_tree_the_extractor_reads(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<div data-x=1>", "</div>", "<p onclick=f()>", "</p>", "<b>", "</b>",
                "<i>", "</i>", "<a href=x data-track>", "</a>", "<table>", "<tr>", "<td>",
                "</td>", "</table>", "<ul>", "<li>", "</ul>", "<svg>", "</svg>",
                "<path d='M0 0'/>", "<g>", "</g>", "<title>", "</title>",
                "<foreignObject>", "</foreignObject>", "<desc>", "<math>", "<mi>",
                "</math>", "<!-- c -->", "<!--", "-->", "<script>x<y</script>",
                "<script type=application/ld+json>{}</script>", "<style>a>b{}</style>",
                "<noscript><img src=x></noscript>", "<img data-src=a.jpg data-w=1>",
                "<select>", "<option>", "<template>", "</template>", "<h2>", "</h2>",
                "<br/>", "text", " ", "<textarea>", "</textarea>", "<![CDATA[x<y]]>",
                "<font color=r>", "</br>", "</p>", "</body>", "<head>", "<caption>",
                "<button>", "<form>", "</form>", "<annotation-xml encoding='text/html'>",
                "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<object>", "</object>",
                "<dd>", "<nobr>", "</select>", "<style>", "</style>", "<title>t</title>",
                "<script>", "</script>", "<svg><title>i</title><path/></svg>", "<tr>",
                "</tr>", "<th>", "<colgroup>", "<col>", "<frameset>", "<plaintext>",
            ]),
            1..80,
        )
    ) {
        let page = parts.concat();
        let (out, _) = scan(&page, &Limits { max_depth: 512, max_formatting: 64, max_attributes: 256 });
        proptest::prop_assert_eq!(tree_outline(&out), tree_outline(&page), "{}", page);
    }
}
