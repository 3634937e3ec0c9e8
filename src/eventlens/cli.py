"""The eventlens command line (typer + rich).

    eventlens extract FILE...            code files, print results (no store)
    eventlens ingest PATH... --db URL    code and keep them in the store
    eventlens articles|actors|events     query the store
    eventlens show ARTICLE_ID            an article with its evidence highlighted
    eventlens export --format ...        jsonl | csv | acled-csv | geojson
    eventlens reprocess                  re-code stored articles with this pipeline
    eventlens eval ...                   accuracy on labelled data
    eventlens train events LABELLED.csv  fit an ACLED event classifier to your own export
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventlens: news in, a sourced record of political events out.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure accuracy on labelled data.")
app.add_typer(eval_app, name="eval")

# Wide tables when output goes to a file or pipe (rich would assume 80 columns).
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

DB_OPTION = typer.Option("eventlens.db", "--db", help="SQLite file or database URL (postgresql://...)")


def _pipeline():
    with err.status("loading the pipeline..."):
        from . import get_pipeline
        return get_pipeline()


def _store(db: str):
    from .store import Store
    return Store(db)


def _events_table(title: str, rows: list[dict]) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("date", "type", "sub-type", "actors", "targets", "place", "deaths", "status"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r.get("date") or ""), str(r.get("type") or ""), str(r.get("sub_type") or ""),
                      r.get("actors") or "", r.get("targets") or "", r.get("place") or "",
                      "" if r.get("fatalities") is None else str(r["fatalities"]), r.get("status") or "")
    return table


def _result_rows(result) -> list[dict]:
    names = {a.id: a.name for a in result.actors}
    places = {p.id: p.name for p in result.places}
    return [{"date": e.date, "type": e.plover_type + (f"/{e.plover_mode}" if e.plover_mode else ""),
             "sub_type": e.acled_sub_event_type, "actors": ", ".join(names.get(a, a) for a in e.actors),
             "targets": ", ".join(names.get(a, a) for a in e.targets), "place": places.get(e.place, ""),
             "fatalities": e.fatalities, "status": e.status} for e in result.events]


@app.command()
def extract(paths: List[str] = typer.Argument(..., help="files, folders, globs, or - for stdin"),
            format: str = typer.Option("json", "--format", "-f", help="json | jsonl | table"),
            published: Optional[str] = typer.Option(None, help="publication date (YYYY-MM-DD) for every input"),
            text_column: Optional[str] = typer.Option(None, help="CSV column that holds the text")):
    """Code articles and print the results (nothing is stored)."""
    from .ingest import InputError, IngestError, build_article, iter_inputs
    if format not in ("json", "jsonl", "table"):
        raise typer.BadParameter("format must be json, jsonl or table")
    pipeline = _pipeline()
    failed = 0
    for item in iter_inputs(paths, text_column=text_column):
        if isinstance(item, InputError):
            failed += 1
            err.print(f"[red]error[/red] {item.path}{'' if item.index is None else f':{item.index + 1}'}: {item.message}",
                      highlight=False)
            continue
        try:
            result = pipeline.process(build_article(item, published=published))
        except IngestError as exc:
            failed += 1
            err.print(f"[red]error[/red] {item.where}: {exc}", highlight=False)
            continue
        except Exception as exc:  # noqa: BLE001 - report and go on with the batch
            failed += 1
            err.print(f"[red]error[/red] {item.where}: {exc.__class__.__name__}: {exc}", highlight=False)
            continue
        data = result.to_json_dict()
        if format == "jsonl":
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif format == "json":
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            a = result.article
            out.print(_events_table(f"{a.title or a.id} ({a.published or 'no date'})", _result_rows(result)))
        sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(paths: List[str] = typer.Argument(..., help="files, folders, globs, or - for stdin"),
           db: str = DB_OPTION,
           published: Optional[str] = typer.Option(None, help="publication date for inputs that lack one"),
           text_column: Optional[str] = typer.Option(None, help="CSV column that holds the text"),
           force: bool = typer.Option(False, help="re-code articles already stored"),
           quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Read, code and store articles. Bad files are reported one line each; the rest go on."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from . import jobs
    pipeline = _pipeline()
    with _store(db) as store:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} read"),
                      TimeElapsedColumn(), console=err, disable=quiet, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def on_progress(where):
                progress.update(task, advance=1, description=f"ingesting {Path(where).name[:40]}")

            def on_error(line):
                progress.console.print(f"[red]error[/red] {line}", highlight=False)

            report = jobs.ingest(paths, store, pipeline, published=published, text_column=text_column,
                                 force=force, on_error=on_error, on_progress=on_progress)
        err.print(f"stored {report.stored} · unchanged {report.unchanged} · near-duplicates {report.duplicates} · "
                  f"not coded {report.not_coded} · failed {report.failed}", highlight=False)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def reprocess(ids: List[str] = typer.Argument(None, help="article ids (default: all)"), db: str = DB_OPTION):
    """Re-code stored articles from their kept raw input with the current pipeline."""
    from . import jobs
    pipeline = _pipeline()
    with _store(db) as store:
        report = jobs.reprocess(store, pipeline, ids or None, on_error=lambda l: err.print(f"[red]error[/red] {l}"))
    err.print(f"re-coded {report.stored} · failed {report.failed}")
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def articles(db: str = DB_OPTION, since: Optional[str] = None, until: Optional[str] = None,
             language: Optional[str] = None, limit: int = 50,
             format: str = typer.Option("table", "--format", "-f", help="table | jsonl")):
    """List stored articles."""
    with _store(db) as store:
        rows = store.articles(since=since, until=until, language=language, limit=limit)
    if format == "jsonl":
        for r in rows:
            print(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"articles ({len(rows)})")
    for col in ("id", "published", "lang", "status", "title", "duplicate of"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["id"], str(r.get("published") or ""), r.get("language") or "", r.get("status") or "",
                      (r.get("title") or "")[:70], r.get("duplicate_of") or "")
    out.print(table)


@app.command()
def actors(db: str = DB_OPTION, country: Optional[str] = None, kind: Optional[str] = None, limit: int = 50,
           format: str = typer.Option("table", "--format", "-f", help="table | jsonl")):
    """List actors across the store, most mentioned first."""
    with _store(db) as store:
        rows = store.actors(country=country, kind=kind, limit=limit)
    if format == "jsonl":
        for r in rows:
            print(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"actors ({len(rows)})")
    for col in ("id", "name", "kind", "country", "sector", "articles", "mentions"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["id"], r["name"], r.get("kind") or "", r.get("country") or "", r.get("sector") or "",
                      str(r.get("articles", "")), str(r.get("mentions", "")))
    out.print(table)


@app.command()
def events(db: str = DB_OPTION, type: Optional[str] = typer.Option(None, "--type", help="PLOVER or ACLED type"),
           actor: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
           until: Optional[str] = None, limit: int = 50,
           format: str = typer.Option("table", "--format", "-f", help="table | jsonl")):
    """List stored events."""
    with _store(db) as store:
        rows = store.events(type=type, actor=actor, country=country, since=since, until=until, limit=limit)
    if format == "jsonl":
        for r in rows:
            print(json.dumps(r, default=str, ensure_ascii=False))
        return
    out.print(_events_table(f"events ({len(rows)})", [_store_event_row(r) for r in rows]))


def _store_event_row(r: dict) -> dict:
    plover = r.get("plover_type") or ""
    if r.get("plover_mode"):
        plover += f"/{r['plover_mode']}"
    return {"date": r.get("date") or r.get("day"), "type": plover, "sub_type": r.get("acled_sub_event_type"),
            "actors": ", ".join(r.get("actor_names") or []), "targets": ", ".join(r.get("target_names") or []),
            "place": r.get("place_name") or "", "fatalities": r.get("fatalities"), "status": r.get("status")}


STYLES = {"actors": "bold cyan", "places": "bold green", "events": "on dark_red",
          "statements": "italic magenta", "claims": "underline"}


@app.command()
def show(article_id: str, db: str = DB_OPTION):
    """Show an article with every piece of evidence highlighted, then its events."""
    with _store(db) as store:
        result = store.get_result(article_id)
    if result is None:
        err.print(f"[red]error[/red] no article {article_id!r} in {db}")
        raise typer.Exit(1)
    a = result.article
    text = Text(a.text)
    # Paint wide spans first so names inside them stay visible.
    for where, span in sorted(result.spans(), key=lambda ws: -(ws[1].end - ws[1].start)):
        text.stylize(STYLES[where.split(":", 1)[0]], span.start, span.end)
    out.rule(f"{a.title or a.id}")
    out.print(f"id {a.id} · published {a.published or '?'} · source {a.source or '?'} · language {a.language or '?'}"
              + (f" · duplicate of {a.duplicate_of}" if a.duplicate_of else ""), highlight=False)
    out.print(Text.assemble(*[(f" {k} ", v) for k, v in STYLES.items()]))
    out.print(text)
    out.print(_events_table("events", _result_rows(result)))
    names = {x.id: x.name for x in result.actors}
    for s in result.statements:
        out.print(f"[magenta]{names.get(s.speaker, s.speaker or '?')}[/magenta] "
                  f"{s.cue.text if s.cue else ''}: {s.content.text[:160]!r}", highlight=False)
    if a.removed:
        out.print(f"[dim]removed while cleaning: {len(a.removed)} pieces "
                  f"({', '.join(sorted({r.reason for r in a.removed}))})[/dim]")


@app.command()
def export(db: str = DB_OPTION, format: str = typer.Option("jsonl", "--format", "-f",
                                                           help="jsonl | csv | acled-csv | geojson"),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="file (default: stdout)")):
    """Export everything in the store."""
    from .export import export as do_export
    with _store(db) as store:
        fh = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            do_export(store.iter_results(), format, fh)
        finally:
            if output:
                fh.close()


@app.command()
def failures(db: str = DB_OPTION):
    """Inputs that could not be read or coded."""
    with _store(db) as store:
        rows = store.failures()
    table = Table(title=f"failures ({len(rows)})")
    for col in ("path", "line", "message", "count", "last seen"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["path"], "" if r.get("index") is None else str(r["index"] + 1), r["message"],
                      str(r.get("count", 1)), str(r.get("last_seen") or ""))
    out.print(table)


@app.command()
def summary(db: str = DB_OPTION, limit: int = 15):
    """What the store holds: articles, actors, events by type, and the main events."""
    with _store(db) as store:
        stats = store.stats()
        main_rows = store.events(main_only=True, limit=limit)
    out.rule(f"eventlens store: {db}")
    arts = {k: v for k, v in stats.get("articles_by_status", {}).items() if v}
    out.print(f"articles: {sum(arts.values())} ({', '.join(f'{k} {v}' for k, v in sorted(arts.items()))}) · "
              f"actors: {stats.get('actors', 0)} · places: {stats.get('places', 0)} · "
              f"events: {stats.get('events', 0)} · statements: {stats.get('statements', 0)} · "
              f"failed inputs: {stats.get('failures', 0)}", highlight=False)
    by_type = Table(title="events by type")
    by_type.add_column("PLOVER type")
    by_type.add_column("events", justify="right")
    for t, n in sorted(stats.get("events_by_type", {}).items(), key=lambda kv: -kv[1]):
        by_type.add_row(str(t), str(n))
    out.print(by_type)
    out.print(_events_table("main event of each article", [_store_event_row(r) for r in main_rows]))


from .evaluate.cli import register as _register_eval  # noqa: E402

_register_eval(eval_app)

from .kb.cli import app as _kb_app  # noqa: E402

app.add_typer(_kb_app, name="kb")

from .train.events import register as _register_train_events  # noqa: E402

train_app = typer.Typer(no_args_is_help=True, help="Fit models to labelled data you supply.")
_register_train_events(train_app)
app.add_typer(train_app, name="train")

if __name__ == "__main__":
    app()
