"""Numbered errors. Every message a user can see names its code, so it can be looked up.

Example: ``E101 knowledge/resources/conditions/meningitis.yaml: entry 'meningitis':
findings.3.p: Input should be less than 1``.
"""

from __future__ import annotations

from typing import ClassVar


class NapeError(Exception):
    """Base class: ``code`` is stable, ``message`` is for people; ``http_status`` is what the
    service answers with (a subclass inherits its parent's unless it names its own)."""

    code = "E000"
    http_status: ClassVar[int] = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code} {self.message}"

    def http_headers(self) -> dict[str, str]:
        """Extra response headers for this error (a Bearer challenge, Retry-After, ...)."""
        return {}


class KnowledgeBaseError(NapeError):
    """A knowledge-base file is unreadable, does not match the schema, or refers to nothing."""

    code = "E101"


class IntakeResourceError(KnowledgeBaseError):
    """An intake rule or lexicon file (src/nape/intake/resources) is unreadable or does not match its schema."""

    code = "E110"


class KnowledgeReferenceError(KnowledgeBaseError):
    """An id named in one file (finding, source, condition) is not defined anywhere."""

    code = "E102"


class InputError(NapeError):
    """Bad input from a person or a client: unknown finding, impossible age, unreadable text."""

    code = "E201"
    http_status: ClassVar[int] = 422


class UnknownFindingError(InputError):
    code = "E202"


class UnknownConditionError(InputError):
    code = "E203"
    http_status: ClassVar[int] = 404


class TextInputError(InputError):
    """Text that is empty, too long, binary or otherwise unreadable."""

    code = "E204"


class InterviewFullError(InputError):
    """An interview already holds as many answers as it asks questions; Back frees one (422)."""

    code = "E205"


class TextBudgetError(TextInputError):
    """Reading a text took more CPU time than the service allows one text (``NAPE_TEXT_BUDGET_S``);
    it was stopped, nothing was saved, and the service answers 422. Ordinary texts take a small
    share of the budget; long runs of repeated words or symbols are what exceed it."""

    code = "E206"


class TextReaderBusyError(NapeError):
    """The service is reading other long texts and could not start (or finish) this one within
    ``NAPE_TEXT_WAIT_S``; nothing was saved. It answers 503 with ``Retry-After``: try again."""

    code = "E207"
    http_status: ClassVar[int] = 503
    #: Seconds a client should wait before retrying.
    retry_after: ClassVar[int] = 5

    def http_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class CaseFileError(InputError):
    """An evaluation case file that is not JSON Lines in the case format."""

    code = "E301"


class StoreError(NapeError):
    """A problem with saved interviews or accounts."""

    code = "E500"


class StoreUnavailableError(StoreError):
    """The database cannot be reached; nothing already saved is lost. The service answers 503."""

    code = "E501"
    http_status: ClassVar[int] = 503


class StoreBusyError(StoreUnavailableError):
    """Another writer held the database's lock for longer than nape waits and retries; nothing
    was changed. The service answers 503 with ``Retry-After``: busy, try again."""

    code = "E505"
    #: Seconds a client should wait before retrying.
    retry_after: ClassVar[int] = 1

    def http_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class NotFoundError(StoreError):
    """No saved interview with this id that the caller may see (the service answers 404)."""

    code = "E502"
    http_status: ClassVar[int] = 404


class ConflictError(StoreError):
    """The interview changed since it was read (another worker saved first); read it again."""

    code = "E503"
    http_status: ClassVar[int] = 409


class AuthError(StoreError):
    """A missing or unknown clinician token (the service answers 401)."""

    code = "E504"
    http_status: ClassVar[int] = 401

    def http_headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class QuestionError(InputError):
    """A question for ``nape ask`` that is empty, too long or not text."""

    code = "E401"


class IndexFileError(NapeError):
    """The stored index of ingested documents is damaged or unreadable."""

    code = "E402"
    http_status: ClassVar[int] = 503


class IngestError(InputError):
    """A file given to ``nape ingest`` that is missing, binary, too large or of another type."""

    code = "E403"


class ScreenInputError(InputError):
    """An input to ``nape screen`` that is missing, of an unknown type or lacks a named column."""

    code = "E601"


class ScreenRunError(NapeError):
    """``nape screen`` cannot go on: a work directory from another job, an unreachable cluster."""

    code = "E602"


class WebSecurityError(NapeError):
    """A request refused to protect the people using the service (wrong host, another site's form)."""

    code = "E700"
    http_status: ClassVar[int] = 403


class CrossSiteError(WebSecurityError):
    """A state-changing request sent by another site's page (its Origin, Referer or Sec-Fetch-Site)."""

    code = "E701"


class UntrustedHostError(WebSecurityError):
    """A request whose Host header is not one of the trusted hosts (``NAPE_TRUSTED_HOSTS``)."""

    code = "E702"
    http_status: ClassVar[int] = 400
