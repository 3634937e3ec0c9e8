"""Exporters: every format is parsed back and checked against the Results it came from."""
from __future__ import annotations

import csv
import io
import json

import pytest

from eventlens.export import FORMATS, export, inter_code, interaction_code
from eventlens.export.acled_codes import COLUMNS as ACLED_COLUMNS
from eventlens.model import Actor, Event, Result
from eventlens.store import Store


@pytest.fixture
def results(store_make_result):
    return [store_make_result("attack", "a1"), store_make_result("protest", "a2"),
            store_make_result("empty", "a3")]


def _export(results, fmt):
    out = io.StringIO()
    n = export(iter(results), fmt, out)  # a one-shot iterator, as from Store.iter_results
    return n, out.getvalue()


def test_jsonl_is_one_result_per_line(results):
    n, text = _export(results, "jsonl")
    lines = text.splitlines()
    assert n == len(lines) == 3
    assert [Result.model_validate(json.loads(line)) for line in lines] == results
    assert "\u201cWe will find" in lines[0]  # not ASCII-escaped


def test_csv_has_one_row_per_event(results):
    n, text = _export(results, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == len(rows) == 4
    by_key = {(r["article_id"], r["event_id"]): r for r in rows}
    attack = by_key[("a1", "e1")]
    assert attack["date"] == "2024-03-04" and attack["plover_type"] == "ASSAULT"
    assert attack["acled_event_type"] == "Explosions/Remote violence"
    assert attack["actors"] == "Gunmen" and attack["targets"] == "Iraqi Police"
    assert attack["place"] == "Kirkuk" and float(attack["latitude"]) == pytest.approx(35.46806)
    assert float(attack["longitude"]) == pytest.approx(44.39222)
    assert attack["fatalities"] == "2" and attack["status"] == "occurred"
    assert attack["evidence"].startswith("Gunmen fired rockets at a police station in Kirkuk")
    condemn = by_key[("a1", "e2")]
    assert condemn["date"] == "" and condemn["fatalities"] == "" and condemn["rank"] == "1"


def test_csv_joins_several_actors(store_make_result):
    result = store_make_result("attack")
    result.events[0].actors = ["new:gunmen", "kb:rakan-al-jubouri", "unlisted-id"]
    _, text = _export([result], "csv")
    first = next(csv.DictReader(io.StringIO(text)))
    assert first["actors"] == "Gunmen; Rakan al-Jubouri; unlisted-id"
    assert first["actor_ids"] == "new:gunmen; kb:rakan-al-jubouri; unlisted-id"


def test_acled_csv_rows_and_codes(results):
    n, text = _export(results, "acled-csv")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == ACLED_COLUMNS
    rows = list(reader)
    assert n == len(rows) == 2  # the events with an ACLED event type
    attack, protest = rows
    assert attack["event_type"] == "Explosions/Remote violence"
    assert attack["disorder_type"] == "Political violence"
    assert attack["event_date"] == "2024-03-04" and attack["year"] == "2024"
    assert attack["actor1"] == "Gunmen" and attack["inter1"] == "3"      # unidentified armed group
    assert attack["actor2"] == "Iraqi Police" and attack["inter2"] == "1"  # state forces
    assert attack["interaction"] == "13"
    assert attack["country"] == "Iraq" and attack["iso"] == "368"
    assert attack["location"] == "Kirkuk" and attack["admin1"] == "Kirkuk"
    assert float(attack["latitude"]) == pytest.approx(35.46806)
    assert attack["fatalities"] == "2" and attack["source"] == "Test Wire"
    assert attack["notes"].startswith("Gunmen fired rockets")
    assert attack["civilian_targeting"] == ""
    assert protest["actor1"] == "Protesters (France)" and protest["inter1"] == "6"
    assert protest["actor2"] == "" and protest["inter2"] == "0" and protest["interaction"] == "60"
    assert protest["disorder_type"] == "Demonstrations" and protest["fatalities"] == "0"
    assert attack["event_id_cnty"] != protest["event_id_cnty"]


def test_acled_skips_events_that_did_not_happen_and_syndicated_copies(store_make_result):
    future = store_make_result("attack", "a1")
    future.events[0].status = "future"
    copy = store_make_result("protest", "a2", duplicate_of="a0")
    n, text = _export([future, copy], "acled-csv")
    assert n == 0 and text.strip() == ",".join(ACLED_COLUMNS)


def test_acled_civilian_targeting_and_undated_event(store_make_result):
    result = store_make_result("attack")
    result.actors.append(Actor(id="new:villagers", name="villagers", kind="group", country="IRQ"))
    event = result.events[0]
    event.acled_event_type, event.acled_sub_event_type = "Violence against civilians", "Attack"
    event.targets = ["new:villagers"]
    event.date = event.time_precision = None
    _, text = _export([result], "acled-csv")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["actor2"] == "Civilians (Iraq)" and row["inter2"] == "7"
    assert row["interaction"] == "37" and row["civilian_targeting"] == "Civilian targeting"
    assert row["event_date"] == "2024-03-05" and row["time_precision"] == "3"


def test_acled_unnamed_actors_follow_acled_conventions(store_make_result):
    result = store_make_result("attack")
    event = result.events[0]
    event.acled_event_type, event.acled_sub_event_type = "Violence against civilians", "Attack"
    event.actors, event.targets = [], []
    _, text = _export([result], "acled-csv")
    (row,) = csv.DictReader(io.StringIO(text))
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Iraq)", "3")
    assert (row["actor2"], row["inter2"]) == ("Civilians (Iraq)", "7")
    assert row["interaction"] == "37"
    event.acled_event_type, event.acled_sub_event_type = "Strategic developments", "Other"
    _, text = _export([result], "acled-csv")
    (row,) = csv.DictReader(io.StringIO(text))
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("", "0", "0")


@pytest.mark.parametrize("sector, kind, side, etype, country, expected", [
    ("MIL", "organization", 1, "Battles", "IRQ", 1),
    ("MIL", "organization", 1, "Battles", "SYR", 8),       # foreign state forces
    (None, "state", 2, "Explosions/Remote violence", "IRQ", 1),
    ("REB", "group", 1, "Battles", None, 2),
    ("UAF", "group", 1, "Explosions/Remote violence", None, 3),
    ("ETH", "group", 1, "Violence against civilians", None, 4),
    ("OPP", "group", 1, "Riots", None, 5),
    ("OPP", "group", 1, "Protests", None, 6),
    ("JRN", "person", 2, "Violence against civilians", None, 7),
    ("IGO", "organization", 2, "Explosions/Remote violence", None, 8),
    (None, "person", 2, "Violence against civilians", None, 7),
    (None, "group", 2, "Battles", None, 3),
])
def test_inter_codes(sector, kind, side, etype, country, expected):
    actor = Actor(id="x", name="X", kind=kind, sector=sector, country=country)
    event = Event(id="e1", acled_event_type=etype)
    assert inter_code(actor, side, event, "IRQ") == expected


def test_interaction_codes():
    assert interaction_code(1, 2) == 12
    assert interaction_code(7, 3) == 37
    assert interaction_code(6, 0) == 60
    assert interaction_code(0, 0) == 0


def test_geojson_features_for_located_events(results, store_make_result):
    unlocated = store_make_result("attack", "a4")
    unlocated.events[0].place = None
    n, text = _export(results + [unlocated], "geojson")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    assert n == len(data["features"]) == 5  # 4 located events + a4/e2; a4/e1 has no place
    by_id = {f["id"]: f for f in data["features"]}
    assert "a4/e1" not in by_id
    attack = by_id["a1/e1"]
    assert attack["geometry"] == {"type": "Point", "coordinates": [44.39222, 35.46806]}
    props = attack["properties"]
    assert props["actors"] == ["Gunmen"] and props["place"] == "Kirkuk"
    assert props["fatalities"] == 2 and props["plover_type"] == "ASSAULT"


def test_geojson_of_nothing_is_valid(store_make_result):
    n, text = _export([store_make_result("empty")], "geojson")
    assert n == 0 and json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_unknown_format_is_an_error(results):
    with pytest.raises(ValueError, match="unknown export format"):
        export(results, "xml", io.StringIO())
    assert set(FORMATS) == {"jsonl", "csv", "acled-csv", "geojson"}


def test_export_from_store(store_url, results):
    with Store(store_url) as store:
        for r in results:
            store.save_result(r)
        n, text = _export(store.iter_results(), "jsonl")
    assert n == 3
    assert [Result.model_validate_json(line) for line in text.splitlines()] == results


@pytest.mark.parametrize("kb_id, side, etype, expected", [
    ("fra-protesters", 1, "Protests", 6),
    ("fra-protesters", 2, "Protests", 6),          # excessive force against protesters: actor2 is type 6
    ("fra-protesters", 1, "Violence against civilians", 6),
    ("protesters", 2, "Battles", 6),               # the country-less generic actor
    ("irq-rioters", 1, "Violence against civilians", 5),
    ("irq-rioters", 2, "Riots", 5),
    ("irq-civilians", 2, "Violence against civilians", 7),
])
def test_inter_codes_demonstrators_by_kb_id(kb_id, side, etype, expected):
    # demonstrators are civilians by sector (as PLOVER codes them); ACLED's type comes from the id
    actor = Actor(id="kb:" + kb_id, name="X", kind="generic", sector="CVL", kb_id=kb_id)
    assert inter_code(actor, side, Event(id="e1", acled_event_type=etype), "IRQ") == expected
