"""Shared extraction on PostgreSQL: workers claim disjoint batches, one merger applies them in order.

Input: pending reports (``extracted_version`` behind ``version``) and the extractor's results.
Output: rows in ``extraction_staging`` (step 5, done by any number of workers in parallel) and,
through ``store.events.apply_batch`` (step 6), mentions/events/dedup links in report-id order.

Why two phases: extraction is pure and parallel, but the merge is order-dependent — a report is
only linked to an *earlier* near duplicate that is already indexed — so two merges running at the
same time, or out of id order, would miss duplicates. Hence:

- **claim**: ``SELECT … FOR UPDATE SKIP LOCKED`` of pending, unstaged reports. The row locks are
  the claim: held while the batch is extracted and staged, released by the commit — or by the
  server when the worker dies, so a killed worker leaves its batch claimable again, never lost.
- **merge**: a session advisory lock (``MERGE_LOCK``) on a dedicated connection admits one merger
  at a time; it applies the longest run of staged reports at the head of the pending queue (in id
  order, the order a single process would use) and stops at the first report not staged yet.

A worker that finds the lock taken leaves: the holder re-checks for staged work after releasing
it, so work staged meanwhile is never stranded (see ``pipeline.process_pending``).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, exists, or_, select, text
from sqlalchemy.engine import Connection

from sitrep.models import EventCandidate, Evidence, Extraction, Place
from sitrep.store.events import Pending, apply_batch, load_pending
from sitrep.store.schema import extraction_staging, reports
from sitrep.store.sql import Store, now_utc

MERGE_LOCK = 0x5174_6D67  # advisory lock id of the merge step ("Qtmg"); any 64-bit constant unique to sitrep

_PENDING = or_(reports.c.extracted_version.is_(None), reports.c.extracted_version != reports.c.version)


def extraction_to_json(ex: Extraction | None) -> dict[str, Any] | None:
    return None if ex is None else dataclasses.asdict(ex)


def _candidate(data: dict[str, Any]) -> EventCandidate:
    fields = {k: v for k, v in data.items() if k in EventCandidate.__dataclass_fields__}
    for key in ("grievances", "units"):
        fields[key] = tuple(fields.get(key) or ())
    fields["places"] = tuple(Place(**p) for p in fields.get("places") or ())
    fields["evidence"] = tuple(Evidence(**e) for e in fields.get("evidence") or ())
    return EventCandidate(**fields)


def extraction_from_json(data: dict[str, Any] | None) -> Extraction | None:
    """The inverse of ``extraction_to_json`` (JSON lists back to the dataclasses' tuples)."""
    if data is None:
        return None
    return Extraction(
        relevant=bool(data["relevant"]),
        score=float(data.get("score") or 0.0),
        events=tuple(_candidate(c) for c in data.get("events") or ()),
    )


def _load(store: Store, ids: Sequence[int]) -> list[Pending]:
    """The ``Pending`` objects of the claimed ``ids`` (read with ``load_pending``, which reads
    committed rows without waiting for our own row locks)."""
    want = set(ids)
    out: list[Pending] = []
    after, last = min(ids) - 1, max(ids)
    while want and after < last:
        page = load_pending(store, max(len(want), 100), after_id=after)
        if not page:
            break
        out += [p for p in page if p.report_id in want]
        want -= {p.report_id for p in page}
        after = page[-1].report_id
    return out


def claim_and_stage(
    store: Store,
    limit: int,
    codebook_version: str,
    extract: Callable[[list[Pending]], Sequence[Extraction | None]],
) -> int:
    """Claim up to ``limit`` pending, unstaged reports, extract them and stage the results.

    Returns how many were staged (0: nothing left to claim — everything pending is staged or
    being extracted by another worker). One transaction: the claim lasts exactly as long as the work.
    """
    staged_now = exists().where(
        and_(extraction_staging.c.report_id == reports.c.id, extraction_staging.c.version == reports.c.version)
    )
    with store.engine.begin() as conn:
        ids = [
            int(r[0])
            for r in conn.execute(
                select(reports.c.id)
                .where(_PENDING, ~staged_now)
                .order_by(reports.c.id)
                .limit(limit)
                .with_for_update(of=reports, skip_locked=True)
            )
        ]
        if ids:
            # The lock may have been won from a worker that staged these rows and committed while this SELECT
            # waited: PostgreSQL re-checks a locked row's own columns, not the staging table the filter reads,
            # so a fresh statement (a new snapshot under READ COMMITTED) drops what is staged by now.
            staged = {int(r[0]) for r in conn.execute(select(reports.c.id).where(reports.c.id.in_(ids), staged_now))}
            ids = [i for i in ids if i not in staged]
        if not ids:
            return 0
        pending = _load(store, ids)
        if not pending:
            return 0
        results = extract(pending)
        now = now_utc()
        conn.execute(
            delete(extraction_staging).where(extraction_staging.c.report_id.in_([p.report_id for p in pending]))
        )
        conn.execute(
            extraction_staging.insert(),
            [
                {
                    "report_id": p.report_id,
                    "version": p.version,
                    "codebook_version": codebook_version,
                    "result": extraction_to_json(ex),
                    "staged_at": now,
                }
                for p, ex in zip(pending, results, strict=True)
            ],
        )
    return len(pending)


@contextlib.contextmanager
def merge_lock(store: Store, wait: bool) -> Iterator[bool]:
    """Hold the merge lock for the ``with`` block; yields False (at once) when another process has it
    and ``wait`` is False. The lock belongs to a dedicated connection, so it dies with the process."""
    with store.engine.connect() as conn:
        if wait:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MERGE_LOCK})
            got = True
        else:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": MERGE_LOCK}).scalar())
        conn.commit()
        try:
            yield got
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MERGE_LOCK})
                conn.commit()


@dataclass(frozen=True, slots=True)
class _Staged:
    version: int
    codebook_version: str
    result: dict[str, Any] | None


def _staged(conn: Connection, ids: Sequence[int]) -> dict[int, _Staged]:
    rows = conn.execute(select(extraction_staging).where(extraction_staging.c.report_id.in_(ids)))
    return {int(r.report_id): _Staged(int(r.version), r.codebook_version, r.result) for r in rows}


def head_is_staged(store: Store) -> bool:
    """Is the first pending report (by id) staged, i.e. is there work for the merger right now?"""
    with store.engine.connect() as conn:
        first = conn.execute(
            select(reports.c.id, reports.c.version).where(_PENDING).order_by(reports.c.id).limit(1)
        ).first()
        if first is None:
            return False
        got = _staged(conn, [int(first.id)]).get(int(first.id))
    return got is not None and got.version == int(first.version)


def merge_staged(
    store: Store,
    limit: int,
    apply: Callable[[Store, list[tuple[Pending, Extraction | None]], str], int] = apply_batch,
) -> int:
    """Step 6 for the staged run at the head of the pending queue, ``limit`` reports per transaction.

    Call it holding ``merge_lock``. ``apply`` is ``store.events.apply_batch`` (the pipeline may bind
    options to it). Returns the number of event candidates stored.
    """
    stored = 0
    after = 0
    while True:
        pending = load_pending(store, limit, after_id=after)
        if not pending:
            break
        with store.engine.connect() as conn:
            staged = _staged(conn, [p.report_id for p in pending])
        run: list[tuple[Pending, Extraction | None]] = []
        version = ""
        for p in pending:
            got = staged.get(p.report_id)
            if got is None or got.version != p.version or (run and got.codebook_version != version):
                break
            version = got.codebook_version
            run.append((p, extraction_from_json(got.result)))
        if not run:
            break
        stored += apply(store, run, version)
        with store.engine.begin() as conn:
            # A kill just before this leaves staged rows of extracted reports: harmless (a row only
            # counts while its version is pending) and replaced when a newer version is claimed.
            conn.execute(
                delete(extraction_staging).where(extraction_staging.c.report_id.in_([p.report_id for p, _ in run]))
            )
        if len(run) < len(pending):
            break
        after = run[-1][0].report_id
    return stored
