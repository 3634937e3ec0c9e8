"""``eventlens eval event-location``: is the place chosen for an event the gold one?

Input: the "Geolocating Political Events in Text" JSONL (one sentence per line, a VERB
span for the event and zero or more LOCATION spans where it happened). Character offsets
of LOCATION spans in that file are unreliable, token indices are not, so spans are
rebuilt from the tokens. For each row the pipeline runs on the text and
``places.locate_event`` is asked where the event at the verb happened (its site, the
most specific place named, when that has no coordinates, else its place).
Scored: on rows with a gold location, the share whose chosen place has a mention
overlapping a gold location; on rows without one, the share where no place is chosen
(``abstained``); and both together.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Optional

from ..model import Article


def read_rows(path: str, limit: Optional[int] = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            if row.get("answer", "accept") != "accept":
                continue
            tokens = row.get("tokens") or []

            def chars(span):
                if tokens and "token_start" in span:
                    return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]
                return span["start"], span["end"]
            spans = row.get("spans") or []
            verbs = [chars(s) for s in spans if s.get("label") == "VERB"]
            if not verbs:
                continue
            yield {"id": row.get("_id") or row.get("doc_id") or str(i), "text": row["text"],
                   "verb": verbs[0], "gold": [chars(s) for s in spans if s.get("label") == "LOCATION"]}


def evaluate(path: str, pipeline, limit: Optional[int] = None, batch_size: int = 32) -> dict:
    from ..pipeline.places import locate_event

    rows = list(read_rows(path, limit))
    docs = [pipeline._make_doc(Article(id=r["id"], text=r["text"], language="en")) for r in rows]
    located = correct = unlocated = abstained = 0
    errors = []
    for row, doc in zip(rows, pipeline.nlp.pipe(docs, batch_size=batch_size)):
        found = locate_event(doc, *row["verb"])
        # the most specific place named: a village without coordinates before the town it is
        # coded to
        place = found.site or found.place
        mentions = [(m.start, m.end) for m in place.mentions] if place is not None else []
        if row["gold"]:
            located += 1
            hit = any(s < ge and gs < e for s, e in mentions for gs, ge in row["gold"])
            correct += hit
        else:
            unlocated += 1
            hit = place is None
            abstained += hit
        if not hit and len(errors) < 400:
            errors.append({"id": row["id"], "text": row["text"][:300],
                           "verb": row["text"][row["verb"][0]:row["verb"][1]],
                           "gold": [row["text"][s:e] for s, e in row["gold"]],
                           "pred": place.name if place is not None else None,
                           "pred_mentions": [row["text"][s:e] for s, e in mentions]})
    return {
        "file": path, "rows": len(rows),
        "rows_with_location": located, "accuracy_located": correct / located if located else None,
        "rows_without_location": unlocated, "abstained": abstained / unlocated if unlocated else None,
        "accuracy_all": (correct + abstained) / len(rows) if rows else None,
        "errors": errors,
    }


def register(app) -> None:
    import typer

    from .cli import _missing, _print_scores, console

    @app.command("event-location")
    def eval_event_location(path: str = typer.Argument(..., help="JSONL with VERB and LOCATION spans"),
                            limit: Optional[int] = typer.Option(None, help="first N rows only"),
                            json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here")):
        """Share of events whose chosen place is the gold location."""
        _missing(path)
        from .. import get_pipeline
        report = evaluate(path, get_pipeline(), limit=limit)
        _print_scores(f"event location: {path}", report)
        for e in report["errors"][:10]:
            console.print(f"[red]{e['id']}[/red] gold {e['gold']} · pred {e['pred']}\n  {e['text']}", highlight=False)
        if json_out:
            json_out.write_text(json.dumps(report, indent=2, default=str))
