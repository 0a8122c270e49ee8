"""Codebook 1.12: the cues, combos and traps written from team-heldout-17's errors — the unit before "не вернулся",
positions left, flight from a hospital ward (desertion); an order ("розпорядження") not carried out and "туда не
поедет" after an order (refusal); a metal container as a cell and money "to stay out of" the assaults (abuse); the
imperfective of offering a choice and the ministry's contract named adjective first (coercion); standing or demanding
at an office, the enlistment office included (protest); a driver's breath test as a trap. Also: the part of a month
named alone ("Конец июня."), a numbered BARS detachment, a platform named before a complaint. Sentences are written
for these tests, in ru, uk and en, with the near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from extract_helpers import cue_types, verdict

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.units import find_units


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Рядовой 64-й бригады после отпуска в часть не вернулся и прятался у родных под Курском.", "ru", "desertion"),
        ("Після лікування солдат 28-ї бригади до частини не повернувся.", "uk", "desertion"),
        ("Трое штурмовиков 9-го полка в пятницу покинули позиции у Марьинки и ушли в тыл.", "ru", "desertion"),
        ("Четверо мобилизованных ночью сбежали из госпиталя в Ростове.", "ru", "desertion"),
        ("Двоє військових 45-ї бригади втекли зі шпиталю у Дніпрі.", "uk", "desertion"),
        ("Three contract soldiers slipped out of a Donetsk hospital ward overnight.", "en", "desertion"),
        ("Шестеро бойцов 3-го батальона не выполнили боевое распоряжение занять оборону у Кременной.", "ru", "refusal"),
        ("Семеро бійців 31-ї бригади не виконали розпорядження командира вийти на позиції.", "uk", "refusal"),
        ("Получив приказ убыть на фронт, контрактник заявил, что «туда не поедет».", "ru", "refusal"),
        ("Отримавши наказ, мобілізований сказав, що на позиції не поїде.", "uk", "refusal"),
        ("Ротный держал пятерых солдат сутки в металлическом контейнере.", "ru", "abuse"),
        ("Комбат тримав трьох мобілізованих у металевому контейнері без води.", "uk", "abuse"),
        ("Officers kept four conscripts in a metal container for two days.", "en", "abuse"),
        ("A sergeant charged soldiers 100,000 roubles each to stay out of assault groups.", "en", "abuse"),
        ("В военкомате задержанным предлагали выбор: контракт с Минобороны или уголовное дело.", "ru", "coercion"),
        ("Migrants were given a choice between a defence ministry contract and deportation.", "en", "coercion"),
    ],
)
def test_a_new_wording_tells_its_type(text: str, lang: str, expected: str) -> None:
    assert cue_types(text, lang).get(expected, 0.0) >= 0.7


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("у военкомата на Ленина опять стоят мамы срочников. человек сорок", "ru"),
        ("Сегодня у областного ТЦК около тридцати жён военных требовали демобилизации.", "ru"),
        ("Біля ТЦК у Луцьку дружини мобілізованих вимагали відпустити чоловіків на ротацію.", "uk"),
        ("Mothers of conscripts stood outside the enlistment office demanding their sons back.", "en"),
    ],
)
def test_standing_or_demanding_at_an_office_is_a_protest(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("protest", 0.0) >= 0.8


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Мобилизованные пишут, что просили вывезти раненых, но в письме требовали лишь ротации.", "ru"),
        ("The wounded soldier left the hospital on Friday after three weeks of treatment.", "en"),  # discharged
        ("Солдат выписался из госпиталя и уехал домой в отпуск.", "ru"),
    ],
)
def test_a_demand_in_a_letter_or_a_discharge_is_no_protest_or_flight(text: str, lang: str) -> None:
    types = cue_types(text, lang)
    assert types.get("protest", 0.0) < 0.8 and types.get("desertion", 0.0) < 0.7


def test_a_driver_who_refused_a_breath_test_is_no_refusal() -> None:
    assert verdict("Суд оштрафовал водителя, который отказался дуть в алкотестер после ДТП у военкомата.")[0] is False
    assert verdict("Суд оштрафував водія, який відмовився дмухати в драгер біля ТЦК.")[0] is False


def test_the_part_of_a_month_named_alone_dates_the_event() -> None:
    ext = Extractor.load().extract(
        report_from_doc(
            {
                "id": "t",
                "text": "Конец мая, под Торецком. Командир роты избил двух мобилизованных прикладом.",
                "published": "2025-06-04T10:00:00+03:00",
            }
        )
    )
    assert ext.events and ext.events[0].event_date == "2025-05-01" and ext.events[0].date_precision == "month"


def test_a_numbered_bars_detachment_keeps_its_number() -> None:
    text = "добровольці загону «БАРС-12» не стали виконувати наказ"
    assert [u.name for u in find_units(text, 0, len(text))] == ["BARS-12 detachment"]
    plain = "бойцы «БАРСа» отказались"
    assert [u.name for u in find_units(plain, 0, len(plain))] == ["BARS"]


def test_a_platform_named_before_a_complaint_is_its_via() -> None:
    ext = Extractor.load().extract(
        report_from_doc(
            {
                "id": "t",
                "text": "Во вторник в TikTok шестеро бойцов 12-й бригады пожаловались главкому: их не меняют полгода.",
                "published": "2025-06-04T10:00:00+03:00",
            }
        )
    )
    assert ext.events and ext.events[0].event_type == "appeal" and ext.events[0].via == "TikTok"
