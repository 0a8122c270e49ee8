"""Places written from team-heldout-12's errors: the hospital they were taken out of, a town inside an outlet's name,
region adjectives (uk "чуваський", "карельський", "новгородський"), a court named by its town's adjective, the
Ukrainian locative's consonant change ("у Юрзі"), a promised posting, a town stormed by the verb. Sentences are written
for these tests."""

from __future__ import annotations

import pytest

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.places import default_gazetteer, find_places
from sitrep.extract.text import tokenize


def _places(text: str, lang: str) -> list[str]:
    sents = list(tokenize(text, lang))
    return [p.place.name for p in find_places(text, sents, default_gazetteer(), lang, sents)]


def test_the_hospital_they_were_taken_out_of_is_a_place_of_the_event() -> None:
    text = "Семерых раненых выписали из госпиталя в Курске недолеченными и отправили в штурмы под Покровском."
    assert _places(text, "ru") == ["Kursk", "Pokrovsk"]
    # where a wounded man lies is background when the text names where he fought
    assert _places("Его доставили в госпиталь в Ростове, а воевал он под Бахмутом.", "ru") == ["Bakhmut"]


def test_a_town_inside_an_outlets_name_is_no_place() -> None:
    text = (
        "Six wounded marines were sent back into assaults near Pokrovsk days after surgery, Novy Kaliningrad reports."
    )
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2025-02-04T10:00:00+00:00"}))
    assert ext.events and [p.name for p in ext.events[0].places] == ["Pokrovsk"]
    assert ext.events[0].via == "Novy Kaliningrad"


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Чуваський контрактник дезертирував з підрозділу під Торецьком.", "uk", "Chuvashia"),
        ("Двое карельских резервистов сбежали из части.", "ru", "Karelia"),
        ("Добровольцы новгородского батальона отказались наступать.", "ru", "Novgorod Oblast"),
        ("Новгородські добровольці відмовилися наступати.", "uk", "Novgorod Oblast"),
    ],
)
def test_a_region_named_by_its_adjective(text: str, lang: str, place: str) -> None:
    assert place in _places(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Чернівецький суд призначив три роки військовому.", "uk", "Chernivtsi"),
        ("Екатеринбургский гарнизонный военный суд дал пять лет мобилизованному.", "ru", "Yekaterinburg"),
        ("Вирок ухвалив Рівненський міський суд.", "uk", "Rivne"),
    ],
)
def test_a_court_named_by_its_towns_adjective_sits_in_that_town(text: str, lang: str, place: str) -> None:
    assert _places(text, lang) == [place]


def test_a_district_court_is_named_by_a_district_not_a_town() -> None:
    assert _places("Київський районний суд Харкова призначив п'ять років солдату.", "uk") == ["Kharkiv"]


@pytest.mark.parametrize(
    ("text", "place"), [("У Юрзі прапорщик побив строковика.", "Yurga"), ("У Калузі пройшов пікет.", "Kaluga")]
)
def test_the_ukrainian_locative_with_its_consonant_change(text: str, place: str) -> None:
    assert _places(text, "uk") == [place]


def test_a_promised_posting_is_background_when_the_text_names_where_they_went_instead() -> None:
    text = "Резервістам обіцяли охорону складів на Бєлгородщині, але у вересні кинули в штурмову роту під Вовчанськ."
    assert _places(text, "uk") == ["Vovchansk"]
    # alone, the promised place is where the story is
    text = "Їм обіцяли службу в тероброні біля Сватового, а натомість висадили на першій лінії."
    assert _places(text, "uk") == ["Svatove"]


def test_a_town_stormed_by_the_verb() -> None:
    assert _places("They say they are sent to assault Novoselivka with no drone cover.", "en") == ["Novoselivka"]


def test_the_place_the_men_are_to_be_brought_back_from_is_background() -> None:
    text = "В Туле около тридцати жён мобилизованных пришли к администрации: требуют вернуть мужей из Курской области."
    assert _places(text, "ru") == ["Tula"]
    text = "Wives rallied outside the Tula administration, demanding their men be brought back from the Kursk region."
    assert _places(text, "en") == ["Tula"]
    # alone it stays: the text names no other place
    assert _places("Жёны требуют вернуть мужей из Курской области.", "ru") == ["Kursk Oblast"]


def test_republics_are_named_as_the_codebook_writes_them() -> None:
    assert _places("Мобилизованные из Якутии и из Коми записали видео.", "ru") == ["Sakha Republic", "Komi Republic"]


def test_a_training_ground_named_by_its_small_towns_adjective() -> None:
    text = "Мобилизованные устроили протест на Гороховецком полигоне."
    assert _places(text, "ru") == ["Gorokhovets"]


def test_the_town_of_the_building_they_came_to() -> None:
    assert _places("About a dozen wives came to the Tyumen regional duma yesterday.", "en") == ["Tyumen"]
    assert _places("He swam in the Dnipro river.", "en") == []  # the river, not the city


def test_a_guard_post_signed_up_for_is_background_when_they_were_sent_elsewhere() -> None:
    text = "Тридцать добровольцев, подписавших контракт «на охрану складов в Брянской области», попали под Покровск."
    assert _places(text, "ru") == ["Pokrovsk"]


def test_a_towns_adjective_with_the_in_infix() -> None:
    assert _places("Читинский гарнизонный военный суд приговорил контрактника.", "ru") == ["Chita"]
