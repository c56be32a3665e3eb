"""pagepith: the article of a scraped web page, as a structured record.

Every function gives the record the ``pith`` program writes for the same
page (equal JSON): ``source``, ``error`` (``None`` on a document), then the
document's fields. See ``docs/python.md`` for the API and the engines
(datatrove, Spark, Ray, Dask) and ``docs/schema.md`` for the record.

    >>> import pagepith
    >>> record = pagepith.extract(b"<h1>Tides</h1><p>The spring tide tables are out.</p>")
    >>> record["title"], record["error"]
    ('Tides', None)
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from . import _native
from ._schema import DUCKDB_COLUMNS, FIELDS, SPARK_DDL

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "DUCKDB_COLUMNS",
    "SCHEMA",
    "SPARK_DDL",
    "ExtractError",
    "extract",
    "extract_many",
    "read_jsonl",
    "read_warc",
    "to_arrow",
    "to_markdown",
    "to_text",
]

Record = Dict[str, Any]
"""One record: a dict with every key of the published schema."""

Html = Union[bytes, bytearray, memoryview, str]

DEFAULT_TIMEOUT = 30.0
"""Seconds one page may take (the library's budget); ``None`` for no budget."""

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Pages larger than this many bytes are refused as ``too_large``."""


class ExtractError(Exception):
    """A page gave no document.

    ``kind`` is the record's ``error.kind``: ``empty``, ``not_html``,
    ``too_large``, ``timeout`` or ``internal``; ``record`` is the whole error
    record, as ``extract_many`` would have returned it.
    """

    def __init__(self, kind: str, message: str, record: Record) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message
        self.record = record


def _options(
    url: Optional[str] = None,
    charset: Optional[str] = None,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> _native.Options:
    return _native.Options(
        url=url,
        charset=charset,
        timeout=timeout,
        max_bytes=max_bytes,
        max_depth=max_depth,
        max_nodes=max_nodes,
    )


def _bytes(html: Html, charset: Optional[str]) -> "tuple[bytes, Optional[str]]":
    """The page's bytes; a ``str`` is UTF-8, whatever its ``<meta>`` says."""
    if isinstance(html, str):
        return html.encode("utf-8", "surrogatepass"), charset or "utf-8"
    if isinstance(html, bytes):
        return html, charset
    if isinstance(html, (bytearray, memoryview)):
        return bytes(html), charset
    raise TypeError(f"html must be bytes or str, not {type(html).__name__}")


def extract(
    html: Html,
    *,
    url: Optional[str] = None,
    source: str = "-",
    charset: Optional[str] = None,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> Record:
    """Extracts one page; its record, or ``ExtractError`` when it gives none.

    ``url`` (the address the page was fetched from) resolves relative links
    unless the page has a ``<base href>``, and is the record's ``url`` when the
    page names no canonical URL; ``charset`` (an HTTP header's) wins over the
    page's own; ``source`` is the record's ``source`` (``"-"``, as the CLI names
    stdin, unless given). The interpreter is released while the page is
    extracted.
    """
    page, charset = _bytes(html, charset)
    options = _options(url, charset, timeout, max_bytes, max_depth, max_nodes)
    line, error = _native.extract(page, source, options)
    record = json.loads(line)
    if error is not None:
        raise ExtractError(error[0], error[1], record)
    return record


def extract_many(
    pages: Iterable[Html],
    *,
    urls: Optional[Sequence[Optional[str]]] = None,
    sources: Optional[Sequence[str]] = None,
    threads: int = 1,
    charset: Optional[str] = None,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> List[Record]:
    """Extracts many pages; one record per page, in input order.

    A page that gives no document gives its error record (no exception).
    ``threads`` pages are extracted at once, on threads started for this call
    and joined before it returns (nothing is left running: the process can
    fork afterwards). ``urls`` and ``sources`` name each page, one per page.
    """
    if threads < 1:
        raise ValueError("threads must be at least 1")
    pages = list(pages)
    n = len(pages)
    urls = list(urls) if urls is not None else [None] * n
    sources = list(sources) if sources is not None else ["-"] * n
    if len(urls) != n or len(sources) != n:
        raise ValueError("urls and sources must have one entry per page")
    encoded = [_bytes(page, charset) for page in pages]
    options = _options(None, None, timeout, max_bytes, max_depth, max_nodes)
    lines = _native.extract_many(
        [page for page, _ in encoded],
        sources,
        urls,
        [page_charset for _, page_charset in encoded],
        threads,
        options,
    )
    return [json.loads(line) for line, _ in lines]


def _read(path: Union[str, "os.PathLike[str]"], fmt: str, html_field: str, passthrough: bool, **limits: Any) -> Iterator[Record]:
    options = _options(**limits)
    for line, _ in _native.read(os.fspath(path), fmt, options, html_field, passthrough):
        yield json.loads(line)


def read_warc(
    path: Union[str, "os.PathLike[str]"],
    *,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> Iterator[Record]:
    """The records of a WARC file (gzip or not), as ``pith --input-format warc``.

    Streamed: one record is read and extracted at a time, the interpreter
    released meanwhile. ``source`` is ``<path>#<WARC-Record-ID>``; a file that
    cannot be opened gives one ``io`` error record, as in the CLI.
    """
    return _read(path, "warc", "html", False, timeout=timeout, max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes)


def read_jsonl(
    path: Union[str, "os.PathLike[str]"],
    html_field: str = "html",
    *,
    passthrough: bool = False,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: Optional[int] = None,
    max_nodes: Optional[int] = None,
) -> Iterator[Record]:
    """The records of a JSON Lines file (gzip or not), as ``pith --input-format jsonl``.

    Each row's HTML is in ``html_field``; its ``url`` and ``id`` are used as
    the CLI uses them. With ``passthrough``, every record has ``input``: the
    row's other fields (``None`` for a line that is not a JSON object).
    """
    return _read(path, "jsonl", html_field, passthrough, timeout=timeout, max_bytes=max_bytes, max_depth=max_depth, max_nodes=max_nodes)


def to_markdown(record: Record) -> str:
    """The record as Markdown, as ``pith --format markdown`` writes it."""
    return _native.to_markdown(json.dumps(record))


def to_text(record: Record) -> str:
    """The record as plain text (title, blank line, text), as ``pith --format text``."""
    return _native.to_text(json.dumps(record))


def _arrow_type(pa: Any, ty: Any, nullable: bool) -> Any:
    if ty == "string":
        return pa.string()
    if ty == "int64":
        return pa.int64()
    if ty == "bool":
        return pa.bool_()
    if ty[0] == "list":
        return pa.list_(_arrow_type(pa, ty[1], False))
    # The keys of a struct that may be null may be null too in Arrow: a null
    # `error` has null `kind` and `message`.
    return pa.struct([_arrow_field(pa, f, nullable) for f in ty[1]])


def _arrow_field(pa: Any, field: Any, parent_nullable: bool = False) -> Any:
    name, ty, nullable = field
    nullable = nullable or parent_nullable
    return pa.field(name, _arrow_type(pa, ty, nullable), nullable=nullable)


def arrow_schema() -> "pyarrow.Schema":
    """The published schema as a pyarrow schema (needs pyarrow)."""
    import pyarrow as pa

    return pa.schema([_arrow_field(pa, f) for f in FIELDS])


def to_arrow(records: Iterable[Record]) -> "pyarrow.RecordBatch":
    """Records as one pyarrow ``RecordBatch`` of the published schema (needs pyarrow).

    A block's keys of other kinds are null; ``input`` (passthrough) is left out.
    """
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(list(records), schema=_schema_cached())


def _schema_cached() -> "pyarrow.Schema":
    schema = globals().get("SCHEMA")
    if schema is None:
        schema = globals()["SCHEMA"] = arrow_schema()
    return schema


def __getattr__(name: str) -> Any:
    # SCHEMA is built on first use, so pyarrow stays optional.
    if name == "SCHEMA":
        return _schema_cached()
    raise AttributeError(f"module 'pagepith' has no attribute {name!r}")
