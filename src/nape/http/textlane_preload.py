"""Imported once by the long-text lane's fork server (``nape.http.textlane``): load the knowledge
base, the model and the text pipeline and warm them up, so every long-text process forked from
that server starts ready, sharing those pages copy-on-write (``gc.freeze`` keeps the collector
from touching them). Nothing else imports this module: importing it costs seconds.
"""

from __future__ import annotations

import gc

from nape.assessment import assess

assess("stiff neck since this morning", age=30)
gc.collect()
gc.freeze()
