"""The spine: every entry point (CLI, watcher, workers, tests) goes through these functions.

``ingest`` runs, for each input:

1. **collect** — ``sources.read`` yields posts, skipped items and failures;
2. **preserve** — media files are archived by SHA-256 (raw items are stored with the report);
3. **enrich** — language, normalised text, lemmas;
4. **store** — raw item + report (+ new version when the text changed), one transaction per batch;
5. **extract** — codebook events for reports whose current version has not been read yet;
6. **merge** — candidates join existing events or start new ones.

Steps 5–6 pick up *pending* reports from the store (``extracted_version != version``), so a run
killed at any moment is completed by the next one and ends in the same database.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sitrep import sources
from sitrep.archive import preserve_media
from sitrep.enrich import enrich_posts
from sitrep.enrich.lemmas import TOKEN, query_lemmas
from sitrep.enrich.normalize import normalize
from sitrep.models import Extraction, Failure, IngestSummary, Post, Report, Skipped
from sitrep.settings import Settings
from sitrep.sources import SourceContext
from sitrep.store import Store, open_store
from sitrep.store.sql import SaveOutcome

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from sitrep.store.events import Pending
    from sitrep.store.queries import SearchHit


class Progress:
    """Progress sink: the CLI draws a bar; the default does nothing."""

    def start(self, target: str, total_bytes: int | None) -> None:
        """A new input begins."""

    def advance(self, nbytes: int) -> None:
        """``nbytes`` more of the current input were read."""

    def item(self) -> None:
        """One more item was handled."""

    def finish(self, target: str) -> None:
        """The current input is done."""


def open_settings_store(settings: Settings) -> Store:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return open_store(settings.db_url)


# Allocations between young-generation collections while ingesting (CPython's default: 700).
# A batch keeps ~100k small objects alive (rows, keys, parameter tuples) for its whole
# length; at the default each one was scanned by several young and middle collections, and
# their promotion into the old generation set off ~100 full collections of the whole heap:
# 2.3 of the 30 CPU-seconds of the 22k-post stream went to the collector, 0.2 s at 50,000,
# with the same peak RSS (reference counting frees nearly everything; only cyclic garbage
# waits for a collection, and a batch makes little of it).
_GC_YOUNG = 50_000
_GC_MIDDLE = 20


@contextmanager
def _bulk_collector() -> Iterator[None]:
    """Collect cyclic garbage less often while a bulk job runs; the old thresholds come back after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], _GC_YOUNG), max(old[1], _GC_MIDDLE), old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@dataclass
class _Batch:
    posts: list[Post]
    base_dir: Path | None


def ingest(
    targets: Iterable[str],
    settings: Settings,
    store: Store,
    progress: Progress | None = None,
    ctx_factory: Callable[[Settings], SourceContext] | None = None,
) -> IngestSummary:
    """Ingest files, folders and URLs into the store; returns the counts for the summary."""
    with _bulk_collector():
        return _ingest(targets, settings, store, progress, ctx_factory)


def _ingest(
    targets: Iterable[str],
    settings: Settings,
    store: Store,
    progress: Progress | None,
    ctx_factory: Callable[[Settings], SourceContext] | None,
) -> IngestSummary:
    progress = progress or Progress()
    summary = IngestSummary()
    ctx = ctx_factory(settings) if ctx_factory else SourceContext(settings=settings)
    ctx.on_bytes = progress.advance
    for target in targets:
        summary.inputs += 1
        progress.start(target, sources.size_of(target))
        base_dir = _media_base(target)
        batch = _Batch([], base_dir)
        got_any = False
        read_failed = False
        # 1. collect
        for item in sources.read(target, ctx):
            progress.item()
            if isinstance(item, Failure):
                store.record_failure(item)
                summary.failures += 1
                if len(summary.failure_messages) < 20:
                    summary.failure_messages.append(item.reason)
                read_failed = read_failed or item.stage == "read" and not item.position
                continue
            got_any = True
            if isinstance(item, Skipped):
                summary.skipped += 1
                continue
            batch.posts.append(item)
            if len(batch.posts) >= settings.batch_size:
                _flush(batch, settings, store, summary)
        _flush(batch, settings, store, summary)
        if read_failed and not got_any:
            summary.inputs_unreadable += 1
            summary.failures -= 1  # counted as an unreadable input, not as a failed item
        progress.finish(target)
    summary.events += process_pending(settings, store)
    return summary


def ingest_posts(posts: Iterable[Post], settings: Settings, store: Store) -> IngestSummary:
    """Steps 2–6 for posts a live collector already holds (Telegram watcher, feed poller, worker).

    The collector archived any downloaded media itself, so step 2 has no folder to copy from.
    """
    summary = IngestSummary()
    batch = _Batch([], None)
    with _bulk_collector():
        for post in posts:
            batch.posts.append(post)
            if len(batch.posts) >= settings.batch_size:
                _flush(batch, settings, store, summary)
        _flush(batch, settings, store, summary)
        summary.events += process_pending(settings, store)
    return summary


def _media_base(target: str) -> Path | None:
    if sources.is_url(target):
        return None
    path = Path(target)
    return path if path.is_dir() else path.parent


def _flush(batch: _Batch, settings: Settings, store: Store, summary: IngestSummary) -> None:
    if not batch.posts:
        return
    posts = batch.posts
    batch.posts = []
    # 2. preserve media files
    if settings.copy_media and batch.base_dir is not None:
        archive_dir, max_bytes = settings.archive_dir, settings.max_media_bytes  # computed once, not per post
        posts = [preserve_media(p, batch.base_dir, archive_dir, max_bytes) if p.media else p for p in posts]
    # 3. enrich
    reports = enrich_posts(posts, settings.max_text_chars)
    # 4. store (and, when nothing else waits, link near duplicates in the same transaction)
    for outcome in store.save_reports(reports, after=_inline_linker(settings, store)):
        if outcome.status == "new":
            summary.new_reports += 1
        elif outcome.status == "version":
            summary.new_versions += 1
        else:
            summary.unchanged += 1


_PENDING_IDS = "SELECT id FROM reports WHERE extracted_version IS NULL OR extracted_version != version LIMIT ?"


def _inline_linker(
    settings: Settings, store: Store
) -> Callable[[Connection, list[tuple[SaveOutcome, Report]]], None] | None:
    """Step 6 without extraction, done where the batch is saved (SQLite, no embeddings).

    With extraction off, step 6 only links near duplicates and forwards and marks the reports
    done (``store.events.apply_batch``). Done in the save transaction it needs neither a
    second transaction that rewrites every report page nor a re-read of the reports it was
    just handed, and a kill still leaves whole batches: saved-and-linked or not at all. It
    runs only when this batch's new texts are all that is pending — the same reports, in the
    same id order, that ``process_pending`` would link next, so the links are the same.
    Otherwise (reports left pending by an earlier run) ``process_pending`` does it all in order.
    """
    if settings.extract_events or settings.dedup_embeddings or not store.is_sqlite:
        return None

    def link(conn: Connection, saved: list[tuple[SaveOutcome, Report]]) -> None:
        changed: dict[int, tuple[int, Report]] = {}
        for outcome, rep in saved:
            if outcome.status != "unchanged":  # a new report or a new version: pending now
                changed[outcome.report_id] = (outcome.version, rep)  # the last version saved wins
        if not changed:
            return
        pending = {int(r[0]) for r in conn.exec_driver_sql(_PENDING_IDS, (len(changed) + 1,))}
        if pending != changed.keys():
            return
        from sitrep.store.dup_links import link_duplicates_many, store_dup_of  # numpy, rapidfuzz: not for search

        items = sorted(changed.items())
        linked = link_duplicates_many(conn, [(rid, rep) for rid, (_v, rep) in items])
        store_dup_of(conn, linked, [version for _rid, (version, _r) in items])

    return link


class ExtractorLike(Protocol):
    """What steps 5–6 need of the codebook extractor (``sitrep.extract.Extractor``)."""

    codebook_version: str

    def extract_many(self, reports: Sequence[Report]) -> list[Extraction]:
        """One ``Extraction`` per report, in order."""
        ...

    def extract(self, report: Report) -> Extraction:
        """The ``Extraction`` of one report."""
        ...


def process_pending(settings: Settings, store: Store, extractor: ExtractorLike | None = None) -> int:
    """Steps 5–6 over every report whose current version has not been extracted yet.

    5. **extract** the pending reports of a batch (``settings.batch_size``, in id order);
    6. **merge**: link near duplicates and forwards, store candidates as mentions, join them to
       existing events or start new ones (``store.events.apply_batch``), set
       ``extracted_version`` — all in one transaction per batch, so a run killed at any moment
       leaves whole batches pending and the next run ends in the same database.

    ``extractor`` is the seam for tests; by default the codebook extractor from
    ``settings.codebook``. With ``settings.dedup_embeddings`` relevant reports are also
    embedded (``dedup.embed``) as cross-language merge evidence. With
    ``settings.extract_events`` off only near duplicates are linked.
    Returns the number of event candidates stored.
    """
    from sitrep.dedup.embed import embedder_from_settings
    from sitrep.store.events import apply_batch, load_pending

    if extractor is None and settings.extract_events:
        from sitrep.extract import Extractor

        extractor = Extractor.load(settings.codebook)
    version = extractor.codebook_version if extractor is not None else ""
    if not store.is_sqlite:
        return _process_shared(settings, store, extractor, version)
    embedder = embedder_from_settings(settings.dedup_embeddings, settings.embeddings_model)
    stored = 0
    after = 0
    while True:
        pending = load_pending(store, settings.batch_size, after_id=after)
        if not pending:
            return stored
        after = pending[-1].report_id
        extractions: list[Extraction | None] = [None] * len(pending)
        if extractor is not None:
            extractions = list(_extract_all(extractor, pending, store))
        stored += apply_batch(store, list(zip(pending, extractions, strict=True)), version, embedder)


def _process_shared(settings: Settings, store: Store, extractor: ExtractorLike | None, version: str) -> int:
    """Steps 5–6 on PostgreSQL, where several workers run at once (``store.claims``).

    5. claim a batch of pending reports no other worker holds, extract it, stage the results;
       after each batch, merge if no other worker is merging;
    6. merge the staged reports in id order under the merge lock, then look again: work staged by
       a worker that found the lock taken is merged by the lock holder, never stranded.
    One process alone claims, extracts and merges everything, like the SQLite loop.
    """
    from sitrep.dedup.embed import embedder_from_settings
    from sitrep.store.claims import claim_and_stage, head_is_staged, merge_lock, merge_staged
    from sitrep.store.events import apply_batch

    embedder = embedder_from_settings(settings.dedup_embeddings, settings.embeddings_model)

    def apply(store: Store, run: list[tuple[Pending, Extraction | None]], version: str) -> int:
        return apply_batch(store, run, version, embedder)

    def extract(pending: list[Pending]) -> list[Extraction | None]:
        if extractor is None:
            return [None] * len(pending)
        return _extract_all(extractor, pending, store)

    stored = 0
    while True:
        claimed = claim_and_stage(store, settings.batch_size, version, extract)
        while True:
            with merge_lock(store, wait=False) as got:
                if not got:
                    break  # the holder merges what we staged when it looks again below
                stored += merge_staged(store, settings.batch_size, apply)
            if not head_is_staged(store):
                break
        if not claimed:
            return stored


def _extract_all(extractor: ExtractorLike, pending: Sequence[Pending], store: Store) -> list[Extraction | None]:
    """Extract a batch; when the batch fails, report by report, recording each failure."""
    reports = [p.report for p in pending]
    try:
        return list(extractor.extract_many(reports))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        pass  # one bad report spoils the batch call: find it below, report by report
    out: list[Extraction | None] = []
    for item in pending:
        try:
            out.append(extractor.extract(item.report))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
            store.record_failure(
                Failure(
                    origin=f"report {item.report_id}",
                    position=item.report.post.external_id,
                    stage="extract",
                    reason=f"extractor failed on report {item.report_id} v{item.version}: "
                    f"{type(exc).__name__}: {str(exc)[:200]}; fix the extractor, then reset extracted_version",
                )
            )
            out.append(None)
    return out


def parse_query(text: str) -> tuple[list[set[str]], list[str]]:
    """Query words → (lemma alternatives per word, the normalised word used as a prefix)."""
    groups: list[set[str]] = []
    prefixes: list[str] = []
    for word in TOKEN.findall(normalize(text))[:16]:  # bound the query size
        groups.append(query_lemmas(word))
        prefixes.append(word)
    return groups, prefixes


def search(store: Store, text: str, **filters: object) -> list[SearchHit]:
    """Full-text search with Cyrillic inflections: "Бахмут" finds "Бахмуте"."""
    from sitrep.store.queries import SearchQuery, search_reports  # not needed by ingest: imported here

    groups, prefixes = parse_query(text)
    return search_reports(store, SearchQuery(groups=groups, prefixes=prefixes, **filters))  # type: ignore[arg-type]
