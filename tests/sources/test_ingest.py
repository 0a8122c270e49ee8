"""The readers through the real pipeline and store: posts stored, media archived, skips counted."""

from pathlib import Path

from sitrep import pipeline
from sitrep.settings import Settings
from sitrep.store import Store


def test_ingest_export_folder_and_tme_page(fixtures: Path, settings: Settings, store: Store) -> None:
    summary = pipeline.ingest([str(fixtures / "tg_export"), str(fixtures / "tme_full.html")], settings, store)
    assert (summary.new_reports, summary.skipped, summary.failures) == (3 + 12, 3, 0)
    assert summary.exit_code == 0
    archived = list(settings.archive_dir.rglob("*"))
    assert any(p.is_file() and p.read_bytes().startswith(b"\xff\xd8") for p in archived)  # the photo
    again = pipeline.ingest([str(fixtures / "tg_export")], settings, store)
    assert (again.new_reports, again.unchanged) == (0, 3)
