"""Tokens of a report → places (GeoNames names, coordinates, role) with the span they came from.

The gazetteer (``data/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py`` from GeoNames,
CC BY 4.0) indexes every Ukrainian village and Russian town by raw and lemmatised name keys, so
"под Бахмутом" and "в Авдіївці" match by lemma. ``data/regions.tsv`` adds countries and Russian
regions. Same-name places (11 Andriivkas) are told apart by reasoning over the whole text: an
oblast named in the text, nearness to the other places found, then size and rank.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from sitrep.enrich.lemmas import lemma
from sitrep.extract.text import Sentence, Token
from sitrep.extract.via import KIND_OUTLET
from sitrep.frontline import FRONT_OBLASTS

DATA = Path(__file__).resolve().parent.parent / "data"
ORIGIN_BEFORE = {
    "из",
    "з",
    "із",
    "зі",
    "from",
    "родом",
    "уроженец",
    "уроженцы",
    "уродженець",
    "natives",
    "native",
    "жители",
    "житель",
    "жителей",
    "жителів",
    "мешканці",
    "мешканців",
    "residents",
    # one resident or native: "жительница Турунтаева", "уродженця Кадіївки"
    "жительница",
    "жительницы",
    "жителя",
    "уроженка",
    "уроженца",
    "уродженка",
    "уродженця",
    "мешканка",
    "мешканець",
    "мешканця",
    "мешканки",
    # codebook 1.17: other cases ("укомплектованого мешканцями Алушти", "троим жителям Черноморского")
    "жителям",
    "жителями",
    # codebook 1.20: "двенадцать жительниц Усть-Кута" (team-heldout-79)
    "жительниц",
    "жительницам",
    "мешканок",
    "уроженок",
    "уродженок",
    "мешканцям",
    "мешканцями",
    "уроженцев",
    "уродженців",
}
REGION_WORDS = {
    "область",
    "области",
    "областью",
    "області",
    "областю",
    "край",
    "края",
    "краю",
    "крае",
    "краем",
    "краї",
    "oblast",
    "region",
    "krai",
    "republic",
    # the last of a list sharing the plural: "Курской, Белгородской и Брянской областей"
    "областей",
    "областях",
    "краев",
    "краях",
    "країв",
    "республика",
    "республики",
    "республике",
    "республіка",
    "республіки",
    "республіці",
    # "из Ненецкого автономного округа", "з Ханти-Мансійського автономного округу" (codebook 1.11)
    "округ",
    "округа",
    "округе",
    "округом",
    "округу",
    "окрузі",
    "okrug",
}
# "South African men", "Nepali nationals": the people's origin
PEOPLE_AFTER = {
    "men",
    "man",
    "women",
    "soldiers",
    "citizens",
    "nationals",
    "recruits",
    "mercenaries",
    "veterans",
    "fighters",
    "troops",
    "workers",
    "students",
    "families",
    "soldier",
    "citizen",
    "national",
    "recruit",
    "mercenary",
    "veteran",
    "fighter",
    "worker",
    "student",
    "volunteer",
    "volunteers",
    "runner",
    "migrants",
    "migrant",
    "conscripts",
    "sailors",
    "prisoners",
    "ex-soldiers",
}
# Words naming a kind of settlement ("у поселка Урожайное"): they introduce a place too.
SETTLEMENT = {
    # codebook 1.20: a garrison town by its name, "в гарнизоне Домна" (team-heldout-78)
    "гарнизоне",
    "гарнизона",
    "гарнізоні",
    "гарнізону",
    # codebook 1.21: plural words for settlements before a list of names ("із селищ Повенець і Піндуші")
    "сёл",
    "сел",
    "сіл",
    "селищ",
    "поселков",
    "посёлков",
    "деревень",
    "хуторов",
    "хуторів",
    "станиц",
    "villages",
    "село",
    "селе",
    "села",
    "селі",
    "селом",
    "поселок",
    "поселке",
    "поселка",
    "посёлка",
    "поселком",
    "селище",
    "селищі",
    "селища",
    "селищем",
    "деревня",
    "деревне",
    "деревни",
    "хутор",
    "хутора",
    "смт",
    "пгт",
    "village",
    "town",
    # codebook 1.19: a stanitsa, a district centre, a settlement (team-heldout-68, -72)
    "станица",
    "станице",
    "станицы",
    "станицу",
    "станиця",
    "станиці",
    "станицю",
    "райцентр",
    "райцентре",
    "райцентрі",
    "райцентра",
    "посёлок",
    "посёлке",
    "посёлком",
    "деревню",
    "хуторе",
    "хуторі",
    "аул",
    "ауле",
    "аула",
    "hamlet",
    "stanitsa",
}
# Words that introduce a place: a small village or a word that is also a name or an adjective
# ("Залужного", "Гусев", "Військові") counts as a place only after one of these.
INTRO = {
    "в",
    "во",
    "под",
    # codebook 1.19: "на острови навпроти Качкарівки" (team-heldout-69)
    "навпроти",
    "напротив",
    "opposite",
    # codebook 1.20: "assaults around Toretsk", "бои вокруг Покровска" (team-heldout-77)
    "around",
    "вокруг",
    "навколо",
    "у",
    "біля",
    "під",
    "підо",
    "поруч",
    "поблизу",
    "около",
    "возле",
    "из",
    "з",
    "із",
    "зі",
    "до",
    "на",
    "города",
    "городом",
    "містом",
    "містечка",
    "город",
    "городе",
    "місто",
    "місті",
    "міста",
    "near",
    "in",
    "at",
    "from",
    "outside",
    "city",
    "of",
    "район",
    "районе",
    "районі",
    "окрестностях",
    "околицях",
    "направлении",
    "напрямку",
    "хуторе",
    "сел",
    "сіл",
    "villages",
    "пунктов",
    "пунктів",
    "сёл",
    # a town held or stormed: "обороняють Сєвєродонецьк", "defending Bakhmut"
    "обороняют",
    "обороняли",
    "обороняють",
    "штурмуют",
    "штурмують",
    "defending",
    "defend",
    "оборонявшие",
    "оборонявших",
    "оборонявшими",
    "обороняв",
    "defended",
    # stormed by the verb: "sent to assault Novoselivka", "штурмовать Работино", "штурмувати Роботине"
    "assault",
    "storm",
    "attack",
    "штурмовать",
    "штурмувати",
    # "полигон Елань", "в центре Москвы", "in central Kyiv"
    "полигон",
    "полигоне",
    "полігон",
    "полігоні",
    "центре",
    "центрі",
    "central",
    "downtown",
    # "из-под Северодонецка", "з-під Бахмута": from near a place
    "из-под",
    "з-під",
    "із-під",
    # a town held or stormed, by the noun: "тримають оборону Авдіївки", "при штурме Угледара"
    "оборону",
    "обороны",
    "обороне",
    "оборони",
    "обороні",
    "штурм",
    "штурма",
    "штурме",
    "штурму",
    "штурмі",
    # motion to a place: "sent to Bakhmut", "moved into Kursk"; reaching or leaving it without a
    # preposition: "дістався Тбілісі", "reached Tbilisi", "покинули Авдеевку"
    "to",
    "into",
    "reached",
    "дістався",
    "дісталася",
    "дісталися",
    "покинул",
    "покинули",
    "покинув",
    "покинула",
} | SETTLEMENT
# Prepositions before which a town named by a common word is read as the town ("под Лиманом", "в Орле");
# not "на Родину", "из «Игры престолов»", "до Победы"
WEAK_KEY_INTRO = {
    "в", "во", "у", "под", "подо", "під", "біля", "около", "возле", "поблизу", "near", "in", "outside",
    # codebook 1.21: a word for a town right before the name ("из брянского города Сельцо", "з міста Сельцо")
    "город", "города", "городе", "городом", "місто", "міста", "місті", "містом",
}  # fmt: skip
# words for a town or a village between "из"/"з" and an adjective and the name: "з брянського міста Сельцо"
TOWN_WORDS = {
    "города", "міста", "села", "посёлка", "поселка", "селища", "деревни", "станицы", "town", "village", "city",
}  # fmt: skip
# "из Радужного", "з Тазовського": a town named by an adjective, read after "from" too (not a noun: "із
# Новгородки" could be any of the towns an old name "Новгородок" gives)
WEAK_ADJECTIVE_FROM = {"из", "изо", "з", "із", "зі"}
# Russian prepositions that take the locative ("в Михайловском", "на Луговском")
LOCATIVE_PREPS = {"в", "во", "на", "о", "об", "при"}
# the words that join two names after one preposition ("из Славянки и Краскино")
COORDINATORS = {"и", "і", "й", "та", "and", "or", "или", "або"}
# Locatives that make a capital the place rather than its government ("appealed to Moscow" is not in it)
LOCATIVE = INTRO - {"to", "into"}
# a capital's possessive is a place after these only ("in Kyiv's Maidan square", not "Moscow's pressure")
IN_WORDS = {"in", "near", "outside"}
# English words after which a capitalised word is often a person: "a letter to Oleg Kozhemyako",
# "addressed to Vladimir Putin", "a video from Vladimir Osechkin"; a name followed by another
# capitalised word there is a person's name, not a place.
BEFORE_PERSON = {"to", "into", "from", "by", "of", "reached"}
# "in the Sudzha district", "the Sievierodonetsk area", "the Bakhmut front": a name before a word for
# an area is a place whatever precedes it; "the Dnipro" with no such word is the river, "the Moskva" a ship.
AREA_AFTER = {
    "community",
    "hromada",
    "area",
    "areas",
    "district",
    "districts",
    "region",
    "raion",
    "rayon",
    "oblast",
    "province",
    "county",
    "municipality",
    "front",
    "direction",
    "axis",
    "sector",
    "frontline",
    "outskirts",
    "suburbs",
    "garrison",
}
# "the cruiser Moskva", "крейсер «Москва»": a ship named after a place
VESSEL_BEFORE = (
    "cruiser",
    "ship",
    "vessel",
    "frigate",
    "submarine",
    "flagship",
    "крейсер",
    "корабл",
    "фрегат",
    "флагман",
)
# "на лівому березі Дніпра", "the left bank of the Dnipro": the river, not the city
RIVER_WORDS = {
    # "в дельті Дніпра", "the Dnipro delta" (team-heldout-9 th9-078)
    "дельта",
    "дельты",
    "дельте",
    "дельті",
    "дельту",
    "delta",
    "берег",
    "берега",
    "берегу",
    "береге",
    "березі",
    "берегом",
    "bank",
    "banks",
    "river",
    "річка",
    "річки",
    "річці",
    "річку",
    "река",
    "реки",
    "реке",
    "реку",
    "рекой",
}
# English adjectives between a preposition and a name: "in occupied Donetsk", "in nearby Pokrovsk"
EN_MODIFIERS = {
    "nearby",
    "neighbouring",
    "neighboring",
    "eastern",
    "western",
    "northern",
    "southern",
    "frontline",
    "front-line",
    "native",
    "small",
    "ruined",
}
# "Read more: Kherson region hit by 70 strikes": a link to another article
LINK_OPENERS = {
    ("read", "more"),
    ("read", "also"),
    ("also", "read"),
    ("related", ""),
    ("see", "also"),
    ("читайте", "также"),
    ("читайте", "також"),
    ("читайте", "тоже"),
    ("читати", "також"),
    ("дивіться", "також"),
}
# A capital named without a locative word is its government ("требуют от Москвы", "Moscow told
# Zambia", "не выдавать Москве"): only "в Москве", "in Moscow", "из Москвы" make it the place.
METONYM_KINDS = ("PPLC", "city")
# GeoNames already carries some 2024 Ukrainian renamings as the main name; reports and the codebook
# use the conventional English name (codebook §4 "names as in GeoNames", gold-format: Sievierodonetsk).
CONVENTIONAL = {
    "Siverskodonetsk": "Sievierodonetsk",
    "Rostov-na-Donu": "Rostov-on-Don",
    "Komsomolsk-on-Amur": "Komsomolsk-on-Amur",
    "Velikiy Novgorod": "Veliky Novgorod",
    "L’govskiy": "Lgov",  # GeoNames names the town Lgov by its district's adjective
}
# Residents and regional adjectives written in lower case ("вологжан", "воронежець", "подмосковном"):
# word stem -> region in regions.tsv, and whether the word names people (role origin) or a place.
DEMONYMS: tuple[tuple[str, str, bool], ...] = (
    ("подмосков", "Moscow Oblast", False),
    ("вологжан", "Vologda Oblast", True),
    ("воронежц", "Voronezh Oblast", True),
    ("воронежец", "Voronezh Oblast", True),
    ("воронежець", "Voronezh Oblast", True),
    ("курян", "Kursk Oblast", True),
    ("белгородц", "Belgorod Oblast", True),
    ("белгородец", "Belgorod Oblast", True),
    ("брянц", "Bryansk Oblast", True),
    ("брянец", "Bryansk Oblast", True),
    ("ростовчан", "Rostov Oblast", True),
    ("свердловчан", "Sverdlovsk Oblast", True),
    ("челябинц", "Chelyabinsk Oblast", True),
    ("челябинец", "Chelyabinsk Oblast", True),
    ("новосибирц", "Novosibirsk Oblast", True),
    ("новосибирец", "Novosibirsk Oblast", True),
    ("омич", "Omsk Oblast", True),
    ("иркутян", "Irkutsk Oblast", True),
    ("красноярц", "Krasnoyarsk Krai", True),
    ("красноярец", "Krasnoyarsk Krai", True),
    ("пермяк", "Perm Krai", True),
    ("оренбуржц", "Orenburg Oblast", True),
    ("оренбуржец", "Orenburg Oblast", True),
    ("саратовц", "Saratov Oblast", True),
    ("самарц", "Samara Oblast", True),
    ("ульяновц", "Ulyanovsk Oblast", True),
    ("тверич", "Tver Oblast", True),
    ("калужан", "Kaluga Oblast", True),
    ("смолян", "Smolensk Oblast", True),
    ("пскович", "Pskov Oblast", True),
    ("тюменц", "Tyumen Oblast", True),
    ("кубанц", "Krasnodar Krai", True),
    ("ставропольц", "Stavropol Krai", True),
    ("приморц", "Primorsky Krai", True),
    ("хабаровчан", "Khabarovsk Krai", True),
    ("тамбовчан", "Tambov Oblast", True),
    ("южноуральц", "Chelyabinsk Oblast", True),  # the Southern Urals: Chelyabinsk Oblast
    ("южноуралец", "Chelyabinsk Oblast", True),
    # the people of a country abroad that recruitment stories tell of ("кубинцев", "бангладешців"): their origin
    ("кубинц", "Cuba", True),
    ("кубинец", "Cuba", True),
    ("кубинець", "Cuba", True),
    ("бангладешц", "Bangladesh", True),
    ("бангладешец", "Bangladesh", True),
    ("бангладешець", "Bangladesh", True),
    ("непальц", "Nepal", True),
    ("непалец", "Nepal", True),
    ("непалець", "Nepal", True),
    ("иракц", "Iraq", True),
    ("иракец", "Iraq", True),
    ("іракц", "Iraq", True),
    ("іракець", "Iraq", True),
    ("кенийц", "Kenya", True),
    ("кениец", "Kenya", True),
    ("кенійц", "Kenya", True),
    ("кенієць", "Kenya", True),
    ("замбийц", "Zambia", True),
    ("замбиец", "Zambia", True),
    ("замбійц", "Zambia", True),
    ("замбієць", "Zambia", True),
    ("колумбийц", "Colombia", True),
    ("колумбиец", "Colombia", True),
    ("колумбійц", "Colombia", True),
    ("колумбієць", "Colombia", True),
)
DEMONYM_INITIALS = frozenset(stem[0] for stem, _, _ in DEMONYMS)
LIST_SEP = re.compile(r"\s*(?:,|и|і|й|та|and|, and|,\s*а также)\s*(?:the\s+)?")
# oblique ending -> nominative endings to try ("Стрелечьей" -> Стрелечья, "Красного" -> Красное/Красне)
# the oblique plural endings of a two-word name's adjective and noun, longest first, with their nominatives
PLURAL_ADJ = (("іми", ("і",)), ("ими", ("і", "ие")), ("ыми", ("ые",)), ("іх", ("і",)), ("их", ("і", "ие")),
              ("ых", ("ые",)), ("ім", ("і",)), ("им", ("і", "ие")), ("ым", ("ые",)))  # fmt: skip
PLURAL_NOUN = (("ами", ("и", "ы", "і")), ("ями", ("и", "і")), ("ів", ("і", "и")), ("ах", ("и", "ы", "і")),
               ("ях", ("и", "і")), ("ам", ("и", "ы", "і")), ("ям", ("и", "і")), ("ов", ("ы", "и")),
               ("ев", ("и",)))  # fmt: skip
CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # the genitive of a town in -ськ/-ск: "в районі Вовчанська", "из Курска" (the nominative adjective
    # "Луганська" is read the same way, and "Луганська область" matches as two words first)
    ("ська", ("ськ",)),
    ("цька", ("цьк",)),
    ("ска", ("ск",)),
    ("цка", ("цк",)),
    # neuter -ище: "Гатища" -> Гатище
    ("ща", ("ще",)),
    # the genitive of a neuter name in -ево/-ово/-ино: "жительница Турунтаева" -> Турунтаево
    ("ева", ("ево",)),
    ("ова", ("ово",)),
    ("ина", ("ино",)),
    ("ого", ("ое", "е", "ий", "ый")),
    # a soft neuter adjective's genitive: "у Дорожнего" -> Дорожнее, Дорожнє (codebook 1.16)
    ("его", ("ее", "є")),
    ("ому", ("ое", "е")),
    ("ом", ("", "о", "е")),
    ("ем", ("", "е")),
    ("ей", ("я", "ья")),
    ("ой", ("а", "ая")),
    ("ою", ("а",)),
    ("ові", ("",)),
    # plural names: "в Крынках" -> Крынки, "у Кринок" -> Кринки, "в Пісках" -> Піски, "под Алешками" -> Алешки
    ("ками", ("ки",)),
    ("ках", ("ки",)),
    ("ах", ("и", "ы")),
    ("ок", ("ки",)),
    ("ек", ("ки", "йки")),  # "из Валуек" -> Валуйки
    ("ы", ("а",)),
    ("и", ("а", "я")),
    ("е", ("", "а", "о")),
    ("у", ("", "а")),
    # the Ukrainian locative alternates к/г/х with ц/з/с: "в тувинському Ак-Довураці" -> Ак-Довурак (codebook 1.15)
    ("ці", ("к", "ка", "ця", "ца")),
    ("зі", ("г", "га", "за", "зя")),
    ("сі", ("х", "ха", "са", "ся")),
    ("і", ("а", "", "я")),
)
PLURAL_CASE = ("ках", "ками", "ах", "ях", "ами", "ями")
EXTRA_KINDS = ("country", "region", "city", "town")  # rows of regions.tsv / world.tsv
RU_TO_UK_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("еевка", ("іївка",)),
    ("овка", ("івка",)),
    ("евка", ("ївка", "івка")),
    ("ово", ("ове",)),
    # "село" names: Ukrainian і in the closed syllable ("Новосёлка" -> Новосілка, "Новосёлки" -> Новосілки)
    ("селка", ("сілка",)),
    ("селки", ("сілки",)),
    # and the і of "-івське", "-ічне": "под Петровское"/"под Петровским" -> Петрівське, "под Заречным" -> Зарічне
    # (codebook 1.15, team-heldout-31)
    ("овское", ("івське",)),
    ("овский", ("івське",)),
    ("овской", ("івське",)),  # codebook 1.21: "под Луговским" (lemma луговской) -> Лугівське (team-heldout-88)
    ("евское", ("ївське", "івське")),
    ("евский", ("ївське", "івське")),
    ("ечное", ("ічне",)),
    ("ечный", ("ічне",)),
    ("ое", ("е",)),
    # the Russian adjective of a Ukrainian name: "Пильной" lemmatises to "пильный", the village is "Пильна"
    ("ый", ("ий",)),
)
FRONT_KM = 150  # a place this near the town a front ("направление") is named after lies on that front
BIG = 100_000  # population above which a name is taken without an introducing word
RANK = {
    "PPLC": 2.0,
    "PPLA": 1.5,
    "PPLA2": 1.0,
    "ADM1": 1.5,
    "country": 2.0,
    "region": 1.5,
    "city": 1.5,
    "town": 1.0,
}
# Capitalised words that are places in GeoNames but far more often something else in this domain.
STOP = {
    # the mountains, not the Luhansk village Karpaty ("В Карпатах нашли бойца", team-heldout-15)
    "карпаты",
    "карпати",
    "carpathians",
    "герой",
    "победа",
    "мир",
    "слава",
    "армия",
    "сила",
    "україна",
    "украина",
    "россия",
    "росія",
    "russia",
    "ukraine",
    "ukrainian",
    "russian",
    "president",
    "march",
    "may",
    "june",
    "july",
    "august",
    "new",
    "telegram",
    "вагнер",
    "wagner",
    "шторм",
    "storm",
    "ахмат",
    "azov",
    "азов",
    "центр",
    "юг",
    "восток",
    "запад",
    "north",
    "south",
    "east",
    "west",
    "генштаб",
    "бригада",
    "zelensky",
    "зеленский",
    "волга",  # the river (a Volia village spells itself "Volha" in GeoNames)
    "volga",
    "moskva",  # English writes Moscow: "Moskva" is the cruiser or the river
}


@dataclass(frozen=True, slots=True)
class GazPlace:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    fcode: str
    population: int


@dataclass(frozen=True, slots=True)
class PlaceHit:
    place: GazPlace
    role: str
    start: int
    end: int
    sentence: int


class Gazetteer:
    """Name key (space-separated lower-case tokens) → candidate places."""

    def __init__(self, places: list[GazPlace], index: dict[str, list[int]], acronyms: set[str] | None = None) -> None:
        self.places = places
        self.index = index
        # keys written in capitals ("ЮАР", "UAE", "ДНР"): they match an upper-case word only ("пар" is steam)
        self.acronyms = acronyms or set()
        self.max_len = max((k.count(" ") + 1 for k in index), default=1)
        self._skeletons: dict[str, list[int]] | None = None  # built on first use (lookup_skeleton)

    @classmethod
    def load(cls, gz: Path | None = None, extra: Path | None = None) -> Gazetteer:
        places: list[GazPlace] = []
        index: dict[str, list[int]] = defaultdict(list)
        back: list[tuple[int, str, str, list[str]]] = []
        # towns abroad (GeoNames' cities15000 outside RU/UA) with the shipped gazetteer only
        files = [gz] if gz is not None else [DATA / "gazetteer.tsv.gz", DATA / "world_cities.tsv.gz"]
        for path in files:
            if not path.exists():
                continue
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("#"):
                        continue
                    f = line.rstrip("\n").split("\t")
                    if len(f) < 9:
                        continue
                    i = len(places)
                    shown = _display_name(f[1], f[4])
                    places.append(
                        GazPlace(
                            int(f[0]) if f[0] else None,
                            shown,
                            float(f[2]),
                            float(f[3]),
                            f[4],
                            f[5],
                            f[6],
                            int(f[7] or 0),
                        )
                    )
                    keys = f[8].split("|")
                    # "Hulyaipole" for Huliaipole, "Shumerlia" for Shumerlya: English spellings of "ia"/"ya"
                    if f[4] in ("UA", "RU"):
                        keys += [v for k in keys if k.isascii() for v in _ya_ia(k) if v not in keys]
                    if f[4] == "RU":  # ё written "yo" in English: "Pugachyov" is Pugachev
                        keys += [k[:-2] + "yov" for k in keys if k.isascii() and k.endswith(("chev", "shev", "zhev"))]
                    if f[4] == "RU":  # "з Рильська", "біля Гуніба": Ukrainian spellings of Russian names
                        keys += [k for k in _uk_spellings(keys, int(f[7] or 0) > 0) if k not in keys]
                        # the usual English spelling shown for the place is a name too: "Volzhsky" (Volzhskiy)
                        keys.append(shown.lower())
                    for key in dict.fromkeys(keys):
                        index[key].append(i)
                    if f[4] in ("RU", "UA") and int(f[7] or 0) >= CYRILLIC_FROM_LATIN_MIN:
                        back.append((i, f[4], shown.lower(), keys))
        # a town whose Cyrillic name GeoNames lacks ("Кропоткин", uk "Ромни"): its English name read back
        for i, cc, name, keys in back:
            read = _cyrillic_from_latin(name, cc)
            if read and read not in keys and read in index:
                # a key only smaller places hold (uk "Ромни" is also the Ukrainian spelling of a village in the
                # Amur oblast): the town joins them, and its size decides between them
                if all(places[j].population < places[i].population for j in index[read]):
                    index[read].append(i)
                continue
            # not an adjective's shape: "на Красноармейской" is a street before it is the stanitsa Krasnoarmeyskaya
            if not read or read in keys:
                continue
            if not read.endswith(_ADJECTIVE_ENDINGS) and not _common_word(read):
                index[read] = [i]
            elif "~" + read not in index:
                # an adjective's shape or a common word ("Полевской", Polevskoy): a name only after "в", "под" (the
                # "~" keys; codebook 1.17, team-heldout-59)
                index["~" + read] = [i]
        # the text's tokens write ё as е: "в Семёнове" is read "семенове" (codebook 1.20, team-heldout-79)
        for key in [k for k in index if "ё" in k]:
            index.setdefault(key.replace("ё", "е"), index[key])
        acronyms: set[str] = set()
        for path in [extra] if extra is not None else [DATA / "regions.tsv", DATA / "world.tsv"]:
            if path.exists():
                _load_extra(path, places, index, acronyms)
        return cls(places, dict(index), acronyms)

    def lookup(self, key: str) -> list[GazPlace]:
        return [self.places[i] for i in self.index.get(key, ())]

    def lookup_skeleton(self, key: str, country: str) -> list[GazPlace]:
        """Places of ``country`` whose Cyrillic name has the key's ``_skeleton``: "з Лесосибірська" finds
        Лесосибирск, "біля Єнісейська" Енисейск (a Russian town's Ukrainian spelling the gazetteer lacks)."""
        if self._skeletons is None:
            index: dict[str, list[int]] = defaultdict(list)
            for k, idx in self.index.items():
                if k[:1].isalpha() and _cyrillic(k):
                    for i in idx:
                        if i not in index[_skeleton(k)]:
                            index[_skeleton(k)].append(i)
            self._skeletons = dict(index)
        return [self.places[i] for i in self._skeletons.get(_skeleton(key), ()) if self.places[i].country == country]


_ADJECTIVE_ENDINGS = ("ая", "ий", "ый", "ое", "ой", "ське", "ська")
CYRILLIC_FROM_LATIN_MIN = 20_000  # towns this size whose Cyrillic name is read back from the English one
# BGN/PCGN (Russia) and the national system (Ukraine) read backwards, longest letter groups first; "y" after a vowel
# and a final "yi"/"iy" are "й"/"ий"; the soft sign, which neither writes, is left out ("Kinel" -> кинел: no match)
_BACK_RU = [("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
            ("ye", "е"),
            ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
            ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
            ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("y", "ы")]  # fmt: skip
_BACK_UK = [("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("iu", "ю"), ("ia", "я"),
            ("ie", "є"), ("yi", "ї"), ("a", "а"), ("b", "б"), ("v", "в"), ("h", "г"), ("g", "ґ"), ("d", "д"),
            ("e", "е"), ("z", "з"), ("i", "і"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
            ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("y", "и")]  # fmt: skip


def _common_word(word: str) -> bool:
    """A word the Russian dictionary knows, and not as a place, surname or name: "игра" is a game before it is the
    town Igra."""
    from sitrep.enrich.lemmas import _morph

    morph = _morph("ru")
    if " " in word or "-" in word or not morph.word_is_known(word):
        return False
    return not any(t in str(p.tag) for p in morph.parse(word) for t in ("Geox", "Surn", "Name", "Patr"))


def _cyrillic_from_latin(name: str, country: str) -> str | None:
    """The Cyrillic spelling of a town's English name (lower case), or None for a name with other letters."""
    if not re.fullmatch(r"[a-z]+(?:[ -][a-z]+)*", name):
        return None
    table = _BACK_RU if country == "RU" else _BACK_UK
    out: list[str] = []
    i = 0
    while i < len(name):
        ch = name[i]
        if ch in " -":
            out.append(ch)
            i += 1
            continue
        after_vowel = bool(out) and out[-1] in "аеёиоуыэюяіїє"
        if ch == "y" and after_vowel and not name.startswith(("a", "e", "o", "u", "i"), i + 1):
            out.append("й")  # "Kropyvnytskyi" ends "-ий" below; "Mayskiy": й
            i += 1
            continue
        if country == "UA" and ch == "i" and after_vowel and not name.startswith(("a", "e", "u"), i + 1):
            out.append("й")  # "Huliaipole" -> гуляйполе
            i += 1
            continue
        for lat, cyr in table:
            if name.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            return None
    word = re.sub(r"(?:ыи|ий|иї|иі|ыы)(?=$|[ -])", "ий", "".join(out))
    if country == "RU":  # "Svobodny" -> Свободный, "Leninsk-Kuznetsky" -> Ленинск-Кузнецкий
        word = re.sub(r"(?<=[кгх])ы(?=$|[ -])", "ий", word)
        word = re.sub(r"ы(?=$|[ -])", "ый", word)
    return word


_IA = re.compile(r"(?<=[bcdfghklmnprstvz])i(?=[aeu])")
_YA = re.compile(r"(?<=[bcdfghklmnprstvz])y(?=[aeu])")


def _ya_ia(key: str) -> tuple[str, ...]:
    """A Ukrainian name's other usual English spelling of я, ю, є after a consonant: the national system writes
    "ia", "iu", "ie" (Huliaipole, Kostiantynivka), the press often "ya", "yu", "ye" (Hulyaipole, Kostyantynivka)."""
    if "i" not in key and "y" not in key:
        return ()
    return tuple(v for v in (_IA.sub("y", key), _YA.sub("i", key)) if v != key)


def _load_extra(path: Path, places: list[GazPlace], index: dict[str, list[int]], acronyms: set[str]) -> None:
    """Rows of regions.tsv / world.tsv: name, lat, lon, country, kind, variants[, population]."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        if len(f) < 6:
            continue
        i = len(places)
        population = int(f[6]) if len(f) > 6 and f[6].strip().isdigit() else 1_000_000
        places.append(
            GazPlace(None, f[0], float(f[1]), float(f[2]), f[3], f[0] if f[4] == "region" else "", f[4], population)
        )
        extra = []
        if f[4] == "region":
            extra = _regional_nouns(f[5])
            if f[3] == "RU" and " " not in f[0] and "-" not in f[0]:
                extra += [f"{f[0]} Republic", f"Republic of {f[0]}"]  # "Tuva Republic", "the Republic of Tuva"
        for variant in f[5].split("|") + extra:
            if not variant:
                continue
            toks = variant.lower().replace("ё", "е").replace("’", "'").replace("-", " - ").split()
            toks = [t for t in toks if t != "-"]
            whole = variant.lower().replace("ё", "е").replace("’", "'")
            if variant.isupper():
                acronyms.add(whole)
                index[whole].append(i)
                continue
            for key in {
                *_oblique_forms(whole),  # "з Туви": a name the dictionaries do not decline
                whole,  # "Кабардино-Балкария" is one token to the tokenizer
                _name_lemma(whole, "ru"),
                _name_lemma(whole, "uk"),
                " ".join(toks),
                " ".join(_name_lemma(t, "ru") for t in toks),
                " ".join(_name_lemma(t, "uk") for t in toks),
                # the oblique "в Тверской области" lemmatises to the masculine adjective
                " ".join(_masculine(t) for t in toks),
                " ".join(_masculine(t, "ой") for t in toks),
            }:
                if i not in index[key]:
                    index[key].append(i)


OBLIQUE = {"а": ("ы", "и", "е", "і", "у", "ой", "ою"), "я": ("и", "ї", "е", "і", "ю", "ей", "ею", "єю")}
# the Ukrainian dative/locative's consonant change: "Юрга" -> у Юрзі, "Рига" -> у Ризі, "Лука" -> у Луці
UK_LOCATIVE = {"га": "зі", "ка": "ці", "ха": "сі"}
# read back from a word in the text where the ending is not also a plural's ("Чернівці" is no "Чернівка")
UK_LOCATIVE_BACK = {loc: nom for nom, loc in UK_LOCATIVE.items() if loc != "ці"}


# A Russian name as Ukrainian writes it: ы -> и, и -> і, э -> е, ё -> ьо/йо, ъ -> ', the soft -ськ/-цьк of towns
# and adjectives (Рыльск -> Рильськ, Гуниб -> Гуніб, Кинешма -> Кінешма, Волжский -> Волзький needs more and is left)
_UK_SPELLING = str.maketrans({"ы": "и", "и": "і", "э": "е", "ъ": "'"})
_UK_SOFT_ENDINGS = (
    ("ский", "ський"),
    ("цкий", "цький"),
    ("ское", "ське"),
    ("цкое", "цьке"),
    ("ск", "ськ"),
    ("цк", "цьк"),
    ("ый", "ий"),
    ("ий", "ий"),
    ("ое", "е"),
)


# what Russian and Ukrainian spellings of one name share: "лесосибирск" / "лесосибірськ", "енисейск" / "єнісейськ"
_SKELETON = str.maketrans({"і": "и", "ї": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г", "ь": None, "ъ": None,
                           "'": None, "’": None})  # fmt: skip


def _skeleton(key: str) -> str:
    return key.translate(_SKELETON)


# one Russian word in lower case (a hyphen allowed): what `_uk_spelling` and `_uk_spellings` respell
_RU_WORD = re.compile(r"[а-яё-]+")


def _uk_spelling(key: str) -> str | None:
    """The Ukrainian spelling of a Russian one-word Cyrillic key, or None (Latin, several words, unchanged)."""
    if not _RU_WORD.fullmatch(key):
        return None
    word = key
    for ru_end, uk_end in _UK_SOFT_ENDINGS:
        if word.endswith(ru_end) and len(word) > len(ru_end) + 2:
            head = word[: -len(ru_end)].translate(_UK_SPELLING)
            word = head + uk_end
            break
    else:
        word = word.translate(_UK_SPELLING)
    word = re.sub(r"(?<=[аеоуяюєї])і", "ї", word)  # Новотроицкое -> Новотроїцьке
    word = re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])ё", "ьо", word).replace("ё", "йо")
    return word if word != key else None


# the endings Ukrainian gives a Russian village's name besides the letter-for-letter spelling: "Вейделевка" ->
# Вейделівка, "Солнцево" -> Солнцеве (codebook 1.17, team-heldout-54)
_UK_EXTRA_ENDINGS = (("евка", "івка"), ("овка", "івка"), ("ево", "еве"), ("ово", "ове"))


def _uk_spellings(keys: Sequence[str], town: bool) -> list[str]:
    """The Ukrainian spellings of a Russian place's Cyrillic keys; a key marked "=" (a name that is also a common
    word or a surname: "=чаплыгин", "=горшечное") keeps its mark ("з Чаплигіна" still needs a settlement word or
    its oblast). The "-івка" of a "-овка" only for a town GeoNames counts people in: a hamlet of the postal rows
    would take "біля Ольхівки" from the front (team-heldout-42)."""
    out: list[str] = []
    for key in keys:
        mark = key[:1] if key[:1] in "=~" else ""
        word = key[len(mark) :]
        uk = _uk_spelling(word)
        forms = [uk] if uk else []
        for ru_end, uk_end in _UK_EXTRA_ENDINGS:
            if uk_end == "івка" and not town:
                continue
            if word.endswith(ru_end) and len(word) > len(ru_end) + 2 and _RU_WORD.fullmatch(word):
                forms.append((uk or word)[: -len(ru_end)] + uk_end)
                break
        if word.endswith("ье") and len(word) > 5 and _RU_WORD.fullmatch(word) and word[-3] not in "аеёиоуыэюя":
            # a neuter name in -ье: Ukrainian writes an apostrophe after a labial or р, else doubles the consonant
            # ("Поддорье" -> Поддор'я, "Подпорожье" -> Подпорожжя; codebook 1.21, team-heldout-87)
            head = (uk or word)[:-2]
            forms.append(head + ("'я" if word[-3] in "бпвмфр" else head[-1] + "я"))
        out += [mark + f for f in forms if mark + f not in out]
    return out


def _oblique_forms(word: str) -> tuple[str, ...]:
    """The case forms of a one-word feminine name in -а/-я ("Тува" -> Туви, Туве, Туву, Тувой; "Чечня" ->
    Чечни, Чечні): the dictionaries' guess for an unknown oblique name is often another word ("туви" -> "тув")."""
    if len(word) < 4 or not _cyrillic(word) or not word.isalpha() or word[-1] not in OBLIQUE:
        return ()
    forms = tuple(word[:-1] + end for end in OBLIQUE[word[-1]])
    alternate = UK_LOCATIVE.get(word[-2:])
    return forms + (word[:-2] + alternate,) if alternate else forms


def _name_lemma(word: str, lang: str) -> str:
    """The lemma of a word of a place's name, or the word itself where the dictionary reads it as a verb
    ("Мали" is Mali, not a form of the Ukrainian "мати", to have or a mother)."""
    if not _cyrillic(word):
        return word
    from sitrep.enrich.lemmas import _morph

    parse = _morph(lang).parse(word)
    if parse and parse[0].tag.POS in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
        return word
    return lemma(word, lang)


REGION_ADJ = re.compile(r"^(\w+?)(?:ская|ська) область$")


def _regional_nouns(variants: str) -> list[str]:
    """The "-щина/-чина" nouns of an oblast from its adjective: "Ростовская область" -> Ростовщина,
    "Белгородская" -> Белгородщина/Белгородчина, "Курская" -> Курщина (the Ukrainian ones are listed)."""
    out: list[str] = []
    for variant in variants.split("|"):
        m = REGION_ADJ.match(variant)
        if m:
            out += [m.group(1) + "щина", m.group(1) + "чина"]
    return out


def _display_name(name: str, country: str) -> str:
    """GeoNames' name in the usual English spelling: "Groznyy" -> "Grozny", "Nal’chik" -> "Nalchik"."""
    name = CONVENTIONAL.get(name, name)
    if country != "RU":
        return name
    name = name.replace("’", "").replace("ë", "yo")
    # the postal rows' "Kastornoe", "Soglasie": GeoNames writes a final -ое/-ее/-ие "-oye", "-ye" (codebook 1.17)
    name = POSTAL_ENDINGS.sub("ye", name)
    return RU_ENDINGS.sub(lambda m: {"yy": "y", "iy": "y", "yye": "ye"}[m.group(1)], name)


POSTAL_ENDINGS = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz][oei])e\b")


RU_ENDINGS = re.compile(r"(?<=[a-z])(yye|yy|iy)\b")


def _masculine(tok: str, ending: str = "ий") -> str:
    """ "тверская" -> "тверский"/"тверской", "тверська" -> "тверський": what pymorphy gives oblique forms."""
    for fem, stem in (("ская", "ск"), ("цкая", "цк"), ("ська", "ськ"), ("цька", "цьк")):
        if tok.endswith(fem):
            return tok[: -len(fem)] + stem + ending
    return tok


@lru_cache(maxsize=2)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _dist_km(a: GazPlace, b: GazPlace) -> float:
    dlat = math.radians(a.lat - b.lat)
    dlon = math.radians(a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


_UK_CONSONANTS = "бвгджзклмнпрстфхцчшщ"


def _keys(toks: Sequence[Token], i: int, n: int, lang: str) -> list[str]:
    words = [t.word for t in toks[i : i + n]]
    lems = [t.lemma for t in toks[i : i + n]]
    if words[-1].endswith("'s"):  # "Kenya's foreign ministry", "St Petersburg's legislature"
        words[-1] = lems[-1] = words[-1][:-2]
    keys = [" ".join(words), " ".join(lems)]
    if n == 2 and lang in ("ru", "uk") and all(_cyrillic(w) for w in words):
        # each word's other readings: "у Кривому Розі" -> кривий ріг (the first lemmas are "криве роза")
        firsts = (lems[0], *_other_lemmas(words[0], lang)[:3])
        seconds = (lems[1], *_other_lemmas(words[1], lang)[:3])
        keys += [f"{a} {b}" for a in firsts for b in seconds]
    if n == 2 and lang in ("ru", "uk") and all(_cyrillic(w) for w in words):
        # a plural two-word name in an oblique case: "біля міськради Горішніх Плавнів" -> горішні плавні,
        # "в Великих Луках" -> великие луки
        adj = [words[0][: -len(e)] + nom for e, noms in PLURAL_ADJ if words[0].endswith(e) for nom in noms][:4]
        noun = [words[1][: -len(e)] + nom for e, noms in PLURAL_NOUN if words[1].endswith(e) for nom in noms][:4]
        keys += [f"{a} {b}" for a in adj for b in noun]
    if n == 1 and "-" in words[0].strip("-") and lang in ("ru", "uk"):
        # a hyphenated name declines its first part (and an adjective after it): "из Петровска-Забайкальского" ->
        # петровск-забайкальский, "з Каменя-на-Обі" -> камень-на-обі
        head, _, tail = words[0].partition("-")
        heads = [head, lemma(head, lang)]
        if lang == "uk" and head.endswith("ів") and len(head) > 4:
            heads.append(head[:-2] + "ов")  # "з Гаврилів-Яму" -> Гаврилов-Ям (codebook 1.20)
        for end, nominatives in CASE_ENDINGS + (("я", ("ь",)), ("у", ("",)), ("і", ("",)), ("а", ("",))):
            if head.endswith(end) and len(head) > len(end) + 2:
                heads += [head[: -len(end)] + nom for nom in nominatives]
                break
        tails = [tail, "-".join(lemma(t, lang) for t in tail.split("-"))]
        if len(tail) > 3 and tail[-1] in "уіа" and "-" not in tail:
            tails.append(tail[:-1])  # a declined monosyllabic tail: "Гаврилів-Яму" -> -Ям
        # a neuter adjective tail in an oblique case: "мешканця Посад-Покровського" -> посад-покровське (codebook 1.19)
        for adj_end, neuter in (("ського", "ське"), ("ському", "ське"), ("ского", "ское"), ("скому", "ское")):
            if tail.endswith(adj_end):
                tails.append(tail[: -len(adj_end)] + neuter)
        keys += [f"{h}-{t}" for h in dict.fromkeys(heads) for t in dict.fromkeys(tails)]
    if n == 1 and len(words[0]) > 5:  # case endings the dictionaries miss on names ("Артемовском")
        for end, nominatives in CASE_ENDINGS:
            if words[0].endswith(end):
                base = words[0][: -len(end)]
                keys += [base + nom for nom in nominatives]
                break
    if n == 1 and lang != "uk":
        # the Russian form of a Ukrainian village: "Павловка" -> Павлівка, "Андреевка" -> Андріївка
        for form in dict.fromkeys((lems[0], words[0])):  # "Урожайное" lemmatises to the adjective
            for ru_end, uk_ends in RU_TO_UK_ENDINGS:
                if form.endswith(ru_end) and len(form) > len(ru_end) + 2:
                    keys += [form[: -len(ru_end)] + e for e in uk_ends]
                    break
    if n == 1 and lang == "uk" and lems[0].endswith("ий") and words[0].endswith(("им", "ому")) and len(lems[0]) > 4:
        # a neuter village named by an adjective, in the instrumental or locative the dictionary reads as masculine:
        # "під Вільним" -> Вільне, "у Світлому" -> Світле (team-heldout-26)
        keys.append(lems[0][:-2] + "е")
    if (
        n == 1
        and lang != "uk"
        and lems[0].endswith(("ый", "ий", "ой"))
        and (len(lems[0]) > 6 or words[0].endswith(("ым", "им", "ом")))
    ):
        # the Russian adjective of a Ukrainian neuter village name in Ukrainian spelling (_uk_spelling): "под
        # Новоэкономичным" -> Новоекономічне, "под Новотроицким" -> Новотроїцьке (not the town Novotroitsk); a short
        # one in the instrumental only: "под Ясным" -> Ясне (codebook 1.14)
        uk = _uk_spelling(lems[0][:-2] + "ое")
        if uk:
            keys.append(uk)
        if lems[0].endswith(("ский", "цкий")) and len(lems[0]) > 7:
            # the Ukrainian и kept where Russian writes и too: "из Булавинского" -> Булавинське, not Булавінське
            # (codebook 1.21, team-heldout-83)
            keys.append(lems[0][:-3] + "ьке")
    if n > 1 and lang != "uk":
        # the last word of a Russian form of a Ukrainian name: "под Великой Новосёлкой" -> велика новосілка
        for ru_end, uk_ends in RU_TO_UK_ENDINGS:
            if lems[-1].endswith(ru_end) and len(lems[-1]) > len(ru_end) + 2:
                keys += [" ".join([*lems[:-1], lems[-1][: -len(ru_end)] + e]) for e in uk_ends]
                break
    if n == 1 and lang == "uk" and len(words[0]) >= 4 and words[0][-2:] in UK_LOCATIVE_BACK:
        # the locative's consonant change the dictionary misses on names: "у Юрзі" -> Юрга, "у Калузі" -> Калуга
        keys.append(words[0][:-2] + UK_LOCATIVE_BACK[words[0][-2:]])
    if n == 1 and lang == "uk" and len(words[0]) >= 3 and words[0][-1] == "і" and words[0][-2] in _UK_CONSONANTS:
        # a masculine town's locative that keeps its stem: "в Оші" -> Ош, "у Ржеві" -> Ржев (team-heldout-26)
        keys.append(words[0][:-1])
    if n == 1 and lang == "uk" and len(words[0]) > 5 and words[0].endswith("ева"):
        # the genitive of a town in -ів with the soft stem: "з Борщева" -> Борщів (codebook 1.16, team-heldout-45)
        keys.append(words[0][:-3] + "ів")
    if n == 1 and lang == "uk" and len(words[0]) > 5 and words[0].endswith(("ова", "ева", "іна", "ина")):
        # the genitive of a Russian town in -ов/-ев/-ін the dictionary reads as a surname or a neuter village: "із
        # Данилова" -> Данилов, "з Чаплигіна" -> Чаплигін (codebook 1.17, team-heldout-54, -55)
        keys.append(words[0][:-1])
    if n == 1 and lang == "uk" and len(words[0]) > 5 and words[0].endswith("ів"):
        # the genitive of a plural town name: "поблизу Тетюшів" -> Тетюші (codebook 1.17, team-heldout-52)
        keys.append(words[0][:-2] + "і")
    if n == 1 and lang == "uk" and len(words[0]) > 5 and words[0].endswith(("еві", "ові")):
        # the locative of a neuter village in -еве/-ове: "в Солнцеві" -> Солнцеве (codebook 1.17)
        keys.append(words[0][:-1] + "е")
    if n == 1 and lang == "uk" and len(words[0]) > 6 and words[0].endswith(("ові", "еві", "ову", "евом", "овом")):
        # the oblique cases of a Ukrainian town in -ів: "в Троянові" -> Троянів, "під Копиловом" -> Копилів
        # (codebook 1.20, team-heldout-76)
        keys.append(words[0][: -(4 if words[0].endswith("ом") else 3)] + "ів")
    if n == 1 and lang == "uk" and len(words[0]) > 6 and words[0].endswith("ові"):
        # the masculine locative of a Russian town the dictionary misses: "у Порхові" -> Порхов (team-heldout-22)
        keys.append(words[0][:-1])
    if n == 1 and lang == "uk" and words[0].startswith("е"):
        # Ukrainian writes a Russian town's initial э as е: "в Енгельсі" is Энгельс, "Еліста" Элиста
        keys += ["э" + k[1:] for k in keys if k.startswith("е")]
    other = "uk" if lang == "ru" else "ru"
    # the other language's lemma for words this one does not know ("Авдіївці" in a Russian post);
    # a known word keeps its own reading ("Могили" is a grave in Ukrainian, not Mogilev)
    if any("\u0400" <= ch <= "\u04ff" for ch in words[0]) and not all(_known(w, lang) for w in words):
        keys.append(" ".join(lemma(w, other) for w in words))
    return keys


def _candidates(
    gaz: Gazetteer, keys: Sequence[str], upper: bool, abroad: NamedCountries | None = None
) -> list[GazPlace]:
    """Places under any of the keys; a key written in capitals ("ЮАР") needs an upper-case word. A town
    abroad that shares its name with one at home (keys marked "^") is read only in a sentence that names its
    country or its people (``abroad``), and then over the home namesakes: "тринадцати египтян из
    Александрии" is Alexandria in Egypt, a bare "в Александрии" stays Oleksandriia in the Kirovohrad oblast."""
    cands: list[GazPlace] = []
    for key in keys:
        if key in gaz.acronyms and not upper:
            continue
        cands += [c for c in gaz.lookup(key) if c not in cands]
    if abroad is not None and any(c.country in HOME_COUNTRIES for c in cands):
        # a home town over a city abroad whose other-language names include the home town's case form ("в Кадоме"
        # is Kadom in the Ryazan oblast, not Kadoma in Japan), unless the sentence names that country (codebook 1.19)
        cands = [
            c
            for c in cands
            if c.country in HOME_COUNTRIES
            or c.fcode in ("country", "ADM1", "region", *EXTRA_KINDS)
            or c.country in abroad
        ]
    if abroad is not None:
        foreign = [c for key in keys for c in gaz.lookup("^" + key)]
        foreign = [c for c in dict.fromkeys(foreign) if c.country in abroad]
        if foreign:
            cands = [c for c in cands if c.country not in HOME_COUNTRIES or c.fcode in ("ADM1", *EXTRA_KINDS)]
            cands += [c for c in foreign if c not in cands]
    return cands


HOME_COUNTRIES = ("RU", "UA")
# a town this big is read under its weak ("~") key over villages of the same plain name (the gazetteer's
# WEAK_MIN_POPULATION)
WEAK_TOWN = 5_000
# what follows a country's stem in a word for its people or its adjective: "египтян", "єгиптяни",
# "египетский", "Egyptians", "Italian", "Chinese" (the name in a case form is read by its lemma)
PEOPLE_OR_ADJECTIVE = re.compile(r"\w{0,3}(?:ян|ан|ин|ец|ц|ск|ськ|ian|ean|an|ese|i)\w{0,6}")


class NamedCountries:
    """The countries abroad a sentence names by name, adjective or people ("Египет", "з Єгипту", "египтян",
    "Egyptian men"), found on first use: only a sentence with a town abroad that has a home namesake asks."""

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        self.found: set[str] | None = None

    def __contains__(self, country: object) -> bool:
        if self.found is None:
            self.found = _countries_named(self.text, self.gaz)
        return country in self.found


def _countries_named(text: str, gaz: Gazetteer) -> set[str]:
    low = text.lower().replace("ё", "е")
    words = set(re.findall(r"\w+", low))
    found: set[str] = set()
    for word in words:
        for key in {word, lemma(word, "ru"), lemma(word, "uk")}:
            found |= {c.country for c in gaz.lookup(key) if c.fcode == "country"}
        home = _residents(word, gaz)  # "кенийцев", "камерунців"
        if home is not None and home.fcode == "country":
            found.add(home.country)
    for country, variants in _country_names(gaz):
        if country in found:
            continue
        for v in variants:
            if " " in v:
                hit = re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", low) is not None
            else:
                stem = v[: max(4, len(v) - 2)]
                hit = any(w.startswith(stem) and PEOPLE_OR_ADJECTIVE.fullmatch(w[len(stem) :]) for w in words)
            if hit:
                found.add(country)
                break
    return found


@lru_cache(maxsize=4)
def _country_names(gaz: Gazetteer) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(country code, lower-case names of 5+ letters) of every country abroad the gazetteer lists."""
    out: dict[str, set[str]] = {}
    for c in gaz.places:
        if c.fcode == "country" and c.country not in HOME_COUNTRIES:
            out.setdefault(c.country, set())
    for key, ids in gaz.index.items():
        if len(key) < 5 or not key.replace(" ", "").isalpha():
            continue
        for i in ids:
            if gaz.places[i].fcode == "country" and gaz.places[i].country in out:
                out[gaz.places[i].country].add(key)
    return tuple((cc, tuple(sorted(v))) for cc, v in sorted(out.items()))


# Cyrillic -> the Latin spellings GeoNames' alternate names use (BGN/PCGN-like, and Ukrainian KMU 2010)
_BGN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "'": "",
    }
)  # fmt: skip
_KMU = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "y", "й": "i",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "'": "",
    }
)  # fmt: skip


def _like(name: str, latin: Sequence[str]) -> bool:
    """The place's own name spelled about as the word is ("Robotyne" ~ "rabotino")."""
    from difflib import SequenceMatcher

    low = name.lower()
    return any(SequenceMatcher(None, low, key).ratio() >= 0.7 for key in latin)


@lru_cache(maxsize=50_000)
def _latin_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Latin forms of Cyrillic keys, to find places whose GeoNames entry has no Cyrillic name."""
    out: dict[str, None] = {}
    for key in keys:
        if len(key) >= 5 and " " not in key and any("\u0400" <= ch <= "\u04ff" for ch in key):
            out[key.translate(_BGN)] = None
            out[key.translate(_KMU)] = None
    return tuple(out)


@lru_cache(maxsize=50_000)
def _unknown_or_place(word: str, lang: str, plural: tuple[str, ...] = ()) -> bool:
    """A word the dictionary does not know, or knows as a place name (ru marks them Geox), or a
    capitalised plural after a locative word ("в Крынках": the village Krynky, not jugs)."""
    from sitrep.enrich.lemmas import _morph

    if not _known(word, lang) or word.endswith(plural):
        return True
    return any("Geox" in str(p.tag) for p in _morph(lang).parse(word)[:4])


@lru_cache(maxsize=50_000)
def _known(word: str, lang: str) -> bool:
    from sitrep.enrich.lemmas import _morph

    return lang in ("ru", "uk") and bool(_morph(lang).word_is_known(word))


def find_places(
    text: str, sentences: Sequence[Sentence], gaz: Gazetteer, lang: str, anchors: Sequence[Sentence] = ()
) -> list[PlaceHit]:
    """Places named in the given sentences, each resolved to one gazetteer entry; given the sentences that
    tell an event (``anchors``), a numbered digest ("1) ... 2) ...", "1️⃣ ... 2️⃣ ...") gives only the places
    of the items that tell one."""
    sentences = _event_items(text, sentences, anchors)
    mentions: list[tuple[list[GazPlace], str, int, int, int]] = []
    weak: set[int] = set()  # indexes of mentions that are background when another event place is named
    treated: set[int] = set()  # a hospital's town: background when any other place is named
    peoples: set[str] = set()  # countries named by their people ("Cubans", "кенийский бегун"): their origin
    datelines: set[int] = set()
    directions: set[int] = set()  # "на Запорізькому напрямку": a front named by its town's adjective
    last_end = -10
    for sent in sentences:
        toks = sent.tokens
        if toks and (toks[0].word in RECALL_OPENERS or _footer(toks) or _link(text, toks)):
            continue
        i = 0
        # the sentence's own countries: a report on Egyptian recruits may also name the United States, and
        # "from Alexandria" in a sentence of its own is not Alexandria, Virginia
        abroad = NamedCountries(sent.text, gaz)
        dateline = _dateline(text, toks, gaz)
        if dateline is not None:
            # "KYIV — Hundreds of relatives rallied...": where the reporter files; the place of the event
            # only when the report names no other (not "KYIV — soldiers ... near Pokrovsk")
            n_dl, cands_dl = dateline
            weak.add(len(mentions))
            datelines.add(len(mentions))
            mentions.append((cands_dl, "event", toks[0].start, toks[n_dl - 1].end, sent.index))
            i = n_dl
        while i < len(toks):
            if toks[i].start > 0 and text[toks[i].start - 1] == "#":
                i += 1  # "#Челябинск #мобилизация": a channel's topic tag, no place of the event
                continue
            found = False
            based = _based(toks, i, gaz)
            if based:
                # "Russia's Pskov-based 76th division": the unit's home, coded as its origin
                mentions.append((based, "origin", toks[i].start, toks[i].end, sent.index))
                last_end = toks[i].end
                i += 1
                continue
            shared = _shared_region(toks, i, gaz)
            if shared is not None:
                # "из Курской, Белгородской и Брянской областей": each adjective names its oblast
                prev = toks[i - 1].word if i > 0 else ""
                after_list = bool(LIST_SEP.fullmatch(text[last_end : toks[i].start])) if last_end >= 0 else False
                role = "origin" if prev in ORIGIN_BEFORE or (after_list and mentions[-1][1] == "origin") else "event"
                mentions.append(([shared], role, toks[i].start, toks[i].end, sent.index))
                last_end = toks[i].end
                i += 1
                continue
            nxt_word = toks[i + 1].word if i + 1 < len(toks) else ""
            centre = _district_seat(text, toks, i, nxt_word, gaz)
            if centre:
                # "жёны мобилизованных из Рогнединского района": the district's centre, Rognedino (codebook 1.20)
                prev = toks[i - 1].word if i > 0 else ""
                # not a district that only locates the village before it ("из Балгазына Тандинского района",
                # "из Харагуна ... сёл Хилокского района": team-heldout-78 leaves the centre out; -76's th76-037 has it)
                if not (mentions and 0 <= toks[i].start - mentions[-1][3] <= 2):
                    role = "origin" if prev in ORIGIN_BEFORE else "event"
                    mentions.append((centre, role, toks[i].start, toks[i].end, sent.index))
                    last_end = toks[i].end
                i += 1
                continue
            seat = _institution_seat(toks, i, nxt_word, gaz)
            if seat is not None:
                mentions.append(([seat], "event", toks[i].start, toks[i].end, sent.index))
                last_end = toks[i].end
                i += 1
                continue
            direction = nxt_word.startswith(DIRECTION) and _adj_lemma(toks[i]).endswith(ADJ_SUFFIXES)
            if text[toks[i].start].isupper() and len(toks[i].word) >= 3 and not direction:
                for n in range(min(gaz.max_len, len(toks) - i), 0, -1):
                    if n == 1 and (toks[i].word in STOP or toks[i].lemma in STOP or _bare(toks[i].word) in STOP):
                        continue  # "South" alone is a direction; "South Africa", "New York" are places
                    if n > 1 and not all(
                        text[t.start].isupper() or t.word in ("на", "on", "-") for t in toks[i : i + n]
                    ):
                        # multi-word names: "Великая Новоселка", "Rostov-on-Don", "Ulan-Ude"
                        if not any(_bare(t.word) in REGION_WORDS for t in toks[i : i + n]):
                            continue
                    # "сёл Борисовка, Гатище и Красное": list items share the first one's introduction
                    listed = bool(LIST_SEP.fullmatch(text[last_end : toks[i].start])) if last_end >= 0 else False
                    upper = text[toks[i].start : toks[i + n - 1].end].isupper()
                    # union: "Артемовском" → артемовск and артемовский
                    cands = _candidates(gaz, _keys(toks, i, n, lang), upper, abroad)
                    if (
                        n == 1
                        and lang == "ru"
                        and i > 0
                        and toks[i - 1].word in LOCATIVE_PREPS
                        and toks[i].word.endswith(("ском", "цком"))
                    ):
                        # "в Михайловском" is the locative of Михайловское, never of the town Михайловск (its
                        # instrumental, "под Михайловском", is): the town's reading goes (codebook 1.21,
                        # team-heldout-88); "в Жуковском" keeps Zhukovsky, a name in -sky
                        town = {id(c) for c in gaz.lookup(toks[i].word[:-2]) if c.name.lower().endswith("sk")}
                        cands = [c for c in cands if id(c) not in town]
                    # fallbacks for a word after "в", "під", "near" (or listed after one) only
                    intro = listed or _introduced(toks, i, n, INTRO, lang, text)
                    # "в селе Крынки", "поселка Горняк": a settlement word makes even a common word a name
                    settlement = i > 0 and toks[i - 1].word in SETTLEMENT
                    if not cands and n == 1 and intro:
                        # the first lemma may be a name ("Києві" -> "кий"): try the dictionary's other readings
                        cands = _candidates(gaz, _other_lemmas(toks[i].word, lang), upper, abroad)
                    if not cands and n == 1 and intro and lang == "uk":
                        # a Russian town in a Ukrainian spelling the gazetteer lacks ("з Лесосибірська")
                        cands = list(
                            dict.fromkeys(c for k in _keys(toks, i, n, lang) for c in gaz.lookup_skeleton(k, "RU"))
                        )
                    if (
                        (
                            not cands
                            or (
                                max(c.population for c in cands) < WEAK_TOWN
                                and not settlement
                                and _adjective_form(toks[i].word, lang)
                                # "под Островским", "под Ясным": a front-line village, not a Russian town
                                and not (
                                    i > 0
                                    and toks[i - 1].word in NEAR_WORDS
                                    and any(c.country == "UA" and c.admin1 in FRONT_OBLASTS for c in cands)
                                )
                            )
                        )
                        and n == 1
                        and (
                            settlement
                            or _weak_intro(toks, i, lang, text)
                            or (
                                i > 0
                                and toks[i - 1].word in WEAK_ADJECTIVE_FROM
                                and _adjective_form(toks[i].word, lang)
                            )
                        )
                        and not _clause_start(text, toks, i)
                        and text[toks[i].start - 1] not in "«\"“„'"
                    ):
                        # a town named by a common word ("под Лиманом", "в Котельниках", "в Счастье"):
                        # the gazetteer marks such keys "~"; a capital mid-sentence after a locative makes it a name
                        # a village named by a common word only after a word for a settlement ("у села Вилок"),
                        # or in an oblast the text has named ("На Закарпатті ... поблизу Вилока")
                        keys = _keys(toks, i, n, lang)
                        # only villages under the plain key ("из Радужного": Raduzhnoye in Crimea, 2 people): the
                        # town of the weak key is the likelier reading, and stays with them to choose from
                        small = cands
                        cands = _candidates(gaz, ["~" + k for k in keys], upper, abroad)
                        named = {c.name for m in mentions for c in m[0] if c.fcode in ("ADM1", "region")}
                        common = _candidates(gaz, ["=" + k for k in keys], upper, abroad)
                        cands += [c for c in common if c not in cands and (settlement or c.admin1 in named)]
                        if (
                            i + 1 < len(toks)
                            and text[toks[i + 1].start].isupper()
                            and not text[toks[i].end : toks[i + 1].start].strip()
                            # "под Клетской Волгоградской области": the town's oblast follows (codebook 1.19)
                            and not (
                                i + 2 < len(toks)
                                and _bare(toks[i + 2].word) in REGION_WORDS
                                and toks[i + 1].lemma.endswith(ADJ_SUFFIXES)
                            )
                        ):
                            cands = []  # "в Надежде Ивановой": a person's name goes on (not "в Лимане. Иван")
                        elif cands and i + 1 < len(toks) and _noun_phrase_goes_on(text, toks[i], toks[i + 1], lang):
                            cands = []  # "в Советском районе", "из Южного военного округа": an adjective, not a town
                        if cands and toks[i - 1].word in NEAR_WORDS:
                            # "под Глубоким": the front-line village Hlyboke, not the Russian town Gluboky
                            front = [
                                c
                                for c in common
                                if c.country == "UA" and c.admin1 in FRONT_OBLASTS and c.fcode[:3] == "PPL"
                            ]
                            cands = front or cands
                        cands = cands + [c for c in small if c not in cands] if cands else small
                    if (
                        not cands
                        and n == 1
                        and intro
                        and (settlement or listed or _unknown_or_place(toks[i].word, lang, PLURAL_CASE))
                    ):
                        # a village GeoNames names in Latin only ("Кринки" -> Krynky, "Работино" -> Rabotino)
                        latin = _latin_keys(tuple(_keys(toks, i, n, lang)))
                        # only a Ukrainian place that is still called so (not one renamed from "Царицыно");
                        # after a settlement word its Russian name will do ("поселок Горняк" is Hirnyk)
                        cands = [c for c in _candidates(gaz, latin, upper) if c.country == "UA"]
                        cands = [c for c in cands if settlement or _like(c.name, latin)]
                    if cands and n == 1 and not listed and not _plausible(text, toks, i, cands, lang, gaz):
                        cands = []
                    if (
                        cands
                        and not listed
                        and max(cands, key=lambda c: c.population).fcode in METONYM_KINDS
                        and (
                            not _introduced(toks, i, n, LOCATIVE | {"a", "an"}, lang, text)
                            or (toks[i + n - 1].word.endswith("'s") and not _introduced(toks, i, n, IN_WORDS))
                        )
                        and not _unit_home(toks, i, n)
                    ):
                        # "Moscow told Zambia", "at Moscow's MEPhI"; "in Moscow", "in Kyiv's Maidan square",
                        # "a Kyiv territorial defence unit" stay
                        cands = []
                    if cands and (_governed(toks, i) or _possessive_government(toks, i, n, cands)):
                        cands = []
                    if cands and _vicinity_of_capital(toks, i, cands):
                        cands = []
                    if cands and (_not_settlement(toks, i, n, cands, text) or _river(toks, i, cands)):
                        cands = []
                    if cands and _route(text, toks, i, n, gaz, lang):
                        cands = []
                    if cands and (_agency_seat(toks, i, n) or _in_name(text, toks[i].start, toks[i + n - 1].end)):
                        cands = []
                    if cands and n == 1 and i + 1 < len(toks) and toks[i + 1].lemma in ("год", "рік"):
                        cands = []  # "на Новый год": a holiday, not the village Novyy
                    if cands and (_transit(toks, i, cands) or _unreached(toks, i, cands, lang)):
                        cands = []
                    if cands and _testimony(toks, i):
                        cands = []
                    if cands and _based_person(toks, i, n, text):
                        cands = []  # "a Kyiv lawyer writes", "the Chernihiv regional prosecutor's office said"
                    if cands and _outlet_home(toks, i, n):
                        cands = []
                    if cands:
                        prev = toks[i - 1].word if i > 0 else ""
                        prev2 = toks[i - 2].word if i > 1 else ""
                        if n == 1 and prev in NEAR_WORDS:
                            cands = _front_namesakes(cands)
                        after = toks[i + n].word if i + n < len(toks) else ""
                        prev3 = toks[i - 3].word if i > 2 else ""
                        role = (
                            "origin"
                            if prev in ORIGIN_BEFORE
                            or prev2 in ORIGIN_BEFORE
                            or after in PEOPLE_AFTER
                            # "з брянського міста Сельцо", "из соседнего села X" (codebook 1.21, team-heldout-82)
                            or (prev3 in ("из", "изо", "з", "із", "зі", "from") and prev in TOWN_WORDS)
                            else "event"
                        )
                        if role == "origin" and prev in ("з", "із", "зі") and _instrumental(toks[i].word):
                            role = "event"  # "перейти кордон з Молдовою": "with", not "from"
                        if role == "origin" and _sent_from(toks, i):
                            role = "event"  # "записали обращение к Путину из Курской области": sent from there
                        if _base_of(toks, i) or _unit_home(toks, i, n):
                            role = "origin"  # "the 810th brigade, based in occupied Sevastopol"
                        if listed and mentions and mentions[-1][1] == "origin":
                            role = "origin"  # "из Бурятии и Тувы"
                        if n == 1 and any(c.fcode != "ADM1" for c in cands):
                            # a bare "Zaporizhzhia" is the city; the oblast needs "область"/"oblast"
                            cands = [c for c in cands if c.fcode != "ADM1"]
                        if not settlement and any(c.fcode in ("region", "country") for c in cands):
                            # "над Крымом" is Crimea, not a hamlet Krym of the Rostov region the text also names;
                            # "в селе Крым" is the hamlet
                            cands = [c for c in cands if not (c.fcode[:3] == "PPL" and c.population < 10_000)]
                        last = toks[i + n - 1].word
                        names = {c.name.lower() for c in cands}
                        if (
                            all(c.fcode == "country" for c in cands)
                            and (
                                after in PEOPLE_AFTER
                                # an English word for the people ("Zambian", "Cubans", "Nepalis"), not the name
                                or (last.isascii() and " ".join(_bare(t.word) for t in toks[i : i + n]) not in names)
                            )
                        ):
                            peoples |= {c.name for c in cands}  # "Kenyan runner", "Cubans", "Nepalis"
                        if (
                            _background(toks, i)
                            or _promised(text, toks, i)
                            or _brought_back_from(toks, i)
                            or _bound_for_front(toks, i, n)
                            or _sent_to_region(text, toks, i, cands)
                            or _border_with(toks, i, cands)
                        ):
                            weak.add(len(mentions))
                        elif _treated(toks, i):
                            treated.add(len(mentions))
                        mentions.append((cands, role, toks[i].start, toks[i + n - 1].end, sent.index))
                        last_end = toks[i + n - 1].end
                        i += n
                        found = True
                        break
            if not found:
                nxt = toks[i + 1].word if i + 1 < len(toks) else ""
                prev = toks[i - 1].word if i > 0 else ""
                capital = text[toks[i].start].isupper() and prev not in INTRO
                if text[toks[i].start].isupper() and prev in ADDRESSEE_INTRO and _addressee(text, toks, i, lang):
                    capital = True  # "звернулися до Сирського": the general, not Syria
                acronym = (
                    i + 1 < len(toks)
                    and len(toks[i + 1].word) > 1
                    and text[toks[i + 1].start : toks[i + 1].end].isupper()
                )
                if (
                    capital
                    and (_clause_start(text, toks, i) or acronym)
                    and not _person_or_adjective(toks[i].word, lang, True)
                ):
                    # "Рівненський міський суд ...", "...: Нальчикский гарнизонный суд" open a sentence or
                    # clause, "Полтавського ТЦК" names an agency by its town; "Сирський заявив" is a name
                    capital = False
                demonym = (
                    # a town's front, its training ground ("на Гороховецком полигоне") or its court ("Ковельський
                    # міськрайонний суд"): a small town too
                    _from_adjective(
                        toks[i],
                        gaz,
                        capital,
                        10_000
                        if direction
                        or nxt.startswith(RANGE)
                        or (
                            (nxt.startswith(UNIT_AFTER) or "".join(t.word for t in toks[i + 1 : i + 4]) == "в/ч")
                            and not toks[i].lemma.startswith(COUNTRY_ADJ)  # "украинской в/ч" is Ukraine's
                        )
                        or _court_after(toks, i)
                        else BIG,
                    )
                    # a small town's people or unit, where no big place has the adjective ("украинские мобилизованные"
                    # stay Ukraine's, "кировские" Kirov's, not Ukrainsk's or Kirovsk's)
                    or (
                        _from_adjective(toks[i], gaz, capital, 10_000)
                        if _people_from(toks, i) and _demonym(toks[i], gaz) is None
                        else None
                    )
                    if not nxt.startswith(NOT_AFTER_DEMONYM) or nxt.startswith(("обласн", "областн"))
                    else None
                )
                if (
                    demonym is not None
                    and nxt.startswith("рай")
                    and _adj_lemma(toks[i]).startswith(COMMEMORATIVE_DISTRICTS)
                ):
                    demonym = None  # "Октябрський райсуд Полтави": a city district's court (codebook 1.20)
                if demonym is not None and demonym.fcode == "country" and acronym and text[toks[i].start].isupper():
                    demonym = None  # "Сирського ЗСУ": the general, not Syria
                if demonym is not None and nxt.startswith(REGIONAL) and _reporting_agency(toks, i):
                    demonym = None  # "Полтавська обласна прокуратура повідомила": an agency that speaks
                if demonym is not None and _outlet_home(toks, i, 1):
                    demonym = None  # "одесский канал «Одеса на зв'язку»": where the outlet is, not the event
                region = _demonym(toks[i], gaz) if demonym is None and not capital else None
                if region is not None:
                    if region[1] and region[0].fcode == "country":
                        peoples.add(region[0].name)
                    mentions.append(
                        (
                            [region[0]],
                            "origin" if region[1] else "event",
                            toks[i].start,
                            toks[i].end,
                            sent.index,
                        )
                    )
                    last_end = toks[i].end
                elif demonym is not None:
                    # "воронежских мобилизованных", "бурятской в/ч", "в Казанском училище": adjectives
                    role = "origin" if nxt.startswith(PEOPLE_STEMS) or _people_from(toks, i) else "event"
                    if role == "origin" and demonym.fcode == "country":
                        peoples.add(demonym.name)
                    if direction:
                        directions.add(len(mentions))
                    mentions.append(([demonym], role, toks[i].start, toks[i].end, sent.index))
                    last_end = toks[i].end
                i += 1
    drop: set[int] = set()
    for d in directions:
        # "на Запорізькому напрямку ... біля Гуляйполя": the front's town, when a place on that front is named
        # (a court far away that tried the man, "Рівненський суд ... на Куп'янському напрямку", is no such place)
        if any(
            j not in directions and m[1] == "event" and any(_dist_km(c, mentions[d][0][0]) < FRONT_KM for c in m[0])
            for j, m in enumerate(mentions)
        ):
            drop.add(d)
    for j, m in enumerate(mentions):
        if all(c.fcode in ("ADM1", "region") for c in m[0]) and ADDRESSEE_TITLE_BEFORE.search(
            text, max(0, m[2] - 30), m[2]
        ):
            # the addressee's region, when the text names the men's town in it: "письмо главе Кабардино-Балкарии.
            # Все мужчины — из Баксана"
            key = _region_key(m[0][0].name)
            if any(
                k != j and any(c.admin1 and _region_key(c.admin1) == key for c in o[0]) for k, o in enumerate(mentions)
            ):
                drop.add(j)
    drop |= _locators(mentions, text)
    if weak and any(m[1] == "event" for j, m in enumerate(mentions) if j not in weak | treated):
        drop |= weak
    if treated and any(j not in weak | treated for j in range(len(mentions))):
        drop |= treated  # "men from Kerala ... taken to a hospital in Moscow": the hospital is no place of it
    # "COLOMBO — Families of Sri Lankan ex-soldiers say ...": the reporter files from the capital of the men's
    # country, where nothing of the event happened
    homes = {c.country for m in mentions for c in m[0] if c.fcode == "country" and c.name in peoples}
    drop |= {j for j in datelines if all(c.country in homes for c in mentions[j][0])}
    mentions = [m for j, m in enumerate(mentions) if j not in drop]
    # "Cuba has arrested recruiters who lured young Cubans": a country whose people the text tells of is their origin
    mentions = [(m[0], "origin" if all(c.name in peoples for c in m[0]) else m[1], *m[2:]) for m in mentions]
    mentions = _drop_qualifying_countries(mentions, text)
    if any(c.country == "RU" and c.fcode in ("ADM1", "region") for m in mentions for c in m[0]) and not any(
        c.country == "UA" and (c.fcode in ("ADM1", "region") or c.population >= BIG) for m in mentions for c in m[0]
    ):
        # "в подмосковной деревне Становое": a Russian village the gazetteer lacks, not a Ukrainian
        # namesake far from the front (front-line villages stay: "письмо губернатору Приморья ... под Павловкой")
        mentions = [m for m in mentions if not all(_rear_ua_village(c) for c in m[0])]
    # the regions told help to choose among same-name places first; then those that only qualify a town go
    mentions = _named_oblast_namesakes(mentions, text, gaz, lang)
    return _drop_qualifying_regions(_disambiguate(mentions, text), text)


# the Russian endings of a Ukrainian spelling of a Russian village: "в Петропавлівці Воронезької області" is the
# Voronezh oblast's Petropavlovka
UK_TO_RU_ENDINGS = (("івка", ("овка", "евка")), ("ївка", ("евка",)), ("іївка", ("еевка",)))


def _named_oblast_namesakes(
    mentions: list[tuple[list[GazPlace], str, int, int, int]], text: str, gaz: Gazetteer, lang: str
) -> list[tuple[list[GazPlace], str, int, int, int]]:
    """A Ukrainian text's village read under its Ukrainian spelling where the text names a Russian oblast that holds a
    village of the Russian spelling and none of the candidates lies in it: that village (codebook 1.21,
    team-heldout-81). The gazetteer gives the "-івка" of a "-овка" only to towns that GeoNames counts people in."""
    if lang != "uk":
        return mentions
    oblasts = {c.name for cands, *_ in mentions for c in cands if c.fcode in ("ADM1", "region") and c.country == "RU"}
    if not oblasts:
        return mentions
    out = []
    for m in mentions:
        cands = m[0]
        word = text[m[2] : m[3]]
        if (
            cands
            and " " not in word
            and _cyrillic(word)
            and not any(c.admin1 in oblasts or c.fcode in ("ADM1", "region") for c in cands)
        ):
            base = _name_lemma(word.lower(), lang)
            forms = [base[: -len(uk)] + ru for uk, rus in UK_TO_RU_ENDINGS if base.endswith(uk) for ru in rus]
            found = [c for f in forms for c in gaz.lookup(f) if c.country == "RU" and c.admin1 in oblasts]
            if found:
                m = (list(dict.fromkeys(found)), *m[1:])
        out.append(m)
    return out


# A numbered item of a digest post: "1) ", "2. ", "3️⃣ " at the start of the text or after a space
DIGEST_MARK = re.compile(r"(?:^|(?<=\s))([1-9])(?:\ufe0f?\u20e3|[.)])(?=\s)")
ITEM_NUMBER = re.compile(r"[1-9](?:\ufe0f?\u20e3|[.)])\s+")


# A bulleted item: a line that opens with a dash or a bullet ("— В Якутске ...", "• In Perm ...")
BULLET_LINE = re.compile(
    r"(?m)^[ \t]*(?:[\u2014\u2013\u2022\u25aa\u25cf\u25e6\u2796-]|\U0001f539|\U0001f538)\ufe0f?[ \t]+\S"
)


def _digest_items(text: str) -> list[int]:
    """Where the items of a numbered digest begin ("1) ... 2) ... 3) ..."), or [] when the text is none:
    the numbers must run 1, 2, ... and there must be two at least. A digest of bulleted lines ("Итоги недели:\n—
    В Якутске ...\n— В Красноярске ...\n— В Норильске открыли каток") has its items at the bullets (two at least;
    team-heldout-9 th9-009: the rink's town is no place of the refusal told in the item before it)."""
    starts: list[int] = []
    for m in DIGEST_MARK.finditer(text):
        if int(m.group(1)) == len(starts) + 1:
            starts.append(m.start(1))
    if len(starts) >= 2:
        return starts
    bullets = [m.start() for m in BULLET_LINE.finditer(text)]
    return bullets if len(bullets) >= 2 else []


def _event_items(text: str, sentences: Sequence[Sentence], anchors: Sequence[Sentence]) -> Sequence[Sentence]:
    """The sentences of the digest items that tell an event ("1) convicts near Lysychansk say ... 2) Heavy
    shelling reported in Kherson": the other items are other news, their places no place of the event).
    A text that is no numbered digest, or an event told in its heading, keeps every sentence."""
    items = _digest_items(text) if anchors else []
    own = {bisect_right(items, a.start) for a in anchors}
    if not items or 0 in own:
        return sentences
    return [s for s in sentences if bisect_right(items, s.start) in own]


PEOPLE_STEMS = (
    # a unit raised or based in the region: "приморского батальона", "псковской дивизии" (its origin)
    "батальон",
    "батальйон",
    "бригад",
    "полк",
    "дивизи",
    "дивізі",
    "отряд",
    "загон",
    "мобилиз",
    "мобіліз",
    "военн",
    "військов",
    "боец",
    "бойц",
    "бійц",
    "солдат",
    "контракт",
    "жен",
    "жін",
    "матер",
    "родн",
    "рідн",
    "призыв",
    "срочник",
    "наемник",
    "наёмник",
    "найманц",
    "найманец",
    "студент",
    "граждан",
    "громадян",
    "мигрант",
    "мігрант",
    "ветеран",
    "добровол",
    "бегун",
    "бігун",
    "связист",
    "зв'язків",
    "морпех",
    "морпіх",
    "десантник",
)
# Words for a street or square (stems): a town's name next to one names the street
STREET = (
    "улиц",
    "вулиц",
    "бульвар",
    "проспект",
    "площад",
    "площі",
    "площа",
    "переул",
    "провулк",
    "провулок",
    "набережн",
    "шоссе",
    "шосе",
    # "на Соборному майдані": a square named by an adjective, not the village Soborne (team-heldout-9 th9-006)
    "майдан",
)
STREET_EN = {"street", "avenue", "boulevard", "square", "lane", "embankment", "prospekt", "avenue's", "street's"}
# "Свердловского района", "Кировоградской области": a district/street/oblast named after a city, not the city
NOT_AFTER_DEMONYM = (
    "район",
    "улиц",
    "вулиц",
    "проспект",
    "област",
    "облас",
    "district",
    "street",
    "переул",
    # "Житомирский суд", "Вінницький міський суд" sit in their town and are coded (court city = event place);
    # a district court is named by its district ("Кировский районный суд"): "район" above
    # "Запорожской АЭС" is a power plant (in Enerhodar)
    "аэс",
    "аес",
    # "на Приморском бульваре", "Одеська площа": a street or square
    *STREET,
    "атомн",
    # "полтавського управління ДБР": an agency named after a town ("Нальчикский гарнизонный военный
    # суд" sits in and names the town: it is kept)
    "управл",
    "отдел",
    "відділ",
    "прокурат",
    # "Іспанські ЗМІ повідомляють", "британская газета": the outlet's country, not a place of the event
    "сми",
    "змі",
    "газет",
    "издани",
    "видан",
    "телеканал",
    "агентств",
    "media",
    "press",
    "newspaper",
)
# "Власти Татарстана", "the authorities of Zambia": the government speaks, nothing happens there
GOVERNMENT_BEFORE = {
    "власти",
    "властям",
    "властями",
    "влада",
    "влади",
    "правительство",
    "правительства",
    "уряд",
    "уряду",
    "authorities",
    "government",
    # "under the command of the self-proclaimed DPR": the entity that gives orders
    "command",
    "командования",
    "командованию",
    "командування",
    "leadership",
    "руководства",
    "керівництва",
    # "просят МИД Колумбии", "звернулася до МЗС Індії", "посольство Индии": a ministry or an embassy
    "мид",
    "мзс",
    "министерство",
    "министерства",
    "министерству",
    "міністерство",
    "міністерства",
    "міністерству",
    "посольство",
    "посольства",
    "посольству",
    "посольстві",
}
# "открытое письмо главе Кабардино-Балкарии", "губернатору Приморья": the addressee's title names the region, which is
# the men's home (their origin) unless the text names their town in it ("Все мужчины — из Баксана"); a speaker's
# title ("бывший глава Тывы") is not matched
ADDRESSEE_TITLE_BEFORE = re.compile(r"(?i:\b(?:главе|губернатору|голові|to\s+the\s+governor(?:\s+of)?(?:\s+the)?))\s+$")
# words between a government word and the name: "the authorities of the self-proclaimed ..."
GOVERNMENT_SKIP = {
    "of",
    "the",
    "self-proclaimed",
    "so-called",
    "unrecognised",
    "unrecognized",
    "самопровозглашенной",
    "самопровозглашенных",
    "непризнанной",
    "самопроголошеної",
    "невизнаної",
}
# Channel footers ("Подписаться на «Донецк: люди»"): the channel's name, not a place of the event.
FOOTER_OPENERS = {
    "подписаться",
    "підписатися",
    "підписуйтесь",
    "подписывайтесь",
    "подпишитесь",
    "підпишіться",
    "subscribe",
}
FOOTER_MAX = 8  # a line this short with a subscribe word anywhere is a footer: "Одеса 24 | Підписатися"
# A forwarding header names the channel a post was forwarded from ("Переслано из: Донецк сегодня")
FORWARDED = {("переслано", "из"), ("переслано", "от"), ("переслано", "з"), ("переслано", "від"), ("forwarded", "from")}
# "посольство в Москве", "embassy in Moscow": where an agency sits, not where the event happened;
# "защитников Мариуполя", "captured at Mariupol": the soldiers' past battle, not the relatives' rally.
AGENCY_BEFORE = ("посольств", "консульств", "embass", "consulate")
SPEECH = (
    "said",
    "say",
    "told",
    "confirm",
    "report",
    "сообщ",
    "заяв",
    "подтверд",
    "повідом",
    "підтверд",
    "розповіл",
    "рассказ",
)
BACKGROUND_BEFORE = (
    "защитник",
    "захисник",
    "defender",
    "captured",
    # "после первых недель боёв под Киевом", "after the battles for Bakhmut": where they fought before
    "боёв",
    "боев",
    "боїв",
    "battles",
)
# "taken to a hospital in Moscow", "лечится в госпитале в Ростове": where the wounded are treated
HOSPITAL = ("hospital", "госпитал", "шпитал", "больниц", "лікарн", "clinic")
# "flew to Mexico via Turkey", "через Турцию": a country passed through
TRANSIT = {"via", "транзитом"}
THROUGH = {"через"}
# "пытался уйти в Венгрию", "tried to cross into Hungary": a destination never reached
ATTEMPT = (
    "пыта",
    "попыта",
    "намага",
    "спроб",
    "пробува",
    "tried",
    "trying",
    "attempt",
    # smuggling out, or promised to: "обіцяв вивезти його до Польщі", "за вывоз в Польшу", "smuggled toward Poland"
    # (caught at the checkpoint: the destination never reached; team-heldout-9, -10)
    "вивезт",
    "вивоз",
    "вывезт",
    "вывоз",
    "переправ",
    "smuggl",
    "обіця",
    "обеща",
    "promis",
    # hoped to reach it: "сподівався так дістатися Польщі"
    "сподіва",
    "надеял",
    "hoped",
    "hoping",
    # planned to leave for it: "планував виїхати до Молдови" (codebook 1.19, team-heldout-69)
    "планува",
    "планирова",
    "собира",
    "збира",
    "planned",
    "planning",
)
# "ехал в сторону Польши", "рухався в бік Польщі", "heading towards Poland": on the way, not there
TOWARD = {"сторону", "бік", "toward", "towards"}
# a man on his way, not yet there: "шёл в Словакию через горы", "ішов до Румунії", "was heading to Poland"
HEADING = {"шел", "шёл", "шла", "шли", "ішов", "йшов", "ішли", "йшли", "направлялся", "прямував", "heading"}
TICKET = ("билет", "квиток", "квитка", "квитки", "ticket")
GOAL_PREPS = {"в", "во", "у", "до", "to", "into"}
# a verb of reaching a place that takes it without a preposition ("дістатися Румунії", "reach Poland")
REACH = ("дістати", "добрати", "добраться", "дойти", "дійти", "reach")
REACH_SPAN = 16  # words back from a verb of reaching to the attempt it is the purpose of
CROSSING = ("cross", "перешел", "перешёл", "перешли", "перейшов", "перейшли", "перетнув", "пересек", "пересёк")
# "готов дать показания о том, что происходило в Буче", "testify about what he saw in the Kyiv region":
# what a witness will tell about is an earlier event, not this one
TESTIMONY = ("показани", "свидетельствова", "свідчи", "свідчен", "testif")
ABOUT = {"о", "об", "про", "about"}
READY = ("готов", "ready", "willing", "prepared", "offer", "предлож", "пропону")
# a message sent from a place: "обращение ... из Курской области", "a video ... from the Kursk region"
FROM_WORDS = {"из", "з", "із", "зі", "from"}
MESSAGE = ("обращени", "видеообращени", "видео", "письм", "звернен", "відео", "appeal", "video", "message", "letter")
MESSAGE_WORDS = {"лист", "листа", "листі", "листом", "plea", "petition"}
BASED = (
    "based",
    "базирующ",
    "базуєт",
    "базуют",
    "базуються",
    "базуется",
    "дислоцирующ",
    # "the Tigr battalion, raised in the Primorye region": where a unit was formed is its men's home
    "raised",
    "сформирован",
    "сформован",
)
# a unit after "X-based": "the Pskov-based 76th division"
UNIT_WORDS = ("division", "brigade", "regiment", "battalion", "unit", "corps", "detachment", "fleet")
QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}


# "KYIV —", "VATICAN CITY —", "SURAT, India —", "MOSCOW, Jan 5 (Reuters) -"
DATELINE = re.compile(
    r"[\s\ufeff]*([A-Z][A-Z.' -]{1,40}?[A-Z])(?:,[^\n—–()]{1,30})?(?:\s*\([^()\n]{1,30}\))?\s+[—–-]{1,2}\s"
)


@lru_cache(maxsize=5_000)
def _instrumental(word: str) -> bool:
    """A Ukrainian word in the instrumental only ("Молдовою"): after "з" it means "with", not "from"."""
    if not _cyrillic(word):
        return False
    from sitrep.enrich.lemmas import _morph

    parse = _morph("uk").parse(word)[:3]
    return bool(parse) and all("ablt" in str(p.tag) for p in parse)


def _sent_from(toks: Sequence[Token], i: int) -> bool:
    """ "обращение к Путину из Курской области", "a video addressed to Putin from the Kursk region": the place a
    message was sent from, where its authors are (the event's place); "men from Buryatia" stay its origin."""
    k = next((j for j in (i - 1, i - 2) if j >= 0 and toks[j].word in FROM_WORDS), None)
    if k is None:
        return False
    for j in range(k - 1, max(-1, k - 9), -1):
        word = toks[j].word
        if word.startswith(MESSAGE) or word in MESSAGE_WORDS:
            return True
        if word in PEOPLE_AFTER or word.startswith(PEOPLE_STEMS) or word in ORIGIN_BEFORE:
            return False
    return False


# a unit's name with its home town in the genitive: "112-й бригады теробороны Киева", "батальйону Тернополя"
UNIT_STEMS = ("бригад", "полк", "батальон", "батальйон", "дивизи", "дивізі", "тероборон", "отряд", "загін", "загон")


def _unit_home(toks: Sequence[Token], i: int, n: int) -> bool:
    """The town a unit is named after, its home (role origin): "бригады теробороны Киева" (the genitive right
    after the unit's words, no preposition), "Kyiv's 112th Territorial Defence Brigade"."""
    last = toks[i + n - 1].word
    if last.endswith("'s"):
        return any(t.word.startswith(UNIT_WORDS) for t in toks[i + n : i + n + 5])
    if i == 0 or not _cyrillic(toks[i].word):
        return False
    prev = toks[i - 1].word
    if prev.startswith(UNIT_STEMS):
        return True
    return i > 1 and toks[i - 2].word.startswith(UNIT_STEMS) and prev.isalpha() and prev not in INTRO | ORIGIN_BEFORE


def _base_of(toks: Sequence[Token], i: int) -> bool:
    """ "based in occupied Sevastopol", "базирующейся в Севастополе", "що базується в Криму": a unit's base."""
    return any(t.word.startswith(BASED) for t in toks[max(0, i - 3) : i])


def _dateline(text: str, toks: Sequence[Token], gaz: Gazetteer) -> tuple[int, list[GazPlace]] | None:
    """A wire dateline opening the text: "KYIV —", "VATICAN CITY —", "SURAT, India —": (its words, places)."""
    m = DATELINE.match(text, 0, 80)
    if not toks or m is None or toks[0].start != m.start(1):
        return None
    n = sum(1 for t in toks[:4] if t.end <= m.end(1))
    cands = gaz.lookup(" ".join(t.word for t in toks[:n]))
    cands = [c for c in cands if c.fcode != "ADM1"] or cands  # "KYIV —" is the city
    # the rest of the dateline ("KOSTANAY, Kazakhstan, March 12 -") only says where the town is
    n = max(n, sum(1 for t in toks[:12] if t.end <= m.end()))
    return (n, cands) if cands else None


def _based(toks: Sequence[Token], i: int, gaz: Gazetteer) -> list[GazPlace]:
    """ "the Pskov-based 76th division": the place a unit is based in (its origin), or []."""
    word = toks[i].word
    if not word.endswith("-based") or not any(t.word.startswith(UNIT_WORDS) for t in toks[i + 1 : i + 6]):
        return []
    return [c for c in gaz.lookup(word[: -len("-based")]) if c.fcode[:3] == "PPL" or c.fcode in EXTRA_KINDS]


# codebook 1.19: a city that only says where a smaller place lies ("from the village of Koshary near Odesa", "the
# Knyaze-Volkonskoye garrison outside Khabarovsk", "у гарнізоні Князе-Волконське під Хабаровськом")
_LOCATOR_BETWEEN = re.compile(
    r"(?:,\s*)?(?:\s+[a-zа-яёіїєґ'’-]+)?\s+(?:near|outside|под|подо|під|біля|поблизу|возле|около)\s+(?:the\s+)?"
)


def _locators(mentions: Sequence[tuple[list[GazPlace], str, int, int, int]], text: str) -> set[int]:
    """The mentions of a big city named right after a smaller place to locate it: not a place of the event."""
    out: set[int] = set()
    for j in range(1, len(mentions)):
        a, b = mentions[j - 1], mentions[j]
        if a[4] != b[4] or not _LOCATOR_BETWEEN.fullmatch(text, a[3], b[2]):
            continue
        if not all(c.fcode[:3] == "PPL" for c in a[0] + b[0]):
            continue
        big = max(c.population for c in b[0])
        if big >= BIG and max(c.population for c in a[0]) < big // 10:
            out.add(j)
    return out


def _top(cands: Sequence[GazPlace]) -> GazPlace:
    """The likeliest reading of a name: a country or big city over its village namesakes ("Moldova")."""
    return max(cands, key=lambda c: (c.fcode in EXTRA_KINDS, c.population))


def _abroad(cands: Sequence[GazPlace]) -> bool:
    return _top(cands).country not in ("UA", "RU")


def _transit(toks: Sequence[Token], i: int, cands: Sequence[GazPlace]) -> bool:
    """ "flew to Mexico via Turkey", "летел через Стамбул": a place abroad passed through on the way; "crossed
    into the United States from Mexico", "перешёл границу США из Мексики": the country a border was crossed from."""
    prev = toks[i - 1].word if i > 0 else ""
    if prev in TRANSIT or (prev in THROUGH and _abroad(cands)):
        return True
    return (
        prev in FROM_WORDS
        and _top(cands).fcode == "country"
        and _abroad(cands)
        and any(t.word.startswith(CROSSING) for t in toks[max(0, i - 7) : i - 1])
    )


def _unreached(toks: Sequence[Token], i: int, cands: Sequence[GazPlace], lang: str) -> bool:
    """ "пытался пешком уйти в Венгрию", "tried to cross into Poland": a country abroad the man tried and
    failed to reach (a flight that ended there, "бежал в Норвегию", stays)."""
    prev = toks[i - 1].word if i > 0 else ""
    if prev in GOAL_PREPS and _abroad(cands) and any(t.word.startswith(TICKET) for t in toks[max(0, i - 5) : i - 1]):
        return True  # "мав квиток на поїзд до Будапешта", "with a ticket to Warsaw": where he meant to go
    if _top(cands).fcode != "country" or not _abroad(cands):
        return False
    if prev.startswith(REACH):
        # "намагалися дістатися Румунії", "tried to reach Poland"; the attempt may govern a longer purpose clause:
        # "намагався перепливти Західний Буг поблизу Ягодина, щоб дістатися Польщі", "was trying to swim across
        # the Bug River near Yahodyn in Volyn region to reach Poland"
        return any(t.word.startswith(ATTEMPT) for t in toks[max(0, i - REACH_SPAN) : i - 1])
    if prev in TOWARD:
        return True
    if prev not in GOAL_PREPS:
        return False
    # "пытался переплыть Западный Буг и уйти в Польшу": two verbs of one attempt
    if not any(t.word.startswith(ATTEMPT) or t.word in HEADING for t in toks[max(0, i - 8) : i - 1]):
        return False
    if prev in ("в", "во", "у") and _cyrillic(toks[i].word):
        from sitrep.enrich.lemmas import _morph

        parse = _morph(lang if lang in ("ru", "uk") else "ru").parse(toks[i].word)
        return bool(parse) and "accs" in str(parse[0].tag)  # "в Венгрию" (motion), not "в Венгрии"
    return True


# promised, or signed up for a guard post ("подписавших контракт «на охрану границы в Курской области»", "записывались
# охранять объекты в Белгородской области")
PROMISE = ("обіця", "пообіця", "обеща", "пообеща", "promis", "охран", "охорон", "guard")
# a clause break between the promise and the place: what follows is what happened, not what was promised
_PROMISE_BREAK = re.compile(r"[,;:.!?—–]|\b(?:но|але|а|but|and then|instead)\b")


def _promised(text: str, toks: Sequence[Token], i: int) -> bool:
    """The place is in what the men were promised ("обіцяли охорону об'єктів на Бєлгородщині, але ... кинули в
    штурмову роту під Вовчанськ", "promised a rear posting in Belgorod region"): background when the text names
    where they were sent instead; alone it stays ("обіцяли службу біля Сватового, а ... висадили на першій лінії")."""
    for j in range(max(0, i - 6), i):
        if toks[j].word.startswith(PROMISE):
            if _PROMISE_BREAK.search(text, toks[j].end, toks[i].start):
                return False
            # the clause after it names where they went instead: "..., але ... кинули в штурмову роту під Вовчанськ"
            rest = toks[i + 1 :]
            for k, t in enumerate(rest[:-1]):
                if t.word in _INSTEAD_AT and text[rest[k + 1].start].isupper():
                    return bool(_PROMISE_BREAK.search(text, toks[i].end, t.start))
            return False
    return False


# codebook 1.11: "вывести мужчин из Курской области", "вивести з-під Покровська", "withdraw them from", "pull out of"
RETURN_WORDS = (
    "вернут",
    "верну",
    "вернит",
    "поверну",
    "повернут",
    "return",
    "bring",
    "brought",
    "вывест",
    "вывед",
    "вивест",
    "вивед",
    "withdraw",
    "pull",
)
FROM_WORDS = {"из", "с", "з", "із", "зі", "from", "из-под", "з-під"}


def _brought_back_from(toks: Sequence[Token], i: int) -> bool:
    """The place the men are to be brought back from ("требуют вернуть мужей из Курской области", "demanding
    that their husbands be brought back from the Kursk region"): where they serve, told in the demand of a
    protest held elsewhere; background when the text names another place (team-heldout-12)."""
    k = i - 1
    while k >= 0 and toks[k].word in ("the", "этой", "цієї"):
        k -= 1
    if k < 0 or toks[k].word not in FROM_WORDS:
        return False
    return any(t.word.startswith(RETURN_WORDS) for t in toks[max(0, k - 4) : k])


def _bound_for_front(toks: Sequence[Token], i: int, n: int) -> bool:
    """ "a train taking their battery to the Zaporizhzhia front": the front the men were bound for, background when
    the text names where they were (the garrison where they refused)."""
    if i + n >= len(toks) or toks[i + n].word not in FRONT_WORDS:
        return False
    k = i - 1 if i > 0 and toks[i - 1].word == "the" else i
    return k > 0 and toks[k - 1].word in ("to", "for", "toward", "towards", "into")


FRONT_WORDS = {"front", "frontline", "direction", "axis", "sector"}

# codebook 1.19: where the men were to be sent or were being taken ("перед отправкой в Курскую область", "их везли в
# Курскую область", "в Курскую область их отправят в любом случае", "would have sent them to the Kursk region"); not
# where they were sent ("заставили подписать контракт и отправили в Курскую область": the coercion ended there)
SEND = (
    "отправк", "отправят", "отправлят", "отправлял", "отправить", "направят", "перебросят", "пошлют", "послать",
    "везли", "везут", "везти", "відправк", "відправлят", "відправлял", "відправити", "відправлять", "пошлють",
    "перекинуть",
)  # fmt: skip
SEND_EN = ("sent", "send", "sending", "ordered", "moved", "transferred")
BEFORE_SEND_EN = {"be", "been", "being", "have", "to", "would", "will"}
_SEND_BREAK = re.compile(r"[;:.!?—–]|,\s+(?:где|де|where|но|але|а|but)\b")


def _border_with(toks: Sequence[Token], i: int, cands: Sequence[GazPlace]) -> bool:
    """ "пытавшихся перейти границу с Молдовой", "the border with Moldova": the country across a border the men
    crossed or tried to cross, background beside the place where it happened (codebook 1.19, team-heldout-73)."""
    if i < 2 or toks[i - 1].word not in ("с", "со", "з", "із", "зі", "with"):
        return False
    k = i - 2
    if k > 0 and toks[k].word == "the":
        k -= 1
    return toks[k].word.startswith(("границ", "кордон", "border")) and _abroad(cands)


def _sent_to_region(text: str, toks: Sequence[Token], i: int, cands: Sequence[GazPlace]) -> bool:
    """An oblast the men were being taken to or were to be sent to, told in a report of what happened elsewhere (a
    refusal at the garrison, a contract signed under the threat): background when the text names another place of
    the event; alone it stays (codebook 1.19, team-heldout-68, -70, -72, -75)."""
    if not cands or not all(c.fcode in ("ADM1", "region") for c in cands):
        return False
    for j in range(i - 1, max(-1, i - 7), -1):
        word = toks[j].word
        if word.startswith(SEND) or (word in SEND_EN and j > 0 and toks[j - 1].word in BEFORE_SEND_EN):
            return not _SEND_BREAK.search(text, toks[j].end, toks[i].start)
    return False


_INSTEAD_AT = {"під", "под", "біля", "возле", "около", "near", "outside", "у", "в", "in", "to"}


def _testimony(toks: Sequence[Token], i: int) -> bool:
    """The place is in what a man offers to testify about ("готов дать показания о том, что происходило в
    Буче", "ready to testify about what he saw in the Kyiv region"): earlier crimes, for a future trial. A
    victim's statement in this case ("дал показания о том, что его избили в Краматорске") keeps its place."""
    lo = max(0, i - 9)
    before = [t.word for t in toks[lo:i]]
    for j, word in enumerate(before):
        if word.startswith(TESTIMONY) and any(w in ABOUT for w in before[j + 1 : j + 3]):
            offer = [t.word for t in toks[max(0, lo + j - 3) : lo + j]]
            return any(w.startswith(READY) for w in offer)
    return False


def _treated(toks: Sequence[Token], i: int) -> bool:
    """ "taken to a hospital in Moscow", "в госпитале в Ростове": where the wounded lie, weak. Not the hospital they
    were taken out of ("выписали из госпиталя в Курске и отправили в штурмы", "discharged from a Kursk hospital"):
    what happened to them starts there (team-heldout-12)."""
    for j in range(max(0, i - 3), i):
        if toks[j].word.startswith(HOSPITAL):
            return not (j and toks[j - 1].word in OUT_OF) and not (j > 1 and toks[j - 2].word in OUT_OF)
    return False


OUT_OF = {"из", "с", "з", "із", "зі", "from"}


PEOPLE_FROM = re.compile(r"\s+(?:из|з|із|зі|from)\s+(?:\w+\s+){0,2}", re.I)


def _drop_qualifying_countries(
    mentions: list[tuple[list[GazPlace], str, int, int, int]], text: str
) -> list[tuple[list[GazPlace], str, int, int, int]]:
    """ "из индийского Сурата", "in India's Surat": a country that only qualifies the place after it; "индийцев из
    штата Пенджаб": the people's country, when their state or town follows."""
    out = []
    for j, m in enumerate(mentions):
        nxt = mentions[j + 1] if j + 1 < len(mentions) else None
        if (
            nxt is not None
            and all(c.fcode == "country" for c in m[0])
            and (
                re.fullmatch(r"(?:'s)?\s{1,2}", text[m[3] : nxt[2]])
                # "семеро индийцев из штатов Пенджаб и Харьяна": the people's home, told more exactly
                or (m[1] == nxt[1] == "origin" and PEOPLE_FROM.fullmatch(text[m[3] : nxt[2]]))
            )
            and {c.country for c in m[0]} & {c.country for c in nxt[0]}
        ):
            continue
        out.append(m)
    return out


_REGION_WORDS = re.compile(r"\b(?:oblast|krai|republic|autonomous|okrug)\b")
# what stands between a town and the region after it that only says where the town is: "в селі Самгородок на
# Вінниччині", "Mulino, Nizhny Novgorod region", "Вырица (Ленинградская область)", "в Дзержинске Нижегородской области"
# (also "Rossosh in Russia's Voronezh region", "Kodyma in the Odesa region", "Hadiach, in Ukraine's Poltava region")
_QUALIFIER_AFTER = re.compile(
    # codebook 1.14: an apposition first: "Vyazniki, a small town in Russia's Vladimir region"
    r"\s*(?:,|\(|—|–)?\s*(?:(?i:a|an)\s+(?:[a-z-]+\s+){0,2}?(?i:town|city|village|settlement|port|port city)\s+)?"
    r"(?:(?i:в|у|на|in|of|the|russia's|russia’s|ukraine's|ukraine’s|belarus's|belarus’s|occupied|"
    r"оккупированной|оккупированном|окупованій|окупованому|community|hromada|громади|громаді|district|района|району|"
    r"районі)\s+){0,3}"
)
# before it: "the Kharkiv region's Vovchansk", "в подмосковном Одинцове", "Leningrad region town of Vyritsa"
_QUALIFIER_BEFORE = re.compile(
    r"(?:'s|’s)?\s+(?:(?i:town|city|village|of|город|городе|город[ау]|село|селе|села|"
    r"місто|місті|міста|селі|деревне|деревня|поселок|посёлке|поселке|селище|селищі)\s+){0,2}"
    # the region first, the town after it with the same preposition: "с Полтавщины, из Хорола", "з Полтавщини, з Хорола"
    r"|\s*,\s*(?i:из|с|з|із|в|у|from|in)\s+"
)


_NEAR_AFTER = re.compile(
    r"\s*,\s*(?:(?i:a|an)\s+(?:[a-z-]+\s+){0,3}?)?(?i:(?:just\s+|right\s+)?(?:near|not far from|outside)|"
    # codebook 1.14: "Pidhorodne, just outside Dnipro", "Mtsensk, a garrison town south of Moscow"
    r"(?:some\s+|about\s+)?(?:\d+\s+(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)\s+"
)


def _region_key(name: str) -> str:
    return _REGION_WORDS.sub("", name.lower().replace("yakutia", "sakha")).strip()


def _drop_qualifying_regions(hits: list[PlaceHit], text: str) -> list[PlaceHit]:
    """ "in Podgorica, Montenegro", "in Seversk, near Tomsk": a country, or a city, that only says where the named town
    next to it lies is no place of its own. A region that does ("в селі Самгородок на Вінниччині", "у Макеевки в
    Луганской области") is listed with the town, as the shared gold lists it (reports-dev rd-103, rd-122) and as the
    sets written to its conventions do (team-heldout-56 on; codebook 1.17). Sets 9 to 55 mostly left such a region out
    (team-heldout-13 to -15 coded it so), and their places F1 fell by up to 0.1 with this change."""

    def inside(r: GazPlace, t: GazPlace) -> bool:
        if t.fcode in ("ADM1", "region", "country") or t is r:
            return False
        if r.fcode == "country":
            return t.country == r.country
        return bool(t.admin1) and _region_key(t.admin1) == _region_key(r.name)

    def qualifies(h: PlaceHit, o: PlaceHit) -> bool:
        if o is h or o.sentence != h.sentence or not inside(h.place, o.place):
            return False
        if o.end <= h.start:
            return bool(_QUALIFIER_AFTER.fullmatch(text[o.end : h.start]))
        return h.end <= o.start and bool(_QUALIFIER_BEFORE.fullmatch(text[h.end : o.start]))

    # (an oblast's centre after a village of its oblast is the oblast: "near Kamianka-Dniprovska in occupied
    # Zaporizhzhia"; a city qualifies only a village after which it stands, not one before it)
    regional = [h for h in hits if h.place.fcode in ("country", "PPLA")]
    # a region named again elsewhere in its own right stays ("из Пензенской области ... под Пензой")
    qualifiers = {
        id(h)
        for h in regional
        if any(
            qualifies(h, o)
            # (or an oblast's adjective before its town: "брянської Навлі" is Navlya of the Bryansk oblast)
            and (h.place.fcode != "PPLA" or o.end <= h.start or text[h.start : h.end].islower())
            for o in hits
        )
    }
    # a bigger town that locates the smaller one before it: "in Seversk, near Tomsk"
    for h in hits:
        for o in hits:
            if (
                o is not h
                and o.sentence == h.sentence
                and o.end <= h.start
                and _NEAR_AFTER.fullmatch(text[o.end : h.start])
                and o.place.fcode not in ("ADM1", "region", "country")
                and h.place.population > max(o.place.population, 1) * 2
            ):
                qualifiers.add(id(h))
    kept = {h.place.name for h in hits if id(h) not in qualifiers}
    # a region kept beside its town takes the town's role: "a soldier from Rossosh in Russia's Voronezh region"
    roles = {id(h): o.role for h in hits if h.place.fcode in ("ADM1", "region") for o in hits if qualifies(h, o)}
    return [replace(h, role=roles.get(id(h), h.role)) for h in hits if id(h) not in qualifiers or h.place.name in kept]


def _agency_seat(toks: Sequence[Token], i: int, n: int) -> bool:
    """ "The Indian embassy in Moscow said": the seat of the agency that speaks, not a place of the event
    (a rally "near Russia's embassy in Colombo" is in Colombo)."""
    before = [t.word for t in toks[max(0, i - 3) : i]]
    after = toks[i + n].word if i + n < len(toks) else ""
    return any(w.startswith(AGENCY_BEFORE) for w in before) and after.startswith(SPEECH)


def _background(toks: Sequence[Token], i: int) -> bool:
    """The place names the battle the soldiers fought earlier (see BACKGROUND_BEFORE)."""
    before = [t.word for t in toks[max(0, i - 3) : i]]
    if not before:
        return False
    if before[-1].startswith(BACKGROUND_BEFORE):
        return True
    return len(before) > 1 and before[-1] in INTRO and before[-2].startswith(BACKGROUND_BEFORE)


# a border crossing named by its town: "на КПП «Краковец»", "на пункті пропуску «Краковець»" (team-heldout-9)
CHECKPOINT = {"кпп", "пропуску", "пропуска", "checkpoint", "crossing", "станції", "станции", "станція", "станция"}


def _in_name(text: str, start: int, end: int) -> bool:
    """The place is a word of a short quoted name («ДНР» of a regiment, "Anne of Kyiv", «Путь домой»).

    A quoted phrase of at most five words that starts with a capital and follows no colon or dash
    is a name (of a unit, a movement, a channel); quoted speech follows "говорит:" or is longer.
    """
    line_start = text.rfind("\n", 0, start) + 1
    for pos in range(start - 1, max(line_start, start - 60) - 1, -1):
        ch = text[pos]
        if ch in QUOTES or ch in "»”":
            if ch not in QUOTES or (ch == '"' and text.count('"', line_start, pos) % 2 == 1):
                return False  # a closing quote: the place is outside
            close = text.find(QUOTES[ch], end, end + 60)
            if close < 0:
                return False
            inner = text[pos + 1 : close]
            before = text[line_start:pos].rstrip()
            word_before = before.rsplit(None, 1)[-1].lower() if before else ""
            if word_before in INTRO or word_before in CHECKPOINT:
                return False  # "воюющие в «ЛНР»", "на КПП «Краковец»": a place written in quotes
            return (
                bool(inner[:1].isupper())
                and len(inner.split()) <= 5
                and not inner.rstrip().endswith((".", "!", "?"))
                and not before.endswith((":", "—", "-", "–"))
            )
    return False


@lru_cache(maxsize=50_000)
def _other_lemmas(word: str, lang: str) -> tuple[str, ...]:
    """Every normal form the dictionary gives a Cyrillic word, beyond the first."""
    from sitrep.enrich.lemmas import _morph

    if lang not in ("ru", "uk") or not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return ()
    return tuple(dict.fromkeys(str(p.normal_form).replace("ё", "е") for p in _morph(lang).parse(word)[1:]))


# A sentence opening with these recalls earlier events ("Нагадаємо, ... під Очеретиним"): its
# places are background, not where this report's event happened.
RECALL_OPENERS = {"нагадаємо", "напомним", "напомню", "нагадуємо", "recall"}
IRREGULAR_ADJ = {
    "запорож": "запорожье",
    "запоріз": "запоріжжя",
    "запорі": "запоріжжя",
    "чува": "чувашія",  # uk "чуваський" (ru "чувашский" -> Чувашия by the rule)
    # "новгородский": no town is called Novgorod (the city is Veliky Novgorod); the men's region
    "новгород": "новгородская область",
    "новгородсь": "новгородська область",
    "старооскол": "старый оскол",  # "старооскольский", "старооскольський": Stary Oskol (team-heldout-17)
    "староосколь": "старый оскол",
}
DIRECTION = ("направлен", "напрям")
LIST_WORDS = {"и", "і", "й", "та", "and", "а", "также", "or", "или", "або"}
PLURAL_REGION_WORDS = {
    "областей": "область",
    "областях": "область",
    "областям": "область",
    "областями": "область",
    "области": "область",  # uk plural "з Курської та Брянської області" is rare; ru nominative plural
    "області": "область",
    "краев": "край",
    "краях": "край",
    "краёв": "край",
    "країв": "край",
}
ADJ_SUFFIXES = ("ский", "ський", "цкий", "цький", "зький", "ской", "цкой")


# an adjective's oblique form whose lemma the dictionary gives as a neuter village name ("на Торецькому напрямку":
# Торецьке): the masculine adjective, from the word itself
_ADJ_OBLIQUE = re.compile(r"(.{3,}(?:ськ|цьк|зьк|ск|цк))(?:ому|ого|ім|ій|ої|у|а|е|ими|их|ом|ой|ую|ая|ое|ым|ых)")


def _adj_lemma(tok: Token) -> str:
    if tok.lemma.endswith(ADJ_SUFFIXES):
        return tok.lemma
    m = _ADJ_OBLIQUE.fullmatch(tok.word)
    if m is None or not _cyrillic(tok.word):
        return tok.lemma
    return m.group(1) + "ий"


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _bare(word: str) -> str:
    """ "kenya's" -> "kenya": the English possessive off a name."""
    return word[:-2] if word.endswith("'s") else word


def _footer(toks: Sequence[Token]) -> bool:
    """A channel's footer or forwarding header ("Подписывайтесь на Приморье Live", "🔔 Севастополь сегодня —
    подписаться", "Переслано из: Донецк сегодня", "↪️ Forwarded from Kyiv Today"): it names a channel."""
    if toks[0].word in FOOTER_OPENERS:
        return True
    if len(toks) > 1 and (toks[0].word, toks[1].word) in FORWARDED:
        return True
    return len(toks) <= FOOTER_MAX and any(t.word in FOOTER_OPENERS for t in toks)


def _link(text: str, toks: Sequence[Token]) -> bool:
    """The sentence is a link to another article ("Read more: ...", "Related: ...", "Читайте также")."""
    second = toks[1].word if len(toks) > 1 else ""
    for first, then in LINK_OPENERS:
        if toks[0].word == first and (second == then if then else text[toks[0].end : toks[0].end + 1] == ":"):
            return True
    return False


@lru_cache(maxsize=20_000)
def _adjective_form(word: str, lang: str) -> bool:
    """The dictionary reads the word as an adjective first ("Радужного", "Тазовского")."""
    if lang not in ("ru", "uk"):
        return False
    from sitrep.enrich.lemmas import _morph

    parse = _morph(lang).parse(word)
    return any("ADJF" in str(p.tag) for p in parse[:2])


def _noun_phrase_goes_on(text: str, tok: Token, nxt: Token, lang: str) -> bool:
    """An adjective-shaped word ("Советском", "Радужного") followed by a lower-case noun or adjective: the
    capital begins a name of something else ("в Советском районе", "из Южного военного округа")."""
    if lang not in ("ru", "uk") or not nxt.word.isalpha() or not text[nxt.start].islower():
        return False
    if text[tok.end : nxt.start].strip():
        return False  # "из Радужного (ХМАО)", "из Радужного, где": punctuation ends the phrase
    if not _adjective_form(tok.word, lang):
        return False
    from sitrep.enrich.lemmas import _morph

    morph = _morph(lang)
    if not any(t in str(morph.parse(nxt.word)[0].tag) for t in ("NOUN", "ADJF", "PRTF")):
        return False
    # only a word that agrees with the adjective in case and number goes on with it: "в Советском районе", not "под
    # Левокумским заключённые подписали" (a new clause's subject; codebook 1.21, team-heldout-85)
    adj = {(p.tag.case, p.tag.number) for p in morph.parse(tok.word)[:4] if "ADJF" in str(p.tag)}
    nxt_forms = {(p.tag.case, p.tag.number) for p in morph.parse(nxt.word)[:4]}
    return bool(adj & nxt_forms) or not adj


@lru_cache(maxsize=20_000)
def _modifier(word: str, lang: str) -> bool:
    """An adjective or participle that may stand between a preposition and a name ("в окупованому
    Донецьку", "in occupied Donetsk", "in nearby Pokrovsk")."""
    if word.isascii():
        return word in EN_MODIFIERS or (len(word) > 4 and word.endswith("ed"))
    from sitrep.enrich.lemmas import _morph

    parse = _morph(lang if lang in ("ru", "uk") else "ru").parse(word)
    return bool(parse) and any(t in str(parse[0].tag) for t in ("ADJF", "PRTF"))


def _institution_seat(toks: Sequence[Token], i: int, nxt_word: str, gaz: Gazetteer) -> GazPlace | None:
    """The town where an institution named by its town's adjective sits, or None: an oblast's ("біля Вінницької
    обласної військової адміністрації", "Владимирской областной думы": its centre, not the village Vinnytske;
    team-heldout-9 th9-056), a town's council ("під Смілянську міську раду"), a court, and a district's
    administration ("у администрации Камбарского района": its seat; codebook 1.15, team-heldout-39)."""
    if not toks[i].lemma.endswith(ADJ_SUFFIXES):
        return None
    if nxt_word.startswith(DISTRICT) and i > 0 and toks[i - 1].lemma in ADMINISTRATION:
        seat = _from_adjective(toks[i], gaz, min_population=5_000)
        if seat is not None and seat.fcode not in ("ADM1", "region", "country"):
            return seat
    # not "Полтавська обласна прокуратура повідомила": the agency that speaks of the case
    if not (nxt_word.startswith(REGIONAL + MUNICIPAL) or _court_after(toks, i)) or _reporting_agency(toks, i):
        return None
    seat = _from_adjective(toks[i], gaz)
    if seat is None and nxt_word.startswith(MUNICIPAL):
        seat = _from_adjective(
            toks[i], gaz, min_population=5_000
        )  # a town's own council: "біля Полонської міської ради"
    return seat if seat is not None and seat.fcode not in ("ADM1", "region", "country") else None


# the forms of "district" after a district's adjective ("Рогнединского района", "у Нежинському районі"); not
# "районный суд" (a court) or "районная администрация"
DISTRICT_FORMS = frozenset(
    {"район", "района", "району", "районе", "районі", "районом", "округ", "округа", "округе", "окрузі", "округу"}
)
# districts named after people, dates or parts of a city, not after their centre: "Кировский район", "Советского
# района", "Свердловского района" (a district of Perm, reports-dev rd-017), "Шевченківський район"
COMMEMORATIVE_DISTRICTS = (
    "ленин",
    "кіров",
    "киров",
    "свердлов",
    "октябр",
    "жовтнев",
    "советск",
    "радянськ",
    "центральн",
    "заводск",
    "заводськ",
    "калинин",
    "калінін",
    "фрунзен",
    "дзержин",
    "куйбышев",
    "куйбишев",
    "орджоникидзе",
    "орджонікідзе",
    "ворошилов",
    "красноарме",
    "червоноарм",
    "первомай",
    "железнодорож",
    "залізнич",
    "промышлен",
    "промислов",
    "индустриал",
    "індустріал",
    "тракторозавод",
    "пролетар",
    "комсомол",
    "шевченк",
    "кутузов",
    "приморск",
    "приморськ",
    "московск",
    "московськ",
    "ленинград",
    "пушкин",
    "пушкін",
    "красногвард",
    "червоногвард",
    "горьков",
    "чапаев",
)


# adjectives of a colony's kind, not its town (a colony is named by its town's adjective: "ныробской колонии" is in
# Nyrob, "зі Стрижавської колонії" in Stryzhavka; codebook 1.20, team-heldout-79)
GENERIC_COLONIES = (
    "женск",
    "жіноч",
    "мужск",
    "чоловіч",
    "детск",
    "дитяч",
    "воспитательн",
    "виховн",
    "городск",
    "міськ",
    "сельск",
    "сільськ",
    "военн",
    "воєнн",
    "российск",
    "російськ",
    "украинск",
    "українськ",
)


def _district_seat(text: str, toks: Sequence[Token], i: int, nxt_word: str, gaz: Gazetteer) -> list[GazPlace]:
    """The centre of a district named by its adjective (its namesakes, to choose among), or none, and the town of a
    colony named so ("ныробской колонии"): "из Рогнединского района" is Rognedino, "Некрасовского района"
    Nekrasovskoye, "из Нежинского района" Nizhyn (codebook 1.20; the team sets label the centre so:
    team-heldout-52's Levashi, -64's Shentala, -76's Rognedino, -77's Nekrasovskoye). Not a district named after a
    person or a date ("Кировского района"), not a district of a big city ("Київського району Харкова"), not a centre
    of 100,000 people or more ("Ярославский район" is the countryside round Yaroslavl)."""
    tok = toks[i]
    colony = nxt_word.startswith(("колони", "колоні"))
    if not (nxt_word in DISTRICT_FORMS and text[tok.start].isupper() or colony):
        return []
    lem = _adj_lemma(tok)
    if not lem.endswith(ADJ_SUFFIXES) or lem.startswith(COMMEMORATIVE_DISTRICTS):
        return []
    if colony and lem.startswith(GENERIC_COLONIES):
        return []  # "женской колонии", "виправної колонії": a kind of colony, not its town
    if i + 2 < len(toks) and text[toks[i + 2].start].isupper() and toks[i + 2].word not in STOP:
        return []  # "Київського району Харкова": a district of a city
    # a centre named by the adjective's neuter form before other shapes: "Некрасовского района" is Nekrasovskoye, not
    # Nekrasovka (but "Белозерского округа" is Belozersk)
    cands = _adjective_places(tok, gaz, 0, ("ое", "е") if lem.endswith(("ский", "цкий")) else ("е",))
    cands = [c for c in cands if c.fcode not in ("ADM1", "region", "country") and c.country in ("RU", "UA", "BY")]
    return cands if cands and max(c.population for c in cands) < BIG else []


def _weak_intro(toks: Sequence[Token], i: int, lang: str, text: str) -> bool:
    """A locative word right before a name the gazetteer keeps only after one ("~" keys), or before a lower-case
    adjective before it: "у вірменському Ванадзорі", "в подмосковном Красногорске" (codebook 1.15,
    team-heldout-30); or "from" before the first of two names joined by "and": "из Славянки и Краскино" (codebook
    1.21, team-heldout-86)."""
    if i > 0 and toks[i - 1].word in WEAK_KEY_INTRO:
        return True
    if (
        0 < i < len(toks) - 2
        and toks[i - 1].word in WEAK_ADJECTIVE_FROM
        and toks[i + 1].word in COORDINATORS
        and text[toks[i + 2].start].isupper()
        and not text[toks[i].end : toks[i + 1].start].strip()
        # not first names: "из Надежды и Веры Ивановой"
        and not _first_name(toks[i].word, lang)
        and not _first_name(toks[i + 2].word, lang)
    ):
        return True
    return (
        i > 1
        and toks[i - 2].word in WEAK_KEY_INTRO
        and _modifier(toks[i - 1].word, lang)
        and not text[toks[i - 1].start].isupper()
    )


# a lower-case adjective of a town or an oblast ("брянської", "курской", "подмосковного"): the name after it is a town
PLACE_ADJECTIVE = re.compile(r"[а-яёіїєґ']{3,}(?:ськ|цьк|ск|цк|овн)(?:ой|ого|ому|ом|ая|ую|ий|ый|ое|ої|ій|ім|а|у|е|і)")


def _introduced(
    toks: Sequence[Token], i: int, n: int, words: set[str] = INTRO, lang: str = "ru", text: str = ""
) -> bool:
    """A word before the name makes it a place: "в", "near", "село" (``words``), also past an adjective
    ("в окупованому Донецьку") or an abbreviation ("в г. Курске"); or a word for an area follows it
    ("the Sudzha district", "the Sievierodonetsk area")."""
    prev = toks[i - 1].word if i > 0 else ""
    if prev in words or prev in ORIGIN_BEFORE:  # "житель Ялты", "natives of": a place of origin
        return True
    if prev.endswith("'s") and _bare(prev) in REGION_WORDS:
        return True  # "the Kharkiv region's Vovchansk"
    if (
        i > 2
        and prev in COORDINATORS
        and text
        and text[toks[i - 2].start].isupper()
        and (toks[i - 3].word in words or toks[i - 3].word in ORIGIN_BEFORE)
        and not text[toks[i - 2].end : toks[i - 1].start].strip()
        # not after "to", "до" (or a Latin word after "from", "by"): "an appeal to Gerasimov and Belousov"
        and toks[i - 3].word not in ADDRESSEE_INTRO
        and not (toks[i].word.isascii() and toks[i - 3].word in BEFORE_PERSON)
    ):
        return True  # "из Славянки и Краскино", "з Поярково та Екімчана": the second of two names after one preposition
    if (
        i > 0
        and PLACE_ADJECTIVE.fullmatch(prev)
        and not (text and text[toks[i - 1].start].isupper())
        and _modifier(prev, lang)
    ):
        return True  # "у відділі поліції брянської Навлі", "курской Суджи": a town named with its oblast's adjective
    if prev in OF_TOWN or (prev.startswith(("площі", "площад")) and i > 1 and text[toks[i - 2].start].isupper()):
        return True  # "біля міськради Горішніх Плавнів", "на Соборній площі Овруча": the town's own building or square
    if (
        prev == "the"
        and i > 1
        and toks[i - 2].word in SEAT_BEFORE
        and i + n < len(toks)
        and toks[i + n].word in SEAT_AFTER
    ):
        return True  # "outside the Iskitim town administration"
    if i > 1 and toks[i - 2].word in words:
        if prev in ("г", "с", "м", "смт", "пгт"):
            return True
        # a lower-case adjective only: "на Большой Дмитровке" is a street's two-word name
        if _modifier(prev, lang) and not (text and text[toks[i - 1].start].isupper()):
            return True
    return i + n < len(toks) and toks[i + n].word in AREA_AFTER and toks[i].word.isascii()


def _clause_start(text: str, toks: Sequence[Token], i: int) -> bool:
    """The word opens a sentence or a clause after a colon or dash, so its capital letter says nothing."""
    if i == 1 and toks[0].word.isdigit() and ITEM_NUMBER.fullmatch(text, toks[0].start, toks[1].start):
        return True  # "1️⃣ Кіровський гарнізонний суд", "2) Heavy shelling": an item of a digest
    if i == 0:
        return True
    gap = text[toks[i - 1].end : toks[i].start]
    # "... від мобілізованих 🙃 Тамбовські зв'язківці": an emoji ends a sentence in a post
    return bool(re.fullmatch(r"\s*[:—–]\s*", gap)) or any(unicodedata.category(ch) == "So" for ch in gap)


NEAR_WORDS = {
    "near",
    "outside",
    "around",
    "под",
    "подо",
    "під",
    "біля",
    "поблизу",
    "около",
    "возле",
    "вокруг",
    "навколо",
}


# "India's foreign ministry", "Kenya's embassy": the one who speaks
GOVERNMENT_AFTER = {
    "ministry",
    "government",
    "governor",
    "president",
    "parliament",
    "embassy",
    "authorities",
    "agency",
    "officials",
    "administration",
    "mayor",
}


def _possessive_government(toks: Sequence[Token], i: int, n: int, cands: Sequence[GazPlace]) -> bool:
    """ "Kenya's foreign ministry said", "India's embassy": a country's government or its agency by the
    possessive, which speaks of the event from abroad and is no place of it ("in Kyiv's Maidan square" is
    checked by the caller's locative)."""
    if not toks[i + n - 1].word.endswith("'s") or _introduced(toks, i, n, IN_WORDS):
        return False
    if not all(c.fcode == "country" for c in cands):
        return False  # "Tatarstan's state news agency", "Orenburg's governor": regional news of the event's region
    return any(t.word in GOVERNMENT_AFTER for t in toks[i + n : i + n + 3])


def _vicinity_of_capital(toks: Sequence[Token], i: int, cands: list[GazPlace]) -> bool:
    """ "a prison near Moscow", "Kotelniki outside Moscow", "колония под Москвой": somewhere in the
    capital's wide surroundings (a place the text names otherwise or not at all), not the city. Kyiv's
    surroundings were a front in 2022 ("бои под Киевом"): they stay."""
    return (
        i > 0 and toks[i - 1].word in NEAR_WORDS and all(c.fcode in METONYM_KINDS and c.country != "UA" for c in cands)
    )


def _governed(toks: Sequence[Token], i: int) -> bool:
    """ "Власти Татарстана", "under the command of the self-proclaimed DPR", "МЗС Індії": the government,
    not a place."""
    j = i - 1
    while j >= 0 and i - j <= 4 and toks[j].word in GOVERNMENT_SKIP:
        j -= 1
    if j > 0 and toks[j - 1].word.startswith(BUILDING):
        return False  # "пришли к зданию правительства края", "біля будівлі уряду": where people gathered
    return j >= 0 and toks[j].word in GOVERNMENT_BEFORE


BUILDING = ("здани", "будівл", "будинк", "building", "office", "headquarters", "приемн", "приёмн", "приймальн")


def _not_settlement(toks: Sequence[Token], i: int, n: int, cands: list[GazPlace], text: str) -> bool:
    """A settlement's name used for a river ("на лівому березі Дніпра", "the Dnipro"), a ship ("the
    cruiser Moskva") or a district ("в Кировском районе"); regions and countries are not affected."""
    if not all(c.fcode[:3] == "PPL" or c.fcode in ("city", "town") for c in cands):
        return False
    if i + n < len(toks) and _cyrillic(toks[i].word) and toks[i + n].word.startswith(("район", "округ")):
        return True  # "в Кировском районе": a district named after someone, not the village Kirovske
    if (
        n == 1
        and i + 2 < len(toks)
        and _cyrillic(toks[i].word)
        and toks[i].lemma.endswith(ADJ_SUFFIXES)
        and toks[i + 2].word.startswith(HONORIFIC_UNITS)
        and toks[i + 1].lemma.endswith(("ый", "ий", "ой"))
    ):
        return True  # "5-й Тацинской танковой бригады": a unit's honorific name (codebook 1.20, reports-dev rd-085)
    # "на Приморском бульваре", "на улице Харьковской", "Pushkinska Street": a street named after a town
    if i + n < len(toks) and (toks[i + n].word.startswith(STREET) or toks[i + n].word in STREET_EN):
        return True
    if i > 0 and toks[i - 1].word.startswith(STREET):
        # but the town's main square is the town's: "на центральній площі Олександрії" (team-heldout-19)
        # and so is a square with a name of its own: "на Соборній площі Овруча"
        return not (
            i > 1
            and (toks[i - 2].word.startswith(("центральн", "главн", "головн")) or text[toks[i - 2].start].isupper())
        )
    before = [t.word for t in toks[max(0, i - 3) : i]][::-1]  # nearest first
    if before and before[0] == "the":
        before = before[1:]
        after = toks[i + n].word if i + n < len(toks) else ""
        seat = after in SEAT_AFTER and bool(before) and before[0] in SEAT_BEFORE
        if toks[i].word.isascii() and after not in AREA_AFTER and after not in INSTITUTION_AFTER and not seat:
            return True  # English writes no article before a town: "the Dnipro" is the river
    if before and before[0] == "of":
        before = before[1:]
    return bool(before) and (before[0].startswith(VESSEL_BEFORE) or before[0] in RIVER_WORDS)


RIVER_NOUNS = {"river", "река", "реки", "реке", "реку", "рекой", "річка", "річки", "річці", "річку", "річкою"}


# an outlet named by its town ("the Odesa Telegram channel", "одесский канал", "Житомирська газета") or a town word
# inside an outlet's name after its kind ("the channel Kaluga bez filtrov", "каналу Калуга без фильтров"): where the
# outlet is, not where the event happened (team-heldout-9 th9-031, th9-043, th9-073)
# the kinds of outlet the via extractor reads ("каналу", "телеграм-канал", "newspaper", "website"), one word each
_OUTLET_WORD = re.compile(rf"(?:{KIND_OUTLET})")
OUTLET_FILLERS = {"telegram", "телеграм", "telegram-", "local", "news", "independent", "opposition", "online", "the"}
REGIONAL = ("обласн", "областн")
MUNICIPAL = ("міськ", "городск")  # "Смілянська міська рада", "Искитимская городская администрация"
DISTRICT = ("район", "округ")
ADMINISTRATION = frozenset({"администрация", "адміністрація"})
RANGE = ("полигон", "полігон")
# a court named by its town's adjective sits in that town: "Чернівецький суд", "Екатеринбургский гарнизонный военный
# суд" (codebook: the court's city is an event place; team-heldout-12)
# not a district court: "Київський районний суд Харкова" is named by a district of Kharkiv (team-heldout-10); but a
# town-and-district court is the town's: "Ковельський міськрайонний суд" (team-heldout-15)
COURT_KINDS = {
    "гарнизонный", "военный", "городской", "окружной", "областной", "апелляционный", "гарнізонний", "військовий",
    "міський", "окружний", "обласний", "апеляційний", "міськрайонний", "горрайонный", "межрайонный",
    "міжрайонний",
}  # fmt: skip


def _court_after(toks: Sequence[Token], i: int) -> bool:
    """The word after the adjective is a court, with up to two court kinds between ("гарнизонный военный суд")."""
    for t in toks[i + 1 : i + 4]:
        if t.lemma in ("суд", "суд.") or t.word.startswith("суд") and t.word[3:] in ("", "а", "у", "ом", "і", "е"):
            return True
        if t.lemma not in COURT_KINDS:
            return False
    return False


def _outlet_home(toks: Sequence[Token], i: int, n: int) -> bool:
    j = i + n
    while j < len(toks) and j < i + n + 2 and toks[j].word in OUTLET_FILLERS:
        j += 1
    if j < len(toks) and _OUTLET_WORD.fullmatch(toks[j].word):
        return True
    k = i - 1
    while k >= 0 and k > i - 3 and toks[k].word in OUTLET_FILLERS:
        k -= 1
    return k >= 0 and bool(_OUTLET_WORD.fullmatch(toks[k].word))


def _river(toks: Sequence[Token], i: int, cands: Sequence[GazPlace]) -> bool:
    """ "На реке Камчатка продлили путину", "the river Don": a river named after (or naming) its region; and the
    Dnieper, which names the city Dnipro: "у Змиевки на Днепре", "над Дніпром", "на лівобережжі Дніпра", "across the
    Dnipro" (codebook 1.19, team-heldout-69, -71)."""
    if i > 0 and toks[i - 1].word in RIVER_NOUNS:
        return True
    if not all(c.name == "Dnipro" for c in cands):
        return False
    word, prev = toks[i].word, toks[i - 1].word if i > 0 else ""
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    if word.isascii():
        return nxt in ("river", "river's") or (
            prev == "the" and i > 1 and toks[i - 2].word in ("across", "on", "over", "along", "cross", "crossed")
        )
    if prev in ("над", "вдоль", "вздовж", "через") or (prev == "на" and word in ("днепре", "дніпрі")):
        return True  # the city is "в Днепре", "у Дніпрі"
    if prev == "за" and word in ("днепром", "дніпром", "днепр", "дніпро"):
        return True
    return prev.startswith(RIVER_BANKS)


# the banks of a river, before its name in the genitive: "на лівобережжі Дніпра", "левый берег Днепра"
RIVER_BANKS = ("берег", "лівобереж", "левобереж", "правобереж", "побереж", "узбереж", "прибереж")


# a town's own building or centre named before it, in the genitive: "біля міськради Горішніх Плавнів"
OF_TOWN = {
    "міськради", "міськрадою", "мерії", "мэрии", "горсовета", "горсовете", "горадминистрации", "райадминистрации",
    "центре", "центрі", "окраине", "окраїні", "околиці", "околицях", "окрестностях", "військкомату", "военкомата",
}  # fmt: skip
# "the Nalchik military court", "the Rostov garrison court": an institution named by its town sits there
INSTITUTION_AFTER = {"military", "garrison", "court", "enlistment", "assembly"}
# "outside the Voronezh regional duma", "at the Perm city hall": the town of the building where people gathered
SEAT_AFTER = {
    "regional",
    "city",
    "town",
    "crossing",
    "checkpoint",
    "duma",
    "legislature",
    "parliament",
    "administration",
    "council",
    "governor's",
}
# the building's word or the gathering's verb before "the": "picketed the Brovary city council" (team-heldout-15)
SEAT_BEFORE = {
    "outside", "at", "near", "before", "by", "to", "into", "in", "inside", "picketed", "picketing", "picket",
    "besieged", "blockaded", "surrounded", "occupied",
}  # fmt: skip

# a road or a ticket to a place (codebook 1.20, team-heldout-76)
ROAD_TO = ("трас", "шосе", "шоссе", "автодорог", "автотрас", "билет", "білет", "квит", "ticket", "road", "highway")
ROUTE_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")


def _route(text: str, toks: Sequence[Token], i: int, n: int, gaz: Gazetteer, lang: str) -> bool:
    """The name is a stop of a road or route ("трасу Київ – Варшава", "Р-14 (Луцьк – Ківерці – Маневичі)"):
    another place name joined to it by a dash."""
    if i > 1 and toks[i - 1].word in ("на", "до", "to", "towards") and toks[i - 2].lemma.startswith(ROAD_TO):
        return True  # "перекрили трасу на Житомир", "покупали билеты на Киев": where the road or ticket leads
    end = toks[i + n - 1].end
    if i + n < len(toks):
        m = ROUTE_DASH.match(text, end)
        if m and m.end() == toks[i + n].start and text[toks[i + n].start].isupper():
            if _candidates(gaz, _keys(toks, i + n, 1, lang), False):
                return True
    if i > 0:
        m = ROUTE_DASH.fullmatch(text, toks[i - 1].end, toks[i].start)
        if m and text[toks[i - 1].start].isupper():
            return bool(_candidates(gaz, _keys(toks, i - 1, 1, lang), False))
    return False


def _rear_ua_village(c: GazPlace) -> bool:
    return c.country == "UA" and c.fcode[:3] == "PPL" and c.population < 10_000 and c.admin1 not in FRONT_OBLASTS


def _shared_region(toks: Sequence[Token], i: int, gaz: Gazetteer) -> GazPlace | None:
    """The oblast of an adjective in a list that shares one plural "областей" ("Курской, Белгородской
    и Брянской областей"), or None."""
    if not toks[i].lemma.endswith(ADJ_SUFFIXES):
        return None
    adjectives = 1
    for j in range(i + 1, min(len(toks), i + 12)):
        word = toks[j].word
        if word in PLURAL_REGION_WORDS:
            if adjectives < 2 and j == i + 1:
                return None  # one adjective before a plural: not a list
            hit = [c for c in gaz.lookup(f"{toks[i].lemma} {PLURAL_REGION_WORDS[word]}") if c.fcode == "region"]
            return hit[0] if hit else None
        if word in LIST_WORDS:
            continue
        if not toks[j].lemma.endswith(ADJ_SUFFIXES):
            return None
        adjectives += 1
    return None


HOME_ADJECTIVES = ("украин", "україн", "росси", "російськ", "русск", "руськ")


def _people_from(toks: Sequence[Token], i: int) -> bool:
    """A town's adjective before its people or its unit, a small town too (team-heldout-17, -19): "гусиноозёрские
    мобилизованные", "Шуйские мобики", "старооскольського загону", "краснокаменские из 1441-го полка"."""
    if toks[i].lemma.startswith(HOME_ADJECTIVES):
        return False  # "украинских военных": the country's men (not the town Ukrainsk's)
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    if nxt.startswith((*PEOPLE_STEMS, "мобик", "мобік", "хлопц", "мужик", "парн")):
        return True
    return nxt in ("из", "з", "із", "зі") and i + 2 < len(toks) and toks[i + 2].word[:1].isdigit()


def _based_person(toks: Sequence[Token], i: int, n: int, text: str) -> bool:
    """ "a Kyiv lawyer writes", "the Chernihiv regional prosecutor's office said": the town of a person or an office
    that tells of the case, in English, not a place of it (unless people gathered there: "outside the Chernihiv
    regional prosecutor's office")."""
    if i + n >= len(toks) or not toks[i].word.isascii() or text[toks[i + n - 1].end : toks[i + n].start].strip():
        return False  # "at the bus station in Salsk, regional police said": a comma ends the name
    nxt = toks[i + n].word
    nxt2 = toks[i + n + 1].word if i + n + 1 < len(toks) else ""
    prev = toks[i - 1].word if i > 0 else ""
    if nxt in PERSON_AFTER_EN:
        return prev in ("a", "an", "the")
    if nxt in ("regional", "city", "district") and nxt2.startswith(("prosecutor", "police")):
        return not (i > 1 and prev == "the" and toks[i - 2].word in SEAT_BEFORE)
    return False


PERSON_AFTER_EN = {
    "lawyer", "lawyers", "attorney", "attorneys", "journalist", "journalists", "blogger", "bloggers", "reporter",
    "reporters", "correspondent", "analyst", "analysts", "researcher", "researchers", "historian", "activist",
    "activists",
}  # fmt: skip
# a unit named after its town's adjective: "в слонимской в/ч 5448", "слонимской воинской части"
UNIT_AFTER = ("частин", "части", "воинск", "гарнизон", "гарнізон")
COUNTRY_ADJ = ("украин", "україн", "российск", "російськ", "русск", "белорус", "білорус", "казах", "молдав")


def _reporting_agency(toks: Sequence[Token], i: int) -> bool:
    """ "Полтавська обласна прокуратура повідомила": a prosecutor's or police office named by its oblast's adjective
    tells of a case elsewhere; not where people went ("біля будівлі Полтавської обласної прокуратури")."""
    if i + 2 >= len(toks) or not toks[i + 2].word.startswith(REPORTING):
        return False
    prev = toks[i - 1].word if i > 0 else ""
    return not (prev in INTRO or prev in ("к", "ко", "перед") or prev.startswith(BUILDING))


REPORTING = ("прокуратур", "поліці", "полици", "управлін", "управлен")


def _from_adjective(tok: Token, gaz: Gazetteer, capital: bool = False, min_population: int = BIG) -> GazPlace | None:
    """A big place (100k+ people, a region or a country) named by its adjective, or None; a smaller
    town before "направлении"/"напрямку" ("на Покровському напрямку" is the Pokrovsk front)."""
    if capital:
        return None  # "головнокомандувача Сирського" is the general, not Syria; callers check "в Казанском"
    cands = _adjective_places(tok, gaz, min_population)
    if min_population < BIG and cands and all(c.population < BIG for c in cands):
        # a region named by the adjective over a small town its stem also names: "у забайкальському гарнізоні" is
        # Zabaykalsky Krai, not the town Zabaykalsk (codebook 1.20, team-heldout-78)
        regions = [c for c in _adjective_places(tok, gaz) if c.fcode in ("ADM1", "region")]
        cands = regions or cands
    # the town over its oblast: "запорожский" is Zaporizhzhia (the city and its front)
    return max(cands, key=lambda c: (c.fcode not in ("ADM1", "region"), c.population)) if cands else None


def _adjective_places(
    tok: Token, gaz: Gazetteer, min_population: int = BIG, first: Sequence[str] = ()
) -> list[GazPlace]:
    """The places of the first of the adjective's keys (the "-ск" town, then the endings ``first`` adds to it, then
    the others) that names any: the namesakes of one town, to choose among."""
    lem = _adj_lemma(tok)
    suffix = next((s for s in ADJ_SUFFIXES if lem.endswith(s)), None)
    if suffix is None or len(lem) < 7 or tok.word in STOP:
        return []
    base = lem[: -len(suffix)]
    keys = [
        lem[:-2],
        *(lem[:-2] + f for f in first),
        base,
        base + "ь",
        base + "а",
        base + "ия",
        base + "ія",
        base + "ск",
        base.rstrip("ь"),
    ]
    keys.append(base + "ль")  # "ярославский" -> Ярославль
    if base.endswith("ин"):  # "читинский" -> Чита, "ялтинский" -> Ялта
        keys.append(base[:-2] + "а")
    if suffix in ("цький", "цкий"):  # a town named by the adjective itself: Хмельницький, Кропивницький
        keys.append(lem)
        keys += [base + "ця", base + "ца"]  # "вінницький" -> Вінниця, "винницкий" -> Винница
        if base[-1:] in ("е", "и"):  # a fleeting vowel: "чернівецький" -> Чернівці, "черновицкий" -> Черновцы
            keys += [base[:-1] + "ці", base[:-1] + "цы"]
        keys.append(base + "ц")  # "гороховецкий" -> Гороховец
        keys.append(base + "ць")  # "кременецький" -> Кременець
    keys.append(base + "о")  # "елизовский" -> Елизово, "кемеровский" -> Кемерово (team-heldout-22)
    keys.append(base + "ка")  # "камбарский" -> Камбарка, "ольховатский" -> Ольховатка
    if base.endswith("н"):  # "рівненський" -> Рівне, "ровенский" -> Ровно
        keys += [base[:-1], base[:-2] + "но"]
    if suffix == "зький":  # "воронезький" -> Воронеж, "оренбурзький" -> Оренбург
        keys += [base + "ж", base + "г"]
    if suffix == "ський":  # "одеський" -> Одеса, "черкаський" -> Черкаси
        keys += [base + "са", base + "си"]
    if base.endswith("ян"):  # "смілянський" -> Сміла, "тульский"-like "-янск": "смелянский" -> Смела
        keys.append(base[:-2] + "а")
    keys.append(base + "не")  # "полонський" -> Полонне
    if base.endswith("й"):  # "замбийский" -> Замбия, "замбійський" -> Замбія
        keys.append(base[:-1] + "я")
    # a region in -ье/-'я: "приморский" -> Приморье, "приморський" -> Примор'я, "забайкальский" -> Забайкалье
    keys += [base + "ье", base + "'я", base + "е" if base.endswith("ь") else ""]
    # "запорожский" -> Запорожье, "запорізький" -> Запоріжжя; first, before the town "Новгород" another key finds
    keys[:0] = [IRREGULAR_ADJ[base]] if base in IRREGULAR_ADJ else []
    # a region in -ия/-ія after a soft sign: "карельский" -> Карелия, "карельський" -> Карелія
    keys += [base.rstrip("ь") + "ия", base.rstrip("ь") + "ія"] if base.endswith("ь") else []
    for key in keys:
        if key in STOP or len(key) < 4:
            continue
        cands = [c for c in gaz.lookup(key) if c.population >= min_population or c.fcode in EXTRA_KINDS]
        if not cands and min_population < BIG:
            # a town whose name is also a common word ("~слоним"): its adjective is its own
            cands = [
                c for c in gaz.lookup("~" + key) if c.population >= min_population and c.country in ("RU", "UA", "BY")
            ]
        if len(cands) > 1 and min_population < BIG:
            # a small town's key may be another town's old name ("Сміла" is also Izmail's): its own name first
            cands = [c for c in cands if _like(c.name, _latin_keys((key,)))] or cands
        if cands:
            return cands
    return []


def _demonym(tok: Token, gaz: Gazetteer) -> tuple[GazPlace, bool] | None:
    """A region named by its residents or adjective in lower case ("вологжан"), or None."""
    if not tok.word[:1].isalpha():
        return None
    if tok.word[0] in DEMONYM_INITIALS:  # cheap exit: every stem above starts with one of these letters
        for stem, name, people in DEMONYMS:
            if tok.word.startswith(stem):
                hit = [c for c in gaz.lookup(name.lower()) if c.fcode in ("region", "country")]
                return (hit[0], people) if hit else None
    home = _residents(tok.word, gaz)
    return (home, True) if home is not None else None


# residents named by the suffix -ец/-ець ("камерунцев", "курганці", "сирийцы"): the stem before it
RESIDENTS = re.compile(r"^(\w{4,}?)(?:ець|ец|цями|цами|цях|цах|цям|цам|цеві|цев|ців|цы|ці|ца|цу|цем|цю)$")


@lru_cache(maxsize=50_000)
def _residents(word: str, gaz: Gazetteer) -> GazPlace | None:
    """A country, a region or a city of 100,000+ named by its residents with the suffix -ец/-ець in any case:
    "камерунцев" -> Cameroon, "курганці" -> Kurgan, "сирийцы" -> Syria, "кенійців" -> Kenya; the home of
    the people the text tells of (the dictionary words "бойцы", "ополченцы" name no place)."""
    m = RESIDENTS.match(word)
    if m is None or not _cyrillic(word):
        return None
    stem = m.group(1)
    # "курганцы" -> Курган, "самарцы" -> Самара, "сириец" -> Сирия, "испанцы" -> Испания, "непальцы" -> Непал
    keys = [stem, stem + "а", stem + "я", stem + "ия", stem + "ія", stem.rstrip("ь"), stem.rstrip("ь") + "ия"]
    if stem.endswith("й"):  # "сирийцы" -> Сирия, "кенійців" -> Кенія
        keys.append(stem[:-1] + "я")
    for key in keys:
        if key in STOP or len(key) < 4:
            continue
        cands = [
            c
            for c in gaz.lookup(key)
            if c.fcode in ("country", "region", "ADM1") or (c.population >= BIG and c.fcode in ("PPLA", "PPLC", "city"))
        ]
        if cands:
            return max(cands, key=lambda c: (c.fcode not in ("ADM1", "region"), c.population))
    if _known(word, "ru") or _known(word, "uk"):
        return None  # "бойцы", "отцы", "кузнецы": words of the dictionary, no town's people
    # a smaller town's people, a word no dictionary knows: "семикаракорцев" -> Семикаракорск, "кашинцам" -> Кашин,
    # "лукояновцев" -> Лукоянов (codebook 1.15, team-heldout-36)
    for key in (stem, stem + "ск", stem.rstrip("ь")):
        if key in STOP or len(key) < 4:
            continue
        cands = [
            c
            for c in gaz.lookup(key)
            if c.country in HOME_COUNTRIES and c.fcode.startswith("PPL") and c.population >= RESIDENTS_MIN_POPULATION
        ]
        if cands:
            return max(cands, key=lambda c: c.population)
    return None


RESIDENTS_MIN_POPULATION = 5_000  # a town this size may be named by its people's word alone


def _first_name(word: str, lang: str) -> bool:
    """One of the dictionary's first readings of the word is a person's name ("Надежды", "Веры")."""
    if lang not in ("ru", "uk") or not _cyrillic(word):
        return False
    from sitrep.enrich.lemmas import _morph

    return any(t in str(p.tag) for p in _morph(lang).parse(word)[:4] for t in ("Name", "Surn", "Patr"))


def _person_or_adjective(word: str, lang: str, names_only: bool = False) -> bool:
    from sitrep.enrich.lemmas import _morph

    if not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return False
    parse = _morph(lang if lang in ("ru", "uk") else "ru").parse(word)
    if not parse:
        return False
    tag = str(parse[0].tag)
    if names_only:
        return any(t in tag for t in ("Name", "Surn", "Patr"))
    if "Poss" in tag and any("Geox" in str(p.tag) for p in parse[1:3]):
        return False  # "под Работино": a village, not the possessive "работин"
    # "Ровно 500 дней назад": an adverb, not Rivne; "Малі діти": an adjective, not Mali
    return "Geox" not in tag and any(
        t in tag for t in ("Name", "Surn", "Patr", "ADJF", "VERB", "PRTF", "ADVB", "NPRO", "CONJ", "PRCL", "PRED")
    )


# Words that introduce a place or a person addressed: "sent to Bakhmut" / "a letter to Gerasimov",
# "поїхали до Києва" / "звернулися до Сирського"
ADDRESSEE_INTRO = {"to", "до"}


MOTION_BEFORE_TO = {
    "home", "back", "way", "returned", "return", "fled", "flee", "went", "gone", "moved", "travelled", "traveled",
    "headed", "driven", "drove", "walked", "hitchhiked", "escaped", "relocated",
}  # fmt: skip


def _addressee(text: str, toks: Sequence[Token], i: int, lang: str) -> bool:
    """The word after "to"/"до" is more likely a person: a Latin name of a small place (Russian surnames
    are village names too: Belousov, Gladkov; towns of 10,000+ stay: "sent to Bakhmut" is checked by the
    caller), or an adjective-shaped Cyrillic word in a man's genitive that no noun follows ("до
    Залужного", not "до Полтавського ТЦК" or "до Красного села")."""
    if toks[i].word.isascii():
        # "made their way home, mostly to Vysokopillia", "fled back to Kozelets": a way home, not a letter to someone
        # (codebook 1.19, team-heldout-69)
        return not any(t.word in MOTION_BEFORE_TO for t in toks[max(0, i - 5) : i - 1])
    if not toks[i].word.endswith(("ого", "его", "ому", "ему")):
        return False  # a man's surname in the genitive/dative; "до Покровська" is a town
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return True
    if text[nxt.start : nxt.end].isupper() and len(nxt.word) > 1:
        return False  # an acronym: "до Полтавського ТЦК"
    from sitrep.enrich.lemmas import _morph

    parse = _morph(lang if lang in ("ru", "uk") else "ru").parse(nxt.word)
    return not (parse and any(t in str(parse[0].tag) for t in ("NOUN", "ADJF")))  # "Одеського обласного ТЦК"


# the unit's garrison in brackets after its number: "в/ч 65349 (Вырица)", "military unit 65349 (Vyritsa)"
UNIT_SEAT = re.compile(r"(?i:в/ч|вч|в\. ?ч\.|military unit|частин[аиі]|част[ьи])\s*№?\s*\d{4,5}\s*\(\s*$")


# A town heading its line, Telegram's dateline: "📍 Назарово (Красноярський край): у суботу ...", "Кунгур, в/ч 86217:
# у травні ...", "Знам'янка: у неділю ..." (team-heldout-19); only non-letters before it on its line (an emoji, a
# bullet, an item's number), a colon, a dash, a comma or a bracket after it. A town of this size at least: "Ольга:"
# heading a chat's line is a woman, not a hamlet
_HEAD_BEFORE = re.compile(r"(?:^|\n)[^\w\n]*(?:\d{1,2}[.)]\s*)?$")
_HEAD_AFTER = re.compile(r"\s*(?::|,|\(|\s[\u2013\u2014-]\s)|\.\s+(?=[А-ЯЁІЇЄҐA-Z])")  # "Кропоткин. Матери ..."
HEAD_MIN_POP = 5_000
# a town in the genitive after a part of it: "на центральній площі Олександрії", "у здания администрации Назарово",
# "on the outskirts of" has its own "of"
TOWN_PARTS = {
    "площі",
    "площа",
    "площади",
    "площадь",
    "центрі",
    "центре",
    "околиці",
    "окраине",
    "окраинах",
    "околицях",
    "вулицях",
    "улицах",
    "мэрии",
    "мерії",
    "администрации",
    "адміністрації",
    "вокзалі",
    "вокзале",
    # codebook 1.19: the town's airport or port ("в аэропорту Анадыря", "в порту Холмска"; team-heldout-75)
    "аэропорту",
    "аэропорта",
    "аэропорте",
    "аеропорту",
    "аеропорті",
    "аеропорта",
    "порту",
    "порта",
    # codebook 1.14: a town's enlistment office ("к военкомату Вязников", "біля військкомату Лебедина")
    "военкомату",
    "военкомата",
    "военкомате",
    "военкоматом",
    "військкомату",
    "військкоматі",
    "військкоматом",
}


def _line_head(text: str, toks: Sequence[Token], i: int) -> bool:
    return bool(_HEAD_BEFORE.search(text, max(0, toks[i].start - 20), toks[i].start)) and bool(
        _HEAD_AFTER.match(text, toks[i].end)
    )


def _town_part(toks: Sequence[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].word.lower() in TOWN_PARTS


def _plausible(text: str, toks: Sequence[Token], i: int, cands: list[GazPlace], lang: str, gaz: Gazetteer) -> bool:
    """A one-word match is a place if it is big, or introduced ("в", "near", "село"), and not a name."""
    big = max(c.population for c in cands) >= BIG or any(c.fcode in EXTRA_KINDS for c in cands)
    prev = toks[i - 1].word if i > 0 else ""
    introduced = (
        _introduced(toks, i, 1, INTRO, lang, text)
        or bool(
            UNIT_SEAT.search(text, max(0, toks[i].start - 40), toks[i].start)
            and text[toks[i].end : toks[i].end + 1] == ")"
        )
        or (max(c.population for c in cands) >= HEAD_MIN_POP and (_line_head(text, toks, i) or _town_part(toks, i)))
    )
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    # after "to", "from" a Latin word may be a first name ("a letter to Oleg Kozhemyako"); so may a
    # Cyrillic word the dictionary knows as one ("до Володимира Зеленського")
    person_slot = (toks[i].word.isascii() and prev in BEFORE_PERSON) or _person_or_adjective(
        toks[i].word, lang, names_only=True
    )
    if (
        nxt is not None
        and toks[i].word.isascii()
        and nxt.word.endswith("'s")
        and _bare(nxt.word) not in REGION_WORDS | AREA_AFTER
        and text[nxt.start].isupper()
    ):
        person_slot = True  # "at Vladimir Putin's headquarters": a first name before a possessive surname
    # "в Енгельсі Саратовської області", "в Мулино Нижегородской области": the town's oblast follows, not a
    # surname (Engels is also one), so the capitalised word after it does not make it a person's first name
    oblast_after = (
        i + 2 < len(toks) and _bare(toks[i + 2].word) in REGION_WORDS and toks[i + 1].lemma.endswith(ADJ_SUFFIXES)
    )
    if (
        (not introduced or person_slot)
        and not (introduced and oblast_after)
        and nxt is not None
        and text[nxt.start].isupper()
        and nxt.start - toks[i].end <= 1
        # "Tatarstan's Alga battalion": the possessive ends the name
        and not (toks[i].word.endswith("'s") and _unit_home(toks, i, 1))
    ):
        # "Vladimir Putin", "Kyiv Independent": part of a longer name; but a region before a person's
        # name is the region ("губернатору Приморья Олегу Кожемяко"), and so is a region in an oblique
        # case ("глава Тывы Шолбан Кара-оол": a compound name would be in the nominative)
        region = any(c.fcode in ("region", "country", "ADM1") for c in cands)
        oblique = _cyrillic(toks[i].word) and toks[i].word != toks[i].lemma
        if not (region and (oblique or _person_or_adjective(nxt.word, lang))):
            return False
    if (
        nxt is not None
        and text[nxt.start].isupper()
        and nxt.start - toks[i].end <= 1
        and _cyrillic(toks[i].word)
        and not any(c.fcode in ("region", "country", "ADM1") for c in cands)
        and not oblast_after
        and _person_or_adjective(toks[i].word, lang)
    ):
        return False  # "поселка Великая Новоселка", "село Старые Терны": the first word of a longer name
    if prev in SETTLEMENT or prev in CHECKPOINT:
        return True  # "у поселка Урожайное", "village of Pavlivka", "КПП «Краковец»": named as a place
    if (
        i > 1
        and toks[i].word.isascii()
        and toks[i - 1].word.isascii()
        and text[toks[i - 1].start].isupper()
        and toks[i].start - toks[i - 1].end == 1
        and prev not in INTRO | EN_MODIFIERS
        and not any(c.fcode in EXTRA_KINDS or c.country in ("RU", "UA") for c in cands)
    ):
        return False  # "colonel Cesar Rodriguez", "minister Ana Lima": a surname after a first name
    small = max(c.population for c in cands) < (10_000 if toks[i].word.isascii() else BIG)
    if prev in ADDRESSEE_INTRO and not big and small and _addressee(text, toks, i, lang):
        return False  # "an appeal to Gerasimov", "звернулися до Залужного": a person addressed
    if big:
        if (
            len(toks[i].word) >= 3
            and text[toks[i].start : toks[i].end].isupper()
            and all(c.fcode in ("region", "ADM1", "country") for c in cands)
        ):
            return True  # "У Мегіоні (ХМАО)": a region's acronym, which the Ukrainian dictionary takes for a surname
        return not (_person_or_adjective(toks[i].word, lang) and not introduced)
    return (
        introduced
        and not _person_or_adjective(toks[i].word, lang)
        or (introduced and max(c.population for c in cands) >= 1000)
        # "в Солнцеві Курської області": a name read as a surname is the town whose oblast follows (codebook 1.17)
        or (introduced and oblast_after)
        # "под Новоэкономичным": an adjective-form name capitalised after "под"/"near" is a front-line village
        # and after the Russian "у" ("позиции у Зорянского", codebook 1.20, team-heldout-79)
        or (
            introduced
            and (prev in NEAR_WORDS or (lang == "ru" and prev == "у"))
            and any(c.country == "UA" and c.admin1 in FRONT_OBLASTS for c in cands)
        )
        # "из Булавинского", "в Булавинском": the Russian form of a front-oblast village named by an adjective, when
        # no place elsewhere has the name (codebook 1.21, team-heldout-83)
        or (
            introduced
            and lang == "ru"
            and prev in ("в", "во", "из", "изо")
            and all(c.country == "UA" and c.admin1 in FRONT_OBLASTS and c.fcode[:3] == "PPL" for c in cands)
        )
        # "мешканця Посад-Покровського": a hyphenated name read as an adjective (codebook 1.19, team-heldout-69)
        or (introduced and "-" in toks[i].word.strip("-") and _cyrillic(toks[i].word))
        # "в Томарі на Сахаліні": a village whose oblast the sentence names (codebook 1.19, team-heldout-75)
        or (introduced and _oblast_in_sentence(text, toks, i, cands, gaz, lang))
        # "в Брейтове": the locative of a village in -ово/-ино, not a surname (codebook 1.20, team-heldout-77)
        or (
            prev in ("в", "во")
            and toks[i].word.endswith(("ове", "еве", "ёве", "ине", "ыне"))
            and any(c.country in HOME_COUNTRIES and c.name.endswith(("ovo", "evo", "ino", "yno")) for c in cands)
        )
    )


# unit words after an honorific adjective and the unit's kind ("Тацинской танковой бригады", "Кантемировской танковой
# дивизии")
HONORIFIC_UNITS = ("бригад", "дивизи", "дивізі", "полк", "полку", "армі", "арми", "корпус")
# Russia's oblasts on the border with Ukraine where fighting has been reported
RU_BORDER_OBLASTS = frozenset({"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"})


def _front_namesakes(cands: list[GazPlace]) -> list[GazPlace]:
    """After "под"/"near", Ukraine's places of a name (a front-line village among them) over Russian towns away from
    the front that share it: "под Северском" is Siversk, not Seversk near Tomsk; "под Мирным" Myrne, not Mirny in
    Yakutia (codebook 1.20, team-heldout-77, -78). A Russian city of 200,000 or more keeps its name ("под
    Воронежем")."""
    if not any(c.country == "UA" and c.admin1 in FRONT_OBLASTS and c.fcode[:3] == "PPL" for c in cands):
        return cands
    russian = [c for c in cands if c.country == "RU"]
    if not russian or any(c.fcode[:3] != "PPL" or c.population >= 200_000 for c in russian):
        return cands
    if any(c.admin1 in RU_BORDER_OBLASTS for c in russian):
        return cands  # "под Любимовкой" may be the Kursk oblast's: the front runs there too
    return [c for c in cands if c.country != "RU"]


def _oblast_in_sentence(
    text: str, toks: Sequence[Token], i: int, cands: Sequence[GazPlace], gaz: Gazetteer, lang: str
) -> bool:
    """Whether the sentence names the oblast of one of the candidates ("на Сахаліні", "Рязанської області") or its
    capital ("біля Ізмалкова ... до військкомату в Липецьку")."""
    regions = {c.admin1 for c in cands if c.admin1}
    if not regions:
        return False
    for k, t in enumerate(toks):
        if k == i or not text[t.start].isupper():
            continue
        keys = _keys(toks, k, 1, lang)
        if k + 1 < len(toks) and _bare(toks[k + 1].word) in REGION_WORDS:
            keys += [f"{t.lemma} {toks[k + 1].lemma}", f"{t.word} {toks[k + 1].word}"]
        for key in keys:
            for g in gaz.lookup(key):
                if g.fcode in ("ADM1", "region") and g.name in regions:
                    return True
                if g.fcode == "PPLA" and g.admin1 in regions and g.population >= BIG:
                    return True  # its capital
    return False


# the words that put a place near the event ("под Павловкой", "в районе Орехова", "near Pavlivka")
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:под|подо|під|біля|поблизу|возле|около|near|outside)|в районе|в районі|у районі)\s+$", re.I
)


def _sure(cands: Sequence[GazPlace]) -> GazPlace | None:
    """The place a mention surely names: its only one, or a big city over hamlets a hundred times smaller ("в Орлі"
    is Oryol, not the Odesa hamlet Orel; codebook 1.19, team-heldout-68)."""
    if not cands:
        return None
    if len({(c.lat, c.lon) for c in cands}) == 1:
        return cands[0]
    top = max(cands, key=lambda c: c.population)
    others = [c for c in cands if (c.lat, c.lon) != (top.lat, top.lon)]
    if top.population >= BIG and top.fcode[:3] == "PPL" and all(c.population * 100 <= top.population for c in others):
        return top
    return None


def _disambiguate(mentions: list[tuple[list[GazPlace], str, int, int, int]], text: str = "") -> list[PlaceHit]:
    """Pick one candidate per mention: named oblast > nearness to sure places > rank and size; among
    namesakes, one still called so over one renamed from it ("под Новоселовкой" is a Novoselivka, not
    Iverske, formerly Novoselivka)."""
    regions = {c.admin1 for cands, *_ in mentions for c in cands if c.fcode in ("ADM1", "region") and len(cands) <= 2}
    regions |= {c.name for cands, *_ in mentions for c in cands if c.fcode in ("ADM1", "region") and len(cands) <= 2}
    sure = [one for one in (_sure(cands) for cands, *_ in mentions) if one is not None]
    # the one country every sure place is in: "бойцы из Львовской области ... под Северском" is Siversk in
    # Ukraine, not Seversk near Tomsk
    named = [{c.country for c in cands} for cands, *_ in mentions]
    countries = set().union(*[one for one in named if len(one) == 1])
    home = next(iter(countries)) if len(countries) == 1 else None
    out: list[PlaceHit] = []
    for cands, role, start, end, sent in mentions:
        word = text[start:end].lower().replace("ё", "е")
        current = set()
        if len(cands) > 1 and word and " " not in word:
            latin = _latin_keys((word,)) if _cyrillic(word) else (word,)
            current = {id(c) for c in cands if _like(c.name, latin)}
        # a front-line village over a namesake elsewhere, but never over a city ("New York" is not Niu-York)
        # nor over a bigger town of 10,000+ elsewhere (the Russian town Valuyki, not a Luhansk hamlet Valuiky;
        # but "под Артемовском" is Bakhmut, not the smaller Artyomovsky in the Urals)
        # (the bigger town elsewhere counts only where the word spells its name, if it spells any: a town that
        # GeoNames lists under an old name does not keep "под Петровское" from the front's Petrivske; codebook 1.15)
        spelled = [c for c in cands if id(c) in current] or cands
        front_pop = max((c.population for c in cands if c.admin1 in FRONT_OBLASTS), default=0)
        front = max(c.population for c in cands) < BIG and not any(
            c.population >= max(10_000, front_pop) and c.admin1 not in FRONT_OBLASTS for c in spelled
        )

        named_here = {o.admin1 for o in cands if id(o) in current}  # regions with a place of the very name
        near_word = bool(_NEAR_BEFORE.search(text[max(0, start - 16) : start]))

        def score(
            c: GazPlace,
            role: str = role,
            front: bool = front,
            current: set[int] = current,
            named_here: set[str] = named_here,
            near_word: bool = near_word,
        ) -> float:
            s = math.log10(c.population + 1) / 2 + RANK.get(c.fcode, 0.0)
            if current and id(c) not in current:
                # more than a rank: "Sloviansk" is the town, not Nikopol (GeoNames lists it as an old name); a village
                # under another name even more when a village of that very name lies in its region: "Самгородок" is
                # Samhorodok, not Zhuravlivka (team-heldout-15)
                twin = c.population < 10_000 and c.admin1 in named_here
                s -= 3.0 if twin else 1.5
            if c.admin1 and c.admin1 in regions and c.fcode not in ("ADM1", "region"):
                s += 3.0
            if any(o is not c and _dist_km(o, c) < 150 for o in sure):
                s += 2.0
            elif home is not None and c.country == home:
                s += 1.0
            if (
                front
                and role == "event"
                and c.country == "UA"
                and c.admin1 in FRONT_OBLASTS
                and c.fcode[:3] == "PPL"
                and (not current or id(c) in current or near_word)
            ):
                # "под Павловкой": the front-line village, not a Russian namesake or a far-off hamlet; a village the
                # word does not spell (a Ukrainian form read off a Russian one) only "под"/"near" it, not "в
                # Ольховатке", where the word spells the Russian town (codebook 1.15)
                s += 2.5
            return s

        best = max(cands, key=score)
        out.append(PlaceHit(best, role, start, end, sent))
    return out
