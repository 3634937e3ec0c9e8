"""RawInput -> Article: decode, extract (HTML), clean, identify language, hash, id."""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
import unicodedata
import warnings

from ..model import Article, Removed
from .clean import clean_text
from .decode import decode_bytes
from .language import detect_language
from .readers import record_fields
from .records import IngestError, RawInput

MAX_TITLE_CHARS = 300


# --- dates -------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")


def parse_date(value) -> dt.date | None:
    """A publication date from what inputs carry: date, ISO string, RFC 822, epoch, prose."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()
                                            and len(value.strip()) >= 9):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    m = _ISO_DAY.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only reached for unusual date strings
    parsed = dateparser.parse(s, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


# --- text input --------------------------------------------------------------------------

FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "publish_date": "published",
    "pubdate": "published", "published_at": "published",
    "source": "source", "publisher": "source", "outlet": "source",
    "url": "url", "link": "url",
    "id": "id",
    # recognised so they do not end the block, but not used
    "author": None, "byline": None, "language": None, "lang": None, "tags": None,
}
_FM_LINE = re.compile(r"^\s*([A-Za-z][\w -]{0,30}?)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict, str]:
    """``key: value`` lines at the top (optionally between ``---`` lines) -> (fields, rest).

    Only known keys count, and every line of the block must be one, so prose that starts
    with "Update: ..." is never mistaken for metadata.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    fenced = i < len(lines) and lines[i].strip() == "---"
    start = i + 1 if fenced else i
    fields: dict = {}
    j = start
    while j < len(lines):
        line = lines[j]
        if fenced and line.strip() == "---":
            j += 1
            break
        if not line.strip():
            if fenced:
                j += 1
                continue
            break
        m = _FM_LINE.match(line)
        key = m[1].strip().casefold().replace(" ", "_").replace("-", "_") if m else None
        if key not in FRONT_MATTER_KEYS:
            if fenced:
                return {}, text  # a fence around something else: leave the text alone
            break
        target = FRONT_MATTER_KEYS[key]
        if target and m[2]:
            fields[target] = m[2].strip().strip("\"'")
        j += 1
    else:
        if fenced:
            return {}, text  # unclosed fence
    if not fields and not fenced:
        return {}, text
    if not fenced and j < len(lines) and lines[j].strip() and j == start:
        return {}, text
    return fields, "\n".join(lines[j:])


# --- HTML --------------------------------------------------------------------------------

_HTML_DOC = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)
_HTML_TAG = re.compile(r"<(?:p|br|div|a|img|span|strong|em|b|i|u|ul|ol|li|h[1-6]|figure|"
                       r"figcaption|blockquote|table|section|article)\b[^>]*>", re.I)
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "tr", "section", "article", "header", "footer", "pre", "dd", "dt", "table")


MIN_HTML_TEXT_CHARS = 20


def _only_link_text(text: str, html: str) -> bool:
    """True when trafilatura's fallback returned nothing but menu/link labels."""
    from lxml import html as lxml_html
    try:
        root = lxml_html.document_fromstring(html)
    except Exception:  # lxml raises several parser errors on junk; then trust trafilatura
        return False
    links = {" ".join(el.text_content().split()) for el in root.iter("a", "button", "option")}
    links = sorted((ln for ln in links if ln), key=len, reverse=True)
    for line in text.split("\n"):
        rest = " ".join(line.split())
        for label in links:
            if label in rest:
                rest = rest.replace(label, " ")
        if sum(ch.isalpha() for ch in rest) >= 3:
            return False
    return True


def extract_html(html: str) -> tuple[str, dict]:
    """Main text and metadata of a web page (trafilatura)."""
    import trafilatura
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura/lxml FutureWarnings are not ours to fix
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_HTML_TEXT_CHARS or _only_link_text(text, html):
        raise IngestError("HTML has no article text")
    meta = {
        "title": getattr(doc, "title", None),
        "published": getattr(doc, "date", None),
        "source": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "url": getattr(doc, "url", None),
    }
    return text, meta


def html_fragment_to_text(fragment: str) -> tuple[str, list[Removed]]:
    """Feed-entry HTML -> text with one paragraph per block; figure captions are removed."""
    from lxml import etree
    from lxml import html as lxml_html
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment), []
    removed = []
    for el in root.xpath("//script|//style|//noscript|//iframe"):
        el.drop_tree()
    for el in root.xpath("//figcaption"):
        caption = " ".join(el.text_content().split())
        if caption:
            removed.append(Removed(text=caption, reason="caption"))
        el.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    return root.text_content(), removed


# --- articles ----------------------------------------------------------------------------

def content_hash(text: str) -> str:
    """sha256 of the cleaned text with Unicode and whitespace normalised."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _first_line_title(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None


def _as_text(raw: bytes | str) -> str:
    return decode_bytes(raw)[0] if isinstance(raw, (bytes, bytearray)) else raw


def _finish(text: str, meta: dict, removed_before: list[Removed], raw: RawInput | None,
            published, hard_wraps: bool | None, title_from_text: bool) -> Article:
    cleaned, removed = clean_text(text, hard_wraps=hard_wraps)
    if not cleaned.strip():
        if removed or removed_before:
            raise IngestError("no article text left after cleaning")
        raise IngestError("empty file" if raw is not None and raw.format == "text" else "no text")
    digest = content_hash(cleaned)
    title = meta.get("title")
    if title:
        title = " ".join(title.split())
    elif title_from_text:
        title = _first_line_title(cleaned)
    return Article(
        id=meta.get("id") or "a" + digest[:16],
        title=title or None,
        source=meta.get("source") or None,
        url=meta.get("url") or None,
        published=parse_date(published) if published is not None else parse_date(meta.get("published")),
        language=detect_language(cleaned),
        text=cleaned,
        removed=removed_before + removed,
        content_hash=digest,
        input_path=raw.path if raw is not None else None,
        input_format=raw.format if raw is not None else None,
    )


def split_header(text: str) -> tuple[dict, str]:
    """Front matter at the top, or right under the title line (``Title`` then ``published: ...``):
    both layouts are common in hand-made corpora. The title line is kept."""
    fields, rest = split_front_matter(text)
    if fields:
        return fields, rest
    head, sep, tail = text.lstrip("\n").partition("\n")
    if head.strip() and sep:
        fields, rest = split_front_matter(tail)
        if fields:
            return fields, head + "\n\n" + rest.lstrip("\n")
    return {}, text


def build_article(raw: RawInput, published: str | dt.date | None = None) -> Article:
    """Turn one RawInput into a cleaned Article. ``published`` overrides the input's date.

    Raises IngestError when the input cannot become an article (binary, no text).
    """
    meta = {k: getattr(raw, k) for k in ("id", "title", "published", "source", "url")}
    removed_before: list[Removed] = []
    hard_wraps: bool | None = None
    title_from_text = False
    if raw.format == "text":
        fm, text = split_header(_as_text(raw.raw))
        meta.update({k: v for k, v in fm.items() if v and not meta.get(k)})
        title_from_text = True
    elif raw.format == "html":
        text, html_meta = extract_html(_as_text(raw.raw))
        meta.update({k: v for k, v in html_meta.items() if v and not meta.get(k)})
        hard_wraps = False  # trafilatura puts one paragraph per line
    else:  # a record from json/jsonl/csv/rss
        text = raw.text
        if text is None:  # rebuilt from stored raw only
            try:
                fields = record_fields(json.loads(_as_text(raw.raw)))
            except (ValueError, AttributeError) as exc:
                raise IngestError(f"cannot read stored record: {exc}") from None
            meta.update({k: v for k, v in fields.items() if v and not meta.get(k) and k != "text"})
            text = fields["text"]
        if not text:
            raise IngestError("record has no text")
        if _HTML_DOC.match(text):
            text, html_meta = extract_html(text)
            meta.update({k: v for k, v in html_meta.items() if v and not meta.get(k)})
            hard_wraps = False
        elif _HTML_TAG.search(text):
            text, removed_before = html_fragment_to_text(text)
            hard_wraps = False
    return _finish(text, meta, removed_before, raw, published, hard_wraps, title_from_text)


def article_from_text(text: str, published=None, title=None, source=None, url=None) -> Article:
    """An Article from plain text, read like a .txt file: optional ``key: value`` front
    matter, then the first non-empty line is the title unless ``title`` is given.
    The title line stays in the text (headlines carry events too)."""
    fm, body = split_header(text)
    meta = {**fm}
    for key, value in (("title", title), ("source", source), ("url", url)):
        if value:
            meta[key] = value
    return _finish(body, meta, [], None, published, hard_wraps=None, title_from_text=True)
