"""Enrich: ``Post`` → ``Report`` — language, normalised text and lemmas for search.

Pure over its inputs plus read-only resources (the language detector and morphological
dictionaries, each built once per process).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.enrich.lang import detect_languages
from sitrep.enrich.lemmas import search_body
from sitrep.enrich.normalize import normalize
from sitrep.models import Post, Report

__all__ = ["enrich_posts", "normalize", "search_body", "detect_languages"]


def enrich_posts(posts: Sequence[Post], max_chars: int = 200_000) -> list[Report]:
    """Enrich a batch of posts (batched because language detection is faster in bulk)."""
    texts = [(p.title + "\n" + p.text if p.title and p.title not in p.text else p.text)[:max_chars] for p in posts]
    langs = detect_languages(texts)
    out: list[Report] = []
    for post, text, lang in zip(posts, texts, langs, strict=True):
        norm = normalize(text)
        out.append(Report(post=post, lang=lang, norm_text=norm, lemmas=search_body(norm, lang)))
    return out
