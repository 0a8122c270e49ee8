"""Merge rules for imperfect extractions (issue #4): the event's day as a lookup key, unit names
transliterated two ways, a numbered unit on agreeing dates across a ``named_only`` type, and a
report that dates nothing published on the other's event day (``merge.lookup_keys``,
``merge.units_shared``, ``merge.match``, ``cluster_documents``). Sentences written for these tests."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from dedup_helpers import TableExtractor, cand, report

from sitrep.dedup import cluster_documents
from sitrep.dedup.merge import MERGE_SCORE, Profile, cross_type_keys, lookup_keys, match, parse_unit, units_shared
from sitrep.models import EventCandidate, Place

# Two reports of one picket: the English one names the town only as an adjective ("the Tambov
# city hall") and its extractor kept no place; neither count reaches a count key.
PICKET_RU = "В Тамбове сегодня девять матерей мобилизованных вышли к мэрии с плакатами «Верните сыновей»."
PICKET_EN = "Nine mothers of mobilised men stood outside the Tambov city hall on Thursday holding posters."


def _at(c: EventCandidate, day: int, hour: int = 12) -> Profile:
    p = Profile(c.event_type)
    p.add(c, datetime(2024, 5, day, hour, tzinfo=UTC), None, None, ())
    return p


def test_the_event_day_is_a_lookup_key_only_at_day_precision() -> None:
    day = cand("protest", date="2024-05-02", count=9)
    assert "protest|d:2024-05-02" in lookup_keys(day)
    month = dataclasses.replace(day, date_precision="month")
    yearless = dataclasses.replace(day, event_date="XXXX-05-02")
    assert not any("|d:" in k for k in (*lookup_keys(month), *lookup_keys(yearless), *lookup_keys(cand("protest"))))


def test_a_report_without_place_or_unit_finds_the_event_of_its_day() -> None:
    table = {
        "Тамбове": [cand("protest", places=["Tambov"], date="2024-05-02", count=9)],
        "Tambov city": [cand("protest", date="2024-05-02", count=9)],
        "Kursk": [cand("protest", date="2024-05-03", count=9)],  # another day: stays apart
    }
    other = "Nine wives of reservists rallied by the Kursk regional duma on Friday."
    reps = [report("1", PICKET_RU, 2, "ru"), report("2", PICKET_EN, 3, "en"), report("3", other, 3, "en2")]
    ids = cluster_documents(reps, TableExtractor(table).extract_many(reps))
    assert ids[0] == ids[1] != ids[2]


def test_unit_names_match_however_transliterated() -> None:
    a = {parse_unit("Ivan Syrko volunteer battalion")}
    b = {parse_unit("Ivan Sirko battalion")}
    assert units_shared(a, b)[1] >= 1
    assert units_shared({parse_unit("Syrko battalion")}, {parse_unit("Sirko battalion")}) == (0, 1)
    assert units_shared({parse_unit("Syrko battalion")}, {parse_unit("Bohun battalion")}) == (0, 0)


def test_a_numbered_unit_on_agreeing_dates_merges_coercion_with_an_appeal() -> None:
    # Mothers of conscripts of one military unit say their sons were pressed into contracts in
    # March (typed appeal by one report, coercion by another).
    unit, place = ["military unit 71234"], ["Kovrov"]
    appeal = dataclasses.replace(cand("appeal", units=unit, places=place, date="2024-03-01"), date_precision="month")
    coerced = dataclasses.replace(appeal, event_type="coercion")
    score = match(_at(appeal, 3), _at(coerced, 4))
    assert score is not None and score >= MERGE_SCORE
    # without dates that agree, a unit and a place stay apart across these types
    assert match(_at(dataclasses.replace(appeal, event_date=None), 3), _at(coerced, 4)) is None
    other_month = dataclasses.replace(coerced, event_date="2024-01-01")
    assert match(_at(appeal, 3), _at(other_month, 4)) is None
    # and the coercion report finds the appeal event by its numbered unit
    assert "appeal|u:military unit:71234" in cross_type_keys(coerced, ())


def test_an_undated_report_published_on_the_event_day_counts_a_little() -> None:
    # A platoon commander beat a private (dated on one side); the other report dates nothing but
    # came out the same day. Oblast + count of one + published together: 2.1, not enough alone.
    dated = dataclasses.replace(
        cand("abuse", date="2024-05-06", count=1), places=(Place("Tula Oblast", "event"),), grievances=("beating",)
    )
    undated = dataclasses.replace(dated, event_date=None, date_precision=None)
    fresh = match(_at(dated, 6), _at(undated, 6, 18))
    earlier = dataclasses.replace(dated, event_date="2024-05-04")  # two days before the undated report
    late = match(_at(earlier, 6), _at(undated, 6, 18))
    assert fresh is not None and late is not None
    assert fresh >= MERGE_SCORE > late and abs(fresh - late - 0.5) < 1e-9
    # not when the places disagree: one recruiting story's town is not the other's
    away = dataclasses.replace(undated, places=(Place("Vladimir Oblast", "event", lat=56.1, lon=40.4),))
    here = dataclasses.replace(dated, places=(Place("Tula Oblast", "event", lat=54.2, lon=37.6),))
    scored = match(_at(here, 6), _at(away, 6, 18))
    assert scored is None or scored < MERGE_SCORE


def test_a_background_month_gives_way_to_a_country_and_the_same_count() -> None:
    # Seven deserters who hid in Armenia reached Germany: one report dates the story by the month
    # their visas came ("approved in March"), the other by the month they arrived (June).
    arrived = dataclasses.replace(
        cand("desertion", count=7), event_date="2024-06-01", date_precision="month", places=(Place("Armenia", "event"),)
    )
    visas = dataclasses.replace(arrived, event_date="2024-03-01")
    score = match(_at(arrived, 3), _at(visas, 5))
    assert score is not None and score >= MERGE_SCORE
    assert match(_at(arrived, 3), _at(dataclasses.replace(visas, people_count=None), 5)) is None  # the country alone
    assert match(_at(arrived, 3), _at(visas, 12)) is None  # published more than three days apart
    days = dataclasses.replace(visas, date_precision="day"), dataclasses.replace(arrived, date_precision="day")
    assert match(_at(days[0], 3), _at(days[1], 5)) is None  # two exact days months apart: other events
