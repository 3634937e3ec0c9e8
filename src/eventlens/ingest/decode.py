"""Bytes to text: UTF-8 first, charset-normalizer for anything else, binary files refused."""
from __future__ import annotations

import codecs

from .records import IngestError

# Magic numbers of binary formats people drop into news folders by mistake.
_MAGIC = [
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "media file"),
]
_SNIFF_BYTES = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def binary_kind(data: bytes) -> str | None:
    """A short description if ``data`` is not text, else None."""
    head = data[:_SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(_UTF16_BOMS) or head.startswith(codecs.BOM_UTF32_LE):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    # Control bytes other than tab/newline/CR/formfeed/escape are rare in any text encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.05:
        return "control characters"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding). Raises IngestError for binary data."""
    kind = binary_kind(data)
    if kind:
        raise IngestError(f"binary file (not text: {kind})")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken bytes is far more common than an exotic charset: if most
    # non-ASCII characters decode fine as UTF-8 (legacy 8-bit text almost never forms valid
    # UTF-8 sequences), keep UTF-8 and replace the broken bytes.
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    valid_non_ascii = sum(1 for ch in lenient if ch > "\x7f") - broken
    if valid_non_ascii > 0 and broken <= valid_non_ascii:
        return lenient, "utf-8 (with errors)"
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 input
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return lenient, "utf-8 (with errors)"
    return str(best), best.encoding
