"""datatrove: PagepithExtractor in a LocalPipelineExecutor pipeline over a
WARC made from the samples gives the CLI's records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import pagepith  # noqa: E402
from conftest import SAMPLES, make_warc, run_pith  # noqa: E402
from pagepith.datatrove import PagepithExtractor  # noqa: E402


def without_source(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "source"}


def run_pipeline(tmp_path: Path, extractor: PagepithExtractor) -> list:
    warcs = tmp_path / "warc"
    warcs.mkdir(parents=True)
    make_warc(warcs / "samples.warc")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(warcs), glob_pattern="*.warc", compression=None),
            extractor,
            JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    return [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()]


def test_the_pipeline_gives_the_cli_records(tmp_path: Path) -> None:
    docs = run_pipeline(tmp_path, PagepithExtractor(timeout=30))
    cli = run_pith("--input-format", "warc", str(tmp_path / "warc" / "samples.warc"))
    assert len(docs) == len(cli) == len(SAMPLES)
    for doc, record in zip(docs, cli):
        ours = doc["metadata"]["pagepith"]
        assert without_source(ours) == without_source(record), record["source"]
        assert ours["source"] == doc["id"] and record["source"].endswith(doc["id"].strip("<>"))
        assert doc["text"] == record["text"]


def test_the_sandbox_gives_the_same_text_and_markdown_is_the_rendering(tmp_path: Path) -> None:
    plain = run_pipeline(tmp_path / "a", PagepithExtractor(timeout=30, record_key=None))
    boxed = run_pipeline(tmp_path / "b", PagepithExtractor(timeout=30, sandbox=True))
    assert [d["text"] for d in plain] == [d["text"] for d in boxed]
    assert "pagepith" not in plain[0]["metadata"]
    page = SAMPLES[0]
    markdown = PagepithExtractor(output="markdown").extract(page.read_text())
    assert markdown == pagepith.to_markdown(pagepith.extract(page.read_text()))


def test_empty_input_gives_empty_text_as_the_sandbox_warm_up_expects() -> None:
    extractor = PagepithExtractor()
    assert extractor.extract("") == ""
    assert extractor.extract("   ") == ""
    docs = [Document(text="", id="empty"), Document(text="<p>One short paragraph of article text here.</p>", id="ok")]
    kept = list(extractor.run(iter(docs)))
    assert [d.id for d in kept] == ["ok"]
    assert extractor.stats["error_empty"].total == 1
