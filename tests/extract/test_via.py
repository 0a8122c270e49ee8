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


def test_inflected_outlet_and_person_page() -> None:
    assert via("Агафонов рассказал «Вёрстке», как батальон разбили.") == ["Verstka"]
    assert via("Запись появилась на странице Елены Кузнецовой в соцсетях.") == ["Elena Kuznetsova"]


def test_latin_outlet_after_reporting_verb() -> None:
    assert via("Медведев рассказал Gulagu.net, что ушёл с фронта.") == ["Gulagu.net"]


def test_sentence_initial_source_phrase() -> None:
    assert via("Обращаются к военной прокуратуре. По данным ASTRA, авторы видео служили в штурмовой роте.") == [
        "ASTRA"
    ]


def test_record_ended_up_with_outlet() -> None:
    assert via("Запись их рассказа оказалась у «Медиазоны» через правозащитницу.") == ["Mediazona"]


def test_verb_kind_of_outlet_and_latin_name() -> None:
    assert via("Ролик показал телеканал NDTV.") == ["NDTV"]
    assert via("Відео оприлюднив телеканал ICTV, повідомили рідні бійців.") == ["ICTV"]
    assert via("The clip was shown by the broadcaster. Police said nothing.") == []
