from __future__ import annotations

from pathlib import Path

import pytest

from nape.knowledge.loader import KnowledgeBase, default_kb
from nape.reasoning.model import Model, default_model

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return default_kb()


@pytest.fixture(scope="session")
def model() -> Model:
    return default_model()
