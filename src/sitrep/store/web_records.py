"""Named read queries for the record pages: one event (mentions, versions, audit, corrections,
related events), raw items, channels, the review queues and the home page counts.

Input: an id (or nothing). Output: frozen dataclasses; ids reach SQL as bound parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, literal_column, select

from sitrep.store.event_reads import candidate_type
from sitrep.store.queries import SourceHealth, source_health
from sitrep.store.schema import (
    audit_log,
    corrections,
    event_facets,
    events,
    mentions,
    raw_items,
    report_versions,
    reports,
    sources,
)
from sitrep.store.sql import Store
from sitrep.store.web_queries import STATUSES, EventSummary, _order, _summary, _summary_select


@dataclass(frozen=True, slots=True)
class VersionView:
    version: int
    text: str
    edited_at: datetime | None
    seen_at: datetime
    raw_sha256: str


@dataclass(frozen=True, slots=True)
class MentionView:
    id: int
    report_id: int
    is_first_source: bool
    evidence: list[dict[str, Any]]
    people_count: int | None
    channel_id: int
    channel: str
    channel_title: str | None
    url: str | None
    published_at: datetime | None
    lang: str | None
    text: str
    raw_sha256: str
    version: int
    deleted_at: datetime | None
    versions: list[VersionView]
    event_type: str | None = None  # the type this report gave; an event's reports may disagree


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    actor: str
    action: str
    field: str | None
    before: Any
    after: Any
    note: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class CorrectionView:
    id: int
    event_id: str
    field: str | None
    old_value: str | None
    new_value: str | None
    quote: str
    comment: str | None
    submitted_by: str | None
    created_at: datetime
    status: str
    decided_by: str | None
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventSummary
    count_best: int | None
    count_precision: str | None
    merged_into: str | None
    codebook_version: str
    created_at: datetime
    updated_at: datetime
    mentions: list[MentionView]
    count_range: tuple[int, int] | None  # lowest and highest count across the reports
    audit: list[AuditEntry]
    corrections: list[CorrectionView]
    related: list[EventSummary]
    merged_here: list[str] = field(default_factory=list)


# (connection, facet, value, limit) -> newest events with that unit or place: [(id, date or "")]
SharingLookup = Callable[[Any, str, str, int], list[tuple[str, str]]]


# -- one event ------------------------------------------------------------------------------
def event_detail(store: Store, event_id: str, sharing: SharingLookup | None = None) -> EventDetail | None:
    """Everything the event page shows: fields, mentions with versions, audit, corrections, related.

    ``sharing`` finds the newest events with a given unit or place (default ``newest_sharing``);
    the web app passes a cached one, as many events share the same few units and places.
    """
    with store.engine.connect() as conn:
        row = conn.execute(_summary_select().where(events.c.id == event_id)).first()
        if row is None:
            return None
        ev = _summary(row)
        m = row._mapping
        ment_rows = conn.execute(
            select(
                mentions.c.id,
                mentions.c.report_id,
                mentions.c.is_first_source,
                mentions.c.evidence,
                mentions.c.people_count,
                mentions.c.candidate,
                sources.c.id.label("sid"),
                sources.c.handle,
                sources.c.title,
                reports.c.url,
                reports.c.published_at,
                reports.c.lang,
                reports.c.text,
                reports.c.raw_sha256,
                reports.c.version,
                reports.c.deleted_at,
            )
            .select_from(
                mentions.join(reports, reports.c.id == mentions.c.report_id).join(
                    sources, sources.c.id == reports.c.source_id
                )
            )
            .where(mentions.c.event_id == event_id)
            .order_by(mentions.c.is_first_source.desc(), reports.c.published_at, mentions.c.id)
            .limit(500)
        ).all()
        report_ids = [int(r.report_id) for r in ment_rows]
        versions: dict[int, list[VersionView]] = {}
        if report_ids:
            for v in conn.execute(
                select(report_versions)
                .where(report_versions.c.report_id.in_(report_ids))
                .order_by(report_versions.c.report_id, report_versions.c.version)
            ):
                versions.setdefault(int(v.report_id), []).append(
                    VersionView(int(v.version), v.text, v.edited_at, v.seen_at, v.raw_sha256)
                )
        ments = [
            MentionView(
                int(r.id),
                int(r.report_id),
                bool(r.is_first_source),
                list(r.evidence or []),
                r.people_count,
                int(r.sid),
                r.handle,
                r.title,
                r.url,
                r.published_at,
                r.lang,
                r.text,
                r.raw_sha256,
                int(r.version),
                r.deleted_at,
                versions.get(int(r.report_id), []),
                candidate_type(r.candidate),
            )
            for r in ment_rows
        ]
        counts = [x.people_count for x in ments if x.people_count is not None]
        audit = [
            AuditEntry(int(a.id), a.actor, a.action, a.field, a.before, a.after, a.note, a.at)
            for a in conn.execute(
                select(audit_log)
                .where(audit_log.c.event_id == event_id)
                .order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
                .limit(500)
            )
        ]
        corr = [
            _correction(c)
            for c in conn.execute(
                select(corrections).where(corrections.c.event_id == event_id).order_by(corrections.c.id.desc())
            )
        ]
        merged_here = [str(x) for (x,) in conn.execute(select(events.c.id).where(events.c.merged_into == event_id))]
        related = _related(conn, event_id, sharing or newest_sharing)
    return EventDetail(
        ev,
        m["count_best"],
        m["count_precision"],
        m["merged_into"],
        m["codebook_version"],
        m["created_at"],
        m["updated_at"],
        ments,
        (min(counts), max(counts)) if counts else None,
        audit,
        corr,
        related,
        merged_here,
    )


def newest_sharing(conn: Any, facet: str, value: str, limit: int) -> list[tuple[str, str]]:
    """The newest ``limit`` unmerged events whose ``facet`` (unit, place) has ``value``: (id, date or "")."""
    ids = select(event_facets.c.event_id).where(event_facets.c.facet == facet, event_facets.c.value == value)
    return [
        (str(eid), day or "")
        for eid, day in conn.execute(
            select(events.c.id, events.c.event_date)
            .where(events.c.id.in_(ids), events.c.status != "merged")
            .order_by(*_order("date"))
            .limit(limit)
        )
    ]


def _related(conn: Any, event_id: str, sharing: SharingLookup, limit: int = 10) -> list[EventSummary]:
    """Events sharing a unit or a place with this one."""
    mine = select(event_facets.c.facet, event_facets.c.value).where(
        event_facets.c.event_id == event_id, event_facets.c.facet.in_(("unit", "place"))
    )
    pairs = [(f, v) for f, v in conn.execute(mine)]
    if not pairs:
        return []
    # Per shared value, the newest few events (an indexed lookup each; an OR over all pairs
    # made SQLite scan every facet row), then the newest ``limit`` of those. One more than
    # ``limit`` is asked for, as this event itself may be among them.
    found: dict[str, str] = {}
    for f, v in pairs[:12]:
        for eid, day in sharing(conn, f, v, limit + 1):
            if eid != event_id:
                found[eid] = day
    top = sorted(found, key=lambda e: (found[e], e), reverse=True)[:limit]
    if not top:
        return []
    rows = {r.id: r for r in conn.execute(_summary_select().where(events.c.id.in_(top)))}
    return [_summary(rows[e]) for e in top if e in rows]


def _correction(c: Any) -> CorrectionView:
    return CorrectionView(
        int(c.id),
        c.event_id,
        c.field,
        c.old_value,
        c.new_value,
        c.quote,
        c.comment,
        c.submitted_by,
        c.created_at,
        c.status,
        c.decided_by,
        c.decided_at,
    )


@dataclass(frozen=True, slots=True)
class RawBlob:
    sha256: str
    media_type: str
    content: bytes
    origin: str
    fetched_at: datetime


def raw_item(store: Store, sha256: str) -> RawBlob | None:
    """The archived raw item with this SHA-256, bytes as fetched."""
    with store.engine.connect() as conn:
        r = conn.execute(select(raw_items).where(raw_items.c.sha256 == sha256)).first()
    if r is None:
        return None
    return RawBlob(r.sha256, r.media_type, bytes(r.content), r.origin, r.fetched_at)


# -- channels -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReportRow:
    id: int
    external_id: str
    url: str | None
    published_at: datetime | None
    lang: str | None
    text: str
    version: int
    deleted_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChannelPage:
    health: SourceHealth
    per_month: list[tuple[str, int]]
    recent: list[ReportRow]
    events: int


def channel_page(store: Store, source_id: int, recent: int = 20) -> ChannelPage | None:
    """A channel's health, reports per month, newest reports and how many events it supports."""
    health = source_health(store, source_id)
    if not health:
        return None
    month = (
        func.strftime("%Y-%m", reports.c.published_at)
        if store.is_sqlite
        else func.to_char(reports.c.published_at, literal_column("'YYYY-MM'"))
    )
    with store.engine.connect() as conn:
        per_month = [
            (str(mo), int(n))
            for mo, n in conn.execute(
                select(month, func.count())
                .where(reports.c.source_id == source_id, reports.c.published_at.is_not(None))
                .group_by(month)
                .order_by(month)
            )
        ]
        rows = conn.execute(
            select(
                reports.c.id,
                reports.c.external_id,
                reports.c.url,
                reports.c.published_at,
                reports.c.lang,
                func.substr(reports.c.text, 1, 600),
                reports.c.version,
                reports.c.deleted_at,
            )
            .where(reports.c.source_id == source_id)
            .order_by(reports.c.published_at.desc(), reports.c.id.desc())
            .limit(recent)
        ).all()
        n_events = int(
            conn.execute(
                select(func.count(func.distinct(mentions.c.event_id)))
                .select_from(mentions.join(reports, reports.c.id == mentions.c.report_id))
                .where(reports.c.source_id == source_id)
            ).scalar_one()
        )
    return ChannelPage(
        health[0],
        per_month,
        [ReportRow(int(r[0]), r[1], r[2], r[3], r[4], r[5], int(r[6]), r[7]) for r in rows],
        n_events,
    )


def channels(store: Store) -> list[SourceHealth]:
    """Every channel/site with its health (the channel index page)."""
    return source_health(store)


# -- review -----------------------------------------------------------------------------------
def review_queue(store: Store, limit: int = 50, offset: int = 0) -> tuple[list[EventSummary], int]:
    """New events waiting for an analyst, most confident first; and how many there are."""
    where = events.c.status == "new"
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(events).where(where)).scalar_one())
        rows = conn.execute(
            _summary_select()
            .where(where)
            .order_by(events.c.confidence.desc(), events.c.first_published_at, events.c.id)
            .limit(limit)
            .offset(offset)
        ).all()
    return [_summary(r) for r in rows], total


def correction_queue(store: Store, status: str = "pending", limit: int = 100) -> list[CorrectionView]:
    """Reader corrections with ``status`` (pending first in, first shown)."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(corrections)
            .where(corrections.c.status == status)
            .order_by(case((corrections.c.status == "pending", corrections.c.id), else_=-corrections.c.id))
            .limit(limit)
        ).all()
    return [_correction(c) for c in rows]


def correction(store: Store, correction_id: int) -> CorrectionView | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(corrections).where(corrections.c.id == correction_id)).first()
    return _correction(row) if row is not None else None


def home_counts(store: Store) -> dict[str, int]:
    """Headline counts for the home page."""
    with store.engine.connect() as conn:
        by_status = {
            str(st): int(n) for st, n in conn.execute(select(events.c.status, func.count()).group_by(events.c.status))
        }
        n_reports = int(conn.execute(select(func.count()).select_from(reports)).scalar_one())
        n_sources = int(conn.execute(select(func.count()).select_from(sources)).scalar_one())
        pending = int(
            conn.execute(
                select(func.count()).select_from(corrections).where(corrections.c.status == "pending")
            ).scalar_one()
        )
    return {
        "reports": n_reports,
        "channels": n_sources,
        "pending_corrections": pending,
        **{f"events_{s}": int(by_status.get(s, 0)) for s in STATUSES},
    }
