"""Extract: ``Report`` → ``Extraction`` — relevance and codebook events with evidence.

Pure over its inputs plus read-only resources loaded once per process: the codebook (YAML),
the model file it references, and the gazetteer. ``report_from_doc`` turns an extract-input
line into an enriched ``Report``; ``extraction_to_gold`` writes one gold-format output line.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.enrich import enrich_posts
from sitrep.extract.codebook import DEFAULT_CODEBOOK, Codebook, CodebookError, load_codebook
from sitrep.extract.engine import Engine
from sitrep.extract.model import RelevanceModel
from sitrep.extract.places import default_gazetteer
from sitrep.models import Extraction, Post, RawItem, Report, SourceRef

__all__ = [
    "Extractor",
    "report_from_doc",
    "reports_from_docs",
    "check_doc",
    "extraction_to_gold",
    "CodebookError",
    "DEFAULT_CODEBOOK",
]

_CACHE: dict[Path, Extractor] = {}
_LOCK = threading.Lock()


class Extractor:
    """The codebook engine. Build with ``Extractor.load()`` (cached per process and codebook)."""

    codebook_version: str

    def __init__(self, book: Codebook, model: RelevanceModel | None) -> None:
        self.book = book
        self.model = model
        self.codebook_version = book.version
        self.engine = Engine(book, model, default_gazetteer())

    @classmethod
    def load(cls, codebook: Path | None = None) -> Extractor:
        """Load the codebook (default: the shipped one), its model file, and the gazetteer."""
        path = (codebook or DEFAULT_CODEBOOK).resolve()
        with _LOCK:
            hit = _CACHE.get(path)
            if hit is None:
                book = load_codebook(path)
                mp = book.model_path
                model = RelevanceModel.load(mp) if mp is not None and mp.exists() else None
                hit = _CACHE[path] = cls(book, model)
            return hit

    def extract(self, report: Report) -> Extraction:
        return self.engine.extract(report)

    def extract_many(self, reports: Sequence[Report]) -> list[Extraction]:
        return [self.engine.extract(r) for r in reports]


def _parse_time(value: Any) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def report_from_doc(doc: dict[str, Any]) -> Report:
    """An extract-input line ``{"id","text","published"?,"date"?,"channel"?,"url"?}`` → enriched Report.

    Raises ``ValueError`` when ``id`` or ``text`` is missing or not a string.
    """
    return enrich_posts([_post_from_doc(doc)])[0]


def reports_from_docs(docs: Sequence[dict[str, Any]]) -> list[Report]:
    """``report_from_doc`` for a batch (language detection is several times faster in bulk)."""
    return enrich_posts([_post_from_doc(d) for d in docs])


def check_doc(doc: dict[str, Any]) -> str:
    """Why an extract-input line cannot be used ("" when it can)."""
    if not isinstance(doc.get("id"), str | int) or isinstance(doc.get("id"), bool):
        return "needs an 'id' (string or number)"
    if not isinstance(doc.get("text"), str):
        return "needs a 'text' string"
    return ""


def _post_from_doc(doc: dict[str, Any]) -> Post:
    problem = check_doc(doc)
    if problem:
        raise ValueError(problem)
    doc_id, text = doc["id"], doc["text"]
    content = text.encode("utf-8")
    raw = RawItem(
        content=content,
        media_type="text/plain",
        origin=f"doc:{doc_id}",
        fetched_at=datetime.now(UTC),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    channel = doc.get("channel") if isinstance(doc.get("channel"), str) else None
    return Post(
        source=SourceRef(kind="jsonl", handle=channel or "unknown"),
        external_id=str(doc_id),
        raw=raw,
        text=text,
        published_at=_parse_time(doc.get("published") or doc.get("date")),
        url=doc.get("url") if isinstance(doc.get("url"), str) else None,
    )


def extraction_to_gold(doc_id: str, ext: Extraction) -> dict[str, Any]:
    """One gold-format output line (gold-format.md) for a document."""
    events = []
    for ev in ext.events:
        events.append(
            {
                "event_type": ev.event_type,
                "grievances": list(ev.grievances),
                "event_date": ev.event_date,
                "date_precision": ev.date_precision,
                "units": list(ev.units),
                "places": [
                    {"name": p.name, "role": p.role, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid}
                    for p in ev.places
                ],
                "people_count": ev.people_count,
                "count_precision": ev.count_precision,
                "via": ev.via,
                "evidence": [e.text for e in ev.evidence],
                "confidence": ev.confidence,
                "codebook_version": ev.codebook_version,
            }
        )
    return {"id": doc_id, "relevant": bool(events), "events": events, "score": ext.score}
