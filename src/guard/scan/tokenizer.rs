//! Tokenizing: where each tag, comment and raw text ends, exactly where
//! html5ever's tokenizer puts their ends (a scan that ended a comment or a
//! script later than the tokenizer would miss tags the parser sees).
//!
//! Tag names, attributes, comments and whitespace are read with the raw HTML
//! helpers of `lex`, which the charset prescan in `decode` shares; the
//! script data states are the tokenizer's alone.

use super::cuts::is_unread_attribute;
use super::{Name, Scanner};
use crate::lex::{
    find, is_end_tag_named, is_start_tag_named, lowercase, read_attribute, skip_to_attribute,
    tag_name_end,
};

/// One tag as the tokenizer reads it.
pub(super) struct Tag<'a> {
    pub(super) name: Name<'a>,
    pub(super) self_closing: bool,
    /// Where the tag starts (`<`) and ends (after `>`).
    pub(super) start: usize,
    pub(super) stop: usize,
    /// The bytes between the name and the `>`.
    pub(super) attrs: (usize, usize),
    /// Where the first attribute past [`Limits::max_attributes`](super::Limits::max_attributes) starts.
    pub(super) excess_attributes: Option<usize>,
    /// Whether it has a `color`, `face` or `size` attribute (which make a
    /// `<font>` break out of SVG and MathML).
    pub(super) font_attributes: bool,
}

#[derive(Clone, Copy)]
pub(super) enum RawKind {
    /// RCDATA and RAWTEXT: up to the first `</name` followed by a delimiter.
    Plain,
    /// Script data, with its escaped and double-escaped states.
    Script,
}

impl<'a> Scanner<'a> {
    /// Reads the tag starting at `at` (`<x` or `</x`), by the tokenizer's tag,
    /// attribute name and value states. `None` when the page ends inside it (the
    /// tokenizer then drops the tag, and nothing follows).
    pub(super) fn read_tag(&mut self, at: usize, end: bool) -> Option<Tag<'a>> {
        self.unread_attributes.clear();
        let b: &'a [u8] = self.src;
        // `end` only moves the name's start past the `/`.
        let name_start = at + if end { 2 } else { 1 };
        let name_end = tag_name_end(b, name_start);
        let name = lowercase(&b[name_start..name_end]);
        let mut attributes = 0;
        let mut excess_attributes = None;
        let mut font_attributes = false;
        let mut i = name_end;
        let self_closing = loop {
            let (next, after_slash) = skip_to_attribute(b, i);
            i = next;
            if *b.get(i)? == b'>' {
                break after_slash;
            }
            let attribute = read_attribute(b, i);
            let attr_name = &b[attribute.name.clone()];
            if attributes == self.limits.max_attributes {
                excess_attributes = Some(i);
            }
            attributes += 1;
            font_attributes |= *name == *b"font"
                && [&b"color"[..], b"face", b"size"]
                    .iter()
                    .any(|n| attr_name.eq_ignore_ascii_case(n));
            // Only the ones before any excess: cuts go in page order. An `=`
            // with no value before the `>` leaves the attribute where it is.
            if excess_attributes.is_none()
                && !attribute.dangling_equals
                && is_unread_attribute(attr_name)
            {
                self.unread_attributes.push((i, attribute.end));
            }
            i = attribute.end;
        };
        Some(Tag {
            name,
            self_closing,
            start: at,
            stop: i + 1,
            attrs: (name_end, i),
            excess_attributes,
            font_attributes,
        })
    }
}

/// Where raw text opened by `<name>` (content starting at `from`) ends: at the
/// start of its end tag, which the main loop then reads as a tag.
pub(super) fn skip_raw_text(b: &[u8], from: usize, name: &[u8], kind: RawKind) -> usize {
    match kind {
        RawKind::Plain => {
            let mut i = from;
            while let Some(at) = find(b, i, b"</") {
                if is_end_tag_named(b, at, name) {
                    return at;
                }
                i = at + 2;
            }
            b.len()
        }
        RawKind::Script => skip_script(b, from),
    }
}

/// Script data: `<!--` enters the escaped state, where `<script` enters the
/// double-escaped state, in which `</script>` does not end the script.
fn skip_script(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    // Only `<` and `-` can change the state: jump between them.
    while let Some(next) = memchr::memchr2(b'<', b'-', &b[i.min(b.len())..]) {
        i += next;
        match b[i] {
            b'<' if b[i + 1..].starts_with(b"!--") && state == State::Data => {
                state = State::Escaped;
                // `<!--` then `-` `-` `>` may end the escape at once (`<!-->`).
                i += 4;
                if b[i..].starts_with(b">") || b[i..].starts_with(b"->") {
                    // The dashes of `<!--` count towards `-->`.
                    state = State::Data;
                    i += if b[i] == b'>' { 1 } else { 2 };
                }
                continue;
            }
            b'<' if is_end_tag_named(b, i, b"script") => match state {
                State::DoubleEscaped => {
                    state = State::Escaped;
                    i += 8;
                    continue;
                }
                _ => return i,
            },
            b'<' if state == State::Escaped && is_start_tag_named(b, i, b"script") => {
                state = State::DoubleEscaped;
                i += 7;
                continue;
            }
            b'-' if state != State::Data && b[i..].starts_with(b"-->") => {
                state = State::Data;
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}
