"""Article arbitration, H2 round: lines jusText does not know that follow a box outside the
article go with that box; a site's appeal for reader funding and the log-in a comment needs are
furniture; the paragraph right above precision mode's text comes back. Page snippets written for
the tests."""

from __future__ import annotations

import pytest

from sitrep.sources.articles import Block, _boilerplate_line, _drop_outside_tail, restore_dropped

ARTICLE = "/html[1]/body[1]/main[1]/article[1]"
BOX = "/html[1]/body[1]/main[1]/aside[1]"
BODY = (
    "Relatives of the mobilised men gathered outside the district office on Monday and demanded "
    "that the commander explain why the unit had been moved to the front line without rotation."
)
MORE = (
    "The office said the complaints had been forwarded to the regional prosecutor, who promised "
    "an answer within thirty days; the families said they would come back every week until then."
)


def _blocks(*paragraphs: tuple[str, str]) -> list[Block]:
    return [Block(text, 0.0, False, xpath) for xpath, text in paragraphs]


def test_unknown_lines_after_an_outside_box_go_with_it() -> None:
    # the contact box's heading stands outside the article; its address lines (jusText lacks
    # them: they are <br>-split or list items) follow it and go too
    lines = [BODY, MORE, "Contact the editors", "- Main Street 12", "- 12345 Sampletown"]
    blocks = _blocks((f"{ARTICLE}/p[1]", BODY), (f"{ARTICLE}/p[2]", MORE), (f"{BOX}/h3[1]", "Contact the editors"))
    assert _drop_outside_tail(lines, blocks) == [BODY, MORE]


def test_unknown_lines_after_the_article_stay() -> None:
    # no outside line above them: they may be the article's own list, they stay
    lines = [BODY, MORE, "- first demand: rotation", "- second demand: leave"]
    blocks = _blocks((f"{ARTICLE}/p[1]", BODY), (f"{ARTICLE}/p[2]", MORE))
    assert _drop_outside_tail(lines, blocks) == lines


def test_unknown_lines_between_article_lines_stay() -> None:
    lines = [BODY, "- a list item jusText lacks", MORE, "Related", "- another story"]
    blocks = _blocks((f"{ARTICLE}/p[1]", BODY), (f"{ARTICLE}/p[2]", MORE), (f"{BOX}/h2[1]", "Related"))
    assert _drop_outside_tail(lines, blocks) == [BODY, "- a list item jusText lacks", MORE]


@pytest.mark.parametrize(
    "line",
    [
        "| We need your help Keep our dictionary free for everyone Donate |",
        "Magst du unser Laufmagazin? Wir haben uns gegen eine Bezahlschranke entschieden und bleiben frei lesbar.",
        "Du kannst helfen und unterstütze unser Laufmagazin mit einem kleinen monatlichen Beitrag.",
        "Reading this for free? Help us keep reporting from the front line.",
        "We publish without a paywall because the families need this information.",
        'Um das Rezept "Borschtsch" kommentieren zu können, müssen Sie eingeloggt sein.',
        "You must be logged in to post a comment.",
        "Чтобы оставить комментарий, войдите на сайт.",
    ],
)
def test_funding_appeals_and_comment_logins_are_furniture(line: str) -> None:
    assert _boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The newspaper put its archive behind a paywall in 2019, the union said.",
        "Die Familien sagen, sie brauchen Hilfe: der Kommandeur habe ihre Briefe nie beantwortet.",
        "In the comments under the video, soldiers' wives asked the ministry for answers.",
        "Soldiers said they need your help to find the missing men of the battalion.",
    ],
)
def test_sentences_about_paywalls_help_and_comments_stay(line: str) -> None:
    assert not _boilerplate_line(line)


LEAD = (
    "Families of the reservists say the brigade was sent forward twice in one month, and the "
    "ministry has not answered their letters."
)


def test_the_paragraph_right_above_precision_modes_text_comes_back() -> None:
    # precision mode cut the standfirst above the body; the default text had it right above
    first = "\n".join(["Brigade moved again", LEAD, BODY, MORE, "Share this story"])
    precise = "\n".join([BODY, MORE])
    assert restore_dropped(precise, first, "") == "\n".join([LEAD, BODY, MORE])


def test_a_short_line_right_above_precision_modes_text_stays_out() -> None:
    # a heading or a kicker is not a lead paragraph (shorter than LEAD_MIN_CHARS)
    first = "\n".join([LEAD, "Brigade moved again", BODY, MORE])
    precise = "\n".join([BODY, MORE])
    assert restore_dropped(precise, first, "") == precise
