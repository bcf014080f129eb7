"""The web pages: a person's guided assessment and a clinician's view (Jinja2, no JavaScript needed).

``mount_web(app)`` adds the pages and the static files (``/static``) to the FastAPI app.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from nape.web import ask, assessment_pages, clinician, home
from nape.web.rendering import STATIC_DIR


def mount_web(app: FastAPI) -> None:
    """Include the page routers and serve ``src/nape/web/static`` at ``/static``."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (home, assessment_pages, clinician, ask):
        app.include_router(module.router)


__all__ = ["mount_web"]
