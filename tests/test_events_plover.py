"""Events stage, PLOVER side: codebook triggers and the choice of a sentence's main event.

Sentences are written for these tests. The main event is the one the PLOVER evaluator
reads (first event not historical or negated), so these check what a one-sentence
report is coded as.
"""
from __future__ import annotations

import pytest

from eventlens.evaluate.plover import main_type
from eventlens.model import Article
from eventlens.pipeline import Pipeline


@pytest.fixture(scope="session")
def pl_pipeline():
    return Pipeline()


@pytest.fixture(scope="session")
def main_of(pl_pipeline):
    def _main(text: str) -> str:
        return main_type(pl_pipeline.process(Article(id="t", text=text, language="en")))[0]
    return _main


@pytest.mark.parametrize("text, expected", [
    # AGREE: offers, promises, stated readiness to cooperate (codebook: "indicate willingness")
    ("Norway has offered to send engineers to rebuild the bridge, the ministry said.", "AGREE"),
    ("The minister said the government is ready to contribute medical teams to the mission.", "AGREE"),
    ("Canada will provide 10,000 tonnes of food aid to the flood victims, officials said.", "AGREE"),
    ("The rebels said they will release the captured engineers next week.", "AGREE"),
    # SUPPORT: signing or ratifying an agreement, starting diplomatic ties
    ("Chile and Peru signed a treaty on fisheries on Tuesday.", "SUPPORT"),
    ("Malta and Iceland established diplomatic ties on Monday.", "SUPPORT"),
    # CONCEDE: easing restrictions, calling off a strike
    ("The governor lifted the curfew in the port city where two people were killed in riots.", "CONCEDE"),
    ("The dockers' union called off its strike after talks with the employers.", "CONCEDE"),
    # COOPERATE / AID / SANCTION / REJECT / REQUEST / ACCUSE
    ("Portugal extradited a suspected smuggler to Spain on Friday.", "COOPERATE"),
    ("Police in the two countries have shared evidence on the smuggling ring.", "COOPERATE"),
    ("Ecuador granted political asylum to three opposition activists.", "AID"),
    ("Germany suspended development aid to the country after the coup.", "SANCTION"),
    ("The foreign ministry expelled two diplomats for spying.", "SANCTION"),
    ("The premier is opposed to foreign mediation in the border dispute.", "REJECT"),
    ("The envoy said the militia must hand back the seized trucks.", "REQUEST"),
    ("The embassy lodged a formal protest with the foreign ministry over the remarks.", "ACCUSE"),
    # THREATEN: a stated readiness or plan to coerce
    ("The interior minister said he is prepared to impose a curfew on the capital.", "THREATEN"),
    ("The farmers said they would boycott the talks.", "THREATEN"),
])
def test_codebook_triggers(main_of, text, expected):
    assert main_of(text) == expected


def test_main_clause_beats_relative_clause(main_of):
    # the killing is background told in a relative clause; the main verb reports the event
    assert main_of("The army lifted the blockade of the town where rebels killed five soldiers.") == "CONCEDE"


def test_reported_content_under_rejection(main_of):
    assert main_of("The president rejected an offer to host peace talks in the capital.") == "REJECT"


def test_information_exchange_is_not_fighting(pl_pipeline):
    res = pl_pipeline.process(Article(id="t", text="The two ministries exchanged information on water use.",
                                      language="en"))
    assert [e.plover_type for e in res.events][:1] == ["COOPERATE"]
    assert all(e.acled_event_type is None for e in res.events)


def test_condition_on_another_clause_is_not_hypothetical(pl_pipeline):
    # "if" conditions the ally's action, not the threat itself
    res = pl_pipeline.process(Article(id="t", text="The government threatened to close the border if the raids continue.",
                                      language="en"))
    threat = next(e for e in res.events if e.trigger.text == "threatened")
    assert threat.status == "occurred"


def test_stated_refusal_is_reject(main_of):
    assert main_of("The government said it will not accept any more migrants this year.") == "REJECT"
    assert main_of("The minister declined to resign over the scandal.") == "REJECT"


def test_reported_pluperfect_is_the_news(pl_pipeline):
    res = pl_pipeline.process(Article(id="t", text="Austria said on Monday it had expelled three diplomats for spying.",
                                      language="en"))
    assert main_type(res)[0] == "SANCTION"
