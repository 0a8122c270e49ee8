"""A small per-process cache of read results, keyed by what was asked and by the data version.

Input: a key (the parsed filter of a page, an event id), the store's current data version
(``web_queries.data_version``: the newest ids of the append-only tables, one indexed lookup)
and a function computing the value. Output: the cached value while the data version is the
same and the entry is younger than the TTL; otherwise the freshly computed one.

Why: under load most requests repeat a popular search, facet or the home page, and facet
counts over thousands of matching events cost 5-50 ms of CPU each time; the version lookup
costs ~0.1 ms. Writes by this process (review actions, corrections) clear the cache at once
(``clear``); writes by other processes (ingest, watchers, other workers) change the version,
and the TTL bounds anything the version cannot see (a report marked deleted).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class VersionedCache:
    """Bounded LRU of (key → value, data version, stored at); thread-safe (sync endpoints run in threads)."""

    WAIT = 5.0  # seconds a request waits for another thread computing the same key

    def __init__(self, max_items: int = 2_000, ttl: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.max_items = max_items
        self.ttl = ttl
        self.clock = clock
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, tuple[Any, Hashable, float]] = OrderedDict()
        self._running: dict[tuple[Hashable, Hashable], threading.Event] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, version: Hashable, compute: Callable[[], T]) -> T:
        """The cached value of ``key`` at ``version``, computing (outside the lock) when absent or stale.

        One thread computes a missing key; others asking for it meanwhile wait for that result
        (up to ``WAIT`` seconds, then compute it themselves) instead of all running the same
        queries: when a server starts, 50 clients asked the same few searches at once.
        """
        mine = False
        while True:
            now = self.clock()
            with self._lock:
                found = self._items.get(key)
                if found is not None and found[1] == version and now - found[2] < self.ttl:
                    self._items.move_to_end(key)
                    self.hits += 1
                    value: T = found[0]
                    return value
                running = self._running.get((key, version))
                if running is None:
                    running = self._running[(key, version)] = threading.Event()
                    self.misses += 1
                    mine = True
                    break
            if not running.wait(self.WAIT):
                break  # the other computation is slow or stuck: do not queue behind it forever
        try:
            value = compute()
            with self._lock:
                self._items[key] = (value, version, now)
                self._items.move_to_end(key)
                while len(self._items) > self.max_items:
                    self._items.popitem(last=False)
        finally:
            if mine:
                with self._lock:
                    del self._running[(key, version)]
                running.set()  # waiters re-check: the value, or (after an error) their own attempt
        return value

    def clear(self) -> None:
        """Forget everything (this process changed the data)."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
