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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ukrainian and Russian abbreviations of the kind
        ("Бійці 110-ї ОМБр записали звернення.", ["110th mechanized brigade"]),
        ("Мобилизованные из 64-й омсбр жалуются на командиров.", ["64th motor rifle brigade"]),
        ("Родини бійців 35-ї ОБрМП вийшли на акцію.", ["35th marine brigade"]),
        # numbers written in words, in any case
        ("бойцы тысяча четыреста двадцать восьмого полка", ["1428th regiment"]),
        ("бійці тисяча чотириста двадцять восьмого полку", ["1428th regiment"]),
        ("военные сорок седьмой бригады", ["47th brigade"]),
        ("бійці двадцять другої бригади", ["22nd brigade"]),
        ("soldiers of the Forty-seventh Brigade", ["47th brigade"]),
        ("the Third Assault Brigade", ["3rd assault brigade"]),
        # adjectives of two spellings (ru/uk) are all read
        ("бійці 87-го мотострілецького полку", ["87th motor rifle regiment"]),
        ("бойцы 20-й общевойсковой армии", ["20th combined arms army"]),
        ("бойцы 2-го армейского корпуса", ["2nd army corps"]),
        ("military unit No. 12345", ["military unit 12345"]),
    ],
)
def test_abbreviations_words_and_adjectives(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "15 полковников уволены за год.",  # a colonel is no regiment
        "2-й дивизион артиллерии отвели в тыл.",  # an artillery battalion, not a division
        "бойцы другой бригады",  # Russian "другой" is "other", not "second"
        "бойцы пяти бригад",  # a count of brigades
        "Officials will not take an application unless the migrant first signs up with the army.",
        "В Азове на берегу Азовского моря открыли пляж.",  # the town and the sea
        "Ships of the Sea of Azov and the Azov Sea coast.",
        "Шторм в Крыму оставил без света 100 тысяч человек.",  # weather
    ],
)
def test_no_unit(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Бійці російського загону «Шторм V» поскаржилися на відео.", ["Storm V"]),
        ("Бойцы отряда «Шторм V» записали видео.", ["Storm V"]),
        ("Мобилизованных переводят в «Шторм-Z».", ["Storm Z"]),
        ("добровольцы осетинского батальона «Алания» вернулись домой", ["Alania battalion"]),
        ("volunteers from North Ossetia's Alania battalion returned home", ["Alania battalion"]),
        ("добровольцы батальона «Восток» жалуются", ["Vostok battalion"]),
        ("бойцы ЧВК «Редут» записали обращение", ["Redut"]),
        ("бійці батальйону «Свобода» звернулися до президента", ["Svoboda battalion"]),
        ("бойцы «Ахмата» и спецназ «Ахмат»", ["Akhmat"]),
        ("В мечети имени Ахмата Кадырова прошла проповедь.", []),
        ("the Azov brigade's soldiers", ["Azov"]),
        ("служив в «Азові» до полону", ["Azov"]),
        ("fighters of the Da Vinci Wolves battalion", ["Da Vinci Wolves"]),
        # ships and fleets
        ("кок на крейсере «Москва» пропал", ["cruiser Moskva"]),
        ("a cook aboard the Russian cruiser Moskva", ["cruiser Moskva"]),
        ("моряки БДК «Цезарь Куников»", ["landing ship Tsezar Kunikov"]),
        ("моряки Черноморского флота записали видео", ["Black Sea Fleet"]),
        ("Командование Черноморского флота отказалось от комментариев.", []),
    ],
)
def test_named_units(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_named_and_numbered() -> None:
    # a name right after the numbered unit is its name, not a second unit
    assert names("бійці 12-ї бригади спецпризначення «Азов»") == ["12th special brigade"]
    # a separate name in a list is a second unit
    assert names("сотні бійців «Азову», 36-ї бригади морської піхоти та прикордонники") == [
        "Azov",
        "36th marine brigade",
    ]
    # a brigade's honorific name next to the same kind with a number is that brigade
    assert names("Скандал с бригадой «Анна Киевская»: из 155-й бригады ВСУ ушли 1700 человек.") == ["155th brigade"]
    # a known formation of the same kind is a unit of its own
    assert names("бійці 47-ї бригади та бригади «Азов»") == ["47th brigade", "Azov"]
    # the fleet a numbered brigade belongs to is no unit of its own
    assert names("Servicemen of Russia's 155th Marine Brigade, part of the Pacific Fleet, complained.") == [
        "155th marine brigade"
    ]


def test_other_side_unit_is_not_listed() -> None:
    assert names("Мобилизованных бросили в штурм против 47-й бригады ВСУ без поддержки.") == []
    assert names("They were sent to attack positions of the enemy - against the 72nd brigade.") == []
    # a case against the unit's own men is about that unit
    assert names("Возбудили дело против бойцов 155-й бригады за самовольное оставление части.") == ["155th brigade"]
    assert names("A court case against soldiers of the 47th brigade began.") == ["47th brigade"]


def test_named_unit_key_ignores_kind_and_script() -> None:
    assert unit_key("Alania battalion") == unit_key("Alania") == unit_key("«Алания»") == "alania"
    assert unit_key("cruiser Moskva") == unit_key("Moskva")
    assert unit_key("Storm Z") != unit_key("Storm V")
    assert unit_key("military unit A1376") == "military unit a1376"


@pytest.mark.parametrize(
    "text",
    [
        "Командир отряда с позывным «Кубинец» рассказал о боях.",  # a call sign, not a unit's name
        "Подразделения группировки войск «Запад» заняли позиции.",  # a grouping of forces
        "сотрудник IT-подразделения агентства «Полилог»",  # a company
        "учёные научного дивизиона госкорпорации «Росатом»",
        "Во 2 корпусе больницы и в 8 корпусах ЖК нет света.",  # buildings
        "первую экосистему на базе ИИ",
        "Туристы отправились на корабле «Боец» в Баренцево море.",  # a civilian boat
        "У задержанного изъяли 5 АК и 2 АК-74.",  # rifles
        "Минобороны сформировало 12 бригад и 5 полков.",  # counts of units
        "С 1-го числа бригада переходит на новый график.",  # a noun between number and kind
        "бойцы 5-го отделения бригады",
        "На место выехали 3 бригады скорой помощи.",  # crews, not formations
        "На місце прибули 2 бригади швидкої допомоги.",
        "Работала 2-я ремонтная бригада.",
        "Родные обратились в поисковый отряд «Лиза Алерт».",  # a volunteer search team
    ],
)
def test_no_unit_in_look_alikes(text: str) -> None:
    assert names(text) == []


def test_bases_and_corps_with_their_words() -> None:
    assert names("Російська військова поліція 102-ї бази в Гюмрі затримала контрактника.") == ["102nd military base"]
    assert names("бойцы 1-го АК и 2-го армейского корпуса") == ["1st army corps", "2nd army corps"]
    assert names("the 3rd Army Corps") == ["3rd army corps"]


def test_lists_quotes_and_inflected_names() -> None:
    assert names("Больше всего потерь у 72-й, 42-й, 59-й и 108-й ОМБр.") == [
        "72nd mechanized brigade",
        "42nd mechanized brigade",
        "59th mechanized brigade",
        "108th mechanized brigade",
    ]
    assert names("Ukraine's 155th 'Anne of Kyiv' Mechanized Brigade") == ["155th mechanized brigade"]
    assert names("штурмовики «Шторма Z» и бойцы «Шторму V»") == ["Storm Z", "Storm V"]
    assert names("військова частина А-1234") == ["military unit A1234"]
    assert names("Kadyrov's Akhmat forces and the Vostok Battalion") == ["Akhmat", "Vostok battalion"]


def test_unit_key_spellings_of_one_unit() -> None:
    assert unit_key("Wagner Group") == unit_key("PMC Wagner") == unit_key("Вагнер") == unit_key("Wagner")
    assert unit_key("National Guard of Russia") == unit_key("Rosgvardia")
    assert unit_key("Vostok Battalion") == unit_key("Vostok battalion")
    assert unit_key("Akhmat special forces") == unit_key("Akhmat")
    assert unit_key("the 155th Marine Brigade") == unit_key("155 brigade") == "155 brigade"
    assert unit_key("Storm-Z") == unit_key("Storm Z detachment") != unit_key("Storm V")


def test_abbreviated_words() -> None:
    assert names("бойцы 20-й гв. мотострелковой дивизии") == ["20th guards motor rifle division"]
    assert names("военные 237-го пдп и 56-го дшп") == ["237th airborne regiment", "56th air assault regiment"]
    assert names("бойцы 1430-го омсп") == ["1430th motor rifle regiment"]
    assert names("бойцы 4-й тд") == ["4th tank division"]
    assert names("ТД 5 тд") == []  # no ordinal ending: not read as a division


def test_ukrainian_short_adjectives() -> None:
    assert names("47-ма окрема механізована бригада") == ["47th mechanized brigade"]
    assert names("Перша окрема танкова бригада") == ["1st tank brigade"]
    assert names("на 24-ту окрему механізовану бригаду") == ["24th mechanized brigade"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Їм пропонували вступити до так званого «батальйону імені Богдана Хмельницького» з полонених.",
            ["Bohdan Khmelnytskyi battalion"],
        ),
        ("Чеченцы из батальона имени Джохара Дудаева воюют на стороне Украины.", ["Dzhokhar Dudaev battalion"]),
        ("Бойцы полка имени Кастуся Калиновского записали видео.", ["Kastus Kalinovsky regiment"]),
        ("Добровольцы батальона им. Шейха Мансура попали в окружение.", ["Sheikh Mansur battalion"]),
        (
            "Prisoners were pressed to join the so-called Bohdan Khmelnytsky battalion, a unit formed by Moscow.",
            ["Bohdan Khmelnytsky battalion"],
        ),
        (
            "Volunteers of the Kastus Kalinouski regiment and the Dzhokhar Dudayev battalion were wounded.",
            ["Kastus Kalinouski regiment", "Dzhokhar Dudayev battalion"],
        ),
        # the honorific name of a numbered brigade is that brigade's, not a unit of its own
        ("Бійці 24-ї окремої механізованої бригади імені короля Данила скаржаться.", ["24th mechanized brigade"]),
    ],
)
def test_formations_named_after_a_person(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_person_named_formation_keys_match_across_scripts() -> None:
    assert unit_key("Bohdan Khmelnytskyi battalion") == unit_key("Bohdan Khmelnytsky battalion")
    assert unit_key("Sheikh Mansur battalion") == unit_key("the Sheikh Mansur battalion")
    # Russian г is g, Ukrainian г is h
    ru = "Пленных склоняли вступить в батальон имени Богдана Хмельницкого."
    assert [unit_key(n) for n in names(ru)] == [unit_key("Bohdan Khmelnytsky battalion")]
    assert unit_key("Bogdan Khmelnitsky battalion") == unit_key("Bohdan Khmelnytskyi battalion")
    assert unit_key("Bohdan Khmelnytsky battalion") != unit_key("Dzhokhar Dudayev battalion")


@pytest.mark.parametrize(
    "text",
    [
        "The Russian Marine brigade was sent to the front.",
        "Men from the Kursk Oblast battalion went home.",
        "In the Chechen Special battalion nobody was paid.",
    ],
)
def test_capitalised_adjectives_before_a_kind_are_no_person(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Около 30 жителей края, подписавших контракт резервистов «БАРС», отправили на штурм.", ["BARS"]),
        ("Мобилизованные подписали контракт «БАРС-13» и уехали под Курск.", ["BARS"]),
        ("Резервісти «Барсу» скаржаться, що їх перевели до штурмовиків.", ["BARS"]),
        ("Reservists signed a contract «BARS» and were sent to assault units.", ["BARS"]),
    ],
)
def test_reserve_contracts_named_in_quotes(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 15 volunteers of the Kaspiy battalion say their contracts ran out.", ["Kaspiy battalion"]),
        ("Fighters of the Yenisei volunteer battalion refused to attack.", ["Yenisei battalion"]),
        ("Mobilised men of Tatarstan's Alga battalion refused to attack.", ["Alga battalion"]),
        ("Fighters of Tomsk's 'Kedr' volunteer battalion refused.", ["Kedr battalion"]),
    ],
)
def test_english_one_word_named_battalion(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_english_kind_words_are_no_name() -> None:
    assert names("Soldiers of the same battalion and the Chechen battalion complained.") == []


def test_russian_initial_ye() -> None:
    # «Енисей» is written Yenisei in English (as Yekaterinburg): both spellings are one unit
    assert unit_key(names("бойцы батальона «Енисей» отказались")[0]) == unit_key("Yenisei battalion")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("пьяный ротный 23-й мехбригады ВСУ", "23rd mechanized brigade"),
        ("бійці 47-ї мехбригади", "47th mechanized brigade"),
        ("штурмовики 3-й штурмбригады", "3rd assault brigade"),
        ("в 5-й танкбригаде", "5th tank brigade"),
    ],
)
def test_a_compound_of_the_adjective_and_the_kind(text: str, name: str) -> None:
    assert [u.name for u in find_units(text, 0, len(text))] == [name]


def test_the_fleet_a_town_is_home_to_is_no_unit_of_the_event() -> None:
    text = "Sailors of military unit 81280 in Baltiysk, home of Russia's Baltic Fleet, were sent to the guardhouse."
    assert [u.name for u in find_units(text, 0, len(text))] == ["military unit 81280"]


def test_a_ukrainian_unit_code_alone_after_a_preposition() -> None:
    text = "девочки у кого сыновья в А4533 под Золочевом"
    assert [u.name for u in find_units(text, 0, len(text))] == ["military unit A4533"]
    assert find_units("в а4533", 0, 7) == []  # lower case: no unit code


def test_a_channel_named_like_a_battalion_is_no_unit() -> None:
    text = "Скрины переписки опубликовал канал «Тульский батальон»."
    assert find_units(text, 0, len(text)) == []
