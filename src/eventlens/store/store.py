"""The Store: saves Results (plus raw input) and answers queries, on SQLite or PostgreSQL.

    with Store("eventlens.db") as store:                  # or "postgresql://user:pw@host/db"
        store.save_result(result, raw=raw_bytes, raw_format="txt")
        store.events(type="ASSAULT", country="IRQ", since="2021-11-01")
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Iterator, Optional

from sqlalchemy import (Engine, and_, create_engine, delete, event, exists, func, insert, or_,
                        select, update)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from ..model import Result
from . import schema as s
from .migrations import migrate
from .rows import ResultRows, result_to_rows, rows_to_result

STATUSES = ("coded", "not-coded", "error")


def normalize_url(url: str | os.PathLike) -> str:
    """A SQLAlchemy URL from a path, "sqlite:///...", or "postgresql://..." (-> psycopg 3)."""
    url = os.fspath(url)
    if url in ("", ":memory:"):
        return "sqlite://"
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return "sqlite:///" + os.path.abspath(os.path.expanduser(url))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _as_date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")  # wait for a concurrent writer instead of failing
    cur.close()


class Store:
    """Articles, their coded rows, raw inputs and ingestion failures in one database."""

    def __init__(self, url: str | os.PathLike = "eventlens.db", *, echo: bool = False):
        self.url = normalize_url(url)
        kwargs: dict[str, Any] = {"echo": echo}
        if self.url == "sqlite://":
            # One shared connection, or every new connection would see an empty database.
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            database = make_url(self.url).database
            if database:
                os.makedirs(os.path.dirname(database) or ".", exist_ok=True)
        self.schema_version = migrate(self.engine)

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"

    # -- writing -----------------------------------------------------------------------

    def _upsert(self, conn, table, rows: list[dict], keep_existing: tuple[str, ...] = ()) -> None:
        """Insert rows, or update them by primary key. ``keep_existing`` columns keep their
        stored value when the new one is NULL (a later, less informed mention must not erase
        what an earlier article established)."""
        if not rows:
            return
        dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(conn.dialect.name)
        keys = [c.name for c in table.primary_key.columns]
        if dialect is None:  # any other backend: slower, but the same result
            for row in rows:
                cond = and_(*(table.c[k] == row[k] for k in keys))
                if conn.execute(select(func.count()).select_from(table).where(cond)).scalar():
                    conn.execute(update(table).where(cond).values(**{k: v for k, v in row.items()
                                                                     if k not in keys}))
                else:
                    conn.execute(insert(table).values(**row))
            return
        stmt = dialect.insert(table)
        changed = {}
        for name in rows[0]:
            if name in keys or name == "first_seen":
                continue
            new = stmt.excluded[name]
            changed[name] = func.coalesce(new, table.c[name]) if name in keep_existing else new
        conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=changed), rows)

    def save_result(self, result: Result, raw: bytes | str | None = None,
                    raw_format: str | None = None, status: str = "coded",
                    error: str | None = None, *, minhash: bytes | None = None) -> None:
        """Store one article and its coded rows; saving it again replaces them, atomically.

        ``raw``/``minhash`` left as None keep what is already stored for the article, so a
        re-save (e.g. ``reprocess``) does not lose the original input.
        """
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        rows: ResultRows = result_to_rows(result)
        now = _now()
        article = dict(rows.article, status=status, error=error, updated_at=now)
        if raw_format is not None:
            article["raw_format"] = raw_format
        if raw is not None:
            article.setdefault("raw_format", result.article.input_format)
            article["raw_is_text"] = isinstance(raw, str)
            article["raw"] = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
        if minhash is not None:
            article["minhash"] = minhash
        aid = article["id"]
        with self.engine.begin() as conn:
            exists_ = conn.execute(select(s.articles.c.id).where(s.articles.c.id == aid)).first()
            if exists_:
                conn.execute(update(s.articles).where(s.articles.c.id == aid).values(**article))
                for table in s.CODED_TABLES:
                    conn.execute(delete(table).where(table.c.article_id == aid))
            else:
                conn.execute(insert(s.articles).values(ingested_at=now, **article))
            self._upsert(conn, s.actors, [dict(r, first_seen=now, updated_at=now) for r in rows.actors],
                         keep_existing=("kind", "country", "sector", "kb_id"))
            self._upsert(conn, s.places, [dict(r, updated_at=now) for r in rows.places],
                         keep_existing=("country", "admin1", "admin2", "lat", "lon",
                                        "geonames_id", "feature"))
            for table, table_rows in ((s.article_actors, rows.article_actors),
                                      (s.article_places, rows.article_places),
                                      (s.events, rows.events), (s.event_actors, rows.event_actors),
                                      (s.statements, rows.statements), (s.claims, rows.claims)):
                if table_rows:
                    conn.execute(insert(table), table_rows)

    def set_minhash(self, article_id: str, minhash: bytes) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(s.articles).where(s.articles.c.id == article_id)
                         .values(minhash=minhash))

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and its coded rows (canonical actors/places stay)."""
        with self.engine.begin() as conn:
            for table in s.CODED_TABLES:
                conn.execute(delete(table).where(table.c.article_id == article_id))
            return conn.execute(delete(s.articles).where(s.articles.c.id == article_id)).rowcount > 0

    def record_failure(self, path: str | os.PathLike, index: int | None, message: str) -> None:
        """Remember that an input (a file, or record ``index`` in it) failed. The same
        (path, index) failing again bumps its count and keeps the latest message."""
        path = os.fspath(path)
        now = _now()
        t = s.failures
        cond = and_(t.c.path == path,
                    t.c.item_index.is_(None) if index is None else t.c.item_index == int(index))
        with self.engine.begin() as conn:
            row = conn.execute(select(t.c.id).where(cond).order_by(t.c.id).limit(1)).first()
            if row:
                conn.execute(update(t).where(t.c.id == row.id)
                             .values(message=message, last_seen=now, count=t.c.count + 1))
            else:
                conn.execute(insert(t).values(path=path, item_index=index, message=message,
                                              first_seen=now, last_seen=now, count=1))

    def clear_failures(self, path: str | os.PathLike, index: int | None = None) -> int:
        """Forget failures of ``path`` (one record if ``index`` is given), e.g. after it
        was ingested successfully. Returns how many were removed."""
        t = s.failures
        cond = t.c.path == os.fspath(path)
        if index is not None:
            cond = and_(cond, t.c.item_index == int(index))
        with self.engine.begin() as conn:
            return conn.execute(delete(t).where(cond)).rowcount

    # -- reading single articles ---------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(s.articles.c.id).where(s.articles.c.id == article_id)).first() is not None

    def find_by_hash(self, content_hash: str) -> Optional[str]:
        """The id of the first stored article with this content hash, if any."""
        a = s.articles
        with self.engine.connect() as conn:
            return conn.execute(select(a.c.id).where(a.c.content_hash == content_hash)
                                .order_by(a.c.ingested_at, a.c.id).limit(1)).scalar()

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(article_id, minhash) for every article that has one, oldest first."""
        a = s.articles
        with self.engine.connect() as conn:
            rows = conn.execute(select(a.c.id, a.c.minhash).where(a.c.minhash.is_not(None))
                                .order_by(a.c.ingested_at, a.c.id)).all()
        for row in rows:
            yield row.id, bytes(row.minhash)

    def get_raw(self, article_id: str) -> tuple[bytes | str | None, Optional[str]]:
        """The original input as it was given (bytes or str) and its format."""
        a = s.articles
        with self.engine.connect() as conn:
            row = conn.execute(select(a.c.raw, a.c.raw_is_text, a.c.raw_format)
                               .where(a.c.id == article_id)).first()
        if row is None or row.raw is None:
            return None, (row.raw_format if row else None)
        raw = bytes(row.raw)
        return (raw.decode("utf-8", "surrogateescape") if row.raw_is_text else raw), row.raw_format

    def get_status(self, article_id: str) -> Optional[dict]:
        """{"status", "error", "pipeline_version", "ingested_at", "updated_at"} or None."""
        a = s.articles
        with self.engine.connect() as conn:
            row = conn.execute(select(a.c.status, a.c.error, a.c.pipeline_version, a.c.ingested_at,
                                      a.c.updated_at).where(a.c.id == article_id)).first()
        return dict(row._mapping) if row else None

    def get_result(self, article_id: str) -> Optional[Result]:
        with self.engine.connect() as conn:
            return self._load_result(conn, article_id)

    def _load_result(self, conn, article_id: str) -> Optional[Result]:
        article = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).first()
        if article is None:
            return None

        def rows(table):
            return [r._mapping for r in conn.execute(select(table).where(table.c.article_id == article_id))]

        return rows_to_result(article._mapping, rows(s.article_actors), rows(s.article_places),
                              rows(s.events), rows(s.event_actors), rows(s.statements),
                              rows(s.claims))

    def article_ids(self, status: str | None = None) -> list[str]:
        a = s.articles
        q = select(a.c.id).order_by(a.c.ingested_at, a.c.id)
        if status:
            q = q.where(a.c.status == status)
        with self.engine.connect() as conn:
            return list(conn.execute(q).scalars())

    def iter_results(self, status: str | None = None, since=None, until=None) -> Iterator[Result]:
        """Every stored Result (optionally by status / publication date), oldest first."""
        a = s.articles
        q = select(a.c.id).order_by(a.c.ingested_at, a.c.id)
        if status:
            q = q.where(a.c.status == status)
        if since is not None:
            q = q.where(a.c.published >= _as_date(since))
        if until is not None:
            q = q.where(a.c.published <= _as_date(until))
        with self.engine.connect() as conn:
            ids = list(conn.execute(q).scalars())
        # One short read per article: no connection stays open while the caller works, so
        # it may write to the store (e.g. re-process) while iterating, even on SQLite.
        for article_id in ids:
            result = self.get_result(article_id)
            if result is not None:
                yield result

    # -- queries -----------------------------------------------------------------------

    def failures(self) -> list[dict]:
        t = s.failures
        with self.engine.connect() as conn:
            rows = conn.execute(select(t).order_by(t.c.last_seen.desc(), t.c.id)).all()
        return [{"id": r.id, "path": r.path, "index": r.item_index, "message": r.message,
                 "first_seen": r.first_seen, "last_seen": r.last_seen, "count": r.count}
                for r in rows]

    def articles(self, since=None, until=None, language: str | None = None,
                 status: str | None = None, limit: int | None = None) -> list[dict]:
        """Article summaries, newest publication first, with event/actor counts."""
        a, e, aa = s.articles, s.events, s.article_actors
        n_events = (select(func.count()).select_from(e).where(e.c.article_id == a.c.id)
                    .scalar_subquery())
        n_actors = (select(func.count()).select_from(aa).where(aa.c.article_id == a.c.id)
                    .scalar_subquery())
        main_type = (select(e.c.plover_type).where(e.c.article_id == a.c.id)
                     .order_by(e.c.rank).limit(1).scalar_subquery())
        q = select(a.c.id, a.c.title, a.c.source, a.c.url, a.c.published, a.c.language,
                   a.c.status, a.c.error, a.c.duplicate_of, a.c.input_path, a.c.pipeline_version,
                   a.c.ingested_at, n_events.label("events"), n_actors.label("actors"),
                   main_type.label("main_event_type"))
        if since is not None:
            q = q.where(a.c.published >= _as_date(since))
        if until is not None:
            q = q.where(a.c.published <= _as_date(until))
        if language:
            q = q.where(func.lower(a.c.language) == language.lower())
        if status:
            q = q.where(a.c.status == status)
        q = q.order_by(a.c.published.is_(None), a.c.published.desc(), a.c.id)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def actors(self, country: str | None = None, kind: str | None = None,
               limit: int | None = None, name: str | None = None) -> list[dict]:
        """Canonical actors with the number of articles, mentions and events they appear in."""
        act, aa, ea = s.actors, s.article_actors, s.event_actors
        n_events = (select(func.count(func.distinct(ea.c.article_id + "/" + ea.c.event_id)))
                    .where(ea.c.actor_id == act.c.id).scalar_subquery())
        q = (select(act.c.id, act.c.name, act.c.kind, act.c.country, act.c.sector, act.c.kb_id,
                    func.count(aa.c.article_id).label("articles"),
                    func.coalesce(func.sum(aa.c.mention_count), 0).label("mentions"),
                    n_events.label("events"))
             .select_from(act.outerjoin(aa, aa.c.actor_id == act.c.id))
             .group_by(act.c.id, act.c.name, act.c.kind, act.c.country, act.c.sector, act.c.kb_id))
        if country:
            q = q.where(act.c.country == country.upper())
        if kind:
            q = q.where(act.c.kind == kind)
        if name:
            q = q.where(func.lower(act.c.name).contains(name.lower(), autoescape=True))
        q = q.order_by(func.count(aa.c.article_id).desc(),
                       func.coalesce(func.sum(aa.c.mention_count), 0).desc(), act.c.id)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def events(self, type: str | None = None, actor: str | None = None,
               country: str | None = None, since=None, until=None,
               limit: int | None = None, article_id: str | None = None,
               main_only: bool = False) -> list[dict]:
        """Events as plain dicts, newest first, with actor/target names and place details.

        type: PLOVER type, ACLED event type or ACLED sub-event type (case-insensitive).
        actor: an actor id, or a substring of an actor's name, in any role of the event.
        country: ISO3 of the event's place or of any of its actors.
        since/until: on the event date, or the article's publication date when it has none.
        main_only: only each article's main (most salient, rank 0) event.
        """
        e, a, ap, p = s.events, s.articles, s.article_places, s.places
        ea, aa, act = s.event_actors, s.article_actors, s.actors
        day = func.coalesce(e.c.date, a.c.published)
        same_event = and_(ea.c.article_id == e.c.article_id, ea.c.event_id == e.c.event_id)
        q = (select(e, a.c.title.label("article_title"), a.c.published, a.c.source,
                    day.label("day"),
                    func.coalesce(ap.c.name, p.c.name).label("place_name"),
                    func.coalesce(ap.c.country, p.c.country).label("place_country"),
                    func.coalesce(ap.c.admin1, p.c.admin1).label("admin1"),
                    func.coalesce(ap.c.admin2, p.c.admin2).label("admin2"),
                    func.coalesce(ap.c.lat, p.c.lat).label("lat"),
                    func.coalesce(ap.c.lon, p.c.lon).label("lon"))
             .select_from(e.join(a, a.c.id == e.c.article_id)
                          .outerjoin(ap, and_(ap.c.article_id == e.c.article_id,
                                              ap.c.place_id == e.c.place_id))
                          .outerjoin(p, p.c.id == e.c.place_id)))
        if article_id:
            q = q.where(e.c.article_id == article_id)
        if main_only:
            q = q.where(e.c.rank == 0)
        if type:
            t = type.lower()
            q = q.where(or_(func.lower(e.c.plover_type) == t, func.lower(e.c.acled_event_type) == t,
                            func.lower(e.c.acled_sub_event_type) == t))
        if actor:
            needle = actor.lower()
            named = (select(ea.c.actor_id)
                     .select_from(ea.outerjoin(aa, and_(aa.c.article_id == ea.c.article_id,
                                                        aa.c.actor_id == ea.c.actor_id))
                                  .outerjoin(act, act.c.id == ea.c.actor_id))
                     .where(same_event, or_(ea.c.actor_id == actor,
                                            func.lower(aa.c.name).contains(needle, autoescape=True),
                                            func.lower(act.c.name).contains(needle, autoescape=True))))
            q = q.where(exists(named))
        if country:
            iso = country.upper()
            actor_country = (select(ea.c.actor_id)
                             .select_from(ea.join(aa, and_(aa.c.article_id == ea.c.article_id,
                                                           aa.c.actor_id == ea.c.actor_id)))
                             .where(same_event, aa.c.country == iso))
            q = q.where(or_(func.coalesce(ap.c.country, p.c.country) == iso, exists(actor_country)))
        if since is not None:
            q = q.where(day >= _as_date(since))
        if until is not None:
            q = q.where(day <= _as_date(until))
        q = q.order_by(day.is_(None), day.desc(), e.c.article_id, e.c.rank)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            self._attach_roles(conn, rows)
        return rows

    def _attach_roles(self, conn, rows: list[dict]) -> None:
        """Add ``<role>_ids`` and ``<role>s`` (names) lists to event rows."""
        ea, aa, act = s.event_actors, s.article_actors, s.actors
        by_event = {(r["article_id"], r["event_id"]): r for r in rows}
        for r in rows:
            r.pop("extra", None)
            for role in s.EVENT_ROLES.values():
                r[f"{role}_ids"], r[f"{role}_names"] = [], []
        article_ids = sorted({r["article_id"] for r in rows})
        for start in range(0, len(article_ids), 500):  # keep IN lists reasonably short
            chunk = article_ids[start:start + 500]
            q = (select(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.actor_id,
                        func.coalesce(aa.c.name, act.c.name, ea.c.actor_id).label("name"))
                 .select_from(ea.outerjoin(aa, and_(aa.c.article_id == ea.c.article_id,
                                                    aa.c.actor_id == ea.c.actor_id))
                              .outerjoin(act, act.c.id == ea.c.actor_id))
                 .where(ea.c.article_id.in_(chunk))
                 .order_by(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.position))
            for link in conn.execute(q):
                row = by_event.get((link.article_id, link.event_id))
                if row is not None:
                    row[f"{link.role}_ids"].append(link.actor_id)
                    row[f"{link.role}_names"].append(link.name)

    def stats(self) -> dict:
        """Counts: articles by status, actors, places, events by type, failures."""
        a, e = s.articles, s.events
        with self.engine.connect() as conn:
            by_status = dict(conn.execute(select(a.c.status, func.count()).group_by(a.c.status)).all())

            def count(table):
                return conn.execute(select(func.count()).select_from(table)).scalar()

            def by(column):
                rows = conn.execute(select(column, func.count()).group_by(column)
                                    .order_by(func.count().desc(), column)).all()
                return {(k if k is not None else "unknown"): n for k, n in rows}

            return {
                "articles": sum(by_status.values()),
                "articles_by_status": {st: by_status.get(st, 0) for st in STATUSES},
                "actors": count(s.actors),
                "places": count(s.places),
                "events": count(e),
                "events_by_type": by(e.c.plover_type),
                "events_by_acled_type": by(e.c.acled_event_type),
                "statements": count(s.statements),
                "claims": count(s.claims),
                "failures": count(s.failures),
            }


def open_store(url: str | os.PathLike | None = None) -> Store:
    """A Store at ``url``, or at $EVENTLENS_DB, or ./eventlens.db."""
    return Store(url or os.environ.get("EVENTLENS_DB") or "eventlens.db")


__all__ = ["Store", "open_store", "normalize_url", "STATUSES"]
