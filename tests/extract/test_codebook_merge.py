"""A codebook's ``merge`` section (which event types may become one event): loading, the checks of
``sitrep codebook check``, and the default codebook's table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.extract.codebook import (
    DEFAULT_CODEBOOK,
    CodebookError,
    check_codebook,
    load_codebook,
    loaded_codebook,
)

runner = CliRunner()


def _book(tmp_path: Path, merge: object, name: str = "strikes", version: str = "1") -> Path:
    """A small codebook of its own types, with ``merge`` as its merge section (None: no section)."""
    spec: dict[str, object] = {
        "name": name,
        "version": version,
        "actors": {"en": ["worker*"]},
        "event_types": {
            t: {"description": f"{t} by workers", "priority": i + 1, "cues": {"en": [t]}}
            for i, t in enumerate(("strike", "walkout", "petition", "lockout"))
        },
    }
    if merge is not None:
        spec["merge"] = merge
    path = tmp_path / f"{name}-{version}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def test_the_default_codebook_lists_the_neighbouring_types() -> None:
    merge = load_codebook().spec.merge
    assert {frozenset(p) for p in merge.neighbours} == {
        frozenset(p)
        for p in (
            ("appeal", "desertion"),
            ("appeal", "refusal"),
            ("appeal", "abuse"),
            ("appeal", "protest"),
            ("refusal", "desertion"),
            ("refusal", "abuse"),
        )
    }
    assert merge.named_only == ["coercion"]
    assert check_codebook(DEFAULT_CODEBOOK)[1] == []


def test_without_a_merge_section_no_type_merges_with_another(tmp_path: Path) -> None:
    book, errors = check_codebook(_book(tmp_path, None))
    assert errors == [] and book is not None
    assert book.spec.merge.neighbours == [] and book.spec.merge.named_only == []


def test_a_good_merge_section_loads_and_is_known_by_its_version(tmp_path: Path) -> None:
    path = _book(tmp_path, {"neighbours": [["strike", "walkout"]], "named_only": ["lockout"]}, version="7")
    book = load_codebook(path)
    assert book.spec.merge.neighbours == [("strike", "walkout")]
    assert loaded_codebook("strikes/7") is book
    assert loaded_codebook("strikes/never-loaded") is None


@pytest.mark.parametrize(
    ("merge", "expected"),
    [
        ({"neighbours": [["strike", "sitin"]]}, "merge.neighbours.0 (strike, sitin): unknown type 'sitin'"),
        ({"neighbours": [["strike", "strike"]]}, "merge.neighbours.0 (strike, strike): a type paired with itself"),
        (
            {"neighbours": [["strike", "walkout"], ["walkout", "strike"]]},
            "merge.neighbours.1 (walkout, strike): the pair is listed twice",
        ),
        ({"named_only": ["sabotage"]}, "merge.named_only.0: unknown type 'sabotage'"),
        ({"named_only": ["lockout", "lockout"]}, "merge.named_only.1: 'lockout' is listed twice"),
        (
            {"neighbours": [["strike", "lockout"]], "named_only": ["lockout"]},
            "merge.named_only.0: 'lockout' is also in a merge.neighbours pair",
        ),
    ],
)
def test_merge_mistakes_are_named_one_per_line(tmp_path: Path, merge: object, expected: str) -> None:
    path = _book(tmp_path, merge)
    book, errors = check_codebook(path)
    assert book is not None and len(errors) == 1 and expected in errors[0], errors
    with pytest.raises(CodebookError, match="merge"):
        load_codebook(path)
    result = runner.invoke(app, ["codebook", "check", str(path)])
    assert result.exit_code == 1
    assert expected.split(":")[0] in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("merge", "where"),
    [
        ({"neighbours": [["strike"]]}, "merge.neighbours.0"),
        ({"neighbours": [["strike", "walkout", "petition"]]}, "merge.neighbours.0"),
        ({"pairs": [["strike", "walkout"]]}, "merge.pairs"),
        ({"named_only": "lockout"}, "merge.named_only"),
    ],
)
def test_a_malformed_merge_section_is_a_schema_error(tmp_path: Path, merge: object, where: str) -> None:
    book, errors = check_codebook(_book(tmp_path, merge))
    assert book is None and errors and all(where in e for e in errors), errors


def test_codebook_check_accepts_the_default_codebook() -> None:
    result = runner.invoke(app, ["codebook", "check", str(DEFAULT_CODEBOOK)])
    assert result.exit_code == 0, result.output
