"""Report text → MinHash LSH band keys, and the finer check that confirms a near duplicate.

Input: a report's normalised text (``Report.norm_text``). Output: 64-bit integer keys (one per
LSH band) stored in ``dedup_keys`` so that "which stored reports may be a repost of this one?"
is one indexed SQL lookup, and ``confirm`` which decides on the candidates it returns.

Parameters (measured on the 22k real news stream and synthetic reposts, see
``bench/dedup_stream.py``): word 3-shingles; 64 permutations in 16 bands of 4 rows, so the LSH
S-curve crosses 50 % at Jaccard (1/16)^(1/4) = 0.50 — reposts with an added channel footer or a
changed word sit at 0.55–0.9, unrelated news on the same topic below 0.2. 64 rather than 128
permutations halves the index (16 rows per report) at a small recall cost; rapidfuzz confirms
every candidate, so false LSH hits cost time, not precision.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash
from rapidfuzz import fuzz

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SEED = 20231101  # fixed: keys stored in the database must be reproducible across processes
MAX_SHINGLE_CHARS = 20_000  # a repost is recognised from its first 20k characters; bounds work
MIN_TOKENS = 6  # texts shorter than this ("Подписаться", a bare link) are never near duplicates

# Confirmation thresholds, chosen on hand-checked pairs from the news stream: reposts with a
# footer score token_set >= 93 while rewrites of the same agency wire by different channels
# score 70–88 (those are the same *story*, but not the same *text*: merging stories is the
# event stage's job).
RATIO_MIN = 88.0
TOKEN_SET_MIN = 93.0
LENGTH_RATIO_MIN = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)
_PERMS, _SCHEME = _TEMPLATE.permutations, _TEMPLATE.scheme  # built once, shared


def tokens(norm_text: str) -> list[str]:
    """Word tokens of a normalised text (links and emoji drop out)."""
    return _WORD.findall(norm_text[:MAX_SHINGLE_CHARS])


def shingles(words: Sequence[str], k: int = 3) -> set[bytes]:
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def minhash(norm_text: str) -> MinHash | None:
    """The MinHash of a text's word 3-shingles, or None for texts too short to compare."""
    words = tokens(norm_text)
    if len(words) < MIN_TOKENS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMS, scheme=_SCHEME)
    mh.update_batch(list(shingles(words)))
    return mh


def _key(tag: bytes, payload: bytes) -> int:
    """A signed 64-bit key (fits BIGINT on both backends)."""
    return int.from_bytes(hashlib.blake2b(tag + payload, digest_size=8).digest(), "big", signed=True)


def band_keys(mh: MinHash) -> list[int]:
    """One key per LSH band: two texts share a key when a whole band of their MinHash agrees."""
    values = np.asarray(mh.hashvalues, dtype=np.uint64)
    return [_key(b"b%d:" % band, values[band * ROWS:(band + 1) * ROWS].tobytes()) for band in range(BANDS)]


def text_keys(norm_text: str) -> list[int]:
    mh = minhash(norm_text)
    return band_keys(mh) if mh is not None else []


def url_key(canonical: str) -> int:
    return _key(b"u:", canonical.encode())


def post_key(channel: str, external_id: str) -> int:
    """Key of a Telegram post by (channel username, message id): links forwards to originals."""
    return _key(b"t:", f"{channel.lower().lstrip('@')}/{external_id}".encode())


def confirm(a: str, b: str) -> float:
    """Similarity 0–100 of two normalised texts when they are near duplicates, else 0."""
    a, b = a[:MAX_SHINGLE_CHARS], b[:MAX_SHINGLE_CHARS]
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) / max(len(a), len(b)) >= LENGTH_RATIO_MIN:
        r = fuzz.ratio(a, b)
        if r >= RATIO_MIN:
            return r
        ts = fuzz.token_set_ratio(a, b)
        if ts >= TOKEN_SET_MIN:
            return ts
    return 0.0


def near_duplicate_groups(texts: Sequence[str]) -> list[int]:
    """In-memory batch: for each text, the index of its group's first text (itself if none).

    Used by ``cluster_documents`` and the stream benchmark; the store uses the same keys via SQL.
    """
    buckets: dict[int, list[int]] = {}
    rep = list(range(len(texts)))
    for i, text in enumerate(texts):
        cands: set[int] = set()
        keys = text_keys(text)
        for k in keys:
            cands.update(buckets.get(k, ()))
        best: int | None = None
        for j in sorted(cands):
            if confirm(text, texts[j]):
                best = rep[j] if best is None else min(best, rep[j])
        if best is not None:
            rep[i] = best
        for k in keys:
            buckets.setdefault(k, []).append(i)
    return rep


def iter_keys(norm_text: str, canonical: str | None, post: tuple[str, str] | None) -> Iterable[int]:
    """Every index key of a report: its LSH bands, its canonical URL, its Telegram post address."""
    yield from text_keys(norm_text)
    if canonical:
        yield url_key(canonical)
    if post:
        yield post_key(*post)
