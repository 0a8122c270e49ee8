"""Report text → MinHash LSH band keys, and the finer check that confirms a near duplicate.

Input: a report's normalised text (``Report.norm_text``). Output: 64-bit integer keys (one per
LSH band) stored in ``dedup_keys`` so that "which stored reports may be a repost of this one?"
is one indexed SQL lookup, and ``confirm`` which decides on the candidates it returns.

Parameters (measured on the 22k real news stream and synthetic reposts, see
``bench/dedup_stream.py``): word 3-shingles (hashed from per-word CRC-32s, see
``_shingle_hashes``); MinHash with datasketch's seeded permutations, computed in bulk with
numpy (``text_keys_many``, what makes loading 1M reports take minutes rather than an hour);
64 permutations in 16 bands of 4 rows, so the LSH S-curve crosses 50 % at Jaccard
(1/16)^(1/4) = 0.50 — reposts with an added channel footer or a changed word sit at 0.55–0.9,
unrelated news on the same topic below 0.2. 64 rather than 128 permutations halves the index
(16 rows per report) at a small recall cost; rapidfuzz confirms the candidates, so false LSH
hits cost time, not precision.
"""

from __future__ import annotations

import hashlib
import re
import zlib
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
_PERMS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations  # datasketch's (a, b), built once
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_C1, _C2, _C3 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9)
_BAND_SALT = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0xD6E8FEB86659FD93)


def tokens(norm_text: str) -> list[str]:
    """Word tokens of a normalised text (links and emoji drop out)."""
    return _WORD.findall(norm_text[:MAX_SHINGLE_CHARS])


def _mix(x: np.ndarray) -> np.ndarray:
    """Murmur3's 64-bit finaliser, element-wise (uint64, wrapping): spreads every input bit."""
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> np.uint64(33))


_WORD_HASHES: dict[str, int] = {}  # words recur across texts: hash each once (about 80 % hits)
_WORD_CACHE_MAX = 300_000  # ~40 MB at most


def _shingle_hashes(words: Sequence[str]) -> np.ndarray:
    """32-bit hashes of the word 3-shingles (a text shorter than 3 words is one shingle).

    Words are hashed once each (CRC-32, C speed) and shingles combined from them with numpy,
    instead of one SHA-1 per shingle string: the same MinHash statistics at ~1/5 of the cost
    (the 1M-report benchmark builds 16M keys). Stable across processes, unlike ``hash()``.
    """
    if len(_WORD_HASHES) > _WORD_CACHE_MAX:
        _WORD_HASHES.clear()  # bounds memory; the cache only saves time
    cache = _WORD_HASHES
    h = np.array([cache.get(w) or cache.setdefault(w, zlib.crc32(w.encode()) or 1) for w in words],
                 dtype=np.uint64)
    if len(words) >= 3:
        h = h[:-2] * _C1 + h[1:-1] * _C2 + h[2:] * _C3
    else:
        h = np.array([np.sum(h * _C1)], dtype=np.uint64)
    return np.unique(_mix(h) >> np.uint64(32))  # a set: repeated shingles count once


def _signatures(hashes: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (len(hashes) × NUM_PERM) with datasketch's seeded permutations."""
    sizes = np.fromiter((len(h) for h in hashes), dtype=np.int64, count=len(hashes))
    allh = np.concatenate(hashes)[:, None]
    a, b = _PERMS
    x = allh * a + b  # as datasketch's MinHash.update_batch: (x % (2^61 - 1)) & (2^32 - 1),
    x = (x & _MERSENNE) + (x >> np.uint64(61))  # with the modulo by a Mersenne prime done in
    x = np.where(x >= _MERSENNE, x - _MERSENNE, x)  # shifts (5x faster than numpy's uint64 %)
    phv = x & _MAX_HASH
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    return np.minimum.reduceat(phv, starts, axis=0)


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """Signed 64-bit keys, one per LSH band (rows × BANDS): equal bands give equal keys."""
    sig = signatures.reshape(len(signatures), BANDS, ROWS)
    x = np.broadcast_to(_BAND_SALT, sig.shape[:2]).copy()
    for r in range(ROWS):
        x = _mix(x ^ sig[:, :, r])
    return x.view(np.int64)


def text_keys_many(norm_texts: Sequence[str], chunk: int = 256) -> list[list[int]]:
    """LSH band keys of many normalised texts at once ([] for texts too short to compare).

    Vectorised over ``chunk`` texts at a time (~70 shingles × 64 permutations × 8 bytes per
    text: 256 texts stay within the CPU cache and bound memory); gives exactly ``text_keys`` of each text.
    """
    out: list[list[int]] = []
    for start in range(0, len(norm_texts), chunk):
        hashes: list[np.ndarray] = []
        slots: list[int | None] = []
        for text in norm_texts[start:start + chunk]:
            words = tokens(text)
            if len(words) < MIN_TOKENS:
                slots.append(None)
            else:
                slots.append(len(hashes))
                hashes.append(_shingle_hashes(words))
        keys = _band_keys(_signatures(hashes)).tolist() if hashes else []
        out.extend([] if s is None else keys[s] for s in slots)
    return out


def text_keys(norm_text: str) -> list[int]:
    """LSH band keys of one normalised text (the store indexes them in ``dedup_keys``)."""
    return text_keys_many([norm_text])[0]


def _key(tag: bytes, payload: bytes) -> int:
    """A signed 64-bit key (fits BIGINT on both backends)."""
    return int.from_bytes(hashlib.blake2b(tag + payload, digest_size=8).digest(), "big", signed=True)


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
    for i, (text, keys) in enumerate(zip(texts, text_keys_many(texts), strict=True)):
        cands: set[int] = set()
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
