"""Claims stage: epistemic markers, certainty grading and holders."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import _pipeline_for, spacy_parse_text

from eventlens.model import Article, Span, Statement
from eventlens.pipeline.claims import Stage, grade

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "000_1367947988e2ffd1.txt"


def claims_of(text, statements=()):
    doc = spacy_parse_text(text)
    doc._.statements = list(statements)
    Stage()(doc)
    for c in doc._.claims:
        for sp in c.evidence:
            assert text[sp.start:sp.end] == sp.text
    return doc._.claims


def test_proven_is_asserted():
    cs = claims_of("It has been proven that the brigade fired the rockets at the base.")
    assert len(cs) == 1
    assert cs[0].certainty == "asserted" and cs[0].holder == "author"
    assert cs[0].hedges == ["It has been proven"]
    assert cs[0].id == "c1"


def test_perhaps_is_hedged():
    cs = claims_of("Perhaps the minister travelled to the capital to calm the situation.")
    assert len(cs) == 1 and cs[0].certainty in ("possible", "speculative")
    assert cs[0].hedges == ["Perhaps"]


def test_many_indicators_suggest():
    cs = claims_of("Many indicators suggest that the militia is the main suspect behind the bombing.")
    assert len(cs) == 1 and cs[0].certainty in ("possible", "speculative")
    assert "suggest" in cs[0].hedges


def test_plain_sentence_makes_no_claim():
    assert claims_of("The convoy left the city at noon and reached the border in the evening.") == []


def test_probable_and_stacking():
    assert claims_of("The talks will most probably resume next week.")[0].certainty == "probable"
    # two separate hedges weaken further than one
    stacked = claims_of("It seems that the rebels might withdraw from the town.")[0]
    single = claims_of("The rebels might withdraw from the town.")[0]
    assert single.certainty == "possible" and stacked.certainty == "speculative"


def test_booster_does_not_lift_a_hedge():
    c = claims_of("Perhaps this clearly shows the weakness of the coalition.")[0]
    assert c.certainty != "asserted"


def test_modal_may_only_as_verb():
    assert claims_of("The elections were held in May in all provinces.") == []
    assert claims_of('He said: "May peace be upon the martyrs of the city."') == []


def test_holder_is_the_speaker_inside_a_statement():
    text = 'Governor Hana Rafi said the attackers could have come from across the border.'
    start = text.index("the attackers")
    st = Statement(id="s1", speaker="new:hana-rafi", content=Span.of(text, start, len(text) - 1),
                   cue=Span.of(text, text.index("said"), text.index("said") + 4), kind="indirect")
    cs = claims_of(text, [st])
    assert len(cs) == 1 and cs[0].holder == "new:hana-rafi" and cs[0].certainty == "possible"


def test_a_source_no_actor_stands_for_holds_its_claim():
    # "analysts" are no actor: the claim is still theirs, not the author's, and not lost
    text = "The strike could have been carried out by the militia, analysts said."
    cue = text.index("said")
    st = Statement(id="s4", speaker=None, source=Span.of(text, text.index("analysts"), cue - 1),
                   content=Span.of(text, 0, text.index(", analysts")), cue=Span.of(text, cue, cue + 4),
                   kind="indirect")
    cs = claims_of(text, [st])
    assert len(cs) == 1
    assert cs[0].holder == "source" and cs[0].statement == "s4" and cs[0].source.text == "analysts"
    assert cs[0].certainty == "possible"
    # a named speaker holds it by actor id, with the statement it was said in
    st = st.model_copy(update={"speaker": "new:analysts-group"})
    cs = claims_of(text, [st])
    assert cs[0].holder == "new:analysts-group" and cs[0].statement == "s4" and cs[0].source is None


def test_an_impersonal_report_is_the_authors_claim():
    # "Reportedly, ..." is reported with nobody reporting it: the author's hedge
    text = "Reportedly, the convoy may have been hit twice."
    st = Statement(id="s1", content=Span.of(text, 12, len(text) - 1), cue=Span.of(text, 0, 10),
                   kind="indirect")
    cs = claims_of(text, [st])
    assert len(cs) == 1 and cs[0].holder == "author" and cs[0].statement == "s1"
    # a quotation nobody is named for is some source's, not the author's
    text = '"The convoy may have been hit twice."'
    st = Statement(id="s2", content=Span.of(text, 1, len(text) - 1), kind="direct")
    cs = claims_of(text, [st])
    assert len(cs) == 1 and cs[0].holder == "source" and cs[0].source is None


def test_grade_rules():
    assert grade([0]) == "asserted"
    assert grade([0, 2]) == "possible"
    assert grade([1]) == "probable"
    assert grade([1, 2]) == "speculative"
    assert grade([3, 3, 3]) == "speculative"


@pytest.mark.skipif(not SEED.is_file(), reason="seed example not available")
def test_seed_example_claims():
    text = SEED.read_text(encoding="utf-8")
    result = _pipeline_for(None).process(Article(id="seed", text=text, published=dt.date(2021, 11, 9), language="en"))
    by_start = {c.evidence[0].text[:30]: c for c in result.claims}
    proven = next(c for c in result.claims if c.evidence[0].text.startswith("It has been proven"))
    assert proven.certainty == "asserted" and proven.holder == "author"
    indicators = next(c for c in result.claims if "Many indicators suggest" in c.evidence[0].text)
    assert indicators.certainty in ("possible", "speculative") and indicators.holder == "author"
    strange = next(c for c in result.claims if c.evidence[0].text.startswith("It is strange that"))
    assert strange.certainty == "speculative"
    assert by_start  # every claim has a sentence as first evidence
