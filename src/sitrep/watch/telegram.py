"""Telegram watcher: followed channels → ``Post`` objects through the spine, live.

For each channel: resolve it once (cached in ``telegram_peers``), backfill from its cursor (or from
``backfill_since`` the first time) oldest first, then listen for new posts, edits and deletions.
The cursor (``sources.cursor``, the highest message id stored) moves only after the posts below it
are stored, so a restart, a disconnect or a FloodWait resumes with no gap, and a post seen twice is
one report (the store keys reports by channel and message id).

The network is behind ``TelegramClient`` (a seam): ``TelethonClient`` is the real one; tests pass a
fake that yields real Telethon ``Message`` objects.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

from telethon.errors import FloodWaitError
from telethon.helpers import add_surrogate, del_surrogate
from telethon.tl import types as tl

from sitrep import pipeline
from sitrep.archive import preserve_file
from sitrep.models import Entity, Failure, IngestSummary, Media, Post, RawItem, SourceRef
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.watch import (
    Peer,
    get_cursor,
    get_peer,
    mark_deleted,
    peer_by_channel_id,
    recent_messages,
    record_album_members,
    record_error,
    record_success,
    save_peer,
)

log = logging.getLogger(__name__)
KIND: Literal["telegram_live"] = "telegram_live"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Update:
    """One live change in a followed channel, as the client saw it."""

    kind: Literal["new", "edit", "delete"]
    channel_id: int
    messages: tuple[Any, ...] = ()  # telethon Message objects (an album arrives as one update)
    deleted_ids: tuple[int, ...] = ()


class TelegramClient(Protocol):
    """What the watcher needs from Telegram (the seam tests replace)."""

    async def connect(self) -> None: ...

    async def disconnect(self) -> None: ...

    async def resolve(self, handle: str, cached: Peer | None) -> Peer: ...

    def history(self, peer: Peer, min_id: int, since: datetime | None) -> AsyncIterator[Any]:
        """Messages with id > min_id (and date >= since), oldest first."""
        ...

    def updates(self, peers: Sequence[Peer]) -> AsyncIterator[Update]:
        """Live updates; raises ConnectionError when the connection is lost."""
        ...

    async def download_media(self, message: Any, max_bytes: int) -> bytes | None: ...

    async def get_messages(self, peer: Peer, ids: Sequence[int]) -> list[Any | None]:
        """The messages with these ids, aligned with ``ids``; None where a message no longer exists."""
        ...


@dataclass
class WatchOptions:
    """How the watcher behaves (built from Settings and CLI options)."""

    backfill_since: datetime | None = None
    download_media: bool = False
    max_media_bytes: int = 200 * 1024 * 1024
    batch_size: int = 200  # posts stored per transaction during backfill
    # Reconnect back-off doubles from 1 s up to 5 minutes: short outages recover at once, long
    # ones do not hammer Telegram (which answers reconnect storms with long FloodWaits).
    reconnect_base: float = 1.0
    reconnect_max: float = 300.0
    max_reconnects: int | None = None  # None: forever (tests bound it)
    # On every (re)connect, fetch again the newest N stored posts of each channel: edits and
    # deletions made while the watcher was stopped or disconnected arrive as no live update.
    recheck_ids: int = 0

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> WatchOptions:
        """Options from the settings (``watch_*``, ``backfill_since``, ``max_media_bytes``)."""
        since = None
        if settings.backfill_since:
            since = datetime.fromisoformat(settings.backfill_since)
            since = since if since.tzinfo else since.replace(tzinfo=UTC)
        values: dict[str, Any] = {
            "backfill_since": since,
            "download_media": settings.watch_download_media,
            "max_media_bytes": settings.max_media_bytes,
            "recheck_ids": settings.watch_recheck_ids,
        }
        values.update(overrides)
        return cls(**values)


@dataclass
class WatchStats:
    """Counts of one watcher run (printed by ``sitrep watch``)."""

    summary: IngestSummary = field(default_factory=IngestSummary)
    deleted: int = 0
    rechecked: int = 0  # stored posts fetched again on (re)connect
    flood_waits: int = 0
    reconnects: int = 0
    seconds_waited: float = 0.0


# --- Telethon message → Post -----------------------------------------------------------------


def _json_default(obj: Any) -> Any:
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, bytes):
        return base64.b64encode(obj).decode()
    return str(obj)


def _entities(msg: Any) -> tuple[Entity, ...]:
    text = msg.message or ""
    if not msg.entities:
        return ()
    wide = add_surrogate(text)  # entity offsets count UTF-16 code units
    out: list[Entity] = []
    kinds = {
        tl.MessageEntityUrl: "link",
        tl.MessageEntityTextUrl: "text_link",
        tl.MessageEntityMention: "mention",
        tl.MessageEntityHashtag: "hashtag",
        tl.MessageEntityEmail: "email",
        tl.MessageEntityPhone: "phone",
    }
    for ent in msg.entities[:1000]:  # bound: a crafted message could carry thousands
        kind = kinds.get(type(ent))
        if kind is None:
            continue
        piece = del_surrogate(wide[ent.offset : ent.offset + ent.length])
        out.append(Entity(kind, piece, getattr(ent, "url", None)))
    return tuple(out)


def media_of(msg: Any) -> Media | None:
    """Metadata of a message's media (photo, video, voice, document, poll), or None."""
    media = msg.media
    if isinstance(media, tl.MessageMediaPhoto) and isinstance(media.photo, tl.Photo):
        sizes = [s.size for s in media.photo.sizes if isinstance(s, tl.PhotoSize)]
        sizes += [max(s.sizes) for s in media.photo.sizes if isinstance(s, tl.PhotoSizeProgressive) and s.sizes]
        return Media("photo", size=max(sizes) if sizes else None, mime_type="image/jpeg")
    if isinstance(media, tl.MessageMediaDocument) and isinstance(media.document, tl.Document):
        doc = media.document
        kind, duration, name = "document", None, None
        for attr in doc.attributes:
            if isinstance(attr, tl.DocumentAttributeVideo):
                kind = "video_message" if attr.round_message else "video_file"
                duration = int(attr.duration)
            elif isinstance(attr, tl.DocumentAttributeAudio):
                kind = "voice_message" if attr.voice else "audio_file"
                duration = int(attr.duration)
            elif isinstance(attr, tl.DocumentAttributeFilename):
                name = attr.file_name
        return Media(kind, file_name=name, size=doc.size, duration=duration, mime_type=doc.mime_type)
    if isinstance(media, tl.MessageMediaPoll):
        return Media("poll")
    return None


def _peer_key(peer: Any) -> str | None:
    if isinstance(peer, tl.PeerChannel):
        return f"channel{peer.channel_id}"
    if isinstance(peer, tl.PeerUser):
        return f"user{peer.user_id}"
    if isinstance(peer, tl.PeerChat):
        return f"chat{peer.chat_id}"
    return None


def messages_to_post(msgs: Sequence[Any], peer: Peer, fetched_at: datetime) -> Post:
    """One post (or one album: messages sharing a ``grouped_id``) → a ``Post``.

    An album is keyed by its captioned message (the one later edits change), else its first id.
    """
    ordered = sorted(msgs, key=lambda m: m.id)
    captioned = [m for m in ordered if m.message]
    head = captioned[0] if captioned else ordered[0]
    raw = RawItem(
        content=json.dumps([m.to_dict() for m in ordered], default=_json_default, ensure_ascii=False).encode(),
        media_type="application/vnd.telethon.message+json",
        origin=f"telegram://{peer.handle}/{head.id}",
        fetched_at=fetched_at,
    )
    fwd = head.fwd_from
    forwarded_from = forwarded_id = None
    if fwd is not None:
        forwarded_id = _peer_key(fwd.from_id)
        forwarded_from = fwd.from_name or fwd.post_author or forwarded_id
        if isinstance(fwd.from_id, tl.PeerChannel) and fwd.channel_post:
            forwarded_from = fwd.from_name or f"https://t.me/c/{fwd.from_id.channel_id}/{fwd.channel_post}"
    reply = head.reply_to.reply_to_msg_id if isinstance(head.reply_to, tl.MessageReplyHeader) else None
    media = tuple(m for m in (media_of(x) for x in ordered) if m is not None)
    date = head.date.astimezone(UTC) if head.date else None
    return Post(
        source=SourceRef(KIND, peer.handle, peer.title),
        external_id=str(head.id),
        raw=raw,
        text="\n\n".join(m.message for m in captioned),
        published_at=date,
        edited_at=head.edit_date.astimezone(UTC) if head.edit_date else None,
        url=f"https://t.me/{peer.username}/{head.id}"
        if peer.username
        else f"https://t.me/c/{peer.channel_id}/{head.id}",
        author=head.post_author,
        forwarded_from=forwarded_from,
        forwarded_from_id=forwarded_id,
        reply_to=str(reply) if reply else None,
        views=max((m.views or 0 for m in ordered), default=0) or None,
        media=media,
        entities=_entities(head),
    )


def group_album(msgs: Sequence[Any]) -> list[list[Any]]:
    """Consecutive messages → posts: album members (same ``grouped_id``) go together."""
    groups: list[list[Any]] = []
    for msg in msgs:
        if msg.grouped_id and groups and groups[-1][0].grouped_id == msg.grouped_id:
            groups[-1].append(msg)
        else:
            groups.append([msg])
    return groups


# --- the watcher -----------------------------------------------------------------------------


class Watcher:
    """Backfill then listen; resumes from each channel's cursor after any interruption."""

    def __init__(
        self,
        client: TelegramClient,
        settings: Settings,
        store: Store,
        options: WatchOptions,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = client
        self.settings = settings
        self.store = store
        self.options = options
        self.sleep = sleep
        self.clock = clock
        self.stats = WatchStats()
        self.peers: dict[int, Peer] = {}  # channel id → resolved peer
        # Called after every stored batch (the latency benchmark timestamps "searchable" here).
        self.on_stored: Callable[[list[Post]], None] = lambda posts: None

    async def run(self, handles: Sequence[str], stop: asyncio.Event | None = None) -> WatchStats:
        """Follow ``handles`` until ``stop`` is set or the client's updates end."""
        stop = stop or asyncio.Event()
        failures = 0
        while not stop.is_set():
            try:
                await self.client.connect()
                peers = [await self._flood_safe(lambda h=h: self._resolve(h)) for h in handles]  # type: ignore[misc]
                for peer in peers:
                    await self.recheck(peer)
                    await self.backfill(peer)
                failures = 0
                await self._listen(peers, stop)
                return self.stats
            except (TimeoutError, ConnectionError, OSError) as exc:
                failures += 1
                self.stats.reconnects += 1
                for peer in self.peers.values():
                    record_error(self.store, SourceRef(KIND, peer.handle), f"connection lost: {exc}; reconnecting")
                if self.options.max_reconnects is not None and failures > self.options.max_reconnects:
                    raise
                delay = min(self.options.reconnect_max, self.options.reconnect_base * 2 ** (failures - 1))
                log.warning("telegram connection lost (%s); reconnecting in %.0f s", exc, delay)
                await self._wait(delay)
            finally:
                await self.client.disconnect()
        return self.stats

    async def _wait(self, seconds: float) -> None:
        self.stats.seconds_waited += seconds
        await self.sleep(seconds)

    async def _flood_safe(self, call: Callable[[], Awaitable[T]]) -> T:
        """Run ``call``; on FloodWait sleep what Telegram asks (+1 s) and try again."""
        while True:
            try:
                return await call()
            except FloodWaitError as exc:
                self.stats.flood_waits += 1
                await self._wait(float(exc.seconds) + 1.0)

    async def _resolve(self, handle: str) -> Peer:
        key = handle.lstrip("@").lower()
        cached = get_peer(self.store, key)
        peer = await self.client.resolve(key, cached)
        if peer != cached:
            save_peer(self.store, peer)
        self.peers[peer.channel_id] = peer
        return peer

    async def backfill(self, peer: Peer) -> None:
        """Every message after the cursor (or since ``backfill_since``), stored in order.

        A FloodWait in the middle sleeps and restarts from the cursor, which covers what was stored.
        """
        ref = SourceRef(KIND, peer.handle, peer.title)
        while True:
            cursor = get_cursor(self.store, ref)
            min_id = int(cursor) if cursor and cursor.isdigit() else 0
            since = None if min_id else self.options.backfill_since
            try:
                buffer: list[Any] = []
                async for msg in self.client.history(peer, min_id, since):
                    # Flush only between albums, so an album is never split across batches.
                    if len(buffer) >= self.options.batch_size and not (
                        msg.grouped_id and msg.grouped_id == buffer[-1].grouped_id
                    ):
                        await self._store(peer, buffer, move_cursor=True)
                        buffer = []
                    buffer.append(msg)
                await self._store(peer, buffer, move_cursor=True)
                record_success(self.store, ref)
                return
            except FloodWaitError as exc:
                self.stats.flood_waits += 1
                record_error(self.store, ref, f"FloodWait {exc.seconds} s during backfill; waiting")
                await self._wait(float(exc.seconds) + 1.0)

    async def recheck(self, peer: Peer) -> None:
        """Fetch the newest ``recheck_ids`` stored posts again: record edits as versions and posts
        gone from the channel as deleted (an album is gone when all its messages are)."""
        if not self.options.recheck_ids:
            return
        ref = SourceRef(KIND, peer.handle, peer.title)
        posts = recent_messages(self.store, ref, self.options.recheck_ids)
        wanted = sorted({i for ids in posts.values() for i in ids})
        got: dict[int, Any] = {}
        for start in range(0, len(wanted), 100):  # Telegram answers at most 100 ids per request
            chunk = wanted[start : start + 100]
            found = await self._flood_safe(lambda chunk=chunk: self.client.get_messages(peer, chunk))  # type: ignore[misc]
            got.update(zip(chunk, found, strict=False))
        gone = [ext for ext, ids in posts.items() if all(got.get(i) is None for i in ids)]
        self.stats.deleted += mark_deleted(self.store, ref, gone, self.clock())
        alive: list[Any] = []
        for ext, ids in posts.items():
            # Stored again only while its key message exists: an album whose captioned message was
            # deleted must not come back as a new post keyed by another photo.
            if isinstance(got.get(int(ext)), tl.Message):
                alive += [got[i] for i in ids if isinstance(got.get(i), tl.Message)]
        await self._store(peer, sorted(alive, key=lambda m: m.id), move_cursor=False)
        self.stats.rechecked += len(posts)

    async def _listen(self, peers: Sequence[Peer], stop: asyncio.Event) -> None:
        async for update in self.client.updates(peers):
            peer = self.peers.get(update.channel_id) or peer_by_channel_id(self.store, update.channel_id)
            if peer is None:
                continue  # an update from a chat we do not follow
            if update.kind == "delete":
                when = self.clock()
                self.stats.deleted += mark_deleted(
                    self.store, SourceRef(KIND, peer.handle), [str(i) for i in update.deleted_ids], when
                )
            else:
                # New posts arrive in order within a connected session, so they move the cursor;
                # edits do not (an edit of an old post says nothing about what came before).
                await self._store(peer, list(update.messages), move_cursor=update.kind == "new")
            if stop.is_set():
                return

    async def _store(self, peer: Peer, msgs: list[Any], move_cursor: bool) -> None:
        if not msgs:
            return
        ref = SourceRef(KIND, peer.handle, peer.title)
        now = self.clock()
        posts: list[Post] = []
        albums: dict[str, list[int]] = {}
        for group in group_album(msgs):
            if all(isinstance(m, tl.MessageService) or not isinstance(m, tl.Message) for m in group):
                self.stats.summary.skipped += 1  # service messages: channel created, photo changed ...
                continue
            group = [m for m in group if isinstance(m, tl.Message)]
            post = messages_to_post(group, peer, now)
            if len(group) > 1:
                albums[post.external_id] = [m.id for m in group]
            if self.options.download_media:
                post = await self._download(post, group)
            posts.append(post)
        result = pipeline.ingest_posts(posts, self.settings, self.store)
        record_album_members(self.store, ref, albums)
        s = self.stats.summary
        s.new_reports += result.new_reports
        s.new_versions += result.new_versions
        s.unchanged += result.unchanged
        s.events += result.events
        self.on_stored(posts)
        top = max(m.id for m in msgs)
        record_success(self.store, ref, str(top) if move_cursor else None)

    async def _download(self, post: Post, group: list[Any]) -> Post:
        """Fetch media bytes (size-capped) into the archive; failures are recorded, the post kept."""
        import dataclasses

        media = list(post.media)
        with_media = [m for m in group if media_of(m) is not None]
        for i, (meta, msg) in enumerate(zip(media, with_media, strict=False)):
            if meta.size is not None and meta.size > self.options.max_media_bytes:
                continue
            try:
                data = await self._flood_safe(
                    lambda msg=msg: self.client.download_media(msg, self.options.max_media_bytes)  # type: ignore[misc]
                )
            except OSError as exc:
                self.store.record_failure(
                    Failure(
                        post.raw.origin,
                        str(msg.id),
                        "fetch",
                        f"media download failed ({exc}); run the watcher again or fetch it by hand",
                    )
                )
                continue
            if not data or len(data) > self.options.max_media_bytes:
                continue
            with tempfile.NamedTemporaryFile(delete=False) as tmp:
                tmp.write(data)
            try:
                sha, dest = preserve_file(Path(tmp.name), self.settings.archive_dir)
            finally:
                Path(tmp.name).unlink(missing_ok=True)
            media[i] = dataclasses.replace(meta, sha256=sha, size=len(data), path=str(dest))
        return dataclasses.replace(post, media=tuple(media))
