"""``eventlens eval acled``: code each ACLED row's ``notes`` and score the main event.

The row's event_date is the publication date (ACLED notes are written after the
fact and usually date the event themselves). Scored: event_type, sub_event_type
(accuracy, macro-F1, weighted F1), fatalities exact, date exact, location
(same name or within 25 km), geo/time precision agreement, actor1/actor2 found.
"""
from __future__ import annotations

import json
import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Optional

from ..model import Article, Result
from .actors import forms_match, gold_forms, predicted_forms, read_acled
from .metrics import accuracy, confusion, f1_report, haversine_km

NONE = "(none)"


def read_rows(path: str, limit: Optional[int] = None) -> list[dict]:
    """Rows with notes (shared with ``eval actors``)."""
    return read_acled(path, limit)


def _num(x) -> Optional[float]:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _actor_found(gold: str, result: Result, ids: list[str]) -> bool:
    """Is the ACLED actor among the event's actors/targets? The same matching as
    ``eventlens eval actors`` (dates dropped, "ACR: Full name", phonetic keys)."""
    forms = gold_forms(gold)
    by_id = {a.id: a for a in result.actors}
    return any(forms_match(predicted_forms(by_id[i]), forms) for i in ids if i in by_id)


def evaluate(path: str, pipeline, limit: Optional[int] = None, batch_size: int = 32) -> dict:
    rows = list(read_rows(path, limit))
    articles = []
    for row in rows:
        try:
            published = dt.date.fromisoformat(row["event_date"][:10])
        except (KeyError, ValueError):
            published = None
        articles.append(Article(id=row.get("event_id_cnty") or str(len(articles)), text=row["notes"],
                                published=published, language="en"))
    type_pairs, sub_pairs, fat, dates, locs, geo_p, time_p = [], [], [], [], [], [], []
    a1, a2 = [], []
    errors = []
    for row, result in zip(rows, pipeline.pipe(articles, batch_size=batch_size)):
        ev = next((e for e in result.events if e.acled_event_type), None)
        gold_type, gold_sub = row.get("event_type") or NONE, row.get("sub_event_type") or NONE
        pred_type = ev.acled_event_type if ev else NONE
        pred_sub = ev.acled_sub_event_type if ev else NONE
        type_pairs.append((gold_type, pred_type))
        sub_pairs.append((gold_sub, pred_sub))
        gold_fat = _num(row.get("fatalities"))
        if gold_fat is not None:
            fat.append((int(gold_fat), (ev.fatalities or 0) if ev else None))
        dates.append((row.get("event_date", "")[:10], ev.date.isoformat() if ev and ev.date else None))
        if ev and ev.time_precision is not None and _num(row.get("time_precision")) is not None:
            time_p.append((int(_num(row["time_precision"])), ev.time_precision))
        place = next((p for p in result.places if ev and p.id == ev.place), None)
        glat, glon = _num(row.get("latitude")), _num(row.get("longitude"))
        hit = False
        if place is not None:
            if _norm(place.name) and _norm(place.name) in {_norm(row.get(k, "")) for k in
                                                           ("location", "admin3", "admin2", "admin1")}:
                hit = True
            elif place.lat is not None and glat is not None and haversine_km(place.lat, place.lon, glat, glon) <= 25:
                hit = True
        locs.append(hit)
        if ev and ev.geo_precision is not None and _num(row.get("geo_precision")) is not None:
            geo_p.append((int(_num(row["geo_precision"])), ev.geo_precision))
        roles = (ev.actors + ev.targets) if ev else []
        if row.get("actor1"):
            a1.append(_actor_found(row["actor1"], result, roles))
        if row.get("actor2"):
            a2.append(_actor_found(row["actor2"], result, roles))
        if (gold_sub != pred_sub) and len(errors) < 25:
            errors.append({"id": row.get("event_id_cnty"), "gold": f"{gold_type} / {gold_sub}",
                           "pred": f"{pred_type} / {pred_sub}", "notes": row["notes"][:220]})
    subs = f1_report(sub_pairs)
    return {
        "file": path, "rows": len(rows),
        "event_type_accuracy": accuracy(type_pairs),
        "event_type_macro_f1": f1_report(type_pairs)["macro_f1"],
        "sub_event_type_accuracy": accuracy(sub_pairs),
        "sub_event_type_macro_f1": subs["macro_f1"],
        "sub_event_type_weighted_f1": subs["weighted_f1"],
        "fatalities_exact": accuracy(fat),
        "date_exact": accuracy(dates),
        "time_precision_agreement": accuracy(time_p),
        "location_match": sum(locs) / len(locs) if locs else None,
        "geo_precision_agreement": accuracy(geo_p),
        "actor1_recall": sum(a1) / len(a1) if a1 else None,
        "actor2_recall": sum(a2) / len(a2) if a2 else None,
        "confusion": {g: dict(c) for g, c in confusion(type_pairs).items()},
        "per_sub_event_type": subs["per_label"],
        "errors": errors,
    }


def register(app) -> None:
    import typer
    from rich.table import Table

    from .cli import _missing, _print_scores, console

    @app.command("acled")
    def eval_acled(path: str = typer.Argument(..., help="ACLED CSV export with a notes column"),
                   limit: Optional[int] = typer.Option(None, help="first N rows only"),
                   json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here")):
        """Score the main event of each row's notes against ACLED's coding."""
        _missing(path)
        from .. import get_pipeline
        report = evaluate(path, get_pipeline(), limit=limit)
        _print_scores(f"ACLED: {path}", report)
        conf = Table(title="event_type confusion (gold rows, predicted columns)")
        labels = sorted({p for c in report["confusion"].values() for p in c} | set(report["confusion"]))
        conf.add_column("gold \\ pred")
        for lab in labels:
            conf.add_column(lab[:12], justify="right")
        for g in sorted(report["confusion"]):
            conf.add_row(g[:28], *[str(report["confusion"][g].get(p, "")) for p in labels])
        console.print(conf)
        for e in report["errors"][:10]:
            console.print(f"[red]{e['id']}[/red] gold {e['gold']} · pred {e['pred']}\n  {e['notes']}", highlight=False)
        if json_out:
            json_out.write_text(json.dumps(report, indent=2, default=str))
