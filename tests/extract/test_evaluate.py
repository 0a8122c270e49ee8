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
