"""Places: inflected ru/uk forms, Latin and old names, same-name disambiguation, role."""

from __future__ import annotations

from sitrep.extract.places import FRONT_OBLASTS, default_gazetteer, find_places
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


def test_places_abroad_in_russian_ukrainian_and_english() -> None:
    assert places("Обыски прошли в семи городах, в том числе в Дели и Мумбаи.", "ru") == [
        ("Delhi", "event"),
        ("Mumbai", "event"),
    ]
    assert places("Родственники завербованных устроили акцию в Катманду.", "ru") == [("Kathmandu", "event")]
    assert ("Hyderabad", "origin") in places("A 30-year-old man from Hyderabad died in the war.", "en")
    assert ("South Africa", "origin") in places("Seventeen South African men are trapped in Donbas.", "en")
    assert places("Сімнадцятеро громадян ПАР застрягли на Донбасі.", "uk") == [
        ("South Africa", "event"),
        ("Donbas", "event"),
    ]


def test_acronyms_match_only_in_capitals() -> None:
    assert places("Пар валил из окон, а Пар и дым мешали.", "ru") == []
    assert places("Граждане ЮАР застряли в Донбассе.", "ru")[0] == ("South Africa", "event")


def test_russian_regions_in_any_form() -> None:
    assert places("Мобилизованные из Чувашии устроили бунт на полигоне в Ульяновской области.", "ru") == [
        ("Chuvashia", "origin"),
        ("Ulyanovsk Oblast", "event"),
    ]
    assert places("Мобілізовані з Іркутської області скаржаться.", "uk") == [("Irkutsk Oblast", "origin")]
    assert places("Мобилизованные из Приангарья записали видеообращение.", "ru") == [("Irkutsk Oblast", "origin")]
    assert ("Primorsky Krai", "event") in places("Морпіхи поскаржилися губернатору Приморського краю.", "uk")
    assert ("Mykolaiv Oblast", "event") in places("Батальйон, сформований на Миколаївщині, записав відео.", "uk")


def test_adverbs_and_grave_are_not_places() -> None:
    assert places("Ровно 500 дней назад объявили мобилизацию.", "ru") == []
    assert places("Жінки поклали квіти до Могили Невідомого солдата у Москві.", "uk") == [("Moscow", "event")]


def test_russian_form_of_a_front_line_village_is_the_ukrainian_village() -> None:
    text = "Бойцы пишут, что их бросили в наступление под Павловкой."
    hits = find_places(text, tokenize(text, "ru"), default_gazetteer(), "ru")
    assert [(h.place.name, h.place.country) for h in hits] == [("Pavlivka", "UA")]
    assert hits[0].place.admin1 in FRONT_OBLASTS
    text = "Бойцы пишут, что их бросили в наступление под Павловкой на Донетчине."
    hits = find_places(text, tokenize(text, "ru"), default_gazetteer(), "ru")
    assert hits[0].place.admin1 == "Donetsk Oblast"


def test_locative_of_kyiv_and_the_front_by_its_adjective() -> None:
    assert places("Сьогодні на Майдані в Києві зібралися рідні військових.", "uk") == [("Kyiv", "event")]
    assert places("Relatives rallied in central Kyiv on Sunday.", "en") == [("Kyiv", "event")]
    assert places("Армия держит оборону на Запорожском направлении.", "ru") == [("Zaporizhzhia", "event")]


def test_defended_town_is_background_to_a_rally_elsewhere() -> None:
    rally = "Сьогодні в Києві родини полонених захисників Маріуполя вийшли на акцію."
    assert places(rally, "uk") == [("Kyiv", "event")]
    appeal = "Командир просит мировых лидеров вывезти защитников Мариуполя в третью страну."
    assert places(appeal, "ru") == [("Mariupol", "event")]


def test_names_in_quotes_footers_and_embassies() -> None:
    assert places("Мобилизованные из 113-го полка «ДНР» записали обращение.", "ru") == []
    assert places("Военные, воюющие в «ЛНР», жалуются на командование.", "ru") == [("Luhansk Oblast", "event")]
    assert places('Soldiers of the "Anne of Kyiv" brigade deserted while training in France.', "en") == [
        ("France", "event")
    ]
    assert places("Видео появилось в воскресенье.\n\nПодписаться на «Донецк: люди»", "ru") == []
    assert places("The Indian embassy in Moscow said a man had died.", "en") == []
    assert places("Demonstrators gathered near Russia's embassy in Colombo.", "en") == [("Colombo", "event")]


def test_capital_as_government_in_two_words_and_usual_russian_spellings() -> None:
    assert places("The men have asked New Delhi to bring them home.", "en") == []
    assert places("Суд в Ростове-на-Дону и в Грозном рассмотрел иск.", "ru") == [
        ("Rostov-on-Don", "event"),
        ("Grozny", "event"),
    ]


def test_extra_place_files_name_each_place_once() -> None:
    from sitrep.extract.places import DATA

    names = [
        line.split("\t")[0]
        for path in (DATA / "regions.tsv", DATA / "world.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(names) == len(set(names)) and len(names) > 250


def test_villages_named_in_latin_only_and_listed_origins() -> None:
    # GeoNames lists Robotyne's Russian name only in Latin ("Rabotino")
    assert places("Бои идут под Работино.", "ru") == [("Robotyne", "event")]
    assert places("Мобилизованные из Бурятии и Тувы пожаловались.", "ru") == [
        ("Buryatia", "origin"),
        ("Tuva", "origin"),
    ]
    # a known common word or a person's name is never read through its Latin spelling or other lemmas
    assert places("Родичі вийшли на Майдан у Києві, з ними Сергій Волина.", "uk") == [("Kyiv", "event")]
    assert places("Он говорил об Украине и о Сахарове.", "ru") == []


def test_georgia_and_adjectives_before_people() -> None:
    assert places("Deserters fled to Georgia and Kazakhstan.", "en") == [
        ("Georgia", "event"),
        ("Kazakhstan", "event"),
    ]
    assert places("Kenyan and Cameroonian men were recruited; citizens of Cameroon and Kenya.", "en") == [
        ("Cameroon", "event"),
        ("Kenya", "event"),
    ]


def test_plural_village_names_after_a_locative_word() -> None:
    assert places("Морпехи, воевавшие в Крынках, рассказали о потерях.", "ru") == [("Krynky", "event")]
    assert places("Морпіхи, які воювали у Кринках, розповіли про втрати.", "uk") == [("Krynky", "event")]


def test_fronts_by_adjective_and_oblasts_sharing_a_plural() -> None:
    assert places("Бойцы на Покровском направлении и на Бахмутском направлении жалуются.", "ru") == [
        ("Pokrovsk", "event"),
        ("Bakhmut", "event"),
    ]
    assert places("Бійці на Покровському напрямку скаржаться.", "uk") == [("Pokrovsk", "event")]
    assert places("Жёны мобилизованных из Курской, Белгородской и Брянской областей.", "ru") == [
        ("Kursk Oblast", "origin"),
        ("Belgorod Oblast", "origin"),
        ("Bryansk Oblast", "origin"),
    ]


def test_settlement_words_and_russian_forms_of_ukrainian_villages() -> None:
    assert places("Бои у поселка Урожайное.", "ru") == [("Urozhaine", "event")]
    assert places("Бійці біля Часового Яру.", "uk") == [("Chasiv Yar", "event")]
    # a village in a Russian region the gazetteer lacks is not a Ukrainian namesake far from the front
    assert places("Обломки упали на дом в подмосковной деревне Становое.", "ru") == [("Moscow Oblast", "event")]
