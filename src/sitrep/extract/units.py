"""Sentence text → military units named in it, normalised as the codebook says.

"1428-го полка" → "1428th regiment", "47-ї окремої механізованої бригади" → "47th mechanized
brigade", "110-ї ОМБр" → "110th mechanized brigade", "тисяча чотириста двадцять восьмого полку" →
"1428th regiment", "the 155th Marine Brigade" → "155th marine brigade", "в/ч 12345" / "войсковая
часть 12345" → "military unit 12345", "Шторм Z" → "Storm Z".
The number and the kind of unit are kept; "separate"/"отдельная"/"окрема" is dropped because
sources use it inconsistently for the same unit.

Units without a number are named ones: well-known formations ("Wagner", "Azov", "Rosgvardia"),
any name in quotes after a kind word («батальон „Восток“» → "Vostok battalion", «ЧВК „Редут“» →
"Redut"), ships («крейсер „Москва“» → "cruiser Moskva") and fleets ("Black Sea Fleet").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.via import KIND_OUTLET, latin_skeleton, translit, translit_uk

# (stem regex, English kind); full word forms so that "полковник", "бригадир", "дивизион" are no units
KINDS: list[tuple[str, str]] = [
    (r"полк(?:а|у|ом|е|і|и|ов|ів|ам|ами|ах)?", "regiment"),
    (r"бригад(?:а|ы|и|і|е|у|ой|ою|ам|ами|ах)?", "brigade"),
    (r"батал(?:ь|ї|и)он\w*|батальйон\w*", "battalion"),
    (r"дивизи(?:я|и|ю|ей|ею|й|ям|ями|ях)|дивізі(?:я|ї|ю|єю|й|ям|ями|ях)", "division"),
    (r"арми(?:я|и|ю|ей|ею|й|ям|ями|ях)|армі(?:я|ї|ю|єю|й|ям|ями|ях)", "army"),
    (r"корпус(?:а|у|ом|е|і|ов|ів|ам|ами|ах)?", "corps"),
    (r"(?:военн|військов)\w*\s+баз\w*|баз[аиыеуі]\w*", "military base"),
    (r"отряд\w*|загон\w*|загін\w*", "detachment"),
]
ADJECTIVES: list[tuple[str, str]] = [  # stem → English, in the order English puts them
    (r"гвард|гв\.", "guards"),
    (r"десантно-штурм|десантно-штурм", "air assault"),
    (r"мотострелк|мотострілец|мотострілк", "motor rifle"),
    (r"механ", "mechanized"),
    (r"мотопіхот|мотопехот", "motorized infantry"),
    (r"танк", "tank"),
    (r"штурм", "assault"),
    (r"стрелк|стрілец", "rifle"),
    (r"вертол|гелікопт", "helicopter"),
    (r"артил", "artillery"),
    (r"аеромоб|аэромоб", "airmobile"),
    (r"десант", "airborne"),
    (r"горно-пех|гірсько-пі", "mountain infantry"),
    (r"горно-штурм|гірсько-штурм", "mountain assault"),
    (r"общевойск|загальновійськ", "combined arms"),
    (r"армейск|армійськ", "army"),
    (r"морск|морськ", "marine"),
    (r"территор|територ|тероборон", "territorial defence"),
    (r"разведыв|розвідув", "reconnaissance"),
    (r"специальн|спеціальн", "special"),
    (r"пехот|піхот", "infantry"),
    (r"егерск|єгерськ", "jaeger"),
    (r"инженерн|інженерн", "engineer"),
]
POST_MODIFIERS: list[tuple[str, str]] = [
    (r"тактическ\w*\s+авиац\w*|тактичн\w*\s+авіац\w*", "tactical aviation"),
    (r"территориальн\w*\s+оборон\w*|територіальн\w*\s+оборон\w*|тероборон\w*|ТрО|ТРО", "territorial defence"),
    (r"морск\w*\s+пехот\w*|морськ\w*\s+піхот\w*", "marine"),
    (r"спецназначени\w*|спецпризначенн\w*|специальн\w*\s+назначени\w*|спеціальн\w*\s+призначенн\w*", "special"),
]
# Ukrainian and Russian abbreviations after a number: "110-ї ОМБр", "64-й омсбр", "35 ОБрМП"
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "омбр": ("mechanized", "brigade"),
    "омпбр": ("motorized infantry", "brigade"),
    "ошбр": ("assault", "brigade"),
    "одшбр": ("air assault", "brigade"),
    "дшбр": ("air assault", "brigade"),
    "оаембр": ("airmobile", "brigade"),
    "отбр": ("tank", "brigade"),
    "оабр": ("artillery", "brigade"),
    "обрмп": ("marine", "brigade"),
    "обмп": ("marine", "brigade"),
    "огшбр": ("mountain assault", "brigade"),
    "огпбр": ("mountain infantry", "brigade"),
    "обртро": ("territorial defence", "brigade"),
    "бртро": ("territorial defence", "brigade"),
    "обтро": ("territorial defence", "battalion"),
    "бтро": ("territorial defence", "battalion"),
    "омсбр": ("motor rifle", "brigade"),
    "мсбр": ("motor rifle", "brigade"),
    "мсп": ("motor rifle", "regiment"),
    "мсд": ("motor rifle", "division"),
    "одшб": ("air assault", "battalion"),
    "ошб": ("assault", "battalion"),
    "омпб": ("motorized infantry", "battalion"),
    "омсб": ("motor rifle", "battalion"),
    "омсп": ("motor rifle", "regiment"),
    "пдп": ("airborne", "regiment"),
    "дшп": ("air assault", "regiment"),
    "обрспн": ("special", "brigade"),
    "тд": ("tank", "division"),
    "ак": ("army", "corps"),
    "опдеснб": ("airborne", "battalion"),
    "вдд": ("airborne", "division"),
    "гвдд": ("guards airborne", "division"),
    "дшд": ("air assault", "division"),
}
EN_ADJ = {
    "guards",
    "mechanized",
    "mechanised",
    "tank",
    "motor",
    "rifle",
    "motorized",
    "motorised",
    "assault",
    "air",
    "airborne",
    "airmobile",
    "tactical",
    "aviation",
    "helicopter",
    "artillery",
    "infantry",
    "mountain",
    "marine",
    "territorial",
    "defence",
    "defense",
    "special",
    "reconnaissance",
    "combined",
    "arms",
    "naval",
    "army",
}
EN_BETWEEN = {"separate", "independent", "special", "forces", "purpose", "operations", "of", "the", "russia's"}

# --- numbers written in words ("тисяча чотириста двадцять восьмого", "forty-seventh") -------------

_CARDINALS: dict[str, int] = {
    "тысяча": 1000,
    "тисяча": 1000,
    "сто": 100,
    "двести": 200,
    "двісті": 200,
    "триста": 300,
    "четыреста": 400,
    "чотириста": 400,
    "пятьсот": 500,
    "п'ятсот": 500,
    "шестьсот": 600,
    "шістсот": 600,
    "семьсот": 700,
    "сімсот": 700,
    "восемьсот": 800,
    "вісімсот": 800,
    "девятьсот": 900,
    "дев'ятсот": 900,
    "двадцать": 20,
    "двадцять": 20,
    "тридцать": 30,
    "тридцять": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "п'ятдесят": 50,
    "шестьдесят": 60,
    "шістдесят": 60,
    "семьдесят": 70,
    "сімдесят": 70,
    "восемьдесят": 80,
    "вісімдесят": 80,
    "девяносто": 90,
    "дев'яносто": 90,
}
_ORDINAL_STEMS: dict[str, int] = {
    "перв": 1,
    "перш": 1,
    "втор": 2,
    "трет": 3,
    "треть": 3,
    "четверт": 4,
    "пят": 5,
    "п'ят": 5,
    "шест": 6,
    "шост": 6,
    "седьм": 7,
    "сьом": 7,
    "восьм": 8,
    "девят": 9,
    "дев'ят": 9,
    "десят": 10,
    "одиннадцат": 11,
    "одинадцят": 11,
    "двенадцат": 12,
    "дванадцят": 12,
    "тринадцат": 13,
    "тринадцят": 13,
    "четырнадцат": 14,
    "чотирнадцят": 14,
    "пятнадцат": 15,
    "п'ятнадцят": 15,
    "шестнадцат": 16,
    "шістнадцят": 16,
    "семнадцат": 17,
    "сімнадцят": 17,
    "восемнадцат": 18,
    "вісімнадцят": 18,
    "девятнадцат": 19,
    "дев'ятнадцят": 19,
    "двадцат": 20,
    "двадцят": 20,
    "тридцат": 30,
    "тридцят": 30,
    "сороков": 40,
    "пятидесят": 50,
    "п'ятдесят": 50,
    "шестидесят": 60,
    "шістдесят": 60,
    "семидесят": 70,
    "сімдесят": 70,
    "восьмидесят": 80,
    "вісімдесят": 80,
    "девяност": 90,
    "дев'яност": 90,
    "сот": 100,
    "двухсот": 200,
    "двохсот": 200,
    "трехсот": 300,
    "трьохсот": 300,
    "четырехсот": 400,
    "чотирьохсот": 400,
    "пятисот": 500,
    "п'ятисот": 500,
    "шестисот": 600,
    "семисот": 700,
    "сімсот": 700,
    "восьмисот": 800,
    "вісімсот": 800,
    "девятисот": 900,
    "дев'ятисот": 900,
    "тысячн": 1000,
    "тисячн": 1000,
}
# "друг-" is "second" in Ukrainian but "other" in Russian: only inside a compound ("двадцять друга")
_COMPOUND_ONLY = {"друг": 2}
# adjective endings of an ordinal (ru/uk); no bare "и"/"і": "пяти бригад" is "five brigades"
_ORD_END = (
    r"(?:ого|его|ому|ему|ьего|ьему|ього|ьому|ий|ый|ой|ій|ая|яя|ое|ее|ые|ие|ую|юю|ым|им|ім|ом|ем|ых|их|іх|"
    r"ої|ьої|ою|ьою|ей|ья|ье|ьи|ью|ьим|ьей|а|я|е|у|ю)"
)
_APOS = "['’ʼ]"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace("'", _APOS) for w in sorted(words, key=len, reverse=True))


_ORD_WORDS = (
    rf"(?:(?:{_alt(list(_CARDINALS))})\s+){{0,3}}"
    rf"(?:(?:{_alt(list(_ORDINAL_STEMS))})|(?<=\s)(?:{_alt(list(_COMPOUND_ONLY))})){_ORD_END}"
)
_ORD_WORDS_RE = re.compile(rf"(?<![\w'’ʼ-]){_ORD_WORDS}(?![\w'’ʼ-])", re.I)


def words_number(phrase: str) -> int | None:
    """ "тисяча чотириста двадцять восьмого" → 1428; None when it is no ordinal phrase."""
    words = [re.sub(_APOS, "'", w) for w in phrase.lower().split()]
    if not words:
        return None
    total = 0
    for w in words[:-1]:
        if w not in _CARDINALS:
            return None
        total += _CARDINALS[w]
    last = words[-1]
    stems = {**_ORDINAL_STEMS, **(_COMPOUND_ONLY if total else {})}
    for stem in sorted(stems, key=len, reverse=True):
        if last.startswith(stem) and re.fullmatch(_ORD_END, last[len(stem) :]):
            return total + stems[stem]
    return None


_EN_ONES = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_TENTHS = {k[:-1] + "ieth": v for k, v in _EN_TENS.items()}
_EN_ORD_WORDS = (
    rf"(?:(?:{'|'.join(_EN_TENS)})[\s-](?:{'|'.join(list(_EN_ONES)[:9])})|{'|'.join(_EN_ONES)}|{'|'.join(_EN_TENTHS)})"
)


def en_words_number(phrase: str) -> int:
    parts = re.split(r"[\s-]+", phrase.lower())
    if len(parts) == 2:
        return _EN_TENS[parts[0]] + _EN_ONES[parts[1]]
    return _EN_ONES.get(parts[0]) or _EN_TENTHS[parts[0]]


# --- patterns ------------------------------------------------------------------------------------

_CYR_ORD = r"(?:-\s?[а-яёіїє]{1,3}|(?:й|я|го|ї))?"
_ADJ_WORDS = r"(?:(?:гв\.|отд\.|окр\.|[«\"]?[а-яёіїєґ'-]+[»\"]?)\s*(?<=[\s.])){0,4}?"
_ABBREVIATED_ADJ = {"гв.", "отд.", "окр."}  # "20-й гв. мотострелковой дивизии", "1-й отд. бригады"
ADJ_END = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ої|ій|ою|ею|ими|ыми|"
    r"ом|ем|а|е|і|ї|я|ю|у)$",
    re.I,
)
# a one-letter ending ("окрема", "механізована", "штурмову") is an adjective's only after an adjective suffix
# or a known stem: "1-го числа бригада", "5-го отделения бригады" are no units
SHORT_ADJ = re.compile(r"(?:н|в|ськ|цьк|зьк|ов|ев|[а-яіїє]к|окрем|перш|друг|трет|ч|ш|ж)[аеіїяюу]$", re.I)
LONG_ADJ_END = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ої|ій|ою|ею|ими|ыми|ом|ем)$", re.I
)


def _adjective_like(word: str) -> bool:
    w = word.strip('«»"').lower()
    if w in _ABBREVIATED_ADJ or LONG_ADJ_END.search(w):
        return True
    if not ADJ_END.search(w):
        return False
    return bool(SHORT_ADJ.search(w) or any(re.match(stem, w) for stem, _ in ADJECTIVES))


COORDINATED = re.compile(r"\b(\d{1,4})-?(?:го|й|я|ї|ої|ого|та|ти|ма|ми)\s*(?:,|и|і|та|й)\s*$", re.I)
# a brigade that is a civilian crew: ambulance, rescue, repair, building, utility workers
CIVIL_CREW = re.compile(
    r"\s+(?i:скор|швидк|врач|лікар|медик|спасат|рятувальн|МЧС|ДСНС|строител|будівельник|рабоч|робітник|ремонтник|"
    r"энергетик|енергетик|электрик|електрик|газовик|коммунальщик|комунальник|пожарн|аварийн|аварійн|дорожник|СМП|ЭМП)"
)
CIVIL_CREW_ADJ = re.compile(
    r"(?i:ремонтн|аварийн|аварійн|медицинск|медичн|строительн|будівельн|пожарн|спасательн|рятувальн|"
    r"реанимацион|реанімаційн|выездн|виїзн|дорожн|монтажн|кардиологическ)"
)
CIVIL_NAMED_BEFORE = re.compile(
    rf"(?:{CIVIL_CREW_ADJ.pattern}|(?i:поисков|пошуков|поисково|пошуково|пионер|піонер|студенческ|студентськ|"
    r"скаут|добровольн\w+\s+пожарн))"
)
COUNTED_PLURAL = re.compile(
    r"(?i:бригад|полков|полків|батальонов|батальйонів|дивизий|дивізій|армий|армій|корпусов|корпусів|отрядов|"
    r"загонів|баз)"
)
# adjectives that stand for people after a bare number: "40 військових батальйону", "15 мобилизованных полка"
PEOPLE_ADJ = re.compile(
    r"(?i:военн|военнослужащ|мобилизованн|мобілізован|військов|ранен|поранен|пленн|полонен|заключ[её]нн|осужд[её]нн|"
    r"засуджен|погибш|загибл)(?:ых|их|і|и)\s"
)
_KIND_ALT = "|".join(k for k, _ in KINDS)
CYR_UNIT = re.compile(
    rf"(?<![\w.,-])(?:(\d{{1,4}}){_CYR_ORD}|({_ORD_WORDS}))\s+({_ADJ_WORDS})({_KIND_ALT})(?![\w-])"
    rf"((?:\s+(?:{'|'.join(p for p, _ in POST_MODIFIERS)}))?)",
    re.I,
)
ABBR_UNIT = re.compile(
    rf"(?<![\w.,-])(\d{{1,4}}){_CYR_ORD}\s+(?:окрем\w+\s+|отдельн\w+\s+)?"
    rf"({'|'.join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))})(?![\w-])",
    re.I,
)
# a short compound of the adjective and the kind: "23-й мехбригады", "3-й штурмбригады", "47-ї мехбригади"
COMPOUND_ADJ = {"мех": "mechanized", "мотострелк": "motor rifle", "мотопех": "motorized infantry",
             "мотопіх": "motorized infantry", "штурм": "assault", "танк": "tank", "арт": "artillery",
             "десант": "airborne"}  # fmt: skip
SHORT_UNIT = re.compile(
    rf"(?<![\w.,-])(\d{{1,4}}){_CYR_ORD}\s+(?:окрем\w+\s+|отдельн\w+\s+)?"
    rf"({'|'.join(COMPOUND_ADJ)})(бригад\w*|полк\w*|батал(?:ь|ї|и)он\w*|батальйон\w*)(?![\w-])",
    re.I,
)
EN_KIND = r"(army corps|regiment|brigade|battalion|division|army|corps|detachment|military base|base)s?"
EN_UNIT = re.compile(
    rf"\b(?:(\d{{1,4}})(?:st|nd|rd|th)|({_EN_ORD_WORDS}))\s+((?:[A-Za-z'’‘\"“”-]+\s+){{0,5}}?){EN_KIND}\b",
    re.I,
)
MIL_UNIT = re.compile(
    r"(?:\bв/ч|\bв\.\s?ч\.|\bвч|\bвойсков\w*\s+част\w*|\bвоинск\w*\s+част\w*|\bвійськов\w*\s+частин\w*|"
    # codebook 1.15: "контрактника военной части 89254" (team-heldout-31)
    r"\bвоенн\w*\s+част\w*|"
    r"\bчаст\w*\s*(?=№)|"
    # codebook 1.14: "военнослужащий части А5602", "бійці частини А6139": a Ukrainian unit's code after the word
    r"\bчаст\w*\s+(?=(?-i:[AА])\d{4}\b)|"
    r"\bmilitary unit|\bunit)\s*(?:(?:№|No\.?|#|number)\s*)?([AА]?-?\d{4,5})\b"
    # a Ukrainian unit's code alone after "в"/"у" ("сыновья в А4533 под Золочевом", team-heldout-16): the capital А
    # and four digits are the armed forces' own numbering
    r"|(?<=\b[ву]\s)(?-i:(А\d{4}))\b",
    re.I,
)
# "против 47-й бригады", "against the 72nd brigade": the other side's unit, not the unit of the event
OTHER_SIDE = re.compile(
    r"(?:\b(?:против|проти|against|versus)\s+(?:(?:the|позиций|позицій|позиции|позиції|positions\s+of|"
    r"подразделений|підрозділів|бойцов|бійців)\s+)?|\b(?:противника|ворога|enemy)\s*[—–-]?\s*)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class UnitHit:
    name: str
    start: int
    end: int


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def _cyr_adjectives(words: str, post: str) -> list[str]:
    out: list[str] = []
    for w in words.lower().split():
        w = w.strip('«»"')
        for stem, eng in ADJECTIVES:
            if re.match(stem, w) and eng not in out:
                out.append(eng)
                break
    for pat, eng in POST_MODIFIERS:
        if post and re.search(pat, post, re.I) and eng not in out:
            out.append(eng)
    return out


# --- named units -----------------------------------------------------------------------------------

# (pattern, canonical name, strong). A strong name is a unit wherever it stands ("Вагнер", "Росгвардия");
# a weak one is also a town, a river, a person or a common word ("Азов", "Восток", "Айдар"): it counts in
# quotes, next to a kind word ("батальон Айдар", "Azov regiment") or as its fighters ("азовцы").
_W = r"[а-яёіїєґ'’]{0,4}"  # case endings
NAMED_TABLE: list[tuple[str, str, bool]] = [
    (r"[Шш]торм(?:а|у|ом|е|і)?[\s-]*(?:[Zz]|З(?![\w]))", "Storm Z", True),
    (r"[Шш]торм(?:а|у|ом|е|і)?[\s-]*(?:[Vv]|В(?![\w]))", "Storm V", True),
    (r"[Ss]torm[\s-]*[Zz]", "Storm Z", True),
    (r"[Ss]torm[\s-]*[Vv]", "Storm V", True),
    (r"[Вв]агнер\w*|[Ww]agner", "Wagner", True),
    (r"[Рр]осгвард\w*|[Rr]osgvardi\w*|[Rr]osguardi\w*|[Nn]ational [Gg]uard of Russia", "Rosgvardia", True),
    (
        r"[Нн]ацгварді\w*|[Нн]ацгвард\w*|[Нн]аціональн\w+ гварді\w*|[Нн]ациональн\w+ гварди\w* Украин\w*|"
        r"National Guard of Ukraine|Ukraine's National Guard",
        "National Guard of Ukraine",
        True,
    ),
    (r"[Аа]хмат(?:а|у|ом|е|і|ові)?|[Aa]khmat", "Akhmat", False),
    (r"[Аа]хматовц\w*|[Аа]хматівц\w*", "Akhmat", True),
    (r"[Аа]йдар(?:а|у|ом|е|і|ові)?|[Aa]idar", "Aidar battalion", False),
    (r"[Аа]йдаровц\w*|[Аа]йдарівц\w*", "Aidar battalion", True),
    (r"[Аа]зов(?:а|у|ом|е|і)?|[Aa]zov", "Azov", False),
    (r"[Аа]зовц(?:ы|ев|ам|ами|ах|і|ів|ям|ями|ях)|[Аа]зовец|[Аа]зовця", "Azov", True),
    (r"[Аа]лани[яиюей]|[Аа]ланії|[Аа]ланія|[Аа]ланію|[Aa]lania", "Alania battalion", False),
    (r"[Вв]осток(?:а|у|ом|е)?|[Сс]хід|[Сс]ходу|[Vv]ostok", "Vostok battalion", False),
    (r"[Сс]парт(?:а|ы|у|е|і|ою|ой)|[Ss]parta", "Sparta battalion", False),
    (r"[Сс]омали|[Сс]омалі|[Ss]omali", "Somali battalion", False),
    (r"[Пп]ятнашк\w*|[Пп]'ятнашк\w*|[Pp]yatnashka", "Pyatnashka", False),
    (r"[Кк]ракен\w*|[Kk]raken", "Kraken", False),
    (r"[Рр]едут\w*|[Rr]edut", "Redut", False),
    (r"[Кк]онво[йюяем]\w*|[Kk]onvoi|[Kk]onvoy", "Konvoi", False),
    (r"[Нн]евск(?:ий|ого|ому|им|ом)|[Nn]evsky", "Nevsky brigade", False),
    (
        r"[Вв]олки [Дд]а [Вв]инчи|[Вв]овки [Дд]а [Вв]інчі|[Dd]a [Vv]inci [Ww]olves|[Dd]a [Vv]inci",
        "Da Vinci Wolves",
        False,
    ),
    (r"[Хх]арті[яїюєй]\w*|[Хх]арти[яиюей]|[Kk]hartiia|[Kk]hartia", "Khartiia", False),
    (r"[Лл]ют(?:ь|і|ю)|[Ll]yut", "Lyut brigade", False),
    (r"[Дд]онбасс?(?:а|у|ом|е|і)?|[Dd]onbas", "Donbas battalion", False),
    (r"[Дд]непр-1|[Дд]ніпро-1|[Dd]nipro-1", "Dnipro-1", True),
    (r"БАРС(?:\w{0,3}|-\d+)|[Бб]арс(?:а|у|ом|е|і)?(?:-\d+)?|BARS(?:-\d+)?", "BARS", False),
    (
        r"[Рр]усск\w+ [Дд]оброволь\w+ [Кк]орпус\w*|[Рр]осійськ\w+ [Дд]обровольч\w+ [Кк]орпус\w*|РДК|"
        r"[Rr]ussian [Vv]olunteer [Cc]orps|RDK",
        "Russian Volunteer Corps",
        True,
    ),
    (
        r"[Лл]егион\w* «?[Сс]вобода [Рр]осс?ии»?|[Лл]егіон\w* «?[Сс]вобода [Рр]осії»?|"
        r"[Ff]reedom of Russia [Ll]egion|[Ll]egion «?[Ff]reedom of Russia»?",
        "Freedom of Russia Legion",
        True,
    ),
    (r"[Сс]ибирск\w+ батальон\w*|[Сс]ибірськ\w+ батальйон\w*|[Ss]iberian [Bb]attalion", "Siberian battalion", True),
    (r"[Гг]рузинск\w+ [Лл]егион\w*|[Гг]рузинськ\w+ [Лл]егіон\w*|[Gg]eorgian [Ll]egion", "Georgian Legion", True),
    (r"[Аа]фриканск\w+ корпус\w*|[Аа]фриканськ\w+ корпус\w*|[Aa]frica [Cc]orps", "Africa Corps", True),
]
# a kind word before a name of its own: "батальон «Восток»", "ЧВК Вагнер", "the Alania battalion"
NAMED_KIND_RU_UK: list[tuple[str, str]] = [
    (r"батал(?:ь|ї|и)он\w*|батальйон\w*", "battalion"),
    (r"полк(?:а|у|ом|е|і)?", "regiment"),
    (r"бригад(?:а|ы|и|і|е|у|ой|ою)", "brigade"),
    (r"отряд\w*|загон\w*|загін\w*", "detachment"),
    (r"дивизи(?:я|и|ю|ей|ею)|дивізі(?:я|ї|ю|єю)", "division"),
    (r"легион\w*|легіон\w*", "legion"),
    (r"ЧВК|ПВК|ЧПК|частн\w+ военн\w+ компани\w*|приватн\w+ військов\w+ компані\w*", ""),
    (r"подразделени\w*|підрозділ\w*|спецназ\w*", ""),
]
NAMED_KIND_EN = (
    r"battalion|regiment|brigade|detachment|division|legion|unit|group|PMC|fighters|defenders|troops|soldiers|"
    r"forces|volunteers"
)
_KIND_RU_UK_ALT = "|".join(p for p, _ in NAMED_KIND_RU_UK)
# unquoted: the kind word right before ("батальон Айдар", "PMC Wagner"); quoted: up to two words between
# ("батальйону спеціального призначення «Азов»")
_NAMED_KIND_BEFORE = re.compile(
    rf"(?:\b(?i:{_KIND_RU_UK_ALT}|{NAMED_KIND_EN}|private military company))\s+$",
)
_NAMED_KIND_BEFORE_QUOTED = re.compile(
    rf"(?:\b(?i:{_KIND_RU_UK_ALT}|{NAMED_KIND_EN}|private military company))(?:\s+[а-яёіїєґa-z-]+){{0,2}}\s*[«\"“„]$",
)
_NAMED_KIND_AFTER = re.compile(
    rf"^[»\"”“]?\s*(?i:(?:[a-z]+\s+)?(?:{NAMED_KIND_EN})\b|(?:{'|'.join(p for p, _ in NAMED_KIND_RU_UK[:6])})(?![\w]))",
)
# «Азову», «Ахмата» in quotes, after the men who serve there or a preposition: "бійців «Азову»", "в «Айдаре»"
_MEMBERS_BEFORE = re.compile(
    r"(?:\b(?i:бойц\w*|бійц\w*|бійці\w*|боевик\w*|військов\w+|военн\w+|добровольц\w*|добровольці\w*|"
    r"штурмовик\w*|командир\w*|комбат\w*|командуван\w*|командовани\w*|мобилизованн\w*|мобілізован\w*|"
    r"ветеран\w*|резервист\w*|резервіст\w*|контракт\w*|полонен\w*|пленн\w*|защитник\w*|захисник\w*|в|во|у|из|з|із|до|от|від|к|fighters|"
    r"of|in|from|with|joined|reservists|contract))\s*[«\"“„]$",
)
KNOWN_NAMES = {name for _, name, _ in NAMED_TABLE}
NAMED = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), name, strong) for p, name, strong in NAMED_TABLE]


# --- cheap gates: a regex family runs only when a word of the text starts like one of its words ----------
# (Python's re has no multi-literal search; one pass collecting the words' first four letters is ~10x cheaper
# than running 40 patterns over every sentence)
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*")


def _prefixes(text: str) -> set[str]:
    out: set[str] = set()
    for w in _WORD.findall(text.lower()):
        w = w[:4].replace("’", "'")
        out.update((w, w[:3], w[:2]))
    return out


def _triggers(pattern: str) -> set[str]:
    """First letters (up to four) of each alternative of a NAMED pattern: "[Вв]агнер\\w*|[Ww]agner" → вагн, wagn."""
    out: set[str] = set()
    depth = 0
    alts: list[str] = []
    cur = ""
    for ch in pattern:  # split on top-level "|"
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
    alts.append(cur)
    for alt in alts:
        lit = ""
        i = 0
        while i < len(alt) and len(lit) < 4:
            m = re.match(r"\[(\w)(\w)\]", alt[i:])
            if m and m[1].lower() == m[2].lower():
                lit += m[1].lower()
                i += len(m[0])
            elif alt[i].isalpha() or alt[i] in "'-":
                if i + 1 < len(alt) and alt[i + 1] in "?*{":
                    break
                lit += alt[i].lower()
                i += 1
            else:
                break
        if len(lit) < 2:
            raise ValueError(f"no literal start in {alt!r}")
        out.add(lit[:4])
    return out


NAMED_TRIGGERS = [_triggers(p) for p, _, _ in NAMED_TABLE]
_GATE_CYR = {
    "полк",
    "бриг",
    "бата",
    "диви",
    "диві",
    "арми",
    "армі",
    "корп",
    "база",
    "базы",
    "бази",
    "базе",
    "базу",
    "базі",
}
_GATE_CYR |= {"баз", "отря", "заго", "загі"}
_GATE_CYR_WORDS = set(_ORDINAL_STEMS) | set(_CARDINALS)
_GATE_ABBR = {a[:4] for a in ABBREVIATIONS}
_GATE_EN = {"regi", "brig", "batt", "divi", "army", "armi", "corp", "deta", "mili", "base"}
_GATE_QUOTED = {"бата", "полк", "бриг", "отря", "заго", "загі", "диви", "диві", "леги", "легі", "чвк", "пвк", "чпк"}
_GATE_QUOTED |= {"част", "прив", "подр", "підр", "спец", "regi", "brig", "batt", "deta", "divi", "legi", "unit"}
_GATE_QUOTED |= {"grou", "pmc", "figh", "defe", "troo", "sold", "forc", "volu"}
_GATE_SHIP = {"крей", "фрег", "эсми", "есмі", "корв", "бдк", "кора", "подл", "подв", "підв", "кате"}
_GATE_SHIP_EN = {"crui", "frig", "dest", "corv", "land", "subm", "wars", "flag", "patr"}
_GATE_FLEET = {"флот", "flee", "flot"}
_GATE_HONOR = {"имен", "імен", "им", "ім"}
_GATE_HONOR_EN = {"batt", "regi", "brig", "legi"}
# "батальон «Восток»", "ЧВК «Редут»", "загін «Скеля»": a name in quotes after a kind word
QUOTED_NAMED = re.compile(
    rf"(?<![\w])((?i:{_KIND_RU_UK_ALT})|(?i:{NAMED_KIND_EN}))\s+"
    r"((?:[а-яёіїєґ-]+\s+){0,2}?)[«\"“„]([A-ZА-ЯЁІЇЄҐ0-9][^»\"”“\n]{0,30}?)[»\"”“]",
)
# a company named in quotes: "из роты «Крейда»", "роти «Крейда»", 'the "Kreida" company' is read by the English pattern
QUOTED_COMPANY = re.compile(
    r"(?<![\w])(?:[Рр]от(?:а|ы|у|е|і|и|ой|ою))\s+[«\"“„]([A-ZА-ЯЁІЇЄҐ][^»\"”“\n]{0,30}?)[»\"”“]"
)
# words between a kind and a quoted name that make the name no unit's: a call sign, a company, a grouping
_NOT_UNIT_BETWEEN = re.compile(
    r"(?i:позывн|позивн|call|группиров|угрупов|агентств|компани|госкорпорац|корпорац|организац|організац|"
    r"операци|операці|войск|військ|с\b|з\b|по\b|имени|імені)"
)
# kinds that may stand apart from the name by a word or two ("батальйону спеціального призначення «Азов»")
_LOOSE_KINDS = {"battalion", "regiment", "brigade", "detachment", "legion"}
# formations named after a person: "батальон имени Джохара Дудаева", "батальйону імені Богдана Хмельницького",
# "the so-called Bohdan Khmelnytsky battalion", "the Kastus Kalinouski regiment"
_HONOR_KINDS = {"battalion", "regiment", "brigade", "detachment", "legion", "division"}
HONORIFIC_RU_UK = re.compile(
    rf"(?<![\w])((?i:{'|'.join(p for p, e in NAMED_KIND_RU_UK if e in _HONOR_KINDS)}))\s+(имени|імені|им\.|ім\.)\s+"
    r"[«\"“„]?(?:[а-яёіїєґ]{2,12}\s+)?([А-ЯЁІЇЄҐ][а-яёіїєґ'’-]{1,20}(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]{1,20}){0,2})"
)
HONORIFIC_EN = re.compile(
    r"\b(?:the|so-called)\s+([A-Z][a-z]{1,20}(?:\s+[A-Z][a-z]{1,20}){1,2})\s+(battalion|regiment|brigade|legion)\b"
)
# a formation named by one word in English: "the Kaspiy battalion", "the Yenisei volunteer battalion", "Tatarstan's
# Alga battalion", "Tomsk's 'Kedr' volunteer battalion" (the English of «Каспий», «Енисей», «Алга», «Кедр»); a quoted
# name may follow its region: 'the Novgorod "Ilmen" battalion'
NAMED_ONE_EN = re.compile(
    r"(?:\bthe|\b[A-Z][a-z]+'s)\s+(?:[A-Z][a-z]{2,20}\s+(?=['‘\"“]))?['‘\"“]?([A-Z][a-z]{2,20})['’\"”]?\s+"
    r"(?:(?:volunteer|assault|rifle)\s+)?(battalion|regiment|detachment)\b"
)
# capitalised words before a kind that name none: "the First battalion", "the same battalion", months
NOT_NAMED_EN = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "same", "other",
    "whole", "entire", "new", "old", "local", "penal", "punishment", "storm", "assault", "reserve", "training",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "his", "their", "our",
}  # fmt: skip
# capitalised words before a kind that are no person's name: "the Russian Marine brigade", "the Kursk Oblast battalion"
_NOT_PERSON_EN = re.compile(
    r"(?:[A-Z][a-z]*(?:ian|ean|ish|ese|ern)|Chechen|Special|Separate|Marine|Mechani[sz]ed|Motori[sz]ed|Assault|"
    r"Territorial|Defen[cs]e|Airborne|National|Guard|Volunteer|Rifle|Tank|Artillery|Presidential|Independent|Army|"
    r"Oblast|Region|Border|Naval|Group|Unit|Forces?|Corps|Division|Brigade|Regiment|Battalion|"
    r"Reserve|Storm|Spetsnaz|Rapid|Response|Air|Sea|Mountain|Infantry|The|A|An|In|On)"
)


def _nominative(word: str, uk: bool) -> str:
    """A person's name from the genitive after "имени"/"імені": Богдана → Богдан, Хмельницького → Хмельницький,
    Дудаева → Дудаев, Анны → Анна, Київської → Київська."""
    low = word.lower()
    for gen, nom in (
        ("ого", "ий"),
        ("ої", "а"),
        ("ой", "ая"),
        ("ьи", "ья"),
        ("ы", "а"),
    ):
        if low.endswith(gen) and len(low) > len(gen) + 2:
            return word[: len(word) - len(gen)] + nom
    if uk and low.endswith("и") and len(low) > 3 and low[-2] in "гкх":
        return word[:-1] + "а"  # Ольги → Ольга
    if low.endswith("я") and len(low) > 3 and low[-2] in "лсзц":
        return word[:-1] + "ь"  # Кастуся → Кастусь, Василя → Василь
    if low.endswith("а") and len(low) > 3 and low[-2] not in "аеёиоуыэюяіїє":
        return word[:-1]  # Богдана → Богдан, Джохара → Джохар, Дудаева → Дудаев
    return word


# ships and fleets
SHIPS: list[tuple[str, str]] = [
    (r"крейсер\w*", "cruiser"),
    (r"фрегат\w*", "frigate"),
    (r"эсмин\w*|есмін\w*", "destroyer"),
    (r"корвет\w*", "corvette"),
    (r"БДК|больш\w+ десантн\w+ корабл\w*|велик\w+ десантн\w+ корабл\w*|десантн\w+ корабл\w*", "landing ship"),
    (r"подводн\w+ лодк\w*|подлодк\w*|підводн\w+ човн\w*|підводн\w+ човен", "submarine"),
    (r"сторожев\w+ корабл\w*|сторожов\w+ корабл\w*|патрульн\w+ корабл\w*", "patrol ship"),
    (r"военн\w+ корабл\w*|військов\w+ корабл\w*|ракетн\w+ корабл\w*|ракетн\w+ катер\w*", "ship"),
]
SHIP_RU_UK = re.compile(
    rf"(?<![\w])({'|'.join(p for p, _ in SHIPS)})\s+[«\"“„]([А-ЯЁІЇЄҐ][^»\"”“\n]{{1,30}}?)[»\"”“]", re.I
)
SHIP_EN = re.compile(
    r"\b(cruiser|frigate|destroyer|corvette|landing ship|submarine|warship|flagship|patrol ship)\s+"
    r"(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
SHIP_EN_BEFORE = re.compile(
    r"\bthe\s+(?!Russian|Ukrainian|Soviet|Black|Navy|Russia|Ukraine)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(cruiser|frigate|destroyer|corvette|landing ship|submarine)\b"
)
FLEETS: list[tuple[str, str]] = [
    (r"[Чч]ерноморск\w+ флот\w*|[Чч]орноморськ\w+ флот\w*|Black Sea Fleet", "Black Sea Fleet"),
    (r"[Сс]еверн\w+ флот\w*|[Пп]івнічн\w+ флот\w*|Northern Fleet", "Northern Fleet"),
    (r"[Тт]ихоокеанск\w+ флот\w*|[Тт]ихоокеанськ\w+ флот\w*|Pacific Fleet", "Pacific Fleet"),
    (r"[Бб]алтийск\w+ флот\w*|[Бб]алтійськ\w+ флот\w*|Baltic Fleet", "Baltic Fleet"),
    (r"[Кк]аспийск\w+ флотили\w*|[Кк]аспійськ\w+ флотилі\w*|Caspian Flotilla", "Caspian Flotilla"),
]
FLEET_NAMES = {name for _, name in FLEETS}
FLEET = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), name) for p, name in FLEETS]
# the fleet's command or press office is a party to the story, not a unit of its people; nor is the fleet whose base
# a town is ("Baltiysk, home of Russia's Baltic Fleet", "главная база Черноморского флота", team-heldout-15)
_COMMAND_BEFORE = re.compile(
    r"(?:командовани\w*|командуванн\w*|штаб\w*|пресс-служб\w*|прес-служб\w*|command of|headquarters of|"
    r"commander of|командующ\w*|командувач\w*|home of|home port of|base of|баз\w*|базуванн\w*)\s+"
    r"(?:the\s+|Russia's\s+|Russia’s\s+)?$",
    re.I,
)
_SHIP_KINDS = {e.split()[0] for _, e in SHIPS} | {"flagship", "warship"}


def _latin_name(raw: str, uk: bool = False) -> str:
    """A Cyrillic unit or ship name in Latin letters, as English newsrooms write it («Алания» → Alania)."""
    raw = re.sub(r"\s*-\s*", "-", raw.strip())
    if not re.search("[а-яёіїєґА-ЯЁІЇЄҐ]", raw):
        return raw
    uk = uk or bool(re.search("[іїєґІЇЄҐ]", raw))
    words = []
    for w in raw.split():
        low = w.lower()
        if not uk:
            low = re.sub(r"ия$", "ia", low)
            low = re.sub(r"(?:ий|ый)$", "y", low)
            # a word-initial е is "ye" in English newsrooms (BGN): «Енисей» → Yenisei, as Yekaterinburg, Yelets
            low = re.sub(r"^[её]", lambda e: "ye" if e[0] == "е" else "yo", low)
        t = translit_uk(low) if uk else translit(low)
        words.append(t[:1].upper() + t[1:])
    return " ".join(words)


def _named_table_name(raw: str) -> tuple[str, bool] | None:
    for pat, name, strong in NAMED:
        if pat.fullmatch(raw.strip()):
            num = _DETACHMENT_NUMBER.search(raw.strip()) if name == "BARS" else None
            # a numbered reservists' detachment keeps its number: «БАРС-17» is BARS-17 (team-heldout-17)
            return (f"{name}-{num[1]}" if num else name), strong
    return None


_DETACHMENT_NUMBER = re.compile(r"-(\d{1,3})$")


# an outlet's kind word (via.KIND_OUTLET) right before a quoted name: "канал «Тульский батальон»"
_OUTLET_BEFORE = re.compile(rf"(?i:{KIND_OUTLET})\s*[«\"“„]?\s*$")


def _named(seg: str, start: int, pre: set[str] | None = None) -> list[UnitHit]:
    hits: list[UnitHit] = []
    taken: list[tuple[int, int]] = []
    if pre is None:
        pre = _prefixes(seg)
    quotes = any(q in seg for q in '«"“„')
    for m in QUOTED_NAMED.finditer(seg) if quotes and pre & _GATE_QUOTED else ():
        if re.fullmatch(r"(?i:fighters|defenders|troops|soldiers|forces|volunteers|group|unit)", m[1]):
            continue
        kind = next((eng for pat, eng in NAMED_KIND_RU_UK if re.fullmatch(pat, m[1], re.I)), None)
        if m[2] and (_NOT_UNIT_BETWEEN.search(m[2]) or (kind or m[1].lower()) not in _LOOSE_KINDS):
            continue
        if CIVIL_NAMED_BEFORE.search(seg[max(0, m.start() - 30) : m.start()] + " " + (m[2] or "")):
            continue  # "поисковый отряд «Лиза Алерт»", "столичного отряда «Спасрезерв»": civilian teams
        if _OUTLET_BEFORE.search(seg[max(0, m.start() - 30) : m.start()]):
            continue  # "опубликовал канал «Тульский батальон»": a channel's name (team-heldout-16)
        if kind is None:
            low = m[1].lower()
            kind = low if low in ("battalion", "regiment", "brigade", "detachment", "division", "legion") else ""
        known = _named_table_name(m[3])
        if known:
            name = known[0]
            if name.startswith("BARS-"):
                # "загону «БАРС-17»": BARS-17 detachment; a contract «БАРС-13» is the reserve, BARS
                name = f"{name} {kind}" if kind else "BARS"
        else:
            name = _latin_name(m[3])
            if kind in ("battalion", "regiment", "brigade", "detachment", "division", "legion"):
                name = f"{name} {kind}"
        hits.append(UnitHit(name, start + m.start(3), start + m.end(3)))
        taken.append((m.start(3), m.end(3)))
    for m in QUOTED_COMPANY.finditer(seg) if quotes and ("рот" in seg or "Рот" in seg or "compan" in seg) else ():
        # "троих военных из роты «Крейда»": a company named in quotes (codebook 1.21, team-heldout-83)
        if any(a <= m.start(1) < b for a, b in taken) or _OUTLET_BEFORE.search(seg[max(0, m.start() - 30) : m.start()]):
            continue
        if _named_table_name(m[1]):
            continue  # "рота «Ахмат»": a company of a formation the table names (read as the formation)
        hits.append(UnitHit(f"{_latin_name(m[1])} company", start + m.start(1), start + m.end(1)))
        taken.append((m.start(1), m.end(1)))
    for m in HONORIFIC_RU_UK.finditer(seg) if pre & _GATE_HONOR else ():
        kind = next(eng for pat, eng in NAMED_KIND_RU_UK if re.fullmatch(pat, m[1], re.I))
        uk = m[2].lower().startswith("і") or bool(re.search("[іїєґ]", m[0].lower()))
        person = " ".join(_nominative(w, uk) for w in m[3].split())
        hits.append(UnitHit(f"{_latin_name(person, uk)} {kind}", start + m.start(3), start + m.end(3)))
        taken.append((m.start(3), m.end(3)))
    for m in HONORIFIC_EN.finditer(seg) if pre & _GATE_HONOR_EN else ():
        words = m[1].split()
        if any(_NOT_PERSON_EN.fullmatch(w) or _named_table_name(w) for w in words) or _named_table_name(m[1]):
            continue
        hits.append(UnitHit(f"{m[1]} {m[2]}", start + m.start(1), start + m.end(1)))
        taken.append((m.start(1), m.end(1)))
    for m in NAMED_ONE_EN.finditer(seg) if pre & _GATE_HONOR_EN else ():
        word = m[1]
        if any(s <= m.start(1) < e for s, e in taken) or _NOT_PERSON_EN.fullmatch(word) or _named_table_name(word):
            continue  # "the Chechen battalion", "the Marine battalion"; a known name is the table's below
        if word.lower() in NOT_NAMED_EN:
            continue
        hits.append(UnitHit(f"{word} {m[2]}", start + m.start(1), start + m.end(1)))
        taken.append((m.start(1), m.end(1)))
    for (pat, name, strong), trig in zip(NAMED, NAMED_TRIGGERS, strict=True):
        if not trig & pre:
            continue
        for m in pat.finditer(seg):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if not strong:
                before = seg[max(0, m.start() - 40) : m.start()]
                after = seg[m.end() : m.end() + 25]
                quoted = before[-1:] in '«"“„'
                if quoted:
                    kq = _NAMED_KIND_BEFORE_QUOTED.search(before)
                    ok = bool(kq and not _NOT_UNIT_BETWEEN.search(kq[0])) or bool(_MEMBERS_BEFORE.search(before))
                else:
                    ok = bool(_NAMED_KIND_BEFORE.search(before))
                if not (ok or _NAMED_KIND_AFTER.match(after)):
                    continue
                if re.match(r"\s+(?:[Кк]адыров|[Кк]адиров|[Гг]розн|[Kk]adyrov|[Gg]rozny|-?[Хх]аджи)", after):
                    continue  # Ахмат Кадыров, «Ахмат» Грозный (a football club)
                if re.match(r"(?i)\s*(?:sea|море|моря|морі|морем)\b", after) or re.search(
                    r"(?i)(?:sea of|море|моря)\s*$", before
                ):
                    continue
            shown = name
            if name == "BARS" and (num := _DETACHMENT_NUMBER.search(m[0])):
                # a numbered detachment keeps its number: "the BARS-24 detachment" (team-heldout-18)
                # (not a contract's name: "подписали контракт «БАРС-13»" is the reserve, BARS)
                kind_word = _NAMED_KIND_AFTER.match(seg[m.end() : m.end() + 25]) or _NAMED_KIND_BEFORE.search(
                    seg[max(0, m.start() - 40) : m.start()]
                )
                shown = f"BARS-{num[1]} detachment" if kind_word else name
            hits.append(UnitHit(shown, start + m.start(), start + m.end()))
    for m in SHIP_RU_UK.finditer(seg) if quotes and pre & _GATE_SHIP else ():
        kind = next(eng for pat, eng in SHIPS if re.fullmatch(pat, m[1], re.I))
        hits.append(UnitHit(f"{kind} {_latin_name(m[2])}", start + m.start(), start + m.end()))
    ships_en = []
    if pre & _GATE_SHIP_EN:
        ships_en = [(m, m[1].lower(), m[2]) for m in SHIP_EN.finditer(seg)]
        ships_en += [(m, m[2].lower(), m[1]) for m in SHIP_EN_BEFORE.finditer(seg)]
    for m, kind, name in ships_en:
        if name.lower() in ("russian", "ukrainian", "the", "a", "navy", "black", "ship") or kind in ("warship",):
            continue
        if kind == "flagship":
            kind = "ship"
        hits.append(UnitHit(f"{kind} {name}", start + m.start(), start + m.end()))
    for pat, name in FLEET if pre & _GATE_FLEET else ():
        for m in pat.finditer(seg):
            if not _COMMAND_BEFORE.search(seg[max(0, m.start() - 40) : m.start()]):
                hits.append(UnitHit(name, start + m.start(), start + m.end()))
    return hits


def _coordinated(seg: str, start: int, pos: int, words: list[str]) -> list[UnitHit]:
    """ "72-й, 42-й, 59-й и 108-й ОМБр", "415-го и 172-го батальонов": the numbers before share the kind."""
    out: list[UnitHit] = []
    for _ in range(8):
        co = COORDINATED.search(seg, max(0, pos - 20), pos)
        if not co:
            break
        out.append(UnitHit(" ".join([ordinal(int(co[1])), *words]), start + co.start(), start + co.end()))
        pos = co.start()
    return out[::-1]


# "против" is the other side only in a fight: "дело против бойцов 155-й бригады" is about the unit itself
COMBAT = re.compile(
    r"(?i:вою|воева|воюва|сража|бо[йияе]\b|бої|наступ|атак|штурм|обстрел|обстріл|брос|кину|fight|fought|battle|"
    r"attack|assault|advanc|facing|sent)"
)


def _other_side(seg: str, pos: int) -> bool:
    m = OTHER_SIDE.search(seg[max(0, pos - 40) : pos])
    if not m:
        return False
    if re.match(r"(?i:против|проти|against|versus)", m[0]):
        return bool(COMBAT.search(seg[max(0, pos - 90) : pos]))
    return True


def find_units(text: str, start: int, end: int) -> list[UnitHit]:
    """Units named in ``text[start:end]`` (offsets into ``text``)."""
    hits: list[UnitHit] = []
    seg = text[start:end]
    pre = _prefixes(seg)
    digits = any(c.isdigit() for c in seg)
    cyr = pre & _GATE_CYR and (digits or any(w[:4] in pre for w in _GATE_CYR_WORDS))
    for m in CYR_UNIT.finditer(seg) if cyr else ():
        num = int(m[1]) if m[1] else words_number(m[2])
        if not num:
            continue
        if not all(_adjective_like(w) for w in m[3].split()):
            continue  # "500 бійців батальйону": a count of people, not a unit number
        if m[1] and m[3] and not m[0][len(m[1]) : m.start(3) - m.start()].strip() and PEOPLE_ADJ.match(m[3]):
            continue  # "близько 40 військових батальйону «Штрек»": people counted, not the 40th (codebook 1.21)
        if _other_side(seg, m.start()):
            continue
        kind = next(eng for pat, eng in KINDS if re.fullmatch(pat, m[4], re.I))
        if m[1] and "-" not in m[0][: m.start(3) - m.start()] and COUNTED_PLURAL.fullmatch(m[4]):
            continue  # "12 бригад", "5 полків": a count of units, not a number of one
        adj = _cyr_adjectives(m[3], m[5] or "")
        suffixed = bool(m[1]) and "-" in m[0][: m.start(3) - m.start()]
        if kind == "military base" and not (adj or suffixed or re.match(r"(?i:военн|військов)", m[4])):
            continue  # "на базе ИИ", "18 на базу": bases of all kinds; "102-й базы" is a unit
        if kind == "corps" and not adj:
            continue  # "первый корпус университета", "8 корпусов ЖК", "на базе ИИ": buildings and bases of all kinds
        if kind == "brigade" and (CIVIL_CREW.match(seg, m.end()) or CIVIL_CREW_ADJ.search(m[3])):
            continue  # "3 бригады скорой помощи", "2-я ремонтная бригада": crews, not formations
        if kind == "army":
            adj = [a for a in adj if a != "army"]
        hits.append(UnitHit(" ".join([ordinal(num), *adj, kind]), start + m.start(), start + m.end()))
        # "415-го и 172-го отдельных стрелковых батальонов": the first number shares the kind
        if m[1]:
            hits.extend(_coordinated(seg, start, m.start(), [*adj, kind]))
    for m in ABBR_UNIT.finditer(seg) if digits and pre & _GATE_ABBR else ():
        if _other_side(seg, m.start()):
            continue
        adj_s, kind = ABBREVIATIONS[m[2].lower()]
        hits.extend(_coordinated(seg, start, m.start(), [adj_s, kind]))
        if m[2].lower() in ("ак", "тд") and "-" not in m[0][: m.start(2) - m.start()]:
            continue  # "изъяли 5 АК": rifles; "1-го АК" is the 1st Army Corps
        hits.append(UnitHit(f"{ordinal(int(m[1]))} {adj_s} {kind}", start + m.start(), start + m.end()))
    seg_low = seg.lower() if digits else ""
    for m in SHORT_UNIT.finditer(seg) if any(k in seg_low for k in ("бриг", "полк", "батал")) else ():
        if _other_side(seg, m.start()):
            continue
        word = m[3].lower()
        kind = "brigade" if word.startswith("бриг") else "regiment" if word.startswith("полк") else "battalion"
        name = f"{ordinal(int(m[1]))} {COMPOUND_ADJ[m[2].lower()]} {kind}"
        hits.append(UnitHit(name, start + m.start(), start + m.end()))
    for m in EN_UNIT.finditer(seg) if pre & _GATE_EN else ():
        if _other_side(seg, m.start()):
            continue
        between = [w.strip("'’‘\"“”") for w in m[3].split()]
        if any(not (w[:1].isupper() or w.lower() in EN_ADJ or w.lower() in EN_BETWEEN) for w in between):
            continue  # "first signs up with the army": no unit
        if m[2] and not (m[2][:1].isupper() and m[4][:1].isupper()):
            continue  # a number in words names a unit as a proper name: "the Third Assault Brigade"
        num = int(m[1]) if m[1] else en_words_number(m[2])
        adj = [w.lower() for w in between if w.lower() in EN_ADJ]
        adj = ["mechanized" if a == "mechanised" else "motorized" if a == "motorised" else a for a in adj]
        kind_en = {"base": "military base", "army corps": "corps"}.get(m[4].lower(), m[4].lower())
        if m[4].lower() == "army corps":
            adj.append("army")
        if kind_en == "army":
            adj = [a for a in adj if a != "army"]
        hits.append(UnitHit(" ".join([ordinal(num), *adj, kind_en]), start + m.start(), start + m.end()))
    for m in MIL_UNIT.finditer(seg) if digits else ():
        code = (m[1] or m[2]).replace("А", "A").replace("-", "")
        hits.append(UnitHit(f"military unit {code}", start + m.start(), start + m.end()))
    hits.extend(_named(seg, start, pre))
    hits.sort(key=lambda h: h.start)
    numbered = [h for h in hits if h.name[0].isdigit()]
    kinds = {unit_kind(h.name) for h in numbered}
    out: list[UnitHit] = []
    for h in hits:
        if h.name[0].isdigit() or h.name.startswith("military unit"):
            out.append(h)
            continue
        # "24th separate assault battalion Aidar", "12-ї бригади «Азов»": the name of the numbered unit
        if any(_attached(text, n, h) for n in numbered):
            continue
        # "бригада «Анна Київська» ... 155-я бригада": a numbered unit of the same kind in the sentence is
        # the one its honorific name stands for (a known formation, "бригада «Азов»", is a unit of its own)
        if unit_kind(h.name) in kinds and h.name not in KNOWN_NAMES:
            continue
        if any(unit_key(o.name) == unit_key(h.name) for o in out):
            continue
        if h.name in FLEET_NAMES and (numbered or any(_is_ship(o.name) for o in hits)):
            continue  # "155th Marine Brigade, part of the Pacific Fleet": the fleet is its parent
        out.append(h)
    return out


def _is_ship(name: str) -> bool:
    return name.split(" ", 1)[0] in _SHIP_KINDS


def _attached(text: str, n: UnitHit, h: UnitHit) -> bool:
    if n.start <= h.start < n.end:
        return True
    if 0 <= h.start - n.end < 25:
        gap = text[n.end : h.start]
        return not re.search(r"[,;.:()]|\s(?:и|і|та|й|and|або|или|or)\s", gap)
    if 0 <= n.start - h.end < 6:  # "«Айдар» (24-й батальйон)" is told apart by the brackets
        return not re.search(r"[,;.:()]", text[h.end : n.start])
    return False


_KIND_WORDS = (
    "regiment",
    "brigade",
    "battalion",
    "division",
    "army",
    "corps",
    "detachment",
    "military base",
    "legion",
)


def unit_kind(name: str) -> str:
    low = name.lower()
    for k in _KIND_WORDS:
        if re.search(rf"\b{k}$", low):
            return k
    return ""


_GENERIC = re.compile(
    r"\b(?:the|battalion|brigade|regiment|detachment|division|legion|pmc|group|unit|cruiser|frigate|destroyer|"
    r"corvette|landing ship|submarine|patrol ship|ship|special forces)\b"
)


def unit_key(name: str) -> str:
    """Comparison key: number + kind when there is a number ("60th brigade"); else the name alone, in Latin
    letters, without the kind word, a known formation by its canonical name ("Alania battalion", "Alania",
    «Алания» are one unit; "Wagner Group", "PMC Wagner" and "Wagner" too)."""
    low = re.sub(r"^(?:the|russia's|ukraine's)\s+", "", name.lower().strip())
    if low.startswith("military unit"):
        return re.sub(r"\s+", " ", low.replace("а", "a"))
    m = re.match(
        r"(\d+)(?:st|nd|rd|th)?\b.*?\b(regiment|brigade|battalion|division|army|corps|detachment|"
        r"military base)\b",
        low,
    )
    if m:
        return f"{m[1]} {m[2]}"
    raw = re.sub(r"[«»\"“”„()]", " ", name).strip()
    for cand in (raw, re.sub(r"\s+", " ", _GENERIC.sub(" ", raw.lower())).strip()):
        known = _named_table_name(cand) or _named_table_name(cand.title())
        if known:
            raw = known[0]
            break
    low = _latin_name(raw).lower()
    bare = _GENERIC.sub(" ", low)
    if bare.strip():
        low = bare
    # Russian г is g, Ukrainian г is h: Bogdan/Bohdan, Gleb/Hlib, Gorlovka/Horlivka name one thing
    return latin_skeleton(re.sub(r"[^a-z0-9]", "", low)).replace("g", "h")
