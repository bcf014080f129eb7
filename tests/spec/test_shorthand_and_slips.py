"""Shorthand, dictation slips and numbers (tests/spec/shorthand_and_slips.yaml): clipped and
symbol forms, shorthand of phrase words, result words after a name, dictated sound-alikes,
regional word forms, angles of range and of the leg raise, and weeks of pregnancy in other word orders. One test
per row; controls must stay as they are."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("shorthand_and_slips.yaml")
CLASSES = (
    "clipped_form",
    "phrase_shorthand",
    "result_after_name",
    "sound_alike",
    "angle_result",
    "pregnancy_weeks",
    "girdle_word",
    "regional_form",
    "self_answered",
    "slash_list",
    "arm_pressures",
    "mouth_opening",
    "month_dates",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_shorthand_row(row: dict[str, Any]) -> None:
    r = rows.check(row)
    for fid, words in row.get("source", {}).items():
        m = next(x for x in r.mentions if x.finding == fid)
        # the words and offsets are the text as written, whatever was repaired before reading
        assert m.source_text == words, m
        assert m.start is not None and m.end is not None and row["text"][m.start : m.end] == words, m


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES, extra=("source",))
