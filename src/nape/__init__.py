"""nape: neck and back spasm assessment with a cited differential and safety-first triage.

The public API is small: ``assess`` (used by the CLI, the API and the web page alike) and
``load_knowledge_base``. Both are imported on first use, so that importing one part of nape
(``nape.intake`` in a worker that only reads text) does not load the assessment engine and
numpy with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nape.assessment import assess
    from nape.knowledge.loader import default_kb as load_knowledge_base

__all__ = ["assess", "load_knowledge_base"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "assess":
        from nape.assessment import assess

        return assess
    if name == "load_knowledge_base":
        from nape.knowledge.loader import default_kb

        return default_kb
    raise AttributeError(f"module 'nape' has no attribute {name!r}")
