"""Batch screening: many notes in, one row per note out (``nape screen``).

Example::

    >>> from nape.screen import Columns, screen
    >>> summary = screen(["notes.csv"], "screened.parquet", columns=Columns(text="text", id="id"))
    >>> summary.to_dict()["triage_levels"]  # doctest: +SKIP
"""

from nape.screen.core import NoteIn, screen_note
from nape.screen.output import Summary
from nape.screen.run import screen
from nape.screen.sources import Columns

__all__ = ["Columns", "NoteIn", "Summary", "screen", "screen_note"]
