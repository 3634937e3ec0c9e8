"""Cues beyond "said": attitudes, impressions, parentheticals, cue spans and split acts
(PolNeAR-style attribution: source, cue and content spans)."""
from __future__ import annotations

from test_statements import by_cue, run, spans  # noqa: F401 (shared helpers)

from eventlens.pipeline.statements import lexicon




def test_yaml_keeps_the_word_on():
    # YAML 1.1 reads a bare `on` as true: "called on" must still need the word "on"
    assert "on" in lexicon()["cues"]["call"]["needs_prep"]
    assert "on" in lexicon()["speech_nouns"]["comment"]["preps"]


def test_call_on_someone_to_act_is_a_request():
    text = "Maria Lopez called on the council to delay the vote."
    _, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez")])
    src, cue, content = by_cue(found, text, "called on")
    assert src == "Maria Lopez" and content.startswith("the council to delay")
    assert next(f for f in found if f.cue_lemma == "call").plover_type == "REQUEST"


def test_calling_something_a_name_is_no_request():
    text = "Maria Lopez called the budget a disgrace."
    _, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez")])
    f = next(f for f in found if f.cue_lemma == "call")
    assert text[f.content[0]:f.content[1]] == "the budget a disgrace" and f.plover_type is None


def test_cue_span_takes_auxiliaries_negation_and_adverbs():
    text = "The mayor has also said that taxes will rise. The union did not say whether it would strike."
    _, _, found = run(text)
    assert by_cue(found, text, "has also said")[2] == "taxes will rise"
    assert by_cue(found, text, "did not say")[2] == "it would strike"


def test_governing_verb_joins_the_cue():
    text = "The governor tried to argue that the report was wrong."
    _, _, found = run(text)
    assert by_cue(found, text, "tried to argue") == ("The governor", "tried to argue", "the report was wrong")


def test_infinitive_under_a_cue_verb_is_its_content():
    text = "The governor declined to comment on the report."
    _, _, found = run(text)
    assert spans(found, text) == [("The governor", "declined", "to comment on the report")]


def test_attitude_adjectives():
    text = ("Ken Ito was sure the bill would pass. Many residents are worried about the new road. "
            "The senator has been critical of the deal. It is clear that the plan failed.")
    _, _, found = run(text, [("new:ken-ito", "person", "Ken Ito")])
    assert by_cue(found, text, "was sure") == ("Ken Ito", "was sure", "the bill would pass")
    assert by_cue(found, text, "are worried about") == ("Many residents", "are worried about", "the new road")
    assert by_cue(found, text, "has been critical of")[2] == "the deal"
    assert by_cue(found, text, "is clear") == (None, "is clear", "the plan failed")


def test_plain_adjectives_are_not_attitudes():
    text = "The road is clear. The weather was warm and the sky looked blue over the old town."
    _, _, found = run(text)
    assert not [f for f in found if f.how == "attitude"]


def test_impressions_without_a_holder():
    text = "His voice seemed weaker than before. She looked at the map."
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, "seemed")
    assert src is None and "His voice" in content and "weaker" in content
    assert not any(c == "looked" for _, c, _ in spans(found, text))


def test_as_someone_put_it():
    text = "As Ken Ito put it in an interview, the law is a mistake."
    _, _, found = run(text, [("new:ken-ito", "person", "Ken Ito")])
    src, cue, content = by_cue(found, text, "put")
    assert src == "Ken Ito" and content == "the law is a mistake"


def test_as_someone_pointed_out():
    text = "As several economists have pointed out, the tax cut would raise the deficit."
    _, _, found = run(text)
    src, _, content = by_cue(found, text, "have pointed out")
    assert src == "several economists" and content == "the tax cut would raise the deficit"


def test_put_is_no_cue_outside_as_clauses():
    text = "The minister put the files on the table."
    _, _, found = run(text)
    assert not found


def test_speaker_through_a_prepositional_participle():
    text = "Maria Lopez answered the critics by saying the plan was fair."
    _, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez")])
    assert by_cue(found, text, "saying") == ("Maria Lopez", "saying", "the plan was fair")


def test_relative_pronoun_is_the_source_span_but_the_speaker_is_resolved():
    text = "The protest was led by Ken Ito, who said the police had overreacted."
    sts, _, found = run(text, [("new:ken-ito", "person", "Ken Ito")])
    assert by_cue(found, text, "said") == ("who", "said", "the police had overreacted")
    assert next(s for s in sts if s.cue.text == "said").speaker == "new:ken-ito"


def test_conjoined_acts_are_separate_statements():
    text = "The family called on the police to release the video and called on supporters to stay calm."
    _, _, found = run(text)
    assert by_cue(found, text, "called on")[2] == "the police to release the video"
    assert any(s[2] == "supporters to stay calm" for s in spans(found, text))


def test_participle_after_a_comma_is_a_second_act_of_the_speaker():
    text = "Ken Ito said the vote was rigged, arguing that the count had been too fast."
    _, _, found = run(text, [("new:ken-ito", "person", "Ken Ito")])
    assert by_cue(found, text, "said")[2] == "the vote was rigged"
    assert by_cue(found, text, "arguing") == ("Ken Ito", "arguing", "the count had been too fast")


def test_told_a_meeting_that():
    text = "Last week the minister told a meeting of farmers that prices would fall."
    _, _, found = run(text)
    assert by_cue(found, text, "told")[2] == "prices would fall"


def test_attack_is_a_cue_for_people_not_for_armed_groups():
    text = "Maria Lopez attacked her rival over the budget. Gunmen attacked a checkpoint near the border."
    _, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez")])
    assert by_cue(found, text, "attacked")[0] == "Maria Lopez"
    assert not any("checkpoint" in (s[2] or "") for s in spans(found, text))


def test_open_attitude_nouns_need_no_holder():
    text = "There is growing skepticism about the new tax among small firms."
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, "skepticism about")
    assert src is None and content.startswith("the new tax")


def test_transcript_turns_after_a_paragraph_opening_quote():
    text = ('Partial transcript:\n\n"HOST: Welcome back to the programme tonight.\n\n'
            '"GUEST: Thank you for having me on the show.\n\n"HOST: Let us begin with the budget.')
    _, _, found = run(text)
    turns = [s for s in spans(found, text) if s[1] == ":"]
    assert [(s[0], s[2]) for s in turns] == [("HOST", "Welcome back to the programme tonight."),
                                             ("GUEST", "Thank you for having me on the show."),
                                             ("HOST", "Let us begin with the budget.")]


def test_nouns_that_name_the_holder_of_a_stance():
    text = "The cleric is a fierce opponent of forced marriage. Ken Ito, a longtime critic of the mayor, spoke first."
    _, _, found = run(text, [("new:ken-ito", "person", "Ken Ito")])
    assert by_cue(found, text, "opponent of") == ("The cleric", "opponent of", "forced marriage")
    assert by_cue(found, text, "critic of") == ("Ken Ito", "critic of", "the mayor")


def test_speech_act_noun_with_a_topic_needs_no_named_source():
    text = "The report listed claims of abuse at the camp."
    _, _, found = run(text)
    src, _, content = by_cue(found, text, "claims of")
    assert src is None and content.startswith("abuse")


def test_thought_noun_still_needs_its_holder():
    text = "The city approved a plan for the harbour."
    _, _, found = run(text)
    assert not any(f.cue_lemma == "plan" for f in found)


def test_headline_label_named_elsewhere_is_a_speaker():
    text = "Okafor: the budget must be cut\n\nSenator Grace Okafor said on Sunday that spending was too high."
    _, _, found = run(text, [("new:grace-okafor", "person", "Grace Okafor")])
    assert by_cue(found, text, ":") == ("Okafor", ":", "the budget must be cut")


def test_cue_found_when_the_lemmatizer_drops_a_silent_e():
    text = "The campaign hopes to win the state."
    _, _, found = run(text)
    assert spans(found, text) == [("The campaign", "hopes", "to win the state")]


def test_framing_something_as_something_is_what_was_said():
    text = "Farm groups described the new levy as a tax on bread."
    _, _, found = run(text)
    assert by_cue(found, text, "described") == ("Farm groups", "described", "the new levy as a tax on bread")


def test_framing_verb_with_a_relative_object_keeps_the_as_phrase():
    text = "Ten people were hurt by a fire that the chief described as arson."
    _, _, found = run(text)
    assert by_cue(found, text, "described") == ("the chief", "described", "arson")


def test_see_as_is_a_view_but_plain_seeing_is_not():
    text = "Critics see the merger as a threat. Critics saw the ship in the harbour."
    _, _, found = run(text)
    assert by_cue(found, text, "see")[2] == "the merger as a threat"
    assert not any(f.cue_lemma == "see" and "ship" in text[f.content[0]:f.content[1]] for f in found)


def test_poll_and_view_in_phrases_are_sources():
    text = "The mayor leads comfortably in several polls. The levy is unfair in their view."
    _, _, found = run(text)
    assert ("several polls", "in", "The mayor leads comfortably") in spans(found, text)
    assert ("their view", "in", "The levy is unfair") in spans(found, text)


def test_in_phrase_without_a_holder_or_with_a_speech_verb_is_no_cue():
    text = "The boat sank in view of the harbour. In a survey, most farmers said prices were too low."
    _, _, found = run(text)
    assert [s for s in spans(found, text) if s[1] == "in"] == []
    assert by_cue(found, text, "said") == ("most farmers", "said", "prices were too low")


def test_relative_clause_content_leaves_out_the_pronoun_before_the_cue():
    text = "Lena Park opposed the levy, which she said would hurt small bakeries."
    _, _, found = run(text, [("new:lena-park", "person", "Lena Park")])
    assert by_cue(found, text, "said")[2] == "would hurt small bakeries"


def test_passive_hearing_is_no_statement():
    text = "The appeal will be heard by nine judges. Aid workers have heard that the border is closed."
    _, _, found = run(text)
    assert not any(f.cue_lemma == "hear" and "appeal" in text[f.content[0]:f.content[1]] for f in found)
    assert by_cue(found, text, "have heard")[2] == "the border is closed"


def test_a_day_after_call_on_is_no_request():
    # "called ... on Friday" is a time, not "called on" someone; the time is not what was said
    text = "Maria Lopez called the mayor on Friday. Omar Haddad called on Sunday for new elections."
    _, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez"),
                             ("new:omar-haddad", "person", "Omar Haddad")])
    phoned = next(f for f in found if text[f.cue[0]:f.cue[1]] == "called" and f.cue[0] < 20)
    assert phoned.plover_type is None
    request = next(f for f in found if f.cue[0] > 40)
    assert request.plover_type == "REQUEST"
    assert text[request.content[0]:request.content[1]] == "new elections"


def test_responding_with_force_is_no_statement():
    text = ("The rebels shelled the garrison and the army responded with airstrikes on their camps. "
            "Maria Lopez responded with a letter to the council.")
    _, _, found = run(text, [("new:maria-lopez", "person", "Maria Lopez")])
    first = text.index(".") + 1
    assert not [f for f in found if f.cue and f.cue[0] < first], spans(found, text)
    letter = by_cue(found, text, "responded with")
    assert letter[0] == "Maria Lopez" and letter[2].startswith("with a letter")


def test_an_infinitive_the_parser_made_an_adverbial_is_what_was_vowed():
    # the parser hangs "to punish ..." on "vowed" as an adverbial clause, not a complement
    text = "The minister vowed on Monday to punish the attackers."
    _, _, found = run(text)
    vowed = by_cue(found, text, "vowed")
    assert vowed[2] == "to punish the attackers"
    assert next(f for f in found if f.cue_lemma == "vow").plover_type == "THREATEN"


def test_a_decree_by_a_body_is_its_pronouncement():
    text = "In March, the regional assembly repealed the emergency law."
    _, _, found = run(text)
    assert by_cue(found, text, "repealed")[::2] == ("the regional assembly", "the emergency law")
    text = "The conviction was overturned by a military tribunal in March."
    _, _, found = run(text)
    assert by_cue(found, text, "was overturned")[::2] == ("a military tribunal", "The conviction")


def test_a_decree_verb_with_no_one_deciding_reports_nothing():
    for text, cue in (("The slogan was lifted from an old campaign poster.", "lifted"),
                      ("The ban was lifted on Monday.", "lifted")):
        _, _, found = run(text)
        assert not [s for s in spans(found, text) if s[1] == cue], text


def test_the_refusal_of_a_group_to_act_is_its_own_refusal():
    for text in ("The refusal of the rebels to withdraw was an obstacle.",
                 "The rebels' refusal to withdraw was an obstacle."):
        _, _, found = run(text)
        assert by_cue(found, text, "refusal")[::2] in (("the rebels", "to withdraw"), ("The rebels", "to withdraw"))
    _, _, found = run("The refusal of aid was a blow to the city.")
    assert found == []


def test_disapproving_and_exhorting_are_speech_acts():
    text = "The council disapproved of the deal."
    _, _, found = run(text)
    assert by_cue(found, text, "disapproved of")[::2] == ("The council", "the deal")
    text = "The bishop exhorted the faithful to stay calm."
    _, _, found = run(text)
    assert [f.plover_type for f in found if text[f.cue[0]:f.cue[1]] == "exhorted"] == ["REQUEST"]
