"""Choose the next question: the one whose answer is most likely to change what nape tells the person.

First, every warning-sign checklist that fits the story (``interview.yaml`` checklists: region,
age band, sex, what is already known) is asked, one "tick all that apply" question each, however
unlikely the causes it screens for look (safety first); when nothing says where the problem is,
the region group is asked before them. Then the candidates are
  * multiple-choice questions for findings that form one fact (``interview.yaml`` groups:
    how long, how it started, where, which side, what makes it worse), while the group is open;
  * red-flag screening questions, only for flags that fit this story: relevant by their
    ``relevant_when`` rule, by region, and with the causes they point to still in play (or made
    relevant by something the person said); sensitive ones only when a "yes" would change the urgency;
  * the ordinary questions with the largest expected information gain.

Each candidate's value is its expected effect over its answers: triage levels moved, the leading
cause changed, and how far the differential moves (weights in ``interview.yaml``). The interview
stops at once when a red flag at an emergency level has fired, when the best value is below the
threshold, or at the cap. Nothing already known (stated, answered, implied) is asked again.

Example: "stiff neck, bad headache" with nothing else -> first the neck warning-sign checklist
(fever, a sudden headache, a rash that does not fade, ...); "fever, stiff neck" -> no question (an
emergency red flag has fired).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np

from nape.knowledge.schema import TRIAGE_ORDER, RedFlag
from nape.reasoning.evidence import Evidence
from nape.reasoning.interview_data import InterviewPlan, interview_plan
from nape.reasoning.model import Array, Model
from nape.triage.engine import TriageResult, fired_red_flags, triage
from nape.triage.rules import relevant

Why = Literal["red_flag_screen", "information_gain", "group", "checklist"]
EMERGENCY_LEVELS = TRIAGE_ORDER[:2]
_URGENT_RANK = TRIAGE_ORDER.index("consultation")  # ranks below this are urgent


@dataclass(frozen=True)
class Question:
    finding: str  # a finding id, or a group id for a multiple-choice question
    text: str
    why_ask: str
    answers: list[str]
    reason: Why
    red_flag: str | None = None
    information_gain: float = 0.0
    choices: list[tuple[str, str]] = field(default_factory=list)  # (choice id, label)
    intro: str | None = None
    value: float = 0.0
    items: list[tuple[str, str]] = field(default_factory=list)  # checklist: (finding id, label)
    none_label: str | None = None


@dataclass(frozen=True)
class _Candidate:
    key: str
    reason: Why
    outcomes: list[tuple[float, dict[str, bool]]]  # (probability, findings set by the answer)
    members: tuple[str, ...]
    red_flag: str | None = None
    gain: float = 0.0
    must_change_level: bool = False


def _entropy(p: Array, axis: int = 0) -> Array:
    q = np.clip(p, 1e-12, 1.0)
    return -(p * np.log2(q)).sum(axis=axis)  # type: ignore[no-any-return]


def information_gain(model: Model, posterior: Array) -> Array:
    """Expected entropy reduction for asking each finding (yes/no), over all findings.

    Vectorised: ``model.p`` is [causes, findings]; returns one value per finding.
    """
    p_yes = posterior @ model.p  # [F]
    joint_yes = posterior[:, None] * model.p  # [C, F]
    joint_no = posterior[:, None] * (1.0 - model.p)
    post_yes = joint_yes / np.clip(p_yes, 1e-12, None)
    post_no = joint_no / np.clip(1.0 - p_yes, 1e-12, None)
    h_now = float(_entropy(posterior))
    expected = p_yes * _entropy(post_yes) + (1.0 - p_yes) * _entropy(post_no)
    return h_now - expected  # type: ignore[no-any-return,unused-ignore]


@cache
def _askable_mask(model: Model) -> Array:
    return np.array([model.kb.findings[f].askable for f in model.findings], dtype=bool)


def emergency_fired(result: TriageResult) -> bool:
    """True when a red flag at ``emergency`` or ``emergency_ambulance`` has fired: stop asking."""
    return any(f.level in EMERGENCY_LEVELS for f in result.red_flags)


def story_regions(plan: InterviewPlan, ev: Evidence) -> set[str]:
    """'neck' and/or 'back' from what is known present; empty when nothing says where."""
    return {region for region, fids in plan.regions.items() if any(ev.present(f) for f in fids)}


def _open(ev: Evidence, fid: str) -> bool:
    return fid not in ev.asked and fid not in ev.findings


def _yes_no(model: Model, posterior: Array, fid: str) -> list[tuple[float, dict[str, bool]]]:
    p_yes = float(posterior @ model.p[:, model.index[fid]])
    return [(p_yes, {fid: True}), (1.0 - p_yes, {fid: False})]


def checklist_items(plan: InterviewPlan, ev: Evidence, checklist_id: str) -> list[tuple[str, str]]:
    """The items of a checklist to show now: for this person's age and sex, not yet known or asked."""
    c = plan.checklist(checklist_id)
    return [(i.finding, i.label) for i in c.items if i.fits(ev.age, ev.sex) and _open(ev, i.finding)]


def _checklist_fits(plan: InterviewPlan, ev: Evidence, checklist_id: str, regions: set[str]) -> bool:
    c = plan.checklist(checklist_id)
    w = c.when
    if not w.fits(ev.age, ev.sex):
        return False
    if w.requires_any and not any(ev.present(f) for f in w.requires_any):
        return False
    if any(ev.present(f) for f in w.any):
        return True
    return not w.regions or not regions or bool(regions & set(w.regions))


def _next_checklist(plan: InterviewPlan, ev: Evidence) -> str | None:
    """The first checklist that fits the story and still has an item to ask, if any."""
    regions = story_regions(plan, ev)
    for c in plan.checklists:
        if _checklist_fits(plan, ev, c.id, regions) and checklist_items(plan, ev, c.id):
            return c.id
    return None


def _region_group_open(plan: InterviewPlan, ev: Evidence) -> bool:
    """True when nothing says where the problem is and the region group can still be asked."""
    gid = plan.settings.region_group
    if gid is None or story_regions(plan, ev):
        return False
    g = plan.group(gid)
    return not any(f in ev.asked for f in g.members)


def _group_candidates(model: Model, plan: InterviewPlan, ev: Evidence, posterior: Array) -> list[_Candidate]:
    out = []
    for g in plan.groups:
        if any(f in ev.asked for f in g.members) or any(ev.present(f) for f in g.settled_by):
            continue
        if all(f in ev.findings for f in g.members):
            continue
        weights = []
        for c in g.choices:
            like = np.ones_like(posterior)
            for fid, value in c.sets.items():
                col = model.p[:, model.index[fid]]
                like = like * (col if value else 1.0 - col)
            weights.append(float(posterior @ like))
        total = sum(weights) or 1.0
        outcomes = [(w / total, dict(c.sets)) for w, c in zip(weights, g.choices, strict=True)]
        out.append(_Candidate(g.id, "group", outcomes, tuple(g.members)))
    return out


def _story_words(flag: RedFlag) -> list[str]:
    """Findings that make a flag part of this story when said: its relevance rule's and its firing rules'."""
    rules = [*flag.when, *([flag.relevant_when] if flag.relevant_when else [])]
    return [f for r in rules for f in [*r.all, *r.any, *r.requires_any]]


def _screen_candidates(
    model: Model, plan: InterviewPlan, ev: Evidence, posterior: Array, fired: set[str], screened: int
) -> list[_Candidate]:
    if screened >= model.kb.meta.interview.max_red_flag_questions:
        return []
    grouped = plan.grouped_findings()
    regions = story_regions(plan, ev)
    in_play = {cid: float(posterior[i]) for i, cid in enumerate(model.conditions)}
    out: list[_Candidate] = []
    seen: set[str] = set()
    for flag in model.kb.red_flags.values():
        if flag.id in fired or not relevant(flag.relevant_when, ev):
            continue
        fits = plan.flag_regions.get(flag.id)
        if fits and regions and not regions & set(fits):
            continue
        said = any(ev.present(f) for f in _story_words(flag))
        causes = sum(in_play.get(cid, 0.0) for cid in flag.points_to)
        if not said and causes < plan.settings.screen_min_cause_probability:
            continue
        for fid in flag.screen:
            if fid in seen or fid in grouped or not _open(ev, fid) or not model.kb.findings[fid].askable:
                continue
            seen.add(fid)
            sensitive = plan.sensitive_question(fid) is not None
            out.append(
                _Candidate(fid, "red_flag_screen", _yes_no(model, posterior, fid), (fid,), flag.id, 0.0, sensitive)
            )
    return out


def _other_regions(plan: InterviewPlan, ev: Evidence) -> set[str]:
    """Symptoms that belong only to regions the story is not about (none while it is unknown).

    Example: "lower back pain since lifting" is a back story, so "does the pain go down your
    arm?" (a neck-region symptom) is not an ordinary question; it could still come from a
    red-flag screen.
    """
    if plan.settings.ask_other_regions:
        return set()
    regions = story_regions(plan, ev)
    if not regions:
        return set()
    mine = {f for r, fids in plan.regions.items() if r in regions for f in fids}
    return {f for r, fids in plan.regions.items() if r not in regions for f in fids} - mine


def _unfounded(plan: InterviewPlan, ev: Evidence) -> list[str]:
    """Questions whose event is not known to have happened (interview.yaml ``presupposes``).

    Example: after "She bent to lift a bag of compost", with no fall or blow, "have you been able
    to walk about since the injury?" is not asked."""
    return [fid for fid, events in plan.presupposes.items() if not any(ev.present(e) for e in events)]


def _gain_candidates(
    model: Model, plan: InterviewPlan, ev: Evidence, posterior: Array, skip: set[str]
) -> list[_Candidate]:
    gain = information_gain(model, posterior)
    mask = _askable_mask(model).copy()
    grouped = plan.grouped_findings()
    for fid in [*ev.asked, *ev.findings, *grouped, *skip, *_other_regions(plan, ev), *_unfounded(plan, ev)]:
        mask[model.index[fid]] = False
    gain = np.where(mask, gain, -1.0)
    order = np.argsort(-gain)[: plan.settings.candidates]
    out = []
    for i in order:
        if gain[i] <= 0:
            break
        fid = model.findings[int(i)]
        sensitive = plan.sensitive_question(fid) is not None
        out.append(
            _Candidate(fid, "information_gain", _yes_no(model, posterior, fid), (fid,), None, float(gain[i]), sensitive)
        )
    return out


def _rank(level: str) -> int:
    return TRIAGE_ORDER.index(level)  # type: ignore[arg-type,unused-ignore]


def _flag_urgency(model: Model, ev: Evidence, fired: set[str]) -> dict[str, int]:
    """Red flags that are relevant to the story and not fired: id -> urgency rank."""
    return {
        f.id: _rank(f.level)
        for f in model.kb.red_flags.values()
        if f.id not in fired and relevant(f.relevant_when, ev) and f.relevant_when is not None
    }


def _value(
    model: Model,
    plan: InterviewPlan,
    ev: Evidence,
    posterior: Array,
    now: TriageResult,
    open_now: dict[str, int],
    c: _Candidate,
    late: bool = False,
) -> float:
    s = plan.settings
    top = int(np.argmax(posterior))
    rank_now = _rank(now.level)
    routine = now.level in s.routine_levels
    total = 0.0
    for prob, sets in c.outcomes:
        if prob <= 0.0:
            continue
        findings = {k: v for k, v in ev.findings.items() if k not in c.members}
        findings.update(sets)
        findings = plan.implied(findings, set(sets) | set(ev.asked))
        ev2 = Evidence(findings, ev.age, ev.sex, ev.asked | frozenset(c.members), ev.age_months)
        post2 = model.posterior(ev2)
        rank2 = _rank(triage(model, ev2, post2).level)
        if c.must_change_level and True in sets.values() and rank2 == rank_now:
            return 0.0  # a personal question only when its answer would change the urgency
        moved = (rank_now - rank2) * s.urgent_weight if rank2 < rank_now else rank2 - rank_now
        if routine and TRIAGE_ORDER[rank2] in s.routine_levels:
            moved = moved * s.routine_level_weight / s.level_weight if s.level_weight else 0.0
        if late and rank2 >= _URGENT_RANK:
            continue  # past the soft budget only an answer that makes the result urgent counts
        changed = int(np.argmax(post2)) != top
        shift = 0.5 * float(np.abs(post2 - posterior).sum())
        opened = [r for fid, r in _flag_urgency(model, ev2, set()).items() if fid not in open_now and r < rank_now]
        opens = max((rank_now - r for r in opened), default=0)
        total += prob * (
            s.level_weight * moved + s.leading_weight * changed + s.shift_weight * shift + s.opens_screen_weight * opens
        )
    return total


def _screen_intro(plan: InterviewPlan, ev: Evidence) -> str:
    regions = story_regions(plan, ev)
    key = "both" if len(regions) != 1 else next(iter(regions))
    return plan.screen_intro.format(region=plan.region_words[key])  # type: ignore[index]


_CACHE: dict[tuple[object, ...], Question | None] = {}
_CACHE_SIZE = 256


def next_question(
    model: Model, ev: Evidence, posterior: Array, asked_count: int, screened: int, checklists: int = 0
) -> Question | None:
    """The next question to ask, or None when the interview should stop (remembered per evidence).

    ``screened`` counts the red-flag screening answers (checklists included), ``checklists`` the
    warning-sign checklists among them: the soft budget leaves out all checklists but the first."""
    key = (id(model), frozenset(ev.findings.items()), ev.asked, ev.age, ev.sex, asked_count, screened, checklists)
    if key in _CACHE:
        return _CACHE[key]
    q = _choose(model, ev, posterior, asked_count, screened, checklists)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = q
    return q


def _choose(
    model: Model, ev: Evidence, posterior: Array, asked_count: int, screened: int, checklists: int = 0
) -> Question | None:
    plan = interview_plan()
    if asked_count >= plan.settings.max_questions:
        return None
    now = triage(model, ev, posterior)
    if emergency_fired(now):
        return None
    checklist = _next_checklist(plan, ev)
    if checklist is not None:
        if plan.checklist(checklist).when.regions and _region_group_open(plan, ev):
            g = plan.group(plan.settings.region_group or "")
            choices = [(ch.id, ch.label) for ch in g.choices]
            return Question(g.id, g.question, g.why_ask, ["dont_know"], "group", choices=choices)
        cl = plan.checklist(checklist)
        intro = _screen_intro(plan, ev) if screened == 0 else None
        items = checklist_items(plan, ev, checklist)
        return Question(
            cl.id,
            cl.question,
            cl.why_ask,
            ["no", "dont_know"],
            "checklist",
            intro=intro,
            items=items,
            none_label=cl.none_label,
        )
    fired = {f.id for f in fired_red_flags(model, ev)}
    groups = _group_candidates(model, plan, ev, posterior)
    screens = _screen_candidates(model, plan, ev, posterior, fired, screened)
    gains = _gain_candidates(model, plan, ev, posterior, {c.key for c in screens})
    open_now = _flag_urgency(model, ev, fired)
    best: _Candidate | None = None
    best_value = -1.0
    for c in [*screens, *groups, *gains]:
        # warning-sign checklists after the first do not use up the soft budget: a story that
        # several checklists fit (neck, back, cramps) still gets the questions about its causes
        late = asked_count - max(0, checklists - 1) >= plan.settings.soft_budget
        v = _value(model, plan, ev, posterior, now, open_now, c, late)
        if c.reason == "red_flag_screen":
            v *= plan.settings.screen_weight
        elif c.reason == "information_gain" and _hard_to_tell(model, plan, c.key):
            v *= plan.settings.hard_to_tell_weight
        if v > best_value:
            best, best_value = c, v
    if best is None or best_value < plan.settings.stop_below_value:
        return None
    return _make(model, plan, ev, best, best_value, screened)


def _hard_to_tell(model: Model, plan: InterviewPlan, fid: str) -> bool:
    """Whether a person at home is unlikely to know the answer about ``fid``: an examination sign
    or a test result they do not see for themselves. Example: "tender muscles beside the spine"
    is hard to tell; "your head is tilted to one side" is seen in a mirror."""
    f = model.kb.findings[fid]
    return f.category in plan.settings.hard_to_tell_categories and fid not in plan.simulator.noticed_signs


def _make(model: Model, plan: InterviewPlan, ev: Evidence, c: _Candidate, value: float, screened: int) -> Question:
    if c.reason == "group":
        g = plan.group(c.key)
        choices = [(ch.id, ch.label) for ch in g.choices]
        return Question(g.id, g.question, g.why_ask, ["dont_know"], "group", choices=choices, value=round(value, 4))
    f = model.kb.findings[c.key]
    text = plan.sensitive_question(c.key) or f.question
    intro = _screen_intro(plan, ev) if c.reason == "red_flag_screen" and screened == 0 else None
    return Question(
        c.key,
        text,
        f.why_ask,
        list(f.answers),
        c.reason,
        c.red_flag,
        round(c.gain, 4),
        intro=intro,
        value=round(value, 4),
    )
