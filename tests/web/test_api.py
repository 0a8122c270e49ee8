"""JSON API, exports and OpenAPI, in process (FastAPI TestClient)."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import timedelta

from web_factory import NOW, add_event, add_report

from conftest import csrf_of


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/search",
        "/api/events",
        "/api/events/{event_id}",
        "/api/corrections",
        "/api/events.csv",
        "/api/events.geojson",
        "/api/events.acled.csv",
    ):
        assert p in paths


def test_search_finds_inflected_form_and_counts_facets(client, data):
    body = client.get("/api/search", params={"q": "Бахмуте"}).json()
    assert [e["id"] for e in body["events"]["items"]] == [data["appeal"]]
    assert {f["value"]: f["count"] for f in body["events"]["facets"]["type"]} == {"appeal": 1}
    assert len(body["reports"]) == 2 and "<mark>" in body["reports"][0]["snippet_html"]


def test_facet_filters_combine(client, data):
    ids = lambda **p: [e["id"] for e in client.get("/api/events", params=p).json()["items"]]  # noqa: E731
    assert ids(place="Avdiivka") == [data["refusal"]]
    assert ids(channel="ostorozhno") == [data["appeal"]]
    assert ids(type="refusal", unit="1428th regiment") == []
    assert ids(date_from="2023-10-01", date_to="2023-10-31") == [data["refusal"]]
    assert ids(sort="date_asc") == [data["appeal"], data["refusal"]]


def test_event_detail_has_mentions_first_source_and_count_range(client, data):
    d = client.get(f"/api/events/{data['appeal']}").json()
    assert [m["is_first_source"] for m in d["mentions"]] == [True, False]
    assert d["count_range"] == [300, 300]
    assert client.get("/api/events/nope").status_code == 404


def test_raw_item_download_matches_its_sha256(client, data):
    sha = client.get(f"/api/events/{data['appeal']}").json()["mentions"][0]["raw_sha256"]
    r = client.get(f"/raw/{sha}")
    assert r.headers["content-type"] == "application/octet-stream"
    assert "attachment" in r.headers["content-disposition"]
    assert hashlib.sha256(r.content).hexdigest() == sha


def test_exports_of_the_current_filter(client, data):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv?type=appeal").text)))
    assert [r["id"] for r in rows] == [data["appeal"]] and rows[0]["units"] == "1428th regiment"
    acled = list(csv.DictReader(io.StringIO(client.get("/api/events.acled.csv").text)))
    assert {"event_date", "sub_event_type", "latitude", "geo_precision", "people_count"} <= set(acled[0])
    geo = client.get("/api/events.geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert len(client.get("/api/events.json?place=Bakhmut").json()) == 1


def test_map_and_timeline_data(client, data):
    pts = client.get("/api/map").json()
    assert {p["event_type"] for p in pts} == {"appeal", "refusal"}
    weeks = client.get("/api/timeline?bucket=week").json()
    assert [w["start"] for w in weeks] == ["2023-06-26", "2023-10-16"]


def test_channel_api_reports_health(client):
    ch = client.get("/api/channels").json()
    astra = next(c for c in ch if c["handle"] == "astra")
    assert astra["reports"] == 2 and astra["missing_ids"] == 2  # ids 55 and 58
    assert client.get(f"/api/channels/{astra['id']}").json()["events"] == 2  # the repost and the refusal


def test_correction_via_api_is_stored_pending(client, data, store):
    token = csrf_of(client, "/")
    r = client.post(
        "/api/corrections",
        json={
            "event_id": data["appeal"],
            "quote": "около 300 человек",
            "comment": "it was 200",
            "field": "people_count",
            "new_value": "200",
        },
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 201
    from sitrep.store.web_records import correction_queue

    [c] = correction_queue(store)
    assert (c.field, c.new_value, c.status) == ("people_count", "200", "pending")


def test_corrections_are_rate_limited_and_size_limited(client, data):
    token = csrf_of(client, "/")
    body = {"event_id": data["appeal"], "quote": "x", "comment": "y"}
    codes = [client.post("/api/corrections", json=body, headers={"X-CSRF-Token": token}).status_code for _ in range(11)]
    assert codes[:10] == [201] * 10 and codes[10] == 429
    big = client.post("/api/corrections", json={**body, "quote": "x" * 5000}, headers={"X-CSRF-Token": token})
    assert big.status_code == 422


def test_search_without_matches_has_empty_facets(client, data):
    body = client.get("/api/events", params={"q": "несуществующееслово"}).json()
    assert body["total"] == 0 and body["items"] == [] and body["facets"]["place"] == []


def test_many_matching_events_fall_back_to_the_subquery(client, data, monkeypatch):
    from sitrep.store import web_queries

    inline = client.get("/api/events", params={"q": "Бахмуте"}).json()
    monkeypatch.setattr(web_queries, "MAX_INLINE_IDS", 0)
    client.app.state.sitrep.cache.clear()
    assert client.get("/api/events", params={"q": "Бахмуте"}).json() == inline


def test_a_report_that_typed_the_event_differently_says_so(client, store):
    appeal = add_report(store, "rel_ru", "801", "Бойцы 123-й бригады записали видеообращение.", NOW)
    case = add_report(
        store, "news_en", "802", "Prosecutors charged soldiers of the 123rd brigade with desertion.", NOW + timedelta(1)
    )
    eid = add_event(store, [appeal, case], [], "appeal", mention_types=["appeal", "desertion"])
    api = client.get(f"/api/events/{eid}").json()
    assert [m["event_type"] for m in api["mentions"]] == ["appeal", "desertion"]
    page = client.get(f"/events/{eid}").text
    assert page.count("told as desertion") == 1 and "told as appeal" not in page
