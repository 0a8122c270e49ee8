"""Relevance rules: negation, someone else's claims, keyword traps, civilians — in ru/uk/en."""

from __future__ import annotations

import pytest

from sitrep.extract import Extractor, report_from_doc


def relevant(text: str) -> bool:
    return Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"})).relevant


@pytest.mark.parametrize(
    "text",
    [
        "Бойцы 1428-го полка отказались идти в штурм под Бахмутом.",
        "Бійці 47-ї окремої механізованої бригади відмовилися йти в атаку під Авдіївкою.",
        "Soldiers of the 47th brigade refused to attack near Avdiivka.",
    ],
)
def test_refusal_is_relevant(text: str) -> None:
    assert relevant(text)


@pytest.mark.parametrize(
    "text",
    [
        "Бойцы 1428-го полка не отказались идти в штурм под Бахмутом.",
        "Бійці 47-ї бригади не відмовилися йти в атаку під Авдіївкою.",
        "Soldiers of the 47th brigade did not refuse to attack near Avdiivka.",
    ],
)
def test_negated_cue_is_not_relevant(text: str) -> None:
    assert not relevant(text)


def test_propaganda_claim_counts_less() -> None:
    claim = "Вражеская пропаганда якобы утверждает, что бойцы 1428-го полка отказались идти в штурм."
    assert not relevant(claim)


@pytest.mark.parametrize(
    "text",
    [
        "ВСУ ночью атаковали Крым ракетами Storm Shadow, обломки повредили линию электропередачи.",
        "Губернатор опубликовал видеообращение к жителям области в связи с праздником.",
        "В московском баре охрана избила бойца ММА, спортсмена госпитализировали.",
        "A powerful storm battered the coast overnight, tearing down power lines.",
    ],
)
def test_keyword_traps_are_not_relevant(text: str) -> None:
    assert not relevant(text)


# The actors must be service members of the conflict (real-stream false alarms, paraphrased).
@pytest.mark.parametrize(
    "text",
    [
        # a sports fighter: "боец" with no military context
        "Суд обязал бойца Конора Макгрегора выплатить компенсацию: боец жестоко избил женщину.",
        "Москвичка сдала квартиру бойцу поп-ММА, ранее судимому за избиение.",
        # a criminal gang's "бригада"
        "Процесс Таганской бригады идёт давно: бандитов обвиняют в вымогательстве и убийствах.",
        # a civilian who fled the country, his "дивизия" an extremist club
        "Скинхед, создавший «Казанскую дивизию», сбежал из России и попросил убежища в Литве.",
        # a foreign rally told in many sentences; soldiers only dispersed it
        "Протестующие в Исламабаде требуют освобождения Имрана Хана.\n\n"
        "Тысячи людей собрались на акцию протеста в столице Пакистана.\n\n"
        "Силы безопасности разогнали участников акции протеста слезоточивым газом.\n\n"
        "Власти утверждают, что четыре солдата, участвовавшие в разгоне акции протеста, погибли. "
        "В их гибели власти винят протестующих.",
        # a news digest: the protest bullet and the soldiers' bullet are different stories
        "🔻В Тбилиси полиция снова вытеснила протестующих от парламента. Часть участников акций протеста "
        "начала строить баррикады.\n\n🔻Зеленский заявил, что на войне погибло меньше 80 тысяч украинских военных.",
        # "вынужден" is not forced enlistment
        "Бойцы, в том числе раненые, вынуждены платить таксистам любую сумму возле воинской части.",
    ],
)
def test_not_service_members_not_relevant(text: str) -> None:
    assert not relevant(text)


@pytest.mark.parametrize(
    "text",
    [
        "Срочник с автоматом сбежал из парка «Патриот» в Подмосковье.\n\n19-летний Даниил Фоменко — "
        "военнослужащий Преображенского полка. Нарядам полиции дана ориентировка на беглеца.",
        "Інструктор навчального взводу побив курсанта на полігоні, командир взводу побиття не зупинив.",
        "A training-platoon instructor beat a recruit at a firing range; the platoon commander did nothing.",
        "Бойцы 1428-го полка записали видеообращение: их отправляют в штурм без подготовки.",
    ],
)
def test_weak_actors_count_in_a_military_text(text: str) -> None:
    assert relevant(text)


def _rules(text: str) -> tuple[bool, str | None]:
    """Relevance and first event type by the rules alone (no learned model)."""
    from sitrep.extract.engine import Engine

    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    got = engine.extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"}))
    return got.relevant, (got.events[0].event_type if got.events else None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # flight abroad, asylum, flying over to the other side, leaving the front without leave
        ("Бывший командир отделения ЧВК «Вагнер» бежал в Норвегию и просит убежища.", "desertion"),
        ("Військова поліція затримала контрактника, який утік з армії, щоб не воювати.", "desertion"),
        ("Російський льотчик перелетів на Мі-8 в Україну, повідомили в ГУР.", "desertion"),
        ("The captain of the 319th helicopter regiment flew his Mi-8 into Ukraine in August.", "desertion"),
        ("Суд установил, что контрактник самовольно уехал домой и пробыл там семь месяцев.", "desertion"),
        # luring and pressure into contracts
        (
            "На Кубе задержали вербовщиков, которые заманивали кубинцев в российскую армию для войны в Украине.",
            "coercion",
        ),
        (
            "Police held 12 traffickers: each man was pressured into signing up with the Russian military for the war.",
            "coercion",
        ),
        ("Рекрутери заманювали іноземців до армії РФ для війни в Україні обіцянками роботи.", "coercion"),
    ],
)
def test_flight_and_luring_cues(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a basement in a battle report is a place of fighting, not of abuse
        "Штурмовики обнаружили бойцов ВСУ, которые засели в подвале дома, и зачистили подвал.",
        "Бійці ЗСУ штурмували підвал, де засів противник, і звільнили вулицю.",
        # complaints by bloggers about an army are commentary
        "Russian forces sustain high casualties, and milbloggers increasingly complain about poor coordination.",
    ],
)
def test_battle_basements_and_commentary_are_not_relevant(text: str) -> None:
    assert _rules(text)[0] is False


def test_teaser_paragraph_trap_does_not_cancel_a_picket() -> None:
    text = (
        "Во Владимире-Волынском родственники бойцов 51-й механизированной бригады снова пикетируют воинскую "
        "часть. Они требуют демобилизовать бригаду.\n\nТакже в выпуске: прогноз погоды на выходные и афиша."
    )
    assert _rules(text) == (True, "protest")
    same_para = text.replace("\n\n", " ")
    assert _rules(same_para)[0] is False  # the trap in the same paragraph still counts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # prisoners recruited from a colony (codebook §2: coercion)
        (
            "Пригожин подтвердил, что погибший в Украине замбийский студент был завербован в «Вагнер» из колонии.",
            "coercion",
        ),
        (
            "The Wagner chief confirmed that a Zambian student killed in Ukraine was recruited from a Russian prison.",
            "coercion",
        ),
        ("У Росії засудженого завербували з колонії до «Шторм Z» і відправили на фронт.", "coercion"),
        # an official's reply to a soldiers' or relatives' appeal reports that appeal
        ("Губернатор ответил на видео вологжанок, чьи мужья мобилизованы и служат на фронте.", "appeal"),
        ("Губернатор відповів на звернення дружин мобілізованих, які просять повернути чоловіків з фронту.", "appeal"),
    ],
)
def test_prison_recruitment_and_replies_to_appeals(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Вечірнє звернення президента: Зеленський розповів про посилення ППО для військових на фронті.",
        "Губернатор опубликовал видеообращение к жителям области и призвал мобилизованных к спокойствию.",
        "In his nightly address the president thanked the soldiers of the 47th brigade.",
    ],
)
def test_official_addresses_are_not_appeals(text: str) -> None:
    assert _rules(text)[0] is False


@pytest.mark.parametrize(
    "text",
    [
        # a mood is not a gathering; being deceived is not being deceived into enlisting
        "Власти видят протестные настроения среди жён мобилизованных и родственников военных.",
        "Експерти пишуть про протестні настрої серед родин мобілізованих військових.",
        "Политика лицемерна: все помнят, сколько раз его обманули, а платят за это жизни русских солдат.",
    ],
)
def test_protest_moods_and_plain_deceit_are_not_events(text: str) -> None:
    assert _rules(text)[0] is False


def test_deceived_into_enlisting_is_coercion() -> None:
    text = "Семерых индийцев обманом заставили подписать контракт с армией России и отправили на фронт."
    assert _rules(text) == (True, "coercion")
    uk = "Студентів з Африки обманом завербували до армії РФ і відправили на фронт, розповіли їхні рідні."
    assert _rules(uk) == (True, "coercion")


@pytest.mark.parametrize(
    "text",
    [
        # extortion from civilians for dodging the draft is not abuse of service members
        "Сотрудники военкоматов вымогают у мирных жителей деньги за отсрочку, чтобы не попасть на фронт.",
        "Співробітники ТЦК вимагали гроші від ухилянтів за відстрочку, повідомило ДБР.",
    ],
)
def test_draft_bribes_from_civilians_are_not_abuse(text: str) -> None:
    assert _rules(text)[0] is False


def test_refusing_without_leave_is_a_refusal_leaving_is_desertion() -> None:
    refused = (
        "Суд отклонил иск росгвардейцев: в составе подразделения они «самовольно отказались выполнять "
        "служебное задание» и вернулись к месту службы."
    )
    assert _rules(refused) == (True, "refusal")
    left = "Військовий суд встановив, що контрактник самовільно покинув частину і два місяці переховувався вдома."
    assert _rules(left) == (True, "desertion")


@pytest.mark.parametrize(
    "text",
    [
        # an appeal is public: grumbling "in private conversations" reported second-hand is not one
        "Военные в частных разговорах жалуются, что армия не сможет воевать дольше двух недель, пишет газета.",
        "Військові у приватних розмовах скаржаться на брак снарядів, пише видання.",
        "Officers complain in private conversations that the army could not fight for more than two weeks.",
    ],
)
def test_private_grumbling_is_not_an_appeal(text: str) -> None:
    assert _rules(text)[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "В Томской области из части сбежали восемь военнослужащих, сообщил глава района.",
        "Шестеро военнослужащих покинули часть и уехали на такси; все они ранее самовольно оставляли часть.",
        "Троє військовослужбовців втекли з частини на Житомирщині, їх розшукує поліція.",
    ],
)
def test_leaving_the_unit_in_other_word_orders(text: str) -> None:
    assert _rules(text) == (True, "desertion")


# --- H10: wordings the reports-dev rules had not seen (own sentences, ru/uk/en) ---------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # relatives gathering in person: a sit-in, an "акция" held/staged, "зібралися на/біля"
        ("Вчера у здания мэрии прошла акция матерей мобилизованных: они требуют вернуть сыновей домой.", "protest"),
        ("Сьогодні біля ОДА зібралися дружини військових 72-ї бригади: вимагають демобілізації.", "protest"),
        ("Wives of mobilised men from Omsk staged a sit-in outside the regional government building.", "protest"),
        # dismissal for refusing; Rosgvardia riot police are service members
        ("Восьмерых бойцов ОМОНа Росгвардии из Пскова уволили за отказ ехать на спецоперацию.", "refusal"),
        ("Eight Rosgvardia riot police officers were fired for refusing to go to the war in Ukraine.", "refusal"),
        # a commander's audio message about his troops is a recorded appeal
        ("Командир 40-й бригады морской пехоты записал аудиосообщение: бойцов бросают без артиллерии.", "appeal"),
        ("A brigade commander sent his soldiers a voice message saying he was removed for reporting losses.", "appeal"),
        # the execution of a former fighter by his own group is abuse ("обнуление")
        ("Появилось видео казни бывшего бойца ЧВК «Вагнер», сбежавшего с фронта: его убили кувалдой.", "abuse"),
        # relatives of recruited foreigners / men sent to fight are about combatants
        ("Родственники кубинцев, завербованных в российскую армию, провели акцию у посольства.", "protest"),
        ("Двадцать граждан Кении заманили обещанием работы и отправили воевать под Покровск.", "coercion"),
    ],
)
def test_generalised_wordings(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # aggregates and law, no concrete case
        "Число приговоров за самовольное оставление части выросло: суды рассматривают тысячи таких дел в год.",
        "Parliament passed a law allowing soldiers who went AWOL to return without criminal charges; lawmakers "
        "said tens of thousands of troops could come back.",
        "Минюст внёс движение жён мобилизованных в реестр иностранных агентов.",
        # "Pacific Fleet" is no flight
        "Marines of the Pacific Fleet held exercises near Vladivostok, the ministry of defence said.",
    ],
)
def test_aggregates_law_and_registers_are_not_events(text: str) -> None:
    assert not _rules(text)[0]


def test_staged_protest_is_not_a_staged_video() -> None:
    text = "Relatives of the soldiers of the 155th brigade staged a protest in Vladivostok."
    assert _rules(text) == (True, "protest")


def test_asking_for_help_does_not_outrank_deception() -> None:
    # codebook §2: deceived foreigners asking to come home were coerced; only a recorded appeal wins over it
    text = "Семерых граждан Непала обманом завербовали в армию РФ, теперь они просят о помощи вернуться домой."
    assert _rules(text) == (True, "coercion")


def test_refusers_held_in_basements_are_a_refusal() -> None:
    # codebook §2: "the detention of 234 men who refused is a refusal"
    text = "Отказников 3-й бригады держат в подвале в Брянке: военные отказались возвращаться на передовую."
    assert _rules(text) == (True, "refusal")


@pytest.mark.parametrize(
    "text",
    [
        # commentary on moods (codebook §1: no concrete case)
        "Власти видят протестные настроения: протест жён мобилизованных, недовольство в регионах, злость патриотов.",
        # a negated modal after the cue
        "Отказаться от службы он не мог, поэтому в 1994 году вернулся в свою часть под Москвой.",
        # a cesspit is not a pit for soldiers
        "Снаряд попал в выгребную яму у позиций 3-й роты, бойцы не пострадали.",
    ],
)
def test_commentary_negated_modals_and_cesspits(text: str) -> None:
    assert not _rules(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Представитель Минобороны отказался комментировать удар ВСУ по складу под Белгородом.",
        "Речник бригади відмовився коментувати втрати ЗСУ під Покровськом.",
        "A spokesman for the armed forces refused to comment on the strike.",
    ],
)
def test_declining_to_comment_is_no_refusal(text: str) -> None:
    assert not _rules(text)[0]


# --- issue #3: construction families for unseen wording (own sentences, ru/uk/en) -------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # commanders' extortion: money for leave, for staying out of assaults
        ("Командир роты берёт деньги с бойцов за отпуск и за перевод в тыл, рассказали военнослужащие.", "abuse"),
        ("Командир батальйону брав гроші за відпустки з підлеглих, повідомили в ДБР.", "abuse"),
        ("Soldiers say their battalion commander charges them for leave and takes money for transfers.", "abuse"),
        # a relative's public post about a soldier is an appeal
        ("Мать контрактника написала во «ВКонтакте», что сына третий месяц держат на позициях без ротации.", "appeal"),
        # pressure to sign: imperfectives, threats, prisoners promised a pardon
        ("Срочников под Белгородом вынуждают подписывать контракты, угрожая уголовными делами.", "coercion"),
        ("Строковиків змушують підписувати контракти з Міноборони, розповіли їхні матері.", "coercion"),
        ("Conscripts were made to sign contracts after officers threatened them with prison.", "coercion"),
        # not returning from leave, leaving the place of service
        ("Мобилизованный не вернулся из отпуска в часть и два месяца скрывался у родственников.", "desertion"),
        ("ДБР повідомило про підозру військовому, який залишив місце служби і переховувався в Одесі.", "desertion"),
        ("A military court jailed a soldier for failing to return to his unit after leave.", "desertion"),
        # refusing to carry out an order
        ("Бойцы 3-й роты отказались выполнять приказ о наступлении без артиллерийской поддержки.", "refusal"),
        ("A Ukrainian soldier who refused to carry out an order to advance was sentenced to five years.", "refusal"),
        # relatives of prisoners of war and of the missing gather in person
        ("Рідні полонених і зниклих безвісти захисників вийшли на акцію в центрі Дніпра.", "protest"),
        ("Wives of soldiers blocked a road in Ulan-Ude to demand their husbands' return.", "protest"),
    ],
)
def test_construction_families(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # kinship words make an actor of a weak one ("бойца" alone needs a military text)
        "Мать погибшего бойца обратилась к губернатору с просьбой найти тело сына.",
        "Мати загиблого бійця оприлюднила у фейсбуці допис про те, що командир покинув поранених.",
        "The wife of a Ukrainian marine wrote on Facebook that her husband has not been rotated for 18 months.",
    ],
)
def test_relatives_of_weak_actors_are_actors(text: str) -> None:
    assert _rules(text)[0]


def test_violence_against_refusers_is_abuse_their_detention_a_refusal() -> None:
    # codebook §2: detention of refusers is a refusal; beatings and threats of execution are abuse
    held = "Отказников 3-й бригады держат в подвале в Брянке: военные отказались возвращаться на передовую."
    beaten = "Отказников 3-й бригады держат в подвалах и избивают, угрожая «обнулить», если они не пойдут в штурм."
    assert _rules(held) == (True, "refusal")
    assert _rules(beaten) == (True, "abuse")
    held_en = "Soldiers who refused to go back were being held in a basement in Bryanka, their relatives said."
    assert _rules(held_en) == (True, "refusal")


@pytest.mark.parametrize(
    "text",
    [
        # a footballer called a deserter; a politician posting; a letter home in a museum; a parade; a retreat
        "«Дезертир года»: болельщики освистали бывшего капитана, перешедшего в клуб-соперник.",
        "Football fans called the striker a deserter after he moved to a rival club.",
        "Troops marched in the Victory Day parade on Red Square on Thursday.",
        "The soldier wrote a letter to his mother from the front, which the museum has now put on display.",
        "Russian troops abandoned their positions near Kherson as Ukrainian forces advanced.",
        "Умерла ветеран Великой Отечественной войны, сфотографированная у Бранденбургских ворот в 1945 году.",
        # explainers: a question, "можно", "how to"
        "Як повернутися зі СЗЧ? Військовий, який уперше самовільно залишив частину, може подати рапорт.",
        "How to return from AWOL: soldiers can apply through the Army+ app until the end of August.",
    ],
)
def test_look_alikes_of_the_new_cues_are_not_events(text: str) -> None:
    assert not _rules(text)[0]


def test_background_paragraph_trap_does_not_cancel_the_case() -> None:
    # "Нагадаємо, ... Кримінальний кодекс передбачає" is the outlet's background, not an explainer
    text = (
        "Суд засудив солдата 57-ї бригади до п'яти років за непокору: він відмовився виконати наказ вийти на позиції."
        "\n\nНагадаємо, за непокору в умовах воєнного стану Кримінальний кодекс передбачає до десяти років."
    )
    assert _rules(text) == (True, "refusal")


def test_a_relatives_post_is_an_appeal_with_the_model() -> None:
    # one post cue (0.7) is below the threshold for the rules alone; the shipped model carries it
    text = "Дружина військового 110-ї бригади написала у фейсбуці, що чоловіка не відпускають після поранення."
    got = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"}))
    assert got.relevant and got.events[0].event_type == "appeal"


# --- issue #3 (H4): codebook 1.3 families, own sentences (ru/uk/en) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the wounded sent back to assaults (codebook §2 names it under abuse): object first, imperfectives, crutches
        ("Раненых бойцов возвращают в окопы прямо из госпиталя, рассказали жёны военных 15-го полка.", "abuse"),
        ("Контрактников после ранения без ВВК отправили обратно в штурмовые группы под Угледаром.", "abuse"),
        ("Поранених бійців повернули на позиції на милицях, розповіли рідні військових 3-ї роти.", "abuse"),
        ("Relatives say wounded soldiers were sent back to assault units straight from hospital.", "abuse"),
        # a gathering in person: placards, going out to a building or a square
        ("Жёны мобилизованных вышли к зданию администрации с плакатами «Верните мужей».", "protest"),
        ("Дружини військових тримали плакати біля будівлі ОДА, вимагаючи демобілізації.", "protest"),
        ("Wives of mobilised men turned up outside the regional parliament holding placards.", "protest"),
        # made to fight, pressed to sign: the coerced men are enlistees (no soldier word needed)
        ("Двох студентів з Індії заманили до російської армії обіцянкою роботи на кухні.", "coercion"),
        ("Мигрантов отвезли в военкомат и давили, чтобы они подписали контракт, пишут правозащитники.", "coercion"),
        ("Мігрантів відвезли до військкомату й тиснули, щоб вони підписали контракт.", "coercion"),
    ],
)
def test_codebook_1_3_families(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # soldiers "marched" to the front are no march of protesters
        "Columns of soldiers marched towards the front near Pokrovsk on Sunday, a drone video shows.",
        # history told by historians is no event of today
        "По оценкам историков, в 1917 году дезертирство из армии стало массовым: солдаты бросали фронт.",
        "Історики досі сперечаються, скільки дезертирів розстріляли загороджувальні загони у 1943 році.",
        # a worker forced to sign a labour contract, with no war anywhere in the text
        "Курьеров заставили подписать новый контракт с агрегатором, пишут профсоюзы.",
        # "forced to fight" whose object is a country: a commentator's claim, no enlistee
        "Философ заявил, что протестующие хотят заставить Армению воевать с Россией.",
    ],
)
def test_look_alikes_of_the_1_3_cues_are_not_events(text: str) -> None:
    assert not _rules(text)[0]


def test_a_recorded_appeal_about_abuse_is_an_appeal_a_request_to_investigate_is_not() -> None:
    # codebook §2: the soldiers' own video appeal is the reported act, whatever treatment it tells of
    video = (
        "Контрактник 20-й бригады записал видеообращение: за отказ идти тем же маршрутом командир приказал "
        "привязать его с сослуживцем к дереву и избил их."
    )
    assert _rules(video) == (True, "appeal")
    # relatives asking the prosecutor to look into a beating someone else filmed: the beating stays the act
    asked = (
        "Подписчики прислали видео, на котором командир роты избивает двух бойцов. "
        "Родные солдат просят военную прокуратуру разобраться."
    )
    assert _rules(asked) == (True, "abuse")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # codebook §2: the refusal told in a relative clause or a participle names the victims; the act is the
        # violence done to them
        ("Под Угледаром командиры расстреляли двоих солдат, которые отказались от выхода на позиции.", "abuse"),
        ("Отказавшихся мобилизованных командир роты бил по ночам, рассказали их жёны.", "abuse"),
        ("Командир батальйону бив солдатів, які відмовлялися виконувати його накази, розповіли рідні.", "abuse"),
        ("Officers executed two soldiers who refused orders near Bakhmut, an independent outlet reported.", "abuse"),
        # with no other act told, the refusers' refusal is the event; told in the main clause it stays one
        ("Military police detained forty soldiers who refused to return to the front line.", "refusal"),
        ("Солдаты 5-й роты отказались выполнять приказ, за это их наказали.", "refusal"),
        # describing the people is all the text tells near them: the refusal is still the event, not a later remark
        (
            "Двести контрактников из Тувы, отказавшихся воевать, вернулись домой.\n\n"
            "Правозащитники говорят, что после этого обращений за помощью стало вдвое больше.",
            "refusal",
        ),
    ],
)
def test_a_refusal_in_a_relative_clause_names_the_victims(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # imperfectives and the place first
        ("Жёны мобилизованных рассказали, что в их полку командиры обнуляли раненых.", "abuse"),
        ("У Горлівці в підвалі тримають військових 1-ї бригади, кажуть рідні.", "abuse"),
        ("Рідні кажуть, що у полку практикують «обнулення» солдатів, які скаржилися.", "abuse"),
        # slang for the mobilised, captives as actors, motor rallies, the parade ground, the building first
        ("Родственники мобиков из Бурятии устроили пикет у здания правительства.", "protest"),
        ("У Рівному рідні полонених захисників влаштували автопробіг містом.", "protest"),
        ("Около сотни мобилизованных вышли на плац и потребовали выплат.", "protest"),
        ("На полигоне под Омском бунтуют мобилизованные: они требуют обещанных денег.", "protest"),
        ("Мобілізовані з Бурятії бунтують на полігоні, вимагаючи обіцяних грошей.", "protest"),
        ("A platoon commander struck a conscript with a rifle butt, the soldier's father said in a post.", "abuse"),
        ("К зданию администрации пришли жёны мобилизованных из Курска.", "protest"),
        # English ranks, sailors of the navy, leaving the unit, insubordination, pressing to sign
        ("A sergeant at a training ground beat two recruits after they asked for leave, investigators said.", "abuse"),
        ("A navy sailor was jailed for five years for deserting his ship in Sevastopol.", "desertion"),
        ("Two conscripts left military unit 12345 near Pskov without permission on Sunday night.", "desertion"),
        ("Ten soldiers were charged with insubordination in Zaporizhzhia region on Monday.", "refusal"),
        ("Job-centre staff pressed jobless men to sign military contracts, threatening to cut benefits.", "coercion"),
        ("Вернувшиеся из плена рассказали, что охрана склоняла солдат вступить в добровольческий полк.", "coercion"),
    ],
)
def test_h5_cue_families(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a merchant crew, a motor rally of fans, a parade ground of cadets on a holiday, a hiker who left his group
        "Sailors of a cargo ship stranded in Odesa complained about unpaid wages.",
        "Фанаты «Зенита» устроили автопробег по Петербургу в честь чемпионства.",
        "Two tourists left their tour group without permission and were found by rescuers in the mountains.",
    ],
)
def test_look_alikes_of_the_h5_cues_are_not_events(text: str) -> None:
    assert not _rules(text)[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # codebook §2: a refusal told as the reason or the time of another act says why it befell them; the beating or
        # the shooting is the reported act (written for this test)
        ("Командир роты избил рядового после того, как тот отказался ехать на позиции, рассказал его брат.", "abuse"),
        ("Командир роти побив мобілізованого після того, як той відмовився виконувати наказ, пише сестра.", "abuse"),
        ("The sergeant beat a private after he refused to go back to the trenches, his mother said.", "abuse"),
        ("A mobilised man from Perm was shot dead by his own company commander, his widow says.", "abuse"),
        ("Мати солдата каже, що командир розстріляв її сина за відмову йти на позиції.", "abuse"),
        # told as the act itself, or with nothing else done to them, the refusal stays the event
        ("Military police detained twelve soldiers who refused to return to their positions.", "refusal"),
        ("Двадцать мобилизованных отказались идти в штурм, после этого их отправили в тыл.", "refusal"),
        ("Трьох строковиків засудили за відмову їхати на полігон.", "refusal"),
    ],
)
def test_a_refusal_told_as_the_reason_names_why(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a gathering or a march told with its demand in one sentence is a protest in person (codebook `with_purpose`)
        ("Кількадесят дружин мобілізованих пройшли ходою вулицями Черкас з вимогою демобілізації.", "protest"),
        ("Родственники военных вышли на набережную, требуя назвать сроки демобилизации.", "protest"),
        ("Жёны мобилизованных вышли на марш по центру Барнаула.", "protest"),
        (
            "About thirty wives of mobilised soldiers came to the regional parliament on Friday to demand rotation.",
            "protest",
        ),
        ("Parents of conscripts marched through the city centre on Sunday demanding their sons' return.", "protest"),
        # the demand told in the next sentence of the paragraph
        ("Около сотни жён мобилизованных собрались у штаба округа. Они требовали вернуть мужей домой.", "protest"),
        ("Рідні військових зібралися біля ОДА в Житомирі. Вони закликали визначити терміни служби.", "protest"),
        # a recorded appeal that demands stays an appeal
        ("Дружини мобілізованих записали відеозвернення з вимогою демобілізації.", "appeal"),
        # money collected from subordinates under threat, a commander shooting his own man
        ("Командир взвода собирал с подчинённых по три тысячи рублей, угрожая отправить их в штурм.", "abuse"),
        ("Командир роти щомісяця збирав з підлеглих гроші, погрожуючи відправити їх на передову.", "abuse"),
        ("A company commander collected cash from his subordinates every month, a military court found.", "abuse"),
        # held or pressed until they sign: coercion, though the mothers complain
        ("Срочников держали в казарме, пока они не подпишут контракт, жалуются их матери.", "coercion"),
        ("Строковиків не відпускали додому, поки не підпишуть контракт, скаржаться батьки.", "coercion"),
        ("Conscripts were locked in their barracks until they signed contracts, their mothers complained.", "coercion"),
    ],
)
def test_codebook_1_5_families(text: str, kind: str) -> None:
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # fiction, a history column, an official addressing the troops, a columnist's view, a trend told by captives
        "Новый художественный фильм рассказывает о солдате, который дезертировал из части и прячется в тайге.",
        "Серіал про вигаданого солдата, який дезертирував з фронту, вийшов на екрани.",
        "On this day in 1916, whole battalions of the army refused to return to the trenches.",
        "Губернатор записал видеообращение к землякам, которые служат в зоне СВО: «Мы гордимся вами».",
        "The defence minister recorded a video message to the troops on the front line, thanking them.",
        "There is no evidence of mass desertion among the mobilised soldiers, our columnist writes.",
        "Пленные говорят, что в их армии дезертирство стало массовым.",
    ],
)
def test_fiction_history_addresses_and_opinion_are_not_events(text: str) -> None:
    assert not Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"})).relevant
    assert not _rules(text)[0]


def _typed(text: str) -> tuple[bool, str | None]:
    """Relevance and first event type with the shipped model."""
    got = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"}))
    return got.relevant, (got.events[0].event_type if got.events else None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # leaving one's unit is a soldier's act: "военный", "військовий" name service members in such a text
        ("Гарнизонный суд дал три года военному, который в марте не вернулся в часть после отпуска.", "desertion"),
        ("Троє військових втекли з частини під Рівним у ніч на неділю, їх розшукують.", "desertion"),
        # a hyphenated compound names the man by either half
        ("В Бишкеке задержали контрактника-беглеца: летом он сбежал из части под Белгородом.", "desertion"),
        # a preposition's other form inside a cue ("контракт з армією" / "із армією")
        ("Шістьох студентів із Гани обманом змусили підписати контракт із армією РФ.", "coercion"),
        # a contract with the army makes its signer an enlistee (as en "army contract")
        ("Около тридцати мигрантов в Подмосковье вынудили подписать армейские контракты.", "coercion"),
        # "fighters" as ru "бойцы", uk "бійці"
        ("Twenty fighters of a volunteer battalion refused on Monday to advance, their mothers say.", "refusal"),
    ],
)
def test_a_soldiers_act_and_compound_actor_words_name_service_members(text: str, kind: str) -> None:
    assert _typed(text) == (True, kind)
    assert _rules(text) == (True, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a claim adverb hedges what follows it: the tying is told as a fact, the drinking as a claim
        ("Сержант привязал к столбу двух мобилизованных за то, что они якобы ушли без спроса.", "abuse"),
        ("Офіцер прив'язав до дерева двох мобілізованих за те, що вони нібито заснули на посту.", "abuse"),
        # a negator of another clause does not cancel the cue: "тех, кто не сдаёт, избивают"
        ("В роте под Угледаром тех контрактников, кто не сдаёт деньги, командир избивает.", "abuse"),
        # a commander demanding money from his men (uk "вимагати з", as ru "требовать с")
        ("Командир батальйону вимагає з підлеглих по двісті доларів щомісяця, розповіла дружина бійця.", "abuse"),
        # a petition handed in person is a protest (codebook §2)
        ("Жёны мобилизованных вручили петицию о ротации в приёмной губернатора в среду.", "protest"),
        ("Wives of mobilised men handed a petition demanding rotation to the governor's office on Monday.", "protest"),
        # still in a cast and sent to the assault again
        ("A marine with his arm still in a cast was sent back into an assault, his mother says.", "abuse"),
        ("Мобилизованного с загипсованной рукой снова отправили в штурм, рассказала его жена.", "abuse"),
    ],
)
def test_session_6_round_2_families(text: str, kind: str) -> None:
    assert _typed(text) == (True, kind)


def test_a_claimed_act_stays_hedged() -> None:
    from sitrep.extract.engine import Engine

    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    sig = engine.signals("Бойцы 1428-го полка якобы отказались идти в штурм.", "ru")
    assert sig.hedged and all((h.sentence, h.start) in sig.hedged for h in sig.type_hits)


@pytest.mark.parametrize(
    "text",
    [
        "Сегодня годовщина: в мае 1917 года солдаты целыми ротами дезертировали с фронта.",
        "У 1944 році мобілізовані цілими ротами відмовилися йти в атаку.",
        "In 1943 a whole penal company deserted from the front near Kursk.",
    ],
)
def test_an_act_dated_a_century_ago_is_history(text: str) -> None:
    assert not _typed(text)[0]
    recent = text.replace("1917", "2023").replace("1944", "2023").replace("1943", "2023")
    assert _typed(recent)[0]
