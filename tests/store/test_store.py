"""The store on SQLite and PostgreSQL: idempotency, versions, no deletion, search, failures."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.models import Failure
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.schema import failures, report_versions, reports

TABLES = ("sources", "raw_items", "reports", "report_versions", "failures")

POSTS = [
    {
        "id": 1,
        "channel": "astra",
        "date": "2023-07-01T10:00:00+00:00",
        "text": "Бойцы 1428-го полка записали видеообращение в Бахмуте.",
    },
    {
        "id": 2,
        "channel": "astra",
        "date": "2023-07-05T10:00:00+00:00",
        "text": "Мобилизованные из Белгорода отказались идти в штурм.",
    },
    {
        "id": 3,
        "channel": "hromadske",
        "date": "2023-08-01T10:00:00+00:00",
        "text": "Військові розповіли про бої біля Авдіївки та обстріли в Авдіївці.",
    },
    {
        "id": 4,
        "channel": "kyivindependent",
        "date": "2023-09-01T10:00:00+00:00",
        "text": "Soldiers of the regiment recorded a video appeal near Bakhmut.",
    },
    {
        "id": 5,
        "channel": "hromadske",
        "date": "2023-10-01T10:00:00+00:00",
        "text": "Бахмут: бійці 1428-го полку скаржаться на командування.",
    },
]


def write_jsonl(path: Path, posts: list[dict]) -> str:
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), encoding="utf-8")
    return str(path)


def ingest(settings: Settings, store: Store, *targets: str):  # type: ignore[no-untyped-def]
    quiet = settings.model_copy(update={"extract_events": False})
    return pipeline.ingest(list(targets), quiet, store)


@pytest.fixture
def loaded(any_settings: Settings, any_store: Store, tmp_path: Path) -> Store:
    ingest(any_settings, any_store, write_jsonl(tmp_path / "posts.jsonl", POSTS))
    return any_store


def test_reingesting_the_same_input_adds_nothing(any_settings, any_store, tmp_path, table_dump):
    target = write_jsonl(tmp_path / "posts.jsonl", POSTS)
    ingest(any_settings, any_store, target)
    before = table_dump(any_store, TABLES)
    summary = ingest(any_settings, any_store, target)
    assert (summary.new_reports, summary.unchanged) == (0, len(POSTS))
    assert table_dump(any_store, TABLES) == before


def test_changed_text_is_version_2_and_history_kept(any_settings, any_store, tmp_path):
    ingest(any_settings, any_store, write_jsonl(tmp_path / "old.jsonl", POSTS))
    edited = [dict(POSTS[0], text=POSTS[0]["text"] + " Обновлено: 40 человек.")]
    summary = ingest(any_settings, any_store, write_jsonl(tmp_path / "new.jsonl", edited))
    assert summary.new_versions == 1
    with any_store.engine.connect() as conn:
        current = conn.execute(reports.select().where(reports.c.external_id == "1")).one()
        texts = [
            r.text
            for r in conn.execute(
                report_versions.select()
                .where(report_versions.c.report_id == current.id)
                .order_by(report_versions.c.version)
            )
        ]
    assert current.version == 2 and current.text == edited[0]["text"]
    assert texts == [POSTS[0]["text"], edited[0]["text"]]


def test_older_export_after_newer_adds_nothing(any_settings, any_store, tmp_path, table_dump):
    old = write_jsonl(tmp_path / "old.jsonl", POSTS)
    new = write_jsonl(tmp_path / "new.jsonl", [dict(POSTS[0], text="Исправленный текст поста.")])
    ingest(any_settings, any_store, old)
    ingest(any_settings, any_store, new)
    before = table_dump(any_store, TABLES)
    assert ingest(any_settings, any_store, old).new_versions == 0
    assert table_dump(any_store, TABLES) == before


def test_message_missing_from_later_export_is_kept(any_settings, any_store, tmp_path):
    ingest(any_settings, any_store, write_jsonl(tmp_path / "full.jsonl", POSTS))
    ingest(any_settings, any_store, write_jsonl(tmp_path / "partial.jsonl", POSTS[1:]))
    with any_store.engine.connect() as conn:
        row = conn.execute(reports.select().where(reports.c.external_id == "1")).one()
    assert row.text == POSTS[0]["text"] and row.deleted_at is None
    assert any_store.count(reports) == len(POSTS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Бахмуте", {"1", "5"}),  # finds "Бахмут"
        ("Бахмут", {"1", "5"}),  # finds "Бахмуте"
        ("полк", {"1", "5"}),  # finds "полка" (regiment, not shelf) and Ukrainian "полку"
        ("Авдіївка", {"3"}),  # Ukrainian: finds "Авдіївці" / "Авдіївки"
        ("мобилизованный", {"2"}),
        ("видеообращения", {"1"}),
        ("appeal", {"4"}),
    ],
)
def test_search_finds_inflected_forms(loaded, query, expected):
    assert {h.external_id for h in pipeline.search(loaded, query)} == expected


def test_search_filters(loaded):
    assert {h.external_id for h in pipeline.search(loaded, "бахмут", channel="hromadske")} == {"5"}
    assert {h.external_id for h in pipeline.search(loaded, "бахмут", lang="ru")} == {"1"}
    assert {h.external_id for h in pipeline.search(loaded, "бахмут", lang="uk")} == {"5"}
    since, until = datetime(2023, 7, 2, tzinfo=UTC), datetime(2023, 9, 2, tzinfo=UTC)
    assert {h.external_id for h in pipeline.search(loaded, "бахмут", since=since)} == {"5"}
    assert {h.external_id for h in pipeline.search(loaded, "бахмут", until=since)} == {"1"}
    assert {
        h.external_id for h in pipeline.search(loaded, "бахмут", since=since, until=until, channel="astra")
    } == set()


HOSTILE = [
    '"',
    '""',
    "*",
    "OR",
    "AND NOT",
    "бахмут OR",
    "'; DROP TABLE reports; --",
    "NEAR(бахмут полк)",
    "полк*",
    "^бахмут",
    "col:бахмут",
    "(",
    "\\",
    "%_",
    "бахмут' OR '1'='1",
    "a:* & !b | c <-> d",
]


def test_hostile_queries_are_harmless(loaded):
    for query in HOSTILE:
        hits = pipeline.search(loaded, query)
        assert all(isinstance(h.external_id, str) for h in hits), query
    assert {h.external_id for h in pipeline.search(loaded, '"Бахмут"* ^(')} == {"1", "5"}  # syntax dropped
    assert loaded.count(reports) == len(POSTS)


def test_failure_recorded_once_with_count(any_store):
    bad = Failure("dump.jsonl", "line 3", "parse", "dump.jsonl line 3: invalid JSON; fix or remove this line")
    for _ in range(3):
        any_store.record_failure(bad)
    any_store.record_failure(dataclasses.replace(bad, position="line 4"))
    with any_store.engine.connect() as conn:
        counts = sorted(r.count for r in conn.execute(failures.select()))
    assert counts == [1, 3]


def test_driver_level_inserts_store_what_sqlalchemy_stores(store, tmp_path):
    """SQLite's fast write path (bind processors + executemany / VALUES ... RETURNING) stores the
    same values as SQLAlchemy's insert: DATETIME text of naive and aware times, JSON text (JSON
    null for None), blobs, NULLs — and returns every inserted row's key."""
    import sqlite3

    from sqlalchemy import insert, text

    from sitrep.store import open_store
    from sitrep.store.schema import raw_items, sources
    from sitrep.store.sql import _max_params

    # the same instant in two time zones: SQLAlchemy stores each as its own wall-clock text
    fetched = (
        datetime(2024, 1, 2, 3, 4, 5, 600, tzinfo=UTC),
        datetime(2024, 1, 2, 5, 4, 5, 600, tzinfo=timezone(timedelta(hours=2))),
    )

    def rows(n: int) -> tuple[list[dict], list[dict]]:
        raws, reps = [], []
        for i in range(n):
            sha = f"{i:064x}"
            raws.append(
                {
                    "sha256": sha,
                    "media_type": "application/json",
                    "size": 3,
                    "content": b"{\x00}",
                    "origin": "t",
                    "source_id": 1,
                    "external_id": str(i),
                    "fetched_at": fetched[i % 2],
                }
            )
            reps.append(
                {
                    "source_id": 1,
                    "external_id": str(i),
                    "url": None,
                    "title": "T" if i % 2 else None,
                    "author": None,
                    "published_at": datetime(2023, 7, 1, 10, i % 60) if i % 3 else None,
                    "edited_at": None,
                    "forwarded_from": None,
                    "forwarded_from_id": None,
                    "reply_to": None,
                    "views": i or None,
                    "media": None if i % 2 else [{"kind": "photo", "path": "p.jpg"}],
                    "entities": [{"kind": "link", "text": "ссылка", "href": "https://x"}] if i % 4 else None,
                    "lang": "ru",
                    "text": f"текст {i}",
                    "norm_text": f"текст {i}",
                    "search_body": f"текст {i}",
                    "raw_sha256": sha,
                    "version": 1,
                    "first_seen_at": datetime(2024, 5, 6, tzinfo=UTC),
                    "last_seen_at": datetime(2024, 5, 6, tzinfo=UTC),
                }
            )
        return raws, reps

    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    raws, reps = rows(1_700)  # more rows than one VALUES page
    for st in (store, other):
        with st.engine.begin() as conn:
            conn.execute(insert(sources).values(kind="telegram", handle="c", title="c", created_at=datetime.now(UTC)))
    with store.engine.begin() as conn:
        # a build with a low bound-parameter limit: VALUES pages of 4 rows (22 columns each)
        conn.connection.driver_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
        assert _max_params(conn) == 100
        store._bulk_insert(conn, raw_items, raws, ignore=True)
        store._bulk_insert(conn, raw_items, raws[:5], ignore=True)  # conflicts are ignored
        back = store._bulk_insert(conn, reports, reps, returning=("id", "external_id"))
    with other.engine.begin() as conn:
        conn.execute(insert(raw_items), raws)
        conn.execute(insert(reports), reps)
    assert sorted(back) == [(i + 1, str(i)) for i in range(len(reps))]

    def dump(st: Store, table: str) -> list[tuple]:
        with st.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY rowid"))]

    try:
        for table in ("raw_items", "reports", "reports_fts"):
            assert dump(store, table) == dump(other, table)
    finally:
        other.dispose()


def _key_lists(st: Store) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """(each report's rows in ``dedup_keys``, its list in ``report_key_lists``), keys sorted."""
    from sitrep.store.schema import dedup_keys, report_key_lists

    rows: dict[int, list[int]] = {}
    with st.engine.connect() as conn:
        for key, rid in conn.execute(dedup_keys.select()):
            rows.setdefault(int(rid), []).append(int(key))
        lists = {
            int(rid): sorted(int(k) for k in keys.split()) for rid, keys in conn.execute(report_key_lists.select())
        }
    return {rid: sorted(keys) for rid, keys in rows.items()}, lists


def _has_report_id_index(st: Store) -> bool:
    from sqlalchemy import inspect

    return any(ix["name"] == "ix_dedup_keys_report_id" for ix in inspect(st.engine).get_indexes("dedup_keys"))


def test_key_lists_follow_relinked_reports_and_the_migration_fills_them(any_settings, any_store, tmp_path):
    """``report_key_lists`` holds exactly each report's ``dedup_keys`` rows: after a first ingest,
    after new versions replaced some keys, and when migration 0005 builds it from ``dedup_keys``
    (then drops the report_id index it read them through) — on SQLite and PostgreSQL."""
    import importlib

    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    long_posts = [
        {**p, "text": p["text"] + " " + "Это длинный текст, чтобы у него были полосы MinHash и ключи дедупликации."}
        for p in POSTS
    ]
    ingest(any_settings, any_store, write_jsonl(tmp_path / "v1.jsonl", long_posts))
    rows, lists = _key_lists(any_store)
    assert len(rows) == len(POSTS) and all(len(k) >= 16 for k in rows.values())
    assert lists == rows
    assert not _has_report_id_index(any_store)

    edited = [
        {**p, "text": "Совсем новый текст сообщения номер " + str(p["id"]) + ", " + p["text"]} for p in long_posts[:3]
    ]
    ingest(any_settings, any_store, write_jsonl(tmp_path / "v2.jsonl", edited + long_posts[3:]))
    rows2, lists2 = _key_lists(any_store)
    assert lists2 == rows2
    changed = [rid for rid in rows if rows2[rid] != rows[rid]]
    assert len(changed) == 3  # the edited reports' old band keys are gone, not added to
    for rid in changed:
        assert set(rows[rid]) - set(rows2[rid])

    migration = importlib.import_module("sitrep.store.migrations.versions.0005_report_key_lists")
    with any_store.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        migration.downgrade()
    assert _has_report_id_index(any_store)
    with any_store.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        migration.upgrade()
    assert _key_lists(any_store) == (rows2, rows2)
    assert not _has_report_id_index(any_store)
