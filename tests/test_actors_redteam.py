"""Actor stage on conflict reporting: demonym doers, victims' country, generic nouns, news
agencies and appositives, surnames before full names, datelines. Invented sentences."""
import datetime as dt

import pytest

from actors_support import run_actors
from eventlens.model import Article


@pytest.fixture(scope="session")
def stage_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors",))


@pytest.fixture(scope="session")
def full_pipeline(pipeline_for):
    return pipeline_for(None)


def run(pipe, text, published=dt.date(2025, 5, 10)):
    return run_actors(pipe, text, published)


def ids(actors):
    return {a.kb_id for a in actors}


def by_kb(actors, kb_id):
    found = [a for a in actors if a.kb_id == kb_id]
    assert len(found) == 1, f"{kb_id}: {[(a.id, a.aliases_seen) for a in actors]}"
    return found[0]


# 1. a demonym on what an army fires names that army as the doer

def test_demonym_missile_strike_is_the_states_military(stage_pipeline):
    actors = run(stage_pipeline, "A Russian missile strike on Kharkiv killed seven people on Friday.")
    mil = by_kb(actors, "rus-military")
    assert any("missile" in m.text for m in mil.mentions)
    assert "rus" not in ids(actors)   # not the bare state known only from the adjective


def test_demonym_strike_is_the_events_actor(full_pipeline):
    res = full_pipeline.process(Article(id="t", text="A Russian missile strike on Kharkiv killed seven people "
                                                     "on Friday, regional officials said.",
                                        published=dt.date(2025, 5, 10)))
    strike = next(e for e in res.events if e.plover_type == "ASSAULT")
    assert "kb:rus-military" in strike.actors


# 2. victims take the country where they were hit, not the attacker's adjective

def test_people_killed_take_the_country_of_the_place_struck(stage_pipeline):
    actors = run(stage_pipeline, "A Russian missile struck Kharkiv on Tuesday, killing three people and "
                                 "wounding a dozen others.")
    assert "ukr-civilians" in ids(actors)
    assert "rus-civilians" not in ids(actors)


def test_dateline_counts_where_ner_misses_the_places(stage_pipeline):
    text = "KYIV, May 9 (Reuters) - Russian drones hit Odesa overnight, killing two people."
    actors = run(stage_pipeline, text)
    assert "ukr-civilians" in ids(actors) and "rus-military" in ids(actors)


# 3. generic nouns: armed men are no protesters; air strikes of the one foreign air force named

def test_kidnappers_demanding_a_ransom_are_an_armed_group_not_protesters(stage_pipeline):
    actors = run(stage_pipeline, "Kidnappers abducted twelve villagers in Zamfara state on Sunday and demanded "
                                 "a ransom, police said.")
    assert "nga-unidentified-armed-group" in ids(actors)
    assert not any(a.kb_id and a.kb_id.endswith("protesters") for a in actors)


def test_unclaimed_airstrikes_follow_the_one_foreign_military_named(stage_pipeline):
    text = ("Israeli jets struck a radar site near Damascus on Thursday. Airstrikes also hit a depot "
            "outside Homs, a war monitor said.")
    actors = run(stage_pipeline, text)
    isr = by_kb(actors, "isr-military")
    assert "Airstrikes" in isr.aliases_seen
    assert not any(a.kb_id == "syr-military" and "Airstrikes" in a.aliases_seen for a in actors)


def test_unclaimed_airstrikes_alone_name_no_attacker(stage_pipeline):
    # ACLED: with no attacker named, the strikes' actor is unidentified, not the host state's army
    actors = run(stage_pipeline, "Airstrikes hit a village near Idlib on Monday, killing three civilians.")
    assert "syr-military" not in ids(actors)


def test_airstrikes_told_with_the_countrys_army_or_air_arm_are_its(stage_pipeline):
    said = run(stage_pipeline, "Airstrikes killed twelve fighters near Idlib on Monday, the army said.")
    jets = run(stage_pipeline, "Airstrikes by fighter jets hit a village near Idlib on Monday.")
    junta = run(stage_pipeline, "Junta airstrikes hit a village in Sagaing region on Monday.")
    assert "syr-military" in ids(said) and "syr-military" in ids(jets)
    assert "mmr-military" in ids(junta)


# 4. news agencies, embassies, appositives, "the party"

def test_state_news_agency_is_a_known_speaker(stage_pipeline):
    actors = run(stage_pipeline, "Missiles hit an army depot near Hama on Thursday, SANA said.")
    sana = by_kb(actors, "media-sana")
    assert sana.country == "SYR" and sana.sector == "JRN"


def test_country_name_ending_in_s_modifies_an_embassy(stage_pipeline):
    actors = run(stage_pipeline, "The United States embassy in Dar es Salaam said it was concerned by the arrests.")
    assert "usa-government" in ids(actors)


def test_acronym_and_appositive_are_the_organisation(stage_pipeline):
    text = ("The Federal Democratic Council (FDC), the exiled administration formed by ousted legislators, "
            "condemned the airstrike.")
    actors = run(stage_pipeline, text)
    orgs = [a for a in actors if a.name == "Federal Democratic Council"]
    assert len(orgs) == 1
    assert {"FDC", "exiled administration"} <= set(orgs[0].aliases_seen)


def test_the_party_refers_to_the_party_named_before(stage_pipeline):
    text = ("Police arrested the leader of the main opposition party Mwangaza, Juma Tesha, in Arusha on Friday, "
            "the party said.")
    actors = run(stage_pipeline, text)
    party = next(a for a in actors if a.name == "Mwangaza")
    assert party.kind == "organization" and party.sector == "OPP"
    assert "party" in party.aliases_seen


# 5. a surname before the full name

def test_surname_before_the_full_name_is_the_same_person(stage_pipeline):
    text = ('"This is another attack on civilians," Vadrenko told local television on Friday.\n\n'
            "Two drones struck the city centre overnight, regional mayor Oleksii Vadrenko said later.")
    actors = run(stage_pipeline, text)
    people = [a for a in actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Oleksii Vadrenko" and "Vadrenko" in people[0].aliases_seen


# 6. the dateline's host is not who acts

def test_rebels_and_rebel_leader_take_the_named_groups_country_not_the_datelines(stage_pipeline):
    text = ("DOHA, May 9 - The government of the Democratic Republic of Congo and the M23 signed a ceasefire "
            'in Doha on Friday. The rebels said they would withdraw. "We choose peace," rebel leader '
            "Bertrand Kasongo said.")
    actors = run(stage_pipeline, text)
    assert {"cod-government", "cod-rebels"} <= ids(actors)
    assert not {"qat-government", "qat-rebels"} & ids(actors)
    leader = next(a for a in actors if a.name == "Bertrand Kasongo")
    assert leader.country == "COD"
    qat = [a for a in actors if a.kb_id == "qat"]
    assert all(m.text != "DOHA" for a in qat for m in a.mentions)


def test_officer_of_an_international_body_takes_no_country_from_the_article(stage_pipeline):
    text = ("KYIV, May 9 - A Russian missile struck Kharkiv on Friday, killing three people. EU foreign policy "
            "chief Mirja Tammsaar called the attack barbaric.")
    actors = run(stage_pipeline, text)
    officer = next(a for a in actors if a.name == "Mirja Tammsaar")
    assert officer.country is None


def test_a_people_plural_owning_accusations_is_its_state_not_civilians(stage_pipeline):
    actors = run(stage_pipeline, "A militia commander said the accusations of the Americans were lies.")
    assert "usa" in ids(actors)
    assert "usa-civilians" not in ids(actors)


def test_a_lone_name_after_party_is_the_party_and_the_party_refers_to_it(stage_pipeline):
    text = ("Police on Friday arrested the leader of the main opposition party Mwenge, Baraka Tumaini, and "
            "ten other officials, the party said.")
    actors = run(stage_pipeline, text)
    party = next(a for a in actors if a.name == "Mwenge")
    assert party.kind == "organization" and "party" in party.aliases_seen


def test_a_full_name_ner_splits_in_two_is_one_person(stage_pipeline):
    actors = run(stage_pipeline, '"President Samia Suluhu Hassan promised reforms," he said.')
    assert [a.name for a in actors if a.kind == "person"] == ["Samia Suluhu Hassan"]


def test_a_one_word_headline_is_no_new_actor(stage_pipeline):
    actors = run(stage_pipeline, "Ransom\n\nGunmen abducted four traders near Lokoja on Monday.")
    assert not any(a.name == "Ransom" for a in actors)
