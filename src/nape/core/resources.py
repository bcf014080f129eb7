"""Packaged data files read through strict pydantic models: one loader for every YAML resource.

A broken file is a numbered knowledge-base error naming the file, the entry and the problem::

    E101 fhir/resources/code_map.yaml: observations.0.loinc: Value error, not a LOINC code

Example::

    terms = load_validated(FhirTerms, "nape.fhir", "resources/fhir.yaml")
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from nape.errors import KnowledgeBaseError

#: libyaml's C parser when available (ten times faster), else the pure-Python safe loader.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictModel(BaseModel):
    """The base of every data-file schema: unknown keys are errors and loaded data is read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=BaseModel)


def read_yaml(resource: Traversable, label: str) -> Any:
    """The parsed YAML of a file (a path or a packaged resource); ``label`` names it in errors."""
    try:
        return yaml.load(resource.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{label}: cannot be read as YAML: {exc}") from exc


def validate(model: type[M], data: Any, label: str, entry: str | None = None) -> M:
    """``data`` as ``model``; every problem is listed in one numbered error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        where = f"entry {entry!r}: " if entry else ""
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors())
        raise KnowledgeBaseError(f"{label}: {where}{problems}") from exc


def read_validated(model: type[M], resource: Traversable, label: str) -> M:
    """A whole file validated as one ``model``."""
    return validate(model, read_yaml(resource, label), label)


def load_validated(model: type[M], package: str, name: str) -> M:
    """A packaged file (``name`` inside ``package``, e.g. ``resources/rules.yaml`` in ``nape.answers``)."""
    label = f"{package.removeprefix('nape.').replace('.', '/')}/{name}"
    return read_validated(model, files(package).joinpath(name), label)
