"""Turning query results into safe HTML and JSON: filters from URLs, evidence highlighting,
link sanitising, the Jinja2 environment and a JSON encoder that never fails on odd text.

Input: request query parameters, report texts with evidence spans. Output: ``EventFilter``
objects, escaped ``Markup``, URLs with changed parameters, JSON bytes.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.datastructures import QueryParams

from sitrep.pipeline import parse_query
from sitrep.store.web_queries import MAX_PER_PAGE, SORTS, STATUSES, EventFilter

TEMPLATES = Path(__file__).parent / "templates"
FILTER_KEYS = (
    "q",
    "type",
    "grievance",
    "unit",
    "place",
    "channel",
    "lang",
    "status",
    "date_from",
    "date_to",
    "sort",
    "per_page",
)
MAX_VALUES = 20  # values per facet parameter; more is not a human's filter
MAX_PARAM = 300  # characters per value
MAX_SHOWN_TEXT = 50_000  # characters of a report shown on a page (the raw item has all of it)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def clean_text(value: str) -> str:
    """Text safe to encode as UTF-8 (lone surrogates → U+FFFD) and free of NUL characters."""
    return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")


def _values(params: QueryParams, key: str) -> tuple[str, ...]:
    out = [clean_text(v.strip())[:MAX_PARAM] for v in params.getlist(key) if v.strip()]
    return tuple(dict.fromkeys(out))[:MAX_VALUES]


def _iso(value: str | None) -> str | None:
    if value and _ISO.match(value):
        try:
            date.fromisoformat(value)
            return value
        except ValueError:
            return None
    return None


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value or default)))
    except ValueError:
        return default


def parse_filter(params: QueryParams) -> tuple[EventFilter, str]:
    """The filter a URL describes, and the query text (everything bounded and whitelisted)."""
    q = clean_text(params.get("q", ""))[:500]
    groups, prefixes = parse_query(q) if q.strip() else ([], [])
    sort = params.get("sort", "date")
    f = EventFilter(
        groups=tuple(frozenset(g) for g in groups),
        prefixes=tuple(prefixes),
        types=_values(params, "type"),
        grievances=_values(params, "grievance"),
        units=_values(params, "unit"),
        places=_values(params, "place"),
        channels=_values(params, "channel"),
        langs=_values(params, "lang"),
        statuses=tuple(s for s in _values(params, "status") if s in STATUSES),
        date_from=_iso(params.get("date_from")),
        date_to=_iso(params.get("date_to")),
        sort=sort if sort in SORTS else "date",
        page=_int(params.get("page"), 1, 1, 10_000),
        per_page=_int(params.get("per_page"), 25, 1, MAX_PER_PAGE),
    )
    return f, q


def filter_params(params: QueryParams) -> list[tuple[str, str]]:
    """The filter part of a query string (page dropped), for links that keep the filter."""
    return [(k, clean_text(v)[:MAX_PARAM]) for k, v in params.multi_items() if k in FILTER_KEYS and v][:200]


def url_with(
    path: str,
    params: list[tuple[str, str]],
    set_: dict[str, str] | None = None,
    toggle: tuple[str, str] | None = None,
    drop: tuple[str, ...] = (),
) -> str:
    """``path`` with the given parameters, some set, one value toggled, some dropped."""
    items = [(k, v) for k, v in params if k not in drop and not (set_ and k in set_)]
    if toggle is not None:
        if toggle in items:
            items.remove(toggle)
        else:
            items.append(toggle)
    if set_:
        items.extend((k, v) for k, v in set_.items() if v)
    return path + ("?" + urlencode(items) if items else "")


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s); ``javascript:``, ``data:`` and the like become None."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def highlight_evidence(text: str, evidence: list[dict[str, Any]]) -> Markup:
    """The report text, escaped, with every evidence span wrapped in ``<mark data-field>``.

    Offsets are trusted only when they still point at the evidence text (reports get edited);
    otherwise the first occurrence of the evidence text is marked.
    """
    text = clean_text(text[:MAX_SHOWN_TEXT])
    spans: list[tuple[int, int, str]] = []
    for ev in evidence[:200]:
        if not isinstance(ev, dict):
            continue
        quote = str(ev.get("text") or "")
        fld = str(ev.get("field") or "evidence")
        start, end = ev.get("start"), ev.get("end")
        if not quote:
            continue
        if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == quote):
            start = text.find(quote)
            end = start + len(quote)
        if start >= 0:
            spans.append((start, end, fld))
    spans.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for a, b, fld in spans:
        if merged and a < merged[-1][1]:  # overlapping spans become one mark naming every field
            pa, pb, fields = merged[-1]
            merged[-1] = (pa, max(pb, b), fields if fld in fields else [*fields, fld])
        else:
            merged.append((a, b, [fld]))
    out, pos = [], 0
    for a, b, fields in merged:
        label = html.escape(" ".join(fields))
        out.append(html.escape(text[pos:a]))
        out.append(f'<mark class="ev" data-field="{label}" title="evidence: {label}">{html.escape(text[a:b])}</mark>')
        pos = b
    out.append(html.escape(text[pos:]))
    return Markup("".join(out))  # noqa: S704 - every piece above is escaped


def _default(obj: Any) -> Any:
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    if isinstance(obj, set | frozenset | tuple):
        return list(obj)
    if isinstance(obj, bytes):
        return obj.hex()
    raise TypeError(type(obj).__name__)


def to_json(obj: Any) -> bytes:
    """JSON bytes of query results; odd code points are escaped, so encoding never fails."""
    return json.dumps(obj, default=_default, ensure_ascii=True, separators=(",", ":")).encode()


def _finalize(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _fmt_dt(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else ""


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["dt"] = _fmt_dt
    env.filters["evidence"] = highlight_evidence
    env.globals["url_with"] = url_with
    return env
