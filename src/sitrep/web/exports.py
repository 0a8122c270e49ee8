"""Exports of a filtered event list: CSV, JSON, GeoJSON and a CSV with ACLED-style columns.

Input: ``EventSummary`` rows. Output: (bytes, media type, file extension). CSV cells that a
spreadsheet would run as a formula (leading ``= + - @``, tab, CR) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from sitrep.store.web_queries import EventSummary
from sitrep.web.render import to_json

COLUMNS = (
    "id",
    "event_type",
    "grievances",
    "event_date",
    "date_precision",
    "units",
    "places",
    "admin1",
    "lat",
    "lon",
    "people_count",
    "count_low",
    "count_high",
    "via",
    "status",
    "confidence",
    "reports",
    "first_published_at",
    "first_channel",
    "first_url",
)
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "source_scale",
    "notes",
    "people_count",
)
# ACLED's own type for each codebook type: gatherings are protests; the rest are not violence
# between armed groups but developments inside one force.
ACLED_TYPE = {"protest": "Protests"}
ACLED_TIME_PRECISION = {"day": 1, "month": 2, "year": 3}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def _place_names(e: EventSummary) -> list[str]:
    return [str(p.get("name", "")) for p in e.places if p.get("name")]


def _row(e: EventSummary) -> dict[str, Any]:
    return {
        "id": e.id,
        "event_type": e.event_type,
        "grievances": ";".join(e.grievances),
        "event_date": e.event_date,
        "date_precision": e.date_precision,
        "units": ";".join(e.units),
        "places": ";".join(_place_names(e)),
        "admin1": e.admin1,
        "lat": e.lat,
        "lon": e.lon,
        "people_count": e.people_count,
        "count_low": e.count_low,
        "count_high": e.count_high,
        "via": e.via,
        "status": e.status,
        "confidence": round(e.confidence, 3),
        "reports": e.reports,
        "first_published_at": e.first_published_at.isoformat() if e.first_published_at else None,
        "first_channel": e.first_channel,
        "first_url": e.first_url,
    }


def _acled(e: EventSummary) -> dict[str, Any]:
    names = _place_names(e)
    geo = 1 if e.lat is not None and names else 2 if e.admin1 else 3
    notes = (
        f"{e.event_type}"
        + (f"; grievances: {', '.join(e.grievances)}" if e.grievances else "")
        + (f"; via {e.via}" if e.via else "")
        + f"; {e.reports} report(s); sitrep event {e.id}"
    )
    return {
        "event_id_cnty": e.id,
        "event_date": e.event_date,
        "event_type": ACLED_TYPE.get(e.event_type, "Strategic developments"),
        "sub_event_type": e.event_type,
        "actor1": "; ".join(e.units) or "Military personnel",
        "admin1": e.admin1,
        "location": names[0] if names else None,
        "latitude": e.lat,
        "longitude": e.lon,
        "geo_precision": geo,
        "time_precision": ACLED_TIME_PRECISION.get(e.date_precision or "", 3),
        "source": e.first_channel,
        "source_scale": "New media",
        "notes": notes,
        "people_count": e.people_count,
    }


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r[c]) for c in columns])
    return buf.getvalue().encode("utf-8", "replace")


def geojson(items: list[EventSummary]) -> dict[str, Any]:
    feats = [
        {
            "type": "Feature",
            "id": e.id,
            "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
            "properties": _row(e),
        }
        for e in items
        if e.lat is not None and e.lon is not None
    ]
    return {"type": "FeatureCollection", "features": feats}


def render(kind: str, items: list[EventSummary]) -> tuple[bytes, str, str]:
    if kind == "csv":
        return _csv([_row(e) for e in items], COLUMNS), "text/csv; charset=utf-8", "csv"
    if kind == "acled":
        return _csv([_acled(e) for e in items], ACLED_COLUMNS), "text/csv; charset=utf-8", "acled.csv"
    if kind == "geojson":
        return to_json(geojson(items)), "application/geo+json", "geojson"
    return to_json([_row(e) for e in items]), "application/json", "json"
