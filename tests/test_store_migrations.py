"""Schema creation, re-opening and upgrading; URL handling."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Column, Float, create_engine, inspect, select

from eventlens.store import MIGRATIONS, Migration, SchemaTooNew, Store, normalize_url, schema
from eventlens.store.migrations import add_column, latest_version, migrate


def _versions(store: Store) -> list[int]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(schema.schema_version.c.version)).scalars())


def test_empty_database_gets_the_whole_schema(store_url):
    with Store(store_url) as store:
        tables = set(inspect(store.engine).get_table_names())
        assert {t.name for t in schema.metadata.sorted_tables} <= tables
        assert store.schema_version == latest_version() == MIGRATIONS[-1].version
        assert _versions(store) == [latest_version()]
        indexes = {i["name"] for i in inspect(store.engine).get_indexes("events")}
        assert {"ix_events_date", "ix_events_plover_type", "ix_events_acled_event_type"} <= indexes
        assert "ix_actors_country" in {i["name"] for i in inspect(store.engine).get_indexes("actors")}


def test_reopening_does_not_migrate_again(store_url, store_make_result):
    with Store(store_url) as store:
        store.save_result(store_make_result("attack"))
    with Store(store_url) as store:
        assert _versions(store) == [latest_version()]
        assert store.has_article("a1")


def _add_severity(conn):
    add_column(conn, "events", Column("severity", Float))


def test_existing_database_is_upgraded_in_order(store_url, store_make_result):
    with Store(store_url) as store:
        store.save_result(store_make_result("attack"))
        engine = store.engine
        upgraded = list(MIGRATIONS) + [Migration(latest_version() + 1, "add events.severity", _add_severity)]
        assert migrate(engine, upgraded) == latest_version() + 1
        assert "severity" in {c["name"] for c in inspect(engine).get_columns("events")}
        assert _versions(store) == [latest_version(), latest_version() + 1]
        assert migrate(engine, upgraded) == latest_version() + 1  # nothing left to apply
        assert _versions(store) == [latest_version(), latest_version() + 1]
        assert store.get_result("a1") == store_make_result("attack")  # data kept
    # This code is older than the database now: it must refuse to write to it.
    with pytest.raises(SchemaTooNew):
        Store(store_url)


def test_failed_migration_leaves_the_version_unchanged(store_url):
    def broken(conn):
        add_column(conn, "no_such_table", Column("x", Float))

    with Store(store_url) as store:
        with pytest.raises(Exception):
            migrate(store.engine, list(MIGRATIONS) + [Migration(latest_version() + 1, "broken", broken)])
        assert _versions(store) == [latest_version()]


def test_migration_versions_must_increase(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    bad = [Migration(2, "b", _add_severity), Migration(1, "a", _add_severity)]
    with pytest.raises(ValueError, match="increasing"):
        migrate(engine, bad)


@pytest.mark.parametrize("given, expected", [
    ("postgresql://u:p@localhost/db", "postgresql+psycopg://u:p@localhost/db"),
    ("postgres://u:p@localhost:5433/db", "postgresql+psycopg://u:p@localhost:5433/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    (":memory:", "sqlite://"),
])
def test_normalize_url(given, expected):
    assert normalize_url(given) == expected


def test_plain_path_is_an_sqlite_file(tmp_path, store_make_result):
    path = tmp_path / "sub" / "events.db"
    assert normalize_url(path) == f"sqlite:///{path}"
    with Store(path) as store:
        store.save_result(store_make_result("attack"))
    assert path.is_file()
    with Store(f"sqlite:///{path}") as store:
        assert store.has_article("a1")


def test_in_memory_store_works_across_connections(store_make_result):
    with Store(":memory:") as store:
        store.save_result(store_make_result("attack"))
        assert store.get_result("a1") == store_make_result("attack")


def test_version_1_database_gains_the_later_columns(store_url, store_make_result):
    """A database written before migrations 2 to 4: their columns are missing."""
    with Store(store_url) as store:
        store.save_result(store_make_result("attack"))
        with store.engine.begin() as conn:
            for table, column in (("events", "attributions"), ("claims", "proposition"),
                                  ("events", "arrested"), ("events", "size"), ("events", "weapons_count"),
                                  ("statements", "source"), ("statements", "speaker_role"),
                                  ("events", "site_id")):
                conn.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
            conn.execute(schema.schema_version.delete().where(schema.schema_version.c.version > 1))
            conn.execute(schema.schema_version.insert().values(
                version=1, description="initial schema", applied_at=dt.datetime.now(dt.timezone.utc)))
    with Store(store_url) as store:
        assert store.schema_version == latest_version()
        assert "attributions" in {c["name"] for c in inspect(store.engine).get_columns("events")}
        assert "proposition" in {c["name"] for c in inspect(store.engine).get_columns("claims")}
        assert {"arrested", "size", "weapons_count"} <= {c["name"] for c in inspect(store.engine).get_columns("events")}
        assert {"source", "speaker_role"} <= {c["name"] for c in inspect(store.engine).get_columns("statements")}
        assert "site_id" in {c["name"] for c in inspect(store.engine).get_columns("events")}
        assert store.get_result("a1") == store_make_result("attack")
