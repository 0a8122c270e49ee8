"""Adding one report to a store holding N reports (default 1,000,000): dedup + merge latency.

Run: ``.venv/bin/python bench/dedup_incremental.py [N] [DB_PATH]`` (default N = 1,000,000, a
SQLite file in /tmp). Step 1 generates N reports from the real stream
(``../shared/data/telegram-news-stream/raw``) with variations (random word substitutions,
deletions and channel footers, so some variants are near duplicates and most are not), and
writes them straight into the store's tables at speed (reports, their 16 LSH keys in
``dedup_keys``, and for one report in 50 an event with its mention and lookup keys, the name keys
of its text included (``cluster.report_names``: rare names, numbers, places, countries, as the
store writes them); the events' types cycle through the six default types, so that the
lookups under neighbouring types find rows too). Every lookup key kind the store writes
(``merge.lookup_keys``) is filled: numbered units, unit names (one event in four), places and
their oblast, the event's day (six events in seven are dated 0-2 days before publication), counts
and rare names. The added reports' events are dated alike (one in seven undated).
Step 2 adds 300 new reports one by one through the real incremental path
(``store.events.apply_batch``: near-duplicate lookup, link, event lookup and merge, audit, one
transaction each) and prints p50/p95/max milliseconds (wall and CPU time) and the peak RSS of
the process, and the slowest adds. ``BENCH_PROFILE=1`` also prints a cProfile of the add path
(every add but the first, which loads the codebook and the gazetteer once).
"""

from __future__ import annotations

import cProfile
import json
import multiprocessing
import os
import pstats
import random
import resource
import sqlite3
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from sitrep.dedup.cluster import event_id_for, text_names
from sitrep.dedup.merge import day_span, lookup_keys
from sitrep.dedup.neardup import text_keys_many
from sitrep.enrich import enrich_posts
from sitrep.enrich.normalize import normalize
from sitrep.models import EventCandidate, Extraction, Place, Post, RawItem, SourceRef
from sitrep.store import open_store
from sitrep.store.event_lookup import candidate_to_json
from sitrep.store.events import Pending, apply_batch

STREAM = Path(__file__).resolve().parents[1].parent / "shared" / "data/telegram-news-stream/raw"
FOOTERS = ["\n\nПодписаться", "\n\n👉 Прислать новость", "\n\nИсточник: ТАСС", "", "", ""]
UNITS = ["regiment", "brigade", "battalion"]
# every default type, so that the lookups under neighbouring types (``merge.cross_type_keys``) find rows
TYPES = ("appeal", "refusal", "desertion", "protest", "abuse", "coercion")


def stream_texts() -> list[str]:
    out = []
    for path in sorted(STREAM.glob("*.json")):
        out += [m["text"] for m in json.loads(path.read_text(encoding="utf-8")) if (m.get("text") or "").strip()]
    return out


def vary(rng: random.Random, text: str) -> str:
    words = text.split()
    for _ in range(rng.randint(0, max(1, len(words) // 4))):
        if words:
            words[rng.randrange(len(words))] = rng.choice(words)
    return " ".join(words) + rng.choice(FOOTERS)


# oblasts: the ``p:<admin1>`` key every place with a region writes is shared by many events
REGIONS = [f"Region{k} oblast" for k in range(20)]
# named units ("Akhmat", "Rusich"): their ``n:<name>`` keys, as shared as a unit number
UNIT_NAMES = [f"Unitname{k}" for k in range(300)]


def cand_for(i: int, day: date | None = None) -> EventCandidate:
    """Event ``i``'s candidate, dated to ``day`` (day precision: the ``type|d:<day>`` key every
    day-dated event writes, ``merge.lookup_keys``) or undated; one in four names a unit by name,
    every place has its region (the ``p:<admin1>`` key)."""
    units: tuple[str, ...] = (f"{100 + i % 5000}th {UNITS[i % 3]}",)
    k = i // 50  # events are stored for every 50th report
    if k // len(TYPES) % 4 == 0:  # every type has some
        units += (f"{UNIT_NAMES[k % len(UNIT_NAMES)]} battalion",)
    return EventCandidate(
        TYPES[i // 50 % len(TYPES)],
        units=units,
        places=(Place(f"Place{i % 3000}", "event", admin1=REGIONS[k % len(REGIONS)]),),
        event_date=day.isoformat() if day else None,
        date_precision="day" if day else None,
        people_count=10 + i % 90,
        codebook_version="bench",
    )


def _norm_footers() -> list[str]:
    return [" " + normalize(f) if f else "" for f in FOOTERS]


def vary_norm(rng: random.Random, norm: str, footers: list[str]) -> str:
    """A variant of a normalised text: words replaced by other words of it, maybe a footer."""
    words = norm.split()
    for _ in range(rng.randint(0, max(1, len(words) // 4))):
        if words:
            words[rng.randrange(len(words))] = rng.choice(words)
    return " ".join(words) + rng.choice(footers)


def generate(db: Path, n: int, texts: list[str]) -> None:
    """Write ``n`` reports (+ keys, 1 event in 50) straight into the tables, in bulk.

    Speed (the previous row-by-row version slowed to 20k reports per 35 s at 180k): texts are
    varied after normalising the 22k originals once; LSH keys are computed 256 texts at a time
    (``text_keys_many``); rows go in with ``executemany`` in 20k-row transactions; the 16
    ``dedup_keys`` rows per report are sorted by primary key in numpy and appended in that
    order (a random-order insert into a 16M-row B-tree is what was slow); each report's own
    key list goes into ``report_key_lists`` as the store writes it. The FTS index of these rows is not built:
    the add-one path never reads it.
    """
    store = open_store(f"sqlite:///{db}")
    store.dispose()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")  # 256 MB, this child process only
    fts_trigger = con.execute("SELECT sql FROM sqlite_master WHERE name = 'reports_fts_ai'").fetchone()
    con.execute("DROP TRIGGER IF EXISTS reports_fts_ai")
    now = datetime.now(UTC).isoformat(sep=" ")
    con.execute("INSERT INTO sources (id, kind, handle, created_at) VALUES (1, 'jsonl', 'bench', ?)", (now,))
    con.execute("INSERT INTO raw_items VALUES ('0', 'text/plain', 0, x'', 'bench', 1, NULL, ?)", (now,))
    rng = random.Random(7)
    base = datetime(2024, 1, 1, tzinfo=UTC)
    norms = [normalize(t) for t in texts]
    footers = _norm_footers()
    # rare-name, number, place and country keys of a stream text (``cluster.report_names``), as the store keeps them
    names_of: dict[int, tuple[str, ...]] = {}
    t0 = time.perf_counter()
    chunk = 20_000
    key_parts: list[np.ndarray] = []
    id_parts: list[np.ndarray] = []
    for start in range(1, n + 1, chunk):
        ids = range(start, min(n + 1, start + chunk))
        variants = [vary_norm(rng, norms[rid % len(norms)], footers) for rid in ids]
        rows, evs, ments, ekeys, lists = [], [], [], [], []
        for rid, norm, keys in zip(ids, variants, text_keys_many(variants), strict=True):
            published = base + timedelta(seconds=rid * 40)
            pub = published.isoformat(sep=" ")
            rows.append((rid, 1, str(rid), pub, "ru", norm, norm, norm, "0", 1, now, now, 1))
            key_parts.append(np.asarray(sorted(set(keys)), dtype=np.int64))
            lists.append((rid, " ".join(map(str, key_parts[-1].tolist()))))
            id_parts.append(np.full(len(key_parts[-1]), rid, dtype=np.int32))
            if rid % 50 == 0:
                # dated 0-2 days before its publication, one in seven undated
                day = None if rid // 50 % 7 == 0 else published.date() - timedelta(days=rid // 50 % 3)
                c = cand_for(rid, day)
                eid = event_id_for(f"jsonl:bench:{rid}", 0)
                src = rid % len(texts)
                if src not in names_of:
                    names_of[src] = text_names(texts[src], "ru")
                names = names_of[src]
                evs.append(
                    (
                        eid,
                        c.event_type,
                        "[]",
                        json.dumps(list(c.units)),
                        "[]",
                        0.0,
                        "new",
                        "bench",
                        rid,
                        pub,
                        0,
                        now,
                        now,
                    )
                )
                ments.append((eid, rid, 0, 1, json.dumps(candidate_to_json(c, names)), "[]", c.people_count, 1, now))
                lo, hi = day_span([(c, published)])
                ekeys += [(k, eid, lo, hi) for k in lookup_keys(c, names)]
        con.executemany(
            "INSERT INTO reports (id, source_id, external_id, published_at, lang, text, norm_text, "
            "search_body, raw_sha256, version, first_seen_at, last_seen_at, extracted_version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        con.executemany(
            "INSERT INTO events (id, event_type, grievances, units, places, confidence, status, "
            "codebook_version, first_report_id, first_published_at, locked, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            evs,
        )
        con.executemany(
            "INSERT INTO mentions (event_id, report_id, candidate_index, is_first_source, candidate, "
            "evidence, people_count, report_version, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            ments,
        )
        con.executemany("INSERT INTO report_key_lists (report_id, keys) VALUES (?, ?)", lists)
        con.executemany("INSERT OR IGNORE INTO event_keys (key, event_id, day_lo, day_hi) VALUES (?, ?, ?, ?)", ekeys)
        con.commit()
        done = min(n, start + chunk - 1)
        print(f"\r  generated {done:,} reports ({time.perf_counter() - t0:.0f} s)", end="", flush=True)
    print(f"\n  reports written ({time.perf_counter() - t0:.0f} s); sorting and writing LSH keys")
    keys_all, ids_all = np.concatenate(key_parts), np.concatenate(id_parts)
    del key_parts, id_parts
    order = np.lexsort((ids_all, keys_all))
    keys_all, ids_all = keys_all[order], ids_all[order]
    step = 1_000_000
    for s in range(0, len(keys_all), step):
        con.executemany(
            "INSERT OR IGNORE INTO dedup_keys (key, report_id) VALUES (?, ?)",
            zip(keys_all[s : s + step].tolist(), ids_all[s : s + step].tolist(), strict=True),
        )
        con.commit()
    print(f"  {len(keys_all):,} keys written ({time.perf_counter() - t0:.0f} s)")
    if fts_trigger:
        con.execute(fts_trigger[0])
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    db = Path(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/sitrep-bench-{n}.db")
    texts = stream_texts()
    if not db.exists():
        t0 = time.perf_counter()
        # In a child process: its memory (numpy key arrays, SQLite cache) is not the add path's.
        child = multiprocessing.get_context("fork").Process(target=generate, args=(db, n, texts))
        child.start()
        child.join()
        if child.exitcode != 0:
            db.unlink(missing_ok=True)
            sys.exit(f"generation failed (exit code {child.exitcode}); the partial database was removed")
        print(f"generation of {n:,} reports: {time.perf_counter() - t0:.0f} s, db {db.stat().st_size / 1e9:.2f} GB")
    store = open_store(f"sqlite:///{db}")
    rng = random.Random(11)
    # The new reports' day: 79 % into the stored stream (one report every 40 s from 2024-01-01):
    # 2025-01-01 for 1M as before, and for a smaller N too the merge window around it holds events.
    added_at = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=366 * n / 1_000_000)
    new_posts = []
    for j in range(300):
        src = rng.randrange(n) + 1
        text = (
            vary(rng, texts[src % len(texts)])
            if j % 2
            else f"Новый пост {j}: " + vary(rng, texts[(src * 7) % len(texts)])
        )
        raw = RawItem(text.encode(), "text/plain", "bench", datetime.now(UTC))
        new_posts.append(
            Post(
                SourceRef("jsonl", "bench-new"),
                f"new-{j}-{time.time_ns()}",
                raw,
                text,
                published_at=added_at,
            )
        )
    reps = enrich_posts(new_posts)
    outcomes = store.save_reports(reps)
    times, cpu = [], []
    profiler = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
    for j, (rep, out) in enumerate(zip(reps, outcomes, strict=True)):
        ex = (
            # dated 0-2 days before publication (the day key finds that day's events), one in seven undated
            Extraction(
                relevant=True,
                events=(
                    cand_for(
                        rng.randrange(n) // 50 * 50,
                        None if j % 7 == 0 else added_at.date() - timedelta(days=j // 3 % 3),
                    ),
                ),
            )
            if j % 3 == 0
            else Extraction(relevant=False)
        )
        t, c = time.perf_counter(), time.process_time()
        if profiler and j:  # not the first add: it loads the codebook and gazetteer, once
            profiler.enable()
        apply_batch(store, [(Pending(out.report_id, out.version, rep), ex)], "bench")
        if profiler:
            profiler.disable()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    slow = sorted(range(len(cpu)), key=cpu.__getitem__)[-8:]
    print("  slowest adds (CPU ms):", ", ".join(f"#{j} {cpu[j]:.0f}" for j in reversed(slow)))
    times.sort()
    cpu.sort()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"stored reports {n:,}; added {len(times)} one by one: p50 {times[len(times) // 2]:.1f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.1f} ms, max {times[-1]:.1f} ms; peak RSS {rss_mb:.0f} MB"
    )
    # CPU time of this process: what the add costs when the machine is not shared (wall time
    # above also counts waiting for a core; compare `uptime` load with the number of cores).
    print(
        f"  CPU time per add: p50 {cpu[len(cpu) // 2]:.1f} ms, p95 {cpu[int(len(cpu) * 0.95)]:.1f} ms, "
        f"max {cpu[-1]:.1f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
