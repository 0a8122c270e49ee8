"""Docs are enforced by tests: every command and every setting is documented."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import typer.main

from sitrep.cli import app
from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _is_group(cmd: Any) -> bool:
    # Typer ships its own click fork, so test for the shape, not the class.
    return isinstance(getattr(cmd, "commands", None), dict)


def _commands(group: Any, prefix: str = "sitrep") -> list[str]:
    names = []
    for name, cmd in group.commands.items():
        full = f"{prefix} {name}"
        if _is_group(cmd):
            names.extend(_commands(cmd, full))
        else:
            names.append(full)
    return names


def test_every_command_has_a_section_in_docs_cli() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (sitrep[\w -]*?)\s*$", doc, re.M))
    group = typer.main.get_command(app)
    assert _is_group(group)
    missing = [c for c in _commands(group) if c not in headings and " ".join(c.split()[:2]) not in headings]
    assert missing == [], f"document these commands in docs/cli.md: {missing}"


def test_every_command_and_option_has_help() -> None:
    group = typer.main.get_command(app)
    assert _is_group(group)

    def walk(g: Any) -> list[str]:
        bad = []
        for name, cmd in g.commands.items():
            if _is_group(cmd):
                bad.extend(walk(cmd))
            if not (cmd.help or "").strip():
                bad.append(name)
            for param in cmd.params:
                is_option = type(param).__name__.endswith("Option")
                if is_option and not (getattr(param, "help", "") or "").strip() and param.name != "help":
                    bad.append(f"{name} {param.opts[0]}")
        return bad

    assert walk(group) == []


def test_every_setting_is_in_the_example_config_with_a_description() -> None:
    text = (ROOT / "sitrep.example.toml").read_text(encoding="utf-8")
    uncommented = "\n".join(line[2:] if line.startswith("# ") and " = " in line else line for line in text.splitlines())
    keys = set(tomllib.loads(re.sub(r"^(\w+) = $", r'\1 = ""', uncommented, flags=re.M)))
    for name, field in Settings.model_fields.items():
        assert name in keys, f"sitrep.example.toml lacks {name}"
        assert field.description, f"Settings.{name} has no description"


def test_readme_first_screen_has_the_two_commands() -> None:
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "scripts/setup.sh" in first_screen and "sitrep demo" in first_screen
    assert "scripts/test.sh" in first_screen
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
