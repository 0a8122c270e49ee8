"""Sentence splitting: a stop after an abbreviation ends no sentence; real sentence ends still do (ru/uk/en)."""

from __future__ import annotations

import pytest

from sitrep.extract.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a month abbreviation before the day or the year
        "On Nov. 5 the soldiers of the 155th brigade recorded a video appeal to the president.",
        "The video was posted Jan. 12, 2024, by the wives of the mobilised men.",
        "Это произошло 5 сент. 2023 г. в Курской области, когда бойцы отказались идти в штурм.",
        "Відео з'явилося 12 груд. 2023 року, бійці просять допомоги.",
        # articles and parts of a law
        "Его осудили по ч. 2.1 ст. 332 УК РФ за отказ выполнить приказ.",
        "Йому повідомили про підозру за ч. 4 ст. 402 КК України.",
        # titles, initials, settlements and streets before a name
        "Gen. Valery Gerasimov never answered the appeal of the 1428th regiment.",
        "Командир части подполковник А. В. Иванов отказался их отпустить.",
        "Бойцы из с. Ивановка и пос. Первомайский вышли к штабу бригады.",
        "Жёны мобилизованных вышли на пикет у здания на ул. Ленина в Курске.",
        "Мобилизованных из г. Курск отправили на передовую без подготовки.",
        "The U.S. Department of State said it was aware of the case.",
    ],
)
def test_an_abbreviation_ends_no_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that ends in a year, a unit after a number, "и т. д.", or a word
        ("В 2023 г. Бойцы записали обращение.", ["В 2023 г.", "Бойцы записали обращение."]),
        ("Торік у вересні 2023 р. Бійці відмовилися.", ["Торік у вересні 2023 р.", "Бійці відмовилися."]),
        ("Они прошли 20 км. Затем их бросили.", ["Они прошли 20 км.", "Затем их бросили."]),
        ("Из Тувы, Бурятии и т. д. Они просят ротации.", ["Из Тувы, Бурятии и т. д.", "Они просят ротации."]),
        ("Бойцы отказались идти в бой. 5 мая их задержали.", ["Бойцы отказались идти в бой.", "5 мая их задержали."]),
        # a surname's initial after a first name ends a sentence in ru news; a pronoun "им" does too
        ("Задержана Юлия Ц. Девушка записала видео.", ["Задержана Юлия Ц.", "Девушка записала видео."]),
        ("Командир стал им. Его боялись.", ["Командир стал им.", "Его боялись."]),
        # a Roman numeral after a Cyrillic word
        ("Его называли Пётр I. В ответ бойцы смеялись.", ["Его называли Пётр I.", "В ответ бойцы смеялись."]),
        ("They refused. The men were detained.", ["They refused.", "The men were detained."]),
    ],
)
def test_real_sentence_ends_still_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_line_break_always_splits() -> None:
    assert sentences("Видео записал ген.\nМ. Петров") == ["Видео записал ген.", "М. Петров"]


def test_a_long_run_of_abbreviations_is_bounded() -> None:
    text = "ст. 1 " * 20_000 + "ч. 2."
    spans = split_sentences(text)
    assert all(b - a <= 1500 for a, b in spans)


def test_a_stop_inside_a_short_quoted_name_ends_no_sentence() -> None:
    text = "Відео з'явилося в каналі «Тула. Головне». Там двадцять мобілізованих."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Відео з'явилося в каналі «Тула. Головне».",
        "Там двадцять мобілізованих.",
    ]
    # a long quotation keeps its sentences
    text = "«Нас бросили под Покровском без связи и воды. Помогите нам вернуться домой, мы не можем», — говорит он."
    assert len(split_sentences(text)) == 2
