"""The point of one shape: a 25,000-line output whose errors all come at the
end reads into DuckDB, polars and pyarrow with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pagepith
from conftest import SAMPLES

LINES = 25_000
ERRORS = [b"", b"  ", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8]


@pytest.fixture(scope="module")
def late_errors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Samples repeated, then the error records, as pith writes them."""
    documents = pagepith.extract_many([p.read_bytes() for p in SAMPLES], sources=[p.name for p in SAMPLES])
    errors = pagepith.extract_many(ERRORS, sources=[f"error-{i}" for i in range(len(ERRORS))])
    lines = [json.dumps(documents[i % len(documents)], ensure_ascii=False) for i in range(LINES - len(errors))]
    lines += [json.dumps(e, ensure_ascii=False) for e in errors]
    path = tmp_path_factory.mktemp("tables") / "pages.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def expected_urls() -> int:
    with_url = sum(1 for p in SAMPLES if pagepith.extract(p.read_bytes())["url"] is not None)
    full, rest = divmod(LINES - len(ERRORS), len(SAMPLES))
    return full * with_url + sum(
        1 for p in SAMPLES[:rest] if pagepith.extract(p.read_bytes())["url"] is not None
    )


def test_duckdb_with_the_published_columns(late_errors: Path) -> None:
    import duckdb

    columns = "{" + ", ".join(f"'{k}': '{v.replace(chr(39), chr(39) * 2)}'" for k, v in pagepith.DUCKDB_COLUMNS.items()) + "}"
    query = f"FROM read_json('{late_errors}', format='newline_delimited', columns={columns})"
    rows, errors, urls, kinds = duckdb.sql(
        f"SELECT count(*), count(error), count(url), list(error.kind) FILTER (error IS NOT NULL) {query}"
    ).fetchall()[0]
    assert rows == LINES
    assert errors == len(ERRORS)
    assert urls == expected_urls()
    assert kinds == ["empty", "empty", "not_html"]


def test_duckdb_inference_keeps_every_column(late_errors: Path) -> None:
    """Without `columns`, every key is a column and `url` a string. A key that
    is null in all of DuckDB's sample (20,480 lines by default) is typed NULL,
    though, so late errors need `columns` or `sample_size=-1`."""
    import duckdb

    source = f"read_json('{late_errors}', format='newline_delimited')"
    described = duckdb.sql(f"DESCRIBE FROM {source}").fetchall()
    assert [row[0] for row in described] == [f[0] for f in pagepith._schema.FIELDS]
    assert dict((row[0], row[1]) for row in described)["url"] == "VARCHAR"
    rows, errors, urls = duckdb.sql(
        f"SELECT count(*), count(error), count(url) FROM read_json('{late_errors}', format='newline_delimited', sample_size=-1)"
    ).fetchall()[0]
    assert (rows, errors, urls) == (LINES, len(ERRORS), expected_urls())


def test_pyarrow_with_the_published_schema(late_errors: Path) -> None:
    import pyarrow.json as paj

    table = paj.read_json(late_errors, parse_options=paj.ParseOptions(explicit_schema=pagepith.SCHEMA))
    assert table.schema.names == pagepith.SCHEMA.names
    assert table.cast(pagepith.SCHEMA).schema == pagepith.SCHEMA
    assert table.num_rows == LINES
    assert table.column("error").null_count == LINES - len(ERRORS)
    assert LINES - table.column("url").null_count == expected_urls()
    assert table.slice(LINES - 1).to_pylist()[0]["error"]["kind"] == "not_html"


def test_polars_with_the_published_schema(late_errors: Path) -> None:
    import polars as pl

    schema = pl.from_arrow(pagepith.SCHEMA.empty_table()).schema
    frame = pl.read_ndjson(late_errors, schema=schema)
    assert frame.height == LINES
    assert frame["error"].is_not_null().sum() == len(ERRORS)
    assert frame["url"].is_not_null().sum() == expected_urls()
    assert frame["error"].struct.field("kind").drop_nulls().to_list() == ["empty", "empty", "not_html"]
