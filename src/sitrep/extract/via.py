"""Sentence text → the channel or outlet that made an appeal public ("via"), in Latin letters.

Only explicit publication phrases count ("Telegram channel Ostorozhno Novosti published",
"в видео, которое опубликовала «Верстка»", "aired by NDTV"): an outlet merely quoted later is
not the one that carried the appeal. Cyrillic names are transliterated (the codebook writes
"Ostorozhno Novosti").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cyrillic → Latin letters (ru and uk), shared with scripts/build_gazetteer.py.
CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "yi",
            "ye",
            "g",
        ],
        strict=True,
    )
)
_Q = r"[«\"“]([^»\"”\n]{2,40})[»\"”]"
_LATIN_NAME = r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})"
# an outlet name that is clearly a name: Latin letters ("ASTRA", "Gulagu.net") or dotted ("Цензор.НЕТ")
_NAMEISH = r"([A-Z][A-Za-z]+(?:[.-][A-Za-z]+)*(?:\s+[A-Z][A-Za-z]+)?|[А-ЯІЇЄ][\w]+\.[А-ЯІЇЄA-Z]+)"
PATTERNS = [
    re.compile(
        rf"(?:канал\w*|телеграм-канал\w*|telegram-канал\w*|издани\w*|видання|портал\w*|проект\w*|сайт\w*|"
        rf"паблик\w*|медиа|медіа)\s+{_Q}",
        re.I,
    ),
    re.compile(
        rf"(?:опубликовал\w*|опублікува\w*|оприлюдни\w*|выложил\w*|распространил\w*|поширил\w*|"
        rf"показал\w*|передал\w*|сообщил\w*|повідоми\w*|рассказал\w*|розповів\w*|розповіла)\s+(?:\w+\s+)?{_Q}",
        re.I,
    ),
    re.compile(
        r"(?:в распоряжении|оказал\w* у|опубликованн\w* в|опублікован\w* в|на странице|на сторінці|"
        rf"в эфире)\s+{_Q}",
        re.I,
    ),
    re.compile(
        r"(?i:сообщает|пишет|рассказал\w*|по данным|по информации|повідомляє|пише|розповів\w*|за даними|"
        rf"according to|told)\s+{_NAMEISH}(?=[\s,.:;]|$)"
    ),
    # "Ролик показал телеканал NDTV": a publishing verb, the kind of outlet, a Latin name
    re.compile(
        r"(?i:показал\w*|опубликовал\w*|выложил\w*|распространил\w*|опублікува\w*|оприлюдни\w*|показав|"
        r"поширив|поширила)\s+(?i:телеканал\w*|канал\w*|издани\w*|видання|портал\w*|сайт\w*|медиа|медіа|"
        rf"телеграм-канал\w*)\s+{_NAMEISH}(?=[\s,.:;]|$)"
    ),
    # "Запись появилась на странице Елены Кузнецовой": a person's page
    re.compile(r"(?:на странице|на сторінці)\s+([А-ЯІЇЄ][а-яіїєё]+\s+[А-ЯІЇЄ][а-яіїєё]+)"),
    re.compile(
        rf"(?:[Tt]elegram channel|outlet|news site|channel|newspaper|website|broadcaster)\s+{_LATIN_NAME}"
        rf"(?=\s+(?:published|posted|shared|reported|aired|obtained|released|said)|[,.])"
    ),
    re.compile(
        rf"(?:aired by|published by|posted by|shared by|obtained by|sent to|broadcast by|reported by|"
        rf"told|in a video (?:aired|published|shared) by)\s+(?:the\s+)?(?:independent\s+)?(?:Russian\s+)?"
        rf"(?:outlet\s+|channel\s+|news site\s+)?{_LATIN_NAME}"
    ),
    re.compile(
        rf"{_LATIN_NAME}\s+(?:shared|published|obtained|aired)\s+(?:the|a)\s+(?:video|clip|appeal|letter)"
    ),
    re.compile(
        rf"(?:which|that)\s+the\s+(?:independent\s+)?(?:outlet|channel|news site)\s+{_LATIN_NAME}\s+"
        rf"(?:shared|published|obtained|aired)"
    ),
]
NOT_OUTLETS = {
    "the",
    "he",
    "she",
    "they",
    "it",
    "we",
    "a",
    "telegram",
    "russian",
    "ukrainian",
    "president",
    "ministry",
    "the ministry",
    "police",
    "the kremlin",
    "reuters",
    "russia",
    "ukraine",
    "us",
    "the us",
    "moscow",
    "kyiv",
}


@dataclass(frozen=True, slots=True)
class ViaHit:
    name: str
    start: int
    end: int


def translit(name: str) -> str:
    out = []
    for ch in name.replace("ё", "е").replace("Ё", "Е"):
        low = ch.lower()
        t = CYRILLIC_TO_LATIN.get(low)
        if t is None:
            out.append(ch)
        else:
            out.append(t.capitalize() if ch != low and t else t)
    return "".join(out)


def clean_via(raw: str) -> str:
    name = re.sub(r"[,.;:!?]+$", "", raw.strip())
    if re.fullmatch(r"[А-ЯІЇЄа-яіїєё]+(?:\s+[А-ЯІЇЄа-яіїєё]+)?", name):
        # inflected Cyrillic names: «Вёрстке» → Вёрстка, "Елены Кузнецовой" → Елена Кузнецова
        from sitrep.enrich.lemmas import _morph

        morph = _morph("ru")
        words = []
        for i, w in enumerate(name.split()):
            parse = morph.parse(w.lower())
            # a second word is inflected only when it is a surname ("Люди Байкала" keeps its genitive)
            if not parse or (i > 0 and "Surn" not in str(parse[0].tag)):
                words.append(w.lower())
                continue
            nom = parse[0].inflect({"nomn"})
            words.append(nom.word if nom is not None else w.lower())
        name = " ".join(words)
    name = " ".join(w[:1].upper() + w[1:] for w in translit(name).replace(",", "").split())
    return name


def find_via(text: str, start: int, end: int) -> list[ViaHit]:
    seg = text[start:end]
    hits: list[ViaHit] = []
    for pat in PATTERNS:
        for m in pat.finditer(seg):
            name = clean_via(m[1])
            if len(name) < 2 or name.lower() in NOT_OUTLETS:
                continue
            if not any(h.name == name for h in hits):
                hits.append(ViaHit(name, start + m.start(1), start + m.end(1)))
    hits.sort(key=lambda h: h.start)
    return hits


def via_key(name: str) -> str:
    """Comparison key: transliterated, lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", translit(name).lower())
