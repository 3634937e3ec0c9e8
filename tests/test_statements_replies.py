"""Statements read against each other: a rejection answers whoever said what it rejects, a
headline's generic source is the speaker its lede names, what cannot speak is no source, and a
statement is dated by its own time phrase, not by one inside what was said (invented text)."""
from __future__ import annotations

import datetime as dt

from conftest import _pipeline_for
from eventlens.model import Article

TEXT = (
    "Monitor says 9 killed in militia raid on farming village\n\n"
    "At least 9 farmers were killed when gunmen raided a farming village near Kadugli on Sunday, "
    "the Nuba Mountains Monitor said in a statement on Tuesday.\n\n"
    "A police spokesman, Colonel Idris Kamal, said the attackers belonged to the Rapid Support Forces. "
    "The RSF rejected the accusation.\n\n"
    "Experts say the raid may signal a new campaign in the region."
)


def _result(text=TEXT, published=dt.date(2024, 5, 8)):
    return _pipeline_for(None).process(Article(id="replies", text=text, published=published, language="en"))


def _by_cue(result, cue):
    hits = [s for s in result.statements if s.cue and s.cue.text == cue]
    assert hits, [s.cue.text for s in result.statements if s.cue]
    return hits[0]


def test_rejecting_an_accusation_targets_its_speaker():
    r = _result()
    accuser = next(s for s in r.statements if s.source and "Idris Kamal" in s.source.text)
    rejection = _by_cue(r, "rejected")
    assert rejection.plover_type == "REJECT"
    assert accuser.speaker is not None and rejection.target == accuser.speaker


def test_a_rejection_naming_its_target_keeps_it():
    text = "The army said rebels shelled the town. The rebels rejected the claims of the army."
    r = _result(text)
    rejection = _by_cue(r, "rejected")
    army = next(a for a in r.actors if a.id == _by_cue(r, "said").speaker)
    # the object names an actor itself: the rule does not overwrite (or invent) a target
    assert rejection.target in (None, army.id)


def test_headline_source_is_the_speaker_the_lede_names():
    r = _result()
    headline = _by_cue(r, "says")
    monitor = next(s for s in r.statements if s.source and "Nuba Mountains Monitor" in s.source.text)
    assert monitor.speaker is not None and headline.speaker == monitor.speaker


def test_headline_source_stays_unknown_when_the_lede_says_other_things():
    text = ("Official says talks to resume next week\n\n"
            "Heavy rain flooded the capital on Monday, the Meteorological Authority said.")
    r = _result(text)
    assert _by_cue(r, "says").speaker is None


def test_an_event_is_no_source():
    r = _result()
    assert not any(s.source and s.source.text == "the raid" for s in r.statements)
    claim = next(c for c in r.claims if "signal" in c.proposition.text)
    # the hedge belongs to the experts' statement, not to a statement whose source is the raid
    assert claim.certainty == "possible" and claim.source is not None and claim.source.text == "Experts"


def test_statement_date_is_its_own_not_the_reported_acts():
    r = _result()
    monitor = next(s for s in r.statements if s.source and "Nuba Mountains Monitor" in s.source.text)
    assert monitor.date == dt.date(2024, 5, 7)   # "on Tuesday", not the raid's Sunday


TEXT2 = (
    "The interior ministry accused smuggling networks of seeking to destabilize the border region. "
    "It is likely that the convoy was ambushed by local gangs, a provincial official said. "
    "Observers believe the timing suggests a warning to the capital."
)


def test_the_act_someone_is_accused_of_is_no_statement():
    r = _result(TEXT2)
    assert not any(s.cue and s.cue.text == "seeking" for s in r.statements)
    accusation = _by_cue(r, "accused")
    assert accusation.plover_type == "ACCUSE"
    # a plural group no KB knows still gets an actor to point at
    target = next(a for a in r.actors if a.id == accusation.target)
    assert target.name == "smuggling networks"


def test_a_sources_claim_ends_where_their_words_end():
    r = _result(TEXT2)
    claim = next(c for c in r.claims if c.hedges == ["likely"])
    assert claim.proposition.text == "the convoy was ambushed by local gangs"


def test_a_thing_suggesting_inside_a_statement_is_its_speakers_reasoning():
    r = _result(TEXT2)
    claim = next(c for c in r.claims if "suggests" in c.hedges)
    assert claim.holder == "source" and claim.source.text == "Observers"


def test_condemning_an_event_targets_its_doer():
    r = _result("Islamic State fighters attacked a checkpoint near Kirkuk on Monday, killing four soldiers. "
                "The Iraqi government condemned the attack.")
    condemn = _by_cue(r, "condemned")
    doer = next(a for a in r.actors if a.name == "Islamic State")
    assert condemn.plover_type == "ACCUSE" and condemn.target == doer.id


def test_naming_an_attack_with_a_word_of_condemnation_condemns_it():
    r = _result('Gunmen attacked a bus in the north. The minister called the attack "barbaric".')
    st = _by_cue(r, "called")
    assert st.plover_type == "ACCUSE"
    assert st.content.text == 'the attack "barbaric"'   # the quotation closes
    r = _result("Gunmen attacked a bus in the north. The minister called the attack a turning point.")
    assert _by_cue(r, "called").plover_type is None


def test_a_pronoun_goes_on_with_the_source_just_told_of():
    r = _result("Army spokesman John Smith said troops had captured the town. An RSF commander said in a "
                "video that his forces remained in control, and he said the army was lying.")
    commander = next(s for s in r.statements if s.source and s.source.text == "An RSF commander")
    he = next(s for s in r.statements if s.source and s.source.text == "he")
    assert he.speaker == commander.speaker and he.speaker is not None


def test_it_after_an_unknown_body_is_not_some_other_actor():
    r = _result("SANA said Israeli jets struck a site near Homs. It did not say whether the dead were soldiers.")
    it = next(s for s in r.statements if s.source and s.source.text == "It")
    assert it.speaker is None or "isr" not in it.speaker


def test_rejecting_an_accusation_of_an_event_denies_it():
    r = _result("Gunmen killed nine villagers near Kadugli on Sunday. A police spokesman accused the Rapid "
                "Support Forces of carrying out the killings. The RSF rejected the accusation.")
    rejection = _by_cue(r, "rejected")
    accusation = _by_cue(r, "accused")
    assert rejection.event is not None and rejection.event == accusation.event
    event = next(e for e in r.events if e.id == accusation.event)
    assert rejection.speaker in event.denied_by and rejection.speaker in event.accused


def test_a_rejection_inside_the_tail_of_the_words_it_rejects_answers_their_speaker():
    # the parser runs the first speaker's content on over the relative clause that rejects it
    text = ("After the vote, Mr. Halim explicitly referred to disarming the uncontrolled weapons of the "
            "Badr militias, all of which are messages rejected by the Badr militias.")
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    names = {a.id: a.name for a in result.actors}
    referred = next(s for s in result.statements if s.cue and s.cue.text.endswith("referred to"))
    assert "rejected by" in referred.content.text   # the run-on this rule is for
    rejected = [s for s in result.statements if s.cue and s.cue.text == "rejected"]
    assert [names.get(s.target) for s in rejected] == ["Halim"]
