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


def test_a_checklist_lists_numbered_items_and_takes_the_numbers_that_apply() -> None:
    args = ["interview", "--for", "myself", "--age", "45", "--sex", "m", "--text", "lower back spasm after gardening"]
    result = runner.invoke(app, args, input="1,2\n")  # numbness between the legs, trouble passing urine
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Question 1." in out and "Tick all that apply" in out
    assert "1. Numbness between the legs" in out and "0. None of these" in out
    assert "EMERGENCY" in out and "Question 2." not in out


def test_a_checklist_takes_0_for_none_and_says_how_to_answer_a_wrong_reply() -> None:
    args = ["interview", "--for", "myself", "--age", "45", "--sex", "m", "--text", "lower back spasm after gardening"]
    result = runner.invoke(app, args, input="7,99\n0\nq\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Type the numbers that apply separated by commas" in out
    assert "Question 2." in out and "EMERGENCY" not in out and "Stopped early" in out
