"""pagepith on Spark: ``mapInArrow`` functions that turn a DataFrame of WARC
paths, or of HTML, into a DataFrame of records with the published schema
(``pagepith.SPARK_DDL``).

    from pagepith import spark as pith
    paths = spark.createDataFrame([(p,) for p in warc_paths], "path string")
    records = pith.from_warc_paths(paths)                 # the shape of cc-pyspark
    pages = spark.read.parquet("pages/")                  # an `html` column
    records = pith.from_html(pages, url_column="url")

Each Python worker reads and extracts its own rows; nothing is shared or
kept between batches, so Spark's forked workers are safe. Paths must be
readable on the executors (local or mounted files).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Iterator, List, Optional

import pagepith

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame

SCHEMA_DDL = pagepith.SPARK_DDL
"""The records' Spark schema."""

BATCH_ROWS = 256
"""Records per Arrow batch handed back to Spark."""


def warc_batches(
    batches: Iterator["pyarrow.RecordBatch"], path_column: str = "path", **options: Any
) -> Iterator["pyarrow.RecordBatch"]:
    """``mapInArrow`` function: the records of every WARC file named in
    ``path_column``, in file order, as ``pith --input-format warc`` gives them."""
    buffer: List[pagepith.Record] = []
    for batch in batches:
        for path in batch.column(path_column).to_pylist():
            if path is None:
                continue
            for record in pagepith.read_warc(path, **options):
                buffer.append(record)
                if len(buffer) >= BATCH_ROWS:
                    yield pagepith.to_arrow(buffer)
                    buffer = []
    if buffer:
        yield pagepith.to_arrow(buffer)


def html_batches(
    batches: Iterator["pyarrow.RecordBatch"],
    html_column: str = "html",
    url_column: Optional[str] = None,
    source_column: Optional[str] = None,
    threads: int = 1,
    **options: Any,
) -> Iterator["pyarrow.RecordBatch"]:
    """``mapInArrow`` function: one record per row of ``html_column`` (string
    or binary), in row order; a null page is an ``empty`` error record."""
    for batch in batches:
        pages = [page if page is not None else b"" for page in batch.column(html_column).to_pylist()]
        urls = batch.column(url_column).to_pylist() if url_column else None
        sources = [str(s) for s in batch.column(source_column).to_pylist()] if source_column else None
        yield pagepith.to_arrow(pagepith.extract_many(pages, urls=urls, sources=sources, threads=threads, **options))


def from_warc_paths(df: "DataFrame", path_column: str = "path", **options: Any) -> "DataFrame":
    """The records of the WARC files a DataFrame names, one row per page."""
    return df.mapInArrow(partial(warc_batches, path_column=path_column, **options), SCHEMA_DDL)


def from_html(
    df: "DataFrame",
    html_column: str = "html",
    url_column: Optional[str] = None,
    source_column: Optional[str] = None,
    threads: int = 1,
    **options: Any,
) -> "DataFrame":
    """One record per row of a DataFrame with an HTML column."""
    function = partial(
        html_batches,
        html_column=html_column,
        url_column=url_column,
        source_column=source_column,
        threads=threads,
        **options,
    )
    return df.mapInArrow(function, SCHEMA_DDL)
