"""The Telegram watcher against a fake client serving real Telethon messages."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from watch_fakes import FakeTelegram, recorded_messages, variant

from sitrep.settings import load_settings
from sitrep.store import Store, open_store
from sitrep.store.schema import report_versions, reports
from sitrep.watch.telegram import Update, Watcher, WatchOptions, messages_to_post

CHANNEL = 1799276919


async def _no_sleep(seconds: float) -> None:
    return None


def _setup(tmp_path: Path, fake: FakeTelegram) -> tuple[Watcher, Store]:
    settings = load_settings(
        data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", extract_events=False
    )
    store = open_store(settings.db_url)
    watcher = Watcher(fake, settings, store, WatchOptions(batch_size=4, max_reconnects=5), sleep=_no_sleep)
    return watcher, store


def _rows(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return {r.external_id: r for r in conn.execute(select(reports))}


def _run(watcher: Watcher, handle: str = "britishnewspatriot") -> None:
    asyncio.run(watcher.run([handle]))


@pytest.fixture
def msgs() -> list[Any]:
    return [m for m in recorded_messages() if m.peer_id.channel_id == CHANNEL]


def test_recorded_messages_are_real_telethon_objects(msgs: list[Any]) -> None:
    from telethon.tl.types import Message, MessageFwdHeader, PeerChannel

    assert all(isinstance(m, Message) and isinstance(m.peer_id, PeerChannel) for m in msgs)
    assert any(isinstance(m.fwd_from, MessageFwdHeader) for m in msgs)


def test_forward_album_and_media_become_one_post_each(msgs: list[Any]) -> None:
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    album = [m for m in msgs if m.grouped_id]
    post = messages_to_post(album, fake.peer, datetime.now(UTC))
    assert len(album) == 3 and post.external_id == "2478" and len(post.media) == 3
    assert post.forwarded_from_id == "channel1724102370" or post.forwarded_from_id.startswith("channel")
    assert post.url == "https://t.me/britishnewspatriot/2478" and post.views


def test_backfill_with_floodwait_stores_every_post_once(tmp_path: Path, msgs: list[Any]) -> None:
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    fake.flood_after = 5
    watcher, store = _setup(tmp_path, fake)
    _run(watcher)
    rows = _rows(store)
    expected = {str(m.id) for m in msgs if not m.grouped_id} | {"2478"}
    assert set(rows) == expected
    assert watcher.stats.flood_waits == 1 and watcher.stats.seconds_waited >= 8


def test_live_new_edit_delete(tmp_path: Path, msgs: list[Any]) -> None:
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    base = msgs[-1]
    new = variant(base, id=3000, message="Новый пост: солдаты записали видеообращение", date=datetime.now(UTC))
    edited = variant(new, message="Новый пост: солдаты 1428 полка записали видеообращение", edit_date=datetime.now(UTC))
    fake.live = [
        Update("new", CHANNEL, (new,)),
        Update("edit", CHANNEL, (edited,)),
        Update("delete", CHANNEL, (), (3000, 2483)),
    ]
    watcher, store = _setup(tmp_path, fake)
    _run(watcher)
    rows = _rows(store)
    assert rows["3000"].version == 2 and "1428" in rows["3000"].text
    assert rows["3000"].deleted_at is not None and rows["2483"].deleted_at is not None
    with store.engine.connect() as conn:  # the deleted post's text is kept, with its history
        texts = [
            r.text
            for r in conn.execute(
                select(report_versions.c.text)
                .where(report_versions.c.report_id == rows["3000"].id)
                .order_by(report_versions.c.version)
            )
        ]
    assert texts == [new.message, edited.message]


def test_disconnect_then_restart_no_gap_no_duplicate(tmp_path: Path, msgs: list[Any]) -> None:
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    base = msgs[-1]
    t0 = datetime.now(UTC)
    live1 = variant(base, id=3001, message="первый", date=t0)
    missed = variant(base, id=3002, message="пока связи не было", date=t0 + timedelta(seconds=1))
    fake.live = [Update("new", CHANNEL, (live1,)), ConnectionError("network down")]
    watcher, store = _setup(tmp_path, fake)
    fake.messages.append(missed)  # published on the server while the connection is down
    _run(watcher)
    assert watcher.stats.reconnects == 1 and {"3001", "3002"} <= set(_rows(store))
    # A restart: a new watcher process, posts published while it was stopped.
    after = variant(base, id=3003, message="после перезапуска", date=t0 + timedelta(seconds=5))
    fake.messages.append(after)
    watcher2, store2 = _setup(tmp_path, fake)
    _run(watcher2)
    rows = _rows(store2)
    assert "3003" in rows and watcher2.stats.summary.new_reports == 1  # only the new one
    assert fake.resolves == 1  # the resolved channel id came from the cache after the restart
    assert len(rows) == len(set(rows))


def test_backfill_since_date(tmp_path: Path, msgs: list[Any]) -> None:
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    watcher, store = _setup(tmp_path, fake)
    since = datetime(2023, 6, 1, tzinfo=UTC)
    watcher.options.backfill_since = since
    _run(watcher)
    assert set(_rows(store)) == {str(m.id) for m in msgs if m.date >= since}


def test_media_download_is_archived_and_capped(tmp_path: Path, msgs: list[Any]) -> None:
    photo = [m for m in msgs if m.id == 2482]
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", photo)
    watcher, store = _setup(tmp_path, fake)
    watcher.options.download_media = True
    _run(watcher)
    media = _rows(store)["2482"].media
    assert media[0]["sha256"] and Path(media[0]["path"]).read_bytes() == b"media of 2482"


def test_restart_notices_edits_and_deletions_made_while_stopped(tmp_path: Path, msgs: list[Any]) -> None:
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    watcher, store = _setup(tmp_path, fake)
    _run(watcher)
    album = [m for m in msgs if m.grouped_id]
    plain = [m for m in msgs if not m.grouped_id]
    # While stopped: one post edited, one deleted, the album deleted except one photo (it stays).
    fake.messages = [
        variant(m, message=m.message + " (исправлено)", edit_date=datetime.now(UTC)) if m.id == plain[0].id else m
        for m in fake.messages
        if m.id != plain[1].id and m.id not in {a.id for a in album[1:]}
    ]
    watcher2, store2 = _setup(tmp_path, fake)
    watcher2.options.recheck_ids = 50
    _run(watcher2)
    rows = _rows(store2)
    assert rows[str(plain[0].id)].version == 2 and rows[str(plain[0].id)].text.endswith("(исправлено)")
    assert rows[str(plain[1].id)].deleted_at is not None and rows["2478"].deleted_at is None
    assert watcher2.stats.deleted == 1 and watcher2.stats.rechecked == len(rows)


def test_album_members_are_not_counted_as_missing_ids(tmp_path: Path, msgs: list[Any]) -> None:
    from sitrep.store.queries import source_health

    album = [m for m in msgs if m.grouped_id]
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", album)
    watcher, store = _setup(tmp_path, fake)
    _run(watcher)
    (health,) = source_health(store)
    assert health.reports == 1 and health.missing_ids == 0
