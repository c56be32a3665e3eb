//! Reading one input's bytes, bounded: the file's type and size are checked before
//! it is opened, and at most `max_bytes + 1` bytes are read (after decompression
//! for `.gz` files), so a FIFO, `/dev/zero` or a gzip bomb gives an error record
//! quickly instead of a hang or unbounded memory.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use pagepith::Error;

use super::{InputKind, is_gzip};

/// The bytes of one input, at most `max_bytes` of them.
/// An input that failed during enumeration gives its error.
pub(crate) fn read(kind: InputKind, max_bytes: u64) -> Result<Vec<u8>, Error> {
    match kind {
        InputKind::File(path) => read_file(&path, max_bytes),
        InputKind::Stdin => read_bounded(std::io::stdin().lock(), max_bytes),
        InputKind::Bytes(bytes) => Ok(bytes),
        InputKind::Failed(err) => Err(err),
    }
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    // Opening a FIFO blocks until a writer appears: look before opening.
    let meta = std::fs::metadata(path)?;
    check_regular(&meta)?;
    check_size(meta.len(), max_bytes)?;
    let file = File::open(path)?;
    // The path may have been swapped between the look and the open.
    let meta = file.metadata()?;
    check_regular(&meta)?;
    check_size(meta.len(), max_bytes)?;
    if is_gzip(path) {
        read_bounded(MultiGzDecoder::new(BufReader::new(file)), max_bytes)
    } else {
        read_bounded(file, max_bytes)
    }
}

fn check_regular(meta: &std::fs::Metadata) -> Result<(), Error> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        special_file_kind(meta)
    };
    Err(Error::Io(format!("not a regular file: {what}")))
}

#[cfg(unix)]
fn special_file_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_file_kind(_meta: &std::fs::Metadata) -> &'static str {
    "a special file"
}

/// Refuses a file larger than the limit without reading it. For a `.gz` file the
/// compressed size counts too: its content can only be larger, give or take the
/// few bytes of gzip framing.
fn check_size(len: u64, max_bytes: u64) -> Result<(), Error> {
    if len > max_bytes {
        return Err(Error::TooLarge { limit: max_bytes });
    }
    Ok(())
}

/// Reads at most `max_bytes + 1` bytes: one more than allowed tells "too large"
/// from "exactly at the limit" without reading the rest.
pub(super) fn read_bounded(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    check_size(bytes.len() as u64, max_bytes)?;
    Ok(bytes)
}
