"""pagepith as a datatrove extractor step.

``PagepithExtractor`` takes the place of datatrove's ``Trafilatura`` (or any
``BaseExtractor``) in a pipeline: same options shape (``timeout`` first), the
document's HTML in ``doc.text`` in, the article's text (or Markdown) out, a
document that gives none dropped and counted.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from pagepith.datatrove import PagepithExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),
        PagepithExtractor(),
        JsonlWriter("out/"),
    ], tasks=4).run()

By default pages are extracted in the worker's own process, under the
library's time budget (``timeout`` seconds per page, checked between stages
and inside the parse), with the interpreter released. ``sandbox=True`` runs
them as datatrove's own extractors do instead: in a child process that is
killed past ``timeout``. The whole record is kept in
``doc.metadata["pagepith"]`` unless ``record_key=None``.
"""

from __future__ import annotations

from typing import Any, Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

import pagepith


class PagepithExtractor(BaseExtractor):
    """The article of each document's HTML, by pagepith.

    Args:
        timeout: seconds one page may take (the library's budget; with
            ``sandbox``, the child process is killed past it).
        output: ``"text"`` (the record's ``text``) or ``"markdown"``.
        record_key: the metadata key that keeps the whole record, or ``None``.
        sandbox: extract in datatrove's sandbox process, as its own
            extractors do, rather than in-process.
        url_key: the metadata key holding the page's URL (to resolve links).
        **limits: ``max_bytes``, ``max_depth``, ``max_nodes``.
    """

    name = "\u26cf pagepith"
    _requires_dependencies = []

    def __init__(
        self,
        timeout: float = 1,
        output: str = "text",
        record_key: Optional[str] = "pagepith",
        sandbox: bool = False,
        url_key: str = "url",
        **limits: Any,
    ) -> None:
        super().__init__(timeout)
        if output not in ("text", "markdown"):
            raise ValueError(f'output must be "text" or "markdown", not {output!r}')
        self.output = output
        self.record_key = record_key
        self.sandbox = sandbox
        self.url_key = url_key
        self.limits = limits

    def extract(self, text: str) -> str:
        """The article's text (or Markdown) of one page; ``""`` when it has
        none (an empty page, the sandbox's warm-up, an error)."""
        if not text:
            return ""
        try:
            record = pagepith.extract(text, timeout=self.timeout, **self.limits)
        except pagepith.ExtractError:
            return ""
        return self._output(record)

    def _output(self, record: "pagepith.Record") -> str:
        if record["error"] is not None:
            return ""
        if self.output == "markdown":
            return pagepith.to_markdown(record)
        return record["text"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if self.sandbox:
            yield from super().run(data, rank, world_size)
            return
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                record = pagepith.extract_many(
                    [doc.text],
                    urls=[doc.metadata.get(self.url_key)],
                    sources=[str(doc.id)],
                    timeout=self.timeout,
                    **self.limits,
                )[0]
            error = record["error"]
            if error is not None:
                self.stat_update(f"error_{error['kind']}")
                self.stat_update(StatHints.dropped)
                continue
            doc.text = self._output(record)
            if self.record_key is not None:
                doc.metadata[self.record_key] = record
            self.stat_update("extracted")
            if doc.text:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)
