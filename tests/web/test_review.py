"""Review actions: each one audited in the same transaction, locking the event."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sitrep.review import corrections as corr
from sitrep.review import events as rev
from sitrep.review.users import LoginThrottled, authenticate
from sitrep.store.schema import audit_log, event_facets, events, mentions
from sitrep.store.web_records import event_detail


def _event(store, eid):
    with store.engine.connect() as conn:
        return conn.execute(select(events).where(events.c.id == eid)).one()


def test_confirm_and_reject_are_audited_and_lock(store, data):
    rev.confirm(store, data["appeal"], "ana")
    rev.reject(store, data["refusal"], "ana", "not a refusal")
    assert (_event(store, data["appeal"]).status, _event(store, data["appeal"]).locked) == ("confirmed", True)
    audit = event_detail(store, data["refusal"]).audit
    assert (audit[0].actor, audit[0].before, audit[0].after, audit[0].note) == (
        "ana",
        "new",
        "rejected",
        "not a refusal",
    )


def test_edit_with_selected_evidence(store, data):
    rev.edit(
        store,
        data["appeal"],
        "ana",
        "units",
        "1428th regiment, Storm Z",
        rev.EvidenceChoice(data["reports"][0], "Бойцы 1428-го полка"),
    )
    d = event_detail(store, data["appeal"])
    assert d.event.units == ["1428th regiment", "Storm Z"]
    assert any(e["field"] == "units" and e["start"] == 0 for e in d.mentions[0].evidence)
    with store.engine.connect() as conn:
        facets = {
            v
            for (v,) in conn.execute(
                select(event_facets.c.value).where(
                    event_facets.c.event_id == data["appeal"], event_facets.c.facet == "unit"
                )
            )
        }
    assert facets == {"1428th regiment", "Storm Z"}
    assert d.audit[0].before == ["1428th regiment"]


def test_bad_values_and_evidence_are_refused_without_change(store, data):
    with pytest.raises(rev.ReviewError):
        rev.edit(store, data["appeal"], "ana", "event_date", "2023-13-45")
    with pytest.raises(rev.ReviewError):
        rev.edit(store, data["appeal"], "ana", "via", "x", rev.EvidenceChoice(data["reports"][0], "not in text"))
    with store.engine.connect() as conn:
        assert conn.execute(select(audit_log)).first() is None


def test_merge_moves_mentions_and_split_moves_them_back(store, data):
    rev.merge(store, data["refusal"], data["appeal"], "ana")
    src = _event(store, data["refusal"])
    assert (src.status, src.merged_into) == ("merged", data["appeal"])
    d = event_detail(store, data["appeal"])
    assert len(d.mentions) == 3 and "Avdiivka" in [p["name"] for p in d.event.places]
    moved = [m.id for m in d.mentions if m.report_id == data["reports"][2]]
    new_id = rev.split(store, data["appeal"], moved, "ana")
    with store.engine.connect() as conn:
        owners = {r for (r,) in conn.execute(select(mentions.c.event_id))}
    assert owners == {data["appeal"], new_id}
    assert _event(store, new_id).locked and [a.action for a in event_detail(store, new_id).audit] == ["split"]
    with pytest.raises(rev.ReviewError):
        rev.split(store, new_id, moved, "ana")  # the last report must stay


def test_accepted_correction_changes_the_event_through_the_audit(store, data):
    cid = corr.submit(
        store,
        corr.Suggestion(data["appeal"], "около 300 человек", "200, not 300", "people_count", "200"),
        "client1",
    )
    audit_id = corr.accept(store, cid, "ana")
    assert _event(store, data["appeal"]).people_count == 200
    entry = event_detail(store, data["appeal"]).audit[0]
    assert (entry.id, entry.action, entry.after) == (audit_id, "correction", 200)
    with pytest.raises(rev.ReviewError):
        corr.accept(store, cid, "ana")


def test_login_throttling_locks_after_repeated_failures(store, data):
    for _ in range(5):
        assert authenticate(store, "ana", "wrong password") is None
    with pytest.raises(LoginThrottled):
        authenticate(store, "ana", "correct horse battery")
