"""Places stage: villages, neighbourhoods and districts the text names as such ("sites"),
kept as places without coordinates and as the event's site, the event itself coded to the
known place they lie in or near (ACLED precision 2)."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from eventlens.export import export
from eventlens.model import Article, Place, Span
from eventlens.pipeline.places import _site_spans, locate_event


@pytest.fixture(scope="module")
def full_pipe(pipeline_for):
    return pipeline_for(None)


def sites(text):
    return [(text[a:b], kind) for a, b, kind in _site_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Shells hit the village of Tal Warda on Monday.", [("Tal Warda", "village")]),
    ("Fighting reached the Kurdish-majority Qaryat Saba district.", [("Qaryat Saba", "district")]),
    ("Militants shelled the settlements of Kafr Nabi, Ain Zara and Deir Hanna.",
     [("Kafr Nabi", "settlement"), ("Ain Zara", "settlement"), ("Deir Hanna", "settlement")]),
    ("A bomb exploded in the al-Mansur neighborhood near the market.", [("al-Mansur", "neighbourhood")]),
    ("Troops entered Vardan's northern district of Hay Salam.", [("Hay Salam", "district")]),
])
def test_names_given_as_villages_and_districts(text, expected):
    assert sites(text) == expected


@pytest.mark.parametrize("text", [
    "The Water District Director said rates would rise.",      # a name, capitalised kind
    "Turnout was high at Obama's town hall meeting.",            # a kind word modifying a noun
    "Officials met at TxDOT's district office on Friday.",
    "Homes were damaged in the Kurdish neighbourhood.",          # see the pipeline test below
])
def test_kind_words_that_name_no_site(text):
    assert [s for s, _ in sites(text) if s not in ("Kurdish",)] == []


def test_a_nationality_is_no_site(full_pipe):
    result = full_pipe.process(Article(id="t", text="Two civilians were killed in the Kurdish neighbourhood "
                                                    "of Vardan on Monday.", published=dt.date(2022, 3, 10)))
    assert not any(p.name == "Kurdish" for p in result.places)


def test_event_in_an_unknown_village_is_coded_to_the_town_it_lies_in(full_pipe):
    text = ("Four civilians were killed on Tuesday in the village of Tal Warda in the western "
            "countryside of Aleppo.")
    result = full_pipe.process(Article(id="t", text=text, published=dt.date(2022, 3, 10)))
    places = {p.id: p for p in result.places}
    event = next(e for e in result.events if e.plover_type == "ASSAULT")
    assert places[event.place].name == "Aleppo" and event.geo_precision == 2
    site = places[event.site]
    assert site.name == "Tal Warda" and site.lat is None and site.feature == "village"
    # a known town stays the place, with no site
    result = full_pipe.process(Article(id="t2", text="Four civilians were killed on Tuesday in Aleppo.",
                                       published=dt.date(2022, 3, 10)))
    assert all(e.site is None for e in result.events)


def test_locate_event_prefers_the_named_site_over_a_town_further_on(full_pipe):
    text = "Two soldiers were shot in the Ain Zara neighbourhood near Tripoli on Sunday."
    doc = full_pipe.nlp(full_pipe._make_doc(Article(id="t", text=text)))
    i = text.index("shot")
    found = locate_event(doc, i, i + 4)
    assert found.site is not None and found.site.name == "Ain Zara"
    assert found.place is not None and found.place.name == "Tripoli" and found.precision == 2


def _with_site(store_make_result):
    result = store_make_result("attack", "s1")
    text = result.article.text
    i = text.index("police station")
    site = Place(id="text:police-station", name="police station", feature="area",
                 mentions=[Span.of(text, i, i + len("police station"))])
    events = [result.events[0].model_copy(update={"site": site.id})] + result.events[1:]
    return result.model_copy(update={"places": result.places + [site], "events": events})


def test_store_and_exports_keep_the_site(store, store_make_result):
    result = _with_site(store_make_result)
    store.save_result(result)
    assert store.get_result("s1") == result
    out = io.StringIO()
    export(iter([result]), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["site"] == "police station" and rows[0]["place"]
    for fmt in ("jsonl", "acled-csv", "geojson"):
        out = io.StringIO()
        export(iter([result]), fmt, out)
        assert out.getvalue()


@pytest.mark.parametrize("text, verb, where", [
    ("Rebels captured Bunia, about 50 km from Mahagi, on Monday.", "captured", ("Bunia",)),
    # an apposition's region is not what was captured
    ("Rebels captured Goma, the largest city of North Kivu province, in November.", "captured", ("Goma",)),
    ("Government forces liberated the villages of Kafr Nabi and Ain Zara near Aleppo.", "liberated",
     ("Kafr Nabi", "Ain Zara")),
    ("Seoul was captured by the northern army in three days.", "captured", ("Seoul",)),
])
def test_the_place_a_verb_acts_on_is_where_it_happened(full_pipe, text, verb, where):
    doc = full_pipe.nlp(full_pipe._make_doc(Article(id="t", text=text)))
    i = text.index(verb)
    found = locate_event(doc, i, i + len(verb))
    assert (found.site or found.place).name in where, found


def test_a_region_after_the_acted_on_place_does_not_take_its_place(full_pipe):
    # the parser may make the region the object ("shelled A, Region"); A stays the place
    text = "On 18 May 2022, Russian forces shelled Kherson, Mykolaiv. Casualties unknown."
    doc = full_pipe.nlp(full_pipe._make_doc(Article(id="t", text=text)))
    i = text.index("shelled")
    assert locate_event(doc, i, i + 7).place.name.startswith("Kherson")


def test_a_street_is_the_site_of_the_town_it_is_in(full_pipe):
    text = "On 1 April 2022, hundreds of people held a protest on Harbour Road, Belfast."
    doc = full_pipe.nlp(full_pipe._make_doc(Article(id="t", text=text)))
    i = text.index("protest")
    found = locate_event(doc, i, i + 7)
    assert found.place.name == "Belfast" and found.site is not None and found.site.name == "Harbour Road"
