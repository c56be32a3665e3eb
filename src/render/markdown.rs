//! A document as Markdown (CommonMark with GitHub tables): `# title`, section
//! headings at their level (`##` at least, the title being the only `#`),
//! paragraphs, `-`/`1.` lists, `>` quotes, fenced code with its language,
//! pipe tables (the first row as header) and figures as an image with its
//! caption in italics.
//!
//! Text is escaped only where it would change the structure: a line that
//! would start a heading, list, quote or rule gets a backslash.

use std::fmt::Write;

use crate::document::{Block, Document};

/// The shortest code fence; longer when the code itself holds backtick runs.
const MIN_FENCE: usize = 3;

/// The document as Markdown, ending in one newline.
pub(super) fn document(document: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &document.title {
        let _ = writeln!(out, "# {}\n", one_line(title));
    }
    for section in &document.sections {
        if let Some(heading) = &section.heading {
            let level = usize::from(section.level.unwrap_or(2)).clamp(2, 6);
            let _ = writeln!(out, "{} {}\n", "#".repeat(level), one_line(heading));
        }
        for block in &section.blocks {
            self::block(&mut out, block);
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph { text } => {
            for line in text.lines() {
                let _ = writeln!(out, "{}", escape_line(line.trim()));
            }
        }
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_owned()
                };
                let indent = " ".repeat(marker.len());
                for (j, line) in item.lines().enumerate() {
                    let lead = if j == 0 {
                        marker.as_str()
                    } else {
                        indent.as_str()
                    };
                    let _ = writeln!(out, "{lead}{}", escape_line(line.trim()));
                }
            }
        }
        Block::Quote { text } => {
            for line in text.lines() {
                let line = line.trim();
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {}", escape_line(line));
                }
            }
        }
        Block::Code { text, language } => {
            let fence = "`".repeat(longest_backtick_run(text).max(MIN_FENCE - 1) + 1);
            let language = language.as_deref().unwrap_or("");
            let _ = writeln!(
                out,
                "{fence}{language}\n{}\n{fence}",
                text.trim_end_matches('\n')
            );
        }
        Block::Table { rows } => table(out, rows),
        Block::Figure { caption, image } => {
            let caption = caption.as_deref().map(one_line);
            if let Some(image) = image {
                let alt = caption.as_deref().unwrap_or("").replace(['[', ']'], "");
                let _ = writeln!(out, "![{alt}](<{}>)", image.replace(['<', '>'], ""));
            }
            if let Some(caption) = caption {
                let _ = writeln!(out, "*{}*", caption.replace('*', "\\*"));
            }
        }
    }
}

fn table(out: &mut String, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let row_line = |row: &[String]| {
        let mut line = String::from("|");
        for i in 0..columns {
            let cell = row.get(i).map(|c| one_line(c).replace('|', "\\|"));
            let _ = write!(line, " {} |", cell.unwrap_or_default());
        }
        line
    };
    let _ = writeln!(out, "{}", row_line(&rows[0]));
    let _ = writeln!(out, "|{}", " --- |".repeat(columns));
    for row in &rows[1..] {
        let _ = writeln!(out, "{}", row_line(row));
    }
}

/// Text on one line: newlines and runs of spaces become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A backslash before what would make a line a heading, list item, quote,
/// rule, fence or table row.
fn escape_line(line: &str) -> String {
    let starts_block = line.starts_with(['#', '>', '-', '+', '*', '=', '|', '`', '~'])
        || line
            .find(|c: char| !c.is_ascii_digit())
            .is_some_and(|i| i > 0 && line[i..].starts_with(['.', ')']));
    if starts_block {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Section;

    #[test]
    fn every_block_kind_renders() {
        let doc = Document {
            title: Some("Tide tables".into()),
            sections: vec![
                Section {
                    heading: None,
                    level: None,
                    blocks: vec![Block::Paragraph {
                        text: "# not a heading".into(),
                    }],
                },
                Section {
                    heading: Some("What changes".into()),
                    level: Some(2),
                    blocks: vec![
                        Block::List {
                            ordered: true,
                            items: vec!["one".into(), "two".into()],
                        },
                        Block::Quote {
                            text: "said".into(),
                        },
                        Block::Code {
                            text: "a ``` b".into(),
                            language: Some("rust".into()),
                        },
                        Block::Table {
                            rows: vec![vec!["h1".into(), "h|2".into()], vec!["x".into()]],
                        },
                        Block::Figure {
                            caption: Some("The quay".into()),
                            image: Some("https://e.org/q.jpg".into()),
                        },
                    ],
                },
            ],
            ..Document::default()
        };
        let md = document(&doc);
        let expected = "# Tide tables\n\n\\# not a heading\n\n## What changes\n\n\
            1. one\n2. two\n\n> said\n\n````rust\na ``` b\n````\n\n\
            | h1 | h\\|2 |\n| --- | --- |\n| x |  |\n\n\
            ![The quay](<https://e.org/q.jpg>)\n*The quay*\n";
        assert_eq!(md, expected);
    }
}
