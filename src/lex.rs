//! Reading raw HTML bytes, for the two stages that look at a page before it is
//! parsed: the charset prescan in `decode` and the pre-parse scan in `guard`.
//!
//! Both read tags, attribute names and values, comments and whitespace out of
//! bytes that may be in any ASCII-compatible charset, by the HTML standard's
//! rules. Where the two follow the *same* rule (what whitespace is, where a tag
//! name or an attribute ends, where a bogus comment ends) the rule is here,
//! once, so the readers cannot drift apart. Where the standard gives them
//! different rules on purpose (the tokenizer's comment end against the
//! prescan's; see [`comment_end`] and [`prescan_comment_end`]), both are here
//! side by side with the difference said.

use std::borrow::Cow;
use std::ops::Range;

/// The first `needle` in `hay` at or after `from`.
pub(crate) fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|at| from + at)
}

/// The first `needle` in `hay`, ignoring ASCII case.
pub(crate) fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether `hay` starts with `prefix`, ignoring ASCII case (tag and attribute
/// names are ASCII case-insensitive).
pub(crate) fn starts_with_ci(hay: &[u8], prefix: &[u8]) -> bool {
    hay.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// `name` in ASCII lowercase, borrowed when it already is (the usual case).
pub(crate) fn lowercase(name: &[u8]) -> Cow<'_, [u8]> {
    if name.iter().any(u8::is_ascii_uppercase) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// HTML's ASCII whitespace.
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The first byte at or after `i` that is not whitespace (or the end).
pub(crate) fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    i
}

/// Where a tag name starting at `from` ends: at the first whitespace, `/` or
/// `>` (or the end). The tokenizer's tag name state and the prescan agree.
pub(crate) fn tag_name_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// Skips what comes before an attribute name in a tag (whitespace and stray
/// `/`s, as both the tokenizer and the prescan do) and returns where the next
/// attribute (or the tag's `>`, or the end) starts, and whether the last byte
/// skipped was a `/` (so that a `>` there ends a self-closing tag).
pub(crate) fn skip_to_attribute(b: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
        i += 1;
    }
    (i, i > from && b[i - 1] == b'/')
}

/// One attribute of a tag, as [`read_attribute`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute {
    /// The name's bytes, as written (a leading `=` belongs to it).
    pub(crate) name: Range<usize>,
    /// The value's bytes without quotes; empty when there is none.
    pub(crate) value: Range<usize>,
    /// Where the attribute ends: after its name when it has no value, after
    /// its value (and closing quote) when it has one, at the `>` (or the end)
    /// when an `=` is followed by nothing.
    pub(crate) end: usize,
    /// An `=` followed by the tag's `>` or the input's end, no value.
    pub(crate) dangling_equals: bool,
}

/// Reads the attribute whose name starts at `start` (a byte that is neither
/// whitespace, `/` nor `>`), by the tokenizer's attribute name and value
/// states, which the prescan's "get an attribute" steps follow too: the name
/// runs to whitespace, `/`, `>` or `=`; a value after `=` is quoted (to the
/// same quote) or runs to whitespace or `>`. Lenient at the input's end: an
/// unclosed quote runs to the end (the tokenizer would drop such a tag; the
/// caller tells by the end it gets).
pub(crate) fn read_attribute(b: &[u8], start: usize) -> Attribute {
    let mut i = start + 1;
    while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
        i += 1;
    }
    let name = start..i;
    let no_value = |end: usize| Attribute {
        name: start..i,
        value: end..end,
        end,
        dangling_equals: false,
    };
    let eq = skip_space(b, i);
    if b.get(eq) != Some(&b'=') {
        return no_value(i);
    }
    let j = skip_space(b, eq + 1);
    match b.get(j) {
        None | Some(b'>') => Attribute {
            dangling_equals: true,
            ..no_value(j)
        },
        Some(&q @ (b'"' | b'\'')) => {
            let from = j + 1;
            let to = memchr::memchr(q, &b[from..]).map_or(b.len(), |n| from + n);
            Attribute {
                name,
                value: from..to,
                end: (to + 1).min(b.len()),
                dangling_equals: false,
            }
        }
        Some(_) => {
            let mut to = j;
            while to < b.len() && !is_space(b[to]) && b[to] != b'>' {
                to += 1;
            }
            Attribute {
                name,
                value: j..to,
                end: to,
                dangling_equals: false,
            }
        }
    }
}

/// `</name` followed by whitespace, `/` or `>` at `at`: an end tag the
/// tokenizer reads as that name's.
pub(crate) fn is_end_tag_named(b: &[u8], at: usize, name: &[u8]) -> bool {
    is_tag_named(b, at + 2, name)
}

/// `<name` (no slash) followed by whitespace, `/` or `>` at `at`.
pub(crate) fn is_start_tag_named(b: &[u8], at: usize, name: &[u8]) -> bool {
    is_tag_named(b, at + 1, name)
}

fn is_tag_named(b: &[u8], start: usize, name: &[u8]) -> bool {
    b.get(start..)
        .is_some_and(|rest| starts_with_ci(rest, name))
        && b.get(start + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where a comment opened by `<!--` (content starting at `from`) ends for the
/// tokenizer: at the first `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
pub(crate) fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut i = 0;
    while let Some(dash) = find(rest, i, b"--") {
        match rest.get(dash + 2) {
            Some(b'>') => return from + dash + 3,
            Some(b'!') if rest.get(dash + 3) == Some(&b'>') => return from + dash + 4,
            _ => i = dash + 1,
        }
    }
    b.len()
}

/// Where a comment whose `<!--` starts at `at` ends for the charset prescan:
/// after the first `-->`, whose dashes may be those of the `<!--` itself (so
/// `<!-->` and `<!--->` end at once, as for the tokenizer). The standard's
/// prescan differs from its tokenizer ([`comment_end`]) in one rule, on
/// purpose: it knows no `--!>` (an error the tokenizer recovers from). A meta
/// after such a comment is read by browsers' prescan as inside it, so ours
/// must too.
pub(crate) fn prescan_comment_end(b: &[u8], at: usize) -> usize {
    find(b, at + 2, b"-->").map_or(b.len(), |end| end + 3)
}

/// Bogus comments (`<!x`, `<?x`, `</1`), doctypes and CDATA outside foreign
/// content all end after the first `>` at or after `from`, for the tokenizer
/// and the prescan alike.
pub(crate) fn bogus_comment_end(b: &[u8], from: usize) -> usize {
    let from = from.min(b.len());
    memchr::memchr(b'>', &b[from..]).map_or(b.len(), |p| from + p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_html_whitespace() {
        let spaces: Vec<u8> = (0..=255u8).filter(|&c| is_space(c)).collect();
        assert_eq!(spaces, b"\t\n\x0C\r ");
        assert_eq!(skip_space(b" \t\x0Bx", 0), 2);
        assert_eq!(skip_space(b"  ", 1), 2);
    }

    #[test]
    fn searches_and_case() {
        assert_eq!(find(b"a-->b-->", 3, b"-->"), Some(5));
        assert_eq!(find(b"ab", 5, b"b"), None);
        assert_eq!(find_ci(b"text/html; CharSet=x", b"charset"), Some(11));
        assert!(starts_with_ci(b"<META charset", b"<meta"));
        assert!(!starts_with_ci(b"<me", b"<meta"));
        assert!(matches!(lowercase(b"div"), Cow::Borrowed(_)));
        assert_eq!(&*lowercase(b"DiV"), b"div");
    }

    #[test]
    fn tag_names_end_at_space_slash_or_gt() {
        assert_eq!(tag_name_end(b"<div class=a>", 1), 4);
        assert_eq!(tag_name_end(b"<br/>", 1), 3);
        assert_eq!(tag_name_end(b"<p>", 1), 2);
        assert_eq!(tag_name_end(b"<abc", 1), 4);
    }

    #[test]
    fn slashes_and_spaces_before_attributes() {
        assert_eq!(skip_to_attribute(b"<br />", 3), (5, true));
        assert_eq!(skip_to_attribute(b"<a / >", 2), (5, false));
        assert_eq!(skip_to_attribute(b"<a //x>", 2), (5, true));
        assert_eq!(skip_to_attribute(b"<a>", 2), (2, false));
    }

    fn attribute(b: &[u8], start: usize) -> (&[u8], &[u8], usize, bool) {
        let a = read_attribute(b, start);
        (&b[a.name], &b[a.value], a.end, a.dangling_equals)
    }

    #[test]
    fn attributes_by_the_tokenizers_states() {
        assert_eq!(
            attribute(b"<a href = 'x y'>", 3),
            (&b"href"[..], &b"x y"[..], 15, false)
        );
        assert_eq!(
            attribute(b"<a HREF=x/>", 3),
            (&b"HREF"[..], &b"x/"[..], 10, false)
        );
        assert_eq!(attribute(b"<a =x=y>", 3), (&b"=x"[..], &b"y"[..], 7, false));
        assert_eq!(
            attribute(b"<a defer  id=1>", 3),
            (&b"defer"[..], &b""[..], 8, false)
        );
        assert_eq!(attribute(b"<a b= >", 3), (&b"b"[..], &b""[..], 6, true));
        assert_eq!(attribute(b"<a b=", 3), (&b"b"[..], &b""[..], 5, true));
        assert_eq!(attribute(b"<a b=\"x", 3), (&b"b"[..], &b"x"[..], 7, false));
    }

    #[test]
    fn tags_named() {
        assert!(is_end_tag_named(b"x</SCRIPT >", 1, b"script"));
        assert!(!is_end_tag_named(b"</scripts>", 0, b"script"));
        assert!(!is_end_tag_named(b"</script", 0, b"script"));
        assert!(is_start_tag_named(b"<script/>", 0, b"script"));
        assert!(!is_start_tag_named(b"</script>", 0, b"script"));
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        let b = b"<!---->x<!-- a --!>y<!-->z";
        assert_eq!(comment_end(b, 4), 7);
        assert_eq!(comment_end(b, 12), 19);
        assert_eq!(comment_end(b, 24), 25);
    }

    #[test]
    fn comments_end_where_the_prescan_ends_them() {
        let b = b"<!---->x<!-- a --!>y-->z<!-->";
        assert_eq!(prescan_comment_end(b, 0), 7);
        // `--!>` is not an end for the prescan.
        assert_eq!(prescan_comment_end(b, 8), 23);
        assert_eq!(prescan_comment_end(b, 24), 29);
        assert_eq!(prescan_comment_end(b"<!-- x", 0), 6);
    }

    #[test]
    fn bogus_comments_end_at_the_first_gt() {
        assert_eq!(bogus_comment_end(b"<!DOCTYPE html>x", 2), 15);
        assert_eq!(bogus_comment_end(b"<?x", 2), 3);
        assert_eq!(bogus_comment_end(b"<!", 5), 2);
    }
}
