"""Codebook 1.17, written from team-heldout-52's to -55's errors once their blind scores were recorded (session 16):
Ukrainian spellings and case forms of Russian towns ("у Вейделівці", "поблизу Тетюшів", "із Данилова", "в Солнцеві
Курської області"), a town named with its oblast's adjective ("брянської Навлі"), the postal rows' "-oe" names in
GeoNames' spelling; Ukraine's territorial defence men and marines, and the enlistment office in English, as actors; a
trap in one item of a digest sentence weighing on that item only; "ни в какой яме" as a negation and "слухи о" as a
hedge; "this October"; a deserter's detention dated by its day when his flight has only a month; the wounded sent back
to river crossings; extortion "to keep them away from the front". Sentences are written for these tests, with the
near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from extract_helpers import event_date, place_names, verdict

from sitrep.extract import Extractor, report_from_doc
from sitrep.extract.places import _display_name


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Учора шістдесят родичів контрактників зібралися під адміністрацією у Вейделівці.", "uk", "Veydelevka"),
        ("П'ятдесят контрактників відмовилися повертатися на фронт із полігону поблизу Тетюшів.", "uk", "Tetyushi"),
        ("Мобілізований із Данилова не повернувся з відпустки 12 червня.", "uk", "Danilov"),
        ("Учора в Солнцеві Курської області п'ятдесят родичів військових зібралися.", "uk", "Solntsevo"),
    ],
)
def test_a_russian_town_in_ukrainian_spelling_and_case(text: str, lang: str, place: str) -> None:
    assert place in place_names(text, lang)


def test_a_town_named_with_its_oblasts_adjective_is_the_town_alone() -> None:
    text = "17 лютого у відділі поліції брянської Навлі чотирьох затриманих змусили підписати контракти."
    assert place_names(text, "uk") == ["Navlya"]


def test_a_ukrainian_village_is_not_a_russian_hamlets_ukrainian_spelling() -> None:
    # "Ольхівка" is no Ukrainian name the gazetteer holds; the Bryansk hamlet Ольховка (postal rows) must not take it
    text = "Кажуть: жодного дня підготовки, одразу на позиції біля Ольхівки."
    assert "Olkhovka" not in place_names(text, "uk")


@pytest.mark.parametrize(("postal", "shown"), [("Kastornoe", "Kastornoye"), ("Soglasie", "Soglasiye")])
def test_postal_names_are_spelled_as_geonames_spells_them(postal: str, shown: str) -> None:
    assert _display_name(postal, "RU") == shown
    assert _display_name("Troebortnoe", "RU") == "Troebortnoye"  # only the final ending changes


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("У середу в Кривому Озері затримали трьох тероборонівців, які з травня перебували в СЗЧ.", "desertion"),
        (
            "Учора біля міської ради Нової Одеси зібралися близько п'ятдесяти родичів морських піхотинців. Вони "
            "вимагають ротації для тих, хто третій рік на Херсонському напрямку.",
            "protest",
        ),
        (
            "A man from Demydivka was stopped by recruitment officers on 12 May, promised a driver's post in the rear, "
            "and a week later sent to an infantry unit without training, his wife says.",
            "coercion",
        ),
        (
            "Military prosecutors detained a territorial defence company commander who made eight of his soldiers pay "
            "him 30,000 hryvnias a month each to keep them away from the front line.",
            "abuse",
        ),
        (
            "About ten wounded men of the Kinburn battalion were sent back to river crossings near Tokarivka this "
            "October before their wounds had healed, according to relatives.",
            "abuse",
        ),
    ],
)
def test_new_actors_and_cues(text: str, kind: str) -> None:
    assert verdict(text, "2026-10-29T10:00:00+02:00") == (True, kind)


def test_enlistment_statistics_stay_out() -> None:
    text = (
        "Northern Digest, Thursday edition. Heavy snow closed the Valday highway for six hours. And the region's "
        "military enlistment office reported that 900 men signed contracts in February."
    )
    assert verdict(text)[0] is False


def test_refusing_to_accept_a_summons_is_no_refusal() -> None:
    text = (
        "A bill introduced in the State Duma would raise fines for men who fail to appear at enlistment offices. "
        "Those who refuse to accept a summons could also be barred from registering businesses."
    )
    assert verdict(text)[0] is False


def test_a_trap_in_another_item_of_a_digest_sentence_does_not_cancel_the_event() -> None:
    text = (
        "Cherkasy region weekly: roughly seventy relatives of soldiers rallied in Shpola on 17 May to demand rotation; "
        "the regional council approved funds for school shelters; a charity fair in Shpola raised money for drones."
    )
    assert verdict(text, "2026-05-20T09:00:00+00:00") == (True, "protest")


@pytest.mark.parametrize(
    "text",
    [
        # the heading's trap covers every item
        "Reading list: the Nyandoma videos and what followed (link); two Boryslav-area rallies in one week (link); how "
        "Pechora conscripts are pressed to sign (link).",
        # two items only: the second tells what the first is
        "Our researchers spoke with relatives in Sudogda last year about the 2023 appeals by mobilised men; the story "
        "is background for this month's report on recruitment trends.",
    ],
)
def test_a_heading_trap_or_a_two_item_sentence_keeps_the_trap(text: str) -> None:
    assert verdict(text)[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "Девочки, успокойтесь: никто из наших ни от чего не отказывался и ни в какой яме не сидит, я говорила с "
        "командиром роты.",
        "Командир батальона заявил, что никто из бойцов его подразделения не отказывался выполнять приказы, а слухи о "
        "«бунте» распространяют анонимные каналы.",
    ],
)
def test_denied_pits_and_rumoured_riots_are_no_events(text: str) -> None:
    assert verdict(text)[0] is False


def test_this_month_in_english() -> None:
    text = "About ten wounded soldiers were sent back to the front this October before their wounds had healed."
    assert event_date(text, "2026-10-29T10:00:00+02:00") == "2026-10-01"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Вчера гарнизонный военный суд приговорил к пяти годам колонии контрактника из Кром. В ноябре он "
            "самовольно оставил в/ч 81609 и четыре месяца прятался на заброшенной ферме.",
            "2026-07-23",
        ),
        (
            "Вчера в Ржаксе сотрудники военной полиции задержали контрактника в/ч 26841. Мужчина самовольно оставил "
            "часть в марте и всё это время жил у матери.",
            "2026-07-23",
        ),
        # no detention or verdict: the flight's month stays ("напередодні" dates what they were told)
        (
            "На початку липня близько шістдесяти новобранців самовільно залишили полігон. Як з'ясувалося, напередодні "
            "їм оголосили, що підготовку скоротять до трьох тижнів.",
            "2026-07-01",
        ),
    ],
)
def test_a_deserters_detention_day_over_his_flights_month(text: str, day: str) -> None:
    assert event_date(text, "2026-07-24T14:00:00+03:00") == day


# Round 2 of codebook 1.17, from team-heldout-56 to -59 once their blind scores were recorded.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Five men of the Karadag battalion left their positions on 4 November and made their way home, local "
            "sources say.",
            "desertion",
        ),
        (
            "У Волоколамську в понеділок вісьмох студентів коледжу викликали до директора, де представник військкомату "
            "тиснув на них, щоб вони підписали контракти. Хлопцям погрожували відрахуванням.",
            "coercion",
        ),
        (
            "Шестерых студентов техникума вчера вызвали в военкомат. Там им заявили, что без подписанного контракта "
            "дипломы не выдадут, а отсрочку «аннулируют».",
            "coercion",
        ),
        (
            "Военный суд приговорил к пяти годам колонии контрактника 1417-го полка. Как установил суд, 5 мая он "
            "должен был вернуться из отпуска в часть, но остался дома и три месяца скрывался у знакомых.",
            "desertion",
        ),
    ],
)
def test_round_2_cues(text: str, kind: str) -> None:
    assert verdict(text, "2026-11-11T11:00:00+02:00") == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        '"We, the men of the assault brigade, invite you to join us," begins a new recruiting video that promises '
        "high pay to volunteers.",
        '"We, Russian servicemen held captive in Ukraine, ask Moscow to exchange us," says a man in a video released '
        "by Ukraine's intelligence.",
        "Російські канали поширюють «звернення» нібито бійців з Добромиля, які заявляють про відмову воювати. Фахівці "
        "встановили, що відео згенероване штучним інтелектом. Рідні військових підтвердили, що чоловіки на зв'язку.",
        "Інформація про те, що мобілізовані з селища Пряжа відмовилися йти в наступ, не підтвердилася. Рідні бійців "
        "розповіли, що чоловіки перебувають на ротації в тилу.",
        "В районе распространился слух, что мобилизованные из Ярково отказались идти в бой и их арестовали.",
        "За оцінками правозахисників, з 2022 року росіяни примусово мобілізували на окупованих територіях понад 50 "
        "тисяч чоловіків.",
    ],
)
def test_round_2_traps_and_hedges(text: str) -> None:
    assert verdict(text)[0] is False


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (
            "Nine men from Lutuhyne say Russia has not paid them for five months. In a video sent to the local channel "
            "Lutugino 24 on Saturday, they describe being mobilised in 2022.",
            "Lutugino 24",
        ),
        (
            "Nine contract soldiers from Apatity say they have not been paid for five months. Their video, posted on "
            "7 March by the channel Apatity 51, shows the men reading out a plea to the governor.",
            "Apatity 51",
        ),
    ],
)
def test_an_outlets_name_ends_with_its_number(text: str, via: str) -> None:
    ext = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2026-03-09T10:00:00+00:00"}))
    assert ext.events and ext.events[0].via == via


def test_an_appeal_is_dated_by_its_posting_not_by_the_background_year() -> None:
    text = (
        "About twenty wives of men mobilised in Khartsyzk have filmed an appeal to Vladimir Putin. The women say their "
        "husbands were rounded up in February 2022 and have served ever since. The video was posted on Monday by the "
        "local Telegram channel Khartsyzk Online."
    )
    assert event_date(text, "2025-02-04T09:00:00+00:00") == "2025-02-03"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Вчера в Бежаницах Псковской области около тридцати родственников мобилизованных собрались у ДК.", None),
        (
            "В четверг во время рейда на кирпичном заводе в Богдановиче полиция задержала девятнадцать мигрантов.",
            ["Bogdanovich"],
        ),
        ("Командир батальйону, укомплектованого мешканцями Алушти, вимагав від підлеглих гроші.", ["Alushta"]),
    ],
)
def test_round_2_places(text: str, names: list[str] | None) -> None:
    lang = "uk" if "батальйону" in text else "ru"
    got = place_names(text, lang)
    if names is None:  # its oblast, named beside the village, stays (the village is in the gazetteer since 1.18)
        assert got == ["Bezhanitsy", "Pskov Oblast"]
    else:
        assert got == names


# Round 3 of codebook 1.17, from team-heldout-60 to -63 once their blind scores were recorded.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "30 сентября под Белзом сотрудники ТЦК сняли с автобуса мужчину, который ухаживает за матерью-инвалидом.",
            "coercion",
        ),
        (
            "У суботу ввечері працівники ТЦК приїхали на весілля в Лисці й забрали сімох чоловіків.",
            "coercion",
        ),
        (
            "В пятницу в Берегомете около сорока родственников военных пришли к поселковому совету: бойцам с лета не "
            "выплачивают «боевые».",
            "protest",
        ),
        (
            "Around a hundred wives and mothers of soldiers blocked the H-09 highway in Deliatyn on Sunday. "
            "They want fixed terms of service.",
            "protest",
        ),
        (
            "Investigators have detained a company commander accused of taking $1,500 a month from each of nine "
            "subordinates in exchange for keeping them off the front line.",
            "abuse",
        ),
    ],
)
def test_round_3_cues(text: str, kind: str) -> None:
    assert verdict(text, "2025-10-02T10:00:00+03:00") == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Гарнизонный военный суд оправдал рядового из Дигоры, которого обвиняли в самовольном оставлении части.",
        "Мы удалили вчерашний пост о том, что «сорок мобилизованных отказались ехать на фронт», и приносим извинения.",
        "Закарпатський ТЦК спростовує відео про «облаву на храмовому святі» в Синевирі.",
        "За десять місяців 2025 року на Сумщині зареєстрували понад 1400 проваджень за самовільне залишення частини.",
        "Investigators have closed a check into claims that a sergeant beat a conscript: a medical examination found "
        "no injuries and the conscript withdrew his complaint.",
    ],
)
def test_round_3_traps(text: str) -> None:
    assert verdict(text)[0] is False


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # care withheld by the command is abuse; "was refused" tells no refusal of the man's
        (
            "A recruit at a training centre near Uhniv was refused hospital treatment for five days despite a fever "
            "and was made to keep drilling, his relatives say.",
            "abuse",
        ),
        (
            "У навчальному центрі курсантові з температурою під сорок п'ять днів відмовляли у шпиталі, а сержант "
            "змушував його ходити на стройову.",
            "abuse",
        ),
        # their own refusal after being refused leave stays a refusal
        (
            "The soldiers were refused leave for eight months and then refused to go back to the front on Monday.",
            "refusal",
        ),
    ],
)
def test_refused_treatment_is_abuse_not_refusal(text: str, kind: str) -> None:
    assert verdict(text, "2025-06-25T13:00:00+00:00") == (True, kind)
