"""Sentence text + publication date → dates mentioned in it (ISO, precision, span).

Explicit dates ("2 июля", "16 вересня", "восьмого квітня", "on July 2", "June 23, 2023", "22–23 мая",
"в сентябре 2024 года", "наприкінці травня", "02.07.2023"), relative ones ("вчера", "учора", "yesterday",
"сегодня", "накануне", "позавчора", "три дні тому", "в ночь на пятницу", "on the night of March 13-14",
"overnight on Friday into Saturday", "во вторник", "у неділю", "said
Tuesday", "после пятничного намаза", "last month") resolved against the publication date, "через два дня" /
"two days later" counted from the day named before, and markers that make a date a background date rather
than the event's: "после 8 июня", "since", a day set for later ("назначен на", "next Friday", a weekday beside
"намерены"/"plan to", a date after publication), a person's back-story ("который в сентябре...",
"мобилизованные в сентябре 2022"), a news dateline, the day "N days later" counts from. Own
regexes rather than dateparser's ``search_dates`` (measured: ~600 texts/s and it reads "of the
1428th" as the year 1428): these never take a number outside 1980-2049 as a year.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

MONTHS: dict[str, int] = {}
for _n, _forms in enumerate(
    [
        "январ янв january jan січ січень січня",
        "феврал фев february feb лют лютий лютого",
        "март мар march mar берез березень березня",
        "апрел апр april apr квіт квітень квітня",
        "ма мая май may трав травень травня",
        "июн june jun черв червень червня",
        "июл july jul лип липень липня",
        "август авг august aug серп серпень серпня",
        "сентябр сен sep sept september верес вересень вересня",
        "октябр окт october oct жовт жовтень жовтня",
        "ноябр ноя november nov листопад листопада листопаді",
        "декабр дек december dec груд грудень грудня",
    ],
    start=1,
):
    for _f in _forms.split():
        MONTHS[_f] = _n

_MONTH_RU_UK = (
    r"(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|січ(?:ня|ень|ні)|лют(?:ого|ий|ому)|берез(?:ня|ень|ні)|"
    r"квіт(?:ня|ень|ні)|трав(?:ня|ень|ні)|черв(?:ня|ень|ні)|лип(?:ня|ень|ні)|серп(?:ня|ень|ні)|"
    r"верес(?:ня|ень|ні)|жовт(?:ня|ень|ні)|листопад(?:а|і)?|груд(?:ня|ень|ні))"
)
_MONTH_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:19[89]\d|20[0-4]\d)"  # plausible years only: no "1428"

# "22–23 мая", "22-23 May": a span of days is dated by its first day
# also "с 1 по 5 июля", "з 1 по 5 липня", "від 1 до 5 липня", "from 1 to 5 July": the span starts that day (the
# preposition is part of the match, so "с" is not read as "since")
DAY_RANGE = re.compile(
    rf"(?:\b(?:с|з|із|від|from|between)\s+)?\b(\d{{1,2}})(?:-?го)?(?:\s*[-–—]\s*|\s+(?:по|до|to|and|і|и|та|й)\s+)"
    rf"\d{{1,2}}(?:-?го)?\s+"
    rf"({_MONTH_RU_UK}|{_MONTH_EN})\b(?:\s+({_YEAR})\b)?",
    re.I,
)


def _ordinals() -> dict[str, int]:
    """Genitive ordinals 1-31 in ru and uk ("восьмого", "двадцять першого"), as a day is said in words."""
    ru = (
        "первого второго третьего четвертого пятого шестого седьмого восьмого девятого десятого одиннадцатого "
        "двенадцатого тринадцатого четырнадцатого пятнадцатого шестнадцатого семнадцатого восемнадцатого "
        "девятнадцатого двадцатого"
    ).split()
    uk = (
        "першого другого третього четвертого п'ятого шостого сьомого восьмого дев'ятого десятого одинадцятого "
        "дванадцятого тринадцятого чотирнадцятого п'ятнадцятого шістнадцятого сімнадцятого вісімнадцятого "
        "дев'ятнадцятого двадцятого"
    ).split()
    out: dict[str, int] = {}
    for words, twenty, thirty in ((ru, "двадцать", "тридцат"), (uk, "двадцять", "тридцят")):
        for n, w in enumerate(words, start=1):
            out[w] = n
        for n, w in enumerate(words[:9], start=1):
            out[f"{twenty} {w}"] = 20 + n
        out[f"{thirty}ого"] = 30
        out[f"{thirty}ь {words[0]}"] = 31
    return out


ORDINAL_DAYS = _ordinals()
# any word in -ого/-ього before a month (one or two words: "двадцать третьего"), then looked up: an
# alternation of the 59 ordinals tried at every position was the slowest pattern here
ORDINAL_DAY_MONTH = re.compile(
    rf"(?<![\w'’ʼ])((?:[а-яё]+\s+)?[а-яёіїєґ'’ʼ]+[ое]го)\s+({_MONTH_RU_UK})\b(?:\s+({_YEAR})\b)?", re.I
)
DAY_MONTH_CYR = re.compile(rf"\b(\d{{1,2}})(?:-?го)?\s+({_MONTH_RU_UK})\b(?:\s+({_YEAR})\b)?", re.I)
MONTH_CYR = re.compile(rf"\b(?:в|у|с|з|к|до)\s+({_MONTH_RU_UK})\s+({_YEAR})\b", re.I)
EN_MD = re.compile(rf"\b({_MONTH_EN})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+({_YEAR})\b)?")
EN_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_EN})\b(?:,?\s+({_YEAR})\b)?")
EN_MONTH_YEAR = re.compile(rf"\b(?i:in|since|during|by)\s+({_MONTH_EN})\s+({_YEAR})\b")
EN_LAST_MONTH = re.compile(
    # codebook 1.17: "this October" (the publication's year, or the last one when the month is still to come)
    r"\b(?i:last|this|in|since|during|by|at the (?:start|end|beginning) of|"
    r"(?:in|by|since|until) (?:early|late|mid)|mid|"
    # "in the first days of May", "in the last week of April": the month
    r"in the (?:first|last|final|second|third) (?:days?|week|weeks|half|fortnight) of)"
    # "in late August 2024": the year when written
    rf"(?:\s+|(?<=mid)-)({_MONTH_EN})\b(?:,?\s+(?P<year>{_YEAR})\b)?(?!\s+\d)"
)
_MONTH_CYR_LOC = (
    r"(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|"
    r"січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні|"
    r"начале (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)|"
    r"конце (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)|"
    r"середине (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря))"
)
MONTH_ONLY_CYR = re.compile(
    # "Конец июня, под Очеретино.": the part of the month named alone, in the nominative (team-heldout-17)
    rf"(?:\b(в|во|у|с|з|із|к|до|на|под|під)\s+(?:начала\s+|конца\s+)?|\b(?=наприкінці)|"
    rf"\b(?=(?:конец|начало|середина|кінець|початок)\s))({_MONTH_CYR_LOC}|"
    # "под конец ноября", "під кінець листопада" (team-heldout-16)
    rf"(?:начала|конца|началу|концу|середине|середины|початку|кінця|кінцю|середині|середини|кінці|наприкінці|"
    rf"конец|кінець|начало|середина|початок|"
    # "в первых числах мая", "в последних числах апреля", "у перших числах травня": the month
    rf"(?:первых|последних|перших|останніх)\s+числах|"
    # "во второй половине июня", "у першій половині червня": the month
    rf"(?:первой|второй|першій|другій)\s+половин[еі])\s+{_MONTH_RU_UK})"
    # "в конце августа 2024 года", "наприкінці серпня 2024 року": the year when written
    # not before a day or a year it does not read ("в мае 15-го", "в ноябре 23 года"); a count after it stays ("у
    # листопаді 31 курсант")
    rf"\b(?:\s+(?P<year>{_YEAR})\b)?(?!\s+\d+(?!\d)(?:\s*(?:-?го\b|числа|число|год|рок|г\.|р\.)|[.,:/-]\d|\s*$))",
    re.I,
)
# "в течение марта", "впродовж березня", "throughout March": a practice over that month (team-heldout-16)
# codebook 1.14: the whole month ("весь август уговаривали", "увесь серпень", "for most of September", "all through
# August")
MONTH_DURING = re.compile(
    rf"\b(?:(?:в течение|в продолжение|на протяжении|впродовж|упродовж|протягом|throughout)\s+"
    rf"(?:всего\s+|всього\s+|усього\s+)?|(?:весь|увесь|весь\s+этот|цілий|целый)\s+|"
    rf"(?:for\s+)?(?:most|much|all|the whole|the rest|the better part)\s+of\s+|all\s+through\s+)"
    rf"({_MONTH_RU_UK}|{_MONTH_EN})\b(?:\s+(?P<year>{_YEAR})\b)?(?!\s+\d)",
    re.I,
)
# "02.07.2023", "2.7.23", "02/07/2023" (a slash with a four-digit year only; "05/13/2024" is read month first)
NUMERIC = re.compile(rf"\b(\d{{1,2}})(?:\.(\d{{1,2}})\.({_YEAR}|\d{{2}})|/(\d{{1,2}})/({_YEAR}))\b")
ISO = re.compile(rf"\b({_YEAR})-(\d{{2}})-(\d{{2}})\b")
# "12.05 он отказался", "Трое контрактников 03.09 самовольно оставили часть": a day and a two-digit month without a year
# (team-heldout-26); not a decimal or an amount ("2.05 млн", "12.10 грн"), not a time ("в 12.05", "12.05 мск"), not
# part of a longer number ("1.12.05", "12.05.2024" is NUMERIC)
DAY_MONTH_NUM = re.compile(
    r"(?<![\d.,:/])(?<!\b[вуо] )(?<!\bоб )(?<!\bat )(?<!\bоколо )([0-3]?\d)\.(0[1-9]|1[0-2])(?![\d.,:/%])"
    r"(?!\s*(?:%|тыс|млн|млрд|руб|р\.|грн|долл|\$|€|км|кг|мск|час|ч\b|утра|вечера|ночи|дня|года?\b|рок|million|"
    r"billion|bn|m\b|per|percent))",
    re.I,
)
_WD_RU_ACC = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
_WD_UK_ACC = r"(?:понеділок|вівторок|середу|четвер|п['’ʼ]ятницю|суботу|неділю)"
_WD_EN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# a night that spans two days is dated by the day it leads into, as "в ночь на 14 марта" is: "on the night of March
# 13-14", "overnight on 13 to 14 March", "в ночь с 31 марта на 1 апреля", "у ніч з 31 березня на 1 квітня"
_DAY_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
NIGHT_DAYS = re.compile(
    rf"\b(?:(?:on\s+|in\s+)?the\s+night|overnight)\s+(?:of\s+|from\s+|between\s+|on\s+)?"
    rf"(?:(?P<m1>{_MONTH_EN})\s+{_DAY_ORD}\s*(?:[-–—/]|\s(?:to|and|into)\s)\s*(?:(?P<m2>{_MONTH_EN})\s+)?"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b|"
    rf"{_DAY_ORD}(?:\s+(?:of\s+)?{_MONTH_EN})?\s*(?:[-–—/]|\s(?:to|and|into)\s)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<m3>{_MONTH_EN})\b)"
    rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
    re.I,
)
NIGHT_DAYS_CYR = re.compile(
    rf"\b(?:в|у)\s+(?:ночь|ніч)\s+(?:с|з|із|зі)\s+\d{{1,2}}(?:-?го)?(?:\s+{_MONTH_RU_UK})?\s+(?:на|до)\s+"
    rf"(\d{{1,2}})(?:-?го)?\s+({_MONTH_RU_UK})\b(?:\s+({_YEAR})\b)?",
    re.I,
)
# "overnight on Friday into Saturday", "on the night from Friday to Saturday", "Friday night into Saturday": the
# day the night leads into; "overnight on Friday" alone: that Friday (not the publication day "overnight" says)
NIGHT_WEEKDAYS = re.compile(
    rf"\b(?:(?:(?:on\s+|in\s+)?the\s+night|overnight)\s+(?:of\s+|from\s+|between\s+|on\s+)?{_WD_EN}(?:\s+night)?|"
    rf"{_WD_EN}\s+night)\s+(?:into|to|and|through)\s+({_WD_EN})\b|\bovernight\s+on\s+({_WD_EN})\b",
    re.I,
)
# "в ночь с четверга на пятницу", "у ніч з четверга на п'ятницю": the night before the day named last
_NIGHT_FROM = (
    r"(?:в|у)\s+(?:ночь|ніч)\s+(?:с|з|із)\s+(?:понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья|"
    r"понеділка|вівторка|середи|четверга|п['’ʼ]ятниці|суботи|неділі)\s+на"
)
# a number of days or weeks ago, in words too ("два дня назад", "три дні тому", "two days ago")
_AGO_NUM = (
    r"(?:\d{1,2}|один|одну|два|две|дві|три|четыре|чотири|пять|п['’ʼ]ять|шесть|шість|семь|сім|восемь|вісім|девять|"
    r"дев['’ʼ]ять|десять|one|two|three|four|five|six|seven|eight|nine|ten)"
)
_AGO_WORDS = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "дві": 2, "три": 3, "четыре": 4, "чотири": 4, "пять": 5, "п'ять": 5,
    "шесть": 6, "шість": 6, "семь": 7, "сім": 7, "восемь": 8, "вісім": 8, "девять": 9, "дев'ять": 9, "десять": 10,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
RELATIVE = re.compile(
    r"\b(вчера|вчора|учора|yesterday|сегодня|сьогодні|today|накануне|напередодні|позавчера|позавчора|"
    r"the day before yesterday|"
    # codebook 1.14: the weekend just past, dated by its Saturday
    r"(?:в|на) (?:минувшие|прошлые|прошедшие) выходные|на (?:прошлых|минувших) выходных|"
    r"(?:у|в|на) минулі вихідні|минулими вихідними|на минулих вихідних|last weekend|this past weekend|"
    r"over the weekend|"
    rf"on {_WD_EN}|"
    rf"в ночь на {_WD_RU_ACC}|"
    rf"(?:в|у) ніч на {_WD_UK_ACC}|"
    # "у ніч проти неділі": the night before Sunday, dated Sunday as "в ночь на воскресенье"
    r"(?:в|у) ніч проти (?:понеділка|вівторка|середи|четверга|п['’ʼ]ятниці|суботи|неділі)|"
    rf"{_NIGHT_FROM}\s+(?:{_WD_RU_ACC}|{_WD_UK_ACC})|"
    rf"(?:в|во) (?:прошлый|прошлую|прошлое|минувший|минувшую|минувшее) {_WD_RU_ACC}|"
    r"(?:минулого|минулої|(?:у|в) минулий|(?:у|в) минулу|(?:у|в) минуле) (?:понеділка|вівторка|середи|четверга|"
    rf"п['’ʼ]ятниці|суботи|неділі|{_WD_UK_ACC[3:-1]})|"
    rf"(?:last|this past|this) {_WD_EN}|"
    rf"(?:в|во) (?:эту|этот|это) {_WD_RU_ACC}|(?:у|в) (?:цю|цей|це) {_WD_UK_ACC}|"
    r"(?:цього|цієї) (?:понеділка|вівторка|четверга|середи|п['’ʼ]ятниці|суботи|неділі)|"
    rf"(?:overnight|on the night) (?:into|of|to) {_WD_EN}|"
    # the preposition is "в"/"во" in ru and "у"/"в" in uk, either may stand before either language's day
    rf"(?:в|во|у) (?:{_WD_RU_ACC}|{_WD_UK_ACC})|"
    rf"{_AGO_NUM} (?:дня|дней|день|дні|днів|days?|недели|недель|тижні|тижнів|weeks?) (?:назад|тому|ago)|"
    r"(?:позавчерашн|позавчорашн|вчерашн|вчорашн|учорашн)\w+|"
    r"неделю назад|тиждень тому|a week ago|a fortnight ago|зранку|this morning|"
    r"this afternoon|this evening|tonight|earlier today|сегодня утром|этим утром|этим вечером|цього ранку|"
    # the night just before the post ("Гурулёв этой ночью опубликовал"): the publication day
    r"этой ночью|сегодня ночью|прошлой ночью|ночью|цієї ночі|минулої ночі|сьогодні вночі|вночі|last night|overnight)\b",
    re.I,
)
# "через два дня", "два дні потому", "two days later", "на следующий день", "the next day": counted from the
# last day the text named before ("17 марта их бросили на позиции... Через два дня их снова отправляют")
AFTER_DAYS = re.compile(
    rf"\b(?:через\s+({_AGO_NUM})\s+(?:дня|дней|день|дні|днів|недел\w+|тижн\w+|тиждень)|"
    rf"({_AGO_NUM})\s+(?:дня|дней|дні|днів|days?|weeks?)\s+(?:спустя|потому|later)|"
    r"(на следующий день|наступного дня|the next day|the following day|a day later|на другой день)|"
    r"(через неделю|через тиждень|a week later|неделю спустя|тиждень потому))\b",
    re.I,
)
# "накануне выборов", "напередодні Дня захисника", "накануне визита": the eve of a named occasion
EVE_OF = re.compile(
    r"\s+(?:(?:[А-ЯЁІЇЄҐ]\w+)|(?:выбор|визит|праздник|годовщин|саммит|переговор|наступлени|обмен|парад|голосовани|"
    r"вибор|візит|свят|річниц|саміт|переговор|наступ|обмін|парад|голосуванн)\w*)"
)
# a weekday as an attribute ("после пятничного намаза", "недільної служби", "after Friday prayers",
# "Monday's rally") or an English weekday without "on" ("the ministry said Tuesday"): that day
WEEKDAY_ADJ = re.compile(
    r"\b(понедельничн|вторничн|пятничн|субботн|воскресн|понеділков|вівторков|п['’ʼ]ятничн|суботн|недільн)"
    r"(?:ый|ий|ого|ому|ым|им|ом|ая|яя|ой|ую|ее|ое|ий|а|ої|у|е|ім|их|ые|і)\b",
    re.I,
)
EN_WEEKDAY = re.compile(
    r"(?<!Good )(?<!Black )(?<!Bloody )(?<!Easter )(?<!Palm )(?<!Cyber )"
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+(?:and|or|to)\b)(?!\s+Times\b)"
)
_WEEKDAY_STEMS = {
    "понедельничн": 0, "вторничн": 1, "пятничн": 4, "субботн": 5, "воскресн": 6, "понеділков": 0, "вівторков": 1,
    "п'ятничн": 4, "суботн": 5, "недільн": 6,
}  # fmt: skip
# "after Friday prayers": "after" belongs to the noun, the prayers were that Friday
_ATTRIBUTIVE_AFTER = re.compile(
    r"(?:['’]s\b|\s+(?:prayers?|service|mass|rally|protest|meeting|night|morning|evening|afternoon)\b)"
)
# "earlier this month", «в начале месяца», «цього місяця»: the publication month, month precision
THIS_MONTH = re.compile(
    r"\b(?:earlier this month|this month|в этом месяце|в начале (?:этого )?месяца|цього місяця|"
    r"на початку (?:цього )?місяця|у цьому місяці|в цьому місяці)\b",
    re.I,
)
# "last month", «в прошлом месяце», «минулого місяця»: the month before publication, month precision
LAST_MONTH_REL = re.compile(
    r"\b(?:last month|в прошлом месяце|в минувшем месяце|прошлого месяца|минувшего месяца|минулого місяця|"
    r"(?:у|в) минулому місяці)\b",
    re.I,
)
# a month named inside a relative clause is the person's back-story, not the event ("Нужин, который в сентябре
# сдался в плен"; "who had surrendered ... in September"); days are kept: "бойцы, которые 2 июля записали
# обращение" is the event
CLAUSE_BEFORE = re.compile(
    # codebook 1.15: "та самая часть, где в январе вымогали деньги" (a place's relative clause)
    r"(?:\b(?:котор\w+|як(?:ий|а|е|і|ого|ої|их|им)|who|which)|,\s*(?:где|де|where))\b[^.;:!?()«»\"\n]{0,70}$",
    re.I,
)
# the relative clause closed by a comma right before the date, after a clause of three words or more: the date opens
# the main clause again ("єгиптян, яких запросили працювати водіями в логістичній компанії, у серпні змусили
# підписати контракти"); a comment right after the relative word ("который, по словам матери, в сентябре") does not
CLAUSE_CLOSED = re.compile(
    r"\b(?:котор\w+|як(?:ий|а|е|і|ого|ої|их|им))\s+[^\s,.;:!?()«»\"\n]+(?:\s+[^\s,.;:!?()«»\"\n]+){2,9},\s*"
    r"(?:в|во|у)?\s*$",
    re.I,
)
# a span counted back from the post ("три недели назад", "два тижні тому", "three weeks ago"): in a relative clause
# it is back-story as a month is there
COUNTED_BACK = re.compile(r"(?:назад|тому|ago)\b", re.I)
# the main clause is an interview, a video or a report about the person ("ГУР показало интервью с лётчиком, который в
# августе перелетел"; "a video of the gunner who in January crossed the line"): the relative clause tells the news
# itself, so its month dates the event when the text dates nothing else ("Боец, который в сентябре сдался в плен, был
# казнён" tells another act and stays undated)
_TOLD_IN = re.compile(
    r"\b(?:интервью|інтерв['’ʼ]ю|interview\w*|видео\w*|відео\w*|videos?|clips?|ролик\w*|разговор\w*|розмов\w*|"
    r"показал\w*|показа(?:в|ла|ли)|опубликовал\w*|оприлюдни\w+|published|showed|aired)\b",
    re.I,
)


def _told_in_clause(text: str, start: int, end: int, a: int, b: int) -> bool:
    """True when the relative clause holding the month at ``a:b`` ends the sentence (no comma closes it and lets the
    main clause go on) and an interview, a video or a report about the person comes before it."""
    clause = CLAUSE_BEFORE.search(text, max(start, a - 80), a)
    if clause is None or not _TOLD_IN.search(text, max(start, clause.start() - 160), clause.start()):
        return False
    rest = re.split(r"[.!?;\n]", text[b:end], maxsplit=1)[0]
    return "," not in rest and "—" not in rest


# a court, an investigator or a prosecutor acting on a person: the act judged is the event (gold-format and the
# set READMEs: the month of the refusal, not the verdict's day), so a month in the relative clause that tells it
# ("суд дал два года контрактнику, который в сентябре отказался"; "ДБР повідомило про підозру військовим, які
# наприкінці травня відмовилися") is no back-story
LEGAL_SENT = re.compile(
    r"\b(?:(?:рай|гор|міськрай|міськ|окруж|обл)?суд(?:а|у|ом|е|ы|ов|і|ів|ові)?\b|лишени\w+\s+свободы|"
    r"позбавлення\s+волі|ув['’ʼ]язненн\w*|(?:years?|months?)\s+in\s+(?:prison|jail)|imprisonment|"
    r"приговор\w*|приговорил\w*|осудил\w*|осужд\w*|засуди\w+|вирок\w*|подозрени\w*|підозр\w*|"
    r"обвин\w+|звинувач\w+|court|sentenc\w+|convicted|verdict|jailed|charged|indicted|suspicion|"
    # the police catching a deserter: "задержали военнослужащего, который в марте самовольно оставил часть"
    r"задержа\w+|затрима\w+|арестова\w+|заарештува\w+|разыскива\w+|розшуку\w+|detained|arrested|caught)",
    re.I,
)
# a weekday an institution, a lawyer or the media "said" something on is the statement's day, not the event's (set
# READMEs: "told ... on Tuesday", "reported on Thursday" → null): it gives way to another date of the sentence ("The
# State Bureau of Investigation said on Tuesday it had charged five soldiers who in late April refused ...")
_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|announced|stated|confirmed|wrote|released|published|сообщил\w*|сообщает|заявил\w*|заявляет|"
    r"рассказал\w*|написал\w*|подтвердил\w*|уточнил\w*|повідомил\w*|повідомив|повідомляє|заяви(?:в|ла|ли)|"
    r"розповіл\w*|розповів|написа(?:в|ла|ли)|підтверди(?:в|ла|ли)|уточни(?:в|ла|ли))\b",
    re.I,
)
_REPORTER = re.compile(
    r"\b(?:ДБР|ГБР|SBI|State Bureau|Bureau|ministry|министерств\w*|міністерств\w*|Минобороны|Міноборони|МВД|МВС|"
    r"police|полици\w*|поліці\w*|prosecutor\w*|прокуратур\w*|прокурор\w*|пресс-служб\w*|прес-служб\w*|"
    r"court|суд(?:а|у|ом|е|ы|і)?|lawyer|attorney|адвокат\w*|СМИ|ЗМІ|media|outlet|officials?|spokes\w+|"
    r"представител\w*|речни\w+|embassy|посольств\w*|governor|губернатор\w*|Генштаб\w*|General Staff|"
    # codebook 1.14: "Ukrainian military intelligence said on Tuesday that ... on Sunday"
    r"intelligence|разведк\w*|розвідк\w*|ГУР|HUR|ГУР МО|investigators|следовател\w*|слідч\w*)\b",
    re.I,
)
# the date a person was called up or recruited is their back-story, not the event ("мобилизованные в сентябре 2022
# года записали обращение", "чоловіків, забраних у лютому", "men drafted in October")
DRAFTED_BEFORE = re.compile(
    r"\b(?:мобилизован|призван|забран|завербован|отправлен|мобілізован|призван|забран|завербован|відправлен|"
    r"мобилизовал|призвал|забрал|завербовал|мобілізувал|завербувал|"
    r"mobili[sz]ed|drafted|recruited|conscripted|called\s+up|deployed)\w*\s+(?:ещё\s+|еще\s+|ще\s+|back\s+)?"
    r"(?:(?:в|у|in|on)\s+)?$"
    # wounded earlier: "a contract soldier, wounded in June, refused on July 15" (the wound is his back-story); not
    # the wounded men of the event ("to evacuate the wounded in late March", "эвакуировать раненых в марте")
    r"|(?<!the\s)\b(?:wounded|ранен(?:а|ы|ый|ая|ого)?|поранен(?:ий|а|і|ого)?)\s+"
    r"(?:(?:в|у|in|on)\s+)?$",
    re.I,
)
# "ещё в феврале", "ще у лютому", "back in February": a month as long ago as that is the story before (a day
# after "ещё" may still be the event's: "обращение записали ещё 5 марта")
LONG_AGO_BEFORE = re.compile(r"\b(?:ещё|еще|ще|back)\s+(?:(?:в|у|in)\s+)?$", re.I)
# a weekday to come: "в следующую пятницу", "у наступний вівторок", "next Friday"
NEXT_WEEKDAY = re.compile(
    r"\b(?:next|this coming|(?:в|во|у)\s+(?:следующ|ближайш|наступн)\w*|наступного|наступної)\s+"
    rf"(?:{_WD_EN}|{_WD_RU_ACC}|{_WD_UK_ACC}|вівторка|понеділка|середи|четверга|п['’ʼ]ятниці|суботи|неділі)\b",
    re.I,
)
# a plan or a promise in the clause: a weekday named there is the day to come ("в пятницу они намерены выйти")
FUTURE_NEAR = re.compile(
    r"\b(?:планиру\w+|намерен\w*|намерева\w+|собираются|собирается|грозятся|обещают|пообещал\w*|планують|"
    r"планує|має намір|мають намір|збираються|збирається|обіцяють|will|plans? to|planning to|intends? to|"
    r"going to|vow(?:s|ed)? to|threaten(?:s|ed)? to)\b",
    re.I,
)
_ABBR_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*$")
# a court's verdict or sentence: its date gives way to the date of the act in the same sentence
_COURT_NEAR = re.compile(
    r"\b(?:приговор\w*|приговорил\w*|осудил\w*|засуди\w+|вирок\w*|sentenc\w+|convicted|verdict|jailed)",
    re.I,
)
# an official answering the soldiers or their families right after the date: "6 ноября губернатор Александр Гусев
# встречался с ними", "12 травня голова ОДА пообіцяв", "On May 12 the governor met the women": the day of the
# answer, not of the event (a later date of the text, or another one of the sentence, is read)
_OFFICIAL_ANSWER = re.compile(
    r"\s*,?\s*(?:the\s+)?(?:(?:regional|local|областн\w+|обласн\w+|местн\w+|місцев\w+)\s+)?"
    r"(?:губернатор\w*|глав[аы]\s+(?:регион|республик|област|район|город)\w*|министр\w*|міністр\w*|мэр\w*|мер\b|"
    r"голова\s+(?:ОДА|ОВА|облдержадміністрації|області|району|міста)|военком\w*|воєнком\w*|командовани\w*|"
    r"командуванн\w*|governor|mayor|minister|commanders?|officials?|authorities)"
    r"(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+){0,3}\s+"
    r"(?:встречал\w*|встретил\w*|пообещал\w*|обещал\w*|ответил\w*|принял\w*|зустрі\w+|пообіця\w+|обіця\w+|"
    r"відпові\w+|прийня\w+|met|promised|replied|responded|received)\b",
    re.I,
)
# a news dateline ("KYIV, May 19 (Reuters) -", "МОСКВА, 19 мая — РИА Новости."): the report's date, not the event's
# (with the country after the town: "SAMARA, Russia, Sept 18 -")
DATELINE_BEFORE = re.compile(r"^\s*[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ .'’-]{2,30},(?:\s*[A-ZА-ЯЁІЇЄҐ][\w .'’-]{1,30},)?\s*$")
DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{2,30}\)\s*)?[-—–]")
# a day-month without a year that falls 3-60 days after publication is an announced plan ("would pull out of
# Bakhmut on May 10"), not last year's event
FUTURE_DAYS = 60
NIGHT_BEFORE = re.compile(r"\b(?:в|у)\s+ніч\s+на\s*$|\bв\s+ночь\s+на\s*$|\bovernight\s+(?:into|to)\s*$", re.I)
BACKGROUND = re.compile(
    r"(?<!\w)(?:после|після|after|since|с|з|від|от|until|до|by|starting|"
    # a date set for later is not the event's ("следующий сбор назначен на 19 сентября")
    r"назначен\w*\s+на|запланирован\w*\s+на|намечен\w*\s+на|призначен\w*\s+на|заплановано\s+на|"
    r"scheduled\s+for|planned\s+for|set\s+for)\s*$",
    re.I,
)
# the words without which AFTER_DAYS cannot match (a cheap test before the regex)
_AFTER_WORDS = (
    "через", "later", "спустя", "потому", "следующий", "наступного", "другой день", "next day", "following day"
)  # fmt: skip
# the clause a past perfect and the month share
_PLUP_SPLIT = re.compile(r"[.;!?\n,]|\b(?:who|which|that|when|after)\b")
# "Russia Today", "the Uzgen Today page": a capitalised name mid-sentence before "Today" makes it an outlet's name
_TODAY_NAME = re.compile(r"(?:\b(?:Russia|USA|Ukraine|Moscow)|[a-z,;:]\s+[A-Z][\w'’-]+)\s+$")
# the English past perfect: "had left", "had fled" (not "had to")
PLUPERFECT = re.compile(r"\bhad\s+(?!to\b)(?:(?:not|already|earlier|first|reportedly)\s+)?[a-z]+", re.I)
# "видео от 15 марта", "звернення від 15.03.2025", "лист від 2 травня": the document's date, not "since"
DATED_DOCUMENT = re.compile(
    r"(?<!\w)(?:видео|відео|ролик\w*|запис\w*|обращени\w+|звернен\w+|письм\w+|лист(?:а|і|у|ом)?|пост\w*|допис\w*|"
    r"сообщени\w+|повідомлен\w+|заявлени\w+|заяв[аиоуі]\w*|рапорт\w*|приказ\w*|наказ\w*|петици\w+|петиці\w+)"
    r"\s+(?:от|від)\s*$",
    re.I,
)
# "28 августа прошлого года", "торік", "last year": the year before publication
LAST_YEAR_AFTER = re.compile(
    r"\s*(?:прошлого\s+года|минувшего\s+года|минулого\s+року|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year)\b",
    re.I,
)
# "торік у березні", "в прошлом году в марте", "last year in March": the month of the year before publication
LAST_YEAR_BEFORE = re.compile(
    r"(?<!\w)(?:торік|минулого\s+року|(?:у|в)\s+минулому\s+році|в\s+(?:прошлом|минувшем)\s+году|last\s+year)"
    r"[\s,]*$",
    re.I,
)
WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
    "понеділок": 0,
    "вівторок": 1,
    "середу": 2,
    "четвер": 3,
    "п'ятницю": 4,
    "суботу": 5,
    "неділю": 6,
    "понеділка": 0,
    "вівторка": 1,
    "середи": 2,
    "четверга": 3,
    "п'ятниці": 4,
    "суботи": 5,
    "неділі": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    # the nominative of a dateline ("Элиста, суббота.", DATELINE_WEEKDAY)
    "среда": 2,
    "пятница": 4,
    "суббота": 5,
    "середа": 2,
    "п'ятниця": 4,
    "субота": 5,
    "неділя": 6,
}
# a dateline: a town and the day's name opening the text ("Элиста, суббота.", "Кременчук, неділя —", "KYIV, Saturday:")
DATELINE_WEEKDAY = re.compile(
    r"^\s*[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:[ -][A-ZА-ЯЁІЇЄҐ][\w'’-]+)?,\s+"
    r"((?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|"
    r"п['’]ятниця|субота|неділя|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*[.:—–-]"
)


@dataclass(frozen=True, slots=True)
class DateHit:
    iso: str  # YYYY-MM-DD or XXXX-MM-DD
    precision: str  # day, month
    start: int
    end: int
    background: bool  # "after 8 June": context, not the event's own date
    relative: bool
    # a month made background only by the relative clause it stands in ("командира, який у листопаді вимагав ..."):
    # the engine dates an event by it when the clause tells the event's own act and nothing else dates it
    clause: bool = False
    # a news dateline's day ("MOSCOW, March 4 (Wire) —"): the report's date; the engine dates the event by it only
    # when no other sentence of the event gives a date ("... The video, posted on Sunday", team-heldout-42)
    dateline: bool = False
    # a day counted from another the text names ("подписал контракт 28 октября ... Через десять дней он был в штурмовом
    # подразделении"): what happened next; a deceived recruit's case is dated by the enlistment (see Engine._event)
    counted: str = ""  # the day counted from (ISO), for a day so counted


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for cut in (len(w), 6, 5, 4, 3, 2):
        hit = MONTHS.get(w[:cut])
        if hit:
            return hit
    return None


def _resolve(day: int, month: int, year: int | None, pub: date | None) -> str | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        if pub is None:
            return f"XXXX-{month:02d}-{day:02d}"
        year = pub.year
        try:
            if date(year, month, day) > pub + timedelta(days=2):  # a past event: last year's date
                year -= 1
        except ValueError:
            return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_or_year(month: int, year: str | None, pub: date | None, last_year: bool) -> str:
    """The month in the year written after it ("в конце августа 2024 года"), else as ``_month_of`` reads it."""
    return f"{int(year):04d}-{month:02d}-01" if year else _month_of(month, pub, last_year)


def _later(day: int, month: int, year: int | None, pub: date | None) -> bool:
    """True for a day-month without a year that falls 3-60 days after publication (an announced plan)."""
    if year is not None or pub is None:
        return False
    try:
        ahead = (date(pub.year, month, day) - pub).days
    except ValueError:
        return False
    return 2 < ahead <= FUTURE_DAYS


def _month_of(month: int, pub: date | None, last_year: bool = False) -> str:
    """A month without a year: the latest such month up to the publication date (``last_year``: in the year
    before publication, "в марте прошлого года")."""
    if pub is None:
        return f"XXXX-{month:02d}-01"
    year = pub.year - 1 if last_year else pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}-01"


def _last_year(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """True when the month matched is said to be last year's: "в марте прошлого года", "торік у березні"."""
    return bool(
        LAST_YEAR_AFTER.match(text, m.end(), end)
        or LAST_YEAR_BEFORE.search(text, max(start, m.start() - 30), m.start())
    )


def _relative(word: str, pub: date | None) -> str | None:
    if pub is None:
        return None
    w = re.sub(r"\s+", " ", word.lower().replace("’", "'").replace("ʼ", "'"))
    if w in ("вчера", "вчора", "учора", "yesterday", "накануне", "напередодні") or w.startswith(
        ("вчерашн", "вчорашн", "учорашн")
    ):
        return (pub - timedelta(days=1)).isoformat()
    if w in ("позавчера", "позавчора", "the day before yesterday") or w.startswith(("позавчерашн", "позавчорашн")):
        return (pub - timedelta(days=2)).isoformat()
    if "выходн" in w or "вихідн" in w or "weekend" in w:
        return (pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)).isoformat()
    if w in ("неделю назад", "тиждень тому", "a week ago"):
        return (pub - timedelta(days=7)).isoformat()
    if w == "a fortnight ago":
        return (pub - timedelta(days=14)).isoformat()
    if w in ("сегодня", "сьогодні", "today", "зранку", "this morning", "сегодня утром", "earlier today") or w in (
        "this afternoon",
        "этим утром",
        "этим вечером",
        "цього ранку",
        "this evening",
        "tonight",
        "этой ночью",
        "сегодня ночью",
        "прошлой ночью",
        "ночью",
        "цієї ночі",
        "минулої ночі",
        "сьогодні вночі",
        "вночі",
        "last night",
        "overnight",
    ):
        return pub.isoformat()
    ago = re.match(r"(\S+) (\S+) (?:назад|тому|ago)", w)
    if ago:
        n = int(ago[1]) if ago[1].isdigit() else _AGO_WORDS.get(ago[1], 0)
        weeks = ago[2].startswith(("недел", "тижн", "week"))
        return (pub - timedelta(days=n * (7 if weeks else 1))).isoformat() if n else None
    day = w.split()[-1]
    if day in WEEKDAYS:  # the latest such weekday on or before publication
        back = (pub.weekday() - WEEKDAYS[day]) % 7
        if back == 0 and re.match(r"(?:(?:в|во|у) )?(?:last|this past|прошл|минувш|минул)", w):
            back = 7  # "минулої середи", "last Wednesday" in a Wednesday post: a week before
        return (pub - timedelta(days=back)).isoformat()
    return None


def _count_word(word: str) -> int:
    w = word.lower().replace("’", "'").replace("ʼ", "'")
    return int(w) if w.isdigit() else _AGO_WORDS.get(w, 0)


_EXPLICIT_DAY = (DAY_MONTH_CYR, EN_MD, EN_DM, NUMERIC, ISO)


def _numeric(m: re.Match[str]) -> tuple[int, int, int]:
    """(day, month, year) of a NUMERIC match: day first, unless a slashed date's second number is no month."""
    if m[2] is not None:
        return int(m[1]), int(m[2]), int(m[3]) + (2000 if len(m[3]) == 2 else 0)
    day, mon = int(m[1]), int(m[4])
    return (mon, day, int(m[5])) if mon > 12 >= day else (day, mon, int(m[5]))


def _last_day_before(text: str, at: int, pub: date | None) -> date | None:
    """The last day with its month written out in the 600 characters before ``at``."""
    window = max(0, at - 600)
    best: tuple[int, date] | None = None
    for rx in _EXPLICIT_DAY:
        for m in rx.finditer(text, window, at):
            if rx is ISO:
                day, mon, year = int(m[3]), int(m[2]), int(m[1])
            elif rx is NUMERIC:
                day, mon, year = _numeric(m)
            else:
                d_grp, m_grp = (2, 1) if rx is EN_MD else (1, 2)
                day, mon_found, year = int(m[d_grp]), _month(m[m_grp]), int(m[3]) if m[3] else 0
                if not mon_found:
                    continue
                mon = mon_found
            iso = _resolve(day, mon, year or None, pub)
            if iso is None or iso.startswith("X"):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), date.fromisoformat(iso))
    return best[1] if best else None


def _counted_from(text: str, at: int) -> bool:
    """True when "N days later" follows within 400 characters and no other day is named between."""
    window = text[at : at + 400]
    m = AFTER_DAYS.search(window)
    if m is None:
        return False
    return not any(rx.search(window, 0, m.start()) for rx in _EXPLICIT_DAY)


def _clause_around(text: str, a: int, b: int) -> str:
    """The words of the clause around a date: back to a comma or stop, on to the next one."""
    return re.split(r"[,.;:!?\n]", text[max(0, a - 30) : a])[-1] + " " + re.split(r"[,.;:!?\n]", text[b : b + 30])[0]


def _latest_day(pub: datetime | None) -> date | None:
    """The latest calendar day anywhere in the region at the moment of publication (its own day if naive)."""
    if pub is None:
        return None
    if pub.tzinfo is None:
        return pub.date()
    return max(pub.date(), (pub.astimezone(UTC) + timedelta(hours=12)).date())


def _weekday(day: int, pub: date | None) -> str | None:
    """The latest such weekday (0 = Monday) on or before publication."""
    if pub is None:
        return None
    return (pub - timedelta(days=(pub.weekday() - day) % 7)).isoformat()


# a span of two dates, "с 5 марта по 20 июня", "з 5 березня до 20 червня", "from March 5 to June 20": its first day
# is the event's (no "since"), the last is where it ends
_SPAN_FROM = re.compile(r"(?<!\w)(?:с|со|з|із|зі|від|from|between)\s*$", re.I)
_SPAN_TO = re.compile(r"^\s*(?:(?:года|року|г\.|р\.|рр\.)\s*)?,?\s*(?:по|до|to|until|till|through|and)\s*$", re.I)


def _spans(text: str, hits: list[DateHit], latest: str) -> list[DateHit]:
    """The first date of a span is the event's and the last one the span's end (see ``_SPAN_TO``)."""
    if len(hits) < 2:
        return hits
    order = sorted(range(len(hits)), key=lambda i: hits[i].start)
    out = list(hits)
    for i, j in zip(order, order[1:], strict=False):
        a, b = hits[i], hits[j]
        if a.relative or b.relative or a.precision != b.precision or not _SPAN_TO.match(text[a.end : b.start]):
            continue
        if not _SPAN_FROM.search(text[max(0, a.start - 12) : a.start]):
            continue
        if a.iso.startswith("X") or a.iso <= latest:
            out[i] = replace(a, background=False)
            out[j] = replace(b, background=True)
    return out


def find_dates(text: str, start: int, end: int, pub: datetime | None, fallback: bool = True) -> list[DateHit]:
    """Dates inside ``text[start:end]`` (offsets into ``text``), in order of appearance.

    ``fallback``: a month told in a relative clause (a person's back-story) is the event's when the whole text
    dates nothing else.
    """
    pubd = pub.date() if pub else None
    # no event happens after its report: a day later than the publication's date east of Kamchatka (UTC+12, the
    # region's last time zone) is one announced or planned, never the event's
    latest = (_latest_day(pub) or date.min).isoformat()
    legal = bool(LEGAL_SENT.search(text, start, end))
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping spans of the hits so far
    clause_months: list[int] = []  # starts of months made background only by the relative clause they stand in
    dateline: list[tuple[int, int]] = []

    def add(
        iso: str | None,
        precision: str,
        a: int,
        b: int,
        relative: bool = False,
        aside: bool = False,
        attributive: bool = False,
        counted: str = "",
    ) -> None:
        """``aside``: known already to be no date of the event (a day announced for later, a day to come)."""
        at = bisect_left(taken, (a, b))
        if iso is None or (at and taken[at - 1][1] > a) or (at < len(taken) and taken[at][0] < b):
            return
        before = text[max(start, a - 24) : a]
        # "after Friday prayers", "после пятничного намаза": the preposition governs the noun, not the day
        background = bool(BACKGROUND.search(before)) and not NIGHT_BEFORE.search(before) and not attributive
        background = background and not DATED_DOCUMENT.search(before)
        background = background or aside
        # a month, or a span counted back ("three weeks ago"), in a relative clause tells the person's back-story:
        # "up to 20 servicemen from Tuva, who filed reports asking to leave three weeks ago, are now locked up"
        # (a weekday there stays: "a soldier who deserted on Sunday" is the event's day)
        by_clause = (
            ((precision == "month" and not relative) or COUNTED_BACK.search(text, a, b) is not None)
            and not legal
            and CLAUSE_BEFORE.search(text[max(start, a - 80) : a])
            and not CLAUSE_CLOSED.search(text[max(start, a - 80) : a])
        )
        # "He had left military unit 52704 in August": the back-story of what the text tells (an arrest last
        # Wednesday), unless the text dates nothing else (codebook 1.15, team-heldout-31)
        plup = (
            precision == "month"
            and not relative
            and not by_clause
            and PLUPERFECT.search(_PLUP_SPLIT.split(text[max(start, a - 80) : a])[-1]) is not None
        )
        by_clause = by_clause or plup
        if not relative and DRAFTED_BEFORE.search(text[max(start, a - 40) : a]):
            background = True
        if precision == "month" and not relative and LONG_AGO_BEFORE.search(text[max(start, a - 12) : a]):
            background = True
        if a < 60 and DATELINE_BEFORE.match(text[:a]) and DATELINE_AFTER.match(text, b):
            dateline.append((a, b))
        if pubd is not None and not iso.startswith("X"):
            # a day (or a month) after publication, its year written out, is a plan: "вывод назначен на 20 октября
            # 2023 года" in a post of 10 October 2023
            ahead = iso > latest if precision == "day" else iso[:7] > pubd.isoformat()[:7]
            background = background or ahead
        if relative and precision == "day" and iso != (pubd.isoformat() if pubd else None):
            clause = (
                re.split(r"[.;!?\n]", text[max(start, a - 60) : a])[-1] + re.split(r"[.;!?\n,]", text[b : b + 60])[0]
            )
            if FUTURE_NEAR.search(clause):
                background = True  # "в пятницу жёны намерены выйти на пикет": a day to come
        clause = False
        if by_clause and not background:
            if plup or _told_in_clause(text, start, end, a, b):
                clause_months.append(a)  # the person's back-story, unless the text dates nothing else (below)
            background = True
            clause = precision == "month" and not relative
        taken.insert(at, (a, b))
        hits.append(DateHit(iso, precision, a, b, background, relative, clause, counted=counted))

    if "night" in text[start:end].lower() or re.search(r"\b(?:ночь|ніч)\s", text[start:end], re.I):
        for m in NIGHT_DAYS.finditer(text, start, end):
            mon = _month(m["m2"] or m["m1"] or m["m3"])
            day = int(m["d1"] or m["d2"])
            if mon:
                given = int(m["y"]) if m["y"] else None
                add(_resolve(day, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day, mon, given, pubd))
        for m in NIGHT_DAYS_CYR.finditer(text, start, end):
            mon = _month(m[2])
            if mon:
                given = int(m[3]) if m[3] else None
                day = int(m[1])
                add(_resolve(day, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day, mon, given, pubd))
        for m in NIGHT_WEEKDAYS.finditer(text, start, end):
            add(_weekday(WEEKDAYS[(m[1] or m[2]).lower()], pubd), "day", m.start(), m.end(), relative=True)
    for m in ISO.finditer(text, start, end):
        add(_resolve(int(m[3]), int(m[2]), int(m[1]), pubd), "day", m.start(), m.end())
    for m in NUMERIC.finditer(text, start, end):
        add(_resolve(*_numeric(m), pubd), "day", m.start(), m.end())
    for m in DAY_MONTH_NUM.finditer(text, start, end):
        add(_resolve(int(m[1]), int(m[2]), None, pubd), "day", m.start(), m.end())
    for m in ORDINAL_DAY_MONTH.finditer(text, start, end):
        mon = _month(m[2])
        words = re.sub(r"\s+", " ", m[1].lower().replace("’", "'").replace("ʼ", "'").replace("ё", "е"))
        day_n = ORDINAL_DAYS.get(words) or ORDINAL_DAYS.get(words.split()[-1])
        if mon and day_n:
            given = int(m[3]) if m[3] else None
            add(_resolve(day_n, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day_n, mon, given, pubd))
    for m in DAY_RANGE.finditer(text, start, end):
        mon = _month(m[2])
        if mon:
            given = int(m[3]) if m[3] else None
            day = int(m[1])
            add(_resolve(day, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day, mon, given, pubd))
    for m in DAY_MONTH_CYR.finditer(text, start, end):
        mon = _month(m[2])
        if mon:
            given = int(m[3]) if m[3] else None
            if given is None and pubd is not None and LAST_YEAR_AFTER.match(text, m.end(), end):
                given = pubd.year - 1
            day = int(m[1])
            add(_resolve(day, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day, mon, given, pubd))
    # a sentence split after "Nov." leaves the day at the start of this one: read the month from before it
    split = _ABBR_END.search(text, max(0, start - 8), start)
    for m in EN_MD.finditer(text, split.start() if split else start, end):
        mon = _month(m[1])
        if mon:
            given = int(m[3]) if m[3] else None
            day = int(m[2])
            add(_resolve(day, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day, mon, given, pubd))
    for m in EN_DM.finditer(text, start, end):
        mon = _month(m[2])
        if mon:
            given = int(m[3]) if m[3] else None
            day = int(m[1])
            add(_resolve(day, mon, given, pubd), "day", m.start(), m.end(), aside=_later(day, mon, given, pubd))
    for m in MONTH_CYR.finditer(text, start, end):
        mon = _month(m[1])
        if mon:
            add(f"{int(m[2]):04d}-{mon:02d}-01", "month", m.start(1), m.end())
    for m in EN_MONTH_YEAR.finditer(text, start, end):
        mon = _month(m[1])
        if mon:
            add(f"{int(m[2]):04d}-{mon:02d}-01", "month", m.start(1), m.end())
    for m in EN_LAST_MONTH.finditer(text, start, end):
        mon = _month(m[1])
        if mon:
            add(_month_or_year(mon, m["year"], pubd, _last_year(text, m, start, end)), "month", m.start(), m.end())
    for m in MONTH_ONLY_CYR.finditer(text, start, end):
        mon = _month(m[2].split()[-1])
        if mon:
            # "с начала мая", "к началу октября": a practice since, or a state by, that month is dated by it
            add(_month_or_year(mon, m["year"], pubd, _last_year(text, m, start, end)), "month", m.start(), m.end())
    line = DATELINE_WEEKDAY.match(text) if start == 0 else None
    if line is not None and line.end(1) <= end:
        add(_relative(line[1], pubd), "day", line.start(1), line.end(1), relative=True)
    for m in MONTH_DURING.finditer(text, start, end):
        mon = _month(m[1])
        if mon:
            add(_month_or_year(mon, m["year"], pubd, _last_year(text, m, start, end)), "month", m.start(), m.end())
    for m in LAST_MONTH_REL.finditer(text, start, end):
        if pubd is not None:
            prev = date(pubd.year, pubd.month, 1) - timedelta(days=1)
            add(f"{prev.year:04d}-{prev.month:02d}-01", "month", m.start(), m.end(), relative=True)
    for m in THIS_MONTH.finditer(text, start, end):
        if pubd is not None:
            add(f"{pubd.year:04d}-{pubd.month:02d}-01", "month", m.start(), m.end(), relative=True)
    for m in NEXT_WEEKDAY.finditer(text, start, end):
        add(_relative(m[0].split()[-1], pubd), "day", m.start(), m.end(), relative=True, aside=True)
    for m in RELATIVE.finditer(text, start, end):
        if m[1].lower() in ("накануне", "напередодні") and EVE_OF.match(text, m.end()):
            continue  # "накануне выборов", "напередодні Дня захисника": the eve of something else, not of the post
        if m[1].lower() in ("накануне", "напередодні") and any(h.start < m.start() and not h.relative for h in hits):
            # "в конце апреля отказались идти в атаку: накануне их рота потеряла половину": the eve of the date the
            # sentence has just given, not of the post (team-heldout-12)
            continue
        if m[1] == "Today" and _TODAY_NAME.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # an outlet's name: "Russia Today", "the Uzgen Today page" (a capitalised name mid-sentence)
        if re.match(r"[»”\"]", text[m.end() : m.end() + 1]) and re.search(
            r"[«“\"](?:[A-ZА-ЯЁІЇЄҐ][\w'’-]*\s+)?$", text[max(0, m.start() - 31) : m.start()]
        ):
            continue  # the last word of a quoted name: «Украина сегодня», "Russia Today"
        add(_relative(m[1], pubd), "day", m.start(), m.end(), relative=True)
    low = text[start:end].lower()
    after_days = any(w in low for w in _AFTER_WORDS)
    for m in AFTER_DAYS.finditer(text, start, end) if after_days else ():
        base = _last_day_before(text, m.start(), pubd)
        if base is not None:
            weeks = re.search(r"недел|тижн|тиждень|week", m[0], re.I) is not None
            n = 1 if m[3] else 1 if m[4] else _count_word(m[1] or m[2])  # m[4]: one week
            if n:
                later = (base + timedelta(days=n * (7 if weeks else 1))).isoformat()
                add(later, "day", m.start(), m.end(), counted=base.isoformat())
    for m in WEEKDAY_ADJ.finditer(text, start, end):
        stem = m[1].lower().replace("’", "'").replace("ʼ", "'")
        add(_weekday(_WEEKDAY_STEMS[stem], pubd), "day", m.start(), m.end(), relative=True, attributive=True)
    for m in EN_WEEKDAY.finditer(text, start, end):
        attributive = bool(_ATTRIBUTIVE_AFTER.match(text, m.end(), end))
        add(_weekday(WEEKDAYS[m[1].lower()], pubd), "day", m.start(), m.end(), relative=True, attributive=attributive)
    hits = _spans(text, hits, latest)
    if dateline and any(h.start != dateline[0][0] and not h.background for h in hits):
        # the dateline gives way to the date the story tells ("KYIV, May 19 (Reuters) - ... on Saturday")
        hits = [replace(h, background=True) if h.start == dateline[0][0] else h for h in hits]
    elif dateline:
        hits = [replace(h, dateline=True) if h.start == dateline[0][0] else h for h in hits]
    # "12 марта суд приговорил его за то, что 3 января он отказался идти в бой": the verdict gives way to the act; a
    # verdict's day alone is no date of the act either (set READMEs: "the date of a court ruling is not the date of
    # the refusal"), so a later sentence that dates the act is read
    court = {h.start for h in hits if not h.background and _COURT_NEAR.search(_clause_around(text, h.start, h.end))}
    # "6 ноября губернатор встречался с ними и обещал разобраться": the authorities' answer is no event of theirs
    court |= {h.start for h in hits if not h.background and _OFFICIAL_ANSWER.match(text, h.end, end)}
    if court:
        hits = [replace(h, background=True) if h.start in court else h for h in hits]
    reporter = _REPORTER.search(text, start, end) if any(h.relative for h in hits) else None
    said = [
        h
        for h in hits
        if reporter is not None
        and h.relative
        and not h.background
        and reporter.start() < h.end + 40
        and _REPORTING.search(_clause_around(text, h.start, h.end))
    ]
    said_at = {h.start for h in said}
    if said and any(not h.background and h.start not in said_at for h in hits):
        hits = [replace(h, background=True) if h.start in said_at else h for h in hits]
    # "17 марта их бросили на позиции... Через два дня бойцы отказываются": the day counted from is the story
    # before the event
    for i, h in enumerate(hits):
        if h.precision == "day" and not h.relative and not h.background and _counted_from(text, h.end):
            hits[i] = replace(h, background=True)
    if clause_months and fallback:
        # "ГУР показало интервью с лётчиком, который в августе перелетел на сторону Украины": when the text dates
        # nothing else, the month the relative clause tells is the only date the text gives the event (codebook §4:
        # "if the text gives or implies it"), no back-story to a dated event
        # (the month itself may read as the event's in the whole text: a court or an arrest in another sentence)
        if not any(
            not h.background and h.start not in clause_months
            for h in find_dates(text, 0, len(text), pub, fallback=False)
        ):
            hits = [replace(h, background=False) if h.start in clause_months else h for h in hits]
    hits.sort(key=lambda h: h.start)
    return hits
