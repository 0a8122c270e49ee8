"""Fixtures for the web app: a seeded SQLite store, the app, in-process clients by role."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_factory import seed

from sitrep.review.users import ensure_user
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.web import create_app

PASSWORD = "correct horse battery"


def csrf_of(client: TestClient, path: str = "/login") -> str:
    html = client.get(path).text
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert found, "page has no CSRF token"
    return found.group(1)


def login(client: TestClient, username: str) -> str:
    """Log ``username`` in on ``client``; returns the session's new CSRF token."""
    token = csrf_of(client)
    resp = client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert resp.status_code == 303, resp.text
    return csrf_of(client, "/")


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with tiny costs: the same code path, milliseconds instead of 64 MiB per hash."""
    from argon2 import PasswordHasher

    from sitrep.review import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@pytest.fixture
def data(store: Store) -> dict[str, Any]:
    ids = seed(store)
    for name, role in (("ana", "analyst"), ("vic", "viewer"), ("adm", "admin")):
        ensure_user(store, name, PASSWORD, role)
    return ids


@pytest.fixture
def client(settings: Settings, store: Store, data: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(settings, store)) as c:
        yield c


@pytest.fixture
def analyst(settings: Settings, store: Store, data: dict[str, Any]) -> Iterator[tuple[TestClient, str]]:
    with TestClient(create_app(settings, store)) as c:
        yield c, login(c, "ana")
