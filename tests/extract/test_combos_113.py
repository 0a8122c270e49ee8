"""Codebook 1.13: the cues written from team-heldout-20's and -21's errors — the slang "видос" of an appeal, an open
message or addressing a governor (appeal); a range walked off, "свинтили с полигона", flight into a neighbouring
country (desertion); "shot his own" men, a pit as a cell (abuse); talked into a contract, signed up for a prison
unit, waking up already signed (coercion); a military hospital and its medical board as military context. Also (dates):
a month named before a count ("у листопаді 31 курсант") and a wire dateline with its country. Sentences are written
for these tests, in ru, uk and en, with the near misses each rule must leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from extract_helpers import cue_types, verdict

from sitrep.extract.counts import find_counts
from sitrep.extract.dates import find_dates
from sitrep.extract.via import find_via


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Десяток мобиков 15-го полка записали видос губернатору: без арты в штурмы.", "ru", "appeal"),
        ("Gunners of the 44th brigade posted an open message to the president asking to stay.", "en", "appeal"),
        ("Soldiers of the 9th regiment address the governor of their region directly.", "en", "appeal"),
        ("Трое контрабасов свинтили с полигона под Ростовом.", "ru", "desertion"),
        ("Two cadets walked off a training range near Tambov on Sunday.", "en", "desertion"),
        ("Мобилизованный из Омска ушёл в Казахстан через пункт пропуска.", "ru", "desertion"),
        ("A company commander shot two of his own wounded men near Avdiivka.", "en", "abuse"),
        ("Комбат держал в яме семерых бойцов, пока не заплатят.", "ru", "abuse"),
        ("Срочников всю осень уговаривали на контракт и не выпускали из казармы.", "ru", "coercion"),
        ("В колонии осуждённых записывали в «Шторм Z», кто не подписывает — в ШИЗО.", "ru", "coercion"),
        ("Трое мужчин проснулись в отделе с подписанными контрактами.", "ru", "coercion"),
        # round 3 (team-heldout-24, -25)
        ("Жёны опубликовали письмо на имя президента от бойцов полка.", "ru", "appeal"),
        ("Бійці бригади надіслали лист на ім'я президента.", "uk", "appeal"),
        ("Родичі полонених вийшли з фотографіями рідних на площу.", "uk", "protest"),
        ("Wives stood outside the governor's office holding portraits of their husbands.", "en", "protest"),
        ("Работники военкомата затолкали в бус мужчину у рынка.", "ru", "coercion"),
        ("Працівники ТЦК запхали до буса чоловіка з інвалідністю.", "uk", "coercion"),
        ("Enlistment officers shoved into a van a man leaving the market.", "en", "coercion"),
        ("Срочников не выпускали из казармы, пока не подписали.", "ru", "coercion"),
        ("Жёны мобилизованных принесли плакаты к администрации.", "ru", "protest"),
        ("Wives of mobilised men stood holding posters outside the administration.", "en", "protest"),
        ("Conscripts were confined to barracks until they signed contracts.", "en", "coercion"),
    ],
)
def test_a_new_wording_tells_its_type(text: str, lang: str, expected: str) -> None:
    assert cue_types(text, lang).get(expected, 0.0) >= 0.8


def test_no_longer_going_to_the_front_is_a_refusal() -> None:
    text = (
        "Позавчера около сорока мобилизованных из Чапаевска, в/ч 34197, заявили командиру, что на «ноль» под "
        "Новоегоровкой больше не выйдут."
    )
    assert verdict(text)[1] == "refusal"
    text = "About 40 mobilised men told their commander on Monday they would no longer go to frontline positions."
    assert verdict(text)[1] == "refusal"


def test_a_military_hospital_makes_wounded_fighters_service_members() -> None:
    text = "Двадцятеро поранених бійців учора вийшли з плакатами під військовий госпіталь у Кам'янці-Подільському."
    assert verdict(text, "2024-08-08T09:30:00+03:00") == (True, "protest")
    # fighters with no military word near them stay whoever they are
    assert verdict("Двадцятеро бійців учора вийшли з плакатами під спортивний клуб.")[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "Новый видос с котиками набрал миллион просмотров.",  # a video, not an appeal
        "The governor will address the regional assembly on Friday.",
        "Туристы ушли в горы с полигона для пейнтбола.",
        "Мы затолкали в бус новый диван и поехали на дачу.",
        "В военкомате письмо комментировать отказались.",
        "9 мая ветераны войны возложили цветы к Вечному огню в Курске.",
    ],
)
def test_near_misses_stay_out(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_month_before_a_count_and_a_dateline_with_its_country() -> None:
    pub = datetime(2024, 12, 3, tzinfo=UTC)
    text = "у листопаді 31 курсант навчального батальйону самовільно залишили полігон"
    assert [(h.iso, h.precision) for h in find_dates(text, 0, len(text), pub)] == [("2024-11-01", "month")]
    text = "в мае 15-го числа они ушли"  # a day the month does not read stays unread
    assert find_dates(text, 0, len(text), pub) == []
    pub = datetime(2023, 9, 18, tzinfo=UTC)
    text = "SAMARA, Russia, Sept 18 - Soldiers asked the governor for help in a video posted on Saturday."
    hits = [h for h in find_dates(text, 0, len(text), pub) if not h.background]
    assert [h.iso for h in hits] == ["2023-09-16"]


def test_a_wound_dates_the_back_story_not_the_event() -> None:
    pub = datetime(2026, 9, 4, tzinfo=UTC)
    text = "a contract soldier, wounded in June, refused on July 15 to return to assaults"
    assert [h.iso for h in find_dates(text, 0, len(text), pub) if not h.background] == ["2026-07-15"]
    # the wounded men of the event are no back-story
    text = "commanders demanded money to evacuate the wounded in late March"
    assert [h.iso for h in find_dates(text, 0, len(text), pub) if not h.background] == ["2026-03-01"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Відео розлетілося у ВК.", "VKontakte"),
        ("Опис відео з TikTok, яке в суботу поширили родини.", "TikTok"),
        ("In a TikTok clip posted from Tbilisi, a soldier says he fled.", "TikTok"),
        ("Лист 13 серпня надрукувала місцева газета «Канашский курьер».", "Kanashskii Kurer"),
        ("Ролик розійшовся з місцевого пабліку «Канаш 24».", "Kanash 24"),
        ("Відео вони передали нашій редакції «Охтирка.Live».", "Okhtyrka.Live"),
        ("Бійці сьогодні передали «Хорол.info» відеозвернення.", "Khorol.info"),
    ],
)
def test_platforms_and_printed_papers_as_via(text: str, expected: str) -> None:
    assert [v.name for v in find_via(text, 0, len(text))][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Вчера у военкомата стояли человек двадцать пять матерей срочников.", (25, "approximate")),
        ("Армавир, сегодня: человек сорок жён мобиков стоят у военкомата", (40, "approximate")),
        ("Двадцать пять матерей стояли у военкомата", (25, "exact")),
        ("Двое контрабасов в субботу свинтили с полигона", (2, "exact")),
        ("около десятка минометчиков не пошли на позиции", (10, "approximate")),
        ("Five artillerymen refused to board a train", (5, "exact")),
    ],
)
def test_counts_inverted_order_and_arms(text: str, expected: tuple[int, str]) -> None:
    hits = find_counts(text, 0, len(text))
    assert (hits[0].value, hits[0].precision) == expected


def test_handing_over_is_no_via_without_an_outlet() -> None:
    for text in ("Матеріали передали слідству.", "Він передав привіт родині."):
        assert find_via(text, 0, len(text)) == []
