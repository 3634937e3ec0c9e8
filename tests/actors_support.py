"""Helpers the actor-stage tests share (imported by tests/test_actors*.py)."""
import datetime as dt

from eventlens.model import Article


def run_actors(pipe, text, published=dt.date(2021, 11, 9)):
    """The actors a pipeline finds in ``text``, after checking every mention's offsets."""
    result = pipe.process(Article(id="t", text=text, published=published))
    for a in result.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    return result.actors
