"""The types that may merge come from the codebook that read the candidates (its ``merge`` section,
``merge.MergeRules`` / ``merge.rules_for``): a custom codebook's neighbours merge in the batch
(``cluster_documents``) and in the store (``pipeline.process_pending``) alike, and without the
section its types merge only with their own type."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import yaml
from dedup_helpers import TableExtractor, cand, report
from sqlalchemy import select

from sitrep.dedup import cluster_documents
from sitrep.dedup.merge import MergeRules, Profile, cross_type_keys, match, rules_for, type_relation
from sitrep.extract.codebook import load_codebook
from sitrep.models import EventCandidate, Report
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.schema import mentions

# Written for these tests: crew members of one numbered ship sign a letter about unpaid wages, and
# prosecutors open cases against crew of the same ship for leaving it, a few days later.
LETTER_EN = "Crew of the 412th detachment ship signed a letter in Sevastopol about months of unpaid wages."
CASE_EN = "Prosecutors opened cases against crew of the 412th detachment who left their ship in Sevastopol."
UNIT = ["412th detachment"]


def _book(tmp_path: Path, version: str, merge: dict[str, object] | None) -> str:
    spec: dict[str, object] = {
        "name": "crews",
        "version": version,
        "actors": {"en": ["crew"]},
        "event_types": {
            t: {"description": t, "priority": i + 1, "cues": {"en": [t]}}
            for i, t in enumerate(("letter", "leaving", "mutiny"))
        },
    }
    if merge is not None:
        spec["merge"] = merge
    path = tmp_path / f"crews-{version}.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    return load_codebook(path).version


class VersionedTable(TableExtractor):
    """The table extractor, its candidates stamped with one codebook's version."""

    def __init__(self, table: dict[str, list[EventCandidate]], version: str) -> None:
        super().__init__({k: [dataclasses.replace(c, codebook_version=version) for c in v] for k, v in table.items()})
        self.codebook_version = version


TABLE = {
    "signed a letter": [cand("letter", units=UNIT, places=["Sevastopol"], date="2024-05-02")],
    "Prosecutors": [cand("leaving", units=UNIT, places=["Sevastopol"])],
}


def _reports() -> list[Report]:
    return [report("1", LETTER_EN, 3, "chan_a"), report("2", CASE_EN, 6, "chan_b")]


def test_default_rules_are_the_default_codebooks_table() -> None:
    rules = rules_for("")
    assert rules.relation("appeal", "desertion") == rules.relation("abuse", "refusal") == "neighbour"
    assert rules.relation("coercion", "protest") == "named"
    assert rules.relation("protest", "desertion") is None
    assert rules.relation("letter", "leaving") is None  # types of no loaded codebook
    assert rules_for("military-grievances/0.1") == rules  # a version no longer loaded: the default codebook
    assert type_relation("appeal", "refusal") == "neighbour"


def test_a_custom_codebooks_neighbours_merge_in_the_batch_and_the_store(
    tmp_path: Path, any_store: Store, any_settings: Settings
) -> None:
    version = _book(tmp_path, "2", {"neighbours": [["letter", "leaving"]]})
    assert rules_for(version) == MergeRules(
        frozenset({"letter", "leaving", "mutiny"}), frozenset({frozenset({"letter", "leaving"})})
    )
    extractor = VersionedTable(TABLE, version)
    reps = _reports()
    batch = cluster_documents(reps, extractor.extract_many(reps))
    assert batch[0] == batch[1]
    any_store.save_reports(reps)
    process_pending(any_settings, any_store, extractor)
    with any_store.engine.connect() as conn:
        stored = [r.event_id for r in conn.execute(select(mentions.c.event_id).order_by(mentions.c.report_id))]
    assert stored == [b[0] for b in batch]  # the batch's very ids


def test_without_a_merge_section_types_merge_only_with_their_own_type(tmp_path: Path) -> None:
    version = _book(tmp_path, "3", None)
    reps = _reports()
    ids = cluster_documents(reps, VersionedTable(TABLE, version).extract_many(reps))
    assert ids[0] != ids[1]
    same = {k: [dataclasses.replace(c, event_type="letter") for c in v] for k, v in TABLE.items()}
    ids = cluster_documents(reps, VersionedTable(same, version).extract_many(reps))
    assert ids[0] == ids[1]  # the very evidence merges one type


def test_named_only_types_need_a_rare_name(tmp_path: Path) -> None:
    version = _book(tmp_path, "4", {"named_only": ["mutiny"]})
    rules = rules_for(version)
    assert rules.relation("mutiny", "letter") == rules.relation("leaving", "mutiny") == "named"
    assert rules.relation("letter", "leaving") is None
    mutiny, letter = (
        dataclasses.replace(c, codebook_version=version)
        for c in (cand("mutiny", units=UNIT, places=["Sevastopol"]), cand("letter", units=UNIT, places=["Sevastopol"]))
    )
    plain = [_profile(mutiny, 3, ()), _profile(letter, 4, ())]
    assert match(plain[0], plain[1]) is None  # a shared unit and place: not enough across types
    named = [_profile(mutiny, 3, ("kravets", "oleksiy")), _profile(letter, 4, ("kravets", "oleksiy"))]
    score = match(named[0], named[1])
    assert score is not None and score >= 2.5
    # lookup keys under the other types come from the same rules
    assert any(k.startswith("letter|t:kravets") for k in cross_type_keys(mutiny, ("kravets",)))
    assert not any(k.startswith("appeal") for k in cross_type_keys(mutiny, ("kravets",)))


def test_the_candidates_codebook_decides_over_the_default_one(tmp_path: Path) -> None:
    # a custom codebook that reuses default type names but lets none of them merge
    version = _book(tmp_path, "5", None)
    appeal, desertion = (
        cand("appeal", units=UNIT, places=["Sevastopol"]),
        cand("desertion", units=UNIT, places=["Sevastopol"]),
    )
    default = match(_profile(appeal, 3, ()), _profile(desertion, 4, ()))
    assert default is not None  # the default codebook: neighbours
    custom = [dataclasses.replace(c, codebook_version=version) for c in (appeal, desertion)]
    assert match(_profile(custom[0], 3, ()), _profile(custom[1], 4, ())) is None
    assert match(_profile(custom[0], 3, ()), _profile(custom[1], 4, ()), rules_for("")) == default


def _profile(c: EventCandidate, day: int, names: tuple[str, ...]) -> Profile:
    p = Profile(c.event_type)
    p.add(c, datetime(2024, 5, day, 12, tzinfo=UTC), None, None, names)
    return p
