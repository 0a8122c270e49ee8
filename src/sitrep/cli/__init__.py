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

# Command modules (imported for their @app.command side effect).
from sitrep.cli import core  # noqa: E402,F401
from sitrep.cli import extract  # noqa: E402,F401
from sitrep.cli import article  # noqa: E402,F401
from sitrep.cli import demo  # noqa: E402,F401
from sitrep.cli import events  # noqa: E402,F401
from sitrep.cli import watch  # noqa: E402,F401
from sitrep.cli import web  # noqa: E402,F401


def main() -> None:
    app()
