"""Shared plumbing for pipeline stages: Doc extensions and span helpers.

Each stage is a spaCy component registered by name. It reads what earlier
stages left on ``doc._`` and writes its own attribute there, as model objects
(``eventlens.model``) whose spans are offsets into ``doc.text`` (== article text).
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc

from ..model import Span

# name on doc._  -> what it holds
EXTENSIONS = {
    "article": None,      # eventlens.model.Article (set before the pipeline runs)
    "actors": None,       # list[Actor]
    "places": None,       # list[Place]
    "dates": None,        # list[DateMention]
    "events": None,       # list[Event]
    "statements": None,   # list[Statement]
    "claims": None,       # list[Claim]
    "trace": None,        # dict[str, list[str]]: per-stage explanations (debugging)
}


def ensure_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


ensure_extensions()


def doc_text(doc: Doc) -> str:
    """doc.text, built once: spaCy rebuilds the string from its tokens on every access."""
    text = doc.user_data.get("eventlens_text")
    if text is None:
        text = doc.user_data["eventlens_text"] = doc.text
    return text


def span_of(doc: Doc, start: int, end: int) -> Span:
    """Evidence span for character offsets into doc.text (always consistent)."""
    return Span.of(doc_text(doc), start, end)


def span_of_tokens(doc: Doc, sp) -> Span:
    """Evidence span for a spaCy Span / Token."""
    if hasattr(sp, "start_char"):
        return Span.of(doc_text(doc), sp.start_char, sp.end_char)
    return Span.of(doc_text(doc), sp.idx, sp.idx + len(sp))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def actor_at(doc: Doc, start: int, end: int):
    """The actor with a mention overlapping [start, end), or None."""
    for actor in doc._.actors or []:
        for m in actor.mentions:
            if overlaps(m.start, m.end, start, end):
                return actor
    return None


def place_at(doc: Doc, start: int, end: int):
    for place in doc._.places or []:
        for m in place.mentions:
            if overlaps(m.start, m.end, start, end):
                return place
    return None


def dates_in(doc: Doc, start: int, end: int) -> Iterable:
    for d in doc._.dates or []:
        if overlaps(d.span.start, d.span.end, start, end):
            yield d


def published(doc: Doc):
    art = doc._.article
    return art.published if art is not None else None


def accused_doer(verb):
    """The doer of a subject-less gerund after "accused/blamed X of ...": X ("accused Washington
    of occupying Iraq"). None for any other verb."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "of":
        return None
    return next((k for k in verb.head.head.children if k.dep_ == "dobj"), None)
