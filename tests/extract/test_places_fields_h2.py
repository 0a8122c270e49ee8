"""Places: a court named by its town's adjective, a town before its oblast that is also a surname, a country
abroad that a man only tried to reach (texts written for these tests)."""

from __future__ import annotations

from sitrep.extract.places import default_gazetteer, find_places
from sitrep.extract.text import tokenize


def names(text: str, lang: str) -> list[str]:
    return [h.place.name for h in find_places(text, tokenize(text, lang), default_gazetteer(), lang)]


def test_court_named_by_its_town_is_the_town() -> None:
    # the court city is coded as the event's place (a garrison court already was: "Нальчикский гарнизонный суд")
    assert "Zhytomyr" in names("Житомирский суд дал три года солдату, который прятался в Коростене.", "ru")
    assert "Vinnytsia" in names("Вінницький міський суд засудив бійця, який переховувався в Гайсині.", "uk")


def test_district_court_names_no_town() -> None:
    assert names("Кировский районный суд вынес приговор.", "ru") == []


def test_town_before_its_oblast_is_no_first_name() -> None:
    # Engels is a surname too; "Енгельсі Саратовської області" is the town and its oblast, not "Engels Saratovsky"
    got = names("В Енгельсі Саратовської області чоловіків змусили підписати контракти.", "uk")
    assert got == ["Engels", "Saratov Oblast"]  # its oblast is listed too (codebook 1.17)


def test_person_before_a_capitalised_word_stays_a_person() -> None:
    assert "Engels" not in names("Он цитировал Энгельса Маркса на собрании.", "ru")


def test_destination_of_a_long_attempt_is_not_coded() -> None:
    assert "Poland" not in names(
        "Він намагався перепливти річку поблизу кордону на Волині, щоб дістатися Польщі.", "uk"
    )
    assert "Poland" not in names(
        "He was trying to swim across the river near the border in Volyn region to reach Poland.", "en"
    )
    assert "Poland" not in names("Он пытался переплыть пограничную реку и уйти в Польшу.", "ru")


def test_a_flight_that_ended_abroad_stays() -> None:
    assert "Norway" in names("Солдат бежал из части в Норвегию.", "ru")
