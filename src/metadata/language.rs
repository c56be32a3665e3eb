//! The page's primary language: declared (`<html lang>`, meta, `og:locale`) or detected.

use crate::heuristics::{LANGUAGE_DETECT_MIN_CHARS, LANGUAGE_DETECT_TEXT_BYTES};
use scraper::{ElementRef, Html, Node};

/// Elements whose text a reader never sees.
const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "head", "title",
];

/// Primary subtag of a declared language tag: `en-US` → `en`, `de_DE` → `de`,
/// `fr, en` → `fr`. `None` for what is not a language (`x-default`, `und`, `*`).
pub(super) fn primary_subtag(tag: &str) -> Option<String> {
    let first = tag.split(',').next()?.trim();
    let primary = first.split(['-', '_']).next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Codes that name no language, and withdrawn codes browsers still see.
    let code = match primary.as_str() {
        "und" | "mul" | "zxx" | "mis" => return None,
        "iw" => "he",
        "in" => "id",
        "ji" => "yi",
        other => other,
    };
    Some(code.to_owned())
}

/// Detects the language of `text`, the page's extracted content; of all the
/// visible body text when the content is too short to tell. Only when the
/// detector is confident.
pub(super) fn detect(text: &str, html: &Html) -> Option<String> {
    let text = if letters(text) >= LANGUAGE_DETECT_MIN_CHARS {
        text
    } else {
        &visible_text(html)
    };
    if letters(text) < LANGUAGE_DETECT_MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(head(text, LANGUAGE_DETECT_TEXT_BYTES))?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang()).map(str::to_owned)
}

/// Letters in `text`, counted up to the detector's minimum.
fn letters(text: &str) -> usize {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .take(LANGUAGE_DETECT_MIN_CHARS)
        .count()
}

/// The first `max` bytes of `text`, cut back to a character boundary.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Text of the body a reader sees, bounded, one space between text nodes.
fn visible_text(html: &Html) -> String {
    let mut out = String::new();
    let body = html
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body");
    let Some(body) = body else {
        return out;
    };
    for node in body.descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let hidden = node
            .parent()
            .and_then(|p| {
                p.value()
                    .as_element()
                    .map(|e| INVISIBLE.contains(&e.name()))
            })
            .unwrap_or(false);
        if hidden || t.trim().is_empty() {
            continue;
        }
        out.push_str(t.trim());
        out.push(' ');
        if out.len() >= LANGUAGE_DETECT_TEXT_BYTES {
            break;
        }
    }
    out
}

/// The detector names languages in ISO 639-3; the contract wants 639-1 where one exists.
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_subtags() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("DE_de").as_deref(), Some("de"));
        assert_eq!(primary_subtag(" fr, en").as_deref(), Some("fr"));
        assert_eq!(primary_subtag("iw").as_deref(), Some("he"));
        assert_eq!(primary_subtag("x-default"), None);
        assert_eq!(primary_subtag("und"), None);
        assert_eq!(primary_subtag(""), None);
        assert_eq!(primary_subtag("english"), None);
    }

    #[test]
    fn detects_confident_languages_from_visible_text() {
        let de = Html::parse_document(
            "<body><script>var englishWords = 'the and of';</script><p>Die Bundesregierung \
             hat am Mittwoch beschlossen, dass die neuen Regeln für den Wohnungsbau ab dem \
             kommenden Jahr gelten sollen. Kritiker bemängeln, dass die Kommunen dafür \
             nicht genug Geld bekommen.</p></body>",
        );
        assert_eq!(detect("", &de).as_deref(), Some("de"));
        let en = Html::parse_document(
            "<p>The harbour master published the spring tide tables on Monday, with the \
             highest water expected in the second week of April.</p>",
        );
        assert_eq!(detect("", &en).as_deref(), Some("en"));
    }

    #[test]
    fn the_content_is_read_not_the_menus_around_it() {
        // An English site shell around a German article.
        let html = Html::parse_document(
            "<body><nav>Sign in to read the latest news from around the world, with \
             sport, weather and business, and subscribe to our newsletters for the \
             stories you care about most.</nav><p>…</p></body>",
        );
        let content = "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln \
            für den Wohnungsbau ab dem kommenden Jahr gelten sollen.";
        assert_eq!(detect(content, &html).as_deref(), Some("de"));
        assert_eq!(detect("", &html).as_deref(), Some("en"));
    }

    #[test]
    fn the_head_is_cut_on_a_character_boundary() {
        assert_eq!(head("Grüße", 3), "Gr");
        assert_eq!(head("Grüße", 4), "Grü");
        assert_eq!(head("abc", 10), "abc");
    }

    #[test]
    fn too_little_text_is_not_guessed() {
        let html = Html::parse_document("<p>Hallo Welt</p>");
        assert_eq!(detect("Hallo Welt", &html), None);
    }

    #[test]
    fn every_detectable_language_maps_to_a_code() {
        for lang in whatlang::Lang::all() {
            assert_eq!(iso639_1(*lang).map(str::len), Some(2), "{lang:?}");
        }
    }
}
