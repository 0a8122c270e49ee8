"""Relevance model: word features of long texts are length-normalised, in training and scoring."""

from __future__ import annotations

from sitrep.extract.model import RelevanceModel, median_words, train_lr, word_scale


def test_word_scale_only_shrinks_long_texts() -> None:
    short = {"w:a", "w:b", "r:actor"}
    long = {f"w:{i}" for i in range(400)} | {"r:actor"}
    assert word_scale(short, 100) == 1.0
    assert word_scale(long, 100) == 0.5  # sqrt(100 / 400)
    assert word_scale(long, 0) == 1.0


def test_long_text_of_negative_words_keeps_its_rule_signal() -> None:
    ex = [({"r:type", "w:отказ"}, True)] * 10 + [({f"w:n{i}" for i in range(3)}, False)] * 10
    weights, bias = train_lr(ex, word_ref=median_words(ex))
    model = RelevanceModel(weights, bias, word_ref=median_words(ex))
    commentary = {"r:type", "w:отказ"} | {f"w:n{i % 3}" for i in range(3)} | {f"w:x{i}" for i in range(300)}
    assert model.prob(commentary) > 0.5
    assert model.prob({"w:n0", "w:n1", "w:n2"}) < 0.5
