"""Gold-format files → training examples → ``RelevanceModel``; k-fold cross-validation.

Features come from the same rule engine that runs at extraction time, so the model learns how
much to trust each rule signal and which words mark the traps the rules miss.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.extract.codebook import Codebook, load_codebook
from sitrep.extract.engine import Engine
from sitrep.extract.model import RelevanceModel, median_words, train_lr
from sitrep.extract.places import Gazetteer


def read_pairs(texts: Path, gold: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    t = [json.loads(line) for line in texts.read_text(encoding="utf-8").splitlines() if line.strip()]
    g = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(t) != len(g):
        raise ValueError(f"{texts} has {len(t)} lines but {gold} has {len(g)}")
    for a, b in zip(t, g, strict=True):
        if a.get("id") != b.get("id"):
            raise ValueError(f"{texts} and {gold} are not in the same order (id {a.get('id')} vs {b.get('id')})")
    return list(zip(t, g, strict=True))


def examples(
    engine: Engine, pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]]
) -> list[tuple[set[str], bool, float]]:
    """(model features, gold relevance, rule score) per document."""
    from sitrep.extract import report_from_doc

    out = []
    for doc, gold in pairs:
        report = report_from_doc(doc)
        sig = engine.signals(report.post.text, report.lang)
        out.append((engine.features(sig, report.lang), bool(gold.get("relevant")), sig.rule_score))
    return out


def _rules_engine(codebook: Path | None) -> Engine:
    return Engine(load_codebook(codebook), None, Gazetteer([], {}))


def train_from_files(
    files: Sequence[tuple[Path, Path]],
    codebook: Path | None = None,
    note: str = "",
    relevance_from: Path | None = None,
) -> RelevanceModel:
    """The relevance and type models from ``files``, or with ``relevance_from`` the type models alone.

    ``relevance_from`` is a model file whose relevance part (weights, bias, word scale, the sets it was
    trained on) is kept as it is while the type models are trained on ``files``. The team's labelled
    sets teach event types well, but a third of each was written to trap the rules with the events'
    own words, so a relevance model fit on them learns that "дезертировали" or "солдат" mark a
    negative -- not what a stream's base rates say.
    """
    engine = _rules_engine(codebook)
    pairs = [p for t, g in files for p in read_pairs(t, g)]
    ex = examples(engine, pairs)
    names = [str(t.parent.name or t) for t, _ in files]
    if relevance_from is None:
        model = train_examples(ex, pairs)
        model.trained_on = names
    else:
        model = with_type_models(RelevanceModel.load(relevance_from), ex, pairs)
        model.types_trained_on = names
    model.note = note
    return model


def train_examples(
    ex: Sequence[tuple[set[str], bool, float]], pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]]
) -> RelevanceModel:
    """The relevance and type models from ``examples()`` of the documents and their gold lines."""
    ref = median_words([(f, y) for f, y, _ in ex])
    weights, bias = train_lr([(f, y) for f, y, _ in ex], word_ref=ref)
    types = train_types(ex, pairs, ref)
    return RelevanceModel(weights, bias, types=types, word_ref=ref)


def with_type_models(
    base: RelevanceModel,
    ex: Sequence[tuple[set[str], bool, float]],
    pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]],
) -> RelevanceModel:
    """``base``'s relevance part as it is, with event-type models trained on ``ex``/``pairs`` (at its word scale)."""
    model = RelevanceModel(base.weights, base.bias, trained_on=base.trained_on, word_ref=base.word_ref)
    model.types = train_types(ex, pairs, base.word_ref)
    return model


def train_types(
    ex: Sequence[tuple[set[str], bool, float]],
    pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]],
    word_ref: int = 0,
) -> dict[str, tuple[dict[str, float], float]]:
    """One-vs-rest models of the first event's type, over the relevant documents."""
    labelled = [
        (f, (g.get("events") or [{}])[0].get("event_type"))
        for (f, _, _), (_, g) in zip(ex, pairs, strict=True)
        if g.get("relevant") and g.get("events")
    ]
    out = {}
    for name in sorted({t for _, t in labelled if t}):
        if sum(1 for _, t in labelled if t == name) >= 3:  # fewer examples teach nothing
            out[name] = train_lr([(f, t == name) for f, t in labelled], epochs=20, word_ref=word_ref)
    return out


def cross_validate(
    files: Sequence[tuple[Path, Path]], k: int = 5, codebook: Path | None = None, threshold: float | None = None
) -> dict[str, float]:
    """Relevance P/R/F1 and type accuracy when each document is read by a model that never saw it.

    Each held-out document goes through the whole engine (threshold of the codebook, actor rule,
    event building), so relevance and type are judged exactly as ``sitrep extract`` decides them.
    ``threshold`` overrides the codebook's relevance threshold when given.
    """
    from sitrep.extract import reports_from_docs
    from sitrep.extract.places import default_gazetteer

    engine = _rules_engine(codebook)
    pairs = [p for t, g in files for p in read_pairs(t, g)]
    ex = examples(engine, pairs)
    book = engine.book
    if threshold is not None:
        book = Codebook(book.spec.model_copy(update={"relevance_threshold": threshold}), book.path)
    full = Engine(book, None, default_gazetteer())
    reports = reports_from_docs([d for d, _ in pairs])
    tp = fp = fn = 0
    type_ok = type_n = 0
    for fold in range(k):
        train = [(f, y) for i, (f, y, _) in enumerate(ex) if i % k != fold]
        ref = median_words(train)
        weights, bias = train_lr(train, word_ref=ref)
        keep = [i for i in range(len(ex)) if i % k != fold]
        types = train_types([ex[i] for i in keep], [pairs[i] for i in keep], ref)
        full.model = RelevanceModel(weights, bias, types=types, word_ref=ref)
        for i, (_, gold) in enumerate(pairs):
            if i % k != fold:
                continue
            got = full.extract(reports[i])
            pred, truth = got.relevant, bool(gold.get("relevant"))
            if truth and gold.get("events"):
                type_n += 1
                type_ok += bool(got.events) and got.events[0].event_type == gold["events"][0]["event_type"]
            tp += pred and truth
            fp += pred and not truth
            fn += truth and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "type_accuracy": type_ok / type_n if type_n else 0.0,
    }
