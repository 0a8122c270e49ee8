"""Rare proper-name keys (``dedup.names``): the same name across scripts, common names dropped."""

from __future__ import annotations

from sitrep.dedup.names import MAX_NAMES, common_names, fold, name_keys


def test_one_name_folds_to_one_key_across_scripts_and_cases() -> None:
    assert fold("Nyirenda") == fold("ньиренда") == "nirend"
    assert fold("Hryhoriy") == fold("Григорий") and fold("Yevgeny") == fold("Евгений")
    assert fold("Kurunegala") == fold("курунегала")
    assert fold("Garmazhapova") == fold("гармажапова")
    # -ец / -ець spelt -ets keeps its "ts" (not an English plural)
    assert fold("Shkrebets") == fold("шкребец") == fold("шкребець") == "shkrebets"
    assert fold("Kravets") == fold("кравец") and fold("Donets") == fold("донец")
    assert fold("Zambians") == fold("Zambian") and fold("Gorbachevs") == fold("Gorbachev")  # plurals still go
    en = name_keys("The father, Dmitry Shkrebets, wrote that his son Yegor served aboard the cruiser.", "en")
    ru = name_keys("Житель Ялты Дмитрий Шкребец написал, что его сын Егор служил на крейсере.", "ru")
    assert "shkrebets" in set(en) & set(ru)
    # a region named after its centre is a place (compared by the place keys), not a rare name
    uk = name_keys("На Житомирщині та Донеччині бійці роти Ковальчука записали звернення.", "uk")
    assert "kovalchuk" in uk and not any(k.startswith(("zhitomir", "donech")) for k in uk)
    ru = name_keys("Полиция Курунегалы задержала вербовщика Ньиренду. О деле рассказал «Айдар».", "ru")
    en = name_keys("Police in Kurunegala detained recruiter Nyirenda, the Aidar battalion said.", "en")
    uk = name_keys("Поліція Курунегали затримала вербувальника Ньиренду, повідомили в «Айдарі».", "uk")
    assert {"kurunehal", "nirend", "aidar"} <= set(ru)
    assert {"kurunehal", "nirend", "aidar"} <= set(en)
    assert {"kurunehal", "nirend"} <= set(uk)


def test_common_names_titles_and_sentence_starts_are_not_keys() -> None:
    text = (
        "Putin and Shoigu met in Moscow on Friday. The Ministry of Defence said nothing. "
        "Путин, Шойгу и Зеленский; ВСУ, ЗСУ и Минобороны молчат. Вчера в Москве и Киеве было тихо. "
        "Александр Кувалдин и Олена Шевчук дали интервью."
    )
    keys = name_keys(text, "ru")
    for common in ("putin", "shoih", "moskv", "moscov", "ministri", "defenc", "vsu", "zelensk"):
        assert common not in keys
    assert "aleksandr" not in keys and "olen" not in keys  # a given name before a surname
    assert {"kuvaldin", "shevchuk"} <= set(keys)
    assert "vchera" not in keys  # "Вчера" only starts a sentence
    assert len(common_names()) > 500  # the shipped list is there


def test_keys_are_bounded() -> None:
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    text = ". Потом ".join(f"приехал Кузьмич{a}{b}енко" for a in letters for b in letters)
    assert len(name_keys(text, "ru")) == MAX_NAMES


def test_capitalised_adjectives_of_a_name_are_not_keys() -> None:
    keys = name_keys("Им помогал фонд «Свободная Бурятия» и глава Западного военного округа Кувалдин.", "ru")
    assert "svobodn" not in keys and "zapadn" not in keys and "kuvaldin" in keys


def test_distinctive_numbers_are_keys_in_every_script() -> None:
    from sitrep.dedup.names import number_keys

    ru = number_keys("Акцию приурочили к 500 дням мобилизации; ущерб — больше 400 тысяч гривен, 1 439 человек.")
    uk = number_keys("Минуло 500 днів мобілізації; слідство нарахувало понад 400 тис. гривень.")
    en = number_keys("It marked 500 days of mobilisation; 1,439 men; $400k in kickbacks.")
    assert {"#500", "#400000", "#1439"} <= set(ru)
    assert {"#500", "#400000"} <= set(uk)
    assert {"#500", "#1439", "#400000"} <= set(en)


def test_dates_years_small_numbers_and_unit_numbers_are_not_number_keys() -> None:
    from sitrep.dedup.names import MAX_NUMBERS, number_keys

    text = (
        "24.02.2022 в 18:30 двенадцать бойцов 58-й армии и 1428 полка, 58th Army, 155th brigade; "
        "в 2023 году 15% из 12 человек, 3,5 тысячи, телефон +79161234567, 1970s rifles"
    )
    assert number_keys(text) == ()
    # every desertion case cites the code's article; a channel's footer repeats its phone number
    laws = "по ч. 5 ст. 337 УК РФ; за статтею 407 ККУ; under Article 338 of the Criminal Code; 338 УК"
    assert number_keys(laws) == ()
    assert number_keys("Пишите: +7 900 123 45 67, тел. 8-800-555-35-35") == ()
    many = " ".join(f"{n} человек" for n in range(100, 200))
    assert len(number_keys(many)) == MAX_NUMBERS


def test_places_named_anywhere_in_a_text_are_keys_in_every_language() -> None:
    from sitrep.dedup.names import MAX_PLACES, place_keys

    uk = place_keys("Контрактник утік із частини на Луганщині. Тепер він у Тбілісі.", "uk")
    ru = place_keys("Контрактник сбежал из части в Луганской области и добрался до Тбилиси.", "ru")
    en = place_keys("Wives picketed St Petersburg's legislature; Colombia's foreign ministry said nothing.", "en")
    assert "@tbilisi" in uk and "@tbilisi" in ru
    assert {"@saint petersburg", "@colombia"} <= set(en)
    many = "Они были в Тбилиси, Батуми, Ереване, Баку, Минске, Вильнюсе, Риге, Таллине, Варшаве, Праге, Берлине."
    assert len(place_keys(many, "ru")) <= MAX_PLACES


def test_foreign_countries_by_name_or_by_their_people_in_every_language() -> None:
    from sitrep.dedup.names import country_keys

    assert country_keys("FT: йеменцев обманом отправляют воевать за Россию.") == ("%yemen",)
    assert country_keys("Hundreds of Yemeni men were lured to Russia.") == ("%yemen",)
    assert country_keys("Кенійського бігуна взяли в полон; МЗС Кенії мовчить.") == ("%kenya",)
    assert country_keys("A Kenyan runner; Kenya's foreign ministry.") == ("%kenya",)
    assert set(country_keys("индийцы и непальцы; Indian and Nepali men")) == {"%india", "%nepal"}
    # words that only begin like a country, lower-case case forms, a verb starting a sentence, home
    assert country_keys("индивидуальный подход, individual, Indiana, кубу, куб. Мали змогу піти.") == ()
    assert country_keys("Россия, Украина, Russian, Ukrainian, українці, росіяни") == ()


def test_the_people_of_a_stan_country_name_it_in_every_language() -> None:
    from sitrep.dedup.names import country_keys

    # the name less "-(i)stan": nouns in their cases, adjectives, the Ukrainian к→ц before -ький
    assert country_keys("В Екатеринбурге узбеку предложили контракт вместо депортации.") == ("%uzbekistan",)
    assert country_keys("У Єкатеринбурзі узбецького мігранта змусили підписати контракт.") == ("%uzbekistan",)
    assert country_keys("An Uzbek migrant was told to sign; two Uzbeks refused.") == ("%uzbekistan",)
    assert set(country_keys("таджики и казахский паспорт; киргизький заробітчанин; туркменов")) == {
        "%tajikistan",
        "%kazakhstan",
        "%kyrgyzstan",
        "%turkmenistan",
    }
    assert set(country_keys("Tajik and Kazakh workers, Afghans")) == {"%tajikistan", "%kazakhstan", "%afghanistan"}
    # a stem too short to tell ("Pak-istan"), lower-case English, words that only begin alike
    assert country_keys("пакет, пакт, a pack of uzbek-style rice, казарма, таджикистанский") == ("%tajikistan",)
    assert country_keys("пакет, пакт, пакувати, казарма, Afghanistan's") == ("%afghanistan",)


def test_a_country_whose_name_drops_its_fleeting_vowel_is_found_in_every_form() -> None:
    from sitrep.dedup.names import country_keys

    # «Египет» / «Єгипет» lose the «е» in every other form: the people, the cases; the adjective keeps it
    assert country_keys("Двенадцать египтян завербовали под видом охранников.") == ("%egypt",)
    assert country_keys("Родини єгиптян просять МЗС допомогти; повернувся до Єгипту.") == ("%egypt",)
    assert country_keys("Он прилетел из Египта; египетский паспорт отобрали.") == ("%egypt",)
    # the short stem alone, or a word that only begins alike, is no country
    assert country_keys("египт, египтолог") == ()
