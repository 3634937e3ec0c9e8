"""ACLED coding rules added for the dev-set error analysis: dates parsed as subjects, crowds
and armed groups on each side of a clash, violence during a demonstration, background
clauses and symbolic burning. Sentences are invented for these tests."""
from __future__ import annotations

import pytest

from eventlens.pipeline.events import EventsStage
from events_support import parse, sub  # noqa: F401 (parse is a fixture)


@pytest.mark.parametrize("text,expected", [
    # "On 3 May 2022, X attacked": the date is not the attacker
    ("On 3 May 2022, rioters attacked a shopkeeper in the old market of the town.", "Mob violence"),
    # an active clause parsed as a reduced relative ("a group of people tortured ...")
    ("On 9 April 2022, a group of people tortured and killed two men accused of theft near the river.", "Mob violence"),
    # crowds on both sides of a clash, and a crowd fighting the police
    ("At least five people were injured in a clash between supporters of two rival parties in the town.", "Mob violence"),
    ("Students fought with police near the university gate.", "Mob violence"),
    # members of an armed group: as targets they make the fight a clash, with guns they are armed
    ("Gunmen shot and killed a member of a drug trafficking gang in the town.", "Armed clash"),
    ("Four members of the group opened fire on police officers at a checkpoint.", "Armed clash"),
    ("Two members of the group exchanged fire with soldiers near the bridge.", "Armed clash"),
])
def test_sides_of_violence(parse, text, expected):
    assert sub(parse, text) == expected, text


@pytest.mark.parametrize("text,expected", [
    # demonstrators' own violence makes the demonstration a riot
    ("Residents blocked the highway by setting tyres on fire to demand a regular water supply.", "Violent demonstration"),
    ("Farmers burned tyres during a demonstration outside the council office.", "Violent demonstration"),
    ("Locals demonstrated and blocked the road by erecting barricades near the landfill.", "Violent demonstration"),
    # burning an effigy is the protest's message
    ("Party members burned an effigy of the minister during a protest in the city centre.", "Peaceful protest"),
    # violence the protest is about, or arrests told as background, stay apart
    ("Dozens of residents protested outside the court to demand justice after a man was shot dead by unknown attackers.",
     "Peaceful protest"),
    ("Activists rallied outside the prison to demand the release of workers who were arrested by the police.",
     "Peaceful protest"),
    # torches carried in a march are not arson
    ("About 200 people marched with torches through the town to denounce the curfew.", "Peaceful protest"),
])
def test_violence_during_demonstrations(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_colon_in_the_text_keeps_the_code(parse):
    assert sub(parse, "Gunmen attacked a bus near the town: two passengers were wounded.") == "Attack"


@pytest.mark.parametrize("text,expected", [
    # the attacked side fought back: both sides fought
    ("Soldiers repelled an attack by militants on an army post near the border.", "Armed clash"),
    ("Gunmen attacked a police station in the town and officers returned fire.", "Armed clash"),
    # launched grenades are shelling; thrown ones are grenades
    ("Rebels fired mortars and grenade launchers at army positions near the village.", "Shelling/artillery/missile attack"),
    ("Unknown men threw a grenade into a bar in the town centre.", "Grenade"),
    # many counted explosions with no device named are fire from a distance
    ("Monitors recorded a total of 14 explosions near the village.", "Shelling/artillery/missile attack"),
    ("Two explosions occurred near the police station.", "Remote explosive/landmine/IED"),
    # an organisation the KB does not know, named as a force, is armed
    ("Fighters of the Northern Hills Defense Force ambushed a police patrol near the river.", "Armed clash"),
    # stones make an attacker a crowd; a mob burning property is mob violence
    ("Unknown people threw stones and bottles at a candidate during a campaign visit.", "Mob violence"),
    ("A mob set fire to the office of the electricity company in the town.", "Mob violence"),
])
def test_fighting_weapons_and_attackers(parse, text, expected):
    assert sub(parse, text) == expected, text


@pytest.mark.parametrize("text,expected", [
    ("Students staged a flash mob in the main square to condemn violence against women.", "Peaceful protest"),
    ("About 300 people formed a human chain along the river in the city.", "Peaceful protest"),
    # a gathering whose demands are told in the next sentence
    ("Farmers gathered outside the ministry in the capital. They called for higher milk prices.", "Peaceful protest"),
    # a crowd voicing demands in a place is demonstrating
    ("Dozens of supporters of the jailed journalist demanded his release in the city centre.", "Peaceful protest"),
    # police force used on the protesters
    ("Students staged a protest in the city. Police used force and cane-charged the students.",
     "Protest with intervention"),
])
def test_demonstrations_found(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_organisations_demanding_make_a_statement_not_a_protest(parse):
    doc = parse("Opposition groups demanded that the president abandon the new land policy.")
    EventsStage()(doc)
    assert all(e.plover_type != "PROTEST" for e in doc._.events)


def test_lead_sentence_event_outranks_background_violence(parse):
    text = ("Supporters of a murdered politician held a memorial rally in front of the party offices in the city. "
            "His murder remains unresolved.")
    assert sub(parse, text) == "Peaceful protest"


@pytest.mark.parametrize("text,expected", [
    # a takeover with no fighting reported is a non-violent transfer
    ("Rebels took control of several villages along the river. Clashes were not reported.",
     "Non-violent transfer of territory"),
    # fighting followed by the takeover it won is one territorial event
    ("Rebels clashed with soldiers near the town. The rebels captured the town shortly after.",
     "Non-state actor overtakes territory"),
    # live fire on demonstrators is excessive force
    ("Residents demonstrated in the town against the new tax. Soldiers fired live bullets to disperse the crowd.",
     "Excessive force against protesters"),
    # a demonstration on an anniversary happens now
    ("Residents demonstrated in the village against the anniversary of the annexation.", "Peaceful protest"),
])
def test_territory_and_force(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_clashes_not_reported_are_negated(parse):
    doc = parse("Militants entered the village on Monday. No clashes were reported.")
    EventsStage()(doc)
    clash = [e for e in doc._.events if e.trigger.text.lower() == "clashes"]
    assert clash and clash[0].status == "negated"


def test_artillery_in_a_battle_is_part_of_the_armed_clash(parse):
    text = ("Fighting broke out between soldiers and rebels near the village on Monday. "
            "During the fighting, the army fired artillery at rebel positions.")
    assert sub(parse, text) == "Armed clash"


def test_device_during_an_operation_stays_a_device(parse):
    text = "A roadside bomb planted by unknown men exploded and wounded a soldier during a combat operation."
    assert sub(parse, text) == "Remote explosive/landmine/IED"


def test_off_duty_security_personnel_are_civilians(parse):
    assert sub(parse, "Gunmen shot and killed an off-duty police officer near his home in the town.") == "Attack"


def test_firing_shots_at_a_vehicle_is_not_fighting_back(parse):
    assert sub(parse, "Militants fired gunshots at a bus near the town, killing three passengers.") == "Attack"


def test_burning_effigies_keeps_a_protest_peaceful(parse):
    assert sub(parse, "Party members staged protests and burned effigies of the governor in the city.") == "Peaceful protest"


def test_demand_as_purpose_of_a_collective_action_is_a_demonstration(parse):
    text = "About 100 parents occupied the school building to demand new teachers for their children."
    assert sub(parse, text) == "Peaceful protest"


def test_statement_purpose_is_not_a_demonstration(parse):
    doc = parse("The ministers met on Monday to demand an end to the blockade.")
    EventsStage()(doc)
    assert all(e.plover_type != "PROTEST" for e in doc._.events)


def test_plural_shootouts_are_armed_clashes(parse):
    assert sub(parse, "Shoot-outs between unknown shooters took place in two neighbourhoods of the city.") == "Armed clash"


def test_mob_attack_is_mob_violence(parse):
    assert sub(parse, "Residents carried out a mob attack on a suspected thief in the market.") == "Mob violence"


def test_injured_officer_does_not_turn_a_crowd_fight_into_an_armed_clash(parse):
    text = ("At least five people were injured in a clash between supporters of two parties in the town. "
            "One police officer was also injured in the clash.")
    assert sub(parse, text) == "Mob violence"


def test_demonstrating_by_vandalising_is_a_violent_demonstration(parse):
    text = "About 80 students demonstrated by vandalizing the gate of the college in the city."
    assert sub(parse, text) == "Violent demonstration"


@pytest.mark.parametrize("text,expected", [
    # former members of a force or armed group are civilians (ACLED)
    ("Unknown gunmen shot dead a former rebel commander outside his house in the village.", "Attack"),
    # a title with "former" does not make the attack background
    ("Gunmen attacked the house of a former mayor in the town and killed his driver.", "Attack"),
    # a crowd obstructing a road is a demonstration even when no demand is told
    ("Angry taxi drivers blocked the main bridge into the city for three hours.", "Peaceful protest"),
    # the authorities preventing a rally: the rally is still the ACLED event
    ("Police prevented a rally by opposition students outside the parliament and detained four of them.",
     "Protest with intervention"),
])
def test_participants_and_obstruction(parse, text, expected):
    assert sub(parse, text) == expected, text


def test_coded_statement_verbs_do_not_become_acled_events(parse):
    doc = parse("The ministry ordered the weekly magazine to suspend publication after it defied a ban on the report.")
    EventsStage()(doc)
    assert all(e.acled_event_type is None for e in doc._.events)
    assert {e.plover_type for e in doc._.events} >= {"COERCE"}


def test_date_parsed_as_victim_is_not_a_toll(parse):
    # "Around 22 January 2022 ... was killed": the parser may make the date the passive subject
    doc = parse("Around 22 January 2022 (as reported), in Santa Lucia municipality, Oaxaca, the director of the water "
                "board was killed.")
    EventsStage()(doc)
    ev = next(e for e in doc._.events if e.acled_event_type)
    assert ev.fatalities == 1
