"""A feverish child with a stiff neck who cannot swallow: a deep neck abscess, not tetanus.

Tetanus needs a way in (a wound, a lapsed vaccination, an injection site): a story that tells
none of them weighs it by the knowledge base's unstated-cause factor, and a retropharyngeal
abscess commonly makes swallowing hard. With a dirty wound and lockjaw, tetanus leads.
"""

from __future__ import annotations

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


def test_a_feverish_toddler_who_cannot_swallow_has_an_abscess_before_tetanus() -> None:
    # a three-year-old, two days of fever, holds the neck stiff, can't swallow, a thick voice
    story = {
        "fever": True,
        "neck_stiffness": True,
        "speech_swallow_difficulty": True,
        "muffled_voice_or_noisy_breathing": True,
    }
    post = _posterior(story, age=3)
    assert post["retropharyngeal_abscess"] > post["tetanus"]
    assert max(post, key=post.__getitem__) == "retropharyngeal_abscess"


def test_lockjaw_after_a_dirty_wound_is_tetanus_first() -> None:
    # a gardener cut by a rusty tool ten days ago, now cannot open the jaw and the body spasms
    story = {
        "recent_wound": True,
        "trismus": True,
        "neck_stiffness": True,
        "generalised_painful_spasms": True,
        "fever": False,
    }
    post = _posterior(story, age=60)
    assert max(post, key=post.__getitem__) == "tetanus"
