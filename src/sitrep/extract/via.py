"""Sentence text → the channel, outlet or person that made an appeal public ("via"), in Latin letters.

Only publication phrases count, in Russian, Ukrainian and English, with the publisher before or
after the verb: "«Українська правда» оприлюднила", "Видео опубликовал канал «Люди Байкала»",
"по данным Бутусова", "the Financial Times reports", "in a video released by State Duma deputy
Andrei Gurulev", "выложил во «ВКонтакте»", "In a post on VKontakte, X wrote", credit lines
("Источник: ASTRA", "(видео — «Осторожно, новости»)"), relatives who turned to an outlet ("обратились к
журналистам «Новой газеты»") and a known project that helped the men out ("ему помог проект «Идите лесом»").
A source quoted for a side fact is not the via:
"по данным X" and "X reports" count only when the sentence is about the appeal or the event
(a video, an appeal, desertion …), and an official telling an outlet something does not make
that outlet the via.

Names are resolved against ``codebooks/outlets.tsv`` (outlets, platforms and public figures with
their ru/uk/en names → one canonical Latin name: «Сіра зона» → Grey Zone, «Цензор.НЕТ» → Censor.NET,
Бутусова → Yurii Butusov). Names not in the table are put in the nominative (pymorphy3) and
transliterated: Russian with the simple newsroom table (Елены Кузнецовой → Elena Kuznetsova),
Ukrainian with the official KMU 2010 table (Костянтин Ільченко → Kostiantyn Ilchenko).

Within one sentence an outlet wins over a person and a person over a platform: in "the video was
posted by activist V. Osechkin of Gulagu.net" the via is Gulagu.net.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Cyrillic → Latin letters (ru and uk), shared with scripts/build_gazetteer.py and the scorer.
CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "zh",
            "z",
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
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "yi",
            "ye",
            "g",
        ],
        strict=True,
    )
)
# Ukrainian (KMU 2010, the passport table): word-initial є ї й ю я differ from the inner forms.
_UK_LATIN = {
    **CYRILLIC_TO_LATIN,
    "г": "h",
    "ґ": "g",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "є": "ie",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
    "ʼ": "",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "codebooks" / "outlets.tsv"

RANK = {"outlet": 0, "person": 1, "platform": 2}
MAX_SEGMENT = 5_000  # characters of one sentence looked at (bounded work on untrusted text)


@dataclass(frozen=True, slots=True)
class ViaHit:
    name: str
    start: int
    end: int
    kind: str = "outlet"  # outlet | person | platform


def translit(name: str) -> str:
    out = []
    for ch in name.replace("ё", "е").replace("Ё", "Е"):
        low = ch.lower()
        t = CYRILLIC_TO_LATIN.get(low)
        if t is None:
            out.append(ch)
        else:
            out.append(t.capitalize() if ch != low and t else t)
    return "".join(out)


def translit_uk(name: str) -> str:
    """Ukrainian KMU 2010 transliteration (Юрій → Yurii, Костянтин → Kostiantyn, Гурульов → Hurulov)."""
    out = []
    prev_letter = False
    name = re.sub("зг", "з\x00", re.sub("Зг", "З\x00", re.sub("ЗГ", "З\x01", name)))  # зг → zgh (KMU rule)
    for ch in name:
        if ch in "\x00\x01":
            out.append("gh" if ch == "\x00" else "GH")
            prev_letter = True
            continue
        low = ch.lower()
        if low == "ё":
            low = "е"
        t = (_UK_INITIAL.get(low) if not prev_letter else None) or _UK_LATIN.get(low)
        if t is None:
            out.append(ch)
        else:
            out.append(t.capitalize() if ch != low and t else t)
        prev_letter = ch.isalpha() or (ch in "'’ʼ" and prev_letter)
    return "".join(out)


def via_key(name: str) -> str:
    """Comparison key: transliterated, lower case, letters and digits only, blind to the transliteration system
    (Lyudi/Liudi, Yurii/Yuriy/Yuri, Seraya/Seraia, Kharkiv/Harkiv: y, i, j are one letter, kh is h, doubles one;
    g is h, as in unit keys: a Russian name written with the Ukrainian table, Kaluha/Kaluga)."""
    return latin_skeleton(re.sub(r"[^a-z0-9]", "", translit(name).lower())).replace("g", "h")


def latin_skeleton(low: str) -> str:
    """Lower-case Latin letters with the differences between transliteration systems folded away."""
    low = low.replace("shch", "sch").replace("kh", "h")
    low = re.sub(r"[yj]", "i", low)
    return re.sub(r"(.)\1+", r"\1", low)


# --- the outlet table -------------------------------------------------------------------------

_CYR = "а-яёіїєґА-ЯЁІЇЄҐ"
_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ам|ям|ах|ях|ов|ев|ів|ою|ею|ої|ій|ий|ый|ым|им|ых|их|ая|яя|ое|ее|"
    r"ую|юю|[аеиоуыэюяйьіїє])+$"
)
_WORD_SPLIT = re.compile(r"([\s,]+|\.\s?|-|/|\+|&)")


def _stem(word: str) -> str:
    """A Cyrillic word without its case ending (Вёрстке, Вёрстка → верстк); other words lower-cased."""
    low = word.lower().replace("ё", "е")
    if not re.search(f"[{_CYR}]", low) or len(low) < 4:
        return low
    stem = _ENDING.sub("", low)
    return stem if len(stem) >= 3 else low[:3]


def name_key(name: str) -> str:
    """Table key of a name as written in any case: stems transliterated, letters and digits only."""
    words = [w for w in re.split(r"[\s,.\-/+&«»\"“”()]+", name) if w]
    return "".join(re.sub(r"[^a-z0-9+]", "", translit(_stem(w)).lower()) for w in words)


def _yo(s: str) -> str:
    return re.escape(s).replace("е", "[её]")


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str


class _Table:
    def __init__(self, path: Path) -> None:
        self.by_key: dict[str, tuple[Outlet, bool]] = {}
        parts: list[tuple[int, str]] = []
        seen: set[str] = set()
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.startswith("#"):
                continue
            canonical, kind, aliases = raw.split("\t")
            outlet = Outlet(canonical, kind)
            for alias in [canonical, *aliases.split("|")]:
                weak = alias.startswith("~")
                alias = alias.lstrip("~").strip()
                key = name_key(alias)
                if not key:
                    continue
                old = self.by_key.get(key)
                # a strong alias of one outlet wins over a weak one (or a repeated one) of another
                if old is None or (old[1] and not weak):
                    self.by_key[key] = (outlet, weak)
                # a platform's brand is often written in lower case ("у фейсбуці", "во вконтакте")
                pat = self._pattern(alias, lower_ok=kind == "platform" and not weak and len(alias) >= 5)
                if pat not in seen:
                    seen.add(pat)
                    parts.append((len(alias), pat))
        parts.sort(key=lambda p: -p[0])
        # not inside a longer word or address, but "YouTube-каналі", "Telegram-channel" name the platform
        self.regex = re.compile(
            r"(?<![\w@./-])(?:" + "|".join(p for _, p in parts) + r")(?![\w]|-(?!(?i:канал|channel))|\.\w)"
        )

    @staticmethod
    def _pattern(alias: str, lower_ok: bool = False) -> str:
        out = []
        for i, tok in enumerate(_WORD_SPLIT.split(alias.replace("ё", "е"))):
            if not tok:
                continue
            if i % 2 == 1:  # separator
                if tok.strip() == ",":
                    out.append(r",?\s*")
                elif tok.isspace():
                    out.append(r"[\s\u00a0]+")
                elif tok.startswith("."):
                    out.append(r"\.\s?")
                elif tok == "-":
                    out.append(r"[-\s]?")
                else:
                    out.append(re.escape(tok.strip()))
                continue
            first, rest = tok[0], tok[1:]
            low = first.lower() if lower_ok else first
            head = f"[{low}{first.upper()}]" if first.isalpha() else re.escape(first)
            if re.search(f"[{_CYR}]", tok) and len(tok) >= 4:
                stem = _yo(_stem(tok)[1:])
                if stem[-1:] in _UK_ALTERNATES:  # the Ukrainian locative: Фейсбук → у фейсбуці
                    stem = stem[:-1] + _UK_ALTERNATES[stem[-1]]
                out.append(f"{head}(?i:{stem}[{_CYR}]{{0,4}})")
            elif rest:
                out.append(f"{head}(?i:{_yo(rest)})")
            else:
                out.append(head)
        return "".join(out)

    def lookup(self, name: str) -> tuple[Outlet, bool] | None:
        hit = self.by_key.get(name_key(name))
        if hit is None and _UK_LOCATIVE.search(name):
            # the Ukrainian locative alternates the last consonant: "у фейсбуці" is Фейсбук, "у Телезі" Телега
            hit = self.by_key.get(name_key(_UK_LOCATIVE.sub(lambda m: _UK_ALTERNATION[m[1].lower()], name)))
        return hit


_UK_ALTERNATES = {"к": "[кц]", "г": "[гз]", "х": "[хс]"}
_UK_LOCATIVE = re.compile(r"([цзс])і(?=$|[\s»\"”])", re.I)
_UK_ALTERNATION = {"ц": "к", "з": "г", "с": "х"}


@lru_cache(maxsize=1)
def outlet_table() -> _Table:
    return _Table(OUTLETS_FILE)


# --- cue phrases --------------------------------------------------------------------------------

_V = r"(?:а|о|и|ла|ло|ли)?"  # past-tense endings (ru/uk)
# publication verbs: the publisher made material public
PUB_RU_UK = (
    rf"(?:опубликова(?:л{_V}|но|н|ла)|опублікува(?:в|л{_V})|оприлюдни(?:в|л{_V})|выложи(?:л{_V})|"
    rf"викла(?:в|л{_V})|распространи(?:л{_V})|пошири(?:в|л{_V})|показа(?:л{_V}|в)|"
    rf"обнародова(?:л{_V})|размести(?:л{_V})|розмісти(?:в|л{_V})|публикует|публікує|выкладывает|"
    rf"викладає|показывает|показує|выпусти(?:л{_V})|опубликовали|выложили|выпустил|распространяет|"
    rf"распространяют|поширює|поширюють|оприлюднює|оприлюднюють|публикуют|публікують|"
    # printed: "Лист надрукувала місцева газета «Канашский курьер»"
    rf"надрукува(?:в|л{_V})|напечата(?:л{_V}))"
)
OBTAIN_RU_UK = rf"(?:получи(?:л{_V})|отрима(?:в|л{_V})|добыл{_V}|раздобыл{_V})"
PUB_EN = r"(?:published|posted|released|aired|shared|obtained|broadcast|uploaded|put out|carried|ran)"
REP_RU_UK = (
    rf"(?:сообщи(?:л{_V})|сообщает|сообщают|пишет|пишут|написа(?:л{_V})|выясни(?:л{_V})|узна(?:л{_V})|"
    rf"повідоми(?:в|л{_V})|повідомляє|повідомляють|пише|пишуть|написа(?:в|л{_V})|з'ясува(?:в|л{_V})|"
    rf"з’ясува(?:в|л{_V})|дізна(?:вся|лася|лися|лось)|передает|передаёт|передає|рассказа(?:л{_V})|"
    rf"розпові(?:в|ла|ли|ло))"
)
REP_EN = r"(?:reported|reports|wrote|writes|revealed|reveals|found|learned|said)"
SOURCE = (
    r"(?:по данным|по информации|по сведениям|как сообщает|как сообщил[аои]?|как пишет|как написал[аои]?|"
    r"как выяснил[аои]?|как узнал[аои]?|об этом сообщает|об этом сообщил[аои]?|об этом пишет|"
    r"об этом рассказал[аои]?|об этом написал[аои]?|про це написа(?:в|ла|ли)|"
    r"(?:об этом|про це)(?:\s+[\w'’]+){1,3}?\s+(?:написал[аои]?|написа(?:в|ла|ли)|сообщил[аои]?|повідоми(?:в|ла|ли)|"
    r"рассказал[аои]?|розпові(?:в|ла|ли))|сообщает|пишет|передает|передаёт|за даними|за інформацією|"
    r"як повідомляє|як повідомив|як повідомила|як пише|як з'ясувал[аои]|як з’ясувал[аои]|"
    r"про це повідомляє|про це повідомив|про це повідомила|про це пише|про це пишуть|об этом пишут|"
    r"про це розповів|про це розповіла|пише|"
    r"повідомляє|according to|as reported by|reported by|citing|cited by|reports? by|an? investigation by|via|"
    r"(?:published|posted|released|shared) (?:on \w+ |\w+ )?by|"
    r"investigation by|со ссылкой на|з посиланням на|согласно(?: данным| информации| публикации)?|"
    r"відповідно до (?:даних|інформації|публікації))"
)
TOLD = (
    r"(?:рассказал[аи]?|розповів|розповіла|розповіли|told|said to|"
    r"пожаловал(?:ся|ась|ись)|поскаржил(?:ся|ася|ися)|сказал[аи]? в интервью|заявил[аи]? в интервью|"
    r"в интервью|в інтерв'ю|в інтерв’ю|in an interview with|sent to|"
    r"(?:каже|говорит|говорить|сказал[аи]?|сказав|сказала|пояснил[аи]?|пояснив|пояснила|заявил[аи]?|заявив|"
    r"заявила) (?:журналистам|журналістам|корреспонденту|кореспонденту|репортерам)|leaked to|given to|"
    r"оказал(?:ась|ось|ись|ся) у|оказал(?:ась|ось|ись|ся) в распоряжении|в распоряжении|"
    r"попал(?:а|о|и)? в распоряжение|попал(?:а|о|и)? к|потрапил(?:а|о|и)? в розпорядження|потрапил(?:а|о|и)? до|"
    r"опинил(?:ася|ося|ися|ся) у|в розпорядженні|отправил[аи]? в|надіслал[аи]? до|прислал[аи]?|"
    r"в разговоре с|в беседе с|у розмові з|в комментарии|у коментарі|speaking to|speaking with|"
    r"обратил(?:ись|ась|ся) (?:к журналистам|в редакцию)|звернул(?:ися|ася|ся) (?:до журналістів|до редакції)|"
    r"wrote to|contacted|reached out to|"
    # handed to an outlet (team-heldout-25): "передали «Хорол.info» відеозвернення", "передали нашій редакції «X»"
    # and "передали в редакцию «Бавлы 24»" (codebook 1.21, team-heldout-59)
    r"переда(?:в|ла|ли|л|ло)(?:\s+(?:нашій|нашей|своє|своё|свое))?(?:\s+(?:(?:в|до)\s+)?(?:редакції|редакции|редакцию|редакцію))?|"
    r"in comments to)"
)
ARTICLE = (
    r"(?:стать[яиюей]|стаття|статті|статтю|публикаци[яиюей]|публікаці[яїюєі]|материал[аеу]?|матеріал[уі]?|"
    r"расследовани[еяию]|розслідуванн[яюі]|репортаж[аеу]?|сюжет[аеу]?|эфир[аеу]?|ефір[іу]?|"
    r"article|report|investigation|story|piece)"
)
PAGE = r"(?:на странице|на сторінці|на своей странице|на своїй сторінці|on the page of|on (?:his|her|the) page)"
# "posted to VKontakte", "uploaded to YouTube": English takes "to" for the platform a post goes up on
PLATFORM_PREP = r"(?:в|во|у|на|on|in|via|through|to)"

KIND_OUTLET = (
    r"(?:телеграм-канал\w*|telegram-канал\w*|телеграм канал\w*|youtube-канал\w*|ютуб-канал\w*|телеканал\w*|"
    r"канал\w*|группе|групі|сообществе|спільноті|издани\w*|видання|портал\w*|сайт\w*|паблик\w*|паблік\w*|медиа|медіа|газет\w+|журнал\w*|"
    r"информагентств\w*|інформагентств\w*|агентств\w*|ресурс\w*|проект\w*|проєкт\w*|редакци\w*|редакці\w*|"
    r"telegram channel|channel|outlet|news site|news outlet|newspaper|website|broadcaster|paper|magazine|"
    r"tv channel|news agency|agency|media outlet|portal|publication|daily|project|"
    # a civic group that made it public (team-heldout-25): "на сторінці громадської організації «Тростянець разом»"
    r"організаці\w*|организаци\w*|civic group|rights group|volunteer group)"
)
# a kind word right after a Latin name: "the Zeya-Info site", "the Chukotka Bez Kupyur page"
# (not when a name follows the kind word: "the Siberian outlet Taiga.info", "the Odesa Telegram channel «...»")
_KIND_AFTER = re.compile(
    r"\s+(?:site|website|page|channel|outlet|newspaper|portal|magazine|agency|news site)\b"
    r"(?!\s+(?:[A-ZА-ЯЁІЇЄҐ]|[«\"“„']))"
)
KIND_PERSON = (
    r"(?:журналист\w*|журналіст\w*|блогер\w*|блоґер\w*|военкор\w*|воєнкор\w*|корреспондент\w*|кореспондент\w*|"
    r"активист\w*|активіст\w*|правозащитни\w+|правозахисни\w+|волонтер\w*|волонтёр\w*|депутат\w*|нардеп\w*|"
    r"сенатор\w*|публицист\w*|ведущ\w+|ведуч\w+|"
    r"journalist|blogger|military blogger|milblogger|war correspondent|correspondent|reporter|activist|"
    r"rights activist|lawmaker|deputy|MP|senator|volunteer|commentator|host)"
)
# words between a KIND_PERSON and the name: "депутат Госдумы", "State Duma deputy", "народний депутат"
INSTITUTION = r"(?:Госдумы|Держдуми|Государственной думы|Державної думи|Верховной Рады|Верховної Ради|Рады|Ради|ВР)"
OFFICIAL = re.compile(
    r"(?i:глава|министр|міністр|начальник|представител|представник|спикер|речник|пресс-секретар|прес-секретар|"
    r"губернатор|командующ|командувач|прокурор|head of|minister|spokes|official|governor|chief|president|"
    r"президент|ГУР|ГБР|ДБР|СБУ|ФСБ|Генштаб|Минобороны|Міноборони)"
)
MEDIA_OBJECT = re.compile(
    r"(?i:видео|відео|аудио|аудіо|запис|ролик|обращени|звернен|письм|лист\b|лист[аиі]|пост\b|пост[аиу]|"
    r"заявлени|заяв[уиі]|фото|кадр|расследован|розслідуван|материал|матеріал|стать|статт|интервью|інтерв|"
    r"текст|документ|сообщени|повідомлен|скриншот|переписк|голосов|подробност|детал|информаци|інформаці)"
)
# the sentence is about the appeal or the event itself, not a side fact
EVENT_WORDS = re.compile(  # run on the lower-cased sentence
    r"(?:видео|відео|video|clip|footage|аудио|аудіо|audio|запис|recording|ролик|обращени|обратил|звернен|"
    r"зверну|appeal|plea|letter|письм|statement|жалоб|скарг|complain|сзч|соч\b|самовольн|самовільн|дезерт|"
    r"desert|awol|absent without|бежал|втік|втекл|сбежал|отказ|відмов|refus|избива|избил|побил|побиття|"
    r"избиени|били|бив|катува|пытк|пытал|tortur|beat|abuse|казн|страт|execut|вербов|вербув|recruit|lured|"
    r"обман|deceiv|tricked|forced|заставил|змусил|вымога|вимага|extort|вимагал|подвал|підвал|протест|пикет|"
    r"пікет|protest|rally|митинг|мітинг|погиб|загинул|killed|потер|втрат|losses|casualt|мобилизован|"
    r"мобілізован|mobilised|mobilized|контрактник|солдат|soldier|бойц|бійц|военн|військов|servicem|troops|"
    # a commander's men: "kept two subordinates in a pit", "побив підлеглого"
    r"subordinat|підлегл|подчинённ|подчиненн|"
    # an outlet that told the men's story, the contracts they were made to sign (team-heldout-9 th9-025)
    r"історі|истори|story of|контракт|contract|"
    # the wounded, marines, assaults, their insurance money (team-heldout-12: "поранених морпіхів ... повернули на
    # штурми, пише «Новый Калининград»")
    r"ранен|поранен|wounded|морпех|морпіх|marines|штурм|assault|страхов|insurance|выплат|виплат)"
)
CLAUSE_END = re.compile(r"[,;:!?\n—–(]|\.(?=\s|$)|\s(?:и|а|і|та|но|але|and|but|which|who|що|что|который|яка|який)\s")
_QUOTED = re.compile(r"[«\"“„]([^»\"”“\n]{2,40})[»\"”“]")
# a number that ends an outlet's name ("Lutugino 24", "Бавлы 24", "Apatity 51"), not a day, an amount or an age after it
_NAME_NUMBER = (
    r"(?:\s?\d{1,3}(?![\w.])(?!,\d)(?!\s+(?i:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|бер|кві|тра|чер|лип|"
    r"сер|вер|жов|лис|гру|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|km|км|тыс|тис|руб|грн|грив|hryv|roub|"
    r"dollar|доллар|долар|per|лет|рок|рік|year|men|man|people|чел|люд|осіб|человек|%|мобил|солдат|soldier|бойц|бійц|"
    r"week|day|month|hour|недел|тижн|дн|дня|месяц|місяц|час|годин)))?"
)
_LATIN_SEQ = re.compile(
    # codebook 1.17: Latin letters with diacritics ("Qırım Sesi") and a closing number ("Lutugino 24")
    r"(?<![\w.])(?:[A-Z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f.'’&+-]*)"
    r"(?:\s+(?:of|de|der|the|and|&)?\s*[A-Z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f.'’&+-]*){0,3}"
    # a transliterated Slavic name goes on after its preposition in lower case: "Orenburg bez tsenzury",
    # "Novosti za nedelyu", "Permskii krai bez tsenzury", "Kurgan i kurgantsy"
    r"(?:(?:\s+[a-z]{3,})?\s+(?:bez|dlya|dlia|na|po|za|ot|iz|vid|pid|pod|nad|ta|i|v)\s+[a-z][a-z'’]+)?"
    rf"{_NAME_NUMBER}(?![\w-])"
)
_CYR_SEQ = re.compile(
    r"(?<![\w-])[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ]+(?:-[А-ЯЁІЇЄҐ]?[а-яёіїєґ]+)?"
    r"(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ]+(?:-[А-ЯЁІЇЄҐ]?[а-яёіїєґ]+)?){0,2}"
    rf"{_NAME_NUMBER}"
)
NOT_NAMES = {
    "the",
    # a headline's generic credit: "Commanders Executed Soldiers ..., Outlet Reports"
    "outlet",
    "newspaper",
    "channel",
    "he",
    "she",
    "they",
    "it",
    "we",
    "a",
    "russian",
    "ukrainian",
    "president",
    "ministry",
    "police",
    "kremlin",
    "russia",
    "ukraine",
    "us",
    "moscow",
    "kyiv",
    "in",
    "on",
    "his",
    "her",
    "their",
    "its",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "state",
    "telegram",
    "телеграм",
    "duma",
    "state duma",
    "tv",
    "state tv",
    "media",
    "verkhovna rada",
    "un",
    "nato",
    "eu",
    "isw",
    "sbu",
    "fsb",
    "gur",
}
ORG_WORDS = re.compile(
    r"(?i)\b(?:foundation|committee|ministry|office|institute|assembly|council|police|army|forces|command|"
    r"court|prosecutor|bureau|service|government|embassy|administration|department|agency of|centre|center|"
    r"union|party|movement|brigade|regiment|battalion|division)\b"
)
TITLE_BEFORE_QUOTE = re.compile(
    r"(?i:под названием|названи\w*|під назвою|назв\w*|called|titled|named|хештег\w*|"
    r"hashtag|бригад\w*|батальон\w*|батальйон\w*|полк\w*|ЧВК|ПВК|PMC|операци\w*|"
    r"операці\w*|организаци\w*|організаці\w*|фонд\w*|движени\w*|рух\w*|"
    r"центр\w*|комитет\w*|комітет\w*|груп(?!пе\b|і\b)\w*|колони\w*|СИЗО|"
    r"позывн\w*|позивн\w*)\s*$"
)
ABOUT = re.compile(r"(?<![\w])(?i:о|об|обо|про|about|of|on|in|в|на|с|з|із)(?![\w])")
# "его опубликовали «X»", "відео, яке оприлюднив канал «X»": the object (or a relative pronoun for it) first
OBJECT_PRONOUN = re.compile(
    # up to three words between: "відео, яке в п'ятницю оприлюднили «Сибір.Реалії»" (team-heldout-9 th9-061)
    r"(?<![\w])(?i:его|её|ее|их|это|її|їх|це|його|которое|которую|который|которые|яке|яку|який|які)\s+"
    r"(?:[\w'’ʼ]+\s+){0,3}$"
)
SELF = re.compile(
    r"(?<![\w])(?i:himself|herself|themselves|his own|her own|себя|себе|собі|свое|своё|свой|своего|"
    r"своє|свій|свого)(?![\w])"
)
PREP_BEFORE = re.compile(r"(?<![\w])(?i:в|во|на|у|из|от|с|со|к|ко|по|о|об|под|за|над|при|до|для|з|із|зі|від|про)\s+$")
PRESS = re.compile(r"(?i:пресс-служб\w*|прес-служб\w*|press service of|press office of)\s*$")
FILLER = re.compile(
    r"^(?:\s|,|—|-|(?i:сегодня|сьогодні|вчера|вчора|накануне|напередодні|ранее|раніше|позже|пізніше|"
    r"этой|цієї|ночью|вночі|утром|вранці|вечером|ввечері|днём|днем|в|у|на|ночь|ніч|с|з|понедельник|"
    r"вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|середу|четвер|п'ятницю|"
    r"п’ятницю|суботу|неділю|также|також|тоже|уже|вже|сам|сама|сами|сначала|впервые|first|also|"
    r"earlier|later|today|yesterday|on|late|early|this|last|week|month|morning|evening|night|has|have|"
    r"had|was|were|is|first|exclusively|эксклюзивно|эксклюзивно|ексклюзивно|\d{1,2}|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))*$"
)
QUICK = re.compile(  # run on the lower-cased sentence
    r"(?:опубл|оприлюд|выложи|виклав|викла|распростран|пошир|показ|обнарод|размест|розміст|публику|"
    r"публіку|выкладыва|виклада|выпуст|получи|отрима|сообщ|пишет|пишут|пише|пишуть|написа|выясни|узна|"
    r"повідом|з'ясув|з’ясув|дізна|переда|расска|розпов|данн|даним|информац|інформац|according|reported|"
    r"reports|wrote|writes|reveal|found|learned|said|told|sent to|leaked|given to|interview|интервью|"
    r"інтерв|оказал|распоряжен|розпоряджен|опинил|отправил|надісла|присла|стать|статт|публикац|публікац|"
    r"материал|матеріал|расследов|розслідув|репортаж|сюжет|эфир|ефір|article|report|investigation|story|"
    r"piece|странице|сторінці|page|published|posted|released|aired|shared|obtained|broadcast|uploaded|"
    r"put out|carried|\bran\b|citing|cited|появил|з'яви|з’яви|зʼяви|вышл|вышел|вийш|appeared|surfaced|circulat|"
    r"надрук|напечат|розлеті|разлете|разош|розійш|viral|clip|"
    r"заяв|сказа|пояснi|"
    r"поясни|беседе|разговоре|розмові|коментар|комментар|speaking|согласно|відповідно|ссылк|посилан|"
    r"помог|допом|помощ|поддерж|підтрим|help|assist|post|посте|постах|дописі|пості|says|обратил|звернул|"
    r"contacted|reached out|appeal|обращает|обратил|звертає|зверну|video|видео|відео|took to|turned to|takes to|"
    r"пожал|поскарж)"
)

# cue patterns run on the lower-cased sentence (same offsets)
_AFTER_RU_UK = re.compile(rf"(?<![\w])(?:{PUB_RU_UK}|{OBTAIN_RU_UK})(?![\w])")
_SUBJ_VERB = re.compile(rf"(?<![\w])(?:{PUB_RU_UK}|{OBTAIN_RU_UK}|{REP_RU_UK}|{PUB_EN}|{REP_EN})(?![\w])")
_SOURCE = re.compile(rf"(?<![\w]){SOURCE}(?![\w])")
_TOLD = re.compile(rf"(?<![\w]){TOLD}(?![\w])")
_TELL_VERB = (
    r"(?:рассказал[аио]?|рассказали|розпові(?:в|ла|ли)|сообщил[аио]?|сообщили|повідоми(?:в|ла|ли)|написал[аио]?|"
    r"написали|написа(?:в|ла|ли)|пожаловал(?:ся|ась|ись)|поскаржи(?:вся|лася|лися))"
)
_QUOTED_NAME = r"[«\"“„][^»\"”“\n]{2,40}[»\"”“]"
_TOLD_ABOUT_THIS = re.compile(
    rf"(?<![\w])(?P<a>{_QUOTED_NAME})\s+(?i:об этом|об этом же|про це)\s+{_TELL_VERB}(?![\w])|"
    rf"(?<![\w])(?i:об этом|про це)\s+(?P<b>{_QUOTED_NAME})\s+{_TELL_VERB}(?![\w])",
    re.I,
)
_ABOUT_THIS = re.compile(r"\s+(?:об этом|об этом же|обо всём этом|про це|про все це|about this|about it)(?![\w])")
_BY = re.compile(
    rf"(?<![\w])(?:{PUB_EN}|filmed|recorded|reported|shown|aired|video|clip|footage)"
    rf"(?:\s+[\w',-]+){{0,5}}?\s+by(?![\w])"
)
_ARTICLE = re.compile(rf"(?<![\w]){ARTICLE}(?![\w])")
_PAGE = re.compile(rf"(?<![\w]){PAGE}(?![\w])")
# "в телеграм-канале «X»", "on the Telegram channel X": the channel, after a publication or report verb
_SAID = re.compile(
    r"(?<![\w])(?:заявил[аи]?|заявив|заявила|заявили|сообщил[аи]?|сказал[аи]?|пояснил[аи]?|повідомив|повідомила|"
    r"повідомили|сказав|сказала|сказали|пояснив|пояснила|пояснили)(?![\w])"
)
_IN_KIND = re.compile(
    rf"(?<![\w])(?:в|у|во|на|on|in)\s+(?:(?:своем|своём|своєму|своїй|своей|his|her|their|the|a)\s+)?"
    rf"(?:[\w-]+\s+)?{KIND_OUTLET}(?![\w])"
)
_VERB_BEFORE = re.compile(
    rf"(?<![\w])(?:{PUB_RU_UK}|{REP_RU_UK}|{PUB_EN}|{REP_EN}|появил\w*|з'явил\w*|з’явил\w*|appeared|surfaced|"
    r"circulated|опубликованн\w*|опублікован\w*|оприлюднен\w*|размещенн\w*|розміщен\w*|"
    r"распространенн\w*|поширен\w*|выложенн\w*|викладен\w*)(?![\w])"
)
# "видео, опубликованное «Версткой»": a participle and its agent
_PARTICIPLE = re.compile(
    r"(?<![\w])(?:опубликованн|опублікован|оприлюднен|размещенн|розміщен|распространенн|поширен|выложенн|"
    r"викладен|показанн|показан)\w*(?![\w])"
)
_PUB_EN = re.compile(rf"(?<![\w])(?:{PUB_EN}|uploaded)(?![\w])")
# after a channel's name: an appearance or publication verb, a time word or two between ("сегодня появилось")
_VERB_AFTER = re.compile(
    r"[»\"”]?\s+(?:[\w'’-]+\s+){0,2}?(?:появил\w*|з['’]яви[лв]\w*|опубликова\w*|опублікува\w*|"
    r"оприлюдни\w*|выложи\w*|виклав\w*|виклала\w*|вышл\w*|вийш\w*)(?![\w])"
)
_ON_NAME = re.compile(r"(?<![\w])(?:on|in)\s+(?=\S)")
# ", the local channel", ", an independent outlet": an appositive that names the kind of the name before it
_APPOSITIVE_KIND = rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{KIND_OUTLET}"
# ... and runs on to the next comma, before its verb: "Altaisky Okop, a channel run by relatives ..., reports"
_DESCRIBED = re.compile(rf"{_APPOSITIVE_KIND}\b[^,;.]{{0,80}},\s*$")
_KIND_APPOSITIVE = re.compile(rf"[»\"”]?{_APPOSITIVE_KIND}(?![\w])")
# writing on a platform: "написал во «ВКонтакте»", "написала у Facebook", "wrote on VKontakte", "in a post on X"
_WROTE_ON = re.compile(
    rf"(?<![\w])(?:написа(?:л{_V}|в)|пишет|пишут|пише|пишуть|wrote|writes|said|says|заяви(?:л{_V}|в)|"
    r"(?:in|в|у)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+|своём\s+|своем\s+|своєму\s+|своей\s+|своїй\s+)?"
    r"(?:post|posts|message|video|посте|постах|публикации|публікації|дописі|пості|сообщении|повідомленні|"
    r"видео|відео|аккаунте|акаунті|профиле|профілі|блоге|блозі))(?![\w])"
)
_APPEARED = re.compile(
    r"(?<![\w])(?:появил(?:ось|ась|ся|ись)|з['’ʼ]яви(?:лося|лася|вся|лись|лися)|вышл[оаи]|вышел|вийш(?:ло|ла|ли|ов)|"
    r"опубликован[оаы]?|опублікован[оаі]?|оприлюднен[оаі]?|размещен[оаы]?|розміщен[оаі]?|выложен[оаы]?|"
    r"викладен[оаі]?|appeared|surfaced|circulated|was\s+(?:posted|published|shared|uploaded)|"
    # spread: "Відео розлетілося у ВК", "ролик разошёлся по «ВКонтакте»"
    r"розлеті(?:лося|лася|вся|лись|лися)|разлетел(?:ось|ась|ся|ись)|разош(?:лось|лась|ёлся|елся|лись)|"
    r"розійш(?:лося|лася|овся|лись|лися)|went viral|"
    # the participle in full: "Лист, опублікований у четвер у Facebook", "видео, размещенное во «ВКонтакте»"
    r"опубликованн\w+|опублікован\w+|оприлюднен\w+|размещенн\w+|розміщен\w+|выложенн\w+|викладен\w+)(?![\w])"
)
_POST_WORD = re.compile(r"\s+(?i:post|posts|video|clip|message|story|stories|page|account|live)(?![\w])")
# a video taken from a platform: "Опис відео з TikTok", "Описание видео из ВК", "a video from TikTok"
_MEDIA_FROM_WORDS = r"(?i:відео|видео|ролик\w*|запис\w*|video|clip|footage)\s+(?i:з|із|из|from)\s+"
_MEDIA_FROM = re.compile(_MEDIA_FROM_WORDS + r"[«\"“„]?$")
_MEDIA_FROM_ANY = re.compile(_MEDIA_FROM_WORDS)  # the cheap gate: the sentence has such a phrase at all
_IN_PLATFORM_POST = re.compile(r"(?<![\w])(?i:in|on)\s+(?i:a|an|his|her|their|the)\s+$")
# an appeal made on a platform: "обратилась в TikTok к главнокомандующему", "звернулася до командира в TikTok",
# "appealed to the governor on YouTube" (the platform is the medium the appeal was made public in)
_APPEAL_ON = re.compile(
    r"(?<![\w])(?:обратил(?:ся|ась|ись)|обращается|обращаются|зверну(?:вся|лася|лась|лися|лись)|звертається|"
    r"звертаються|appealed|appeals|pleaded|"
    # complained on a platform (team-heldout-17): "в TikTok восемь бойцов ... пожаловались своему главкому"
    r"пожаловал(?:ся|ась|ись)|жалуются|поскаржи(?:вся|лася|лись|лися)|скаржаться|complained)(?![\w])"
)
# the platform named before the appeal's verb in its clause: "В понедельник в TikTok восемь бойцов ... пожаловались"
_PLATFORM_PREP_BEFORE = re.compile(r"(?<![\w])(?i:в|во|у|on|in)\s+[«\"“„]?$")
# "took to TikTok to appeal", "turned to Facebook": the platform right after the idiom
_TOOK_TO = re.compile(r"(?<![\w])(?:took|takes|take|taking|turned|turns)\s+to\s+(?=[A-Z])")
# helped by a project: "ему помог проект «Идите лесом»", "with the help of the Get Lost project"
_HELPED = re.compile(
    r"(?<![\w])(?:помог(?:л[аио])?|допоміг|допомогл[аио]|с помощью|при помощи|при поддержке|за допомогою|"
    r"за підтримки|with the help of|with help from|helped by|assisted by)(?![\w])"
)
_PUBLISHING = re.compile(f"{PUB_RU_UK}|{OBTAIN_RU_UK}|{PUB_EN}")
_OBTAIN = re.compile(OBTAIN_RU_UK)
_PUBLISHING_STRICT = re.compile(
    r"опублик|опублік|оприлюдн|выложи|викла|распростран|пошир|размест|розміст|надрукува|напечата|published|posted|"
    r"released|aired|"
    r"shared"
)
_CREDIT_QUICK = re.compile(r"(?:источник|джерело|source|видео|відео|video)\s*[:—–-]")
_CREDIT = re.compile(
    r"(?:^|(?<=[\n(]))\s*(?i:источник|джерело|source|видео|відео|video)\s*[:—–-]\s*"
    r"([«\"“„][^»\"”“\n]{2,40}[»\"”“]|[^\n()«»\"“”„:;,.!?]{2,40})\s*\.?\s*(?=\)|$|\n)"
)
_HEADLINE = re.compile(r"^\W{0,4}([^:\n]{2,40}):\s")
_KIND_OUTLET_BEFORE = re.compile(rf"(?i:{KIND_OUTLET})\s*$")
_FROM_KIND = re.compile(rf"(?i:з|із|из|from)\s+(?:[\w'’-]+\s+){{0,2}}(?i:{KIND_OUTLET})\s*[«\"“„]?$")
_KIND_PERSON_BEFORE = re.compile(
    rf"(?:(?i:{KIND_PERSON})(?:\s+{INSTITUTION})?|(?:State Duma|Duma|Ukrainian|Russian|pro-war|pro-Kremlin|"
    rf"exiled|independent)\s+(?i:{KIND_PERSON}))\s*$"
)
_OF = re.compile(r"^\s*(?i:of|from|at|on|in|з|із|зі|из|от|на|в|у|во)\s*$")


@dataclass(slots=True)
class _Cand:
    name: str
    kind: str
    start: int
    end: int
    strong: bool  # table-known, or named by a kind word ("канал «X»", "journalist X")


def _lang(seg: str) -> str:
    return "uk" if re.search("[іїєґІЇЄҐ]", seg) else "ru"


def _name_lang(name: str, lang: str) -> str:
    """The language of a Cyrillic name: its own letters, else a word only the Russian dictionary knows («Новости
    Прокопьевска», «Тверские ведомости» quoted in a Ukrainian sentence), else the sentence's."""
    if re.search("[іїєґІЇЄҐ]", name):
        return "uk"
    if re.search("[ыэъёЫЭЪЁ]", name):
        return "ru"
    if lang == "uk":
        from sitrep.enrich.lemmas import _morph

        ru, uk = _morph("ru"), _morph("uk")
        words = [w.lower() for w in re.findall(f"[{_CYR}]+", name)]
        if any(ru.word_is_known(w) and not uk.word_is_known(w) for w in words):
            return "ru"
    return lang


def _titled(words: list[str], lang: str) -> str:
    """Transliterated and capitalised: Ukrainian (KMU) when the name or, failing that, the sentence is."""
    lang = _name_lang(" ".join(words), lang)
    tr = translit_uk if lang == "uk" else translit
    return " ".join(w[:1].upper() + w[1:] for w in tr(" ".join(words)).split())


@lru_cache(maxsize=20_000)
def _person(words: tuple[str, ...], lang: str) -> tuple[str, ...] | None:
    """Capitalised Cyrillic words → the nominative if they are a person's name (else None)."""
    from sitrep.enrich.lemmas import _morph

    morph = _morph(lang)
    out: list[str] = []
    person = False
    gender = ""
    for w in words:
        parses = morph.parse(w.lower())
        named = [p for p in parses[:4] if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
        if not named:
            if person:  # an unknown word after a name: a rare surname, as written
                out.append(w.lower())
            continue  # words before the name ("Гидрометцентра России Роман ...") are not part of it
        person = True
        if gender:
            named = [p for p in named if gender in p.tag.grammemes] or named
        p = named[0]
        gender = gender or next((g for g in ("masc", "femn") if g in p.tag.grammemes), "")
        nom = p.inflect({"nomn"})
        out.append(nom.word if nom is not None else w.lower())
    return tuple(out) if person else None


def _lemma_outlet(name: str, lang: str) -> str:
    """A quoted Cyrillic outlet name not in the table: the first word in the nominative («Людей Байкала»)."""
    if not re.fullmatch(f"[{_CYR}]+(?:\\s+[{_CYR}]+)?", name):
        return name
    from sitrep.enrich.lemmas import _morph

    words = name.split()
    morph = _morph(_name_lang(name, lang))
    # each word in the nominative when the first is not: «Биробиджанскому вестнику» -> Биробиджанский вестник
    for k, word in enumerate(words):
        parse = morph.parse(word.lower())
        if not parse or any(p.tag.case in (None, "nomn") for p in parse[:3]):
            if k == 0:
                break
            continue
        nom = parse[0].inflect({"nomn"})
        if nom is not None:
            words[k] = nom.word[:1].upper() + nom.word[1:] if word[:1].isupper() else nom.word
    return " ".join(words)


# an indefinite article opens a description of someone ("a fellow recruit", "an army source"), never an outlet's name
_INDEFINITE = re.compile(r"\s*(?:a|an)\s", re.I)


def _clean(raw: str) -> str:
    return re.sub(r"[,.;:!?]+$", "", raw.strip())


def _candidates(seg: str, a: int, b: int, lang: str) -> list[_Cand]:
    """Names inside seg[a:b], in order: table names, quoted names, Latin names, Cyrillic person names."""
    table = outlet_table()
    part = seg[a:b]
    found: list[_Cand] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for m in table.regex.finditer(part):
        hit = table.lookup(m[0])
        if hit is None:
            continue
        outlet, weak = hit
        s, e = a + m.start(), a + m.end()
        quoted = s > 0 and seg[s - 1] in '«"“„' and e < len(seg) and seg[e] in '»"”“'
        kinded = bool(_KIND_OUTLET_BEFORE.search(seg[max(0, s - 30) : s]))
        if weak and not (quoted or kinded):
            continue
        if outlet.kind == "person" and (not _capital(m[0]) or PREP_BEFORE.search(seg[max(0, s - 5) : s])):
            continue
        if outlet.kind == "person" and PRESS.search(seg[max(0, s - 30) : s]):
            found.append(_Cand(f"{outlet.name.split()[-1]}'s press service", "outlet", s, e, True))
        else:
            found.append(_Cand(outlet.name, outlet.kind, s, e, True))
        taken.append((s - 1 if quoted else s, e + 1 if quoted else e))
    for m in _QUOTED.finditer(part):
        s, e = a + m.start(), a + m.end()
        if not free(s, e):
            continue
        before = seg[max(0, s - 40) : s]
        if TITLE_BEFORE_QUOTE.search(before):
            continue
        raw = _clean(m[1])
        if not raw or not raw[0].isupper() and not raw[0].isdigit():
            continue
        kinded = bool(_KIND_OUTLET_BEFORE.search(before))
        name = _lemma_outlet(raw, lang) if re.search(f"[{_CYR}]", raw) else raw
        found.append(
            _Cand(_titled(name.split(), lang) if re.search(f"[{_CYR}]", name) else name, "outlet", s + 1, e - 1, kinded)
        )
        taken.append((s, e))
    for m in _LATIN_SEQ.finditer(part):
        s, e = a + m.start(), a + m.end()
        raw = _clean(m[0])
        raw = re.sub(r"^(?:The|the)\s+", "", raw) if " " in raw else raw
        if not free(s, e) or len(raw) < 2 or raw.lower() in NOT_NAMES or raw.isdigit():
            continue
        if all(w.lower() in NOT_NAMES for w in raw.split()):
            continue  # "pro-Ukrainian Telegram channels": no name, only generic words
        if ORG_WORDS.search(raw) or not re.search("[A-Za-z]", raw):
            continue
        if raw.endswith(("'s", "’s")):
            continue  # "published by Ukraine's military intelligence": a possessive names whose, not an outlet
        before = seg[max(0, s - 40) : s]
        # "the X" is no name unless a kind word follows it: "told the Zeya-Info site", "by the Chukotka Bez Kupyur page"
        kind_after = bool(_KIND_AFTER.match(seg, e))
        if TITLE_BEFORE_QUOTE.search(before.rstrip('«"“„ ')) or (
            re.search(r"(?<![\w])the\s+$", before) and not kind_after
        ):
            continue
        if kind_after and " " not in raw and re.search(r"(?<![\w])(?:a|an)\s+$", before):
            continue  # "a relative told a Bryansk outlet": an outlet of that town, unnamed (team-heldout-18)
        if kind_after:  # "the Varta Zakhodu Telegram channel": the platform is the channel's, not its name's
            raw = re.sub(r"\s+(?:Telegram|YouTube|Facebook|VK|VKontakte|TikTok|Instagram|X)$", "", raw)
            found.append(_Cand(raw, "outlet", s, e, True))
            taken.append((s, e))
            continue
        if re.search(r"(?<![\w])(?:in|at|near|outside|from)\s+$", before):
            continue  # "at his home in Borisoglebsk, a local channel reported": a town; known outlets are matched above
        if _KIND_PERSON_BEFORE.search(before):
            found.append(_Cand(raw, "person", s, e, True))
        else:
            found.append(_Cand(raw, "outlet", s, e, bool(_KIND_OUTLET_BEFORE.search(before))))
        taken.append((s, e))
    for m in _CYR_SEQ.finditer(part):
        s, e = a + m.start(), a + m.end()
        if not free(s, e):
            continue
        words = m[0].split()
        before = seg[max(0, s - 60) : s]
        if re.fullmatch(INSTITUTION, words[0]):
            words = words[1:]
            s = s + m[0].index(words[0]) if words else s
            if not words:
                continue
        if len(words) == 1 and words[0].isupper():
            continue  # abbreviations: agencies (ГБР, СБУ)
        if PREP_BEFORE.search(seg[max(0, s - 5) : s]):
            continue  # "во Владимире", "у Бутусова": not the one who published
        nom = _person(tuple(words), lang)
        if nom is None:
            continue
        # "Правозащитница Ольга Романова": the kind word opens the capitalised run at a sentence start
        kinded = bool(_KIND_PERSON_BEFORE.search(before) or re.fullmatch(rf"(?i:{KIND_PERSON})", words[0]))
        name = _titled(list(nom), lang)
        press = PRESS.search(before)
        if press:
            surname = name.split()[-1]
            found.append(_Cand(f"{surname}'s press service", "outlet", a + m.start() - 0, e, True))
        else:
            found.append(_Cand(name, "person", s, e, kinded))
        taken.append((s, e))
    found.sort(key=lambda c: c.start)
    return found


def _capital(s: str) -> bool:
    return s[:1].isupper()


def _clause_end(seg: str, pos: int, limit: int = 90) -> int:
    m = CLAUSE_END.search(seg, pos, min(len(seg), pos + limit))
    return m.start() if m else min(len(seg), pos + limit)


def _clause_start(seg: str, pos: int, limit: int = 90) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in CLAUSE_END.finditer(seg, lo, pos):
        last = m.end()
    return last


def _agent(cands: list[_Cand], seg: str) -> list[_Cand]:
    """The first name of a slot, or the outlet it belongs to ("Osechkin of Gulagu.net", "статья X на «Y»")."""
    if not cands:
        return []
    first = cands[0]
    for nxt in cands[1:3]:
        if nxt.kind == "outlet" and _OF.match(seg[first.end : nxt.start].replace("»", "").replace("«", "")):
            return [first, nxt]
    return [first]


def find_via(text: str, start: int, end: int) -> list[ViaHit]:
    """Publishers named in text[start:end], best first (outlet, then person, then platform; by position)."""
    end = min(end, start + MAX_SEGMENT)
    seg = text[start:end]
    low = seg.lower()
    if len(low) != len(seg):  # a letter whose lower case is longer (İ): keep the offsets
        low = "".join(ch.lower()[:1] or ch for ch in seg)
    hits: list[_Cand] = []
    # a headline credit: "FT: йеменцев обманом отправляют воевать"
    hm = _HEADLINE.match(seg) if ":" in seg[:48] else None
    if hm:
        hit = outlet_table().lookup(hm[1].strip())
        # a name the table marks as also a common word («Астра», "Дождь") counts in quotes: «Астра»: ...
        quoted = seg[: hm.start(1)].rstrip()[-1:] in '«"“„' and hm[1].rstrip()[-1:] in '»"”“'
        if hit is not None and hit[0].kind == "outlet" and (not hit[1] or quoted):
            hits.append(_Cand(hit[0].name, "outlet", hm.start(1), hm.end(1), True))
    # a credit line: "Источник: ASTRA", "Джерело: «Українська правда»", "(видео — «Осторожно, новости»)"
    for cm in _CREDIT.finditer(seg) if _CREDIT_QUICK.search(low) else ():
        raw = cm[1].strip()
        quoted = raw[:1] in '«"“„' and raw[-1:] in '»"”“'
        hit = outlet_table().lookup(raw)
        if hit is not None and (quoted or not hit[1]):
            hits.append(_Cand(hit[0].name, hit[0].kind, cm.start(1), cm.end(1), True))
        elif quoted and re.search(f"[{_CYR}]", raw):
            name = _lemma_outlet(raw[1:-1], _lang(seg))
            hits.append(_Cand(_titled(name.split(), _lang(seg)), "outlet", cm.start(1), cm.end(1), True))
    if not QUICK.search(low):
        return _ranked(hits, start)
    lang = _lang(seg)
    eventful = bool(EVENT_WORDS.search(low))
    # clause ends inside quotes do not count («Осторожно, новости»)
    mask = (
        _QUOTED.sub(lambda q: q[0][0] + "x" * (len(q[0]) - 2) + q[0][-1], seg) if any(q in seg for q in '«"“„') else seg
    )

    def take(cs: list[_Cand], kinds: tuple[str, ...] = ("outlet", "person")) -> None:
        for c in cs:
            if c.kind in kinds:
                hits.append(c)

    # 1. ru/uk publication verb, publisher after it: "Видео опубликовал канал «X»", "Аудіо виклав депутат X"
    for m in _AFTER_RU_UK.finditer(low):
        e = _clause_end(mask, m.end())
        slot = seg[m.end() : e]
        first_word = slot.strip().split(" ", 1)[0] if slot.strip() else ""
        cands = _candidates(seg, m.end(), e, lang)
        before = seg[_clause_start(mask, m.start()) : m.start()]
        if first_word and (MEDIA_OBJECT.match(first_word) or first_word[:1].isdigit()):
            # "X опубликовал видео ..." (the publisher is before the verb); platforms may still follow
            cands = [c for c in cands if c.kind == "platform"]
        elif MEDIA_OBJECT.search(before) or OBJECT_PRONOUN.search(before):
            # "Видео опубликовал канал «X»", "его опубликовали «X»": the object first, the publisher after
            agents = [c for c in cands if c.kind != "platform"]
            if agents and _near(seg, m.end(), agents[0].start, 3):
                take(_agent(agents, seg))
        take([c for c in cands if c.kind == "platform" and _platform_ok(seg, c)], kinds=("platform",))
    # 2. publisher before the verb: "«Українська правда» оприлюднила", "journalist Yurii Butusov reported"
    for m in _SUBJ_VERB.finditer(low):
        verb = m[0].lower()
        # "Altaisky Okop, a channel run by relatives of Altai soldiers, reports that": the name's kind between commas
        ap = _DESCRIBED.search(seg[: m.start()])
        subject_end = ap.start() if ap else m.start()
        s0 = _clause_start(mask, subject_end)
        cands = _candidates(seg, s0, subject_end, lang)
        if not cands:
            continue
        last = cands[-1]
        described = ap is not None and last.kind == "outlet" and not seg[last.end : subject_end].strip('»"” ')
        if ap is not None and not described:
            continue
        if not described and not FILLER.match(seg[last.end : m.start()].replace("»", "").replace('"', "")):
            continue
        publishing = bool(_PUBLISHING.match(verb))
        trailing = last.kind == "outlet" and bool(_TRAILING_CREDIT.match(verb)) and _trailing(seg, last, m.end())
        if _OBTAIN.match(verb) and not MEDIA_OBJECT.match(seg[m.end() :].lstrip()):
            continue  # "«Верстка» получила видео", not "сын депутата получил перелом"
        if not publishing and not (eventful or trailing or _about_this(seg, m.end())):
            continue
        # "..., the exile project Doroga Naruzhu said.": a name the table lacks says only after its kind word
        if verb == "said" and not (
            last.kind == "outlet" and (last.strong or _KIND_OUTLET_BEFORE.search(seg[: last.start].rstrip('«"“„ ')))
        ):
            continue
        if last.kind == "person" and SELF.search(seg[m.end() : m.end() + 80]):
            continue  # "Prigozhin has posted a video of himself": the appellant, not a publisher
        if _ARTICLE.search(low, last.end, m.start()):
            continue  # "near Pokrovsk, an investigation has found": the investigation found it (team-heldout-9)
        if (
            last.strong
            or (last.kind == "outlet" and _is_quoted(seg, last) and _PUBLISHING_STRICT.match(verb))
            or trailing
            or described
        ):
            if last.kind == "outlet" and _official_before(seg, last.start) and not last.strong:
                continue
            hits.append(last)
    # 3. source phrases: "по данным Бутусова", "according to ASTRA", "про це повідомляє Цензор.НЕТ"
    for m in _SOURCE.finditer(low):
        # a report verb, not data cited for a claim ("За даними «Української правди», розпорядження надійшло")
        opens = (
            not seg[: m.start()].strip()
            and bool(re.match(r"(?:як|как)\s", m[0]))
            and bool(_SOURCE_OPENS.match(seg, m.end()))
        )
        if not (eventful or opens or _about_this(seg, m.start(), before=True) or _credit_tail(seg, m.start(), m.end())):
            continue
        if OFFICIAL.search(seg[m.start() : m.end()]):
            continue  # "Об этом избранный президент написал в соцсети X": an official's own post
        e = _clause_end(mask, m.end(), 70)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind != "platform"]
        if cands and _INDEFINITE.match(seg[m.end() : cands[0].start]):
            continue  # "according to a fellow Indian recruit", "citing an Interior Ministry source": someone, no outlet
        if cands and _near(seg, m.end(), cands[0].start, 3):
            best = _agent(cands, seg)[-1]
            if best.kind == "person" and (not best.strong or OFFICIAL.search(seg[m.end() : best.start])):
                continue  # "об этом сообщил губернатор X", "по данным Кобзаря" (a mayor)
            hits.append(best)
    # 4. told an outlet: "рассказал «Вёрстке»", "told NDTV", "оказалась у «Медиазоны»" (not officials)
    for m in _TOLD.finditer(low):
        if _official_before(seg, m.start()):
            continue
        # "рассказала об этом изданию «X»", "розповіла про це виданню «X»": the story itself, then the outlet
        this = _ABOUT_THIS.match(low, m.end())
        at = this.end() if this else m.end()
        e = _clause_end(mask, at, 90)
        cands = [c for c in _candidates(seg, at, e, lang) if c.kind == "outlet"]
        # the teller may stand between: "розповіли його товариші по службі каналу «Калуга без фильтров»"
        kind_before = bool(cands) and bool(_KIND_OUTLET_BEFORE.search(seg[: cands[0].start].rstrip('«"“„ ')))
        reach = 7 if kind_before else 2
        if cands and _near(seg, at, cands[0].start, reach) and not ABOUT.search(seg[at : cands[0].start]):
            # a bare capitalised word after "sent to", "told" is no outlet unless the table, quotes or a kind word
            # say so: "sent to positions near Pokrovsk" (team-heldout-9 th9-037)
            if (
                cands[0].strong
                or kind_before
                or _is_quoted(seg, cands[0])
                or outlet_table().lookup(seg[cands[0].start : cands[0].end])
            ):
                take(cands[:1])
    # 4a. an outlet told it, the outlet before the verb with "об этом": "«Сирене» об этом рассказали жёны", "Об этом
    # «Можем объяснить» рассказали сослуживцы", "Про це «Слідству» розповіли рідні" (a quoted or known name only)
    for m in _TOLD_ABOUT_THIS.finditer(seg):
        if _official_before(seg, m.start()) or OFFICIAL.search(seg, m.end(), m.end() + 40):
            continue  # "Об этом «Известиям» рассказал министр": an official's word to an outlet
        name = m["a"] or m["b"]
        raw = name.strip('«»"“”„')
        hit = outlet_table().lookup(raw)
        if hit is not None and hit[0].kind == "outlet":
            hits.append(
                _Cand(hit[0].name, "outlet", m.start("a" if m["a"] else "b"), m.end("a" if m["a"] else "b"), True)
            )
        elif name[:1] in '«"“„' and not _official_before(seg, m.start()):
            words = _lemma_outlet(raw, lang).split()
            hits.append(
                _Cand(
                    _titled(words, lang), "outlet", m.start("a" if m["a"] else "b"), m.end("a" if m["a"] else "b"), True
                )
            )
    # 4b. said to a known outlet: "об этом они заявили «Медиазоне»", "сообщил ТАСС" (table names only)
    for m in _SAID.finditer(low):
        if _official_before(seg, m.start()):
            continue
        e = _clause_end(mask, m.end(), 40)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "outlet" and c.strong]
        if cands and _near(seg, m.end(), cands[0].start, 0) and (eventful or _about_this(seg, m.start())):
            take(cands[:1])
    # 5. English passive: "in a video released late on Wednesday by State Duma deputy Andrei Gurulev"
    for m in _BY.finditer(low):
        e = _clause_end(mask, m.end(), 90)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind != "platform"]
        if cands and _near(seg, m.end(), cands[0].start, 6):
            take(_agent(cands, seg))
    # 6. an article/investigation of an outlet: "стаття Юрія Бутусова на «Цензор.НЕТ»", "після публікації «УП»"
    for m in _ARTICLE.finditer(low):
        e = _clause_end(mask, m.end(), 70)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind != "platform"]
        if re.search(r"(?<![\w])(?i:по|за|под)\s+$", seg[max(0, m.start() - 5) : m.start()]):
            continue  # "по статье «Убийство»": an article of the criminal code
        publication = m[0].startswith(("публикац", "публікац"))
        if (
            cands
            and _near(seg, m.end(), cands[0].start, 1)
            and (cands[0].strong or (publication and _is_quoted(seg, cands[0])))
        ):
            take(_agent(cands, seg))
    # 7a. a channel after a verb: "видео появилось в телеграм-канале «X»", "posted on the Telegram channel X"
    for m in _IN_KIND.finditer(low):
        if not _VERB_BEFORE.search(low, _clause_start(mask, m.start()), m.start()):
            continue
        e = _clause_end(mask, m.end(), 50)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "outlet"]
        if cands and _near(seg, m.end(), cands[0].start, 0):
            hits.append(cands[0])
    # 7c. the channel first, the verb after it: "в каналі Grey Zone з'явився ролик", "В канале «X» появилось видео"
    for m in _IN_KIND.finditer(low):
        e = _clause_end(mask, m.end(), 50)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "outlet"]
        if cands and _near(seg, m.end(), cands[0].start, 0) and _VERB_AFTER.match(low, cands[0].end):
            hits.append(cands[0])
    # 7d. an appositive kind after the name: "appeared on Grey Zone, a Telegram channel linked to Wagner"
    for m in _ON_NAME.finditer(low):
        if not _VERB_BEFORE.search(low, _clause_start(mask, m.start()), m.start()):
            continue
        cands = [c for c in _candidates(seg, m.end(), _clause_end(mask, m.end(), 50), lang) if c.kind == "outlet"]
        if cands and _near(seg, m.end(), cands[0].start, 0) and _KIND_APPOSITIVE.match(low, cands[0].end):
            hits.append(cands[0])
    # 7b. a participle and its agent: "видео, опубликованное «Версткой»", "відео, оприлюднене каналом «X»"
    for m in _PARTICIPLE.finditer(low):
        e = _clause_end(mask, m.end(), 50)
        cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind != "platform"]
        if cands and _near(seg, m.end(), cands[0].start, 1) and not ABOUT.search(seg[m.end() : cands[0].start]):
            if cands[0].strong or _is_quoted(seg, cands[0]):
                take(cands[:1])
    # 7. a person's page: "Запись появилась на странице Елены Кузнецовой"
    for m in _PAGE.finditer(low):
        e = _clause_end(mask, m.end(), 60)
        cands = _candidates(seg, m.end(), e, lang)
        # the page of a group named by its kind: "на сторінці громадської організації «Тростянець разом»"
        kind_before = bool(cands) and bool(_KIND_OUTLET_BEFORE.search(seg[: cands[0].start].rstrip('«"“„ ')))
        if cands and _near(seg, m.end(), cands[0].start, 3 if kind_before else 1):
            take(cands[:1], kinds=("outlet", "person", "platform"))
    # 8. platforms after an English publication verb: "published ... on VKontakte"
    for m in _PUB_EN.finditer(low):
        e = _clause_end(mask, m.end(), 110)
        take(
            [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "platform" and _platform_ok(seg, c)],
            kinds=("platform",),
        )
    # 8b. platforms after an appearance or a publication in the passive: "Відео з'явилося у ВКонтакте", "Видео
    # вышло в среду во «ВКонтакте»", "ролик опубликован в Telegram", "the clip surfaced on VK"
    for m in _APPEARED.finditer(low):
        e = _clause_end(mask, m.end(), 60)
        take(
            [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "platform" and _platform_ok(seg, c)][:1],
            kinds=("platform",),
        )
        # spread from an outlet named by its kind: "Ролик розійшовся з місцевого пабліку «Канаш 24»"
        take(
            [
                c
                for c in _candidates(seg, m.end(), e, lang)
                if c.kind == "outlet" and _FROM_KIND.search(seg[max(m.end(), c.start - 40) : c.start])
            ][:1]
        )
    # 9. a post on a platform: "написал во «ВКонтакте»", "In a post on VKontakte, X wrote"
    for m in _WROTE_ON.finditer(low):
        e = _clause_end(mask, m.end(), 60)
        take(
            [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "platform" and _platform_ok(seg, c)][:1],
            kinds=("platform",),
        )
    # 9b. "in a Facebook post", "у дописі у Facebook" is 9; "in her Instagram video" names the platform first
    for c in _candidates(seg, 0, len(seg), lang) if "platform" in low or _POST_WORD.search(low) else ():
        if c.kind == "platform" and _IN_PLATFORM_POST.search(seg[max(0, c.start - 12) : c.start]):
            if _POST_WORD.match(seg, c.end):
                hits.append(c)
    # 9b'. a video taken from a platform: "Опис відео з TikTok", "Описание видео из ВК"
    for c in _candidates(seg, 0, len(seg), lang) if _MEDIA_FROM_ANY.search(low) else ():
        if c.kind == "platform" and _MEDIA_FROM.search(seg[max(0, c.start - 24) : c.start]):
            hits.append(c)
    # 9c. an appeal made on a platform: "обратилась в TikTok к ...", "звернулася до головнокомандувача в TikTok"
    for m in _APPEAL_ON.finditer(low):
        e = _clause_end(mask, m.end(), 70)
        after = [
            c
            for c in _candidates(seg, m.end(), e, lang)
            if c.kind == "platform"
            and (_platform_ok(seg, c) or re.search(r"(?i:через)\s+$", seg[max(0, c.start - 8) : c.start]))
        ][:1]
        ahead = [
            c
            for c in _candidates(seg, _clause_start(mask, m.start(), 90), m.start(), lang)
            if c.kind == "platform" and _PLATFORM_PREP_BEFORE.search(seg[max(0, c.start - 6) : c.start])
        ][-1:]
        take(after or ahead, kinds=("platform",))
    for m in _TOOK_TO.finditer(seg):
        cands = [c for c in _candidates(seg, m.end(), _clause_end(mask, m.end(), 30), lang) if c.kind == "platform"]
        if cands and cands[0].start == m.end():
            take(cands[:1], kinds=("platform",))
    # 10. a project that helped the men out and told their story: "ему помог проект «Идите лесом»"
    if eventful:
        for m in _HELPED.finditer(low):
            e = _clause_end(mask, m.end(), 70)
            cands = [c for c in _candidates(seg, m.end(), e, lang) if c.kind == "outlet" and c.strong]
            # only a known outlet or project: "помогла рассчитать траекторию для проекта «Меркурий»" is none
            if (
                cands
                and _near(seg, m.end(), cands[0].start, 3)
                and outlet_table().lookup(seg[cands[0].start : cands[0].end])
            ):
                take(cands[:1])
    return _ranked(hits, start)


def _ranked(hits: list[_Cand], start: int) -> list[ViaHit]:
    out: list[ViaHit] = []
    for c in sorted(hits, key=lambda c: (RANK.get(c.kind, 3), c.start)):
        name = c.name
        if len(name) < 2 or name.lower() in NOT_NAMES or any(h.name == name for h in out):
            continue
        out.append(ViaHit(name, start + c.start, start + c.end, c.kind))
    return out


def _platform_ok(seg: str, c: _Cand) -> bool:
    return bool(re.search(rf"(?<![\w])(?i:{PLATFORM_PREP})\s+[«\"“]?$", seg[max(0, c.start - 8) : c.start]))


def _is_quoted(seg: str, c: _Cand) -> bool:
    return c.start > 0 and seg[c.start - 1] in '«"“„'


def _near(seg: str, a: int, b: int, words: int) -> bool:
    gap = seg[a:b].replace("«", " ").replace('"', " ").replace("“", " ")
    if re.search(r"[,;:.!?]", gap):
        return False
    n = len(gap.split())
    if n <= words:
        return True
    # kind words and institutions do not count: "by State Duma deputy X", "телеграм-канал «X»"
    rest = re.sub(
        rf"(?i:{KIND_OUTLET}|{KIND_PERSON}|{INSTITUTION}|the|a|an|State|Duma|exiled|independent|"
        r"Russian|Ukrainian|російськ\w+|русск\w+|украинск\w+|українськ\w+|незалежн\w+|"
        r"независим\w+|известн\w+|відом\w+|демобілізован\w+|бывш\w+|колишн\w+)",
        " ",
        gap,
    )
    return len(rest.split()) <= words


# "..., Novy Kaliningrad reports." (team-heldout-12): a name between a comma and a report verb that ends
# its sentence credits the sentence's story, whether or not the table knows the name
_TRAILING_CREDIT = re.compile(r"(?:reports|writes|reported|wrote)$")


_ENDS_SENTENCE = re.compile(r"\s*(?:[.!;]|$)")
# the quoted name may follow its kind: "..., пише канал «Алтайский окоп».", "..., повідомляє проєкт «Дорога наружу»."
_QUOTED_THEN_END = re.compile(
    rf"\s*(?:(?i:{KIND_OUTLET})\s+)?[«\"“„][^»\"”“\n]{{2,40}}[»\"”“]" + _ENDS_SENTENCE.pattern
)
# "Як повідомляє «Сурский край», їх роззброїли ...": a source phrase that opens the sentence credits all of it
_SOURCE_OPENS = re.compile(rf"\s*(?:(?i:{KIND_OUTLET})\s+)?[«\"“„][^»\"”“\n]{{2,40}}[»\"”“]\s*,")


def _trailing(seg: str, cand: _Cand, verb_end: int) -> bool:
    """ "..., X reports.": the name follows a comma and its verb ends the sentence."""
    return seg[: cand.start].rstrip().endswith(",") and bool(_ENDS_SENTENCE.match(seg, verb_end))


def _credit_tail(seg: str, start: int, end: int) -> bool:
    """ "..., пишет «Ижевск по-честному».": a verb after a comma or dash and a quoted name that ends the sentence credit
    the sentence's story, whatever words it tells it in."""
    return bool(re.search(r"[,—–]\s*$", seg[:start])) and bool(_QUOTED_THEN_END.match(seg, end))


def _about_this(seg: str, pos: int, before: bool = False) -> bool:
    """ "Об этом сообщает X", "Про це повідомляє X": the whole story is credited."""
    window = seg[max(0, pos - 20) : pos + 20] if before else seg[max(0, pos - 40) : pos]
    return bool(re.search(r"(?i:об этом|про це|this was reported|as first reported)", window))


def _official_before(seg: str, pos: int) -> bool:
    s0 = _clause_start(seg, pos, 70)
    return bool(OFFICIAL.search(seg[s0:pos]))
