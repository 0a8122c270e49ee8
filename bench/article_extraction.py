"""Article extraction quality: trafilatura alone vs sitrep's arbitrated path.

Input: the judged pages of ``../shared/data/article-extraction-dev/`` (``evaldata.json``: per
page, snippets that must appear in the main text and snippets that must not; the pages are
gzipped HTML under ``cache/`` or ``eval/``). Output: for each method, the share of pages passing
every check, and precision/recall/F1 over all snippet checks (a "with" snippet found is a true
positive, missing a false negative; a "without" snippet found is a false positive), plus pages/s.
Also per half of the pages (split by a hash of the file name, so the split is stable): rules
tuned on the whole set that only fit some pages show as a gap between the halves.

Speed is given as wall pages/s and as pages per CPU-second of this process; on a shared machine
only the second is comparable between runs.

Every figure is given twice: comparing raw strings, and comparing with the invisible format
characters (soft hyphen U+00AD, zero-width space/non-joiner/joiner U+200B-U+200D, word joiner
U+2060, BOM U+FEFF) removed from both the snippet and the text. Some judged snippets were cut from
pages hyphenated with ``&shy;`` and keep the soft hyphens ("tragen auch der Klima\u00adwandel");
trafilatura drops those characters, and so does sitrep's text (a reader sees "Klimawandel"), so
the raw comparison misses a snippet whose words are all there. The raw figures stay so that
nothing is hidden: a change shows in both, and only a difference in invisible characters shows
in one.

Run: ``.venv/bin/python bench/article_extraction.py [--limit N] [--data DIR] [--skip-baseline]
[--errors FILE [--half 0|1]]``. ``--errors`` lists sitrep's failed checks on one half (develop on
that half, check the other); it refuses a held-out folder.
Skips (exit 0) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.utils import decode_file

from sitrep.sources.articles import extract_article

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data/article-extraction-dev"
# The characters a reader does not see (the same list as sitrep.sources.articles drops; written
# out here so the measure does not depend on the code it measures).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def visible(text: str) -> str:
    """``text`` without invisible format characters."""
    return _INVISIBLE.sub("", text)


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    pages: int = 0
    passed: int = 0
    seconds: float = 0.0  # wall time
    cpu: float = 0.0  # CPU time of this process (comparable when other jobs load the machine)

    def add(self, text: str, must: list[str], must_not: list[str], *, invisible: bool = True) -> None:
        """Score one page; ``invisible=False``: compare without invisible characters."""
        if not invisible:
            text, must, must_not = visible(text), [visible(s) for s in must], [visible(s) for s in must_not]
        good = True
        for snippet in must:
            if snippet in text:
                self.tp += 1
            else:
                self.fn += 1
                good = False
        for snippet in must_not:
            if snippet in text:
                self.fp += 1
                good = False
        self.pages += 1
        self.passed += good

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rate = self.pages / self.seconds if self.seconds else 0.0
        cpu_rate = self.pages / self.cpu if self.cpu else 0.0
        return (
            f"{name:28} pages passing {self.passed / max(1, self.pages):.3f}  precision {p:.4f}  "
            f"recall {r:.4f}  F1 {f1:.4f}  ({self.pages} pages, {rate:.1f} pages/s wall, "
            f"{cpu_rate:.1f} pages per CPU-second)"
        )


def _page(data_dir: Path, name: str) -> bytes | None:
    for folder in ("cache", "eval"):
        for suffix in (".gz", ""):
            path = data_dir / folder / (name + suffix)
            if path.exists():
                raw = path.read_bytes()
                return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    return None


def half_of(file_name: str) -> int:
    """0 or 1, from the SHA-256 of the page's file name."""
    return hashlib.sha256(file_name.encode()).digest()[0] % 2


def trafilatura_alone(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def arbitrated(html: str) -> str:
    article = extract_article(html)
    return article.text if article else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the article-extraction-dev folder")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0 = all)")
    parser.add_argument("--skip-baseline", action="store_true", help="score sitrep only (no trafilatura alone)")
    parser.add_argument(
        "--errors",
        type=Path,
        help="write sitrep's failed checks of the development half (see --half) to this file, by page "
        "(invisible characters ignored)",
    )
    parser.add_argument("--half", type=int, choices=(0, 1), default=0, help="the half --errors lists (default 0)")
    args = parser.parse_args()
    if args.errors and "heldout" in str(args.data.resolve()).lower():
        print("refused: --errors lists the content of a held-out set; score it without --errors")
        return 2
    index = args.data / "evaldata.json"
    if not index.exists():
        print(f"skipped: {index} not found (the evaluation pages are not on this machine)")
        return 0
    items = list(json.loads(index.read_text(encoding="utf-8")).items())
    if args.limit:
        items = items[: args.limit]
    methods: dict[str, Callable[[str], str]] = {
        "trafilatura alone": trafilatura_alone,
        "sitrep (arbitrated)": arbitrated,
    }
    if args.skip_baseline:
        del methods["trafilatura alone"]
    errors: list[str] = []
    scores = {name: Score() for name in methods}
    halves = {(name, h): Score() for name in methods for h in (0, 1)}
    # the same checks with invisible characters ignored (see the module's docstring)
    seen = {(name, h): Score() for name in methods for h in ("all", 0, 1)}
    missing = 0
    for n, (_url, item) in enumerate(items, start=1):
        page = _page(args.data, item["file"])
        if page is None:
            missing += 1
            continue
        html = decode_file(page)
        for name, method in methods.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            text = method(html)
            scores[name].seconds += time.perf_counter() - start
            scores[name].cpu += time.process_time() - start_cpu
            scores[name].add(text, item["with"], item["without"])
            halves[name, half_of(item["file"])].add(text, item["with"], item["without"])
            for part in ("all", half_of(item["file"])):
                seen[name, part].add(text, item["with"], item["without"], invisible=False)
            if args.errors and method is arbitrated and half_of(item["file"]) == args.half:
                errors.extend(_failed(item, text))
        if n % 100 == 0:
            print(f"  {n}/{len(items)} pages", file=sys.stderr, flush=True)
    for name, score in scores.items():
        print(score.line(name))
    for (name, h), score in halves.items():
        print(score.line(f"{name} [half {h}]").split("  (")[0] + f"  ({score.pages} pages)")
    print("invisible characters (soft hyphens, zero-width) ignored in snippets and text:")
    for (name, part), score in seen.items():
        label = name if part == "all" else f"{name} [half {part}]"
        print(score.line(label).split("  (")[0] + f"  ({score.pages} pages)")
    if missing:
        print(f"({missing} pages listed in evaldata.json were not found)")
    if args.errors:
        args.errors.write_text("".join(errors), encoding="utf-8")
        print(f"failed checks of half {args.half}: {args.errors}")
    return 0


def _failed(item: dict[str, Any], text: str) -> list[str]:
    """The failed checks of one page: wanted snippets missing, unwanted ones with their line;
    invisible characters ignored (a snippet whose words are all there is no failure to study)."""
    text = visible(text)
    item = {**item, "with": [visible(s) for s in item["with"]], "without": [visible(s) for s in item["without"]]}
    missed = [f"  MISSING {s!r}\n" for s in item["with"] if s not in text]
    kept = [
        f"  KEPT {s!r} in line {next((ln for ln in text.splitlines() if s in ln), '')[:200]!r}\n"
        for s in item["without"]
        if s in text
    ]
    return [f"=== {item['file']}\n", *missed, *kept] if missed or kept else []


if __name__ == "__main__":
    sys.exit(main())
