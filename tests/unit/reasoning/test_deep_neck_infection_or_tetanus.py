"""A feverish child with a stiff neck who cannot swallow: a deep neck abscess, not tetanus.

Tetanus needs a way in (a wound, a lapsed vaccination, an injection site): a story that tells
none of them weighs it by the knowledge base's unstated-cause factor, and a retropharyngeal
abscess commonly makes swallowing hard. With a dirty wound and lockjaw, tetanus leads.
"""

from __future__ import annotations

import pytest

from nape.knowledge.loader import default_kb
from nape.reasoning.evidence import Evidence
from nape.reasoning.model import default_model

MODEL = default_model()
KB = default_kb()


def _posterior(findings: dict[str, bool], age: int) -> dict[str, float]:
    ev = Evidence.build(KB, findings, age=age, sex="male")
    return dict(zip(MODEL.conditions, (float(p) for p in MODEL.posterior(ev)), strict=True))


def test_tetanus_is_defined_by_a_way_in() -> None:
    assert set(KB.conditions["tetanus"].exists_only_with) == {"recent_wound", "not_vaccinated_tetanus", "iv_drug_use"}


def test_a_deep_neck_abscess_lists_difficulty_swallowing() -> None:
    listed = {lk.finding: lk.p for lk in KB.conditions["retropharyngeal_abscess"].findings}
    assert listed["speech_swallow_difficulty"] >= 0.25  # a common finding, never counted against it


# a three-year-old, two days of fever, holds the neck stiff, can't swallow, a thick voice
TODDLER = ("fever", "neck_stiffness", "speech_swallow_difficulty", "muffled_voice_or_noisy_breathing")
# a gardener cut by a rusty tool ten days ago, now cannot open the jaw and the body spasms
GARDENER = ("recent_wound", "trismus", "neck_stiffness", "generalised_painful_spasms")


@pytest.mark.parametrize(
    ("present", "age", "leader"),
    [(TODDLER, 3, "retropharyngeal_abscess"), (GARDENER, 60, "tetanus")],
    ids=["toddler_abscess", "wound_tetanus"],
)
def test_the_way_in_decides_between_abscess_and_tetanus(present: tuple[str, ...], age: int, leader: str) -> None:
    post = _posterior(dict.fromkeys(present, True), age=age)
    assert max(post, key=post.__getitem__) == leader
