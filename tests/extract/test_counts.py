"""People counts in words and digits, exact or approximate, in ru/uk/en."""

from __future__ import annotations

import pytest

from sitrep.extract.counts import find_counts


def first(text: str) -> tuple[int, str] | None:
    hits = find_counts(text, 0, len(text))
    return (hits[0].value, hits[0].precision) if hits else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("задержали 234 военнослужащих, отказавшихся идти в бой", (234, "exact")),
        ("Около 50 военных перекрыли проспект", (50, "approximate")),
        ("несколько сотен мобилизованных выбыли из строя", (300, "approximate")),
        ("двоє бійців самовільно залишили частину", (2, "exact")),
        ("близько 500 військових та рідних прийшли до штабу", (500, "approximate")),
        ("Seven young men from Punjab asked to be brought home", (7, "exact")),
        ("several hundred men were out of action", (300, "approximate")),
        ("Around fifteen Buryat women filmed a plea", (15, "approximate")),
    ],
)
def test_counts_in_three_languages(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


def test_ages_and_dates_are_not_counts() -> None:
    assert first("20-летнего контрактника задержали 3 декабря") is None


def test_one_person_described_by_age() -> None:
    from sitrep.extract.counts import find_individual

    for text in ("затримала 20-річного контрактника Дмитра", "a 28-year-old captain of the regiment"):
        hit = find_individual(text, 0, len(text))
        assert hit is not None and (hit.value, hit.precision) == (1, "exact")


def test_nationality_nouns_count_people() -> None:
    assert first("Семеро индийцев записали видео с просьбой о помощи") == (7, "exact")
    assert first("Seventeen Cubans are in custody") == (17, "exact")
