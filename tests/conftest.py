"""Shared pytest fixtures. Each block is owned by one area; keep fixture names namespaced."""
from __future__ import annotations

import datetime as dt
import functools
import os
import uuid

import pytest

# --- store_*: database fixtures for the store and exporter tests ------------------------
# Every store test runs on SQLite and, when EVENTLENS_TEST_POSTGRES_URL is set (.ci/run
# sets it), on PostgreSQL too, each test in a fresh schema that is dropped afterwards.

STORE_POSTGRES_ENV = "EVENTLENS_TEST_POSTGRES_URL"


def _store_pg_conninfo(url: str) -> str:
    # psycopg takes a libpq URL; drop a SQLAlchemy driver suffix if one was given.
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A database URL for a fresh, empty eventlens store."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base = os.environ.get(STORE_POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL store tests need {STORE_POSTGRES_ENV} "
                    "(e.g. postgresql://eventlens:eventlens@localhost:5432/eventlens_test; "
                    ".ci/run sets it up)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    conninfo = _store_pg_conninfo(base)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(store_url):
    from eventlens.store import Store

    with Store(store_url) as st:
        yield st


def store_build_result(kind: str = "attack", article_id: str = "a1", **article_fields):
    """A hand-built Result (no spaCy): kind "attack" (Iraq), "protest" (France) or "empty"."""
    from eventlens.model import (Actor, Article, Claim, Event, Place, Removed, Result, Span,
                                 Statement)

    def at(text, needle, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        return Span.of(text, start, start + len(needle))

    if kind == "attack":
        text = ("Rocket attack on Kirkuk police station\n"
                "Gunmen fired rockets at a police station in Kirkuk on Monday, killing two "
                "officers and wounding three. Governor Rakan al-Jubouri condemned the attack. "
                "\u201cWe will find those responsible,\u201d al-Jubouri said. The attackers may "
                "have crossed from Hawija.")
        article = Article(id=article_id, title="Rocket attack on Kirkuk police station",
                          source="Test Wire", url=f"https://example.org/{article_id}",
                          published=dt.date(2024, 3, 5), language="en", text=text,
                          removed=[Removed(text="Photo: Test Wire", reason="caption")],
                          content_hash=f"hash-{article_id}", input_path=f"in/{article_id}.txt",
                          input_format="txt")
        actors = [
            Actor(id="new:gunmen", name="Gunmen", kind="group", sector="UAF",
                  aliases_seen=["Gunmen", "attackers"], link="ner-new", confidence=0.7,
                  mentions=[at(text, "Gunmen"), at(text, "attackers")]),
            Actor(id="kb:iraqi-police", name="Iraqi Police", kind="organization", country="IRQ",
                  sector="COP", kb_id="kb:iraqi-police", aliases_seen=["police"],
                  mentions=[at(text, "police", 1)]),
            Actor(id="kb:rakan-al-jubouri", name="Rakan al-Jubouri", kind="person",
                  country="IRQ", sector="GOV", kb_id="kb:rakan-al-jubouri",
                  aliases_seen=["Rakan al-Jubouri", "al-Jubouri"], link="exact-alias",
                  mentions=[at(text, "Rakan al-Jubouri"), at(text, "al-Jubouri", 1)]),
        ]
        places = [
            Place(id="gn:94787", name="Kirkuk", country="IRQ", admin1="Kirkuk", lat=35.46806,
                  lon=44.39222, geonames_id=94787, feature="city",
                  mentions=[at(text, "Kirkuk", 1)]),
            Place(id="gn:99347", name="Hawija", country="IRQ", admin1="Kirkuk",
                  admin2="Hawija District", lat=35.32917, lon=43.76917, geonames_id=99347,
                  feature="city", mentions=[at(text, "Hawija")]),
        ]
        events = [
            Event(id="e1", plover_type="ASSAULT", plover_mode="explosion",
                  acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Shelling/artillery/missile attack",
                  actors=["new:gunmen"], targets=["kb:iraqi-police"], place="gn:94787",
                  geo_precision=1, date=dt.date(2024, 3, 4), time_precision=1, fatalities=2,
                  injured=3, status="occurred", confidence=0.85,
                  evidence=[at(text, "Gunmen fired rockets at a police station in Kirkuk on "
                                     "Monday, killing two officers and wounding three.")],
                  trigger=at(text, "fired"), explanation="trigger 'fired rockets'"),
            Event(id="e2", plover_type="DISAPPROVE", actors=["kb:rakan-al-jubouri"],
                  targets=["new:gunmen"], place="gn:94787", geo_precision=2, status="occurred",
                  confidence=0.6, evidence=[at(text, "Governor Rakan al-Jubouri condemned the attack.")],
                  accused=["new:gunmen"]),
        ]
        statements = [
            Statement(id="s1", speaker="kb:rakan-al-jubouri", cue=at(text, "said"),
                      content=at(text, "We will find those responsible,"), kind="direct",
                      plover_type="THREATEN", target="new:gunmen", date=dt.date(2024, 3, 5),
                      evidence=[at(text, "al-Jubouri said")], event="e1"),
        ]
        claims = [
            Claim(id="c1", holder="author", certainty="asserted",
                  evidence=[at(text, "killing two officers")]),
            Claim(id="c2", holder="author", certainty="possible", hedges=["may"],
                  evidence=[at(text, "may have crossed from Hawija")]),
            # a claim in a statement keeps the statement's id (and its source's words when no
            # actor stands for the speaker)
            Claim(id="c3", holder="source", certainty="probable", hedges=["likely"],
                  evidence=[at(text, "We will find those responsible,")], statement="s1",
                  source=at(text, "al-Jubouri")),
        ]
    elif kind == "protest":
        text = ("Thousands march in Paris\n"
                "Thousands of protesters marched through Paris on Saturday against the pension "
                "reform. Police detained 12 people near the Bastille.")
        article = Article(id=article_id, title="Thousands march in Paris", source="Other Wire",
                          published=dt.date(2024, 4, 14), language="en", text=text,
                          content_hash=f"hash-{article_id}")
        actors = [
            Actor(id="new:protesters", name="Protesters", kind="group", country="FRA",
                  mentions=[at(text, "protesters")]),
            Actor(id="kb:police-fra", name="Police of France", kind="organization",
                  country="FRA", sector="COP", mentions=[at(text, "Police")]),
        ]
        places = [Place(id="gn:2988507", name="Paris", country="FRA", admin1="Ile-de-France",
                        lat=48.85341, lon=2.3488, geonames_id=2988507, feature="city",
                        mentions=[at(text, "Paris", 1)])]
        events = [
            Event(id="e1", plover_type="PROTEST", plover_mode="demonstrate",
                  acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
                  actors=["new:protesters"], place="gn:2988507", geo_precision=1,
                  date=dt.date(2024, 4, 13), time_precision=1, confidence=0.9,
                  evidence=[at(text, "Thousands of protesters marched through Paris")]),
            Event(id="e2", plover_type="ARREST", actors=["kb:police-fra"],
                  targets=["new:protesters"], place="gn:2988507", date=dt.date(2024, 4, 13),
                  evidence=[at(text, "Police detained 12 people")]),
        ]
        statements, claims = [], []
    elif kind == "empty":
        article = Article(id=article_id, title="Wetterbericht", language="de",
                          text="Morgen regnet es.", published=dt.date(2024, 1, 2),
                          content_hash=f"hash-{article_id}")
        actors, places, events, statements, claims = [], [], [], [], []
    else:
        raise ValueError(kind)
    if article_fields:
        article = article.model_copy(update=article_fields)
    return Result(article=article, actors=actors, places=places, events=events,
                  statements=statements, claims=claims, pipeline_version="eventlens-test")


@pytest.fixture
def store_make_result():
    return store_build_result
# --- end store_* ------------------------------------------------------------------------


# --- pipelines: built once per test session and shared by the stage tests ------------------
@functools.lru_cache(maxsize=None)
def _pipeline_for(stages: tuple[str, ...] | None = None):
    """A Pipeline with these eventlens stages; None means all of them (the one the CLI uses)."""
    if stages is None:
        from eventlens import get_pipeline
        return get_pipeline()
    from eventlens.config import Config
    from eventlens.pipeline import Pipeline
    return Pipeline(Config(stages=list(stages)))


@pytest.fixture(scope="session")
def pipeline_for():
    return _pipeline_for


def spacy_parse_text(text: str, published=None):
    """Parse with the spaCy components only (the model plus the paragraph boundaries the
    pipeline adds), the eventlens attributes left empty for a test to set. Plain function so
    helper modules (test_statements.run, test_claims.claims_of) can share it."""
    from eventlens.config import DEFAULT_STAGES
    from eventlens.model import Article
    nlp = _pipeline_for(()).nlp
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name not in DEFAULT_STAGES:
            doc = proc(doc)
    doc._.article = Article(id="t", text=text, published=published)
    doc._.actors, doc._.places, doc._.dates, doc._.trace = [], [], [], {}
    return doc


@pytest.fixture(scope="session")
def spacy_parse():
    """Parse with the spaCy components only, the eventlens attributes left empty for a test to set."""
    return spacy_parse_text
