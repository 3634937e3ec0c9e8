"""``eventlens kb`` commands and the Wikidata dump importer, on small files the tests write."""
import bz2
import gzip
import json

import pytest
from typer.testing import CliRunner

from eventlens.kb.actors import ActorKB, read_user_records
from eventlens.kb.cli import app
from eventlens.kb.wikidata import ImportStats, import_dump, iter_entities

runner = CliRunner()


def claim(prop, value):
    dv = {"value": {"entity-type": "item", "id": value}, "type": "wikibase-entityid"} \
        if value.startswith("Q") else {"value": value, "type": "string"}
    return {prop: [{"mainsnak": {"snaktype": "value", "property": prop, "datavalue": dv}, "rank": "normal"}]}


def entity(qid, label, claims=(), aliases=(), ar=None):
    labels = {"en": {"language": "en", "value": label}}
    if ar:
        labels["ar"] = {"language": "ar", "value": ar}
    cl = {}
    for c in claims:
        for k, v in c.items():
            cl.setdefault(k, []).extend(v)
    return {"type": "item", "id": qid, "labels": labels,
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]}, "claims": cl}


def write_dump(path, entities, bad_lines=()):
    lines = ["["] + [json.dumps(e) + "," for e in entities] + list(bad_lines) + ["]"]
    text = "\n".join(lines) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    elif path.suffix == ".bz2":
        path.write_bytes(bz2.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


ENTITIES = [
    entity("Q990001", "Zarvania", [claim("P31", "Q6256"), claim("P298", "ZZA"), claim("P297", "ZA")]),
    entity("Q990002", "Omar Testperson", [claim("P31", "Q5"), claim("P27", "Q990001"), claim("P106", "Q82955")],
           aliases=["O. Testperson"], ar="عمر تست"),
    entity("Q990003", "Front for Testing", [claim("P31", "Q7278"), claim("P17", "Q796")]),
    entity("Q990004", "A Mountain", [claim("P31", "Q8502")]),
]


@pytest.mark.parametrize("suffix", [".json", ".json.gz", ".json.bz2"])
def test_import_reads_every_dump_compression(tmp_path, suffix):
    dump = write_dump(tmp_path / f"dump{suffix}", ENTITIES, bad_lines=["{not json},", '"just a string",'])
    records, stats = import_dump(dump, ["en", "ar"])
    by_id = {r["id"]: r for r in records}
    person = by_id["wd-q990002"]
    assert person["kind"] == "person" and person["name"] == "Omar Testperson"
    assert person["sectors"] == ["GOV"] and person["wikidata"] == "Q990002"
    assert {"O. Testperson", "عمر تست"} <= set(person["aliases"])
    # country comes from the P298 code of a country item seen in the same dump; Iraq (Q796) from the KB
    assert person["country"] == "ZZA"
    party = by_id["wd-q990003"]
    assert party["kind"] == "organization" and party["sectors"] == ["PTY"]
    assert "wd-q990004" not in by_id                       # a mountain is not an actor
    assert stats.bad_lines == 2 and stats.entities == 4


def test_country_from_kb_state_qid(tmp_path):
    kb = ActorKB.load(files=[], generate=True)
    iraq = kb.by_id("irq")
    kb.records["irq"] = type(iraq)(**{**iraq.__dict__, "wikidata": "Q796"})
    dump = write_dump(tmp_path / "d.json", ENTITIES[2:3])
    records, _ = import_dump(dump, ["en"], kb=kb)
    assert records[0]["country"] == "IRQ"


def test_iter_entities_counts_bad_lines():
    stats = ImportStats()
    lines = ["[", '{"id": "Q1", "type": "item"},', "{oops", "]"]
    assert [e["id"] for e in iter_entities(lines, stats)] == ["Q1"]
    assert stats.bad_lines == 1 and "line 3" in stats.bad_examples[0]


@pytest.fixture
def user_kb(tmp_path, monkeypatch):
    path = tmp_path / "kb.yaml"
    monkeypatch.setenv("EVENTLENS_KB", str(path))
    return path


def test_import_wikidata_command_writes_user_kb(tmp_path, user_kb):
    dump = write_dump(tmp_path / "dump.json.gz", ENTITIES, bad_lines=["garbage,"])
    res = runner.invoke(app, ["import-wikidata", str(dump), "--lang", "en,ar"])
    assert res.exit_code == 0, res.output
    assert "1 bad lines skipped" in res.output
    ids = {r["id"] for r in read_user_records(user_kb)}
    assert {"wd-q990002", "wd-q990003"} <= ids
    kb = ActorKB.load(user_files=[user_kb])
    assert kb.lookup("Omar Testperson")[0][0].id == "wd-q990002"


def test_add_show_search_list(user_kb):
    res = runner.invoke(app, ["add", "tst-someone", "--name", "Someone Newname", "--kind", "person",
                              "--country", "irq", "--sector", "GOV", "--alias", "S. Newname"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["show", "tst-someone"])
    assert res.exit_code == 0 and json.loads(res.output)["country"] == "IRQ"
    res = runner.invoke(app, ["search", "Newname"])
    assert res.exit_code == 0 and "tst-someone" in res.output
    res = runner.invoke(app, ["list", "--country", "IRQ", "--kind", "person", "--json", "--limit", "0"])
    assert "tst-someone" in res.output
    # extending a built-in record keeps its name and adds the alias
    res = runner.invoke(app, ["add", "irq-kadhimi", "--alias", "Kadhimi the Test"])
    assert res.exit_code == 0, res.output
    kb = ActorKB.load(user_files=[user_kb])
    assert kb.lookup("Kadhimi the Test")[0][0].id == "irq-kadhimi"
    assert kb.by_id("irq-kadhimi").name == "Mustafa al-Kadhimi"


def test_add_rejects_bad_input(user_kb):
    res = runner.invoke(app, ["add", "tst-x", "--name", "X"])
    assert res.exit_code == 2                                   # new record without a kind
    res = runner.invoke(app, ["add", "tst-x", "--name", "X", "--kind", "person", "--country", "Iraq"])
    assert res.exit_code == 1 and "ISO3" in res.output
    assert runner.invoke(app, ["show", "no-such-id"]).exit_code == 1


def test_corrupt_user_kb_names_file_and_line(user_kb):
    user_kb.write_text("records:\n- id: a\n  name: A\n   kind: person\n")
    res = runner.invoke(app, ["list"])
    assert res.exit_code == 1 and "kb.yaml:4" in res.output
