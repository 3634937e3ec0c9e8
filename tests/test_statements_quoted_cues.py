"""Cues of quoted or punctuation-introduced content: quoted labels ("labeled “False”", "used the
phrase “...”", "pounding X as a “fraud”"), a dash or colon before a quotation, transcript labels,
and quotations that lose their cue in context (a long sentence after "“Ready?” she said", a
second verb of saying between a cue and a quotation). Invented sentences only."""
from __future__ import annotations

from conftest import _pipeline_for, spacy_parse_text
from test_statements import _actor, by_cue, run, spans  # noqa: F401 (shared helpers)

from eventlens.model import Article, Place, Span
from eventlens.pipeline.quotemarks import find_quotes
from eventlens.pipeline.statement_scoring import predicted_spans
from eventlens.pipeline.statements import Stage




def scored(doc):
    """(source, cue, content) texts of the attributions the scorer sees (nested ones left out)."""
    text = doc.text
    t = lambda s: text[s[0][0]:s[0][1]] if s else None   # noqa: E731
    return [(t(p["source"]), t(p["cue"]), t(p["content"])) for p in predicted_spans(doc)]


# -- quoted labels -------------------------------------------------------------------------

def test_passive_label_with_a_quotation_is_a_cue():
    text = "When the watchdog checked the claim, it was labeled “Half True.”"
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, "was labeled")
    assert src is None and "Half True" in content


def test_used_the_phrase_with_a_quotation():
    text = "Baker has used the phrase “radical extremism” often in his speeches."
    _, _, found = run(text, [("new:baker", "person", "Baker")])
    src, cue, content = by_cue(found, text, "has used the phrase")
    assert src == "Baker" and "radical extremism" in content


def test_used_the_phrase_needs_a_quotation():
    text = "Baker has used the phrase often in his speeches."
    _, _, found = run(text, [("new:baker", "person", "Baker")])
    assert not any(c and "used" in c for _, c, _ in spans(found, text))


def test_title_right_after_the_verb():
    text = "The plan is copied from a paper published before the speech titled ''How to Build Better Bridges'' by two aides."
    _, _, found = run(text)
    _, cue, content = by_cue(found, text, "titled")
    assert "How to Build Better Bridges" in content


def test_verbal_attack_with_a_quoted_label():
    text = "The opposition leader Amara Kone has been hammering Diallo as a “tax collector for smugglers” all month."
    _, _, found = run(text, [("new:kone", "person", "Amara Kone"), ("new:diallo", "person", "Diallo")])
    src, cue, content = by_cue(found, text, "has been hammering")
    assert src.endswith("Amara Kone") and content.startswith("Diallo as a") and "tax collector" in content


def test_going_after_someone_as_a_quoted_label():
    text = "Since the vote, Kone has gone after Diallo as a “puppet who sold the ports.”"
    _, _, found = run(text, [("new:kone", "person", "Kone"), ("new:diallo", "person", "Diallo")])
    src, cue, content = by_cue(found, text, "has gone after")
    assert src == "Kone" and "puppet" in content


def test_quoted_as_phrase_after_shelling_a_place_is_no_speech():
    # eventlens codes conflict news: pounding a town is force, whatever the "as" phrase says
    text = "Rebel artillery pounded the town as “punishment for the raids,” the army said."
    _, _, found = run(text)
    assert not any(c and "pounded" in c for _, c, _ in spans(found, text))


def test_quoted_as_phrase_in_an_air_strike_report_is_no_speech():
    # a named target passes the person check; the attack the event stage finds makes it force
    for text in ("Jets pounded Aleppo as “retaliation” on Monday, killing 20 civilians.",
                 "Rebel gunners hammered Mosul as “punishment,” killing 12 people, the army said on Monday."):
        result = _pipeline_for(None).process(Article(id="t", text=text, language="en"))
        assert any(e.plover_type == "ASSAULT" for e in result.events)
        assert not any(s.cue is not None and s.cue.text in ("pounded", "hammered") for s in result.statements)


def test_pounding_without_a_quotation_is_no_speech():
    text = "The army has been pounding Baker's militia as the talks stall."
    _, _, found = run(text)
    assert not any(c and "pounding" in c for _, c, _ in spans(found, text))


# -- punctuation: dash and colon ------------------------------------------------------------

def test_dash_after_a_person_sets_off_the_quotation():
    text = "The rally ended with a speech by Tom Baker — “We will never give up this fight for our towns.”"
    _, _, found = run(text, [("new:tom-baker", "person", "Tom Baker")])
    src, cue, content = by_cue(found, text, "—")
    assert src == "Tom Baker" and content.startswith("We will never give up")


def test_dash_after_a_thing_is_no_cue():
    text = "The new slogan -- “Safe streets for every family in town” -- was printed on every poster."
    _, _, found = run(text)
    assert not any(c == "--" for _, c, _ in spans(found, text))


def test_colon_phrase_beats_a_cue_of_an_earlier_sentence():
    text = ("Firms say the fines are so light that many simply accept the penalty as a cost.\n\n"
            "The weakness of the rules is captured by this finding: ''Forty firms reported nine hundred "
            "subsidiaries abroad to the regulators, while only reporting two hundred to the tax office.''")
    _, _, found = run(text)
    src, cue, content = by_cue(found, text, ":")
    assert src == "this finding" and content.startswith("Forty firms reported")


def test_words_before_a_colon_frame_the_quote_not_the_cue_after_it():
    text = ("Senator Ann Lee scolded him: “The medical community is nearly united against the pills "
            "you called ‘wonders,’” she said.")
    _, doc, found = run(text, [("new:ann-lee", "person", "Senator Ann Lee")])
    assert by_cue(found, text, "said")[2].startswith("The medical community")
    assert any(c == "scolded" for _, c, _ in scored(doc))


def test_transcript_label_that_is_also_a_town_name():
    text = ("Partial transcript as follows:\n\n"
            "\"HARLOW: Let us start with the budget. What went wrong this year?\n\n"
            "\"PRICE: Nothing went wrong, the council simply spent more than it had.\n\n"
            "\"HARLOW: Thank you for joining us.\"")
    doc = spacy_parse_text(text)
    doc._.actors = [_actor(text, "new:price", "person", "PRICE")]
    doc._.events, doc._.dates, doc._.trace = [], [], {}
    # the places stage took the host's all-caps name for a town called Harlow
    starts = [i for i in range(len(text)) if text.startswith("HARLOW", i)]
    doc._.places = [Place(id="gn:1", name="Harlow", feature="city",
                          mentions=[Span.of(text, s, s + 6) for s in starts])]
    found = Stage().find(doc)
    labels = [(s, c) for s, c, _ in spans(found, text)]
    assert labels.count(("HARLOW", ":")) == 2 and ("PRICE", ":") in labels


def test_a_country_heading_is_still_no_speaker():
    text = "IRAQ: Car bomb kills nine in the capital\n\nA car bomb killed nine people on Monday."
    doc = spacy_parse_text(text)
    doc._.actors, doc._.events, doc._.dates, doc._.trace = [], [], [], {}
    doc._.places = [Place(id="gn:2", name="Iraq", feature="country", mentions=[Span.of(text, 0, 4)])]
    found = Stage().find(doc)
    assert not any(c == ":" for _, c, _ in spans(found, text))


# -- quotations that lose their cue in context ------------------------------------------------

def test_cue_opening_a_long_sentence_after_a_question_quote():
    text = ("The column closes with a pointed remark about the colonel’s “temper.”\n\n"
            "“Are we there?” he asked, but Nadia was asleep in the back, and while the colonel kept talking about "
            "“how the border is lost,” and “our abandoned farmers,” Nadia nodded along, "
            "again and again, until the radio died.")
    _, doc, found = run(text)
    assert by_cue(found, text, "asked")[2] == "Are we there?"
    assert ("he", "asked", "Are we there?") in scored(doc)


def test_second_verb_of_saying_takes_the_quote_after_it():
    text = "“Keep your eyes on the road,” Lee sings to Baker before asking her, “Where do we go from here?”"
    _, doc, found = run(text, [("new:lee", "person", "Lee"), ("new:baker", "person", "Baker")])
    assert ("Lee", "asking", "Where do we go from here?") in scored(doc)


def test_participle_of_saying_before_the_quote_beats_a_when_clause_after_it():
    text = ("The advert closes with footage of Baker saying during the rally last month, “That makes me strong,” "
            "when Lee attacked him for not paying taxes.")
    _, doc, found = run(text, [("new:lee", "person", "Lee"), ("new:baker", "person", "Baker")])
    assert ("Baker", "saying", "That makes me strong") in scored(doc)


def test_clause_of_its_own_keeps_its_quote_inside_the_report():
    # "when he said that ..., “...”": the quotation is part of the reported clause
    text = ("Okoro said Baker was “completely correct” when he said on Monday that under the junta, "
            "“the courts have been turned into barracks.”")
    _, doc, _ = run(text, [("new:okoro", "person", "Okoro"), ("new:baker", "person", "Baker")])
    assert not any(c == "said" and s == "he" for s, c, _ in scored(doc))


def test_saying_after_by_is_its_own_attribution():
    text = ("The mayor answered a widow's question on Monday by saying his refusal to meet the "
            "strikers was a “non-issue.”")
    _, doc, _ = run(text)
    assert any(c == "saying" and s == "The mayor" for s, c, _ in scored(doc))


def test_adding_after_by_is_no_speech():
    text = "The agency said developers had widened these areas by adding a few poor towns to rich ones."
    _, doc, _ = run(text)
    assert not any(c == "adding" for _, c, _ in scored(doc))


# -- quote marks ------------------------------------------------------------------------------

def test_straight_quote_block_does_not_run_into_a_curly_quotation():
    text = '"Anna was asleep.\n\n“Here he is,” she said. “He is here.”'
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert "Here he is" in quotes and not any("asleep" in q and "Here" in q for q in quotes)


def test_straight_quote_block_goes_on_over_straight_paragraphs():
    text = '"The first part of the letter.\n\n"The second part of the letter."'
    quotes = find_quotes(text)
    assert len(quotes) == 1 and "second part" in text[quotes[0].start:quotes[0].end]


def test_straight_marked_excerpt_with_curly_quotations_is_read_for_its_own_statements():
    # a passage copied from another article: each paragraph opens with a straight mark that
    # never closes, and the passage has curly quotations of its own
    text = ("The column describes the rally in detail.\n\n"
            "\"Anna thought the whole evening was a triumph. She waved a sign that read “Big Win.”\n\n"
            "\"Baker walked onto the stage, chanting “We are back! We are back!”\n\n"
            "The column ends there.")
    _, _, found = run(text, [("new:anna", "person", "Anna"), ("new:baker", "person", "Baker")])
    assert by_cue(found, text, "chanting")[0] == "Baker"
    assert by_cue(found, text, "thought")[0] == "Anna"


def test_transcript_turns_with_curly_quotations_stay_quotes():
    text = ("Partial transcript:\n\n"
            "\"HOST: Do you think the plan called “Fair Roads” will pass this year?\n\n"
            "\"PRICE: I think the council will pass it, and I believe the mayor will sign it.")
    _, _, found = run(text, [("new:price", "person", "PRICE")])
    cues = [c for _, c, _ in spans(found, text)]
    assert "think" not in cues and "believe" not in cues and ":" in cues


def test_names_of_groups_are_no_quoted_labels():
    for text in ('Fighters of a militia called “Red Brigade” entered the town at dawn.',
                 'Fighters of the so-called “Red Brigade” entered the town at dawn.'):
        _, _, found = run(text)
        assert not any(c and "call" in c for _, c, _ in spans(found, text)), spans(found, text)
