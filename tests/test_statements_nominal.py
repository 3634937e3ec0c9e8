"""Nominal cues: speech and claim nouns ("X's claim that ...", "a warning about ...")."""
from __future__ import annotations

from test_statements import run


def _nominal(found, noun):
    hits = [f for f in found if f.extra.get("nominal") and f.cue_lemma == noun]
    assert hits, f"no nominal {noun!r} cue in {[(f.cue_lemma, f.how) for f in found]}"
    return hits[0]


def test_possessive_claim_that_clause():
    text = "The mayor met reporters on Monday. Maria Lopez's claim that the budget was balanced surprised the council."
    sts, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez")])
    f = _nominal(found, "claim")
    assert text[f.content[0]:f.content[1]] == "the budget was balanced"
    assert text[f.source[0]:f.source[1]] == "Maria Lopez"
    assert f.speaker == "new:maria-lopez" and f.kind == "indirect" and f.plover_type is None
    st = next(s for s in sts if s.cue and s.cue.text == "claim")
    assert st.speaker == "new:maria-lopez" and st.kind == "indirect"


def test_light_verb_warning_is_threaten():
    text = "The army issued a warning that any convoy crossing the border would be attacked."
    _, _, found = run(text, [("org:army", "organization", "army")])
    f = _nominal(found, "warning")
    assert text[f.content[0]:f.content[1]].startswith("any convoy crossing the border")
    assert f.plover_type == "THREATEN" and f.speaker == "org:army"


def test_accusation_of_with_by_source():
    text = "The accusation of fraud by Peter Hall angered the election board."
    _, _, found = run(text, [("new:peter-hall", "person", "Peter Hall")])
    f = _nominal(found, "accusation")
    assert text[f.content[0]:f.content[1]] == "fraud"
    assert text[f.cue[0]:f.cue[1]] == "accusation of"
    assert f.plover_type == "ACCUSE" and f.speaker == "new:peter-hall"


def test_possessive_pronoun_takes_previous_speaker():
    text = ('Senator Ann Ward said the tax plan would fail. Her remarks about the tax plan drew criticism.')
    _, _, found = run(text, [("new:ann-ward", "person", "Ann Ward")])
    f = _nominal(found, "remark")
    assert text[f.source[0]:f.source[1]] == "Her"
    assert f.speaker == "new:ann-ward"


def test_unknown_source_stays_null_and_topic_needs_a_source():
    text = ("A report that the factory would close spread quickly. "
            "A plan for the new park was shown. The claims about the park were discussed.")
    _, _, found = run(text)
    f = _nominal(found, "report")
    assert f.speaker is None and f.source is None
    assert text[f.content[0]:f.content[1]] == "the factory would close"
    # no "that"-clause and nobody named: not a statement
    assert not [g for g in found if g.extra.get("nominal") and g.cue_lemma in ("plan", "claim")]


def test_denied_accusation_is_one_statement():
    text = "The minister denied the accusation that he had taken bribes."
    _, _, found = run(text, [("new:minister", "person", "minister")])
    assert not [f for f in found if f.extra.get("nominal")]
    assert any(f.cue_lemma == "deny" for f in found)
