"""Dates, hedges and statistics written from team-heldout-12's and -11's errors: "накануне" after a date the sentence
has just given is that date's eve, not the post's; a claim adverb inside a relative clause hedges only that clause; a
rate of cases is statistics. Sentences are written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

from extract_helpers import verdict

from sitrep.extract import Extractor
from sitrep.extract.dates import find_dates

PUB = datetime(2024, 5, 3, 13, tzinfo=UTC)


def test_the_eve_of_a_date_the_sentence_gives_is_not_the_posts_eve() -> None:
    text = "Двадцать мобилизованных в конце апреля отказались идти в атаку: накануне их взвод потерял командира."
    assert [(d.iso, d.precision) for d in find_dates(text, 0, len(text), PUB)] == [("2024-04-01", "month")]
    # alone, "накануне" in a news post is the day before the post
    text = "Накануне у штаба бригады прошёл пикет жён мобилизованных."
    assert [(d.iso, d.precision) for d in find_dates(text, 0, len(text), PUB)] == [("2024-05-02", "day")]


def _extract(text: str) -> tuple[bool, str | None]:
    return verdict(text, "2025-04-03T10:00:00+03:00")


def test_a_claim_adverb_in_a_relative_clause_hedges_only_that_clause() -> None:
    text = (
        "Щонайменше дев'ятьох студентів із Найробі, які поїхали до Росії нібито на стажування, у березні змусили "
        "підписати контракти з армією. Двоє вже телефонували рідним з Донеччини."
    )
    assert _extract(text) == (True, "coercion")


def test_a_claim_adverb_over_the_act_itself_still_hedges_it() -> None:
    engine = Extractor.load().engine
    text = "Військових нібито змусили підписати контракти."
    sig = engine.signals(text, "uk")
    assert sig.hedged and all((h.sentence, h.start) in sig.hedged for h in sig.type_hits)


def test_a_rate_of_cases_is_statistics_not_a_case() -> None:
    text = "The number of desertion cases in the British Army rose by 8 percent last year, ministry figures show."
    assert _extract(text) == (False, None)
    # a share of a named unit stays a case
    text = "About 30 percent of the 155th brigade's soldiers deserted in France, the brigade's officers say."
    assert _extract(text)[0]


def test_since_the_middle_of_a_month_dates_the_month() -> None:
    pub = datetime(2024, 11, 28, 13, tzinfo=UTC)
    for text in ("Мой там с середины ноября, в гараже автопарка.", "Він там із середини листопада, у гаражі."):
        assert [(d.iso, d.precision) for d in find_dates(text, 0, len(text), pub)] == [("2024-11-01", "month")]
