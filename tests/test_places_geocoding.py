"""Event geocoding: conflict-monitor place formats, spellings and geo precision, on
sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.config import Config
from eventlens.kb.places import gazetteer
from eventlens.model import Article
from eventlens.pipeline import Pipeline
from eventlens.pipeline.places import locate_event


@pytest.fixture(scope="session")
def geo_pipeline():
    return Pipeline(Config(stages=["eventlens_places", "eventlens_dates"]))


def locate(pipe, text, trigger):
    doc = pipe.nlp(pipe._make_doc(Article(id="t", text=text, published=dt.date(2022, 3, 10))))
    i = text.index(trigger)
    return locate_event(doc, i, i + len(trigger))


# ---------------------------------------------------------------- gazetteer spellings

@pytest.mark.parametrize("a, b", [("Al-Kadhimiya", "Kadhimiya"), ("Kadhimiyah", "Kadhimiya"),
                                  ("Al-Mawsil", "Mosul"), ("Mawsil", "Mosul")])
def test_transliterations_find_the_same_place(a, b):
    gaz = gazetteer()
    assert gaz.lookup(a) and gaz.lookup(a)[0].id == gaz.lookup(b)[0].id


@pytest.mark.parametrize("alias, name", [("Zaporizhia", "Zaporizhzhia"), ("Ternopil", "Ternopilska oblast"),
                                         ("Kirovohrad", "Kirovohradska oblast")])
def test_region_aliases(alias, name):
    regions = [c for c in gazetteer().lookup(alias) if c.feature == "admin1"]
    assert regions and regions[0].name == name and regions[0].country == "UKR"


def test_alias_reaches_the_town_too():
    towns = [c for c in gazetteer().lookup("Zaporizhia") if c.feature == "city"]
    assert towns and max(t.population for t in towns) > 500_000


# ---------------------------------------------------------------- where

def test_city_dash_district_is_the_city(geo_pipeline):
    text = "On 3 May 2021, in Santiago - Recoleta (Metropolitana), students set up barricades on a main avenue."
    found = locate(geo_pipeline, text, "set up")
    assert found.place is not None and found.place.name == "Santiago" and found.place.country == "CHL"
    assert found.precision == 1


def test_town_then_kind_word_keeps_the_town(geo_pipeline):
    text = "On 9 May 2021, shopkeepers held a sit-in at Jammu city (J&K) over power cuts."
    found = locate(geo_pipeline, text, "sit-in")
    assert found.place is not None and found.place.name == "Jammu" and found.place.lat is not None


def test_small_town_after_a_cue_in_a_text_without_a_country(geo_pipeline):
    text = "On 4 March 2022, about 200 people demonstrated in Kamenz against a planned landfill."
    found = locate(geo_pipeline, text, "demonstrated")
    assert found.place is not None and found.place.country == "DEU"


def test_spelling_of_a_town_in_the_region_named_after_it(geo_pipeline):
    text = "On 2 June 2022, artillery shelled Huliaipole, Zaporizhia. No casualties were reported."
    found = locate(geo_pipeline, text, "shelled")
    assert found.place is not None and found.place.feature == "city"
    assert found.place.admin1 == "Zaporizhzhia"


# ---------------------------------------------------------------- precision

def test_named_village_coded_to_its_town_keeps_precision_1(geo_pipeline):
    text = ("On 5 May 2022, in Kyun Taw village (Monywa township, Monywa district, Sagaing region), "
            "soldiers burned twenty houses.")
    found = locate(geo_pipeline, text, "burned")
    assert found.site is not None and found.place is not None and found.place.lat is not None
    assert found.precision == 1


def test_near_a_named_village_stays_precision_2(geo_pipeline):
    text = ("On 5 May 2022, near Kyun Taw village (Monywa township, Monywa district, Sagaing region), "
            "soldiers burned twenty houses.")
    found = locate(geo_pipeline, text, "burned")
    assert found.place is not None and found.precision == 2


# ---------------------------------------------------------------- no place

@pytest.mark.parametrize("text, trigger", [
    ("U.S. troops captured two suspects after a short chase.", "captured"),
    ("Mexico's army captured a man it called a senior cartel figure.", "captured"),
])
def test_the_actors_country_is_not_where(geo_pipeline, text, trigger):
    assert locate(geo_pipeline, text, trigger).place is None


def test_a_country_named_before_a_place_noun_is_where(geo_pipeline):
    text = "Hundreds of protesters marched on a Hong Kong hotel on Monday."
    found = locate(geo_pipeline, text, "marched")
    assert found.place is not None and "Hong Kong" in found.place.name


# ---------------------------------------------------------------- a place taken or struck

def test_town_a_force_captured_is_where(geo_pipeline):
    text = "Government troops captured Knin after a three-day battle with rebels in Croatia."
    found = locate(geo_pipeline, text, "captured")
    assert found.place is not None and found.place.name == "Knin" and found.precision == 1


def test_a_small_town_named_like_the_captured_person_is_not(geo_pipeline):
    text = "Police captured Smith after a long chase across Texas."
    found = locate(geo_pipeline, text, "captured")
    assert found.place is None or found.place.name != "Smith"


def test_airport_is_a_place_of_its_own(geo_pipeline):
    text = "Activists blocked a fuel depot near Heathrow airport in London on Monday."
    found = locate(geo_pipeline, text, "blocked")
    assert found.place is not None and found.place.country == "GBR"


# ---------------------------------------------------------------- part of a longer name

def test_part_of_an_unknown_name_is_no_town_in_another_country(geo_pipeline):
    text = "On 8 May 2022, about 60 people held a rally at Hong Lim Park in Singapore."
    doc = geo_pipeline.nlp(geo_pipeline._make_doc(Article(id="t", text=text, published=dt.date(2022, 5, 9))))
    assert not any(p.country not in (None, "SGP") for p in doc._.places)


def test_unknown_town_with_a_namesake_abroad_is_coded_to_its_district(geo_pipeline):
    text = "On 9 May 2022, farmers held a sit-in at Ranbir Singh Pura city (Jammu district, J&K) over power cuts."
    found = locate(geo_pipeline, text, "sit-in")
    assert found.place is not None and found.place.country == "IND"


def test_a_kind_word_after_the_name_keeps_the_town(geo_pipeline):
    text = "On 26 February 2022, citizens rallied in Rustavi City in solidarity with Ukraine."
    found = locate(geo_pipeline, text, "rallied")
    assert found.place is not None and found.place.country == "GEO"


def test_town_name_with_lower_case_connectors(geo_pipeline):
    text = "On 5 March 2022, around 80 people demonstrated in Bad Neustadt an der Saale for cleaner rivers."
    found = locate(geo_pipeline, text, "demonstrated")
    assert found.place is not None and found.place.name == "Bad Neustadt an der Saale"
