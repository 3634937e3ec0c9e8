"""Finding quotations in raw text: quote marks, nesting, apostrophes, multi-paragraph quotes.

Works on characters, not tokens, so it is independent of the tokenizer and of how the
parser splits sentences. Used by the statements stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Longest content we report for one quote: longer "quotes" are unbalanced marks or pasted text.
MAX_QUOTE_CHARS = 2000
# A quote may run on over at most this many paragraphs (each continued paragraph opens
# with a quote mark, the usual convention for long quotations).
MAX_QUOTE_PARAGRAPHS = 5

# "”" opens only where an opener is expected (space before, a word after): a common misprint
OPENERS = {"“": "”\"“", "”": "”\"“", "„": "“”\"", "«": "»", "\"": "\"”", "‘": "’'", "‚": "‘’", "'": "'’"}
DOUBLE = set("“”„«»\"")
SINGLE = set("‘’‚'")
_FILLER = "\x01"
_PARA_BREAK = re.compile(r"\n\s*")
_SENT_END = re.compile(r"[.!?…][\"”’»)]?\s")


@dataclass
class Quote:
    start: int          # first character of the content (after the opening mark)
    end: int            # end of the content (before the closing mark)
    open_at: int        # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when unbalanced
    truncated: bool = False

    @property
    def outer(self) -> tuple[int, int]:
        """The quote including its marks."""
        end = self.close_at + 1 if self.close_at is not None else self.end
        return self.open_at, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line/paragraph."""
    out, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if text[i] == "«" and nxt in " \u00a0\u202f":
        nxt = text[i + 2] if i + 2 < len(text) else ""   # French spacing: « Nous ... »
    return (_is_space(prev) or prev in "([{—–-/:" or prev in DOUBLE or prev in SINGLE) and not _is_space(nxt)


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev == " " and i >= 2 and text[i - 2] in "'’" and text[i] in DOUBLE:
        prev = text[i - 2]   # "... the term 'outreach,' " he said": a space between two closing marks
    elif text[i] == "»" and prev in " \u00a0\u202f" and i >= 2:
        prev = text[i - 2]   # French spacing: « ... terroristes »
    return not _is_space(prev) and (_is_space(nxt) or not nxt.isalnum())


def _is_apostrophe(text: str, i: int) -> bool:
    """al-Askari’s, God’s, don't: a single mark between letters is never a quote."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    return prev.isalnum() and nxt.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations, in order. Nested quotes are part of their outer quote's content."""
    quotes: list[Quote] = []
    # ``...'' and ''...'' (typewriter double quotes): one mark plus a filler, offsets kept
    text = text.replace("''", "\"" + _FILLER).replace("``", "\"" + _FILLER)
    paras = paragraphs(text)
    p = 0
    while p < len(paras):
        p = _scan_paragraph(text, paras, p, quotes)
    return quotes


def _scan_paragraph(text, paras, p, quotes) -> int:
    """Scan paragraph p for quotes; returns the index of the next paragraph to scan."""
    start, end = paras[p]
    stack: list[tuple[str, int]] = []   # (opening mark, offset)
    top_open = None                     # offset of the outermost opening mark
    i = start
    while i < end:
        ch = text[i]
        if ch in DOUBLE or ch in SINGLE:
            if ch in SINGLE and _is_apostrophe(text, i):
                i += 1
                continue
            match = _matching_open(stack, ch) if _can_close(text, i) else None
            if match is not None:
                # Pops unclosed inner marks too, so one stray inner mark cannot swallow the rest.
                del stack[match:]
                if not stack:
                    _add(text, quotes, top_open, i)
                    top_open = None
            elif ch in OPENERS and _can_open(text, i) and not (ch in SINGLE and not stack and not _single_closes(text, i, end)):
                # Single marks only open a top-level quote when a closing mark follows in the
                # same paragraph: otherwise they are apostrophes ('90s, protests’ ...).
                stack.append((ch, i))
                if top_open is None:
                    top_open = i
        i += 1
    if top_open is None:
        return p + 1
    # Unclosed at the end of the paragraph: continue into following paragraphs that open
    # with a quote mark (multi-paragraph quote), else the quote ends with the paragraph.
    q = p
    while q + 1 < len(paras) and q - p + 1 < MAX_QUOTE_PARAGRAPHS:
        nstart, nend = paras[q + 1]
        if text[nstart] not in OPENERS or text[nstart] in SINGLE:
            break
        if (stack[0][0] == "\"") != (text[nstart] == "\""):
            break   # a straight mark goes on with a straight one ('"... \n\n"...'), a curly with a curly
        q += 1
        close = _find_close(text, nstart + 1, nend, stack[0][0])
        if close is not None:
            _add(text, quotes, top_open, close)
            return q + 1
    _add(text, quotes, top_open, None, paras[q][1])
    return q + 1


def _matching_open(stack, ch: str) -> int | None:
    for k in range(len(stack) - 1, -1, -1):
        if ch in OPENERS[stack[k][0]]:
            return k
    return None


def _single_closes(text: str, i: int, end: int) -> bool:
    for j in range(i + 1, end):
        if text[j] in "’'" and not _is_apostrophe(text, j) and _can_close(text, j):
            return True
    return False


def _find_close(text: str, i: int, end: int, opener: str) -> int | None:
    """Closing mark of a top-level quote inside one continued paragraph (nested ones skipped)."""
    depth = 0
    for j in range(i, end):
        ch = text[j]
        if ch in DOUBLE and ch in OPENERS and _can_open(text, j) and not _can_close(text, j):
            depth += 1
        elif ch in OPENERS[opener] and _can_close(text, j):
            if depth == 0:
                return j
            depth -= 1
    return None


def _add(text, quotes, open_at, close_at, para_end=None):
    start = open_at + 1
    end = close_at if close_at is not None else para_end
    # The comma before a closing mark ("...,” said X) belongs to the sentence, not the quote.
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end and (text[start].isspace() or text[start] == _FILLER):
        start += 1
    if end <= start:
        return
    truncated = False
    if end - start > MAX_QUOTE_CHARS:
        end = _cut(text, start, start + MAX_QUOTE_CHARS)
        truncated = True
    quotes.append(Quote(start, end, open_at, close_at, truncated))


def _cut(text: str, start: int, limit: int) -> int:
    """Cut at the last sentence end (else the last space) before limit."""
    chunk = text[start:limit]
    ends = [m.start() + 1 for m in _SENT_END.finditer(chunk)]
    if ends and ends[-1] > len(chunk) // 2:
        return start + ends[-1]
    space = chunk.rfind(" ")
    return start + (space if space > 0 else len(chunk))
