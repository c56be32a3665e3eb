//! The HTML standard's tag categories that the stack model follows: void,
//! formatting, special, scope boundaries, what closes a `<p>`, what breaks out
//! of foreign content, raw text. Data, written as the standard lists them;
//! the test at the end checks the lists against each other.

/// A set of tag names, as a function that `match`es them: the compiler turns
/// that into a switch on length and a few compares, where a list would be
/// searched one name at a time (the scan asks for every tag and stack entry).
macro_rules! tag_set {
    ($(#[$doc:meta])* $is:ident = [$($name:literal),* $(,)?]) => {
        $(#[$doc])*
        pub(super) fn $is(name: &[u8]) -> bool {
            matches!(name, $($name)|*)
        }
    };
}

tag_set! {
    /// Elements that never take children.
    is_void = [
        b"area",
        b"base",
        b"basefont",
        b"bgsound",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"image",
        b"input",
        b"keygen",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
    ]
}

/// Start tags that the tree builder merges into an existing element or ignores.
pub(super) const NOT_PUSHED: &[&[u8]] = &[b"html", b"head", b"body"];

tag_set! {
    /// Formatting elements: kept on the list of active formatting elements and
    /// reopened after blocks that closed them.
    is_formatting = [
        b"a",
        b"b",
        b"big",
        b"code",
        b"em",
        b"font",
        b"i",
        b"nobr",
        b"s",
        b"small",
        b"strike",
        b"strong",
        b"tt",
        b"u",
    ]
}

tag_set! {
    /// Start tags that close an open `<p>` (in button scope) first.
    closes_p = [
        b"address",
        b"article",
        b"aside",
        b"blockquote",
        b"center",
        b"details",
        b"dialog",
        b"dir",
        b"div",
        b"dl",
        b"fieldset",
        b"figcaption",
        b"figure",
        b"footer",
        b"header",
        b"hgroup",
        b"main",
        b"menu",
        b"nav",
        b"ol",
        b"p",
        b"search",
        b"section",
        b"summary",
        b"ul",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"pre",
        b"listing",
        b"form",
        b"xmp",
        b"hr",
        b"li",
        b"dd",
        b"dt",
        b"plaintext",
    ]
}

pub(super) const HEADINGS: &[&[u8]] = &[b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"];

/// Elements whose start tag puts a marker on the active formatting list.
pub(super) const MARKERS: &[&[u8]] = &[
    b"applet",
    b"marquee",
    b"object",
    b"td",
    b"th",
    b"caption",
    b"template",
];

/// The HTML elements that bound "has an element in scope".
pub(super) const SCOPE_BOUNDARIES: &[&[u8]] = &[
    b"applet",
    b"caption",
    b"html",
    b"table",
    b"td",
    b"th",
    b"marquee",
    b"object",
    b"template",
];

tag_set! {
    /// The "special" category: "any other end tag" stops at these.
    is_special = [
        b"address",
        b"applet",
        b"area",
        b"article",
        b"aside",
        b"base",
        b"basefont",
        b"bgsound",
        b"blockquote",
        b"body",
        b"br",
        b"button",
        b"caption",
        b"center",
        b"col",
        b"colgroup",
        b"dd",
        b"details",
        b"dir",
        b"div",
        b"dl",
        b"dt",
        b"embed",
        b"fieldset",
        b"figcaption",
        b"figure",
        b"footer",
        b"form",
        b"frame",
        b"frameset",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"header",
        b"hgroup",
        b"hr",
        b"html",
        b"iframe",
        b"img",
        b"input",
        b"keygen",
        b"li",
        b"link",
        b"listing",
        b"main",
        b"marquee",
        b"menu",
        b"meta",
        b"nav",
        b"noembed",
        b"noframes",
        b"noscript",
        b"object",
        b"ol",
        b"p",
        b"param",
        b"plaintext",
        b"pre",
        b"script",
        b"search",
        b"section",
        b"select",
        b"source",
        b"style",
        b"summary",
        b"table",
        b"tbody",
        b"td",
        b"template",
        b"textarea",
        b"tfoot",
        b"th",
        b"thead",
        b"title",
        b"tr",
        b"track",
        b"ul",
        b"wbr",
        b"xmp",
    ]
}

tag_set! {
    /// HTML start tags that end foreign (SVG, MathML) content.
    breaks_out_of_foreign = [
        b"b",
        b"big",
        b"blockquote",
        b"body",
        b"br",
        b"center",
        b"code",
        b"dd",
        b"div",
        b"dl",
        b"dt",
        b"em",
        b"embed",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"hr",
        b"i",
        b"img",
        b"li",
        b"listing",
        b"menu",
        b"meta",
        b"nobr",
        b"ol",
        b"p",
        b"pre",
        b"ruby",
        b"s",
        b"small",
        b"span",
        b"strong",
        b"strike",
        b"sub",
        b"sup",
        b"table",
        b"tt",
        b"u",
        b"ul",
        b"var",
    ]
}

/// Start tags whose content the tokenizer reads as text up to their end tag.
pub(super) const RAW_TEXT: &[&[u8]] = &[
    b"title",
    b"textarea",
    b"style",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Start tags the tree builder ignores unless a table (or template) is open.
pub(super) const TABLE_ONLY: &[&[u8]] = &[
    b"caption",
    b"colgroup",
    b"tbody",
    b"thead",
    b"tfoot",
    b"tr",
    b"td",
    b"th",
];

/// Table structure elements, for the table rules.
pub(super) const TABLE_PARTS: &[&[u8]] = &[b"tbody", b"thead", b"tfoot"];

pub(super) fn is(name: &[u8], set: &[&[u8]]) -> bool {
    set.contains(&name)
}

/// HTML elements inside which the tree builder ignores some start tags
/// (`<style>` in a `select`, `<script>` after a `<col>` in a `template`), so
/// that the tokenizer reads their content as markup where the model would
/// read it as text.
pub(super) const UNMODELLED: &[&[u8]] = &[b"select", b"template"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_categories_agree_with_each_other() {
        for set in [
            MARKERS,
            SCOPE_BOUNDARIES,
            HEADINGS,
            TABLE_ONLY,
            TABLE_PARTS,
            RAW_TEXT,
        ] {
            for name in set {
                assert!(is_special(name), "{}", String::from_utf8_lossy(name));
            }
        }
        for name in [MARKERS, SCOPE_BOUNDARIES, HEADINGS, TABLE_ONLY, RAW_TEXT].concat() {
            assert!(!is_formatting(name), "{}", String::from_utf8_lossy(name));
            assert!(!is_void(name), "{}", String::from_utf8_lossy(name));
        }
        for name in HEADINGS {
            assert!(closes_p(name) && breaks_out_of_foreign(name));
        }
        for name in TABLE_PARTS {
            assert!(is(name, TABLE_ONLY));
        }
    }
}
