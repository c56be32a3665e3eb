//! Inline text into paragraphs, and which paragraphs are page chrome.
//!
//! Text that flows directly in a container (`<div>text<br>more</div>`) is
//! gathered into a run and ends as a paragraph at a block boundary or a
//! double line break. Every paragraph, gathered or `<p>`, then passes the
//! same checks: the headline set as a plain block, a byline, a short
//! boilerplate line (a call to action, a lone UI label, a photo credit), a
//! line of UUIDs (a label spelled out between hidden ones) or a
//! block mostly of links is dropped and counted in `stripped`, not kept.

use super::Walk;
use super::figures::credit_line;
use super::headings::is_pseudo_heading_text;
use crate::classify;
use crate::document::{Block, Boilerplate};
use crate::dom::{Ix, Tag, TextBuf, mostly_uuids, normalize};
use crate::explain::Evidence;
use crate::heuristics::{
    BOILERPLATE_LINE_MAX_CHARS, BYLINE_MAX_CHARS, BYLINE_PREFIXES, CARD_CONTROL_LABELS,
    DATE_LINE_LABELS, DATE_LINE_MAX_CHARS, DATE_LINE_MIN_DIGIT_SHARE, DATE_LINES_MAX,
    FORUM_META_LABELS, FORUM_META_LINE_MAX_CHARS, FORUM_META_LINES, FORUM_META_VALUE_MAX_WORDS,
    LINKED_CARD_MIN_CHARS, NEWSLETTER_WORDS, POST_COUNT_MAX_CHARS, POST_NUMBER_MAX_DIGITS,
    RATING_CONTROL_MIN_STARS, RATING_OF_WORD, RATING_STAR_WORD, READING_TIME_PHRASES,
    SIGN_UP_MAX_CHARS, SIGN_UP_VERBS, UUID_LINE_MIN_SHARE, WEIGHTS,
};
use crate::page_type::PageType;

/// Inline content gathered for the paragraph being built.
#[derive(Default)]
pub(super) struct Run {
    /// The block element the text flows in.
    block: Option<Ix>,
    buf: TextBuf,
    text_len: u32,
    link_len: u32,
    links: Vec<Ix>,
    after_br: bool,
    /// How much of the run's text is set bold, and where the bold element
    /// being read ends.
    bold_len: u32,
    bold_end: Ix,
}

impl Walk<'_> {
    pub(super) fn inline(&mut self, i: Ix, tag: Tag, block: Ix) {
        if self.run.block != Some(block) {
            self.flush();
            self.run.block = Some(block);
        }
        // An empty span classed as a line break (`<span class=br>`) breaks
        // the line as a `br` does.
        let tag = match tag {
            Tag::Inline if self.node(i).end == i + 1 && self.is_line_break_span(i) => Tag::Br,
            t => t,
        };
        match tag {
            Tag::Inline if i >= self.run.bold_end && self.is_bold_inline(i) => {
                // A bold line after a line break starts a run of its own:
                // it may be a heading over the text below it.
                if self.run.after_br && !self.run.buf.is_empty() {
                    self.flush();
                    self.run.block = Some(block);
                }
                self.run.bold_end = self.end(i);
            }
            Tag::Text => {
                let f = self.node(i);
                let (len, link) = (f.text_len, f.link_len);
                let text = self.facts.text(self.html, i);
                if self.run.buf.would_glue(text) && self.facts.opens_abutting_inline(block, i) {
                    self.run.buf.space();
                }
                self.run.buf.push(text);
                self.run.text_len += len;
                self.run.link_len += link;
                if i < self.run.bold_end {
                    self.run.bold_len += len;
                }
                if len > 0 {
                    self.run.after_br = false;
                }
            }
            Tag::Br if self.run.after_br => self.flush(),
            Tag::Br => {
                self.run.buf.newline();
                self.run.after_br = true;
            }
            Tag::A => self.run.links.push(i),
            _ => {}
        }
    }

    /// Ends the paragraph being built from inline content.
    pub(super) fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        if run.buf.is_empty() {
            return;
        }
        let text = run.buf.finish();
        // The run can be drawn when it is all of its block's text.
        let at = run.block.filter(|&b| self.node(b).text_len == run.text_len);
        if self.inline_related(at, &text, &run.links) {
            return;
        }
        // A bold line between line breaks (`…<br><br><b>Timetable</b><br><br>…`).
        if run.bold_len == run.text_len
            && run.link_len == 0
            && self.page_type != PageType::Forum
            && is_pseudo_heading_text(&text)
            && self.pseudo_heading_line(text.clone())
        {
            return;
        }
        self.paragraph_checked(at, text, run.text_len, run.link_len);
    }

    pub(super) fn paragraph(&mut self, i: Ix, text: String, text_len: u32, link_len: u32) {
        let links: Vec<Ix> = (i..self.end(i))
            .filter(|&a| self.node(a).tag == Tag::A)
            .collect();
        if self.inline_related(Some(i), &text, &links) {
            return;
        }
        self.paragraph_checked(Some(i), text, text_len, link_len);
    }

    /// Keeps a paragraph, or drops it as chrome; `at` is its element, if
    /// one element holds it all.
    fn paragraph_checked(&mut self, at: Option<Ix>, text: String, text_len: u32, link_len: u32) {
        let text = if self.page_type == PageType::Forum {
            self.without_post_meta(at, text)
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        // A reply's preview of the post it answers, a second copy of a post
        // the page shows twice (one per screen size), a shop's description
        // printed again for another layout.
        if self.repeats_text_above(&text) {
            self.strip(at, Boilerplate::Other, || {
                Evidence::Rule("a copy of text shown above".into())
            });
            return;
        }
        if self.is_headline_block(&text) {
            return;
        }
        if is_byline(&text) {
            self.strip(at, Boilerplate::Other, || Evidence::Rule("a byline".into()));
            return;
        }
        // UUIDs a reader never sees (a "Sponsored" label spelled out between
        // hidden ones), with next to nothing between them.
        if mostly_uuids(&text, UUID_LINE_MIN_SHARE) {
            self.strip(at, Boilerplate::Ads, || {
                Evidence::Rule("a line of UUIDs".into())
            });
            return;
        }
        if let Some((kind, why)) = boilerplate_line(&text) {
            self.strip(at, kind, || why);
            return;
        }
        // On a page of sections that point on, a paragraph that says more
        // than its link, or that is a card's sentence linked whole, is
        // content; a button's few words are not.
        let says_more = self.linked_blocks_are_content
            && (link_len < text_len || text_len >= LINKED_CARD_MIN_CHARS);
        if !(self.links_are_content || says_more)
            && text_len > 0
            && link_len as f32 / text_len as f32 > WEIGHTS.max_paragraph_link_density
            && !self.is_post_date(&text)
        {
            self.strip(at, Boilerplate::Navigation, || {
                Evidence::Rule("a paragraph mostly of links".into())
            });
            return;
        }
        if is_date_line(&text) {
            // Kept for now: [`Walk::drop_date_lines`] decides once all are seen.
            let section = self.sections.len().saturating_sub(1);
            let block = self.sections.last().map_or(0, |s| s.blocks.len());
            self.date_lines.push((section, block, at));
        }
        self.push(Block::Paragraph { text });
    }
}

impl Walk<'_> {
    /// A forum paragraph without its posts' meta lines ("Posts: 710",
    /// "Offline", "#2"), each counted in `stripped`: the member card and
    /// the post's number are laid out as lines of the post's own block, so
    /// the lines go, not the block.
    fn without_post_meta(&mut self, at: Option<Ix>, text: String) -> String {
        if !text.lines().any(is_post_meta_line) {
            return text;
        }
        let mut kept = String::with_capacity(text.len());
        for line in text.lines() {
            if is_post_meta_line(line) {
                self.strip(at, Boilerplate::Other, || {
                    Evidence::Rule("a forum post's meta line".into())
                });
            } else {
                if !kept.is_empty() {
                    kept.push('\n');
                }
                kept.push_str(line);
            }
        }
        kept
    }

    /// Drops the article's date and reading-time lines, counted in
    /// `stripped`, when they are few: an article's "Stand: 28.04.2023" is
    /// its metadata, but a date on every post of a thread or every card of a
    /// listing belongs to the items the page is made of.
    pub(super) fn drop_date_lines(&mut self) {
        let lines = std::mem::take(&mut self.date_lines);
        // A thread's one or two posts keep their dates (the permalinks
        // [`Walk::is_post_date`] kept): they date the posts.
        if lines.len() > DATE_LINES_MAX || self.page_type == PageType::Forum {
            return;
        }
        for &(section, block, at) in lines.iter().rev() {
            if let Some(s) = self.sections.get_mut(section)
                && block < s.blocks.len()
            {
                s.blocks.remove(block);
                self.strip(at, Boilerplate::Other, || {
                    Evidence::Rule("a date or reading-time line".into())
                });
            }
        }
    }
}

/// A byline on its own line: "By Jane Doe", "Von Katrin Albers".
fn is_byline(text: &str) -> bool {
    if text.chars().count() > BYLINE_MAX_CHARS {
        return false;
    }
    BYLINE_PREFIXES.iter().any(|p| {
        text.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
            && text[p.len()..].starts_with([' ', ':'])
            && text[p.len()..]
                .trim_start_matches([' ', ':'])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

/// A line of a forum post's chrome: its number ("#12"), its votes or
/// replies counted on a line of their own ("67", "-1", "1,046"), a
/// member-card line ("Registered: 2016-07-02", "Posts: 1,204"), the edit
/// note ("Last edited: Jul 25, 2024"), the poster's presence ("Offline") or
/// badge ("Thread starter").
pub(super) fn is_post_meta_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > 4 * FORUM_META_LINE_MAX_CHARS {
        return false;
    }
    if let Some(number) = line.strip_prefix('#') {
        return (1..=POST_NUMBER_MAX_DIGITS).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit());
    }
    let count = line.strip_prefix(['-', '+', '\u{2212}']).unwrap_or(line);
    if count.len() <= POST_COUNT_MAX_CHARS
        && count.starts_with(|c: char| c.is_ascii_digit())
        && count
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && !is_date_line(line)
    {
        return true;
    }
    if line.chars().count() > FORUM_META_LINE_MAX_CHARS {
        return false;
    }
    let lower = normalize(line);
    FORUM_META_LINES.contains(&lower.as_str())
        || (lower.bytes().any(|b| b.is_ascii_digit())
            && FORUM_META_LABELS.iter().any(|label| {
                lower
                    .strip_prefix(label)
                    .and_then(|rest| rest.trim_start().strip_prefix(':'))
                    .is_some_and(|value| {
                        value.split_whitespace().count() <= FORUM_META_VALUE_MAX_WORDS
                    })
            }))
}

impl Walk<'_> {
    /// Whether `text`, on a forum page, is a post's date: a thread's posts
    /// link their dates to themselves (the permalink), so the line is all
    /// link, yet it dates the post and leads nowhere else.
    pub(super) fn is_post_date(&self, text: &str) -> bool {
        self.page_type == PageType::Forum && is_date_line(text)
    }
}

/// A line of publication dates or reading time, not a sentence: "Stand:
/// 28.04.2023 17:23 Uhr", "12.12.2025, 05:07 Uhr", "Published Jun 05, 2026 •
/// 3 minute read", "Lesedauer: 4 Min.".
pub(super) fn is_date_line(text: &str) -> bool {
    if text.chars().count() > DATE_LINE_MAX_CHARS || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = normalize(text);
    if READING_TIME_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if !has_date_or_time(text) {
        return false;
    }
    let labelled = DATE_LINE_LABELS.iter().any(|label| {
        lower
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([' ', ':', ',']))
    });
    let (digits, visible) = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .fold((0u32, 0u32), |(d, v), c| {
            (d + u32::from(c.is_ascii_digit()), v + 1)
        });
    labelled || digits as f32 >= DATE_LINE_MIN_DIGIT_SHARE * visible as f32
}

/// Whether the text holds a time (`17:23`), a date of three numbers
/// (`28.04.2023`, `2024/03/17`, `23. 12. 2024`) or a year (`2024`).
fn has_date_or_time(text: &str) -> bool {
    // Runs of digits with the separator that ends each, if any.
    let mut runs: Vec<(&str, Option<char>)> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        let after = tail[len..].trim_start_matches(' ');
        let sep = after
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '.' | '/' | '-'));
        runs.push((&tail[..len], sep));
        rest = &tail[len..];
    }
    let year = |r: &str| r.len() == 4 && (r.starts_with("19") || r.starts_with("20"));
    // Day and month have one or two digits, the year two or four, first or
    // last: "02-751-1500" is a telephone number.
    let date = |w: &[(&str, Option<char>)]| {
        let short = |r: &str| r.len() <= 2;
        w[0].1.is_some_and(|c| c != ':')
            && w[0].1 == w[1].1
            && ((short(w[0].0) && short(w[1].0) && (short(w[2].0) || year(w[2].0)))
                || (year(w[0].0) && short(w[1].0) && short(w[2].0)))
    };
    runs.iter().any(|(r, _)| year(r))
        || runs
            .windows(2)
            .any(|w| w[0].1 == Some(':') && w[0].0.len() <= 2 && w[1].0.len() == 2)
        || runs.windows(3).any(date)
}

/// A short line of chrome: its kind, and the phrase or rule that says so.
fn boilerplate_line(text: &str) -> Option<(Boilerplate, Evidence)> {
    let chars = text.chars().count();
    if chars > BOILERPLATE_LINE_MAX_CHARS {
        return (chars <= SIGN_UP_MAX_CHARS && is_sign_up(&normalize(text))).then(|| {
            (
                Boilerplate::Ads,
                Evidence::Rule("a newsletter sign-up".into()),
            )
        });
    }
    if credit_line(text) {
        // A photo credit left in the text flow ("Photo: Agency").
        return Some((Boilerplate::Other, Evidence::Rule("a photo credit".into())));
    }
    let lower = normalize(text);
    if classify::is_related_label(&lower) {
        // "Lesen Sie auch" left alone when its teaser is gone or no link.
        return Some((
            Boilerplate::Related,
            Evidence::Rule("a related-block heading alone".into()),
        ));
    }
    if let Some(control) = CARD_CONTROL_LABELS.iter().find(|&&c| lower == c) {
        return Some((Boilerplate::Other, Evidence::Label((*control).into())));
    }
    if is_rating_control(&lower) {
        return Some((
            Boilerplate::Other,
            Evidence::Rule("a star-rating control".into()),
        ));
    }
    if is_sign_up(&lower) {
        return Some((
            Boilerplate::Ads,
            Evidence::Rule("a newsletter sign-up".into()),
        ));
    }
    classify::boilerplate_line(&lower).map(|(kind, phrase)| (kind, Evidence::Label(phrase.into())))
}

/// Whether a short block (lower-cased) is a star-rating control spelled out
/// star by star, "1 of 5 stars2 of 5 stars…" ([`RATING_STAR_WORD`]).
fn is_rating_control(lower: &str) -> bool {
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let mut stars = 0;
    for (i, part) in lower.split(RATING_STAR_WORD).enumerate() {
        // The plural's "s" opens the next part.
        let part = if i == 0 {
            part
        } else {
            part.strip_prefix('s').unwrap_or(part)
        };
        let mut words = part.split_whitespace();
        match (words.next(), words.next(), words.next(), words.next()) {
            (None, ..) => {}
            (Some(n), Some(of), Some(m), None)
                if number(n) && of == RATING_OF_WORD && number(m) =>
            {
                stars += 1
            }
            _ => return false,
        }
    }
    stars >= RATING_CONTROL_MIN_STARS
}

/// Whether a block (lower-cased) asks the reader to sign up for a newsletter
/// ([`SIGN_UP_VERBS`], [`NEWSLETTER_WORDS`]).
fn is_sign_up(lower: &str) -> bool {
    SIGN_UP_VERBS.iter().any(|v| lower.contains(v))
        && NEWSLETTER_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_type::PageType;
    use crate::structure::tests::{P, body, body_as};

    #[test]
    fn service_and_documentation_pages_keep_blocks_that_point_on() {
        // A feature that links to its page, a card's sentence linked whole,
        // a list of the reference's pages: content there; a paragraph that
        // is only a button is not.
        let src = format!(
            "<body><article><p>{P}</p><p>Deploy from <a href=/git>your repository</a> \
             or <a href=/cli>the command line</a>.</p><p><a href=/start>Get started</a></p>\
             <p><a href=/rules>Automate the busywork with rules that run on every update \
             your team makes</a></p>\
             <ul><li><a href=/a>Connecting to a server</a></li>\
             <li><a href=/b>Sessions and pools</a></li></ul><p>{P}</p></article></body>"
        );
        let article = body(&src);
        assert!(!article.text.contains("Deploy from"), "{}", article.text);
        assert!(!article.text.contains("busywork"), "{}", article.text);
        assert!(
            !article.text.contains("Sessions and pools"),
            "{}",
            article.text
        );
        for page_type in [PageType::Service, PageType::Documentation] {
            let b = body_as(&src, page_type);
            assert!(b.text.contains("Deploy from your repository"), "{}", b.text);
            assert!(b.text.contains("Automate the busywork"), "{}", b.text);
            assert!(b.text.contains("Sessions and pools"), "{}", b.text);
            assert!(!b.text.contains("Get started"), "{}", b.text);
        }
    }

    #[test]
    fn a_newsletter_sign_up_in_the_text_is_dropped() {
        let src = format!(
            "<body><article><p>{P}</p><p>Sign up for The Harbour Weekly newsletter.</p>\
             <p>Was this forwarded to you? Sign up to get it in your inbox.</p>\
             <p>Sign up at the ticket office before the crossing.</p>\
             <p>The newsletter goes out on Fridays.</p><p>{P}</p></article></body>"
        );
        let b = body(&src);
        assert!(!b.text.contains("Harbour Weekly"), "{}", b.text);
        assert!(!b.text.contains("forwarded"), "{}", b.text);
        assert!(b.text.contains("at the ticket office"), "{}", b.text);
        assert!(b.text.contains("goes out on Fridays"), "{}", b.text);
    }

    #[test]
    fn a_documentation_page_loses_its_foot_lines() {
        // The foot of a reference page: when it last changed, and where to
        // edit it; a sentence of the text about a last-modified header stays.
        let src = format!(
            "<body><article><p>{P}</p>\
             <p>The Last-Modified header tells the client when the resource last changed.</p>\
             <p>This page was last modified on Sep 25, 2024 by the contributors.</p>\
             <p>Last modified November 18, 2025 at 11:47 AM PST: Add the scheduling docs</p>\
             <p><a href=/src>View this page on GitHub</a> • <a href=/issue>Report a problem \
             with this content</a></p><div><a href=/edit>Edit this page</a></div></article></body>"
        );
        let docs = body_as(&src, PageType::Documentation);
        for chrome in [
            "last modified on",
            "Last modified November",
            "GitHub",
            "Edit this",
        ] {
            assert!(!docs.text.contains(chrome), "{chrome}: {}", docs.text);
        }
        assert!(
            docs.text.contains("The Last-Modified header"),
            "{}",
            docs.text
        );
    }

    #[test]
    fn forum_posts_lose_their_meta_lines_not_their_text() {
        // A bulletin board's post: the member card beside the message, the
        // post's number above it, its presence and edit note under it.
        let src = format!(
            "<body><div class=topic><dl><dt>chunix64</dt><dd>Registered: 2025-11-01</dd>\
             <dd>Posts: 1</dd></dl><p>{P}</p><p>Posts: 3 of them say the same thing.</p>\
             <p>Last edited: Jul 25, 2024</p><div>Offline</div><div>#2</div>\
             <div>1,046</div><p>{P}</p><div>Registered: 2016-07-02<br>Posts: 710</div>\
             <div>-13</div><div>Author</div><div>OP</div></div></body>"
        );
        let forum = body_as(&src, PageType::Forum);
        for chrome in [
            "Registered:",
            "Posts: 1",
            "Last edited",
            "#2",
            "Offline",
            "1,046",
            "-13",
            "Author",
            "OP",
        ] {
            assert!(!forum.text.contains(chrome), "{chrome}: {}", forum.text);
        }
        for kept in ["chunix64", "Posts: 3 of them", &P[..40]] {
            assert!(forum.text.contains(kept), "{kept}: {}", forum.text);
        }
        // An article's numbered line or "Online" is left alone.
        let article = body(&src);
        assert!(article.text.contains("Offline"), "{}", article.text);
        assert!(article.text.contains("#2"), "{}", article.text);
    }

    #[test]
    fn a_forum_posts_linked_date_stays_an_articles_goes() {
        // Each post's header links its date to the post (a permalink), as
        // a one-item list or a line of links.
        let post = |k: u32| {
            format!(
                "<div class=message><ul class=attribution><li><a href='#post-{k}'>\
                 <time datetime=2023-12-30>Dec 30, 2023</time></a></li></ul>\
                 <p><a href='#post-{k}'>#{k}</a> · <a href='#post-{k}'>Jan {k}, 2024</a></p>\
                 <p>{P}</p></div>"
            )
        };
        let src = format!(
            "<body><div class=thread>{}{}{}</div></body>",
            post(1),
            post(2),
            post(3)
        );
        let forum = body_as(&src, PageType::Forum);
        for date in ["Dec 30, 2023", "Jan 2, 2024"] {
            assert!(forum.text.contains(date), "{date}: {}", forum.text);
        }
        let article = body(&src);
        assert!(!article.text.contains("Dec 30, 2023"), "{}", article.text);
        assert!(!article.text.contains("Jan 2, 2024"), "{}", article.text);
    }

    #[test]
    fn a_forum_posts_date_of_digits_is_no_vote_count() {
        // A post's date linked to the post, set in digits alone, is as long
        // as a count can never be; a short vote count still goes.
        let src = format!(
            "<body><div class=thread><div class=post><div><a href='#p1'>30.12.2023</a>\
             </div><p>{P}</p><div>1,046</div></div><div class=post><div>\
             <a href='#p2'>2024.01.05</a></div><p>{P}</p><div>12</div></div></div></body>"
        );
        let forum = body_as(&src, PageType::Forum);
        for date in ["30.12.2023", "2024.01.05"] {
            assert!(forum.text.contains(date), "{date}: {}", forum.text);
        }
        assert!(!forum.text.contains("1,046"), "{}", forum.text);
        assert!(is_post_meta_line("1,046") && !is_post_meta_line("1.1.2023"));
        assert!(is_post_meta_line("Auteur") && is_post_meta_line("Topicstarter"));
    }

    #[test]
    fn a_thread_of_one_post_keeps_its_date() {
        // One post, its date linked to itself: the date is the post's, not
        // an article's metadata, though there is only one.
        let src = format!(
            "<body><div class=thread><div class=post><p><a href='#p1'>Dec 30, 2023</a></p>\
             <p>{P}</p></div></div></body>"
        );
        let forum = body_as(&src, PageType::Forum);
        assert!(forum.text.contains("Dec 30, 2023"), "{}", forum.text);
    }

    #[test]
    fn text_in_divs_splits_at_double_breaks() {
        let b = body(&format!(
            "<body><div>{P}<br><br>{P}<br>A last line here.</div></body>"
        ));
        let blocks = &b.sections[0].blocks;
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            blocks[1],
            Block::Paragraph {
                text: format!("{P}\nA last line here.")
            }
        );
    }

    #[test]
    fn a_label_spelled_between_uuids_is_dropped_but_a_url_line_is_not() {
        let uuids = "<span>S</span><span>19aea247-2e76-4905-9b83-15a5a5664cfa</span>\
             <span>p</span><span>661bd3c3-576f-4713-baee-9dc0dd7c3568</span>\
             <span>o</span><span>2e2c3720-cfa9-41e9-9571-b179b489e15f</span>";
        let url = "https://www.example.com/products/mobile/snapdragon/smartphones/platforms";
        let b = body(&format!(
            "<body><article><p>{P}</p><div>{uuids}</div><p>1. {url}</p><p>{P}</p></article></body>"
        ));
        assert!(!b.text.contains("19aea247"), "{}", b.text);
        assert!(b.text.contains(url));
        assert_eq!(b.stripped.ads, 1);
    }

    #[test]
    fn calls_to_action_and_link_lists_are_dropped_and_counted() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Click to comment</p>\
             <ul><li><a href=/a>Home</a></li><li><a href=/b>Sport</a></li></ul><p>{P}</p>\
             </article></body>"
        ));
        assert!(!b.text.contains("Click to comment"));
        assert!(!b.text.contains("Sport"));
        assert_eq!((b.stripped.comments, b.stripped.navigation), (1, 1));
    }

    #[test]
    fn a_lone_related_label_is_dropped_but_a_line_that_starts_like_one_is_not() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Lesen Sie auch</p><p>Read more about the ferry \
             in the harbour master's report.</p><p>{P}</p></article></body>"
        ));
        assert!(!b.text.contains("Lesen Sie auch"), "{}", b.text);
        assert!(b.text.contains("Read more about the ferry"), "{}", b.text);
        assert_eq!(b.stripped.related, 1);
    }

    #[test]
    fn date_and_reading_time_lines_are_dropped_but_dated_sentences_are_not() {
        let b = body(&format!(
            "<body><article><div>Stand: 28.04.2023 17:23 Uhr</div><p>3 Min Lesezeit</p>\
             <p>{P}</p><p>The pier opened in 2024.</p><p>Call 02-751-1500</p><p>{P}</p>\
             </article></body>"
        ));
        assert!(!b.text.contains("Stand"), "{}", b.text);
        assert!(!b.text.contains("Lesezeit"), "{}", b.text);
        assert!(b.text.contains("The pier opened in 2024."), "{}", b.text);
        assert!(b.text.contains("02-751-1500"), "{}", b.text);
        assert_eq!(b.stripped.other, 2);
    }

    #[test]
    fn the_dates_of_many_posts_or_cards_stay() {
        let post = |d: &str| format!("<div><p>{d}</p><p>{P}</p></div>");
        let b = body(&format!(
            "<body><main>{}{}{}</main></body>",
            post("28/11/2025 at 7:07 pm"),
            post("28/11/2025 at 7:16 pm"),
            post("29/11/2025 at 8:37 pm")
        ));
        assert!(b.text.contains("28/11/2025 at 7:16 pm"), "{}", b.text);
        assert_eq!(b.stripped.other, 0);
    }

    #[test]
    fn lone_ui_labels_and_credits_are_chrome_but_sentences_are_not() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Close</p><p>Photo: Harbour Agency</p>\
             <p>Close to two hundred boats were moved.</p><p>{P}</p></article></body>"
        ));
        assert!(!b.text.contains("\n\nClose\n\n"));
        assert!(!b.text.contains("Harbour Agency"));
        assert!(b.text.contains("Close to two hundred boats were moved."));
        assert_eq!(b.stripped.other, 2);
    }

    #[test]
    fn a_product_cards_buttons_are_chrome_but_its_name_and_price_are_not() {
        let card = |name: &str, price: &str| {
            format!(
                "<div class=product><p>{name}</p><p>{price}</p><h4>View Details</h4>\
                 <div>In stock</div><label>Compare</label><p>Add to cart</p></div>"
            )
        };
        let b = body_as(
            &format!(
                "<body><main><h1>Dress Shoes</h1><p>{P}</p><div class=grid>{}{}{}</div></main></body>",
                card("Black Patent Leather Shoes", "$30"),
                card("Brown Leather Dress Shoes", "$35"),
                card("Stance Navy Icon Socks", "$14"),
            ),
            PageType::Collection,
        );
        assert!(b.text.contains("Brown Leather Dress Shoes"), "{}", b.text);
        assert!(b.text.contains("$35"), "{}", b.text);
        assert!(!b.text.contains("View Details"), "{}", b.text);
        assert!(!b.text.contains("Add to cart"), "{}", b.text);
        assert!(!b.text.contains("In stock"), "{}", b.text);
        assert!(!b.text.contains("Compare"), "{}", b.text);
        // "Add to cart" opening a sentence is the text's own.
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Add to cart the spare gaskets too.</p></article></body>"
        ));
        assert!(b.text.contains("Add to cart the spare gaskets too."));
    }

    #[test]
    fn a_star_rating_control_is_chrome_but_the_items_rating_is_not() {
        let row = |title: &str| {
            format!(
                "<tr><td><a href=/b>{title}</a><p>4.35 of 5 stars — 9,993 ratings</p>\
                 <div class=rating><div>Rate this book</div><div class=stars>\
                 <a href=#>1 of 5 stars</a><a href=#>2 of 5 stars</a><a href=#>3 of 5 stars</a>\
                 <a href=#>4 of 5 stars</a><a href=#>5 of 5 stars</a></div></div></td></tr>"
            )
        };
        let b = body_as(
            &format!(
                "<body><main><h1>Best Books Ever</h1><p>{P}</p><table>{}{}{}</table></main></body>",
                row("The Harbour Keeper"),
                row("Winter in the Valley"),
                row("A Map of Small Islands"),
            ),
            PageType::Listing,
        );
        assert!(b.text.contains("Winter in the Valley"), "{}", b.text);
        assert!(b.text.contains("4.35 of 5 stars"), "{}", b.text);
        assert!(!b.text.contains("2 of 5 stars"), "{}", b.text);
        assert!(!b.text.contains("Rate this book"), "{}", b.text);
        assert!(is_rating_control("1 of 5 stars 2 of 5 stars 3 of 5 stars"));
        assert!(!is_rating_control("4.5 of 5 stars"));
        assert!(!is_rating_control(
            "rated 4 of 5 stars by 3 of 5 stars readers"
        ));
    }

    #[test]
    fn a_feedback_widget_is_chrome() {
        let b = body(&format!(
            "<body><article><p>{P}</p><p>Did you find what you were looking for today?</p>\
             <p>Thank you for your feedback.</p>\
             <p>Did you find this surprising? Most harbours had moved their boats by noon.</p>\
             </article></body>"
        ));
        assert!(!b.text.contains("looking for today"), "{}", b.text);
        assert!(
            !b.text.contains("Thank you for your feedback"),
            "{}",
            b.text
        );
        assert!(
            b.text.contains("Did you find this surprising?"),
            "{}",
            b.text
        );
    }
}
