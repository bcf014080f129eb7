"""nape: neck and back spasm assessment with a cited differential and safety-first triage.

The public API is small: ``assess`` (used by the CLI, the API and the web page alike) and
``load_knowledge_base``.
"""

from nape.assessment import assess
from nape.knowledge.loader import default_kb as load_knowledge_base

__all__ = ["assess", "load_knowledge_base"]
__version__ = "0.1.0"
