"""Check a labelled set (texts.jsonl + gold.jsonl) against gold-format.md and codebook v1.

Run: ``.venv/bin/python bench/validate_gold.py FOLDER`` (e.g. ``bench/data/team-heldout-2``). Ids are
``PREFIX-NNN`` in order (the prefix is the first id's); clusters ``PREFIX-cNN`` with a letter suffix.
Exits 1 and lists every problem when the set is not well formed; prints counts when it is.

The vocabularies are copied from the written specification (spec/codebook.md §2–4), not imported
from the extractor, so that this set stays independent of the code it measures.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

EVENT_TYPES = {"appeal", "refusal", "desertion", "protest", "abuse", "coercion"}
GRIEVANCES = {
    "suicidal_orders",
    "no_training",
    "no_equipment",
    "casualties",
    "no_evacuation",
    "no_rotation",
    "pay",
    "coercion",
    "abuse",
    "medical",
}
DATE_PRECISIONS = {"day", "month", "year"}
COUNT_PRECISIONS = {"exact", "approximate"}
ROLES = {"event", "origin"}
LANGS = {"ru", "uk", "en"}
TEXT_KEYS = {"id", "channel", "date", "text", "text_sha256", "lang"}
GOLD_KEYS = {"id", "text_sha256", "relevant", "events"}
EVENT_KEYS = {
    "event_type",
    "grievances",
    "event_date",
    "date_precision",
    "units",
    "places",
    "people_count",
    "count_precision",
    "via",
    "evidence",
    "cluster",
}
DATE_RE = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")
ID_RE = re.compile(r"^([a-z][a-z0-9]*)-(\d{3})$")
CLUSTER_RE = re.compile(r"^[a-z][a-z0-9]*-c\d{2}[a-z]?$")
MAX_LINE = 200_000  # bound on one JSONL line (untrusted input)


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if len(line) > MAX_LINE:
                raise ValueError(f"{path.name}:{n}: line longer than {MAX_LINE} characters")
            if line.strip():
                rows.append(json.loads(line))
    return rows


def check_date(value: str | None, precision: str | None, where: str, problems: list[str]) -> None:
    if value is None:
        if precision is not None:
            problems.append(f"{where}: date_precision {precision!r} without event_date")
        return
    m = DATE_RE.match(value)
    if not m:
        problems.append(f"{where}: event_date {value!r} is not YYYY-MM-DD / XXXX-MM-DD")
        return
    if precision not in DATE_PRECISIONS:
        problems.append(f"{where}: date_precision {precision!r} not in {sorted(DATE_PRECISIONS)}")
        return
    month, day = int(m.group(2)), int(m.group(3))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        problems.append(f"{where}: event_date {value!r} out of range")
    if precision == "month" and day != 1:
        problems.append(f"{where}: month precision must be written YYYY-MM-01")
    if precision == "year" and (month, day) != (1, 1):
        problems.append(f"{where}: year precision must be written YYYY-01-01")


def check_event(e: dict, text: str, where: str, problems: list[str]) -> None:
    if set(e) != EVENT_KEYS:
        problems.append(f"{where}: event keys {sorted(set(e) ^ EVENT_KEYS)} differ from gold-format")
        return
    if e["event_type"] not in EVENT_TYPES:
        problems.append(f"{where}: event_type {e['event_type']!r}")
    bad = [g for g in e["grievances"] if g not in GRIEVANCES]
    if bad or len(set(e["grievances"])) != len(e["grievances"]):
        problems.append(f"{where}: grievances {e['grievances']!r}")
    check_date(e["event_date"], e["date_precision"], where, problems)
    if not isinstance(e["units"], list) or not all(isinstance(u, str) and u for u in e["units"]):
        problems.append(f"{where}: units must be a list of non-empty strings")
    for p in e["places"]:
        if set(p) != {"name", "role"} or not p["name"] or p["role"] not in ROLES:
            problems.append(f"{where}: place {p!r}")
    count, cprec = e["people_count"], e["count_precision"]
    if count is None:
        if cprec is not None:
            problems.append(f"{where}: count_precision without people_count")
    elif not isinstance(count, int) or isinstance(count, bool) or count <= 0 or cprec not in COUNT_PRECISIONS:
        problems.append(f"{where}: people_count {count!r} / count_precision {cprec!r}")
    if e["via"] is not None and (not isinstance(e["via"], str) or not e["via"]):
        problems.append(f"{where}: via {e['via']!r}")
    if not e["evidence"]:
        problems.append(f"{where}: no evidence")
    for s in e["evidence"]:
        if not isinstance(s, str) or not s or s not in text:
            problems.append(f"{where}: evidence is not a substring of the text: {str(s)[:80]!r}")
    if not isinstance(e["cluster"], str) or not CLUSTER_RE.match(e["cluster"]):
        problems.append(f"{where}: cluster {e['cluster']!r}")


def validate(folder: Path) -> tuple[list[str], dict]:
    problems: list[str] = []
    texts = read_jsonl(folder / "texts.jsonl")
    gold = read_jsonl(folder / "gold.jsonl")
    if len(texts) != len(gold):
        problems.append(f"{len(texts)} texts but {len(gold)} gold lines")
    first = ID_RE.match(str(texts[0].get("id", ""))) if texts else None
    if first is None:
        problems.append("the first text's id is not PREFIX-NNN")
    prefix = first.group(1) if first else ""
    for n, (t, g) in enumerate(zip(texts, gold, strict=False), 1):
        where = t.get("id", f"line {n}")
        if set(t) != TEXT_KEYS:
            problems.append(f"{where}: text keys {sorted(set(t) ^ TEXT_KEYS)}")
            continue
        if not set(g) >= GOLD_KEYS or not set(g) <= GOLD_KEYS | {"note"}:
            problems.append(f"{where}: gold keys {sorted(set(g))}")
            continue
        if t["id"] != f"{prefix}-{n:03d}" or g["id"] != t["id"]:
            problems.append(f"{where}: ids out of order or different in the two files ({t['id']} / {g['id']})")
        if hashlib.sha256(t["text"].encode("utf-8")).hexdigest() != t["text_sha256"]:
            problems.append(f"{where}: text_sha256 does not match the text")
        if g["text_sha256"] != t["text_sha256"]:
            problems.append(f"{where}: gold text_sha256 differs from texts.jsonl")
        if t["lang"] not in LANGS:
            problems.append(f"{where}: lang {t['lang']!r}")
        if not t["channel"]:
            problems.append(f"{where}: empty channel")
        if t["date"] is not None:
            try:
                datetime.fromisoformat(t["date"])
            except ValueError:
                problems.append(f"{where}: date {t['date']!r} is not ISO")
        if g["relevant"] is not bool(g["events"]):
            problems.append(f"{where}: relevant={g['relevant']} but {len(g['events'])} events")
        if not g["relevant"] and not g.get("note"):
            problems.append(f"{where}: a negative should say in 'note' why it is not relevant")
        for k, e in enumerate(g["events"], 1):
            check_event(e, t["text"], f"{where} event {k}", problems)
        if len({e["cluster"] for e in g["events"] if isinstance(e, dict) and "cluster" in e}) != len(g["events"]):
            problems.append(f"{where}: two events of one text share a cluster")
    stats = summarise(texts, gold)
    return problems, stats


def summarise(texts: list[dict], gold: list[dict]) -> dict:
    by_lang: Counter[str] = Counter()
    pos_lang: Counter[str] = Counter()
    types: Counter[str] = Counter()
    first_types: Counter[str] = Counter()
    clusters: dict[str, set[str]] = {}
    for t, g in zip(texts, gold, strict=False):
        by_lang[t["lang"]] += 1
        if g["relevant"]:
            pos_lang[t["lang"]] += 1
            first_types[g["events"][0]["event_type"]] += 1
        for e in g["events"]:
            types[e["event_type"]] += 1
            clusters.setdefault(e["cluster"], set()).add(t["id"])
    main_clusters = {c.rstrip("abcdefghijklmnopqrstuvwxyz") for c in clusters}
    lang_of = {t["id"]: t["lang"] for t in texts}
    neg_lang = Counter(t["lang"] for t, g in zip(texts, gold, strict=False) if not g["relevant"])
    pairs = {(a, b) for ids in clusters.values() for a in ids for b in ids if a < b}
    return {
        "texts": len(texts),
        "by_lang": dict(by_lang),
        "relevant": sum(1 for g in gold if g["relevant"]),
        "relevant_by_lang": dict(pos_lang),
        "events": sum(types.values()),
        "event_types": dict(types.most_common()),
        "first_event_types": dict(first_types.most_common()),
        "clusters": len(clusters),
        "main_clusters": len(main_clusters),
        "clusters_multi_text": sum(1 for ids in clusters.values() if len(ids) > 1),
        "clusters_multi_language": sum(1 for ids in clusters.values() if len({lang_of[i] for i in ids}) > 1),
        "document_pairs_sharing_a_cluster": len(pairs),
        "negatives_by_lang": dict(neg_lang),
        "undated_texts": sum(1 for t in texts if t["date"] is None),
    }


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: validate_gold.py FOLDER  (a folder with texts.jsonl and gold.jsonl)", file=sys.stderr)
        return 2
    folder = Path(sys.argv[1])
    problems, stats = validate(folder)
    for p in problems:
        print("PROBLEM", p)
    print(json.dumps(stats, ensure_ascii=False, indent=1))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
