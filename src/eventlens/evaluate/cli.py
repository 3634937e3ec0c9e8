"""The ``eventlens eval`` commands: each runs one evaluator and prints its report.

Each evaluator module ``eventlens.evaluate.<name>`` has ``evaluate(...) -> dict`` and may
have ``register(app)`` adding its own command; those listed in EVALUATORS are added here.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

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


EVALUATORS = ["acled", "actors", "plover", "geo", "event_location", "quotes"]


def register(app: typer.Typer) -> None:
    for name in EVALUATORS:
        importlib.import_module(f"{__package__}.{name}").register(app)
