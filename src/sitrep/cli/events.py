"""Dedup commands: ``sitrep cluster`` (a JSONL batch → event ids) and ``sitrep events``."""

from __future__ import annotations

import dataclasses
import importlib
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from sitrep import pipeline
from sitrep.cli import app
from sitrep.cli.common import console, dumps, get_settings, out, print_json

MAX_LINE_CHARS = 2_000_000  # a JSONL line longer than this is skipped as a failure, not parsed


@app.command("cluster")
def cluster_cmd(
    in_path: Annotated[Path, typer.Option("--in", help="Documents, JSONL: {id, text, published?, channel?, url?}.")],
    out_path: Annotated[Path, typer.Option("--out", help="Output JSONL: one {id, event_ids} line per document.")],
) -> None:
    """Extract events from a batch of documents and merge them across the batch (no storage).

    Near duplicates, forwards and the same article under several URLs are grouped first; event
    candidates then join events by type, unit, place, date and count (and text meaning across
    languages with dedup_embeddings on). Event ids are stable: the same input always gives
    the same ids.
    """
    from sitrep.dedup import cluster_documents
    from sitrep.dedup.embed import embed_relevant, embedder_from_settings

    settings = get_settings()
    extract: Any = importlib.import_module("sitrep.extract")  # the codebook engine (another area)
    docs: list[dict[str, Any]] = []
    with in_path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if len(line) > MAX_LINE_CHARS:
                console.print(f"[yellow]skipped:[/] {in_path}:{lineno}: line longer than {MAX_LINE_CHARS} chars")
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                console.print(f"[yellow]skipped:[/] {in_path}:{lineno}: not JSON ({exc.msg}); fix the line")
                continue
            if not isinstance(doc, dict) or "id" not in doc or not isinstance(doc.get("text"), str):
                console.print(f'[yellow]skipped:[/] {in_path}:{lineno}: needs an "id" and a "text" string')
                continue
            docs.append(doc)
    reports = [extract.report_from_doc(d) for d in docs]
    extractor = extract.Extractor.load(settings.codebook)
    extractions = extractor.extract_many(reports)
    vectors = None
    embedder = embedder_from_settings(settings.dedup_embeddings, settings.embeddings_model)
    if embedder is not None:  # settings.dedup_embeddings: cross-language evidence
        vectors = embed_relevant(embedder, reports, [e.relevant for e in extractions])
    ids = cluster_documents(reports, extractions, vectors)
    with out_path.open("w", encoding="utf-8") as fh:
        for doc, event_ids in zip(docs, ids, strict=True):
            fh.write(dumps({"id": doc["id"], "event_ids": event_ids}) + "\n")
    n_events = len({e for row in ids for e in row})
    console.print(f"{len(docs):,} documents · {n_events:,} events → {out_path}")


@app.command("events")
def events_cmd(
    status: Annotated[
        str | None,
        typer.Option("--status", help="Only events with this status: new, confirmed, rejected, merged."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Most events listed.")] = 50,
    sources: Annotated[bool, typer.Option("--sources", help="Also list every report of each event.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output, one object per event.")] = False,
) -> None:
    """List events, newest first: reports, first source, people count range (low–best–high)."""
    from sitrep.store.event_reads import event_sources, list_events

    store = pipeline.open_settings_store(get_settings())
    rows = list_events(store, status=status, limit=limit)
    if as_json:
        for ev in rows:
            obj = dataclasses.asdict(ev)
            if sources:
                obj["sources"] = [dataclasses.asdict(s) for s in event_sources(store, ev.id)]
            print_json(obj)
        return
    table = Table("id", "type", "status", "date", "reports", "first source", "count low–best–high", "units · places")
    for ev in rows:
        first = (
            f"{ev.first_channel or '?'} {ev.first_published_at:%Y-%m-%d}"
            if ev.first_published_at
            else (ev.first_channel or "?")
        )
        counts = "–".join("?" if c is None else str(c) for c in (ev.count_low, ev.count_best, ev.count_high))
        table.add_row(
            ev.id + (" 🔒" if ev.locked else ""),
            ev.event_type,
            ev.status,
            ev.event_date or "",
            str(ev.reports),
            first,
            counts if ev.count_best is not None else "",
            "; ".join(ev.units + ev.places)[:80],
        )
    out.print(table)
    if sources:
        for ev in rows:
            out.print(f"[bold]{ev.id}[/]")
            for s in event_sources(store, ev.id):
                link = (
                    f" forwards #{s.forward_of}"
                    if s.forward_of
                    else (f" repeats #{s.duplicate_of}" if s.duplicate_of else "")
                )
                typed = f" as {s.event_type}" if s.event_type and s.event_type != ev.event_type else ""
                out.print(
                    f"  {'*' if s.is_first_source else ' '} #{s.report_id} {s.channel}/{s.external_id} "
                    f"{s.published_at or ''} count={'-' if s.people_count is None else s.people_count}{typed}{link}"
                )
