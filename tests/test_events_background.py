"""Background events, re-mentions and the scope of weapon cues: protests an accusation is about
stay background and are one event, an accused shooting keeps its own weapon, re-mentions of an
event (by a demonstrative subject, a plural demonstrative or an answered-event noun) join it,
damage done by an attack is part of the attack. Sentences are invented for these tests."""
from __future__ import annotations


import pytest

from eventlens.pipeline.events import EventsStage

from events_support import PUBLISHED, events  # noqa: F401 (events is a fixture)



def of_type(evs, plover):
    return [e for e in evs if e.plover_type == plover]


def coded(pipeline_for, text: str):
    """The whole pipeline's Result for an invented article."""
    from eventlens.model import Article
    return pipeline_for(None).process(Article(id="t", text=text, published=PUBLISHED, language="en"))


# --- weapon cues come from the event's own clause ---------------------------------------------

ACCUSED_SHOOTING = ("The militia leaders accused the minister of being involved in shooting demonstrators "
                    "in the capital, who gathered to protest against the results, especially since the "
                    "drones were launched from the place where these elements demonstrated.")


def test_accused_shooting_keeps_its_own_weapon(events):
    shooting = next(e for e in events(ACCUSED_SHOOTING) if e.trigger.text == "shooting")
    assert shooting.status == "alleged"
    assert shooting.plover_mode == "firearms"
    assert shooting.acled_sub_event_type != "Air/drone strike"


def test_weapon_in_the_event_phrase_is_found(events):
    text = "The ministry condemned the attack carried out by drones on the governor's residence."
    attack = next(e for e in events(text) if e.plover_type == "ASSAULT")
    assert attack.acled_sub_event_type == "Air/drone strike"


def test_weapon_of_an_earlier_event_in_the_sentence_is_not_borrowed(events):
    text = "Rockets hit the base on Wednesday. The attack came a week after a drone struck near the same base."
    evs = of_type(events(text), "ASSAULT")
    now = [e for e in evs if e.status == "occurred"]
    assert len(now) == 1 and now[0].acled_sub_event_type == "Shelling/artillery/missile attack"
    assert [e.trigger.text for e in evs if e.status == "historical"] == ["struck"]


# --- background protests and re-mentions -----------------------------------------------------

def test_protest_an_accusation_is_about_is_one_background_event(events):
    protests = of_type(events(ACCUSED_SHOOTING), "PROTEST")
    assert len(protests) == 1
    assert protests[0].status == "historical"
    assert len(protests[0].evidence) == 1


def test_verb_with_demonstrative_subject_joins_the_event_told_before(events):
    text = ("Hundreds of students marched to the ministry on Monday. "
            "The police later closed the square where these students demonstrated.")
    protests = of_type(events(text), "PROTEST")
    assert len(protests) == 1 and len(protests[0].evidence) == 2


def test_plural_demonstrative_joins_the_earlier_plural_events(events):
    text = ("Gunmen stormed a police post in the town on Monday. "
            "The militia carried out the attacks in the capital last year and the attack on the airport. "
            "Officials said the militia was responsible for these attacks.")
    evs = of_type(events(text), "ASSAULT")
    plural = next(e for e in evs if e.trigger.text == "attacks")
    assert plural.status == "historical" and len(plural.evidence) == 2
    assert not [e for e in evs if e.trigger.text == "attacks" and e is not plural]


def test_answered_attack_names_the_accused_shooting_again(events):
    text = ("A bomb exploded at the minister's house on Monday. The leaders accused the minister of being "
            "involved in shooting demonstrators of supporters of the party in the capital, which implies "
            "that the bombing was in retaliation for the attack on its supporters.")
    evs = of_type(events(text), "ASSAULT")
    shooting = next(e for e in evs if e.trigger.text == "shooting")
    assert shooting.status == "alleged" and len(evs) == 2
    assert "Protesters" not in " ".join(shooting.actors)  # the shot demonstrators are no perpetrators


def test_crackdown_on_another_day_is_not_part_of_an_earlier_protest(pipeline_for):
    text = ("Security forces opened fire on protesters in Mosul on Monday, killing four people. "
            "The protests began in September.")
    result = coded(pipeline_for, text)
    main = result.events[0]
    assert main.plover_type == "ASSAULT" and main.acled_sub_event_type == "Excessive force against protesters"
    assert main.fatalities == 4


@pytest.mark.parametrize("wave", [
    "The protests began on 12 April after the death of a student.",
    "The protests began after the death of a student in police custody, and scores of people "
    "have been killed in the crackdown.",
])
def test_the_start_of_a_wave_of_protests_is_background(pipeline_for, wave):
    text = "Hundreds of students rallied outside the university in Tabriz on Sunday. " + wave
    result = coded(pipeline_for, text)
    occurred = [e for e in result.events if e.status == "occurred" and e.acled_event_type]
    assert [(e.trigger.text, e.acled_sub_event_type) for e in occurred] == [("rallied", "Peaceful protest")]
    assert occurred[0].fatalities == 0 and len(occurred[0].evidence) == 1
    assert any(e.trigger.text == "protests" and e.status == "historical" for e in result.events)


def test_protests_that_began_on_the_day_reported_are_the_news(pipeline_for):
    result = coded(pipeline_for, "Protests began in Tabriz on Sunday after the death of a student in police custody.")
    assert [(e.plover_type, e.status) for e in result.events if e.acled_event_type == "Protests"] == [
        ("PROTEST", "occurred")]


# --- damage, strikes, withdrawals and supplies ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rockets struck the air base on Tuesday, damaging a hangar and two vehicles.",
    "Gunmen killed five villagers on Sunday and set fire to several houses.",
])
def test_damage_done_by_an_attack_is_part_of_it(events, text):
    evs = events(text)
    assert not [e for e in evs if e.acled_sub_event_type == "Looting/property destruction"]
    assert len([e for e in evs if e.acled_event_type]) == 1


def test_destruction_alone_stays_property_destruction(events):
    text = "Unidentified assailants destroyed the memorial of the Curfew Day massacre on Friday."
    main = next(e for e in events(text) if e.acled_event_type)
    assert main.acled_sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize("text,plover", [
    ("The rescue group called the raid a deliberate strike on civilians.", "ASSAULT"),
    ("The defence ministry said it had carried out a strike on fuel depots.", "ASSAULT"),
    ("Teachers began a strike on Monday over unpaid salaries.", "PROTEST"),
])
def test_strike_on_a_target_is_an_attack(events, text, plover):
    assert plover in [e.plover_type for e in events(text)]
    assert not [e for e in events(text) if e.trigger.text == "strike" and e.plover_type != plover]


@pytest.mark.parametrize("text,retreat", [
    ("Volunteers pulled several people from under a collapsed roof.", False),
    ("The government pulled out of the grain deal in July.", True),
    ("The army pulled its troops from the border town.", True),
])
def test_pulling_is_a_withdrawal_only_out_of_something(events, text, retreat):
    assert ("RETREAT" in [e.plover_type for e in events(text)]) is retreat


def test_what_a_convoy_carries_is_no_aid(events):
    text = "A bomb exploded as a convoy of trucks carrying supplies for the coalition passed on the highway."
    assert "AID" not in [e.plover_type for e in events(text)]


def test_calling_on_someone_is_a_request(events):
    evs = events("The spokesman called on the federal government to punish those responsible.")
    assert "REQUEST" in [e.plover_type for e in evs] and "CONSULT" not in [e.plover_type for e in evs]


def test_attacks_threatening_stability_are_no_threat(events):
    evs = events("These attacks threaten the stability of the whole region, a spokesman said.")
    assert "THREATEN" not in [e.plover_type for e in evs]


@pytest.mark.parametrize("text,clash", [
    ("The two armed groups exchanged 24 detainees at the crossing on Monday.", False),
    ("Troops and rebels exchanged fire near the village on Monday.", True),
])
def test_exchange_is_a_clash_only_with_fire(events, text, clash):
    assert bool([e for e in events(text) if e.acled_sub_event_type == "Armed clash"]) is clash


def test_hyphenated_stance_is_no_support_event(events):
    evs = events("Foreign-backed factions exchanged prisoners with the army on Monday.")
    assert "SUPPORT" not in [e.plover_type for e in evs]


def test_habitual_bombings_and_a_conceded_offensive_stay_apart(events):
    text = ("The group frequently carries out bombings in the capital despite an offensive "
            "launched last year by the government.")
    evs = of_type(events(text), "ASSAULT")
    assert len(evs) == 2 and all(e.status == "historical" for e in evs)


@pytest.mark.parametrize("text", [
    "Violence in the northern provinces has killed thousands of civilians since 2015.",
    "Hundreds of people have been killed in the region since the fighting began.",
])
def test_toll_over_a_long_period_is_background(events, text):
    assert all(e.status == "historical" for e in of_type(events(text), "ASSAULT"))


def test_cessation_of_hostilities_is_no_fighting(events):
    evs = events("The peacekeepers urged both sides to return to the cessation of hostilities.")
    assert "ASSAULT" not in [e.plover_type for e in evs]


def test_fires_burning_destroy_nothing(events):
    evs = events("Videos showed people running from gunfire and fires burning in the streets.")
    assert not [e for e in evs if e.acled_sub_event_type == "Looting/property destruction"]


def test_speaker_naming_an_attack_is_not_its_perpetrator(spacy_parse):
    from eventlens.model import Actor, Span
    text = ("An army aircraft bombed a crowded market in the town on Tuesday, killing dozens. "
            "The opposition council called the strike a heinous act.")
    doc = spacy_parse(text, PUBLISHED)
    start = text.index("opposition council")
    doc._.actors = [Actor(id="new:council", name="opposition council", kind="organization", link="exact-alias",
                          confidence=0.5, mentions=[Span.of(text, start, start + len("opposition council"))])]
    EventsStage()(doc)
    strikes = of_type(doc._.events, "ASSAULT")
    assert len(strikes) == 1 and len(strikes[0].evidence) == 2
    assert "new:council" not in strikes[0].actors
    assert "PROTEST" not in [e.plover_type for e in doc._.events]


def test_place_in_a_locative_phrase_is_no_target(spacy_parse):
    from eventlens.model import Actor, Place, Span
    text = "Drones attacked port facilities on the Danube overnight, officials said."
    doc = spacy_parse(text, PUBLISHED)
    start = text.index("Danube")
    doc._.actors = [Actor(id="new:danube", name="Danube", kind="organization", link="new", confidence=0.3,
                          mentions=[Span.of(text, start, start + len("Danube"))])]
    doc._.places = [Place(id="gn:1", name="Danube", feature="river", lat=45.2, lon=28.7,
                          mentions=[Span.of(text, start, start + len("Danube"))])]
    EventsStage()(doc)
    attack = of_type(doc._.events, "ASSAULT")[0]
    assert "new:danube" not in attack.targets + attack.actors


def test_headline_event_joins_the_reported_one_despite_its_rough_place(pipeline_for):
    text = ("Roadside bomb hits army truck on highway south of Baghdad\n\n"
            "A roadside bomb exploded on Monday as an army truck passed along the main highway in "
            "Diwaniyah province, police said.")
    result = coded(pipeline_for, text)
    bombs = [e for e in result.events if e.acled_sub_event_type == "Remote explosive/landmine/IED"
             and e.status == "occurred"]
    assert len({e.id.split("-")[0] for e in bombs}) == 1


def test_claim_of_responsibility_does_not_make_a_road_closure_a_protest(events):
    text = ("A bomb exploded near the market on Monday. No group claimed responsibility. "
            "Security forces closed the road for three hours.")
    assert "PROTEST" not in [e.plover_type for e in events(text)]


def test_killings_someone_is_investigated_for_are_alleged(events):
    text = "The minister is being investigated for involvement in the killings of demonstrators by soldiers."
    killings = [e for e in of_type(events(text), "ASSAULT") if e.trigger.text == "killings"]
    assert killings and killings[0].status == "alleged"


@pytest.mark.parametrize("text", [
    "The ministry imposed sanctions on two militia commanders over attacks on troops.",
    "The treasury sanctioned two militia commanders over attacks on troops.",
])
def test_attacks_a_sanction_answers_happened_before(events, text):
    assert [e.status for e in of_type(events(text), "ASSAULT")] == ["historical"]


def test_a_call_for_an_end_to_attacks_reports_no_attack(events):
    evs = events("The government has called for an end to attacks on foreign forces.")
    assert "ASSAULT" not in [e.plover_type for e in evs]



def test_a_headline_answer_over_attacks_makes_the_attacks_earlier(events):
    attacks = [e for e in events("US Treasury sanctions militia figures over attacks on troops")
               if e.plover_type == "ASSAULT"]
    assert attacks and all(e.status == "historical" for e in attacks)


def test_those_who_attack_is_a_warning_not_an_event(events):
    text = '"Those who attack our personnel will be held accountable," the official said.'
    assert all(e.status != "occurred" for e in of_type(events(text), "ASSAULT"))


GREEN_ZONE_PROTEST = (
    "Hundreds of supporters of the militia gathered yesterday in front of the gates of the Green Zone in "
    "Baghdad, demanding a recount of the election results.\n\n"
    "The demonstrators, who raised the flags of the militia, chanted slogans against the electoral commission.\n\n"
    "The security forces closed the Jumhuriya bridge before the demonstrators, and the sit-in remained peaceful.\n\n"
    'The militia leader said the demonstrations "will continue peacefully", and he called on his supporters '
    "not to be dragged into a clash with the security forces.")


def test_one_protest_told_by_its_demonstrators_and_a_call_to_avoid_clashes(events):
    evs = events(GREEN_ZONE_PROTEST)
    protests = of_type(evs, "PROTEST")
    assert len(protests) == 1, [(e.trigger.text, e.acled_sub_event_type) for e in protests]
    assert protests[0].acled_sub_event_type == "Peaceful protest"
    assert all(e.status != "occurred" for e in of_type(evs, "ASSAULT"))


def test_a_capitalised_number_opening_a_sentence_counts_the_dead(events):
    text = ("Roadside bomb kills soldiers near Djibo\n\nEleven soldiers and four civilian auxiliaries were "
            "killed when their vehicle struck a roadside bomb near Djibo on Wednesday.")
    bomb = next(e for e in events(text) if e.plover_type == "ASSAULT")
    assert bomb.fatalities == 15


def test_what_a_force_is_raised_for_and_what_is_promised_did_not_happen(events):
    evs = events("The militia was recruited by the army to fight jihadist groups. The junta has promised "
                 "since the coup in September to retake the territory held by armed groups.")
    assert not [e for e in evs if e.plover_type == "ASSAULT" and e.status == "occurred"]
    assert not [e for e in evs if e.status == "historical" and e.trigger.text == "retake"]


def test_evacuating_the_wounded_is_no_displacement(events):
    evs = events("Two soldiers were wounded in the blast and evacuated by helicopter to the capital.")
    assert not [e for e in evs if e.plover_mode == "displacement"]
    evs = events("Thousands of residents were evacuated from the town as the fighting approached.")
    assert [e for e in evs if e.plover_mode == "displacement"]


def test_headline_attack_does_not_absorb_an_attack_in_another_country(pipeline_for):
    text = ("A drone struck a market in Aleppo, killing 9 people, the monitor said.\n"
            "Gunmen attacked an army checkpoint near Mosul.")
    result = coded(pipeline_for, text)
    attacks = [e for e in result.events if e.plover_type == "ASSAULT"]
    assert len(attacks) == 2, [[x.text for x in e.evidence] for e in attacks]
    countries = {p.id: p.country for p in result.places}
    assert {countries[e.place] for e in attacks} == {"SYR", "IRQ"}
    # the unnamed gunmen and the army are named by where they fought, as ACLED names them
    mosul = next(e for e in attacks if countries[e.place] == "IRQ")
    actors = {a.id: a for a in result.actors}
    assert [actors[a].country for a in mosul.actors + mosul.targets] == ["IRQ", "IRQ"]
    assert all(a.mentions or a.id in {x for e in result.events for x in e.actors + e.targets}
               for a in result.actors if a.kind == "generic")


def test_people_given_a_nationality_keep_it_where_the_event_happened(pipeline_for):
    text = ("Shelling hit the old city of Aleppo on Monday.\n"
            "Gunmen shot dead two Syrian civilians near Mosul on Tuesday.")
    result = coded(pipeline_for, text)
    actors = {a.id: a for a in result.actors}
    shooting = next(e for e in result.events if "Mosul" in " ".join(x.text for x in e.evidence))
    assert any(actors[t].country == "SYR" for t in shooting.targets)


def test_a_side_retelling_its_strike_is_no_second_event(pipeline_for):
    text = ("Warplanes bombed a market in the town of Kafr Nabl on Monday, killing 12 civilians, "
            "witnesses said.\n"
            "The air force confirmed that it had carried out a strike on the town, but a spokesman "
            "said it had targeted militants of the Hurras group.")
    result = coded(pipeline_for, text)
    attacks = [e for e in result.events if e.plover_type == "ASSAULT" and e.status == "occurred"]
    assert len(attacks) == 1, [[x.text for x in e.evidence] for e in attacks]
    assert len(attacks[0].evidence) == 2


def test_a_pronoun_subject_in_reported_speech_with_no_event_before_is_an_event(pipeline_for):
    text = "The army said it had shelled rebel positions near the border on Monday."
    result = coded(pipeline_for, text)
    assert [e.plover_type for e in result.events if e.status == "occurred"] == ["ASSAULT"]


def test_the_measures_told_again_are_the_same_sanction(pipeline_for):
    text = ("The European Union on Monday imposed sanctions on three militia commanders in Libya.\n\n"
            "The measures freeze their assets in the bloc. A militia spokesman said the sanctions "
            "were illegal and accused Brussels of meddling in the war in Sudan.")
    result = coded(pipeline_for, text)
    sanctions = [e for e in result.events if e.plover_type == "SANCTION" and e.status == "occurred"]
    assert len(sanctions) == 1, [[x.text for x in e.evidence] for e in sanctions]
    assert len(sanctions[0].evidence) == 3


def test_sanctions_given_their_own_target_are_new(pipeline_for):
    text = ("The European Union on Monday imposed sanctions on three militia commanders in Libya.\n\n"
            "On Tuesday Washington announced the sanctions on two Sudanese generals.")
    result = coded(pipeline_for, text)
    sanctions = [e for e in result.events if e.plover_type == "SANCTION" and e.status == "occurred"]
    assert len(sanctions) == 2, [[x.text for x in e.evidence] for e in sanctions]


def test_a_place_in_a_clause_telling_another_event_is_not_this_ones(pipeline_for):
    text = ("Turkish drone strike on truck in northern Iraq kills three\n\n"
            "A Turkish drone struck a truck near the village of Sidakan in northern Iraq on Tuesday, "
            "killing three men, local officials said.\n\n"
            "The Turkish defence ministry said its aircraft had struck a cell that was preparing "
            "to launch rockets towards southern Turkey.")
    result = coded(pipeline_for, text)
    strikes = [e for e in result.events if e.plover_type == "ASSAULT" and e.status == "occurred"]
    assert len(strikes) == 1, [[x.text for x in e.evidence] for e in strikes]
    countries = {p.id: p.country for p in result.places}
    assert countries[strikes[0].place] == "IRQ"


def test_the_attempt_told_again_with_a_place_of_another_clause_is_one_event(pipeline_for):
    text = ("A drone struck the prime minister's residence in Baghdad on Sunday in an assassination "
            "attempt. The first reaction came from an adviser of the Iranian council, who did not "
            "condemn the assassination attempt, but said that Iran is a victim of terrorism.")
    evs = [e for e in coded(pipeline_for, text).events if e.plover_type == "ASSAULT"]
    assert len(evs) == 1, [(e.trigger.text, e.status, e.place) for e in evs]
