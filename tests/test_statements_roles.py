"""Statements stage: the words naming the speaker (source), the role the text gives the
speaker, and the wider constructions (negated cues, passives, "spoke about")."""
from __future__ import annotations

import pytest

from eventlens.pipeline.statements import predicted_spans
from test_statements import SEED, _seed_result, one, run


def _check_spans(text, st):
    for sp in (st.source, st.speaker_role):
        if sp is not None:
            assert text[sp.start:sp.end] == sp.text


def test_role_in_apposition_to_the_name():
    text = "On Monday, Omar Haddad, a senior adviser to the interior minister, warned that the border would close."
    sts, _, _ = run(text, [("new:omar-haddad", "person", "Omar Haddad")])
    s = one(sts, "border would close")
    _check_spans(text, s)
    assert s.source.text.startswith("Omar Haddad")
    assert s.speaker_role.text == "a senior adviser to the interior minister"


def test_title_before_the_name():
    text = "Finance Ministry spokeswoman Lina Sayegh said that salaries would be paid on time."
    sts, _, _ = run(text, [("new:lina-sayegh", "person", "Lina Sayegh")])
    s = one(sts, "salaries")
    _check_spans(text, s)
    assert s.source.text == "Finance Ministry spokeswoman Lina Sayegh"
    assert s.speaker_role.text == "Finance Ministry spokeswoman"


def test_name_in_apposition_to_the_role():
    text = "The head of the port authority, Sami Raad, announced that the docks would reopen."
    sts, _, _ = run(text, [("new:sami-raad", "person", "Sami Raad")])
    s = one(sts, "docks would reopen")
    _check_spans(text, s)
    assert s.speaker == "new:sami-raad"
    assert s.speaker_role.text == "The head of the port authority"


def test_pronoun_source_keeps_the_role_of_its_speaker():
    text = ('Nadia Karim, the mayor of Eastport, said: "We will rebuild the bridge." '
            'She added: "The money is already there."')
    sts, _, _ = run(text, [("new:nadia-karim", "person", "Nadia Karim")])
    first, added = one(sts, "rebuild the bridge"), one(sts, "money is already")
    assert first.speaker_role.text == "the mayor of Eastport"
    assert added.source.text == "She" and added.speaker == "new:nadia-karim"
    assert added.speaker_role == first.speaker_role


def test_bare_name_and_no_speaker_have_no_role():
    text = 'Karim Daher said the vote was fair.\n\n"Nobody asked the families what they wanted."'
    sts, _, _ = run(text, [("new:karim-daher", "person", "Karim Daher")])
    s = one(sts, "vote was fair")
    assert s.source.text == "Karim Daher" and s.speaker_role is None
    quote = one(sts, "Nobody asked")
    assert quote.source is None and quote.speaker_role is None


def test_conjoined_speakers_each_have_their_own_source():
    text = "Hana Sato, the party leader, and Ken Ito accused the mayor of hiding the audit."
    sts, doc, _ = run(text, [("new:hana-sato", "person", "Hana Sato"), ("new:ken-ito", "person", "Ken Ito")])
    by = {s.speaker: s for s in sts if "hiding" in s.content.text}
    assert set(by) == {"new:hana-sato", "new:ken-ito"}
    assert by["new:ken-ito"].source.text == "Ken Ito"
    assert "Ken Ito" not in by["new:hana-sato"].source.text
    assert by["new:hana-sato"].speaker_role.text == "the party leader"
    # scored as one attribution whose source covers both names
    spans = [p for p in predicted_spans(doc) if p["cue"]]
    assert len(spans) == 1 and text[slice(*spans[0]["source"][0])].startswith("Hana Sato")


def test_negated_cue_is_reported_without_a_speech_act():
    text = "The ministry did not condemn the raid. The army did not immediately respond to questions about the convoy."
    sts, _, _ = run(text, [("new:ministry", "organization", "ministry"), ("new:army", "organization", "army")])
    s = one(sts, "the raid")
    assert s.cue.text == "did not condemn" and s.plover_type is None and s.target is None
    assert one(sts, "questions about the convoy").cue.text == "did not immediately respond to"


def test_passive_cue_with_and_without_agent():
    text = ("The new budget is supported by the largest unions. "
            "Several officials were accused of taking bribes.")
    sts, _, _ = run(text, [("new:unions", "group", "largest unions")])
    s = one(sts, "The new budget")
    assert s.cue.text == "is supported" and s.source.text == "the largest unions"
    acc = one(sts, "taking bribes")
    assert acc.source is None and acc.speaker is None and "Several officials" in acc.content.text


def test_topic_preposition_is_content():
    text = "Mayor Tom Reyes spoke about the flooding in the old town on Sunday."
    sts, _, _ = run(text, [("new:tom-reyes", "person", "Tom Reyes")])
    s = one(sts, "the flooding")
    assert s.cue.text == "spoke about" and s.speaker == "new:tom-reyes"


@pytest.mark.skipif(not SEED.is_file(), reason="seed example not available")
def test_seed_example_sources_and_roles():
    text = SEED.read_text(encoding="utf-8")
    result = _seed_result(text)
    for st in result.statements:
        _check_spans(text, st)
    roles = {st.speaker_role.text for st in result.statements if st.speaker_role}
    assert "Iranian Foreign Ministry spokesman" in roles
    assert "a security official in the Hezbollah Brigades" in roles
    first = one(result.statements, "No one in Iraq has even the desire")
    assert "al-Askari" in first.source.text
    assert first.speaker_role.text == "a security official in the Hezbollah Brigades"


def test_a_wish_does_not_take_the_act_told_inside_it():
    from test_statements import run
    text = "Omar Haddad sought to limit the militia's power, as he refused its funding."
    sts, _, _ = run(text, [("new:omar-haddad", "person", "Omar Haddad")])
    sought = next(s for s in sts if s.cue is not None and s.cue.text == "sought")
    assert sought.plover_type is None
