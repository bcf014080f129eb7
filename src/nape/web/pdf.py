"""The clinician's note as a PDF (fpdf2, core fonts, nothing downloaded).

Core fonts are Latin-1, so typographic characters are mapped to safe equivalents first and
nothing a person wrote is dropped: "can’t turn — 2–3 min" becomes "can't turn - 2-3 min".
Example::

    data = clinician_pdf(case)        # bytes starting with b"%PDF"
"""

from __future__ import annotations

import unicodedata

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from nape.web.view import ClinicianCase

_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "′": "'",
        "“": '"', "”": '"', "„": '"', "″": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "…": "...", "•": "*", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "≈": "~", "≠": "!=",
        "✓": "v", "⚠": "!", "\u00a0": " ", "\u200b": "",
    }
)  # fmt: skip


def latin1(text: str) -> str:
    """Text a core font can show: typography mapped, accents kept where Latin-1 has them.

    >>> latin1("Spurling’s test — positive ≥ 2 × …")
    "Spurling's test - positive >= 2 × ..."
    """
    out = []
    for ch in text.translate(_TYPOGRAPHY):
        if ord(ch) < 256:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
        out.append(base or f"U+{ord(ch):04X}")
    return "".join(out)


class _Note(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, f"nape clinician note - page {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)


def _line(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _sections(case: ClinicianCase) -> list[tuple[str, list[str]]]:
    a = case.a
    p = a.patient
    rules = [f"{r.rule}: {r.outcome} ({'; '.join(r.reasons)})" for r in a.decision_rules] or ["none applied"]
    return [
        ("Urgency", [f"{a.triage.level}: {a.triage.advice}", *(f"- {r}" for r in a.triage.reasons)]),
        (
            "Patient",
            [
                f"age {p.age if p.age is not None else 'not given'}, sex {p.sex or 'not given'}",
                *([f"The check was about: {p.who}"] if p.who else []),
            ],
        ),
        ("The person's words", [case.text or "(none)"]),
        ("Findings", [f'- {f.label} [{f.id}]: {f.status} - "{f.words}" ({f.origin})' for f in case.findings]),
        (
            "Differential",
            [f"{i}. {d.name} ({', '.join(d.icd10cm)}) {d.probability:.1%}" for i, d in enumerate(case.differential, 1)],
        ),
        (
            "Red-flag screen",
            [f"- {s.question} {s.answer} ({s.outcome})" for s in case.screen]
            + [f"- FIRED {f.label} ({f.level}): {f.source_text}" for f in a.red_flags],
        ),
        ("Decision rules", rules),
        ("Examination", [f"- {s.text} [{', '.join(s.sources)}]" for s in case.examination]),
        (
            "Tests and imaging",
            [f"- {s.text} [{', '.join(s.sources)}]" for s in [*a.care_plan.tests, *a.care_plan.imaging]],
        ),
        ("Plan", [f"- ({s.kind}) {s.text}{f' ({s.limits})' if s.limits else ''}" for s in a.care_plan.steps]),
        ("Pitfalls", [f"- {s.text}" for s in a.care_plan.pitfalls]),
        ("Sources", [f"[{sid}] {cite}" for sid, cite in case.citations]),
    ]


def clinician_pdf(case: ClinicianCase, *, compress: bool = True) -> bytes:
    """The note as PDF bytes; ``compress=False`` keeps the text readable in the bytes (tests)."""
    pdf = _Note(format="A4")
    pdf.set_compression(compress)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    _line(pdf, "nape - clinician note")
    pdf.set_font("Helvetica", size=9)
    _line(pdf, f"{case.a.disclaimer} {case.a.emergency_advice}")
    _line(pdf, f"Knowledge base {case.a.knowledge_base_version}")
    for title, lines in _sections(case):
        _heading(pdf, title)
        for text in lines or ["none"]:
            _line(pdf, text)
    return bytes(pdf.output())
