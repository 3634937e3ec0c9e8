"""Event precision across a whole article: trigger words that name, describe, concede or speak
about an event do not report one; later mentions join the event they refer to; background and
accused acts are not new occurred events. Sentences are invented for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventlens.model import Actor, Event, Span
from eventlens.pipeline.event_days import range_for
from eventlens.pipeline.events import EventsStage

PUBLISHED = dt.date(2022, 5, 2)


@pytest.fixture(scope="session")
def events(spacy_parse):
    def _events(text: str, actors=()):
        doc = spacy_parse(text, PUBLISHED)
        doc._.actors = [a(text) for a in actors]
        EventsStage()(doc)
        return doc._.events
    return _events


def actor(aid: str, word: str, link: str):
    def build(text: str) -> Actor:
        start = text.index(word)
        return Actor(id=aid, name=word, kind="state", link=link, confidence=0.5,
                     mentions=[Span.of(text, start, start + len(word))])
    return build


def types(evs, status=None) -> list[str]:
    return [e.plover_type for e in evs if status is None or e.status == status]


# --- mentions that report no event -------------------------------------------------------

@pytest.mark.parametrize("text,absent", [
    # a stance in a participle modifier describes who the factions are
    ("The minister met the factions opposed to the new government on Monday.", "REJECT"),
    # a disposition towards violence is a motive, not an offer
    ("The man who planned the ambush was keen to kill him.", "AGREE"),
    # a future event named by a noun has not happened
    ("The delegates prepared for the upcoming negotiations with the rebels.", "AGREE"),
    # an action spoken about is a topic of speech
    ("The cleric referred to confronting the armed groups in his sermon.", "ASSAULT"),
    # a conceded rejection is background of the main clause
    ("The governor held the vote on Sunday despite the rejection of some parties.", "REJECT"),
    # a naming verb names, it reports no meeting or call
    ("The ministry condemned what it called a cowardly assault on the city.", "CONSULT"),
    # "sanctions targeting X": the participle describes the sanction, it is no attack
    ("The treasury imposed new sanctions targeting the leaders of the armed group.", "ASSAULT"),
])
def test_non_reporting_mentions_are_not_events(events, text, absent):
    assert absent not in types(events(text))


def test_heading_noun_phrase_is_not_an_event(events):
    evs = events("2 Rejection of the budget plan\nThe council members met in the capital on Monday.")
    assert "REJECT" not in types(evs)
    assert "CONSULT" in types(evs)


def test_heading_mention_adds_evidence_to_the_reported_event(events):
    text = "Rejection of the peace plan\nThe rebel council rejected the peace plan on Sunday."
    evs = [e for e in events(text) if e.plover_type == "REJECT"]
    assert len(evs) == 1 and len(evs[0].evidence) == 2


def test_offer_to_cooperate_stays_an_agreement(events):
    assert "AGREE" in types(events("The rebels said they are ready to negotiate with the government."))


def test_relative_clause_election_is_not_coded(events):
    evs = events("The parties that won the elections formed a new bloc in parliament.")
    assert not [e for e in evs if e.plover_mode == "election"]


def test_threatened_act_is_part_of_the_threat(events):
    evs = events("The militia threatened military confrontations with the army.")
    assert types(evs).count("THREATEN") == 1


# --- status of events inside accusations, answers and historical frames --------------------

def test_accused_act_is_alleged_not_occurred(events):
    evs = events("The militia leaders accused the minister of being involved in shooting demonstrators in the capital.")
    assault = [e for e in evs if e.plover_type == "ASSAULT"]
    assert assault and all(e.status == "alleged" for e in assault)
    assert not [e for e in evs if e.plover_type == "PROTEST" and e.status == "occurred"]


def test_people_described_after_an_accusation_are_background(events):
    evs = events("The leaders accused the minister of shooting the demonstrators, who gathered to protest against the results.")
    assert not [e for e in evs if e.plover_type == "PROTEST" and e.status == "occurred"]


def test_event_answered_by_an_attack_happened_before(events):
    evs = events("Militants attacked the army base in retaliation for the killing of their commander.")
    occurred = [e for e in evs if e.plover_type == "ASSAULT" and e.status == "occurred"]
    assert len(occurred) == 1 and occurred[0].trigger.text == "attacked"
    assert [e.trigger.text for e in evs if e.status == "historical"] == ["killing"]


def test_historical_frame_marks_embedded_attacks_as_background(events):
    evs = events("Historical precedents show that the groups that were targeting the embassy used rockets.")
    assert [e.status for e in evs if e.plover_type == "ASSAULT"] == ["historical"]


# --- one record per real event -------------------------------------------------------------

def test_anaphoric_hypothetical_mention_joins_the_attack(events):
    text = ("Gunmen attacked a police station in the town on Monday. "
            "A spokesman for the group said it condemns this act if it was a real attack.")
    evs = [e for e in events(text) if e.plover_type == "ASSAULT"]
    assert len(evs) == 1 and evs[0].status == "occurred" and len(evs[0].evidence) == 2


def test_previous_attack_is_not_anaphoric(events):
    text = "Gunmen attacked a police station in the town on Monday. A previous attack hit the same station."
    evs = [e for e in events(text) if e.plover_type == "ASSAULT"]
    assert "historical" in [e.status for e in evs] and "occurred" in [e.status for e in evs]


def test_statement_is_not_split_over_the_days_it_mentions():
    ev = Event(id="e1", plover_type="ACCUSE", date=dt.date(2022, 5, 1), time_precision=1, status="occurred")
    assert range_for(None, ev) is None  # statements are made once; only ACLED events span days


# --- who acts ------------------------------------------------------------------------------

def test_demonym_modifier_is_not_the_attacker(events):
    text = "Iraqi gunmen attacked the convoy near the border."
    evs = events(text, [actor("kb:irq", "Iraqi", "demonym")])
    assault = next(e for e in evs if e.plover_type == "ASSAULT")
    assert "kb:irq" not in assault.actors


def test_place_actor_as_subject_acts(events):
    text = "Iraq expelled two diplomats on Sunday."
    evs = events(text, [actor("kb:irq", "Iraq", "place")])
    assert any("kb:irq" in e.actors for e in evs)


def test_implied_civilians_are_never_the_acting_side(events):
    text = "Residents of the houses attacked the police post in the village."
    evs = events(text, [actor("new:house-owners", "houses", "implied")])
    assert evs and all("new:house-owners" not in e.actors for e in evs)


@pytest.mark.parametrize("text,present", [
    # a statement's participle reports what the statement does
    ("The party issued a statement demanding the release of the prisoners.", "REQUEST"),
    # insisting on demands reports a demand, it does not merely refer to one
    ("The rebels insisted on their demands for more autonomy.", "REQUEST"),
    # "protest action" names the protest itself
    ("Activists staged a protest action outside the parliament on Monday.", "PROTEST"),
])
def test_reporting_mentions_stay_events(events, text, present):
    assert present in types(events(text))


def test_event_only_referred_to_is_not_a_new_event(events):
    evs = events("The journalists talked about the attack in the city.")
    assert "ASSAULT" not in types(evs)


# --- ACLED territory: whose government? --------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # a foreign state's troops taking a place: ACLED codes it as the non-state side's gain
    ("Turkish forces seized the village of Tal Tamr in Hasakah province, Syria, after heavy fighting.",
     "Non-state actor overtakes territory"),
    # the country's own army taking it: the government regains territory
    ("Syrian army troops seized the village of Tal Tamr in Hasakah province after heavy fighting.",
     "Government regains territory"),
])
def test_foreign_forces_taking_territory(pipeline_for, text, expected):
    from eventlens.model import Article
    result = pipeline_for(None).process(Article(id="t", text=text, published=PUBLISHED, language="en"))
    assert result.events[0].acled_sub_event_type == expected


def test_weak_mention_with_other_participants_does_not_join(events):
    text = ("The council rejected the budget on Monday. "
            "The governor held the vote on Sunday despite the rejection of the opposition party.")
    evs = [e for e in events(text, [actor("new:opposition-party", "opposition party", "exact-alias")])
           if e.plover_type == "REJECT"]
    assert len(evs) == 1 and len(evs[0].evidence) == 1


def test_demonstrative_mention_joins_the_attack(events):
    text = ("Gunmen attacked a police station in the town on Monday. "
            "The governor said the order for this attack came from a camp across the border.")
    evs = [e for e in events(text) if e.plover_type == "ASSAULT"]
    assert len(evs) == 1 and len(evs[0].evidence) == 2


def test_attack_that_happened_is_not_the_threat_of_it(events):
    text = "Officials warned that militants would attack the town. The attack came on Monday, killing three soldiers."
    evs = events(text)
    assert [e.status for e in evs if e.plover_type == "ASSAULT"] == ["occurred"]
    assert "THREATEN" in types(evs)


@pytest.mark.parametrize("text,expected", [
    ("The military government confirmed that it had carried out a strike on the village, killing dozens.", "ASSAULT"),
    ("Workers carried out a strike at the port on Monday.", "PROTEST"),
])
def test_strike_among_weapons_is_military(events, text, expected):
    assert types(events(text))[0] == expected


@pytest.mark.parametrize("text,consult", [
    ("The hospital received dozens of casualties in a few hours.", False),
    ("The president received the Iranian foreign minister in the capital.", True),
])
def test_receiving_is_a_meeting_only_when_someone_is_received(events, text, consult):
    assert ("CONSULT" in types(events(text))) is consult


@pytest.mark.parametrize("text", [
    # a naming verb's object names the event already told
    "Drones hit a base near the city on Monday. The ministry condemned what it called a cowardly attack on the security of the region.",
    # what someone is blamed for, named by a noun, is the event already told
    "A car bomb exploded near a police station on Monday. The minister blamed the rebels for the bombing.",
])
def test_named_event_joins_the_reported_one(events, text):
    evs = [e for e in events(text) if e.plover_type == "ASSAULT"]
    assert len(evs) == 1 and len(evs[0].evidence) == 2 and evs[0].status == "occurred"


def test_repeated_attacks_are_background(events):
    evs = events("Officials said the base had been targeted at least four times since October.")
    assert [e.status for e in evs if e.plover_type == "ASSAULT"] == ["historical"]


def test_listed_past_attacks_in_different_places_stay_apart(pipeline_for):
    from eventlens.model import Article
    text = ("Officials said the militias were responsible for these operations, "
            "whether in the attacks in Basra or the attack on Erbil airport.")
    result = pipeline_for(None).process(Article(id="t", text=text, published=PUBLISHED, language="en"))
    past = [e for e in result.events if e.plover_type == "ASSAULT" and e.status == "historical"]
    assert len(past) == 2 and len({e.place for e in past}) == 2


def test_negated_relative_clause_is_no_evidence_of_another_event(events):
    text = ("The cleric condemned the bombing on Monday. "
            "The minister, who did not condemn the bombing, left the capital on Tuesday.")
    accuse = [e for e in events(text) if e.plover_type == "ACCUSE" and e.trigger.text == "condemned"]
    assert len(accuse) == 1 and len(accuse[0].evidence) == 1


@pytest.mark.parametrize("text, arrests", [
    ("A journalist died in police custody on Monday, his lawyer said.", 0),
    ("Students marched on Monday after the death of a classmate in detention.", 0),
    ("Police took three men into custody on Monday.", 1),
])
def test_where_someone_died_is_no_arrest(events, text, arrests):
    assert types(events(text)).count("COERCE") == arrests
