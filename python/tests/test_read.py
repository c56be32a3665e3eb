"""Crawl files: `read_warc` and `read_jsonl` give the CLI's records for
`--input-format warc|jsonl`, streamed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pagepith
from conftest import SAMPLES, run_pith


def test_read_warc_equals_the_cli(sample_warc: Path) -> None:
    ours = list(pagepith.read_warc(sample_warc))
    cli = run_pith("--input-format", "warc", str(sample_warc))
    assert ours == cli
    assert len(ours) == len(SAMPLES) + 2, "the warcinfo and request records are skipped"
    assert ours[0]["source"] == f"{sample_warc}#urn:uuid:page-0"
    assert [r["error"]["kind"] for r in ours[-2:]] == ["empty", "empty"]


def test_read_warc_streams_gzip_members(sample_warc: Path, tmp_path: Path) -> None:
    packed = tmp_path / "samples.warc.gz"
    packed.write_bytes(gzip.compress(sample_warc.read_bytes()))
    records = pagepith.read_warc(packed)
    first = next(records)
    assert first["url"] is not None and first["error"] is None
    assert len(list(records)) == len(SAMPLES) + 1


def test_a_missing_file_gives_one_io_record_like_the_cli(tmp_path: Path) -> None:
    missing = tmp_path / "nope.warc"
    ours = list(pagepith.read_warc(missing))
    cli = run_pith("--input-format", "warc", str(missing))
    assert [r["error"]["kind"] for r in ours] == ["io"]
    assert ours[0]["source"] == cli[0]["source"] == str(missing)


def test_read_jsonl_with_passthrough_equals_the_cli(tmp_path: Path) -> None:
    rows = [{"id": f"row-{i}", "html": p.read_text(errors="replace"), "crawl": "2024-05"} for i, p in enumerate(SAMPLES[:4])]
    lines = [json.dumps(r) for r in rows] + ["not json", json.dumps({"body": "<p>x</p>"})]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines) + "\n")
    for passthrough in (False, True):
        ours = list(pagepith.read_jsonl(path, passthrough=passthrough))
        args = ["--input-format", "jsonl", str(path)] + (["--passthrough"] if passthrough else [])
        assert ours == run_pith(*args)
        assert ("input" in ours[4]) == passthrough
    assert ours[0]["input"] == {"id": "row-0", "crawl": "2024-05"}
    assert ours[4]["input"] is None and ours[4]["error"]["kind"] == "io"
    other = list(pagepith.read_jsonl(path, "body"))
    assert other[-1]["error"] is None
