//! `--files-from`: a list of file paths, one per line or NUL-separated, read as the
//! batch goes so `find … -print0 | pith --files-from - -0` starts at once.
//!
//! Each entry is a file path taken literally: no glob expansion and no directory
//! walk, as with `tar -T` and `rsync --files-from`.

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use super::{Input, STDIN};

/// What separates the entries of a list.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Delimiter {
    /// One path per line; a trailing `\r` is dropped, for lists written on Windows.
    Newline,
    /// NUL-separated (`find -print0`), for names that contain newlines.
    Nul,
}

/// The entries of one list, as inputs. A list that cannot be opened or read gives
/// one error input named after the list, and ends there.
pub(super) struct Lines {
    name: String,
    reader: Option<Box<dyn BufRead>>,
    delimiter: Delimiter,
    /// Why opening the list failed, reported on the first call.
    failed: Option<std::io::Error>,
}

impl Lines {
    pub(super) fn open(list: OsString, delimiter: Delimiter) -> Self {
        let name = list.to_string_lossy().into_owned();
        let opened: std::io::Result<Box<dyn BufRead>> = if list == STDIN {
            Ok(Box::new(std::io::stdin().lock()))
        } else {
            File::open(&list).map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>)
        };
        let (reader, failed) = match opened {
            Ok(reader) => (Some(reader), None),
            Err(err) => (None, Some(err)),
        };
        Lines {
            name,
            reader,
            delimiter,
            failed,
        }
    }

    fn fail(&mut self, err: std::io::Error) -> Input {
        self.reader = None;
        let message = format!("cannot read the --files-from list: {err}");
        Input::failed(self.name.clone(), crate::failure::Failure::Io(message))
    }
}

impl Iterator for Lines {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if let Some(err) = self.failed.take() {
            return Some(self.fail(err));
        }
        let byte = match self.delimiter {
            Delimiter::Newline => b'\n',
            Delimiter::Nul => b'\0',
        };
        let mut entry = Vec::new();
        loop {
            entry.clear();
            let reader = self.reader.as_mut()?;
            match reader.read_until(byte, &mut entry) {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => {}
                Err(err) => return Some(self.fail(err)),
            }
            if entry.last() == Some(&byte) {
                entry.pop();
            }
            if matches!(self.delimiter, Delimiter::Newline) && entry.last() == Some(&b'\r') {
                entry.pop();
            }
            // Blank entries are separators' leftovers (a trailing newline), not paths.
            if !entry.is_empty() {
                return Some(Input::file(path_from_bytes(std::mem::take(&mut entry))));
            }
        }
    }
}

/// A path from raw bytes: exact on Unix, where names are bytes; elsewhere names
/// are taken as UTF-8, lossily.
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(text: &[u8], delimiter: Delimiter) -> Vec<String> {
        let lines = Lines {
            name: "list".to_owned(),
            reader: Some(Box::new(std::io::Cursor::new(text.to_vec()))),
            delimiter,
            failed: None,
        };
        lines.map(|input| input.source).collect()
    }

    #[test]
    fn newline_list_drops_blank_lines_and_crlf() {
        let got = sources(b"a.html\r\n\nb c.html\nlast.html", Delimiter::Newline);
        assert_eq!(got, ["a.html", "b c.html", "last.html"]);
    }

    #[test]
    fn nul_list_keeps_newlines_in_names() {
        let got = sources(b"a\nb.html\0c.html\0", Delimiter::Nul);
        assert_eq!(got, ["a\nb.html", "c.html"]);
    }
}
