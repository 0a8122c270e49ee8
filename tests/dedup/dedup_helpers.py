"""Helpers for dedup tests: hand-built reports and a table-driven extractor (the extractor seam)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sitrep
from sitrep.enrich import enrich_posts
from sitrep.models import EventCandidate, Extraction, Place, Post, RawItem, Report, SourceRef

PACKAGE = Path(sitrep.__file__).resolve().parent
EXTRACTOR_FOLDERS = ("extract", "codebooks", "enrich", "data")


def report(
    ext_id: str,
    text: str,
    day: int = 1,
    channel: str = "chan",
    url: str | None = None,
    fwd: str | None = None,
    kind: str = "telegram_export",
) -> Report:
    raw = RawItem(text.encode(), "text/plain", "test", datetime(2024, 5, day, tzinfo=UTC))
    post = Post(
        SourceRef(kind, channel),
        ext_id,
        raw,
        text,
        published_at=datetime(2024, 5, day, 12, tzinfo=UTC),
        url=url,
        forwarded_from_id=fwd,
    )
    return enrich_posts([post])[0]


def cand(
    event_type: str = "appeal",
    units: Sequence[str] = (),
    places: Sequence[str] = (),
    date: str | None = None,
    count: int | None = None,
) -> EventCandidate:
    return EventCandidate(
        event_type=event_type,
        units=tuple(units),
        event_date=date,
        date_precision="day" if date else None,
        people_count=count,
        places=tuple(Place(p, "event") for p in places),
        codebook_version="t1",
    )


class TableExtractor:
    """Answers from a table keyed by a marker word in the text (stands in for the codebook engine)."""

    codebook_version = "t1"

    def __init__(self, table: dict[str, list[EventCandidate]]) -> None:
        self.table = table

    def extract(self, rep: Report) -> Extraction:
        for marker, cands in self.table.items():
            if marker in rep.post.text:
                return Extraction(relevant=True, events=tuple(cands))
        return Extraction(relevant=False)

    def extract_many(self, reports: Sequence[Report]) -> list[Extraction]:
        return [self.extract(r) for r in reports]


def extractor_fingerprint() -> str:
    """A digest of the extractor's code, codebook, model and gazetteer as they are on disk now."""
    digest = hashlib.sha256()
    for folder in EXTRACTOR_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
