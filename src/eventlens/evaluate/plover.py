"""``eventlens eval plover``: PLOVER event type accuracy on the OEDA gold standard records.

The gold standard records (a JSON list, one sentence per record) were coded with the
PLOVER 0.5 draft, whose category names partly predate the 16 POLECAT types. They are
mapped through their CAMEO root (the CAMEO2PLOVER table of the PLOVER manual):
INVESTIGATE (CAMEO 09) and DISAPPROVE (11) -> ACCUSE, DEMAND (10) -> REQUEST,
FIGHT (19) -> ASSAULT; the other names are unchanged. DOCUMENT records are skipped.

``--synthetic FILE.csv`` runs the synthetic stories (columns text, label, mode) as a smoke
test: document-level type (the article's main event) and mode agreement.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator, Optional

from ..model import Article, Result
from .metrics import accuracy, confusion, f1_report

PLOVER_TYPES = {"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT",
                "THREATEN"}
# PLOVER 0.5 category -> POLECAT type, via the CAMEO root each 0.5 category was built on.
V05_TO_PLOVER = {"INVESTIGATE": "ACCUSE", "DISAPPROVE": "ACCUSE", "DEMAND": "REQUEST",
                 "FIGHT": "ASSAULT"}
NONE = "(none)"


def gold_type(label: str) -> Optional[str]:
    """The POLECAT type for a gold label, or None for records that are not events."""
    label = (label or "").strip().upper()
    label = V05_TO_PLOVER.get(label, label)
    return label if label in PLOVER_TYPES else None


def read_gsr(path: str, limit: Optional[int] = None) -> list[dict]:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = [r for r in records if r.get("text") and gold_type(r.get("event", ""))]
    return out[:limit] if limit is not None else out


def read_synthetic(path: str, limit: Optional[int] = None, every: int = 1) -> Iterator[dict]:
    """Rows of the synthetic-story CSV; ``every`` keeps one row in N (a fixed, spread sample)."""
    kept = 0
    with open(path, newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i % every:
                continue
            if limit is not None and kept >= limit:
                break
            if (row.get("text") or "").strip() and gold_type(row.get("label", "")):
                kept += 1
                yield row


def main_type(result: Result) -> tuple[str, str]:
    """(PLOVER type, mode) of the article's main event; a coded statement when no event was found."""
    for e in result.events:
        if e.plover_type and e.status not in ("historical", "negated"):
            return e.plover_type, (e.plover_mode or "")
    for s in result.statements:
        if s.plover_type:
            return s.plover_type, ""
    return NONE, ""


def all_types(result: Result) -> set[str]:
    return {e.plover_type for e in result.events if e.plover_type} | {
        s.plover_type for s in result.statements if s.plover_type}


def _norm_mode(mode: str) -> str:
    m = (mode or "").strip().lower().replace("_", "-")
    return {"primative": "primitive", "sieze": "seize"}.get(m, m)


def _report(pairs, any_hits, errors, modes=None) -> dict:
    rep = f1_report(pairs)
    out = {
        "n": len(pairs),
        "type_accuracy": accuracy(pairs),
        "type_macro_f1": rep["macro_f1"],
        "type_weighted_f1": rep["weighted_f1"],
        "type_found_anywhere": sum(any_hits) / len(any_hits) if any_hits else None,
        "coded": sum(1 for _, p in pairs if p != NONE) / len(pairs) if pairs else None,
    }
    if modes is not None:
        with_mode = [(g, p) for g, p in modes if g]
        out["mode_accuracy_when_gold_mode"] = accuracy(with_mode)
        out["mode_n"] = len(with_mode)
    out["per_type"] = rep["per_label"]
    out["confusion"] = {g: dict(c) for g, c in confusion(pairs).items()}
    out["errors"] = errors
    return out


def evaluate(path: str, pipeline, limit: Optional[int] = None, batch_size: int = 32) -> dict:
    """Sentence-level PLOVER type accuracy on the gold standard records."""
    records = read_gsr(path, limit)
    articles = [Article(id=r.get("id") or str(i), text=r["text"], language="en")
                for i, r in enumerate(records)]
    pairs, any_hits, errors = [], [], []
    for rec, result in zip(records, pipeline.pipe(articles, batch_size=batch_size)):
        gold = gold_type(rec["event"])
        pred, _ = main_type(result)
        pairs.append((gold, pred))
        any_hits.append(gold in all_types(result))
        if gold != pred and len(errors) < 40:
            errors.append({"id": rec.get("id"), "gold": f"{rec['event']} -> {gold}", "pred": pred,
                           "trigger": rec.get("eventText"), "text": rec["text"][:200]})
    return {"file": path, **_report(pairs, any_hits, errors)}


def evaluate_synthetic(path: str, pipeline, limit: Optional[int] = None, every: int = 1,
                       batch_size: int = 16) -> dict:
    """Document-level type and mode agreement on synthetic stories (a smoke test)."""
    rows = list(read_synthetic(path, limit, every))
    articles = [Article(id=str(i), title=(r.get("title") or None), text=r["text"], language="en")
                for i, r in enumerate(rows)]
    pairs, modes, any_hits, errors = [], [], [], []
    for row, result in zip(rows, pipeline.pipe(articles, batch_size=batch_size)):
        gold = gold_type(row["label"])
        pred, mode = main_type(result)
        pairs.append((gold, pred))
        any_hits.append(gold in all_types(result))
        if gold == pred:
            modes.append((_norm_mode(row.get("mode", "")), _norm_mode(mode)))
        if gold != pred and len(errors) < 40:
            errors.append({"gold": f"{gold}/{row.get('mode', '')}", "pred": f"{pred}/{mode}",
                           "text": row["text"][:200]})
    return {"file": path, **_report(pairs, any_hits, errors, modes)}


def register(app) -> None:
    import typer

    from .cli import _missing, _print_scores, console

    @app.command("plover")
    def eval_plover(path: str = typer.Argument(..., help="PLOVER gold standard records (JSON list)"),
                    synthetic: Optional[str] = typer.Option(None, help="synthetic stories CSV (smoke test)"),
                    limit: Optional[int] = typer.Option(None, help="first N records/stories only"),
                    every: int = typer.Option(1, help="synthetic: keep one story in N"),
                    json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here")):
        """PLOVER event type accuracy (old 0.5 categories mapped via their CAMEO root)."""
        _missing(path)
        from .. import get_pipeline
        pipeline = get_pipeline()
        report = {"gold": evaluate(path, pipeline, limit=limit)}
        _print_scores(f"PLOVER gold records: {path}", report["gold"])
        if synthetic:
            _missing(synthetic)
            report["synthetic"] = evaluate_synthetic(synthetic, pipeline, limit=limit, every=every)
            _print_scores(f"PLOVER synthetic stories (smoke): {synthetic}", report["synthetic"])
        for e in report["gold"]["errors"][:10]:
            console.print(f"[red]{e['id']}[/red] gold {e['gold']} · pred {e['pred']}\n  {e['text']}",
                          highlight=False)
        if json_out:
            json_out.write_text(json.dumps(report, indent=2, default=str))
