"""Shared test fixtures: settings, stores on SQLite and PostgreSQL, the browser.

- ``settings``: a ``Settings`` whose data_dir is a temporary folder (also exported as
  ``SITREP_DATA_DIR`` so CLI commands run in the test see the same store).
- ``store``: a fresh, migrated SQLite store in that folder.
- ``pg_url``: a fresh, migrated PostgreSQL database per test (cloned from a template migrated
  once per session, so each test starts empty in ~0.1 s), dropped afterwards.
- ``any_store`` / ``any_settings``: the same test on SQLite and on PostgreSQL.
- ``chromium``: the path of Debian's chromium once Playwright is importable.

PostgreSQL and the browser SKIP with a reason when absent, except under ``CI=true`` where an
absent service FAILS the test: CI must never pass by skipping the real thing.
The server URL comes from ``SITREP_TEST_PG_URL`` (default: the local trust-auth ``test`` db).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.settings import Settings, load_settings
from sitrep.store import Store, open_store

PG_SERVER_URL = os.environ.get("SITREP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CHROMIUM = Path(os.environ.get("SITREP_TEST_CHROMIUM", "/usr/bin/chromium"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def _unavailable(reason: str) -> None:
    """Skip locally; fail in CI (a missing service there is a broken pipeline, not a pass)."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: services must be present)", pytrace=False)
    pytest.skip(reason)


# -- settings and SQLite -------------------------------------------------------------------
@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings over a temporary data folder; the environment is cleared of other SITREP_* keys."""
    for key in list(os.environ):
        if key.startswith("SITREP_") and key not in ("SITREP_TEST_PG_URL", "SITREP_TEST_CHROMIUM"):
            monkeypatch.delenv(key)
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SITREP_DATA_DIR", str(data_dir))
    # An empty TOML file, so a sitrep.toml in the working directory never leaks into tests.
    config = tmp_path / "sitrep.toml"
    config.write_text("")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    return load_settings()


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A fresh, migrated SQLite store inside ``settings.data_dir``."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    st = open_store(settings.db_url)
    yield st
    st.dispose()


# -- PostgreSQL ----------------------------------------------------------------------------
def _admin_engine():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(PG_SERVER_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)


def _db_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_SERVER_URL).set(database=name).render_as_string(hide_password=False)


def _drop(conn, name: str) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    """A database migrated once per session; each test's database is a copy of it."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    try:
        admin = _admin_engine()
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, ImportError) as exc:
        _unavailable(f"PostgreSQL not reachable at {PG_SERVER_URL} ({str(exc).splitlines()[0]})")
        raise  # unreachable: skip/fail raise
    prefix = f"sitrep_t{os.getpid()}_{uuid.uuid4().hex[:8]}"
    template = prefix + "_tpl"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{template}"'))
    try:
        st = open_store(_db_url(template))
        st.dispose()  # CREATE DATABASE ... TEMPLATE needs the template without connections
        yield template
    finally:
        with admin.connect() as conn:
            _drop(conn, template)
        admin.dispose()


@pytest.fixture
def pg_url(_pg_template: str) -> Iterator[str]:
    """URL of a fresh PostgreSQL database with the current schema (all migration heads)."""
    from sqlalchemy import text

    name = f"{_pg_template[:-4]}_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template}"'))
    try:
        yield _db_url(name)
    finally:
        with admin.connect() as conn:
            _drop(conn, name)
        admin.dispose()


# -- both backends -------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_settings(request: pytest.FixtureRequest, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """``settings`` pointing at SQLite or at a fresh PostgreSQL database (the test runs on both)."""
    if request.param == "sqlite":
        return settings
    url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("SITREP_DATABASE_URL", url)
    return load_settings()


@pytest.fixture
def any_store(any_settings: Settings) -> Iterator[Store]:
    """A fresh, migrated store on SQLite and on PostgreSQL (parametrized)."""
    any_settings.data_dir.mkdir(parents=True, exist_ok=True)
    st = open_store(any_settings.db_url)
    yield st
    st.dispose()


# -- browser -------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's chromium for Playwright (``executable_path``); skips when absent."""
    exe = CHROMIUM if CHROMIUM.exists() else None
    if exe is None:
        found = shutil.which("chromium")
        exe = Path(found) if found else None
    if exe is None:
        _unavailable(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
        raise AssertionError("unreachable")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    return str(exe)


# -- comparing databases -------------------------------------------------------------------
def dump_tables(store: Store, tables: tuple[str, ...], skip_columns: frozenset[str] = frozenset()) -> dict:
    """Every row of ``tables`` (sorted, minus ``skip_columns``), to compare two databases."""
    from sqlalchemy import MetaData, select

    meta = MetaData()
    meta.reflect(store.engine, only=list(tables))
    out: dict[str, list[tuple]] = {}
    with store.engine.connect() as conn:
        for name in tables:
            table = meta.tables[name]
            cols = [c for c in table.c if c.name not in skip_columns and c.name != "search_tsv"]
            rows = [tuple(repr(v) for v in row) for row in conn.execute(select(*cols))]
            out[name] = sorted(rows)
    return out


@pytest.fixture
def table_dump():  # type: ignore[no-untyped-def]
    """``table_dump(store, tables, skip_columns)`` → sorted rows per table (see ``dump_tables``)."""
    return dump_tables
