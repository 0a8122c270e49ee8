"""Lemmas for Russian and Ukrainian (pymorphy3), with a domain override list.

The override list fixes military nouns the dictionaries get wrong in this domain ("полка" is a
regiment's genitive, not a shelf). Lemmas are cached per word: a news stream repeats its
vocabulary, so the cache turns pymorphy3's ~14k words/s into hundreds of thousands.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

TOKEN = re.compile(r"\w+(?:['-]\w+)*")

# word form -> lemma, checked before the dictionaries (both languages).
OVERRIDES: dict[str, str] = {
    "полка": "полк", "полку": "полк", "полком": "полк", "полке": "полк", "полки": "полк", "полков": "полк",
    "полкам": "полк", "полками": "полк", "полках": "полк",
    "полку́": "полк", "полкові": "полк", "полків": "полк",
    "сочи": "сочи", "вч": "вч", "всу": "всу", "зсу": "зсу", "сво": "сво", "мо": "мо",
    "шторм": "шторм", "вагнер": "вагнер", "вагнера": "вагнер",
    "отказники": "отказник", "отказников": "отказник", "отказникам": "отказник",
    "мобилизованные": "мобилизованный", "мобилизованных": "мобилизованный",
    "мобилизованным": "мобилизованный", "мобілізовані": "мобілізований", "мобілізованих": "мобілізований",
}


@lru_cache(maxsize=4)
def _morph(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=400_000)
def lemma(word: str, lang: str) -> str:
    """Lemma of one lower-case word ("ru" or "uk"; anything else returns the word)."""
    hit = OVERRIDES.get(word)
    if hit is not None:
        return hit
    if lang not in ("ru", "uk") or word.isdigit() or not _has_cyrillic(word):
        return word
    parses = _morph(lang).parse(word)
    return str(parses[0].normal_form).replace("ё", "е") if parses else word


def _has_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def tokens(norm_text: str) -> list[str]:
    return TOKEN.findall(norm_text)


def search_body(norm_text: str, lang: str) -> str:
    """What the full-text index holds: each word's lemma, plus the word itself when it differs.

    Cyrillic words in an English or undetermined text are lemmatised as Russian.
    """
    morph_lang = lang if lang in ("ru", "uk") else "ru"
    cache = _FRAGMENTS[morph_lang]
    if len(cache) > _FRAGMENTS_MAX:  # bound memory on endless streams; refilled from lemma()'s cache
        cache.clear()
    out: list[str] = []
    for word in TOKEN.findall(norm_text):
        frag = cache.get(word)
        if frag is None:
            lem = lemma(word, morph_lang)
            frag = cache[word] = lem if lem == word else lem + " " + word
        out.append(frag)
    return " ".join(out)


# word -> its index fragment ("lemma word" or "word"), per language: one dict lookup per token
# instead of a cached call, a comparison and two appends (search_body was 20% of ingest time).
_FRAGMENTS: dict[str, dict[str, str]] = {"ru": {}, "uk": {}}
_FRAGMENTS_MAX = 400_000


def query_lemmas(word: str, lang_hint: str | None = None) -> set[str]:
    """Possible lemmas of a query word, in both languages (a query does not say its language)."""
    word = word.lower().replace("ё", "е")
    if not _has_cyrillic(word):
        return {word}
    langs = [lang_hint] if lang_hint in ("ru", "uk") else ["ru", "uk"]
    return {lemma(word, lg) for lg in langs} | {word}
