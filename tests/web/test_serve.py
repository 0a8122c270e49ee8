"""``sitrep serve`` worker processes: several for a shared database, one for an in-memory one."""

from __future__ import annotations

import os

from sitrep.web import default_workers


def test_a_shared_database_gets_one_worker_per_core(settings):
    assert default_workers(settings) == max(1, min(4, os.cpu_count() or 1))


def test_an_in_memory_database_gets_one_worker(settings):
    assert default_workers(settings.model_copy(update={"database_url": "sqlite:///:memory:"})) == 1
    assert default_workers(settings.model_copy(update={"database_url": "sqlite://"})) == 1


def test_request_threads_match_the_connection_pool(store):
    from sitrep.web.app import _thread_limit

    assert _thread_limit(store) == max(4, store.engine.pool.size())  # type: ignore[attr-defined]
