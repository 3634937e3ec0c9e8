"""Events stage: triggers -> PLOVER/ACLED codes, roles, toll, status, merging, salience.

Fixtures are short news-style sentences written for these tests. Unit tests set the
upstream attributes (actors, places, dates) themselves so they do not depend on the
state of the other stages; end-to-end tests run the default pipeline.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventlens.model import Actor, Article, Place, Span
from eventlens.pipeline.events import EventsStage, load_lexicon, score, toll_in_sentence

PUBLISHED = dt.date(2022, 3, 14)
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "000_1367947988e2ffd1.txt"


@pytest.fixture(scope="session")
def pipeline(pipeline_for):
    return pipeline_for(None)


@pytest.fixture(scope="session")
def parse(spacy_parse):
    """Parse with spaCy only (no eventlens stages), ready for hand-set upstream attributes."""
    def _parse(text: str, published=PUBLISHED):
        return spacy_parse(text, published)
    return _parse


def actor(text: str, name: str, aid: str, kind="person", sector=None) -> Actor:
    mentions, start = [], text.find(name)
    while start >= 0:
        mentions.append(Span.of(text, start, start + len(name)))
        start = text.find(name, start + 1)
    assert mentions, name
    return Actor(id=aid, name=name, kind=kind, sector=sector, mentions=mentions)


def run_events(doc):
    EventsStage()(doc)
    return doc._.events


def check_spans(doc, events):
    for e in events:
        for s in e.evidence + ([e.trigger] if e.trigger else []):
            assert doc.text[s.start:s.end] == s.text


def test_drone_attack_on_person(parse):
    text = ("The minister Karim Hadi survived an assassination attempt on Sunday when two drones "
            "struck his house in the capital, without injuring anyone.")
    doc = parse(text)
    doc._.actors = [actor(text, "Karim Hadi", "new:karim-hadi")]
    events = run_events(doc)
    check_spans(doc, events)
    main = events[0]
    assert (main.plover_type, main.plover_mode) == ("ASSAULT", "drone")
    assert (main.acled_event_type, main.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert "new:karim-hadi" in main.targets
    assert main.status in ("attempted", "failed")
    assert main.fatalities == 0
    assert "drone" in main.explanation


def test_passive_subjected_to_attempt_target_is_subject(parse):
    text = "Governor Lina Sabri was subjected to an assassination attempt by gunmen in the city."
    doc = parse(text)
    doc._.actors = [actor(text, "Lina Sabri", "new:lina-sabri"), actor(text, "gunmen", "new:gunmen", "generic")]
    main = run_events(doc)[0]
    assert main.plover_type == "ASSAULT" and main.plover_mode == "assassinate"
    assert "new:lina-sabri" in main.targets
    assert main.status == "attempted"


def test_arrest_of_protesters(parse):
    text = "Police arrested 12 protesters in Basra."
    doc = parse(text)
    doc._.actors = [actor(text, "Police", "new:police", "generic", "COP"),
                    actor(text, "protesters", "new:protesters", "generic")]
    doc._.places = [Place(id="kb:basra", name="Basra", feature="city", mentions=[Span.of(text, 34, 39)])]
    e = run_events(doc)[0]
    assert (e.plover_type, e.plover_mode) == ("COERCE", "arrest")
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Strategic developments", "Arrests")
    assert e.actors == ["new:police"] and e.targets == ["new:protesters"]
    assert e.place == "kb:basra" and e.geo_precision == 1


def test_peaceful_protest(parse):
    doc = parse("About 300 teachers protested outside the education ministry in the capital to demand "
                "higher wages.")
    events = run_events(doc)
    assert len(events) == 1  # the demand is the protest's purpose, not a separate REQUEST
    e = events[0]
    assert e.plover_type == "PROTEST"
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Protests", "Peaceful protest")
    assert e.fatalities == 0


def test_protest_with_intervention_and_excessive_force(parse):
    e = run_events(parse("Hundreds of students rallied in the city centre. Police fired tear gas to "
                         "disperse the crowd and detained four demonstrators."))[0]
    assert e.acled_sub_event_type == "Protest with intervention"
    e = run_events(parse("Thousands of people marched against the government on Friday. Security forces "
                         "opened fire on the demonstrators, killing two of them."))[0]
    assert e.acled_sub_event_type == "Excessive force against protesters"
    assert e.fatalities == 2


def test_armed_clash(parse):
    e = run_events(parse("Government troops clashed with rebel fighters near the border town. "
                         "Two soldiers were killed."))[0]
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Battles", "Armed clash")
    assert e.fatalities == 2
    assert len(e.evidence) == 2  # the toll sentence is evidence of the same event


def test_gunmen_kill_civilians(parse):
    text = "Gunmen killed three civilians in a village near the river on Monday."
    doc = parse(text)
    doc._.actors = [actor(text, "Gunmen", "new:gunmen", "generic"), actor(text, "civilians", "new:civilians", "generic")]
    e = run_events(doc)[0]
    assert e.plover_type == "ASSAULT"
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Violence against civilians", "Attack")
    assert e.fatalities == 3
    assert e.actors == ["new:gunmen"] and e.targets == ["new:civilians"]


@pytest.mark.parametrize("sentence,fatal,injured", [
    ("Three people were killed and five injured when a roadside bomb exploded.", 3, 5),
    ("The blast left 5 dead.", 5, None),
    ("Dozens of villagers were killed.", 12, None),
    ("There were no casualties.", 0, 0),
    ("The attackers fled without injuring anyone.", 0, 0),
])
def test_toll_numbers(parse, sentence, fatal, injured):
    doc = parse(sentence)
    assert toll_in_sentence(list(doc.sents)[0], load_lexicon()) == (fatal, injured)


def test_weapon_cues_pick_sub_type(parse):
    cases = {
        "A roadside bomb hit a police convoy on the highway.": "Remote explosive/landmine/IED",
        "Artillery shelled residential areas of the town overnight.": "Shelling/artillery/missile attack",
        "A suicide bomber attacked a checkpoint at the entrance of the city.": "Suicide bomb",
        "Warplanes bombed the market in the afternoon.": "Air/drone strike",
        "Unknown men abducted a local trader on his way home.": "Abduction/forced disappearance",
    }
    for text, sub in cases.items():
        assert run_events(parse(text))[0].acled_sub_event_type == sub, text


def test_interception_is_disrupted_weapons_use(parse):
    events = run_events(parse("Air defences intercepted two missiles over the capital on Tuesday."))
    assert (events[0].acled_event_type, events[0].acled_sub_event_type) == (
        "Strategic developments", "Disrupted weapons use")


def test_background_attack_is_historical(parse):
    text = ("Rebels attacked an army base near the lake on Saturday, killing four soldiers.\n\n"
            "Previous attacks on the base in 2019 were blamed on the same group.")
    events = run_events(parse(text))
    assert events[0].status == "occurred" and events[0].fatalities == 4
    historical = [e for e in events if e.plover_type == "ASSAULT" and e.status == "historical"]
    assert historical and all(h.evidence[0].text.startswith("Previous") for h in historical)


def test_status_cues(parse):
    assert run_events(parse("The army did not attack the village."))[0].status == "negated"
    assert run_events(parse("The militia will attack the town next week."))[0].status == "future"
    assert run_events(parse("Soldiers reportedly killed two farmers in the valley."))[0].status == "alleged"


def test_meeting_is_consult_without_acled(parse):
    e = run_events(parse("The foreign minister met his Turkish counterpart in Ankara on Monday."))[0]
    assert e.plover_type == "CONSULT"
    assert e.acled_event_type is None and e.acled_sub_event_type is None
    assert e.fatalities is None


def test_repeated_mentions_merged(parse):
    text = ("Gunmen attacked the residence of the governor on Sunday.\n\n"
            "No group has claimed responsibility for the attack.\n\n"
            "The governor condemned the attack and said the attempt to kill him had failed.")
    events = run_events(parse(text))
    assaults = [e for e in events if e.plover_type == "ASSAULT"]
    assert len(assaults) == 1
    assert len(assaults[0].evidence) == 3
    assert events[0] is assaults[0]
    assert any(e.plover_type == "ACCUSE" for e in events)


def test_no_events(parse):
    assert run_events(parse("The weather was mild and the shops opened as usual.")) == []


def test_end_to_end_pipeline(pipeline):
    text = "Militants ambushed a military convoy in the north on Monday, killing six soldiers."
    result = pipeline.process(Article(id="a", text=text, published=PUBLISHED))
    e = result.events[0]
    assert e.id == "e1"
    assert (e.acled_event_type, e.acled_sub_event_type) == ("Battles", "Armed clash")
    assert e.fatalities == 6
    assert e.date is not None and e.trigger.text == "ambushed"
    for _, s in result.spans():
        assert text[s.start:s.end] == s.text
    again = pipeline.process(Article(id="a", text=text, published=PUBLISHED))
    assert again.events == result.events  # stable output


def test_score_counts_main_event(pipeline):
    r = pipeline.process(Article(id="a", text="Gunmen killed two farmers in the valley.", published=PUBLISHED))
    s = score([(r, {"event_type": "Violence against civilians", "sub_event_type": "Attack", "fatalities": "2",
                    "event_date": str(PUBLISHED)}),
               (r, {"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": "3"})])
    assert s["n"] == 2
    assert s["event_type_accuracy"] == 0.5 and s["sub_event_type_accuracy"] == 0.5
    assert s["fatalities_exact"] == 0.5
    assert 0 < s["sub_event_type_macro_f1"] < 1
    assert s["confusion"][("Armed clash", "Attack")] == 1


def test_seed_example(pipeline):
    if not SEED.is_file():
        pytest.skip("seed example (../shared/examples) not present")
    raw = SEED.read_text(encoding="utf-8")
    result = pipeline.process(Article(id="seed", text=raw, published=dt.date(2021, 11, 9)))
    main = result.events[0]
    assert (main.plover_type, main.plover_mode) == ("ASSAULT", "drone")
    assert (main.acled_event_type, main.acled_sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert main.status in ("attempted", "failed")
    assert main.fatalities == 0
    assert len(main.evidence) >= 3
    subs = {e.acled_sub_event_type for e in result.events}
    assert "Disrupted weapons use" in subs
    assert any(e.status == "historical" for e in result.events)
    names = {a.id: a.name for a in result.actors}
    assert any("Kadhimi" in names.get(t, "") for t in main.targets)
    assert any("Tehran" in s.text for s in main.evidence)  # Iran's condemnation names the same attack
    assert any(e.plover_type == "CONSULT" and str(e.date) == "2021-11-08" for e in result.events)
