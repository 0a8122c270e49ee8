"""The indexed lookups of the incremental merge: near duplicates of a report, events for a candidate.

Input: one report (and its group) or one event candidate, and an open transaction. Output:
the id of the stored event the candidate belongs to (``find_event``), reading a bounded
number of rows whatever the size of the store (near-duplicate links of a whole batch:
``store.dup_links``, re-exported here as ``link_duplicates``):

- events: event lookup keys whose day span lies within ``LOOKUP_WINDOW_DAYS`` of the
  candidate's (rare-name keys: within ``NAME_LOOKUP_DAYS`` of the report's publication; covering
  index ``ix_event_keys_window``), the ``MAX_EVENT_CANDIDATES`` sharing the most keys, plus
  events of the report's near-duplicate group; their members (with the rare-name keys kept in
  each mention's candidate JSON) are read in one query and scored with ``merge.match``.

Every query here hits an index (checked with EXPLAIN QUERY PLAN in ``tests/dedup``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, desc, func, or_, select
from sqlalchemy.engine import Connection

from sitrep.dedup.embed import from_bytes
from sitrep.dedup.merge import (
    LOOKUP_WINDOW_DAYS,
    MERGE_SCORE,
    NAME_KEY,
    OPEN_SPAN,
    Profile,
    cross_window,
    match,
    name_window,
    rules_for,
    type_relation,
)
from sitrep.models import EventCandidate, Evidence, Place
from sitrep.store.dup_links import link_duplicates
from sitrep.store.schema import (
    event_keys,
    events,
    mentions,
    report_vectors,
    reports,
    sources,
)

__all__ = ["Member", "candidate_events", "find_event", "link_duplicates", "load_members", "names_from_json"]

# An event sharing fewer lookup keys than 50 others of the same window is not the one: the
# bound keeps p95 under 50 ms when a big place (a front-line town) has hundreds of events.
MAX_EVENT_CANDIDATES = 50
MAX_GROUP_EVENTS = 50


@dataclass(frozen=True, slots=True)
class Member:
    """One mention of an event, with what the merge rules and the aggregates need."""

    mention_id: int
    report_id: int
    published: datetime | None
    cand: EventCandidate
    lang: str | None
    channel: str
    group: int
    vector: Any = None  # text embedding, when embeddings are on
    names: tuple[str, ...] = ()  # rare proper-name keys of the report's text (``dedup.names``)


def utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def candidate_to_json(cand: EventCandidate, names: Sequence[str] = ()) -> dict[str, Any]:
    """The mention's stored candidate; ``names``: its report's rare-name keys, kept beside it so
    that the merge reads them back with the candidate instead of re-reading the report's text."""
    data = dataclasses.asdict(cand)
    if names:
        data["names"] = list(names)
    return data


def names_from_json(data: dict[str, Any]) -> tuple[str, ...]:
    found = data.get("names") or ()
    return tuple(str(n) for n in found) if isinstance(found, list) else ()


def candidate_from_json(data: dict[str, Any]) -> EventCandidate:
    return EventCandidate(
        event_type=data["event_type"],
        grievances=tuple(data.get("grievances") or ()),
        event_date=data.get("event_date"),
        date_precision=data.get("date_precision"),
        units=tuple(data.get("units") or ()),
        places=tuple(Place(**p) for p in data.get("places") or ()),
        people_count=data.get("people_count"),
        count_precision=data.get("count_precision"),
        via=data.get("via"),
        evidence=tuple(Evidence(**e) for e in data.get("evidence") or ()),
        confidence=float(data.get("confidence") or 0.0),
        codebook_version=data.get("codebook_version") or "",
    )


def _members_query(ids: Any) -> Any:
    return (
        select(
            mentions.c.event_id,
            mentions.c.id,
            mentions.c.report_id,
            mentions.c.candidate,
            reports.c.published_at,
            reports.c.lang,
            reports.c.dup_of,
            sources.c.handle,
            report_vectors.c.vector,
        )
        .join(reports, reports.c.id == mentions.c.report_id)
        .join(sources, sources.c.id == reports.c.source_id)
        .outerjoin(report_vectors, report_vectors.c.report_id == mentions.c.report_id)
        .where(mentions.c.event_id.in_(ids))
        .order_by(mentions.c.id)
    )


# Built once: SQLAlchemy memoises a statement object's cache key, and an expanding parameter is
# not coerced item by item (building the statement per call was ~1/3 of the add path's CPU).
_MEMBERS = _members_query(bindparam("event_ids", expanding=True))


def load_members(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Member]]:
    """The mentions of several events in one query, each list earliest publication first."""
    out: dict[str, list[Member]] = {e: [] for e in event_ids}
    if not event_ids:
        return out
    rows = conn.execute(_MEMBERS, {"event_ids": list(event_ids)})
    for r in rows:
        out[r.event_id].append(
            Member(
                int(r.id),
                int(r.report_id),
                utc(r.published_at),
                candidate_from_json(r.candidate),
                r.lang,
                r.handle,
                int(r.dup_of) if r.dup_of is not None else int(r.report_id),
                from_bytes(r.vector) if r.vector is not None else None,
                names_from_json(r.candidate),
            )
        )
    oldest = datetime.min.replace(tzinfo=UTC)
    for members in out.values():
        # A total order (the mention id breaks the last ties): the first source, the place and
        # date picked for the event and the merge profile must not depend on the row order the
        # query plan happens to return, which changes as tables grow.
        members.sort(key=lambda m: (m.published is None, m.published or oldest, m.report_id, m.mention_id))
    return out


def profile_of_members(members: Sequence[Member], event_type: str) -> Profile:
    """A stored event's merge profile; its type is the event row's (the mentions' majority, or an
    analyst's choice), not recomputed."""
    prof = Profile(event_type, fixed_type=True)
    for m in members:
        prof.add(m.cand, m.published, m.group, m.vector, m.names)
    return prof


# -- events ----------------------------------------------------------------------------------
def _resolve(conn: Connection, event_id: str, merged_into: str | None) -> str:
    """Follow ``merged_into`` (analyst merges) to the surviving event."""
    seen = {event_id}
    while merged_into and merged_into not in seen:
        seen.add(merged_into)
        event_id = merged_into
        merged_into = conn.execute(select(events.c.merged_into).where(events.c.id == event_id)).scalar()
    return event_id


_KEY_KINDS = ("near", "plain", "named")


@functools.cache
def _keys_query(shape: tuple[bool, bool, bool]) -> Any:
    """The event-key lookup for the key kinds present (``shape``: near, plain, named), built once
    per shape with expanding parameters ``<kind>`` (keys), ``<kind>_lo``, ``<kind>_hi`` (days)."""
    conditions = [
        and_(
            event_keys.c.key.in_(bindparam(kind, expanding=True)),
            event_keys.c.day_hi >= bindparam(f"{kind}_lo"),
            event_keys.c.day_lo <= bindparam(f"{kind}_hi"),
        )
        for kind, present in zip(_KEY_KINDS, shape, strict=True)
        if present
    ]
    n = func.count().label("n")
    return (
        select(event_keys.c.event_id, n)
        .where(or_(*conditions))
        .group_by(event_keys.c.event_id)
        .order_by(desc(n), desc(func.max(event_keys.c.day_hi)), event_keys.c.event_id)
        .limit(MAX_EVENT_CANDIDATES)
    )


_GROUP_EVENTS = (
    select(mentions.c.event_id)
    .join(reports, reports.c.id == mentions.c.report_id)
    .where(or_(reports.c.id == bindparam("group"), reports.c.dup_of == bindparam("group")))
    .distinct()
    .order_by(mentions.c.event_id)
    .limit(MAX_GROUP_EVENTS)
)
_EVENT_ROWS = select(events.c.id, events.c.merged_into, events.c.event_type, events.c.status).where(
    events.c.id.in_(bindparam("ids", expanding=True))
)
_OWN_EVENTS = select(mentions.c.event_id).where(mentions.c.report_id == bindparam("report_id"))


def candidate_events(
    conn: Connection,
    keys: Sequence[str],
    span: tuple[int, int],
    group: int,
    names_window: tuple[int, int] | None = None,
    cross: Sequence[str] = (),
    cross_days: tuple[int, int] | None = None,
) -> list[str]:
    """Ids of stored events worth scoring: by lookup key within the day window, and by group.

    Rare-name keys (``merge.NAME_KEY``) find only events whose span touches ``names_window``
    (``merge.name_window`` of the report's publication; None: not at all); ``cross``: keys under
    the types the candidate may merge with (``merge.cross_type_keys``), their units and places
    only within ``cross_days`` (``merge.cross_window``; None: not at all).
    """
    found: list[str] = []
    plain = [k for k in keys if NAME_KEY not in k]
    named = [k for k in (*keys, *cross) if NAME_KEY in k] if names_window is not None else []
    near = [k for k in cross if NAME_KEY not in k] if cross_days is not None else []
    params: dict[str, Any] = {}
    if near and cross_days is not None:
        params.update(near=near, near_lo=cross_days[0], near_hi=cross_days[1])
    if plain:
        lo, hi = span
        if (lo, hi) != OPEN_SPAN:
            lo, hi = lo - LOOKUP_WINDOW_DAYS, hi + LOOKUP_WINDOW_DAYS
        params.update(plain=plain, plain_lo=lo, plain_hi=hi)
    if named and names_window is not None:
        params.update(named=named, named_lo=names_window[0], named_hi=names_window[1])
    if params:
        shape = ("near" in params, "plain" in params, "named" in params)
        found += [r[0] for r in conn.execute(_keys_query(shape), params)]
    found += [r[0] for r in conn.execute(_GROUP_EVENTS, {"group": group})]
    return list(dict.fromkeys(found))


def find_event(
    conn: Connection,
    cand: EventCandidate,
    mine: Profile,
    keys: Sequence[str],
    span: tuple[int, int],
    group: int,
    report_id: int,
    published: datetime | None = None,
    cross: Sequence[str] = (),
) -> str | None:
    """The stored event this candidate belongs to (best ``match`` score ≥ MERGE_SCORE), or None.

    ``cross``: keys under the types it may merge with (``merge.cross_type_keys``)."""
    found = candidate_events(conn, keys, span, group, name_window(published), cross, cross_window(published))
    if not found:
        return None
    rows = conn.execute(_EVENT_ROWS, {"ids": found}).all()
    resolved = list(dict.fromkeys(_resolve(conn, r.id, r.merged_into) for r in sorted(rows)))
    info = {r.id: r for r in rows}
    missing = [e for e in resolved if e not in info]  # the events analysts merged these into
    if missing:
        info.update((r.id, r) for r in conn.execute(_EVENT_ROWS, {"ids": missing}))
    own = {r[0] for r in conn.execute(_OWN_EVENTS, {"report_id": report_id})}
    rules = rules_for(cand.codebook_version)  # the merge rules of the codebook that read this candidate
    keep = [
        e
        for e in resolved
        if e in info
        and type_relation(info[e].event_type, cand.event_type, rules) is not None
        and info[e].status != "rejected"
        and e not in own  # another event of this same report
    ]
    best: tuple[float, str] | None = None
    for eid, members in load_members(conn, keep).items():
        score = match(mine, profile_of_members(members, info[eid].event_type), rules)
        if score is not None and score >= MERGE_SCORE and (best is None or (score, eid) > best):
            best = (score, eid)
    return best[1] if best else None
