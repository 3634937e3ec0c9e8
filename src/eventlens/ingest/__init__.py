"""Ingestion: read inputs, decode, extract, clean, identify language, hash, deduplicate.

    for item in iter_inputs(["news/", "feed.xml", "-"]):
        if isinstance(item, InputError):
            print(item)                 # one clear line; the batch goes on
            continue
        try:
            article = build_article(item)
        except IngestError as exc:
            print(f"{item.where}: {exc}")

Libraries: charset-normalizer (non-UTF-8 input), trafilatura (HTML main text and
metadata), feedparser (RSS/Atom), py3langid (language), datasketch (near-duplicates).
"""
from .article import (article_from_text, build_article, content_hash, extract_html,
                      parse_date, split_front_matter)
from .clean import clean_text
from .decode import decode_bytes
from .dedup import Deduplicator, minhash_bytes, minhash_from_bytes
from .language import detect_language
from .readers import iter_inputs, sniff_format
from .records import IngestError, InputError, RawInput

__all__ = [
    "RawInput", "InputError", "IngestError", "iter_inputs", "build_article",
    "article_from_text", "clean_text", "Deduplicator", "minhash_bytes", "minhash_from_bytes",
    "detect_language", "content_hash", "parse_date", "decode_bytes", "extract_html",
    "split_front_matter", "sniff_format",
]
