"""Shared extraction on PostgreSQL: concurrent ``process_pending`` calls split the work (each report
extracted once) and end in the same database as one call; a killed claim is claimable again."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.enrich import enrich_posts
from sitrep.extract import Extractor
from sitrep.models import Extraction, Post, RawItem, Report, SourceRef
from sitrep.settings import load_settings
from sitrep.store import Store, open_store
from sitrep.store.claims import claim_and_stage, merge_lock

pytestmark = pytest.mark.postgres
TABLES = ("reports", "report_links", "dedup_keys", "events", "mentions", "event_facets")
WHEN = datetime(2024, 5, 2, 10, tzinfo=UTC)
UNITS = ["1428-го полка", "в/ч 12345", "3-й бригады", "штурмового отряда «Шторм Z»"]


def _posts(n: int) -> list[Post]:
    """Posts in 3 channels: every 5th a relevant report, reposted by the next channel (dedup work)."""
    out = []
    for i in range(n):
        channel = f"chan{i % 3}"
        k = i // 5 if i % 5 in (0, 1) else i
        text = (
            f"Мобилизованные из {UNITS[k % 4]} записали видеообращение: их бросили под Бахмутом, "
            f"из {100 + k} человек осталось {k % 9 + 1}."
            if i % 5 in (0, 1)
            else f"В городе {i} открыли новый мост, движение запустят {1 + i % 28} июля."
        )
        raw = RawItem(text.encode(), "text/plain", channel, WHEN)
        out.append(
            Post(
                SourceRef("jsonl", channel),
                str(i + 1),
                raw,
                text,
                published_at=WHEN,
                url=f"https://t.me/{channel}/{i + 1}",
            )
        )
    return out


class CountingExtractor:
    def __init__(self) -> None:
        self.inner = Extractor.load(None)
        self.codebook_version = self.inner.codebook_version
        self.seen: Counter[str] = Counter()
        self.lock = threading.Lock()

    def extract_many(self, reports: Sequence[Report]) -> list[Extraction]:
        with self.lock:
            self.seen.update(r.post.external_id + "@" + r.post.source.handle for r in reports)
        return self.inner.extract_many(reports)

    def extract(self, report: Report) -> Extraction:
        return self.inner.extract(report)


def _stored(url: str, posts: list[Post]) -> Store:
    store = open_store(url)
    store.save_reports(enrich_posts(posts, 10_000))
    return store


def test_concurrent_workers_split_the_work_and_end_like_one(pg_url: str, tmp_path: Path, table_dump) -> None:  # type: ignore[no-untyped-def]
    posts = _posts(120)
    settings = load_settings(database_url=pg_url, data_dir=tmp_path, batch_size=10)
    team, extractor = _stored(pg_url, posts), CountingExtractor()
    threads = [threading.Thread(target=pipeline.process_pending, args=(settings, team, extractor)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    pipeline.process_pending(settings, team, extractor)  # nothing left: extracts nothing
    assert sorted(extractor.seen.values()) == [1] * len(posts)  # no report read twice
    single = _stored(f"sqlite:///{tmp_path / 'one.db'}", posts)
    pipeline.process_pending(load_settings(data_dir=tmp_path, batch_size=10), single, extractor.inner)
    # Clock columns differ; datetimes print with a zone on PostgreSQL only (same instants).
    skip = frozenset(
        {"first_seen_at", "last_seen_at", "created_at", "updated_at", "published_at", "first_published_at"}
    )
    got, want = table_dump(team, TABLES, skip), table_dump(single, TABLES, skip)
    assert got["events"] and got == want


def test_a_killed_claim_is_claimable_again_and_the_merge_lock_is_exclusive(pg_url: str) -> None:
    store = _stored(pg_url, _posts(10))

    def boom(pending: object) -> list[Extraction | None]:
        raise KeyboardInterrupt  # a worker stopped in the middle of a batch

    with pytest.raises(KeyboardInterrupt):
        claim_and_stage(store, 5, "v", boom)
    assert claim_and_stage(store, 100, "v", lambda p: [None] * len(p)) == 10  # all claimable again
    with merge_lock(store, wait=False) as first, merge_lock(store, wait=False) as second:
        assert first and not second
