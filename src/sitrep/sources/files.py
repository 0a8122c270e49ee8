"""Small file helpers shared by the readers: gzip-transparent opening and bounded reads.

A path → a binary file object (gunzipped when the content starts with the gzip magic), or
the first ``limit`` bytes of it. Detection is by content, never by the file name.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import IO, cast

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"


def is_gzip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(2) == GZIP_MAGIC


def open_maybe_gzip(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing it when it is gzipped."""
    if is_gzip(path):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


class TooBig(Exception):
    """The input is bigger than the limit it was read with."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"over {limit:,} bytes")
        self.size = size
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """All (decompressed) bytes of ``path``; raises ``TooBig`` past ``limit`` bytes.

    Reads at most ``limit + 1`` bytes, so a 10 GB file (or a gzip bomb) costs no more memory
    than the limit.
    """
    with open_maybe_gzip(path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooBig(len(data), limit)
    return data
