"""Analyst decisions on events: confirm, reject, edit a field (with evidence), merge, split.

Input: an event id, the analyst's name and the change. Output: the changed rows and one
``audit_log`` entry per touched event, written in the SAME transaction (``review.audit``).
Every decision sets ``locked`` so pipeline reruns keep it; the merger also honours ``status``
and ``merged_into``.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from sitrep.review import audit
from sitrep.store.schema import event_facets, events, mentions, reports, sources
from sitrep.store.sql import Store

# The codebook's primary types (codebook.md §2); any other [a-z_] name is accepted for custom codebooks.
EVENT_TYPES = ("appeal", "refusal", "desertion", "protest", "abuse", "coercion")
GRIEVANCES = (
    "suicidal_orders",
    "no_training",
    "no_equipment",
    "casualties",
    "no_evacuation",
    "no_rotation",
    "pay",
    "coercion",
    "abuse",
    "medical",
)
EDITABLE = (
    "event_type",
    "grievances",
    "event_date",
    "date_precision",
    "units",
    "places",
    "admin1",
    "lat",
    "lon",
    "people_count",
    "count_low",
    "count_best",
    "count_high",
    "count_precision",
    "via",
)
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_DATE = re.compile(r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$")
MAX_VALUE_CHARS = 300  # one unit, place or outlet name; longer is a paste accident
MAX_LIST_ITEMS = 30


class ReviewError(ValueError):
    """A change that cannot be made (unknown event, bad value); the message says what to fix."""


@dataclass(frozen=True, slots=True)
class EvidenceChoice:
    """Text an analyst selected in one report to support a field."""

    report_id: int
    quote: str


def now_utc() -> datetime:
    return datetime.now(UTC)


def _split_list(raw: str) -> list[str]:
    items = [x.strip() for x in re.split(r"[,;\n]", raw) if x.strip()]
    if len(items) > MAX_LIST_ITEMS or any(len(x) > MAX_VALUE_CHARS for x in items):
        raise ReviewError(f"at most {MAX_LIST_ITEMS} items of {MAX_VALUE_CHARS} characters each")
    return list(dict.fromkeys(items))


def _int_or_none(raw: str, name: str) -> int | None:
    if not raw.strip():
        return None
    try:
        value = int(raw.strip())
    except ValueError as exc:
        raise ReviewError(f"{name} must be a whole number, got {raw[:40]!r}") from exc
    if not 0 <= value <= 10_000_000:
        raise ReviewError(f"{name} must be between 0 and 10,000,000")
    return value


def _coord(raw: str, name: str, bound: float) -> float | None:
    if not raw.strip():
        return None
    try:
        value = float(raw.strip())
    except ValueError as exc:
        raise ReviewError(f"{name} must be a number, got {raw[:40]!r}") from exc
    if not -bound <= value <= bound:
        raise ReviewError(f"{name} must be between -{bound} and {bound}")
    return value


def parse_value(field: str, raw: str, current: Any = None) -> Any:
    """The typed value of ``field`` from what an analyst or reader typed (raises ReviewError)."""
    raw = raw.strip()
    if field == "event_type":
        if not _NAME.match(raw):
            raise ReviewError(f"event_type must be one of {', '.join(EVENT_TYPES)}")
        return raw
    if field == "grievances":
        tags = _split_list(raw)
        bad = [t for t in tags if not _NAME.match(t)]
        if bad:
            raise ReviewError(f"grievance tags are lower-case names like {GRIEVANCES[0]}, not {bad[0][:40]!r}")
        return tags
    if field == "units":
        return _split_list(raw)
    if field == "places":  # keep coordinates of places that stay; new names come without
        known = {p.get("name"): p for p in (current or []) if isinstance(p, dict)}
        return [known.get(n, {"name": n, "role": "event"}) for n in _split_list(raw)]
    if field == "event_date":
        if raw and not _DATE.match(raw):
            raise ReviewError("event_date is an ISO date: 2023-07-02, 2023-07, 2023 or XXXX-07-02")
        if raw and len(raw) == 10 and not raw.startswith("X"):
            try:
                date.fromisoformat(raw)
            except ValueError as exc:
                raise ReviewError(f"{raw} is not a calendar date") from exc
        return raw or None
    if field == "date_precision":
        if raw not in ("", "day", "month", "year"):
            raise ReviewError("date_precision is day, month or year")
        return raw or None
    if field == "count_precision":
        if raw not in ("", "exact", "approximate"):
            raise ReviewError("count_precision is exact or approximate")
        return raw or None
    if field in ("people_count", "count_low", "count_best", "count_high"):
        return _int_or_none(raw, field)
    if field == "lat":
        return _coord(raw, field, 90.0)
    if field == "lon":
        return _coord(raw, field, 180.0)
    if field in ("via", "admin1"):
        if len(raw) > MAX_VALUE_CHARS:
            raise ReviewError(f"{field} is at most {MAX_VALUE_CHARS} characters")
        return raw or None
    raise ReviewError(f"{field[:40]!r} is not an editable field; editable: {', '.join(EDITABLE)}")


def _load(conn: Connection, event_id: str) -> Any:
    row = conn.execute(select(events).where(events.c.id == event_id).with_for_update()).first()
    if row is None:
        raise ReviewError(f"no event {event_id[:40]!r}")
    return row


def refresh_facets(conn: Connection, event_id: str) -> None:
    """Rewrite the event's facet rows (type, grievance, unit, place, admin1, channel, lang) from
    its fields and its reports, as the merger writes them."""
    ev = conn.execute(
        select(events.c.event_type, events.c.grievances, events.c.units, events.c.places).where(events.c.id == event_id)
    ).one()
    conn.execute(delete(event_facets).where(event_facets.c.event_id == event_id))
    values: set[tuple[str, str]] = {("type", ev.event_type)}
    values |= {("grievance", str(g)) for g in ev.grievances or []}
    values |= {("unit", str(u)) for u in ev.units or []}
    for p in ev.places or []:
        values.add(("place", str(p.get("name") if isinstance(p, dict) else p)))
        if isinstance(p, dict) and p.get("admin1"):
            values.add(("admin1", str(p["admin1"])))
    for handle, lang in conn.execute(
        select(sources.c.handle, reports.c.lang)
        .select_from(
            mentions.join(reports, reports.c.id == mentions.c.report_id).join(
                sources, sources.c.id == reports.c.source_id
            )
        )
        .where(mentions.c.event_id == event_id)
    ):
        values.add(("channel", str(handle)))
        if lang:
            values.add(("lang", str(lang)))
    rows = [{"event_id": event_id, "facet": f, "value": v[:512]} for f, v in sorted(values) if v]
    if rows:
        conn.execute(insert(event_facets), rows)


def _set_status(store: Store, event_id: str, actor: str, status: str, note: str | None) -> int:
    with store.engine.begin() as conn:
        ev = _load(conn, event_id)
        if ev.status == "merged":
            raise ReviewError(f"event {event_id} was merged into {ev.merged_into}; review that one")
        conn.execute(
            update(events).where(events.c.id == event_id).values(status=status, locked=True, updated_at=now_utc())
        )
        return audit(
            conn,
            event_id,
            actor,
            status if status != "confirmed" else "confirm",
            "status",
            ev.status,
            status,
            note,
        )


def confirm(store: Store, event_id: str, actor: str, note: str | None = None) -> int:
    """Mark the event confirmed (audited); returns the audit entry id."""
    return _set_status(store, event_id, actor, "confirmed", note)


def reject(store: Store, event_id: str, actor: str, note: str | None = None) -> int:
    """Mark the event rejected — not an event of the codebook (audited)."""
    return _set_status(store, event_id, actor, "rejected", note)


def edit_in(
    conn: Connection,
    event_id: str,
    actor: str,
    field: str,
    raw_value: str,
    evidence: EvidenceChoice | None = None,
    action: str = "update",
    note: str | None = None,
) -> int:
    """Change one field inside the caller's transaction (corrections reuse it); returns the audit id."""
    ev = _load(conn, event_id)
    if field not in EDITABLE:
        raise ReviewError(f"{field[:40]!r} is not an editable field; editable: {', '.join(EDITABLE)}")
    before = ev._mapping[field]
    value = parse_value(field, raw_value, before)
    if field == "event_type" and not value:
        raise ReviewError("event_type cannot be empty")
    conn.execute(
        update(events).where(events.c.id == event_id).values({field: value, "locked": True, "updated_at": now_utc()})
    )
    quote = None
    if evidence is not None and evidence.quote.strip():
        quote = _add_evidence(conn, event_id, field, evidence, actor)
    if field in ("event_type", "grievances", "units", "places"):
        refresh_facets(conn, event_id)
    parts = [p for p in (note, f"evidence: {quote}" if quote else None) if p]
    return audit(conn, event_id, actor, action, field, before, value, " | ".join(parts) or None)


def _add_evidence(conn: Connection, event_id: str, field: str, choice: EvidenceChoice, actor: str) -> str:
    row = conn.execute(
        select(mentions.c.id, mentions.c.evidence, reports.c.text)
        .select_from(mentions.join(reports, reports.c.id == mentions.c.report_id))
        .where(mentions.c.event_id == event_id, mentions.c.report_id == choice.report_id)
    ).first()
    if row is None:
        raise ReviewError(f"report {choice.report_id} is not a source of event {event_id}")
    quote = choice.quote.strip()[:2000]
    start = row.text.find(quote)
    if start < 0:  # selections across paragraphs come back with other white space
        collapsed = re.sub(r"\s+", " ", row.text)
        quote = re.sub(r"\s+", " ", quote)
        if collapsed.find(quote) < 0:
            raise ReviewError("the selected evidence is not in the report text; select it again")
        pattern = r"\s+".join(re.escape(w) for w in quote.split(" "))
        found = re.search(pattern, row.text)
        assert found is not None
        start, quote = found.start(), found.group(0)
    item = {"field": field, "text": quote, "start": start, "end": start + len(quote), "by": actor}
    conn.execute(update(mentions).where(mentions.c.id == row.id).values(evidence=[*(row.evidence or []), item]))
    return quote


def edit(
    store: Store,
    event_id: str,
    actor: str,
    field: str,
    raw_value: str,
    evidence: EvidenceChoice | None = None,
    note: str | None = None,
) -> int:
    """Change one field of an event, optionally adding the selected evidence (audited)."""
    with store.engine.begin() as conn:
        return edit_in(conn, event_id, actor, field, raw_value, evidence, note=note)


def _refresh_first_source(conn: Connection, event_id: str) -> None:
    rows = conn.execute(
        select(mentions.c.id, mentions.c.report_id, reports.c.published_at)
        .select_from(mentions.join(reports, reports.c.id == mentions.c.report_id))
        .where(mentions.c.event_id == event_id)
        .order_by(reports.c.published_at.is_(None), reports.c.published_at, reports.c.id)
    ).all()
    conn.execute(update(mentions).where(mentions.c.event_id == event_id).values(is_first_source=False))
    if rows:
        conn.execute(update(mentions).where(mentions.c.id == rows[0].id).values(is_first_source=True))
        conn.execute(
            update(events)
            .where(events.c.id == event_id)
            .values(first_report_id=rows[0].report_id, first_published_at=rows[0].published_at)
        )


def _snapshot(ev: Any) -> dict[str, Any]:
    return {k: ev._mapping[k] for k in ("status", "grievances", "units", "places", "merged_into")}


def merge(store: Store, source_id: str, target_id: str, actor: str, note: str | None = None) -> int:
    """Merge event ``source_id`` into ``target_id``: its reports move over, it becomes ``merged``.

    The target keeps its own fields and gains the source's grievances, units and places.
    Returns the target's audit entry id.
    """
    if source_id == target_id:
        raise ReviewError("an event cannot be merged into itself")
    with store.engine.begin() as conn:
        src = _load(conn, source_id)
        dst = _load(conn, target_id)
        if src.status == "merged" or dst.status == "merged":
            raise ReviewError("merge into the event that survived, not a merged one")
        now = now_utc()
        names = {p.get("name") for p in dst.places or [] if isinstance(p, dict)}
        places = [
            *(dst.places or []),
            *[p for p in src.places or [] if isinstance(p, dict) and p.get("name") not in names],
        ]
        values = {
            "grievances": list(dict.fromkeys([*(dst.grievances or []), *(src.grievances or [])])),
            "units": list(dict.fromkeys([*(dst.units or []), *(src.units or [])])),
            "places": places,
            "locked": True,
            "updated_at": now,
        }
        conn.execute(update(mentions).where(mentions.c.event_id == source_id).values(event_id=target_id))
        conn.execute(update(events).where(events.c.merged_into == source_id).values(merged_into=target_id))
        conn.execute(
            update(events)
            .where(events.c.id == source_id)
            .values(status="merged", merged_into=target_id, locked=True, updated_at=now)
        )
        conn.execute(update(events).where(events.c.id == target_id).values(values))
        _refresh_first_source(conn, target_id)
        refresh_facets(conn, target_id)
        audit(conn, source_id, actor, "merge", "merged_into", _snapshot(src), {"merged_into": target_id}, note)
        after = _snapshot(_load(conn, target_id))
        return audit(conn, target_id, actor, "merge", None, _snapshot(dst), after, f"merged {source_id}")


def split(store: Store, event_id: str, mention_ids: list[int], actor: str, note: str | None = None) -> str:
    """Move the given mentions of ``event_id`` to a new event (same fields, status new); returns its id."""
    with store.engine.begin() as conn:
        ev = _load(conn, event_id)
        if ev.status == "merged":
            raise ReviewError(f"event {event_id} was merged into {ev.merged_into}; split that one")
        mine = {int(i) for (i,) in conn.execute(select(mentions.c.id).where(mentions.c.event_id == event_id))}
        moving = sorted(set(mention_ids) & mine)
        if not moving or len(moving) != len(set(mention_ids)):
            raise ReviewError("choose reports of this event to move")
        if len(moving) == len(mine):
            raise ReviewError("at least one report must stay with the event")
        new_id = "ev" + uuid.uuid4().hex[:20]
        now = now_utc()
        row = {k: v for k, v in ev._mapping.items() if k not in ("id",)}
        row.update(id=new_id, status="new", locked=True, merged_into=None, created_at=now, updated_at=now)
        conn.execute(insert(events).values(row))
        conn.execute(update(mentions).where(mentions.c.id.in_(moving)).values(event_id=new_id))
        for eid in (event_id, new_id):
            _refresh_first_source(conn, eid)
            refresh_facets(conn, eid)
        conn.execute(update(events).where(events.c.id == event_id).values(locked=True, updated_at=now))
        audit(conn, event_id, actor, "split", "mentions", {"moved": moving}, {"new_event": new_id}, note)
        audit(conn, new_id, actor, "split", "mentions", {"from_event": event_id}, {"mentions": moving}, note)
        return new_id
