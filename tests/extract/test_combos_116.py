"""Codebook 1.16, written from team-heldout-40's to -43's errors once their blind scores were recorded (session 15):
a man pushed into an enlistment office's van or seized by its officers ("бусифікація") as coercion; a promise of a
rear post, then an assault battalion; prisoners and detainees who signed under threat as actors; relatives who
"confronted officials" or "crowded into the district office" as a protest; "never reported back" as desertion;
extortion of the men's combat pay in hryvnias; the wounded sent back before they healed; official denials, AI-made
videos and hypotheticals as traps; a unit's ordinal ("1618-го полка") that is no year; and a wire dateline that
gives way to the date the story tells. Sentences are written for these tests, with the near misses each rule must
leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from extract_helpers import verdict

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.engine import _years


def _event_date(text: str, published: str) -> str | None:
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": published}))
    return ext.events[0].event_date if ext.events else None


@pytest.mark.parametrize(
    "text",
    [
        "У Калуші ТЦК у вівторок посадили в бус чоловіка біля аптеки, а ввечері вже везли до навчального центру.",
        "Дрогобич, неділя. Чоловіка на зупинці затягли в бус ТЦК, телефон забрали, дружина дізналася про все вночі.",
        "В Ковеле сотрудники ТЦК в пятницу задержали мужчину с отсрочкой и в тот же день отправили его в учебку.",
    ],
)
def test_an_enlistment_office_seizing_a_man_is_coercion(text: str) -> None:
    assert verdict(text) == (True, "coercion")


@pytest.mark.parametrize(
    "text",
    [
        # the officers are the ones seized: a bribery case, no man taken
        "Поліція затримала двох працівників ТЦК на хабарі у Стрию: вони брали гроші за відстрочку.",
        # a bus of civilians, nobody in uniform
        "Учора дітей з Бурштина посадили в бус і відвезли на екскурсію до Львова.",
    ],
)
def test_officers_seized_or_a_school_bus_is_no_coercion(text: str) -> None:
    assert verdict(text)[0] is False


def test_assured_of_a_rear_post_then_an_assault_battalion_is_coercion() -> None:
    text = (
        "Тридцятьох мобілізованих із Ковеля у ТЦК запевняли, що їх візьмуть водіями в тилову частину. "
        "Після навчання всіх перевели в штурмовий батальйон."
    )
    assert verdict(text) == (True, "coercion")


@pytest.mark.parametrize(
    "text",
    [
        "В колонии под Ишимом около тридцати заключённых подписали контракты после угроз ШИЗО, рассказали родные.",
        "В изоляторе в Усолье семерым задержанным вчера предложили выбор: контракт или срок. Подписали все.",
    ],
)
def test_prisoners_signing_under_threat_is_coercion(text: str) -> None:
    assert verdict(text) == (True, "coercion")


def test_prisoners_in_civilian_news_stay_out() -> None:
    assert verdict("Заключённые колонии под Ишимом подписали письмо с просьбой отремонтировать баню.")[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "About forty relatives of mobilised men confronted officials at the Kimovsk district administration on "
        "Tuesday, demanding rotation.",
        "Some thirty wives of soldiers crowded into the district office in Novoanninsky on Friday to complain about "
        "unpaid regional bonuses.",
    ],
)
def test_relatives_confronting_officials_is_a_protest(text: str) -> None:
    assert verdict(text) == (True, "protest")


def test_never_reported_back_is_desertion() -> None:
    text = (
        "A military court sentenced a contract soldier of military unit 51244 from Ostrov to five years: he went home "
        "on leave in May and never reported back to his unit."
    )
    assert verdict(text) == (True, "desertion")


def test_combat_pay_collected_in_hryvnias_is_abuse() -> None:
    text = (
        "ДБР повідомило про підозру командиру роти в/ч А1234: він щомісяця збирав із тридцяти підлеглих частину "
        "«бойових» — по 15 тис. грн."
    )
    assert verdict(text) == (True, "abuse")


def test_the_wounded_sent_back_before_healing_is_abuse() -> None:
    text = (
        "Мій чоловік після поранення навіть не долікувався — командир в/ч А4321 у вівторок відправив його в штурм "
        "біля Покровська."
    )
    assert verdict(text) == (True, "abuse")


@pytest.mark.parametrize(
    "text",
    [
        "Администрация района опровергла сообщения о «пикете жён мобилизованных»: женщины пришли на приём по вопросу "
        "ремонта дороги.",
        "Российские паблики распространяют «видеообращение бойцов» об отказе идти в атаку. Ролик сгенерирован ИИ, "
        "установили эксперты.",
        "Russia's defence ministry denied on Monday reports that conscripts in Pechenga had been pressured to sign "
        "contracts.",
        "Hypothetical: if a soldier refuses an order, what happens next? We walk through the articles of the code.",
        "Analysts warn that if a new wave of mobilisation is announced, small towns may see protests by families.",
        "Напоминаем: два года назад жёны мобилизованных впервые вышли к Кремлю. Мы продолжаем собирать истории.",
    ],
)
def test_denials_fakes_and_hypotheticals_are_no_event(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_units_ordinal_is_no_year() -> None:
    assert _years("Суд приговорил военнослужащего 1618-го полка к шести годам.") == []
    assert _years("Военнослужащий 1611-й отдельный батальон покинул.") == []
    assert _years("В 1916-м году целые роты дезертировали.") == [1916]
    text = "Гарнизонный суд приговорил военнослужащего 1618-го полка к шести годам за самовольное оставление части."
    assert verdict(text, "2025-10-15T10:00:00+03:00") == (True, "desertion")


def test_a_wire_dateline_gives_way_to_the_story_date() -> None:
    pub = "2025-03-04T10:00:00+00:00"
    told = (
        "MOSCOW, March 4 (Wire) — Some forty mobilised men from Serpukhov have asked their governor for help. "
        "The video, posted on Sunday by a local channel, shows the men in a tree line."
    )
    assert _event_date(told, pub) == "2025-03-02"
    # nothing else dates it: the dateline's day stands
    alone = "MOSCOW, March 4 (Wire) — Some forty mobilised men from Serpukhov have asked their governor for help."
    assert _event_date(alone, pub) == "2025-03-04"
    assert datetime(2025, 3, 2, tzinfo=UTC).weekday() == 6  # a Sunday
