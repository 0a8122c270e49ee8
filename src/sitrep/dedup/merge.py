"""Event candidate(s) → "is this the same real-world event?" (pure rules, no storage).

Input: ``EventCandidate`` objects (with the publication date of their report) or an event
already stored. Output: a ``Profile`` per event, ``lookup_keys`` to find stored events worth
comparing, and ``match`` which gives a score (or None when the two must never merge).

Hard rules (never merge): event types that are neither the same nor neighbours (below); units
of the same kind with disjoint numbers (1428th regiment ≠ 1430th regiment); event dates more than
``DATE_WINDOW_DAYS`` apart, unless the two were published within ``PUB_CLOSE_DAYS`` and the rest
of the evidence reaches ``DATE_OVERRIDE_SCORE`` (a shared numbered unit, a specific place and a
rare name, or the same text: extracted dates often belong to a background fact, "killed on 22
September", "the next rally is on the 19th"; ``DATE_OVERRIDE_COARSE_SCORE`` when one side has
only a month or a year); event places that share neither a place, an oblast, nor 50 km (unless
a numbered unit or the text itself is shared, or one side's event place is named in the other's
text, ``_named_in``: extracted places are the noisiest field).
Evidence (summed, merge at ``MERGE_SCORE``): a shared numbered unit 3, a shared named unit 1.5, a
shared specific place 2 (an oblast/region 1, a foreign country 1.5, a big city or Russia/Ukraine
0.3; a place one side extracted is shared when the other's text names it anywhere,
``names.place_keys``: the extractor keeps only the event sentences' places; a second shared place
apart from the first, a country and an oblast, half its weight up to 0.5; a foreign country both
texts name, or whose people they name, «йеменцев» / "Yemeni men", 1.5 unless the extracted places
disagree), the same event day 1.5 (same month 1), the same people count 1 (close 0.5), publication
within 3 days 0.5, overlapping grievances 0.3, a near-duplicate text 5, rare proper names found in
both reports' texts (``dedup.names``: persons, small places, named units and foundations, matched
across scripts; not a place or unit both extracted, nor an outlet) in reports published within 3
days of each other 0.7 for one and 1.5 for two or more, a distinctive number written in both texts
(``names.number_keys``: "500 days", "400 тысяч"; not a count both extracted nor a unit number) in
reports published within 3 days 0.7, and, when embeddings are on, similar text meaning across
languages 1.
Types: one real-world event is often typed differently by different reports (men who left their unit
record an appeal: appeal or desertion; a refusal told as an appeal; relatives' appeal or their
protest; abuse told through an appeal), so the codebook's ``merge`` section lists neighbouring types
(``MergeRules``, from the codebook that read the candidates, ``rules_for``; the default codebook:
appeal↔desertion/refusal/abuse/protest, refusal↔desertion/abuse) that may merge, but only on
stronger evidence than one type needs (``cross_type_ok``): published within ``CROSS_TYPE_PUB_DAYS``,
no date disagreement, places that agree where both sides have any, an identifying agreement (a
shared numbered unit, a rare name, a distinctive number such as "400 тысяч" in both texts, a
specific place, the same text) and ``CROSS_TYPE_MARGIN`` more points (the score is returned less the
margin, so a same-type event wins a tie). A ``named_only`` type (the default codebook: coercion)
merges with another type of its codebook only with a shared rare name besides, or a specific place
with the same count or a distinctive number; other pairs (protest↔desertion, …)
never. Stressed to 6 hours apart, different events of neighbouring types score up to 6.5 (a
brigade's marines' appeal in Mariupol, their relatives' rally in Kyiv two years later: the places
disagree) and 3.5 with a shared numbered unit alone (two 155th brigades, one in France, one near
Pavlivka) — the place rule stops both. An event's type is the type most of its mentions give, ties
to the earliest (``Profile.main_type``).
Reports without a publication date (a JSONL line without one, an article page whose date could not
be read) merge on the evidence that needs none — the same text, a shared numbered unit, a specific
place, the event's day, a count — under every never-merge rule, and with two changes: a day and
month without a year («2 мая», ``XXXX-05-02``: the year is read from the publication) are compared
in the year of the other side's date (``_dates_against``: agreeing, they count as the same day or
month; disagreeing, they tell nothing, never a conflict), and rare names and distinctive numbers
count when the event days are within ``PUB_CLOSE_DAYS`` instead of the publications (or the undated
report's event day within as many days before the publication of a report that dates nothing,
``_day_before_publication``). What needs publication dates stays out: the 0.5 for publication within
days, a date disagreement outweighed (``DATE_OVERRIDE_SCORE``), neighbouring types
(``cross_type_ok``). Weak evidence never merges them: an oblast, a big city and a day, rare names
without close event days. On the five development sets, every relevant report scored undated against
every other (gold and real extractions) merged no pair of different events, as before; on sets 1-8
and reports-dev (``bench/dedup_gold.py --undated``) none of gold extractions.
Imperfect extractions (issue #4): a report whose extractor kept no place, unit or large count
is found by its event's day (``lookup_keys``: type + day, day precision only); a report that dates
nothing, published on the other side's event day or the next, scores ``FRESH_SCORE`` unless the
places disagree (``_fresh``); named units match however transliterated (``names.fold``); and a
``named_only`` type merges another on a shared unit too when the dates agree.
A big city alone with the same date (0.3 + 1.5 + 0.5 = 2.3) stays below 2.5 on purpose: two
protests in Moscow on one day are not one event; nor do rare names alone merge (1.5 + 0.5 < 2.5
unless a place, unit, date or count agrees too). The weights were set by hand on the
labelled ``reports-dev`` clusters (pairwise F1 printed by ``bench/dedup_gold.py``).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sitrep.dedup.names import COUNTRY_PREFIX, MAX_NUMBER_DIGITS, NUMBER_PREFIX, PLACE_PREFIX, covered_keys, fold
from sitrep.frontline import BORDER_OBLASTS_RU, FRONT_OBLASTS
from sitrep.models import EventCandidate, Place

MERGE_SCORE = 2.5
NEAR_DUP_SCORE = 5.0
DATE_WINDOW_DAYS = 14  # one event is reported over days; different waves of a story weeks apart
PUB_WINDOW_DAYS = 120  # neither side has an event date: publications further apart are other events
PUB_CLOSE_DAYS = 3  # published within 3 days: 0.5 points, and a date disagreement can be outweighed
DATE_OVERRIDE_SCORE = 5.0
# When one side dates the event only to a month or a year: published within 3 days, every such
# disagreement in the labelled sets is one event (a background month read as the event's: "a
# similar video in November", "in December he left the unit", "the papers were approved in May";
# stressed to 6 hours apart, no pair of different events of the seven development sets reaches
# 3.0 against a month: a foreign country and the same count told within days is enough).
DATE_OVERRIDE_COARSE_SCORE = 3.0
# A report that gives no event date at all, published on the other side's event day or the day
# after, most likely tells of that day's event: 0.5, as publication within days (never a day's
# 1.5: it is no date the report gives).
FRESH_SCORE = 0.5
FRESH_DAYS = 1
NAME_SCORE_ONE = 0.7
NAME_SCORE_MANY = 1.5
NUMBER_SCORE = 0.7
SECOND_PLACE_SCORE = 0.5
COUNTRY_SCORE = 1.5  # a foreign country, as ``place_weight`` gives one
NEAR_KM = 50.0
# oblasts where the war is fought: villages near each other there are often one event's places
FRONT_AREAS = FRONT_OBLASTS | BORDER_OBLASTS_RU
# Which event types may merge comes from the codebook that read the candidates (its ``merge``
# section, ``MergeRules``): neighbouring types (the default codebook: appeal↔desertion/refusal/
# abuse/protest, refusal↔desertion/abuse) on stronger evidence (``cross_type_ok``), ``named_only``
# types (coercion) with any other type of the codebook only when a rare name is shared besides.
CROSS_TYPE_MARGIN = 1.0  # a cross-type pair needs MERGE_SCORE + 1 (3.5): e.g. a unit and a date
CROSS_TYPE_PUB_DAYS = 7  # a criminal case for leaving the unit a week after the men's video appeal
CROSS_LOOKUP_DAYS = CROSS_TYPE_PUB_DAYS + 1  # the cross-type keys' lookup window (+1 for time zones)
SPECIFIC_PLACE_WEIGHT = 2.0  # a town or village (``place_weight``), not a region, country or big city
# Optional text-embedding evidence (dedup/embed.py, multilingual-e5-small): on the labelled
# reports-dev pairs of one event type, cosine >= 0.88 held 24 of 55 same-event pairs and 7 of
# 787 different-event pairs (0.86: 36 vs 49), so it adds 1 point — enough to tip a
# cross-language pair that already agrees on date and place, never enough alone, and never
# past a hard rule (those return None first).
EMBED_MIN_SIM = 0.88
EMBED_SCORE = 1.0
# Two events further apart than this (in event dates or, when either has none, in publication)
# can never match: the widest window of ``match`` plus a day for time zones. The store looks
# up candidate events only inside it (``day_span``).
LOOKUP_WINDOW_DAYS = max(DATE_WINDOW_DAYS, PUB_WINDOW_DAYS) + 1
OPEN_SPAN = (1, date.max.toordinal())  # nothing known: the event may be any day
# Rare names count only between reports published within PUB_CLOSE_DAYS: an event found through
# a name key alone is worth scoring only when its span comes that close to the report's
# publication day (+1 for time zones). Keeps a name shared by many events from filling the
# bounded candidate list with events that could never use it.
NAME_KEY = "|t:"
NAME_LOOKUP_DAYS = PUB_CLOSE_DAYS + 1
COUNT_KEY_MIN = 32  # smaller counts are shared by many events (``names.number_keys`` skips them too)

_KINDS = {
    "regiment": "regiment",
    "brigade": "brigade",
    "battalion": "battalion",
    "division": "division",
    "company": "company",
    "army": "army",
    "corps": "corps",
    "detachment": "detachment",
    "base": "base",
    "squadron": "squadron",
    "platoon": "platoon",
    "group": "group",
    "полк": "regiment",
    "бригада": "brigade",
    "батальон": "battalion",
    "дивизия": "division",
    "дивізія": "division",
    "рота": "company",
    "армия": "army",
    "армія": "army",
    "корпус": "corps",
    "отряд": "detachment",
    "загін": "detachment",
    "база": "base",
    "бригады": "brigade",
    "полка": "regiment",
    "бригади": "brigade",
    "батальону": "battalion",
    "батальона": "battalion",
}
# Words that say what kind of unit it is, never which one: never enough to match two names.
_GENERIC = frozenset(
    {
        "separate",
        "mechanized",
        "mechanised",
        "motorized",
        "motorised",
        "motor",
        "rifle",
        "infantry",
        "guards",
        "guard",
        "tank",
        "assault",
        "airborne",
        "air",
        "mountain",
        "territorial",
        "defence",
        "defense",
        "tactical",
        "aviation",
        "helicopter",
        "artillery",
        "special",
        "forces",
        "military",
        "unit",
        "marine",
        "naval",
        "the",
        "of",
        "and",
        "national",
        "operational",
        "purpose",
        "volunteer",
        "battle",
        "combat",
        "reserve",
        "units",
        "troops",
        "storm",
        "z",
        "higher",
        "school",
        "command",
        "center",
        "centre",
        "training",
        "regional",
        "district",
        "отдельный",
        "отдельная",
        "механизированная",
        "мотострелковый",
        "мотострелковая",
        "штурмовой",
        "гвардейская",
    }
)
_MIL_UNIT = re.compile(
    r"(?:military\s+unit|в/ч|в\.ч\.|вч|в/ч\.|військова\s+частина)\s*№?\s*([a-zа-я]?\d{3,6})", re.IGNORECASE
)
_NUMBERED = re.compile(r"(\d{1,4})(?:st|nd|rd|th|-?[а-яіїє]{1,3})?\b")

# Cities so large that sharing one says little (population > ~1M, plus the capitals).
BIG_CITIES = frozenset(
    {
        "moscow",
        "saint petersburg",
        "st petersburg",
        "kyiv",
        "kiev",
        "kharkiv",
        "odesa",
        "odessa",
        "dnipro",
        "donetsk",
        "zaporizhzhia",
        "lviv",
        "kazan",
        "novosibirsk",
        "yekaterinburg",
        "nizhny novgorod",
        "chelyabinsk",
        "samara",
        "omsk",
        "rostov-on-don",
        "ufa",
        "krasnoyarsk",
        "voronezh",
        "perm",
        "volgograd",
        "krasnodar",
        "minsk",
        "москва",
        "киев",
        "київ",
        "харьков",
        "харків",
        "одесса",
        "одеса",
        "донецк",
        "донецьк",
        "санкт-петербург",
        "казань",
    }
)
HOME_COUNTRIES = frozenset({"russia", "ukraine", "россия", "украина", "україна", "росія"})
COUNTRIES = HOME_COUNTRIES | frozenset(
    {
        "belarus",
        "armenia",
        "georgia",
        "kazakhstan",
        "kyrgyzstan",
        "uzbekistan",
        "tajikistan",
        "nepal",
        "india",
        "sri lanka",
        "cuba",
        "zambia",
        "norway",
        "finland",
        "poland",
        "france",
        "germany",
        "moldova",
        "romania",
        "turkey",
        "serbia",
        "syria",
        "libya",
        "mali",
        "central african republic",
    }
)
_REGION = re.compile(r"\b(oblast|krai|kray|region|republic|область|край|республика|республіка|okrug)\b")


@functools.lru_cache(maxsize=8192)  # pure; the same unit and place names recur in every match
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s/-]", " ", text)).strip()


@dataclass(frozen=True, slots=True)
class UnitKey:
    """A unit as compared: kind + number ("regiment", "1428"), or distinctive name words."""

    kind: str
    number: str | None
    names: frozenset[str]


@functools.lru_cache(maxsize=8192)
def parse_unit(text: str) -> UnitKey:
    t = _fold(text)
    m = _MIL_UNIT.search(t)
    if m:
        return UnitKey("military unit", m.group(1).upper(), frozenset())
    words = t.replace("/", " ").split()
    kind = next((_KINDS[w] for w in reversed(words) if w in _KINDS), "")
    num = _NUMBERED.match(t)
    number = num.group(1) if num and kind else None
    names = frozenset(w for w in words if len(w) >= 4 and w not in _GENERIC and w not in _KINDS and not w[0].isdigit())
    return UnitKey(kind, number, names)


def units_conflict(a: set[UnitKey], b: set[UnitKey]) -> bool:
    """Same kind of unit on both sides with no number in common: different units."""
    for kind in {u.kind for u in a if u.number} & {u.kind for u in b if u.number}:
        na = {u.number for u in a if u.kind == kind and u.number}
        nb = {u.number for u in b if u.kind == kind and u.number}
        if not na & nb:
            return True
    return False


def units_shared(a: set[UnitKey], b: set[UnitKey]) -> tuple[int, int]:
    """(numbered units shared, named units shared)."""
    numbered = {(u.kind, u.number) for u in a if u.number} & {(u.kind, u.number) for u in b if u.number}
    # compared as ``names.fold`` keys: one name transliterated two ways ("Bohdan Khmelnytskyi" /
    # "Bohdan Khmelnytsky" battalion, "Tigr" / "Tiger") is one unit
    names_a = {fold(n) for u in a for n in u.names}
    names_b = {fold(n) for u in b for n in u.names}
    return len(numbered), len(names_a & names_b)


def place_key(p: Place) -> str:
    return f"g{p.geonameid}" if p.geonameid else _fold(p.name)


def place_weight(p: Place) -> float:
    name = _fold(p.name)
    if name in HOME_COUNTRIES:
        return 0.3
    if name in COUNTRIES or (p.country and _fold(p.country) == name):
        return 1.5
    if name in BIG_CITIES:
        return 0.3
    if _REGION.search(name) or (p.admin1 and _fold(p.admin1) == name):
        return 1.0
    return 2.0


def _km(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@functools.lru_cache(maxsize=8192)
def _region_core(name: str) -> str:
    """A place or region name without its region word: "Ulyanovsk Oblast" → "ulyanovsk"."""
    return " ".join(_REGION.sub(" ", _fold(name)).split())


def places_compatible(a: Place, b: Place) -> bool:
    """The same place, a place and its oblast, two places of one oblast, or within 50 km."""
    if place_key(a) == place_key(b):
        return True
    # compared without the region word: the gazetteer gives Ulyanovsk the admin1 "Ulyanovsk"
    fa, fb = _region_core(a.name), _region_core(b.name)
    ra, rb = _region_core(a.admin1 or ""), _region_core(b.admin1 or "")
    if (ra and ra in (fb, rb)) or (rb and rb == fa):
        return True
    km = _km(a, b)
    return km is not None and km <= NEAR_KM


def _settlement(p: Place) -> bool:
    """A town or village (not a region or country: the gazetteer gives a region its own name as admin1)."""
    return bool(p.admin1) and _region_core(p.name) != _region_core(p.admin1 or "")


def _other_town(a: Place, b: Place) -> bool:
    """Two towns of one oblast, or near each other, away from the front: other places, not one place told two
    ways (relatives' rallies in Boryslav and Stebnyk, arrests in Veliky Ustyug and Krasavino the same week are two
    events; codebook 1.15). Near the front, a village and the one next to it are one battle's places."""
    return (
        place_key(a) != place_key(b)
        and _settlement(a)
        and _settlement(b)
        and not (a.admin1 in FRONT_AREAS and b.admin1 in FRONT_AREAS)
    )


def date_interval(value: str | None, precision: str | None, published: datetime | None) -> tuple[date, date] | None:
    """An event date as the interval of days it may mean (``XXXX`` takes the publication year)."""
    if not value:
        return None
    if value.startswith("XXXX"):
        if published is None:
            return None
        value = f"{published.year:04d}{value[4:]}"
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "month":
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return date(d.year, d.month, 1), nxt - timedelta(days=1)
    return d, d


@dataclass
class Profile:
    """What is known of one event: the union over its candidates (or a stored event's row).

    ``event_type``: the type before any candidate is added, and the event's type for good when
    ``fixed_type`` (a stored event: its row's type, which an analyst may have set); otherwise the
    type is the one most candidates give, ties to the earliest added (``main_type``).
    """

    event_type: str
    fixed_type: bool = False
    types: list[str] = field(default_factory=list)  # each added candidate's type, in order
    units: set[UnitKey] = field(default_factory=set)
    places: list[Place] = field(default_factory=list)  # event-role places first
    dates: list[tuple[date, date]] = field(default_factory=list)
    day_dates: set[date] = field(default_factory=set)
    counts: list[int] = field(default_factory=list)
    published: list[datetime] = field(default_factory=list)
    grievances: set[str] = field(default_factory=set)
    dup_groups: set[Any] = field(default_factory=set)  # near-duplicate group ids of its reports
    vectors: list[Any] = field(default_factory=list)  # text embeddings of its reports (optional)
    names: set[str] = field(default_factory=set)  # rare proper-name keys of its reports' texts
    numbers: set[str] = field(default_factory=set)  # distinctive-number keys (``#500``) of its reports' texts
    text_places: set[str] = field(default_factory=set)  # ``place_key`` of every place its reports' texts name
    countries: set[str] = field(default_factory=set)  # foreign countries its texts name, or their people
    covered: set[str] = field(default_factory=set)  # name keys of its places and units
    outlets: set[str] = field(default_factory=set)  # name keys of the outlets (``via``) it was made public by
    # event dates without a year its undated reports give ("12 мая", ``XXXX-05-12``: no publication
    # year to read them in), compared in the other side's years (``_dates_against``)
    yearless: list[tuple[str, str | None]] = field(default_factory=list)
    codebook: str = ""  # the codebook version of its first candidate that has one (``rules_for``)

    @property
    def main_type(self) -> str:
        if self.fixed_type or not self.types:
            return self.event_type
        return majority_type(self.types)

    def add(
        self,
        cand: EventCandidate,
        published: datetime | None,
        dup_group: Any = None,
        vector: Any = None,
        names: Iterable[str] = (),
    ) -> None:
        self.types.append(cand.event_type)
        if not self.codebook:
            self.codebook = cand.codebook_version
        self.units.update(parse_unit(u) for u in cand.units)
        for key in names:
            if key.startswith(NUMBER_PREFIX):
                self.numbers.add(key)
            elif key.startswith(PLACE_PREFIX):
                self.text_places.add(key[len(PLACE_PREFIX) :])
            elif key.startswith(COUNTRY_PREFIX):
                self.countries.add(key[len(COUNTRY_PREFIX) :])
                self.text_places.add(key[len(COUNTRY_PREFIX) :])
            else:
                self.names.add(key)
        self.covered |= covered_keys([*cand.units, *(p.name for p in cand.places)])
        if cand.via:
            self.outlets |= covered_keys([cand.via])
        known = {place_key(p) for p in self.places}
        self.places.extend(p for p in cand.places if place_key(p) not in known)
        iv = date_interval(cand.event_date, cand.date_precision, published)
        if iv:
            self.dates.append(iv)
            if iv[0] == iv[1]:
                self.day_dates.add(iv[0])
        elif cand.event_date and cand.event_date.startswith("XXXX"):
            self.yearless.append((cand.event_date, cand.date_precision))
        if cand.people_count is not None:
            self.counts.append(cand.people_count)
        if published is not None:
            self.published.append(published)
        self.grievances.update(cand.grievances)
        if dup_group is not None:
            self.dup_groups.add(dup_group)
        if vector is not None:
            self.vectors.append(vector)


def majority_type(types: Iterable[str]) -> str:
    """The type most of an event's mentions give; a tie goes to the earliest (``types`` in order)."""
    seen = list(types)
    return max(dict.fromkeys(seen), key=seen.count)  # max keeps the first of equal counts


@dataclass(frozen=True, slots=True)
class MergeRules:
    """Which event types may become one event: a codebook's ``merge`` section.

    ``types``: the codebook's event types; ``neighbours``: pairs that merge on stronger evidence
    (``cross_type_ok``); ``named_only``: types that merge with another type of the codebook only
    when a rare name is shared besides. Every type merges with its own type; any other pair never.
    """

    types: frozenset[str]
    neighbours: frozenset[frozenset[str]] = frozenset()
    named_only: frozenset[str] = frozenset()

    @classmethod
    def from_codebook(cls, book: Any) -> MergeRules:
        """The rules of a loaded ``sitrep.extract.codebook.Codebook``."""
        spec = book.spec
        return cls(
            frozenset(spec.event_types),
            frozenset(frozenset(pair) for pair in spec.merge.neighbours),
            frozenset(spec.merge.named_only),
        )

    def relation(self, a: str, b: str) -> str | None:
        """ "same", "neighbour", "named" (a ``named_only`` type and another type of the codebook:
        merges only with a shared rare name), or None: never one event."""
        if a == b:
            return "same"
        if frozenset((a, b)) in self.neighbours:
            return "neighbour"
        if (a in self.named_only or b in self.named_only) and a in self.types and b in self.types:
            return "named"
        return None


_RULES: dict[str, tuple[Any, MergeRules]] = {}  # codebook version → (its Codebook, its rules)


def rules_for(codebook_version: str = "") -> MergeRules:
    """The merge rules of the codebook of this version (``EventCandidate.codebook_version``) when
    it is loaded in this process (the codebook in use: ``sitrep cluster`` and ingest load it to
    extract), else those of the default codebook (candidates without a version, or of a codebook
    version no longer in use)."""
    from sitrep.extract.codebook import load_codebook, loaded_codebook  # a read-only resource

    book = (codebook_version and loaded_codebook(codebook_version)) or load_codebook()
    hit = _RULES.get(codebook_version)
    if hit is None or hit[0] is not book:
        hit = _RULES[codebook_version] = (book, MergeRules.from_codebook(book))
    return hit[1]


_ORDER = {"same": 0, "neighbour": 1, "named": 2}


def type_relation(a: str, b: str, rules: MergeRules | None = None) -> str | None:
    """How types ``a`` and ``b`` may merge under ``rules`` (``MergeRules.relation``). Without
    rules: the closest relation any codebook loaded in this process (or the default one) gives
    them, a pre-filter before ``match``, which applies the rules of the candidates' codebook."""
    if rules is not None:
        return rules.relation(a, b)
    from sitrep.extract.codebook import loaded_versions

    found = [r for r in (rules_for(v).relation(a, b) for v in ("", *loaded_versions())) if r is not None]
    return min(found, key=_ORDER.__getitem__) if found else None


def profile_of(cand: EventCandidate, published: datetime | None, dup_group: Any = None) -> Profile:
    p = Profile(cand.event_type)
    p.add(cand, published, dup_group)
    return p


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def match(a: Profile, b: Profile, rules: MergeRules | None = None) -> float | None:
    """Evidence that ``a`` and ``b`` are one event (merge at ``MERGE_SCORE``), None = never.

    Events of neighbouring types (``MergeRules.relation``) score less ``CROSS_TYPE_MARGIN``, and
    only when ``cross_type_ok`` holds. ``rules``: by default those of ``a``'s codebook (the new
    candidate's: the codebook in use), else ``b``'s (``rules_for``).
    """
    if rules is None:
        rules = rules_for(a.codebook or b.codebook)
    relation = rules.relation(a.main_type, b.main_type)
    if relation is None or units_conflict(a.units, b.units):
        return None
    pub_gap = (
        min(abs((x - y).total_seconds()) for x in a.published for y in b.published) / 86400
        if a.published and b.published
        else None
    )
    pub_close = pub_gap is not None and pub_gap <= PUB_CLOSE_DAYS
    (a_dates, a_days), (b_dates, b_days) = _dates_against(a, b), _dates_against(b, a)
    date_gap = min(_gap(x, y) for x in a_dates for y in b_dates) if a_dates and b_dates else None
    # Rare names and distinctive numbers count only between reports close in time: published
    # within days, or, when a report has no publication date, event days within as many days, or
    # its event day within days before the other's publication when the other dates nothing.
    close = pub_close or (
        pub_gap is None
        and (
            bool(a_days and b_days)
            and min(abs((x - y).days) for x in a_days for y in b_days) <= PUB_CLOSE_DAYS
            or _day_before_publication(a, b)
            or _day_before_publication(b, a)
        )
    )
    dates_conflict = date_gap is not None and date_gap > DATE_WINDOW_DAYS
    if dates_conflict and not pub_close:
        return None
    score = 0.0
    if a.dup_groups & b.dup_groups:
        score += NEAR_DUP_SCORE
    elif _told_before(a, b_dates) or _told_before(b, a_dates):
        return None
    if date_gap is None and pub_gap is not None and pub_gap > PUB_WINDOW_DAYS and score < NEAR_DUP_SCORE:
        return None
    numbered, named = units_shared(a.units, b.units)
    score += 3.0 * min(numbered, 1) + 1.5 * min(named, 1)
    ev_a, ev_b = [p for p in a.places if p.role == "event"], [p for p in b.places if p.role == "event"]
    # (a name both sides read as an event place is no disagreement, whichever namesake each resolved it to: "біля
    # Рясного" and «у Рясного Сумской области» are one village; codebook 1.21, team-heldout-82)
    apart = (
        ev_a and ev_b and not any(places_compatible(x, y) or _fold(x.name) == _fold(y.name) for x in ev_a for y in ev_b)
    )
    # Places are extracted noisily: a shared unit or the same text outweighs a disagreement, and so
    # does one side's event place named in the other's text, which kept another of its places ("the
    # defenders of Mariupol rallied on the Dnipro embankment": Mariupol; «в Днепре»: Dnipro) — one
    # story read two ways, not two places. Only the veto goes: what the place adds is scored below.
    if apart and score < 3.0 and not (_named_in(ev_a, b) or _named_in(ev_b, a)):
        return None
    # an extracted place of one side that the other's text names anywhere counts as shared (by
    # id or by name: the two may resolve a name to different gazetteer entries)
    shared = {place_key(p) for p in a.places} & {place_key(p) for p in b.places}
    shared |= {place_key(p) for p in a.places if {place_key(p), _fold(p.name)} & b.text_places}
    shared |= {place_key(p) for p in b.places if {place_key(p), _fold(p.name)} & a.text_places}
    by_key = {place_key(p): p for p in (*b.places, *a.places)}
    weight = {k: place_weight(by_key[k]) for k in shared}
    # A foreign country both texts name, or whose people they name («йеменцев», "Yemeni men"),
    # though neither extractor kept it: foreign recruits' stories name their country this way.
    # Not when both extracted places and none of them agree (an Indian recruit's death in
    # Hyderabad and a trafficking ring busted in Delhi are two stories of one country).
    disagree = bool(a.places and b.places) and not any(places_compatible(x, y) for x in a.places for y in b.places)
    for c in sorted(a.countries & b.countries) if not disagree else ():
        if c not in weight and not any(_fold(p.name) == c for p in by_key.values()):
            by_key[c], weight[c] = Place(c, "event"), COUNTRY_SCORE
    ranked = sorted(weight, key=lambda k: (-weight[k], k))
    place_score = weight[ranked[0]] if ranked else 0.0
    # A second shared place apart from the first (a country and an oblast, two towns of two
    # oblasts) is a second, independent agreement: half its weight, at most SECOND_PLACE_SCORE.
    second = [k for k in ranked[1:] if not places_compatible(by_key[ranked[0]], by_key[k])]
    if second:
        place_score += min(SECOND_PLACE_SCORE, 0.5 * weight[second[0]])
    # A place and its oblast (or two places 50 km apart) count 1, also when the two events
    # happen to share a big city too: an event gaining a place must never score lower.
    if place_score < 1.0 and any(
        place_key(x) != place_key(y) and places_compatible(x, y) and not _other_town(x, y)
        for x in a.places
        for y in b.places
    ):
        place_score = 1.0
    score += place_score
    if a_days & b_days:
        score += 1.5
    elif date_gap == 0:
        score += 1.0
    elif date_gap is None and not disagree and (_fresh(a, b_days) or _fresh(b, a_days)):
        # not when the places disagree: an Indian recruit's death and a ring busted in Delhi
        score += FRESH_SCORE
    if a.counts and b.counts:
        if set(a.counts) & set(b.counts) and max(a.counts + b.counts) > 1:
            score += 1.0
        elif any(abs(x - y) <= 0.2 * max(x, y) for x in a.counts for y in b.counts):
            score += 0.5 if max(a.counts + b.counts) > 1 else 0.3
    if pub_close:
        score += 0.5
    if a.grievances & b.grievances:
        score += 0.3
    # A name both sides extracted as a place or unit was compared above; one side's place or
    # unit named in the other's text is new evidence. Outlets never identify an event.
    # Only between reports published within days of each other: the people and groups who speak
    # for soldiers (an activist, a foundation) are quoted again on the next, different event.
    names = len((a.names & b.names) - (a.covered & b.covered) - a.outlets - b.outlets) if close else 0
    if names:
        score += NAME_SCORE_ONE if names == 1 else NAME_SCORE_MANY
    number = False
    if close and a.numbers & b.numbers:
        # A count both extracted, or a unit number, was compared above.
        known = {f"{NUMBER_PREFIX}{n}" for n in set(a.counts) & set(b.counts)}
        known |= {f"{NUMBER_PREFIX}{u.number}" for u in a.units | b.units if u.number}
        if (a.numbers & b.numbers) - known:
            score += NUMBER_SCORE
            number = True
    if a.vectors and b.vectors and max(float(x @ y) for x in a.vectors for y in b.vectors) >= EMBED_MIN_SIM:
        score += EMBED_SCORE
    # a month or year on one side ("a similar video in November") is more often a background fact
    # than an exact day: published together, less evidence outweighs it
    override = DATE_OVERRIDE_SCORE if a_days and b_days else DATE_OVERRIDE_COARSE_SCORE
    if dates_conflict and score < override:
        return None
    if relation == "same":
        return score
    specific = any(weight[k] >= SPECIFIC_PLACE_WEIGHT for k in weight)
    identified = bool(numbered or names or number or specific or a.dup_groups & b.dup_groups)
    # a ``named_only`` type (coercion) needs a rare name, or a unit both extracted (a numbered one,
    # or one name however transliterated) on dates that agree: conscripts of one military unit
    # pressed into contracts in one month, told by another report as their mothers' appeal (a
    # unit and a place alone stay apart: one unit's soldiers have more than one story, and a unit
    # is where it is based, so the two are one agreement); or a specific place with the same count
    # (> 1) or a distinctive number, which are independent of it: recruits lured abroad are told as
    # their own or their government's appeal («ЮАР просит вернуть домой 17 своих граждан, застрявших
    # в Донбассе» / «Сімнадцятеро громадян ПАР … застрягли на Донбасі»: appeal ~ coercion; Dhaka, 10
    # men: coercion ~ appeal)
    count = bool(set(a.counts) & set(b.counts)) and max(a.counts + b.counts) > 1
    unit = bool(numbered or named) and date_gap == 0
    unit = unit or (specific and (count or number))
    if not cross_type_ok(relation, pub_gap, dates_conflict, bool(apart or disagree), identified, names > 0 or unit):
        return None
    return score - CROSS_TYPE_MARGIN


def _fresh(undated: Profile, days: set[date]) -> bool:
    """Whether ``undated`` (no event date of any precision) was published on one of the other
    side's event ``days`` or the day after: a report that dates nothing tells of what just
    happened ("wives came to the headquarters", «ДБР повідомило про підозру»)."""
    if undated.dates or undated.yearless or not days:
        return False
    return any(0 <= (p.date() - d).days <= FRESH_DAYS for p in undated.published for d in days)


def _told_before(undated: Profile, dates: list[tuple[date, date]]) -> bool:
    """Whether ``undated`` (no event date of any precision) was published more than
    ``DATE_WINDOW_DAYS`` before the first day the other side's event can have happened: a report
    cannot tell of an event that came later (the soldiers of one unit appealing again in
    September and a June charity drive for that unit, team-heldout-31; a follow-up weeks after
    the first appeal)."""
    if undated.dates or undated.yearless or not undated.published or not dates:
        return False
    return max(undated.published).date() + timedelta(days=DATE_WINDOW_DAYS) < min(iv[0] for iv in dates)


def _day_before_publication(undated: Profile, other: Profile) -> bool:
    """Whether ``undated`` (no publication date) gives an event day, a yearless one read in the
    year of ``other``'s publication or the one before, that falls within ``PUB_CLOSE_DAYS`` before
    ``other``'s publication, ``other`` dating nothing itself: the same time evidence as event days
    within days of each other (a repost without its date, «12 січня Казахстан екстрадував …
    Жиліна», and a report of the extradition published two days later that names no date, "Kazakhstan
    has handed over … Mikhail Zhilin"), so rare names and distinctive numbers count."""
    if undated.published or not other.published or other.dates or other.yearless:
        return False
    days = set(undated.day_dates)
    for value, precision in undated.yearless:
        for p in other.published if precision == "day" else ():
            for year in (p.year - 1, p.year):
                iv = date_interval(f"{year:04d}{value[4:]}", precision, None)
                if iv:
                    days.add(iv[0])
    return any(0 <= (p.date() - d).days <= PUB_CLOSE_DAYS for p in other.published for d in days)


def _named_in(places: Iterable[Place], other: Profile) -> bool:
    """Whether the other side's text names one of ``places`` (a gazetteer place of its text, or
    every word of the place's name among its rare-name keys)."""
    for p in places:
        if {place_key(p), _fold(p.name)} & other.text_places:
            return True
        keys = covered_keys([p.name])
        if keys and keys <= other.names:
            return True
    return False


def _dates_against(a: Profile, b: Profile) -> tuple[list[tuple[date, date]], set[date]]:
    """``a``'s event dates (intervals, and the single days among them) as compared with ``b``: its
    dates without a year (``Profile.yearless``) read in a year of ``b``'s dates (or the one before
    or after) when that puts them within ``DATE_WINDOW_DAYS`` of one of ``b``'s dates. A yearless
    day that agrees with the other's date is evidence; one that disagrees tells nothing (another
    year, or a background date: "killed on 22 September"), never a date conflict: without a
    publication date no other evidence could outweigh it (``DATE_OVERRIDE_SCORE``)."""
    if not a.yearless or not b.dates:
        return a.dates, a.day_dates
    dates, days = list(a.dates), set(a.day_dates)
    years = sorted({d.year + k for iv in b.dates for d in iv for k in (-1, 0, 1)})
    for value, precision in a.yearless:
        for year in years:
            iv = date_interval(f"{year:04d}{value[4:]}", precision, None)
            if iv and iv not in dates and any(_gap(iv, x) <= DATE_WINDOW_DAYS for x in b.dates):
                dates.append(iv)
                if iv[0] == iv[1]:
                    days.add(iv[0])
    return dates, days


def cross_type_ok(
    relation: str, pub_gap: float | None, dates_conflict: bool, places_disagree: bool, identified: bool, named: bool
) -> bool:
    """The stronger evidence events of two types need besides ``CROSS_TYPE_MARGIN`` more points:
    published within ``CROSS_TYPE_PUB_DAYS``, dates within the window (never by the override),
    places that agree where both sides have any, and an identifying agreement (a numbered unit, a
    rare name, a distinctive number, a specific place or the same text); coercion and another
    type: a rare name, a unit both extracted on agreeing dates, or a specific place with the same
    count or a distinctive number (``named``)."""
    if pub_gap is None or pub_gap > CROSS_TYPE_PUB_DAYS or dates_conflict or places_disagree:
        return False
    return named if relation == "named" else identified


def day_span(items: Iterable[tuple[EventCandidate, datetime | None]]) -> tuple[int, int]:
    """First and last day (``date.toordinal``) of the event dates and publications of an event.

    ``match`` never merges events whose spans are more than ``LOOKUP_WINDOW_DAYS`` apart, so
    the store indexes this span to skip them; ``OPEN_SPAN`` when nothing is known.
    """
    days: list[int] = []
    for cand, published in items:
        iv = date_interval(cand.event_date, cand.date_precision, published)
        if iv:
            days += [iv[0].toordinal(), iv[1].toordinal()]
        if published is not None:
            days.append(published.date().toordinal())
    return (min(days), max(days)) if days else OPEN_SPAN


def utc_day(published: datetime | None) -> int | None:
    """The publication day (``date.toordinal``, in UTC) the name-key window is centred on."""
    if published is None:
        return None
    if published.tzinfo is not None:
        published = published.astimezone(UTC)
    return published.date().toordinal()


def name_window(published: datetime | None) -> tuple[int, int] | None:
    """Days an event's span must touch to be found through a rare-name key (None: never)."""
    day = utc_day(published)
    return None if day is None else (day - NAME_LOOKUP_DAYS, day + NAME_LOOKUP_DAYS)


def lookup_keys(cand: EventCandidate, names: Iterable[str] = ()) -> list[str]:
    """Keys under which a stored event is found for this candidate (type + unit / place / rare name)."""
    keys: set[str] = {f"{cand.event_type}{NAME_KEY}{n}" for n in names}
    for u in (parse_unit(x) for x in cand.units):
        if u.number:
            keys.add(f"{cand.event_type}|u:{u.kind}:{u.number}")
        keys.update(f"{cand.event_type}|n:{n}" for n in u.names)
    for p in cand.places:
        keys.add(f"{cand.event_type}|p:{place_key(p)}")
        if p.admin1:
            keys.add(f"{cand.event_type}|p:{_fold(p.admin1)}")
    if cand.date_precision == "day" and cand.event_date and not cand.event_date.startswith("XXXX"):
        # the event's day: a report whose extractor kept no place, unit or large count ("about a
        # dozen wives gathered outside the regional legislature on Wednesday") still finds the
        # other reports of that day's event of its type, which ``match`` then scores
        keys.add(f"{cand.event_type}|d:{cand.event_date[:10]}")
    count = cand.people_count
    if count is not None and COUNT_KEY_MIN <= count < 10**MAX_NUMBER_DIGITS:
        # the people count as a number key (window of the rare names): reports that name no unit
        # and no place («из одной из женских колоний … около ста», "one women's penal colony …
        # roughly 100") are found by it, and the count both read counts in ``match``
        keys.add(f"{cand.event_type}{NAME_KEY}{NUMBER_PREFIX}{count}")
    return sorted(keys)


def cross_type_keys(cand: EventCandidate, names: Iterable[str] = (), rules: MergeRules | None = None) -> list[str]:
    """Keys to look up stored events of the types this candidate may merge with (``rules``; by
    default those of the candidate's codebook, ``rules_for``; events are stored under their
    mentions' own types, ``lookup_keys``): numbered units and specific places under a
    neighbouring type, numbered units and specific places under a ``named_only`` one (found only within
    ``cross_window`` of the report's publication: a cross-type merge needs publication within
    ``CROSS_TYPE_PUB_DAYS``), distinctive numbers under
    a neighbouring type and rare names under a neighbouring or a ``named_only`` type (``NAME_KEY``
    keys: within ``name_window``). Stored keys stay as they were: old stores need no
    re-indexing, and the extra keys cost only index probes."""
    rare = sorted({n for n in names if n[:1] not in (NUMBER_PREFIX, PLACE_PREFIX, COUNTRY_PREFIX)})
    numbers = sorted({n for n in names if n.startswith(NUMBER_PREFIX)})
    units = [f"u:{u.kind}:{u.number}" for u in (parse_unit(x) for x in cand.units) if u.number]
    ident = units + [f"p:{place_key(p)}" for p in cand.places if place_weight(p) >= SPECIFIC_PLACE_WEIGHT]
    if rules is None:
        rules = rules_for(cand.codebook_version)
    keys: set[str] = set()
    for other in sorted(rules.types):
        relation = rules.relation(cand.event_type, other)
        if relation == "neighbour":
            keys.update(f"{other}|{k}" for k in ident)
            keys.update(f"{other}{NAME_KEY}{n}" for n in numbers)
        if relation in ("neighbour", "named"):
            keys.update(f"{other}{NAME_KEY}{n}" for n in rare)
        if relation == "named":  # a numbered unit on agreeing dates, or a specific place, merges these too
            keys.update(f"{other}|{k}" for k in ident)
    return sorted(keys)


def cross_window(published: datetime | None) -> tuple[int, int] | None:
    """Days an event's span must touch to be found through a cross-type unit or place key."""
    day = utc_day(published)
    return None if day is None else (day - CROSS_LOOKUP_DAYS, day + CROSS_LOOKUP_DAYS)


def query_keys(cand: EventCandidate, names: Iterable[str] = (), rules: MergeRules | None = None) -> list[str]:
    """Every key a candidate looks events up by: ``lookup_keys`` and ``cross_type_keys``."""
    return sorted({*lookup_keys(cand, names), *cross_type_keys(cand, names, rules)})
