"""Report text → MinHash LSH band keys, and the finer check that confirms a near duplicate.

Input: a report's normalised text (``Report.norm_text``). Output: 64-bit integer keys (one per
LSH band) stored in ``dedup_keys`` so that "which stored reports may be a repost of this one?"
is one indexed SQL lookup, and ``confirm`` which decides on the candidates it returns.

Parameters (measured on the 22k real news stream and synthetic reposts, see
``bench/dedup_stream.py``): word 3-shingles (hashed from per-word CRC-32s, see
``_shingle_hashes``); MinHash with datasketch's seeded permutations (made without importing it), computed in bulk with
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
_MERSENNE = np.uint64((1 << 61) - 1)


def _permutations(num_perm: int, seed: int) -> np.ndarray:
    """The seeded (a, b) MinHash permutations of datasketch 2's default ("affine32") scheme.

    Made here rather than by ``datasketch.MinHash(...).permutations``: importing datasketch
    cost ~0.5 s of CPU (it pulls in scipy) in every ingesting process, and its default
    scheme differs between the 1.x and 2.x releases pyproject allows, which would change the
    keys stored in ``dedup_keys``. ``tests/dedup/test_dup_links.py`` checks these against
    datasketch 2.
    """
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([a, b])


_PERMS = _permutations(NUM_PERM, SEED)  # built once
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


class _WordHashes(dict[str, int]):
    """word → CRC-32 (never 0), computed on first use: words recur across texts (~80 % hits)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode()) or 1
        return value


_WORD_HASHES = _WordHashes()
_WORD_CACHE_MAX = 300_000  # ~40 MB at most


def _word_hashes(words: Sequence[str]) -> np.ndarray:
    if len(_WORD_HASHES) > _WORD_CACHE_MAX:
        _WORD_HASHES.clear()  # bounds memory; the cache only saves time
    return np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))


def _shingle_hashes(words: Sequence[str]) -> np.ndarray:
    """32-bit hashes of the word 3-shingles (a text shorter than 3 words is one shingle).

    Words are hashed once each (CRC-32, C speed) and shingles combined from them with numpy,
    instead of one SHA-1 per shingle string: the same MinHash statistics at ~1/5 of the cost
    (the 1M-report benchmark builds 16M keys). Stable across processes, unlike ``hash()``.
    """
    h = _word_hashes(words)
    if len(words) >= 3:
        h = h[:-2] * _C1 + h[1:-1] * _C2 + h[2:] * _C3
    else:
        h = np.array([np.sum(h * _C1)], dtype=np.uint64)
    return np.unique(_mix(h) >> np.uint64(32))  # a set: repeated shingles count once


def _shingle_hashes_many(texts_words: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of several texts (each >= 3 words) in one array, and each text's count.

    The same values as ``_shingle_hashes`` without its per-text numpy calls and without
    removing repeats (a MinHash is a minimum: repeated shingles do not change it).
    """
    flat = [w for words in texts_words for w in words]
    h = _word_hashes(flat)
    sh = h[:-2] * _C1 + h[1:-1] * _C2 + h[2:] * _C3  # also spans text boundaries: dropped below
    lens = np.fromiter((len(w) for w in texts_words), dtype=np.int64, count=len(texts_words))
    ends = np.cumsum(lens)
    keep = np.ones(len(sh), dtype=bool)
    for back in (1, 2):  # the two shingles starting in a text's last two words
        cut = ends[:-1] - back
        keep[cut] = False
    return _mix(sh[keep]) >> np.uint64(32), lens - 2


def _signatures(hashes: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (len(hashes) × NUM_PERM) with datasketch's seeded permutations."""
    sizes = np.fromiter((len(h) for h in hashes), dtype=np.int64, count=len(hashes))
    return _signatures_flat(np.concatenate(hashes), sizes)


def _signatures_flat(allh: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """MinHash signatures of texts whose shingle hashes lie one after another (``sizes`` each > 0)."""
    a, b = _PERMS
    # As datasketch's MinHash.update_batch: (a*x + b) % (2^61 - 1) & (2^32 - 1), the modulo by
    # a Mersenne prime done in shifts (5x faster than numpy's uint64 %), in place (2x faster).
    x = allh[:, None] * a
    x += b
    high = x >> np.uint64(61)
    x &= _MERSENNE
    x += high
    np.subtract(x, _MERSENNE, out=x, where=x >= _MERSENNE)
    x &= _MAX_HASH
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    return np.minimum.reduceat(x, starts, axis=0)


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """Signed 64-bit keys, one per LSH band (rows × BANDS): equal bands give equal keys."""
    sig = signatures.reshape(len(signatures), BANDS, ROWS)
    x = np.broadcast_to(_BAND_SALT, sig.shape[:2]).copy()
    for r in range(ROWS):
        x = _mix(x ^ sig[:, :, r])
    return x.view(np.int64)


# Shingles per vectorised step: each holds NUM_PERM 8-byte hashes in the intermediate arrays
# (2 x 1 MB at 2,048: they stay in the CPU cache). Measured on the 22k stream: 2k 0.66 s,
# 8k 0.84 s, 64k 1.22 s; also bounds memory whatever the texts' lengths.
_CHUNK_SHINGLES = 2_048


def text_keys_many(norm_texts: Sequence[str]) -> list[list[int]]:
    """LSH band keys of many normalised texts at once ([] for texts too short to compare).

    Vectorised over as many texts as fit ``_CHUNK_SHINGLES`` shingles (one numpy pass per
    step, not ~10 small numpy calls per text); gives exactly ``text_keys`` of each text.
    """
    out: list[list[int]] = [[] for _ in norm_texts]
    group: list[list[str]] = []
    slots: list[int] = []
    pending = 0

    def flush() -> None:
        hashes, sizes = _shingle_hashes_many(group)
        keys = _band_keys(_signatures_flat(hashes, sizes)).tolist()
        for slot, k in zip(slots, keys, strict=True):
            out[slot] = k
        group.clear()
        slots.clear()

    for n, text in enumerate(norm_texts):
        words = tokens(text)
        if len(words) < MIN_TOKENS:
            continue
        group.append(words)
        slots.append(n)
        pending += len(words)
        if pending >= _CHUNK_SHINGLES:
            flush()
            pending = 0
    if group:
        flush()
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
        # With ``score_cutoff`` rapidfuzz returns the same score at or above the threshold and 0
        # below it, stopping early when the threshold is out of reach: most candidate pairs are
        # not reposts, and confirming the 22k-post stream's ~15k pairs took a third less CPU.
        r = fuzz.ratio(a, b, score_cutoff=RATIO_MIN)
        if r:
            return r
        return fuzz.token_set_ratio(a, b, score_cutoff=TOKEN_SET_MIN)
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
