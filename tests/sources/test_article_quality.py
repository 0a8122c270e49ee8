"""Article arbitration, third round: a teaser of another article, whose last sentence is followed
by a bare "more" link, is furniture; prose that merely ends in the word "more" is not."""

from __future__ import annotations

import pytest

from sitrep.sources.articles import _boilerplate_line, choose

BODY = (
    "Conscripts from the northern district told their families they had been ordered to sign "
    "contracts, and the mothers wrote a joint letter to the regional ombudsman on Thursday. "
)
UK_BODY = (
    "Родини мобілізованих звернулися до командування бригади з вимогою пояснити, чому бійців "
    "третій місяць не відводять на відпочинок, і пообіцяли вийти на акцію біля штабу. "
)


def _page(*paragraphs: str) -> str:
    return "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"


@pytest.mark.parametrize(
    "line",
    [
        "A reservist explains why his company refused to go back to the front. Read more",
        "Das Kreiswehrersatzamt zieht Bilanz und erklärt die neuen Regeln für Reservisten. mehr",
        "Rodziny żołnierzy protestowały przed urzędem wojewódzkim. [czytaj więcej]",
        "Матери срочников собрались у военкомата и потребовали встречи с комиссаром. Подробнее",
        "Волонтери передали бригаді ще три пікапи та генератори. Читати далі »",
        "The regiment's veterans gathered outside the town hall once again this week... more",
    ],
)
def test_teaser_ending_in_a_more_link_is_boilerplate(line: str) -> None:
    assert _boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The soldiers said they would not sign any more.",
        "Die Einheit bekommt seit Wochen keinen Sold mehr",
        "Командир сказал, что ждать придётся дольше, чем обещали ранее",
        "Родичі кажуть, що бійці не можуть чекати більше",
        BODY,
        UK_BODY,
    ],
)
def test_prose_ending_in_more_is_kept(line: str) -> None:
    assert not _boilerplate_line(line)


def test_teasers_dropped_by_choose() -> None:
    teaser = "Another unit's families write to the ministry about unpaid bonuses. Read more"
    first = "\n".join([BODY, UK_BODY, teaser])
    text, _ = choose(_page(BODY, UK_BODY), None, first)
    assert "Read more" not in text
    assert BODY.strip() in text and UK_BODY.strip() in text
