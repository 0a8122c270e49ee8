"""Sentence text → counts of people ("234 военнослужащих", "двоє бійців", "several hundred men").

A number counts only when a people noun follows within three words (so dates, unit numbers and
ages do not). Qualifiers ("около", "близько", "about", "more than") and vague quantities
("несколько сотен" → 300, "сотни" → 200, "dozens" → 24) make the count approximate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_NUMBERS: dict[str, int] = {
    # ru
    "один": 1,
    "одного": 1,
    "двое": 2,
    "двоих": 2,
    "трое": 3,
    "троих": 3,
    "четверо": 4,
    "пятеро": 5,
    "шестеро": 6,
    "семеро": 7,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "пятнадцать": 15,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "пятьсот": 500,
    "тысяча": 1000,
    # uk
    "двоє": 2,
    "троє": 3,
    "п'ятеро": 5,
    "дві": 2,
    "двох": 2,
    "трьох": 3,
    "чотири": 4,
    "п'ять": 5,
    "шість": 6,
    "сім": 7,
    "вісім": 8,
    "дев'ять": 9,
    "десять_uk": 10,
    "п'ятнадцять": 15,
    "двадцять": 20,
    "тридцять": 30,
    "п'ятдесят": 50,
    "сто_uk": 100,
    "двісті": 200,
    "триста_uk": 300,
    "тисяча": 1000,
    # en
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "thirteen": 13,
    "fourteen": 14,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
}
VAGUE: list[tuple[str, int]] = [
    (r"несколько сотен|кілька сотень|several hundred|a few hundred", 300),
    (r"сотни|сотні|hundreds of", 200),
    (r"несколько десятков|кілька десятків|several dozen", 30),
    (r"десятки|десятків|dozens of", 24),
    (r"около сотни|близько сотні|about a hundred|around a hundred", 100),
    (r"a dozen|дюжина", 12),
]
PEOPLE = (
    r"(?:военн\w*|военнослужащ\w*|бойц\w*|боец|солдат\w*|мобилизованн\w*|человек|чел\.|мужчин\w*|контрактник\w*|"
    r"срочник\w*|призывник\w*|жен\w*|женщин\w*|родственниц\w*|родственник\w*|матер\w*|заключенн\w*|отказник\w*|"
    r"дезертир\w*|курсант\w*|офицер\w*|командир\w*|штурмовик\w*|граждан\w*|специалист\w*|техник\w*|"
    r"військов\w*|військовослужбовц\w*|бійц\w*|боєць|чоловік\w*|осіб|особи|людей|мобілізован\w*|жінк\w*|"
    r"дружин\w*|рідн\w*|курсант\w*|фахівц\w*|"
    r"men|soldiers?|troops|servicem[ae]n|women|wives|people|recruits?|conscripts?|fighters|mercenaries|"
    r"prisoners|relatives|mothers|technicians|officers|commanders|cadets|deserters|volunteers|"
    r"mobili[sz]ed|young men|veterans|nationals|citizens|росгвардейц\w*|гвардейц\w*|гвардійц\w*|"
    r"[а-яіїєґ]+(?:цев|ців)|[A-Z][a-z]+(?:is|ans|ese))"
)
APPROX = (
    r"(?:около|более|почти|порядка|примерно|свыше|до|больше|близько|понад|майже|приблизно|"
    r"about|around|nearly|over|almost|more than|some|roughly|up to)"
)
NUM = r"(\d{1,3}(?:[ \u00a0,]\d{3})*|\d+|[a-zа-яіїєґ']+)"
COUNT = re.compile(
    rf"(?:({APPROX})\s+)?{NUM}(?:\s*[-–]\s*\d+)?\s+(?:[a-zа-яіїєґ'-]+\s+){{0,2}}?{PEOPLE}\b", re.I
)
VAGUE_RE = re.compile(rf"({'|'.join(p for p, _ in VAGUE)})\s+(?:[a-zа-яіїєґ'-]+\s+){{0,2}}?{PEOPLE}", re.I)
BAD_BEFORE = re.compile(r"(?:№|aged|age|в/ч|-?летн\w*)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class CountHit:
    value: int
    precision: str  # exact, approximate
    start: int
    end: int


def _value(token: str) -> int | None:
    t = token.lower().replace("\u00a0", "").replace(" ", "").replace(",", "")
    if t.isdigit():
        return int(t) if 0 < int(t) < 1_000_000 else None
    return WORD_NUMBERS.get(t) or WORD_NUMBERS.get(t + "_uk")


# One person described on their own: "20-летнего контрактника", "a 28-year-old captain".
INDIVIDUAL = re.compile(
    r"\b\d{2}-(?:летн|річн)\w*\s+(?:[а-яіїєґ'-]+\s+){0,2}?(?:контрактник|военнослужащ|военн|солдат|срочник|курсант|"
    r"офицер|сержант|рядов|дезертир|мобилизованн|військовослужбов|військов|боєць|бійц|новобран|"
    r"лейтенант|капитан|капітан|летчик|льотчик|студент|мужчин|чоловік)\w*"
    r"|\b(?:a|an)\s+\d{2}-year-old\s+(?:[a-z-]+\s+){0,3}?(?:soldier|serviceman|conscript|recruit|captain|officer|"
    r"deserter|student|man|pilot|sergeant|lieutenant|contract soldier|cadet|private)\b",
    re.I,
)


def find_individual(text: str, start: int, end: int) -> CountHit | None:
    """A single person the event is about (an age plus a soldier noun) → count 1, exact."""
    m = INDIVIDUAL.search(text, start, end)
    return CountHit(1, "exact", m.start(), m.end()) if m else None


def find_counts(text: str, start: int, end: int) -> list[CountHit]:
    """People counts inside ``text[start:end]`` (offsets into ``text``)."""
    seg = text[start:end]
    hits: list[CountHit] = []
    for m in VAGUE_RE.finditer(seg):
        vague = next(v for p, v in VAGUE if re.fullmatch(p, m[1].lower()))
        hits.append(CountHit(vague, "approximate", start + m.start(), start + m.end()))
    for m in COUNT.finditer(seg):
        if any(h.start <= start + m.start() < h.end for h in hits):
            continue
        val = _value(m[2])
        if val is not None and 1900 <= val <= 2100 and re.fullmatch(r"\d{4}", m[2]):
            continue  # a year ("в 2023 году мобилизованные")
        if val is None or BAD_BEFORE.search(seg[max(0, m.start() - 8) : m.start()]):
            continue
        after = seg[m.end(2) : m.end(2) + 6]
        if re.match(r"\s*(?:-?летн|-?річн|-year|year)", after):
            continue
        precision = (
            "approximate" if m[1] or re.search(r"[-–]\s*\d", seg[m.end(2) : m.end(2) + 4]) else "exact"
        )
        hits.append(CountHit(val, precision, start + m.start(), start + m.end()))
    hits.sort(key=lambda h: h.start)
    return hits
