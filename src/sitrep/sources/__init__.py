"""Sources: a path or URL → a stream of ``Post`` / ``Skipped`` / ``Failure`` items.

Sources never touch the store. Each reader module exposes ``sniff(head, name) -> bool`` (does
this content look like mine?) and ``read(target, ctx) -> Iterator[SourceItem]``. The format is
chosen by content, not by file name alone (see ``detect``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.models import Failure, SourceItem

if TYPE_CHECKING:
    from sitrep.settings import Settings


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _noop(_n: int) -> None:
    return None


@dataclass
class SourceContext:
    """What a reader may use: settings, an HTTP client (a seam for tests), a clock, progress."""

    settings: Settings
    clock: Callable[[], datetime] = _utcnow
    on_bytes: Callable[[int], None] = _noop  # advance the progress bar by n bytes read
    http: Any = None  # an httpx.Client; built lazily by sources.web when None
    extra: dict[str, Any] = field(default_factory=dict)


HEAD_BYTES = 64 * 1024


# Reader modules by name, in sniffing order: the most specific formats are tried first.
_READERS = ("telegram_export", "tme_html", "jsonl", "web")


def _reader(name: str) -> Any:
    """One reader module, imported on first use: ``web`` pulls in trafilatura, lxml and httpx
    (~0.3 s of CPU), which a Telegram export or a JSONL file never needs."""
    return importlib.import_module(f"sitrep.sources.{name}")


def _readers() -> list[tuple[str, Any]]:
    """Every reader as (name, module), in sniffing order (imports them all)."""
    return [(name, _reader(name)) for name in _READERS]


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def detect(target: str) -> str | None:
    """Name of the reader for ``target`` (by content), or None when no reader knows it."""
    if is_url(target):
        return "web"
    path = Path(target)
    if path.is_dir():
        if (path / "result.json").exists():
            return "telegram_export"
        return None
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    if head[:2] == b"\x1f\x8b":
        import gzip

        try:
            with gzip.open(path, "rb") as gz:
                head = gz.read(HEAD_BYTES)
        except OSError:
            return None
    for name in _READERS:  # imported one by one: a file the first readers know never loads ``web``
        if _reader(name).sniff(head, path.name):
            return name
    return None


def size_of(target: str) -> int | None:
    """Bytes the progress bar counts for ``target`` (None for URLs)."""
    if is_url(target):
        return None
    path = Path(target)
    if path.is_dir():
        result = path / "result.json"
        return result.stat().st_size if result.exists() else None
    try:
        return path.stat().st_size
    except OSError:
        return None


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def read(target: str, ctx: SourceContext) -> Iterator[SourceItem]:
    """Every item of one input. Unknown or unreadable inputs yield one ``Failure``."""
    if not is_url(target):
        path = Path(target)
        if not path.exists():
            yield Failure(target, "", "read", f"{target}: no such file or folder; check the path")
            return
        if path.is_file() and _is_zip(path):
            yield Failure(
                target,
                "",
                "read",
                f"{target}: a ZIP archive; unzip it first and pass the "
                "Telegram export folder (with result.json) or the files inside",
            )
            return
    try:
        name = detect(target)
    except OSError as exc:
        yield Failure(target, "", "read", f"{target}: cannot read ({exc.strerror or exc}); check permissions")
        return
    if name is None:
        yield Failure(
            target,
            "",
            "read",
            f"{target}: not a format sitrep reads (Telegram Desktop result.json, t.me/s HTML, JSONL/JSON "
            "posts, HTML article, RSS/Atom feed, list of URLs); convert it or pass the right file",
        )
        return
    yield from _reader(name).read(target, ctx)
