"""Saved ``https://t.me/s/<channel>`` pages (Telegram's public web preview) → posts.

Input: an HTML file (optionally gzipped) or page bytes fetched by ``sources.web``.
Output: one ``Post`` per ``div.tgme_widget_message[data-post]`` (id, UTC date, text with links,
views, forwarded-from, author, media kinds), a ``Skipped`` per service message, a ``Failure``
for a page too big or with no message at all.

Every post of a page carries the same ``RawItem``: the page bytes exactly as saved/fetched
(stored once, by SHA-256). HTML is parsed with selectolax (lexbor), which never raises on
malformed markup; text is rebuilt from text nodes with ``<br>`` as a line break and other
whitespace collapsed, as a browser shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from sitrep.models import Entity, Failure, Media, Post, RawItem, Skipped, SourceItem, SourceRef
from sitrep.sources import SourceContext
from sitrep.sources.files import TooBig, read_bounded

_WS = re.compile(r"\s+")
_VIEWS = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([KkMmBb]?)\s*$")
_MULT = {"": 1, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
_BLOCK_TAGS = frozenset({"div", "p", "blockquote", "pre", "li"})


def sniff(head: bytes, name: str) -> bool:
    return b"tgme_widget_message" in head or (b"tgme_channel_info" in head and b"data-post=" in head)


def parse_views(text: str | None) -> int | None:
    """ "1.2K" → 1200, "214.4K" → 214400, "3M" → 3000000, "987" → 987; anything else → None."""
    if not text:
        return None
    m = _VIEWS.match(text)
    if not m:
        return None
    number = float(m.group(1).replace(",", "."))
    return int(round(number * _MULT[m.group(2).lower()]))


def parse_duration(text: str | None) -> int | None:
    """ "1:02:03" / "0:05" → seconds."""
    if not text or not re.fullmatch(r"\d{1,3}(:\d{1,2}){1,2}", text.strip()):
        return None
    seconds = 0
    for part in text.strip().split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def node_text(node: LexborNode) -> str:
    """Visible text of ``node``: text nodes with whitespace collapsed, ``<br>`` as a newline."""
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            parts.append(_WS.sub(" ", child.text_content or ""))
        elif child.tag == "br":
            parts.append("\n")
        elif child.tag in _BLOCK_TAGS and child is not node:
            parts.append("\n")
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entities(node: LexborNode) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for a in node.css("a[href]"):
        href = a.attributes.get("href") or ""
        text = _WS.sub(" ", a.text() or "").strip()
        if href.startswith("?q=%23") or (text.startswith("#") and "?q=" in href):
            out.append(Entity("hashtag", text))
        elif text.startswith("@") and "t.me/" in href:
            out.append(Entity("mention", text, href))
        elif text == href or text.rstrip("/") == href.rstrip("/").split("://", 1)[-1]:
            out.append(Entity("link", text, href))
        else:
            out.append(Entity("text_link", text, href))
    return tuple(out)


def _media(msg: LexborNode) -> tuple[Media, ...]:
    out: list[Media] = []
    out.extend(Media("photo", mime_type="image/jpeg") for _ in msg.css("a.tgme_widget_message_photo_wrap"))
    for video in msg.css(".tgme_widget_message_video_player"):
        dur = video.css_first("time.message_video_duration")
        out.append(Media("video", duration=parse_duration(dur.text() if dur else None)))
    for selector, kind in (
        (".tgme_widget_message_roundvideo_player", "video_message"),
        (".tgme_widget_message_voice_player", "voice_message"),
        (".tgme_widget_message_document_wrap", "document"),
        (".tgme_widget_message_sticker_wrap", "sticker"),
        (".tgme_widget_message_poll", "poll"),
        (".tgme_widget_message_location_wrap", "location"),
        ("a.tgme_widget_message_link_preview", "link_preview"),
    ):
        out.extend(Media(kind) for _ in msg.css(selector))
    return tuple(out)


def _when(msg: LexborNode) -> datetime | None:
    node = msg.css_first("a.tgme_widget_message_date time[datetime]") or msg.css_first("time[datetime]")
    value = node.attributes.get("datetime") if node else None
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _text(msg: LexborNode) -> tuple[str, tuple[Entity, ...]]:
    for node in msg.css(".tgme_widget_message_text.js-message_text"):
        classes = node.attributes.get("class") or ""
        if "js-message_reply_text" in classes:
            continue  # the quoted message of a reply, not this post's text
        return node_text(node), _entities(node)
    poll = msg.css_first(".tgme_widget_message_poll")
    if poll is not None:  # a poll without text: its question and options are its text
        question = poll.css_first(".tgme_widget_message_poll_question")
        options = [node_text(o) for o in poll.css(".tgme_widget_message_poll_option_text")]
        lines = [node_text(question) if question else "", *(f"- {o}" for o in options)]
        return "\n".join(lines).strip(), ()
    return "", ()


def _page_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first(".tgme_channel_info_header_title")
    if node is not None:
        return node_text(node) or None
    return None


def parse_page(html: bytes, origin: str, ctx: SourceContext) -> Iterator[SourceItem]:
    """All messages of one t.me/s page (``html`` is also the RawItem of every post)."""
    raw = RawItem(content=html, media_type="text/html", origin=origin, fetched_at=ctx.clock())
    tree = LexborHTMLParser(html.decode("utf-8", errors="replace"))
    page_title = _page_title(tree)
    found = 0
    for msg in tree.css("div.tgme_widget_message[data-post]"):
        found += 1
        data_post = msg.attributes.get("data-post") or ""
        channel, _, msg_id = data_post.rpartition("/")
        position = f"post {data_post}"
        if not channel or not msg_id.isdigit():
            yield Failure(
                origin,
                position,
                "parse",
                f"{origin} {position}: data-post is not <channel>/<id>; "
                "the page is not a t.me/s page or Telegram changed its markup",
            )
            continue
        classes = msg.attributes.get("class") or ""
        if "service_message" in classes:
            yield Skipped(origin, position, "service message")
            continue
        owner = msg.css_first(".tgme_widget_message_owner_name")
        title = page_title or (node_text(owner) if owner else None) or channel
        text, entities = _text(msg)
        media = _media(msg)
        if not text and not media:
            yield Skipped(origin, position, "no text and no media")
            continue
        fwd = msg.css_first(".tgme_widget_message_forwarded_from_name")
        fwd_href = fwd.attributes.get("href") if fwd else None
        fwd_id = fwd_href.split("t.me/", 1)[1] if fwd_href and "t.me/" in fwd_href else None
        author = msg.css_first(".tgme_widget_message_from_author")
        views = msg.css_first(".tgme_widget_message_views")
        yield Post(
            source=SourceRef("tme_html", channel, title),
            external_id=msg_id,
            raw=raw,
            text=text,
            published_at=_when(msg),
            url=f"https://t.me/{channel}/{msg_id}",
            author=node_text(author) if author else None,
            forwarded_from=node_text(fwd) if fwd else None,
            forwarded_from_id=fwd_id,
            views=parse_views(views.text() if views else None),
            media=media,
            entities=entities,
        )
    if not found:
        yield Failure(
            origin,
            "",
            "read",
            f"{origin}: no Telegram messages found on this page (no "
            "div.tgme_widget_message[data-post]); save the https://t.me/s/<channel> page itself",
        )


def read(target: str, ctx: SourceContext) -> Iterator[SourceItem]:
    path = Path(target)
    limit = ctx.settings.http_max_bytes
    try:
        html = read_bounded(path, limit)
    except TooBig:
        yield Failure(
            target,
            "",
            "read",
            f"{target}: page over {limit:,} bytes (SITREP_HTTP_MAX_BYTES); "
            "a t.me/s page is ~100 KB — check this is the right file",
        )
        return
    ctx.on_bytes(path.stat().st_size)
    yield from parse_page(html, target, ctx)
