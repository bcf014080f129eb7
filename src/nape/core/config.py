"""Settings from environment variables prefixed ``NAPE_`` (pydantic-settings).

Example: ``NAPE_MAX_TEXT_CHARS=5000 nape assess --text "..."``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir("nape", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NAPE_", extra="ignore")

    data_dir: Path = Field(default_factory=_data_dir, description="Where nape keeps its files")
    max_text_chars: int = Field(default=20_000, ge=100, le=2_000_000, description="Longest free text accepted")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database; default a SQLite file nape.db in the data directory",
    )
    public_url: str | None = Field(
        default=None,
        max_length=500,
        description="Base URL of private links (e.g. https://nape.example.org behind a proxy); default the request's",
    )
    trusted_hosts: str | None = Field(
        default=None,
        max_length=2000,
        description="Comma-separated host names the server answers to (Host header); '*' for any; "
        "default localhost, 127.0.0.1, ::1 and the public URL's host",
    )
    api_docs: bool = Field(default=True, description="Serve /docs (Swagger UI) and /redoc from the installed files")
    long_text_chars: int = Field(
        default=2_000,
        ge=0,
        le=2_000_000,
        description="In `nape serve`, texts longer than this (once normalised) are read in each worker's "
        "long-text process, one at a time and at lower priority, so they cannot hold up short ones",
    )
    text_budget_s: float = Field(
        default=2.0,
        gt=0,
        le=600,
        description="CPU seconds the long-text process may spend on one text before it is stopped (E206)",
    )
    text_wait_s: float = Field(
        default=20.0,
        gt=0,
        le=3600,
        description="Wall seconds a long text may wait for and run in the long-text process before the "
        "service answers busy (E207)",
    )

    def allowed_hosts(self) -> list[str]:
        """The trusted host names (lower case, no port): the setting, or the defaults plus the public URL's."""
        if self.trusted_hosts is not None:
            return [h.strip().lower() for h in self.trusted_hosts.split(",") if h.strip()]
        hosts = ["localhost", "127.0.0.1", "::1"]
        if self.public_url:
            host = urlsplit(self.public_url).hostname
            if host:
                hosts.append(host.lower())
        return hosts

    emergency_number: str | None = Field(
        default=None,
        max_length=20,
        pattern=r"^[0-9+*#]{2,20}$",
        description="The local emergency number shown with a tap-to-call link; default 999, 112 and 911 together",
    )

    def emergency_numbers(self) -> list[str]:
        """The numbers an emergency result offers to call (``NAPE_EMERGENCY_NUMBER`` or 999/112/911)."""
        return [self.emergency_number] if self.emergency_number else ["999", "112", "911"]

    def resolved_database_url(self) -> str:
        """The URL to connect to: ``NAPE_DATABASE_URL`` or ``sqlite:///<data_dir>/nape.db``.

        ``postgresql://`` URLs use the psycopg 3 driver.
        """
        if self.database_url:
            url = self.database_url
            for prefix in ("postgresql://", "postgres://"):
                if url.startswith(prefix):
                    return "postgresql+psycopg://" + url[len(prefix) :]
            return url
        return f"sqlite:///{self.data_dir / 'nape.db'}"


@cache
def get_settings() -> Settings:
    return Settings()
