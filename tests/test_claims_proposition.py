"""Claims stage: the proposition a hedge or booster grades."""
from __future__ import annotations

from test_claims import claims_of


def test_proposition_after_that():
    text = "It has been proven that the militia fired the rockets."
    (c,) = claims_of(text)
    assert c.certainty == "asserted"
    assert c.proposition.text == "the militia fired the rockets"


def test_proposition_after_the_marker_that_introduces_the_clause():
    text = "Many indicators suggest that the council planned the vote in advance."
    (c,) = claims_of(text)
    assert c.proposition.text == "the council planned the vote in advance"


def test_proposition_after_an_opening_adverb():
    text = "Perhaps the governor never saw the letter."
    (c,) = claims_of(text)
    assert c.certainty != "asserted"
    assert c.proposition.text == "the governor never saw the letter"


def test_proposition_of_a_modal_is_its_clause():
    text = "Officials met on Monday. The strike could spread to the ports next week, union leaders said."
    (c,) = claims_of(text)
    assert c.proposition.text == "The strike could spread to the ports next week"
    assert text[c.proposition.start:c.proposition.end] == c.proposition.text
