//! An [`Explanation`] as one self-contained HTML file: the page itself with
//! pith's decisions drawn on it, and a side panel that lists them.
//!
//! The file loads nothing: the page comes inert from the library (no
//! scripts, no remote resources), and a Content-Security-Policy forbids any
//! load that slipped through; only inline styles and the viewer's own script
//! (by nonce) run. The decisions are drawn by the page's own styles where CSS
//! can (outlines and tints on `[data-pith~=kind]`, so they show even with
//! scripts off), and by the script where it must: a label on each decided
//! element, placed from its box, and the panel's links that scroll to it.
//! The panel and the labels live in shadow roots, out of reach of the
//! page's styles.

use std::fmt::Write;

use serde_json::Value;

use crate::document::Boilerplate;
use crate::explain::{Decision, Explanation, What};

/// The nonce the viewer's script runs by; the page's own scripts are gone.
const NONCE: &str = "pith-explain";

/// The kinds of boilerplate, in legend order.
const KINDS: [Boilerplate; 6] = [
    Boilerplate::Navigation,
    Boilerplate::Comments,
    Boilerplate::Related,
    Boilerplate::Share,
    Boilerplate::Ads,
    Boilerplate::Other,
];

/// The explanation as a self-contained HTML page; `source` names the page
/// in the panel (its path or URL).
pub fn explain_html(explanation: &Explanation, source: &str) -> String {
    let doc = &explanation.document;
    let mut out = String::with_capacity(explanation.page.body.len() + 64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'nonce-{NONCE}'; \
         form-action 'none'; base-uri 'none'\">"
    );
    out.push_str("<title>pith explain: ");
    escape(&mut out, doc.title.as_deref().unwrap_or(source));
    out.push_str("</title>\n");
    out.push_str(&explanation.page.head);
    let _ = writeln!(out, "\n<style>{PAGE_CSS}</style></head>");
    let view = view(explanation, source);
    let body = &explanation.page.body;
    match body.rfind("</body>") {
        Some(end) => {
            out.push_str(&body[..end]);
            out.push_str(&view);
            out.push_str(&body[end..]);
        }
        None => {
            out.push_str("<body>");
            out.push_str(&view);
            out.push_str("</body>");
        }
    }
    out.push_str("</html>\n");
    out
}

/// The panel (in a declarative shadow root) and the script.
fn view(explanation: &Explanation, source: &str) -> String {
    let mut out = String::new();
    out.push_str("<pith-view id=\"pith-view\"><template shadowrootmode=\"open\">");
    let _ = write!(out, "<style>{PANEL_CSS}</style><aside id=\"panel\">");
    out.push_str("<h1>pith explain</h1><p class=\"source\">");
    escape(&mut out, source);
    out.push_str("</p>");
    legend(&mut out);
    facts(&mut out, explanation);
    decisions(&mut out, &explanation.decisions);
    record(&mut out, explanation);
    out.push_str("</aside></template></pith-view>\n");
    let labels: Vec<(Option<u32>, String, &str, bool)> = explanation
        .decisions
        .iter()
        .map(|d| {
            (
                d.node,
                label(d),
                class(&d.what),
                drawn(d, &explanation.decisions),
            )
        })
        .collect();
    // `<` only occurs inside JSON strings: as `\u003c` it cannot end the script.
    let data = serde_json::to_string(&labels)
        .unwrap_or_else(|_| "[]".into())
        .replace('<', "\\u003c");
    let css = serde_json::to_string(LABEL_CSS)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    let _ = writeln!(
        out,
        "<script nonce=\"{NONCE}\">const PITH = {data};\nconst PITH_CSS = {css};\n{SCRIPT}</script>"
    );
    out
}

fn legend(out: &mut String) {
    out.push_str("<section id=\"legend\"><h2>Legend</h2><ul>");
    for kind in KINDS {
        let _ = write!(
            out,
            "<li><span class=\"swatch {0}\"></span>{0} (stripped)</li>",
            kind.name()
        );
    }
    for (class, name) in [
        ("root", "article root"),
        ("headline", "headline"),
        ("heading", "section heading"),
        ("caption", "caption"),
        ("link", "related link"),
    ] {
        let _ = write!(out, "<li><span class=\"swatch {class}\"></span>{name}</li>");
    }
    out.push_str("</ul></section>");
}

/// Page type (when the record has one), title, word count, stripped counts.
fn facts(out: &mut String, explanation: &Explanation) {
    let doc = &explanation.document;
    let record = serde_json::to_value(doc).unwrap_or(Value::Null);
    out.push_str("<section id=\"facts\"><dl>");
    if let Some(page_type) = record.get("page_type").filter(|v| !v.is_null()) {
        out.push_str("<dt>page type</dt><dd id=\"page-type\">");
        escape(out, page_type.as_str().unwrap_or(&page_type.to_string()));
        out.push_str("</dd>");
    }
    out.push_str("<dt>title</dt><dd id=\"title\">");
    escape(out, doc.title.as_deref().unwrap_or("(none)"));
    let _ = write!(
        out,
        "</dd><dt>words</dt><dd id=\"words\">{}</dd></dl>",
        doc.word_count
    );
    out.push_str("<h2>Stripped</h2><table id=\"stripped\">");
    let counts = record.get("stripped");
    for kind in KINDS {
        let n = counts
            .and_then(|c| c.get(kind.name()))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let _ = write!(
            out,
            "<tr data-kind=\"{0}\"><td><span class=\"swatch {0}\"></span>{0}</td><td>{n}</td></tr>",
            kind.name()
        );
    }
    out.push_str("</table></section>");
}

/// Whether a decision gets a label on the page: all but the regions inside
/// a stripped region of the same kind (a menu's items inside the header),
/// which are only outlined.
fn drawn(d: &Decision, all: &[Decision]) -> bool {
    let What::Stripped {
        kind,
        within: Some(outer),
        ..
    } = &d.what
    else {
        return true;
    };
    !all.iter().any(|o| {
        o.node == Some(*outer) && matches!(&o.what, What::Stripped { kind: k, .. } if k == kind)
    })
}

/// A list of the panel: its id, its title, the decisions it takes.
type Group = (&'static str, &'static str, fn(&What) -> bool);

/// The decisions, grouped: stripped regions, then the article's parts.
/// Regions inside a stripped region fold under it.
fn decisions(out: &mut String, decisions: &[Decision]) {
    let groups: [Group; 3] = [
        ("stripped-list", "Stripped regions", |w| {
            matches!(w, What::Stripped { .. })
        }),
        ("article-list", "Article", |w| {
            matches!(w, What::ArticleRoot | What::Headline | What::Heading { .. })
        }),
        ("kept-list", "Captions and related links", |w| {
            matches!(w, What::Caption | What::RelatedLink { .. })
        }),
    ];
    for (id, title, pick) in groups {
        let picked: Vec<(usize, &Decision)> = decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| pick(&d.what))
            .collect();
        // Regions inside others fold under them and are not counted here.
        let shown = picked
            .iter()
            .filter(|(_, d)| {
                !matches!(
                    d.what,
                    What::Stripped {
                        within: Some(_),
                        ..
                    }
                )
            })
            .count();
        let _ = write!(out, "<section><h2>{title} ({shown})</h2><ol id=\"{id}\">");
        let mut inside: Vec<&Decision> = Vec::new();
        for (k, (_, d)) in picked.iter().enumerate() {
            if matches!(
                d.what,
                What::Stripped {
                    within: Some(_),
                    ..
                }
            ) {
                inside.push(d);
            } else {
                out.push_str("<li>");
                entry(out, d);
            }
            let next_is_outer = picked.get(k + 1).is_none_or(|(_, n)| {
                !matches!(
                    n.what,
                    What::Stripped {
                        within: Some(_),
                        ..
                    }
                )
            });
            if next_is_outer {
                if !inside.is_empty() {
                    let _ = write!(
                        out,
                        "<details class=\"inside\"><summary>{} marked inside</summary><ol>",
                        inside.len()
                    );
                    for d in inside.drain(..) {
                        out.push_str("<li>");
                        entry(out, d);
                        out.push_str("</li>");
                    }
                    out.push_str("</ol></details>");
                }
                out.push_str("</li>");
            }
        }
        out.push_str("</ol></section>");
    }
}

/// One decision in the panel: its label, element and first words; a click
/// on it scrolls the page to its element.
fn entry(out: &mut String, d: &Decision) {
    let _ = write!(out, "<div class=\"entry {}\"", class(&d.what));
    if let Some(node) = d.node {
        let _ = write!(out, " data-node=\"{node}\" tabindex=\"0\"");
    }
    out.push_str("><span class=\"swatch\"></span><b>");
    escape(out, &label(d));
    out.push_str("</b> <code>");
    escape(out, &d.element);
    out.push_str("</code><span class=\"text\">");
    escape(out, &d.text);
    out.push_str("</span></div>");
}

/// The record as collapsible JSON: one fold per field.
fn record(out: &mut String, explanation: &Explanation) {
    out.push_str("<section id=\"record\"><h2>Record</h2>");
    let record = serde_json::to_value(&explanation.document).unwrap_or(Value::Null);
    if let Value::Object(fields) = record {
        for (name, value) in fields {
            let (open, preview) = match &value {
                Value::Array(items) => ("", format!("[{} items]", items.len())),
                Value::Object(_) => ("", "{…}".to_owned()),
                Value::String(s) if s.chars().count() > 60 => {
                    ("", format!("{}…", s.chars().take(60).collect::<String>()))
                }
                other => (" open", other.to_string()),
            };
            let _ = write!(out, "<details{open}><summary><b>");
            escape(out, &name);
            out.push_str("</b> ");
            escape(out, &preview);
            out.push_str("</summary><pre>");
            escape(
                out,
                &serde_json::to_string_pretty(&value).unwrap_or_default(),
            );
            out.push_str("</pre></details>");
        }
    }
    out.push_str("</section>");
}

/// The short label of a decision, as drawn on the page and in the panel.
fn label(d: &Decision) -> String {
    match &d.what {
        What::Stripped { kind, evidence, .. } => format!("{} · {evidence}", kind.name()),
        What::ArticleRoot => "article root".to_owned(),
        What::Headline => "headline".to_owned(),
        What::Heading { level } => format!("h{level} heading"),
        What::Caption => "caption".to_owned(),
        What::RelatedLink { .. } => "related link".to_owned(),
    }
}

/// The style class of a decision: the stripped kind or what was kept.
fn class(what: &What) -> &'static str {
    match what {
        What::Stripped { kind, .. } => kind.name(),
        What::ArticleRoot => "root",
        What::Headline => "headline",
        What::Heading { .. } => "heading",
        What::Caption => "caption",
        What::RelatedLink { .. } => "link",
    }
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Drawn on the page's own elements: outlines and tints by decision, room
/// for the panel, scrolling that a cookie wall's `overflow: hidden` stopped.
const PAGE_CSS: &str = include_str!("explain/page.css");

/// The panel.
const PANEL_CSS: &str = include_str!("explain/panel.css");

/// The labels on the page, in their own shadow root.
const LABEL_CSS: &str = include_str!("explain/labels.css");

/// Places the labels, links the panel to the page, and stops navigation.
const SCRIPT: &str = include_str!("explain/view.js");
