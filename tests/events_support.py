"""Helpers shared by the events-stage tests: run the events stage alone on a parsed sentence
and read its main (ACLED-coded) event."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.pipeline.events import EventsStage

PUBLISHED = dt.date(2022, 5, 2)


def main_event(doc):
    EventsStage()(doc)
    return next(e for e in doc._.events if e.acled_event_type)


def sub(parse, text: str) -> str:
    return main_event(parse(text)).acled_sub_event_type


@pytest.fixture(scope="session")
def parse(spacy_parse):
    """Parse a sentence (spaCy only) as if published on PUBLISHED; tests run stages on it."""
    def _parse(text: str):
        return spacy_parse(text, PUBLISHED)
    return _parse


@pytest.fixture(scope="session")
def events(spacy_parse):
    """The events stage's events for a sentence published on PUBLISHED."""
    def _events(text: str):
        doc = spacy_parse(text, PUBLISHED)
        EventsStage()(doc)
        return doc._.events
    return _events
