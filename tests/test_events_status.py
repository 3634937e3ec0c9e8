"""Event status against the reporting period: "historical" means the event happened well before
the report or is background to it (a dated past event, a running toll over months or years), not
that a length of time is mentioned or that another clause of the sentence is dated long ago.
Also interceptions (PLOVER ASSAULT, ACLED Disrupted weapons use) and weapons taken out before they
struck. Sentences are invented for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.model import Article

from events_support import PUBLISHED, events  # noqa: F401 (events is a fixture)


@pytest.fixture(scope="session")
def dated_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors", "eventlens_places", "eventlens_dates",
                         "eventlens_events", "eventlens_event_days"))


def coded(pipe, text: str):
    return pipe.process(Article(id="t", text=text, published=PUBLISHED, language="en")).events


def main(pipe, text: str):
    return next(e for e in coded(pipe, text) if e.acled_event_type)


def by_trigger(evs, word: str):
    return next(e for e in evs if e.trigger is not None and e.trigger.text == word)



# --- a duration is not a date ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "On 2 May 2022, rebels shelled the town, which has been under siege for 3 months.",
    "On 2 May 2022, teachers staged a protest in the city, demanding salaries unpaid for 4 months.",
    "On 2 May 2022, artillery hit the market during a two-week siege of the city.",
])
def test_event_on_the_report_day_with_a_duration_is_not_historical(dated_pipeline, text):
    e = main(dated_pipeline, text)
    assert e.status == "occurred"
    assert e.date == PUBLISHED and e.time_precision == 1


def test_a_duration_does_not_date_the_event(dated_pipeline):
    e = main(dated_pipeline, "Rebels shelled the town, which has been under siege for 3 months.")
    assert e.status == "occurred" and e.date == PUBLISHED


# --- an old date in another clause of the sentence -----------------------------------------------

def test_old_date_in_a_relative_clause_leaves_the_event_current(dated_pipeline):
    text = "On 1 May 2022, militants attacked a checkpoint in the town, which they seized in March 2020."
    e = main(dated_pipeline, text)
    assert e.status == "occurred" and e.date == dt.date(2022, 5, 1)


def test_old_date_of_another_clause_does_not_date_the_event(dated_pipeline):
    text = "Friends of a murdered journalist held a vigil outside his office, where he was shot dead 3 years ago."
    vigil = by_trigger(coded(dated_pipeline, text), "vigil")
    assert vigil.status == "occurred" and vigil.date == PUBLISHED
    assert not vigil.fatalities   # the old killing's toll is not the vigil's


@pytest.mark.parametrize("text", [
    "In 2014 the group seized the town.",
    "The town was seized by the group in 2014.",
    "In March 2019, the group seized the town.",
])
def test_event_of_a_past_year_stays_historical(dated_pipeline, text):
    evs = coded(dated_pipeline, text)
    assert by_trigger(evs, "seized").status == "historical"


def test_background_seizure_in_a_relative_clause_is_apart_from_the_attack(dated_pipeline):
    evs = coded(dated_pipeline, "The militants, who seized the town in 2014, attacked a checkpoint on Sunday.")
    assert by_trigger(evs, "attacked").status == "occurred"
    assert by_trigger(evs, "seized").status == "historical"


# --- running tolls over months or years are background -----------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("The conflict, which began in 2014, has killed more than 9,000 people.", "killed"),
    ("Fighting has killed more than 300 people over the past three months.", "Fighting"),
    ("More than 200 people have been killed in attacks in the province this year.", "killed"),
])
def test_running_toll_is_background(dated_pipeline, text, trigger):
    assert by_trigger(coded(dated_pipeline, text), trigger).status == "historical"


def test_toll_since_a_recent_day_is_not_background(dated_pipeline):
    e = main(dated_pipeline, "Clashes have killed 20 people in the town since Friday.")
    assert e.status == "occurred"


def test_a_point_in_time_is_not_a_period(events):
    evs = events("The official has been put under investigation for his role in the riots last month.")
    assert by_trigger(evs, "investigation").status != "historical"


# --- the event compared or sequenced with others is current ------------------------------------

@pytest.mark.parametrize("text,trigger", [
    ("Sunday's bombing was the latest in a series of attacks on the city.", "bombing"),
    ("The attack on Sunday was similar to previous attacks by the group.", "attack"),
    ("The bombing on Sunday comes after a series of attacks on the city.", "bombing"),
    ("The city has seen a series of attacks, the latest of which killed five people on Sunday.", "killed"),
])
def test_event_set_against_earlier_ones_is_current(events, text, trigger):
    assert by_trigger(events(text), trigger).status == "occurred"


def test_the_earlier_series_stays_background(events):
    evs = events("Sunday's bombing was the latest in a series of attacks on the city.")
    assert by_trigger(evs, "attacks").status == "historical"


# --- clashes: the people they killed are no side -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Clashes killed 20 people in the town on Sunday.",
    "Fighting killed seven people in the district on Sunday.",
])
def test_victims_of_clashes_do_not_make_them_mob_violence(events, text):
    e = next(e for e in events(text) if e.acled_event_type)
    assert e.acled_sub_event_type == "Armed clash"


def test_clash_between_crowds_stays_mob_violence(events):
    e = next(e for e in events("Clashes between villagers and herders killed 3 people on Sunday.")
             if e.acled_event_type)
    assert e.acled_sub_event_type == "Mob violence"


# --- interceptions and weapons taken out --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Air defences shot down 23 drones over the city on Sunday.",
    "The missile was intercepted over the capital on Sunday.",
])
def test_interception_is_a_use_of_force_and_disrupted_weapons_use(events, text):
    e = next(e for e in events(text) if e.acled_event_type)
    assert (e.plover_type, e.acled_sub_event_type) == ("ASSAULT", "Disrupted weapons use")
    assert e.status == "occurred"


def test_seized_weapons_stay_coerce(events):
    e = next(e for e in events("Soldiers seized a cache of weapons in the village on Sunday.") if e.acled_event_type)
    assert (e.plover_type, e.plover_mode, e.acled_sub_event_type) == ("COERCE", "seize", "Disrupted weapons use")


def test_a_defused_bomb_did_not_go_off(events):
    evs = events("Police defused a bomb planted near the market on Sunday.")
    assert evs[0].acled_sub_event_type == "Disrupted weapons use"
    assert by_trigger(evs, "bomb").status == "failed"


def test_foiling_a_plot_happened(events):
    foiled = by_trigger(events("Security forces foiled a plot to bomb the embassy on Sunday."), "foiled")
    assert foiled.status == "occurred"


# --- pluperfect by backshift; the toll of an event long past --------------------------------------

def test_denied_pluperfect_is_denied_not_historical(events):
    shelled = by_trigger(events("The army denied that its troops had shelled the village on Sunday."), "shelled")
    assert shelled.status == "denied"


def test_pluperfect_of_narrative_stays_background(events):
    evs = events("Gunmen stormed the village on Sunday. They had killed 5 people in the area before.")
    assert by_trigger(evs, "killed").status == "historical"


def test_toll_of_an_event_a_year_before_is_not_counted(events):
    evs = events("A car bomb exploded in the city on Sunday, a year after a similar blast killed 30 people.")
    bomb = by_trigger(evs, "bomb")
    assert bomb.status == "occurred" and not bomb.fatalities
    assert by_trigger(evs, "blast").status == "historical"


def test_toll_of_an_event_days_before_is_still_told(events):
    e = next(e for e in events("Gunmen attacked the village on Sunday, killing 6 people.") if e.acled_event_type)
    assert e.fatalities == 6


def test_the_same_year_as_an_old_year_is_background(dated_pipeline):
    text = ("On 1 May 2022, relatives of victims of the 2018 unrest protested outside the court. "
            "The former minister is accused of ordering the killing of demonstrators during the same year.")
    evs = coded(dated_pipeline, text)
    assert by_trigger(evs, "killing").status == "historical"
    assert by_trigger(evs, "protested").acled_sub_event_type == "Peaceful protest"


def test_the_same_day_as_a_recent_date_stays_current(dated_pipeline):
    text = ("On 1 May 2022, gunmen attacked a village in the district. "
            "Later that month, the army said, soldiers killed two of the gunmen.")
    evs = coded(dated_pipeline, text)
    assert by_trigger(evs, "killed").status != "historical"


# --- a participle the parser coordinates is still a modifier ---------------------------------------

def test_detained_people_a_protest_supports_are_no_intervention(events):
    evs = events("Activists gathered outside the court in support of 15 illegally detained farmers.")
    assert next(e for e in evs if e.acled_event_type).acled_sub_event_type == "Peaceful protest"
    assert not [e for e in evs if e.plover_type == "COERCE"]


def test_coordinated_detention_is_still_an_event(events):
    evs = events("Police dispersed the crowd and detained 15 protesters on Sunday.")
    assert by_trigger(evs, "detained").acled_sub_event_type == "Arrests"


def test_examples_listed_for_past_operations_are_background(dated_pipeline):
    text = ("A drone struck the governor's house in Sarn on Sunday. Officials said the Black Banner "
            "is responsible for these operations, whether in the attacks in Kirkuk, the attack on "
            "Mosul airport or American camps in Iraq, the latest of which was the targeting of the "
            "Harir base with two drones.")
    evs = coded(dated_pipeline, text)
    assert evs[0].status == "occurred"
    airport = by_trigger(evs, "attack")
    assert airport.status == "historical", [(e.trigger.text, e.status) for e in evs if e.trigger]
