"""The last tetanus jab read against the date the text is read on (numbers.yaml vaccine_cover)."""

from __future__ import annotations

from datetime import date

from nape.intake import parse
from nape.intake.schema import numbers_file
from nape.knowledge.loader import default_kb


def _tetanus(text: str, today: date) -> bool | None:
    got = {m.finding: m.present for m in parse(text, today=today).mentions}
    return got.get("not_vaccinated_tetanus")


def test_a_dated_jab_is_cover_until_the_interval_has_passed() -> None:
    cover = numbers_file().vaccine_cover
    assert cover is not None
    text = "stood on a nail; tetanus booster in 2016"
    years = int(cover.cover_years)
    assert _tetanus(text, date(2016 + years - 1, 6, 1)) is False  # within the interval
    assert _tetanus(text, date(2016 + years + 1, 6, 1)) is True  # lapsed


def test_a_time_ago_does_not_depend_on_the_date() -> None:
    for today in (date(2026, 1, 1), date(2041, 7, 15)):
        assert _tetanus("had a tetanus jab 4 years ago", today) is False
        assert _tetanus("had a tetanus jab 25 years ago", today) is True


def test_a_year_in_the_future_or_far_back_is_not_a_jab_date() -> None:
    assert _tetanus("tetanus booster due 2031", date(2026, 1, 1)) is None
    assert _tetanus("tetanus case number 1066", date(2026, 1, 1)) is None


def test_the_interval_is_cited_to_a_source_of_the_knowledge_base() -> None:
    cover = numbers_file().vaccine_cover
    assert cover is not None
    kb = default_kb()
    assert cover.source in kb.sources
    assert cover.finding in kb.findings
