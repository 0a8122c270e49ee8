"""Codebook 1.16, written from team-heldout-40's to -43's errors once their blind scores were recorded (session 15):
a man pushed into an enlistment office's van or seized by its officers ("бусифікація") as coercion; a promise of a
rear post, then an assault battalion; prisoners and detainees who signed under threat as actors; relatives who
"confronted officials" or "crowded into the district office" as a protest; "never reported back" as desertion;
extortion of the men's combat pay in hryvnias; the wounded sent back before they healed; official denials, AI-made
videos and hypotheticals as traps; a unit's ordinal ("1618-го полка") that is no year; and a wire dateline that
gives way to the date the story tells. Sentences are written for these tests, with the near misses each rule must
leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from extract_helpers import event_date, verdict

from sitrep.extract.engine import _years


@pytest.mark.parametrize(
    "text",
    [
        "У Калуші ТЦК у вівторок посадили в бус чоловіка біля аптеки, а ввечері вже везли до навчального центру.",
        "Дрогобич, неділя. Чоловіка на зупинці затягли в бус ТЦК, телефон забрали, дружина дізналася про все вночі.",
        "В Ковеле сотрудники ТЦК в пятницу задержали мужчину с отсрочкой и в тот же день отправили его в учебку.",
    ],
)
def test_an_enlistment_office_seizing_a_man_is_coercion(text: str) -> None:
    assert verdict(text) == (True, "coercion")


@pytest.mark.parametrize(
    "text",
    [
        # the officers are the ones seized: a bribery case, no man taken
        "Поліція затримала двох працівників ТЦК на хабарі у Стрию: вони брали гроші за відстрочку.",
        # a bus of civilians, nobody in uniform
        "Учора дітей з Бурштина посадили в бус і відвезли на екскурсію до Львова.",
    ],
)
def test_officers_seized_or_a_school_bus_is_no_coercion(text: str) -> None:
    assert verdict(text)[0] is False


def test_assured_of_a_rear_post_then_an_assault_battalion_is_coercion() -> None:
    text = (
        "Тридцятьох мобілізованих із Ковеля у ТЦК запевняли, що їх візьмуть водіями в тилову частину. "
        "Після навчання всіх перевели в штурмовий батальйон."
    )
    assert verdict(text) == (True, "coercion")


@pytest.mark.parametrize(
    "text",
    [
        "В колонии под Ишимом около тридцати заключённых подписали контракты после угроз ШИЗО, рассказали родные.",
        "В изоляторе в Усолье семерым задержанным вчера предложили выбор: контракт или срок. Подписали все.",
    ],
)
def test_prisoners_signing_under_threat_is_coercion(text: str) -> None:
    assert verdict(text) == (True, "coercion")


def test_prisoners_in_civilian_news_stay_out() -> None:
    assert verdict("Заключённые колонии под Ишимом подписали письмо с просьбой отремонтировать баню.")[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "About forty relatives of mobilised men confronted officials at the Kimovsk district administration on "
        "Tuesday, demanding rotation.",
        "Some thirty wives of soldiers crowded into the district office in Novoanninsky on Friday to complain about "
        "unpaid regional bonuses.",
    ],
)
def test_relatives_confronting_officials_is_a_protest(text: str) -> None:
    assert verdict(text) == (True, "protest")


def test_never_reported_back_is_desertion() -> None:
    text = (
        "A military court sentenced a contract soldier of military unit 51244 from Ostrov to five years: he went home "
        "on leave in May and never reported back to his unit."
    )
    assert verdict(text) == (True, "desertion")


def test_combat_pay_collected_in_hryvnias_is_abuse() -> None:
    text = (
        "ДБР повідомило про підозру командиру роти в/ч А1234: він щомісяця збирав із тридцяти підлеглих частину "
        "«бойових» — по 15 тис. грн."
    )
    assert verdict(text) == (True, "abuse")


def test_the_wounded_sent_back_before_healing_is_abuse() -> None:
    text = (
        "Мій чоловік після поранення навіть не долікувався — командир в/ч А4321 у вівторок відправив його в штурм "
        "біля Покровська."
    )
    assert verdict(text) == (True, "abuse")


@pytest.mark.parametrize(
    "text",
    [
        "Администрация района опровергла сообщения о «пикете жён мобилизованных»: женщины пришли на приём по вопросу "
        "ремонта дороги.",
        "Российские паблики распространяют «видеообращение бойцов» об отказе идти в атаку. Ролик сгенерирован ИИ, "
        "установили эксперты.",
        "Russia's defence ministry denied on Monday reports that conscripts in Pechenga had been pressured to sign "
        "contracts.",
        "Hypothetical: if a soldier refuses an order, what happens next? We walk through the articles of the code.",
        "Analysts warn that if a new wave of mobilisation is announced, small towns may see protests by families.",
        "Напоминаем: два года назад жёны мобилизованных впервые вышли к Кремлю. Мы продолжаем собирать истории.",
    ],
)
def test_denials_fakes_and_hypotheticals_are_no_event(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_units_ordinal_is_no_year() -> None:
    assert _years("Суд приговорил военнослужащего 1618-го полка к шести годам.") == []
    assert _years("Военнослужащий 1611-й отдельный батальон покинул.") == []
    assert _years("В 1916-м году целые роты дезертировали.") == [1916]
    text = "Гарнизонный суд приговорил военнослужащего 1618-го полка к шести годам за самовольное оставление части."
    assert verdict(text, "2025-10-15T10:00:00+03:00") == (True, "desertion")


def test_a_wire_dateline_gives_way_to_the_story_date() -> None:
    pub = "2025-03-04T10:00:00+00:00"
    told = (
        "MOSCOW, March 4 (Wire) — Some forty mobilised men from Serpukhov have asked their governor for help. "
        "The video, posted on Sunday by a local channel, shows the men in a tree line."
    )
    assert event_date(told, pub) == "2025-03-02"
    # nothing else dates it: the dateline's day stands
    alone = "MOSCOW, March 4 (Wire) — Some forty mobilised men from Serpukhov have asked their governor for help."
    assert event_date(alone, pub) == "2025-03-04"
    assert datetime(2025, 3, 2, tzinfo=UTC).weekday() == 6  # a Sunday


# round 2 (team-heldout-44 to -47, read once their blind scores were recorded)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a threat's own "if" is no hypothetical
        (
            "Семеро засуджених з колонії біля Ічні розповіли адвокатці, що адміністрація погрожувала їм карцером, "
            "якщо вони не підпишуть контракт зі ЗСУ.",
            "coercion",
        ),
        ("В Летичеве в субботу около восьмидесяти родственников бойцов митинговали за ротацию.", "protest"),
        (
            "A man from Bershad was pulled off a regional bus by enlistment officers on Friday and taken to a training "
            "ground the same day.",
            "coercion",
        ),
        (
            "About 20 inmates of the penal colony near Sambir signed contracts on Monday after the administration "
            "threatened those who declined with losing parole.",
            "coercion",
        ),
        (
            "Investigators opened a case against a mobilised man from Aldan who was due back at military unit 51234 "
            "after leave and never returned.",
            "desertion",
        ),
        (
            "В среду в Татарске задержали мобилизованного, который пять месяцев назад не вернулся в в/ч 41234 после "
            "отпуска.",
            "desertion",
        ),
    ],
)
def test_round_2_cues(text: str, want: str) -> None:
    assert verdict(text, "2026-07-20T10:00:00+03:00") == (True, want)


@pytest.mark.parametrize(
    "text",
    [
        # nobody went AWOL: "не пішов" is where he did not go, not a refusal
        "Командир батальйону запевнив, що цього року жоден його боєць не відмовився виконувати наказ і жоден не "
        "пішов у СЗЧ.",
        "На фестивале в субботу выступит рок-группа «Самоволка». Музыканты обещают новый альбом.",
        "Юрист отвечает: что грозит за СОЧ. По статье 337 УК РФ самовольное оставление части наказывается сроком.",
        "Гарнизонный суд за первое полугодие рассмотрел 212 дел о самовольном оставлении части.",
        "Screen: 'The Pit' opens in Riga. The feature film tells the invented story of a conscript who refuses an "
        "assault order and later deserts; no character is real.",
        "Volunteers are asking the public to help raise 1.2 million hryvnias for drones for the brigade.",
        "• Kremlin: spokesman says there are no plans for a new wave of mobilisation and calls reports of mass "
        "refusals at the front 'fakes'.",
    ],
)
def test_round_2_traps(text: str) -> None:
    assert verdict(text, "2026-07-20T10:00:00+03:00")[0] is False


def test_a_deceived_recruit_is_dated_by_the_enlistment() -> None:
    text = (
        "Житель Черниговки подписал контракт 28 октября: ему обещали место водителя в тыловой части. Через десять "
        "дней он уже был в штурмовом подразделении, сообщила его жена."
    )
    assert event_date(text, "2026-11-20T10:00:00+10:00") == "2026-10-28"
    # another type keeps the day the sequel happened: the wounded man sent back ten days after the hospital
    told = (
        "Солдата в/ч 12345 выписали из госпиталя 28 октября. Через десять дней командир отправил его в штурм, "
        "хотя рана не зажила."
    )
    assert event_date(told, "2026-11-20T10:00:00+10:00") == "2026-11-07"


# round 3 (team-heldout-48 to -51, read once their blind scores were recorded)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # foreigners in the army: a unit left, relatives of men who "ended up at war", a contract or deportation
        (
            "Двоє непальців, які минулої п'ятниці самовільно покинули свій підрозділ біля Курахового, повернулися "
            "додому.",
            "desertion",
        ),
        (
            "У таджицькому Пенджикенті двадцять матерів пікетували адміністрацію. Їхні сини поїхали до Росії на "
            "заробітки, а потрапили на війну.",
            "protest",
        ),
        (
            "В центре содержания иностранных граждан в Сахарове пятерым уроженцам Оша предложили подписать контракт "
            "вместо выдворения. Подписали все.",
            "coercion",
        ),
        (
            "Around 20 family members of Nepali men serving in Russia's army staged a protest outside a recruitment "
            "agency in Pokhara on Monday.",
            "protest",
        ),
        # promised kitchen work, put in an assault detachment the next day
        (
            "Six men from a homeless shelter in Balashov were taken to the enlistment office with promises of kitchen "
            "jobs in the rear. They were assigned to an assault detachment the next day.",
            "coercion",
        ),
    ],
)
def test_round_3_cues(text: str, want: str) -> None:
    assert verdict(text, "2026-07-20T10:00:00+03:00") == (True, want)


@pytest.mark.parametrize(
    "text",
    [
        "Если ваш родственник подписал контракт под давлением, вы можете обратиться в военную прокуратуру. Пишите нам.",
        "ДБР оприлюднило статистику: у другому кварталі зареєстровано понад 900 проваджень за СЗЧ.",
        "Міноборони заперечило повідомлення про примусове підписання контрактів строковиками.",
        "Analysis: why protests by soldiers' wives have never grown into a movement.",
        "В Емильчине презентовали книгу воспоминаний ветерана о дедовщине в советской армии.",
    ],
)
def test_round_3_traps(text: str) -> None:
    assert verdict(text, "2026-07-20T10:00:00+03:00")[0] is False


def test_viynu_is_war() -> None:
    from sitrep.enrich.lemmas import lemma

    assert lemma("війну", "uk") == "війна"


def test_not_back_from_awol_stays_a_desertion() -> None:
    # the AWOL words after a cue with its own "не" cancel only a refusal ("жоден не пішов у СЗЧ")
    assert verdict("Рядовий в/ч А1234 так і не повернувся із СЗЧ, його шукає військова поліція.") == (True, "desertion")
