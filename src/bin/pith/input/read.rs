//! Reading one input's bytes, bounded: the file's type and size are checked before
//! it is opened, and at most `max_bytes + 1` bytes are read (after decompression
//! for `.gz` files), so a FIFO, `/dev/zero` or a gzip bomb gives an error record
//! quickly instead of a hang or unbounded memory.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use flate2::read::MultiGzDecoder;
use pagepith::crawl::read_limited;

use crate::failure::Failure;

use super::{InputKind, is_gzip};

/// The bytes of one input, at most `max_bytes` of them.
/// An input that failed during enumeration gives its error.
pub(crate) fn read(kind: InputKind, max_bytes: u64) -> Result<Vec<u8>, Failure> {
    match kind {
        InputKind::File(path) => read_file(&path, max_bytes),
        InputKind::Stdin => Ok(read_limited(std::io::stdin().lock(), max_bytes)?),
        InputKind::Bytes(bytes) => Ok(bytes),
        InputKind::Failed(err) => Err(err),
    }
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Failure> {
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
        Ok(read_limited(
            MultiGzDecoder::new(BufReader::new(file)),
            max_bytes,
        )?)
    } else {
        Ok(read_limited(file, max_bytes)?)
    }
}

fn check_regular(meta: &std::fs::Metadata) -> Result<(), Failure> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        special_file_kind(meta)
    };
    Err(Failure::Io(format!("not a regular file: {what}")))
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
fn check_size(len: u64, max_bytes: u64) -> Result<(), Failure> {
    if len > max_bytes {
        return Err(Failure::TooLarge { limit: max_bytes });
    }
    Ok(())
}
