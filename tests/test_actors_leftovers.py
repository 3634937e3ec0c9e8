"""Leftovers of the red-team pass on conflict reports, actors side: which Congo, national
sections of international organisations, nicknames, the short name of an organisation told
before. Sentences are invented for these tests."""
import datetime as dt

import pytest

from actors_support import run_actors
from conftest import _pipeline_for
from eventlens.model import Article


@pytest.fixture(scope="session")
def stage_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors",))


def run(pipe, text, published=dt.date(2025, 5, 10)):
    return run_actors(pipe, text, published)


def coded(text):
    return _pipeline_for(None).process(Article(id="leftovers", text=text, published=dt.date(2025, 5, 10),
                                               language="en"))


def ids(actors):
    return {a.kb_id for a in actors}


# 7. "Congo": the one the article's other places are in

def test_congo_in_an_article_on_the_kivus_is_the_drc(stage_pipeline):
    actors = run(stage_pipeline, "Rebels seized two villages near Goma in North Kivu on Friday. Congo accused "
                                 "Rwanda of arming the rebels.")
    assert "cod" in ids(actors) and "cog" not in ids(actors)


def test_congo_in_an_article_on_brazzaville_is_the_republic(stage_pipeline):
    actors = run(stage_pipeline, "Officials in Brazzaville said on Friday that Congo and Gabon would reopen "
                                 "their border near Pointe-Noire.")
    assert "cog" in ids(actors) and "cod" not in ids(actors)


def test_congo_is_placed_by_the_article_too():
    r = coded("Talks\n\nRebels seized two villages near Goma in North Kivu on Friday. Congo accused Rwanda of "
              "arming the rebels.")
    assert "COG" not in {p.country for p in r.places}


# 8. an international organisation's national section is the organisation

def test_an_organisation_followed_by_a_country_is_its_national_section(stage_pipeline):
    actors = run(stage_pipeline, "Amnesty International Uganda called for an inquiry into the deaths of three "
                                 "students in Kampala.")
    amnesty = [a for a in actors if a.kb_id == "amnesty"]
    assert amnesty and any(m.text == "Amnesty International Uganda" for m in amnesty[0].mentions)
    assert not any(a.kind == "state" and any(m.text == "Uganda" for m in a.mentions) for a in actors)


def test_a_country_after_an_organisation_and_before_a_noun_stays_apart(stage_pipeline):
    actors = run(stage_pipeline, "Amnesty International Uganda researchers said on Monday that the army had "
                                 "detained 30 people.")
    assert "amnesty" in ids(actors)


# 9. nicknames are persons, never places

def test_a_quoted_nickname_inside_a_name_is_one_person():
    r = coded("Cartel clash\n\nCULIACAN, May 9 - Gunmen loyal to Ramon \"El Mayo\" Quintero clashed with "
              "soldiers in Culiacan on Friday, officials said.")
    people = [a for a in r.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Ramon Quintero"]
    assert not any("Mayo" in m.text for p in r.places for m in p.mentions)


def test_a_nickname_after_alias_is_the_person_before_it():
    r = coded("Arrest\n\nCULIACAN, May 9 - Soldiers arrested Juan Ortega, alias \"El Gordo\", in Culiacan on "
              "Friday, officials said.")
    ortega = [a for a in r.actors if a.name == "Juan Ortega"]
    assert ortega and any(m.text == "El Gordo" for m in ortega[0].mentions)
    assert not any("Gordo" in m.text for p in r.places for m in p.mentions)


def test_a_quoted_word_inside_a_group_name_is_no_nickname(stage_pipeline):
    actors = run(stage_pipeline, "Fighters of the Ansar \"Al-Haq\" Brigades attacked a police post on Monday.")
    assert not any(a.kind == "person" for a in actors)


# 10. "the Observatory" after the Syrian Observatory for Human Rights was named

def test_the_head_noun_of_an_organisation_named_before_is_that_organisation(stage_pipeline):
    actors = run(stage_pipeline, "Shelling killed four people near Idlib on Sunday, the Syrian Observatory for "
                                 "Human Rights said. The Observatory said two of the dead were children.")
    sohr = [a for a in actors if a.kb_id == "syr-sohr"]
    assert sohr and len(sohr[0].mentions) == 2
    assert not any(a.kind == "person" for a in actors)
