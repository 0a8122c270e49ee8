"""Via: the outlet that made an appeal public, transliterated to Latin letters."""

from __future__ import annotations

from sitrep.extract.via import find_via


def via(text: str) -> list[str]:
    return [h.name for h in find_via(text, 0, len(text))]


def test_english_channel() -> None:
    assert via("the Russian Telegram channel Ostorozhno Novosti published a video appeal") == [
        "Ostorozhno Novosti"
    ]


def test_russian_outlet_is_transliterated() -> None:
    assert via("Видеообращение опубликовал канал «Люди Байкала».") == ["Lyudi Baikala"]


def test_ukrainian_outlet() -> None:
    assert via("Звернення оприлюднило видання «Цензор.НЕТ».") == ["Tsenzor.NET"]


def test_aired_by() -> None:
    assert via("In a video aired by NDTV, the men say they were tricked.") == ["NDTV"]
