"""Places: inflected ru/uk forms, Latin and old names, same-name disambiguation, role."""

from __future__ import annotations

from sitrep.extract.places import default_gazetteer, find_places
from sitrep.extract.text import tokenize


def places(text: str, lang: str) -> list[tuple[str, str]]:
    hits = find_places(text, tokenize(text, lang), default_gazetteer(), lang)
    return [(h.place.name, h.role) for h in hits]


def test_russian_inflected_form() -> None:
    assert places("Их отправили в штурм под Бахмутом.", "ru") == [("Bakhmut", "event")]


def test_ukrainian_inflected_form() -> None:
    assert ("Avdiivka", "event") in places("Бійці відмовилися йти в атаку під Авдіївкою.", "uk")


def test_old_name_resolves_to_current_place() -> None:
    hits = find_places(
        "Бои шли под Артемовском.", tokenize("Бои шли под Артемовском.", "ru"), default_gazetteer(), "ru"
    )
    assert hits[0].place.name == "Bakhmut" and hits[0].place.lat is not None


def test_english_and_origin_role() -> None:
    assert places("Mobilized men from Zaporizhzhia complained near Bakhmut.", "en") == [
        ("Zaporizhzhia", "origin"),
        ("Bakhmut", "event"),
    ]


def test_oblast_in_text_chooses_among_same_name_villages() -> None:
    text = "Бои идут в Донецкой области, у села Андреевка."
    hits = find_places(text, tokenize(text, "ru"), default_gazetteer(), "ru")
    village = [h.place for h in hits if h.place.fcode == "PPL"]
    assert village and village[0].admin1 == "Donetsk Oblast"


def test_surnames_and_adjectives_are_not_places() -> None:
    assert places("Генерал Залужный и губернатор Гусев заявили, что украинские военные готовы.", "ru") == []


def test_capital_as_government_is_not_a_place() -> None:
    assert places("Власти Замбии требуют от Москвы объяснений.", "ru") == []
    assert ("Moscow", "event") in places("Жены мобилизованных вышли на пикет в Москве.", "ru")


def test_conventional_name_for_renamed_town() -> None:
    got = places("Військові, які обороняють Сєвєродонецьк, записали звернення.", "uk")
    assert got == [("Sievierodonetsk", "event")]


def test_residents_and_oblique_oblast_names() -> None:
    assert places("Родственницы вологжан обратились к губернатору.", "ru") == [("Vologda Oblast", "origin")]
    assert places("Он отбывал срок в Тверской области.", "ru") == [("Tver Oblast", "event")]
    assert places("Мужчины из Кабардино-Балкарии подали иск.", "ru") == [("Kabardino-Balkaria", "origin")]


def test_recalled_background_and_holidays_are_skipped() -> None:
    assert places("Нагадаємо, після подій під Очеретиним бригаду критикували.", "uk") == []
    assert places("Они приехали в Россию туристами на Новый год.", "ru") == []
