"""Article arbitration: paragraphs put back by extractor agreement, boilerplate lines dropped."""

from __future__ import annotations

from sitrep.sources.articles import _justext, _readability, add_agreed, choose

LEAD = "The regiment's soldiers recorded a video appeal to the governor on Monday evening."


def test_agreed_paragraph_is_put_back_in_order() -> None:
    text = "First paragraph kept by trafilatura.\nThird paragraph kept by trafilatura."
    readability = f"First paragraph kept by trafilatura.\n{LEAD}\nThird paragraph kept by trafilatura."
    assert add_agreed(text, readability, justext=LEAD).split("\n")[1] == LEAD


def test_paragraph_one_extractor_keeps_stays_out() -> None:
    text = "First paragraph kept by trafilatura."
    assert add_agreed(text, f"{text}\n{LEAD}", justext="") == text
    assert add_agreed(text, f"{text}\nShort teaser", justext="Short teaser") == text


def test_boilerplate_lines_dropped() -> None:
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    sentence = "Anzeige erstattet hat der Vater des Soldaten, sagte die Polizei am Dienstag."
    first = "\n".join([body, "Auch interessant:", "Никола Пашинян. (Foto: AFP / Pool)", sentence])
    text, _ = choose(f"<html><body><p>{body}</p></body></html>", None, first)
    assert text.split("\n") == [body, sentence]


def test_justext_keeps_russian_paragraph_drops_menu() -> None:
    body = ("Мобилизованные бойцы полка записали видеообращение к губернатору, в котором они "
            "рассказали, что их отправили на передовую без артиллерийской поддержки и без связи. ") * 3
    html = f"<html><body><ul><li><a href='/'>Главная</a></li><li><a href='/p'>Политика</a></li></ul>" \
           f"<p>{body}</p></body></html>"
    kept = _justext(html, body)
    assert body.strip() in kept and "Главная" not in kept
    assert _justext("", "") == "" and _readability("") == ""
