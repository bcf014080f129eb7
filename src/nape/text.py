"""Checks shared by every reader of a person's words (intake text, ``nape ask`` questions).

Example: ``as_text(b"stiff neck", TextInputError, "input")`` → ``"stiff neck"``;
``as_text(b"\\xff\\xfe", QuestionError, "question")`` raises ``E401 the question is binary …``.
"""

from __future__ import annotations

import unicodedata

from nape.errors import InputError

#: Longest typed age, in digits.
AGE_DIGITS = 3

CONTROL = ("Cc", "Cs", "Co")


def is_control(ch: str) -> bool:
    """A control, surrogate or private-use character other than a line break or tab."""
    return unicodedata.category(ch) in CONTROL and ch not in "\n\r\t"


def control_count(text: str) -> int:
    return sum(1 for ch in text if is_control(ch))


def as_text(value: object, error: type[InputError], noun: str) -> str:
    """``value`` as a str (UTF-8 bytes are decoded); anything else raises ``error``."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise error(f"the {noun} is binary data, not text; please type it in words") from exc
    if not isinstance(value, str):
        raise error(f"the {noun} must be text")
    return value


def parse_age(raw: str) -> int | None:
    """An age typed by a person (web form, CLI prompt): '' -> None, ' 59 ' -> 59.

    The one place typed ages are read: one to three decimal digits of any script ("٤٢" and
    "４２" are 42, as ``int`` reads them); anything else is a numbered error (E201). Not
    ``str.isdigit``: it also accepts "²", "③" and "①", which ``int`` refuses. The range is
    checked where the evidence is built.
    """
    age = raw.strip()
    if not age:
        return None
    if not (age.isdecimal() and len(age) <= AGE_DIGITS):
        raise InputError(f"age must be a whole number of years, for example 42 (not {age[:20]!r})")
    return int(age)
