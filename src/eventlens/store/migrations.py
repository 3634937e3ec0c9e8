"""Schema migrations: an ordered list of functions, applied when a Store is opened.

How it works
    * ``schema_version`` holds one row per applied version.
    * A new (empty) database gets the current schema from ``schema.py`` in one go and is
      stamped with the latest version; no migration function runs.
    * An existing database at version N gets every migration with version > N, in order,
      each in its own transaction together with its ``schema_version`` row.
    * A database newer than this code is refused (an old eventlens must not write to it).

How to add a migration
    1. Change ``schema.py`` (that is what new databases get).
    2. Append ``Migration(<last version + 1>, "what it does", function)`` to MIGRATIONS.
       The function receives a SQLAlchemy ``Connection`` inside a transaction and must
       bring a database at the previous version to the new one, e.g.::

           def _add_events_severity(conn):
               add_column(conn, "events", Column("severity", Float))

       Use portable DDL (``add_column``, ``create_index``, ``Table.create(conn)``) or
       branch on ``conn.dialect.name`` when SQLite and PostgreSQL differ.
    3. Add a test that opens a database created at the previous version and checks the
       new column/table after opening it with the new code.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Sequence

from sqlalchemy import Column, Connection, Engine, Index, Integer, String, inspect, select
from sqlalchemy.schema import CreateColumn

from . import schema


class SchemaTooNew(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_baseline(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _add_attributions_and_propositions(conn: Connection) -> None:
    add_column(conn, "events", Column("attributions", schema.Json))
    add_column(conn, "claims", Column("proposition", schema.Json))


def _add_event_counts_and_statement_sources(conn: Connection) -> None:
    for name in ("arrested", "size", "weapons_count"):
        add_column(conn, "events", Column(name, Integer))
    add_column(conn, "statements", Column("source", schema.Json))
    add_column(conn, "statements", Column("speaker_role", schema.Json))


def _add_event_sites(conn: Connection) -> None:
    add_column(conn, "events", Column("site_id", String))


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _create_baseline),
    Migration(2, "events.attributions, claims.proposition", _add_attributions_and_propositions),
    Migration(3, "events.arrested/size/weapons_count, statements.source/speaker_role",
              _add_event_counts_and_statement_sources),
    Migration(4, "events.site_id", _add_event_sites),
]


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def current_version(conn: Connection) -> int | None:
    """The database's schema version, or None when it has no eventlens schema yet."""
    if not inspect(conn).has_table("schema_version"):
        return None
    version = conn.execute(select(schema.schema_version.c.version)
                           .order_by(schema.schema_version.c.version.desc()).limit(1)).scalar()
    return version or 0


def _stamp(conn: Connection, version: int, description: str) -> None:
    conn.execute(schema.schema_version.insert().values(
        version=version, description=description, applied_at=dt.datetime.now(dt.timezone.utc)))


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database to the latest version; returns that version."""
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)):
        raise ValueError(f"migration versions must be unique and increasing: {versions}")
    target = latest_version(migrations)
    with engine.begin() as conn:
        version = current_version(conn)
        if version is None:
            schema.metadata.create_all(conn)
            _stamp(conn, target, "created at this version")
            return target
    if version > target:
        raise SchemaTooNew(f"the database has schema version {version}, newer than this "
                           f"eventlens supports ({target}); upgrade eventlens")
    for migration in migrations:
        if migration.version <= version:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            _stamp(conn, migration.version, migration.description)
    return target


# Helpers for migration functions ----------------------------------------------------

def add_column(conn: Connection, table: str, column: Column) -> None:
    """ALTER TABLE ... ADD COLUMN, rendered for the connection's dialect."""
    ddl = CreateColumn(column).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {conn.dialect.identifier_preparer.quote(table)} ADD COLUMN {ddl}")


def create_index(conn: Connection, index: Index) -> None:
    index.create(conn, checkfirst=True)
