"""Cited answers: ``ask`` a question about neck and back spasms; ``ingest`` your own files.

Example::

    >>> from nape.answers import ask
    >>> a = ask("Heat or ice?")
    >>> a.citations[0].source_id != "" and a.answer.endswith(".")
    True
"""

from nape.answers.cites import Citation
from nape.answers.compose import Answer, ask
from nape.answers.ingest import IngestReport, ingest

__all__ = ["Answer", "Citation", "IngestReport", "ask", "ingest"]
