"""Store API on SQLite and (when configured) PostgreSQL: round trip, idempotence, queries."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from eventlens.model import Actor
from eventlens.store import InvalidResult, Store, schema


def _table_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in schema.metadata.sorted_tables}


def test_round_trip_rebuilds_the_same_result(store, store_make_result):
    for kind, aid in (("attack", "a1"), ("protest", "a2"), ("empty", "a3")):
        result = store_make_result(kind, aid)
        store.save_result(result)
        again = store.get_result(aid)
        assert again == result
        assert again.to_json_dict() == result.to_json_dict()
    assert store.get_result("missing") is None


def test_round_trip_keeps_order_of_actors_events_and_roles(store, store_make_result):
    result = store_make_result("attack")
    result.actors.reverse()
    result.events.reverse()
    result.events[0].actors = ["kb:rakan-al-jubouri", "kb:iraqi-police", "new:gunmen"]
    store.save_result(result)
    again = store.get_result("a1")
    assert [a.id for a in again.actors] == [a.id for a in result.actors]
    assert [e.id for e in again.events] == ["e2", "e1"]
    assert again.events[0].actors == ["kb:rakan-al-jubouri", "kb:iraqi-police", "new:gunmen"]


def test_saving_twice_is_idempotent(store, store_make_result):
    result = store_make_result("attack")
    store.save_result(result, raw=b"raw bytes", raw_format="txt")
    counts = _table_counts(store)
    stats = store.stats()
    store.save_result(result, raw=b"raw bytes", raw_format="txt")
    assert _table_counts(store) == counts
    assert store.stats() == stats
    assert store.get_result("a1") == result
    assert counts["events"] == 2 and counts["article_actors"] == 3 and counts["articles"] == 1


def test_resave_replaces_coded_rows_and_keeps_raw_and_minhash(store, store_make_result):
    result = store_make_result("attack")
    store.save_result(result, raw="first line\nbody", raw_format="txt", minhash=b"\x01\x02")
    newer = result.model_copy(deep=True)
    newer.events = newer.events[:1]
    newer.statements = []
    newer.pipeline_version = "eventlens-newer"
    store.save_result(newer)  # e.g. reprocess: no raw given
    assert store.get_result("a1") == newer
    assert store.stats()["events"] == 1 and store.stats()["statements"] == 0
    assert store.get_raw("a1") == ("first line\nbody", "txt")
    assert list(store.minhashes()) == [("a1", b"\x01\x02")]
    assert len(store.events()) == 1


def test_invalid_result_is_refused_and_stored_version_kept(store, store_make_result):
    result = store_make_result("attack")
    store.save_result(result)
    broken = result.model_copy(deep=True)
    broken.events.append(broken.events[0].model_copy())
    with pytest.raises(InvalidResult, match="event id 'e1' occurs twice"):
        store.save_result(broken)
    assert store.get_result("a1") == result


def test_nul_characters_are_refused_on_every_backend(store, store_make_result):
    result = store_make_result("attack", title="bad\x00title")
    with pytest.raises(InvalidResult, match="NUL"):
        store.save_result(result)
    assert not store.has_article("a1")


def test_failed_save_rolls_back_everything(store, store_make_result, monkeypatch):
    import eventlens.store.store as store_module

    result = store_make_result("attack")
    store.save_result(result)
    before = _table_counts(store)
    real = store_module.result_to_rows

    def rows_with_bad_claim(r):
        rows = real(r)
        rows.claims[-1]["holder"] = None  # NOT NULL: fails after the other rows were written
        return rows

    monkeypatch.setattr(store_module, "result_to_rows", rows_with_bad_claim)
    changed = result.model_copy(deep=True)
    changed.events = changed.events[:1]
    with pytest.raises(Exception):
        store.save_result(changed)
    assert _table_counts(store) == before
    assert store.get_result("a1") == result


def test_raw_bytes_and_text_come_back_as_given(store, store_make_result):
    store.save_result(store_make_result("attack", "a1"), raw=b"\xff\xfe binary \x00", raw_format="bin")
    store.save_result(store_make_result("protest", "a2"), raw="caf\u00e9 \u201cquoted\u201d")
    store.save_result(store_make_result("empty", "a3"))
    assert store.get_raw("a1") == (b"\xff\xfe binary \x00", "bin")
    assert store.get_raw("a2") == ("caf\u00e9 \u201cquoted\u201d", None)
    assert store.get_raw("a3") == (None, None)
    assert store.get_raw("missing") == (None, None)


def test_lookup_by_id_hash_and_minhashes(store, store_make_result):
    store.save_result(store_make_result("attack", "a1"), minhash=b"mh1")
    store.save_result(store_make_result("protest", "a2"))
    store.set_minhash("a2", b"mh2")
    assert store.has_article("a1") and not store.has_article("zzz")
    assert store.find_by_hash("hash-a2") == "a2"
    assert store.find_by_hash("nope") is None
    assert dict(store.minhashes()) == {"a1": b"mh1", "a2": b"mh2"}


def test_failures_are_counted_not_duplicated(store):
    store.record_failure("in/bad.jsonl", 3, "malformed JSON")
    store.record_failure("in/bad.jsonl", 3, "malformed JSON (again)")
    store.record_failure("in/bad.jsonl", 4, "malformed JSON")
    store.record_failure("in/empty.txt", None, "empty file")
    store.record_failure("in/empty.txt", None, "empty file")
    failures = {(f["path"], f["index"]): f for f in store.failures()}
    assert set(failures) == {("in/bad.jsonl", 3), ("in/bad.jsonl", 4), ("in/empty.txt", None)}
    assert failures[("in/bad.jsonl", 3)]["count"] == 2
    assert failures[("in/bad.jsonl", 3)]["message"] == "malformed JSON (again)"
    assert failures[("in/empty.txt", None)]["count"] == 2
    assert failures[("in/bad.jsonl", 4)]["count"] == 1
    assert failures[("in/bad.jsonl", 3)]["last_seen"] >= failures[("in/bad.jsonl", 3)]["first_seen"]
    assert store.stats()["failures"] == 3
    assert store.clear_failures("in/bad.jsonl", 3) == 1
    assert len(store.failures()) == 2


def test_status_and_error_are_stored(store, store_make_result):
    store.save_result(store_make_result("attack", "a1"))
    store.save_result(store_make_result("empty", "a2"), status="not-coded")
    store.save_result(store_make_result("empty", "a3"), status="error", error="too long")
    assert store.stats()["articles_by_status"] == {"coded": 1, "not-coded": 1, "error": 1}
    assert store.get_status("a3")["error"] == "too long"
    assert [a["id"] for a in store.articles(status="error")] == ["a3"]
    with pytest.raises(ValueError):
        store.save_result(store_make_result("empty", "a4"), status="done")


def _two_articles(store, make):
    store.save_result(make("attack", "a1"))
    store.save_result(make("protest", "a2"))


def test_events_filter_by_type_case_insensitively(store, store_make_result):
    _two_articles(store, store_make_result)
    assert {(e["article_id"], e["event_id"]) for e in store.events(type="assault")} == {("a1", "e1")}
    assert [e["article_id"] for e in store.events(type="PROTESTS")] == ["a2"]
    assert [e["event_id"] for e in store.events(type="peaceful protest")] == ["e1"]
    assert store.events(type="Battles") == []
    assert len(store.events()) == 4


def test_events_filter_by_actor_id_or_name(store, store_make_result):
    _two_articles(store, store_make_result)
    by_id = store.events(actor="new:gunmen")  # actor in e1, target in e2 of a1
    assert {(e["article_id"], e["event_id"]) for e in by_id} == {("a1", "e1"), ("a1", "e2")}
    by_name = store.events(actor="jubour")
    assert [(e["article_id"], e["event_id"]) for e in by_name] == [("a1", "e2")]
    assert {e["article_id"] for e in store.events(actor="POLICE")} == {"a1", "a2"}
    assert store.events(actor="nobody%") == []


def test_events_filter_by_country_of_place_or_actor(store, store_make_result):
    _two_articles(store, store_make_result)
    assert {e["article_id"] for e in store.events(country="irq")} == {"a1"}
    assert {e["article_id"] for e in store.events(country="FRA")} == {"a2"}
    # An event without a place still matches through its actors' country.
    result = store_make_result("attack", "a3")
    result.events[0].place = None
    result.events[0].targets = ["kb:visiting-minister"]
    result.actors.append(Actor(id="kb:visiting-minister", name="Visiting Minister", kind="person",
                               country="TUR", sector="GOV"))
    store.save_result(result)
    assert [(e["article_id"], e["event_id"]) for e in store.events(country="TUR")] == [("a3", "e1")]


def test_events_filter_by_date_and_limit(store, store_make_result):
    _two_articles(store, store_make_result)
    recent = store.events(since="2024-04-01")
    assert {e["article_id"] for e in recent} == {"a2"}
    # e2 of a1 has no date of its own: the article's publication date (2024-03-05) is used.
    march = store.events(since=dt.date(2024, 3, 5), until="2024-03-31")
    assert [(e["article_id"], e["event_id"]) for e in march] == [("a1", "e2")]
    assert {(e["article_id"], e["rank"]) for e in store.events(main_only=True)} == {("a1", 0), ("a2", 0)}
    assert [e["event_id"] for e in store.events(article_id="a2")] == ["e1", "e2"]
    newest = store.events(limit=1)
    assert len(newest) == 1 and newest[0]["day"] == dt.date(2024, 4, 13)


def test_event_rows_have_names_and_places(store, store_make_result):
    _two_articles(store, store_make_result)
    (row,) = store.events(type="ASSAULT")
    assert row["actor_names"] == ["Gunmen"] and row["target_names"] == ["Iraqi Police"]
    assert row["place_name"] == "Kirkuk" and row["place_country"] == "IRQ"
    assert row["lat"] == pytest.approx(35.46806) and row["lon"] == pytest.approx(44.39222)
    assert row["fatalities"] == 2 and row["rank"] == 0 and row["date"] == dt.date(2024, 3, 4)
    assert row["evidence"][0]["text"].startswith("Gunmen fired rockets")
    (condemn,) = store.events(type="DISAPPROVE")
    assert condemn["accused_names"] == ["Gunmen"]


def test_articles_filters_and_counts(store, store_make_result):
    _two_articles(store, store_make_result)
    store.save_result(store_make_result("empty", "a3"), status="not-coded")
    rows = store.articles()
    assert [r["id"] for r in rows] == ["a2", "a1", "a3"]  # newest publication first
    by_id = {r["id"]: r for r in rows}
    assert by_id["a1"]["events"] == 2 and by_id["a1"]["actors"] == 3
    assert by_id["a1"]["main_event_type"] == "ASSAULT"
    assert [r["id"] for r in store.articles(language="DE")] == ["a3"]
    assert [r["id"] for r in store.articles(since="2024-03-01", until="2024-03-31")] == ["a1"]
    assert len(store.articles(limit=2)) == 2


def test_actors_are_canonical_across_articles(store, store_make_result):
    store.save_result(store_make_result("attack", "a1"))
    second = store_make_result("attack", "a2")
    # A later article that knows less must not erase the actor's country.
    second.actors[2] = second.actors[2].model_copy(update={"country": None})
    store.save_result(second)
    store.save_result(store_make_result("protest", "a3"))
    actors = {a["id"]: a for a in store.actors()}
    jubouri = actors["kb:rakan-al-jubouri"]
    assert jubouri["articles"] == 2 and jubouri["mentions"] == 4 and jubouri["events"] == 2
    assert jubouri["country"] == "IRQ"
    assert {a["id"] for a in store.actors(country="fra")} == {"new:protesters", "kb:police-fra"}
    assert {a["id"] for a in store.actors(kind="person")} == {"kb:rakan-al-jubouri"}
    assert store.actors(limit=1)[0]["articles"] == 2
    # Re-saving does not inflate counts.
    store.save_result(second)
    assert {a["id"]: a for a in store.actors()}["kb:rakan-al-jubouri"]["articles"] == 2


def test_stats_counts_everything(store, store_make_result):
    _two_articles(store, store_make_result)
    stats = store.stats()
    assert stats["articles"] == 2 and stats["events"] == 4 and stats["actors"] == 5
    assert stats["places"] == 3 and stats["statements"] == 1 and stats["claims"] == 3
    assert stats["events_by_type"] == {"ARREST": 1, "ASSAULT": 1, "DISAPPROVE": 1, "PROTEST": 1}
    assert stats["events_by_acled_type"]["Protests"] == 1


def test_iter_results_and_delete(store, store_make_result):
    originals = [store_make_result("attack", "a1"), store_make_result("protest", "a2"),
                 store_make_result("empty", "a3")]
    for r in originals:
        store.save_result(r)
    assert list(store.iter_results()) == originals
    assert [r.article.id for r in store.iter_results(since="2024-03-01")] == ["a1", "a2"]
    assert store.delete_article("a1") and not store.delete_article("a1")
    assert [r.article.id for r in store.iter_results()] == ["a2", "a3"]
    assert store.events(actor="new:gunmen") == []


def test_store_can_be_written_while_iterating(store, store_make_result):
    for aid in ("a1", "a2"):
        store.save_result(store_make_result("attack", aid))
    for result in store.iter_results():  # as `reprocess` does
        result.pipeline_version = "eventlens-next"
        store.save_result(result)
    assert {r.pipeline_version for r in store.iter_results()} == {"eventlens-next"}


def test_model_fields_without_a_column_survive_in_extra(store, store_make_result, monkeypatch):
    # Simulate fields added to the model before the schema has columns for them.
    from eventlens.store import rows

    monkeypatch.setattr(rows, "EVENT_COLUMNS", tuple(c for c in rows.EVENT_COLUMNS
                                                     if c not in ("explanation", "injured")))
    monkeypatch.setattr(rows, "ACTOR_COLUMNS", tuple(c for c in rows.ACTOR_COLUMNS if c != "link"))
    result = store_make_result("attack")
    store.save_result(result)
    assert store.get_result("a1") == result
    with store.engine.connect() as conn:
        extra = conn.execute(select(schema.events.c.extra, schema.events.c.injured)
                             .where(schema.events.c.event_id == "e1")).one()
    assert extra.extra == {"explanation": "trigger 'fired rockets'", "injured": 3}
    assert extra.injured is None


def test_store_reopens_existing_database(store_url, store_make_result):
    with Store(store_url) as first:
        first.save_result(store_make_result("attack"), raw=b"x")
        first.record_failure("f", 1, "m")
    with Store(store_url) as second:
        assert second.get_result("a1") == store_make_result("attack")
        assert second.failures()[0]["count"] == 1
        second.save_result(store_make_result("attack"))
        assert second.stats()["articles"] == 1
        assert second.get_raw("a1") == (b"x", "txt")
