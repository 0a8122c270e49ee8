"""``sitrep article``: the article path alone — pages, URLs, URL lists or feeds → extracted articles.

Prints what ingest would store for each page (the same ``sources.web.read`` function), without
touching the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from sitrep.cli import app
from sitrep.cli.common import console, get_settings, out, print_json
from sitrep.models import Failure, Post
from sitrep.sources import SourceContext, is_url


@app.command("article")
def article_cmd(
    inputs: Annotated[list[str], typer.Argument(help="HTML files (also .html.gz), URLs, URL-list files or feeds.")],
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="One JSON object per article: input, title, author, date, url, text "
            "(a failed input: input and error).",
        ),
    ] = False,
) -> None:
    """Extract title, author, publication date, canonical URL and main text, as ingest stores them.

    Exit code 0 when every input gave an article, 1 when some failed, 2 when none did.
    """
    from sitrep.sources import web  # the article extractor (trafilatura): only for this command

    settings = get_settings()
    ctx = SourceContext(settings=settings)
    ok = failed = 0
    for target in inputs:
        if not is_url(target) and not Path(target).is_file():
            missing = Failure(target, "", "read", f"{target}: no such file; check the path")
            items: list[Post | Failure] = [missing]
        else:
            items = [i for i in web.read(target, ctx) if isinstance(i, Post | Failure)]
        if not items:
            items = [Failure(target, "", "read", f"{target}: nothing to read")]
        for item in items:
            if isinstance(item, Failure):
                failed += 1
                if as_json:
                    print_json({"input": target, "position": item.position or None, "error": item.reason})
                else:
                    console.print(Text.assemble(("failed: ", "yellow"), item.reason))
                continue
            ok += 1
            date = item.published_at.isoformat() if item.published_at else None
            if as_json:
                print_json(
                    {
                        "input": target,
                        "title": item.title,
                        "author": item.author,
                        "date": date,
                        "url": item.url or item.external_id,
                        "text": item.text,
                    }
                )
                continue
            out.print(Text(item.title or "(no title)", style="bold"))
            out.print(
                Text(
                    f"{item.author or 'unknown author'} · {date or 'no date'} · {item.url or item.external_id}",
                    style="dim",
                )
            )
            out.print(Text(item.text))
            out.print()
    if ok == 0 and failed:
        raise typer.Exit(2)
    raise typer.Exit(1 if failed else 0)
