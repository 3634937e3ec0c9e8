"""Event-days stage: one event per day for events reported over a range of days.

ACLED codes a report like "airstrikes continued through 1-2 March" or "clashes over the
past two days" as one event per day. This stage runs after ``eventlens_events``: an event
whose date came from a day-precise range expression (a ``DateMention`` with an ``end``)
near its trigger is copied for every further day of the range. The first day keeps the
original id ("e3"), later days get "e3-2", "e3-3", ... so ids stay stable; the copies share
the evidence. A fatality count given for the whole range is divided over the days (the
remainder goes to the first day), as ACLED does when the text gives no breakdown.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..model import DateMention, Event
from .base import overlaps

SINGLE_DAY_STATUSES = {"historical", "hypothetical", "future", "negated", "denied", "alleged"}
MAX_DAYS = 7  # longer spans are reported as one event with week/month precision


def range_for(doc: Doc, event: Event) -> Optional[DateMention]:
    """The day-precise range expression that dates ``event``, if any: it starts on the
    event's date and lies in a sentence of the event's evidence."""
    if event.date is None or event.time_precision != 1:
        return None
    if event.acled_event_type is None or event.status in SINGLE_DAY_STATUSES:
        return None  # statements are made once; background and hypothetical events are not counted
    spans = [(e.start, e.end) for e in event.evidence] or \
            ([(event.trigger.start, event.trigger.end)] if event.trigger else [])
    for d in doc._.dates or []:
        if d.end is None or d.date != event.date or d.flag is not None or d.precision != 1:
            continue
        if not 1 <= (d.end - d.date).days < MAX_DAYS:
            continue
        if "night" in d.span.text.lower():
            continue   # "overnight", "on the night of 1-2 May": one night across two dates, one event
        if any(overlaps(d.span.start, d.span.end, s, e) for s, e in _sentences(doc, spans)):
            return d
    return None


def _sentences(doc: Doc, spans):
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is None or not len(sp) or not doc.has_annotation("SENT_START"):
            yield s, e
            continue
        yield sp[0].sent.start_char, sp[-1].sent.end_char


def split_days(event: Event, first: dt.date, last: dt.date) -> list[Event]:
    """``event`` on ``first`` plus one copy per further day up to ``last``."""
    n = (last - first).days + 1
    fatalities = [None] * n
    if event.fatalities:
        share, rest = divmod(event.fatalities, n)
        fatalities = [share + (rest if i == 0 else 0) for i in range(n)]
    days = []
    for i in range(n):
        note = f"day {i + 1} of {n} ({first.isoformat()}..{last.isoformat()})"
        days.append(event.model_copy(update={
            "id": event.id if i == 0 else f"{event.id}-{i + 1}",
            "date": first + dt.timedelta(days=i),
            "fatalities": fatalities[i] if event.fatalities else event.fatalities,
            "explanation": "; ".join(x for x in (event.explanation, note) if x),
        }))
    return days


class EventDaysStage:
    attr = "events"

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Event]:
        out: list[Event] = []
        for event in doc._.events or []:
            d = range_for(doc, event)
            out.extend(split_days(event, d.date, d.end) if d is not None else [event])
        return out

    def set_annotations(self, doc: Doc, events: list[Event]) -> None:
        doc._.events = events
        if doc._.trace is not None:
            doc._.trace["event_days"] = [f"{e.id} {e.date}" for e in events if "-" in e.id]


def score(predicted: list[list[Event]], gold_days: list[int]) -> dict:
    """Share of documents whose number of predicted event-days equals the gold count."""
    pairs = list(zip((len(p) for p in predicted), gold_days))
    return {"exact": sum(p == g for p, g in pairs) / len(pairs) if pairs else 0.0, "n": len(pairs)}


@Language.factory("eventlens_event_days")
def make_stage(nlp, name):
    return EventDaysStage()


Stage = EventDaysStage
