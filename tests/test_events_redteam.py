"""Events-stage rules for conflict-report patterns: follow-up mentions and denials of the event
told before, the military sense of "strike", revised and ordinal tolls, figurative attacks,
requested actions and the scope of a denial. Sentences are invented for these tests."""
from __future__ import annotations

import datetime as dt

import events_support
from conftest import _pipeline_for
from eventlens.model import Article

events = events_support.events   # the fixture


def kinds(evs, plover):
    return [e for e in evs if e.plover_type == plover]


def coded(text, id="redteam"):
    """The whole pipeline's result (for what the statement stage adds to events)."""
    return _pipeline_for(None).process(Article(id=id, text=text, published=dt.date(2025, 5, 10), language="en"))


# --- a later definite mention is the event told before ------------------------------------

def test_the_attack_in_a_reaction_is_the_event_told_before(events):
    evs = events("A drone hit an army depot near Mosul on Monday, officials said. A Western diplomat said "
                 "the attack was probably launched from Syria by Tehran-backed militias.")
    assert len(kinds(evs, "ASSAULT")) == 1


def test_the_blast_as_subject_of_a_verb_is_the_event_told_before(events):
    evs = events("A car bomb exploded outside a courthouse in Quetta on Tuesday, killing six people. "
                 "The blast shattered windows across the street.")
    assert len(kinds(evs, "ASSAULT")) == 1


def test_a_denial_of_the_violence_told_before_is_no_second_event(events):
    evs = events("A Russian drone hit a power station in Sumy on Monday, killing two workers. "
                 "Moscow denied attacking civilian sites.")
    assault = kinds(evs, "ASSAULT")
    assert len(assault) == 1 and assault[0].status == "occurred"


# --- "strike": military or labour -------------------------------------------------------------

def test_a_strike_someone_is_accused_of_is_military(events):
    evs = events("Lebanese television accused Israel of a strike near Tyre on Sunday.")
    assert not kinds(evs, "PROTEST")
    assert kinds(evs, "ASSAULT")


def test_the_strike_after_an_air_strike_is_military(events):
    evs = events("Jets silent on strike\n\nAn Israeli air strike hit a warehouse near Hama on Sunday. "
                 "A spokesman neither confirmed nor denied the strike.")
    assert not kinds(evs, "PROTEST")


def test_a_labour_strike_stays_a_protest(events):
    evs = events("Nurses went on strike in Lagos on Monday over unpaid wages. The health minister condemned the strike.")
    assert kinds(evs, "PROTEST")
    assert not kinds(evs, "ASSAULT")


# --- tolls ----------------------------------------------------------------------------------

def test_a_revised_toll_replaces_the_first_one(events):
    evs = events("A car bomb exploded in Mogadishu on Monday, killing 12 people. Officials first said five "
                 "people had been killed and eight wounded, but the health ministry later raised the toll to "
                 "12 dead and more than 20 wounded.")
    attack = kinds(evs, "ASSAULT")[0]
    assert (attack.fatalities, attack.injured) == (12, 20)


def test_an_ordinal_victim_is_part_of_the_total(events):
    evs = events("TIJUANA, May 3 - Seven people were killed in a shootout in Tijuana on Sunday. Police found "
                 "six bodies and two burned cars. A seventh victim died later in hospital.")
    attack = next(e for e in evs if e.plover_type == "ASSAULT" and e.fatalities)
    assert attack.fatalities == 7


# --- words that report no event ---------------------------------------------------------------

def test_an_attack_on_an_abstract_value_is_no_event(events):
    evs = events("Police detained two journalists in Harare on Monday. The editors' union said the "
                 "detentions were an attack on press freedom and assaulted the constitution.")
    assert not kinds(evs, "ASSAULT")


def test_what_a_request_asks_for_is_no_event(events):
    evs = events("The opposition called on the African Union to impose sanctions on the junta on Monday.")
    assert kinds(evs, "REQUEST")
    assert not kinds(evs, "SANCTION") and not kinds(evs, "THREATEN")


def test_unanswered_calls_are_no_consultation(events):
    evs = events("A spokesman for the ministry did not answer calls seeking comment.")
    assert not kinds(evs, "CONSULT")


def test_the_truce_told_again_is_the_agreement(events):
    evs = events("The government and the rebels signed a truce in Nairobi on Friday. Analysts said it is "
                 "unclear whether all rebel commanders will respect the truce.")
    # (PLOVER codes the signing SUPPORT; ACLED codes the agreement: one event either way)
    agreements = [e for e in evs if e.acled_sub_event_type == "Agreement" or e.plover_type == "AGREE"]
    assert len(agreements) == 1


# --- scope of a denial -------------------------------------------------------------------------

def test_a_clause_coordinated_with_a_denial_is_not_denied(events):
    evs = events("Police broke up a march in Kampala on Monday. A police spokesman denied that officers had "
                 "used live ammunition and said 40 people had been arrested.")
    arrests = [e for e in evs if e.trigger.text == "arrested"] or [
        e for e in evs if e.plover_type == "COERCE"]
    assert arrests and all(e.status != "denied" for e in arrests)


def test_an_open_question_reports_no_event(events):
    evs = events("Observers said it is unclear whether the militia will honour the ceasefire. "
                 "The minister did not say whether the suspects would be charged.")
    assert not kinds(evs, "AGREE") and not kinds(evs, "ACCUSE")


def test_a_demanded_release_is_no_concession(events):
    evs = events("The families demanded the release of the detained fishermen.")
    assert not kinds(evs, "AGREE") and not kinds(evs, "RETREAT")


# --- roles and headlines -----------------------------------------------------------------------

def test_a_side_is_not_both_actor_and_target():
    from types import SimpleNamespace

    from eventlens.pipeline.event_roles import separate_sides
    e = SimpleNamespace(actors=["kb:a-military", "kb:b-military"], targets=["kb:a-military"], notes=[])
    separate_sides([e])
    assert (e.actors, e.targets) == (["kb:a-military"], ["kb:b-military"])
    both = SimpleNamespace(actors=["kb:x-unidentified-armed-group"], targets=["kb:x-unidentified-armed-group"], notes=[])
    separate_sides([both])
    assert both.actors == both.targets == ["kb:x-unidentified-armed-group"]


def test_a_headline_event_joins_the_lead_event(events):
    evs = events("Police fire tear gas at protest\n\nHundreds of traders marched through Kisumu on Tuesday "
                 "to protest against new market fees, and police fired tear gas to disperse them.")
    assert len(kinds(evs, "PROTEST")) == 1


def test_a_rescue_search_is_no_coercion(events):
    evs = events("Rescuers were still searching for survivors under the rubble on Tuesday.")
    assert not kinds(evs, "COERCE")


def test_withdrawing_from_positions_is_no_sanction(events):
    evs = events("Under the accord, the rebels will withdraw from positions around the airport.")
    assert not kinds(evs, "SANCTION") and not kinds(evs, "THREATEN")


def test_a_suicide_bomber_blowing_himself_up_is_a_suicide_bombing(events):
    evs = events("A suicide bomber blew himself up at a bus station in Peshawar on Monday.")
    attack = kinds(evs, "ASSAULT")
    assert attack and attack[0].acled_sub_event_type == "Suicide bomb"


def test_a_claimants_account_is_the_event_told_before(events):
    evs = events("A suicide bomber blew himself up at a bus station in Peshawar on Monday. The group said in "
                 "a statement that one of its fighters had detonated an explosive belt among soldiers.")
    assert len(kinds(evs, "ASSAULT")) == 1


def test_taking_over_the_streets_is_no_protest(events):
    assert not kinds(events("The mayor said gangs would not be allowed to take over the streets."), "PROTEST")
    assert kinds(events("Thousands of farmers took to the streets of Lima on Monday."), "PROTEST")


def test_a_possible_boycott_of_a_dated_vote_is_hypothetical(events):
    evs = events("The opposition leader said he may boycott the March elections.")
    protests = kinds(evs, "PROTEST")
    assert protests and all(e.status == "hypothetical" for e in protests)


def test_a_hedge_covers_only_its_own_clause(events):
    evs = events("The governor condemned the shooting and said the gunmen had allegedly received money from abroad.")
    assert kinds(evs, "ACCUSE") and all(e.status != "alleged" for e in kinds(evs, "ACCUSE"))
    assert any(e.status == "alleged" for e in events("Police allegedly shot a protester in Mombasa on Monday."))


def test_violence_by_protesters_in_a_when_clause_is_not_background(events):
    evs = events("The march on Monday began calmly but turned violent when demonstrators threw rocks at police.")
    assert all(e.status != "historical" for e in evs)


def test_a_weapon_opening_a_dateline_report_codes_the_strike(events):
    evs = events("KABUL, May 9 - Rockets hit the airport on Friday, police said.")
    attack = kinds(evs, "ASSAULT")
    assert attack and attack[0].acled_sub_event_type == "Shelling/artillery/missile attack"


def test_denying_a_role_in_an_attack_does_not_deny_the_attack():
    r = coded("A drone attack hit the airport on Sunday. The militia denied any role in the drone attack.")
    attack = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert attack.status == "occurred"
    assert attack.denied_by   # the militia denies its part in it


def test_what_comes_ahead_of_is_still_to_come():
    r = coded("The envoy flew to Cairo ahead of the talks between the two sides.")
    talks = [e for e in r.events if e.trigger is not None and e.trigger.text == "talks"]
    assert talks and all(e.status == "future" for e in talks)


def test_whoever_does_it_in_the_present_is_no_event_but_a_past_one_is():
    r = coded('The commander said: "Whoever accuses us must present evidence."', id="who1")
    assert all(e.status != "occurred" for e in r.events if e.plover_type == "ACCUSE")
    r = coded("Whoever attacked the convoy will be punished, the governor said.", id="who2")
    assert any(e.plover_type == "ASSAULT" and e.status == "occurred" for e in r.events)
