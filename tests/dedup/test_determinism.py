"""The merge stage is a function of the stored reports alone, never of how a run was cut.

One generated input (reports in four channels: appeals, refusals and protests sharing units,
places and dates, reposts, forwards, later edits that move a report to another event) is
processed (steps 5–6, ``pipeline.process_pending`` with the codebook extractor) in fresh
processes two ways: in one batch; in small batches (one of them batches of one) killed
mid-transaction several times, each process with another ``PYTHONHASHSEED``. Every table
the merge writes must come out identical, row for row (issue: kill -9 + rerun ends in the same
database; reruns give the same event ids).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dedup_helpers import extractor_fingerprint
from sqlalchemy import MetaData, select

from sitrep.enrich import enrich_posts
from sitrep.models import Post, RawItem, Report, SourceRef
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store, open_store

DRIVER = Path(__file__).with_name("determinism_driver.py")
MERGE_TABLES = ("reports", "events", "mentions", "event_facets", "event_keys", "dedup_keys", "report_links")
CLOCK_COLUMNS = frozenset({"first_seen_at", "last_seen_at", "created_at", "updated_at"})

UNITS = ["1428-го полка", "1430-го полка", "в/ч 12345", "3-й бригады", "штурмового отряда «Шторм Z»"]
PLACES = ["под Бахмутом", "в Белгородской области", "под Авдеевкой", "в Курской области", "под Купянском"]
RELEVANT = [
    "Бойцы {unit} записали видеообращение: их бросили {place}, из {n} человек осталось {m}.",
    "Мобилизованные из {unit} отказались идти в штурм {place}, их родственники пишут жалобы.",
    "Жены военнослужащих {unit} вышли на протест: мужей держат {place} без ротации {n} дней.",
    "{day} мая бойцы {unit} записали обращение к Путину: их отправили {place} без подготовки.",
]
NEWS = ["В Казани открыли новый мост, движение запустят {m} июля.", "Курс рубля снизился на {n} копеек."]
CHANNELS = ("astra", "mash", "rian", "vchk")


def _text(rng: random.Random, i: int) -> str:
    fill = {
        "unit": rng.choice(UNITS),
        "place": rng.choice(PLACES),
        "n": rng.choice([120, 190, 300, 383]),
        "m": rng.randint(1, 9),
        "day": rng.randint(1, 20),
    }
    pool = RELEVANT if rng.random() < 0.5 else NEWS
    return rng.choice(pool).format(**fill) + f" Материал №{i}."


def _post(channel: str, ext_id: int, text: str, published: datetime, fwd: str | None = None) -> Post:
    raw = RawItem(text.encode(), "text/plain", "generated", published)
    return Post(
        SourceRef("telegram_export", channel), str(ext_id), raw, text, published_at=published, forwarded_from_id=fwd
    )


def generate(seed: int, n: int = 240) -> tuple[list[Report], list[Report]]:
    """(first versions, later edits): published over ~6 weeks so merge windows overlap."""
    rng = random.Random(seed)
    start = datetime(2024, 5, 1, tzinfo=UTC)
    posts: list[Post] = []
    for i in range(1, n + 1):
        channel = CHANNELS[i % len(CHANNELS)]
        published = start + timedelta(hours=rng.randint(0, 24 * 42))
        roll = rng.random()
        if posts and roll < 0.12:  # a repost, sometimes with a channel footer
            text = rng.choice(posts).text + (" Подписывайтесь на канал!" if rng.random() < 0.5 else "")
            posts.append(_post(channel, i, text, published))
        elif posts and roll < 0.2:  # a Telegram forward of an earlier post
            orig = rng.choice(posts)
            posts.append(
                _post(channel, i, orig.text, published, fwd=f"https://t.me/{orig.source.handle}/{orig.external_id}")
            )
        else:
            posts.append(_post(channel, i, _text(rng, i), published))
    edits = [
        _post(p.source.handle, int(p.external_id), _text(rng, 10_000 + k), p.published_at or start)
        for k, p in enumerate(rng.sample(posts, n // 10))
    ]
    return enrich_posts(posts), enrich_posts(edits)


def _run(db: Path, batch_size: int, hash_seed: int, die_after: int = 0) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    env.update(PYTHONHASHSEED=str(hash_seed), SITREP_DATA_DIR=str(db.parent), SITREP_CONFIG=os.devnull)
    proc = subprocess.run(
        [sys.executable, str(DRIVER), f"sqlite:///{db}", str(batch_size), str(die_after)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == (9 if die_after else 0), proc.stderr[-2000:]


def _save(db: Path, reps: list[Report]) -> None:
    store: Store = open_store(f"sqlite:///{db}")
    store.save_reports(reps)
    store.dispose()


def test_merge_ignores_batch_cuts_kills_and_hash_seeds(tmp_path: Path, table_dump) -> None:  # type: ignore[no-untyped-def]
    fingerprint = extractor_fingerprint()
    first, edits = generate(seed=20240501)
    template = tmp_path / "template" / "sitrep.db"
    template.parent.mkdir()
    _save(template, first)
    # (batch size, PYTHONHASHSEED, die at the n-th merged report; 0 = run to the end) per process,
    # for the first versions, then for the edits.
    plans = {
        "one_batch": ([(1000, 1, 0)], [(1000, 2, 0)]),
        "killed": ([(7, 3, 20), (1, 4, 31), (13, 5, 0)], [(3, 6, 5), (11, 7, 0)]),
    }

    def play(name: str) -> dict:  # type: ignore[type-arg]
        db = tmp_path / name / "sitrep.db"
        db.parent.mkdir()
        shutil.copy(template, db)
        before, after = plans[name]
        for batch_size, hash_seed, die_after in before:
            _run(db, batch_size, hash_seed, die_after)
        _save(db, edits)
        for batch_size, hash_seed, die_after in after:
            _run(db, batch_size, hash_seed, die_after)
        store = open_store(f"sqlite:///{db}")
        try:
            return table_dump(store, MERGE_TABLES, CLOCK_COLUMNS)  # type: ignore[no-any-return]
        finally:
            store.dispose()

    with ThreadPoolExecutor(len(plans)) as pool:  # the plans are independent processes
        dumps = dict(zip(plans, pool.map(play, plans), strict=True))
    if extractor_fingerprint() != fingerprint:
        pytest.skip(
            "the extractor's code or model changed on disk during the test (edited or retrained "
            "in this checkout): the runs used different extractors; rerun when it is quiet"
        )
    ref = dumps["one_batch"]
    assert len(ref["events"]) >= 10 and len(ref["mentions"]) > len(ref["events"]) and ref["report_links"]
    for table in MERGE_TABLES:
        assert dumps["killed"][table] == ref[table], f"killed run: {table} differs from the one-batch run"


def _dump_utc(store: Store) -> dict[str, list[tuple[str, ...]]]:
    """Sorted rows of the merge tables, datetimes as naive UTC (SQLite stores them naive)."""
    meta = MetaData()
    meta.reflect(store.engine, only=list(MERGE_TABLES))
    out = {}
    with store.engine.connect() as conn:
        for name in MERGE_TABLES:
            cols = [c for c in meta.tables[name].c if c.name not in CLOCK_COLUMNS and c.name != "search_tsv"]
            rows = conn.execute(select(*cols)).all()
            out[name] = sorted(
                tuple(
                    repr(v.astimezone(UTC).replace(tzinfo=None) if isinstance(v, datetime) and v.tzinfo else v)
                    for v in r
                )
                for r in rows
            )
    return out


@pytest.mark.postgres
def test_concurrent_postgres_workers_merge_like_one_sqlite_run(store: Store, settings: Settings, pg_url: str) -> None:
    """PostgreSQL, two workers claiming batches of 7 and 11 at once, ends like SQLite in one batch."""
    first, edits = generate(seed=7)
    store.save_reports(first)
    process_pending(settings.model_copy(update={"batch_size": 1000}), store)
    store.save_reports(edits)
    process_pending(settings, store)
    pg = open_store(pg_url)
    try:
        pg.save_reports(first)
        with ThreadPoolExecutor(2) as pool:
            done = [pool.submit(process_pending, settings.model_copy(update={"batch_size": n}), pg) for n in (7, 11)]
            assert sum(f.result() for f in done) == len(_dump_utc(pg)["mentions"])
        pg.save_reports(edits)
        process_pending(settings.model_copy(update={"batch_size": 5}), pg)
        got = _dump_utc(pg)
    finally:
        pg.dispose()
    expected = _dump_utc(store)
    assert expected["events"] and expected["report_links"]
    for table in MERGE_TABLES:
        assert got[table] == expected[table], f"PostgreSQL: {table} differs from the SQLite run"
