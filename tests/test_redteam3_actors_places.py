"""Third red-team pass, actors and places: one person's demand is no crowd's protest, the
news agency of a dateline is nobody in the story, and Kashmir is a place with a country.
Invented sentences."""
from test_actors_redteam import full_pipeline, run, stage_pipeline  # noqa: F401,F811 (shared fixtures)

from eventlens.model import Article


def kb_ids(actors):
    return {a.kb_id or a.id for a in actors}


def test_one_persons_demand_is_no_protest(stage_pipeline):
    actors = run(stage_pipeline, "The spokesman of the foreign ministry, Karim Hadad, condemned the raid "
                                 "and demanded that Ruritania stop the attacks.")
    assert not any(a.name.startswith("Protesters") for a in actors)
    actors = run(stage_pipeline, "Opposition leader Tomas Veliz demanded the release of the detainees.")
    assert not any(a.name.startswith("Protesters") for a in actors)
    # a crowd demanding in the street still protests
    actors = run(stage_pipeline, "Hundreds of teachers demanded higher wages in front of parliament in Nairobi.")
    assert any(a.name.startswith("Protesters") for a in actors)


def test_the_agency_of_a_dateline_is_no_actor(full_pipeline):
    for text in ("BEIRA, May 9 (Reuters) - Islamic State's local affiliate attacked a convoy near Beira, "
                 "killing 12 soldiers.",
                 "Zahedan - IRNA - Gunmen of Jaish al-Adl attacked a police patrol near Zahedan, killing six."):
        result = full_pipeline.process(Article(id="t", text=text, language="en"))
        names = {a.id: a.name for a in result.actors}
        attack = next(e for e in result.events if e.plover_type == "ASSAULT")
        assert not any(n in ("Reuters", "Islamic Republic News Agency") for n in map(names.get, attack.actors + attack.targets))
        assert not any(a.name in ("Reuters", "Islamic Republic News Agency") for a in result.actors)


def test_kashmir_is_in_india_unless_said_otherwise(full_pipeline):
    result = full_pipeline.process(Article(id="t", text="Gunmen killed nine pilgrims in Kashmir on Friday.",
                                           language="en"))
    assert {p.country for p in result.places} == {"IND"}
    assert not any(a.country == "USA" for a in result.actors)
    result = full_pipeline.process(Article(id="t", text="Gunmen killed nine pilgrims in Pakistan-administered "
                                                        "Kashmir on Friday.", language="en"))
    assert [(p.name, p.country) for p in result.places] == [("Azad Kashmir", "PAK")]


def test_a_national_body_with_an_international_bodys_name_is_its_own(stage_pipeline):
    actors = run(stage_pipeline, "The Security Council of the Kurdistan Region accused the PKK of the attack.")
    body = next(a for a in actors if "Security Council" in a.name)
    assert body.kb_id is None and body.name == "Security Council of the Kurdistan Region" and body.country == "IRQ"
    actors = run(stage_pipeline, "The National Security Council of Iran met on Sunday.")
    assert [(a.name, a.country) for a in actors] == [("National Security Council of Iran", "IRN")]
    for text in ("The UN Security Council met on Sunday.", "The Security Council met on Sunday to discuss Sudan."):
        assert "un-security-council" in kb_ids(run(stage_pipeline, text))
