"""The published interface: Extractor.load/extract/extract_many, report_from_doc, extraction_to_gold."""

from __future__ import annotations

from sitrep.extract import Extractor, extraction_to_gold, report_from_doc

# Written for this test, modelled on a news article that tells of two appeals and carries an
# unrelated teaser paragraph from another article.
ARTICLE = (
    "On July 2, the local Telegram channel Ostorozhno Novosti published a video appeal from soldiers of "
    "Russia's 1428th regiment. The mobilized men say they are being sent on assaults near Bakhmut without "
    "training and equipment.\n\n"
    "Another similar appeal was published on June 23: mobilized men from Zaporizhzhia complained about "
    "heavy losses.\n\n"
    "China, Russia Conduct Joint Pacific Military Patrol\n\n"
    "The Chinese defense ministry said the patrol near Japan is not targeted at any third party.\n\n"
    "“Within two weeks, several hundred men were out of action,” one of them said."
)


def test_reference_article_gives_two_appeals_and_nothing_from_the_teaser() -> None:
    ext = Extractor.load().extract(report_from_doc({"id": "a", "text": ARTICLE, "published": "2023-07-05"}))
    assert ext.relevant and [e.event_type for e in ext.events] == ["appeal", "appeal"]
    first, second = ext.events
    assert first.event_date == "2023-07-02" and first.units == ("1428th regiment",)
    assert [p.name for p in first.places] == ["Bakhmut"] and first.via == "Ostorozhno Novosti"
    assert second.event_date == "2023-06-23" and second.people_count == 300
    assert all("China" not in ev.text and "Chinese" not in ev.text for e in ext.events for ev in e.evidence)
    assert all(p.name not in ("China", "Japan") for e in ext.events for p in e.places)


def test_evidence_is_an_exact_substring() -> None:
    ext = Extractor.load().extract(report_from_doc({"id": "a", "text": ARTICLE}))
    for ev in ext.events[0].evidence:
        assert ARTICLE[ev.start : ev.end] == ev.text


def test_irrelevant_weather_storm() -> None:
    doc = {
        "id": "w",
        "text": "A powerful storm battered the Black Sea coast overnight, tearing down power lines.",
    }
    line = extraction_to_gold("w", Extractor.load().extract_many([report_from_doc(doc)])[0])
    assert line == {"id": "w", "relevant": False, "events": [], "score": line["score"]}


def test_no_publication_date_gives_unknown_year() -> None:
    doc = {"id": "n", "text": "2 июля бойцы 1428-го полка записали видеообращение к президенту."}
    ext = Extractor.load().extract(report_from_doc(doc))
    assert ext.events[0].event_date == "XXXX-07-02"


def test_the_real_reference_article_when_present() -> None:
    from pathlib import Path

    import pytest

    path = Path(__file__).resolve().parents[2].parent / "shared" / "examples/article-1428th-regiment.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent (the reference article is not shipped with the repository)")
    text = path.read_text(encoding="utf-8")
    ext = Extractor.load().extract(report_from_doc({"id": "ref", "text": text, "published": "2023-07-05"}))
    first, second = ext.events  # exactly two appeals
    assert (first.event_type, first.event_date, first.units, first.via) == (
        "appeal",
        "2023-07-02",
        ("1428th regiment",),
        "Ostorozhno Novosti",
    )
    assert "Bakhmut" in [p.name for p in first.places]
    assert (second.event_type, second.event_date, second.people_count) == ("appeal", "2023-06-23", 300)
    assert all("China" not in e.text and "Chinese" not in e.text for ev in ext.events for e in ev.evidence)


def test_overlapping_cues_of_one_type_count_once() -> None:
    # "держат в подвалах" matches "держать в подвал" (0.9), "держать в" and "подвал": one hit, the strongest
    from sitrep.extract.engine import Engine

    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    sig = engine.signals("Мобилизованных держат в подвалах.", "ru")
    abuse = [h for h in sig.type_hits if h.cue.label == "abuse"]
    assert len(abuse) == 1 and abuse[0].cue.weight == 0.9
    # a commander doing it (a combo, 1.0 on "держат ... в") and the basement it overlaps are one run too
    sig = engine.signals("Командиры держат мобилизованных в подвалах.", "ru")
    abuse = [h for h in sig.type_hits if h.cue.label == "abuse"]
    assert len(abuse) == 1 and abuse[0].cue.weight == 1.0


def test_a_condition_hedges_only_the_clause_after_it() -> None:
    from sitrep.extract.engine import Engine

    ex = Extractor.load()
    engine = Engine(ex.book, None, ex.engine.gaz)
    sig = engine.signals("Солдат избивают и обещают отправить в штурм, если они откажутся подписать контракт.", "ru")
    by_label = {h.cue.label: (h.sentence, h.start) in sig.hedged for h in sig.type_hits}
    assert by_label["abuse"] is False  # the beating is told as a fact
    assert by_label["refusal"] is True  # the refusal is a condition
    whole = engine.signals("Якобы солдаты отказались идти в штурм.", "ru")
    assert all((h.sentence, h.start) in whole.hedged for h in whole.type_hits)


def test_abuse_and_coercion_events_carry_the_outlet_that_made_them_public() -> None:
    # codebook 1.3 (lead's decision): `via` for abuse and coercion too, not only appeals
    beaten = (
        "Командир роты 83-й бригады избил двух мобилизованных за опоздание на построение. "
        "Видео избиения опубликовал телеграм-канал «Вёрстка»."
    )
    coerced = (
        "Conscripts of military unit 12345 were forced to sign contracts with the defence ministry, "
        "the independent outlet Mediazona reported."
    )
    for text, kind, outlet in ((beaten, "abuse", "Verstka"), (coerced, "coercion", "Mediazona")):
        ext = Extractor.load().extract(report_from_doc({"id": "v", "text": text, "published": "2024-05-02"}))
        assert ext.relevant and ext.events[0].event_type == kind
        assert ext.events[0].via == outlet
