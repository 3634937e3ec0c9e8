"""``eventlens eval geo``: toponym recognition and resolution on the LGL corpus format.

LGL (Lieberman et al. 2010) is XML: ``<article>`` with ``<text>`` and ``<toponyms>``, each
``<toponym>`` giving character offsets and, when resolved, a ``<gaztag>`` with lat/lon.
Scored: precision/recall of predicted place mentions against gold toponyms (any overlap),
accuracy within 161 km (100 miles) and median error of matched, gold-resolved toponyms.
LGL also tags demonyms and adjectives ("Iraqi") as toponyms; eventlens keeps those as the
country's ``Place.references`` (apart from its ``mentions``), and both count as predictions.
The table splits the two: names (``mentions``: precision_names, recall_without_demonyms) and
demonyms (``references``: precision_references, recall_demonyms).
"""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..model import Article
from .metrics import haversine_km

MISS_KM = 20_000.0  # a matched toponym left without coordinates counts as maximally wrong


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: Optional[float]
    lon: Optional[float]
    fcode: Optional[str]


def read_lgl(path: str, limit: Optional[int] = None) -> Iterator[tuple[Article, list[GoldToponym]]]:
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        if limit is not None and i >= limit:
            break
        text = art.findtext("text") or ""
        published = None
        stamp = (art.findtext("dltime") or "")[:10]
        try:
            published = dt.date.fromisoformat(stamp)
        except ValueError:
            pass
        gold = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            lat = lon = None
            if g is not None and g.findtext("lat"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
            gold.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")),
                                    t.findtext("phrase") or "", lat, lon,
                                    g.findtext("fcode") if g is not None else None))
        yield Article(id=art.get("docid") or str(i), text=text, published=published,
                      language="en"), gold


def _is_demonym(phrase: str) -> bool:
    """A country's or region's demonym or adjective ("Iraqi", "Texans", "South Ossetian")."""
    from ..kb.places import gazetteer
    gaz = gazetteer()
    return gaz.demonym(phrase) is not None or gaz.region_demonym(phrase) is not None


def evaluate(path: str, pipeline, limit: Optional[int] = None, km: float = 161.0,
             batch_size: int = 16) -> dict:
    docs = list(read_lgl(path, limit))
    n_pred = tp = n_gold = n_gold_nodem = tp_nodem = 0
    n_refs = tp_refs = 0   # predictions that are references (demonyms), and those matched
    errors: list[float] = []
    missed: Counter = Counter()
    spurious: Counter = Counter()
    wrong: list[dict] = []
    missed_at: list[dict] = []
    spurious_at: list[dict] = []
    for (article, gold), result in zip(docs, pipeline.pipe([a for a, _ in docs], batch_size=batch_size)):
        pred = sorted([(m.start, m.end, p, False) for p in result.places for m in p.mentions] +
                      [(m.start, m.end, p, True) for p in result.places for m in p.references],
                      key=lambda x: x[:2])
        n_pred += len(pred)
        n_refs += sum(x[3] for x in pred)
        used: set[int] = set()
        for g in gold:
            demonym = _is_demonym(g.phrase)
            n_gold += 1
            n_gold_nodem += not demonym
            hit = None
            for i, (s, e, p, _ref) in enumerate(pred):
                if i not in used and s < g.end and g.start < e:
                    hit = i
                    break
            if hit is None:
                missed[g.phrase] += 1
                if len(missed_at) < 3000:
                    missed_at.append({"doc": article.id, "phrase": g.phrase, "fcode": g.fcode,
                                      "context": article.text[max(0, g.start - 60):g.end + 60]})
                continue
            used.add(hit)
            tp += 1
            tp_nodem += not demonym
            tp_refs += pred[hit][3]
            if g.lat is None:
                continue
            p = pred[hit][2]
            err = haversine_km(p.lat, p.lon, g.lat, g.lon) if p.lat is not None else MISS_KM
            errors.append(err)
            if err > km and len(wrong) < 3000:
                wrong.append({"doc": article.id, "phrase": g.phrase, "gold": [g.lat, g.lon, g.fcode],
                              "pred": [p.id, p.name, p.country, p.admin1, p.lat, p.lon],
                              "km": round(err)})
        for i, (s, e, p, ref) in enumerate(pred):
            if i not in used:
                spurious[article.text[s:e]] += 1
                if len(spurious_at) < 3000:
                    spurious_at.append({"doc": article.id, "phrase": article.text[s:e],
                                        "pred": [p.id, p.feature] + (["reference"] if ref else []),
                                        "context": article.text[max(0, s - 60):e + 60]})
    errors.sort()
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    return {
        "file": path, "articles": len(docs),
        "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "precision_names": (tp - tp_refs) / (n_pred - n_refs) if n_pred > n_refs else 0.0,
        "recall_without_demonyms": tp_nodem / n_gold_nodem if n_gold_nodem else 0.0,
        "precision_references": tp_refs / n_refs if n_refs else 0.0,
        "recall_demonyms": (tp - tp_nodem) / (n_gold - n_gold_nodem) if n_gold > n_gold_nodem else 0.0,
        f"accuracy@{km:g}km": sum(e <= km for e in errors) / len(errors) if errors else 0.0,
        "median_error_km": errors[len(errors) // 2] if errors else None,
        "mean_error_km": sum(errors) / len(errors) if errors else None,
        "gold": n_gold, "gold_without_demonyms": n_gold_nodem, "predicted": n_pred,
        "predicted_references": n_refs, "matched": tp,
        "resolved_scored": len(errors),
        "missed": dict(missed.most_common(60)), "spurious": dict(spurious.most_common(60)),
        "wrong": wrong, "missed_at": missed_at, "spurious_at": spurious_at,
    }


def register(app) -> None:
    import typer

    from .cli import _missing, _print_scores, console

    @app.command("geo")
    def eval_geo(path: str = typer.Argument(..., help="LGL-format XML (e.g. ../shared/data/geo/lgl.xml)"),
                 limit: Optional[int] = typer.Option(None, help="first N articles only"),
                 json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here")):
        """Toponym recall/precision, accuracy within 161 km and median error on LGL-format XML."""
        _missing(path)
        from .. import get_pipeline
        report = evaluate(path, get_pipeline(), limit=limit)
        _print_scores(f"geo: {path}", report)
        console.print("most missed: " + ", ".join(f"{k} ({v})" for k, v in list(report["missed"].items())[:20]),
                      highlight=False)
        console.print("most spurious: " + ", ".join(f"{k} ({v})" for k, v in list(report["spurious"].items())[:20]),
                      highlight=False)
        if json_out:
            json_out.write_text(json.dumps(report, indent=2, default=str))
