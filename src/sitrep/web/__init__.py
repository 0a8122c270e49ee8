"""The analysts' web app: search, event pages, map, timeline, channels, review, corrections, API.

Input: ``Settings`` (and optionally an open ``Store``). Output: a FastAPI app
(``create_app``) and helpers that serve it (``serve``, ``run_demo_server``).
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from sitrep.settings import Settings
from sitrep.store.sql import Store
from sitrep.web.app import create_app

__all__ = ["create_app", "app_from_settings", "default_workers", "serve", "run_server", "run_demo_server"]
MAX_DEFAULT_WORKERS = 4  # beyond this, more processes mostly multiply memory (each has its caches)


def app_from_settings() -> FastAPI:
    """App factory for several worker processes: ``uvicorn --factory sitrep.web:app_from_settings
    --workers 4`` (settings from the environment / SITREP_CONFIG, as for every command)."""
    from sitrep.settings import load_settings

    return create_app(load_settings())


def default_workers(settings: Settings) -> int:
    """Worker processes to serve with when not told: one per core (at most 4) for a database
    several processes can share (a SQLite file in WAL mode, PostgreSQL), one for an in-memory one.

    One process uses one core at a time (the GIL): measured with bench/web_load.py, a second
    worker on two cores lowers the p95 under load (see docs/cli.md).
    """
    url = settings.db_url
    if url.startswith("sqlite") and (":memory:" in url or url.split("://", 1)[-1].strip("/") == ""):
        return 1
    return max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    store: Store | None = None,
    workers: int = 1,
) -> None:
    """Serve the app with uvicorn until interrupted, in ``workers`` processes.

    With several workers each process builds its app from the environment's settings
    (``app_from_settings``), so ``settings`` must be those of ``load_settings()``, as in the CLI.
    """
    import uvicorn

    if workers > 1:
        uvicorn.run(
            "sitrep.web:app_from_settings",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="info",
            proxy_headers=True,
        )
        return
    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="info", proxy_headers=True)


def run_demo_server(settings: Settings, host: str = "127.0.0.1", port: int = 8000, store: Store | None = None) -> None:
    """Serve the demo database (the caller has ingested it and created the demo account)."""
    serve(settings, host, port, store)


run_server = serve  # the name `sitrep demo` calls
