"""Server-rendered pages (Jinja2). They work without JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from nape.assessment import assess
from nape.errors import NapeError
from nape.knowledge.loader import default_kb

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    kb = default_kb()
    return templates.TemplateResponse(request, "home.html", {"meta": kb.meta.triage})


@router.post("/assess", response_class=HTMLResponse)
def assess_form(
    request: Request,
    text: Annotated[str, Form(max_length=20_000)] = "",
    age: Annotated[str, Form()] = "",
    sex: Annotated[str, Form()] = "",
) -> HTMLResponse:
    kb = default_kb()
    error = None
    result = None
    age_value = int(age) if age.strip().isdigit() else None
    try:
        result = assess(text, age=age_value, sex=sex or None)
    except NapeError as exc:
        error = exc.message
    context = {"meta": kb.meta.triage, "result": result, "error": error, "text": text, "age": age, "sex": sex}
    return templates.TemplateResponse(
        request, "result.html" if result else "home.html", context, status_code=200 if result else 422
    )
