"""Highlighted snippets: the query's words found in a text by lemma, not by exact spelling."""

from __future__ import annotations

import html
from dataclasses import dataclass

from rich.text import Text

from sitrep.enrich.lemmas import TOKEN, lemma
from sitrep.enrich.normalize import normalize


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # offsets of matches inside ``text``
    cut_left: bool
    cut_right: bool

    def marked(self, left: str, right: str, escape: bool = False) -> str:
        enc = html.escape if escape else (lambda s: s)
        out, pos = [], 0
        for a, b in self.spans:
            out.append(enc(self.text[pos:a]))
            out.append(left + enc(self.text[a:b]) + right)
            pos = b
        out.append(enc(self.text[pos:]))
        body = "".join(out)
        return ("…" if self.cut_left else "") + body + ("…" if self.cut_right else "")

    def html(self) -> str:
        return self.marked("<mark>", "</mark>", escape=True)

    def rich(self) -> Text:
        t = Text(("…" if self.cut_left else "") + self.text + ("…" if self.cut_right else ""))
        shift = 1 if self.cut_left else 0
        for a, b in self.spans:
            t.stylize("bold reverse", a + shift, b + shift)
        return t


def _matches(word: str, groups: list[set[str]]) -> bool:
    norm = normalize(word)
    lems = {lemma(norm, "ru"), lemma(norm, "uk"), norm}
    for alts in groups:
        if lems & alts:
            return True
        if any(len(a) >= 3 and norm.startswith(a) for a in alts):
            return True
    return False


def snippet(text: str, groups: list[set[str]], width: int = 240) -> Snippet:
    """A window of ``text`` around the first match, with every match inside it marked."""
    text = text[:200_000]
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(text) if _matches(m.group(0), groups)]
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    if start > 0:  # do not cut a word in half
        space = text.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    window = text[start:end].replace("\n", " ")
    inside = tuple((a - start, b - start) for a, b in spans if a >= start and b <= end)
    return Snippet(window, inside, start > 0, end < len(text))
