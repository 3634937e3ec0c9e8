"""The records that flow out of the readers: one RawInput per article, one InputError per problem."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawInput:
    """One article as read, before decoding and cleaning.

    ``raw`` keeps the original bytes/text of this record so the article can be rebuilt
    later with a newer pipeline. For single-article files (text, html) it is the whole
    file's bytes; for JSON Lines the original line; for JSON, CSV and feeds a JSON object
    with the record's fields. ``index`` is the 1-based line (JSON Lines), data row (CSV)
    or entry number (JSON array, feed) inside a multi-record file, else None.
    """
    path: str
    format: str                      # text | html | json | jsonl | csv | rss
    raw: bytes | str
    index: int | None = None
    id: str | None = None
    title: str | None = None
    text: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None

    @property
    def where(self) -> str:
        """``path`` or ``path:index``, for messages."""
        return self.path if self.index is None else f"{self.path}:{self.index}"


@dataclass
class InputError:
    """An input that could not be read; the batch goes on without it."""
    path: str
    index: int | None
    message: str

    @property
    def where(self) -> str:
        return self.path if self.index is None else f"{self.path}:{self.index}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class IngestError(ValueError):
    """Raised by build_article for input that cannot become an article (no text, binary...)."""
