//! The words of a URL's path, as the page-type rules read them.

/// A path split into lowercase segments, and what its last segment says.
#[derive(Debug, Default)]
pub(super) struct PathWords {
    segments: Vec<String>,
    /// Words of the last segment that are not numbers: a slug of the
    /// page's title has several.
    pub slug_words: usize,
    /// The path is empty: the site's home page.
    pub is_home: bool,
}

/// Longest path read, in bytes; the rest is ignored.
const MAX_PATH: usize = 2048;

/// Words of a segment: runs of ASCII letters and digits.
fn words(segment: &str) -> impl Iterator<Item = &str> {
    segment
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl PathWords {
    pub(super) fn of(path: &str) -> PathWords {
        let path = path.get(..MAX_PATH).unwrap_or(path).to_ascii_lowercase();
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let slug_words = segments.last().map_or(0, |last| {
            words(last)
                .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
                .count()
        });
        PathWords {
            is_home: segments.is_empty(),
            segments,
            slug_words,
        }
    }

    /// Whether a segment is, or (unless it is a long last segment, a
    /// title's slug) holds, a word of `list`.
    pub(super) fn has(&self, list: &[&str]) -> bool {
        let last = self.segments.len().saturating_sub(1);
        self.segments.iter().enumerate().any(|(k, s)| {
            list.contains(&s.as_str())
                || ((k < last || words(s).count() <= 2) && words(s).any(|w| list.contains(&w)))
        })
    }

    /// Whether a segment holds a word of `list` and names one thread: it
    /// ends the path in a short segment (`viewtopic.php`), or a later
    /// segment holds a number or a slug (`/t/title-words/123`).
    pub(super) fn has_thread(&self, list: &[&str]) -> bool {
        let last = self.segments.len().saturating_sub(1);
        self.segments.iter().enumerate().any(|(k, s)| {
            let named = list.contains(&s.as_str()) || words(s).any(|w| list.contains(&w));
            named
                && ((k == last && words(s).count() <= 2)
                    || self.segments[k + 1..]
                        .iter()
                        .any(|r| r.bytes().any(|b| b.is_ascii_digit()) || words(r).count() >= 3))
        })
    }

    /// Whether the last segment is a thread's slug: it follows a whole
    /// segment of `list`, at once or past the thread's id
    /// (`/comments/1rl0nt4/title_words`, `/t/title-words`,
    /// `/topic/123/title-words`). A section between them
    /// (`/community/tutorials/title-words`) makes it a page of that section.
    pub(super) fn thread_slug(&self, list: &[&str]) -> bool {
        let last = self.segments.len().saturating_sub(1);
        self.segments.iter().take(last).enumerate().any(|(k, s)| {
            let next = &self.segments[k + 1];
            list.contains(&s.as_str())
                && (k + 1 == last || next.bytes().any(|b| b.is_ascii_digit()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_counted_and_its_words_are_not_sections() {
        let p = PathWords::of("/2024/05/how-to-choose-a-forum-host");
        assert_eq!(p.slug_words, 6);
        assert!(!p.has(&["forum"]));
        assert!(PathWords::of("/forum/index.php").has(&["forum"]));
    }

    #[test]
    fn a_thread_follows_its_section() {
        assert!(PathWords::of("/t/best-daily-news/37628").has_thread(&["t"]));
        assert!(PathWords::of("/community/viewtopic.php").has_thread(&["viewtopic"]));
        // A section page, not a thread.
        assert!(!PathWords::of("/topic/software").has_thread(&["topic"]));
    }

    #[test]
    fn a_thread_slug_follows_the_section_or_the_id() {
        let forum = ["comments", "t", "community"];
        let slug = |p: &str| PathWords::of(p).thread_slug(&forum);
        assert!(slug(
            "/r/cooking/comments/1rl0nt4/enameled_cast_iron_pan_and_metal/"
        ));
        assert!(slug("/t/best-daily-news-apps"));
        assert!(!slug("/community/tutorials/workflow-automation-guide"));
        // A forum word inside a longer segment names no section.
        assert!(!slug(
            "/center-for-community-outreach/digital-marketing-certificate"
        ));
        assert!(!slug("/2024/05/how-to-choose-a-forum-host"));
    }

    #[test]
    fn the_home_page_has_no_segments() {
        assert!(PathWords::of("/").is_home);
        assert!(!PathWords::of("/about").is_home);
    }
}
