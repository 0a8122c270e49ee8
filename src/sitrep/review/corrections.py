"""Reader corrections: a suggestion (quoted text + comment, optionally field → new value) is
stored for analysts; accepting it changes the event through the audited edit path.

Input: what a reader selected and typed, a hashed client key. Output: ``corrections`` rows;
on acceptance the event row, an ``audit_log`` entry and the decision, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, insert, select, update

from sitrep.review import audit
from sitrep.review.events import EDITABLE, ReviewError, edit_in, now_utc
from sitrep.store.schema import corrections, events
from sitrep.store.sql import Store

# Size limits: a quote is a sentence or a paragraph; a comment a few paragraphs. Bigger bodies
# are refused rather than cut, so nothing a reader sent is silently lost.
MAX_QUOTE = 2000
MAX_COMMENT = 4000
MAX_NEW_VALUE = 1000
# Per-client limits: a careful reader sends a handful per session; these stop floods without
# getting in a human's way (10 in ten minutes, 50 a day).
BURST = (10, timedelta(minutes=10))
DAILY = (50, timedelta(days=1))


class RateLimited(Exception):
    """Too many corrections from one client; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many corrections; try again in {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Suggestion:
    event_id: str
    quote: str
    comment: str = ""
    field: str | None = None
    new_value: str | None = None


def _check(s: Suggestion) -> None:
    if not s.quote.strip() and not s.comment.strip():
        raise ReviewError("select the text to correct or write a comment")
    if len(s.quote) > MAX_QUOTE or len(s.comment) > MAX_COMMENT or len(s.new_value or "") > MAX_NEW_VALUE:
        raise ReviewError(f"too long: quote ≤ {MAX_QUOTE}, comment ≤ {MAX_COMMENT}, value ≤ {MAX_NEW_VALUE} characters")
    if s.field and s.field not in EDITABLE:
        raise ReviewError(f"{s.field[:40]!r} is not a field; choose one of {', '.join(EDITABLE)} or none")


def submit(store: Store, s: Suggestion, client_key: str, submitted_by: str | None = None) -> int:
    """Store a suggestion after the size and rate checks; returns its id."""
    _check(s)
    now = now_utc()
    with store.engine.begin() as conn:
        if conn.execute(select(events.c.id).where(events.c.id == s.event_id)).first() is None:
            raise ReviewError(f"no event {s.event_id[:40]!r}")
        for limit, window in (BURST, DAILY):
            n, oldest = conn.execute(
                select(func.count(), func.min(corrections.c.created_at)).where(
                    corrections.c.client_key == client_key, corrections.c.created_at >= now - window
                )
            ).one()
            if int(n) >= limit:
                oldest_dt = (
                    oldest
                    if getattr(oldest, "tzinfo", None)
                    else (oldest.replace(tzinfo=now.tzinfo) if oldest else now)
                )
                raise RateLimited(max(1, int((oldest_dt + window - now).total_seconds())))
        old_value = None
        if s.field:
            cur = conn.execute(select(events.c[s.field]).where(events.c.id == s.event_id)).scalar()
            old_value = None if cur is None else str(cur)[:MAX_NEW_VALUE]
        result = conn.execute(
            insert(corrections).values(
                event_id=s.event_id,
                field=s.field or None,
                old_value=old_value,
                new_value=s.new_value or None,
                quote=s.quote.strip(),
                comment=s.comment.strip() or None,
                client_key=client_key,
                submitted_by=submitted_by,
                created_at=now,
                status="pending",
            )
        )
        pk = result.inserted_primary_key
        return int(pk[0]) if pk else 0


def accept(store: Store, correction_id: int, actor: str, field: str | None = None, new_value: str | None = None) -> int:
    """Accept a correction: apply field → value (the analyst may override both) through the
    audited edit path, or log it as a note when it names no field. Returns the audit entry id."""
    with store.engine.begin() as conn:
        c = conn.execute(select(corrections).where(corrections.c.id == correction_id).with_for_update()).first()
        if c is None:
            raise ReviewError(f"no correction {correction_id}")
        if c.status != "pending":
            raise ReviewError(f"correction {correction_id} was already {c.status}")
        field = field or c.field
        value = new_value if new_value is not None else c.new_value
        note = f"reader correction #{correction_id}: {(c.comment or '')[:500]} | quote: {c.quote[:500]}"
        if field and value is not None:
            audit_id = edit_in(conn, c.event_id, actor, field, value, action="correction", note=note)
        else:
            audit_id = audit(conn, c.event_id, actor, "correction", None, None, None, note)
        conn.execute(
            update(corrections)
            .where(corrections.c.id == correction_id)
            .values(
                status="accepted",
                decided_by=actor,
                decided_at=now_utc(),
                audit_id=audit_id,
                field=field,
                new_value=value,
            )
        )
        return audit_id


def decline(store: Store, correction_id: int, actor: str) -> None:
    """Reject a correction (kept, marked rejected; the event is unchanged)."""
    with store.engine.begin() as conn:
        c = conn.execute(select(corrections.c.status).where(corrections.c.id == correction_id)).first()
        if c is None:
            raise ReviewError(f"no correction {correction_id}")
        if c.status != "pending":
            raise ReviewError(f"correction {correction_id} was already {c.status}")
        conn.execute(
            update(corrections)
            .where(corrections.c.id == correction_id)
            .values(status="rejected", decided_by=actor, decided_at=now_utc())
        )
