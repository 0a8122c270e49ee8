"""Reports without a publication date (a JSONL line with no date, an article page whose date could
not be read): they merge on identifying evidence that needs no publication date — the same text, a
shared numbered unit, a town and the event's day — their day-month without a year (``XXXX-05-12``)
agrees with the other's date in that date's year, rare names count when the event days are within
days, and weak evidence or any never-merge rule still keeps them apart (``merge.match``, the batch
and the store alike)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from dedup_helpers import TableExtractor, cand, report
from sqlalchemy import select

from sitrep.dedup import cluster_documents
from sitrep.dedup.merge import MERGE_SCORE, Profile, match
from sitrep.models import EventCandidate, Report
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.schema import mentions


def _at(c: EventCandidate, day: int | None, names: tuple[str, ...] = ()) -> Profile:
    """A profile of one candidate published on May ``day`` 2024 at noon, or undated (None)."""
    p = Profile(c.event_type)
    p.add(c, None if day is None else datetime(2024, 5, day, 12, tzinfo=UTC), None, None, names)
    return p


def _yearless(c: EventCandidate, month_day: str) -> EventCandidate:
    """The candidate as read from an undated report that gives the day and month only."""
    return dataclasses.replace(c, event_date=f"XXXX-{month_day}", date_precision="day")


def _undated(rep: Report) -> Report:
    return dataclasses.replace(rep, post=dataclasses.replace(rep.post, published_at=None))


def test_a_yearless_day_agrees_with_the_others_date() -> None:
    # relatives picket the recruitment office of a small town; the undated report says "on 2 May"
    dated = cand("protest", places=["Kuzminsk"], date="2024-05-02")
    undated = _yearless(dated, "05-02")
    without = match(_at(dataclasses.replace(undated, event_date=None), None), _at(dated, 3))
    assert without is not None and without < MERGE_SCORE  # a town alone: not enough
    score = match(_at(undated, None), _at(dated, 3))
    assert score is not None and score >= MERGE_SCORE and score == pytest.approx(without + 1.5)  # the same day
    # a yearless month agrees with a date in that month
    month = dataclasses.replace(undated, event_date="XXXX-05-01", date_precision="month")
    assert match(_at(month, None), _at(dated, 3)) == pytest.approx(without + 1.0)
    # the same with the sides swapped (the stored event is the undated one)
    assert match(_at(dated, 3), _at(undated, None)) == score


def test_a_yearless_day_that_disagrees_is_no_evidence_and_no_conflict() -> None:
    # "killed on 22 September" in an undated report of a brigade's appeal in May: a background date
    dated = cand("appeal", units=["155th brigade"], places=["Pavlivka"], date="2024-05-02")
    undated = _yearless(dated, "09-22")
    plain = match(_at(dataclasses.replace(undated, event_date=None), None), _at(dated, 3))
    assert plain is not None and plain >= MERGE_SCORE
    assert match(_at(undated, None), _at(dated, 3)) == plain
    # a dated report's own date that disagrees stays a conflict (published weeks apart)
    assert match(_at(dataclasses.replace(dated, event_date="2024-09-22"), 25), _at(dated, 3)) is None


def test_weak_evidence_never_merges_an_undated_report() -> None:
    oblast = cand("appeal", places=["Vologda Oblast"])
    assert (match(_at(oblast, None), _at(oblast, None)) or 0) < MERGE_SCORE  # both undated, an oblast
    assert (match(_at(oblast, None), _at(oblast, 3)) or 0) < MERGE_SCORE
    city = cand("protest", places=["Moscow"], date="2024-05-02")
    assert (match(_at(_yearless(city, "05-02"), None), _at(city, 3)) or 0) < MERGE_SCORE  # a big city, one day
    names = ("dashev", "aiun", "kuvaldin")
    bare = cand("refusal")
    assert (match(_at(bare, None, names), _at(bare, 3, names)) or 0) < MERGE_SCORE  # rare names alone
    # rare names with nothing to tell when: not counted (a spokesperson quoted on the next event)
    region = cand("refusal", places=["Republic of Buryatia"])
    assert match(_at(region, None, names[:2]), _at(region, 3, names[:2])) == match(_at(region, None), _at(region, 3))
    assert (match(_at(region, None, names[:2]), _at(region, 3, names[:2])) or 0) < MERGE_SCORE


def test_rare_names_count_when_the_event_days_are_close() -> None:
    # a deserter named in both texts, a foreign country, the same day: no publication date on one side
    dated = cand("desertion", places=["Kazakhstan"], date="2024-01-12", count=1)
    undated = _yearless(dated, "01-12")
    named = match(_at(undated, None, ("zhilin",)), _at(dated, 3, ("zhilin",)))
    unnamed = match(_at(undated, None), _at(dated, 3))
    assert named is not None and unnamed is not None and named > unnamed and named >= MERGE_SCORE
    # across the new year: "30 December" in the undated text, 1 January in the other, read in 2023
    new_year = dataclasses.replace(dated, event_date="2024-01-01")
    assert match(_at(_yearless(dated, "12-30"), None, ("zhilin",)), _at(new_year, 3, ("zhilin",))) == pytest.approx(
        (match(_at(_yearless(dated, "12-30"), None), _at(new_year, 3)) or 0) + 0.7
    )
    # event days a week apart: the name is not counted
    later = dataclasses.replace(dated, event_date="2024-01-19")
    assert match(_at(undated, None, ("zhilin",)), _at(later, 3, ("zhilin",))) == match(
        _at(undated, None), _at(later, 3)
    )


def test_rare_names_count_when_the_undated_day_is_just_before_a_publication_that_dates_nothing() -> None:
    # an undated repost: "on 1 May Kazakhstan extradited Zhilin"; a report published on 3 May says
    # only "Kazakhstan has handed over Zhilin" and gives no date: the day agrees with its publication
    undated = _yearless(cand("desertion", places=["Kazakhstan"], count=1), "05-01")
    fresh = cand("desertion", places=["Kazakhstan"], count=1)
    named = match(_at(undated, None, ("zhilin",)), _at(fresh, 3, ("zhilin",)))
    unnamed = match(_at(undated, None), _at(fresh, 3))
    assert named is not None and unnamed is not None and unnamed < MERGE_SCORE <= named
    assert named == pytest.approx(unnamed + 0.7)
    # the sides swapped (the stored event is the undated one), and a full date alike
    assert match(_at(fresh, 3, ("zhilin",)), _at(undated, None, ("zhilin",))) == named
    dated = dataclasses.replace(undated, event_date="2024-05-01")
    assert match(_at(dated, None, ("zhilin",)), _at(fresh, 3, ("zhilin",))) == named
    # published more than PUB_CLOSE_DAYS after that day, or before it: the name is not counted
    assert match(_at(undated, None, ("zhilin",)), _at(fresh, 8, ("zhilin",))) == match(
        _at(undated, None), _at(fresh, 8)
    )
    assert match(_at(_yearless(fresh, "05-06"), None, ("zhilin",)), _at(fresh, 3, ("zhilin",))) == match(
        _at(_yearless(fresh, "05-06"), None), _at(fresh, 3)
    )
    # a month without a day tells no day
    month = dataclasses.replace(undated, event_date="XXXX-05-01", date_precision="month")
    assert match(_at(month, None, ("zhilin",)), _at(fresh, 3, ("zhilin",))) == match(_at(month, None), _at(fresh, 3))


def test_never_merge_rules_hold_for_undated_reports() -> None:
    names = ("dashev", "aiun")
    a = _yearless(cand(units=["1428th regiment"], places=["Bakhmut"], count=300), "05-02")
    b = cand(units=["1430th regiment"], places=["Bakhmut"], date="2024-05-02", count=300)
    assert match(_at(a, None, names), _at(b, 3, names)) is None  # different regiment numbers
    protest = dataclasses.replace(b, event_type="protest", units=a.units)
    desertion = dataclasses.replace(a, event_type="desertion")
    assert match(_at(desertion, None, names), _at(protest, 3, names)) is None  # types that never merge
    apart = dataclasses.replace(b, units=(), places=(dataclasses.replace(b.places[0], name="Kupiansk"),))
    assert match(_at(dataclasses.replace(a, units=()), None, names), _at(apart, 3, names)) is None
    # neighbouring types need publication within a week: never with an undated report
    appeal = cand("appeal", units=["123rd brigade"], places=["Vuhledar"], date="2024-05-02")
    case = cand("desertion", units=["123rd brigade"], places=["Vuhledar"], date="2024-05-02")
    assert (match(_at(appeal, 3), _at(case, 4)) or 0) >= MERGE_SCORE
    assert match(_at(appeal, None), _at(case, 4)) is None


# Written for these tests: one picket reported by a dated post, an undated web page and an undated
# copy of the post; and another town's picket the same day, undated.
PICKET_RU = "Родственники мобилизованных вышли к военкомату в Кузьминске 2 мая, около сорока человек."
PICKET_EN = "About forty relatives of mobilised men picketed the Kuzminsk enlistment office on 2 May."
OTHER_EN = "About forty relatives of mobilised men picketed the enlistment office in Moscow on 2 May."


def test_undated_reports_merge_in_the_batch_and_the_store_alike(any_store: Store, any_settings: Settings) -> None:
    picket = cand("protest", places=["Kuzminsk"], date="2024-05-02")
    table = {
        "Родственники": [picket],
        "Kuzminsk": [_yearless(picket, "05-02")],
        "Moscow": [
            _yearless(
                dataclasses.replace(picket, places=(dataclasses.replace(picket.places[0], name="Moscow"),)), "05-02"
            )
        ],
    }
    reps = [
        report("1", PICKET_RU, 3, "ru_chan"),
        _undated(report("2", PICKET_EN, 3, "en_site", kind="web")),
        _undated(report("3", PICKET_RU, 3, "copy_chan")),  # the same text, reposted without a date
        _undated(report("4", OTHER_EN, 3, "en_other", kind="web")),
    ]
    batch = cluster_documents(reps, TableExtractor(table).extract_many(reps))
    assert batch[0] == batch[1] == batch[2] != batch[3]
    any_store.save_reports(reps)
    process_pending(any_settings, any_store, TableExtractor(table))
    with any_store.engine.connect() as conn:
        rows = conn.execute(select(mentions.c.report_id, mentions.c.event_id).order_by(mentions.c.report_id)).all()
    assert [r.event_id for r in rows] == [b[0] for b in batch]  # the batch's very ids
