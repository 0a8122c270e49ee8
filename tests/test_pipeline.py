"""The spine: summary counts, errors as data, raw items behind every report, search helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.store.schema import failures, raw_items, reports


def write(path: Path, lines: list[bytes]) -> str:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return str(path)


def post(i: int, text: str, channel: str = "astra") -> bytes:
    obj = {"id": i, "channel": channel, "text": text, "date": "2023-07-01"}
    return json.dumps(obj, ensure_ascii=False).encode()


def quiet(settings):  # type: ignore[no-untyped-def]
    return settings.model_copy(update={"extract_events": False})


def test_summary_counts_new_unchanged_skipped_failed(settings, store, tmp_path):
    lines = [post(1, "Первый пост."), post(2, "   "), b"{oops", post(3, "Третий.")]
    target = write(tmp_path / "a.jsonl", lines)
    first = pipeline.ingest([target], quiet(settings), store)
    assert (first.new_reports, first.skipped, first.failures, first.exit_code) == (2, 1, 1, 1)
    again = pipeline.ingest([target], quiet(settings), store)
    assert (again.new_reports, again.unchanged) == (0, 2)


def test_every_report_points_to_its_raw_item(settings, store, tmp_path):
    pipeline.ingest(
        [write(tmp_path / "a.jsonl", [post(1, "Текст один."), post(2, "Текст два.")])], quiet(settings), store
    )
    with store.engine.connect() as conn:
        pairs = conn.execute(
            reports.join(raw_items, raw_items.c.sha256 == reports.c.raw_sha256)
            .select()
            .with_only_columns(reports.c.external_id, raw_items.c.content)
        ).all()
    assert sorted((e, json.loads(c)["id"]) for e, c in pairs) == [("1", 1), ("2", 2)]


def test_unreadable_input_is_exit_2_and_recorded(settings, store, tmp_path):
    missing = str(tmp_path / "gone.jsonl")
    summary = pipeline.ingest([missing], quiet(settings), store)
    assert summary.exit_code == 2 and summary.inputs_unreadable == 1
    assert store.count(failures) == 1 and missing in summary.failure_messages[0]


def test_batches_smaller_than_input(settings, store, tmp_path):
    small = quiet(settings).model_copy(update={"batch_size": 7})
    lines = [post(i, f"Сообщение номер {i} о событиях.") for i in range(1, 51)]
    summary = pipeline.ingest([write(tmp_path / "a.jsonl", lines)], small, store)
    assert summary.new_reports == 50 and store.count(reports) == 50


def test_parse_query_bounds_and_folds():
    groups, prefixes = pipeline.parse_query("Ёлки " + "слово " * 40)
    assert prefixes[0] == "елки" and len(groups) == 16
    assert pipeline.parse_query("\"*'; --") == ([], [])


def test_ingest_collects_cyclic_garbage_less_often_and_restores_the_collector(settings, store, tmp_path, monkeypatch):
    import gc

    seen: list[tuple[int, int, int]] = []
    real_flush = pipeline._flush

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold())
        return real_flush(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_flush", spy)
    before = gc.get_threshold()
    target = write(tmp_path / "a.jsonl", [post(1, "Бойцы полка записали обращение."), post(2, "Second post.")])
    summary = pipeline.ingest([target], quiet(settings), store)
    assert summary.new_reports == 2
    assert seen and all(t[0] >= pipeline._GC_YOUNG and t[1] >= pipeline._GC_MIDDLE for t in seen)
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError):  # restored on the way out of a failing run too
        with pipeline._bulk_collector():
            raise RuntimeError("boom")
    assert gc.get_threshold() == before


_REPOST = (
    "Военнослужащие 1428-го полка записали видеообращение: их отправили на штурм без подготовки "
    "и без связи, командир угрожает расстрелом отказникам, родные просят прокуратуру вмешаться."
)
_POSTS = [
    ("astra", 1, _REPOST),
    ("astra", 2, "Дощ у Києві не вщухає третій день поспіль, синоптики обіцяють сонце лише в неділю."),
    ("mash", 7, _REPOST + " Подписывайтесь на наш канал."),
    ("mash", 8, "Relatives of mobilised soldiers gathered outside the ministry demanding rotation home."),
    ("sota", 3, "Relatives of mobilised soldiers gathered outside the ministry, demanding rotation home now."),
    ("sota", 4, "Совсем другая новость о погоде в Сочи на выходных, без всякой связи с армией и полком."),
    ("mash", 9, "ВАЖНО. " + _REPOST),
]


def _snapshot(st):  # type: ignore[no-untyped-def]
    from sitrep.store.schema import dedup_keys, report_key_lists, report_links

    with st.engine.connect() as conn:
        return (
            sorted(tuple(r) for r in conn.execute(report_links.select()).all()),
            sorted(
                tuple(r)
                for r in conn.execute(
                    reports.select().with_only_columns(
                        reports.c.id, reports.c.dup_of, reports.c.extracted_version, reports.c.version
                    )
                ).all()
            ),
            sorted(tuple(r) for r in conn.execute(dedup_keys.select()).all()),
            sorted(tuple(r) for r in conn.execute(report_key_lists.select()).all()),
        )


def _inputs(tmp_path: Path, edited: bool) -> list[str]:
    lines = [
        json.dumps(
            {"id": i, "channel": ch, "text": t + (" Обновлено." if edited and i == 2 else ""), "date": "2023-07-01"},
            ensure_ascii=False,
        ).encode()
        for ch, i, t in _POSTS
    ]
    return [write(tmp_path / f"{'b' if edited else 'a'}.jsonl", lines)]


def test_links_made_in_the_save_transaction_equal_the_deferred_ones(settings, store, tmp_path, monkeypatch):
    """Without extraction, near duplicates are linked where each batch is saved; the database
    ends exactly as when ``process_pending`` links them afterwards (also across edits)."""
    from sitrep.store import dup_links, open_store

    calls: list[int] = []
    real = dup_links.link_duplicates_many

    def counting(conn, items):  # type: ignore[no-untyped-def]
        calls.append(len(items))
        return real(conn, items)

    quick = settings.model_copy(update={"extract_events": False, "batch_size": 3})
    monkeypatch.setattr(dup_links, "link_duplicates_many", counting)  # only the inline path looks it up here
    for edited in (False, True):
        pipeline.ingest(_inputs(tmp_path, edited), quick, store)
    assert sum(calls) == len(_POSTS) + 1  # every report once, the edited one again

    deferred = open_store(f"sqlite:///{tmp_path / 'deferred.db'}")
    monkeypatch.setattr(pipeline, "_inline_linker", lambda _s, _st: None)
    for edited in (False, True):
        pipeline.ingest(_inputs(tmp_path, edited), quick, deferred)
    links, rows, keys, lists = _snapshot(store)
    assert (links, rows, keys, lists) == _snapshot(deferred)
    assert any(kind == "dup" for _rid, kind, *_ in links) and keys
    assert sum(len(listed.split()) for _rid, listed in lists) == len(keys)  # each report's rows, listed
    assert all(ext == version for _id, _dup, ext, version in rows)  # nothing left pending
    deferred.dispose()


def test_reports_left_pending_earlier_are_linked_first(settings, store, tmp_path):
    """A batch is linked inline only when it is all that is pending: reports an earlier run
    left pending (a run with extraction on that was killed) come first, in id order."""
    from datetime import UTC, datetime

    from sitrep.enrich import enrich_posts
    from sitrep.models import Post, RawItem, SourceRef
    from sitrep.store import open_store

    def left_pending(st):  # type: ignore[no-untyped-def]
        raw = RawItem(b"{}", "application/json", "test", datetime(2023, 7, 1, tzinfo=UTC))
        post = Post(SourceRef("jsonl", "early", None), "1", raw, _REPOST)
        st.save_reports(enrich_posts([post]))  # saved, never linked

    quick = settings.model_copy(update={"extract_events": False, "batch_size": 3})
    left_pending(store)
    pipeline.ingest(_inputs(tmp_path, False), quick, store)

    reference = open_store(f"sqlite:///{tmp_path / 'reference.db'}")
    left_pending(reference)
    pipeline.process_pending(quick, reference)
    pipeline.ingest(_inputs(tmp_path, False), quick, reference)  # inline from the first batch on
    links, rows, _keys, _lists = _snapshot(store)
    assert (links, rows) == _snapshot(reference)[:2]
    early = min(r[0] for r in rows)
    assert sum(1 for _rid, kind, target, _s in links if kind == "dup" and target == early) == 3
    reference.dispose()


def test_query_words_are_the_tokens_of_the_backtracking_pattern():
    """The possessive word pattern finds exactly what ``\\w+(?:['-]\\w+)*`` finds."""
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from sitrep.enrich.lemmas import TOKEN

    plain = re.compile(r"\w+(?:['-]\w+)*")
    alphabet = st.sampled_from(list("аб ґі-'’_1z Z.\n—«»") + ["мо'", "--", "''", "x-y"])

    @given(st.lists(alphabet, max_size=40).map("".join))
    def same(text: str) -> None:
        assert TOKEN.findall(text) == plain.findall(text)

    same()
    assert TOKEN.findall("з'їзд військово-морських сил, 5-й полк -- it-рынок") == [
        "з'їзд",
        "військово-морських",
        "сил",
        "5-й",
        "полк",
        "it-рынок",
    ]
