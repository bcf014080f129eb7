from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from nape.knowledge.loader import KnowledgeBase, default_kb
from nape.reasoning.model import Model, default_model

# Tests never touch the real user data directory (saved assessments, ask index).
os.environ["NAPE_DATA_DIR"] = tempfile.mkdtemp(prefix="nape-test-data-")
os.environ.pop("NAPE_DATABASE_URL", None)
# Starlette's test client sends "Host: testserver"; the server answers only to trusted hosts.
os.environ["NAPE_TRUSTED_HOSTS"] = "localhost,127.0.0.1,::1,testserver"

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return default_kb()


@pytest.fixture(scope="session")
def model() -> Model:
    return default_model()
