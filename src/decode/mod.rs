//! Bytes to text: byte-order mark, then the declared charset, then detection.
//!
//! This stage decides which encoding a page is in and hands the next stage one
//! `String` with no NUL characters in it. In order:
//!
//! 1. Binary formats (PNG, PDF, ZIP, gzip, …) are recognised by their magic
//!    numbers and refused as [`Error::NotHtml`].
//! 2. A byte-order mark wins over everything (UTF-8, UTF-16LE, UTF-16BE).
//!    BOM-less UTF-16 is recognised by its NUL-every-other-byte pattern.
//! 3. The declared charset: the caller's (HTTP `Content-Type`) first, else the
//!    page's own `<meta charset>` / `<meta http-equiv="Content-Type">`, else an
//!    `<?xml … encoding=…?>` prolog.
//! 4. The bytes overrule a declaration they clearly contradict: valid
//!    multi-byte UTF-8 outnumbering invalid sequences means UTF-8 whatever
//!    ASCII-compatible charset is declared, and the reverse sends a UTF-8
//!    declaration to detection.
//! 5. Undeclared: UTF-8 if the bytes are (mostly) UTF-8, else `chardetng`.
//!
//! Decoding never fails on bad bytes: each invalid sequence becomes one U+FFFD.
//! What fails is input with no text in it ([`Error::Empty`]) and input that is
//! not text at all ([`Error::NotHtml`]): many NUL bytes, or a decoded text whose
//! sample is largely control characters and U+FFFD.
//!
//! [`sniff`] refuses what is not a page (binary formats, NUL-heavy bytes,
//! junk) and recognises BOM-less UTF-16; [`prescan`](mod@prescan) reads the
//! page's own declaration; this module puts the steps in order and decodes.

mod prescan;
mod sniff;

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::Error;
use prescan::{charset_in_content, prescan};
use sniff::{binary_signature, reject_junk, reject_nul_bytes, sniff_utf16};

/// How much of an undeclared or mis-declared page the UTF-8 evidence and the
/// `chardetng` detector look at: enough text to decide, bounded per page.
const DETECT_BYTES: usize = 64 * 1024;

/// `chardetng` runs at a few tens of MB/s, so it gets the sample in chunks of
/// this size…
const DETECT_CHUNK_BYTES: usize = 4 * 1024;

/// …and stops after the chunk in which it has seen this many non-ASCII bytes:
/// the ASCII markup says nothing about the charset, and a few thousand bytes of
/// legacy text are enough for a confident guess.
const DETECT_NON_ASCII_BYTES: usize = 2 * 1024;

/// Decodes a page. `declared` is a charset from outside the page (HTTP header).
/// Valid UTF-8 (the usual case) is borrowed, not copied.
pub(crate) fn decode<'a>(bytes: &'a [u8], declared: Option<&str>) -> Result<Cow<'a, str>, Error> {
    if let Some(what) = binary_signature(bytes) {
        return Err(Error::NotHtml(format!("{what}, not HTML")));
    }
    let plan = choose(bytes, declared);
    if plan.encoding != UTF_16LE && plan.encoding != UTF_16BE {
        reject_nul_bytes(plan.body)?;
    }
    let mut text = match plan.valid_utf8 {
        // The common case: one validation pass, no copy.
        Some(valid) if plan.encoding == UTF_8 => Cow::Borrowed(valid),
        _ => plan.encoding.decode_without_bom_handling(plan.body).0,
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '\0')
        .is_empty()
    {
        return Err(Error::Empty);
    }
    reject_junk(&text)?;
    // JSON Lines consumers choke on NUL; a stray one carries no text.
    if memchr::memchr(0, text.as_bytes()).is_some() {
        text.to_mut().retain(|c| c != '\0');
    }
    Ok(text)
}

/// The encoding to decode with, the bytes after any BOM, and those bytes as
/// `&str` when they are entirely valid UTF-8 (so decoding is a copy).
struct Plan<'a> {
    encoding: &'static Encoding,
    body: &'a [u8],
    valid_utf8: Option<&'a str>,
}

fn choose<'a>(bytes: &'a [u8], declared: Option<&str>) -> Plan<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let valid_utf8 = (encoding == UTF_8)
            .then(|| std::str::from_utf8(body).ok())
            .flatten();
        return Plan {
            encoding,
            body,
            valid_utf8,
        };
    }
    // Bytes with UTF-16's NUL pattern are UTF-16 whatever anyone declares:
    // read as any ASCII-compatible encoding they would be half NULs.
    if let Some(encoding) = sniff_utf16(bytes) {
        return Plan {
            encoding,
            body: bytes,
            valid_utf8: None,
        };
    }
    let declared = declared
        .and_then(|label| {
            // Callers pass a bare label or the whole `Content-Type` value.
            let label = label.as_bytes();
            Encoding::for_label_no_replacement(charset_in_content(label).unwrap_or(label))
        })
        // A UTF-16 header on bytes without that pattern is a server default,
        // not the truth; the page's own declaration decides instead.
        .filter(|&encoding| encoding != UTF_16LE && encoding != UTF_16BE)
        .or_else(|| prescan(bytes));

    let valid_utf8 = utf8_or_truncated(bytes);
    let evidence = Utf8Evidence::of(bytes, valid_utf8);
    let encoding = match declared {
        Some(encoding) if encoding != UTF_8 => {
            if encoding.is_ascii_compatible() && evidence.speaks_utf8() {
                UTF_8
            } else {
                encoding
            }
        }
        // Declared UTF-8, or nothing declared.
        _ if evidence.speaks_utf8() || evidence.invalid == 0 => UTF_8,
        _ => detect(bytes),
    };
    let valid_utf8 = valid_utf8.filter(|text| text.len() == bytes.len());
    // Pure ASCII reads the same in every ASCII-compatible encoding: copy it.
    // (Whole and valid, the evidence was counted on this same text.)
    let ascii = valid_utf8.is_some() && evidence.multibyte == 0;
    let encoding = if encoding.is_ascii_compatible() && ascii {
        UTF_8
    } else {
        encoding
    };
    Plan {
        encoding,
        body: bytes,
        valid_utf8,
    }
}

/// The bytes as `&str` when they are valid UTF-8, or valid but for a sequence
/// cut off at the very end (a truncated download is still UTF-8).
fn utf8_or_truncated(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// What the bytes say about UTF-8, counted over the first [`DETECT_BYTES`].
#[derive(Debug, Clone, Copy)]
struct Utf8Evidence {
    /// Valid multi-byte UTF-8 sequences.
    multibyte: usize,
    /// Invalid sequences (each would become one U+FFFD).
    invalid: usize,
}

impl Utf8Evidence {
    fn of(bytes: &[u8], valid: Option<&str>) -> Self {
        if let Some(text) = valid {
            // Only whether there is any multi-byte sequence matters here.
            let multibyte = usize::from(!text.is_ascii());
            return Utf8Evidence {
                multibyte,
                invalid: 0,
            };
        }
        let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
        let mut evidence = Utf8Evidence {
            multibyte: 0,
            invalid: 0,
        };
        let mut rest = sample;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    evidence.multibyte += count_lead_bytes(text.as_bytes());
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    evidence.multibyte += count_lead_bytes(valid);
                    match e.error_len() {
                        Some(len) => {
                            evidence.invalid += 1;
                            rest = &after[len..];
                        }
                        // Cut off by the end of the sample: not evidence.
                        None => break,
                    }
                }
            }
        }
        if evidence.invalid == 0 {
            // The whole input is invalid somewhere, just not in the sample.
            evidence.invalid = 1;
        }
        evidence
    }

    /// The one rule for lying declarations: the bytes speak UTF-8 when valid
    /// multi-byte sequences outnumber invalid ones. Legacy text (windows-1252,
    /// GBK, Shift_JIS) almost never forms valid UTF-8 sequences by accident, and
    /// UTF-8 text with a few bad bytes still has many more good ones. So a
    /// legacy declaration on UTF-8 bytes gives way to UTF-8, and a UTF-8
    /// declaration on bytes that are mostly invalid as UTF-8 gives way to
    /// detection. A legacy declaration on other legacy bytes is believed.
    fn speaks_utf8(self) -> bool {
        self.multibyte > self.invalid
    }
}

fn count_lead_bytes(valid: &[u8]) -> usize {
    valid.iter().filter(|&&b| b >= 0xC0).count()
}

/// Guesses a legacy encoding from the first [`DETECT_BYTES`], stopping early
/// once [`DETECT_NON_ASCII_BYTES`] have been seen.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    // ISO-2022-JP is denied to browsers because pages run scripts; we run none.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    let mut non_ascii = 0;
    let mut chunks = sample.chunks(DETECT_CHUNK_BYTES).peekable();
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none() && sample.len() == bytes.len();
        detector.feed(chunk, last);
        non_ascii += chunk.iter().filter(|&&b| b >= 0x80).count();
        if non_ascii >= DETECT_NON_ASCII_BYTES {
            break;
        }
    }
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GB18030, SHIFT_JIS, WINDOWS_1252};

    /// The page decoded, which must succeed.
    pub(super) fn ok(bytes: &[u8], declared: Option<&str>) -> String {
        decode(bytes, declared).expect("decodes").into_owned()
    }

    /// A small page with `head` and `body` filled in.
    pub(super) fn html(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head>{head}<title>T</title></head><body>{body}</body></html>"
        )
    }

    const CHINESE: &str = "北京市今天发布了新的交通管理办法，\
        自下月起，中心城区的部分道路将实行单双号限行。\
        市民可以通过地铁和公交出行，有关部门表示将增加早晚高峰的班次。";

    #[test]
    fn utf8_bom_wins_over_meta() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(html(r#"<meta charset="windows-1252">"#, "<p>café</p>").as_bytes());
        let text = ok(&bytes, Some("iso-8859-2"));
        assert!(text.starts_with("<!DOCTYPE"));
        assert!(text.contains("café"));
    }

    #[test]
    fn utf16_boms() {
        let page = html("", "<p>Grüße, 世界</p>");
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in page.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(ok(&le, None), page);
        assert_eq!(ok(&be, Some("utf-8")), page);
    }

    #[test]
    fn gb18030_undeclared_is_detected() {
        let page = html("", &format!("<p>{CHINESE}</p><p>{CHINESE}</p>"));
        let (bytes, _, unmappable) = GB18030.encode(&page);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(ok(&bytes, None), page);
    }

    #[test]
    fn external_declared_wins_over_meta() {
        let page = html(
            r#"<meta charset="windows-1252">"#,
            "<p>東京の天気は晴れです。</p>",
        );
        let (bytes, _, _) = SHIFT_JIS.encode(&page);
        assert_eq!(ok(&bytes, Some("shift_jis")), page);
        // An unknown external label falls back to the page's declaration.
        let (bytes, _, _) = WINDOWS_1252.encode("<meta charset=windows-1252><p>café</p>");
        assert!(ok(&bytes, Some("no-such-charset")).contains("café"));
    }

    #[test]
    fn external_declared_may_be_a_content_type() {
        let (bytes, _, _) = SHIFT_JIS.encode("<p>東京の天気は晴れです。</p>");
        let text = ok(&bytes, Some("text/html; charset=Shift_JIS"));
        assert_eq!(text, "<p>東京の天気は晴れです。</p>");
    }

    #[test]
    fn legacy_declaration_on_legacy_bytes_is_believed() {
        let page = html(r#"<meta charset="gbk">"#, &format!("<p>{CHINESE}</p>"));
        let (bytes, _, _) = GB18030.encode(&page);
        assert_eq!(ok(&bytes, None), page);
    }

    #[test]
    fn legacy_declaration_on_utf8_bytes_is_overruled() {
        let page = html(
            r#"<meta charset="windows-1252">"#,
            "<p>“Café” für Grüße</p>",
        );
        assert_eq!(ok(page.as_bytes(), None), page);
        assert_eq!(ok(page.as_bytes(), Some("ISO-8859-1")), page);
    }

    #[test]
    fn utf8_declaration_on_windows_1252_bytes_is_overruled() {
        let page = html(
            r#"<meta charset="utf-8">"#,
            "<p>Le café du coin a fermé ses portes. C’était l’été, déjà.</p>",
        );
        let (bytes, _, _) = WINDOWS_1252.encode(&page);
        assert_eq!(ok(&bytes, None), page);
        assert_eq!(ok(&bytes, Some("utf-8")), page);
    }

    #[test]
    fn invalid_utf8_replaces_only_bad_sequences() {
        let mut bytes = html("<meta charset=utf-8>", "<p>Grüße X aus Köln</p>").into_bytes();
        let at = bytes.iter().position(|&b| b == b'X').unwrap();
        bytes.splice(at..=at, [0xFF, b'Y', 0xC3]);
        let text = ok(&bytes, None);
        assert!(text.contains("<p>Grüße \u{FFFD}Y\u{FFFD} aus Köln</p>"));
        assert_eq!(text.matches('\u{FFFD}').count(), 2);
    }

    #[test]
    fn truncated_utf8_stays_utf8() {
        let page = html("", "<p>Grüße aus Köln und München</p>");
        let cut = page.find("ü").unwrap() + 1;
        let text = ok(&page.as_bytes()[..cut], None);
        assert!(text.ends_with("Gr\u{FFFD}"));
    }

    #[test]
    fn empty_whitespace_and_bom_only() {
        for input in [
            &b""[..],
            b" \t\r\n ",
            b"\xEF\xBB\xBF",
            b"\xFF\xFE",
            b"\xEF\xBB\xBF \n\0",
        ] {
            assert!(
                matches!(decode(input, None), Err(Error::Empty)),
                "{input:?}"
            );
        }
        let utf16_blank = [0xFF, 0xFE, b' ', 0, b'\n', 0];
        assert!(matches!(decode(&utf16_blank, None), Err(Error::Empty)));
    }

    #[test]
    fn stray_nul_is_stripped() {
        let bytes = html("", "<p>one\0two</p>\0").into_bytes();
        let text = ok(&bytes, None);
        assert!(!text.contains('\0'));
        assert!(text.contains("<p>onetwo</p>"));
    }
}
