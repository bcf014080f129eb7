"""The "ask a question" page: a short answer built from cited statements, with numbered sources.

Example: ``GET /ask?q=Heat+or+ice%3F`` shows an answer whose sentences end in markers such as
``[1]`` that link to source 1 below it. An empty or over-long question shows the box again with
the numbered error (E401).
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from nape.answers import ask
from nape.errors import QuestionError
from nape.web.rendering import PageRoute, render

router = APIRouter(route_class=PageRoute)

_MARKER = re.compile(r"\[(\d+)\]")


def linked_paragraphs(answer: str) -> list[Markup]:
    """The answer's paragraphs, escaped, with each ``[n]`` made a link to citation ``n``."""
    return [
        Markup(_MARKER.sub(r'<a class="cite" href="#cite-\1">[\1]</a>', str(escape(p))))
        for p in answer.split("\n\n")
        if p.strip()
    ]


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: Annotated[str | None, Query()] = None) -> HTMLResponse:
    """The box, and when ``q`` is given the cited answer (or the numbered error)."""
    if q is None:
        return render(request, "ask.html", {"q": ""})
    try:
        answer = ask(q)
    except QuestionError as exc:
        return render(request, "ask.html", {"q": q[:2000], "error": str(exc)}, 422)
    context = {"q": q, "answer": answer, "paragraphs": linked_paragraphs(answer.answer)}
    return render(request, "ask.html", context)
