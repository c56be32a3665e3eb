"""Shared helpers: the repository's samples, the `pith` program built by
cargo (for parity with the CLI), and a WARC file made from the samples."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.html"))


def pith_binary() -> Path:
    """The `pith` program: $PITH, else the newest of cargo's builds."""
    if os.environ.get("PITH"):
        return Path(os.environ["PITH"])
    built = [ROOT / "target" / p / "pith" for p in ("release", "debug")]
    built = [p for p in built if p.exists()]
    if not built:
        raise RuntimeError("no pith program: run `cargo build` first, or set PITH")
    return max(built, key=lambda p: p.stat().st_mtime)


def run_pith(*args: str, cwd: Path = ROOT) -> List[dict]:
    """pith's records for `args` (exit 1, some record is an error, is fine)."""
    out = subprocess.run(
        [str(pith_binary()), "--quiet", *args], cwd=cwd, capture_output=True, check=False
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def warc_record(kind: str, record_id: str, headers: dict, block: bytes) -> bytes:
    head = ["WARC/1.0", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{record_id}>"]
    head.append("WARC-Date: 2024-05-01T12:00:00Z")
    head += [f"{k}: {v}" for k, v in headers.items()]
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def make_warc(path: Path, extra_pages: List[bytes] = ()) -> Path:
    """A WARC of every sample as an HTTP response (plus `extra_pages`), after a
    warcinfo record and with a request record between, as crawlers write."""
    parts = [warc_record("warcinfo", "info-0", {"Content-Type": "application/warc-fields"}, b"software: test\r\n")]
    pages = [(p.stem, p.read_bytes()) for p in SAMPLES]
    pages += [(f"extra-{i}", body) for i, body in enumerate(extra_pages)]
    for i, (name, body) in enumerate(pages):
        url = f"https://example.org/{name}"
        parts.append(warc_record("request", f"req-{i}", {"WARC-Target-URI": url}, b"GET / HTTP/1.1\r\n\r\n"))
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        headers = {
            "WARC-Target-URI": url,
            "Content-Type": "application/http; msgtype=response",
            "WARC-Identified-Payload-Type": "text/html",
        }
        parts.append(warc_record("response", f"page-{i}", headers, http))
    path.write_bytes(b"".join(parts))
    return path


@pytest.fixture(scope="session")
def sample_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warc(tmp_path_factory.mktemp("warc") / "samples.warc", [b"", b"  \n"])
