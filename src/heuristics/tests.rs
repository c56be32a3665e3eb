//! The lists' stated rules, checked: a phrase that breaks one can never
//! match the text it is compared with, or is shadowed by another entry.

use super::*;
use crate::classify::label;
use crate::document::Boilerplate;
use crate::dom::normalize;
use std::collections::HashMap;

/// The first entry of `list` that appears twice, if any.
fn duplicate<'a>(list: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = std::collections::HashSet::new();
    list.into_iter().find(|&p| !seen.insert(p))
}

/// Phrases compared with normalized text (lowercased, whitespace collapsed):
/// written the same way, or they never match. `words` lists are compared
/// with a single word of that text, so they hold no space at all.
fn assert_phrases(name: &str, list: &[&str], words: bool) {
    for &p in list {
        assert!(!p.is_empty(), "{name}: an empty entry");
        assert_eq!(
            normalize(p),
            p,
            "{name}: {p:?} is not lowercase with single spaces"
        );
        assert!(!words || !p.contains(' '), "{name}: {p:?} is not one word");
    }
    assert_eq!(
        duplicate(list.iter().copied()),
        None,
        "{name}: listed twice"
    );
}

/// Class/id words: names are lowercased ASCII and never hold spaces, and
/// names that are not ASCII are not looked up at all.
fn assert_class_words(name: &str, list: &[&str]) {
    for &w in list {
        assert!(
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase()),
            "{name}: {w:?} is not a lowercase ASCII class word"
        );
    }
    assert_eq!(
        duplicate(list.iter().copied()),
        None,
        "{name}: listed twice"
    );
}

fn firsts<T: Copy, U>(list: &[(T, U)]) -> Vec<T> {
    list.iter().map(|&(p, _)| p).collect()
}

fn firsts3<T: Copy, U, V>(list: &[(T, U, V)]) -> Vec<T> {
    list.iter().map(|&(p, _, _)| p).collect()
}

#[test]
fn phrases_are_normalized_and_unique() {
    assert_phrases("RELATED_HEADINGS", RELATED_HEADINGS, false);
    assert_phrases("POPULAR_HEADINGS", POPULAR_HEADINGS, false);
    assert_phrases(
        "POPULAR_BOX_HEADING_PREFIXES",
        POPULAR_BOX_HEADING_PREFIXES,
        false,
    );
    assert_phrases("COMMENT_HEADINGS", COMMENT_HEADINGS, false);
    assert_phrases("RELATED_TERM_HEADINGS", RELATED_TERM_HEADINGS, false);
    assert_phrases("SHOP_POLICY_HEADINGS", SHOP_POLICY_HEADINGS, false);
    assert_phrases("SPONSORED_HEADING_MARKS", SPONSORED_HEADING_MARKS, false);
    assert_phrases(
        "TABLE_OF_CONTENTS_HEADINGS",
        TABLE_OF_CONTENTS_HEADINGS,
        false,
    );
    assert_phrases("BOILERPLATE_LINES", &firsts(BOILERPLATE_LINES), false);
    assert_phrases("UI_LABELS", &firsts(UI_LABELS), false);
    assert_phrases("DATE_LINE_LABELS", DATE_LINE_LABELS, false);
    assert_phrases("READING_TIME_PHRASES", READING_TIME_PHRASES, false);
    assert_phrases("FORUM_META_LABELS", FORUM_META_LABELS, false);
    assert_phrases("FORUM_META_LINES", FORUM_META_LINES, false);
    assert_phrases("RELATED_INLINE_PREFIXES", RELATED_INLINE_PREFIXES, false);
    assert_phrases("NEXT_STEPS_HEADINGS", NEXT_STEPS_HEADINGS, false);
    assert_phrases("PRODUCT_DETAIL_HEADINGS", PRODUCT_DETAIL_HEADINGS, false);
    assert_phrases("CREDIT_PREFIXES", CREDIT_PREFIXES, false);
    assert_phrases("CAPTION_PLACEHOLDERS", CAPTION_PLACEHOLDERS, false);
    assert_phrases("BYLINE_PREFIXES", BYLINE_PREFIXES, false);
    assert_phrases("AUTHOR_ROLES", AUTHOR_ROLES, false);
    assert_phrases("CART_PHRASES", CART_PHRASES, false);
    assert_phrases("CTA_PHRASES", CTA_PHRASES, false);
    assert_phrases("DOCS_PHRASES", DOCS_PHRASES, false);
}

/// Lists matched by a word-prefix of the text, any entry answering alike:
/// an entry that starts another at a word's end makes the other dead.
#[test]
fn no_prefix_matched_entry_starts_another() {
    for (name, list) in [
        ("PRODUCT_DETAIL_HEADINGS", PRODUCT_DETAIL_HEADINGS),
        ("DATE_LINE_LABELS", DATE_LINE_LABELS),
    ] {
        for a in list {
            for b in list {
                let dead = a != b
                    && b.strip_prefix(a)
                        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
                assert!(!dead, "{name}: {a:?} already matches {b:?}");
            }
        }
    }
}

#[test]
fn translated_phrases_match_in_each_language() {
    for heading in ["siehe auch", "zie ook", "plus de vidéos", "meer video's"] {
        assert_eq!(
            label(heading).map(|(kind, _)| kind),
            Some(Boilerplate::Related),
            "{heading}"
        );
    }
    for heading in [
        "ficha técnica",
        "scheda tecnica",
        "omschrijving",
        "detalhes",
    ] {
        assert!(crate::classify::names_product_detail(heading), "{heading}");
    }
}

#[test]
fn words_are_single_lowercase_words() {
    assert_phrases("NOT_NAME_WORDS", NOT_NAME_WORDS, true);
    assert_phrases("NAME_JOINERS", NAME_JOINERS, true);
    for (name, list) in [
        ("URL_ARTICLE", URL_ARTICLE),
        ("URL_FORUM", URL_FORUM),
        ("URL_PRODUCT", URL_PRODUCT),
        ("URL_COLLECTION", URL_COLLECTION),
        ("URL_LISTING", URL_LISTING),
        ("URL_DOCS", URL_DOCS),
        ("URL_SERVICE", URL_SERVICE),
        ("POST_CLASS_PARTS", POST_CLASS_PARTS),
    ] {
        assert_phrases(name, list, true);
    }
    assert_phrases("MONTH_NAMES", &firsts(MONTH_NAMES), true);
    assert_phrases("ZONE_NAMES", &firsts(ZONE_NAMES), true);
    assert_phrases("GENERIC_HOST_LABELS", GENERIC_HOST_LABELS, true);
    assert_phrases("ARCHIVE_PATH_SEGMENTS", ARCHIVE_PATH_SEGMENTS, true);
    assert_phrases("TRACKING_QUERY_PREFIXES", TRACKING_QUERY_PREFIXES, true);
    assert_phrases("SEARCH_QUERY_KEYS", SEARCH_QUERY_KEYS, true);
    // Keys and attribute names arrive lowercased (the page scan lowercases
    // meta keys; the parser, attribute names).
    assert_phrases("AUTHOR_METAS", AUTHOR_METAS, true);
    assert_phrases("PUBLISHED_METAS", PUBLISHED_METAS, true);
    assert_phrases("MODIFIED_METAS", MODIFIED_METAS, true);
    assert_phrases("IMAGE_METAS", IMAGE_METAS, true);
    assert_phrases("DESCRIPTION_METAS", DESCRIPTION_METAS, true);
    assert_phrases("IMAGE_SOURCE_ATTRIBUTES", IMAGE_SOURCE_ATTRIBUTES, true);
}

#[test]
fn ascii_case_comparisons_list_ascii() {
    // Compared with `eq_ignore_ascii_case`: a non-ASCII letter would only
    // match in the one case it is written in.
    for (name, list) in [
        ("BYLINE_PREFIXES", BYLINE_PREFIXES),
        ("NAME_JOINERS", NAME_JOINERS),
        ("BYLINE_CLASSES", BYLINE_CLASSES),
    ] {
        for p in list {
            assert!(p.is_ascii(), "{name}: {p:?} is not ASCII");
        }
    }
}

#[test]
fn class_words_are_lowercase_ascii_and_unique() {
    assert_class_words("CLASS_WORDS", &firsts3(CLASS_WORDS));
    assert_class_words("PAGE_CLASS_WORDS", &firsts(PAGE_CLASS_WORDS));
    assert_class_words("PRODUCT_CLASS_WORDS", &firsts(PRODUCT_CLASS_WORDS));
    assert_class_words("ITEMS_CLASS_WORDS", &firsts(ITEMS_CLASS_WORDS));
    assert_class_words("ARTICLE_CLASS_WORDS", &firsts(ARTICLE_CLASS_WORDS));
    assert_class_words("PANEL_CLASS_WORDS", PANEL_CLASS_WORDS);
    assert_class_words("TAB_PANEL_CLASS_WORDS", TAB_PANEL_CLASS_WORDS);
    assert_class_words("QUESTIONS_CLASS_WORDS", QUESTIONS_CLASS_WORDS);
    assert_class_words("EMBED_WORDS", EMBED_WORDS);
    assert_class_words("CONTENT_WORDS", CONTENT_WORDS);
    assert_class_words("CAPTION_CLASS_WORDS", CAPTION_CLASS_WORDS);
    assert_class_words("CREDIT_CLASS_WORDS", CREDIT_CLASS_WORDS);
    assert_class_words("FIGURE_CLASS_WORDS", FIGURE_CLASS_WORDS);
    assert_class_words("BYLINE_CLASSES", BYLINE_CLASSES);
    assert_class_words("HEADING_LEVEL_CLASS_WORDS", HEADING_LEVEL_CLASS_WORDS);
    assert_class_words("BOLD_CLASS_WORDS", BOLD_CLASS_WORDS);
    assert_class_words("LINE_BREAK_CLASS_WORDS", LINE_BREAK_CLASS_WORDS);
    assert_class_words("HEADLINE_ASIDE_CLASS_WORDS", HEADLINE_ASIDE_CLASS_WORDS);
    assert_class_words("FOREIGN_BYLINE_CONTAINERS", FOREIGN_BYLINE_CONTAINERS);
    assert_class_words("HAVING_WORDS", HAVING_WORDS);
    assert_class_words("REGION_WORDS", REGION_WORDS);
    assert_class_words("LAYOUT_WORDS", LAYOUT_WORDS);
    assert_class_words("FINE_PRINT_WORDS", FINE_PRINT_WORDS);
    assert_class_words("POPUP_WORDS", POPUP_WORDS);
    assert_class_words("MODIFIED_DATE_CLASSES", MODIFIED_DATE_CLASSES);
    assert_class_words("PUBLISHED_DATE_CLASSES", PUBLISHED_DATE_CLASSES);
    // One index holds the boilerplate, content and embed words: a word in
    // two of them would silently mean only one thing.
    let all: Vec<&str> = firsts3(CLASS_WORDS)
        .into_iter()
        .chain(CONTENT_WORDS.iter().copied())
        .chain(EMBED_WORDS.iter().copied())
        .chain(firsts(PRODUCT_CLASS_WORDS))
        .chain(firsts(ITEMS_CLASS_WORDS))
        .chain(firsts(ARTICLE_CLASS_WORDS))
        .collect();
    assert_eq!(duplicate(all), None, "a class word with two meanings");
    // A date class fragment says one thing: published or modified.
    for m in MODIFIED_DATE_CLASSES {
        for p in PUBLISHED_DATE_CLASSES {
            assert!(!m.contains(p) && !p.contains(m), "{m:?} and {p:?} overlap");
        }
    }
}

/// Every label phrase with the kind it names.
fn labels() -> Vec<(&'static str, Boilerplate)> {
    let headings = [
        (RELATED_HEADINGS, Boilerplate::Related),
        (COMMENT_HEADINGS, Boilerplate::Comments),
        (POPULAR_HEADINGS, Boilerplate::Navigation),
    ];
    UI_LABELS
        .iter()
        .copied()
        .chain(BOILERPLATE_LINES.iter().copied())
        .chain(
            headings
                .into_iter()
                .flat_map(|(list, kind)| list.iter().map(move |&p| (p, kind))),
        )
        .collect()
}

#[test]
fn no_phrase_names_two_kinds() {
    let mut kinds: HashMap<&str, Boilerplate> = HashMap::new();
    for (phrase, kind) in labels() {
        let first = *kinds.entry(phrase).or_insert(kind);
        assert_eq!(first, kind, "{phrase:?} is listed under two kinds");
    }
    // Lines that start a block in the body say one thing each.
    let starts: Vec<&str> = RELATED_INLINE_PREFIXES
        .iter()
        .chain(CREDIT_PREFIXES)
        .chain(BYLINE_PREFIXES)
        .copied()
        .collect();
    assert_eq!(duplicate(starts), None, "a line prefix of two kinds");
    for key in PUBLISHED_METAS {
        assert!(!MODIFIED_METAS.contains(key), "{key:?} is both dates");
    }
}

#[test]
fn every_label_reads_as_its_own_kind() {
    // Matching goes UI labels, boilerplate lines, then related, comment and
    // popular headings, and a phrase also matches the start of a heading:
    // an earlier entry of another kind must not swallow a later one.
    for (phrase, kind) in labels() {
        assert_eq!(
            label(phrase).map(|(kind, _)| kind),
            Some(kind),
            "{phrase:?} reads as another kind"
        );
    }
    for (p, _) in BOILERPLATE_LINES {
        assert!(
            p.chars().count() <= BOILERPLATE_LINE_MAX_CHARS,
            "{p:?} is too long to match"
        );
    }
}

#[test]
fn headings_survive_their_cleaning() {
    // Before a heading is compared, digits and brackets ("12 Comments",
    // "Comments (3)") and trailing punctuation go: a phrase holding them
    // never matches, and one longer than a heading is never compared.
    for p in RELATED_HEADINGS
        .iter()
        .chain(COMMENT_HEADINGS)
        .chain(POPULAR_HEADINGS)
    {
        assert!(
            !p.chars()
                .any(|c| c.is_ascii_digit() || "()[]【】".contains(c)),
            "{p:?} holds what headings are stripped of"
        );
        assert!(
            !p.ends_with([':', '.', '!', '»', '›', '…', ' ']),
            "{p:?} ends with what headings are stripped of"
        );
        assert!(
            p.chars().count() <= HEADING_MAX_CHARS,
            "{p:?} is too long to be a heading"
        );
    }
}

#[test]
fn credit_prefixes_survive_their_cleaning() {
    // A caption's opening brackets are dropped before the prefixes are
    // compared ("(Photo: Agency)"). "(c)" is the one known exception (see
    // its comment in the list): making it match would drop text kept today.
    for p in CREDIT_PREFIXES.iter().filter(|&&p| p != "(c)") {
        assert!(
            !p.starts_with(['(', '[']),
            "{p:?} starts with a dropped bracket"
        );
    }
}

#[test]
fn longer_entries_come_first_where_order_decides() {
    // The first byline prefix that matches is stripped: "authors" before "author".
    for (i, short) in BYLINE_PREFIXES.iter().enumerate() {
        for long in &BYLINE_PREFIXES[i + 1..] {
            assert!(
                !long.starts_with(short),
                "{long:?} must come before {short:?}"
            );
        }
    }
    // Title separators are found in list order where one contains another.
    for (i, short) in TITLE_SEPARATORS.iter().enumerate() {
        for long in &TITLE_SEPARATORS[i + 1..] {
            assert!(!long.contains(short), "{long:?} must come before {short:?}");
        }
    }
}

#[test]
fn title_separators_carry_their_spaces() {
    // Exempt from the whitespace rule by design: a separator is a
    // punctuation mark between spaces, so a hyphen inside a word is none.
    for s in TITLE_SEPARATORS {
        let mark = s.strip_prefix(' ').and_then(|m| m.strip_suffix(' '));
        assert!(
            mark.is_some_and(|m| !m.is_empty() && !m.contains(char::is_whitespace)),
            "{s:?} is not one mark between single spaces"
        );
    }
    assert_eq!(duplicate(TITLE_SEPARATORS.iter().copied()), None);
    for s in TITLE_SITE_SEPARATORS {
        assert!(TITLE_SEPARATORS.contains(s), "{s:?} is no title separator");
    }
}

#[test]
fn jsonld_types_are_schema_org_names() {
    // Exempt from the lowercase rule by design: compared case-sensitively,
    // as schema.org spells its types.
    for t in JSONLD_ARTICLE_TYPES {
        assert!(t.bytes().all(|b| b.is_ascii_alphanumeric()), "{t:?}");
        assert!(
            !t.ends_with("Article"),
            "{t:?} counts already, ending in Article"
        );
    }
    assert_eq!(duplicate(JSONLD_ARTICLE_TYPES.iter().copied()), None);
}

#[test]
fn the_class_word_index_says_which_words_name_an_ad_outright() {
    for &(word, _, _) in CLASS_WORDS {
        let listed = CLASS_WORDS
            .iter()
            .any(|&(w, k, s)| w == word && k == Boilerplate::Ads && s == Strength::Strong);
        assert_eq!(crate::classify::is_strong_ad_word(word), listed, "{word}");
    }
}

#[test]
fn tooltip_words_are_popup_words() {
    for w in TOOLTIP_WORDS {
        assert!(POPUP_WORDS.contains(w), "{w} is not in POPUP_WORDS");
    }
}
