"""A source's statement of fact is that source's claim even with no epistemic marker
(claims._asserts; assertion_cues in lexicons/claims.yaml). Invented sentences."""
from __future__ import annotations

from conftest import _pipeline_for

from eventlens.model import Article


def claims(text):
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    statements = {s.id: s for s in result.statements}
    out = []
    for c in result.claims:
        st = statements.get(c.statement)
        out.append((st.cue.text if st is not None and st.cue else None, c.holder, c.certainty,
                    c.proposition.text if c.proposition else None))
    return result, out


def test_a_sources_unhedged_report_of_fact_is_its_claim():
    result, cs = claims("The army said it had killed 40 rebel fighters near the river crossing.")
    army = next(a.id for a in result.actors if a.name.startswith("Military"))
    assert ("said", army, "asserted", "it had killed 40 rebel fighters near the river crossing") in cs


def test_a_quoted_assertion_by_a_described_source_is_held_by_that_source():
    result, cs = claims('"We hold the bridge and the market," a rebel commander said on Monday.')
    assert [c for c in cs if c[0] == "said"] == [("said", "source", "asserted", "We hold the bridge and the market")]
    claim = result.claims[0]
    assert claim.source is not None and claim.source.text == "a rebel commander"
    assert claim.hedges == [] and claim.statement is not None


def test_an_allegation_is_the_accusers_claim():
    result, cs = claims("The opposition accused the governor of rigging the vote in three districts.")
    assert any(c[0] == "accused" and c[2] == "asserted" and "rigging the vote" in c[3] for c in cs)


def test_a_hedged_statement_keeps_its_graded_claim_only():
    _, cs = claims("The ministry said the rockets may have been fired from the east of the city.")
    said = [c for c in cs if c[0] == "said"]
    assert len(said) == 1 and said[0][2] == "possible"


def test_no_claim_without_a_fact_stated():
    for text in (
        "The spokesman did not say whether the convoy had been attacked.",          # negated cue
        '"Who fired the first shot?" the commander said.',                          # a question
        "The minister said the government condemns the attack on the village.",     # a speech act
        "The rebels called on the army to withdraw from the town.",                # a request
        "The families want the bodies returned.",                                  # a wish
    ):
        _, cs = claims(text)
        assert cs == [], (text, cs)


def test_a_demand_is_no_claim_of_fact():
    _, cs = claims("The president said the commanders must be held accountable for the raid.")
    assert cs == []


def test_the_authors_disclaimer_leaves_the_speakers_own_claim():
    text = ("The rebels said they had shot down two army helicopters near the dam. "
            "The claim could not be independently verified.")
    result, cs = claims(text)
    assert any(c[1] == "author" and c[2] == "possible" for c in cs)
    assert any(c[1] != "author" and c[2] == "asserted" and "shot down two army helicopters" in c[3] for c in cs)


def test_a_sources_belief_is_its_claim_graded_by_the_verb():
    _, cs = claims("Observers believe the rebels now control most of the province.")
    assert [(c[0], c[2]) for c in cs] == [("believe", "probable")]


def test_it_is_possible_that_hedges():
    _, cs = claims("A police official said it is possible that other attackers are still hiding in the area.")
    assert [(c[1], c[2]) for c in cs] == [("source", "possible")]


def test_an_agency_unable_to_verify_a_figure_is_the_authors_doubt_about_it():
    text = ("The rebels said 42 people were killed in the village. Reuters could not independently verify "
            "the figures.")
    result, cs = claims(text)
    said = next(s for s in result.statements if s.cue and s.cue.text == "said")
    doubts = [c for c in result.claims if c.holder == "author"]
    assert doubts and doubts[0].certainty == "possible" and doubts[0].statement == said.id


def test_a_hedge_in_the_words_naming_people_is_theirs_one_claim():
    result, cs = claims("Some analysts believe the fighting could reshape the balance of power in the capital.")
    assert len(result.claims) == 1
    claim = result.claims[0]
    assert claim.holder == "source" and claim.proposition.text.startswith("the fighting could reshape")


def test_passive_belief_and_appearance_hedge_the_authors_claim():
    _, cs = claims("The insurgents are believed to have regained strength in the hills.")
    assert [(h, c) for _, h, c, _ in cs] == [("author", "probable")]
    _, cs = claims("Foreign troops appear to have taken part in the fighting near the border.")
    assert [(h, c) for _, h, c, _ in cs] == [("author", "speculative")]


def test_past_inability_is_no_hedge_but_a_disclaimer_still_is():
    _, cs = claims("A spokesman for the militia could not be reached for comment.")
    assert cs == []
    _, cs = claims("Twelve people were killed, according to residents. The toll could not be independently verified.")
    assert ("according to", "author", "possible", "Twelve people were killed") in cs


def test_a_named_speaker_indicating_states_and_evidence_indicating_hedges():
    result, cs = claims("The rebels indicated that they would withdraw from the town.")
    assert [(cue, c) for cue, h, c, _ in cs if h != "author"] == [("indicated", "asserted")]
    _, cs = claims("Some analyses indicate that the militia was behind the attack.")
    assert [(h, c) for _, h, c, _ in cs] == [("author", "possible")]


def test_a_cue_opening_the_sentence_is_no_part_of_what_is_claimed():
    result, cs = claims("Confirmed the Minister of Interior, Tariq Mahmood, that the attackers were trained abroad.")
    assert [(c, p) for cue, h, c, p in cs if h != "author"] == [("asserted", "the attackers were trained abroad")]
