"""reconcile: cross-source fact reconciliation.

Claims from many sources go in; a graph of corroboration and contradiction, a
consensus score per claim and a trust estimate per source come out, each explained.

>>> import reconcile as rc
>>> graph = rc.ClaimGraph([rc.Claim("The dam held", source="engineer")])
>>> len(graph)
1
"""

from __future__ import annotations

from typing import Any

from reconcile import datasets
from reconcile.collection import Claims
from reconcile.errors import (
    DuplicateIdError,
    InvalidClaimError,
    InvalidLinkError,
    InvalidRecordError,
    InvalidSourceError,
    OptionError,
    ReconcileError,
    SchemaError,
    UnknownClaimError,
)
from reconcile.extract import ExtractionError, extract_claims
from reconcile.graph import ClaimGraph, GraphTables
from reconcile.io import (
    claims_from_pandas,
    claims_from_records,
    from_json,
    read_csv,
    read_json,
    read_jsonl,
    to_json,
    write_csv,
    write_json,
    write_jsonl,
)
from reconcile.linking import (
    BlockingReport,
    Linker,
    ReconcileWarning,
    compare,
    count_comparisons,
    link,
)
from reconcile.model import Claim, Link, Relation, Source, SourceKind, Stance
from reconcile.plot import plot, plot_scores, plot_trust
from reconcile.scoring import Answer, Consensus, Explanation, score

__all__ = [
    "Answer",
    "BlockingReport",
    "Claim",
    "ClaimGraph",
    "Claims",
    "Consensus",
    "DuplicateIdError",
    "Explanation",
    "ExtractionError",
    "GraphTables",
    "InvalidClaimError",
    "InvalidLinkError",
    "InvalidRecordError",
    "InvalidSourceError",
    "Link",
    "Linker",
    "OptionError",
    "ReconcileError",
    "ReconcileWarning",
    "Relation",
    "SchemaError",
    "Source",
    "SourceKind",
    "Stance",
    "UnknownClaimError",
    "__version__",
    "claims_from_pandas",
    "claims_from_records",
    "compare",
    "count_comparisons",
    "datasets",
    "extract_claims",
    "from_json",
    "link",
    "plot",
    "plot_scores",
    "plot_trust",
    "read_csv",
    "read_json",
    "read_jsonl",
    "score",
    "to_json",
    "write_csv",
    "write_json",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    # The version is read from the installed metadata only when asked for.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("reconcile")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return "0+unknown"
    raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
