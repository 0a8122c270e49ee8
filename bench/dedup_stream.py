"""Batch near-duplicate grouping of the real 22k-post news stream: time and groups found.

Run: ``.venv/bin/python bench/dedup_stream.py [STREAM_DIR]`` (default
``../shared/data/telegram-news-stream/raw``). Normalises every post as ingest does, then
groups near duplicates with MinHash LSH + rapidfuzz (``neardup.near_duplicate_groups``, the
same keys and confirmation the store uses). Prints posts, seconds, posts/s, groups of 2+ posts,
posts in them, and a few sample pairs to eyeball precision.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from sitrep.dedup.neardup import near_duplicate_groups
from sitrep.enrich.normalize import normalize

# The development data beside the repository (../shared/data), absent on users' machines.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else str(SHARED / "data/telegram-news-stream/raw"))
    posts = []
    for path in sorted(folder.glob("*.json")):
        for msg in json.loads(path.read_text(encoding="utf-8")):
            if isinstance(msg.get("text"), str) and msg["text"].strip():
                posts.append((msg.get("date") or "", msg.get("channel") or path.stem, msg["text"]))
    posts.sort()
    t0 = time.perf_counter()
    texts = [normalize(t) for _, _, t in posts]
    t1 = time.perf_counter()
    groups = near_duplicate_groups(texts)
    t2 = time.perf_counter()
    sizes = Counter(groups)
    multi = {g: n for g, n in sizes.items() if n > 1}
    cross = sum(1 for g in multi if len({posts[i][1] for i, r in enumerate(groups) if r == g}) > 1)
    print(
        f"posts {len(posts):,}; normalise {t1 - t0:.1f} s; near-dup grouping {t2 - t1:.1f} s "
        f"({len(posts) / (t2 - t1):,.0f} posts/s)"
    )
    print(
        f"near-duplicate groups (2+ posts): {len(multi):,}, posts in them {sum(multi.values()):,}, "
        f"groups spanning 2+ channels {cross:,}, largest {max(multi.values(), default=0)}"
    )
    shown = 0
    for i, g in enumerate(groups):
        if g != i and shown < 5:
            shown += 1
            print(f"  - {posts[g][1]}: {posts[g][2][:90]!r}\n    {posts[i][1]}: {posts[i][2][:90]!r}")


if __name__ == "__main__":
    main()
