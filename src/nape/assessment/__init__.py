"""Assessment: one report from evidence (differential, triage, next question, care plan).

``assess`` is the one function the CLI, the API and the web page all call; ``questions``
chooses the next question from the triage result and the posterior.
"""

from nape.assessment.assemble import Reading, assess, assess_evidence, read_input
from nape.intake.records import Mention

__all__ = ["Mention", "Reading", "assess", "assess_evidence", "read_input"]
