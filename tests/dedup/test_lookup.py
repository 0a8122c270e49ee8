"""Bounded event lookup: the right event is found among many sharing a place; the window excludes."""

from __future__ import annotations

from collections.abc import Sequence

from dedup_helpers import cand, report

from sitrep.dedup.merge import day_span, lookup_keys
from sitrep.models import EventCandidate, Extraction, Report
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.event_lookup import MAX_EVENT_CANDIDATES, candidate_events
from sitrep.store.event_reads import list_events


class ById:
    """Extractor seam: the candidate for each report comes from its external id."""

    codebook_version = "t1"

    def __init__(self, table: dict[str, EventCandidate]) -> None:
        self.table = table

    def extract(self, rep: Report) -> Extraction:
        return Extraction(relevant=True, events=(self.table[rep.post.external_id],))

    def extract_many(self, reports: Sequence[Report]) -> list[Extraction]:
        return [self.extract(r) for r in reports]


def test_the_matching_event_is_found_among_more_than_the_cap(store: Store, settings: Settings) -> None:
    n = MAX_EVENT_CANDIDATES + 10  # all share the place key; brigade numbers keep them apart
    table = {
        str(i): cand("protest", units=[f"{i}th brigade"], places=["Bakhmut"], date="2024-05-02")
        for i in range(1, n + 1)
    }
    table["late"] = cand("protest", units=["7th brigade"], places=["Bakhmut"], date="2024-05-02")
    store.save_reports([report(k, f"Сообщение номер {k} о протесте бригады", 3, f"c{k}") for k in table])
    process_pending(settings, store, ById(table))
    events = list_events(store, limit=1000)
    assert len(events) == n
    assert [e.reports for e in events if e.units == ["7th brigade"]] == [2]


def test_events_outside_the_merge_window_are_not_looked_at(store: Store, settings: Settings) -> None:
    old = cand(units=["1428th regiment"], date="2023-01-10")
    store.save_reports([report("1", "Бойцы 1428-го полка записали обращение в январе", 3)])
    process_pending(settings, store, ById({"1": old}))
    new = cand(units=["1428th regiment"], date="2025-06-01")  # > 121 days after its publication too
    with store.engine.connect() as conn:
        near = candidate_events(conn, lookup_keys(old), day_span([(old, None)]), group=-1)
        far = candidate_events(conn, lookup_keys(new), day_span([(new, None)]), group=-1)
    assert len(near) == 1 and far == []


def test_a_rare_name_finds_only_events_published_days_around(store: Store, settings: Settings) -> None:
    """Name keys look only within ``NAME_LOOKUP_DAYS`` of the report's publication (names count
    only between reports published within 3 days), in the store as in the batch."""
    from datetime import UTC, datetime

    from sitrep.dedup import cluster_documents
    from sitrep.dedup.merge import name_window

    texts = {
        1: "Правозащитница Аюна Дашиева из Кижинги рассказала об отказе сорока контрактников.",
        3: "Forty contract soldiers refused to go back, says Ayuna Dashieva, an activist from Kizhinga.",
        20: "Ещё сорок военных написали рапорты об отказе, сообщила Дашиева; в Кижинге их ждут родные.",
    }
    table = {str(d): cand("refusal", places=["Republic of Buryatia"], count=40) for d in texts}
    reps = [report(str(d), t, d, f"c{d}") for d, t in texts.items()]
    store.save_reports(reps)
    process_pending(settings, store, ById(table))
    batch = cluster_documents(reps, ById(table).extract_many(reps))
    events = list_events(store, limit=10)
    assert sorted(e.reports for e in events) == [1, 2]  # the 1st and 3rd together, the 20th alone
    assert batch[0] == batch[1] != batch[2]
    keys = lookup_keys(table["1"], ("dashev", "kizhinh"))
    with store.engine.connect() as conn:
        for day, expect in ((2, 1), (12, 0), (21, 1)):
            published = datetime(2024, 5, day, 12, tzinfo=UTC)
            found = candidate_events(conn, [k for k in keys if "|t:" in k], (1, 1), -1, name_window(published))
            assert len(found) == expect, (day, found)
