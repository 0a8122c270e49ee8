"""The FastAPI application: state, middleware (session, security headers, body limit), errors.

Input: ``Settings`` and optionally an open ``Store``. Output: an ASGI app serving the pages
(``web.pages``), the JSON API and exports (``web.api``) and the vendored static files.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from sitrep.review.corrections import RateLimited
from sitrep.review.events import ReviewError
from sitrep.review.users import LoginThrottled, UserError, get_user
from sitrep.settings import Settings
from sitrep.store.sql import Store
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


@dataclass
class AppState:
    settings: Settings
    store: Store
    env: Environment
    key: bytes
    login_throttle: Throttle


def state(request: Request) -> AppState:
    st: AppState = request.app.state.sitrep
    return st


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


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The web app over ``store`` (default: the database of ``settings``, migrated)."""
    from sitrep.web import api, pages

    if store is None:
        from sitrep.pipeline import open_settings_store

        store = open_settings_store(settings)
    app = FastAPI(
        title="sitrep",
        version="0.1.0",
        default_response_class=SafeJSONResponse,
        dependencies=[Depends(csrf_guard)],
        description="Reports about soldiers' appeals, refusals, desertion, protests, abuse and coercion: "
        "events with sources, facets, map and timeline data, corrections and review.",
    )
    # Login attempts per client address: 20 per 10 minutes, well above a person retyping a password.
    app.state.sitrep = AppState(settings, store, make_env(), secret_key(settings), Throttle(20, 600.0))
    csp = _csp(settings)

    @app.middleware("http")
    async def session_middleware(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
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
        response = await call_next(request)
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
        headers = (
            {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited | LoginThrottled) else None
        )
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
