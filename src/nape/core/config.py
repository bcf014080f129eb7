"""Settings from environment variables prefixed ``NAPE_`` (pydantic-settings).

Example: ``NAPE_MAX_TEXT_CHARS=5000 nape assess --text "..."``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir("nape", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NAPE_", extra="ignore")

    data_dir: Path = Field(default_factory=_data_dir, description="Where nape keeps its files")
    max_text_chars: int = Field(default=20_000, ge=100, le=2_000_000, description="Longest free text accepted")


@cache
def get_settings() -> Settings:
    return Settings()
