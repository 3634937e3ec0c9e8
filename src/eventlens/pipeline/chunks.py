"""Long articles: code them in paragraph-aligned chunks and merge the results.

spaCy's parser needs about 1 GB of memory per 100,000 characters, and a book-length
"article" (a transcript, a report pasted whole) would otherwise be refused. Each chunk
is coded on its own; the results are merged back into one Result whose spans are
offsets into the whole article text. What is lost is only cross-chunk context
(a surname in chunk 2 resolving to a full name in chunk 1), so chunks are large.
"""
from __future__ import annotations

from typing import Iterable

from pydantic import BaseModel

from ..model import Article, Result, Span

# Articles longer than this are split; news articles are far shorter.
CHUNK_CHARS = 100_000
# Cut points, best first: paragraph, line, sentence end, any whitespace.
_BREAKS = ("\n\n", "\n", ". ", " ")


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of at most ``limit`` characters that together are ``text``.

    Each cut is at the last paragraph break before the limit, else the last line
    break, sentence end or space; a hard cut only for text with no whitespace at all.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for brk in _BREAKS:
            pos = window.rfind(brk, limit // 2)
            if pos > 0:
                cut = pos + len(brk)
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def chunk_articles(article: Article, limit: int | None = None) -> list[tuple[int, Article]]:
    """The article as (offset, chunk article) pairs; one pair when it is short enough."""
    limit = limit or CHUNK_CHARS
    if len(article.text) <= limit:
        return [(0, article)]
    return [(off, article.model_copy(update={"text": chunk, "removed": []}))
            for off, chunk in split_text(article.text, limit)]


def _shift(obj, offset: int):
    """Move every Span inside a model (recursively) by ``offset`` characters."""
    if isinstance(obj, Span):
        return obj.model_copy(update={"start": obj.start + offset, "end": obj.end + offset})
    if isinstance(obj, BaseModel):
        return obj.model_copy(update={name: _shift(getattr(obj, name), offset)
                                      for name in type(obj).model_fields})
    if isinstance(obj, list):
        return [_shift(x, offset) for x in obj]
    return obj


def _merge_by_id(items: list, into: dict) -> None:
    """Actors and places keep their ids across chunks (KB ids, name slugs): one record
    per id with every chunk's mentions."""
    for item in items:
        seen = into.get(item.id)
        if seen is None:
            into[item.id] = item
            continue
        update = {"mentions": seen.mentions + item.mentions}
        if hasattr(seen, "references"):  # a place's adjectival references ("Iraqi")
            update["references"] = seen.references + item.references
        if hasattr(seen, "aliases_seen"):
            update["aliases_seen"] = seen.aliases_seen + [a for a in item.aliases_seen
                                                          if a not in seen.aliases_seen]
        into[item.id] = seen.model_copy(update=update)


def merge_results(article: Article, parts: Iterable[tuple[int, Result]],
                  version: str | None = None) -> Result:
    """One Result for the whole article from the results of its chunks.

    Events, statements and claims are renumbered in text order (e1, e2, ... across
    chunks) and the references between them (statement -> event, attribution ->
    statement) follow the new ids.
    """
    actors: dict = {}
    places: dict = {}
    events, statements, claims = [], [], []
    for offset, part in parts:
        part = _shift(part, offset)
        _merge_by_id(part.actors, actors)
        _merge_by_id(part.places, places)
        event_ids = {e.id: f"e{len(events) + i + 1}" for i, e in enumerate(part.events)}
        statement_ids = {s.id: f"s{len(statements) + i + 1}" for i, s in enumerate(part.statements)}
        for e in part.events:
            events.append(e.model_copy(update={
                "id": event_ids[e.id],
                "attributions": [a.model_copy(update={"statement": statement_ids.get(a.statement)})
                                 for a in e.attributions]}))
        for s in part.statements:
            statements.append(s.model_copy(update={"id": statement_ids[s.id],
                                                   "event": event_ids.get(s.event)}))
        for c in part.claims:
            claims.append(c.model_copy(update={"id": f"c{len(claims) + 1}"}))
    return Result(article=article, actors=list(actors.values()), places=list(places.values()),
                  events=events, statements=statements, claims=claims, pipeline_version=version)
