"""Event and mention writes: the incremental merge (read queries: ``store.event_reads``).

Input: stored reports whose current version was not extracted yet, with the extractor's
``Extraction`` for each. Output, in the caller's single transaction per batch: near-duplicate
keys and links (``dedup_keys``, ``report_links``, ``reports.dup_of``), mentions, events with
their aggregates (count low/best/high, first source, lat/lon/admin1), ``event_facets``,
``event_keys``, an audit entry for every change, and ``reports.extracted_version``.

Incremental: a report is compared only with reports sharing one of its index keys and with
events found under its lookup keys (type + unit / place) within the merge window, or through
its near-duplicate group (``store.event_lookup``), so adding one report costs a few indexed,
bounded queries whatever the size of the store (``bench/dedup_incremental.py``).
Analysts' decisions win: an event that is ``locked`` or ``confirmed``/``rejected``/``merged``
is never rewritten (new reports may still be linked to it as mentions); a mention on such an
event is kept as is when its report is extracted again.
"""

from __future__ import annotations

import dataclasses
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.engine import Connection

from sitrep.dedup.cluster import event_id_for, report_key, report_names
from sitrep.dedup.embed import Embedder, embed_relevant, to_bytes
from sitrep.dedup.merge import Profile, cross_type_keys, day_span, lookup_keys, majority_type, place_key
from sitrep.models import Extraction, Post, RawItem, Report, SourceRef
from sitrep.review import audit
from sitrep.store.dup_links import link_duplicates, link_duplicates_many, store_dup_of
from sitrep.store.event_lookup import (
    Member,
    candidate_to_json,
    find_event,
    load_members,
    utc,
)
from sitrep.store.schema import (
    corrections,
    event_facets,
    event_keys,
    events,
    mentions,
    report_vectors,
    reports,
    sources,
)
from sitrep.store.sql import Store, now_utc

__all__ = ["Pending", "apply_batch", "link_duplicates", "load_pending", "store_extraction"]

FROZEN_STATUSES = ("confirmed", "rejected", "merged")


@dataclass(frozen=True, slots=True)
class Pending:
    """A stored report whose current version waits for extraction."""

    report_id: int
    version: int
    report: Report


# The report columns a Pending needs (not media/entities: decoding their JSON for every
# pending report was ~5 % of a first ingest and nothing downstream reads them).
_PENDING_COLUMNS = (
    "id",
    "version",
    "first_seen_at",
    "raw_sha256",
    "external_id",
    "text",
    "published_at",
    "edited_at",
    "url",
    "title",
    "author",
    "forwarded_from",
    "forwarded_from_id",
    "reply_to",
    "views",
    "lang",
    "norm_text",
    "search_body",
)


def load_pending(store: Store, limit: int, after_id: int = 0) -> list[Pending]:
    """Up to ``limit`` reports (by id, above ``after_id``) whose ``extracted_version`` is behind."""
    q = (
        select(
            *(reports.c[name] for name in _PENDING_COLUMNS),
            sources.c.kind,
            sources.c.handle,
            sources.c.title.label("source_title"),
        )
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
                published_at=utc(row["published_at"]),
                edited_at=utc(row["edited_at"]),
                url=row["url"],
                title=row["title"],
                author=row["author"],
                forwarded_from=row["forwarded_from"],
                forwarded_from_id=row["forwarded_from_id"],
                reply_to=row["reply_to"],
                views=row["views"],
            )
            rep = Report(post=post, lang=row["lang"] or "und", norm_text=row["norm_text"], lemmas=row["search_body"])
            out.append(Pending(int(row["id"]), int(row["version"]), rep))
    return out


def _aggregate(members: Sequence[Member]) -> dict[str, Any]:
    """Event fields from its mentions: first source, the type most give (ties: the earliest),
    unions, the most specific date, count range."""
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
        "event_type": majority_type(c.event_type for c in cands),  # mentions keep their own
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


# The add path's statements, built once (SQLAlchemy memoises a statement object's cache key;
# building them per call cost more CPU than running them).
_EVENT_ROW = select(events).where(events.c.id == bindparam("event_id"))
_DELETE_FACETS = delete(event_facets).where(event_facets.c.event_id == bindparam("event_id"))
_DELETE_KEYS = delete(event_keys).where(event_keys.c.event_id == bindparam("event_id"))
_FIRST_SOURCE = (
    update(mentions)
    .where(mentions.c.event_id == bindparam("ev"))  # not a column's name: update() reserves those
    .values(is_first_source=mentions.c.id == bindparam("first_id"))
)
_REPORT_MENTIONS = (
    select(mentions.c.id, mentions.c.event_id, mentions.c.candidate_index)
    .where(mentions.c.report_id == bindparam("report_id"))
    .order_by(mentions.c.id)
)
_MENTION_OF = (
    select(mentions.c.id)
    .where(mentions.c.event_id == bindparam("event_id"), mentions.c.report_id == bindparam("report_id"))
    .limit(1)
)
_EVENT_EXISTS = select(events.c.id).where(events.c.id == bindparam("event_id"))
_FACETS_OF = select(event_facets.c.facet, event_facets.c.value).where(event_facets.c.event_id == bindparam("event_id"))
_DELETE_FACET = delete(event_facets).where(
    event_facets.c.event_id == bindparam("ev"),
    event_facets.c.facet == bindparam("f"),
    event_facets.c.value == bindparam("v"),
)
_KEYS_OF = select(event_keys.c.key, event_keys.c.day_lo, event_keys.c.day_hi).where(
    event_keys.c.event_id == bindparam("event_id")
)
_DELETE_KEY = delete(event_keys).where(event_keys.c.event_id == bindparam("ev"), event_keys.c.key == bindparam("k"))
_KEY_SPAN = (
    update(event_keys)
    .where(event_keys.c.event_id == bindparam("ev"))
    .values(day_lo=bindparam("lo"), day_hi=bindparam("hi"))
)


def _refresh(conn: Connection, event_id: str, now: datetime) -> None:
    """Recompute a pipeline-owned event from its mentions; delete it when none are left."""
    row = conn.execute(_EVENT_ROW, {"event_id": event_id}).mappings().first()
    if row is None or _frozen(row):
        return
    members = load_members(conn, [event_id])[event_id]
    if not members:
        conn.execute(_DELETE_FACETS, {"event_id": event_id})
        conn.execute(_DELETE_KEYS, {"event_id": event_id})
        referenced = conn.execute(select(corrections.c.id).where(corrections.c.event_id == event_id).limit(1)).first()
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
    conn.execute(_FIRST_SOURCE, {"ev": event_id, "first_id": first_id})
    facets: set[tuple[str, str]] = {("type", fields["event_type"])}
    facets.update(("grievance", g) for g in fields["grievances"])
    facets.update(("unit", u[:512]) for u in fields["units"])
    facets.update(("place", p["name"][:512]) for p in fields["places"])
    facets.update(("admin1", p["admin1"][:512]) for p in fields["places"] if p["admin1"])
    facets.update(("channel", m.channel[:512]) for m in members)
    facets.update(("lang", m.lang) for m in members if m.lang)
    keys = {k[:300] for m in members for k in lookup_keys(m.cand, m.names)}
    lo, hi = day_span((m.cand, m.published) for m in members)
    _write_index(conn, event_id, facets, keys, (lo, hi))


def _write_index(
    conn: Connection, event_id: str, facets: set[tuple[str, str]], keys: set[str], span: tuple[int, int]
) -> None:
    """Make the event's ``event_facets`` and ``event_keys`` rows these, writing only the
    difference: an added mention mostly leaves them as they were, and rewriting all of them
    (tens of index rows) was most of the pages an add wrote."""
    old_facets = {(r.facet, r.value) for r in conn.execute(_FACETS_OF, {"event_id": event_id})}
    gone = sorted(old_facets - facets)
    if gone:
        conn.execute(_DELETE_FACET, [{"ev": event_id, "f": f, "v": v} for f, v in gone])
    new = sorted(facets - old_facets)
    if new:
        conn.execute(insert(event_facets), [{"event_id": event_id, "facet": f, "value": v} for f, v in new])
    lo, hi = span
    old_keys = {r.key: (r.day_lo, r.day_hi) for r in conn.execute(_KEYS_OF, {"event_id": event_id})}
    dropped = sorted(old_keys.keys() - keys)
    if dropped:
        conn.execute(_DELETE_KEY, [{"ev": event_id, "k": k} for k in dropped])
    if any(old_keys[k] != span for k in keys & old_keys.keys()):
        conn.execute(_KEY_SPAN, {"ev": event_id, "lo": lo, "hi": hi})
    added = sorted(keys - old_keys.keys())
    if added:
        conn.execute(insert(event_keys), [{"key": k, "event_id": event_id, "day_lo": lo, "day_hi": hi} for k in added])


def _norm(value: Any) -> Any:
    """Comparable/JSON-able form of a column value (datetimes as aware ISO strings)."""
    if isinstance(value, datetime):
        return (utc(value) or value).isoformat()
    return value


def _frozen(row: Any) -> bool:
    return bool(row["locked"]) or row["status"] in FROZEN_STATUSES


def _new_event_id(conn: Connection, key: str, k: int, report_id: int) -> str:
    """Id of the event candidate ``k`` of a report starts: derived from the report, so reruns agree.

    An event of a report's earlier version keeps its id while other reports still mention it;
    when one of this report's other candidates has just joined that event, candidate ``k``
    must not be put in it too (two events of one report), so a salted id is derived instead,
    the same on every rerun.
    """
    for attempt in itertools.count():
        eid = event_id_for(key if attempt == 0 else f"{key}~{attempt}", k)
        mine = conn.execute(_MENTION_OF, {"event_id": eid, "report_id": report_id}).first()
        if mine is None:
            return eid
    raise AssertionError("unreachable")


def store_extraction(
    conn: Connection,
    report_id: int,
    version: int,
    rep: Report,
    group: int,
    extraction: Extraction,
    codebook_version: str,
    vector: Any = None,
) -> int:
    """Mentions and events for one report's candidates; returns the number of candidates stored.

    ``vector``: the report's text embedding when embeddings are on (merge evidence).
    """
    now = now_utc()
    old = conn.execute(_REPORT_MENTIONS, {"report_id": report_id}).all()
    kept: set[int] = set()
    touched: set[str] = set()
    for m in old:
        row = conn.execute(_EVENT_ROW, {"event_id": m.event_id}).mappings().first()
        if row is not None and _frozen(row):
            kept.add(int(m.candidate_index))  # an analyst's decision: the mention stays where it is
            continue
        conn.execute(delete(mentions).where(mentions.c.id == m.id))
        touched.add(m.event_id)
    for eid in sorted(touched):
        _refresh(conn, eid, now)
    stored = 0
    published = utc(rep.post.published_at)
    names = report_names(rep) if extraction.relevant and extraction.events else ()
    for k, cand in enumerate(extraction.events if extraction.relevant else ()):
        if k in kept:
            continue
        if not cand.codebook_version:
            cand = dataclasses.replace(cand, codebook_version=codebook_version)
        mine = Profile(cand.event_type)
        mine.add(cand, published, group, vector, names)
        keys = [key[:300] for key in lookup_keys(cand, names)]
        cross = [key[:300] for key in cross_type_keys(cand, names)]
        match_id = find_event(conn, cand, mine, keys, day_span([(cand, published)]), group, report_id, published, cross)
        created = False
        eid = match_id or _new_event_id(conn, report_key(rep), k, report_id)
        if match_id is None:
            if conn.execute(_EVENT_EXISTS, {"event_id": eid}).first() is None:
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
                candidate=candidate_to_json(cand, names),
                evidence=[dataclasses.asdict(e) for e in cand.evidence],
                people_count=cand.people_count,
                report_version=version,
                created_at=now,
            )
        )
        stored += 1
        if created:
            audit(conn, eid, "pipeline", "create", note=f"from report {report_id} candidate {k}")
        row = conn.execute(_EVENT_ROW, {"event_id": eid}).mappings().one()
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
    store: Store,
    batch: Sequence[tuple[Pending, Extraction | None]],
    codebook_version: str,
    embedder: Embedder | None = None,
) -> int:
    """Steps 5–6 for a batch in ONE transaction: a kill at any point leaves the batch pending.

    With an ``embedder`` (``settings.dedup_embeddings``) the relevant reports' texts are
    embedded first (outside the transaction) and stored in ``report_vectors``.
    """
    vectors: list[Any] = [None] * len(batch)
    if embedder is not None:
        relevant = [ex is not None and ex.relevant for _, ex in batch]
        vectors = embed_relevant(embedder, [p.report for p, _ in batch], relevant)
    stored = 0
    with store.engine.begin() as conn:
        # near duplicates of the whole batch at once (``store.dup_links``: same links as one by one)
        linked = link_duplicates_many(conn, [(item.report_id, item.report) for item, _ in batch])
        versions = [item.version for item, _ in batch]
        if all(ex is None for _, ex in batch) and all(v is None for v in vectors):
            store_dup_of(conn, linked, versions)  # nothing reads dup_of in between: one statement
            return 0
        for (item, extraction), vector, link in zip(batch, vectors, linked, strict=True):
            # dup_of before this report's merge, and not before the reports ahead of it
            store_dup_of(conn, [link], [item.version])
            if vector is not None:
                conn.execute(delete(report_vectors).where(report_vectors.c.report_id == item.report_id))
                conn.execute(insert(report_vectors).values(report_id=item.report_id, vector=to_bytes(vector)))
            if extraction is not None:
                stored += store_extraction(
                    conn,
                    item.report_id,
                    item.version,
                    item.report,
                    link.group,
                    extraction,
                    codebook_version,
                    vector,
                )
    return stored
