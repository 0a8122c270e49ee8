"""Continuous-collection commands: watch, channels, worker, queue, alerts (see ``docs/cli.md``)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import signal
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from sitrep import pipeline
from sitrep.cli import app
from sitrep.cli.common import console, get_settings, out, print_json
from sitrep.models import SourceRef
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.watch.telegram import TelegramClient

channels_app = typer.Typer(help="The Telegram channels `sitrep watch` follows.", no_args_is_help=True)
alerts_app = typer.Typer(help="Saved alert rules: webhook and Telegram bot notifications.", no_args_is_help=True)
app.add_typer(channels_app, name="channels")
app.add_typer(alerts_app, name="alerts")


def make_client(settings: Settings) -> TelegramClient:
    """The Telegram client of ``sitrep watch`` (Telethon); tests replace this seam with a fake."""
    from sitrep.watch.telethon_client import TelethonClient

    return TelethonClient(settings)


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    from datetime import UTC

    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        console.print(f"[red]error:[/] {value!r} is not a date; write it as 2024-01-31")
        raise typer.Exit(2) from exc
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@app.command()
def watch(
    feeds_only: Annotated[bool, typer.Option("--feeds-only", help="Poll feeds only; no Telegram.")] = False,
    download_media: Annotated[
        bool,
        typer.Option(
            "--download-media",
            help="Download media files (up to SITREP_MAX_MEDIA_BYTES each) into the archive "
            "(default: the watch_download_media setting).",
        ),
    ] = False,
    login: Annotated[bool, typer.Option("--login", help="Log in to Telegram interactively, then exit.")] = False,
    once: Annotated[bool, typer.Option("--once", help="Feeds: poll once and exit.")] = False,
) -> None:
    """Follow Telegram channels (backfill, then live) and poll news feeds until stopped (Ctrl-C).

    Channels: `channels` in the settings plus `sitrep channels add`. Feeds: `feeds` in the settings.
    Credentials come from SITREP_TELEGRAM_API_ID / SITREP_TELEGRAM_API_HASH only.
    """
    import threading

    from sitrep.store.watch import watched_sources
    from sitrep.watch.feeds import FeedPoller
    from sitrep.watch.telegram import KIND, Watcher, WatchOptions

    settings = get_settings()
    store = pipeline.open_settings_store(settings)
    stop = threading.Event()
    feeds = list(settings.feeds)
    poller_thread = None
    if feeds:
        poller = FeedPoller(settings, store)
        if once:
            stats = poller.poll(feeds)
            console.print(
                f"feeds: {stats.summary.new_reports} new, {stats.summary.new_versions} edited, "
                f"{stats.not_modified} unchanged, {stats.summary.failures} failures"
            )
        else:
            poller_thread = threading.Thread(
                target=poller.run, args=(feeds, settings.poll_interval, stop.is_set, stop.wait), daemon=True
            )
            poller_thread.start()
    if feeds_only or once:
        if poller_thread:
            _wait_for_signal(stop)
        return
    channels = sorted({c.lstrip("@").lower() for c in settings.channels} | set(watched_sources(store, KIND)))
    if not channels:
        console.print("no channels to follow: add one with `sitrep channels add NAME`")
        raise typer.Exit(2)
    from sitrep.watch.telethon_client import MissingCredentials

    try:
        client = make_client(settings)
    except MissingCredentials as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    if login:
        asyncio.run(client.login())  # type: ignore[attr-defined]
        return
    _since(settings.backfill_since)  # a bad date stops here with a clear message
    overrides = {"download_media": True} if download_media else {}
    watcher = Watcher(client, settings, store, WatchOptions.from_settings(settings, **overrides))

    async def main() -> None:
        done = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, done.set)
        task = asyncio.create_task(watcher.run(channels, done))
        stopper = asyncio.create_task(done.wait())
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if not task.done():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task  # re-raises what ended the watcher (e.g. credentials refused)

    console.print(f"following {len(channels)} channel(s); Ctrl-C stops")
    try:
        asyncio.run(main())
    except MissingCredentials as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        stop.set()
    s = watcher.stats
    console.print(
        f"new {s.summary.new_reports} · edited {s.summary.new_versions} · deleted {s.deleted} · "
        f"rechecked {s.rechecked} · flood waits {s.flood_waits} · reconnects {s.reconnects}"
    )


def _wait_for_signal(stop: object) -> None:
    import threading

    assert isinstance(stop, threading.Event)
    try:
        while not stop.wait(1.0):
            pass
    except KeyboardInterrupt:
        stop.set()


@channels_app.command("add")
def channels_add(
    names: Annotated[list[str], typer.Argument(help="Channel usernames (with or without @).")],
) -> None:
    """Follow channels with `sitrep watch` (kept in the database)."""
    from sitrep.store.watch import add_source

    store = pipeline.open_settings_store(get_settings())
    for name in names:
        add_source(store, SourceRef("telegram_live", name.lstrip("@").lower()))
    console.print(f"following {len(names)} more channel(s)")


@channels_app.command("list")
def channels_list(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Followed channels with their cursor and collection health."""
    from sitrep.store.queries import source_health

    settings = get_settings()
    rows = [r for r in source_health(pipeline.open_settings_store(settings)) if r.kind == "telegram_live"]
    if as_json:
        for r in rows:
            print_json(dataclasses.asdict(r))
        return
    table = Table("channel", "reports", "last post", "missing ids", "last success", "last error")
    for r in rows:
        table.add_row(
            r.handle,
            f"{r.reports:,}",
            r.last_date.isoformat() if r.last_date else "",
            f"{r.missing_ids:,}",
            r.last_success_at.isoformat() if r.last_success_at else "",
            r.last_error or "",
        )
    out.print(table)


@channels_app.command("remove")
def channels_remove(
    names: Annotated[list[str], typer.Argument(help="Channel usernames to stop following.")],
) -> None:
    """Stop following channels; their stored reports stay."""
    from sitrep.store.watch import remove_source

    store = pipeline.open_settings_store(get_settings())
    for name in names:
        if not remove_source(store, SourceRef("telegram_live", name.lstrip("@").lower())):
            console.print(f"[yellow]{name}[/] was not followed")


@app.command()
def worker(
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Jobs run at the same time.")] = 1,
    stalled_after: Annotated[
        float, typer.Option(min=2, help="Seconds without heartbeat after which another worker's jobs are queued again.")
    ] = 30.0,
    exit_when_empty: Annotated[
        bool, typer.Option("--exit-when-empty", help="Stop when the queue is empty instead of waiting for jobs.")
    ] = False,
) -> None:
    """Run queued jobs (ingest, feeds, extraction, alerts) from the PostgreSQL task queue."""
    from sitrep.watch.queue import TeamModeError, run_worker

    try:
        run_worker(
            get_settings(), concurrency, stalled_after, heartbeat=min(10.0, stalled_after / 3), wait=not exit_when_empty
        )
    except TeamModeError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


@app.command("queue")
def queue_cmd(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Queued, running, done and failed jobs of the task queue."""
    from sitrep.watch.queue import TeamModeError, status

    try:
        st = status(get_settings())
    except TeamModeError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        print_json(dataclasses.asdict(st))
        return
    for key, value in dataclasses.asdict(st).items():
        out.print(f"{key:10} {value:>8,}")


@alerts_app.command("add")
def alerts_add(
    name: Annotated[str, typer.Argument(help="A unique name for the rule.")],
    query: Annotated[str | None, typer.Option(help="Words to match (as in `sitrep search`).")] = None,
    on: Annotated[str, typer.Option(help="Alert on new `events` or new `reports`.")] = "events",
    event_type: Annotated[str | None, typer.Option(help="Codebook event type, e.g. refusal.")] = None,
    grievance: Annotated[str | None, typer.Option(help="Codebook grievance.")] = None,
    unit: Annotated[str | None, typer.Option(help="Unit (substring), e.g. 1428.")] = None,
    place: Annotated[str | None, typer.Option(help="Place or region (substring).")] = None,
    channel: Annotated[str | None, typer.Option(help="Only reports from this channel or site.")] = None,
    webhook: Annotated[str | None, typer.Option(help="URL receiving a JSON POST per alert.")] = None,
    telegram_chat: Annotated[
        str | None, typer.Option(help="Chat id the bot (SITREP_TELEGRAM_BOT_TOKEN) writes to.")
    ] = None,
) -> None:
    """Save an alert rule; it fires for items stored from now on."""
    from sitrep.store.watch import add_rule

    if on not in ("events", "reports"):
        console.print("[red]error:[/] --on is `events` or `reports`")
        raise typer.Exit(2)
    if not webhook and not telegram_chat:
        console.print("[red]error:[/] give --webhook URL and/or --telegram-chat CHAT_ID")
        raise typer.Exit(2)
    filters = {
        k: v
        for k, v in (
            ("event_type", event_type),
            ("grievance", grievance),
            ("unit", unit),
            ("place", place),
            ("channel", channel),
        )
        if v
    }
    store = pipeline.open_settings_store(get_settings())
    add_rule(store, name, on[:-1], query, filters, webhook, telegram_chat)
    console.print(f"alert rule {name!r} saved")


@alerts_app.command("list")
def alerts_list(as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False) -> None:
    """Alert rules and delivery counts."""
    from sitrep.store.watch import delivery_counts, list_rules

    store = pipeline.open_settings_store(get_settings())
    rules = list_rules(store)
    if as_json:
        for rule in rules:
            print_json(dataclasses.asdict(rule))
        print_json({"deliveries": delivery_counts(store)})
        return
    for rule in rules:
        state = "on" if rule.active else "off"
        out.print(
            f"\\[{state}] {rule.name}: {rule.on_kind}s {rule.query or ''} {rule.filters} → "
            f"{rule.webhook_url or ''} {rule.telegram_chat_id or ''}"
        )
    out.print(f"deliveries: {delivery_counts(store)}")


@alerts_app.command("check")
def alerts_check() -> None:
    """Match new items against the rules and send the alerts (run it from cron or `sitrep worker`)."""
    from sitrep.watch.alerts import check_alerts, sender_from_settings

    settings = get_settings()
    run = check_alerts(pipeline.open_settings_store(settings), sender_from_settings(settings))
    console.print(f"matched {run.matched} · sent {run.sent} · failed {run.failed}")
    for err in (run.errors or [])[:10]:
        console.print(f"[yellow]failed:[/] {err}")


@alerts_app.command("disable")
def alerts_disable(name: Annotated[str, typer.Argument(help="The rule's name.")]) -> None:
    """Switch a rule off (its history stays)."""
    from sitrep.store.watch import set_rule_active

    if not set_rule_active(pipeline.open_settings_store(get_settings()), name, False):
        console.print(f"[red]error:[/] no rule named {name!r}")
        raise typer.Exit(1)
