"""HTTP fetching for the web reader: a URL → its body bytes, politely and within bounds.

The httpx client is a seam: ``ctx.http`` (tests pass one with ``httpx.MockTransport`` or point
it at a local server); when None, one client is built from the settings and kept in ``ctx``.
Every request sends ``http_user_agent`` and ``http_timeout``, waits ``http_min_interval``
seconds since the last request to the same host, and reads at most ``http_max_bytes``.
Problems come back as ``FetchError`` with a one-line reason, never as a crash.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from sitrep.sources import SourceContext

_LAST_KEY = "http_last_request"  # ctx.extra: host → time.monotonic() of its last request
_SLEEP_KEY = "sleep"  # ctx.extra: an injectable sleep(seconds) for tests


class FetchError(Exception):
    """A URL could not be fetched; ``str(exc)`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str  # lower-case media type without parameters, "" when absent


def client(ctx: SourceContext) -> httpx.Client:
    if ctx.http is None:
        ctx.http = httpx.Client(follow_redirects=True, max_redirects=10)
    assert isinstance(ctx.http, httpx.Client)
    return ctx.http


def _wait_turn(host: str, ctx: SourceContext) -> None:
    last: dict[str, float] = ctx.extra.setdefault(_LAST_KEY, {})
    interval = ctx.settings.http_min_interval
    now = time.monotonic()
    previous = last.get(host)
    if previous is not None and now - previous < interval:
        sleep = ctx.extra.get(_SLEEP_KEY, time.sleep)
        sleep(interval - (now - previous))
    last[host] = time.monotonic()


def fetch(url: str, ctx: SourceContext) -> Fetched:
    """GET ``url`` (following redirects); raises ``FetchError`` with a reason a user can act on."""
    settings = ctx.settings
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        raise FetchError(f"{url}: not a valid http(s) URL")
    _wait_turn(host, ctx)
    limit = settings.http_max_bytes
    try:
        with client(ctx).stream(
            "GET", url, headers={"User-Agent": settings.http_user_agent}, timeout=settings.http_timeout
        ) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}; check the address or try later")
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                ctx.on_bytes(len(chunk))
                if len(body) > limit:
                    raise FetchError(
                        f"{url}: response over {limit:,} bytes (SITREP_HTTP_MAX_BYTES); "
                        "raise the limit if this page is really that big"
                    )
            ctype = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            return Fetched(str(resp.url), bytes(body), ctype)
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"{url}: no answer within {settings.http_timeout:g} s ({type(exc).__name__}); "
            "try later or raise SITREP_HTTP_TIMEOUT"
        ) from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: too many redirects; open it in a browser to see where it goes") from exc
    except httpx.HTTPError as exc:
        raise FetchError(
            f"{url}: cannot fetch ({type(exc).__name__}: {str(exc)[:160] or 'no detail'}); "
            "check the address and the network"
        ) from exc
