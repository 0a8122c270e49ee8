"""search_reports on SQLite and PostgreSQL: rank order, paging, the rank cap, filters with paging,
and which query words also match as prefixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.settings import Settings
from sitrep.store import Store, fts, queries

# "дезертир" appears 1, 2 or 3 times, so ranks differ; posts are a day apart, ids increase.
POSTS = [
    {
        "id": i,
        "channel": "astra" if i % 2 else "hromadske",
        "date": f"2023-07-{i:02d}T10:00:00+00:00",
        "text": " ".join(["Командир сообщил о дезертире."] * (1 + i % 3) + [f"Пост номер {i} о службе."]),
    }
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


# -- prefix arms ------------------------------------------------------------------------------
PREFIX_POSTS = [
    (1, "Пока неизвестно, где находятся бойцы полка."),
    (2, "Командир показал видеообращение контрактников."),
    (3, "Бойцы подписали контракт под давлением."),
    (4, "Мобилизация продолжается, мобилизационные предписания раздают у метро."),
    (5, "Soldiers of the regiment recorded an appeal."),
    (6, "Деньги за службу не выплатили."),
    (7, "Третий день без связи с ротой."),
]


@pytest.fixture
def prefix_loaded(any_settings: Settings, any_store: Store, tmp_path: Path) -> Store:
    posts = [
        {"id": i, "channel": "astra", "date": f"2023-08-{i:02d}T10:00:00+00:00", "text": t} for i, t in PREFIX_POSTS
    ]
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), encoding="utf-8")
    pipeline.ingest([str(path)], any_settings.model_copy(update={"extract_events": False}), any_store)
    return any_store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("пока", {"1"}),  # short dictionary word: not "показал"
        ("день", {"7"}),  # not "деньги"
        ("полк", {"1"}),  # its forms through the lemma ("полка")
        ("видео", {"2"}),  # five letters keep the prefix: "видеообращение"
        ("контракт", {"2", "3"}),  # "контрактников"
        ("мобилиз", {"4"}),  # an unknown, cut-off word matches as a prefix
        ("soldier", {"5"}),  # Latin words keep the prefix: "soldiers"
    ],
)
def test_prefix_arms(prefix_loaded: Store, query: str, expected: set[str]) -> None:
    assert {h.external_id for h in pipeline.search(prefix_loaded, query)} == expected


def test_prefix_arm_rule() -> None:
    assert not fts.prefix_arm("пока") and not fts.prefix_arm("про") and not fts.prefix_arm("ещё")
    assert not fts.prefix_arm("всу")  # known to the Ukrainian dictionary
    assert fts.prefix_arm("сзч") and fts.prefix_arm("укр")  # unknown abbreviations / cut-off words
    assert fts.prefix_arm("видео") and fts.prefix_arm("дезертир") and fts.prefix_arm("soldier")
    assert not fts.prefix_arm("ab") and not fts.prefix_arm("")


def test_both_backends_get_the_same_terms() -> None:
    groups = [{"пока"}, {"бахмут"}, {"soldier"}]
    prefixes = ["пока", "бахмут", "soldier"]
    assert fts.sqlite_match(groups, prefixes) == '("пока") AND ("бахмут" OR "бахмут"*) AND ("soldier" OR "soldier"*)'
    assert fts.postgres_tsquery(groups, prefixes) == "('пока') & ('бахмут' | 'бахмут':*) & ('soldier' | 'soldier':*)"
