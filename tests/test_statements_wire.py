"""Wire-copy habits in conflict news (invented text): datelines, verification disclaimers,
"allegedly" inside a source's words, "believed to" passives, noncommittal answers and finds
that are discoveries, not findings."""
from __future__ import annotations

import datetime as dt

from test_statements_replies import _by_cue, _result as _result_on


def _result(text):
    return _result_on(text, published=dt.date(2025, 5, 10))


def test_dateline_is_not_what_was_said():
    r = _result("MOPTI, May 9 - Gunmen killed four herders near the river on Thursday, officials said.")
    assert _by_cue(r, "said").content.text == "Gunmen killed four herders near the river on Thursday"


def test_agency_in_a_dateline_is_nobody_the_group_refers_to():
    r = _result("MOPTI, May 9 (Reuters) - At least four herders were killed, the group said.")
    st = _by_cue(r, "said")
    assert st.speaker is None or "reuters" not in st.speaker


def test_neither_confirmed_nor_denied_is_no_denial():
    r = _result("A defence official neither confirmed nor denied the strike on the depot.")
    assert all(s.plover_type != "REJECT" for s in r.statements)
    assert all(c.certainty != "asserted" for c in r.claims)


def test_a_disclaimer_grades_the_statement_it_speaks_of():
    r = _result("The army said it had killed 40 fighters in the raid. The claim could not be independently verified.")
    said = _by_cue(r, "said")
    claim = next(c for c in r.claims if c.statement == said.id)
    assert claim.holder == "author" and claim.certainty == "possible"
    assert claim.proposition.text == said.content.text
    assert not any(c.proposition and c.proposition.text == "The claim" for c in r.claims)


def test_a_disclaimer_of_both_sides_grades_both():
    r = _result("The army said it had retaken the bridge. The rebels said their fighters still held it.\n\n"
                "Neither side's claims could be independently verified.")
    graded = {c.statement for c in r.claims if c.certainty == "possible" and c.holder == "author"}
    assert {s.id for s in r.statements if s.cue and s.cue.text == "said"} <= graded


def test_an_aside_after_the_source_is_the_authors():
    r = _result("Gunmen killed five people at the market, police said, although this could not be confirmed.")
    said = _by_cue(r, "said")
    assert said.content.text == "Gunmen killed five people at the market"
    assert any(c.statement == said.id and c.holder == "author" for c in r.claims)


def test_allegedly_inside_a_sources_words_is_their_hedge():
    r = _result("The kidnappers have allegedly demanded a ransom, a relative said.")
    assert not any(s.cue and s.cue.text == "allegedly" for s in r.statements)
    said = _by_cue(r, "said")
    claim = next(c for c in r.claims if c.hedges == ["allegedly"])
    assert claim.statement == said.id and claim.holder == "source" and claim.source.text == "a relative"


def test_believed_to_names_no_believer():
    r = _result("Armed men believed to belong to a cartel opened fire on the convoy.")
    st = _by_cue(r, "believed")
    assert st.source is None and st.speaker is None


def test_finding_bodies_is_a_discovery():
    r = _result("Soldiers found the bodies of six men near the road.")
    assert not any(s.cue and s.cue.text == "found" for s in r.statements)
    r = _result("Investigators found that the fire had been set deliberately.")
    assert _by_cue(r, "found").content.text == "the fire had been set deliberately"


def test_a_warning_threatens_only_someone_or_with_force_to_come():
    r = _result("Analysts cautioned that previous ceasefires had collapsed within weeks.")
    assert _by_cue(r, "cautioned").plover_type is None
    r = _result("The UN warned of a humanitarian catastrophe in the camps.")
    assert all(s.plover_type != "THREATEN" for s in r.statements)
    r = _result("Tehran warned of retaliation.")
    assert any(s.plover_type == "THREATEN" for s in r.statements)
    r = _result("The minister warned that the border crossings would be closed.")
    assert _by_cue(r, "warned").plover_type == "THREATEN"


def test_saying_what_will_be_done_to_someone_is_a_threat():
    r = _result("The coalition said it reserved the right to respond.")
    assert _by_cue(r, "said").plover_type == "THREATEN"


def test_an_armed_attack_is_no_verbal_attack():
    r = _result("Gunmen led by a former police officer attacked the convoy near the bridge, killing four people.")
    assert not any(s.cue and "attacked" in s.cue.text for s in r.statements)
    r = _result("Senator Ruiz attacked the plan as reckless.")
    assert _by_cue(r, "attacked").plover_type == "ACCUSE"


def test_of_a_people_names_whose_words_they_are():
    r = _result("A militia commander said the accusations of the Americans were lies.")
    assert not any(s.content.text == "the Americans" for s in r.statements)
    r = _result("The minister rejected accusations of fraud.")
    assert _by_cue(r, "rejected").content.text == "accusations of fraud"


def test_the_victims_of_a_denied_act_are_not_its_target():
    r = _result("The military has repeatedly denied killing civilians.")
    st = _by_cue(r, "has repeatedly denied")
    assert st.plover_type == "REJECT"
    civilians = {a.id for a in r.actors if a.name.startswith("Civilians")}
    assert st.target not in civilians


def test_a_third_partys_act_is_not_the_reporters():
    r = _result("The kidnappers have allegedly demanded a ransom, a relative said.")
    assert _by_cue(r, "said").plover_type is None
    r = _result("Foreign ministry spokesman Saeed Khatibzadeh said Iran condemned the attack.")
    assert _by_cue(r, "said").plover_type == "ACCUSE"


def test_an_agency_quoting_someone_as_saying_reports_their_words():
    r = _result("The state news agency quoted the defence minister as saying that the raid was a crime.")
    assert not [st for st in r.statements if st.cue and st.cue.text == "quoted"]
    st = _by_cue(r, "saying")
    assert (st.source.text, st.content.text) == ("the defence minister", "the raid was a crime")


def test_according_to_what_someone_said_names_that_someone():
    r = _result("The truce will hold, according to what the ministry stated on Sunday.")
    assert [(st.source.text, st.cue.text, st.content.text) for st in r.statements] == [
        ("the ministry", "stated", "The truce will hold")]


def test_said_in_a_statement_is_one_statement():
    r = _result("The council said in a statement that the strike was a crime.")
    assert [st.cue.text for st in r.statements] == ["said"]


def test_a_wish_to_stay_unnamed_is_no_statement():
    r = _result("A security source, who requested not to be named, told AFP that 20 soldiers were killed.")
    assert [st.cue.text for st in r.statements] == ["told"]
    r = _result("A resident, who refused to reveal his name, said the gunmen came at night.")
    assert [st.cue.text for st in r.statements] == ["said"]


def test_a_country_heading_a_headline_is_its_topic_not_a_speaker():
    r = _result("Pakistan: suicide attack in Bannu kills nine policemen\n\nA suicide bomber killed nine "
                "policemen in Bannu on Tuesday.")
    assert [st for st in r.statements if st.cue and st.cue.text == ":"] == []


def test_two_according_to_frames_report_the_same_clause_without_each_other():
    r = _result("According to the defence ministry, the attack was carried out by rebels, according to what "
                "a military source said.")
    assert sorted(st.content.text for st in r.statements) == [
        "the attack was carried out by rebels", "the attack was carried out by rebels"]


def test_vowing_to_hunt_down_attackers_threatens():
    r = _result('Gunmen killed 19 people at a hotel on Friday. "We will hunt down those who did this," the '
                'president said.')
    assert _by_cue(r, "said").plover_type == "THREATEN"


def test_the_mission_goes_back_to_the_mission_named_before():
    r = _result('The UN Support Mission in Libya said it was alarmed by the fighting. "Attacks on civilians may '
                'amount to war crimes," the mission said.')
    assert len({st.speaker for st in r.statements}) == 1 and r.statements[0].speaker is not None


def test_concluding_a_speech_or_writing_a_name_says_nothing():
    r = _result("Qassem, or Qassim as some media write his name, concluded his speech by saying that patience "
                "has limits.")
    assert [st.cue.text for st in r.statements] == ["saying"]


def test_an_unnamed_source_goes_on_in_the_next_quote():
    r = _result('A security source told AFP that 50 soldiers were killed. "It was a very heavy blow," the source '
                'said. "The attackers came on motorbikes."')
    last = r.statements[-1]
    assert last.content.text.startswith("The attackers came") and last.source is not None \
        and last.source.text == "the source"


def test_a_transcript_label_by_surname_is_the_person_named_before_and_the_question_is_nobodys_statement():
    r = _result('The peace commissioner, Otty Mendoza, spoke to reporters in Bogota on Wednesday.\n\n'
                'Question of a journalist: Will the government suspend the talks?\n\n'
                'Mendoza: "The President will take the decision in the coming hours."')
    names = {a.id: a.name for a in r.actors}
    assert [(st.cue.text, names.get(st.speaker)) for st in r.statements] == [(":", "Otty Mendoza")]


def test_the_commission_is_the_body_whose_name_has_the_word_not_the_last_group():
    r = _result("Supporters of the Popular Mobilization Forces protested outside the Independent High Electoral "
                "Commission on Friday. For its part, the commission affirmed that the manual count matched the "
                "electronic results.")
    names = {a.id: a.name for a in r.actors}
    st = _by_cue(r, "affirmed")
    assert st.speaker is None or "Commission" in names.get(st.speaker, "")
