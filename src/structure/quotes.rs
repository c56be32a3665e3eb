//! Text the page already shows: quotes of posts, copies of a description.
//!
//! A reply on a forum quotes what it answers, often the whole post, with the
//! quoted poster's name above ("Ann said:") and a fold below ("Click to
//! expand..."). That post is on the page a little higher, so the quote says
//! nothing the thread has not said: it only doubles its text. On a forum
//! page, a quote most of whose runs of words ([`QUOTE_SHINGLE_WORDS`] in a
//! row) the text above already holds is dropped. A quote of what the page
//! does not show (a post on an earlier page of the thread, a source, a
//! manual) stays, and so does a quote shorter than one run. The same goes
//! for a paragraph outside any `blockquote`: a reply's preview of the post
//! it answers, or the second copy of a post shown once per screen size;
//! and, on a forum, a list a post above already holds.
//!
//! A shop does the same to its own text: it prints a product's description
//! once per layout (the phone's accordion, the desktop's tab), all but one
//! hidden by style sheets, and a category page its items' blurbs. On a
//! shop's pages (a product, a collection), a paragraph or list the text
//! above already holds nearly all of is dropped.
//!
//! The runs of the text above are hashed once, as the walk goes: each check
//! reads only the blocks pushed since the last one.

use std::collections::{HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use super::Walk;
use crate::classify::{Fnv, word_keys};
use crate::document::{Block, Section};
use crate::heuristics::{
    PRODUCT_REPEAT_MIN_CHARS, PRODUCT_REPEAT_MIN_SEEN_SHARE, QUOTE_MIN_SEEN_SHARE,
    QUOTE_SHINGLE_WORDS, SHOP_REPEAT_MIN_CHARS, SHOP_REPEAT_MIN_SEEN_SHARE,
};
use crate::page_type::PageType;

/// The runs of words of the text pushed so far, hashed.
#[derive(Default)]
pub(super) struct SeenText {
    runs: HashSet<u64, BuildHasherDefault<Fnv>>,
    /// The last words read, to make runs across blocks.
    window: VecDeque<u64>,
    /// The section and block to read from next.
    next: (usize, usize),
}

impl SeenText {
    /// Reads the blocks pushed since the last call. Blocks the walk took
    /// back since (a kicker above the headline) may leave a few unread:
    /// fewer runs seen only keeps a quote.
    fn catch_up(&mut self, sections: &[Section]) {
        let (mut s, mut b) = self.next;
        while let Some(section) = sections.get(s) {
            if b == 0
                && let Some(heading) = &section.heading
            {
                self.read(heading);
            }
            for block in section.blocks.iter().skip(b) {
                match block {
                    Block::Paragraph { text }
                    | Block::Quote { text }
                    | Block::Code { text, .. } => self.read(text),
                    Block::List { items, .. } => items.iter().for_each(|t| self.read(t)),
                    Block::Table { rows } => rows.iter().flatten().for_each(|t| self.read(t)),
                    Block::Figure { .. } => {}
                }
            }
            b = section.blocks.len();
            if s + 1 == sections.len() {
                break;
            }
            (s, b) = (s + 1, 0);
        }
        self.next = (s, b);
    }

    fn read(&mut self, text: &str) {
        for w in word_keys(text) {
            if self.window.len() == QUOTE_SHINGLE_WORDS {
                self.window.pop_front();
            }
            self.window.push_back(w);
            if self.window.len() == QUOTE_SHINGLE_WORDS {
                self.runs.insert(run_key(self.window.iter()));
            }
        }
    }

    /// The share of `text`'s runs of words seen already.
    fn seen_share(&self, text: &str) -> f32 {
        let words: Vec<u64> = word_keys(text).collect();
        let runs = words.windows(QUOTE_SHINGLE_WORDS);
        let all = runs.len();
        if all == 0 {
            return 0.0;
        }
        let seen = runs
            .filter(|run| self.runs.contains(&run_key(run.iter())))
            .count();
        seen as f32 / all as f32
    }
}

/// One key for a run of hashed words.
fn run_key<'a>(run: impl Iterator<Item = &'a u64>) -> u64 {
    let mut h = Fnv::default();
    for w in run {
        h.write_u64(*w);
    }
    h.finish()
}

impl Walk<'_> {
    /// Whether `text` (a quote, a paragraph, a list's items joined) repeats
    /// what the text above already holds, on the pages that print their text
    /// twice: a forum (a reply's quote or preview of a post above, a post
    /// shown once per screen size) and a shop's product or collection page
    /// (a description printed once per layout, a blurb per card size), where
    /// a short line (a size, "In stock") may stand twice and a copy holds
    /// nearly all of the first.
    pub(super) fn repeats_text_above(&mut self, text: &str) -> bool {
        let Some((min_chars, min_share)) = self.reprint_rule() else {
            return false;
        };
        if text.len() < min_chars {
            return false;
        }
        self.seen.catch_up(&self.sections);
        self.seen.seen_share(text) >= min_share
    }

    /// [`Walk::repeats_text_above`] for a list's items, joined only on the
    /// pages that print their text twice.
    pub(super) fn repeats_items_above(&mut self, items: &[String]) -> bool {
        self.reprint_rule().is_some() && self.repeats_text_above(&items.join(" "))
    }

    /// On a page that prints its text twice, the shortest block that can be
    /// a copy and the share of its runs of words the text above must hold.
    fn reprint_rule(&self) -> Option<(usize, f32)> {
        match self.page_type {
            PageType::Forum => Some((0, QUOTE_MIN_SEEN_SHARE)),
            PageType::Product => Some((PRODUCT_REPEAT_MIN_CHARS, PRODUCT_REPEAT_MIN_SEEN_SHARE)),
            PageType::Collection => Some((SHOP_REPEAT_MIN_CHARS, SHOP_REPEAT_MIN_SEEN_SHARE)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::page_type::PageType;
    use crate::structure::tests::body_as;

    const POST: &str = "I currently own a pair of closed headphones for travel but I am \
        thinking of selling them and getting something with a wider stage.";

    /// A thread of two posts; the reply quotes `quoted` above its own text.
    fn thread(quoted: &str) -> String {
        format!(
            "<body><div class=thread>\
             <div class=post><p>Ann</p><div class=body><p>{POST}</p></div></div>\
             <div class=post><p>Bob</p><div class=body>\
             <blockquote><div>Ann said:</div><div>{quoted}</div><div>Click to expand...</div>\
             </blockquote><p>The closed one from the same maker is the one to try, \
             if you can find it used at a fair price.</p></div></div>\
             </div></body>"
        )
    }

    #[test]
    fn a_replys_quote_of_a_post_above_is_dropped_on_a_forum_page() {
        let b = body_as(&thread(POST), PageType::Forum);
        assert_eq!(b.text.matches("wider stage").count(), 1, "{}", b.text);
        assert!(b.text.contains("The closed one from the same maker"));
        assert!(b.stripped.other > 0);
    }

    #[test]
    fn a_quote_of_what_the_page_does_not_show_stays() {
        let source = "The manual says the amplifier needs a warm up of ten minutes \
            before its output settles at the rated level.";
        let b = body_as(&thread(source), PageType::Forum);
        assert!(b.text.contains("warm up of ten minutes"), "{}", b.text);
        // A quote shorter than a run of words stays too.
        let b = body_as(&thread("Wider stage?"), PageType::Forum);
        assert!(b.text.contains("Wider stage?"), "{}", b.text);
    }

    #[test]
    fn a_product_page_shows_its_description_once() {
        let blurb = "A roomy tote in waxed canvas with leather handles, an inner zip \
            pocket for keys and a magnetic snap, made to carry a laptop all day.";
        let src = format!(
            "<body><div id=product><h1>Canvas Tote</h1>\
             <div class=desc-mobile><p>{blurb}</p></div>\
             <ul><li>Waxed cotton canvas, 18 oz, made in Portugal</li>\
             <li>Full-grain leather handles, riveted at each end</li></ul>\
             <div class=desc-desktop><h2>Description</h2><p>{blurb}</p>\
             <ul><li>Waxed cotton canvas, 18 oz, made in Portugal</li>\
             <li>Full-grain leather handles, riveted at each end</li></ul>\
             <p>Size One</p><p>Size One</p></div></div></body>"
        );
        let b = body_as(&src, PageType::Product);
        assert_eq!(b.text.matches("roomy tote").count(), 1, "{}", b.text);
        assert_eq!(b.text.matches("riveted").count(), 1, "{}", b.text);
        // A short line may stand twice.
        assert_eq!(b.text.matches("Size One").count(), 2, "{}", b.text);
        let b = body_as(&src, PageType::Collection);
        assert_eq!(b.text.matches("roomy tote").count(), 1, "{}", b.text);
        // Another page keeps what it repeats.
        let b = body_as(&src, PageType::Article);
        assert_eq!(b.text.matches("roomy tote").count(), 2, "{}", b.text);
    }

    #[test]
    fn a_product_page_drops_a_reworded_copy_of_its_copy_and_a_collection_keeps_a_second_item() {
        let copy = "The Ridge is a slim front pocket wallet: its dual-track design \
            expands to hold one to twelve cards and keeps them in place.";
        let reworded = "The Ridge is a slim front pocket wallet: its dual-track design \
            expands to hold one to twelve cards, and our patented plates keep them in place \
            however full it gets.";
        let src = format!(
            "<body><div id=product><h1>Aluminium wallet</h1><p>{copy}</p>\
             <p>Holds 1-12 cards while remaining as slim as possible</p>\
             <div class=tab><h2>Description</h2><p>{reworded}</p>\
             <p>Holds 1-12 cards while remaining as slim as possible</p></div></div></body>"
        );
        let b = body_as(&src, PageType::Product);
        assert_eq!(b.text.matches("dual-track").count(), 1, "{}", b.text);
        assert_eq!(b.text.matches("Holds 1-12").count(), 1, "{}", b.text);
        // On a collection, a second card's name that differs by a word is
        // another item.
        let card = "Laser projector, WUXGA, 6500 lumens, for lecture halls and large \
            meeting rooms, with a short-throw lens";
        let src = format!(
            "<body><div id=grid><h1>Projectors</h1><div class=card><p>{card}</p></div>\
             <div class=card><p>{card} - open box, as new</p></div></div></body>"
        );
        let b = body_as(&src, PageType::Collection);
        assert_eq!(b.text.matches("short-throw").count(), 2, "{}", b.text);
    }

    #[test]
    fn a_replys_preview_of_its_parent_post_is_dropped_and_posts_in_a_list_stay_apart() {
        let reply = "The closed one from the same maker is the one to try, \
            if you can find it used at a fair price.";
        let src = format!(
            "<body><ul class=posts>\
             <li class=post><a href=/u/ann>Ann</a><div class=content><p>{POST}</p>\
             <p>Any advice is welcome.</p></div></li>\
             <li class=post><div class=parent><a href=/u/ann>Ann</a>\
             <div class=preview><p>{POST}</p></div></div>\
             <a href=/u/bob>Bob</a><div class=content><p>{reply}</p></div></li>\
             </ul></body>"
        );
        let b = body_as(&src, PageType::Forum);
        assert_eq!(b.text.matches("wider stage").count(), 1, "{}", b.text);
        assert!(b.text.contains("\n\nThe closed one"), "{}", b.text);
        // Elsewhere a list item is one item, read whole.
        let b = body_as(&src, PageType::Article);
        assert_eq!(b.text.matches("wider stage").count(), 2, "{}", b.text);
    }

    #[test]
    fn a_forum_reply_repeating_a_list_above_drops_it() {
        let steps = "<ul><li>Unplug the dock and hold the power button for thirty seconds</li>\
             <li>Plug it back in without the laptop and wait for the light to turn white</li></ul>";
        let src = format!(
            "<body><div class=thread>\
             <div class=post><p>Ann</p><div class=body><p>{POST}</p>{steps}</div></div>\
             <div class=post><p>Bob</p><div class=body>\
             <p>Same here: the closed one from the same maker is the one to try, \
             if you can find it used at a fair price. What fixed mine was this.</p>{steps}</div></div>\
             </div></body>"
        );
        let b = body_as(&src, PageType::Forum);
        assert_eq!(b.text.matches("thirty seconds").count(), 1, "{}", b.text);
        assert!(b.text.contains("the one to try"), "{}", b.text);
        let b = body_as(&src, PageType::Article);
        assert_eq!(b.text.matches("thirty seconds").count(), 2, "{}", b.text);
    }

    #[test]
    fn an_article_keeps_a_quote_of_its_own_text() {
        let b = body_as(&thread(POST), PageType::Article);
        assert_eq!(b.text.matches("wider stage").count(), 2, "{}", b.text);
    }
}
