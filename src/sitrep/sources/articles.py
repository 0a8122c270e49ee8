"""Article extraction: HTML page → title, author, publication date, canonical URL, main text.

Pure over its input (no network, no store). trafilatura does the work; where its output looks
wrong, a second opinion arbitrates (see ``choose``). Also URL canonicalisation, used as the
external id of web reports so the same article fetched through an AMP page, a tracking link
or ``www.`` is one report.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import decode_file

# Query parameters that only track the click (analytics, ad and mail campaigns).
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|yclid|ysclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|"
    r"ref_src|_ga|_gl|oly_enc_id|oly_anon_id|vero_id|rb_clickid|s_cid|cmpid|at_medium|at_campaign)$",
    re.I,
)
_AMP_QUERY = {"amp", "outputtype", "_amp"}
# Shortest text accepted as an article. Chosen from real pages: news briefs and Telegram-style
# wire items run 150+ characters; below 100 what is left is a caption, a cookie notice or a
# "page not found" line.
MIN_TEXT_CHARS = 100


def canonical_url(url: str) -> str:
    """Normalise a URL: lower-case host without ``www.``/``amp.``, no tracking parameters,
    no AMP suffix, no fragment, no credentials, no default port."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in ("www.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = parts.path or "/"
    path = re.sub(r"(?<=.)/amp/?$", "", path)  # /news/123/amp → /news/123
    path = re.sub(r"\.amp(?=\.html?$|$)", "", path)  # /story.amp.html → /story.html
    if path.startswith("/amp/"):
        path = path[4:]
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(k) and not (k.lower() in _AMP_QUERY and v.lower() in ("", "1", "amp", "true"))
    ]
    return urlunsplit((scheme, netloc, path or "/", urlencode(query), ""))


def site_of(url: str) -> str:
    """The host a canonical URL belongs to (the ``handle`` of web sources)."""
    return urlsplit(canonical_url(url)).hostname or ""


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    url: str | None = None  # the page's own canonical URL (link rel=canonical / og:url), normalised
    sitename: str | None = None
    extractor: str = "trafilatura"  # which extractor's text was kept


_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publish[-_]date|dc\.date\.issued|sailthru\.date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']{8,40})["']""", re.I)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _parse_dt(value: str) -> datetime | None:
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def published_time(html: str, day: str | None) -> datetime | None:
    """The publication time: a full timestamp from the page's metadata when it agrees with
    htmldate's day (``day``, YYYY-MM-DD), else that day at 00:00 UTC."""
    head = html[:200_000]  # metadata sits in <head> or an early JSON-LD block
    stamps = [m.group(1) for tag in _META_DATE.finditer(head) if (m := _CONTENT.search(tag.group(0)))]
    stamps += _JSONLD_DATE.findall(head)
    for stamp in stamps:
        dt = _parse_dt(stamp)
        if dt is not None and "T" in stamp and (day is None or dt.date().isoformat() == day[:10]):
            return dt.astimezone(UTC)
    return _parse_dt(day[:10]) if day else None


# Lines that introduce related links, subscriptions or comments rather than the article
# ("Read more: …", "Lesen Sie auch", "Читайте также", "Підписуйтесь"). Dropping them raised
# snippet F1 on the article-extraction dev set (bench/article_extraction.py) by ~0.003.
_CUE_LINE = re.compile(
    r"^\s*[-•»]?\s*(read more|related( articles| stories| posts)?|see also|more from|recommended|"
    r"you may also like|we want to hear what you think|share this|follow us|sign up|subscribe|newsletter|"
    r"advertisement|weiterlesen|zum weiterlesen|lesen sie auch|lesen sie mehr|mehr zum thema|mehr zu|"
    r"weitere (artikel|beiträge|themen|aktuelle)|empfohlene|das könnte sie auch interessieren|"
    r"teilen( mit)?:?$|à lire aussi|lire aussi|sur le même sujet|le puede interesar|lea también|lee también|"
    r"te puede interesar|"
    r"más noticias|noticias relacionadas|читайте также|также читайте|читайте нас|по теме|подписывайтесь|"
    r"подпишитесь|читайте також|підписуйтесь|дивіться також|czytaj (też|także|więcej)|zobacz (też|także))",
    re.I,
)
# Short lines that are photo credits, tags or share/comment widgets ("Foto: …", "Фото: …",
# "Tags: …"); only dropped up to _CAPTION_MAX characters so a paragraph that happens to begin
# with such a word stays. Source attributions ("Источник: …") are evidence and are kept.
# Measured on the dev set: +0.001 F1 (precision up, recall unchanged).
_CAPTION_LINE = re.compile(
    r"^\s*(fot\.|fotos?:|photos?:|bild(er)?:|abbildung|image:|credits?:|©|\(c\)|фото:|copyright|"
    r"all rights reserved|alle rechte|tags?:|schlagwörter|kategorie|category:|veröffentlicht|"
    r"published|posted|teilen|share|kommentar|comments?\b|\d+ comments?)",
    re.I,
)
_CAPTION_MAX = 150
# Precision mode is kept when it keeps at least this share of the default text: it then only
# dropped boilerplate. Lower ratios cut real paragraphs (0.5–0.8 lost recall on the dev set).
PRECISION_KEEP = 0.9


def _readability(html: str) -> str:
    from lxml import etree
    from lxml.html import fromstring
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(html).summary(html_partial=True)
        if not summary.strip():
            return ""
        root = fromstring(summary)
    except (Unparseable, etree.ParserError, ValueError, TypeError):
        return ""
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h1", "h2", "h3", "h4",
                                                                         "blockquote", "pre", "td")]
    text = "\n".join(b for b in blocks if b)
    return text or " ".join(root.text_content().split())


def _trafilatura(html: str, url: str | None, *, favor_precision: bool = False,
                 favor_recall: bool = False) -> str:
    text = trafilatura.extract(html, url=url, include_comments=False, favor_precision=favor_precision,
                               favor_recall=favor_recall)
    return text or ""


def choose(html: str, url: str | None, first: str) -> tuple[str, str]:
    """Arbitrate between extractors; returns (text, extractor name).

    1. trafilatura's default text is too short (no article found, or a fragment): take the
       longer of trafilatura's recall mode and readability-lxml, if either is long enough;
    2. otherwise, when precision mode keeps >= ``PRECISION_KEEP`` of the text, take it (it
       only shed boilerplate such as captions and teasers);
    3. in every case drop lines that announce related links or subscriptions, and short
       photo-credit, tag and share lines.
    """
    text, name = first, "trafilatura"
    if len(first.strip()) < MIN_TEXT_CHARS:
        candidates = [(_trafilatura(html, url, favor_recall=True), "trafilatura-recall"),
                      (_readability(html), "readability")]
        best = max(candidates, key=lambda c: len(c[0].strip()))
        if len(best[0].strip()) >= MIN_TEXT_CHARS:
            text, name = best
    else:
        precise = _trafilatura(html, url, favor_precision=True)
        if len(precise) >= PRECISION_KEEP * len(first):
            text, name = precise, "trafilatura-precision"
    kept = [line for line in text.split("\n") if not _CUE_LINE.match(line)
            and not (len(line) <= _CAPTION_MAX and _CAPTION_LINE.match(line))]
    return "\n".join(kept), name


def extract_article(page: bytes | str, url: str | None = None) -> Article | None:
    """Main text and metadata of an HTML page, or None when it holds no article text."""
    html = decode_file(page) if isinstance(page, bytes) else page
    dates = {"original_date": True, "extensive_search": True}
    found = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                                        date_extraction_params=dates)
    doc = found if isinstance(found, Document) else None
    first = doc.text if doc is not None and doc.text else ""
    text, extractor = choose(html, url, first)
    text = text.strip()
    if len(text) < MIN_TEXT_CHARS:
        return None
    declared = doc.url if doc is not None else None
    page_url = declared if declared and declared.startswith(("http://", "https://")) else None
    return Article(
        text=text,
        title=(doc.title or None) if doc is not None else None,
        author=(doc.author or None) if doc is not None else None,
        published_at=published_time(html, doc.date if doc is not None else None),
        url=canonical_url(page_url) if page_url else None,
        sitename=(doc.sitename or None) if doc is not None else None,
        extractor=extractor,
    )


def to_json(article: Article) -> str:
    return json.dumps({"title": article.title, "author": article.author, "url": article.url,
                       "date": article.published_at.isoformat() if article.published_at else None,
                       "text": article.text}, ensure_ascii=False)
