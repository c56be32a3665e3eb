//! The headline as a reader sees it, without the ` | Site Name` tail of `<title>`.
//!
//! Candidates, in order: `og:title`, `twitter:title`, the JSON-LD headline, the article's
//! `h1`, `<title>`. The `h1` is what a reader actually sees, so a candidate that agrees
//! with it (as given, or once its site-name tail is gone) wins outright; otherwise a
//! single `h1` inside the article or main content wins (social titles are often
//! rewritten), then the page's only `h1` wherever it sits (unless it is the site's
//! name or a link home), then the first metadata candidate, then any headline `h1`,
//! then `<title>`.

use super::page::Heading;
use crate::heuristics::{
    GENERIC_HOST_LABELS, POPULAR_HEADINGS, SITE_NAME_MAX_WORDS, TITLE_MAX_BYTES, TITLE_SEPARATORS,
    TITLE_SITE_SEPARATORS,
};

/// What we know of the site, to recognise its name in a title.
#[derive(Default)]
pub(super) struct Site<'a> {
    pub name: Option<&'a str>,
    pub host: Option<&'a str>,
}

/// How boldly to drop a trailing segment nobody can tell is the site name.
#[derive(Clone, Copy, PartialEq)]
enum Guess {
    /// Only a recognised site name goes.
    Never,
    /// A shorter tail after ` | `, ` :: `, ` · `, ` • ` goes too.
    SiteSeparators,
    /// A shorter tail after any separator goes too (for `<title>`).
    Any,
}

pub(super) struct Candidates<'a> {
    /// `og:title`, `twitter:title`, JSON-LD headline: whichever exist, in that order.
    pub metas: Vec<String>,
    pub h1s: &'a [Heading],
    /// `h2`s outside navigation (gathered only when an `h1` is in it).
    pub h2s: &'a [Heading],
    pub title_tag: Option<String>,
}

pub(super) fn choose(c: &Candidates, site: &Site) -> Option<String> {
    let metas: Vec<&str> = c
        .metas
        .iter()
        .map(String::as_str)
        .filter(|m| m.len() <= TITLE_MAX_BYTES)
        .collect();
    let title_tag = c
        .title_tag
        .as_deref()
        .filter(|t| t.len() <= TITLE_MAX_BYTES);
    // What `<title>` drops as the site's name ("Traits - The Rust Book"):
    // an h1 that says only that is the site's name too.
    let title_site = title_tag.and_then(|t| dropped_site(t, site));
    let is_site = |s: &str| {
        let s = norm(s);
        site.name.is_some_and(|n| norm(n) == s) || title_site.as_ref().is_some_and(|t| *t == s)
    };
    let cands: Vec<&str> = metas.iter().copied().chain(title_tag).collect();
    // 0. An h1 in a breadcrumb or menu names the page's place in the site
    // (often the SEO title); the headline a reader sees is then the first h2
    // outside it that the metadata agrees with, read as the page's h1.
    let stand_in = breadcrumb_stand_in(c, &cands, site);
    let all_h1s: &[Heading] = stand_in.as_deref().unwrap_or(c.h1s);
    let h1s = headline_h1s(all_h1s, title_tag, &is_site);

    // 1. The visible headline that a candidate agrees with: as given, once its
    // site-name tail is gone, or up to one of its separators ("Phone X |
    // Features | Shop"). Headlines are tried in order (those in content first).
    let stripped: Vec<(String, String)> = cands
        .iter()
        .flat_map(|c| [Guess::Never, Guess::Any].map(|g| strip_site(c, site, g)))
        .map(|v| (norm(&v), v))
        .collect();
    // Of two that agree, where one is the other plus a tail ("Topic - Forum
    // Name" in the header, "Topic" above the thread), the shorter is the headline.
    let mut best: Option<(String, &str, &str)> = None;
    for h in &h1s {
        let n = norm(h);
        let agreeing = stripped
            .iter()
            .find(|(sn, _)| *sn == n)
            .map(|(_, v)| v.as_str())
            .or_else(|| cands.iter().find_map(|c| agreeing_head(c, &n)));
        if let Some(v) = agreeing {
            match &best {
                Some((bn, ..)) if !(bn.len() > n.len() && bn.starts_with(&n)) => {}
                _ => best = Some((n, h, v)),
            }
        }
    }
    if let Some((_, h, v)) = best {
        return Some(readers_version(h, v));
    }
    // 2. The one h1 inside the article or main content: what a reader sees,
    // where the metadata says something else (social titles are rewritten).
    let in_content: Vec<&Heading> = all_h1s
        .iter()
        .filter(|h| {
            h.in_content
                && !is_site(&h.text)
                && !is_label(&h.text, all_h1s.len() == 1)
                && !links_to_another_site(h, site)
        })
        .collect();
    if let [only] = in_content.as_slice() {
        return Some(only.text.clone());
    }
    // 3. The page's only h1, wherever it sits, unless it names the site: the
    // headline a reader sees, where `og:title` and `<title>` carry an SEO
    // rewording ("Top 11 SEO Strategies" above "11 SEO Strategies to …").
    // A second h1 (a logo's, even an empty one) leaves the choice to metadata.
    if let [only] = all_h1s
        && !only.text.is_empty()
        && only.text.len() <= TITLE_MAX_BYTES
        && !is_site(&only.text)
        && !resembles(&only.text, site)
        && !is_label(&only.text, true)
        && !only.links_home
        && !links_to_another_site(only, site)
    {
        // "Calculator - Brand" in the h1 where `<title>` says "Calculator | Site".
        let head = stripped
            .iter()
            .find_map(|(n, _)| agreeing_head(&only.text, n));
        return Some(head.unwrap_or(&only.text).to_owned());
    }
    // 4. The page's own metadata, unless it only names the site.
    if let Some(m) = metas.iter().find(|m| !is_site(m)) {
        return Some(strip_site(m, site, Guess::SiteSeparators));
    }
    // 5. The article's h1, 6. `<title>`, 7. whatever is left.
    h1s.first()
        .map(|h| h.to_string())
        .or_else(|| title_tag.map(|t| strip_site(t, site, Guess::Any)))
        .or_else(|| metas.first().map(|m| m.to_string()))
        .filter(|t| !t.is_empty())
}

/// An h1 that links to a story on another site: a teaser's headline (an
/// aggregator's card), not this page's.
fn links_to_another_site(h: &Heading, site: &Site) -> bool {
    let bare = |s: &str| s.trim_start_matches("www.").to_ascii_lowercase();
    match (h.link_host.as_deref(), site.host) {
        // `m.harbour.com` and `harbour.com` are one site.
        (Some(link), Some(host)) => {
            let (link, host) = (bare(link), bare(host));
            !link.ends_with(&host) && !host.ends_with(&link)
        }
        _ => false,
    }
}

/// The [`norm`] of the segment that [`strip_site`] takes off `title` (a
/// site name at either end, or a shorter tail after a separator).
fn dropped_site(title: &str, site: &Site) -> Option<String> {
    let whole = norm(title);
    let kept = norm(&strip_site(title, site, Guess::Any));
    if kept.is_empty() || kept == whole {
        return None;
    }
    let dropped = whole
        .strip_prefix(&kept)
        .or_else(|| whole.strip_suffix(&kept))?;
    (!dropped.is_empty()).then(|| dropped.to_owned())
}

/// The page's h1s with those in navigation replaced by the first h2 that
/// a metadata candidate agrees with (as given, without its site tail, up to
/// a separator, or after a "Kicker: " lead), taken as in the content; `None`
/// when no h1 is in navigation or no h2 agrees.
fn breadcrumb_stand_in(c: &Candidates, cands: &[&str], site: &Site) -> Option<Vec<Heading>> {
    if !c.h1s.iter().any(|h| h.in_nav) {
        return None;
    }
    let agrees = |h: &Heading| {
        let n = norm(&h.text);
        n.len() >= 3
            && h.text.len() <= TITLE_MAX_BYTES
            && cands.iter().any(|cand| {
                let bare = strip_site(cand, site, Guess::Any);
                [*cand, bare.as_str()].into_iter().any(|t| {
                    norm(t) == n
                        || agreeing_head(t, &n).is_some()
                        || t.split_once(": ").is_some_and(|(_, rest)| norm(rest) == n)
                })
            })
    };
    let h2 = c.h2s.iter().find(|h| agrees(h))?;
    let mut out: Vec<Heading> = c.h1s.iter().filter(|h| !h.in_nav).cloned().collect();
    out.push(Heading {
        in_content: true,
        ..h2.clone()
    });
    Some(out)
}

/// The part of `title` before one of its separators that is the headline
/// whose [`norm`] is `headline`: what is left once its tails are dropped.
fn agreeing_head<'t>(title: &'t str, headline: &str) -> Option<&'t str> {
    let mut rest = title.trim();
    while let Some((at, _)) = find_separator(rest, true) {
        rest = rest[..at].trim_end();
        if !rest.is_empty() && norm(rest) == headline {
            return Some(rest);
        }
    }
    None
}

/// Of an `h1` and a metadata title with the same letters, the one to show:
/// the h1, whose dashes, quotes and spacing the reader sees (metadata often
/// has plain ones), unless it has more words (something not in the headline
/// was caught in it: a permalink "¶", a word split across tags) or fewer
/// marks (the page adds some with its style sheet: the colon after a dateline).
fn readers_version(h1: &str, meta: &str) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let marks = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    if words(h1) > words(meta) || marks(h1) < marks(meta) {
        meta
    } else {
        h1
    }
    .to_owned()
}

/// An `h1` that only labels a block ("Comments", "Related articles",
/// "Отзывы") is never the headline, wherever it sits. A site widget's
/// heading ("Latest News", "Most popular") as the page's `only_h1` is: the
/// page is that list.
fn is_label(text: &str, only_h1: bool) -> bool {
    crate::classify::label(&crate::dom::normalize(text))
        .is_some_and(|(_, phrase)| !(only_h1 && POPULAR_HEADINGS.contains(&phrase)))
}

/// The `h1`s that can be the headline: inside the article or main content, or matching
/// part of `<title>` (a logo `h1` in the header matches neither), never just the site
/// name. Those in content first. With no `<title>` to check against, any `h1` will do.
fn headline_h1s<'h>(
    h1s: &'h [Heading],
    title_tag: Option<&str>,
    is_site: &dyn Fn(&str) -> bool,
) -> Vec<&'h str> {
    let title_norm = title_tag.map(norm);
    let fits = |h: &Heading| {
        let n = norm(&h.text);
        let in_title = title_norm
            .as_ref()
            .is_none_or(|t| n.len() >= 3 && t.contains(&n));
        !n.is_empty()
            && h.text.len() <= TITLE_MAX_BYTES
            && !is_site(&h.text)
            && !is_label(&h.text, h1s.len() == 1)
            && (h.in_content || in_title)
    };
    let (inside, outside): (Vec<&Heading>, Vec<&Heading>) =
        h1s.iter().filter(|h| fits(h)).partition(|h| h.in_content);
    inside
        .into_iter()
        .chain(outside)
        .map(|h| h.text.as_str())
        .collect()
}

/// Removes the site-name segment from the end (` | Site`) or start (`Site | `) of a title.
fn strip_site(title: &str, site: &Site, guess: Guess) -> String {
    let title = title.trim();
    let Some((last, sep)) = find_separator(title, true) else {
        return title.to_owned();
    };
    let head = title[..last].trim();
    let tail = title[last + sep.len()..].trim();
    if resembles(tail, site) && !head.is_empty() {
        return head.to_owned();
    }
    if let Some((first, sep)) = find_separator(title, false) {
        let lead = title[..first].trim();
        let rest = title[first + sep.len()..].trim();
        if resembles(lead, site) && !rest.is_empty() {
            return rest.to_owned();
        }
    }
    let may_guess = match guess {
        Guess::Never => false,
        Guess::SiteSeparators => TITLE_SITE_SEPARATORS.contains(&sep),
        Guess::Any => true,
    };
    let short_tail = tail.chars().count() < head.chars().count()
        && tail.split_whitespace().count() <= SITE_NAME_MAX_WORDS;
    if may_guess && short_tail && !head.is_empty() {
        return head.to_owned();
    }
    title.to_owned()
}

/// The last (or first) separator in `s`: its byte position and which one it is.
fn find_separator(s: &str, last: bool) -> Option<(usize, &'static str)> {
    let found = TITLE_SEPARATORS.iter().filter_map(|sep| {
        let pos = if last { s.rfind(sep) } else { s.find(sep) };
        pos.map(|p| (p, *sep))
    });
    if last {
        found.max_by_key(|(p, _)| *p)
    } else {
        found.min_by_key(|(p, _)| *p)
    }
}

/// Whether a title segment names the site: its `site_name`, or its host's name.
fn resembles(segment: &str, site: &Site) -> bool {
    let s = norm(segment);
    if s.len() < 2 {
        return false;
    }
    // A segment that merely mentions the site ("The Guardian view on …") is
    // a headline: only a short one can be the site's name.
    let short = segment.split_whitespace().count() <= SITE_NAME_MAX_WORDS;
    if let Some(name) = site.name.map(norm).filter(|n| n.len() >= 2)
        && (s == name
            || (short && name.len() >= 3 && s.contains(&name))
            || (s.len() >= 3 && name.contains(&s)))
    {
        return true;
    }
    if let Some(host) = site.host {
        let host = host.trim_start_matches("www.");
        if s == norm(host) {
            return true;
        }
        return host
            .split('.')
            .filter(|l| l.len() >= 3 && !GENERIC_HOST_LABELS.contains(l))
            .any(|l| {
                let l = norm(l);
                s == l || (short && s.contains(&l))
            });
    }
    false
}

/// Lowercase letters and digits only: "The Guardian" ~ "theguardian" ~ "THE GUARDIAN".
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site<'a>(name: Option<&'a str>, host: Option<&'a str>) -> Site<'a> {
        Site { name, host }
    }

    #[test]
    fn strips_every_kind_of_tail_naming_the_site() {
        let s = site(Some("Harbour News"), None);
        for t in [
            "Tide tables | Harbour News",
            "Tide tables - Harbour News",
            "Tide tables — Harbour News",
            "Tide tables :: Harbour News",
            "Tide tables · Harbour News",
            "Harbour News | Tide tables",
        ] {
            assert_eq!(strip_site(t, &s, Guess::Never), "Tide tables", "{t}");
        }
    }

    #[test]
    fn recognises_the_site_by_host() {
        let s = site(None, Some("www.theguardian.com"));
        assert_eq!(
            strip_site("Floods in Spain | The Guardian", &s, Guess::Never),
            "Floods in Spain"
        );
    }

    #[test]
    fn guesses_only_when_allowed() {
        let s = Site::default();
        let t = "Rust 1.80 - What is new in it";
        assert_eq!(strip_site(t, &s, Guess::Never), t);
        assert_eq!(strip_site(t, &s, Guess::SiteSeparators), t);
        assert_eq!(
            strip_site("Tide tables | Harbour", &s, Guess::SiteSeparators),
            "Tide tables"
        );
        assert_eq!(
            strip_site("Tide tables - Harbour", &s, Guess::Any),
            "Tide tables"
        );
        // The longer segment is the headline; it stays.
        assert_eq!(
            strip_site("Hi - A very long segment here", &s, Guess::Any),
            "Hi - A very long segment here"
        );
    }

    /// The title [`choose`] makes of these candidates on a page of no known site.
    fn chosen(metas: &[&str], h1s: &[Heading], title_tag: Option<&str>) -> Option<String> {
        chosen_with_h2s(metas, h1s, &[], title_tag)
    }

    /// The same, with the page's h2s outside navigation.
    fn chosen_with_h2s(
        metas: &[&str],
        h1s: &[Heading],
        h2s: &[Heading],
        title_tag: Option<&str>,
    ) -> Option<String> {
        let c = Candidates {
            metas: metas.iter().map(|m| m.to_string()).collect(),
            h1s,
            h2s,
            title_tag: title_tag.map(str::to_string),
        };
        choose(&c, &Site::default())
    }

    fn h(text: &str, in_content: bool) -> Heading {
        Heading {
            text: text.to_owned(),
            in_content,
            links_home: false,
            in_nav: false,
            link_host: None,
        }
    }

    /// An h1 that is a breadcrumb's last crumb.
    fn crumb(text: &str) -> Heading {
        Heading {
            in_nav: true,
            ..h(text, true)
        }
    }

    #[test]
    fn an_h1_in_a_breadcrumb_gives_way_to_the_agreeing_h2() {
        // The crumb carries the SEO title; JSON-LD has the visible headline.
        let h1s = [crumb("Vote in Harbour: Ann, Bob and the claim of a lie")];
        let h2s = [
            h("Politics", true),
            h("Ann, Bob and the claim of a lie", true),
        ];
        let title = "Vote in Harbour: Ann, Bob and the claim of a lie - HN";
        assert_eq!(
            chosen_with_h2s(
                &[title, "Ann, Bob and the claim of a lie"],
                &h1s,
                &h2s,
                Some(title)
            )
            .as_deref(),
            Some("Ann, Bob and the claim of a lie")
        );
        // The h2 is the headline without the kicker the metadata leads with.
        let h1s = [crumb("Faster jobs: \"Turbo\" helps refugees at work")];
        let h2s = [h("\"Turbo\" helps refugees at work", true)];
        let meta = "Faster jobs: \"Turbo\" helps refugees at work";
        assert_eq!(
            chosen_with_h2s(&[meta], &h1s, &h2s, Some(meta)).as_deref(),
            Some("\"Turbo\" helps refugees at work")
        );
        // No h2 agrees: the crumb stays the headline.
        let h2s = [h("Most read", true)];
        assert_eq!(
            chosen_with_h2s(&[meta], &h1s, &h2s, Some(meta)).as_deref(),
            Some(meta)
        );
    }

    #[test]
    fn agreement_with_the_h1_wins() {
        let h1s = [h("Harbour News", false), h("Tide tables", true)];
        assert_eq!(
            chosen(
                &["Tide tables | Harbour"],
                &h1s,
                Some("Tide tables | Harbour")
            )
            .as_deref(),
            Some("Tide tables")
        );
        // A headline that contains a separator is kept whole when the h1 says so.
        let h1s = [h("Rust - the good parts", true)];
        assert_eq!(
            chosen(&["Rust - the good parts"], &h1s, None).as_deref(),
            Some("Rust - the good parts")
        );
    }

    #[test]
    fn the_h1_is_found_behind_more_than_one_tail() {
        let h1s = [h("Trail Runner 3", false)];
        let title = "Trail Runner 3 | Features & Specs | Example Shop";
        assert_eq!(
            chosen(&[title], &h1s, Some(title)).as_deref(),
            Some("Trail Runner 3")
        );
    }

    #[test]
    fn og_title_wins_over_a_different_h1() {
        let h1s = [h("Short head", true)];
        // `<title>` agrees with the h1 once its tail is gone, and the reader sees the h1.
        assert_eq!(
            chosen(
                &["A longer social headline"],
                &h1s,
                Some("Short head - Site")
            )
            .as_deref(),
            Some("Short head")
        );
        assert_eq!(
            chosen(
                &["A longer social headline"],
                &[],
                Some("Short head - Site")
            )
            .as_deref(),
            Some("A longer social headline")
        );
    }

    #[test]
    fn an_h1_that_labels_a_block_is_not_the_headline() {
        // The one h1 inside the content wrapper heads the readers' reviews;
        // the headline h1 sits outside it and differs from `<title>`.
        for label in ["Отзывы", "Comments (12)", "You may also like"] {
            let h1s = [
                h("Atkins diet: ten kilos in two weeks", false),
                h(label, true),
            ];
            assert_eq!(
                chosen(&[], &h1s, Some("Atkins diet (14 days), lose 10 kg")).as_deref(),
                Some("Atkins diet (14 days), lose 10 kg"),
                "{label}"
            );
        }
    }

    #[test]
    fn the_only_h1_wins_over_reworded_metadata() {
        // Outside any article or main element, and not in `<title>` either.
        let h1s = [h("11 SEO Strategies to Stay Ahead", false)];
        assert_eq!(
            chosen(
                &["Top 11 SEO Strategies | Harbour"],
                &h1s,
                Some("Top 11 SEO Strategies | Harbour")
            )
            .as_deref(),
            Some("11 SEO Strategies to Stay Ahead")
        );
        // Its own tail goes where `<title>` has the head alone.
        let h1s = [h("Retirement Calculator - Harbour Funds", false)];
        assert_eq!(
            chosen(&[], &h1s, Some("Retirement Calculator | Harbour Group")).as_deref(),
            Some("Retirement Calculator")
        );
        // Not when it is a link home, nor when the page has another h1.
        let mut home = h("Harbour Media", false);
        home.links_home = true;
        let title = "Ferry returns - Harbour";
        for h1s in [vec![home], vec![h("", false), h("Harbour Media", false)]] {
            assert_eq!(
                chosen(&[], &h1s, Some(title)).as_deref(),
                Some("Ferry returns")
            );
        }
    }

    #[test]
    fn an_h1_naming_a_widget_of_the_site_is_the_list_page_title() {
        // An archive of the newest posts, headed as the sidebar widget is.
        for label in ["Latest News", "Most popular"] {
            let h1s = [h(label, true)];
            assert_eq!(
                chosen(&[], &h1s, Some("Issues - Daily Lodging Report")).as_deref(),
                Some(label)
            );
        }
    }

    #[test]
    fn an_h1_that_is_the_title_tail_names_the_site() {
        // A book's menu bar h1 is its name, the tail of every chapter's `<title>`.
        let h1s = [h("The Harbour Handbook", false)];
        assert_eq!(
            chosen(
                &[],
                &h1s,
                Some("Defining Shared Moorings with Ropes - The Harbour Handbook")
            )
            .as_deref(),
            Some("Defining Shared Moorings with Ropes")
        );
    }

    #[test]
    fn an_h1_linking_to_another_sites_story_is_a_teaser() {
        let mut teaser = h("Why the reindeer left", true);
        teaser.link_host = Some("review.example".into());
        let h1s = [teaser];
        let title = "Early reviews of the console are here - Harbour";
        let c = Candidates {
            metas: vec![title.into()],
            h1s: &h1s,
            h2s: &[],
            title_tag: Some(title.into()),
        };
        let s = site(None, Some("www.harbour.com"));
        assert_eq!(
            choose(&c, &s).as_deref(),
            Some("Early reviews of the console are here")
        );
        // A link to this site's own story is the headline's permalink.
        let mut own = h("Why the reindeer left", true);
        own.link_host = Some("harbour.com".into());
        let h1s = [own];
        let c = Candidates { h1s: &h1s, ..c };
        assert_eq!(choose(&c, &s).as_deref(), Some("Why the reindeer left"));
    }

    #[test]
    fn logo_h1_is_not_the_headline() {
        let h1s = [h("Harbour News", false)];
        let c = Candidates {
            metas: vec![],
            h1s: &h1s,
            h2s: &[],
            title_tag: Some("Tide tables | Harbour News".into()),
        };
        let s = site(Some("Harbour News"), None);
        assert_eq!(choose(&c, &s).as_deref(), Some("Tide tables"));
    }

    #[test]
    fn a_headline_that_mentions_the_site_is_not_its_name() {
        let s = site(Some("the Guardian"), Some("www.theguardian.com"));
        assert_eq!(
            strip_site(
                "The Guardian view on Hong Kong: a city on the brink | Editorial",
                &s,
                Guess::SiteSeparators
            ),
            "The Guardian view on Hong Kong: a city on the brink"
        );
    }

    #[test]
    fn og_title_that_only_names_the_site_is_passed_over() {
        let h1s = [h("Tide tables", true)];
        let c = Candidates {
            metas: vec!["Harbour News".into()],
            h1s: &h1s,
            h2s: &[],
            title_tag: None,
        };
        let s = site(Some("Harbour News"), None);
        assert_eq!(choose(&c, &s).as_deref(), Some("Tide tables"));
    }

    #[test]
    fn the_h1_keeps_its_own_punctuation() {
        // og:title has a hyphen and no quotes where the visible headline has a
        // dash and quotes: the reader's version is the title.
        let h1s = [h("\"Pink hair\" – the review, lands well", true)];
        assert_eq!(
            chosen(
                &["Pink hair - the review, lands well"],
                &h1s,
                Some("Pink hair - the review, lands well - Harbour")
            )
            .as_deref(),
            Some("\"Pink hair\" – the review, lands well")
        );
    }

    #[test]
    fn a_permalink_mark_in_the_h1_is_not_kept() {
        let h1s = [h("Tutorial - User Guide ¶", true)];
        assert_eq!(
            chosen(
                &[],
                &h1s,
                Some("Tutorial - User Guide — Harbour 2.1 documentation")
            )
            .as_deref(),
            Some("Tutorial - User Guide")
        );
    }

    #[test]
    fn punctuation_the_style_sheet_adds_to_the_h1_is_kept() {
        // "Welmbach" is a dateline span whose colon comes from CSS.
        let h1s = [h("Welmbach Stadtrat tagt", true)];
        assert_eq!(
            chosen(
                &[],
                &h1s,
                Some("Welmbach: Stadtrat tagt | Rheintal Rundschau")
            )
            .as_deref(),
            Some("Welmbach: Stadtrat tagt")
        );
    }

    #[test]
    fn the_h1_without_a_section_tail_is_the_headline() {
        // The header h1 repeats `<title>` with its section tail; the h1 above
        // the thread is the headline without it.
        let h1s = [
            h("First time visiting the coast - Coast Forum", false),
            h("First time visiting the coast", false),
        ];
        assert_eq!(
            chosen(
                &[],
                &h1s,
                Some("First time visiting the coast - Coast Forum - Harbour")
            )
            .as_deref(),
            Some("First time visiting the coast")
        );
    }
}
