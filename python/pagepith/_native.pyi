"""Types of the native part; the documented API is the `pagepith` module."""

from typing import Iterator, List, Optional, Tuple

Line = Tuple[str, Optional[Tuple[str, str]]]

class Options:
    def __init__(
        self,
        *,
        url: Optional[str] = None,
        charset: Optional[str] = None,
        timeout: Optional[float] = None,
        max_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_nodes: Optional[int] = None,
    ) -> None: ...

class Records(Iterator[Line]):
    def __iter__(self) -> "Records": ...
    def __next__(self) -> Line: ...

def extract(html: bytes, source: str, options: Options) -> Line: ...
def extract_many(
    pages: List[bytes],
    sources: List[str],
    urls: List[Optional[str]],
    charsets: List[Optional[str]],
    threads: int,
    options: Options,
) -> List[Line]: ...
def read(
    path: str, format: str, options: Options, html_field: str = "html", passthrough: bool = False
) -> Records: ...
def to_markdown(record: str) -> str: ...
def to_text(record: str) -> str: ...
