"""Via: the outlet, channel or person that made an appeal public, as one canonical Latin name."""

from __future__ import annotations

from sitrep.extract.via import OUTLETS_FILE, find_via, name_key, outlet_table, translit_uk, via_key


def via(text: str) -> list[str]:
    return [h.name for h in find_via(text, 0, len(text))]


def test_english_channel() -> None:
    assert via("the Russian Telegram channel Ostorozhno Novosti published a video appeal") == ["Ostorozhno Novosti"]


def test_russian_outlet_not_in_the_table_is_transliterated() -> None:
    assert via("Видеообращение опубликовал канал «Люди Тувы».") == ["Lyudi Tuvy"]


def test_table_name_wins_over_transliteration() -> None:
    assert via("Звернення оприлюднило видання «Цензор.НЕТ».") == ["Censor.NET"]
    assert via("Видеообращение опубликовал канал «Люди Байкала».") == ["Lyudi Baikala"]


def test_aired_by() -> None:
    assert via("In a video aired by NDTV, the men say they were tricked.") == ["NDTV"]


def test_inflected_outlet_and_person_page() -> None:
    assert via("Агафонов рассказал «Вёрстке», как батальон разбили.") == ["Verstka"]
    assert via("Запись появилась на странице Елены Кузнецовой в соцсетях.") == ["Elena Kuznetsova"]


def test_latin_outlet_after_reporting_verb() -> None:
    assert via("Медведев рассказал Gulagu.net, что ушёл с фронта.") == ["Gulagu.net"]


def test_sentence_initial_source_phrase() -> None:
    assert via("Обращаются к военной прокуратуре. По данным ASTRA, авторы видео служили в штурмовой роте.") == ["ASTRA"]


def test_record_ended_up_with_outlet() -> None:
    assert via("Запись их рассказа оказалась у «Медиазоны» через правозащитницу.") == ["Mediazona"]


def test_verb_kind_of_outlet_and_latin_name() -> None:
    assert via("Ролик показал телеканал NDTV.") == ["NDTV"]
    assert via("Відео оприлюднив телеканал ICTV, повідомили рідні бійців.") == ["ICTV"]
    assert via("The clip was shown by the broadcaster. Police said nothing.") == []


# publisher before the verb


def test_quoted_outlet_before_the_verb() -> None:
    assert via("«Українська правда» сьогодні оприлюднила розслідування про побиття бійців у бригаді.") == [
        "Ukrainska Pravda"
    ]
    assert via("«Новая газета Европа» опубликовала видео, на котором мобилизованные жалуются на командиров.") == [
        "Novaya Gazeta Europe"
    ]


def test_translated_name_of_a_channel() -> None:
    # a name with a known English form is not transliterated (Сіра зона, Серая зона → Grey Zone)
    assert via("Відео страти вчора виклав телеграм-канал «Сіра зона», пов'язаний з ПВК.") == ["Grey Zone"]
    assert via("🔨 Канал «Серая зона» сегодня опубликовал видео казни бывшего бойца.") == ["Grey Zone"]


def test_english_subject_outlet_reports() -> None:
    assert via("Hundreds of Yemeni men were forced to sign army contracts, the Financial Times reports.") == [
        "Financial Times"
    ]
    assert via("Independent outlet ASTRA reported that after the video went public the men were moved.") == ["ASTRA"]


def test_headline_credit() -> None:
    assert via("FT: йеменцев обманом отправляют воевать за Россию.") == ["Financial Times"]
    assert via("Reuters: the recruits say they were deceived.") == ["Reuters"]


# persons: lemmatised, transliterated in the table's spelling


def test_person_from_the_genitive() -> None:
    assert via("По данным Бутусова, из 155-й бригады в СЗЧ ушли около 1700 человек.") == ["Yurii Butusov"]
    assert via("Около 1700 бойцов самовольно оставили часть, journalist Yurii Butusov reported.") == ["Yurii Butusov"]


def test_deputy_publishes_an_audio() -> None:
    assert via("🎙 Депутат Госдумы Андрей Гурулёв этой ночью опубликовал аудиосообщение генерала Попова.") == [
        "Andrei Gurulev"
    ]
    assert via("Аудіо виклав депутат Держдуми Гурульов.") == ["Andrei Gurulev"]
    assert via(
        "In a voice message released late on Wednesday by State Duma deputy Andrei Gurulev, the general spoke."
    ) == ["Andrei Gurulev"]


def test_press_service_of_a_person() -> None:
    assert via("В ночь на пятницу пресс-служба Евгения Пригожина опубликовала видео с позиций под Бахмутом.") == [
        "Prigozhin's press service"
    ]


def test_person_not_in_the_table_ukrainian_spelling() -> None:
    assert via("Відео оприлюднив демобілізований боєць батальйону Костянтин Ільченко.") == ["Kostiantyn Ilchenko"]


def test_outlet_of_a_person_wins() -> None:
    text = "He said in a video released on Sunday by the exiled rights activist Vladimir Osechkin of Gulagu.net."
    assert via(text)[0] == "Gulagu.net"
    assert via("Приводом стала стаття Юрія Бутусова на «Цензор.НЕТ»: за його даними, бійці пішли в СЗЧ.")[0] == (
        "Censor.NET"
    )


def test_outlet_wins_over_the_person_who_posted_first() -> None:
    assert via("Видео выложила в своих соцсетях Вера Партилхаева, его опубликовали «Люди Байкала».")[0] == (
        "Lyudi Baikala"
    )


# platforms


def test_platform_after_a_publication_verb() -> None:
    assert via("Десантник Павел Филатьев выложил во «ВКонтакте» 141 страницу воспоминаний под названием «ZOV».") == [
        "VKontakte"
    ]
    assert via("A paratrooper who published a 141-page account of the invasion on VKontakte has left Russia.") == [
        "VKontakte"
    ]
    assert via("The men were recruited on Facebook with job offers.") == []


# precision: side facts, officials, the appellant himself, names that are not outlets


def test_source_of_a_side_fact_is_not_the_via() -> None:
    assert via("За даними «Української правди», відповідне розпорядження надійшло в частини 11 січня.") == []
    assert via("Украинское издание «Страна» уточняет, что после публикации ролика авторов отправили в СИЗО.") == []


def test_official_telling_an_outlet_is_not_the_via() -> None:
    assert via("Глава разведки Кирилл Буданов рассказал «Радио Свобода», что операцию готовили полгода.") == []


def test_appellant_posting_his_own_video_is_not_the_via() -> None:
    assert via("Российский контрактник Александр Осипович выложил видеообращение, где жалуется на комбата.") == []
    assert via("Пригожин опубликовал видео, в котором кричит на министра.") == []


def test_not_outlets() -> None:
    assert via("Три года колонии получил во Владимире сержант, не вернувшийся из отпуска.") == []
    assert via("По данным ГБР, командир взвода избивал курсантов.") == []
    assert (
        via("Another deserter was seized, according to the Vanadzor office of the Helsinki Citizens' Assembly.") == []
    )
    assert via("Мужчины сказали «Нас обманули» и показали контракты.") == []
    assert via("Подписаться на канал «Фронтовая лента»") == []
    assert via("Бойцы воюют в «серой зоне» и опубликовали видео.") == []


def test_weak_alias_needs_quotes_or_a_kind_word() -> None:
    assert via("Об этом сообщает «База», видео есть в распоряжении редакции.") == ["Baza"]
    assert via("Видео опубликовал телеканал Дождь.") == ["TV Rain"]
    assert via("Об этом сообщает база данных судов, видео обращения удалено.") == []


def test_hits_are_ordered_and_in_the_segment() -> None:
    text = "Посторонний текст. Видео опубликовала «Верстка»."
    hits = find_via(text, 19, len(text))
    assert [h.name for h in hits] == ["Verstka"]
    assert text[hits[0].start : hits[0].end] == "Верстка"
    assert find_via(text, 0, 18) == []


def test_long_untrusted_text_is_bounded() -> None:
    text = ("«А» опубликовал " * 2000) + "Видео опубликовала «Верстка»."
    assert len(find_via(text, 0, len(text))) <= 50


# the table


def test_table_keys_fold_inflections_and_spellings() -> None:
    assert name_key("Вёрстке") == name_key("Верстка")
    assert name_key("Української правди") == name_key("Українська правда")
    table = outlet_table()
    for alias, canonical in [
        ("Медиазоны", "Mediazona"),
        ("Censor.NET", "Censor.NET"),
        ("Радио Свобода", "Radio Svoboda"),
        ("Би-би-си", "BBC"),
        ("ВКонтакте", "VKontakte"),
        ("Бутусова", "Yurii Butusov"),
    ]:
        hit = table.lookup(alias)
        assert hit is not None and hit[0].name == canonical, alias


def test_table_lines_are_well_formed() -> None:
    for line in OUTLETS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, kind, aliases = line.split("\t")
        assert kind in {"outlet", "platform", "person"}, line
        assert canonical.strip() == canonical and aliases and "||" not in aliases, line


def test_ukrainian_transliteration_and_scorer_key() -> None:
    assert translit_uk("Костянтин Ільченко") == "Kostiantyn Ilchenko"
    assert translit_uk("Юрій") == "Yurii"
    assert translit_uk("Згурівка") == "Zghurivka"  # KMU 2010: зг is zgh (not "zh")
    assert via_key("Prigozhin's press service") == via_key("Prigozhins press service")
    # the scorer's key does not care which transliteration system the labeller used
    assert via_key("Lyudi Baikala") == via_key("Liudi Baikala") == via_key("Люди Байкала")
    assert via_key("Yurii Butusov") == via_key("Yuriy Butusov") == via_key("Yuri Butusov")
    assert via_key("Seraya Zona") == via_key("Seraia zona")
    assert via_key("Verstka") != via_key("Meduza")


def test_obtained_by_an_outlet() -> None:
    assert via("Видео из части получила «Верстка».") == ["Verstka"]
    assert via("«Верстка» получила видео, на котором командир бьёт бойца.") == ["Verstka"]
    assert via("12-летний сын депутата Виталия Милонова получил перелом скулы.") == []


def test_news_lines_that_are_not_publications() -> None:
    assert via("Nvidia выпустила LLM с открытым исходным кодом.") == []
    assert via("Кирилла задержали и возбудили уголовное дело по статье «Убийство».") == []
    assert via("Об этом сообщил саратовский губернатор Роман Бусаргин, видео удалено.") == []
    assert via("В Google рассказали о будущем WebGPU.") == []


def test_telegram_itself_is_not_a_via() -> None:
    # every channel here is on Telegram: naming the platform names no publisher (codebook example article)
    assert via("Another similar appeal was published on Telegram on June 23.") == []
    assert via("On July 2, the Russian local news Telegram channel Ostorozhno Novosti published a video appeal.") == [
        "Ostorozhno Novosti"
    ]


def test_channel_after_an_appearance_verb_and_quotes_with_commas() -> None:
    assert via("Видео появилось в телеграм-канале «Осторожно, новости».") == ["Ostorozhno Novosti"]
    assert via("Відео з'явилося в телеграм-каналі «Сіра зона» вчора.") == ["Grey Zone"]
    assert via("The video was posted on the Telegram channel Grey Zone on Sunday.") == ["Grey Zone"]
    assert via("Бойцы служат в батальоне «Шторм» и записали видео.") == []


def test_participle_agent_and_said_to_a_known_outlet() -> None:
    assert via("Видео, опубликованное «Вёрсткой», показывает избиение.") == ["Verstka"]
    assert via("Відео, оприлюднене каналом «Люди Тувы», показує бійців.") == ["Lyudi Tuvy"]
    assert via("По словам солдат, их бросили. Об этом они заявили «Медиазоне».") == ["Mediazona"]
    assert via("Министр сообщил ТАСС, что видео фейк.") == []


def test_written_on_a_platform() -> None:
    assert via("Житель Ялты вчера написал во «ВКонтакте», что его сын-срочник пропал.") == ["VKontakte"]
    assert via("Він написав у Facebook, що бригаду кинули без ротації.") == ["Facebook"]
    assert via("In a post on VKontakte, the father wrote that his son was sent to the war.") == ["VKontakte"]
    assert via("In a Facebook post, the soldier's mother wrote that the unit had no water.") == ["Facebook"]
    assert via("Дружина бійця розповіла у дописі в Instagram, що його не відпускають.") == ["Instagram"]
    # Telegram is no platform of its own here: every channel is on it
    assert via("Они пишут в Telegram, что их бросили.") == []


def test_project_that_helped_a_deserter() -> None:
    assert via("Контрактник, сбежавший из части, добрался до Грузии — ему помог проект «Идите лесом».") == ["Get Lost"]
    assert via("Утекти йому допомогли правозахисники проєкту «Идите лесом»; на нього відкрили справу про СЗЧ.") == [
        "Get Lost"
    ]
    assert via("With the help of the Get Lost project, the deserter reached Armenia.") == ["Get Lost"]
    # help from someone who is no publisher, or in a sentence about nothing of ours
    assert via("Police helped by volunteers found the car.") == []
    assert via("Ему помогла «Медуза» найти квартиру.") == []


def test_new_outlets_in_the_table() -> None:
    assert via("Как пишет издание «Главком», бойцов бригады перевели в пехоту.") == ["Glavcom"]
    assert via("Відео звернення бійців оприлюднив «Мілітарний».") == ["Militarnyi"]
    assert via("The soldiers' video appeal was first published by Newsweek.") == ["Newsweek"]


def test_kind_word_opening_the_sentence_and_contacting_an_outlet() -> None:
    assert via("Правозащитница Ольга Романова рассказала, что отказников держат в подвале.") == ["Olga Romanova"]
    assert via("Губернатор Иван Петров рассказал, что мобилизованных накормят.") == []
    assert via("Родственники бойцов обратились к журналистам «Новой газеты Европа».") == ["Novaya Gazeta Europe"]
    assert via("Матері бійців звернулися до редакції «Української правди» з проханням розібратися.") == [
        "Ukrainska Pravda"
    ]
    assert via("The soldiers' wives contacted Mediazona after the men were sent to assault.") == ["Mediazona"]


def test_credit_lines() -> None:
    assert via("Мобилизованных бросили в штурм.\n\nИсточник: ASTRA") == ["ASTRA"]
    assert via("Джерело: «Українська правда»") == ["Ukrainska Pravda"]
    assert via("Мобилизованные записали обращение (видео — «Осторожно, новости»).") == ["Ostorozhno Novosti"]
    assert via("Source: Reuters") == ["Reuters"]
    # a ministry is no outlet, a photo credit no via, and a plain phrase no name
    assert via("Источник: Минобороны России") == []
    assert via("Фото: Reuters") == []
    assert via("Видео — очень страшное") == []


def test_language_services_by_their_english_names() -> None:
    assert via("The men told the BBC's Russian Service they had been forced to sign contracts.") == ["BBC Russian"]
    assert via("Journalists of Radio Liberty's Siberian service obtained the recording of the appeal.") == [
        "Sibir.Realii"
    ]
    assert via("According to RFE/RL's Russian Service, the mobilised men were beaten.") == ["Radio Svoboda"]


def test_relative_clauses_groups_and_custody() -> None:
    assert via("Відео, яке оприлюднив канал «Бутусов Плюс», показує, як командир б'є бійця.") == ["Butusov Plus"]
    assert via("Військові скаржаться у відео, яке поширює телеграм-канал «Сіра зона».") == ["Grey Zone"]
    assert via("Запись попала в распоряжение «Новой газеты Европа».") == ["Novaya Gazeta Europe"]
    assert via("Видеообращение опубликовали жёны в группе «Жёны мобилизованных Чувашии» во «ВКонтакте».")[0] == (
        "Zheny Mobilizovannykh Chuvashii"
    )
    assert via("Про це у своєму Telegram написав народний депутат Олексій Гончаренко.") == ["Oleksii Honcharenko"]
    assert via("Об этом вчера написал губернатор Иван Петров.") == []
    assert via("Об этом избранный президент написал в своей соцсети Truth Social, видео уже удалено.") == []
    assert via("Бойцы группы «Вагнер» записали видео.") == []


def test_generic_words_are_no_latin_name() -> None:
    assert via("The video was circulated by pro-Ukrainian Telegram channels.") == []
    assert via("The video was circulated by Russian state TV.") == []


def test_channel_named_before_the_appearance_verb() -> None:
    # the channel first, the verb after it (ru/uk), or an English appositive naming the kind after the name
    assert via("В провагнеровском канале Grey Zone сегодня появилось новое видео расправы кувалдой.") == ["Grey Zone"]
    assert via("Напередодні в каналі Grey Zone з'явився ролик, на якому вбивають колишнього в'язня.") == ["Grey Zone"]
    assert via("В канале «Осторожно, новости» появилось видео обращения мобилизованных.") == ["Ostorozhno Novosti"]
    assert via("A video that appeared on Ostorozhno Novosti, a Telegram channel, shows the beaten men.") == [
        "Ostorozhno Novosti"
    ]
    # a channel that only writes about the front, a unit "in Wagner, a private army": no publication
    assert via("В канале «Рыбарь» пишут, что противник наступает.") == []
    assert via("He served in Wagner, a private army, before he was beaten by commanders.") == []


def test_according_to_someone_described_is_no_outlet() -> None:
    # an indefinite article describes a person ("a fellow Indian recruit", "an army source"), never names an outlet
    assert via("He died on February 21, according to a fellow Indian recruit who called the family.") == []
    assert via("The men were beaten, according to an Interior Ministry source.") == []
    assert via("The men were beaten in a pit, according to Vazhnye Istorii.") == ["iStories"]


def test_platform_after_an_appearance_verb() -> None:
    # a video that appeared or went out on a platform (ru/uk/en); the platform's brand also in lower case
    assert via("Ролик жён мобилизованных появился во «ВКонтакте» в понедельник.") == ["VKontakte"]
    assert via("Відеозвернення морпіхів вийшло в суботу у ВКонтакте.") == ["VKontakte"]
    assert via("The soldiers' plea was posted on VKontakte late on Friday.") == ["VKontakte"]
    assert via("Мать солдата выложила видео во вконтакте.") == ["VKontakte"]
    # no platform named: "в мережі", "в эфир" are no via
    assert via("Звернення бійців з'явилося в мережі у вівторок.") == []
    assert via("Сюжет вышел в эфир в Новосибирске.") == []


def test_ukrainian_locative_of_a_platform() -> None:
    # the locative alternates the last consonant (Фейсбук → у фейсбуці)
    assert via("Відео з побиттям оприлюднила сестра бійця у фейсбуці.") == ["Facebook"]
    assert via("Мати написала у Фейсбуці, що сина тримають у ямі.") == ["Facebook"]
    assert outlet_table().lookup("Фейсбуці") == outlet_table().lookup("Фейсбук")


def test_quoted_headline_credit_of_an_ambiguous_name() -> None:
    # a name the table marks as also a common word counts as a headline credit in quotes only
    assert via("«Астра»: под Горловкой в гараже держат десятки отказников.") == ["ASTRA"]
    assert via("Астра: у Харкові знову цвітуть айстри.") == []


def test_appeal_made_on_a_platform() -> None:
    # the platform an appeal was addressed in, before or after the addressee (ru/uk/en)
    assert via("Мать десантника обратилась в Instagram к министру обороны: сына не лечат.") == ["Instagram"]
    assert via("Сестра морпіха звернулася до президента у TikTok: брата не відпускають на лікування.") == ["TikTok"]
    assert via("A sailor's widow appealed to the navy chief on YouTube for answers.") == ["YouTube"]
    assert via("Relatives of the gunners appealed to the general staff in a TikTok video on Sunday.") == ["TikTok"]
    # recruiting through a platform, or an appeal to the police, names no medium of an appeal
    assert via("Вербовщики нашли парней через Facebook, родители обратились в полицию.") == []
    assert via("Жители обратились в прокуратуру с жалобой на шум.") == []


def test_transliterated_channel_name_with_a_preposition() -> None:
    # a Slavic name in Latin letters goes on after its lower-case preposition
    assert via("The clip was first posted by the regional channel Kuban bez filtrov.") == ["Kuban bez filtrov"]
    assert via("The video was shared by the Telegram channel Novosti za minutu on Friday.") == ["Novosti za minutu"]


def test_appeal_through_a_platform_and_took_to() -> None:
    # "через Facebook" after an appeal verb; the English idiom "took to <platform>"
    assert via("Мати навідника звернулася до міністра оборони через Facebook.") == ["Facebook"]
    assert via("A gunner's mother took to Instagram to beg the general staff for her son's transfer.") == ["Instagram"]
    assert via("He took to Moscow a parcel for his brother.") == []


def test_told_the_outlet_about_this() -> None:
    # "рассказала об этом изданию «X»": the story named first, then the outlet it was told to
    assert via("Жена морпеха рассказала об этом изданию «Новые вести».") == ["Novye Vesti"]
    assert via("Батько бійця розповів про це виданню «Нова доба».") == ["Nova Doba"]


def test_transliterated_channel_name_with_a_lower_case_word() -> None:
    assert via("The video appeared on the local channel Kurskii krai bez tsenzury.") == ["Kurskii krai bez tsenzury"]


def test_platform_after_a_full_participle() -> None:
    assert via("Лист, опублікований у четвер у Facebook, підписали 63 військовослужбовці.") == ["Facebook"]


def test_platform_a_video_was_posted_to() -> None:
    assert via("The video appeal was posted to VKontakte on Saturday by a relative of one of them.") == ["VKontakte"]


def test_outlet_reports_a_commander_and_his_subordinates() -> None:
    text = "A company commander kept two subordinates in a pit for three days as punishment, Hromadske reports."
    assert via(text) == ["Hromadske"]


def test_an_unknown_outlet_credited_at_the_end_of_the_sentence() -> None:
    # ", X reports." ends the sentence: the name is the credit, whether or not the table knows it
    text = "Five wounded sappers were sent back to the front days after surgery, Tverskie Vedomosti reports."
    assert via(text) == ["Tverskie Vedomosti"]
    # a headline's generic word, an official, a country are no outlet
    assert via("Commanders Shot Soldiers Who Refused, Outlet Reports") == []
    assert via("Six soldiers deserted from a base near Kursk, the ministry reports.") == []


def test_uk_pishe_credits_a_quoted_outlet() -> None:
    text = "Поранених морпіхів виписали з госпіталю і повернули на штурми, пише «Тверские ведомости»."
    assert via(text) == ["Tverskie Vedomosti"]
    text = "Військових змушували віддавати половину страхових виплат. Про це пишуть «Уральские новости»."
    assert via(text) == ["Uralskie Novosti"]


def test_transliterated_channel_name_joined_by_i() -> None:
    text = "In a clip published by the local channel Tula i tulyaki, soldiers say they were sent to assault."
    assert via(text) == ["Tula i tulyaki"]


def test_credited_in_the_past_tense_and_via_a_channel() -> None:
    text = "Six convicts were kept in a pit by their commander for four days, Permskii Vestnik reported."
    assert via(text) == ["Permskii Vestnik"]
    text = "The soldiers' video appeal went out on May 3 via the local channel Novosti Bryanska."
    assert via(text) == ["Novosti Bryanska"]
    assert via("He deserted and fled via Georgia to Turkey.") == []


def test_a_russian_name_quoted_in_a_ukrainian_sentence_is_transliterated_as_russian() -> None:
    text = "Дев'ятеро поранених військових записали відео, яке вчора оприлюднили «Новости Брянска»."
    assert via(text) == ["Novosti Bryanska"]


def test_a_quoted_outlet_credited_at_the_end_of_a_sentence_whatever_it_tells() -> None:
    text = "Бесплатные курсы операторов дронов оказались ловушкой, пишет «Тула по-честному»."
    assert via(text) == ["Tula Po-chestnomu"]


def test_a_dative_outlet_name_in_the_nominative() -> None:
    assert via("Об этом «Тамбовскому вестнику» рассказали жёны бойцов.") == ["Tambovskii Vestnik"]


def test_a_town_after_in_is_no_outlet() -> None:
    text = "Police found the deserter at his home in Borisoglebsk, a local Telegram channel reported."
    assert via(text) == []


def test_the_named_site_page_or_channel() -> None:
    assert via("Eleven soldiers refused to advance near Kupiansk, relatives told the Zeya-Info site.") == ["Zeya-Info"]
    text = "The video appeal was first posted by the Varta Zakhodu Telegram channel on Monday."
    assert via(text) == ["Varta Zakhodu"]
    text = "In the letter, published on Wednesday by the Chukotka Bez Kupyur page, the wives say the men are unpaid."
    assert via(text) == ["Chukotka Bez Kupyur"]
    # a name after the kind word is the name: "the Siberian outlet Taiga.info"
    assert via("Soldiers were beaten by their commander, the Siberian outlet Taiga.info reported.") == ["Taiga.info"]


def test_complained_to_an_outlet() -> None:
    text = "Родственники бойцов 55-й бригады пожаловались изданию «Тувинский ветер» на командира роты."
    assert via(text) == ["Tuvinskii Veter"]


def test_a_quoted_outlet_after_its_kind_word_at_the_end_of_a_sentence() -> None:
    # team-heldout-15: "..., пише канал «X».", "..., повідомляє проєкт «X»."
    assert via("Командир роти бив підлеглих прикладом, пише канал «Курська правда».") == ["Kurska Pravda"]
    assert via("Строковик утік з частини вночі, повідомляє проєкт «Голос Сибіру».") == ["Holos Sybiru"]


def test_a_report_phrase_that_opens_the_sentence_credits_it() -> None:
    assert via("Как сообщает «Вологодский вестник», мужчин разоружили и заперли в ангаре.") == ["Vologodskii Vestnik"]
    # data cited for a claim is no credit of the story
    assert via("За даними «Свідка», розпорядження надійшло в частини 11 січня.") == []


def test_an_unknown_name_says_only_after_its_kind_word() -> None:
    text = "The deserter applied for asylum in Montenegro, the exile project Doroga Naruzhu said."
    assert via(text) == ["Doroga Naruzhu"]
    assert via("The deserter applied for asylum in Montenegro, Ivan Petrov said.") == []


def test_an_outlet_described_between_commas_before_its_verb() -> None:
    text = "Altaisky Okop, a channel run by relatives of Altai soldiers, reports that a commander punished six men."
    assert via(text) == ["Altaisky Okop"]
    assert via("Ivan Petrov, a soldier from Altai, reports that a commander punished six men.") == []
