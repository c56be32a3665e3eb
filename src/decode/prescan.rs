//! The charset a page declares itself, read as browsers read it before
//! decoding: the WHATWG prescan for `<meta charset>` and
//! `<meta http-equiv="Content-Type">`, then an `<?xml … encoding=…?>` prolog.
//!
//! The prescan reads raw bytes in any ASCII-compatible charset with the raw
//! HTML helpers of `lex` (tag names, attributes, whitespace), which the
//! guard's pre-parse scan shares; where the prescan's rules differ from the
//! tokenizer's (comments, raw text) the difference is said where it is used.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::lex::{
    bogus_comment_end, find, find_ci, is_space, prescan_comment_end, read_attribute, skip_space,
    skip_to_attribute, starts_with_ci, tag_name_end,
};

/// Browsers look for a `<meta charset>` in the first 1024 bytes; inside this
/// window we scan like they do, `<body>` or not.
const PRESCAN_BYTES: usize = 1024;

/// Past the first 1024 bytes we keep looking until the head ends, because real
/// pages declare their charset after long inline scripts and styles; this caps
/// the scan when a page has no `<body>` tag.
const HEAD_SCAN_BYTES: usize = 64 * 1024;

/// Elements whose content is not markup; a `<meta` inside a script string is
/// not a declaration.
const RAW_TEXT_ELEMENTS: &[&[u8]] = &[b"script", b"style", b"title", b"textarea"];

/// The charset a page declares: `<meta charset>` or `<meta http-equiv>` as the
/// WHATWG prescan finds them (the first 1024 bytes, then on through the head),
/// else an XML prolog, which browsers ignore for HTML and so ranks last.
pub(super) fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = &bytes[..bytes.len().min(HEAD_SCAN_BYTES)];
    let mut i = 0;
    let mut head_over = false;
    while i < b.len() {
        if i >= PRESCAN_BYTES && head_over {
            break;
        }
        let Some(lt) = memchr::memchr(b'<', &b[i..]) else {
            break;
        };
        i += lt;
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = prescan_comment_end(b, i);
        } else if starts_with_ci(rest, b"<meta") && rest.get(5).is_some_and(|&c| is_tag_end(c)) {
            i += 5;
            if let Some(encoding) = meta_charset(b, &mut i) {
                return Some(encoding);
            }
        } else if let Some((closing, name_start)) = tag_start(rest) {
            let name_start = i + name_start;
            let name_end = tag_name_end(b, name_start);
            let name = &b[name_start..name_end];
            i = name_end;
            while next_attribute(b, &mut i).is_some() {}
            if name.eq_ignore_ascii_case(b"body") || (closing && name.eq_ignore_ascii_case(b"head"))
            {
                head_over = true;
            } else if !closing
                && RAW_TEXT_ELEMENTS
                    .iter()
                    .any(|e| name.eq_ignore_ascii_case(e))
            {
                i = skip_raw_text(b, i, name);
            }
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            i = bogus_comment_end(b, i + 2);
        } else {
            i += 1;
        }
    }
    xml_declaration(b)
}

/// Reads one `<meta …>`'s attributes (after `<meta`) and returns the encoding
/// it declares, by the WHATWG rules: `charset` counts alone, a `content`
/// charset only with `http-equiv="content-type"`.
fn meta_charset(b: &[u8], i: &mut usize) -> Option<&'static Encoding> {
    let (mut seen_http_equiv, mut seen_content, mut seen_charset) = (false, false, false);
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset: Option<&'static Encoding> = None;
    while let Some((name, value)) = next_attribute(b, i) {
        if name.eq_ignore_ascii_case(b"http-equiv") && !seen_http_equiv {
            seen_http_equiv = true;
            got_pragma = value.eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") && !seen_content {
            seen_content = true;
            if charset.is_none()
                && let Some(label) = charset_in_content(value)
            {
                charset = Encoding::for_label(label);
                need_pragma = Some(true);
            }
        } else if name.eq_ignore_ascii_case(b"charset") && !seen_charset {
            seen_charset = true;
            charset = Encoding::for_label(value);
            need_pragma = Some(false);
        }
    }
    match need_pragma {
        None => None,
        Some(true) if !got_pragma => None,
        _ => charset.and_then(page_declared),
    }
}

/// A charset named by the page itself, as the HTML standard maps it: a page
/// that says UTF-16 in ASCII bytes is not UTF-16, and `x-user-defined` means
/// windows-1252. Labels of the `replacement` encoding would turn the whole page
/// into one U+FFFD (a browser's XSS guard); we extract text instead, so they
/// count as no declaration and detection decides.
fn page_declared(encoding: &'static Encoding) -> Option<&'static Encoding> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        Some(UTF_8)
    } else if encoding == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if encoding == encoding_rs::REPLACEMENT {
        None
    } else {
        Some(encoding)
    }
}

/// The charset in a `content="text/html; charset=…"` value (WHATWG algorithm).
pub(super) fn charset_in_content(value: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        pos += find_ci(&value[pos..], b"charset")? + b"charset".len();
        let mut j = skip_space(value, pos);
        if value.get(j) != Some(&b'=') {
            continue;
        }
        j = skip_space(value, j + 1);
        return match value.get(j)? {
            &q @ (b'"' | b'\'') => {
                let len = value[j + 1..].iter().position(|&c| c == q)?;
                Some(&value[j + 1..j + 1 + len])
            }
            _ => {
                let len = value[j..]
                    .iter()
                    .position(|&c| is_space(c) || c == b';')
                    .unwrap_or(value.len() - j);
                Some(&value[j..j + len])
            }
        };
    }
}

/// `encoding="…"` in an `<?xml …?>` prolog at the start of the page.
fn xml_declaration(b: &[u8]) -> Option<&'static Encoding> {
    let start = skip_space(b, 0);
    if !starts_with_ci(&b[start..], b"<?xml") {
        return None;
    }
    let end = find(b, start, b"?>")?;
    let prolog = &b[start..end];
    let mut pos = find_ci(prolog, b"encoding")? + b"encoding".len();
    pos = skip_space(prolog, pos);
    if prolog.get(pos) != Some(&b'=') {
        return None;
    }
    pos = skip_space(prolog, pos + 1);
    let quote = *prolog.get(pos).filter(|&&q| q == b'"' || q == b'\'')?;
    let len = prolog[pos + 1..].iter().position(|&c| c == quote)?;
    Encoding::for_label(&prolog[pos + 1..pos + 1 + len]).and_then(page_declared)
}

/// One attribute of a tag, by the WHATWG "get an attribute" steps, or `None`
/// at the tag's end (then `i` is past the `>`) or the input's end. The name is
/// as written: callers compare it ignoring ASCII case.
fn next_attribute<'a>(b: &'a [u8], i: &mut usize) -> Option<(&'a [u8], &'a [u8])> {
    (*i, _) = skip_to_attribute(b, *i);
    if *b.get(*i)? == b'>' {
        *i += 1;
        return None;
    }
    let attribute = read_attribute(b, *i);
    *i = attribute.end;
    Some((&b[attribute.name], &b[attribute.value]))
}

/// `<name` or `</name` with an ASCII letter first: whether it closes, and
/// where the name starts (relative to `rest`).
fn tag_start(rest: &[u8]) -> Option<(bool, usize)> {
    match rest.get(1)? {
        c if c.is_ascii_alphabetic() => Some((false, 1)),
        b'/' if rest.get(2)?.is_ascii_alphabetic() => Some((true, 2)),
        _ => None,
    }
}

/// Where raw text opened by `<name>` (content starting at `from`) ends: at
/// the first `</name`, or the end of the scanned bytes. Looser than the
/// tokenizer's end (`lex::is_end_tag_named` also wants whitespace, `/` or
/// `>` after the name): the prescan only has to keep a `<meta` inside a
/// script string from counting, and ending early at a `</scripts` costs at
/// most reading a script's tail as markup.
fn skip_raw_text(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut pos = from;
    while let Some(at) = find(b, pos, b"</") {
        if starts_with_ci(&b[at + 2..], name) {
            return at;
        }
        pos = at + 2;
    }
    b.len()
}

/// A byte that ends `<meta`'s name for the prescan: whitespace or `/`, not
/// `>` (the standard's prescan skips a `<meta>` with no attributes as any
/// other tag, which declares nothing either way).
fn is_tag_end(c: u8) -> bool {
    is_space(c) || c == b'/'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::decode::tests::{html, ok};
    use encoding_rs::SHIFT_JIS;

    #[test]
    fn windows_1252_by_meta() {
        let mut bytes = html(r#"<meta charset="windows-1252">"#, "<p>X</p>").into_bytes();
        let at = bytes.iter().position(|&b| b == b'X').unwrap();
        bytes.splice(at..=at, *b"\x93Caf\xE9\x94");
        assert!(ok(&bytes, None).contains("<p>\u{201C}Café\u{201D}</p>"));
    }

    #[test]
    fn shift_jis_by_meta() {
        let page = html(
            r#"<meta charset="Shift_JIS">"#,
            "<p>東京の天気は晴れです。</p>",
        );
        let (bytes, _, unmappable) = SHIFT_JIS.encode(&page);
        assert!(!unmappable);
        assert_eq!(ok(&bytes, None), page);
    }

    #[test]
    fn http_equiv_form() {
        let page = html(
            r#"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; Charset = "Shift_JIS"'>"#,
            "<p>東京の天気は晴れです。</p>",
        );
        let (bytes, _, _) = SHIFT_JIS.encode(&page);
        assert_eq!(ok(&bytes, None), page);
    }

    #[test]
    fn content_charset_without_http_equiv_is_ignored() {
        let head = r#"<meta name="x" content="text/html; charset=iso-8859-7">"#;
        assert_eq!(prescan(html(head, "").as_bytes()), None);
    }

    #[test]
    fn xml_prolog() {
        let page = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<html><p>東京の天気は晴れです。</p></html>";
        let (bytes, _, _) = SHIFT_JIS.encode(page);
        assert_eq!(ok(&bytes, None), page);
    }

    #[test]
    fn meta_after_first_1024_bytes() {
        let script = format!("<script>var x = '{}';</script>", "a".repeat(3000));
        let page = html(
            &format!(r#"{script}<meta charset="shift_jis">"#),
            "<p>東京の天気</p>",
        );
        let (bytes, _, _) = SHIFT_JIS.encode(&page);
        assert!(bytes.windows(5).position(|w| w == b"<meta").unwrap() > PRESCAN_BYTES);
        assert_eq!(ok(&bytes, None), page);
    }

    #[test]
    fn meta_in_body_past_1024_bytes_is_ignored() {
        let body = format!("<p>{}</p><meta charset=koi8-r>", "a".repeat(2000));
        assert_eq!(prescan(html("", &body).as_bytes()), None);
    }

    #[test]
    fn meta_inside_script_or_comment_is_ignored() {
        let head = r#"<!-- <meta charset=koi8-r> --><script>w('<meta charset=koi8-r>')</script>"#;
        assert_eq!(prescan(html(head, "").as_bytes()), None);
    }

    #[test]
    fn utf16_label_in_meta_means_utf8() {
        assert_eq!(
            prescan(html("<meta charset=utf-16le>", "").as_bytes()),
            Some(UTF_8)
        );
        let user_defined = html("<meta charset=x-user-defined>", "");
        assert_eq!(prescan(user_defined.as_bytes()), Some(WINDOWS_1252));
    }

    #[test]
    fn every_truncation_of_a_tricky_head_decodes_or_errs() {
        let page = concat!(
            "<?xml version='1.0' encoding=\"iso-8859-1\"?><!-- <meta charset=x> -->",
            "<!DOCTYPE html><html><head><meta http-equiv=content-type content=",
            "'text/html; charset=\"shift_jis'><meta charset = 'koi8-r' / >",
            "<script>'</scr'+'ipt>'</script><meta =x charset><body>Grüße</body>"
        );
        for cut in 0..=page.len() {
            let _ = decode(&page.as_bytes()[..cut], None);
            let _ = prescan(&page.as_bytes()[..cut]);
        }
    }
}
