"""Flatten a Result into one dict per event, shared by the csv and geojson exporters."""
from __future__ import annotations

from typing import Iterator

from ..model import Actor, Event, Place, Result

# Order of the generic per-event columns (csv header, geojson property order).
EVENT_FIELDS = [
    "article_id", "event_id", "rank", "date", "time_precision", "published",
    "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type", "status",
    "confidence", "actors", "actor_ids", "targets", "target_ids", "place", "place_id", "site",
    "country", "admin1", "admin2", "latitude", "longitude", "geo_precision", "fatalities",
    "injured", "evidence", "title", "source", "url",
]
LIST_FIELDS = {"actors", "actor_ids", "targets", "target_ids"}


class ResultIndex:
    """Id lookups inside one Result."""

    def __init__(self, result: Result):
        self.result = result
        self.actors: dict[str, Actor] = {a.id: a for a in result.actors}
        self.places: dict[str, Place] = {p.id: p for p in result.places}

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def place(self, event: Event) -> Place | None:
        return self.places.get(event.place) if event.place else None

    def country(self, event: Event) -> str | None:
        """The event's country: its place's, else its actors', else its targets'."""
        place = self.place(event)
        if place and place.country:
            return place.country
        for actor_id in event.actors + event.targets:
            actor = self.actors.get(actor_id)
            if actor and actor.country:
                return actor.country
        return None


def evidence_text(event: Event) -> str:
    return " ".join(s.text.strip() for s in event.evidence if s.text.strip())


def event_rows(result: Result) -> Iterator[dict]:
    """One flat dict per event (lists stay lists; dates are ISO strings)."""
    index = ResultIndex(result)
    a = result.article
    for rank, event in enumerate(result.events):
        place = index.place(event)
        yield {
            "article_id": a.id,
            "event_id": event.id,
            "rank": rank,
            "date": event.date.isoformat() if event.date else None,
            "time_precision": event.time_precision,
            "published": a.published.isoformat() if a.published else None,
            "plover_type": event.plover_type,
            "plover_mode": event.plover_mode,
            "acled_event_type": event.acled_event_type,
            "acled_sub_event_type": event.acled_sub_event_type,
            "status": event.status,
            "confidence": event.confidence,
            "actors": [index.actor_name(i) for i in event.actors],
            "actor_ids": list(event.actors),
            "targets": [index.actor_name(i) for i in event.targets],
            "target_ids": list(event.targets),
            "place": place.name if place else None,
            "place_id": event.place,
            # the village or neighbourhood named, when the place is the known town it lies in
            "site": index.places[event.site].name if event.site in index.places else None,
            "country": index.country(event),
            "admin1": place.admin1 if place else None,
            "admin2": place.admin2 if place else None,
            "latitude": place.lat if place else None,
            "longitude": place.lon if place else None,
            "geo_precision": event.geo_precision,
            "fatalities": event.fatalities,
            "injured": event.injured,
            "evidence": evidence_text(event),
            "title": a.title,
            "source": a.source,
            "url": a.url,
        }
