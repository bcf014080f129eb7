"""Speed benchmarks (not tests). Usage: uv run python benchmarks/bench.py [--write]

Measures on one core: a full assessment over every condition and finding, the next-question
choice, intake throughput on ~150-word messages, start-up (import + pipeline build + first parse) in a
fresh process, eval time per case, and for ``nape ask`` the knowledge-base index build and the answer
latency once loaded. ``--write`` records the figures in benchmarks/README.md.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _best(fn, repeat: int = 5, number: int = 200) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t) / number)
    return min(times)


def main() -> dict[str, float]:
    from nape.assessment import assess_evidence
    from nape.assessment.questions import next_question
    from nape.evaluation.runner import load_cases, run
    from nape.intake import parse
    from nape.reasoning.evidence import Evidence
    from nape.reasoning.model import default_model
    from nape.triage.engine import triage

    model = default_model()
    kb = model.kb
    ev = Evidence.build(
        kb,
        {
            "neck_pain": True,
            "fever": False,
            "unable_to_turn_head": True,
            "woke_up_with_it": True,
            "arm_numbness_tingling": False,
            "recent_trauma": False,
        },
        34,
        "female",
    )
    post = model.posterior(ev)
    out: dict[str, float] = {}
    out["differential_and_triage_ms"] = _best(lambda: triage(model, ev, model.posterior(ev))) * 1000
    out["next_question_ms"] = _best(lambda: next_question(model, ev, post, 0, 8, fired=())) * 1000
    out["full_assessment_report_ms"] = _best(lambda: assess_evidence(ev, model=model), number=50) * 1000

    cases = load_cases(ROOT / "data/cases/dev.jsonl")
    texts = [f"{c.text} {c.details}" for c in cases]
    messages = []
    for i in range(150):  # ~150-word messages built from the dev texts
        words: list[str] = []
        j = i
        while len(words) < 150:
            words += texts[j % len(texts)].split()
            j += 1
        messages.append(" ".join(words[:150]))
    parse(messages[0])
    t = time.perf_counter()
    for m in messages:
        parse(m)
    out["intake_messages_per_second"] = len(messages) / (time.perf_counter() - t)

    code = (
        "import time;t=time.perf_counter();import nape.intake;"
        "from nape.intake.pipeline import build;build();"
        "nape.intake.parse('woke up with a stiff neck, no fever');print(time.perf_counter()-t)"
    )
    starts = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    out["startup_import_build_first_parse_s"] = statistics.median(starts)

    rep = run(cases, mode="text")
    out["eval_text_ms_per_case"] = rep["seconds_per_case"] * 1000
    rep = run(cases, mode="interview")
    out["eval_interview_ms_per_case"] = rep["seconds_per_case"] * 1000
    out.update(_ask_figures())
    return {k: round(v, 3) for k, v in out.items()}


ASK_QUESTIONS = [
    "Can a pinched nerve cause muscle spasms?",
    "When should I see a doctor?",
    "Heat or ice?",
    "Is Botox used for spasmodic torticollis?",
    "Do I need an MRI?",
    "What is the capital of France?",
]


def _ask_figures() -> dict[str, float]:
    """Index build over every knowledge-base statement, and the median answer time once loaded."""
    from nape.answers import ask
    from nape.answers.index import build_index
    from nape.answers.passages import kb_passages
    from nape.knowledge.loader import default_kb

    kb = default_kb()
    t = time.perf_counter()
    build_index(kb_passages(kb))
    build_s = time.perf_counter() - t
    for q in ASK_QUESTIONS:  # load the index, the rules and the intake pipeline
        ask(q)
    per_question = [_best(partial(ask, q), repeat=3, number=20) for q in ASK_QUESTIONS]
    return {"ask_kb_index_build_s": build_s, "ask_answer_ms": statistics.median(per_question) * 1000}


if __name__ == "__main__":
    figures = main()
    print(json.dumps(figures, indent=2))
    if "--write" in sys.argv:
        readme = ROOT / "benchmarks/README.md"
        text = readme.read_text()
        block = "\n".join(f"| {k} | {v} |" for k, v in figures.items())
        text = re.sub(
            r"(<!-- figures -->\n)(.*?)(<!-- /figures -->)",
            lambda m: m.group(1) + "| measure | value |\n| --- | --- |\n" + block + "\n" + m.group(3),
            text,
            flags=re.S,
        )
        readme.write_text(text)
