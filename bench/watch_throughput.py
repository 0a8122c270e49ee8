"""Team-mode throughput and live latency.

1. Throughput: 1, 2 and 4 ``sitrep worker`` processes on PostgreSQL ingesting and extracting the
   real news stream (``../shared/data/telegram-news-stream/raw/*.json``, 24 files, one job per
   file), each run in a fresh database, timed until every report is extracted and merged:
   reports/s, the speed-up over one worker, and the load average (the CPU is shared).
2. Latency: a fake Telegram client publishes posts at a steady rate (default 20/s) to the
   watcher on SQLite; for each post, the time from "published" to "found by full-text search".

    .venv/bin/python bench/watch_throughput.py [--workers 1,2,4] [--files N] [--rate 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "watch"))

STREAM = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "telegram-news-stream" / "raw"
PG = os.environ.get("SITREP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (the workers): on a CPU shared with other jobs
    the wall-clock speed-up is noisy, but CPU per report shows whether work is duplicated."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _fingerprint(conn: Connection) -> str:
    """What the run produced, independent of report ids (which depend on how workers interleave):
    the (channel, message, event type) of every mention and the number of near-duplicate links.
    Runs of the same code with 1, 2 or 4 workers should print the same fingerprint."""
    rows = sorted(
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT s.handle, r.external_id, e.event_type FROM mentions m JOIN reports r ON r.id = m.report_id "
                "JOIN sources s ON s.id = r.source_id JOIN events e ON e.id = m.event_id"
            )
        )
    )
    dups = int(conn.execute(text("SELECT count(*) FROM reports WHERE dup_of IS NOT NULL")).scalar_one())
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:10]
    return f"mentions={len(rows)} dup_links={dups} fingerprint={digest}"


def throughput(workers: int, files: list[str]) -> tuple[int, float, int, int, float, str]:
    from sitrep.settings import load_settings
    from sitrep.store import open_store
    from sitrep.watch import queue

    name = f"sitrep_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG.rsplit("/", 1)[0] + "/" + name
    try:
        store = open_store(url)
        tmp = tempfile.mkdtemp()
        config = Path(tmp) / "empty.toml"
        config.write_text("")
        env = {**os.environ, "SITREP_DATABASE_URL": url, "SITREP_DATA_DIR": tmp, "SITREP_CONFIG": str(config)}
        settings = load_settings(database_url=url, data_dir=Path(tmp))
        queue.enqueue_ingest(settings, files)
        start = time.perf_counter()
        cpu_before = _children_cpu()
        cmd = [sys.executable, "-c", "from sitrep.cli import main; main()", "worker", "--exit-when-empty"]
        procs = [subprocess.Popen(cmd, env=env) for _ in range(workers)]
        for p in procs:
            p.wait()
        elapsed = time.perf_counter() - start
        cpu = _children_cpu() - cpu_before
        with store.engine.connect() as conn:
            count = int(conn.execute(text("SELECT count(*) FROM reports")).scalar_one())
            pending = int(
                conn.execute(
                    text("SELECT count(*) FROM reports WHERE extracted_version IS DISTINCT FROM version")
                ).scalar_one()
            )
            events = int(conn.execute(text("SELECT count(*) FROM events")).scalar_one())
            fingerprint = _fingerprint(conn)
        store.dispose()
        return count, elapsed, pending, events, cpu, fingerprint
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def latency(rate: float, seconds: float) -> list[float]:
    from watch_fakes import FakeTelegram, recorded_messages, variant

    from sitrep import pipeline
    from sitrep.models import Post
    from sitrep.settings import load_settings
    from sitrep.store import open_store
    from sitrep.watch.telegram import Update, Watcher, WatchOptions

    tmp = Path(tempfile.mkdtemp())
    settings = load_settings(data_dir=tmp, database_url=f"sqlite:///{tmp / 'db.sqlite'}")
    store = open_store(settings.db_url)
    base = recorded_messages()[0]
    fake = FakeTelegram(base.peer_id.channel_id, "bench", [])
    published: dict[str, float] = {}
    delays: list[float] = []
    stop = asyncio.Event()

    async def live() -> None:
        n = int(rate * seconds)
        for i in range(n):
            ext = 10_000 + i
            words = f"Сообщение {ext}: военнослужащие записали обращение код{ext}"
            msg = variant(base, id=ext, message=words, date=datetime.now(UTC), grouped_id=None)
            published[str(ext)] = time.perf_counter()
            await queue_.put(Update("new", base.peer_id.channel_id, (msg,)))
            await asyncio.sleep(1 / rate)
        await queue_.put(None)

    async def updates(peers: object) -> object:
        while True:
            item = await queue_.get()
            if item is None:
                stop.set()
                return
            yield item

    def stored(posts: list[Post]) -> None:
        for post in posts:
            ext = post.external_id
            if pipeline.search(store, f"код{ext}"):
                delays.append(time.perf_counter() - published[ext])

    async def main() -> None:
        watcher = Watcher(fake, settings, store, WatchOptions())
        watcher.on_stored = stored
        fake.updates = updates  # type: ignore[method-assign,unused-ignore]
        await asyncio.gather(watcher.run(["bench"], stop), live())

    queue_: asyncio.Queue[object] = asyncio.Queue()
    asyncio.run(main())
    return delays


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--files", type=int, default=0, help="Use only the first N channel files (0: all 24).")
    ap.add_argument("--rate", type=float, default=20.0)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args()
    if not args.skip_throughput:
        files = sorted(glob.glob(str(STREAM / "*.json")))
        if not files:
            print(f"no stream at {STREAM}; skipping throughput")
        else:
            files = files[: args.files] if args.files else files
            base_rate = None
            for n in (int(x) for x in args.workers.split(",")):
                load_before = os.getloadavg()[0]
                count, elapsed, pending, events, cpu, fingerprint = throughput(n, files)
                rate = count / elapsed
                base_rate = base_rate or rate
                print(
                    f"workers={n} files={len(files)} reports={count} events={events} "
                    f"not_extracted={pending} seconds={elapsed:.1f} reports/s={rate:.1f} "
                    f"worker_cpu_ms/report={1000 * cpu / max(count, 1):.1f} "
                    f"speedup={rate / base_rate:.2f} load_before={load_before:.1f} "
                    f"load_after={os.getloadavg()[0]:.1f} cpus={os.cpu_count()} {fingerprint}",
                    flush=True,
                )
    delays = latency(args.rate, args.seconds)
    delays.sort()
    p95 = delays[int(0.95 * (len(delays) - 1))] if delays else float("nan")
    print(
        f"latency rate={args.rate}/s posts={len(delays)} median={statistics.median(delays):.3f}s "
        f"p95={p95:.3f}s max={delays[-1]:.3f}s (target p95 < 5 s)"
    )


if __name__ == "__main__":
    main()
