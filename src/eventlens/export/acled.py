"""ACLED-style rows: one per event that ACLED would code (an ACLED event type, and an event
that happened), with ACLED's column names and actor type (inter) codes."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterator, Optional

from ..model import Actor, Event, Result
from . import acled_codes as codes
from .rows import ResultIndex, evidence_text


@lru_cache(maxsize=None)
def _country(iso3: str) -> tuple[str, Optional[int]]:
    """(ACLED-style country name, numeric ISO code) for an ISO3 code."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3.upper())
    if country is None:
        return iso3, None
    return getattr(country, "common_name", None) or country.name, int(country.numeric)


def inter_code(actor: Actor | None, side: int, event: Event, event_country: str | None) -> int:
    """ACLED actor type of ``actor`` on side 1 (acting) or 2 (targeted) of ``event``."""
    if actor is None:
        return 0
    sector = (actor.sector or "").upper()
    if sector in codes.STATE_SECTORS or actor.kind == "state":
        abroad = actor.country and event_country and actor.country != event_country
        return codes.EXTERNAL_FORCES if abroad else codes.STATE_FORCES
    etype = event.acled_event_type or ""
    collective = (actor.kb_id or "").rsplit("-", 1)[-1]
    if actor.kind == "generic" and collective in codes.COLLECTIVE_ID_INTER:
        return codes.COLLECTIVE_ID_INTER[collective]
    # Demonstrators are protesters/rioters whatever their affiliation.
    if side == 1 and etype in ("Protests", "Riots"):
        return codes.EVENT_TYPE_ACTOR_INTER[etype]
    if sector in codes.SECTOR_INTER:
        return codes.SECTOR_INTER[sector][side - 1]
    if side == 1:
        return codes.EVENT_TYPE_ACTOR_INTER.get(etype, codes.DEFAULT_ACTOR_INTER)
    return codes.EVENT_TYPE_TARGET_INTER.get(etype, codes.DEFAULT_TARGET_INTER)


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED interaction: both codes, lower first; a sole actor's code followed by 0."""
    if inter1 and inter2:
        low, high = sorted((inter1, inter2))
        return low * 10 + high
    return (inter1 or inter2) * 10


def disorder_type(event: Event) -> str:
    return (codes.SUB_EVENT_DISORDER.get(event.acled_sub_event_type or "")
            or codes.EVENT_TYPE_DISORDER.get(event.acled_event_type or "", ""))


def _actor_label(actor: Actor | None, inter: int, country: str | None) -> str:
    if actor is None:
        return ""
    collective = codes.COLLECTIVE_NAMES.get(inter)
    if collective and actor.kind in ("group", "generic"):
        home = actor.country or country
        return f"{collective} ({_country(home)[0]})" if home else collective
    return actor.name


def _unnamed(entry: tuple[int, str], iso3: str | None) -> tuple[int, str]:
    inter, name = entry
    return inter, (f"{name} ({_country(iso3)[0]})" if iso3 else name)


def acled_codable(result: Result, event: Event) -> bool:
    # Syndicated copies are skipped: ACLED codes an event once, from its first report.
    return (event.acled_event_type is not None and event.status not in codes.NOT_CODED_STATUSES
            and result.article.duplicate_of is None)


def acled_rows(result: Result) -> Iterator[dict]:
    index = ResultIndex(result)
    a = result.article
    for event in result.events:
        if not acled_codable(result, event):
            continue
        place = index.place(event)
        iso3 = index.country(event)
        country_name, iso_numeric = _country(iso3) if iso3 else ("", None)
        actors = [index.actors.get(i) for i in event.actors]
        targets = [index.actors.get(i) for i in event.targets]
        actor1, actor2 = (actors[0] if actors else None), (targets[0] if targets else None)
        inter1 = inter_code(actor1, 1, event, iso3)
        inter2 = inter_code(actor2, 2, event, iso3)
        label1 = _actor_label(actor1, inter1, iso3)
        label2 = _actor_label(actor2, inter2, iso3)
        if actor1 is None and event.acled_event_type in codes.UNNAMED_ACTOR1:
            inter1, label1 = _unnamed(codes.UNNAMED_ACTOR1[event.acled_event_type], iso3)
        if actor2 is None and event.acled_event_type in codes.UNNAMED_ACTOR2:
            inter2, label2 = _unnamed(codes.UNNAMED_ACTOR2[event.acled_event_type], iso3)
        if event.date:
            day, time_precision = event.date, event.time_precision or 1
        else:  # only the report date is known: ACLED's least precise date
            day, time_precision = a.published, 3
        disorder = disorder_type(event)
        civilian = inter2 == 7 and "Political violence" in disorder
        yield {
            "event_id_cnty": f"{iso3 or 'XXX'}-{a.id}-{event.id}",
            "event_date": day.isoformat() if day else "",
            "year": day.year if day else "",
            "time_precision": time_precision if day else "",
            "disorder_type": disorder,
            "event_type": event.acled_event_type,
            "sub_event_type": event.acled_sub_event_type or "",
            "actor1": label1,
            "assoc_actor_1": "; ".join(index.actor_name(i) for i in event.actors[1:]),
            "inter1": inter1,
            "actor2": label2,
            "assoc_actor_2": "; ".join(index.actor_name(i) for i in event.targets[1:]),
            "inter2": inter2,
            "interaction": interaction_code(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if civilian else "",
            "iso": iso_numeric if iso_numeric is not None else "",
            "region": "",  # ACLED's own regional grouping; not derived here
            "country": country_name,
            "admin1": (place.admin1 if place else None) or "",
            "admin2": (place.admin2 if place else None) or "",
            "admin3": "",
            "location": place.name if place else "",
            "latitude": place.lat if place and place.lat is not None else "",
            "longitude": place.lon if place and place.lon is not None else "",
            "geo_precision": event.geo_precision or "",
            "source": a.source or "",
            "source_scale": "",
            "notes": evidence_text(event),
            "fatalities": event.fatalities or 0,
            "tags": "",
            # The Result has no modification time; the report date keeps exports reproducible.
            "timestamp": (int(dt.datetime.combine(a.published, dt.time(), dt.timezone.utc).timestamp())
                          if a.published else ""),
        }
