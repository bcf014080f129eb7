"""Free-text intake: read what a person or a clinician writes into findings.

Example::

    >>> r = parse("55M, 2/52 R neck pain radiating to the thumb, no fever")
    >>> (r.age, r.sex), sorted((m.finding, m.present) for m in r.mentions)[:2]
    ((55, 'male'), [('duration_1_to_6_weeks', True), ('fever', False)])
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from nape.core.config import get_settings
from nape.errors import TextInputError
from nape.intake.attributes import read_durations, read_person, read_recurrence, read_side
from nape.intake.pipeline import ABSENT, GENERIC, build, maps
from nape.intake.records import Mention
from nape.knowledge.loader import default_kb
from nape.text import as_text, control_count, is_control

NOTHING_FOUND = (
    "I couldn't find any symptoms in that. Could you describe what you feel, where it is, "
    "how long it has lasted and what brought it on?"
)


@dataclass(frozen=True)
class ParseResult:
    mentions: tuple[Mention, ...]
    age: int | None
    sex: str | None
    side: str | None
    about_someone_else: bool
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "age": self.age,
            "sex": self.sex,
            "side": self.side,
            "about_someone_else": self.about_someone_else,
            "findings": [
                {
                    "id": m.finding,
                    "status": "present" if m.present else "absent",
                    "source_text": m.source_text,
                    "start": m.start,
                    "end": m.end,
                }
                for m in self.mentions
            ],
            "notes": self.notes,
        }


def clean(text: object) -> str:
    """Reject what cannot be text; strip control characters; enforce the length limit."""
    text = as_text(text, TextInputError, "input")
    limit = get_settings().max_text_chars
    if len(text) > limit:
        raise TextInputError(f"the text is {len(text):,} characters; the limit is {limit:,} (NAPE_MAX_TEXT_CHARS)")
    if not text.strip():
        raise TextInputError("the text is empty; describe what is happening in a few words")
    if control_count(text) > max(3, len(text) // 20):
        raise TextInputError("the input looks binary rather than written text")
    text = "".join(" " if is_control(ch) else ch for ch in text)
    return unicodedata.normalize("NFKC", text)


@dataclass
class _Acc:
    best: dict[str, Mention] = field(default_factory=dict)

    def add(self, m: Mention) -> None:
        # A finding stated present anywhere stays present (safer than letting a denial win).
        old = self.best.get(m.finding)
        if old is None or (m.present and not old.present):
            self.best[m.finding] = m


def _since_before(doc: Any, ent: Any) -> bool:
    sent = ent.sent
    window = doc[max(sent.start, ent.start - 6) : ent.start]
    return any(t.lower_ == "since" for t in window)


@dataclass(frozen=True)
class _Status:
    negated: bool
    historical: bool
    hypothetical: bool
    family_words: tuple[str, ...]


def _status(doc: Any, ent: Any) -> _Status:
    """ConText modifiers of a mention, ignoring triggers inside the mention's own words
    (the "no" of "out of no where", the "not" of "not vaccinated")."""
    flags: dict[str, list[str]] = {}
    is_phrase = ent._.target_rule is not None and ent._.target_rule.pattern is None
    for mod in ent._.modifiers:
        start, end = mod.modifier_span
        if is_phrase and start < ent.end and end > ent.start:
            continue
        flags.setdefault(mod.category, []).append(doc[start:end].text.lower())
    return _Status(
        "NEGATED_EXISTENCE" in flags,
        "HISTORICAL" in flags,
        "HYPOTHETICAL" in flags,
        tuple(flags.get("FAMILY", [])),
    )


def _spans(doc: Any) -> list[Any]:
    """All target spans; among phrase matches the longest wins where one contains another.

    Token-pattern matches ("neck ... sore") are kept alongside phrases they overlap.
    """
    spans = list(doc.spans["medspacy_spans"])
    phrases = [sp for sp in spans if sp._.target_rule is not None and sp._.target_rule.pattern is None]
    keep = []
    for sp in spans:
        is_phrase = sp._.target_rule is not None and sp._.target_rule.pattern is None
        inside = is_phrase and any(
            o is not sp and o.start <= sp.start and sp.end <= o.end and (o.end - o.start) > (sp.end - sp.start)
            for o in phrases
        )
        if not inside:
            keep.append(sp)
    return keep


def _limb(doc: Any, span: Any, m: dict[str, Any]) -> str:
    """'leg' or 'arm' for a generic word, from the nearest limb word in its sentence."""
    legs, arms = set(m["leg_words"]), set(m["arm_words"])
    best: tuple[int, str] | None = None
    sent = span.sent
    for tok in sent:
        word = tok.lower_
        pair = f"{word} {tok.nbor(1).lower_}" if tok.i + 1 < sent.end else word
        kind = "leg" if word in legs or pair in legs else "arm" if word in arms else None
        if kind:
            dist = abs(tok.i - span.start)
            if best is None or dist < best[0]:
                best = (dist, kind)
    if best:
        return best[1]
    text = doc.text.lower()
    return "leg" if any(w in text for w in ("lower back", "low back", "sciatica", "lbp")) else "arm"


def _label(doc: Any, span: Any, m: dict[str, Any]) -> tuple[str, bool]:
    """(finding id, stated present?) for a span's label."""
    label: str = span.label_
    if label.endswith(ABSENT):
        return label[: -len(ABSENT)], False
    if label.startswith(GENERIC):
        spec = m["generic"][label[len(GENERIC) :]]
        return spec[_limb(doc, span, m)], True
    return label, True


def _region_fallback(raw: str, acc: _Acc, m: dict[str, Any]) -> None:
    """A region named in one place and pain stated in another ("It's in my low back")."""
    spec = m["region_fallback"]
    lower = raw.lower()
    if not any(re.search(rf"\b{w}\b", lower) for w in spec["pain_words"]):
        return
    for fid, words in spec["regions"].items():
        if fid in acc.best:
            continue
        for w in words:
            hit = re.search(rf"\b{re.escape(w)}\b", lower)
            if hit:
                acc.add(Mention(fid, True, raw[hit.start() : hit.end()], hit.start(), hit.end()))
                break


def parse(text: object) -> ParseResult:
    """Read findings, age, sex, side and who is meant from free text."""
    raw = clean(text)
    kb = default_kb()
    nlp = build()
    m = maps()
    doc = nlp(raw)
    person = read_person(raw)
    acc = _Acc()
    for ent in _spans(doc):
        fid, affirmed = _label(doc, ent, m)
        finding = kb.findings[fid]
        start, end = ent.start_char, ent.end_char
        source = ent.text
        st = _status(doc, ent)
        if st.hypothetical:
            continue
        if st.family_words:
            if person.proxy and all(person.proxy in w for w in st.family_words):
                pass  # the relative is the patient
            elif fid in m["family_to"] and not st.negated:
                acc.add(Mention(m["family_to"][fid], True, source, start, end))
                continue
            else:
                continue
        if st.historical and not st.negated and not _since_before(doc, ent):
            if fid in m["historical_to"]:
                acc.add(Mention(m["historical_to"][fid], True, source, start, end))
                continue
            if finding.category in ("symptom", "sign") or fid in m["past_events_dropped"]:
                continue
        if fid in m["long_standing"]["findings"] and any(
            w in ent.sent.text.lower() for w in m["long_standing"]["words"]
        ):
            affirmed = False  # "on olanzapine for years" is not a recent start
        acc.add(Mention(fid, affirmed != st.negated, source, start, end))
    _region_fallback(raw, acc, m)
    for hit in [*read_durations(raw), *read_recurrence(raw)]:
        if hit.finding not in acc.best:
            acc.add(Mention(hit.finding, hit.present, hit.text, hit.start, hit.end))
    side, side_hits = read_side(raw)
    for hit in side_hits:
        if hit.finding not in acc.best:
            acc.add(Mention(hit.finding, hit.present, hit.text, hit.start, hit.end))
    mentions = tuple(sorted(acc.best.values(), key=lambda x: (x.start or 0, x.finding)))
    notes = [] if mentions else [NOTHING_FOUND]
    if person.proxy:
        notes.append(f"Read as a description of your {person.proxy}; age and sex are theirs.")
    return ParseResult(mentions, person.age, person.sex, side, person.proxy is not None, notes)
