"""Codebook 1.10: the combos and traps written from team-heldout-12's errors — a letter to an authority (appeal), not
going into an attack (refusal), the wounded sent back to fight (abuse), signing after a threat and an ultimatum
(coercion), a gathering at a regional administration (protest); drills, bills and fundraisers as traps; a quoted
battalion name after its region. Sentences are written for these tests, in ru, uk and en, with the near misses each
rule must leave alone."""

from __future__ import annotations

import pytest
from extract_helpers import cue_types, verdict

from sitrep.extract.units import find_units

_types = cue_types
_extract = verdict


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Матери мобилизованных из Тамбовской области написали губернатору: их сыновей держат под Кременной.", "ru"),
        ("Жёны десантников направили письмо Путину с просьбой вернуть мужей домой.", "ru"),
        ("Дружини бійців 58-ї бригади написали президентові: їх не ротують з осені.", "uk"),
        ("Relatives of the 1231st regiment's mobilised men wrote to the governor asking for their return.", "en"),
    ],
)
def test_a_letter_to_an_authority_is_an_appeal(text: str, lang: str) -> None:
    assert _types(text, lang).get("appeal", 0.0) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Губернатор написал в своём канале, что мобилизованные получат выплаты.", "ru"),  # the governor's own post
        ("Губернатора попросили написать ответ бойцам.", "ru"),  # not in the dative
        ("The governor wrote that the soldiers would be paid.", "en"),
    ],
)
def test_a_governors_own_post_is_no_letter_to_him(text: str, lang: str) -> None:
    assert _types(text, lang).get("appeal", 0.0) < 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Около сорока мобилизованных не пошли в штурм под Работино после гибели ротного.", "ru"),
        ("Двадцять бійців не вийшли на позиції біля Кліщіївки, кажуть їхні рідні.", "uk"),
        ("Some forty mobilised men would not go on an attack near Robotyne, their relatives say.", "en"),
        ("Пятнадцать срочников не сели в эшелон, который должен был везти их к границе.", "ru"),
    ],
)
def test_not_going_into_an_attack_is_a_refusal(text: str, lang: str) -> None:
    assert _types(text, lang).get("refusal", 0.0) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Солдаты не пошли в столовую, потому что там не было света.", "ru"),  # no fight word
        ("The men did not go home for the holidays.", "en"),
    ],
)
def test_not_going_elsewhere_is_no_refusal(text: str, lang: str) -> None:
    assert _types(text, lang).get("refusal", 0.0) < 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Семерых раненых бойцов 35-й бригады выписали из госпиталя и вернули на штурмы под Угледаром.", "ru"),
        ("Поранених морпіхів виписали з госпіталю і відправили на штурм через тиждень після операції.", "uk"),
        ("Wounded soldiers of the 155th brigade were discharged from hospital and sent back to the front.", "en"),
    ],
)
def test_the_wounded_sent_back_to_fight_is_abuse(text: str, lang: str) -> None:
    assert _types(text, lang).get("abuse", 0.0) >= 0.9


def test_a_soldier_returning_to_the_front_after_treatment_is_no_abuse() -> None:
    # "вернулся" (he returned), not "вернули" (they sent him)
    assert _types("После лечения в госпитале боец вернулся на фронт.", "ru").get("abuse", 0.0) < 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("About thirty inmates of a colony near Omsk signed army contracts after being threatened with charges.", "en"),
        ("Работникам завода предложили подписать контракт с Минобороны или увольнение по статье.", "ru"),
        ("Працівникам шахти сказали: контракт із ЗСУ або звільнення.", "uk"),
        ("Staff at the factory were told to sign a military contract or be fired.", "en"),
    ],
)
def test_a_threat_or_an_ultimatum_to_sign_is_coercion(text: str, lang: str) -> None:
    assert _types(text, lang).get("coercion", 0.0) >= 0.9


def test_a_guard_post_promised_and_an_assault_company_given_is_coercion() -> None:
    text = "Двадцать резервистов записывались охранять склады, а через месяц их перевели в штурмовую роту."
    assert _types(text, "ru").get("coercion", 0.0) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "Во время учений в Псковской области условный противник «дезертировал» с позиций после первой атаки.",
        "During the exercise in Latvia, troops practised evacuating casualties and refusing passage to a notional foe.",
        "Верховна Рада ухвалила в першому читанні законопроєкт про нові правила повернення з СЗЧ.",
        "Обласна філармонія звернулася до слухачів із закликом підтримати збір на дрони для 72-ї бригади.",
    ],
)
def test_drills_bills_and_fundraisers_are_not_events(text: str) -> None:
    relevant, _ = _extract(text)
    assert not relevant


def test_the_traps_leave_a_real_case_alone() -> None:
    text = (
        "Двенадцать мобилизованных 1427-го полка отказались идти в штурм под Кременной, рассказали их жёны. "
        "Их заперли в подвале."
    )
    relevant, kind = _extract(text)
    assert relevant and kind == "refusal"


def test_a_quoted_battalion_name_after_its_region() -> None:
    text = 'About twenty volunteers of the Kursk "Seym" battalion refused to advance.'
    assert [u.name for u in find_units(text, 0, len(text))] == ["Seym battalion"]
    text = "The Kursk Oblast battalion held the line."  # a region and a kind, no name
    assert find_units(text, 0, len(text)) == []


def test_a_combo_across_clauses_takes_its_near_cue_from_the_sentence_before() -> None:
    text = (
        "A video posted to Telegram yesterday shows twenty soldiers of the 58th brigade near Toretsk. "
        "They say they have not been rotated for nine months and ask for leave."
    )
    relevant, kind = _extract(text)
    assert relevant and kind == "appeal"


def test_a_digests_next_line_lends_no_near_cue() -> None:
    text = (
        "Коротко к утру:\n— Синоптики обещают мокрый снег до выходных.\n"
        "— Волонтёры отправили на фронт очередную партию маскировочных сетей."
    )
    relevant, _ = _extract(text)
    assert not relevant


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Командир роты заставлял подчинённых отдавать ему половину боевых выплат.", "ru"),
        ("Військових змушували віддавати заступнику командира половину страхових виплат.", "uk"),
        ("Soldiers were forced to hand over half their combat pay to the deputy commander.", "en"),
    ],
)
def test_being_made_to_hand_over_pay_is_abuse(text: str, lang: str) -> None:
    assert _types(text, lang).get("abuse", 0.0) >= 0.9


def test_paying_lawyers_of_ones_own_will_is_no_extortion() -> None:
    assert _types("Трое призывников отдали юристам деньги за отсрочку.", "ru").get("abuse", 0.0) < 0.9


def test_a_drill_with_units_practising_is_no_event() -> None:
    text = "NATO troops began an exercise in Estonia in which units practise refusing passage to a notional convoy."
    relevant, _ = _extract(text)
    assert not relevant


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("A conscript jumped off a military train at Rossosh station and vanished.", "en", "desertion"),
        ("Контрактник спрыгнул с воинского эшелона под Лисками и скрылся.", "ru", "desertion"),
        ("Forty recruits of the 151st brigade walked off a training ground near Yavoriv.", "en", "desertion"),
        ("Выпускникам объявили: либо контракт с Минобороны, либо вернуть 200 тысяч за обучение.", "ru", "coercion"),
        ("Бійці підписали, як їм сказали, відомості на виплати. Насправді контракти з Міноборони.", "uk", "coercion"),
        ("They signed what they were told were pay sheets; the papers turned out to be contracts.", "en", "coercion"),
        ("Командиры под Кураховом требовали по 30 тысяч рублей за эвакуацию раненых.", "ru", "abuse"),
        ("Commanders near Kurakhove demanded 30,000 roubles for evacuating the wounded.", "en", "abuse"),
    ],
)
def test_set_13_structures(text: str, lang: str, kind: str) -> None:
    assert _types(text, lang).get(kind, 0.0) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Ротный, угрожая автоматом, заставил солдата переписать на него машину.", "ru", "abuse"),
        ("Мобилизованный выпрыгнул из вагона воинского эшелона и ушёл в лес.", "ru", "desertion"),
        ("Ten men who went to Moscow for jobs as couriers ended up in the Russian army.", "en", "coercion"),
    ],
)
def test_set_13_structures_round_2(text: str, lang: str, kind: str) -> None:
    assert _types(text, lang).get(kind, 0.0) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "On 12 May 1916, dozens of infantrymen said they would not go back to the trenches. The episode is a legend.",
        "Психолог пояснює, чому бійці після ротації відмовляються говорити з рідними про фронт.",
        "Opinion: soldiers complain everywhere of endless deployments, and the Kremlin will pay for it.",
        "Комбриг записав відеозвернення до побратимів, подякувавши за підтримку в річницю бригади.",
        "Окупанти все частіше відмовляються йти в штурми, свідчать перехоплення.",
    ],
)
def test_history_explainers_opinion_thanks_and_trends_are_no_events(text: str) -> None:
    relevant, _ = _extract(text)
    assert not relevant


def test_a_mans_year_of_birth_makes_no_history() -> None:
    text = (
        "У неділю на Львівщині прикордонники затримали військового, який перебував у СЗЧ. "
        "Чоловік 1979 року народження ще в січні самовільно залишив частину."
    )
    relevant, kind = _extract(text)
    assert relevant and kind == "desertion"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A drunk company commander held a subordinate at gunpoint and forced him to sign over his car.", "en"),
        ("Командир роти під погрозою автомата змусив підлеглого переоформити на нього свій позашляховик.", "uk"),
        ("A deputy commander forced 12 subordinates to transfer 20,000 hryvnias a month from their combat pay.", "en"),
        ("Ротний 5-ї танкової бригади влаштовує «бої без правил» між своїми ж підлеглими.", "uk"),
    ],
)
def test_set_13_abuse_over_coercion(text: str, lang: str) -> None:
    relevant, kind = _extract(text)
    assert relevant and kind == "abuse"


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Nine fans detained after a brawl were given a choice between charges and army contracts.", "en", "coercion"),
        ("Задержанным фанатам предложили выбор: уголовное дело или контракт с Минобороны.", "ru", "coercion"),
        ("Сиротам запропонували підписати контракт із Міноборони в обмін на житло поза чергою.", "uk", "coercion"),
        ("Им дали на подпись документы, сказав, что это договор; на деле это были контракты.", "ru", "coercion"),
        ("A deputy company commander used a stun gun on two subordinates of the 108th brigade.", "en", "abuse"),
        ("About a dozen wives of mobilized men held signs outside the regional legislature.", "en", "protest"),
    ],
)
def test_set_14_structures(text: str, lang: str, kind: str) -> None:
    assert _types(text, lang).get(kind, 0.0) >= 0.9


def test_a_digests_weather_line_is_no_trap_for_its_desertion_line() -> None:
    text = (
        "Коротко за выходные:\n— В ночь на субботу двое военнослужащих в/ч 12345 ушли с полигона под Миллерово.\n"
        "— В Ростове открылся сезон ярмарок.\n— Погода: к среде похолодает до +5."
    )
    relevant, kind = _extract(text)
    assert relevant and kind == "desertion"


@pytest.mark.parametrize(
    "text",
    [
        "Офіс омбудсмана за пів року отримав понад дві тисячі звернень від військовослужбовців та їхніх родин.",
        "Бійці 47-ї бригади записали відеозвернення з подякою волонтерам за дрони.",
        "'The Runaway', a drama about a soldier who deserts, premieres at the festival this week.",
        "Розвідка: у російських підрозділах зростає кількість відмов іти в штурми.",
    ],
)
def test_set_14_non_events(text: str) -> None:
    relevant, _ = _extract(text)
    assert not relevant


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        (
            "Nine conscripts of military unit 12345 were pressured by officers into taking out loans.",
            "en",
            "abuse",
        ),
        ("Комбат 237-го полку покарав бійців: четверо мали руками розміновувати поле.", "uk", "abuse"),
        (
            "Wives of servicemen of military unit 08318 have written to Governor Kuznetsov about their husbands.",
            "en",
            "appeal",
        ),
    ],
)
def test_set_14_types(text: str, lang: str, kind: str) -> None:
    relevant, got = _extract(text)
    assert relevant and got == kind
