"""Telegram Desktop "Export chat history" JSON (``result.json``, or its folder) → posts.

Input: a single-chat export (``{"name", "type", "id", "messages": [...]}``) or a full-account
export (``{"personal_information", "chats": {"list": [<chat>...]}, "left_chats": ...}``).
Output: one ``Post`` per message, a ``Skipped`` per service/unsupported/empty message, and a
``Failure`` per bad message or for a cut/damaged file (after every message before the cut).

The file is streamed (exports run to gigabytes). For a single-chat export each post's
``RawItem`` holds the message object's **exact bytes** as they appear in the file (sliced and
parsed by ``json_slices``; a message it could not parse is parsed again with ``json.loads``,
so one bad message is one Failure and the rest still go in). For a full-account export (rare,
and nested one level deeper) messages are streamed with ijson and the RawItem is the message
**re-serialised** as compact JSON in the file's key order
(``json.dumps(obj, ensure_ascii=False, separators=(",", ":"))``).

Field reference: Telegram Desktop's ``export_output_json.cpp``. ``date_unixtime`` (UTC) wins
over ``date``, which is the exporting PC's local time without an offset (old exports have only
``date``; it is taken as UTC, so it can be off by the exporter's UTC offset).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import ijson

from sitrep.models import Entity, Failure, Media, Post, RawItem, Skipped, SourceItem, SourceRef
from sitrep.sources import SourceContext
from sitrep.sources.files import open_maybe_gzip
from sitrep.sources.json_slices import Cut, Oversize, array_items

CHAT_TYPES = (
    b"personal_chat",
    b"bot_chat",
    b"private_group",
    b"private_supergroup",
    b"public_supergroup",
    b"private_channel",
    b"public_channel",
    b"saved_messages",
    b"replies",
    b"verification_codes",
)
# Entity types kept as ``Entity`` (formatting runs such as bold/italic carry no evidence).
KEPT_ENTITIES = frozenset({"link", "text_link", "mention", "mention_name", "hashtag", "cashtag", "email", "phone"})
# Media keys that hold a path or, when the file was not exported, a note in parentheses.
_NOTE_PREFIX = "("
# Full-account exports: chats sit under these prefixes, each with its own messages.
_CHAT_LISTS = ("chats.list.item", "left_chats.list.item")
# ijson read size. Its string buffer grows by copying, so a huge message costs ~quadratic time
# in chunks: a 100 MB message took 80 s with the 64 KB default, 2 s with 4 MiB (measured).
_BUF = 4 * 1024 * 1024
_ID_HEAD = re.compile(rb'^\{\s*"id"\s*:\s*(-?\d+)')


def sniff(head: bytes, name: str) -> bool:
    """A JSON object with a ``messages`` array and a Telegram chat type, or a full-account export."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{"):
        return False
    if b'"personal_information"' in head and (b'"about"' in head or b'"chats"' in head):
        return True
    if b'"messages"' not in head:
        return False
    return any(b'"type": "' + t + b'"' in head or b'"type":"' + t + b'"' in head for t in CHAT_TYPES)


@dataclass(frozen=True, slots=True)
class _Chat:
    ref: SourceRef
    chat_type: str | None


def _chat(meta: dict[str, Any], fallback: str) -> _Chat:
    chat_id = meta.get("id")
    name = meta.get("name") if isinstance(meta.get("name"), str) else None
    handle = str(chat_id) if isinstance(chat_id, int | str) and str(chat_id) else (name or fallback)
    chat_type = meta.get("type") if isinstance(meta.get("type"), str) else None
    return _Chat(SourceRef("telegram_export", handle, name or handle), chat_type)


def _when(unix: Any, iso: Any) -> datetime | None:
    if isinstance(unix, str | int) and str(unix).isdigit():
        try:
            return datetime.fromtimestamp(int(unix), UTC)
        except (OverflowError, OSError, ValueError):
            pass
    if isinstance(iso, str) and iso:
        try:
            dt = datetime.fromisoformat(iso)
        except ValueError:
            return None
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    return None


def _runs(value: Any) -> list[dict[str, Any]]:
    """``text`` (a string or a list of strings and entity objects) → entity runs."""
    if isinstance(value, str):
        return [{"type": "plain", "text": value}]
    runs: list[dict[str, Any]] = []
    if isinstance(value, list):
        for part in value:
            if isinstance(part, str):
                runs.append({"type": "plain", "text": part})
            elif isinstance(part, dict):
                runs.append(part)
    return runs


def text_and_entities(msg: dict[str, Any]) -> tuple[str, tuple[Entity, ...]]:
    """The message text and its link/mention/hashtag entities (``text_entities`` preferred)."""
    source = msg.get("text_entities")
    runs = source if isinstance(source, list) else _runs(msg.get("text"))
    parts: list[str] = []
    entities: list[Entity] = []
    for run in runs:  # runs as ``_runs`` makes them: a bare string is a plain run, other non-objects are dropped
        if isinstance(run, str):
            parts.append(run)
            continue
        if not isinstance(run, dict):
            continue
        text = run.get("text")
        if not isinstance(text, str):
            continue
        parts.append(text)
        kind = run.get("type")
        if kind == "plain" or kind not in KEPT_ENTITIES:
            continue
        href = run.get("href") if isinstance(run.get("href"), str) else None
        if kind == "link":
            href = text if "://" in text else "https://" + text
        elif kind == "mention" and text.startswith("@"):
            href = "https://t.me/" + text[1:]
        elif kind == "email":
            href = "mailto:" + text
        entities.append(Entity(str(kind), text, href))
    return "".join(parts), tuple(entities)


def _poll_text(poll: Any) -> str:
    if not isinstance(poll, dict):
        return ""
    question = "".join(str(r.get("text", "")) for r in _runs(poll.get("question")))
    answers = []
    for ans in poll.get("answers") or []:
        if isinstance(ans, dict):
            answers.append("".join(str(r.get("text", "")) for r in _runs(ans.get("text"))))
    return "\n".join([question, *(f"- {a}" for a in answers)]).strip()


def _path(value: Any) -> str | None:
    """A media path, or None when the export holds a note like "(File not included...)"."""
    if isinstance(value, str) and value and not value.startswith(_NOTE_PREFIX):
        return value
    return None


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def media_of(msg: dict[str, Any]) -> tuple[Media, ...]:
    out: list[Media] = []
    if "photo" in msg:
        out.append(
            Media("photo", path=_path(msg["photo"]), size=_int(msg.get("photo_file_size")), mime_type="image/jpeg")
        )
    if "file" in msg or "media_type" in msg:
        name = msg.get("file_name")
        media_type = msg.get("media_type")
        kind = media_type if isinstance(media_type, str) else "document"
        out.append(
            Media(
                kind,
                file_name=name if isinstance(name, str) else None,
                path=_path(msg.get("file")),
                size=_int(msg.get("file_size")),
                duration=_int(msg.get("duration_seconds")),
                mime_type=msg.get("mime_type") if isinstance(msg.get("mime_type"), str) else None,
            )
        )
    if isinstance(msg.get("poll"), dict):
        out.append(Media("poll"))
    if isinstance(msg.get("location_information"), dict):
        out.append(Media("location"))
    if isinstance(msg.get("contact_information"), dict):
        out.append(Media("contact"))
    return tuple(out)


def post_from_message(msg: Any, chat: _Chat, raw: RawItem, origin: str, position: str) -> SourceItem:
    """One message object → Post, Skipped (service/unsupported/empty) or Failure."""
    if not isinstance(msg, dict):
        return Failure(
            origin,
            position,
            "parse",
            f"{origin} {position}: a message is not a JSON object; the export is damaged — re-export it",
        )
    msg_id = msg.get("id")
    if not isinstance(msg_id, int | str) or isinstance(msg_id, bool):
        return Failure(
            origin,
            position,
            "parse",
            f"{origin} {position}: message without an 'id'; the export is damaged — re-export it",
        )
    kind = msg.get("type", "message")
    if kind == "service":
        return Skipped(origin, position, f"service message ({msg.get('action', 'unknown action')})")
    if kind != "message":
        return Skipped(origin, position, f"{kind} message")
    text, entities = text_and_entities(msg)
    media = media_of(msg)
    if not text.strip():
        text = _poll_text(msg.get("poll"))  # a poll's question and answers are its text
    if not text.strip() and not media:
        return Skipped(origin, position, "no text and no media")
    fwd = msg.get("forwarded_from")
    fwd_id = msg.get("forwarded_from_id")
    author = msg.get("author")
    reply = msg.get("reply_to_message_id")
    return Post(
        source=chat.ref,
        external_id=str(msg_id),
        raw=raw,
        text=text,
        published_at=_when(msg.get("date_unixtime"), msg.get("date")),
        edited_at=_when(msg.get("edited_unixtime"), msg.get("edited")),
        author=author if isinstance(author, str) else None,
        forwarded_from=fwd if isinstance(fwd, str) else None,
        forwarded_from_id=fwd_id if isinstance(fwd_id, str) else None,
        reply_to=str(reply) if isinstance(reply, int | str) and not isinstance(reply, bool) else None,
        views=_int(msg.get("views")),
        media=media,
        entities=entities,
    )


def _result_path(target: str) -> Path:
    path = Path(target)
    return path / "result.json" if path.is_dir() else path


class _Reader:
    """State of one streaming read: progress, the last good message, the size limit."""

    def __init__(self, fh: IO[bytes], origin: str, ctx: SourceContext) -> None:
        self.fh = fh
        self.origin = origin
        self.ctx = ctx
        self.last_pos = 0
        self.last_id = "start of file"

    def advance(self) -> None:
        try:
            pos = self.fh.tell()
        except (OSError, ValueError):
            return
        if pos > self.last_pos:
            self.ctx.on_bytes(pos - self.last_pos)
            self.last_pos = pos

    def item(self, msg: Any, chat: _Chat, index: int, content: bytes | None = None) -> SourceItem:
        """One parsed message (``content``: its exact bytes; else it is re-serialised)."""
        self.advance()
        msg_id = msg.get("id") if isinstance(msg, dict) else None
        position = f"message {msg_id}" if msg_id is not None else f"message #{index}"
        if content is None:
            content = json.dumps(msg, ensure_ascii=False, separators=(",", ":")).encode()
        limit = self.ctx.settings.max_item_bytes
        if len(content) > limit:
            return self.too_big(position, len(content))
        self.last_id = position
        raw = RawItem(content=content, media_type="application/json", origin=self.origin, fetched_at=self.ctx.clock())
        return post_from_message(msg, chat, raw, self.origin, position)

    def too_big(self, position: str, size: int) -> Failure:
        limit = self.ctx.settings.max_item_bytes
        return Failure(
            self.origin,
            position,
            "read",
            f"{self.origin} {position}: message of {size:,} bytes is over the "
            f"{limit:,}-byte limit (SITREP_MAX_ITEM_BYTES); raise the limit to ingest it",
        )

    def sliced(self, fh: IO[bytes], chat: _Chat) -> Iterator[SourceItem]:
        """Single-chat export: exact message bytes, each parsed on its own."""
        limit = self.ctx.settings.max_item_bytes
        for index, part in enumerate(array_items(fh, b"messages", limit, parse=True)):
            self.advance()
            if isinstance(part, Cut):
                yield Failure(
                    self.origin,
                    f"byte {part.offset}",
                    "parse",
                    f"{self.origin}: {part.reason} at byte {part.offset:,} (after {self.last_id}); "
                    "the file is cut or damaged — messages before this point were read; "
                    "re-export to get the rest",
                )
                return
            if isinstance(part, Oversize):
                found = _ID_HEAD.match(part.head)
                where = f"message {found.group(1).decode()}" if found else f"byte {part.offset}"
                yield self.too_big(where, part.size)
                continue
            if part.value is not None:  # parsed while it was sliced
                yield self.item(part.value, chat, index, part.data)
                continue
            try:
                msg = json.loads(part.data)
            except UnicodeDecodeError as exc:
                at = part.offset + exc.start
                yield self.bad(part.offset, f"invalid UTF-8 ({exc.reason} at byte {at:,})")
                continue
            except json.JSONDecodeError as exc:
                yield self.bad(part.offset, f"invalid JSON ({exc.msg} at byte {part.offset + exc.pos:,})")
                continue
            yield self.item(msg, chat, index, part.data)

    def bad(self, offset: int, what: str) -> Failure:
        return Failure(
            self.origin,
            f"byte {offset}",
            "parse",
            f"{self.origin}: the message at byte {offset:,} (after {self.last_id}) has {what}; "
            "it was skipped, the rest was read — re-export to repair it",
        )

    def cut(self, exc: Exception) -> Failure:
        try:
            pos = self.fh.tell()
        except (OSError, ValueError):
            pos = self.last_pos
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return Failure(
            self.origin,
            f"byte {pos}",
            "parse",
            f"{self.origin}: invalid JSON near byte {pos:,} after {self.last_id} "
            f"({detail}); the file is cut or damaged — messages before this point were read; "
            "re-export to get the rest",
        )


def _header(path: Path) -> tuple[dict[str, Any], bool]:
    """Top-level scalars before ``messages`` (name, type, id) and whether this is a full-account export."""
    meta: dict[str, Any] = {}
    with open_maybe_gzip(path) as fh:
        try:
            for prefix, event, value in ijson.parse(fh, use_float=True):
                if prefix in ("name", "type", "id") and event in ("string", "number", "integer", "null"):
                    meta[prefix] = value
                elif event == "map_key" and prefix == "" and value in ("messages", "chats", "left_chats"):
                    return meta, value != "messages"
        except (ijson.JSONError, UnicodeDecodeError):
            pass  # the main pass reports the damage with its position
    return meta, False


def read(target: str, ctx: SourceContext) -> Iterator[SourceItem]:
    path = _result_path(target)
    origin = str(path)
    meta, full_account = _header(path)
    with open_maybe_gzip(path) as fh:
        reader = _Reader(fh, origin, ctx)
        try:
            if full_account:
                yield from _read_account(fh, reader, path)
            else:
                chat = _chat(meta, path.parent.name if path.name == "result.json" else path.stem)
                yield from reader.sliced(fh, chat)
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            yield reader.cut(exc)
        reader.advance()


def _read_account(fh: IO[bytes], reader: _Reader, path: Path) -> Iterator[SourceItem]:
    """Full-account export: every chat's messages, each chat with its own SourceRef."""
    meta: dict[str, Any] = {}
    chat: _Chat | None = None
    builder: ijson.ObjectBuilder | None = None
    msg_prefixes = {p + ".messages.item" for p in _CHAT_LISTS}
    index = 0
    for prefix, event, value in ijson.parse(fh, use_float=True, buf_size=_BUF):
        if builder is not None:
            builder.event(event, value)
            if event == "end_map" and prefix in msg_prefixes:
                yield reader.item(builder.value, chat or _chat(meta, path.stem), index)
                index += 1
                builder = None
            continue
        if event == "start_map" and prefix in msg_prefixes:
            if chat is None:
                chat = _chat(meta, path.stem)
            builder = ijson.ObjectBuilder()
            builder.event(event, value)
        elif event == "start_map" and prefix in _CHAT_LISTS:
            meta, chat = {}, None
        elif prefix.rpartition(".")[0] in _CHAT_LISTS and event in ("string", "number", "integer"):
            meta[prefix.rpartition(".")[2]] = value
