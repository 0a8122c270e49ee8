"""Core commands: ingest, search, stats, sources, failures, demo."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from sitrep import pipeline
from sitrep.cli import app
from sitrep.cli.common import console, get_settings, out, print_json
from sitrep.models import IngestSummary


class _RichProgress(pipeline.Progress):
    """Bytes read (with ETA when the size is known) and items per second."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task: TaskID | None = None
        self.items = 0

    def start(self, target: str, total_bytes: int | None) -> None:
        name = target if len(target) < 50 else "…" + target[-49:]
        self.task = self.bar.add_task(name, total=total_bytes, items=0, start=True)
        self.items = 0

    def advance(self, nbytes: int) -> None:
        if self.task is not None:
            self.bar.advance(self.task, nbytes)

    def item(self) -> None:
        self.items += 1
        if self.task is not None and self.items % 200 == 0:
            self.bar.update(self.task, items=self.items)

    def finish(self, target: str) -> None:
        if self.task is not None:
            total = self.bar.tasks[self.task].total
            self.bar.update(self.task, items=self.items, completed=total if total else None)


def _items_per_s(task: object) -> str:
    items = task.fields.get("items", 0)  # type: ignore[attr-defined]
    elapsed = task.elapsed or 0  # type: ignore[attr-defined]
    rate = items / elapsed if elapsed else 0
    return f"{items:,} items · {rate:,.0f}/s"


class _ItemsColumn(TextColumn):
    def render(self, task: object) -> Text:  # type: ignore[override,unused-ignore]
        return Text(_items_per_s(task))


def print_summary(summary: IngestSummary) -> None:
    console.print(
        f"[bold]new reports[/] {summary.new_reports:,} · [bold]unchanged[/] {summary.unchanged:,} · "
        f"[bold]new versions[/] {summary.new_versions:,} · [bold]skipped[/] {summary.skipped:,} "
        f"(service messages, empty posts) · [bold]failures[/] {summary.failures:,} · "
        f"[bold]event mentions[/] {summary.events:,} (merged into events: [bold]sitrep events[/])"
    )
    if summary.inputs_unreadable:
        console.print(f"[red]{summary.inputs_unreadable} of {summary.inputs} inputs could not be read[/]")
    for msg in summary.failure_messages[:10]:
        console.print(f"[yellow]failed:[/] {msg}")
    if summary.failures > 10:
        console.print("see all failures with [bold]sitrep failures[/]")


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders (Telegram exports) or URLs.")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    enqueue: Annotated[
        bool,
        typer.Option("--enqueue", help="Queue the work for `sitrep worker` processes (PostgreSQL team mode) instead."),
    ] = False,
) -> None:
    """Ingest Telegram exports, t.me/s pages, JSONL dumps, articles, URL lists and feeds.

    Exit code 0 when everything went in, 1 when some items failed, 2 when nothing could be read.
    """
    settings = get_settings()
    if enqueue:
        from sitrep.watch.queue import enqueue_ingest

        queued = enqueue_ingest(settings, targets)
        console.print(f"queued {queued} ingest job(s); `sitrep queue` shows their progress")
        return
    store = pipeline.open_settings_store(settings)
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        _ItemsColumn(""),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, disable=quiet, transient=False) as bar:
        summary = pipeline.ingest(targets, settings, store, progress=_RichProgress(bar))
    print_summary(summary)
    raise typer.Exit(summary.exit_code)


def _parse_day(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        console.print(f"[red]error:[/] {option} {value!r} is not a date; write it as 2023-07-02")
        raise typer.Exit(2) from exc
    from datetime import UTC

    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; Russian/Ukrainian words match in any case form.")],
    channel: Annotated[str | None, typer.Option(help="Only this channel (handle or title).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published before this date (YYYY-MM-DD).")] = None,
    lang: Annotated[str | None, typer.Option(help="Only this language: ru, uk or en.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Most results shown.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per result.")] = False,
) -> None:
    """Ranked full-text search over stored reports, with highlighted snippets."""
    from sitrep.enrich.highlight import snippet

    settings = get_settings()
    store = pipeline.open_settings_store(settings)
    hits = pipeline.search(
        store,
        query,
        channel=channel,
        since=_parse_day(since, "--since"),
        until=_parse_day(until, "--until"),
        lang=lang,
        limit=limit,
    )
    groups, _ = pipeline.parse_query(query)
    for hit in hits:
        snip = snippet(hit.text, groups)
        if as_json:
            row = dataclasses.asdict(hit)
            row["snippet"] = snip.marked("[", "]")
            print_json(row)
            continue
        when = hit.published_at.strftime("%Y-%m-%d %H:%M") if hit.published_at else "?"
        out.print(
            Text.assemble(
                (f"{hit.channel_title or hit.channel}", "bold cyan"),
                f" #{hit.external_id} ",
                (when, "dim"),
                f" [{hit.lang}]",
            )
        )
        out.print(snip.rich())
        if hit.url:
            out.print(Text(hit.url, style="dim"))
        out.print()
    if not hits and not as_json:
        console.print("no results")


@app.command("stats")
def stats_cmd(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Counts of sources, reports, versions, raw items, events and failures."""
    settings = get_settings()
    from sitrep.store.queries import stats

    counts = stats(pipeline.open_settings_store(settings))
    if as_json:
        print_json(counts)
        return
    for key, value in counts.items():
        out.print(f"{key:16} {value:>10,}")


@app.command("sources")
def sources_cmd(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Each channel/site: reports, first/last date, and gaps in Telegram message ids."""
    settings = get_settings()
    from sitrep.store.queries import source_health

    rows = source_health(pipeline.open_settings_store(settings))
    if as_json:
        for row in rows:
            print_json(dataclasses.asdict(row))
        return
    table = Table(
        "id", "kind", "channel / site", "reports", "first", "last", "missing ids", "biggest gaps", "last error"
    )
    for r in rows:
        table.add_row(
            str(r.id),
            r.kind,
            Text(r.title or r.handle),
            f"{r.reports:,}",
            r.first_date.date().isoformat() if r.first_date else "",
            r.last_date.date().isoformat() if r.last_date else "",
            f"{r.missing_ids:,}",
            ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in r.gaps[:3]),
            Text(r.last_error or ""),
        )
    out.print(table)


@app.command("failures")
def failures_cmd(
    limit: Annotated[int, typer.Option(min=1, help="Most failures shown.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """What failed, where and why (newest first)."""
    settings = get_settings()
    from sitrep.store.queries import list_failures

    rows = list_failures(pipeline.open_settings_store(settings), limit)
    if as_json:
        for row in rows:
            print_json(row)
        return
    if not rows:
        console.print("no failures")
    for row in rows:
        times = f" ×{row['count']}" if row["count"] > 1 else ""
        out.print(
            Text.assemble(
                (row["stage"], "yellow"), f"{times} ", (row["origin"], "bold"), f" {row['position']}: ", row["reason"]
            )
        )
