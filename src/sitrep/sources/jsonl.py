"""JSONL (one post per line) and JSON arrays of posts, as in the real news stream dumps.

Accepted keys: ``id``/``message_id``, ``text``, ``date``/``published``, ``channel``/``channel_id``,
``url``, ``title``, ``views``, ``forwarded_from``. A JSON array file is streamed with ijson so
big dumps never sit in memory whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.models import Failure, Post, RawItem, Skipped, SourceItem, SourceRef
from sitrep.sources import SourceContext

_JSONL_HEAD = re.compile(rb'^\s*\{.*"(text|message)"', re.S)


def sniff(head: bytes, name: str) -> bool:
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        return b'"text"' in head
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        # A single JSON object per line with a text field; a Telegram export has "messages".
        return b'"text"' in first and b'"messages"' not in head[:4096]
    return False


def parse_date(value: Any) -> datetime | None:
    """ISO string or epoch seconds → aware datetime (naive ISO is taken as UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
        return datetime.fromtimestamp(int(value), UTC)
    if isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    return None


def post_from_obj(obj: dict[str, Any], raw: RawItem, default_channel: str, position: str) -> SourceItem:
    """One JSON object → Post (or Skipped when it carries no text)."""
    ext = obj.get("id", obj.get("message_id"))
    text = obj.get("text")
    if isinstance(text, list):  # Telegram-style rich text runs
        text = "".join(t if isinstance(t, str) else str(t.get("text", "")) for t in text)
    if ext is None:
        return Failure(
            raw.origin, position, "parse", f"{raw.origin} {position}: no 'id' or 'message_id'; every post needs one"
        )
    if not isinstance(text, str) or not text.strip():
        return Skipped(raw.origin, position, "no text")
    channel = obj.get("channel") or obj.get("channel_id") or obj.get("sender_id") or default_channel
    views = obj.get("views")
    return Post(
        source=SourceRef("jsonl", str(channel), str(obj.get("channel_title") or channel)),
        external_id=str(ext),
        raw=raw,
        text=text,
        published_at=parse_date(obj.get("published", obj.get("date"))),
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        author=obj.get("author") if isinstance(obj.get("author"), str) else None,
        forwarded_from=obj.get("forwarded_from") if isinstance(obj.get("forwarded_from"), str) else None,
        views=views if isinstance(views, int) else None,
    )


def _raw(obj_bytes: bytes, origin: str, ctx: SourceContext) -> RawItem:
    return RawItem(content=obj_bytes, media_type="application/json", origin=origin, fetched_at=ctx.clock())


def read(target: str, ctx: SourceContext) -> Iterator[SourceItem]:
    path = Path(target)
    default_channel = path.stem
    limit = ctx.settings.max_item_bytes
    with path.open("rb") as fh:
        first = fh.read(1)
        while first and first.isspace():
            first = fh.read(1)
        fh.seek(0)
        if first == b"[":
            yield from _read_array(fh, target, default_channel, ctx)
            return
        lineno = 0
        while True:
            # readline(limit + 1): a huge line is never held whole in memory, only its first part.
            line = fh.readline(limit + 1)
            if not line:
                break
            lineno += 1
            ctx.on_bytes(len(line))
            position = f"line {lineno}"
            if len(line) > limit and not line.endswith(b"\n"):
                size = len(line) + _skip_rest_of_line(fh, ctx)
                yield Failure(
                    target,
                    position,
                    "read",
                    f"{target} {position}: item of {size:,} bytes is over the {limit:,}-byte limit "
                    "(SITREP_MAX_ITEM_BYTES); split it or raise the limit",
                )
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except UnicodeDecodeError as exc:
                yield Failure(
                    target,
                    position,
                    "parse",
                    f"{target} {position}: not UTF-8 text (byte 0x{line[exc.start]:02x} at column "
                    f"{exc.start + 1}; cp1251?); re-save the file as UTF-8",
                )
                continue
            except json.JSONDecodeError as exc:
                yield Failure(
                    target, position, "parse", f"{target} {position}: invalid JSON ({exc}); fix or remove this line"
                )
                continue
            if not isinstance(obj, dict):
                yield Failure(target, position, "parse", f"{target} {position}: expected a JSON object")
                continue
            yield post_from_obj(obj, _raw(line.rstrip(b"\r\n"), target, ctx), default_channel, position)


def _skip_rest_of_line(fh: Any, ctx: SourceContext) -> int:
    """Read past the end of an over-long line in 1 MiB steps; returns the bytes skipped."""
    skipped = 0
    while True:
        chunk = fh.readline(1024 * 1024)
        skipped += len(chunk)
        ctx.on_bytes(len(chunk))
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _read_array(fh: Any, target: str, default_channel: str, ctx: SourceContext) -> Iterator[SourceItem]:
    import ijson

    last_pos = 0
    index = -1
    try:
        for index, obj in enumerate(ijson.items(fh, "item", use_float=True)):
            pos = fh.tell()
            ctx.on_bytes(pos - last_pos)
            last_pos = pos
            position = f"item {index}"
            if not isinstance(obj, dict):
                yield Failure(target, position, "parse", f"{target} {position}: expected a JSON object")
                continue
            content = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()
            if len(content) > ctx.settings.max_item_bytes:
                yield Failure(target, position, "read", f"{target} {position}: item over the size limit")
                continue
            yield post_from_obj(obj, _raw(content, target, ctx), default_channel, position)
    except (ijson.JSONError, UnicodeDecodeError) as exc:
        yield Failure(
            target,
            f"after item {index}",
            "parse",
            f"{target}: invalid JSON after item {index} ({exc}); the file is cut or damaged — "
            "items before this point were read",
        )
