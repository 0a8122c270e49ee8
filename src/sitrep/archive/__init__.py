"""Archive: files referenced by posts (media beside a Telegram export) → content-addressed copies.

Raw items themselves are kept in the ``raw_items`` table by the store, in the same transaction
as the report that points to them. Media files are copied to ``data_dir/archive/<aa>/<sha256>``
(written to a temporary name, then renamed, so a killed run never leaves half a file under a
final name). A file is never changed or deleted once archived.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sitrep.models import Media, Post

CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def archive_path(archive_dir: Path, sha256: str) -> Path:
    return archive_dir / sha256[:2] / sha256


def preserve_file(path: Path, archive_dir: Path) -> tuple[str, Path]:
    """Copy ``path`` into the archive; returns (sha256, archived path). Idempotent."""
    sha = sha256_file(path)
    dest = archive_path(archive_dir, sha)
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".part-")
        os.close(fd)
        try:
            shutil.copyfile(path, tmp)
            os.replace(tmp, dest)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return sha, dest


def preserve_media(post: Post, base_dir: Path | None, archive_dir: Path, max_bytes: int) -> Post:
    """Archive the media files a post references when they exist under ``base_dir``."""
    if base_dir is None or not post.media:
        return post
    changed: list[Media] = []
    for media in post.media:
        if media.path and media.sha256 is None:
            src = (base_dir / media.path).resolve()
            # Only files inside the export folder: a crafted export must not read /etc/passwd.
            if src.is_file() and base_dir.resolve() in src.parents and src.stat().st_size <= max_bytes:
                sha, _dest = preserve_file(src, archive_dir)
                media = dataclasses.replace(media, sha256=sha, size=media.size or src.stat().st_size)
        changed.append(media)
    return dataclasses.replace(post, media=tuple(changed))
