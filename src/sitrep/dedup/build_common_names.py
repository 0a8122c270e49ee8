"""Build ``data/dedup_common_names.txt.gz``: proper-name keys too common in news to identify an event.

Run: ``.venv/bin/python -m sitrep.dedup.build_common_names [STREAM_DIR]`` (default
``../shared/data/telegram-news-stream/raw`` beside the repository). Reads the 22,099-post
Russian Telegram news stream (CC BY 4.0, "NKTKLN/telegram-news-classifier"), counts in how
many posts each ``names.name_keys`` key occurs, and writes the keys found in at least
``names.COMMON_MIN_DOCS`` posts, sorted, one per line, under an attribution header. Only these
keys ship (no text of the stream).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from sitrep.dedup.names import COMMON_FILE, COMMON_MIN_DOCS, MAX_SCAN_CHARS, name_keys

DEFAULT_STREAM = Path(__file__).resolve().parents[4] / "shared" / "data" / "telegram-news-stream" / "raw"


def count_keys(stream_dir: Path) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    posts = 0
    for path in sorted(stream_dir.glob("*.json")):
        for msg in json.loads(path.read_text(encoding="utf-8")):
            text = msg.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            posts += 1
            df.update(set(name_keys(text[:MAX_SCAN_CHARS], "ru", common=frozenset())))
    return df, posts


def main() -> None:
    stream_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_STREAM
    if not stream_dir.is_dir():
        raise SystemExit(f"no stream at {stream_dir}")
    df, posts = count_keys(stream_dir)
    keep = sorted(k for k, n in df.items() if n >= COMMON_MIN_DOCS)
    body = (
        f"# Proper-name keys (sitrep.dedup.names.fold) in >= {COMMON_MIN_DOCS} of {posts} posts of the\n"
        "# telegram-news-stream (CC BY 4.0, credit: NKTKLN/telegram-news-classifier). Derived counts only.\n"
        + "".join(k + "\n" for k in keep)
    )
    COMMON_FILE.write_bytes(gzip.compress(body.encode(), compresslevel=9, mtime=0))  # same bytes each run
    print(f"{len(keep)} common keys of {len(df)} from {posts} posts -> {COMMON_FILE}")


if __name__ == "__main__":
    main()
