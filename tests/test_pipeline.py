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
