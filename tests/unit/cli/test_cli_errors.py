"""Every CLI error is a numbered message, never a traceback; what a person typed is printed as
written (Rich markup in it is escaped), and odd arguments to every command are fuzzed."""

from __future__ import annotations

import io
import json
import re
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nape.cli import main
from nape.core.config import get_settings
from tests.conftest import ROOT

NUMBERED = re.compile(r"\bE\d{3}\b")
MARKUP = "[/x] Dr [bold]Z[/bold] \\[red]"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own data directory (database and ask index)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("NAPE_DATA_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    get_settings.cache_clear()


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str, str]:
    """``nape ARGS`` in this process, as the console script runs it: (exit code, stdout, stderr)."""
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with pytest.raises(SystemExit) as stop:
            main(args)
    finally:
        sys.stdin = old
    out = capsys.readouterr()
    code = stop.value.code
    return (code if isinstance(code, int) else 1), out.out, out.err


def assert_clean(code: int, out: str, err: str) -> None:
    """Success, or a numbered message; never a traceback, never the E000 of an unexpected bug."""
    assert "Traceback" not in out + err
    assert "E000" not in err, err
    if code != 0:
        assert code in (2, 130), (code, err)
        assert code == 130 or NUMBERED.search(err) or "Usage:" in err, err


def test_clinician_with_markup_in_the_name_gets_its_token_and_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["clinician", "add", "[/x] Dr Z"], capsys)
    assert code == 0, err
    assert re.search(r"^nape_\S{20,}$", out, flags=re.M), "the token is shown"
    assert "[/x] Dr Z" in out
    code, out, err = run(["clinician", "list"], capsys)
    assert code == 0 and "[/x] Dr Z" in out, err
    code, out, _ = run(["clinician", "list", "--json"], capsys)
    assert code == 0 and json.loads(out)[0]["name"] == "[/x] Dr Z"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["assess", "--finding", "[/x]=present"], "E202 unknown finding id '[/x]'"),
        (["assess", "--finding", "[/x]"], "E201 --finding expects ID=present|absent, got '[/x]'"),
        (["conditions", "[/x]"], "E203 unknown condition '[/x]'"),
        (["conditions", "[bold]x"], "E203 unknown condition '[bold]x'"),
        (["ingest", "[/x]/nope.md"], "E403 [/x]/nope.md: no such file or folder"),
        (["serve", "--port", "99999"], "E201 Invalid value for '--port'"),
        (["serve", "--port", "-1"], "E201 Invalid value for '--port'"),
        (["assess", "--age", "[/x]"], "E201 Invalid value for '--age'"),
        (["no-such-command"], "E201 No such command"),
    ],
)
def test_errors_are_numbered_and_quote_what_was_typed(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert error in " ".join(err.split()), err
    assert_clean(code, out, err)


def test_free_text_with_markup_is_printed_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    text = "[/x] my neck [bold]is stiff[/bold] since [red]this morning[/x], no fever \\[/red]"
    for args in (["assess", "--text", text], ["parse", "--text", text]):
        code, out, err = run(args, capsys)
        assert code == 0, err
        assert_clean(code, out, err)


def test_report_prints_every_value_as_written() -> None:
    """Text from outside the code (notes, the next question) is printed as written, never as Rich markup.

    The person's report (issue 16) no longer lists the findings it read: the clinician note does.
    """
    from rich.console import Console

    from nape.assessment import assess
    from nape.report.render import render

    a = assess("stiff neck since this morning", age=30)
    assert a.next_question is not None
    odd = a.model_copy(
        update={"notes": [MARKUP, MARKUP], "next_question": a.next_question.model_copy(update={"text": MARKUP})}
    )
    console = Console(file=io.StringIO(), width=200)
    render(odd, console)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert shown.count(MARKUP) == 3, shown


def test_file_names_with_brackets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "notes ["  # so that the full paths below read ".../notes [/x]..."
    folder.mkdir()
    cases = folder / "x] [bold].jsonl"
    cases.write_text((ROOT / "data/cases/dev.jsonl").read_text().splitlines()[0] + "\n")
    code, out, err = run(["eval", str(cases)], capsys)
    assert code == 0, err
    (folder / "x][red]heat.md").write_text("# Heat [/x]\n\nWarmth can ease a [bold]stiff[/x] neck for a while.\n")
    code, out, err = run(["ingest", str(folder / "x][red]heat.md")], capsys)
    assert code == 0 and "1 passage(s) from 1 file(s)" in out, err
    code, out, err = run(["ask", "Does warmth ease a stiff neck?"], capsys)
    assert code == 0, err
    assert_clean(code, out, err)
    (folder / "x]bad.jsonl").write_text("not json\n")
    code, _, err = run(["eval", str(folder / "x]bad.jsonl")], capsys)
    assert code == 2 and "notes [/x]bad.jsonl:1: not a valid case" in "".join(err.split("\n"))
    code, _, err = run(["ingest", str(folder / "x]missing.md")], capsys)
    assert code == 2 and "notes [/x]missing.md: no such file" in "".join(err.split("\n"))


def test_eval_on_deeply_nested_json_is_a_numbered_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "deep.jsonl"
    cases.write_text("[" * 100_000 + "\n")
    code, out, err = run(["eval", str(cases)], capsys)
    assert code == 2 and "E301" in err and "nested too deeply" in err
    assert_clean(code, out, err)


def test_data_dir_that_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "not-a-folder"
    afile.write_text("x")
    monkeypatch.setenv("NAPE_DATA_DIR", str(afile))
    get_settings.cache_clear()
    notes = tmp_path / "n.md"
    notes.write_text("Warmth can ease a stiff neck for a while.\n")
    for args, code_wanted in (
        (["clinician", "list"], "E501"),
        (["clinician", "add", "Dr A"], "E501"),
        (["ingest", str(notes)], "E403"),
        (["serve", "--port", "0"], "E501"),
    ):
        code, out, err = run(args, capsys)
        assert code == 2 and code_wanted in err, err
        assert_clean(code, out, err)
    code, out, err = run(["ask", "heat or ice?"], capsys)
    assert code == 0, err


def test_serve_on_a_port_in_use_is_a_numbered_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run(["serve", "--port", str(port)], capsys)
    assert code == 2 and "E201 cannot listen on" in err
    assert_clean(code, out, err)


def test_a_damaged_database_starts_the_service_degraded(data_dir: Path) -> None:
    from nape.server.app import create_app
    from nape.server.serving import migrate_once

    data_dir.mkdir(parents=True)
    (data_dir / "nape.db").write_bytes(b"this is not a SQLite database\n" * 400)
    store = migrate_once()
    try:
        client = TestClient(create_app(store))
        assert client.post("/v1/assess", json={"text": "stiff neck since this morning"}).status_code == 200
        r = client.post("/v1/interviews", json={"text": "stiff neck"})
        assert r.status_code == 503 and r.json()["code"] == "E501"
    finally:
        store.dispose()


# -- fuzz: odd arguments to every command -------------------------------------------------------

ODD = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "[",
            "]",
            "[/]",
            "[/x]",
            "[bold]",
            "\\",
            "\\[",
            "-",
            "--",
            "--json",
            "=",
            "x=",
            "=present",
            "0",
            "-1",
            "99999999999999999999",
            "1e9",
            "nan",
            "²",
            "③",
            "\x00",
            "\u202e",
            "\ufdfa",
            "😀" * 20,
            "../../etc/passwd",
            "/",
            ".",
            "~",
            "%s%n",
            "{0}",
            "'",
            '"',
            "\n",
            "\r\n",
            "a" * 300,
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
PORT = st.one_of(st.integers(min_value=65536, max_value=10**30), st.integers(max_value=-1), st.text(max_size=10))


def _commands(x: str, y: str) -> list[list[str]]:
    """One command line per command with the odd strings in every slot it has."""
    return [
        ["conditions", x],
        ["conditions", x, "--json"],
        ["findings", x],
        ["assess", "--text", x, "--age", y],
        ["assess", "--finding", x, "--sex", y, "--json"],
        ["assess", "--text", x, "--fhir"],
        ["parse", "--text", x],
        ["interview", "--text", x, "--sex", y, "--age", "30"],
        ["eval", x, "--mode", y],
        ["ask", x],
        ["ask", x, "--data-dir", y],
        ["ingest", x],
        ["ingest", x, "--data-dir", y],
        ["clinician", "add", x],
        ["clinician", x],
        [x],
        ["docs", x],
    ]


@pytest.fixture()
def empty_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fuzzed paths ("", ".", "x") resolve in an empty folder, never in the repository."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(x=ODD, y=ODD)
def test_fuzz_every_command_with_odd_arguments(
    x: str, y: str, capsys: pytest.CaptureFixture[str], empty_cwd: Path
) -> None:
    for args in _commands(x, y):
        if "\x00" in "".join(args):  # an operating system cannot pass NUL in an argument
            continue
        code, out, err = run(args, capsys, stdin="q\n")
        assert_clean(code, out, err)


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(port=PORT, host=ODD)
def test_fuzz_serve_never_starts_on_a_bad_port(port: int | str, host: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["serve", "--port", str(port), "--host", host], capsys)
    assert code == 2
    assert_clean(code, out, err)
