"""Dates stage: resolution against the publication date, flags, and the event helper."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventlens.config import Config
from eventlens.model import Article
from eventlens.pipeline import Pipeline
from eventlens.pipeline.dates import event_date, score

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "000_1367947988e2ffd1.txt"
PUB = dt.date(2021, 11, 9)  # a Tuesday
D = dt.date


@pytest.fixture(scope="session")
def date_pipeline():
    return Pipeline(Config(stages=["eventlens_places", "eventlens_dates"]))


def dates(pipe, text, published=PUB):
    doc = pipe.nlp(pipe._make_doc(Article(id="t", text=text, published=published)))
    return doc


@pytest.mark.parametrize("text, expr, day, end, precision", [
    ("He was killed on Sunday.", "on Sunday", D(2021, 11, 7), None, 1),
    ("Clashes erupted on Tuesday.", "on Tuesday", D(2021, 11, 9), None, 1),
    ("They met on November 7.", "November 7", D(2021, 11, 7), None, 1),
    ("They met on 7 November.", "7 November", D(2021, 11, 7), None, 1),
    ("Police said yesterday that two died.", "yesterday", D(2021, 11, 8), None, 1),
    ("The strike happened last week.", "last week", D(2021, 11, 4), None, 2),
    ("Protests grew over the past two days.", "the past two days", D(2021, 11, 7), D(2021, 11, 8), 1),
    ("Talks stalled earlier this month.", "earlier this month", D(2021, 11, 5), None, 3),
    ("Elections were held in October 2021.", "October 2021", D(2021, 10, 15), None, 3),
    ("Airstrikes continued through 1-2 March 2021.", "1-2 March 2021", D(2021, 3, 1), D(2021, 3, 2), 1),
    ("Overnight, rockets hit the base.", "Overnight", D(2021, 11, 8), D(2021, 11, 9), 1),
    ("They met on Dec. 20, 2020.", "Dec. 20, 2020", D(2020, 12, 20), None, 1),
    # anchored expressions count from the last date the text gave ...
    ("A bomb went off on 2 November. The next day, police arrested two men.", "The next day",
     D(2021, 11, 3), None, 1),
    ("Troops left on 5 November. Two days earlier, rebels had shelled the town.", "Two days earlier",
     D(2021, 11, 3), None, 1),
    ("On 1 November talks began. A week later, they collapsed.", "A week later", D(2021, 11, 8), None, 2),
    ("Rebels struck on 3 November. Later that day, the army responded.", "Later that day",
     D(2021, 11, 3), None, 1),
    # ... or, without one, from publication
    ("The previous day, a bomb exploded in the market.", "The previous day", D(2021, 11, 8), None, 1),
    ("Gunmen opened fire on the 5th, witnesses said.", "on the 5th", D(2021, 11, 5), None, 1),
    ("Gunmen opened fire on the 20th, witnesses said.", "on the 20th", D(2021, 10, 20), None, 1),
    ("Fighting resumed late last month.", "late last month", D(2021, 10, 25), None, 3),
])
def test_resolution(date_pipeline, text, expr, day, end, precision):
    found = dates(date_pipeline, text)._.dates
    match = [d for d in found if expr in d.span.text]
    assert match, [d.span.text for d in found]
    d = match[0]
    assert (d.date, d.end, d.precision, d.flag) == (day, end, precision, None)
    assert text[d.span.start:d.span.end] == d.span.text


def test_flags(date_pipeline):
    found = dates(date_pipeline, "Clashes on 30 February and talks on 1 December 2021.")._.dates
    flags = {d.span.text: d.flag for d in found}
    assert flags["30 February"] == "impossible"
    assert flags["1 December 2021"] == "after-publication"
    assert next(d for d in found if d.span.text == "30 February").date is None


@pytest.mark.parametrize("text, resolved", [
    ("Police detained him on 3 November. The arrests came three weeks before national elections.", False),
    ("He was detained on 3 November, two days after he criticised the governor.", False),
    ("Rebels seized the town on 3 November. Two days after that, the army retook it.", True),
    ("Rebels seized the town on 3 November. Two days later the army retook it.", True),
])
def test_offsets_from_an_undated_event_give_no_date(date_pipeline, text, resolved):
    """'three weeks before the elections' counts from a day the text does not give."""
    found = dates(date_pipeline, text)._.dates
    offsets = [d for d in found if any(w in d.span.text for w in ("before", "after", "later"))]
    assert bool(offsets and offsets[0].date == D(2021, 11, 5)) == resolved, [(d.span.text, d.date) for d in found]


def test_year_rolls_back_for_months_ahead(date_pipeline):
    found = dates(date_pipeline, "The siege began on 20 December.", D(2022, 1, 5))._.dates
    assert found[0].date == D(2021, 12, 20) and found[0].flag is None


def test_relative_left_unresolved_without_publication(date_pipeline):
    found = dates(date_pipeline, "He was arrested yesterday.", None)._.dates
    assert found and found[0].date is None


def test_event_date_helper(date_pipeline):
    text = ("On November 7, gunmen attacked a checkpoint. Police arrested two suspects.\n\n"
            "A minister resigned.")
    doc = dates(date_pipeline, text)
    i = text.index("attacked")
    assert event_date(doc, i, i + 8)[:2] == (D(2021, 11, 7), 1)
    i = text.index("arrested")
    day, precision, how = event_date(doc, i, i + 8)
    assert day == D(2021, 11, 7) and how.startswith("paragraph")
    i = text.index("resigned")
    day, precision, how = event_date(doc, i, i + 8)
    assert day == PUB and "publication" in how


def test_score():
    assert score([D(2021, 1, 1), None], [D(2021, 1, 1), D(2021, 1, 2)]) == {"exact": 0.5, "n": 2}


def test_seed_example(date_pipeline):
    if not SEED.is_file():
        pytest.skip("seed example not available (../shared absent)")
    found = dates(date_pipeline, SEED.read_text(encoding="utf-8"), PUB)._.dates
    by_text = {}
    for d in found:
        by_text.setdefault(d.span.text, d)
    assert by_text["November 7"].date == D(2021, 11, 7)
    assert by_text["November 8"].date == D(2021, 11, 8)
    span = by_text["the past two days"]
    assert (span.end - span.date).days == 1


def test_undated_event_bounded_by_dated_reaction(date_pipeline):
    from eventlens.pipeline.dates import date_from_reactions
    text = ("A drone attack targeted the minister's house. Talks resumed.\n\n"
            "On November 7, a militia leader mocked the attack.")
    doc = dates(date_pipeline, text)
    i = text.index("attack")
    day, precision, how = event_date(doc, i, i + 6)
    assert day == D(2021, 11, 7) and precision == 2 and "reaction" in how
    assert date_from_reactions(doc, i, i + 6)[0] == D(2021, 11, 7)
    # an unrelated undated event keeps the publication date
    i = text.index("resumed")
    assert event_date(doc, i, i + 7)[0] == PUB


def test_same_day_reaction_gives_day_precision(date_pipeline):
    text = ("Gunmen stormed a police station.\n\n"
            "On November 8, hours after the attack, the governor condemned the attack.")
    doc = dates(date_pipeline, text)
    i = text.index("stormed")
    assert event_date(doc, i, i + 7)[:2] == (D(2021, 11, 8), 1)


def test_day_before_a_named_event_is_not_counted_from_the_last_date(date_pipeline):
    # "the day before the vote" is relative to the vote, which the text does not date
    found = dates(date_pipeline, "On Sunday, the day before the vote, police fired tear gas.")._.dates
    assert [d.span.text for d in found] == ["On Sunday"]


@pytest.mark.parametrize("text", [
    "The town has been under siege for 3 months.",
    "A court sentenced him to 15 years in prison.",
    "The boy, aged 12, was shot at the market.",
    "The girl, 11, was injured in the blast.",
    "The strike lasted 10 days and ended peacefully.",
    "He served 2 years of a 5-year sentence.",
    "The truce held for 2 weeks.",
    "Elections are due in 2 years.",
])
def test_a_length_of_time_is_not_a_date(date_pipeline, text):
    """A duration or an age says how long, not when: dateparser would count it back from
    the publication date."""
    found = dates(date_pipeline, text)._.dates
    assert not [d for d in found if d.date is not None], [(d.span.text, d.date) for d in found]


@pytest.mark.parametrize("text, expr, day, precision", [
    ("He was arrested three months ago.", "three months ago", D(2021, 8, 9), 3),
    ("The group was founded 2 years ago.", "2 years ago", D(2019, 11, 9), 3),
    ("The office was raided a year ago.", "a year ago", D(2020, 11, 9), 3),
    ("Rebels attacked the town two weeks ago.", "two weeks ago", D(2021, 10, 26), 2),
])
def test_counted_back_from_now_is_a_date(date_pipeline, text, expr, day, precision):
    found = [d for d in dates(date_pipeline, text)._.dates if expr in d.span.text]
    assert found and (found[0].date, found[0].precision, found[0].flag) == (day, precision, None)


def test_a_duration_next_to_a_date_leaves_the_date(date_pipeline):
    found = dates(date_pipeline, "Police held him for 3 days from 2 November.")._.dates
    assert [(d.span.text, d.date) for d in found if d.date] == [("2 November", D(2021, 11, 2))]


def test_is_duration():
    from eventlens.pipeline.dates import is_duration
    for text in ("3 months", "nearly two months", "more than 100 days", "a two-week", "15-year-old",
                 "the past three months", "two years and six months", "45"):
        assert is_duration(text), text
    for text in ("three months ago", "last month", "March 2021", "the 5th"):
        assert not is_duration(text), text


# ---------------------------------------------------------------- words that only look like dates

def _event_day(pipe, text, trigger):
    doc = dates(pipe, text)
    i = text.index(trigger)
    return event_date(doc, i, i + len(trigger))


def test_time_of_day_after_a_date_keeps_that_date(date_pipeline):
    day, precision, _ = _event_day(date_pipeline, "On 3 November 2021, overnight, gunmen burned a school.", "burned")
    assert (day, precision) == (D(2021, 11, 3), 1)
    # alone, "overnight" is still the night before publication
    day, _, _ = _event_day(date_pipeline, "Gunmen burned a school overnight, officials said.", "burned")
    assert day == D(2021, 11, 8)


@pytest.mark.parametrize("text, trigger", [
    ("On 6 November 2021, people gathered to take part in a 'March for Peace' rally.", "gathered"),
    ("On 6 November 2021, a crowd gathered at the May 18 Square downtown.", "gathered"),
])
def test_names_with_month_words_are_no_dates(date_pipeline, text, trigger):
    day, precision, _ = _event_day(date_pipeline, text, trigger)
    assert (day, precision) == (D(2021, 11, 6), 1)


def test_a_month_after_a_cue_is_still_a_month(date_pipeline):
    day, precision, _ = _event_day(date_pipeline, "Thousands marched in March against the law.", "marched")
    assert (day, precision) == (D(2021, 3, 15), 3)
