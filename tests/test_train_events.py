"""`eventlens train events` and the eventlens_event_classifier stage.

The labelled file is written here: invented ACLED-style notes for four sub-event types
(places and groups are fictional), plus a few broken rows.
"""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.config import EVENT_CLASSIFIER, EVENT_MODEL_ENV, Config
from eventlens.model import Event
from eventlens.pipeline.event_classifier import EventClassifierStage, main_event_index, score
from eventlens.train.events import TrainingError, read_labelled, split_rows, train_events

TOWNS = ["Varkel", "Osmid", "Trelan", "Bodrun", "Qassim Hill", "Norvale", "Ezzat", "Palmira Bay", "Kestrow", "Amberlin"]
KINDS = {
    ("Protests", "Peaceful protest"): [
        "On {d} May 2030, in {t}, around {n} teachers demonstrated outside the town hall demanding higher wages. [size=around {n}]",
        "On {d} May 2030, residents of {t} held a peaceful march against rising fuel prices. [size=no report]",
        "On {d} May 2030, students rallied in {t} to protest the closure of their university. [size=dozens]",
    ],
    ("Battles", "Armed clash"): [
        "On {d} May 2030, Red Ridge militia fighters clashed with the army near {t}. {n} soldiers were killed in the fighting.",
        "On {d} May 2030, government troops and rebels of the Azure Front exchanged fire for hours in {t}.",
        "On {d} May 2030, an armed group attacked a military post in {t}; soldiers repelled the assault after a gun battle.",
    ],
    ("Explosions/Remote violence", "Air/drone strike"): [
        "On {d} May 2030, military aircraft bombed positions of the Azure Front in {t}, killing {n} fighters.",
        "On {d} May 2030, a drone strike hit a vehicle near {t}. {n} people on board were killed.",
        "On {d} May 2030, warplanes carried out airstrikes on a weapons depot in {t}.",
    ],
    ("Strategic developments", "Arrests"): [
        "On {d} May 2030, police arrested {n} members of an opposition party in {t}.",
        "On {d} May 2030, security forces detained a journalist in {t} on charges of spreading false news.",
        "On {d} May 2030, the gendarmerie arrested a local official in {t} for corruption.",
    ],
}
COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "notes", "fatalities"]


def labelled_rows() -> list[dict]:
    rows = []
    for (event_type, sub_type), templates in KINDS.items():
        for i, town in enumerate(TOWNS):
            note = templates[i % len(templates)].format(d=i + 1, t=town, n=i + 3)
            rows.append({"event_id_cnty": f"XYZ{len(rows)}", "event_date": f"2030-05-{i + 1:02d}",
                         "event_type": event_type, "sub_event_type": sub_type, "notes": note, "fatalities": "0"})
    # broken rows: no notes (twice) and no label
    rows.append({**rows[0], "event_id_cnty": "BAD1", "notes": ""})
    rows.append({**rows[1], "event_id_cnty": "BAD2", "notes": "   "})
    rows.append({**rows[2], "event_id_cnty": "BAD3", "sub_event_type": ""})
    return rows


def write_csv(path, rows, columns=COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="session")
def labelled_csv(tmp_path_factory):
    return write_csv(tmp_path_factory.mktemp("labelled") / "labelled.csv", labelled_rows())


@pytest.fixture(scope="session")
def trained(tmp_path_factory, labelled_csv):
    out = tmp_path_factory.mktemp("model") / "events"
    meta = train_events(labelled_csv, out, epochs=3, dev_fraction=0.2, seed=1, batch_size=1)
    return out, meta


def test_bad_rows_are_skipped_and_counted(labelled_csv):
    data = read_labelled(labelled_csv)
    assert data.read == 43
    assert len(data.rows) == 40
    assert data.skipped == {"no notes": 2, "no sub_event_type": 1}
    # ACLED's coder annotations are not text a news article would contain
    assert not any("[size=" in r.text for r in data.rows)


def test_missing_column_is_an_error_not_a_crash(tmp_path):
    path = write_csv(tmp_path / "x.csv", labelled_rows(), columns=["event_type", "notes"])
    with pytest.raises(TrainingError, match="sub_event_type"):
        read_labelled(path)


def test_split_is_stratified_and_reproducible(labelled_csv):
    rows = read_labelled(labelled_csv).rows
    train, dev = split_rows(rows, 0.2, seed=7)
    assert len(train) + len(dev) == 40
    assert {r.label for r in dev} == {r.label for r in train}  # every label on both sides
    assert [r.text for r in dev] == [r.text for r in split_rows(rows, 0.2, seed=7)[1]]


def test_meta_records_labels_hierarchy_rows_and_scores(trained):
    out, meta = trained
    saved = json.loads((out / "eventlens.json").read_text())
    assert saved == meta
    assert (out / "model" / "config.cfg").is_file()
    assert meta["labels"] == sorted(sub for _, sub in KINDS)
    assert meta["hierarchy"] == {sub: parent for parent, sub in KINDS}
    assert meta["rows"] == {"read": 43, "skipped": {"no notes": 2, "no sub_event_type": 1}, "train": 32, "held_out": 8}
    scores = meta["scores"]
    assert scores["rows"] == 8
    for key in ("accuracy", "macro_f1", "weighted_f1", "parent_accuracy"):
        assert 0.0 <= scores[key] <= 1.0
    assert 60 < meta["text_chars_p95"] < 200
    dt.datetime.fromisoformat(meta["trained_at"])


def test_model_learns_the_fixture(trained):
    from eventlens.pipeline.event_classifier import load_trained
    model = load_trained(str(trained[0]))
    assert model.classify("Hundreds of nurses demonstrated peacefully in Lorwick over unpaid wages.")[0] == "Peaceful protest"
    assert model.classify("Police arrested two members of the opposition in Lorwick.")[0] == "Arrests"


def test_prior_correction_discounts_frequent_labels(trained):
    import dataclasses
    from eventlens.pipeline.event_classifier import load_trained
    model = load_trained(str(trained[0]))
    skewed = dataclasses.replace(model, meta={**model.meta, "label_counts": {
        **model.meta["label_counts"], "Peaceful protest": 1000}})
    text = "Hundreds of nurses demonstrated peacefully in Lorwick over unpaid wages."
    label, p = model.classify(text, prior_correction=1.0)  # balanced fixture: no change
    assert label == "Peaceful protest"
    assert p == pytest.approx(model.classify(text)[1])
    corrected = skewed.classify(text, prior_correction=1.0)
    assert corrected[0] != "Peaceful protest" or corrected[1] < p


def _doc_with_event(spacy_parse, text, acled, explanation="trigger 'x' -> rules"):
    doc = spacy_parse(text, dt.date(2030, 5, 3))
    doc._.events = [
        Event(id="e1", plover_type="CONSULT"),  # not ACLED-coded: not the main event
        Event(id="e2", plover_type="ASSAULT", plover_mode="firearms", acled_event_type=acled[0],
              acled_sub_event_type=acled[1], explanation=explanation, confidence=0.5),
    ]
    return doc


def test_stage_overrides_the_main_event_with_explanation(trained, spacy_parse):
    text = "Hundreds of nurses demonstrated peacefully in Lorwick on Friday demanding higher wages."
    doc = _doc_with_event(spacy_parse, text, ("Battles", "Armed clash"))
    EventClassifierStage(str(trained[0]), threshold=0.3)(doc)
    first, main = doc._.events
    assert first.acled_event_type is None and first.explanation is None
    assert (main.acled_event_type, main.acled_sub_event_type) == ("Protests", "Peaceful protest")
    assert (main.plover_type, main.plover_mode) == ("ASSAULT", "firearms")  # PLOVER untouched
    assert main.explanation.startswith("trigger 'x' -> rules; ACLED type chosen by trained model")
    assert "rules: Battles / Armed clash" in main.explanation and "p=0." in main.explanation


def test_stage_keeps_rules_below_threshold(trained, spacy_parse):
    text = "Hundreds of nurses demonstrated peacefully in Lorwick on Friday demanding higher wages."
    doc = _doc_with_event(spacy_parse, text, ("Battles", "Armed clash"))
    EventClassifierStage(str(trained[0]), threshold=1.01)(doc)
    main = doc._.events[1]
    assert main.acled_sub_event_type == "Armed clash"
    assert "suggested Protests / Peaceful protest" in main.explanation and "rules kept" in main.explanation


def test_long_articles_are_read_at_the_main_event_sentence(trained, spacy_parse):
    from eventlens.model import Span
    event_sentence = "Hundreds of nurses demonstrated peacefully in Lorwick on Friday demanding higher wages."
    background = " Police arrested three opposition members in Dunmere last month, officials said." * 6
    text = event_sentence + background
    doc = spacy_parse(text, dt.date(2030, 5, 3))
    trigger = text.index("demonstrated")
    doc._.events = [Event(id="e1", acled_event_type="Battles", acled_sub_event_type="Armed clash",
                          trigger=Span.of(text, trigger, trigger + len("demonstrated")),
                          evidence=[Span.of(text, 0, len(event_sentence))])]
    stage = EventClassifierStage(str(trained[0]), threshold=0.3)
    assert len(text) > trained[1]["text_chars_p95"]
    assert stage.text_for(doc, doc._.events[0]) == event_sentence
    assert EventClassifierStage(str(trained[0]), context="article").text_for(doc, doc._.events[0]) == text
    stage(doc)
    assert doc._.events[0].acled_sub_event_type == "Peaceful protest"


def test_main_event_is_the_first_acled_coded_one():
    events = [Event(id="e1", plover_type="CONSULT"), Event(id="e2", acled_event_type="Protests"),
              Event(id="e3", acled_event_type="Battles")]
    assert main_event_index(events) == 1
    assert main_event_index(events[:1]) is None
    assert main_event_index(events[:1], code_uncoded=True) == 0


def test_stage_is_configured_only_with_a_model(trained, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTLENS_CONFIG", raising=False)
    monkeypatch.delenv(EVENT_MODEL_ENV, raising=False)
    assert EVENT_CLASSIFIER not in Config.load().stages
    monkeypatch.setenv(EVENT_MODEL_ENV, str(trained[0]))
    stages = Config.load().stages
    assert stages[stages.index("eventlens_events") + 1] == EVENT_CLASSIFIER
    monkeypatch.delenv(EVENT_MODEL_ENV)
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "eventlens.toml").write_text(
        '[pipeline.eventlens_event_classifier]\nmodel_path = "models/events"\nthreshold = 0.7\n')
    cfg = Config.load(tmp_path / "conf" / "eventlens.toml")
    assert EVENT_CLASSIFIER in cfg.stages
    assert cfg.stage_config[EVENT_CLASSIFIER] == {"model_path": str(tmp_path / "conf" / "models" / "events"),
                                                  "threshold": 0.7}


def test_pipeline_runs_the_stage_after_events(trained, spacy_parse):
    """The rule stages and the trained stage together on a real parse."""
    from eventlens.pipeline.events import EventsStage
    doc = spacy_parse("Police arrested five opposition activists in Lorwick on Friday.", dt.date(2030, 5, 3))
    EventsStage()(doc)
    before = [(e.id, e.plover_type, e.acled_event_type) for e in doc._.events]
    EventClassifierStage(str(trained[0]), threshold=0.0)(doc)
    i = main_event_index(doc._.events)
    assert i is not None
    main = doc._.events[i]
    assert "trained model" in main.explanation
    assert main.acled_sub_event_type == "Arrests"
    assert [(e.id, e.plover_type) for e in doc._.events] == [(x, p) for x, p, _ in before]
    assert "event_classifier" in doc._.trace


def test_score_counts_fixed_and_broken_rows():
    report = score([("Arrests", "Other", "Arrests"), ("Attack", "Attack", "Armed clash"),
                    ("Attack", "Attack", "Attack"), ("Grenade", "Other", "Arrests")])
    assert (report["overridden"], report["fixed"], report["broken"]) == (3, 1, 1)
    assert report["rules_accuracy"] == 0.5 and report["final_accuracy"] == 0.5


def test_cli_trains_and_reports(labelled_csv, tmp_path):
    out = tmp_path / "cli-model"
    result = CliRunner().invoke(app, ["train", "events", str(labelled_csv), "--out", str(out), "--epochs", "1",
                                      "--seed", "3", "--batch-size", "16"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "2 no notes" in result.output and "1 no sub_event_type" in result.output
    assert json.loads((out / "eventlens.json").read_text())["epochs"] == 1
    bad = CliRunner().invoke(app, ["train", "events", str(labelled_csv), "--label-column", "nope",
                                   "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "nope" in bad.output


def test_acled_category_label_is_not_evidence():
    from eventlens.pipeline.event_classifier import clean_text, strip_category_label
    assert strip_category_label("Movement of forces: On 3 May troops moved.") == "On 3 May troops moved."
    # a colon later in the text is not a label
    assert strip_category_label("On 3 May, in Kalay: troops moved.") == "On 3 May, in Kalay: troops moved."
    assert clean_text("Looting: On 3 May [size=no report] men took grain.") == "On 3 May men took grain."
