"""A town abroad that shares its name with one at home is read only where the text names its country."""

from __future__ import annotations

from sitrep.extract.places import default_gazetteer, find_places
from sitrep.extract.text import tokenize


def towns(text: str, lang: str) -> list[tuple[str, str]]:
    return [(h.place.name, h.place.country) for h in find_places(text, tokenize(text, lang), default_gazetteer(), lang)]


def test_the_town_abroad_when_its_people_are_named() -> None:
    assert towns("Дюжину египтян из Александрии обманом отправили на фронт.", "ru") == [("Alexandria", "EG")]
    assert towns("Дванадцять єгиптян з Александрії відправили на фронт.", "uk") == [("Alexandria", "EG")]
    assert towns("A dozen Egyptian drivers from Alexandria were sent to the front.", "en") == [("Alexandria", "EG")]


def test_the_town_abroad_when_its_country_is_named() -> None:
    hits = towns("Вербовщики искали водителей в Египте; семьи из Александрии не могут связаться с ними.", "ru")
    assert ("Alexandria", "EG") in hits


def test_the_home_town_when_no_country_is_named() -> None:
    assert towns("Мобилизованные из Александрии пожаловались на командира.", "ru") == [("Oleksandriia", "UA")]
    assert towns("Soldiers from Alexandria refused to go to the front.", "en") == [("Oleksandriia", "UA")]


def test_a_word_that_merely_starts_like_a_country_names_none() -> None:
    # "груз" (cargo) starts as "Грузия" does: no country, so the home town stays
    assert towns("Груз привезли в Александрию, где мобилизованные отказались его разгружать.", "ru") == [
        ("Oleksandriia", "UA")
    ]


def test_a_country_named_in_another_sentence_leaves_the_home_town() -> None:
    text = "Мобилизованные из Александрии отказались идти в атаку. Ранее США объявили о новой помощи."
    assert towns(text, "ru")[0] == ("Oleksandriia", "UA")
