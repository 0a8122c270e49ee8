"""Benchmark: the whole extraction (enrich + relevance + fields) over the 22k-post real stream.

Input: ``../shared/data/telegram-news-stream/raw/*.json`` (JSON arrays of
``{message_id, text, date, channel}``; CC BY 4.0, NKTKLN/telegram-news-classifier), or the folder
in ``SITREP_BENCH_STREAM``. Skips cleanly when absent.
Prints: load time, documents per CPU-second (the per-core figure: CPU time of all threads, so
lingua's parallel language detection does not inflate it), wall rate, relevant count, peak RSS.
Target (issue 3): >= 300 documents/s per core, peak RSS < 1.5 GB with every model loaded.

Run: ``.venv/bin/python bench/extract_speed.py [--limit N]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

# The development data beside the repository (../shared/data), absent on users' machines.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

STREAM = Path(os.environ.get("SITREP_BENCH_STREAM", str(SHARED / "data/telegram-news-stream/raw")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="only the first N posts (0 = all)")
    args = ap.parse_args()
    files = sorted(STREAM.glob("*.json")) if STREAM.is_dir() else []
    if not files:
        print(f"SKIP: the real news stream is not at {STREAM} (set SITREP_BENCH_STREAM)")
        sys.exit(0)
    docs = []
    for f in files:
        for m in json.loads(f.read_text(encoding="utf-8")):
            if isinstance(m, dict) and isinstance(m.get("text"), str) and m["text"].strip():
                docs.append(
                    {
                        "id": f"{m.get('channel')}-{m.get('message_id')}",
                        "text": m["text"],
                        "published": m.get("date"),
                        "channel": str(m.get("channel")),
                    }
                )
    if args.limit:
        docs = docs[: args.limit]
    t0 = time.perf_counter()
    from sitrep.extract import Extractor, reports_from_docs

    extractor = Extractor.load()
    load_s = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    relevant = events = 0
    chars = 0
    for i in range(0, len(docs), 256):  # batches, as ingest enriches them
        batch = docs[i : i + 256]
        for ext in extractor.extract_many(reports_from_docs(batch)):
            relevant += ext.relevant
            events += len(ext.events)
        chars += sum(len(d["text"]) for d in batch)
    secs, cpu = time.perf_counter() - t1, time.process_time() - c1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents          {len(docs):,} ({chars / max(1, len(docs)):,.0f} chars on average)")
    print(f"load (codebook, model, gazetteer)  {load_s:.2f} s")
    print(f"extraction         {secs:.1f} s wall, {cpu:.1f} s CPU (all threads)")
    print(
        f"throughput         {len(docs) / cpu:,.0f} documents per CPU-second (target >= 300 per core); "
        f"{len(docs) / secs:,.0f} documents/s wall"
    )
    print(f"relevant           {relevant:,} ({100 * relevant / max(1, len(docs)):.2f} %), events {events:,}")
    print(f"peak RSS           {rss_mb:,.0f} MB (target < 1,536 MB)")


if __name__ == "__main__":
    main()
