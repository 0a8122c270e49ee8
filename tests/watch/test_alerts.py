"""Alerts: rules matched against new reports/events, sent to a local webhook and a local Bot API."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import insert

from sitrep import pipeline
from sitrep.models import Post, RawItem, SourceRef
from sitrep.settings import load_settings
from sitrep.store import Store, open_store
from sitrep.store.schema import events, mentions
from sitrep.store.watch import add_rule, delivery_counts
from sitrep.watch.alerts import Sender, check_alerts, sender_from_settings


class Receiver:
    def __init__(self) -> None:
        self.got: list[tuple[str, dict[str, object], str | None]] = []
        self.fail_next = 0


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, str]]:
    rec = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if rec.fail_next:
                rec.fail_next -= 1
                self.send_response(503)
                self.end_headers()
                return
            rec.got.append((self.path, body, self.headers.get("Idempotency-Key")))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"ok": true}')

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield rec, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _store(tmp_path: Path) -> tuple[Store, object]:
    settings = load_settings(
        data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", extract_events=False
    )
    return open_store(settings.db_url), settings


def _post(ext: str, text: str, channel: str = "frontnews") -> Post:
    now = datetime.now(UTC)
    raw = RawItem(text.encode(), "text/plain", "test", now)
    return Post(SourceRef("telegram_live", channel), ext, raw, text, published_at=now)


def test_report_rule_webhook_and_bot_each_sent_once(
    tmp_path: Path, receiver: tuple[Receiver, str], caplog: pytest.LogCaptureFixture
) -> None:
    rec, base = receiver
    store, settings = _store(tmp_path)
    add_rule(store, "appeals", "report", "видеообращение", {"channel": "frontnews"}, base + "/hook", "-1001")
    posts = [
        _post("1", "Мобилизованные записали видеообращение Путину"),
        _post("2", "Погода на выходные"),
        _post("3", "Ещё одно видеообращение", channel="other"),
    ]
    pipeline.ingest_posts(posts, settings, store)  # type: ignore[arg-type]
    rec.fail_next = 1  # the first webhook POST gets a 503: retried with back-off
    sender = sender_from_settings(load_settings(telegram_bot_token="123:abc", telegram_bot_api=base))
    sender.sleep = lambda s: None
    with caplog.at_level(logging.INFO):
        run = check_alerts(store, sender)
    assert "HTTP Request" in caplog.text and "123:abc" not in caplog.text  # the token never reaches a log
    again = check_alerts(store, sender)  # nothing new: nothing sent twice
    assert run.matched == 1 and run.sent == 2 and again.sent == 0
    paths = sorted(p for p, _, _ in rec.got)
    assert paths == ["/bot123:abc/sendMessage", "/hook"]
    hook = next(b for p, b, _ in rec.got if p == "/hook")
    assert "видеообращение" in str(hook["text"]) and hook["kind"] == "report"
    assert delivery_counts(store) == {"sent": 2}


def test_event_rule_with_codebook_filters(tmp_path: Path, receiver: tuple[Receiver, str]) -> None:
    rec, base = receiver
    store, settings = _store(tmp_path)
    wanted = {"event_type": "refusal", "place": "Бахмут"}
    add_rule(store, "refusals", "event", None, wanted, base + "/hook", None)
    pipeline.ingest_posts([_post("10", "Бойцы отказались идти в атаку под Бахмутом")], settings, store)  # type: ignore[arg-type]
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        for eid, etype, place in (("e1", "refusal", "Бахмут"), ("e2", "protest", "Бахмут"), ("e3", "refusal", "Курск")):
            conn.execute(
                insert(events).values(
                    id=eid,
                    event_type=etype,
                    grievances=[],
                    units=[],
                    places=[{"name": place, "role": "event"}],
                    confidence=0.9,
                    status="new",
                    codebook_version="t",
                    locked=False,
                    created_at=now,
                    updated_at=now,
                )
            )
            conn.execute(
                insert(mentions).values(
                    event_id=eid,
                    report_id=1,
                    candidate_index=int(eid[1]),
                    is_first_source=True,
                    candidate={},
                    evidence=[],
                    created_at=now,
                )
            )
    run = check_alerts(store, Sender(sleep=lambda s: None))
    assert run.sent == 1 and rec.got[0][1]["id"] == "e1" and rec.got[0][2]


def test_alert_query_words_match_like_search() -> None:
    from sitrep.enrich import normalize, search_body
    from sitrep.watch.alerts import _query_matches

    body = search_body(normalize("Командир показал видео: мобилизованные из полка записали обращение."), "ru")
    assert _query_matches("полк", [body])  # the lemma arm: "полка" → полк
    assert _query_matches("мобилиз", [body])  # an unknown stem keeps its prefix arm
    assert not _query_matches("пока", [body])  # a short dictionary word is no prefix of "показал"
