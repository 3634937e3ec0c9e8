"""Actor stage: offices that speak for a government, groups tied to a named organisation, people
who are only what an event is about, and names that are places or things rather than actors."""
import datetime as dt

import pytest

from actors_support import run_actors


@pytest.fixture(scope="session")
def stage_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors",))


def run(pipe, text, published=dt.date(2022, 5, 9)):
    return run_actors(pipe, text, published)


def ids(actors):
    return {a.kb_id for a in actors if a.kb_id}


# ---------------------------------------------------------------- offices of a government

@pytest.mark.parametrize("text, kb_id, surface", [
    ("In Kassala, Sudan, the governor's office said two farmers were killed by gunmen.",
     "sdn-government", "governor's office"),
    ("On 3 May 2022, in Kharkiv, the president's office said Russian forces shelled a market.",
     "ukr-government", "president's office"),
    ("The ministry's press office in Baghdad said the strike killed four people in Mosul, Iraq.",
     "irq-government", "ministry's press office"),
    ("The prime minister's media office said troops arrested a suspect in Kirkuk, Iraq.",
     "irq-government", "prime minister's media office"),
    ("Ukraine's presidential office said the city was shelled overnight.",
     "ukr-government", "Ukraine's presidential office"),
    ("According to the governor's office, two people were killed in Zaporizhzhia.",
     "ukr-government", "governor's office"),
])
def test_an_office_that_speaks_is_the_countrys_government(stage_pipeline, text, kb_id, surface):
    actors = run(stage_pipeline, text)
    gov = next((a for a in actors if a.kb_id == kb_id), None)
    assert gov is not None, [a.name for a in actors]
    assert surface in gov.aliases_seen
    # the office is not its holder: no person for "the president" / "the prime minister"
    assert not any(a.kind == "person" for a in actors)


def test_an_office_where_people_protest_is_a_place(stage_pipeline):
    actors = run(stage_pipeline, "Dozens of teachers protested outside the governor's office in Kano, Nigeria.")
    assert "nga-government" not in ids(actors)
    assert "nga-protesters" in ids(actors)


def test_an_international_bodys_office_is_not_a_government(stage_pipeline):
    actors = run(stage_pipeline, "The UN envoy's office in Tripoli said the talks would resume.")
    assert "lby-government" not in ids(actors)
    assert "un" in ids(actors)


# ---------------------------------------------------------------- groups tied to an organisation

@pytest.mark.parametrize("text, kb_id, noun", [
    ("A group linked to the Rapid Support Forces attacked a village in West Darfur, Sudan.", "sdn-rsf", "group"),
    ("A faction affiliated with JNIM ambushed soldiers near Gao, Mali.", "jnim", "faction"),
    ("Militants loyal to Islamic State killed three villagers in Borno, Nigeria.", "isis", "Militants"),
])
def test_a_group_tied_to_an_organisation_is_that_organisation(stage_pipeline, text, kb_id, noun):
    actors = run(stage_pipeline, text)
    org = next((a for a in actors if a.kb_id == kb_id), None)
    assert org is not None and noun in org.aliases_seen, [(a.name, a.aliases_seen) for a in actors]
    # not an unknown armed group, nor rioters, beside it
    assert not any(a.kb_id and a.kb_id.endswith(("unidentified-armed-group", "rioters")) for a in actors)


# ---------------------------------------------------------------- people an event is only about

@pytest.mark.parametrize("text", [
    "Protesters in Puebla, Mexico, demanded justice for women killed in the state.",
    "About 300 demonstrators, including students and teachers, rallied in Lyon against the reform.",
    "Hundreds of people marched in Cusco, Peru, against violence against women.",
])
def test_people_a_protest_is_about_are_no_civilian_actor(stage_pipeline, text):
    actors = run(stage_pipeline, text)
    assert any(a.kb_id and a.kb_id.endswith("-protesters") for a in actors)
    assert not any(a.kb_id and a.kb_id.endswith("-civilians") for a in actors), [a.name for a in actors]


def test_people_fired_at_are_civilians(stage_pipeline):
    actors = run(stage_pipeline, "Gunmen opened fire at villagers in Zamfara, Nigeria, killing four.")
    assert "nga-civilians" in ids(actors)


def test_a_protest_organised_by_people_makes_them_protesters(stage_pipeline):
    actors = run(stage_pipeline, "A march organised by residents blocked the main road in Cusco, Peru.")
    assert "per-protesters" in ids(actors) and "per-civilians" not in ids(actors)


# ---------------------------------------------------------------- places and things, no actors

def test_a_country_ending_an_address_is_no_actor(stage_pipeline):
    actors = run(stage_pipeline, "On 4 May 2022, in Narva, Estonia, about 200 people demonstrated against fuel prices.")
    assert "est" not in ids(actors)
    assert "est-protesters" in ids(actors)


@pytest.mark.parametrize("text, name", [
    ("Farmers in Lodz, Poland, protested against the Rural Water Plan on Monday.", "Rural Water Plan"),
    ("Workers blocked the entrance of the Vetrovo Steel Plant in Zenica to demand unpaid wages.",
     "Vetrovo Steel Plant"),
])
def test_plans_and_sites_are_no_actors(stage_pipeline, text, name):
    actors = run(stage_pipeline, text)
    assert any(a.kb_id and a.kb_id.endswith("-protesters") for a in actors)
    assert not any(name in alias for a in actors for alias in a.aliases_seen)


def test_a_former_office_holder_is_not_the_current_one(stage_pipeline):
    actors = run(stage_pipeline, "The ousted Iraqi Prime Minister spoke to reporters in Baghdad.",
                 dt.date(2022, 5, 9))
    assert not any(a.kind == "person" for a in actors)


def test_a_town_followed_by_its_country_is_in_that_country(stage_pipeline):
    # "Leon" alone is most likely the Nicaraguan city; ", Mexico" says which one
    actors = run(stage_pipeline, "Residents rallied at the Benito Ortega Monument in Leon, Mexico.")
    assert "mex-protesters" in ids(actors) and "nic-protesters" not in ids(actors)


def test_countries_in_a_list_are_no_address(stage_pipeline):
    actors = run(stage_pipeline, "Police arrested migrants from Guatemala, Honduras and Cuba in Tapachula.")
    assert {"hnd", "cub"} <= ids(actors)


# ---------------------------------------------------------------- who is harmed

def test_others_harmed_are_the_people_named_before(stage_pipeline):
    text = "Militants ambushed an army patrol near Gao, Mali. Two soldiers were killed and four others were injured."
    assert not any(a.kb_id and a.kb_id.endswith("-civilians") for a in run(stage_pipeline, text))


def test_an_armed_person_harmed_is_no_civilian(stage_pipeline):
    text = "In Celaya, Guanajuato, one perpetrator was injured in the attack on the checkpoint."
    assert not any(a.kb_id and a.kb_id.endswith("-civilians") for a in run(stage_pipeline, text))


def test_a_party_member_harmed_is_a_civilian(stage_pipeline):
    text = "On Sunday, gunmen shot dead a member of a local party in Celaya, Guanajuato."
    assert "mex-civilians" in ids(run(stage_pipeline, text))


# ---------------------------------------------------------------- lone names

@pytest.mark.parametrize("text, name", [
    ("Troops entered Bilohorivka after heavy shelling.", "Bilohorivka"),
    ("Militants attacked Kolongo and burned the market.", "Kolongo"),
])
def test_a_lone_word_tagged_person_with_nothing_of_a_person_is_no_actor(stage_pipeline, text, name):
    assert not any(name in a.aliases_seen for a in run(stage_pipeline, text))


def test_a_lone_name_that_speaks_is_a_person(stage_pipeline):
    actors = run(stage_pipeline, "The bridge was destroyed, Kovalchuk told reporters.")
    assert any(a.kind == "person" and "Kovalchuk" in a.aliases_seen for a in actors)
