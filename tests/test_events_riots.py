"""A gathering that turned into a riot is one event: ACLED codes the riot, with the protest's
mention and the riot's as evidence. Sentences are invented for these tests."""
from __future__ import annotations

import pytest

from events_support import events  # noqa: F401 (events is a fixture)


def coded(evs):
    return [(e.acled_event_type, e.acled_sub_event_type) for e in evs if e.acled_event_type]


@pytest.mark.parametrize("text", [
    "Hundreds of farmers protested in Kisumu on Monday over maize prices, and the protest turned into riots.",
    "The rally by traders in Kisumu on Monday degenerated into riots.",
    "Hundreds of farmers marched in Kisumu on Monday over maize prices, sparking riots in the city centre.",
])
def test_protest_that_turned_into_riots_is_one_riot(events, text):
    assert coded(events(text)) == [("Riots", "Violent demonstration")]


def test_protest_turned_into_riots_told_in_two_sentences(events):
    evs = events("Traders protested in Kisumu on Monday against a new market tax. The protest later turned into riots.")
    assert coded(evs) == [("Riots", "Violent demonstration")]
    main = next(e for e in evs if e.acled_event_type)
    assert main.trigger.text == "protested" and len(main.evidence) == 2


def test_riots_sparked_by_an_arrest_are_not_folded_into_it(events):
    evs = events("The arrest of a local leader sparked riots in Kisumu on Monday.")
    assert ("Riots", "Violent demonstration") in coded(evs)
