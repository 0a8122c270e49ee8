"""Feed polling against a local HTTP server (real sockets, a thread) serving changing pages."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from sitrep.settings import Settings, load_settings
from sitrep.store import Store, open_store
from sitrep.store.schema import failures, reports, sources
from sitrep.watch.feeds import FeedPoller, HostLimiter, parse_listing

ARTICLE = (
    "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>"
    "<p>{body}</p><p>Military unit 1428 refused orders, the relatives said in a video appeal. "
    "They asked the command to rotate the battalion out of the front line.</p>"
    "</article></body></html>"
)


class Site:
    """Pages by path: body bytes (ETag = its hash), or "500", "slow", "huge"."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes | str] = {"/robots.txt": b"User-agent: *\nDisallow: /private/\n"}
        self.hits: dict[str, int] = {}


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

        def do_GET(self) -> None:  # noqa: N802
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            page = site.pages.get(self.path)
            if page is None or page == "500":
                self.send_response(404 if page is None else 500)
                self.end_headers()
                return
            if page == "slow":
                time.sleep(1.5)
                page = b"late"
            if page == "huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(64):  # 4 MiB, more than the 1 MiB limit of the test settings
                    self.wfile.write(b"x" * 65536)
                return
            assert isinstance(page, bytes)
            etag = '"' + hashlib.sha256(page).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            ctype = "application/rss+xml" if page.lstrip().startswith(b"<?xml") else "text/html"
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f"<item><title>{p}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>" for p, d in items)
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    return f"{head}{entries}</channel></rss>".encode()


def _page(title: str, body: str) -> bytes:
    return ARTICLE.format(t=title, body=body).encode()


def _poller(tmp_path: Path) -> tuple[FeedPoller, Store, Settings]:
    settings = load_settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'db.sqlite'}",
        http_min_interval=0,
        http_timeout=0.5,
        http_max_bytes=1024 * 1024,
        extract_events=False,
    )
    store = open_store(settings.db_url)
    return FeedPoller(settings, store), store, settings


def _texts(store: Store) -> dict[str, tuple[int, str]]:
    with store.engine.connect() as conn:
        return {r.external_id.rsplit("/", 1)[-1]: (r.version, r.text) for r in conn.execute(select(reports))}


def test_feed_new_unchanged_and_edited(tmp_path: Path, site: tuple[Site, str]) -> None:
    s, base = site
    s.pages["/a1"] = _page("First", "Soldiers recorded an appeal near Bakhmut.")
    s.pages["/a2"] = _page("Second", "Mobilised men protested in Belgorod.")
    s.pages["/feed"] = _rss(base, [("/a1", "Mon, 01 Jul 2024 10:00:00 GMT"), ("/a2", "Mon, 01 Jul 2024 11:00:00 GMT")])
    poller, store, _ = _poller(tmp_path)
    assert poller.poll([base + "/feed"]).summary.new_reports == 2
    again = poller.poll([base + "/feed"])  # nothing changed: the feed answers 304
    assert again.summary.new_reports == 0 and again.not_modified == 1 and s.hits["/a1"] == 1
    # The article is edited after publication and the feed says so.
    s.pages["/a1"] = _page("First", "Soldiers of the 1428th regiment recorded an appeal near Bakhmut.")
    s.pages["/feed"] = _rss(base, [("/a1", "Mon, 01 Jul 2024 12:00:00 GMT"), ("/a2", "Mon, 01 Jul 2024 11:00:00 GMT")])
    edited = poller.poll([base + "/feed"])
    assert edited.summary.new_versions == 1
    version, text = _texts(store)["a1"]
    assert version == 2 and "1428th" in text


def test_errors_are_recorded_and_the_poll_goes_on(tmp_path: Path, site: tuple[Site, str]) -> None:
    s, base = site
    s.pages.update(
        {
            "/ok": _page("Fine", "An appeal was published."),
            "/boom": "500",
            "/slow": "slow",
            "/huge": "huge",
            "/private/x": _page("Hidden", "Not for robots."),
        }
    )
    paths = ("/boom", "/slow", "/huge", "/private/x", "/ok")
    s.pages["/urls.txt"] = "\n".join(base + p for p in paths).encode()
    poller, store, _ = _poller(tmp_path)
    stats = poller.poll([base + "/urls.txt"])
    assert stats.summary.new_reports == 1 and stats.summary.failures == 3 and stats.robots_blocked == 1
    assert "/private/x" not in s.hits
    with store.engine.connect() as conn:
        reasons = " | ".join(r.reason for r in conn.execute(select(failures)))
        feed = conn.execute(select(sources).where(sources.c.kind == "feed")).one()
    assert "HTTP 500" in reasons and "no answer within" in reasons and "over 1,048,576 bytes" in reasons
    assert feed.last_error and feed.last_success_at


def test_sitemap_listing_newest_first() -> None:
    xml = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://n.example/old</loc><lastmod>2024-01-01</lastmod></url>"
        b"<url><loc>https://n.example/new</loc><lastmod>2024-07-01</lastmod></url></urlset>"
    )
    kind, links = parse_listing(xml, "https://n.example/sitemap.xml")
    assert kind == "sitemap" and [u for u, _ in links] == ["https://n.example/new", "https://n.example/old"]


def test_rate_limit_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = HostLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("a.example")
    limiter.wait("b.example")  # another host: no wait
    now[0] += 0.5
    limiter.wait("a.example")
    assert slept == [1.5]


def test_feed_articles_are_extracted_like_sitrep_article(tmp_path: Path, site: tuple[Site, str]) -> None:
    from sitrep.models import Post
    from sitrep.sources import SourceContext
    from sitrep.sources.web import article_item

    s, base = site
    s.pages["/a3"] = _page("Third", "Wives of mobilised soldiers protested in Kursk on Sunday.")
    s.pages["/feed"] = _rss(base, [("/a3", "Mon, 01 Jul 2024 10:00:00 GMT")])
    poller, store, settings = _poller(tmp_path)
    poller.poll([base + "/feed"])
    url = base + "/a3"
    same = article_item(s.pages["/a3"], url, url, SourceContext(settings), position="", stage="read")
    assert isinstance(same, Post)
    with store.engine.connect() as conn:
        (row,) = conn.execute(select(reports.c.external_id, reports.c.text, reports.c.title)).all()
    assert tuple(row) == (same.external_id, same.text, same.title)
