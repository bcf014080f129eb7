"""Speech words, pain paths, chart shorthand for signs, bodies thrown and dated pasts
(tests/spec/signs_and_paths.yaml, session 13): "jumbled" is speech only when said of speech; a
pain's path goes to the site after "down"; a site's symptoms denied deny its finding; a reflex
"down" is reduced; a test done, then its result; XSLR; a body thrown or caught in a blast is
injured; a clause that says the thing lasts till now is not in a date's past; a healed injury
is no distracting injury; a heavy load lifted days ago is the recent strain; pain that comes in
waves with words between; a pain placed by the kidneys; a cough added to what makes the pain
worse; arms that won't rise to dress; the jaw's pain with sweat or effort; a chin said fine is no
head without headache; an illness made intense is no strain of life; a stiffness
said of the jaw too. One test per row;
controls must stay as they are (fields: tests/spec/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec import rows

ROWS = rows.load("signs_and_paths.yaml")
CLASSES = (
    "speech_word_needs_speech",
    "path_site_after_start",
    "site_symptoms_denied",
    "reflex_down",
    "test_then_result",
    "crossed_test_shorthand",
    "thrown_or_blast",
    "lasting_after_date",
    "old_injury_not_distracting",
    "recent_heavy_load",
    "waves_with_words_between",
    "pain_by_the_kidney",
    "cough_added_to_triggers",
    "arms_to_dress",
    "jaw_with_cardiac_context",
    "chin_not_head",
    "illness_not_strain",
    "stiff_jaw_coordinated",
)


@pytest.mark.parametrize("row", rows.params(ROWS))
def test_signs_and_paths(row: dict[str, Any]) -> None:
    rows.check(row)


def test_every_class_has_six_wordings_and_controls() -> None:
    rows.check_classes(ROWS, CLASSES)
