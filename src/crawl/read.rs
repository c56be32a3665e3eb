//! Bounded reading: at most the limit is ever held, so a gzip bomb or an
//! endless stream gives a `too_large` error quickly instead of unbounded memory.

use std::io::{self, BufRead, BufReader, Read};

use flate2::read::MultiGzDecoder;

use super::ReadError;

/// Read buffer for crawl files: large enough for few system calls.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// The first bytes of every gzip member.
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];

/// A buffered reader over `raw`, decompressing it if it starts as gzip (one
/// member or many).
pub fn open<'a, R: Read + Send + 'a>(raw: R) -> io::Result<Box<dyn BufRead + Send + 'a>> {
    let mut buffered = BufReader::with_capacity(READ_BUFFER_BYTES, raw);
    if buffered.fill_buf()?.starts_with(GZIP_MAGIC) {
        let decoder = MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(
            READ_BUFFER_BYTES,
            decoder,
        )))
    } else {
        Ok(Box::new(buffered))
    }
}

/// Reads all of `reader`, refusing it once it passes `max_bytes`: at most
/// `max_bytes + 1` bytes are read, one more than allowed telling "too large"
/// from "exactly at the limit" without reading the rest.
pub fn read_limited(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge { limit: max_bytes });
    }
    Ok(bytes)
}

/// Reads one line (up to and including `\n`) into `line`, but never more than
/// `limit` bytes. Returns the bytes read; 0 at the end of the input.
pub(super) fn read_line_bounded(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: u64,
) -> io::Result<usize> {
    line.clear();
    reader.take(limit).read_until(b'\n', line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_at_the_limit_passes_and_one_byte_over_fails() {
        assert_eq!(read_limited(&b"12345"[..], 5).unwrap(), b"12345");
        assert_eq!(
            read_limited(&b"123456"[..], 5),
            Err(ReadError::TooLarge { limit: 5 })
        );
    }

    #[test]
    fn gzip_is_known_by_its_bytes() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>hi</p>").unwrap();
        let packed = gz.finish().unwrap();
        let mut text = String::new();
        open(&packed[..])
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "<p>hi</p>");
        text.clear();
        open(&b"plain"[..])
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "plain");
    }
}
