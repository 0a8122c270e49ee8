import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("SITREP_DATA_DIR", str(tmp_path))
    return CliRunner()


def test_article_json(runner: CliRunner, fixtures: Path) -> None:
    result = runner.invoke(app, ["article", "--json", str(fixtures / "article.html")])
    assert result.exit_code == 0
    row = json.loads(result.stdout)
    assert row["input"] == str(fixtures / "article.html")
    assert row["url"] == "https://news.example/2023/07/02/appeal-1428?id=7"
    assert (row["title"], row["author"], row["date"]) == (
        "Бойцы 1428-го полка записали обращение",
        "Мария Иванова",
        "2023-07-02T07:30:00+00:00",
    )
    assert "личного состава" in row["text"]


def test_article_exit_codes(runner: CliRunner, fixtures: Path) -> None:
    some = runner.invoke(app, ["article", "--json", str(fixtures / "article.html"), str(fixtures / "not_article.html")])
    assert some.exit_code == 1
    assert "no article text found" in json.loads(some.stdout.splitlines()[1])["error"]
    none = runner.invoke(app, ["article", str(fixtures / "not_article.html"), "/no/such/file.html"])
    assert none.exit_code == 2


def test_article_text_output(runner: CliRunner, fixtures: Path) -> None:
    result = runner.invoke(app, ["article", str(fixtures / "article.html")])
    assert result.exit_code == 0 and "Мария Иванова · 2023-07-02T07:30:00+00:00" in result.stdout
