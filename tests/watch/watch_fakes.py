"""A fake Telegram: real Telethon TL objects rebuilt from recorded ``to_dict()`` dumps, served through
the watcher's ``TelegramClient`` seam with injectable faults (FloodWait, disconnects)."""

from __future__ import annotations

import asyncio
import base64
import copy
import inspect
import json
import re
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telethon.errors import FloodWaitError
from telethon.tl import types as tl

from sitrep.store.watch import Peer
from sitrep.watch.telegram import Update

FIXTURES = Path(__file__).parent.parent / "fixtures" / "watch"
_DATE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def tl_object(value: Any, param: str = "") -> Any:
    """A ``to_dict()`` value → the TL object (constructor named by ``_``), recursively."""
    if isinstance(value, list):
        return [tl_object(v) for v in value]
    if isinstance(value, str) and _DATE.match(value) and ("date" in param or param.endswith("_until")):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    if isinstance(value, str) and param in ("file_reference", "bytes", "option", "stripped_thumb"):
        return base64.b64decode(value)
    if not isinstance(value, dict) or "_" not in value:
        return value
    cls = getattr(tl, value["_"])
    accepted = inspect.signature(cls.__init__).parameters
    kwargs = {k: tl_object(v, k) for k, v in value.items() if k != "_" and k in accepted}
    for name, p in accepted.items():  # fields newer layers require that the dump predates
        if name != "self" and p.default is inspect.Parameter.empty and name not in kwargs:
            kwargs[name] = None
    return cls(**kwargs)


def recorded_messages() -> list[Any]:
    lines = (FIXTURES / "telethon_messages.jsonl").read_text().splitlines()
    return [tl_object(json.loads(line)) for line in lines if line.strip()]


def variant(msg: Any, **changes: Any) -> Any:
    """A copy of a recorded message with some fields changed (new id, new text, edit date)."""
    new = copy.copy(msg)
    for key, value in changes.items():
        setattr(new, key, value)
    return new


class FakeTelegram:
    """One channel's server-side history plus scripted live updates and faults."""

    def __init__(self, channel_id: int, username: str, messages: Sequence[Any]) -> None:
        self.peer = Peer(username, channel_id, 42, username, "Fake channel")
        self.messages = sorted(messages, key=lambda m: m.id)
        self.live: list[Update | Exception] = []  # consumed in order by updates()
        self.flood_after: int | None = None  # raise FloodWait once after this many history messages
        self.resolves = 0
        self.connects = 0

    async def connect(self) -> None:
        self.connects += 1

    async def disconnect(self) -> None:
        return None

    async def resolve(self, handle: str, cached: Peer | None) -> Peer:
        if cached is not None:
            return cached
        self.resolves += 1
        return self.peer

    async def history(self, peer: Peer, min_id: int, since: datetime | None) -> AsyncIterator[Any]:
        served = 0
        for msg in self.messages:
            if msg.id <= min_id or (since and msg.date < since):
                continue
            if self.flood_after is not None and served >= self.flood_after:
                self.flood_after = None
                raise FloodWaitError(request=None, capture=7)
            served += 1
            yield msg

    async def updates(self, peers: Sequence[Peer]) -> AsyncIterator[Update]:
        while self.live:
            item = self.live.pop(0)
            await asyncio.sleep(0)
            if isinstance(item, Exception):
                raise item
            if item.kind == "new":
                self.messages = sorted([*self.messages, *item.messages], key=lambda m: m.id)
            yield item

    async def download_media(self, message: Any, max_bytes: int) -> bytes | None:
        return f"media of {message.id}".encode()

    async def get_messages(self, peer: Peer, ids: Sequence[int]) -> list[Any | None]:
        by_id = {m.id: m for m in self.messages}
        return [by_id.get(i) for i in ids]
