"""Answers a writer gives to their own questions and form fields (nape.intake.assertion
``answer_after``): the answer's kind, and that it must stand alone at the end of its clause."""

from __future__ import annotations

import pytest

from nape.intake.assertion import answer_after
from nape.intake.tokens import tokenise


def _kind(text: str) -> str | None:
    toks = tokenise(text)
    at = next(i for i, t in enumerate(toks) if t.lower in ("?", ":", "-"))
    got = answer_after(toks, at)
    return None if got is None else got[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sweats? no", "no"),
        ("Sweats? not at all", "no"),
        ("Sweats?? nah", "no"),
        ("Sweats: none that I know of.", "no"),
        ("Sweats? I don't think so, why", "no"),
        ("Sweats? a little", "yes"),
        ("Sweats - Y", "yes"),
        ("Sweats? dunno", "unsure"),
        ("Sweats? not sure really", "unsure"),
        ("Gait: NAD", "normal"),
        # more words than the answer: no answer at all
        ("Sweats: no idea why", None),
        ("Sweats? not at all times of day", None),
        ("Sweats? 38.2", None),
        ("Sweats?", None),
    ],
)
def test_answer_kinds(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_the_answer_span_is_the_answer_only() -> None:
    toks = tokenise("Numb? not that I've noticed, thanks")
    got = answer_after(toks, 1)
    assert got is not None
    kind, a, b = got
    assert kind == "no" and " ".join(t.lower for t in toks[a:b]) == "not that i 've noticed"
