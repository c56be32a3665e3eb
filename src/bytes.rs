//! Byte-level helpers for the two readers of raw HTML: the charset prescan in
//! `decode` and the pre-parse scan in `guard`.

/// The first `needle` in `hay` at or after `from`.
pub(crate) fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|at| from + at)
}

/// HTML's ASCII whitespace.
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}
