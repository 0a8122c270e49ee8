"""Helpers the extractor's rule tests share: the cue weights the engine's signals see, and the extractor's verdict."""

from __future__ import annotations

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.engine import Engine
from sitrep.extract.places import default_gazetteer, find_places
from sitrep.extract.text import tokenize


def cue_types(text: str, lang: str) -> dict[str, float]:
    """The strongest weight of each type's cue in the text, as the engine's signals see it (rules only, no model)."""
    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    out: dict[str, float] = {}
    for h in engine.signals(text, lang).type_hits:
        out[h.cue.label] = max(out.get(h.cue.label, 0.0), h.cue.weight)
    return out


def verdict(text: str, published: str = "2025-03-20T10:00:00+02:00") -> tuple[bool, str | None]:
    """Whether the shipped extractor finds the text relevant, and its first event's type."""
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": published}))
    return ext.relevant, (ext.events[0].event_type if ext.events else None)


def place_names(text: str, lang: str) -> list[str]:
    """The names of the places ``find_places`` reads in the whole text (every sentence, no event anchors)."""
    return [h.place.name for h in find_places(text, tokenize(text, lang), default_gazetteer(), lang)]


def event_date(text: str, published: str) -> str | None:
    """The first event's date as the whole engine picks it."""
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": published}))
    return ext.events[0].event_date if ext.events else None
