"""Codebook combos (codebook 1.9): two cues of one clause that tell a type together — a commander doing harm to his
men (abuse), pressure to sign (coercion), a recorded message in which they ask (appeal) — in ru, uk and en; the
morphology that tells the doer from the man the act befell; combos in a codebook of its own; and the place, date and
run fixes written with them. Sentences are written for these tests in the manner of team-heldout-9's texts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from extract_helpers import cue_types

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.codebook import check_codebook
from sitrep.extract.dates import find_dates
from sitrep.extract.engine import Engine
from sitrep.extract.places import default_gazetteer, find_places
from sitrep.extract.text import tokenize

_types = cue_types


def _first_type(text: str, published: str = "2024-11-20T10:00:00+02:00") -> str | None:
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": published}))
    return ext.events[0].event_type if ext.events else None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("В начале ноября под Сватово командир батальона застрелил мобилизованного из Калужской области.", "ru"),
        ("Командиры заперли около двенадцати бойцов в неотапливаемом контейнере под Новомихайловкой.", "ru"),
        ("Мобилизованный был застрелен командиром роты под Сватово.", "ru"),
        ("Командири 39-ї бригади протримали близько 12 військових у металевому контейнері на морозі.", "uk"),
        ("На початку листопада під Сватовим командир батальйону застрелив мобілізованого.", "uk"),
        ("A battalion commander near Svatove shot dead a mobilised soldier from Kaluga region.", "en"),
        (
            "Officers of the 39th Guards Motor Rifle Brigade locked about a dozen soldiers in a shipping container.",
            "en",
        ),
        ("A mobilised soldier was shot dead by his battalion commander near Svatove.", "en"),
    ],
)
def test_a_commander_harming_his_men_is_abuse(text: str, lang: str) -> None:
    assert _types(text, lang).get("abuse", 0.0) >= 1.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Под Сватово командир батальона убит, его заместитель ранен.", "ru"),  # the commander suffered it
        ("Командира батальона застрелили при обстреле.", "ru"),  # the commander, in the accusative, was shot
        ("Командир сказал, что солдаты заперли пленных в подвале.", "ru"),  # another clause, another doer
        ("Командира батальйону вбили під час обстрілу.", "uk"),
        ("The battalion commander was shot dead during shelling near Svatove.", "en"),  # passive: he was shot
        ("The commander said that his men locked the gate.", "en"),  # another clause
    ],
)
def test_a_commander_who_suffered_or_told_it_is_no_abuse(text: str, lang: str) -> None:
    assert _types(text, lang).get("abuse", 0.0) < 1.0


def test_the_refusal_that_was_its_reason_does_not_outvote_the_shooting() -> None:
    assert (
        _first_type(
            "Сослуживцы рассказали, что в начале ноября под Сватово командир батальона застрелил мобилизованного "
            "после отказа идти в штурм."
        )
        == "abuse"
    )
    assert (
        _first_type(
            "A battalion commander near Svatove shot dead a mobilised soldier in early November after he refused to "
            "join an assault, fellow soldiers said."
        )
        == "abuse"
    )
    # a complaint the punishment was for names why, not what: abuse, not an appeal
    assert (
        _first_type(
            "Командири 39-ї мотострілецької бригади у середині січня протримали близько 12 військових у контейнері на "
            "морозі — за те, що ті скаржилися на брак їжі."
        )
        == "abuse"
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Около двадцати рабочих доставили в военкомат, где их запугивали и требовали подписать контракт.", "ru"),
        ("Близько двадцяти мігрантів відвезли до військкомату й тиснули, щоб вони підписали контракт.", "uk"),
        ("About twenty migrant workers were taken to the enlistment office and pressured to sign contracts.", "en"),
    ],
)
def test_pressure_to_sign_is_coercion(text: str, lang: str) -> None:
    assert _types(text, lang).get("coercion", 0.0) >= 0.9


def test_pressure_and_a_contract_in_other_clauses_are_no_combo() -> None:
    # "требовали" and "подписать" too far apart and across a comma
    text = "Бойцы требовали выплат, которые им обещали, а контракт они подписали ещё в марте."
    assert _types(text, "ru").get("coercion", 0.0) < 0.9


def test_a_raid_with_pressure_to_sign_is_coercion_not_abuse() -> None:
    assert (
        _first_type(
            "Сегодня полиция вместе с сотрудниками военкомата провела рейд на стройке. Около двадцати рабочих, "
            "получивших российское гражданство, доставили в военкомат, где их запугивали и требовали подписать "
            "контракт с Минобороны.",
            "2024-08-14T21:00:00+03:00",
        )
        == "coercion"
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "На видео, опубликованном вчера, двадцать бойцов 126-й бригады просят командование пересмотреть решение.",
            "ru",
        ),
        ("У відео, яке вчора оприлюднив канал, двадцять бійців просять командування переглянути рішення.", "uk"),
        ("In a video released on Wednesday by a local channel, twenty soldiers ask the command to reconsider.", "en"),
    ],
)
def test_soldiers_asking_in_a_video_is_an_appeal(text: str, lang: str) -> None:
    assert _types(text, lang).get("appeal", 0.0) >= 0.9


def test_a_participle_after_a_video_is_no_request() -> None:
    # real stream (BBC Russian): "videos meant to show the successes" is no soldiers' request
    text = (
        "Он называет себя «каналом военнослужащих ВДВ». В нем регулярно публикуются видео, призванные показывать "
        "успехи."
    )
    assert _types(text, "ru").get("appeal", 0.0) < 0.9


def test_the_infantry_transfer_of_recruits_is_coercion() -> None:
    assert (
        _first_type(
            "About thirty volunteers who signed up last autumn to serve as drone operators were moved in December to "
            "the infantry of the 152nd Jaeger Brigade and sent to positions near Pokrovsk, an investigation found.",
            "2025-01-20T10:00:00+02:00",
        )
        == "coercion"
    )


def _spec(combos: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": "shipyard",
        "version": "1",
        "relevance_threshold": 0.5,
        "actors": {"en": ["sailor", "sailors", "crew"]},
        "event_types": {
            "beating": {
                "description": "officers beat sailors",
                "priority": 1,
                "cues": {"en": [["flogged", 1.0]]},
                "combos": combos,
            },
        },
    }


def test_a_codebook_of_its_own_gets_its_combos(tmp_path: Path) -> None:
    path = tmp_path / "shipyard.yaml"
    combo = {
        "weight": 1.0,
        "near_is_doer": True,
        "near": {"en": ["bosun"]},
        "act": {"en": ["kicked"]},
        "passive": {"en": ["was"]},
    }
    path.write_text(yaml.safe_dump(_spec([combo]), allow_unicode=True), encoding="utf-8")
    book, errors = check_codebook(path)
    assert book is not None and not errors
    ex = Extractor.load(path)

    def kind(text: str) -> str | None:
        out = ex.extract(report_from_doc({"id": "x", "text": text}))
        return out.events[0].event_type if out.events else None

    assert kind("The bosun kicked two sailors on deck.") == "beating"
    assert kind("The bosun was kicked by two sailors on deck.") is None
    assert kind("Two sailors kicked a ball on deck.") is None  # no bosun


def test_codebook_check_names_a_combo_word_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    combo = {"weight": 1.0, "near": {"en": ["bosun"]}, "act": {"en": ["kicked"]}, "passive": {"en": ["has been"]}}
    path.write_text(yaml.safe_dump(_spec([combo])), encoding="utf-8")
    _, errors = check_codebook(path)
    assert any("event_types.beating.combos.0.passive.en.0" in e and "one whole word" in e for e in errors)


# -- places: an outlet's town, a square, a delta, a checkpoint, an oblast's institution -------------------------


def _places(text: str, lang: str) -> list[str]:
    return [h.place.name for h in find_places(text, tokenize(text, lang), default_gazetteer(), lang)]


def test_the_town_of_an_outlet_is_no_place_of_the_event() -> None:
    assert _places("Видеообращение выложил одесский канал «Одеса на зв'язку». Бойцы под Херсоном.", "ru") == ["Kherson"]
    assert _places(
        "In a video released by the Odesa Telegram channel Odesa na zviazku, men near Kherson ask", "en"
    ) == ["Kherson"]
    assert _places("Soldiers near Svatove said in messages published by the channel Kaluga bez filtrov.", "en") == [
        "Svatove"
    ]


def test_a_square_and_a_river_delta_are_no_towns() -> None:
    assert _places("Позавчора на Соборному майдані в Житомирі близько 250 рідних вийшли на акцію.", "uk") == [
        "Zhytomyr"
    ]
    assert _places("Їх відправляють на острови в дельті Дніпра під Херсоном.", "uk") == ["Kherson"]


def test_a_checkpoint_named_in_quotes_is_its_town() -> None:
    assert "Krakovets" in _places("Сьогодні на пункті пропуску «Краковець» прикордонники знайшли військового.", "uk")
    assert "Krakovets" in _places("Вчера на КПП «Краковец» пограничники обнаружили военного.", "ru")


def test_an_oblast_institution_sits_in_the_oblast_centre() -> None:
    assert _places(
        "Кілька сотень рідних вийшли на мітинг біля Вінницької обласної військової адміністрації.", "uk"
    ) == ["Vinnytsia"]
    assert _places("Около 15 жён мобилизованных пришли к зданию Владимирской областной администрации.", "ru") == [
        "Vladimir"
    ]


# -- dates ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("who deserted from his unit in late August 2024 has surfaced", "2024-08-01"),
        ("наприкінці серпня 2024 року дезертирував", "2024-08-01"),
        ("в конце августа 2023 года отказались", "2023-08-01"),
        ("in mid-January 2023, he refused", "2023-01-01"),
        ("в середине января 2024 года", "2024-01-01"),
    ],
)
def test_a_part_of_a_month_with_its_year(text: str, expected: str) -> None:
    pub = datetime.fromisoformat("2025-01-15T10:00:00+00:00")
    assert [d.iso for d in find_dates(text, 0, len(text), pub)] == [expected]


def test_a_relative_clause_that_tells_the_act_dates_the_event() -> None:
    text = (
        "ДБР викрило командира роти однієї з військових частин на Волині, який у листопаді вимагав від підлеглих по "
        "30 тисяч гривень за те, щоб їх не відправляли на Донеччину. Щонайменше шестеро військових заплатили. "
        "Командира затримали під час отримання чергової суми."
    )
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-12-10T12:00:00+02:00"}))
    assert [(e.event_type, e.event_date) for e in ext.events] == [("abuse", "2024-11-01")]
    # a back-story in the clause (mobilised in February) dates nothing
    text = "Мати бійця, якого в лютому мобілізували, записала відеозвернення до президента."
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-12-10T12:00:00+02:00"}))
    assert ext.events and ext.events[0].event_date is None


# -- leaving the unit, commanders as actors, workers and detainees counted, a denied report ----------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Four conscripts walked out of military unit 08275 in Pechenga overnight into Monday.", "en"),
        ("В ночь на понедельник четверо срочников самовольно покинули воинскую часть в Печенге.", "ru"),
        ("Двоє строковиків утекли з військової частини під Житомиром.", "uk"),
    ],
)
def test_leaving_the_unit_is_desertion(text: str, lang: str) -> None:
    assert _types(text, lang).get("desertion", 0.0) >= 0.9


def test_troops_leaving_positions_is_a_retreat_not_desertion() -> None:
    assert (
        _types("Russian troops abandoned their positions near Kherson as Ukrainian forces advanced.", "en").get(
            "desertion", 0.0
        )
        < 0.9
    )


def test_a_company_commander_is_a_service_member() -> None:
    text = (
        "Ukraine's State Bureau of Investigation says a company commander in Volyn region extorted 30,000 hryvnias "
        "each from at least six subordinates in November."
    )
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-12-11T10:00:00+00:00"}))
    assert [(e.event_type, e.people_count) for e in ext.events] == [("abuse", 6)]


def test_workers_and_detainees_are_counted() -> None:
    from sitrep.extract.counts import find_counts

    for text, value in [
        ("Около двадцати рабочих, получивших российское гражданство, доставили в военкомат.", 20),
        ("В ноябре в СИЗО-1 Краснодара не менее пятнадцати подследственных подписали контракты.", 15),
        ("Близько тридцяти вантажників з Гани змусили підписати контракт.", 30),
    ]:
        assert [(c.value, c.precision) for c in find_counts(text, 0, len(text))] == [(value, "approximate")]


def test_a_report_denied_in_its_own_sentence_is_hedged() -> None:
    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    text = "Сообщения о том, что солдаты сбежали из части в Печенге, не соответствуют действительности."
    sig = engine.signals(text, "ru")
    assert sig.type_hits and all((h.sentence, h.start) in sig.hedged for h in sig.type_hits)


# -- via: a relative pronoun before the publisher, the teller between "told" and the channel, an investigation as
# the subject, a bare town after "sent to", a Russian name in Ukrainian letters -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Слідство.Інфо» розповіло історію близько тридцяти добровольців, які восени підписали контракт.",
            "Slidstvo.Info",
        ),
        (
            "У відео, яке в п'ятницю оприлюднили «Сибір.Реалії», близько десяти бійців кажуть, що їм не платять.",
            "Sibir.Realii",
        ),
        (
            "Командир батальйону застрелив мобілізованого, розповіли його товариші по службі каналу «Калуга без "
            "фильтров».",
            "Kaluga Bez Filtrov",
        ),
        (
            "Thirty recruits were sent to positions near Pokrovsk, an investigation by Slidstvo.Info has found.",
            "Slidstvo.Info",
        ),
    ],
)
def test_via_publishers(text: str, expected: str) -> None:
    from sitrep.extract.via import find_via

    assert [v.name for v in find_via(text, 0, len(text))][:1] == [expected]


def test_a_town_after_sent_to_is_no_outlet() -> None:
    from sitrep.extract.via import find_via

    text = "Thirty recruits were sent to positions near Pokrovsk, an investigation has found."
    assert find_via(text, 0, len(text)) == []


def test_via_keys_are_blind_to_the_letter_for_g() -> None:
    from sitrep.extract.via import via_key

    assert via_key("Kaluga Bez Filtrov") == via_key("Калуга без фильтров") == via_key("Kaluga bez filtrov")
    assert via_key("Громадське") == via_key("Hromadske")


# -- coercion: promised one thing and sent to the front, hired for a job and sent to fight, prisoners of war pressed
# to join their captors' battalion ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Around 30 men from Russia's Primorsky region who joined a reserve unit on a promise that they would guard "
            "rear facilities have been sent to assault units near Robotyne, their families say.",
            "2023-09-10T10:00:00+00:00",
        ),
        (
            "Бангладешців, які поїхали до Росії прибиральниками, відправляють на фронт. Родини щонайменше десяти "
            "чоловіків просять уряд повернути їх додому.",
            "2024-05-10T10:00:00+03:00",
        ),
        (
            "Звільнені з полону українці розповіли, що в Таганрозі їм пропонували вступити до батальйону, який "
            "росіяни формують із полонених.",
            "2024-05-10T10:00:00+03:00",
        ),
    ],
)
def test_deceived_or_pressed_recruits_are_coercion(text: str, published: str) -> None:
    assert _first_type(text, published) == "coercion"


def test_a_promise_and_a_transfer_in_a_civilian_text_are_nothing() -> None:
    text = "The mayor promised a new bus route, and the old buses were sent to the depot for repairs."
    assert _first_type(text, "2024-05-10T10:00:00+00:00") is None


def test_a_bulleted_digest_keeps_the_places_of_its_event_items() -> None:
    text = (
        "Итоги недели в Сибири:\n\n"
        "— В Красноярске гарнизонный суд дал 2,5 года контрактнику, который в июне отказался ехать на фронт.\n"
        "— В Оймяконе морозы опустились до −56 градусов.\n"
        "— В Норильске открыли новый ледовый каток."
    )
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2025-01-25T20:00:00+03:00"}))
    assert [[p.name for p in e.places] for e in ext.events] == [["Krasnoyarsk"]]


# -- team-heldout-10 (development data since session 8): refusing to fight, coming to an office, a video addressed to
# an authority, an officer hitting his men, recruits who ended up in assaults, the helpless signed up as volunteers;
# history, drills, propaganda and statistics that are no case ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Близько п'ятдесяти мобілізованих з Кабардино-Балкарії, які відмовилися штурмувати під Синьківкою, "
            "тримають у підвалі в Кадіївці. Про це розповідають їхні родичі.",
            "2023-10-25T09:15:00+03:00",
            "refusal",
        ),
        (
            "Сегодня к зданию Ярославской областной думы пришли около восемнадцати жён и матерей мобилизованных. "
            "Они принесли плакаты и потребовали установить сроки службы.",
            "2023-12-19T17:30:00+03:00",
            "protest",
        ),
        (
            "Twelve 'Storm V' fighters say their contracts have run out yet nobody lets them go home. In a video to "
            "governor Andrei Travnikov, released on Saturday, they add that wounded men are sent straight back into "
            "assaults.",
            "2024-05-20T07:45:00+00:00",
            "appeal",
        ),
        (
            "Footage posted on Instagram by a soldier's sister appears to show an officer of the 43rd Artillery "
            "Brigade hitting and humiliating three servicemen near Druzhkivka.",
            "2025-09-19T08:30:00+00:00",
            "abuse",
        ),
        (
            "Около пятидесяти якутян, подписавших контракт «на охрану границы в Курской области», в феврале оказались "
            "в штурмовых подразделениях под Покровском. Родственники говорят, что в военкомате им говорили о службе "
            "«только на своей территории».",
            "2025-03-03T10:00:00+09:00",
            "coercion",
        ),
        (
            "Шістьох мешканців психоневрологічного інтернату у Воронежі цього місяця записали «добровольцями» до армії "
            "РФ. Їх возили до військкомату співробітники закладу.",
            "2024-09-26T09:00:00+03:00",
            "coercion",
        ),
    ],
)
def test_set_10_kinds(text: str, published: str, expected: str) -> None:
    assert _first_type(text, published) == expected


def test_the_oblast_duma_sits_in_its_centre() -> None:
    assert _places("Сегодня к зданию Ярославской областной думы пришли жёны мобилизованных.", "ru") == ["Yaroslavl"]


def test_refusing_to_pay_a_commander_is_no_refusal_to_fight() -> None:
    text = (
        "Russian mobilised soldiers say their battalion commander charges them for leave, and that those who refuse "
        "to pay are sent to the most exposed positions first."
    )
    assert _first_type(text, "2024-02-01T10:00:00+00:00") == "abuse"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "108 лет назад, в сентябре 1916-го, солдаты Русского экспедиционного корпуса в лагере Ла-Куртин "
            "отказались воевать.",
            "2024-09-16T10:00:00+03:00",
        ),
        (
            "На полигоне военнослужащие отработали задержание условного дезертира и прочёсывание лесного массива.",
            "2024-06-01T10:00:00+03:00",
        ),
        (
            "За квітень до військових частин повернулися понад 2 тисячі військових, які раніше перебували в СЗЧ, "
            "повідомили в Міноборони.",
            "2025-05-05T10:00:00+03:00",
        ),
        (
            "По данным Судебного департамента, за первое полугодие военные суды вынесли более 3500 приговоров по "
            "статье о самовольном оставлении части.",
            "2025-08-01T10:00:00+03:00",
        ),
        (
            "More than 89,000 criminal cases for going AWOL were opened in Ukraine in 2024, prosecutors say.",
            "2025-01-20T10:00:00+00:00",
        ),
    ],
)
def test_history_drills_and_statistics_are_no_case(text: str, published: str) -> None:
    assert _first_type(text, published) is None


def test_thousands_of_a_named_unit_money_and_signatures_are_no_statistics() -> None:
    ex = Extractor.load()
    engine = ex.engine
    unit = (
        "ДБР відкрило провадження щодо порушень у 155-й окремій механізованій бригаді. За даними журналіста, близько "
        "1700 військовослужбовців бригади самовільно залишили частину."
    )
    money = "Командир роти щомісяця збирав із підлеглих по 5 тисяч гривень, погрожуючи відправити їх на штурм."
    signers = "Жёны мобилизованных собрали более 2000 подписей под обращением к президенту о ротации."
    for text in (unit, money, signers):
        sig = engine.signals(text, "uk" if "Командир" in text or "ДБР" in text else "ru")
        assert not sig.aggregates
    assert _first_type(unit, "2024-11-20T10:00:00+02:00") == "desertion"


def test_propaganda_about_the_other_sides_mass_flight_is_hedged() -> None:
    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    text = "Массовое бегство ВСУ продолжается: по нашим данным, тысячи солдат противника в СЗЧ."
    sig = engine.signals(text, "ru")
    assert sig.type_hits and all((h.sentence, h.start) in sig.hedged for h in sig.type_hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Батько бійця звернувся до Сирського у Facebook 14 жовтня.", "Facebook"),
        ("«Сирене» об этом рассказали жёны военных из Тамбовской области.", "Sirena"),
        ("Ролик з'явився вчора на YouTube-каналі одного з бійців.", "YouTube"),
        ("Об этом «Можем объяснить» рассказали сослуживцы погибших.", "Mozhem Obyasnit"),
    ],
)
def test_via_set_10(text: str, expected: str) -> None:
    from sitrep.extract.via import find_via

    assert [v.name for v in find_via(text, 0, len(text))][:1] == [expected]


def test_eval_compares_outlets_by_the_table() -> None:
    from sitrep.extract.evaluate import outlet_key

    assert outlet_key("Idite lesom") == outlet_key("«Идите лесом»") == outlet_key("Get Lost")
    assert outlet_key("Важные истории") == outlet_key("iStories")
    assert outlet_key("Unknown Channel") != outlet_key("Get Lost")


# -- team-heldout-11 (development data since 11:44 UTC, session 8 round 3) --------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Добровольцы пермского батальона «Кама» в понедельник выложили во «ВКонтакте» обращение к губернатору. "
            "Около двадцати человек заявляют, что обещанные при подписании 300 тысяч им так и не выплатили.",
            "2025-01-21T10:00:00+05:00",
            "appeal",
        ),
        (
            "В ночь на воскресенье из в/ч 63354 в Камышине уехал военнослужащий — на армейском «Урале».",
            "2025-03-24T10:00:00+03:00",
            "desertion",
        ),
        (
            "Кілька сотень родичів військових сьогодні пройшли центром Сум до обласної адміністрації. Вимога одна — "
            "чіткі терміни служби.",
            "2024-03-03T15:00:00+02:00",
            "protest",
        ),
        (
            "В учебном центре инструктор продержал шестнадцать новобранцев всю ночь на морозе; один попал в больницу.",
            "2025-01-21T10:00:00+03:00",
            "abuse",
        ),
        (
            "Наприкінці серпня під Времівкою командир роти 36-ї мотострілецької бригади заборонив евакуювати "
            "поранених — троє з них померли.",
            "2024-09-10T10:00:00+03:00",
            "abuse",
        ),
    ],
)
def test_set_11_kinds(text: str, published: str, expected: str) -> None:
    assert _first_type(text, published) == expected


def test_a_named_service_alone_makes_no_text_military() -> None:
    # real stream: a man who beat Rosgvardia officers in a hospital is no soldiers' event
    text = "Мужчина избил сотрудников Росгвардии в больнице. Бойцы вызвали подкрепление."
    assert _first_type(text, "2024-11-20T10:00:00+03:00") is None


def test_a_commander_forbidding_the_wounded_to_be_taken_out_is_abuse() -> None:
    text = (
        "Отец бойца 36-й мотострелковой бригады рассказал журналистам, что в конце августа под Времевкой командир роты "
        "запретил вывозить раненых до конца штурма. Трое забайкальцев умерли."
    )
    assert _first_type(text, "2024-09-10T10:00:00+03:00") == "abuse"


def test_propaganda_about_the_kyiv_regime_is_no_case() -> None:
    text = (
        "По данным наших источников, в ВСУ растёт число дезертиров: солдаты массово уходят в СЗЧ, целые подразделения "
        "отказываются воевать. Киевский режим скрывает масштабы."
    )
    assert _first_type(text, "2024-11-20T10:00:00+03:00") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Водій за 5 тисяч доларів обіцяв вивезти його до Польщі. Військового знайшли на пункті пропуску "
            "«Краковець».",
            "uk",
            ["Krakovets"],
        ),
        ("За вывоз в Польшу водитель взял с него пять тысяч долларов.", "ru", []),
        (
            "Учора на станції Мостиська прикордонники знайшли військового, який сподівався так дістатися Польщі.",
            "uk",
            ["Mostyska"],
        ),
        ("Он прятался в вагоне с зерном и ехал в сторону Польши.", "ru", []),
        ("He fled to Norway and asked for asylum.", "en", ["Norway"]),
    ],
)
def test_a_country_the_man_never_reached_is_no_place(text: str, lang: str, expected: list[str]) -> None:
    assert _places(text, lang) == expected
