"""A digest's numbered items are events of their own (engine ``_events``): "1) ... 2) ..." or "1. ... 2. ..." after
a headline. Before, a second anchor started an event only with a new-event word and a date of its own, so two
protests in two cities became one event with both cities (team-heldout-6 th6-070, team-heldout-8 th8-037)."""

from __future__ import annotations

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.engine import _items
from sitrep.models import Extraction


def _extract(text: str) -> Extraction:
    doc = {"id": "seg-1", "text": text, "published": "2024-03-11T09:00:00+00:00"}
    return Extractor.load().extract(report_from_doc(doc))


def test_numbered_items_are_found_in_order() -> None:
    assert len(_items("Итоги недели:\n1) Первое.\n2) Второе.\n3) Третье.")) == 3
    assert len(_items("Сводка. 1. Первое. 2. Второе.")) == 2


def test_a_lone_number_or_numbers_out_of_order_are_no_digest() -> None:
    assert _items("1) Только один пункт, дальше текст без номеров.") == []
    assert _items("Требования:\n5) вернуть домой.\n2) выплатить долг.") == []
    # a year or a count inside a sentence is not an item marker
    assert _items("В 2024 году 12 человек ушли. Потом ещё 3 человека.") == []


def test_two_digest_items_in_two_cities_are_two_events() -> None:
    text = (
        "Новости за выходные.\n"
        "1) В Омске в субботу около пятнадцати жён мобилизованных вышли на пикет у здания администрации области "
        "с требованием ротации.\n"
        "2) В Самаре в воскресенье семь матерей мобилизованных стояли в одиночных пикетах у здания правительства.\n"
        "3) В Казани открыли новый парк."
    )
    ext = _extract(text)
    assert ext.relevant
    places = [{p.name for p in ev.places} for ev in ext.events]
    assert len(ext.events) == 2, places
    assert "Omsk" in places[0] and "Samara" not in places[0]
    assert "Samara" in places[1] and "Omsk" not in places[1]


def test_one_story_without_numbers_stays_one_event() -> None:
    text = (
        "В Омске в субботу около пятнадцати жён мобилизованных вышли на пикет у здания администрации области "
        "с требованием ротации.\n"
        "В воскресенье они снова стояли в одиночных пикетах у здания правительства."
    )
    ext = _extract(text)
    assert len(ext.events) == 1
