"""Demonyms and country adjectives kept as Place.references (never as mentions), on
sentences written for these tests."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from eventlens.export import export
from eventlens.model import Article, Place, Span
from eventlens.pipeline.places import event_place


@pytest.fixture(scope="module")
def places_pipe(pipeline_for):
    return pipeline_for(("eventlens_actors", "eventlens_places"))


@pytest.fixture(scope="module")
def full_pipe(pipeline_for):
    return pipeline_for(None)


def parse(pipe, text):
    return pipe.nlp(pipe._make_doc(Article(id="t", text=text, published=dt.date(2022, 3, 10))))


def refs(doc) -> dict[str, list[str]]:
    """place id -> the texts of its references"""
    return {p.id: [r.text for r in p.references] for p in doc._.places if p.references}


def at(text, needle):
    i = text.index(needle)
    return i, i + len(needle)


# ---------------------------------------------------------------- what is a reference

def test_adjective_is_a_reference_of_its_country_without_a_mention(places_pipe):
    doc = parse(places_pipe, "Iraqi forces shelled Mosul on Monday, killing three people.")
    iraq = next(p for p in doc._.places if p.id == "country:IRQ")
    assert [r.text for r in iraq.references] == ["Iraqi"] and iraq.mentions == []
    assert iraq.lat is not None and iraq.feature == "country"
    text = doc.text
    for p in doc._.places:
        for s in p.references + p.mentions:
            assert text[s.start:s.end] == s.text


def test_named_country_and_its_adjective_are_one_place(places_pipe):
    doc = parse(places_pipe, "Egypt reopened the crossing. Egyptian officials said trucks had passed.")
    egypt = [p for p in doc._.places if p.country == "EGY" and p.feature == "country"]
    assert len(egypt) == 1
    assert [m.text for m in egypt[0].mentions] == ["Egypt"]
    assert [r.text for r in egypt[0].references] == ["Egyptian"]


def test_plural_and_multiword_demonyms(places_pipe):
    doc = parse(places_pipe, "The Americans and the Russians met in Vienna, and South Korean diplomats "
                             "joined them.")
    found = refs(doc)
    assert found.get("country:USA") == ["Americans"]
    assert found.get("country:RUS") == ["Russians"]
    assert found.get("country:KOR") == ["South Korean"]


@pytest.mark.parametrize("text", [
    "Volunteers polish the old bells every spring before the festival.",   # a verb, lower case
    "Monica Finn runs the shelter. Finn said every bed was taken.",         # a person's name
    "She spoke only Finnish when she arrived, her teacher said.",           # a language
    "Native Americans and Latin American farmers met at the library.",     # longer ethnonyms
    "The fair sold Italian food and Swedish massage vouchers.",             # cuisine and style
    "Gaming revenue of Indian tribes rose, the commission said.",          # another sense, no India named
])
def test_not_a_reference(places_pipe, text):
    assert refs(parse(places_pipe, text)) == {}


def test_a_demonym_is_no_town_of_that_name(places_pipe):
    doc = parse(places_pipe, "The bombers flew five thousand kilometres from the Canadian capital.")
    assert refs(doc) == {"country:CAN": ["Canadian"]}
    assert all(not p.mentions for p in doc._.places)
    town = parse(places_pipe, "He grew up in Canadian, Texas, and moved away.")
    assert any(p.country == "USA" and p.feature == "city" and [m.text for m in p.mentions] == ["Canadian"]
               for p in town._.places)


def test_indian_is_india_when_the_text_names_a_place_there(places_pipe):
    doc = parse(places_pipe, "Indian troops were sent to Srinagar after the clashes.")
    assert refs(doc).get("country:IND") == ["Indian"]


def test_georgian_follows_the_text(places_pipe):
    abroad = parse(places_pipe, "Georgian police arrested two men in Tbilisi on Tuesday.")
    assert refs(abroad).get("country:GEO") == ["Georgian"]
    local = parse(places_pipe, "A lifelong Georgian, Smith served as Gwinnett County sheriff for "
                               "ten years and lives near Atlanta, Georgia.")
    state = [p for p in local._.places if p.references]
    assert len(state) == 1 and state[0].country == "USA" and state[0].feature == "admin1"


def test_region_and_continent_demonyms(places_pipe):
    doc = parse(places_pipe, "Thousands of Ohioans and Texans signed the petition, and European "
                             "lawmakers praised it.")
    by_name = {p.name: p for p in doc._.places if p.references}
    assert [r.text for r in by_name["Ohio"].references] == ["Ohioans"] and by_name["Ohio"].feature == "admin1"
    assert [r.text for r in by_name["Texas"].references] == ["Texans"] and by_name["Texas"].mentions == []
    assert by_name["Europe"].lat is not None


def test_gazetteer_knows_region_demonyms():
    from eventlens.kb.places import gazetteer
    gaz = gazetteer()
    assert gaz.region_demonym("Ontarians").name == "Ontario"
    assert gaz.region_demonym("South Ossetian").country == "GEO"
    assert gaz.region_demonym("Iraqi") is None and gaz.demonym("Latvian") == "LVA"


# ---------------------------------------------------------------- events never placed by an adjective

def test_event_place_ignores_reference_only_places(places_pipe):
    text = "Iraqi forces shelled Mosul on Monday."
    doc = parse(places_pipe, text)
    place, _ = event_place(doc, *at(text, "shelled"))
    assert place is not None and place.name == "Mosul"
    text = "Turkish officials said the talks had failed."
    doc = parse(places_pipe, text)
    assert refs(doc) == {"country:TUR": ["Turkish"]}
    assert event_place(doc, *at(text, "said")) == (None, None)


def test_full_pipeline_events_keep_their_town(full_pipe):
    result = full_pipe.process(Article(id="t", text="Iraqi forces shelled Mosul on Monday, killing three "
                                                    "people.", published=dt.date(2022, 3, 10)))
    mosul = next(p for p in result.places if p.name == "Mosul")
    assert result.events and all(e.place == mosul.id for e in result.events)
    result = full_pipe.process(Article(id="t2", text="Turkish officials said the talks had failed.",
                                       published=dt.date(2022, 3, 10)))
    assert any(p.references for p in result.places)
    assert all(e.place is None for e in result.events)


# ---------------------------------------------------------------- storage and export

def _with_reference_only_place(store_make_result):
    result = store_make_result("attack", "r1")
    text = result.article.text
    i = text.index("police station in Kirkuk")
    # an invented reference span over a word of the text (offsets and text agree)
    ref = Span.of(text, i, i + len("police"))
    place = Place(id="country:IRQ", name="Iraq", country="IRQ", lat=33.0, lon=44.0, feature="country",
                  references=[ref])
    return result.model_copy(update={"places": result.places + [place]})


def test_store_round_trip_keeps_references(store, store_make_result):
    result = _with_reference_only_place(store_make_result)
    store.save_result(result)
    again = store.get_result("r1")
    assert again == result
    iraq = next(p for p in again.places if p.id == "country:IRQ")
    assert iraq.mentions == [] and [r.text for r in iraq.references] == ["police"]


def test_exports_work_with_reference_only_places(store_make_result):
    result = _with_reference_only_place(store_make_result)
    for fmt in ("jsonl", "csv", "acled-csv", "geojson"):
        out = io.StringIO()
        export(iter([result]), fmt, out)
        assert out.getvalue()
    out = io.StringIO()
    export(iter([result]), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and all(r["place_id"] != "country:IRQ" for r in rows)


def test_a_demonym_before_a_territory_noun_is_the_country_as_a_place(full_pipe):
    text = "The ministry condemned the airstrikes on Libyan territory on Sunday."
    result = full_pipe.process(Article(id="t", text=text, published=dt.date(2022, 3, 10), language="en"))
    libya = next(p for p in result.places if p.country == "LBY" and p.feature == "country")
    assert [m.text for m in libya.mentions] == ["Libyan territory"] and not libya.references
    strikes = [e for e in result.events if e.plover_type == "ASSAULT"]
    assert strikes and strikes[0].place == libya.id and strikes[0].geo_precision == 3
    # "Libyan officials": still only a reference
    doc = parse(full_pipe, "Libyan officials condemned the strikes.")
    assert refs(doc) and not any(p.mentions for p in doc._.places if p.country == "LBY")
