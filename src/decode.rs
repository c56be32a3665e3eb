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

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::Error;
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

/// How many leading bytes are checked for the UTF-16 NUL pattern.
const UTF16_SNIFF_BYTES: usize = 1024;

/// Fewer two-byte units than this are too few to call a page BOM-less UTF-16.
const UTF16_MIN_UNITS: usize = 8;

/// BOM-less UTF-16: ASCII markup puts a NUL in the high byte of at least one in
/// this many units…
const UTF16_NUL_UNITS_PER_HIGH: usize = 2;

/// …and a NUL in the low byte of at most one in this many (else it is not text).
const UTF16_UNITS_PER_LOW_NUL: usize = 8;

/// How many leading bytes are counted for NULs before decoding.
const NUL_SAMPLE_BYTES: usize = 4096;

/// A stray NUL or two happens in scraped HTML and is stripped; more NULs than
/// this in the sample mean binary data (text formats other than UTF-16 have none).
const MAX_NUL_BYTES: usize = 8;

/// How many leading characters of the decoded text are checked for junk.
const JUNK_SAMPLE_CHARS: usize = 16 * 1024;

/// Decoded text where more than one character in this many is junk (control
/// characters, U+FFFD) is binary data, not a page with a few bad bytes: random
/// bytes give about one in four, real pages almost none.
const CHARS_PER_JUNK: usize = 20;

/// Below this many junk characters the share is not evidence (a tiny page with
/// two bad bytes is still a page).
const MIN_JUNK_CHARS: usize = 4;

/// Signatures of binary formats that end up in scraped collections by mistake
/// (images, documents, archives, media, fonts), with the name the error gives.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"%PDF-", "PDF document"),
    (b"%!PS", "PostScript document"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "legacy Office document",
    ),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
    (b"\xFD7zXZ\x00", "xz-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"\x7FELF", "ELF executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"\x1A\x45\xDF\xA3", "Matroska/WebM media"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"SQLite format 3\x00", "SQLite database"),
];

/// Signatures at offset 8 of a RIFF container (offset 0 is `RIFF`).
const RIFF_FORMATS: &[(&[u8], &str)] = &[
    (b"WEBP", "WebP image"),
    (b"WAVE", "WAV audio"),
    (b"AVI ", "AVI video"),
];

/// Elements whose content is not markup; a `<meta` inside a script string is
/// not a declaration.
const RAW_TEXT_ELEMENTS: &[&[u8]] = &[b"script", b"style", b"title", b"textarea"];

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

/// The format name when `bytes` start with a known binary signature.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    if let Some(&(_, what)) = BINARY_SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(what);
    }
    if bytes.starts_with(b"RIFF") {
        let format = bytes.get(8..12)?;
        return RIFF_FORMATS
            .iter()
            .find(|(tag, _)| *tag == format)
            .map(|&(_, what)| what);
    }
    // ISO base media (MP4, MOV, HEIF, AVIF): a box size, then `ftyp`.
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("MP4/ISO media");
    }
    None
}

/// UTF-16 without a BOM: ASCII markup leaves a NUL in the high byte of most
/// units and almost never in the low byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES)];
    let units = sample.len() / 2;
    if units < UTF16_MIN_UNITS {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for unit in sample.chunks_exact(2) {
        even += usize::from(unit[0] == 0);
        odd += usize::from(unit[1] == 0);
    }
    let looks = |high: usize, low: usize| {
        high * UTF16_NUL_UNITS_PER_HIGH >= units && low * UTF16_UNITS_PER_LOW_NUL <= units
    };
    if looks(odd, even) {
        Some(UTF_16LE)
    } else if looks(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn reject_nul_bytes(body: &[u8]) -> Result<(), Error> {
    let sample = &body[..body.len().min(NUL_SAMPLE_BYTES)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls > MAX_NUL_BYTES {
        return Err(Error::NotHtml(format!(
            "binary data, not HTML: {nuls} NUL bytes in the first {} bytes",
            sample.len()
        )));
    }
    Ok(())
}

/// Refuses decoded text whose sample is largely control characters and U+FFFD:
/// that is what random or binary bytes decode to in any encoding.
fn reject_junk(text: &str) -> Result<(), Error> {
    let (chars, junk) = sample_junk(text);
    if junk >= MIN_JUNK_CHARS && junk * CHARS_PER_JUNK > chars {
        return Err(Error::NotHtml(format!(
            "binary data, not HTML: {junk} of the first {chars} characters are \
             control characters or undecodable bytes"
        )));
    }
    Ok(())
}

/// The first [`JUNK_SAMPLE_CHARS`] characters counted, and the junk among them.
fn sample_junk(text: &str) -> (usize, usize) {
    // By bytes, not chars: a character starts at every byte that is not a
    // continuation byte, and every junk character is known by its first byte
    // (and the next ones for C1 controls and U+FFFD).
    const CHUNK: usize = 16;
    let b = text.as_bytes();
    let (mut chars, mut junk) = (0, 0);
    let mut i = 0;
    while i < b.len() && chars < JUNK_SAMPLE_CHARS {
        // Runs of printable ASCII and whitespace (most of any page) a chunk
        // at a time, with no branch per byte.
        if let Some(chunk) = b.get(i..i + CHUNK)
            && chars + CHUNK <= JUNK_SAMPLE_CHARS
            && chunk.iter().fold(true, |plain, &c| {
                plain & ((0x20..0x7F).contains(&c) | matches!(c, b'\t' | b'\n' | b'\r' | b'\x0C'))
            })
        {
            chars += CHUNK;
            i += CHUNK;
            continue;
        }
        let c = b[i];
        chars += usize::from(c & 0xC0 != 0x80);
        if (c < 0x20 || c == 0x7F || c == 0xC2 || c == 0xEF) && starts_junk(&b[i..]) {
            junk += 1;
        }
        i += 1;
    }
    (chars, junk)
}

/// Whether UTF-8 `b` starts with a control character other than whitespace
/// (C0, DEL, C1), or with the replacement character.
fn starts_junk(b: &[u8]) -> bool {
    match b[0] {
        b'\t' | b'\n' | b'\r' | b'\x0C' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => matches!(b.get(1), Some(0x80..=0x9F)),
        0xEF => b.get(1..3) == Some(&[0xBF, 0xBD]),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// The page's own declaration.

/// The charset a page declares: `<meta charset>` or `<meta http-equiv>` as the
/// WHATWG prescan finds them (the first 1024 bytes, then on through the head),
/// else an XML prolog, which browsers ignore for HTML and so ranks last.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
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
fn charset_in_content(value: &[u8]) -> Option<&[u8]> {
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
    use encoding_rs::{GB18030, SHIFT_JIS};

    fn ok(bytes: &[u8], declared: Option<&str>) -> String {
        decode(bytes, declared).expect("decodes").into_owned()
    }

    fn html(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head>{head}<title>T</title></head><body>{body}</body></html>"
        )
    }

    /// Bytes from a linear congruential generator (Numerical Recipes constants).
    fn random_bytes(len: usize, mut seed: u32) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (seed >> 24) as u8
            })
            .collect()
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
    fn utf16_without_bom_by_nul_pattern() {
        let page = html("", "<p>A page saved by an old editor.</p>");
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(ok(&le, None), page);
    }

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
    fn gb18030_undeclared_is_detected() {
        let page = html("", &format!("<p>{CHINESE}</p><p>{CHINESE}</p>"));
        let (bytes, _, unmappable) = GB18030.encode(&page);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
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
    fn binary_signatures_are_not_html() {
        let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        png.extend(random_bytes(200, 7));
        let Err(Error::NotHtml(message)) = decode(&png, None) else {
            panic!("PNG decoded")
        };
        assert!(message.contains("PNG"));
        let webp = b"RIFF\x24\x00\x00\x00WEBPVP8 ";
        assert!(matches!(decode(webp, None), Err(Error::NotHtml(_))));
        let gzip = b"\x1F\x8B\x08\x00";
        assert!(matches!(decode(gzip, None), Err(Error::NotHtml(_))));
    }

    #[test]
    fn random_bytes_are_not_html() {
        for (len, seed) in [(256, 1), (512, 2), (4096, 3), (100_000, 4)] {
            let bytes = random_bytes(len, seed);
            let result = decode(&bytes, None);
            assert!(
                matches!(result, Err(Error::NotHtml(_))),
                "{len}: {result:?}"
            );
            // Not even a declaration makes them text.
            let result = decode(&bytes, Some("windows-1252"));
            assert!(
                matches!(result, Err(Error::NotHtml(_))),
                "{len}: {result:?}"
            );
        }
    }

    #[test]
    fn nul_heavy_input_is_not_html() {
        let bytes = [b"<p>".as_slice(), &[0; 64], b"</p>"].concat();
        assert!(matches!(decode(&bytes, None), Err(Error::NotHtml(_))));
    }

    #[test]
    fn stray_nul_is_stripped() {
        let bytes = html("", "<p>one\0two</p>\0").into_bytes();
        let text = ok(&bytes, None);
        assert!(!text.contains('\0'));
        assert!(text.contains("<p>onetwo</p>"));
    }

    #[test]
    fn junk_is_counted_as_by_chars() {
        let is_junk = |c: char| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
        };
        for seed in 0..64 {
            let mut bytes = random_bytes(40_000, seed);
            // Mostly plain text, so that both paths of the counting run.
            for (i, b) in bytes.iter_mut().enumerate() {
                if !(i / 37 + seed as usize).is_multiple_of(3) {
                    *b = b'a' + *b % 26;
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let chars: Vec<char> = text.chars().take(JUNK_SAMPLE_CHARS).collect();
            let by_chars = (chars.len(), chars.iter().filter(|&&c| is_junk(c)).count());
            assert_eq!(sample_junk(&text), by_chars, "seed {seed}");
        }
    }

    #[test]
    fn junk_is_known_by_its_bytes() {
        let by_char = |c: char| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(starts_junk(bytes), by_char(c), "{:?}", c);
        }
    }

    #[test]
    fn few_bad_bytes_in_a_real_page_decode() {
        let mut bytes = html(
            "<meta charset=utf-8>",
            &"<p>Ein ganz normaler Absatz mit Text.</p>".repeat(5),
        )
        .into_bytes();
        bytes.extend([0xFF, 0xFE, 0x01, 0x02, 0xFF]);
        assert!(decode(&bytes, None).is_ok());
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
