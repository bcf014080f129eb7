"""``POST /v1/ask``: a question about neck and back spasms, answered from cited statements.

The same answer as ``nape ask --json`` (``answer`` and numbered ``citations``), plus ``kind``
(answer / emergency / not_covered), ``direct`` (yes / no / depends for a yes-or-no question)
and ``basis`` (why). Example: ``{"question": "Can a pinched nerve cause muscle spasms?"}`` →
``{"answer": "Yes. … [1][2] …", "citations": [{"n": 1, "source_id": "seed_001", …}], …}``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field

from nape.answers import Answer, ask
from nape.api.schemas import error_responses

router = APIRouter(prefix="/v1/ask", tags=["answers"])


class AskRequest(BaseModel):
    """One question in a person's own words."""

    model_config = ConfigDict(extra="forbid", strict=True)
    question: str = Field(max_length=2000, description="The question (at most 2,000 characters)")


ASK_EXAMPLE = {"question": "Can a pinched nerve cause muscle spasms?"}


@router.post("", responses=error_responses(413, 422))
def post_ask(
    body: Annotated[
        AskRequest, Body(openapi_examples={"yes_no": {"summary": "A yes-or-no question", "value": ASK_EXAMPLE}})
    ],
) -> Answer:
    """Answer from the knowledge base (and documents added with ``nape ingest``), every sentence cited."""
    return ask(body.question)
