"""Team mode: a PostgreSQL task queue (procrastinate) shared by ``sitrep worker`` processes.

Input: targets to ingest, feeds to poll, alert checks (``enqueue_*``). Output: the same database
a single ``sitrep ingest`` would give. Every task is idempotent (the store keys reports by source
and external id, versions by text, deliveries by a unique key), so a job run twice — after a
worker was killed mid-job and the job was retried — changes nothing the second time. A worker
that stops sending heartbeats (SIGKILL, power cut) has its running jobs put back in the queue by
the other workers' stalled-job check.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import procrastinate
import psycopg
from sqlalchemy.engine import make_url

from sitrep import pipeline
from sitrep.settings import Settings, load_settings
from sitrep.store import Store, open_store

log = logging.getLogger(__name__)
# Transient failures (a deadlock between two workers' merges, a dropped connection) are retried
# with exponential back-off; five attempts cover a database restart of about a minute.
RETRY = procrastinate.RetryStrategy(max_attempts=5, exponential_wait=2)
_SCHEMA_LOCK = 0x5174_7265  # advisory lock id: only one process applies the queue schema
_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


class TeamModeError(ValueError):
    """Team mode needs PostgreSQL."""


def conninfo(db_url: str) -> str:
    """SQLAlchemy URL → libpq connection string for procrastinate's psycopg connector."""
    url = make_url(db_url)
    if not url.drivername.startswith("postgresql"):
        raise TeamModeError(
            "the task queue needs PostgreSQL: set SITREP_DATABASE_URL=postgresql+psycopg://user@host:5432/dbname"
        )
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(settings: Settings) -> procrastinate.App:
    """A procrastinate app on the settings' database with sitrep's tasks (named ``sitrep:<task>``)."""
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(settings.db_url)))
    app.task(name="sitrep:ingest", retry=RETRY)(ingest_task)
    app.task(name="sitrep:process_pending", retry=RETRY)(process_pending_task)
    app.task(name="sitrep:poll_feed", retry=RETRY)(poll_feed_task)
    app.task(name="sitrep:check_alerts", retry=RETRY, lock="sitrep-alerts")(check_alerts_task)
    return app


def ensure_schema(settings: Settings) -> None:
    """Create procrastinate's tables once (several workers may start at the same time)."""
    app = make_app(settings)
    with psycopg.connect(conninfo(settings.db_url), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK,))
        try:
            row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
            if row is None or row[0] is None:
                conn.execute(app.schema_manager.get_schema())
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK,))


def _store(settings: Settings) -> Store:
    with _stores_lock:
        store = _stores.get(settings.db_url)
        if store is None:
            store = _stores[settings.db_url] = open_store(settings.db_url)
        return store


# --- tasks (run by workers; settings come from the worker's environment) -----------------------


def ingest_task(target: str) -> dict[str, int]:
    """Ingest one file, folder or URL, as ``sitrep ingest`` would.

    Steps 5–6 (``process_pending``) are shared: this worker extracts the batches of pending
    reports no other worker has claimed, and merges when no other worker is merging
    (``store.claims``), so N workers never read the same report twice.
    """
    settings = load_settings()
    summary = pipeline.ingest([target], settings, _store(settings))
    return {
        "new_reports": summary.new_reports,
        "new_versions": summary.new_versions,
        "failures": summary.failures,
        "events": summary.events,
    }


def process_pending_task() -> int:
    """Extract and merge pending reports (workers claim disjoint batches; merges go one at a time)."""
    settings = load_settings()
    return pipeline.process_pending(settings, _store(settings))


def poll_feed_task(target: str) -> int:
    """Poll one feed, sitemap or URL list once."""
    from sitrep.watch.feeds import FeedPoller

    settings = load_settings()
    stats = FeedPoller(settings, _store(settings)).poll([target])
    return stats.summary.new_reports + stats.summary.new_versions


def check_alerts_task() -> int:
    """Send the alerts of every active rule (one checker at a time; deliveries are keyed anyway)."""
    from sitrep.watch.alerts import check_alerts, sender_from_settings

    settings = load_settings()
    return check_alerts(_store(settings), sender_from_settings(settings)).sent


# --- enqueueing ----------------------------------------------------------------------------------


def split_targets(targets: Iterable[str]) -> list[str]:
    """One job per file: a folder of inputs becomes its files (sorted), so N workers share it.

    A Telegram Desktop export folder (with ``result.json``) and URLs stay whole.
    """
    from pathlib import Path

    from sitrep import sources

    out: list[str] = []
    for target in targets:
        path = Path(target)
        if not sources.is_url(target) and path.is_dir() and not (path / "result.json").exists():
            out += sorted(str(p) for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            out.append(target)
    return out


def enqueue_ingest(settings: Settings, targets: Iterable[str]) -> int:
    """Queue one ingest job per input file or URL (for ``sitrep ingest --enqueue``); returns how many."""
    ensure_schema(settings)
    app = make_app(settings)
    count = 0
    with app.open():
        for target in split_targets(targets):
            app.configure_task("sitrep:ingest").defer(target=target)
            count += 1
    return count


def enqueue(settings: Settings, task: str, **kwargs: str) -> int:
    """Queue one job of a named task (``process_pending``, ``poll_feed``, ``check_alerts``)."""
    ensure_schema(settings)
    app = make_app(settings)
    with app.open():
        job_id = app.configure_task(f"sitrep:{task}").defer(**kwargs)
    return int(job_id)


@dataclass(frozen=True, slots=True)
class QueueStatus:
    queued: int
    running: int
    done: int
    failed: int
    cancelled: int


def status(settings: Settings) -> QueueStatus:
    """Counts of jobs by state (for ``sitrep queue``)."""
    ensure_schema(settings)
    app = make_app(settings)
    counts = {"todo": 0, "doing": 0, "succeeded": 0, "failed": 0, "cancelled": 0, "aborted": 0}
    with app.open():
        for queue in app.job_manager.list_queues():
            for key in counts:
                counts[key] += int(queue.get(key) or 0)
    return QueueStatus(
        counts["todo"], counts["doing"], counts["succeeded"], counts["failed"], counts["cancelled"] + counts["aborted"]
    )


# --- the worker ----------------------------------------------------------------------------------


async def _requeue_stalled(app: procrastinate.App, stalled_after: float, every: float) -> None:
    """Put back the running jobs of workers whose heartbeat stopped (killed, or their machine died)."""
    while True:
        await asyncio.sleep(every)
        for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
            log.warning("job %s (%s) was running on a worker that stopped; queued again", job.id, job.task_name)
            await app.job_manager.retry_job(job)


async def run_worker_async(
    settings: Settings, concurrency: int = 1, stalled_after: float = 30.0, heartbeat: float = 10.0, wait: bool = True
) -> None:
    """Run jobs until stopped (SIGINT/SIGTERM), or until the queue is empty when ``wait`` is False."""
    ensure_schema(settings)
    app = make_app(settings)
    async with app.open_async():
        checker = asyncio.create_task(_requeue_stalled(app, stalled_after, max(1.0, heartbeat)))
        try:
            await app.run_worker_async(
                concurrency=concurrency,
                wait=wait,
                update_heartbeat_interval=heartbeat,
                stalled_worker_timeout=stalled_after,
            )
        finally:
            checker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await checker


def run_worker(
    settings: Settings, concurrency: int = 1, stalled_after: float = 30.0, heartbeat: float = 10.0, wait: bool = True
) -> None:
    asyncio.run(run_worker_async(settings, concurrency, stalled_after, heartbeat, wait))
