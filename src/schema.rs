//! The record's shape as data: every key of a [`Record`](crate::record::Record),
//! its type, whether it may be `null`, and what it means. This table is the one
//! definition the published schemas are generated from: the JSON Schema
//! ([`json_schema`], `docs/schema.json`), DuckDB's `columns=`
//! ([`duckdb_columns`]), Spark's DDL ([`spark_ddl`]) and the Python package's
//! Arrow schema (generated from [`RECORD`] into `python/pagepith/_schema.py`).
//! The integration tests regenerate those files and fail when one has drifted,
//! and the unit tests below hold the table to what `serde` writes for
//! [`Document`], so the table, the types and the files cannot disagree.
//!
//! It lives in Rust beside the types because the types are what writes the
//! records: a test can serialize them and compare, which a definition kept
//! in another language could not.
//!
//! Types are the ones every engine has: strings, 64-bit signed integers (no
//! unsigned types: Spark has none), booleans, lists and structs. Dates
//! (`published`, `modified`) are strings, ISO 8601 as the page states them: a
//! date, or a date-time with or without an offset. A timestamp type would
//! change with the first value a reader sees.
//!
//! A block is one object per kind in JSON, each with its kind's keys (a code
//! block always has `language`, `null` when unknown). Engines that need one
//! type per column see the union: a struct of `kind` and every kind's keys,
//! those of other kinds `null`.

use serde_json::{Map, Value, json};

use crate::document::Document;

/// One key of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key.
    pub name: &'static str,
    /// Its value's type.
    pub kind: Kind,
    /// Whether the value may be `null`.
    pub nullable: bool,
    /// What it means.
    pub doc: &'static str,
}

/// A value's type.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A UTF-8 string.
    String,
    /// A signed 64-bit integer.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A list of values of one type, never `null` inside.
    List(&'static Kind),
    /// An object with exactly these keys.
    Object(&'static [Field]),
    /// An object whose `kind` key names which of these it is.
    Tagged(&'static [Variant]),
}

/// One kind of a [`Kind::Tagged`] object: its `kind` value and its other keys.
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// The value of `kind`.
    pub name: &'static str,
    /// What it is.
    pub doc: &'static str,
    /// Its keys besides `kind`.
    pub fields: &'static [Field],
}

const fn field(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        nullable: false,
        doc,
    }
}

const fn nullable(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        nullable: true,
        doc,
    }
}

const ERROR: &[Field] = &[
    field(
        "kind",
        Kind::String,
        "io, too_large, empty, not_html, timeout or internal",
    ),
    field("message", Kind::String, "What went wrong, for people."),
];

const BLOCKS: &[Variant] = &[
    Variant {
        name: "paragraph",
        doc: "A paragraph of prose.",
        fields: &[field(
            "text",
            Kind::String,
            "Its text, whitespace collapsed.",
        )],
    },
    Variant {
        name: "list",
        doc: "A bulleted or numbered list.",
        fields: &[
            field("ordered", Kind::Boolean, "Numbered rather than bulleted."),
            field("items", Kind::List(&Kind::String), "Each item's text."),
        ],
    },
    Variant {
        name: "quote",
        doc: "A block quotation.",
        fields: &[field("text", Kind::String, "Its text.")],
    },
    Variant {
        name: "code",
        doc: "Preformatted code, whitespace kept.",
        fields: &[
            field("text", Kind::String, "The code as written."),
            nullable(
                "language",
                Kind::String,
                "The language its markup names, if any.",
            ),
        ],
    },
    Variant {
        name: "table",
        doc: "A data table.",
        fields: &[field(
            "rows",
            Kind::List(&Kind::List(&Kind::String)),
            "Rows of cell texts, the header row first when there is one.",
        )],
    },
    Variant {
        name: "figure",
        doc: "An image or figure in the body.",
        fields: &[
            nullable("caption", Kind::String, "Its visible caption, if any."),
            nullable("image", Kind::String, "The image's absolute URL, if any."),
        ],
    },
];

const SECTION: &[Field] = &[
    nullable(
        "heading",
        Kind::String,
        "The heading's text; null for the leading section.",
    ),
    nullable(
        "level",
        Kind::Integer,
        "1 to 6; null for the leading section.",
    ),
    field(
        "blocks",
        Kind::List(&Kind::Tagged(BLOCKS)),
        "The blocks under the heading, in reading order.",
    ),
];

const CAPTION: &[Field] = &[
    field(
        "text",
        Kind::String,
        "The caption's description without its credit; the credit when it is nothing else.",
    ),
    nullable(
        "credit",
        Kind::String,
        "Who the image is credited to, when the caption says.",
    ),
    nullable(
        "image",
        Kind::String,
        "The captioned image's absolute URL, if any.",
    ),
    nullable("alt", Kind::String, "The image's alt text, if any."),
];

const LINK: &[Field] = &[
    field("text", Kind::String, "The text a reader sees."),
    field("url", Kind::String, "The absolute URL."),
];

const STRIPPED: &[Field] = &[
    field("navigation", Kind::Integer, "Navigation blocks removed."),
    field("comments", Kind::Integer, "Comment blocks removed."),
    field("related", Kind::Integer, "Related-content blocks removed."),
    field("share", Kind::Integer, "Share bars removed."),
    field("ads", Kind::Integer, "Ad slots removed."),
    field("other", Kind::Integer, "Other boilerplate blocks removed."),
];

/// Every key of a record, in the order records write them (`input`, written
/// only when the caller keeps crawl rows, is not here: its shape is the rows').
pub const RECORD: &[Field] = &[
    field(
        "source",
        Kind::String,
        "Where the page came from: a path, -, <file>#<record id>, <file>:<line>.",
    ),
    nullable(
        "error",
        Kind::Object(ERROR),
        "Why the page gave no document; null when it gave one.",
    ),
    nullable(
        "url",
        Kind::String,
        "Canonical URL, else the URL the page was fetched from.",
    ),
    nullable("title", Kind::String, "The headline as a reader sees it."),
    nullable("description", Kind::String, "The page's own summary."),
    field(
        "authors",
        Kind::List(&Kind::String),
        "The people credited, in page order.",
    ),
    nullable(
        "published",
        Kind::String,
        "ISO 8601 date or date-time of first publication, as a string.",
    ),
    nullable(
        "modified",
        Kind::String,
        "ISO 8601 date or date-time of the last modification, as a string.",
    ),
    nullable("site_name", Kind::String, "The publication's name."),
    nullable("language", Kind::String, "Primary language tag, e.g. en."),
    nullable("image", Kind::String, "Lead image, absolute URL."),
    field(
        "tags",
        Kind::List(&Kind::String),
        "Keywords and topics the page declares.",
    ),
    nullable(
        "page_type",
        Kind::String,
        "article, forum, product, collection, listing, documentation, service or other; null on an error record.",
    ),
    field(
        "sections",
        Kind::List(&Kind::Object(SECTION)),
        "The article body in reading order, split at its headings.",
    ),
    field(
        "captions",
        Kind::List(&Kind::Object(CAPTION)),
        "Every figure or image caption in the article body, in order.",
    ),
    field(
        "related_links",
        Kind::List(&Kind::Object(LINK)),
        "Links from related-content blocks tied to the article.",
    ),
    field(
        "text",
        Kind::String,
        "The body as plain text; empty on an error record.",
    ),
    field(
        "word_count",
        Kind::Integer,
        "Words in text; 0 on an error record.",
    ),
    field(
        "stripped",
        Kind::Object(STRIPPED),
        "How many boilerplate blocks of each kind were removed.",
    ),
];

/// The fields an engine's struct for a [`Kind::Tagged`] object has: `kind`,
/// then every variant's keys in first-seen order, nullable unless every
/// variant has the key and none lets it be `null`.
pub fn union_fields(variants: &[Variant]) -> Vec<Field> {
    let mut fields = vec![field("kind", Kind::String, "Which kind of block.")];
    for variant in variants {
        for f in variant.fields {
            if !fields.iter().any(|seen| seen.name == f.name) {
                fields.push(Field {
                    nullable: true,
                    ..*f
                });
            }
        }
    }
    fields
}

/// The JSON Schema (draft 2020-12) of a record. A record either has a
/// document (`error` is `null`) or is an error record, whose document fields
/// are the empty document's.
pub fn json_schema() -> Value {
    let (mut properties, required) = object_parts(RECORD);
    properties.insert(
        "input".into(),
        json!({
            "type": ["object", "null"],
            "description": "The crawl row's other fields (only with --passthrough, then on every record)."
        }),
    );
    let empty = serde_json::to_value(&Document::EMPTY).expect("the empty document serializes");
    let mut failed = Map::new();
    failed.insert("error".into(), json!({"type": "object"}));
    if let Value::Object(empty) = empty {
        for (name, value) in empty {
            failed.insert(name, json!({ "const": value }));
        }
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pagepith record",
        "description": "One line of pith's JSON Lines output: one page's document, or its error with the empty document's fields. Generated from src/schema.rs.",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
        "oneOf": [
            {"properties": {"error": {"type": "null"}}},
            {"properties": failed}
        ]
    })
}

fn object_parts(fields: &[Field]) -> (Map<String, Value>, Vec<&'static str>) {
    let properties = fields
        .iter()
        .map(|f| (f.name.to_owned(), field_schema(f)))
        .collect();
    (properties, fields.iter().map(|f| f.name).collect())
}

fn field_schema(f: &Field) -> Value {
    let mut schema = kind_schema(&f.kind);
    if let (true, Some(Value::String(ty))) = (f.nullable, schema.get("type").cloned()) {
        schema["type"] = json!([ty, "null"]);
    }
    schema["description"] = json!(f.doc);
    schema
}

fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::String => json!({"type": "string"}),
        Kind::Integer => json!({"type": "integer"}),
        Kind::Boolean => json!({"type": "boolean"}),
        Kind::List(item) => json!({"type": "array", "items": kind_schema(item)}),
        Kind::Object(fields) => object_schema(fields),
        Kind::Tagged(variants) => {
            let kinds: Vec<Value> = variants
                .iter()
                .map(|v| {
                    let mut schema = object_schema(v.fields);
                    schema["properties"]["kind"] = json!({"const": v.name});
                    if let Some(required) = schema["required"].as_array_mut() {
                        required.insert(0, json!("kind"));
                    }
                    schema["description"] = json!(v.doc);
                    schema
                })
                .collect();
            json!({"type": "object", "oneOf": kinds})
        }
    }
}

fn object_schema(fields: &[Field]) -> Value {
    let (properties, required) = object_parts(fields);
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false
    })
}

/// DuckDB's `read_json(…, columns = {…})`: each record key with its SQL type,
/// in record order.
pub fn duckdb_columns() -> Vec<(&'static str, String)> {
    RECORD
        .iter()
        .map(|f| (f.name, duckdb_type(&f.kind)))
        .collect()
}

fn duckdb_type(kind: &Kind) -> String {
    let structure = |fields: &[Field]| {
        let members: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{}\" {}", f.name, duckdb_type(&f.kind)))
            .collect();
        format!("STRUCT({})", members.join(", "))
    };
    match kind {
        Kind::String => "VARCHAR".into(),
        Kind::Integer => "BIGINT".into(),
        Kind::Boolean => "BOOLEAN".into(),
        Kind::List(item) => format!("{}[]", duckdb_type(item)),
        Kind::Object(fields) => structure(fields),
        Kind::Tagged(variants) => structure(&union_fields(variants)),
    }
}

/// Spark's DDL string of a record (`spark.read.schema(…)`, `from_json`,
/// `mapInArrow`'s schema).
pub fn spark_ddl() -> String {
    let columns: Vec<String> = RECORD
        .iter()
        .map(|f| format!("`{}` {}", f.name, spark_type(&f.kind)))
        .collect();
    columns.join(", ")
}

fn spark_type(kind: &Kind) -> String {
    let structure = |fields: &[Field]| {
        let members: Vec<String> = fields
            .iter()
            .map(|f| format!("`{}`: {}", f.name, spark_type(&f.kind)))
            .collect();
        format!("STRUCT<{}>", members.join(", "))
    };
    match kind {
        Kind::String => "STRING".into(),
        Kind::Integer => "BIGINT".into(),
        Kind::Boolean => "BOOLEAN".into(),
        Kind::List(item) => format!("ARRAY<{}>", spark_type(item)),
        Kind::Object(fields) => structure(fields),
        Kind::Tagged(variants) => structure(&union_fields(variants)),
    }
}

/// Checks that `record` has the shape of [`RECORD`]: every key and no other
/// (besides `input`), each of its type, `null` only where allowed, and a block
/// with exactly its kind's keys. The error names the first key that differs.
pub fn check(record: &Value) -> Result<(), String> {
    let Value::Object(map) = record else {
        return Err("the record is not a JSON object".into());
    };
    let mut map = map.clone();
    map.remove("input");
    check_object(&map, RECORD, "")
}

fn check_object(map: &Map<String, Value>, fields: &[Field], path: &str) -> Result<(), String> {
    for f in fields {
        let at = format!("{path}/{}", f.name);
        match map.get(f.name) {
            None => return Err(format!("{at} is missing")),
            Some(Value::Null) if f.nullable => {}
            Some(value) => check_value(value, &f.kind, &at)?,
        }
    }
    match map.keys().find(|k| !fields.iter().any(|f| f.name == *k)) {
        Some(extra) => Err(format!("{path}/{extra} is not in the schema")),
        None => Ok(()),
    }
}

fn check_value(value: &Value, kind: &Kind, at: &str) -> Result<(), String> {
    let fits = match (kind, value) {
        (Kind::String, Value::String(_)) | (Kind::Boolean, Value::Bool(_)) => true,
        (Kind::Integer, Value::Number(n)) => {
            n.is_i64() || n.as_u64().is_some_and(|n| n <= i64::MAX as u64)
        }
        (Kind::List(item), Value::Array(values)) => {
            for (i, v) in values.iter().enumerate() {
                check_value(v, item, &format!("{at}/{i}"))?;
            }
            true
        }
        (Kind::Object(fields), Value::Object(map)) => return check_object(map, fields, at),
        (Kind::Tagged(variants), Value::Object(map)) => {
            let name = map.get("kind").and_then(Value::as_str).unwrap_or_default();
            let Some(variant) = variants.iter().find(|v| v.name == name) else {
                return Err(format!("{at}/kind {name:?} is not a known kind"));
            };
            let mut rest = map.clone();
            rest.remove("kind");
            return check_object(&rest, variant.fields, at);
        }
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(format!("{at} is {value}, not of type {kind:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Caption, Link, Section};
    use crate::record::{Input, Record};

    /// A document with every kind of block, a caption and a link, each
    /// optional value given, so every key of the table is written.
    fn full_document() -> Document {
        let blocks = vec![
            Block::Paragraph { text: "p".into() },
            Block::List {
                ordered: true,
                items: vec!["a".into()],
            },
            Block::Quote { text: "q".into() },
            Block::Code {
                text: "x".into(),
                language: Some("rust".into()),
            },
            Block::Table {
                rows: vec![vec!["c".into()]],
            },
            Block::Figure {
                caption: Some("f".into()),
                image: Some("https://example.org/f.png".into()),
            },
        ];
        Document {
            sections: vec![Section {
                heading: Some("h".into()),
                level: Some(2),
                blocks,
            }],
            captions: vec![Caption {
                text: "c".into(),
                credit: Some("Agency".into()),
                image: None,
                alt: None,
            }],
            related_links: vec![Link {
                text: "l".into(),
                url: "https://example.org/".into(),
            }],
            text: "p".into(),
            word_count: 1,
            page_type: Some(crate::PageType::Article),
            ..Document::default()
        }
    }

    #[test]
    fn the_table_lists_every_key_serde_writes_in_its_order() {
        let document = full_document();
        let record = Record::document("a.html", Input::Dropped, &document);
        let written = serde_json::to_value(&record).unwrap();
        check(&written).unwrap();
        // serde_json's map sorts keys, so read the order off the text of a
        // record where each key is written once.
        let empty = Document::default();
        let text = serde_json::to_string(&Record::document("a", Input::Dropped, &empty)).unwrap();
        let positions: Vec<usize> = RECORD
            .iter()
            .map(|f| text.find(&format!("\"{}\":", f.name)).unwrap())
            .collect();
        assert!(positions.is_sorted(), "{positions:?}");
        // Every block kind the type has is in the table.
        let blocks = written["sections"][0]["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), BLOCKS.len());
    }

    #[test]
    fn an_error_record_and_an_empty_code_language_fit_the_table() {
        let record = Record::error("b.html", Input::Dropped, "empty", "input is empty");
        check(&serde_json::to_value(&record).unwrap()).unwrap();
        let code = serde_json::to_value(Block::Code {
            text: "x".into(),
            language: None,
        })
        .unwrap();
        assert_eq!(code["language"], Value::Null);
    }

    #[test]
    fn check_names_a_missing_key_and_a_wrong_type() {
        let document = Document::default();
        let mut value =
            serde_json::to_value(Record::document("a", Input::Dropped, &document)).unwrap();
        value["word_count"] = json!("many");
        assert!(check(&value).unwrap_err().contains("/word_count"));
        value.as_object_mut().unwrap().remove("error");
        assert_eq!(check(&value).unwrap_err(), "/error is missing");
    }

    #[test]
    fn keys_shared_by_block_kinds_have_one_type() {
        let union = union_fields(BLOCKS);
        for variant in BLOCKS {
            for f in variant.fields {
                let merged = union.iter().find(|u| u.name == f.name).unwrap();
                assert_eq!(
                    format!("{:?}", merged.kind),
                    format!("{:?}", f.kind),
                    "{}",
                    f.name
                );
            }
        }
    }

    #[test]
    fn no_engine_type_is_unsigned() {
        let ddl = spark_ddl();
        let duck: String = duckdb_columns().into_iter().map(|(_, t)| t).collect();
        for unsigned in ["UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT"] {
            assert!(!duck.contains(unsigned));
        }
        assert!(ddl.starts_with("`source` STRING, `error` STRUCT<`kind`: STRING"));
        assert!(ddl.contains("`published` STRING"));
    }
}
