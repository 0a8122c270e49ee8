"""Shared benchmark helpers: the real news stream → Telegram Desktop exports, timed subprocesses.

Input: ``../shared/data/telegram-news-stream/raw/*.json`` (JSON arrays of
``{message_id, sender_id, text, date, channel}``; CC BY 4.0, NKTKLN/telegram-news-classifier).
Output: one ``<dir>/<channel>/result.json`` per channel in the Telegram Desktop export format
(``name``/``type``/``id``/``messages`` with ``id``, ``type``, ``date``, ``date_unixtime``, ``from``,
``from_id``, ``text``, ``text_entities``), and figures printed by the bench scripts.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

# The development data beside the repository (../shared/data), absent on users' machines.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ROOT = Path(__file__).resolve().parent.parent
STREAM = Path(os.environ.get("SITREP_BENCH_STREAM", str(SHARED / "data/telegram-news-stream/raw")))
# The checkout's own virtualenv, or (a git worktree has none) the one running the bench; either
# way ``run_timed`` puts this checkout's ``src`` first on PYTHONPATH, so the ``sitrep`` measured is
# the code beside this script, not whatever the virtualenv's editable install points at.
_VENV_SITREP = ROOT / ".venv" / "bin" / "sitrep"
SITREP = str(_VENV_SITREP if _VENV_SITREP.exists() else Path(sys.executable).parent / "sitrep")

_LINK = re.compile(r"https?://\S+")


def stream_files() -> list[Path]:
    """The stream's per-channel JSON files, or exit 0 with a message when the data is absent."""
    files = sorted(STREAM.glob("*.json")) if STREAM.is_dir() else []
    if not files:
        print(f"SKIP: the real news stream is not at {STREAM} (set SITREP_BENCH_STREAM)")
        sys.exit(0)
    return files


def load_stream() -> list[dict[str, Any]]:
    """Every post of the stream (22k), channel by channel, in file order."""
    posts: list[dict[str, Any]] = []
    for path in stream_files():
        posts.extend(p for p in json.loads(path.read_text(encoding="utf-8")) if isinstance(p, dict))
    return posts


def text_value(text: str) -> tuple[str | list[Any], list[dict[str, Any]]]:
    """Plain text → Telegram Desktop's ``text`` (string or runs) and ``text_entities``.

    Links become ``link`` entities, the way tdesktop writes them, so the reader's rich-text path
    is exercised too.
    """
    runs: list[Any] = []
    entities: list[dict[str, Any]] = []
    pos = 0
    for m in _LINK.finditer(text):
        if m.start() > pos:
            runs.append(text[pos : m.start()])
            entities.append({"type": "plain", "text": text[pos : m.start()]})
        runs.append({"type": "link", "text": m.group(0)})
        entities.append({"type": "link", "text": m.group(0)})
        pos = m.end()
    if pos < len(text):
        runs.append(text[pos:])
        entities.append({"type": "plain", "text": text[pos:]})
    if len(runs) == 1 and isinstance(runs[0], str):
        return runs[0], entities
    return runs, entities


def tdesktop_message(msg_id: int, text: str, when: datetime, channel: str, peer: int) -> dict[str, Any]:
    value, entities = text_value(text)
    return {
        "id": msg_id,
        "type": "message",
        "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
        "date_unixtime": str(int(when.timestamp())),
        "from": channel,
        "from_id": f"channel{peer}",
        "text": value,
        "text_entities": entities,
    }


def peer_id(sender_id: Any) -> int:
    """-1001000724666 → 1000724666 (tdesktop writes the bare peer id, no -100 prefix)."""
    s = str(abs(int(sender_id)))
    return int(s[3:]) if s.startswith("100") and len(s) > 10 else int(s)


def write_export(folder: Path, name: str, peer: int, messages: Iterable[dict[str, Any]]) -> Path:
    """Stream one channel's ``result.json`` to disk (never the whole export in memory)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            '{\n "name": ' + json.dumps(name, ensure_ascii=False) + ',\n "type": "public_channel",\n'
            f' "id": {peer},\n "messages": ['
        )
        first = True
        for msg in messages:
            fh.write(("\n  " if first else ",\n  ") + json.dumps(msg, ensure_ascii=False))
            first = False
        fh.write("\n ]\n}\n")
    return path


def stream_to_exports(out_dir: Path) -> tuple[list[Path], int]:
    """Convert the whole stream into one export folder per channel; returns (folders, posts)."""
    folders: list[Path] = []
    total = 0
    for path in stream_files():
        posts = [p for p in json.loads(path.read_text(encoding="utf-8")) if isinstance(p, dict)]
        posts.sort(key=lambda p: int(p["message_id"]))  # exports are oldest first
        if not posts:
            continue
        peer = peer_id(posts[0]["sender_id"])
        name = str(posts[0].get("channel") or peer)
        msgs = (
            tdesktop_message(
                int(p["message_id"]), str(p.get("text") or ""), datetime.fromisoformat(p["date"]), name, peer
            )
            for p in posts
        )
        folder = out_dir / f"channel_{peer}"
        write_export(folder, name, peer, msgs)
        folders.append(folder)
        total += len(posts)
    return folders, total


def _uses_tdesktop_reader() -> bool:
    """Whether sources/telegram_export.py is the real reader yet (it was a placeholder at first)."""
    src = (ROOT / "src" / "sitrep" / "sources" / "telegram_export.py").read_text(encoding="utf-8")
    return "ijson" in src or len(src.splitlines()) > 40


@dataclass
class Timed:
    seconds: float
    max_rss_mb: float
    returncode: int
    stderr: str
    cpu_seconds: float = 0.0  # user + system time of the child (all its threads)


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> Timed:
    """Run ``cmd`` in a subprocess; wall time and its peak RSS (RUSAGE_CHILDREN high-water mark).

    RUSAGE_CHILDREN keeps the maximum over all waited-for children, so each measurement runs in
    a fresh helper process that waits for exactly one child.
    """
    helper = (
        "import resource,subprocess,sys,time,json\n"
        "t=time.perf_counter()\n"
        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE,text=True)\n"
        "dt=time.perf_counter()-t\n"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([dt,u.ru_maxrss/1024,p.returncode,p.stderr[-3000:],u.ru_utime+u.ru_stime]))\n"
    )
    full_env = dict(os.environ)
    full_env.update(env or {})
    src = str(ROOT / "src")
    if full_env.get("PYTHONPATH", "").split(os.pathsep)[0] != src:
        full_env["PYTHONPATH"] = os.pathsep.join(p for p in (src, full_env.get("PYTHONPATH")) if p)
    res = subprocess.run([sys.executable, "-c", helper, *cmd], capture_output=True, text=True, env=full_env, check=True)
    dt, rss, rc, err, cpu = json.loads(res.stdout.strip().splitlines()[-1])
    return Timed(float(dt), float(rss), int(rc), str(err), float(cpu))


def self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def clock() -> Iterator[float]:
    start = time.perf_counter()
    while True:
        yield time.perf_counter() - start


# Columns that hold the moment of the run (when a row was written or seen), not what was read:
# two ingests of the same input differ there and nowhere else.
RUN_STAMPS = frozenset(
    {"first_seen_at", "last_seen_at", "seen_at", "fetched_at", "created_at", "first_at", "last_at", "updated_at"}
)
# Index words of the news stream (lemmas, inflected forms, a prefix, an OR): the search table
# must answer them with the same reports after a change of the ingest path.
DIGEST_QUERIES = (
    "бахмут",
    "мобилизация",
    "отказ",
    "полк",
    "зсу",
    "war",
    "солдат*",
    "призыв OR мобилизованный",
    "україна",
)


def database_digest(db: Path, inputs: Path | None = None) -> dict[str, str]:
    """Per table: row count and a hash of its rows (run stamps left out), plus the full-text
    index's content and its answers to ``DIGEST_QUERIES``.

    Two ingests of the same exports must give equal digests whatever was changed in the ingest
    path for speed (``bench/ingest_stream.py --digest`` before and after a change). ``inputs``,
    the folder the exports were written to (a new temporary one each run), is cut from the
    stored origins (``raw_items.origin``: the export's path).
    """
    prefix = str(inputs) if inputs is not None else None

    def plain(row: tuple[Any, ...]) -> tuple[Any, ...]:
        if prefix is None:
            return row
        return tuple(v.replace(prefix, "<inputs>") if isinstance(v, str) else v for v in row)

    out: dict[str, str] = {}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'reports_fts%' ORDER BY name"
            )
        ]
        for name in names:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")') if r[1] not in RUN_STAMPS]
            listed = ", ".join(f'"{c}"' for c in cols)
            h = hashlib.sha256()
            n = 0
            for row in con.execute(f'SELECT {listed} FROM "{name}" ORDER BY {listed}'):
                h.update(repr(plain(row)).encode())
                n += 1
            out[name] = f"{n} rows {h.hexdigest()[:16]}"
        h = hashlib.sha256()
        for row in con.execute("SELECT rowid, * FROM reports_fts ORDER BY rowid"):
            h.update(repr(row).encode())
        out["reports_fts content"] = h.hexdigest()[:16]
        h = hashlib.sha256()
        for q in DIGEST_QUERIES:
            ids = [
                r[0]
                for r in con.execute("SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rowid", (q,))
            ]
            h.update(repr((q, ids)).encode())
        out["reports_fts queries"] = h.hexdigest()[:16]
    finally:
        con.close()
    return out
