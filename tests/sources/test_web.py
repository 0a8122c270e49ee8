import gzip
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from sitrep.models import Failure, Post
from sitrep.sources import SourceContext, detect, read
from sitrep.sources.articles import canonical_url
from sitrep.sources.feeds import parse_feed


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://WWW.Example.COM/a/b?utm_source=x&id=3&fbclid=1#top", "https://example.com/a/b?id=3"),
        ("https://amp.example.com/news/123/amp/", "https://example.com/news/123"),
        ("https://example.com/story.amp.html?gclid=9", "https://example.com/story.html"),
        ("https://example.com/amp/news/5?amp=1", "https://example.com/news/5"),
        ("http://user:pw@example.com:80/x", "http://example.com/x"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://www.ru/", "https://www.ru/"),  # a two-label host keeps its www
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_saved_article(fixtures: Path, ctx: SourceContext) -> None:
    assert detect(str(fixtures / "article.html")) == "web"
    (post,) = read(str(fixtures / "article.html"), ctx)
    assert isinstance(post, Post)
    assert post.external_id == post.url == "https://news.example/2023/07/02/appeal-1428?id=7"
    assert post.source.kind == "web" and post.source.handle == "news.example"
    assert post.title == "Бойцы 1428-го полка записали обращение"
    assert post.author == "Мария Иванова"
    assert post.published_at == datetime(2023, 7, 2, 7, 30, tzinfo=UTC)
    assert "потеряло больше половины личного состава" in post.text
    assert "Курс рубля" not in post.text and "Все права защищены" not in post.text and "Главная" not in post.text
    assert post.raw.content == (fixtures / "article.html").read_bytes()


def test_gzipped_article_renamed(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    target = tmp_path / "page.bin"
    target.write_bytes(gzip.compress((fixtures / "article.html").read_bytes()))
    (post,) = read(str(target), ctx)
    assert isinstance(post, Post) and post.author == "Мария Иванова"


def test_not_an_article(fixtures: Path, ctx: SourceContext) -> None:
    (item,) = read(str(fixtures / "not_article.html"), ctx)
    assert isinstance(item, Failure) and "no article text found" in item.reason


def test_feed_parsing(fixtures: Path) -> None:
    feed = parse_feed((fixtures / "feed.xml").read_bytes())
    assert feed.title == "Новости Примера" and len(feed.entries) == 2
    assert feed.entries[0].published_at == datetime(2023, 7, 2, 7, 30, tzinfo=UTC)
    assert "подвале комендатуры" in feed.entries[1].content_html


def _mock(fixtures: Path, seen: list[httpx.Request]) -> httpx.Client:
    article = (fixtures / "article.html").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/feed.xml":
            return httpx.Response(
                200,
                content=(fixtures / "feed.xml").read_bytes(),
                headers={"content-type": "application/rss+xml"},
            )
        if request.url.path.endswith("appeal-1428"):
            return httpx.Response(200, content=article, headers={"content-type": "text/html; charset=utf-8"})
        return httpx.Response(404)

    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)


def test_feed_url_fetches_entries_and_falls_back_to_feed_content(fixtures: Path, ctx: SourceContext) -> None:
    seen: list[httpx.Request] = []
    ctx.http = _mock(fixtures, seen)
    items = list(read("https://news.example/feed.xml", ctx))
    assert [type(i) for i in items] == [Post, Post]
    first, second = items
    assert isinstance(first, Post) and first.author == "Мария Иванова"
    assert isinstance(second, Post) and second.external_id == "https://news.example/2023/07/03/refusers"
    assert "подвале комендатуры" in second.text  # the page 404s; the feed carries the full text
    assert all(r.headers["user-agent"] == ctx.settings.http_user_agent for r in seen)


def test_url_list_file(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    ctx.http = _mock(fixtures, [])
    urls = tmp_path / "urls.txt"
    urls.write_text("# my list\nhttps://news.example/2023/07/02/appeal-1428\n\nhttps://news.example/missing\n")
    assert detect(str(urls)) == "web"
    post, failure = read(str(urls), ctx)
    assert isinstance(post, Post) and isinstance(failure, Failure)
    assert "HTTP 404" in failure.reason and failure.position == "https://news.example/missing"


@pytest.fixture
def local_server(fixtures: Path) -> Iterator[str]:
    body = (fixtures / "article.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_fetch_from_a_real_server(local_server: str, ctx: SourceContext) -> None:
    (post,) = read(local_server + "/article?utm_medium=x", ctx)
    # the page names another site as canonical: ignored (it could be spoofed), the fetched URL is kept
    assert isinstance(post, Post) and post.external_id == local_server + "/article"
    assert post.source.handle == "127.0.0.1" and post.title == "Бойцы 1428-го полка записали обращение"


def test_size_cap(local_server: str, tmp_path: Path) -> None:
    from sitrep.settings import Settings

    ctx = SourceContext(settings=Settings(data_dir=tmp_path, http_max_bytes=1024))
    (item,) = read(local_server + "/a", ctx)
    assert isinstance(item, Failure) and "over 1,024 bytes" in item.reason


def test_unreachable_url(ctx: SourceContext) -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (item,) = read(f"http://127.0.0.1:{port}/x", ctx)
    assert isinstance(item, Failure) and item.stage == "read" and "cannot fetch" in item.reason


def test_politeness_interval(fixtures: Path, tmp_path: Path) -> None:
    from sitrep.settings import Settings

    waits: list[float] = []
    ctx = SourceContext(settings=Settings(data_dir=tmp_path, http_min_interval=5))
    ctx.extra["sleep"] = waits.append
    ctx.http = _mock(fixtures, [])
    list(read("https://news.example/2023/07/02/appeal-1428", ctx))
    list(read("https://news.example/2023/07/02/appeal-1428", ctx))
    assert len(waits) == 1 and 4 < waits[0] <= 5


def test_fetched_tme_page_goes_to_the_tme_reader(fixtures: Path, ctx: SourceContext) -> None:
    page = (fixtures / "tme_poll.html").read_bytes()
    ctx.http = httpx.Client(
        transport=httpx.MockTransport(
            lambda r: httpx.Response(200, content=page, headers={"content-type": "text/html"})
        )
    )
    (post,) = read("https://t.me/s/it_begin", ctx)
    assert isinstance(post, Post) and post.source.kind == "tme_html" and post.external_id == "488"


def test_non_html_response(ctx: SourceContext) -> None:
    ctx.http = httpx.Client(
        transport=httpx.MockTransport(
            lambda r: httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})
        )
    )
    (item,) = read("https://news.example/report.pdf", ctx)
    assert isinstance(item, Failure) and "not an HTML page (application/pdf)" in item.reason
