//! Resolving and vetting URLs found in the page.

use url::Url;

/// Resolves `href` against `base` and returns it only if it is a safe, absolute web URL.
pub(crate) fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let url = match base {
        Some(b) => b.join(href.trim()).ok()?,
        None => Url::parse(href.trim()).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}
