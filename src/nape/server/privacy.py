"""Keep what people write, and their private links, out of every log.

- ``uvicorn.access``: the path segment after ``/v1/interviews/`` or ``/a/`` (a private,
  unguessable id that opens someone's assessment) becomes ``…``, and query strings are dropped.
  ``GET /a/Xk3…/result?x=1`` is logged as ``GET /a/…/result?…``.
- SQLAlchemy: statement parameters are hidden by the engine (``hide_parameters``), and the rows
  it logs at DEBUG (a saved interview holds the person's own words) are replaced by a marker.

``install_log_privacy()`` is idempotent; ``create_app`` calls it, so every way of serving nape
(``nape serve``, uvicorn workers, a test client) gets the same filters.
"""

from __future__ import annotations

import logging
import re

_PRIVATE_SEGMENT = re.compile(r"(/v1/interviews/|/a/)[^/?#\s\"]+")
_QUERY = re.compile(r"\?[^\s\"]*")


def redact_path(path: str) -> str:
    """Hide private ids and query strings: ``/v1/interviews/abc/report`` → ``/v1/interviews/…/report``."""
    return _QUERY.sub("?…", _PRIVATE_SEGMENT.sub(r"\1…", path))


class AccessLogRedaction(logging.Filter):
    """Rewrites uvicorn's access-log arguments (client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact_path(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact_path(record.msg)
        return True


class SqlRowRedaction(logging.Filter):
    """Replaces the result rows SQLAlchemy logs at DEBUG; statements and timings stay."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "Row %r" in record.msg:
            record.msg = "Row [hidden: rows may hold what a person wrote]"
            record.args = ()
        return True


_FILTERS: dict[str, type[logging.Filter]] = {
    "uvicorn.access": AccessLogRedaction,
    "sqlalchemy.engine.Engine": SqlRowRedaction,
}


def install_log_privacy() -> None:
    """Attach the filters above to their loggers (once per process)."""
    for name, kind in _FILTERS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
