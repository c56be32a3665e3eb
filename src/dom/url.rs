//! Resolving and vetting URLs found in the page.

use url::Url;

/// Longest href we accept, in bytes. Real links are far shorter; anything this long is
/// an inlined payload or an attack on whoever reads the output.
const MAX_URL_BYTES: usize = 8 * 1024;

/// Resolves `href` against `base` and returns it only if it is a safe, absolute web URL.
///
/// Only `http`/`https` survive: `javascript:`, `vbscript:`, `data:`, `file:`, `mailto:` and
/// the like are never handed on. The href is cleaned first as browsers do: surrounding
/// whitespace and control characters go, and tabs and line breaks inside it are dropped
/// (so `java\nscript:` cannot sneak past as a relative path).
pub(crate) fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = clean_href(href);
    if href.is_empty() || href.len() > MAX_URL_BYTES {
        return None;
    }
    let url = match base {
        Some(b) => b.join(&href).ok()?,
        None => Url::parse(&href).ok()?,
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let out = String::from(url);
    (out.len() <= MAX_URL_BYTES).then_some(out)
}

/// Trims leading/trailing whitespace and C0 controls and removes ASCII tab, CR and LF
/// anywhere, as the URL standard's parser does before anything else.
fn clean_href(href: &str) -> String {
    href.trim_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://example.com/news/story.html").unwrap()
    }

    #[test]
    fn relative_href_resolves_against_base() {
        assert_eq!(
            resolve(Some(&base()), "../img/a.jpg").as_deref(),
            Some("https://example.com/img/a.jpg")
        );
        assert_eq!(
            resolve(Some(&base()), "//cdn.example.org/x.png").as_deref(),
            Some("https://cdn.example.org/x.png")
        );
    }

    #[test]
    fn absolute_href_needs_no_base() {
        assert_eq!(
            resolve(None, "http://example.org/a").as_deref(),
            Some("http://example.org/a")
        );
        assert_eq!(resolve(None, "/relative/without/base"), None);
    }

    #[test]
    fn unsafe_schemes_are_rejected() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
            "mailto:someone@example.com",
            "ftp://example.com/file",
        ] {
            assert_eq!(resolve(Some(&base()), href), None, "{href}");
        }
    }

    #[test]
    fn whitespace_and_controls_are_cleaned_as_browsers_do() {
        assert_eq!(
            resolve(Some(&base()), "  \u{1}/a b\n/c\t.html \r\n").as_deref(),
            Some("https://example.com/a%20b/c.html")
        );
        // A line break inside the scheme must not turn it into a harmless relative path.
        assert_eq!(resolve(Some(&base()), "java\nscript:alert(1)"), None);
        assert_eq!(resolve(Some(&base()), " \t\n "), None);
    }

    #[test]
    fn overlong_urls_are_rejected() {
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(resolve(None, &long), None);
        let fits = format!("https://example.com/{}", "a".repeat(100));
        assert!(resolve(None, &fits).is_some());
    }
}
