"""Events-stage precision on statements and conflict wire copy (red-team 3): words inside speech
or non-events that are no event (a diplomatic note of protest, regaining strength, pressure to
retaliate, a question, a quoted order, a surrender that only describes someone, a film that
"closes" with footage), the victims of "martyred", the date of a statement event and one event
for one attack. Sentences are invented for these tests."""
from __future__ import annotations

import datetime as dt

from conftest import _pipeline_for
from eventlens.model import Article

PUBLISHED = dt.date(2025, 5, 10)


def coded(text, id="redteam3"):
    return _pipeline_for(None).process(Article(id=id, text=text, published=PUBLISHED, language="en"))


def kinds(result, plover, statuses=None):
    return [e for e in result.events if e.plover_type == plover and (statuses is None or e.status in statuses)]


REAL = ("occurred", "attempted", "alleged")


# --- words inside speech, and non-events ---------------------------------------------------------

def test_a_letter_of_protest_is_no_demonstration():
    r = coded("The foreign ministry said it would hand the envoy a letter of protest over the shelling of the border post.")
    assert not kinds(r, "PROTEST")
    assert not any(e.acled_event_type == "Protests" for e in r.events)


def test_regaining_strength_is_no_territory_taken():
    r = coded("Experts say the militia is thought to have regained momentum in the southern districts.")
    assert not any(e.acled_sub_event_type and "territory" in e.acled_sub_event_type for e in r.events)
    assert not kinds(r, "ASSAULT")


def test_regaining_control_of_districts_is_still_territory():
    r = coded("Government troops regained control of two districts in the east on Sunday.")
    assert any(e.acled_sub_event_type == "Government regains territory" for e in r.events)


def test_pressure_to_retaliate_is_no_clash():
    r = coded('Gunmen shot dead six farmers near Kandi on Monday. "Kyiv will feel pressure to retaliate," '
              'said a researcher at a think tank.')
    assert not [e for e in r.events if e.trigger and e.trigger.text == "retaliate"]
    assert len(kinds(r, "ASSAULT")) == 1


def test_a_yes_no_question_tells_no_event():
    r = coded("Q: Did the militia burn the camp? A: No, the militia did not burn any camp, the commander said.")
    assert not kinds(r, "ASSAULT", REAL)


def test_a_quoted_order_is_no_event():
    r = coded('"The officer shouted at us: \u2018Burn the huts of the deserters,\u2019" recalled a former recruit '
              'of the militia.')
    assert not kinds(r, "ASSAULT", REAL)


def test_an_order_told_as_carried_out_stays_an_event():
    r = coded("Soldiers torched the huts of suspected deserters in Kiwanja on Sunday, residents said.")
    assert kinds(r, "ASSAULT", REAL)


# --- a surrender that only describes someone ------------------------------------------------------

def test_surrender_in_the_circumstances_of_an_accused_killing_is_no_event():
    r = coded("Soldiers killed a bandit leader in Zamfara on Tuesday. His lawyer accused the soldiers of "
              "shooting him after he had surrendered.")
    assert not kinds(r, "RETREAT")
    accuse = next(s for s in r.statements if s.cue and s.cue.text == "accused")
    attack = kinds(r, "ASSAULT")[0]
    assert accuse.event == attack.id


def test_surrender_in_a_clause_about_the_speaker_is_no_event():
    r = coded('"We were ordered to loot the shops," said a former militiaman of the group, who surrendered '
              'in Goma last month.')
    assert not kinds(r, "RETREAT")


def test_a_commander_surrendering_is_still_an_event():
    r = coded("A militia commander surrendered to the army in Bunia on Monday with 12 of his fighters.")
    assert kinds(r, "RETREAT")


# --- "close" -----------------------------------------------------------------------------------

def test_a_film_that_closes_with_footage_is_no_protest():
    r = coded("The campaign film closes with images of the governor saying that the farmers deserve justice.")
    assert not kinds(r, "PROTEST")


def test_shops_closed_in_protest_stay_a_protest():
    r = coded("Traders closed their shops in Kano on Monday to protest against a new market levy.")
    assert kinds(r, "PROTEST")


# --- victims -------------------------------------------------------------------------------------

def test_martyred_policemen_are_police_victims():
    r = coded("Four policemen were martyred when gunmen stormed a checkpoint near Zahedan on Sunday.")
    attack = kinds(r, "ASSAULT")[0]
    assert not any("civilians" in t for t in attack.targets)
    assert any("police" in t for t in attack.targets)
    assert attack.fatalities == 4


# --- dates and duplicates -------------------------------------------------------------------------

def test_an_accusation_is_not_dated_by_the_attack_told_before():
    r = coded("Gunmen burned a police station in Kenscoff on Tuesday. The opposition accused the government "
              "of abandoning the town.")
    accuse = kinds(r, "ACCUSE")[0]
    attack = kinds(r, "ASSAULT")[0]
    assert attack.date == dt.date(2025, 5, 6)
    assert accuse.date != attack.date


def test_killed_in_an_attack_over_a_night_is_one_event():
    r = coded("Ituri: at least 12 villagers killed in an attack blamed on CODECO in Djugu territory\n\n"
              "Bunia - At least twelve villagers were killed during the night of Tuesday to Wednesday in the "
              "village of Fataki, in the Djugu territory, in an attack attributed to CODECO militiamen, "
              "according to local sources.")
    attacks = kinds(r, "ASSAULT")
    assert len(attacks) == 1
    assert attacks[0].date == dt.date(2025, 5, 6)


def test_an_attack_claimed_on_a_later_day_is_the_attack_told_with_its_own_day():
    r = coded("The group claimed on Friday an attack on an army post in Macomia. It said its fighters "
              "attacked the post in Macomia on Thursday and seized weapons.")
    attacks = kinds(r, "ASSAULT")
    assert len(attacks) == 1
    assert attacks[0].date == dt.date(2025, 5, 8)


# --- no comment ------------------------------------------------------------------------------------

def test_declining_to_comment_is_no_rejection_event():
    r = coded("Gunmen killed four soldiers near Mocimboa on Friday. A spokesman for the Tanzanian army declined to comment.")
    assert not kinds(r, "REJECT")


def test_declining_to_step_down_is_still_a_rejection():
    r = coded("The provincial governor declined to step down despite weeks of protests.")
    assert kinds(r, "REJECT")


# --- goods taken are looting, not territory ---------------------------------------------------------

def test_goods_seized_in_a_village_are_looting_not_territory():
    r = coded("Suspected jihadists seized goats and cash from herders in a village near Djibo on Sunday.")
    assert any(e.acled_sub_event_type == "Looting/property destruction" for e in r.events)
    assert not any(e.acled_sub_event_type and "territory" in e.acled_sub_event_type for e in r.events)


def test_goods_taken_in_a_killing_stay_part_of_the_attack():
    r = coded("Gunmen killed a trader near Kaya on Sunday and stole his motorbike and cash.")
    assert any(e.acled_sub_event_type == "Attack" for e in r.events)
    assert not any(e.acled_sub_event_type == "Looting/property destruction" for e in r.events)


# --- a forecast ------------------------------------------------------------------------------------------

def test_a_forecast_of_attacks_is_no_attack_that_occurred():
    r = coded("Researchers said the rebels are likely to step up raids on border villages before the elections.")
    assert not kinds(r, "ASSAULT", REAL)
    assert not kinds(r, "THREATEN")
