"""`sitrep demo`: ingest the bundled demo data and open the web app with a demo analyst account."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from sitrep import pipeline
from sitrep.cli import app
from sitrep.cli.common import console, get_settings, out
from sitrep.cli.core import print_summary
from sitrep.enrich.highlight import snippet

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
DEMO_FILES = ("news-stream-sample.jsonl", "samples.jsonl")
DEMO_USER = "demo"
DEMO_PASSWORD = "demo-analyst"  # noqa: S105 - printed on screen: the demo database is local and throw-away
LIVE_CHANNELS = ("astrapress", "sotaproject", "bbcrussian")


def _live_pages(timeout: float) -> list[str]:
    """Fetch fresh public t.me/s pages when the internet is reachable; [] (with a note) when not."""
    import tempfile

    import httpx

    saved: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="sitrep-live-"))
    for channel in LIVE_CHANNELS:
        url = f"https://t.me/s/{channel}"
        try:
            resp = httpx.get(url, timeout=timeout, follow_redirects=True)
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            console.print(f"[yellow]--live:[/] {url} not reachable ({type(exc).__name__}); demo goes on offline")
            return saved
        path = folder / f"{channel}.html"
        path.write_bytes(resp.content)
        saved.append(str(path))
    return saved


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address the web app listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the web app.")] = 8000,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Open the web app after ingesting.")] = True,
    live: Annotated[bool, typer.Option("--live", help="Also fetch fresh public t.me/s pages (needs internet).")] = (
        False
    ),
) -> None:
    """Ingest the bundled demo data (real CC BY 4.0 posts + marked samples) and open the web app."""
    settings = get_settings()
    store = pipeline.open_settings_store(settings)
    targets = [str(DEMO_DIR / name) for name in DEMO_FILES]
    if live:
        targets += _live_pages(settings.http_timeout)
    console.print(f"ingesting demo data into {settings.db_url} …")
    summary = pipeline.ingest(targets, settings, store)
    print_summary(summary)
    from sitrep.store.queries import stats

    counts = stats(store)
    out.print(f"stored: {counts['reports']:,} reports from {counts['sources']} channels, {counts['events']:,} events")
    query = "мобилизованные"
    out.print(Text.assemble("example search: ", (f"sitrep search {query}", "bold")))
    groups, _ = pipeline.parse_query(query)
    for hit in pipeline.search(store, query, limit=3):
        label = Text.assemble((hit.channel_title or hit.channel, "cyan"), "  ")
        out.print(label, snippet(hit.text, groups).rich())
    if not serve:
        return
    try:
        from sitrep.review.users import ensure_user
        from sitrep.web import run_server
    except ImportError as exc:  # the web extra is part of the base install; this means a broken install
        console.print(f"[red]error:[/] the web app cannot start ({exc}); reinstall with scripts/setup.sh")
        raise typer.Exit(1) from exc
    ensure_user(store, DEMO_USER, DEMO_PASSWORD, "analyst")
    out.print(Text.assemble(("\nsitrep is running: ", "bold"), (f"http://{host}:{port}/", "bold green")))
    out.print(f"demo analyst login: {DEMO_USER} / {DEMO_PASSWORD}   (Ctrl+C stops the app)")
    run_server(settings, host=host, port=port, store=store)
