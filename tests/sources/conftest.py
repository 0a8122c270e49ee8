"""Fixtures for the source readers: a SourceContext on a temporary data folder, fixture paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.settings import Settings
from sitrep.sources import SourceContext

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"


@pytest.fixture
def ctx(tmp_path: Path) -> SourceContext:
    return SourceContext(settings=Settings(data_dir=tmp_path, http_min_interval=0))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
