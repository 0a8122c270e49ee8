"""Incremental merge in the store via ``pipeline.process_pending`` (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses

import pytest
from dedup_helpers import TableExtractor, cand, report
from sqlalchemy import delete, select, update

from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.event_reads import list_events
from sitrep.store.schema import audit_log, event_facets, event_keys, events, mentions, report_links, reports

RU = "Бойцы 1428-го полка записали видеообращение: их бросили под Бахмутом без связи, 300 человек."
EN = "Soldiers of Russia's 1428th regiment recorded a video appeal: about 250 men abandoned near Bakhmut."
OTHER = "Мобилизованные из 1430-го полка записали обращение к губернатору: им не платят обещанные выплаты."
TABLE = {
    "1428": [cand(units=["1428th regiment"], places=["Bakhmut"], date="2024-05-02", count=300)],
    "1430": [cand(units=["1430th regiment"], places=["Bakhmut"], date="2024-05-02", count=300)],
}
EN_TABLE = {"about 250": [cand(units=["1428th regiment"], places=["Bakhmut"], date="2024-05-02", count=250)]}


def _ingest(store: Store, settings: Settings, reps: list, table: dict | None = None) -> int:  # type: ignore[type-arg]
    store.save_reports(reps)
    return process_pending(settings, store, TableExtractor({**EN_TABLE, **(table or TABLE)}))


def _state(store: Store) -> list[tuple]:  # type: ignore[type-arg]
    with store.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(mentions.c.report_id, mentions.c.event_id, mentions.c.is_first_source).order_by(
                    mentions.c.report_id
                )
            )
        ]


def test_reports_merge_with_count_range_and_first_source(any_store: Store, any_settings: Settings) -> None:
    _ingest(
        any_store,
        any_settings,
        [report("2", EN, 5, "en_site"), report("1", RU, 3, "ru_chan"), report("3", OTHER, 3, "other")],
    )
    evs = {e.units[0]: e for e in list_events(any_store)}
    main = evs["1428th regiment"]
    assert main.reports == 2 and (main.count_low, main.count_high) == (250, 300)
    assert main.first_channel == "ru_chan"  # published earliest, though stored second
    assert evs["1430th regiment"].reports == 1  # different regiment number: never merged
    with any_store.engine.connect() as conn:
        assert conn.execute(select(audit_log.c.action).where(audit_log.c.event_id == main.id)).first()


def test_forward_and_repost_are_linked_to_the_original(store: Store, settings: Settings) -> None:
    orig = report("10", RU, 3, "origchan")
    fwd = report("99", RU, 4, "reposter", fwd="https://t.me/origchan/10")
    _ingest(store, settings, [orig, fwd, report("7", RU + " Подписаться на канал!", 5, "third")])
    with store.engine.connect() as conn:
        links = {(r.kind) for r in conn.execute(select(report_links))}
        dup_of = [r[0] for r in conn.execute(select(reports.c.dup_of).order_by(reports.c.id))]
    assert links == {"forward", "dup"} and dup_of == [None, 1, 1]
    assert len({e for _, e, _ in _state(store)}) == 1


def test_rerun_and_reextraction_give_the_same_ids(any_store: Store, any_settings: Settings) -> None:
    _ingest(any_store, any_settings, [report("1", RU, 3), report("2", EN, 5, "en")])
    before = _state(any_store)
    assert process_pending(any_settings, any_store, TableExtractor(TABLE)) == 0  # nothing pending
    with any_store.engine.begin() as conn:
        conn.execute(update(reports).values(extracted_version=None))
    process_pending(any_settings, any_store, TableExtractor({**EN_TABLE, **TABLE}))
    assert _state(any_store) == before


def test_locked_and_merged_events_survive_reruns(store: Store, settings: Settings) -> None:
    _ingest(store, settings, [report("1", RU, 3), report("3", OTHER, 4, "o")])
    (ev_a, _), (_, ev_b) = [(r[1], r[1]) for r in _state(store)]
    with store.engine.begin() as conn:  # an analyst merges B into A and locks both
        conn.execute(update(events).where(events.c.id == ev_b).values(status="merged", merged_into=ev_a, locked=True))
        conn.execute(update(events).where(events.c.id == ev_a).values(locked=True, people_count=1))
        conn.execute(update(reports).values(extracted_version=None))
    before = _state(store)
    process_pending(settings, store, TableExtractor(TABLE))
    assert _state(store) == before
    with store.engine.connect() as conn:
        row = conn.execute(select(events).where(events.c.id == ev_a)).mappings().one()
    assert row["people_count"] == 1 and row["locked"]


def test_killed_batch_rolls_back_and_rerun_ends_the_same(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sitrep.store.events as store_events

    store.save_reports([report("1", RU, 3), report("2", EN, 5, "en"), report("3", OTHER, 4, "o")])
    real, calls = store_events.store_extraction, []

    def dies_on_third(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # stands for kill -9 in the middle of the batch transaction
        return real(*args)

    monkeypatch.setattr(store_events, "store_extraction", dies_on_third)
    with pytest.raises(KeyboardInterrupt):
        process_pending(settings, store, TableExtractor({**EN_TABLE, **TABLE}))
    assert _state(store) == []  # the two reports already written in that batch were rolled back
    monkeypatch.setattr(store_events, "store_extraction", real)
    process_pending(settings, store, TableExtractor({**EN_TABLE, **TABLE}))
    first = _state(store)
    with store.engine.begin() as conn:
        conn.execute(update(reports).values(extracted_version=None))
    process_pending(settings, store, TableExtractor({**EN_TABLE, **TABLE}))
    assert _state(store) == first and len(first) == 3


def test_two_candidates_of_one_report_never_share_an_event(any_store: Store, any_settings: Settings) -> None:
    x, y, z = (
        cand(units=[u], places=["Bakhmut"], date="2024-05-02")
        for u in ("11th regiment", "22nd regiment", "33rd regiment")
    )
    table = {"v1": [x, y], "other": [y], "v2": [y, z]}
    _ingest(any_store, any_settings, [report("1", "v1 " + RU, 3), report("2", "other " + OTHER, 4, "o")], table)
    # The edit's first candidate joins the event its old second candidate started (kept alive by
    # report 2); its second candidate, matching nothing, must start another event, not join that one.
    _ingest(any_store, any_settings, [report("1", "v2 " + RU, 3)], table)
    with any_store.engine.connect() as conn:
        rows = conn.execute(select(mentions.c.event_id).where(mentions.c.report_id == 1)).all()
    assert len(rows) == 2 and len({r[0] for r in rows}) == 2


def test_the_store_merges_like_the_batch_on_names_and_date_disagreements(
    any_store: Store, any_settings: Settings
) -> None:
    """Rare names and the date override decide the same in the store as in ``cluster_documents``."""
    from test_rules import REFUSAL_EN, REFUSAL_RU

    from sitrep.dedup import cluster_documents

    rally = cand("protest", units=["51st mechanized brigade"], places=["Volodymyr-Volynskyi"], date="2024-05-16")
    table = {
        "контракт": [cand("refusal", places=["Republic of Buryatia"])],
        "contract": [cand("refusal", places=["Republic of Buryatia"])],
        "51-й": [rally],
        "51st": [dataclasses.replace(rally, event_date="2023-05-19")],  # a misread "next rally on the 19th"
        "1430": TABLE["1430"],
    }
    reps = [
        report("1", REFUSAL_RU, 3, "ru_chan"),
        report("2", REFUSAL_EN, 4, "en_site"),
        report("3", "Родственники бойцов 51-й бригады снова пикетируют часть.", 16, "volyn"),
        report("4", "Families of the 51st brigade picket the base again; next rally on the 19th.", 16, "en"),
        report("5", OTHER, 16, "other"),
    ]
    batch = cluster_documents(reps, TableExtractor(table).extract_many(reps))
    store_reps = reps[::-1]  # stored in another order: the merge follows publication order anyway
    any_store.save_reports(store_reps)
    process_pending(any_settings, any_store, TableExtractor(table))
    by_report = {r[0]: r[1] for r in _state(any_store)}
    stored_ids = [by_report[len(reps) - i] for i in range(len(reps))]  # report ids follow store order

    def partition(ids: list[str]) -> set[frozenset[int]]:
        groups: dict[str, set[int]] = {}
        for n, e in enumerate(ids):
            groups.setdefault(e, set()).add(n)
        return {frozenset(g) for g in groups.values()}

    assert (
        partition([b[0] for b in batch])
        == partition(stored_ids)
        == {
            frozenset({0, 1}),
            frozenset({2, 3}),
            frozenset({4}),
        }
    )


def _index_rows(conn, event_id: str) -> tuple[list[tuple], list[tuple]]:  # type: ignore[no-untyped-def,type-arg]
    keys = conn.execute(
        select(event_keys.c.key, event_keys.c.day_lo, event_keys.c.day_hi).where(event_keys.c.event_id == event_id)
    )
    facets = conn.execute(select(event_facets.c.facet, event_facets.c.value).where(event_facets.c.event_id == event_id))
    return sorted(tuple(r) for r in keys), sorted(tuple(r) for r in facets)


def test_index_rows_written_as_differences_equal_a_rebuild(any_store: Store, any_settings: Settings) -> None:
    """``_refresh`` writes only the changed ``event_keys``/``event_facets`` rows: after a
    re-extraction that moves a report's day, count and place (keys dropped, added, the day span
    widened) and leaves another report without events (its event deleted), every event's rows
    are those a rebuild from scratch writes."""
    from sitrep.store.events import _refresh
    from sitrep.store.sql import now_utc

    _ingest(any_store, any_settings, [report("1", RU, 3), report("2", EN, 5, "en"), report("3", OTHER, 4, "o")])
    with any_store.engine.begin() as conn:
        conn.execute(update(reports).values(extracted_version=None))
    moved = {
        "about 250": [cand(units=["1428th regiment"], places=["Soledar"], date="2024-05-04", count=260)],
        "1428": TABLE["1428"],
    }
    process_pending(any_settings, any_store, TableExtractor(moved))
    with any_store.engine.begin() as conn:
        ids = sorted(r[0] for r in conn.execute(select(events.c.id)))
        written = {e: _index_rows(conn, e) for e in ids}
        assert any(keys for keys, _ in written.values())
        for e in ids:
            conn.execute(delete(event_keys).where(event_keys.c.event_id == e))
            conn.execute(delete(event_facets).where(event_facets.c.event_id == e))
            _refresh(conn, e, now_utc())
        assert {e: _index_rows(conn, e) for e in ids} == written
