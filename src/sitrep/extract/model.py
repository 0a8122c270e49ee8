"""Labelled reports (gold format) → a relevance model file (JSON), and model + features → probability.

A logistic regression over binary features: lemmas of the text and the rule engine's own
signals (best cue weight per event type, actor nearby, negated or hedged cues, trap cues). Pure
Python: the training sets are hundreds of documents, so a dependency on numpy/scikit-learn buys
nothing, and the model file stays a readable JSON of weights with the data it was trained on.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_FORMAT = "sitrep-relevance-lr/1"


@dataclass(slots=True)
class RelevanceModel:
    weights: dict[str, float]
    bias: float
    trained_on: list[str] = field(default_factory=list)
    note: str = ""
    # event type -> (weights, bias): one-vs-rest models of the first event's type
    types: dict[str, tuple[dict[str, float], float]] = field(default_factory=dict)

    # word features of a text with more than this many are scaled down (0 = no scaling)
    word_ref: int = 0
    # sets that trained only the type models (empty: the type models saw ``trained_on`` alone)
    types_trained_on: list[str] = field(default_factory=list)

    def type_probs(self, features: Iterable[str]) -> dict[str, float]:
        feats = set(features)
        scale = word_scale(feats, self.word_ref)
        out = {}
        for name, (w, b) in self.types.items():
            out[name] = _sigmoid(b + _dot(w, feats, scale))
        return out

    def prob(self, features: Iterable[str]) -> float:
        feats = set(features)
        return _sigmoid(self.bias + _dot(self.weights, feats, word_scale(feats, self.word_ref)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "format": MODEL_FORMAT,
            "bias": self.bias,
            "trained_on": self.trained_on,
            **({"types_trained_on": self.types_trained_on} if self.types_trained_on else {}),
            "note": self.note,
            "word_ref": self.word_ref,
            "weights": _compact(self.weights),
            "types": {name: {"bias": b, "weights": _compact(w)} for name, (w, b) in sorted(self.types.items())},
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> RelevanceModel:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"{path}: not a {MODEL_FORMAT} model file (format={data.get('format')!r})")
        types = {
            str(name): ({str(k): float(v) for k, v in t["weights"].items()}, float(t["bias"]))
            for name, t in data.get("types", {}).items()
        }
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            list(data.get("trained_on", [])),
            str(data.get("note", "")),
            types,
            int(data.get("word_ref", 0)),
            [str(x) for x in data.get("types_trained_on", [])],
        )


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def word_scale(feats: Iterable[str], ref: int) -> float:
    """Weight of word ("w:") features: sqrt(ref / n) for a text with n > ref of them, else 1.

    A bag of words sums one weight per distinct word, so a long commentary post (300+ lemmas)
    piles up small negative weights and scores ~0 however clearly one paragraph tells an event;
    scaling like a length-normalised vector keeps long texts on the scale the model was fit on.
    """
    if ref <= 0:
        return 1.0
    n = sum(1 for f in feats if f.startswith("w:"))
    return math.sqrt(ref / n) if n > ref else 1.0


def _dot(weights: dict[str, float], feats: Iterable[str], scale: float) -> float:
    return sum(weights.get(f, 0.0) * (scale if f.startswith("w:") else 1.0) for f in feats)


def median_words(examples: Sequence[tuple[set[str], bool]]) -> int:
    """The median count of word features: the ``word_ref`` a model is trained with."""
    counts = sorted(sum(1 for f in feats if f.startswith("w:")) for feats, _ in examples)
    return counts[len(counts) // 2] if counts else 0


def _compact(weights: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-3}


def train_lr(
    examples: Sequence[tuple[set[str], bool]],
    epochs: int = 30,
    lr: float = 0.2,
    l2: float = 1e-3,
    min_df: int = 2,
    seed: int = 13,
    word_ref: int = 0,
) -> tuple[dict[str, float], float]:
    """Logistic regression by SGD with L2; positives re-weighted to balance the classes.

    ``min_df=2`` drops features seen once (names, numbers) that would only memorise documents.
    """
    df: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            df[f] = df.get(f, 0) + 1
    keep = {f for f, n in df.items() if n >= min_df or f.startswith("r:")}
    pos = sum(1 for _, y in examples if y) or 1
    neg = max(1, len(examples) - pos)
    w_pos, w_neg = len(examples) / (2 * pos), len(examples) / (2 * neg)
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(examples)))
    rnd = random.Random(seed)
    for epoch in range(epochs):
        rnd.shuffle(order)
        step = lr / (1 + epoch * 0.1)
        for i in order:
            feats, y = examples[i]
            fs = [f for f in feats if f in keep]
            scale = word_scale(feats, word_ref)
            p = _sigmoid(bias + _dot(weights, fs, scale))
            g = (p - (1.0 if y else 0.0)) * (w_pos if y else w_neg)
            bias -= step * g
            for f in fs:
                w = weights.get(f, 0.0)
                x = scale if f.startswith("w:") else 1.0
                weights[f] = w - step * (g * x + l2 * w)
    return weights, bias
