"""Actor KB: phonetic keys, loading and validation, ambiguity, user overrides."""
import json

import pytest

from eventlens.kb.actors import ActorKB, KBError, default_kb, name_key


@pytest.mark.parametrize("a,b", [
    ("Al-Kazemi", "Al-Kadhimi"),
    ("Al-Kadhimi", "Kadhimi"),
    ("Kazimi", "Kadhimi"),
    ("Khamenei", "Khamene'i"),
    ("Qaani", "Ghaani"),
    ("Sayyid", "Sayed"),
    ("Khatibzadeh", "Khatib-zadeh"),
    ("Abu Ali al-Askari", "Abu Ali Askari"),
    ("Abu Ala' al-Wala'i", "Abu Alaa al-Walai"),
    ("Muqtada al-Sadr", "Muqtada el-Sadr"),
])
def test_name_key_equivalences(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [("Kadhimi", "Khamenei"), ("Sadr", "Sudani"), ("Hamas", "Hamad")])
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_strips_possessive_and_article_only_as_prefix():
    assert name_key("Al-Kazemi's") == name_key("Kadhimi")
    assert name_key("al") == "al"   # a lone "al" is not an article


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_builtin_kb_loads_and_links_variants():
    kb = default_kb()
    assert kb.by_id("irq-kadhimi").name == "Mustafa al-Kadhimi"
    for surface in ("Al-Kazemi", "Mustafa al-Kadhimi", "Kazimi"):
        hits = kb.lookup(surface)
        assert [r.id for r, _, _ in hits] == ["irq-kadhimi"], surface
    rec, how, _ = kb.lookup("Esmail Gha'ani")[0]
    assert (rec.id, how) == ("irn-qaani", "phonetic")
    assert kb.lookup("popular crowd")[0][0].id == "irq-pmf"
    assert kb.by_id("irq-kss").kind == "organization"


def test_generated_country_actors():
    kb = default_kb()
    assert kb.by_id("irq").kind == "state"
    assert kb.lookup("Turkish warplanes")[0][0].id == "tur-military"
    assert kb.lookup("Iraqi police")[0][0].id == "irq-police"
    assert kb.lookup("American troops")[0][0].id == "usa-military"
    # hand-written aliases extend a generated record
    assert kb.lookup("IDF")[0][0].id == "isr-military"
    assert kb.by_id("fra-government").country == "FRA"


def test_title_holders_by_date():
    import datetime as dt
    kb = default_kb()
    assert [r.id for r in kb.title_holders("prime minister", "IRQ", dt.date(2021, 11, 9))] == ["irq-kadhimi"]
    assert [r.id for r in kb.title_holders("prime minister", "IRQ", dt.date(2023, 1, 1))] == ["irq-sudani"]


def test_bad_yaml_names_file_and_line(tmp_path):
    p = write(tmp_path, "actors_bad.yaml", "records:\n- id: a\n  name: A\n   kind: person\n")
    with pytest.raises(KBError, match=r"actors_bad\.yaml:4: invalid YAML"):
        ActorKB.load(files=[p], generate=False)


def test_missing_name_names_file_line_and_id(tmp_path):
    p = write(tmp_path, "actors_x.yaml",
              "records:\n- id: ok\n  name: Fine\n  kind: person\n- id: broken\n  kind: person\n")
    with pytest.raises(KBError, match=r"actors_x\.yaml:5.*broken.*missing 'name'"):
        ActorKB.load(files=[p], generate=False)


def test_bad_fields_are_rejected(tmp_path):
    for body, why in [("kind: persn", "bad kind"), ("kind: person\n  country: Iraq", "ISO3"),
                      ("kind: person\n  wikidata: 42", "QID"), ("kind: person\n  alias: [x]", "unknown field")]:
        p = write(tmp_path, "actors_f.yaml", f"records:\n- id: r1\n  name: R\n  {body}\n")
        with pytest.raises(KBError, match=why):
            ActorKB.load(files=[p], generate=False)


def test_duplicate_id_in_builtin_files_is_an_error(tmp_path):
    a = write(tmp_path, "a.yaml", "records:\n- {id: r1, name: R, kind: person}\n")
    b = write(tmp_path, "b.yaml", "records:\n- {id: r1, name: S, kind: person}\n")
    with pytest.raises(KBError, match="duplicate id"):
        ActorKB.load(files=[a, b], generate=False)


def test_shared_alias_is_kept_ambiguous(tmp_path):
    p = write(tmp_path, "a.yaml", "records:\n"
              "- {id: rsf-sudan, name: Rapid Support Forces, kind: organization, country: SDN, aliases: [RSF]}\n"
              "- {id: rsf-ngo, name: Reporters Without Borders, kind: organization, aliases: [RSF]}\n")
    kb = ActorKB.load(files=[p], generate=False)
    assert set(kb.ambiguous["rsf"]) == {"rsf-sudan", "rsf-ngo"}
    assert {r.id for r, _, _ in kb.lookup("RSF")} == {"rsf-sudan", "rsf-ngo"}


def test_user_file_overrides_and_extends(tmp_path):
    base = write(tmp_path, "a.yaml", "records:\n- {id: p1, name: Person One, kind: person, aliases: [P. One]}\n")
    user = tmp_path / "user.jsonl"
    user.write_text(json.dumps({"id": "p1", "country": "IRQ", "aliases": ["Pee One"]}) + "\n"
                    + json.dumps({"id": "p2", "name": "Person Two", "kind": "person"}) + "\n")
    kb = ActorKB.load(files=[base], user_files=[user], generate=False)
    p1 = kb.by_id("p1")
    assert p1.country == "IRQ" and p1.name == "Person One"
    assert {"P. One", "Pee One"} <= set(p1.aliases)
    assert kb.lookup("Pee One")[0][0].id == "p1"
    assert kb.by_id("p2").kind == "person"


def test_user_jsonl_error_names_line(tmp_path):
    user = tmp_path / "user.jsonl"
    user.write_text('{"id": "p1", "name": "A", "kind": "person"}\n{not json}\n')
    with pytest.raises(KBError, match=r"user\.jsonl:2"):
        ActorKB.load(files=[], user_files=[user], generate=False)
