"""The analysts' web app: search, event pages, map, timeline, channels, review, corrections, API.

Input: ``Settings`` (and optionally an open ``Store``). Output: a FastAPI app
(``create_app``) and helpers that serve it (``serve``, ``run_demo_server``).
"""

from __future__ import annotations

from fastapi import FastAPI

from sitrep.settings import Settings
from sitrep.store.sql import Store
from sitrep.web.app import create_app

__all__ = ["create_app", "app_from_settings", "serve", "run_server", "run_demo_server"]


def app_from_settings() -> FastAPI:
    """App factory for several worker processes: ``uvicorn --factory sitrep.web:app_from_settings
    --workers 4`` (settings from the environment / SITREP_CONFIG, as for every command)."""
    from sitrep.settings import load_settings

    return create_app(load_settings())


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, store: Store | None = None) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="info", proxy_headers=True)


def run_demo_server(
    settings: Settings, host: str = "127.0.0.1", port: int = 8000, store: Store | None = None
) -> None:
    """Serve the demo database (the caller has ingested it and created the demo account)."""
    serve(settings, host, port, store)


run_server = serve  # the name `sitrep demo` calls
