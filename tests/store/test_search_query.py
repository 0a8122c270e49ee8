"""search_reports on SQLite and PostgreSQL: rank order, paging, the rank cap, filters with paging."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.settings import Settings
from sitrep.store import Store, queries

# "дезертир" appears 1, 2 or 3 times, so ranks differ; posts are a day apart, ids increase.
POSTS = [
    {"id": i, "channel": "astra" if i % 2 else "hromadske", "date": f"2023-07-{i:02d}T10:00:00+00:00",
     "text": " ".join(["Командир сообщил о дезертире."] * (1 + i % 3) + [f"Пост номер {i} о службе."])}
    for i in range(1, 13)
]


@pytest.fixture
def loaded(any_settings: Settings, any_store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in POSTS), encoding="utf-8")
    pipeline.ingest([str(path)], any_settings.model_copy(update={"extract_events": False}), any_store)
    return any_store


def test_hits_come_in_rank_order_and_pages_continue_each_other(loaded: Store) -> None:
    hits = pipeline.search(loaded, "дезертир", limit=50)
    assert {h.external_id for h in hits} == {str(p["id"]) for p in POSTS}
    keys = [(h.rank, -h.report_id) for h in hits]
    assert keys == sorted(keys)  # best rank first, ties newest first
    assert hits[0].rank < hits[-1].rank  # the repeated word does rank higher
    pages = [pipeline.search(loaded, "дезертир", limit=5, offset=o) for o in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert [h.report_id for p in pages for h in p] == [h.report_id for h in hits]
    assert all(h.text and h.channel and h.published_at is not None for h in hits)


def test_only_the_newest_matches_up_to_the_cap_are_ranked(loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "RANK_CAP", 4)
    hits = pipeline.search(loaded, "дезертир", limit=50)
    assert {h.external_id for h in hits} == {"9", "10", "11", "12"}


def test_filters_apply_before_the_cap_and_the_page(loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "RANK_CAP", 3)
    hits = pipeline.search(loaded, "дезертир", channel="astra", limit=50)
    assert {h.external_id for h in hits} == {"7", "9", "11"}
    page = pipeline.search(loaded, "дезертир", channel="astra", limit=2, offset=2)
    assert [h.report_id for h in page] == [h.report_id for h in hits][2:]
