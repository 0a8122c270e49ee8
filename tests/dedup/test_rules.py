"""Same-event rules, URL keys and batch clustering (``cluster_documents``), no storage."""

from __future__ import annotations

import dataclasses

from dedup_helpers import TableExtractor, cand, report

from sitrep.dedup import canonical_url, cluster_documents
from sitrep.dedup.merge import MERGE_SCORE, match, profile_of
from sitrep.models import Place

APPEAL_RU = "Бойцы 1428-го полка записали видеообращение: их бросили под Бахмутом без артиллерии и связи."
APPEAL_UK = "Військові 1428-го полку РФ записали відеозвернення: їх кинули під Бахмутом без артилерії."
APPEAL_EN = "Soldiers of Russia's 1428th regiment recorded a video appeal saying they were abandoned near Bakhmut."


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


# Written for these tests: one refusal told in Russian and English, linked by the activist's
# rare name and a region only (no unit, no date), and an unrelated report naming her too.
REFUSAL_RU = (
    "Правозащитница Аюна Дашиева из фонда «Голос Бурятии» рассказала, что 40 контрактников "
    "из Кижинги отказались возвращаться на фронт и требуют расторгнуть контракты."
)
REFUSAL_EN = (
    "Forty contract soldiers from Kizhinga in Buryatia refuse to go back to the front, rights activist Ayuna "
    "Dashieva of the Voice of Buryatia foundation told reporters."
)


def _named(c: object, names: tuple[str, ...], day: int | None = None):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from sitrep.dedup.merge import Profile

    p = Profile(c.event_type)  # type: ignore[attr-defined]
    p.add(c, datetime(2024, 5, day, 12, tzinfo=UTC) if day else None, None, None, names)  # type: ignore[arg-type]
    return p


def test_a_rare_name_links_one_event_across_languages() -> None:
    reps = [report("1", REFUSAL_RU, 3, "ru_chan"), report("2", REFUSAL_EN, 4, "en_site")]
    c = cand("refusal", places=["Republic of Buryatia"])
    ids = cluster_documents(reps, TableExtractor({"контракт": [c], "contract": [c]}).extract_many(reps))
    assert ids[0] == ids[1] and len(ids[0]) == 1
    # the same two candidates without the texts' names stay apart: the names made the merge
    assert (match(_named(c, (), 3), _named(c, (), 4)) or 0) < MERGE_SCORE


def test_rare_names_alone_or_with_a_big_city_never_merge() -> None:
    names = ("dashev", "aiun", "kuvaldin")
    a = _named(cand("refusal"), names, 3)
    b = _named(cand("refusal"), names, 20)
    assert (match(a, b) or 0) < MERGE_SCORE  # three shared names, nothing else
    a = _named(cand("protest", places=["Moscow"]), ("kuvaldin",), 3)
    b = _named(cand("protest", places=["Moscow"]), ("kuvaldin",), 4)
    assert (match(a, b) or 0) < MERGE_SCORE  # one name + a big city + published together


def test_names_never_outweigh_different_unit_numbers_or_count_an_outlet() -> None:
    names = ("dashev", "aiun", "nirend")
    a = _named(cand(units=["1428th regiment"], places=["Bakhmut"], date="2024-05-02"), names, 3)
    b = _named(cand(units=["1430th regiment"], places=["Bakhmut"], date="2024-05-02"), names, 3)
    assert match(a, b) is None
    via = dataclasses.replace(cand("appeal", places=["Voronezh Oblast"]), via="Verstka")
    assert (match(_named(via, ("verstk",), 3), _named(via, ("verstk",), 4)) or 0) == (
        match(_named(via, (), 3), _named(via, (), 4)) or 0
    )


def test_a_date_disagreement_is_outweighed_only_by_strong_evidence_published_together() -> None:
    # The extractor read "the next rally is on 19 September" as a past date on one side.
    x = cand("protest", units=["51st mechanized brigade"], places=["Volodymyr-Volynskyi"], date="2014-09-16")
    y = dataclasses.replace(x, event_date="2013-09-19")
    assert (match(_named(x, (), 16), _named(y, (), 16)) or 0) >= MERGE_SCORE
    assert match(_named(x, (), 1), _named(y, (), 16)) is None  # published two weeks apart
    weak = cand("protest", places=["Moscow"], date="2014-09-16")
    assert (
        match(
            _named(weak, ("kuvaldin",), 16),
            _named(dataclasses.replace(weak, event_date="2013-09-19"), ("kuvaldin",), 16),
        )
        is None
    )


def test_a_spokesperson_quoted_again_a_week_later_is_not_evidence() -> None:
    # The same activist and foundation speak for another unit's refusal a week later.
    c = cand("refusal", places=["Republic of Buryatia"])
    names = ("dashev", "kizhinh")
    assert (match(_named(c, names, 3), _named(c, names, 4)) or 0) >= MERGE_SCORE
    assert (match(_named(c, names, 3), _named(c, names, 10)) or 0) < MERGE_SCORE


def test_a_shared_number_is_evidence_only_between_reports_published_together() -> None:
    # "500 days" of mobilisation in both texts: with the same day in a big city it tips the merge.
    c = cand("protest", places=["Moscow"], date="2024-05-03")
    assert (match(_named(c, (), 3), _named(c, (), 4)) or 0) < MERGE_SCORE
    assert (match(_named(c, ("#500",), 3), _named(c, ("#500",), 4)) or 0) >= MERGE_SCORE
    assert (match(_named(c, ("#500",), 3), _named(c, ("#500",), 10)) or 0) < MERGE_SCORE
    # a number with nothing else never merges; one both sides read as the people count adds nothing
    assert (match(_named(cand("protest"), ("#500",), 3), _named(cand("protest"), ("#500",), 4)) or 0) < 1.5
    counted = cand("protest", places=["Voronezh Oblast"], date="2024-05-03", count=115)
    assert match(_named(counted, ("#115",), 3), _named(counted, ("#115",), 4)) == match(
        _named(counted, (), 3), _named(counted, (), 4)
    )


def test_a_place_one_side_extracted_counts_when_the_other_text_names_it() -> None:
    # One report's extractor kept Tbilisi from the event sentence; the other names it in a later one.
    a = cand("desertion", places=["Luhansk Oblast", "Tbilisi"], count=1)
    b = cand("desertion", places=["Luhansk Oblast"], count=1)
    assert (match(_named(a, (), 3), _named(b, (), 3)) or 0) < MERGE_SCORE
    assert (match(_named(a, (), 3), _named(b, ("@tbilisi",), 3)) or 0) >= MERGE_SCORE
    # named in both texts but extracted by neither: background, no evidence
    c = cand("desertion", places=["Luhansk Oblast"], count=1)
    assert match(_named(c, ("@tbilisi",), 3), _named(b, ("@tbilisi",), 3)) == match(_named(c, (), 3), _named(b, (), 3))
    # a big city named in the other text is worth what a shared big city is
    m = cand("protest", places=["Moscow"], date="2024-05-03")
    assert (match(_named(m, (), 3), _named(cand("protest", date="2024-05-03"), ("@moscow",), 3)) or 0) < MERGE_SCORE


def test_a_second_shared_place_apart_from_the_first_adds_half_its_weight() -> None:
    # A deserter caught in Odesa Oblast at the Moldovan border: a country and an oblast agree.
    both = cand("desertion", places=["Odesa Oblast", "Moldova"], count=1)
    one = cand("desertion", places=["Moldova"], count=1)
    assert (match(_named(one, (), 3), _named(one, (), 3)) or 0) < MERGE_SCORE
    assert (match(_named(both, (), 3), _named(both, (), 3)) or 0) >= MERGE_SCORE
    # a city and its own oblast are one agreement, not two
    kursk = cand("desertion", places=[], count=1)
    kursk = dataclasses.replace(
        kursk, places=(Place("Kursk", "event", admin1="Kursk Oblast"), Place("Kursk Oblast", "event"))
    )
    once = dataclasses.replace(kursk, places=kursk.places[1:])
    city_and_oblast = match(_named(kursk, (), 3), _named(kursk, (), 3)) or 0
    assert city_and_oblast == (match(_named(once, (), 3), _named(once, (), 3)) or 0) + 1.0  # the city's 2, not 1


def test_a_city_and_its_oblast_are_compatible_whatever_the_gazetteer_calls_the_oblast() -> None:
    from sitrep.dedup.merge import places_compatible

    city = Place("Ulyanovsk", "event", 479123, 54.33, 48.39, "Ulyanovsk", "RU")  # admin1 without "Oblast"
    assert places_compatible(city, Place("Ulyanovsk Oblast", "event"))
    assert places_compatible(Place("Ulyanovsk Oblast", "event"), city)
    assert not places_compatible(city, Place("Kursk Oblast", "event"))


def test_a_foreign_country_both_texts_name_counts_unless_their_places_disagree() -> None:
    # Yemeni recruits told of in two languages; neither extractor kept Yemen as a place.
    c = cand("coercion", count=300)
    assert (match(_named(c, (), 3), _named(c, (), 4)) or 0) < MERGE_SCORE
    assert (match(_named(c, ("%yemen",), 3), _named(c, ("%yemen",), 4)) or 0) >= MERGE_SCORE
    # one recruit's death in Hyderabad and a trafficking ring busted in Delhi: one country, two stories
    a = dataclasses.replace(cand("coercion", count=1), places=(Place("Hyderabad", "origin", lat=17.4, lon=78.5),))
    b = dataclasses.replace(cand("coercion", count=1), places=(Place("Delhi", "origin", lat=28.6, lon=77.2),))
    without = match(_named(a, (), 3), _named(b, (), 4))
    assert without is not None and match(_named(a, ("%india",), 3), _named(b, ("%india",), 4)) == without


def test_places_read_differently_from_texts_that_name_both_are_not_apart() -> None:
    # One rally of prisoners' relatives: one extractor kept the city the rally was in, the other the
    # city the prisoners defended, which its text names besides the rally's city.
    rally = cand("protest", places=["Dnipro"], date="2023-09-17", count=300)
    other = dataclasses.replace(rally, places=(Place("Mariupol", "event"),))
    assert match(_named(rally, (), 3), _named(other, (), 4)) is None  # two places, neither text names the other
    score = match(_named(rally, (), 3), _named(other, ("@dnipro",), 4))
    assert score is not None and score >= MERGE_SCORE
    # named as a rare name («Днипро» not found in the gazetteer): every word of the place's name
    from sitrep.dedup.names import covered_keys

    assert match(_named(rally, (), 3), _named(other, tuple(covered_keys(["Dnipro"])), 4)) is not None
    two_words = dataclasses.replace(rally, places=(Place("Nizhny Novgorod", "event"),))
    assert match(_named(two_words, (), 3), _named(other, tuple(covered_keys(["Novgorod"])), 4)) is None
    # still only as evidence: a big city named in the other text, and nothing else, never merges
    bare = dataclasses.replace(rally, event_date=None, people_count=None)
    bare_other = dataclasses.replace(other, event_date=None, people_count=None)
    assert (match(_named(bare, (), 3), _named(bare_other, ("@dnipro",), 4)) or 0) < MERGE_SCORE
    # and never across neighbouring types
    appeal = dataclasses.replace(rally, event_type="appeal")
    assert match(_named(appeal, (), 3), _named(other, ("@dnipro",), 4)) is None
