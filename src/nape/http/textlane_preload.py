"""Imported once by the long-text lane's fork server (``nape.http.textlane``): lower its priority
(``nice`` +10, which every long-text process forked from it inherits), then load the knowledge
base, the model and the text pipeline and warm them up, so every long-text process starts ready,
sharing those pages copy-on-write (``gc.freeze`` keeps the collector from touching them). The
build (seconds of CPU) thus runs behind the workers' requests. Nothing else imports this module.
"""

from __future__ import annotations

import gc
import os

#: How much lower the long-text processes' priority is than the worker's (``nice`` increment).
NICE = 10

os.nice(NICE)

from nape.assessment.warm import warm_up_pipeline  # noqa: E402 - after the priority is lowered: the build is the cost

warm_up_pipeline()
gc.collect()
gc.freeze()
