"""Read queries over merged events: ``sitrep events`` rows and the sources of one event.

Input: a store. Output: ``EventSummary`` rows (number of reports, first source, count range)
and ``EventSource`` rows (who said what, and what each report forwards or repeats).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from sitrep.store.event_lookup import utc
from sitrep.store.schema import events, mentions, report_links, reports, sources
from sitrep.store.sql import Store


@dataclass(frozen=True, slots=True)
class EventSummary:
    """One row of ``sitrep events``: the event, its number of reports, first source, count range."""

    id: str
    event_type: str
    status: str
    locked: bool
    event_date: str | None
    units: list[str]
    places: list[str]
    reports: int
    first_report_id: int | None
    first_channel: str | None
    first_url: str | None
    first_published_at: datetime | None
    count_low: int | None
    count_best: int | None
    count_high: int | None


@dataclass(frozen=True, slots=True)
class EventSource:
    """A report of an event: who said what (its count), and what it forwards or repeats."""

    report_id: int
    channel: str
    external_id: str
    url: str | None
    published_at: datetime | None
    people_count: int | None
    is_first_source: bool
    forward_of: int | None
    duplicate_of: int | None
    event_type: str | None = None  # the type this report gave (an event's reports may disagree)


def list_events(store: Store, status: str | None = None, limit: int = 50, offset: int = 0) -> list[EventSummary]:
    """Events, newest first (by first publication), with report counts and first sources."""
    n_reports = (
        select(func.count(func.distinct(mentions.c.report_id)))
        .where(mentions.c.event_id == events.c.id)
        .scalar_subquery()
    )
    q = (
        select(events, n_reports.label("n_reports"), sources.c.handle, reports.c.url.label("first_url"))
        .outerjoin(reports, reports.c.id == events.c.first_report_id)
        .outerjoin(sources, sources.c.id == reports.c.source_id)
        .order_by(events.c.first_published_at.desc().nulls_last(), events.c.id)  # same NULL place on both backends
        .limit(limit)
        .offset(offset)
    )
    if status:
        q = q.where(events.c.status == status)
    with store.engine.connect() as conn:
        rows = conn.execute(q).mappings().all()
    return [
        EventSummary(
            r["id"],
            r["event_type"],
            r["status"],
            bool(r["locked"]),
            r["event_date"],
            list(r["units"] or []),
            [p["name"] for p in r["places"] or []],
            int(r["n_reports"]),
            r["first_report_id"],
            r["handle"],
            r["first_url"],
            utc(r["first_published_at"]),
            r["count_low"],
            r["count_best"],
            r["count_high"],
        )
        for r in rows
    ]


def event_sources(store: Store, event_id: str) -> list[EventSource]:
    """The reports of an event, earliest first, with their counts and forward/duplicate links."""
    fwd = report_links.alias("fwd")
    dup = report_links.alias("dup")
    q = (
        select(
            mentions.c.report_id,
            sources.c.handle,
            reports.c.external_id,
            reports.c.url,
            reports.c.published_at,
            mentions.c.people_count,
            mentions.c.is_first_source,
            fwd.c.target_id.label("fwd_of"),
            dup.c.target_id.label("dup_of"),
            mentions.c.candidate,
        )
        .join(reports, reports.c.id == mentions.c.report_id)
        .join(sources, sources.c.id == reports.c.source_id)
        .outerjoin(fwd, (fwd.c.report_id == reports.c.id) & (fwd.c.kind == "forward"))
        .outerjoin(dup, (dup.c.report_id == reports.c.id) & (dup.c.kind == "dup"))
        .where(mentions.c.event_id == event_id)
        .order_by(reports.c.published_at.asc().nulls_last(), reports.c.id, mentions.c.id)
    )
    with store.engine.connect() as conn:
        return [
            EventSource(int(r[0]), r[1], r[2], r[3], utc(r[4]), r[5], bool(r[6]), r[7], r[8], candidate_type(r[9]))
            for r in conn.execute(q)
        ]


def candidate_type(candidate: object) -> str | None:
    """The event type a stored mention's candidate gave (JSON; a string on drivers that return text)."""
    if isinstance(candidate, str):
        try:
            candidate = json.loads(candidate)
        except ValueError:
            return None
    value = candidate.get("event_type") if isinstance(candidate, dict) else None
    return value if isinstance(value, str) else None
