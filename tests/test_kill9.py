"""kill -9 during `sitrep ingest`, then a rerun, ends in the same database as one clean run.

The input (a few thousand generated posts in three channels, reposts and later edits included)
is ingested once without interruption; a second database gets the same command SIGKILLed at
random moments, then run to completion. Everything but run logs and wall-clock columns must match.
Every process runs with its own ``PYTHONHASHSEED``, so set and dict order of strings differs
between the clean run and each killed run, as it does between real runs.

The extractor's code and model are fingerprinted before and after: when they changed during the
test (someone editing or retraining in the same checkout) the two runs read different
extractors and the comparison says nothing about kills, so the test says so instead of failing
on a misleading table difference. ``tests/dedup/test_determinism.py`` checks the same property
fast, on a small input.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dedup.dedup_helpers import extractor_fingerprint
from sitrep.store import open_store

pytestmark = pytest.mark.slow

TABLES = (
    "sources",
    "raw_items",
    "reports",
    "report_versions",
    "events",
    "mentions",
    "event_facets",
    "event_keys",
    "dedup_keys",
    "report_links",
)
CLOCK_COLUMNS = frozenset(
    {
        "first_seen_at",
        "last_seen_at",
        "fetched_at",
        "seen_at",
        "created_at",
        "updated_at",
        "last_success_at",
        "last_error_at",
        "first_at",
        "last_at",
    }
)

UNITS = ["1428-го полка", "1430-го полка", "в/ч 12345", "3-й бригады", "штурмового отряда «Шторм Z»"]
PLACES = ["под Бахмутом", "в Белгородской области", "под Авдеевкой", "в Курской области", "под Купянском"]
RELEVANT = [
    "Бойцы {unit} записали видеообращение: их бросили {place}, из {n} человек осталось {m}.",
    "Мобилизованные из {unit} отказались идти в штурм {place}, их родственники пишут жалобы.",
    "Жены военнослужащих {unit} вышли на протест: мужей держат {place} без ротации {n} дней.",
]
NEWS = [
    "В {city} открыли новый мост, движение запустят {d} июля.",
    "Курс рубля снизился на {n} копеек, сообщили аналитики.",
    "В {city} прошел фестиваль, его посетили {n} тысяч человек.",
    "Синоптики обещают до {n} градусов тепла в {city} на выходных.",
]
CITIES = ["Москве", "Казани", "Новосибирске", "Самаре", "Перми"]


def make_posts(n: int, rng: random.Random) -> list[dict]:
    posts = []
    for i in range(1, n + 1):
        fill = {
            "unit": rng.choice(UNITS),
            "place": rng.choice(PLACES),
            "city": rng.choice(CITIES),
            "n": rng.randint(10, 400),
            "m": rng.randint(1, 9),
            "d": rng.randint(1, 28),
        }
        pool = RELEVANT if rng.random() < 0.08 else NEWS
        text = rng.choice(pool).format(**fill) + f" Подробности в материале №{i}."
        channel = ("astra", "mash", "rian")[i % 3]
        if i > 50 and rng.random() < 0.05:  # a repost of an earlier post in another channel
            text = posts[rng.randrange(len(posts))]["text"]
        posts.append(
            {
                "id": i,
                "channel": channel,
                "text": text,
                "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+00:00",
            }
        )
    return posts


def write_jsonl(path: Path, posts: list[dict]) -> str:
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), encoding="utf-8")
    return str(path)


def ingest_cmd(
    data_dir: Path, targets: list[str], hash_seed: int, extract: bool = True
) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    env.update({"SITREP_DATA_DIR": str(data_dir), "SITREP_BATCH_SIZE": "200", "PYTHONHASHSEED": str(hash_seed)})
    if not extract:
        env["SITREP_EXTRACT_EVENTS"] = "false"
    return [sys.executable, "-c", "from sitrep.cli import main; main()", "ingest", "-q", *targets], env


def run_to_end(cmd: list[str], env: dict[str, str], seed: int) -> None:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, f"seed {seed}: ingest exited with {proc.returncode}: {proc.stderr[-3000:]}"


def test_kill9_then_rerun_equals_clean_run(tmp_path: Path, table_dump):
    seed = int(os.environ.get("SITREP_KILL9_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    posts = make_posts(3000, rng)
    edits = [dict(p, text=p["text"] + " Обновлено.") for p in rng.sample(posts, 150)]
    targets = [write_jsonl(tmp_path / "posts.jsonl", posts), write_jsonl(tmp_path / "edits.jsonl", edits)]

    fingerprint = extractor_fingerprint()
    cmd, env = ingest_cmd(tmp_path / "clean", targets, hash_seed=0)
    start = time.monotonic()
    run_to_end(cmd, env, seed)
    duration = time.monotonic() - start

    moments = sorted(rng.uniform(0.1, 0.95) * duration for _ in range(3))
    for n, moment in enumerate(moments, start=1):
        cmd, env = ingest_cmd(tmp_path / "killed", targets, hash_seed=n)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    cmd, env = ingest_cmd(tmp_path / "killed", targets, hash_seed=len(moments) + 1)
    run_to_end(cmd, env, seed)
    if extractor_fingerprint() != fingerprint:
        pytest.skip(
            "the extractor's code or model changed on disk during the test (edited or retrained "
            "in this checkout): the two runs used different extractors; rerun when it is quiet"
        )

    clean = open_store(f"sqlite:///{tmp_path / 'clean' / 'sitrep.db'}")
    killed = open_store(f"sqlite:///{tmp_path / 'killed' / 'sitrep.db'}")
    expected = table_dump(clean, TABLES, CLOCK_COLUMNS)
    assert len(expected["reports"]) > 2500 and expected["events"], f"seed {seed}: the input made no events"
    got = table_dump(killed, TABLES, CLOCK_COLUMNS)
    for table in TABLES:
        assert got[table] == expected[table], f"seed {seed}, kills at {moments}: {table} differs"


def test_kill9_without_extraction_equals_clean_run(tmp_path: Path, table_dump):
    """Extraction off: near duplicates are linked in each batch's save transaction
    (``pipeline._inline_linker``); kills at any moment, then a rerun, give the clean run's tables."""
    seed = int(os.environ.get("SITREP_KILL9_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    posts = make_posts(3000, rng)
    edits = [dict(p, text=p["text"] + " Обновлено.") for p in rng.sample(posts, 150)]
    targets = [write_jsonl(tmp_path / "posts.jsonl", posts), write_jsonl(tmp_path / "edits.jsonl", edits)]

    cmd, env = ingest_cmd(tmp_path / "clean", targets, hash_seed=0, extract=False)
    start = time.monotonic()
    run_to_end(cmd, env, seed)
    duration = time.monotonic() - start

    moments = sorted(rng.uniform(0.1, 0.95) * duration for _ in range(3))
    for n, moment in enumerate(moments, start=1):
        cmd, env = ingest_cmd(tmp_path / "killed", targets, hash_seed=n, extract=False)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    cmd, env = ingest_cmd(tmp_path / "killed", targets, hash_seed=len(moments) + 1, extract=False)
    run_to_end(cmd, env, seed)

    clean = open_store(f"sqlite:///{tmp_path / 'clean' / 'sitrep.db'}")
    killed = open_store(f"sqlite:///{tmp_path / 'killed' / 'sitrep.db'}")
    expected = table_dump(clean, TABLES, CLOCK_COLUMNS)
    assert len(expected["reports"]) > 2500 and expected["report_links"], f"seed {seed}: no near duplicates"
    got = table_dump(killed, TABLES, CLOCK_COLUMNS)
    for table in TABLES:
        assert got[table] == expected[table], f"seed {seed}, kills at {moments}: {table} differs"


_OPEN = (
    "import sys; from sitrep.store.sql import Store; store = Store('sqlite:///' + sys.argv[1]); "
    "print('go', flush=True); store.migrate(); print('done', flush=True)"
)


def test_kill9_during_migrations_then_reopen(tmp_path: Path):
    """A first run killed while it creates the schema (its first ~0.3 s after the imports) must leave
    a database the next run opens and migrates: all pending migrations commit together or not at
    all (Python's sqlite3 would otherwise run each CREATE TABLE outside any transaction)."""
    seed = int(os.environ.get("SITREP_KILL9_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    clean = tmp_path / "clean.db"
    subprocess.run([sys.executable, "-c", _OPEN, str(clean)], check=True, capture_output=True)
    expected = _schema(clean)
    for i in range(8):
        db = tmp_path / f"killed-{i}.db"
        proc = subprocess.Popen([sys.executable, "-c", _OPEN, str(db)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "go"
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        again = subprocess.run([sys.executable, "-c", _OPEN, str(db)], capture_output=True, text=True)
        assert again.returncode == 0, f"seed {seed}, kill {i}: reopening failed: {again.stderr[-2000:]}"
        assert _schema(db) == expected, f"seed {seed}, kill {i}: schema differs from a clean migration"


def _schema(db: Path) -> list[tuple[str, str]]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        sql = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
        rows = con.execute(sql).fetchall()
        rows += con.execute("SELECT 'version', version_num FROM alembic_version ORDER BY 2").fetchall()
    finally:
        con.close()
    return rows
