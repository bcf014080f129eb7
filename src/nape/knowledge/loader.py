"""Load and cross-check the knowledge base from ``knowledge/resources``.

A broken file gives an error naming the file, the entry and the problem::

    E101 conditions/meningitis.yaml: entry 'meningitis': findings.3.p: Input should be less than 1
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from nape.core.resources import read_yaml
from nape.core.resources import validate as _validate
from nape.errors import KnowledgeBaseError, KnowledgeReferenceError
from nape.knowledge.schema import (
    Condition,
    Finding,
    FindingFile,
    KnowledgeBaseMeta,
    RedFlag,
    RedFlagFile,
    Rule,
    Source,
    SourceFile,
)

RESOURCES = Path(__file__).parent / "resources"
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True, eq=False)  # hashed by identity (used as a cache key)
class KnowledgeBase:
    """Everything nape knows, validated and cross-referenced."""

    meta: KnowledgeBaseMeta
    sources: dict[str, Source]
    findings: dict[str, Finding]
    conditions: dict[str, Condition]
    red_flags: dict[str, RedFlag]
    content_hash: str
    files: tuple[str, ...] = field(default=())

    @property
    def version(self) -> str:
        """Semantic version plus a short content hash, e.g. ``1.0.0+3f2a9c1b``."""
        return f"{self.meta.version}+{self.content_hash[:8]}"


def _read_yaml(path: Path, root: Path) -> Any:
    return read_yaml(path, path.relative_to(root).as_posix())


def _entry_name(data: Any, index: int) -> str:
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return str(data["id"])
    return f"#{index}"


def _load_list(wrapper: type[BaseModel], key: str, item: type[M], path: Path, root: Path) -> list[M]:
    rel = path.relative_to(root).as_posix()
    data = _read_yaml(path, root)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise KnowledgeBaseError(f"{rel}: expected a mapping with a list under {key!r}")
    extra = set(data) - {key}
    if extra:
        raise KnowledgeBaseError(f"{rel}: unknown top-level keys {sorted(extra)}")
    return [_validate(item, entry, rel, _entry_name(entry, i)) for i, entry in enumerate(data[key])]


def _unique(items: Iterable[T], key: str, what: str, rel: str) -> dict[str, T]:
    out: dict[str, T] = {}
    for obj in items:
        ident = getattr(obj, key)
        if ident in out:
            raise KnowledgeBaseError(f"{rel}: {what} {ident!r} is defined twice")
        out[ident] = obj
    return out


def _check_rule(rule: Rule, findings: dict[str, Finding], where: str) -> None:
    for fid in rule.finding_ids():
        if fid not in findings:
            raise KnowledgeReferenceError(f"{where}: unknown finding {fid!r}")


def _check_sources(ids: Iterable[str], sources: dict[str, Source], where: str) -> None:
    for sid in ids:
        if sid not in sources:
            raise KnowledgeReferenceError(f"{where}: unknown source {sid!r}")


def _condition_source_ids(cond: Condition) -> list[str]:
    ids = list(cond.sources) + list(cond.see_whom.sources)
    for st in [*cond.workup.examination, *cond.workup.tests, *cond.workup.imaging, *cond.pitfalls]:
        ids += st.sources
    for step in cond.care_plan:
        ids += step.sources
    return ids


def _check_specialises(findings: dict[str, Finding]) -> None:
    """A finding's ``specialises`` names a known finding, and no chain loops back on itself."""
    for fid, f in findings.items():
        seen = {fid}
        parent = f.specialises
        while parent is not None:
            if parent not in findings:
                raise KnowledgeReferenceError(f"findings: {fid!r} specialises unknown finding {parent!r}")
            if parent in seen:
                raise KnowledgeReferenceError(f"findings: {fid!r} specialises a chain that loops ({parent!r})")
            seen.add(parent)
            parent = findings[parent].specialises


def _cross_check(
    sources: dict[str, Source],
    findings: dict[str, Finding],
    conditions: dict[str, Condition],
    red_flags: dict[str, RedFlag],
) -> None:
    _check_specialises(findings)
    for cid, cond in conditions.items():
        where = f"conditions/{cid}.yaml"
        for lk in cond.findings:
            if lk.finding not in findings:
                raise KnowledgeReferenceError(f"{where}: unknown finding {lk.finding!r}")
        listed = {lk.finding for lk in cond.findings}
        for fid in cond.exists_only_with:
            if fid not in listed:
                raise KnowledgeReferenceError(f"{where}: exists_only_with finding {fid!r} is not under findings")
        for esc in cond.triage.escalations:
            _check_rule(esc.when, findings, where)
        for fid in cond.triage.known_by:
            if fid not in findings:
                raise KnowledgeReferenceError(f"{where}: unknown known_by finding {fid!r}")
        _check_sources(_condition_source_ids(cond), sources, where)
    for fid, finding in findings.items():
        if finding.composite is not None:
            where = f"findings: {fid!r} composite"
            for other in finding.composite.finding_ids():
                if other not in findings or other == fid:
                    raise KnowledgeReferenceError(f"{where}: unknown or own finding {other!r}")
            _check_sources(finding.composite.sources, sources, where)
    for rid, flag in red_flags.items():
        where = f"red_flags.yaml: entry {rid!r}"
        for rule in [*flag.when, *([flag.relevant_when] if flag.relevant_when else [])]:
            _check_rule(rule, findings, where)
        for fid in flag.screen:
            if fid not in findings:
                raise KnowledgeReferenceError(f"{where}: unknown screen finding {fid!r}")
        for cid in flag.points_to:
            if cid not in conditions:
                raise KnowledgeReferenceError(f"{where}: unknown condition {cid!r}")
        _check_sources(flag.sources, sources, where)


def load(root: Path = RESOURCES) -> KnowledgeBase:
    """Read, validate and cross-check every knowledge-base file below ``root``."""
    paths = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.relative_to(root).as_posix().encode())
        digest.update(p.read_bytes())

    meta_path = root / "knowledge_base.yaml"
    if not meta_path.exists():
        raise KnowledgeBaseError("knowledge_base.yaml: missing")
    meta = _validate(KnowledgeBaseMeta, _read_yaml(meta_path, root), "knowledge_base.yaml")

    source_list: list[Source] = []
    for path in sorted((root / "sources").glob("*.yaml")):
        source_list += _load_list(SourceFile, "sources", Source, path, root)
    sources = _unique(source_list, "id", "source", "sources/")

    finding_list: list[Finding] = []
    for path in sorted((root / "findings").glob("*.yaml")):
        finding_list += _load_list(FindingFile, "findings", Finding, path, root)
    findings = _unique(finding_list, "id", "finding", "findings/")

    cond_list: list[Condition] = []
    for path in sorted((root / "conditions").glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        cond = _validate(Condition, _read_yaml(path, root), rel, path.stem)
        if cond.id != path.stem:
            raise KnowledgeBaseError(f"{rel}: id {cond.id!r} does not match the file name")
        cond_list.append(cond)
    conditions = _unique(cond_list, "id", "condition", "conditions/")

    flag_list = _load_list(RedFlagFile, "red_flags", RedFlag, root / "red_flags.yaml", root)
    red_flags = _unique(flag_list, "id", "red flag", "red_flags.yaml")

    _cross_check(sources, findings, conditions, red_flags)
    return KnowledgeBase(
        meta=meta,
        sources=sources,
        findings=findings,
        conditions=conditions,
        red_flags=red_flags,
        content_hash=digest.hexdigest(),
        files=tuple(p.relative_to(root).as_posix() for p in paths),
    )


@cache
def default_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return load(RESOURCES)
