"""Codebook 1.11: the cues, combos and traps written from team-heldout-15's errors — an ignored order, a position not
taken up and "не стали подписывать" (refusal); shots at a man's feet, a rifle butt, a flooded trench, metal cages and
batons (abuse); a contract as one side of "либо ... либо", a contract instead of a case, a contract signed in a false
belief (coercion); school letter campaigns and game reviews as traps; a chat's "??" ending its sentence. Sentences are
written for these tests, in ru, uk and en, with the near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from extract_helpers import cue_types, verdict

from sitrep.extract.text import split_sentences


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Пятеро мобилизованных проигнорировали приказ выдвинуться к Работино.", "ru"),
        ("Дванадцять бійців проігнорували бойове розпорядження командира батальйону.", "uk"),
        ("Нацгвардійці не заступили на позиції біля Торецька, повідомляє ДБР.", "uk"),
        ("Eight reservists would not take up positions near Kupiansk on Tuesday night.", "en"),
        ("Десять контрактников не стали подписывать рапорты о переводе в штурмовую роту.", "ru"),
        ("Бійці 41-ї бригади не захотіли виконувати наказ про штурм.", "uk"),
    ],
)
def test_an_ignored_order_or_a_position_not_taken_is_a_refusal(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("refusal", 0.0) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Солдаты не стали ждать автобус и пошли пешком.", "ru"),  # no duty word after "не стали"
        ("Бійці не захотіли їсти холодну кашу.", "uk"),
        ("The men would not wait for the bus.", "en"),
    ],
)
def test_would_not_without_a_duty_is_no_refusal(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("refusal", 0.0) < 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ротный стрелял под ноги солдату, который попросил воды, а потом ударил его прикладом.", "ru"),
        ("Командир взводу стріляв під ноги строковику і вдарив його прикладом.", "uk"),
        ("A platoon commander fired at his feet and then hit him with a rifle butt.", "en"),
        ("Провинившихся ставили на сутки в затопленный окоп.", "ru"),
        ("Officers punished the men by making them stand in a flooded trench overnight.", "en"),
        ("Військова поліція тримала солдатів у металевих клітках і била їх кийками.", "uk"),
        ("Военная полиция избивала задержанных дубинками.", "ru"),
    ],
)
def test_shots_at_the_feet_a_flooded_trench_and_cages_are_abuse(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("abuse", 0.0) >= 0.8


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("В военкомате им сказали: либо дело об уклонении, либо контракт.", "ru"),
        ("Условно осуждённым объяснили: либо контракт, либо суд заменит наказание на реальный срок.", "ru"),
        ("Затриманим у ТЦК пропонували контракт замість справи про ухилення.", "uk"),
        ("Detained men were offered army contracts instead of a criminal case for draft evasion.", "en"),
        ("Двадцять студентів із Непалу підписали контракти, думаючи, що оформлюють дозвіл на роботу.", "uk"),
        ("Nine workers signed contracts believing they were applying for residence permits.", "en"),
    ],
)
def test_an_ultimatum_or_a_false_belief_with_a_contract_is_coercion(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("coercion", 0.0) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Либо дождь, либо снег: синоптики не уверены.", "ru"),  # either-or without a contract
        ("Вместо суда стороны заключили мировое соглашение.", "ru"),  # no contract with the army
        ("Футболист подписал контракт, будучи уверенным в своём выборе.", "ru"),  # sure, not misled
    ],
)
def test_either_or_instead_or_sure_without_a_coerced_contract_is_no_coercion(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("coercion", 0.0) < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "Школьники Тамбова написали двести писем бойцам СВО в рамках акции «Письмо солдату».",
        "Review: 'Last Train West' asks you to lead a deserter through checkpoints. The stealth is clunky. 6/10.",
    ],
)
def test_school_letters_and_game_reviews_are_not_reports(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_chats_doubled_question_mark_ends_its_sentence() -> None:
    text = "девочки что делать?? мой в клетке сидит уже пятый день. куда писать!! помогите"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "девочки что делать??",
        "мой в клетке сидит уже пятый день.",
        "куда писать!!",
        "помогите",
    ]
    # with a capital letter anywhere, a single stop before a lower-case word ends nothing ("т. е.", "5 сент.")
    assert len(split_sentences("Девочки, мой в клетке сидит. куда писать")) == 1
    # one mark before a lower-case word stays inside its sentence ("«Куда?» — спросил он" is written with a capital)
    assert len(split_sentences("Он спросил куда? никто не знал")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Seven reservists face charges after they allegedly would not take up positions near Kupiansk.",
        "ДБР повідомило про підозру сімом військовим, які нібито не заступили на позиції біля Торецька.",
    ],
)
def test_a_claim_adverb_in_a_criminal_case_hedges_nothing(text: str) -> None:
    assert verdict(text) == (True, "refusal")


def test_a_claim_adverb_without_a_case_still_hedges() -> None:
    # someone's claim about the other side, no case: hedged (the rules alone stay under an anchor's weight)
    ext_rel, _ = verdict("Propaganda channels say Ukrainian soldiers allegedly would not take up positions.")
    assert ext_rel is False


def test_a_number_before_three_words_of_a_unit_description() -> None:
    from sitrep.extract.counts import find_counts

    text = "Seven Ukrainian territorial defence soldiers face charges."
    assert [(c.value, c.precision) for c in find_counts(text, 0, len(text))] == [(7, "exact")]
    text = "Five days later the soldiers fled."
    assert find_counts(text, 0, len(text)) == []


# round 5 (team-heldout-16's errors)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Eighteen conscripts were sent to the guardhouse after declining to sign army contracts.", "en"),
        ("Some fifty mobilised men balked at yet another assault near Bakhmut.", "en"),
        ("Мобилизованные, которых снова собрались отправить в штурм у Кременной, сказали «нет».", "ru"),
        ("Отримавши бойове розпорядження зайняти позицію, він заявив командиру, що «туди не піде».", "uk"),
    ],
)
def test_declining_balking_or_saying_no_is_a_refusal(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("refusal", 0.0) >= 0.9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Шестеро студентів із Кенії підписали контракти з армією РФ, вважаючи, що влаштовуються охоронцями.", "uk"),
        ("Студенты подписали контракты с Минобороны — им объяснили, что это трудоустройство в охрану.", "ru"),
        ("Ten conscripts signed contracts after being told they would be sent to the trenches anyway.", "en"),
        ("Срочникам объявили: кто не подпишет контракт, поедет в окопы.", "ru"),
        ("Seven patients were told to choose between an army contract and reopened criminal cases.", "en"),
    ],
)
def test_misled_threatened_or_given_a_choice_with_a_contract_is_coercion(text: str, lang: str) -> None:
    assert cue_types(text, lang).get("coercion", 0.0) >= 0.9


def test_leave_for_a_price_is_abuse() -> None:
    assert cue_types("В полку отпуск «стоит» двести тысяч, кто не заплатил — в штурм.", "ru").get("abuse", 0) >= 0.9


def test_a_letter_to_the_human_rights_commissioner_is_an_appeal() -> None:
    text = "Mothers of conscripts have written to Russia's human rights commissioner about the trenches."
    assert cue_types(text, "en").get("appeal", 0.0) >= 0.9


def test_a_trap_word_inside_the_gatherings_demand_is_no_trap() -> None:
    text = (
        "In Yakutsk, some 30 wives of mobilised men stood outside the regional legislature on Monday asking lawmakers "
        "to secure their husbands' return."
    )
    assert verdict(text) == (True, "protest")


@pytest.mark.parametrize(
    "text",
    [
        "В Валуйках третий день ищут козу Маню, которая сбежала со двора у воинской части.",
        "От стационарных телефонов отказались ещё 1,2 млн абонентов, меньше всего «отказников» в селах.",
    ],
)
def test_an_escaped_goat_and_landline_refuseniks_are_no_reports(text: str) -> None:
    assert verdict(text)[0] is False


def test_a_rank_and_a_bare_unit_code_in_a_relatives_chat() -> None:
    text = "девочки у кого сыновья в А4533?? мой пишет старшина бьёт их каждый день. одному ребро сломал."
    assert verdict(text) == (True, "abuse")


def test_disarmed_makes_a_report_military() -> None:
    text = (
        "Around 30 volunteers of the Seliger battalion refused on Monday to move to new positions near Tyotkino. "
        "They were disarmed."
    )
    assert verdict(text) == (True, "refusal")
