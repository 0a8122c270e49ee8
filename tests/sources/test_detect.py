import zipfile
from pathlib import Path

from sitrep.models import Failure, Post, Skipped
from sitrep.sources import SourceContext, detect, read


def test_export_renamed_txt_is_still_detected(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    renamed = tmp_path / "chat.txt"
    renamed.write_bytes((fixtures / "tg_export" / "result.json").read_bytes())
    assert detect(str(renamed)) == "telegram_export"
    assert sum(isinstance(i, Post) for i in read(str(renamed), ctx)) == 3


def test_zip_is_a_clear_failure(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(fixtures / "tg_export" / "result.json", "result.json")
    (item,) = read(str(archive), ctx)
    assert isinstance(item, Failure) and "ZIP archive; unzip it" in item.reason and item.stage == "read"


def test_invalid_utf8_export(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    data = (fixtures / "tg_export" / "result.json").read_bytes()
    bad = tmp_path / "result.json"
    bad.write_bytes(data.replace("Видели".encode(), b"\xff\xfe\xfd"))
    items = list(read(str(bad), ctx))
    assert {i.external_id for i in items if isinstance(i, Post)} == {"2", "3"}  # message 4 is damaged
    (failure,) = [i for i in items if isinstance(i, Failure)]
    assert "invalid UTF-8" in failure.reason and "after message 3" in failure.reason
    last = items[-1]
    assert isinstance(last, Skipped) and last.position == "message 6"  # reading went on after the bad message


def test_unknown_binary(tmp_path: Path, ctx: SourceContext) -> None:
    blob = tmp_path / "x.dat"
    blob.write_bytes(bytes(range(256)) * 10)
    (item,) = read(str(blob), ctx)
    assert isinstance(item, Failure) and "not a format sitrep reads" in item.reason


def test_html_with_invalid_utf8_still_reads(fixtures: Path, tmp_path: Path, ctx: SourceContext) -> None:
    page = tmp_path / "p.html"
    page.write_bytes((fixtures / "article.html").read_bytes().replace("Они".encode(), b"\xff\xfe"))
    (post,) = read(str(page), ctx)
    assert isinstance(post, Post) and "личного состава" in post.text
