"""The knowledge base's statements as retrievable passages, each tied to its sources.

Example: the care step of acute torticollis that recommends warmth and gentle movement becomes
``Passage(id="acute_torticollis/care_step/0", kind="care_step", condition="acute_torticollis",
source_ids=("nice_cks_torticollis",), ...)``; its ``context`` (the condition's names) is indexed
with it, so "wry neck" finds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from nape.answers.rules import PassageKind
from nape.answers.text import sentences
from nape.knowledge.loader import KnowledgeBase
from nape.knowledge.schema import Condition, RedFlag, Statement


@dataclass(frozen=True)
class Passage:
    """One statement that can be quoted in an answer.

    ``text`` is what is quoted; ``context`` is indexed with it but never quoted; ``label`` names
    what the statement is about (e.g. "Acute torticollis"; never shown before it); ``source_title``
    names an ingested document (knowledge-base sources have their own titles).
    """

    id: str
    text: str
    source_ids: tuple[str, ...]
    kind: PassageKind
    condition: str | None = None
    label: str = ""
    context: str = ""
    source_title: str = ""


def short_name(cond: Condition) -> str:
    """'Acute torticollis (acute wry neck)' -> 'Acute torticollis'."""
    return cond.name.split(" (")[0].strip()


def _statements(cond: Condition) -> Iterator[tuple[PassageKind, Statement]]:
    groups: tuple[tuple[PassageKind, list[Statement]], ...] = (
        ("examination", cond.workup.examination),
        ("test", cond.workup.tests),
        ("imaging", cond.workup.imaging),
        ("pitfall", cond.pitfalls),
    )
    for kind, items in groups:
        for st in items:
            yield kind, st
    yield "see_whom", cond.see_whom


def _of(cond: Condition, kind: PassageKind, i: int, text: str, sources: tuple[str, ...]) -> Passage:
    return Passage(
        f"{cond.id}/{kind}/{i}", text, sources, kind, cond.id, short_name(cond), f"{cond.name}. {cond.plain_name}."
    )


def _condition_passages(cond: Condition) -> Iterator[Passage]:
    own = tuple(cond.sources)
    summaries: tuple[tuple[str, PassageKind], ...] = (
        (cond.summary.person, "summary"),
        (cond.summary.clinician, "clinician_summary"),
    )
    for part, kind in summaries:
        for i, sent in enumerate(sentences(part)):
            yield _of(cond, kind, i, sent, own)
    for i, (kind, st) in enumerate(_statements(cond)):
        yield _of(cond, kind, i, st.text, tuple(st.sources))
    for i, step in enumerate(cond.care_plan):
        text = f"{step.text} {step.limits}" if step.limits else step.text
        yield _of(cond, "care_step", i, text, tuple(step.sources))
    for i, esc in enumerate(cond.triage.escalations):
        yield _of(cond, "escalation", i, esc.reason, own)


def _red_flag_passages(flag: RedFlag) -> Iterator[Passage]:
    ctx = flag.label
    yield Passage(f"red_flag/{flag.id}/message", flag.message, tuple(flag.sources), "red_flag", None, "", ctx)
    yield Passage(f"red_flag/{flag.id}/note", flag.clinician_note, tuple(flag.sources), "red_flag", None, "", ctx)


def kb_passages(kb: KnowledgeBase) -> list[Passage]:
    """Every statement of the knowledge base as a passage (summaries sentence by sentence)."""
    out: list[Passage] = []
    for cond in kb.conditions.values():
        out += _condition_passages(cond)
    for flag in kb.red_flags.values():
        out += _red_flag_passages(flag)
    return out
