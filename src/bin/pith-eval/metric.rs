//! The benchmark's own metric, ported from scrapinghub/article-extraction-benchmark's
//! `evaluate.py` so that our numbers compare with the ones it publishes.
//!
//! A text is cut into `\w+` tokens, the tokens into overlapping 4-token shingles
//! counted as a multiset, and one page's true and predicted multisets give its
//! TP/FP/FN, normalised to sum to 1. Precision and recall are averaged over pages
//! (each over the pages where it is defined); F1 is the harmonic mean of those two
//! averages. Accuracy is the share of pages whose token sequences are identical.
//! `docs/accuracy.md` states every edge case and where it comes from.

use std::collections::HashMap;

use unicode_general_category::{GeneralCategory, get_general_category};

/// Shingle length of the benchmark (`ngram_n=4`).
pub const SHINGLE_LEN: usize = 4;

/// Whether `c` is a word character of Python's `re` (`\w` on a `str` pattern):
/// a letter (Lu, Ll, Lt, Lm, Lo), a number (Nd, Nl, No) or `_`.
///
/// Not `char::is_alphanumeric`: that also takes `Other_Alphabetic` (combining
/// vowel signs and harakat, circled letters), which Python's `\w` splits on, so
/// Arabic and Devanagari words would tokenise differently from the benchmark.
pub fn is_word_char(c: char) -> bool {
    use GeneralCategory::*;
    c == '_'
        || matches!(
            get_general_category(c),
            UppercaseLetter
                | LowercaseLetter
                | TitlecaseLetter
                | ModifierLetter
                | OtherLetter
                | DecimalNumber
                | LetterNumber
                | OtherNumber
        )
}

/// Text as a reader sees it, for comparing: composed to Unicode NFC, with the
/// characters a browser draws as nothing (soft hyphen, zero-width space, word
/// joiner, byte-order mark) removed. Applied alike to the truth and to every
/// extractor's output, so canonically equal texts score equal: in decomposed
/// (NFD) text `\w+` splits each word at its combining accents, and a soft
/// hyphen splits a word the page shows whole.
pub fn comparable(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];
    const NFC: icu_normalizer::ComposingNormalizerBorrowed<'static> =
        icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let visible = if text.contains(INVISIBLE) {
        Cow::Owned(text.replace(INVISIBLE, ""))
    } else {
        Cow::Borrowed(text)
    };
    match NFC.normalize(&visible) {
        Cow::Borrowed(_) => visible,
        Cow::Owned(composed) => Cow::Owned(composed),
    }
}

/// `re.findall(r'\w+', text)`: maximal runs of word characters, case kept.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

/// Start positions of the shingles of `tokens`: every window of
/// [`SHINGLE_LEN`] tokens, or one shingle of all tokens when there are fewer
/// (the benchmark's `range(max(1, len - n + 1))`), and none for no tokens.
pub fn shingle_starts(token_count: usize) -> std::ops::Range<usize> {
    if token_count == 0 {
        0..0
    } else {
        0..token_count.saturating_sub(SHINGLE_LEN - 1).max(1)
    }
}

/// The shingle starting at token `start` (shorter than 4 only for short texts).
pub fn shingle<'t, 's>(tokens: &'s [&'t str], start: usize) -> &'s [&'t str] {
    &tokens[start..(start + SHINGLE_LEN).min(tokens.len())]
}

/// The multiset of shingles (the benchmark's `Counter`).
pub type Shingles<'s, 't> = HashMap<&'s [&'t str], u32>;

pub fn shingles<'s, 't>(tokens: &'s [&'t str]) -> Shingles<'s, 't> {
    let mut counts = HashMap::new();
    for start in shingle_starts(tokens.len()) {
        *counts.entry(shingle(tokens, start)).or_insert(0) += 1;
    }
    counts
}

/// One page's shingle matching, normalised so that TP + FP + FN = 1 (or all 0
/// when both texts have no tokens): a long article weighs no more than a short one.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Matching {
    pub tp: f64,
    pub fp: f64,
    #[serde(rename = "fn")]
    pub fn_: f64,
}

impl Matching {
    /// Counts divided by their sum, so every page weighs the same; all zero
    /// when there is nothing to count.
    pub fn normalised(tp: f64, fp: f64, fn_: f64) -> Matching {
        let sum = tp + fp + fn_;
        if sum == 0.0 {
            return Matching {
                tp: 0.0,
                fp: 0.0,
                fn_: 0.0,
            };
        }
        Matching {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    }

    /// Multiset intersection of the two shingle counts, as in `string_shingle_matching`.
    pub fn of(truth: &[&str], pred: &[&str]) -> Matching {
        let truth = shingles(truth);
        let pred = shingles(pred);
        let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
        for (key, &t) in &truth {
            let p = pred.get(key).copied().unwrap_or(0);
            tp += u64::from(t.min(p));
            fn_ += u64::from(t.saturating_sub(p));
        }
        for (key, &p) in &pred {
            fp += u64::from(p.saturating_sub(truth.get(key).copied().unwrap_or(0)));
        }
        Matching::normalised(tp as f64, fp as f64, fn_ as f64)
    }

    /// `precision_score`: 1 when nothing is wrong (also when both texts are
    /// empty), 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// `recall_score`: 1 when nothing is wrong, 0 when the truth is empty and
    /// the prediction is not.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// Whether this page enters the precision average (`tp + fp > 0`): a page
    /// with an empty prediction does not.
    pub fn counts_for_precision(&self) -> bool {
        self.tp + self.fp > 0.0
    }

    /// Whether this page enters the recall average (`tp + fn > 0`): a page
    /// with an empty ground truth does not.
    pub fn counts_for_recall(&self) -> bool {
        self.tp + self.fn_ > 0.0
    }

    /// One page's F1, for ranking pages only; the benchmark's F1 is over averages.
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }
}

/// `get_accuracy`: the two token sequences are identical.
pub fn exact(truth: &[&str], pred: &[&str]) -> bool {
    truth == pred
}

/// One page's score.
#[derive(Debug, Clone, Copy)]
pub struct PageScore {
    pub matching: Matching,
    pub exact: bool,
}

impl PageScore {
    pub fn of(truth: &str, pred: &str) -> PageScore {
        let truth = tokenize(truth);
        let pred = tokenize(pred);
        PageScore {
            matching: Matching::of(&truth, &pred),
            exact: exact(&truth, &pred),
        }
    }
}

/// Runs of tokens of `text` that lie in shingles not matched in `other`, as
/// token index ranges in order: what was missed (text = truth, other =
/// prediction) or what leaked (the reverse). Repeated shingles match as a
/// multiset, earliest occurrences first.
pub fn unmatched_runs(text: &[&str], other: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut budget = shingles(other);
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for start in shingle_starts(text.len()) {
        let key = shingle(text, start);
        match budget.get_mut(key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                let end = start + key.len();
                match runs.last_mut() {
                    Some(last) if last.end >= start => last.end = end,
                    _ => runs.push(start..end),
                }
            }
        }
    }
    runs
}

/// The benchmark's summary over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

impl Summary {
    /// `metrics_from_tp_fp_fns` plus the mean accuracy. Where no page qualifies
    /// for an average the benchmark raises; we report 0 instead.
    pub fn of<'a>(pages: impl IntoIterator<Item = &'a PageScore> + Clone) -> Summary {
        let precision = mean(
            pages
                .clone()
                .into_iter()
                .filter(|p| p.matching.counts_for_precision())
                .map(|p| p.matching.precision()),
        );
        let recall = mean(
            pages
                .clone()
                .into_iter()
                .filter(|p| p.matching.counts_for_recall())
                .map(|p| p.matching.recall()),
        );
        let accuracy = mean(pages.into_iter().map(|p| if p.exact { 1.0 } else { 0.0 }));
        Summary {
            precision,
            recall,
            f1: harmonic_mean(precision, recall),
            accuracy,
        }
    }
}

/// Bootstrap standard deviations of the summary, as the benchmark prints them
/// (`± std`): resample the pages with replacement `rounds` times.
pub fn bootstrap_std(pages: &[PageScore], rounds: usize, seed: u64) -> Option<Summary> {
    if rounds < 2 || pages.is_empty() {
        return None;
    }
    let mut rng = SplitMix64(seed);
    let mut samples = Vec::with_capacity(rounds);
    let mut drawn = Vec::with_capacity(pages.len());
    for _ in 0..rounds {
        drawn.clear();
        drawn.extend((0..pages.len()).map(|_| &pages[rng.below(pages.len())]));
        samples.push(Summary::of(drawn.iter().copied()));
    }
    let std = |field: fn(&Summary) -> f64| sample_std(samples.iter().map(field));
    Some(Summary {
        precision: std(|s| s.precision),
        recall: std(|s| s.recall),
        f1: std(|s| s.f1),
        accuracy: std(|s| s.accuracy),
    })
}

fn harmonic_mean(a: f64, b: f64) -> f64 {
    if a + b == 0.0 {
        0.0
    } else {
        2.0 * a * b / (a + b)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// `statistics.stdev`: the sample standard deviation (n - 1).
fn sample_std(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let n = values.clone().count();
    if n < 2 {
        return 0.0;
    }
    let m = mean(values.clone());
    let ss: f64 = values.map(|v| (v - m) * (v - m)).sum();
    (ss / (n - 1) as f64).sqrt()
}

/// A small fixed-seed generator: the bootstrap must give the same numbers on
/// every run, and needs no cryptographic quality.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (the modulo bias is negligible for a few hundred pages).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(truth: &str, pred: &str) -> PageScore {
        PageScore::of(truth, pred)
    }

    #[test]
    fn tokens_are_word_runs_with_case_kept() {
        assert_eq!(
            tokenize("Hello, World! it's 2019_v2 — ok"),
            ["Hello", "World", "it", "s", "2019_v2", "ok"]
        );
        assert_eq!(tokenize(""), Vec::<&str>::new());
        assert_eq!(tokenize(" \n\t.,;"), Vec::<&str>::new());
    }

    #[test]
    fn texts_compare_as_a_reader_sees_them() {
        // NFD `ü` and a soft hyphen: tokenised raw, both split the word.
        let page = "Su\u{308}d\u{ad}tirol";
        assert_eq!(tokenize(page), ["Su", "d", "tirol"]);
        assert_eq!(tokenize(&comparable(page)), ["S\u{fc}dtirol"]);
        assert!(matches!(
            comparable("plain"),
            std::borrow::Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn tokens_cover_all_scripts_and_numbers() {
        assert_eq!(tokenize("Größe naïve"), ["Größe", "naïve"]);
        assert_eq!(tokenize("日本語のテキスト。次"), ["日本語のテキスト", "次"]);
        assert_eq!(tokenize("Привет мир"), ["Привет", "мир"]);
        // No (other number) and Nl (letter number) are word characters in Python.
        assert_eq!(tokenize("½ Ⅻ"), ["½", "Ⅻ"]);
    }

    #[test]
    fn combining_marks_split_words_as_in_python() {
        // Python: re.findall(r'\w+', 'e\u0301t\u00e9') == ['e', 't\u00e9'];
        // a decomposed accent is Mn, not \w.
        assert_eq!(tokenize("e\u{301}t\u{e9}"), ["e", "t\u{e9}"]);
        // Arabic harakat (Mn, Other_Alphabetic) split too, unlike is_alphanumeric.
        assert_eq!(tokenize("كَتَب"), ["ك", "ت", "ب"]);
        // Circled letters are So: not words.
        assert_eq!(tokenize("Ⓐb"), ["b"]);
    }

    #[test]
    fn shingles_are_overlapping_windows_of_four() {
        let t = tokenize("a b c d e f");
        let s: Vec<_> = shingle_starts(t.len()).map(|i| shingle(&t, i)).collect();
        assert_eq!(
            s,
            [
                ["a", "b", "c", "d"],
                ["b", "c", "d", "e"],
                ["c", "d", "e", "f"]
            ]
        );
    }

    #[test]
    fn short_texts_are_one_shingle_and_empty_texts_none() {
        let t = tokenize("just three words");
        assert_eq!(shingles(&t).into_iter().collect::<Vec<_>>(), [(&t[..], 1)]);
        let four = tokenize("exactly four words here");
        assert_eq!(shingles(&four).len(), 1);
        assert!(shingles(&[]).is_empty());
    }

    #[test]
    fn shingles_are_a_multiset() {
        let t = tokenize("a b c d a b c d");
        let s = shingles(&t);
        assert_eq!(s[&["a", "b", "c", "d"][..]], 2);
        assert_eq!(s.values().sum::<u32>(), 5);
        // A prediction holding the repeated shingle once gets one of the two.
        let m = Matching::of(&t, &tokenize("a b c d"));
        assert_eq!((m.tp, m.fp, m.fn_), (1.0 / 5.0, 0.0, 4.0 / 5.0));
    }

    #[test]
    fn identical_texts_score_one_and_are_exact() {
        let p = page("The quick brown fox jumps.", "The quick brown fox jumps");
        assert_eq!(p.matching.precision(), 1.0);
        assert_eq!(p.matching.recall(), 1.0);
        assert!(p.exact);
    }

    #[test]
    fn case_matters() {
        let p = page("The quick brown fox", "the quick brown fox");
        assert_eq!(p.matching.recall(), 0.0);
        assert!(!p.exact);
    }

    #[test]
    fn partial_overlap_is_normalised() {
        // truth: abcd bcde (2 shingles); pred: bcde cdef (2 shingles): one shared.
        let p = page("a b c d e", "b c d e f");
        let m = p.matching;
        assert_eq!((m.tp, m.fp, m.fn_), (1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0));
        assert_eq!(m.precision(), 0.5);
        assert_eq!(m.recall(), 0.5);
        assert_eq!(m.f1(), 0.5);
    }

    #[test]
    fn empty_prediction_scores_zero_recall_and_skips_precision() {
        let m = page("some real article text", "").matching;
        assert_eq!((m.tp, m.fp, m.fn_), (0.0, 0.0, 1.0));
        assert_eq!(m.precision(), 0.0);
        assert_eq!(m.recall(), 0.0);
        assert!(!m.counts_for_precision());
        assert!(m.counts_for_recall());
    }

    #[test]
    fn empty_truth_scores_zero_precision_and_skips_recall() {
        let m = page("", "leaked text").matching;
        assert_eq!(m.precision(), 0.0);
        assert_eq!(m.recall(), 0.0);
        assert!(m.counts_for_precision());
        assert!(!m.counts_for_recall());
    }

    #[test]
    fn both_empty_is_exact_and_in_neither_average() {
        let p = page("", " ... ");
        assert_eq!(p.matching.precision(), 1.0);
        assert_eq!(p.matching.recall(), 1.0);
        assert!(!p.matching.counts_for_precision());
        assert!(!p.matching.counts_for_recall());
        assert!(p.exact);
    }

    #[test]
    fn unmatched_runs_show_missed_and_leaked_tokens() {
        let truth = tokenize("a b c d e f g h");
        let pred = tokenize("menu a b c d e f");
        // Missed: the shingles ending in g and h cover d..h.
        assert_eq!(unmatched_runs(&truth, &pred), vec![3..8]);
        // Leaked: only the shingle starting at "menu".
        assert_eq!(unmatched_runs(&pred, &truth), vec![0..4]);
        assert!(unmatched_runs(&truth, &truth).is_empty());
        assert_eq!(unmatched_runs(&truth, &[]), vec![0..8]);
        assert!(unmatched_runs(&[], &truth).is_empty());
    }

    #[test]
    fn unmatched_runs_count_repeats() {
        let truth = tokenize("a b c d x a b c d");
        let pred = tokenize("a b c d");
        assert_eq!(unmatched_runs(&truth, &pred), vec![1..9]);
    }

    #[test]
    fn summary_averages_pages_then_takes_the_harmonic_mean() {
        let pages = [
            page("a b c d e", "a b c d e"), // P 1, R 1, exact
            page("a b c d e", "b c d e f"), // P .5, R .5
            page("a b c d e", ""),          // R 0, not in P
        ];
        let s = Summary::of(&pages);
        assert_eq!(s.precision, 0.75);
        assert_eq!(s.recall, 0.5);
        assert!((s.f1 - 0.6).abs() < 1e-12);
        assert!((s.accuracy - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn summary_of_nothing_is_zero() {
        let s = Summary::of(&[]);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (0.0, 0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn bootstrap_is_deterministic_and_zero_for_identical_pages() {
        let same = vec![page("a b c d e", "a b c d e"); 20];
        let std = bootstrap_std(&same, 100, 1).unwrap();
        assert_eq!(std.f1, 0.0);
        let mixed: Vec<_> = (0..20)
            .map(|i| {
                page(
                    "a b c d e",
                    if i % 2 == 0 { "a b c d e" } else { "b c d e f" },
                )
            })
            .collect();
        let a = bootstrap_std(&mixed, 100, 7).unwrap();
        assert_eq!(Some(a), bootstrap_std(&mixed, 100, 7));
        assert!(a.f1 > 0.0);
        assert_eq!(bootstrap_std(&mixed, 0, 7), None);
    }
}
