"""Speakers and spans in translated and wire copy (invented text): French guillemets, "according
to what X stated", verb-first order of machine translation, places that only say where a group
is, headline acronyms, time phrases and remarks at the edges of what was said."""
from __future__ import annotations

import datetime as dt

from eventlens.pipeline.quotemarks import find_quotes
from test_statements_replies import _by_cue, _result as _result_on


def _result(text):
    return _result_on(text, published=dt.date(2025, 5, 10))


def _quoted(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


# -- guillemets --------------------------------------------------------------------------

def test_guillemets_with_french_spacing_are_quote_marks():
    text = "The mayor stated: « Our men will hold the bridge », then left. « Non », he said."
    assert _quoted(text) == ["Our men will hold the bridge", "Non"]


def test_a_lone_closing_guillemet_opens_nothing():
    assert _quoted("Prices » rose again on Monday.") == []


def test_content_ends_at_the_closing_guillemet_and_the_next_cue_keeps_the_speaker():
    r = _result("The governor of Ituri, General Luc Mbala, stated: « Our soldiers will not abandon "
                "the town to the rebels », before adding that more troops had reached Bunia.")
    stated = _by_cue(r, "stated")
    assert stated.content.text == "Our soldiers will not abandon the town to the rebels"
    adding = _by_cue(r, "adding")
    assert adding.content.text == "more troops had reached Bunia"
    assert adding.source is None or "Our" not in adding.source.text
    assert adding.speaker is not None and adding.speaker == stated.speaker


def test_a_curly_quote_followed_by_before_adding_ends_at_its_mark():
    r = _result("The police chief, Colonel Omar Diallo, said: “We arrested six suspects”, before "
                "adding that two of them were foreigners.")
    assert _by_cue(r, "said").content.text == "We arrested six suspects"
    assert _by_cue(r, "adding").speaker == _by_cue(r, "said").speaker is not None


# -- according to what X stated ----------------------------------------------------------

def test_according_to_what_an_official_stated_the_verb_is_the_cue():
    r = _result("Four soldiers were wounded near the border on Monday, according to what the provincial "
                "governor, Karim Sadeghi, stated to the correspondent of the agency.")
    st = _by_cue(r, "stated")
    assert "Karim Sadeghi" in st.source.text and not st.source.text.startswith("what")
    assert st.content.text == "Four soldiers were wounded near the border on Monday"


def test_according_to_what_a_source_told_the_agency_names_the_source():
    r = _result("Two civilians were killed when a shell hit a market, according to what a medical source "
                "told the radio.")
    st = _by_cue(r, "told")
    assert st.source.text == "a medical source"
    assert st.content.text == "Two civilians were killed when a shell hit a market"


def test_a_place_and_dash_opening_the_lede_is_no_part_of_what_was_said():
    r = _result("Mosul - Five people were killed on Monday when a bomb exploded near a checkpoint, "
                "according to what a police source told the agency.")
    st = _by_cue(r, "told")
    assert st.content.text.startswith("Five people were killed")


def test_an_according_to_aside_before_that_reports_the_clause():
    r = _result("The minister said, according to the news agency, that the border would reopen on Sunday.")
    said = _by_cue(r, "said")
    assert said.content.text == "the border would reopen on Sunday"
    agency = _by_cue(r, "according to")
    assert agency.content.text == "the border would reopen on Sunday"


# -- verb-first order of translated copy -------------------------------------------------

def test_speaker_after_a_cue_that_follows_the_quote_and_an_addressee():
    r = _result('"We have buried nine victims," declared to our correspondent the head of the local '
                'council, Jean-Pierre Kahindo. According to him, the attackers fled into the forest.')
    declared = _by_cue(r, "declared")
    assert "Jean-Pierre Kahindo" in declared.source.text
    assert declared.speaker is not None and "kahindo" in declared.speaker
    according = _by_cue(r, "According to")
    assert according.speaker == declared.speaker


def test_a_sentence_opening_with_its_cue_verb_names_the_speaker_after_it():
    r = _result("Affirmed the Minister of Defence, Tariq Hassan, that the gunmen had crossed from the "
                "neighbouring province.")
    st = _by_cue(r, "Affirmed")
    assert "Tariq Hassan" in st.source.text
    assert st.content.text == "the gunmen had crossed from the neighbouring province"
    assert st.speaker is not None and "hassan" in st.speaker


def test_an_ordinary_object_after_a_sentence_initial_verb_is_no_speaker():
    r = _result("Announced the results, the commission said turnout was low.")
    assert all(s.source is None or "results" not in s.source.text for s in r.statements)


# -- a place in the speaker's phrase -----------------------------------------------------

def test_a_place_where_a_group_is_does_not_speak():
    r = _result("A rebel coalition in Chad threatened on Monday to attack army positions near the capital.")
    st = _by_cue(r, "threatened")
    assert st.speaker != "kb:tcd"


def test_a_militia_alliance_in_a_country_is_not_its_state():
    r = _result("A militia alliance in Libya warned on Monday that it would storm the port.")
    st = _by_cue(r, "warned")
    assert st.source.text == "A militia alliance in Libya"
    assert st.speaker != "kb:lby"


# -- headlines -----------------------------------------------------------------------------

def test_headline_word_of_a_name_is_no_cue():
    r = _result("Islamic State claims bombing of Kabul mosque\n\n"
                "KABUL, May 9 (Reuters) - The group said its fighters killed 11 worshippers.")
    assert not any(s.cue and s.cue.text == "State" for s in r.statements)
    st = _by_cue(r, "claims")
    assert st.source.text == "Islamic State"
    assert st.content.text == "bombing of Kabul mosque"


def test_headline_acronym_after_a_label_is_the_speaker():
    r = _result("Nigeria: ISWAP claims raid on army base\n\n"
                "MAIDUGURI, May 9 (Reuters) - The group said its fighters killed seven soldiers.")
    st = _by_cue(r, "claims")
    assert st.source.text == "ISWAP"


# -- edges of the content ----------------------------------------------------------------

def test_a_time_phrase_after_said_dates_the_saying():
    r = _result("Al-Shabaab said on Friday it attacked a military base near Kismayo, killing nine soldiers.")
    assert _by_cue(r, "said").content.text == "it attacked a military base near Kismayo, killing nine soldiers"


def test_a_time_phrase_after_that_stays_in_the_clause():
    r = _result("Al-Shabaab said that on Friday it attacked a military base near Kismayo.")
    assert _by_cue(r, "said").content.text == "on Friday it attacked a military base near Kismayo"


def test_a_remark_on_the_claim_is_not_part_of_it():
    r = _result("The group said its fighters killed nine soldiers, a claim the government rejected as propaganda.")
    assert _by_cue(r, "said").content.text == "its fighters killed nine soldiers"


def test_an_according_to_aside_before_a_colon_quote_is_the_channel_not_the_speaker():
    from eventlens.model import Article
    from conftest import _pipeline_for
    text = ("Defence Minister Rashid Qureshi visited Gilgit on Monday. The Minister Ghureshi continued, "
            "according to what the agency PNA quoted from him: \"The attackers will not escape justice.\"")
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    names = {a.id: a.name for a in result.actors}
    st = next(s for s in result.statements if "escape justice" in s.content.text)
    assert st.cue.text == "continued" and names.get(st.speaker) == "Rashid Qureshi"
    assert st.content.text.startswith("The attackers")


def test_which_after_a_persons_name_is_no_speaker():
    from eventlens.model import Article
    from conftest import _pipeline_for
    text = ("Their speeches show the depth of their hostility to President Amadou Keita, which suggests "
            "that they planned the ambush.")
    result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
    st = next(s for s in result.statements if s.cue is not None and s.cue.text == "suggests")
    assert st.speaker is None
