//! The tree builder's rules, applied to the model: what each start and end
//! tag opens, closes and reopens, as far as the depth of the stack goes, and
//! which tags the limits remove (with their end tags).

use std::borrow::Cow;

use super::cuts::{SvgBody, UNREAD_RAW_TEXT, mentions_json};
use super::stack::{Active, Mode, Ns};
use super::tags::{
    HEADINGS, NOT_PUSHED, RAW_TEXT, TABLE_ONLY, TABLE_PARTS, breaks_out_of_foreign, closes_p, is,
    is_formatting, is_special, is_void,
};
use super::tokenizer::{RawKind, Tag};
use super::{Next, Scanner};

impl<'a> Scanner<'a> {
    /// Removes a start tag past a limit, and notes its name so that its end
    /// tag goes too.
    pub(super) fn drop_tag(&mut self, tag: &Tag<'a>) {
        self.cut(tag.start, tag.stop);
        self.changes.tags_removed += 1;
        match self.dropped.iter_mut().find(|(n, _)| *n == tag.name) {
            Some((_, count)) => *count += 1,
            None => self.dropped.push((tag.name.clone(), 1)),
        }
    }

    /// Whether this end tag belongs to a removed start tag (and removes it if so).
    pub(super) fn drop_end_tag(&mut self, tag: &Tag) -> bool {
        let Some(at) = self.dropped.iter().position(|(n, _)| *n == tag.name) else {
            return false;
        };
        self.cut(tag.start, tag.stop);
        self.changes.tags_removed += 1;
        self.dropped[at].1 -= 1;
        if self.dropped[at].1 == 0 {
            self.dropped.swap_remove(at);
        }
        true
    }

    /// A start tag: in foreign content, whether it breaks out; then the HTML
    /// or the foreign rules, or the conservative guess where the model
    /// cannot tell which apply.
    pub(super) fn start_tag(&mut self, tag: Tag<'a>) -> Next<'a> {
        self.frameset |= *tag.name == *b"frameset";
        let mut mode = self.mode(&tag.name);
        if mode == Mode::Foreign && self.breaks_out(&tag) {
            // The tag pops foreign elements up to HTML or an integration
            // point, but only if it is kept: a removed tag pops nothing.
            let kept = self
                .stack
                .iter()
                .rposition(|o| !matches!(o.ns, Ns::Svg | Ns::Math) || o.integration_point())
                .map_or(0, |at| at + 1);
            if self.drops(&tag.name, kept) {
                self.drop_tag(&tag);
                return Next::Markup;
            }
            self.pop_to(kept);
            mode = self.mode(&tag.name);
        }
        if mode != Mode::Foreign
            && let Some(svg) = &mut self.svg
        {
            svg.foreign_only = false;
        }
        if mode != Mode::Html || self.unmodelled > 0 {
            self.check_raw_text_reading(&tag);
        }
        match mode {
            Mode::Html => self.html_start_tag(tag),
            Mode::Foreign => {
                let ns = self.stack.last().map_or(Ns::Html, |top| top.ns);
                if !tag.self_closing {
                    if self.stack.len() >= self.limits.max_depth {
                        self.drop_tag(&tag);
                        return Next::Markup;
                    }
                    self.push(tag.name.clone(), ns);
                }
                self.trim_attributes(&tag);
                Next::Markup
            }
            Mode::Unknown => {
                // Void or not, self-closing or not: assume it stays open.
                if self.stack.len() >= self.limits.max_depth {
                    self.drop_tag(&tag);
                    return Next::Markup;
                }
                self.push(tag.name.clone(), Ns::Unknown);
                self.trim_attributes(&tag);
                Next::Markup
            }
        }
    }

    /// Whether an HTML start tag opening an element on a stack `depth` deep
    /// is removed: past the depth limit, or a formatting element past the
    /// formatting limit.
    pub(super) fn drops(&self, name: &[u8], depth: usize) -> bool {
        let opens = !is_void(name)
            && !is(name, NOT_PUSHED)
            && !is(name, RAW_TEXT)
            && name != b"script"
            && name != b"plaintext";
        opens
            && (depth + 1 + self.implied_parents(name).len() > self.limits.max_depth
                || (is_formatting(name) && self.active_count() >= self.limits.max_formatting))
    }

    pub(super) fn breaks_out(&self, tag: &Tag) -> bool {
        breaks_out_of_foreign(&tag.name) || (*tag.name == *b"font" && tag.font_attributes)
    }

    pub(super) fn html_start_tag(&mut self, tag: Tag<'a>) -> Next<'a> {
        let name = &*tag.name;
        // Elements that never stay open, and raw text, which holds no tags:
        // neither deepens the stack for long, so neither is ever removed.
        if is_void(name) || is(name, NOT_PUSHED) {
            if name == b"hr" {
                self.close_p();
            }
            self.trim_attributes(&tag);
            return Next::Markup;
        }
        if name == b"script" {
            self.trim_attributes(&tag);
            let unread = !mentions_json(&self.src[tag.attrs.0..tag.attrs.1]);
            return Next::RawText {
                kind: RawKind::Script,
                unread,
                name: tag.name,
            };
        }
        if is(name, RAW_TEXT) {
            if name == b"xmp" {
                self.close_p();
            }
            self.trim_attributes(&tag);
            return Next::RawText {
                kind: RawKind::Plain,
                unread: is(name, UNREAD_RAW_TEXT),
                name: tag.name,
            };
        }
        if name == b"plaintext" {
            return Next::Plaintext;
        }
        if name == b"svg" || name == b"math" {
            if tag.self_closing {
                self.trim_attributes(&tag);
                return Next::Markup;
            }
            if self.stack.len() >= self.limits.max_depth {
                self.drop_tag(&tag);
                return Next::Markup;
            }
            let ns = if name == b"svg" { Ns::Svg } else { Ns::Math };
            self.push(tag.name.clone(), ns);
            self.trim_attributes(&tag);
            if ns == Ns::Svg && self.svg.is_none() {
                // Where the body starts in the output.
                let out = match &self.out {
                    None => tag.stop,
                    Some(out) => out.len() + (tag.stop - self.copied),
                };
                self.svg = Some(SvgBody {
                    depth: self.stack.len() - 1,
                    out,
                    foreign_only: true,
                });
            }
            return Next::Markup;
        }

        // Table parts outside any table are ignored by the tree builder ("in
        // body"): they neither open nor close anything. (Straight inside a
        // `template` it does open them; ignoring them there undercounts by at
        // most one level per template, which the limit on templates bounds.)
        if is(name, TABLE_ONLY) && !self.stack.iter().any(|o| o.html(&[b"table"])) {
            self.trim_attributes(&tag);
            return Next::Markup;
        }

        // Everything else opens an element, and sometimes an implied one.
        if self.drops(name, self.stack.len()) {
            self.drop_tag(&tag);
            return Next::Markup;
        }
        self.implied_closes(&tag);
        // After the closes, as the tree builder does for `<a>` (for other
        // tags it makes no difference, or errs on the deep side).
        self.reconstruct();
        // Closing may have changed what is implied (a closed row no longer
        // holds the new cell), so ask again.
        for parent in self.implied_parents(name) {
            self.push(Cow::Borrowed(parent), Ns::Html);
        }
        if is_formatting(name) {
            self.noahs_ark(&tag);
        }
        self.push(tag.name.clone(), Ns::Html);
        if let Some(Active::Element { attrs, .. }) = self.active.last_mut()
            && is_formatting(name)
        {
            *attrs = tag.attrs;
        }
        self.trim_attributes(&tag);
        Next::Markup
    }

    /// The elements the tree builder inserts before this one: a row for a cell
    /// straight in a table section, a section for a row straight in a table.
    pub(super) fn implied_parents(&self, name: &[u8]) -> Vec<&'static [u8]> {
        let top = self.stack.last().filter(|t| t.ns == Ns::Html);
        let top = top.map(|t| &*t.name);
        match name {
            b"td" | b"th" => match top {
                Some(b"table") => vec![b"tbody", b"tr"],
                Some(b"tbody" | b"thead" | b"tfoot") => vec![b"tr"],
                _ => Vec::new(),
            },
            b"tr" => match top {
                Some(b"table") => vec![b"tbody"],
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// The elements the tree builder closes before opening this one, where it
    /// surely does.
    pub(super) fn implied_closes(&mut self, tag: &Tag) {
        let name = &*tag.name;
        if closes_p(name) {
            self.close_p();
        }
        match name {
            n if is(n, HEADINGS) && self.stack.last().is_some_and(|t| t.html(HEADINGS)) => {
                self.pop();
            }
            b"li" => self.close_list_item(&[b"li"]),
            b"dd" | b"dt" => self.close_list_item(&[b"dd", b"dt"]),
            b"button" => {
                if let Some(at) = self.in_scope(&[b"button"], &[]) {
                    self.pop_to(at);
                }
            }
            b"option" if self.stack.last().is_some_and(|t| t.html(&[b"option"])) => {
                self.pop();
            }
            b"optgroup" => {
                for closes in [&b"option"[..], b"optgroup"] {
                    if self.stack.last().is_some_and(|t| t.html(&[closes])) {
                        self.pop();
                    }
                }
            }
            b"a" => {
                let open_a = self.active.iter().rev().find_map(|e| match e {
                    Active::Marker => Some(false),
                    Active::Element { name, .. } => (**name == *b"a").then_some(true),
                });
                if open_a == Some(true) {
                    self.formatting_end(b"a");
                }
            }
            b"nobr"
                // A `nobr` in scope is closed first, as `<a>` closes an `a`.
                if self.in_scope(&[b"nobr"], &[]).is_some() => {
                    self.formatting_end(b"nobr");
                }
            b"td" | b"th" => {
                if let Some(at) = self.in_table_scope(&[b"td", b"th"]) {
                    self.pop_to(at);
                }
            }
            b"tr" => {
                if let Some(at) = self.in_table_scope(&[b"tr"]) {
                    self.pop_to(at);
                } else if let Some(at) = self.in_table_scope(&[b"td", b"th"]) {
                    self.pop_to(at);
                }
            }
            b"tbody" | b"thead" | b"tfoot" => {
                // Close the outermost open part of the current table.
                let table = self
                    .stack
                    .iter()
                    .rposition(|o| o.html(&[b"table"]) || o.ns != Ns::Html);
                if let Some(table) = table.filter(|&t| self.stack[t].ns == Ns::Html) {
                    let parts = [TABLE_PARTS, &[b"tr", b"td", b"th"]].concat();
                    if let Some(first) =
                        (table + 1..self.stack.len()).find(|&i| self.stack[i].html(&parts))
                        && self.stack[first..].iter().all(|o| o.ns == Ns::Html)
                    {
                        self.pop_to(first);
                    }
                }
            }
            b"table" => {
                // A table straight inside a table, section or row closes it.
                if self
                    .stack
                    .last()
                    .is_some_and(|t| t.html(&[b"table", b"tbody", b"thead", b"tfoot", b"tr"]))
                    && let Some(at) = self.in_table_scope(&[b"table"])
                {
                    self.pop_to(at);
                }
            }
            _ => {}
        }
    }

    /// `<li>` closes an open `li` unless a special element other than
    /// `address`, `div` or `p` is in between (likewise `dd`/`dt`).
    pub(super) fn close_list_item(&mut self, items: &[&[u8]]) {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if is(&open.name, items) => {
                    self.pop_to(at);
                    return;
                }
                Ns::Html
                    if is_special(&open.name) && !is(&open.name, &[b"address", b"div", b"p"]) =>
                {
                    return;
                }
                Ns::Unknown => return,
                Ns::Svg | Ns::Math if open.integration_point() => return,
                Ns::Html | Ns::Svg | Ns::Math => {}
            }
        }
    }

    /// The "Noah's Ark" clause: a fourth identical formatting element (same
    /// name, same attribute bytes) pushes the earliest of the three off the list.
    pub(super) fn noahs_ark(&mut self, tag: &Tag) {
        let attrs = &self.src[tag.attrs.0..tag.attrs.1];
        let mut same = Vec::new();
        for (at, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Active::Marker => break,
                Active::Element { name, attrs: a, .. } => {
                    if *name == tag.name && self.src[a.0..a.1] == *attrs {
                        same.push(at);
                    }
                }
            }
        }
        if same.len() >= 3
            && let Some(&earliest) = same.last()
        {
            self.active.remove(earliest);
        }
    }

    /// An end tag: gone with its removed start tag, or closing by the rules
    /// of the current element's namespace.
    pub(super) fn end_tag(&mut self, tag: Tag) {
        if self.drop_end_tag(&tag) {
            return;
        }
        let name = &*tag.name;
        match self.stack.last().map(|t| t.ns) {
            None | Some(Ns::Html) => self.html_end_tag(name),
            Some(Ns::Unknown) => {
                if self.stack.last().is_some_and(|t| t.name == name) {
                    self.pop();
                }
            }
            Some(Ns::Svg | Ns::Math) => {
                if name == b"p" || name == b"br" {
                    while let Some(top) = self.stack.last() {
                        if !matches!(top.ns, Ns::Svg | Ns::Math) || top.integration_point() {
                            break;
                        }
                        self.pop();
                    }
                    if self.stack.last().is_none_or(|t| t.ns == Ns::Html) {
                        self.html_end_tag(name);
                    }
                    self.html_rules_in_foreign_content();
                    return;
                }
                // Walk down to the element of that name; reaching HTML hands
                // the tag to the HTML rules. (The model's stack has no `html`
                // and `body` entries, so its bottom is a real element.)
                let mut first = true;
                for at in (0..self.stack.len()).rev() {
                    let open = &self.stack[at];
                    if !first && open.ns != Ns::Svg && open.ns != Ns::Math {
                        if open.ns == Ns::Html {
                            // What the HTML rules close across foreign
                            // content, the model follows only roughly.
                            self.html_rules_in_foreign_content();
                            self.html_end_tag(name);
                        }
                        return;
                    }
                    if open.name == name {
                        let svg = self.svg.take_if(|svg| svg.depth == at);
                        self.pop_to(at);
                        if let Some(svg) = svg.filter(|svg| svg.foreign_only && !self.lost) {
                            self.cut_svg_body(&svg, tag.start);
                        }
                        return;
                    }
                    first = false;
                }
            }
        }
    }

    pub(super) fn html_end_tag(&mut self, name: &[u8]) {
        let found = match name {
            b"body" | b"html" | b"br" => None,
            b"p" => self.in_scope(&[b"p"], &[b"button", b"ol", b"ul"]),
            b"li" => self.in_scope(&[b"li"], &[b"ol", b"ul"]),
            b"table" | b"tbody" | b"thead" | b"tfoot" | b"tr" | b"td" | b"th" => {
                self.in_table_scope(&[name])
            }
            n if is(n, HEADINGS) => self.in_scope(HEADINGS, &[]),
            b"form" => {
                // Only the form leaves the stack, not what is open inside it.
                if let Some(at) = self.in_scope(&[b"form"], &[]) {
                    if at + 1 == self.stack.len() {
                        self.pop();
                    } else {
                        self.stack.remove(at);
                    }
                }
                return;
            }
            n if is_formatting(n) => {
                self.formatting_end(name);
                return;
            }
            b"applet" | b"marquee" | b"object" => {
                if let Some(at) = self.in_scope(&[name], &[]) {
                    self.pop_to(at);
                    self.clear_to_marker();
                }
                return;
            }
            n if is_special(n) => self.in_scope(&[n], &[]),
            _ => self.any_other_end(name),
        };
        if let Some(at) = found {
            self.pop_to(at);
        }
    }

    /// "Any other end tag": the nearest open element of that name, unless a
    /// special element comes first.
    pub(super) fn any_other_end(&self, name: &[u8]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if open.name == name => return Some(at),
                Ns::Html if is_special(&open.name) => return None,
                Ns::Unknown => return None,
                Ns::Svg | Ns::Math if open.integration_point() => return None,
                Ns::Html | Ns::Svg | Ns::Math => {}
            }
        }
        None
    }

    /// A formatting element's end tag (the adoption agency algorithm, as far
    /// as the stack's depth goes): it leaves the active list unless a scope
    /// boundary hides it, and the stack when nothing special is open inside it.
    pub(super) fn formatting_end(&mut self, name: &[u8]) {
        let listed = self.active.iter().rposition(|e| match e {
            Active::Marker => true,
            Active::Element { name: n, .. } => **n == *name,
        });
        let listed = listed.filter(|&at| !matches!(self.active[at], Active::Marker));
        let Some(listed) = listed else {
            if let Some(at) = self.any_other_end(name) {
                self.pop_to(at);
            }
            return;
        };
        let on_stack = self.stack.iter().rposition(|o| o.html(&[name]));
        match on_stack {
            None => {
                self.active.remove(listed);
            }
            Some(_) => {
                let Some(at) = self.in_scope(&[name], &[]) else {
                    // Open but out of scope: the tree builder ignores the tag.
                    return;
                };
                self.active.remove(listed);
                if !self.stack[at + 1..]
                    .iter()
                    .any(|o| o.ns == Ns::Html && is_special(&o.name))
                {
                    self.pop_to(at);
                } else {
                    // The element is re-created inside the block and the stack
                    // keeps its depth: the model keeps its entry. But SVG or
                    // MathML above it may have been moved and closed (then a
                    // `<title>` that follows is HTML): the model loses track.
                    for open in &mut self.stack[at + 1..] {
                        if matches!(open.ns, Ns::Svg | Ns::Math) {
                            open.ns = Ns::Unknown;
                        }
                    }
                }
            }
        }
    }
}
