from datetime import UTC, datetime
from pathlib import Path

from sitrep.models import Entity, Failure, Post, Skipped
from sitrep.sources import SourceContext, detect, read


def _items(target: Path, ctx: SourceContext) -> list[object]:
    return list(read(str(target), ctx))


def _posts(items: list[object]) -> dict[str, Post]:
    return {p.external_id: p for p in items if isinstance(p, Post)}


def test_folder_and_file_are_detected(fixtures: Path) -> None:
    assert detect(str(fixtures / "tg_export")) == "telegram_export"
    assert detect(str(fixtures / "tg_export" / "result.json")) == "telegram_export"


def test_channel_and_text_with_entities(fixtures: Path, ctx: SourceContext) -> None:
    post = _posts(_items(fixtures / "tg_export", ctx))["2"]
    assert post.source.kind == "telegram_export" and post.source.handle == "1234567890"
    assert post.source.title == "Test channel «Пункт сбора»"
    assert post.text.startswith("Бойцы 1428-го полка записали видеообращение. Подробнее: https://example.org")
    assert Entity("text_link", "источник", "https://t.me/source_channel/77") in post.entities
    assert Entity("mention", "@witness", "https://t.me/witness") in post.entities
    assert Entity("hashtag", "#обращение") in post.entities
    assert {e.kind for e in post.entities} == {"link", "text_link", "mention", "hashtag"}  # no bold


def test_dates_edits_and_author(fixtures: Path, ctx: SourceContext) -> None:
    post = _posts(_items(fixtures / "tg_export", ctx))["2"]
    assert post.published_at == datetime(2023, 7, 2, 12, 5, tzinfo=UTC)  # from date_unixtime, not local date
    assert post.edited_at == datetime(2023, 7, 2, 13, 0, tzinfo=UTC)
    assert post.author == "Редактор"


def test_forward_reply_and_media_without_text(fixtures: Path, ctx: SourceContext) -> None:
    post = _posts(_items(fixtures / "tg_export", ctx))["3"]
    assert (post.forwarded_from, post.forwarded_from_id, post.reply_to) == (
        "Другой канал",
        "channel5550001",
        "2",
    )
    assert post.text == ""
    (video,) = post.media
    assert (video.kind, video.file_name, video.path, video.duration) == ("video_file", "appeal.mp4", None, 95)


def test_photo_path_kept_for_archiving(fixtures: Path, ctx: SourceContext) -> None:
    (photo,) = _posts(_items(fixtures / "tg_export", ctx))["2"].media
    assert photo.kind == "photo" and photo.path == "photos/photo_1@01-07-2023_10-00-00.jpg" and photo.size == 26


def test_poll_text_and_skips(fixtures: Path, ctx: SourceContext) -> None:
    items = _items(fixtures / "tg_export", ctx)
    assert _posts(items)["4"].text == "Видели обращение?\n- Да\n- Нет"
    reasons = sorted(s.reason for s in items if isinstance(s, Skipped))
    assert reasons == [
        "no text and no media",
        "service message (create_channel)",
        "service message (pin_message)",
    ]


def test_raw_item_is_the_message(fixtures: Path, ctx: SourceContext) -> None:
    post = _posts(_items(fixtures / "tg_export", ctx))["2"]
    data = (fixtures / "tg_export" / "result.json").read_bytes()
    start = data.index(b'{\n   "id": 2,')
    assert post.raw.content == data[start : data.index(b"\n  }", start) + 4]  # the exact bytes of the file
    assert post.raw.media_type == "application/json"


def test_full_account_raw_is_reserialised(tmp_path: Path, ctx: SourceContext) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        '{"personal_information": {}, "chats": {"list": [{"name": "A", "type": "public_channel", "id": 1, '
        '"messages": [{"id": 1, "type": "message", "text": "x"}]}]}}'
    )
    (post,) = read(str(path), ctx)
    assert isinstance(post, Post) and post.raw.content == b'{"id":1,"type":"message","text":"x"}'


def test_old_format(fixtures: Path, ctx: SourceContext) -> None:
    items = _items(fixtures / "result_old_format.json", ctx)
    posts = _posts(items)
    assert posts["11"].text == "Plain string text in the old format."
    assert posts["11"].published_at == datetime(2021, 3, 1, 10, 5, tzinfo=UTC)
    assert posts["11"].edited_at == datetime(2021, 3, 1, 10, 6, tzinfo=UTC)
    assert posts["12"].text == "See example.com/a and ask @ann"
    assert Entity("link", "example.com/a", "https://example.com/a") in posts["12"].entities
    assert posts["13"].media[0].kind == "voice_message" and posts["13"].media[0].path == "voice_messages/audio_1.ogg"
    assert sum(isinstance(i, Skipped) for i in items) == 1


def test_full_account_export(tmp_path: Path, ctx: SourceContext) -> None:
    path = tmp_path / "result.json"
    path.write_text(
        '{"about": "x", "personal_information": {"first_name": "A"}, "chats": {"about": "y", "list": ['
        '{"name": "One", "type": "public_channel", "id": 1, "messages": [{"id": 5, "type": "message",'
        ' "date": "2024-01-01T00:00:00", "date_unixtime": "1704067200", "text": "hello"}]},'
        '{"name": "Two", "type": "private_group", "id": 2, "messages": [{"id": 5, "type": "message",'
        ' "date": "2024-01-01T00:00:00", "text": "hi"}]}]}}',
        encoding="utf-8",
    )
    posts = [p for p in read(str(path), ctx) if isinstance(p, Post)]
    assert [(p.source.handle, p.source.title, p.text) for p in posts] == [
        ("1", "One", "hello"),
        ("2", "Two", "hi"),
    ]


def test_truncated_export_keeps_messages_before_the_cut(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    data = (fixtures / "tg_export" / "result.json").read_bytes()
    cut = tmp_path / "result.json"
    cut.write_bytes(data[: data.index(b'"id": 4')])
    items = list(read(str(cut), ctx))
    assert {p.external_id for p in items if isinstance(p, Post)} == {"2", "3"}
    failure = items[-1]
    assert isinstance(failure, Failure) and failure.position.startswith("byte ")
    assert "cut or damaged" in failure.reason and "message 3" in failure.reason


def test_huge_message_is_a_failure(tmp_path: Path) -> None:
    from sitrep.settings import Settings

    path = tmp_path / "result.json"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            '{"name": "Big", "type": "public_channel", "id": 9, "messages": [{"id": 1, "type": "message", '
            '"date_unixtime": "1704067200", "text": "'
        )
        chunk = "x" * (1024 * 1024)
        for _ in range(100):
            fh.write(chunk)
        fh.write('"}, {"id": 2, "type": "message", "date_unixtime": "1704067200", "text": "small"}]}')
    ctx = SourceContext(settings=Settings(data_dir=tmp_path))
    items = list(read(str(path), ctx))
    assert isinstance(items[0], Failure) and "over the" in items[0].reason and items[0].position == "message 1"
    assert isinstance(items[1], Post) and items[1].text == "small"


def test_reading_an_export_never_loads_the_web_reader(fixtures: Path) -> None:
    """The article stack (trafilatura, lxml, httpx) costs ~0.3 s of CPU to import: an ingest of
    Telegram exports or JSONL files must not pay it (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sitrep.settings import Settings\n"
        "from sitrep.sources import SourceContext, read\n"
        "from sitrep.models import Post\n"
        f"items = list(read({str(fixtures / 'tg_export')!r}, SourceContext(settings=Settings())))\n"
        f"items += list(read({str(fixtures / 'tg_export' / 'result.json')!r}, SourceContext(settings=Settings())))\n"
        "assert any(isinstance(i, Post) for i in items)\n"
        "print(sorted(m for m in ('sitrep.sources.web', 'trafilatura', 'httpx') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"
