"""Team mode on the real PostgreSQL: several workers, one SIGKILLed mid-job, same database as one run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from sitrep import pipeline
from sitrep.settings import load_settings
from sitrep.store import Store, open_store
from sitrep.store.schema import report_versions, reports, sources
from sitrep.watch import queue

pytestmark = [pytest.mark.postgres, pytest.mark.slow]  # ~30-70 s: real worker processes, SIGKILL
WORKER = (
    "from sitrep.settings import load_settings; from sitrep.watch.queue import run_worker; "
    "run_worker(load_settings(), concurrency=1, stalled_after=3, heartbeat=1)"
)


def _dump(path: Path, channel: str, n: int) -> None:
    posts = [
        {
            "id": i,
            "channel": channel,
            "date": f"2024-05-{1 + i % 28:02d}T10:00:00",
            "text": f"Пост {i} канала {channel}: мобилизованные записали обращение номер {i * 7}",
        }
        for i in range(1, n + 1)
    ]
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in posts))


def _snapshot(store: Store) -> tuple[set[tuple[str, str, str, int]], int]:
    with store.engine.connect() as conn:
        rows = {
            (r.handle, r.external_id, r.text, r.version)
            for r in conn.execute(
                select(sources.c.handle, reports.c.external_id, reports.c.text, reports.c.version).join(
                    sources, sources.c.id == reports.c.source_id
                )
            )
        }
        return rows, len(conn.execute(select(report_versions.c.id)).all())


def _job_states(url: str) -> list[str]:
    with psycopg.connect(queue.conninfo(url)) as conn:
        return [r[0] for r in conn.execute("SELECT status::text FROM procrastinate_jobs ORDER BY id")]


def test_workers_killed_mid_job_end_like_a_single_run(pg_url: str, tmp_path: Path) -> None:
    files = []
    for k in range(4):
        path = tmp_path / f"chan{k}.jsonl"
        _dump(path, f"chan{k}", 200)
        files.append(str(path))
    config = tmp_path / "empty.toml"
    config.write_text("")
    env = {
        **os.environ,
        "SITREP_DATABASE_URL": pg_url,
        "SITREP_DATA_DIR": str(tmp_path / "data"),
        "SITREP_EXTRACT_EVENTS": "false",
        "SITREP_CONFIG": str(config),
    }
    settings = load_settings(database_url=pg_url, data_dir=tmp_path / "data", extract_events=False)
    assert queue.enqueue_ingest(settings, files) == 4
    first = subprocess.Popen([sys.executable, "-c", WORKER], env=env)
    # kill it well inside a job (some batches stored, others not yet): a job seen "doing" for 0.3 s in a row; one
    # that ends sooner (a fast machine) is followed by the next, so the wait starts over rather than kill between jobs
    deadline = time.monotonic() + 60
    since: float | None = None
    while time.monotonic() < deadline:
        if "doing" in _job_states(pg_url):
            since = since or time.monotonic()
            if time.monotonic() - since >= 0.3:
                break
        else:
            since = None
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert "doing" in _job_states(pg_url)  # killed mid-job
    others = [subprocess.Popen([sys.executable, "-c", WORKER], env=env) for _ in range(2)]
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and _job_states(pg_url) != ["succeeded"] * 4:
            time.sleep(0.5)
    finally:
        for proc in others:
            proc.send_signal(signal.SIGTERM)
        for proc in others:
            proc.wait(timeout=30)
    assert _job_states(pg_url) == ["succeeded"] * 4
    assert queue.status(settings).done == 4
    reference = open_store(f"sqlite:///{tmp_path / 'single.db'}")
    pipeline.ingest(files, load_settings(data_dir=tmp_path / "single", extract_events=False), reference)
    team = open_store(pg_url)
    assert _snapshot(team) == _snapshot(reference) and _snapshot(team)[1] == 800
