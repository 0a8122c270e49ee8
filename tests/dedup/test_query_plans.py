"""Every query of the add-one-report path hits an index (EXPLAIN QUERY PLAN on SQLite)."""

from __future__ import annotations

from typing import Any

from dedup_helpers import TableExtractor, cand, report
from sqlalchemy import event

from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store

# Tables that grow with the archive: a full SCAN of any of them is a regression.
BIG = ("reports", "dedup_keys", "event_keys", "mentions", "events", "report_links", "event_facets")


def test_merge_path_never_scans_a_big_table(store: Store, settings: Settings) -> None:
    first = "Бойцы 1428-го полка записали обращение к генералу Кувалдину, их 300 человек"
    store.save_reports([report("1", first, 3, "a")])
    process_pending(settings, store, TableExtractor({"1428": [cand(units=["1428th regiment"], count=300)]}))
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", capture)
    second = "Soldiers of the 1428th regiment, about 250 of them, appealed to general Kuvaldin"
    store.save_reports([report("2", second, 4, "b")])
    process_pending(settings, store, TableExtractor({"250": [cand(units=["1428th regiment"], count=250)]}))
    event.remove(store.engine, "before_cursor_execute", capture)
    assert len(seen) > 10
    assert any("|t:kuvaldin" in str(params) for _, params in seen)  # the rare-name lookup ran too
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for statement, params in seen:
            plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, params)]
            scans = [p for p in plan if p.startswith("SCAN ") and p.split()[1] in BIG]
            assert not scans, f"{statement}\n{plan}"
