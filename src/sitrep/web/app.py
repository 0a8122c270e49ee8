"""The FastAPI application: state, middleware (session, security headers, body limit), errors.

Input: ``Settings`` and optionally an open ``Store``. Output: an ASGI app serving the pages
(``web.pages``), the JSON API and exports (``web.api``) and the vendored static files.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from sqlalchemy import event
from sqlalchemy.pool import QueuePool
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from sitrep.review.corrections import RateLimited
from sitrep.review.events import ReviewError
from sitrep.review.users import LoginThrottled, UserError, get_user
from sitrep.settings import Settings
from sitrep.store.sql import Store
from sitrep.store.web_queries import data_version
from sitrep.store.web_records import SharingLookup, newest_sharing
from sitrep.web.cache import VersionedCache
from sitrep.web.render import make_env, to_json
from sitrep.web.security import (
    COOKIE,
    NeedLogin,
    Session,
    Throttle,
    csrf_guard,
    load_session,
    secret_key,
    set_cookie,
)

STATIC = Path(__file__).parent / "static"
MAX_BODY = 256 * 1024  # forms and JSON here are a few KB; refuse bigger bodies before parsing them
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
T = TypeVar("T")


@dataclass
class AppState:
    settings: Settings
    store: Store
    env: Environment
    key: bytes
    login_throttle: Throttle
    # Search pages with facets, map, timeline and home counts: 2,000 entries of a few KB to
    # ~100 KB (a map of every event) stay well under 100 MB per worker; 60 s bounds staleness
    # for changes the data version cannot see.
    cache: VersionedCache = field(default_factory=lambda: VersionedCache(2_000, 60.0))


def state(request: Request) -> AppState:
    st: AppState = request.app.state.sitrep
    return st


def cached(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its earlier result while the data version is unchanged (see ``web.cache``)."""
    return state(request).cache.get_or_compute(key, request_version(request), compute)


def request_version(request: Request) -> Hashable:
    """The data version, looked up once per request however many cached parts the page has."""
    version: Hashable | None = getattr(request.state, "data_version", None)
    if version is None:
        version = request.state.data_version = data_version(state(request).store)
    return version


def cached_sharing(request: Request) -> SharingLookup:
    """``web_records.newest_sharing`` through the cache: event pages share a few units and places."""
    request_version(request)  # now, not inside the page's query: a second pooled connection could wait

    def lookup(conn: Any, facet: str, value: str, limit: int) -> list[tuple[str, str]]:
        return cached(request, ("sharing", facet, value, limit), lambda: newest_sharing(conn, facet, value, limit))

    return lookup


class SafeJSONResponse(JSONResponse):
    """JSON that escapes non-ASCII, so texts with broken code points never crash a response."""

    def render(self, content: Any) -> bytes:
        return to_json(content)


def render(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    st = state(request)
    s: Session = request.state.session
    body = st.env.get_template(template).render(
        request=request, session=s, csrf=s.csrf, settings=st.settings, path=request.url.path, **ctx
    )
    return HTMLResponse(body, status_code=status_code)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _csp(settings: Settings) -> str:
    tiles = settings.map_tile_url.split("/{", 1)[0]
    tile_src = tiles.split("/", 3)[:3]
    tile_origin = "/".join(tile_src).replace("{s}", "*") if len(tile_src) == 3 else ""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: {tile_origin}; connect-src 'self'; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'self'; object-src 'none'"
    )


def _sqlite_read_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # Pages are read through the OS page cache shared by every connection and worker process
    # instead of copied into each connection's own cache (a new pooled connection starts cold).
    cur.execute("PRAGMA mmap_size=1073741824")
    cur.close()


def _warm_up(store: Store, env: Environment) -> None:
    """Load what the first requests would otherwise load at once in many threads.

    The lemmatiser's dictionaries are built lazily behind ``lru_cache``, which does not stop
    concurrent first calls: under load every request thread built its own copy (seconds of CPU
    each, the 7-second p95 of the benchmark's first 10 s). Templates are compiled once here too.
    """
    from sitrep.pipeline import parse_query

    parse_query("проверка перевірка")  # Russian and Ukrainian dictionaries
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)


def _thread_limit(store: Store) -> int | None:
    """Request threads: as many as the store's pool keeps connections (``None``: leave the default).

    More threads than pooled connections made SQLAlchemy open and close overflow connections
    for every request (pragmas run again, SQLite's page cache starts cold); with the GIL a few
    threads already keep two cores busy, as SQLite releases it while a query runs.
    """
    pool = store.engine.pool
    return max(4, pool.size()) if isinstance(pool, QueuePool) else None


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The web app over ``store`` (default: the database of ``settings``, migrated)."""
    from sitrep.web import api, pages

    if store is None:
        from sitrep.pipeline import open_settings_store

        store = open_settings_store(settings)
    if store.is_sqlite and not event.contains(store.engine, "connect", _sqlite_read_pragmas):
        event.listen(store.engine, "connect", _sqlite_read_pragmas)
    env = make_env()
    _warm_up(store, env)
    threads = _thread_limit(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if threads is not None:  # the limiter belongs to the running event loop: set it here
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        version="0.1.0",
        default_response_class=SafeJSONResponse,
        dependencies=[Depends(csrf_guard)],
        description="Reports about soldiers' appeals, refusals, desertion, protests, abuse and coercion: "
        "events with sources, facets, map and timeline data, corrections and review.",
    )
    # Login attempts per client address: 20 per 10 minutes, well above a person retyping a password.
    app.state.sitrep = AppState(settings, store, env, secret_key(settings), Throttle(20, 600.0))
    csp = _csp(settings)

    @app.middleware("http")
    async def session_middleware(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY:
            return PlainTextResponse("request body too large", status_code=413)
        st = state(request)
        s = load_session(request.cookies.get(COOKIE), st.key)
        if s is None:
            s = Session(dirty=True)
        elif s.user is not None:
            user = await run_in_threadpool(get_user, st.store, s.user)
            if user is None:
                s = Session(dirty=True)
            elif user.role != s.role:
                s.role, s.dirty = user.role, True
        request.state.session = s
        writes = request.method not in SAFE_METHODS
        if writes:
            st.cache.clear()
        response = await call_next(request)
        if writes:  # again after the write: a read running meanwhile may have stored the old data
            st.cache.clear()
        s = request.state.session  # login and logout replace it
        if s.dirty:
            set_cookie(response, s, st.key, request.url.scheme == "https")
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(NeedLogin)
    async def need_login(request: Request, exc: NeedLogin) -> Response:
        return RedirectResponse("/login?next=" + request.url.path, status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return SafeJSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render(request, "error.html", exc.status_code, message=str(exc.detail))

    async def bad_request(request: Request, exc: Exception) -> Response:
        status = 429 if isinstance(exc, RateLimited | LoginThrottled) else 400
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited | LoginThrottled) else None
        if _wants_json(request):
            return SafeJSONResponse({"detail": str(exc)}, status_code=status, headers=headers)
        resp = render(request, "error.html", status, message=str(exc))
        if headers:
            resp.headers.update(headers)
        return resp

    for exc_type in (ReviewError, UserError, RateLimited, LoginThrottled):
        app.add_exception_handler(exc_type, bad_request)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
