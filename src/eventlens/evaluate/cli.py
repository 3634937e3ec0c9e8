"""The ``eventlens eval`` commands: each runs one evaluator and prints its report.

Each evaluator module ``eventlens.evaluate.<name>`` has ``evaluate(...) -> dict`` and may
have ``register(app)`` adding its own command; those listed in EVALUATORS are added here.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

console = Console(width=None if sys.stdout.isatty() else 160)


def _missing(path: str) -> None:
    if not Path(path).exists():
        console.print(f"[yellow]skipped[/yellow]: {path} not found (the dev sets live in ../shared/data)")
        raise typer.Exit(2)


def _print_scores(title: str, report: dict) -> None:
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in report.items():
        if isinstance(v, (int, float)) or v is None:
            table.add_row(k, "n/a" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)))
    console.print(table)


EVALUATORS = ["actors", "plover", "geo", "event_location", "quotes"]


def register(app: typer.Typer) -> None:
    for name in EVALUATORS:
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:  # evaluator not written yet
            if exc.name == f"{__package__}.{name}":
                continue
            raise
        module.register(app)

    @app.command("acled")
    def eval_acled(path: str = typer.Argument(..., help="ACLED CSV export with a notes column"),
                   limit: Optional[int] = typer.Option(None, help="first N rows only"),
                   json_out: Optional[Path] = typer.Option(None, "--json", help="write the full report here")):
        """Score the main event of each row's notes against ACLED's coding."""
        _missing(path)
        from .. import get_pipeline
        from .acled import evaluate
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
