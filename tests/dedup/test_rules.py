"""Same-event rules, URL keys and batch clustering (``cluster_documents``), no storage."""

from __future__ import annotations

import dataclasses

from dedup_helpers import TableExtractor, cand, report

from sitrep.dedup import canonical_url, cluster_documents
from sitrep.dedup.merge import MERGE_SCORE, match, profile_of
from sitrep.models import Place

APPEAL_RU = "Бойцы 1428-го полка записали видеообращение: их бросили под Бахмутом без артиллерии и связи."
APPEAL_UK = "Військові 1428-го полку РФ записали відеозвернення: їх кинули під Бахмутом без артилерії."
APPEAL_EN = (
    "Soldiers of Russia's 1428th regiment recorded a video appeal saying they were abandoned near Bakhmut."
)


def test_url_variants_are_one_article() -> None:
    base = canonical_url("https://example.com/news/2024/appeal")
    for variant in (
        "http://www.example.com/news/2024/appeal/?utm_source=tg&utm_medium=social",
        "https://example.com/news/2024/appeal/amp",
        "https://amp.example.com/news/2024/appeal#top",
        "https://m.example.com/news/2024/appeal?fbclid=abc",
    ):
        assert canonical_url(variant) == base
    assert canonical_url("https://example.com/news/2024/other") != base
    assert canonical_url("javascript:alert(1)") is None


def test_cross_language_reports_of_one_event_merge() -> None:
    reps = [
        report("1", APPEAL_RU, 3, "ru_chan"),
        report("2", APPEAL_UK, 4, "uk_chan"),
        report("3", APPEAL_EN, 4, "en_site"),
    ]
    one = cand(units=["1428th regiment"], places=["Bakhmut"], date="2024-05-02")
    ids = cluster_documents(reps, TableExtractor({"1428": [one]}).extract_many(reps))
    assert ids[0] == ids[1] == ids[2] and len(ids[0]) == 1


def test_different_regiment_numbers_never_merge() -> None:
    a = profile_of(cand(units=["1428th regiment"], places=["Bakhmut"], date="2024-05-02", count=300), None)
    b = profile_of(cand(units=["1430th regiment"], places=["Bakhmut"], date="2024-05-02", count=300), None)
    assert match(a, b) is None


def test_only_a_big_city_is_not_enough() -> None:
    a = profile_of(cand("protest", places=["Moscow"], date="2024-05-02"), None)
    b = profile_of(cand("protest", places=["Moscow"], date="2024-05-02"), None)
    score = match(a, b)
    assert score is not None and score < MERGE_SCORE


def test_place_and_its_oblast_are_compatible_but_distant_dates_are_not() -> None:
    a = profile_of(cand("desertion", units=["102nd military base"], date="2023-12-01"), None)
    b = profile_of(cand("desertion", units=["102nd military base"], date="2024-04-09"), None)
    assert match(a, b) is None
    c = profile_of(cand("desertion", units=["102nd military base"], date="2023-12-03"), None)
    assert (match(a, c) or 0) >= MERGE_SCORE


def test_cluster_ids_are_stable_and_order_free() -> None:
    reps = [report("1", APPEAL_RU, 3), report("2", APPEAL_EN, 4, "en")]
    ex = TableExtractor({"1428": [cand(units=["1428th regiment"])]}).extract_many(reps)
    assert cluster_documents(reps, ex) == cluster_documents(reps, ex)
    assert cluster_documents(reps[::-1], ex[::-1]) == cluster_documents(reps, ex)[::-1]


def test_an_event_gaining_a_big_city_never_scores_lower() -> None:
    kazan = Place("Kazan", "event", admin1="Republic of Tatarstan")
    region = cand("appeal", date="2022-11-04")
    a = profile_of(dataclasses.replace(region, places=(Place("Republic of Tatarstan", "event"),)), None)
    b = profile_of(dataclasses.replace(region, places=(kazan,)), None)
    before = match(a, b) or 0
    a.add(dataclasses.replace(region, places=(kazan,)), None)  # now both also share the big city
    assert (match(a, b) or 0) >= before >= MERGE_SCORE
