"""The terminal interview: who it is for, age and sex as their own prompts, numbered questions,
back and quit (a stopped-early note), and the emergency stop."""

from __future__ import annotations

from typer.testing import CliRunner

from nape.cli import app

runner = CliRunner()


def test_who_age_and_sex_are_their_own_prompts_and_questions_are_numbered() -> None:
    # who: someone else (child); age 14; sex "m" (never an answer to question 1); then the words
    replies = ["child", "14", "m", "My son has a stiff neck since yesterday", "d", "b", "d", "d", "q"]
    result = runner.invoke(app, ["interview"], input="\n".join(replies) + "\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # Rich wraps long lines
    assert "Who is this check for?" in out and "Their age" in out and "Their sex" in out
    assert "Question 1." in out and "Question 2." in out
    assert out.count("Question 1.") >= 2  # back showed question 1 again
    assert "Stopped early" in out
    assert "This check was about: Your son" in out and "14 years old, male" in out


def test_an_emergency_in_the_words_prints_the_emergency_and_asks_nothing() -> None:
    words = "Really bad headache since this morning, neck is stiff, temperature of 39, light hurts my eyes"
    result = runner.invoke(app, ["interview", "--for", "myself", "--age", "30", "--sex", "f", "--text", words])
    assert result.exit_code == 0, result.output
    assert "EMERGENCY" in result.output and "Call 999 / 112 / 911" in result.output
    assert "Question 1." not in result.output
