"""Import actors from a Wikidata JSON dump (``latest-all.json[.gz|.bz2]``), streaming.

The dump is one JSON array with one entity per line (``[``, then ``{...},`` lines, then
``]``). Entities whose P31 (instance of) is one of the chosen classes become KB records:
label and aliases in the chosen languages, country from P27 (citizenship) or P17
(country) mapped to ISO3 through the KB's state records' QIDs or through P297/P298 codes
of country items met in the same dump, sectors from P106 (occupation) or the class.
Unparseable lines are skipped and counted, never fatal.
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

# P31 class -> (kind, sector). Only classes whose ids are well known; add more with
# ``--class Q...=kind:SECTOR`` on the command line.
DEFAULT_CLASSES: dict[str, tuple[str, Optional[str]]] = {
    "Q5": ("person", None),                   # human
    "Q43229": ("organization", None),         # organization
    "Q7278": ("organization", "PTY"),         # political party
    "Q484652": ("organization", "IGO"),       # international organization
}
# P106 occupation -> sector
OCCUPATION_SECTORS: dict[str, str] = {
    "Q82955": "GOV",      # politician
    "Q193391": "GOV",     # diplomat
    "Q189290": "MIL",     # military officer
    "Q1930187": "JRN",    # journalist
    "Q16533": "JUD",      # judge
    "Q15253558": "OPP",   # activist
}


@dataclass
class ImportStats:
    lines: int = 0
    entities: int = 0
    imported: int = 0
    bad_lines: int = 0
    bad_examples: list[str] = field(default_factory=list)
    no_country: int = 0


def open_dump(path: str | Path) -> IO[str]:
    path = Path(path)
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    if path.suffix == ".bz2":
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def iter_entities(lines: Iterable[str], stats: ImportStats) -> Iterator[dict]:
    """Entities from dump lines; the array brackets and trailing commas are not JSON lines."""
    for n, line in enumerate(lines, 1):
        stats.lines += 1
        line = line.strip()
        if line in ("", "[", "]"):
            continue
        if line.endswith(","):
            line = line[:-1]
        try:
            ent = json.loads(line)
        except json.JSONDecodeError as exc:
            stats.bad_lines += 1
            if len(stats.bad_examples) < 5:
                stats.bad_examples.append(f"line {n}: {exc.msg}")
            continue
        if not isinstance(ent, dict) or not isinstance(ent.get("id"), str):
            stats.bad_lines += 1
            if len(stats.bad_examples) < 5:
                stats.bad_examples.append(f"line {n}: not an entity")
            continue
        stats.entities += 1
        yield ent


def claim_ids(ent: dict, prop: str) -> list[str]:
    """Item ids of a property's statements (deprecated ones left out)."""
    out = []
    for st in (ent.get("claims") or {}).get(prop) or []:
        if not isinstance(st, dict) or st.get("rank") == "deprecated":
            continue
        v = ((st.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(v, dict) and isinstance(v.get("id"), str):
            out.append(v["id"])
        elif isinstance(v, str):
            out.append(v)
    return out


def _texts(ent: dict, key: str, langs: list[str]) -> list[str]:
    block = ent.get(key) or {}
    out = []
    for lang in langs:
        v = block.get(lang)
        for item in v if isinstance(v, list) else [v] if v else []:
            if isinstance(item, dict) and isinstance(item.get("value"), str) and item["value"].strip():
                out.append(item["value"].strip())
    return out


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40] or "x"


def import_dump(path: str | Path, langs: list[str], kb=None,
                classes: Optional[dict[str, tuple[str, Optional[str]]]] = None,
                limit: Optional[int] = None) -> tuple[list[dict], ImportStats]:
    """Read a dump; return (KB record dicts ready for a user KB file, stats)."""
    from .actors import default_kb

    kb = kb or default_kb()
    classes = classes or DEFAULT_CLASSES
    country_of_qid = {r.wikidata: r.country for r in kb.records.values()
                      if r.kind == "state" and r.wikidata and r.country}
    stats = ImportStats()
    pending: list[tuple[dict, list[str]]] = []
    with open_dump(path) as fh:
        for ent in iter_entities(fh, stats):
            qid = ent["id"]
            iso = _country_code(ent)
            if iso:
                country_of_qid.setdefault(qid, iso)
            cls = next((c for c in claim_ids(ent, "P31") if c in classes), None)
            if cls is None:
                continue
            labels = _texts(ent, "labels", langs)
            if not labels:
                continue
            kind, sector = classes[cls]
            aliases = [a for a in dict.fromkeys(labels[1:] + _texts(ent, "aliases", langs)) if a != labels[0]]
            sectors = [OCCUPATION_SECTORS[o] for o in claim_ids(ent, "P106") if o in OCCUPATION_SECTORS]
            if sector:
                sectors.insert(0, sector)
            rec = {"id": f"wd-{qid.lower()}", "name": labels[0], "kind": kind, "wikidata": qid}
            if aliases:
                rec["aliases"] = aliases
            if sectors:
                rec["sectors"] = list(dict.fromkeys(sectors))
            pending.append((rec, claim_ids(ent, "P27") + claim_ids(ent, "P17")))
            if limit is not None and len(pending) >= limit:
                break
    out = []
    known = {r.wikidata: r.id for r in kb.records.values() if r.wikidata}
    for rec, countries in pending:
        iso = next((country_of_qid[c] for c in countries if c in country_of_qid), None)
        if iso:
            rec["country"] = iso
        else:
            stats.no_country += 1
        # an entity the KB already has extends that record instead of duplicating it
        if rec["wikidata"] in known:
            rec = {"id": known[rec["wikidata"]], "aliases": [rec["name"]] + rec.get("aliases", [])}
        out.append(rec)
    stats.imported = len(out)
    return out, stats


def _country_code(ent: dict) -> Optional[str]:
    """ISO3 of a country item, from P298 (alpha-3) or P297 (alpha-2)."""
    for code in claim_ids(ent, "P298"):
        if isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code):
            return code
    for code in claim_ids(ent, "P297"):
        if isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code):
            import pycountry
            c = pycountry.countries.get(alpha_2=code)
            if c is not None:
                return c.alpha_3
    return None
