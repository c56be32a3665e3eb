//! Directory walks and glob expansion, both lazy and in a deterministic order
//! (entries of each directory sorted by name, depth first).
//!
//! Symlinks are followed, so a crawl laid out with links still reads; a link back
//! to an ancestor directory is detected and not entered, so loops terminate.
//! Globs are expanded by walking from their literal prefix and matching each path
//! against the pattern, so they share the walk's order and loop safety.

use std::path::{Component, Path, PathBuf};

use glob::{MatchOptions, Pattern};
use walkdir::WalkDir;

use super::Input;

/// Characters that make an argument a glob pattern.
const GLOB_METACHARACTERS: &[char] = &['*', '?', '['];

/// Shell-like matching: `*` stays within one directory and does not match
/// hidden files unless the pattern says `.` itself.
const MATCH_OPTIONS: MatchOptions = MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: true,
};

pub(super) fn is_glob(arg: &Path) -> bool {
    arg.to_str()
        .is_some_and(|s| s.contains(GLOB_METACHARACTERS))
}

fn walker(root: &Path) -> WalkDir {
    WalkDir::new(root).follow_links(true).sort_by_file_name()
}

/// The inputs a walk yields: the entries `wanted` accepts, and the errors met on
/// the way that may have hidden wanted files. Directories are not inputs, and
/// neither are links back to an ancestor (they lead to pages already listed).
///
/// A walk rooted at `.` for a pattern without a directory part reports `a.html`,
/// not `./a.html`, as a shell would (`strip_dot`).
fn walk_inputs(
    walk: WalkDir,
    strip_dot: bool,
    wanted: impl Fn(&Path) -> bool,
) -> impl Iterator<Item = Input> {
    let shown = move |path: &Path| match path.strip_prefix(".") {
        Ok(stripped) if strip_dot => stripped.to_path_buf(),
        _ => path.to_path_buf(),
    };
    walk.into_iter().filter_map(move |entry| match entry {
        Ok(entry) if entry.file_type().is_dir() => None,
        Ok(entry) => {
            let path = shown(entry.path());
            wanted(&path).then(|| Input::file(path))
        }
        Err(err) if err.loop_ancestor().is_some() => None,
        Err(err) => {
            let path = err.path().map(&shown).unwrap_or_default();
            let io = err.io_error();
            // A directory we may not enter could hold wanted files; any other
            // failure (say a dangling link) matters only under a wanted name.
            let denied = io.is_some_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
            if !denied && !wanted(&path) {
                return None;
            }
            let message = match io {
                Some(io) => io.to_string(),
                None => err.to_string(),
            };
            let source = path.to_string_lossy().into_owned();
            Some(Input::failed(source, crate::failure::Failure::Io(message)))
        }
    })
}

/// Yields `inner`'s inputs, or one error input for `source` if it yields none.
fn or_nothing_matched(
    source: String,
    message: String,
    inner: impl Iterator<Item = Input>,
) -> impl Iterator<Item = Input> {
    let mut pending = Some((source, message));
    let mut inner = inner.fuse();
    std::iter::from_fn(move || match inner.next() {
        Some(input) => {
            pending = None;
            Some(input)
        }
        None => pending
            .take()
            .map(|(source, message)| Input::failed(source, crate::failure::Failure::Io(message))),
    })
}

/// The files under a directory that `wanted` picks, recursively; `none` is
/// the message when there are none.
pub(super) fn directory(
    root: PathBuf,
    wanted: impl Fn(&Path) -> bool,
    none: &'static str,
) -> impl Iterator<Item = Input> {
    let source = root.to_string_lossy().into_owned();
    let entries = walk_inputs(walker(&root), false, wanted);
    or_nothing_matched(source, none.to_owned(), entries)
}

/// The files matching a glob pattern (any extension: the pattern decides).
pub(super) fn glob(pattern_path: PathBuf) -> Box<dyn Iterator<Item = Input>> {
    let source = pattern_path.to_string_lossy().into_owned();
    let pattern = match Pattern::new(&source) {
        Ok(pattern) => pattern,
        Err(err) => {
            let error = crate::failure::Failure::Io(format!("invalid glob pattern: {err}"));
            return Box::new(std::iter::once(Input::failed(source, error)));
        }
    };

    // Walk from the longest leading part without metacharacters, only as deep as
    // the pattern reaches unless it has `**`.
    let mut base = PathBuf::new();
    let mut rest = pattern_path.components().peekable();
    while let Some(component) = rest.next_if(|c| !is_glob(Path::new(c.as_os_str()))) {
        base.push(component);
    }
    let rest: Vec<Component> = rest.collect();
    let relative = base.as_os_str().is_empty();
    let root = if relative { Path::new(".") } else { &base };
    let mut walk = walker(root).min_depth(1);
    if !rest.iter().any(|c| c.as_os_str() == "**") {
        walk = walk.max_depth(rest.len());
    }

    let entries = walk_inputs(walk, relative, move |path| {
        pattern.matches_path_with(path, MATCH_OPTIONS)
    });
    Box::new(or_nothing_matched(
        source,
        "no files match the glob pattern".to_owned(),
        entries,
    ))
}
