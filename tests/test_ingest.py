"""Readers and article building: formats, encodings, bad input, ids, dates, language."""
import datetime as dt
import io
import json
import os
import sys

import pytest

from eventlens.ingest import (IngestError, InputError, RawInput, article_from_text, build_article,
                              detect_language, iter_inputs)

STORY = """Protest in Dorsk ends with arrests

Security forces in the northern city of Dorsk arrested twelve people on Tuesday after a night of clashes between rival groups near the old market, the interior ministry said.

A ministry spokesman said the detainees were suspected of setting fire to two shops and attacking a police patrol with stones and petrol bombs.
"""

FRENCH = ("Des centaines de manifestants se sont rassemblés lundi devant le siège du gouvernement "
          "régional pour réclamer des emplois et un meilleur accès à l'électricité. La police a "
          "dispersé la foule à l'aide de gaz lacrymogène, selon des témoins présents sur place.")
ARABIC = ("تجمع مئات المتظاهرين يوم الاثنين أمام مبنى مجلس المحافظة للمطالبة بفرص عمل وتحسين "
          "خدمات الكهرباء، وقالت الشرطة إنها فرقت الحشد باستخدام الغاز المسيل للدموع.")


def inputs(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def one_article(path, **kw):
    (item,) = inputs(path)
    assert isinstance(item, RawInput), item
    return build_article(item, **kw)


# --- plain text --------------------------------------------------------------------------

def test_text_file_title_and_text(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    art = one_article(p)
    assert art.title == "Protest in Dorsk ends with arrests"
    assert art.text.startswith("Protest in Dorsk ends with arrests\n\nSecurity forces")
    assert art.language == "en"
    assert art.input_format == "text" and art.input_path == str(p)
    assert art.id == "a" + art.content_hash[:16]


def test_front_matter(tmp_path):
    p = tmp_path / "fm.md"
    p.write_text("Title: Arrests after Dorsk clashes\nDate: 2024-03-05\nSource: Example Wire\n"
                 "URL: https://example.org/dorsk\n\n" + STORY, encoding="utf-8")
    art = one_article(p)
    assert art.title == "Arrests after Dorsk clashes"
    assert art.published == dt.date(2024, 3, 5)
    assert art.source == "Example Wire"
    assert art.url == "https://example.org/dorsk"
    assert art.text.startswith("Protest in Dorsk ends with arrests")
    assert "Example Wire" not in art.text


def test_fenced_front_matter_and_published_override():
    art = article_from_text("---\ndate: 5 March 2024\nid: dorsk-1\n---\n" + STORY,
                            published=dt.date(2024, 3, 6))
    assert art.id == "dorsk-1"
    assert art.published == dt.date(2024, 3, 6)
    assert article_from_text("---\ndate: 5 March 2024\n---\n" + STORY).published == dt.date(2024, 3, 5)


def test_prose_with_colon_is_not_front_matter():
    art = article_from_text("Iraq: protesters storm council building\n\nHundreds of protesters "
                            "stormed the council building in Dorsk on Tuesday.")
    assert art.title == "Iraq: protesters storm council building"
    assert art.text.startswith("Iraq: protesters")


def test_article_from_text_single_sentence():
    art = article_from_text("Gunmen killed two police officers in Kirkuk on Monday.",
                            published="2024-03-05", source="Wire")
    assert art.text == "Gunmen killed two police officers in Kirkuk on Monday."
    assert art.published == dt.date(2024, 3, 5) and art.source == "Wire"


def test_same_content_same_id(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(STORY, encoding="utf-8")
    b.write_bytes(STORY.replace("\n", "\r\n").replace("Security forces", "Security  forces").encode())
    art_a, art_b = one_article(a), one_article(b)
    assert art_a.id == art_b.id and art_a.content_hash == art_b.content_hash
    assert one_article(a).id == art_a.id  # stable across runs
    assert article_from_text(STORY + "\nOne more sentence here.").id != art_a.id


# --- bad input ---------------------------------------------------------------------------

def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n \t\n")
    errors = inputs(p, blank)
    assert [type(e) for e in errors] == [InputError, InputError]
    assert all(e.message == "empty file" for e in errors)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                                  b"some text\x00\x00\x00\x01\x02 more"])
def test_binary_file(tmp_path, data):
    p = tmp_path / "image.txt"
    p.write_bytes(data)
    (err,) = inputs(p)
    assert isinstance(err, InputError) and err.message.startswith("binary file")
    with pytest.raises(IngestError, match="binary"):
        build_article(RawInput(path="x", format="text", raw=data))


def test_latin1_file_decoded(tmp_path):
    p = tmp_path / "fr.txt"
    p.write_bytes(("Manifestation à Lyon\n\n" + FRENCH).encode("latin-1"))
    art = one_article(p)
    assert "rassemblés" in art.text and "réclamer" in art.text
    assert art.language == "fr"


def test_cp1256_file_decoded(tmp_path):
    p = tmp_path / "ar.txt"
    p.write_bytes(("احتجاجات في المدينة\n\n" + ARABIC + "\n\n" + ARABIC.replace("الاثنين", "الثلاثاء"))
                  .encode("cp1256"))
    art = one_article(p)
    assert "المتظاهرين" in art.text
    assert art.language == "ar"


def test_invalid_utf8_bytes_are_replaced_not_fatal(tmp_path):
    p = tmp_path / "broken.txt"
    p.write_bytes(STORY.replace("Dorsk", "Dörsk").encode("utf-8").replace(b"two shops", b"two \xff shops"))
    art = one_article(p)
    assert "Dörsk" in art.text and "two \ufffd shops" in art.text


def test_huge_text_file_returns(tmp_path):
    p = tmp_path / "big.txt"
    para = ("Protesters gathered in the square on Monday to demand jobs and electricity, "
            "and police said the rally ended peacefully in the evening. ")
    with open(p, "w", encoding="utf-8") as fh:
        fh.write("A very long file\n\n")
        i = 0
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(para * (i % 7 + 1) + f"Paragraph {i}.\n\n")
            i += 1
    art = one_article(p)
    assert len(art.text) > 19_000_000
    assert art.language == "en"


def test_html_without_body(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>Nothing here</title></head><body><nav>Home</nav></body></html>")
    (raw,) = inputs(p)
    with pytest.raises(IngestError, match="HTML has no article text"):
        build_article(raw)


def test_nonexistent_path(tmp_path):
    (err,) = inputs(tmp_path / "missing.txt")
    assert err == InputError(str(tmp_path / "missing.txt"), None, "no such file or directory")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can read files with mode 000")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(STORY)
    p.chmod(0)
    try:
        (err,) = inputs(p)
    finally:
        p.chmod(0o644)
    assert err.message == "permission denied"


def test_errors_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    items = inputs(tmp_path / "nope.txt", bad, good)
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "RawInput"]


# --- HTML --------------------------------------------------------------------------------

def test_html_with_metadata(tmp_path):
    p = tmp_path / "page.htm"
    p.write_text("""<!DOCTYPE html><html><head><title>Arrests in Dorsk | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/world/dorsk-arrests"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Arrests in Dorsk</h1>
<p>Security forces in the northern city of Dorsk arrested twelve people on Tuesday after a night of
clashes between rival groups near the old market, the interior ministry said.</p>
<p>A ministry spokesman said the detainees were suspected of setting fire to two shops and
attacking a police patrol with stones and petrol bombs.</p>
<p>Share this article</p></article>
<footer>Copyright 2024 Example News</footer></body></html>""", encoding="utf-8")
    art = one_article(p)
    assert art.title == "Arrests in Dorsk"
    assert art.source == "Example News"
    assert art.url == "https://example.org/world/dorsk-arrests"
    assert art.published == dt.date(2024, 3, 5)
    assert "arrested twelve people" in art.text and "petrol bombs." in art.text
    assert "Home" not in art.text and "Share this article" not in art.text


# --- JSON / JSON Lines -------------------------------------------------------------------

def test_jsonl_malformed_line_among_good_ones(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "n1", "title": "One", "text": "First story text about Dorsk.",
                         "published": "2024-03-05", "source": "Wire", "url": "https://e.org/1"}),
             '{"id": "n2", "text": "broken',
             "",
             json.dumps({"id": "n3", "text": "Third story text about Dorsk."}),
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "n5", "title": "no text"})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = inputs(p)
    assert [(type(i).__name__, i.index) for i in items] == [
        ("RawInput", 0), ("InputError", 1), ("RawInput", 3), ("InputError", 4), ("InputError", 5)]
    assert items[1].message.startswith("malformed JSON on line 2")
    assert str(items[1]).startswith(f"{p}:2: malformed JSON on line 2")
    assert "no text field" in items[4].message
    first = items[0]
    assert first.raw == lines[0] and first.format == "jsonl"
    art = build_article(first)
    assert (art.id, art.title, art.source, art.url, art.published) == (
        "n1", "One", "Wire", "https://e.org/1", dt.date(2024, 3, 5))
    assert build_article(items[2]).id == "n3"


def test_json_array_and_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps({"articles": [{"headline": "A", "content": "Text A about Dorsk.",
                                             "source": {"id": None, "name": "Paper"}},
                                            {"title": "B", "body": "Text B about Dorsk."}]}))
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"id": 7, "text": "Single object article."}))
    a, b, c = inputs(arr, obj)
    assert (a.index, a.title, a.text, a.source) == (0, "A", "Text A about Dorsk.", "Paper")
    assert (b.index, b.title) == (1, "B")
    assert (c.index, c.id) == (None, "7")
    # an article can be rebuilt from its stored raw record alone
    rebuilt = build_article(RawInput(path=a.path, format="json", raw=a.raw, index=a.index))
    assert rebuilt.text == build_article(a).text and rebuilt.title == "A"


def test_malformed_json_file(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('{"text": "unterminated')
    (err,) = inputs(p)
    assert isinstance(err, InputError) and err.message.startswith("malformed JSON")


def test_json_html_text_is_extracted():
    raw = RawInput(path="x.jsonl", format="jsonl", raw="{}", index=1,
                   text="<p>Police arrested twelve people in Dorsk.</p><figure><img src='x.jpg'>"
                        "<figcaption>Police at the market.</figcaption></figure><p>Two shops burned.</p>")
    art = build_article(raw)
    assert art.text == "Police arrested twelve people in Dorsk.\n\nTwo shops burned."
    assert [(r.text, r.reason) for r in art.removed] == [("Police at the market.", "caption")]


# --- CSV ---------------------------------------------------------------------------------

def test_csv_text_column(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text('id,headline,text,date\nc1,Arrests,"Police arrested twelve people.\n\nTwo shops burned.",'
                 '2024-03-05\nc2,Empty,,2024-03-06\n', encoding="utf-8")
    items = inputs(p)
    assert isinstance(items[0], RawInput) and items[0].index == 0
    art = build_article(items[0])
    assert (art.id, art.title, art.published) == ("c1", "Arrests", dt.date(2024, 3, 5))
    assert art.text == "Police arrested twelve people.\n\nTwo shops burned."
    assert isinstance(items[1], InputError) and items[1].index == 1
    assert items[1].message == "row 2 has an empty text column"


def test_csv_custom_text_column(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text("title;story_body\nA;Police arrested twelve people in Dorsk.\n", encoding="utf-8")
    (err,) = inputs(p)
    assert isinstance(err, InputError) and "--text-column" in err.message
    (item,) = inputs(p, text_column="story_body")
    assert item.text == "Police arrested twelve people in Dorsk." and item.title == "A"
    # the stored raw row is enough to rebuild the article later
    rebuilt = build_article(RawInput.from_stored(item.raw, "csv"))
    assert rebuilt.text == "Police arrested twelve people in Dorsk." and rebuilt.title == "A"


# --- feeds -------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>https://example.org</link><description>News</description>
<item><title>Arrests in Dorsk</title><link>https://example.org/1</link>
<guid>https://example.org/1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Police arrested twelve people in Dorsk.</p><p>Two shops burned.</p>]]></content:encoded>
</item>
<item><title>Talks in Varna</title><link>https://example.org/2</link>
<description>Delegations met in Varna on Wednesday to discuss a ceasefire.</description></item>
<item><title>Nothing</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id>
<updated>2024-03-07T00:00:00Z</updated>
<entry><title>Strike in Varna</title><id>urn:1</id><link href="https://example.org/3"/>
<updated>2024-03-07T09:00:00Z</updated>
<summary>Dock workers in Varna went on strike on Thursday over unpaid wages.</summary></entry>
</feed>"""


def test_rss_feed(tmp_path):
    p = tmp_path / "wire.rss"
    p.write_text(RSS, encoding="utf-8")
    a, b, c = inputs(p)
    assert (a.index, a.title, a.url, a.source, a.published) == (
        0, "Arrests in Dorsk", "https://example.org/1", "Example Wire", "2024-03-05")
    art = build_article(a)
    assert art.text == "Police arrested twelve people in Dorsk.\n\nTwo shops burned."
    assert art.published == dt.date(2024, 3, 5) and art.title == "Arrests in Dorsk"
    assert build_article(b).text == "Delegations met in Varna on Wednesday to discuss a ceasefire."
    assert isinstance(c, InputError) and c.index == 2 and c.message == "feed entry 3 has no content or summary"


def test_atom_feed(tmp_path):
    p = tmp_path / "wire.atom"
    p.write_text(ATOM, encoding="utf-8")
    (e,) = inputs(p)
    art = build_article(e)
    assert art.text.startswith("Dock workers in Varna") and art.published == dt.date(2024, 3, 7)
    assert art.source == "Atom Wire"


def test_malformed_feed(tmp_path):
    p = tmp_path / "broken.xml"
    p.write_text("<rss><channel><title>Oops</title><item><title>x</ite", encoding="utf-8")
    (err,) = inputs(p)
    assert isinstance(err, InputError) and err.message.startswith("malformed feed")


# --- folders, globs, stdin ---------------------------------------------------------------

def test_folder_with_mixed_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.html").write_text("<html><body><article><p>" + "Police arrested people. " * 20
                                     + "</p></article></body></html>")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n')
    (tmp_path / "sub" / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / ".secret.txt").write_text(STORY)
    (tmp_path / ".hidden" / "e.txt").write_text(STORY)
    (tmp_path / "noext").write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    items = inputs(tmp_path)
    summary = [(os.path.relpath(i.path, tmp_path), getattr(i, "format", "error")) for i in items]
    assert summary == [("a.html", "html"), ("b.txt", "text"), ("noext", "html"),
                       ("sub/c.jsonl", "jsonl"), ("sub/c.jsonl", "jsonl"), ("sub/d.png", "error")]


def test_glob(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(STORY)
    items = inputs(tmp_path / "x*.txt")
    assert [os.path.basename(i.path) for i in items] == ["x1.txt", "x2.txt"]
    (err,) = inputs(tmp_path / "z*.txt")
    assert err.message == "no files match this pattern"


def test_stdin(monkeypatch):
    data = (json.dumps({"id": "s1", "text": "From stdin one."}) + "\n"
            + json.dumps({"id": "s2", "text": "From stdin two."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = inputs("-")
    assert [(i.path, i.format, i.id) for i in items] == [("<stdin>", "jsonl", "s1"),
                                                          ("<stdin>", "jsonl", "s2")]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    (item,) = inputs("-")
    assert build_article(item).title == "Protest in Dorsk ends with arrests"


# --- language ----------------------------------------------------------------------------

def test_language_detection():
    assert detect_language(STORY) == "en"
    assert detect_language(FRENCH) == "fr"
    assert detect_language(ARABIC) == "ar"
    assert detect_language("Short.") is None
    assert detect_language("") is None
    assert article_from_text("Titre\n\n" + FRENCH).language == "fr"


def test_html_with_only_navigation():
    html = ("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a> | "
            "<a href='/w'>World news today</a> | <a href='/s'>Sports and more</a></nav></body></html>")
    with pytest.raises(IngestError, match="HTML has no article text"):
        build_article(RawInput(path="nav.html", format="html", raw=html.encode()))


def test_permission_error_is_reported(tmp_path, monkeypatch):
    # Works as root too (where chmod 000 does not block reading).
    from eventlens.ingest import readers
    p = tmp_path / "story.txt"
    p.write_text(STORY)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(readers, "open", refuse, raising=False)
    (err,) = inputs(p)
    assert err == InputError(str(p), None, "permission denied")


def test_from_stored_rebuilds_text_and_html(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Date: 2024-03-05\n\n" + STORY)
    (item,) = inputs(p)
    art = build_article(item)
    again = build_article(RawInput.from_stored(item.raw, "txt", art))
    assert (again.id, again.text, again.title, again.published) == (art.id, art.text, art.title, art.published)
