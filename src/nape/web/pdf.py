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

from nape.knowledge.schema import LEVEL_NAMES
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
    reference = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, f"nape clinician note {self.reference} - page {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)


def _line(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _cite(case: ClinicianCase, ids: list[str]) -> str:
    nums = case.source_numbers
    return " ".join(f"[{nums[sid]}]" for sid in ids if sid in nums)


def _cause_lines(case: ClinicianCase) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for c in case.causes:
        lines = ["Examination:", *(f"- {s.text} {_cite(case, s.sources)}" for s in c.examination)]
        lines += ["Tests and imaging:", *(f"- {s.text} {_cite(case, s.sources)}" for s in c.tests)]
        lines += ["Who should see the person:", *(f"- {s.text} {_cite(case, s.sources)}" for s in c.refer)]
        for g in c.plan:
            lines.append(f"{g.heading}:")
            lines += [
                f"- {st.text}{f' ({st.limits})' if st.limits else ''} {_cite(case, st.sources)}" for st in g.steps
            ]
        if c.pitfalls:
            lines += ["Pitfalls:", *(f"- {s.text} {_cite(case, s.sources)}" for s in c.pitfalls)]
        out.append((f"Work-up and plan: {c.name} ({', '.join(c.icd10cm)})", lines))
    return out


def _sections(case: ClinicianCase) -> list[tuple[str, list[str]]]:
    a = case.a
    rules = [f"{r.name}: {r.outcome}" + (f" ({'; '.join(r.reasons)})" if r.reasons else "") for r in case.rules]
    absent = [f"Absent: {'; '.join(case.absent)}."] if case.absent else []
    return [
        (
            "Triage",
            [
                f"{LEVEL_NAMES[a.triage.level].capitalize()}. {a.triage.advice}",
                *(f"- {r.text}" for r in a.triage.details),
            ],
        ),
        ("The person's words", [case.text or "(none)"]),
        ("Findings", [*(f"- {f.label}: {f.words} ({f.origin})" for f in case.present), *absent]),
        (
            "Differential",
            [f"{i}. {d.name} ({', '.join(d.icd10cm)}) {d.probability:.1%}" for i, d in enumerate(case.differential, 1)],
        ),
        (
            "Red-flag screen",
            [f"- {s.label}: {s.answer} ({s.outcome})" for s in case.screen]
            + [f'- FIRED {f.label} ({LEVEL_NAMES[f.level]}): from "{f.source_text}"' for f in a.red_flags],
        ),
        ("Decision rules", rules or ["Canadian C-Spine Rule and NEXUS: not applicable (no trauma findings)."]),
        *_cause_lines(case),
        ("Sources", [f"{i}. {cite}" for i, (_, cite) in enumerate(case.citations, 1)]),
    ]


def clinician_pdf(case: ClinicianCase, *, compress: bool = True) -> bytes:
    """The note as PDF bytes; ``compress=False`` keeps the text readable in the bytes (tests)."""
    pdf = _Note(format="A4")
    pdf.reference = case.reference
    pdf.set_compression(compress)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    _line(pdf, "nape - clinician note")
    pdf.set_font("Helvetica", size=9)
    _line(pdf, f"Assessed: {case.assessed_at}    Reference: {case.reference}")
    _line(pdf, f"About: {case.about}    Knowledge base: version {case.a.knowledge_base_version}")
    _line(pdf, f"{case.a.disclaimer} {case.a.emergency_advice}")
    for title, lines in _sections(case):
        _heading(pdf, title)
        for text in lines or ["none"]:
            _line(pdf, text)
    return bytes(pdf.output())
