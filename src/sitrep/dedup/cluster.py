"""A batch of reports + their extractions → event ids per report (``sitrep cluster``).

Input: reports and, in the same order, what the extractor read from each. Output: for each
report the ids of the events its candidates belong to after merging across the batch.

Steps: (1) near-duplicate groups — MinHash LSH + rapidfuzz over the normalised text, the same
canonical article URL, a Telegram forward pointing at a post of the batch; (2) reports in
publication order, each candidate joins the best-matching event found through its lookup keys
(unit, place, and the report's text keys — ``dedup.names``: rare proper names, distinctive
numbers, the places its text names anywhere — which find only events within
``merge.NAME_LOOKUP_DAYS`` of the report's publication, as in the store; and its identifying
keys under the types it may merge with — the ``merge`` section of the codebook that read it,
``merge.rules_for`` — ``merge.cross_type_keys``, within ``merge.cross_window``) or its
near-duplicate group (``merge.match``), or starts one. Event ids derive from the first
report's key and the candidate index, so the same input always gives the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sitrep.dedup.merge import (
    MERGE_SCORE,
    NAME_KEY,
    OPEN_SPAN,
    Profile,
    cross_type_keys,
    cross_window,
    day_span,
    lookup_keys,
    match,
    name_window,
)
from sitrep.dedup.names import country_words, fold, name_keys, number_keys, place_keys
from sitrep.dedup.neardup import near_duplicate_groups, post_key, url_key
from sitrep.dedup.urls import canonical_url, telegram_post_key
from sitrep.models import EventCandidate, Extraction, Report

_LATEST = datetime.max.replace(tzinfo=UTC)


def event_id_for(report_key: str, candidate_index: int) -> str:
    """The id of an event started by candidate ``candidate_index`` of the report ``report_key``."""
    digest = hashlib.sha256(f"{report_key}#{candidate_index}".encode()).hexdigest()
    return "ev-" + digest[:16]


def report_key(report: Report) -> str:
    """A report's stable identity: source kind, channel/site and external id."""
    src = report.post.source
    return f"{src.kind}:{src.handle}:{report.post.external_id}"


def _widen(span: tuple[int, int] | None, cand: EventCandidate, published: datetime | None) -> tuple[int, int] | None:
    """An event's day span after one more member (``merge.day_span`` over UTC publications, as
    the store computes it from its rows); None while no member gives a day."""
    if published is not None:
        published = published.astimezone(UTC) if published.tzinfo else published.replace(tzinfo=UTC)
    lo, hi = day_span([(cand, published)])
    if (lo, hi) == OPEN_SPAN:
        return span
    return (lo, hi) if span is None else (min(span[0], lo), max(span[1], hi))


def _touches(span: tuple[int, int] | None, window: tuple[int, int]) -> bool:
    lo, hi = span or OPEN_SPAN
    return hi >= window[0] and lo <= window[1]


def report_names(report: Report) -> tuple[str, ...]:
    """Rare proper-name keys, distinctive-number keys (``#500``), the gazetteer places named
    anywhere (``@g703448``) and the foreign countries named or whose people are (``%kenya``) of a
    report's text (title included), merge evidence across languages (kept with each mention in
    the store)."""
    text = report.post.text
    if report.post.title and report.post.title not in text:
        text = report.post.title + ".\n" + text
    return text_names(text, report.lang)


def text_names(text: str, lang: str | None) -> tuple[str, ...]:
    """``report_names`` of a text (its title already in it)."""
    countries = country_words(text)
    # a people's name ("Indian", "Yemeni") is its country's evidence, not a rare name besides
    demonyms = {fold(word) for _, word in countries}
    names = tuple(n for n in name_keys(text, lang) if n not in demonyms)
    return names + number_keys(text) + place_keys(text, lang) + tuple(dict.fromkeys(k for k, _ in countries))


def _published(report: Report) -> datetime:
    p = report.post.published_at
    if p is None:
        return _LATEST
    return p.replace(tzinfo=UTC) if p.tzinfo is None else p


def forward_target(report: Report) -> tuple[str, str] | None:
    """(channel, message id) of the post this one forwards, when Telegram says so."""
    ref = report.post.forwarded_from_id
    if not ref:
        return None
    found = telegram_post_key(ref)
    if found:
        return found
    if "/" in ref:
        channel, _, msg = ref.rpartition("/")
        if msg.isdigit() and channel:
            return channel.lower().lstrip("@"), msg
    return None


def duplicate_groups(reports: Sequence[Report]) -> list[int]:
    """For each report (in the given order) the index of the first report of its group."""
    parent = near_duplicate_groups([r.norm_text for r in reports])

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    owners: dict[int, int] = {}
    for i, rep in enumerate(reports):
        post = rep.post
        keys = []
        if post.url:
            canon = canonical_url(post.url)
            if canon:
                keys.append(url_key(canon))
            tme = telegram_post_key(post.url)
            if tme:
                keys.append(post_key(*tme))
        if post.source.kind != "web" and post.external_id.isdigit():
            keys.append(post_key(post.source.handle, post.external_id))
        for k in keys:
            if k in owners:
                union(owners[k], i)
            else:
                owners[k] = i
    for i, rep in enumerate(reports):
        target = forward_target(rep)
        if target and post_key(*target) in owners:
            union(owners[post_key(*target)], i)
    return [root(i) for i in range(len(reports))]


def cluster_documents(
    reports: Sequence[Report],
    extractions: Sequence[Extraction],
    vectors: Sequence[Any] | None = None,
) -> list[list[str]]:
    """Event ids per document after merging across the batch (stable across reruns).

    ``vectors``: optional text embeddings per report (``dedup.embed``; None for a report
    without one), extra evidence for cross-language matches.
    """
    if len(reports) != len(extractions) or (vectors is not None and len(vectors) != len(reports)):
        raise ValueError(f"{len(reports)} reports but {len(extractions)} extractions: pass them in pairs")
    order = sorted(range(len(reports)), key=lambda i: (_published(reports[i]), report_key(reports[i]), i))
    ordered = [reports[i] for i in order]
    groups = duplicate_groups(ordered)
    events: dict[str, Profile] = {}
    members: dict[str, set[int]] = {}
    spans: dict[str, tuple[int, int] | None] = {}  # day span of each event's members, as the store keeps it
    by_key: dict[str, list[str]] = {}
    by_group: dict[int, list[str]] = {}
    result: list[list[str]] = [[] for _ in reports]
    for pos, i in enumerate(order):
        rep, ex = reports[i], extractions[i]
        if not ex.relevant:
            continue
        published = rep.post.published_at
        group = groups[pos]
        vec = vectors[i] if vectors is not None else None
        names = report_names(rep) if ex.events else ()
        window, cross = name_window(published), cross_window(published)
        for k, cand in enumerate(ex.events):
            mine = Profile(cand.event_type)
            mine.add(cand, published, group, vec, names)
            keys = lookup_keys(cand, names)
            seen: list[str] = []
            for key in keys:
                if NAME_KEY not in key:
                    seen.extend(by_key.get(key, ()))
                elif window is not None:  # the store's narrower window for rare-name keys
                    seen.extend(e for e in by_key.get(key, ()) if _touches(spans[e], window))
            for key in cross_type_keys(cand, names):  # events of the types it may merge with
                near = window if NAME_KEY in key else cross
                if near is not None:
                    seen.extend(e for e in by_key.get(key, ()) if _touches(spans[e], near))
            seen.extend(by_group.get(group, ()))
            best: tuple[float, str] | None = None
            for eid in dict.fromkeys(seen):
                if i in members[eid]:
                    continue  # the extractor said these are two events of one report
                score = match(mine, events[eid])
                if score is not None and score >= MERGE_SCORE and (best is None or score > best[0]):
                    best = (score, eid)
            if best is None:
                eid = event_id_for(report_key(rep), k)
                events[eid] = Profile(cand.event_type)
                members[eid] = set()
                spans[eid] = None
            else:
                eid = best[1]
            spans[eid] = _widen(spans[eid], cand, published)
            events[eid].add(cand, published, group, vec, names)
            members[eid].add(i)
            for key in keys:
                if eid not in by_key.setdefault(key, []):
                    by_key[key].append(eid)
            if eid not in by_group.setdefault(group, []):
                by_group[group].append(eid)
            if eid not in result[i]:
                result[i].append(eid)
    return result
