"""Named read queries used by the CLI and the web app (no raw SQL outside ``store``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, func, select, text

from sitrep.store import fts
from sitrep.store.schema import failures, raw_items, report_versions, reports, sources, telegram_album_ids
from sitrep.store.sql import Store


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed search: per query word, the lemmas it may stand for and its surface prefix."""

    groups: list[set[str]]
    prefixes: list[str]
    channel: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    lang: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    report_id: int
    channel: str
    channel_title: str | None
    external_id: str
    url: str | None
    published_at: datetime | None
    lang: str | None
    text: str
    rank: float


# Ranking cost grows with the number of matches: bm25 costs ~4 us per matching row, and on 1M
# posts a common word ("этого", or a prefix such as "это"*) matches 100k+ reports. Only the
# newest RANK_CAP matches (after the filters) are ranked; rarer words are unaffected. Measured on
# the news stream: 6,449 matches ranked in 26 ms, 2,000 in 7 ms. With the page joined after
# ranking (below), bench/ingest_million.py at 1M posts: p95 21.5 ms, max 34.7 ms (load 2 on 2 CPUs).
RANK_CAP = 2_000
_FILTER_JOINS = "JOIN reports r ON r.id = reports_fts.rowid JOIN sources s ON s.id = r.source_id "


def search_reports(store: Store, q: SearchQuery) -> list[SearchHit]:
    """Ranked full-text search over reports (bm25 on SQLite, ts_rank on PostgreSQL)."""
    if not q.groups:
        return []
    conds = []
    params: dict[str, Any] = {"limit": q.limit, "offset": q.offset}
    if q.channel:
        conds.append("(s.handle = :channel OR s.title = :channel)")
        params["channel"] = q.channel
    if q.since:
        conds.append("r.published_at >= :since")
        params["since"] = q.since
    if q.until:
        conds.append("r.published_at < :until")
        params["until"] = q.until
    if q.lang:
        conds.append("r.lang = :lang")
        params["lang"] = q.lang
    where = "".join(" AND " + c for c in conds)
    params["cap"] = RANK_CAP
    # Three steps: the newest RANK_CAP matches with their rank (ids and numbers only), the page of
    # them by rank, and only then the page's rows joined to reports and sources. Joining the
    # whole capped set first read RANK_CAP reports rows (text, overflow pages) and sorted them
    # with their text: half the time of a search on 22k posts.
    page = "ORDER BY c.rank, c.id DESC LIMIT :limit OFFSET :offset"
    if store.is_sqlite:
        params["match"] = fts.sqlite_match(q.groups, q.prefixes)
        # The inner query walks matches newest first (FTS5 serves ORDER BY rowid DESC from the
        # index) and stops after RANK_CAP rows, so bm25 is computed for at most RANK_CAP rows.
        ranked = (
            "SELECT reports_fts.rowid AS id, bm25(reports_fts) AS rank FROM reports_fts "
            + (_FILTER_JOINS if conds else "")
            + "WHERE reports_fts MATCH :match"
            + where
            + " ORDER BY reports_fts.rowid DESC LIMIT :cap"
        )
    else:
        params["tsq"] = fts.postgres_tsquery(q.groups, q.prefixes)
        ranked = (
            "SELECT r.id AS id, -ts_rank(r.search_tsv, to_tsquery('simple', :tsq)) AS rank FROM reports r "
            "JOIN sources s ON s.id = r.source_id WHERE r.search_tsv @@ to_tsquery('simple', :tsq)"
            + where
            + " ORDER BY r.id DESC LIMIT :cap"
        )
    sql = (
        "SELECT r.id, s.handle, s.title, r.external_id, r.url, r.published_at, r.lang, r.text, f.rank "
        f"FROM (SELECT c.id, c.rank FROM ({ranked}) c {page}) f "
        "JOIN reports r ON r.id = f.id JOIN sources s ON s.id = r.source_id "
        "ORDER BY f.rank, r.id DESC"
    )
    with store.engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
    out = []
    for row in rows:
        published = row[5]
        if isinstance(published, str):  # SQLite via text() returns strings
            published = datetime.fromisoformat(published)
        if published is not None and published.tzinfo is None:  # stored as UTC
            published = published.replace(tzinfo=UTC)
        out.append(SearchHit(int(row[0]), row[1], row[2], row[3], row[4], published, row[6], row[7], float(row[8])))
    return out


def stats(store: Store) -> dict[str, int]:
    """Counts of everything stored."""
    from sitrep.store.schema import events, mentions

    counts: dict[str, int] = {}
    with store.engine.connect() as conn:
        for name, table in (
            ("sources", sources),
            ("reports", reports),
            ("versions", report_versions),
            ("raw_items", raw_items),
            ("events", events),
            ("mentions", mentions),
        ):
            counts[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        counts["failures"] = int(conn.execute(select(func.coalesce(func.sum(failures.c.count), 0))).scalar_one())
        counts["edited_reports"] = int(
            conn.execute(select(func.count()).select_from(reports).where(reports.c.version > 1)).scalar_one()
        )
        counts["deleted_reports"] = int(
            conn.execute(
                select(func.count()).select_from(reports).where(reports.c.deleted_at.is_not(None))
            ).scalar_one()
        )
    return counts


@dataclass(frozen=True, slots=True)
class SourceHealth:
    id: int
    kind: str
    handle: str
    title: str | None
    reports: int
    first_date: datetime | None
    last_date: datetime | None
    missing_ids: int  # message ids absent between the first and the last id seen
    gaps: list[tuple[int, int]]  # the biggest ranges of missing ids (first, last)
    last_success_at: datetime | None
    last_error: str | None


def _id_gaps(ids: list[int], keep: int = 5) -> tuple[int, list[tuple[int, int]]]:
    ids = sorted(set(ids))
    missing = 0
    gaps: list[tuple[int, int]] = []
    for a, b in zip(ids, ids[1:], strict=False):
        if b - a > 1:
            missing += b - a - 1
            gaps.append((a + 1, b - 1))
    gaps.sort(key=lambda g: g[1] - g[0], reverse=True)
    return missing, gaps[:keep]


def source_health(store: Store, source_id: int | None = None) -> list[SourceHealth]:
    """Each channel/site with report counts, date range and gaps in Telegram message ids."""
    out = []
    with store.engine.connect() as conn:
        q = select(sources).order_by(sources.c.kind, sources.c.handle)
        if source_id is not None:
            q = q.where(sources.c.id == source_id)
        for src in conn.execute(q).all():
            agg = conn.execute(
                select(func.count(), func.min(reports.c.published_at), func.max(reports.c.published_at)).where(
                    reports.c.source_id == src.id
                )
            ).one()
            missing, gaps = 0, list[tuple[int, int]]()
            if src.kind in ("telegram_export", "tme_html", "jsonl", "telegram_live"):
                ids = [
                    int(x)
                    for (x,) in conn.execute(select(reports.c.external_id).where(and_(reports.c.source_id == src.id)))
                    if str(x).isdigit()
                ]
                # Album members other than the album's key message are stored, not missing.
                ids += [
                    int(x)
                    for (x,) in conn.execute(
                        select(telegram_album_ids.c.message_id).where(telegram_album_ids.c.source_id == src.id)
                    )
                ]
                missing, gaps = _id_gaps(ids)
            out.append(
                SourceHealth(
                    src.id,
                    src.kind,
                    src.handle,
                    src.title,
                    int(agg[0]),
                    agg[1],
                    agg[2],
                    missing,
                    gaps,
                    src.last_success_at,
                    src.last_error,
                )
            )
    return out


def list_failures(store: Store, limit: int = 100) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(failures).order_by(failures.c.last_at.desc()).limit(limit)).mappings().all()
    return [dict(r) for r in rows]
