"""Dates stage: find time expressions and resolve them against the publication date.

Common news patterns ("on Tuesday", "November 7", "7 November 2021", "yesterday",
"last week", "the past two days", "earlier this month", "in October 2021", "1-2 March")
are handled here directly; other spaCy DATE entities go to dateparser (slow, so only on
those strings, cached). Precision follows ACLED: 1 day, 2 week (mid-point), 3 month
(mid-point). Impossible dates and dates after publication are flagged, not trusted.
A length of time ("for 3 months", "sentenced to 15 years", "a two-week siege", "aged 45")
says how long, not when: it is no date ("three months ago" is one).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..model import DateMention, Span
from .base import overlaps, published
from .base import doc_text
from .datelines import paragraph_datelines

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "a few": 3, "several": 3, "couple of": 2, "a couple of": 2}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
       r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<num>\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several|(?:a )?couple of)"

# nouns a date names ("May 18 Square", "the 6 October Bridge"), not the date of an event
_NAMED_AFTER_DATE = (r"(?:Square|Street|St|Avenue|Road|Boulevard|Bridge|Stadium|Park|Memorial|Cemetery|Movement|"
                     r"Uprising|Revolution|Incident|Massacre|Group|Brigade|Battalion|Army|Front|Alliance|Party)\b")
# (pattern, handler name); ordered so longer forms win at the same position
PATTERNS = [
    (rf"\b{_DAY}\s*(?:-|–|to|and)\s*{_DAY2}\s+{_MON}(?:,?\s+{_YEAR})?\b", "day_range"),
    (rf"\b{_MON}\s+{_DAY}\s*(?:-|–|to|and)\s*{_DAY2}(?:,?\s+{_YEAR})?\b", "day_range"),
    (rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b", "day_month"),
    # (not "May 18 Square", "June 4th Movement": the name of a place or of a movement)
    (rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:%|percent))(?!\s+{_NAMED_AFTER_DATE})", "day_month"),
    (r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b", "iso"),
    (rf"\b(?:(?:earlier|later|late|early|mid)[- ])?(?:in\s+)?{_MON}\s+{_YEAR}\b", "month_year"),
    (rf"\b(?:last|this past|on|this|early|late)?\s*{_WD}(?:\s+(?:night|morning|afternoon|evening))?\b",
     "weekday"),
    (r"\b(?:yesterday|last night|overnight|today|tonight|this morning|this afternoon|this evening|"
     r"earlier today)\b", "relative_day"),
    # anchored: counted from the date the text last gave, not from publication
    (r"\b(?:on\s+)?(?:the\s+)?(?:previous|next|following|same)\s+(?:day|night|morning|afternoon|evening)\b|"
     r"\b(?:on\s+)?the\s+(?:day|night)\s+(?:before|after)\b(?!\s+(?:the|a|an|his|her|their|its|this)\b)|"
     r"\b(?:(?:earlier|later)\s+)?(?:that|the same)\s+(?:day|night|morning|afternoon|evening)\b|"
     # ("three weeks before national elections", "two days after he died": counted from an event
     # whose date the text does not give, so no date; "two days after that", "a week later" are)
     r"\b(?P<anum>a|one|\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(?P<aunit>days?|weeks?)\s+"
     r"(?:(?:later|earlier)\b(?!\s+than\b)|(?:before|after)\b(?!\s+(?!that\b|then\b)[^\W\d_]))",
     "anchored"),
    (rf"\bon\s+the\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MON})", "ordinal_day"),
    (rf"\b(?:the\s+)?(?:past|last|previous)\s+{_NUM}\s+(?P<unit>days|weeks)\b", "past_n"),
    (rf"\b(?:{_NUM}|(?P<one>an?|one))\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", "n_ago"),
    (r"\b(?:(?:late|early)\s+)?(?:last|this|earlier this|later this|the past|the previous|previous)\s+"
     r"(?P<unit>week|weekend|month)\b",
     "relative_period"),
    (rf"\b(?:earlier|late|early|mid|in|since|until|by)[- ]{_MON}\b(?!\s+\d)", "bare_month"),
]
COMPILED = [(re.compile(p, re.I), h) for p, h in PATTERNS]
# expressions told relative to the day of the report ("on Thursday", "yesterday")
_REPORT_RELATIVE = {"weekday", "relative_day"}
_NAMED_AFTER = re.compile(r"\s+" + _NAMED_AFTER_DATE)
_MONTH_CUE = re.compile(r"\b(?:in|since|until|till|by|early|late|mid|last|next|this|of|from|to|through|before|"
                        r"after|during|between|and)[\s-]+$", re.I)
# what lies between a date and the time of day it is qualified by ("On 5 May 2022, overnight")
_TIME_OF_DAY_GAP = re.compile(r"[\s,]*(?:\(\w+\)\s*)?(?:and\s+|in\s+the\s+)?")


class DatesStage:
    attr = "dates"

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[DateMention]:
        pub = published(doc)
        line = dateline(doc)
        # "KHARTOUM, March 3 - ... on Thursday": the Thursday before the day the report was filed
        filed = line[2] if line is not None and line[2] is not None and (pub is None or line[2] <= pub) else pub
        found: list[DateMention] = []
        anchored: list[tuple[int, tuple[int, int]]] = []   # (index in found, (days, precision))
        taken: list[tuple[int, int]] = []
        hits = []
        for pattern, handler in COMPILED:
            for m in pattern.finditer(doc_text(doc)):
                hits.append((m.start(), -(m.end() - m.start()), m, handler))
        for start, _, m, handler in sorted(hits, key=lambda h: h[:2]):
            s, e = m.start(), m.end()
            if any(overlaps(s, e, a, b) for a, b in taken):
                continue
            if handler == "weekday" and not _weekday_ok(m):
                continue
            if handler == "anchored":
                s2, e2 = _strip(doc_text(doc), s, e)
                anchored.append((len(found), anchored_offset(m)))
                found.append(DateMention(span=Span.of(doc_text(doc), s2, e2), flag="unresolved"))
                taken.append((s, e))
                continue
            if handler == "relative_day" and found and found[-1].precision == 1 and found[-1].flag is None and \
                    _TIME_OF_DAY_GAP.fullmatch(doc_text(doc), found[-1].span.end, s) and \
                    m.group().lower() in ("overnight", "tonight", "this morning", "this afternoon", "this evening"):
                taken.append((s, e))   # "On 10 January 2022, overnight": when on that day, not another day
                continue
            mention = resolve(handler, m, filed if handler in _REPORT_RELATIVE and line is not None and s > line[1] else pub,
                              doc_text(doc)[s:e])
            if mention is None:
                continue
            s2, e2 = _strip(doc_text(doc), s, e)
            found.append(DateMention(span=Span.of(doc_text(doc), s2, e2), date=mention[0], end=mention[1],
                                     precision=mention[2], flag=mention[3]))
            taken.append((s, e))
        # whatever else spaCy calls a date: dateparser, strictly, against the publication date
        for ent in doc.ents:
            if ent.label_ != "DATE" or any(overlaps(ent.start_char, ent.end_char, a, b) for a, b in taken):
                continue
            if is_duration(ent.text) or not _datelike(ent.text):
                continue  # "for 3 months", "sentenced to 15 years", "aged 45": not a date of anything
            word = re.sub(r"^(?:an?|the)\s+|['‘’\"]", "", ent.text.lower()).strip()
            at = ent.start_char + ent.text.lower().rfind(word)
            if word in ("march", "may") and not _MONTH_CUE.search(doc_text(doc), max(0, at - 12), at):
                continue  # "a 'March for Our Lives' rally", "May" the verb: no month without "in", "since" ...
            if _NAMED_AFTER.match(doc_text(doc), ent.end_char):
                continue  # "the May 18 Square"
            parsed = _dateparser(ent.text, pub)
            if parsed is None:
                continue
            day, precision = parsed
            flag = "after-publication" if pub and day > pub else None
            found.append(DateMention(span=Span.of(doc_text(doc), ent.start_char, ent.end_char), date=day,
                                     precision=precision, flag=flag))
        for i, offset in anchored:
            found[i] = _resolve_anchored(found[i], offset, found, pub)
        found.sort(key=lambda d: d.span.start)
        return found

    def set_annotations(self, doc: Doc, found: list[DateMention]) -> None:
        doc._.dates = found
        if doc._.trace is not None:
            doc._.trace["dates"] = [f"{d.span.text!r} -> {d.date} p{d.precision}"
                                    + (f" ..{d.end}" if d.end else "") + (f" [{d.flag}]" if d.flag else "")
                                    for d in found]


# ---------------------------------------------------------------- resolution

Resolved = tuple[Optional[dt.date], Optional[dt.date], int, Optional[str]]


def resolve(handler: str, m: re.Match, pub: Optional[dt.date], text: str) -> Optional[Resolved]:
    """(date, end, precision, flag) for one matched expression, or None to ignore it."""
    g = m.groupdict()
    if handler in ("day_month", "day_range"):
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else None
        day = int(g["day"])
        if year is None and pub is None:
            valid = _make_date(2000, month, day, None) is not None  # 2000: leap year
            return None, None, 1, "unresolved" if valid else "impossible"
        first = _make_date(year, month, day, pub)
        if first is None:
            return None, None, 1, "impossible"
        last = None
        if handler == "day_range":
            last = _make_date(first.year, month, int(g["day2"]), None)
            if last is None or last < first:
                return None, None, 1, "impossible"
        return first, last, 1, _after(last or first, pub)
    if handler == "iso":
        try:
            day = dt.date(int(g["year"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None, None, 1, "impossible"
        return day, None, 1, _after(day, pub)
    if handler == "month_year":
        month, year = MONTHS[g["mon"].lower().rstrip(".")], int(g["year"])
        return _mid_month(year, month, text, pub)
    if handler == "bare_month":
        if pub is None:
            return None, None, 3, "unresolved"
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = pub.year if month <= pub.month else pub.year - 1
        return _mid_month(year, month, text, pub)
    if pub is None:
        return None, None, 1, "unresolved"
    if handler == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        back = (pub.weekday() - target) % 7
        if text.lower().startswith("last") and back == 0:
            back = 7
        return pub - dt.timedelta(days=back), None, 1, None
    if handler == "ordinal_day":
        # "on the 5th": this month if that day has come, else last month
        day = int(g["day"])
        month_start = pub.replace(day=1) if day <= pub.day else (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        found = _make_date(month_start.year, month_start.month, day, None)
        return (found, None, 1, None) if found else (None, None, 1, "impossible")
    if handler == "relative_day":
        t = text.lower()
        if t in ("yesterday", "last night", "overnight"):
            return pub - dt.timedelta(days=1), (pub if t == "overnight" else None), 1, None
        return pub, None, 1, None
    if handler == "past_n":
        n = _number(g["num"]) * (7 if g["unit"].lower().startswith("week") else 1)
        # "the past two days" before publication: the two days ending the day before
        return pub - dt.timedelta(days=n), pub - dt.timedelta(days=1), 1 if n <= 2 else 2, None
    if handler == "n_ago":
        n = 1 if g.get("one") else _number(g["num"])
        unit = g["unit"].lower()
        if unit.startswith(("month", "year")):
            # "three months ago", "two years ago": that month, as precise as the text is
            months = n * (12 if unit.startswith("year") else 1)
            y, m = divmod(pub.year * 12 + pub.month - 1 - months, 12)
            return dt.date(y, m + 1, min(pub.day, calendar.monthrange(y, m + 1)[1])), None, 3, None
        if unit.startswith("week"):
            return pub - dt.timedelta(days=7 * n), None, 2, None
        return pub - dt.timedelta(days=n), None, 1, None
    if handler == "relative_period":
        t, unit = text.lower(), g["unit"].lower()
        this = re.sub(r"^(?:late|early)\s+", "", t).startswith(("this", "earlier this", "later this"))
        if unit in ("week", "weekend"):
            monday = pub - dt.timedelta(days=pub.weekday())
            if not this:
                monday -= dt.timedelta(days=7)
            if unit == "weekend":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), 2, None
            mid = monday + dt.timedelta(days=3)
            return min(mid, pub), None, 2, None
        first = pub.replace(day=1)
        if not this:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        if first.year == pub.year and first.month == pub.month:
            # "earlier this month": the part of the month before publication
            mid = first + (pub - first) / 2
            return mid, None, 3, None
        return _mid_month(first.year, first.month, text, pub)
    return None


def anchored_offset(m: re.Match) -> tuple[int, int]:
    """(days, precision) that an anchored expression ("the next day", "two days
    earlier", "that morning") moves from the date the text gave last."""
    t = m.group(0).lower()
    sign = -1 if re.search(r"\b(?:previous|before|earlier)\b", t) and not re.search(
        r"\b(?:that|same)\b", t) else 1
    if re.search(r"\b(?:that|same)\b", t):
        return 0, 1
    if m.group("anum"):
        n = 1 if m.group("anum").lower() in ("a", "one") else _number(m.group("anum"))
        if m.group("aunit").lower().startswith("week"):
            return sign * 7 * n, 2
        return sign * n, 1
    return sign, 1


def _resolve_anchored(mention: DateMention, offset: tuple[int, int], found: list[DateMention],
                      pub: Optional[dt.date]) -> DateMention:
    """Count from the nearest trusted date before the expression (the narrative's
    current day); without one, from publication, as a reader would."""
    days, precision = offset
    before = [d for d in found if d.date is not None and d.flag is None and d.span.end <= mention.span.start]
    anchor = max(before, key=lambda d: d.span.start) if before else None
    if anchor is not None:
        base, precision = anchor.end or anchor.date, max(precision, anchor.precision)
        if days < 0:
            base = anchor.date
    elif pub is not None:
        base = pub
    else:
        return mention
    day = base + dt.timedelta(days=days)
    return mention.model_copy(update={"date": day, "precision": precision, "flag": _after(day, pub)})


def _make_date(year: Optional[int], month: int, day: int, pub: Optional[dt.date]) -> Optional[dt.date]:
    """A day-month without a year takes the publication year (flagged later if it falls
    after publication: announced or mistaken), or the year before when that would put it
    more than a month after publication (news reports the past)."""
    if not 1 <= day <= 31:
        return None
    if year is None:
        year = pub.year
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            return None
        if cand > pub + dt.timedelta(days=31):
            try:
                cand = dt.date(year - 1, month, day)
            except ValueError:
                return None
        return cand
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _mid_month(year: int, month: int, text: str, pub: Optional[dt.date]) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    t = text.lower()
    if t.startswith("early"):
        day = 5
    elif t.startswith("late"):
        day = min(25, last)
    else:
        day = 15
    mid = dt.date(year, month, day)
    return mid, None, 3, _after(dt.date(year, month, 1), pub)


def _after(day: Optional[dt.date], pub: Optional[dt.date]) -> Optional[str]:
    return "after-publication" if day and pub and day > pub else None


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 2)


def _weekday_ok(m: re.Match) -> bool:
    return m.group("wd")[0].isupper()


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    return s, e


_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centuries|century)"
_QTY = r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|several|" \
       r"a few|few|a couple of|couple of|many|some|dozens of|dozens|half a|a half)"
# a length of time: a quantity of units, however hedged ("nearly two months", "more than 100 days",
# "two years and six months", "a 30-day", "15-year-old", "the past three months")
_DURATION = re.compile(
    rf"^(?:(?:for|during|over|within|throughout|in|after|aged?|the|its|their|his|her|a|an|"
    rf"past|last|previous|next|first|coming|following|recent|entire|whole|full|"
    rf"nearly|almost|about|around|roughly|approximately|some|more than|less than|under|at least|"
    rf"up to|just|only|another|further|additional|consecutive)\s+)*"
    rf"(?:{_QTY}[-\s]+)+(?:and[-\s]+a[-\s]+half[-\s]+)?{_UNIT}(?:[-\s]+(?:old|long))?"
    rf"(?:\s*(?:and|,)\s+(?:{_QTY}[-\s]+)+{_UNIT})*$", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{1,4}\b")


def is_duration(text: str) -> bool:
    """Is ``text`` a length of time ("3 months", "a two-week", "over the past three months",
    "aged 45", "15-year-old") rather than a point in time? A number alone is an age or a count.
    ("three months ago" is a point in time: "ago" makes it one.)"""
    t = text.strip().lower()
    if re.search(r"\bago\b", t):
        return False
    return bool(_DURATION.match(t) or re.fullmatch(r"(?:aged?\s+)?\d{1,3}(?:\s*years?(?:\s+old)?)?", t))


def _datelike(text: str) -> bool:
    """Can dateparser find a point in time in ``text``: it names a month, counts back from now
    ("ago") or is written as a numeric date? Anything else ("15 years", "the 1990s") it would
    turn into a day counted back from the publication date."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return not words.isdisjoint(MONTHS) or "ago" in words or bool(_NUMERIC_DATE.search(text))


@lru_cache(maxsize=4096)
def _dateparser(text: str, pub: Optional[dt.date]) -> Optional[tuple[dt.date, int]]:
    """dateparser for the rare forms the patterns miss; None when it cannot say."""
    if pub is None or not any(c.isdigit() for c in text) and not any(
            w in text.lower() for w in MONTHS):
        return None
    import dateparser  # slow to import; most documents never need it

    settings = {"RELATIVE_BASE": dt.datetime.combine(pub, dt.time()), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["month"], "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        value = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    if value is None:
        return None
    day = value.date()
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text):
        return day, 1
    return day.replace(day=15), 3  # month only: ACLED mid-month


def dateline(doc: Doc) -> Optional[tuple[int, int, Optional[dt.date]]]:
    """(start, end, date) of the date in the article's opening dateline ("KHARTOUM, March 3 -"):
    the day the report was filed, not the day of what it reports."""
    cache = doc.user_data.get("eventlens_dateline", False)
    if cache is not False:
        return cache
    text = doc_text(doc)
    m = next((m for m in paragraph_datelines(text, 2000) if m.group("date")), None)
    found = None
    if m is not None:
        g = m.groupdict()
        month = MONTHS[g["mon"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else None
        pub = published(doc)
        day = _make_date(year, month, int(g["day"]), pub) if (year is not None or pub is not None) else None
        found = (m.start("date"), m.end("date"), day)
    doc.user_data["eventlens_dateline"] = found
    return found


# ---------------------------------------------------------------- events helper

def event_date(doc: Doc, start: int, end: int) -> tuple[Optional[dt.date], Optional[int], str]:
    """The date of the event at [start, end): the nearest trusted date in its sentence,
    else the nearest preceding one in its paragraph, else the publication date
    (precision 2: the text gives no date, the event is assumed recent)."""
    dates = [d for d in doc._.dates or [] if d.date is not None and d.flag is None]
    s0, s1 = _sentence_bounds(doc, start)
    same = [d for d in dates if s0 <= d.span.start < s1]
    line = dateline(doc)
    if line is not None and any(d.span.start != line[0] for d in same):
        # "LAGOS, May 9 - Gunmen killed five villagers late on Thursday": the dateline dates the
        # report; the sentence's own date dates the event
        same = [d for d in same if d.span.start != line[0]]
    if same:
        best = min(same, key=lambda d: min(abs(d.span.start - end), abs(start - d.span.end)))
        return best.date, best.precision, f"sentence: {best.span.text!r}"
    p0 = doc_text(doc).rfind("\n\n", 0, start) + 1
    before = [d for d in dates if p0 <= d.span.start < start]
    if before:
        best = before[-1]
        return best.date, best.precision, f"paragraph: {best.span.text!r}"
    day, precision, how = date_from_reactions(doc, start, end)
    if day is not None:
        return day, precision, how
    pub = published(doc)
    if pub is not None:
        return pub, 2, "publication date (no date in the text)"
    return None, None, "no date"


# nouns a later sentence uses to point back at an event ("condemned the attack")
EVENT_NOUNS = {"attack", "attacks", "attempt", "assassination", "bombing", "strike", "strikes",
               "explosion", "blast", "killing", "killings", "shooting", "raid", "assault", "ambush",
               "incident", "operation", "massacre", "clashes", "protest", "protests", "arrest",
               "arrests", "kidnapping", "abduction", "offensive", "shelling", "airstrike", "airstrikes"}
VIOLENT_VERBS = {"attack", "bomb", "kill", "strike", "shoot", "assassinate", "explode", "target",
                 "raid", "ambush", "shell", "kidnap", "abduct", "storm", "hit"}
# verbs of reacting to something that has already happened
REACTION_VERBS = {"condemn", "denounce", "mock", "claim", "deny", "praise", "welcome", "blame",
                  "react", "respond", "comment", "criticize", "criticise", "decry", "deplore",
                  "mourn", "investigate", "visit", "accuse", "disavow", "celebrate", "hail"}
_SAME_DAY = re.compile(r"\b(?:hours|minutes|shortly|soon|immediately|moments)\s+(?:after|later|following)\b|"
                       r"\b(?:the same day|earlier (?:that|the same) day|later that day)\b", re.I)


def date_from_reactions(doc: Doc, start: int, end: int) -> tuple[Optional[dt.date], Optional[int], str]:
    """An upper bound for an undated event from later, dated reactions to it: "On
    November 7, X condemned the attack" means the attack happened no later than
    November 7. Returns the earliest such date, precision 1 when the reaction says it
    came the same day ("hours after the attack"), else 2 (the event happened on or
    shortly before that day); (None, None, reason) when nothing refers back."""
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    trigger = {w for t in (span or ()) for w in (t.lemma_.lower(), t.lower_) if len(w) > 3}
    # the trigger's own word, or any event noun when the trigger is itself one of them
    # ("attack" ... "condemned the attempt"); a "call" is not what "the attack" refers to
    nouns = trigger | (EVENT_NOUNS if trigger & (EVENT_NOUNS | VIOLENT_VERBS) else set())
    s0, s1 = _sentence_bounds(doc, start)
    best = None
    for d in doc._.dates or []:
        if d.date is None or d.flag is not None or d.precision != 1 or d.span.start < s1:
            continue
        sent = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        if sent is None or not doc.has_annotation("SENT_START"):
            continue
        sent = sent[0].sent
        reacts = any(t.lemma_.lower() in REACTION_VERBS and t.pos_ == "VERB" for t in sent)
        points_back = any(t.lower_ in nouns and t.i > 0 and
                          doc[t.i - 1].lower_ in ("the", "this", "that", "these", "yesterday's", "sunday's")
                          or t.lower_ in nouns and any(c.lower_ in ("the", "this", "that") for c in t.lefts)
                          for t in sent)
        if reacts and points_back and (best is None or d.date < best[0].date):
            best = (d, sent)
    if best is None:
        return None, None, "no dated reaction"
    d, sent = best
    precision = 1 if _SAME_DAY.search(text[sent.start_char:sent.end_char]) else 2
    return d.date, precision, f"no later than the reaction dated {d.span.text!r}"


def _sentence_bounds(doc: Doc, start: int) -> tuple[int, int]:
    span = doc.char_span(start, min(start + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None or not len(span) or not doc.has_annotation("SENT_START"):
        return 0, len(doc_text(doc))
    sent = span[0].sent
    return sent.start_char, sent.end_char


def score(predicted: list[Optional[dt.date]], gold: list[Optional[dt.date]]) -> dict:
    """Exact-match rate of resolved dates (pairs in the same order)."""
    pairs = list(zip(predicted, gold))
    exact = sum(p == g for p, g in pairs)
    return {"exact": exact / len(pairs) if pairs else 0.0, "n": len(pairs)}


@Language.factory("eventlens_dates")
def make_stage(nlp, name):
    return DatesStage()


Stage = DatesStage
