"""Store functions of continuous collection: channel cursors and health, deletions, the resolved-peer
cache, HTTP conditional-request state, alert rules and deliveries.

Input: what the watcher, feed poller and alert checker observed. Output: rows in ``sources``,
``reports.deleted_at``, ``telegram_peers``, ``telegram_album_ids``, ``http_state``, ``alert_rules``,
``alert_deliveries``.
Nothing is ever deleted: a deleted post keeps its row and versions, with ``deleted_at`` set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, update

from sitrep.models import SourceRef
from sitrep.store.schema import (
    alert_deliveries,
    alert_rules,
    event_facets,
    events,
    http_state,
    mentions,
    reports,
    sources,
    telegram_album_ids,
    telegram_peers,
)
from sitrep.store.sql import Store, _utc, now_utc

# --- sources: cursor and health --------------------------------------------------------------


def get_cursor(store: Store, ref: SourceRef) -> str | None:
    """The cursor saved for a source (last stored message id, or feed state), or None."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(sources.c.cursor).where(sources.c.kind == ref.kind, sources.c.handle == ref.handle)
        ).first()
    return None if row is None else row.cursor


def record_success(store: Store, ref: SourceRef, cursor: str | None = None) -> None:
    """A collection step of ``ref`` succeeded; the cursor only moves forward (numeric cursors)."""
    with store.engine.begin() as conn:
        sid = store.source_id(conn, ref)
        values: dict[str, Any] = {"last_success_at": now_utc()}
        if cursor is not None:
            current = conn.execute(select(sources.c.cursor).where(sources.c.id == sid)).scalar_one()
            if not (current and current.isdigit() and cursor.isdigit() and int(current) >= int(cursor)):
                values["cursor"] = cursor
        conn.execute(update(sources).where(sources.c.id == sid).values(**values))


def record_error(store: Store, ref: SourceRef, error: str) -> None:
    """Remember the last collection error of ``ref`` (shown by ``sitrep sources``)."""
    with store.engine.begin() as conn:
        sid = store.source_id(conn, ref)
        conn.execute(
            update(sources).where(sources.c.id == sid).values(last_error=error[:2000], last_error_at=now_utc())
        )


def watched_sources(store: Store, kind: str) -> list[str]:
    """Handles of the sources of one kind (channels added with ``sitrep channels add``)."""
    with store.engine.connect() as conn:
        return [
            r.handle
            for r in conn.execute(select(sources.c.handle).where(sources.c.kind == kind).order_by(sources.c.handle))
        ]


def add_source(store: Store, ref: SourceRef) -> int:
    with store.engine.begin() as conn:
        return store.source_id(conn, ref)


def remove_source(store: Store, ref: SourceRef) -> bool:
    """Stop following a channel: its reports are kept, the channel is renamed out of the watch list.

    The ``sources`` row cannot go (reports point at it); its kind becomes ``<kind>:stopped``.
    """
    with store.engine.begin() as conn:
        result = conn.execute(
            update(sources)
            .where(sources.c.kind == ref.kind, sources.c.handle == ref.handle)
            .values(kind=f"{ref.kind}:stopped")
        )
    store._source_ids.pop((ref.kind, ref.handle), None)
    return bool(result.rowcount)


def mark_deleted(store: Store, ref: SourceRef, external_ids: Iterable[str], at: datetime | None = None) -> int:
    """Set ``deleted_at`` on reports that vanished from their channel; returns how many changed.

    The first time a deletion is noticed wins: noticing it again does not move the time.
    """
    ids = list(external_ids)
    if not ids:
        return 0
    when = _utc(at) or now_utc()
    changed = 0
    with store.engine.begin() as conn:
        sid = store.source_id(conn, ref)
        for start in range(0, len(ids), 500):
            result = conn.execute(
                update(reports)
                .where(
                    reports.c.source_id == sid,
                    reports.c.external_id.in_(ids[start : start + 500]),
                    reports.c.deleted_at.is_(None),
                )
                .values(deleted_at=when)
            )
            changed += result.rowcount
    return changed


# --- albums and the restart re-check -----------------------------------------------------------


def record_album_members(store: Store, ref: SourceRef, albums: dict[str, list[int]]) -> None:
    """Remember which message ids belong to the album stored as report ``external_id`` (the key).

    ``sitrep sources`` does not count those ids as missing, and the restart re-check fetches them.
    """
    albums = {k: v for k, v in albums.items() if v}
    if not albums:
        return
    with store.engine.begin() as conn:
        sid = store.source_id(conn, ref)
        ids = {
            r.external_id: int(r.id)
            for r in conn.execute(
                select(reports.c.id, reports.c.external_id).where(
                    reports.c.source_id == sid, reports.c.external_id.in_(list(albums))
                )
            )
        }
        rows = [
            {"source_id": sid, "message_id": m, "report_id": ids[key]}
            for key, members in albums.items()
            if key in ids
            for m in members
            if str(m) != key
        ]
        if rows:
            conn.execute(store._insert_ignore(telegram_album_ids), rows)


def recent_messages(store: Store, ref: SourceRef, limit: int) -> dict[str, list[int]]:
    """The newest ``limit`` stored, not deleted posts of a channel: external id → every message id
    of the post (one, or the album's members), for the restart re-check."""
    with store.engine.connect() as conn:
        sid = store.source_id(conn, ref)
        rows = conn.execute(
            select(reports.c.id, reports.c.external_id)
            .where(reports.c.source_id == sid, reports.c.deleted_at.is_(None))
            .order_by(reports.c.id.desc())
            .limit(limit)
        ).all()
        out = {r.external_id: [int(r.external_id)] for r in rows if r.external_id.isdigit()}
        by_id = {int(r.id): r.external_id for r in rows if r.external_id.isdigit()}
        if by_id:
            members = select(telegram_album_ids.c.report_id, telegram_album_ids.c.message_id)
            for m in conn.execute(members.where(telegram_album_ids.c.report_id.in_(list(by_id)))):
                out[by_id[int(m.report_id)]].append(int(m.message_id))
    return out


# --- resolved Telegram peers ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Peer:
    """A resolved channel: what Telethon needs to address it without resolving the name again."""

    handle: str
    channel_id: int
    access_hash: int | None
    username: str | None
    title: str | None


def get_peer(store: Store, handle: str) -> Peer | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(telegram_peers).where(telegram_peers.c.handle == handle)).first()
    return None if row is None else Peer(row.handle, row.channel_id, row.access_hash, row.username, row.title)


def peer_by_channel_id(store: Store, channel_id: int) -> Peer | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(telegram_peers).where(telegram_peers.c.channel_id == channel_id)).first()
    return None if row is None else Peer(row.handle, row.channel_id, row.access_hash, row.username, row.title)


def save_peer(store: Store, peer: Peer) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            store._insert_ignore(telegram_peers).values(
                handle=peer.handle,
                channel_id=peer.channel_id,
                access_hash=peer.access_hash,
                username=peer.username,
                title=peer.title,
                resolved_at=now_utc(),
            )
        )
        conn.execute(
            update(telegram_peers)
            .where(telegram_peers.c.handle == peer.handle)
            .values(
                channel_id=peer.channel_id,
                access_hash=peer.access_hash,
                username=peer.username,
                title=peer.title,
                resolved_at=now_utc(),
            )
        )


# --- HTTP conditional requests -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HttpState:
    url: str
    etag: str | None
    last_modified: str | None
    entry_updated: str | None
    content_sha256: str | None
    checked_at: datetime | None
    status: int | None


def get_http_state(store: Store, url: str) -> HttpState | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(http_state).where(http_state.c.url == url)).first()
    if row is None:
        return None
    return HttpState(
        row.url, row.etag, row.last_modified, row.entry_updated, row.content_sha256, _utc(row.checked_at), row.status
    )


def save_http_state(store: Store, state: HttpState) -> None:
    values = {
        "etag": state.etag,
        "last_modified": state.last_modified,
        "entry_updated": state.entry_updated,
        "content_sha256": state.content_sha256,
        "checked_at": _utc(state.checked_at) or now_utc(),
        "status": state.status,
    }
    with store.engine.begin() as conn:
        conn.execute(store._insert_ignore(http_state).values(url=state.url, **values))
        conn.execute(update(http_state).where(http_state.c.url == state.url).values(**values))


# --- alerts ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AlertRule:
    id: int
    name: str
    on_kind: str  # report | event
    query: str | None
    filters: dict[str, str]
    webhook_url: str | None
    telegram_chat_id: str | None
    active: bool
    watermark_at: datetime


def _rule(row: Any) -> AlertRule:
    return AlertRule(
        row.id,
        row.name,
        row.on_kind,
        row.query,
        dict(row.filters or {}),
        row.webhook_url,
        row.telegram_chat_id,
        bool(row.active),
        _utc(row.watermark_at) or now_utc(),
    )


def add_rule(
    store: Store,
    name: str,
    on_kind: str,
    query: str | None,
    filters: dict[str, str],
    webhook_url: str | None,
    telegram_chat_id: str | None,
    since: datetime | None = None,
) -> int:
    now = now_utc()
    with store.engine.begin() as conn:
        result = conn.execute(
            alert_rules.insert().values(
                name=name,
                on_kind=on_kind,
                query=query,
                filters=filters,
                webhook_url=webhook_url,
                telegram_chat_id=telegram_chat_id,
                active=True,
                created_at=now,
                watermark_at=_utc(since) or now,
            )
        )
        pk = result.inserted_primary_key
        return int(pk[0]) if pk else 0


def list_rules(store: Store, active_only: bool = False) -> list[AlertRule]:
    q = select(alert_rules).order_by(alert_rules.c.id)
    if active_only:
        q = q.where(alert_rules.c.active.is_(True))
    with store.engine.connect() as conn:
        return [_rule(r) for r in conn.execute(q)]


def set_rule_active(store: Store, name: str, active: bool) -> bool:
    with store.engine.begin() as conn:
        result = conn.execute(update(alert_rules).where(alert_rules.c.name == name).values(active=active))
    return bool(result.rowcount)


@dataclass(frozen=True, slots=True)
class ReportRow:
    """The fields an alert rule is matched against and a notification shows."""

    id: int
    channel: str
    channel_title: str | None
    external_id: str
    url: str | None
    published_at: datetime | None
    text: str
    search_body: str
    first_seen_at: datetime | None = None


_REPORT_COLS = (
    reports.c.id,
    sources.c.handle,
    sources.c.title,
    reports.c.external_id,
    reports.c.url,
    reports.c.published_at,
    reports.c.text,
    reports.c.search_body,
    reports.c.first_seen_at,
)


def reports_since(store: Store, after: datetime, limit: int = 1000) -> list[ReportRow]:
    """Reports first seen after ``after`` (oldest first), not deleted."""
    q = (
        select(*_REPORT_COLS)
        .join(sources, sources.c.id == reports.c.source_id)
        .where(reports.c.first_seen_at > _utc(after), reports.c.deleted_at.is_(None))
        .order_by(reports.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [ReportRow(*r) for r in conn.execute(q)]


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    event_type: str
    event_date: str | None
    facets: dict[str, set[str]]  # facet → values (event_type, grievance, unit, place, channel ...)
    reports: list[ReportRow]
    created_at: datetime | None = None


def events_since(store: Store, after: datetime, limit: int = 500) -> list[EventRow]:
    """Events created after ``after`` (not merged away), with their facets and reports."""
    return _events(store, and_(events.c.created_at > _utc(after), events.c.status != "merged"), limit)


def event_by_id(store: Store, event_id: str) -> EventRow | None:
    found = _events(store, events.c.id == event_id, 1)
    return found[0] if found else None


def _events(store: Store, where: Any, limit: int) -> list[EventRow]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(events).where(where).order_by(events.c.created_at).limit(limit)).all()
        out = []
        for ev in rows:
            facets: dict[str, set[str]] = {"event_type": {ev.event_type}}
            facets.setdefault("grievance", set()).update(str(g) for g in ev.grievances or [])
            facets.setdefault("unit", set()).update(str(u) for u in ev.units or [])
            for place in ev.places or []:
                name = place.get("name") if isinstance(place, dict) else place
                if name:
                    facets.setdefault("place", set()).add(str(name))
            if ev.admin1:
                facets.setdefault("place", set()).add(str(ev.admin1))
            for f in conn.execute(
                select(event_facets.c.facet, event_facets.c.value).where(event_facets.c.event_id == ev.id)
            ):
                facets.setdefault(f.facet, set()).add(f.value)
            reps = [
                ReportRow(*r)
                for r in conn.execute(
                    select(*_REPORT_COLS)
                    .join(mentions, and_(mentions.c.report_id == reports.c.id, mentions.c.event_id == ev.id))
                    .join(sources, sources.c.id == reports.c.source_id)
                    .order_by(reports.c.published_at)
                )
            ]
            facets["channel"] = {r.channel for r in reps} | {r.channel_title for r in reps if r.channel_title}
            out.append(EventRow(ev.id, ev.event_type, ev.event_date, facets, reps, _utc(ev.created_at)))
    return out


def move_watermark(store: Store, rule_id: int, to: datetime) -> None:
    """Move a rule's watermark forward (never back)."""
    with store.engine.begin() as conn:
        conn.execute(
            update(alert_rules)
            .where(alert_rules.c.id == rule_id, alert_rules.c.watermark_at < _utc(to))
            .values(watermark_at=_utc(to))
        )


def claim_delivery(store: Store, rule_id: int, item_kind: str, item_id: str, channel: str) -> int | None:
    """Create the delivery row for (rule, item, channel); returns its id, or None when it existed.

    The unique key is what makes each alert go out once, even with several workers checking.
    """
    with store.engine.begin() as conn:
        result = conn.execute(
            store._insert_ignore(alert_deliveries)
            .values(
                rule_id=rule_id,
                item_kind=item_kind,
                item_id=item_id,
                channel=channel,
                status="pending",
                attempts=0,
                created_at=now_utc(),
            )
            .returning(alert_deliveries.c.id)
        )
        row = result.first()
    return None if row is None else int(row[0])


def pending_deliveries(store: Store, max_attempts: int) -> list[tuple[int, int, str, str, str]]:
    """(delivery id, rule id, item kind, item id, channel) of deliveries still to be sent."""
    with store.engine.connect() as conn:
        return [
            (r.id, r.rule_id, r.item_kind, r.item_id, r.channel)
            for r in conn.execute(
                select(alert_deliveries)
                .where(alert_deliveries.c.status == "pending", alert_deliveries.c.attempts < max_attempts)
                .order_by(alert_deliveries.c.id)
            )
        ]


def finish_delivery(store: Store, delivery_id: int, ok: bool, error: str | None, give_up: bool) -> None:
    values: dict[str, Any] = {"attempts": alert_deliveries.c.attempts + 1, "last_error": error}
    if ok:
        values.update(status="sent", sent_at=now_utc(), last_error=None)
    elif give_up:
        values["status"] = "failed"
    with store.engine.begin() as conn:
        conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery_id).values(**values))


def delivery_attempts(store: Store, delivery_id: int) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(select(alert_deliveries.c.attempts).where(alert_deliveries.c.id == delivery_id)).scalar_one()
        )


def delivery_counts(store: Store) -> dict[str, int]:
    from sqlalchemy import func

    with store.engine.connect() as conn:
        return {
            r[0]: int(r[1])
            for r in conn.execute(select(alert_deliveries.c.status, func.count()).group_by(alert_deliveries.c.status))
        }


def report_by_id(store: Store, report_id: int) -> ReportRow | None:
    with store.engine.connect() as conn:
        row = conn.execute(
            select(*_REPORT_COLS).join(sources, sources.c.id == reports.c.source_id).where(reports.c.id == report_id)
        ).first()
    return None if row is None else ReportRow(*row)
