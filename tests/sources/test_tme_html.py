from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitrep.models import Failure, Post
from sitrep.sources import SourceContext, detect, read
from sitrep.sources.tme_html import parse_page, parse_views


def _posts(path: Path, ctx: SourceContext) -> dict[str, Post]:
    return {p.external_id: p for p in read(str(path), ctx) if isinstance(p, Post)}


def test_full_page(fixtures: Path, ctx: SourceContext) -> None:
    assert detect(str(fixtures / "tme_full.html")) == "tme_html"
    posts = _posts(fixtures / "tme_full.html", ctx)
    assert len(posts) == 12
    post = posts["70996"]
    assert post.source.kind == "tme_html" and post.source.handle == "topwar_official"
    assert post.source.title == "Военное обозрение"
    assert post.url == "https://t.me/topwar_official/70996"
    assert post.published_at == datetime(2023, 2, 28, 9, 6, 2, tzinfo=UTC)
    assert (post.forwarded_from, post.forwarded_from_id) == ("Военкор Ярем", "yaremshooter/1066")
    assert any(e.kind == "text_link" and e.href == "https://t.me/infantmilitario/93419" for e in post.entities)
    assert post.views == 32900


def test_media_kinds_and_video_duration(fixtures: Path, ctx: SourceContext) -> None:
    posts = _posts(fixtures / "tme_full.html", ctx)
    assert [m.kind for m in posts["70992"].media] == ["photo", "photo", "video"]
    assert posts["71006"].media[0].duration == 177  # "2:57"
    assert [m.kind for m in posts["70996"].media] == ["link_preview"]


def test_whitespace_collapsed_and_line_breaks_kept(fixtures: Path, ctx: SourceContext) -> None:
    text = _posts(fixtures / "tme_full.html", ctx)["70998"].text
    assert text.startswith("Новые ракетные корабли ВМФ РФ с Калибрами вышли на учения в Балтийское море\n\n")
    assert "  " not in text


def test_poll_and_author(fixtures: Path, ctx: SourceContext) -> None:
    poll = _posts(fixtures / "tme_poll.html", ctx)["488"]
    assert poll.text.startswith("Как лучше?\n- Несколько постов в день") and poll.media[0].kind == "poll"
    assert poll.views == 1100
    assert _posts(fixtures / "tme_from_author.html", ctx)["4"].author == "🅰️rkadiy Ivanov"


def test_raw_item_is_the_page(fixtures: Path, ctx: SourceContext) -> None:
    posts = list(_posts(fixtures / "tme_full.html", ctx).values())
    assert posts[0].raw.content == (fixtures / "tme_full.html").read_bytes()
    assert len({p.raw.sha256 for p in posts}) == 1


def test_page_without_messages(ctx: SourceContext) -> None:
    (item,) = parse_page(b"<html><body class='tgme_widget_message'></body></html>", "x.html", ctx)
    assert isinstance(item, Failure) and "no Telegram messages" in item.reason


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.2K", 1200), ("214.4K", 214400), ("3M", 3_000_000), ("987", 987), ("", None), ("lots", None)],
)
def test_views(text: str, value: int | None) -> None:
    assert parse_views(text) == value
