"""Dates: explicit and relative, resolved against the publication date, in ru/uk/en."""

from __future__ import annotations

from datetime import datetime

import pytest

from sitrep.extract.dates import find_dates

PUB = datetime(2023, 7, 5, 12, 0)


def first(text: str, pub: datetime | None = PUB) -> tuple[str, str] | None:
    found = [h for h in find_dates(text, 0, len(text), pub) if not h.background]
    hits = [h for h in found if not h.relative] or found  # the engine prefers explicit dates
    return (hits[0].iso, hits[0].precision) if hits else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 июля бойцы записали видеообращение.", ("2023-07-02", "day")),
        ("Видео появилось 23 июня 2023 года.", ("2023-06-23", "day")),
        ("Вчера жены мобилизованных вышли на пикет.", ("2023-07-04", "day")),
        ("Родини бійців сьогодні, 16 вересня, знову прийшли до частини.", ("2022-09-16", "day")),
        ("Вчора дружини військових вийшли на акцію в Ковелі.", ("2023-07-04", "day")),
        ("On July 2, the channel published a video appeal.", ("2023-07-02", "day")),
        ("The men filmed the plea yesterday.", ("2023-07-04", "day")),
        ("в сентябре 2022 года инструктор избил курсанта", ("2022-09-01", "month")),
        ("In December, police arrested 12 recruiters.", ("2022-12-01", "month")),
        ("в ночь на пятницу он перелез через забор", ("2023-06-30", "day")),
    ],
)
def test_dates_in_three_languages(text: str, expected: tuple[str, str]) -> None:
    assert first(text) == expected


def test_no_false_year_from_unit_number() -> None:
    assert first("soldiers of the 1428th regiment and of unit 12345") is None


def test_unknown_year_without_publication_date() -> None:
    assert first("2 июля бойцы 1428-го полка записали обращение", pub=None) == ("XXXX-07-02", "day")


def test_after_a_date_is_background() -> None:
    text = "После 8 июня командование отправило их на передовую."
    assert [h.background for h in find_dates(text, 0, len(text), PUB)] == [True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PUB is Wednesday 5 July 2023
        ("За його словами, у ніч на п'ятницю він перетнув кордон і попросив притулку.", ("2023-06-30", "day")),
        ("В прошлую пятницу жёны мобилизованных пришли к военкомату.", ("2023-06-30", "day")),
        ("Минулої п'ятниці рідні бійців вийшли на пікет біля ТЦК.", ("2023-06-30", "day")),
        ("He says he crossed the border overnight into Friday and asked for asylum.", ("2023-06-30", "day")),
        ("следствие считает, что 28 августа прошлого года он самовольно уехал домой", ("2022-08-28", "day")),
        ("следствие считает, что 2 июля прошлого года он самовольно уехал домой", ("2022-07-02", "day")),
    ],
)
def test_relative_days_and_last_year(text: str, expected: tuple[str, str]) -> None:
    assert first(text) == expected


def test_last_year_without_publication_date_keeps_year_unknown() -> None:
    assert first("28 августа прошлого года он самовольно уехал домой", None) == ("XXXX-08-28", "day")


def test_a_date_set_for_later_is_not_the_events() -> None:
    assert first("Родственники снова пикетируют часть. Следующий сбор назначен на 19 июля.") is None
    assert first("Рідні бійців пікетують ТЦК. Наступну акцію заплановано на 19 липня.") is None
    assert first("The next rally is scheduled for July 19.") is None
