"""Event-days stage: multi-day reports become one event per day."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.model import Article, Event
from eventlens.pipeline.event_days import split_days

D = dt.date


@pytest.fixture(scope="session")
def days_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors", "eventlens_places", "eventlens_dates",
                         "eventlens_events", "eventlens_event_days"))


def run(pipe, text, published=D(2022, 3, 10)):
    return pipe.process(Article(id="t", text=text, published=published, language="en"))


def test_split_days_ids_dates_and_toll():
    e = Event(id="e3", date=D(2022, 3, 1), time_precision=1, fatalities=5)
    days = split_days(e, D(2022, 3, 1), D(2022, 3, 3))
    assert [d.id for d in days] == ["e3", "e3-2", "e3-3"]
    assert [d.date for d in days] == [D(2022, 3, 1), D(2022, 3, 2), D(2022, 3, 3)]
    assert sum(d.fatalities for d in days) == 5 and days[0].fatalities == 3


def test_range_event_split_with_shared_evidence(days_pipeline):
    result = run(days_pipeline, "Russian airstrikes hit Kharkiv on 1-2 March 2022, killing four civilians.")
    strikes = [e for e in result.events if e.date in (D(2022, 3, 1), D(2022, 3, 2))]
    assert sorted(e.date for e in strikes) == [D(2022, 3, 1), D(2022, 3, 2)]
    first, second = sorted(strikes, key=lambda e: e.date)
    assert second.id == first.id + "-2"
    assert second.evidence == first.evidence and second.place == first.place


def test_single_day_event_untouched_and_stable(days_pipeline):
    text = "Gunmen killed two police officers in Kirkuk on 3 March 2022."
    a, b = run(days_pipeline, text), run(days_pipeline, text)
    assert [e.id for e in a.events] == [e.id for e in b.events]
    assert not any("-" in e.id for e in a.events)


def test_an_overnight_attack_is_one_event_not_two_days(days_pipeline):
    result = run(days_pipeline, "Russian drones hit port facilities in Izmail overnight, officials said.")
    strikes = [e for e in result.events if e.plover_type == "ASSAULT"]
    assert len(strikes) == 1 and strikes[0].date == D(2022, 3, 9)
