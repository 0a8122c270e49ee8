"""Enrichment: language (ru/uk/en, short Ukrainian lines), normalisation, lemmas with overrides."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.enrich import detect_languages, normalize, search_body
from sitrep.enrich.lemmas import lemma, query_lemmas

_normalize_mod = importlib.import_module("sitrep.enrich.normalize")  # the package re-exports normalize()
_lemmas_mod = importlib.import_module("sitrep.enrich.lemmas")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Бойцы 1428-го полка записали видеообращение и пожаловались на командиров.", "ru"),
        ("Ворог несе втрати.", "uk"),  # short Ukrainian line, no і/ї/є
        ("Новини на цю годину.", "uk"),
        ("Військові скаржаться на командування.", "uk"),
        ("Soldiers recorded a video appeal near Bakhmut.", "en"),
        ("Мобилизованные отказались идти в штурм.", "ru"),
        ("12345 !!!", "und"),
        # links and handles are not the post's language (a real stream headline + its naked link)
        (
            "Учёные нашли у пчёл способность считать https://naked-science.ru/article/biology/"
            "bees-can-count-and-recognise-numbers-experiment",
            "ru",
        ),
        ("Новости дня @ostorozhno_novosti_channel_official t.me/ostorozhno_novosti_official", "ru"),
        ("Read the full report: https://example.com/ru/новости", "en"),
    ],
)
def test_language(text, lang):
    assert detect_languages([text]) == [lang]


def test_languages_in_a_batch_keep_their_order():
    assert detect_languages(["Ворог несе втрати.", "Hello there, soldiers.", "Солдаты вернулись домой."]) == [
        "uk",
        "en",
        "ru",
    ]


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("Ёлки  и\u00a0ЁЖИК", "елки и ежик"),  # ё folded, spaces squeezed, lower case
        ("Куп’янськ Куп`янськ Купʼянськ", "куп'янськ куп'янськ куп'янськ"),  # apostrophes unified
        ("oбращение мoбилизованных", "обращение мобилизованных"),  # Latin look-alikes inside Cyrillic words
        ("Storm Z and Bakhmut", "storm z and bakhmut"),  # plain Latin words untouched
        ("в\u200dч\u2060\ufeff 12345", "вч 12345"),  # zero-width joiners and BOM dropped
    ],
)
def test_normalize(raw, norm):
    assert normalize(raw) == norm


def test_override_regiment_not_shelf():
    assert lemma("полка", "ru") == "полк" and lemma("полку", "uk") == "полк"
    assert "полк" in search_body(normalize("Бойцы 1428-го полка"), "ru").split()


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("бахмуте", "ru", "бахмут"),
        ("авдіївці", "uk", "авдіївка"),
        ("мобилизованных", "ru", "мобилизованный"),
    ],
)
def test_lemmas(word, lang, expected):
    assert lemma(word, lang) == expected


def test_search_body_keeps_surface_form_and_lemma():
    body = search_body(normalize("Под Бахмутом"), "ru").split()
    assert "бахмут" in body and "бахмутом" in body


def test_query_lemmas_cover_both_languages():
    assert {"авдіївка", "авдеевка"} & query_lemmas("Авдіївці")
    assert "бахмут" in query_lemmas("Бахмуте")


# -- the faster patterns and paths match the ones they replaced (ingest speed, issue #2) -------
_OLD_MIXED_WORD = re.compile(r"\b(?=\w*[а-яА-ЯіїєґІЇЄҐ])(?=\w*[a-zA-Z])\w+\b")
_OLD_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ALPHABET = "aeopcxyiAEOPKMTHBzZ" + "аеорсхуіАЕОРСКМТНВжЖїєґ" + "019_'- \t\u00a0\u2009\u3000\n.,é"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_mixed_word_and_space_patterns_match_the_simple_ones(text):
    assert _normalize_mod._MIXED_WORD.findall(text) == _OLD_MIXED_WORD.findall(text)
    assert _normalize_mod._SPACES.sub(" ", text) == _OLD_SPACES.sub(" ", text)
    # the quick tests before the patterns never skip a text the pattern would change
    quick = bool(
        _normalize_mod._LATIN_THEN_CYRILLIC.search(text) or _normalize_mod._LATIN_THEN_CYRILLIC.search(text[::-1])
    )
    assert quick == bool(_OLD_MIXED_WORD.search(text))
    has_blank = "  " in text or bool(_normalize_mod._HAS_RARE_BLANK.search(text))
    assert has_blank or _OLD_SPACES.sub(" ", text) == text


@pytest.mark.parametrize("word", ["полка", "роте", "стали", "мобилизации", "бахмуте", "шаурмы", "косить", "ёж"])
@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_dictionary_lemma_is_pymorphys_first_parse(word, lang):
    morph = _lemmas_mod._morph(lang)
    found = _lemmas_mod._dictionary_lemma(morph, word)
    if found is not None:  # a dictionary word: the same lemma as pymorphy3's best parse
        assert found == morph.parse(word)[0].normal_form


@pytest.mark.parametrize(
    "word",
    [
        "панафриканцами",
        "шатойскую",
        "гренелл",
        "шпигеля",
        "Сийярто",
        "виртуалке",
        "нанопластика",
        "залогиниться",
        "промпты",
        "авдіївці",
        "ґвинтівкою",
        "їжачками",
    ],
)
@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_guessed_lemma_is_pymorphys_first_parse(word, lang):
    morph = _lemmas_mod._morph(lang)
    if _lemmas_mod._dictionary_lemma(morph, word.lower()) is None:  # guessing: only the units that can read it
        found = _lemmas_mod._guessed_lemma(morph, word)
        assert found is None or found == morph.parse(word)[0].normal_form


def test_language_one_text_at_a_time_as_in_parallel():
    from sitrep.enrich.lang import _CODES, _detector, _language_part, _quick

    texts = [
        "Curiosity обнаружил серу на Марсе",
        "Жиза, не правда ли?",
        "Вайб Бутово",
        "Ворог несе втрати.",
        "hello мир",
    ]
    assert all(_quick(_language_part(t)) is None for t in texts)  # the script test leaves them to lingua
    parallel = _detector().detect_languages_in_parallel_of(texts)
    assert detect_languages(texts) == [_CODES[lang.name] if lang else "und" for lang in parallel]


_OLD_NOT_LANGUAGE = re.compile(r"(?:https?://|www\.|t\.me/)\S*|@\w+", re.I)
_LANG_ALPHABET = "aehptswmHTPSWME.:/@_ 1" + "аыэъіїєґёЁІЇЄҐяЯ" + "ўђ€«—\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LANG_ALPHABET, max_size=80))
def test_language_script_counts_match_the_simple_patterns(text):
    """Letters counted on cp1251 bytes and the literal-led link pattern agree with plain regexes."""
    from sitrep.enrich import lang

    assert lang._NOT_LANGUAGE.sub(" ", text) == _OLD_NOT_LANGUAGE.sub(" ", text)
    data = text.encode("cp1251", "ignore")
    assert len(data.translate(None, lang._NOT_CYRILLIC)) == len(re.findall("[а-яА-ЯёЁіїєґІЇЄҐ]", text))
    assert len(data.translate(None, lang._NOT_LATIN)) == len(re.findall("[a-zA-Z]", text))
    assert bool(data.translate(None, lang._NOT_UK)) == bool(re.search("[іїєґІЇЄҐ]", text))
    assert bool(data.translate(None, lang._NOT_RU)) == bool(re.search("[ыэъЫЭЪ]", text))
