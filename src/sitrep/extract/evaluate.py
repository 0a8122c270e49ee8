"""Gold lines + predicted lines (gold format) → the scores of gold-format.md.

- relevance: precision, recall, F1 over documents;
- type accuracy: over gold-relevant documents, the first predicted event's type against the first
  gold event's (a missed document counts as wrong);
- units, places, via: micro set F1 over gold-relevant documents, all events of a document pooled,
  after normalisation (units by number + kind, places by transliterated letters — a predicted place also under any
  other name the gazetteer gives its GeoNames id, so a renamed town counts under its old name —, via by the outlet
  table's name when the table knows the outlet, else by transliterated letters);
- dates: over gold first events with a date, exact month-day (and year when both have one);
- counts: over gold first events with a count, within ±20 % for approximate, exact otherwise;
- clusters: pairwise P/R/F1 over documents when gold has ``cluster`` and clusters are given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sitrep.extract.units import unit_key
from sitrep.extract.via import outlet_table, translit, via_key

KEYWORDS = re.compile(
    r"обращени|видеообращ|звернен|отказ|відмов|дезерт|соч\b|сзч\b|пикет|пікет|митинг|мітинг|протест|"
    r"избил|побил|appeal|refus|desert|awol|protest|rally|beaten|coerc",
    re.I,
)


def place_key(name: str) -> str:
    low = translit(name).lower()
    low = re.sub(r"\b(oblast|region|krai|kray|republic of|republic)\b", "", low)
    low = re.sub(r"[^a-z]", "", low.replace("'", ""))
    # transliteration variants of one name compare equal (gold-format.md: "after normalisation (case,
    # transliteration)"): Makiyivka = Makiivka, Hulyaipole = Huliaipole, Velykyi = Velykiy; Russian ё written or not:
    # Korenyovo = Korenevo, Oryol = Orel; Komi Republic = Komi
    return re.sub(r"[iy]+", "i", low.replace("ie", "e")).replace("io", "e")


_ALIASES: dict[int, frozenset[str]] = {}
_PRIMARY: set[str] = set()


def place_aliases(geonameid: int) -> frozenset[str]:
    """``place_key`` of the other names the gazetteer knows for the place (old, other-language and variant names)
    that are no other place's own name: a renamed town is the same place under either name (Krasnohrad = Berestyn),
    but Stavropol is the city, not Tolyatti (once Stavropol-on-Volga)."""
    if not _ALIASES:
        from sitrep.extract.places import default_gazetteer

        gaz = default_gazetteer()
        _PRIMARY.update(place_key(p.name) for p in gaz.places)
        names: dict[int, set[str]] = {}
        for key, idx in gaz.index.items():
            for i in idx:
                g = gaz.places[i].geonameid
                if g is not None:
                    names.setdefault(g, set()).add(place_key(key.lstrip("=")))
        _ALIASES.update({g: frozenset(v - _PRIMARY) for g, v in names.items()})
        _ALIASES.setdefault(-1, frozenset())  # built, even for an empty gazetteer
    return _ALIASES.get(geonameid, frozenset())


def _predicted_places(events: Sequence[dict[str, Any]], gold: set[str]) -> set[str]:
    """The predicted places' keys; a place the gold names by another of its names takes the gold's key."""
    out: set[str] = set()
    rest = [(place_key(pl["name"]), pl.get("geonameid")) for e in events for pl in e.get("places", [])]
    for key, gid in rest:
        if key not in gold and isinstance(gid, int):
            other = sorted((place_aliases(gid) & gold) - {k for k, _ in rest})
            key = other[0] if other else key
        out.add(key)
    return out


def outlet_key(name: str) -> str:
    """``via_key`` of the outlet's table name when the outlet table knows the name (any of its aliases, in any case:
    «Идите лесом», Idite lesom and Get Lost are one project), else of the name as written."""
    hit = outlet_table().lookup(name)
    return via_key(hit[0].name if hit is not None else name)


def keyword_baseline(text: str) -> bool:
    """The approach of keyword-alert tools: any of a dozen stems anywhere in the text."""
    return bool(KEYWORDS.search(text))


@dataclass(slots=True)
class SetScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], pred: set[str]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    docs: int = 0
    relevance: SetScore = field(default_factory=SetScore)
    type_ok: int = 0
    type_n: int = 0
    units: SetScore = field(default_factory=SetScore)
    places: SetScore = field(default_factory=SetScore)
    via: SetScore = field(default_factory=SetScore)
    date_ok: int = 0
    date_n: int = 0
    count_ok: int = 0
    count_n: int = 0
    clusters: SetScore | None = None
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        out: dict[str, Any] = {
            "documents": self.docs,
            "relevance": {
                "precision": round(self.relevance.precision, 3),
                "recall": round(self.relevance.recall, 3),
                "f1": round(self.relevance.f1, 3),
                "tp": self.relevance.tp,
                "fp": self.relevance.fp,
                "fn": self.relevance.fn,
            },
            "type_accuracy": ratio(self.type_ok, self.type_n),
            "units_f1": round(self.units.f1, 3) if self.units.tp + self.units.fn else None,
            "places_f1": round(self.places.f1, 3) if self.places.tp + self.places.fn else None,
            "via_f1": round(self.via.f1, 3) if self.via.tp + self.via.fn else None,
            "date_accuracy": ratio(self.date_ok, self.date_n),
            "count_accuracy": ratio(self.count_ok, self.count_n),
            "n": {"type": self.type_n, "date": self.date_n, "count": self.count_n},
        }
        if self.clusters is not None:
            out["clusters"] = {
                "precision": round(self.clusters.precision, 3),
                "recall": round(self.clusters.recall, 3),
                "f1": round(self.clusters.f1, 3),
            }
        return out


def _date_ok(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return False
    if gold[5:] != pred[5:]:
        return False
    return gold[:4] == pred[:4] or "X" in gold[:4] or "X" in pred[:4]


def _count_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = gold.get("people_count"), pred.get("people_count")
    if g is None or p is None:
        return False
    if gold.get("count_precision") == "approximate":
        return abs(p - g) <= 0.2 * g
    return bool(p == g)


def score(
    golds: Sequence[dict[str, Any]],
    preds: Sequence[dict[str, Any]],
    texts: Sequence[str] | None = None,
    clusters: Sequence[list[str]] | None = None,
) -> Scores:
    """Score predicted gold-format lines against gold lines (same order, same ids)."""
    sc = Scores()
    for i, (g, p) in enumerate(zip(golds, preds, strict=True)):
        sc.docs += 1
        gid = str(g.get("id"))
        grel, prel = bool(g.get("relevant")), bool(p.get("relevant"))
        sc.relevance.add({gid} if grel else set(), {gid} if prel else set())
        snippet = texts[i][:100].replace("\n", " ") if texts else ""
        if grel != prel:
            sc.errors.append(f"{'MISS' if grel else 'FALSE ALARM'} {gid} score={p.get('score')}: {snippet}")
        if not grel:
            continue
        gev, pev = g.get("events") or [], p.get("events") or []
        sc.type_n += 1
        if pev and gev and pev[0]["event_type"] == gev[0]["event_type"]:
            sc.type_ok += 1
        elif prel:
            sc.errors.append(f"TYPE {gid}: gold {gev[0]['event_type']} got {pev[0]['event_type'] if pev else None}")
        gu = {unit_key(u) for e in gev for u in e.get("units", [])}
        pu = {unit_key(u) for e in pev for u in e.get("units", [])}
        sc.units.add(gu, pu)
        gp = {place_key(pl["name"]) for e in gev for pl in e.get("places", [])}
        pp = _predicted_places(pev, gp)
        sc.places.add(gp, pp)
        gv = {outlet_key(e["via"]) for e in gev if e.get("via")}
        pv = {outlet_key(e["via"]) for e in pev if e.get("via")}
        sc.via.add(gv, pv)
        for what, gs, ps in (("UNITS", gu, pu), ("PLACES", gp, pp), ("VIA", gv, pv)):
            if gs != ps and prel:
                sc.errors.append(f"{what} {gid}: gold {sorted(gs)} got {sorted(ps)}")
        if gev and gev[0].get("event_date"):
            sc.date_n += 1
            pd = pev[0].get("event_date") if pev else None
            if _date_ok(gev[0]["event_date"], pd):
                sc.date_ok += 1
            elif prel:
                sc.errors.append(f"DATE {gid}: gold {gev[0]['event_date']} got {pd}")
        if gev and gev[0].get("people_count") is not None:
            sc.count_n += 1
            if pev and _count_ok(gev[0], pev[0]):
                sc.count_ok += 1
    if clusters is not None and any(e.get("cluster") for g in golds for e in g.get("events") or []):
        sc.clusters = SetScore()
        gold_c = [{e["cluster"] for e in g.get("events") or [] if e.get("cluster")} for g in golds]
        pred_c = [set(c) for c in clusters]
        for a, b in combinations(range(len(golds)), 2):
            same_g = bool(gold_c[a] & gold_c[b])
            same_p = bool(pred_c[a] & pred_c[b])
            if same_g and same_p:
                sc.clusters.tp += 1
            elif same_p:
                sc.clusters.fp += 1
            elif same_g:
                sc.clusters.fn += 1
    return sc


def baseline_lines(docs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predictions of the keyword baseline (relevance only)."""
    return [{"id": d.get("id"), "relevant": keyword_baseline(str(d.get("text", ""))), "events": []} for d in docs]
