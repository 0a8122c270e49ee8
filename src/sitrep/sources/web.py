"""Web articles: a URL, a file of URLs, an RSS/Atom feed (file or URL), saved HTML (also
``.html.gz``) → one ``Post`` per article (kind "web", handle = host, external id = canonical URL).

Input kinds are told apart by content (``sniff``/``classify``), never by the file name. Each
article's ``RawItem`` is the page bytes as fetched or saved (decompressed). A URL that cannot be
fetched, or a page without article text, is a ``Failure`` with the reason; the run goes on.
A fetched ``t.me/s/<channel>`` page is handed to the t.me reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from sitrep.models import Failure, Post, RawItem, SourceItem, SourceRef
from sitrep.sources import SourceContext, is_url, tme_html
from sitrep.sources.articles import MIN_TEXT_CHARS, canonical_url, extract_article, site_of
from sitrep.sources.feeds import FeedEntry, looks_like_feed, parse_feed
from sitrep.sources.files import TooBig, read_bounded
from sitrep.sources.http import FetchError, fetch

_HTML_HEAD = re.compile(rb"<(!doctype\s+html|html|head|body|article|main|p|div|title|meta)[\s>/]", re.I)
_URL_LINE = re.compile(rb"^https?://\S+$")
_MAX_URL_LIST_LINES = 100_000  # a URL list is read line by line; more lines than this is a mistake
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)

Kind = Literal["feed", "urls", "html"]


def _url_list(head: bytes) -> bool:
    lines = [ln.strip() for ln in head.splitlines()[:50] if ln.strip() and not ln.strip().startswith(b"#")]
    if len(head) == 64 * 1024 and lines:
        lines = lines[:-1]  # the last line may be cut by the head limit
    return bool(lines) and all(_URL_LINE.match(ln) for ln in lines)


def classify(head: bytes) -> Kind | None:
    """What a file holds, judged from its first bytes."""
    if looks_like_feed(head):
        return "feed"
    if _url_list(head):
        return "urls"
    if _HTML_HEAD.search(head[:65536]):
        return "html"
    return None


def sniff(head: bytes, name: str) -> bool:
    return classify(head) is not None


def read(target: str, ctx: SourceContext) -> Iterator[SourceItem]:
    if is_url(target):
        yield from read_url(target, ctx, top_level=True)
        return
    path = Path(target)
    with path.open("rb") as fh:
        head = fh.read(64 * 1024)
    kind = classify(head)
    if kind is None and head[:2] == b"\x1f\x8b":
        kind = "html"  # read_bounded gunzips; a gzipped page is a saved .html.gz
    if kind == "urls":
        yield from _read_url_list(path, ctx)
        return
    limit = ctx.settings.http_max_bytes
    try:
        data = read_bounded(path, limit)
    except TooBig:
        yield Failure(
            target,
            "",
            "read",
            f"{target}: over {limit:,} bytes (SITREP_HTTP_MAX_BYTES); is this really one page or feed?",
        )
        return
    ctx.on_bytes(path.stat().st_size)
    if kind == "feed" or looks_like_feed(data[:4096]):
        yield from _read_feed(data, target, ctx)
    elif tme_html.sniff(data[:65536], path.name):
        yield from tme_html.parse_page(data, target, ctx)
    else:
        yield article_item(data, target, None, ctx, position="", stage="read")


def read_url(
    url: str, ctx: SourceContext, entry: FeedEntry | None = None, top_level: bool = False
) -> Iterator[SourceItem]:
    """Fetch one URL: an article, a feed (each entry fetched in turn) or a t.me/s page."""
    position = "" if top_level else url
    stage = "read" if top_level else "fetch"
    try:
        got = fetch(url, ctx)
    except FetchError as exc:
        fallback = _entry_post(entry, ctx) if entry is not None else None
        yield fallback if fallback is not None else Failure(url, position, stage, str(exc))
        return
    head = got.content[:65536]
    if entry is None and (got.content_type in _FEED_TYPES or looks_like_feed(head)):
        yield from _read_feed(got.content, url, ctx)
        return
    if got.content_type not in _HTML_TYPES and not _HTML_HEAD.search(head):
        ctype = got.content_type or "no content type"
        yield Failure(
            url, position, stage, f"{url}: not an HTML page ({ctype}); sitrep reads articles, feeds and t.me/s pages"
        )
        return
    if entry is None and tme_html.sniff(head, url):
        yield from tme_html.parse_page(got.content, url, ctx)
        return
    yield article_item(got.content, url, got.url, ctx, position=position, stage="extract", entry=entry)


def _same_site(a: str, b: str) -> bool:
    return site_of(a) == site_of(b)


def article_item(
    html: bytes,
    origin: str,
    page_url: str | None,
    ctx: SourceContext,
    *,
    position: str,
    stage: str,
    entry: FeedEntry | None = None,
) -> SourceItem:
    """One page → the Post ingest stores (the same function serves ``sitrep article``)."""
    raw = RawItem(content=html, media_type="text/html", origin=page_url or origin, fetched_at=ctx.clock())
    article = extract_article(html, page_url)
    if article is None:
        return Failure(
            origin,
            position,
            stage if stage == "read" else "extract",
            f"{origin}: no article text found (under {MIN_TEXT_CHARS} characters of main text); "
            "this looks like an index, list or error page — pass the article's own URL",
            raw=raw,
        )
    # The page's own canonical link wins when it points to the same site (AMP and print
    # versions name their article); a foreign canonical could be spoofed, so it is ignored.
    if page_url is None:
        url = article.url or Path(origin).resolve().as_uri()
    elif article.url and _same_site(article.url, page_url):
        url = article.url
    else:
        url = canonical_url(page_url)
    handle = site_of(url) if url.startswith("http") else "file"
    return Post(
        source=SourceRef("web", handle, article.sitename or handle),
        external_id=url,
        raw=raw,
        text=article.text,
        published_at=article.published_at or (entry.published_at if entry else None),
        url=url if url.startswith("http") else None,
        title=article.title or (entry.title if entry else None),
        author=article.author or (entry.author if entry else None),
    )


def _entry_post(entry: FeedEntry, ctx: SourceContext) -> Post | None:
    """When an entry's page cannot be fetched but the feed carries its full text, use that."""
    from lxml import etree
    from lxml.html import fromstring

    if not entry.content_html.strip():
        return None
    try:
        root = fromstring(entry.content_html)
    except (etree.ParserError, ValueError):
        return None
    blocks = root.iter("p", "li", "blockquote", "h2", "h3")
    text = "\n".join(" ".join(p.text_content().split()) for p in blocks)
    text = text.strip() or " ".join(root.text_content().split())
    if len(text) < MIN_TEXT_CHARS:
        return None
    url = canonical_url(entry.link)
    raw = RawItem(
        content=entry.content_html.encode(), media_type="text/html", origin=entry.link, fetched_at=ctx.clock()
    )
    return Post(
        source=SourceRef("web", site_of(url), site_of(url)),
        external_id=url,
        raw=raw,
        text=text,
        published_at=entry.published_at,
        url=url,
        title=entry.title,
        author=entry.author,
    )


def _read_feed(data: bytes, origin: str, ctx: SourceContext) -> Iterator[SourceItem]:
    feed = parse_feed(data)
    if not feed.entries:
        why = f" ({feed.error})" if feed.error else ""
        yield Failure(
            origin, "", "read", f"{origin}: a feed with no entries that link to pages{why}; check the feed address"
        )
        return
    for entry in feed.entries:
        yield from read_url(entry.link, ctx, entry=entry)


def _read_url_list(path: Path, ctx: SourceContext) -> Iterator[SourceItem]:
    origin = str(path)
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            ctx.on_bytes(len(line))
            if lineno > _MAX_URL_LIST_LINES:
                yield Failure(
                    origin,
                    f"line {lineno}",
                    "read",
                    f"{origin}: more than {_MAX_URL_LIST_LINES:,} lines; split the list",
                )
                return
            url = line.strip()
            if not url or url.startswith(b"#"):
                continue
            if not _URL_LINE.match(url) or len(url) > 8192:
                shown = url[:80].decode("utf-8", errors="replace")
                yield Failure(
                    origin,
                    f"line {lineno}",
                    "parse",
                    f"{origin} line {lineno}: {shown!r} is not an http(s) URL; one URL per line",
                )
                continue
            yield from read_url(url.decode("utf-8", errors="replace"), ctx)
