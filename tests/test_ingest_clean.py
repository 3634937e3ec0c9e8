"""Cleaning: captions, credits, markers, footers, repeated paragraphs, whitespace."""
from pathlib import Path

import pytest

from eventlens.ingest import article_from_text, build_article, clean_text, iter_inputs
from eventlens.ingest.clean import is_credit

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "000_1367947988e2ffd1.txt"

BODY_1 = ("Security forces in the northern city of Dorsk arrested twelve people on Tuesday after a "
          "night of clashes between rival groups near the old market, the interior ministry said.")
BODY_2 = ("A ministry spokesman said the detainees were suspected of setting fire to two shops and "
          "attacking a police patrol with stones and petrol bombs.")
BODY_3 = ("Residents said the violence began after a dispute over the control of a parking area and "
          "quickly spread to neighbouring streets.")


def reasons(removed):
    return [r.reason for r in removed]


def test_whitespace_is_normalised_but_characters_kept():
    raw = "Title  here\r\n\r\n\r\n  “Quoted”   words\u00a0and it’s\tfine.  \r\nNext\u200b line\n\n\n"
    text, removed = clean_text(raw)
    assert text == "Title here\n\n“Quoted” words and it’s fine.\n\nNext line"
    assert removed == []


def test_caption_block_with_credits_and_marker():
    raw = "\n\n".join([
        "Clashes in Dorsk leave shops burned",
        "  • Police officers stand guard near the market.\n\n    Reuters",
        "  • A burned shop front after the clashes.\n\n    AFP/Getty Images",
        "  • Residents inspect the damage.",
        "Photo",
        BODY_1, BODY_2, BODY_3,
    ])
    text, removed = clean_text(raw)
    assert text == "\n\n".join(["Clashes in Dorsk leave shops burned", BODY_1, BODY_2, BODY_3])
    assert reasons(removed) == ["caption", "credit", "caption", "credit", "caption", "media marker"]
    assert removed[0].text == "• Police officers stand guard near the market."
    assert removed[3].text == "AFP/Getty Images"


def test_caption_before_lone_credit_without_bullet():
    raw = "\n\n".join(["Headline of the story", BODY_1,
                       "Riot police outside the governor's office on Tuesday.", "EPA-EFE", BODY_2])
    text, removed = clean_text(raw)
    assert reasons(removed) == ["caption", "credit"]
    assert BODY_1 in text and BODY_2 in text


def test_short_news_paragraphs_are_not_captions():
    short = "Two of them were later released."
    raw = "\n\n".join(["Headline", BODY_1, short, "Police said the situation was calm.", BODY_2,
                       "• The ministry will publish a report.", "• The curfew ends on Friday.", BODY_3])
    text, removed = clean_text(raw)
    assert removed == []
    assert short in text and "• The curfew ends on Friday." in text


@pytest.mark.parametrize("line", ["Reuters", "AFP", "AP Photo/Jane Roe", "Photo: John Smith",
                                  "(Photo: Anadolu Agency)", "EPA", "Getty Images", "AFP via Getty Images",
                                  "Xinhua"])
def test_credit_lines(line):
    assert is_credit(line)


@pytest.mark.parametrize("line", ["Iran and its allies.", "Investing despite failure", "Baghdad",
                                  "Saad Maan", "Reuters reported that the talks failed on Monday."])
def test_not_credit_lines(line):
    assert not is_credit(line)


@pytest.mark.parametrize("footer", [
    "Follow our latest local news and political developments via Google news",
    "Follow us on Twitter",
    "Share this article",
    "Subscribe to our daily briefing",
    "Sign up for our newsletter",
    "© 2024 Example Media. All rights reserved.",
    "\"Follow Jane Roe on Twitter @janeroe.\"",
])
def test_footers_removed(footer):
    raw = "\n\n".join(["Headline", BODY_1, BODY_2, footer])
    text, removed = clean_text(raw)
    assert text == "\n\n".join(["Headline", BODY_1, BODY_2])
    assert [(r.text, r.reason) for r in removed] == [(footer, "footer")]


def test_prose_that_mentions_platforms_is_kept():
    para = ("Following the clashes, the governor posted a statement on Facebook calling for calm "
            "and asked residents to share information with the police.")
    text, removed = clean_text("\n\n".join(["Headline", BODY_1, para]))
    assert removed == [] and para in text


def test_media_markers():
    raw = "\n\n".join(["Headline", "Video", BODY_1, "ADVERTISEMENT", BODY_2, "[Picture]"])
    text, removed = clean_text(raw)
    assert text == "\n\n".join(["Headline", BODY_1, BODY_2])
    assert reasons(removed) == ["media marker", "advertisement", "media marker"]


def test_repeated_paragraph_keeps_first():
    raw = "\n\n".join(["Headline", BODY_1, BODY_2, BODY_3, BODY_1.upper().replace(",", ""),
                       "• " + BODY_2])
    text, removed = clean_text(raw)
    assert text == "\n\n".join(["Headline", BODY_1, BODY_2, BODY_3])
    assert reasons(removed) == ["repeated paragraph", "repeated paragraph"]
    assert removed[1].text == "• " + BODY_2


def test_short_repeated_lines_are_kept():
    raw = "\n\n".join(["Background", BODY_1, "Background", BODY_2, "Reactions", BODY_3, "Reactions"])
    text, removed = clean_text(raw)
    assert removed == []
    assert text.count("Background") == 2


def test_near_identical_and_bulleted_highlight_repeats():
    changed = BODY_2.replace("two shops", "three shops")
    highlight = ("• Residents said the violence began after a dispute over the control of a parking "
                 "area, which shows how tense the district has become since the elections.")
    raw = "\n\n".join(["Headline", BODY_1, BODY_2, BODY_3, changed, highlight])
    text, removed = clean_text(raw)
    assert text == "\n\n".join(["Headline", BODY_1, BODY_2, BODY_3])
    assert reasons(removed) == ["repeated paragraph", "repeated paragraph"]


def test_unbulleted_paragraph_sharing_a_phrase_is_kept():
    extended = ("Residents said the violence began after a dispute over the control of a parking "
                "area, but the governor blamed outside groups and announced an inquiry into the "
                "police response, which opposition members called a cover-up.")
    text, removed = clean_text("\n\n".join(["Headline", BODY_3, extended]))
    assert removed == [] and extended in text


def test_hard_wrapped_text_is_joined():
    wrapped = ("Security forces in the northern city of Dorsk arrested\n"
               "twelve people on Tuesday after a night of clashes between\n"
               "rival groups near the old market, the ministry said.\n\n"
               "A ministry spokesman said the detainees were suspected\n"
               "of setting fire to two shops and attacking a patrol.\n")
    text, _ = clean_text(wrapped)
    assert text.split("\n\n") == [
        "Security forces in the northern city of Dorsk arrested twelve people on Tuesday after a "
        "night of clashes between rival groups near the old market, the ministry said.",
        "A ministry spokesman said the detainees were suspected of setting fire to two shops and "
        "attacking a patrol."]


def test_cleaning_is_applied_by_article_builders():
    art = article_from_text("\n\n".join(["Clashes in Dorsk", BODY_1, "Share this article"]))
    assert art.title == "Clashes in Dorsk"
    assert art.text == "Clashes in Dorsk\n\n" + BODY_1
    assert [r.reason for r in art.removed] == ["footer"]


def test_seed_example():
    if not SEED.is_file():
        pytest.skip("seed example not available")
    (raw,) = list(iter_inputs([str(SEED)]))
    art = build_article(raw, published="2021-11-09")
    assert art.title == "A “militia escalation” aims to destabilize the country"
    assert str(art.published) == "2021-11-09"
    assert art.language == "en"
    by_reason = {}
    for r in art.removed:
        by_reason.setdefault(r.reason, []).append(r.text)
    assert len(by_reason["caption"]) == 3
    assert by_reason["credit"] == ["Reuters", "AFP", "Reuters"]
    assert by_reason["media marker"] == ["picture"]
    assert len(by_reason["footer"]) == 1 and "Google news" in by_reason["footer"][0]
    assert len(by_reason["repeated paragraph"]) == 2
    assert all(t.startswith("•") for t in by_reason["repeated paragraph"])
    assert "•" not in art.text and "Google news" not in art.text
    assert "\n\nReuters\n\n" not in art.text
    # everything else survives: headings, numbered sections, the last paragraph
    assert "Dimensions of the assassination attempt" in art.text
    assert "Investing despite failure" in art.text
    assert art.text.endswith("participation in the next government.")


@pytest.mark.parametrize("line,reason", [
    ("Read the rest here.", "related link"),
    ("Read more: Curfew imposed in Dorsk", "related link"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "byline"),
    ("Jane Roe and John Doe contributed reporting.", "byline"),
    ("By Reuters", "byline"),
])
def test_link_and_reporting_lines(line, reason):
    text, removed = clean_text("\n\n".join(["Headline", BODY_1, line]))
    assert [(r.text, r.reason) for r in removed] == [(line, reason)]


def test_quotes_and_signatures_before_credits_are_kept():
    quote = "“We only want jobs and electricity for our children,” said one protester."
    raw = "\n\n".join(["Headline", BODY_1, quote, "Getty Images", "Jane Roe.", "Dorsk, Varnia.",
                       "Facebook.", BODY_2])
    text, removed = clean_text(raw)
    assert [(r.text, r.reason) for r in removed] == [("Getty Images", "credit")]
    assert quote in text and "Dorsk, Varnia." in text and "Facebook." in text


def test_share_button_bar_is_a_footer():
    text = ("Aid trucks reached the city on Monday after a week of delays at the checkpoint.\n\n"
            "Share | Tweet | Email\n\nFacebook · Twitter · WhatsApp")
    cleaned, removed = clean_text(text)
    assert cleaned.startswith("Aid trucks reached the city")
    assert "Share | Tweet" not in cleaned and "WhatsApp" not in cleaned
    assert [r.reason for r in removed] == ["footer", "footer"]
