"""A report's rare proper names as language-independent keys (merge evidence across languages).

Input: a report's text and language. Output: up to ``MAX_NAMES`` keys, one per distinctive
proper name (a person, a small place, a named unit or foundation), folded so that the same
name matches across Russian, Ukrainian and English: «Ньиренда» / "Nyirenda" → ``nirend``,
«Курунегалы» / "Kurunegala" → ``kurunegal``, «Айдару» / "Aidar" → ``aidar``.

How: capitalised words not starting a sentence (for Cyrillic: no adjectives the dictionaries
know), and for Cyrillic also sentence-initial words the
Russian/Ukrainian dictionaries tag as a surname, place or organisation, or do not know at all
(given names and patronymics the dictionaries know are dropped: thousands share them), are
lemmatised (Cyrillic), transliterated to Latin with a matching-oriented table (й/y/j → i,
х/kh/h → h, doubled letters collapsed) and stripped of trailing vowels (the case endings that
differ between languages). Keys shorter than 4 letters and keys of names common in news are
dropped: ``common_names.txt`` lists the keys found in at least ``COMMON_MIN_DOCS`` posts of the
22k-post Russian news stream (``python -m sitrep.dedup.build_common_names``), plus a short
hand list of English words capitalised in news (weekdays, months, titles, institutions) and of
the exonyms the stream spells differently (Moscow/Москва).
Bounded: at most ``MAX_SCAN_CHARS`` of text are read and ``MAX_NAMES`` keys kept per report.

More kinds of text key travel with the names (``cluster.report_names``; the store keeps them
with each mention): distinctive numbers (``number_keys``, ``#500``), the gazetteer places the
text names anywhere (``place_keys``, ``@g703448``) and the foreign countries it names or whose
people it names (``country_keys``, ``%yemen``), each bounded too.
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

MAX_SCAN_CHARS = 20_000
MAX_NAMES = 24
MIN_KEY_LEN = 4
COMMON_MIN_DOCS = 8  # of 22,099 stream posts: a name in 8+ posts is news vocabulary, not an identity

COMMON_FILE = Path(__file__).resolve().parents[1] / "data" / "dedup_common_names.txt.gz"

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NAME_TAGS = frozenset({"Surn", "Geox", "Orgn", "Trad"})
_GIVEN_NAME_TAGS = frozenset({"Name", "Patr"})
_SENTENCE_END = frozenset(".!?…:;\n•")

_CYR = dict(
    zip(
        "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "g",
            "d",
            "e",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "h",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "i",
            "",
            "e",
            "iu",
            "ia",
        ],
        strict=True,
    )
)
# g/h/kh are one letter: Ukrainian г is "h" in English (Hryhoriy = Григорий), Russian г is "g",
# х is "kh"; "ye" at a word start is е (Yevgeny), "yi" й/ий (Zaluzhnyi).
_LATIN_FIX = (
    ("kh", "h"),
    ("g", "h"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("x", "ks"),
    ("q", "k"),
    ("ck", "k"),
    ("ph", "f"),
    ("ie", "e"),
    ("'", ""),
    ("’", ""),
)
_DOUBLE = re.compile(r"(.)\1+")
# -щина / -ччина names a region after its centre (Житомирщина, Харківщина, Донеччина, Луганщина):
# a place, which the place keys compare (``place_keys`` resolves it to the oblast), not a rare name
_REGION_NAME = ("shchin", "chchin")
_TRAILING_VOWELS = re.compile(r"[aeiou]+$")
# Case endings a dictionary that does not know the word leaves on it (Залужном, Курунегалой).
_CASE_ENDING = re.compile(r"(?:om|em|im|oi|ei|ami|iami|ah|iah|imi)$")
# Demonyms and plurals ("Zambian", "Nepalis", «Сетракян» / "Setrakyan" alike): applied to every key.
_DEMONYM = re.compile(r"(?:ian|an)$")

# Capitalised in English news without naming anything distinctive, and exonyms the Russian
# stream spells otherwise (their Cyrillic forms are in the stream list already).
_ENGLISH_COMMON = """
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december the this that these those there their they then when where
what which who while with without after before during about above across against among around
because between since until upon also however although though police ministry defence defense army
armed forces force general president minister government governor mayor court prosecutor office
officer officers colonel major lieutenant sergeant captain private commander soldier soldiers
russia russian russians ukraine ukrainian ukrainians moscow kyiv kiev europe european western eastern
northern southern east west north south state states federal federation national republic region
oblast district city town village kremlin duma parliament council committee service security
intelligence military news agency channel telegram video footage report reports reported according
said says told mr mrs ms dr st saint new old first second third one two three many several some
several foundation fund group brigade battalion regiment division company unit corps guard guards
international human rights watch amnesty bbc reuters tass ria afp eu nato un usa us america american
british britain france french germany german china chinese soviet ussr putin zelensky zelenskyy
shoigu gerasimov prigozhin wagner facebook twitter youtube instagram whatsapp tiktok vkontakte viber
signal google apple institute institution assembly citizens investigation investigative command
tactical aviation center centre school academy university prison colony penal correctional union
party movement network project media radio free independent daily times post press today wire monitor
review journal gazette herald tribune mercenary mercenaries special operation operations mobilisation
mobilization conscription conscripts contract volunteers veterans families mothers wives relatives
supreme chief head deputy spokesman spokeswoman press secretary embassy consulate foreign affairs
interior justice health emergency emergencies situations investigative committee prosecutors
orthodox church christian muslim islamic republican democratic liberal communist social
verstka astra mediazona meduza novaya gazeta dozhd sota baza mash shot kommersant vedomosti fontanka
pravda ukrainska hromadske suspilne censor strana svoboda realii sibir idel kavkaz current insider
bellingcat proekt istories ozodi azattyk kloop zerkalo nexta rferl rfe bbc dw cnn nytimes
vladimir volodymyr alexander alexandr aleksandr oleksandr sergei sergey serhiy serhii dmitry dmitri
dmytro andrei andrey andriy andrii alexei alexey oleksiy oleksii mikhail mykhailo ivan nikolai nikolay
mykola yevgeny evgeny yevhen viktor victor pavel pavlo petro pyotr peter yuri yury yuriy yurii igor
ihor oleg maxim maksim maksym anton artem artyom roman denis ruslan vitaly vitaliy vitalii vasily
vasyl kirill kyrylo konstantin kostiantyn stanislav vadim vadym valery valeriy mikhail boris bohdan
bogdan grigory hryhoriy stepan taras yaroslav anna maria mariya olga olha elena olena natalia natalya
nataliya irina iryna tatiana tetiana svetlana svitlana yulia yuliya ekaterina kateryna anastasia
lyudmila liudmyla galina halyna valentina oksana daria darya alina
"""


@functools.lru_cache(maxsize=65_536)  # pure; the same names and place words recur in every merge
def fold(word: str, case_ending: bool = False) -> str:
    """A word (lower-case lemma) in the matching alphabet, trailing vowels stripped.

    ``case_ending``: also strip a Slavic case ending (a word the dictionary could not lemmatise).
    """
    w = unicodedata.normalize("NFKC", word).casefold().replace("ё", "е")
    latin = not _has_cyrillic(w)
    w = "".join(_CYR.get(ch, ch) for ch in w)
    for a, b in _LATIN_FIX:
        w = w.replace(a, b)
    w = unicodedata.normalize("NFKD", w)
    w = "".join(ch for ch in w if "a" <= ch <= "z")
    w = _DOUBLE.sub(r"\1", w)
    if latin and len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "ts")):
        # English plural; not "-ts": Slavic -ец/-ець/-иц surnames and places spelt -ets/-its
        # (Shkrebets, Kravets, Donets), whose Cyrillic forms keep the "ts" of ц
        w = w[:-1]
    for rx in ((_CASE_ENDING,) if case_ending else ()) + (_DEMONYM,):
        cut = rx.sub("", w)
        if len(cut) >= MIN_KEY_LEN:
            w = cut
    return _TRAILING_VOWELS.sub("", w)


@functools.cache
def common_names() -> frozenset[str]:
    """Keys too common in news to identify an event (the shipped list + the English hand list)."""
    keys = {fold(w) for w in _ENGLISH_COMMON.split()}
    if COMMON_FILE.exists():
        with gzip.open(COMMON_FILE, "rt", encoding="utf-8") as fh:
            keys.update(line.strip() for line in fh if line.strip() and not line.startswith("#"))
    return frozenset(keys)


def _has_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@functools.lru_cache(maxsize=200_000)
def _cyrillic_key(word: str, lang: str, initial: bool, full_name: bool) -> str | None:
    """Key of a capitalised Cyrillic word, or None for a common word starting a sentence.

    Mid-sentence capitals mark a name (institutions like Минобороны are in the common list);
    at a sentence start only words the dictionary tags as names, or does not know, count.
    Capitalised adjectives (Свободная Бурятия, Западного округа) are left out: the noun names it.
    ``full_name``: the next word is capitalised too — a known given name or patronymic there
    (Александр Иванов) is dropped, the surname carries the identity; alone («Айдар») it stays.
    """
    from sitrep.enrich.lemmas import _morph, lemma  # the shared, once-per-process dictionaries

    low = word.lower().replace("ё", "е")
    # Known in either dictionary: Russian words turn up in Ukrainian posts and back.
    other = "uk" if lang == "ru" else "ru"
    lang = next((lg for lg in (lang, other) if _morph(lg).word_is_known(low)), lang)
    morph = _morph(lang)
    known = morph.word_is_known(low)
    if known:
        grammemes = morph.parse(low)[0].tag.grammemes
        if full_name and grammemes & _GIVEN_NAME_TAGS:
            return None  # Александр, Олена, Петрович: thousands of people share them
        if not grammemes & (_NAME_TAGS | _GIVEN_NAME_TAGS) and (initial or "NOUN" not in grammemes):
            return None  # a common word starting a sentence, or an adjective of a name («Свободная»)
    return fold(lemma(low, lang), case_ending=not known)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and not (text[i].isalnum() or text[i] in _SENTENCE_END):
        i -= 1  # spaces, dashes, emoji, opening quotes
    return i < 0 or text[i] in _SENTENCE_END


def name_keys(text: str, lang: str | None, common: frozenset[str] | None = None) -> tuple[str, ...]:
    """Distinctive proper-name keys of a text, in order of first appearance (bounded).

    ``common``: keys to drop (default ``common_names()``; the list builder passes an empty set).
    """
    text = text[:MAX_SCAN_CHARS]
    morph_lang = lang if lang in ("ru", "uk") else "ru"
    if common is None:
        common = common_names()
    out: dict[str, None] = {}
    words = list(_WORD.finditer(text))
    for n, m in enumerate(words):
        word = m.group()
        if not word[0].isupper():
            continue
        initial = _sentence_initial(text, m.start())
        if _has_cyrillic(word):
            if word.isupper() and len(word) <= 5:
                continue  # abbreviations (ВСУ, МИД, ФСБ): common, or spelt otherwise in another language
            full = (
                n + 1 < len(words)
                and words[n + 1].group()[0].isupper()
                and not text[m.end() : words[n + 1].start()].strip(" ")
            )
            parts = [_cyrillic_key(p, morph_lang, initial, full) for p in re.split(r"[-'’]", word) if p]
        else:
            if initial or word.isupper():
                continue  # "The", "Police": any English word starts a sentence capitalised
            parts = [fold(p) for p in re.split(r"[-'’]", word) if p]
        for key in parts:
            if key and len(key) >= MIN_KEY_LEN and key not in common and not key.endswith(_REGION_NAME):
                out.setdefault(key, None)
                if len(out) >= MAX_NAMES:
                    return tuple(out)
    return tuple(out)


def covered_keys(names: Iterable[str]) -> set[str]:
    """Keys of place or unit names (``fold`` of each word): evidence already counted elsewhere."""
    keys: set[str] = set()
    for name in names:
        for w in _WORD.findall(name):
            k = fold(w)
            if len(k) >= MIN_KEY_LEN:
                keys.add(k)
    return keys


# -- distinctive numbers -----------------------------------------------------------------------
# A number written in a report ("500 days", "115 бойцов", "400 тысяч гривен", "1,439") is the same
# digits in every language: on the three labelled sets, same-type report pairs of one event share
# such a number in 66 of 132 pairs, pairs of different events in 21 of 4,399 (mostly unit numbers,
# now left out). Days of a month and small numbers (<= 31), years, times, dates, decimals, phone
# numbers, articles of a code ("ст. 337 УК", "статтею 407 ККУ": every desertion case cites them) and
# ordinals (58th army, 1428-й полк: unit numbers, compared as units) are no evidence.
NUMBER_PREFIX = "#"
MAX_NUMBERS = 12
MAX_NUMBER_DIGITS = 9
_NUMBER = re.compile(
    r"(?<![\w.,:/№#+-])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d+)"
    r"(?:\s?(тыс|тис|thousand|млн|million|мільйон|миллион)\w*\.?|(k)\b)?"
    r"(?![\w:/%°]|[.,]\d|[-–][^\W_]|[ \u00a0]?(?:%|°))",
    re.IGNORECASE,
)
_THOUSANDS = ("тыс", "тис", "thousand", "k")
_PHONE = re.compile(r"\+?\d[\d \u00a0()\-–]{8,}\d")  # masked when it holds 10+ digits
_LAW_BEFORE = re.compile(
    r"(?:\bст|\bстат\w*|\barticles?|\bart|\bч|\bчаст\w*|\bп|\bпункт\w*|\bparts?|\bparagraph|\bsection|№)"
    r"[.\s]*$",
    re.IGNORECASE,
)
_LAW_AFTER = re.compile(r"[\s.]*(?:ук\b|кку\b|кк\b|коап|купап|уголовн|кримінальн|criminal)", re.IGNORECASE)
# Ordinals and unit numbers written before the unit word: "58 армии", "1428 полка", "3 ОШБр".
_UNIT_AFTER = re.compile(
    r"\s*(?:отдельн\w*|окрем\w*|гвард\w*|мотострелков\w*|механізован\w*|механизированн\w*|"
    r"штурмов\w*|танков\w*|десантно\w*|separate\s|guards?\s|motor\w*|mechani[sz]ed\s)?\s*"
    r"(?:армі|арми|army|полк|regiment|бригад|brigade|батальон|battalion|дивізі|дивизи|division|"
    r"корпус|corps|рот[аиуы]\b|company|загін|загон|отряд|detachment|омсб|омбр|ошб|осб|одшб|мсп|мсд|"
    r"вдд|пдп|ополк|ополченн|в/ч|вч\b|military unit|unit)",
    re.IGNORECASE,
)


def _mask_phone(m: re.Match[str]) -> str:
    return " " * len(m[0]) if sum(ch.isdigit() for ch in m[0]) >= 10 else m[0]


def number_keys(text: str) -> tuple[str, ...]:
    """Distinctive numbers of a text as keys (``#500``, ``#400000``), in order of appearance (bounded)."""
    text = _PHONE.sub(_mask_phone, text[:MAX_SCAN_CHARS])
    out: dict[str, None] = {}
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m[1])
        if len(digits) > MAX_NUMBER_DIGITS or _UNIT_AFTER.match(text, m.end(1)):
            continue
        if _LAW_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _LAW_AFTER.match(text, m.end()):
            continue  # an article of a code
        value = int(digits)
        mult = (m[2] or m[3] or "").lower()
        if mult:
            value *= 1000 if mult.startswith(_THOUSANDS) else 1_000_000
        elif 1900 <= value <= 2100 and m[1].isdigit():
            continue  # a year (not "2,000" or "2 000")
        if value <= 31:
            continue  # a day of the month, or a small count: many events share them
        out.setdefault(f"{NUMBER_PREFIX}{value}", None)
        if len(out) >= MAX_NUMBERS:
            break
    return tuple(out)


# -- places named anywhere in the text -----------------------------------------------------------
# The extractor keeps the places of the event's own sentences; another report of the same event
# often names the place elsewhere ("…and reached Tbilisi" in a second sentence, "St Petersburg's
# city legislature"), and the extracted place on one side is then missing on the other. Every
# gazetteer place of the text is kept as a key (``@`` + ``merge.place_key``) so that one side's
# extracted place written anywhere in the other's text counts as shared.
PLACE_PREFIX = "@"
MAX_PLACES = 16
_POSSESSIVE = re.compile(r"(\w)['’]s\b")


def place_keys(text: str, lang: str | None) -> tuple[str, ...]:
    """Gazetteer places named in a text as keys (``@g703448``), in order of appearance (bounded)."""
    from sitrep.dedup.merge import place_key  # merge imports this module
    from sitrep.extract.places import default_gazetteer, find_places
    from sitrep.extract.text import tokenize
    from sitrep.models import Place

    text = text[:MAX_SCAN_CHARS]
    lang = lang if lang in ("ru", "uk", "en") else "ru"
    if lang == "en":
        text = _POSSESSIVE.sub(r"\1", text)  # "Colombia's foreign ministry", "St Petersburg's legislature"
    out: dict[str, None] = {}
    for hit in find_places(text, tokenize(text, lang), default_gazetteer(), lang):
        g = hit.place
        # by id, and by name too (a place given without an id, as in hand-made or gold extractions)
        for key in (place_key(Place(g.name, "event", g.geonameid)), place_key(Place(g.name, "event"))):
            out.setdefault(PLACE_PREFIX + key, None)
        if len(out) >= MAX_PLACES:
            break
    return tuple(out)


# -- foreign countries by name or by their people ----------------------------------------------------
# Stories of foreign recruits name the country mostly through its people: «йеменцев», "Yemeni men",
# «кенийский бегун», "a Kenyan runner", «колумбийские наёмники», "Colombian volunteers". A word is the
# country when it is a name form's stem (the form less its final vowel) followed by a people or
# adjective suffix («инд-ийцы», "Indi-an"; «индивидуальный» is not India), or, written with a capital,
# by a case ending of the name («Кени-и», "Kenya's"). Forms come from the gazetteer's countries
# (Russia and Ukraine are not among them). Keys: ``%`` + the English name folded as ``merge.place_key``
# folds a place without an id ("%kenya").
# A "-stan" country's people are named by the name less "-(i)stan" («узбек-и», «узбек-ский», "Uzbek-s",
# «таджик», "Kazakh"; the Ukrainian adjective softens к to ц: «узбец-ький», «таджиц-ький»): Central
# Asian migrants pressed into contracts are the stories that name them so.
COUNTRY_PREFIX = "%"
MAX_COUNTRIES = 8
_DEMONYM_REST = re.compile(
    r"(?:ий|ій|и|і|ь|ин|ан|ен|он|ей)?(?:ц|ск|ськ)[а-яіїєґ]*|(?:ин|ан)(?:ы|и|е|у|ом|ам|ами|ах)?"
    r"|янин|яне|ян|ян[аеуи]|ане|анин"
)
_CASE_REST = {
    "ia": frozenset({"ия", "ии", "ию", "ией", "иею", "ія", "ії", "ію", "ією"}),
    "a": frozenset({"а", "ы", "и", "е", "у", "ой", "ою", "і", "ю", "я", "ей", "ею", "ї", "є"}),
    "soft": frozenset({"ь", "и", "ью", "і", "ю", "я", "ем", "ей", "ї", "є"}),
    "cons": frozenset({"", "а", "у", "е", "ом", "і", "ові", "ем", "ы", "и", "ой"}),
}
_LAT_REST = frozenset({"", "'s", "n", "an", "ian", "ese", "i", "is", "ns", "ans", "ians", "ish"})
# A Cyrillic name whose last syllable has a fleeting «е» (Египет, Єгипет) loses it in every other
# form: «египтяне», «єгиптян», «из Египта», «до Єгипту» — the stem less the vowel, with the same endings.
_FLEETING = re.compile(r"(?<=[бвгджзйклмнпрстфхцчшщ])е([бвгджзклмнпрстфхцчшщ])$")
_STAN = re.compile(r"(?:истан|істан|стан|istan|stan)$")
MIN_PEOPLE_STEM = 5  # «узбек», "tajik"; "Pak-istan" leaves too short a stem to tell
# after a "-stan" people stem: the people's noun in its cases, or an adjective
_PEOPLE_REST = re.compile(r"(?:и|ы|а|у|е|ом|ов|ам|ами|ах|ів|ові|ою|і)?|(?:ск|ськ|ьк)[а-яіїєґ]*")
_PEOPLE_SOFT_REST = re.compile(r"ь?к[а-яіїєґ]*")  # «узбец-ький», «таджиц-кий»
_PEOPLE_LAT_REST = frozenset({"", "s", "'s"})


@functools.cache
def _country_stems() -> dict[str, list[tuple[str, str, str]]]:
    """First three letters → (stem, country key, ending family or "latin") of every country name form."""
    from sitrep.dedup.merge import _fold  # merge imports this module
    from sitrep.extract.places import default_gazetteer

    gaz = default_gazetteer()
    stems: dict[str, list[tuple[str, str, str]]] = {}
    for form, found in sorted(gaz.index.items()):
        countries = {gaz.places[i].name for i in found if gaz.places[i].fcode == "country"}
        if len(countries) != 1 or " " in form or "-" in form or len(form) < 4:
            continue  # "Sri Lanka", "South Africa" are found as places (``place_keys``)
        key = _fold(countries.pop())
        form = form.replace("ё", "е")
        if _has_cyrillic(form):
            for end, fam in (("ия", "ia"), ("ія", "ia"), ("а", "a"), ("я", "a"), ("ь", "soft"), ("й", "soft")):
                if form.endswith(end):
                    stem, family = form[: -len(end)], fam
                    break
            else:
                stem, family = form, "cons"
                fleeting = _FLEETING.search(form)
                if fleeting:  # «Египет» → «египт-яне», «Єгипту», «Египта»: the vowel drops
                    short = form[: fleeting.start()] + fleeting.group(1)
                    stems.setdefault(short[:3], []).append((short, key, "cons"))
        else:
            stem, family = (form[:-1] if len(form) > 4 and form[-1] in "aeyi" else form), "latin"
        if len(stem) >= 3:
            stems.setdefault(stem[:3], []).append((stem, key, family))
        stan = _STAN.search(form)
        people = form[: stan.start()] if stan else ""
        if len(people) >= MIN_PEOPLE_STEM:
            latin = not _has_cyrillic(people)
            stems.setdefault(people[:3], []).append((people, key, "people-latin" if latin else "people"))
            if not latin and people.endswith("к"):
                stems[people[:3]].append((people[:-1] + "ц", key, "people-soft"))
    return stems


@functools.lru_cache(maxsize=4096)
def _common_word(low: str) -> bool:
    """A word the ru or uk dictionary knows, and not as a place name (uk «мали» 'they had')."""
    from sitrep.enrich.lemmas import _morph

    for lang in ("ru", "uk"):
        morph = _morph(lang)
        if morph.word_is_known(low) and not any("Geox" in p.tag.grammemes for p in morph.parse(low)):
            return True
    return False


def country_keys(text: str) -> tuple[str, ...]:
    """Foreign countries a text names or whose people it names (``%kenya``), bounded."""
    return tuple(dict.fromkeys(key for key, _ in country_words(text)))


def country_words(text: str) -> list[tuple[str, str]]:
    """(country key, the word that names it) for the foreign countries of a text, bounded."""
    stems = _country_stems()
    out: dict[str, str] = {}
    for m in _WORD.finditer(text[:MAX_SCAN_CHARS]):
        word = m.group()
        low = word.lower().replace("ё", "е").replace("’", "'")
        capital = word[0].isupper()
        for stem, key, family in stems.get(low[:3], ()):
            if not low.startswith(stem):
                continue
            rest = low[len(stem) :]
            if family == "latin":
                ok = capital and rest in _LAT_REST
            elif family == "people-latin":
                ok = capital and rest in _PEOPLE_LAT_REST
            elif family == "people":
                ok = bool(_PEOPLE_REST.fullmatch(rest))
            elif family == "people-soft":
                ok = bool(_PEOPLE_SOFT_REST.fullmatch(rest))
            else:
                ok = bool(_DEMONYM_REST.fullmatch(rest)) or (
                    capital
                    and rest in _CASE_REST[family]
                    and not (_sentence_initial(text, m.start()) and _common_word(low))  # «Мали змогу…»
                )
            if ok:
                out.setdefault(word, COUNTRY_PREFIX + key)
                break
        if len(set(out.values())) >= MAX_COUNTRIES:
            break
    return [(key, word) for word, key in out.items()]
