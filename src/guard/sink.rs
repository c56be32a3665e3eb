//! The parse under a budget: scraper's tree sink, wrapped so that every node the
//! tree builder creates is counted and the clock is checked as it goes.
//!
//! The tree builder cannot be told to stop, so the wrapper unwinds out of it
//! (with `resume_unwind`, which skips the panic hook: nothing is printed) and
//! [`parse`] turns that into an error. Nothing of the half-built tree is kept.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::Html;
use scraper::html::HtmlTreeSink;

use super::streamed::{self, Streamed};

/// Why a parse was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// More nodes than the limit.
    TooManyNodes,
    /// The deadline passed.
    OutOfTime,
}

/// How often (in sink calls) the clock is read: often enough to stop within
/// milliseconds of the deadline, rarely enough to cost nothing.
const CALLS_PER_CLOCK_CHECK: u32 = 1024;

/// Parses a document, stopping past `max_nodes` nodes or after `deadline`.
pub(crate) fn parse(html: &str, max_nodes: u64, deadline: Option<Instant>) -> Result<Html, Stop> {
    // The tree's node table, sized once: about one node per `<` (an element
    // per start tag, a text between tags), where growing it from empty would
    // copy it a dozen times over.
    let mut document = Html::new_document();
    let tags = memchr::memchr_iter(b'<', html.as_bytes()).count();
    let capacity = usize::try_from(max_nodes).map_or(tags, |max| tags.min(max)) + 1;
    document.tree = ego_tree::Tree::with_capacity(scraper::Node::Document, capacity);
    let sink = BudgetSink {
        inner: HtmlTreeSink::new(document),
        nodes: Cell::new(0),
        max_nodes,
        deadline,
        calls: Cell::new(0),
        streamed: RefCell::default(),
    };
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        html5ever::driver::parse_document(sink, Default::default()).one(html)
    }));
    match parsed {
        Ok(html) => Ok(html),
        Err(payload) => match payload.downcast::<Stop>() {
            Ok(stop) => Err(*stop),
            // A real panic inside the parser: let the caller's handler see it.
            Err(payload) => panic::resume_unwind(payload),
        },
    }
}

struct BudgetSink {
    inner: HtmlTreeSink,
    nodes: Cell<u64>,
    max_nodes: u64,
    deadline: Option<Instant>,
    calls: Cell<u32>,
    /// What a streamed rendering left out of place, put back at the end.
    streamed: RefCell<Streamed>,
}

impl BudgetSink {
    /// Counts one new node and checks the budget.
    fn node(&self) {
        let nodes = self.nodes.get() + 1;
        self.nodes.set(nodes);
        if nodes > self.max_nodes {
            panic::resume_unwind(Box::new(Stop::TooManyNodes));
        }
        self.tick();
    }

    /// Checks the clock every so many calls.
    fn tick(&self) {
        let calls = self.calls.get().wrapping_add(1);
        self.calls.set(calls);
        if calls.is_multiple_of(CALLS_PER_CLOCK_CHECK)
            && self.deadline.is_some_and(|d| Instant::now() >= d)
        {
            panic::resume_unwind(Box::new(Stop::OutOfTime));
        }
    }
}

impl TreeSink for BudgetSink {
    type Output = Html;
    type Handle = <HtmlTreeSink as TreeSink>::Handle;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        let mut html = self.inner.finish();
        self.streamed.into_inner().splice(&mut html);
        html
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.tick();
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> Self::Handle {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Self::Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Self::Handle {
        self.node();
        let role = streamed::Role::of(&name, &attrs);
        let element = self.inner.create_element(name, attrs, flags);
        if let Some(role) = role {
            self.streamed.borrow_mut().element(role, element);
        }
        element
    }

    fn create_comment(&self, text: StrTendril) -> Self::Handle {
        self.node();
        let boundary = streamed::is_boundary_comment(text.as_bytes());
        let comment = self.inner.create_comment(text);
        if boundary {
            self.streamed.borrow_mut().comment(comment);
        }
        comment
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Self::Handle {
        self.node();
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &Self::Handle, child: NodeOrText<Self::Handle>) {
        if matches!(child, NodeOrText::AppendText(_)) {
            self.node();
        } else {
            self.tick();
        }
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Self::Handle,
        prev_element: &Self::Handle,
        child: NodeOrText<Self::Handle>,
    ) {
        self.tick();
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.node();
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &Self::Handle) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &Self::Handle) {
        self.tick();
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &Self::Handle) -> Self::Handle {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &Self::Handle, y: &Self::Handle) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Self::Handle, new_node: NodeOrText<Self::Handle>) {
        self.tick();
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Self::Handle, attrs: Vec<Attribute>) {
        self.tick();
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &Self::Handle,
        form: &Self::Handle,
        nodes: (&Self::Handle, Option<&Self::Handle>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &Self::Handle) {
        self.tick();
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &Self::Handle, new_parent: &Self::Handle) {
        self.tick();
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Self::Handle) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number);
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &Self::Handle) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &Self::Handle,
        template: &Self::Handle,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Self::Handle) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}
