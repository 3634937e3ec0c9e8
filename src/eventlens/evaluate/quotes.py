"""``eventlens eval quotes DIR``: attribution spans against PolNeAR-style brat annotations.

DIR holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``. Each ``E`` line of
an .ann file links a Cue, a Content and (usually) a Source text-bound annotation; spans may be
discontinuous ("10 20;25 40"). The article text is coded as it is (offsets must agree with
the annotations), and the statements stage's source/cue/content spans are scored by
``eventlens.pipeline.statement_scoring.score`` (exact and overlap, micro-averaged over articles).
When several annotators annotated one article, the first annotation file (by name) is used.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Optional

from ..model import Article

ROLES = ("source", "cue", "content")
_ROLE_OF = {"Source": "source", "Cue": "cue", "Content": "content"}


def read_ann(text: str) -> list[dict]:
    """Attributions of one .ann file as dicts role -> list of (start, end) fragments."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, _, b = frag.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            spans[parts[0]] = (label, frags)
        elif parts[0].startswith("E"):
            events.append(parts[1].split())
    out = []
    for args in events:
        att = {}
        for arg in args[1:]:
            label, _, tid = arg.partition(":")
            role = _ROLE_OF.get(re.sub(r"\d+$", "", label))
            if role and tid in spans and spans[tid][1]:
                att[role] = sorted(spans[tid][1])
        if att:
            out.append(att)
    return out


def load_dir(path: str, limit: Optional[int] = None) -> list[tuple[str, str, list[dict]]]:
    """(name, text, gold attributions) per article that has both a text and an annotation."""
    root = Path(path)
    texts = {p.stem: p for p in sorted((root / "text").glob("*.txt"))}
    anns: dict[str, Path] = {}
    for p in sorted((root / "attributions").glob("*.ann")):
        name = next((t for t in texts if p.stem.startswith(t + "_") or p.stem == t), None)
        if name is not None and name not in anns:
            anns[name] = p
    out = []
    for name in sorted(anns):
        text = texts[name].read_text("utf-8")
        out.append((name, text, read_ann(anns[name].read_text("utf-8"))))
        if limit is not None and len(out) >= limit:
            break
    return out


def cue_errors(text: str, predicted: list[dict], gold: list[dict], context: int = 60) -> dict:
    """Cues to look at: gold cues no predicted cue overlaps ("missed") and predicted cues that
    overlap no gold cue ("spurious"), each with its gold/predicted source and some context.
    "other_cue" is the cue of an attribution on the other side whose content overlaps this one's
    (the statement was found, or annotated, with another cue word), or None."""
    from ..pipeline.base import overlaps

    def hit(span, others):
        return any(overlaps(a, b, c, d) for a, b in span for o in others for c, d in o)

    def row(att, others):
        a, b = att["cue"][0][0], att["cue"][-1][1]
        src = att.get("source")
        other = next((o for o in others if o.get("cue") and o.get("content")
                      and hit(att.get("content") or [], [o["content"]])), None)
        return {"cue": text[a:b], "source": text[src[0][0]:src[-1][1]] if src else None,
                "other_cue": text[other["cue"][0][0]:other["cue"][-1][1]] if other else None,
                "at": a, "context": text[max(0, a - context):b + context].replace("\n", " ")}
    g_cues = [g["cue"] for g in gold if g.get("cue")]
    p_cues = [p["cue"] for p in predicted if p.get("cue")]
    return {"missed": [row(g, predicted) for g in gold if g.get("cue") and not hit(g["cue"], p_cues)],
            "spurious": [row(p, gold) for p in predicted if p.get("cue") and not hit(p["cue"], g_cues)]}


def evaluate(path: str, pipeline, limit: Optional[int] = None, batch_size: int = 8,
             errors: bool = False) -> dict:
    """Micro-averaged source/cue/content precision, recall and F1 (exact and overlap); with
    errors, each article's missed and spurious cues (cue_errors) too."""
    from ..pipeline.statement_scoring import predicted_spans, score
    items = load_dir(path, limit)
    nlp = pipeline.nlp
    docs = []
    for name, text, _ in items:
        doc = nlp.make_doc(text)
        doc._.article = Article(id=name, text=text, language="en")
        doc._.trace = {}
        docs.append(doc)
    totals: dict[str, list[int]] = {}
    per_article = []
    t0 = time.perf_counter()
    for (name, text, gold), doc in zip(items, nlp.pipe(docs, batch_size=batch_size)):
        predicted = predicted_spans(doc)
        s = score(text, predicted, gold)
        per_article.append({"article": name, "gold": len(gold), "predicted": len(predicted),
                            **{k: v["f1"] for k, v in s.items()},
                            **(cue_errors(text, predicted, gold) if errors else {})})
        for key, v in s.items():
            acc = totals.setdefault(key, [0, 0, 0, 0])
            for i, field in enumerate(("tp_pred", "pred", "tp_gold", "gold")):
                acc[i] += v[field]
    seconds = time.perf_counter() - t0
    report: dict = {"dir": path, "articles": len(items),
                    "gold_attributions": sum(len(g) for _, _, g in items), "seconds": round(seconds, 1)}
    for key, (tp_p, n_p, tp_g, n_g) in totals.items():
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        report[key] = {"precision": round(p, 4), "recall": round(r, 4),
                       "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "pred": n_p, "gold": n_g}
    report["per_article"] = per_article
    return report


def register(app) -> None:
    import typer
    from rich.table import Table

    from .cli import _missing, console

    @app.command("quotes")
    def eval_quotes(path: str = typer.Argument(..., help="PolNeAR-style dir with text/ and attributions/"),
                    limit: Optional[int] = typer.Option(None, help="first N articles only"),
                    json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here"),
                    errors: int = typer.Option(0, "--errors", help="show this many missed and spurious cues "
                                               "(all of them go into --json)")):
        """Score statement source, cue and content spans (exact and overlap P/R/F1)."""
        _missing(path)
        if not (Path(path) / "attributions").is_dir() or not (Path(path) / "text").is_dir():
            console.print(f"[yellow]skipped[/yellow]: {path} has no text/ and attributions/ directories")
            raise typer.Exit(2)
        from .. import get_pipeline
        report = evaluate(path, get_pipeline(), limit=limit, errors=bool(errors) or json_out is not None)
        table = Table(title=f"Quotes: {path} ({report['articles']} articles, "
                            f"{report['gold_attributions']} gold attributions, {report['seconds']}s)")
        for col in ("role", "match", "precision", "recall", "F1", "pred", "gold"):
            table.add_column(col, justify="left" if col in ("role", "match") else "right")
        for role in ROLES:
            for mode in ("exact", "overlap"):
                v = report.get(f"{role}_{mode}")
                if v:
                    table.add_row(role, mode, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}",
                                  str(v["pred"]), str(v["gold"]))
        console.print(table)
        for kind in ("missed", "spurious") if errors else ():
            rows = [(a["article"], r) for a in report["per_article"] for r in a.get(kind, [])]
            console.print(f"[bold]{kind} cues[/bold] ({len(rows)}; first {min(errors, len(rows))})")
            for article, r in rows[:errors]:
                other = f" (content overlaps cue {r['other_cue']!r})" if r.get("other_cue") else ""
                console.print(f"  {article} @{r['at']} cue={r['cue']!r} source={r['source']!r}{other}: "
                              f"...{r['context']}...", markup=False, highlight=False)
        if json_out:
            json_out.write_text(json.dumps(report, indent=2, default=str))
