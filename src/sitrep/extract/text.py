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
_SENT_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«“(—–-]?[A-ZА-ЯЁІЇЄҐ0-9🎥👉🔥⚡])|\n+")
_WORD = re.compile(r"\w+(?:['’ʼ-]\w+)*|/")
_APOS = str.maketrans({"’": "'", "ʼ": "'", "ё": "е", "Ё": "Е"})
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


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (stripped), never longer than MAX_SENT."""
    text = text[:MAX_TEXT]
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
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
            cands = self.exact.get(tok.word, []) + (
                self.exact.get(tok.lemma, []) if tok.lemma != tok.word else []
            )
            for key in {tok.word[:3], tok.lemma[:3]}:
                for cue in self.prefix.get(key, ()):
                    if self._tok_match(cue.tokens[0], tok):
                        cands.append(cue)
            for cue in cands:
                end = self._rest(cue, toks, i) if len(cue.tokens) > 1 else i + 1
                if end is not None:
                    hits.append(Hit(cue, sent.index, i, end))
        return hits
