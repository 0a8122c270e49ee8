"""Event and mention writes (the incremental merge) and the event read queries.

Input: stored reports whose current version was not extracted yet, with the extractor's
``Extraction`` for each. Output, in the caller's single transaction per batch: near-duplicate
keys and links (``dedup_keys``, ``report_links``, ``reports.dup_of``), mentions, events with
their aggregates (count low/best/high, first source, lat/lon/admin1), ``event_facets``,
``event_keys``, an audit entry for every change, and ``reports.extracted_version``.

Incremental: a report is compared only with reports sharing one of its index keys and with
events found under its lookup keys (type + unit / place) or through its near-duplicate group,
so adding one report costs a few indexed queries whatever the size of the store.
Analysts' decisions win: an event that is ``locked`` or ``confirmed``/``rejected``/``merged``
is never rewritten (new reports may still be linked to it as mentions); a mention on such an
event is kept as is when its report is extracted again.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from sitrep.dedup.cluster import event_id_for, forward_target, report_key
from sitrep.dedup.merge import MERGE_SCORE, Profile, lookup_keys, match, place_key
from sitrep.dedup.neardup import confirm, post_key, text_keys, url_key
from sitrep.dedup.urls import canonical_url, telegram_post_key
from sitrep.models import EventCandidate, Evidence, Extraction, Place, Post, RawItem, Report, SourceRef
from sitrep.review import audit
from sitrep.store.schema import (
    corrections,
    dedup_keys,
    event_facets,
    event_keys,
    events,
    mentions,
    report_links,
    reports,
    sources,
)
from sitrep.store.sql import Store, now_utc

FROZEN_STATUSES = ("confirmed", "rejected", "merged")
MAX_LSH_CANDIDATES = 200  # a text with more LSH neighbours is boilerplate; confirm the 200 oldest


@dataclass(frozen=True, slots=True)
class Pending:
    """A stored report whose current version waits for extraction."""

    report_id: int
    version: int
    report: Report


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def load_pending(store: Store, limit: int, after_id: int = 0) -> list[Pending]:
    """Up to ``limit`` reports (by id, above ``after_id``) whose ``extracted_version`` is behind."""
    q = (
        select(reports, sources.c.kind, sources.c.handle, sources.c.title.label("source_title"))
        .join(sources, sources.c.id == reports.c.source_id)
        .where(
            reports.c.id > after_id,
            or_(reports.c.extracted_version.is_(None), reports.c.extracted_version != reports.c.version),
        )
        .order_by(reports.c.id)
        .limit(limit)
    )
    out = []
    with store.engine.connect() as conn:
        for row in conn.execute(q).mappings():
            raw = RawItem(b"", "", "store", row["first_seen_at"], sha256=row["raw_sha256"])
            post = Post(
                source=SourceRef(row["kind"], row["handle"], row["source_title"]),
                external_id=row["external_id"],
                raw=raw,
                text=row["text"],
                published_at=_utc(row["published_at"]),
                edited_at=_utc(row["edited_at"]),
                url=row["url"],
                title=row["title"],
                author=row["author"],
                forwarded_from=row["forwarded_from"],
                forwarded_from_id=row["forwarded_from_id"],
                reply_to=row["reply_to"],
                views=row["views"],
            )
            rep = Report(
                post=post, lang=row["lang"] or "und", norm_text=row["norm_text"], lemmas=row["search_body"]
            )
            out.append(Pending(int(row["id"]), int(row["version"]), rep))
    return out


# -- near duplicates ------------------------------------------------------------------------
def _index_keys(rep: Report) -> tuple[list[int], list[int]]:
    """(keys that mean "same text or article", the report's own Telegram post key)."""
    post = rep.post
    same = text_keys(rep.norm_text)
    if post.url:
        canon = canonical_url(post.url)
        if canon:
            same.append(url_key(canon))
    own = []
    if post.source.kind != "web" and post.external_id.isdigit():
        own.append(post_key(post.source.handle, post.external_id))
    if post.url and telegram_post_key(post.url):
        own.append(post_key(*telegram_post_key(post.url)))  # type: ignore[misc]
    return same, own


def link_duplicates(conn: Connection, report_id: int, rep: Report) -> int:
    """Index the report and link it to the earliest stored near duplicate / forwarded post.

    Returns its near-duplicate group (the group's first report id, or its own id).
    """
    conn.execute(delete(dedup_keys).where(dedup_keys.c.report_id == report_id))
    conn.execute(delete(report_links).where(report_links.c.report_id == report_id))
    same, own = _index_keys(rep)
    root: int | None = None
    links: list[dict[str, Any]] = []
    target = forward_target(rep)
    if target:
        found = conn.execute(
            select(func.min(dedup_keys.c.report_id)).where(
                dedup_keys.c.key == post_key(*target), dedup_keys.c.report_id != report_id
            )
        ).scalar()
        if found is not None:
            links.append({"report_id": report_id, "kind": "forward", "target_id": int(found), "score": None})
            root = int(found)
    if same:
        url_keys = set(same[len(same) - (1 if rep.post.url and canonical_url(rep.post.url) else 0) :])
        hits: dict[int, bool] = {}
        for cid, key in conn.execute(
            select(dedup_keys.c.report_id, dedup_keys.c.key)
            .where(dedup_keys.c.key.in_(same), dedup_keys.c.report_id != report_id)
            .order_by(dedup_keys.c.report_id)
            .limit(MAX_LSH_CANDIDATES * len(same))
        ):
            hits[int(cid)] = hits.get(int(cid), False) or key in url_keys
        if hits:
            rows = {
                int(r.id): r
                for r in conn.execute(
                    select(reports.c.id, reports.c.norm_text, reports.c.dup_of).where(
                        reports.c.id.in_(sorted(hits)[:MAX_LSH_CANDIDATES])
                    )
                )
            }
            best: tuple[int, float] | None = None
            for cid, row in sorted(rows.items()):
                score = 100.0 if hits[cid] else confirm(rep.norm_text, row.norm_text)
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
    keys = sorted(set(same + own))
    if keys:
        conn.execute(insert(dedup_keys), [{"key": k, "report_id": report_id} for k in keys])
    return root if root is not None else report_id


# -- candidates as stored in mentions ---------------------------------------------------------
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


@dataclass(frozen=True, slots=True)
class _Member:
    mention_id: int
    report_id: int
    published: datetime | None
    cand: EventCandidate
    lang: str | None
    channel: str
    group: int


def _members(conn: Connection, event_id: str) -> list[_Member]:
    rows = conn.execute(
        select(
            mentions.c.id,
            mentions.c.report_id,
            mentions.c.candidate,
            reports.c.published_at,
            reports.c.lang,
            reports.c.dup_of,
            sources.c.handle,
        )
        .join(reports, reports.c.id == mentions.c.report_id)
        .join(sources, sources.c.id == reports.c.source_id)
        .where(mentions.c.event_id == event_id)
    ).all()
    out = [
        _Member(
            int(r.id),
            int(r.report_id),
            _utc(r.published_at),
            candidate_from_json(r.candidate),
            r.lang,
            r.handle,
            int(r.dup_of) if r.dup_of is not None else int(r.report_id),
        )
        for r in rows
    ]
    out.sort(
        key=lambda m: (m.published is None, m.published or datetime.min.replace(tzinfo=UTC), m.report_id)
    )
    return out


def _profile(members: Sequence[_Member], event_type: str) -> Profile:
    prof = Profile(event_type)
    for m in members:
        prof.add(m.cand, m.published, m.group)
    return prof


def _aggregate(members: Sequence[_Member]) -> dict[str, Any]:
    """Event fields from its mentions: first source, unions, the most specific date, count range."""
    first = members[0]
    cands = [m.cand for m in members]
    dated = [c for c in cands if c.event_date]
    day = [c for c in dated if c.date_precision == "day"]
    pick = None
    if day or dated:
        pool = day or dated
        votes = [c.event_date for c in pool]
        pick = max(pool, key=lambda c: (votes.count(c.event_date), -pool.index(c)))
    places: dict[str, dict[str, Any]] = {}
    for c in cands:
        for p in c.places:
            places.setdefault(place_key(p), dataclasses.asdict(p))
    units = list(dict.fromkeys(u for c in cands for u in c.units))
    counts = [c.people_count for c in cands if c.people_count is not None]
    located = sorted(places.values(), key=lambda p: p["role"] != "event")
    geo = next((p for p in located if p["lat"] is not None and p["lon"] is not None), None)
    best = int(statistics.median_low(counts)) if counts else None
    exact = (
        counts
        and len(set(counts)) == 1
        and all(c.count_precision == "exact" for c in cands if c.people_count is not None)
    )
    return {
        "event_type": first.cand.event_type,
        "grievances": list(dict.fromkeys(g for c in cands for g in c.grievances)),
        "event_date": pick.event_date if pick else None,
        "date_precision": pick.date_precision if pick else None,
        "units": units,
        "places": list(places.values()),
        "lat": geo["lat"] if geo else None,
        "lon": geo["lon"] if geo else None,
        "admin1": (geo or {}).get("admin1") or next((p["admin1"] for p in located if p["admin1"]), None),
        "people_count": best,
        "count_low": min(counts) if counts else None,
        "count_best": best,
        "count_high": max(counts) if counts else None,
        "count_precision": None if not counts else ("exact" if exact else "approximate"),
        "via": next((c.via for c in cands if c.via), None),
        "confidence": max(c.confidence for c in cands),
        "codebook_version": max(c.codebook_version for c in cands) or "unknown",
        "first_report_id": first.report_id,
        "first_published_at": first.published,
    }


def _refresh(conn: Connection, event_id: str, now: datetime) -> None:
    """Recompute a pipeline-owned event from its mentions; delete it when none are left."""
    row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
    if row is None or _frozen(row):
        return
    members = _members(conn, event_id)
    conn.execute(delete(event_facets).where(event_facets.c.event_id == event_id))
    conn.execute(delete(event_keys).where(event_keys.c.event_id == event_id))
    if not members:
        referenced = conn.execute(
            select(corrections.c.id).where(corrections.c.event_id == event_id).limit(1)
        ).first()
        if referenced is None:
            conn.execute(delete(events).where(events.c.id == event_id))
            audit(conn, event_id, "pipeline", "delete", note="no report mentions this event any more")
        return
    fields = _aggregate(members)
    changed = {k: v for k, v in fields.items() if _norm(row[k]) != _norm(v)}
    if changed:
        conn.execute(update(events).where(events.c.id == event_id).values(**changed, updated_at=now))
        audit(
            conn,
            event_id,
            "pipeline",
            "update",
            field=next(iter(changed)) if len(changed) == 1 else None,  # several: named in the note
            before={k: _norm(row[k]) for k in changed},
            after={k: _norm(v) for k, v in changed.items()},
            note=f"{len(members)} reports; fields: {', '.join(sorted(changed))}",
        )
    first_id = members[0].mention_id
    conn.execute(
        update(mentions)
        .where(mentions.c.event_id == event_id)
        .values(is_first_source=mentions.c.id == first_id)
    )
    facets: set[tuple[str, str]] = {("type", fields["event_type"])}
    facets.update(("grievance", g) for g in fields["grievances"])
    facets.update(("unit", u[:512]) for u in fields["units"])
    facets.update(("place", p["name"][:512]) for p in fields["places"])
    facets.update(("admin1", p["admin1"][:512]) for p in fields["places"] if p["admin1"])
    facets.update(("channel", m.channel[:512]) for m in members)
    facets.update(("lang", m.lang) for m in members if m.lang)
    conn.execute(
        insert(event_facets), [{"event_id": event_id, "facet": f, "value": v} for f, v in sorted(facets)]
    )
    keys = sorted({k[:300] for m in members for k in lookup_keys(m.cand)})
    if keys:
        conn.execute(insert(event_keys), [{"key": k, "event_id": event_id} for k in keys])


def _norm(value: Any) -> Any:
    """Comparable/JSON-able form of a column value (datetimes as aware ISO strings)."""
    if isinstance(value, datetime):
        return (_utc(value) or value).isoformat()
    return value


def _frozen(row: Any) -> bool:
    return bool(row["locked"]) or row["status"] in FROZEN_STATUSES


def _resolve(conn: Connection, event_id: str) -> str:
    """Follow ``merged_into`` (analyst merges) to the surviving event."""
    seen = {event_id}
    while True:
        nxt = conn.execute(select(events.c.merged_into).where(events.c.id == event_id)).scalar()
        if not nxt or nxt in seen:
            return event_id
        seen.add(nxt)
        event_id = nxt


def _find_event(
    conn: Connection, cand: EventCandidate, mine: Profile, group: int, report_id: int
) -> str | None:
    keys = [k[:300] for k in lookup_keys(cand)]
    found: list[str] = []
    if keys:
        found += [
            r[0]
            for r in conn.execute(
                select(event_keys.c.event_id)
                .where(event_keys.c.key.in_(keys))
                .distinct()
                .order_by(event_keys.c.event_id)
                .limit(200)
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
            .limit(200)
        )
    ]
    best: tuple[float, str] | None = None
    for eid in dict.fromkeys(_resolve(conn, e) for e in found):
        row = conn.execute(select(events.c.event_type, events.c.status).where(events.c.id == eid)).first()
        if row is None or row.event_type != cand.event_type or row.status == "rejected":
            continue
        members = _members(conn, eid)
        if any(m.report_id == report_id for m in members):
            continue  # another event of this same report
        score = match(mine, _profile(members, cand.event_type))
        if score is not None and score >= MERGE_SCORE and (best is None or (score, eid) > best):
            best = (score, eid)
    return best[1] if best else None


def store_extraction(
    conn: Connection,
    report_id: int,
    version: int,
    rep: Report,
    group: int,
    extraction: Extraction,
    codebook_version: str,
) -> int:
    """Mentions and events for one report's candidates; returns the number of candidates stored."""
    now = now_utc()
    old = conn.execute(
        select(mentions.c.id, mentions.c.event_id, mentions.c.candidate_index).where(
            mentions.c.report_id == report_id
        )
    ).all()
    kept: set[int] = set()
    touched: set[str] = set()
    for m in old:
        row = conn.execute(select(events).where(events.c.id == m.event_id)).mappings().first()
        if row is not None and _frozen(row):
            kept.add(int(m.candidate_index))  # an analyst's decision: the mention stays where it is
            continue
        conn.execute(delete(mentions).where(mentions.c.id == m.id))
        touched.add(m.event_id)
    for eid in sorted(touched):
        _refresh(conn, eid, now)
    stored = 0
    published = _utc(rep.post.published_at)
    for k, cand in enumerate(extraction.events if extraction.relevant else ()):
        if k in kept:
            continue
        if not cand.codebook_version:
            cand = dataclasses.replace(cand, codebook_version=codebook_version)
        mine = Profile(cand.event_type)
        mine.add(cand, published, group)
        match_id = _find_event(conn, cand, mine, group, report_id)
        created = False
        eid = match_id or event_id_for(report_key(rep), k)
        if match_id is None:
            if conn.execute(select(events.c.id).where(events.c.id == eid)).first() is None:
                conn.execute(
                    insert(events).values(
                        id=eid,
                        event_type=cand.event_type,
                        grievances=[],
                        units=[],
                        places=[],
                        codebook_version=cand.codebook_version or "unknown",
                        status="new",
                        locked=False,
                        confidence=cand.confidence,
                        created_at=now,
                        updated_at=now,
                    )
                )
                created = True
        conn.execute(
            insert(mentions).values(
                event_id=eid,
                report_id=report_id,
                candidate_index=k,
                is_first_source=False,
                candidate=candidate_to_json(cand),
                evidence=[dataclasses.asdict(e) for e in cand.evidence],
                people_count=cand.people_count,
                report_version=version,
                created_at=now,
            )
        )
        stored += 1
        if created:
            audit(conn, eid, "pipeline", "create", note=f"from report {report_id} candidate {k}")
        row = conn.execute(select(events).where(events.c.id == eid)).mappings().one()
        if _frozen(row):
            audit(
                conn,
                eid,
                "pipeline",
                "mention",
                after={"report_id": report_id, "candidate_index": k},
                note="report linked; the analyst-decided event itself is unchanged",
            )
        else:
            _refresh(conn, eid, now)
    return stored


def apply_batch(
    store: Store, batch: Sequence[tuple[Pending, Extraction | None]], codebook_version: str
) -> int:
    """Steps 5–6 for a batch in ONE transaction: a kill at any point leaves the batch pending."""
    stored = 0
    with store.engine.begin() as conn:
        for item, extraction in batch:
            group = link_duplicates(conn, item.report_id, item.report)
            if extraction is not None:
                stored += store_extraction(
                    conn, item.report_id, item.version, item.report, group, extraction, codebook_version
                )
            conn.execute(
                update(reports).where(reports.c.id == item.report_id).values(extracted_version=item.version)
            )
    return stored


# -- read queries -------------------------------------------------------------------------------
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


def list_events(
    store: Store, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[EventSummary]:
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
        .order_by(events.c.first_published_at.desc(), events.c.id)
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
            _utc(r["first_published_at"]),
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
        )
        .join(reports, reports.c.id == mentions.c.report_id)
        .join(sources, sources.c.id == reports.c.source_id)
        .outerjoin(fwd, (fwd.c.report_id == reports.c.id) & (fwd.c.kind == "forward"))
        .outerjoin(dup, (dup.c.report_id == reports.c.id) & (dup.c.kind == "dup"))
        .where(mentions.c.event_id == event_id)
        .order_by(reports.c.published_at, reports.c.id)
    )
    with store.engine.connect() as conn:
        return [
            EventSource(int(r[0]), r[1], r[2], r[3], _utc(r[4]), r[5], bool(r[6]), r[7], r[8])
            for r in conn.execute(q)
        ]
