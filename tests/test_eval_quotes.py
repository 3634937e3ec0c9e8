"""``eventlens eval quotes``: brat reading and scoring on a small hand-made fixture."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventlens.evaluate.quotes import load_dir, read_ann

TEXT = 'Dana Reed said the plan was dead. "We will fight it," the union added.\n'
ANN = """T1\tSource 0 9\tDana Reed
T2\tCue 10 14\tsaid
T3\tContent 15 33\tthe plan was dead
T4\tAttribution 10 14\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tContent 35 48;49 51\tWe will fight it
T6\tCue 63 68\tadded
T7\tAttribution 63 68\tadded
E2\tAttribution:T7 Cue:T6 Content:T5
"""


def _fixture(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc_a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "attributions" / "doc_a_ab12.ann").write_text(ANN, "utf-8")
    (tmp_path / "attributions" / "doc_a_zz99.ann").write_text("", "utf-8")   # second annotator: ignored
    (tmp_path / "attributions" / "orphan_ab12.ann").write_text(ANN, "utf-8")  # no text: ignored
    return tmp_path


def test_read_ann_links_roles_and_fragments():
    atts = read_ann(ANN)
    assert len(atts) == 2
    assert atts[0] == {"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 33)]}
    assert "source" not in atts[1] and atts[1]["content"] == [(35, 48), (49, 51)]


def test_load_dir_pairs_text_with_first_annotation(tmp_path):
    items = load_dir(str(_fixture(tmp_path)))
    assert [name for name, _, _ in items] == ["doc_a"]
    assert len(items[0][2]) == 2


def test_evaluate_scores_the_fixture(tmp_path):
    from eventlens import get_pipeline
    from eventlens.evaluate.quotes import evaluate
    report = evaluate(str(_fixture(tmp_path)), get_pipeline())
    assert report["articles"] == 1 and report["gold_attributions"] == 2
    for role in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            v = report[f"{role}_{mode}"]
            assert 0.0 <= v["precision"] <= 1.0 and 0.0 <= v["recall"] <= 1.0
    assert report["cue_overlap"]["recall"] == 1.0       # "said" and "added" are both found
    assert report["content_overlap"]["recall"] == 1.0


def test_cli_missing_dir_exits_cleanly(tmp_path):
    from eventlens.cli import app
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "not found" in result.output


def test_cue_errors_list_missed_and_spurious_cues():
    from eventlens.evaluate.quotes import cue_errors
    gold = read_ann(ANN)
    predicted = [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 33)]},
                 {"source": None, "cue": [(19, 23)], "content": [(24, 33)]}]   # "plan": no gold cue
    errs = cue_errors(TEXT, predicted, gold, context=5)
    assert len(errs["missed"]) == 1 and errs["missed"][0]["at"] == 63 and errs["missed"][0]["source"] is None
    assert [r["cue"] for r in errs["spurious"]] == ["plan"] and errs["spurious"][0]["at"] == 19
    # the spurious "plan" lies inside an annotated statement: its content overlaps the gold cue's
    assert errs["spurious"][0]["other_cue"] == "said"


def test_cli_prints_cue_errors(tmp_path):
    from eventlens.cli import app
    result = CliRunner().invoke(app, ["eval", "quotes", str(_fixture(tmp_path)), "--errors", "5"])
    assert result.exit_code == 0 and "missed cues" in result.output and "spurious cues" in result.output
