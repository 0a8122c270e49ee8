"""Sentence text → military units named in it, normalised as the codebook says.

"1428-го полка" → "1428th regiment", "47-ї окремої механізованої бригади" → "47th mechanized
brigade", "в/ч 12345" / "войсковая часть 12345" → "military unit 12345", "Шторм Z" → "Storm Z".
The number and the kind of unit are kept; "separate"/"отдельная"/"окрема" is dropped because
sources use it inconsistently for the same unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS: list[tuple[str, str]] = [  # (stem regex, English kind)
    (r"полк\w*", "regiment"),
    (r"бригад\w*", "brigade"),
    (r"батал(?:ь|ї|и)он\w*|батальйон\w*", "battalion"),
    (r"диви(?:з|с)и\w*|дивізі\w*", "division"),
    (r"арми\w*|армі\w*", "army"),
    (r"корпус\w*", "corps"),
    (r"(?:военн|військов)\w*\s+баз\w*|баз[аиыеуі]\w*", "military base"),
    (r"отряд\w*|загон\w*|загін\w*", "detachment"),
]
ADJECTIVES: list[tuple[str, str]] = [  # stem → English, in the order English puts them
    (r"гвард", "guards"),
    (r"десантно-штурм", "air assault"),
    (r"мотострелк", "motor rifle"),
    (r"механ", "mechanized"),
    (r"мотопіхот|мотопехот", "motorized infantry"),
    (r"танк", "tank"),
    (r"штурм", "assault"),
    (r"стрелк|стрілец", "rifle"),
    (r"вертол|гелікопт", "helicopter"),
    (r"артил", "artillery"),
    (r"десант", "airborne"),
    (r"горно-пех|гірсько-пі", "mountain infantry"),
    (r"общевойск|загальновійськ", "combined arms"),
    (r"морск|морськ", "marine"),
    (r"территор|територ|тероборон", "territorial defence"),
    (r"разведыв|розвідув", "reconnaissance"),
    (r"специальн|спеціальн", "special"),
    (r"пехот|піхот", "infantry"),
]
POST_MODIFIERS: list[tuple[str, str]] = [
    (r"тактическ\w*\s+авиац\w*|тактичн\w*\s+авіац\w*", "tactical aviation"),
    (r"территориальн\w*\s+оборон\w*|територіальн\w*\s+оборон\w*|тероборон\w*", "territorial defence"),
    (r"морск\w*\s+пехот\w*|морськ\w*\s+піхот\w*", "marine"),
]
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
}
NAMED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"шторм[\s-]*[zз]\b|storm[\s-]*z\b", re.I), "Storm Z"),
    (re.compile(r"\bвагнер\w*|\bwagner\b", re.I), "Wagner"),
    (re.compile(r"\bросгвард\w*|\brosgvardi\w*|\bnational guard of russia", re.I), "Rosgvardia"),
    (re.compile(r"\bайдар\w*|\baidar\b", re.I), "Aidar battalion"),
    (re.compile(r"\bахмат\w*|\bakhmat\b", re.I), "Akhmat"),
]
_CYR_ORD = r"(?:-?\s?(?:го|й|я|ой|ий|му|м|ю|ей|ая|ї|ої|ого|ому|ій|а|і|та|ту|ти))?"
_ADJ_WORDS = r"(?:[«\"]?[а-яёіїєґ'-]+[»\"]?\s+){0,4}?"
ADJ_END = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ої|ій|ою|ею|ими|ыми|"
    r"ом|ем|а|е|і|ї|я|ю|у)$",
    re.I,
)
COORDINATED = re.compile(r"\b(\d{1,4})-?(?:го|й|я|ї|ої|ого|та|ти)\s*(?:,|и|і|та|й)\s*$", re.I)
CYR_UNIT = re.compile(
    rf"\b(\d{{1,4}}){_CYR_ORD}\s+({_ADJ_WORDS})({'|'.join(k for k, _ in KINDS)})"
    rf"((?:\s+(?:{'|'.join(p for p, _ in POST_MODIFIERS)}))?)",
    re.I,
)
EN_UNIT = re.compile(
    r"\b(\d{1,4})(?:st|nd|rd|th)\s+((?:[A-Za-z-]+\s+){0,4}?)"
    r"(regiment|brigade|battalion|division|army|corps|detachment|military base|base)\b",
    re.I,
)
MIL_UNIT = re.compile(
    r"(?:\bв/ч|\bв\.\s?ч\.|\bвч|\bвойсков\w*\s+част\w*|\bвоинск\w*\s+част\w*|\bвійськов\w*\s+частин\w*|"
    r"\bчаст\w*\s*(?=№)|"
    r"\bmilitary unit|\bunit)\s*(?:№\s*)?([AА]?\d{4,5})\b",
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
        for stem, eng in ADJECTIVES:
            if w.strip('«»"').startswith(stem) and eng not in out:
                out.append(eng)
                break
    for pat, eng in POST_MODIFIERS:
        if post and re.search(pat, post, re.I) and eng not in out:
            out.append(eng)
    return out


def find_units(text: str, start: int, end: int) -> list[UnitHit]:
    """Units named in ``text[start:end]`` (offsets into ``text``)."""
    hits: list[UnitHit] = []
    seg = text[start:end]
    for m in CYR_UNIT.finditer(seg):
        num = int(m[1])
        if num == 0:
            continue
        if any(not ADJ_END.search(w.strip('«»"')) for w in m[2].split()):
            continue  # "500 бійців батальйону": a count of people, not a unit number
        kind = next(eng for pat, eng in KINDS if re.fullmatch(pat, m[3], re.I))
        adj = _cyr_adjectives(m[2], m[4] or "")
        hits.append(UnitHit(" ".join([ordinal(num), *adj, kind]), start + m.start(), start + m.end()))
        # "415-го и 172-го отдельных стрелковых батальонов": the first number shares the kind
        co = COORDINATED.search(seg, max(0, m.start() - 20), m.start())
        if co:
            hits.append(
                UnitHit(" ".join([ordinal(int(co[1])), *adj, kind]), start + co.start(), start + co.end())
            )
    for m in EN_UNIT.finditer(seg):
        adj = [w.lower() for w in m[2].split() if w.lower() in EN_ADJ]
        adj = ["mechanized" if a == "mechanised" else "motorized" if a == "motorised" else a for a in adj]
        kind_en = "military base" if m[3].lower() == "base" else m[3].lower()
        hits.append(
            UnitHit(" ".join([ordinal(int(m[1])), *adj, kind_en]), start + m.start(), start + m.end())
        )
    for m in MIL_UNIT.finditer(seg):
        code = m[1].replace("А", "A")
        hits.append(UnitHit(f"military unit {code}", start + m.start(), start + m.end()))
    for pat, name in NAMED:
        for m in pat.finditer(seg):
            hits.append(UnitHit(name, start + m.start(), start + m.end()))
    hits.sort(key=lambda h: h.start)
    # "24th separate assault battalion Aidar": the named unit inside a numbered one is not a second unit.
    numbered = [h for h in hits if h.name[0].isdigit()]
    return [
        h
        for h in hits
        if h.name[0].isdigit()
        or h.name.startswith("military unit")
        or not any(abs(h.start - n.end) < 25 or n.start <= h.start < n.end for n in numbered)
    ]


def unit_key(name: str) -> str:
    """Comparison key: number + kind when there is a number ("60th brigade"), else the name."""
    low = name.lower().strip()
    m = re.match(
        r"(\d+)(?:st|nd|rd|th)\b.*?\b(regiment|brigade|battalion|division|army|corps|detachment|"
        r"military base)\b",
        low,
    )
    if m:
        return f"{m[1]} {m[2]}"
    return re.sub(r"\s+", " ", low.replace("«", "").replace("»", ""))
