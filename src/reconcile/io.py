"""Reading and writing claims: records, pandas, CSV and a lossless JSON format.

JSON is the lossless format: :func:`to_json` / :func:`from_json` round-trip claims,
graphs and (once scored) results exactly, inside an envelope that carries a schema
version. CSV and DataFrames are for interchange with other tools.

Examples
--------
>>> claims = claims_from_records([
...     {"text": "Turnout was 61%", "source": "electoral board", "via": "Wire|Daily"},
...     {"headline": "Turnout was 58%", "source": "party"},
... ], text="headline")
Traceback (most recent call last):
...
reconcile.errors.InvalidClaimError: record 0, field 'text': is required when no \
structured form (subject/predicate/value) is given
>>> good, bad = claims_from_records([
...     {"text": "Turnout was 61%", "source": "electoral board", "via": "Wire|Daily"},
...     {"text": "Turnout was 58%"},
... ], errors="collect")
>>> [c.via for c in good], [str(e) for e in bad]
([('Wire', 'Daily')], ["record 1, field 'source': is required: who makes this statement?"])
>>> from_json(to_json(good)) == good
True
"""

from __future__ import annotations

import csv
import io as _io
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, overload

from reconcile.collection import Claims
from reconcile.errors import (
    DuplicateIdError,
    InvalidClaimError,
    OptionError,
    ReconcileError,
    SchemaError,
)
from reconcile.graph import ClaimGraph
from reconcile.model import Claim, Link, Source, SourceKind, Stance

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLAIM_FIELDS",
    "SCHEMA_VERSION",
    "claim_from_dict",
    "claim_to_dict",
    "claims_from_csv",
    "claims_from_jsonl",
    "claims_from_pandas",
    "claims_from_records",
    "from_json",
    "link_from_dict",
    "link_to_dict",
    "read_csv",
    "read_json",
    "read_jsonl",
    "to_csv",
    "to_json",
    "to_jsonl",
    "write_csv",
    "write_json",
    "write_jsonl",
]

SCHEMA_VERSION = 1
"""The version of the JSON layout this release writes (and the newest it reads)."""

_FORMAT = "reconcile"

CLAIM_FIELDS = (
    "id",
    "text",
    "source",
    "via",
    "subject",
    "predicate",
    "value",
    "stance",
    "time",
    "document",
    "meta",
)
"""The claim fields a record can map, in the order tables show them."""


class _Default(str):
    """A column name the user did not choose: it may be absent from a table."""


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    # pandas' NA and NaT, without importing pandas
    return type(value).__name__ in ("NAType", "NaTType")


def _native(value: object) -> object:
    # numpy scalars (from DataFrames) become Python scalars so validation sees ints as ints
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _split(value: object, sep: str | None) -> object:
    if sep is not None and isinstance(value, str):
        parts = [part.strip() for part in value.split(sep)]
        return tuple(part for part in parts if part)
    return value


def _claim_from_record(
    record: object,
    columns: Mapping[str, str | None],
    *,
    via_sep: str | None,
    value_sep: str | None,
    keep_extra: bool,
) -> Claim:
    if not isinstance(record, Mapping):
        raise InvalidClaimError(f"expected a mapping, got {type(record).__name__}")
    kwargs: dict[str, Any] = {}
    for field, column in columns.items():
        if column is None or column not in record:
            continue
        value = _native(record[column])
        if _is_missing(value):
            continue
        if field == "via":
            value = _split(value, via_sep)
        elif field == "value":
            value = _split(value, value_sep)
        elif field == "meta" and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise InvalidClaimError("is not valid JSON", field="meta") from None
        kwargs[field] = value
    if keep_extra:
        mapped = {c for c in columns.values() if c is not None}
        extra = {
            str(k): _native(v)
            for k, v in record.items()
            if k not in mapped and not _is_missing(_native(v))
        }
        if extra:
            given = kwargs.get("meta", {})
            if not isinstance(given, Mapping):
                raise InvalidClaimError(
                    f"must be a mapping, got {type(given).__name__}", field="meta"
                )
            meta = dict(given)
            for key, value in extra.items():
                meta.setdefault(key, value)
            kwargs["meta"] = meta
    if "source" not in kwargs:
        raise InvalidClaimError("is required: who makes this statement?", field="source")
    src = kwargs["source"]
    if isinstance(src, Mapping):  # a source as claim_to_dict writes it, with its kind
        bad = set(src) - _SOURCE_KEYS
        if bad:
            raise InvalidClaimError("is not a source field", field=f"source.{sorted(bad)[0]}")
        kwargs["source"] = Source(
            src.get("id"), name=src.get("name"), kind=src.get("kind", "unknown"),
            prior=src.get("prior"),
        )  # fmt: skip
    text = kwargs.pop("text", None)
    try:
        return Claim(text, **kwargs)
    except ReconcileError:
        raise
    except Exception as err:  # e.g. a hostile object whose __str__ raises
        raise InvalidClaimError(f"could not be read: {type(err).__name__}") from None


@overload
def claims_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    text: str | None = ...,
    source: str = ...,
    via: str | None = ...,
    subject: str | None = ...,
    predicate: str | None = ...,
    value: str | None = ...,
    stance: str | None = ...,
    time: str | None = ...,
    document: str | None = ...,
    id: str | None = ...,
    meta: str | None = ...,
    via_sep: str | None = ...,
    value_sep: str | None = ...,
    keep_extra: bool = ...,
    errors: Literal["raise"] = ...,
) -> list[Claim]: ...


@overload
def claims_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    text: str | None = ...,
    source: str = ...,
    via: str | None = ...,
    subject: str | None = ...,
    predicate: str | None = ...,
    value: str | None = ...,
    stance: str | None = ...,
    time: str | None = ...,
    document: str | None = ...,
    id: str | None = ...,
    meta: str | None = ...,
    via_sep: str | None = ...,
    value_sep: str | None = ...,
    keep_extra: bool = ...,
    errors: Literal["collect"],
) -> tuple[list[Claim], list[ReconcileError]]: ...


def claims_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    text: str | None = _Default("text"),
    source: str = _Default("source"),
    via: str | None = _Default("via"),
    subject: str | None = _Default("subject"),
    predicate: str | None = _Default("predicate"),
    value: str | None = _Default("value"),
    stance: str | None = _Default("stance"),
    time: str | None = _Default("time"),
    document: str | None = _Default("document"),
    id: str | None = _Default("id"),
    meta: str | None = _Default("meta"),
    via_sep: str | None = "|",
    value_sep: str | None = None,
    keep_extra: bool = True,
    errors: Literal["raise", "collect"] = "raise",
) -> list[Claim] | tuple[list[Claim], list[ReconcileError]]:
    """Build claims from mappings (dicts, JSON objects, CSV rows).

    Each keyword names the key that holds that claim field (None: do not read it).
    Missing keys, None, NaN and blank strings count as absent.

    Parameters
    ----------
    records : iterable of mapping
        One mapping per claim.
    text, source, via, subject, predicate, value, stance, time, document, id, meta : str or None
        The key holding each field.
    via_sep : str or None
        Splits a string `via` into outlets ("Wire|Daily"); None keeps it whole.
    value_sep : str or None
        Splits a string `value` into a multi-valued tuple; None (default) keeps it whole.
    keep_extra : bool
        Put keys that map to no field into the claim's ``meta`` (so nothing read is lost).
    errors : {"raise", "collect"}
        "raise" stops at the first bad record; "collect" returns ``(claims, errors)``
        with every good claim and one error per bad record.

    Returns
    -------
    list of Claim, or (list of Claim, list of ReconcileError)

    Notes
    -----
    Records that are identical in every field get the same derived id; the second and
    later copies get the suffix ``-2``, ``-3``... so every record yields its own claim.
    Two different records that give one explicit id raise a DuplicateIdError.
    """
    if errors not in ("raise", "collect"):
        raise OptionError(f"must be 'raise' or 'collect', got {errors!r}", field="errors")
    columns: dict[str, str | None] = {
        "id": id,
        "text": text,
        "source": source,
        "via": via,
        "subject": subject,
        "predicate": predicate,
        "value": value,
        "stance": stance,
        "time": time,
        "document": document,
        "meta": meta,
    }
    for field, column in columns.items():
        if column is not None and not isinstance(column, str):
            raise OptionError(
                f"must name a key (str) or be None, got {type(column).__name__}", field=field
            )
    claims: list[Claim] = []
    problems: list[ReconcileError] = []
    first_record: dict[str, int] = {}
    copies: dict[str, int] = {}
    for i, record in enumerate(records):
        try:
            claim = _claim_from_record(
                record, columns, via_sep=via_sep, value_sep=value_sep, keep_extra=keep_extra
            )
            if claim.id in first_record:
                if claim.id != claim.derived_id():
                    raise DuplicateIdError(
                        f"id {claim.id!r} was already given by record {first_record[claim.id]}",
                        field="id",
                    )
                copies[claim.id] = copies.get(claim.id, 1) + 1
                claim = claim.replace(id=f"{claim.id}-{copies[claim.id]}")
            first_record[claim.id] = i
        except ReconcileError as err:
            err = err.with_record(i)
            if errors == "raise":
                raise err from None
            problems.append(err)
            continue
        claims.append(claim)
    found = Claims(claims)
    return (found, problems) if errors == "collect" else found


def _check_columns(available: Sequence[str], mapping: Mapping[str, Any], where: str) -> None:
    """Explicitly mapped columns must exist; default ones may be absent."""
    for field in CLAIM_FIELDS:
        column = mapping.get(field)
        if column is None or isinstance(column, _Default):
            continue
        if column not in available:
            raise SchemaError(
                f"column {column!r} (mapped to {field}) is not among the columns "
                f"{list(available)[:20]!r}",
                record=where,
                field=field,
            )


def claims_from_pandas(df: pd.DataFrame, **options: Any) -> Any:
    """Build claims from a pandas DataFrame, one row per claim.

    Takes the same options as :func:`claims_from_records`; a column named by an
    option that the frame lacks raises a :class:`~reconcile.errors.SchemaError`.
    Errors name the row by position.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"said": ["Rain on Monday"], "who": ["met office"]})
    >>> claims_from_pandas(df, text="said", source="who")
    <Claims: 1 claim from 1 source>
      id                  source      stance   claim
      ------------------  ----------  -------  --------------
      c-...  met office  asserts  Rain on Monday
    """
    _check_columns([str(c) for c in df.columns], options, "columns")
    records: list[dict[str, Any]] = df.to_dict("records")  # type: ignore[assignment]
    return claims_from_records(records, **options)


def read_csv(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    **options: Any,
) -> Any:
    """Read claims from a CSV file with a header row.

    Takes the same options as :func:`claims_from_records`. Every cell is a string:
    `via` is split on ``via_sep`` ("|"), `meta` cells are parsed as JSON, and columns
    that map to no field go into ``meta``. Records are numbered from 0 (the first
    row after the header).
    """
    name = os.fspath(path)
    try:
        with open(name, newline="", encoding=encoding) as handle:
            return claims_from_csv(handle, delimiter=delimiter, source_name=name, **options)
    except UnicodeDecodeError as err:
        raise SchemaError(f"is not valid {encoding} text (byte {err.start})", record=name) from None


def claims_from_csv(
    lines: Iterable[str], *, delimiter: str = ",", source_name: str = "input", **options: Any
) -> Any:
    """Claims from CSV text: an open file or any iterable of lines (see :func:`read_csv`).

    Examples
    --------
    >>> claims_from_csv(["text,source", "It rained,x"])[0].source.id
    'x'
    """
    try:
        reader = csv.DictReader(iter(lines), delimiter=delimiter)
        header = reader.fieldnames
        if not header:
            raise SchemaError("the file is empty (no header row)", record=source_name)
        _check_columns(header, options, "header")
        rows = []
        for i, row in enumerate(reader):
            if None in row:
                raise SchemaError(
                    f"has {len(header) + len(row[None])} cells for {len(header)} columns",
                    record=i,
                    field="row",
                )
            rows.append(row)
    except csv.Error as err:
        raise SchemaError(f"is not readable CSV: {err}", record=source_name) from None
    return claims_from_records(rows, **options)


def read_jsonl(path: str | os.PathLike[str], **options: Any) -> Any:
    """Read claims from JSON Lines: one JSON object per line (blank lines skipped).

    Takes the same options as :func:`claims_from_records`; the defaults read what
    :func:`write_jsonl` writes. Records are numbered by line, from 1.

    Examples
    --------
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> write_jsonl([Claim("It rained", source="x")], os.path.join(folder, "c.jsonl"))
    >>> read_jsonl(os.path.join(folder, "c.jsonl"))[0].text
    'It rained'
    """
    name = os.fspath(path)
    with open(name, "rb") as handle:
        data = handle.read()
    return claims_from_jsonl(data, source_name=name, **options)


def claims_from_jsonl(data: str | bytes, *, source_name: str = "input", **options: Any) -> Any:
    """Claims from JSON Lines text (see :func:`read_jsonl`)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise SchemaError(
                f"is not valid UTF-8 (byte {err.start})", record=source_name
            ) from None
    records: list[Any] = []
    lines: list[int] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except RecursionError:
            raise SchemaError("nests too deeply to read", record=f"line {number}") from None
        except ValueError as err:
            raise SchemaError(f"is not valid JSON: {err}", record=f"line {number}") from None
        lines.append(number)
    try:
        return claims_from_records(records, **options)
    except ReconcileError as err:
        if isinstance(err.record, int) and 0 <= err.record < len(lines):
            raise err.with_record(f"line {lines[err.record]}") from None
        raise


def write_jsonl(claims: Iterable[Claim] | ClaimGraph, path: str | os.PathLike[str]) -> None:
    """Write claims as JSON Lines, one :func:`claim_to_dict` object per line (lossless)."""
    with open(os.fspath(path), "w", encoding="utf-8") as handle:
        handle.write(to_jsonl(claims))


def to_jsonl(claims: Iterable[Claim] | ClaimGraph) -> str:
    """Claims as JSON Lines text, in the order given."""
    items = claims.claims if isinstance(claims, ClaimGraph) else list(claims)
    return "".join(
        json.dumps(claim_to_dict(c), ensure_ascii=False, separators=(",", ":")) + "\n"
        for c in items
    )


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "|".join(map(str, value))
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def write_csv(claims: Iterable[Claim] | ClaimGraph, path: str | os.PathLike[str]) -> None:
    """Write claims as CSV (columns as :func:`read_csv` reads them by default).

    `via` and multi-valued `value` are joined with "|", `meta` is written as JSON.
    CSV does not keep value types (everything reads back as text): use JSON for a
    lossless copy.
    """
    text = to_csv(claims)
    with open(os.fspath(path), "w", newline="", encoding="utf-8") as handle:
        handle.write(text)


def to_csv(claims: Iterable[Claim] | ClaimGraph) -> str:
    """Claims as CSV text, sorted by id (what :func:`write_csv` writes)."""
    items = claims.claims if isinstance(claims, ClaimGraph) else list(claims)
    buffer = _io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CLAIM_FIELDS)
    for c in sorted(items, key=lambda c: c.id):
        cells = (
            c.id,
            c.text,
            c.source.id,
            c.via,
            c.subject,
            c.predicate,
            c.value,
            c.stance.value,
            c.time,
            c.document,
        )
        meta = json.dumps(_thaw(c.meta), ensure_ascii=False) if c.meta else ""
        writer.writerow([_csv_cell(v) for v in cells] + [meta])
    return buffer.getvalue()


# -- JSON ---------------------------------------------------------------------------


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _source_to_json(source: Source) -> str | dict[str, Any]:
    if source.is_bare:
        return source.id
    out: dict[str, Any] = {"id": source.id}
    if source.name != source.id:
        out["name"] = source.name
    if source.kind is not SourceKind.UNKNOWN:
        out["kind"] = source.kind.value
    if source.prior is not None:
        out["prior"] = source.prior
    return out


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A JSON-ready dict of a claim; fields at their defaults are left out."""
    out: dict[str, Any] = {"id": claim.id}
    if claim.text is not None:
        out["text"] = claim.text
    out["source"] = _source_to_json(claim.source)
    if claim.via:
        out["via"] = list(claim.via)
    if claim.subject is not None:
        out["subject"] = claim.subject
        out["predicate"] = claim.predicate
        out["value"] = list(claim.value) if isinstance(claim.value, tuple) else claim.value
    if claim.stance is not Stance.ASSERTS:
        out["stance"] = claim.stance.value
    if claim.time is not None:
        out["time"] = claim.time.isoformat()
    if claim.document is not None:
        out["document"] = claim.document
    if claim.meta:
        out["meta"] = _thaw(claim.meta)
    return out


_CLAIM_KEYS = frozenset(CLAIM_FIELDS)
_SOURCE_KEYS = frozenset({"id", "name", "kind", "prior"})


def claim_from_dict(data: object, *, record: int | str | None = None) -> Claim:
    """The claim a :func:`claim_to_dict` dict describes (strict about unknown keys)."""
    try:
        if not isinstance(data, Mapping):
            raise SchemaError(f"a claim must be a JSON object, got {type(data).__name__}")
        unknown = set(data) - _CLAIM_KEYS
        if unknown:
            raise SchemaError("is not a claim field", field=sorted(map(str, unknown))[0])
        kwargs = dict(data)
        src = kwargs.get("source")
        if isinstance(src, Mapping):
            bad = set(src) - _SOURCE_KEYS
            if bad:
                raise SchemaError("is not a source field", field=f"source.{sorted(bad)[0]}")
            kwargs["source"] = Source(
                src.get("id"),
                name=src.get("name"),
                kind=src.get("kind", "unknown"),
                prior=src.get("prior"),
            )
        text = kwargs.pop("text", None)
        return Claim(text, **kwargs)
    except ReconcileError as err:
        raise (err.with_record(record) if record is not None else err) from None


def link_to_dict(link: Link) -> dict[str, Any]:
    """A JSON-ready dict of a link."""
    out: dict[str, Any] = {
        "a": link.a,
        "b": link.b,
        "relation": link.relation.value,
        "confidence": link.confidence,
    }
    if link.reasons:
        out["reasons"] = list(link.reasons)
    if link.hedged:
        out["hedged"] = True
    return out


_LINK_KEYS = frozenset({"a", "b", "relation", "confidence", "reasons", "hedged"})


def link_from_dict(data: object, *, record: int | str | None = None) -> Link:
    """The link a :func:`link_to_dict` dict describes."""
    try:
        if not isinstance(data, Mapping):
            raise SchemaError(f"a link must be a JSON object, got {type(data).__name__}")
        unknown = set(data) - _LINK_KEYS
        if unknown:
            raise SchemaError("is not a link field", field=sorted(map(str, unknown))[0])
        for key in ("a", "b", "relation"):
            if key not in data:
                raise SchemaError("is required", field=key)
        hedged = data.get("hedged", False)
        if not isinstance(hedged, bool):
            raise SchemaError("must be true or false", field="hedged")
        return Link(
            data["a"],
            data["b"],
            data["relation"],
            data.get("confidence", 1.0),
            reasons=data.get("reasons", ()),
            hedged=hedged,
        )
    except ReconcileError as err:
        raise (err.with_record(record) if record is not None else err) from None


def _document(obj: object) -> dict[str, Any]:
    if isinstance(obj, ClaimGraph):
        return {
            "kind": "graph",
            "claims": [claim_to_dict(c) for c in sorted(obj, key=lambda c: c.id)],
            "links": [link_to_dict(lk) for lk in obj.links()],
        }
    to_document = getattr(obj, "_to_document", None)
    if callable(to_document):
        doc: dict[str, Any] = to_document()
        return doc
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, Mapping)):
        items = list(obj)
        for i, item in enumerate(items):
            if not isinstance(item, Claim):
                raise InvalidClaimError(
                    f"expected a Claim, got {type(item).__name__}", record=i, field="claim"
                )
        # Keep the given order: a list of claims round-trips as the same list.
        return {"kind": "claims", "claims": [claim_to_dict(c) for c in items]}
    raise OptionError(
        f"cannot write {type(obj).__name__} as JSON: expected claims, a ClaimGraph or a result",
        field="obj",
    )


def to_json(obj: Iterable[Claim] | ClaimGraph | Any, *, indent: int | None = None) -> str:
    """Serialise claims, a :class:`ClaimGraph` or a result object as JSON text.

    The output is deterministic: the same input gives the same bytes in every
    process. Non-ASCII text is kept as is (UTF-8).

    Examples
    --------
    >>> print(to_json([Claim("It rained", source="x", id="a")], indent=1))
    {
     "format": "reconcile",
     "version": 1,
     "kind": "claims",
     "claims": [
      {
       "id": "a",
       "text": "It rained",
       "source": "x"
      }
     ]
    }
    """
    document = {"format": _FORMAT, "version": SCHEMA_VERSION}
    document.update(_document(obj))
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        document, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False
    )


def _items(document: Mapping[str, Any], key: str) -> list[Any]:
    items = document.get(key, [])
    if not isinstance(items, list):
        raise SchemaError(f"must be a JSON array, got {type(items).__name__}", field=key)
    return items


def from_json(text: str | bytes) -> Any:
    """Read what :func:`to_json` wrote: a list of claims, a ClaimGraph or a result.

    Raises
    ------
    SchemaError
        The text is not JSON, not a ``reconcile`` document, or from a newer schema.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise SchemaError(f"is not valid UTF-8 (byte {err.start})", record="input") from None
    if not isinstance(text, str):
        raise SchemaError(f"expected JSON text, got {type(text).__name__}", record="input")
    try:
        document = json.loads(text)
    except RecursionError:
        raise SchemaError("nests too deeply to read", record="input") from None
    except ValueError as err:
        raise SchemaError(f"is not valid JSON: {err}", record="input") from None
    return _from_document(document)


def _from_document(document: object) -> Any:
    if not isinstance(document, Mapping) or document.get("format") != _FORMAT:
        raise SchemaError(
            'is not a reconcile JSON document (no "format": "reconcile")',
            record="input",
            field="format",
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaError(f"must be a positive integer, got {version!r}", field="version")
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the file was written with schema version {version}; this release of "
            f"reconcile reads versions up to {SCHEMA_VERSION}: upgrade reconcile",
            field="version",
        )
    kind = document.get("kind")
    claims = [claim_from_dict(c, record=i) for i, c in enumerate(_items(document, "claims"))]
    if kind == "claims":
        return Claims(claims)
    if kind == "graph":
        links = [link_from_dict(lk, record=i) for i, lk in enumerate(_items(document, "links"))]
        return ClaimGraph(claims, links)
    if kind == "consensus":
        from reconcile.scoring.consensus import Consensus

        links = [link_from_dict(lk, record=i) for i, lk in enumerate(_items(document, "links"))]
        return Consensus._from_document(document, ClaimGraph(claims, links))
    raise SchemaError(f"unknown document kind {kind!r}", field="kind")


def write_json(
    obj: Iterable[Claim] | ClaimGraph | Any,
    path: str | os.PathLike[str],
    *,
    indent: int | None = None,
) -> None:
    """Write :func:`to_json` output to `path` (UTF-8)."""
    text = to_json(obj, indent=indent)
    with open(os.fspath(path), "w", encoding="utf-8") as handle:
        handle.write(text)


def read_json(path: str | os.PathLike[str]) -> Any:
    """Read a file written by :func:`write_json`."""
    with open(os.fspath(path), "rb") as handle:
        data = handle.read()
    try:
        return from_json(data)
    except SchemaError as err:
        if err.record == "input":
            raise SchemaError(err.reason, record=os.fspath(path), field=err.field) from None
        raise
