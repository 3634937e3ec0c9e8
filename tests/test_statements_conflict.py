"""Statements in conflict reports: conjoined armed sides, datelines the parser takes for the
speaker, compliance that is no attitude, weapons standing for their owner, events that say
nothing, and condemning by naming (invented sentences)."""
from __future__ import annotations

from conftest import _pipeline_for

from eventlens.model import Article


def process(text):
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    names = {a.id: a.name for a in result.actors}
    return result, names


def by_cue(result, cue):
    return [s for s in result.statements if s.cue is not None and s.cue.text == cue]


def test_an_army_and_a_militia_both_claiming_are_two_speakers_past_a_dateline():
    text = ("EL FASHER, Sudan, May 9 - Sudan's army and the paramilitary Rapid Support Forces (RSF) both "
            "claimed on Friday to have taken control of the town of Kutum.")
    result, names = process(text)
    claimed = by_cue(result, "claimed")
    assert {names.get(s.speaker) for s in claimed} == {"Military Forces of Sudan", "Rapid Support Forces"}
    assert all("May 9" not in s.source.text and "FASHER" not in s.source.text for s in claimed)


def test_keeping_to_a_truce_is_no_attitude():
    result, _ = process("It is not clear whether all rebel commanders will respect the truce.")
    assert by_cue(result, "will respect") == [] and by_cue(result, "respect") == []
    result, _ = process("Voters respect the senator for her candor.")
    assert len(by_cue(result, "respect")) == 1


def test_weapons_blamed_stand_for_their_owner():
    text = ("Sudan's army said it had retaken the bridge. The rebel commander accused army drones of "
            "killing 30 civilians in the market.")
    result, names = process(text)
    accused = by_cue(result, "accused")
    assert accused and names.get(accused[0].target) == "Military Forces of Sudan"
    assert not [a for a in result.actors if "drones" in a.name.lower()]


def test_arrests_demand_nothing_the_speaker_does():
    text = ('Ana Duarte, the party\'s secretary-general, said the arrests were "an attack on democracy" '
            'and demanded the immediate release of the detainees.')
    result, names = process(text)
    demanded = by_cue(result, "demanded")
    assert demanded and names.get(demanded[0].speaker) == "Ana Duarte"


def test_calling_detentions_arbitrary_condemns_them():
    result, _ = process("Human Rights Watch called the detentions arbitrary and politically motivated.")
    assert [s.plover_type for s in by_cue(result, "called")] == ["ACCUSE"]
