"""The web cache: versioned, time-bounded, bounded in size, one computation per missing key."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from web_factory import add_event, add_report

from sitrep.web.cache import VersionedCache


def test_hit_until_the_version_changes():
    cache, calls = VersionedCache(), []
    get = lambda v: cache.get_or_compute("k", v, lambda: calls.append(v) or len(calls))  # noqa: E731
    assert (get(1), get(1), get(2)) == (1, 1, 2)
    assert (cache.hits, cache.misses) == (1, 2)


def test_entries_expire_and_the_oldest_goes_first():
    now = [0.0]
    cache = VersionedCache(max_items=2, ttl=10.0, clock=lambda: now[0])
    for k in "abc":
        cache.get_or_compute(k, 0, lambda k=k: k)
    assert len(cache) == 2 and cache.get_or_compute("a", 0, lambda: "again") == "again"
    now[0] = 11.0
    assert cache.get_or_compute("a", 0, lambda: "fresh") == "fresh"


def test_concurrent_misses_compute_once():
    cache, calls = VersionedCache(), []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 7

    out: list[int] = []
    threads = [threading.Thread(target=lambda: out.append(cache.get_or_compute("k", 0, slow))) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [7] * 5 and len(calls) == 1


def test_a_failed_computation_is_not_stored():
    cache = VersionedCache()
    with pytest.raises(ZeroDivisionError):
        cache.get_or_compute("k", 0, lambda: 1 // 0)
    assert cache.get_or_compute("k", 0, lambda: 3) == 3


def test_search_sees_data_written_by_another_process(client, store, data):
    """The cached search is dropped when new reports and events arrive (the data version changes)."""
    first = client.get("/api/search", params={"q": "Бахмут"}).json()["events"]["total"]
    text = "Мобилизованные из Бахмута записали обращение"
    rid = add_report(store, "other", "9", text, datetime(2024, 1, 5, tzinfo=UTC))
    add_event(store, [rid], [text], places=({"name": "Bakhmut"},))
    assert client.get("/api/search", params={"q": "Бахмут"}).json()["events"]["total"] == first + 1
