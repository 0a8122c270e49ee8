"""``sitrep events`` lists what ``process_pending`` stored."""

from __future__ import annotations

import json

from dedup_helpers import TableExtractor, cand, report
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store


def test_events_json_lists_count_range_and_sources(store: Store, settings: Settings) -> None:
    reps = [
        report("1", "Бойцы 1428-го полка записали обращение, их 300 человек", 3, "a"),
        report("2", "Soldiers of the 1428th regiment, about 250 of them, appealed", 4, "b"),
    ]
    store.save_reports(reps)
    process_pending(
        settings,
        store,
        TableExtractor(
            {
                "300": [cand(units=["1428th regiment"], date="2024-05-02", count=300)],
                "250": [cand(units=["1428th regiment"], date="2024-05-02", count=250)],
            }
        ),
    )
    result = CliRunner().invoke(app, ["events", "--json", "--sources"])
    assert result.exit_code == 0, result.output
    (ev,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (ev["reports"], ev["count_low"], ev["count_high"], ev["first_channel"]) == (2, 250, 300, "a")
    assert [s["people_count"] for s in ev["sources"]] == [300, 250]
