"""Every error crosstally raises on purpose, named for its condition.

The CLI turns these into a one-line message and an exit code; the API into one JSON
error shape. Each carries the place it concerns (a file, a line) when there is one.
"""

from __future__ import annotations


class CrosstallyError(Exception):
    """Base of every error crosstally raises for a user to act on."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def where(self) -> str:
        """`file:line` or `file`, or empty when the error has no place."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        place = self.where()
        text = f"{place}: {self.message}" if place else self.message
        return f"{text} ({self.hint})" if self.hint else text


class DocumentError(CrosstallyError):
    """A document could not be read; the rest of the batch goes on."""


class BinaryDocumentError(DocumentError):
    """The file holds binary data, not text."""


class EmptyDocumentError(DocumentError):
    """The file or record holds no text."""


class DocumentTooLargeError(DocumentError):
    """The document is larger than the configured limit."""


class UndecodableDocumentError(DocumentError):
    """The bytes decode in no known text encoding."""


class MalformedRecordError(DocumentError):
    """A JSON Lines or CSV record is not well-formed or lacks its text."""


class UnsupportedFormatError(DocumentError):
    """The file's type is not one crosstally reads."""


class InputNotFoundError(CrosstallyError):
    """A path given on the command line does not exist."""

    exit_code = 2


class InvalidOptionError(CrosstallyError):
    """An option value (a date, a format, a limit) is not valid."""

    exit_code = 2


class ModelNotAvailableError(CrosstallyError):
    """The spaCy English pipeline is not installed."""

    exit_code = 3


class GoldFileError(CrosstallyError):
    """A gold file is malformed or names a mention its document lacks."""


class LedgerError(CrosstallyError):
    """The ledger database cannot be used as asked."""


class LedgerLockedError(LedgerError):
    """Another process is writing to the ledger."""

    exit_code = 4


class LedgerVersionError(LedgerError):
    """The ledger was written by an incompatible crosstally version."""


class NotFoundError(CrosstallyError):
    """A document, claim, measure or source asked for does not exist."""


class ReadOnlyError(CrosstallyError):
    """A write was asked of a server started with --read-only."""


class TokenRequiredError(CrosstallyError):
    """A write came without the token the server requires."""


class UploadTooLargeError(DocumentError):
    """An upload is larger than the server accepts."""


class ExtractionError(CrosstallyError):
    """Extraction failed on one document (a bug or an input the rules cannot handle)."""


class LexiconError(CrosstallyError):
    """A language table is malformed: a duplicate or conflicting key, a missing column."""


class MissingInputError(DocumentError):
    """A path among the inputs does not exist; it is reported and the batch goes on."""


class OutputDirectoryMissingError(InvalidOptionError):
    """`-o` names a file in a directory that does not exist (checked before any work)."""


class LedgerDamagedError(LedgerError):
    """The ledger file is truncated, corrupt or not a crosstally ledger at all."""

    exit_code = 5


class InvalidRequestBodyError(CrosstallyError):
    """A request body is not UTF-8, not JSON, or not the shape the endpoint expects."""


class UnsupportedMediaTypeError(CrosstallyError):
    """A write came with a content type the endpoint does not accept."""


class CrossSiteRequestError(CrosstallyError):
    """A write came from another origin, or a form post without its CSRF token."""


class QueueFullError(CrosstallyError):
    """The server's extraction queue is full; the client should retry later."""

    def __init__(self, message: str, *, retry_after: int = 5, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


class LedgerStaleError(LedgerError):
    """A ledger's reconciliation is missing or from another crosstally version."""
