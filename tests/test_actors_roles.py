"""Actor stage: bodies are no crowd, members of a group are the group, capitals as parties, news outlets."""
import datetime as dt

import pytest

from actors_support import run_actors


@pytest.fixture(scope="session")
def stage_pipeline(pipeline_for):
    return pipeline_for(("eventlens_actors",))


def run(pipe, text, published=dt.date(2022, 4, 12)):
    return run_actors(pipe, text, published)


def crowd(actors):
    return [a for a in actors if (a.kb_id or "").endswith(("protesters", "rioters"))]


def with_surface(actors, surface):
    found = [a for a in actors if surface in a.aliases_seen]
    assert len(found) == 1, [(a.id, a.aliases_seen) for a in actors]
    return found[0]


# ----------------------------------------------------------------------------- bodies are no crowd

@pytest.mark.parametrize("text", [
    "The district council called a crisis session to review the fuel shortage.",
    "The ethics committee held a meeting on Tuesday.",
    "The school board called a meeting on the new timetable.",
    "The cabinet held an emergency meeting on the floods.",
    "The parliament demanded an inquiry into the fire.",
    "The provincial assembly boycotted the vote.",
    "Council members held a meeting on Friday.",
    "The UN Security Council held an emergency meeting on the crisis.",
])
def test_a_body_meeting_or_demanding_is_no_protest(stage_pipeline, text):
    assert crowd(run(stage_pipeline, text)) == []


@pytest.mark.parametrize("text", [
    "Residents held a meeting to protest the closure of the clinic.",
    "The district bar council staged a protest outside the court.",
])
def test_people_meeting_to_protest_and_a_body_in_the_street_still_protest(stage_pipeline, text):
    assert len(crowd(run(stage_pipeline, text))) == 1


# ----------------------------------------------------------------------------- members of a group

def test_fighters_of_a_new_group_are_that_group(stage_pipeline):
    actors = run(stage_pipeline, "Officials blamed fighters of the Green Valley Front for the ambush.")
    group = with_surface(actors, "fighters")
    assert group.name == "Green Valley Front" and group.kind == "organization"
    assert "Green Valley Front" in group.aliases_seen
    assert not any(a.name.lower() == "fighters" for a in actors)


def test_militants_of_a_known_group_are_no_unidentified_group(stage_pipeline):
    actors = run(stage_pipeline, "Militants of Boko Haram stormed a village near the lake.")
    assert with_surface(actors, "Militants").kb_id == "nga-boko-haram"
    assert not any((a.kb_id or "").endswith("unidentified-armed-group") for a in actors)


def test_soldiers_of_a_unit_stay_the_state_forces(stage_pipeline):
    actors = run(stage_pipeline, "Soldiers from the 33rd Light Infantry Division set fire to houses.")
    assert (with_surface(actors, "Soldiers").kb_id or "").endswith("military")


def test_fighters_of_a_group_are_no_new_actor_in_the_full_pipeline(pipeline_for):
    text = "No one claimed the raid, but the mayor blamed fighters of the Green Valley Front, a group tied to ISIS."
    actors = run(pipeline_for(None), text)
    assert not any(a.id == "new:fighters" for a in actors)
    assert with_surface(actors, "fighters").name == "Green Valley Front"


# ----------------------------------------------------------------------------- capitals as parties

@pytest.mark.parametrize("text, capital, state", [
    ("Moscow accused Kyiv of sabotaging the pipeline.", "Kyiv", "ukr"),
    ("The EU called on Kyiv to resume talks.", "Kyiv", "ukr"),
    ("Ankara is negotiating with Damascus over the border.", "Damascus", "syr"),
])
def test_a_capital_accused_urged_or_dealt_with_is_its_state(stage_pipeline, text, capital, state):
    assert with_surface(run(stage_pipeline, text), capital).kb_id == state


@pytest.mark.parametrize("text", ["Drones struck Kyiv overnight.", "The envoy flew to Kyiv on Monday."])
def test_a_capital_struck_or_travelled_to_is_a_place(stage_pipeline, text):
    assert not any("Kyiv" in a.aliases_seen for a in run(stage_pipeline, text))


# ----------------------------------------------------------------------------- news outlets

@pytest.mark.parametrize("text, outlet", [
    ("A local leader told Savanna Monitor by phone that the road was closed.", "Savanna Monitor"),
    ("Follow Kivu Monitor on Facebook for more updates.", "Kivu Monitor"),
    ("Police detained six students, the Harbour Herald reported.", "Harbour Herald"),
])
def test_a_news_outlet_is_an_organisation(stage_pipeline, text, outlet):
    actors = run(stage_pipeline, text)
    assert with_surface(actors, outlet).kind == "organization"
    assert not any(a.name.startswith("Follow") for a in actors)
