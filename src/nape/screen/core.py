"""One note in, one row out: the same assessment as ``nape assess``, flattened for a table.

A note longer than the text limit (``NAPE_MAX_TEXT_CHARS``) is split into sections at paragraph,
then sentence, then word boundaries; each section is read on its own, the findings are merged
(a finding stated present anywhere stays present, offsets refer to the whole note) and assessed
together, and the level is the most urgent of the merged assessment and every section's own.

Example::

    >>> row = screen_note(NoteIn("n1", "stiff neck and a fever since last night", age=30))
    >>> row["triage_level"], row["error"]
    ('emergency_ambulance', None)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from nape.assessment import Mention, assess, assess_evidence
from nape.core.config import get_settings
from nape.errors import InputError, NapeError, TextInputError
from nape.knowledge.schema import TriageLevel
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model
from nape.report.schema import AssessmentOut
from nape.text import as_text
from nape.triage.engine import most_urgent

TOP_CAUSES = 3
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class NoteIn:
    """A note as read from the input: the text may still be bytes or junk (checked here)."""

    note_id: str
    text: object
    age: object = None
    sex: object = None
    date: str | None = None


def _pieces(text: str, start: int, end: int, limit: int, levels: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into (start, end) spans of at most ``limit`` characters."""
    if end - start <= limit:
        return [(start, end)]
    if not levels:  # no boundary left: cut hard (a single "word" longer than the limit)
        return [(i, min(i + limit, end)) for i in range(start, end, limit)]
    pattern, rest = levels[0], levels[1:]
    cuts = [start] + [m.end() for m in pattern.finditer(text, start, end)] + [end]
    units = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in units:
        if b - a > limit:
            if cur:
                out.append(cur)
                cur = None
            out += _pieces(text, a, b, limit, rest)
        elif cur is None:
            cur = (a, b)
        elif b - cur[0] <= limit:
            cur = (cur[0], b)
        else:
            out.append(cur)
            cur = (a, b)
    if cur:
        out.append(cur)
    return out


def sections(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) spans of ``text``, each at most ``limit`` characters, cut at paragraph breaks,
    then sentence ends, then spaces; empty sections are dropped."""
    spans = _pieces(text, 0, len(text), limit, [_PARAGRAPH, _SENTENCE, _SPACE])
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _age(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if value != value:  # NaN from a missing cell
            return None
        if not value.is_integer():
            raise InputError("the age column holds a number that is not whole")
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise InputError("the age column holds something that is not a whole number of years")


def _sex(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError("the sex column must hold text (female or male)")
    v = value.strip().lower()
    words = {"f": "female", "female": "female", "woman": "female", "m": "male", "male": "male", "man": "male"}
    if v not in words:
        raise InputError("the sex column must say female or male (or f / m)")
    return words[v]


def _assess_long(text: str, spans: list[tuple[int, int]], age: int | None, sex: str | None) -> AssessmentOut:
    """Read each section, merge the findings, assess once; the most urgent level wins."""
    from nape.intake import parse  # the public intake call; the pipeline is built once per process

    model = default_model()
    merged: dict[str, Mention] = {}
    notes: list[str] = []  # the intake's notes from sections where something was found
    first_notes: list[str] = []  # ... or, if nothing was found anywhere, the first section's
    levels: list[TriageLevel] = []
    found_age, found_sex, other = age, sex, False
    section_results = []
    for a, b in spans:
        parsed = parse(text[a:b])
        found_age = found_age if found_age is not None else parsed.age
        found_sex = found_sex if found_sex is not None else parsed.sex
        other = other or parsed.about_someone_else
        shifted = [
            Mention(
                m.finding,
                m.present,
                m.source_text,
                None if m.start is None else m.start + a,
                None if m.end is None else m.end + a,
            )
            for m in parsed.mentions
        ]
        section_results.append(shifted)
        for m in shifted:
            old = merged.get(m.finding)
            if old is None or (m.present and not old.present):  # present anywhere stays present
                merged[m.finding] = m
        if parsed.mentions:
            notes += [n for n in parsed.notes if n not in notes]
        elif not first_notes:
            first_notes = list(parsed.notes)
    for shifted in section_results:
        ev = Evidence.build(model.kb, {m.finding: m.present for m in shifted}, found_age, found_sex)
        levels.append(assess_evidence(ev, shifted, model=model).triage.level)
    ev = Evidence.build(model.kb, {f: m.present for f, m in merged.items()}, found_age, found_sex)
    mentions = sorted(merged.values(), key=lambda m: (m.start or 0, m.finding))
    notes = notes if mentions else first_notes
    result = assess_evidence(ev, mentions, model=model, notes=notes, about_someone_else=other)
    level = most_urgent([result.triage.level, *levels])
    if level != result.triage.level:
        reasons = [*result.triage.reasons, f"one section of the note on its own is triaged {level}"]
        result = result.model_copy(
            update={"triage": result.triage.model_copy(update={"level": level, "reasons": reasons})}
        )
    return result


def assess_note(note: NoteIn) -> tuple[AssessmentOut, int]:
    """The assessment of one note and the number of sections it was read in."""
    text = as_text(note.text, TextInputError, "note")
    if not text.strip():  # `assess` treats no text as "no words given"; an empty note is an error here
        raise TextInputError("the note is empty")
    age, sex = _age(note.age), _sex(note.sex)
    limit = get_settings().max_text_chars
    if len(text) <= limit:
        return assess(text, age=age, sex=sex), 1
    spans = sections(text, limit)
    if not spans:
        raise TextInputError("the text is empty; describe what is happening in a few words")
    if len(spans) == 1:
        a, b = spans[0]
        return assess(text[a:b], age=age, sex=sex), 1
    return _assess_long(text, spans, age, sex), len(spans)


#: The columns of every output row, in order (see ``row_schema`` for their types).
COLUMNS = (
    "note_id",
    "date",
    "triage_level",
    "triage_reasons",
    "red_flag_ids",
    "red_flags",
    "cause_1",
    "cause_1_probability",
    "cause_2",
    "cause_2_probability",
    "cause_3",
    "cause_3_probability",
    "findings",
    "sections",
    "knowledge_base_version",
    "error",
)


def to_row(note_id: str, date: str | None, result: AssessmentOut, n_sections: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        "note_id": note_id,
        "date": date,
        "triage_level": result.triage.level,
        "triage_reasons": list(result.triage.reasons),
        "red_flag_ids": [f.id for f in result.red_flags],
        "red_flags": [{"id": f.id, "level": f.level, "words": f.source_text} for f in result.red_flags],
        "findings": [
            {"id": f.id, "status": f.status, "words": f.source_text, "start": f.start, "end": f.end}
            for f in result.findings
        ],
        "sections": n_sections,
        "knowledge_base_version": result.knowledge_base_version,
        "error": None,
    }
    for i in range(TOP_CAUSES):
        d = result.differential[i] if i < len(result.differential) else None
        row[f"cause_{i + 1}"] = d.condition if d else None
        row[f"cause_{i + 1}_probability"] = d.probability if d else None
    return row


def error_row(note_id: str, date: str | None, message: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(
        note_id=note_id,
        date=date,
        triage_reasons=[],
        red_flag_ids=[],
        red_flags=[],
        findings=[],
        sections=0,
        knowledge_base_version=default_model().kb.version,
        error=message,
    )
    return row


def screen_note(note: NoteIn) -> dict[str, Any]:
    """One output row; a note that cannot be read gives a row whose ``error`` says why.

    The error names its code and never quotes the note.
    """
    try:
        result, n = assess_note(note)
    except NapeError as exc:
        return error_row(note.note_id, note.date, str(exc))
    except Exception as exc:  # one bad note never stops the run; only the type is kept
        return error_row(note.note_id, note.date, f"E600 the note could not be assessed ({type(exc).__name__})")
    return to_row(note.note_id, note.date, result, n)
