"""People counts in words and digits, exact or approximate, in ru/uk/en."""

from __future__ import annotations

import pytest

from sitrep.extract.counts import find_counts


def first(text: str) -> tuple[int, str] | None:
    hits = find_counts(text, 0, len(text))
    return (hits[0].value, hits[0].precision) if hits else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("задержали 234 военнослужащих, отказавшихся идти в бой", (234, "exact")),
        ("Около 50 военных перекрыли проспект", (50, "approximate")),
        ("несколько сотен мобилизованных выбыли из строя", (300, "approximate")),
        ("двоє бійців самовільно залишили частину", (2, "exact")),
        ("близько 500 військових та рідних прийшли до штабу", (500, "approximate")),
        ("Seven young men from Punjab asked to be brought home", (7, "exact")),
        ("several hundred men were out of action", (300, "approximate")),
        ("Around fifteen Buryat women filmed a plea", (15, "approximate")),
    ],
)
def test_counts_in_three_languages(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


def test_ages_and_dates_are_not_counts() -> None:
    assert first("20-летнего контрактника задержали 3 декабря") is None


def test_one_person_described_by_age() -> None:
    from sitrep.extract.counts import find_individual

    for text in ("затримала 20-річного контрактника Дмитра", "a 28-year-old captain of the regiment"):
        hit = find_individual(text, 0, len(text))
        assert hit is not None and (hit.value, hit.precision) == (1, "exact")


def test_nationality_nouns_count_people() -> None:
    assert first("Семеро индийцев записали видео с просьбой о помощи") == (7, "exact")
    assert first("Seventeen Cubans are in custody") == (17, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word after an ordinary word (the word before used to swallow it)
        ("об этом рассказали сами семеро контрактников", (7, "exact")),
        ("бьёт электрошокером двух раненых штурмовиков", (2, "exact")),
        ("розповіли шістьох бійців з роти", (6, "exact")),
        # "more than / at least N" → N approximate; a range → its midpoint, approximate
        ("По словам бойцов, речь о более чем 50 людях", (50, "approximate")),
        ("бригада вже мала щонайменше 40 військових у строю", (40, "approximate")),
        ("police say they trafficked roughly 150 to 200 men to Russia", (175, "approximate")),
        ("переправили в Россию 150–200 мужчин по туристическим визам", (175, "approximate")),
        ("грозился посадить трёх-четырёх человек", (4, "approximate")),
        ("On May 11, 115 of them filed a joint suit at the military court", (115, "exact")),
    ],
)
def test_count_words_qualifiers_and_ranges(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


def test_dates_deaths_and_group_members_are_not_counts() -> None:
    assert first("22 мая бойцы одной из рот записали обращение") is None
    assert first("Из этой бригады погибли уже не меньше 30 человек.") is None
    assert first("жінки нагадують, що бригада вже втратила щонайменше 30 людей") is None
    assert first("Parliament set up an inquiry after at least 16 Sri Lankans were confirmed dead.") is None
    assert first("«Нас бросили», — говорит один из них.") is None
    # out of action still counts (codebook §6)
    assert first("Within two weeks, several hundred men were out of action.") == (300, "approximate")


def test_one_named_service_member() -> None:
    from sitrep.extract.counts import find_individual

    for text in (
        "суд оставил в силе пять лет колонии контрактнику Максиму Горячкину",
        "Бывший командир отделения ЧВК «Вагнер» Андрей Медведев бежал в Норвегию",
        "Російський контрактник Олександр Осіпович («Псих») виклав відеозвернення",
        "Andrei Medvedev, 26, said in a video that he deserted in November",
        "The body of Lemekhani Nyirenda, the 23-year-old Zambian, was flown home",
    ):
        hit = find_individual(text, 0, len(text))
        assert hit is not None and (hit.value, hit.precision) == (1, "exact"), text
    assert find_individual("солдаты Московской области записали видео", 0, 40) is None


def test_months_are_not_a_nationality() -> None:
    assert first("он самовольно уехал домой и пробыл там около семи месяцев") is None
    assert first("він переховувався понад сім місяців") is None
    assert first("Семеро индийцев записали видео") == (7, "exact")


def test_one_service_member_named_in_the_singular() -> None:
    from sitrep.extract.counts import lone_member
    from sitrep.extract.text import tokenize

    def lone(text: str, lang: str) -> bool:
        return lone_member(tokenize(text, lang)[0].tokens, lang)

    assert lone("ГБР сообщило о подозрении инструктору, который избил курсанта на полигоне.", "ru")
    assert lone("Інструктор побив курсанта прикладом автомата на полігоні.", "uk")
    assert lone("Another Russian army deserter has been seized in Armenia.", "en")
    assert not lone("Инструкторы избили курсантов на полигоне.", "ru")
    assert not lone("Dozens of deserters were seized in Armenia.", "en")
    assert not lone("Группа бойцов покинула позиции.", "ru")
    assert not lone("Суд рассмотрел дело о хищении.", "ru")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codebook §4: "several hundred" → 300, approximate; a bare "hundreds" likewise; "dozens" → 24
        ("речь идёт о нескольких сотнях военнослужащих", (300, "approximate")),
        ("в Брянке держат сотни контрактников", (300, "approximate")),
        ("Hundreds of Kenyan men were lured to Russia", (300, "approximate")),
        ("на відео кілька десятків чоловіків у формі", (24, "approximate")),
        # number words 11-19 and "сотню"
        ("Суд отказал двенадцати бывшим бойцам ОМОНа", (12, "exact")),
        ("Сімнадцятеро громадян Кенії застрягли на Донбасі", (17, "exact")),
        ("зібралися понад сотню рідних військових", (100, "approximate")),
        # "a hundred" in English (two words)
        ("More than a hundred soldiers are held there", (100, "approximate")),
        # a casualty total (killed, wounded and missing) is the men lost: codebook §4 "involved or lost"
        ("бригада потеряла около 400 человек убитыми, ранеными и пропавшими без вести", (400, "approximate")),
        ("за тиждень — 200 загиблих, поранених і зниклих безвісти", (200, "exact")),
        ("some 250 men were killed, wounded or went missing", (250, "approximate")),
        ("понад 300 поранених лишаються на заводі", (300, "approximate")),
    ],
)
def test_vague_words_casualty_totals_and_number_words(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    "text", ["бригада потеряла не меньше 30 человек", "200 загиблих за тиждень", "16 soldiers were confirmed dead"]
)
def test_the_dead_alone_are_not_the_count(text: str) -> None:
    assert first(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every case of the cardinals and collectives, in ru and uk
        ("На відео дев'ятеро морпіхів просять про ротацію", (9, "exact")),
        ("суд оправдал восьмерых курсантов", (8, "exact")),
        ("командир бил шестерых солдат прикладом", (6, "exact")),
        ("Понад двохсот мобілізованих вийшли з позицій", (200, "approximate")),
        ("около ста человек перекрыли дорогу к штабу", (100, "approximate")),
        ("заставили подписать контракт не меньше пятнадцати ребят", (15, "approximate")),
        ("щонайменше дванадцятеро хлопців підписали контракти", (12, "approximate")),
        ("Нас тут сорок шесть человек, говорит боец", (46, "exact")),
        # compounds, hundreds and thousands
        ("Двести тридцать восемь мобилизованных отказались идти в штурм", (238, "exact")),
        ("двадцять п'ять бійців залишили позиції", (25, "exact")),
        ("two hundred and fifty soldiers refused to advance", (250, "exact")),
        ("twenty-three recruits wrote to the embassy", (23, "exact")),
        ("около двух тысяч военных ждут ротации", (2000, "approximate")),
        ("на мітинг прийшли 3 тисячі людей", (3000, "exact")),
        ("понад 1,5 тисячі військових вийшли з оточення", (1500, "approximate")),
        ("около 2 тыс. мобилизованных ждут ротации", (2000, "approximate")),
        ("about 1.5 thousand soldiers refused", (1500, "approximate")),
        ("1.500 soldiers refused to advance", (1500, "exact")),
        ("в 14:30 20 военных вышли к штабу", (20, "exact")),
        ("тысячи мобилизованных остались без выплат", (3000, "approximate")),
        # "2-х" written with digits
        ("командир избил 2-х бойцов за отказ", (2, "exact")),
        # tens and dozens
        ("около десятка военных стояли перед КПП", (10, "approximate")),
        ("полтора десятка бойцов вышли из окружения", (15, "approximate")),
        ("около полусотни женщин пришли к мэрии", (50, "approximate")),
        ("a few dozen soldiers refused to advance", (24, "approximate")),
        ("прийшли два десятки жінок", (20, "approximate")),
        ("Roughly two dozen men filmed the appeal", (24, "approximate")),
        ("half a dozen conscripts said they were beaten", (6, "approximate")),
        # new people nouns: boys, women (uk), victims, members
        ("кілька десятків жінок вийшли на акцію", (24, "approximate")),
        ("The court rejected a suit by 12 members of the riot police", (12, "exact")),
        ("ДБР встановило сімох потерпілих військових", (7, "exact")),
        # people nouns that begin like a measure word ("раз", "дн", "час")
        ("5 разведчиков отказались идти в штурм", (5, "exact")),
        ("5 днепровских бойцов ушли с позиций", (5, "exact")),
        ("5 травмированных военных доставили в госпиталь", (5, "exact")),
        ("п'ятеро операторів БпЛА відмовилися виконувати наказ", (5, "exact")),
    ],
)
def test_number_words_in_all_forms(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Семеро просят МИД вытащить их из плена", (7, "exact")),
        ("Троє звернулися до омбудсмена", (3, "exact")),
        ("По меньшей мере пятеро говорят о поборах", (5, "approximate")),
    ],
)
def test_a_collective_numeral_alone_is_people(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a collective before a noun counts that noun: children, days
        "Суд учёл, что у него двое детей",
        "у нього троє дітей і хвора мати",
        "они шли двое суток без воды",
        "мать троих сыновей просит вернуть мужа",
        # a measure or a preposition between the number and the people noun
        "их отправили на 10 дней военных сборов",
        "прокуратура открыла около 60 тысяч дел против военнослужащих",
        "ему перевели 5 тысяч рублей родственники",
        # a time of day
        "в 10 утра военные перекрыли дорогу к штабу",
        "at 10 a.m. soldiers gathered at the gates",
        # the dead, with a clause between the noun and the verb
        "двое других членов экипажа, не знавшие о плане, погибли после посадки",
        "His two crew members, who did not know about the plan, were killed after landing.",
        "Еще двое умерли в больнице после избиения.",
        # "for two"
        "Им выдали один бронежилет на двоих.",
    ],
)
def test_not_a_count_of_the_event(text: str) -> None:
    assert first(text) is None


def test_a_range_in_words_is_no_sum() -> None:
    assert first("грозился посадить трёх-четырёх человек") == (4, "approximate")
    assert first("прийшли п'ять-шість жінок") == (6, "approximate")


@pytest.mark.parametrize(
    "text",
    [
        "Десантник 45-й бригады Олег Сидоренко рассказал, как его не отпускают домой",
        "Суд арестовал бывшего сотрудника ФСИН Игоря Смирнова, сбежавшего с позиций",
        "Прикордонники затримали колишнього ув'язненого Петра Коваля — він утік з частини",
        "суд заочно арестовал Антона Белова — бывшего контрактника 3-й бригады",
        "Ivan Petrov, a former marine from Kaliningrad, says he fled the front",
        "Мать просит вернуть домой её сына Артёма, срочника из Курской области",
        "In a post, the woman said her son Maxim had been sent to the front",
        "Russian deserter Dmitry Mishov was detained in Yerevan on Monday",
        "Private Ivan Petrov told the court he had been beaten",
    ],
)
def test_one_named_person_in_either_order(text: str) -> None:
    from sitrep.extract.counts import find_individual

    hit = find_individual(text, 0, len(text))
    assert hit is not None and (hit.value, hit.precision) == (1, "exact")


@pytest.mark.parametrize(
    "text",
    [
        "губернатор Александр Гусев встретился с жёнами мобилизованных",
        "аудиосообщение генерал-майора Ивана Попова о потерях армии",
        "Жёны военных Анна Петрова и Мария Иванова вышли на пикет",
    ],
)
def test_officials_and_generals_are_not_the_lone_person(text: str) -> None:
    from sitrep.extract.counts import find_individual

    assert find_individual(text, 0, len(text)) is None


def test_an_adjective_used_as_a_noun_is_one_member() -> None:
    from sitrep.extract.counts import lone_member
    from sitrep.extract.text import tokenize

    def lone(text: str, lang: str) -> bool:
        return lone_member(tokenize(text, lang)[0].tokens, lang)

    assert lone("Гарнизонный суд приговорил мобилизованного к пяти годам колонии.", "ru")
    assert lone("Украинского военного, ушедшего в СЗЧ, задержали у границы.", "ru")
    assert lone("Суд засудив військового, який самовільно залишив частину.", "uk")
    assert lone("A military court sentenced a former officer who fled to Kazakhstan.", "en")
    # officers: one is the member, several are the other side
    assert lone("Офіцера затримали на кордоні з Угорщиною.", "uk")
    assert lone("Офицеры избили солдата за отказ.", "ru")
    assert not lone("Officers fled the base.", "en")
    # a plural adjective-noun is often the other side, not a second member
    assert lone("Российские военные снова задержали беглеца из армии.", "ru")
    assert not lone("Военный суд рассмотрел дело о хищении.", "ru")
    assert not lone("Військові суди засудили мобілізованих за СЗЧ.", "uk")
    assert not lone("Мобилизованные отказались идти в штурм.", "ru")


@pytest.mark.parametrize(
    "text",
    [
        "Суд у Житомирі засудив військового до п'яти років ув'язнення за СЗЧ.",
        "Гарнизонный суд приговорил контрактника к шести годам колонии.",
        "Военная полиция задержала дезертира на вокзале.",
        "A military court sentenced a mobilised soldier to five years.",
    ],
)
def test_a_court_or_police_acting_on_one_member(text: str) -> None:
    from sitrep.extract.counts import find_individual

    hit = find_individual(text, 0, len(text))
    assert hit is not None and (hit.value, hit.precision) == (1, "exact")


def test_the_others_beside_the_dead_are_counted() -> None:
    text = "Половина роты погибла, остальные двадцать человек отказались идти в штурм."
    assert first(text) == (20, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the group's size with no noun after the number
        ("Дружини мобілізованих вийшли на акцію. Їх було близько п'ятдесяти.", (50, "approximate")),
        ("Их было 40, все из одной роты.", (40, "exact")),
        ("There were about 50 of them at the gates.", (50, "approximate")),
        ("A group of 12 recorded a video appeal.", (12, "exact")),
        ("Группа из 14 самовольно покинула позиции.", (14, "exact")),
        # the inverted order is approximate
        ("На акцию пришло человек 50, в основном жёны.", (50, "approximate")),
        # more English people nouns
        ("a battalion commander who beat three subordinates", (3, "exact")),
    ],
)
def test_group_size_without_a_noun_and_inverted_order(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


def test_an_age_after_a_person_noun_is_no_count() -> None:
    assert first("К военкомату пришёл мужчина, человек 45 лет.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Оттуда он сбежал вместе с двумя сослуживцами.", (3, "exact")),
        ("её муж и ещё 11 бойцов уже месяц без связи", (12, "exact")),
        ("her husband and 11 other soldiers have had no contact for a month", (12, "exact")),
        ("Він разом із трьома побратимами залишив позиції.", (4, "exact")),
    ],
)
def test_someone_and_n_more(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


def test_two_groups_joined_by_and_are_not_one_more() -> None:
    assert first("30 women and 20 men came to the gates") == (30, "exact")


def test_a_unit_number_before_a_people_noun_is_no_count() -> None:
    assert first("обращение воинской части 12345 мобилизованные записали в лесу") is None


def test_multiples_of_a_thousand_and_demonyms_by_case() -> None:
    assert first("Hundreds of thousands of people have been mobilised") == (300_000, "approximate")
    assert first("десятки тысяч мигрантов получили повестки") == (24_000, "approximate")
    # a demonym is capitalised: "plans", "analysis" are no nationality
    assert first("5 plans to help the soldiers' wives") is None
    assert first("more than a dozen journalists were detained") is None


def test_a_countrys_son_is_no_named_person() -> None:
    from sitrep.extract.counts import find_individual

    assert find_individual("«Не хочу отдавать сына России», — говорит мать.", 0, 45) is None
    assert find_individual("Пам'ятаємо кожного сина України.", 0, 31) is None


def test_a_couple_and_a_dozen_or_so() -> None:
    assert first("a couple of soldiers were detained at the border") == (2, "approximate")
    assert first("пару бойцов избили за отказ") == (2, "approximate")
    assert first("кільканадцять бійців залишили позиції") == (15, "approximate")
    # a vague phrase over a measure counts days or money, not people
    assert first("пару дней назад бойцы записали видео") is None
    assert first("сотни тысяч рублей бойцам так и не выплатили") is None


@pytest.mark.parametrize(
    "text",
    [
        "Военный суд приговорил к трём годам колонии контрактника, который отказался идти на позиции.",
        "К четырём годам колонии мобилизованного из Карелии приговорили за самовольное оставление части.",
        "Гарнізонний суд засудив до п'яти роками позбавлення волі військового, який втік із частини.",
    ],
)
def test_years_of_a_sentence_are_no_count(text: str) -> None:
    # "к трём годам колонии контрактника": a term in any case of "год"/"рік", not three people
    assert first(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a group named before: the wounded among the fighters, the children among the returned
        ("Жінки просили допомогти з евакуацією захисників заводу, серед яких сотні поранених.", None),
        ("Родные просят вывезти бойцов, среди которых около 40 раненых, с позиций.", None),
        ("The wives asked for help to evacuate the garrison, among them hundreds of wounded men.", None),
        ("46 жителей области вернулись домой. Среди них — 12 детей.", (46, "exact")),
        # the size of the group before the subset is still read
        ("около двадцати человек, среди них дети, записали видео", (20, "approximate")),
        # the rest of the enumeration the subset starts
        ("Погибли 10 человек, среди них семь полицейских, медик и два местных жителя.", None),
        # "в том числе" right before the number only: "among other things" elsewhere
        ("Правозащитники, в том числе опросили более 300 мобилизованных, готовят доклад.", (300, "approximate")),
        ("Обращение подписали родственники, в том числе 40 жён мобилизованных.", None),
    ],
)
def test_a_subset_after_among_them_is_not_the_group(text: str, expected: tuple[int, str] | None) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March, police arrested 12 people accused of smuggling about 150 men into the Russian army.", 150),
        ("В Непале задержали 12 человек, которые переправили в Россию 150–200 мужчин.", 175),
        ("Полиция задержала около 200 мигрантов, более 30 из них отвезли в военкомат.", 30),
        ("Поліція затримала 40 чоловіків, 15 із них відвезли до ТЦК і вручили повістки.", 15),
        # service members caught are the event's own people
        ("Полиция задержала 12 дезертиров, троих из них отправили обратно на фронт.", 12),
        ("Police detained 12 deserters; three of them were sent back to the front.", 12),
        # the detained alone are the count: "the detention of 234 men who refused is a refusal" (codebook §2)
        ("задержали 234 военнослужащих, отказавшихся идти в бой", 234),
        # two catches: the order of the sentence stays
        ("Суд арестовал ещё семь человек, накануне были арестованы пятеро задержанных.", 7),
        # a passive catch is no agent's catch: "были задержаны 50 человек, всего задержанных 200"
        ("были задержаны 50 человек, ещё 20 человек отпустили", 50),
    ],
)
def test_the_people_caught_give_way_to_the_group_the_sentence_names(text: str, expected: int) -> None:
    hits = find_counts(text, 0, len(text))
    assert hits[0].value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Дружини захисників Катерина Прокопенко та Юлія Федосюк зустрілися з Папою.", 2),
        ("Жёны военных бригады — Галина Храпливая и Марина Юкальчук — обратились к Сырскому.", 2),
        ("Военные называют свои имена — Илья Каминский, Алдар Дылыков, Сергей Арсенов и Николай Васильев.", 4),
        ("Матері бійців Ольга Коваль, Ірина Мельник і Наталія Бондар записали звернення.", 3),
    ],
)
def test_people_named_in_a_row_are_counted(text: str, expected: int) -> None:
    assert first(text) == (expected, "exact")


@pytest.mark.parametrize(
    "text",
    [
        # officials addressed, not a group: the names are not in the nominative
        "Военные попросили Владимира Путина и Сергея Шойгу о ротации.",
        "Бойцы записали обращение к Владимиру Путину и Сергею Шойгу.",
        # places are no first names
        "Военные вывезены в Нижний Новгород и Великие Луки.",
        # the dead alone are not the event's people
        "Военные сообщили: Сергей Сметанин и Алексей Семёнов погибли.",
    ],
)
def test_people_addressed_are_not_a_named_group(text: str) -> None:
    assert first(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "21 февраля в Донецкой области погиб 23-летний Хемиль Мангукия из индийского Сурата.",
        "Минулого тижня на Донеччині загинув 23-річний індієць Хеміль Мангукія із Сурата.",
        "Суд оштрафовал 30-летнего Мансура Ходжиева и выдворил его из России.",
        "На відео вбивають колишнього в'язня Дмитра Якущенка, який хотів здатися.",
        "Командир роты избил подчинённого, который попросил об отпуске.",
        "ДБР повідомило про підозру командиру, який побив підлеглого за прохання про відпустку.",
        "The company commander beat a subordinate who had asked for leave.",
    ],
)
def test_one_person_by_age_and_name_prisoner_or_subordinate(text: str) -> None:
    from sitrep.extract.counts import find_individual

    hit = find_individual(text, 0, len(text))
    assert hit is not None and (hit.value, hit.precision) == (1, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the genitive of "полтора десятка", "два десятка", "две сотни" after "около", "более", "близько"
        ("Около полутора десятков жён мобилизованных пришли в приёмную.", (15, "approximate")),
        ("Более двух десятков бойцов записали видеообращение.", (20, "approximate")),
        ("Понад два десятки бійців записали відеозвернення.", (20, "approximate")),
        ("Близько двох десятків бійців залишили позиції.", (20, "approximate")),
        ("Около трёх десятков военных вышли к штабу.", (30, "approximate")),
        ("Около двух сотен жён вышли на акцию.", (200, "approximate")),
        ("Близько двох сотень рідних вийшли на мітинг.", (200, "approximate")),
        ("Около полутора сотен военных записали обращение.", (150, "approximate")),
        ("Tens of women came to the office of the governor.", (24, "approximate")),
        ("Some 40 military personnel refused to go back to the front.", (40, "approximate")),
    ],
)
def test_vague_tens_and_hundreds_in_the_genitive(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the soldiers counting themselves
        ("Нас было 40, теперь осталось двенадцать.", (40, "exact")),
        ("Нас було 40, а тепер лишилося дванадцять.", (40, "exact")),
        ("Нас осталось 12 из всей роты.", (12, "exact")),
        ("There are 40 of us here and nobody answers.", (40, "exact")),
        ("Их было около пятидесяти.", (50, "approximate")),
    ],
)
def test_we_were_n(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Лист на 12 сторінках підписали рідні бійців.",
        "Письмо на 12 страницах подписали родственники военных.",
        "A 12-page letter signed by relatives of the soldiers.",
        "The letter, 12 pages long, was signed by relatives of soldiers.",
    ],
)
def test_pages_of_a_letter_are_no_count(text: str) -> None:
    assert first(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "с лишним", "з гаком", "-odd": more than the number said, so approximate
        ("Тридцать с лишним контрактников отказались ехать на полигон.", (30, "approximate")),
        ("Три десятки з гаком мобілізованих поскаржилися на командира.", (30, "approximate")),
        ("Some 40-odd reservists walked off the training ground.", (40, "approximate")),
        # "N of their own soldiers": the soldiers are the number's
        ("Officers shot at least three of their own soldiers for retreating.", (3, "approximate")),
        ("The commander beat two of our men, the sergeant wrote.", (2, "exact")),
    ],
)
def test_more_than_said_and_of_their_own(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # signatures under a letter stand for its signers
        ("Под письмом к министру стоят 85 подписей.", (85, "exact")),
        ("Звернення до омбудсмена зібрало понад 300 підписів.", (300, "approximate")),
        ("The petition to the governor gathered 120 signatures.", (120, "exact")),
    ],
)
def test_signatures_count_the_signers(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


def test_a_birth_year_after_a_man_is_no_count() -> None:
    assert first("Мужчина 1991 года рождения сбежал из части ещё в мае.") is None
    assert first("Чоловік 1987 року народження самовільно залишив бригаду.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number standing for people named before it: the subject of a passive, the object of a verb
        ("The recruits complained to their parents; four were beaten by the sergeant.", (4, "exact")),
        ("Of the new arrivals, three later deserted.", (3, "exact")),
        ("Курсантів викликали до ТЦК, трьох змусили підписати контракт.", (3, "exact")),
        ("Срочников собрали в клубе, и пятерых из двадцати уговорили подписать контракт.", (5, "exact")),
    ],
)
def test_a_number_for_people_named_before(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two were killed when the shell hit the dugout.",
        "Выдали по одному бронежилету на двоих бойцов.",
        "Отпуск ждали в течение двух недель.",
        "In 2023 were recorded fewer cases.",
    ],
)
def test_no_count_from_the_dead_a_preposition_or_a_year(text: str) -> None:
    hits = find_counts(text, 0, len(text))
    assert all(h.value != 2023 for h in hits)
    assert not any(h.value == 2 and "killed" in text for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        # the prison term between the verdict and the one man it is given to
        "Районний суд засудив до чотирьох років позбавлення волі навідника 92-ї бригади.",
        "Гарнизонный суд назначил 4 года колонии общего режима рядовому, не вернувшемуся из отпуска.",
        "Суд призначив шість років ув'язнення мобілізованому, який покинув позиції.",
        "The tribunal sentenced to six years in prison a conscript who had fled.",
    ],
)
def test_a_term_between_the_verdict_and_the_one_man(text: str) -> None:
    from sitrep.extract.counts import find_individual

    assert find_counts(text, 0, len(text)) == []
    hit = find_individual(text, 0, len(text))
    assert hit is not None and (hit.value, hit.precision) == (1, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative's one son is the man the event is about
        ("A father in Kursk says a sergeant broke the ribs of his conscript son.", 1),
        ("По словам отца, его сына избили сослуживцы в казарме.", 1),
        ("Мати розповіла, що її сина тримали в ямі три доби.", 1),
        ("Сина побив командир роти, каже мати.", 1),
        # sons in the plural are a group, "her son's unit" is no person of the event
        ("Матери срочников требуют вернуть сыновей из Курской области.", None),
        ("Her son's unit was moved to the border.", None),
    ],
)
def test_a_relatives_one_son(text: str, expected: int | None) -> None:
    from sitrep.extract.counts import find_individual

    hit = find_individual(text, 0, len(text))
    assert (hit.value if hit else None) == expected


def test_a_subordinate_is_one_member() -> None:
    from sitrep.extract.counts import lone_member
    from sitrep.extract.text import tokenize

    def lone(text: str, lang: str) -> bool:
        return lone_member(tokenize(text, lang)[0].tokens, lang)

    assert lone("Командир взвода избил подчинённого прикладом.", "ru")
    assert lone("Сержант побив підлеглого держаком лопати.", "uk")
    assert lone("The officer beat a subordinate with a shovel.", "en")
    assert not lone("Командир избил подчинённых.", "ru")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the killed and the wounded together are the men out of action, not the dead alone
        ("За неделю погибли и ранены около сорока бойцов батальона.", (40, "approximate")),
        ("За тиждень загинули та поранені понад 30 військових.", (30, "approximate")),
        ("More than 50 soldiers were killed or wounded in the assault, the men say.", (50, "approximate")),
    ],
)
def test_the_killed_and_wounded_together_count(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one man and one comrade are two
        ("Срочник вместе с сослуживцем ушёл из части ночью.", (2, "exact")),
        ("Його з побратимом тримали в ямі дві доби.", (2, "exact")),
        ("A sailor deserted together with a fellow conscript.", (2, "exact")),
        # a comrade's number is read as before: the one named and the others
        ("Контрактник вместе с тремя сослуживцами покинул позиции.", (4, "exact")),
    ],
)
def test_one_man_and_a_comrade(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a collective numeral of men from a unit is the group itself
        ("Говорят, рапорты подписали как минимум шестеро из взвода.", (6, "approximate")),
        ("Відмовилися виходити на позиції п'ятеро з роти.", (5, "exact")),
        # "N did" closes a clause that named the act before
        ("The recruits were pressed to sign up for a year, and at least nine did.", (9, "approximate")),
        # the people who told the story are not the group it is about
        ("The men were sent to storm trenches, according to two of them reached by our reporter.", None),
        ("За словами трьох із них, близько тридцяти чоловіків вивезли на полігон.", (30, "approximate")),
    ],
)
def test_unit_collectives_elliptic_did_and_sources(text: str, expected: tuple[int, str] | None) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Дружина бійця записала звернення: її чоловіка знову визнали придатним, хоча в нього діабет.",
        "Жена контрактника пишет, что её муж пятый месяц без ротации.",
        "In the clip, a woman says her husband has had no leave since he was called up.",
        "A garrison court jailed a mobilised man who had stayed home after his leave ran out.",
        "Prosecutors say a drafted soldier from Omsk hid at his mother's flat for a year.",
    ],
)
def test_one_husband_or_one_drafted_man(text: str) -> None:
    from sitrep.extract.counts import find_individual

    hit = find_individual(text, 0, len(text))
    assert hit is not None and (hit.value, hit.precision) == (1, "exact")


def test_her_man_with_his_comrades_is_no_lone_husband() -> None:
    from sitrep.extract.counts import find_individual

    text = "Її чоловік з побратимами другий рік на позиціях."
    assert find_individual(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an English month right before a number makes it a day of the month
        ("On Sunday March 3 relatives of the marines picketed the base.", None),
        ("Mothers met the governor on Aug. 14 and wives of the drafted men joined them.", None),
        # "in" before the month, or a number no day can be, keeps the count
        ("In March 45 relatives of the marines picketed the base.", (45, "exact")),
        ("In April 12 soldiers of the battalion refused to advance.", (12, "exact")),
        # a figure the text puts a group at
        ("Local media put the number of reservists sent forward that week at roughly 200.", (200, "approximate")),
        ("Кількість мобілізованих, яких відправили без підготовки, сягнула 60.", (60, "exact")),
        ("Число отказников в полку превысило 30.", (30, "exact")),
        ("The number of desertion cases rose to 20 percent.", None),
    ],
)
def test_a_day_after_a_month_and_a_number_put_at(text: str, expected: tuple[int, str] | None) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "one"),
    [
        # one foreigner named after their country's adjective and what they are, or told of in English
        ("Непальский мигрант Рам Тапа рассказал, как его завербовали на стройку.", True),
        ("Кубинський студент Хосе Перес потрапив у полон під Авдіївкою.", True),
        ("A Ghanaian student who went to Russia to study ended up at the front.", True),
        ("The Nepali cook recruited through an agency says he was sent to storm trenches.", True),
        # officials, activists and commanders speak of others
        ("Пензенский губернатор Олег Мельниченко встретился с жёнами.", False),
        ("Украинский активист Павел Гусак подтвердил, что видео настоящее.", False),
        ("The Cuban ambassador said the men were tricked.", False),
        ("The Indian foreign ministry said it was in touch with the families.", False),
    ],
)
def test_one_foreigner_named_by_country(text: str, one: bool) -> None:
    from sitrep.extract.counts import find_individual

    assert (find_individual(text, 0, len(text)) is not None) is one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one thousand after a qualifier or in the nominative singular; "thousands" stays 3000
        ("Около тысячи мобилизованных остались без ротации.", (1000, "approximate")),
        ("Понад тисячу військових підписали петицію.", (1000, "approximate")),
        ("Близько тисячі рідних прийшли до Офісу президента.", (1000, "approximate")),
        ("Тысячи мобилизованных остались без ротации.", (3000, "approximate")),
        # "N of the men": the men the event is about; "one of the" is a member
        ("Nine of the reservists refused to board the bus.", (9, "exact")),
        ("Two of these conscripts were beaten by the sergeant.", (2, "exact")),
        ("One of the reservists refused to board the bus.", None),
    ],
)
def test_one_thousand_and_n_of_the_men(text: str, expected: tuple[int, str] | None) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people named first, their number as the predicate
        ("Старшина годами отбирал у солдат зарплату. Потерпевших не меньше шести.", (6, "approximate")),
        ("Постраждалих — щонайменше семеро.", (7, "approximate")),
        ("Участников пикета — около 40, сообщает местный канал.", (40, "approximate")),
        ("Задержанных было четверо.", (4, "exact")),
        # no number, or a number of something else
        ("Пострадавших в результате обстрела нет.", None),
        ("Задержанных отпустили через 3 часа.", None),
    ],
)
def test_people_then_their_number(text: str, expected: tuple[int, str] | None) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one relative alone appeals for her man: one person, though no number is written
        "Мать солдата 30-й бригады обратилась к губернатору: сына третий месяц держат на передовой.",
        "Сестра військового 72-ї бригади звернулася до омбудсмена: брата не лікують після контузії.",
        "Дочь мобилизованного из Курганской области записала видеообращение к президенту.",
        "The mother of a conscript from Tver has appealed to the defence minister to bring her son home.",
        # or tells of her husband, son or brother later in the sentence
        "Сестра срочника из Читы рассказала, что брата избили в казарме сослуживцы.",
        "Мати бійця з Полтави каже, що сина тримали в ямі два дні.",
        # one serviceman named by kind at the sentence start
        "A wounded soldier from Buryatia was sent back to the trenches, his wife says.",
    ],
)
def test_one_relative_appealing_is_one_person(text: str) -> None:
    from sitrep.extract.counts import find_individual

    hit = find_individual(text, 0, len(text))
    assert hit is not None and (hit.value, hit.precision) == (1, "exact")


def test_relatives_appealing_together_are_no_individual() -> None:
    from sitrep.extract.counts import find_individual

    text = "Жёны военных 30-й бригады обратились к губернатору с просьбой о ротации."
    assert find_individual(text, 0, len(text)) is None
    # a relative telling of the company, not of her one man: left to the other rules
    text = "Мать контрактника рассказала, что командир роты требует деньги со всех бойцов."
    assert find_individual(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subordinates as the people a commander acted on (ru/uk)
        ("Ротный избил троих подчинённых за отказ копать окопы.", (3, "exact")),
        ("Командир взводу побив чотирьох підлеглих і забрав у них телефони.", (4, "exact")),
        ("Старшина обобрал не менее десяти подчинённых.", (10, "approximate")),
    ],
)
def test_subordinates_are_people(text: str, expected: tuple[int, str]) -> None:
    assert first(text) == expected
