"""Indirect attributions PolNeAR annotates broadly: stances held by a named holder, mental states
with an object or clause, and cues the parser hides (invented sentences)."""
from __future__ import annotations

from test_statements import by_cue, run, spans  # noqa: F401 (shared helpers)

from eventlens.pipeline.statement_scoring import predicted_spans




def scored_cues(doc, text):
    """(cue, source) texts of the attributions the scorer keeps."""
    def t(span):
        return text[span[0][0]:span[0][1]] if span else None
    return {(t(p["cue"]), t(p["source"])) for p in predicted_spans(doc)}


def test_nationality_adjective_holds_a_stance_noun():
    text = "American commitments to the alliance remain strong."
    _, _, found = run(text)
    assert by_cue(found, text, "commitments to") == ("American", "commitments to", "the alliance")


def test_speech_told_inside_the_source_phrase_stays_its_own_attribution():
    text = "One of the farmers who signed the petition called the mayor a liar."
    _, doc, found = run(text)
    assert by_cue(found, text, "called")[2] == "the mayor a liar"
    # the signing describes the speaker; the calling is not part of what was signed
    assert ("called", "One of the farmers who signed the petition") in scored_cues(doc, text)


def test_attitude_adjective_with_its_own_subject():
    text = "With party leaders deeply worried about turnout, the campaign changed its message."
    _, _, found = run(text)
    assert by_cue(found, text, "deeply worried about") == ("party leaders", "deeply worried about", "turnout")


def test_call_for_someone_to_act_hung_on_the_noun_as_a_clause():
    text = ("On Monday the governor sounded a call for the federal government to send more aid "
            "as he toured the flooded towns.")
    _, _, found = run(text)
    f = next(f for f in found if f.cue_lemma == "call")
    assert text[f.content[0]:f.content[1]] == "the federal government to send more aid"
    assert text[f.source[0]:f.source[1]] == "the governor" and f.plover_type == "REQUEST"


def test_believing_in_something_is_a_stance():
    text = "Like my grandfather, I believe in the decency of ordinary people."
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, "believe in")
    assert src == "I" and "the decency of ordinary people" in content


def test_in_a_statement_names_the_source_of_a_clause_without_a_cue():
    text = "In a statement released Friday, the opposition leader was more cautious than his allies."
    _, _, found = run(text)
    assert spans(found, text) == [("the opposition leader", "a statement", "was more cautious than his allies")]


def test_in_this_case_is_no_statement():
    text = "In this case, the committee was more cautious than its staff."
    _, _, found = run(text)
    assert found == []


def test_call_on_with_the_preposition_read_as_a_particle():
    text = "Under the scheme, district officers could call on their support during droughts."
    _, _, found = run(text)
    f = next(f for f in found if f.cue_lemma == "call")
    assert spans([f], text) == [("district officers", "could call on", "their support")]
    assert f.plover_type == "REQUEST"


def test_ignoring_an_issue_is_a_stance_but_ignoring_a_ceasefire_is_not():
    text = "The governor has mostly ignored the question of rural debt."
    _, _, found = run(text)
    assert spans(found, text) == [("The governor", "has mostly ignored", "the question of rural debt")]
    text = "Rebels ignored the ceasefire and shelled the town."
    _, _, found = run(text)
    assert found == []


def test_the_object_of_a_causing_verb_holds_the_fear():
    text = "The talks led the negotiator to fear a collapse of the truce."
    _, _, found = run(text)
    assert by_cue(found, text, "to fear") == ("the negotiator", "to fear", "a collapse of the truce")


def test_plans_misread_as_a_noun_heading_the_sentence():
    # the tagger may read "The campaign plans to hire ..." as a noun phrase with an infinitive
    import spacy
    from spacy.tokens import Doc

    from eventlens.pipeline.statement_lexicon import lexicon
    from eventlens.pipeline.statements import Stage

    words = ["The", "campaign", "plans", "to", "hire", "organizers", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 2, 4, 2],
              deps=["det", "compound", "ROOT", "aux", "xcomp", "dobj", "punct"],
              pos=["DET", "NOUN", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
              lemmas=["the", "campaign", "plan", "to", "hire", "organizer", "."])
    content, prep, that = Stage._nominal_content(doc[2], lexicon()["speech_nouns"]["plan"])
    assert doc.text[content[0]:content[1]] == "to hire organizers" and prep is None and not that
    # an infinitive the noun does not head stays out ("the plans hurt, to be fair")
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 4, 4, 4, 4, 4],
              deps=["det", "compound", "nsubj", "aux", "ROOT", "dobj", "punct"],
              pos=["DET", "NOUN", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
              lemmas=["the", "campaign", "plan", "to", "hire", "organizer", "."])
    assert Stage._nominal_content(doc[2], lexicon()["speech_nouns"]["plan"])[0] is None


def test_second_speech_act_joined_to_the_reported_clause():
    text = ("The ministry said it was opposed to the decision and warned the rebels to stay "
            "away from the capital.")
    _, doc, found = run(text)
    assert by_cue(found, text, "warned") == ("The ministry", "warned", "the rebels to stay away from the capital")
    assert by_cue(found, text, "said")[2] == "it was opposed to the decision"
    assert ("warned", "The ministry") in scored_cues(doc, text)


def test_act_of_the_reported_subject_stays_inside_what_was_said():
    # the militants threatened the villagers; the army only reports it
    text = "The army said militants attacked the post and threatened the villagers."
    _, doc, found = run(text)
    assert by_cue(found, text, "threatened")[0] == "militants"
    assert {cue for cue, _ in scored_cues(doc, text)} == {"said"}


def test_made_it_clear_is_the_makers_statement():
    text = "Speaking on the radio, the senator made it clear she would vote against the budget."
    _, _, found = run(text)
    assert by_cue(found, text, "made it clear") == ("the senator", "made it clear", "she would vote against the budget")


def test_it_is_clear_still_has_no_source():
    text = "It is clear that the budget will fail."
    _, _, found = run(text)
    assert all(f.source is None for f in found if f.cue_lemma == "clear")


def test_decree_participle_with_its_agent():
    text = "The fine imposed by the central bank was the largest in a decade."
    _, _, found = run(text)
    assert by_cue(found, text, "imposed") == ("the central bank", "imposed", "The fine")


def test_attitude_nouns_with_a_possessive_holder():
    text = "Meanwhile the senator continues his adulation of the general."
    _, _, found = run(text)
    assert by_cue(found, text, "adulation of") == ("his", "adulation of", "the general")


def test_asking_for_help_is_a_request_for_it():
    text = "When farmers ask for help, their calls go unanswered."
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, "ask for")
    assert src == "farmers" and "help" in content


def test_votes_of_a_body_are_its_pronouncements():
    text = "The council voted on Monday to extend the curfew."
    _, _, found = run(text)
    assert by_cue(found, text, "voted") == ("The council", "voted", "to extend the curfew")
    text = "Two senators voted against the spending bill."
    _, _, found = run(text)
    assert by_cue(found, text, "voted against")[0] == "Two senators"
    text = "Residents voted in the local elections."   # casting a ballot says nothing
    _, _, found = run(text)
    assert found == []


def test_more_verbs_of_attitude():
    cases = [("The senator has complimented the new commander.", "has complimented", "the new commander"),
             ("I cannot fathom how the budget passed.", "cannot fathom", "how the budget passed"),
             ("Party leaders are contemplating a change of strategy.", "are contemplating", "a change of strategy"),
             ("The mayor accepted the union's proposal.", "accepted", "the union's proposal")]
    for text, cue, content in cases:
        _, _, found = run(text)
        assert by_cue(found, text, cue)[2] == content, text
    text = "The senator has complimented the new commander."
    _, _, found = run(text)
    assert found[0].plover_type == "SUPPORT"


def test_concerns_are_told_without_a_holder():
    text = "Amid growing concerns that the dam could fail, officials evacuated the valley."
    _, _, found = run(text)
    assert by_cue(found, text, "concerns") == (None, "concerns", "the dam could fail")


def test_what_a_rule_permits_is_its_provision():
    text = "The charter permits members to appoint proxies."
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, "permits")
    assert src == "The charter" and "to appoint proxies" in content
    text = "The rain allowed farmers to plant early."   # weather lays down no rule
    _, _, found = run(text)
    assert found == []
