"""Article URL → canonical form, so one article under several addresses is one key.

Input: a URL string as found in a post or feed. Output: ``scheme-less host + path + kept query``
with ``www.``/``m.``/``amp.`` host prefixes, tracking parameters (``utm_*``, ``fbclid``, ...),
AMP markers (``/amp`` path segment, ``.amp.html``, ``?amp=1``, ``outputType=amp``), fragments,
default ports and trailing slashes removed. ``https`` and ``http`` give the same key.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

MAX_URL_CHARS = 4096  # longer strings are not URLs worth comparing; bounded work on hostile input

_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "yclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "ref",
        "ref_src",
        "ref_url",
        "cmpid",
        "amp",
        "outputtype",
        "from",
        "utm",
        "rss",
        "share",
    }
)
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_AMP_SUFFIX = re.compile(r"(?:/amp|\.amp)(?=/?$)|/amp(?=/)", re.IGNORECASE)


def canonical_url(url: str) -> str | None:
    """The comparison key of an article URL, or None when ``url`` is not an http(s) URL."""
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS:
        return None
    try:
        parts = urlsplit(url if "://" in url else "https://" + url)
        port = parts.port
    except ValueError:  # malformed netloc or port: not a URL we can key
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = _AMP_SUFFIX.sub("", path)
    if path.endswith(".amp.html"):
        path = path[: -len(".amp.html")] + ".html"
    for index in ("/index.html", "/index.htm", "/index.php"):
        if path.endswith(index):
            path = path[: -len(index)] + "/"
    path = path.rstrip("/") or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=False)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    ]
    query.sort()
    return host + path + ("?" + urlencode(query) if query else "")


def telegram_post_key(url: str) -> tuple[str, str] | None:
    """``https://t.me/<channel>/<post>`` (also ``t.me/s/...``) → (channel, post id), else None."""
    m = re.match(
        r"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?([A-Za-z0-9_]{3,64})/(\d{1,12})(?:[/?#]|$)",
        url.strip()[:MAX_URL_CHARS],
    )
    return (m.group(1).lower(), m.group(2)) if m else None
