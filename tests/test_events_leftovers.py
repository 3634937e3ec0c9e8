"""Leftovers of the red-team pass on conflict reports, events side: a signed agreement is one
event, pluperfect clauses of a report, unclaimed air strikes, dateline dates, headline
countries, victims shot at a checkpoint. Sentences are invented for these tests."""
from __future__ import annotations

import datetime as dt

from conftest import _pipeline_for
from eventlens.model import Article


def coded(text, published=dt.date(2025, 5, 10)):
    return _pipeline_for(None).process(Article(id="leftovers", text=text, published=published, language="en"))


def names(result, ids):
    by_id = {a.id: a for a in result.actors}
    return [by_id[i].name for i in ids if i in by_id]


def place_of(result, event):
    return next((p for p in result.places if p.id == event.place), None)


# 1. "signed a peace agreement": one event, with both signatories

def test_a_signed_agreement_is_one_agreement_event_with_its_signatories():
    r = coded("Deal in Juba\n\nThe government and the rebels signed a peace agreement in Juba on "
              "Thursday, mediators said.")
    agreements = [e for e in r.events if e.acled_sub_event_type == "Agreement"]
    assert len(agreements) == 1
    deal = agreements[0]
    # PLOVER codes signing an agreement SUPPORT ("ratify, sign, or finalize an agreement")
    assert deal.plover_type == "SUPPORT"
    assert len(deal.actors) == 2


def test_a_headline_deal_signed_joins_the_signing_in_the_lead():
    r = coded("Truce signed\n\nThe army and the militia signed a ceasefire agreement in Bangui on Thursday, "
              "officials said.")
    assert len([e for e in r.events if e.acled_sub_event_type == "Agreement"]) == 1


# 2. pluperfect in the clause of a report: part of the current event

def test_a_pluperfect_coordinated_with_a_reported_clause_is_not_background():
    r = coded("Police confirmed the raid on the school on Friday but said only 20 pupils had been abducted "
              "and that tactical units had been deployed to the forest near the school.")
    deployed = [e for e in r.events if e.trigger.text == "deployed"]
    assert deployed and all(e.status != "historical" for e in deployed)


def test_a_pluperfect_told_on_its_own_is_still_background():
    r = coded("Soldiers clashed with militants near the border on Friday. The militants had attacked the "
              "same post in 2019, killing four guards.")
    old = [e for e in r.events if e.trigger.text == "attacked"]
    assert old and old[0].status == "historical"


# 3. air strikes with no attacker named

def test_unclaimed_airstrikes_have_no_actor_of_the_host_state():
    r = coded("Strikes near Hama\n\nAirstrikes hit a weapons depot near Hama on Thursday, killing five "
              "people, a war monitor said.")
    strike = next(e for e in r.events if e.acled_sub_event_type == "Air/drone strike")
    assert "Military Forces of Syria" not in names(r, strike.actors)


def test_airstrikes_the_countrys_army_reports_are_its_military():
    r = coded("Airstrikes hit rebel positions near Hama on Thursday, killing 14 fighters, the army said.")
    strike = next(e for e in r.events if e.acled_sub_event_type == "Air/drone strike")
    assert "Military Forces of Syria" in names(r, strike.actors)


# 4. the dateline dates the report; the sentence's own day dates the event

def test_a_weekday_in_the_dateline_sentence_beats_the_dateline_date():
    r = coded("Gunmen raid village\n\nKADUNA, May 9 - Gunmen killed six farmers in a village in Kaduna "
              "state late on Wednesday, police said on the phone.")
    killing = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert killing.date == dt.date(2025, 5, 7)


def test_weekdays_count_from_the_dateline_day():
    # published a week after it was filed: Thursday is the one before the dateline's Monday
    r = coded("Fighting\n\nEL FASHER, March 3 - Fighters attacked a camp for displaced people in North "
              "Darfur on Thursday, killing nine people, aid workers said.", published=dt.date(2025, 3, 10))
    attack = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert attack.date == dt.date(2025, 2, 27)


def test_the_dateline_date_alone_still_dates_the_event():
    r = coded("Blast\n\nKABUL, May 9 - A bomb exploded near a mosque in the west of the city, killing four "
              "worshippers, police said.")
    blast = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert blast.date == dt.date(2025, 5, 9)


# 5. a country speaking in a headline is not where the event happened

def test_a_country_that_speaks_in_the_headline_is_not_the_place():
    r = coded("Turkey silent on strike\n\nDAMASCUS, May 9 - An airstrike hit a fuel depot near Raqqa on "
              "Thursday, Syrian state media said.")
    for e in r.events:
        if e.plover_type == "ASSAULT":
            assert place_of(r, e) is None or place_of(r, e).country != "TUR"


def test_a_country_struck_in_the_headline_stays_the_place():
    r = coded("Jets strike Yemen\n\nWarplanes hit a fuel depot on Thursday, officials said.")
    strike = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert place_of(r, strike) is not None and place_of(r, strike).country == "YEM"


# 6. civilians shot at a checkpoint: violence against civilians

def test_traders_shot_at_a_checkpoint_are_attacked_civilians():
    r = coded("Gunmen shot dead four traders at a checkpoint in Zamfara state on Friday, police said.")
    shooting = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert shooting.acled_event_type == "Violence against civilians"
    assert shooting.fatalities == 4


def test_fire_at_a_checkpoint_with_no_victims_named_is_still_on_the_post():
    r = coded("Militants fired at an army checkpoint in Borno state on Friday, killing two soldiers, the "
              "army said.")
    shooting = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert shooting.acled_event_type == "Battles"


def test_the_dateline_day_is_no_count_of_victims():
    r = coded("Gunmen kill traders\n\nGUSAU, May 9 - Gunmen shot dead four traders near a market in Zamfara "
              "state on Friday, police said.")
    shooting = next(e for e in r.events if e.plover_type == "ASSAULT")
    assert shooting.fatalities == 4
