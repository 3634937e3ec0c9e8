"""Statements stage precision: verbs of the cue lexicon used in a sense that reports no one's
words or thoughts (finding a way, studying a subject, appealing a ruling, passives of letting in
or dealing with, naming participles, decrees under "should", acts one is required to do, a
falling number, headline nouns) make no statement, while the same verbs reporting speech still do."""
from __future__ import annotations

from test_statements import run


def cues(text, actors=()):
    """The cue texts of every statement found in text."""
    _, _, found = run(text, actors)
    return [text[f.cue[0]:f.cue[1]] for f in found if f.cue]


def has_cue(text, word, actors=()):
    return any(word in c for c in cues(text, actors))


# -- a cue verb whose object is no message ------------------------------------------

def test_finding_a_way_is_no_finding():
    assert not has_cue("The farmers found a way to store the grain through the winter.", "found")
    assert not has_cue("Aid workers often find themselves in the middle of the fighting.", "find")


def test_a_study_finding_something_is_still_a_finding():
    assert has_cue("The survey found that most farmers had lost their harvest.", "found")


def test_studying_a_subject_is_no_finding():
    text = "Tom Birch, who studies farm policy at a small college, had lunch with the mayor."
    assert not has_cue(text, "studies", [("new:tom-birch", "person", "Tom Birch")])
    assert not has_cue("The panel, reviewing an early draft of the bill, met on Monday.", "reviewing")


def test_appealing_a_ruling_is_a_legal_step():
    assert not has_cue("The city appealed the ruling to the higher court in June.", "appealed")


# -- passives that let in, deal with or keep something --------------------------------

def test_passive_admit_address_observe_report_nothing():
    assert not has_cue("Forty families were admitted as refugees last spring.", "admitted")
    assert not has_cue("The water shortage must be addressed with new pipes.", "addressed")
    assert not has_cue("The feast is observed as a day of rest in the valley.", "observed")


def test_active_admit_is_still_a_confession():
    text = "Peter Hale admitted that he had lost the files."
    assert has_cue(text, "admitted", [("new:peter-hale", "person", "Peter Hale")])


def test_naming_participle_is_no_statement():
    assert not has_cue("The scheme, called Green Roots, pays farmers to plant trees.", "called")


# -- decrees not made, acts required or allowed ------------------------------------------

def test_decree_under_should_or_would_is_no_pronouncement():
    assert not has_cue("Parliament should enact a law to protect the wetlands.", "enact")


def test_decree_made_is_still_a_pronouncement():
    assert has_cue("Parliament enacted a law to protect the wetlands.", "enacted")


def test_what_a_rule_allows_someone_to_say_is_the_rules():
    text = "The new law requires firms to disclose their donors every year."
    found = cues(text)
    assert not any("disclose" in c for c in found)
    assert "requires" in found


def test_causing_verb_with_that_clause_is_no_thought():
    text = "The mayor hired more clerks to ensure that the lines move faster."
    assert not has_cue(text, "ensure")


def test_now_that_and_so_that_are_no_content_clauses():
    assert not has_cue("Many parents are panicking now that the school fees are due.", "panicking")


def test_a_falling_number_refuses_nothing():
    assert not has_cue("Support for the plan has declined slightly since May, to 40 percent.", "declined")
    text = "Anna Petrov declined to comment on the plan."
    assert has_cue(text, "declined", [("new:anna-petrov", "person", "Anna Petrov")])


def test_lawsuits_are_no_arguments():
    assert not has_cue("She is a lawyer with cases against three oil firms.", "cases")


def test_headline_noun_before_its_verb_is_no_cue():
    text = "Fishing Quota Rules Meet Stiff Resistance In Parliament\n\nThe new quotas go before lawmakers on Monday."
    assert not has_cue(text, "Rules")


def test_speaking_against_a_backdrop_is_a_scene():
    text = "Anna Petrov spoke against a backdrop of red flags at the rally."
    assert not has_cue(text, "spoke", [("new:anna-petrov", "person", "Anna Petrov")])
    text = "Anna Petrov spoke against the new tax at the rally."
    assert has_cue(text, "spoke against", [("new:anna-petrov", "person", "Anna Petrov")])
