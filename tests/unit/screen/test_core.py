"""One note to one row: the same assessment as ``nape assess``, long notes split, bad notes as errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from nape.assessment import assess
from nape.core.config import get_settings
from nape.screen.core import NoteIn, screen_note, sections

EMERGENCY = "My neck is very stiff and I have a high fever and a headache since this morning."


@pytest.fixture
def short_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("NAPE_MAX_TEXT_CHARS", "300")
    get_settings.cache_clear()
    yield 300
    monkeypatch.delenv("NAPE_MAX_TEXT_CHARS")
    get_settings.cache_clear()


def test_rows_match_nape_assess_note_by_note(notes: list[dict[str, Any]]) -> None:
    for n in notes[:8]:
        row = screen_note(NoteIn(n["id"], n["text"], n["age"], n["sex"], n["date"]))
        ref = assess(n["text"], age=n["age"], sex=n["sex"]).to_json_dict()
        assert row["error"] is None
        assert row["note_id"] == n["id"] and row["date"] == n["date"]
        assert row["triage_level"] == ref["triage"]["level"]
        assert row["triage_reasons"] == ref["triage"]["reasons"]
        assert row["red_flag_ids"] == [f["id"] for f in ref["red_flags"]]
        assert [f["words"] for f in row["red_flags"]] == [f["source_text"] for f in ref["red_flags"]]
        for i in range(3):
            assert row[f"cause_{i + 1}"] == ref["differential"][i]["condition"]
            assert row[f"cause_{i + 1}_probability"] == ref["differential"][i]["probability"]
        assert [(f["id"], f["status"], f["start"], f["end"]) for f in row["findings"]] == [
            (f["id"], f["status"], f["start"], f["end"]) for f in ref["findings"]
        ]
        assert row["knowledge_base_version"] == ref["knowledge_base_version"]
        assert row["sections"] == 1


def test_sections_cut_at_boundaries_and_cover_the_text() -> None:
    para = "First sentence here. Second one is a little longer than the first. Third!"
    text = "\n\n".join([para] * 6) + " " + "x" * 130
    spans = sections(text, 100)
    assert all(b - a <= 100 for a, b in spans)
    assert all(a == 0 or text[a - 1].isspace() for a, b in spans[:-1])  # never cut inside a word
    covered = "".join(text[a:b] for a, b in spans)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)


def test_a_long_note_is_split_and_the_most_urgent_section_wins(short_limit: int) -> None:
    filler = "The appointment was booked through reception and the slot was on time. " * 5
    text = "My lower back went into spasm after lifting boxes yesterday.\n\n" + filler + "\n\n" + EMERGENCY
    assert len(text) > short_limit
    row = screen_note(NoteIn("long-1", text))
    assert row["error"] is None
    assert row["sections"] >= 2
    assert row["triage_level"] in ("emergency_ambulance", "emergency")
    assert "fever_stiff_neck" in row["red_flag_ids"]
    ids = {f["id"] for f in row["findings"]}
    assert {"fever", "neck_stiffness"} <= ids
    for f in row["findings"]:  # offsets refer to the whole note
        if f["start"] is not None:
            assert text[f["start"] : f["end"]] == f["words"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01", "E204"),
        ("", "E204"),
        ("   \n  ", "E204"),
        (None, "E204"),
        ("\x00\x01\x02\x03\x04 neck \x05\x06\x07\x08", "E204"),
    ],
)
def test_a_damaged_note_gives_an_error_row(text: object, code: str) -> None:
    row = screen_note(NoteIn("bad", text))
    assert row["error"].startswith(code)
    assert row["triage_level"] is None and row["findings"] == [] and row["note_id"] == "bad"
    assert "neck" not in row["error"]


def test_bad_age_or_sex_cells_give_error_rows_without_the_note() -> None:
    assert screen_note(NoteIn("a", EMERGENCY, age="forty"))["error"].startswith("E201")
    assert screen_note(NoteIn("b", EMERGENCY, age=300))["error"].startswith("E201")
    assert screen_note(NoteIn("c", EMERGENCY, sex="x"))["error"].startswith("E201")
    row = screen_note(NoteIn("d", EMERGENCY, age="30", sex="F"))
    assert row["error"] is None and row["triage_level"] == assess(EMERGENCY, age=30, sex="female").triage.level
