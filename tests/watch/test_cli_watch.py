"""``sitrep watch`` end to end through the CLI, with the fake Telegram client in the client seam."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner
from watch_fakes import FakeTelegram, recorded_messages, variant

from sitrep.cli import app
from sitrep.settings import Settings
from sitrep.store import open_store
from sitrep.store.queries import source_health
from sitrep.watch.telegram import Update

CHANNEL = 1799276919


def test_watch_follows_added_channel_backfills_and_stores_live_posts(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    msgs = [m for m in recorded_messages() if m.peer_id.channel_id == CHANNEL]
    fake = FakeTelegram(CHANNEL, "britishnewspatriot", msgs)
    live = variant(msgs[-1], id=2484, message="Солдаты записали видеообращение", date=datetime.now(UTC))
    fake.live = [Update("new", CHANNEL, (live,))]  # the updates end after it: the watcher returns
    monkeypatch.setattr("sitrep.cli.watch.make_client", lambda s: fake)
    monkeypatch.setenv("SITREP_EXTRACT_EVENTS", "false")
    runner = CliRunner()
    assert runner.invoke(app, ["channels", "add", "@BritishNewsPatriot"]).exit_code == 0
    result = runner.invoke(app, ["watch"])
    assert result.exit_code == 0, result.output
    posts = len(msgs) - 2 + 1  # the 3-photo album is one post; plus the live one
    assert "following 1 channel(s)" in result.output and f"new {posts} " in result.output
    (health,) = source_health(open_store(settings.db_url))
    assert health.handle == "britishnewspatriot" and health.reports == posts and health.last_success_at
    listed = runner.invoke(app, ["channels", "list", "--json"]).output.splitlines()
    assert [json.loads(line)["missing_ids"] for line in listed] == [2]  # 2470, 2481; not the album's


def test_watch_without_credentials_says_what_to_set(settings: Settings) -> None:
    runner = CliRunner()
    runner.invoke(app, ["channels", "add", "somechannel"])
    result = runner.invoke(app, ["watch"])
    assert result.exit_code == 2 and "SITREP_TELEGRAM_API_ID" in result.output
