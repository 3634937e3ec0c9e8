"""Actor stage: people NER calls organisations, first names NER leaves out, unnamed spokespeople."""
import datetime as dt

import pytest

from actors_support import run_actors


@pytest.fixture(scope="session")
def stage_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors",))


def run(pipe, text, published=dt.date(2022, 3, 1)):
    return run_actors(pipe, text, published)


def named(actors, surface):
    found = [a for a in actors if surface in a.aliases_seen]
    assert len(found) == 1, [(a.id, a.aliases_seen) for a in actors]
    return found[0]


def test_name_with_a_title_in_apposition_is_a_person(stage_pipeline):
    # the small model tags this name ORG; "the regional governor" says who it is
    actors = run(stage_pipeline, "Oleh Kiper, the regional governor, said three people were wounded in the shelling.")
    kiper = named(actors, "Oleh Kiper")
    assert kiper.kind == "person" and kiper.sector == "GOV"


def test_name_referred_to_as_he_is_a_person(stage_pipeline):
    actors = run(stage_pipeline, "Oleh Kiper said the city was calm. He added that schools would reopen.")
    assert named(actors, "Oleh Kiper").kind == "person"


def test_organisation_names_stay_organisations(stage_pipeline):
    actors = run(stage_pipeline, "The Kyiv Regional Council said its building was damaged. He added nothing.")
    assert named(actors, "Kyiv Regional Council").kind == "organization"


def test_first_name_left_out_by_ner_joins_the_name(stage_pipeline):
    actors = run(stage_pipeline, "Taras Bilyk posted a statement online. In it he wrote that the factory had been hit.")
    person = named(actors, "Taras Bilyk")
    assert person.kind == "person" and person.name == "Taras Bilyk"


def test_head_of_an_administration_in_apposition_is_government(stage_pipeline):
    actors = run(stage_pipeline, "Serhiy Lysak, head of the regional military administration, said two drones "
                                 "were shot down.")
    assert named(actors, "Serhiy Lysak").sector == "GOV"


@pytest.mark.parametrize("published", [dt.date(2022, 3, 1), dt.date(2010, 3, 1)])
def test_spokesman_of_a_title_holder_is_an_actor_of_its_body(stage_pipeline, published):
    # in 2010 the KB knows no holder of the office: the spokesman still speaks for the UN
    text = "The UN Secretary-General's spokesman said the convoy had reached the city."
    spokesman = named(run(stage_pipeline, text, published), "spokesman")
    assert spokesman.kind == "person" and spokesman.sector == "IGO" and spokesman.country is None
    assert "UN Secretary-General" in spokesman.name


@pytest.mark.parametrize("text, sector", [
    ("Hamas's spokesman said the group would respond.", "REB"),
    ("A spokeswoman for the Red Cross said the hospital was overwhelmed.", "NGO"),
    ("The ministry's spokeswoman said the talks would resume in Nairobi, Kenya.", "GOV"),
])
def test_spokesperson_takes_sector_of_whom_it_speaks_for(stage_pipeline, text, sector):
    actors = run(stage_pipeline, text)
    spokes = [a for a in actors if a.aliases_seen and a.aliases_seen[0].startswith("spokes")]
    assert len(spokes) == 1 and spokes[0].kind == "person" and spokes[0].sector == sector, actors


def test_named_spokesman_is_the_named_person(stage_pipeline):
    actors = run(stage_pipeline, "Iraqi Interior Ministry spokesman Saad Maan said the attack was foiled.")
    assert not any(a.aliases_seen == ["spokesman"] for a in actors)


def test_title_with_for_before_a_name_gives_its_sector(stage_pipeline):
    actors = run(stage_pipeline, "The Federal Minister for Interior Rashid Qadir Baloch allowed the march to go ahead.")
    assert named(actors, "Rashid Qadir Baloch").sector == "GOV"


def test_office_before_a_known_name_is_what_the_person_acts_as(stage_pipeline):
    # the KB has him as his movement's (REB); the text names him as the prime minister
    actors = run(stage_pipeline, "Palestinian Prime Minister Ismail Haniyeh met envoys in Gaza on Monday.",
                 dt.date(2006, 5, 1))
    assert named(actors, "Ismail Haniyeh").sector == "GOV"


def test_officer_of_an_international_body_stays_the_bodys(stage_pipeline):
    actors = run(stage_pipeline, "U.N. Secretary-General Kofi Annan urged both sides to show restraint.",
                 dt.date(2003, 5, 1))
    assert named(actors, "Kofi Annan").sector == "IGO"


def test_president_bush_is_american_wherever_the_article_is(stage_pipeline):
    actors = run(stage_pipeline, "President Bush warned Russia against further action in Georgia.", dt.date(2008, 8, 20))
    assert named(actors, "Bush").country == "USA"


@pytest.mark.parametrize("text, not_actor", [
    ("Hundreds of people, including State Senator Marta Quill, rallied in Albany on Monday.", "State"),
    ("Dozens of party members held a protest at Kathua city (J&K) over the killings.", "J&K"),
])
def test_words_ner_calls_organisations_that_name_no_actor(stage_pipeline, text, not_actor):
    actors = run(stage_pipeline, text)
    assert not any(not_actor in a.aliases_seen for a in actors), [(a.id, a.aliases_seen) for a in actors]


def test_refugees_from_a_country_are_its_refugees(stage_pipeline):
    actors = run(stage_pipeline, "Some 2,000 refugees from Ukraine arrived in Warsaw on Monday.")
    refugees = [a for a in actors if a.kb_id == "ukr-refugees"]
    assert len(refugees) == 1 and refugees[0].name == "Refugees/IDPs (Ukraine)"


def test_a_spokesman_named_after_the_phrase_is_that_person(stage_pipeline):
    actors = run(stage_pipeline, "A spokesman for the Syrian Civil Defence, Ahmad Yazji, said the market "
                                 "had no military presence.")
    assert not any("spokesman" in a.name.lower() for a in actors), [a.name for a in actors]
    assert named(actors, "Ahmad Yazji").kind == "person"
