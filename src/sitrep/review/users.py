"""Accounts and roles: viewer, analyst, admin; argon2id password hashes; login throttling.

Input: a username, a password, a role. Output: ``users`` rows; ``authenticate`` returns the
account or ``None`` and counts failures, locking the account for a while after repeated ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import insert, select, update

from sitrep.store.schema import users
from sitrep.store.sql import Store

ROLES = ("viewer", "analyst", "admin")
RANK = {"viewer": 0, "analyst": 1, "admin": 2}
_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 hashes any length; the cap bounds the work per request
# After FREE_FAILURES wrong passwords the account locks for 1 min, doubling per further failure
# up to an hour: guessing becomes hopeless, a mistyping owner waits at most a minute or two.
FREE_FAILURES = 5
MAX_LOCK = timedelta(hours=1)

# argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes: RFC 9106's second choice).
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("sitrep-timing-equaliser")


class UserError(ValueError):
    """A bad username, password or role; the message says what is allowed."""


class LoginThrottled(Exception):
    """Too many failed logins; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins; try again in {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    role: str


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(dt: datetime | None) -> datetime | None:
    return dt.replace(tzinfo=UTC) if dt is not None and dt.tzinfo is None else dt


def _check(username: str, password: str | None, role: str | None) -> None:
    if not _USERNAME.match(username):
        raise UserError("usernames are 1–64 letters, digits and _ . @ -")
    if password is not None and not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UserError(f"passwords are {MIN_PASSWORD}–{MAX_PASSWORD} characters")
    if role is not None and role not in ROLES:
        raise UserError(f"role is one of {', '.join(ROLES)}")


def add_user(store: Store, username: str, password: str, role: str = "viewer") -> User:
    """Create an account (fails if the name is taken)."""
    _check(username, password, role)
    with store.engine.begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.username == username)).first() is not None:
            raise UserError(f"user {username} exists; use `sitrep user passwd` or `sitrep user role`")
        result = conn.execute(
            insert(users).values(
                username=username,
                password_hash=_hasher.hash(password),
                role=role,
                created_at=_now(),
                failed_logins=0,
            )
        )
        pk = result.inserted_primary_key
        return User(int(pk[0]) if pk else 0, username, role)


def set_password(store: Store, username: str, password: str) -> None:
    """Replace a password (and lift any login lock)."""
    _check(username, password, None)
    with store.engine.begin() as conn:
        n = conn.execute(
            update(users)
            .where(users.c.username == username)
            .values(password_hash=_hasher.hash(password), failed_logins=0, locked_until=None)
        ).rowcount
    if not n:
        raise UserError(f"no user {username}")


def set_role(store: Store, username: str, role: str) -> None:
    """Change an account's role."""
    _check(username, None, role)
    with store.engine.begin() as conn:
        n = conn.execute(update(users).where(users.c.username == username).values(role=role)).rowcount
    if not n:
        raise UserError(f"no user {username}")


def get_user(store: Store, username: str) -> User | None:
    with store.engine.connect() as conn:
        row = conn.execute(
            select(users.c.id, users.c.username, users.c.role).where(users.c.username == username)
        ).first()
    return User(int(row.id), row.username, row.role) if row is not None else None


def ensure_user(store: Store, username: str, password: str, role: str) -> User:
    """Create the account, or reset its password and role (the demo analyst)."""
    if get_user(store, username) is None:
        return add_user(store, username, password, role)
    set_password(store, username, password)
    set_role(store, username, role)
    found = get_user(store, username)
    assert found is not None
    return found


def authenticate(store: Store, username: str, password: str, now: datetime | None = None) -> User | None:
    """The account when the password is right; ``None`` otherwise. Raises LoginThrottled while locked."""
    now = now or _now()
    password = password[:MAX_PASSWORD]
    with store.engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.username == username[:128])).first()
    if row is None:
        try:  # same work as a real check, so timing does not tell which names exist
            _hasher.verify(_DUMMY_HASH, password + "x")
        except VerificationError:
            pass
        return None
    locked = _aware(row.locked_until)
    if locked is not None and locked > now:
        raise LoginThrottled(int((locked - now).total_seconds()) + 1)
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        failures = int(row.failed_logins or 0) + 1
        lock = None
        if failures >= FREE_FAILURES:
            lock = now + min(timedelta(minutes=2 ** (failures - FREE_FAILURES)), MAX_LOCK)
        with store.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == row.id).values(failed_logins=failures, locked_until=lock))
        return None
    with store.engine.begin() as conn:
        values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
        if _hasher.check_needs_rehash(row.password_hash):
            values["password_hash"] = _hasher.hash(password)
        conn.execute(update(users).where(users.c.id == row.id).values(values))
    return User(int(row.id), row.username, row.role)


def list_users(store: Store) -> list[User]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(users.c.id, users.c.username, users.c.role).order_by(users.c.username)).all()
    return [User(int(r.id), r.username, r.role) for r in rows]
