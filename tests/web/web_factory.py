"""Test data for the web app: reports through the store's write path, events/mentions/facets
inserted with SQLAlchemy Core (as the merger would), so tests need no extractor."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select

from sitrep.enrich import enrich_posts
from sitrep.models import Post, RawItem, SourceRef
from sitrep.store import Store
from sitrep.store.schema import event_facets, events, mentions, reports, sources

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def add_report(
    store: Store,
    channel: str,
    ext_id: str,
    text: str,
    published: datetime,
    url: str | None = None,
    title: str | None = None,
) -> int:
    raw = RawItem(
        content=text.encode("utf-8", "replace"),
        media_type="application/json",
        origin=f"test:{channel}",
        fetched_at=NOW,
    )
    post = Post(
        source=SourceRef("jsonl", channel, title or channel),
        external_id=ext_id,
        raw=raw,
        text=text,
        published_at=published,
        url=url,
    )
    return store.save_reports(enrich_posts([post], 200_000))[0].report_id


def add_event(
    store: Store,
    report_ids: list[int],
    texts: list[str],
    event_type: str = "appeal",
    *,
    grievances: tuple[str, ...] = (),
    units: tuple[str, ...] = (),
    places: tuple[dict[str, Any], ...] = (),
    event_date: str | None = None,
    people: list[int | None] | None = None,
    evidence: list[list[dict[str, Any]]] | None = None,
    status: str = "new",
    confidence: float = 0.8,
    mention_types: list[str] | None = None,
) -> str:
    eid = "ev" + uuid.uuid4().hex[:12]
    geo = next((p for p in places if p.get("lat") is not None), None)
    with store.engine.begin() as conn:
        conn.execute(
            insert(events).values(
                id=eid,
                event_type=event_type,
                grievances=list(grievances),
                event_date=event_date,
                date_precision="day" if event_date else None,
                units=list(units),
                places=list(places),
                lat=geo["lat"] if geo else None,
                lon=geo["lon"] if geo else None,
                admin1=geo.get("admin1") if geo else None,
                people_count=(people or [None])[0],
                confidence=confidence,
                status=status,
                codebook_version="1",
                first_report_id=report_ids[0],
                first_published_at=NOW,
                locked=False,
                created_at=NOW,
                updated_at=NOW,
            )
        )
        for i, rid in enumerate(report_ids):
            conn.execute(
                insert(mentions).values(
                    event_id=eid,
                    report_id=rid,
                    candidate_index=0,
                    is_first_source=i == 0,
                    candidate={"event_type": (mention_types or [event_type] * len(report_ids))[i]},
                    evidence=(evidence or [[]] * len(report_ids))[i],
                    people_count=(people or [None] * 9)[i],
                    report_version=1,
                    created_at=NOW,
                )
            )
        facets = {("type", event_type)} | {("grievance", g) for g in grievances} | {("unit", u) for u in units}
        facets |= {("place", p["name"]) for p in places}
        for rid in report_ids:  # channel and language facets, as the merger writes them
            row = conn.execute(
                select(sources.c.handle, reports.c.lang)
                .join(reports, reports.c.source_id == sources.c.id)
                .where(reports.c.id == rid)
            ).one()
            facets |= {("channel", row.handle)} | ({("lang", row.lang)} if row.lang else set())
        conn.execute(insert(event_facets), [{"event_id": eid, "facet": f, "value": v} for f, v in sorted(facets)])
    return eid


APPEAL_TEXT = (
    "Бойцы 1428-го полка записали видеообращение к губернатору: их отправляют в штурм под Бахмутом "
    "без подготовки. Погибли десятки человек."
)
REPOST_TEXT = "Мобилизованные из 1428-го полка снова жалуются: под Бахмутом потеряли около 300 человек."
REFUSAL_TEXT = "Под Авдеевкой 40 мобилизованных отказались идти в штурм, их задержали."


def seed(store: Store) -> dict[str, Any]:
    """Three reports, two events with evidence, coordinates and counts."""
    r1 = add_report(
        store,
        "ostorozhno",
        "101",
        APPEAL_TEXT,
        datetime(2023, 7, 2, 9, tzinfo=UTC),
        url="https://t.me/ostorozhno/101",
        title="Осторожно Новости",
    )
    r2 = add_report(store, "astra", "55", REPOST_TEXT, datetime(2023, 7, 3, 9, tzinfo=UTC), title="ASTRA")
    r3 = add_report(store, "astra", "58", REFUSAL_TEXT, datetime(2023, 10, 20, 9, tzinfo=UTC), title="ASTRA")
    q = "записали видеообращение к губернатору"
    appeal = add_event(
        store,
        [r1, r2],
        [APPEAL_TEXT, REPOST_TEXT],
        "appeal",
        grievances=("no_training", "casualties"),
        units=("1428th regiment",),
        event_date="2023-07-02",
        people=[None, 300],
        places=({"name": "Bakhmut", "role": "event", "lat": 48.59, "lon": 38.0, "admin1": "Donetsk"},),
        evidence=[
            [
                {
                    "field": "event_type",
                    "text": q,
                    "start": APPEAL_TEXT.find(q),
                    "end": APPEAL_TEXT.find(q) + len(q),
                }
            ],
            [{"field": "people_count", "text": "около 300 человек", "start": 0, "end": 0}],
        ],
    )
    refusal = add_event(
        store,
        [r3],
        [REFUSAL_TEXT],
        "refusal",
        grievances=("suicidal_orders",),
        event_date="2023-10-20",
        places=({"name": "Avdiivka", "role": "event", "lat": 48.14, "lon": 37.74, "admin1": "Donetsk"},),
        people=[40],
        evidence=[[{"field": "event_type", "text": "отказались идти в штурм", "start": 0, "end": 0}]],
    )
    return {"appeal": appeal, "refusal": refusal, "reports": [r1, r2, r3]}
