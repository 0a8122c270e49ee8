"""`sitrep ingest` on bad input through the CLI: one-line errors naming file and position, exit 0/1/2."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.cli.common import console
from sitrep.store import open_store
from sitrep.store.queries import list_failures
from sitrep.store.schema import reports

GOOD = {"id": 1, "channel": "astra", "text": "Бойцы записали видеообращение.", "date": "2023-07-01T10:00:00Z"}
GOOD2 = {"id": 2, "channel": "astra", "text": "Мобилизованные отказались идти в штурм.", "date": "2023-07-02"}


@pytest.fixture
def run(settings, monkeypatch):  # type: ignore[no-untyped-def]
    # `settings` exports SITREP_DATA_DIR (a temporary folder) for the CLI; messages unwrapped.
    monkeypatch.setattr(console, "width", 10_000)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        env = {"SITREP_EXTRACT_EVENTS": "false"}
        return runner.invoke(app, ["ingest", "-q", *args], env=env, catch_exceptions=False)

    return invoke


def reports_count(settings) -> int:  # type: ignore[no-untyped-def]
    return open_store(settings.db_url).count(reports)


def line(obj: dict) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode() + b"\n"


def test_clean_input_exits_0(run, settings, tmp_path: Path):
    path = tmp_path / "ok.jsonl"
    path.write_bytes(line(GOOD) + line(GOOD2))
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert reports_count(settings) == 2


def test_invalid_json_line_names_file_and_line(run, settings, tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(line(GOOD) + b'{"id": 7, "text": "cut here\n' + line(GOOD2))
    result = run(str(path))
    assert result.exit_code == 1
    assert f"{path} line 2: invalid JSON" in result.output
    assert reports_count(settings) == 2


def test_truncated_json_array_keeps_items_before_the_cut(run, settings, tmp_path: Path):
    path = tmp_path / "dump.json"
    full = json.dumps([GOOD, GOOD2, dict(GOOD, id=3)], ensure_ascii=False).encode()
    path.write_bytes(full[: full.rindex(b'"id": 3') + 4])
    result = run(str(path))
    assert result.exit_code == 1
    assert f"{path}: invalid JSON after item 1" in result.output
    assert reports_count(settings) == 2


def test_cp1251_line_is_one_failure(run, settings, tmp_path: Path):
    path = tmp_path / "cp.jsonl"
    path.write_bytes(line(GOOD) + json.dumps(GOOD2, ensure_ascii=False).encode("cp1251") + b"\n")
    result = run(str(path))
    assert result.exit_code == 1
    assert f"{path} line 2: not UTF-8 text" in result.output and "re-save the file as UTF-8" in result.output
    assert reports_count(settings) == 1


def test_zip_instead_of_json_exits_2(run, settings, tmp_path: Path):
    path = tmp_path / "export.json"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("result.json", json.dumps({"messages": []}))
    result = run(str(path))
    assert result.exit_code == 2
    assert f"{path}: a ZIP archive; unzip it first" in result.output


def test_unknown_format_and_missing_file_exit_2(run, tmp_path: Path):
    text = tmp_path / "notes.txt"
    text.write_text("just some notes, not posts\n")
    assert run(str(text)).exit_code == 2
    result = run(str(tmp_path / "nope.jsonl"))
    assert result.exit_code == 2 and "no such file" in result.output


def test_one_unreadable_input_among_good_ones_exits_1(run, settings, tmp_path: Path):
    good = tmp_path / "ok.jsonl"
    good.write_bytes(line(GOOD))
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02 binary")
    assert run(str(good), str(bad)).exit_code == 1
    assert reports_count(settings) == 1


def test_100mb_single_line_is_refused_and_the_rest_ingested(run, settings, tmp_path: Path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(line(GOOD))
        fh.write(b'{"id": 9, "channel": "astra", "text": "')
        block = ("Очень длинный пост. " * 2000).encode()
        for _ in range(100 * 1024 * 1024 // len(block)):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(line(GOOD2))
    result = run(str(path))
    assert result.exit_code == 1
    assert f"{path} line 2: item of 10" in result.output and "SITREP_MAX_ITEM_BYTES" in result.output
    assert reports_count(settings) == 2


def test_failure_repeated_on_rerun_is_counted_not_duplicated(run, settings, tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(line(GOOD) + b"{broken\n")
    run(str(path))
    run(str(path))
    rows = list_failures(open_store(settings.db_url))
    assert [(r["position"], r["count"]) for r in rows] == [("line 2", 2)]


def test_cli_start_up_imports_no_heavy_libraries():
    """`sitrep --help` (and the start of every command) loads no language models, morphology,
    article extractor, password hasher or numerical library: each is imported where it is used."""
    import subprocess
    import sys

    heavy = ("lingua", "pymorphy3", "trafilatura", "argon2", "numpy", "torch", "rapidfuzz", "sentence_transformers")
    code = (
        "import sys; from typer.testing import CliRunner; from sitrep.cli import app; "
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
