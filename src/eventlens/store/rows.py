"""Conversion between a Result and the store's rows, both ways, without touching a database.

Fields that have a column go to it; any other model field goes to the row's ``extra`` JSON,
so ``rows_to_result(result_to_rows(r)) == r`` even for fields added to the model later.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, Article, Claim, Event, Place, Result, Statement
from .schema import EVENT_ROLES

ARTICLE_COLUMNS = ("id", "title", "source", "url", "published", "language", "text", "removed",
                   "duplicate_of", "content_hash", "input_path", "input_format")
ACTOR_COLUMNS = ("name", "kind", "country", "sector", "kb_id", "link", "confidence",
                 "aliases_seen", "mentions")
CANONICAL_ACTOR_COLUMNS = ("name", "kind", "country", "sector", "kb_id")
PLACE_COLUMNS = ("name", "country", "admin1", "admin2", "lat", "lon", "geonames_id", "feature",
                 "mentions")
CANONICAL_PLACE_COLUMNS = ("name", "country", "admin1", "admin2", "lat", "lon", "geonames_id",
                           "feature")
EVENT_COLUMNS = ("plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type",
                 "geo_precision", "date", "time_precision", "fatalities", "injured", "arrested", "size", "weapons_count", "status",
                 "confidence", "evidence", "trigger", "explanation", "attributions")
STATEMENT_COLUMNS = ("cue", "content", "kind", "plover_type", "date", "evidence", "source", "speaker_role")
CLAIM_COLUMNS = ("holder", "certainty", "hedges", "evidence", "proposition")
# Model field -> column, where the names differ.
RENAMED = {"speaker": "speaker_id", "target": "target_id", "event": "event_id", "place": "place_id",
           "site": "site_id"}
DATE_COLUMNS = {"published", "date"}


class InvalidResult(ValueError):
    """The Result cannot be stored as it is (e.g. two events with the same id)."""


@dataclass
class ResultRows:
    article: dict[str, Any]
    actors: list[dict] = field(default_factory=list)           # canonical actors
    article_actors: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)           # canonical places
    article_places: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_actors: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)


def _split(obj, columns: tuple[str, ...], skip: tuple[str, ...] = ("id",)) -> dict:
    """Column values (JSON-ready, dates as date objects) plus ``extra`` for the rest."""
    data = obj.model_dump(mode="json")
    row: dict[str, Any] = {}
    for name in columns:
        value = data.pop(name)
        if name in DATE_COLUMNS and value is not None:
            value = dt.date.fromisoformat(value)
        row[name] = value
    for name, column in RENAMED.items():
        if name in data:
            row[column] = data.pop(name)
    for name in skip:
        data.pop(name, None)
    row["extra"] = data or None
    return row


def _check_unique(kind: str, ids: list[str], article_id: str) -> None:
    seen = set()
    for i in ids:
        if i in seen:
            raise InvalidResult(f"article {article_id!r}: {kind} id {i!r} occurs twice")
        seen.add(i)


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def result_to_rows(result: Result) -> ResultRows:
    a = result.article
    aid = a.id
    # PostgreSQL text and JSONB cannot hold U+0000; refuse it on every backend alike.
    if _has_nul(result.model_dump(mode="json")):
        raise InvalidResult(f"article {aid!r} contains a NUL character (U+0000); "
                            "cleaning should remove it before the article is stored")
    for kind, items in (("actor", result.actors), ("place", result.places),
                        ("event", result.events), ("statement", result.statements),
                        ("claim", result.claims)):
        _check_unique(kind, [x.id for x in items], aid)

    article = _split(a, ARTICLE_COLUMNS, skip=())
    article["pipeline_version"] = result.pipeline_version
    rows = ResultRows(article=article)

    for pos, actor in enumerate(result.actors):
        row = _split(actor, ACTOR_COLUMNS)
        rows.article_actors.append({"article_id": aid, "actor_id": actor.id, "position": pos,
                                    "mention_count": len(actor.mentions), **row})
        rows.actors.append({"id": actor.id, **{c: row[c] for c in CANONICAL_ACTOR_COLUMNS}})

    for pos, place in enumerate(result.places):
        row = _split(place, PLACE_COLUMNS)
        rows.article_places.append({"article_id": aid, "place_id": place.id, "position": pos, **row})
        rows.places.append({"id": place.id, **{c: row[c] for c in CANONICAL_PLACE_COLUMNS}})

    for rank, event in enumerate(result.events):
        row = _split(event, EVENT_COLUMNS, skip=("id",) + tuple(EVENT_ROLES))
        rows.events.append({"article_id": aid, "event_id": event.id, "rank": rank, **row})
        for attr, role in EVENT_ROLES.items():
            for pos, actor_id in enumerate(getattr(event, attr)):
                rows.event_actors.append({"article_id": aid, "event_id": event.id, "role": role,
                                          "position": pos, "actor_id": actor_id})

    for pos, st in enumerate(result.statements):
        row = _split(st, STATEMENT_COLUMNS)
        rows.statements.append({"article_id": aid, "statement_id": st.id, "position": pos, **row})

    for pos, claim in enumerate(result.claims):
        row = _split(claim, CLAIM_COLUMNS)
        rows.claims.append({"article_id": aid, "claim_id": claim.id, "position": pos, **row})
    return rows


def _merge(model, row, columns: tuple[str, ...], **known) -> Any:
    """Rebuild a model object from its columns, renamed columns and ``extra``."""
    # A NULL in a column added by a later migration means "use the model's default".
    data = {c: row[c] for c in columns
            if not (row[c] is None and c in model.model_fields and not model.model_fields[c].is_required()
                    and model.model_fields[c].default is not None)}
    for name, column in RENAMED.items():
        if name in model.model_fields and column in row:
            data[name] = row[column]
    data.update(known)
    # Fields the model no longer has are dropped rather than failing the whole read.
    data.update({k: v for k, v in (row.get("extra") or {}).items() if k in model.model_fields})
    return model.model_validate(data)


def rows_to_result(article_row, actor_rows=(), place_rows=(), event_rows=(),
                   event_actor_rows=(), statement_rows=(), claim_rows=()) -> Result:
    """Rebuild a Result from row mappings (each list in stored order)."""
    article = _merge(Article, article_row, ARTICLE_COLUMNS)
    roles: dict[tuple[str, str], list[str]] = {}
    for r in sorted(event_actor_rows, key=lambda r: (r["event_id"], r["role"], r["position"])):
        roles.setdefault((r["event_id"], r["role"]), []).append(r["actor_id"])

    def event(row):
        lists = {attr: roles.get((row["event_id"], role), []) for attr, role in EVENT_ROLES.items()}
        return _merge(Event, row, EVENT_COLUMNS, id=row["event_id"], **lists)

    return Result(
        article=article,
        actors=[_merge(Actor, r, ACTOR_COLUMNS, id=r["actor_id"])
                for r in sorted(actor_rows, key=lambda r: r["position"])],
        places=[_merge(Place, r, PLACE_COLUMNS, id=r["place_id"])
                for r in sorted(place_rows, key=lambda r: r["position"])],
        events=[event(r) for r in sorted(event_rows, key=lambda r: r["rank"])],
        statements=[_merge(Statement, r, STATEMENT_COLUMNS, id=r["statement_id"])
                    for r in sorted(statement_rows, key=lambda r: r["position"])],
        claims=[_merge(Claim, r, CLAIM_COLUMNS, id=r["claim_id"])
                for r in sorted(claim_rows, key=lambda r: r["position"])],
        pipeline_version=article_row["pipeline_version"],
    )
