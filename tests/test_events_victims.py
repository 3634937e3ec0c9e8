"""Who ACLED's Violence against civilians names as the side acted upon: Civilians (Country) when
people were harmed or the victims are not named, not when what was struck is a thing and no one
was hurt. Sentences are invented for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.model import Article

PUBLISHED = dt.date(2022, 7, 10)


def attack(pipeline_for, text: str):
    result = pipeline_for(None).process(Article(id="t", text=text, published=PUBLISHED, language="en"))
    actors = {a.id: a for a in result.actors}
    event = next(e for e in result.events if e.acled_event_type == "Violence against civilians")
    return event, [actors[t] for t in event.targets]


def test_a_facility_struck_with_no_one_hurt_has_no_civilian_victims(pipeline_for):
    event, targets = attack(pipeline_for, "Gunmen attacked an oil refinery near Kirkuk on Monday, officials said.")
    assert not any(t.id.endswith("civilians") for t in targets)


@pytest.mark.parametrize("text", [
    "Gunmen attacked a village near Kirkuk on Monday, officials said.",
    "Gunmen attacked an oil refinery near Kirkuk on Monday. Two were killed, officials said.",
])
def test_people_harmed_or_unnamed_victims_are_civilians_of_the_place(pipeline_for, text):
    event, targets = attack(pipeline_for, text)
    assert [(t.id.endswith("civilians"), t.country) for t in targets] == [(True, "IRQ")]

