"""Look-alike events that are not one event (codebook 1.15): relatives' rallies in two neighbouring towns the same
day, arrests of deserters in two towns of one oblast the same week, and a report published before the other
report's event happened. Near the front, a village and the one next to it stay one battle's places. Run through the
shipped extractor and ``cluster_documents``, with texts written for these tests."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from dedup_helpers import cand

from sitrep.dedup import cluster_documents
from sitrep.dedup.merge import MERGE_SCORE, Profile, match
from sitrep.extract import Extractor, reports_from_docs
from sitrep.models import EventCandidate, Place


def _clusters(docs: list[dict[str, str]]) -> list[list[str]]:
    reports = reports_from_docs(docs)
    return cluster_documents(reports, Extractor.load().extract_many(reports))


def test_rallies_in_two_neighbouring_towns_are_two_events() -> None:
    docs = [
        {
            "id": "a",
            "text": "Сегодня у военкомата в Бориславе около сорока жён мобилизованных вышли на пикет, требуя вернуть "
            "мужей домой.",
            "published": "2026-03-14T18:00:00+02:00",
        },
        {
            "id": "b",
            "text": "У суботу біля ТЦК у Стебнику зібралися близько тридцяти дружин мобілізованих: вимагали "
            "демобілізації чоловіків.",
            "published": "2026-03-14T19:00:00+02:00",
        },
        {
            "id": "c",
            "text": "Около сорока жён мобилизованных сегодня вышли на пикет в Бориславе и требовали вернуть мужей.",
            "published": "2026-03-14T20:00:00+02:00",
        },
    ]
    a, b, c = _clusters(docs)
    assert a == c  # the same rally told twice
    assert not set(a) & set(b)  # Stebnyk, 5 km away, is another rally


def test_arrests_in_two_towns_of_one_oblast_are_two_events() -> None:
    docs = [
        {
            "id": "d",
            "text": "В воскресенье в Великом Устюге задержали контрактника, который самовольно оставил часть "
            "в/ч 41234.",
            "published": "2026-04-12T18:00:00+03:00",
        },
        {
            "id": "e",
            "text": "В воскресенье в Красавино полиция задержала военнослужащего, самовольно оставившего часть.",
            "published": "2026-04-12T19:00:00+03:00",
        },
    ]
    d, e = _clusters(docs)
    assert not set(d) & set(e)


def _village(name: str, admin1: str, lat: float, lon: float) -> Place:
    return Place(name, "event", None, lat, lon, admin1, "UA")


def _profile(c: EventCandidate, day: int, month: int = 5) -> Profile:
    p = Profile(c.event_type)
    p.add(c, datetime(2024, month, day, 12, tzinfo=UTC), None, None, ())
    return p


def test_two_front_villages_near_each_other_stay_compatible() -> None:
    # one refusal told as "near Ocheretyne" and "near Novobakhmutivka" (6 km apart, both Donetsk Oblast)
    base = cand("refusal", date="2024-05-02", count=40)
    one = dataclasses.replace(base, places=(_village("Ocheretyne", "Donetsk Oblast", 48.26, 37.60),))
    two = dataclasses.replace(base, places=(_village("Novobakhmutivka", "Donetsk Oblast", 48.22, 37.62),))
    score = match(_profile(one, 3), _profile(two, 3))
    assert score is not None and score >= MERGE_SCORE


def test_two_rear_towns_near_each_other_score_no_place_agreement() -> None:
    one = cand("protest", date="2024-05-02", count=40)
    boryslav = dataclasses.replace(one, places=(_village("Boryslav", "Lviv Oblast", 49.29, 23.42),))
    # the other rally gives another count, as rallies in two towns do
    stebnyk = dataclasses.replace(one, people_count=30, places=(_village("Stebnyk", "Lviv Oblast", 49.30, 23.56),))
    same = dataclasses.replace(one, places=(_village("Boryslav", "Lviv Oblast", 49.29, 23.42),))
    apart = match(_profile(boryslav, 3), _profile(stebnyk, 3))
    together = match(_profile(boryslav, 3), _profile(same, 3))
    assert together is not None and together >= MERGE_SCORE
    # the same day and publication close by (2.0); the two towns 10 km apart add nothing
    assert apart == 2.0


def test_a_report_cannot_tell_of_an_event_that_came_later() -> None:
    # a June post about a unit (no event date) and the unit's appeal of 14 September: not one event
    june = cand("appeal", units=["military unit 45531"])
    september = cand("appeal", units=["military unit 45531"], date="2024-09-14")
    assert match(_profile(june, 5, month=6), _profile(september, 16, month=9)) is None
    assert match(_profile(september, 16, month=9), _profile(june, 5, month=6)) is None
    # published a few days before the other's event day: still may be one (a date read a few days late)
    early = cand("appeal", units=["military unit 45531"])
    assert match(_profile(early, 10, month=9), _profile(september, 16, month=9)) is not None
