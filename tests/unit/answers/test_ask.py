"""`nape ask`: emergency first, not covered, disclaimer, JSON shape, markers, and bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nape.answers import ask
from nape.answers.rules import load_rules, rules
from nape.cli import app
from nape.errors import KnowledgeBaseError, QuestionError
from nape.knowledge.loader import default_kb

runner = CliRunner()
QUESTIONS = [
    "Can a pinched nerve cause muscle spasms?",
    "Heat or ice?",
    "How do I bake bread?",
    "I have a fever and a stiff neck, what should I do?",
    "Is Botox used for spasmodic torticollis?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_answer_ends_with_the_disclaimer(question: str, tmp_path: Path) -> None:
    assert ask(question, data_dir=tmp_path).answer.endswith(default_kb().meta.triage.disclaimer)


@pytest.mark.parametrize("question", QUESTIONS)
def test_markers_and_citations_match(question: str, tmp_path: Path) -> None:
    a = ask(question, data_dir=tmp_path)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", a.answer)}
    assert markers == {c.n for c in a.citations}
    assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    for c in a.citations:
        assert c.passage and c.title and c.source_id in default_kb().sources


def test_body_sentences_are_knowledge_base_statements(tmp_path: Path) -> None:
    a = ask("Heat or ice?", data_dir=tmp_path)
    body = a.answer.split("\n\n")[0]
    for c in a.citations:
        assert c.passage in body


def test_emergency_leads(tmp_path: Path) -> None:
    a = ask("Sudden worst headache of my life and a stiff neck - is that serious?", data_dir=tmp_path)
    kb = default_kb()
    assert a.kind == "emergency"
    first = a.answer.split("\n\n")[0]
    assert kb.meta.triage.emergency_advice in first
    assert kb.red_flags["thunderclap_headache"].message in first


def test_a_denied_symptom_does_not_raise_an_emergency(tmp_path: Path) -> None:
    a = ask("My neck is stiff but I have no fever. Heat or ice?", data_dir=tmp_path)
    assert a.kind == "answer"


def test_not_covered_lists_what_nape_answers(tmp_path: Path) -> None:
    a = ask("What is the capital of France?", data_dir=tmp_path)
    assert a.kind == "not_covered" and not a.citations
    for item in rules().frames.can_answer:
        assert item in a.answer


def test_json_has_exactly_the_contract(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ask", "Do I need an MRI?", "--json", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"answer", "citations"}
    assert data["answer"].startswith("It depends.")
    for c in data["citations"]:
        assert set(c) == {"n", "source_id", "title", "passage"}


def test_readable_output_lists_sources(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ask", "Heat or ice?", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "Sources" in result.stdout and "[1]" in result.stdout


@pytest.mark.parametrize(
    "question,words",
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("neck " * 500, "limit"),
        ("\x00\x01\x02 neck \x03\x04\x05\x06", "binary"),
        (b"\xff\xfe\x00\x81", "binary"),
        ("?!?", "no words"),
    ],
)
def test_bad_questions_get_a_numbered_message(question: str | bytes, words: str) -> None:
    with pytest.raises(QuestionError) as err:
        ask(question)  # type: ignore[arg-type]
    assert str(err.value).startswith("E401") and words in str(err.value)


@pytest.mark.parametrize("question", ["", "x" * 2001, "\x01\x02\x03\x04 back"])
def test_cli_bad_question_exits_2_with_the_code(question: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from nape.cli import main; main()", "ask", question],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "E401" in proc.stderr and "Traceback" not in proc.stderr


def test_a_broken_rules_file_is_a_numbered_error(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("question: {max_chars: 2000}\nsurprise: 1\n")
    with pytest.raises(KnowledgeBaseError) as err:
        load_rules(bad)
    assert "surprise" in str(err.value)
