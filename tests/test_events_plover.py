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
    # (easing a military blockade is a material step back: RETREAT, CAMEO 0872)
    assert main_of("The army lifted the blockade of the town where rebels killed five soldiers.") == "RETREAT"
    assert main_of("The governor lifted the curfew in the city where rebels killed five soldiers.") == "CONCEDE"


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


@pytest.mark.parametrize("text, expected", [
    # a title that dates the person ("former premier") or the visit's announcement does not date the event
    ("Former premier Alvaro Ruiz demanded early elections on Monday.", "REQUEST"),
    ("The Latvian president arrived in Oslo on a previously unannounced visit.", "CONSULT"),
    # an event called off is not one that took place
    ("Leaders of the opposition bloc agreed to postpone the march until next month.", "AGREE"),
    # codebook modes of ACCUSE: investigations and hearings
    ("The supreme court opened a hearing into the conduct of the prison guards.", "ACCUSE"),
    ("The watchdog sent inspectors to the reactor site on Tuesday.", "ACCUSE"),
    # REQUEST: asking for asylum; a reminder that someone must act
    ("Hundreds of families sought refuge in the neighbouring country last week.", "REQUEST"),
    ("The chancellor issued a stern reminder to the province that it must cooperate fully with the auditors.", "REQUEST"),
    ("The employers' federation is pressing for a cut in payroll taxes.", "REQUEST"),
    # RETREAT/access, SANCTION/withdraw, COERCE/censor, REJECT of a ban
    ("The junta allowed humanitarian convoys into the besieged province.", "RETREAT"),
    ("The agency withdrew its monitors from the northern region on Friday.", "SANCTION"),
    ("The ministry ordered the weekly magazine to suspend publication.", "COERCE"),
    ("A radio station in the capital defied a ban on reporting the trial.", "REJECT"),
    # SUPPORT: defending a decision in words; AID: evacuating the wounded; peacekeepers arriving
    ("The foreign minister defended the decision to reopen the consulate.", "SUPPORT"),
    ("Red Cross helicopters evacuated the wounded from the mountain village.", "AID"),
    ("The first peacekeeping troops arrived in the border region on Sunday.", "AID"),
    ("Forty UN observers were shipped out of the northern province on Friday.", "SANCTION"),
    ("The junta forced the UN children's agency out of the country.", "SANCTION"),
    # mobilising voters or funds is not a military mobilisation
    ("The charity mobilized donors to support the flood victims.", "SUPPORT"),
    # PROTEST: obstructing a road; a state stopping a rally is COERCE
    ("Angry taxi drivers blocked the main bridge into the city for three hours.", "PROTEST"),
    ("Police prevented a rally by opposition students outside the parliament.", "COERCE"),
])
def test_codebook_triggers_more(main_of, text, expected):
    assert main_of(text) == expected, text


@pytest.mark.parametrize("text, expected", [
    # a conditional hostile act is a threat (codebook: coercive warnings)
    ("The union may halt its mediation efforts if the talks collapse, its chairman said.", "THREATEN"),
    ("Ruritania announced that it will withdraw its peacekeeping force unless a truce is signed.", "THREATEN"),
    ("The rebels have sworn to fight until the capital falls.", "THREATEN"),
    # preparing to use force is a rise in readiness
    ("The artillery units prepared to resume shelling of the ridge.", "MOBILIZE"),
    # failing to reach a deal is no agreement
    ("The two delegations failed to reach an agreement on the border despite long talks.", "REJECT"),
    # a decision is the act decided, not an offer
    ("The electoral court decided to allow the exiled candidate to run in the election.", "CONCEDE"),
    # refusing to meet demands is a rejection
    ("The government said it would not meet the kidnappers' demands.", "REJECT"),
])
def test_intent_and_conditions(main_of, text, expected):
    assert main_of(text) == expected, text


def test_negated_apposition_is_not_an_event(pl_pipeline):
    res = pl_pipeline.process(Article(id="t", text="The minister said the unrest reflected old rivalries, not a fight over land.",
                                      language="en"))
    assert all(e.status == "negated" for e in res.events if e.plover_type == "ASSAULT")


def test_nominalised_participle_is_not_an_event(pl_pipeline):
    res = pl_pipeline.process(Article(id="t", text="Nurses cared for the wounded in a field tent.", language="en"))
    assert not any(e.plover_type == "ASSAULT" for e in res.events)


@pytest.mark.parametrize("text, expected", [
    # codebook verbs of each type, in invented sentences
    ("The premier vowed to release all political prisoners before the holidays.", "AGREE"),
    ("The navy test-fired a new cruise missile off the east coast.", "MOBILIZE"),
    ("A military court found the two colonels guilty of desertion.", "SANCTION"),
    ("The health minister stepped down on Friday amid the vaccine scandal.", "RETREAT"),
    ("The ruling party backed down over the new electoral map.", "CONCEDE"),
    ("Tax inspectors seized the property of the exiled businessman.", "COERCE"),
    ("The separatist administration cut off water to three villages in the valley.", "COERCE"),
    ("The creditor nations agreed to forgive the debt of the island state." , "AGREE"),
    ("Paris cancelled the debt of the two Sahel states.", "AID"),
    ("The assembly turned down the budget proposed by the governor.", "REJECT"),
    ("The Finnish president phoned his Estonian counterpart on Monday.", "CONSULT"),
    ("The bishops expressed solidarity with the striking miners.", "SUPPORT"),
    ("The senator deplored the closure of the rural clinics.", "ACCUSE"),
])
def test_codebook_vocabulary(main_of, text, expected):
    assert main_of(text) == expected, text


@pytest.mark.parametrize("text, expected", [
    # CAMEO2PLOVER: 1712 destroy property and 201 mass expulsion are ASSAULT, 196 violating a truce too
    ("Guerrillas blew up two electric power pylons near the capital last night.", "ASSAULT"),
    ("The army forced out more than 500 villagers from their homes during a search for rebels.", "ASSAULT"),
    ("Both militias are guilty of violating the truce agreement signed in May.", "ASSAULT"),
    # 0871 declaring a truce is RETREAT; agreeing to one is AGREE
    ("The rebel front declared a unilateral ceasefire on Wednesday after weeks of battles.", "RETREAT"),
    ("The two armies agreed to a ceasefire on Monday.", "AGREE"),
    # COERCE/cyber: attacks on websites
    ("Activists defaced nearly 300 government websites over the past month.", "COERCE"),
])
def test_cameo_mapped_types(main_of, text, expected):
    assert main_of(text) == expected, text


def test_uncoded_mention_takes_the_acled_code_of_the_event_it_names(pl_pipeline):
    res = pl_pipeline.process(Article(id="t", text="Rebels violated the truce by shelling the town, killing two civilians.",
                                      language="en"))
    coded = [e for e in res.events if e.acled_event_type]
    assert coded and coded[0].acled_event_type == "Explosions/Remote violence"


def test_awaited_event_is_not_told_as_happened(pl_pipeline):
    res = pl_pipeline.process(Article(id="t", text="The ministry said the checkpoints will remain until the governor steps down.",
                                      language="en"))
    ev = next(e for e in res.events if e.trigger.text == "steps")
    assert ev.status == "hypothetical"
