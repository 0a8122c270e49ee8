"""The indexed lookups of the incremental merge: near duplicates of a report, events for a candidate.

Input: one report (and its group) or one event candidate, and an open transaction. Output:
the report's near-duplicate links and keys written (``link_duplicates``), or the id of the
stored event the candidate belongs to (``find_event``), reading a bounded number of rows
whatever the size of the store:

- near duplicates: per LSH band key, the oldest ``PER_KEY`` reports sharing it (a range of the
  ``dedup_keys`` primary key); the ``MAX_CONFIRM`` sharing the most bands are confirmed with
  rapidfuzz — true reposts share several bands, boilerplate-only neighbours one;
- events: event lookup keys whose day span lies within ``LOOKUP_WINDOW_DAYS`` of the
  candidate's (covering index ``ix_event_keys_window``), the ``MAX_EVENT_CANDIDATES`` sharing
  the most keys, plus events of the report's near-duplicate group; their members are read in
  one query and scored with ``merge.match``.

Every query here hits an index (checked with EXPLAIN QUERY PLAN in ``tests/dedup``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import TextClause, delete, desc, func, insert, or_, select, text, update
from sqlalchemy.engine import Connection

from sitrep.dedup.cluster import forward_target
from sitrep.dedup.embed import from_bytes
from sitrep.dedup.merge import LOOKUP_WINDOW_DAYS, MERGE_SCORE, OPEN_SPAN, Profile, match
from sitrep.dedup.neardup import confirm, post_key, text_keys, url_key
from sitrep.dedup.urls import canonical_url, telegram_post_key
from sitrep.models import EventCandidate, Evidence, Place, Report
from sitrep.store.schema import (
    dedup_keys,
    event_keys,
    events,
    mentions,
    report_links,
    report_vectors,
    reports,
    sources,
)

# Bounds of the add-one-report path, set on bench/dedup_incremental.py (1M reports stored):
# a band shared by more than 100 stored reports is boilerplate (a channel footer, a wire
# template); the true repost also shares other bands. 24 confirmations cover every repost
# seen in the 22k-post stream (its largest near-duplicate group has ~65 posts, but a new post
# needs only one confirmed member to join the group) at ~20 µs each.
PER_KEY = 100
MAX_CONFIRM = 24
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


def utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def candidate_to_json(cand: EventCandidate) -> dict[str, Any]:
    return dataclasses.asdict(cand)


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


def load_members(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Member]]:
    """The mentions of several events in one query, each list earliest publication first."""
    out: dict[str, list[Member]] = {e: [] for e in event_ids}
    if not event_ids:
        return out
    rows = conn.execute(
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
        .where(mentions.c.event_id.in_(list(event_ids)))
        .order_by(mentions.c.id)
    )
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
    prof = Profile(event_type)
    for m in members:
        prof.add(m.cand, m.published, m.group, m.vector)
    return prof


# -- near duplicates ------------------------------------------------------------------------
def _index_keys(rep: Report) -> tuple[list[int], list[int], list[int]]:
    """(LSH band keys, canonical-URL keys, the report's own Telegram post keys)."""
    post = rep.post
    urls = []
    if post.url:
        canon = canonical_url(post.url)
        if canon:
            urls.append(url_key(canon))
    own = []
    if post.source.kind != "web" and post.external_id.isdigit():
        own.append(post_key(post.source.handle, post.external_id))
    if post.url:
        tme = telegram_post_key(post.url)
        if tme:
            own.append(post_key(*tme))
    return text_keys(rep.norm_text), urls, own


@functools.cache
def _sharing_sql(n_keys: int) -> TextClause:
    """One statement, one primary-key range per key (built once per key count).

    A constant SQL string with bound parameters: building the equivalent SQLAlchemy union of
    16 subqueries cost ~2 ms per report in statement construction and cache-key walks alone.
    """
    part = (
        "SELECT * FROM (SELECT report_id, key FROM dedup_keys WHERE key = :k{i} AND report_id != :rid "
        "ORDER BY report_id LIMIT :per) AS s{i}"
    )
    return text(" UNION ALL ".join(part.format(i=i) for i in range(n_keys)))


def _sharing(conn: Connection, keys: Sequence[int], report_id: int) -> list[tuple[int, int]]:
    """(report id, key) of the oldest ``PER_KEY`` other reports under each key: one range each."""
    if not keys:
        return []
    params: dict[str, int] = {f"k{i}": k for i, k in enumerate(keys)}
    params.update(rid=report_id, per=PER_KEY)
    return [(int(r[0]), int(r[1])) for r in conn.execute(_sharing_sql(len(keys)), params)]


def link_duplicates(conn: Connection, report_id: int, rep: Report) -> int:
    """Index the report and link it to the earliest stored near duplicate / forwarded post.

    Returns its near-duplicate group (the group's first report id, or its own id).
    """
    conn.execute(delete(dedup_keys).where(dedup_keys.c.report_id == report_id))
    conn.execute(delete(report_links).where(report_links.c.report_id == report_id))
    bands, urls, own = _index_keys(rep)
    root: int | None = None
    links: list[dict[str, Any]] = []
    target = forward_target(rep)
    if target:
        found = conn.execute(
            select(dedup_keys.c.report_id)
            .where(dedup_keys.c.key == post_key(*target), dedup_keys.c.report_id != report_id)
            .order_by(dedup_keys.c.report_id)
            .limit(1)
        ).scalar()
        if found is not None:
            links.append({"report_id": report_id, "kind": "forward", "target_id": int(found), "score": None})
            root = int(found)
    shared: dict[int, int] = {}  # candidate report → bands shared
    same_url: set[int] = set()
    url_set = set(urls)
    for cid, key in _sharing(conn, bands + urls, report_id):
        if key in url_set:
            same_url.add(cid)
        else:
            shared[cid] = shared.get(cid, 0) + 1
    ranked = sorted(shared, key=lambda c: (-shared[c], c))[:MAX_CONFIRM]
    check = sorted(set(ranked) | same_url)
    if check:
        rows = conn.execute(
            select(reports.c.id, reports.c.norm_text, reports.c.dup_of).where(reports.c.id.in_(check))
        ).all()
        best: tuple[int, float] | None = None
        for row in sorted(rows, key=lambda r: int(r.id)):
            cid = int(row.id)
            score = 100.0 if cid in same_url else confirm(rep.norm_text, row.norm_text)
            if score:
                group = int(row.dup_of) if row.dup_of is not None else cid
                if best is None or group < best[0]:
                    best = (group, score)
        if best is not None and best[0] != report_id:
            links.append({"report_id": report_id, "kind": "dup", "target_id": best[0], "score": best[1]})
            root = best[0] if root is None else min(root, best[0])
    if links:
        conn.execute(insert(report_links), links)
    if root is not None:
        fwd_root = conn.execute(select(reports.c.dup_of).where(reports.c.id == root)).scalar()
        root = int(fwd_root) if fwd_root is not None else root
    if root is not None and root >= report_id:
        root = None  # never point a report at itself or a later one: reruns in id order stay identical
    conn.execute(update(reports).where(reports.c.id == report_id).values(dup_of=root))
    keys = sorted(set(bands + urls + own))
    if keys:
        conn.execute(insert(dedup_keys), [{"key": k, "report_id": report_id} for k in keys])
    return root if root is not None else report_id


# -- events ----------------------------------------------------------------------------------
def _resolve(conn: Connection, event_id: str, merged_into: str | None) -> str:
    """Follow ``merged_into`` (analyst merges) to the surviving event."""
    seen = {event_id}
    while merged_into and merged_into not in seen:
        seen.add(merged_into)
        event_id = merged_into
        merged_into = conn.execute(select(events.c.merged_into).where(events.c.id == event_id)).scalar()
    return event_id


def candidate_events(
    conn: Connection, keys: Sequence[str], span: tuple[int, int], group: int
) -> list[str]:
    """Ids of stored events worth scoring: by lookup key within the day window, and by group."""
    found: list[str] = []
    if keys:
        lo, hi = span
        if (lo, hi) != OPEN_SPAN:
            lo, hi = lo - LOOKUP_WINDOW_DAYS, hi + LOOKUP_WINDOW_DAYS
        n = func.count().label("n")
        found += [
            r[0]
            for r in conn.execute(
                select(event_keys.c.event_id, n)
                .where(event_keys.c.key.in_(list(keys)), event_keys.c.day_hi >= lo, event_keys.c.day_lo <= hi)
                .group_by(event_keys.c.event_id)
                .order_by(desc(n), desc(func.max(event_keys.c.day_hi)), event_keys.c.event_id)
                .limit(MAX_EVENT_CANDIDATES)
            )
        ]
    found += [
        r[0]
        for r in conn.execute(
            select(mentions.c.event_id)
            .join(reports, reports.c.id == mentions.c.report_id)
            .where(or_(reports.c.id == group, reports.c.dup_of == group))
            .distinct()
            .order_by(mentions.c.event_id)
            .limit(MAX_GROUP_EVENTS)
        )
    ]
    return list(dict.fromkeys(found))


def find_event(
    conn: Connection,
    cand: EventCandidate,
    mine: Profile,
    keys: Sequence[str],
    span: tuple[int, int],
    group: int,
    report_id: int,
) -> str | None:
    """The stored event this candidate belongs to (best ``match`` score ≥ MERGE_SCORE), or None."""
    found = candidate_events(conn, keys, span, group)
    if not found:
        return None
    rows = conn.execute(
        select(events.c.id, events.c.merged_into).where(events.c.id.in_(found))
    ).all()
    resolved = list(dict.fromkeys(_resolve(conn, r.id, r.merged_into) for r in sorted(rows)))
    info = {
        r.id: r
        for r in conn.execute(
            select(events.c.id, events.c.event_type, events.c.status).where(events.c.id.in_(resolved))
        )
    }
    own = {r[0] for r in conn.execute(select(mentions.c.event_id).where(mentions.c.report_id == report_id))}
    keep = [
        e
        for e in resolved
        if e in info
        and info[e].event_type == cand.event_type
        and info[e].status != "rejected"
        and e not in own  # another event of this same report
    ]
    best: tuple[float, str] | None = None
    for eid, members in load_members(conn, keep).items():
        score = match(mine, profile_of_members(members, cand.event_type))
        if score is not None and score >= MERGE_SCORE and (best is None or (score, eid) > best):
            best = (score, eid)
    return best[1] if best else None
