"""Exporters: Results -> jsonl | csv | acled-csv | geojson.

    from eventlens.export import export
    with open("events.csv", "w", newline="") as out:
        export(store.iter_results(), "csv", out)

* jsonl: one Result JSON per line (the output contract).
* csv: one row per event: article id, date, types, actor/target names, place name/lat/lon,
  fatalities, status, evidence text ...
* acled-csv: ACLED's columns, one row per event ACLED would code (it has an ACLED event type
  and happened); inter codes from actor sector/kind (tables in ``acled_codes``).
* geojson: a FeatureCollection of events with coordinates; properties as in csv.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from ..model import Result
from .acled import acled_rows, inter_code, interaction_code
from .rows import EVENT_FIELDS, event_rows
from .writers import WRITERS

FORMATS = tuple(WRITERS)


def export(results: Iterable[Result], fmt: str, out: TextIO) -> int:
    """Write ``results`` to ``out`` in ``fmt``; returns the number of records written
    (results for jsonl, events otherwise)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(results, out)


__all__ = ["export", "FORMATS", "event_rows", "acled_rows", "EVENT_FIELDS", "inter_code",
           "interaction_code"]
