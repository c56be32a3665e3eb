//! WCXB's metric and its snippet checks, beside the ScrapingHub metric of
//! [`crate::metric`], so that our numbers compare with the tables WCXB publishes.
//!
//! A text is cut into lower-cased `\w+` tokens (the same Python-`\w` tokenizer as
//! the ScrapingHub metric) and counted as a bag of words. One page's precision is
//! the overlap (multiset intersection) over the output's tokens, its recall the
//! overlap over the truth's; the set's numbers are plain means over pages, F1
//! included. Unlike the shingle metric, word order does not matter, so this one
//! forgives a paragraph moved and punishes a menu leaked less per word.
//!
//! The snippets are WCXB's `with`/`without` lists: short strings a right
//! extraction must contain, or must not. `docs/accuracy.md` states the edge cases.

use std::collections::HashMap;
use std::ops::Range;

use crate::bench::Meta;
use crate::metric::tokenize;

/// Python's `text.lower()` then `re.findall(r'\w+', ...)`: lower-casing first,
/// as WCXB does, so a letter whose lower case decomposes splits as it would there.
pub fn lower_tokens(text: &str) -> Vec<String> {
    tokenize(&text.to_lowercase())
        .into_iter()
        .map(str::to_string)
        .collect()
}

fn bag(tokens: &[String]) -> HashMap<&str, u32> {
    let mut counts = HashMap::new();
    for token in tokens {
        *counts.entry(token.as_str()).or_insert(0) += 1;
    }
    counts
}

/// One page by WCXB's metric.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct WordScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl WordScore {
    pub fn of(truth: &str, output: &str) -> WordScore {
        WordScore::of_tokens(&lower_tokens(truth), &lower_tokens(output))
    }

    /// An empty truth is a perfect page only for an empty output; an empty
    /// output (for a non-empty truth) is a zero page.
    pub fn of_tokens(truth: &[String], output: &[String]) -> WordScore {
        let all = |v: f64| WordScore {
            precision: v,
            recall: v,
            f1: v,
        };
        match (truth.is_empty(), output.is_empty()) {
            (true, true) => return all(1.0),
            (true, false) | (false, true) => return all(0.0),
            (false, false) => {}
        }
        let truth_bag = bag(truth);
        let overlap: u32 = bag(output)
            .iter()
            .map(|(word, &n)| n.min(truth_bag.get(word).copied().unwrap_or(0)))
            .sum();
        let precision = f64::from(overlap) / output.len() as f64;
        let recall = f64::from(overlap) / truth.len() as f64;
        let f1 = if overlap == 0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        WordScore {
            precision,
            recall,
            f1,
        }
    }
}

/// The set's numbers: means of the per-page ones (0 for no pages).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct WordSummary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl WordSummary {
    pub fn of<'a>(pages: impl IntoIterator<Item = &'a WordScore>) -> WordSummary {
        let (mut sum, mut n) = (WordSummary::default(), 0usize);
        for page in pages {
            sum.precision += page.precision;
            sum.recall += page.recall;
            sum.f1 += page.f1;
            n += 1;
        }
        if n == 0 {
            return sum;
        }
        let n = n as f64;
        WordSummary {
            precision: sum.precision / n,
            recall: sum.recall / n,
            f1: sum.f1 / n,
        }
    }
}

/// Runs of tokens of `text` that the bag of `other` does not account for, in
/// order: the missed words (text = truth) or the leaked ones (text = output).
/// Each word of `other` accounts for its earliest equal word of `text`.
pub fn unmatched_words(text: &[String], other: &[String]) -> Vec<Range<usize>> {
    let mut budget = bag(other);
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, token) in text.iter().enumerate() {
        match budget.get_mut(token.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => match runs.last_mut() {
                Some(last) if last.end == i => last.end = i + 1,
                _ => runs.push(i..i + 1),
            },
        }
    }
    runs
}

/// How many of a page's `with` snippets the output holds, and how many of its
/// `without` snippets it holds (leaked).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Snippets {
    pub with_found: usize,
    pub with: usize,
    pub without_leaked: usize,
    pub without: usize,
}

impl Snippets {
    /// Case-insensitive substring tests with whitespace runs collapsed on both
    /// sides, as WCXB checks them.
    pub fn of(meta: &Meta, output: &str) -> Snippets {
        let output = collapse(output);
        let found = |snippets: &[String]| {
            snippets
                .iter()
                .filter(|s| output.contains(&collapse(s)))
                .count()
        };
        Snippets {
            with_found: found(&meta.with),
            with: meta.with.len(),
            without_leaked: found(&meta.without),
            without: meta.without.len(),
        }
    }

    pub fn add(self, other: Snippets) -> Snippets {
        Snippets {
            with_found: self.with_found + other.with_found,
            with: self.with + other.with,
            without_leaked: self.without_leaked + other.without_leaked,
            without: self.without + other.without,
        }
    }

    /// Share of `with` snippets found; `None` when there are none.
    pub fn with_rate(&self) -> Option<f64> {
        (self.with > 0).then(|| self.with_found as f64 / self.with as f64)
    }

    /// Share of `without` snippets kept out; `None` when there are none.
    pub fn without_rate(&self) -> Option<f64> {
        (self.without > 0).then(|| 1.0 - self.without_leaked as f64 / self.without as f64)
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_are_lower_cased_word_runs() {
        assert_eq!(
            lower_tokens("The CAT, the cat's."),
            ["the", "cat", "the", "cat", "s"]
        );
        assert!(lower_tokens(" -- ").is_empty());
    }

    #[test]
    fn precision_and_recall_are_bag_overlaps() {
        // truth: a a b c (4); output: a b b d e (5); overlap: a 1 + b 1 = 2.
        let s = WordScore::of("a a b c", "A b b d e");
        assert!(close(s.precision, 2.0 / 5.0));
        assert!(close(s.recall, 2.0 / 4.0));
        // 2 * .4 * .5 / .9
        assert!(close(s.f1, 0.4 / 0.9));
    }

    #[test]
    fn order_does_not_matter() {
        let s = WordScore::of("one two three", "three, two; one!");
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn no_overlap_is_zero() {
        let s = WordScore::of("alpha beta", "gamma");
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn empty_sides() {
        let both = WordScore::of("", "...");
        assert_eq!((both.precision, both.recall, both.f1), (1.0, 1.0, 1.0));
        let no_truth = WordScore::of("", "leaked menu");
        assert_eq!(no_truth.f1, 0.0);
        let no_output = WordScore::of("the article", "");
        assert_eq!(
            (no_output.precision, no_output.recall, no_output.f1),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn the_summary_is_a_mean_of_pages_f1_included() {
        let pages = [
            WordScore::of("a b", "a b"),     // 1, 1, 1
            WordScore::of("a b c d", "a b"), // 1, .5, 2/3
            WordScore::of("a", ""),          // 0, 0, 0
        ];
        let s = WordSummary::of(&pages);
        assert!(close(s.precision, 2.0 / 3.0));
        assert!(close(s.recall, 0.5));
        assert!(close(s.f1, (1.0 + 2.0 / 3.0) / 3.0));
        assert_eq!(WordSummary::of(&[]), WordSummary::default());
    }

    #[test]
    fn unmatched_words_are_runs_in_order() {
        let truth = lower_tokens("home news the tide rose home");
        let output = lower_tokens("the tide rose home");
        // The one "home" of the output accounts for the first; the last is missed.
        assert_eq!(unmatched_words(&truth, &output), vec![1..2, 5..6]);
        assert!(unmatched_words(&output, &truth).is_empty());
        assert_eq!(unmatched_words(&truth, &[]), vec![0..6]);
    }

    #[test]
    fn snippets_match_without_case_or_spacing() {
        let meta = Meta {
            with: vec!["The Tide  rose".into(), "absent words".into()],
            without: vec!["Sign in".into(), "Cookie policy".into()],
            ..Meta::default()
        };
        let s = Snippets::of(&meta, "Home sign\nIN then the tide\trose at noon");
        assert_eq!(
            s,
            Snippets {
                with_found: 1,
                with: 2,
                without_leaked: 1,
                without: 2
            }
        );
        assert_eq!(s.with_rate(), Some(0.5));
        assert_eq!(s.without_rate(), Some(0.5));
        assert_eq!(Snippets::default().with_rate(), None);
    }
}
