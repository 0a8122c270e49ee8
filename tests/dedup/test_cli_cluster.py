"""``sitrep cluster`` with the real codebook extractor: one event told in ru/uk/en, one other event."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.settings import Settings

DOCS = Path(__file__).parents[1] / "fixtures" / "dedup" / "cluster_docs.jsonl"


def test_cluster_puts_one_event_in_three_languages_together(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(app, ["cluster", "--in", str(DOCS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ids = {row["id"]: row["event_ids"] for row in map(json.loads, out.read_text().splitlines())}
    assert ids.keys() == {"ru-1", "uk-1", "en-1", "other-1"}
    assert ids["ru-1"] == ids["uk-1"] == ids["en-1"] and len(ids["ru-1"]) == 1
    assert ids["other-1"] and not set(ids["other-1"]) & set(ids["ru-1"])
