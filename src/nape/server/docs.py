"""The API documentation pages, ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), served from files
of an installed package (``fastapi-offline`` ships Swagger UI's and ReDoc's built files), so no
page loads anything from another site. ``NAPE_API_DOCS=false`` switches both pages off.

The pages hold no inline script: Swagger UI starts from nape's own ``/static/swagger-init.js``,
which reads the schema's address from the page (``data-openapi``). Example::

    install_docs(app)   # GET /docs, GET /redoc, files under /docs-files/
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from nape.core.config import get_settings

FILES_URL = "/docs-files"

_SWAGGER = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} API: Swagger UI</title>
  <link rel="stylesheet" href="{files}/swagger-ui.css">
  <link rel="icon" href="{files}/favicon.png">
</head>
<body>
  <div id="swagger-ui" data-openapi="{openapi}"></div>
  <script src="{files}/swagger-ui-bundle.js"></script>
  <script src="/static/swagger-init.js"></script>
</body>
</html>
"""

_REDOC = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} API: ReDoc</title>
  <link rel="icon" href="{files}/favicon.png">
</head>
<body>
  <redoc spec-url="{openapi}"></redoc>
  <script src="{files}/redoc.standalone.js"></script>
</body>
</html>
"""


def docs_files() -> Path:
    """The folder of Swagger UI's and ReDoc's files inside the installed ``fastapi_offline`` package."""
    return Path(str(files("fastapi_offline") / "static"))


def install_docs(app: FastAPI) -> None:
    """Add ``/docs``, ``/redoc`` and their files, unless ``NAPE_API_DOCS`` is false."""
    if not get_settings().api_docs or app.openapi_url is None:
        return
    values = {"title": app.title, "files": FILES_URL, "openapi": app.openapi_url}
    swagger, redoc = _SWAGGER.format(**values), _REDOC.format(**values)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger)

    @app.get("/redoc", include_in_schema=False)
    def redoc_ui() -> HTMLResponse:
        return HTMLResponse(redoc)

    app.mount(FILES_URL, StaticFiles(directory=docs_files()), name="docs-files")
