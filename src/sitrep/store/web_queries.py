"""Named read queries for the web pages, the JSON API and the exports: search and facets.

Input: an ``EventFilter`` (facet values, date range, parsed full-text words, sort, page) or an
id. Output: frozen dataclasses (search pages with facet counts, event pages with mentions,
versions and audit log, map points, timeline buckets, channel pages, review queues). Every
value from a user reaches SQL as a bound parameter; facet and sort names are whitelisted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, exists, func, select, text
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Select

from sitrep.store import fts
from sitrep.store.schema import (
    audit_log,
    corrections,
    event_facets,
    events,
    mentions,
    report_versions,
    reports,
    sources,
)
from sitrep.store.sql import Store

STATUSES = ("new", "confirmed", "rejected", "merged")
# event_facets.facet names this module filters on (the merger writes them; review rewrites them).
FACET_NAMES = ("grievance", "unit", "place", "channel", "lang")
SORTS = ("date", "date_asc", "reports", "confidence", "updated")
MAX_PER_PAGE = 200
FACET_LIMIT = 30  # values shown per facet: more is noise on a page, the API has the same cap


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What a search page, map, timeline or export is restricted to (all parts optional)."""

    groups: tuple[frozenset[str], ...] = ()  # full-text words → lemma alternatives
    prefixes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    grievances: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()  # source handles
    langs: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    sort: str = "date"
    page: int = 1
    per_page: int = 25


@dataclass(frozen=True, slots=True)
class EventSummary:
    id: str
    event_type: str
    grievances: list[str]
    event_date: str | None
    date_precision: str | None
    units: list[str]
    places: list[dict[str, Any]]
    admin1: str | None
    lat: float | None
    lon: float | None
    people_count: int | None
    count_low: int | None
    count_high: int | None
    via: str | None
    status: str
    confidence: float
    locked: bool
    reports: int
    first_published_at: datetime | None
    first_channel: str | None
    first_url: str | None
    first_text: str  # the first source's text, cut to 2,000 characters (snippets)


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class EventPage:
    items: list[EventSummary]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[FacetValue]]


# The newest id of every append-only table a page shows: any ingest, merge, review action
# (audited), correction or report edit raises one of them. One indexed max() each.
_VERSION = select(
    *(select(func.max(t.c.id)).scalar_subquery() for t in (reports, mentions, audit_log, corrections, report_versions))
)


def data_version(store: Store) -> tuple[Any, ...]:
    """A cheap value that changes whenever new data reaches the tables the web pages read."""
    with store.engine.connect() as conn:
        return tuple(conn.execute(_VERSION).one())


# -- filters ---------------------------------------------------------------------------------
def _fts_report_ids(store: Store, f: EventFilter) -> Any:
    groups = [set(g) for g in f.groups]
    if store.is_sqlite:
        return (
            text("SELECT rowid AS id FROM reports_fts WHERE reports_fts MATCH :fts_match")
            .bindparams(fts_match=fts.sqlite_match(groups, list(f.prefixes)))
            .columns(id=Integer)
        )
    return (
        text("SELECT id FROM reports WHERE search_tsv @@ to_tsquery('simple', :fts_tsq)")
        .bindparams(fts_tsq=fts.postgres_tsquery(groups, list(f.prefixes)))
        .columns(id=Integer)
    )


# Matching event ids inlined as bound parameters when a search has at most this many: the
# full-text match then runs once per page instead of once per query (count, page, two facet
# queries); with more ids the subquery is cheaper than binding them all.
MAX_INLINE_IDS = 5_000


def _matched_event_ids(conn: Any, store: Store, f: EventFilter) -> list[str] | None:
    """Ids of the events mentioned by reports matching the full-text query (None: too many)."""
    ids = _fts_report_ids(store, f).subquery()
    rows = conn.execute(
        select(mentions.c.event_id)
        .where(mentions.c.report_id.in_(select(ids.c.id)))
        .distinct()
        .limit(MAX_INLINE_IDS + 1)
    ).all()
    return None if len(rows) > MAX_INLINE_IDS else [str(r[0]) for r in rows]


def _conditions(store: Store, f: EventFilter, matched: list[str] | None = None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.statuses:
        conds.append(events.c.status.in_(f.statuses))
    else:  # merged events live on inside the event they were merged into
        conds.append(events.c.status != "merged")
    if f.types:
        conds.append(events.c.event_type.in_(f.types))
    # Facet filters read event_facets (written by the merger and by review.refresh_facets):
    # one indexed lookup per event instead of joins through mentions and reports.
    for facet, values in (
        ("grievance", f.grievances),
        ("unit", f.units),
        ("place", f.places),
        ("channel", f.channels),
        ("lang", f.langs),
    ):
        if values:
            ef = event_facets.alias("ef_" + facet)
            conds.append(
                exists()
                .where(ef.c.event_id == events.c.id, ef.c.facet == facet, ef.c.value.in_(values))
                .correlate(events)
            )
    if f.date_from or f.date_to:
        conds.append(events.c.event_date.is_not(None))
        conds.append(events.c.event_date.not_like("X%"))  # year unknown: outside every range
        if f.date_from:
            conds.append(events.c.event_date >= f.date_from)
        if f.date_to:
            conds.append(events.c.event_date <= f.date_to)
    if f.groups and matched is not None:
        conds.append(events.c.id.in_(matched))
    elif f.groups:  # driven from the matching reports: mentions are indexed by report id
        ids = _fts_report_ids(store, f).subquery()
        fm = mentions.alias("fm")
        conds.append(events.c.id.in_(select(fm.c.event_id).where(fm.c.report_id.in_(select(ids.c.id)))))
    return conds


def _reports_count() -> Any:
    return select(func.count()).where(mentions.c.event_id == events.c.id).correlate(events).scalar_subquery()


def _build_summary_select() -> Select[Any]:
    first = reports.alias("first_report")
    return select(
        events,
        _reports_count().label("n_reports"),
        sources.c.handle.label("first_channel"),
        first.c.url.label("first_url"),
        func.substr(first.c.text, 1, 2000).label("first_text"),
    ).select_from(
        events.outerjoin(first, first.c.id == events.c.first_report_id).outerjoin(
            sources, sources.c.id == first.c.source_id
        )
    )


# Built once: constructing the aliased join took ~0.3 ms of CPU per call (column proxies and
# cache keys rebuilt every time); statements are immutable, ``.where`` returns a new one.
_SUMMARY = _build_summary_select()


def _summary_select() -> Select[Any]:
    return _SUMMARY


def _summary(row: Any) -> EventSummary:
    m = row._mapping
    return EventSummary(
        id=m["id"],
        event_type=m["event_type"],
        grievances=list(m["grievances"] or []),
        event_date=m["event_date"],
        date_precision=m["date_precision"],
        units=list(m["units"] or []),
        places=[p if isinstance(p, dict) else {"name": str(p)} for p in (m["places"] or [])],
        admin1=m["admin1"],
        lat=m["lat"],
        lon=m["lon"],
        people_count=m["people_count"],
        count_low=m["count_low"],
        count_high=m["count_high"],
        via=m["via"],
        status=m["status"],
        confidence=float(m["confidence"] or 0.0),
        locked=bool(m["locked"]),
        reports=int(m["n_reports"] or 0),
        first_published_at=m["first_published_at"],
        first_channel=m["first_channel"],
        first_url=m["first_url"],
        first_text=m["first_text"] or "",
    )


def _order(sort: str) -> list[Any]:
    if sort == "date_asc":
        return [events.c.event_date.asc().nulls_last(), events.c.id]
    if sort == "reports":
        return [_reports_count().desc(), events.c.id]
    if sort == "confidence":
        return [events.c.confidence.desc(), events.c.id]
    if sort == "updated":
        return [events.c.updated_at.desc(), events.c.id]
    return [events.c.event_date.desc().nulls_last(), events.c.id]


def search_events(store: Store, f: EventFilter, with_facets: bool = True) -> EventPage:
    """One page of events matching ``f``, the total, and value counts for every facet."""
    per_page = max(1, min(f.per_page, MAX_PER_PAGE))
    page = max(1, f.page)
    with store.engine.connect() as conn:
        matched = _matched_event_ids(conn, store, f) if f.groups else None
        if matched == []:  # nothing matches the words: no more queries needed
            names = ("type", "status", *FACET_NAMES) if with_facets else ()
            return EventPage([], 0, page, per_page, {name: [] for name in names})
        where = and_(*_conditions(store, f, matched))
        if with_facets:  # the per-status counts add up to the total: no separate count(*)
            facets = _facets(conn, where)
            total = sum(v.count for v in facets["status"])
        else:
            facets = {}
            total = int(conn.execute(select(func.count()).select_from(events).where(where)).scalar_one())
        rows = conn.execute(
            _summary_select().where(where).order_by(*_order(f.sort)).limit(per_page).offset((page - 1) * per_page)
        ).all()
    return EventPage([_summary(r) for r in rows], total, page, per_page, facets)


def _facets(conn: Any, where: ColumnElement[bool]) -> dict[str, list[FacetValue]]:
    """Counts per facet value over the matching events: two grouped queries, top values kept."""
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for etype, status, n in conn.execute(
        select(events.c.event_type, events.c.status, func.count())
        .where(where)
        .group_by(events.c.event_type, events.c.status)
    ):
        types[str(etype)] += int(n)
        statuses[str(status)] += int(n)
    out = {
        "type": [FacetValue(v, v, c) for v, c in sorted(types.items(), key=lambda x: (-x[1], x[0]))],
        "status": [FacetValue(v, v, c) for v, c in sorted(statuses.items(), key=lambda x: (-x[1], x[0]))],
    }
    matching = select(events.c.id).where(where)
    # SQLite picked the (facet, value) index and looked up every facet row of the database
    # (20-70 ms on 5,000 events whatever the match); ``facet || ''`` hides that index, so it
    # walks the covering primary key (event_id, ...) of the matching events instead: 0.2 ms for a
    # rare word, 4 ms for "Украина", 33 ms with no filter at all (bench/out/web_load database).
    facet_col = event_facets.c.facet.concat("") if conn.dialect.name == "sqlite" else event_facets.c.facet
    per: dict[str, list[tuple[str, int]]] = {name: [] for name in FACET_NAMES}
    for facet, value, n in conn.execute(
        select(event_facets.c.facet, event_facets.c.value, func.count())
        .where(event_facets.c.event_id.in_(matching), facet_col.in_(FACET_NAMES))
        .group_by(event_facets.c.facet, event_facets.c.value)
    ):
        per[str(facet)].append((str(value), int(n)))
    titles: dict[str, str] = {}
    for values in per.values():
        values.sort(key=lambda x: (-x[1], x[0]))
        del values[FACET_LIMIT:]
    if per["channel"]:
        handles = [v for v, _ in per["channel"]]
        titles = {
            h: t
            for h, t in conn.execute(select(sources.c.handle, sources.c.title).where(sources.c.handle.in_(handles)))
            if t
        }
    for name, values in per.items():
        out[name] = [FacetValue(v, titles.get(v, v) if name == "channel" else v, c) for v, c in values]
    return out


def export_events(store: Store, f: EventFilter, limit: int = 100_000) -> list[EventSummary]:
    """Every event matching ``f`` (up to ``limit``), in the filter's order, for exports."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            _summary_select().where(and_(*_conditions(store, f))).order_by(*_order(f.sort)).limit(limit)
        ).all()
    return [_summary(r) for r in rows]


def events_for_reports(store: Store, report_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Report id → [(event id, event type)] for the reports given (search hits link to events)."""
    if not report_ids:
        return {}
    out: dict[int, list[tuple[str, str]]] = {}
    with store.engine.connect() as conn:
        for rid, eid, etype in conn.execute(
            select(mentions.c.report_id, events.c.id, events.c.event_type)
            .select_from(mentions.join(events, events.c.id == mentions.c.event_id))
            .where(mentions.c.report_id.in_(report_ids[:500]), events.c.status != "merged")
        ):
            out.setdefault(int(rid), []).append((eid, etype))
    return out


# -- map and timeline ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MapPoint:
    id: str
    event_type: str
    lat: float
    lon: float
    event_date: str | None
    place: str | None
    reports: int


def map_points(store: Store, f: EventFilter, limit: int = 20_000) -> list[MapPoint]:
    """Events with coordinates matching ``f``."""
    conds = [*_conditions(store, f), events.c.lat.is_not(None), events.c.lon.is_not(None)]
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(
                events.c.id,
                events.c.event_type,
                events.c.lat,
                events.c.lon,
                events.c.event_date,
                events.c.places,
                _reports_count(),
            )
            .where(and_(*conds))
            .limit(limit)
        ).all()
    out = []
    for r in rows:
        places = r[5] or []
        name = places[0].get("name") if places and isinstance(places[0], dict) else None
        out.append(MapPoint(r[0], r[1], float(r[2]), float(r[3]), r[4], name, int(r[6] or 0)))
    return out


@dataclass(frozen=True, slots=True)
class TimelineBucket:
    start: date
    end: date  # inclusive
    counts: dict[str, int]


def timeline(store: Store, f: EventFilter, bucket: str = "day") -> list[TimelineBucket]:
    """Events per day or per ISO week (Monday first) and type; events without a full date are left out."""
    conds = [*_conditions(store, f), events.c.event_date.is_not(None), events.c.event_date.not_like("X%")]
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(events.c.event_date, events.c.event_type, func.count())
            .where(and_(*conds))
            .group_by(events.c.event_date, events.c.event_type)
        ).all()
    acc: dict[date, Counter[str]] = {}
    for day_s, etype, n in rows:
        try:
            day = date.fromisoformat(str(day_s)[:10])
        except ValueError:
            continue  # month- or year-precision dates ("2023-07") have no day to put them on
        start = day - timedelta(days=day.weekday()) if bucket == "week" else day
        acc.setdefault(start, Counter())[etype] += int(n)
    span = 6 if bucket == "week" else 0
    return [TimelineBucket(s, s + timedelta(days=span), dict(c)) for s, c in sorted(acc.items())]
