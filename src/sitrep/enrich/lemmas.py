"""Lemmas for Russian and Ukrainian (pymorphy3), with a domain override list.

The override list fixes military nouns the dictionaries get wrong in this domain ("полка" is a
regiment's genitive, not a shelf). Lemmas are cached per word: a news stream repeats its
vocabulary, so the cache turns pymorphy3's ~14k words/s into hundreds of thousands.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

# Possessive: nothing follows the word, so the engine never backtracks into it and the matches are
# those of ``\w+(?:['-]\w+)*``; without the backtracking bookkeeping the 22k-post stream is
# tokenised in 0.50 s of CPU instead of 0.58 s (the same 1.3M tokens).
TOKEN = re.compile(r"\w++(?:['-]\w++)*+")

# word form -> lemma, checked before the dictionaries (both languages).
OVERRIDES: dict[str, str] = {
    "полка": "полк",
    "полку": "полк",
    "полком": "полк",
    "полке": "полк",
    "полки": "полк",
    "полков": "полк",
    "полкам": "полк",
    "полками": "полк",
    "полках": "полк",
    "полку́": "полк",
    "полкові": "полк",
    "полків": "полк",
    "сочи": "сочи",
    "вч": "вч",
    "всу": "всу",
    "зсу": "зсу",
    "сво": "сво",
    "мо": "мо",
    "шторм": "шторм",
    "вагнер": "вагнер",
    "вагнера": "вагнер",
    "отказники": "отказник",
    "отказников": "отказник",
    "отказникам": "отказник",
    "мобилизованные": "мобилизованный",
    "мобилизованных": "мобилизованный",
    "мобилизованным": "мобилизованный",
    "мобілізовані": "мобілізований",
    "мобілізованих": "мобілізований",
    # the past of "пойти" far more often than the imperative of "послать": "вчера пятеро не пошли на Московку" (a
    # Ukrainian text writes "пішли"; its rare imperative "пошли" gets the Russian lemma, which no cue reads)
    "пошли": "пойти",
    # prisoners, not the participle of "заключить" ("около сорока заключённых подписали контракт" is no contract
    # concluded twice); the punishment cell, not an adjective "шизый"
    "заключенные": "заключенный",
    "заключенных": "заключенный",
    "заключенным": "заключенный",
    "заключенными": "заключенный",
    "заключённые": "заключенный",
    "заключённых": "заключенный",
    "заключённым": "заключенный",
    "заключёнными": "заключенный",
    "шизо": "шизо",
    # the accusative of "війна" (war), which the Ukrainian dictionary reads as a verb "війнути": "потрапили на війну"
    "війну": "війна",
}


_MORPH: dict[str, Any] = {}
_MORPH_LOCK = threading.Lock()


def _morph(lang: str) -> Any:
    """The dictionary of one language, built once per process even when threads race for it
    (the web app's request threads used to build it several times over on the first requests)."""
    found = _MORPH.get(lang)
    if found is None:
        with _MORPH_LOCK:
            found = _MORPH.get(lang)
            if found is None:
                import pymorphy3

                found = _MORPH[lang] = pymorphy3.MorphAnalyzer(lang=lang)
    return found


@lru_cache(maxsize=400_000)
def lemma(word: str, lang: str) -> str:
    """Lemma of one lower-case word ("ru" or "uk"; anything else returns the word)."""
    return _lemma(word, lang)


def _lemma(word: str, lang: str) -> str:
    """``lemma`` without its cache: the index fragments (``_Fragments``) are a cache already."""
    hit = OVERRIDES.get(word)
    if hit is not None:
        return hit
    if lang not in ("ru", "uk") or word.isdigit() or _CYRILLIC.search(word) is None:
        return word
    morph = _morph(lang)
    found = _dictionary_lemma(morph, word) if len(word) > 1 else None
    if found is None and _LETTERS_ONLY.match(word):
        found = _guessed_lemma(morph, word)
    if found is None:
        parses = morph.parse(word)
        found = str(parses[0].normal_form) if parses else word
    return found.replace("ё", "е")


# A word of two or more Cyrillic letters and nothing else: none of pymorphy3's shape units
# (numbers, punctuation, Roman numerals, Latin, single-letter initials) nor its hyphen units
# can read it, so a word the dictionary lacks goes straight to the guessing units.
_LETTERS_ONLY = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]{2,}\Z")
# Units that give nothing for such a word (their ``parse`` returns []) and may be skipped.
_NOTHING_FOR_LETTERS = frozenset(
    {
        "DictionaryAnalyzer",  # the caller asked the dictionary already: not in it
        "AbbreviatedFirstNameAnalyzer",
        "AbbreviatedPatronymicAnalyzer",
        "NumberAnalyzer",
        "PunctuationAnalyzer",
        "RomanNumberAnalyzer",
        "LatinAnalyzer",
        "HyphenSeparatedParticleAnalyzer",
        "HyphenAdverbAnalyzer",
        "HyphenatedWordsAnalyzer",
    }
)
_GUESSERS = frozenset({"KnownPrefixAnalyzer", "UnknownPrefixAnalyzer", "KnownSuffixAnalyzer", "UnknAnalyzer"})
_GUESS_UNITS: dict[int, tuple[tuple[Any, bool], ...] | None] = {}


def _guess_units(morph: Any) -> tuple[tuple[Any, bool], ...] | None:
    """The analyzer's guessing units in order, or None when it has a unit not known here."""
    key = id(morph)
    if key not in _GUESS_UNITS:
        names = [type(analyzer).__name__ for analyzer, _terminal in morph._units]
        known = all(n in _NOTHING_FOR_LETTERS or n in _GUESSERS for n in names)
        _GUESS_UNITS[key] = (
            tuple(
                (analyzer, bool(terminal))
                for analyzer, terminal in morph._units
                if type(analyzer).__name__ in _GUESSERS
            )
            if known
            else None
        )
    return _GUESS_UNITS[key]


def _guessed_lemma(morph: Any, word: str) -> str | None:
    """``morph.parse(word)[0].normal_form`` for a letters-only word the dictionary lacks, or None
    to ask ``parse`` itself.

    ``parse`` runs every unit, wraps each analysis, and re-ranks them by P(tag | word) — which
    keeps the units' order when the corpus statistics know nothing of the word (always, for a
    word outside the dictionary, checked below). Here only the units that can read the word
    run, and the first analysis is the answer: 1.6x faster, checked equal to ``parse`` on the
    35k unknown letter-only words of the 22k-post stream and the labelled sets (ru and uk).
    """
    units = _guess_units(morph)
    if units is None:
        return None
    word_lower = word.lower()
    if morph.prob_estimator is not None and morph.prob_estimator.p_t_given_w.has_keys_with_prefix(word_lower + ":"):
        return None  # statistics for this form: parse ranks by them
    found: list[Any] = []
    seen: set[Any] = set()
    for analyzer, terminal in units:
        found.extend(analyzer.parse(word, word_lower, seen))
        if terminal and found:
            break
    return str(found[0][2]) if found else None


def _dictionary_lemma(morph: Any, word: str) -> str | None:
    """``morph.parse(word)[0].normal_form`` for a dictionary word, or None when not in it.

    The same choice as ``parse`` (the dictionary's analyses ranked by P(tag | word), the first
    on ties, in dictionary order when no probability is known) without building every
    analysis's normal form and Parse object: 6x faster, and a first ingest meets ~100k new
    words in 22k posts (checked equal to ``parse`` on all of them). Single letters and
    unknown words go through ``parse`` (abbreviation and guessing units).
    """
    dic = morph.dictionary
    items = dic.words.similar_items(word, morph.char_substitutes)
    if not items:
        return None
    if len(items) == 1 and len(items[0][1]) == 1:  # one analysis (~40 % of words): nothing to rank
        fixed, ((para_id, idx),) = items[0]
        return str(dic.build_normal_form(para_id, idx, fixed))
    stats = morph.prob_estimator.p_t_given_w if morph.prob_estimator is not None else None
    if stats is None or not stats.has_keys_with_prefix(word + ":"):
        # no P(tag | word) for this form: every analysis scores 0 and the first one wins
        fixed, analyses = items[0]
        para_id, idx = analyses[0]
        return str(dic.build_normal_form(para_id, idx, fixed))
    prob = stats.prob
    best: tuple[str, int, int] | None = None
    best_p = -1.0
    for fixed, analyses in items:
        for para_id, idx in analyses:
            p = prob(word, dic.build_tag_info(para_id, idx))
            if p > best_p:
                best_p, best = p, (fixed, para_id, idx)
    if best is None:
        return None
    return str(dic.build_normal_form(best[1], best[2], best[0]))


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _has_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def tokens(norm_text: str) -> list[str]:
    return TOKEN.findall(norm_text)


def search_body(norm_text: str, lang: str) -> str:
    """What the full-text index holds: each word's lemma, plus the word itself when it differs.

    Cyrillic words in an English or undetermined text are lemmatised as Russian.
    """
    cache = _FRAGMENTS["uk" if lang == "uk" else "ru"]
    if len(cache) > _FRAGMENTS_MAX:  # bound memory on endless streams (words met again are lemmatised again)
        cache.clear()
    # The loop runs in C (join over map); only words not met before call back into Python.
    return " ".join(map(cache.__getitem__, TOKEN.findall(norm_text)))


class _Fragments(dict[str, str]):
    """word -> its index fragment ("lemma word", or "word" when they are equal), for one language."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, word: str) -> str:
        # Called once per new word, and only from here: going through ``lemma``'s cache as well
        # kept a second copy of every word (120k (word, lang) keys for the 22k-post stream, the
        # 23k numbers and Latin words among them) for queries that do not come from ingest.
        lem = _lemma(word, self.lang)
        frag = self[word] = lem if lem == word else lem + " " + word
        return frag


# One dict lookup per token instead of a cached call, a comparison and two appends (search_body
# was 20% of ingest time), looked up by ``map`` in C.
_FRAGMENTS: dict[str, _Fragments] = {"ru": _Fragments("ru"), "uk": _Fragments("uk")}
_FRAGMENTS_MAX = 400_000


def query_lemmas(word: str, lang_hint: str | None = None) -> set[str]:
    """Possible lemmas of a query word, in both languages (a query does not say its language)."""
    word = word.lower().replace("ё", "е")
    if not _has_cyrillic(word):
        return {word}
    langs = [lang_hint] if lang_hint in ("ru", "uk") else ["ru", "uk"]
    return {lemma(word, lg) for lg in langs} | {word}
