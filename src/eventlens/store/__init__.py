"""Persistent storage of Results: SQLite by default, PostgreSQL by URL, same code.

    from eventlens.store import Store
    with Store("eventlens.db") as store:          # or "postgresql://user:pw@host/db"
        store.save_result(result, raw=raw, raw_format="txt")
        store.events(type="Protests", since="2024-01-01")

Modules: ``schema`` (tables), ``migrations`` (schema_version + ordered migrations, run on
open), ``rows`` (Result <-> rows), ``store`` (the Store API).
"""
from .migrations import MIGRATIONS, Migration, SchemaTooNew
from .rows import InvalidResult
from .store import STATUSES, Store, normalize_url, open_store

__all__ = ["Store", "open_store", "normalize_url", "STATUSES", "InvalidResult", "Migration",
           "MIGRATIONS", "SchemaTooNew"]
