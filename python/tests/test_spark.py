"""Spark on local[2]: both mapInArrow functions give the CLI's records with
the published schema."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pyspark")

import pagepith  # noqa: E402
from conftest import SAMPLES, run_pith  # noqa: E402
from pagepith import spark as pith  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    import os
    import sys

    from pyspark.sql import SparkSession

    # The workers run this interpreter (the one pagepith is installed in).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("pagepith-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def as_records(df) -> list:
    """Rows as records: Spark's toJSON drops nulls, so rebuild from the dicts."""
    return [row.asDict(recursive=True) for row in df.collect()]


def normalise(record: dict) -> dict:
    """A record as Arrow/Spark hold it: a block has every kind's keys."""
    return pagepith.to_arrow([record]).to_pylist()[0]


def test_warc_paths_give_the_cli_records(spark, sample_warc: Path) -> None:
    paths = spark.createDataFrame([(str(sample_warc),), (str(sample_warc),)], "path string").repartition(2)
    df = pith.from_warc_paths(paths)
    assert df.schema.simpleString() == spark.createDataFrame([], pith.SCHEMA_DDL).schema.simpleString()
    got = sorted(as_records(df), key=lambda r: r["source"])
    cli = run_pith("--input-format", "warc", str(sample_warc))
    want = sorted([normalise(r) for r in cli] * 2, key=lambda r: r["source"])
    assert got == want
    assert sum(1 for r in got if r["error"] is not None) == 4


def test_an_html_column_gives_the_cli_records_in_row_order(spark) -> None:
    data = [(f"samples/{p.name}", p.read_text(errors="replace"), f"https://example.org/{p.stem}") for p in SAMPLES]
    data.append(("empty", "", None))
    pages = spark.createDataFrame(data, "name string, html string, url string").coalesce(1)
    df = pith.from_html(pages, url_column="url", source_column="name", threads=2)
    got = as_records(df)
    want = [
        normalise(pagepith.extract_many([html], urls=[url], sources=[name])[0]) for name, html, url in data
    ]
    assert got == want
    assert got[-1]["error"]["kind"] == "empty"
    assert df.filter("error IS NULL").count() == len(SAMPLES)
