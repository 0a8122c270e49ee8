"""Report text → sentences of tokens (word, lemma, offsets) and cue matches over them.

Offsets always point into the original ``post.text`` so evidence is an exact substring.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.enrich.lemmas import lemma
from sitrep.extract.codebook import Cue

# Sentence ends: . ! ? … followed by space + capital/quote/digit, or a line break.
# A chat's doubled "??" or "!?" ends its sentence before a lower-case word too ("кто знает что делать?? мой в
# бердянске ...", team-heldout-15), and so does any stop in a text written without a capital letter at all.
_SENT_END = re.compile(
    r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«“(—–-]?[A-ZА-ЯЁІЇЄҐ0-9🎥👉🔥⚡])|(?<=[!?][!?])\s+(?=[a-zа-яёіїєґ])|\n+"
)
_SENT_END_LOWER = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«“(—–-]?[a-zа-яёіїєґ0-9])|\n+")
_WORD = re.compile(r"\w+(?:['’ʼ-]\w+)*|/")
_APOS = str.maketrans({"’": "'", "ʼ": "'", "ё": "е", "Ё": "Е"})
# A stop after an abbreviation ends no sentence ("On Nov. 5 the men...", "по ч. 2.1 ст. 332 УК", "5 сент. 2023 г.",
# "Gen. Gerasimov", "подполковник А. В. Иванов", "Robert C. Martin", "из с. Ивановка", "ул. Ленина"): a month or a
# legal/number abbreviation before a digit; a title, a street or settlement abbreviation, a one-letter one ("с." a
# village, "г." a town, "м." a city) or an initial before a capital. Still ends: "2023 г. Бойцы", "2 с. И" (a year or
# a unit after a number), "и т. д. Они", "хозяйки Юлии Ц. Девушка" (a surname's initial after a Cyrillic first name),
# "Лжедмитрий I. В", "на C. Этот" (a Latin letter after a Cyrillic or a lower-case word).
_ABBR_BEFORE_DIGIT = re.compile(
    r"(?:^|[\s(«\"])(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|"
    r"дек|січ|лют|бер|квіт|трав|черв|лип|серп|вер|верес|жовт|лист|листоп|груд|ст|стт|ч|п|пп|абз|подп|no|nos|art|"
    r"para|pp?|vol|ch|sec)\.$",
    re.I,
)
_ABBR_BEFORE_CAP = re.compile(
    r"(?:^|[\s(«\"])(?:(?i:mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|cpl|pvt|st|prof|sen|rep|gov|adm|brig|rev|ген|полк|"
    r"подполк|ст|св|тов|пан|вул|ул|пр|просп|пер|пл|бул|пос|пгт|смт|дер)|[сгдмпрохч])\.$"
)
_INITIAL = re.compile(r"(?:^|([\w'’]+)\s+|[\s.(«\"])([A-ZА-ЯЁІЇЄҐ])\.$")
_UNIT_OR_YEAR = re.compile(r"\d\s*[а-яё]{1,2}\.$|\bт\.\s?[дпе]\.$|\bи\s+пр\.$")
_NEXT_INITIAL = re.compile(r"[A-ZА-ЯЁІЇЄҐ]\.")
MAX_TEXT = 100_000  # longer texts are cut: a post or article is far below this
MAX_SENT = 1500  # a "sentence" longer than this is a run-on list; split it further


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # lower case, ё→е, apostrophes unified
    lemma: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    boilerplate: bool = False  # a repeated line or a Title Case headline inside the body


@dataclass(frozen=True, slots=True)
class Hit:
    cue: Cue
    sentence: int
    start: int  # token index
    end: int  # token index (exclusive)


def _after_abbreviation(text: str, m: re.Match[str]) -> bool:
    """True when the break ``m`` follows an abbreviation's stop on the same line (see _ABBR_BEFORE_DIGIT)."""
    if "\n" in m[0] or m.start() < 2 or text[m.start() - 1] != ".":
        return False
    before = text[max(0, m.start() - 24) : m.start()]
    nxt = text[m.end() : m.end() + 1]
    if nxt.isdigit():
        return bool(_ABBR_BEFORE_DIGIT.search(before))
    if not nxt.isupper() or _UNIT_OR_YEAR.search(before):
        return False
    if _ABBR_BEFORE_CAP.search(before):
        return True
    if re.search(r"(?:^|\s)им\.$", before):  # "им. Н. Э. Баумана", not the pronoun ("стала им. Её личность")
        return bool(_NEXT_INITIAL.match(text, m.end()))
    ini = _INITIAL.search(before)
    if ini is None:
        return False
    word, letter = ini[1] or "", ini[2]
    if letter.isascii():  # "Robert C. Martin", "U.S. Department"; not "на C. Этот", "Лжедмитрий I. В этот"
        return letter not in "IVX" and (not word or word[0].isupper()) and not re.search(r"[а-яёіїєґ]", word, re.I)
    # "подполковник А. В. Иванов", "— Р. Эрдогана"; not "Юлии Ц. Девушка", "с ударением на О. Слово"
    if word[:1].isupper():
        return False
    return (
        not word or bool(_NEXT_INITIAL.match(text, m.end())) or bool(re.search(r"[А-ЯЁІЇЄҐ]\.\s?[А-ЯЁІЇЄҐ]\.$", before))
    )


QUOTE_NAME_MAX = 40  # characters on each side of a stop inside «...» that is a name's, not a sentence's


def _in_short_quote(text: str, m: re.Match[str]) -> bool:
    """The break ``m`` is a stop inside a short «...» name: «Орёл. Главное», «Вот так. Новости» (team-heldout-11)."""
    if "\n" in m[0]:
        return False
    opened = text.rfind("«", max(0, m.start() - QUOTE_NAME_MAX), m.start())
    if opened < 0 or "»" in text[opened : m.start()]:
        return False
    closed = text.find("»", m.end(), m.end() + QUOTE_NAME_MAX)
    return closed >= 0 and "«" not in text[m.end() : closed] and "\n" not in text[m.end() : closed]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (stripped), never longer than MAX_SENT."""
    text = text[:MAX_TEXT]
    spans: list[tuple[int, int]] = []
    pos = 0
    ends = _SENT_END if any(ch.isupper() for ch in text) else _SENT_END_LOWER
    for m in ends.finditer(text):
        if _after_abbreviation(text, m) or _in_short_quote(text, m):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > MAX_SENT:
            cut = text.rfind(" ", a, a + MAX_SENT)
            cut = cut if cut > a else a + MAX_SENT
            out.append((a, cut))
            a = cut
        out.append((a, b))
    result = []
    for a, b in out:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            result.append((a + lead, a + trail))
    return result


def _headline(seg: str) -> bool:
    """A short Title Case line with no final punctuation: a link or teaser from another article."""
    if len(seg) > 90 or seg[-1:] in '.!?…:»"”)':
        return False
    words = [w for w in re.findall(r"[A-Za-z]\w*", seg) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def tokenize(text: str, lang: str) -> list[Sentence]:
    morph = lang if lang in ("ru", "uk") else "ru"  # Cyrillic words in en/und texts: Russian
    sentences: list[Sentence] = []
    spans = split_sentences(text)
    counts: dict[str, int] = defaultdict(int)
    for a, b in spans:
        counts[text[a:b]] += 1
    for i, (a, b) in enumerate(spans):
        toks = []
        for m in _WORD.finditer(text, a, b):
            word = m.group(0).lower().translate(_APOS)
            toks.append(Token(word, lemma(word, morph), m.start(), m.end()))
        seg = text[a:b]
        boiler = (counts[seg] > 1 and len(seg) > 20) or _headline(seg)
        sentences.append(Sentence(i, a, b, seg, tuple(toks), boiler))
    return sentences


class CueIndex:
    """Cues indexed by their first token so a sentence is scanned once per token, not per cue."""

    def __init__(self, cues: Sequence[Cue], max_gap: int) -> None:
        self.max_gap = max_gap
        self.exact: dict[str, list[Cue]] = defaultdict(list)
        self.prefix: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            first = cue.tokens[0]
            if first.endswith("*"):
                self.prefix[first[:3]].append(cue)
            else:
                self.exact[first].append(cue)

    @staticmethod
    def _tok_match(pattern: str, tok: Token) -> bool:
        if pattern.endswith("*"):
            stem = pattern[:-1]
            return tok.word.startswith(stem) or tok.lemma.startswith(stem)
        return pattern == tok.word or pattern == tok.lemma

    def _rest(self, cue: Cue, toks: Sequence[Token], i: int) -> int | None:
        """Match the cue's further tokens after token i; return the end index or None."""
        pos = i + 1
        for pattern in cue.tokens[1:]:
            for j in range(pos, min(len(toks), pos + self.max_gap + 1)):
                if self._tok_match(pattern, toks[j]):
                    pos = j + 1
                    break
            else:
                return None
        return pos

    def find(self, sent: Sentence) -> list[Hit]:
        hits: list[Hit] = []
        toks = sent.tokens
        for i, tok in enumerate(toks):
            cands = self.exact.get(tok.word, []) + (self.exact.get(tok.lemma, []) if tok.lemma != tok.word else [])
            for key in {tok.word[:3], tok.lemma[:3]}:
                for cue in self.prefix.get(key, ()):
                    if self._tok_match(cue.tokens[0], tok):
                        cands.append(cue)
            for cue in cands:
                end = self._rest(cue, toks, i) if len(cue.tokens) > 1 else i + 1
                if end is not None:
                    hits.append(Hit(cue, sent.index, i, end))
        return hits
