"""News polling: RSS/Atom feeds, sitemaps and URL lists → article ``Post`` objects through the spine.

Each poll fetches every listed target and the articles it names, politely:

1. robots.txt is read once per host (``urllib.robotparser``) and obeyed (RFC 9309: a 4xx robots
   file allows everything, an unreachable one disallows until it answers);
2. requests to one host are spaced by ``http_min_interval`` (or the robots ``Crawl-delay``);
3. requests are conditional (``If-None-Match``/``If-Modified-Since`` from ``http_state``): a 304
   costs nothing, and an unchanged body is not extracted again;
4. a changed article is extracted again and stored: the store turns a new text into a new version.

Bodies are read up to ``http_max_bytes``; timeouts, HTTP errors and huge bodies become
``Failure`` rows and the feed's ``last_error``; the poll goes on with the next URL.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
from lxml import etree

from sitrep import pipeline
from sitrep.models import Failure, IngestSummary, Post, RawItem, SourceRef
from sitrep.settings import Settings
from sitrep.sources import SourceContext
from sitrep.sources.web import article_item
from sitrep.store import Store
from sitrep.store.watch import HttpState, get_http_state, record_error, record_success, save_http_state

MAX_LINKS_PER_TARGET = 500  # bound: a feed or sitemap listing more is cut (newest entries come first)
MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB of robots.txt


class FetchFailed(Exception):
    """A request failed; ``str(exc)`` is the one-line reason recorded as a ``Failure``."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int  # 200 or 304
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


@dataclass
class PollOptions:
    """How often a known article is checked again for edits (conditional GET, so cheap)."""

    # One hour: edits of news articles cluster in the first hours after publication; checking
    # hourly catches them without re-requesting every listed article on every 5-minute poll.
    recheck_after: timedelta = timedelta(hours=1)
    max_links: int = MAX_LINKS_PER_TARGET


@dataclass
class PollStats:
    summary: IngestSummary = field(default_factory=IngestSummary)
    not_modified: int = 0
    robots_blocked: int = 0
    fetched: int = 0


class HostLimiter:
    """At least ``interval`` seconds between two requests to one host (clock and sleep injectable)."""

    def __init__(
        self, interval: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self.last: dict[str, float] = {}
        self.delays: dict[str, float] = {}  # per-host Crawl-delay from robots.txt

    def wait(self, host: str) -> None:
        gap = max(self.interval, self.delays.get(host, 0.0))
        previous = self.last.get(host)
        if previous is not None:
            remaining = gap - (self.clock() - previous)
            if remaining > 0:
                self.sleep(remaining)
        self.last[host] = self.clock()


class FeedPoller:
    """Polls feeds, sitemaps and URL lists; the HTTP client, clock and sleep are seams."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        http: httpx.Client | None = None,
        options: PollOptions | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        limiter: HostLimiter | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.http = http or httpx.Client(follow_redirects=True, max_redirects=10)
        self.options = options or PollOptions()
        self.clock = clock
        self.limiter = limiter or HostLimiter(settings.http_min_interval)
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        # The links of a listing answered with 304 are the ones seen last time (kept per poller;
        # after a restart the first poll is unconditional for the listing's articles' sake).
        self.links: dict[str, list[tuple[str, str | None]]] = {}

    # -- HTTP ------------------------------------------------------------------------------
    def _get(self, url: str, state: HttpState | None, limit: int) -> Response:
        host = (urlsplit(url).hostname or "").lower()
        if not host or urlsplit(url).scheme not in ("http", "https"):
            raise FetchFailed(f"{url}: not an http(s) URL; fix the feed list")
        self.limiter.wait(host)
        headers = {"User-Agent": self.settings.http_user_agent}
        if state and state.etag:
            headers["If-None-Match"] = state.etag
        if state and state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        timeout = self.settings.http_timeout
        try:
            with self.http.stream("GET", url, headers=headers, timeout=timeout) as resp:
                if resp.status_code == 304:
                    return Response(
                        str(resp.url),
                        304,
                        b"",
                        "",
                        state.etag if state else None,
                        state.last_modified if state else None,
                    )
                if resp.status_code >= 400:
                    raise FetchFailed(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}; retried next poll")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchFailed(
                            f"{url}: response over {limit:,} bytes (SITREP_HTTP_MAX_BYTES); "
                            "raise the limit if the page is really that big"
                        )
                ctype = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
                return Response(
                    str(resp.url),
                    resp.status_code,
                    bytes(body),
                    ctype,
                    resp.headers.get("etag"),
                    resp.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            raise FetchFailed(
                f"{url}: no answer within {timeout:g} s; retried next poll (or raise SITREP_HTTP_TIMEOUT)"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(f"{url}: cannot fetch ({type(exc).__name__}); retried next poll") from exc

    def allowed(self, url: str) -> bool:
        """robots.txt says the user agent may fetch ``url`` (read once per host and poller)."""
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self.robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            assert parser is not None
            try:
                resp = self._get(base + "/robots.txt", None, MAX_ROBOTS_BYTES)
                parser.parse(resp.content.decode("utf-8", "replace").splitlines())
                delay = parser.crawl_delay(self.settings.http_user_agent)
                if delay:
                    self.limiter.delays[(parts.hostname or "").lower()] = min(float(delay), 60.0)
            except FetchFailed as exc:
                # 4xx: no robots file, everything allowed; 5xx/timeouts: unreachable, nothing is.
                if " HTTP 4" in str(exc):
                    parser.parse([])
                else:
                    parser = None
            self.robots[base] = parser
        robots = self.robots[base]
        return robots is not None and robots.can_fetch(self.settings.http_user_agent, url)

    # -- polling ----------------------------------------------------------------------------
    def poll(self, targets: list[str]) -> PollStats:
        """One pass over every target; returns what changed."""
        stats = PollStats()
        for target in targets:
            self.poll_target(target, stats)
        return stats

    def run(
        self,
        targets: list[str],
        interval: float,
        should_stop: Callable[[], bool],
        sleep: Callable[[float], None] = time.sleep,
    ) -> PollStats:
        """Poll every ``interval`` seconds until ``should_stop()``."""
        total = PollStats()
        while not should_stop():
            stats = self.poll(targets)
            total.fetched += stats.fetched
            total.not_modified += stats.not_modified
            total.summary.new_reports += stats.summary.new_reports
            total.summary.new_versions += stats.summary.new_versions
            total.summary.failures += stats.summary.failures
            if should_stop():
                break
            sleep(interval)
        return total

    def _fail(self, stats: PollStats, ref: SourceRef, url: str, reason: str) -> None:
        self.store.record_failure(Failure(ref.handle, url, "fetch", reason))
        record_error(self.store, ref, reason)
        stats.summary.failures += 1

    def poll_target(self, target: str, stats: PollStats, depth: int = 0) -> None:
        """Fetch one listing (conditionally) and every article it names that may have changed."""
        ref = SourceRef("feed", target)
        if not self.allowed(target):
            stats.robots_blocked += 1
            self._fail(stats, ref, target, f"{target}: robots.txt disallows it (or is unreachable); not fetched")
            return
        state = get_http_state(self.store, target)
        if target not in self.links:
            state = None  # this poller has not seen the listing: its links are needed, ask again
        try:
            resp = self._get(target, state, self.settings.http_max_bytes)
        except FetchFailed as exc:
            self._fail(stats, ref, target, str(exc))
            return
        stats.fetched += 1
        self._remember(target, resp, state, None)
        if resp.status == 304:
            stats.not_modified += 1
            links = self.links.get(target, [])
        else:
            kind, links = parse_listing(resp.content, resp.url)
            if kind == "unknown":
                self._fail(stats, ref, target, f"{target}: not an RSS/Atom feed, sitemap or URL list")
                return
            if kind == "sitemapindex":
                if depth == 0:  # one level: an index of sitemaps; deeper nesting is not followed
                    for child, _updated in links[:50]:
                        self.poll_target(child, stats, depth + 1)
                record_success(self.store, ref)
                return
            self.links[target] = links
        for link, updated in links[: self.options.max_links]:
            self._article(link, updated, ref, stats)
        record_success(self.store, ref)

    def _remember(self, url: str, resp: Response, state: HttpState | None, updated: str | None) -> None:
        sha = (
            hashlib.sha256(resp.content).hexdigest()
            if resp.status == 200
            else (state.content_sha256 if state else None)
        )
        if updated is None and state is not None:
            updated = state.entry_updated
        save_http_state(
            self.store, HttpState(url, resp.etag, resp.last_modified, updated, sha, self.clock(), resp.status)
        )

    def _article(self, url: str, updated: str | None, feed: SourceRef, stats: PollStats) -> None:
        state = get_http_state(self.store, url)
        now = self.clock()
        if (
            state is not None
            and (updated is None or updated == state.entry_updated)
            and state.checked_at
            and now - state.checked_at < self.options.recheck_after
        ):
            return  # seen recently, and the feed does not say it changed
        if not self.allowed(url):
            stats.robots_blocked += 1
            stats.summary.skipped += 1
            return
        try:
            resp = self._get(url, state, self.settings.http_max_bytes)
        except FetchFailed as exc:
            self._fail(stats, feed, url, str(exc))
            return
        stats.fetched += 1
        unchanged = resp.status == 304 or (
            state is not None and state.content_sha256 == hashlib.sha256(resp.content).hexdigest()
        )
        self._remember(url, resp, state, updated)
        if unchanged:
            stats.not_modified += 1
            return
        # The article path of `sitrep article` and `sitrep ingest URL`: same text, same canonical
        # URL (the report key), same site handle, whichever way a page came in.
        item = article_item(
            resp.content, url, resp.url, SourceContext(self.settings, clock=lambda: now), position=url, stage="fetch"
        )
        if not isinstance(item, Post):
            assert isinstance(item, Failure)
            self.store.record_failure(item)
            stats.summary.failures += 1
            return
        raw = RawItem(resp.content, resp.content_type or "text/html", resp.url, now)
        post = dataclasses.replace(item, raw=raw)
        result = pipeline.ingest_posts([post], self.settings, self.store)
        stats.summary.new_reports += result.new_reports
        stats.summary.new_versions += result.new_versions
        stats.summary.unchanged += result.unchanged
        stats.summary.events += result.events


ListingKind = Literal["feed", "sitemap", "sitemapindex", "urls", "unknown"]


def parse_listing(content: bytes, base_url: str) -> tuple[ListingKind, list[tuple[str, str | None]]]:
    """A feed, sitemap or URL list → (kind, [(article URL, updated stamp or None)])."""
    head = content[:2048].lstrip()
    if head.startswith(b"<") and (b"<urlset" in content[:4096] or b"<sitemapindex" in content[:4096]):
        is_index, links = _sitemap(content, base_url)
        return ("sitemapindex" if is_index else "sitemap"), links
    if head.startswith(b"<"):
        parsed = feedparser.parse(content)
        if parsed.get("version") or parsed.entries:
            links = []
            for entry in parsed.entries:
                link = entry.get("link")
                if link:
                    # keys() first: a plain get("updated") falls back to published with a warning.
                    stamp = entry["updated"] if "updated" in entry.keys() else entry.get("published")
                    links.append((urljoin(base_url, link), stamp))
            return "feed", links
        return "unknown", []
    lines = content.decode("utf-8", "replace").splitlines()
    urls: list[tuple[str, str | None]] = [
        (line.strip(), None) for line in lines if line.strip().startswith(("http://", "https://"))
    ]
    return ("urls", urls) if urls else ("unknown", [])


def _sitemap(content: bytes, base_url: str) -> tuple[bool, list[tuple[str, str | None]]]:
    # No entities, no network, no huge trees: a sitemap is untrusted XML.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError:
        return False, []
    if root is None:
        return False, []
    out: list[tuple[str, str | None]] = []
    for node in root:
        loc = updated = None
        for child in node:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "loc" and child.text:
                loc = child.text.strip()
            elif tag == "lastmod" and child.text:
                updated = child.text.strip()
        if loc:
            out.append((urljoin(base_url, loc), updated))
    # Newest first, so the per-target bound keeps the recent articles.
    out.sort(key=lambda pair: pair[1] or "", reverse=True)
    return etree.QName(root).localname == "sitemapindex", out
