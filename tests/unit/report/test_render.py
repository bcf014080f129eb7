"""The terminal report at 80 columns, compared with golden files (the date and the knowledge-base
hash normalised). After a deliberate change to the report or the knowledge base, rewrite the
golden files with ``NAPE_UPDATE_GOLDEN=1 uv run pytest tests/unit/report`` and review the diff."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from nape.assessment import assess
from nape.cli import app
from nape.report.render import MAX_WIDTH, render

GOLDEN = Path(__file__).parent / "golden"
WRY_NECK = "I woke up this morning and my neck is stuck, I can't turn my head to the left and it is painful."
FEVER = "Since this morning I have a high fever, my neck is so stiff I can't bend it and a terrible headache."
CASES = {
    "wry_neck": (WRY_NECK, 30, False),
    "wry_neck_brief": (WRY_NECK, 30, True),
    "meningitis": (FEVER, 22, False),
    "meningitis_brief": (FEVER, 22, True),
}


def normalise(text: str) -> str:
    """Trailing spaces dropped; the date and the knowledge base's content hash replaced."""
    text = re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", "YYYY-MM-DD HH:MM UTC", text)
    text = re.sub(r"knowledge base (\d+\.\d+\.\d+)\+[0-9a-f]+", r"knowledge base \1+HASH", text)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def report(text: str, age: int, brief: bool, width: int = MAX_WIDTH) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False, legacy_windows=False)
    render(assess(text, age=age), console, brief=brief)
    return out.getvalue()


@pytest.mark.parametrize("name", list(CASES))
def test_report_matches_its_golden_file(name: str) -> None:
    text, age, brief = CASES[name]
    got = normalise(report(text, age, brief))
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("NAPE_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(CASES))
def test_no_line_is_wider_than_80_columns_even_on_a_wide_terminal(name: str) -> None:
    text, age, brief = CASES[name]
    lines = report(text, age, brief, width=200).splitlines()
    assert max(len(line.rstrip()) for line in lines) <= MAX_WIDTH


def test_the_urgency_box_comes_first_and_no_word_is_cut() -> None:
    out = report(WRY_NECK, 30, False)
    assert out.index("How urgent") < out.index("What to do now") < out.index("Likely causes")
    assert "…\n" not in out.replace("Get help sooner if…\n", "")  # no word cut off with an ellipsis
    assert "[1]" in out and "nice_cks" not in out  # sources as footnote numbers, not ids


def test_an_emergency_report_has_no_self_care_or_appointment_questions() -> None:
    out = report(FEVER, 22, False)
    assert "Emergency: act now" in out.splitlines()[0]
    assert "Looking after yourself" not in out and "Questions to take" not in out


def test_brief_is_the_level_the_reason_and_three_causes() -> None:
    result = CliRunner().invoke(app, ["assess", "--text", WRY_NECK, "--age", "30", "--brief"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "SELF-CARE AT HOME" in out and "Likely causes" in out
    assert re.search(r"^\s+3\. ", out, re.M) and not re.search(r"^\s+4\. ", out, re.M)
    assert "What to do now" not in out and "Sources" not in out
    assert "not a diagnosis" in out
