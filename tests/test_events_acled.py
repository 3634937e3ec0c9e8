"""ACLED coding rules of the events stage: who fights whom, protests and what they are about,
territory, strategic developments, generic participants, sizes and counts.

Fixture sentences are written for these tests in the style of short news reports.
"""
from __future__ import annotations

import pytest

from eventlens.config import DEFAULT_STAGES
from eventlens.model import Actor, Article, Span
from eventlens.pipeline.event_toll import event_counts
from eventlens.pipeline.events import EventsStage, load_lexicon
from events_support import PUBLISHED, main_event, parse, sub  # noqa: F401 (parse is a fixture)


@pytest.fixture(scope="session")
def upstream_pipeline(pipeline_for):
    """Actors, places and dates feed the events stage; statements and claims are not needed."""
    return pipeline_for(tuple(s for s in DEFAULT_STAGES if s not in ("eventlens_statements", "eventlens_claims")))


@pytest.mark.parametrize("text,expected", [
    # unorganised crowds attacking someone: Riots / Mob violence, not an armed group's attack
    ("Angry residents beat two suspected thieves in the market.", "Mob violence"),
    ("A group of students assaulted their teacher at the school.", "Mob violence"),
    ("Villagers threw stones at police officers outside the hospital.", "Mob violence"),
    # armed organised groups on civilians vs on each other
    ("Gunmen shot dead a farmer near the river.", "Attack"),
    ("Soldiers clashed with policemen at the roundabout.", "Armed clash"),
    # bare explosions are devices set off on the spot; fired artillery is shelling
    ("Two explosions occurred near the police station.", "Remote explosive/landmine/IED"),
    ("Rebels carried out a mine attack against two army trucks.", "Remote explosive/landmine/IED"),
    ("The army fired artillery at rebel positions near the town.", "Shelling/artillery/missile attack"),
    ("Militants raped a woman in the village.", "Sexual violence"),
])
def test_violence_sub_types(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_fighting_reported_across_mentions_is_one_armed_clash(parse):
    text = ("Two armed men opened fire on a police patrol in the town on Monday. "
            "Officers returned fire, killing one of the attackers.")
    e = main_event(parse(text))
    assert e.acled_sub_event_type == "Armed clash"
    assert e.fatalities == 1


def test_abduction_with_killing_is_an_attack(parse):
    e = main_event(parse("Militants killed a trader and abducted his son in the village."))
    assert e.acled_sub_event_type == "Attack"
    assert sub(parse, "Unknown men kidnapped a pastor on his way home.") == "Abduction/forced disappearance"


@pytest.mark.parametrize("text,expected", [
    ("Government troops regained control of the town after heavy fighting.", "Government regains territory"),
    ("The rebels captured the border town on Sunday.", "Non-state actor overtakes territory"),
    ("Rebels took control of several villages. No clashes were reported.", "Non-violent transfer of territory"),
])
def test_territory(parse, text, expected):
    assert sub(parse, text) == expected


def test_fighting_that_wins_territory_is_the_territory_event(parse):
    doc = parse("Soldiers clashed with militiamen and regained control of the hill.")
    e = main_event(doc)
    assert e.acled_sub_event_type == "Government regains territory"
    assert not [x for x in doc._.events if x.acled_sub_event_type == "Armed clash"]


@pytest.mark.parametrize("text,expected", [
    # what a protest demands or denounces is not an intervention in it
    ("Hundreds of farmers staged a protest in the town, demanding the arrest of the mayor.", "Peaceful protest"),
    ("Activists gathered outside the court in support of detained journalists.", "Peaceful protest"),
    # what security forces do is not the protesters' violence
    ("Taxi drivers demonstrated against fuel prices. Police erected barricades but did not intervene.",
     "Peaceful protest"),
    # how a protest is held can make it violent
    ("Residents blocked the highway by burning tyres to demand water.", "Violent demonstration"),
    ("Students rallied in the capital. Police fired tear gas and detained five of them.", "Protest with intervention"),
    ("Around 250 demonstrators gathered in the square. They denounced the new tax.", "Peaceful protest"),
    ("Over 700 people took part in a torchlight procession to condemn the war.", "Peaceful protest"),
])
def test_protests(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_background_violence_of_a_protest_is_not_the_main_event(parse):
    doc = parse("Relatives of a journalist who was killed last year demonstrated in the capital to demand justice.")
    e = main_event(doc)
    assert e.acled_event_type == "Protests"
    killed = [x for x in doc._.events if x.plover_type == "ASSAULT"]
    assert all(x.status == "historical" for x in killed)


@pytest.mark.parametrize("text,expected", [
    ("About 300 soldiers were deployed in the villages near the border.", "Change to group/activity"),
    ("A rebel commander surrendered to security forces with two rifles.", "Agreement"),
    ("Three militia fighters defected to the rebel army.", "Change to group/activity"),
    ("Thousands of people were displaced from the district.", "Other"),
    ("Militants set three houses on fire in the village.", "Looting/property destruction"),
])
def test_strategic_developments(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_according_to_is_not_an_agreement(parse):
    doc = parse("According to the police, the fire was intentional.")
    EventsStage()(doc)
    assert not [e for e in doc._.events if e.plover_type == "AGREE"]


def test_unnamed_protesters_get_the_generic_actor(upstream_pipeline):
    text = "On Monday, residents of Lagos blocked a road to demand water supply."
    r = upstream_pipeline.process(Article(id="p", text=text, published=PUBLISHED))
    e = next(e for e in r.events if e.acled_event_type == "Protests")
    actors = {a.id: a for a in r.actors}
    assert e.actors and all(a in actors for a in e.actors)  # referenced actors exist in the result
    protesters = actors[e.actors[0]]
    assert protesters.name.startswith("Protesters") and protesters.kind == "generic"
    assert protesters.country == "NGA"
    for m in protesters.mentions:
        assert text[m.start:m.end] == m.text
    assert [m.text for m in protesters.mentions] == ["residents"]


def test_rioters_generic_actor_reuses_existing_actor(parse):
    text = "A mob beat a suspected thief in the market."
    doc = parse(text)
    start = text.index("mob")
    rioters = Actor(id="kb:ken-rioters", name="Rioters (Kenya)", kind="generic", country="KEN",
                    kb_id="ken-rioters", mentions=[Span.of(text, start, start + 3)])
    doc._.actors = [rioters]
    e = main_event(doc)
    assert e.acled_sub_event_type == "Mob violence"
    assert e.actors == ["kb:ken-rioters"]
    assert [a.id for a in doc._.actors] == ["kb:ken-rioters"]  # no duplicate created


def test_generic_actor_without_crowd_noun_has_no_mention(parse):
    doc = parse("A demonstration was held in front of the parliament on Friday.")
    e = main_event(doc)
    assert e.acled_sub_event_type == "Peaceful protest"
    assert len(e.actors) == 1
    actor = next(a for a in doc._.actors if a.id == e.actors[0])
    assert actor.name.startswith("Protesters") and actor.mentions == []


@pytest.mark.parametrize("text,size,weapons,arrested", [
    ("Dozens of protesters gathered and police arrested 12 of them.", 12, None, 12),
    ("Around 2,400 people marched in the city. Six were detained.", 2400, None, 6),
    ("Militants launched three drones at the base; two of them were shot down.", None, 3, None),
    ("Hundreds of students rallied in the capital.", 100, None, None),
    ("Police detained a man near the station.", None, None, 1),
])
def test_event_counts(parse, text, size, weapons, arrested):
    doc = parse(text)
    counts = event_counts(list(doc.sents), load_lexicon().toll["vague"])
    assert counts == {"size": size, "weapons_count": weapons, "arrested": arrested}


def test_counts_reach_the_event(parse):
    doc = parse("Dozens of protesters rallied in the city and police arrested 12 of them.")
    EventsStage()(doc)
    event = doc._.events[0]
    assert event.size == 12 and event.arrested == 12


@pytest.mark.parametrize("text,expected", [
    # an intervention told of another occasion is not this protest's
    ("Teachers marched in the city on Monday to demand higher wages. In 2019, police arrested the union leader.",
     "Peaceful protest"),
    ("Farmers protested on Tuesday. Police had previously dispersed a protest in the town with tear gas.",
     "Peaceful protest"),
    ("Hundreds marched in the city on Monday after police had arrested their leader.", "Peaceful protest"),
    # ... while what happens at the protest, in the next sentence, still counts
    ("Students rallied in the capital on Monday. Police fired tear gas and detained five of them.",
     "Protest with intervention"),
])
def test_protest_cues_of_another_occasion(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_riots_a_protest_is_about_are_earlier(parse):
    doc = parse("Hundreds rallied in the capital to protest the arrest of those involved in the 2020 riots.")
    e = main_event(doc)
    assert e.acled_sub_event_type == "Peaceful protest"
    riots = [x for x in doc._.events if x.trigger and x.trigger.text == "riots"]
    assert riots and all(x.status == "historical" for x in riots)


def test_riots_a_rally_is_against_are_earlier(parse):
    # the noun's own verb ("rallied") stands for the rally, not for the riots hung on it
    doc = parse("Hundreds rallied against the riots in the capital.")
    assert main_event(doc).acled_sub_event_type == "Peaceful protest"
    riots = [x for x in doc._.events if x.trigger and x.trigger.text == "riots"]
    assert riots and all(x.status == "historical" for x in riots)


def test_a_gathering_met_with_tear_gas_is_a_protest_with_intervention(parse):
    doc = parse("Teachers gathered in the square, where police fired tear gas.")
    assert main_event(doc).acled_sub_event_type == "Protest with intervention"
    # people meeting for something else are no protest
    doc = parse("Residents gathered at the mosque for Friday prayers.")
    assert not [e for e in doc._.events or [] if e.plover_type == "PROTEST"]
