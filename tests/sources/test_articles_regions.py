"""Article arbitration, fourth round: lines precision mode found outside the default text are put
back in place when precision mode is not taken (it kept too little of the default text)."""

from __future__ import annotations

import pytest

import sitrep.sources.articles as articles
from sitrep.sources.articles import add_found, choose

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
