"""Reading tables that need no checks of their own beyond tests/spec/rows.py: one test per row,
and each table's classes each have six wordings or more and a control. A table with checks of
its own (the words as written, a field of its own) keeps its own module.

Tables (what each is about: tests/spec/README.md):
  * blows_and_states.yaml - a headache arriving like a blow, a tired person, a limb that goes
    into cramp, a weepy wound;
  * sites_and_tasks.yaml - "at the back" of the neck or of another part, an arms-up task told
    by the hair.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

TABLES: dict[str, tuple[str, ...]] = {
    "blows_and_states.yaml": ("headache_arrives_as_blow", "person_tired", "goes_into_cramp", "weepy_wound"),
    "sites_and_tasks.yaml": ("at_the_back_of_what", "hair_task_arms_up"),
}
ROWS = {name: rows.load(name) for name in TABLES}


@pytest.mark.parametrize("row", [p for name in TABLES for p in rows.params(ROWS[name])])
def test_reading_row(row: dict[str, Any]) -> None:
    rows.check(row)


@pytest.mark.parametrize("name", list(TABLES))
def test_every_class_has_six_wordings_and_controls(name: str) -> None:
    rows.check_classes(ROWS[name], TABLES[name])
