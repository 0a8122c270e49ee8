"""A paragraph is put back once. Invisible format characters (soft hyphens, zero-width spaces):
a paragraph that trafilatura gives without them and readability or jusText with them is one
paragraph; and a paragraph readability lists twice comes in once."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from sitrep.sources.articles import Block, add_agreed, add_lead, add_marked_lead, extract_article

# Written for these tests: a regional news page in German, where &shy; is most common (long
# compounds), and one in Russian.
DE = [
    "Die Soldaten des Regiments haben am Montag eine Video|botschaft an den Gouverneur aufgenommen, "
    "in der sie sich über die fehlende Aus|rüstung beklagen. Sie sagen, dass sie seit Wochen auf "
    "Schutz|westen und Helme warten und dass ihnen niemand eine Antwort gibt.",
    "Nach ihren Angaben wurden sie ohne Artillerie|unterstützung und ohne Funk|geräte an die Front "
    "geschickt, obwohl ihnen vor der Unter|zeichnung des Vertrags eine Ausbildung von drei Monaten "
    "und ein Dienst im Hinterland versprochen worden war.",
    "Der Kommandeur habe ihre Beschwerde nicht angenommen und ihnen mit dem Militär|gericht gedroht, "
    "sagte einer der Männer in dem Video, das am Dienstag|abend in mehreren Kanälen verbreitet wurde. "
    "Die anderen stehen hinter ihm und nicken.",
    "Die Familien der Soldaten wandten sich nach eigenen Angaben auch an die Militär|staats|anwaltschaft "
    "und an die Menschen|rechts|beauftragte der Region, die sich aber bisher nicht zu dem Fall geäußert "
    "hat und auch auf Anrufe nicht reagiert.",
    "Eine Antwort des Verteidigungs|ministeriums auf die Anfrage der Redaktion lag bis zum Abend nicht "
    "vor; die Verwaltung des Gebiets erklärte, sie prüfe die Vorwürfe und werde sich mit den "
    "Angehörigen der Männer in Verbindung setzen.",
]
RU = [
    "Моби|лизо|ванные бойцы полка записали видео|обращение к губернатору, в котором они рассказали, что их "
    "отправили на передовую без артил|лерий|ской поддержки и без связи. По их словам, это было сделано "
    "после того, как им обещали, что они будут служить в тылу и что у них будет обучение.",
    "Один из них говорит, что командир не стал принимать их жалобу и пригрозил им военным судом, если они "
    "не вернутся на позиции до конца недели. Он также сказал, что их родственники до сих пор так и не "
    "получили от него ни одного ответа, хотя писали ему уже не раз.",
    "Жены и матери бойцов обратились в военную проку|ра|туру и к уполно|мо|ченному по правам человека в "
    "регионе, но до вечера вторника им никто не ответил. Они говорят, что будут добиваться того, чтобы "
    "их мужей и сыновей вернули домой, а не отправили снова на фронт.",
    "В министерстве обороны на запрос редакции не ответили. В администрации области сообщили, что там "
    "проверяют эти сведения и что в ближайшие дни с родственниками военно|служащих свяжутся, чтобы "
    "выяснить, что именно с ними произошло и где они сейчас находятся.",
]
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def _page(paragraphs: list[str], mark: str) -> str:
    """A news page whose article paragraphs carry ``mark`` (an HTML entity) at every ``|``."""
    body = "".join(f"<p>{p.replace('|', mark)}</p>" for p in paragraphs)
    return (
        "<html><head><title>Regiment</title></head><body><nav><ul><li><a href='/'>Start</a></li>"
        "<li><a href='/politik'>Politik</a></li><li><a href='/region'>Region</a></li></ul></nav>"
        f"<article><h1>{paragraphs[0].split(',')[0].replace('|', mark)}</h1>{body}</article>"
        "<footer><p><a href='/impressum'>Impressum</a> <a href='/datenschutz'>Datenschutz</a></p>"
        "</footer></body></html>"
    )


@pytest.mark.parametrize(
    "mark",
    # soft hyphen, zero-width space / non-joiner / joiner, word joiner, zero-width no-break space
    ["&shy;", "&#173;", "&#8203;", "&#8204;", "&#8205;", "&#8288;", "&#65279;"],
)
@pytest.mark.parametrize("paragraphs", [DE, RU], ids=["de", "ru"])
def test_hyphenated_page_gives_each_paragraph_once(paragraphs: list[str], mark: str) -> None:
    # Before the fix readability's and jusText's copies (with the soft hyphens) never equalled
    # trafilatura's (without), and the whole article came out twice.
    article = extract_article(_page(paragraphs, mark))
    assert article is not None
    lines = [line for line in article.text.split("\n") if line.strip()]
    counts = Counter(_INVISIBLE.sub("", line) for line in lines)
    assert [line for line, n in counts.items() if n > 1] == []
    # the text as the page shows it: whole words, every paragraph there
    assert not _INVISIBLE.search(article.text)
    for paragraph in paragraphs:
        assert paragraph.replace("|", "") in lines


SHY = (
    "Die Familien wandten sich an die Militär\u00adstaats\u00adanwaltschaft und an die "
    "Menschen\u00adrechts\u00adbeauftragte."
)
PLAIN = SHY.replace("\u00ad", "")


def test_arbitration_steps_compare_lines_without_invisible_characters() -> None:
    body = "Der Kommandeur habe ihre Beschwerde nicht angenommen, sagte einer der Männer im Video."
    text = f"{PLAIN}\n{body}"
    # readability and jusText keep the soft hyphens, trafilatura's text has none: nothing to add
    assert add_agreed(text, f"{SHY}\n{body}", justext=SHY) == text
    assert add_lead(text, [Block(SHY, 0.0, False), Block(body, 0.0, False)]) == text
    assert add_marked_lead(text, [Block(SHY, 0.0, False), Block(body, 0.0, False)], [SHY]) == text
    # a paragraph the text lacks still comes in, as the page shows it (no soft hyphens)
    added = add_agreed(body, f"{SHY}\n{body}", justext=SHY)
    assert added.split("\n") == [PLAIN, body]


def test_paragraph_readability_lists_twice_comes_in_once() -> None:
    # readability lists a <blockquote> and the <p> inside it alike: a pull quote that trafilatura
    # left out (it abridges a sentence of the text) came in twice
    body = "The men said the commander refused their complaint and threatened them with a court."
    quote = "“They sent us forward with nothing ... and then told us to keep quiet about it.”"
    assert add_agreed(body, f"{body}\n{quote}\n{quote}", justext=quote).split("\n") == [body, quote]


def test_lead_the_page_repeats_comes_in_once() -> None:
    # a standfirst that stands twice above the text (a mobile and a desktop header)
    body = "Der Kommandeur habe ihre Beschwerde nicht angenommen, sagte einer der Männer im Video."
    lead = "Soldaten eines Regiments beklagen in einer Videobotschaft an den Gouverneur fehlende Ausrüstung."
    blocks = [Block(lead, 0.0, False), Block(lead, 0.0, False), Block(body, 0.0, False)]
    assert add_lead(body, blocks).split("\n") == [lead, body]
    assert add_marked_lead(body, blocks, [lead]).split("\n") == [lead, body]
