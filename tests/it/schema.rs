//! One shape for every line: real output (every sample, every kind of error
//! record) fits the published schema, and the files generated from the
//! schema's one definition (`pagepith::schema`) are up to date. After a change
//! to the definition, `PITH_BLESS=1 cargo test --test it schema` rewrites them:
//! `docs/schema.json`, `python/pagepith/_schema.py` and the DuckDB and Spark
//! blocks of `docs/schema.md`.

use std::fs;
use std::path::{Path, PathBuf};

use pagepith::schema::{self, Field, Kind, RECORD};
use serde_json::Value;

use crate::common::pith;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Every sample page and one input per error kind the program gives.
#[test]
fn every_sample_and_every_error_record_fits_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("empty.html"), b"  \n").expect("write");
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend(crate::common::random_bytes(900, 9));
    fs::write(dir.path().join("binary.html"), png).expect("write");
    fs::write(dir.path().join("large.html"), "<p>x</p>".repeat(200)).expect("write");
    let mut samples: Vec<PathBuf> = fs::read_dir(root().join("samples"))
        .expect("samples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    samples.sort();
    let out = pith(dir.path())
        .args(&samples)
        .args(["empty.html", "binary.html", "missing.html", "large.html"])
        .args(["--max-bytes", "1000"])
        .output()
        .expect("run pith");
    let records = records(&out.stdout);
    assert_eq!(records.len(), samples.len() + 4);
    let kinds: Vec<&str> = records[samples.len()..]
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(kinds, ["empty", "not_html", "io", "too_large"]);
    for record in &records {
        if let Err(why) = schema::check(record) {
            panic!("{}: {why}", record["source"]);
        }
    }
}

#[test]
fn with_passthrough_every_record_has_input_even_an_unreadable_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = "{\"id\": \"a\", \"html\": \"<p>Hello there, reader.</p>\"}\nnot json\n";
    fs::write(dir.path().join("rows.jsonl"), rows).expect("write");
    let out = pith(dir.path())
        .args(["--input-format", "jsonl", "--passthrough", "rows.jsonl"])
        .output()
        .expect("run pith");
    let records = records(&out.stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["input"], serde_json::json!({"id": "a"}));
    assert_eq!(records[1].get("input"), Some(&Value::Null));
    for record in &records {
        schema::check(record).expect("fits the schema");
    }
}

/// A generated file: its path under the crate root and what it must hold.
fn generated() -> Vec<(&'static str, String)> {
    let json = serde_json::to_string_pretty(&schema::json_schema()).expect("serialize") + "\n";
    let markdown = fs::read_to_string(root().join("docs/schema.md")).expect("docs/schema.md");
    let markdown = replace_block(&markdown, "duckdb", &duckdb_block());
    let markdown = replace_block(
        &markdown,
        "spark",
        &format!("```\n{}\n```\n", schema::spark_ddl()),
    );
    vec![
        ("docs/schema.json", json),
        ("python/pagepith/_schema.py", python_module()),
        ("docs/schema.md", markdown),
    ]
}

#[test]
fn the_generated_schema_files_are_up_to_date() {
    let bless = std::env::var_os("PITH_BLESS").is_some();
    let mut stale = Vec::new();
    for (path, want) in generated() {
        let path = root().join(path);
        if bless {
            fs::write(&path, &want).expect("write generated file");
        } else if fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "generated from pagepith::schema but out of date (PITH_BLESS=1 rewrites them): {stale:?}"
    );
}

/// `text` with what lies between `<!-- schema:NAME -->` and
/// `<!-- /schema:NAME -->` replaced by `body`.
fn replace_block(text: &str, name: &str, body: &str) -> String {
    let open = format!("<!-- schema:{name} -->\n");
    let close = format!("<!-- /schema:{name} -->");
    let start = text.find(&open).expect("the block's opening marker") + open.len();
    let end = text.find(&close).expect("the block's closing marker");
    format!("{}{body}{}", &text[..start], &text[end..])
}

fn duckdb_block() -> String {
    let columns: Vec<String> = schema::duckdb_columns()
        .into_iter()
        .map(|(name, ty)| format!("    '{name}': '{}'", ty.replace('\'', "''")))
        .collect();
    format!(
        "```sql\nSELECT * FROM read_json('pages.jsonl', format = 'newline_delimited', columns = {{\n{}\n}});\n```\n",
        columns.join(",\n")
    )
}

fn python_module() -> String {
    let mut out = String::from(
        "\"\"\"The record's schema, generated from the library's one definition.\n\n\
         Do not edit: `PITH_BLESS=1 cargo test --test it schema` writes this file\n\
         from `pagepith::schema` (src/schema.rs).\n\"\"\"\n\n\
         # (name, type, nullable); a type is \"string\", \"int64\", \"bool\",\n\
         # (\"list\", type) or (\"struct\", fields).\nFIELDS = (\n",
    );
    for f in RECORD {
        out.push_str(&python_field(f, 1));
    }
    out.push_str(")\n\n# DuckDB's read_json(columns=...).\nDUCKDB_COLUMNS = {\n");
    for (name, ty) in schema::duckdb_columns() {
        out.push_str(&format!("    {}: {},\n", quote(name), quote(&ty)));
    }
    out.push_str("}\n\n# Spark's DDL string.\nSPARK_DDL = (\n");
    let ddl = schema::spark_ddl();
    let columns: Vec<String> = split_top_level(&ddl);
    for (i, column) in columns.iter().enumerate() {
        let sep = if i + 1 < columns.len() { ", " } else { "" };
        out.push_str(&format!("    {}\n", quote(&format!("{column}{sep}"))));
    }
    out.push_str(")\n");
    out
}

fn python_field(f: &Field, depth: usize) -> String {
    let pad = "    ".repeat(depth);
    let nullable = if f.nullable { "True" } else { "False" };
    format!(
        "{pad}({}, {}, {nullable}),\n",
        quote(f.name),
        python_type(&f.kind, depth)
    )
}

fn python_type(kind: &Kind, depth: usize) -> String {
    let structure = |fields: &[Field]| {
        let inner: String = fields.iter().map(|f| python_field(f, depth + 2)).collect();
        format!(
            "(\n{pad}    \"struct\",\n{pad}    (\n{inner}{pad}    ),\n{pad})",
            pad = "    ".repeat(depth)
        )
    };
    match kind {
        Kind::String => "\"string\"".into(),
        Kind::Integer => "\"int64\"".into(),
        Kind::Boolean => "\"bool\"".into(),
        Kind::List(item) => format!("(\"list\", {})", python_type(item, depth)),
        Kind::Object(fields) => structure(fields),
        Kind::Tagged(variants) => structure(&schema::union_fields(variants)),
    }
}

/// A Python string literal (JSON's escapes are Python's).
fn quote(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// The DDL's columns: split at the commas outside `<…>`.
fn split_top_level(ddl: &str) -> Vec<String> {
    let mut columns = vec![String::new()];
    let mut depth = 0;
    for c in ddl.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' if depth == 0 => {
                columns.push(String::new());
                continue;
            }
            _ => {}
        }
        columns.last_mut().expect("one column").push(c);
    }
    columns.iter().map(|c| c.trim().to_owned()).collect()
}
