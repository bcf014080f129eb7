"""The ``nape`` command line. Every error is a numbered message, never a traceback.

Each command imports what it needs inside its own function: start-up time. ``nape --help``
or ``nape conditions`` should not load the text pipeline, the HTTP stack or the database driver.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from nape.errors import InputError, NapeError

if TYPE_CHECKING:
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
            console.print(f"{r['id']:<28} {r['triage']:<20} {', '.join(r['icd10cm'])}  {r['name']}")
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
            console.print(f"{r['id']:<36} {r['category']:<12} {r['label']}")


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
    console.print(f"age: {data['age']}  sex: {data['sex']}")
    for m in result.mentions:
        console.print(f"{'+' if m.present else '-'} {m.finding:<34} “{m.source_text}”")
    for n in result.notes:
        console.print(f"[yellow]{n}[/yellow]")


@app.command()
def interview(
    text: Annotated[str | None, typer.Option("--text")] = None,
    age: Annotated[int | None, typer.Option("--age")] = None,
    sex: Annotated[str | None, typer.Option("--sex")] = None,
) -> None:
    """Answer questions one at a time (yes / no / don't know), then see the report."""
    from nape import interview as iv
    from nape.report.render import render

    if text is None:
        text = typer.prompt("Describe what is happening", default="", show_default=False)
    if age is None:
        raw = typer.prompt("Age (blank to skip)", default="", show_default=False)
        age = int(raw) if raw.strip().isdigit() else None
    state = iv.start(text or None, age=age, sex=sex)
    choices = {
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
    while True:
        result = iv.current(state)
        q = result.next_question
        if q is None:
            break
        console.print(f"\n[bold]{q.text}[/bold]\n[dim]{q.why_ask}[/dim]")
        raw = typer.prompt("yes / no / don't know (q to finish)").strip().lower()
        if raw in ("q", "quit"):
            break
        if raw not in choices:
            console.print("[yellow]Please answer y, n or d.[/yellow]")
            continue
        state = iv.answer(state, q.finding, choices[raw])
    render(iv.current(state), console)


@app.command("eval")
def evaluate(
    cases: Annotated[Path, typer.Argument(help="Cases in JSON Lines")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    mode: Annotated[str, typer.Option("--mode", help="text or interview")] = "text",
) -> None:
    """Measure diagnosis and triage accuracy on a case file."""
    from nape.evaluation.runner import load_cases, render_report, run

    if mode not in ("text", "interview"):
        raise InputError("--mode must be text or interview")
    report = run(load_cases(cases), mode=mode)
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
    console.print(f"{len(changed)} file(s) {'would change' if check else 'written'}")


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
        f"{report.passages} passage(s) from {report.files} file(s) added; "
        f"{report.documents_in_index} document(s) in the index"
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes")] = 1,
) -> None:
    """Run the web page and the API (http://127.0.0.1:8000, docs at /docs)."""
    from nape.server.serving import serve as run

    console.print(f"nape on http://{host}:{port}  (API docs at /docs; {workers} worker(s); Ctrl+C to stop)")
    run(host, port, workers)


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
    console.print(f"clinician {record.id} {record.name!r} created. API token (use as 'Authorization: Bearer …'):")
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
        console.print(f"{c['id']:>4}  {c['name']}  (since {str(c['created_at'])[:10]})")
    if not rows:
        console.print("no clinician accounts yet: add one with `nape clinician add NAME`")


def main() -> None:
    """Entry point: run the app, turning every known error into a clear message."""
    try:
        app()
    except NapeError as exc:
        Console(stderr=True).print(f"[red]error[/red] {exc}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
