"""``eventlens kb``: look at, search and extend the actor knowledge base.

Additions go to the user KB file (first path in EVENTLENS_KB, else ~/.config/eventlens/kb.yaml;
``.jsonl`` files are written as JSON Lines), which overrides built-in records by id.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .actors import (KINDS, ActorKB, ActorRecord, KBError, default_user_kb_path, name_key, normalise,
                     upsert_user_records, user_kb_paths)

app = typer.Typer(help="The actor knowledge base: list, show, search, add, import from Wikidata.",
                  no_args_is_help=True)
console = Console(width=None if sys.stdout.isatty() else 160)


def _load() -> ActorKB:
    try:
        return ActorKB.load(user_files=user_kb_paths())
    except KBError as exc:
        console.print(f"[red]knowledge base error[/red]: {exc}", highlight=False)
        raise typer.Exit(1)


def record_dict(r: ActorRecord) -> dict:
    out = {"id": r.id, "name": r.name, "kind": r.kind, "country": r.country, "sectors": list(r.sectors),
           "wikidata": r.wikidata, "aliases": list(r.aliases), "member_of": list(r.member_of),
           "titles": [{"title": t.title, "country": t.country, "org": t.org,
                       "start": t.start.isoformat() if t.start else None,
                       "end": t.end.isoformat() if t.end else None} for t in r.titles],
           "source": r.source}
    return {k: v for k, v in out.items() if v not in (None, [], "")}


def _table(records: list[ActorRecord], title: str) -> Table:
    t = Table(title=title)
    for col in ("id", "name", "kind", "country", "sectors", "aliases"):
        t.add_column(col)
    for r in records:
        aliases = ", ".join(r.aliases[:4]) + (" …" if len(r.aliases) > 4 else "")
        t.add_row(r.id, r.name, r.kind, r.country or "", " ".join(r.sectors), aliases)
    return t


@app.command("list")
def list_cmd(kind: Optional[str] = typer.Option(None, help=f"one of {sorted(KINDS)}"),
             country: Optional[str] = typer.Option(None, help="ISO3 code"),
             generated: bool = typer.Option(False, help="include the generated per-country actors"),
             limit: int = typer.Option(50, help="at most this many (0: all)"),
             as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table")):
    """List KB records (hand-written and user records; --generated adds per-country ones)."""
    kb = _load()
    recs = [r for r in kb.records.values()
            if (generated or r.source != "generated")
            and (kind is None or r.kind == kind) and (country is None or r.country == country.upper())]
    recs.sort(key=lambda r: r.id)
    total = len(recs)
    if limit:
        recs = recs[:limit]
    if as_json:
        for r in recs:
            typer.echo(json.dumps(record_dict(r), ensure_ascii=False))
        return
    console.print(_table(recs, f"{len(recs)} of {total} records"))


@app.command("show")
def show_cmd(actor_id: str = typer.Argument(..., help="record id, e.g. irq-kadhimi")):
    """Show one record with everything the KB knows about it."""
    kb = _load()
    r = kb.by_id(actor_id.removeprefix("kb:"))
    if r is None:
        console.print(f"[red]no record[/red] {actor_id!r}; try `eventlens kb search`")
        raise typer.Exit(1)
    typer.echo(json.dumps(record_dict(r), ensure_ascii=False, indent=2))


@app.command("search")
def search_cmd(text: str = typer.Argument(..., help="a name as written in news"),
               limit: int = typer.Option(20)):
    """Find records by name: how the stage would link it, then names containing the text."""
    kb = _load()
    rows: dict[str, tuple[ActorRecord, str]] = {}
    for rec, how, score in kb.lookup(text):
        rows.setdefault(rec.id, (rec, f"{how} {score:.2f}"))
    needle, key = normalise(text), name_key(text)
    for r in kb.records.values():
        if len(rows) >= limit:
            break
        if r.id not in rows and any(needle in normalise(n) or (len(key) >= 4 and key in name_key(n))
                                    for n in r.names):
            rows[r.id] = (r, "contains")
    if not rows:
        console.print(f"no record matches {text!r}")
        raise typer.Exit(1)
    t = Table(title=f"records for {text!r}")
    for col in ("id", "name", "kind", "country", "match"):
        t.add_column(col)
    for r, how in list(rows.values())[:limit]:
        t.add_row(r.id, r.name, r.kind, r.country or "", how)
    console.print(t)


@app.command("add")
def add_cmd(actor_id: str = typer.Argument(..., help="new id (lowercase) or an existing id to extend"),
            name: Optional[str] = typer.Option(None, help="canonical name (required for a new record)"),
            kind: Optional[str] = typer.Option(None, help=f"one of {sorted(KINDS)}"),
            country: Optional[str] = typer.Option(None, help="ISO3 code"),
            sector: List[str] = typer.Option([], help="sector code, repeatable (GOV, MIL, REB ...)"),
            alias: List[str] = typer.Option([], help="another name, repeatable"),
            member_of: List[str] = typer.Option([], help="id of a parent organisation, repeatable"),
            wikidata: Optional[str] = typer.Option(None, help="QID, only if certain"),
            file: Optional[Path] = typer.Option(None, help="user KB file (default: EVENTLENS_KB or ~/.config/eventlens/kb.yaml)")):
    """Add a record to the user KB, or extend one (aliases add up; other fields replace)."""
    kb = _load()
    rec: dict = {"id": actor_id}
    for k, v in (("name", name), ("kind", kind), ("country", country.upper() if country else None),
                 ("wikidata", wikidata)):
        if v is not None:
            rec[k] = v
    for k, v in (("sectors", [s.upper() for s in sector]), ("aliases", alias), ("member_of", member_of)):
        if v:
            rec[k] = list(v)
    if kb.by_id(actor_id) is None and not (name and kind):
        console.print(f"[red]{actor_id!r} is new[/red]: give --name and --kind")
        raise typer.Exit(2)
    path = file or default_user_kb_path()
    try:
        added, updated = upsert_user_records(path, [rec])
    except KBError as exc:
        console.print(f"[red]not added[/red]: {exc}", highlight=False)
        raise typer.Exit(1)
    console.print(f"{'added' if added else 'updated'} {actor_id} in {path}", highlight=False)


def _parse_classes(values: list[str]) -> dict:
    from .wikidata import DEFAULT_CLASSES
    out = dict(DEFAULT_CLASSES)
    for v in values:
        qid, _, rest = v.partition("=")
        kind, _, sector = rest.partition(":")
        if not qid.startswith("Q") or kind not in KINDS:
            raise typer.BadParameter(f"{v!r}: want Q123=kind[:SECTOR], kind one of {sorted(KINDS)}")
        out[qid] = (kind, sector.upper() or None)
    return out


@app.command("import-wikidata")
def import_wikidata_cmd(dump: Path = typer.Argument(..., help="Wikidata JSON dump (.json, .json.gz, .json.bz2)"),
                        lang: str = typer.Option("en", help="label/alias languages, comma-separated (en,ar)"),
                        out: Optional[Path] = typer.Option(None, help="user KB file to write (default: the user KB)"),
                        cls: List[str] = typer.Option([], "--class", help="extra P31 class: Q123=kind[:SECTOR]"),
                        limit: Optional[int] = typer.Option(None, help="stop after this many records")):
    """Stream a Wikidata dump and add its humans, organisations and armed groups to the user KB."""
    from .wikidata import import_dump
    if not dump.is_file():
        console.print(f"[red]no such file[/red]: {dump}")
        raise typer.Exit(2)
    langs = [x.strip() for x in lang.split(",") if x.strip()]
    records, stats = import_dump(dump, langs, kb=_load(), classes=_parse_classes(cls), limit=limit)
    path = out or default_user_kb_path()
    added, updated = upsert_user_records(path, records) if records else (0, 0)
    typer.echo(f"{stats.entities} entities read, {added} records added, {updated} updated in {path}; "
               f"{stats.no_country} without a known country; {stats.bad_lines} bad lines skipped")
    for ex in stats.bad_examples:
        typer.echo(f"  skipped {ex}")
