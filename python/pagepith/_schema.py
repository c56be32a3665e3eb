"""The record's schema, generated from the library's one definition.

Do not edit: `PITH_BLESS=1 cargo test --test it schema` writes this file
from `pagepith::schema` (src/schema.rs).
"""

# (name, type, nullable); a type is "string", "int64", "bool",
# ("list", type) or ("struct", fields).
FIELDS = (
    ("source", "string", False),
    ("error", (
        "struct",
        (
            ("kind", "string", False),
            ("message", "string", False),
        ),
    ), True),
    ("url", "string", True),
    ("title", "string", True),
    ("description", "string", True),
    ("authors", ("list", "string"), False),
    ("published", "string", True),
    ("modified", "string", True),
    ("site_name", "string", True),
    ("language", "string", True),
    ("image", "string", True),
    ("tags", ("list", "string"), False),
    ("page_type", "string", True),
    ("sections", ("list", (
        "struct",
        (
            ("heading", "string", True),
            ("level", "int64", True),
            ("blocks", ("list", (
                "struct",
                (
                    ("kind", "string", False),
                    ("text", "string", True),
                    ("ordered", "bool", True),
                    ("items", ("list", "string"), True),
                    ("language", "string", True),
                    ("rows", ("list", ("list", "string")), True),
                    ("caption", "string", True),
                    ("image", "string", True),
                ),
            )), False),
        ),
    )), False),
    ("captions", ("list", (
        "struct",
        (
            ("text", "string", False),
            ("credit", "string", True),
            ("image", "string", True),
            ("alt", "string", True),
        ),
    )), False),
    ("related_links", ("list", (
        "struct",
        (
            ("text", "string", False),
            ("url", "string", False),
        ),
    )), False),
    ("text", "string", False),
    ("word_count", "int64", False),
    ("stripped", (
        "struct",
        (
            ("navigation", "int64", False),
            ("comments", "int64", False),
            ("related", "int64", False),
            ("share", "int64", False),
            ("ads", "int64", False),
            ("other", "int64", False),
        ),
    ), False),
)

# DuckDB's read_json(columns=...).
DUCKDB_COLUMNS = {
    "source": "VARCHAR",
    "error": "STRUCT(\"kind\" VARCHAR, \"message\" VARCHAR)",
    "url": "VARCHAR",
    "title": "VARCHAR",
    "description": "VARCHAR",
    "authors": "VARCHAR[]",
    "published": "VARCHAR",
    "modified": "VARCHAR",
    "site_name": "VARCHAR",
    "language": "VARCHAR",
    "image": "VARCHAR",
    "tags": "VARCHAR[]",
    "page_type": "VARCHAR",
    "sections": "STRUCT(\"heading\" VARCHAR, \"level\" BIGINT, \"blocks\" STRUCT(\"kind\" VARCHAR, \"text\" VARCHAR, \"ordered\" BOOLEAN, \"items\" VARCHAR[], \"language\" VARCHAR, \"rows\" VARCHAR[][], \"caption\" VARCHAR, \"image\" VARCHAR)[])[]",
    "captions": "STRUCT(\"text\" VARCHAR, \"credit\" VARCHAR, \"image\" VARCHAR, \"alt\" VARCHAR)[]",
    "related_links": "STRUCT(\"text\" VARCHAR, \"url\" VARCHAR)[]",
    "text": "VARCHAR",
    "word_count": "BIGINT",
    "stripped": "STRUCT(\"navigation\" BIGINT, \"comments\" BIGINT, \"related\" BIGINT, \"share\" BIGINT, \"ads\" BIGINT, \"other\" BIGINT)",
}

# Spark's DDL string.
SPARK_DDL = (
    "`source` STRING, "
    "`error` STRUCT<`kind`: STRING, `message`: STRING>, "
    "`url` STRING, "
    "`title` STRING, "
    "`description` STRING, "
    "`authors` ARRAY<STRING>, "
    "`published` STRING, "
    "`modified` STRING, "
    "`site_name` STRING, "
    "`language` STRING, "
    "`image` STRING, "
    "`tags` ARRAY<STRING>, "
    "`page_type` STRING, "
    "`sections` ARRAY<STRUCT<`heading`: STRING, `level`: BIGINT, `blocks`: ARRAY<STRUCT<`kind`: STRING, `text`: STRING, `ordered`: BOOLEAN, `items`: ARRAY<STRING>, `language`: STRING, `rows`: ARRAY<ARRAY<STRING>>, `caption`: STRING, `image`: STRING>>>>, "
    "`captions` ARRAY<STRUCT<`text`: STRING, `credit`: STRING, `image`: STRING, `alt`: STRING>>, "
    "`related_links` ARRAY<STRUCT<`text`: STRING, `url`: STRING>>, "
    "`text` STRING, "
    "`word_count` BIGINT, "
    "`stripped` STRUCT<`navigation`: BIGINT, `comments`: BIGINT, `related`: BIGINT, `share`: BIGINT, `ads`: BIGINT, `other`: BIGINT>"
)
