"""Who claimed, who is accused and who denied an event, from the statements about it
(statement_events._attribute_responsibility), on invented reports."""
from __future__ import annotations

from conftest import _pipeline_for

from eventlens.model import Article


def process(text):
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    names = {a.id: a.name for a in result.actors}
    return result, names


def main_event(result):
    return next(e for e in result.events if e.plover_type == "ASSAULT")


def test_telling_of_ones_own_attack_claims_it():
    text = ("Gunmen attacked a military base in Djibo on Sunday. JNIM said it had killed more than 100 "
            "soldiers in the attack.")
    result, names = process(text)
    assert [names[a] for a in main_event(result).claimed_by] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    text = ("A car bomb exploded at a market in Mogadishu on Sunday. The Islamic State group said its "
            "fighters had carried out the attack.")
    result, names = process(text)
    assert [names[a] for a in main_event(result).claimed_by] == ["Islamic State"]


def test_two_claimants_leave_the_doer_open():
    text = ("A car bomb exploded at a market in Mogadishu on Sunday. Al-Shabaab claimed responsibility "
            "for the attack. The Islamic State group also said its fighters had carried out the attack.")
    result, names = process(text)
    e = main_event(result)
    assert len(e.claimed_by) == 2 and e.actors == []


def test_rejecting_an_accusation_by_unnamed_officials_denies_the_event():
    text = ("A roadside bomb killed four soldiers near Baidoa on Monday. Officials accused al-Shabaab of "
            "carrying out the attack. The group rejected the accusations.")
    result, names = process(text)
    e = main_event(result)
    assert [names[a] for a in e.accused] == ["Al-Shabaab"] and [names[a] for a in e.denied_by] == ["Al-Shabaab"]


def test_the_accuser_is_never_among_the_accused():
    text = ("A bomb exploded in a market in Taiz on Friday, killing five people. The governor, Nabil "
            "al-Saqqaf, accused the Houthis of standing behind the explosion.")
    result, names = process(text)
    assert [names[a] for a in main_event(result).accused] == ["Ansar Allah"]


def test_denying_what_a_strike_was_is_no_denial_of_the_strike():
    text = ("An Israeli strike hit a building in Tyre on Sunday. An army spokesman, Avi Levy, denied that "
            "the strike targeted civilians.")
    result, _ = process(text)
    assert main_event(result).denied_by == []
    text = ("An Israeli strike hit a building in Tyre on Sunday. Hezbollah denied that its fighters were "
            "in the building.")
    result, _ = process(text)
    assert main_event(result).denied_by == []


def test_a_second_act_of_a_denier_is_the_deniers_not_the_strikes():
    text = ('An Israeli strike hit Tyre on Sunday. The army spokesman, Avi Levy, denied that the strike '
            'targeted civilians, and said in a post: "The army acts only against terrorist targets."')
    result, names = process(text)
    said = next(s for s in result.statements if s.cue and s.cue.text == "said")
    assert names.get(said.speaker) == "Avi Levy"


def test_a_later_word_of_the_clause_is_not_the_act_claimed():
    text = ("An airstrike hit a market in Idlib on Monday, killing nine people. The Russian military said its "
            "aircraft had struck positions that were preparing attacks on government forces.")
    result, _ = process(text)
    assert all(not e.claimed_by for e in result.events if e.status in ("future", "hypothetical", "historical"))
    assert not any(e.claimed_by for e in result.events if e.trigger and e.trigger.text == "attacks")


def test_it_never_stands_for_civilians_and_a_second_it_goes_on_with_the_first():
    text = ("A suicide bomber killed nine policemen and two civilians in Bannu on Tuesday. In a statement, it "
            "claimed that its fighters carried out the attack, and it denied the claim of the rival faction.")
    result, names = process(text)
    denied = [s for s in result.statements if s.cue and s.cue.text == "denied"]
    assert denied and all("Civilians" not in names.get(s.speaker, "") for s in denied)
    assert all("Civilians" not in names.get(a, "") for e in result.events for a in e.denied_by)


def test_executing_an_attack_is_no_attack_of_its_own():
    text = "A bomb killed five people at a market on Monday. The group said its fighters executed the attack."
    result, _ = process(text)
    assert not [e for e in result.events if e.trigger and e.trigger.text == "executed"]


def test_disputing_a_rival_claim_is_a_claim_not_a_denial():
    text = ("A suicide bomber killed eight policemen in Bannu on Tuesday. Tehreek-e-Taliban Pakistan claimed "
            "responsibility. Jamaat-ul-Ahrar said its fighters carried out the attack, and it denied the claim of "
            "the TTP.")
    result, names = process(text)
    e = main_event(result)
    assert e.denied_by == []
    assert {names[a] for a in e.claimed_by} == {"Tehrik-i-Taliban Pakistan", "Jamaat-ul-Ahrar"}
    assert next(a for a in result.actors if a.name == "Jamaat-ul-Ahrar").kind == "organization"


def test_whom_the_speakers_description_names_is_not_accused():
    text = ("Gunmen stormed a hotel in Mogadishu on Friday, killing 19 people. A Somali intelligence official "
            "said al-Shabaab fighters were behind the attack.")
    result, names = process(text)
    assert [names[a] for a in main_event(result).accused] == ["Al-Shabaab"]


def test_rejecting_that_claim_answers_the_claim_just_told():
    text = ("Gunmen stormed a hotel in Mogadishu on Friday, killing 19 people. The Islamic State group said its "
            "fighters had carried out the attack. Al-Shabaab rejected that claim.")
    result, names = process(text)
    rejected = next(s for s in result.statements if s.cue and s.cue.text == "rejected")
    assert names.get(rejected.target) == "Islamic State"


def test_a_country_naming_a_groups_province_is_not_held_responsible():
    text = ("Gunmen stormed a hotel in Mogadishu on Friday, killing 19 people. The Islamic State group's news "
            "agency published a claim saying fighters of its Somalia province were behind the attack.")
    result, names = process(text)
    assert "Somalia" not in [names[a] for a in main_event(result).accused]


def test_a_phrase_naming_the_side_after_the_event_accuses_it():
    text = ("A car bomb killed nine people at a bus station in Kismayo on Tuesday. The attack bore the "
            "hallmarks of al-Shabaab, which has struck the town before.")
    result, names = process(text)
    assert [names[a] for a in main_event(result).accused] == ["Al-Shabaab"]
    text = ("A car bomb killed nine people at a bus station in Kismayo on Tuesday. The blast was carried "
            "out by al-Shabaab, a regional official said.")
    result, names = process(text)
    e = main_event(result)
    assert [names[a] for a in e.accused] == ["Al-Shabaab"]
    # inside what the official said, the statement is the evidence
    statement = next(s for s in result.statements if "carried out" in s.content.text)
    assert [a.statement for a in e.attributions if a.relation == "accused"] == [statement.id]


def test_a_negated_or_claimed_object_phrase_is_no_accusation():
    text = ("A car bomb killed nine people at a bus station in Kismayo on Tuesday. The attack was not "
            "carried out by al-Shabaab, the police said.")
    result, _ = process(text)
    assert main_event(result).accused == []
    text = ("A car bomb killed nine people at a bus station in Kismayo on Tuesday. The bombing was claimed "
            "by al-Shabaab.")
    result, names = process(text)
    e = main_event(result)
    assert [names[a] for a in e.claimed_by] == ["Al-Shabaab"] and e.accused == []
