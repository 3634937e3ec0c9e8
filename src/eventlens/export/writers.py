"""One writer per export format: ``write_<fmt>(results, out) -> number of records written``."""
from __future__ import annotations

import csv
import json
from typing import Iterable, TextIO

from ..model import Result
from . import acled_codes
from .acled import acled_rows
from .rows import EVENT_FIELDS, LIST_FIELDS, event_rows

LIST_SEPARATOR = "; "


def write_jsonl(results: Iterable[Result], out: TextIO) -> int:
    """One Result JSON (the output contract) per line."""
    n = 0
    for result in results:
        out.write(json.dumps(result.to_json_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_value(name, value):
    if value is None:
        return ""
    if name in LIST_FIELDS:
        return LIST_SEPARATOR.join(value)
    return value


def write_csv(results: Iterable[Result], out: TextIO) -> int:
    """One row per event; list fields joined with "; "."""
    writer = csv.DictWriter(out, fieldnames=EVENT_FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for result in results:
        for row in event_rows(result):
            writer.writerow({k: _csv_value(k, v) for k, v in row.items()})
            n += 1
    return n


def write_acled_csv(results: Iterable[Result], out: TextIO) -> int:
    """ACLED columns, one row per ACLED-codable event."""
    writer = csv.DictWriter(out, fieldnames=acled_codes.COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for result in results:
        for row in acled_rows(result):
            writer.writerow(row)
            n += 1
    return n


def write_geojson(results: Iterable[Result], out: TextIO) -> int:
    """A FeatureCollection of the events whose place has coordinates (streamed)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for result in results:
        for row in event_rows(result):
            lat, lon = row.pop("latitude"), row.pop("longitude")
            if lat is None or lon is None:
                continue
            feature = {"type": "Feature", "id": f"{row['article_id']}/{row['event_id']}",
                       "geometry": {"type": "Point", "coordinates": [lon, lat]},
                       "properties": row}
            out.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n


WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}
