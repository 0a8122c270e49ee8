"""Per-type rules and function words are codebook data (codebook 1.8): a codebook of other type names gets the
engine's behaviours by its fields (`speaks_for`, `lone_member`, `describes_when_subordinate`) and word groups, not by
the default codebook's names; `sitrep codebook check` explains the groups it cannot read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.codebook import check_codebook, load_codebook
from sitrep.models import Extraction

runner = CliRunner()


def _spec(**mutiny: Any) -> dict[str, Any]:
    """A shipyard codebook: sailors' mutinies, beatings and petitions; ``mutiny`` adds fields to the mutiny type."""
    return {
        "name": "shipyard",
        "version": "1",
        "relevance_threshold": 0.5,
        "actors": {"en": ["sailor", "sailors", "crew"]},
        "relative_words": {"en": ["who"]},
        "reasons": {"en": ["after"]},
        "reasons_for": {"en": ["for"]},
        "not_reasons": {"en": ["that"]},
        "event_types": {
            "mutiny": {
                "description": "sailors refuse orders",
                "priority": 2,
                "cues": {"en": [["mutinied", 1.0]]},
                **mutiny,
            },
            "beating": {
                "description": "officers beat sailors",
                "priority": 3,
                "cues": {"en": [["beaten", 0.8]]},
            },
            "petition": {
                "description": "a petition for the crew",
                "priority": 1,
                "cues": {"en": [["petitioned", 1.0]]},
                "speaks_for": 2,
            },
        },
    }


def _extract(tmp_path: Path, spec: dict[str, Any], text: str) -> Extraction:
    path = tmp_path / f"shipyard-{abs(hash(yaml.safe_dump(spec)))}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return Extractor(load_codebook(path), None).extract(report_from_doc({"id": "t", "text": text, "lang": "en"}))


def test_the_default_codebook_sets_the_fields_the_engine_once_named_in_code() -> None:
    types = load_codebook().spec.event_types
    assert {n for n, t in types.items() if t.lone_member} == {"desertion", "abuse", "refusal", "coercion"}
    assert {n for n, t in types.items() if t.describes_when_subordinate} == {"refusal", "appeal"}
    assert {n: t.speaks_for for n, t in types.items() if t.speaks_for} == {"appeal": 2}


def test_a_lone_member_type_counts_the_one_sailor_it_names(tmp_path: Path) -> None:
    text = "A sailor mutinied on the cruiser Varyag in port, the fleet's press office said."
    lone = _extract(tmp_path, _spec(lone_member=True), text)
    assert [(e.event_type, e.people_count) for e in lone.events] == [("mutiny", 1)]
    plain = _extract(tmp_path, _spec(), text)
    assert [(e.event_type, e.people_count) for e in plain.events] == [("mutiny", None)]


def test_a_describing_type_told_in_a_relative_clause_names_who_not_what(tmp_path: Path) -> None:
    # the mutiny says whom the officers beat: the beating is the act, as "soldiers who refused were beaten"
    text = "Sailors who mutinied last week were beaten by their officers in the brig, relatives said."
    described = _extract(tmp_path, _spec(describes_when_subordinate=True), text)
    assert [e.event_type for e in described.events] == ["beating"]
    told = _extract(tmp_path, _spec(), text)
    assert [e.event_type for e in told.events] == ["mutiny"]
    # the same field without the codebook's relative words: nothing marks the clause
    no_words = _spec(describes_when_subordinate=True)
    del no_words["relative_words"]
    assert [e.event_type for e in _extract(tmp_path, no_words, text).events] == ["mutiny"]


def test_a_reason_adjunct_reads_the_codebooks_words(tmp_path: Path) -> None:
    # a mutiny that wins over a beating (as a refusal over the abuse of refusers) still gives way when it is only
    # why the beating befell them: "beaten ... after they mutinied", "shot dead after he refused"
    text = "Two sailors were beaten by the boatswain after they mutinied at dinner, the crew said."
    described = _extract(tmp_path, _spec(describes_when_subordinate=True, wins_over=["beating"]), text)
    assert [e.event_type for e in described.events] == ["beating"]
    told = _extract(tmp_path, _spec(wins_over=["beating"]), text)
    assert [e.event_type for e in told.events] == ["mutiny"]
    # "after that": what came next (`not_reasons`), not why
    then = "Two sailors were beaten by the boatswain, and after that they mutinied at dinner, the crew said."
    reasoned = _spec(describes_when_subordinate=True, wins_over=["beating"])
    assert [e.event_type for e in _extract(tmp_path, reasoned, then).events] == ["mutiny"]
    del reasoned["not_reasons"]
    assert [e.event_type for e in _extract(tmp_path, reasoned, then).events] == ["beating"]


def test_a_speaks_for_type_reaches_the_sailor_named_two_sentences_before(tmp_path: Path) -> None:
    text = (
        "A sailor from Murmansk has not been paid for a year since he was wounded. "
        "His papers were lost in March, his wife says. "
        "The union petitioned the ministry on Monday."
    )
    spec = _spec()
    assert [e.event_type for e in _extract(tmp_path, spec, text).events] == ["petition"]
    spec["event_types"]["petition"]["speaks_for"] = 0
    assert not _extract(tmp_path, spec, text).relevant


def test_the_check_explains_function_words_the_engine_cannot_read(tmp_path: Path) -> None:
    spec = _spec()
    spec["relative_words"] = {"en": ["who", "the one who"]}
    spec["reasons"] = {"en": ["becaus*"]}
    spec["hedges"] = {"en": ["allegedly"]}
    spec["forward_hedges"] = {"en": ["allegedly", "if"]}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    _, errors = check_codebook(path)
    assert len(errors) == 3
    assert "relative_words.en.1 ('the one who'): an entry here is 1 word(s), this one has 3" in errors[0]
    assert "reasons.en.0 ('becaus*'): whole words only here" in errors[1]
    assert "forward_hedges.en.1 ('if'): not the first word of any hedges cue" in errors[2]
    result = runner.invoke(app, ["codebook", "check", str(path)])
    assert result.exit_code == 1 and "forward_hedges.en.1" in result.output


def test_the_check_names_a_type_wins_over_does_not_know(tmp_path: Path) -> None:
    # a codebook that renamed its types but kept the default's precedence
    spec = _spec(wins_over=["abuse"])
    path = tmp_path / "renamed.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    _, errors = check_codebook(path)
    # the file lists its types in key order (yaml.safe_dump sorts them): the message follows the file
    assert errors == [
        f"{path}: event_types.mutiny.wins_over: unknown type 'abuse' (event_types: beating, mutiny, petition)"
    ]
