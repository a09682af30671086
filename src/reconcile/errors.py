"""The exception hierarchy of ``reconcile``.

Every error the library raises on bad input is a :class:`ReconcileError`. Each one
knows the *record* at fault (an index into the input, or a claim id) and the *field*,
and says both in its message, so a user can find the bad row in a file of millions.
"""

from __future__ import annotations

__all__ = [
    "DuplicateIdError",
    "InvalidClaimError",
    "InvalidLinkError",
    "InvalidRecordError",
    "InvalidSourceError",
    "OptionError",
    "ReconcileError",
    "SchemaError",
    "UnknownClaimError",
]


class ReconcileError(Exception):
    """Base class of every error ``reconcile`` raises on bad input.

    Parameters
    ----------
    reason : str
        What is wrong, in a few words.
    record : int or str, optional
        The record at fault: a position in the input or a claim id.
    field : str, optional
        The field (attribute, column or option) at fault.

    Examples
    --------
    >>> err = ReconcileError("must not be empty", record=3, field="source")
    >>> str(err)
    "record 3, field 'source': must not be empty"
    >>> err.with_record("claims.csv line 5").record
    'claims.csv line 5'
    """

    def __init__(
        self,
        reason: str,
        *,
        record: int | str | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.record = record
        self.field = field
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.record is not None:
            where.append(f"record {self.record}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def __str__(self) -> str:
        return self._message()

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (multiprocessing, dask): keep keyword state.
        return (_rebuild, (type(self), self.reason, self.record, self.field))

    def with_record(self, record: int | str) -> ReconcileError:
        """Return a copy of this error that names `record` (the field is kept)."""
        return type(self)(self.reason, record=record, field=self.field)


def _rebuild(
    cls: type[ReconcileError], reason: str, record: int | str | None, field: str | None
) -> ReconcileError:
    return cls(reason, record=record, field=field)


class InvalidRecordError(ReconcileError, ValueError):
    """A value object (claim, source or link) was given invalid data."""


class InvalidClaimError(InvalidRecordError):
    """A claim was given a missing, ill-typed or out-of-range field."""


class InvalidSourceError(InvalidRecordError):
    """A source was given invalid data, or one source id was given two descriptions."""


class InvalidLinkError(InvalidRecordError):
    """A link was given invalid data (a self-loop, an unknown relation, a bad confidence)."""


class DuplicateIdError(ReconcileError, ValueError):
    """Two different claims in one collection share an id."""


class UnknownClaimError(ReconcileError, LookupError):
    """A claim id was asked for that the collection does not hold."""

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message; keep it readable.
        return self._message()


class SchemaError(ReconcileError, ValueError):
    """An input file or table does not have the layout ``reconcile`` expects."""


class OptionError(ReconcileError, ValueError):
    """A keyword option was given a value it does not accept."""
