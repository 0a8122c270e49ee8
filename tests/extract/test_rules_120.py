"""Codebook 1.20, written from team-heldout-76's to -79's errors once their blind scores were recorded (session 19):
a district named by its centre's adjective gives the centre ("из Рогнединского района" is Rognedino), and a colony
named so gives its town ("ныробской колонии" is Nyrob); a road or a ticket to a town is not a place of the event;
"под Северском" is the front-line Siversk, not Seversk near Tomsk; a region's adjective before "гарнизон" is the
region, not a small town its stem also names; a garrison's name is a place; "around Toretsk"; a village's
locative in -ове; ё written as е; a hyphenated Ukrainian genitive. The sentences are written for these
tests, with the near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from extract_helpers import place_names


@pytest.mark.parametrize(
    ("text", "lang", "centre"),
    [
        ("Около двадцати жён мобилизованных из Рогнединского района пришли в приёмную губернатора.", "ru", "Rognedino"),
        ("Родственники бойцов вышли с плакатами к администрации Некрасовского района.", "ru", "Nekrasovskoye"),
        ("Жёны мобилизованных из Нежинского района пришли к военкомату.", "ru", "Nizhyn"),
        ("Родственники бойцов пришли в администрацию Белозерского округа с петицией.", "ru", "Belozyorsk"),
        ("Мобілізовані з Курагинського району скаржаться на відсутність ротації.", "uk", "Kuragino"),
    ],
)
def test_a_district_gives_its_centre(text: str, lang: str, centre: str) -> None:
    assert centre in place_names(text, lang)


def test_a_district_that_locates_a_village_adds_no_place() -> None:
    names = place_names("Жительница села Вертиевка Нежинского района записала обращение к омбудсмену.", "ru")
    assert "Vertiivka" in names
    assert "Nizhyn" not in names


@pytest.mark.parametrize(
    ("text", "lang", "not_a_place"),
    [
        # named after a person: the district of a city, not the town Kirovsk
        ("Бойца задержали в Кировском районе после побега из части.", "ru", "Kirovsk"),
        # a district of a city named after it
        ("Військового затримали в Київському районі Харкова.", "uk", "Kyiv"),
        # the countryside round a regional capital is no town of the event
        ("Жёны мобилизованных из Ярославского района записали обращение.", "ru", "Yaroslavl"),
    ],
)
def test_a_district_not_named_by_its_centre_gives_none(text: str, lang: str, not_a_place: str) -> None:
    assert not_a_place not in place_names(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        ("Человек пятнадцать, все бывшие сидельцы ныробской колонии, отказались идти в штурм.", "ru", "Nyrob"),
        ("Чоловіка звільнили зі Стрижавської колонії торік, щоб він пішов служити.", "uk", "Stryzhavka"),
    ],
)
def test_a_colony_gives_its_town(text: str, lang: str, town: str) -> None:
    assert town in place_names(text, lang)


def test_a_kind_of_colony_is_no_town() -> None:
    names = place_names("Её перевели в женскую колонию в Можайске, где предложили контракт.", "ru")
    assert names == ["Mozhaysk"]


@pytest.mark.parametrize(
    ("text", "lang", "kept", "dropped"),
    [
        ("Сьогодні зранку в Трояні близько сорока родичів бійців перекрили трасу на Житомир.", "uk", None, "Zhytomyr"),
        ("Их задержали на автовокзале в Ровно, когда они покупали билеты на Киев.", "ru", "Rivne", "Kyiv"),
        ("The deserters were caught buying tickets to Kyiv at the bus station in Rivne.", "en", "Rivne", "Kyiv"),
    ],
)
def test_a_road_or_a_ticket_to_a_town_is_not_the_event_place(
    text: str, lang: str, kept: str | None, dropped: str
) -> None:
    names = place_names(text, lang)
    assert dropped not in names
    if kept:
        assert kept in names


def test_a_town_reached_by_road_stays_when_the_men_went_there() -> None:
    assert "Zhytomyr" in place_names("Вчора в Житомирі затримали військового, який залишив частину.", "uk")


@pytest.mark.parametrize(
    ("text", "lang", "front", "not_front"),
    [
        ("Четверо бойцов рассказали, что командир держал их в яме под Северском.", "ru", "Siversk", "Seversk"),
        ("Позавчера под Мирным двенадцать контрактников отказались выходить на позиции.", "ru", "Myrne", "Mirny"),
    ],
)
def test_near_a_front_namesake_is_the_front_village(text: str, lang: str, front: str, not_front: str) -> None:
    names = place_names(text, lang)
    assert front in names
    assert not_front not in names


def test_a_russian_town_named_without_near_keeps_its_reading() -> None:
    names = place_names("Контрактника из Северска задержали на вокзале в Томске.", "ru")
    assert "Seversk" in names
    assert "Siversk" not in names


def test_a_big_russian_city_after_near_stays() -> None:
    assert "Voronezh" in place_names("Мобилизованных держат на полигоне под Воронежем.", "ru")


def test_a_region_adjective_before_a_garrison_is_the_region_and_the_garrison_a_place() -> None:
    names = place_names("У забайкальському гарнізоні Домна строковиків два дні тримали в казармі.", "uk")
    assert "Zabaykalsky Krai" in names
    assert "Domna" in names
    assert "Zabaykalsk" not in names


def test_a_small_town_adjective_before_a_training_ground_stays() -> None:
    assert "Gorokhovets" in place_names("На Гороховецком полигоне держат мобилизованных без связи.", "ru")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The men describe being thrown into repeated assaults around Toretsk.", "en", "Toretsk"),
        ("Бои вокруг Покровска не утихают, говорят мобилизованные.", "ru", "Pokrovsk"),
        ("Вчера в Брейтове задержали местного жителя, ушедшего из части.", "ru", "Breytovo"),
        ("Двенадцать бывших заключённых, завербованных из колонии в Семёнове, отказались воевать.", "ru", "Semyonov"),
        ("Вчера двенадцать жительниц Усть-Кута вышли с плакатами к военкомату.", "ru", "Ust-Kut"),
        ("Мати контрактника з Гаврилів-Яму Ярославської області записала звернення.", "uk", "Gavrilov-Yam"),
        ("Бывшие заключённые отказались возвращаться на позиции у Зорянского.", "ru", "Zorianske"),
    ],
)
def test_names_now_read(text: str, lang: str, place: str) -> None:
    assert place in place_names(text, lang)


def test_a_surname_after_v_is_not_read_as_a_village() -> None:
    # "в Петрове" names no village: no place ends in -ово under that key, and the surname reading stays
    assert place_names("Сослуживцы разочаровались в Петрове после отказа.", "ru") == []


def test_a_units_honorific_name_is_no_place() -> None:
    names = place_names("Их мужья из 5-й Тацинской танковой бригады ещё в январе уехали на учения в Беларусь.", "ru")
    assert "Tatsinsky" not in names
    assert "Tatsinskaya" not in names


def test_a_city_districts_court_named_after_a_date_is_no_town() -> None:
    names = place_names("Октябрський райсуд Полтави призначив солдату п'ять років за СЗЧ.", "uk")
    assert "Poltava" in names
    assert "Oktyabrsky" not in names


def test_a_russian_village_geonames_spells_with_e_diaeresis() -> None:
    # GeoNames writes "Kochëvo"; the gazetteer reads it back as Кочёво, and the text's "Кочёво" finds it
    assert "Kochyovo" in place_names("Позавчера в Кочёво задержали двоих контрактников, сбежавших из части.", "ru")


def test_a_russian_village_of_under_a_thousand_people_is_in_the_gazetteer() -> None:
    # GeoNames' cities500 (codebook 1.20): Kupchegen, 600 people, in the Altai Republic
    assert "Kupchegen" in place_names("Пастух из села Купчегень подписал контракт в Горно-Алтайске.", "ru")
