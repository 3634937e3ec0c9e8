"""The shared dateline pattern: what each stage reads from the place line of a report."""
from eventlens.pipeline.datelines import dateline_at, paragraph_datelines


def test_city_region_date_and_agency():
    text = "MARIBOR, Slovenia, Oct. 4, 2024 (Wirepress) - Farmers blocked a road."
    m = dateline_at(text, 0)
    assert m.group("place") == "MARIBOR"
    assert m.group("region") == "Slovenia"
    assert (m.group("mon"), m.group("day"), m.group("year")) == ("Oct.", "4", "2024")
    assert m.group("agency") == "Wirepress"
    assert text[m.end():].startswith("Farmers")


def test_place_line_without_date():
    m = dateline_at("PORT LOUIS -- The minister said so.", 0)
    assert m.group("place") == "PORT LOUIS" and m.group("date") is None


def test_sentences_and_long_capital_headings_are_no_datelines():
    assert dateline_at("The minister - a veteran - spoke.", 0) is None
    assert dateline_at("Mr. Lenz, May 3 - a note", 0) is None
    # a heading in capitals is a label, not the city the report was filed from
    assert dateline_at("THE GOVERNOR HAS LOST HIS PATIENCE — He said so.", 0) is None


def test_paragraph_datelines_only_open_lines():
    text = "Headline here.\nNAIROBI, June 2 - Rain fell.\nHe left NAIROBI, June 3 - later."
    found = list(paragraph_datelines(text))
    assert [m.group("place") for m in found] == ["NAIROBI"]
    assert list(paragraph_datelines(text, limit=10)) == []
