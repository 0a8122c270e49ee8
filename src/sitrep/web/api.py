"""The JSON API under ``/api/`` and the exports; the pages call the same functions.

Input: query parameters (the same filter as the pages) or JSON bodies. Output: JSON rendered
from the ``store.web_queries`` results the pages also render, CSV/JSON/GeoJSON exports, and
review actions going through ``sitrep.review``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from fastapi import APIRouter, Body, HTTPException, Request
from pydantic import BaseModel, Field
from starlette.responses import Response

from sitrep.enrich.highlight import snippet
from sitrep.review import corrections as corr
from sitrep.review import events as rev
from sitrep.store import web_queries as wq
from sitrep.store import web_records as wr
from sitrep.store.queries import SearchQuery, search_reports
from sitrep.web import exports
from sitrep.web.app import cached, cached_sharing, state
from sitrep.web.render import filter_params, parse_filter, to_json
from sitrep.web.security import client_key, require, session

router = APIRouter()
REPORT_HITS = 20


def reader(request: Request) -> None:
    """Reading is open to everyone unless ``public_reading`` is off (then: viewer or above)."""
    if not state(request).settings.public_reading:
        require(request, "viewer")


@dataclass(frozen=True, slots=True)
class ReportHitView:
    report_id: int
    channel: str
    channel_title: str | None
    url: str | None
    published_at: datetime | None
    lang: str | None
    snippet_html: str  # escaped text with <mark> around the query's words
    events: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class SearchResult:
    q: str
    events: wq.EventPage
    reports: list[ReportHitView]
    reports_more: bool


def filter_key(request: Request) -> tuple[tuple[str, str], ...]:
    """The query-string parts ``parse_filter`` reads (filter and page): a cache key for the page."""
    return (*filter_params(request.query_params), ("page", request.query_params.get("page", "")[:8]))


def run_search(request: Request, with_reports: bool = True) -> tuple[wq.EventFilter, SearchResult]:
    """Events (faceted) and, with a query, the matching reports: what /search and /api/search show."""
    return cached(request, ("search", with_reports, filter_key(request)), lambda: _search(request, with_reports))


def _search(request: Request, with_reports: bool) -> tuple[wq.EventFilter, SearchResult]:
    st = state(request)
    f, q = parse_filter(request.query_params)
    page = wq.search_events(st.store, f)
    hits: list[ReportHitView] = []
    more = False
    if f.groups and with_reports:
        since = datetime.combine(datetime.fromisoformat(f.date_from), time.min, UTC) if f.date_from else None
        until = datetime.combine(datetime.fromisoformat(f.date_to), time.max, UTC) if f.date_to else None
        sq = SearchQuery(
            groups=[set(g) for g in f.groups],
            prefixes=list(f.prefixes),
            channel=f.channels[0] if len(f.channels) == 1 else None,
            since=since,
            until=until,
            lang=f.langs[0] if len(f.langs) == 1 else None,
            limit=REPORT_HITS + 1,
            offset=(f.page - 1) * REPORT_HITS,
        )
        raw = search_reports(st.store, sq)
        more = len(raw) > REPORT_HITS
        raw = raw[:REPORT_HITS]
        linked = wq.events_for_reports(st.store, [h.report_id for h in raw])
        groups = [set(g) for g in f.groups]
        hits = [
            ReportHitView(
                h.report_id,
                h.channel,
                h.channel_title,
                h.url,
                h.published_at,
                h.lang,
                snippet(h.text, groups).html(),
                linked.get(h.report_id, []),
            )
            for h in raw
        ]
    return f, SearchResult(q, page, hits, more)


def _json(obj: Any, status: int = 200) -> Response:
    return Response(to_json(obj), status_code=status, media_type="application/json")


@router.get("/api/search", tags=["search"], summary="Events with facet counts, and matching reports")
def api_search(request: Request) -> Response:
    """Parameters: q, type, grievance, unit, place, channel, lang, status (repeatable), date_from,
    date_to (ISO), sort (date, date_asc, reports, confidence, updated), page, per_page."""
    reader(request)
    return _json(run_search(request)[1])


@router.get("/api/events", tags=["events"], summary="One page of events with facet counts")
def api_events(request: Request) -> Response:
    """Same parameters as /api/search; no report hits."""
    reader(request)
    f, _ = parse_filter(request.query_params)
    return _json(cached(request, ("events", f), lambda: wq.search_events(state(request).store, f)))


def _export(request: Request, kind: str) -> Response:
    reader(request)
    f, _ = parse_filter(request.query_params)
    items = wq.export_events(state(request).store, f)
    body, media, ext = exports.render(kind, items)
    stamp = datetime.now(UTC).strftime("%Y%m%d")
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="sitrep-events-{stamp}.{ext}"'},
    )


@router.get("/api/events.csv", tags=["exports"], summary="Events of the current filter as CSV")
def export_csv(request: Request) -> Response:
    return _export(request, "csv")


@router.get("/api/events.json", tags=["exports"], summary="Events of the current filter as JSON")
def export_json(request: Request) -> Response:
    return _export(request, "json")


@router.get("/api/events.geojson", tags=["exports"], summary="Events with coordinates as GeoJSON")
def export_geojson(request: Request) -> Response:
    return _export(request, "geojson")


@router.get("/api/events.acled.csv", tags=["exports"], summary="Events as CSV with ACLED-style columns")
def export_acled(request: Request) -> Response:
    return _export(request, "acled")


@router.get("/api/events/{event_id}", tags=["events"], summary="An event with its reports, history and audit")
def api_event(request: Request, event_id: str) -> Response:
    reader(request)
    detail = wr.event_detail(state(request).store, event_id[:64], cached_sharing(request))
    if detail is None:
        raise HTTPException(404, "no such event")
    return _json(detail)


@router.get("/api/map", tags=["map"], summary="Events with coordinates (same filter as search)")
def api_map(request: Request) -> Response:
    reader(request)
    f, _ = parse_filter(request.query_params)
    return _json(cached(request, ("map", f), lambda: wq.map_points(state(request).store, f)))


@router.get("/api/timeline", tags=["timeline"], summary="Events per day or week and type")
def api_timeline(request: Request, bucket: str = "day") -> Response:
    reader(request)
    f, _ = parse_filter(request.query_params)
    b = "week" if bucket == "week" else "day"
    return _json(cached(request, ("timeline", f, b), lambda: wq.timeline(state(request).store, f, b)))


@router.get("/api/channels", tags=["channels"], summary="Channels with collection health")
def api_channels(request: Request) -> Response:
    reader(request)
    return _json(wr.channels(state(request).store))


@router.get("/api/channels/{source_id}", tags=["channels"], summary="One channel: health, reports per month")
def api_channel(request: Request, source_id: int) -> Response:
    reader(request)
    page = wr.channel_page(state(request).store, source_id)
    if page is None:
        raise HTTPException(404, "no such channel")
    return _json(page)


class CorrectionIn(BaseModel):
    event_id: str = Field(max_length=64)
    quote: str = Field(default="", max_length=corr.MAX_QUOTE)
    comment: str = Field(default="", max_length=corr.MAX_COMMENT)
    field: str | None = Field(default=None, max_length=64)
    new_value: str | None = Field(default=None, max_length=corr.MAX_NEW_VALUE)


def submit_correction(request: Request, data: CorrectionIn) -> int:
    reader(request)
    st = state(request)
    s = session(request)
    sug = corr.Suggestion(data.event_id, data.quote, data.comment, data.field or None, data.new_value)
    return corr.submit(st.store, sug, client_key(request, st.key), s.user)


@router.post(
    "/api/corrections",
    tags=["corrections"],
    status_code=201,
    summary="Suggest a correction (needs the X-CSRF-Token header of the page's session)",
)
def api_submit_correction(request: Request, data: CorrectionIn) -> Response:
    return _json({"id": submit_correction(request, data), "status": "pending"}, 201)


@router.get("/api/corrections", tags=["corrections"], summary="Corrections waiting for review (analysts)")
def api_corrections(request: Request, status: str = "pending") -> Response:
    require(request, "analyst")
    return _json(
        wr.correction_queue(
            state(request).store, status if status in ("pending", "accepted", "rejected") else "pending"
        )
    )


class DecisionIn(BaseModel):
    field: str | None = Field(default=None, max_length=64)
    new_value: str | None = Field(default=None, max_length=corr.MAX_NEW_VALUE)


def decide_correction(request: Request, correction_id: int, decision: str, data: DecisionIn) -> int | None:
    s = require(request, "analyst")
    st = state(request)
    assert s.user is not None
    if decision == "accept":
        return corr.accept(st.store, correction_id, s.user, data.field or None, data.new_value)
    corr.decline(st.store, correction_id, s.user)
    return None


@router.post(
    "/api/corrections/{correction_id}/{decision}",
    tags=["corrections"],
    summary="Accept or reject a correction (analysts)",
)
def api_decide(
    request: Request, correction_id: int, decision: str, data: DecisionIn = Body(default_factory=DecisionIn)
) -> Response:
    if decision not in ("accept", "reject"):
        raise HTTPException(404, "decision is accept or reject")
    return _json({"audit_id": decide_correction(request, correction_id, decision, data)})


class ReviewIn(BaseModel):
    field: str | None = Field(default=None, max_length=64)
    value: str | None = Field(default=None, max_length=4000)
    evidence_report_id: int | None = None
    evidence_quote: str | None = Field(default=None, max_length=corr.MAX_QUOTE)
    target: str | None = Field(default=None, max_length=64)
    mentions: list[int] = Field(default_factory=list, max_length=500)
    note: str | None = Field(default=None, max_length=2000)


REVIEW_ACTIONS = ("confirm", "reject", "edit", "merge", "split")


def apply_review(request: Request, event_id: str, action: str, data: ReviewIn) -> dict[str, Any]:
    """One analyst action through ``sitrep.review`` (audited in the same transaction)."""
    s = require(request, "analyst")
    st = state(request)
    actor = s.user or "?"
    note = data.note or None
    if action == "confirm":
        return {"audit_id": rev.confirm(st.store, event_id, actor, note)}
    if action == "reject":
        return {"audit_id": rev.reject(st.store, event_id, actor, note)}
    if action == "edit":
        if not data.field or data.value is None:
            raise rev.ReviewError("choose a field and give its new value")
        ev = (
            rev.EvidenceChoice(data.evidence_report_id, data.evidence_quote)
            if data.evidence_report_id is not None and data.evidence_quote
            else None
        )
        return {"audit_id": rev.edit(st.store, event_id, actor, data.field, data.value, ev, note)}
    if action == "merge":
        if not data.target:
            raise rev.ReviewError("give the id of the event to merge into")
        return {
            "audit_id": rev.merge(st.store, event_id, data.target.strip(), actor, note),
            "event": data.target,
        }
    if action == "split":
        return {"new_event": rev.split(st.store, event_id, data.mentions, actor, note)}
    raise HTTPException(404, f"action is one of {', '.join(REVIEW_ACTIONS)}")


@router.post(
    "/api/events/{event_id}/{action}",
    tags=["review"],
    summary="Review an event: confirm, reject, edit, merge (into target) or split (mentions)",
)
def api_review(
    request: Request, event_id: str, action: str, data: ReviewIn = Body(default_factory=ReviewIn)
) -> Response:
    return _json(apply_review(request, event_id, action, data))


@router.get("/api/review/queue", tags=["review"], summary="New events waiting for an analyst")
def api_queue(request: Request, page: int = 1) -> Response:
    require(request, "analyst")
    items, total = wr.review_queue(state(request).store, 50, (max(1, min(page, 10_000)) - 1) * 50)
    return _json({"items": items, "total": total})
