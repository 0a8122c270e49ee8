"""``Report`` → ``Extraction``: relevance, events, fields and evidence, per the codebook.

Numbered steps, cheapest first (real streams are ~1 % relevant):
1. tokens and lemmas per sentence; 2. cue hits (types, actors, negators, hedges, traps);
3. relevance score: rules, combined with the learned model when the codebook names one —
   irrelevant reports stop here; 4. event anchors (sentences with a strong, non-negated type cue
   near an actor) and segments (a new event starts only where the text says "another appeal"
   with a different date); 5. fields per segment with evidence spans; 6. confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from sitrep.extract.codebook import Codebook, Cue, fold_yo
from sitrep.extract.counts import find_counts, find_individual, lone_member
from sitrep.extract.dates import DateHit, find_dates
from sitrep.extract.model import RelevanceModel
from sitrep.extract.places import Gazetteer, find_places
from sitrep.extract.text import CueIndex, Hit, Sentence, Token, tokenize
from sitrep.extract.units import find_units, unit_key
from sitrep.extract.via import find_via
from sitrep.models import EventCandidate, Evidence, Extraction, Place, Report

HISTORY_YEARS = 30  # an event dated this many years before its report is history (see _historical)
# a year as a date: "в 1915 году", "у 1944 році", "1915 г.", "in 1943", "August 1915". Date grammar, as in dates.py
# (which reads the months for every codebook), not a codebook's vocabulary: it stays in code
_YEAR = re.compile(
    # "в сентябре 1916-го", "у 1916-му" (the year's ordinal ending)
    r"\b(1[6-9]\d\d|20\d\d)(?=\s*(?:год|г\.|рок|році|рік|р\.)|-(?:го|м|му|й)\b)|"
    r"\b(?:in|of|since) (1[6-9]\d\d|20\d\d)\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december) "
    r"(1[6-9]\d\d|20\d\d)\b|"
    # a year heading its line, before 2000: "1917: after the Nivelle offensive, whole French regiments refused"
    r"(?:^|(?<=\n))\s*(1[6-9]\d\d)\s*(?::|\s[\u2013\u2014-]\s)",
    re.I,
)
ANCHOR_MIN = 0.6  # a cue this strong can anchor an event (weights: 1.0 = alone tells the type)
# leave one labelled set out (``bench/extract_cv.py --loso --sweep``, weights 0-3 x bonus 0-0.4): a type model trained
# on other writers' sets adds nothing at 1.0 (254/279 first types right, codebook 1.3) over the rules' vote alone
# (261); at 0.5 it stays a tie-breaker (260) without overruling the cues of wordings it never saw. Codebook 1.4, seven
# sets (team-heldout-4 and -5 added): 384/408 at 0.5 + 0.2, as at 0 + 0 and 1.0 + 0.4 (377-383 elsewhere): kept.
# Codebook 1.5, eight sets (team-heldout-6 added): 449/476 at 0.5 + 0.2 and at 0 + 0, 443-448 elsewhere: kept
TYPE_MODEL_WEIGHT = 0.5
WINS_BONUS = 0.2  # the rules' choice (after wins_over) keeps an edge over the model
# An appeal speaks for the man its paragraph names, often a sentence or two after him: "Боец ... не может получить
# военную пенсию. Почему военкомат ...? Организация берёт дело на контроль. Просим министерство обороны разобраться"
# (an organisation or relatives appealing on his behalf, codebook §2). A cue of a type with `speaks_for: N` (the
# default codebook: appeal, 2) strong enough to anchor an event (ANCHOR_MIN) counts as near an actor named up to N
# sentences before it in the same paragraph. Not after it: in "Жаловался на боли в горле. ... В военкомате же на него
# посмотрели" (real stream) a patient complains. Other types keep the ±1 window (a protest two sentences after the
# soldiers who dispersed it is a civilian one).
# Codebook 1.7, dev sets: milbloggers-dev khamat-42 found; th2-082, th4-024/-058/-081 (an appeal recorded or published
# two sentences after the men are named) score higher; no irrelevant text of sets 1-8, reports-dev, news-channels-dev
# or milbloggers-dev changes its score; the 22k real stream flags the same 16 posts.
STORY_MIN_PARAGRAPHS = 3  # an article with a background paragraph (see Engine._story)
SUPPORT_SPAN = 2  # sentences either side of the best cue whose cues add to the rule score
HEDGE_FACTOR = 0.4  # someone else's claim or propaganda: counts, but less (dev sets: 0.3-0.5 all alike)
# distinct weak actor words that make a text military by themselves ("platoon commander", "cadet",
# "recruit"); two is not enough: a skinhead's "дивизия" and the "полк Азов" he praised were two
WEAK_ACTORS_MILITARY = 3
_PARA_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
# a sentence that opens on the speaker's own relative: "Её сын, мобилизованный ...", "Її чоловік служить ...", "Her son"
_THEIR_OWN = re.compile(
    r"\W*(?:её|ее|его|их|її|його|їхні[йх]?|їхня|her|his|their)\s+"
    r"(?:сын|муж|брат|отец|сын\w*|муж\w*|син|чолові\w*|брат\w*|батьк\w*|son|husband|brother|father|sons)\b",
    re.I,
)
_BULLET = re.compile(r"[—–•▪️\-*]\s")
# a numbered item of a digest ("1) В Туле ...\n2) В Краснодаре ...", "Главное за день. 1. ... 2. ..."): at the text's
# start, a line's start or after a sentence's end; each item tells its own news, so a second anchor in another item
# is another event (team-heldout-6 th6-070, team-heldout-8 th8-037: one protest took Tula's and Krasnodar's places)
_ITEM = re.compile(r"(?:^|(?<=\n)|(?<=[.!?:] ))[ \t]{0,4}(\d{1,2})[.)] ")
# between a negator and a cue: the negator is another clause's ("тех, кто не платит, бьют"); not a dash, which also
# joins a headline's condition and outcome ("Не подписал — избили": reports-dev reads it as coercion, not abuse)
_CLAUSE_BREAK = re.compile(r"[,;:()]")
# The conditional words a threat's cue may open with ("если не подписать"): see Engine.signals
_CONDITIONS = frozenset({"если", "якщо", "if", "unless"})
# Unauthorised absence named as where a man went ("пішов у СЗЧ"): see Engine._negated
_AWOL_WORDS = frozenset({"сзч", "соч", "самоволку", "самоволка", "awol"})
_NOBODY = frozenset(
    {
        "никто", "ніхто", "nobody", "none",
        # "Никакого пикета ... не было" (codebook 1.15)
        "никакого", "никакой", "никакая", "никаких", "никаким", "жодного", "жодної", "жоден", "жодних", "жодна",
    }
)  # fmt: skip
# a question asks, it does not tell: "Як повернутися зі СЗЧ?", "Что грозит отказнику?" (explainers' headlines)
_QUESTION = re.compile(r"\?[\s\"»”)]*$")
# The codebook's function words (`forward_hedges`, `negated_modals`, `relative_words`, `reasons`, `reasons_for`,
# `not_reasons`, `new_event`, `background`, `legal_process`: its languages' words for the rules below) are read in
# Engine.__init__; what stays in code is punctuation, a year as a date (_YEAR), the morphology the tokenizer leaves
# unlemmatised (_PARTICIPLE) and the unit names units.py writes (in English whatever the text's language: _SUBUNIT,
# _PARENT).
# "3-й батальон 115-й бригады": the 1st-9th battalion, company or platoon of a named brigade or regiment is a
# part of it, numbered inside it, not a unit of its own (reports-dev lists "115th brigade" alone); the
# 34th or 415th battalion is numbered army-wide and stays
# codebook §2 "the primary type is the one that happened as the reported act" (types with
# `describes_when_subordinate`; the default codebook: refusal, appeal): a refusal told in a relative clause or a
# participle ("тех, кто отказывался, расстреляли", "солдатів, які відмовилися, били", "soldiers who refused were
# executed", "отказавшихся избивали") names WHO the act befell, not the act; such a cue votes at DESCRIBES_FACTOR and
# anchors no event while the sentence or the text has another cue. It keeps its precedence (a strong refusal cue still
# wins over detention words: "the detention of 234 men who refused is a refusal"). A complaint told so names the victims
# the same way (codebook 1.7): "Russian soldiers who complained about their commanders were locked in a metal cage",
# "военных, которые жалуются на командиров, ... не кормят" tell the cage and the starving, not an appeal.
DESCRIBES_FACTOR = 0.5
_RELATIVE_REACH = 3  # "who had refused", "які раніше відмовилися", "которые сразу отказались"
# A refusal told as the reason or the time of another act names why it befell them, not what happened: "shot dead by
# his commander after he refused to join the assault", "обнулил командир — после того как тот отказался идти в штурм",
# "розстріляв сина за відмову йти в штурм", "beaten for refusing": the killing or the beating is the reported act
# (codebook §2). Words that open such an adjunct (`reasons`) within _REASON_REACH tokens before the cue; "за"/"for"
# (`reasons_for`) only right before it (or as the cue's own first word): "за неделю отказались сорок человек" is a
# count, not a reason.
_REASON_REACH = 4  # "после того как тот отказался", "after he had refused"
# Russian active participles: "отказавшихся", "отказавшиеся", "отказывающимся". Morphology, not vocabulary: the
# lemmatiser turns a participle into its verb ("отказаться"), so only the ending as written tells one; it stays here
_PARTICIPLE = re.compile(
    r"(?:вш|ущ|ющ|ащ|ящ)(?:ий|ая|ое|ее|ие|ых|их|ым|им|ыми|ими|его|ему|ую|ей|ем|ой|ого|ому)(?:ся)?$"
)
# statistics (see Engine._aggregate): a count this big with no unit and no place below a country is an aggregate, and
# weighs as a strong trap word in its paragraph
AGGREGATE_MIN = 1000
AGGREGATE_TRAP = 1.0
# a number of four digits or more, with or without thousands separators ("3500", "89,000", "2 000"), or the word
_BIG_NUMBER = re.compile(r"\b\d{1,3}(?:[ ,.\u00a0]\d{3})+\b|\b\d{4,}\b|(?P<words>тысяч|тисяч|thousands?\b)", re.I)


# cases counted, up to two words after the number: "3500 приговоров", "89,000 criminal cases", "2 тисячі проваджень"
_CASES_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:дел|дела|справ|провадж|приговор|вирок|уголовн|криміналь|cases|verdicts|sentences|"
    r"proceedings|prosecutions|convictions|звернен|обращени|скарг|жалоб|complaints|appeals)",
    re.I,
)
_WORD_REST = re.compile(r"\w*")  # the rest of a word the number word starts ("тисяч|і")


def _word_end(text: str, pos: int) -> int:
    rest = _WORD_REST.match(text, pos)
    return rest.end() if rest else pos


_CURRENCY_BEFORE = re.compile(r"[$€£₽]\s*$")
_RATE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:%|percent\b|per cent\b|процент|відсот)", re.I)
_SIGNATURES = re.compile(r"подпис|підпис|signature", re.I)  # a petition's thousands of signers are no statistics


@lru_cache(maxsize=64)
def _numbered_unit(text: str) -> bool:
    """The text names a numbered unit ("155-ї бригади", "в/ч 12345"); read once per text, however many of its
    sentences ``Engine._aggregate`` asks about."""
    return any(any(ch.isdigit() for ch in u.name) for u in find_units(text, 0, len(text)))


def _number(raw: str) -> int:
    return int(re.sub(r"\D", "", raw) or 0)


def _is_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099


# Combos (codebook ``combos``): what separates the two cues of one clause, and the morphology that tells who does the
# act where the codebook says the `near` cue is the doer. Morphology, not vocabulary (as _PARTICIPLE): the lemmatiser
# keeps no case, so only the ending as written tells "командиры заперли" (they did it) from "командира убили" (it was
# done to him) and "убит", "застрелений" (a passive participle: the man before it suffered the act).
_COMBO_BREAK = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()]|\s[-\u2013\u2014]\s|[\u2013\u2014]")  # not "25,000", "10:30"
_PASSIVE_PARTICIPLE = re.compile(r"(?:[иыі]т|[еяа]н|нн)(?:ий|ый|ая|ое|ые|ого|ых|их|ої|а|о|і|ы|и)?$")
_INSTRUMENTAL = re.compile(r"(?:ом|ем|ём|ами|ями|ою|ею)$")
_CLAUSE_REACH = 60  # characters between a date and the act it dates in one relative clause (see _one_clause)
_CLAUSE_END = re.compile(r"[,;.!?:()\u2014\u2013]")
# ", 10 червня,", ", June 10,", ", 10 June 2023,": a date in apposition, set off by commas inside its clause
_DATE_APPOSITION = re.compile(r",\s*(?:\d{1,2}\s+[^\W\d_]{3,12}|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:\s+\d{4})?\s*,")
# words of holding someone (an abuse cue with one of them tells a detention, see Engine.signals' reasons)
_DETENTION = frozenset(
    {"locked", "held", "kept", "confined", "basement", "hangar", "подвал", "запереть", "закрыть", "держать",
     "посадить", "ангар", "підвал", "замкнути", "зачинити", "закрити", "тримати", "посадити"}
)  # fmt: skip
# modal hedges ("могут отправить", "можуть", "may"): in a chat's run-on sentence they cover only its last part (see
# Engine._hedge_from)
_MODALS = frozenset({"может", "могут", "можно", "може", "можуть", "можна", "may", "might", "could", "can"})
_INNER_STOP = re.compile(r"[.!](?=\s)")
_HEADLINE = re.compile(r"(?!(?:Переслано|Пересланное|Forwarded)\b)[^\n]{10,160}(?<![.!?…:;,])$", re.I)
_UNIT_KIND = re.compile(r"\b(?:battalion|brigade|regiment|division|detachment)\b")
_SUBUNIT = re.compile(r"^[1-9](?:st|nd|rd|th) (?:battalion|company|platoon)$")
_PARENT = re.compile(r"\b(?:brigade|regiment|division)$")


def _historical(sent: Sentence, pub: datetime | None, text: str = "") -> bool:
    """The sentence that tells the act dates it only to years more than HISTORY_YEARS before publication (before
    1991 where the report is undated): history, not a case today. A sentence with no year of its own takes the
    text's: "On 20 March 1914, dozens of British cavalry officers ... The episode, often called the Curragh Mutiny,
    ..." (team-heldout-13).

    "Сегодня годовщина: в августе 1915 года целые роты дезертировали", "in 1943 a penal battalion refused": the
    anniversary or the essay is published now, the desertion is a century old (codebook §1: no concrete case).
    """
    years = _years(sent.text) or _years(text)
    if not years:
        return False
    return max(years) < (pub.year - HISTORY_YEARS if pub is not None else 1991)


_BIRTH = re.compile(r"\s*(?:года|року|г\.|р\.)?\s*(?:рождения|народження|р\.\s*н\.|г\.\s*р\.)", re.I)


def _after_last_stop(s: Sentence, pos: int) -> int | None:
    """The first token after the last stop before text offset ``pos`` inside a run-on sentence (a chat's stops before
    lower-case words, see text.split_sentences), or None where no stop comes before it."""
    stops = [m.end() for m in _INNER_STOP.finditer(s.text, 0, pos - s.start)]
    if not stops:
        return None
    at = s.start + stops[-1]
    return next((k for k, t in enumerate(s.tokens) if t.start >= at), 0)


def _years(text: str) -> list[int]:
    """The years a text names, not a man's year of birth ("Чоловік 1989 року народження", "born in 1989") nor a unit's
    ordinal ("военнослужащего 1618-го полка": the unit extractor reads it; team-heldout-42 dated a deserter's case to
    history)."""
    matches = list(_YEAR.finditer(text))
    units = [(u.start, u.end) for u in find_units(text, 0, len(text))] if matches else []
    return [
        int(m.group(m.lastindex or 1))
        for m in matches
        if not _BIRTH.match(text, m.end())
        and not any(a <= m.start() < b for a, b in units)
        and not re.search(r"born\s+(?:in\s+)?$", text[max(0, m.start() - 10) : m.start(m.lastindex or 1)], re.I)
    ]


def _split_compounds(s: Sentence) -> Sentence:
    """The sentence with each hyphenated compound followed by its halves, for finding actors, context and traps.

    "контрактника-дезертира", "мобилизованного-срочника": each half names the man (the lemmatiser keeps the compound
    whole: "контрактник-дезертир"); the compound stays too, so cues written with it ("боец поп-мма", "late-night
    address") still match (within ``max_gap``). Type cues are found on the sentence as written.
    """
    if not any("-" in t.word for t in s.tokens):
        return s
    toks: list[Token] = []
    for t in s.tokens:
        toks.append(t)
        words = t.word.split("-")
        if len(words) != 2 or any(len(w) < 3 for w in words):
            continue
        lemmas = t.lemma.split("-")
        if len(lemmas) != len(words):
            lemmas = words
        pos = t.start
        for w, lem in zip(words, lemmas, strict=True):
            toks.append(Token(w, lem, pos, pos + len(w)))
            pos += len(w) + 1
    return replace(s, tokens=tuple(toks))


def _collapse(hits: list[Hit]) -> list[Hit]:
    """One hit per overlapping run of cues of one type in a sentence: the strongest.

    "держат в подвалах" matches "держать в подвал" (0.9), "держать в" (0.4) and "подвал" (0.3); the longer
    cue is the stronger reading of the same words, not three pieces of evidence.
    """
    out: list[Hit] = []
    seen: list[Hit] = []  # every hit so far, kept or not: "подвал" overlaps the dropped "держать в подвал" (a run)
    for h in sorted(hits, key=lambda h: (h.sentence, h.cue.label, -h.cue.weight, h.start)):
        run = any(
            o.sentence == h.sentence and o.cue.label == h.cue.label and o.start < h.end and h.start < o.end
            for o in seen
        )
        seen.append(h)
        if not run:
            out.append(h)
    out.sort(key=lambda h: (h.sentence, h.start))
    return out


def _drop_subunits(units: list[str]) -> list[str]:
    if not any(_PARENT.search(u) for u in units):
        return units
    return [u for u in units if not _SUBUNIT.match(u)]


@dataclass(frozen=True, slots=True)
class _ComboRule:
    """One codebook ``Combo`` of one type, compiled (see ``Engine._combo_hits``)."""

    label: str  # the type
    weight: float
    near: CueIndex
    reach: int
    doer: bool
    one_clause: bool
    not_between: frozenset[str]
    passive: frozenset[str]
    doer_after: frozenset[str]


# a deserter caught or tried: the news a desertion report is dated by when the flight has only its month
_CAUGHT = re.compile(
    r"(?i)\b(?:задерж|затрим|приговор|вирок|засуд|осуд|поймал|спіймал|detain|arrest|sentenc|convict|caught)"
)

# a video or letter made public: the news an appeal is dated by when the sentence before gives only a month or a year
_PUBLISHED = re.compile(
    r"(?i)\b(?:posted|published|released|uploaded|опубликова|выложи|разместил|появилось|появилась|оприлюдни|"
    r"опублікува|виклала|виклали|виклав|з'явилося|з’явилося)"
)
_DAY_NEWS = {"desertion": _CAUGHT, "appeal": _PUBLISHED}

_ITEM_SEP = "; "


# "since" before a date: the start of a state that lasts ("с 20 августа", "з 20 серпня", "since August 20")
_SINCE = re.compile(r"(?<!\w)(?:с|со|з|із|зі|since)\s+$", re.I)


def _tok_start(s: Sentence, tok: int) -> int:
    """The text offset of a token of the sentence (its last token's for an index past the end)."""
    return s.tokens[min(tok, len(s.tokens) - 1)].start


def _item_of(text: str, s: Sentence, tok: int) -> int:
    """Which "; "-separated item of its sentence a token stands in (0 when the sentence has none)."""
    if not s.tokens or _ITEM_SEP not in s.text:
        return 0
    return text.count(_ITEM_SEP, s.start, _tok_start(s, tok))


_NONE_ADJ = frozenset({"какой", "який", "один", "одна", "одно"})


def _in_header(text: str, s: Sentence, tok: int) -> bool:
    """The token stands before the colon that ends the sentence's first item ("Reading list: a; b; c")."""
    first = text.find(_ITEM_SEP, s.start, s.end)
    colon = text.find(": ", s.start, first if first >= 0 else s.end)
    return colon >= 0 and _tok_start(s, tok) < colon


def _refused_to_them(s: Sentence, h: Hit) -> bool:
    """ "A recruit was refused hospital treatment", "they were refused leave": the men were denied something, which is
    no refusal of theirs (codebook 1.17, team-heldout-61)."""
    return (
        h.cue.label == "refusal"
        and h.start > 0
        and s.tokens[h.start].word in ("refused", "denied")
        and s.tokens[h.start - 1].word in ("was", "were", "been", "being", "is", "are")
    )


def _nominative(tok: Token) -> bool:
    """A ru/uk noun as its lemma or its plural in -ы/-и ("командир", "командиры", "офіцери"): a subject's form, not
    "командира" (whom the act befell)."""
    return tok.word == tok.lemma or (tok.word[:-1] == tok.lemma and tok.word[-1] in "ыи")


@dataclass(frozen=True, slots=True)
class Signals:
    """What the rules saw in one report (also the learned model's rule features)."""

    sentences: tuple[Sentence, ...]
    type_hits: tuple[Hit, ...]  # non-negated
    negated: int
    actor_sents: frozenset[int]  # sentences with an actor in them or next to them (same paragraph)
    hedge_sents: frozenset[int]  # sentences with a hedge anywhere
    hedged: frozenset[tuple[int, int]]  # (sentence, token) of the type cues the hedge covers
    trap: float
    rule_score: float
    # (sentence, token) of refusal cues told as the reason of a violent act in their sentence (see _REASON_REACH)
    reasons: frozenset[tuple[int, int]] = frozenset()
    aggregates: frozenset[int] = frozenset()  # sentences with a type cue that tell statistics (see Engine._aggregate)


class Engine:
    def __init__(self, book: Codebook, model: RelevanceModel | None, gaz: Gazetteer) -> None:
        self.book = book
        self.model = model
        self.gaz = gaz
        gap = book.spec.max_gap
        self.max_gap = gap
        self.types = CueIndex(book.cues("type"), gap)
        self.actors = CueIndex(book.cues("actors"), gap)
        self.weak_actors = CueIndex(book.cues("weak_actors"), gap)
        self.context = CueIndex(book.cues("military_context"), gap)
        self.not_actors = CueIndex(book.cues("not_actors"), gap)
        self.relatives = CueIndex(book.cues("relatives"), gap)
        self.min_share = {name: td.min_actor_share for name, td in book.spec.event_types.items()}
        self.negators = {c.tokens[0] for c in book.cues("negators")}
        self.hedges = CueIndex(book.cues("hedges"), gap)
        self.traps = CueIndex(book.cues("traps"), gap)
        self.purposes = CueIndex(book.cues("purposes"), gap)
        self.with_purpose = {name: td.with_purpose for name, td in book.spec.event_types.items() if td.with_purpose}
        self.grievances = CueIndex(book.cues("grievance"), gap)
        self.priority = {name: td.priority for name, td in book.spec.event_types.items()}
        self.wins_over = {name: set(td.wins_over) for name, td in book.spec.event_types.items()}
        self.strong = {name: td.strong for name, td in book.spec.event_types.items()}
        self.military = {name: td.military for name, td in book.spec.event_types.items() if td.military}
        types = book.spec.event_types
        self.speaks_for = {name: td.speaks_for for name, td in types.items() if td.speaks_for}
        self.lone_member = frozenset(name for name, td in types.items() if td.lone_member)
        self.describing = frozenset(name for name, td in types.items() if td.describes_when_subordinate)
        # function words, compared as written or by lemma as each rule says (see the codebook's groups)
        self.forward_hedges = {w for (w,) in book.words("forward_hedges")}
        self.neg_modals = {w for (w,) in book.words("negated_modals")}
        self.relative_words = {w for (w,) in book.words("relative_words")}
        self.reason_words = {w for (w,) in book.words("reasons")}
        self.reason_for = {w for (w,) in book.words("reasons_for")}
        self.reason_for_pairs = book.words("reasons_for", 2)
        self.not_reasons = {w for (w,) in book.words("not_reasons")}
        self.combos = [
            _ComboRule(
                name,
                combo.weight,
                CueIndex(book.combo_cues(name, combo.near), gap),
                combo.reach,
                combo.near_is_doer,
                combo.one_clause,
                frozenset(c for c, _ in combo.not_between.all()),
                frozenset(c for c, _ in combo.passive.all()),
                frozenset(c for c, _ in combo.doer_after.all()),
            )
            for name, td in types.items()
            for combo in td.combos
        ]
        # every combo's acts in one index, labelled by the combo's place in ``combos``: one scan of a sentence finds
        # them all, and the `near` cues are looked for only in the few sentences that have an act
        self.combo_acts = CueIndex(
            [
                cue
                for k, combo in enumerate(c for td in types.values() for c in td.combos)
                for cue in book.combo_cues(str(k), combo.act, combo.weight)
            ],
            gap,
        )
        self.new_event = book.phrases("new_event")
        self.background = book.phrases("background", at_start=True)
        self.legal = book.phrases("legal_process")

    # 1-3 ------------------------------------------------------------------------------------
    def signals(self, text: str, lang: str) -> Signals:
        sentences = tuple(tokenize(text, lang))
        type_hits: list[Hit] = []
        negated = 0
        own_actor: set[int] = set()  # sentences naming a service member (or relatives) themselves
        weak_actor: set[int] = set()  # sentences with an actor word that is one only in a military text
        weak_words: set[tuple[str, ...]] = set()
        military = False
        hedge_sents: set[int] = set()
        hedged: set[tuple[int, int]] = set()
        traps: dict[tuple[str, ...], tuple[float, int]] = {}
        trap_items: dict[tuple[str, ...], tuple[int, int]] = {}  # a trap inside one item of a "; "-separated digest
        para = self._paragraphs(text, sentences)
        # a digest's bulleted line is a block of its own for traps: "— Погода: к среде похолодает" (team-heldout-14)
        block = self._paragraphs(text, sentences, bullets=True)
        # a demand in the sentence or the next one of its paragraph ("Рідні зібралися біля ОДА. Вони вимагали ...")
        purpose = {s.index for s in sentences if self.with_purpose and self.purposes.find(s)}
        purposeful = purpose | {i - 1 for i in purpose if i and para[i - 1] == para[i]}
        for s in sentences:
            found: list[Hit] = []
            # the sentence before on the same line (a digest's next line is another item)
            prev: Sentence | None = sentences[s.index - 1] if s.index else None
            if prev is not None and "\n" in text[prev.end : s.start]:
                prev = None
            raw = self.types.find(s) + self._combo_hits(s, lang, prev)
            for h in raw:
                if self._spans_a_cue(h, raw) or self._inside_other(h, raw) or _refused_to_them(s, h):
                    continue
                if self._negated(s, h):
                    negated += 1
                else:
                    found.append(h)
            if found and s.index in purposeful:
                found = [self._purposeful(h) for h in found]
            type_hits += found
            sa = _split_compounds(s)  # "контрактника-дезертира" names a контрактник
            blocked = {i for h in self.not_actors.find(sa) for i in range(h.start, h.end)}
            actor_hits = [h for h in self.actors.find(sa) if not blocked.intersection(range(h.start, h.end))]
            if actor_hits:
                own_actor.add(s.index)
                military = True
            weak = [h for h in self.weak_actors.find(sa) if not blocked.intersection(range(h.start, h.end))]
            for h in weak:
                weak_actor.add(s.index)
                weak_words.add(h.cue.tokens)
            if weak and self._relatives_of(sa, weak):
                own_actor.add(s.index)  # "мать бойца", "родини військовополонених", "the wife of a marine"
                military = True
            if not military and self.context.find(sa):
                military = True
            background = self.background is not None and bool(self.background.search(fold_yo(s.text)))
            hedge_span = self._hedge_from(s, background)
            if hedge_span is not None:
                hedge_sents.add(s.index)
                lo, hi = hedge_span
                # a cue that is itself a condition ("якщо не підписати", "if they did not sign") tells a threat, which a
                # hedge "if" does not make hypothetical (codebook 1.16, team-heldout-46)
                hedged.update(
                    (s.index, h.start)
                    for h in found
                    if lo <= h.start < hi and not _CONDITIONS.intersection(h.cue.tokens)
                )
            taken = {i for h in actor_hits for i in range(h.start, h.end)}
            # so is one inside a gathering's demand ("stood outside the legislature asking lawmakers to secure ...")
            if s.index in purpose:
                taken |= {i for h in self.purposes.find(sa) for i in range(h.start, h.end)}
            for h in () if background else self.traps.find(sa):
                # a trap word inside an actor ("рідні полонених": relatives of prisoners) is the actor, no trap; a trap
                # that reaches past the actor ("обращение к военнослужащим": an address to them) stays one
                if not taken.issuperset(range(h.start, h.end)):
                    first_seen = h.cue.tokens not in traps
                    traps[h.cue.tokens] = (h.cue.weight, block[s.index])
                    if s.text.count(_ITEM_SEP) < 2 or _in_header(text, sa, h.start):
                        trap_items.pop(h.cue.tokens, None)  # said outside a digest's item: it weighs on the whole
                    elif first_seen:
                        trap_items[h.cue.tokens] = (s.index, _item_of(text, sa, h.start))
        type_hits = _collapse(type_hits)
        aggregates = frozenset(i for i in {h.sentence for h in type_hits} if self._aggregate(text, sentences[i], lang))
        for i in aggregates:
            traps[("<aggregate>",)] = (AGGREGATE_TRAP, block[i])
        # an act only a service member commits ("не вернулся в часть", "втекли з частини", "СЗЧ"): the text is a
        # military one, so "военному, который не вернулся в часть" and "двоє військових втекли" name soldiers
        if any(h.cue.weight >= self.military.get(h.cue.label, 9.0) for h in type_hits):
            military = True
        if len(weak_words) >= WEAK_ACTORS_MILITARY:
            military = True
        if weak_actor and not military:
            # a numbered unit ("128-ї бригади", "1428th regiment") makes it military; an ОПГ "бригада",
            # a skinheads' "дивизия" carry no number
            # a named battalion or brigade too ("батальона «Кама»", "the Kama battalion": codebook 1.9), not a service
            # named alone (Rosgvardia also guards hospitals, a general in custody is no unit)
            military = any(
                any(c.isdigit() for c in u.name) or _UNIT_KIND.search(u.name) for u in find_units(text, 0, len(text))
            )
        if military:  # боец, бригада are soldiers only in a text about the military (not MMA, not an ОПГ)
            own_actor |= weak_actor
        type_hits = self._drop_bystander_types(type_hits, own_actor)
        near = self._near_sents(text, sentences, own_actor)
        near |= self._speaking_for(text, sentences, own_actor, type_hits)  # see `speaks_for`
        # each trap cue counts once: a long post repeating "указ" is no more a trap than one saying it once;
        # and only in a paragraph that has a type cue: a digest's weather teaser does not cancel its picket
        cued = {block[h.sentence] for h in type_hits}
        # a trap in one item of a digest sentence of three items or more ("...rallied in Shpola on 17 May; the council
        # approved funds for shelters; a charity fair raised money for drones") weighs on that item only, unless a type
        # cue stands elsewhere in its block; a trap in the digest's heading ("Reading list: ...") weighs on all
        # (codebook 1.17)
        items = {(h.sentence, _item_of(text, sentences[h.sentence], h.start)) for h in type_hits}
        trap = sum(
            w
            for key, (w, p) in traps.items()
            if p in cued
            and (
                key not in trap_items
                or trap_items[key] in items
                or any(block[h.sentence] == p and h.sentence != trap_items[key][0] for h in type_hits)
            )
        )
        score = self._rule_score(type_hits, near, hedged, trap)
        reasons = frozenset(
            (h.sentence, h.start)
            for h in type_hits
            if self._reason(sentences[h.sentence], h)
            and any(
                o.sentence == h.sentence
                and o.cue.label in self.wins_over[h.cue.label]
                and o.cue.weight >= ANCHOR_MIN
                # holding the refusers is the refusal's own sequel (codebook §2): "disarmed and locked in a basement
                # after declining to move to assault positions" stays a refusal (team-heldout-22); "beaten for
                # refusing" tells the beating
                and not _DETENTION.intersection(o.cue.tokens)
                for o in type_hits
            )
        )
        return Signals(
            sentences,
            tuple(type_hits),
            negated,
            frozenset(near),
            frozenset(hedge_sents),
            frozenset(hedged),
            trap,
            score,
            reasons,
            aggregates,
        )

    def _combo_hits(self, s: Sentence, lang: str, prev: Sentence | None = None) -> list[Hit]:
        """The act cues of the codebook's combos whose other cue is near them in one clause (see ``Combo``).

        A combo that may span clauses (``one_clause: false``, no doer) also takes its `near` cue from the sentence
        before on the same line (``prev``; a digest's next line is another item): "A video posted to TikTok shows 14
        soldiers ... They ... ask for leave", "Им обещали охрану складов. В сентябре их перевели в штурмовую роту".
        """
        out: list[Hit] = []
        nears: dict[int, list[Hit]] = {}
        for a in self.combo_acts.find(s):
            k = int(a.cue.label)
            rule = self.combos[k]
            if k not in nears:
                nears[k] = rule.near.find(s)
            fits = any(self._combo_fits(s, rule, n, a, lang) for n in nears[k])
            if not fits and prev is not None and not rule.one_clause and not rule.doer:
                fits = bool(rule.near.find(prev)) and self._combo_fits(s, rule, a, a, lang, shared=True)
            if fits:
                out.append(Hit(Cue(rule.label, a.cue.tokens, rule.weight), a.sentence, a.start, a.end))
        return out

    @staticmethod
    def _combo_fits(s: Sentence, rule: _ComboRule, near: Hit, act: Hit, lang: str, shared: bool = False) -> bool:
        """``shared``: the `near` cue is in the sentence before; only the act's own form is checked."""
        if not shared and near.start < act.end and act.start < near.end:
            return False  # the same words
        first, second = (near, act) if near.end <= act.start else (act, near)
        if second.start - first.end > rule.reach:
            return False
        toks = s.tokens
        between = s.text[toks[first.end - 1].end - s.start : toks[second.start].start - s.start]
        if rule.one_clause and _COMBO_BREAK.search(_DATE_APPOSITION.sub(" ", between)):
            return False  # a date set off by commas breaks no clause: "Комбат ... у суботу, 10 червня, розстріляв"
        if any(t.word in rule.not_between for t in toks[first.end : second.start]):
            return False
        inflected = lang in ("ru", "uk")
        if not rule.doer:
            # a participle describes ("видео, призванные показывать успехи": meant to show), it tells no act
            word = toks[act.start].word
            return not (inflected and (_PARTICIPLE.search(word) or _PASSIVE_PARTICIPLE.search(word)))
        if near is first:  # "командир батальона застрелил", "Officers of the brigade locked"
            if any(t.word in rule.passive for t in toks[max(0, act.start - 2) : act.start]):
                return False  # "the commander was shot": he is the one it befell
            if inflected and _PASSIVE_PARTICIPLE.search(toks[act.start].word):
                return False  # "командир убит"
            return not inflected or _nominative(toks[near.start])
        # the doer after a passive act: "shot dead by his commander", "застрелен командиром"
        if any(t.word in rule.doer_after for t in toks[max(0, near.start - 3) : near.start]):
            return True
        if (
            inflected
            and second.start - first.end <= 1
            and _nominative(toks[near.start])
            and not s.text[toks[near.start].start - s.start : toks[near.start].end - s.start].isupper()
            and not _PARTICIPLE.search(toks[act.start].word)
            and not _PASSIVE_PARTICIPLE.search(toks[act.start].word)
        ):
            # the doer right after an active verb: "в субботу застрелил командир роты" (codebook 1.21); not an
            # indeclinable abbreviation further on ("затримало посадовця одного з обласних ТЦК")
            return True
        return inflected and bool(_INSTRUMENTAL.search(toks[near.start].word))

    def _aggregate(self, text: str, s: Sentence, lang: str) -> bool:
        """A count of a thousand or more (not money, not signatures) with no town or region in its sentence and no
        numbered unit in the text: statistics over a country or a period, no concrete case (codebook §1).

        "За квітень до військових частин повернулися понад 2 тисячі військових, які перебували в СЗЧ", "военные суды
        вынесли более 3500 приговоров", "More than 89,000 criminal cases for going AWOL were opened in Ukraine"
        (team-heldout-9, -10); "близько 1700 військовослужбовців 155-ї бригади самовільно залишили частину" names its
        brigade and stays a case.
        """
        rate = _RATE.search(s.text)  # "AWOL cases fell by 12 percent", "на 15% больше дел": a trend, no case
        if not _BIG_NUMBER.search(s.text) and not rate:
            return False
        # people counted by the thousand ("понад 2 тисячі військових"), or cases, verdicts, proceedings ("более 3500
        # приговоров", "89,000 criminal cases"); not money ("300 тысяч им не выплатили", "$9,000"), not signatures
        people = not _SIGNATURES.search(s.text) and any(
            c.value >= AGGREGATE_MIN for c in find_counts(text, s.start, s.end)
        )
        cases = any(
            (m["words"] or (_number(m[0]) >= AGGREGATE_MIN and not _is_year(m[0])))
            and not _CURRENCY_BEFORE.search(s.text, max(0, m.start() - 2), m.start())
            and _CASES_AFTER.match(s.text, _word_end(s.text, m.end()))
            for m in _BIG_NUMBER.finditer(s.text)
        )  # "89,000 criminal cases", "понад три тисячі звернень" (thousands of complaints)
        if not (people or cases or rate):
            return False
        if _numbered_unit(text):
            return False  # a numbered unit anywhere in the text: "1700 військовослужбовців бригади" is the 155th's
        # a town makes it a case; a country or a region does not ("на Сумщині за десять місяців зареєстрували понад
        # 1400 проваджень": codebook 1.17, team-heldout-63)
        return not any(
            p.place.fcode not in ("country", "ADM1", "region") for p in find_places(text, [s], self.gaz, lang)
        )

    def _purposeful(self, h: Hit) -> Hit:
        """A weak cue of a type told with its demand in one sentence counts as that type's strong cue.

        "Кілька сотень рідних військових пройшли ходою з вимогою визначити терміни служби", "wives came to the
        government building to demand rotation": going somewhere together is a gathering in person once the sentence
        says what they demand there (codebook ``with_purpose``); alone ("вышли на связь") it stays weak.
        """
        w = self.with_purpose.get(h.cue.label, 0.0)
        if h.cue.weight >= w:
            return h
        return Hit(Cue(h.cue.label, h.cue.tokens, w), h.sentence, h.start, h.end)

    def _hedge_from(self, s: Sentence, background: bool) -> tuple[int, int] | None:
        """The tokens the sentence's hedge covers, as [from, to) (None: no hedge).

        Propaganda, a question or background hedges the whole sentence; a forward hedge (`forward_hedges`) only
        what follows it: "избивают, угрожая «обнулить», если они не пойдут в штурм" tells the beating as a fact.
        A forward hedge inside its clause (a claim adverb: "які поїхали до Росії нібито на навчання, у березні
        змусили підписати контракти") covers only the rest of that clause, and nothing in a sentence that names a
        criminal case (`legal_process`: "face charges after they allegedly would not take up positions"); one that
        opens its clause (a condition: "Если откажется, его расстреляют") covers the sentence's rest.
        """
        n = len(s.tokens)
        if background:
            return 0, n
        q = _QUESTION.search(s.text)
        if q:
            # a chat's run-on sentence asks only in its last part: "... держали там пока не подпишешь контракт на СВО.
            # может кто знает правозащитников?" (team-heldout-23); the question's part starts after the last stop
            return _after_last_stop(s, s.start + q.start()) or 0, n
        # a negated modal states a fact: "их месяц не могут провести через ВЛК" (they cannot), not "могут отправить"
        # (they may) (team-heldout-19)
        hits = [h for h in self.hedges.find(s) if not (h.start and s.tokens[h.start - 1].word.lower() in self.negators)]
        if not hits:
            return None
        if all(h.cue.tokens[0] in _MODALS and len(h.cue.tokens) == 1 for h in hits):
            # in a chat's run-on sentence (stops before lower-case words, see text.split_sentences) a modal hedges only
            # the part after the last stop: "... держали там пока не подпишешь контракт на СВО. может кто знает
            # правозащитников" (team-heldout-23); in prose it hedges its sentence ("Військовий, який ... залишив
            # частину, може подати рапорт": a rule, no case)
            part = _after_last_stop(s, s.tokens[min(h.start for h in hits)].start)
            if part is not None:
                return part, n
        if not all(h.cue.tokens[0] in self.forward_hedges for h in hits):
            return 0, n
        first = min(h.start for h in hits)
        tok = s.tokens[first]
        before = s.text[: tok.start - s.start].rstrip()
        if not before or before[-1] in ",;:—–(" or first == 0:
            return first, n  # it opens its clause
        if self.legal is not None and self.legal.search(fold_yo(s.text)):
            return None  # "face charges after they allegedly would not take up positions": the law's caution
        rest = s.text[tok.end - s.start :]
        brk = _CLAUSE_BREAK.search(rest)
        if brk is None:
            return first, n
        cut = tok.end + brk.start()
        return first, next((k for k in range(first, n) if s.tokens[k].start >= cut), n)

    def _relatives_of(self, s: Sentence, weak: list[Hit]) -> bool:
        """A relative's word right before a weak actor ("жена бойца", "мати загиблого бійця", "wife of a marine").

        The kinship names whose soldier it is: the two together are an actor even where "боец" alone
        would need a military text around it.
        """
        reach = self.max_gap + 2  # "мати загиблого бійця", "the wife of a Ukrainian marine"
        return any(0 <= w.start - r.end <= reach for r in self.relatives.find(s) for w in weak)

    def _drop_bystander_types(self, hits: list[Hit], actor: set[int]) -> list[Hit]:
        """Drop a type whose cue sentences mostly name no actor (codebook ``min_actor_share``).

        A rally told in six sentences of which one mentions soldiers (who dispersed it) is a
        civilian protest. Only types cued in 3+ sentences are judged: with one or two, the actor
        is often named in the sentence before ("Жёны мобилизованных ... Они вышли на пикет").
        """
        by_type: dict[str, set[int]] = defaultdict(set)
        for h in hits:
            by_type[h.cue.label].add(h.sentence)
        drop = {
            name
            for name, sents in by_type.items()
            if len(sents) >= 3 and len(sents & actor) < self.min_share.get(name, 0.0) * len(sents)
        }
        return [h for h in hits if h.cue.label not in drop] if drop else hits

    @staticmethod
    def _paragraphs(text: str, sentences: Sequence[Sentence], bullets: bool = False) -> list[int]:
        """Paragraph number of each sentence (a blank line starts a new paragraph; with ``bullets`` a line opened by a
        dash or a bullet too)."""
        out: list[int] = []
        n = 0
        for i, s in enumerate(sentences):
            gap = text[sentences[i - 1].end : s.start] if i else ""
            if i and (_PARA_BREAK.search(gap) or (bullets and "\n" in gap and _BULLET.match(text, s.start))):
                n += 1
            out.append(n)
        return out

    @staticmethod
    def _near_sents(text: str, sentences: Sequence[Sentence], actor: set[int]) -> set[int]:
        """Sentences with an actor in them or in the sentence before/after within the same paragraph.

        A blank line ends a paragraph: in news digests each paragraph is another story, and the
        soldiers of one bullet are not the protesters of the next.
        """
        near = set(actor)
        # a headline and the lead under it tell one story: "В сегежской колонии заключённых держат в ШИЗО, пока не
        # подпишут контракт" over "В январе ... около сорока осуждённых подписали контракты с Минобороны"
        # (team-heldout-18); a headline is the text's first line, with no stop at its end
        headline = bool(sentences) and _HEADLINE.match(text[sentences[0].start : sentences[0].end]) is not None
        for i in actor:
            for j in (i - 1, i + 1):
                if 0 <= j < len(sentences):
                    a, b = sorted((i, j))
                    gap = text[sentences[a].end : sentences[b].start]
                    # the headline's cue takes the lead's actor, not the other way: "Призывникам ... стали приходить
                    # уведомления" over a lead that lists what is forbidden tells no act of theirs
                    if not _PARA_BREAK.search(gap) or (j == 0 and headline):
                        near.add(j)
        return near

    def _speaking_for(self, text: str, sentences: Sequence[Sentence], actor: set[int], hits: Sequence[Hit]) -> set[int]:
        """Sentences with a strong cue of a `speaks_for` type up to its reach of sentences after an actor's, in one
        paragraph."""
        out: set[int] = set()
        for h in hits:
            i = h.sentence
            reach = self.speaks_for.get(h.cue.label, 0)
            if not reach or h.cue.weight < ANCHOR_MIN:
                continue
            for j in actor:
                # or before an actor the speaker names as their own: "Жительница Ханженково записала видеообращение
                # ... Её сын, мобилизованный в 2022 году, служит в в/ч 73981" (codebook 1.21, team-heldout-83)
                if 0 < i - j <= reach or (0 < j - i <= reach and _THEIR_OWN.match(sentences[j].text)):
                    a, b = sorted((i, j))
                    if not _PARA_BREAK.search(text[sentences[a].end : sentences[b].start]):
                        out.add(i)
        return out

    def _spans_a_cue(self, h: Hit, hits: Sequence[Hit]) -> bool:
        """A cue that carries its own negation and reaches over another cue with its gap: "не отказались идти" is no
        "не идти" (the refusal it skips over is the one negated); "не будет подписывать контрактов" stays "не
        подписывать контракт" (the cue inside ends with it: its own words)."""
        if h.cue.tokens[0] not in self.negators or h.end - h.start == len(h.cue.tokens):
            return False
        return any(h.start < o.start and o.end < h.end for o in hits if o is not h)

    def _inside_other(self, h: Hit, hits: Sequence[Hit]) -> bool:
        """A cue that starts inside a refusal's (a `describes_when_subordinate` type's) cue, after its first word,
        tells what was refused: in "отказались подписывать контракты" no contract was signed (no coercion; codebook
        1.15, team-heldout-30). Not inside other cues: in "forced 12 subordinates to transfer ... pay" the transfer is
        the act itself."""
        return any(
            o.cue.label in self.describing and o.cue.label != h.cue.label and o.start < h.start < o.end for o in hits
        )

    def _negated(self, s: Sentence, h: Hit) -> bool:
        if any(t in self.negators for t in h.cue.tokens):
            # the cue carries its own negation ("не пойти"), but not going AWOL is no refusal: "жоден не пішов у СЗЧ",
            # "никто не ушёл в СОЧ" (codebook 1.16, team-heldout-45)
            # ("не вернулся из СЗЧ" stays a desertion)
            return h.cue.label == "refusal" and any(t.word in _AWOL_WORDS for t in s.tokens[h.end : h.end + 2])
        # a negator counts only inside the cue's own clause: in "тих, хто не платить, б'ють" the "не" is the payer's
        first = s.tokens[h.start]
        # "ніхто з нашої роти в СЗЧ не пішов", "никто из них не дезертировал", "none of them deserted": nobody did it
        # (codebook 1.15, team-heldout-31; a cue with its own "не" stays: "никто не пошёл в атаку" is a refusal)
        if any(
            t.word in _NOBODY and not _CLAUSE_BREAK.search(s.text[t.end - s.start : first.start - s.start])
            for t in s.tokens[max(0, h.start - 8) : h.start]
        ):
            return True
        # a negator in the gap of a cue told around it, or "nobody ... not" right after a cue of one word: "Часть
        # самовольно никто из них не покидал" (codebook 1.15)
        if any(t.word in self.negators or t.word in _NOBODY for t in s.tokens[h.start + 1 : h.end - 1]):
            return True
        last = s.tokens[h.end - 1]
        nobody = [t for t in s.tokens[h.end : h.end + 2] if t.word in _NOBODY]
        if nobody and not _CLAUSE_BREAK.search(s.text[last.end - s.start : nobody[0].start - s.start]):
            return any(t.word in self.negators for t in s.tokens[h.end : h.end + 6])
        before = s.tokens[max(0, h.start - 2) : h.start]
        if any(
            t.word in self.negators and not _CLAUSE_BREAK.search(s.text[t.end - s.start : first.start - s.start])
            for t in before
        ):
            return True
        # "ни в какой яме не сидит", "ні в якому підвалі": "none" three words before (codebook 1.17, team-heldout-55)
        if h.start >= 3 and s.tokens[h.start - 3].word in ("ни", "ні") and s.tokens[h.start - 1].lemma in _NONE_ADJ:
            return True
        # "Отказаться от долга он не мог", "refuse he could not": a negated modal right after the cue
        after = s.tokens[h.end : h.end + 5]
        return any(
            t.word in self.negators and nxt.lemma in self.neg_modals for t, nxt in zip(after, after[1:], strict=False)
        )

    @staticmethod
    def _near(idx: int, sents: frozenset[int] | set[int]) -> bool:
        return idx in sents  # ``actor_sents`` already holds the neighbours (see _near_sents)

    def _rule_score(self, hits: Sequence[Hit], actors: set[int], hedged: set[tuple[int, int]], trap: float) -> float:
        """The best cue plus a bonus for the cues told around it (within SUPPORT_SPAN sentences).

        An event is told in one place: a long commentary that says "протесты" in five paragraphs
        is not five times as likely to report a protest as a post that says it once.
        """
        weighted = []
        for h in hits:
            w = h.cue.weight * (1.0 if self._near(h.sentence, actors) else 0.3)
            w *= HEDGE_FACTOR if (h.sentence, h.start) in hedged else 1.0
            weighted.append((w, h.sentence))
        if not weighted:
            return 0.0
        best, at = max(weighted)
        support = sum(w for w, i in weighted if abs(i - at) <= SUPPORT_SPAN) - best
        raw = best + 0.15 * min(support, 4.0) - 0.5 * min(trap, 2.0)
        return max(0.0, min(1.0, raw / 1.3))

    def features(self, sig: Signals, lang: str) -> set[str]:
        """The learned model's inputs: lemmas plus the rules' signals."""
        feats = {"w:" + t.lemma for s in sig.sentences for t in s.tokens if len(t.lemma) > 2 and not t.word.isdigit()}
        per_type: dict[str, float] = defaultdict(float)
        for h in sig.type_hits:
            if self._near(h.sentence, sig.actor_sents):
                per_type[h.cue.label] = max(per_type[h.cue.label], h.cue.weight)
        for name, w in per_type.items():
            feats.add(f"r:type:{name}:{'strong' if w >= 0.8 else 'weak'}")
        feats.add(f"r:rule:{min(4, int(sig.rule_score * 5))}")
        if sig.actor_sents:
            feats.add("r:actor")
        if sig.negated:
            feats.add("r:negated")
        if sig.hedge_sents:
            feats.add("r:hedge")
        if sig.trap >= 0.5:
            feats.add("r:trap")
        return feats

    def score(self, sig: Signals, lang: str) -> float:
        if self.model is None:
            return sig.rule_score
        # The model is trained on a few hundred texts; the rules keep a say so that a wording the
        # model never saw still counts (equal weights: the two agree on 90 % of dev documents).
        return 0.5 * self.model.prob(self.features(sig, lang)) + 0.5 * sig.rule_score

    # 4-6 ------------------------------------------------------------------------------------
    def extract(self, report: Report) -> Extraction:
        text = report.post.text
        sig = self.signals(text, report.lang)
        score = self.score(sig, report.lang)
        if score < self.book.spec.relevance_threshold or not sig.type_hits:
            return Extraction(relevant=False, score=round(score, 4))
        if self.book.spec.require_actor and not any(self._near(h.sentence, sig.actor_sents) for h in sig.type_hits):
            return Extraction(relevant=False, score=round(score, 4))  # nobody in uniform: civilian news
        if sig.aggregates and all(
            h.sentence in sig.aggregates
            for h in sig.type_hits
            if h.cue.weight >= ANCHOR_MIN and self._near(h.sentence, sig.actor_sents)
        ):
            return Extraction(relevant=False, score=round(score, 4))  # statistics only: no concrete case (§1)
        events = self._events(report, sig, score)
        return Extraction(relevant=bool(events), events=tuple(events), score=round(score, 4))

    def _describes(self, sig: Signals, h: Hit) -> bool:
        """A cue of a `describes_when_subordinate` type (refusal, appeal) in a relative clause, participle or reason
        adjunct: it tells who or why, not what.

        See DESCRIBES_FACTOR and _REASON_REACH.
        """
        if h.cue.label not in self.describing:
            return False
        if (h.sentence, h.start) in sig.reasons:
            return True
        s = sig.sentences[h.sentence]
        if _PARTICIPLE.search(s.tokens[h.start].word):
            return True
        before = s.tokens[max(0, h.start - _RELATIVE_REACH) : h.start]
        return any(t.word in self.relative_words or t.lemma in self.relative_words for t in before)

    def _reason(self, s: Sentence, h: Hit) -> bool:
        """A refusal cue told as the reason or time of an act ("after he refused", "за відмову", "for refusing",
        "за то, что отказался").

        Where its sentence also tells an act of a type the refusal would win over (a beating, a shooting: abuse, at
        ANCHOR_MIN or more) it is ``Signals.reasons``: it votes as a describing cue and is no strong cue for
        precedence either. Held or detained after refusing ("держат в Перевальске после того, как отказались") stays
        a refusal, as does the refusers' detention told in a relative clause (codebook §2).
        """
        if h.cue.label not in self.describing:
            return False
        if h.cue.tokens[0] in self.reason_for or (h.start and s.tokens[h.start - 1].word in self.reason_for):
            return True
        reason = s.tokens[max(0, h.start - _REASON_REACH) : h.start]
        words = [t.word for t in reason] + [""]
        pairs = list(zip(words, words[1:], strict=False))
        # "after that they refused", "после этого отказались": what came next, not a reason
        return any(a in self.reason_words and b not in self.not_reasons for a, b in pairs) or any(
            pair in self.reason_for_pairs for pair in pairs
        )

    def _anchors(self, sig: Signals) -> list[int]:
        """Sentences with a strong cue near an actor; cues that only describe the people (``_describes``) come last.

        Told acts first (a weak one near the actor too: "вимагав від підлеглих ... тим, хто відмовлявся"); then the
        describing cues ("150 контрактников, отказавшихся воевать, вернулись домой" tells nothing else near them).
        """
        told = [h for h in sig.type_hits if not self._describes(sig, h)]
        pools = [told, list(sig.type_hits)] if len(told) < len(sig.type_hits) else [told]
        for k, pool in enumerate(pools):
            strong: dict[int, float] = defaultdict(float)
            for h in pool:
                if h.cue.weight >= ANCHOR_MIN and self._near(h.sentence, sig.actor_sents):
                    strong[h.sentence] = max(strong[h.sentence], h.cue.weight)
            if strong:
                return sorted(strong)
            near = [h for h in pool if self._near(h.sentence, sig.actor_sents)] if k < len(pools) - 1 else []
            if near:
                return [max(near, key=lambda h: h.cue.weight).sentence]
        # the score passed on weaker signals: anchor on the best cue anyway
        best = max(told or sig.type_hits, key=lambda h: h.cue.weight)
        return [best.sentence]

    def _events(self, report: Report, sig: Signals, score: float) -> list[EventCandidate]:
        text = report.post.text
        pub = report.post.published_at
        anchors = self._anchors(sig)
        starts = [anchors[0]]
        first_dates = self._explicit_dates(text, sig.sentences[anchors[0]], pub)
        items = _items(text)
        for a in anchors[1:]:
            sent = sig.sentences[a]
            item = bisect_right(items, sent.start)
            if item and item != bisect_right(items, sig.sentences[starts[-1]].start):
                starts.append(a)  # another numbered item of a digest
                continue
            dates = self._explicit_dates(text, sent, pub)
            another = self.new_event is not None and bool(self.new_event.search(fold_yo(sent.text)))
            if another and dates and not (set(dates) & set(first_dates)):
                starts.append(a)
        events = []
        for k, start in enumerate(starts):
            if _historical(sig.sentences[start], pub, text):
                continue
            lo = 0 if k == 0 else start
            hi = starts[k + 1] if k + 1 < len(starts) else len(sig.sentences)
            segment = [s for s in sig.sentences[lo:hi] if not s.boilerplate or s.index == start]
            ev = self._event(report, sig, segment, start, score, first=k == 0)
            if ev is not None:
                events.append(ev)
        return events

    def _story(self, text: str, sig: Signals, sents: list[Sentence]) -> list[Sentence]:
        """The sentences whose places are the event's: in an article of STORY_MIN_PARAGRAPHS or more paragraphs, only
        the paragraphs that tell an act (a type cue), the first one (the headline or lead) and the paragraph after
        each of these; background paragraphs name other places ("Напомним, в 2023 году в Иркутской области был
        сформирован батальон ...", "Довідково: ...", team-heldout-18)."""
        para = self._paragraphs(text, sig.sentences)
        if not para or para[-1] + 1 < STORY_MIN_PARAGRAPHS:
            return sents
        told = {para[h.sentence] for h in sig.type_hits} | {0}
        # and the paragraph after each: what the appeal says, where the men were ("Бойцы пишут, что их ... бросили в
        # наступление под Павловкой"), and the lead under a headline
        told |= {p + 1 for p in told}
        return [s for s in sents if para[s.index] in told]

    @staticmethod
    def _explicit_dates(text: str, sent: Sentence, pub: datetime | None) -> list[str]:
        return [d.iso for d in find_dates(text, sent.start, sent.end, pub) if not d.relative and not d.background]

    @staticmethod
    def _day_elsewhere(
        text: str, order: Sequence[Sentence], own: Sentence, pub: datetime | None, news: re.Pattern[str]
    ) -> tuple[DateHit, Sentence] | None:
        """The first day-precise date of the event's other sentences that tell its news (``news``: a detention or a
        verdict, "Вчера ... задержали"; a video posted, "posted on Monday"), with its sentence."""
        for s in order:
            if s is own or not news.search(s.text):
                continue
            days = [
                d
                for d in find_dates(text, s.start, s.end, pub)
                if not d.background and not d.dateline and d.precision == "day"
            ]
            if days:
                return days[0], s
        return None

    def _event(
        self,
        report: Report,
        sig: Signals,
        sents: list[Sentence],
        anchor: int,
        score: float,
        first: bool = True,
    ) -> EventCandidate | None:
        text = report.post.text
        pub = report.post.published_at
        idx = {s.index for s in sents}
        evidence: dict[int, tuple[str, int, int]] = {}

        def cite(field: str, s: Sentence) -> None:
            evidence.setdefault(s.index, (field, s.start, s.end))

        # event type = the cue weights in the segment, the anchor sentence counting double and cues
        # far from any actor at 0.3 (as in the relevance score): codebook §2, the type is the act that
        # happened to the service members, not what a reporting verb three paragraphs on says
        votes: dict[str, float] = defaultdict(float)
        for h in sig.type_hits:
            if h.sentence in idx:
                w = h.cue.weight * (2.0 if h.sentence == anchor else 1.0)
                w *= 1.0 if h.sentence in sig.actor_sents else 0.3
                w *= HEDGE_FACTOR if (h.sentence, h.start) in sig.hedged else 1.0
                w *= DESCRIBES_FACTOR if self._describes(sig, h) else 1.0
                votes[h.cue.label] += w
        if not votes:
            return None
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], self.priority.get(kv[0], 99)))
        event_type = ranked[0][0]
        # codebook §2: the reported act is the primary type ("a video appeal in which soldiers refuse
        # orders is an appeal"); a strong cue of a type that wins over the vote winner decides. Only a cue told of the
        # service members (near an actor, as it votes in full): in a post whose paragraphs each tell another thing, "the
        # men who were with the drone crew refused to go" four paragraphs after a commander kicked a wounded soldier
        # and sent him back to the assault does not overrule the abuse (codebook 1.7; milbloggers-dev khamat-165).
        strong = {
            h.cue.label
            for h in sig.type_hits
            if h.sentence in idx
            and h.cue.weight >= self.strong[h.cue.label]
            and (h.sentence, h.start) not in sig.reasons
            and h.sentence in sig.actor_sents
        }
        # two types that win over each other (refusers held in a basement: refusal; refusers beaten: abuse):
        # when both have a strong cue, the vote winner keeps it
        overruled: set[str] = set()  # types the codebook's precedence ruled out for this event
        for name in sorted(strong, key=lambda t: self.priority.get(t, 99)):
            if event_type in self.wins_over.get(name, ()) and not (
                event_type in strong and name in self.wins_over.get(event_type, ())
            ):
                overruled = {event_type}
                event_type = name
                break
        if event_type in strong:
            # the winner's strong cue outranks the other types it wins over that are told in the event
            overruled |= {t for t in votes if t != event_type and t in self.wins_over.get(event_type, ())}
        if first and self.model is not None and self.model.types:
            # The learned type model gets a say on the report's main event: rule vote shares plus
            # TYPE_MODEL_WEIGHT x its probability (weight chosen by leave-one-set-out, see above).
            # A codebook precedence (§2: "the detention of men who refused is a refusal") is the guideline's
            # own call: the model, trained on a few hundred texts, may pick a third type but not the overruled one
            probs = self.model.type_probs(self.features(sig, report.lang))
            total = sum(votes.values())
            mixed = {
                t: votes.get(t, 0.0) / total + TYPE_MODEL_WEIGHT * probs.get(t, 0.0)
                for t in self.priority
                if t not in overruled
            }
            mixed[event_type] += WINS_BONUS
            event_type = max(mixed, key=lambda t: (mixed[t], -self.priority.get(t, 99)))
        margin = ranked[0][1] / sum(votes.values())
        anchor_sent = sig.sentences[anchor]
        cite("event_type", anchor_sent)
        for h in sig.type_hits:
            if h.sentence in idx and h.cue.label == event_type and h.cue.weight >= ANCHOR_MIN:
                cite("event_type", sig.sentences[h.sentence])
        # grievances
        grievances: list[str] = []
        for s in sents:
            for h in self.grievances.find(s):
                if not self._negated(s, h) and h.cue.label not in grievances:
                    grievances.append(h.cue.label)
                    cite("grievances", s)
        # sentences nearest the anchor first, so the anchor's own date/count win
        order = sorted(sents, key=lambda s: (s.index != anchor, s.index))
        event_date = precision = None
        dateline: tuple[DateHit, Sentence] | None = None
        later: tuple[DateHit, Sentence] | None = None
        for s in order:
            dates = [d for d in find_dates(text, s.start, s.end, pub) if not d.background]
            if dates and all(d.dateline for d in dates):
                # the report's own date: the event's only when nothing else dates it
                dateline = dateline or (dates[0], s)
                continue
            dates = [d for d in dates if not d.dateline]
            if event_type == "coercion" and dates and all(d.counted for d in dates):
                # "signed contracts on 12 May ... A week later they were in an assault unit": the enlistment is the
                # event, the assault a week on its sequel (codebook 1.16; team-heldout-43, -44, -47)
                later = later or (dates[0], s)
                continue
            if dates:
                # a day the text writes out, then a day it implies ("вчера", "on Sunday"), then a month: "a video
                # posted on Sunday shows the man who surrendered in September" is Sunday's
                best = min(dates, key=lambda d: (d.precision != "day", d.relative))
                if event_type in _DAY_NEWS and best.precision != "day":
                    # "Вчера ... задержали контрактника. Он самовольно оставил часть в марте": a deserter's flight
                    # told by its month only, his detention or verdict by its day: the day the news is of; "the men
                    # were rounded up in February 2022 ... The video was posted on Monday": the appeal's day (codebook
                    # 1.17, team-heldout-54, -57)
                    day = self._day_elsewhere(text, order, s, pub, _DAY_NEWS[event_type])
                    if day is not None:
                        best, s = day
                event_date, precision = best.iso, best.precision
                cite("event_date", s)
                break
        if event_date is None:
            # a month told in a relative clause that also tells the event's own act ("командира роти, який у
            # листопаді вимагав від підлеглих гроші", "a soldier who deserted from his unit in late August 2024"):
            # back-story elsewhere ("Мати бійця, якого в лютому мобілізували, розповідає"), the act's month here
            # (team-heldout-9 th9-002, th9-005, th9-011; codebook 1.9)
            for s in order:
                acts = [
                    s.tokens[h.start].start
                    for h in sig.type_hits
                    if h.sentence == s.index and h.cue.label == event_type
                ]
                in_clause = [
                    d
                    for d in find_dates(text, s.start, s.end, pub)
                    if d.clause and any(_one_clause(text, d.start, d.end, at) for at in acts)
                ]
                if in_clause:
                    event_date, precision = in_clause[0].iso, in_clause[0].precision
                    cite("event_date", s)
                    break
        if event_date is None and order:
            # "с 20 августа сидят в яме", "з 20 серпня хлопців тримають у ямі", "held since August 20": a state that
            # lasts is dated by its start when nothing else dates the event (codebook 1.18, team-heldout-65)
            s = order[0]
            since = [
                d
                for d in find_dates(text, s.start, s.end, pub)
                if d.background and not d.relative and _SINCE.search(text[max(0, d.start - 12) : d.start])
            ]
            if since:
                event_date, precision = since[0].iso, since[0].precision
                cite("event_date", s)
        if event_date is None and later is not None:
            event_date, precision = later[0].counted, "day"  # the day the sequel counts from
            cite("event_date", later[1])
        if event_date is None and dateline is not None:
            event_date, precision = dateline[0].iso, dateline[0].precision
            cite("event_date", dateline[1])
        units: list[str] = []
        seen_units: set[str] = set()
        for s in sents:
            for u in find_units(text, s.start, s.end):
                if unit_key(u.name) not in seen_units:
                    seen_units.add(unit_key(u.name))
                    units.append(u.name)
                    cite("units", s)
        units = _drop_subunits(units)
        places: list[Place] = []
        told = [sig.sentences[h.sentence] for h in sig.type_hits if h.sentence in sig.actor_sents]  # digest items
        # publishers named in each sentence, read once: the event's via, and no place inside an outlet's name
        # ("..., Novy Kaliningrad reports")
        publishers = [(s, find_via(text, s.start, s.end)) for s in sents]
        credited = [(v.start, v.end) for _, vias in publishers for v in vias]
        for ph in find_places(text, self._story(text, sig, sents), self.gaz, report.lang, told):
            if any(p.name == ph.place.name for p in places):
                continue
            if any(ph.start < b and a < ph.end for a, b in credited):
                continue
            g = ph.place
            places.append(
                Place(
                    g.name,
                    "origin" if ph.role == "origin" else "event",
                    g.geonameid,
                    g.lat,
                    g.lon,
                    g.admin1 or None,
                    g.country or None,
                )
            )
            cite("places", sig.sentences[ph.sentence])
        count = count_prec = None
        for s in order:
            counts = find_counts(text, s.start, s.end)
            if counts:
                count, count_prec = counts[0].value, counts[0].precision
                cite("people_count", s)
                break
        if count is None:
            for s in order:
                if find_individual(text, s.start, s.end) is not None:
                    count, count_prec = 1, "exact"
                    cite("people_count", s)
                    break
        if count is None and event_type in self.lone_member:
            # "избил курсанта", "a deserter was seized": one person, though no number is written (types with
            # `lone_member`; the default codebook leaves it off appeals and protests, where "жена мобилизованного"
            # speaks for a unit)
            anchor_s = sig.sentences[anchor]
            if lone_member(anchor_s.tokens, report.lang):
                count, count_prec = 1, "exact"
                cite("people_count", anchor_s)
        via = None
        for s, vias in publishers if self.book.spec.event_types[event_type].via else ():
            if vias:
                via = vias[0].name
                cite("via", s)
                break
        ev = tuple(Evidence(f, text[a:b], a, b) for _, (f, a, b) in sorted(evidence.items()))
        confidence = round(min(1.0, score) * (0.5 + 0.5 * margin), 3)
        return EventCandidate(
            event_type=event_type,
            grievances=tuple(grievances),
            event_date=event_date,
            date_precision=precision,
            units=tuple(units),
            places=tuple(places),
            people_count=count,
            count_precision=count_prec,
            via=via,
            evidence=ev,
            confidence=confidence,
            codebook_version=self.book.version,
        )


def _one_clause(text: str, start: int, end: int, at: int) -> bool:
    """The cue at offset ``at`` and the date at ``start:end`` stand in one clause: close, no comma or stop between."""
    lo, hi = (end, at) if at >= end else (at, start)
    return 0 <= hi - lo <= _CLAUSE_REACH and not _CLAUSE_END.search(text, lo, hi)


def _items(text: str) -> list[int]:
    """Offsets of a digest's numbered items, when the text numbers at least two of them 1, 2, ... in order.

    A lone "1." or numbers out of order ("5) ... 2) ...": a list of demands, a quoted paragraph) are no digest.
    """
    found: list[int] = []
    for m in _ITEM.finditer(text):
        if int(m.group(1)) == len(found) + 1:
            found.append(m.start(1))
    return found if len(found) >= 2 else []
