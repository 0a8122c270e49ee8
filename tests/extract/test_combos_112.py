"""Codebook 1.12: the cues, combos and traps written from team-heldout-17's errors — the unit before "не вернулся",
positions left, flight from a hospital ward (desertion); an order ("розпорядження") not carried out and "туда не
поедет" after an order (refusal); a metal container as a cell and money "to stay out of" the assaults (abuse); the
imperfective of offering a choice and the ministry's contract named adjective first (coercion); standing or demanding
at an office, the enlistment office included (protest); a driver's breath test as a trap. Also: the part of a month
named alone ("Конец июня."), a numbered BARS detachment, a platform named before a complaint. Sentences are written
for these tests, in ru, uk and en, with the near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from extract_helpers import cue_types, verdict

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.places import PlaceHit, default_gazetteer, find_places
from sitrep.extract.text import tokenize
from sitrep.extract.units import find_units
from sitrep.models import Extraction


def _extract(text: str, published: str) -> Extraction:
    return Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": published}))


def _places(text: str, lang: str) -> list[PlaceHit]:
    return find_places(text, list(tokenize(text, lang)), default_gazetteer(), lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Рядовой 64-й бригады после отпуска в часть не вернулся и прятался у родных под Курском.", "ru", "desertion"),
        ("Після лікування солдат 28-ї бригади до частини не повернувся.", "uk", "desertion"),
        ("Трое штурмовиков 9-го полка в пятницу покинули позиции у Марьинки и ушли в тыл.", "ru", "desertion"),
        ("Четверо мобилизованных ночью сбежали из госпиталя в Ростове.", "ru", "desertion"),
        ("Двоє військових 45-ї бригади втекли зі шпиталю у Дніпрі.", "uk", "desertion"),
        ("Three contract soldiers slipped out of a Donetsk hospital ward overnight.", "en", "desertion"),
        ("Шестеро бойцов 3-го батальона не выполнили боевое распоряжение занять оборону у Кременной.", "ru", "refusal"),
        ("Семеро бійців 31-ї бригади не виконали розпорядження командира вийти на позиції.", "uk", "refusal"),
        ("Получив приказ убыть на фронт, контрактник заявил, что «туда не поедет».", "ru", "refusal"),
        ("Отримавши наказ, мобілізований сказав, що на позиції не поїде.", "uk", "refusal"),
        ("Ротный держал пятерых солдат сутки в металлическом контейнере.", "ru", "abuse"),
        ("Комбат тримав трьох мобілізованих у металевому контейнері без води.", "uk", "abuse"),
        ("Officers kept four conscripts in a metal container for two days.", "en", "abuse"),
        ("A sergeant charged soldiers 100,000 roubles each to stay out of assault groups.", "en", "abuse"),
        ("В военкомате задержанным предлагали выбор: контракт с Минобороны или уголовное дело.", "ru", "coercion"),
        ("Migrants were given a choice between a defence ministry contract and deportation.", "en", "coercion"),
    ],
)
def test_a_new_wording_tells_its_type(text: str, lang: str, expected: str) -> None:
    assert cue_types(text, lang).get(expected, 0.0) >= 0.7


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("у военкомата на Ленина опять стоят мамы срочников. человек сорок", "ru"),
        ("Сегодня у областного ТЦК около тридцати жён военных требовали демобилизации.", "ru"),
        ("Біля ТЦК у Луцьку дружини мобілізованих вимагали відпустити чоловіків на ротацію.", "uk"),
        ("Mothers of conscripts stood outside the enlistment office demanding their sons back.", "en"),
    ],
)
def test_standing_or_demanding_at_an_office_is_a_protest(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("protest", 0.0) >= 0.8


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Мобилизованные пишут, что просили вывезти раненых, но в письме требовали лишь ротации.", "ru"),
        ("The wounded soldier left the hospital on Friday after three weeks of treatment.", "en"),  # discharged
        ("Солдат выписался из госпиталя и уехал домой в отпуск.", "ru"),
    ],
)
def test_a_demand_in_a_letter_or_a_discharge_is_no_protest_or_flight(text: str, lang: str) -> None:
    types = cue_types(text, lang)
    assert types.get("protest", 0.0) < 0.8 and types.get("desertion", 0.0) < 0.7


def test_a_driver_who_refused_a_breath_test_is_no_refusal() -> None:
    assert verdict("Суд оштрафовал водителя, который отказался дуть в алкотестер после ДТП у военкомата.")[0] is False
    assert verdict("Суд оштрафував водія, який відмовився дмухати в драгер біля ТЦК.")[0] is False


def test_the_part_of_a_month_named_alone_dates_the_event() -> None:
    ext = _extract(
        "Конец мая, под Торецком. Командир роты избил двух мобилизованных прикладом.", "2025-06-04T10:00:00+03:00"
    )
    assert ext.events and ext.events[0].event_date == "2025-05-01" and ext.events[0].date_precision == "month"


def test_a_numbered_bars_detachment_keeps_its_number() -> None:
    text = "добровольці загону «БАРС-12» не стали виконувати наказ"
    assert [u.name for u in find_units(text, 0, len(text))] == ["BARS-12 detachment"]
    plain = "бойцы «БАРСа» отказались"
    assert [u.name for u in find_units(plain, 0, len(plain))] == ["BARS"]


def test_a_platform_named_before_a_complaint_is_its_via() -> None:
    ext = _extract(
        "Во вторник в TikTok шестеро бойцов 12-й бригады пожаловались главкому: их не меняют полгода.",
        "2025-06-04T10:00:00+03:00",
    )
    assert ext.events and ext.events[0].event_type == "appeal" and ext.events[0].via == "TikTok"


# --- from team-heldout-19's errors (short Telegram-native posts) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Из госпиталя в Горловке раненых увезли прямо в штурм под Торецком.", "ru", "abuse"),
        ("Командир наказав забрати поранених зі шпиталю і кинути їх у штурм.", "uk", "abuse"),
        ("Старшина відгамселив молодого бійця держаком лопати.", "uk", "abuse"),
        ("Замкомбата брав з підлеглих по 500 доларів щомісяця.", "uk", "abuse"),
        ("Their company CO shot dead a wounded private who tried to crawl back.", "en", "abuse"),
        ("Seven migrants were talked into signing army contracts at the police station.", "en", "coercion"),
        ("Арестованным предложили: или контракт, или новое дело.", "ru", "coercion"),
        ("Ten recruits were promised drone units but found themselves in assault infantry.", "en", "coercion"),
        ("A corporal went home on leave in May and never came back to his unit.", "en", "desertion"),
        ("Five volunteers walked off their positions near Chasiv Yar on Sunday.", "en", "desertion"),
        ("Two conscripts ran off from military unit 12345 overnight.", "en", "desertion"),
        ("Мобилизованные из 5-го полка в очередной накат не пошли.", "ru", "refusal"),
        ("Контрактники в/ч 12345 не стали продлевать контракт.", "ru", "refusal"),
        ("Twelve men of the 3rd battalion would not get into the boats to cross the river.", "en", "refusal"),
        ("Дружини військових стояли біля міськради. Петицію передали депутатам.", "uk", "protest"),
    ],
)
def test_a_telegram_wording_tells_its_type(text: str, lang: str, expected: str) -> None:
    assert cue_types(text, lang).get(expected, 0.0) >= 0.7


def test_pleaded_guilty_is_no_appeal() -> None:
    assert cue_types("The soldier pleaded guilty and was jailed for two years.", "en").get("appeal", 0.0) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Звернення! Збираємо на 10 FPV для 45-го окремого стрілецького батальйону. Банка в коментарях.",
        "Military unit 12345 held a sports day for servicemen's children; a colonel's video message opened it.",
        "Военные суды в 2025 году рассмотрели свыше 9 тыс. дел о СОЧ. Средний срок — 5 лет. Данные Судебного "
        "департамента.",
        "Our survey says morale among mobilised men is low, with refusals and appeals widespread. No specific cases.",
        "1916: after weeks of shelling, whole battalions refused to attack and were disbanded.",
    ],
)
def test_a_fundraiser_a_sports_day_statistics_a_survey_and_history_are_no_reports(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_negated_modal_hedges_nothing() -> None:
    text = (
        "Девять раненых из 148-й бригады пожаловались на видео омбудсмену: их месяц не могут провести через ВЛК, "
        "зато уже числят в строю."
    )
    assert verdict(text) == (True, "appeal")


@pytest.mark.parametrize(
    ("text", "lang", "place", "role"),
    [
        (
            "📍 Назарово (Красноярський край): у суботу дружини мобілізованих вийшли до мерії.",
            "uk",
            "Nazarovo",
            "event",
        ),
        ("Кунгур, в/ч 86217: у травні строковиків змусили підписати контракт.", "uk", "Kungur", "event"),
        ("Сегодня на центральной площади Назарово стояли жёны мобилизованных.", "ru", "Nazarovo", "event"),
        ("Гусиноозёрские мобилизованные записали видео.", "ru", "Gusinoozyorsk", "origin"),
        ("Добровольці старооскольського загону відмовилися виконувати наказ.", "uk", "Stary Oskol", "origin"),
        ("Seven soldiers refused to take up positions near Hulyaipole.", "en", "Hulyaypole", "event"),
    ],
)
def test_a_town_heading_its_line_its_square_or_its_people(text: str, lang: str, place: str, role: str) -> None:
    hits = _places(text, lang)
    assert (place, role) in [(h.place.name, h.role) for h in hits]


def test_country_adjectives_stay_no_town() -> None:
    text = "Во Львове прошла акция родственников украинских военных."
    assert [h.place.name for h in _places(text, "ru")] == ["Lviv"]


# --- from team-heldout-18's errors (longer articles with background paragraphs) -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В тульской колонии заключённых держат в ШИЗО, пока не подпишут контракт\n\n"
            "В марте в колонии № 2 около тридцати осуждённых подписали контракты с Минобороны.",
            "coercion",
        ),
        (
            "В воскресенье командир батальона приказал пятерым раненым бойцам вернуться на штурм у Работино.",
            "abuse",
        ),
        (
            "Дванадцятьом мобілізованим обіцяли службу в ППО, а вони опинилися в стрілецькому батальйоні під Бахмутом.",
            "coercion",
        ),
        (
            "Сегодня нас было около сорока у здания администрации. Стояли с плакатами «Верните мужей домой».",
            "protest",
        ),
        (
            "Some thirty volunteers of the BARS-9 detachment balked on Monday at an order to move to positions near "
            "Sudzha.",
            "refusal",
        ),
    ],
)
def test_an_article_wording_tells_its_type(text: str, expected: str) -> None:
    assert verdict(text) == (True, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Губернатор записал видеообращение к бойцам 1463-го полка в День защитника Отечества.",
        "СЗЧ — симптом\n\nКолонка. Ми звикли говорити про самовільне залишення частини як про злочин. Але люди йдуть "
        "від безнадії.",
        "EU states registered 5,900 asylum applications from Russian men in 2024. Advocates often describe them as "
        "deserters.",
    ],
)
def test_an_address_to_soldiers_a_column_and_asylum_statistics_are_no_reports(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_headline_takes_the_actor_of_its_lead_but_not_the_other_way() -> None:
    # the stream's "Призывникам ... стали приходить уведомления" over a lead listing what is forbidden stays out
    text = (
        "Призывникам из Москвы стали приходить уведомления о запрете выезда за неявку в военкомат\n\n"
        "Также запрещается распоряжаться недвижимостью, брать кредиты и регистрировать машины."
    )
    assert verdict(text)[0] is False


def test_a_background_paragraph_names_no_place_of_the_event() -> None:
    text = (
        "Мать бойца рассказала, что в воскресенье командир приказал шестерым раненым вернуться на штурм у Работино.\n\n"
        "«У сына осколочное в руку», — говорит женщина.\n\n"
        "Напомним, в 2023 году в Иркутской области сформировали батальон «Ангара».\n\n"
        "Читайте также: в Ангарске начался приём заявок на компенсацию."
    )
    ext = _extract(text, "2025-02-11T10:00:00+03:00")
    assert ext.events and [p.name for p in ext.events[0].places] == ["Robotyne"]


def test_an_unnamed_outlet_of_a_town_is_no_via() -> None:
    text = "Twenty volunteers of the 5th battalion refused an order to attack, a relative told a Bryansk outlet."
    ext = _extract(text, "2025-02-11T10:00:00+03:00")
    assert ext.events and ext.events[0].via is None


def test_a_numbered_bars_detachment_in_english() -> None:
    text = "volunteers of the Klintsy-based BARS-24 detachment balked"
    assert [u.name for u in find_units(text, 0, len(text))] == ["BARS-24 detachment"]


# --- from team-heldout-23's errors (relatives' posts, press releases, lawyers) ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Мій чоловік і ще семеро хлопців з 57-го окремого батальйону вже рік без ротації. Тому пишу тут, у "
            "Фейсбуці, і прошу кожного поширити.",
            "appeal",
        ),
        ("Двенадцать срочников из в/ч 12345 заявили командованию, что не поедут в приграничный район.", "refusal"),
        ("Nine conscripts of military unit 12345 told their commanders they would not be redeployed.", "refusal"),
        ("Five contract soldiers of the 12th Regiment declined on Monday 3 March to sign an extension.", "refusal"),
        ("Семеро контрактників 14-го полку не погодилися підписати продовження контракту.", "refusal"),
        (
            "A company commander of the 25th battalion is accused of sending four wounded soldiers back to their "
            "positions instead of evacuating them.",
            "abuse",
        ),
        (
            "У четвер шістьох чоловіків у ТЦК переконали підписати документи, пообіцявши службу в тилу, а відправили "
            "до штурмового полку.",
            "coercion",
        ),
        ("Двух контрактников из в/ч 12345 задержали: в сентябре они не вернулись с вечернего построения.", "desertion"),
        (
            "Девочки привет. у брата новости. в колонии их отряд держали в ШИЗО пока не подпишешь контракт на СВО. "
            "может кто знает правозащитников?",
            "coercion",
        ),
    ],
)
def test_a_relatives_or_officials_wording_tells_its_type(text: str, expected: str) -> None:
    assert verdict(text) == (True, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Webinar announcement: what commanders may deduct from combat pay and where to complain. Registration is free.",
        "Deserter, an indie survival game in which you play a soldier fleeing the front, is out today on PC.",
        "Вышел сериал «СОЧ»: герой-контрактник самовольно покидает часть. Сценаристы обещают второй сезон.",
        "Як повернутися зі СЗЧ? Військовий, який уперше самовільно залишив частину, може подати рапорт.",
    ],
)
def test_a_webinar_a_game_a_series_and_an_explainer_are_no_reports(text: str) -> None:
    assert verdict(text)[0] is False


def test_fabricated_charges_are_no_fiction() -> None:
    text = (
        "У Кропоткіні строковиків 1481-го полку змушували підписувати контракти, погрожували «дисбатом» за вигадані "
        "провини."
    )
    assert verdict(text) == (True, "coercion")


# --- from team-heldout-22's errors (wire stories, investigations) --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Комбат 1534-го полку у суботу, 10 червня, розстріляв двох своїх підлеглих за відхід з позиції.", "abuse"),
        (
            "Twelve Russian soldiers of the 1400th regiment were detained after they would not take part in an attack.",
            "refusal",
        ),
        ("Inmates of penal colony No. 4 were held in punishment cells until they agreed to join the army.", "coercion"),
        (
            "Some thirty men say they were drafted on the promise of guarding their town; instead they were assigned "
            "to an assault brigade.",
            "coercion",
        ),
        (
            "Two Ukrainian servicemen who had been absent from their unit since May were stopped by border guards.",
            "desertion",
        ),
        ("Three fighters of a Storm Z company abandoned their trench near Verbove on Wednesday.", "desertion"),
        ("Двенадцать военнослужащих в/ч 12345 не подписали продление контракта.", "refusal"),
        ("Щонайменше вісьмох поранених з 1552-го полку командири знову погнали в атаку.", "abuse"),
        (
            "Around forty wives of mobilised men held a gathering in the town of Aldan, asking to bring the men home.",
            "protest",
        ),
        (
            "Soldiers of military unit 12345 say their company commander charged 100,000 roubles for a ten-day leave.",
            "abuse",
        ),
        (
            "Soldiers mobilised from Uyar were disarmed and locked in a basement after declining to move to assault "
            "positions.",
            "refusal",
        ),
    ],
)
def test_a_wire_wording_tells_its_type(text: str, expected: str) -> None:
    assert verdict(text) == (True, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Госдума приняла во втором чтении законопроект: за отказ явиться в военкомат предлагается запрет на выезд.",
        "A group of Duma deputies has tabled a bill that would allow courts to seize the property of 'deserters'.",
    ],
)
def test_bills_are_no_reports(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_possessive_country_is_no_via() -> None:
    text = (
        "Eighteen soldiers of the 1488th regiment would not take part in an attack, according to radio chatter "
        "published by Ukraine's military intelligence."
    )
    ext = _extract(text, "2023-03-06T10:00:00+00:00")
    assert ext.events and ext.events[0].via is None


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Кропоткин. Матери срочников рассказывают, что их сыновей заставляли подписать контракт.", "ru", "Kropotkin"),
        ("Ромни. Сьогодні під будівлею комісії пікетували родичі поранених.", "uk", "Romny"),
        ("У Порхові Псковської області 14 контрактників відмовилися продовжувати контракт.", "uk", "Porkhov"),
        ("Елизовский гарнизонный военный суд вынес приговор контрактнику.", "ru", "Yelizovo"),
    ],
)
def test_a_towns_dateline_its_locative_and_its_courts_adjective(text: str, lang: str, place: str) -> None:
    hits = _places(text, lang)
    assert place in [h.place.name for h in hits]


def test_a_street_named_like_a_stanitsa_is_no_place() -> None:
    text = "У военкомата на Красноармейской сегодня с утра стоят мамы срочников."
    assert _places(text, "ru") == []


def test_cyrillic_read_back_from_an_english_name() -> None:
    from sitrep.extract.places import _cyrillic_from_latin

    assert _cyrillic_from_latin("kropotkin", "RU") == "кропоткин"
    assert _cyrillic_from_latin("yelizovo", "RU") == "елизово"
    assert _cyrillic_from_latin("leninsk-kuznetsky", "RU") == "ленинск-кузнецкий"
    assert _cyrillic_from_latin("romny", "UA") == "ромни"
    assert _cyrillic_from_latin("huliaipole", "UA") == "гуляйполе"
    assert _cyrillic_from_latin("saint-étienne", "RU") is None
