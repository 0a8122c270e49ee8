"""The scorer's place normalisation (gold-format.md: set F1 "after normalisation (case, transliteration)")."""

from __future__ import annotations

import pytest

from sitrep.extract.evaluate import place_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Huliaipole", "Hulyaipole"),  # KMU 2010 vs the older romanisation
        ("Velykyi Bereznyi", "Velykiy Berezniy"),
        ("Makiyivka", "Makiivka"),
        ("Kyiv", "Kiyv"),
        ("Zolochiv", "zolochiv"),
        ("Kharkiv Oblast", "Kharkiv"),
        ("Zaporizhzhia", "zaporizhzhia"),
    ],
)
def test_transliteration_variants_are_one_place(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kupiansk", "Kurakhove"),
        ("Bakhmut", "Bakhchysarai"),
        ("Lyman", "Lypova"),
        ("Sumy", "Summy"),
    ],
)
def test_different_places_stay_apart(a: str, b: str) -> None:
    assert place_key(a) != place_key(b)


def test_place_names_with_or_without_yo_and_republic_compare_equal() -> None:
    from sitrep.extract.evaluate import place_key

    assert place_key("Korenyovo") == place_key("Korenevo")
    assert place_key("Oryol") == place_key("Orel")
    assert place_key("Komi Republic") == place_key("Komi")
    assert place_key("Kursk") != place_key("Korenevo")
