"""Readers: paths, folders, globs and stdin in; one RawInput per article or one InputError
per problem out. Nothing here raises for bad input: the batch always goes on.

Formats by extension, else by sniffing the content:
  .txt .md (and anything that looks like prose)  -> text
  .html .htm .xhtml                              -> html
  .json (an object, a list, or {"articles": [...]}) -> json
  .jsonl .ndjson                                 -> jsonl (one record per line, streamed)
  .csv .tsv                                      -> csv (needs a text column)
  .rss .atom .xml                                -> rss (RSS/Atom/RDF via feedparser)
"""
from __future__ import annotations

import csv
import datetime as dt
import glob
import io
import json
import os
import sys
from typing import IO, Iterable, Iterator

from .decode import binary_kind, decode_bytes
from .records import IngestError, InputError, RawInput

MAX_FILE_BYTES = 200 * 1024 * 1024   # whole-file formats; JSON Lines are streamed instead
STDIN = "<stdin>"

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".rss": "rss", ".atom": "rss", ".xml": "rss", ".rdf": "rss",
}

# Field names seen in news dumps (NewsAPI, GDELT exports, scrapers), first match wins.
FIELD_ALIASES = {
    "id": ("id", "article_id", "doc_id", "uuid", "guid"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "content", "body", "article", "story", "full_text", "fulltext",
             "article_text", "maintext", "html", "raw_html", "description", "summary"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate",
                  "publication_date", "date_publish", "datetime", "timestamp", "created_at"),
    "source": ("source", "publisher", "sitename", "site_name", "site", "outlet", "source_name",
               "domain"),
    "url": ("url", "link", "uri", "href", "source_url"),
}


def _scalar(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):  # NewsAPI: "source": {"id": ..., "name": ...}
        value = value.get("name") or value.get("title") or value.get("id")
        if value is None:
            return None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value if v is not None)
    s = str(value).strip()
    return s or None


TEXT_COLUMN_KEY = "_text_column"


def record_fields(record: dict, text_column: str | None = None) -> dict:
    """The article fields of one JSON/CSV record (keys matched case-insensitively)."""
    text_column = text_column or _scalar(record.get(TEXT_COLUMN_KEY))
    lowered = {}
    for key, value in record.items():
        if isinstance(key, str):
            lowered.setdefault(key.strip().lstrip("\ufeff").casefold(), value)
    out = {}
    for field, aliases in FIELD_ALIASES.items():
        if field == "text" and text_column:
            aliases = (text_column.casefold(),)
        for alias in aliases:
            value = _scalar(lowered.get(alias))
            if value is not None:
                out[field] = value
                break
        else:
            out[field] = None
    return out


def _missing_text(keys: Iterable[str], text_column: str | None) -> str:
    keys = ", ".join(str(k) for k in keys) or "none"
    if text_column:
        return f"no '{text_column}' field (fields: {keys})"
    return f"no text field (fields: {keys}); name the text field with --text-column"


# --- format detection --------------------------------------------------------------------

def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes of an input without a known extension."""
    s = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if s.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        if any(tag in s for tag in (b"<rss", b"<feed", b"<rdf")):
            return "rss"
        return "html" if b"<html" in s else "rss"
    if s.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>")):
        return "html"
    if s.startswith(b"{"):
        first, _, rest = s.partition(b"\n")
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl" if rest.strip().startswith(b"{") else "json"
    if s.startswith(b"["):
        return "json"
    return "text"


def _format_of(path: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


# --- path expansion ----------------------------------------------------------------------

def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        found.extend(os.path.join(root, f) for f in sorted(files) if not _is_hidden(f))
    return found


def expand_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Files in order; folders recursively (sorted, hidden skipped); globs; '-' is stdin."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            files = _walk(p)
            if not files:
                yield InputError(p, None, "folder contains no files")
            yield from files
        elif os.path.lexists(p):
            yield p
        elif any(ch in p for ch in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield InputError(p, None, "no files match this pattern")
            for m in matches:
                yield from (_walk(m) if os.path.isdir(m) else [m])
        else:
            yield InputError(p, None, "no such file or directory")


def _os_error(path: str, exc: OSError) -> InputError:
    if isinstance(exc, PermissionError):
        msg = "permission denied"
    elif isinstance(exc, IsADirectoryError):
        msg = "is a directory"
    elif isinstance(exc, FileNotFoundError):
        msg = "no such file or directory"
    else:
        msg = (exc.strerror or str(exc)).lower()
    return InputError(path, None, msg)


# --- entry point -------------------------------------------------------------------------

def iter_inputs(paths: list[str], text_column: str | None = None) -> Iterator[RawInput | InputError]:
    """Every article in ``paths`` as a RawInput, every problem as an InputError, in order."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            yield from _read_stdin(text_column)
        else:
            try:
                yield from _read_file(item, text_column)
            except OSError as exc:
                yield _os_error(item, exc)


def _read_stdin(text_column: str | None) -> Iterator[RawInput | InputError]:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    fmt = sniff_format(data)
    if fmt == "jsonl":
        yield from _read_jsonl(STDIN, io.BytesIO(data), text_column)
    else:
        yield from _read_whole(STDIN, fmt, data, text_column, sniffed=True)


def _read_file(path: str, text_column: str | None) -> Iterator[RawInput | InputError]:
    fmt = _format_of(path)
    sniffed = fmt is None
    if fmt == "jsonl" or sniffed:
        with open(path, "rb") as fh:
            head = fh.read(65536)
            if sniffed:
                fmt = sniff_format(head)
            if fmt == "jsonl":
                fh.seek(0)
                yield from _read_jsonl(path, fh, text_column)
                return
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        yield InputError(path, None, f"file too large ({size / 2**20:.0f} MB; the limit is "
                                     f"{MAX_FILE_BYTES / 2**20:.0f} MB)")
        return
    with open(path, "rb") as fh:
        data = fh.read()
    yield from _read_whole(path, fmt, data, text_column, sniffed=sniffed)


def _check_bytes(path: str, data: bytes) -> InputError | None:
    if not data.strip():
        return InputError(path, None, "empty file")
    kind = binary_kind(data)
    if kind:
        return InputError(path, None, f"binary file (not text: {kind})")
    return None


def _read_whole(path: str, fmt: str, data: bytes, text_column: str | None,
                sniffed: bool = False) -> Iterator[RawInput | InputError]:
    problem = _check_bytes(path, data)
    if problem:
        yield problem
        return
    if fmt in ("text", "html"):
        yield RawInput(path=path, format=fmt, raw=data)
    elif fmt == "json":
        results = list(_read_json(path, data, text_column))
        if sniffed and len(results) == 1 and isinstance(results[0], InputError) \
                and results[0].message.startswith("malformed JSON"):
            # Prose that happens to start with "[" or "{": read it as text.
            yield RawInput(path=path, format="text", raw=data)
        else:
            yield from results
    elif fmt == "jsonl":
        yield from _read_jsonl(path, io.BytesIO(data), text_column)
    elif fmt == "csv":
        yield from _read_csv(path, data, text_column)
    elif fmt == "rss":
        yield from _read_feed(path, data)
    else:  # pragma: no cover - EXTENSIONS and sniff_format only produce the formats above
        yield InputError(path, None, f"unknown format {fmt!r}")


def _decode(path: str, data: bytes) -> str | InputError:
    try:
        return decode_bytes(data)[0]
    except IngestError as exc:
        return InputError(path, None, str(exc))


# --- JSON --------------------------------------------------------------------------------

_LIST_KEYS = ("articles", "items", "data", "entries", "documents", "docs", "results", "records")


def _record(path: str, fmt: str, index: int | None, obj, raw: str,
            text_column: str | None) -> RawInput | InputError:
    if not isinstance(obj, dict):
        return InputError(path, index, f"expected a JSON object, got {type(obj).__name__}")
    fields = record_fields(obj, text_column)
    if not fields["text"]:
        return InputError(path, index, _missing_text(obj.keys(), text_column))
    return RawInput(path=path, format=fmt, raw=raw, index=index, **fields)


def _read_json(path: str, data: bytes, text_column: str | None) -> Iterator[RawInput | InputError]:
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(path, None, f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(doc, dict):
        for key in _LIST_KEYS:
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    if isinstance(doc, dict):
        yield _record(path, "json", None, doc, text, text_column)
        return
    if not isinstance(doc, list):
        yield InputError(path, None, "JSON must be an object or a list of objects")
        return
    if not doc:
        yield InputError(path, None, "empty JSON list")
    for i, obj in enumerate(doc):
        raw = json.dumps(obj, ensure_ascii=False)
        yield _record(path, "json", i, obj, raw, text_column)


def _read_jsonl(path: str, lines: IO[bytes], text_column: str | None) -> Iterator[RawInput | InputError]:
    seen_any = False
    for lineno, line in enumerate(lines, start=1):
        if lineno == 1:
            kind = binary_kind(line)
            if kind:
                yield InputError(path, None, f"binary file (not text: {kind})")
                return
        if not line.strip():
            continue
        seen_any = True
        try:
            text = decode_bytes(line)[0].strip()
            obj = json.loads(text)
        except IngestError as exc:
            yield InputError(path, lineno - 1, f"{exc} on line {lineno}")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(path, lineno - 1, f"malformed JSON on line {lineno}: {exc.msg} (column {exc.colno})")
            continue
        yield _record(path, "jsonl", lineno - 1, obj, text, text_column)
    if not seen_any:
        yield InputError(path, None, "empty file")


# --- CSV ---------------------------------------------------------------------------------

def _csv_dialect(path: str, sample: str):
    if path.lower().endswith(".tsv"):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _read_csv(path: str, data: bytes, text_column: str | None) -> Iterator[RawInput | InputError]:
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    csv.field_size_limit(2**31 - 1)  # article bodies exceed the 128 KB default
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_csv_dialect(path, text[:65536]))
    try:
        columns = [c for c in (reader.fieldnames or []) if c]
    except csv.Error as exc:
        yield InputError(path, None, f"malformed CSV header: {exc}")
        return
    probe = record_fields({c: "x" for c in columns}, text_column)
    if not probe["text"]:
        yield InputError(path, None, _missing_text(columns, text_column).replace("field", "column"))
        return
    row_no = 0
    while True:
        row_no += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputError(path, row_no - 1, f"malformed CSV on row {row_no}: {exc}")
            break  # the reader cannot resynchronise after a broken quote
        row = {k: v for k, v in row.items() if isinstance(k, str)}
        fields = record_fields(row, text_column)
        if not fields["text"]:
            yield InputError(path, row_no - 1, f"row {row_no} has an empty text column")
            continue
        record = dict(row)
        if text_column:  # so the stored row can be re-read without the command-line option
            record[TEXT_COLUMN_KEY] = text_column
        yield RawInput(path=path, format="csv", raw=json.dumps(record, ensure_ascii=False),
                       index=row_no - 1, **fields)
    if row_no == 1:
        yield InputError(path, None, "CSV has a header but no rows")


# --- feeds -------------------------------------------------------------------------------

def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(*value[:3]).isoformat()
            except (TypeError, ValueError):
                pass
    return _scalar(entry.get("published") or entry.get("updated"))


def _entry_content(entry) -> str | None:
    """Full content when the feed has it, else the summary."""
    for part in entry.get("content") or []:
        if _scalar(part.get("value")):
            return part.get("value")
    content = entry.get("summary") or entry.get("description")
    return content if _scalar(content) else None


def _read_feed(path: str, data: bytes) -> Iterator[RawInput | InputError]:
    import feedparser  # imported here: only feeds need it
    parsed = feedparser.parse(data)
    contents = [_entry_content(e) for e in parsed.entries]
    if not any(contents) and parsed.get("bozo"):
        # A truncated or broken feed: what feedparser salvaged is not worth reporting per entry.
        reason = parsed.get("bozo_exception")
        yield InputError(path, None, f"malformed feed: {reason}" if reason else "malformed feed")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            yield InputError(path, None, f"malformed feed: {reason}" if reason else "malformed feed")
        else:
            yield InputError(path, None, "feed has no entries")
        return
    feed_title = _scalar(parsed.feed.get("title"))
    for i, (entry, content) in enumerate(zip(parsed.entries, contents)):
        if not content:
            yield InputError(path, i, f"feed entry {i + 1} has no content or summary")
            continue
        fields = {
            "id": None,  # guids are usually URLs; the content hash makes a better article id
            "title": _scalar(entry.get("title")),
            "text": content,
            "published": _entry_date(entry),
            "source": _scalar((entry.get("source") or {}).get("title")) or feed_title,
            "url": _scalar(entry.get("link")),
        }
        raw = json.dumps({**fields, "guid": _scalar(entry.get("id"))}, ensure_ascii=False)
        yield RawInput(path=path, format="rss", raw=raw, index=i, **fields)
