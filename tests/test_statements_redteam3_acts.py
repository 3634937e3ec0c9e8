"""Speech acts, spurious statements and responsibility on invented conflict reports: no-comments,
general condemnations, pledges of allegiance, threats, rejections of someone else's accusation,
nested pronoun speakers, and who claimed or is accused of an event (statements,
statement_events)."""
from __future__ import annotations

from conftest import _pipeline_for

from eventlens.model import Article


def process(text):
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    names = {a.id: a.name for a in result.actors}
    return result, names


def main_event(result):
    return next(e for e in result.events if e.plover_type == "ASSAULT")


def by_cue(result, word):
    return [s for s in result.statements if s.cue is not None and word in s.cue.text]


# ---------------------------------------------------------------- no-comments and general words

def test_declining_to_comment_is_no_rejection():
    result, _ = process("Fighters overran a police post in Mocimboa on Sunday. A spokesman for the "
                        "Tanzanian army declined to comment.")
    assert all(s.plover_type != "REJECT" for s in result.statements)
    assert all(s.event is None for s in by_cue(result, "declined"))
    # a refusal to speak about something told is still one
    result, _ = process("Fighters overran a police post in Mocimboa on Sunday. A spokesman for the "
                        "Tanzanian army declined to comment on whether its soldiers took part.")
    assert [s.plover_type for s in by_cue(result, "declined")] == ["REJECT"]


def test_no_answer_to_a_request_for_comment_is_about_nothing():
    result, _ = process("Soldiers shot dead three miners in Kamituga on Tuesday. The governor's office did "
                        "not reply to several requests for comment.")
    statements = by_cue(result, "reply")
    assert statements and all(s.event is None and s.plover_type is None for s in statements)


def test_condemning_an_evil_in_general_accuses_no_one():
    result, _ = process("The foreign ministry of Afghanistan said Kabul condemned terrorism in all its forms.")
    assert all(s.plover_type != "ACCUSE" for s in result.statements)
    result, _ = process("Uzbekistan's foreign ministry condemned all forms of extremism on Monday.")
    assert all(s.plover_type != "ACCUSE" for s in result.statements)
    # (what was done is condemned)
    result, _ = process("A bomb killed nine people at a bus station in Kunduz on Sunday. The foreign "
                        "ministry of Uzbekistan condemned the bombing.")
    assert [s.plover_type for s in by_cue(result, "condemned")] == ["ACCUSE"]


def test_pledging_allegiance_is_no_agreement():
    result, _ = process("Insurgents burned houses in Ituri on Monday. CODECO, which has pledged allegiance "
                        "to no foreign group, denied any role.")
    assert all(s.plover_type != "AGREE" for s in result.statements)
    result, _ = process("The Kivu Tigers, a militia that pledged loyalty to the Islamic State last year, "
                        "said they attacked the camp.")
    assert all(s.plover_type != "AGREE" for s in result.statements)


def test_a_war_answered_with_war_is_a_threat():
    result, _ = process('Troops killed a rebel commander near Rutshuru on Monday. "If the army wants war, '
                        'it will get war," rebel spokesman Lawrence Kanyuka said on Tuesday.')
    assert [s.plover_type for s in by_cue(result, "said")] == ["THREATEN"]
    result, _ = process("The defence minister, Hulusi Demir, said air strikes against the militants would "
                        "go on until the last terrorist is neutralized.")
    assert [s.plover_type for s in by_cue(result, "said")] == ["THREATEN"]


# ---------------------------------------------------------------- speakers and targets

def test_a_pronoun_inside_what_a_source_reports_is_that_source():
    result, names = process("Gunmen burned a bus depot in Gonaives on Monday, according to two witnesses. "
                            "The witnesses said they suspected the Kokorat gang.")
    nested = by_cue(result, "suspected")
    reporting = by_cue(result, "said")
    assert nested and reporting
    assert [s.speaker for s in nested] == [s.speaker for s in reporting]


def test_rejecting_the_allegations_answers_the_accuser():
    result, names = process("An ambush killed seven soldiers near Humera on Monday. Ethiopia blamed the "
                            "Tigray People's Liberation Front for the ambush. Eritrea's information ministry "
                            "rejected the allegations as lies.")
    rejection = next(s for s in result.statements if s.plover_type == "REJECT")
    assert names[rejection.target] == "Ethiopia"
    assert rejection.event == main_event(result).id
    # (a third party's rejection denies no part of its own)
    assert main_event(result).denied_by == []


# ---------------------------------------------------------------- responsibility

def test_claiming_responsibility_in_a_message_claims_the_attack_told():
    result, names = process("A roadside bomb killed six soldiers near Tillaberi on Sunday. The Sahel Liberation "
                            "Front claimed responsibility in a statement posted on Telegram.")
    assert [names[a] for a in main_event(result).claimed_by] == ["Sahel Liberation Front"]


def test_claiming_an_attack_claims_it():
    result, names = process("Al-Shabaab claimed on Sunday an ambush on an army convoy near Baidoa.")
    assert "Al-Shabaab" in [names[a] for a in main_event(result).claimed_by]
    # (claiming what the attack did claims no part in it)
    result, names = process("A car bomb killed six soldiers in Baidoa on Sunday. Al-Shabaab claimed the "
                            "attack killed forty soldiers.")
    assert main_event(result).claimed_by == []


def test_a_general_accusation_is_no_accusation_of_the_act_told():
    result, names = process("Police shot dead four youths in Martissant on Sunday. Rights monitors have long "
                            "accused both police and gangs of summary killings.")
    e = main_event(result)
    assert e.accused == []
    assert all("and" not in names.get(s.target, "") for s in result.statements if s.target)
    # (an accusation of the act told still accuses)
    result, names = process("Gunmen killed three fishermen near Goma on Friday. The governor accused the "
                            "Mai-Mai of the killings.")
    assert main_event(result).accused != []


def test_an_attack_attributed_to_a_group_accuses_it():
    result, names = process("A raid attributed to Boko Haram fighters killed nine villagers near Gwoza on Tuesday.")
    e = main_event(result)
    assert [names[a] for a in e.accused] == ["Boko Haram"]
    assert all("villagers" not in names[a].lower() for a in e.accused)


def test_the_attackers_belonging_to_a_group_accuses_it():
    result, names = process("Gunmen killed eleven bus passengers near Zhob on Monday. Provincial officials said "
                            "the assailants belonged to Jaish al-Adl.")
    e = main_event(result)
    assert [names[a] for a in e.accused] == ["Jaish al-Adl"]
    said = by_cue(result, "said")
    assert said and said[0].event == e.id
    # (whom the victims belonged to names no doer)
    result, names = process("Gunmen killed eleven bus passengers near Zhob on Monday. Provincial officials said "
                            "the victims belonged to Jaish al-Adl.")
    assert main_event(result).accused == []


def test_accusing_the_army_of_passivity_is_no_accusation_of_the_attack():
    result, names = process("Rebels killed twenty villagers near Oicha on Wednesday. A local senator, Moise "
                            "Kambale, accused the army of passivity during the attack.")
    assert main_event(result).accused == []


def test_a_blame_is_about_the_act_blamed_not_about_itself():
    result, names = process("A truck bomb killed eleven people in Beledweyne on Saturday. The bombing was blamed "
                            "on al-Shabaab.")
    e = main_event(result)
    assert [names[a] for a in e.accused] == ["Al-Shabaab"]
    blame = by_cue(result, "blamed")
    assert blame and blame[0].event == e.id
