"""Sessions, CSRF tokens, roles and throttles of the web app.

Input: the request (cookie, headers, form). Output: a ``Session`` on ``request.state``
(who is signed in, their role, the CSRF token), 403/401/429 refusals, and the signed cookie.

The session is a signed cookie (HMAC-SHA256 over JSON; HttpOnly, SameSite=Lax, Secure over
HTTPS), so the app keeps no session table and several workers share sessions through the
secret key. The role is re-read from the database on every request, so a role change or a
removed account takes effect at once. Every state-changing request must carry the session's
CSRF token (header ``X-CSRF-Token`` or form field ``csrf_token``): synchronizer-token pattern.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock

from fastapi import HTTPException, Request
from starlette.responses import Response

from sitrep.review.users import RANK
from sitrep.settings import Settings

COOKIE = "sitrep_session"
SESSION_MAX_AGE = 14 * 24 * 3600  # two weeks: an analyst's working fortnight between logins
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(slots=True)
class Session:
    user: str | None = None
    role: str = "anonymous"
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    issued: int = field(default_factory=lambda: int(time.time()))
    dirty: bool = False  # set the cookie again on the way out

    def rank(self) -> int:
        return RANK.get(self.role, -1)


def secret_key(settings: Settings) -> bytes:
    """The signing key: from settings, else a random key kept in data_dir (created once, mode 600)."""
    if settings.web_secret_key is not None:
        return settings.web_secret_key.get_secret_value().encode()
    path = Path(settings.data_dir) / "web_secret.key"
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    path.write_bytes(key)
    path.chmod(0o600)
    return key


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def dump_session(s: Session, key: bytes) -> str:
    payload = _b64(json.dumps({"u": s.user, "r": s.role, "c": s.csrf, "t": s.issued}).encode())
    sig = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{sig}"


def load_session(cookie: str | None, key: bytes, now: float | None = None) -> Session | None:
    """The session in a cookie, or None when absent, forged, malformed or expired."""
    if not cookie or len(cookie) > 4096 or cookie.count(".") != 1:
        return None
    payload, sig = cookie.split(".")
    good = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(sig, good):
        return None
    try:
        data = json.loads(_unb64(payload))
        s = Session(user=data["u"], role=str(data["r"]), csrf=str(data["c"]), issued=int(data["t"]))
    except (ValueError, KeyError, TypeError):
        return None
    if (now or time.time()) - s.issued > SESSION_MAX_AGE:
        return None
    return s


def set_cookie(response: Response, s: Session, key: bytes, secure: bool) -> None:
    response.set_cookie(
        COOKIE,
        dump_session(s, key),
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


def session(request: Request) -> Session:
    s: Session = request.state.session
    return s


async def csrf_guard(request: Request) -> None:
    """App-wide dependency: state-changing requests need the session's CSRF token (else 403)."""
    if request.method in SAFE_METHODS:
        return
    s = session(request)
    token = request.headers.get("x-csrf-token")
    ctype = request.headers.get("content-type", "")
    if not token and ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get("csrf_token")
        token = value if isinstance(value, str) else None
    if not token or not hmac.compare_digest(token.encode(), s.csrf.encode()):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host", ""):
        raise HTTPException(403, "cross-origin request refused")


class NeedLogin(Exception):
    """An anonymous visitor asked for a page that needs an account (the app redirects to /login)."""


def require(request: Request, role: str) -> Session:
    """The session when it has at least ``role``; else 403 (or a login redirect for anonymous pages)."""
    s = session(request)
    if s.rank() >= RANK[role]:
        return s
    if s.user is None and request.method in SAFE_METHODS and not request.url.path.startswith("/api/"):
        raise NeedLogin()
    raise HTTPException(403, f"this needs the {role} role")


def client_key(request: Request, key: bytes) -> str:
    """A keyed hash of the client address: rate limits without storing addresses."""
    host = request.client.host if request.client else "unknown"
    return hmac.new(key, host.encode(), hashlib.sha256).hexdigest()[:32]


class Throttle:
    """At most ``limit`` events per ``window`` seconds per key, in memory (login attempts per address)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = Lock()

    def retry_after(self, key: str, now: float | None = None) -> int:
        """Seconds to wait (0 when the key may go ahead)."""
        now = now or time.monotonic()
        with self._lock:
            hits = self._hits.get(key)
            if not hits:
                return 0
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) < self.limit:
                return 0
            return int(hits[0] + self.window - now) + 1

    def hit(self, key: str, now: float | None = None) -> None:
        now = now or time.monotonic()
        with self._lock:
            if len(self._hits) > 100_000:  # bound memory under an address-spraying attack
                self._hits.clear()
            self._hits.setdefault(key, deque()).append(now)
