"""The geo and event-location evaluators on small fixtures written for these tests."""
from __future__ import annotations

import json

import pytest

from eventlens.config import Config
from eventlens.evaluate import event_location, geo
from eventlens.pipeline import Pipeline

TEXT = ("Huntington, W.Va. - Police in Huntington arrested a man. "
        "The Walker County sheriff and Iraqi officials said nothing.")
HUNTINGTON = "<lat>38.4192</lat><lon>-82.4452</lon><fcode>PPLA2</fcode>"


def toponym(phrase: str, nth: int, gaz: str = "") -> str:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    tag = f"<gaztag>{gaz}</gaztag>" if gaz else ""
    return (f"<toponym><start>{start}</start><end>{start + len(phrase)}</end>"
            f"<phrase>{phrase}</phrase>{tag}</toponym>")


LGL = ('<?xml version="1.0" encoding="utf-8"?>\n<articles><article docid="1">'
       "<dltime>2009-03-20 12:24:52</dltime>"
       f"<text><![CDATA[{TEXT}]]></text><toponyms>"
       + toponym("Huntington", 0, HUNTINGTON)
       + toponym("W.Va.", 0, "<lat>38.5</lat><lon>-80.5</lon><fcode>ADM1</fcode>")
       + toponym("Huntington", 1, HUNTINGTON)
       + toponym("Iraqi", 0)
       + "</toponyms></article></articles>")


@pytest.fixture(scope="session")
def geo_pipeline():
    return Pipeline(Config(stages=["eventlens_actors", "eventlens_places"]))


def test_geo_evaluate(tmp_path, geo_pipeline):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    (article, gold), = list(geo.read_lgl(str(path)))
    assert [article.text[g.start:g.end] for g in gold] == [g.phrase for g in gold]
    report = geo.evaluate(str(path), geo_pipeline)
    assert report["gold"] == 4 and report["gold_without_demonyms"] == 3
    assert report["recall_without_demonyms"] == 1.0          # the abbreviation included
    assert report["accuracy@161km"] == 1.0 and report["median_error_km"] < 161
    # "Iraqi" is the country's reference (Place.references): a prediction of its own
    assert report["missed"] == {}
    assert report["predicted_references"] == 1 and report["precision_references"] == 1.0
    assert report["recall_demonyms"] == 1.0 and report["recall"] == 1.0


def test_event_location_evaluate(tmp_path, geo_pipeline):
    text = "Rebels attacked a convoy near Kirkuk on Monday, officials in Baghdad said."
    toks, pos = [], 0
    for i, w in enumerate(text.replace(",", " ,").replace(".", " .").split()):
        pos = text.index(w, pos)
        toks.append({"text": w, "start": pos, "end": pos + len(w), "id": i})
        pos += len(w)
    idx = {t["text"]: t["id"] for t in toks}
    rows = [
        {"text": text, "tokens": toks, "answer": "accept", "_id": "a",
         # char offsets deliberately wrong (as in the real file): tokens must win
         "spans": [{"start": 0, "end": 0, "token_start": idx["attacked"], "token_end": idx["attacked"], "label": "VERB"},
                   {"start": 3, "end": 3, "token_start": idx["Kirkuk"], "token_end": idx["Kirkuk"], "label": "LOCATION"}]},
        {"text": "Officials said talks would continue.", "answer": "accept", "_id": "b",
         "tokens": [{"text": "said", "start": 10, "end": 14, "id": 1}],
         "spans": [{"start": 10, "end": 14, "token_start": 0, "token_end": 0, "label": "VERB"}]},
    ]
    path = tmp_path / "el.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = event_location.evaluate(str(path), geo_pipeline)
    assert report["rows"] == 2
    assert report["accuracy_located"] == 1.0 and report["abstained"] == 1.0
