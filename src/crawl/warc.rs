//! WARC (ISO 28500, versions 1.0 and 1.1): a version line, `Name: value` header
//! lines up to a blank line, then `Content-Length` bytes of content block and
//! two CRLFs. A `response` record holds an HTTP response (status line, headers,
//! body); a `resource` record holds the page itself.
//!
//! A small reader of our own rather than the `warc` crate: that crate reads each
//! record's block whole into memory whatever its length (a 4 GB record is a
//! 4 GB allocation), its streaming API borrows the reader so records cannot be
//! handed to worker threads, it parses every header strictly (a bad
//! `WARC-Date` stops the file) and it brings chrono, nom, uuid 0.8 and a second
//! gzip implementation. Here a block over the size limit is skipped without
//! being held, and only the headers pith needs are read.
//!
//! Pages are `response` records whose HTTP `Content-Type` is HTML (or, lacking
//! one, whose `WARC-Identified-Payload-Type` is) and `resource` records with an
//! HTML `Content-Type`. Every other record is skipped and counted. The HTTP
//! charset becomes [`Options::charset`](crate::Options::charset), `WARC-Target-URI` the page
//! URL, and the source is `<file>#<WARC-Record-ID>` (without the `<>`).

use std::io::{self, BufRead, Read};

use flate2::read::MultiGzDecoder;

use super::read::{read_limited, read_line_bounded};
use super::{Entry, ReadError, Skipped};

/// Longest header line accepted (WARC or HTTP); real ones are under a few KiB.
const MAX_HEADER_LINE: u64 = 64 * 1024;

/// Most header bytes accepted for one record's WARC or HTTP header block.
const MAX_HEADER_BLOCK: usize = 1024 * 1024;

/// Media types read as HTML pages.
const HTML_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

/// The HTML pages of one WARC file, in file order. Records that are not pages
/// are skipped and counted ([`WarcReader::skipped`]). When the framing is lost
/// (a record without a length, a file that ends inside a record), one entry
/// for the file says so and the rest of the file is not read.
pub struct WarcReader<R> {
    reader: Option<R>,
    /// The file as the caller names it: the start of every entry's source.
    source: String,
    max_bytes: u64,
    /// Records read so far, for error messages and unnamed records.
    count: u64,
    skipped: Skipped,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads the records of `reader` (already decompressed: see
    /// [`open`](super::open)), naming entries after `source`; a page over
    /// `max_bytes` gives a `too_large` entry and is never held.
    pub fn new(reader: R, source: impl Into<String>, max_bytes: u64) -> Self {
        WarcReader {
            reader: Some(reader),
            source: source.into(),
            max_bytes,
            count: 0,
            skipped: Skipped::default(),
        }
    }

    /// The records skipped so far because they hold no HTML page.
    pub fn skipped(&self) -> &Skipped {
        &self.skipped
    }

    fn entry(&self, page: Page) -> Entry {
        let key = page.id.unwrap_or_else(|| format!("record-{}", self.count));
        Entry {
            source: format!("{}#{key}", self.source),
            key: Some(key),
            url: page.url,
            charset: page.charset,
            fields: None,
            html: page.body,
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            let reader = self.reader.as_mut()?;
            match next_record(reader, self.max_bytes, &mut self.skipped) {
                Ok(None) => {
                    self.reader = None;
                    return None;
                }
                Ok(Some(None)) => self.count += 1,
                Ok(Some(Some(page))) => {
                    self.count += 1;
                    return Some(self.entry(page));
                }
                Err(err) => {
                    // The framing is lost: nothing after this point can be trusted.
                    self.reader = None;
                    let message = format!(
                        "malformed WARC after record {}: {err}; the rest of the file is skipped",
                        self.count
                    );
                    return Some(Entry {
                        source: self.source.clone(),
                        key: None,
                        url: None,
                        charset: None,
                        fields: None,
                        html: Err(ReadError::Io(message)),
                    });
                }
            }
        }
    }
}

/// One HTML page found in a record.
struct Page {
    id: Option<String>,
    url: Option<String>,
    charset: Option<String>,
    body: Result<Vec<u8>, ReadError>,
}

/// The WARC headers pith uses.
#[derive(Default)]
struct WarcHeaders {
    kind: Option<String>,
    id: Option<String>,
    target: Option<String>,
    content_type: Option<String>,
    payload_type: Option<String>,
    length: Option<u64>,
}

/// Reads the next record. `Ok(None)` at the end of the file, `Ok(Some(None))`
/// for a record skipped (and counted), `Err` when the file is not WARC here.
fn next_record(
    reader: &mut dyn BufRead,
    max_bytes: u64,
    skipped: &mut Skipped,
) -> io::Result<Option<Option<Page>>> {
    let mut line = Vec::new();
    // Records end with two CRLFs; be lenient about how many blank lines there are.
    loop {
        if read_line_bounded(reader, &mut line, MAX_HEADER_LINE)? == 0 {
            return Ok(None);
        }
        if !line.trim_ascii().is_empty() {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
        return Err(io::Error::other(format!(
            "expected a WARC version line, found {:?}",
            shown.trim_end()
        )));
    }
    let mut headers = WarcHeaders::default();
    for (name, value) in header_block(reader)? {
        let slot = match name.to_ascii_lowercase().as_str() {
            "warc-type" => &mut headers.kind,
            "warc-record-id" => &mut headers.id,
            "warc-target-uri" => &mut headers.target,
            "content-type" => &mut headers.content_type,
            "warc-identified-payload-type" => &mut headers.payload_type,
            "content-length" => {
                headers.length = value.trim().parse().ok();
                continue;
            }
            _ => continue,
        };
        *slot = Some(value);
    }
    let Some(length) = headers.length else {
        return Err(io::Error::other("a record without a valid Content-Length"));
    };
    let mut block = reader.take(length);
    let page = read_block(&mut block, &headers, max_bytes, skipped);
    // Whatever was not read of the block (a skipped record, a page over the
    // limit) is read past, never held.
    io::copy(&mut block, &mut io::sink())?;
    if block.limit() > 0 {
        return Err(io::Error::other("the file ends inside a record"));
    }
    let page = page?;
    Ok(Some(page))
}

/// Decides what a record's block is and reads the page from it, if any.
fn read_block(
    block: &mut io::Take<&mut dyn BufRead>,
    headers: &WarcHeaders,
    max_bytes: u64,
    skipped: &mut Skipped,
) -> io::Result<Option<Page>> {
    let kind = headers.kind.as_deref().unwrap_or("(no WARC-Type)");
    let content_type = headers.content_type.as_deref().unwrap_or("");
    let mut page = Page {
        id: headers.id.as_deref().map(strip_brackets),
        url: headers.target.as_deref().map(strip_brackets),
        charset: None,
        body: Ok(Vec::new()),
    };
    let mut encoding = None;
    match kind {
        "response" if media_type(content_type).starts_with("application/http") => {
            let mut http_type = None;
            let mut chunked = false;
            let mut status = Vec::new();
            read_line_bounded(block, &mut status, MAX_HEADER_LINE)?;
            for (name, value) in header_block(block)? {
                match name.to_ascii_lowercase().as_str() {
                    "content-type" => http_type = Some(value),
                    "content-encoding" => encoding = Some(value.trim().to_ascii_lowercase()),
                    "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
                    _ => {}
                }
            }
            let declared = http_type.as_deref().or(headers.payload_type.as_deref());
            if !declared.is_some_and(|t| is_html(media_type(t))) {
                let shown = declared.map_or("none".to_owned(), media_type);
                skipped.add(format!("response ({shown})"));
                return Ok(None);
            }
            page.charset = http_type.as_deref().and_then(charset);
            page.body = read_body(block, max_bytes, chunked, encoding.as_deref());
        }
        "resource" if is_html(media_type(content_type)) => {
            page.charset = charset(content_type);
            page.body = read_body(block, max_bytes, false, None);
        }
        _ => {
            let what = if kind == "response" || kind == "resource" {
                format!("{kind} ({})", media_type(content_type))
            } else {
                kind.to_owned()
            };
            skipped.add(what);
            return Ok(None);
        }
    }
    Ok(Some(page))
}

/// The HTTP body, at most `max_bytes` of it after undoing chunking and gzip.
fn read_body(
    block: &mut io::Take<&mut dyn BufRead>,
    max_bytes: u64,
    chunked: bool,
    encoding: Option<&str>,
) -> Result<Vec<u8>, ReadError> {
    if block.limit() > max_bytes && !chunked && encoding.is_none() {
        return Err(ReadError::TooLarge { limit: max_bytes });
    }
    // The raw body is bounded by the same limit: a compressed page over it
    // would be larger still once decompressed.
    let mut body = read_limited(&mut *block, max_bytes)?;
    if chunked {
        body = dechunk(&body).unwrap_or(body);
    }
    match encoding {
        Some("gzip" | "x-gzip") => read_limited(MultiGzDecoder::new(&body[..]), max_bytes),
        _ => Ok(body),
    }
}

/// Undoes HTTP chunked transfer coding; `None` if the body is not chunked after all
/// (crawlers often store the decoded body with the original header).
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&rest[..end]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = &rest[end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// `Name: value` lines up to a blank line (or the end), with folded
/// continuation lines joined, bounded in size.
fn header_block(reader: &mut dyn BufRead) -> io::Result<Vec<(String, String)>> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    let mut total = 0;
    loop {
        let n = read_line_bounded(reader, &mut line, MAX_HEADER_LINE)?;
        total += n;
        if total > MAX_HEADER_BLOCK {
            return Err(io::Error::other("a header block over 1 MiB"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if n == 0 || text.is_empty() {
            return Ok(headers);
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
            continue;
        }
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
}

/// `text/html` of `Text/HTML; charset=utf-8`.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn is_html(media_type: String) -> bool {
    HTML_TYPES.contains(&media_type.as_str())
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// `urn:uuid:…` of `<urn:uuid:…>`: the brackets are WARC syntax, not the id.
fn strip_brackets(value: &str) -> String {
    let value = value.trim();
    value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_parts() {
        assert_eq!(media_type("Text/HTML; charset=UTF-8"), "text/html");
        assert_eq!(
            charset("text/html; Charset=\"windows-1252\"").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(charset("text/html"), None);
        assert_eq!(strip_brackets("<urn:uuid:1>"), "urn:uuid:1");
    }

    #[test]
    fn chunked_bodies_are_joined_and_plain_ones_left_alone() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n").as_deref(),
            Some(&b"abcde"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked"), None);
    }
}
