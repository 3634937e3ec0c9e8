"""Events told inside what someone reports: an inquiry announced by a speaker, and a party's own
account of an exchange of fire. Sentences are invented for these tests."""
from __future__ import annotations

from events_support import PUBLISHED, events  # noqa: F401 (events is a fixture)


def test_investigation_announced_is_one_future_event(events):
    evs = [e for e in events("The minister said an investigation would be opened.") if e.plover_type == "ACCUSE"]
    assert len(evs) == 1
    assert evs[0].status == "future"
    assert evs[0].plover_mode == "investigate"


def test_opening_a_probe_is_one_event(events):
    evs = [e for e in events("Prosecutors launched an investigation into the fire on Monday.") if e.plover_type == "ACCUSE"]
    assert len(evs) == 1


def test_inquiry_is_not_merged_with_a_later_accusation(events):
    evs = events("An inquiry was opened into the death of a student in Kaduna. "
                 "Opposition leaders blamed the governor for the death.")
    accuse = [e for e in evs if e.plover_type == "ACCUSE"]
    assert sorted(e.plover_mode for e in accuse) == ["disapprove", "investigate"]
    inquiry = next(e for e in accuse if e.plover_mode == "investigate")
    assert all("blamed" not in ev.text for ev in inquiry.evidence)


RAID = ("At least nine villagers were killed when soldiers raided a village near Kosti on Friday, "
        "a local rights group said. The provincial government said the operation targeted armed bandits.")


def test_speakers_later_version_does_not_turn_an_attack_on_civilians_into_a_clash(events):
    main = next(e for e in events(RAID) if e.acled_event_type)
    assert (main.acled_event_type, main.acled_sub_event_type) == ("Violence against civilians", "Attack")
    assert len(main.evidence) == 2   # the claim stays evidence of the same event


def test_narrated_exchange_of_fire_is_still_a_clash(events):
    main = next(e for e in events("Gunmen fired on an army patrol near Kosti on Friday. Soldiers returned fire, "
                                  "killing two of the attackers.") if e.acled_event_type)
    assert (main.acled_event_type, main.acled_sub_event_type) == ("Battles", "Armed clash")


def test_opening_an_inquiry_into_a_fire_is_no_shooting(events):
    evs = events("Officials said an inquiry would be opened into the fire at the market.")
    assert [(e.plover_type, e.status) for e in evs] == [("ACCUSE", "future")]


def test_the_speakers_side_opens_the_announced_investigation(pipeline_for):
    from eventlens.model import Article
    text = ("Soldiers shot dead two traders in a village near Maiduguri on Monday, residents said.\n\n"
            "The Nigerian army said troops had come under attack. It added that an investigation would be opened. "
            "Opposition lawmakers blamed the army for the deaths.")
    result = pipeline_for(None).process(Article(id="t", text=text, published=PUBLISHED, language="en"))
    actors = {a.id: a for a in result.actors}
    inquiries = [e for e in result.events if e.plover_mode == "investigate"]
    assert len(inquiries) == 1 and inquiries[0].status == "future"
    assert [actors[a].name for a in inquiries[0].actors] == ["Military Forces of Nigeria"]
    assert all("blamed" not in x.text for x in inquiries[0].evidence)
