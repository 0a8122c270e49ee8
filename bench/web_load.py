"""Load benchmark of the web app: 100,000 reports in SQLite, 50 concurrent clients for 60 s.

Input: the real news stream (``/work/shared/data/telegram-news-stream/raw``, CC BY 4.0,
NKTKLN/telegram-news-classifier). Its 22k posts are stored through the store's write path
(``Store.save_reports``, FTS triggers included) and repeated under new message ids until there
are 100,000 reports; every 20th report gets an event (type, grievances, unit, place with
coordinates, date) with its mention and facet rows, as the merger writes them.

Load: the app runs in its own process(es) under uvicorn; 50 clients (asyncio + httpx) each loop
over a human-like session — search with a word from the stream, maybe a facet or a date range,
then open an event page — with a think time of 0.5–1.5 s between requests (a person reading,
not a flood: with zero think time latency measures only queue length); clients arrive spread
over the first 1.5 s. The clients run in this process, the server in its own. Printed: requests,
errors, throughput and latency percentiles overall and per kind, the server's CPU time per
request (all its processes, from /proc: machine load from other jobs does not distort it), the
client's own CPU share (it must not be the bottleneck) and the load average during the run.
Target: p95 < 200 ms, no errors.

    .venv/bin/python bench/web_load.py [--reports 100000] [--clients 50] [--seconds 60] [--workers 1]

To see where the server spends its CPU meanwhile: ``.venv/bin/py-spy record --nonblocking
--pid <uvicorn pid> -d 40 -o profile.svg`` (py-spy is in the dev extra).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from common import ROOT, load_stream
from sqlalchemy import func, insert, select

from sitrep.enrich import enrich_posts
from sitrep.models import Post, RawItem, SourceRef
from sitrep.store import open_store
from sitrep.store.schema import event_facets, events, mentions, metadata, reports, sources

OUT = ROOT / "bench" / "out" / "web_load"
PLACES = [
    ("Bakhmut", 48.595, 38.0),
    ("Avdiivka", 48.139, 37.743),
    ("Belgorod", 50.596, 36.587),
    ("Zaporizhzhia", 47.823, 35.19),
    ("Kupiansk", 49.709, 37.617),
    ("Donetsk", 48.023, 37.802),
    ("Kherson", 46.636, 32.617),
    ("Kursk", 51.73, 36.193),
    ("Robotyne", 47.443, 35.837),
    ("Novosibirsk", 55.041, 82.935),
    ("Kazan", 55.796, 49.106),
    ("Kharkiv", 49.993, 36.231),
]
TYPES = ["appeal", "refusal", "desertion", "protest", "abuse", "coercion"]
GRIEVANCES = [
    "suicidal_orders",
    "no_training",
    "no_equipment",
    "casualties",
    "no_evacuation",
    "no_rotation",
    "pay",
]
UNITS = ["1428th regiment", "Storm Z", "military unit 12345", "155th brigade", "5th brigade", "Storm V"]
QUERIES = [
    "мобилизованные",
    "обращение",
    "полк",
    "Бахмут",
    "контракт",
    "армия",
    "военные",
    "суд",
    "отказались",
    "Москва",
    "Украина",
    "губернатор",
    "дезертир",
    "бригада",
    "жены",
    "ротация",
]


def build(db: Path, n_reports: int) -> None:
    """Store ``n_reports`` reports (the stream repeated) and events on every 20th report."""
    db.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{db}")
    have = store.count(reports)
    if have >= n_reports:
        print(f"reusing {db} ({have:,} reports)")
        # A database built before a migration gained a table: add what is missing (empty).
        metadata.create_all(store.engine, checkfirst=True)
        return
    stream = [p for p in load_stream() if (p.get("text") or "").strip()]
    t0 = time.perf_counter()
    posts = []
    for p in stream:
        raw = RawItem(json.dumps(p, ensure_ascii=False).encode(), "application/json", "stream", datetime.now(UTC))
        posts.append(
            Post(
                SourceRef("telegram_export", str(p["channel"]), str(p["channel"])),
                str(p["message_id"]),
                raw,
                p["text"],
                published_at=datetime.fromisoformat(p["date"]),
            )
        )
    enriched = enrich_posts(posts)  # once per distinct text; the repeats reuse it
    print(f"enriched {len(enriched):,} real posts in {time.perf_counter() - t0:.1f} s")
    t1 = time.perf_counter()
    batch, done, rnd = [], 0, 0
    while done < n_reports:
        for rep in enriched:
            if done >= n_reports:
                break
            post = rep.post
            if rnd:  # a later "page" of the same channel: new ids, later dates, distinct raw bytes
                raw = RawItem(
                    post.raw.content + f"#{rnd}".encode(),
                    post.raw.media_type,
                    post.raw.origin,
                    post.raw.fetched_at,
                )
                post = dataclasses.replace(
                    post,
                    external_id=str(int(post.external_id) + rnd * 1_000_000),
                    raw=raw,
                    published_at=(post.published_at or datetime.now(UTC)) + timedelta(days=7 * rnd),
                )
            batch.append(dataclasses.replace(rep, post=post))
            done += 1
            if len(batch) >= 2000:
                store.save_reports(batch)
                batch = []
        rnd += 1
    if batch:
        store.save_reports(batch)
    print(f"stored {done:,} reports in {time.perf_counter() - t1:.1f} s")
    _events(store)


def _events(store) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(42)
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        rows = conn.execute(
            select(reports.c.id, reports.c.published_at, reports.c.lang, sources.c.handle)
            .join(sources, sources.c.id == reports.c.source_id)
            .where(reports.c.id % 20 == 0)
        ).all()
        ev_rows, m_rows, f_rows = [], [], []
        for rid, published, lang, handle in rows:
            eid = f"ev{rid:08d}"
            name, lat, lon = rng.choice(PLACES)
            etype = rng.choice(TYPES)
            griev = rng.sample(GRIEVANCES, rng.randint(0, 3))
            unit = rng.choice(UNITS)
            day = (published or now).date().isoformat()
            ev_rows.append(
                {
                    "id": eid,
                    "event_type": etype,
                    "grievances": griev,
                    "event_date": day,
                    "date_precision": "day",
                    "units": [unit],
                    "places": [{"name": name, "role": "event", "lat": lat, "lon": lon}],
                    "lat": lat,
                    "lon": lon,
                    "admin1": None,
                    "people_count": rng.choice([None, 20, 300]),
                    "confidence": rng.random(),
                    "status": rng.choice(["new", "confirmed", "confirmed"]),
                    "codebook_version": "1",
                    "first_report_id": rid,
                    "first_published_at": published,
                    "locked": False,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            m_rows.append(
                {
                    "event_id": eid,
                    "report_id": rid,
                    "candidate_index": 0,
                    "is_first_source": True,
                    "candidate": {},
                    "evidence": [],
                    "report_version": 1,
                    "created_at": now,
                }
            )
            f_rows += [
                {"event_id": eid, "facet": "type", "value": etype},
                {"event_id": eid, "facet": "unit", "value": unit},
                {"event_id": eid, "facet": "place", "value": name},
            ]
            f_rows += [{"event_id": eid, "facet": "grievance", "value": g} for g in griev]
            f_rows += [{"event_id": eid, "facet": "channel", "value": handle}]
            f_rows += [{"event_id": eid, "facet": "lang", "value": lang}] if lang else []
        conn.execute(insert(events), ev_rows)
        conn.execute(insert(mentions), m_rows)
        conn.execute(insert(event_facets), f_rows)
    print(f"events: {len(ev_rows):,}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(
    base: str, ids: list[str], until: float, rng: random.Random, out: list[tuple[str, float, int, float]]
) -> None:
    # People arrive over the first think time, not all in the same millisecond (a synchronised
    # start measured a 50-request burst, not the load); one keep-alive connection per client.
    await asyncio.sleep(rng.uniform(0, 1.5))
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            q = rng.choice(QUERIES)
            params: dict[str, str] = {"q": q}
            if rng.random() < 0.5:
                params["type"] = rng.choice(TYPES)
            if rng.random() < 0.3:
                params["place"] = rng.choice(PLACES)[0]
            if rng.random() < 0.2:
                params.pop("q")
                params["date_from"], params["date_to"] = "2024-03-01", "2024-06-30"
            for kind, path, p in (
                ("search", "/search", params),
                ("event", f"/events/{rng.choice(ids)}", None),
                ("api_search", "/api/search", params),
            ):
                if time.monotonic() >= until:
                    break
                t = time.perf_counter()
                try:
                    r = await http.get(path, params=p)
                    status = r.status_code
                except httpx.HTTPError:
                    status = 599
                out.append((kind, time.perf_counter() - t, status, time.monotonic()))
                await asyncio.sleep(rng.uniform(0.5, 1.5))  # a person reading the page


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its live descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue  # the process ended meanwhile
    return total


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def load(db: Path, clients: int, seconds: float, workers: int) -> bool:
    store = open_store(f"sqlite:///{db}")
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(events.c.id).order_by(func.random()).limit(5000))]
        n_reports = conn.execute(select(func.count()).select_from(reports)).scalar_one()
    port = _free_port()
    env = {**os.environ, "SITREP_DATA_DIR": str(db.parent), "SITREP_CONFIG": str(OUT / "empty.toml")}
    (OUT / "empty.toml").write_text("")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "sitrep.web:app_from_settings",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/channels", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        results: list[tuple[str, float, int, float]] = []
        rng = random.Random(7)

        async def run() -> None:
            until = time.monotonic() + seconds
            await asyncio.gather(
                *[_client(base, ids, until, random.Random(rng.random()), results) for _ in range(clients)]
            )

        cpu0, client0 = _tree_cpu(server.pid), time.process_time()
        t0, start = time.perf_counter(), time.monotonic()
        asyncio.run(run())
        wall = time.perf_counter() - t0
        server_cpu, client_cpu = _tree_cpu(server.pid) - cpu0, time.process_time() - client0
        load = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(10)
    errors = [r for r in results if r[2] != 200]
    lat = [r[1] for r in results]
    print(
        f"\nweb_load: {n_reports:,} reports, {len(ids):,} sampled events, {clients} clients, {wall:.0f} s, "
        f"{workers} uvicorn worker(s)"
    )
    print(f"requests {len(results):,}  errors {len(errors)}  throughput {len(results) / wall:.1f} req/s")
    print(
        f"latency ms: p50 {_pct(lat, 0.5):.1f}  p95 {_pct(lat, 0.95):.1f}  p99 {_pct(lat, 0.99):.1f}  "
        f"max {max(lat) * 1000 if lat else 0:.1f}  mean {statistics.fmean(lat) * 1000 if lat else 0:.1f}"
    )
    n = max(1, len(results))
    print(
        f"server CPU {server_cpu:.1f} s = {1000 * server_cpu / n:.1f} ms/request "
        f"({100 * server_cpu / wall:.0f}% of one core); client CPU {client_cpu:.1f} s "
        f"({100 * client_cpu / wall:.0f}% of one core); load average (1 min) at the end {load:.1f} "
        f"on {os.cpu_count()} cores"
    )
    for kind in ("search", "event", "api_search"):
        k = [r[1] for r in results if r[0] == kind]
        print(
            f"  {kind:<10} n={len(k):>6}  p50 {_pct(k, 0.5):7.1f}  p95 {_pct(k, 0.95):7.1f}  p99 {_pct(k, 0.99):7.1f}"
        )
    windows = [[r[1] for r in results if lo <= r[3] - start < lo + 10] for lo in range(0, int(wall) + 1, 10)]
    print("p95 per 10 s window (warm-up first): " + ", ".join(f"{_pct(w, 0.95):.0f}" for w in windows if w))
    ok = not errors and _pct(lat, 0.95) < 200
    print("PASS: p95 < 200 ms, no errors" if ok else "FAIL: target is p95 < 200 ms with no errors")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--db", type=Path, default=OUT / "sitrep.db")
    args = ap.parse_args()
    build(args.db, args.reports)
    sys.exit(0 if load(args.db, args.clients, args.seconds, args.workers) else 1)


if __name__ == "__main__":
    main()
