"""A span counted back ("three weeks ago") in a relative clause is the person's back-story, as a month there is."""

from __future__ import annotations

from datetime import datetime

import pytest

from sitrep.extract.dates import find_dates

PUB = datetime(2023, 7, 5, 12, 0)


def event_dates(text: str) -> list[str]:
    return [h.iso for h in find_dates(text, 0, len(text), PUB) if not h.background]


@pytest.mark.parametrize(
    "text",
    [
        "Up to a dozen reservists, who asked to be discharged two weeks ago, are now held in a basement in Horlivka.",
        "Десять резервистов, которые две недели назад подали рапорты, теперь держат в подвале.",
        "Дев'ятеро резервістів, які два тижні тому подали рапорти, тепер утримують у підвалі.",
    ],
)
def test_counted_back_in_a_relative_clause_is_background(text: str) -> None:
    assert event_dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the main clause's own span counted back stays the event's: the arrest a week before the post
        ("Он два года скрывался, а неделю назад его задержали в Бишкеке.", "2023-06-28"),
        ("Two weeks ago the reservists refused to return to the front.", "2023-06-21"),
    ],
)
def test_counted_back_in_the_main_clause_dates_the_event(text: str, expected: str) -> None:
    assert event_dates(text) == [expected]


def test_a_month_after_the_comma_that_closes_a_relative_clause_is_the_main_clause_s() -> None:
    text = "Дев'ятьох філіппінців, яких найняли охоронцями на складі під Ростовом, у червні змусили підписати контракт."
    assert event_dates(text) == ["2023-06-01"]
    # a comment right after the relative word leaves the month in the clause: back-story
    assert event_dates("Боец, который, по словам матери, в июне сдался в плен, был казнён.") == []
