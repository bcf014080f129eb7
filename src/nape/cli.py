"""The ``nape`` command line. Every error is a numbered message, never a traceback.

Each command imports what it needs inside its own function: start-up time. ``nape --help``
or ``nape conditions`` should not load the text pipeline, the HTTP stack or the database driver.

Anything a person typed (names, ids, file names, their words) is escaped before Rich prints
it (``rich.markup.escape``), so "[/x]" is shown as written instead of read as markup.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from typer.exceptions import TyperException

from nape.errors import InputError, NapeError
from nape.text import parse_age

if TYPE_CHECKING:
    from nape.report.schema import QuestionOut
    from nape.store import Store

app = typer.Typer(
    name="nape",
    help="Neck and back spasm assessment: likely causes, urgency and what to do, with sources.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _parse_findings(items: list[str]) -> dict[str, bool]:
    """``["fever=present", "rash=absent"]`` -> ``{"fever": True, "rash": False}``."""
    out: dict[str, bool] = {}
    for item in items:
        fid, sep, status = item.partition("=")
        status = status.strip().lower()
        if not sep or status not in ("present", "absent", "yes", "no"):
            raise InputError(f"--finding expects ID=present|absent, got {item!r}")
        out[fid.strip()] = status in ("present", "yes")
    return out


@app.command()
def conditions(
    condition_id: Annotated[str | None, typer.Argument(help="Show one condition")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """List every condition, or show one readably."""
    from nape.knowledge.catalogue import condition_detail, condition_rows

    if condition_id is None:
        rows = condition_rows()
        if as_json:
            _print_json(rows)
            return
        for r in rows:
            console.print(escape(f"{r['id']:<28} {r['triage']:<20} {', '.join(r['icd10cm'])}  {r['name']}"))
        return
    detail = condition_detail(condition_id)
    if as_json:
        _print_json(detail)
    else:
        from nape.knowledge.catalogue import render_condition

        render_condition(condition_id, console)


@app.command()
def findings(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List the finding vocabulary (ids usable with --finding)."""
    from nape.knowledge.loader import default_kb

    kb = default_kb()
    rows = [
        {"id": f.id, "label": f.label, "category": f.category, "question": f.question} for f in kb.findings.values()
    ]
    if as_json:
        _print_json(rows)
    else:
        for r in rows:
            console.print(escape(f"{r['id']:<36} {r['category']:<12} {r['label']}"))


@app.command()
def assess(
    text: Annotated[str | None, typer.Option("--text", help="What is happening, in your words")] = None,
    age: Annotated[int | None, typer.Option("--age")] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="female or male")] = None,
    finding: Annotated[list[str] | None, typer.Option("--finding", help="ID=present|absent")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON assessment")] = False,
    as_fhir: Annotated[bool, typer.Option("--fhir", help="Print a FHIR R4 Bundle (JSON)")] = False,
    brief: Annotated[
        bool, typer.Option("--brief", help="Only the level, its reason and the first three causes")
    ] = False,
) -> None:
    """Assess a description and/or findings: urgency, likely causes, what to do."""
    from nape.assessment import assess as run

    if text is None and not finding:
        raise InputError("give --text and/or at least one --finding")
    if as_json and as_fhir:
        raise InputError("choose one of --json and --fhir")
    result = run(text, findings=_parse_findings(finding or []), age=age, sex=sex)
    if as_fhir:
        from nape.fhir import assessment_bundle

        _print_json(assessment_bundle(result, text=text))
    elif as_json:
        _print_json(result.to_json_dict())
    else:
        from nape.report.render import render

        render(result, console, brief=brief)


@app.command()
def parse(
    text: Annotated[str, typer.Option("--text")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show only the findings read from a text."""
    from nape.intake import parse as run

    result = run(text)
    data = result.to_dict()
    if as_json:
        _print_json(data)
        return
    console.print(escape(f"age: {data['age']}  sex: {data['sex']}"))
    for m in result.mentions:
        console.print(escape(f"{'+' if m.present else '-'} {m.finding:<34} “{m.source_text}”"))
    for n in result.notes:
        console.print(f"[yellow]{escape(n)}[/yellow]")


_YES_NO = {
    "y": "yes",
    "yes": "yes",
    "n": "no",
    "no": "no",
    "d": "dont_know",
    "?": "dont_know",
    "dont know": "dont_know",
    "don't know": "dont_know",
    "dont_know": "dont_know",
}
_SEXES = {"f": "female", "female": "female", "woman": "female", "m": "male", "male": "male", "man": "male"}


def _ask_until(prompt: str, read: Callable[[str], object | None], default: str = "") -> object | None:
    """Prompt until ``read`` accepts the reply (it returns None for "skip", raises ValueError to re-ask)."""
    while True:
        raw = typer.prompt(prompt, default=default, show_default=False).strip().lower()
        try:
            return read(raw)
        except ValueError as exc:
            console.print(f"[yellow]{exc}[/yellow]")


def _read_who(raw: str) -> str | None:
    from nape.reasoning.interview_data import interview_plan

    relations = interview_plan().relations
    if raw in ("", "1", "me", "myself", "self"):
        return None
    if raw in ("2", "someone else", "other"):
        return "other"
    if raw in relations:
        return raw
    raise ValueError(f"Type 1 for yourself, or 2 / {' / '.join(relations)} for someone else.")


def _read_age(raw: str) -> int | None:
    try:
        age = parse_age(raw)
    except InputError:
        age = -1
    if age is not None and not 0 <= age <= 120:
        raise ValueError("Please type the age as a whole number of years (0-120), or press Enter to skip.")
    return age


def _read_sex(raw: str) -> str | None:
    if not raw:
        return None
    if raw not in _SEXES:
        raise ValueError("Please type f (female) or m (male), or press Enter to skip.")
    return _SEXES[raw]


def _read_answer(q: QuestionOut, raw: str) -> str:
    """A reply to question ``q``: y / n / d, a choice's number or id, or a checklist's item
    numbers separated by commas (0 or n for none of these)."""
    if q.items:
        if raw in ("0", "n", "no", "none"):
            return "none"
        if _YES_NO.get(raw) == "dont_know" and "dont_know" in q.answers:
            return "dont_know"
        picks = [p.strip() for p in raw.replace(" ", ",").split(",") if p.strip()]
        if not picks or not all(p.isdigit() and 1 <= int(p) <= len(q.items) for p in picks):
            raise ValueError(
                f"Type the numbers that apply separated by commas (1-{len(q.items)}), 0 for none of these, or d."
            )
        return ",".join(dict.fromkeys(q.items[int(p) - 1].id for p in picks))
    if q.choices:
        if raw.isdigit() and 1 <= int(raw) <= len(q.choices):
            return q.choices[int(raw) - 1].id
        ids = {c.id for c in q.choices}
        if raw in ids:
            return raw
        if _YES_NO.get(raw) == "dont_know" and "dont_know" in q.answers:
            return "dont_know"
        raise ValueError(f"Please type a number from 1 to {len(q.choices)}, or d for don't know.")
    if raw in _YES_NO and _YES_NO[raw] in q.answers:
        return _YES_NO[raw]
    raise ValueError("Please answer y, n or d.")


@app.command()
def interview(
    text: Annotated[str | None, typer.Option("--text")] = None,
    age: Annotated[int | None, typer.Option("--age")] = None,
    sex: Annotated[str | None, typer.Option("--sex")] = None,
    who: Annotated[
        str | None,
        typer.Option("--for", help="myself, or who it is for: child, parent, partner, relative, friend, other"),
    ] = None,
) -> None:
    """Answer questions one at a time (numbered; b = back, q = stop), then see the report.

    Asks first who it is for, then that person's age and sex, then their own words.
    """
    from nape import interview as iv
    from nape.report.render import render

    relation: str | None
    if who is None:
        console.print("Who is this check for?  1 myself   2 someone else (or type: child, parent, partner, ...)")
        relation = _ask_until("For", _read_who, "1")  # type: ignore[assignment]
    else:
        relation = _read_who(who.strip().lower())
    other = relation is not None
    whose = "their" if other else "your"
    if age is None:
        age = _ask_until(f"{whose.capitalize()} age in years (Enter to skip)", _read_age)  # type: ignore[assignment]
    if sex is None:
        sex = _ask_until(f"{whose.capitalize()} sex: f / m (Enter to skip)", _read_sex)  # type: ignore[assignment]
    if text is None:
        text = typer.prompt("Describe what is happening", default="", show_default=False)
    state = iv.start(
        text or None,
        age=age,
        sex=sex,
        subject="other" if other else "self",
        relation=relation,
    )
    while True:
        result = iv.current(state)
        q = result.next_question
        if q is None:
            break
        number = iv.asked_count(state) + 1
        if q.intro:
            console.print(f"\n[italic]{escape(q.intro)}[/italic]")
        console.print(f"\n[bold]Question {number}. {escape(q.text)}[/bold]\n[dim]{escape(q.why_ask)}[/dim]")
        if q.items:
            for k, c in enumerate(q.items, 1):
                console.print(f"  {k}. {escape(c.label)}")
            console.print(f"  0. {escape(q.none_label or 'None of these')}")
            hint = "numbers that apply, e.g. 1,3; 0 = none" + (", d = don't know" if "dont_know" in q.answers else "")
        elif q.choices:
            for k, c in enumerate(q.choices, 1):
                console.print(f"  {k}. {escape(c.label)}")
            hint = f"1-{len(q.choices)}" + (", d = don't know" if "dont_know" in q.answers else "")
        else:
            hint = "y / n / d (don't know)"
        raw = typer.prompt(f"{hint}; b = back, q = stop").strip().lower()
        if raw in ("q", "quit", "stop"):
            state = iv.stop(state)
            break
        if raw in ("b", "back"):
            if state.answers:
                state = iv.undo(state)
            else:
                console.print("[yellow]This is the first question.[/yellow]")
            continue
        try:
            state = iv.answer(state, q.finding, _read_answer(q, raw))
        except ValueError as exc:
            console.print(f"[yellow]{exc}[/yellow]")
    final = iv.current(state)
    stop = iv.emergency_stop(final, state)
    if stop is not None:
        console.print(f"\n[bold white on red] EMERGENCY [/bold white on red] [bold]{stop.reason}[/bold]")
        console.print(f"[bold]{stop.advice}[/bold] Call {' / '.join(stop.numbers)}.")
        if stop.call_ambulance_if:
            console.print("Call an ambulance instead if:")
            for sign in stop.call_ambulance_if:
                console.print(f"  • {escape(sign)}")
        console.print("While you wait:")
        for step in stop.while_waiting:
            console.print(f"  • {step}")
    console.print(f"[dim]This check was about: {final.patient.who}.[/dim]")
    render(final, console)


@app.command("eval")
def evaluate(
    cases: Annotated[Path, typer.Argument(help="Cases in JSON Lines")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    mode: Annotated[str, typer.Option("--mode", help="text or interview")] = "text",
    unmentioned: Annotated[
        str,
        typer.Option(
            "--unmentioned",
            help="interview mode: what the simulated person answers about a finding the case does not mention: "
            "no (a symptom they would have noticed; don't know for examination signs and tests) or dont_know",
        ),
    ] = "no",
) -> None:
    """Measure diagnosis and triage accuracy on a case file."""
    from nape.evaluation.runner import UNMENTIONED, load_cases, render_report, run

    if mode not in ("text", "interview"):
        raise InputError("--mode must be text or interview")
    if unmentioned not in UNMENTIONED:
        raise InputError("--unmentioned must be no or dont_know")
    report = run(load_cases(cases), mode=mode, unmentioned=unmentioned)  # type: ignore[arg-type,unused-ignore]
    if as_json:
        _print_json(report)
    else:
        render_report(report, console)


@app.command()
def docs(
    check: Annotated[bool, typer.Option("--check", help="Fail if the docs are out of date")] = False,
) -> None:
    """Generate the knowledge-base reference docs (docs/knowledge/)."""
    from nape.knowledge.docs import write_docs

    changed = write_docs(check=check)
    if check and changed:
        raise NapeError(f"docs out of date: {', '.join(changed)}; run `nape docs`")
    console.print(escape(f"{len(changed)} file(s) {'would change' if check else 'written'}"))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in quotes")],
    as_json: Annotated[bool, typer.Option("--json", help="Print {answer, citations} as JSON")] = False,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Where ingested documents are kept")] = None,
) -> None:
    """Answer a question about neck and back spasms, citing the sources of every sentence."""
    from nape.answers import ask as run

    result = run(question, data_dir=data_dir)
    if as_json:
        _print_json(result.to_json_dict())
        return
    from nape.answers.render import render

    render(result, console)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Text, Markdown or HTML files, or folders of them")],
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Where ingested documents are kept")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Forget previously ingested documents first")] = False,
) -> None:
    """Add your own documents so that `nape ask` searches and cites them."""
    from nape.answers import ingest as run
    from nape.core.config import get_settings

    report = run(paths, data_dir or get_settings().data_dir, clear=clear)
    console.print(
        escape(
            f"{report.passages} passage(s) from {report.files} file(s) added; "
            f"{report.documents_in_index} document(s) in the index"
        )
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port (0: any free one)")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes")] = 1,
) -> None:
    """Run the web page and the API (http://127.0.0.1:8000, docs at /docs)."""
    from nape.server.serving import serve as run

    console.print(escape(f"nape on http://{host}:{port}  (API docs at /docs; {workers} worker(s); Ctrl+C to stop)"))
    run(host, port, workers)


@app.command()
def screen(
    inputs: Annotated[list[str], typer.Argument(help="CSV, JSON Lines or Parquet files, or folders of .txt files")],
    out: Annotated[str, typer.Option("--out", help="Output .parquet (default) or .csv; holds patient data")],
    text_column: Annotated[str, typer.Option("--text-column")] = "text",
    id_column: Annotated[str | None, typer.Option("--id-column")] = None,
    age_column: Annotated[str | None, typer.Option("--age-column")] = None,
    sex_column: Annotated[str | None, typer.Option("--sex-column")] = None,
    date_column: Annotated[str | None, typer.Option("--date-column")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run")] = False,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://HOST:8786")] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Local processes (default: cores)")] = None,
    partition: Annotated[int | None, typer.Option("--partition", min=1, help="Notes per partition")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="parquet or csv (default from --out)")] = None,
    report: Annotated[str | None, typer.Option("--report", help="Write an HTML report (and .json) here")] = None,
    engine: Annotated[str, typer.Option("--engine", help="Local engine: process or dask")] = "process",
) -> None:
    """Screen many notes: triage level, red flags, likely causes and findings, one row per note."""
    from nape.screen.command import run as run_screen
    from nape.screen.sources import Columns

    cols = Columns(text_column, id_column, age_column, sex_column, date_column)
    run_screen(inputs, out, columns=cols, resume=resume, scheduler=scheduler, workers=workers, partition=partition,
               fmt=fmt, report=report, local_engine=engine, console=console)  # fmt: skip


@contextmanager
def _migrated_store() -> Iterator[Store]:
    """The settings' database, migrated; its connections are closed afterwards."""
    from nape.store import Store

    store = Store.from_settings()
    try:
        store.migrate()
        yield store
    finally:
        store.dispose()


clinician_app = typer.Typer(help="Clinician accounts and their API tokens.", no_args_is_help=True)
app.add_typer(clinician_app, name="clinician")


@clinician_app.command("add")
def clinician_add(name: Annotated[str, typer.Argument(help="The clinician's name, e.g. 'Dr A. Physio'")]) -> None:
    """Create an account and print its API token (shown only this once)."""
    if not name.strip():
        raise InputError("give the clinician a name")
    with _migrated_store() as store:
        record, token = store.create_clinician(name)
    console.print(
        escape(f"clinician {record.id} {record.name!r} created. API token (use as 'Authorization: Bearer …'):")
    )
    sys.stdout.write(token + "\n")
    console.print("[bold]Keep it now: it is stored only as a hash and cannot be shown again.[/bold]")


@clinician_app.command("list")
def clinician_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every clinician account (id, name, created); tokens are never shown."""
    with _migrated_store() as store:
        accounts = store.list_clinicians()
    rows = [{"id": c.id, "name": c.name, "created_at": c.created_at.isoformat()} for c in accounts]
    if as_json:
        _print_json(rows)
        return
    for c in rows:
        console.print(escape(f"{c['id']:>4}  {c['name']}  (since {str(c['created_at'])[:10]})"))
    if not rows:
        console.print("no clinician accounts yet: add one with `nape clinician add NAME`")


def _usage_error(exc: TyperException) -> int:
    """A command line Click could not read, as a numbered message (E201) with the usage line."""
    ctx = getattr(exc, "ctx", None)
    err = Console(stderr=True)
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    if ctx is not None and not message:  # no arguments at all: the help is the answer
        err.print(escape(ctx.get_help()))
        return 2
    if ctx is not None:
        err.print(escape(ctx.get_usage()))
        err.print(escape(f"Try '{ctx.command_path} --help' for help."))
    err.print(f"[red]error[/red] {escape(f'E201 {message}')}")
    return int(getattr(exc, "exit_code", 2))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning every error into a numbered message (never a traceback).

    ``argv`` defaults to the process's arguments (a test passes its own).
    """
    err = Console(stderr=True)
    try:
        app(args=argv, prog_name="nape", standalone_mode=False)
    except NapeError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        sys.exit(130)
    except TyperException as exc:
        sys.exit(_usage_error(exc))
    except RecursionError:
        err.print("[red]error[/red] E201 the input is nested too deeply to be read")
        sys.exit(2)
    except Exception as exc:  # a bug: still a numbered message, without the input it may quote
        err.print(f"[red]error[/red] E000 unexpected {type(exc).__name__}; please report it")
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
