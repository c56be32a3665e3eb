//! What is not a page, known by its bytes: binary formats by their magic
//! numbers, binary data by its NUL bytes or by the junk it decodes to; and
//! BOM-less UTF-16, known by its NUL-every-other-byte pattern.
//!
//! These checks are cheap and bounded (each looks at a fixed-size sample), so
//! `decode` runs them on every page: a PNG or a PDF in a scraped collection
//! becomes an [`Error::NotHtml`] record instead of a page of U+FFFD.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use crate::Error;

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

/// The format name when `bytes` start with a known binary signature.
pub(super) fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
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
pub(super) fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
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

pub(super) fn reject_nul_bytes(body: &[u8]) -> Result<(), Error> {
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
pub(super) fn reject_junk(text: &str) -> Result<(), Error> {
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
    // Read as whole 8-byte words below.
    const _: () = assert!(CHUNK.is_multiple_of(8));
    let b = text.as_bytes();
    let (mut chars, mut junk) = (0, 0);
    let mut i = 0;
    while i < b.len() && chars < JUNK_SAMPLE_CHARS {
        // Runs of printable ASCII and whitespace (most of any page) a chunk
        // at a time, with no branch per byte.
        if let Some(chunk) = b.get(i..i + CHUNK)
            && chars + CHUNK <= JUNK_SAMPLE_CHARS
            && chunk.chunks_exact(8).all(|word| {
                <[u8; 8]>::try_from(word).is_ok_and(|word| plain_word(u64::from_le_bytes(word)))
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

/// Whether each of the eight bytes of `x` is printable ASCII (`0x20` to
/// `0x7E`) or whitespace (tab, line feed, form feed, carriage return): all
/// eight tested at once, with no branch per byte.
fn plain_word(x: u64) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if x & HIGH != 0 {
        return false;
    }
    // The bytes are ASCII now. With each one's high bit set, subtracting
    // a byte's worth never borrows from the next: the high bit stays set
    // where the byte was at least `n`.
    let at_least = |n: u64| ((x | HIGH) - n * LOW) & HIGH;
    // The high bit of each byte of `x` equal to `c`.
    let equal = |c: u64| !(((x ^ (c * LOW)) | HIGH) - LOW) & HIGH;
    let control = !at_least(0x20) & HIGH;
    let space = equal(0x09) | equal(0x0A) | equal(0x0C) | equal(0x0D);
    equal(0x7F) == 0 && control & !space == 0
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::decode::tests::{html, ok};

    /// Bytes from a linear congruential generator (Numerical Recipes constants).
    fn random_bytes(len: usize, mut seed: u32) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (seed >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn plain_words_are_told_as_byte_by_byte() {
        let plain =
            |c: u8| (0x20..0x7F).contains(&c) || matches!(c, b'\t' | b'\n' | b'\r' | b'\x0C');
        for c in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abc DEF~";
                word[at] = c;
                assert_eq!(
                    plain_word(u64::from_le_bytes(word)),
                    plain(c),
                    "{c:#x} at {at}"
                );
            }
        }
        for (k, word) in random_bytes(8 * 4096, 5).chunks_exact(8).enumerate() {
            // Mostly printable, with a random byte here and there.
            let word: Vec<u8> = word
                .iter()
                .enumerate()
                .map(|(i, &c)| if (i + k) % 5 == 0 { c } else { 0x20 + c % 0x5F })
                .collect();
            let expected = word.iter().all(|&c| plain(c));
            let word = <[u8; 8]>::try_from(&word[..]).unwrap();
            assert_eq!(plain_word(u64::from_le_bytes(word)), expected, "{word:?}");
        }
    }

    #[test]
    fn utf16_without_bom_by_nul_pattern() {
        let page = html("", "<p>A page saved by an old editor.</p>");
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(ok(&le, None), page);
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
}
