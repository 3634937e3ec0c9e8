"""Statements reported inside another statement's content that stay their own attribution
(statement_scoring._own_clause), and attribution frames with "by" and quote cues of texts."""
from __future__ import annotations

from test_statements import run
from test_statements_cues import by_cue, spans

from eventlens.pipeline.statement_scoring import predicted_spans


def _attributions(text, doc):
    return {(text[p["source"][0][0]:p["source"][0][1]] if p["source"] else None,
             text[p["cue"][0][0]:p["cue"][0][1]] if p["cue"] else None) for p in predicted_spans(doc)}


def test_saying_with_an_extracted_subject_is_its_own_attribution():
    # the reported clause lacks its subject ("what" / the noun the clause modifies): a relative
    # attribution inside a noun phrase, even where the parser labels the verb a complement
    text = ("Two senators said developers had stretched the rules, amounting to what the auditors "
            "said was economic gerrymandering.")
    _, doc, _ = run(text)
    assert ("the auditors", "said") in _attributions(text, doc)
    text = ("The minister called on the army to respond to the shelling the colonel said is meant "
            "to provoke a wider war.")
    _, doc, _ = run(text)
    assert ("the colonel", "said") in _attributions(text, doc)


def test_saying_with_its_own_subject_inside_a_report_stays_in_the_report():
    text = "Officials said the mayor said taxes would fall."
    _, doc, _ = run(text)
    assert _attributions(text, doc) == {("Officials", "said")}


def test_clause_after_and_with_its_own_named_speaker_is_its_own_attribution():
    # the parser hangs "Royalists accused" on "said" as a complement; a reported clause does
    # not begin with "and"
    text = ("Loyalists said they are convinced the ministry bungled the audit and "
            "Royalists accused the army of fanning the violence.")
    _, doc, _ = run(text)
    assert ("Royalists", "accused") in _attributions(text, doc)


def test_concession_with_its_own_subject_is_a_second_statement():
    text = ("The activist said that the amnesty heals some wounds, though she noted families "
            "are starting to want public trials.")
    _, doc, _ = run(text)
    got = _attributions(text, doc)
    assert ("The activist", "said") in got and ("she", "noted") in got
    # a clause of time or reason stays part of what was said
    text = "The activist said the commission will reopen more cases when families want public trials."
    _, doc, _ = run(text)
    assert _attributions(text, doc) == {("The activist", "said")}


def test_a_texts_wording_is_quoted_with_reads():
    text = "“We see these schools offering families hope,” the letter reads. “Our support is personal.”"
    _, _, found = run(text)
    assert by_cue(found, text, "reads") == ("the letter", "reads", "We see these schools offering families hope")
    # without a quote, reading is no statement
    assert run("The senator read the report on the plane.")[2] == []


def test_by_the_holders_own_admission_frames_the_clause():
    text = "By the senator's own admission, his tax returns are far thicker than the disclosure."
    _, _, found = run(text)
    assert ("the senator's", "own admission", "his tax returns are far thicker than the disclosure") \
        in spans(found, text)
    # "by" with no possessive holder is no source ("passed by the account of the clerk")
    text = "The bill was passed by an account of the rules. He was hit by a car."
    assert run(text)[2] == []


def test_set_phrases_with_say_report_nobodys_words():
    for text in ("It goes without saying that the levy is unpopular with farmers.",
                 "The mayor left the hall without saying a word.",
                 "Needless to say, the plan failed.",
                 "Suffice it to say that the mayor was not pleased."):
        assert [f for f in run(text)[2] if f.cue_lemma == "say"] == [], text
    # "let's say" supposes; the thought it introduces is still the reader's
    text = "Let's say you think college will cost a fortune."
    _, _, found = run(text)
    assert [text[f.cue[0]:f.cue[1]] for f in found] == ["think"]
    # ordinary and infinitival saying still report
    text = "The mayor said the levy is unfair. She declined to say whether she would run."
    _, _, found = run(text)
    assert by_cue(found, text, "said") == ("The mayor", "said", "the levy is unfair")


def _sources(text, doc):
    return {text[p["source"][0][0]:p["source"][0][1]] for p in predicted_spans(doc) if p["source"]}


def test_source_span_keeps_the_modifiers_of_its_noun():
    # PolNeAR sources are whole noun phrases: relative clauses and participles on the head noun
    text = "“It was like pushing on an open door,” said Jan Berg, who served as envoy to the region."
    _, doc, _ = run(text)
    assert _sources(text, doc) == {"Jan Berg, who served as envoy to the region"}
    text = "A survey released last week found that rents rose sharply."
    _, doc, _ = run(text)
    assert _sources(text, doc) == {"A survey released last week"}


def test_source_span_leaves_out_circumstances_and_speech_of_its_own():
    # an "-ing" participle after a comma tells the circumstances of the act
    text = "The senator, speaking to a veterans group, said he would order a review."
    _, doc, _ = run(text)
    assert _sources(text, doc) == {"The senator"}
    # a relative clause that reports speech is its own attribution ("who" is its source)
    text = "“Cuts are coming,” said Ms. Ortega, who emphasized that small firms would be spared."
    _, doc, _ = run(text)
    assert "Ms. Ortega" in _sources(text, doc)


def test_protesting_where_is_no_statement_about_the_place():
    # "demonstrate" reports a finding only with a clause; and "the square where they demonstrated"
    # moved no object out of the clause, so the square is nobody's words
    text = ("The drones were launched from the square where the workers demonstrated last week, "
            "the police said.")
    statements, _, _ = run(text)
    assert all(s.cue is None or s.cue.text != "demonstrated" for s in statements)
    text = "The study demonstrated that the vaccine works, the ministry said."
    statements, _, _ = run(text)
    assert any(s.cue is not None and s.cue.text == "demonstrated" for s in statements)


def test_coordinated_reply_with_its_own_subject_is_its_own_attribution():
    # the parser hangs "replied" on the reported clause of "said"; a reply with its own speaker
    # is that speaker's statement (any verb of saying, not only "say" and "accuse")
    text = ("She said fathers would not be eligible for the leave, and when pressed on why, the "
            "lawyer from the capital replied, \"It is meant to help mothers first.\"")
    _, doc, _ = run(text)
    assert ("the lawyer from the capital", "replied") in _attributions(text, doc)


def test_quote_ending_in_a_nested_quote_is_set_off_by_its_cue():
    # the quotation's last mark is the nested quote's: the full stop before it still closes it
    text = ("A historian who attended the meeting recalled, \"Out of nowhere, he said, 'If we do "
            "nothing on the budget, all bets are off.'\"")
    _, doc, found = run(text)
    src, cue, content = by_cue(found, text, "recalled")
    assert src.startswith("A historian") and content.startswith("Out of nowhere")


def test_participle_after_the_cue_is_the_speakers_next_act():
    # "“...,” Harlan said, suggesting ...": when the parser hangs the participle inside the next
    # quotation's clause, "said" gets a second content beginning with the participle; that
    # content is the participle's, not what "said" reported
    from eventlens.pipeline.statements import Found, _participle_contents
    text = ('"Herders reject the grazing decree," Odhiambo said, suggesting two questions, among them, '
            '"Do you honestly believe that the generals deserve another amnesty?"')
    _, doc, _ = run(text)
    at = text.index
    source, said = (at("Odhiambo"), at("Odhiambo") + 8), (at("said"), at("said") + 4)
    suggesting = (at("suggesting"), at("suggesting") + 10)
    direct = Found(content=(1, at(',"')), kind="direct", sentence=(0, len(text)), cue=said, source=source)
    wrong = Found(content=(suggesting[0], len(text) - 1), kind="mixed", sentence=(0, len(text)), cue=said,
                  source=source)
    own = Found(content=(at("two questions"), len(text) - 1), kind="mixed", sentence=(0, len(text)), cue=suggesting,
                source=source)
    found = [direct, wrong, own]
    _participle_contents(doc, found)
    assert found == [direct, own]
    # another speaker's participle is not this one's next act
    other = Found(content=own.content, kind="mixed", sentence=own.sentence, cue=suggesting, source=(0, 1))
    found = [direct, wrong, other]
    _participle_contents(doc, found)
    assert wrong in found
