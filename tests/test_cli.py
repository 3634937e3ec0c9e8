"""End-to-end tests of the command line: extract, ingest, queries, show, export, reprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventlens.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "000_1367947988e2ffd1.txt"
CHECKER = SHARED / "tools" / "check_contract.py"

ARTICLE = """Gunmen kill two police officers in Kirkuk
published: 2023-05-09
source: Demo Wire

Gunmen killed two police officers at a checkpoint in Kirkuk on Monday, police said.

Iraqi Prime Minister Mohammed Shia al-Sudani condemned the attack and called for calm.
"""

MEETING = """Ministers meet in Amman
published: 2023-06-02

The foreign ministers of Jordan and Egypt met in Amman on Thursday to discuss the situation in Gaza.
"""


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def contract_problems(data: dict) -> list[str]:
    """The same checks the shared contract tool makes, for fixtures that must not depend on it."""
    problems = []
    text = data["article"]["text"]
    for key in ("article", "actors", "places", "events", "statements", "claims"):
        if key not in data:
            problems.append(f"missing {key}")
    for kind in ("actors", "places"):
        for x in data[kind]:
            for s in x["mentions"]:
                if text[s["start"]:s["end"]] != s["text"]:
                    problems.append(f"{kind} span {s}")
    for kind in ("events", "statements", "claims"):
        for x in data[kind]:
            spans = list(x["evidence"]) + ([x["content"]] if kind == "statements" else [])
            for s in spans:
                if text[s["start"]:s["end"]] != s["text"]:
                    problems.append(f"{kind} span {s}")
    actor_ids = {a["id"] for a in data["actors"]}
    place_ids = {p["id"] for p in data["places"]}
    for e in data["events"]:
        if not e["evidence"]:
            problems.append(f"event {e['id']} without evidence")
        for a in e["actors"] + e["targets"]:
            if a not in actor_ids:
                problems.append(f"event {e['id']} refers to unknown actor {a}")
        if e["place"] is not None and e["place"] not in place_ids:
            problems.append(f"event {e['id']} refers to unknown place {e['place']}")
    return problems


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "kirkuk.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "amman.txt").write_text(MEETING, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return d


def test_extract_json_contract(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = run("extract", str(f), "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert contract_problems(data) == []
    assert data["article"]["published"] == "2023-05-09"
    assert data["article"]["title"] == "Gunmen kill two police officers in Kirkuk"
    assert data["events"], "an attack with two deaths must be coded"
    main = data["events"][0]
    assert main["plover_type"] == "ASSAULT"
    assert main["fatalities"] == 2


def test_extract_jsonl_keeps_order_ids_and_reports_bad_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "first", "title": "One", "text": "Protesters rallied in Basra on Friday.",
                         "published": "2022-07-01"}),
             "{not json",
             json.dumps({"id": "third", "title": "Three", "text": "Police arrested five men in Mosul.",
                         "published": "2022-07-02"})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(f), "--format", "jsonl"])
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [r["article"]["id"] for r in out] == ["first", "third"]
    assert "batch.jsonl:2" in res.stderr


def test_ingest_reports_bad_files_and_is_idempotent(tmp_path, corpus):
    db = str(tmp_path / "t.db")
    first = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db, "-q"])
    assert first.exit_code == 1, "a failed input must make the exit code non-zero"
    assert "junk.txt" in first.stderr and "empty.txt" in first.stderr

    from eventlens.store import Store
    with Store(db) as store:
        before = store.stats()
        assert sum(before["articles_by_status"].values()) == 2
        assert len(store.failures()) == 2
        events_before = store.events(limit=None)

    again = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db, "-q"])
    assert again.exit_code == 1
    with Store(db) as store:
        assert store.stats() == before
        assert store.events(limit=None) == events_before
        assert len(store.failures()) == 2  # same failures, counted, not duplicated


def test_queries_show_export_reprocess(tmp_path, corpus):
    db = str(tmp_path / "t.db")
    CliRunner().invoke(app, ["ingest", str(corpus), "--db", db, "-q"])

    res = run("events", "--db", db, "--format", "jsonl")
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert any(r["plover_type"] == "ASSAULT" for r in rows)
    res = run("events", "--db", db, "--type", "CONSULT", "--format", "jsonl")
    assert all(r["plover_type"] == "CONSULT" for r in map(json.loads, res.stdout.splitlines()))

    arts = [json.loads(x) for x in run("articles", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert len(arts) == 2
    kirkuk = next(a for a in arts if "Kirkuk" in (a["title"] or ""))
    shown = run("show", kirkuk["id"], "--db", db)
    assert shown.exit_code == 0 and "checkpoint" in shown.stdout
    assert run("show", "no-such-id", "--db", db).exit_code == 1

    assert run("actors", "--db", db).exit_code == 0
    assert run("summary", "--db", db).exit_code == 0
    assert run("failures", "--db", db).exit_code == 0

    out = tmp_path / "all.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", str(out)).exit_code == 0
    exported = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(exported) == 2 and all(contract_problems(r) == [] for r in exported)

    before = run("events", "--db", db, "--format", "jsonl").stdout
    assert run("reprocess", "--db", db).exit_code == 0
    assert run("events", "--db", db, "--format", "jsonl").stdout == before


@pytest.mark.skipif(not SEED.exists(), reason="seed example ../shared/examples not present")
def test_seed_example_end_to_end():
    res = run("extract", str(SEED), "--published", "2021-11-09", "--format", "jsonl")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert contract_problems(data) == []
    if CHECKER.exists():
        checked = subprocess.run([sys.executable, str(CHECKER)], input=res.stdout, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr

    removed = " ".join(r["text"] for r in data["article"]["removed"])
    assert "A destroyed vehicle" in removed and "Google news" in removed
    assert "A destroyed vehicle" not in data["article"]["text"]

    kadhimi = [a for a in data["actors"] if "kadhimi" in a["name"].lower() or "kazemi" in a["name"].lower()]
    assert len(kadhimi) == 1
    seen = {s.lower() for s in kadhimi[0]["aliases_seen"]}
    assert any("kazemi" in s for s in seen) and any("kadhimi" in s for s in seen)

    main = data["events"][0]
    assert main["plover_type"] == "ASSAULT" and main["plover_mode"] == "drone"
    assert kadhimi[0]["id"] in main["targets"]
    place = next(p for p in data["places"] if p["id"] == main["place"])
    assert place["name"] in ("Baghdad", "Green Zone")


def test_huge_and_eventless_inputs_do_not_stop_the_batch(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "calm.txt").write_text("Weather report\npublished: 2024-01-02\n\nThe weather in Amman was mild and "
                                "sunny on Tuesday, with light winds from the west.\n", encoding="utf-8")
    (d / "huge.txt").write_text("Long file\n\n" + ("The committee read the minutes aloud. " * 20) + "\n\n"
                                + ("word " * 4_200_000), encoding="utf-8")  # ~21 MB
    (d / "kirkuk.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", db, "-q"])
    assert res.exit_code == 1
    assert "huge.txt" in res.stderr and "calm.txt" not in res.stderr

    from eventlens.store import Store
    with Store(db) as store:
        rows = {r["title"]: r for r in store.articles(limit=None)}
        assert rows["Weather report"]["status"] == "coded"
        assert store.get_result(rows["Weather report"]["id"]).events == []
        assert rows["Long file"]["status"] == "error"          # kept, with its raw input, not coded
        raw, _ = store.get_raw(rows["Long file"]["id"])
        assert len(raw) > 20_000_000
        assert any(r["plover_type"] == "ASSAULT" for r in store.events(limit=None))
