"""The store's tables (SQLAlchemy Core), the same for SQLite and PostgreSQL.

Layout: one row per article (with its raw input, so it can be re-processed), canonical
``actors`` and ``places`` shared across articles, and per-article rows for everything a
Result holds. Per-article rows keep the exact values the pipeline produced (an actor's
name or confidence in *this* article), so ``Store.get_result`` rebuilds the Result
exactly; the canonical tables hold the latest known values for cross-article queries.

Every per-article table has an ``extra`` JSON column: model fields that have no column
(yet) are kept there, so a Result still round-trips when the model grows before the
schema does. Promote a field to a column with a migration (see ``migrations.py``).

Events are addressable by ``(article_id, event_id)``; ``event_actors`` links them to
actors by role (actor, target, claimed_by, accused, denied_by), which is what incident
merging, escalation queries and the attribution matrix join on.

Changing this file changes what a *new* database gets; an existing database only
changes through a migration, so every change here needs one in ``migrations.py``.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index,
                        Integer, LargeBinary, MetaData, PrimaryKeyConstraint, String, Table, Text)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

# JSONB on PostgreSQL (indexable, compact); plain JSON text on SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")
# Timezone-aware timestamps (UTC).
Timestamp = DateTime(timezone=True)


def _article_fk() -> Column:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False)


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", Timestamp, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text, nullable=False, default=""),
    Column("removed", Json),                    # [{"text", "reason"}]
    Column("duplicate_of", String),
    Column("content_hash", String),
    Column("minhash", LargeBinary),             # serialised MinHash for near-duplicate search
    Column("raw", LargeBinary),                 # the original input, to re-process later
    Column("raw_is_text", Boolean),             # raw was given as str (stored as UTF-8)
    Column("raw_format", String(32)),
    Column("input_path", Text),
    Column("input_format", String(32)),
    Column("status", String(16), nullable=False, default="coded"),  # coded|not-coded|error
    Column("error", Text),
    Column("pipeline_version", String),
    Column("extra", Json),
    Column("ingested_at", Timestamp, nullable=False),
    Column("updated_at", Timestamp, nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
    Index("ix_articles_status", "status"),
)

actors = Table(
    "actors", metadata,
    Column("id", String, primary_key=True),     # the actor id used in Results (kb:..., new:...)
    Column("name", Text, nullable=False),
    Column("kind", String(16)),
    Column("country", String(3)),
    Column("sector", String(16)),
    Column("kb_id", String),
    Column("first_seen", Timestamp, nullable=False),
    Column("updated_at", Timestamp, nullable=False),
    Index("ix_actors_country", "country"),
    Index("ix_actors_kind", "kind"),
)

article_actors = Table(
    "article_actors", metadata,
    _article_fk(),
    Column("actor_id", String, ForeignKey("actors.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(16)),
    Column("country", String(3)),
    Column("sector", String(16)),
    Column("kb_id", String),
    Column("link", String),
    Column("confidence", Float),
    Column("aliases_seen", Json),
    Column("mentions", Json),                   # [Span]
    Column("mention_count", Integer, nullable=False, default=0),
    Column("extra", Json),
    PrimaryKeyConstraint("article_id", "actor_id"),
    Index("ix_article_actors_actor", "actor_id"),
)

places = Table(
    "places", metadata,
    Column("id", String, primary_key=True),     # gn:<geonameid> | kb:<slug> | country:<ISO3>
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("feature", String(32)),
    Column("updated_at", Timestamp, nullable=False),
    Index("ix_places_country", "country"),
)

article_places = Table(
    "article_places", metadata,
    _article_fk(),
    Column("place_id", String, ForeignKey("places.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("feature", String(32)),
    Column("mentions", Json),
    Column("extra", Json),
    PrimaryKeyConstraint("article_id", "place_id"),
    Index("ix_article_places_place", "place_id"),
)

events = Table(
    "events", metadata,
    _article_fk(),
    Column("event_id", String, nullable=False),
    Column("rank", Integer, nullable=False),    # salience order: 0 is the article's main event
    Column("plover_type", String(32)),
    Column("plover_mode", String(32)),
    Column("acled_event_type", String(64)),
    Column("acled_sub_event_type", String(64)),
    Column("place_id", String),                 # no FK: a stage may point at a place it did not list
    Column("site_id", String),                  # the village named, when place_id is the town it lies in
    Column("geo_precision", Integer),
    Column("date", Date),
    Column("time_precision", Integer),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("size", Integer),
    Column("weapons_count", Integer),
    Column("status", String(16)),
    Column("confidence", Float),
    Column("evidence", Json),
    Column("trigger", Json),
    Column("explanation", Text),
    Column("attributions", Json),               # evidence for claimed_by / accused / denied_by
    Column("extra", Json),
    PrimaryKeyConstraint("article_id", "event_id"),
    Index("ix_events_date", "date"),
    Index("ix_events_plover_type", "plover_type"),
    Index("ix_events_acled_event_type", "acled_event_type"),
    Index("ix_events_place", "place_id"),
)

# Roles of actors in an event, in list order; see EVENT_ROLES.
event_actors = Table(
    "event_actors", metadata,
    Column("article_id", String, nullable=False),
    Column("event_id", String, nullable=False),
    Column("role", String(16), nullable=False),
    Column("position", Integer, nullable=False),
    Column("actor_id", String, nullable=False),
    PrimaryKeyConstraint("article_id", "event_id", "role", "position"),
    Index("ix_event_actors_actor", "actor_id", "role"),
)

statements = Table(
    "statements", metadata,
    _article_fk(),
    Column("statement_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("speaker_id", String),
    Column("target_id", String),
    Column("cue", Json),
    Column("content", Json, nullable=False),
    Column("kind", String(16)),
    Column("plover_type", String(32)),
    Column("date", Date),
    Column("event_id", String),
    Column("evidence", Json),
    Column("source", Json),
    Column("speaker_role", Json),
    Column("extra", Json),
    PrimaryKeyConstraint("article_id", "statement_id"),
    Index("ix_statements_speaker", "speaker_id"),
    Index("ix_statements_target", "target_id"),
)

claims = Table(
    "claims", metadata,
    _article_fk(),
    Column("claim_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("holder", String, nullable=False),
    Column("certainty", String(16)),
    Column("hedges", Json),
    Column("evidence", Json),
    Column("proposition", Json),
    Column("extra", Json),
    PrimaryKeyConstraint("article_id", "claim_id"),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("item_index", Integer),              # line/record number inside the file, if any
    Column("message", Text, nullable=False),
    Column("first_seen", Timestamp, nullable=False),
    Column("last_seen", Timestamp, nullable=False),
    Column("count", Integer, nullable=False, default=1),
    Index("ix_failures_path", "path", "item_index"),
)

# Event fields that are lists of actor ids, stored as event_actors rows with this role.
EVENT_ROLES = {"actors": "actor", "targets": "target", "claimed_by": "claimed_by",
               "accused": "accused", "denied_by": "denied_by"}

# Tables holding an article's coded rows: replaced as a whole when the article is re-saved.
CODED_TABLES = (event_actors, events, statements, claims, article_actors, article_places)
