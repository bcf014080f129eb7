"""Synthetic notes for tests and benchmarks: dev cases wrapped in clinic-note templates.

Not patient data: every note is a project-written dev case (``data/cases/dev.jsonl``) placed in
administrative sentences written for this purpose, with random reference codes so that the
vocabulary keeps growing as it would over real notes. About 1,250 characters each.

Example: ``notes = synthetic_notes(Path("data/cases/dev.jsonl"), 100, seed=1)``.
"""

from __future__ import annotations

import json
import random
import string
from datetime import date, timedelta
from pathlib import Path
from typing import Any

_OPENINGS = (
    "Clinic letter, reference {ref}. Seen today in the musculoskeletal service, {clinic} site.",
    "Telephone triage record {ref}, taken by the duty clinician at the {clinic} practice.",
    "Online consultation form {ref}, submitted through the {clinic} surgery website.",
    "Physiotherapy referral {ref} received from the {clinic} health centre.",
)
_ADMIN = (
    "The appointment was booked through reception and the booking code is {ref}.",
    "Contact preference recorded as a call back on the mobile number held on file.",
    "Consent was given to share this summary with the usual practice team.",
    "An interpreter was offered and declined for this consultation.",
    "The person attended alone and arrived on time for the slot.",
    "Previous letters from the {clinic} site have been scanned into the record.",
    "The practice pharmacist will review repeat prescriptions at the next annual check.",
    "Work details: employed as a {job}, currently working {hours} hours a week.",
    "Housing is stable and there is a car available for getting to appointments.",
    "This note was typed after the consultation from the clinician's notes.",
    "A copy of this summary goes to the named practice, reference {ref2}.",
    "Administrative follow-up: the clinic will send a text reminder before any next visit.",
)
_CLINICS = ("Northgate", "Riverside", "Elm Park", "Harbour View", "Millbrook", "Castle Hill", "Westfield")
_JOBS = ("teacher", "driver", "nurse", "electrician", "chef", "accountant", "warehouse worker", "student")


def _ref(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=3)) + "".join(rng.choices(string.digits, k=6))


def load_cases(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def synthetic_notes(cases_path: Path, n: int, *, seed: int = 0, target_chars: int = 1250) -> list[dict[str, Any]]:
    """``n`` notes as dicts: ``id``, ``text``, ``age``, ``sex``, ``date`` and the source ``case``."""
    rng = random.Random(seed)
    cases = load_cases(cases_path)
    start = date(2024, 1, 1)
    out = []
    for i in range(n):
        case = cases[i % len(cases)]

        def fill(t: str, rng: random.Random = rng) -> str:
            return t.format(
                ref=_ref(rng),
                ref2=_ref(rng),
                clinic=rng.choice(_CLINICS),
                job=rng.choice(_JOBS),
                hours=rng.randint(10, 45),
            )

        parts = [fill(rng.choice(_OPENINGS)), "", case["text"], case.get("details", ""), ""]
        admin = list(_ADMIN)
        rng.shuffle(admin)
        text = "\n".join(parts)
        for sentence in admin:
            if len(text) >= target_chars:
                break
            text += fill(sentence) + " "
        out.append(
            {
                "id": f"syn-{i:07d}",
                "text": text.strip(),
                "age": case.get("age"),
                "sex": case.get("sex"),
                "date": (start + timedelta(days=rng.randint(0, 364))).isoformat(),
                "case": case["id"],
            }
        )
    return out
