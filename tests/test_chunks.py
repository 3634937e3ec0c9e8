"""Long articles are coded in chunks; the merged result must equal one article's result."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.model import Article
from eventlens.pipeline import chunks

PARAGRAPHS = [
    "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing two officers.",
    "Governor Rakan al-Jubouri condemned the attack. \u201cWe will find them,\u201d al-Jubouri said.",
    "Hundreds of teachers protested in Basra on Tuesday to demand unpaid salaries.",
    "The Iraqi Prime Minister met the Turkish ambassador in Baghdad on Wednesday.",
]


def test_split_text_cuts_at_paragraphs_and_covers_the_text():
    text = "\n\n".join(PARAGRAPHS * 5)
    pieces = chunks.split_text(text, 300)
    assert "".join(p for _, p in pieces) == text
    for off, piece in pieces:
        assert len(piece) <= 300
        assert text[off:off + len(piece)] == piece
    # every cut but the last falls right after a paragraph break
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_split_text_without_whitespace_still_bounded():
    pieces = chunks.split_text("x" * 1050, 100)
    assert [len(p) for _, p in pieces] == [100] * 10 + [50]


def test_short_article_is_one_chunk():
    art = Article(id="a", text="short text")
    assert chunks.chunk_articles(art, 100) == [(0, art)]


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 260)


def test_chunked_article_spans_point_into_the_whole_text(pipeline_for, small_chunks):
    text = "\n\n".join(PARAGRAPHS * 2)
    assert len(chunks.chunk_articles(Article(id="x", text=text))) > 2
    pipe = pipeline_for(None)
    article = Article(id="long", text=text, published=dt.date(2024, 3, 7), language="en")
    result = pipe.process(article)
    assert result.article.text == text
    spans = list(result.spans())
    assert spans and max(s.end for _, s in spans) > 260      # facts from later chunks kept
    for where, span in spans:
        assert text[span.start:span.end] == span.text, where
    # ids are unique and renumbered across chunks; references follow them
    event_ids = [e.id for e in result.events]
    assert event_ids == [f"e{i + 1}" for i in range(len(event_ids))]
    assert len({s.id for s in result.statements}) == len(result.statements)
    for st in result.statements:
        assert st.event is None or st.event in event_ids
    # the same actor in several chunks is one record with all its mentions
    actor_ids = [a.id for a in result.actors]
    assert len(actor_ids) == len(set(actor_ids))
    kirkuk = [p for p in result.places if p.name == "Kirkuk"]
    assert len(kirkuk) == 1 and len(kirkuk[0].mentions) == 2
    # and a country's adjectival references ("Iraqi") from every chunk
    iraq = [p for p in result.places if p.country == "IRQ" and p.feature == "country"]
    assert len(iraq) == 1 and len(iraq[0].references) == 2
    assert any(where.startswith("places:") and s.text == "Iraqi" for where, s in spans)
    # and events from the second copy of the text are found
    assert sum(e.plover_type == "PROTEST" for e in result.events) >= 1
    assert any(e.evidence[0].start > len(text) // 2 for e in result.events)
