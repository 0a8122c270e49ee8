"""Shared CLI helpers: settings from the environment, the store, JSON output."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any

import typer
from pydantic import ValidationError
from rich.console import Console

from sitrep.settings import Settings, load_settings

console = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)


def get_settings() -> Settings:
    try:
        return load_settings()
    except (ValidationError, FileNotFoundError, ValueError) as exc:
        console.print(f"[red]error:[/] bad settings: {exc}")
        raise typer.Exit(2) from exc


def _default(obj: Any) -> Any:
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, bytes):
        return obj.hex()
    if isinstance(obj, set | tuple):
        return list(obj)
    raise TypeError(type(obj).__name__)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default)


def print_json(obj: Any) -> None:
    sys.stdout.write(dumps(obj) + "\n")
