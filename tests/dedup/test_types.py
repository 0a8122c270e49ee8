"""Neighbouring event types, an event's majority type, coarse-date disagreements and count keys
(``merge.type_relation``, ``merge.cross_type_ok``, ``Profile.main_type``, ``merge.cross_type_keys``),
in the batch (``cluster_documents``) and in the store (``pipeline.process_pending``)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from dedup_helpers import TableExtractor, cand, report
from sqlalchemy import select

from sitrep.dedup import cluster_documents
from sitrep.dedup.cluster import report_names
from sitrep.dedup.merge import (
    MERGE_SCORE,
    Profile,
    lookup_keys,
    majority_type,
    match,
    query_keys,
    type_relation,
)
from sitrep.models import EventCandidate
from sitrep.pipeline import process_pending
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.schema import events, mentions

# Written for these tests: men of one territorial-defence brigade film an appeal after leaving
# their positions (ru, uk: typed appeal), and prosecutors open desertion cases a week later (en).
APPEAL_RU = (
    "Бойцы 123-й бригады теробороны записали видео: их бросили под Угледаром с одними автоматами "
    "против танков, и они ушли с позиций."
)
APPEAL_UK = "Бійці 123-ї бригади ТрО записали відео: їх кинули у Вугледар лише з автоматами, тож вони вийшли з позицій."
CASE_EN = (
    "Military prosecutors opened cases of unauthorised abandonment of positions against soldiers of the "
    "123rd brigade who walked away from the front near Vuhledar."
)
CASE_LATE_EN = "A court in Mykolaiv heard the first case against a soldier of the 123rd brigade who left Vuhledar."
BRIGADE = ["123rd territorial defence brigade"]
TABLE = {
    "123-й": [cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
    "123-ї": [cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
    "prosecutors": [cand("desertion", units=BRIGADE, places=["Vuhledar"])],
    "court in": [cand("desertion", units=BRIGADE, places=["Vuhledar"])],
}


def _at(c: EventCandidate, day: int, names: tuple[str, ...] = ()) -> Profile:
    p = Profile(c.event_type)
    p.add(c, datetime(2024, 5, day, 12, tzinfo=UTC), None, None, names)
    return p


def test_type_relations_follow_the_codebook_neighbours() -> None:
    assert type_relation("appeal", "appeal") == "same"
    for a, b in (
        ("appeal", "desertion"),
        ("refusal", "appeal"),
        ("abuse", "appeal"),
        ("protest", "appeal"),
        ("refusal", "desertion"),
        ("abuse", "refusal"),
    ):
        assert type_relation(a, b) == "neighbour"
    assert type_relation("coercion", "appeal") == type_relation("protest", "coercion") == "named"
    for a, b in (("protest", "desertion"), ("protest", "refusal"), ("abuse", "desertion"), ("coercion", "other")):
        assert type_relation(a, b) is None
    assert majority_type(["appeal", "desertion", "desertion"]) == "desertion"
    assert majority_type(["desertion", "appeal", "appeal", "desertion"]) == "desertion"  # tie: the earliest


def test_neighbouring_types_merge_only_on_stronger_evidence() -> None:
    appeal = cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")
    case = cand("desertion", units=BRIGADE, places=["Vuhledar"])
    same_type = match(_at(appeal, 3), _at(dataclasses.replace(case, event_type="appeal"), 9)) or 0
    cross = match(_at(appeal, 3), _at(case, 9))
    assert cross is not None and MERGE_SCORE <= cross == same_type - 1.0  # the margin: a same-type event wins
    assert match(_at(appeal, 3), _at(case, 12)) is None  # published 9 days apart
    # never across types that are not neighbours
    assert match(_at(dataclasses.replace(appeal, event_type="protest"), 3), _at(case, 3)) is None
    # a dated case weeks before the appeal: the dates disagree, no override across types
    dated = dataclasses.replace(case, event_date="2024-04-01", date_precision="day")
    assert match(_at(appeal, 3), _at(dated, 3)) is None


def test_a_marines_appeal_and_a_relatives_rally_elsewhere_stay_apart() -> None:
    # One brigade number and rare names in both, but the appeal is in Mariupol, the rally in Kyiv.
    names = ("volin", "azovstal")
    appeal = cand("appeal", units=["36th marine brigade"], places=["Mariupol"], date="2024-05-03")
    rally = cand("protest", units=["36th marine brigade"], places=["Kyiv"], date="2024-05-03")
    assert match(_at(appeal, 3, names), _at(rally, 3, names)) is None
    # a region, a count and a day agree but nothing identifies the event: enough for one type only
    a = cand("appeal", places=["Donetsk Oblast"], date="2024-05-03", count=7)
    b = dataclasses.replace(a, event_type="protest")
    assert (match(_at(a, 3), _at(dataclasses.replace(b, event_type="appeal"), 3)) or 0) >= MERGE_SCORE
    assert match(_at(a, 3), _at(b, 3)) is None


def test_coercion_merges_with_another_type_only_with_a_shared_rare_name() -> None:
    # Migrants rounded up in St Petersburg: told as forced enlistment and as the men's appeal.
    raid = cand("coercion", places=["Saint Petersburg"], date="2024-05-03", count=200)
    appeal = dataclasses.replace(raid, event_type="appeal")
    assert match(_at(raid, 3), _at(appeal, 4)) is None
    assert (match(_at(raid, 3, ("kuzminsk",)), _at(appeal, 4, ("kuzminsk",))) or 0) >= MERGE_SCORE
    keys = query_keys(appeal, ("kuzminsk", "@g498817"))
    assert "coercion|t:kuzminsk" in keys and "coercion|t:@g498817" not in keys
    assert not any(k.startswith("coercion|p:") for k in keys)
    desertion = query_keys(cand("desertion", units=BRIGADE, places=["Vuhledar"]), ())
    assert {"appeal|u:brigade:123", "appeal|p:vuhledar", "refusal|u:brigade:123"} <= set(desertion)
    assert not any(k.startswith(("protest|", "abuse|")) for k in desertion)
    assert set(lookup_keys(appeal)) <= set(query_keys(appeal))


def test_coercion_merges_with_another_type_on_a_specific_place_and_its_count(
    any_store: Store, any_settings: Settings
) -> None:
    # Written for these tests: fourteen men from Pokhara lured into army contracts (coercion), and
    # their families' appeal to the government to bring the fourteen home (appeal), a day apart.
    lured = cand("coercion", places=["Pokhara"], count=14)
    families = dataclasses.replace(lured, event_type="appeal")
    assert (match(_at(lured, 3), _at(families, 4)) or 0) >= MERGE_SCORE
    # the place alone, or with another count, identifies nothing across types
    assert match(_at(lured, 3), _at(dataclasses.replace(families, people_count=30), 4)) is None
    assert match(_at(lured, 3), _at(dataclasses.replace(families, people_count=None), 4)) is None
    # a big city and its count neither (two raids in St Petersburg, 200 men each)
    raid = cand("coercion", places=["Saint Petersburg"], count=200)
    assert match(_at(raid, 3), _at(dataclasses.replace(raid, event_type="appeal"), 4)) is None
    # nor published more than a week apart
    assert match(_at(lured, 3), _at(families, 14)) is None
    # the coercion report finds the appeal event by the place, in the batch and in the store alike
    assert "appeal|p:pokhara" in query_keys(lured)
    reps = [report("1", "Families appeal for fourteen men", 3, "en_a"), report("2", "Lured into contracts", 4, "en_b")]
    table = {"Families": [families], "Lured": [lured]}
    batch = cluster_documents(reps, TableExtractor(table).extract_many(reps))
    assert batch[0] == batch[1]
    any_store.save_reports(reps)
    process_pending(any_settings, any_store, TableExtractor(table))
    with any_store.engine.connect() as conn:
        rows = conn.execute(select(mentions.c.event_id).order_by(mentions.c.report_id)).all()
    assert [r.event_id for r in rows] == [b[0] for b in batch]


def test_the_batch_and_the_store_merge_neighbouring_types_alike(any_store: Store, any_settings: Settings) -> None:
    reps = [
        report("1", APPEAL_RU, 3, "ru_chan"),
        report("2", APPEAL_UK, 4, "uk_chan"),
        report("3", CASE_EN, 9, "en_site"),
        report("4", CASE_LATE_EN, 20, "en_court"),
    ]
    batch = cluster_documents(reps, TableExtractor(TABLE).extract_many(reps))
    assert batch[0] == batch[1] == batch[2] != batch[3]
    any_store.save_reports(reps)
    process_pending(any_settings, any_store, TableExtractor(TABLE))
    with any_store.engine.connect() as conn:
        rows = conn.execute(
            select(mentions.c.report_id, mentions.c.event_id, mentions.c.candidate).order_by(mentions.c.report_id)
        ).all()
        assert [r.event_id for r in rows] == [b[0] for b in batch]  # the batch's very ids
        kinds = {r.id: r.event_type for r in conn.execute(select(events.c.id, events.c.event_type))}
    assert kinds[batch[0][0]] == "appeal" and kinds[batch[3][0]] == "desertion"
    assert [r.candidate["event_type"] for r in rows] == ["appeal", "appeal", "desertion", "desertion"]


def test_the_event_type_is_the_majority_of_its_mentions(any_store: Store, any_settings: Settings) -> None:
    # Men who left their unit, reported first as deserters, then twice through their appeal.
    table = {
        "prosecutors": [cand("desertion", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
        "123-й": [cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
        "123-ї": [cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
    }
    reps = [report("1", CASE_EN, 3, "en_site"), report("2", APPEAL_RU, 4, "ru"), report("3", APPEAL_UK, 5, "uk")]
    ids = cluster_documents(reps, TableExtractor(table).extract_many(reps))
    assert ids[0] == ids[1] == ids[2]
    any_store.save_reports(reps[:2])
    process_pending(any_settings, any_store, TableExtractor(table))
    with any_store.engine.connect() as conn:
        assert conn.execute(select(events.c.event_type)).scalars().all() == ["desertion"]  # a tie: the earliest
    any_store.save_reports(reps[2:])
    process_pending(any_settings, any_store, TableExtractor(table))
    with any_store.engine.connect() as conn:
        assert conn.execute(select(events.c.id, events.c.event_type)).all() == [(ids[0][0], "appeal")]


def test_a_month_on_one_side_is_outweighed_by_less_than_a_day() -> None:
    # "A similar video in November showed ..." read as the event's month by one report.
    names = ("iakushchenk", "nuzhin")
    video = cand("abuse", units=["Wagner"], date="2023-02-19", count=1)
    month = dataclasses.replace(video, event_date="2022-11-01", date_precision="month")
    assert (match(_at(video, 3, names), _at(month, 3, names)) or 0) >= MERGE_SCORE
    assert match(_at(video, 3, names), _at(dataclasses.replace(month, date_precision="day"), 3)) is None
    assert match(_at(video, 3, names), _at(month, 10, names)) is None  # published a week apart
    assert match(_at(video, 3), _at(month, 3)) is None  # a named unit alone: not enough


# Written for these tests: one women's colony's recruits, no unit and no place in either text.
COLONY_RU = "Из одной из женских колоний в октябре на войну уехали около ста заключённых: им обещали помилование."
COLONY_EN = (
    "Roughly 100 inmates of one women's penal colony left for the front in October after being promised pardons."
)


def test_reports_with_no_unit_or_place_are_found_by_their_people_count(
    any_store: Store, any_settings: Settings
) -> None:
    recruits = cand("coercion", date="2024-04-01", count=100)
    recruits = dataclasses.replace(recruits, date_precision="month")
    table = {"колоний": [recruits], "colony": [recruits]}
    reps = [report("1", COLONY_RU, 3, "ru"), report("2", COLONY_EN, 4, "en")]
    assert "coercion|t:#100" in lookup_keys(recruits)
    assert not any("#" in k for k in lookup_keys(dataclasses.replace(recruits, people_count=12)))
    ids = cluster_documents(reps, TableExtractor(table).extract_many(reps))
    assert ids[0] == ids[1]
    any_store.save_reports(reps)
    process_pending(any_settings, any_store, TableExtractor(table))
    with any_store.engine.connect() as conn:
        assert conn.execute(select(mentions.c.event_id).order_by(mentions.c.report_id)).scalars().all() == [
            ids[0][0],
            ids[1][0],
        ]


def test_an_analysts_type_decides_what_may_join_the_event(store: Store, settings: Settings) -> None:
    from sitrep.review.events import edit

    table = {
        "123-й": [cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
        "123-ї": [cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")],
        "prosecutors": [cand("desertion", units=BRIGADE, places=["Vuhledar"])],
    }
    pair = [report("1", APPEAL_RU, 3, "ru"), report("3", CASE_EN, 4, "en")]
    ids = cluster_documents(pair, TableExtractor(table).extract_many(pair))
    assert ids[0] == ids[1]  # left to the rules, the prosecutors' report joins the men's appeal
    store.save_reports(pair[:1])
    process_pending(settings, store, TableExtractor(table))
    with store.engine.connect() as conn:
        (eid,) = conn.execute(select(events.c.id)).scalars().all()
    # the analyst reads the men's video as their relatives' protest: a desertion is no neighbour of it
    edit(store, eid, "analyst", "event_type", "protest")
    store.save_reports([report("3", CASE_EN, 4, "en")])
    process_pending(settings, store, TableExtractor(table))
    # an appeal is a neighbour of the protest: the Ukrainian report still joins; the type stays the analyst's
    store.save_reports([report("2", APPEAL_UK, 4, "uk")])
    process_pending(settings, store, TableExtractor(table))
    with store.engine.connect() as conn:
        by_report = dict(conn.execute(select(mentions.c.report_id, mentions.c.event_id)).all())
        kinds = dict(conn.execute(select(events.c.id, events.c.event_type)).all())
    assert by_report[1] == by_report[3] == eid != by_report[2]
    assert kinds[eid] == "protest" and kinds[by_report[2]] == "desertion"


def test_events_of_a_neighbouring_type_are_looked_up_only_days_around(store: Store, settings: Settings) -> None:
    """Cross-type unit and place keys find only events within ``CROSS_LOOKUP_DAYS`` of the
    report's publication (a cross-type merge needs publication within a week)."""
    from sitrep.dedup.merge import cross_type_keys, cross_window
    from sitrep.store.event_lookup import candidate_events

    appeal = cand("appeal", units=BRIGADE, places=["Vuhledar"], date="2024-05-02")
    store.save_reports([report("1", APPEAL_RU, 3, "ru")])
    process_pending(settings, store, TableExtractor({"123-й": [appeal]}))
    case = cand("desertion", units=BRIGADE, places=["Vuhledar"])
    cross = cross_type_keys(case, ())
    assert cross and not set(cross) & set(lookup_keys(case))
    with store.engine.connect() as conn:
        for day, expect in ((9, 1), (20, 0)):
            published = datetime(2024, 5, day, 12, tzinfo=UTC)
            found = candidate_events(conn, [], (1, 1), -1, None, cross, cross_window(published))
            assert len(found) == expect, (day, found)
        assert candidate_events(conn, [], (1, 1), -1, None, cross, None) == []  # no publication date


# Written for these tests: a company commander's kickbacks, told as abuse (ru) and as the refusal
# of those who would not pay (uk); only the oblast, the count and the sum agree.
KICKBACK_RU = (
    "На Житомирщине командир роты требовал с подчинённых откаты с боевых выплат: семеро "
    "пострадавших, ущерб больше 450 тысяч гривен, несогласных он отправлял на самые опасные позиции."
)
KICKBACK_UK = (
    "ДБР повідомило про підозру командиру роти на Житомирщині: семеро військових, які відмовлялися "
    "віддавати йому частину бойових, втратили 450 тисяч гривень."
)


def test_a_distinctive_number_in_both_texts_identifies_an_event_across_types() -> None:
    abuse = dataclasses.replace(cand("abuse", places=["Zhytomyr Oblast"], count=7), grievances=("pay",))
    refusal = dataclasses.replace(abuse, event_type="refusal")
    reps = [report("1", KICKBACK_RU, 3, "ru"), report("2", KICKBACK_UK, 3, "uk")]
    assert {n for r in reps for n in report_names(r) if n[0].isalpha()} == set()  # no rare name: the sum
    ids = cluster_documents(reps, TableExtractor({"откаты": [abuse], "ДБР": [refusal]}).extract_many(reps))
    assert ids[0] == ids[1]
    # the same agreement without the sum (an oblast and a count) is enough for one type only
    assert (match(_at(abuse, 3), _at(dataclasses.replace(refusal, event_type="abuse"), 3)) or 0) >= MERGE_SCORE
    assert match(_at(abuse, 3), _at(refusal, 3)) is None
    assert (match(_at(abuse, 3, ("#450000",)), _at(refusal, 3, ("#450000",))) or 0) >= MERGE_SCORE
