"""The ``sitrep`` command. Each command calls one library function; see ``docs/cli.md``.

Commands live in modules by area and register themselves on ``app``.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="sitrep",
    help="Collect, preserve, extract and publish reports about soldiers' appeals, refusals and abuse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules, imported for their @app.command side effect.
from sitrep.cli import (  # noqa: E402
    article,
    core,
    demo,
    events,
    extract,
    watch,
    web,
)

__all__ = ["app", "main", "article", "core", "demo", "events", "extract", "watch", "web"]


def main() -> None:
    app()
