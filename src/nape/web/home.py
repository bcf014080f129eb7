"""The start page: age, sex and the person's own words, posted to start an interview.

Example: posting ``age=59, sex=male, text="right side of my neck spasms for a few minutes"`` to
``/start`` saves a new interview and answers 303 to ``/a/<private id>``, its first question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from nape.errors import InputError, TextReaderBusyError
from nape.http.deps import StoreDep
from nape.http.textlane import bounded, start_interview
from nape.reasoning.interview_data import interview_plan
from nape.text import parse_age
from nape.web.rendering import PageRoute, render, see_other

router = APIRouter(route_class=PageRoute)

FormText = Annotated[str, Form()]


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The form: age and sex, then "describe what's happening"."""
    return render(request, "home.html", {"form": {}, "relations": interview_plan().relations})


def _begin(
    request: Request,
    store: StoreDep,
    text: str,
    age: str,
    sex: str,
    then: str,
    subject: str = "",
    relation: str = "",
) -> HTMLResponse | RedirectResponse:
    form = {"text": text, "age": age, "sex": sex, "subject": subject, "relation": relation}
    relations = interview_plan().relations
    field = "age"
    other = subject == "someone_else"
    try:
        age_years = parse_age(age)
        field = "text"
        who = "other" if other else "self" if subject == "self" else None
        kin = (relation if relation in relations else "other") if other else None
        state = bounded(start_interview, text, text, age_years, sex or None, None, who, kin)
    except (InputError, TextReaderBusyError) as exc:  # E207: the form again, saying try again shortly
        context = {"form": form, "error": str(exc), "error_field": field, "relations": relations}
        busy = isinstance(exc, TextReaderBusyError)
        page = render(request, "home.html", context, 503 if busy else 422)
        page.headers.update(exc.http_headers())
        return page
    record = store.create_interview(state.to_dict())
    return see_other(then.format(id=record.id))


@dataclass(frozen=True)
class StartForm:
    """The start form's fields, shared by ``/start`` and ``/assess`` (cut to their lengths)."""

    text: str
    age: str
    sex: str
    subject: str
    relation: str


def start_form(
    text: FormText = "", age: FormText = "", sex: FormText = "", subject: FormText = "", relation: FormText = ""
) -> StartForm:
    return StartForm(text, age, sex, subject[:20], relation[:20])


StartFormDep = Annotated[StartForm, Depends(start_form)]


@router.post("/start", response_model=None)
def start(request: Request, store: StoreDep, form: StartFormDep) -> HTMLResponse | RedirectResponse:
    """Save a new interview and go to its first question (or the form again with the error)."""
    return _begin(request, store, form.text, form.age, form.sex, "/a/{id}", form.subject, form.relation)


@router.post("/assess", response_model=None)
def quick_assess(request: Request, store: StoreDep, form: StartFormDep) -> HTMLResponse | RedirectResponse:
    """The same, straight to the result without questions (for links and scripts)."""
    return _begin(request, store, form.text, form.age, form.sex, "/a/{id}/result", form.subject, form.relation)
