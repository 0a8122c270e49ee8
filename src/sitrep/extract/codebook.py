"""Codebook file (YAML) → validated ``Codebook`` with compiled cue matchers.

A codebook is data: event types, grievance tags, multilingual cues, field definitions, the
relevance threshold and an optional model file. ``check_codebook`` returns readable errors for
``sitrep codebook check``; ``load_codebook`` raises ``CodebookError`` with the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_CODEBOOK = Path(__file__).resolve().parent.parent / "codebooks" / "default.yaml"
LANGS = ("ru", "uk", "en")
MIN_STEM = 3  # shorter "*" stems match half the vocabulary ("по*"); 3+ keeps them specific


class CodebookError(ValueError):
    """The codebook file is missing, not YAML, or does not follow the schema."""


def _check_cue(cue: str) -> str:
    cue = cue.strip().lower().replace("ё", "е")
    if not cue:
        raise ValueError("empty cue")
    for tok in cue.split():
        if tok.endswith("*") and len(tok) - 1 < MIN_STEM:
            raise ValueError(f"cue {cue!r}: stem {tok!r} is shorter than {MIN_STEM} letters")
    return cue


WeightedCue = tuple[str, float]


def _weighted(raw: Any) -> WeightedCue:
    if isinstance(raw, str):
        return (_check_cue(raw), 1.0)
    if isinstance(raw, list | tuple) and len(raw) == 2 and isinstance(raw[0], str):
        weight = float(raw[1])
        if not 0.0 < weight <= 2.0:
            raise ValueError(f"cue {raw[0]!r}: weight {weight} outside (0, 2]")
        return (_check_cue(raw[0]), weight)
    raise ValueError(f"cue {raw!r} must be a string or [string, weight]")


class CueSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ru: list[WeightedCue] = Field(default_factory=list)
    uk: list[WeightedCue] = Field(default_factory=list)
    en: list[WeightedCue] = Field(default_factory=list)

    @field_validator("ru", "uk", "en", mode="before")
    @classmethod
    def _cues(cls, value: Any) -> list[WeightedCue]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError("must be a list of cues")
        return [_weighted(v) for v in value]

    def all(self) -> list[WeightedCue]:
        return [*self.ru, *_uk_v_u(self.uk), *self.en]


def _uk_v_u(cues: list[WeightedCue]) -> list[WeightedCue]:
    """Ukrainian cues with each inner "в" also as "у" and each inner "у" also as "в": the two are one preposition,
    chosen by the sounds around it ("кинути їх у штурм", "кинули в штурм"); a cue's first token stays as written."""
    out: list[WeightedCue] = []
    for cue, w in cues:
        forms = [cue.split()]
        for i in range(1, len(forms[0])):
            other = {"в": "у", "у": "в"}.get(forms[0][i])
            if other:
                forms += [f[:i] + [other] + f[i + 1 :] for f in forms]
        out += [(" ".join(f), w) for f in forms]
    return out


class Combo(BaseModel):
    """Two cues of one clause that together tell the type where neither does alone.

    "командир батальона застрелил мобилизованного", "Officers of the 39th brigade locked about a dozen soldiers in
    a container": a commander (``near``) doing harm (``act``) to his men is abuse whatever the weapon or the place;
    "требовали подписать контракт": pressure and a contract are coercion.
    """

    model_config = ConfigDict(extra="forbid")
    weight: float = Field(gt=0.0, le=2.0, description="weight of the act's cue when the other cue is near it")
    reach: int = Field(8, ge=0, le=20, description="most words between the two cues")
    act: CueSet = Field(description="the act: where the cue sits (evidence, negation) and what is told")
    near: CueSet = Field(description="the other cue, within `reach` words of the act in its sentence")
    near_is_doer: bool = Field(
        False,
        description="the `near` cue names who does the act: before it in the nominative (the act not passive), or "
        "after it in the instrumental or after a `doer_after` word ('shot dead by his commander'); false: either "
        "order",
    )
    one_clause: bool = Field(True, description="no comma, colon, semicolon, dash or bracket between the two cues")
    not_between: CueSet = Field(
        default_factory=CueSet,
        description="words (as written) that, between the two cues, start another clause: 'что', 'said', 'that'",
    )
    passive: CueSet = Field(
        default_factory=CueSet,
        description="auxiliaries (as written) that, in the two words before the act, make it passive ('was', 'were'): "
        "its doer is then not the `near` cue before it",
    )
    doer_after: CueSet = Field(
        default_factory=CueSet, description="words (as written) that name the doer after a passive act ('by')"
    )


class EventTypeDef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    priority: int = Field(ge=1, description="tie-break between types: lower wins")
    wins_over: list[str] = Field(
        default_factory=list, description="types this one beats when it has a strong cue in the event's text"
    )
    strong: float = Field(0.8, gt=0.0, le=2.0, description="cue weight that counts as strong for wins_over")
    via: bool = Field(True, description="whether events of this type carry a `via` (the outlet of an appeal)")
    min_actor_share: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="least share of this type's cue sentences that must name an actor themselves; below it the "
        "act is someone else's (a civilian rally where soldiers only disperse the crowd)",
    )
    with_purpose: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="weight a weaker cue of this type rises to when its sentence also states a demand (`purposes` "
        "cues): relatives who 'marched through the centre demanding demobilisation' protest; 0: never",
    )
    military: float = Field(
        0.0,
        ge=0.0,
        le=2.0,
        description="cue weight of this type at or above which the cue itself makes the report a military one (so "
        "weak actors count): leaving one's unit ('не вернулся в часть', 'втекли з частини') names a soldier's act "
        "whoever tells it; 0: never",
    )
    speaks_for: int = Field(
        0,
        ge=0,
        le=5,
        description="a cue of this type strong enough to anchor an event (0.6+) speaks for the service member named "
        "up to this many sentences before it in its paragraph (an organisation or relatives appealing on his "
        "behalf); 0: only the actor's own sentence and its neighbours count, as for any type",
    )
    lone_member: bool = Field(
        False,
        description="an event of this type whose report writes no number counts one person when the anchor "
        "sentence names one service member ('избил курсанта', 'a deserter was seized'); false where one person "
        "speaks for many (a soldier's wife appealing for his unit)",
    )
    describes_when_subordinate: bool = Field(
        False,
        description="a cue of this type told in a relative clause, a participle or a reason adjunct ('soldiers who "
        "refused were beaten', 'beaten for refusing') names who the act befell or why, not the act: it votes at "
        "half weight and anchors no event while the text tells another act (`relative_words`, `reasons`, "
        "`reasons_for`, `not_reasons`)",
    )
    cues: CueSet
    combos: list[Combo] = Field(
        default_factory=list, description="pairs of cues of one clause that tell this type together (see Combo)"
    )


class MergeSpec(BaseModel):
    """Which event types may become one event when reports are merged (``sitrep.dedup.merge``).

    A type always merges with its own type. ``neighbours``: pairs of types one real-world event is
    often given by different reports; they merge on stronger evidence than one type needs.
    ``named_only``: types that merge with any other type of the codebook only when the reports
    share a rare proper name besides. Any other pair never merges."""

    model_config = ConfigDict(extra="forbid")
    neighbours: list[tuple[str, str]] = Field(
        default_factory=list, description="pairs of types that may merge on stronger evidence"
    )
    named_only: list[str] = Field(
        default_factory=list, description="types that merge with another type only on a shared rare name"
    )


class CodebookModel(BaseModel):
    """The schema of a codebook file."""

    model_config = ConfigDict(extra="forbid")
    name: str
    version: str = Field(min_length=1)
    description: str = ""
    model: str | None = None
    relevance_threshold: float = Field(0.5, gt=0.0, lt=1.0)
    max_gap: int = Field(2, ge=0, le=5)
    require_actor: bool = Field(True, description="relevant only when a type cue sits near an actor cue")
    fields: dict[str, str] = Field(default_factory=dict)
    actors: CueSet
    weak_actors: CueSet = Field(
        default_factory=CueSet,
        description="actors only in a military text (боец, бригада): count when `actors` or `military_context` "
        "cues also occur in the report",
    )
    military_context: CueSet = Field(default_factory=CueSet, description="words that make a text a military one")
    not_actors: CueSet = Field(
        default_factory=CueSet,
        description="phrases that cancel an actor cue they overlap (военные преступления, боец MMA)",
    )
    relatives: CueSet = Field(
        default_factory=CueSet,
        description="kinship words (мать, жена, родные, wife of): right before a weak actor they make it an actor",
    )
    negators: CueSet = Field(default_factory=CueSet)
    hedges: CueSet = Field(default_factory=CueSet)
    traps: CueSet = Field(default_factory=CueSet)
    purposes: CueSet = Field(
        default_factory=CueSet,
        description="words that state what people demand (требуя, з вимогою, demanding): they raise a weak cue of a "
        "type with `with_purpose` in their sentence",
    )
    # Function words the engine's rules read (one or two words each, no weights, no "*" unless said): a codebook in
    # other languages lists its own. Empty: the rule that reads the group never fires.
    forward_hedges: CueSet = Field(
        default_factory=CueSet,
        description="hedges (each also the first word of a `hedges` cue) that cover only the words after them: a "
        "condition or a claim adverb ('если', 'якобы', 'if'); other hedges cover their whole sentence",
    )
    negated_modals: CueSet = Field(
        default_factory=CueSet,
        description="lemmas of modals that, negated right after a type cue, negate it ('Отказаться он не мог', "
        "'refuse he could not')",
    )
    relative_words: CueSet = Field(
        default_factory=CueSet,
        description="relative pronouns (word or lemma: 'который', 'який', 'who') that, up to three words before a cue "
        "of a type with `describes_when_subordinate`, make it describe the people",
    )
    reasons: CueSet = Field(
        default_factory=CueSet,
        description="words (as written) that open a reason or time adjunct up to four words before a cue of a type "
        "with `describes_when_subordinate` ('after he refused', 'после того как', 'бо')",
    )
    reasons_for: CueSet = Field(
        default_factory=CueSet,
        description="prepositions (as written) of a reason right before such a cue or as its first word ('за "
        "відмову', 'for refusing'); a two-word entry ('за то') opens a reason anywhere up to four words before it",
    )
    not_reasons: CueSet = Field(
        default_factory=CueSet,
        description="words (as written) that, right after a `reasons` word, tell what came next, not why: 'after "
        "that', 'после этого'",
    )
    new_event: CueSet = Field(
        default_factory=CueSet,
        description="words or phrases (as written, a trailing '*' for any ending) that, in an anchor sentence with a "
        "date of its own, start another event of the report ('another appeal', 'ещё одно', 'раніше')",
    )
    background: CueSet = Field(
        default_factory=CueSet,
        description="words or phrases (as written) that, at the start of a sentence, make it background the outlet "
        "adds ('Напомним, ...', 'As a reminder'): hedged, and its trap words do not count",
    )
    legal_process: CueSet = Field(
        default_factory=CueSet,
        description="words or phrases (as written, a trailing '*' for any ending) of a criminal case ('face charges', "
        "'підозру', 'обвиняют'): in their sentence a claim adverb inside its clause ('allegedly', 'нібито') is the "
        "law's caution about a concrete case, not someone's claim, and hedges nothing",
    )
    event_types: dict[str, EventTypeDef] = Field(min_length=1)
    grievances: dict[str, CueSet] = Field(default_factory=dict)
    merge: MergeSpec = Field(
        default_factory=MergeSpec, description="event types that may merge across types (default: none)"
    )


@dataclass(frozen=True, slots=True)
class Cue:
    """One compiled cue: its tokens (a trailing "*" means prefix) and weight."""

    label: str
    tokens: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class Codebook:
    """A loaded codebook: the validated model plus where it came from."""

    spec: CodebookModel
    path: Path

    @property
    def version(self) -> str:
        return f"{self.spec.name}/{self.spec.version}"

    @property
    def model_path(self) -> Path | None:
        if not self.spec.model:
            return None
        p = Path(self.spec.model)
        return p if p.is_absolute() else (self.path.parent / p)

    def cues(self, group: str) -> list[Cue]:
        """Compiled cues of one group: "actors", "weak_actors", "military_context", "not_actors",
        "relatives", "negators", "hedges", "traps", "purposes", "type", "grievance".

        A preposition inside a cue also matches its euphonic forms (``_PREPOSITION_FORMS``): "контракт з армія"
        matches "контракт із армією", "сбежать из часть со" alike; a cue's first token stays as written.
        """
        pairs: list[tuple[str, str, float]] = []
        if group == "type":
            for name, td in self.spec.event_types.items():
                pairs += [(name, c, w) for c, w in td.cues.all()]
        elif group == "grievance":
            for name, cs in self.spec.grievances.items():
                pairs += [(name, c, w) for c, w in cs.all()]
        else:
            cueset: CueSet = getattr(self.spec, group)
            pairs += [(group, c, w) for c, w in cueset.all()]
        return _compile(pairs)

    def combo_cues(self, label: str, cueset: CueSet, weight: float | None = None) -> list[Cue]:
        """A combo's cues (``Combo.act`` or ``Combo.near``) compiled as ``cues`` does, labelled ``label``; ``weight``
        replaces their own."""
        return _compile([(label, c, w if weight is None else weight) for c, w in cueset.all()])

    def words(self, group: str, size: int = 1) -> frozenset[tuple[str, ...]]:
        """The entries of one function-word group (``WORD_GROUPS``) that are ``size`` words long, all languages."""
        cueset: CueSet = getattr(self.spec, group)
        return frozenset(t for c, _ in cueset.all() if len(t := tuple(c.split())) == size)

    def phrases(self, group: str, at_start: bool = False) -> re.Pattern[str] | None:
        """A pattern that finds an entry of a phrase group (``new_event``, ``background``, ``legal_process``) in a
        sentence as written,
        whole words, any case (None: the group is empty); ``at_start``: only after the sentence's leading
        punctuation. A trailing "*" stands for any ending ("ещё одн*": "ещё одно", "ещё одного").

        Search text with ``ё`` read as ``е`` (``fold_yo``): cues are written with ``е`` (see ``_check_cue``).
        """
        cueset: CueSet = getattr(self.spec, group)
        alts = [
            " ".join(re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t) for t in c.split())
            for c, _ in cueset.all()
        ]
        if not alts:
            return None
        # literal alternatives joined by single spaces: no nested repetition, linear on any text
        body = "(?:" + "|".join(alts) + r")\b"
        return re.compile((r"^\W*" if at_start else r"\b") + body, re.I)


def fold_yo(text: str) -> str:
    """The text with ё read as е (same length, so offsets stay): how cues are written."""
    return text.replace("ё", "е").replace("Ё", "Е")


# euphonic forms of one preposition (uk "з"/"із"/"зі", ru "с"/"со", "в"/"во", "к"/"ко"): a cue written with one
# matches the others inside a phrase; uk "в"/"у" are added per language by _uk_v_u (ru "у" is another preposition)
_PREPOSITION_FORMS: dict[str, tuple[str, ...]] = {
    "з": ("із", "зі"),
    "із": ("з", "зі"),
    "зі": ("з", "із"),
    "с": ("со",),
    "со": ("с",),
    "в": ("во",),
    "во": ("в",),
    "к": ("ко",),
    "ко": ("к",),
}


def _compile(pairs: list[tuple[str, str, float]]) -> list[Cue]:
    out: list[Cue] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for label, c, w in pairs:
        for tokens in _forms(tuple(c.split())):
            if (label, tokens) not in seen:
                seen.add((label, tokens))
                out.append(Cue(label, tokens, w))
    return out


def _forms(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The cue and its variants with each inner preposition in its other forms (the first token stays)."""
    out = [tokens]
    for i in range(1, len(tokens)):
        alts = _PREPOSITION_FORMS.get(tokens[i], ())
        out += [t[:i] + (a,) + t[i + 1 :] for t in out for a in alts]
    return out


def _format_errors(path: Path, exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        out.append(f"{path}: {where}: {err['msg']}")
    return out


def _merge_errors(path: Path, spec: CodebookModel) -> list[str]:
    """The ``merge`` section's mistakes: unknown types, a type paired with itself, a pair listed
    twice, a ``named_only`` type that is also in a ``neighbours`` pair (which rule would hold?)."""
    errors: list[str] = []
    known = ", ".join(spec.event_types)
    seen: set[frozenset[str]] = set()
    paired: set[str] = set()
    for i, (a, b) in enumerate(spec.merge.neighbours):
        where = f"{path}: merge.neighbours.{i} ({a}, {b})"
        unknown = [t for t in dict.fromkeys((a, b)) if t not in spec.event_types]
        for t in unknown:
            errors.append(f"{where}: unknown type {t!r} (event_types: {known})")
        if a == b:
            errors.append(f"{where}: a type paired with itself (a type always merges with its own type)")
        elif frozenset((a, b)) in seen:
            errors.append(f"{where}: the pair is listed twice")
        seen.add(frozenset((a, b)))
        paired.update((a, b))
    for i, t in enumerate(spec.merge.named_only):
        where = f"{path}: merge.named_only.{i}"
        if t not in spec.event_types:
            errors.append(f"{where}: unknown type {t!r} (event_types: {known})")
        elif t in spec.merge.named_only[:i]:
            errors.append(f"{where}: {t!r} is listed twice")
        elif t in paired:
            errors.append(
                f"{where}: {t!r} is also in a merge.neighbours pair: list a type under neighbours or under "
                "named_only, not both"
            )
    return errors


# function-word groups (see ``CodebookModel``) and how many words an entry may have: the engine compares their
# entries with single tokens (or a token and the next one), so a phrase or a "*" stem there would never match
WORD_GROUPS: dict[str, tuple[int, ...]] = {
    "forward_hedges": (1,),
    "negated_modals": (1,),
    "relative_words": (1,),
    "reasons": (1,),
    "reasons_for": (1, 2),
    "not_reasons": (1,),
}


def _word_group_errors(path: Path, spec: CodebookModel) -> list[str]:
    """Entries of the function-word groups the engine cannot read: too many words, a "*" stem, a forward hedge that
    is no hedge."""
    errors: list[str] = []
    for group, sizes in WORD_GROUPS.items():
        cueset: CueSet = getattr(spec, group)
        for lang in LANGS:
            for i, (cue, _) in enumerate(getattr(cueset, lang)):
                where = f"{path}: {group}.{lang}.{i} ({cue!r})"
                n = len(cue.split())
                if n not in sizes:
                    words = " or ".join(str(k) for k in sizes)
                    errors.append(f"{where}: an entry here is {words} word(s), this one has {n}")
                elif "*" in cue:
                    errors.append(f"{where}: whole words only here, no '*' stems")
    for name, td in spec.event_types.items():
        for k, combo in enumerate(td.combos):
            for group in ("not_between", "passive", "doer_after"):
                for lang in LANGS:
                    for i, (cue, _) in enumerate(getattr(getattr(combo, group), lang)):
                        if len(cue.split()) != 1 or "*" in cue:
                            errors.append(
                                f"{path}: event_types.{name}.combos.{k}.{group}.{lang}.{i} ({cue!r}): one whole word "
                                "per entry here, no phrases or '*' stems"
                            )
    hedges = {c.split()[0] for c, _ in spec.hedges.all()}
    for lang in LANGS:
        for i, (cue, _) in enumerate(getattr(spec.forward_hedges, lang)):
            if cue not in hedges and len(cue.split()) == 1:
                errors.append(
                    f"{path}: forward_hedges.{lang}.{i} ({cue!r}): not the first word of any hedges cue (a forward "
                    "hedge only narrows what a hedge covers)"
                )
    return errors


def check_codebook(path: Path) -> tuple[Codebook | None, list[str]]:
    """Validate a codebook file; return it (or None) and a list of one-line errors."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return None, [f"{path}: cannot read: {exc.strerror or exc}"]
    except yaml.YAMLError as exc:
        return None, [f"{path}: not valid YAML: {str(exc).splitlines()[0]}"]
    if not isinstance(raw, dict):
        return None, [f"{path}: top level must be a mapping with name, version, event_types, ..."]
    try:
        spec = CodebookModel.model_validate(raw)
    except ValidationError as exc:
        return None, _format_errors(path, exc)
    book = Codebook(spec, path.resolve())
    errors = [
        f"{path}: event_types.{name}.wins_over: unknown type {other!r} (event_types: {', '.join(spec.event_types)})"
        for name, td in spec.event_types.items()
        for other in td.wins_over
        if other not in spec.event_types
    ]
    errors += _merge_errors(path, spec)
    errors += _word_group_errors(path, spec)
    mp = book.model_path
    if mp is not None and not mp.exists():
        errors.append(f"{path}: model: file {mp} does not exist (train one with `sitrep train`, or remove the key)")
    return book, errors


# Codebooks loaded in this process by version ("name/version", what each event candidate
# carries): the merge rules of the codebook that produced a candidate (``loaded_codebook``).
_LOADED: dict[str, Codebook] = {}


@lru_cache(maxsize=8)
def load_codebook(path: Path | None = None) -> Codebook:
    """Load and validate a codebook (the default one when ``path`` is None)."""
    book, errors = check_codebook(path or DEFAULT_CODEBOOK)
    fatal = [e for e in errors if "model:" not in e]
    if book is None or fatal:
        raise CodebookError("; ".join(errors))
    _LOADED[book.version] = book
    return book


def loaded_codebook(version: str) -> Codebook | None:
    """The codebook of this version (``Codebook.version``) loaded in this process, if any: event
    candidates carry the version of the codebook that read them (``sitrep.dedup.merge`` takes
    the types that may merge from it)."""
    return _LOADED.get(version)


def loaded_versions() -> tuple[str, ...]:
    """The versions of the codebooks loaded in this process, in loading order."""
    return tuple(_LOADED)
