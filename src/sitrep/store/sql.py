"""Engine set-up, migrations and the write path of the store (reports, versions, failures)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from sitrep.models import Failure, RawItem, Report, SourceRef
from sitrep.store.schema import failures, raw_items, report_versions, reports, sources

MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What saving one report did."""

    report_id: int
    status: Literal["new", "unchanged", "version"]
    version: int


@dataclass(frozen=True, slots=True)
class _Known:
    """A report already in the database (the fields the write path compares)."""

    id: int
    external_id: str
    text: str
    version: int
    raw_sha256: str


def now_utc() -> datetime:
    return datetime.now(UTC)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # A new database gets 16 KiB pages (an existing one keeps its size: the pragma is then a
    # no-op). A report row is ~3.5 KB of text (text, normalised text, index body): with 4 KiB
    # pages most spilled into overflow chains. Writing the 22k-post stream took 12 % less CPU
    # and the file came out 9 % smaller (156 MB against 172 MB).
    cur.execute("PRAGMA page_size=16384")
    # WAL: readers (the web app) never block the writer (ingest); NORMAL sync is safe with WAL
    # (a power cut may lose the last commit, never corrupt the file).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _ddl_engine(url: str) -> Engine:
    """A SQLite engine whose transactions hold DDL too, for migrations.

    Python's sqlite3 module (before 3.12's ``autocommit``) opens a transaction only before
    INSERT/UPDATE/DELETE, so a CREATE TABLE runs on its own and stays when the process is killed
    before the migration's end: the next start then fails on "table … already exists". Here the
    driver opens no transaction itself and SQLAlchemy's begin emits ``BEGIN IMMEDIATE``, so all
    pending migrations and their ``alembic_version`` rows commit together or not at all
    (SQLite's DDL is transactional).
    """
    engine = create_engine(url, connect_args={"check_same_thread": False, "isolation_level": None})
    event.listen(engine, "connect", _sqlite_pragmas)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}

# SQLite's default bound-parameter limit since 3.32 (999 before), when the connection cannot
# tell its own (Python < 3.11); multi-row VALUES statements stay under it.
_SQLITE_MAX_PARAMS = 32_766 if sqlite3.sqlite_version_info >= (3, 32) else 999
_VALUES_ROWS = 1_000  # rows per multi-row VALUES statement at most (SQLAlchemy's page size)


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _flat(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` of a dataclass of scalars (Media, Entity) without its deep copies.

    asdict recursed and deep-copied every value: ~10 % of ingest time for the news stream.
    """
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


_Procs = tuple[Callable[[Any], Any] | None, ...]


def _max_params(conn: Connection) -> int:
    """Bound parameters one statement may hold on this SQLite connection (its compiled-in limit)."""
    driver = conn.connection.driver_connection
    getlimit = getattr(driver, "getlimit", None)
    if getlimit is None:
        return _SQLITE_MAX_PARAMS
    return int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


class Store:
    """The database. One instance per process; connections come from its engine's pool."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._source_ids: dict[tuple[str, str], int] = {}
        self._bind_procs: dict[tuple[str, tuple[str, ...]], _Procs] = {}

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revisions (idempotent; all heads)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        engine = _ddl_engine(self.url) if self.is_sqlite else self.engine
        try:
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")  # every branch: areas add migrations off 0001
        finally:
            if engine is not self.engine:
                engine.dispose()

    def dispose(self) -> None:
        self.engine.dispose()

    # -- helpers --------------------------------------------------------------------------
    def _insert_ignore(self, table: Any) -> Any:
        if self.is_sqlite:
            return sqlite_insert(table).on_conflict_do_nothing()
        from sqlalchemy.dialects.postgresql import insert as pg_insert  # 0.1 s to import: not for SQLite

        return pg_insert(table).on_conflict_do_nothing()

    def source_id(self, conn: Connection, ref: SourceRef) -> int:
        key = (ref.kind, ref.handle)
        cached = self._source_ids.get(key)
        if cached is not None:
            return cached
        row = conn.execute(
            select(sources.c.id, sources.c.title).where(sources.c.kind == ref.kind, sources.c.handle == ref.handle)
        ).first()
        if row is None:
            conn.execute(
                self._insert_ignore(sources).values(
                    kind=ref.kind, handle=ref.handle, title=ref.title, created_at=now_utc()
                )
            )
            row = conn.execute(
                select(sources.c.id, sources.c.title).where(sources.c.kind == ref.kind, sources.c.handle == ref.handle)
            ).one()
        elif ref.title and row.title != ref.title:
            conn.execute(update(sources).where(sources.c.id == row.id).values(title=ref.title))
        self._source_ids[key] = int(row.id)
        return int(row.id)

    def _bulk_insert(
        self,
        conn: Connection,
        table: Any,
        rows: list[dict[str, Any]],
        *,
        ignore: bool = False,
        returning: tuple[str, ...] = (),
    ) -> list[tuple[Any, ...]]:
        """Insert ``rows`` (dicts with the same keys); the ``returning`` columns of each inserted row.

        On SQLite the statement goes to the driver as it is: values pass through the columns'
        own SQLAlchemy bind processors (the same stored bytes: DATETIME text, JSON text), then
        one ``executemany`` — or, when ids are wanted back, multi-row ``VALUES ... RETURNING``
        pages. SQLAlchemy's per-row parameter handling cost more than SQLite's own work on the
        news stream (~2 s of a 22k-post ingest). Other backends take the SQLAlchemy path.
        """
        if not rows:
            return []
        if not self.is_sqlite:
            stmt = self._insert_ignore(table) if ignore else insert(table)
            if returning:
                return [tuple(r) for r in conn.execute(stmt.returning(*(table.c[n] for n in returning)), rows)]
            conn.execute(stmt, rows)
            return []
        cols = tuple(rows[0])
        procs = self._bind_procs.get((table.name, cols))
        if procs is None:  # each column's bind processor for this dialect (None: the value goes as is)
            dialect = conn.dialect
            procs = self._bind_procs[(table.name, cols)] = tuple(
                table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in cols
            )
        columns: list[list[Any]] = []
        for c, proc in zip(cols, procs, strict=True):
            values = list(map(itemgetter(c), rows))
            if proc is not None:
                # Processed once per object: a batch shares its "seen at" time, and None (no
                # media, no edit) is most values of the JSON and edit-time columns. Keyed by
                # identity (the rows keep the objects alive), never by equality: equal aware
                # datetimes in two time zones are stored as different text. The keying and
                # lookups run in C (map/zip/dict), the processor once per distinct object.
                keys = list(map(id, values))
                done = {k: proc(v) for k, v in dict(zip(keys, values, strict=True)).items()}
                values = list(map(done.__getitem__, keys))
            columns.append(values)
        params = list(zip(*columns, strict=True))
        head = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES "
        tail = " ON CONFLICT DO NOTHING" if ignore else ""
        one = "(" + ", ".join("?" * len(cols)) + ")"
        if not returning:
            conn.exec_driver_sql(head + one + tail, params)
            return []
        page = max(1, min(_VALUES_ROWS, _max_params(conn) // len(cols)))
        back = tail + " RETURNING " + ", ".join(returning)
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(params), page):
            chunk = params[start : start + page]
            flat = tuple(chain.from_iterable(chunk))
            found = conn.exec_driver_sql(head + ", ".join([one] * len(chunk)) + back, flat).fetchall()
            out.extend(tuple(r) for r in found)
        return out

    def _save_raw(self, conn: Connection, items: Iterable[tuple[RawItem, int | None, str | None]]) -> None:
        rows = []
        seen: set[str] = set()
        for raw, source_id, external_id in items:
            if raw.sha256 in seen:
                continue
            seen.add(raw.sha256)
            rows.append(
                {
                    "sha256": raw.sha256,
                    "media_type": raw.media_type,
                    "size": len(raw.content),
                    "content": raw.content,
                    "origin": raw.origin,
                    "source_id": source_id,
                    "external_id": external_id,
                    "fetched_at": _utc(raw.fetched_at),
                }
            )
        self._bulk_insert(conn, raw_items, rows, ignore=True)

    # -- write path -----------------------------------------------------------------------
    def save_reports(
        self,
        batch: Sequence[Report],
        after: Callable[[Connection, list[tuple[SaveOutcome, Report]]], None] | None = None,
    ) -> list[SaveOutcome]:
        """Save a batch in one transaction: new reports, new versions, or nothing when unchanged.

        A report is keyed by (source, external id). A text seen before (current or any older
        version) changes nothing, so re-ingesting an old export after a newer one does not
        turn history around. A new text becomes version n+1; older versions stay.

        ``after(conn, [(outcome, report), ...])``, when given, runs inside the same transaction
        once the batch is written (the pipeline links near duplicates there): it commits or
        rolls back with the reports.
        """
        if not batch:
            return []
        now = now_utc()
        with self.engine.begin() as conn:
            keyed: list[tuple[int, Report]] = [(self.source_id(conn, r.post.source), r) for r in batch]
            existing: dict[tuple[int, str], _Known] = {}
            by_source: dict[int, list[str]] = {}
            for sid, rep in keyed:
                by_source.setdefault(sid, []).append(rep.post.external_id)
            for sid, ext_ids in by_source.items():
                for chunk_start in range(0, len(ext_ids), 500):
                    chunk = ext_ids[chunk_start : chunk_start + 500]
                    for row in conn.execute(
                        select(
                            reports.c.id, reports.c.external_id, reports.c.text, reports.c.version, reports.c.raw_sha256
                        ).where(reports.c.source_id == sid, reports.c.external_id.in_(chunk))
                    ):
                        existing[(sid, row.external_id)] = _Known(*row)
            self._save_raw(conn, ((r.post.raw, sid, r.post.external_id) for sid, r in keyed))

            outcomes: list[SaveOutcome | tuple[str, int] | None] = [None] * len(keyed)
            new_rows: list[dict[str, Any]] = []
            new_idx: list[int] = []
            pending: dict[tuple[int, str], int] = {}  # duplicates inside one batch
            for i, (sid, rep) in enumerate(keyed):
                key = (sid, rep.post.external_id)
                if key in pending:
                    outcomes[i] = ("dup", pending[key])
                    continue
                known = existing.get(key)
                if known is None:
                    pending[key] = i
                    new_idx.append(i)
                    new_rows.append(self._report_row(sid, rep, now))
                    continue
                if known.text == rep.post.text or self._known_version(conn, known.id, rep.post.text):
                    outcomes[i] = SaveOutcome(int(known.id), "unchanged", int(known.version))
                    continue
                version = int(known.version) + 1
                conn.execute(
                    insert(report_versions).values(
                        report_id=known.id,
                        version=version,
                        raw_sha256=rep.post.raw.sha256,
                        text=rep.post.text,
                        edited_at=_utc(rep.post.edited_at),
                        seen_at=now,
                    )
                )
                values = self._report_row(sid, rep, now)
                for k in ("source_id", "external_id", "first_seen_at"):
                    values.pop(k)
                values["version"] = version
                conn.execute(update(reports).where(reports.c.id == known.id).values(**values))
                outcomes[i] = SaveOutcome(int(known.id), "version", version)
                existing[key] = _Known(int(known.id), rep.post.external_id, rep.post.text, version, rep.post.raw.sha256)
            if new_rows:
                # RETURNING the key instead of sort_by_parameter_order: on SQLite the ordered form
                # falls back to one INSERT per row (22k round trips for the news stream, ~25% of
                # ingest time); the unordered form is sent as multi-row VALUES batches.
                result = self._bulk_insert(conn, reports, new_rows, returning=("id", "source_id", "external_id"))
                id_of = {(int(r[1]), str(r[2])): int(r[0]) for r in result}
                ids = [id_of[(row["source_id"], row["external_id"])] for row in new_rows]
                self._bulk_insert(
                    conn,
                    report_versions,
                    [
                        {
                            "report_id": rid,
                            "version": 1,
                            "raw_sha256": row["raw_sha256"],
                            "text": row["text"],
                            "edited_at": row["edited_at"],
                            "seen_at": now,
                        }
                        for rid, row in zip(ids, new_rows, strict=True)
                    ],
                )
                for i, rid in zip(new_idx, ids, strict=True):
                    outcomes[i] = SaveOutcome(rid, "new", 1)
            final: list[SaveOutcome] = []
            for out in outcomes:
                if isinstance(out, tuple):  # a repeat of an item earlier in the same batch
                    first = outcomes[out[1]]
                    assert isinstance(first, SaveOutcome)
                    final.append(SaveOutcome(first.report_id, "unchanged", first.version))
                else:
                    assert out is not None
                    final.append(out)
            if after is not None:
                after(conn, list(zip(final, (rep for _sid, rep in keyed), strict=True)))
            return final

    @staticmethod
    def _known_version(conn: Connection, report_id: int, text: str) -> bool:
        found = conn.execute(
            select(report_versions.c.id)
            .where(report_versions.c.report_id == report_id, report_versions.c.text == text)
            .limit(1)
        ).first()
        return found is not None

    @staticmethod
    def _report_row(source_id: int, rep: Report, now: datetime) -> dict[str, Any]:
        p = rep.post
        return {
            "source_id": source_id,
            "external_id": p.external_id,
            "url": p.url,
            "title": p.title,
            "author": p.author,
            "published_at": _utc(p.published_at),
            "edited_at": _utc(p.edited_at),
            "forwarded_from": p.forwarded_from,
            "forwarded_from_id": p.forwarded_from_id,
            "reply_to": p.reply_to,
            "views": p.views,
            "media": [_flat(m) for m in p.media] or None,
            "entities": [_flat(e) for e in p.entities] or None,
            "lang": rep.lang,
            "text": p.text,
            "norm_text": rep.norm_text,
            "search_body": rep.lemmas,
            "raw_sha256": p.raw.sha256,
            "version": 1,
            "first_seen_at": now,
            "last_seen_at": now,
        }

    def record_failure(self, failure: Failure) -> None:
        """Record (or count again) a failure; the same failure twice is one row with count 2."""
        key = hashlib.sha256(
            json.dumps([failure.origin, failure.position, failure.stage, failure.reason]).encode()
        ).hexdigest()
        now = now_utc()
        with self.engine.begin() as conn:
            if failure.raw is not None:
                self._save_raw(conn, [(failure.raw, None, None)])
            found = conn.execute(select(failures.c.id).where(failures.c.key == key)).first()
            if found is None:
                conn.execute(
                    self._insert_ignore(failures).values(
                        origin=failure.origin,
                        position=failure.position,
                        stage=failure.stage,
                        reason=failure.reason,
                        raw_sha256=failure.raw.sha256 if failure.raw else None,
                        first_at=now,
                        last_at=now,
                        count=1,
                        key=key,
                    )
                )
            else:
                conn.execute(
                    update(failures).where(failures.c.id == found.id).values(last_at=now, count=failures.c.count + 1)
                )

    def count(self, table: Any) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def open_store(url: str, migrate: bool = True) -> Store:
    """Open the store at ``url`` and bring its schema up to date."""
    store = Store(url)
    if migrate:
        store.migrate()
    return store
