"""Near-duplicate and forward links of a batch of reports, with a few set-wise queries.

Input: the reports of one merge batch (id, ``Report``), in report-id order, and the batch's
open transaction. Output: their index keys (``dedup_keys``: LSH bands, canonical URL, own
Telegram post address; each report's list of them in ``report_key_lists``) and links
(``report_links``: "dup" to the earliest confirmed near duplicate's group, "forward" to the
forwarded post) written; for each report its ``Linked`` (``dup_of`` to store in ``reports``,
and its near-duplicate group).

The result is exactly that of linking the reports one at a time in id order (delete the
report's old keys, look up the oldest ``PER_KEY`` other reports under each key, confirm the
``MAX_CONFIRM`` sharing most bands, insert its keys): the batch state (keys and ``dup_of`` of
the reports already linked, old keys of those not yet linked) is kept in memory over rows read
once, so links never depend on where batches are cut. Costs per batch instead of per report:

1. MinHash keys of all texts at once (``neardup.text_keys_many``, numpy);
2. one statement per ``_CHUNK`` distinct keys: the oldest rows under each key (a primary-key
   range each, ``LIMIT`` bounded — boilerplate keys shared by thousands stay cheap);
3. in-memory ranking; the candidates' texts in one ``IN`` query per 500 ids;
4. rapidfuzz only where a candidate could still lower the group (best group first);
5. bulk inserts of keys and links.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from sitrep.dedup.cluster import forward_target
from sitrep.dedup.neardup import confirm, post_key, text_keys_many, url_key
from sitrep.dedup.urls import canonical_url, telegram_post_key
from sitrep.models import Report
from sitrep.store.schema import report_links, reports

# Bounds of the add-one-report path, set on bench/dedup_incremental.py (1M reports stored):
# a band shared by more than 100 stored reports is boilerplate (a channel footer, a wire
# template); the true repost also shares other bands. 24 confirmations cover every repost
# seen in the 22k-post stream (its largest near-duplicate group has ~65 posts, but a new post
# needs only one confirmed member to join the group) at ~20 µs each.
PER_KEY = 100
MAX_CONFIRM = 24
# Keys per lookup statement: SQLite allows 500 terms in a compound SELECT; 200 keys (400 bound
# parameters) kept statement preparation below 5 % of the lookup time on the 22k stream.
_CHUNK = 200
_IN_CHUNK = 500  # ids per IN (...) list: far below every backend's bound-parameter limit
_NONE: list[int] = []
_first = itemgetter(0)


@dataclass(frozen=True, slots=True)
class Linked:
    """Outcome for one report: what to store in ``reports.dup_of``, and its group."""

    report_id: int
    dup_of: int | None

    @property
    def group(self) -> int:
        """The near-duplicate group: its first report's id (the report's own id when alone)."""
        return self.dup_of if self.dup_of is not None else self.report_id


@dataclass(slots=True)
class _Plan:
    """Pass 1 of one report: what it shares with the reports visible to it."""

    forward: int | None
    check: list[int]
    same_url: set[int]


def _index_keys(rep: Report) -> tuple[list[int], list[int]]:
    """(canonical-URL keys, the report's own Telegram post keys); LSH bands come in bulk."""
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
    return urls, own


@functools.cache
def _sharing_sql(n_keys: int, paramstyle: str) -> str:
    """One statement, one primary-key range per key (built once per key count).

    Driver-level SQL with positional parameters (key, limit per range): SQLAlchemy's
    statement and parameter processing of 400 bound values cost more than the query itself.
    """
    mark = "?" if paramstyle == "qmark" else "%s"
    part = (
        f"SELECT * FROM (SELECT key, report_id FROM dedup_keys WHERE key = {mark} "
        f"ORDER BY report_id LIMIT {mark}) AS s{{i}}"
    )
    return " UNION ALL ".join(part.format(i=i) for i in range(n_keys))


# Keys per existence probe (one bound JSON text / array each): bounds the statement whatever the batch.
_PROBE_CHUNK = 20_000
_PROBE_SQLITE = "SELECT DISTINCT key FROM dedup_keys WHERE key IN (SELECT value FROM json_each(?))"
_PROBE_PG = "SELECT DISTINCT key FROM dedup_keys WHERE key = ANY(%s)"


def _present(conn: Connection, keys: list[int]) -> list[int]:
    """The keys that have at least one stored row (ascending), one index probe each inside one
    statement per ``_PROBE_CHUNK`` keys.

    ~95 % of a new batch's keys (the bands of texts never seen before) have no row: asking which
    exist first, then reading the oldest rows of those alone, cut the lookups by a third on the
    22k stream (the ranged reads' per-key statement parts and parameters go to the few hits).
    """
    found: list[int] = []
    sqlite = conn.dialect.name == "sqlite"
    for start in range(0, len(keys), _PROBE_CHUNK):
        chunk = keys[start : start + _PROBE_CHUNK]
        if sqlite:
            rows = conn.exec_driver_sql(_PROBE_SQLITE, (json.dumps(chunk),)).fetchall()
        else:
            rows = conn.exec_driver_sql(_PROBE_PG, (chunk,)).fetchall()
        found.extend(int(r[0]) for r in rows)
    found.sort()
    return found


def _sharing(conn: Connection, limits: dict[int, int]) -> dict[int, list[int]]:
    """key → ids of the oldest ``limits[key]`` reports stored under it (ascending; only keys found)."""
    out: dict[int, list[int]] = {}
    keys = sorted(limits)
    if len(keys) > _CHUNK and (conn.dialect.name != "sqlite" or sqlite3.sqlite_version_info >= (3, 38)):
        keys = _present(conn, keys)  # SQLite has json_each built in from 3.38
    style = conn.dialect.paramstyle
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        params: list[int] = []
        for k in chunk:
            params += (k, limits[k])
        for key, rid in conn.exec_driver_sql(_sharing_sql(len(chunk), style), tuple(params)).fetchall():
            out.setdefault(int(key), []).append(int(rid))
    for ids in out.values():
        ids.sort()  # UNION ALL keeps each range's order in practice; SQL promises none
    return out


def _in_rows(conn: Connection, sql: str, ids: Iterable[int]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (its ``IN ({})`` filled with one bound parameter per id), ``_IN_CHUNK`` ids per statement.

    Driver-level SQL fetched at once: SQLAlchemy's expanding-IN compilation (500 literals per
    statement) and row-by-row iteration cost more than these indexed reads themselves.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    out: list[tuple[Any, ...]] = []
    for chunk in _chunks(ids):
        found = conn.exec_driver_sql(sql.format(", ".join([mark] * len(chunk))), tuple(chunk)).fetchall()
        out.extend(tuple(r) for r in found)
    return out


def _in_exec(conn: Connection, sql: str, ids: Sequence[int]) -> None:
    """Run a driver-level statement whose ``IN ({})`` takes ``ids`` (sorted, at most ``_IN_CHUNK``)."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(sql.format(", ".join([mark] * len(ids))), tuple(ids))


def _insert_keys(conn: Connection, rows: list[tuple[int, int]]) -> None:
    """(key, report id) rows in one driver-level executemany (no per-row SQLAlchemy processing)."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"INSERT INTO dedup_keys (key, report_id) VALUES ({mark}, {mark})", rows)


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _IN_CHUNK):
        yield ordered[start : start + _IN_CHUNK]


def _visible(stored: list[int], batch: list[int] | None, me: int, limit: int) -> list[int]:
    """The oldest ``limit`` ids under a key as report ``me`` sees them (never itself)."""
    if not batch:
        return stored[:limit]
    return sorted({*stored, *batch} - {me})[:limit]


def link_duplicates_many(conn: Connection, items: Sequence[tuple[int, Report]]) -> list[Linked]:
    """Index the reports and link each to its earliest stored near duplicate / forwarded post.

    ``items`` are (report id, report); linked in id order whatever their order here. Writes
    keys and links, not ``reports.dup_of``: the caller stores each ``Linked.dup_of`` (before
    that report's events are merged, as a one-at-a-time run would). Returned in input order.
    """
    if not items:
        return []
    order = sorted(range(len(items)), key=lambda n: items[n][0])
    ids = [items[n][0] for n in order]
    reps = [items[n][1] for n in order]
    if len(set(ids)) != len(ids):
        raise ValueError("link_duplicates_many: a report id appears twice in one batch")
    in_batch = set(ids)

    # 1. keys of every report of the batch
    bands_of = text_keys_many([r.norm_text for r in reps])
    extra = [_index_keys(r) for r in reps]
    new_keys = [sorted({*b, *u, *o}) for b, (u, o) in zip(bands_of, extra, strict=True)]
    targets = [forward_target(r) for r in reps]
    fwd_keys = [post_key(*t) if t else None for t in targets]

    # the batch's own stored rows (from earlier versions): visible until their report is relinked
    batch_rows: dict[int, list[int]] = {}
    old_keys: dict[int, list[int]] = {}
    for rid, listed in _in_rows(conn, "SELECT report_id, keys FROM report_key_lists WHERE report_id IN ({})", ids):
        old_keys[int(rid)] = keys = [int(k) for k in listed.split()]
        for key in keys:
            batch_rows.setdefault(key, []).append(int(rid))

    # 2. the oldest stored rows under every key the batch looks up; batch rows come from memory,
    # so each range reads as many extra rows as the batch has there, then drops them
    limits = dict.fromkeys(chain.from_iterable(b + u for b, (u, _o) in zip(bands_of, extra, strict=True)), PER_KEY)
    for k, rows in batch_rows.items():
        if k in limits:
            limits[k] += len(rows)
    for fk in fwd_keys:
        if fk is not None:
            limits[fk] = max(limits.get(fk, 0), 1 + len(batch_rows.get(fk, ())))
    stored: dict[int, list[int]] = {}
    for k, rows in _sharing(conn, limits).items():
        kept = [r for r in rows if r not in in_batch] if k in batch_rows else rows
        if kept:
            stored[k] = kept[:PER_KEY]
    # Keys another report of this pass can see: stored, old batch rows, forwarded-post keys,
    # or in the new keys of two batch reports. The rest (most keys of new texts) are skipped.
    counts = Counter(chain.from_iterable(new_keys))
    hot = {k for k, c in counts.items() if c > 1}
    hot.update(stored, batch_rows, (fk for fk in fwd_keys if fk is not None))

    # 3. pass 1, in id order: what each report shares with the reports visible to it
    plans: list[_Plan] = []
    for rid, bands, (urls, _own), fk, keys in zip(ids, bands_of, extra, fwd_keys, new_keys, strict=True):
        forward = None
        if fk is not None:
            seen = _visible(stored.get(fk, _NONE), batch_rows.get(fk), rid, 1)
            forward = seen[0] if seen else None
        shared: dict[int, int] = {}  # candidate report → bands shared
        for k in hot.intersection(bands):
            for cid in _visible(stored.get(k, _NONE), batch_rows.get(k), rid, PER_KEY):
                shared[cid] = shared.get(cid, 0) + 1
        same_url: set[int] = set()
        for k in hot.intersection(urls):
            same_url.update(_visible(stored.get(k, _NONE), batch_rows.get(k), rid, PER_KEY))
        check: list[int] = []
        if shared or same_url:
            ranked = sorted(shared, key=lambda c: (-shared[c], c))[:MAX_CONFIRM]
            check = sorted(set(ranked) | same_url)
        plans.append(_Plan(forward, check, same_url))
        for k in old_keys.get(rid, ()):  # relinked: its old rows go, its new ones count
            batch_rows[k].remove(rid)
        for k in hot.intersection(keys):
            batch_rows.setdefault(k, []).append(rid)

    # 4. the candidates' texts and stored groups, read once
    wanted = {c for p in plans for c in p.check} | {p.forward for p in plans if p.forward is not None}
    wanted |= in_batch
    norm: dict[int, str] = {}
    dup: dict[int, int | None] = {}
    _read_reports(conn, wanted, norm, dup, with_text={c for p in plans for c in p.check})

    # pass 2, in id order: confirm, pick the earliest group, follow one step of dup_of
    out: dict[int, Linked] = {}
    links: list[dict[str, Any]] = []
    for rid, rep, plan in zip(ids, reps, plans, strict=True):
        root: int | None = None
        if plan.forward is not None:
            links.append({"report_id": rid, "kind": "forward", "target_id": plan.forward, "score": None})
            root = plan.forward
        best = _best_group(conn, rep.norm_text, plan, norm, dup)
        if best is not None and best[0] != rid:
            links.append({"report_id": rid, "kind": "dup", "target_id": best[0], "score": best[1]})
            root = best[0] if root is None else min(root, best[0])
        if root is not None:
            up = _dup_of(conn, root, dup)
            root = up if up is not None else root
        if root is not None and root >= rid:
            root = None  # never point a report at itself or a later one: reruns in id order stay identical
        dup[rid] = root
        out[rid] = Linked(rid, root)

    # 5. writes: old keys go by primary key (their list says which), then the new keys and lists
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if old_keys:
        old_rows = sorted((k, rid) for rid, keys in old_keys.items() for k in keys)
        conn.exec_driver_sql(f"DELETE FROM dedup_keys WHERE key = {mark} AND report_id = {mark}", old_rows)
        for chunk in _chunks(old_keys):
            _in_exec(conn, "DELETE FROM report_key_lists WHERE report_id IN ({})", chunk)
    for chunk in _chunks(ids):
        _in_exec(conn, "DELETE FROM report_links WHERE report_id IN ({})", chunk)
    if links:
        conn.execute(insert(report_links), links)
    # In key order (B-tree locality); ids ascend and each report's keys are distinct, so a stable
    # sort on the key alone gives the (key, report id) order, comparing ints rather than tuples.
    key_rows = [(k, rid) for rid, keys in zip(ids, new_keys, strict=True) for k in keys]
    key_rows.sort(key=_first)
    if key_rows:
        _insert_keys(conn, key_rows)
        lists = [(rid, " ".join(map(str, keys))) for rid, keys in zip(ids, new_keys, strict=True) if keys]
        conn.exec_driver_sql(f"INSERT INTO report_key_lists (report_id, keys) VALUES ({mark}, {mark})", lists)
    return [out[rid] for rid, _ in items]


def _read_reports(
    conn: Connection, wanted: set[int], norm: dict[int, str], dup: dict[int, int | None], with_text: set[int]
) -> None:
    """Stored ``dup_of`` of ``wanted`` (and ``norm_text`` of those in ``with_text``)."""
    for rid, text_, dup_of in _in_rows(conn, "SELECT id, norm_text, dup_of FROM reports WHERE id IN ({})", with_text):
        norm[int(rid)] = text_ or ""
        dup[int(rid)] = int(dup_of) if dup_of is not None else None
    for rid, dup_of in _in_rows(conn, "SELECT id, dup_of FROM reports WHERE id IN ({})", wanted - with_text):
        dup[int(rid)] = int(dup_of) if dup_of is not None else None


def _dup_of(conn: Connection, rid: int, dup: dict[int, int | None]) -> int | None:
    """``dup_of`` of a report as the batch has left it so far (read when not known yet)."""
    if rid not in dup:
        found = conn.execute(select(reports.c.dup_of).where(reports.c.id == rid)).scalar()
        dup[rid] = int(found) if found is not None else None
    return dup[rid]


def _best_group(
    conn: Connection, text_: str, plan: _Plan, norm: dict[int, str], dup: dict[int, int | None]
) -> tuple[int, float] | None:
    """(earliest group among confirmed candidates, score of its earliest confirmed member).

    Candidates are tried by (group, id): the first confirmed one is the answer, so rapidfuzz
    runs only until then — not on every candidate of a report with a long group.
    """
    order = []
    for cid in plan.check:
        if cid not in norm:
            continue  # a report deleted since its keys were read
        d = _dup_of(conn, cid, dup)
        order.append((d if d is not None else cid, cid))
    for group, cid in sorted(order):
        score = 100.0 if cid in plan.same_url else confirm(text_, norm[cid])
        if score:
            return group, score
    return None


def store_dup_of(conn: Connection, linked: Sequence[Linked], versions: Sequence[int] | None = None) -> None:
    """Write ``reports.dup_of`` (and ``extracted_version`` when given) of linked reports at once.

    One driver-level ``executemany`` (no per-row SQLAlchemy parameter processing).
    """
    if not linked:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if versions is None:
        sql = f"UPDATE reports SET dup_of = {mark} WHERE id = {mark}"
        rows: list[tuple[int | None, ...]] = [(ln.dup_of, ln.report_id) for ln in linked]
    else:
        sql = f"UPDATE reports SET dup_of = {mark}, extracted_version = {mark} WHERE id = {mark}"
        rows = [(ln.dup_of, versions[n], ln.report_id) for n, ln in enumerate(linked)]
    conn.exec_driver_sql(sql, rows)


def link_duplicates(conn: Connection, report_id: int, rep: Report) -> int:
    """One report: index it, link it, store its ``dup_of``; returns its near-duplicate group."""
    (linked,) = link_duplicates_many(conn, [(report_id, rep)])
    store_dup_of(conn, [linked])
    return linked.group
