"""Enrichment: language (ru/uk/en, short Ukrainian lines), normalisation, lemmas with overrides."""

from __future__ import annotations

import pytest

from sitrep.enrich import detect_languages, normalize, search_body
from sitrep.enrich.lemmas import lemma, query_lemmas


@pytest.mark.parametrize(("text", "lang"), [
    ("Бойцы 1428-го полка записали видеообращение и пожаловались на командиров.", "ru"),
    ("Ворог несе втрати.", "uk"),                # short Ukrainian line, no і/ї/є
    ("Новини на цю годину.", "uk"),
    ("Військові скаржаться на командування.", "uk"),
    ("Soldiers recorded a video appeal near Bakhmut.", "en"),
    ("Мобилизованные отказались идти в штурм.", "ru"),
    ("12345 !!!", "und"),
])
def test_language(text, lang):
    assert detect_languages([text]) == [lang]


def test_languages_in_a_batch_keep_their_order():
    assert detect_languages(["Ворог несе втрати.", "Hello there, soldiers.", "Солдаты вернулись домой."]) == [
        "uk", "en", "ru"]


@pytest.mark.parametrize(("raw", "norm"), [
    ("Ёлки  и\u00a0ЁЖИК", "елки и ежик"),                   # ё folded, spaces squeezed, lower case
    ("Куп’янськ Куп`янськ Купʼянськ", "куп'янськ куп'янськ куп'янськ"),  # apostrophes unified
    ("oбращение мoбилизованных", "обращение мобилизованных"),  # Latin look-alikes inside Cyrillic words
    ("Storm Z and Bakhmut", "storm z and bakhmut"),        # plain Latin words untouched
    ("в\u200dч\u2060\ufeff 12345", "вч 12345"),             # zero-width joiners and BOM dropped
])
def test_normalize(raw, norm):
    assert normalize(raw) == norm


def test_override_regiment_not_shelf():
    assert lemma("полка", "ru") == "полк" and lemma("полку", "uk") == "полк"
    assert "полк" in search_body(normalize("Бойцы 1428-го полка"), "ru").split()


@pytest.mark.parametrize(("word", "lang", "expected"), [
    ("бахмуте", "ru", "бахмут"), ("авдіївці", "uk", "авдіївка"), ("мобилизованных", "ru", "мобилизованный"),
])
def test_lemmas(word, lang, expected):
    assert lemma(word, lang) == expected


def test_search_body_keeps_surface_form_and_lemma():
    body = search_body(normalize("Под Бахмутом"), "ru").split()
    assert "бахмут" in body and "бахмутом" in body


def test_query_lemmas_cover_both_languages():
    assert {"авдіївка", "авдеевка"} & query_lemmas("Авдіївці")
    assert "бахмут" in query_lemmas("Бахмуте")
