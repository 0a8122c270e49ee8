"""Server-rendered pages: home, search, event, map, timeline, channels, review, login.

Input: the request (filters in the query string; forms with the CSRF token). Output: HTML
rendered by Jinja2 from the same query results the JSON API returns (``web.api``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from sitrep.review.events import EDITABLE, EVENT_TYPES, GRIEVANCES, ReviewError
from sitrep.review.users import authenticate
from sitrep.store import web_queries as wq
from sitrep.store import web_records as wr
from sitrep.web.api import (
    CorrectionIn,
    DecisionIn,
    ReviewIn,
    apply_review,
    decide_correction,
    reader,
    run_search,
    submit_correction,
)
from sitrep.web.app import cached, cached_sharing, render, state
from sitrep.web.render import filter_params
from sitrep.web.security import Session, require, session

router = APIRouter(include_in_schema=False)
FACET_TITLES = (
    ("type", "Event type"),
    ("status", "Status"),
    ("grievance", "Grievance"),
    ("unit", "Unit"),
    ("place", "Place"),
    ("channel", "Channel"),
    ("lang", "Language"),
)
SAMPLE_PREFIX = "sample"  # sources whose handle starts with this are text written for the demo


def _local(next_url: str | None) -> str:
    """Only same-site paths are followed after login or a form (no open redirects)."""
    if next_url and next_url.startswith("/") and not next_url.startswith("//") and "\\" not in next_url:
        return next_url
    return "/"


async def _form(request: Request) -> dict[str, Any]:
    form = await request.form()
    out: dict[str, Any] = {}
    for k, v in form.multi_items():
        if isinstance(v, str):
            if k in out:
                out[k] = [*(out[k] if isinstance(out[k], list) else [out[k]]), v]
            else:
                out[k] = v
    return out


@router.get("/")
def home(request: Request) -> Response:
    reader(request)
    st = state(request)
    latest, counts = cached(
        request,
        ("home",),
        lambda: (wq.search_events(st.store, wq.EventFilter(per_page=10), with_facets=False), wr.home_counts(st.store)),
    )
    return render(request, "home.html", counts=counts, latest=latest)


@router.get("/search")
def search_page(request: Request) -> Response:
    reader(request)
    f, result = run_search(request)
    params = filter_params(request.query_params)
    resp = render(
        request,
        "search.html",
        f=f,
        result=result,
        params=params,
        facet_titles=FACET_TITLES,
        event_types=EVENT_TYPES,
        sample_prefix=SAMPLE_PREFIX,
    )
    return resp


# Evidence may name a field in the singular or by a short name; the table uses the field names.
_FIELD_ALIASES = {
    "unit": "units",
    "place": "places",
    "grievance": "grievances",
    "type": "event_type",
    "date": "event_date",
    "count": "people_count",
    "lat": "coordinates",
    "lon": "coordinates",
}


def _field_evidence(detail: wr.EventDetail) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in detail.mentions:
        for ev in m.evidence:
            if isinstance(ev, dict) and ev.get("text"):
                name = str(ev.get("field") or "evidence")
                quotes = out.setdefault(_FIELD_ALIASES.get(name, name), [])
                if ev["text"] not in quotes and len(quotes) < 3:
                    quotes.append(str(ev["text"]))
    return out


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str) -> Response:
    reader(request)
    detail = wr.event_detail(state(request).store, event_id[:64], cached_sharing(request))
    if detail is None:
        raise HTTPException(404, "no such event")
    return render(
        request,
        "event.html",
        d=detail,
        e=detail.event,
        evidence=_field_evidence(detail),
        editable=EDITABLE,
        event_types=EVENT_TYPES,
        grievance_tags=GRIEVANCES,
        sample_prefix=SAMPLE_PREFIX,
        is_analyst=session(request).rank() >= 1,
    )


@router.get("/raw/{sha256}")
def raw_download(request: Request, sha256: str) -> Response:
    """The archived item, bytes as fetched, as a download (never rendered on this site)."""
    reader(request)
    blob = wr.raw_item(state(request).store, sha256.lower()[:64])
    if blob is None:
        raise HTTPException(404, "no such raw item")
    ext = {"application/json": "json", "text/html": "html"}.get(blob.media_type.split(";")[0], "bin")
    return Response(
        blob.content,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{blob.sha256}.{ext}"',
            "X-SHA256": blob.sha256,
            "X-Original-Media-Type": blob.media_type.encode("ascii", "replace").decode()[:128],
            "Content-Security-Policy": "sandbox; default-src 'none'",
        },
    )


@router.post("/events/{event_id}/corrections")
async def correction_form(request: Request, event_id: str) -> Response:
    """Form fallback for the correction dialog (the dialog itself posts JSON to /api/corrections)."""
    form = await _form(request)
    data = CorrectionIn(
        event_id=event_id[:64],
        quote=str(form.get("quote", ""))[:4000],
        comment=str(form.get("comment", ""))[:8000],
        field=str(form.get("field") or "") or None,
        new_value=str(form.get("new_value") or "") or None,
    )
    await run_in_threadpool(submit_correction, request, data)
    return RedirectResponse(f"/events/{event_id}?thanks=1#top", status_code=303)


@router.post("/events/{event_id}/review")
async def review_form(request: Request, event_id: str) -> Response:
    form = await _form(request)
    mentions = form.get("mention", [])
    mentions = mentions if isinstance(mentions, list) else [mentions]
    try:
        ids = [int(x) for x in mentions]
        report_id = int(form["evidence_report_id"]) if form.get("evidence_report_id") else None
    except ValueError as exc:
        raise ReviewError("report and mention ids are numbers") from exc
    data = ReviewIn(
        field=form.get("field") or None,
        value=form.get("value"),
        evidence_report_id=report_id,
        evidence_quote=form.get("evidence_quote") or None,
        target=form.get("target") or None,
        mentions=ids,
        note=form.get("note") or None,
    )
    action = str(form.get("action", ""))
    out = await run_in_threadpool(apply_review, request, event_id, action, data)
    nxt = form.get("next")
    if nxt:
        return RedirectResponse(_local(str(nxt)), status_code=303)
    target = out.get("new_event") or out.get("event") or event_id
    return RedirectResponse(f"/events/{target}", status_code=303)


@router.get("/map")
def map_page(request: Request) -> Response:
    reader(request)
    from sitrep.web.render import parse_filter

    f, q = parse_filter(request.query_params)
    points = cached(request, ("map", f), lambda: wq.map_points(state(request).store, f))
    params = filter_params(request.query_params)
    return render(request, "map.html", points=points, params=params, q=q, f=f)


@router.get("/timeline")
def timeline_page(request: Request, bucket: str = "day") -> Response:
    reader(request)
    from sitrep.web.render import parse_filter

    f, q = parse_filter(request.query_params)
    bucket = "week" if bucket == "week" else "day"
    buckets = cached(request, ("timeline", f, bucket), lambda: wq.timeline(state(request).store, f, bucket))
    types = sorted({t for b in buckets for t in b.counts})
    data = {
        "types": types,
        "buckets": [{"start": b.start.isoformat(), "end": b.end.isoformat(), "counts": b.counts} for b in buckets],
    }
    params = [(k, v) for k, v in filter_params(request.query_params) if k not in ("date_from", "date_to")]
    return render(request, "timeline.html", buckets=buckets, types=types, data=data, bucket=bucket, params=params, q=q)


@router.get("/channels")
def channels_page(request: Request) -> Response:
    reader(request)
    return render(request, "channels.html", channels=wr.channels(state(request).store), sample_prefix=SAMPLE_PREFIX)


@router.get("/channels/{source_id}")
def channel_page(request: Request, source_id: int) -> Response:
    reader(request)
    page = wr.channel_page(state(request).store, source_id)
    if page is None:
        raise HTTPException(404, "no such channel")
    peak = max((n for _, n in page.per_month), default=1)
    return render(request, "channel.html", c=page, peak=peak, sample_prefix=SAMPLE_PREFIX)


@router.get("/review")
def review_page(request: Request, page: int = 1) -> Response:
    require(request, "analyst")
    page = max(1, min(page, 10_000))
    items, total = wr.review_queue(state(request).store, 50, (page - 1) * 50)
    pending = wr.correction_queue(state(request).store, "pending", 5)
    return render(request, "review.html", items=items, total=total, page=page, pending=len(pending))


@router.get("/review/corrections")
def corrections_page(request: Request, status: str = "pending") -> Response:
    require(request, "analyst")
    status = status if status in ("pending", "accepted", "rejected") else "pending"
    items = wr.correction_queue(state(request).store, status)
    return render(request, "corrections.html", items=items, status=status, editable=EDITABLE)


@router.post("/review/corrections/{correction_id}")
async def correction_decision(request: Request, correction_id: int) -> Response:
    form = await _form(request)
    decision = str(form.get("decision", ""))
    if decision not in ("accept", "reject"):
        raise ReviewError("decision is accept or reject")
    data = DecisionIn(field=form.get("field") or None, new_value=form.get("new_value"))
    await run_in_threadpool(decide_correction, request, correction_id, decision, data)
    return RedirectResponse("/review/corrections", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:  # noqa: A002 - the URL parameter's name
    return render(request, "login.html", next=_local(next), error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    st = state(request)
    form = await _form(request)
    username = str(form.get("username", ""))[:128]
    password = str(form.get("password", ""))[:1024]
    nxt = _local(str(form.get("next", "/")))
    host = request.client.host if request.client else "unknown"
    wait = st.login_throttle.retry_after(host)
    if wait:
        resp = render(request, "login.html", 429, next=nxt, error=f"Too many attempts; wait {wait} s.")
        resp.headers["Retry-After"] = str(wait)
        return resp
    user = await run_in_threadpool(authenticate, st.store, username, password)
    if user is None:
        st.login_throttle.hit(host)
        return render(request, "login.html", 401, next=nxt, error="Wrong username or password.")
    # A fresh session (new CSRF token) at login: a token planted before login is worthless after.
    new = Session(user=user.username, role=user.role, dirty=True)
    request.state.session = new
    return RedirectResponse(nxt, status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    request.state.session = Session(dirty=True)
    return RedirectResponse("/", status_code=303)
