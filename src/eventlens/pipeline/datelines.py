"""The place line that opens a news report or one of its paragraphs: "KYIV, May 9 (Reuters) -",
"CULIACAN, Mexico, May 9 -", "WASHINGTON --", "NEW YORK (AP) —".

One pattern serves every stage that has to know it: actors (the city is where the reporter
files from, never who acts), dates (the day the report was filed) and statements (the place
line is neither who spoke nor what was said). Each reads the named group it needs:
``place`` (the capitalised city), ``region`` (", Mexico"), ``date`` with ``mon``/``day``/``year``,
``agency`` ("(Reuters)") or ``dashed_agency`` ("Zahedan - IRNA -") and the whole match up to and including the dash.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# words of the city are capitals ("NEW YORK", "U.S."), a region after a comma may be in any case
_CAPS_WORD = r"[A-Z][A-Z'’.&-]+"
_NAME_WORD = r"[A-Z][A-Za-z.'’-]+"

DATELINE = re.compile(
    # a city in capitals, or in any case when a dashed agency follows ("Zahedan - IRNA -")
    rf"[ \t]*(?P<place>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,2}}"
    rf"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?=[ \t]*[-—–][ \t]*[A-Z]{{2,8}}[ \t]*[-—–]\s))"
    rf"(?:,[ \t]+(?P<region>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}))?"
    rf"(?:,?[ \t]+(?P<date>(?P<mon>{_MONTH})[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,25})\)[ \t]*|[-—–][ \t]*(?P<dashed_agency>[A-Z]{2,8})[ \t]*)?"
    r"(?:--|[-—–―])\s")


def dateline_at(text: str, pos: int, end: Optional[int] = None) -> Optional[re.Match]:
    """The dateline starting at pos (a paragraph's or a span's start), or None."""
    m = DATELINE.match(text, pos, len(text) if end is None else end)
    if m is None or not (_has_caps(m.group("place")) or m.group("dashed_agency")):
        return None
    return m


def agency_span(m: re.Match) -> Optional[tuple[int, int]]:
    """Where the news agency of a dateline is ("(Reuters)", "- IRNA -"): who reports, never who acts."""
    for group in ("agency", "dashed_agency"):
        if m.group(group):
            return m.start(group), m.end(group)
    return None


def paragraph_datelines(text: str, limit: Optional[int] = None) -> Iterator[re.Match]:
    """Datelines opening a paragraph (a line) of text, in order; limit: only those starting
    in the first limit characters."""
    stop = len(text) if limit is None else min(limit, len(text))
    pos = 0
    while pos < stop:
        m = dateline_at(text, pos)
        if m is not None:
            yield m
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1


def _has_caps(place: str) -> bool:
    """A city in capitals has two capitals in a row ("KYIV", "U.S." does not count alone)."""
    return re.search(r"[A-Z]{2}", place) is not None
