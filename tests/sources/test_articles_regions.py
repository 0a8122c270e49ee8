"""Article arbitration, fourth round: lines precision mode found outside the default text are put
back in place when precision mode is not taken (it kept too little of the default text); lines at
the end of the text that stand outside the page element holding the article are dropped."""

from __future__ import annotations

import pytest

import sitrep.sources.articles as articles
from sitrep.sources.articles import Block, _boilerplate_line, _drop_outside_tail, _justext_blocks, add_found, choose

BODY = (
    "Conscripts from the northern district told their families they had been ordered to sign "
    "contracts, and the mothers wrote a joint letter to the regional ombudsman on Thursday."
)
QUESTION = "Why were the reservists sent to the border before their training ended?"
ANSWER = "Relatives say the battalion commander ignored two written complaints about it."


def test_lines_the_text_lacks_go_after_their_neighbour() -> None:
    text = f"{BODY}\n{ANSWER}"
    assert add_found(text, f"{BODY}\n{QUESTION}\n{ANSWER}") == f"{BODY}\n{QUESTION}\n{ANSWER}"
    assert add_found(text, f"{QUESTION}\n{ANSWER}") == f"{QUESTION}\n{BODY}\n{ANSWER}"
    assert add_found(text, f"{ANSWER}\n  {BODY}  ") == text  # nothing new (spacing aside)


def test_precision_lines_from_another_region_join_the_default_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # precision mode took a smaller region (less than PRECISION_KEEP of the default text) that
    # holds a question the default text missed: the question is put back before its answer
    first = "\n".join([BODY, BODY.upper(), ANSWER])
    precise = "\n".join([BODY.upper(), QUESTION, ANSWER])
    real = articles._trafilatura

    def fake(html: str, url: str | None, **options: bool) -> str:
        return precise if options.get("favor_precision") else real(html, url, **options)

    monkeypatch.setattr(articles, "_trafilatura", fake)
    paragraphs = "".join(f"<p>{p}</p>" for p in [BODY, BODY.upper(), QUESTION, ANSWER])
    html = f"<html><body><article>{paragraphs}</article></body></html>"
    text, name = choose(html, None, first)
    assert text.split("\n") == [BODY, BODY.upper(), QUESTION, ANSWER]
    assert name == "trafilatura+voted"


def _blocks(*paragraphs: tuple[str, str]) -> list[Block]:
    return [Block(text, 0.0, False, xpath) for xpath, text in paragraphs]


ARTICLE = "/html[1]/body[1]/div[2]/article[1]"
BOX = "/html[1]/body[1]/div[2]/aside[1]"
ABOUT = "The foundation runs offices in more than a hundred countries and reports on events there."


def test_lines_at_the_end_outside_the_article_element_are_dropped() -> None:
    # the article element holds over ARTICLE_SHARE of the text; the box after it is dropped
    about = "Our offices abroad report on events."
    lines = [BODY, BODY.upper(), QUESTION, ANSWER, "About this series", about]
    blocks = _blocks(
        (f"{ARTICLE}/p[1]", BODY),
        (f"{ARTICLE}/p[2]", BODY.upper()),
        (f"{ARTICLE}/h3[1]", QUESTION),
        (f"{ARTICLE}/p[3]/br[2]", ANSWER),  # a <br> part stands where its paragraph does
        (f"{BOX}/h2[1]", "About this series"),
        (f"{BOX}/p[1]", about),
    )
    assert _drop_outside_tail(lines, blocks) == [BODY, BODY.upper(), QUESTION, ANSWER]


def test_lines_outside_the_article_element_stay_when_not_at_the_end() -> None:
    # a lead in the page header, above the article element, is text; so is a line jusText lacks
    lead = "Mothers of conscripts wrote to the ombudsman."
    lines = [lead, BODY, BODY.upper(), QUESTION, ANSWER, "Unknown to jusText"]
    blocks = _blocks((f"{BOX}/p[1]", lead), (f"{ARTICLE}/p[1]", BODY), (f"{ARTICLE}/p[2]", BODY.upper()))
    blocks += _blocks((f"{ARTICLE}/p[3]", QUESTION), (f"{ARTICLE}/p[4]", ANSWER))
    assert _drop_outside_tail(lines, blocks) == lines


def test_no_element_holds_enough_of_the_text() -> None:
    # two elements each hold about half: neither is the article, nothing is dropped
    lines = [BODY, ABOUT]
    blocks = _blocks((f"{ARTICLE}/p[1]", BODY), (f"{BOX}/p[1]", ABOUT))
    assert _drop_outside_tail(lines, blocks) == lines
    assert _drop_outside_tail(lines, []) == lines


def test_justext_reads_the_page_as_text_whatever_charset_it_declares() -> None:
    # the page is already decoded; its <meta> charset must not make jusText decode it again
    paragraph = "Die Mütter der Wehrpflichtigen schrieben dem Bürgerbeauftragten einen gemeinsamen Brief. " * 2
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{paragraph}</p></body></html>'
    assert [b.text for b in _justext_blocks(html, paragraph)] == [paragraph.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "Abbildung 4: Die Stellung der Brigade vor dem Rückzug (Karte des Generalstabs).",
        "Abb. 2: Lage der Kaserne",
        "Figure 3: Desertion cases by month, 2022-2023.",
        "Рис. 1. Число обращений родственников по месяцам",
    ],
)
def test_numbered_figure_captions_are_boilerplate(line: str) -> None:
    assert _boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Figures from the ministry show that 300 reservists refused to sign.",
        "Die Abbildung 4 im Bericht zeigt die Kaserne nach dem Beschuss, sagte der Sprecher.",
        "Рисунок на стене казармы появился после протеста.",
    ],
)
def test_sentences_about_figures_stay(line: str) -> None:
    assert not _boilerplate_line(line)
