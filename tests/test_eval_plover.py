"""``eventlens eval plover``: category mapping, scoring and the command on tiny files written here."""
from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from eventlens.evaluate.plover import evaluate, evaluate_synthetic, gold_type

RECORDS = [
    {"id": "T-1", "event": "FIGHT", "text": "Government troops clashed with rebel fighters near the border town."},
    {"id": "T-2", "event": "PROTEST", "text": "Thousands of students marched in the capital against the new law."},
    {"id": "T-3", "event": "CONSULT", "text": "The foreign minister met his Turkish counterpart in Ankara on Monday."},
    {"id": "T-4", "event": "DOCUMENT", "eventText": "not an event"},
]


class FakePipeline:
    """Stands in for the spaCy pipeline: the scorer only needs Results."""

    def __init__(self, types):
        self.types = types

    def pipe(self, articles, batch_size=16):
        from eventlens.model import Event, Result
        for art, t in zip(articles, self.types):
            events = [Event(id="e1", plover_type=t)] if t else []
            yield Result(article=art, events=events)


def test_old_categories_map_to_polecat_types():
    assert gold_type("FIGHT") == "ASSAULT"
    assert gold_type("DEMAND") == "REQUEST"
    assert gold_type("DISAPPROVE") == "ACCUSE" and gold_type("INVESTIGATE") == "ACCUSE"
    assert gold_type("agree") == "AGREE"
    assert gold_type("DOCUMENT") is None


def test_scores_and_skips_documentation_records(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS))
    report = evaluate(str(path), FakePipeline(["ASSAULT", "PROTEST", None]))
    assert report["n"] == 3
    assert report["type_accuracy"] == pytest.approx(2 / 3)
    assert report["confusion"]["CONSULT"] == {"(none)": 1}
    assert report["errors"][0]["id"] == "T-3"


def test_synthetic_type_and_mode(tmp_path):
    path = tmp_path / "synthetic.csv"
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["text", "title", "label", "mode"])
        w.writeheader()
        w.writerow({"text": "Drones struck the depot.", "title": "", "label": "ASSAULT", "mode": "DRONE"})
        w.writerow({"text": "Workers went on strike.", "title": "", "label": "PROTEST", "mode": "STRIKE"})
    report = evaluate_synthetic(str(path), FakePipeline(["ASSAULT", "ACCUSE"]))
    assert report["n"] == 2 and report["type_accuracy"] == 0.5
    assert report["mode_n"] == 1


def test_command_runs_the_real_pipeline(tmp_path):
    from eventlens.cli import app
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS))
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["eval", "plover", str(path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())["gold"]
    assert report["n"] == 3
    assert report["per_type"]["ASSAULT"]["recall"] == 1.0
    assert report["per_type"]["PROTEST"]["recall"] == 1.0


def test_command_reports_missing_file(tmp_path):
    from eventlens.cli import app
    result = CliRunner().invoke(app, ["eval", "plover", str(tmp_path / "absent.json")])
    assert result.exit_code == 2 and "not found" in result.output
