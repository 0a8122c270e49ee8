"""Parsers never crash on random or malformed input: they yield items or Failures."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.models import Failure, Post, Skipped
from sitrep.settings import Settings
from sitrep.sources import SourceContext
from sitrep.sources.articles import canonical_url
from sitrep.sources.telegram_export import post_from_message, text_and_entities
from sitrep.sources.tme_html import parse_page

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(
    [
        "id",
        "type",
        "text",
        "text_entities",
        "date",
        "date_unixtime",
        "photo",
        "file",
        "media_type",
        "poll",
        "forwarded_from",
        "reply_to_message_id",
        "views",
        "edited",
    ]
)
_message = st.dictionaries(_keys, _json, max_size=10)
_fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_fast
@given(msg=_message)
def test_any_message_object(msg: dict[str, object]) -> None:
    from sitrep.models import RawItem, SourceRef
    from sitrep.sources.telegram_export import _Chat

    chat = _Chat(SourceRef("telegram_export", "1", "t"), "public_channel")
    raw = RawItem(b"{}", "application/json", "o", fetched_at=datetime.now(UTC))
    item = post_from_message(msg, chat, raw, "o", "message ?")
    assert isinstance(item, Post | Skipped | Failure)
    text_and_entities(msg)


@_fast
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_export(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from sitrep.sources import read

    folder = tmp_path_factory.mktemp("export")
    path = folder / "result.json"
    path.write_bytes(b'{"name": "x", "type": "public_channel", "id": 1, "messages": [' + data)
    ctx = SourceContext(settings=Settings(data_dir=folder))
    for item in read(str(path), ctx):
        assert isinstance(item, Post | Skipped | Failure)


@_fast
@given(html=st.text(max_size=3000))
def test_any_html_as_tme_page(html: str) -> None:
    ctx = SourceContext(settings=Settings(data_dir=Path("/nonexistent")))
    page = '<div class="tgme_widget_message" data-post="c/1">' + html
    for item in parse_page(page.encode("utf-8", "surrogatepass"), "p", ctx):
        assert isinstance(item, Post | Skipped | Failure)


@_fast
@given(url=st.text(max_size=200))
def test_canonical_url_is_total_and_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
