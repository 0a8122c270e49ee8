"""Benchmark: `sitrep ingest` of the whole real news stream, as Telegram Desktop exports.

Input: ``/work/shared/data/telegram-news-stream/raw/*.json`` (22k posts; skipped cleanly when
absent). Output (printed): posts/s and peak RSS of ``sitrep ingest`` in a subprocess, the time
of a bare ``json.load`` of the same exports (target: ingest within 10x of it), and of
``sqlite-utils insert`` + ``enable-fts`` of the same posts (ratio). Target: >= 2,000 posts/s on
one core with language detection, normalisation and indexing.

    .venv/bin/python bench/ingest_stream.py [--extract] [--repeat 3]   # extraction is off unless --extract
    .venv/bin/python bench/ingest_stream.py --digest   # + the database's content digest, to compare
                                                       #   before/after a change of the ingest path
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    ROOT,
    SITREP,
    _uses_tdesktop_reader,
    database_digest,
    load_stream,
    run_timed,
    stream_to_exports,
)


def bare_json_load(folders: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of ``json.load`` of every export (the floor any reader pays)."""
    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    for folder in folders:
        with (folder / "result.json").open("rb") as fh:
            n += len(json.load(fh)["messages"])
    return time.perf_counter() - start, time.process_time() - cpu


def sqlite_utils_baseline(work: Path) -> tuple[float, float] | None:
    exe = Path(sys.executable).parent / "sqlite-utils"
    if not exe.exists():
        return None
    rows = work / "posts.jsonl"
    with rows.open("w", encoding="utf-8") as fh:
        for p in load_stream():
            fh.write(
                json.dumps(
                    {
                        "id": f"{p['sender_id']}/{p['message_id']}",
                        "channel": p.get("channel"),
                        "date": p.get("date"),
                        "text": p.get("text"),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    db = work / "baseline.db"
    start = time.perf_counter()
    t1 = run_timed([str(exe), "insert", str(db), "posts", str(rows), "--nl", "--pk", "id"])
    t2 = run_timed([str(exe), "enable-fts", str(db), "posts", "text"])
    if t1.returncode or t2.returncode:
        print("sqlite-utils failed:", t1.stderr[-300:], t2.stderr[-300:])
        return None
    return time.perf_counter() - start, t1.cpu_seconds + t2.cpu_seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extract", action="store_true", help="Keep codebook extraction on (default: off).")
    ap.add_argument("--keep", action="store_true", help="Keep the temporary folder and print its path.")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="Ingest N times, each into a fresh database, and report the best and median CPU time "
        "(the machine is shared: one run's figure moves by ~10%%).",
    )
    ap.add_argument(
        "--digest",
        action="store_true",
        help="Print each table's row count and content hash (run-time stamps left out) and the search "
        "index's answers: a speed change of the ingest path must leave them equal.",
    )
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    try:
        folders, posts = stream_to_exports(work / "exports")
        targets = [str(f) for f in folders]
        fmt = "Telegram Desktop exports"
        if not _uses_tdesktop_reader():  # the export reader was a placeholder at first
            jsonl = work / "stream.jsonl"
            with jsonl.open("w", encoding="utf-8") as fh:
                for p in load_stream():
                    fh.write(
                        json.dumps(
                            {
                                "id": p["message_id"],
                                "channel": str(p["sender_id"]),
                                "channel_title": p.get("channel"),
                                "text": p.get("text"),
                                "date": p.get("date"),
                            },
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
            targets, fmt = [str(jsonl)], "JSONL (export reader not ready)"
        load_before = os.getloadavg()[0]
        runs = []
        for n in range(max(1, args.repeat)):
            data = work / ("data" if n == 0 else f"data-{n}")
            env = {"SITREP_DATA_DIR": str(data), "SITREP_EXTRACT_EVENTS": str(args.extract).lower()}
            run = run_timed([SITREP, "ingest", "-q", *targets], env=env)
            if run.returncode not in (0, 1):
                print(f"sitrep ingest failed (exit {run.returncode}):\n{run.stderr}")
                sys.exit(1)
            runs.append(run)
            if n:
                shutil.rmtree(data, ignore_errors=True)  # the first run's database is the one measured and kept
        load_after = os.getloadavg()[0]
        run = min(runs, key=lambda r: r.cpu_seconds)
        parse, parse_cpu = bare_json_load(folders)
        base = sqlite_utils_baseline(work)
        db_mb = (work / "data" / "sitrep.db").stat().st_size / 1e6
        print(f"input: {posts:,} posts in {len(folders)} channels, read as {fmt}")
        print(f"sitrep measured: {SITREP} with the package at {ROOT / 'src' / 'sitrep'}")
        print(f"extraction: {'on' if args.extract else 'off (SITREP_EXTRACT_EVENTS=false)'}")
        print(
            f"sitrep ingest: {run.seconds:.1f} s, {posts / run.seconds:,.0f} posts/s "
            f"(target >= 2,000), peak RSS {run.max_rss_mb:,.0f} MB, database {db_mb:,.0f} MB"
        )
        print(
            f"  CPU time {run.cpu_seconds:.1f} s -> {posts / run.cpu_seconds:,.0f} posts per CPU-second "
            "(the wall figure above suffers when other jobs share the cores)"
        )
        if len(runs) > 1:
            cpu = sorted(r.cpu_seconds for r in runs)
            print(
                f"  {len(runs)} runs, CPU s: {', '.join(f'{r.cpu_seconds:.1f}' for r in runs)} "
                f"(best {cpu[0]:.1f}, median {statistics.median(cpu):.1f}); the figures above are the best run's"
            )
        ratio = run.seconds / parse
        print(
            f"bare json.load of the exports: {parse:.2f} s -> ingest is {ratio:.1f}x (target <= 10x); "
            f"in CPU time {parse_cpu:.2f} s -> {run.cpu_seconds / parse_cpu:.1f}x"
        )
        if base is not None:
            print(
                f"sqlite-utils insert + enable-fts: {base[0]:.1f} s -> ingest takes {run.seconds / base[0]:.1f}x; "
                f"in CPU time {base[1]:.1f} s -> {run.cpu_seconds / base[1]:.1f}x"
            )
        print(
            f"load average (1 min) {load_before:.1f} before the ingest, {load_after:.1f} after, "
            f"on {os.cpu_count()} cores"
        )
        print(f"last lines of ingest: {run.stderr.strip().splitlines()[-2:] if run.stderr.strip() else ''}")
        if args.digest:
            print("database digest (equal before and after a change that only makes ingest faster):")
            for name, value in database_digest(work / "data" / "sitrep.db", work / "exports").items():
                print(f"  {name}: {value}")
        if args.keep:
            print(f"kept: {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
