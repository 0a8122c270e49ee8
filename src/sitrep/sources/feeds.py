"""RSS/Atom feeds → the entries they list (link, title, author, date, inline content).

Pure: feed bytes in, ``FeedEntry`` values out (feedparser, which never raises on malformed
XML: it sets ``bozo`` and returns what it could read). The web reader then fetches each
entry's link as an article.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(head: bytes) -> bool:
    """RSS 2.0 / RSS 1.0 (RDF) / Atom root element within the first bytes."""
    return _FEED_HEAD.search(head[:4096]) is not None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    content_html: str = ""  # full content or summary as the feed carries it


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    error: str | None  # what feedparser complained about, when it read nothing


def _when(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if isinstance(c, dict)]
    best = max(values, key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def parse_feed(data: bytes) -> Feed:
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not isinstance(link, str) or not link.startswith(("http://", "https://")):
            continue
        title = entry.get("title")
        author = entry.get("author")
        entries.append(
            FeedEntry(
                link=link,
                title=title if isinstance(title, str) and title else None,
                author=author if isinstance(author, str) and author else None,
                published_at=_when(entry),
                content_html=_content(entry),
            )
        )
    error = None
    if not entries and parsed.get("bozo"):
        error = str(parsed.get("bozo_exception") or "malformed feed").splitlines()[0][:200]
    title = parsed.feed.get("title") if isinstance(parsed.feed.get("title"), str) else None
    return Feed(title, tuple(entries), error)
