"""Article arbitration: paragraphs put back by extractor agreement, boilerplate lines dropped."""

from __future__ import annotations

import pytest

from sitrep.sources.articles import (
    MIN_TEXT_CHARS,
    Block,
    _caption_texts,
    _justext,
    _justext_blocks,
    _linked_lines,
    _marked_leads,
    _parse,
    _readability,
    add_agreed,
    add_lead,
    add_marked_lead,
    choose,
)

LEAD = "The regiment's soldiers recorded a video appeal to the governor on Monday evening."


def test_agreed_paragraph_is_put_back_in_order() -> None:
    text = "First paragraph kept by trafilatura.\nThird paragraph kept by trafilatura."
    readability = f"First paragraph kept by trafilatura.\n{LEAD}\nThird paragraph kept by trafilatura."
    assert add_agreed(text, readability, justext=LEAD).split("\n")[1] == LEAD


def test_paragraph_one_extractor_keeps_stays_out() -> None:
    text = "First paragraph kept by trafilatura."
    assert add_agreed(text, f"{text}\n{LEAD}", justext="") == text
    assert add_agreed(text, f"{text}\nShort teaser", justext="Short teaser") == text


def test_boilerplate_lines_dropped() -> None:
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    sentence = "Anzeige erstattet hat der Vater des Soldaten, sagte die Polizei am Dienstag."
    first = "\n".join([body, "Auch interessant:", "Никола Пашинян. (Foto: AFP / Pool)", sentence])
    text, _ = choose(f"<html><body><p>{body}</p></body></html>", None, first)
    assert text.split("\n") == [body, sentence]


def test_justext_keeps_russian_paragraph_drops_menu() -> None:
    body = (
        "Мобилизованные бойцы полка записали видеообращение к губернатору, в котором они "
        "рассказали, что их отправили на передовую без артиллерийской поддержки и без связи. "
    ) * 3
    html = (
        f"<html><body><ul><li><a href='/'>Главная</a></li><li><a href='/p'>Политика</a></li></ul>"
        f"<p>{body}</p></body></html>"
    )
    kept = _justext(html, body)
    assert body.strip() in kept and "Главная" not in kept
    assert _justext("", "") == "" and _readability("") == ""


def _block(text: str, *, links: float = 0.0, boilerplate: bool = False) -> Block:
    return Block(text, links, boilerplate)


def test_lead_above_the_text_is_put_back_first() -> None:
    body = "Second paragraph: the unit was sent forward on Tuesday without artillery support."
    blocks = [
        _block("Home News Politics", boilerplate=True),
        _block("Short kicker line"),
        _block(LEAD),
        _block(body),
        _block("A later paragraph that trafilatura did not keep, long enough to count."),
    ]
    assert add_lead(body, blocks).split("\n") == [LEAD, body]
    # nothing of the text among the blocks: no anchor, nothing added
    assert add_lead("Unrelated text.", blocks) == "Unrelated text."
    # a paragraph with line breaks (<br>) counts line by line
    two = _block(f"Short kicker line\n{LEAD}")
    assert add_lead(body, [two, _block(body)]).split("\n") == [LEAD, body]
    # a lead jusText called boilerplate stays out
    assert add_lead(body, [_block(LEAD, boilerplate=True), _block(body)]) == body


def test_short_link_lines_are_dropped() -> None:
    body = (
        "Soldiers of the regiment said they had been sent forward without artillery support, "
        "and that their commander refused to hear the complaint. "
    ) * 2
    related = "Mobilised men from Kursk ask the governor for help"
    html = (
        f"<html><body><article><p>{body}</p><p>{body}</p></article>"
        f"<ul><li><a href='/a'>{related}</a></li><li><a href='/b'>Another story entirely</a></li></ul>"
        "</body></html>"
    )
    blocks = _justext_blocks(html, body)
    assert any(b.text == related and b.link_density == 1.0 for b in blocks)
    text, _ = choose(html, None, f"{body}\n{related}")
    assert text == body


def test_linked_lines_leaves_long_and_plain_paragraphs() -> None:
    long_link = "x" * 200
    found = _linked_lines(
        [
            _block("Read: the governor's answer", links=0.9),
            _block(long_link, links=1.0),
            _block("Plain sentence with one link in it", links=0.2),
        ]
    )
    assert found == frozenset({"Read: the governor's answer"})


def test_readability_fork_keeps_article_paragraphs() -> None:
    body = (
        "Мобилизованные бойцы полка записали видеообращение к губернатору, в котором они "
        "рассказали, что их отправили на передовую без артиллерийской поддержки. "
    ) * 2
    html = (
        f"<html><body><div class='menu'><a href='/'>Главная</a> <a href='/p'>Политика</a></div>"
        f"<div class='article'><p>{body}</p><p>{body}</p></div><div class='footer'>© Издание</div>"
        "</body></html>"
    )
    text = _readability(html)
    assert body.strip() in text and "Главная" not in text and "© Издание" not in text


def test_furniture_lines_dropped_by_kind() -> None:
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    furniture = [
        "Ich bin damit einverstanden, personalisierte E-Mails zu erhalten.",  # consent box
        "PC Gamer Newsletter",  # newsletter box
        "This post contains references to products from one or more of our advertisers.",  # disclosure
        "Партнерський матеріал",  # ad mark
        "При цитировании и использовании материалов ссылка на издание обязательна.",  # reprint notice
        "Усі права захищені.",
        "For the latest stories download the News apps for iOS and Android.",  # app appeal
        "Поддержите независимую журналистику",  # donation appeal
        "Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.",  # blocked embed
        "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter",  # typo report
        "Подписывайтесь на наш Telegram-канал",  # channel plug
        "Новости партнеров",
        "Наступна стаття",  # next article
        "Kontakt:",  # info box heading
        "23.10.2018",  # date stamp
        "24. März 2004, 19:49 | Genesis",
        "Last modified: 03-10-2004",
        "aja/PAP",  # agency sign-off
    ]
    kept = [
        "Отец солдата рассказал, что сын опубликовал обращение в Telegram-канале полка.",
        "23 октября 2018 года бойцы записали видеообращение.",
        "Die Kompanie wurde am 23.10.2018 an die Front verlegt, sagte der Vater.",
    ]
    text, _ = choose(f"<html><body><p>{body}</p></body></html>", None, "\n".join([body, *furniture, *kept]))
    assert text.split("\n") == [body, *kept]


def test_author_bio_dropped_only_at_the_end() -> None:
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    bio = "Candice Sealey is the Founder & Principal Consultant at Ignite! a marketing consultancy."
    ru_bio = "Иван Петров — корреспондент издания в Белгороде."
    inner = "Ivan Petrov, a correspondent in Belgorod, is the founder of a volunteer group."
    text, _ = choose("<html></html>", None, "\n".join([body, inner, body, bio, ru_bio]))
    assert text.split("\n") == [body, inner, body]
    # inside the article the same kind of sentence stays
    quoted = "Anna Smith is the editor who first published the soldiers' appeal."
    text, _ = choose("<html></html>", None, "\n".join([body, quoted, body, body]))
    assert quoted in text


def test_heading_linked_from_a_table_of_contents_stays() -> None:
    heading = "Where the regiment was sent"
    blocks = [_block(heading, links=1.0, boilerplate=True), _block(heading), _block("Read: the governor", links=0.9)]
    assert _linked_lines(blocks) == frozenset({"Read: the governor"})


def test_cookie_banner_comment_widget_and_credit_lines_dropped() -> None:
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    furniture = [
        "Wir verwenden auf dieser Website Cookies, um Ihnen einen bestmöglichen Service zu bieten.",
        "Мы используем файлы cookie, чтобы сайт работал лучше.",
        "Оставить комментарий",
        "12 комментариев",
        "Photo by John Smith/Getty Images",
        "One algorithm used as much energy as 3 nuclear plants produce in an hour.Photograph: Getty Images",
        "Вид на Белгород после обстрела. Фото: соцсети",
        "AMO found 475 pounds of cocaine in a vessel. By U.S. CUSTOMS AND BORDER PROTECTION",
    ]
    text, _ = choose("<html></html>", None, "\n".join([body, *furniture]))
    assert text == body


def test_huge_page_gets_line_filters_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.sources import articles

    def no_second_opinion(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("a second extractor ran on a page over the size bound")

    monkeypatch.setattr(articles, "ARBITRATE_MAX_CHARS", 1000)
    monkeypatch.setattr(articles, "_justext_blocks", no_second_opinion)
    monkeypatch.setattr(articles, "_readability", no_second_opinion)
    monkeypatch.setattr(articles, "_trafilatura", no_second_opinion)
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    text, name = choose("<p>" + "x" * 2000 + "</p>", None, f"{body}\nPC Gamer Newsletter")
    assert (text, name) == (body, "trafilatura")


def test_report_sentences_that_look_like_furniture_stay() -> None:
    body = "Soldiers of the regiment said they had been sent forward without artillery support. " * 3
    report = [
        "Рассылка повесток через Госуслуги началась в Курске на прошлой неделе.",
        "Поддержите мобилизованных из Курска, — призвали жены бойцов.",
        "Я согласен воевать, но не без оружия, — сказал боец.",
        "Relatives asked people to donate to the soldiers' fund.",
        "Скриншот видеообращения бойцов 1428-го полка опубликовал канал.",
        "Smith is a lawyer representing the soldiers' families.",
        "Меня зовут Иван, я мобилизованный из Курска.",
        "Он прислал жене фото: на нём видно разрушенный блиндаж.",
    ]
    text, _ = choose("<html></html>", None, "\n".join([body, *report]))
    assert text.split("\n") == [body, *report]


def test_marked_leads_found_by_class_outside_links_and_asides() -> None:
    lead = "Mobilised soldiers from Kursk recorded an appeal to the governor on Monday."
    html = (
        "<html><body><header><h1>Appeal</h1>"
        f"<div class='article__intro'><p>{lead}</p></div></header>"
        "<aside><p class='teaser-text'>Another story: a governor answers the wives of soldiers.</p></aside>"
        "<ul><li><p class='summary'>A listed summary of yet another story in the sidebar.</p></li></ul>"
        "<a href='/x'><span class='excerpt'>A linked excerpt of a story elsewhere on the site.</span></a>"
        "<p>Body.</p></body></html>"
    )
    assert _marked_leads(html) == [lead]
    assert _marked_leads("") == []


def test_marked_lead_put_back_next_to_the_start_only() -> None:
    lead = "Mobilised soldiers from Kursk recorded an appeal to the governor on Monday."
    title = "Soldiers appeal to the governor"
    body = "The regiment was sent forward on Tuesday without artillery support, the soldiers said."
    far = "A teaser of another article, far above the text in the page, marked as a lead too."
    blocks = [
        _block(far),
        *[_block(f"Menu item {i}", boilerplate=True) for i in range(8)],
        _block(title),
        _block(lead, boilerplate=True),
        _block(body),
    ]
    text = f"{title}\n{body}"
    assert add_marked_lead(text, blocks, [lead, far]).split("\n") == [title, lead, body]
    # a lead the text has already, or no marked lead at all: unchanged
    assert add_marked_lead(f"{title}\n{lead}\n{body}", blocks, [lead]) == f"{title}\n{lead}\n{body}"
    assert add_marked_lead(text, blocks, []) == text


def test_link_rule_keeps_web_addresses_and_short_posts(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.sources import articles

    body = (
        "Soldiers of the regiment said they had been sent forward without artillery support, "
        "and that their commander refused to hear the complaint. "
    )
    url = "http://www.openpetition.de/petition/online/soldiers-appeal"
    title = "A linked title of a short post"
    short = "The short post: the soldiers of the regiment went home on Tuesday, their wives said."
    blocks = [_block(url, links=1.0), _block("Related: another story", links=1.0), _block(title, links=1.0)]
    monkeypatch.setattr(articles, "_justext_blocks", lambda _html, _sample: [*blocks, _block(body), _block(short)])
    # a web address quoted in the text stays; a short linked headline goes
    text, _ = choose("<html></html>", None, "\n".join([body, url, "Related: another story"]))
    assert text == f"{body}\n{url}"
    # a short post whose title is a link stays whole rather than falling under the article minimum
    assert len(short) < MIN_TEXT_CHARS <= len(f"{title}\n{short}")
    text, _ = choose("<html></html>", None, f"{title}\n{short}")
    assert text == f"{title}\n{short}"


def test_caption_texts_by_element_and_class() -> None:
    html = (
        "<html><body><article><p>Body.</p>"
        "<figure><img src='a.jpg'><figcaption> Мобилизованные у здания  администрации. </figcaption></figure>"
        "<div class='wp-caption'><img src='b.jpg'><p class='wp-caption-text'>Relatives outside the "
        "recruitment office in Kursk.</p></div>"
        "<div class='photo-overlay'><div class='photo-caption'>Родичі військових біля ТЦК.</div></div>"
        "<p class='captioned-story'>A paragraph whose class only contains the word.</p>"
        f"<div class='image-caption'>{'Довгий текст підпису. ' * 20}</div>"
        "</article></body></html>"
    )
    found = _caption_texts(_parse(html))
    assert "Мобилизованные у здания администрации." in found
    assert "Relatives outside the recruitment office in Kursk." in found
    assert "Родичі військових біля ТЦК." in found
    # a class that merely contains the word, and a box longer than a caption, are no captions
    assert not any(t.startswith(("A paragraph", "Довгий")) for t in found)
    assert _caption_texts(None) == frozenset()


def test_line_that_is_a_whole_caption_is_dropped() -> None:
    body = (
        "Relatives of mobilised soldiers gathered outside the regional administration on Monday, "
        "demanding that the men be rotated home after a year at the front. "
    ) * 2
    caption = "Relatives of mobilised soldiers outside the administration."
    mention = "Relatives of mobilised soldiers outside the administration. The governor did not come out."
    html = (
        f"<html><body><article><p>{body}</p>"
        f"<figure><img src='p.jpg'><figcaption>{caption}</figcaption></figure>"
        f"<p>{mention}</p></article></body></html>"
    )
    text, _ = choose(html, None, f"{body}\n{caption}\n{mention}")
    # the caption line goes; the paragraph that repeats its words stays
    assert text.split("\n") == [body, mention]
