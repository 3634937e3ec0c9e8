"""The bundled demo corpus and the benchmark's corpus generator.

The demo corpus is read here with plain parsers (json, feedparser, a regex for HTML meta),
independently of eventlens.ingest, so a corpus problem is not hidden by an ingest bug.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import feedparser
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SEED = ROOT.parent / "shared" / "examples" / "000_1367947988e2ffd1.txt"
ARTICLE_SUFFIXES = {".txt", ".html", ".jsonl", ".rss"}


def _txt_parts(path: Path) -> tuple[dict, str, str]:
    """(front matter, title, body) of a .txt article: ``key: value`` lines at the top, a
    blank line, the title line, a blank line, the body (the layout eventlens.ingest reads)."""
    head, _, rest = path.read_text(encoding="utf-8").partition("\n\n")
    meta = {}
    for line in head.split("\n"):
        key, sep, value = line.partition(":")
        assert sep, f"{path.name}: front matter line without a colon: {line!r}"
        meta[key.strip().lower()] = value.strip()
    title, _, body = rest.partition("\n\n")
    return meta, title, body


def _txt_front_matter(path: Path) -> dict:
    return _txt_parts(path)[0]


def corpus_articles() -> list[tuple[str, str | None]]:
    """(where, published) for every article in the demo corpus, broken file excluded."""
    found = []
    for path in sorted(CORPUS.iterdir()):
        if path.name == "broken.txt" or path.suffix not in ARTICLE_SUFFIXES:
            continue
        if path.suffix == ".txt":
            found.append((path.name, _txt_front_matter(path).get("published")))
        elif path.suffix == ".jsonl":
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                record = json.loads(line)
                assert {"id", "title", "text", "published", "source", "url"} <= set(record)
                found.append((f"{path.name}:{i + 1}", record["published"]))
        elif path.suffix == ".rss":
            feed = feedparser.parse(path.read_bytes())
            assert not feed.bozo, feed.get("bozo_exception")
            for entry in feed.entries:
                day = entry.get("published_parsed")
                found.append((f"{path.name}:{entry.title}",
                              dt.date(*day[:3]).isoformat() if day else None))
        elif path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            m = re.search(r'property="article:published_time"\s+content="(\d{4}-\d\d-\d\d)', html)
            found.append((path.name, m.group(1) if m else None))
    return found


def _body(path: Path) -> str:
    return _txt_parts(path)[2]


def test_corpus_has_20_to_30_articles_in_several_formats():
    articles = corpus_articles()
    assert 20 <= len(articles) <= 30, len(articles)
    suffixes = {p.suffix for p in CORPUS.iterdir()}
    assert ARTICLE_SUFFIXES <= suffixes
    # ingest reads every file in the folder, so nothing but articles (and the broken one)
    assert suffixes == ARTICLE_SUFFIXES, suffixes
    assert (ROOT / "examples" / "README.md").is_file()


def test_every_article_has_a_plausible_published_date():
    for where, published in corpus_articles():
        assert published, f"{where} has no published date"
        day = dt.date.fromisoformat(published)
        assert dt.date(2021, 1, 1) <= day <= dt.date(2024, 12, 31), where


def test_txt_articles_have_title_and_body_of_news_length():
    for path in CORPUS.glob("*.txt"):
        if path.name == "broken.txt":
            continue
        meta, title, _ = _txt_parts(path)
        assert set(meta) == {"published", "source", "url"}, path.name
        # a single title line (it may contain a colon, as in "Bamako : ...")
        assert title.strip() and "\n" not in title, path.name
        words = len(_body(path).split())
        assert 120 <= words <= 400, (path.name, words)


def test_broken_file_is_present_and_not_text():
    data = (CORPUS / "broken.txt").read_bytes()
    assert b"\x00" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_corpus_carries_the_noise_ingestion_must_handle():
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")
             if p.name != "broken.txt"}
    everything = "\n".join(texts.values())
    # caption bullet followed by an agency credit line, and lone markers
    assert re.search(r"^\s*• .+\n\n\s+(Reuters|AFP)\s*$", everything, re.M)
    assert re.search(r"^(picture|video)$", everything, re.M)
    assert re.search(r"^(Share|Follow|Subscribe)\b", everything, re.M)
    # one article repeats a paragraph verbatim
    repeated = [name for name, text in texts.items()
                if any(n > 1 for n in _paragraph_counts(_body(CORPUS / name)).values())]
    assert repeated == ["sudan_el_fasher_clashes_2024.txt"]
    # transliteration variants inside one article
    for name, a, b in [("iraq_hashd_green_zone_protest_2021.txt", "Khazali", "Khazaali"),
                       ("iraq_erbil_drones_2023.txt", "Erbil", "Arbil"),
                       ("iraq_qaani_baghdad_visit_2022.txt", "Qaani", "Ghaani")]:
        assert a in texts[name] and b in texts[name], name
    # the French article really is French
    fr = texts["mali_bamako_manifestation_fr_2022.txt"]
    assert sum(fr.count(w) for w in (" les ", " des ", " la ", " et ")) > 10


def _paragraph_counts(body: str) -> dict:
    counts: dict = {}
    for para in body.split("\n\n"):
        para = para.strip()
        if len(para.split()) >= 8:
            counts[para] = counts.get(para, 0) + 1
    return counts


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_syndicated_copy_is_a_near_duplicate_with_another_headline():
    a, b = CORPUS / "iraq_erbil_drones_2023.txt", CORPUS / "iraq_arbil_drones_syndicated_2023.txt"
    sa, sb = _shingles(_body(a), 5), _shingles(_body(b), 5)
    assert len(sa & sb) / len(sa | sb) > 0.6
    assert _txt_parts(a)[1] != _txt_parts(b)[1]
    assert _txt_front_matter(a)["source"] != _txt_front_matter(b)["source"]


def test_corpus_contains_no_text_from_the_shared_example():
    if not SEED.is_file():
        pytest.skip(f"{SEED} not present")
    seed = _shingles(SEED.read_text(encoding="utf-8", errors="replace"), 12)
    for path in CORPUS.iterdir():
        text = path.read_bytes().decode("utf-8", errors="replace")
        shared = _shingles(text, 12) & seed
        assert not shared, (path.name, " ".join(next(iter(shared))))


# --- benchmark corpus generator ----------------------------------------------------------

@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate",
                                                  ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_is_deterministic(generate):
    assert generate.generate_corpus(25, seed=3) == generate.generate_corpus(25, seed=3)
    assert generate.generate_corpus(25, seed=3) != generate.generate_corpus(25, seed=4)
    # a longer run starts with the same articles: n does not change the sequence
    assert generate.generate_corpus(30, seed=3)[:25] == generate.generate_corpus(25, seed=3)


def test_generator_produces_n_news_length_articles(generate):
    articles = generate.generate_corpus(60, seed=11)
    assert len(articles) == 60
    assert len({a["id"] for a in articles}) == 60
    for a in articles:
        assert a["words"] == len(a["text"].split())
        assert generate.MIN_WORDS <= a["words"] <= generate.MAX_WORDS, a["id"]
        assert dt.date(2021, 1, 1) <= dt.date.fromisoformat(a["published"]) <= dt.date(2024, 12, 31)
        assert a["title"] and "{" not in a["text"] + a["title"]  # every slot was filled
    assert len({a["title"] for a in articles}) > 40  # varied, not one template repeated
    assert len({a["kind"] for a in articles}) >= 8


def test_generated_article_round_trips_through_txt_layout(generate, tmp_path):
    article = generate.generate_corpus(1, seed=5)[0]
    path = generate.write_corpus([article], tmp_path) / f"{article['id']}.txt"
    assert _txt_front_matter(path)["published"] == article["published"]
    assert _body(path) == article["text"]


# --- the corpus as eventlens.ingest reads it (what `make demo` stores) --------------------

def test_ingest_reads_every_article_with_its_date_and_flags_the_rest():
    ingest = pytest.importorskip("eventlens.ingest")
    articles, errors = [], []
    for item in ingest.iter_inputs([str(CORPUS)]):
        if isinstance(item, ingest.InputError):
            errors.append(item.where)
            continue
        try:
            articles.append(ingest.build_article(item))
        except ingest.IngestError:
            errors.append(item.where)
    assert [Path(e).name for e in errors] == ["broken.txt"]
    assert len(articles) == len(corpus_articles())
    assert all(a.published for a in articles), [a.title for a in articles if not a.published]
    assert sorted(a.language for a in articles if a.language != "en") == ["fr"]
    # captions, credits and the repeated paragraph are cleaned away, and recorded
    reasons = {r.reason for a in articles for r in a.removed}
    assert {"caption", "repeated paragraph"} <= reasons, reasons
    # the syndicated copy is linked to the original as a near-duplicate
    dedup = ingest.Deduplicator()
    links = []
    for a in articles:
        match = dedup.find(a.text)
        if match:
            links.append((a.title, match))
        dedup.add(a.id, a.text)
    titles = {a.id: a.title for a in articles}
    assert [{title, titles[match]} for title, match in links] == [{
        _txt_parts(CORPUS / "iraq_erbil_drones_2023.txt")[1],
        _txt_parts(CORPUS / "iraq_arbil_drones_syndicated_2023.txt")[1]}]


def test_benchmark_articles_are_english_dated_and_codable():
    # If language detection or cleaning rejected the generated text, the benchmark would
    # time a pipeline that skips every article.
    spec = importlib.util.spec_from_file_location("bench_main", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    articles, _ = bench.build_articles(12, seed=7)
    raw = bench.generate_corpus(12, 7)
    assert [a.id for a in articles] == [r["id"] for r in raw]
    for article, r in zip(articles, raw):
        assert article.language == "en", article.id
        assert article.published.isoformat() == r["published"]
        assert article.title == r["title"] and article.text.startswith(r["title"])
        # cleaning must not drop paragraphs of the generated body
        assert len(article.text.split()) >= r["words"]
