"""Typed ages are read in one validated place: characters that ``str.isdigit`` accepts and ``int``
refuses ("²", "③", "①") give the numbered error on the form, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nape.errors import InputError
from nape.server.app import create_app
from nape.store import Store
from nape.text import parse_age

ODD_AGES = ["²", "③", "①", "4²", "⁴²", "12.5", "-3", "1e2", "0x1", "4 2", "1234", "\u00a0"]


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store(f"sqlite:///{tmp_path}/age.db")
    yield TestClient(create_app(store))
    store.dispose()


@pytest.mark.parametrize("age", ODD_AGES)
@pytest.mark.parametrize("route", ["/start", "/assess"])
def test_odd_age_on_the_form_is_a_numbered_error(client: TestClient, route: str, age: str) -> None:
    r = client.post(route, data={"text": "stiff neck since this morning", "age": age}, follow_redirects=False)
    if not age.strip():  # a blank age is simply not given
        assert r.status_code == 303
        return
    assert r.status_code == 422, r.text[:300]
    assert "E201" in r.text and "age must be a whole number" in r.text


@pytest.mark.parametrize("age", ["²", "③", "①", "⑴", "𝟐x"])
def test_parse_age_refuses_digits_int_cannot_read(age: str) -> None:
    with pytest.raises(InputError, match="whole number"):
        parse_age(age)


def test_parse_age_reads_decimal_digits_of_any_script() -> None:
    assert parse_age(" 59 ") == 59 and parse_age("") is None and parse_age("7") == 7
    assert parse_age("٤٢") == 42 and parse_age("１２") == 12
