"""The CLI: sitrep extract (aligned output, bad lines), sitrep eval, sitrep codebook check."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.extract.codebook import DEFAULT_CODEBOOK

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "extract"
runner = CliRunner()


def test_extract_writes_one_line_per_input_and_flags_bad_lines(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", "--in", str(FIX / "docs.jsonl"), "--out", str(out)])
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 1  # two bad lines
    assert [x["id"] for x in lines] == ["f-1", "f-2", "f-3", "f-4", "line-5", "f-6"]
    assert [x["relevant"] for x in lines] == [True, True, False, True, False, False]
    assert "error" in lines[4] and "error" in lines[5]
    assert lines[0]["events"][0]["units"] == ["1428th regiment"]


def test_eval_prints_scores_and_baseline() -> None:
    result = runner.invoke(
        app,
        [
            "eval",
            "--texts",
            str(FIX / "docs.jsonl"),
            "--gold",
            str(FIX / "gold.jsonl"),
            "--baseline",
            "--json",
        ],
    )
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["extractor"]["relevance"]["f1"] == 1.0
    assert scores["extractor"]["type_accuracy"] == 1.0
    assert set(scores["baseline"]["relevance"]) >= {"precision", "recall", "f1"}


def test_codebook_check_accepts_default_and_explains_errors(tmp_path: Path) -> None:
    assert runner.invoke(app, ["codebook", "check", str(DEFAULT_CODEBOOK)]).exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nversion: '1'\nactors: {ru: [a*]}\nevent_types: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["codebook", "check", str(bad)])
    assert result.exit_code == 1
    assert "event_types" in result.output and "shorter than" in result.output
