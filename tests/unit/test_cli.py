"""The command line: JSON contract of the spec, readable output, and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from nape.cli import app

runner = CliRunner()


def _json(args: list[str]) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_assess_json_has_the_spec_fields() -> None:
    data = _json(
        ["assess", "--finding", "fever=present", "--finding", "neck_stiffness=present", "--age", "30", "--json"]
    )
    assert {"differential", "triage", "red_flags", "findings", "knowledge_base_version"} <= set(data)
    first = data["differential"][0]
    assert {"condition", "name", "probability", "for", "against"} <= set(first)
    assert data["triage"]["level"] == "emergency_ambulance" and data["triage"]["reasons"]
    flag = data["red_flags"][0]
    assert {"id", "label", "source_text"} <= set(flag)
    assert {f["id"]: f["status"] for f in data["findings"]}["fever"] == "present"
    assert data["disclaimer"] and data["emergency_advice"]


def test_assess_text_reads_free_text() -> None:
    data = _json(["assess", "--text", "woke up and can't turn my head to the left, no fever", "--age", "30", "--json"])
    ids = {f["id"]: f["status"] for f in data["findings"]}
    assert ids.get("woke_up_with_it") == "present" and ids.get("fever") == "absent"
    assert data["triage"]["level"] in ("self_care", "consultation")


def test_readable_report_leads_with_urgency() -> None:
    result = runner.invoke(app, ["assess", "--finding", "thunderclap_headache=present"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("EMERGENCY") < out.index("Likely causes")
    assert "not a diagnosis" in out


def test_conditions_json_lists_every_condition() -> None:
    rows = _json(["conditions", "--json"])
    assert len(rows) >= 42
    for r in rows:
        assert {"id", "name", "icd10cm", "triage", "sources", "findings"} <= set(r)
        assert isinstance(r["icd10cm"], list) and r["sources"]


def test_conditions_one_prints_readably() -> None:
    result = runner.invoke(app, ["conditions", "cervical_dystonia"])
    assert result.exit_code == 0 and "G24.3" in result.stdout


def test_parse_json() -> None:
    data = _json(["parse", "--text", "55M, 2/52 R neck pain, no fever", "--json"])
    assert data["age"] == 55 and data["sex"] == "male" and data["side"] == "right"
    assert {"id": "fever", "status": "absent"}.items() <= next(
        f for f in data["findings"] if f["id"] == "fever"
    ).items()


@pytest.mark.parametrize(
    "args,code",
    [
        (["assess", "--finding", "purple_toes=present"], "E202"),
        (["assess", "--finding", "fever=maybe"], "E201"),
        (["assess", "--finding", "fever=present", "--age", "300"], "E201"),
        (["assess", "--text", "   "], "E204"),
        (["assess"], "E201"),
        (["conditions", "no_such_thing"], "E203"),
    ],
)
def test_bad_input_is_a_numbered_message_not_a_traceback(args: list[str], code: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "nape.cli", *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert code in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_unmodelled_sex_is_handled_without_crashing() -> None:
    data = _json(["assess", "--finding", "neck_pain=present", "--sex", "intersex", "--json"])
    assert data["patient"]["sex"] is None


def test_interview_runs_in_the_terminal() -> None:
    answers = "\n".join(["d"] * 30) + "\n"
    result = runner.invoke(
        app,
        ["interview", "--for", "myself", "--text", "stiff neck since this morning", "--age", "30", "--sex", "f"],
        input=answers,
    )
    assert result.exit_code == 0, result.output
    assert "How urgent" in result.stdout
