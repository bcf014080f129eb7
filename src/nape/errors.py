"""Numbered errors. Every message a user can see names its code, so it can be looked up.

Example: ``E101 knowledge/resources/conditions/meningitis.yaml: entry 'meningitis':
findings.3.p: Input should be less than 1``.
"""

from __future__ import annotations


class NapeError(Exception):
    """Base class: ``code`` is stable, ``message`` is for people."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


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


class UnknownFindingError(InputError):
    code = "E202"


class UnknownConditionError(InputError):
    code = "E203"


class TextInputError(InputError):
    """Text that is empty, too long, binary or otherwise unreadable."""

    code = "E204"


class CaseFileError(InputError):
    """An evaluation case file that is not JSON Lines in the case format."""

    code = "E301"


class StoreError(NapeError):
    """A problem with saved interviews or accounts."""

    code = "E500"


class StoreUnavailableError(StoreError):
    """The database cannot be reached; nothing already saved is lost. The service answers 503."""

    code = "E501"


class NotFoundError(StoreError):
    """No saved interview with this id that the caller may see (the service answers 404)."""

    code = "E502"


class ConflictError(StoreError):
    """The interview changed since it was read (another worker saved first); read it again."""

    code = "E503"


class AuthError(StoreError):
    """A missing or unknown clinician token (the service answers 401)."""

    code = "E504"


class QuestionError(InputError):
    """A question for ``nape ask`` that is empty, too long or not text."""

    code = "E401"


class IndexFileError(NapeError):
    """The stored index of ingested documents is damaged or unreadable."""

    code = "E402"


class IngestError(InputError):
    """A file given to ``nape ingest`` that is missing, binary, too large or of another type."""

    code = "E403"
