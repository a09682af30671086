"""The value objects of ``reconcile``: claims, sources and links.

All of them are frozen attrs classes, validated when they are built: an object that
exists is a valid one. Bad data raises an :class:`~reconcile.errors.InvalidRecordError`
subclass that names the field at fault.

Examples
--------
>>> c = Claim("Talks made progress", source="US envoy", via=("Twitter", "RFE/RL"))
>>> c.source.id, c.via, c.stance
('US envoy', ('Twitter', 'RFE/RL'), <Stance.ASSERTS: 'asserts'>)
>>> c.id == Claim("Talks made progress", source="US envoy", via=("Twitter", "RFE/RL")).id
True
>>> Claim(subject="isbn:0131103628", predicate="authors", value=["Kernighan", "Ritchie"],
...       source="store-17").value
('Kernighan', 'Ritchie')
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, TypeAlias, TypeVar

import attrs

from reconcile.errors import InvalidClaimError, InvalidLinkError, InvalidSourceError

__all__ = [
    "MAX_META_DEPTH",
    "Claim",
    "Link",
    "Relation",
    "Scalar",
    "Source",
    "SourceKind",
    "Stance",
    "Value",
]

Scalar: TypeAlias = str | int | float | bool
"""One structured value: a string, a number or a boolean."""

Value: TypeAlias = Scalar | tuple[Scalar, ...]
"""A structured value: a scalar, or a tuple of scalars for multi-valued predicates."""

MAX_META_DEPTH = 16
"""How deeply ``meta`` may nest; deeper (or cyclic) structures are refused."""

_E = TypeVar("_E", bound=enum.Enum)


class Stance(str, enum.Enum):
    """A source's attitude toward the proposition its claim states.

    ``ASSERTS``: it is so. ``DENIES``: it is not so. ``HEDGED``: it is reported
    without endorsement ("reportedly", "sources say").
    """

    ASSERTS = "asserts"
    DENIES = "denies"
    HEDGED = "hedged"

    def __str__(self) -> str:
        return self.value


class SourceKind(str, enum.Enum):
    """What kind of origin a source is."""

    PERSON = "person"
    OUTLET = "outlet"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class Relation(str, enum.Enum):
    """How two linked claims bear on each other."""

    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"

    def __str__(self) -> str:
        return self.value


# Spellings users reach for; each maps to the one canonical member.
_STANCE_ALIASES = {
    "assert": Stance.ASSERTS,
    "deny": Stance.DENIES,
    "hedge": Stance.HEDGED,
    "hedged-report": Stance.HEDGED,
    "hedged_report": Stance.HEDGED,
}
_KIND_ALIASES = {"organization": SourceKind.ORGANISATION, "org": SourceKind.ORGANISATION}
_RELATION_ALIASES = {"corroborate": Relation.CORROBORATES, "contradict": Relation.CONTRADICTS}


def _to_member(
    value: object,
    enum_cls: type[_E],
    aliases: Mapping[str, _E],
    field: str,
    error: type[InvalidClaimError] | type[InvalidSourceError] | type[InvalidLinkError],
) -> _E:
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        key = value.strip().lower()
        for member in enum_cls:
            if member.value == key:
                return member
        if key in aliases:
            return aliases[key]
    allowed = ", ".join(repr(m.value) for m in enum_cls)
    raise error(f"must be one of {allowed}, got {_show(value)}", field=field)


def _to_stance(value: object) -> Stance:
    return _to_member(value, Stance, _STANCE_ALIASES, "stance", InvalidClaimError)


def _to_kind(value: object) -> SourceKind:
    return _to_member(value, SourceKind, _KIND_ALIASES, "kind", InvalidSourceError)


def _to_relation(value: object) -> Relation:
    return _to_member(value, Relation, _RELATION_ALIASES, "relation", InvalidLinkError)


def _show(value: object, limit: int = 60) -> str:
    """A short, safe rendering of a bad value for an error message."""
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not mask the real error
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_text(
    value: object, field: str, error: type[InvalidClaimError] | type[InvalidSourceError]
) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise error(f"must be a string, got {type(value).__name__}", field=field)
    if not value.strip():
        raise error("must not be empty or blank", field=field)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            # a lone surrogate (from bytes decoded with 'surrogateescape', or broken
            # JSON escapes) could never be written out again
            raise error(f"is not valid Unicode text (position {err.start})", field=field) from None
    return value


# attrs' mypy plugin understands only named converters, hence one small function per field.
def _claim_text(value: object) -> str | None:
    return _check_text(value, "text", InvalidClaimError)


def _claim_subject(value: object) -> str | None:
    return _check_text(value, "subject", InvalidClaimError)


def _claim_predicate(value: object) -> str | None:
    return _check_text(value, "predicate", InvalidClaimError)


def _claim_document(value: object) -> str | None:
    return _check_text(value, "document", InvalidClaimError)


def _source_id(value: object) -> str:
    checked = _check_text(value, "id", InvalidSourceError)
    if checked is None:
        raise InvalidSourceError("is required", field="id")
    return checked


def _source_name(value: object) -> str | None:
    return _check_text(value, "name", InvalidSourceError)


def _to_via(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    # a tuple or list is found before the slow abstract tests: every claim passes here
    if not isinstance(value, (tuple, list)) and (
        isinstance(value, Mapping) or not isinstance(value, Iterable)
    ):
        raise InvalidClaimError(
            f"must be a sequence of outlet names, got {type(value).__name__}", field="via"
        )
    outlets = []
    for i, outlet in enumerate(value):
        if not isinstance(outlet, str):
            raise InvalidClaimError(
                f"outlet {i} must be a string, got {type(outlet).__name__}", field="via"
            )
        stripped = outlet.strip()
        if not stripped:
            raise InvalidClaimError(f"outlet {i} must not be empty", field="via")
        outlets.append(stripped)
    return tuple(outlets)


def _check_scalar(value: object, field: str) -> Scalar:
    # bool is an int subclass: accept it as itself, never as a number.
    if isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidClaimError(f"must be finite, got {value!r}", field=field)
        return value
    raise InvalidClaimError(
        f"must be a string, number or boolean, got {type(value).__name__}", field=field
    )


def _to_value(value: object) -> Value | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            # sets have no order of their own; sort so the id does not depend on hashing
            items = sorted(items, key=lambda v: (type(v).__name__, str(v)))
        if not items:
            raise InvalidClaimError("must not be an empty sequence", field="value")
        return tuple(_check_scalar(v, "value") for v in items)
    if isinstance(value, str) and not value.strip():
        raise InvalidClaimError("must not be empty or blank", field="value")
    return _check_scalar(value, "value")


def _to_time(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidClaimError(
                f"is not an ISO 8601 date-time: {_show(value)}", field="time"
            ) from None
    if not isinstance(value, datetime):
        raise InvalidClaimError(
            f"must be a datetime or ISO 8601 string, got {type(value).__name__}", field="time"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidClaimError(
            "must be timezone-aware (naive datetimes are ambiguous across sources)",
            field="time",
        )
    return value


_PLAIN = frozenset({str, int, bool, type(None)})


def _path(parts: tuple[str | int, ...]) -> str:
    return "meta" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _freeze(value: object, parts: tuple[str | int, ...]) -> Any:
    # the path is kept as parts and spelled out only in an error: freezing is on the
    # path of every claim made, so exact types are tested before the abstract ones
    # (an isinstance test against Mapping is slow)
    kind = type(value)
    if kind in _PLAIN:
        return value
    container = kind is dict or kind is tuple or kind is list
    if not container and isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidClaimError(f"holds a non-finite number at {_path(parts)}", field="meta")
        return value
    if len(parts) > MAX_META_DEPTH:
        raise InvalidClaimError(
            f"nests deeper than {MAX_META_DEPTH} levels (or is cyclic) at {_path(parts)}",
            field="meta",
        )
    if kind is tuple or kind is list:
        items: tuple[Any, ...] | list[Any] = value  # type: ignore[assignment]
        if _PLAIN.issuperset(map(type, items)):
            return items if kind is tuple else tuple(items)
        if all(type(item) is tuple and _PLAIN.issuperset(map(type, item)) for item in items):
            return items if kind is tuple else tuple(items)  # spans: flat tuples, no call each
        return tuple([item if type(item) in _PLAIN else _freeze(item, (*parts, i))
                      for i, item in enumerate(items)])  # fmt: skip
    if isinstance(value, (dict, Mapping)):  # a dict is found before the slow abstract test
        frozen = {}
        for key, item in value.items():
            if type(key) is not str and not isinstance(key, str):
                raise InvalidClaimError(
                    f"keys must be strings, got {type(key).__name__} at {_path(parts)}",
                    field="meta",
                )
            item_kind = type(item)
            if item_kind in _PLAIN or (item_kind is tuple and _PLAIN.issuperset(map(type, item))):
                frozen[key] = item  # plain, or a flat tuple (a span): no call needed
            else:
                frozen[key] = _freeze(item, (*parts, key))
        return MappingProxyType(frozen)
    if isinstance(value, (str, int)):  # subclasses: str enums, int flags
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item, (*parts, i)) for i, item in enumerate(value))
    raise InvalidClaimError(
        f"values must be JSON-like (str, number, bool, None, list, mapping), "
        f"got {type(value).__name__} at {_path(parts)}",
        field="meta",
    )


def _to_meta(value: object) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if type(value) is not dict and not isinstance(value, Mapping):
        raise InvalidClaimError(f"must be a mapping, got {type(value).__name__}", field="meta")
    frozen: Mapping[str, Any] = _freeze(value, ())
    return frozen


def _to_prior(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidSourceError(f"must be a number, got {type(value).__name__}", field="prior")
    prior = float(value)
    if not 0.0 < prior < 1.0:
        raise InvalidSourceError(f"must lie strictly between 0 and 1, got {prior!r}", field="prior")
    return prior


@attrs.frozen
class Source:
    """The origin of claims: a person, an outlet, an organisation.

    Parameters
    ----------
    id : str
        The identifier claims refer to.
    name : str, optional
        A display name; defaults to `id`.
    kind : SourceKind or str
        ``person``, ``outlet``, ``organisation``, ``anonymous`` or ``unknown``.
    prior : float, optional
        Prior trust, strictly between 0 and 1; None leaves it to the scoring method.

    Examples
    --------
    >>> Source("afp", name="Agence France-Presse", kind="outlet", prior=0.8).name
    'Agence France-Presse'
    >>> Source("x", prior=1.5)
    Traceback (most recent call last):
    ...
    reconcile.errors.InvalidSourceError: field 'prior': must lie strictly between 0 and 1, got 1.5
    """

    id: str = attrs.field(converter=_source_id)
    name: str = attrs.field(
        default=None,
        converter=_source_name,
        kw_only=True,
    )
    kind: SourceKind = attrs.field(
        default=SourceKind.UNKNOWN,
        converter=_to_kind,
        kw_only=True,
    )
    prior: float | None = attrs.field(default=None, converter=_to_prior, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.name is None:
            object.__setattr__(self, "name", self.id)

    @property
    def is_bare(self) -> bool:
        """True when nothing but the id was given (a bare name in a claim)."""
        return self.name == self.id and self.kind is SourceKind.UNKNOWN and self.prior is None

    def __str__(self) -> str:
        return self.name


@functools.lru_cache(maxsize=1 << 18)
def _bare_source(name: str) -> Source:
    # Sources are frozen, so the claims of one source named by a string can share one
    # object: less memory, and graphs merge their sources by identity first
    return Source(name)


def _to_source(value: object) -> Source:
    if isinstance(value, Source):
        return value
    if value is None:
        raise InvalidClaimError("is required: who makes this statement?", field="source")
    if isinstance(value, str):
        try:
            return _bare_source(value)
        except InvalidSourceError as err:
            raise InvalidClaimError(err.reason, field="source") from None
    raise InvalidClaimError(
        f"must be a string or Source, got {type(value).__name__}", field="source"
    )


def _to_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidClaimError(f"must be a string, got {type(value).__name__}", field="id")
    if not value.strip():
        raise InvalidClaimError("must not be empty or blank", field="id")
    return value


_ID_VERSION = 1
# one encoder for every id: json.dumps with options builds a new one per call; what it
# encodes is a flat list built here, so the check for cycles is only cost
_ID_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


@attrs.frozen(repr=False)
class Claim:
    """One statement by one source about the world.

    Parameters
    ----------
    text : str, optional
        The proposition as the source put it. Optional when the structured form
        (`subject`, `predicate`, `value`) is given.
    source : str or Source
        Who asserts it (the origin, not the outlet that published it). Required.
    via : sequence of str
        The outlets that relayed it, nearest the source first, publisher last.
    subject, predicate : str, optional
        The structured form: what the claim is about and which attribute it states.
    value : str, number, bool or sequence of them, optional
        The structured value; a sequence for multi-valued predicates (author lists).
    stance : Stance or str
        ``asserts`` (default), ``denies`` or ``hedged``.
    time : datetime or ISO 8601 str, optional
        When it was stated; must be timezone-aware.
    document : str, optional
        The article id or URL it came from.
    id : str, optional
        A unique id. When omitted, a stable id is derived from the content: the same
        claim gets the same id in every process (``meta`` does not enter it).
    meta : mapping, optional
        Anything else, JSON-like; stored read-only.

    Examples
    --------
    >>> c = Claim("Reports of a cease-fire are not true", source="spokesman",
    ...           time="2026-03-01T10:00:00+00:00")
    >>> c.time.isoformat()
    '2026-03-01T10:00:00+00:00'
    >>> c.id
    'c-...'
    >>> Claim("", source="x")
    Traceback (most recent call last):
    ...
    reconcile.errors.InvalidClaimError: field 'text': must not be empty or blank
    """

    text: str | None = attrs.field(default=None, converter=_claim_text)
    source: Source = attrs.field(default=None, kw_only=True, converter=_to_source)
    via: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_to_via)
    subject: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_claim_subject,
    )
    predicate: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_claim_predicate,
    )
    value: Value | None = attrs.field(default=None, kw_only=True, converter=_to_value)
    stance: Stance = attrs.field(
        default=Stance.ASSERTS,
        kw_only=True,
        converter=_to_stance,
    )
    time: datetime | None = attrs.field(default=None, kw_only=True, converter=_to_time)
    document: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_claim_document,
    )
    id: str = attrs.field(default=None, kw_only=True, converter=_to_id)
    # A mapping proxy is not hashable; claims hash on everything else.
    meta: Mapping[str, Any] = attrs.field(
        factory=dict, kw_only=True, converter=_to_meta, hash=False
    )

    def __attrs_post_init__(self) -> None:
        structured = (self.subject, self.predicate, self.value)
        if any(part is not None for part in structured):
            for name, part in zip(("subject", "predicate", "value"), structured):
                if part is None:
                    raise InvalidClaimError(
                        "is required when any of subject/predicate/value is given",
                        record=self.id,
                        field=name,
                    )
        elif self.text is None:
            raise InvalidClaimError(
                "is required when no structured form (subject/predicate/value) is given",
                record=self.id,
                field="text",
            )
        if self.id is None:
            object.__setattr__(self, "id", self.derived_id())

    def __repr__(self) -> str:
        # Show what was given, not every default: claims are printed by the thousand.
        parts = [repr(self.text)] if self.text is not None else []
        parts.append(f"source={self.source.id!r}")
        for name in ("via", "subject", "predicate", "value", "time", "document"):
            value = getattr(self, name)
            if value not in (None, ()):
                parts.append(f"{name}={value!r}")
        if self.stance is not Stance.ASSERTS:
            parts.append(f"stance={self.stance.value!r}")
        parts.append(f"id={self.id!r}")
        if self.meta:
            parts.append(f"meta={dict(self.meta)!r}")
        return f"Claim({', '.join(parts)})"

    def derived_id(self) -> str:
        """The id derived from this claim's content (ignoring `id` and `meta`).

        A SHA-256 over a canonical JSON form, so it is the same in every process
        and on every platform, whatever ``PYTHONHASHSEED`` is.
        """
        content = [
            _ID_VERSION,
            self.text,
            self.source.id,
            list(self.via),
            self.subject,
            self.predicate,
            list(self.value) if isinstance(self.value, tuple) else self.value,
            self.stance.value,
            self.time.isoformat() if self.time is not None else None,
            self.document,
        ]
        blob = _ID_JSON.encode(content)
        return "c-" + hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    @property
    def key(self) -> tuple[str, str] | None:
        """The (subject, predicate) question of a structured claim, else None."""
        if self.subject is None or self.predicate is None:
            return None
        return (self.subject, self.predicate)

    @property
    def is_structured(self) -> bool:
        """True when the claim has a subject/predicate/value form."""
        return self.subject is not None

    @property
    def publisher(self) -> str:
        """The outlet the claim reached us through last (the source itself if direct)."""
        return self.via[-1] if self.via else self.source.id

    def replace(self, **changes: Any) -> Claim:
        """Return a copy with `changes` applied.

        A derived id is derived anew from the new content; a given id is kept
        unless `changes` gives another.

        Examples
        --------
        >>> a = Claim("It rained", source="x")
        >>> b = a.replace(stance="denies")
        >>> b.stance.value, b.id != a.id
        ('denies', True)
        """
        if "id" not in changes and self.id == self.derived_id():
            changes["id"] = None
        return attrs.evolve(self, **changes)

    def describe(self) -> str:
        """The proposition as one line of text (text, else ``subject predicate = value``)."""
        if self.text is not None:
            return self.text
        value = "; ".join(map(str, self.value)) if isinstance(self.value, tuple) else self.value
        return f"{self.subject} {self.predicate} = {value}"


def _to_confidence(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidLinkError(f"must be a number, got {type(value).__name__}", field="confidence")
    confidence = float(value)
    if not 0.0 <= confidence <= 1.0:  # also refuses NaN
        raise InvalidLinkError(f"must lie in [0, 1], got {confidence!r}", field="confidence")
    return confidence


def _to_reasons(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, Iterable):
        raise InvalidLinkError(
            f"must be a sequence of strings, got {type(value).__name__}", field="reasons"
        )
    reasons = tuple(value)
    for reason in reasons:
        if not isinstance(reason, str):
            raise InvalidLinkError(
                f"must hold strings, got {type(reason).__name__}", field="reasons"
            )
    return reasons


def _check_claim_id(value: object, field: str) -> str:
    if isinstance(value, Claim):
        return value.id
    if not isinstance(value, str) or not value:
        raise InvalidLinkError(f"must be a claim or claim id, got {_show(value)}", field=field)
    return value


def _link_a(value: object) -> str:
    return _check_claim_id(value, "a")


def _link_b(value: object) -> str:
    return _check_claim_id(value, "b")


@attrs.frozen
class Link:
    """An edge between two claims: they corroborate or contradict each other.

    A link is undirected: its endpoints are stored in sorted order, so
    ``Link(a, b, ...) == Link(b, a, ...)``.

    Parameters
    ----------
    a, b : str or Claim
        The two claims (or their ids).
    relation : Relation or str
        ``corroborates`` or ``contradicts``.
    confidence : float
        The linker's certainty in the relation, in [0, 1] (not the truth of either claim).
    reasons : sequence of str
        Short human-readable reasons ("negation: 'not true'").
    hedged : bool
        True when either claim is a hedged report, which weakens the link.

    Examples
    --------
    >>> Link("c-2", "c-1", "contradicts", 0.8, reasons=["numbers differ: 17 vs 18"])
    Link(a='c-1', b='c-2', relation=<Relation.CONTRADICTS: 'contradicts'>, confidence=0.8, \
reasons=('numbers differ: 17 vs 18',), hedged=False)
    """

    a: str = attrs.field(converter=_link_a)
    b: str = attrs.field(converter=_link_b)
    relation: Relation = attrs.field(converter=_to_relation)
    confidence: float = attrs.field(default=1.0, converter=_to_confidence)
    reasons: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_to_reasons)
    hedged: bool = attrs.field(default=False, kw_only=True, converter=bool)

    def __attrs_post_init__(self) -> None:
        if self.a == self.b:
            raise InvalidLinkError(f"a claim cannot link to itself ({self.a!r})", field="b")
        if self.b < self.a:
            a, b = self.b, self.a
            object.__setattr__(self, "a", a)
            object.__setattr__(self, "b", b)

    @property
    def ids(self) -> tuple[str, str]:
        """The two claim ids, sorted."""
        return (self.a, self.b)

    def other(self, claim_id: str) -> str:
        """The endpoint that is not `claim_id`."""
        return self.b if claim_id == self.a else self.a
