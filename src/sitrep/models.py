"""Typed, immutable data exchanged between the pipeline's stages.

``RawItem`` (bytes exactly as fetched) → ``Post`` (what a source parsed out of it) →
``Report`` (a post enriched with language, normalised text and lemmas) → ``EventCandidate``
(codebook fields with evidence) → stored ``Event`` rows. Change them with
``dataclasses.replace``; never pass ``dict[str, Any]`` bags between stages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

SourceKind = Literal["telegram_export", "tme_html", "jsonl", "web", "telegram_live", "feed"]


@dataclass(frozen=True, slots=True)
class RawItem:
    """One item exactly as fetched: never changed, never deleted by the pipeline."""

    content: bytes
    media_type: str  # "application/json", "text/html", ...
    origin: str  # the file path or URL it came from
    fetched_at: datetime
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", hashlib.sha256(self.content).hexdigest())


@dataclass(frozen=True, slots=True)
class Media:
    """A media attachment's metadata (and its archived file when the source had it)."""

    kind: str  # photo, video_file, voice_message, document, poll, ...
    file_name: str | None = None
    path: str | None = None  # path of the file in the source folder, when present
    size: int | None = None
    duration: int | None = None
    mime_type: str | None = None
    sha256: str | None = None  # set once the file is archived


@dataclass(frozen=True, slots=True)
class Entity:
    """A text entity kept from the source: link, mention, hashtag, text_link, ..."""

    kind: str
    text: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """The channel or site a post belongs to."""

    kind: SourceKind
    handle: str  # channel username/id, or the web host
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """What a source parsed out of one raw item (a Telegram message or a web article)."""

    source: SourceRef
    external_id: str  # message id within the channel, or canonical URL for articles
    raw: RawItem
    text: str
    published_at: datetime | None = None
    edited_at: datetime | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    forwarded_from: str | None = None
    forwarded_from_id: str | None = None
    reply_to: str | None = None
    views: int | None = None
    media: tuple[Media, ...] = ()
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An item deliberately not ingested (a service message, an empty post)."""

    origin: str
    position: str
    reason: str


@dataclass(frozen=True, slots=True)
class Failure:
    """An item that could not be read: recorded with its stage and reason, the run goes on."""

    origin: str
    position: str  # message id, byte offset, line number, URL ...
    stage: str  # "read", "parse", "fetch", "extract", ...
    reason: str  # one line: what went wrong and what to do
    raw: RawItem | None = None


SourceItem = Post | Skipped | Failure


@dataclass(frozen=True, slots=True)
class Report:
    """A post enriched for search and extraction."""

    post: Post
    lang: str  # "ru", "uk", "en" or "und"
    norm_text: str  # NFKC, unified apostrophes, ё→е, lower case
    lemmas: str  # space-separated lemmas of norm_text (the full-text index column)


@dataclass(frozen=True, slots=True)
class Evidence:
    """An exact substring of the report text that supports a field."""

    field: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    role: Literal["event", "origin"]
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One codebook event read from one report (before merging across reports)."""

    event_type: str
    grievances: tuple[str, ...] = ()
    event_date: str | None = None  # ISO date, or XXXX-MM-DD when the year is unknown
    date_precision: str | None = None  # day, month, year
    units: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    people_count: int | None = None
    count_precision: str | None = None  # exact, approximate
    via: str | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0
    codebook_version: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor says about one report."""

    relevant: bool
    events: tuple[EventCandidate, ...] = ()
    score: float = 0.0


@dataclass(slots=True)
class IngestSummary:
    """Counts printed at the end of ``sitrep ingest`` (mutable: it is an accumulator)."""

    new_reports: int = 0
    unchanged: int = 0
    new_versions: int = 0
    skipped: int = 0
    failures: int = 0
    events: int = 0
    inputs_unreadable: int = 0
    inputs: int = 0
    failure_messages: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything went in, 1 when some items failed, 2 when nothing could be read."""
        if self.inputs and self.inputs_unreadable == self.inputs:
            return 2
        if self.failures or self.inputs_unreadable:
            return 1
        return 0
