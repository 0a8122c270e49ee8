"""Codebook 1.7: acts against one's own men, a gathering that will not disperse, a stated refusal to sign, and a
complaint that only says who the victims were (team-written sentences, ru/uk/en)."""

from __future__ import annotations

import pytest

from sitrep.extract import Extractor, report_from_doc


def _typed(text: str) -> tuple[bool, str | None]:
    """Relevance and first event type with the shipped model."""
    got = Extractor.load().extract(report_from_doc({"id": "t", "text": text, "published": "2024-03-10"}))
    return got.relevant, (got.events[0].event_type if got.events else None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a commander who shoots or wounds his own subordinate, whatever the verb (as "застрелил подчинённого")
        ("Под Купянском командир роты ночью прострелил руку подчинённому, возбуждено уголовное дело.", "abuse"),
        ("На Харківщині командир відділення ЗСУ вистрілив у підлеглого під час сварки, повідомило ДБР.", "abuse"),
        ("A company commander shot his subordinate in the arm during a quarrel, military prosecutors said.", "abuse"),
        # a cage, like a pit or a basement, to lock one's own men in
        ("Мобилизованных, которые отказались платить ротному, держат в клетке на полигоне под Белгородом.", "abuse"),
        ("Контрактників 35-ї бригади тримають у клітці на базі за пияцтво, розповіли їхні дружини.", "abuse"),
        ("Conscripts of the 20th regiment were kept in a cage for a week, their mothers told reporters.", "abuse"),
    ],
)
def test_acts_against_ones_own_men_are_abuse(text: str, kind: str) -> None:
    assert _typed(text) == (True, kind)


@pytest.mark.parametrize(
    "text",
    [
        # who complains about his commanders is their subordinate: the complaint names the soldiers, the cage is the act
        "На складах в Брянской области военных, которые жалуются на командиров, запирают в клетке на несколько суток.",
        "Військових, які скаржаться на командирів, замикають у клітці на полігоні, пише місцеве видання.",
        "Soldiers who complained about their commanders were locked in a cage at a depot, a local outlet reports.",
    ],
)
def test_a_complaint_in_a_relative_clause_names_the_victims(text: str) -> None:
    assert _typed(text) == (True, "abuse")


@pytest.mark.parametrize(
    "text",
    [
        # a gathering that will not disperse until paid is a sit-in, not a refusal of orders
        "Около сорока мобилизованных из Курской области вышли к штабу и отказались расходиться, пока им не заплатят.",
        "Близько сорока мобілізованих вийшли до штабу й відмовилися розходитися, доки їм не виплатять гроші.",
        "About forty mobilised men gathered outside the headquarters and refused to disperse until they were paid.",
    ],
)
def test_a_gathering_that_will_not_disperse_is_a_protest(text: str) -> None:
    assert _typed(text) == (True, "protest")


@pytest.mark.parametrize(
    "text",
    [
        # the stated refusal itself (codebook §2 "refuse ... to sign a contract")
        "Командир штурмового отряда заявил, что его бойцы не будут подписывать контракты с министерством обороны.",
        "Бійці добровольчого батальйону заявили, що не підписуватимуть контракт із міністерством оборони.",
        "Fighters of the volunteer battalion said they will not sign any contracts with the defence ministry.",
    ],
)
def test_a_stated_refusal_to_sign_is_a_refusal(text: str) -> None:
    assert _typed(text) == (True, "refusal")


@pytest.mark.parametrize(
    "text",
    [
        # with only weak cues of the act (starving them), the complaint of the relative clause still does not outvote it
        "Військових, які скаржаться на командирів, тижнями не годують на полігоні під Сумами.",
        "Soldiers who complained about their commanders were not fed for days at a training ground near Belgorod.",
    ],
)
def test_a_complaint_in_a_relative_clause_votes_less(text: str) -> None:
    assert _typed(text) == (True, "abuse")


def test_a_complaint_told_as_the_act_stays_an_appeal() -> None:
    # a relative clause names who; told as the act ("пожаловались") the complaint is the event
    text = "Мобилизованные из Омска пожаловались на командиров в видеообращении к губернатору."
    assert _typed(text) == (True, "appeal")


# an organisation or relatives appeal on behalf of the man the paragraph names, two sentences after him (SPEAKS_FOR)
@pytest.mark.parametrize(
    "text",
    [
        (
            "Контрактнику из Омска после тяжёлого ранения уже год не назначают военную пенсию. "
            "Военкомат до сих пор не передал его документы в Москву. "
            "Общественная организация взяла это дело на контроль. "
            "Просим министерство обороны разобраться."
        ),
        (
            "Мобілізованому з Полтави після поранення вже рік не призначають пенсію. "
            "ТЦК досі не передав його документи до Києва. "
            "Громадська організація взяла справу на контроль. "
            "Просимо міністра оборони втрутитися."
        ),
        (
            "A contract soldier from Omsk has not been paid his disability pension for a year since he was wounded. "
            "His former commander says the papers were lost in March. "
            "A charity in Omsk has taken up the case. "
            "We ask the defence minister to intervene."
        ),
    ],
)
def test_an_appeal_speaks_for_the_man_named_two_sentences_before(text: str) -> None:
    assert _typed(text) == (True, "appeal")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Командир 90-го полка силой вернул раненого бойца обратно в штурм, рассказали сослуживцы.\n\n"
            "Люди из второй группы отказались идти на задание и числятся пропавшими."
        ),
        (
            "Командир 90-го полку силоміць повернув пораненого бійця назад на штурм, розповіли побратими.\n\n"
            "Люди з другої групи відмовилися йти на завдання."
        ),
    ],
)
def test_a_strong_cue_far_from_any_actor_does_not_overrule_the_act(text: str) -> None:
    # precedence (refusal over abuse) is for a cue told of the service members, as it votes in full
    assert _typed(text) == (True, "abuse")


# a country's "военные", "добровольцы" are its service members (no military word needed around them)
@pytest.mark.parametrize(
    "text",
    [
        (
            "Около двадцати российских добровольцев из Приморья записали видео: их держат в подвале в Луганской "
            "области после того, как они попросились домой."
        ),
        (
            "Близько двадцяти російських добровольців з Примор'я записали відео: їх тримають у підвалі на "
            "Луганщині, бо вони попросилися додому."
        ),
        (
            "About twenty Russian volunteers from Primorye recorded a video saying they are being held in a "
            "basement in Luhansk region after asking to go home."
        ),
    ],
)
def test_a_countrys_volunteers_are_service_members(text: str) -> None:
    assert _typed(text) == (True, "appeal")


def test_a_bill_not_signed_is_no_refusal() -> None:
    # a contract, not any signature: a president who will not sign a bill refuses nothing a soldier does
    assert not _typed("The president won't sign the demobilisation bill, wives of soldiers said.")[0]


def test_a_wounded_subordinate_carried_out_is_no_abuse() -> None:
    # "wounded" is an adjective here: only shooting one's subordinate is the act
    text = "The company commander carried a wounded subordinate out under fire, soldiers of the 20th brigade said."
    assert not _typed(text)[0]


def test_a_complaint_before_the_man_is_named_a_soldier_is_no_appeal() -> None:
    # an appeal speaks for the man named before it; a conscript-to-be complaining of pain to his doctor does not
    text = (
        "Один из клиентов фирмы — 20-летний сварщик из Тулы. Жаловался на боли в спине и в коленях. "
        "Через неделю его вызвали на медкомиссию. В военкомате его признали годным к службе."
    )
    assert not _typed(text)[0]


# whoever is sent to the front or to assault units is a combatant there, whatever job he was hired for (coercion)
@pytest.mark.parametrize(
    "text",
    [
        (
            "Граждан Непала, которых нанимали охранять склады в Подмосковье, отправили в штурмовые подразделения. "
            "Паспорта у них забрали сразу по прилёте."
        ),
        (
            "Громадян Непалу, яких наймали охороняти склади в Підмосков'ї, відправили в штурмові підрозділи. "
            "Паспорти в них забрали одразу після прильоту."
        ),
        (
            "Nepali men hired to guard warehouses near Moscow were sent to assault units. "
            "Their passports were taken on arrival."
        ),
    ],
)
def test_men_hired_for_work_and_sent_to_assault_units_were_coerced(text: str) -> None:
    assert _typed(text) == (True, "coercion")
