"""``sitrep ingest --enqueue``: which jobs a list of inputs becomes (no database needed)."""

from __future__ import annotations

from pathlib import Path


def test_enqueue_splits_a_folder_into_one_job_per_file(tmp_path: Path) -> None:
    from sitrep.watch.queue import split_targets

    (tmp_path / "dumps").mkdir()
    for name in ("b.json", "a.json", ".hidden"):
        (tmp_path / "dumps" / name).write_text("{}")
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "result.json").write_text("{}")  # a Telegram Desktop export stays whole
    got = split_targets([str(tmp_path / "dumps"), str(tmp_path / "export"), "https://example.org/feed"])
    assert got == [
        str(tmp_path / "dumps" / "a.json"),
        str(tmp_path / "dumps" / "b.json"),
        str(tmp_path / "export"),
        "https://example.org/feed",
    ]
