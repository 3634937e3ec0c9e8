"""The records that flow out of the readers: one RawInput per article, one InputError per problem."""
from __future__ import annotations

from dataclasses import dataclass


FORMAT_ALIASES = {"txt": "text", "md": "text", "htm": "html", "ndjson": "jsonl", "tsv": "csv",
                  "xml": "rss", "atom": "rss", "feed": "rss"}


@dataclass
class RawInput:
    """One article as read, before decoding and cleaning.

    ``raw`` keeps the original bytes/text of this record so the article can be rebuilt
    later with a newer pipeline. For single-article files (text, html) it is the whole
    file's bytes; for JSON Lines the original line; for JSON, CSV and feeds a JSON object
    with the record's fields. ``index`` is the 0-based position inside a multi-record file
    (line of a JSON Lines file, data row of a CSV, entry of a JSON array or feed), else
    None; people count from 1, so messages and ``where`` show ``index + 1``.
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
        """``path`` or ``path:number`` (1-based), for messages."""
        return self.path if self.index is None else f"{self.path}:{self.index + 1}"

    @classmethod
    def from_stored(cls, raw: bytes | str, raw_format: str, article=None) -> "RawInput":
        """Rebuild the input of a stored article (for re-processing). ``article`` (an
        eventlens.model.Article) supplies the metadata that lives outside ``raw``."""
        fmt = FORMAT_ALIASES.get(raw_format.lower().lstrip("."), raw_format.lower())
        meta = {}
        if article is not None:
            meta = {"id": article.id, "title": article.title, "source": article.source,
                    "url": article.url,
                    "published": article.published.isoformat() if article.published else None}
        return cls(path=getattr(article, "input_path", None) or "<stored>", format=fmt, raw=raw,
                   **meta)


@dataclass
class InputError:
    """An input that could not be read; the batch goes on without it."""
    path: str
    index: int | None
    message: str

    @property
    def where(self) -> str:
        return self.path if self.index is None else f"{self.path}:{self.index + 1}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class IngestError(ValueError):
    """Raised by build_article for input that cannot become an article (no text, binary...)."""
