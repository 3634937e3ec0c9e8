"""``eventlens eval actors``: does the actor stage find the actors human coders named?

ACLED (CSV with ``notes``): each row's actor1 / actor2 (and assoc actors, for precision)
are ACLED canonical names ("Military Forces of Russia (2000-)", "Protesters (Iraq)",
"JNIM: Group for Support of Islam and Muslims"). A gold actor is found when a predicted
actor's canonical name, KB names or surfaces match it (dates in parentheses ignored,
"ACRONYM: Full name" matches either part). Precision: predicted actors matching any of
the row's gold actors (ACLED names only the main actors, so it is a lower bound).

PLOVER gold records (JSON list): each source/target has ``actorText``, ``code`` (ISO3 or
IGO/NGO) and sometimes ``sector``. The predicted actor whose mention overlaps the
actorText is compared: country accuracy (code) and sector accuracy (first three letters).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from ..kb.actors import default_kb, name_key, normalise
from ..model import Actor, Article

_DATES = re.compile(r"\s*\([^)]*\d{4}[^)]*\)")
NON_COUNTRY_CODES = {"IGO", "NGO", "MNC", "UAF"}


# ----------------------------------------------------------------------------- matching

# ACLED names a unit of a state force after the force and its government period:
# "Military Forces of Russia (2000-) Air Force", "Police Forces of Ethiopia (2018-) Oromia
# State Police". The unit is part of that force, so the force itself names it too.
_STATE_UNIT = re.compile(r"^((?:Military|Police) Forces of [^()]+?)\s*\([^)]*\d{4}[^)]*\)\s+\S")


def gold_forms(gold: str) -> set[str]:
    """Comparable forms of an ACLED name: without dates; "ACR: Full" gives both parts;
    a state force's unit also as the force, "Group - Unit" also as the group; "A and/or B"
    as either."""
    forms: set[str] = set()
    for part in gold.split(" and/or "):
        unit = _STATE_UNIT.match(part.strip())
        if unit:
            forms.add(unit.group(1))
        g = _DATES.sub("", part).strip()
        forms.add(g)
        if " - " in g:
            # "People's Defense Force - Kalay" (a local unit), "Boko Haram - Jamaatu Ahli ..."
            # (the group's own name): the name before the dash is the group
            forms.add(g.split(" - ", 1)[0])
        faction = re.match(r"^(.*\S)\s*\(([^()]+)\)$", g)
        if faction and not _is_country_name(faction.group(2)):
            # "Mayi Mayi Militia (Kidjangala)", "NDC-R: ... (Guidon Splinter Faction)": a faction of
            # the group; "Protesters (France)" keeps its country
            forms.add(faction.group(1))
            g2 = faction.group(1)
            if ": " in g2:
                forms |= set(g2.split(": ", 1))
        if ": " in g:
            acr, full = g.split(": ", 1)
            forms |= {acr, full}
            forms |= set(acr.split("/")) if "/" in acr else set()
    return {normalise(f) for f in forms if f.strip()}


def _is_country_name(name: str) -> bool:
    kb = default_kb()
    return name.strip() in ("International",) or any(
        kb.records[i].kind == "state" for i in kb.by_alias.get(normalise(name), ()))


_GENERIC_COUNTRY = re.compile(r"\s*\([^()]+\)$")


def predicted_forms(actor: Actor, day: Optional[dt.date] = None) -> set[str]:
    names = [actor.name] + list(actor.aliases_seen)
    if actor.kb_id:
        kb = default_kb()
        rec = kb.by_id(actor.kb_id)
        if rec is not None and rec.kind != "generic":
            names += list(rec.names)
            for parent_id in rec.member_of:
                parent = kb.by_id(parent_id)
                if parent is not None and parent.kind == "generic":
                    # a branch of a state force ("National Guard of Mexico") is that force to ACLED
                    names.append(parent.name)
            governed = kb.governs(rec, day)
            if governed:
                # ACLED names a movement in power by the state's institutions: the Taliban after
                # August 2021 are "Military Forces of Afghanistan (2021-)", "Government of ..."
                for suffix in ("military", "government", "police"):
                    state = kb.by_id(f"{governed.lower()}-{suffix}")
                    names += [state.name] if state else []
        elif rec is not None and rec.kind == "generic" and _GENERIC_COUNTRY.search(rec.name):
            # "Unidentified Gang (Brazil)" is one of ACLED's country-less "Unidentified Gang";
            # a gold name with a country still needs the same country.
            names.append(_GENERIC_COUNTRY.sub("", rec.name))
    return {normalise(_DATES.sub("", n)) for n in names if n}


def forms_match(pred: set[str], gold: set[str]) -> bool:
    if pred & gold:
        return True
    gk = {name_key(g) for g in gold if len(g) > 3}
    return any(len(p) > 3 and name_key(p) in gk for p in pred)


# ----------------------------------------------------------------------------- ACLED

def read_acled(path: str, limit: Optional[int] = None) -> list[dict]:
    """Rows with notes, the notes without ACLED's leading category label (the answer)."""
    from ..pipeline.event_classifier import strip_category_label

    rows = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if (row.get("notes") or "").strip():
                row["notes"] = strip_category_label(row["notes"])
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def _row_gold(row: dict) -> list[str]:
    out = [row.get("actor1") or "", row.get("actor2") or ""]
    for k in ("assoc_actor_1", "assoc_actor_2"):
        out += [a.strip() for a in (row.get(k) or "").split(";")]
    return [g for g in out if g]


def evaluate_acled(path: str, pipeline, limit: Optional[int] = None, batch_size: int = 64) -> dict:
    rows = read_acled(path, limit)
    articles = []
    for i, row in enumerate(rows):
        try:
            published = dt.date.fromisoformat(row["event_date"][:10])
        except (KeyError, ValueError):
            published = None
        articles.append(Article(id=row.get("event_id_cnty") or str(i), text=row["notes"],
                                published=published, language="en"))
    found = {"actor1": [0, 0], "actor2": [0, 0]}
    n_pred = n_pred_ok = 0
    misses: Counter = Counter()
    examples = []
    for row, result in zip(rows, pipeline.pipe(articles, batch_size=batch_size)):
        preds = [(a, predicted_forms(a, result.article.published)) for a in result.actors]
        for col in ("actor1", "actor2"):
            gold = (row.get(col) or "").strip()
            if not gold:
                continue
            ok = any(forms_match(f, gold_forms(gold)) for _, f in preds)
            found[col][0] += ok
            found[col][1] += 1
            if not ok:
                misses[_DATES.sub("", gold).strip()] += 1
                if True:  # all misses: the command prints --show of them, --json keeps all
                    examples.append({"id": row.get("event_id_cnty"), "col": col, "gold": gold,
                                     "pred": [a.name for a, _ in preds], "notes": row["notes"][:200]})
        golds = [gold_forms(g) for g in _row_gold(row)]
        n_pred += len(preds)
        n_pred_ok += sum(any(forms_match(f, g) for g in golds) for _, f in preds)
    rec = {k: (v[0] / v[1] if v[1] else None) for k, v in found.items()}
    return {"file": path, "rows": len(rows),
            "actor1_recall": rec["actor1"], "actor1_gold": found["actor1"][1],
            "actor2_recall": rec["actor2"], "actor2_gold": found["actor2"][1],
            "precision": n_pred_ok / n_pred if n_pred else None, "predicted": n_pred,
            "top_misses": misses.most_common(25), "examples": examples}


# ----------------------------------------------------------------------------- PLOVER

def read_plover(path: str, limit: Optional[int] = None) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for rec in data:
        if not isinstance(rec, dict) or not rec.get("text"):
            continue
        sides = []
        for side in ("source", "target"):
            v = rec.get(side)
            for a in (v if isinstance(v, list) else [v] if isinstance(v, dict) else []):
                if isinstance(a, dict) and a.get("actorText") and a.get("code"):
                    sides.append((side, a))
        if sides:
            out.append({"id": rec.get("id"), "text": rec["text"], "date": rec.get("date"), "actors": sides})
            if limit is not None and len(out) >= limit:
                break
    return out


def _gold_sector(s: Optional[str]) -> Optional[str]:
    s = (s or "").strip()[:3].upper()
    if not re.fullmatch(r"[A-Z]{3}", s):
        return None
    return "CVL" if s == "CIV" else s


def _find_mention(text: str, mention: str) -> int:
    """Where the gold actorText is: as whole words first ("Iraq", not the start of "Iraqi")."""
    m = re.search(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text)
    return m.start() if m else text.find(mention)


def _actor_at(actors: list[Actor], start: int, end: int) -> Optional[Actor]:
    """The predicted actor with the most characters inside [start, end)."""
    best, best_overlap = None, 0
    for a in actors:
        for m in a.mentions:
            ov = min(end, m.end) - max(start, m.start)
            if ov > best_overlap:
                best, best_overlap = a, ov
    return best


def plover_slots(actor: Actor) -> tuple[Optional[str], Optional[str]]:
    """The actor as PLOVER codes it: (country or IGO/NGO, sector).

    PLOVER puts IGO/NGO in the country slot and the body's role in the sector slot (the UN
    Security Council is IGO GOV, peacekeepers IGO MIL); eventlens keeps IGO/NGO as the actor's
    sector, with the role as the KB record's next sector.
    """
    if actor.sector in NON_COUNTRY_CODES:
        rec = default_kb().by_id(actor.kb_id) if actor.kb_id else None
        rest = [x for x in (rec.sectors if rec else ()) if x != actor.sector]
        return actor.sector, (rest[0] if rest else None)
    return actor.country, actor.sector


def _country_ok(actor: Actor, code: str) -> bool:
    return plover_slots(actor)[0] == code


def evaluate_plover(path: str, pipeline, limit: Optional[int] = None) -> dict:
    recs = read_plover(path, limit)
    articles = []
    for r in recs:
        try:
            published = dt.date.fromisoformat(str(r["date"])[:10]) if r.get("date") else None
        except ValueError:
            published = None
        articles.append(Article(id=str(r["id"]), text=r["text"], published=published, language="en"))
    country = {"source": [0, 0], "target": [0, 0]}
    sector = {"source": [0, 0], "target": [0, 0]}
    linked = 0
    total = 0
    errors = []
    for r, result in zip(recs, pipeline.pipe(articles)):
        for side, a in r["actors"]:
            at = _find_mention(r["text"], a["actorText"])
            if at < 0:
                continue
            total += 1
            actor = _actor_at(result.actors, at, at + len(a["actorText"]))
            linked += actor is not None
            ok_c = actor is not None and _country_ok(actor, a["code"])
            country[side][0] += ok_c
            country[side][1] += 1
            gs = _gold_sector(a.get("sector"))
            ok_s = None
            if gs:
                ok_s = actor is not None and plover_slots(actor)[1] == gs
                sector[side][0] += ok_s
                sector[side][1] += 1
            if not ok_c or ok_s is False:
                errors.append({"id": r["id"], "actorText": a["actorText"], "gold": f"{a['code']} {gs or ''}",
                               "pred": f"{actor.name} {actor.country} {actor.sector}" if actor else None})

    def acc(d, side=None):
        num = sum(v[0] for k, v in d.items() if side in (None, k))
        den = sum(v[1] for k, v in d.items() if side in (None, k))
        return num / den if den else None

    return {"file": path, "records": len(recs), "gold_actors": total,
            "actor_found": linked / total if total else None,
            "country_accuracy": acc(country), "source_country_accuracy": acc(country, "source"),
            "target_country_accuracy": acc(country, "target"),
            "sector_accuracy": acc(sector), "source_sector_accuracy": acc(sector, "source"),
            "target_sector_accuracy": acc(sector, "target"), "sector_gold": sum(v[1] for v in sector.values()),
            "errors": errors}


def evaluate(pipeline, acled: Optional[str] = None, plover: Optional[str] = None,
             limit: Optional[int] = None) -> dict:
    out = {}
    if acled:
        out["acled"] = evaluate_acled(acled, pipeline, limit=limit)
    if plover:
        out["plover"] = evaluate_plover(plover, pipeline, limit=limit)
    return out


def actors_pipeline():
    """A pipeline with only the actor stage: what this evaluation measures, and faster."""
    from ..config import Config
    from ..pipeline import Pipeline
    cfg = Config.load()
    cfg.stages = ["eventlens_actors"]
    return Pipeline(cfg)


DEFAULT_ACLED = "../shared/data/acled/acled_2022h1_dev.csv"
DEFAULT_PLOVER = "../shared/data/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt"


def register(app) -> None:
    import typer

    from .cli import _print_scores, console

    @app.command("actors")
    def eval_actors(acled: str = typer.Option(DEFAULT_ACLED, help="ACLED CSV with notes, actor1, actor2"),
                    plover: str = typer.Option(DEFAULT_PLOVER, help="PLOVER gold-standard records (JSON list)"),
                    limit: Optional[int] = typer.Option(None, help="first N rows/records of each file"),
                    full: bool = typer.Option(False, help="run the full pipeline, not only the actor stage"),
                    show: int = typer.Option(10, help="how many misses to print"),
                    json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here")):
        """Actor recall/precision on ACLED notes; actor country/sector accuracy on PLOVER records."""
        paths = {k: p for k, p in (("acled", acled), ("plover", plover)) if p and Path(p).exists()}
        for k, p in (("acled", acled), ("plover", plover)):
            if p and k not in paths:
                console.print(f"[yellow]skipped[/yellow] {k}: {p} not found (the dev sets live in ../shared/data)")
        if not paths:
            raise typer.Exit(2)
        if full:
            from .. import get_pipeline
            pipe = get_pipeline()
        else:
            pipe = actors_pipeline()
        report = evaluate(pipe, limit=limit, **paths)
        if "acled" in report:
            r = report["acled"]
            _print_scores(f"ACLED actors: {r['file']}", r)
            console.print("most missed: " + "; ".join(f"{g} ×{n}" for g, n in r["top_misses"][:15]), highlight=False)
            for e in r["examples"][:show]:
                console.print(f"[red]{e['id']}[/red] {e['col']}={e['gold']} · pred {e['pred']}\n  {e['notes']}",
                              highlight=False)
        if "plover" in report:
            r = report["plover"]
            _print_scores(f"PLOVER actors: {r['file']}", r)
            for e in r["errors"][:show]:
                console.print(f"[red]{e['id']}[/red] {e['actorText']!r} gold {e['gold']} · pred {e['pred']}",
                              highlight=False)
        if json_out:
            json_out.write_text(json.dumps(report, indent=2, default=str))
