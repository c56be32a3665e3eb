"""Speed of the Python package, as ratios measured in one run: ms per page
for `extract`, the speed-up of `extract_many(threads=2)`, and datatrove's own
Trafilatura step against PagepithExtractor on the same documents.

    python python/benches/speed.py [--repeat N]

Pages are the samples, repeated. Prints a Markdown table (docs/performance.md).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pagepith

ROOT = Path(__file__).resolve().parents[2]


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def best(function, runs: int = 3) -> float:
    return min(timed(function) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the samples (default 20)")
    args = parser.parse_args()
    samples = sorted((ROOT / "samples").glob("*.html"))
    pages = [p.read_bytes() for p in samples] * args.repeat
    n = len(pages)

    one = best(lambda: [pagepith.extract(p) for p in pages])
    many1 = best(lambda: pagepith.extract_many(pages, threads=1))
    many2 = best(lambda: pagepith.extract_many(pages, threads=2))
    rows = [
        ("`extract`, one page at a time", f"{one / n * 1000:.2f} ms/page", "1.00x"),
        ("`extract_many(threads=1)`", f"{many1 / n * 1000:.2f} ms/page", f"{one / many1:.2f}x"),
        ("`extract_many(threads=2)`", f"{many2 / n * 1000:.2f} ms/page", f"{many1 / many2:.2f}x over threads=1"),
    ]

    from datatrove.data import Document
    from datatrove.pipeline.extractors import Trafilatura

    from pagepith.datatrove import PagepithExtractor

    texts = [p.read_text(errors="replace") for p in samples] * args.repeat

    def run(step) -> None:
        docs = (Document(text=t, id=str(i)) for i, t in enumerate(texts))
        for _ in step.run(docs):
            pass

    trafilatura = best(lambda: run(Trafilatura(timeout=30)), runs=1)
    inprocess = best(lambda: run(PagepithExtractor(timeout=30)), runs=1)
    sandboxed = best(lambda: run(PagepithExtractor(timeout=30, sandbox=True)), runs=1)
    rows += [
        ("datatrove `Trafilatura` (its sandbox)", f"{trafilatura / n * 1000:.2f} ms/page", "1.00x"),
        ("`PagepithExtractor(sandbox=True)`", f"{sandboxed / n * 1000:.2f} ms/page", f"{trafilatura / sandboxed:.1f}x faster"),
        ("`PagepithExtractor()` (in-process)", f"{inprocess / n * 1000:.2f} ms/page", f"{trafilatura / inprocess:.1f}x faster"),
    ]
    print(f"{n} pages ({len(samples)} samples x {args.repeat})\n")
    print("| what | time | ratio |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
