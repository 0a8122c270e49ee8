"""Relevance rules: negation, someone else's claims, keyword traps, civilians — in ru/uk/en."""

from __future__ import annotations

import pytest

from sitrep.extract import Extractor, report_from_doc


def relevant(text: str) -> bool:
    return (
        Extractor.load()
        .extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"}))
        .relevant
    )


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
