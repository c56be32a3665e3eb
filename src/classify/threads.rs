//! A discussion that is the page: forum threads and Q&A pages.
//!
//! Under an article, a comment thread is boilerplate, and class words
//! (`comments`, `replies`) mark it whatever its length. On a forum or Q&A
//! page the same markup holds the page's whole content: the question and
//! every reply sit inside a `comments` wrapper, with nothing beside it but
//! the site's chrome. So when the regions marked by those class words hold
//! the page's content and what lies outside them scores next to nothing,
//! the marks are lifted; what is marked inside them for its own sake (reply
//! forms, "Reply" and "Quote" buttons, share bars, signatures) stays marked.
//!
//! A thread whose question sits above the replies' wrapper fails that test:
//! the question scores outside. Such a thread is held, not lifted, and lifted
//! only once the page-type stage has found a forum page (which it decides
//! from these very marks), when the question scores at most half what the
//! replies do.

use super::{Marks, by_words};
use crate::content::{scores, shown_text};
use crate::document::Boilerplate;
use crate::dom::{Facts, Ix, Tag};
use crate::heuristics::{
    FORUM_THREAD_MAX_OUTSIDE_SHARE, THREAD_MAX_OUTSIDE_SHARE, THREAD_MIN_TEXT_SHARE,
};
use scraper::Html;

/// Lifts the comment marks given by class/id words when the discussion is
/// the page's content (see the module docs).
pub(super) fn lift_thread_marks(marks: &mut Marks, html: &Html, facts: &Facts, body: Ix) {
    let named: Vec<Ix> = (body..facts.nodes[body as usize].end)
        .filter(|&i| is_named_comments(marks, html, facts, i))
        .collect();
    if named.is_empty() {
        return;
    }
    // In document order, a region nested in another follows it at once.
    let mut outermost: Vec<Ix> = Vec::new();
    for &i in &named {
        if !outermost.last().is_some_and(|&o| facts.contains(o, i)) {
            outermost.push(i);
        }
    }
    // A trial of the lift, for scoring: what waits for the page type stays
    // with the page's own marks.
    let mut lifted = Marks {
        kind: marks.kind.clone(),
        starts: marks.starts.clone(),
        copies: marks.copies.clone(),
        ..Marks::default()
    };
    lift(&mut lifted, &named);
    // The regions must hold a good part of the text the page shows (a
    // consent dialog's policy or a hidden menu does not count).
    let held: f32 = outermost
        .iter()
        .map(|&i| facts.nodes[i as usize].text_len as f32)
        .sum();
    if held < THREAD_MIN_TEXT_SHARE * shown_text(facts, &lifted, body) {
        return;
    }
    let score = scores(facts, &lifted, body);
    let inside: f32 = outermost.iter().map(|&i| score[i as usize]).sum();
    let outside = score[body as usize] - inside;
    if inside <= 0.0 {
        return;
    }
    if outside <= THREAD_MAX_OUTSIDE_SHARE * inside {
        // The trial's marks, on the page's own: what waits for the page
        // type (product-only marks, shown panels) stays.
        lift(marks, &named);
        marks.thread_lifted = true;
    } else if outside <= FORUM_THREAD_MAX_OUTSIDE_SHARE * inside {
        marks.thread = Some(HeldThread { named });
    }
}

/// Comment regions that are a thread if the page is a forum: a question
/// posted above its replies' wrapper scores too much beside them for the
/// rule that holds on any page, yet on a forum page the replies are content
/// as much as the question.
pub(super) struct HeldThread {
    /// The regions marked for their class or id words.
    named: Vec<Ix>,
}

impl Marks {
    /// Comment regions named by their class words hold the page's content
    /// and were lifted: the page is a thread.
    pub(crate) fn thread_lifted(&self) -> bool {
        self.thread_lifted
    }

    /// Comment regions named by their class words hold much of the page and
    /// outscore what lies beside them, and wait for the page type to be
    /// lifted: a thread under its first post, or a long comment section.
    pub(crate) fn thread_held(&self) -> bool {
        self.thread.is_some()
    }

    /// Lifts the thread held back in classifying, now that the page is
    /// known to be a forum or Q&A page.
    pub(crate) fn lift_forum_thread(&mut self) {
        if let Some(HeldThread { named }) = self.thread.take() {
            lift(self, &named);
        }
    }
}

fn lift(marks: &mut Marks, named: &[Ix]) {
    for &i in named {
        marks.unmark(i);
    }
}

/// Whether `i` heads a comment region marked for its class or id words: not
/// a comment form, not a region opened by a label ("Leave a reply").
fn is_named_comments(marks: &Marks, html: &Html, facts: &Facts, i: Ix) -> bool {
    marks.kind[i as usize] == Some(Boilerplate::Comments)
        && marks.starts[i as usize]
        && facts.nodes[i as usize].tag != Tag::Form
        && by_words(html, facts, i).map(|(kind, _)| kind) != Some(Boilerplate::Comments)
}

#[cfg(test)]
mod tests {
    use crate::classify::tests::{marked, marked_as};
    use crate::document::Boilerplate;

    const Q: &str = "The ferry to the island has been cancelled three days in a row now. \
        Does anyone know whether the repairs to the landing stage are finished, or should \
        we plan on the longer road round the bay for our trip next week?";
    const A: &str = "The harbour office told me on Friday that the stage reopens on Monday, \
        with the first crossing at seven, but they said the same thing last week.";

    fn post(id: &str, text: &str) -> String {
        format!(
            "<article id={id} class='cPost ipsComment'><div class=cAuthor>ferryfan</div>\
             <time>May 3, 2024</time><div class=cPost_content><p>{text}</p></div></article>"
        )
    }

    #[test]
    fn a_thread_that_is_the_page_is_content_but_its_form_is_not() {
        let src = format!(
            "<body><nav><a href=/>Forums</a> <a href=/f>Travel</a></nav><h1>Ferry cancelled</h1>\
             <div id=comments class=cTopic>{}{}{}\
             <form id=reply><textarea></textarea></form></div></body>",
            post("p1", Q),
            post("p2", A),
            post("p3", A)
        );
        let got = marked(&src);
        assert!(
            !got.iter()
                .any(|(id, _)| id == "comments" || id == "p1" || id == "p2"),
            "{got:?}"
        );
        assert!(
            got.contains(&("reply".into(), Boilerplate::Comments)),
            "{got:?}"
        );
    }

    #[test]
    fn comments_under_an_article_stay_boilerplate() {
        let src = format!(
            "<body><article id=story><h1>Ferry cancelled again</h1><p>{Q}</p><p>{A}</p></article>\
             <div id=comments class=comments-area>{}{}{}{}</div></body>",
            post("p1", A),
            post("p2", A),
            post("p3", A),
            post("p4", Q)
        );
        assert!(marked(&src).contains(&("comments".into(), Boilerplate::Comments)));
    }

    #[test]
    fn on_a_forum_a_question_above_the_replies_leaves_them_content() {
        let src = format!(
            "<body><nav><a href=/>Forums</a> <a href=/f>Travel</a></nav><h1>Ferry cancelled</h1>\
             <div class=question><p>{Q}</p></div>\
             <section id=replies>{}</section></body>",
            (1..=6)
                .map(|k| post(&format!("p{k}"), A))
                .collect::<String>()
        );
        let replies = ("replies".to_string(), Boilerplate::Comments);
        assert!(marked(&src).contains(&replies));
        let got = marked_as(&src, true);
        assert!(!got.contains(&replies), "{got:?}");
    }

    #[test]
    fn posts_wrapped_in_a_form_stay_content_beside_a_long_policy() {
        let policy = Q.repeat(12);
        let src = format!(
            "<body><h1>Ferry cancelled</h1><div id=comments class=cTopic><form action=/mod>{}</form></div>\
             <div role=dialog aria-modal=true><p>{policy}</p></div></body>",
            (1..=4)
                .map(|k| post(&format!("p{k}"), A))
                .collect::<String>()
        );
        let got = marked(&src);
        assert!(
            !got.iter()
                .any(|(id, _)| id == "comments" || id == "form" || id == "p1"),
            "{got:?}"
        );
    }

    #[test]
    fn a_posters_rank_stats_and_badges_stay_out_of_the_thread() {
        let card = |k: u32| {
            format!(
                "<section class=message-user><h4 id=name{k}>ferryfan</h4>\
                 <h5 id=rank{k} class='userTitle message-userTitle'>Well-known member</h5>\
                 <div id=banner{k} class='userBanner'>Original poster</div>\
                 <div id=badges{k} class=post-badges><span>Science Advisor</span></div>\
                 <div id=stats{k} class=message-userExtras><dl><dt>Joined</dt><dd>Oct 5, 2016</dd>\
                 <dt>Messages</dt><dd>1,204</dd></dl></div></section>"
            )
        };
        let src = format!(
            "<body><nav><a href=/>Forums</a></nav><h1>Ferry cancelled</h1>\
             <div id=comments class=cTopic>{}</div></body>",
            (1..=3)
                .map(|k| format!(
                    "<article id=p{k} class=message>{}<p>{A}</p></article>",
                    card(k)
                ))
                .collect::<String>()
        );
        let got = marked(&src);
        for id in ["rank1", "banner2", "badges3", "stats1"] {
            assert!(
                got.contains(&(id.into(), Boilerplate::Other)),
                "{id}: {got:?}"
            );
        }
        assert!(
            !got.iter().any(|(id, _)| id == "name1" || id == "p1"),
            "{got:?}"
        );
    }

    #[test]
    fn on_a_forum_a_long_question_over_a_few_replies_leaves_them_content() {
        let src = format!(
            "<body><nav><a href=/>Forums</a></nav><h1>Ferry cancelled</h1>\
             <div class=question><p>{Q}</p></div>\
             <section id=replies>{}</section></body>",
            (1..=3)
                .map(|k| post(&format!("p{k}"), A))
                .collect::<String>()
        );
        let got = marked_as(&src, true);
        assert!(!got.iter().any(|(id, _)| id == "replies"), "{got:?}");
    }
}
