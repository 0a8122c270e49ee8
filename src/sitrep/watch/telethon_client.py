"""The real ``TelegramClient``: Telethon with the user's own api_id, api_hash and session file.

Input: settings (credentials only from env/files; never logged, never written to the database).
Output: resolved channels, history oldest-first, and live updates (new posts, albums, edits,
deletions) as ``watch.telegram.Update`` objects. A lost connection ends ``updates`` with
``ConnectionError`` so the watcher reconnects and catches up from its cursors.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from telethon import TelegramClient as _Telethon
from telethon import events
from telethon.tl import types as tl

from sitrep.settings import Settings
from sitrep.store.watch import Peer
from sitrep.watch.telegram import Update


class MissingCredentials(ValueError):
    """api_id/api_hash are not configured."""


class TelethonClient:
    """Adapter from Telethon to the watcher's small ``TelegramClient`` seam."""

    def __init__(self, settings: Settings) -> None:
        if not settings.telegram_api_id or settings.telegram_api_hash is None:
            raise MissingCredentials(
                "set SITREP_TELEGRAM_API_ID and SITREP_TELEGRAM_API_HASH (from my.telegram.org) to watch channels"
            )
        session = settings.telegram_session or settings.data_dir / "telegram.session"
        Path(session).parent.mkdir(parents=True, exist_ok=True)
        self._client = _Telethon(
            str(session),
            settings.telegram_api_id,
            settings.telegram_api_hash.get_secret_value(),
            flood_sleep_threshold=0,
        )  # FloodWait reaches the watcher, which backs off
        self._queue: asyncio.Queue[Update] = asyncio.Queue(maxsize=10_000)

    async def connect(self) -> None:
        await self._client.connect()
        if not await self._client.is_user_authorized():
            raise MissingCredentials(
                "the Telegram session is not logged in; run `sitrep watch --login` once in a terminal"
            )

    async def login(self) -> None:
        """Interactive first login (phone number and code), which writes the session file."""
        await self._client.start()

    async def disconnect(self) -> None:
        disconnect = self._client.disconnect()
        if disconnect is not None:
            await disconnect

    async def resolve(self, handle: str, cached: Peer | None) -> Peer:
        if cached is not None:
            return cached  # resolving usernames is rate-limited hard; ids and hashes do not change
        entity: Any = await self._client.get_entity(int(handle) if handle.lstrip("-").isdigit() else handle)
        if not isinstance(entity, tl.Channel):
            raise ValueError(f"{handle} is not a channel")
        return Peer(handle, entity.id, entity.access_hash, entity.username, entity.title)

    def _input(self, peer: Peer) -> tl.InputPeerChannel:
        return tl.InputPeerChannel(peer.channel_id, peer.access_hash or 0)

    async def history(self, peer: Peer, min_id: int, since: datetime | None) -> AsyncIterator[Any]:
        kwargs: dict[str, Any] = {"reverse": True, "min_id": min_id}
        if since is not None and not min_id:
            kwargs["offset_date"] = since
        async for msg in self._client.iter_messages(self._input(peer), **kwargs):
            yield msg

    async def updates(self, peers: Sequence[Peer]) -> AsyncIterator[Update]:
        chats = [self._input(p) for p in peers]

        async def on_new(event: Any) -> None:
            if event.message.grouped_id is None:
                await self._queue.put(Update("new", event.chat_id_bare(), (event.message,)))

        async def on_album(event: Any) -> None:
            await self._queue.put(Update("new", event.chat_id_bare(), tuple(event.messages)))

        async def on_edit(event: Any) -> None:
            await self._queue.put(Update("edit", event.chat_id_bare(), (event.message,)))

        async def on_delete(event: Any) -> None:
            if event.chat_id is not None:
                await self._queue.put(Update("delete", _bare(event.chat_id), (), tuple(event.deleted_ids)))

        self._client.add_event_handler(_wrap(on_new), events.NewMessage(chats=chats))
        self._client.add_event_handler(_wrap(on_album), events.Album(chats=chats))
        self._client.add_event_handler(_wrap(on_edit), events.MessageEdited(chats=chats))
        self._client.add_event_handler(on_delete, events.MessageDeleted())
        disconnected = asyncio.ensure_future(self._client.disconnected)
        try:
            while True:
                getter = asyncio.ensure_future(self._queue.get())
                done, _ = await asyncio.wait({getter, disconnected}, return_when=asyncio.FIRST_COMPLETED)
                if getter in done:
                    yield getter.result()
                    continue
                getter.cancel()
                raise ConnectionError("Telegram connection closed")
        finally:
            for handler, _ev in self._client.list_event_handlers():
                self._client.remove_event_handler(handler)

    async def get_messages(self, peer: Peer, ids: Sequence[int]) -> list[Any | None]:
        found = await self._client.get_messages(self._input(peer), ids=list(ids))
        return list(found)  # aligned with ids; Telethon gives None for deleted messages

    async def download_media(self, message: Any, max_bytes: int) -> bytes | None:
        data = await self._client.download_media(message, file=bytes)
        return data if isinstance(data, bytes) and len(data) <= max_bytes else None


def _bare(chat_id: int) -> int:
    """Telethon's marked id (-100…) → the bare channel id the store keeps."""
    text = str(chat_id)
    return int(text[4:]) if text.startswith("-100") else abs(chat_id)


def _wrap(handler: Any) -> Any:
    async def inner(event: Any) -> None:
        event.chat_id_bare = lambda: _bare(event.chat_id)
        await handler(event)

    return inner
