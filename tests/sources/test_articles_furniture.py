"""Article arbitration, second round: lines precision mode dropped and readability keeps are put
back; paywall notes, reading times, follow/newsletter plugs, consent lines, news-tip appeals,
category labels, table-row furniture and Russian/Ukrainian/English news furniture are dropped."""

from __future__ import annotations

import pytest

from sitrep.sources.articles import _boilerplate_line, choose, restore_dropped

BODY = (
    "Soldiers of the regiment said they had been sent forward without artillery support, and their "
    "relatives gathered outside the governor's office on Monday to demand that they be brought back. "
)
RU_BODY = (
    "Мобилизованные бойцы полка записали видеообращение к губернатору: по их словам, их отправили "
    "на передовую без артиллерийской поддержки, а родственники вышли к зданию администрации. "
)


def _page(*paragraphs: str) -> str:
    return "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"


def test_line_precision_mode_dropped_is_put_back_when_readability_keeps_it() -> None:
    credit = "Additional reporting by Jane Doe; Editing by John Roe"
    first = f"{BODY}\n{BODY[:80]}\n{credit}"
    precise = f"{BODY}\n{BODY[:80]}"
    assert restore_dropped(precise, first, readable=f"{BODY} {credit}").split("\n")[-1] == credit


def test_line_only_default_mode_keeps_stays_out() -> None:
    teaser = "Another story: the mayor opened a new bridge"
    first = f"{teaser}\n{BODY}"
    assert restore_dropped(BODY, first, readable=BODY) == BODY


def test_precision_text_from_another_region_is_left_alone() -> None:
    # precision mode found a line the default text lacks: the two disagree on the region
    precise = f"{BODY}\nA line only precision mode found on the page."
    assert restore_dropped(precise, f"{BODY}\nOther", readable="Other") == precise


def test_restore_dropped_runs_in_choose() -> None:
    contact = "Contact the newsroom: tips at example dot org, or call the night desk."
    html = _page(BODY, BODY.upper(), contact)
    text, _ = choose(html, None, f"{BODY}\n{BODY.upper()}\n{contact}")
    assert contact in text and BODY.strip() in text


@pytest.mark.parametrize(
    "line",
    [
        # paywalls
        "To view the full story, please subscribe to The Daily Example.",
        "If you're seeing this message but you're already a subscriber, you can log in.",
        "Pour lire la suite de cet article, abonnez-vous",
        "Чтобы прочитать материал полностью, оформите подписку",
        "Щоб читати далі, увійдіть або оформіть передплату",
        "Материал доступен только для подписчиков",
        # reading time
        "4 Min Read",
        "Lesezeit: 2 Minuten",
        "Время чтения: 5 минут",
        "Час читання: 3 хв",
        # the site's newsletter, offers, RSS
        "Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Reiseland",
        "Sign up for our weekly newsletter and never miss a story.",
        "Подпишитесь на нашу еженедельную рассылку",
        "for me und erhalten Sie exklusive Angebote!",
        "Alle Pressemitteilungen der Firma | RSS-Feed abonnieren",
        # follow and join plugs
        "Follow The Gazette on Twitter and Instagram @gazette",
        "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular",
        "Puede escribirnos a redaccion@example.com o seguir a Materia en Facebook",
        "Читайте нас в Telegram",
        "Дивіться нас на YouTube",
        # consent addressed to the reader
        "Mit der Registrierung akzeptieren Sie unsere Datenschutz- und Nutzungsbedingungen.",
        "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
        "Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности",
        # news tips and letters
        "Submit your letter to the editor via this form.",
        "Присылайте фото и видео в наш бот @example_bot",
        "Надсилайте новини на пошту редакції",
        # labels, enlarge hints, video expiry, "also on <site>"
        "News date : 04/21/2022 Category : Press Releases",
        "Рубрика: Общество",
        "Zum Vergrößern auf das Bild klicken.",
        "Video verfügbar bis 28.02.2021",
        "Auch auf example.de",
        "Letzte Änderung 14.02.2019",
        "Последнее обновление: 12.03.2024, 14:05",
        # table rows are tested by their text
        "| Kommentare insgesamt: 0 |  |",
        # ru/uk/en news furniture
        "Читайте ещё: как проходит мобилизация в регионах",
        "Вас может заинтересовать",
        "Вам також може бути цікаво",
        "За темою:",
        "Останні новини",
        "Поділитися",
        "Скопировать ссылку",
        "Share on Facebook",
        "Нашли ошибку? Выделите её и нажмите Ctrl+Enter",
        "Помітили помилку? Виділіть її",
        "Ілюстративне фото",
        "Фото из открытых источников",
        "Автор: Иван Петров",
        "Written by Jane Doe",
    ],
)
def test_furniture_line_is_boilerplate(line: str) -> None:
    assert _boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # report prose that shares words with the furniture patterns
        "Исключения могут быть сделаны только для зарегистрированных товарных знаков.",
        "Мобилизованные прислали видеообращение в редакцию, рассказав, что их отправили штурмовать позиции.",
        "The soldiers said they would follow orders only if their unit got artillery support.",
        "Relatives said the commander threatened to send them forward; the video spread on Telegram.",
        "Последние новости из части родственники узнали от сослуживцев, сказала мать бойца.",
        "Рекомендуем жителям области не выходить из домов без необходимости, заявили в штабе.",
        "Автор обращения, рядовой Иван Петров, рассказал, что его заставили подписать контракт.",
        "Category 5 hurricanes are rare, the weather service said on Tuesday.",
        "Video of the appeal was available on the channel until it was deleted on Friday.",
        BODY,
        RU_BODY,
    ],
)
def test_report_prose_is_not_boilerplate(line: str) -> None:
    assert not _boilerplate_line(line)


def test_furniture_dropped_by_choose_in_three_languages() -> None:
    furniture = [
        "Читайте нас в Telegram",
        "Підписуйтесь на наш Telegram-канал",
        "Follow The Gazette on Twitter and Facebook",
        "3 min read",
        "| Kommentare insgesamt: 0 |  |",
    ]
    first = "\n".join([RU_BODY, *furniture, BODY])
    text, _ = choose(_page(RU_BODY, BODY), None, first)
    assert text.split("\n") == [RU_BODY, BODY]
