"""Hostile text renders inert, CSRF and roles guard every change, filters take any input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from selectolax.parser import HTMLParser
from sqlalchemy import func, select
from web_factory import add_event, add_report

from conftest import csrf_of, login
from sitrep.settings import load_settings
from sitrep.store.schema import corrections, events
from sitrep.web import create_app

EVIL = (
    '<script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a> '
    "\"'><svg onload=alert(4)> \u202eevil\u202c \x00nul \ufffe zalgo\u0301\u0301\u0301 \U0001f600"
)


@pytest.fixture
def evil(store, data):
    rid = add_report(
        store,
        "<script>chan</script>",
        "7",
        EVIL,
        datetime(2024, 1, 2, tzinfo=UTC),
        url="javascript:alert(5)",
        title='<img src=x onerror="alert(6)">',
    )
    return add_event(
        store,
        [rid],
        [EVIL],
        "appeal",
        units=("<script>u</script>",),
        grievances=("pay",),
        places=({"name": "<img src=x onerror=alert(7)>", "lat": 50.0, "lon": 30.0},),
        event_date="2024-01-02",
        evidence=[[{"field": "via", "text": "<img src=x onerror=alert(2)>", "start": 17, "end": 46}]],
    )


def _assert_inert(html: str, where: str) -> None:
    tree = HTMLParser(html)
    for node in tree.css("*"):
        attrs = node.attributes
        assert not [a for a in attrs if a.lower().startswith("on")], (where, node.html[:200])
        for a in ("href", "src", "action"):
            assert not (attrs.get(a) or "").strip().lower().startswith("javascript:"), (
                where,
                node.html[:200],
            )
    for script in tree.css("script"):
        assert (
            script.attributes.get("src", "").startswith("/static/")
            or script.attributes.get("type") == "application/json"
        ), (where, script.html[:200])
    assert "<svg" not in html and "<img src=x" not in html


def test_hostile_text_is_inert_on_every_page(client, evil, store):
    login(client, "ana")
    client.post(
        "/api/corrections",
        json={"event_id": evil, "quote": EVIL[:500], "comment": EVIL[:500]},
        headers={"X-CSRF-Token": csrf_of(client, "/")},
    )
    for path in (
        "/",
        "/search",
        "/search?q=alert",
        "/search?q=" + EVIL[:60],
        f"/events/{evil}",
        "/map",
        "/timeline",
        "/channels",
        "/channels/3",
        "/review",
        "/review/corrections",
        "/login?next=javascript:alert(1)",
    ):
        r = client.get(path)
        assert r.status_code == 200, path
        _assert_inert(r.text, path)


def test_json_and_csv_survive_odd_text(client, evil):
    assert client.get(f"/api/events/{evil}").json()["mentions"][0]["text"].startswith("<script>")
    for path in ("/search?q=%ff%fe", "/search?q=%ed%a0%80", "/api/search?q=%c0%af", "/events/%ff"):
        assert client.get(path).status_code in (200, 404), path


def test_csv_cells_cannot_run_as_formulas(store, data, client):
    rid = add_report(store, "c", "1", '=HYPERLINK("http://x")', datetime(2024, 1, 1, tzinfo=UTC))
    add_event(store, [rid], ["x"], "appeal", units=("=cmd|' /C calc'!A0",))
    assert "'=cmd" in client.get("/api/events.csv").text


STATE_CHANGES = [
    ("/api/corrections", {"json": {"event_id": "x", "quote": "q"}}),
    ("/api/events/{id}/confirm", {}),
    ("/api/events/{id}/edit", {"json": {"field": "via", "value": "x"}}),
    ("/api/corrections/1/accept", {}),
    ("/events/{id}/review", {"data": {"action": "confirm"}}),
    ("/events/{id}/corrections", {"data": {"quote": "q"}}),
    ("/review/corrections/1", {"data": {"decision": "accept"}}),
    ("/login", {"data": {"username": "ana", "password": "x"}}),
    ("/logout", {}),
]


def test_state_changes_without_csrf_token_are_refused(analyst, data):
    client, _token = analyst
    for path, kw in STATE_CHANGES:
        r = client.post(path.format(id=data["appeal"]), **kw, follow_redirects=False)
        assert r.status_code == 403, path
    wrong = client.post(f"/api/events/{data['appeal']}/confirm", headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403


def test_viewers_and_readers_cannot_review(client, data, store):
    token = csrf_of(client, "/")
    assert client.get("/review", follow_redirects=False).status_code == 303  # anonymous: to the login
    assert client.get("/api/corrections").status_code == 403
    assert client.post(f"/api/events/{data['appeal']}/confirm", headers={"X-CSRF-Token": token}).status_code == 403
    token = login(client, "vic")
    for path in ("/review", "/review/corrections", "/api/review/queue", "/api/corrections"):
        assert client.get(path).status_code == 403, path
    for path in (f"/api/events/{data['appeal']}/confirm", f"/api/events/{data['appeal']}/reject"):
        assert client.post(path, headers={"X-CSRF-Token": token}).status_code == 403
    r = client.post(f"/events/{data['appeal']}/review", data={"action": "reject", "csrf_token": token})
    assert r.status_code == 403
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.status).where(events.c.id == data["appeal"])).scalar() == "new"


def test_analyst_can_review_with_token(analyst, data):
    client, token = analyst
    r = client.post(f"/api/events/{data['appeal']}/confirm", headers={"X-CSRF-Token": token})
    assert r.status_code == 200 and r.json()["audit_id"] > 0


def test_sql_looking_input_in_every_filter_is_harmless(client, data, store):
    for bad in (
        "' OR 1=1 --",
        '"; DROP TABLE events; --',
        "1) UNION SELECT * FROM users --",
        "%",
        "*",
        "NEAR(",
    ):
        for key in (
            "q",
            "type",
            "grievance",
            "unit",
            "place",
            "channel",
            "lang",
            "status",
            "date_from",
            "date_to",
            "sort",
            "page",
            "per_page",
        ):
            r = client.get("/api/search", params={key: bad})
            assert r.status_code == 200, (key, bad)
            assert r.json()["events"]["total"] in (0, 2), (key, bad)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar() == 2
        assert conn.execute(select(func.count()).select_from(corrections)).scalar() == 0


def test_public_reading_off_needs_an_account(settings, store, data, monkeypatch):
    monkeypatch.setenv("SITREP_PUBLIC_READING", "false")
    with TestClient(create_app(load_settings(), store)) as c:
        assert c.get("/search", follow_redirects=False).headers["location"].startswith("/login")
        assert c.get("/api/events").status_code == 403
        login(c, "vic")
        assert c.get("/search").status_code == 200


def test_session_cookie_flags_and_login_redirect_stays_local(client):
    r = client.get("/login")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    token = csrf_of(client)
    r = client.post(
        "/login",
        data={
            "username": "ana",
            "password": "correct horse battery",
            "csrf_token": token,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"


def test_login_is_throttled_per_client(client):
    token = csrf_of(client)
    codes = [
        client.post("/login", data={"username": f"nobody{i}", "password": "x" * 8, "csrf_token": token}).status_code
        for i in range(21)
    ]
    assert codes[:20] == [401] * 20 and codes[20] == 429
