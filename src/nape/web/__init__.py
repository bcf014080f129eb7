"""The web pages: a person's guided assessment and a clinician's view (Jinja2, no JavaScript needed).

``router`` holds every page; the server includes it and serves ``STATIC_DIR`` at ``/static``.
"""

from __future__ import annotations

from fastapi import APIRouter

from nape.web import ask, assessment_pages, clinician, home
from nape.web.rendering import STATIC_DIR

router = APIRouter()
for _module in (home, assessment_pages, clinician, ask):
    router.include_router(_module.router)

__all__ = ["STATIC_DIR", "router"]
