"""Batch near-duplicate linking gives exactly the links of one-at-a-time linking, on both backends."""

from __future__ import annotations

import random
from pathlib import Path

from dedup_helpers import report
from sqlalchemy import select, update

from sitrep.dedup import neardup
from sitrep.models import Report
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store, open_store
from sitrep.store.schema import dedup_keys, report_links, reports

BASE = [
    "Бойцы 1428-го полка записали видеообращение: их бросили под Бахмутом без связи и еды",
    "Жены мобилизованных вышли на протест в Курске, мужей держат на фронте без ротации",
    "В Казани открыли новый мост, движение по нему запустят в июле этого года",
]


def _reports(seed: int) -> list[Report]:
    """Reposts with footers, forwards of earlier posts, the same article URL, unrelated posts."""
    rng = random.Random(seed)
    out: list[Report] = []
    for i in range(40):
        text = rng.choice(BASE) + rng.choice(["", " Подписывайтесь на канал", f" Источник {i % 3}"])
        channel = rng.choice(["astra", "mash", "rian"])
        fwd = f"astra/{rng.randint(1, i)}" if i and rng.random() < 0.2 else None
        url = "https://example.org/story?utm_source=tg" if rng.random() < 0.15 else None
        unrelated = rng.random() < 0.3
        body = f"Курс валют {i} на сегодня и погода {i * 7} градусов, прогноз на неделю" if unrelated else text
        out.append(report(str(i + 1), body, 1 + i % 20, channel, url=url, fwd=fwd))
    return out


def _links(store: Store) -> tuple[list[tuple[object, ...]], ...]:
    with store.engine.connect() as conn:
        return (
            [tuple(r) for r in conn.execute(select(reports.c.id, reports.c.dup_of).order_by(reports.c.id))],
            [
                tuple(r)
                for r in conn.execute(select(report_links).order_by(report_links.c.report_id, report_links.c.kind))
            ],
            [tuple(r) for r in conn.execute(select(dedup_keys).order_by(dedup_keys.c.report_id, dedup_keys.c.key))],
        )


def _run(store: Store, settings: Settings, batch: int) -> tuple[list[tuple[object, ...]], ...]:
    settings.batch_size = batch
    process_pending(settings, store)
    return _links(store)


def _reset(store: Store, forget: bool) -> None:
    """Mark every report pending again; ``forget``: also drop its keys, links and group."""
    with store.engine.begin() as conn:
        if forget:
            conn.execute(dedup_keys.delete())
            conn.execute(report_links.delete())
            conn.execute(update(reports).values(dup_of=None))
        conn.execute(update(reports).values(extracted_version=None))


def test_batch_links_equal_one_at_a_time(any_store: Store, any_settings: Settings) -> None:
    any_settings.extract_events = False
    any_store.save_reports(_reports(7))
    whole = _run(any_store, any_settings, 500)
    assert whole[1], "the generated input has reposts"
    _reset(any_store, forget=False)  # relink with every report's old keys and links in place
    rerun = _run(any_store, any_settings, 500)
    _reset(any_store, forget=True)
    assert _run(any_store, any_settings, 1) == whole
    _reset(any_store, forget=False)
    assert _run(any_store, any_settings, 7) == rerun


def test_edits_relink_the_same_whatever_the_batches(settings: Settings, tmp_path: Path) -> None:
    settings.extract_events = False
    first = _reports(3)
    edits = [
        report(r.post.external_id, BASE[k % 3] + " правка", 2, r.post.source.handle) for k, r in enumerate(first[:12])
    ]
    results = []
    for batch in (500, 5):
        store = open_store(f"sqlite:///{tmp_path / f'b{batch}.db'}")
        store.save_reports(first)
        _run(store, settings, 500)
        store.save_reports(edits)  # new versions: relinked while their old keys are stored
        results.append(_run(store, settings, batch))
        store.dispose()
    assert results[0] == results[1] and results[0][1]


def test_bulk_minhash_keys_equal_per_text_keys() -> None:
    texts = [r.norm_text for r in _reports(11)] + ["слишком коротко", "раз два три четыре пять шесть"]
    per_text: list[list[int]] = []
    for t in texts:
        words = neardup.tokens(t)
        if len(words) < neardup.MIN_TOKENS:
            per_text.append([])
            continue
        sig = neardup._signatures([neardup._shingle_hashes(words)])
        per_text.append(neardup._band_keys(sig).tolist()[0])
    assert neardup.text_keys_many(texts) == per_text


def test_permutations_are_datasketchs() -> None:
    import datasketch
    import pytest

    if not datasketch.__version__.startswith("2."):
        pytest.skip("the stored keys follow datasketch 2's default permutation scheme")
    expected = datasketch.MinHash(num_perm=neardup.NUM_PERM, seed=neardup.SEED).permutations
    assert neardup._PERMS.dtype == expected.dtype and (neardup._PERMS == expected).all()


def test_lookups_read_the_oldest_rows_of_the_keys_that_exist(any_store: Store) -> None:
    """More keys than one ranged statement takes: the existence probe first, then the oldest
    ``limit`` rows of each key found (a boilerplate key shared by every report included)."""
    from sitrep.store.dup_links import _CHUNK, _sharing

    any_store.save_reports(_reports(3))
    with any_store.engine.begin() as conn:
        ids = sorted(int(r[0]) for r in conn.execute(select(reports.c.id)))
        boiler = -(2**62)
        rows = [(boiler, rid) for rid in ids] + [(k, ids[k % len(ids)]) for k in range(1, 300, 3)]
        rows += [(k, ids[(k + 5) % len(ids)]) for k in range(1, 60, 3)]  # two reports under some keys
        conn.execute(dedup_keys.insert(), [{"key": k, "report_id": r} for k, r in rows])
        limits = {k: 1 + k % 3 for k in range(600)} | {boiler: 5, 2**62: 7}
        assert len(limits) > _CHUNK
        want: dict[int, list[int]] = {}
        for key, limit in limits.items():
            found = sorted(r for k, r in rows if k == key)[:limit]
            if found:
                want[key] = found
        assert _sharing(conn, limits) == want
        assert want[boiler] == ids[:5]


def _confirm_without_cutoff(a: str, b: str) -> float:
    """``neardup.confirm`` as it was before rapidfuzz was given the thresholds as score cut-offs."""
    from rapidfuzz import fuzz

    a, b = a[: neardup.MAX_SHINGLE_CHARS], b[: neardup.MAX_SHINGLE_CHARS]
    if not a or not b or min(len(a), len(b)) / max(len(a), len(b)) < neardup.LENGTH_RATIO_MIN:
        return 0.0
    r = fuzz.ratio(a, b)
    if r >= neardup.RATIO_MIN:
        return r
    ts = fuzz.token_set_ratio(a, b)
    return ts if ts >= neardup.TOKEN_SET_MIN else 0.0


def test_confirm_scores_as_without_cutoffs() -> None:
    """The cut-offs only make rapidfuzz stop early: every score (links store it) stays the same."""
    rng = random.Random(7)
    words = " ".join(BASE).lower().split() + ["подписывайтесь", "канал", "источник", "1", "2"]
    pairs = []
    for _ in range(3000):
        a = rng.sample(words, rng.randint(1, 30))
        b = list(a)
        for _edit in range(rng.randint(0, 6)):  # a repost: words changed, dropped, added or moved
            op = rng.randrange(4)
            if op == 0 and b:
                b[rng.randrange(len(b))] = rng.choice(words)
            elif op == 1 and b:
                b.pop(rng.randrange(len(b)))
            elif op == 2:
                b.insert(rng.randint(0, len(b)), rng.choice(words))
            elif b:
                b.append(b.pop(rng.randrange(len(b))))
        pairs.append((" ".join(a), " ".join(b)))
    scores = [neardup.confirm(a, b) for a, b in pairs]
    assert scores == [_confirm_without_cutoff(a, b) for a, b in pairs]
    assert sum(1 for s in scores if s) > 300  # near duplicates confirmed at both thresholds...
    assert sum(1 for s in scores if not s) > 300  # ...and pairs turned down
