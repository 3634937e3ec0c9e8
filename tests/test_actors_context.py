"""Actor stage: where the article happens, who protests, nationality + noun, office holders by date."""
import datetime as dt

import pytest

from actors_support import run_actors


@pytest.fixture(scope="session")
def stage_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors",))


def run(pipe, text, published=dt.date(2022, 5, 9)):
    return run_actors(pipe, text, published)


def ids(actors):
    return {a.kb_id for a in actors}


def test_the_place_of_the_event_outweighs_countries_talked_about(stage_pipeline):
    actors = run(stage_pipeline, "Protesters against Russia's invasion of Ukraine rallied and marched in Athens.")
    assert "grc-protesters" in ids(actors)
    assert not {"rus-protesters", "ukr-protesters"} & ids(actors)


def test_province_in_parentheses_gives_the_country(stage_pipeline):
    # neither place is a capital; the province comes from ISO 3166-2, not the city gazetteer
    actors = run(stage_pipeline, "Dozens of nurses demonstrated in Tarrow Creek (Minas Gerais) over unpaid wages.")
    assert "bra-protesters" in ids(actors)


def test_an_organisation_that_protests_keeps_its_actor_and_implies_protesters(stage_pipeline):
    text = "On 6 May 2022, the Amalgamated Weavers Union staged a protest outside the ministry in Lisbon."
    actors = run(stage_pipeline, text)
    protesters = [a for a in actors if a.kb_id == "prt-protesters"]
    assert len(protesters) == 1 and protesters[0].link == "implied"
    assert any(a.kind == "organization" and "Weavers" in a.name for a in actors)


def test_any_people_noun_that_protests_is_protesters(stage_pipeline):
    actors = run(stage_pipeline, "Hundreds of beach operators took to the streets in Lisbon to demand lower fees.")
    found = [a for a in actors if a.kb_id == "prt-protesters"]
    assert len(found) == 1
    # a road that "was blocked" is no protester, and nobody else protests here
    actors = run(stage_pipeline, "The road to the port was blocked in Lisbon after a landslide.")
    assert "prt-protesters" not in ids(actors)


def test_country_name_or_demonym_before_an_actor_noun(stage_pipeline):
    actors = run(stage_pipeline, "The Mozambique government accepted demands. Israeli army bulldozers demolished homes.")
    assert {"moz-government", "isr-military"} <= ids(actors)
    actors = run(stage_pipeline, "The Serbian parliament approved a law and an Argentine judge ordered an inquiry.")
    got = {a.kb_id: a.sector for a in actors}
    assert got.get("srb-legislature") == "LEG" and got.get("arg-judiciary") == "JUD"


def test_possessive_country_is_an_actor_but_not_its_regions(stage_pipeline):
    actors = run(stage_pipeline, "Sweden's decision angered the refugees who had fled Iraq's north.")
    assert "swe" in ids(actors) and "irq" not in ids(actors)


@pytest.mark.parametrize("text,day,kb_id", [
    ("The British Prime Minister spoke in London.", dt.date(2017, 3, 1), "gbr-may"),
    ("The British Prime Minister spoke in London.", dt.date(2023, 3, 1), "gbr-sunak"),
    ("The German Foreign Minister arrived in Kyiv.", dt.date(2019, 5, 1), "deu-maas"),
    ("The German Foreign Minister arrived in Kyiv.", dt.date(2022, 5, 1), "deu-baerbock"),
    ("The Moroccan King received the envoy.", dt.date(2020, 1, 5), "mar-mohammed-vi"),
])
def test_office_titles_resolve_to_the_holder_on_the_article_date(stage_pipeline, text, day, kb_id):
    actors = run(stage_pipeline, text, published=day)
    holder = [a for a in actors if a.kb_id == kb_id]
    assert holder and holder[0].link == "title"


def test_occupation_gives_a_generic_actor_its_sector(stage_pipeline):
    actors = run(stage_pipeline, "Hundreds of nurses protested outside the hospital in Lyon.")
    protesters = [a for a in actors if a.kb_id == "fra-protesters"]
    assert len(protesters) == 1 and protesters[0].sector == "MED"
    police = [a for a in run(stage_pipeline, "Egyptian police arrested two men.") if a.kb_id == "egy-police"]
    assert police and police[0].sector == "COP"


def test_unknown_name_takes_the_article_country(stage_pipeline):
    text = "Mayor Tomasz Wierzbicki-Lenz opened the bridge in Krakow, Poland, on Monday."
    new = [a for a in run(stage_pipeline, text) if a.id.startswith("new:")]
    assert len(new) == 1 and new[0].country == "POL" and new[0].kind == "person"


def test_demonstrating_with_destruction_is_rioting(stage_pipeline):
    text = "In Lyon, residents blocked an avenue by setting tyres on fire to demonstrate against water cuts."
    assert "fra-rioters" in ids(run(stage_pipeline, text))
    peaceful = run(stage_pipeline, "In Lyon, teachers staged a protest and set up a camp.")
    assert "fra-protesters" in ids(peaceful) and "fra-rioters" not in ids(peaceful)


def test_air_strikes_are_not_a_labour_strike(stage_pipeline):
    actors = run(stage_pipeline, "In Kharkiv, Ukraine, Russian forces carried out air strikes on the village.")
    assert not any(a.kb_id and a.kb_id.endswith("-protesters") for a in actors)


@pytest.mark.parametrize("text, iso", [
    ("Teachers marched in central Thessaloniki against the reform.", "grc"),
    ("On 3 May, residents protested in Chisinau - Botanica against rising prices.", "mda"),
    ("Residents protested in Sao Paulo - South Zone (Sao Paulo) against violence.", "bra"),
])
def test_city_named_with_its_part_gives_the_country(stage_pipeline, text, iso):
    assert f"{iso}-protesters" in ids(run(stage_pipeline, text))
