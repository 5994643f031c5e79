"""Error kinds raised by library code; `cli/` maps each kind to an exit code and a message."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck reports to its user; the message says what and what to do."""

    exit_code = 1


class UsageError(FactcheckError):
    """An option value or argument combination that cannot be used."""

    exit_code = 2


class InputError(FactcheckError):
    """A document that cannot be read: missing, empty, binary, undecodable, too large, bad front matter."""

    exit_code = 3


class NotFound(FactcheckError):
    """A claim id, document or actor that is not in the database."""

    exit_code = 4


class StoreError(FactcheckError):
    """The database cannot be used: not a factcheck database, corrupt, newer schema."""

    exit_code = 5


class StoreLocked(StoreError):
    """Another process holds the write lock on the database for longer than the wait allows."""

    exit_code = 6


class VerifyError(FactcheckError):
    """`verify` found stored quotes or source files that no longer match."""

    exit_code = 7
