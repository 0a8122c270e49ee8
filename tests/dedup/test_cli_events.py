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


def test_events_sources_show_the_type_each_report_gave(store: Store, settings: Settings) -> None:
    # One brigade's men: prosecutors' desertion case first, then two reports of their appeal video.
    unit = ["123rd territorial defence brigade"]
    reps = [
        report("1", "Prosecutors opened desertion cases against soldiers of the 123rd brigade near Vuhledar", 3, "a"),
        report("2", "Бойцы 123-й бригады теробороны записали видеообращение из-под Угледара", 4, "b"),
        report("3", "Бійці 123-ї бригади ТрО записали відеозвернення з-під Вугледара", 5, "c"),
    ]
    store.save_reports(reps)
    process_pending(
        settings,
        store,
        TableExtractor(
            {
                "Prosecutors": [cand("desertion", units=unit, places=["Vuhledar"], date="2024-05-02")],
                "123-й": [cand("appeal", units=unit, places=["Vuhledar"], date="2024-05-02")],
                "123-ї": [cand("appeal", units=unit, places=["Vuhledar"], date="2024-05-02")],
            }
        ),
    )
    result = CliRunner().invoke(app, ["events", "--json", "--sources"])
    assert result.exit_code == 0, result.output
    (ev,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert ev["event_type"] == "appeal"  # the majority of its reports
    assert [s["event_type"] for s in ev["sources"]] == ["desertion", "appeal", "appeal"]
    table = CliRunner().invoke(app, ["events", "--sources"], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    lines = [line for line in table.stdout.splitlines() if line.strip().startswith(("*", "#"))]
    assert len(lines) == 3 and "as desertion" in lines[0] and "as " not in lines[1] + lines[2]
