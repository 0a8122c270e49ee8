"""Codebook-engine commands: extract, eval, train, codebook check. Each calls ``sitrep.extract``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.cli import app
from sitrep.cli.common import console, dumps, out

codebook_app = typer.Typer(help="Work with codebook files (event types, cues, fields).", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")

BATCH = 256  # documents enriched together (language detection is faster in bulk)
MAX_LINE = 5_000_000  # bytes; a longer input line is refused rather than parsed


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, parsed object or None, error) for each non-empty line."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if len(line) > MAX_LINE:
                yield n, None, f"line longer than {MAX_LINE:,} bytes"
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"not JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(obj, dict):
                yield n, None, "not a JSON object"
                continue
            yield n, obj, ""


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _load(codebook: Path | None) -> Any:
    from sitrep.extract import CodebookError, Extractor

    try:
        return Extractor.load(codebook)
    except CodebookError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def _run(docs_path: Path, codebook: Path | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """Extract over a JSONL file: (input docs, output lines, bad lines)."""
    from sitrep.extract import check_doc, extraction_to_gold, reports_from_docs

    extractor = _load(codebook)
    rows = list(_read_jsonl(docs_path))
    docs: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    bad = 0
    with _progress() as bar:
        task = bar.add_task("extract", total=len(rows))
        for i in range(0, len(rows), BATCH):
            chunk = rows[i : i + BATCH]
            good: list[tuple[int, dict[str, Any]]] = []
            for n, obj, err in chunk:
                err = err or (check_doc(obj) if obj is not None else "")
                doc_id = str(obj.get("id", f"line-{n}")) if obj else f"line-{n}"
                docs.append(obj if obj is not None else {"id": doc_id, "text": ""})
                if err:
                    bad += 1
                    console.print(f"[yellow]skipped[/] {docs_path}:{n}: {err}; fix the line and rerun")
                    lines.append({"id": doc_id, "relevant": False, "events": [], "error": f"line {n}: {err}"})
                else:
                    good.append((len(lines), obj or {}))
                    lines.append({})
            reports = reports_from_docs([obj for _, obj in good])
            for (slot, obj), ext in zip(good, extractor.extract_many(reports), strict=True):
                lines[slot] = extraction_to_gold(str(obj["id"]), ext)
            bar.advance(task, len(chunk))
    return docs, lines, bad


@app.command("extract")
def extract_cmd(
    docs: Annotated[
        Path,
        typer.Option(
            "--in",
            help="Input JSONL: {id, text, published?, channel?, url?} per line.",
            exists=True,
            dir_okay=False,
        ),
    ],
    dest: Annotated[Path, typer.Option("--out", help="Output JSONL: one gold-format line per input line.")],
    codebook: Annotated[Path | None, typer.Option(help="Codebook YAML (default: the shipped one).")] = None,
) -> None:
    """Find relevant reports and extract codebook events with evidence, one output line per input line.

    A bad input line (not JSON, no id/text) gets a stub output line with "error" so lines stay
    aligned; the command then exits with status 1.
    """
    _, lines, bad = _run(docs, codebook)
    with dest.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(dumps(line) + "\n")
    rel = sum(1 for x in lines if x["relevant"])
    console.print(
        f"{len(lines):,} documents · {rel:,} relevant · {sum(len(x['events']) for x in lines):,} events"
        f" · {bad} bad lines → {dest}"
    )
    if bad:
        raise typer.Exit(1)


def _print_scores(title: str, scores: dict[str, Any]) -> None:
    rel = scores["relevance"]
    out.print(f"[bold]{title}[/] ({scores['documents']} documents)")
    out.print(
        f"  relevance  P {rel['precision']:.3f}  R {rel['recall']:.3f}  F1 {rel['f1']:.3f}"
        f"  (tp {rel['tp']}, fp {rel['fp']}, fn {rel['fn']})"
    )
    for key in ("type_accuracy", "units_f1", "places_f1", "via_f1", "date_accuracy", "count_accuracy"):
        val = scores.get(key)
        out.print(f"  {key:<15}{'n/a' if val is None else f'{val:.3f}'}")
    if "clusters" in scores:
        c = scores["clusters"]
        out.print(f"  clusters   P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}")


@app.command("eval")
def eval_cmd(
    texts: Annotated[Path, typer.Option(help="Labelled texts JSONL (gold-format.md).", exists=True, dir_okay=False)],
    gold: Annotated[Path, typer.Option(help="Gold JSONL, same order as --texts.", exists=True, dir_okay=False)],
    errors: Annotated[bool, typer.Option("--errors", help="Also list misses, false alarms and field errors.")] = False,
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score a plain keyword filter.")] = False,
    codebook: Annotated[Path | None, typer.Option(help="Codebook YAML (default: the shipped one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the extractor against labelled data: relevance P/R/F1, type, fields, dates, counts, clusters."""
    from sitrep.extract import check_doc, reports_from_docs
    from sitrep.extract.evaluate import baseline_lines, score

    docs, lines, _ = _run(texts, codebook)
    golds = [g for _, g, _ in _read_jsonl(gold) if g is not None]
    if len(golds) != len(lines):
        console.print(f"[red]error:[/] {gold} has {len(golds)} lines but {texts} has {len(lines)}; same order needed")
        raise typer.Exit(2)
    clusters: list[list[str]] | None = None
    cluster_note = ""
    try:
        from sitrep.dedup import cluster_documents
    except ImportError:
        cluster_note = "clustering: not available (sitrep.dedup.cluster_documents missing)"
    else:
        extractor = _load(codebook)
        reports = reports_from_docs([d if not check_doc(d) else {"id": "x", "text": ""} for d in docs])
        clusters = cluster_documents(reports, extractor.extract_many(reports))
    result = score(golds, lines, [str(d.get("text", "")) for d in docs], clusters).as_dict()
    base = score(golds, baseline_lines(docs)).as_dict() if baseline else None
    if as_json:
        out.print(dumps({"extractor": result, "baseline": base}))
    else:
        _print_scores("sitrep extractor", result)
        if base:
            b = base["relevance"]
            out.print(
                f"[bold]keyword baseline[/]  relevance P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}"
            )
        if cluster_note:
            out.print(f"  {cluster_note}")
    if errors:
        for line in score(golds, lines, [str(d.get("text", "")) for d in docs]).errors:
            out.print(line, markup=False)


@app.command("train")
def train_cmd(
    texts: Annotated[list[Path], typer.Option(help="Labelled texts JSONL (repeat for several sets).", exists=True)],
    gold: Annotated[list[Path], typer.Option(help="Gold JSONL for each --texts, in the same order.", exists=True)],
    dest: Annotated[Path, typer.Option("--out", help="Model file to write (JSON).")],
    codebook: Annotated[Path | None, typer.Option(help="Codebook whose rules give the model its features.")] = None,
    note: Annotated[str, typer.Option(help="Provenance note stored in the model (data licences).")] = "",
    relevance_model: Annotated[
        Path | None,
        typer.Option(
            help="Keep this model file's relevance part and train only the event-type models on --texts.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Train the relevance model from gold-format data; point a codebook's `model:` key at the file."""
    from sitrep.extract.training import train_from_files

    if len(texts) != len(gold):
        console.print("[red]error:[/] give one --gold per --texts")
        raise typer.Exit(2)
    try:
        model = train_from_files(list(zip(texts, gold, strict=True)), codebook, note, relevance_model)
    except ValueError as e:  # a labelled pair out of order, a file that is not a model
        console.print(f"[red]error:[/] {e}", markup=True, highlight=False)
        raise typer.Exit(2) from None
    model.save(dest)
    console.print(f"model with {len(model.weights):,} weights, trained on {', '.join(model.trained_on)} → {dest}")
    if model.types_trained_on:
        console.print(f"event-type models trained on {', '.join(model.types_trained_on)}")


@codebook_app.command("check")
def codebook_check(file: Annotated[Path, typer.Argument(help="Codebook YAML file to validate.")]) -> None:
    """Validate a codebook file; print each problem on one line, exit 1 if there are any."""
    from sitrep.extract.codebook import check_codebook

    book, errs = check_codebook(file)
    for e in errs:
        console.print(f"[red]error:[/] {e}", markup=True, highlight=False)
    if book is None or errs:
        raise typer.Exit(1)
    spec = book.spec
    n_cues = sum(len(t.cues.all()) for t in spec.event_types.values())
    out.print(
        f"ok: {book.version} · {len(spec.event_types)} event types · {len(spec.grievances)} grievance tags · "
        f"{n_cues} type cues · model {book.model_path or 'none'}"
    )
