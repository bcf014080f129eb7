"""What intake hands on: one record per finding read from the text (or stated explicitly)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """Where a finding came from: the words and their offsets in the text (if any)."""

    finding: str
    present: bool
    source_text: str
    start: int | None = None
    end: int | None = None
