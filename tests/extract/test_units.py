"""Units: numbered formations, military unit numbers and named units, normalised, in ru/uk/en."""

from __future__ import annotations

import pytest

from sitrep.extract.units import find_units, unit_key


def names(text: str) -> list[str]:
    return [u.name for u in find_units(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Бойцы 1428-го полка записали обращение.", ["1428th regiment"]),
        ("контрактник 74-й мотострелковой бригады", ["74th motor rifle brigade"]),
        (
            "мобилизованные из в/ч 12345 и войсковой части 55115",
            ["military unit 12345", "military unit 55115"],
        ),
        ("штурмовики «Шторм Z» и ЧВК «Вагнер»", ["Storm Z", "Wagner"]),
        ("бійці 47-ї окремої механізованої бригади", ["47th mechanized brigade"]),
        ("фахівці 204-ї бригади тактичної авіації", ["204th tactical aviation brigade"]),
        ("військова частина А1376", ["military unit A1376"]),
        ("soldiers of Russia's 1428th regiment", ["1428th regiment"]),
        ("the 26th Regiment of Russia's 47th Tank Division", ["26th regiment", "47th tank division"]),
        ("the 102nd military base in Gyumri", ["102nd military base"]),
    ],
)
def test_units_in_three_languages(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_no_unit_from_dates_or_counts() -> None:
    assert names("На 2 июля 15 человек погибли, 3 ранены.") == []


def test_unit_key_keeps_number_and_kind() -> None:
    assert unit_key("60th mechanized brigade") == unit_key("60th separate mechanized brigade") == "60 brigade"


def test_numbered_subunit_of_a_brigade_is_not_listed() -> None:
    from sitrep.extract import Extractor, report_from_doc

    def units(text: str) -> list[str]:
        ext = Extractor.load().extract(report_from_doc({"id": "u", "text": text, "published": "2022-05-24"}))
        return list(ext.events[0].units) if ext.events else []

    assert units("Взвод 3-го батальона 115-й бригады ВСУ записал видеообращение: их бросили без поддержки.") == [
        "115th brigade"
    ]
    assert units("Бійці 74-ї бригади (в/ч 21005, 3-й батальйон) записали відеозвернення до командування.") == [
        "74th brigade",
        "military unit 21005",
    ]
    # a battalion numbered army-wide stays, and so does a battalion told on its own
    assert units("Бойцы 34-го батальона 57-й бригады ВСУ записали видеообращение к Зеленскому.") == [
        "34th battalion",
        "57th brigade",
    ]
    assert units("Soldiers of the 3rd battalion recorded a video appeal to the president.") == ["3rd battalion"]
