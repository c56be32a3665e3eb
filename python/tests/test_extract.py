"""The package's core: records equal to the CLI's, error kinds, threads,
fork, the time budget, the interpreter released, and the schema."""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
from pathlib import Path

import jsonschema
import pytest

import pagepith
from conftest import ROOT, SAMPLES, run_pith

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20


def golden(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text())


def source(page: Path) -> str:
    return f"samples/{page.name}"


@pytest.mark.parametrize("page", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_gives_the_cli_record(page: Path) -> None:
    record = pagepith.extract(page.read_bytes(), source=source(page))
    assert record == golden(page)
    assert list(record)[:3] == ["source", "error", "url"]


def test_samples_are_the_cli_output_not_only_the_golden_files() -> None:
    records = run_pith(*(source(p) for p in SAMPLES[:3]))
    assert records == [pagepith.extract(p.read_bytes(), source=source(p)) for p in SAMPLES[:3]]


@pytest.mark.parametrize(
    "html, kind",
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        ("", "empty"),
        (PNG, "not_html"),
    ],
)
def test_error_kinds(html: bytes, kind: str) -> None:
    with pytest.raises(pagepith.ExtractError) as caught:
        pagepith.extract(html)
    assert caught.value.kind == kind
    assert caught.value.record["error"]["kind"] == kind
    assert caught.value.record["text"] == "" and caught.value.record["sections"] == []


def test_too_large_and_the_cli_agree() -> None:
    page = SAMPLES[0]
    with pytest.raises(pagepith.ExtractError) as caught:
        pagepith.extract(page.read_bytes(), source=source(page), max_bytes=100)
    assert caught.value.kind == "too_large"
    (cli,) = run_pith("--max-bytes", "100", source(page))
    assert caught.value.record == cli


def test_the_time_budget_gives_a_timeout_error() -> None:
    big = b"<html><body>" + b"<div><p>Words in a paragraph that goes on.</p></div>" * 60_000 + b"</body></html>"
    started = time.monotonic()
    with pytest.raises(pagepith.ExtractError) as caught:
        pagepith.extract(big, timeout=0.001)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 10
    assert pagepith.extract(b"<p>Short page with a few words in it.</p>", timeout=None)["error"] is None
    with pytest.raises(ValueError):
        pagepith.extract(b"<p>x</p>", timeout=-1)


def test_a_str_page_is_utf8_whatever_its_meta_says() -> None:
    page = '<meta charset="windows-1252"><p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9 of the day.</p>'
    assert "Caf\u00e9 cr\u00e8me" in pagepith.extract(page)["text"]


def test_url_resolves_links_and_names_the_record() -> None:
    html = b'<article><h1>T</h1><p>Body text of the article, long enough.</p><img src="/a.png"></article>'
    record = pagepith.extract(html, url="https://example.org/x/")
    assert record["url"] == "https://example.org/x/"


def test_extract_many_keeps_order_and_gives_errors_as_records() -> None:
    pages = [p.read_bytes() for p in SAMPLES] * 3 + [b"", PNG]
    sources = [f"p{i}" for i in range(len(pages))]
    one = pagepith.extract_many(pages, sources=sources)
    two = pagepith.extract_many(pages, sources=sources, threads=2)
    four = pagepith.extract_many(pages, sources=sources, threads=4)
    assert one == two == four
    assert [r["source"] for r in two] == sources
    assert [r["error"]["kind"] for r in two[-2:]] == ["empty", "not_html"]
    assert two[0] == {**golden(SAMPLES[0]), "source": "p0"}
    assert pagepith.extract_many([]) == []
    with pytest.raises(ValueError):
        pagepith.extract_many([b"x"], urls=[])


def _extract_in_child(queue: "multiprocessing.Queue[object]") -> None:
    records = pagepith.extract_many([p.read_bytes() for p in SAMPLES], threads=2)
    queue.put([r["title"] for r in records])


def test_a_forked_child_extracts_after_the_parent_did() -> None:
    pages = [p.read_bytes() for p in SAMPLES]
    titles = [r["title"] for r in pagepith.extract_many(pages, threads=2)]
    pagepith.extract(pages[0])
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_extract_in_child, args=(queue,))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
        pytest.fail("the forked child hung")
    assert child.exitcode == 0
    assert queue.get(timeout=5) == titles


def test_the_interpreter_runs_while_a_page_is_extracted() -> None:
    big = b"<article><h1>Long</h1>" + b"<p>A sentence of prose in a long article body.</p>" * 40_000 + b"</article>"
    counted = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal counted
        while not stop.is_set():
            counted += 1

    started = time.monotonic()
    pagepith.extract(big, timeout=None)
    alone = time.monotonic() - started
    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = counted
        pagepith.extract(big, timeout=None)
        during = counted - before
    finally:
        stop.set()
        counter.join()
    # Holding the interpreter, the counter would stand still for the whole call.
    assert alone > 0.05, alone
    assert during > 10_000, during


def schema() -> dict:
    return json.loads((ROOT / "docs" / "schema.json").read_text())


def test_every_record_fits_the_json_schema_and_the_arrow_schema() -> None:
    records = pagepith.extract_many([p.read_bytes() for p in SAMPLES] + [b"", PNG])
    records.append(pagepith.extract_many([b"<p>x</p>"], max_bytes=3)[0])
    records += list(pagepith.read_jsonl(_bad_jsonl(), passthrough=True))
    validator = jsonschema.Draft202012Validator(schema())
    for record in records:
        validator.validate(record)
    batch = pagepith.to_arrow(records)
    assert batch.schema == pagepith.SCHEMA
    assert batch.num_rows == len(records)
    assert batch.column("error").null_count == len(records) - 4
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**records[0], "word_count": -0.5})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**records[-5], "title": "an error record with a title"})


def _bad_jsonl() -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "rows.jsonl"
    path.write_text('{"id": "a", "html": "<p>Hello there, reader of rows.</p>", "crawl": 7}\nnot json\n')
    return path


def test_no_unsigned_or_timestamp_types() -> None:
    import pyarrow as pa

    def types(t: pa.DataType):
        yield t
        for i in range(t.num_fields):
            yield from types(t.field(i).type)

    for field in pagepith.SCHEMA:
        for t in types(field.type):
            assert not pa.types.is_unsigned_integer(t) and not pa.types.is_timestamp(t), field
    assert pagepith.SCHEMA.field("published").type == pa.string()
    assert "UBIGINT" not in json.dumps(pagepith.DUCKDB_COLUMNS)
    assert pagepith.SPARK_DDL.startswith("`source` STRING, `error` STRUCT<")


def test_to_markdown_and_to_text_are_the_cli_renderings() -> None:
    page = SAMPLES[-1]
    record = pagepith.extract(page.read_bytes(), source=source(page))
    out = __import__("subprocess").run(
        [str(__import__("conftest").pith_binary()), "--format", "markdown", source(page)],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode()
    assert out.split("-->\n\n", 1)[1] == pagepith.to_markdown(record)
    assert pagepith.to_text(record).startswith(record["title"] + "\n\n")
    error = pagepith.extract_many([b""])[0]
    assert pagepith.to_markdown(error) == "**Error (empty):** input is empty\n"
