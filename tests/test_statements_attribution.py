"""Statements stage, second part: broader cues (thinking, finding, punctuation), relative-clause
and conjoined speakers, noun-phrase targets, and responsibility attributions with evidence."""
from __future__ import annotations

from eventlens.model import Event, Span
from eventlens.pipeline.statements import predicted_spans, score
from test_statements import one, run


def test_that_clause_of_any_verb_with_a_source_subject():
    text = "A study by the city council found that rents rose by a third in two years."
    sts, doc, found = run(text)
    s = one(sts, "rents rose")
    assert s.kind == "indirect" and s.cue.text == "found"
    assert text[found[0].source[0]:found[0].source[1]].startswith("A study")
    assert s.speaker is None   # a source no actor stage knows: spans still scored


def test_that_clause_needs_a_source_like_subject():
    text = "It turned out that the bridge had been closed since May."
    sts, _, _ = run(text)
    assert sts == []


def test_wanting_and_object_content():
    text = "Laura Finch wants a recount in three districts. Finch acknowledged the long odds."
    sts, _, _ = run(text, [("new:laura-finch", "person", "Laura Finch", "Finch")])
    assert one(sts, "recount").speaker == "new:laura-finch"
    assert one(sts, "long odds").cue.text == "acknowledged"


def test_told_reporters_is_not_content():
    text = "Mayor Tom Reyes told reporters."
    sts, _, _ = run(text, [("new:tom-reyes", "person", "Tom Reyes")])
    assert all("reporters" not in s.content.text for s in sts)


def test_quote_then_speaker_in_the_next_sentence():
    text = "\u201cWhy now?\u201d Rana Aziz said. \u201cNobody asked the families first.\u201d"
    sts, _, _ = run(text, [("new:rana-aziz", "person", "Rana Aziz")])
    s = one(sts, "Why now")
    assert s.cue is not None and s.cue.text == "said" and s.speaker == "new:rana-aziz"
    assert one(sts, "Nobody asked").speaker == "new:rana-aziz"


def test_dash_signature_and_transcript_colon():
    text = ("\u201cThe debate changed nothing for me and my family.\u201d \u2015 Jane Roe\n\n"
            "SMITH: We will hold the line on taxes this year.\n\n"
            "Update: the count continues.")
    sts, _, found = run(text, [("new:jane-roe", "person", "Jane Roe")])
    sig = one(sts, "changed nothing")
    assert sig.speaker == "new:jane-roe" and sig.cue.text == "\u2015"
    tr = one(sts, "hold the line")
    assert tr.cue.text == ":"
    src = next(f.source for f in found if "hold the line" in text[f.content[0]:f.content[1]])
    assert text[src[0]:src[1]] == "SMITH"
    assert not any("count continues" in s.content.text for s in sts)


def test_misprinted_closing_mark_opens_a_quote():
    text = "\u201dWe are tired of waiting for the council.\u201d \u2015 Ali Noor"
    sts, _, _ = run(text, [("new:ali-noor", "person", "Ali Noor")])
    assert one(sts, "tired of waiting").speaker == "new:ali-noor"


def test_relative_clause_speaker_and_noun_phrase_target():
    text = ("A drone struck the governor's house on Sunday. The first reaction came from the security "
            "chief, Karim Daher, who did not condemn the attack, but rather blamed the attack on "
            "foreign intelligence services.")
    trig = text.index("struck")
    attack = Event(id="e1", plover_type="ASSAULT", trigger=Span.of(text, trig, trig + 6),
                   evidence=[Span.of(text, 0, text.index(".") + 1)])
    sts, doc, _ = run(text, [("new:karim-daher", "person", "Karim Daher")], [attack])
    s = one(sts, "foreign intelligence")
    assert s.speaker == "new:karim-daher"
    assert s.plover_type == "ACCUSE"
    assert s.target and s.target.startswith("new:") and "intelligence" in s.target
    assert any(a.id == s.target and a.mentions for a in doc._.actors)
    ev = doc._.events[0]
    assert s.target in ev.accused and ev.claimed_by == []
    att = next(a for a in ev.attributions if a.actor == s.target)
    assert att.relation == "accused" and att.statement == s.id and att.evidence


def test_conjoined_speakers_each_make_the_statement():
    text = "Hana Sato and Ken Ito accused the mayor of hiding the audit."
    sts, _, _ = run(text, [("new:hana-sato", "person", "Hana Sato"), ("new:ken-ito", "person", "Ken Ito"),
                           ("new:mayor", "person", "mayor")])
    speakers = {s.speaker for s in sts if "hiding" in s.content.text}
    assert speakers == {"new:hana-sato", "new:ken-ito"}
    assert all(s.target == "new:mayor" for s in sts if "hiding" in s.content.text)
    assert len({s.id for s in sts}) == len(sts)


def test_responsibility_phrase_attributions_have_evidence():
    text = ("Rockets hit the base on Monday. Many signs suggest that the Black Banner, and behind it "
            "Veldia, is the main suspect behind the attack.")
    trig = text.index("hit")
    attack = Event(id="e1", plover_type="ASSAULT", trigger=Span.of(text, trig, trig + 3))
    veldia_elsewhere = "Veldia"
    _, doc, _ = run(text, [("new:black-banner", "group", "Black Banner"),
                           ("new:veldia", "state", veldia_elsewhere)], [attack])
    ev = doc._.events[0]
    assert ev.accused[:1] == ["new:black-banner"] and "new:veldia" in ev.accused
    assert ev.claimed_by == [] and ev.denied_by == []
    # the phrase lies inside what "many signs suggest": that statement is the evidence too
    inside = [st.id for st in doc._.statements if "main suspect" in st.content.text]
    assert inside
    for a in ev.attributions:
        assert a.relation == "accused" and a.statement == inside[0]
        assert a.evidence and "main suspect" in a.evidence[0].text
        assert text[a.evidence[0].start:a.evidence[0].end] == a.evidence[0].text


def test_univocal_spans_for_scoring():
    text = "Officials said the mayor claimed that taxes would fall."
    sts, doc, _ = run(text, [("new:mayor", "person", "mayor")])
    assert len(sts) == 2   # both statements are kept in the output
    spans = predicted_spans(doc)
    assert len(spans) == 1 and text[spans[0]["cue"][0][0]:spans[0]["cue"][0][1]] == "said"
    assert len(predicted_spans(doc, univocal=False)) == 2
    gold = [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 54)]}]
    assert score(text, spans, gold)["cue_exact"]["f1"] == 1.0


def _bomb(text):
    trig = text.index("killed")
    return Event(id="e1", plover_type="ASSAULT", trigger=Span.of(text, trig, trig + 6),
                 evidence=[Span.of(text, 0, text.index(".") + 1)])


def test_claimant_becomes_the_actor_of_an_event_without_one():
    text = ("A car bomb killed four soldiers in Sarn on Monday. The Crimson Dawn Brigade claimed "
            "responsibility for the attack.")
    _, doc, _ = run(text, [("new:crimson-dawn", "group", "Crimson Dawn Brigade")], [_bomb(text)])
    ev = doc._.events[0]
    assert ev.claimed_by == ["new:crimson-dawn"] and ev.actors == ["new:crimson-dawn"]
    assert any(a.relation == "claimed" and a.evidence for a in ev.attributions)   # the claim stays


def test_claimant_does_not_replace_the_events_own_actor():
    text = ("A car bomb killed four soldiers in Sarn on Monday. The Crimson Dawn Brigade claimed "
            "responsibility for the attack.")
    ev = _bomb(text)
    ev.actors = ["new:gunmen"]
    _, doc, _ = run(text, [("new:crimson-dawn", "group", "Crimson Dawn Brigade")], [ev])
    assert doc._.events[0].actors == ["new:gunmen"] and doc._.events[0].claimed_by == ["new:crimson-dawn"]


def test_accused_or_denying_group_is_not_the_actor():
    for second in ("The army accused the Crimson Dawn Brigade of the attack.",
                   "The Crimson Dawn Brigade denied any role in the attack."):
        text = "A car bomb killed four soldiers in Sarn on Monday. " + second
        _, doc, _ = run(text, [("new:crimson-dawn", "group", "Crimson Dawn Brigade"),
                               ("new:army", "organization", "army")], [_bomb(text)])
        ev = doc._.events[0]
        assert ev.accused + ev.denied_by == ["new:crimson-dawn"], second
        assert ev.actors == [], second


def test_pipeline_codes_the_claimant_as_actor():
    import eventlens
    r = eventlens.extract("A car bomb killed four soldiers in Kirkuk on Monday. The Crimson Dawn "
                          "Brigade claimed responsibility for the attack.", published="2024-03-05", title="Bomb")
    attack = next(e for e in r.events if e.plover_type == "ASSAULT")
    claimant = next(a.id for a in r.actors if a.name == "Crimson Dawn Brigade")
    assert attack.claimed_by == [claimant] and attack.actors == [claimant]
    assert claimant not in attack.targets


def test_an_accusation_of_something_else_about_the_event_accuses_no_one_of_it():
    actors = [("new:crimson-dawn", "group", "Crimson Dawn Brigade"), ("new:army", "organization", "army")]
    for second, accused in (
            ("The army accused the Crimson Dawn Brigade of carrying out the attack.", ["new:crimson-dawn"]),
            ("The army accused the Crimson Dawn Brigade of having staged the attack.", ["new:crimson-dawn"]),
            ("The Crimson Dawn Brigade accused the army of using the attack as a pretext.", []),
            ("The Crimson Dawn Brigade accused the army of lying about the attack.", [])):
        text = "A car bomb killed four soldiers in Sarn on Monday. " + second
        _, doc, _ = run(text, actors, [_bomb(text)])
        assert doc._.events[0].accused == accused, second


def test_every_party_accused_together_is_accused():
    text = ("A car bomb killed four soldiers in Sarn on Monday. The army accused the Crimson Dawn "
            "Brigade and its ally, the Black Banner, of carrying out the attack on the base.")
    _, doc, _ = run(text, [("new:crimson-dawn", "group", "Crimson Dawn Brigade"),
                           ("new:black-banner", "group", "Black Banner"),
                           ("new:army", "organization", "army")], [_bomb(text)])
    assert doc._.events[0].accused == ["new:crimson-dawn", "new:black-banner"]
