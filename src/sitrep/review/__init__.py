"""Review: every change to an event goes through here and writes the audit log in the same
transaction (analyst edits, accepted corrections, merges, splits, pipeline reruns).

Input: the change (who, what, before, after). Output: the updated event row and an
``audit_log`` row, committed together.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from sitrep.store.schema import audit_log


def audit(
    conn: Connection,
    event_id: str,
    actor: str,
    action: str,
    field: str | None = None,
    before: Any = None,
    after: Any = None,
    note: str | None = None,
) -> int:
    """Write one audit entry on ``conn`` (the caller's transaction) and return its id."""
    result = conn.execute(
        insert(audit_log).values(
            event_id=event_id,
            actor=actor,
            action=action,
            field=field,
            before=before,
            after=after,
            note=note,
            at=datetime.now(UTC),
        )
    )
    pk = result.inserted_primary_key
    return int(pk[0]) if pk else 0
