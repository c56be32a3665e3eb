//! The model of the tree builder's stack of open elements and its list of
//! active formatting elements: what is open, in which namespace, what is in
//! scope, and what the tree builder reopens after a block.
//!
//! The model errs on the deep side wherever it is unsure (see the module
//! docs of `scan`): a scope that meets an element the model cannot place
//! ends there, and formatting elements are reopened more often than the tree
//! builder would.

use super::tags::{MARKERS, SCOPE_BOUNDARIES, UNMODELLED, is, is_formatting};
use super::{Name, Scanner};

/// The namespace the tree builder will give an element, as far as the model knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    Html,
    Svg,
    Math,
    /// Inside a MathML `annotation-xml`, whose content is HTML or MathML
    /// depending on an attribute: every decision there is the conservative one.
    Unknown,
}

/// How the tree builder will process the next start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Html,
    Foreign,
    Unknown,
}

/// One element on the model's stack of open elements.
#[derive(Debug)]
pub(super) struct Open<'a> {
    pub(super) name: Name<'a>,
    pub(super) ns: Ns,
    /// Opening it put a marker on the list of active formatting elements.
    pub(super) marker: bool,
    /// The entry of the active formatting list this element stands for.
    pub(super) active: Option<u64>,
}

/// One entry of the model's list of active formatting elements.
#[derive(Debug)]
pub(super) enum Active<'a> {
    Marker,
    /// A formatting element: its name and its attribute bytes, for the
    /// "Noah's Ark" rule (at most three identical entries).
    Element {
        name: Name<'a>,
        attrs: (usize, usize),
        id: u64,
        /// Whether its element is on the stack; if not, the tree builder
        /// reopens it before the next text or start tag.
        open: bool,
    },
}

impl Open<'_> {
    pub(super) fn unmodelled(&self) -> bool {
        self.ns != Ns::Html || is(&self.name, UNMODELLED)
    }

    pub(super) fn html(&self, set: &[&[u8]]) -> bool {
        self.ns == Ns::Html && is(&self.name, set)
    }

    /// Where foreign content lets HTML in: SVG's `foreignObject`, `desc`,
    /// `title`, MathML's text elements and `annotation-xml`.
    pub(super) fn integration_point(&self) -> bool {
        match self.ns {
            Ns::Svg => is(&self.name, &[b"foreignobject", b"desc", b"title"]),
            Ns::Math => is(
                &self.name,
                &[b"mi", b"mo", b"mn", b"ms", b"mtext", b"annotation-xml"],
            ),
            Ns::Html | Ns::Unknown => false,
        }
    }
}

impl<'a> Scanner<'a> {
    /// How the tree builder processes a start tag named `name` now.
    pub(super) fn mode(&self, name: &[u8]) -> Mode {
        let Some(top) = self.stack.last() else {
            return Mode::Html;
        };
        match top.ns {
            Ns::Html => Mode::Html,
            Ns::Unknown => Mode::Unknown,
            Ns::Svg if top.integration_point() => Mode::Html,
            Ns::Math if *top.name == *b"annotation-xml" => Mode::Unknown,
            Ns::Math if top.integration_point() && !is(name, &[b"mglyph", b"malignmark"]) => {
                Mode::Html
            }
            Ns::Svg | Ns::Math => Mode::Foreign,
        }
    }

    /// The index of the nearest open HTML element named in `targets`, unless an
    /// element that bounds the scope comes first: as in the standard, SVG and
    /// MathML integration points bound it and other foreign elements do not
    /// (a stale foreign element kept open would let a later tag close the
    /// wrong element). Unknown elements bound every scope: the safe side.
    /// So does an open `select`: html5ever's body rules close nothing outside
    /// it from inside it (`<object><select></object>` leaves both open); the
    /// table rules do (`</table>` closes an open `select` in the table).
    pub(super) fn in_scope(&self, targets: &[&[u8]], extra_boundaries: &[&[u8]]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if is(&open.name, targets) => return Some(at),
                Ns::Html
                    if is(&open.name, SCOPE_BOUNDARIES)
                        || is(&open.name, extra_boundaries)
                        || *open.name == *b"select" =>
                {
                    return None;
                }
                Ns::Html => {}
                Ns::Unknown => return None,
                Ns::Svg | Ns::Math if open.integration_point() => return None,
                Ns::Svg | Ns::Math => {}
            }
        }
        None
    }

    pub(super) fn in_table_scope(&self, targets: &[&[u8]]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            match open.ns {
                Ns::Html if is(&open.name, targets) => return Some(at),
                Ns::Html if is(&open.name, &[b"html", b"table", b"template"]) => {
                    return None;
                }
                Ns::Unknown => return None,
                Ns::Html | Ns::Svg | Ns::Math => {}
            }
        }
        None
    }

    /// Pops the stack down to (and without) index `at`, clearing the active
    /// formatting list to the last marker for each marker element popped.
    pub(super) fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            self.pop();
        }
    }

    /// Pops the current element, noting that its formatting entry (if any)
    /// is no longer open.
    pub(super) fn pop(&mut self) {
        if self
            .svg
            .as_ref()
            .is_some_and(|svg| svg.depth + 1 == self.stack.len())
        {
            // Closed other than by its own end tag: its body stays.
            self.svg = None;
        }
        if let Some(open) = self.stack.pop() {
            self.unmodelled -= usize::from(open.unmodelled());
            self.unlink(&open);
            // Every way of closing a cell, caption or template clears the
            // list to its marker; `applet`, `marquee` and `object` clear it
            // only by their own end tag (`</table>` popping an `object` leaves
            // its marker, hiding the formatting elements before it).
            if open.marker && is(&open.name, &[b"td", b"th", b"caption", b"template"]) {
                self.clear_to_marker();
            }
        }
    }

    pub(super) fn clear_to_marker(&mut self) {
        while let Some(entry) = self.active.pop() {
            if matches!(entry, Active::Marker) {
                break;
            }
        }
    }

    pub(super) fn unlink(&mut self, open: &Open) {
        let Some(id) = open.active else { return };
        for entry in self.active.iter_mut().rev() {
            if let Active::Element { id: e, open, .. } = entry
                && *e == id
            {
                *open = false;
                return;
            }
        }
    }

    /// "Reconstruct the active formatting elements": every entry after the
    /// last marker whose element is not open is opened again, in order. The
    /// tree builder does this before text and most start tags; the model does
    /// it before every start tag and text run (more often is the safe side).
    pub(super) fn reconstruct(&mut self) {
        if !self.has_closed_formatting() {
            return;
        }
        if self.stack.last().is_some_and(|t| t.ns != Ns::Html) {
            return;
        }
        let first = self
            .active
            .iter()
            .rposition(|e| matches!(e, Active::Marker))
            .map_or(0, |m| m + 1);
        let mut reopened = Vec::new();
        for entry in &mut self.active[first..] {
            if let Active::Element { name, id, open, .. } = entry
                && !*open
            {
                *open = true;
                reopened.push((name.clone(), *id));
            }
        }
        for (name, id) in reopened {
            self.stack.push(Open {
                name,
                ns: Ns::Html,
                marker: false,
                active: Some(id),
            });
        }
    }

    /// Whether an active formatting entry after the last marker is closed:
    /// whether [`Self::reconstruct`] has anything to do.
    pub(super) fn has_closed_formatting(&self) -> bool {
        for entry in self.active.iter().rev() {
            match entry {
                Active::Marker => return false,
                Active::Element { open: false, .. } => return true,
                Active::Element { .. } => {}
            }
        }
        false
    }

    pub(super) fn close_p(&mut self) {
        if let Some(at) = self.in_scope(&[b"p"], &[b"button", b"ol", b"ul"]) {
            self.pop_to(at);
        }
    }

    /// Active formatting elements after the last marker, counted.
    pub(super) fn active_count(&self) -> usize {
        self.active
            .iter()
            .filter(|e| matches!(e, Active::Element { .. }))
            .count()
    }

    pub(super) fn push(&mut self, name: Name<'a>, ns: Ns) {
        self.unmodelled += usize::from(ns != Ns::Html || is(&name, UNMODELLED));
        let marker = ns == Ns::Html && is(&name, MARKERS);
        if marker {
            self.active.push(Active::Marker);
        }
        let active = (ns == Ns::Html && is_formatting(&name)).then(|| {
            let id = self.next_id;
            self.next_id += 1;
            self.active.push(Active::Element {
                name: name.clone(),
                attrs: (0, 0),
                id,
                open: true,
            });
            id
        });
        self.stack.push(Open {
            name,
            ns,
            marker,
            active,
        });
    }
}
