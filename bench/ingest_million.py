"""Benchmark: ingest a generated 1,000,000-post export, then search latency over it.

Input: the real news stream (``/work/shared/data/telegram-news-stream/raw``; skipped cleanly when
absent), varied into N posts: sentences shuffled, numbers and dates changed, channels split
into suffixed copies ("Mash · 7"), written as Telegram Desktop exports (the JSONL reader is used
while the export reader is a placeholder). Output (printed): ingest time, posts/s, peak RSS
(target < 1 GB), database size, and ``pipeline.search`` p50/p95 over ~200 one-word queries
drawn from frequent and rare words (target p95 < 50 ms on SQLite).

    .venv/bin/python bench/ingest_million.py [--posts 1000000] [--extract] [--keep DIR]
    .venv/bin/python bench/ingest_million.py --reuse DIR   # search part only, over a kept database

``--keep DIR`` keeps the built database in DIR (the generated input is still removed);
``--reuse DIR`` skips generation and ingest and times the same queries (same ``--seed``) against
the database kept there, so the query side can be iterated on without a 30-minute rebuild.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    SITREP,
    _uses_tdesktop_reader,
    load_stream,
    percentile,
    run_timed,
    tdesktop_message,
    write_export,
)

_SENT = re.compile(r"(?<=[.!?…])\s+")
_NUM = re.compile(r"\d+")
_WORD = re.compile(r"[а-яёa-z]{4,}")


def vary(text: str, rng: random.Random) -> str:
    sents = _SENT.split(text)
    if len(sents) > 2:
        head, rest = sents[0], sents[1:]
        rng.shuffle(rest)
        sents = [head, *rest]
    out = " ".join(sents)
    return _NUM.sub(lambda m: str(max(0, int(m.group(0)[:6]) + rng.randint(-9, 9))), out)


def generate(out_dir: Path, n: int, seed: int, as_jsonl: bool) -> tuple[list[str], Counter[str]]:
    """Write N varied posts; returns the targets and word counts (for picking queries)."""
    rng = random.Random(seed)
    base = [p for p in load_stream() if isinstance(p.get("text"), str) and p["text"].strip()]
    words: Counter[str] = Counter()
    for p in base:
        words.update(_WORD.findall(p["text"].lower()))
    channels = sorted({str(p["channel"]) for p in base})
    copies = max(1, n // len(base))  # suffixed copies of each channel
    per_target = -(-n // (len(channels) * copies))
    targets: list[str] = []
    made = 0
    by_channel: dict[str, list[dict]] = {}
    for p in base:
        by_channel.setdefault(str(p["channel"]), []).append(p)
    out_dir.mkdir(parents=True, exist_ok=True)
    for ci, channel in enumerate(channels):
        pool = by_channel[channel]
        for k in range(copies):
            if made >= n:
                break
            name, peer = f"{channel} · {k}", 7_000_000_000 + ci * 10_000 + k
            count = min(per_target, n - made)
            start = datetime(2023, 1, 1) + timedelta(days=rng.randint(0, 600))

            def messages(
                count: int = count, start: datetime = start, name: str = name, peer: int = peer, pool: list[dict] = pool
            ) -> object:
                for i in range(count):
                    text = vary(pool[i % len(pool)]["text"], rng)
                    yield tdesktop_message(i + 1, text, start + timedelta(minutes=7 * i), name, peer)

            folder = out_dir / f"c{ci}_{k}"
            if as_jsonl:
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / "posts.jsonl"
                with path.open("w", encoding="utf-8") as fh:
                    for m in messages():  # type: ignore[attr-defined]
                        runs = m["text"] if isinstance(m["text"], list) else [m["text"]]
                        text = "".join(t if isinstance(t, str) else t["text"] for t in runs)
                        fh.write(
                            json.dumps(
                                {
                                    "id": m["id"],
                                    "channel": str(peer),
                                    "channel_title": name,
                                    "text": text,
                                    "date": m["date"] + "+00:00",
                                },
                                ensure_ascii=False,
                            )
                            + "\n"
                        )
                targets.append(str(path))
            else:
                write_export(folder, name, peer, messages())  # type: ignore[arg-type]
                targets.append(str(folder))
            made += count
    return targets, words


def pick_queries(words: Counter[str], k: int, rng: random.Random) -> list[str]:
    common = [w for w, _ in words.most_common(k // 2 + 50)][50:]  # skip the stop-word head
    rare = [w for w, c in words.items() if 2 <= c <= 5]
    return common[: k // 2] + rng.sample(rare, min(len(rare), k - k // 2))


def stream_words() -> Counter[str]:
    """The word counts ``generate`` returns, without generating anything (for ``--reuse``)."""
    words: Counter[str] = Counter()
    for p in load_stream():
        if isinstance(p.get("text"), str) and p["text"].strip():
            words.update(_WORD.findall(p["text"].lower()))
    return words


def report_search(db: Path, words: Counter[str], n_queries: int, seed: int) -> None:
    queries = pick_queries(words, n_queries, random.Random(seed))
    times, cpu = search_latency(f"sqlite:///{db}", queries)
    print(
        f"search over {len(queries)} one-word queries: p50 {percentile(times, 50):.1f} ms, "
        f"p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms (target p95 < 50 ms)"
    )
    # CPU time of this process per query: what the wall time would be on an idle machine (the
    # search is single-threaded and, with the database in the page cache, not waiting on I/O).
    print(
        f"  CPU time per query: p50 {percentile(cpu, 50):.1f} ms, p95 {percentile(cpu, 95):.1f} ms, "
        f"max {max(cpu):.1f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    slow = sorted(zip(times, cpu, queries, strict=True), reverse=True)[:5]
    print("slowest:", ", ".join(f"{q} {ms:.0f} ms (CPU {c:.0f})" for ms, c, q in slow))
    # Short words begin thousands of index terms: a prefix arm on them merges huge doclists.
    times, cpu = search_latency(f"sqlite:///{db}", SHORT_QUERIES)
    print(
        "short words (not in the percentiles):",
        ", ".join(f"{q} {ms:.0f} ms (CPU {c:.0f})" for q, ms, c in zip(SHORT_QUERIES, times, cpu, strict=True)),
    )


SHORT_QUERIES = ["про", "при", "пол", "это", "все", "укр", "мобилиз"]


def search_latency(db_url: str, queries: list[str]) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``pipeline.search`` per query."""
    from sitrep import pipeline
    from sitrep.store import open_store

    store = open_store(db_url)
    pipeline.search(store, "армия")  # warm caches: morphology, connection pool
    times, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        pipeline.search(store, q)
        cpu.append((time.process_time() - c) * 1000)
        times.append((time.perf_counter() - t) * 1000)
    return times, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1_000_000, help="Posts to generate (default 1,000,000).")
    ap.add_argument("--queries", type=int, default=200, help="One-word search queries timed.")
    ap.add_argument("--extract", action="store_true", help="Keep codebook extraction on (default: off).")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, metavar="DIR", help="Keep the built database in DIR (must not exist).")
    ap.add_argument(
        "--reuse",
        type=Path,
        metavar="DIR",
        help="Skip generation and ingest; time the searches against the database kept in DIR.",
    )
    args = ap.parse_args()

    if args.reuse:
        db = args.reuse / "sitrep.db"
        if not db.is_file():
            sys.exit(f"no database at {db} (build one with --keep {args.reuse})")
        print(f"reusing {db} ({sum(p.stat().st_size for p in args.reuse.glob('sitrep.db*')) / 1e6:,.0f} MB)")
        report_search(db, stream_words(), args.queries, args.seed)
        return
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        sys.exit(f"--keep {args.keep}: directory exists and is not empty")

    work = Path(tempfile.mkdtemp(prefix="sitrep-million-"))
    try:
        as_jsonl = not _uses_tdesktop_reader()
        t = time.perf_counter()
        targets, words = generate(work / "in", args.posts, args.seed, as_jsonl)
        print(
            f"generated {args.posts:,} posts in {len(targets)} {'JSONL files' if as_jsonl else 'exports'} "
            f"({time.perf_counter() - t:.0f} s)"
        )
        data = args.keep if args.keep else work / "data"
        env = {
            "SITREP_DATA_DIR": str(data),
            "SITREP_EXTRACT_EVENTS": str(args.extract).lower(),
            "SITREP_BATCH_SIZE": "2000",
        }
        run = run_timed([SITREP, "ingest", "-q", *targets], env=env)
        if run.returncode not in (0, 1):
            print(f"sitrep ingest failed (exit {run.returncode}):\n{run.stderr}")
            sys.exit(1)
        size = sum(p.stat().st_size for p in data.glob("sitrep.db*")) / 1e6
        print(f"extraction: {'on' if args.extract else 'off (SITREP_EXTRACT_EVENTS=false)'}")
        print(
            f"ingest: {run.seconds:,.0f} s, {args.posts / run.seconds:,.0f} posts/s, "
            f"peak RSS {run.max_rss_mb:,.0f} MB (target < 1,024), database {size:,.0f} MB, "
            f"CPU {run.cpu_seconds:,.0f} s ({args.posts / run.cpu_seconds:,.0f} posts per CPU-second)"
        )
        report_search(data / "sitrep.db", words, args.queries, args.seed)
        if args.keep:
            print(f"database kept in {args.keep} (time the searches again with --reuse {args.keep})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
