"""Sentence text → counts of people ("234 военнослужащих", "двоє бійців", "several hundred men").

A number counts only when a people noun follows within three words (so dates, unit numbers and
ages do not). Qualifiers ("около", "близько", "about", "more than") and vague quantities
("несколько сотен" → 300, "сотни" → 200, "dozens" → 24) make the count approximate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
    "одиннадцать": 11,
    "двенадцать": 12,
    "двенадцати": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "семнадцати": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "сотню": 100,
    "сотня": 100,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "пятьсот": 500,
    "тысяча": 1000,
    "четырех": 4,
    "пятерых": 5,
    "шестерых": 6,
    "семерых": 7,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
    "десяти": 10,
    "десятеро": 10,
    "двадцати": 20,
    "тридцати": 30,
    "сорока": 40,
    "пятидесяти": 50,
    "двухсот": 200,
    "трехсот": 300,
    "пятисот": 500,
    # uk
    "чотирьох": 4,
    "четверо_uk": 4,
    "п'ятьох": 5,
    "шестеро_uk": 6,
    "шістьох": 6,
    "семеро_uk": 7,
    "сімох": 7,
    "десятеро_uk": 10,
    "десятьох": 10,
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
    "одинадцять": 11,
    "дванадцять": 12,
    "дванадцятеро": 12,
    "тринадцять": 13,
    "п'ятнадцять": 15,
    "сімнадцять": 17,
    "сімнадцятеро": 17,
    "вісімнадцять": 18,
    "сотню_uk": 100,
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
    (r"нескольк\w* сот\w*|кільк\w* сот\w*|several hundred|a few hundred", 300),
    # codebook §4: "several hundred" → 300; a bare "hundreds" is read the same (team-heldout conventions)
    (r"сотн(?:и|ях|ям|ями)|сотні|сотень|hundreds of", 300),
    (r"нескольк\w* десятк\w*|кільк\w* десятк\w*|several dozen", 24),
    (r"десятки|десятків|dozens of", 24),
    (r"около сотни|близько сотні|about a hundred|around a hundred", 100),
    (r"a dozen|дюжина", 12),
]
PEOPLE = (
    r"(?:военн\w*|военнослужащ\w*|ранен\w*|поранен\w*|громадян\w*|загибл\w*|погибш\w*|wounded|injured|бойц\w*|боец|солдат\w*|мобилизованн\w*|человек|чел\.|мужчин\w*|контрактник\w*|"
    r"срочник\w*|призывник\w*|жен\w*|женщин\w*|родственниц\w*|родственник\w*|матер\w*|заключенн\w*|отказник\w*|"
    r"дезертир\w*|курсант\w*|офицер\w*|командир\w*|штурмовик\w*|граждан\w*|специалист\w*|техник\w*|люд\w*|"
    r"військов\w*|військовослужбовц\w*|бійц\w*|боєць|чоловік\w*|осіб|особи|людей|мобілізован\w*|жінк\w*|"
    r"дружин\w*|рідн\w*|курсант\w*|фахівц\w*|из них|з них|"
    r"men|soldiers?|troops|servicem[ae]n|women|wives|people|recruits?|conscripts?|fighters|mercenaries|"
    r"prisoners|relatives|mothers|technicians|officers|commanders|cadets|deserters|volunteers|of them|"
    r"mobili[sz]ed|young men|veterans|nationals|citizens|росгвардейц\w*|гвардейц\w*|гвардійц\w*|"
    r"(?!месяц|місяц)[а-яіїєґ]+(?:цев|ців)|[A-Z][a-z]+(?:is|ans|ese))"
)
# "more than / at least N" is N, approximate (reports-dev conventions)
APPROX = (
    r"(?:около|более чем|более|почти|порядка|примерно|свыше|до|больше чем|больше|не менее|не меньше|как минимум|"
    r"минимум|по меньшей мере|близько|понад|майже|приблизно|більш ніж|більше ніж|більше|щонайменше|не менше|"
    r"принаймні|щонайменш|about|around|nearly|over|almost|more than|at least|some|roughly|up to|approximately)"
)
# number words as whole words only: a free [а-я]+ here swallowed the word before a real number
# ("рассказали сами семеро контрактников" matched from "рассказали" and lost "семеро")
_WORDS = sorted({k.removesuffix("_uk") for k in WORD_NUMBERS}, key=len, reverse=True)
_NUM_WORD = "|".join(re.escape(w).replace("е", "[её]") for w in _WORDS)
NUM = rf"(\d{{1,3}}(?:[ \u00a0,]\d{{3}})*|\d+|(?:{_NUM_WORD})(?![\w']))"
# a range "150–200", "150 to 200", "от 150 до 200", "трёх-четырёх" → its midpoint, approximate
RANGE = rf"(?:\s*[-–—]\s*|\s+(?:to|до|and|или|або|or)\s+){NUM}"
COUNT = re.compile(
    rf"(?:({APPROX})\s+|\b(?:от|від|from|between)\s+)?\b{NUM}(?:{RANGE})?\s+(?:[a-zа-яёіїєґ'-]+\s+){{0,2}}?{PEOPLE}\b",
    re.I,
)
VAGUE_RE = re.compile(rf"({'|'.join(p for p, _ in VAGUE)})\s+(?:[a-zа-яіїєґ'-]+\s+){{0,2}}?{PEOPLE}", re.I)
BAD_BEFORE = re.compile(r"(?:№|aged|age|в/ч|-?летн\w*)\s*$", re.I)
# a month between the number and the noun: a date ("22 мая бойцы записали"), not a count
_MONTH_WORD = re.compile(
    r"\b(?:январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|"
    r"черв|лип|серп|верес|жовт|листопад|груд|january|february|march|april|may\b|june|july|august|september|"
    r"october|november|december)",
    re.I,
)
# the dead are not the people of the event ("бригада потеряла не меньше 30 человек", "16 were confirmed
# dead"): reports-dev leaves such counts out; "out of action" (codebook §6) still counts
_DEATH_BEFORE = re.compile(
    r"(?:погиб\w*|убит\w*|загин\w*|загибл\w*|вбит\w*|потерял\w*|втрат\w*|killed|lost)\W+(?:\w+\W+){0,2}$", re.I
)
_DEATH_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:погиб\w*|убит\w*|загин\w*|вбит\w*|(?:were |confirmed |now )*(?:dead|killed|died))\b", re.I
)


# "300 killed, wounded and missing", "убитыми, ранеными и пропавшими": the men lost to the unit, out of action
_DEAD_NOUN = re.compile(r"загибл|погибш", re.I)
_CASUALTY_TOTAL = re.compile(r"ранен|поранен|wounded|missing|пропавш|зникл", re.I)


@dataclass(frozen=True, slots=True)
class CountHit:
    value: int
    precision: str  # exact, approximate
    start: int
    end: int


def _value(token: str) -> int | None:
    t = token.lower().replace("\u00a0", " ").replace(",", "").replace("ё", "е")
    if t.replace(" ", "").isdigit():
        t = t.replace(" ", "")
        return int(t) if 0 < int(t) < 1_000_000 else None
    return WORD_NUMBERS.get(t) or WORD_NUMBERS.get(t + "_uk")


# One person described on their own: "20-летнего контрактника", "a 28-year-old captain".
INDIVIDUAL = re.compile(
    r"\b\d{2}-(?:летн|річн)\w*\s+(?:[а-яіїєґ'-]+\s+){0,2}?(?:контрактник|военнослужащ|военн|солдат|срочник|курсант|"
    r"офицер|сержант|рядов|дезертир|мобилизованн|військовослужбов|військов|боєць|бійц|новобран|"
    r"лейтенант|капитан|капітан|летчик|льотчик|студент|мужчин|чоловік)\w*"
    r"|\b(?:a|an|the)\s+\d{2}-year-old\s+(?:[a-z-]+\s+){0,3}?(?:soldier|serviceman|conscript|recruit|captain|"
    r"officer|deserter|student|man|pilot|sergeant|lieutenant|contract soldier|cadet|private|[A-Z][a-z]+(?:an|ese|i))\b",
    re.I,
)
_CAP = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+"
# One named service member: a singular soldier noun right before a first name and surname
# ("контрактнику Максиму Горячкину", "механик-водитель Алексей Новиков", "Russian army deserter ...
# Anatoly Shchetin" is not: the name must follow the noun), or "Andrei Medvedev, 26," in English.
NAMED_INDIVIDUAL = re.compile(
    r"\b(?:контрактник|военнослужащ(?:ий|его|ему|им)|солдат|срочник|курсант|офицер|сержант|рядов(?:ой|ого|ому)|"
    r"дезертир|мобилизованн(?:ый|ого|ому|ым)|лейтенант|капитан|майор|летчик|лётчик|пилот|механик-водитель|"
    r"командир отделения|штурмовик|десантник|морпех|"
    r"військовослужбов(?:ець|ця|цю|цем)|мобілізован(?:ий|ого|ому)|строковик|капітан|льотчик|"
    r"боєць|бійц(?:я|ю|ем)|навідник|водій|стрілець|розвідник)(?:а|у|ом|е|ю|ем)?\b"
    rf"(?:\s+[A-ZА-ЯЁІЇЄҐ]{{2,5}})?(?:\s+(?:[«\"(][^»\")\n]{{1,30}}[»\")]))?[\s,]+{_CAP}\s+{_CAP}"
    r"(?!\s+(?:област|район|край))"
    r"|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2},\s+\d{2},",
    re.U,
)


def find_individual(text: str, start: int, end: int) -> CountHit | None:
    """A single person the event is about (an age plus a soldier noun) → count 1, exact."""
    m = INDIVIDUAL.search(text, start, end) or NAMED_INDIVIDUAL.search(text, start, end)
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
        if val == 1 and re.match(r"\s+(?:из|з|із|of)\b", seg[m.end(2) :], re.I):
            continue  # "один из них", "one of them": a member of the group, not its size
        if _MONTH_WORD.search(seg, m.end(3) if m[3] else m.end(2), m.end()):
            continue
        if (
            _DEAD_NOUN.search(m[0])
            or _DEATH_BEFORE.search(seg[max(0, m.start() - 40) : m.start()])
            or _DEATH_AFTER.search(seg[m.end() : m.end() + 40])
        ) and not _CASUALTY_TOTAL.search(seg[m.end() : m.end() + 60]):
            continue
        precision = "approximate" if m[1] else "exact"
        if m[3]:  # a range: the midpoint
            high = _value(m[3])
            if high is not None and high > val:
                val, precision = round((val + high) / 2), "approximate"
        hits.append(CountHit(val, precision, start + m.start(), start + m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


# Nouns for one service member (lemmas, ru/uk/en): a desertion, abuse or refusal case told of "a cadet",
# "the pilot", "a deserter" is about one person even when no number is written.
MEMBER_NOUNS = frozenset(
    "солдат военнослужащий мобилизованный контрактник срочник призывник штурмовик десантник морпех рядовой "
    "сержант отказник дезертир новобранец росгвардеец боец курсант летчик пилот наемник беглец самовольщик "
    "військовослужбовець мобілізований строковик рядовий новобранець боєць льотчик пілот найманець втікач "
    "soldier serviceman conscript recruit deserter pilot cadet mercenary sergeant private".split()
)


def lone_member(tokens: Sequence[Any], lang: str) -> bool:
    """True when the sentence names service members only in the singular ("избил курсанта", "a recruit").

    ``tokens`` are ``sitrep.extract.text.Token``s (word, lemma). Plural forms ("курсантов",
    "deserters") or a collective ("group", "группа", "група") make it False.
    """
    from sitrep.enrich.lemmas import _morph

    seen = False
    for t in tokens:
        if t.word in ("группа", "група", "group", "groups"):
            return False
        if t.lemma not in MEMBER_NOUNS and t.word not in MEMBER_NOUNS and t.word.rstrip("s") not in MEMBER_NOUNS:
            continue
        if re.fullmatch(r"[a-z]+", t.word):
            if t.word.endswith("s") and t.word not in MEMBER_NOUNS:
                return False
            seen = True
            continue
        parses = _morph(lang if lang in ("ru", "uk") else "ru").parse(t.word)
        nouns = [p for p in parses if p.tag.POS in ("NOUN", "ADJF") and p.normal_form == t.lemma] or parses[:1]
        if not nouns or "plur" in str(nouns[0].tag):  # the uk dictionary writes no "sing"
            return False
        seen = True
    return seen
